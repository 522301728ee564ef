//! Where output goes, and when it is coloured.

use predicates::prelude::*;

use crate::harness::{Project, TestDb};

#[test]
fn status_lines_go_to_stderr_and_are_plain_when_piped() {
    let db = TestDb::new();
    db.cruddur(&Project::new())
        .arg("setup")
        .assert()
        .success()
        .stdout("")
        .stderr(predicate::str::contains("== setup"))
        .stderr(predicate::str::contains("\u{1b}[").not());
}

#[test]
fn color_always_colours_and_no_color_or_never_does_not() {
    let db = TestDb::new();
    let project = Project::new();
    db.cruddur(&project)
        .args(["create", "--color", "always"])
        .assert()
        .success()
        .stderr(predicate::str::contains("\u{1b}[1;36m== create"));
    db.cruddur(&project)
        .args(["drop", "--color", "never"])
        .assert()
        .success()
        .stderr(predicate::str::contains("\u{1b}[").not());
    db.cruddur(&project)
        .env("NO_COLOR", "1")
        .args(["create"])
        .assert()
        .success()
        .stderr(predicate::str::contains("\u{1b}[").not());
}

#[test]
fn quiet_prints_nothing_on_success_but_still_reports_errors() {
    let db = TestDb::new();
    let project = Project::new();
    db.cruddur(&project)
        .args(["setup", "-q"])
        .assert()
        .success()
        .stdout("")
        .stderr("");
    db.cruddur(&project)
        .args(["create", "-q"])
        .assert()
        .code(1)
        .stderr(predicate::str::starts_with("error:"));
}
