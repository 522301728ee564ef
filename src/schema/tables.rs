//! Tables and their columns: persistence, partitioning and inheritance, storage parameters,
//! each column's type, default, identity, storage, compression, statistics target and
//! options, and the replica identity. A table changes column by column, safely on one that
//! holds rows; only a new partitioning makes it anew.

use std::collections::BTreeMap;

use anyhow::Result;

use super::catalog::{Reader, USER_NAMESPACE, catalogs, not_extension_member};
use super::diff::{Alter, CastPath, Differ};
use super::plan::{Change, Step};
use super::sequences::{OPTION_COLUMNS, Options};
use super::types::{bare, quoted};
use super::{Column, Identity, Inherited, Kind, Object, Schema, Table};

/// Every column of user relations and composite types, by relation oid, in order.
pub async fn columns(r: &Reader<'_>) -> Result<BTreeMap<u32, Vec<Column>>> {
    let statistics = match r.version {
        v if v >= 170000 => "a.attstattarget::int4",
        _ => "NULLIF(a.attstattarget, -1)",
    };
    let compression = match r.version {
        v if v >= 140000 => "a.attcompression::text",
        _ => "''::text",
    };
    let not_null_name = match r.version {
        v if v >= 180000 => {
            "(SELECT pg_catalog.quote_ident(k.conname) FROM pg_catalog.pg_constraint k
               WHERE k.conrelid = a.attrelid AND k.contype = 'n' AND k.conkey[1] = a.attnum AND k.conislocal
                 AND k.conname <> pg_catalog.left(pg_catalog.format('%s_%s_not_null', c.relname, a.attname), 63))"
        }
        _ => "NULL::text",
    };
    // What a column gets when its table is created: its type's storage, or, inherited, its
    // first parent's storage, compression, default and NOT NULL.
    let parent = |what: &str| {
        format!(
            "(SELECT {what} FROM pg_catalog.pg_inherits i
                JOIN pg_catalog.pg_attribute pa ON pa.attrelid = i.inhparent AND pa.attname = a.attname
                LEFT JOIN pg_catalog.pg_attrdef pd ON pd.adrelid = pa.attrelid AND pd.adnum = pa.attnum
               WHERE i.inhrelid = a.attrelid ORDER BY i.inhseqno LIMIT 1)"
        )
    };
    let parent_compression = match r.version {
        v if v >= 140000 => parent("pa.attcompression::text"),
        _ => "''::text".to_string(),
    };
    // Debian's servers keep a version of their own among a column's options, `pg_attver`,
    // which pg_dump leaves out too.
    let sql = format!(
        "SELECT a.attrelid, pg_catalog.quote_ident(a.attname), pg_catalog.format_type(a.atttypid, a.atttypmod),
                CASE WHEN a.atttypmod <> -1 THEN pg_catalog.format_type(a.atttypid, NULL) END,
                CASE WHEN a.attcollation <> t.typcollation AND a.attcollation <> 0 THEN
                  (SELECT pg_catalog.format('%I.%I', cn.nspname, co.collname) FROM pg_catalog.pg_collation co
                     JOIN pg_catalog.pg_namespace cn ON cn.oid = co.collnamespace WHERE co.oid = a.attcollation) END,
                pg_catalog.pg_get_expr(d.adbin, d.adrelid), a.attnotnull, a.attidentity::text, a.attgenerated::text,
                ds.description, {statistics},
                a.attstorage::text, CASE WHEN a.attinhcount > 0 THEN {} ELSE t.typstorage::text END,
                {compression}, CASE WHEN a.attinhcount > 0 THEN coalesce({parent_compression}, '') ELSE '' END,
                CASE WHEN a.attoptions IS NOT NULL THEN
                  ARRAY(SELECT o FROM pg_catalog.unnest(a.attoptions) o WHERE o NOT LIKE 'pg\\_attver=%') END,
                a.attislocal, a.attinhcount > 0, {not_null_name},
                CASE WHEN sc.oid IS NOT NULL THEN pg_catalog.format('%I.%I', sn.nspname, sc.relname) END, {OPTION_COLUMNS},
                CASE WHEN a.attinhcount > 0 THEN {} END, CASE WHEN a.attinhcount > 0 THEN {} END
           FROM pg_catalog.pg_attribute a
           JOIN pg_catalog.pg_class c ON c.oid = a.attrelid
           JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
           JOIN pg_catalog.pg_type t ON t.oid = a.atttypid
           LEFT JOIN pg_catalog.pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
           LEFT JOIN pg_catalog.pg_description ds ON ds.objoid = a.attrelid AND ds.objsubid = a.attnum
                AND ds.classoid = 'pg_catalog.pg_class'::pg_catalog.regclass
           LEFT JOIN pg_catalog.pg_depend sd ON a.attidentity <> '' AND sd.refclassid = 'pg_catalog.pg_class'::pg_catalog.regclass
                AND sd.refobjid = a.attrelid AND sd.refobjsubid = a.attnum AND sd.deptype = 'i'
                AND sd.classid = 'pg_catalog.pg_class'::pg_catalog.regclass
           LEFT JOIN pg_catalog.pg_sequence s ON s.seqrelid = sd.objid
           LEFT JOIN pg_catalog.pg_class sc ON sc.oid = s.seqrelid
           LEFT JOIN pg_catalog.pg_namespace sn ON sn.oid = sc.relnamespace
          WHERE a.attnum > 0 AND NOT a.attisdropped AND c.relkind IN ('r', 'p', 'v', 'm', 'c', 'f') AND {USER_NAMESPACE}
          ORDER BY a.attrelid, a.attnum",
        parent("pa.attstorage::text"),
        // A generated column's expression is no default: the partition has it as it is.
        parent("CASE WHEN pa.attgenerated = '' THEN pg_catalog.pg_get_expr(pd.adbin, pd.adrelid) END"),
        parent("pa.attnotnull"),
    );
    let mut columns: BTreeMap<u32, Vec<Column>> = BTreeMap::new();
    let code = |text: String| text.chars().next().unwrap_or('\0');
    for row in r.query("columns", &sql).await? {
        let identity: String = row.get(7);
        let generated: String = row.get(8);
        let default: Option<String> = row.get(5);
        let (default, generated) = match generated.as_str() {
            "s" => (None, default),
            _ => (default, None),
        };
        let identity = match identity.as_str() {
            "a" => Some("ALWAYS"),
            "d" => Some("BY DEFAULT"),
            _ => None,
        }
        .and_then(|how| {
            Some(Identity {
                how,
                sequence: row.get(19),
                options: Options::from_row(&row, 20)?,
            })
        });
        let compression = match r.version >= 140000 {
            true => (code(row.get(13)), code(row.get(14))),
            false => ('\0', '\0'),
        };
        columns.entry(row.get(0)).or_default().push(Column {
            name: row.get(1),
            type_name: row
                .get::<_, Option<String>>(3)
                .unwrap_or_else(|| row.get(2)),
            data_type: row.get(2),
            collation: row.get(4),
            default,
            not_null: row.get(6),
            not_null_name: row.get(18),
            identity,
            generated,
            comment: row.get(9),
            statistics: row.get(10),
            storage: (code(row.get(11)), code(row.get(12))),
            compression,
            options: row.get::<_, Option<Vec<String>>>(15).unwrap_or_default(),
            local: row.get(16),
            inherited: row.get::<_, bool>(17).then(|| Inherited {
                default: row.get(27),
                not_null: row.get::<_, Option<bool>>(28).unwrap_or(false),
            }),
        });
    }
    Ok(columns)
}

