//! What a failure means to the user: the exit code it ends in and the hint printed under it,
//! from the `Fail` a code path attached or, failing that, the server's own error.

use crate::db::{server_exit, server_hint};
use crate::error::{Exit, Fail};

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
