//! Who is connected: the client sessions of a server as `pg_stat_activity` shows them, for
//! `sessions` and `kill`, and for every command that must name who holds a database.

use std::time::Duration;

use anyhow::{Context, Result};
use serde::Serialize;
use tokio_postgres::Client;

use super::PgError;
use crate::cli::SessionFilter;
use crate::clock::format_duration;
use crate::ui;

/// One server session. Field names are the `--json` format, documented in docs/: keep them
/// stable.
#[derive(Debug, Serialize)]
pub struct Session {
    pub pid: i32,
    pub user: Option<String>,
    pub database: Option<String>,
    /// The client's address as psql users read it (`127.0.0.1`, `::1`), `local` for a
    /// Unix-socket connection; `null` when the server hides it from this user.
    pub client_addr: Option<String>,
    pub application: String,
    /// active, idle, idle in transaction, ...; `null` when the server hides it from this user.
    pub state: Option<String>,
    /// Seconds since the session entered its current state.
    pub state_seconds: Option<f64>,
    /// Seconds since its transaction began; `null` outside a transaction.
    pub transaction_seconds: Option<f64>,
    /// Seconds since it connected.
    pub connected_seconds: Option<f64>,
    /// What it waits for, e.g. `Lock` / `transactionid`, `Client` / `ClientRead`.
    pub wait_event_type: Option<String>,
    pub wait_event: Option<String>,
    /// The sessions holding the locks it waits for.
    pub blocked_by: Vec<i32>,
    /// The current (or last) query; hidden by the server for other users' sessions unless
    /// the user has pg_read_all_stats.
    pub query: Option<String>,
}

/// Which client sessions to list. Our own connection is never listed.
#[derive(Debug, Default)]
pub struct Filter<'a> {
    pub database: Option<&'a str>,
    pub user: Option<&'a str>,
    pub app: Option<&'a str>,
    pub state: Option<&'a str>,
    /// Idle (or idle in a transaction) for at least this long.
    pub idle_for: Option<Duration>,
    /// Only these pids; empty means any.
    pub pids: &'a [i32],
}

impl<'a> Filter<'a> {
    /// The sessions on `database`.
    pub fn database(database: &'a str) -> Self {
        Filter {
            database: Some(database),
            ..Filter::default()
        }
    }
}

/// Client sessions matching `filter`, the longest-running transaction or query first.
pub async fn list(client: &Client, filter: &Filter<'_>) -> Result<Vec<Session>> {
    let idle_for = filter.idle_for.map(|d| d.as_secs_f64());
    let rows = client
        .query(
            "SELECT pid, usename::text, datname::text,
                    CASE WHEN client_port = -1 THEN 'local' ELSE host(client_addr) END,
                    application_name, state,
                    extract(epoch FROM now() - state_change)::float8,
                    extract(epoch FROM now() - xact_start)::float8,
                    extract(epoch FROM now() - backend_start)::float8,
                    wait_event_type, wait_event, pg_blocking_pids(pid), query
             FROM pg_stat_activity
             WHERE backend_type = 'client backend' AND pid <> pg_backend_pid()
               AND ($1::text IS NULL OR datname = $1)
               AND ($2::text IS NULL OR usename = $2)
               AND ($3::text IS NULL OR application_name = $3)
               AND ($4::text IS NULL OR state = $4)
               AND ($5::float8 IS NULL OR (state LIKE 'idle%'
                    AND extract(epoch FROM now() - state_change) >= $5))
               AND (cardinality($6::int4[]) = 0 OR pid = ANY($6))
             ORDER BY coalesce(xact_start, query_start, backend_start) NULLS LAST, pid",
            &[
                &filter.database,
                &filter.user,
                &filter.app,
                &filter.state,
                &idle_for,
                &filter.pids,
            ],
        )
        .await
        .map_err(PgError)
        .context("could not read pg_stat_activity")?;
    Ok(rows
        .iter()
        .map(|row| Session {
            pid: row.get(0),
            user: row.get(1),
            database: row.get(2),
            client_addr: row.get(3),
            application: row.get::<_, Option<String>>(4).unwrap_or_default(),
            state: row.get(5),
            state_seconds: row.get(6),
            transaction_seconds: row.get(7),
            connected_seconds: row.get(8),
            wait_event_type: row.get(9),
            wait_event: row.get(10),
            blocked_by: row.get::<_, Option<Vec<i32>>>(11).unwrap_or_default(),
            // Other sessions' SQL: an `ALTER ROLE ... PASSWORD '...'` must not reach the screen.
            query: row
                .get::<_, Option<String>>(12)
                .map(|query| crate::redact::sql(&query)),
        })
        .collect())
}