pub async fn read(
    r: &Reader<'_>,
    columns: &BTreeMap<u32, Vec<Column>>,
    schema: &mut Schema,
) -> Result<()> {
    let sql = format!(
        "SELECT c.oid, pg_catalog.format('%I.%I', n.nspname, c.relname), c.relpersistence::text,
                c.relrowsecurity, c.relforcerowsecurity,
                CASE WHEN c.relkind = 'p' THEN pg_catalog.pg_get_partkeydef(c.oid) END,
                CASE WHEN c.relispartition THEN
                  (SELECT i.inhparent::pg_catalog.regclass::text FROM pg_catalog.pg_inherits i WHERE i.inhrelid = c.oid) END,
                CASE WHEN c.relispartition THEN pg_catalog.pg_get_expr(c.relpartbound, c.oid) END,
                CASE WHEN NOT c.relispartition THEN
                  (SELECT pg_catalog.array_agg(i.inhparent::pg_catalog.regclass::text ORDER BY i.inhseqno)
                     FROM pg_catalog.pg_inherits i WHERE i.inhrelid = c.oid) END,
                c.reloptions, (SELECT tc.reloptions FROM pg_catalog.pg_class tc WHERE tc.oid = c.reltoastrelid),
                c.relreplident::text,
                (SELECT i.indexrelid FROM pg_catalog.pg_index i WHERE i.indrelid = c.oid AND i.indisreplident),
                (SELECT pg_catalog.quote_ident(ic.relname) FROM pg_catalog.pg_index i JOIN pg_catalog.pg_class ic ON ic.oid = i.indexrelid
                  WHERE i.indrelid = c.oid AND i.indisreplident),
                CASE WHEN c.relispartition THEN pg_catalog.pg_get_partition_constraintdef(c.oid) END,
                c.relispartition AND
                  (SELECT pg_catalog.array_agg(a.attname ORDER BY a.attnum) FROM pg_catalog.pg_attribute a
                    WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped)
                  IS DISTINCT FROM
                  (SELECT pg_catalog.array_agg(a.attname ORDER BY a.attnum) FROM pg_catalog.pg_attribute a
                     JOIN pg_catalog.pg_inherits i ON i.inhparent = a.attrelid
                    WHERE i.inhrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped)
           FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
          WHERE c.relkind IN ('r', 'p') AND {USER_NAMESPACE} AND {}",
        not_extension_member("pg_class", "c.oid")
    );
    for row in r.query("tables", &sql).await? {
        let oid: u32 = row.get(0);
        let name: String = row.get(1);
        let table = Table {
            columns: columns.get(&oid).cloned().unwrap_or_default(),
            unlogged: row.get::<_, String>(2) == "u",
            partition_key: row.get(5),
            partition_of: match (row.get(6), row.get(7)) {
                (Some(parent), Some(bound)) => Some((parent, bound)),
                _ => None,
            },
            bound_check: row.get(14),
            own_order: row.get(15),
            inherits: row.get::<_, Option<Vec<String>>>(8).unwrap_or_default(),
            options: row.get::<_, Option<Vec<String>>>(9).unwrap_or_default(),
            toast_options: row.get::<_, Option<Vec<String>>>(10).unwrap_or_default(),
            row_security: match (row.get::<_, bool>(3), row.get::<_, bool>(4)) {
                (true, true) => Some("FORCE"),
                (true, false) => Some("ENABLE"),
                _ => None,
            },
            populated: false,
            bytes: 0,
        };
        let address = (catalogs::CLASS, oid);
        let comments = column_comments(&name, &table.columns);
        let identity = match row.get::<_, String>(11).as_str() {
            "f" => Some(("FULL".to_string(), None)),
            "n" => Some(("NOTHING".to_string(), None)),
            "i" => row.get::<_, Option<String>>(13).map(|index| {
                (
                    format!("USING INDEX {index}"),
                    row.get::<_, Option<u32>>(12),
                )
            }),
            _ => None,
        };
        if let Some((how, index)) = identity {
            let mut object = Object::new(
                Kind::ReplicaIdentity,
                name.clone(),
                format!("ALTER TABLE ONLY {name} REPLICA IDENTITY {how};"),
                format!("ALTER TABLE ONLY {name} REPLICA IDENTITY DEFAULT;"),
                (0, oid),
            )
            .on(&name)
            .after(address);
            if let Some(index) = index {
                object = object.after((catalogs::CLASS, index));
            }
            schema.objects.push(object);
        }
        let mut object = Object::new(
            Kind::Table,
            name.clone(),
            create(&name, &table),
            format!("DROP TABLE {name};"),
            address,
        );
        object.target = format!("TABLE {name}");
        object.comments = comments;
        schema.tables.insert(name, table);
        schema.objects.push(object);
    }
    Ok(())
}

