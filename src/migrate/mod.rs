//! Migrations: the schema changes after day one, in dbmate's file format and history table.
//! Each runs through the same SQL engine as `schema-load`, in one transaction with its history
//! row unless its file says `transaction:false`; checksums catch edited migrations, and the
//! order of versions is enforced.

pub mod file;
pub mod history;
pub mod legacy;
pub mod lint;
pub mod locks;
pub mod plan;
mod python;

use std::cell::RefCell;
use std::time::{Duration, Instant};

use anyhow::{Context, Result};
use serde::Serialize;

pub use self::file::{Migration, Part, discover, version_key};
use self::history::Applied;
use tokio_postgres::error::SqlState;

use crate::config::Places;
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

/// How long a migration's statements may wait for a lock before giving up, and how often a
/// migration that gave up is tried again. A DDL statement waiting behind a long transaction
/// holds its place in the lock queue, and every query on that table queues behind it: better
/// to give up quickly and try again than to take the application down while waiting.
#[derive(Debug, Clone, Copy)]
pub struct LockPolicy {
    /// `None` (or zero): wait as long as it takes.
    pub timeout: Option<Duration>,
    pub retries: u32,
}

impl Default for LockPolicy {
    fn default() -> Self {
        LockPolicy {
            timeout: Some(Duration::from_secs(5)),
            retries: 3,
        }
    }
}

/// How migrations run: where their relative paths start, how long they wait for locks, and
/// `watcher`, another session, that names who blocks one when it has to wait.
pub struct Options<'a> {
    pub places: &'a Places,
    pub policy: LockPolicy,
    pub watcher: Option<&'a Session>,
    /// Inside a transaction the caller opened and ends (`setup`'s in-place reset): nothing is
    /// tried again, as a failure has aborted that transaction.
    pub enclosed: bool,
}

/// Apply `migration` on `session`: its up part and its history row commit together.
pub async fn apply(session: &Session, migration: &Migration, options: &Options<'_>) -> Result<()> {
    let clock = server_clock(session).await?;
    let record = history::record(
        &migration.version,
        &migration.name,
        &migration.checksum,
        &clock,
    );
    run_part(
        session,
        migration,
        &migration.up,
        &record,
        "applied",
        options,
    )
    .await
}

/// Revert `migration` on `session`: its down part and the removal of its history row.
pub async fn revert(session: &Session, migration: &Migration, options: &Options<'_>) -> Result<()> {
    let Some(down) = &migration.down else {
        return Err(Fail::new(
            Exit::Failure,
            format!("{} has no `-- migrate:down` part", migration.path.display()),
        )
        .hint("add the statements that undo it under `-- migrate:down`")
        .into());
    };
    let forget = history::forget(&migration.version);
    run_part(session, migration, down, &forget, "reverted", options).await
}

