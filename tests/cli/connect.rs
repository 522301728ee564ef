//! `connect`: psql on the target database, with the password in its environment only.

use std::os::unix::fs::PermissionsExt;

use predicates::prelude::*;

use crate::harness::{PASSWORD, Project, TestDb, encode};

#[test]
fn connect_runs_psql_on_the_target_database() {
    let db = TestDb::new();
    db.create();
    db.cruddur(&Project::new())
        .args([
            "connect",
            "--",
            "-X",
            "-A",
            "-t",
            "-c",
            "SELECT current_database()",
        ])
        .assert()
        .success()
        .stdout(format!("{}\n", db.name));
}

#[test]
fn connect_passes_the_password_in_the_environment_not_the_arguments() {
    let db = TestDb::new();
    let project = Project::new();
    let bin = project.path().join("fakebin");
    std::fs::create_dir(&bin).unwrap();
    let fake = bin.join("psql");
    std::fs::write(
        &fake,
        "#!/bin/sh\necho \"args: $*\"\necho \"env: $PGPASSWORD\"\n",
    )
    .unwrap();
    std::fs::set_permissions(&fake, std::fs::Permissions::from_mode(0o755)).unwrap();
    let output = db
        .cruddur(&project)
        .env("PATH", &bin)
        .args(["connect", "--", "-c", "select 1"])
        .assert()
        .success()
        .get_output()
        .clone();
    let stdout = String::from_utf8(output.stdout).unwrap();
    let args = stdout.lines().next().unwrap();
    assert!(
        !args.contains(PASSWORD) && !args.contains(&encode(PASSWORD)),
        "{args}"
    );
    // A keyword/value string psql reads exactly as cruddur-db did, minus the password.
    assert!(
        args.starts_with(&format!(
            "args: host='127.0.0.1' port='{}' dbname='{}' user='postgres' sslmode=prefer",
            db.cluster.port, db.name
        )),
        "{args}"
    );
    assert!(args.ends_with("-c select 1"), "{args}");
    assert_eq!(stdout.lines().nth(1).unwrap(), format!("env: {PASSWORD}"));
}

#[test]
fn connect_without_psql_says_how_to_install_it() {
    let db = TestDb::new();
    let project = Project::new();
    db.cruddur(&project)
        .env("PATH", project.path())
        .arg("connect")
        .assert()
        .code(1)
        .stderr(predicate::str::contains("psql is not installed"))
        .stderr(predicate::str::contains(
            "apt-get install postgresql-client",
        ));
}
