//! `doctor`: a checklist that stops at the first broken step, with the exit code of that step.

use predicates::prelude::*;

use crate::harness::{
    PASSWORD, Project, TestDb, encode, free_port, output_text, shared, silent_server,
};
use crate::tls::tls_cluster;

fn doctor(url: &str) -> assert_cmd::assert::Assert {
    Project::without_sql()
        .cruddur()
        .args(["--url", url, "doctor", "--color", "never"])
        .timeout(std::time::Duration::from_secs(30))
        .assert()
}

fn url_for(user: &str, port: u16, database: &str, query: &str) -> String {
    format!(
        "postgresql://{user}:{}@127.0.0.1:{port}/{database}{query}",
        encode(PASSWORD)
    )
}

#[test]
fn a_healthy_server_passes_every_check() {
    let db = TestDb::new();
    db.create();
    let output = doctor(&url_for("postgres", db.cluster.port, &db.name, ""))
        .success()
        .get_output()
        .clone();
    let (_, stderr) = output_text(&output);
    for step in [
        "url",
        "dns",
        "tcp",
        "tls",
        "authentication",
        "database",
        "server version",
        "extensions",
        "privileges",
        "connections",
    ] {
        assert!(
            stderr.contains(&format!("✔ {step}")),
            "{step} missing:\n{stderr}"
        );
    }
    assert!(stderr.contains("every check passed"), "{stderr}");
    assert!(!stderr.contains(PASSWORD) && !stderr.contains(&encode(PASSWORD)));
}

#[test]
fn json_gives_the_same_checklist_as_data() {
    let db = TestDb::new();
    let output = Project::without_sql()
        .cruddur()
        .args([
            "--url",
            &url_for("postgres", db.cluster.port, &db.name, ""),
            "doctor",
            "--json",
        ])
        .assert()
        .code(1)
        .get_output()
        .clone();
    let (stdout, _) = output_text(&output);
    let steps: Vec<serde_json::Value> = serde_json::from_str(&stdout).unwrap();
    let last = steps.last().unwrap();
    assert_eq!(last["step"], "database");
    assert_eq!(last["ok"], false);
    assert!(last["hint"].as_str().unwrap().contains("cruddur-db create"));
    assert!(steps[..steps.len() - 1].iter().all(|s| s["ok"] == true));
    assert!(steps.iter().all(|s| s["seconds"].as_f64().unwrap() >= 0.0));
}

#[test]
fn a_stopped_server_breaks_at_tcp() {
    doctor(&url_for("postgres", free_port(), "cruddur", ""))
        .code(3)
        .stderr(predicate::str::contains("✘ tcp"))
        .stderr(predicate::str::contains("nothing is listening"))
        .stderr(predicate::str::contains("✔ dns"));
}

#[test]
fn a_port_that_never_answers_times_out_and_names_the_security_group_for_rds() {
    let (_listener, port) = silent_server();
    let url = format!(
        "postgresql://root:{}@db.abc.us-east-1.rds.amazonaws.com:{port}/cruddur?hostaddr=127.0.0.1&connect_timeout=1",
        encode(PASSWORD)
    );
    Project::without_sql()
        .cruddur()
        .args(["--url", &url, "doctor", "--my-ip", "203.0.113.7"])
        .timeout(std::time::Duration::from_secs(30))
        .assert()
        .code(3)
        .stderr(predicate::str::contains("✔ tcp"))
        .stderr(predicate::str::contains("✘ tls"))
        .stderr(predicate::str::contains("no answer within 1 s"))
        .stderr(predicate::str::contains("203.0.113.7/32"));
}

#[test]
fn the_tls_only_server_passes_with_tls_and_verifies_with_the_ca() {
    let cluster = tls_cluster();
    let ca = cluster.tls_file("ca.crt");
    let url = format!(
        "postgresql://postgres:{}@localhost:{}/postgres?sslmode=verify-full&sslrootcert={}",
        encode(PASSWORD),
        cluster.port,
        ca.display()
    );
    doctor(&url)
        .success()
        .stderr(predicate::str::contains("CN=localhost"))
        .stderr(predicate::str::contains(", verified"));
    doctor(&url_for("postgres", cluster.port, "postgres", ""))
        .success()
        .stderr(predicate::str::contains("not verified"));
    doctor(&url_for(
        "postgres",
        cluster.port,
        "postgres",
        "?sslmode=disable",
    ))
    .code(4)
    .stderr(predicate::str::contains("skipped: sslmode=disable"))
    .stderr(predicate::str::contains("✘ authentication"))
    .stderr(predicate::str::contains("sslmode=require"));
}

#[test]
fn a_wrong_password_breaks_at_authentication() {
    let url = format!(
        "postgresql://postgres:nope@127.0.0.1:{}/postgres",
        shared().port
    );
    doctor(&url)
        .code(4)
        .stderr(predicate::str::contains("✘ authentication"))
        .stderr(predicate::str::contains("password authentication failed"));
}

#[test]
fn a_missing_database_breaks_after_authentication() {
    let db = TestDb::new();
    doctor(&url_for("postgres", db.cluster.port, &db.name, ""))
        .code(1)
        .stderr(predicate::str::contains("✔ authentication"))
        .stderr(predicate::str::contains("✘ database"))
        .stderr(predicate::str::contains("cruddur-db create"));
}

#[test]
fn a_role_without_createdb_breaks_at_privileges() {
    let db = TestDb::new();
    db.create();
    let plain = db.plain_role();
    let role = &plain.name;
    doctor(&url_for(role, db.cluster.port, &db.name, ""))
        .code(1)
        .stderr(predicate::str::contains("✘ privileges"))
        .stderr(predicate::str::contains("may not create databases"))
        .stderr(predicate::str::contains(format!(
            "ALTER ROLE \"{role}\" CREATEDB"
        )));
}

#[test]
fn a_host_that_does_not_resolve_is_passed_over_for_the_next_as_libpq_does() {
    let db = TestDb::new();
    db.create();
    let port = db.cluster.port;
    let url = format!(
        "postgresql://postgres:{}@nowhere.invalid:{port},127.0.0.1:{port}/{}",
        encode(PASSWORD),
        db.name
    );
    let output = doctor(&url).success().get_output().clone();
    let (_, stderr) = output_text(&output);
    for expected in [
        "nowhere.invalid:",
        &format!("127.0.0.1:{port}: "),
        "1 of 2 hosts reachable",
        "every check passed",
    ] {
        assert!(stderr.contains(expected), "no {expected:?} in:\n{stderr}");
    }
}

#[test]
fn when_no_host_answers_doctor_names_each_and_fails() {
    let url = format!(
        "postgresql://postgres@nowhere.invalid:5432,127.0.0.1:{}/db?connect_timeout=2",
        free_port()
    );
    let output = doctor(&url).code(3).get_output().clone();
    let (_, stderr) = output_text(&output);
    assert!(stderr.contains("nowhere.invalid:5432: "), "{stderr}");
    assert!(
        stderr.contains("none of the 2 hosts can be reached"),
        "{stderr}"
    );
}
