//! Rebuilding a database without ever leaving the user without one (one run per target at a
//! time through `db::run_lock`): reset in place in one transaction (`in_place`), or a side
//! database built and swapped in (`build`, `side`), with a template cache that skips replaying
//! unchanged files (`cache`). `setup` composes them.

pub mod build;
pub mod cache;
pub mod files;
pub mod in_place;
pub mod side;
pub mod snapshot;
pub mod way;

use std::future::Future;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use tokio_postgres::error::SqlState;

/// Run `attempt` again while the server says the database is in use: a session we just
/// closed can take a moment to end on the server.
pub async fn retry_while_in_use<F, Fut>(mut attempt: F) -> Result<(), tokio_postgres::Error>
where
    F: FnMut() -> Fut,
    Fut: Future<Output = Result<(), tokio_postgres::Error>>,
{
    let deadline = Instant::now() + Duration::from_secs(5);
    loop {
        match attempt().await {
            Err(err)
                if err.code() == Some(&SqlState::OBJECT_IN_USE) && Instant::now() < deadline =>
            {
                tokio::time::sleep(Duration::from_millis(50)).await;
            }
            other => return other,
        }
    }
}

/// The step a rebuild is at, for the message when a signal stops it.
static STEP: Mutex<Option<Step>> = Mutex::new(None);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// Before the old database is touched: stopping leaves it unchanged.
    Building(&'static str),
    /// A snapshot restore before its swap: stopping leaves the database unchanged.
    Restoring,
    /// Between dropping the old database and renaming the new one.
    Swapping,
    /// Inside a reset in place's one transaction: stopping rolls it back.
    Resetting(&'static str),
    /// The reset in place's COMMIT was sent: it took effect completely or not at all.
    Committing,
}

/// The command rebuilding (`setup`, `copy`), for the same message.
static COMMAND: Mutex<&str> = Mutex::new("setup");

pub fn set_step(step: Option<Step>) {
    *STEP.lock().unwrap_or_else(|e| e.into_inner()) = step;
}

/// Say that `command` is the one rebuilding (`setup` unless told).
pub fn set_command(command: &'static str) {
    *COMMAND.lock().unwrap_or_else(|e| e.into_inner()) = command;
}

/// What to tell the user when a rebuild was stopped, if one was running.
pub fn stopped_note() -> Option<String> {
    let step = *STEP.lock().unwrap_or_else(|e| e.into_inner());
    let command = *COMMAND.lock().unwrap_or_else(|e| e.into_inner());
    Some(match step? {
        Step::Building(step) => format!(
            "{command} stopped at step {step}; your database is unchanged (the next setup or copy removes the half-built copy)"
        ),
        Step::Restoring => "snapshot restore stopped before its swap; your database is unchanged (the next setup or restore removes the half-built copy)".to_string(),
        Step::Swapping => {
            "stopped while swapping in the new database: run the command again".to_string()
        }
        Step::Resetting(step) => format!(
            "setup stopped at step {step}; your database is unchanged (its reset in place runs in one transaction, which was rolled back)"
        ),
        Step::Committing => "stopped while the reset in place was committing: it applied completely or not at all; run setup again to be sure".to_string(),
    })
}
