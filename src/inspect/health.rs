//! The health summary: the cheap reports run together, only what needs attention printed,
//! each finding with a verdict and the command (or migration) that fixes it. A report that
//! cannot run, or a relation another session holds locked, is a note: the rest goes on, so the
//! summary still says what blocks whom during an incident.

use std::time::Duration;

use anyhow::Result;
use serde::Serialize;
use serde_json::{Map, Value};
use tokio_postgres::Client;

use super::{Facts, Rows, name, read_only, shell_quote, sql};
use crate::cli::Report;
use crate::db::quote_ident;

/// A query running this long is a finding.
const LONG_RUNNING_SECS: u64 = 60;
/// Sessions above this share of `max_connections` are a finding.
const CONNECTIONS_SHARE: f64 = 0.8;
/// An unused index on a table with fewer rows than this costs too little to be a finding.
const UNUSED_MIN_ROWS: f64 = 1000.0;

/// Something that needs attention, and how to fix it.
#[derive(Debug, Serialize)]
pub struct Finding {
    /// `invalid-index`, `unused-index`, `duplicate-index`, `missing-fk-index`, `blocking`,
    /// `long-running`, `vacuum`, `wraparound`, `connections`.
    pub kind: &'static str,
    pub object: String,
    pub verdict: String,
    pub fix: Fix,
}

#[derive(Debug, Serialize)]
pub struct Fix {
    /// The command to run.
    pub command: String,
    /// For a `migrate new` command: what the new migration file holds.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub migration: Option<String>,
}

/// The findings, and what could not be looked at (a report that failed, a locked relation).
#[derive(Debug, Default, Serialize)]
pub struct Summary {
    pub findings: Vec<Finding>,
    pub notes: Vec<String>,
}

/// A check of one report row: the findings it makes.
type PerRow = fn(&Map<String, Value>) -> Vec<Finding>;

/// Run the cheap reports on `client` and collect their findings; unused indexes smaller than
/// `min_bytes` are not findings.
pub async fn findings(
    client: &mut Client,
    facts: &Facts,
    timeout: Duration,
    min_bytes: i64,
) -> Summary {
    let facts = Facts {
        limit: 100,
        min: LONG_RUNNING_SECS,
        ..*facts
    };
    let mut summary = Summary::default();
    // Reports whose rows are findings one by one, in the order they are printed.
    let per_row: [(Report, PerRow); 5] = [
        (Report::MissingFkIndexes, |row| vec![missing_fk_index(row)]),
        (Report::LongRunning, |row| vec![long_running(row)]),
        (Report::VacuumStats, |row| vacuum(row).into_iter().collect()),
        (Report::UnvacuumedXid, |row| {
            wraparound(row).into_iter().collect()
        }),
        (Report::Blocking, |_| Vec::new()),
    ];
    let order = [
        Report::InvalidIndexes,
        Report::DuplicateIndexes,
        Report::UnusedIndexes,
    ]
    .into_iter()
    .chain(per_row.iter().map(|(report, _)| *report))
    .chain([Report::Connections]);
    for which in order {
        let rows = match read_only(client, &sql(which, &facts), timeout).await {
            Ok(rows) => rows,
            Err(err) => {
                summary
                    .notes
                    .push(format!("{} could not run: {err:#}", name(which)));
                continue;
            }
        };
        let (checked, locked): (Vec<_>, Vec<_>) = rows
            .rows
            .iter()
            .partition(|row| row.get("locked_by").is_none_or(Value::is_null));
        for row in locked {
            let what = ["index", "indexes", "table"]
                .into_iter()
                .map(|key| text(row, key))
                .find(|what| !what.is_empty())
                .unwrap_or_default();
            summary.notes.push(format!(
                "{} {what}: locked by pid {}, not checked",
                name(which),
                number(row, "locked_by") as i64
            ));
        }
        match which {
            Report::InvalidIndexes => {
                for row in checked {
                    let finding = invalid_index(client, row, timeout).await;
                    summary.findings.push(finding);
                }
            }
            Report::DuplicateIndexes => {
                for row in checked {
                    duplicate_index(client, row, timeout, &mut summary).await;
                }
            }
            Report::UnusedIndexes => summary.findings.extend(
                checked
                    .into_iter()
                    .filter(|row| {
                        number(row, "index_bytes") >= min_bytes as f64
                            && number(row, "table_rows") >= UNUSED_MIN_ROWS
                    })
                    .map(unused_index),
            ),
            Report::Blocking => summary.findings.extend(blockers(&rows)),
            Report::Connections => summary.findings.extend(connections(&rows)),
            _ => {
                if let Some((_, check)) = per_row.iter().find(|(report, _)| *report == which) {
                    for row in checked {
                        summary.findings.extend(check(row));
                    }
                }
            }
        }
    }
    summary
}

