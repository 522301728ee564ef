//! A bug that panics still never prints a password.

use std::process::Command;

use crate::harness::{PASSWORD, encode};

/// Re-runs this very test in a child process that installs the real hook and panics with the
/// connection URL in its message, as a careless `expect(&format!("{url}"))` would.
#[test]
fn a_panic_reports_a_bug_without_the_password() {
    if let Ok(url) = std::env::var("CRUDDUR_TEST_PANIC_WITH") {
        cruddur_db::crash::install_hook();
        panic!("simulated bug while connecting to {url}");
    }
    let url = format!(
        "postgresql://postgres:{}@db.example/cruddur",
        encode(PASSWORD)
    );
    let output = Command::new(std::env::current_exe().unwrap())
        .args([
            "--exact",
            "crash::a_panic_reports_a_bug_without_the_password",
            "--nocapture",
        ])
        .env("CRUDDUR_TEST_PANIC_WITH", &url)
        .env("CONNECTION_URL", &url)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!output.status.success());
    assert!(
        stderr.contains("cruddur-db crashed, which is a bug"),
        "{stderr}"
    );
    assert!(
        stderr.contains("postgresql://postgres:***@db.example/cruddur"),
        "{stderr}"
    );
    assert!(!stderr.contains(PASSWORD), "{stderr}");
    assert!(!stderr.contains(&encode(PASSWORD)), "{stderr}");
}