/// The statements that create `table` as it is. A partition whose columns are in another
/// order than its parent's is created as a table and attached, as pg_dump does: `PARTITION
/// OF` would give it its parent's order.
fn create(name: &str, table: &Table) -> String {
    let unlogged = if table.unlogged { "UNLOGGED " } else { "" };
    let mut sql = match &table.partition_of {
        Some((parent, bound)) if !table.own_order => {
            format!("CREATE {unlogged}TABLE {name} PARTITION OF {parent} {bound}")
        }
        _ => {
            // An inherited column comes from its parent, unless the table declares it too.
            let body: Vec<String> = table
                .columns
                .iter()
                .filter(|c| c.local || table.own_order)
                .map(|c| format!("    {}", c.definition()))
                .collect();
            let mut sql = format!("CREATE {unlogged}TABLE {name} (\n{}\n)", body.join(",\n"));
            if !table.inherits.is_empty() {
                sql.push_str(&format!("\nINHERITS ({})", table.inherits.join(", ")));
            }
            sql
        }
    };
    if let Some(key) = &table.partition_key {
        sql.push_str(&format!("\nPARTITION BY {key}"));
    }
    let options: Vec<String> = table
        .options
        .iter()
        .cloned()
        .chain(table.toast_options.iter().map(|o| format!("toast.{o}")))
        .collect();
    if !options.is_empty() {
        sql.push_str(&format!("\nWITH ({})", options.join(", ")));
    }
    sql.push(';');
    if let Some((parent, bound)) = table.partition_of.as_ref().filter(|_| table.own_order) {
        sql.push_str(&format!(
            "\nALTER TABLE ONLY {parent} ATTACH PARTITION {name} {bound};"
        ));
    }
    for column in &table.columns {
        // Declared in full, nothing of it comes from the parent.
        let declared = Column {
            inherited: None,
            ..column.clone()
        };
        let column = if table.own_order { &declared } else { column };
        for statement in column_settings(name, column, None) {
            sql.push('\n');
            sql.push_str(&statement);
        }
    }
    if let Some(how) = table.row_security {
        sql.push_str(&format!("\nALTER TABLE {name} ENABLE ROW LEVEL SECURITY;"));
        if how == "FORCE" {
            sql.push_str(&format!("\nALTER TABLE {name} FORCE ROW LEVEL SECURITY;"));
        }
    }
    sql
}

fn storage_name(code: char) -> &'static str {
    match code {
        'p' => "PLAIN",
        'e' => "EXTERNAL",
        'm' => "MAIN",
        _ => "EXTENDED",
    }
}

