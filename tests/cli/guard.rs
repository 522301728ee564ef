//! Production protection: confirmations, refusals without a terminal, RDS hosts, same-URL refusal.

use std::process::{Command, Stdio};

use predicates::prelude::*;

use crate::harness::{Project, TestDb};

#[test]
fn prod_drop_without_a_terminal_or_yes_refuses_at_once() {
    let db = TestDb::new();
    db.create();
    Project::new()
        .cruddur()
        .env("PROD_CONNECTION_URL", db.url())
        .args(["--prod", "drop"])
        .assert()
        .code(6)
        .stderr(predicate::str::contains(
            "refusing to drop production database",
        ))
        .stderr(predicate::str::contains("--yes"));
    assert!(db.cluster.database_exists(&db.name));
}

#[test]
fn prod_setup_with_yes_proceeds() {
    let db = TestDb::new();
    Project::new()
        .cruddur()
        .env("PROD_CONNECTION_URL", db.url())
        .args(["--prod", "setup", "--yes"])
        .assert()
        .success();
    assert_eq!(db.query("SELECT count(*) FROM users"), "2");
}

#[test]
fn an_rds_host_counts_as_production_even_without_prod() {
    Project::new()
        .cruddur()
        .env(
            "CONNECTION_URL",
            "postgresql://root:pw@cruddur.abc123.us-east-1.rds.amazonaws.com:5432/cruddur",
        )
        .arg("schema-load")
        .assert()
        .code(6)
        .stderr(predicate::str::contains(
            "refusing to load a schema into production database",
        ));
}

#[test]
fn connection_url_equal_to_prod_connection_url_is_refused() {
    let db = TestDb::new();
    Project::new()
        .cruddur()
        .env("CONNECTION_URL", db.url())
        .env("PROD_CONNECTION_URL", db.url())
        .arg("sessions")
        .assert()
        .code(6)
        .stderr(predicate::str::contains(
            "CONNECTION_URL is the same as PROD_CONNECTION_URL",
        ));
}

/// Run `cruddur-db --prod drop` in a pseudo-terminal (util-linux `script`) and type `answer`.
fn drop_in_a_terminal(db: &TestDb, answer: &str) -> std::process::Output {
    let project = Project::new();
    let binary = assert_cmd::cargo::cargo_bin("cruddur-db");
    let mut child = Command::new("script")
        .args([
            "-q",
            "-e",
            "-c",
            &format!("{} --prod drop", binary.display()),
            "/dev/null",
        ])
        .current_dir(project.path())
        .env("PROD_CONNECTION_URL", db.url())
        .env_remove("CONNECTION_URL")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("util-linux `script` provides the pseudo-terminal");
    // Give the prompt time to appear before typing, as a person would.
    std::thread::sleep(std::time::Duration::from_millis(1500));
    use std::io::Write;
    child
        .stdin
        .take()
        .unwrap()
        .write_all(format!("{answer}\r").as_bytes())
        .unwrap();
    child.wait_with_output().unwrap()
}

#[test]
fn typing_the_database_name_at_the_prompt_proceeds() {
    let db = TestDb::new();
    db.create();
    let output = drop_in_a_terminal(&db, &db.name);
    let screen = String::from_utf8_lossy(&output.stdout);
    assert!(
        screen.contains("Type the database name to continue"),
        "{screen}"
    );
    assert!(output.status.success(), "{screen}");
    assert!(!db.cluster.database_exists(&db.name));
}

#[test]
fn typing_anything_else_at_the_prompt_aborts() {
    let db = TestDb::new();
    db.create();
    let output = drop_in_a_terminal(&db, "yes");
    let screen = String::from_utf8_lossy(&output.stdout);
    assert_eq!(output.status.code(), Some(6), "{screen}");
    assert!(
        screen.contains("not confirmed: nothing was done"),
        "{screen}"
    );
    assert!(db.cluster.database_exists(&db.name));
}
