//! A bug that panics still never prints a password, and exits 101.

use predicates::prelude::*;

use crate::harness::{PASSWORD, Project, encode};

/// The debug binary panics on request (`CRUDDUR_DB_DEBUG_PANIC`) with the connection URL in
/// its message, as a careless `expect(&format!("{url}"))` would; the hook `main` installs
/// must report it as a bug, redacted.
#[test]
fn a_panic_reports_a_bug_without_the_password_and_exits_101() {
    let url = format!(
        "postgresql://postgres:{}@db.example/cruddur",
        encode(PASSWORD)
    );
    Project::new()
        .cruddur()
        .env("CRUDDUR_DB_DEBUG_PANIC", "1")
        .env("CONNECTION_URL", &url)
        .arg("sessions")
        .assert()
        .code(101)
        .stderr(predicate::str::contains(
            "cruddur-db crashed, which is a bug",
        ))
        .stderr(predicate::str::contains(
            "postgresql://postgres:***@db.example/cruddur",
        ))
        .stderr(predicate::str::contains(PASSWORD).not())
        .stderr(predicate::str::contains(encode(PASSWORD)).not());
}
