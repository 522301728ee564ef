//! Failures that need their own exit code or hint, and the one function that maps any error to both.

use std::fmt;

use tokio_postgres::error::SqlState;

use crate::db::PgError;

/// Process exit codes. Documented in README.md; scripts and CI depend on them, so never renumber.
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
/// [`classify`] finds it anywhere in an `anyhow` chain.
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

/// For failures no code path has advice for yet: every error ends in a hint.
const GENERIC_HINT: &str = "run it again with --verbose to see each step; if the cause stays unclear, please report it with the command you ran";

/// The exit code and hint for any error the program returns. A `Fail` in the chain decides
/// both; a server error without one still gets the hint its SQLSTATE calls for.
pub fn classify(err: &anyhow::Error) -> (Exit, &str) {
    let exit = err
        .downcast_ref::<Fail>()
        .map_or_else(|| server_exit(err), |fail| fail.exit);
    (exit, specific_hint(err).unwrap_or(GENERIC_HINT))
}

/// The advice a code path or the server's error gave, if any.
pub fn specific_hint(err: &anyhow::Error) -> Option<&str> {
    err.downcast_ref::<Fail>()
        .and_then(|fail| fail.hint.as_deref())
        .or_else(|| server_hint(err))
}

/// The exit code a server error calls for when no code path chose one: a connection lost
/// (closed, ended by an administrator, a crash) is exit 3, as when it could not be opened.
fn server_exit(err: &anyhow::Error) -> Exit {
    let Some(pg) = err
        .chain()
        .find_map(|cause| cause.downcast_ref::<PgError>())
    else {
        return Exit::Failure;
    };
    let lost = pg.0.is_closed()
        || pg.code().is_some_and(|code| {
            [
                SqlState::ADMIN_SHUTDOWN,
                SqlState::CRASH_SHUTDOWN,
                SqlState::CANNOT_CONNECT_NOW,
            ]
            .contains(code)
        });
    if lost {
        Exit::Unreachable
    } else {
        Exit::Failure
    }
}

/// Advice for a server or connection error anywhere in the chain, by what went wrong.
fn server_hint(err: &anyhow::Error) -> Option<&'static str> {
    let pg = err
        .chain()
        .find_map(|cause| cause.downcast_ref::<PgError>())?;
    if pg.0.is_closed() {
        return Some(
            "the server closed the connection: it may have restarted, crashed or ended this session; check the server's log, then run the command again",
        );
    }
    let code = pg.code()?;
    Some(if *code == SqlState::ADMIN_SHUTDOWN {
        "an administrator (or `cruddur-db kill`) ended this session, or the server is shutting down; run the command again"
    } else if *code == SqlState::CRASH_SHUTDOWN {
        "the server restarted after another process crashed; run the command again once it is back"
    } else if *code == SqlState::NAME_TOO_LONG {
        "PostgreSQL names are at most 63 bytes: choose a shorter name"
    } else if *code == SqlState::INSUFFICIENT_PRIVILEGE {
        "connect as a user with that privilege: the database's owner, or a superuser (on RDS, the master user)"
    } else if *code == SqlState::QUERY_CANCELED {
        "the statement was cancelled (by a timeout or another session); run the command again"
    } else {
        return None;
    })
}
