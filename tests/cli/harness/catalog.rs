//! The schema of a database as the catalogs describe it, for tests that compare two: written
//! as catalog queries, or as `pg_dump --schema-only` writes it, independent of the code under
//! test.

use super::TestDb;

/// The schema as the catalogs describe it, one sorted line per fact, independent of how
/// cruddur-db clears and loads: what "the same database" means here. Extension members are
/// the extension's; column order aside is not needed, as both builds ran the same files.
pub const SCHEMA: &str = r#"
WITH user_ns AS (SELECT oid FROM pg_namespace WHERE nspname !~ '^pg_' AND nspname <> 'information_schema'),
     members AS (SELECT classid, objid FROM pg_depend WHERE deptype = 'e')
SELECT string_agg(line, E'\n' ORDER BY line) FROM (
  SELECT 'schema ' || nspname || ' ' || nspowner::regrole || ' ' || coalesce(nspacl::text, '') FROM pg_namespace WHERE oid IN (SELECT oid FROM user_ns)
  UNION ALL SELECT 'extension ' || extname || ' in ' || extnamespace::regnamespace FROM pg_extension
  UNION ALL SELECT format('column %s.%s %s default %s not null %s identity %s generated %s', a.attrelid::regclass, a.attname,
                          format_type(a.atttypid, a.atttypmod), pg_get_expr(d.adbin, d.adrelid), a.attnotnull, a.attidentity, a.attgenerated)
    FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
    LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
   WHERE a.attnum > 0 AND NOT a.attisdropped AND c.relnamespace IN (SELECT oid FROM user_ns) AND c.relkind IN ('r', 'p', 'v', 'm', 'f', 'c')
  UNION ALL SELECT format('constraint %s %s %s', conrelid::regclass, conname, pg_get_constraintdef(oid)) FROM pg_constraint WHERE connamespace IN (SELECT oid FROM user_ns)
  UNION ALL SELECT 'index ' || pg_get_indexdef(i.indexrelid) FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid WHERE c.relnamespace IN (SELECT oid FROM user_ns)
  UNION ALL SELECT format('view %s %s', oid::regclass, pg_get_viewdef(oid)) FROM pg_class WHERE relkind IN ('v', 'm') AND relnamespace IN (SELECT oid FROM user_ns)
  UNION ALL SELECT 'routine ' || pg_get_functiondef(p.oid) FROM pg_proc p
   WHERE p.pronamespace IN (SELECT oid FROM user_ns) AND p.prokind <> 'a' AND (p.tableoid, p.oid) NOT IN (SELECT * FROM members)
  UNION ALL SELECT format('trigger %s %s on %s', pg_get_triggerdef(oid), tgenabled, tgrelid::regclass) FROM pg_trigger WHERE NOT tgisinternal
  UNION ALL SELECT format('clustered %s on %s', indexrelid::regclass, indrelid::regclass) FROM pg_index WHERE indisclustered
  UNION ALL SELECT format('partition %s in its own column order %s', oid::regclass, own) FROM (
    SELECT c.oid, (SELECT string_agg(attname, ',' ORDER BY attnum) FROM pg_attribute WHERE attrelid = c.oid AND attnum > 0 AND NOT attisdropped) AS own,
           (SELECT string_agg(attname, ',' ORDER BY attnum) FROM pg_attribute WHERE attrelid = i.inhparent AND attnum > 0 AND NOT attisdropped) AS parents
      FROM pg_class c JOIN pg_inherits i ON i.inhrelid = c.oid WHERE c.relispartition) p WHERE own <> parents
  UNION ALL SELECT format('sequence %I.%I last %s', schemaname, sequencename, last_value) FROM pg_sequences
  UNION ALL SELECT format('type %s %s %s', t.oid::regtype, t.typtype,
                          (SELECT string_agg(enumlabel, ',' ORDER BY enumsortorder) FROM pg_enum WHERE enumtypid = t.oid))
    FROM pg_type t WHERE t.typnamespace IN (SELECT oid FROM user_ns) AND t.typtype IN ('e', 'd', 'r')
     AND (t.tableoid, t.oid) NOT IN (SELECT * FROM members)
  UNION ALL SELECT format('comment %s %s', objoid::regclass, description) FROM pg_description
   WHERE classoid = 'pg_class'::regclass AND objoid IN (SELECT oid FROM pg_class WHERE relnamespace IN (SELECT oid FROM user_ns))
  UNION ALL SELECT format('comment on constraint %s %s %s', con.conrelid::regclass, con.conname, d.description)
    FROM pg_description d JOIN pg_constraint con ON con.oid = d.objoid
   WHERE d.classoid = 'pg_constraint'::regclass AND con.connamespace IN (SELECT oid FROM user_ns)
  UNION ALL SELECT format('policy %s.%s %s %s %s %s %s', schemaname, tablename, policyname, permissive, roles, cmd, qual) FROM pg_policies
  UNION ALL SELECT format('relation %s %s rls %s %s partition key %s bound %s', oid::regclass, relkind, relrowsecurity, relforcerowsecurity,
                          CASE WHEN relkind = 'p' THEN pg_get_partkeydef(oid) END, pg_get_expr(relpartbound, oid))
    FROM pg_class WHERE relnamespace IN (SELECT oid FROM user_ns) AND relkind IN ('r', 'p', 'v', 'm', 'S', 'i', 'I', 'c')
) facts(line)"#;

/// The schema facts of `db`, one sorted line each.
pub fn schema_facts(db: &TestDb) -> String {
    db.query(SCHEMA)
}

/// `pg_dump --schema-only` of `db` (with owners and privileges when `owners_and_privileges`),
/// normalized so that two databases with the same schema give the same text: comments and
/// pg_dump's session settings dropped, one paragraph per object, paragraphs sorted. `None`
/// when no pg_dump as new as the server is at hand.
pub fn pg_dump_schema(db: &TestDb, owners_and_privileges: bool) -> Option<String> {
    let mut args = vec!["--schema-only"];
    if !owners_and_privileges {
        args.extend(["--no-owner", "--no-privileges"]);
    }
    let text = db.cluster.pg_dump_with(&db.name, &args)?;
    let kept: Vec<&str> = text
        .lines()
        .filter(|line| {
            !line.starts_with("--")
                && !line.starts_with("\\restrict")
                && !line.starts_with("\\unrestrict")
                && !line.starts_with("SET ")
                && !line.starts_with("SELECT pg_catalog.set_config(")
        })
        .collect();
    let joined = kept.join("\n");
    let mut paragraphs: Vec<&str> = joined
        .split("\n\n")
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    paragraphs.sort_unstable();
    Some(paragraphs.join("\n\n"))
}
