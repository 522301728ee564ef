//! Names the git commit the binary is built from, for `cruddur-db --version`.

use std::process::Command;

fn main() {
    let commit = Command::new("git")
        .args(["rev-parse", "--short=12", "HEAD"])
        .output()
        .ok()
        .filter(|output| output.status.success())
        .map(|output| String::from_utf8_lossy(&output.stdout).trim().to_string())
        .filter(|commit| !commit.is_empty());
    let built_from = match commit {
        Some(commit) => format!("commit {commit}"),
        None => "not built from a git checkout".to_string(),
    };
    // No optional Cargo features exist yet; list them here as they come.
    let features: Vec<&str> = Vec::new();
    let features = if features.is_empty() {
        "none".to_string()
    } else {
        features.join(", ")
    };
    println!(
        "cargo:rustc-env=CRUDDUR_DB_VERSION={} ({built_from}; optional features: {features})",
        std::env::var("CARGO_PKG_VERSION").unwrap_or_default()
    );
    for git in [".git/HEAD", ".git/refs/heads", ".git/packed-refs"] {
        println!("cargo:rerun-if-changed={git}");
    }
}
