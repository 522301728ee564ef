//! TLS with libpq's sslmode meanings, against a TLS-only cluster (like RDS) and the plain one.

use std::sync::OnceLock;

use predicates::prelude::*;

use crate::harness::{Cluster, PASSWORD, Project, encode, shared};

pub fn tls_cluster() -> &'static Cluster {
    static TLS: OnceLock<Cluster> = OnceLock::new();
    TLS.get_or_init(Cluster::start_tls_only)
}

/// `sessions` (one admin connection) against `host` with the given query string.
fn sessions(cluster: &Cluster, host: &str, query: &str) -> assert_cmd::assert::Assert {
    sessions_with(cluster, host, query, &[])
}

/// [`sessions`] with more global options.
fn sessions_with(
    cluster: &Cluster,
    host: &str,
    query: &str,
    options: &[&str],
) -> assert_cmd::assert::Assert {
    let url = format!(
        "postgresql://postgres:{}@{host}:{}/postgres?{query}",
        encode(PASSWORD),
        cluster.port
    );
    Project::new()
        .cruddur()
        .args(["--url", &url, "sessions"])
        .args(options)
        .assert()
}

fn root(name: &str) -> String {
    format!("sslrootcert={}", tls_cluster().tls_file(name).display())
}

#[test]
fn verify_full_with_the_right_ca_succeeds_over_scram() {
    sessions(
        tls_cluster(),
        "localhost",
        &format!("sslmode=verify-full&{}", root("ca.crt")),
    )
    .success();
}

#[test]
fn verify_full_reads_a_bundle_of_many_certificates() {
    let project = Project::new();
    let other = std::fs::read_to_string(tls_cluster().tls_file("other-ca.crt")).unwrap();
    let right = std::fs::read_to_string(tls_cluster().tls_file("ca.crt")).unwrap();
    let bundle = project.write("bundle.pem", &format!("{}{right}", other.repeat(120)));
    sessions(
        tls_cluster(),
        "localhost",
        &format!("sslmode=verify-full&sslrootcert={}", bundle.display()),
    )
    .success();
}

#[test]
fn verify_full_with_a_different_ca_fails_as_unknown_issuer() {
    sessions(
        tls_cluster(),
        "localhost",
        &format!("sslmode=verify-full&{}", root("other-ca.crt")),
    )
    .code(4)
    .stderr(predicate::str::contains("UnknownIssuer"))
    .stderr(predicate::str::contains(
        "not signed by a CA in sslrootcert",
    ));
}

#[test]
fn verify_full_fails_when_the_certificate_names_another_host() {
    sessions(
        tls_cluster(),
        "127.0.0.1",
        &format!("sslmode=verify-full&{}", root("ca.crt")),
    )
    .code(4)
    .stderr(predicate::str::contains(
        "not issued for host \"127.0.0.1\"",
    ));
}

#[test]
fn verify_ca_checks_the_chain_but_not_the_name() {
    sessions(
        tls_cluster(),
        "127.0.0.1",
        &format!("sslmode=verify-ca&{}", root("ca.crt")),
    )
    .success();
    sessions(
        tls_cluster(),
        "127.0.0.1",
        &format!("sslmode=verify-ca&{}", root("other-ca.crt")),
    )
    .code(4)
    .stderr(predicate::str::contains("UnknownIssuer"))
    .stderr(predicate::str::contains(
        "not signed by a CA in sslrootcert",
    ));
}

#[test]
fn require_encrypts_without_verifying() {
    sessions(tls_cluster(), "127.0.0.1", "sslmode=require").success();
}

#[test]
fn verify_modes_without_sslrootcert_are_a_usage_error() {
    sessions(tls_cluster(), "localhost", "sslmode=verify-full")
        .code(2)
        .stderr(predicate::str::contains("need sslrootcert"))
        .stderr(predicate::str::contains("global-bundle.pem"));
}

#[test]
fn disable_is_refused_by_a_tls_only_server_with_a_hint() {
    sessions(tls_cluster(), "127.0.0.1", "sslmode=disable")
        .code(4)
        .stderr(predicate::str::contains("no pg_hba.conf entry"))
        .stderr(predicate::str::contains("add ?sslmode=require"));
}

#[test]
fn prefer_works_with_and_without_server_tls() {
    sessions(tls_cluster(), "127.0.0.1", "sslmode=prefer").success();
    sessions(shared(), "127.0.0.1", "sslmode=prefer").success();
}

#[test]
fn require_against_a_server_without_tls_says_so() {
    sessions(shared(), "127.0.0.1", "sslmode=require")
        .code(4)
        .stderr(predicate::str::contains("does not accept TLS"));
}

#[test]
fn wait_never_retries_a_tls_failure() {
    let started = std::time::Instant::now();
    sessions_with(
        tls_cluster(),
        "localhost",
        &format!("sslmode=verify-full&{}", root("other-ca.crt")),
        &["--wait", "60"],
    )
    .code(4)
    .stderr(predicate::str::contains("== wait").not());
    assert!(started.elapsed() < std::time::Duration::from_secs(10));
}

#[test]
fn an_expired_server_certificate_says_so() {
    let cluster = Cluster::start_tls_expired();
    sessions(
        &cluster,
        "localhost",
        &format!(
            "sslmode=verify-full&sslrootcert={}",
            cluster.tls_file("ca.crt").display()
        ),
    )
    .code(4)
    .stderr(predicate::str::contains("certificate expired"))
    .stderr(predicate::str::contains(
        "the server's certificate has expired (or this machine's clock is wrong)",
    ));
}
