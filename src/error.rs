//! Failures that need their own exit code or hint: the exit codes, and the error that carries one.

use std::fmt;

use tokio_postgres::error::SqlState;

/// Process exit codes. Documented in docs/exit-codes.md; scripts and CI depend on them, so never renumber.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    /// Anything without a more specific code (a missing file, a database that already exists).
    Failure = 1,
    /// The command line or a connection URL is malformed (clap also exits 2).
    Usage = 2,
    /// The server could not be reached: refused, timed out, DNS, starting up.
    Unreachable = 3,
    /// The server was reached but refused the credentials or the TLS handshake.
    Auth = 4,
    /// A statement in a SQL file failed; nothing of the file was applied.
    Sql = 5,
    /// Refused on purpose: not confirmed, or a protected database.
    Refused = 6,
    /// Another run held the target's lock longer than `--lock-timeout`.
    Busy = 7,
    /// A pending migration breaks a safety rule (`migrate lint`) and carries no annotation.
    Unsafe = 8,
    /// AWS refused or failed a request (permissions, a missing instance, no credentials).
    Aws = 9,
    /// Hung up: the terminal closed (128 + SIGHUP).
    HungUp = 129,
    /// Interrupted by Ctrl-C (128 + SIGINT, as shells report it).
    Interrupted = 130,
    /// Terminated by SIGTERM (128 + SIGTERM): `timeout`, `docker stop`, a cancelled CI job.
    Terminated = 143,
}

/// An error that knows its exit code and what the user should do next.
///
/// Attach it with `.context(Fail::new(..))` or return it with `Err(Fail::new(..).into())`;
/// `failure::classify` finds it anywhere in an `anyhow` chain.
#[derive(Debug)]
pub struct Fail {
    pub exit: Exit,
    pub message: String,
    pub hint: Option<String>,
    /// The server's SQLSTATE, when a statement failed: callers that retry look at it.
    pub sqlstate: Option<SqlState>,
}

impl Fail {
    pub fn new(exit: Exit, message: impl Into<String>) -> Self {
        Fail {
            exit,
            message: message.into(),
            hint: None,
            sqlstate: None,
        }
    }

    pub fn hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    /// The SQLSTATE of the failed statement behind this failure.
    pub fn sqlstate(mut self, code: &SqlState) -> Self {
        self.sqlstate = Some(code.clone());
        self
    }

    /// The SQLSTATE of a failed statement anywhere in `err`'s chain.
    pub fn sqlstate_in(err: &anyhow::Error) -> Option<&SqlState> {
        err.chain()
            .find_map(|cause| cause.downcast_ref::<Fail>())
            .and_then(|fail| fail.sqlstate.as_ref())
    }
}

impl fmt::Display for Fail {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Fail {}

/// stdout's reader went away (`cruddur-db sessions --json | head -1`): it wanted no more, so
/// the command ends quietly and successfully, as `head` expects of a writer.
#[derive(Debug)]
pub struct StdoutClosed;

impl fmt::Display for StdoutClosed {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("stdout was closed")
    }
}

impl std::error::Error for StdoutClosed {}
