//! The signals that end a run early (Ctrl-C, `kill`/`timeout`/`docker stop`, a closed
//! terminal), each with the exit code shells report for it.

use anyhow::{Context, Result};
use tokio::signal::unix::{SignalKind, signal};

use crate::error::Exit;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stop {
    /// SIGINT: Ctrl-C.
    Interrupt,
    /// SIGTERM: `kill`, `timeout`, `docker stop`, a cancelled CI job.
    Terminate,
    /// SIGHUP: the terminal was closed.
    HangUp,
}

impl Stop {
    pub fn exit(self) -> Exit {
        match self {
            Stop::Interrupt => Exit::Interrupted,
            Stop::Terminate => Exit::Terminated,
            Stop::HangUp => Exit::HungUp,
        }
    }

    pub fn describe(self) -> &'static str {
        match self {
            Stop::Interrupt => "interrupted",
            Stop::Terminate => "terminated (SIGTERM)",
            Stop::HangUp => "hung up (SIGHUP: the terminal closed)",
        }
    }
}

/// Listen for the stopping signals from now on. Listening replaces the default action (dying
/// at once), so a statement running on the server can be cancelled first.
pub fn listen() -> Result<impl Future<Output = Stop>> {
    let mut interrupt = signal(SignalKind::interrupt()).context("could not listen for SIGINT")?;
    let mut terminate = signal(SignalKind::terminate()).context("could not listen for SIGTERM")?;
    let mut hang_up = signal(SignalKind::hangup()).context("could not listen for SIGHUP")?;
    Ok(async move {
        tokio::select! {
            _ = interrupt.recv() => Stop::Interrupt,
            _ = terminate.recv() => Stop::Terminate,
            _ = hang_up.recv() => Stop::HangUp,
        }
    })
}