/// Run one part of `migration` and `record`, under the part's (else the policy's) lock
/// timeout, trying again with backoff when a lock was not had in time. A `transaction:false`
/// part is tried again only when it was blocked at its first statement.
async fn run_part(
    session: &Session,
    migration: &Migration,
    part: &Part,
    record: &str,
    done: &str,
    &Options {
        places,
        policy,
        watcher,
        enclosed,
    }: &Options<'_>,
) -> Result<()> {
    let started = Instant::now();
    if enclosed && !part.transaction {
        return Err(Fail::new(
            Exit::Failure,
            format!(
                "migration {} says transaction:false, so it cannot run inside the one transaction of this load",
                migration.label()
            ),
        )
        .hint("run `cruddur-db setup --aside`, which applies it on its own")
        .into());
    }
    let timeout = part
        .lock_timeout
        .or(policy.timeout)
        .filter(|t| !t.is_zero());
    let pid: i32 = session
        .client
        .query_one("SELECT pg_backend_pid()", &[])
        .await
        .map_err(PgError)?
        .get(0);
    let options = match enclosed {
        true => RunOptions::migration(true, places).enclosed(),
        false => RunOptions::migration(part.transaction, places),
    };
    let mut attempt = 0;
    loop {
        attempt += 1;
        let limit = timeout.map_or(0, |t| t.as_millis());
        session
            .client
            .batch_execute(&format!("SET lock_timeout = {limit}"))
            .await
            .map_err(PgError)?;
        let blockers = RefCell::new(Vec::new());
        // A cancelled CREATE INDEX CONCURRENTLY leaves its index behind, invalid: what this
        // attempt leaves is dropped before the next one, or the retry fails on its name.
        let invalid_before = match part.transaction {
            true => Vec::new(),
            false => invalid_indexes(&session.client).await?,
        };
        set_running(Some((migration.label(), part.transaction)));
        let run = script::run_lines(
            session,
            &migration.path,
            Some(part.lines.clone()),
            options,
            &[],
            Some(record),
        );
        let outcome = tokio::select! {
            outcome = run => outcome,
            _ = watch(watcher, pid, &blockers) => unreachable!("the watch never ends"),
        };
        set_running(None);
        let _ = session.client.batch_execute("RESET lock_timeout").await;
        let err = match outcome {
            Ok(summary) => {
                ui::done(
                    "migrate",
                    format_args!("{done} {}: {summary}", migration.label()),
                    started.elapsed(),
                );
                return Ok(());
            }
            Err(err) => err,
        };
        // A failed CREATE INDEX CONCURRENTLY leaves its index INVALID: never kept.
        if !part.transaction
            && let Err(left) = drop_left_invalid(&session.client, &invalid_before).await
        {
            return Err(left.context(format!("migration {} failed", migration.label())));
        }
        let locked_out = Fail::sqlstate_in(&err) == Some(&SqlState::LOCK_NOT_AVAILABLE);
        if !locked_out {
            return Err(err).with_context(|| format!("migration {} failed", migration.label()));
        }
        let who = blockers.into_inner();
        let who = if who.is_empty() {
            "sessions that have ended since".to_string()
        } else {
            who.join("; ")
        };
        let waited = timeout.map_or(0.0, |t| t.as_secs_f64());
        // Without a transaction, what completed stays applied: running it again could fail
        // on it or apply it twice, so only a part blocked at its first statement is retried.
        let nothing_ran = part.transaction
            || err.downcast_ref::<script::Completed>() == Some(&script::Completed(0));
        if nothing_ran && !enclosed && attempt <= policy.retries {
            let pause = Duration::from_millis(500 << (attempt - 1).min(6));
            ui::status(
                "migrate",
                format_args!(
                    "{}: attempt {attempt} got no lock within {waited} s, blocked by {who}; rolled back, trying again in {:.1} s",
                    migration.label(),
                    pause.as_secs_f64()
                ),
            );
            tokio::time::sleep(pause).await;
            continue;
        }
        return Err(err.context(
            Fail::new(
                Exit::Busy,
                format!(
                    "migration {} got no lock within {waited} s in {attempt} attempt(s); {}; blocked by {who}",
                    migration.label(),
                    if nothing_ran {
                        "nothing of it was applied"
                    } else {
                        "its statements before the blocked one stay applied (transaction:false), so it was not tried again"
                    }
                ),
            )
            .hint("`cruddur-db sessions` shows what they are doing, `cruddur-db kill --pid PID` ends one; or raise --lock-timeout-ddl, or the file's `lock_timeout:` option"),
        ));
    }
}

/// The invalid indexes of the database, as `schema.name`.
async fn invalid_indexes(client: &tokio_postgres::Client) -> Result<Vec<String>> {
    let rows = client
        .query(
            "SELECT indexrelid::regclass::text FROM pg_index WHERE NOT indisvalid ORDER BY 1",
            &[],
        )
        .await
        .map_err(PgError)
        .context("could not look for invalid indexes")?;
    Ok(rows.iter().map(|row| row.get(0)).collect())
}

/// Drop the invalid indexes that were not there `before`: what a failed or cancelled `CREATE
/// INDEX CONCURRENTLY` left. One that cannot be dropped is named, with the statement that would.
async fn drop_left_invalid(client: &tokio_postgres::Client, before: &[String]) -> Result<()> {
    for index in invalid_indexes(client).await? {
        if before.contains(&index) {
            continue;
        }
        let sql = format!("DROP INDEX CONCURRENTLY IF EXISTS {index}");
        ui::verbose(format_args!("> {sql}"));
        client.batch_execute(&sql).await.map_err(PgError).with_context(|| {
            Fail::new(
                Exit::Failure,
                format!("the failed CREATE INDEX CONCURRENTLY left index {index} invalid, and it could not be dropped"),
            )
            .hint(format!("drop it by hand (`{sql}`), then run migrate again"))
        })?;
        ui::status(
            "migrate",
            format_args!(
                "dropped index {index}, left invalid by the failed CREATE INDEX CONCURRENTLY"
            ),
        );
    }
    Ok(())
}