fn compression_name(code: char) -> &'static str {
    match code {
        'p' => "pglz",
        'l' => "lz4",
        _ => "default",
    }
}

/// The `ALTER TABLE ONLY ... ALTER COLUMN` statements that give `column` what its
/// definition cannot say: an inherited column's own default and NOT NULL, its statistics
/// target, storage, compression and options. Against `was` (the column as it is), only what
/// differs; against `None`, what differs from a new column's.
fn column_settings(table: &str, column: &Column, was: Option<&Column>) -> Vec<String> {
    let alter = |what: String| {
        format!(
            "ALTER TABLE ONLY {table} ALTER COLUMN {} {what};",
            column.name
        )
    };
    let mut sql = Vec::new();
    if let (None, Some(parent)) = (was, &column.inherited) {
        // An inherited column is created as its parent's (a column the table declares too
        // takes its own default, or else the parent's): what the table changed is set here.
        match (&column.default, column.local) {
            (None, _) if parent.default.is_some() => sql.push(alter("DROP DEFAULT".to_string())),
            (Some(default), false) if column.default != parent.default => {
                sql.push(alter(format!("SET DEFAULT {default}")))
            }
            _ => {}
        }
        if column.not_null && !parent.not_null && !column.local {
            sql.push(alter("SET NOT NULL".to_string()));
        }
    }
    let before_statistics = was.and_then(|w| w.statistics);
    if column.statistics != before_statistics {
        sql.push(alter(format!(
            "SET STATISTICS {}",
            column.statistics.unwrap_or(-1)
        )));
    }
    let storage_before = was.map_or(column.storage.1, |w| w.storage.0);
    if column.storage.0 != storage_before {
        sql.push(alter(format!(
            "SET STORAGE {}",
            storage_name(column.storage.0)
        )));
    }
    let compression_before = was.map_or(column.compression.1, |w| w.compression.0);
    if column.compression.0 != compression_before {
        sql.push(alter(format!(
            "SET COMPRESSION {}",
            compression_name(column.compression.0)
        )));
    }
    let options_before = was.map_or(&[][..], |w| w.options.as_slice());
    let reset: Vec<&str> = options_before
        .iter()
        .filter(|o| !column.options.contains(o))
        .filter_map(|o| o.split('=').next())
        .filter(|key| {
            !column
                .options
                .iter()
                .any(|o| o.starts_with(&format!("{key}=")))
        })
        .collect();
    if !reset.is_empty() {
        sql.push(alter(format!("RESET ({})", reset.join(", "))));
    }
    let set: Vec<&String> = column
        .options
        .iter()
        .filter(|o| !options_before.contains(o))
        .collect();
    if !set.is_empty() {
        let set: Vec<&str> = set.iter().map(|s| s.as_str()).collect();
        sql.push(alter(format!("SET ({})", set.join(", "))));
    }
    sql
}

/// The comments on the columns of `relation`.
pub fn column_comments(relation: &str, columns: &[Column]) -> Vec<(String, String)> {
    columns
        .iter()
        .filter_map(|column| {
            let text = column.comment.clone()?;
            Some((format!("COLUMN {relation}.{}", column.name), text))
        })
        .collect()
}

/// Which tables hold rows, and how big each is: what decides whether a new `NOT NULL` column
/// needs a backfill, and what a plan's estimates start from. A table another session holds
/// locked counts as holding rows, its size the catalog's last estimate (reading the file
/// would wait for the lock).
pub async fn populated(r: &Reader<'_>, schema: &mut Schema) -> Result<()> {
    let locked = r
        .query(
            "locks",
            "SELECT l.relation::pg_catalog.regclass::text,
                    (SELECT c.relpages::int8 * pg_catalog.current_setting('block_size')::int8 FROM pg_catalog.pg_class c WHERE c.oid = l.relation)
               FROM pg_catalog.pg_locks l
              WHERE l.locktype = 'relation' AND l.mode = 'AccessExclusiveLock' AND l.pid <> pg_catalog.pg_backend_pid()
                AND l.database = (SELECT oid FROM pg_catalog.pg_database WHERE datname = pg_catalog.current_database())",
        )
        .await?;
    let locked: BTreeMap<String, Option<i64>> =
        locked.iter().map(|row| (row.get(0), row.get(1))).collect();
    let mut checks = Vec::new();
    for (name, table) in schema.tables.iter_mut() {
        if let Some(bytes) = locked.get(name) {
            table.populated = true;
            table.bytes = bytes.unwrap_or(0).max(0) as u64;
        } else {
            let literal = postgres_protocol::escape::escape_literal(name);
            checks.push(format!(
                "SELECT {literal}, pg_catalog.pg_table_size({literal}::pg_catalog.regclass) WHERE EXISTS (SELECT FROM {name})"
            ));
        }
    }
    // One statement for them all, a few hundred at a time.
    for chunk in checks.chunks(200) {
        for row in r.query("tables' rows", &chunk.join(" UNION ALL ")).await? {
            let name: String = row.get(0);
            if let Some(table) = schema.tables.get_mut(&name) {
                table.populated = true;
                table.bytes = row.get::<_, Option<i64>>(1).unwrap_or(0).max(0) as u64;
            }
        }
    }
    Ok(())
}

