//! `snapshot`: save the development database, change it, restore it, as often as wanted;
//! never production, never another database's snapshot by accident, never anyone's session
//! without `--force`.

use predicates::prelude::*;

use crate::harness::{Project, TestDb, output_text};
use crate::running::Running;

fn seeded() -> (TestDb, Project) {
    let db = TestDb::new();
    let project = Project::new();
    db.cruddur(&project).arg("setup").assert().success();
    (db, project)
}

fn users(db: &TestDb) -> String {
    db.query("SELECT count(*) FROM users")
}

#[test]
fn save_change_restore_and_restore_again() {
    let (db, project) = seeded();
    db.cruddur(&project)
        .args(["snapshot", "save", "before"])
        .assert()
        .success()
        .stderr(predicate::str::contains("as snapshot \"before\""))
        .stderr(predicate::str::contains("MiB"));
    for _ in 0..2 {
        db.query("DELETE FROM activities; DELETE FROM users");
        assert_eq!(users(&db), "0");
        db.cruddur(&project)
            .args(["snapshot", "restore", "before"])
            .assert()
            .success()
            .stderr(predicate::str::contains("from snapshot \"before\""));
        assert_eq!(users(&db), "2");
    }
    // The copy carries no production mark and no stray comment of ours.
    assert_eq!(db.comment(), "");
}

#[test]
fn a_session_on_the_target_blocks_a_restore_unless_forced() {
    let (db, project) = seeded();
    db.cruddur(&project)
        .args(["snapshot", "save", "s1"])
        .assert()
        .success();
    db.query("DELETE FROM activities; DELETE FROM users");
    let _app = db.cluster.hold_session(&db.name, "flask-app");
    db.cruddur(&project)
        .args(["snapshot", "restore", "s1"])
        .assert()
        .failure()
        .stderr(predicate::str::contains(
            "refusing to restore: 1 other session(s)",
        ))
        .stderr(predicate::str::contains("app flask-app"))
        .stderr(predicate::str::contains("--force"));
    assert_eq!(users(&db), "0");
    db.cruddur(&project)
        .args(["snapshot", "restore", "s1", "--force"])
        .assert()
        .success();
    assert_eq!(users(&db), "2");
    assert!(!db.cluster.has_session("flask-app"));
}

#[test]
fn a_session_on_the_snapshot_itself_is_never_ended() {
    let (db, project) = seeded();
    db.cruddur(&project)
        .args(["snapshot", "save", "looked-at"])
        .assert()
        .success();
    let snapshot = db.kept_aside("snap").remove(0);
    let _looking = db.cluster.hold_session(&snapshot, "looking");
    db.query("DELETE FROM activities");
    db.cruddur(&project)
        .args(["snapshot", "restore", "looked-at", "--force"])
        .assert()
        .failure()
        .stderr(predicate::str::contains(
            "could not restore from the snapshot",
        ))
        .stderr(predicate::str::contains("is unchanged"));
    assert!(db.cluster.has_session("looking"));
    assert_eq!(db.query("SELECT count(*) FROM activities"), "0");
}

#[test]
fn list_json_and_delete() {
    let (db, project) = seeded();
    for name in ["one", "two"] {
        db.cruddur(&project)
            .args(["snapshot", "save", name])
            .assert()
            .success();
    }
    let output = db
        .cruddur(&project)
        .args(["snapshot", "list", "--json"])
        .assert()
        .success()
        .get_output()
        .clone();
    let list: serde_json::Value = serde_json::from_str(&output_text(&output).0).unwrap();
    let names: Vec<&str> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["name"].as_str().unwrap())
        .collect();
    assert_eq!(names.len(), 2);
    assert!(names.contains(&"one") && names.contains(&"two"));
    for snapshot in list.as_array().unwrap() {
        assert_eq!(snapshot["source"], db.name.as_str());
        assert!(snapshot["bytes"].as_i64().unwrap() > 1_000_000);
        assert!(snapshot["taken"].as_u64().unwrap() > 1_700_000_000);
    }
    db.cruddur(&project)
        .args(["snapshot", "delete", "one"])
        .assert()
        .success();
    db.cruddur(&project)
        .args(["snapshot", "list"])
        .assert()
        .success()
        .stdout(predicate::str::contains("two"))
        .stdout(predicate::str::contains("one").not());
    db.cruddur(&project)
        .args(["snapshot", "delete", "two"])
        .assert()
        .success();
}

#[test]
fn another_databases_snapshot_needs_from_db() {
    let (db, project) = seeded();
    let other = TestDb::new();
    other.cruddur(&project).arg("setup").assert().success();
    other
        .cruddur(&project)
        .args(["snapshot", "save", "theirs"])
        .assert()
        .success();
    db.query("DELETE FROM activities; DELETE FROM users");
    db.cruddur(&project)
        .args(["snapshot", "restore", "theirs"])
        .assert()
        .failure()
        .stderr(predicate::str::contains(format!(
            "snapshot \"theirs\" is of database \"{}\"",
            other.name
        )))
        .stderr(predicate::str::contains("--from-db"));
    assert_eq!(users(&db), "0");
    db.cruddur(&project)
        .args(["snapshot", "restore", "theirs", "--from-db", &other.name])
        .assert()
        .success();
    assert_eq!(users(&db), "2");
    other
        .cruddur(&project)
        .args(["snapshot", "delete", "theirs"])
        .assert()
        .success();
}

