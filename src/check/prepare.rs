//! Asking the server about each query: parsed and described (the protocol's Parse and
//! Describe, which plan nothing and run nothing) inside a transaction that is rolled back, each
//! in a savepoint of its own so that one that fails leaves the others to be asked. What it
//! says comes back as parameters with the types the server inferred, columns with their types
//! and, where the catalogs know it, nullability; or as an error at its place in the file.

use std::collections::{BTreeMap, HashMap};

use anyhow::{Context, Result};
use tokio_postgres::Client;
use tokio_postgres::error::ErrorPosition;

use super::files::Query;
use super::placeholders::{self, Rewritten};
use super::{Column, Outcome, Param, Problem, suggest};
use crate::db::PgError;

/// How long asking about one query may wait for a lock on what it reads (the server locks
/// each table it parses a query over): long enough for a busy table, short enough for an
/// incident.
const LOCK_TIMEOUT_MS: u32 = 2000;

/// Prepare `queries` on `client` inside a read-only transaction, rolled back at the end.
pub async fn read_only(client: &Client, queries: &[Query]) -> Result<Vec<Outcome>> {
    client
        .batch_execute(&format!(
            "BEGIN READ ONLY; SET LOCAL lock_timeout = {LOCK_TIMEOUT_MS}"
        ))
        .await
        .map_err(PgError)
        .context("could not start a read-only transaction")?;
    let outcomes = within(client, queries).await;
    let _ = client.batch_execute("ROLLBACK").await;
    outcomes
}

/// Prepare `queries` on `client`, inside the transaction it has open.
pub async fn within(client: &Client, queries: &[Query]) -> Result<Vec<Outcome>> {
    let mut outcomes = Vec::with_capacity(queries.len());
    let mut described = Vec::new();
    let mut names = None;
    for query in queries {
        if let Some(problem) = &query.refused {
            outcomes.push(failed(query, problem.clone()));
            continue;
        }
        let rewritten = match placeholders::rewrite(&query.statement.text) {
            Ok(rewritten) => rewritten,
            Err(problem) => {
                let at = query.statement.position_of_char(problem.at + 1);
                outcomes.push(failed(
                    query,
                    Problem {
                        message: problem.message,
                        line: at.line,
                        column: at.column,
                        sqlstate: None,
                        detail: None,
                        hint: Some(problem.hint),
                        did_you_mean: None,
                        source_line: source_line(query, at.line),
                        width: problem.len,
                    },
                ));
                continue;
            }
        };
        savepoint(client, "SAVEPOINT cruddur_db_check").await?;
        match client.prepare(&rewritten.text).await {
            Ok(statement) => {
                savepoint(client, "RELEASE SAVEPOINT cruddur_db_check").await?;
                described.push((outcomes.len(), statement, rewritten));
                outcomes.push(Outcome {
                    file: query.file.clone(),
                    line: query.statement.start().line,
                    ok: true,
                    error: None,
                    warning: query.warning.clone(),
                    params: Vec::new(),
                    columns: Vec::new(),
                });
            }
            Err(err) => {
                savepoint(client, "ROLLBACK TO SAVEPOINT cruddur_db_check").await?;
                let Some(db) = err.as_db_error() else {
                    return Err(anyhow::Error::new(PgError(err))
                        .context(format!("could not ask the server about {}", query.file)));
                };
                let mut problem = server_problem(query, &rewritten, db);
                if matches!(db.code().code(), "42703" | "42P01" | "42883")
                    && let Some((table, name)) = suggest::unknown_name(db.message())
                {
                    if names.is_none() {
                        names = Some(Names::read(client).await?);
                    }
                    problem.did_you_mean = names
                        .as_ref()
                        .and_then(|names| names.closest(db.code().code(), table.as_deref(), &name));
                }
                outcomes.push(failed(query, problem));
            }
        }
    }
    describe(client, &mut outcomes, described).await?;
    Ok(outcomes)
}

