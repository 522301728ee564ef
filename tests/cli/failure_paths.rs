//! The failure paths a hostile review found: secrets in `.env` and URL errors, PASSWORD
//! literals, production sessions reached by `kill --all`, over-long names, SIGTERM and SIGHUP,
//! a closed stdout, and errors without a hint.

use std::os::fd::{FromRawFd, OwnedFd};
use std::process::Stdio;
use std::time::{Duration, Instant};

use predicates::prelude::*;

use crate::harness::{PASSWORD, Project, TestDb, encode, output_text};

#[test]
fn a_dotenv_line_without_equals_names_its_line_and_variable_never_its_value() {
    let project = Project::new();
    project.write(
        ".env",
        "# local settings\nCONNECTION_URL=postgresql://u:first-secret@h/db\nDB_PASSWORD hunter2-value\n",
    );
    project
        .cruddur()
        .arg("sessions")
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            ".env:3: the line for DB_PASSWORD is not NAME=VALUE",
        ))
        .stderr(predicate::str::contains("hint:"))
        .stderr(predicate::str::contains("hunter2").not())
        .stderr(predicate::str::contains("first-secret").not());
}

#[test]
fn a_dotenv_quote_never_closed_hides_the_rest_of_the_file() {
    let project = Project::new();
    project.write(
        ".env",
        "APP=cruddur\nDB_PASSWORD=\"hunter2-value\nPROD_CONNECTION_URL=postgresql://root:rds-secret@x/cruddur\n",
    );
    project
        .cruddur()
        .arg("sessions")
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            ".env:2: the value of DB_PASSWORD opens a quote that is never closed",
        ))
        .stderr(predicate::str::contains("hunter2").not())
        .stderr(predicate::str::contains("rds-secret").not());
}

