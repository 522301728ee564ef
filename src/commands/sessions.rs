//! `sessions`: who is connected to the target database (or every database), how long they have
//! been at it and what blocks them, as a table, JSON, or a view redrawn with `--watch`.

use std::time::{Duration, Instant};

use anyhow::Result;

use crate::cli::{SessionFilter, SessionsArgs};
use crate::clock::format_duration;
use crate::context::RunContext;
use crate::db::quote_ident;
use crate::db::sessions::{Filter, Session, list};
use crate::ui;

pub async fn run(ctx: &RunContext, args: &SessionsArgs) -> Result<()> {
    let (target, client) = ctx.admin().await?;
    let name = target.conn.database();
    let filter = Filter {
        state: args.state.as_deref(),
        ..chosen(&args.filter, name)
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