/// Whether every value of type `from` fits `to` unchanged.
pub fn widens(from: &str, to: &str) -> bool {
    let length = |t: &str, base: &str| {
        t.strip_prefix(base)
            .and_then(|rest| rest.strip_prefix('('))
            .and_then(|rest| rest.strip_suffix(')'))
            .and_then(|n| n.parse::<u32>().ok())
    };
    match (from, to) {
        (_, "text") => true,
        ("smallint", "integer" | "bigint" | "numeric") | ("integer", "bigint" | "numeric") => true,
        ("bigint", "numeric") | ("real", "double precision") => true,
        (f, "character varying") if f.starts_with("character") => true,
        (f, t) if t.starts_with("character varying(") && f.starts_with("character") => {
            match (
                length(f, "character varying").or(length(f, "character")),
                length(t, "character varying"),
            ) {
                (Some(a), Some(b)) => a <= b,
                _ => false,
            }
        }
        _ => false,
    }
}

/// How table `name` (in both schemas) changes: a new partitioning makes it anew; otherwise it
/// is altered, and the second value says whether a column changes type under the views that
/// read it (they are then recreated), the third which columns are dropped and added again
/// (their indexes and constraints are then recreated).
pub fn verdict(d: &Differ, name: &str) -> (Alter, bool, Vec<String>) {
    let (a, b) = (&d.from.tables[name], &d.to.tables[name]);
    if !super::partitions::keeps_rows(a, b) || reordered(a, b) {
        return (Alter::Recreate, false, Vec::new());
    }
    let mut retyped = false;
    let mut readded = Vec::new();
    for column in &a.columns {
        let Some(now) = b.columns.iter().find(|n| n.name == column.name) else {
            continue;
        };
        if now.data_type != column.data_type
            || now.collation != column.collation
            || now.generated != column.generated
        {
            retyped = true;
            if column.local
                && now.generated == column.generated
                && d.cast_path(&column.type_name, &now.type_name) == CastPath::None
            {
                readded.push(column.name.clone());
            }
        }
    }
    (Alter::Steps(Vec::new()), retyped, readded)
}

/// Whether a partition's columns (those both sides have) come in another order: no `ALTER`
/// reorders columns, so the partition is made anew.
fn reordered(old: &Table, new: &Table) -> bool {
    if old.partition_of.is_none() || new.partition_of.is_none() || !(old.own_order || new.own_order)
    {
        return false;
    }
    let common = |one: &Table, other: &Table| -> Vec<String> {
        one.columns
            .iter()
            .filter(|c| other.columns.iter().any(|o| o.name == c.name))
            .map(|c| c.name.clone())
            .collect()
    };
    common(old, new) != common(new, old)
}

/// The columns of `table` that `to` lacks (or computes differently), dropped where the drops
/// go: after what reads them, before the types and extensions they use. Inherited columns go
/// with their parent's.
pub fn drop_columns(d: &mut Differ, table: &str) {
    let (old, new) = (&d.from.tables[table], &d.to.tables[table]);
    for column in old.columns.iter().filter(|c| c.local) {
        let regenerated = new
            .columns
            .iter()
            .find(|c| c.name == column.name)
            .is_some_and(|c| c.generated != column.generated);
        if regenerated || !new.columns.iter().any(|c| c.name == column.name) {
            d.step(
                Step::column(
                    table,
                    &column.name,
                    Change::Drop,
                    vec![format!("ALTER TABLE {table} DROP COLUMN {};", column.name)],
                )
                .losing(
                    (!regenerated && column.generated.is_none())
                        .then(|| format!("drops column {table}.{} and its values", column.name)),
                ),
            );
        }
    }
}

/// Table by table: persistence, storage parameters, parents, a partition's bound, row level
/// security; then column by column (adds, and changes of type, default, nullability, identity
/// and settings). (Dropped columns went earlier, with the drops.)
pub fn changes(d: &mut Differ, table: &str) {
    let (from, to) = (d.from, d.to);
    let (old, new) = (&from.tables[table], &to.tables[table]);
    let mut sql = Vec::new();
    if old.unlogged != new.unlogged {
        sql.push(format!(
            "ALTER TABLE {table} SET {};",
            if new.unlogged { "UNLOGGED" } else { "LOGGED" }
        ));
    }
    sql.extend(options_change(table, &old.options, &new.options, ""));
    sql.extend(options_change(
        table,
        &old.toast_options,
        &new.toast_options,
        "toast.",
    ));
    for parent in old.inherits.iter().filter(|p| !new.inherits.contains(p)) {
        sql.push(format!("ALTER TABLE {table} NO INHERIT {parent};"));
    }
    for parent in new.inherits.iter().filter(|p| !old.inherits.contains(p)) {
        sql.push(format!("ALTER TABLE {table} INHERIT {parent};"));
    }
    if old.row_security != new.row_security {
        sql.push(match new.row_security {
            None => format!("ALTER TABLE {table} DISABLE ROW LEVEL SECURITY;"),
            Some(_) => format!("ALTER TABLE {table} ENABLE ROW LEVEL SECURITY;"),
        });
        sql.push(format!(
            "ALTER TABLE {table} {} ROW LEVEL SECURITY;",
            if new.row_security == Some("FORCE") {
                "FORCE"
            } else {
                "NO FORCE"
            }
        ));
    }
    if !sql.is_empty() {
        d.step(Step::new(
            Kind::Table,
            table.to_string(),
            Change::Alter,
            sql,
        ));
    }
    for column in &new.columns {
        column_change(d, table, column);
    }
    if new.partition_key.is_some() {
        super::partitions::move_bounds(d, table);
    }
    super::partitions::attach(d, table);
}

