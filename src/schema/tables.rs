//! Tables: persistence, partitioning and inheritance, storage parameters, row level security
//! and the replica identity, as the catalogs hold them and as a plan changes them; only a new
//! partitioning makes a table anew. Its columns are `columns` (as read and written) and
//! `column_changes` (as a plan changes them).

use std::collections::BTreeMap;

use anyhow::Result;

use super::catalog::{Reader, USER_NAMESPACE, catalogs, not_extension_member};
use super::column_changes::column_change;
use super::columns::{column_comments, column_settings};
use super::diff::{Alter, CastPath, Differ};
use super::plan::{Change, Step};
use super::{Column, Kind, Object, Schema, Table};

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

#[cfg(test)]
mod tests {
    use super::*;

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
