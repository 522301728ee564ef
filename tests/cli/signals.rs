//! Ctrl-C, SIGTERM and SIGHUP cancel the running statement and roll back, each with its own
//! exit code; a closed stdout ends a run quietly and successfully.

use std::os::fd::{FromRawFd, OwnedFd};
use std::process::Stdio;
use std::time::{Duration, Instant};

use crate::harness::{Project, TestDb, literal, output_text};

/// Load a file that sleeps on the server, send `signal` once the sleep runs, and return the
/// output with how long the process took to exit after the signal.
fn stop_during_a_statement(signal: i32) -> (std::process::Output, Duration, TestDb) {
    let db = TestDb::new();
    db.create();
    let project = Project::new();
    project.write(
        "slow.sql",
        "CREATE TABLE before_sleep (n int);\nSELECT pg_sleep(60);\n",
    );
    let child = project
        .cruddur_process()
        .args(["schema-load", "slow.sql"])
        .env("CONNECTION_URL", db.url())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    db.wait_until_running("pg_sleep(60)");
    let sleeping = format!(
        "SELECT count(*) FROM pg_stat_activity WHERE query LIKE '%pg_sleep(60)%' AND datname = {} AND pid <> pg_backend_pid()",
        literal(&db.name)
    );
    let sent = Instant::now();
    // SAFETY: signalling our own child process.
    unsafe { libc::kill(child.id() as i32, signal) };
    let output = child.wait_with_output().unwrap();
    let took = sent.elapsed();
    // The cancel reaches the server at once; the rollback follows as the connection closes.
    let deadline = Instant::now() + Duration::from_secs(5);
    while db.query(&sleeping) != "0" {
        assert!(Instant::now() < deadline, "the statement kept running");
        std::thread::sleep(Duration::from_millis(50));
    }
    assert!(
        !db.has_table("before_sleep"),
        "the transaction was not rolled back"
    );
    (output, took, db)
}

/// `signal` during a statement: cancelled within a second, rolled back, exit `code`, and the
/// handled path's own words (a process the signal simply killed would print nothing).
fn assert_stops_cleanly(signal: i32, code: i32, says: &str) {
    let (output, took, _db) = stop_during_a_statement(signal);
    assert!(took < Duration::from_secs(1), "took {took:?}");
    assert_eq!(output.status.code(), Some(code));
    let (_, stderr) = output_text(&output);
    assert!(stderr.contains(says), "{stderr}");
    assert!(
        stderr.contains("the running statement was cancelled"),
        "{stderr}"
    );
}

#[test]
fn ctrl_c_cancels_the_running_statement_rolls_back_and_exits_130() {
    assert_stops_cleanly(libc::SIGINT, 130, "error: interrupted");
}

#[test]
fn sigterm_cancels_the_running_statement_rolls_back_and_exits_143() {
    assert_stops_cleanly(libc::SIGTERM, 143, "error: terminated (SIGTERM)");
}

#[test]
fn sighup_cancels_the_running_statement_rolls_back_and_exits_129() {
    assert_stops_cleanly(libc::SIGHUP, 129, "error: hung up (SIGHUP");
}

/// A stdout whose reader has already gone: every write fails with EPIPE, as under `| head`
/// once head has what it wants.
fn closed_stdout() -> Stdio {
    let mut fds = [0; 2];
    // SAFETY: pipe fills two fresh descriptors, each then owned exactly once.
    unsafe {
        assert_eq!(libc::pipe(fds.as_mut_ptr()), 0);
        drop(OwnedFd::from_raw_fd(fds[0]));
        Stdio::from(OwnedFd::from_raw_fd(fds[1]))
    }
}

#[test]
fn a_closed_stdout_ends_quietly_with_success() {
    let db = TestDb::new();
    db.create();
    let _held = db.cluster.hold_session(&db.name, "pipe-app");
    let project = Project::new();
    let runs: [&[&str]; 3] = [
        &["completions", "bash"],
        &["sessions", "--json"],
        &["sessions"],
    ];
    for args in runs {
        let output = project
            .cruddur_process()
            .args(args)
            .args(["--quiet"])
            .env("CONNECTION_URL", db.url())
            .stdout(closed_stdout())
            .output()
            .unwrap();
        let (_, stderr) = output_text(&output);
        assert_eq!(output.status.code(), Some(0), "{args:?}: {stderr}");
        assert_eq!(stderr, "", "{args:?}");
    }
}
