//! Every database a command reaches on the user's behalf (a file's `\connect`, a snapshot's
//! `--from-db`) passes the same production check as the command's own target.

use predicates::prelude::*;

use crate::harness::{PASSWORD, Project, TestDb, encode};
use crate::terminal::Terminal;

/// A development database, created, and a project whose `switch.sql` moves into `into` and
/// drops its `users` table.
fn scratch_switching_into(into: &TestDb) -> (TestDb, Project) {
    let scratch = TestDb::new();
    scratch.create();
    into.query("CREATE TABLE users (id int); INSERT INTO users VALUES (1)");
    let project = Project::new();
    project.write(
        "switch.sql",
        &format!("SELECT 1;\n\\c {}\nDROP TABLE users;\n", into.name),
    );
    (scratch, project)
}

#[test]
fn a_file_cannot_connect_into_a_production_marked_database_without_prod() {
    let prod = TestDb::production();
    let (scratch, project) = scratch_switching_into(&prod);
    scratch
        .cruddur(&project)
        .args(["seed", "--no-transaction", "switch.sql"])
        .assert()
        .code(6)
        .stderr(predicate::str::contains(format!(
            "switch.sql:2: \\connect {}: database \"{}\" on 127.0.0.1 is marked production; nothing was run there",
            prod.name, prod.name
        )))
        .stderr(predicate::str::contains("--prod"));
    assert!(
        prod.has_table("users"),
        "the file dropped a production table"
    );
}

#[test]
fn a_file_cannot_connect_into_prod_connection_urls_database_without_prod() {
    let prod = TestDb::new();
    prod.create();
    let (scratch, project) = scratch_switching_into(&prod);
    scratch
        .cruddur(&project)
        .env("PROD_CONNECTION_URL", prod.url())
        .args(["seed", "--no-transaction", "switch.sql"])
        .assert()
        .code(6)
        .stderr(predicate::str::contains(
            "is PROD_CONNECTION_URL's database; nothing was run there",
        ));
    assert!(prod.has_table("users"));
}

#[test]
fn a_file_on_an_rds_host_cannot_connect_into_another_database_without_prod() {
    let other = TestDb::new();
    other.create();
    let (scratch, project) = scratch_switching_into(&other);
    // hostaddr reaches the local server while the host name says RDS.
    let url = format!(
        "postgresql://postgres:{}@cruddur.abc123.us-east-1.rds.amazonaws.com:{}/{}?hostaddr=127.0.0.1&sslmode=disable",
        encode(PASSWORD),
        scratch.cluster.port,
        scratch.name
    );
    project
        .cruddur()
        .args([
            "--url",
            &url,
            "--yes",
            "seed",
            "--no-transaction",
            "switch.sql",
        ])
        .assert()
        .code(6)
        .stderr(predicate::str::contains("is on an RDS host"));
    assert!(other.has_table("users"));
}

#[test]
fn with_prod_and_yes_a_file_connects_into_production_as_asked() {
    let prod = TestDb::production();
    let (scratch, project) = scratch_switching_into(&prod);
    project
        .cruddur()
        .args(["--prod", "--url", &scratch.url(), "--yes"])
        .args(["seed", "--no-transaction", "switch.sql"])
        .assert()
        .success();
    assert!(!prod.has_table("users"));
}

#[test]
fn with_prod_a_file_connecting_into_production_asks_for_that_databases_name() {
    let prod = TestDb::production();
    let (scratch, project) = scratch_switching_into(&prod);
    let binary = assert_cmd::cargo::cargo_bin("cruddur-db");
    let line = format!(
        "{} --prod --url '{}' --color never seed --no-transaction switch.sql",
        binary.display(),
        scratch.url()
    );
    let mut terminal = Terminal::run(project.command("script"), &line);
    // The command's own target first, then the database the file moves into.
    let shown = terminal.wait_for("Type the database name to continue", 0);
    terminal.type_keys(format!("{}\r", scratch.name).as_bytes());
    let shown = terminal.wait_for(&format!("in production database \"{}\"", prod.name), shown);
    terminal.wait_for("Type the database name to continue", shown);
    terminal.type_keys(b"not-it\r");
    let (status, screen) = terminal.finish();
    assert_eq!(status.code(), Some(6), "{screen}");
    assert!(screen.contains("not confirmed"), "{screen}");
    assert!(prod.has_table("users"));
}

#[test]
fn snapshot_restore_refuses_snapshots_of_a_production_database() {
    let prod = TestDb::production();
    let scratch = TestDb::new();
    scratch.create();
    scratch
        .cruddur(&Project::new())
        .args(["snapshot", "restore", "any", "--from-db", &prod.name])
        .assert()
        .code(6)
        .stderr(predicate::str::contains(format!(
            "snapshots are for development databases, and \"{}\"",
            prod.name
        )));
}
