//! `setup`: drop, create, schema-load, seed, from anywhere in the project.

use predicates::prelude::*;

use crate::harness::{Project, TestDb};

#[test]
fn setup_builds_a_new_database_aside_then_resets_it_in_place() {
    let db = TestDb::new();
    let project = Project::new();
    // Loading is what this checks: on a slow machine the first run could keep a template
    // (tested in rebuild.rs).
    db.cruddur(&project)
        .arg("setup")
        .env("CRUDDUR_DB_TEMPLATE", "off")
        .assert()
        .success()
        .stderr(
            predicate::str::is_match(
                r"== create created .*_cdb_new_.* to build .* aside \(\d+ ms\)",
            )
            .unwrap(),
        )
        .stderr(
            predicate::str::is_match(r"== schema-load .*schema.sql: \d+ statements.*\(\d+ ms\)")
                .unwrap(),
        )
        .stderr(
            predicate::str::is_match(r"== seed .*seed.sql: 2 statements, 3 rows affected").unwrap(),
        )
        .stderr(predicate::str::contains("is the new build"))
        .stderr(predicate::str::contains("== setup database reset aside"));
    db.query("INSERT INTO users (display_name, handle, email, cognito_user_id) VALUES ('Gone', 'gone', 'g@x', 'g')");
    db.cruddur(&project)
        .arg("setup")
        .env("CRUDDUR_DB_TEMPLATE", "off")
        .assert()
        .success()
        .stderr(predicate::str::contains("_cdb_new_").not())
        .stderr(
            predicate::str::is_match(r"== seed .*seed.sql: 2 statements, 3 rows affected").unwrap(),
        )
        .stderr(predicate::str::contains("== setup database reset in place"));
    assert_eq!(db.query("SELECT count(*) FROM users"), "2");
    assert_eq!(
        db.query("SELECT u.handle FROM activities a JOIN users u ON u.uuid = a.user_uuid"),
        "andrewbrown"
    );
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

/// Databases whose comment says cruddur-db made them for `db` (side databases, templates).
fn made_for(db: &TestDb) -> Vec<String> {
    let list = db.cluster.psql(
        "postgres",
        &format!(
            "SELECT string_agg(datname, ',' ORDER BY datname) FROM pg_database WHERE shobj_description(oid, 'pg_database') LIKE '%\"target\":\"{}\"%'",
            db.name
        ),
    );
    list.split(',')
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

#[test]
fn a_broken_seed_leaves_the_old_database_and_its_rows_untouched() {
    // Reset in place (the default on a database that exists) and built aside.
    for way in [&["setup"][..], &["setup", "--aside"]] {
        let db = TestDb::new();
        let project = Project::new();
        db.cruddur(&project).arg("setup").assert().success();
        db.query("INSERT INTO users (display_name, handle, email, cognito_user_id) VALUES ('Kept', 'kept', 'k@example.com', 'c')");
        project.write(
            "sql/seed.sql",
            "INSERT INTO users (handle) VALUES ('x');\nINSERT INTO nowhere VALUES (1);\n",
        );
        db.cruddur(&project)
            .args(way)
            .assert()
            .code(5)
            .stderr(predicate::str::contains(format!(
                "your database \"{}\" is unchanged: setup stopped at step seed",
                db.name
            )))
            .stderr(predicate::str::contains("== setup").not());
        assert_eq!(db.query("SELECT count(*) FROM users"), "3", "{way:?}");
        assert_eq!(
            db.query("SELECT count(*) FROM users WHERE handle = 'kept'"),
            "1"
        );
        assert!(made_for(&db).is_empty(), "left behind: {:?}", made_for(&db));
    }
}

#[test]
fn a_broken_schema_on_a_first_setup_creates_nothing() {
    let db = TestDb::new();
    let project = Project::new();
    project.write("sql/schema.sql", "CREATE TABLE t (;\n");
    db.cruddur(&project)
        .arg("setup")
        .assert()
        .code(5)
        .stderr(predicate::str::contains(
            "setup stopped at step schema-load",
        ));
    assert!(!db.cluster.database_exists(&db.name));
    assert!(made_for(&db).is_empty());
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