/// `ALTER TABLE ... SET (...)` and `RESET (...)` from storage parameters `was` to `now`.
fn options_change(table: &str, was: &[String], now: &[String], prefix: &str) -> Vec<String> {
    let key = |o: &str| o.split('=').next().unwrap_or(o).to_string();
    let reset: Vec<String> = was
        .iter()
        .map(|o| key(o))
        .filter(|k| !now.iter().any(|o| key(o) == *k))
        .map(|k| format!("{prefix}{k}"))
        .collect();
    let set: Vec<String> = now
        .iter()
        .filter(|o| !was.contains(o))
        .map(|o| format!("{prefix}{o}"))
        .collect();
    let mut sql = Vec::new();
    if !reset.is_empty() {
        sql.push(format!("ALTER TABLE {table} RESET ({});", reset.join(", ")));
    }
    if !set.is_empty() {
        sql.push(format!("ALTER TABLE {table} SET ({});", set.join(", ")));
    }
    sql
}

/// Add `column` to `table`, or change it from what it is in `from`.
fn column_change(d: &mut Differ, table: &str, column: &Column) {
    let from = d.from;
    let old = &from.tables[table];
    let name = &column.name;
    let key = (table.to_string(), name.clone());
    let was = old
        .columns
        .iter()
        .find(|c| c.name == *name && c.generated == column.generated)
        .filter(|_| !d.dropped_columns.contains(&key));
    let Some(was) = was else {
        // An inherited column arrives with its parent's, unless the table is only now
        // becoming the parent's partition: then it must have it to be attached.
        if column.local || (old.partition_of.is_none() && d.to.tables[table].partition_of.is_some())
        {
            add_column(d, table, column, None);
        }
        return;
    };
    let alter = |what: &str| format!("ALTER TABLE {table} ALTER COLUMN {name} {what};");
    let mut sql = Vec::new();
    let mut then = Vec::new();
    let mut data_loss = None;
    let mut hazard = None;
    let retyped = was.data_type != column.data_type || was.collation != column.collation;
    if retyped && was.local {
        let using = match d.cast_path(&was.type_name, &column.type_name) {
            CastPath::Direct => format!("{name}::{}", column.data_type),
            CastPath::ThroughText => format!("{name}::text::{}", column.data_type),
            CastPath::None => {
                let why = format!(
                    "{table}.{name} changes from {} to {}, which no cast converts: the column is dropped and added again and its values are lost; to keep them, replace these statements with ALTER TABLE {table} ALTER COLUMN {name} TYPE {} USING <an expression of {name}>",
                    was.data_type, column.data_type, column.data_type
                );
                add_column(d, table, column, Some(why));
                return;
            }
        };
        let collate = column
            .collation
            .as_ref()
            .map(|c| format!(" COLLATE {c}"))
            .unwrap_or_default();
        if was.default.is_some() && !d.cleared_defaults.contains(&key) {
            sql.push(alter("DROP DEFAULT"));
        }
        let change = format!("TYPE {}{collate} USING {using}", column.data_type);
        if old.populated && rewrites(&was.data_type, &column.data_type) {
            hazard = Some(super::hazards::table_rewrite(
                table,
                old,
                &format!("ALTER COLUMN {name} TYPE {}", column.data_type),
            ));
        }
        sql.push(alter(&change));
        if let Some(default) = &column.default {
            sql.push(alter(&format!("SET DEFAULT {default}")));
        }
        if !widens(&was.data_type, &column.data_type)
            && !d.enum_fits(&was.data_type, &column.data_type)
        {
            data_loss = Some(format!(
                "{table}.{name} changes from {} to {}: values that do not fit fail or are cut",
                was.data_type, column.data_type
            ));
        }
    } else if (was.default != column.default || d.cleared_defaults.contains(&key))
        && column.identity.is_none()
        && !d.converting(&column.data_type)
    {
        match &column.default {
            Some(default) => sql.push(alter(&format!("SET DEFAULT {default}"))),
            None if was.default.is_some() && !d.cleared_defaults.contains(&key) => {
                sql.push(alter("DROP DEFAULT"))
            }
            None => {}
        }
    }
    sql.extend(identity_change(table, name, was, column));
    // PostgreSQL 18 names NOT NULL constraints: a name `to` gives is given, a name it takes
    // back becomes the default one again.
    let rename = |from: String| {
        let to = not_null_constraint(table, column);
        (from != to).then(|| format!("ALTER TABLE {table} RENAME CONSTRAINT {from} TO {to};"))
    };
    match (was.not_null, column.not_null) {
        (false, true) if column.identity.is_none() => {
            let (add, mut finish) = set_not_null(table, name);
            sql.push(add);
            if let (Some(last), Some(_)) = (finish.last_mut(), &column.not_null_name) {
                last.extend(rename(not_null_constraint(table, was)));
                hazard = hazard.or(Some(super::hazards::constraint_rename(table)));
            }
            then.extend(finish);
        }
        // A partition's names are its parent's: see `partitions`.
        (true, true)
            if was.not_null_name != column.not_null_name
                && !super::partitions::changes_parent(d, table) =>
        {
            sql.extend(rename(not_null_constraint(table, was)));
            hazard = hazard.or(Some(super::hazards::constraint_rename(table)));
        }
        (true, false) if column.identity.is_none() => sql.push(alter("DROP NOT NULL")),
        _ => {}
    }
    sql.extend(column_settings(table, column, Some(was)));
    if !sql.is_empty() {
        d.step(
            Step::column(table, name, Change::Alter, sql)
                .losing(data_loss)
                .with_hazard(hazard)
                .finished_by(then),
        );
    }
}

