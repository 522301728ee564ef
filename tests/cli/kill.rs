//! `kill`: ends exactly the sessions asked for, never our own or other databases', and says
//! which it could not end.

use std::time::{Duration, Instant};

use predicates::prelude::*;

use crate::harness::{PASSWORD, Project, TestDb, encode};

/// Wait until the server has let go of a terminated session.
fn gone(db: &TestDb, application: &str) -> bool {
    let deadline = Instant::now() + Duration::from_secs(5);
    while db.cluster.has_session(application) {
        if Instant::now() > deadline {
            return false;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    true
}

#[test]
fn kill_ends_exactly_the_filtered_sessions_and_leaves_other_databases_alone() {
    let db = TestDb::new();
    db.create();
    let other = TestDb::new();
    other.create();
    let _keep = db.cluster.hold_session(&db.name, "kill-keep");
    let _end = db.cluster.hold_session(&db.name, "kill-end-1");
    let _elsewhere = db.cluster.hold_session(&other.name, "kill-elsewhere");
    db.cruddur(&Project::new())
        .args(["kill", "--app", "kill-end-1"])
        .assert()
        .success()
        .stderr(predicate::str::contains("ended 1 session(s) on database"))
        .stdout(predicate::str::contains("kill-end-1"));
    assert!(gone(&db, "kill-end-1"));
    assert!(db.cluster.has_session("kill-keep"));
    assert!(db.cluster.has_session("kill-elsewhere"));

    // No filter: every other session on the target database, like the old db-kill-all.
    db.cruddur(&Project::new())
        .arg("kill")
        .assert()
        .success()
        .stderr(predicate::str::contains("ended 1 session(s)"));
    assert!(gone(&db, "kill-keep"));
    assert!(db.cluster.has_session("kill-elsewhere"));
}

#[test]
fn kill_dry_run_lists_and_ends_nothing() {
    let db = TestDb::new();
    db.create();
    let _held = db.cluster.hold_session(&db.name, "kill-dry");
    db.cruddur(&Project::new())
        .args(["kill", "--dry-run"])
        .assert()
        .success()
        .stderr(predicate::str::contains("would end 1 session(s)"))
        .stdout(predicate::str::contains("kill-dry"));
    assert!(db.cluster.has_session("kill-dry"));
}

#[test]
fn kill_idle_for_picks_only_sessions_idle_that_long() {
    let db = TestDb::new();
    db.create();
    let _old = db.cluster.hold_session(&db.name, "kill-idle-old");
    db.cluster.wait_until_idle_for("kill-idle-old", 2.0);
    let _new = db.cluster.hold_session(&db.name, "kill-idle-new");
    db.cruddur(&Project::new())
        .args(["kill", "--idle-for", "2"])
        .assert()
        .success()
        .stderr(predicate::str::contains("ended 1 session(s)"));
    assert!(gone(&db, "kill-idle-old"));
    assert!(db.cluster.has_session("kill-idle-new"));
}

#[test]
fn kill_by_pid_fails_naming_a_pid_that_is_not_there() {
    let db = TestDb::new();
    db.create();
    let _held = db.cluster.hold_session(&db.name, "kill-by-pid");
    let pid = db.cluster.pid_of("kill-by-pid").to_string();
    db.cruddur(&Project::new())
        .args(["kill", "--pid", &pid, "--pid", "999999"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "pid 999999 is not a matching session on database",
        ));
    assert!(gone(&db, "kill-by-pid"));
}

#[test]
fn kill_says_which_sessions_the_user_may_not_end() {
    let db = TestDb::new();
    db.create();
    let weak = db.plain_role();
    let role = &weak.name;
    let _held = db.cluster.hold_session(&db.name, "kill-superuser");
    let pid = db.cluster.pid_of("kill-superuser").to_string();
    let url = format!(
        "postgresql://{role}:{}@127.0.0.1:{}/{}",
        encode(PASSWORD),
        db.cluster.port,
        db.name
    );
    Project::new()
        .cruddur()
        .args(["--url", &url, "kill", "--pid", &pid])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(format!(
            "pid {pid} (user postgres) may not be ended by user \"{role}\""
        )));
    assert!(db.cluster.has_session("kill-superuser"));
}

#[test]
fn kill_against_prod_needs_confirmation() {
    let db = TestDb::new();
    db.create();
    let _held = db.cluster.hold_session(&db.name, "kill-prod");
    Project::new()
        .cruddur()
        .env("PROD_CONNECTION_URL", db.url())
        .args(["--prod", "kill"])
        .assert()
        .code(6)
        .stderr(predicate::str::contains(
            "refusing to end sessions on production database",
        ));
    assert!(db.cluster.has_session("kill-prod"));
}

#[test]
fn kill_all_with_user_ends_that_users_sessions_on_every_database() {
    let db = TestDb::new();
    db.create();
    let other = TestDb::new();
    other.create();
    let role = db.plain_role();
    let as_role = |database: &str, app: &str| {
        let mut psql = db.cluster.psql_command(database);
        psql.args(["-U", &role.name]);
        db.cluster.hold(psql, app)
    };
    let _here = as_role(&db.name, "role-here");
    let _there = as_role(&other.name, "role-there");
    let _admin = db.cluster.hold_session(&other.name, "admin-there");
    db.cruddur(&Project::new())
        .args(["kill", "--all", "--user", &role.name])
        .assert()
        .success()
        .stderr(predicate::str::contains("ended 2 session(s) on the server"));
    assert!(gone(&db, "role-here"));
    assert!(gone(&db, "role-there"));
    assert!(db.cluster.has_session("admin-there"));
}

#[test]
fn kill_all_never_ends_sessions_on_a_production_database_without_prod() {
    let dev = TestDb::new();
    dev.create();
    let prod = TestDb::production();
    let _prod_session = prod.cluster.hold_session(&prod.name, "prod-worker");
    let _dev_session = dev.cluster.hold_session(&dev.name, "dev-worker");
    dev.cruddur(&Project::new())
        .args(["kill", "--all", "--yes"])
        .assert()
        .code(6)
        .stderr(predicate::str::contains(format!(
            "sessions on production database(s) \"{}\"",
            prod.name
        )))
        .stderr(predicate::str::contains("nothing was done"));
    assert!(prod.cluster.has_session("prod-worker"));
    assert!(dev.cluster.has_session("dev-worker"));

    // Filters that leave production out go ahead.
    dev.cruddur(&Project::new())
        .args(["kill", "--all", "--app", "dev-worker"])
        .assert()
        .success();
    assert!(prod.cluster.has_session("prod-worker"));
}
