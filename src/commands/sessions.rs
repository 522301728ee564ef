//! `sessions`: who is connected to the target database (or every database), as a table or JSON.

use std::time::Instant;

use anyhow::{Context, Result};
use serde::Serialize;
use tokio_postgres::Client;

use crate::cli::SessionsArgs;
use crate::config::Config;
use crate::db::{self, PgError, quote_ident};
use crate::ui;

/// One server session. Field names are the `--json` format: keep them stable.
#[derive(Debug, Serialize)]
pub struct Session {
    pub pid: i32,
    pub user: Option<String>,
    pub database: Option<String>,
    /// `null` for a Unix-socket connection.
    pub client_addr: Option<String>,
    pub application: String,
    /// active, idle, idle in transaction, ...; `null` when the server hides it from this user.
    pub state: Option<String>,
    /// Seconds since the session entered its current state.
    pub state_seconds: Option<f64>,
    /// The current (or last) query; hidden by the server for other users' sessions unless
    /// the user has pg_read_all_stats.
    pub query: Option<String>,
}

/// Client sessions other than our own, of one database or all of them, longest in state first.
pub async fn list(client: &Client, database: Option<&str>) -> Result<Vec<Session>> {
    let rows = client
        .query(
            "SELECT pid, usename::text, datname::text, client_addr::text, application_name, state,
                    extract(epoch FROM now() - state_change)::float8, query
             FROM pg_stat_activity
             WHERE backend_type = 'client backend' AND pid <> pg_backend_pid()
               AND ($1::text IS NULL OR datname = $1)
             ORDER BY state_change NULLS LAST, pid",
            &[&database],
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
            query: row.get(7),
        })
        .collect())
}

pub async fn run(config: &Config, args: &SessionsArgs) -> Result<()> {
    let started = Instant::now();
    let target = config.target()?;
    let client = db::connect_admin(&target, config.maintenance_db.as_deref()).await?;
    let name = target.url.database();
    let sessions = list(&client, (!args.all).then_some(name)).await?;
    let scope = if args.all {
        "on the server".to_string()
    } else {
        format!("on database {}", quote_ident(name))
    };
    ui::done(
        "sessions",
        format_args!("{} session(s) {scope}", sessions.len()),
        started.elapsed(),
    );
    if args.json {
        return ui::json(&sessions);
    }
    let rows: Vec<Vec<String>> = sessions
        .iter()
        .map(|s| {
            vec![
                s.pid.to_string(),
                s.user.clone().unwrap_or_default(),
                s.database.clone().unwrap_or_default(),
                s.client_addr.clone().unwrap_or_else(|| "local".into()),
                s.application.clone(),
                s.state.clone().unwrap_or_default(),
                s.state_seconds.map(format_duration).unwrap_or_default(),
                s.query.as_deref().map(one_line).unwrap_or_default(),
            ]
        })
        .collect();
    ui::table(
        &[
            "PID", "USER", "DATABASE", "CLIENT", "APP", "STATE", "FOR", "QUERY",
        ],
        &rows,
    );
    Ok(())
}

fn format_duration(seconds: f64) -> String {
    let total = seconds.max(0.0) as u64;
    match total {
        0..60 => format!("{total}s"),
        60..3600 => format!("{}m{:02}s", total / 60, total % 60),
        _ => format!("{}h{:02}m", total / 3600, total % 3600 / 60),
    }
}

/// The query on one line, cut to keep the table readable.
fn one_line(query: &str) -> String {
    const MAX: usize = 48;
    let flat = query.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() <= MAX {
        flat
    } else {
        flat.chars().take(MAX - 1).chain(['…']).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_read_like_a_clock() {
        assert_eq!(format_duration(4.9), "4s");
        assert_eq!(format_duration(125.0), "2m05s");
        assert_eq!(format_duration(3720.0), "1h02m");
    }

    #[test]
    fn queries_are_flattened_and_cut() {
        assert_eq!(one_line("select\n  1"), "select 1");
        assert_eq!(one_line(&"x ".repeat(100)).chars().count(), 48);
    }
}
