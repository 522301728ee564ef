//! Connection failures: exit codes, hints, and no password in any output.

use predicates::prelude::*;

use crate::harness::{
    Cluster, PASSWORD, Project, TestDb, encode, free_port, output_text, shared, silent_server,
};

fn assert_no_password(output: &std::process::Output) {
    let (stdout, stderr) = output_text(output);
    for text in [&stdout, &stderr] {
        assert!(!text.contains(PASSWORD), "password leaked: {text}");
        assert!(
            !text.contains(&encode(PASSWORD)),
            "encoded password leaked: {text}"
        );
    }
}

#[test]
fn an_unreachable_server_exits_3_with_a_hint() {
    let url = format!(
        "postgresql://postgres:{}@127.0.0.1:{}/cruddur",
        encode(PASSWORD),
        free_port()
    );
    let output = Project::new()
        .cruddur()
        .env("CONNECTION_URL", &url)
        .args(["create", "-v"])
        .assert()
        .code(3)
        .stderr(predicate::str::contains(
            "could not connect to postgresql://postgres:***@127.0.0.1",
        ))
        .stderr(predicate::str::contains("(from CONNECTION_URL)"))
        .stderr(predicate::str::contains("hint: nothing is listening"))
        .get_output()
        .clone();
    assert_no_password(&output);
}

#[test]
fn an_unreachable_url_source_names_the_flag_that_gave_it() {
    let db = TestDb::new();
    db.create();
    let project = Project::new();
    project.write("backend-flask/db/sql/one.sql", "SELECT 1;\n");
    let nowhere = format!(
        "url:postgresql://postgres:{}@127.0.0.1:{}/cruddur",
        encode(PASSWORD),
        free_port()
    );
    for args in [
        vec!["diff", "--from", nowhere.as_str()],
        vec!["diff", "--to", nowhere.as_str()],
        vec!["check", "--against", nowhere.as_str()],
    ] {
        let flag = args[1];
        let output = db
            .cruddur(&project)
            .args(&args)
            .assert()
            .code(3)
            .stderr(predicate::str::contains(format!("(from {flag})")))
            .stderr(predicate::str::contains(format!(
                "fix the host and port in {flag}"
            )))
            .stderr(predicate::str::contains("--url").not())
            .get_output()
            .clone();
        assert_no_password(&output);
    }
}

#[test]
fn a_wrong_password_exits_4_and_names_the_variable() {
    let cluster = shared();
    let url = format!(
        "postgresql://postgres:{}x@127.0.0.1:{}/postgres",
        encode(PASSWORD),
        cluster.port
    );
    let output = Project::new()
        .cruddur()
        .args(["--url", &url, "sessions", "--verbose"])
        .assert()
        .code(4)
        .stderr(predicate::str::contains("password authentication failed"))
        .stderr(predicate::str::contains(
            "check the user name and password in --url",
        ))
        .get_output()
        .clone();
    assert_no_password(&output);
}

#[test]
fn sql_errors_and_verbose_output_never_show_the_password() {
    let db = TestDb::new();
    let project = Project::new();
    project.write("bad.sql", &format!("SELECT '{}' = 1;", "not the password"));
    let setup = db
        .cruddur(&project)
        .args(["setup", "-v"])
        .assert()
        .success()
        .get_output()
        .clone();
    let (_, stderr) = output_text(&setup);
    // Verbose names the URL it connects to: redacted, but there.
    assert!(
        stderr.contains("connecting to postgresql://postgres:***@127.0.0.1"),
        "{stderr}"
    );
    assert_no_password(&setup);
    let output = db
        .cruddur(&project)
        .args(["seed", "bad.sql", "-v"])
        .assert()
        .code(5)
        .get_output()
        .clone();
    assert_no_password(&output);
}

#[test]
fn a_malformed_url_is_a_usage_error_pointing_at_the_part() {
    Project::new()
        .cruddur()
        .env(
            "CONNECTION_URL",
            "postgresql://u:hunter2@localhost/cruddur?sslmode=sometimes",
        )
        .arg("create")
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "CONNECTION_URL is not a usable connection string",
        ))
        .stderr(predicate::str::contains("sslmode=sometimes"))
        .stderr(predicate::str::contains("hunter2").not());
}