async fn savepoint(client: &Client, sql: &str) -> Result<()> {
    client
        .batch_execute(sql)
        .await
        .map_err(PgError)
        .with_context(|| format!("could not {}", sql.to_lowercase()))
}

fn failed(query: &Query, problem: Problem) -> Outcome {
    Outcome {
        file: query.file.clone(),
        line: query.statement.start().line,
        ok: false,
        error: Some(problem),
        warning: query.warning.clone(),
        params: Vec::new(),
        columns: Vec::new(),
    }
}

fn source_line(query: &Query, line: u64) -> String {
    query
        .lines
        .get(line.saturating_sub(1) as usize)
        .cloned()
        .unwrap_or_default()
}

/// The server's error, placed in the file through the placeholders' rewriting.
fn server_problem(
    query: &Query,
    rewritten: &Rewritten,
    db: &tokio_postgres::error::DbError,
) -> Problem {
    let at = match db.position() {
        Some(ErrorPosition::Original(position)) => {
            let original = rewritten.original((*position as usize).saturating_sub(1));
            query.statement.position_of_char(original + 1)
        }
        _ => query.statement.start(),
    };
    Problem {
        message: db.message().to_string(),
        line: at.line,
        column: at.column,
        sqlstate: Some(db.code().code().to_string()),
        detail: db.detail().map(str::to_string),
        hint: db.hint().map(str::to_string),
        did_you_mean: None,
        source_line: source_line(query, at.line),
        width: 0,
    }
}

/// Fill in what the prepared statements say: parameter names and types, column types and
/// whether they may be NULL, with one catalog query each for all of them.
async fn describe(
    client: &Client,
    outcomes: &mut [Outcome],
    described: Vec<(usize, tokio_postgres::Statement, Rewritten)>,
) -> Result<()> {
    let mut types: Vec<(u32, i32)> = Vec::new();
    let mut columns: Vec<(u32, i16)> = Vec::new();
    for (_, statement, _) in &described {
        types.extend(statement.params().iter().map(|t| (t.oid(), -1)));
        for column in statement.columns() {
            types.push((column.type_().oid(), column.type_modifier()));
            if let (Some(table), Some(number)) = (column.table_oid(), column.column_id()) {
                columns.push((table, number));
            }
        }
    }
    types.sort_unstable();
    types.dedup();
    let (oids, modifiers): (Vec<u32>, Vec<i32>) = types.iter().copied().unzip();
    let names: HashMap<(u32, i32), String> = client
        .query(
            "SELECT o, m, pg_catalog.format_type(o, nullif(m, -1))
               FROM unnest($1::pg_catalog.oid[], $2::pg_catalog.int4[]) AS t(o, m)",
            &[&oids, &modifiers],
        )
        .await
        .map_err(PgError)
        .context("could not name the queries' types")?
        .iter()
        .map(|row| ((row.get(0), row.get(1)), row.get(2)))
        .collect();
    let (tables, numbers): (Vec<u32>, Vec<i16>) = columns.iter().copied().unzip();
    let not_null: HashMap<(u32, i16), bool> = client
        .query(
            "SELECT a.attrelid, a.attnum, a.attnotnull
               FROM unnest($1::pg_catalog.oid[], $2::pg_catalog.int2[]) AS c(t, n)
               JOIN pg_catalog.pg_attribute a ON a.attrelid = c.t AND a.attnum = c.n",
            &[&tables, &numbers],
        )
        .await
        .map_err(PgError)
        .context("could not read the columns' nullability")?
        .iter()
        .map(|row| ((row.get(0), row.get(1)), row.get(2)))
        .collect();
    let name_of = |oid: u32, modifier: i32| {
        names
            .get(&(oid, modifier))
            .cloned()
            .unwrap_or_else(|| oid.to_string())
    };
    for (at, statement, rewritten) in described {
        // An outer join makes any column of its nullable side NULL: what the catalog says of
        // the table's column no longer holds.
        let outer = has_outer_join(&rewritten.text);
        let outcome = &mut outcomes[at];
        outcome.params = statement
            .params()
            .iter()
            .enumerate()
            .map(|(i, t)| Param {
                name: rewritten
                    .params
                    .get(i)
                    .cloned()
                    .unwrap_or_else(|| format!("${}", i + 1)),
                type_: name_of(t.oid(), -1),
            })
            .collect();
        outcome.columns = statement
            .columns()
            .iter()
            .map(|column| {
                let nullable = match (column.table_oid(), column.column_id()) {
                    (Some(table), Some(number)) if !outer => {
                        not_null.get(&(table, number)).map(|not_null| !not_null)
                    }
                    _ => None,
                };
                Column {
                    name: column.name().to_string(),
                    type_: name_of(column.type_().oid(), column.type_modifier()),
                    nullable,
                }
            })
            .collect();
    }
    Ok(())
}

