//! The health summary's index findings and their fixes: an invalid index rebuilt (or, when
//! its rows break its uniqueness, the query that lists them), an unused or duplicate one
//! dropped with a way back that keeps its comments, a foreign key's missing index built
//! under a name nobody has. Each fix is a migration or a statement the user runs.

use std::time::Duration;

use anyhow::Result;
use serde_json::{Map, Value};
use tokio_postgres::Client;

use super::health::{
    Finding, Fix, Summary, migration_fix, new_migration, number, statement_fix, text,
};
use super::read_only;
use crate::db::quote_ident;
use crate::schema::comment_sql;

/// `CREATE [UNIQUE] INDEX name ...` as `pg_get_indexdef` writes it, built concurrently.
fn concurrently(definition: &str) -> String {
    format!(
        "{};",
        definition.replacen("INDEX ", "INDEX CONCURRENTLY ", 1)
    )
}

/// `sql` that recreates objects, followed by the comments they had, each `(object, comment)`
/// as `COMMENT ON` names it (`INDEX public.i`): what the user wrote about them is not lost.
fn with_comments(sql: String, comments: &[(&str, String)]) -> String {
    comments
        .iter()
        .filter(|(_, comment)| !comment.is_empty())
        .fold(sql, |sql, (object, comment)| {
            format!("{sql}\n{}", comment_sql(object, Some(comment)))
        })
}

/// An invalid index: rebuilt concurrently, unless it is unique and the rows hold the duplicate
/// values that made its build fail (a rebuild would fail the same way): then the fix is the
/// query that lists them.
pub(super) async fn invalid_index(
    client: &mut Client,
    row: &Map<String, Value>,
    timeout: Duration,
) -> Finding {
    let index = text(row, "index");
    let table = text(row, "table");
    let reindex = statement_fix(&format!("REINDEX INDEX CONCURRENTLY {index}"));
    let finding = |verdict: String, fix: Fix| Finding {
        kind: "invalid-index",
        object: index.clone(),
        verdict,
        fix,
    };
    let left = format!(
        "invalid index {index} on {table}: a failed or cancelled CREATE INDEX CONCURRENTLY left it; every write still updates it, no read uses it"
    );
    if row.get("unique") != Some(&Value::Bool(true)) {
        return finding(left, reindex);
    }
    let listing = match duplicates_query(client, &index, timeout).await {
        Ok(listing) => listing,
        Err(err) => {
            return finding(
                format!("{left}; its key's duplicates could not be looked for ({err:#})"),
                reindex,
            );
        }
    };
    match read_only(client, &format!("{listing} LIMIT 1"), timeout).await {
        Ok(found) if found.rows.is_empty() => finding(left, reindex),
        Ok(_) => finding(
            format!(
                "{left}; rows of {table} hold the same key twice, which is why it failed: REINDEX would fail the same way. List them with the fix below, make them unique, then run REINDEX INDEX CONCURRENTLY {index}"
            ),
            statement_fix(&listing),
        ),
        Err(err) => finding(
            format!(
                "{left}; whether rows hold the same key twice could not be checked in time ({err:#}): run the fix below before REINDEX INDEX CONCURRENTLY {index}, which fails while they do"
            ),
            statement_fix(&listing),
        ),
    }
}

/// The query listing the key values unique index `index` finds twice (NULLs are distinct
/// unless the index says otherwise, and a partial index looks at its own rows only).
async fn duplicates_query(client: &mut Client, index: &str, timeout: Duration) -> Result<String> {
    let sql = format!(
        "SELECT format('SELECT %s, count(*) FROM ONLY %s%s GROUP BY %s HAVING count(*) > 1',
                       x.keys, i.indrelid::regclass,
                       coalesce(' WHERE ' || nullif(concat_ws(' AND ',
                         CASE WHEN coalesce((to_jsonb(i) ->> 'indnullsnotdistinct')::bool, false) THEN NULL ELSE x.not_null END,
                         '(' || pg_get_expr(i.indpred, i.indrelid) || ')'), ''), ''),
                       x.keys) AS listing
           FROM pg_index i,
                LATERAL (SELECT string_agg(pg_get_indexdef(i.indexrelid, k, true), ', ' ORDER BY k) AS keys,
                                string_agg(format('(%s) IS NOT NULL', pg_get_indexdef(i.indexrelid, k, true)), ' AND ' ORDER BY k) AS not_null
                           FROM generate_series(1, i.indnkeyatts) k) x
          WHERE i.indexrelid = {}::regclass",
        postgres_protocol::escape::escape_literal(index)
    );
    let rows = read_only(client, &sql, timeout).await?;
    Ok(rows
        .rows
        .first()
        .map(|row| text(row, "listing"))
        .unwrap_or_default())
}