#[test]
fn prod_without_prod_connection_url_is_a_usage_error() {
    Project::new()
        .cruddur()
        .args(["sessions", "--prod"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("PROD_CONNECTION_URL is not set"));
}

#[test]
fn url_flag_beats_prod_which_beats_connection_url() {
    let db = TestDb::new();
    db.create();
    let project = Project::new();
    let dead = format!("postgresql://postgres@127.0.0.1:{}/x", free_port());
    // --prod picks PROD_CONNECTION_URL over CONNECTION_URL.
    project
        .cruddur()
        .env("CONNECTION_URL", &dead)
        .env("PROD_CONNECTION_URL", db.url())
        .args(["--prod", "sessions", "--json", "--yes"])
        .assert()
        .success();
    // --url beats both.
    project
        .cruddur()
        .env("CONNECTION_URL", &dead)
        .env("PROD_CONNECTION_URL", &dead)
        .args(["--prod", "--url", &db.url(), "sessions"])
        .assert()
        .success();
}

#[test]
fn a_yes_no_setting_that_is_neither_stops_before_anything_runs() {
    let db = TestDb::new();
    let project = Project::new();
    for name in [
        "CRUDDUR_DB_SNAPSHOT_BEFORE_PROD",
        "CRUDDUR_DB_IAM_AUTH",
        "CRUDDUR_DB_DUMP_SCHEMA",
        "CRUDDUR_DB_TEMPLATE",
    ] {
        for value in ["ture", "enabled"] {
            db.cruddur(&project)
                .env(name, value)
                .arg("create")
                .assert()
                .code(2)
                .stderr(predicate::str::contains(format!(
                    "{name}=\"{value}\" (set in the environment) is not a yes/no value"
                )))
                .stderr(predicate::str::contains("hint: set it to true or false"));
        }
    }
    assert!(!db.cluster.database_exists(&db.name), "something ran");
    // From .env, the file is named.
    project.write(".env", "CRUDDUR_DB_SNAPSHOT_BEFORE_PROD=enabled\n");
    db.cruddur(&project)
        .arg("create")
        .assert()
        .code(2)
        .stderr(predicate::str::contains(".env) is not a yes/no value"));
    std::fs::remove_file(project.path().join(".env")).unwrap();
    // Every spelling of yes and no, in any case, is one.
    for value in ["TRUE", "No", "1", "0", "yes", "OFF", "On", "false"] {
        db.cruddur(&project)
            .env("CRUDDUR_DB_DUMP_SCHEMA", value)
            .env("CRUDDUR_DB_TEMPLATE", value)
            .arg("sessions")
            .assert()
            .success();
    }
    db.cruddur(&project)
        .env("CRUDDUR_DB_TEMPLATE", "Auto")
        .arg("create")
        .assert()
        .success();
}

#[test]
fn dotenv_in_the_project_is_read_and_real_variables_win() {
    let db = TestDb::new();
    db.create();
    let project = Project::new();
    project.write(".env", &format!("CONNECTION_URL={}\n", db.url()));
    let sub = project.path().join("sub");
    std::fs::create_dir(&sub).unwrap();
    project
        .cruddur()
        .current_dir(&sub)
        .arg("sessions")
        .assert()
        .success();
    let dead = format!("postgresql://postgres@127.0.0.1:{}/x", free_port());
    project
        .cruddur()
        .env("CONNECTION_URL", dead)
        .arg("sessions")
        .assert()
        .code(3);
}

#[test]
fn a_silent_rds_host_times_out_with_the_security_group_hint() {
    let (_listener, port) = silent_server();
    // hostaddr reaches the local listener while the host name still says RDS.
    let url = format!(
        "postgresql://root:{}@cruddur.abc123.us-east-1.rds.amazonaws.com:{port}/cruddur?hostaddr=127.0.0.1&connect_timeout=1",
        encode(PASSWORD)
    );
    let started = std::time::Instant::now();
    let output = Project::new()
        .cruddur()
        .args(["--url", &url, "sessions"])
        .timeout(std::time::Duration::from_secs(20))
        .assert()
        .code(3)
        .stderr(predicate::str::contains("no answer within 1 s"))
        .stderr(predicate::str::contains(
            "security group's inbound rule may not admit your current IP address",
        ))
        .get_output()
        .clone();
    assert_gave_up_after(started, 1);
    assert_no_password(&output);
}

/// The command gave up on a silent host about `limit` seconds after `started`: not at once,
/// and not much later (the whole attempt is bounded, not each step of it).
fn assert_gave_up_after(started: std::time::Instant, limit: u64) {
    let took = started.elapsed().as_secs_f64();
    let limit = limit as f64;
    assert!(
        (limit * 0.9..limit + 2.0).contains(&took),
        "gave up after {took:.2} s, not about {limit} s"
    );
}

#[test]
fn a_silent_host_times_out_instead_of_hanging() {
    let (_listener, port) = silent_server();
    let url = format!("postgresql://postgres@127.0.0.1:{port}/cruddur?connect_timeout=1");
    let started = std::time::Instant::now();
    Project::new()
        .cruddur()
        .args(["--url", &url, "create"])
        .timeout(std::time::Duration::from_secs(20))
        .assert()
        .code(3)
        .stderr(predicate::str::contains("no answer within 1 s"))
        .stderr(predicate::str::contains("connect_timeout=SECS"));
    assert_gave_up_after(started, 1);
}

#[test]
fn a_host_name_that_does_not_resolve_exits_3_with_a_hint() {
    Project::new()
        .cruddur()
        .args([
            "--url",
            "postgresql://postgres@no-such-host.invalid/cruddur",
            "sessions",
        ])
        .assert()
        .code(3)
        .stderr(predicate::str::contains("no-such-host.invalid"))
        .stderr(predicate::str::contains("resolves from this machine"));
}

#[test]
fn a_server_that_is_full_exits_3_and_says_who_holds_the_slots() {
    let mut cluster = Cluster::init_stopped();
    cluster.start_server_with(
        None,
        "-c max_connections=4 -c superuser_reserved_connections=0",
    );
    let db_url = cluster.url("postgres");
    let _held: Vec<_> = (0..3)
        .map(|i| cluster.hold_session("postgres", &format!("slot-{i}")))
        .collect();
    // The last slot: no connection is left to check from outside, so this psql says itself
    // that it is connected, and stays.
    let mut last = cluster
        .psql_command("postgres")
        .args(["-X", "-A", "-t"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    {
        use std::io::{BufRead, Write};
        let stdin = last.stdin.as_mut().unwrap();
        stdin.write_all(b"SELECT 'connected';\n").unwrap();
        stdin.flush().unwrap();
        let mut line = String::new();
        std::io::BufReader::new(last.stdout.as_mut().unwrap())
            .read_line(&mut line)
            .unwrap();
        assert_eq!(line.trim(), "connected");
    }
    let assert = Project::new()
        .cruddur()
        .args(["--url", &db_url, "sessions"])
        .assert();
    let _ = last.kill();
    let _ = last.wait();
    assert
        .code(3)
        .stderr(predicate::str::contains("too many clients"))
        .stderr(predicate::str::contains("no free connection slots"));
}

#[test]
fn bad_arguments_are_a_usage_error() {
    Project::new()
        .cruddur()
        .args(["drop", "--no-such-flag"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--no-such-flag"));
}

#[test]
fn a_server_not_yet_accepting_connections_exits_3_and_wait_retries_it() {
    // A standby without hot standby answers every connection as a server starting up does.
    let standby = shared().standby("-c hot_standby=off");
    let url = standby.url("postgres");
    Project::new()
        .cruddur()
        .args(["--url", &url, "sessions"])
        .assert()
        .code(3)
        .stderr(predicate::str::contains("the server is starting up"));
    let started = std::time::Instant::now();
    Project::new()
        .cruddur()
        .args(["--url", &url, "--wait", "2", "sessions"])
        .assert()
        .code(3)
        .stderr(predicate::str::contains("== wait attempt 2"));
    assert_gave_up_after(started, 2);
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
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let pid = db.wait_until_running("pg_sleep(30)");
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
