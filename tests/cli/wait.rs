//! `--wait`: retry the first connection while the server is not up yet, and nothing else.

use predicates::prelude::*;

use crate::harness::{Cluster, PASSWORD, Project, encode, free_port, shared};
use crate::running::Running;

#[test]
fn wait_retries_until_a_server_that_starts_late_answers() {
    let mut cluster = Cluster::init_stopped();
    let port = free_port();
    let url = format!(
        "postgresql://postgres:{}@127.0.0.1:{port}/postgres",
        encode(PASSWORD)
    );
    let project = Project::new();
    let mut waiting = project.cruddur_process();
    waiting.args(["--url", &url, "--wait", "60", "sessions"]);
    let mut waiting = Running::start(waiting);
    // It has found nothing there, and says it will try again: now the server starts.
    waiting.wait_for("== wait attempt 1:");
    cluster.start_server(Some(port));
    let (status, stderr) = waiting.finish();
    assert!(status.success(), "{stderr}");
    assert!(stderr.contains("retrying"), "{stderr}");
}

#[test]
fn wait_gives_up_when_the_time_runs_out() {
    let url = format!("postgresql://postgres@127.0.0.1:{}/postgres", free_port());
    Project::new()
        .cruddur()
        .args(["--url", &url, "--wait", "1", "sessions"])
        .assert()
        .code(3)
        .stderr(predicate::str::contains("== wait attempt 2:"));
}

#[test]
fn wait_never_retries_an_authentication_failure() {
    let url = format!(
        "postgresql://postgres:wrong@127.0.0.1:{}/postgres",
        shared().port
    );
    Project::new()
        .cruddur()
        .args(["--url", &url, "--wait", "60", "sessions"])
        .assert()
        .code(4)
        .stderr(predicate::str::contains("== wait").not());
}
