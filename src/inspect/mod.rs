//! `inspect`: what is slow, bloated, blocked or unused in a database, one read-only query per
//! report (the families are `queries`, `tables`, `indexes`, `server`), and a health summary
//! (`health`) that turns the findings into the commands that fix them. Every query runs in a
//! READ ONLY transaction with a statement timeout and a short lock timeout, and none needs a
//! superuser. A relation another session holds locked is left out of a report (it says by
//! whom), never waited for: inspect is for incidents.

pub mod health;
mod implied;
mod index_fixes;
mod indexes;
mod queries;
mod server;
mod tables;

use std::time::Duration;

use anyhow::{Context, Result};
use serde_json::{Map, Value};
use tokio_postgres::Client;
use tokio_postgres::types::Type;

use crate::cli::Report;
use crate::db::PgError;
use crate::error::{Exit, Fail};

/// How long a report's query may wait for a lock. The reports leave out the relations they see
/// locked, so a wait means a lock taken since: the query is tried again.
const LOCK_TIMEOUT_MS: u64 = 500;
const LOCK_TRIES: usize = 3;

/// A `WITH` item: the relations of this database another session holds, or waits for, in
/// ACCESS EXCLUSIVE mode (the only mode that blocks reading a size or a definition), and the
/// pid that does. Reports that would read those leave them out and say `locked_by`.
pub const LOCKED: &str = "locked AS (
    SELECT l.relation, min(l.pid) AS pid FROM pg_locks l
     WHERE l.locktype = 'relation' AND l.mode = 'AccessExclusiveLock' AND l.pid <> pg_backend_pid()
       AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
     GROUP BY l.relation)";

/// The pid that locks any of `relations` (SQL expressions of oids), from [`LOCKED`].
pub fn locked_by(relations: &str) -> String {
    format!("(SELECT min(pid) FROM locked WHERE relation IN ({relations}))")
}

/// What a report's SQL may depend on.
#[derive(Debug, Clone, Copy)]
pub struct Facts {
    /// `server_version_num`: the statistics views changed across majors.
    pub version: u32,
    pub limit: i64,
    /// `long-running`: seconds.
    pub min: u64,
}

/// A report's rows, each an object of column name to value, in the query's column order.
#[derive(Debug, Default)]
pub struct Rows {
    pub columns: Vec<String>,
    pub rows: Vec<Map<String, Value>>,
}

/// The SQL of `report`.
pub fn sql(report: Report, facts: &Facts) -> String {
    use Report::*;
    match report {
        Outliers | Calls | LongRunning | Blocking | Locks => queries::sql(report, facts),
        TableSizes | Records | SeqScans | CacheHit | Bloat | VacuumStats | UnvacuumedXid => {
            tables::sql(report, facts)
        }
        IndexUsage | UnusedIndexes | DuplicateIndexes | InvalidIndexes | MissingFkIndexes => {
            indexes::sql(report, facts)
        }
        Connections | DbStats | ReplicationSlots | Settings | Extensions => {
            server::sql(report, facts)
        }
    }
}

/// Whether `report` reads `pg_stat_statements`, which must be preloaded and created.
pub fn needs_statements(report: Report) -> bool {
    matches!(report, Report::Outliers | Report::Calls)
}

/// Run `report` on `client` in a READ ONLY transaction bounded by `timeout`.
pub async fn run(
    client: &mut Client,
    report: Report,
    facts: &Facts,
    timeout: Duration,
) -> Result<Rows> {
    if needs_statements(report) {
        require_statements(client).await?;
    }
    read_only(client, &sql(report, facts), timeout)
        .await
        .with_context(|| format!("inspect {}", name(report)))
}

/// Run `sql` in a READ ONLY transaction bounded by `timeout`, its rows as JSON values. A lock
/// taken between the report's look at the locks and its read is waited for only briefly, and
/// the report tried again.
pub async fn read_only(client: &mut Client, sql: &str, timeout: Duration) -> Result<Rows> {
    let mut tries = 0;
    loop {
        tries += 1;
        match read_only_once(client, sql, timeout).await {
            Err(err)
                if tries < LOCK_TRIES
                    && PgError::code_in(&err)
                        == Some(&tokio_postgres::error::SqlState::LOCK_NOT_AVAILABLE) =>
            {
                crate::ui::verbose("a relation was locked while the report ran; running it again");
            }
            other => return other,
        }
    }
}