/// The migration part running now: its label, and whether it runs in one transaction.
static RUNNING: std::sync::Mutex<Option<(String, bool)>> = std::sync::Mutex::new(None);

fn set_running(running: Option<(String, bool)>) {
    *RUNNING.lock().unwrap_or_else(|e| e.into_inner()) = running;
}

/// What a signal that stopped a migration left behind, if one was running.
pub fn stopped_note() -> Option<String> {
    let (label, transaction) = RUNNING.lock().unwrap_or_else(|e| e.into_inner()).clone()?;
    Some(match (transaction, script::completed_now()) {
        (true, _) => format!(
            "migration {label} was rolled back and is not recorded as applied; migrate runs it again"
        ),
        (false, 0) => format!(
            "migration {label} (transaction:false) had completed none of its statements: nothing of it was applied, and it is not recorded"
        ),
        (false, done) => format!(
            "migration {label} runs without a transaction (transaction:false): {done} of its statements completed and stay applied, but it is not recorded as applied; finish or undo them by hand before migrating again"
        ),
    })
}

/// Poll who blocks session `pid` while it runs, into `blockers`; without a watcher, nothing.
async fn watch(watcher: Option<&Session>, pid: i32, blockers: &RefCell<Vec<String>>) {
    let Some(watcher) = watcher else {
        return std::future::pending().await;
    };
    loop {
        if let Ok(rows) = watcher
            .client
            .query(
                "SELECT pid, coalesce(nullif(application_name, ''), '?'), coalesce(state, '?'),
                        coalesce(to_char(query_start, 'HH24:MI:SS'), '?'), left(coalesce(query, ''), 60)
                 FROM pg_stat_activity WHERE pid = ANY(pg_blocking_pids($1)) ORDER BY pid",
                &[&pid],
            )
            .await
            && !rows.is_empty() {
                *blockers.borrow_mut() = rows
                    .iter()
                    .map(|row| {
                        format!(
                            "pid {} (application {}, {}, query started {}: {})",
                            row.get::<_, i32>(0),
                            row.get::<_, String>(1),
                            row.get::<_, String>(2),
                            row.get::<_, String>(3),
                            row.get::<_, String>(4).split_whitespace().collect::<Vec<_>>().join(" ")
                        )
                    })
                    .collect();
            }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// Apply every pending migration in `migrations` on `session`, in order; for `setup`, on a
/// database it has to itself, `enclosed` in a transaction `setup` opened. Returns how many it
/// applied.
pub async fn apply_pending(
    session: &Session,
    migrations: &[Migration],
    places: &Places,
    enclosed: bool,
) -> Result<usize> {
    if migrations.is_empty() {
        return Ok(0);
    }
    history::ensure(&session.client).await?;
    let applied = history::applied(&session.client).await?;
    let entries = plan(migrations.to_vec(), applied);
    let mut count = 0;
    for entry in entries.iter().filter(|e| e.state == State::Pending) {
        if let Some(migration) = &entry.migration {
            let options = Options {
                places,
                policy: LockPolicy::default(),
                watcher: None,
                enclosed,
            };
            apply(session, migration, &options).await.map_err(|err| {
                err.context(format!("{count} migration(s) before it stay applied"))
            })?;
            count += 1;
        }
    }
    Ok(count)
}

/// Run the up parts of `migrations` on `session`, inside the transaction the caller opened and
/// will roll back, recording nothing: the database as they would leave it, for a check to look
/// at. Parts that cannot run in a transaction are left out; their labels are returned.
pub async fn rehearse(
    session: &Session,
    migrations: &[&Migration],
    places: &Places,
) -> Result<Vec<String>> {
    let mut left_out = Vec::new();
    for migration in migrations {
        if !migration.up.transaction {
            left_out.push(migration.label());
            continue;
        }
        script::run_lines(
            session,
            &migration.path,
            Some(migration.up.lines.clone()),
            RunOptions::migration(true, places).enclosed(),
            &[],
            None,
        )
        .await
        .with_context(|| format!("migration {} failed when rehearsed", migration.label()))?;
    }
    Ok(left_out)
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