/// One session on one line, for messages that name who is in the way.
pub fn describe(session: &Session) -> String {
    format!(
        "pid {} user {} app {} client {} state {}",
        session.pid,
        session.user.as_deref().unwrap_or("?"),
        if session.application.is_empty() {
            "?"
        } else {
            &session.application
        },
        session.client_addr.as_deref().unwrap_or("local socket"),
        session.state.as_deref().unwrap_or("?"),
    )
}

/// The user's `--all/--user/--app` choice, for the target database `database`.
pub fn chosen<'a>(filter: &'a SessionFilter, database: &'a str) -> Filter<'a> {
    Filter {
        database: (!filter.all).then_some(database),
        user: filter.user.as_deref(),
        app: filter.app.as_deref(),
        ..Filter::default()
    }
}

/// The sessions as a table whose last column, the query, takes what the terminal has left.
pub fn print_table(sessions: &[Session], with_database: bool) -> Result<()> {
    let mut columns = vec![("PID", 7), ("USER", 10)];
    if with_database {
        columns.push(("DATABASE", 14));
    }
    columns.extend([
        ("CLIENT", 15),
        ("APP", 12),
        ("STATE", 10),
        ("FOR", 6),
        ("IN TX", 6),
        ("UP", 6),
        ("WAIT", 12),
        ("BLOCKED BY", 12),
        ("QUERY", usize::MAX),
    ]);
    let rows: Vec<Vec<String>> = sessions
        .iter()
        .map(|s| {
            let mut row = vec![s.pid.to_string(), s.user.clone().unwrap_or_default()];
            if with_database {
                row.push(s.database.clone().unwrap_or_default());
            }
            row.extend([
                s.client_addr.clone().unwrap_or_default(),
                s.application.clone(),
                short_state(s.state.as_deref()),
                s.state_seconds.map(format_duration).unwrap_or_default(),
                s.transaction_seconds
                    .map(format_duration)
                    .unwrap_or_default(),
                s.connected_seconds.map(format_duration).unwrap_or_default(),
                // An idle session always waits for its client (ClientRead): only noise there.
                match s.state.as_deref() {
                    Some(state) if state.starts_with("idle") => String::new(),
                    _ => s.wait_event.clone().unwrap_or_default(),
                },
                s.blocked_by
                    .iter()
                    .map(i32::to_string)
                    .collect::<Vec<_>>()
                    .join(","),
                one_line(s.query.as_deref().unwrap_or("")),
            ]);
            row
        })
        .collect();
    ui::table(&columns, &rows)
}

/// States as few columns wide as they can be and still read plainly.
fn short_state(state: Option<&str>) -> String {
    match state {
        Some("idle in transaction") => "idle in tx".into(),
        Some("idle in transaction (aborted)") => "aborted tx".into(),
        Some(other) => other.into(),
        None => "?".into(),
    }
}

/// The query on one line; the table cuts it to the terminal's width.
fn one_line(query: &str) -> String {
    query.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn queries_are_flattened_and_long_cells_cut() {
        assert_eq!(one_line("select\n  1"), "select 1");
        assert_eq!(ui::cut(&"x".repeat(100), 12).chars().count(), 12);
        assert!(ui::cut(&"x".repeat(100), 12).ends_with('…'));
        assert_eq!(ui::cut("short", 12), "short");
    }
}
