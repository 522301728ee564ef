//! The test harness: throwaway PostgreSQL clusters (initdb + pg_ctl on free ports in temp dirs,
//! SCRAM passwords), one uniquely named database per test, and the real binary to run against them.
//! One file per part: server builds, clean-up at exit, clusters, certificates, databases and projects.

mod catalog;
mod certificates;
mod cleanup;
mod cluster;
mod databases;
mod servers;

pub use self::catalog::{pg_dump_schema, schema_facts};
use self::certificates::*;
pub use self::cleanup::kill_at_exit;
use self::cleanup::*;
pub use self::cluster::{Cluster, HeldSession, free_port, shared, silent_server};
pub use self::databases::{Project, TestDb};
use self::servers::*;

/// A password with every character a URL must escape, so tests prove percent-decoding and
/// can search all output for a leak.
pub const PASSWORD: &str = "Sup3r/Secret@Pa:ss%word";

/// Whether this run is CI's, where nothing may be skipped: a skip there must fail instead.
pub fn in_ci() -> bool {
    std::env::var_os("CI").is_some_and(|value| !value.is_empty() && value != "false")
}

/// A test that cannot run here: under CI that is a failure (CI must run everything), elsewhere
/// it says so on stderr and the test returns.
pub fn skip(why: &str) {
    assert!(!in_ci(), "under CI nothing may be skipped, but: {why}");
    eprintln!("SKIPPED: {why}");
}

pub fn encode(text: &str) -> String {
    text.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

pub fn literal(text: &str) -> String {
    format!("'{}'", text.replace('\'', "''"))
}

pub fn ident(name: &str) -> String {
    format!("\"{}\"", name.replace('"', "\"\""))
}

/// stdout and stderr of a finished command, for assertions that look at both.
pub fn output_text(output: &std::process::Output) -> (String, String) {
    (
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}
