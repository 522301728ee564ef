//! `sessions`: who is connected, as a table or JSON.

use predicates::prelude::*;

use crate::harness::{Project, TestDb, output_text};
use crate::running::Running;

#[test]
fn sessions_lists_the_target_databases_connections_as_a_table() {
    let db = TestDb::new();
    db.create();
    let other = TestDb::new();
    other.create();
    let _mine = db.cluster.hold_session(&db.name, "mine-app");
    let _theirs = db.cluster.hold_session(&other.name, "their-app");
    db.cruddur(&Project::new())
        .arg("sessions")
        .assert()
        .success()
        .stdout(predicate::str::starts_with("PID"))
        .stdout(predicate::str::contains("mine-app"))
        .stdout(predicate::str::contains("their-app").not())
        .stderr(predicate::str::contains("1 session(s) on database"));
}

#[test]
fn sessions_all_includes_other_databases() {
    let db = TestDb::new();
    db.create();
    let other = TestDb::new();
    other.create();
    let _theirs = db.cluster.hold_session(&other.name, "elsewhere-app");
    db.cruddur(&Project::new())
        .args(["sessions", "--all"])
        .assert()
        .success()
        .stdout(predicate::str::contains("elsewhere-app"));
}

#[test]
fn sessions_json_is_machine_readable() {
    let db = TestDb::new();
    db.create();
    let mut held = db.cluster.hold_session(&db.name, "json-app");
    held.run("SELECT 42;");
    let _socket = db.cluster.hold_session_over_socket(&db.name, "socket-app");
    db.cluster.wait_until_idle_for("json-app", 1.0);
    let output = db
        .cruddur(&Project::new())
        .args(["sessions", "--json"])
        .assert()
        .success()
        .get_output()
        .clone();
    let (stdout, _) = output_text(&output);
    let sessions: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    let sessions = sessions.as_array().unwrap();
    let by_app = |app: &str| {
        sessions
            .iter()
            .find(|s| s["application"] == app)
            .unwrap_or_else(|| panic!("no {app} session in {stdout}"))
    };
    let session = by_app("json-app");
    assert_eq!(session["pid"], db.cluster.pid_of("json-app"));
    assert_eq!(session["database"], db.name.as_str());
    assert_eq!(session["user"], "postgres");
    // As psql users read addresses: no `/32` netmask.
    assert_eq!(session["client_addr"], "127.0.0.1");
    assert_eq!(session["state"], "idle");
    assert_eq!(session["query"], "SELECT 42;");
    assert!(session["transaction_seconds"].is_null());
    // Held for over a second before listing, and far less than a minute.
    for field in ["state_seconds", "connected_seconds"] {
        let seconds = session[field].as_f64().unwrap();
        assert!((1.0..60.0).contains(&seconds), "{field} = {seconds}");
    }
    assert_eq!(by_app("socket-app")["client_addr"], "local");
}

fn sessions_json(db: &TestDb, args: &[&str]) -> Vec<serde_json::Value> {
    let output = db
        .cruddur(&Project::new())
        .arg("sessions")
        .arg("--json")
        .args(args)
        .assert()
        .success()
        .get_output()
        .clone();
    let (stdout, _) = output_text(&output);
    serde_json::from_str::<serde_json::Value>(&stdout)
        .unwrap()
        .as_array()
        .unwrap()
        .clone()
}