fn identity_change(table: &str, name: &str, was: &Column, column: &Column) -> Vec<String> {
    let alter = |what: &str| format!("ALTER TABLE {table} ALTER COLUMN {name} {what};");
    let mut sql = Vec::new();
    match (&was.identity, &column.identity) {
        (None, Some(new)) => sql.push(alter(&format!(
            "ADD GENERATED {} AS IDENTITY (SEQUENCE NAME {} {})",
            new.how,
            new.sequence,
            new.options.clauses()
        ))),
        (Some(_), None) => sql.push(alter("DROP IDENTITY")),
        (Some(old), Some(new)) => {
            if old.how != new.how {
                sql.push(alter(&format!("SET GENERATED {}", new.how)));
            }
            let (a, b) = (&old.options, &new.options);
            let mut set = Vec::new();
            if a.start != b.start {
                set.push(format!("SET START WITH {}", b.start));
            }
            if a.increment != b.increment {
                set.push(format!("SET INCREMENT BY {}", b.increment));
            }
            if a.min != b.min {
                set.push(format!("SET MINVALUE {}", b.min));
            }
            if a.max != b.max {
                set.push(format!("SET MAXVALUE {}", b.max));
            }
            if a.cache != b.cache {
                set.push(format!("SET CACHE {}", b.cache));
            }
            if a.cycle != b.cycle {
                set.push(if b.cycle { "SET CYCLE" } else { "SET NO CYCLE" }.to_string());
            }
            if !set.is_empty() {
                sql.push(alter(&set.join(" ")));
            }
            if old.sequence != new.sequence {
                sql.push(format!(
                    "ALTER SEQUENCE {} RENAME TO {};",
                    old.sequence,
                    quoted(&bare(&new.sequence))
                ));
            }
        }
        (None, None) => {}
    }
    sql
}

/// `SET NOT NULL` after a validated `CHECK` has proved the column has no NULL, so that the
/// exclusive lock does not scan the table (12+); the check goes once it has served. The check
/// is added with the catalog changes; its validation (which reads every row, letting writes
/// go on) and the `SET NOT NULL` that then reads none are transactions of their own. Not
/// named `{table}_{column}_not_null`: PostgreSQL 18 gives that name to the NOT NULL
/// constraint itself, and would have to pick another.
fn set_not_null(table: &str, name: &str) -> (String, Vec<Vec<String>>) {
    let check = not_null_helper(table, name);
    (
        format!("ALTER TABLE {table} ADD CONSTRAINT {check} CHECK ({name} IS NOT NULL) NOT VALID;"),
        vec![
            vec![format!("ALTER TABLE {table} VALIDATE CONSTRAINT {check};")],
            vec![
                format!("ALTER TABLE {table} ALTER COLUMN {name} SET NOT NULL;"),
                format!("ALTER TABLE {table} DROP CONSTRAINT {check};"),
            ],
        ],
    )
}

/// The name of the NOT NULL constraint of `column` of `table` (PostgreSQL 18+): its own, or
/// the one the server gives it.
pub fn not_null_constraint(table: &str, column: &Column) -> String {
    column
        .not_null_name
        .clone()
        .unwrap_or_else(|| quoted(&format!("{}_{}_not_null", bare(table), bare(&column.name))))
}

