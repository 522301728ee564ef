//! Dropping a database by name, ending or naming the sessions that keep it in use: what
//! `drop`, `setup` (its swap, or its reset in place) and the snapshots all do to a database.

use std::time::{Duration, Instant};

use anyhow::{Context, Result};
use tokio_postgres::Client;
use tokio_postgres::error::SqlState;

use super::sessions::{self, Filter, Session, describe};
use super::{PgError, quote_ident};
use crate::error::{Exit, Fail};
use crate::ui;

/// `DROP DATABASE ... WITH (FORCE)` arrived in PostgreSQL 13.
const FORCE_OPTION_SINCE: u32 = 130_000;

/// Drop database `name`; with `force`, end the sessions connected to it first. Sessions that
/// keep it in use make it fail, naming them.
pub async fn drop_named(client: &Client, name: &str, force: bool) -> Result<()> {
    let outcome = if force {
        force_drop(client, name).await?
    } else {
        try_drop(client, name, "").await?
    };
    match outcome {
        Dropped::Done => Ok(()),
        Dropped::Blocked(holders) => Err(in_use(
            &format!("drop database {}", quote_ident(name)),
            &holders,
        )),
    }
}

enum Dropped {
    Done,
    /// DROP DATABASE refuses while anyone is connected; these sessions were.
    Blocked(Vec<Session>),
}

async fn try_drop(client: &Client, name: &str, options: &str) -> Result<Dropped> {
    let sql = format!("DROP DATABASE {}{options}", quote_ident(name));
    ui::verbose(format_args!("> {sql}"));
    let Err(err) = client.batch_execute(&sql).await else {
        return Ok(Dropped::Done);
    };
    let err = PgError(err);
    if err.code() != Some(&SqlState::OBJECT_IN_USE) {
        let what = format!("could not drop database {}", quote_ident(name));
        return Err(anyhow::Error::new(err).context(Fail::new(Exit::Failure, what)));
    }
    Ok(Dropped::Blocked(
        sessions::list(client, &Filter::database(name)).await?,
    ))
}

/// Make sure no session but `own_pid` is on database `name` before it is rebuilt in place:
/// with `force` the others are ended (and waited for), without it they are named, as a drop
/// names them.
pub async fn end_other_sessions(
    client: &Client,
    name: &str,
    own_pid: i32,
    force: bool,
) -> Result<()> {
    let others = |all: Vec<Session>| -> Vec<Session> {
        all.into_iter().filter(|s| s.pid != own_pid).collect()
    };
    let what = format!("reset database {} in place", quote_ident(name));
    let holders = others(sessions::list(client, &Filter::database(name)).await?);
    if holders.is_empty() {
        return Ok(());
    }
    if !force {
        return Err(in_use(&what, &holders));
    }
    for session in &holders {
        ui::note(format_args!("ending session {}", describe(session)));
    }
    let deadline = Instant::now() + ENDING;
    loop {
        terminate(client, name, own_pid).await?;
        let left = others(sessions::list(client, &Filter::database(name)).await?);
        if left.is_empty() {
            return Ok(());
        }
        if Instant::now() >= deadline {
            return Err(in_use(&what, &left));
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// How long ended sessions (which a pooler may open again) get to go away.
const ENDING: Duration = Duration::from_secs(5);

/// Ask the server to end every session on database `name` but this one and `spared`'s (0:
/// none); they go away a moment later.
async fn terminate(client: &Client, name: &str, spared: i32) -> Result<()> {
    client
        .execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid NOT IN (pg_backend_pid(), $2)",
            &[&name, &spared],
        )
        .await
        .map_err(PgError)
        .context("could not end the sessions connected to the database")?;
    Ok(())
}

/// Could not `what` (`drop database "x"`) because of `holders`: named, so the user can decide
/// whether to end them.
fn in_use(what: &str, holders: &[Session]) -> anyhow::Error {
    let mut message = format!(
        "could not {what}: {} other session(s) are connected to it",
        holders.len()
    );
    for session in holders {
        message.push_str(&format!("\n  {}", describe(session)));
    }
    Fail::new(Exit::Failure, message)
        .hint("close the app or IDE holding them, or end them with `cruddur-db drop --force` (or `setup --force`)")
        .into()
}

async fn force_drop(client: &Client, name: &str) -> Result<Dropped> {
    for session in sessions::list(client, &Filter::database(name)).await? {
        ui::note(format_args!("ending session {}", describe(&session)));
    }
    if super::server_version(client).await? >= FORCE_OPTION_SINCE {
        return try_drop(client, name, " WITH (FORCE)").await;
    }
    // Before 13: terminate, then drop. Termination is asynchronous and a pooler may reconnect, so
    // retry for a few seconds while the only obstacle is sessions still connected.
    let deadline = Instant::now() + ENDING;
    loop {
        terminate(client, name, 0).await?;
        match try_drop(client, name, "").await? {
            Dropped::Blocked(_) if Instant::now() < deadline => {
                tokio::time::sleep(Duration::from_millis(100)).await;
            }
            outcome => return Ok(outcome),
        }
    }
}