#[test]
fn sessions_show_who_blocks_whom_and_for_how_long() {
    let db = TestDb::new();
    db.create();
    db.query("CREATE TABLE t (n int)");
    let mut holder = db.cluster.hold_session(&db.name, "lock-holder");
    holder.run("BEGIN; LOCK TABLE t IN ACCESS EXCLUSIVE MODE;");
    let mut waiter = db.cluster.hold_session(&db.name, "lock-waiter");
    waiter.run("SELECT count(*) FROM t;");
    let holder_pid = db.cluster.pid_of("lock-holder");
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    let sessions = loop {
        let sessions = sessions_json(&db, &[]);
        let waiting = sessions
            .iter()
            .any(|s| s["application"] == "lock-waiter" && s["wait_event_type"] == "Lock");
        if waiting {
            break sessions;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "the waiter never blocked"
        );
        std::thread::sleep(std::time::Duration::from_millis(100));
    };
    let by_app = |app: &str| sessions.iter().find(|s| s["application"] == app).unwrap();
    let waiter = by_app("lock-waiter");
    assert_eq!(waiter["blocked_by"], serde_json::json!([holder_pid]));
    assert_eq!(waiter["state"], "active");
    let holder = by_app("lock-holder");
    assert_eq!(holder["state"], "idle in transaction");
    assert!(holder["transaction_seconds"].as_f64().unwrap() >= 0.0);
    assert!(holder["connected_seconds"].as_f64().unwrap() >= 0.0);
    // The longest-running transaction comes first.
    assert_eq!(sessions[0]["application"], "lock-holder");

    let idle_in_tx = sessions_json(&db, &["--state", "idle in transaction"]);
    assert_eq!(idle_in_tx.len(), 1);
    assert_eq!(idle_in_tx[0]["application"], "lock-holder");
    assert!(sessions_json(&db, &["--app", "lock-waiter"]).len() == 1);
    assert!(sessions_json(&db, &["--user", "nobody_here"]).is_empty());
}

#[test]
fn the_table_fits_an_80_column_terminal() {
    let db = TestDb::new();
    db.create();
    let mut held = db
        .cluster
        .hold_session(&db.name, "a-rather-long-application-name");
    held.run(&format!("SELECT '{}';", "long query text ".repeat(20)));
    let binary = assert_cmd::cargo::cargo_bin("cruddur-db");
    let project = Project::new();
    let output = project.in_terminal(
        &format!("stty cols 80; {} sessions --color never", binary.display()),
        &db.url(),
    );
    let screen = String::from_utf8_lossy(&output.stdout);
    assert!(screen.contains("long query"), "{screen}");
    for line in screen.lines() {
        let line = line.trim_end_matches('\r');
        // Bold headers carry escape codes even with colour off in some terminals; count text.
        let visible: String = line
            .split('\x1b')
            .map(|part| part.split_once('m').map_or(part, |(_, rest)| rest))
            .collect();
        assert!(
            visible.chars().count() <= 80,
            "{} columns: {line}",
            visible.chars().count()
        );
    }
}

#[test]
fn watch_redraws_until_ctrl_c_and_then_exits_cleanly() {
    let db = TestDb::new();
    db.create();
    let project = Project::new();
    let mut watch = project.cruddur_process();
    watch
        .args(["sessions", "--watch", "1"])
        .env("CONNECTION_URL", db.url())
        .stdout(std::process::Stdio::null());
    let mut watch = Running::start(watch);
    // Drawn, then redrawn: then Ctrl-C.
    watch.wait_for("== sessions");
    watch.wait_for("== sessions");
    watch.signal(libc::SIGINT);
    let (status, stderr) = watch.finish();
    assert_eq!(status.code(), Some(0), "{stderr}");
    assert!(stderr.matches("== sessions").count() >= 2, "{stderr}");
}

#[test]
fn another_sessions_password_literal_is_hidden() {
    let db = TestDb::new();
    db.create();
    let mut session = db.cluster.hold_session(&db.name, "sessions-secret");
    session.run("SELECT pg_sleep(60) /* ALTER ROLE app PASSWORD 'hunter2-in-flight' */;");
    db.wait_until_running("hunter2-in-flight");
    for args in [&["sessions", "--json"][..], &["sessions"][..]] {
        let output = db
            .cruddur(&Project::new())
            .args(args)
            .assert()
            .success()
            .get_output()
            .clone();
        let (stdout, _) = output_text(&output);
        assert!(!stdout.contains("hunter2"), "{args:?}: {stdout}");
        assert!(stdout.contains("PASSWORD '***'"), "{args:?}: {stdout}");
    }
}
