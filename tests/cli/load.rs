//! `schema-load` and `seed`: one transaction, precise error positions, psql meta-commands.

use predicates::prelude::*;

use crate::harness::{Project, TestDb};

#[test]
fn a_failing_statement_applies_nothing_and_points_at_file_line_and_column() {
    let db = TestDb::new();
    db.create();
    let project = Project::new();
    project.write(
        "broken.sql",
        "CREATE TABLE first (id int);\nINSERT INTO first VALUES (1);\nSELECT 1;\n  INSERT INTO missing_table VALUES (2);\n",
    );
    db.cruddur(&project)
        .args(["schema-load", "broken.sql"])
        .assert()
        .code(5)
        .stderr(predicate::str::contains(
            "broken.sql:4:15: ERROR: relation \"missing_table\" does not exist",
        ))
        .stderr(predicate::str::contains(
            " 4 |   INSERT INTO missing_table VALUES (2);\n   |               ^",
        ))
        .stderr(predicate::str::contains(
            "nothing from this file was applied",
        ));
    assert!(!db.has_table("first"));
}

#[test]
fn server_detail_and_hint_are_shown() {
    let db = TestDb::new();
    db.create();
    let project = Project::new();
    project.write(
        "dupe.sql",
        "CREATE TABLE t (id int PRIMARY KEY);\nINSERT INTO t VALUES (1);\nINSERT INTO t VALUES (1);\nSELECT * FROM t WHERE idd = 1;\n",
    );
    db.cruddur(&project)
        .args(["seed", "dupe.sql"])
        .assert()
        .code(5)
        .stderr(predicate::str::contains(
            "dupe.sql:3:1: ERROR: duplicate key value",
        ))
        .stderr(predicate::str::contains(
            "DETAIL: Key (id)=(1) already exists.",
        ));
    project.write("hint.sql", "SELECT * FROM pg_class WHERE relnam = 'x';\n");
    db.cruddur(&project)
        .args(["seed", "hint.sql"])
        .assert()
        .code(5)
        .stderr(predicate::str::contains(
            "hint.sql:1:30: ERROR: column \"relnam\" does not exist",
        ))
        .stderr(predicate::str::contains("HINT: Perhaps you meant"));
}

#[test]
fn errors_inside_function_bodies_show_the_context() {
    let db = TestDb::new();
    db.create();
    let project = Project::new();
    project.write(
        "fn.sql",
        "CREATE FUNCTION boom() RETURNS int AS $$\nBEGIN\n  RETURN 1 / 0;\nEND;\n$$ LANGUAGE plpgsql;\n\nSELECT boom();\n",
    );
    db.cruddur(&project)
        .args(["schema-load", "fn.sql"])
        .assert()
        .code(5)
        .stderr(predicate::str::contains(
            "fn.sql:7:1: ERROR: division by zero",
        ))
        // The first CONTEXT line's wording changed across majors ("SQL statement", "SQL
        // expression", "PL/pgSQL expression"); the function line is the same on all of them.
        .stderr(predicate::str::contains("CONTEXT: "))
        .stderr(predicate::str::contains(
            "1 / 0\"\nPL/pgSQL function boom() line 3 at RETURN",
        ));
}

#[test]
fn no_transaction_keeps_the_statements_before_the_failure() {
    let db = TestDb::new();
    db.create();
    let project = Project::new();
    project.write("partial.sql", "CREATE TABLE kept (id int);\nSELECT nope;\n");
    db.cruddur(&project)
        .args(["schema-load", "--no-transaction", "partial.sql"])
        .assert()
        .code(5)
        .stderr(predicate::str::contains(
            "statements before this one were applied",
        ));
    assert_eq!(db.query("SELECT count(*) FROM kept"), "0");
}

#[test]
fn statements_that_refuse_a_transaction_get_a_no_transaction_hint() {
    let db = TestDb::new();
    db.create();
    let project = Project::new();
    project.write("vacuum.sql", "CREATE TABLE v (id int);\nVACUUM v;\n");
    db.cruddur(&project)
        .args(["schema-load", "vacuum.sql"])
        .assert()
        .code(5)
        .stderr(predicate::str::contains("--no-transaction"));
    db.cruddur(&project)
        .args(["schema-load", "--no-transaction", "vacuum.sql"])
        .assert()
        .success();
}

#[test]
fn psql_meta_commands_in_real_files_work() {
    let db = TestDb::new();
    db.create();
    let project = Project::new();
    project.write("parts/tables.sql", "CREATE TABLE included (id int);\n");
    project.write(
        "main.sql",
        "\\set ON_ERROR_STOP on\n\\echo 'creating tables'\n\\ir parts/tables.sql\nINSERT INTO included\n\\echo 'mid-statement'\nVALUES (1)",
    );
    db.cruddur(&project)
        .args(["schema-load", "main.sql"])
        .assert()
        .success()
        .stdout("creating tables\nmid-statement\n");
    assert_eq!(db.query("SELECT id FROM included"), "1");
}

#[test]
fn an_unknown_meta_command_is_refused_before_anything_is_sent() {
    let db = TestDb::new();
    db.create();
    let project = Project::new();
    project.write("meta.sql", "CREATE TABLE never (id int);\n\\o out.txt\n");
    db.cruddur(&project)
        .args(["schema-load", "meta.sql"])
        .assert()
        .code(5)
        .stderr(predicate::str::contains(
            "meta.sql:2: \\o sends query output to a file or command",
        ));
    assert!(!db.has_table("never"));
}

#[test]
fn a_missing_file_fails_with_a_hint() {
    let db = TestDb::new();
    db.create();
    db.cruddur(&Project::new())
        .args(["seed", "nope.sql"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("nope.sql does not exist"))
        .stderr(predicate::str::contains("hint:"));
}

#[test]
fn loading_into_a_missing_database_suggests_create() {
    let db = TestDb::new();
    db.cruddur(&Project::new())
        .arg("schema-load")
        .assert()
        .code(1)
        .stderr(predicate::str::contains(format!(
            "database \"{}\" does not exist",
            db.name
        )))
        .stderr(predicate::str::contains("cruddur-db create"));
}

#[test]
fn a_copy_from_a_directory_says_it_is_a_directory() {
    let db = TestDb::new();
    db.create();
    let project = Project::new();
    std::fs::create_dir_all(project.path().join("data")).unwrap();
    project.write(
        "copy.sql",
        "CREATE TABLE t (a int);\n\\copy t from 'data'\n",
    );
    db.cruddur(&project)
        .args(["seed", "copy.sql"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("copy.sql:2: \\copy: "))
        .stderr(predicate::str::contains("/data is a directory"))
        .stderr(predicate::str::contains("does not exist").not())
        .stderr(predicate::str::contains("please report it").not());
}
