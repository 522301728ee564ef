//! `create` and `drop`, including the sessions that block a drop.

use predicates::prelude::*;

use crate::harness::{Cluster, Project, TestDb};

#[test]
fn create_makes_the_database() {
    let db = TestDb::new();
    db.cruddur(&Project::new())
        .arg("create")
        .assert()
        .success()
        .stderr(predicate::str::contains(format!(
            "== create created database \"{}\"",
            db.name
        )));
    assert!(db.cluster.database_exists(&db.name));
}

#[test]
fn create_of_an_existing_database_fails_with_a_hint() {
    let db = TestDb::new();
    db.create();
    db.cruddur(&Project::new())
        .arg("create")
        .assert()
        .code(1)
        .stderr(predicate::str::contains("could not create database"))
        .stderr(predicate::str::contains("already exists"))
        .stderr(predicate::str::contains(
            "hint: it already exists: pass --if-not-exists",
        ));
}

#[test]
fn create_if_not_exists_accepts_an_existing_database() {
    let db = TestDb::new();
    db.create();
    db.query("CREATE TABLE survivor (id int)");
    db.cruddur(&Project::new())
        .args(["create", "--if-not-exists"])
        .assert()
        .success()
        .stderr(predicate::str::contains("already exists"));
    assert_eq!(db.query("SELECT count(*) FROM survivor"), "0");
}

#[test]
fn drop_removes_the_database() {
    let db = TestDb::new();
    db.create();
    db.cruddur(&Project::new()).arg("drop").assert().success();
    assert!(!db.cluster.database_exists(&db.name));
}

#[test]
fn drop_of_a_missing_database_fails_unless_if_exists() {
    let db = TestDb::new();
    let project = Project::new();
    db.cruddur(&project)
        .arg("drop")
        .assert()
        .code(1)
        .stderr(predicate::str::contains("does not exist"))
        .stderr(predicate::str::contains("--if-exists"));
    db.cruddur(&project)
        .args(["drop", "--if-exists"])
        .assert()
        .success()
        .stderr(predicate::str::contains("nothing to drop"));
}

#[test]
fn drop_blocked_by_a_session_lists_it_and_suggests_force() {
    let db = TestDb::new();
    db.create();
    let _held = db.cluster.hold_session(&db.name, "held-by-ide");
    db.cruddur(&Project::new())
        .arg("drop")
        .assert()
        .code(1)
        .stderr(predicate::str::contains("1 other session(s) are connected"))
        .stderr(predicate::str::contains("app held-by-ide"))
        .stderr(predicate::str::contains("--force"));
    assert!(db.cluster.database_exists(&db.name));
}

#[test]
fn drop_force_ends_the_sessions_and_drops() {
    let db = TestDb::new();
    db.create();
    let _held = db.cluster.hold_session(&db.name, "held-by-app");
    db.cruddur(&Project::new())
        .args(["drop", "--force"])
        .assert()
        .success()
        .stderr(predicate::str::contains("ending session pid"))
        .stderr(predicate::str::contains("held-by-app"));
    assert!(!db.cluster.database_exists(&db.name));
}

#[test]
fn admin_commands_honour_the_maintenance_database() {
    let db = TestDb::new();
    let project = Project::new();
    db.cruddur(&project)
        .args(["create", "--maintenance-db", "template1", "-v"])
        .assert()
        .success()
        .stderr(predicate::str::contains("127.0.0.1").and(predicate::str::contains("/template1")));
    db.cruddur(&project)
        .args(["drop", "--maintenance-db", "no_such_db"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("\"no_such_db\" does not exist"));
    assert!(db.cluster.database_exists(&db.name));
}

#[test]
fn without_a_postgres_database_admin_commands_fall_back_to_template1() {
    // Some hosts delete `postgres`; template1 always exists because CREATE DATABASE copies it.
    let cluster = Cluster::start();
    cluster.psql("template1", "DROP DATABASE postgres");
    let url = cluster.url("made_via_template1");
    Project::new()
        .cruddur()
        .args(["--url", &url, "create", "-v"])
        .assert()
        .success()
        .stderr(predicate::str::contains(
            "database `postgres` does not exist; using template1",
        ));
    assert_eq!(
        cluster.psql(
            "template1",
            "SELECT count(*) FROM pg_database WHERE datname = 'made_via_template1'"
        ),
        "1"
    );
}

#[test]
fn a_database_name_over_63_bytes_is_refused_before_anything_is_created() {
    // 64 bytes: PostgreSQL would cut the 64th and create a database no command could name.
    let db = TestDb::named(&format!("cruddur_long_{}", "x".repeat(51)));
    assert_eq!(db.name.len(), 64);
    for command in ["create", "setup", "drop", "seed", "kill"] {
        db.cruddur(&Project::new())
            .arg(command)
            .assert()
            .code(2)
            .stderr(predicate::str::contains(
                "is 64 bytes long; PostgreSQL names are at most 63",
            ));
    }
    assert!(!db.cluster.database_exists(&db.name[..63]));
}