pub(super) fn unused_index(row: &Map<String, Value>) -> Finding {
    let index = text(row, "index");
    Finding {
        kind: "unused-index",
        verdict: format!(
            "unused index {index} on {}: never scanned since the statistics were reset, {} that every write keeps up to date",
            text(row, "table"),
            crate::ui::size(number(row, "index_bytes") as i64)
        ),
        fix: migration_fix(
            &format!(
                "drop_unused_idx_{}",
                index.rsplit('.').next().unwrap_or(&index)
            ),
            &format!("DROP INDEX CONCURRENTLY IF EXISTS {index};"),
            &with_comments(
                concurrently(&text(row, "definition")),
                &[(&format!("INDEX {index}"), text(row, "comment"))],
            ),
        ),
        object: index,
    }
}

/// One finding per index of a duplicate group beyond the one kept (a primary key's, a
/// constraint's, a unique one, else the first by name), each with its own definition for the
/// way back. An index a constraint owns is dropped with the constraint, unless a foreign key
/// uses it: then it is left alone, with a note.
pub(super) async fn duplicate_index(
    client: &mut Client,
    row: &Map<String, Value>,
    timeout: Duration,
    summary: &mut Summary,
) {
    let keep = text(row, "keep");
    let table = text(row, "table");
    for index in text(row, "indexes")
        .split(", ")
        .filter(|index| *index != keep)
    {
        // The constraint adopting a rebuilt index on the way back (an exclusion constraint
        // cannot), in SQL.
        let sql = format!(
            "SELECT pg_get_indexdef(c.oid) AS definition, quote_ident(con.conname) AS constraint,
                    pg_get_constraintdef(con.oid) AS constraint_definition,
                    CASE WHEN con.contype IN ('p', 'u') THEN
                      format('ADD CONSTRAINT %I %s USING INDEX %I%s%s', con.conname,
                             CASE con.contype WHEN 'p' THEN 'PRIMARY KEY' ELSE 'UNIQUE' END, c.relname,
                             CASE WHEN con.condeferrable THEN ' DEFERRABLE' END,
                             CASE WHEN con.condeferred THEN ' INITIALLY DEFERRED' END)
                    END AS adopt,
                    obj_description(con.oid, 'pg_constraint') AS constraint_comment,
                    obj_description(c.oid, 'pg_class') AS index_comment,
                    (SELECT string_agg(f.conname::text, ', ') FROM pg_constraint f
                      WHERE f.contype = 'f' AND f.conindid = c.oid) AS foreign_keys
               FROM pg_class c
               LEFT JOIN pg_constraint con ON con.conindid = c.oid AND con.contype IN ('p', 'u', 'x')
              WHERE c.oid = {}::regclass",
            postgres_protocol::escape::escape_literal(index)
        );
        let facts = match read_only(client, &sql, timeout).await {
            Ok(rows) => rows.rows.into_iter().next().unwrap_or_default(),
            Err(err) => {
                summary.notes.push(format!(
                    "duplicate index {index} could not be read: {err:#}"
                ));
                continue;
            }
        };
        let foreign_keys = text(&facts, "foreign_keys");
        if !foreign_keys.is_empty() {
            summary.notes.push(format!(
                "{index} on {table} duplicates {keep}, but foreign key(s) {foreign_keys} use it: left alone"
            ));
            continue;
        }
        let bare = index.rsplit('.').next().unwrap_or(index);
        let constraint = text(&facts, "constraint");
        let commented = |sql: String| {
            let on_constraint = format!("CONSTRAINT {constraint} ON {table}");
            let on_index = format!("INDEX {index}");
            with_comments(
                sql,
                &[
                    (on_constraint.as_str(), text(&facts, "constraint_comment")),
                    (on_index.as_str(), text(&facts, "index_comment")),
                ],
            )
        };
        let fix = if constraint.is_empty() {
            migration_fix(
                &format!("drop_duplicate_idx_{bare}"),
                &format!("DROP INDEX CONCURRENTLY IF EXISTS {index};"),
                &commented(concurrently(&text(&facts, "definition"))),
            )
        } else {
            // A constraint's index goes with the constraint, inside a transaction. On the way
            // back the index is built first, without blocking writes, and then adopted; an
            // exclusion constraint can only build its own.
            let adopt = text(&facts, "adopt");
            let down = match adopt.is_empty() {
                false => format!(
                    "-- migrate:down transaction:false\n{}\nALTER TABLE {table} {adopt};",
                    concurrently(&text(&facts, "definition"))
                ),
                true => format!(
                    "-- migrate:down\nALTER TABLE {table} ADD CONSTRAINT {constraint} {};",
                    text(&facts, "constraint_definition")
                ),
            };
            new_migration(
                &format!("drop_duplicate_{constraint}"),
                format!(
                    "-- migrate:up\n-- cruddur-db:allow ban-drop-constraint {keep} guarantees the same\nALTER TABLE {table} DROP CONSTRAINT {constraint};\n\n{}\n",
                    commented(down)
                ),
            )
        };
        summary.findings.push(Finding {
            kind: "duplicate-index",
            verdict: format!(
                "duplicate index {index} on {table}: the same columns and predicate as {keep}"
            ),
            fix,
            object: index.to_string(),
        });
    }
}