#[test]
fn production_is_refused() {
    let db = TestDb::production();
    let project = Project::new();
    for args in [vec!["snapshot", "save"], vec!["snapshot", "list"]] {
        db.cruddur(&project)
            .args(&args)
            .assert()
            .code(6)
            .stderr(predicate::str::contains("is production"))
            .stderr(predicate::str::contains("belong to RDS itself"));
        project
            .cruddur()
            .env("PROD_CONNECTION_URL", db.url())
            .arg("--prod")
            .args(&args)
            .assert()
            .code(6);
    }
    project
        .cruddur()
        .env(
            "CONNECTION_URL",
            "postgresql://root:pw@cruddur.abc123.us-east-1.rds.amazonaws.com:5432/cruddur",
        )
        .args(["snapshot", "save"])
        .assert()
        .code(6);
}

#[test]
fn names_are_checked_and_default_to_the_time() {
    let (db, project) = seeded();
    db.cruddur(&project)
        .args(["snapshot", "save", "no spaces please"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("is not a snapshot name"));
    let output = db
        .cruddur(&project)
        .args(["snapshot", "save"])
        .assert()
        .success()
        .get_output()
        .clone();
    let stderr = output_text(&output).1;
    assert!(
        predicate::str::is_match(r#"as snapshot "20\d{6}-\d{6}""#)
            .unwrap()
            .eval(&stderr),
        "{stderr}"
    );
}

#[test]
fn databases_whose_long_names_share_their_start_keep_their_snapshots_apart() {
    // 40 characters in common: more than a snapshot's database name keeps of its target.
    let stem = format!("{}_and_more_words_in_common_", TestDb::new().name);
    let (first, second) = (
        TestDb::named(&format!("{stem}first")),
        TestDb::named(&format!("{stem}second")),
    );
    // A name no other test uses: snapshots of every test's databases share the server.
    let project = Project::new();
    for db in [&first, &second] {
        db.cruddur(&project).arg("setup").assert().success();
        db.cruddur(&project)
            .args(["snapshot", "save", "shared-start"])
            .assert()
            .success();
    }
    second.query("DELETE FROM activities; DELETE FROM users");
    second
        .cruddur(&project)
        .args(["snapshot", "restore", "shared-start"])
        .assert()
        .success();
    assert_eq!(users(&second), "2");
    first
        .cruddur(&project)
        .args(["snapshot", "delete", "shared-start"])
        .assert()
        .success();
    // The other database's snapshot is still there, and named as its own.
    second
        .cruddur(&project)
        .args(["snapshot", "list"])
        .assert()
        .success()
        .stdout(predicate::str::contains("shared-start"));
    first
        .cruddur(&project)
        .args(["snapshot", "delete", "shared-start"])
        .assert()
        .failure()
        .stderr(predicate::str::contains(format!(
            "snapshot \"shared-start\" is of database \"{}\": aim at that database (--url) to delete it",
            second.name
        )))
        .stderr(predicate::str::contains("--from-db").not());
    second
        .cruddur(&project)
        .args(["snapshot", "delete", "shared-start"])
        .assert()
        .success();
}

/// A saved snapshot `s1` of a seeded database, a `setup` of it holding the setup lock (its seed
/// sleeps), and a `snapshot restore s1` that has said it is waiting for that lock, its
/// sessions named `restore-under-test`.
fn restore_waiting_behind_a_setup() -> (TestDb, Running, Running) {
    let (db, project) = seeded();
    db.cruddur(&project)
        .args(["snapshot", "save", "s1"])
        .assert()
        .success();
    let slow = Project::new();
    slow.append("sql/seed.sql", "SELECT pg_sleep(60) AS holding_the_lock;");
    let mut setup = slow.cruddur_process();
    setup.env("CONNECTION_URL", db.url()).arg("setup");
    let setup = Running::start(setup);
    db.wait_until_running("holding_the_lock");
    let mut restore = project.cruddur_process();
    restore
        .env("CONNECTION_URL", db.url())
        .env("PGAPPNAME", "restore-under-test")
        .args(["snapshot", "restore", "s1", "--color", "never"]);
    let mut restore = Running::start(restore);
    restore.wait_for("waiting for it");
    (db, setup, restore)
}

#[test]
fn sigterm_during_a_restore_says_the_database_is_unchanged() {
    let (db, setup, restore) = restore_waiting_behind_a_setup();
    restore.signal(libc::SIGTERM);
    let (status, stderr) = restore.finish();
    setup.signal(libc::SIGTERM);
    setup.finish();
    assert_eq!(status.code(), Some(143), "{stderr}");
    assert!(
        stderr.contains("snapshot restore stopped before its swap; your database is unchanged"),
        "{stderr}"
    );
    assert_eq!(users(&db), "2");
}

#[test]
fn a_connection_lost_during_a_restore_exits_3() {
    let (db, setup, restore) = restore_waiting_behind_a_setup();
    db.cluster.psql(
        "postgres",
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'restore-under-test'",
    );
    let (status, stderr) = restore.finish();
    setup.signal(libc::SIGTERM);
    setup.finish();
    assert_eq!(status.code(), Some(3), "{stderr}");
    assert!(stderr.contains("hint: "), "{stderr}");
}
