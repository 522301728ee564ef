//! Constraints (primary keys, unique, check, exclusion, foreign keys), indexes, and extended
//! statistics objects: what belongs to a table besides its columns. A change makes them anew;
//! on a table that holds rows, `diff` builds an index concurrently and adds a constraint
//! `NOT VALID` before validating it.

use anyhow::Result;

use super::catalog::{Reader, USER_NAMESPACE, catalogs, not_extension_member};
use super::{Kind, Object, Schema};

pub async fn read(r: &Reader<'_>, schema: &mut Schema) -> Result<()> {
    constraints(r, schema).await?;
    indexes(r, schema).await?;
    statistics(r, schema).await
}

async fn constraints(r: &Reader<'_>, schema: &mut Schema) -> Result<()> {
    // Constraints a partition or child inherits are its parent's; NOT NULL is the column's
    // (PostgreSQL 18 also lists it here, as contype 'n').
    let sql = format!(
        "SELECT con.oid, con.conrelid::pg_catalog.regclass::text, pg_catalog.quote_ident(con.conname), con.contype::text,
                pg_catalog.pg_get_constraintdef(con.oid),
                (SELECT pg_catalog.quote_ident(ic.relname) FROM pg_catalog.pg_index i JOIN pg_catalog.pg_class ic ON ic.oid = i.indexrelid
                  WHERE i.indexrelid = con.conindid AND i.indisclustered)
           FROM pg_catalog.pg_constraint con
           JOIN pg_catalog.pg_class c ON c.oid = con.conrelid
           JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
          WHERE con.contype IN ('p', 'u', 'c', 'x', 'f') AND con.conislocal AND con.conparentid = 0
            AND {USER_NAMESPACE} AND {}",
        not_extension_member("pg_class", "c.oid")
    );
    for row in r.query("constraints", &sql).await? {
        let table: String = row.get(1);
        let constraint: String = row.get(2);
        let kind = match row.get::<_, String>(3).as_str() {
            "f" => Kind::ForeignKey,
            _ => Kind::Constraint,
        };
        schema.objects.push(Object::of_table(
            kind,
            (&table, &constraint),
            "CONSTRAINT",
            (
                format!(
                    "ALTER TABLE {table} ADD CONSTRAINT {constraint} {};{}",
                    row.get::<_, String>(4),
                    clustered(&table, row.get(5))
                ),
                format!("ALTER TABLE {table} DROP CONSTRAINT {constraint};"),
            ),
            (catalogs::CONSTRAINT, row.get(0)),
        ));
    }
    Ok(())
}

async fn indexes(r: &Reader<'_>, schema: &mut Schema) -> Result<()> {
    // Indexes of constraints come with their constraint; those of partitions with the
    // parent's index.
    let sql = format!(
        "SELECT i.indexrelid, pg_catalog.format('%I.%I', n.nspname, ic.relname), i.indrelid::pg_catalog.regclass::text,
                pg_catalog.pg_get_indexdef(i.indexrelid),
                CASE WHEN i.indisclustered THEN pg_catalog.quote_ident(ic.relname) END
           FROM pg_catalog.pg_index i
           JOIN pg_catalog.pg_class ic ON ic.oid = i.indexrelid
           JOIN pg_catalog.pg_namespace n ON n.oid = ic.relnamespace
          WHERE {USER_NAMESPACE} AND NOT ic.relispartition AND {}
            AND (i.indexrelid, i.indrelid) NOT IN (SELECT con.conindid, con.conrelid FROM pg_catalog.pg_constraint con
                                                   WHERE con.contype IN ('p', 'u', 'x'))",
        not_extension_member("pg_class", "i.indrelid")
    );
    for row in r.query("indexes", &sql).await? {
        let name: String = row.get(1);
        let table: String = row.get(2);
        schema.objects.push(
            Object::new(
                Kind::Index,
                name.clone(),
                // `ON ONLY` builds the partitioned table's index alone: without it the
                // partitions get theirs too, as they had.
                format!(
                    "{};{}",
                    row.get::<_, String>(3).replacen(" ON ONLY ", " ON ", 1),
                    clustered(&table, row.get(4))
                ),
                format!("DROP INDEX {name};"),
                (catalogs::CLASS, row.get(0)),
            )
            .named("INDEX")
            .on(&table),
        );
    }
    Ok(())
}

/// The line after an index (or the constraint that owns it) that `CLUSTER` orders its table
/// by: `\nALTER TABLE t CLUSTER ON index;`, as pg_dump writes it.
fn clustered(table: &str, index: Option<String>) -> String {
    index.map_or_else(String::new, |index| {
        format!("\nALTER TABLE {table} CLUSTER ON {index};")
    })
}

/// How an index or constraint changes when all that changes is whether its table is
/// clustered on it: `CLUSTER ON`, or `SET WITHOUT CLUSTER` unless another of the table's
/// indexes (among `all`, the target's objects) takes over, rather than made anew.
pub fn clustering_change(old: &Object, new: &Object, all: &[Object]) -> Option<Vec<String>> {
    let split = |create: &str| match create.rsplit_once('\n') {
        Some((definition, last)) if last.contains(" CLUSTER ON ") => {
            (definition.to_string(), Some(last.to_string()))
        }
        _ => (create.to_string(), None),
    };
    let ((was, clustered), (now, clustering)) = (split(&old.create), split(&new.create));
    if was != now || clustered == clustering {
        return None;
    }
    let table = new.table.as_deref()?;
    let taken_over = all.iter().any(|o| {
        o.table.as_deref() == Some(table) && o.name != new.name && split(&o.create).1.is_some()
    });
    Some(match (clustering, taken_over) {
        (Some(clustering), _) => vec![clustering],
        (None, true) => Vec::new(),
        (None, false) => vec![format!("ALTER TABLE {table} SET WITHOUT CLUSTER;")],
    })
}

async fn statistics(r: &Reader<'_>, schema: &mut Schema) -> Result<()> {
    let target = match r.version {
        v if v >= 170000 => "s.stxstattarget::int4",
        v if v >= 130000 => "NULLIF(s.stxstattarget, -1)",
        _ => "NULL::int4",
    };
    let sql = format!(
        "SELECT s.oid, pg_catalog.format('%I.%I', n.nspname, s.stxname), s.stxrelid::pg_catalog.regclass::text,
                pg_catalog.pg_get_statisticsobjdef(s.oid), {target}
           FROM pg_catalog.pg_statistic_ext s JOIN pg_catalog.pg_namespace n ON n.oid = s.stxnamespace
          WHERE {USER_NAMESPACE} AND {}",
        not_extension_member("pg_statistic_ext", "s.oid")
    );
    for row in r.query("statistics objects", &sql).await? {
        let name: String = row.get(1);
        let table: String = row.get(2);
        let mut create = format!("{};", row.get::<_, String>(3));
        if let Some(target) = row.get::<_, Option<i32>>(4) {
            create.push_str(&format!(
                "\nALTER STATISTICS {name} SET STATISTICS {target};"
            ));
        }
        schema.objects.push(
            Object::new(
                Kind::Statistics,
                name.clone(),
                create,
                format!("DROP STATISTICS {name};"),
                (catalogs::STATISTIC_EXT, row.get(0)),
            )
            .named("STATISTICS")
            .on(&table),
        );
    }
    Ok(())
}