/// The name of the check that proves column `name` of `table` holds no NULL.
pub fn not_null_helper(table: &str, name: &str) -> String {
    quoted(&format!("{}_{}_cdb_check", bare(table), bare(name)))
}

/// Whether changing a column from type `from` to `to` writes every row again. The changes
/// PostgreSQL makes in the catalogs alone: a longer or unlimited `varchar`, `varchar` to
/// `text` and back, more digits for a `numeric` of the same scale.
pub fn rewrites(from: &str, to: &str) -> bool {
    let numeric = |t: &str| -> Option<(u32, u32)> {
        let inner = t.strip_prefix("numeric(")?.strip_suffix(')')?;
        let (p, s) = inner.split_once(',').unwrap_or((inner, "0"));
        Some((p.trim().parse().ok()?, s.trim().parse().ok()?))
    };
    let varchar = |t: &str| t == "text" || t.starts_with("character varying");
    match (from, to) {
        _ if from == to => false,
        (_, "text" | "character varying") => !varchar(from),
        ("text", _) => true,
        (f, t) if varchar(f) && varchar(t) => !widens(f, t),
        (f, "numeric") => numeric(f).is_none(),
        (f, t) => match (numeric(f), numeric(t)) {
            (Some((p1, s1)), Some((p2, s2))) => !(s1 == s2 && p2 >= p1),
            _ => true,
        },
    }
}

/// Add `column` to `table` (dropping it first when `readded` says why it cannot be converted).
/// A `NOT NULL` column without a default on a table that holds rows is added nullable, left
/// for the user to fill in at a `-- TODO backfill` line, then proved and made `NOT NULL`: the
/// plan is marked incomplete until then.
fn add_column(d: &mut Differ, table: &str, column: &Column, readded: Option<String>) {
    let populated = d.from.tables[table].populated;
    let mut sql = Vec::new();
    let mut then = Vec::new();
    if readded.is_some() {
        sql.push(format!("ALTER TABLE {table} DROP COLUMN {};", column.name));
    }
    let needs_backfill = populated
        && column.not_null
        && column.default.is_none()
        && column.identity.is_none()
        && column.generated.is_none();
    if needs_backfill {
        let nullable = Column {
            not_null: false,
            ..column.clone()
        };
        sql.push(format!(
            "ALTER TABLE {table} ADD COLUMN {};",
            nullable.definition()
        ));
        let (add, finish) = set_not_null(table, &column.name);
        sql.push(add);
        // Written outside the catalog transaction, so the rows are updated without
        // ADD COLUMN's lock held; before the validation that needs them.
        then.push(vec![format!(
            "{} {table}.{} on the rows already there, e.g. UPDATE {table} SET {} = ... WHERE {} IS NULL;",
            super::plan::BACKFILL,
            column.name,
            column.name,
            column.name
        )]);
        then.extend(finish);
        d.plan.backfills.push(format!("{table}.{}", column.name));
    } else {
        sql.push(format!(
            "ALTER TABLE {table} ADD COLUMN {};",
            column.definition()
        ));
    }
    sql.extend(
        column_settings(table, column, None)
            .into_iter()
            .filter(|s| {
                // The definition said these already.
                !s.contains(" SET DEFAULT ") && !s.ends_with(" SET NOT NULL;")
            }),
    );
    let change = match readded {
        Some(_) => Change::Alter,
        None => Change::Create,
    };
    d.step(
        Step::column(table, &column.name, change, sql)
            .losing(readded)
            .finished_by(then),
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_changes_that_keep_every_value_count_as_widening() {
        assert!(widens("integer", "bigint"));
        assert!(widens("character varying(20)", "character varying(40)"));
        assert!(widens("character varying(20)", "text"));
        assert!(!widens("character varying(40)", "character varying(20)"));
        assert!(!widens("bigint", "integer"));
        assert!(!widens("text", "integer"));
    }

    #[test]
    fn only_type_changes_the_catalogs_alone_can_make_skip_the_rewrite() {
        assert!(!rewrites("character varying(20)", "character varying(40)"));
        assert!(!rewrites("character varying(20)", "text"));
        assert!(!rewrites("text", "character varying"));
        assert!(!rewrites("numeric(10,2)", "numeric(12,2)"));
        assert!(!rewrites("numeric(10,2)", "numeric"));
        assert!(rewrites("integer", "bigint"));
        assert!(rewrites("character varying(40)", "character varying(20)"));
        assert!(rewrites("text", "character varying(20)"));
        assert!(rewrites("numeric(10,2)", "numeric(12,3)"));
    }

    #[test]
    fn storage_parameters_are_set_and_reset_by_key() {
        let was = vec![
            "fillfactor=70".to_string(),
            "autovacuum_enabled=false".to_string(),
        ];
        let now = vec!["fillfactor=80".to_string()];
        assert_eq!(
            options_change("public.t", &was, &now, ""),
            [
                "ALTER TABLE public.t RESET (autovacuum_enabled);",
                "ALTER TABLE public.t SET (fillfactor=80);"
            ]
        );
    }
}