#[test]
fn an_unescaped_slash_in_a_password_never_reaches_the_error() {
    Project::new()
        .cruddur()
        .args(["--url", "postgresql://u:12/SECRET@host/db", "sessions"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("more than one segment"))
        .stderr(predicate::str::contains("%2F"))
        .stderr(predicate::str::contains("SECRET").not());
}

#[test]
fn password_literals_are_hidden_in_verbose_output_and_error_carets() {
    let db = TestDb::new();
    db.create();
    let project = Project::new();
    let role = format!("r_{}", &db.name[13..]);
    project.write(
        "roles.sql",
        &format!(
            "CREATE ROLE {role} LOGIN PASSWORD 'created-secret';\nALTER ROLE no_such_role_here PASSWORD 'altered-secret';\n"
        ),
    );
    let output = db
        .cruddur(&project)
        .args(["schema-load", "roles.sql", "-v"])
        .assert()
        .code(5)
        .get_output()
        .clone();
    let (stdout, stderr) = output_text(&output);
    assert!(
        stderr.contains(&format!("> CREATE ROLE {role} LOGIN PASSWORD '***';")),
        "{stderr}"
    );
    assert!(
        stderr.contains("2 | ALTER ROLE no_such_role_here PASSWORD '***';"),
        "{stderr}"
    );
    for text in [&stdout, &stderr] {
        assert!(!text.contains("created-secret"), "{text}");
        assert!(!text.contains("altered-secret"), "{text}");
    }
    // One transaction: the role was rolled back with the rest.
    assert_eq!(
        db.query(&format!(
            "SELECT count(*) FROM pg_roles WHERE rolname = '{role}'"
        )),
        "0"
    );
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
    db.cluster.wait_until_running("pg_sleep(60)");
    let sleeping = "SELECT count(*) FROM pg_stat_activity WHERE query LIKE '%pg_sleep(60)%' AND pid <> pg_backend_pid()";
    let sent = Instant::now();
    // SAFETY: signalling our own child process.
    unsafe { libc::kill(child.id() as i32, signal) };
    let output = child.wait_with_output().unwrap();
    let took = sent.elapsed();
    // The cancel reaches the server at once; the rollback follows as the connection closes.
    let deadline = Instant::now() + Duration::from_secs(5);
    while db.query(sleeping) != "0" {
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

#[test]
fn every_error_ends_in_a_hint() {
    let db = TestDb::new();
    db.create();
    let project = Project::new();
    project.write("nul.sql", "SELECT 1;\nSELECT '\0';\n");
    project.write("broken.sql", "SELECT 1;\nSELEC 2;\n");
    project.write("meta.sql", "\\gexec\n");
    project.write("slow.sql", "SELECT pg_sleep(30);\n");
    let long_name = format!("postgresql://postgres@127.0.0.1:1/{}", "n".repeat(64));
    let refused = "postgresql://postgres@127.0.0.1:1/db".to_string();
    let wrong_password = format!(
        "postgresql://postgres:wrong@127.0.0.1:{}/{}",
        db.cluster.port, db.name
    );
    std::fs::create_dir_all(project.path().join("data")).unwrap();
    project.write(
        "dir-copy.sql",
        "CREATE TEMP TABLE t (a int);\n\\copy t from 'data'\n",
    );
    project.write(
        "connect.sql",
        "SELECT 1;\n\\connect no_such_database_here\n",
    );
    project.write(
        "sql/migrations/1_slow.sql",
        "-- migrate:up lock_timeout:99999999min\nSELECT 1;\n",
    );
    project.write(
        "sql/migrations/2_stray.sql",
        "SELECT 1;\n-- migrate:up\nSELECT 1;\n",
    );
    let long_migration = "x".repeat(300);
    // A password file others can read, and a URL without a password: libpq skips the file.
    let open_pgpass = project.write("pgpass", &format!("*:*:*:*:{PASSWORD}\n"));
    std::fs::set_permissions(
        &open_pgpass,
        std::os::unix::fs::PermissionsExt::from_mode(0o644),
    )
    .unwrap();
    let no_password = format!(
        "postgresql://postgres@127.0.0.1:{}/{}",
        db.cluster.port, db.name
    );
    let runs: Vec<(Vec<&str>, String)> = vec![
        (vec!["seed", "nul.sql"], db.url()),
        (vec!["seed", "broken.sql"], db.url()),
        (vec!["seed", "meta.sql"], db.url()),
        (vec!["seed", "missing.sql"], db.url()),
        (vec!["create"], db.url()),
        (vec!["sessions"], long_name),
        (vec!["sessions"], refused),
        (vec!["sessions"], wrong_password),
        (vec!["sessions"], "mysql://h/db".to_string()),
        (vec!["kill", "--pid", "1"], db.url()),
        // User mistakes: bad files, bad values, missing input. Each has advice of its own.
        (vec!["seed", "dir-copy.sql"], db.url()),
        (vec!["seed", "--no-transaction", "connect.sql"], db.url()),
        (vec!["migrate", "lint", "missing.sql"], db.url()),
        (
            vec!["migrate", "lint", "sql/migrations/1_slow.sql"],
            db.url(),
        ),
        (
            vec!["migrate", "lint", "sql/migrations/2_stray.sql"],
            db.url(),
        ),
        (vec!["migrate", "new", &long_migration], db.url()),
        (vec!["sessions"], no_password.clone()),
    ];
    for (args, url) in runs {
        let output = project
            .cruddur()
            .args(&args)
            .env("CONNECTION_URL", &url)
            .env("PGPASSFILE", &open_pgpass)
            .output()
            .unwrap();
        let (_, stderr) = output_text(&output);
        assert!(!output.status.success(), "{args:?} succeeded: {stderr}");
        assert_hint_after_error(&args, &stderr);
    }

    // A session ended by an administrator mid-file.
    let child = project
        .cruddur_process()
        .args(["seed", "slow.sql", "--color", "never"])
        .env("CONNECTION_URL", db.url())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let pid = db.cluster.wait_until_running("pg_sleep(30)");
    db.query(&format!("SELECT pg_terminate_backend({pid})"));
    let output = child.wait_with_output().unwrap();
    let (_, stderr) = output_text(&output);
    assert!(!output.status.success(), "{stderr}");
    assert_hint_after_error(&["terminated by an administrator"], &stderr);
}

fn assert_hint_after_error(what: &[&str], stderr: &str) {
    let lines: Vec<&str> = stderr.lines().collect();
    let error = lines
        .iter()
        .position(|line| line.starts_with("error:"))
        .unwrap_or_else(|| panic!("{what:?}: no error line in {stderr}"));
    assert!(
        lines[error..].iter().any(|line| line.starts_with("hint: ")),
        "{what:?}: an error without a hint:\n{stderr}"
    );
    // That hint is for bugs; every path walked here is a mistake, or the world, with advice
    // of its own.
    assert!(
        !stderr.contains("please report it"),
        "{what:?}: a user mistake told to report a bug:\n{stderr}"
    );
    assert!(!stderr.contains(PASSWORD) && !stderr.contains(&encode(PASSWORD)));
}

#[test]
fn a_variable_that_is_not_utf8_is_no_crash() {
    use std::os::unix::ffi::OsStrExt;
    let db = TestDb::new();
    db.create();
    let junk = std::ffi::OsStr::from_bytes(&[0x66, 0xff, 0x6f]);
    db.cruddur(&Project::new())
        .env("PGJUNK", junk)
        .env("OTHER_JUNK", junk)
        .arg("sessions")
        .assert()
        .success();
}
