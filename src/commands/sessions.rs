//! `sessions`: who is connected to the target database (or every database), how long they have
//! been at it and what blocks them, as a table, JSON, or a view redrawn with `--watch`.

use std::time::{Duration, Instant};

use anyhow::{Context, Result};
use serde::Serialize;
use tokio_postgres::Client;

use crate::cli::{SessionFilter, SessionsArgs};
use crate::config::Config;
use crate::db::{self, PgError, quote_ident};
use crate::ui;

/// One server session. Field names are the `--json` format, documented in README.md: keep them
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

    /// The user's `--all/--user/--app` choice, for the target database `database`.
    pub fn chosen(filter: &'a SessionFilter, database: &'a str) -> Self {
        Filter {
            database: (!filter.all).then_some(database),
            user: filter.user.as_deref(),
            app: filter.app.as_deref(),
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
            query: row.get(12),
        })
        .collect())
}

pub async fn run(config: &Config, args: &SessionsArgs) -> Result<()> {
    let target = config.target()?;
    let client = db::connect_admin(&target, config.maintenance_db.as_deref()).await?;
    let name = target.conn.database();
    let filter = Filter {
        state: args.state.as_deref(),
        ..Filter::chosen(&args.filter, name)
    };
    let scope = if args.filter.all {
        "on the server".to_string()
    } else {
        format!("on database {}", quote_ident(name))
    };
    loop {
        let started = Instant::now();
        let sessions = list(&client, &filter).await?;
        if args.watch.is_some() {
            ui::clear_screen()?;
        }
        ui::done(
            "sessions",
            format_args!("{} session(s) {scope}", sessions.len()),
            started.elapsed(),
        );
        if args.json {
            ui::json(&sessions)?;
        } else {
            print_table(&sessions, args.filter.all)?;
        }
        let Some(every) = args.watch else {
            return Ok(());
        };
        tokio::time::sleep(Duration::from_secs(every.max(1))).await;
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

pub fn format_duration(seconds: f64) -> String {
    let total = seconds.max(0.0) as u64;
    match total {
        0..60 => format!("{total}s"),
        60..3600 => format!("{}m{:02}s", total / 60, total % 60),
        3600..86400 => format!("{}h{:02}m", total / 3600, total % 3600 / 60),
        _ => format!("{}d{:02}h", total / 86400, total % 86400 / 3600),
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
    fn durations_read_like_a_clock() {
        assert_eq!(format_duration(4.9), "4s");
        assert_eq!(format_duration(125.0), "2m05s");
        assert_eq!(format_duration(3720.0), "1h02m");
        assert_eq!(format_duration(90000.0), "1d01h");
    }

    #[test]
    fn queries_are_flattened_and_long_cells_cut() {
        assert_eq!(one_line("select\n  1"), "select 1");
        assert_eq!(ui::cut(&"x".repeat(100), 12).chars().count(), 12);
        assert!(ui::cut(&"x".repeat(100), 12).ends_with('…'));
        assert_eq!(ui::cut("short", 12), "short");
    }
}
