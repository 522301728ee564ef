//! Migrations: the schema changes after day one, in dbmate's file format and history table.
//! Each runs through the same SQL engine as `schema-load`, in one transaction with its history
//! row unless its file says `transaction:false`; checksums catch edited migrations, and the
//! order of versions is enforced.

pub mod file;
pub mod history;
pub mod legacy;

use std::time::Instant;

use anyhow::{Context, Result};
use serde::Serialize;

pub use self::file::{Migration, discover, version_key};
use self::history::Applied;
use crate::db::{PgError, Session};
use crate::error::{Exit, Fail};
use crate::script::{self, RunOptions};
use crate::ui;

/// Where a migration stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum State {
    Applied,
    Pending,
    /// Applied, and its file has changed since.
    Modified,
    /// Applied, and its file is gone.
    Missing,
}

/// A migration file and its history row, side by side.
#[derive(Debug)]
pub struct Entry {
    pub version: String,
    pub name: String,
    pub state: State,
    pub migration: Option<Migration>,
    pub applied: Option<Applied>,
}

/// Files and history together, in version order.
pub fn plan(files: Vec<Migration>, applied: Vec<Applied>) -> Vec<Entry> {
    let mut entries: Vec<Entry> = Vec::new();
    let mut applied = applied;
    for migration in files {
        let row = applied
            .iter()
            .position(|a| version_key(&a.version) == version_key(&migration.version))
            .map(|i| applied.remove(i));
        let state = match &row {
            None => State::Pending,
            // dbmate records no checksum: what it applied counts as applied.
            Some(row)
                if row
                    .checksum
                    .as_ref()
                    .is_some_and(|c| *c != migration.checksum) =>
            {
                State::Modified
            }
            Some(_) => State::Applied,
        };
        entries.push(Entry {
            version: migration.version.clone(),
            name: migration.name.clone(),
            state,
            migration: Some(migration),
            applied: row,
        });
    }
    for row in applied {
        entries.push(Entry {
            version: row.version.clone(),
            name: String::new(),
            state: State::Missing,
            migration: None,
            applied: Some(row),
        });
    }
    entries.sort_by(|a, b| version_key(&a.version).cmp(&version_key(&b.version)));
    entries
}

/// Refuse to migrate while an applied migration was edited or deleted, unless allowed.
pub fn check_unchanged(entries: &[Entry], allow_modified: bool) -> Result<()> {
    let changed: Vec<String> = entries
        .iter()
        .filter(|e| matches!(e.state, State::Modified | State::Missing))
        .map(|e| match (&e.state, &e.migration) {
            (State::Modified, Some(m)) => {
                format!("{} was applied and has changed since", m.path.display())
            }
            _ => format!("version {} was applied and its file is gone", e.version),
        })
        .collect();
    if changed.is_empty() || allow_modified {
        return Ok(());
    }
    Err(Fail::new(
        Exit::Failure,
        format!("refusing to migrate: {}", changed.join("; ")),
    )
    .hint("an applied migration must not change: undo the edit (or restore the file) and add a new migration; --allow-modified goes ahead anyway")
    .into())
}

/// Refuse pending migrations older than the newest applied one (a branch merged late), unless
/// allowed.
pub fn check_order(entries: &[Entry], allow_out_of_order: bool) -> Result<()> {
    let Some(newest) = entries
        .iter()
        .filter(|e| e.state != State::Pending)
        .map(|e| version_key(&e.version))
        .max()
    else {
        return Ok(());
    };
    let late: Vec<String> = entries
        .iter()
        .filter(|e| e.state == State::Pending && version_key(&e.version) < newest)
        .filter_map(|e| e.migration.as_ref().map(|m| m.path.display().to_string()))
        .collect();
    if late.is_empty() || allow_out_of_order {
        return Ok(());
    }
    Err(Fail::new(
        Exit::Failure,
        format!(
            "refusing to migrate: {} is older than the newest applied migration ({})",
            late.join(", "),
            newest.1
        ),
    )
    .hint("a branch was merged after newer migrations ran: give it a new version (rename the file), or pass --allow-out-of-order if it is independent of them")
    .into())
}

/// Apply `migration` on `session`: its up part and its history row commit together.
pub async fn apply(session: &Session, migration: &Migration) -> Result<()> {
    let started = Instant::now();
    let clock = server_clock(session).await?;
    let record = history::record(
        &migration.version,
        &migration.name,
        &migration.checksum,
        &clock,
    );
    let options = RunOptions::migration(migration.up.transaction);
    let summary = script::run_lines(
        session,
        &migration.path,
        Some(migration.up.lines.clone()),
        options,
        Some(&record),
    )
    .await
    .with_context(|| format!("migration {} failed", migration.label()))?;
    ui::done(
        "migrate",
        format_args!("applied {}: {summary}", migration.label()),
        started.elapsed(),
    );
    Ok(())
}

/// Revert `migration` on `session`: its down part and the removal of its history row.
pub async fn revert(session: &Session, migration: &Migration) -> Result<()> {
    let started = Instant::now();
    let Some(down) = &migration.down else {
        return Err(Fail::new(
            Exit::Failure,
            format!("{} has no `-- migrate:down` part", migration.path.display()),
        )
        .hint("add the statements that undo it under `-- migrate:down`")
        .into());
    };
    let options = RunOptions::migration(down.transaction);
    let summary = script::run_lines(
        session,
        &migration.path,
        Some(down.lines.clone()),
        options,
        Some(&history::forget(&migration.version)),
    )
    .await
    .with_context(|| format!("reverting migration {} failed", migration.label()))?;
    ui::done(
        "migrate",
        format_args!("reverted {}: {summary}", migration.label()),
        started.elapsed(),
    );
    Ok(())
}

/// Apply every pending migration in `migrations` on `session`, in order; for `setup`, on a
/// database it has to itself. Returns how many it applied.
pub async fn apply_pending(session: &Session, migrations: &[Migration]) -> Result<usize> {
    if migrations.is_empty() {
        return Ok(0);
    }
    history::ensure(&session.client).await?;
    let applied = history::applied(&session.client).await?;
    let entries = plan(migrations.to_vec(), applied);
    let mut count = 0;
    for entry in entries.iter().filter(|e| e.state == State::Pending) {
        if let Some(migration) = &entry.migration {
            apply(session, migration).await.map_err(|err| {
                err.context(format!("{count} migration(s) before it stay applied"))
            })?;
            count += 1;
        }
    }
    Ok(count)
}

async fn server_clock(session: &Session) -> Result<String> {
    Ok(session
        .client
        .query_one("SELECT clock_timestamp()::text", &[])
        .await
        .map_err(PgError)
        .context("could not read the server's clock")?
        .get(0))
}
