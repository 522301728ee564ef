//! `sessions`: who is connected, as a table or JSON.

use predicates::prelude::*;

use crate::harness::{Project, TestDb, output_text};

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
    let _held = db.cluster.hold_session(&db.name, "json-app");
    let output = db
        .cruddur(&Project::new())
        .args(["sessions", "--json"])
        .assert()
        .success()
        .get_output()
        .clone();
    let (stdout, _) = output_text(&output);
    let sessions: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    let session = &sessions.as_array().unwrap()[0];
    assert_eq!(session["application"], "json-app");
    assert_eq!(session["database"], db.name.as_str());
    assert_eq!(session["user"], "postgres");
    assert_eq!(session["client_addr"], "127.0.0.1/32");
    assert_eq!(session["state"], "idle");
    assert!(session["pid"].as_i64().unwrap() > 0);
    assert!(session["state_seconds"].as_f64().unwrap() >= 0.0);
    assert!(session.get("query").is_some());
}
