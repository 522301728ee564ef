//! Secrets never reach the screen: `.env` syntax errors name the line and variable, never the
//! value; URL errors never echo the path; PASSWORD literals are masked in `-v` output, error
//! carets and the server's messages.

use predicates::prelude::*;

use crate::harness::{Project, TestDb, output_text};

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
