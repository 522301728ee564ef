//! Snapshots of a development database: a template-database copy of the target kept beside
//! it (`CREATE DATABASE ... TEMPLATE`), restored by cloning it back through a side database,
//! so a restore that fails leaves the database as it was and the snapshot stays for the next.

use anyhow::{Context, Result};
use tokio_postgres::Client;

use super::side::{self, Mark, fitted};
use crate::db::sessions::{self, Filter, Session, describe};
use crate::db::{self, PgError, quote_ident};
use crate::error::{Exit, Fail};

/// A snapshot kept for a target.
#[derive(Debug, serde::Serialize)]
pub struct Snapshot {
    /// The name the user gave (or the time it was taken).
    pub name: String,
    /// The database that holds it.
    pub database: String,
    /// The database it is a snapshot of.
    pub source: String,
    /// Unix seconds when it was taken.
    pub taken: u64,
    pub bytes: i64,
}

/// What a snapshot name may be: short, and safe inside a database name.
pub fn check_name(name: &str) -> Result<()> {
    let ok = !name.is_empty()
        && name.len() <= 20
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
    if ok {
        return Ok(());
    }
    Err(Fail::new(
        Exit::Usage,
        format!("{name:?} is not a snapshot name: use up to 20 letters, digits, - and _"),
    )
    .hint("for example `cruddur-db snapshot save before-migration`")
    .into())
}

/// A name from the current time, `20261126-053944`.
pub fn default_name() -> String {
    crate::clock::utc_compact(crate::clock::now_secs())
}

/// The database that holds snapshot `name` of `target`, within 63 bytes.
pub fn database_name(target: &str, name: &str) -> String {
    format!("{}_cdb_snap_{name}", fitted(target, 32))
}

/// Every snapshot on the server, of any database, newest first.
pub async fn all(client: &Client) -> Result<Vec<Snapshot>> {
    let mut snapshots = Vec::new();
    for (database, mark) in side::marked(client).await? {
        let Mark::Snapshot {
            target,
            name,
            taken,
        } = mark
        else {
            continue;
        };
        let Some(bytes) = side::size_of(client, &database).await? else {
            continue;
        };
        snapshots.push(Snapshot {
            name,
            database,
            source: target,
            taken,
            bytes,
        });
    }
    snapshots.sort_by_key(|s| std::cmp::Reverse(s.taken));
    Ok(snapshots)
}

/// The sessions connected to `database`, other than ours.
pub async fn sessions_on(client: &Client, database: &str) -> Result<Vec<Session>> {
    sessions::list(client, &Filter::database(database)).await
}

/// Refuse because `database` has sessions, naming them.
pub fn busy(database: &str, holders: &[Session], what: &str, force_hint: bool) -> anyhow::Error {
    let mut message = format!(
        "{what}: {} other session(s) are connected to {}",
        holders.len(),
        quote_ident(database)
    );
    for session in holders {
        message.push_str(&format!("\n  {}", describe(session)));
    }
    let hint = if force_hint {
        "close the app or IDE holding them, or pass --force to end them"
    } else {
        "close them (cruddur-db never ends sessions on a snapshot): `cruddur-db sessions --all` shows them"
    };
    Fail::new(Exit::Failure, message).hint(hint).into()
}

/// Copy `target` into a new snapshot `name`. Sessions on `target` block the copy: they are
/// ended with `force`, else named in the error.
pub async fn save(client: &Client, target: &str, name: &str, force: bool) -> Result<Snapshot> {
    let database = database_name(target, name);
    if db::database_exists(client, &database).await? {
        return Err(Fail::new(
            Exit::Failure,
            format!(
                "snapshot {name:?} of {} already exists",
                quote_ident(target)
            ),
        )
        .hint("choose another name, or `cruddur-db snapshot delete NAME` first")
        .into());
    }
    end_or_refuse(client, target, force, "could not take a snapshot").await?;
    let version = db::server_version(client).await?;
    let strategy = if version >= 150_000 {
        " STRATEGY WAL_LOG"
    } else {
        ""
    };
    let sql = format!(
        "CREATE DATABASE {} TEMPLATE {}{strategy}",
        quote_ident(&database),
        quote_ident(target)
    );
    crate::ui::verbose(format_args!("> {sql}"));
    super::retry_while_in_use(|| client.batch_execute(&sql))
        .await
        .map_err(PgError)
        .with_context(|| format!("could not copy {} into a snapshot", quote_ident(target)))?;
    let taken = crate::clock::now_secs();
    let mark = Mark::Snapshot {
        target: target.to_string(),
        name: name.to_string(),
        taken,
    };
    side::comment(client, &database, Some(&mark.comment())).await?;
    let bytes = side::size_of(client, &database).await?.unwrap_or_default();
    Ok(Snapshot {
        name: name.to_string(),
        database,
        source: target.to_string(),
        taken,
        bytes,
    })
}

/// End the sessions on `database` with `force`, else refuse naming them.
pub async fn end_or_refuse(client: &Client, database: &str, force: bool, what: &str) -> Result<()> {
    let holders = sessions_on(client, database).await?;
    if holders.is_empty() {
        return Ok(());
    }
    if !force {
        return Err(busy(database, &holders, what, true));
    }
    for session in &holders {
        crate::ui::note(format_args!("ending session {}", describe(session)));
        client
            .query_one("SELECT pg_terminate_backend($1)", &[&session.pid])
            .await
            .map_err(PgError)
            .context("could not end a session")?;
    }
    Ok(())
}

/// Clone `snapshot` into side database `side_name` (for `target`). Sessions on the snapshot
/// itself block it; they are never ended.
pub async fn clone_into(
    client: &Client,
    snapshot: &Snapshot,
    side_name: &str,
    target: &str,
) -> Result<()> {
    let holders = sessions_on(client, &snapshot.database).await?;
    if !holders.is_empty() {
        return Err(busy(
            &snapshot.database,
            &holders,
            "could not restore from the snapshot",
            false,
        ));
    }
    let version = db::server_version(client).await?;
    side::create(
        client,
        side_name,
        target,
        Some((&snapshot.database, version)),
    )
    .await
    .with_context(|| format!("could not copy snapshot {:?}", snapshot.name))
}