/// Whether `sql` joins with `LEFT`, `RIGHT` or `FULL` (outside literals, roughly: enough to
/// say "not known" rather than a wrong "not null").
fn has_outer_join(sql: &str) -> bool {
    let words: Vec<String> = sql
        .split(|c: char| !c.is_alphanumeric() && c != '_')
        .filter(|w| !w.is_empty())
        .map(str::to_ascii_lowercase)
        .collect();
    words.windows(2).any(|w| {
        matches!(w[0].as_str(), "left" | "right" | "full")
            && matches!(w[1].as_str(), "join" | "outer")
    })
}

/// The names of the schema's tables, columns and functions, read once, for "did you mean".
struct Names {
    /// Column names by table name.
    columns: BTreeMap<String, Vec<String>>,
    functions: Vec<String>,
}

impl Names {
    async fn read(client: &Client) -> Result<Names> {
        let rows = client
            .query(
                "SELECT c.relname::text, a.attname::text
                   FROM pg_catalog.pg_attribute a
                   JOIN pg_catalog.pg_class c ON c.oid = a.attrelid
                   JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
                  WHERE a.attnum > 0 AND NOT a.attisdropped AND c.relkind IN ('r', 'p', 'v', 'm', 'f')
                    AND n.nspname !~ '^pg_' AND n.nspname <> 'information_schema'",
                &[],
            )
            .await
            .map_err(PgError)
            .context("could not read the schema's names")?;
        let mut columns: BTreeMap<String, Vec<String>> = BTreeMap::new();
        for row in rows {
            columns.entry(row.get(0)).or_default().push(row.get(1));
        }
        let functions = client
            .query(
                "SELECT DISTINCT p.proname::text FROM pg_catalog.pg_proc p
                  WHERE p.pronamespace <> 'information_schema'::pg_catalog.regnamespace",
                &[],
            )
            .await
            .map_err(PgError)
            .context("could not read the schema's names")?
            .iter()
            .map(|row| row.get(0))
            .collect();
        Ok(Names { columns, functions })
    }

    /// The closest name to `name`: a column (`table.column`, of `table` when the message
    /// names it and it is a table), a table, or a function, as `sqlstate` says.
    fn closest(&self, sqlstate: &str, table: Option<&str>, name: &str) -> Option<String> {
        match sqlstate {
            "42703" => {
                let of_table = table.and_then(|t| self.columns.get(t).map(|c| (t, c)));
                let candidates: Vec<(&str, &str)> = match of_table {
                    Some((table, columns)) => columns.iter().map(|c| (table, c.as_str())).collect(),
                    None => self
                        .columns
                        .iter()
                        .flat_map(|(t, cs)| cs.iter().map(move |c| (t.as_str(), c.as_str())))
                        .collect(),
                };
                let best = suggest::closest(name, candidates.iter().map(|(_, c)| *c))?;
                let (table, column) = candidates.iter().find(|(_, c)| *c == best)?;
                Some(format!("{table}.{column}"))
            }
            "42P01" => {
                suggest::closest(name, self.columns.keys().map(String::as_str)).map(str::to_string)
            }
            _ => suggest::closest(name, self.functions.iter().map(String::as_str))
                .map(str::to_string),
        }
    }
}