fn text(row: &Map<String, Value>, key: &str) -> String {
    match row.get(key) {
        Some(Value::String(s)) => s.clone(),
        Some(Value::Null) | None => String::new(),
        Some(other) => other.to_string(),
    }
}

fn number(row: &Map<String, Value>, key: &str) -> f64 {
    row.get(key).and_then(Value::as_f64).unwrap_or(0.0)
}

/// A migration name from `words`: lowercase letters, digits and `_`, short enough for a file.
fn migration_name(words: &str) -> String {
    let mut name: String = words
        .to_lowercase()
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
        .collect();
    while name.contains("__") {
        name = name.replace("__", "_");
    }
    name.trim_matches('_').chars().take(100).collect()
}

/// The fix that is a new migration holding `up` and `down`, both outside a transaction
/// (CONCURRENTLY needs that).
fn migration_fix(name: &str, up: &str, down: &str) -> Fix {
    Fix {
        command: format!("cruddur-db migrate new {}", migration_name(name)),
        migration: Some(format!(
            "-- migrate:up transaction:false\n{up}\n\n-- migrate:down transaction:false\n{down}\n"
        )),
    }
}

/// The fix that is one statement run on the target.
fn statement_fix(sql: &str) -> Fix {
    Fix {
        command: format!("cruddur-db connect -- -c {}", shell_quote(sql)),
        migration: None,
    }
}

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
            format!(
                "{sql}\nCOMMENT ON {object} IS {};",
                postgres_protocol::escape::escape_literal(comment)
            )
        })
}