async fn read_only_once(client: &mut Client, sql: &str, timeout: Duration) -> Result<Rows> {
    crate::ui::verbose(format_args!("> {sql}"));
    let transaction = client
        .build_transaction()
        .read_only(true)
        .start()
        .await
        .map_err(PgError)
        .context("could not start a read-only transaction")?;
    transaction
        .batch_execute(&format!(
            "SET LOCAL statement_timeout = {}; SET LOCAL lock_timeout = {}; SET LOCAL jit = off",
            timeout.as_millis(),
            LOCK_TIMEOUT_MS.min(timeout.as_millis() as u64)
        ))
        .await
        .map_err(PgError)?;
    let rows = transaction.query(sql, &[]).await.map_err(|err| {
        let timed_out = err.code() == Some(&tokio_postgres::error::SqlState::QUERY_CANCELED);
        let locked = err.code() == Some(&tokio_postgres::error::SqlState::LOCK_NOT_AVAILABLE);
        let err = anyhow::Error::new(PgError(err));
        if timed_out {
            err.context(
                Fail::new(Exit::Failure, "the report's query ran out of time")
                    .hint("raise --timeout SECS, or lower --limit"),
            )
        } else if locked {
            err.context(
                Fail::new(
                    Exit::Failure,
                    "another session kept locking what the report reads",
                )
                .hint("`cruddur-db inspect blocking` shows who; run it again"),
            )
        } else {
            err
        }
    })?;
    // Nothing was written: ending it either way is the same, and a rollback says so.
    transaction.rollback().await.map_err(PgError)?;
    let mut out = Rows::default();
    if let Some(first) = rows.first() {
        out.columns = first
            .columns()
            .iter()
            .map(|c| c.name().to_string())
            .collect();
    }
    for row in &rows {
        let mut object = Map::new();
        for (i, column) in row.columns().iter().enumerate() {
            object.insert(column.name().to_string(), value(row, i, column.type_()));
        }
        out.rows.push(object);
    }
    Ok(out)
}

/// A column's value as JSON: numbers as numbers, booleans as booleans, the rest as text, with
/// any `PASSWORD '...'` literal hidden (query texts are other sessions' SQL).
fn value(row: &tokio_postgres::Row, i: usize, kind: &Type) -> Value {
    let number = |n: Option<f64>| n.map_or(Value::Null, |n| serde_json::json!(n));
    match *kind {
        Type::INT2 => row
            .get::<_, Option<i16>>(i)
            .map_or(Value::Null, Value::from),
        Type::INT4 => row
            .get::<_, Option<i32>>(i)
            .map_or(Value::Null, Value::from),
        Type::INT8 => row
            .get::<_, Option<i64>>(i)
            .map_or(Value::Null, Value::from),
        Type::FLOAT4 => number(row.get::<_, Option<f32>>(i).map(f64::from)),
        Type::FLOAT8 => number(row.get::<_, Option<f64>>(i)),
        Type::BOOL => row
            .get::<_, Option<bool>>(i)
            .map_or(Value::Null, Value::from),
        _ => row
            .get::<_, Option<String>>(i)
            .map_or(Value::Null, |text| Value::from(crate::redact::sql(&text))),
    }
}

/// `pg_stat_statements` must be created in this database and preloaded by the server.
async fn require_statements(client: &Client) -> Result<()> {
    let row = client
        .query_one(
            "SELECT EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_stat_statements'),
                    current_setting('shared_preload_libraries') ~ 'pg_stat_statements'",
            &[],
        )
        .await
        .map_err(PgError)
        .context("could not look for pg_stat_statements")?;
    let (created, preloaded): (bool, bool) = (row.get(0), row.get(1));
    if created && preloaded {
        return Ok(());
    }
    let missing = match (preloaded, created) {
        (false, _) => "the server does not preload pg_stat_statements",
        _ => "pg_stat_statements is not created in this database",
    };
    Err(Fail::new(Exit::Failure, format!("this report reads pg_stat_statements, and {missing}"))
        .hint(
            "on RDS, add pg_stat_statements to shared_preload_libraries in the instance's parameter group and reboot; \
             elsewhere, set shared_preload_libraries = 'pg_stat_statements' and restart; then run \
             CREATE EXTENSION pg_stat_statements in the database (as its owner)",
        )
        .into())
}

/// The report's name as typed on the command line.
pub fn name(report: Report) -> String {
    use clap::ValueEnum;
    report
        .to_possible_value()
        .map_or_else(String::new, |v| v.get_name().to_string())
}

/// Whether the user may read other sessions' queries and statistics (`pg_read_all_stats`,
/// which `pg_monitor` includes, or a superuser).
pub async fn sees_everything(client: &Client) -> Result<bool> {
    let row = client
        .query_one(
            "SELECT pg_has_role(current_user, 'pg_read_all_stats', 'MEMBER')",
            &[],
        )
        .await
        .map_err(PgError)
        .context("could not read the user's roles")?;
    Ok(row.get(0))
}

/// Quote `sql` as a shell argument in single quotes.
pub fn shell_quote(sql: &str) -> String {
    format!("'{}'", sql.replace('\'', "'\\''"))
}
