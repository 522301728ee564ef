//! `kill`: end sessions on the target database (never our own; other databases only with
//! `--all`), chosen by pid, user, application or idle time; `--dry-run` only lists them.

use std::time::{Duration, Instant};

use anyhow::{Context, Result};
use tokio_postgres::error::SqlState;

use crate::cli::KillArgs;
use crate::context::RunContext;
use crate::db::sessions::{self, Filter};
use crate::db::sessions::{chosen, print_table};
use crate::db::{PgError, quote_ident};
use crate::error::{Exit, Fail};
use crate::{guard, ui};

pub async fn run(ctx: &RunContext, args: &KillArgs) -> Result<()> {
    let started = Instant::now();
    let (target, client) = ctx.admin().await?;
    let name = target.conn.database();

    guard::refuse_unless_prod(&client, &target).await?;
    let filter = Filter {
        idle_for: args.idle_for.map(Duration::from_secs),
        pids: &args.pids,
        ..chosen(&args.filter, name)
    };
    let mut chosen = sessions::list(&client, &filter).await?;
    let scope = if args.filter.all {
        "on the server".to_string()
    } else {
        format!("on database {}", quote_ident(name))
    };
    // A pid the user named but the filters did not find is a mistake worth stopping for.
    let mut problems = Vec::new();
    for pid in args
        .pids
        .iter()
        .filter(|pid| !chosen.iter().any(|s| s.pid == **pid))
    {
        problems.push(match hidden_owner(&client, *pid).await? {
            // The server hides other roles' sessions (database included) from users without
            // pg_read_all_stats, so we cannot tell where it is; never end it blindly.
            Some(owner) => format!(
                "pid {pid} (user {owner}) may not be ended by user {:?}: the server hides that role's sessions from it",
                target.conn.user()
            ),
            None => format!("pid {pid} is not a matching session {scope}"),
        });
    }

    if !args.dry_run {
        let databases: Vec<&str> = chosen
            .iter()
            .filter_map(|s| s.database.as_deref())
            .collect();
        guard::refuse_sessions_on_production(&client, &target, &databases).await?;
    }

    if args.dry_run {
        ui::done(
            "kill",
            format_args!("would end {} session(s) {scope}", chosen.len()),
            started.elapsed(),
        );
        print_table(&chosen, args.filter.all)?;
        return finish(problems);
    }

    let mut ended = Vec::new();
    for session in &chosen {
        let result = client
            .query_one("SELECT pg_terminate_backend($1)", &[&session.pid])
            .await;
        match result {
            Ok(row) if row.get::<_, bool>(0) => ended.push(session.pid),
            // It went away between the listing and now: the user's wish came true anyway.
            Ok(_) => ui::note(format_args!("pid {} had already ended", session.pid)),
            Err(err) if err.code() == Some(&SqlState::INSUFFICIENT_PRIVILEGE) => {
                problems.push(format!(
                    "pid {} (user {}) may not be ended by user {:?}: {}",
                    session.pid,
                    session.user.as_deref().unwrap_or("?"),
                    target.conn.user(),
                    PgError(err)
                ));
            }
            Err(err) => {
                return Err(PgError(err))
                    .with_context(|| format!("could not end pid {}", session.pid));
            }
        }
    }
    ui::done(
        "kill",
        format_args!("ended {} session(s) {scope}", ended.len()),
        started.elapsed(),
    );
    chosen.retain(|session| ended.contains(&session.pid));
    print_table(&chosen, args.filter.all)?;
    finish(problems)
}

/// The owner of session `pid` when it exists but the server hides its details from us.
async fn hidden_owner(client: &tokio_postgres::Client, pid: i32) -> Result<Option<String>> {
    let row = client
        .query_opt(
            "SELECT coalesce(usename::text, '?') FROM pg_stat_activity WHERE pid = $1 AND backend_type IS NULL",
            &[&pid],
        )
        .await
        .map_err(PgError)
        .context("could not read pg_stat_activity")?;
    Ok(row.map(|row| row.get(0)))
}

fn finish(problems: Vec<String>) -> Result<()> {
    if problems.is_empty() {
        return Ok(());
    }
    Err(Fail::new(Exit::Failure, problems.join("\n"))
        .hint("`cruddur-db sessions` lists the sessions there are; ending another user's session needs superuser or pg_signal_backend (on RDS, rds_superuser)")
        .into())
}