/// An invalid index: rebuilt concurrently, unless it is unique and the rows hold the duplicate
/// values that made its build fail (a rebuild would fail the same way): then the fix is the
/// query that lists them.
async fn invalid_index(
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

fn unused_index(row: &Map<String, Value>) -> Finding {
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
async fn duplicate_index(
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
            Fix {
                command: format!(
                    "cruddur-db migrate new {}",
                    migration_name(&format!("drop_duplicate_{constraint}"))
                ),
                migration: Some(format!(
                    "-- migrate:up\n-- cruddur-db:allow ban-drop-constraint {keep} guarantees the same\nALTER TABLE {table} DROP CONSTRAINT {constraint};\n\n{}\n",
                    commented(down)
                )),
            }
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
fn missing_fk_index(row: &Map<String, Value>) -> Finding {
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

/// One finding per session that blocks others, with what they wait for.
fn blockers(rows: &Rows) -> Vec<Finding> {
    let mut pids: Vec<i64> = rows
        .rows
        .iter()
        .map(|row| number(row, "blocker_pid") as i64)
        .collect();
    pids.sort_unstable();
    pids.dedup();
    pids.into_iter()
        .map(|pid| {
            let blocked: Vec<&Map<String, Value>> = rows
                .rows
                .iter()
                .filter(|row| number(row, "blocker_pid") as i64 == pid)
                .collect();
            let first = blocked[0];
            Finding {
                kind: "blocking",
                object: format!("pid {pid}"),
                verdict: format!(
                    "session pid {pid} ({}, {:.0} s into its transaction: {}) blocks {} session(s), the longest waiting {:.0} s for {}",
                    text(first, "blocker_state"),
                    number(first, "blocker_seconds"),
                    text(first, "blocker_query"),
                    blocked.len(),
                    blocked
                        .iter()
                        .map(|row| number(row, "waiting_seconds"))
                        .fold(0.0, f64::max),
                    text(first, "lock_wanted")
                ),
                fix: Fix {
                    command: format!("cruddur-db kill --pid {pid}"),
                    migration: None,
                },
            }
        })
        .collect()
}

fn long_running(row: &Map<String, Value>) -> Finding {
    let pid = number(row, "pid") as i64;
    Finding {
        kind: "long-running",
        object: format!("pid {pid}"),
        verdict: format!(
            "session pid {pid} ({}) has run one query for {:.0} s: {}",
            text(row, "application"),
            number(row, "seconds"),
            text(row, "query")
        ),
        fix: Fix {
            command: format!("cruddur-db kill --pid {pid}"),
            migration: None,
        },
    }
}

/// Dead rows past the autovacuum threshold that autovacuum will not clear: it is off.
fn vacuum(row: &Map<String, Value>) -> Option<Finding> {
    let dead = number(row, "dead_rows");
    let threshold = number(row, "autovacuum_threshold");
    if row.get("autovacuum_enabled") != Some(&Value::Bool(false)) || dead <= threshold {
        return None;
    }
    let table = text(row, "table");
    Some(Finding {
        kind: "vacuum",
        verdict: format!(
            "{table} has {dead:.0} dead rows, past its autovacuum threshold of {threshold:.0}, and autovacuum is off for it: they are never cleared (ALTER TABLE {table} RESET (autovacuum_enabled) turns it back on)"
        ),
        fix: statement_fix(&format!("VACUUM (ANALYZE) {table}")),
        object: table,
    })
}

/// A table older than the freeze age at which autovacuum should already have frozen it.
fn wraparound(row: &Map<String, Value>) -> Option<Finding> {
    let age = number(row, "xid_age");
    let limit = number(row, "freeze_max_age");
    if age <= limit {
        return None;
    }
    let table = text(row, "table");
    Some(Finding {
        kind: "wraparound",
        verdict: format!(
            "{table} is {age:.0} transactions old, past autovacuum_freeze_max_age ({limit:.0}): {:.1}% of the way to wraparound, when PostgreSQL stops accepting writes",
            number(row, "percent_to_wraparound")
        ),
        fix: statement_fix(&format!("VACUUM (FREEZE) {table}")),
        object: table,
    })
}

fn connections(rows: &Rows) -> Option<Finding> {
    let used: f64 = rows.rows.iter().map(|row| number(row, "sessions")).sum();
    let max = rows
        .rows
        .first()
        .map_or(0.0, |row| number(row, "max_connections"));
    if max == 0.0 || used < max * CONNECTIONS_SHARE {
        return None;
    }
    Some(Finding {
        kind: "connections",
        object: "max_connections".to_string(),
        verdict: format!(
            "{used:.0} of {max:.0} connection slots are taken: new connections will soon be refused"
        ),
        fix: Fix {
            command: "cruddur-db kill --all --idle-for 600".to_string(),
            migration: None,
        },
    })
}

/// The findings as people read them: a verdict, then the fix indented under it.
pub fn render(findings: &[Finding]) -> String {
    let mut out = String::new();
    for finding in findings {
        out += &format!("! {}\n  fix: {}\n", finding.verdict, finding.fix.command);
        if let Some(migration) = &finding.fix.migration {
            out += "       and put this in the file it creates:\n";
            for line in migration.lines() {
                out += &format!("       {line}\n");
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::free_index_name;

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
