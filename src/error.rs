//! Failures that need their own exit code or hint, and the one function that maps any error to both.

use std::fmt;

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
    /// Interrupted by Ctrl-C (128 + SIGINT, as shells report it).
    Interrupted = 130,
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
}

impl Fail {
    pub fn new(exit: Exit, message: impl Into<String>) -> Self {
        Fail {
            exit,
            message: message.into(),
            hint: None,
        }
    }

    pub fn hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }
}

impl fmt::Display for Fail {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Fail {}

/// The exit code and hint for any error the program returns.
pub fn classify(err: &anyhow::Error) -> (Exit, Option<&str>) {
    match err.downcast_ref::<Fail>() {
        Some(fail) => (fail.exit, fail.hint.as_deref()),
        None => (Exit::Failure, None),
    }
}