/// An index for a foreign key, under a name no relation of its schema has: a fix never
/// creates nothing for a name that is taken, and its down part drops only what it made.
pub(super) fn missing_fk_index(row: &Map<String, Value>) -> Finding {
    let table = text(row, "table");
    let columns = text(row, "columns");
    let bare = |name: &str| name.trim_matches('"').to_string();
    let table_name = bare(table.rsplit('.').next().unwrap_or(&table));
    let column_names: Vec<String> = columns.split(", ").map(bare).collect();
    let taken = text(row, "taken_names");
    let taken: Vec<&str> = taken.lines().collect();
    let index = free_index_name(&table_name, &column_names.join("_"), &taken);
    // The index lands in the table's schema; its name is written as the table's is.
    let qualified = match table.rsplit_once('.') {
        Some((schema, _)) => format!("{schema}.{}", quote_ident(&index)),
        None => quote_ident(&index),
    };
    Finding {
        kind: "missing-fk-index",
        verdict: format!(
            "foreign key {} on {table} ({columns}) has no index: each delete or key update in {} scans {table}, and joins on it cannot use one",
            text(row, "foreign_key"),
            text(row, "references")
        ),
        fix: migration_fix(
            &format!("add_index_{table_name}_{}", column_names.join("_")),
            &format!(
                "CREATE INDEX CONCURRENTLY {} ON {table} ({columns});",
                quote_ident(&index)
            ),
            &format!("DROP INDEX CONCURRENTLY {qualified};"),
        ),
        object: format!("{table} ({columns})"),
    }
}

/// The name PostgreSQL itself gives an index of `table` on `columns` (`ChooseRelationName`):
/// `{table}_{columns}_idx`, each part cut to fit 63 bytes, the longer first; while it is
/// taken, `_idx1`, `_idx2`, ...
fn free_index_name(table: &str, columns: &str, taken: &[&str]) -> String {
    const MAX: usize = 63;
    let cut = |name: &str, bytes: usize| -> String {
        let mut end = bytes.min(name.len());
        while !name.is_char_boundary(end) {
            end -= 1;
        }
        name[..end].to_string()
    };
    (0..)
        .map(|n: u32| {
            let label = match n {
                0 => "idx".to_string(),
                n => format!("idx{n}"),
            };
            let room = MAX - label.len() - 2;
            let (mut a, mut b) = (table.len(), columns.len());
            while a + b > room {
                if a > b { a -= 1 } else { b -= 1 }
            }
            format!("{}_{}_{label}", cut(table, a), cut(columns, b))
        })
        .find(|name| !taken.contains(&name.as_str()))
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_index_name_that_is_taken_gets_the_next_number_as_postgresql_does() {
        assert_eq!(
            free_index_name("kids", "parent_id", &[]),
            "kids_parent_id_idx"
        );
        assert_eq!(
            free_index_name(
                "kids",
                "parent_id",
                &["kids_parent_id_idx", "kids_parent_id_idx1"]
            ),
            "kids_parent_id_idx2"
        );
        let long = "a".repeat(70);
        let name = free_index_name(&long, "b", &[]);
        assert_eq!(name.len(), 63);
        assert!(name.ends_with("a_b_idx"), "{name}");
    }
}
