//! `setup`: drop, create, schema-load, seed, from anywhere in the project.

use predicates::prelude::*;

use crate::harness::{Project, TestDb};

#[test]
fn setup_creates_loads_and_seeds_and_succeeds_twice_in_a_row() {
    let db = TestDb::new();
    let project = Project::new();
    for _ in 0..2 {
        db.cruddur(&project)
            .arg("setup")
            .assert()
            .success()
            .stderr(predicate::str::is_match(r"== drop .*\(\d+ ms\)").unwrap())
            .stderr(predicate::str::is_match(r"== create created database .*\(\d+ ms\)").unwrap())
            .stderr(
                predicate::str::is_match(
                    r"== schema-load .*schema.sql: \d+ statements.*\(\d+ ms\)",
                )
                .unwrap(),
            )
            .stderr(
                predicate::str::is_match(r"== seed .*seed.sql: 2 statements, 3 rows affected")
                    .unwrap(),
            )
            .stderr(predicate::str::contains("== setup database reset"));
        assert_eq!(db.query("SELECT count(*) FROM users"), "2");
        assert_eq!(
            db.query("SELECT u.handle FROM activities a JOIN users u ON u.uuid = a.user_uuid"),
            "andrewbrown"
        );
    }
}

#[test]
fn setup_finds_the_sql_directory_from_a_subfolder() {
    let db = TestDb::new();
    let project = Project::new();
    let deep = project.path().join("backend-flask/lib");
    std::fs::create_dir_all(&deep).unwrap();
    db.cruddur(&project)
        .current_dir(&deep)
        .arg("setup")
        .assert()
        .success();
    assert_eq!(db.query("SELECT count(*) FROM users"), "2");
}

#[test]
fn sql_dir_flag_overrides_the_search() {
    let db = TestDb::new();
    let project = Project::new();
    project.write("other/schema.sql", "CREATE TABLE elsewhere (id int);");
    project.write("other/seed.sql", "INSERT INTO elsewhere VALUES (7);");
    db.cruddur(&project)
        .args(["setup", "--sql-dir", "other"])
        .assert()
        .success();
    assert_eq!(db.query("SELECT id FROM elsewhere"), "7");
}

#[test]
fn setup_stops_at_the_first_failing_step_and_names_it() {
    let db = TestDb::new();
    let project = Project::new();
    project.write("sql/seed.sql", "INSERT INTO users (handle) VALUES ('x');");
    db.cruddur(&project)
        .arg("setup")
        .assert()
        .code(5)
        .stderr(predicate::str::contains("setup stopped at step seed"))
        .stderr(predicate::str::contains("== setup").not());
    // The schema step had committed before the seed failed.
    assert_eq!(db.query("SELECT count(*) FROM users"), "0");
}

#[test]
fn setup_without_a_seed_file_refuses_before_dropping_anything() {
    let db = TestDb::new();
    db.create();
    db.query("CREATE TABLE keep_me (id int)");
    let project = Project::new();
    std::fs::remove_file(project.path().join("sql/seed.sql")).unwrap();
    db.cruddur(&project)
        .arg("setup")
        .assert()
        .code(1)
        .stderr(predicate::str::contains("seed.sql does not exist"));
    assert_eq!(db.query("SELECT count(*) FROM keep_me"), "0");
}

#[test]
fn database_names_are_quoted_as_identifiers() {
    let project = Project::new();
    for name in ["my\"db", "Cruddur Test", "select"] {
        let db = TestDb::named(&format!(
            "{name} {}",
            &uuid::Uuid::new_v4().simple().to_string()[..6]
        ));
        db.cruddur(&project).arg("setup").assert().success();
        assert!(db.cluster.database_exists(&db.name), "{name}");
        assert_eq!(db.query("SELECT count(*) FROM users"), "2");
        db.cruddur(&project).arg("drop").assert().success();
        assert!(!db.cluster.database_exists(&db.name));
    }
}
