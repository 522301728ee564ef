//! What a failure means to the user: the exit code it ends in and the hint printed under it,
//! from the `Fail` a code path attached or, failing that, the server's own error
//! (`db::verdict`), and a generic hint when neither has advice.

use crate::db::verdict;
use crate::error::Exit;

/// For failures no code path has advice for yet: every error ends in a hint.
const GENERIC_HINT: &str = "run it again with --verbose to see each step; if the cause stays unclear, please report it with the command you ran";

/// The exit code and hint for any error the program returns.
pub fn classify(err: &anyhow::Error) -> (Exit, &str) {
    let (exit, hint) = verdict(err);
    (exit, hint.unwrap_or(GENERIC_HINT))
}

/// The advice a code path or the server's error gave, if any.
pub fn specific_hint(err: &anyhow::Error) -> Option<&str> {
    verdict(err).1
}
