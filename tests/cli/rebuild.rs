//! `setup` one at a time, with its template cache: concurrent runs serialise on a lock, a
//! cached template of unchanged files is cloned instead of loaded, and anything that changes
//! the result misses the cache.

use std::process::Stdio;
use std::time::{Duration, Instant};

use predicates::prelude::*;

use crate::harness::{PASSWORD, Project, TestDb, output_text};

/// `setup` with the cache forced on, so the small default files are cached too.
fn cached_setup(db: &TestDb, project: &Project) -> String {
    let output = db
        .cruddur(project)
        .env("CRUDDUR_DB_TEMPLATE", "on")
        .arg("setup")
        .assert()
        .success()
        .get_output()
        .clone();
    output_text(&output).1
}

#[test]
fn six_concurrent_setups_all_succeed_one_at_a_time() {
    let db = TestDb::new();
    let project = Project::new();
    // Slow enough that the runs overlap.
    project.append("sql/seed.sql", "SELECT pg_sleep(0.3);\n");
    // Without the cache, whose template a slow seed would make the later runs clone.
    let outputs = db.run_at_once(&project, 6, &["setup", "--no-template"]);
    for output in &outputs {
        let (_, stderr) = output_text(output);
        assert!(output.status.success(), "{stderr}");
    }
    let waited = outputs
        .iter()
        .filter(|o| output_text(o).1.contains("another setup of"))
        .count();
    assert!(waited >= 1, "no run waited for another");
    // The first run builds the database aside; the others find it and reset it in place.
    let in_place = outputs
        .iter()
        .filter(|o| output_text(o).1.contains("database reset in place"))
        .count();
    assert_eq!(in_place, 5);
    let said_who = outputs
        .iter()
        .map(|o| output_text(o).1)
        .find(|e| e.contains("another setup of"))
        .unwrap();
    assert!(
        said_who.contains("pid ") && said_who.contains("application cruddur-db"),
        "{said_who}"
    );
    assert_eq!(db.query("SELECT count(*) FROM users"), "2");
    assert_eq!(
        db.kept_aside("new"),
        Vec::<String>::new(),
        "side databases left behind"
    );
}

#[test]
fn lock_timeout_bounds_the_wait_with_its_own_exit_code() {
    let db = TestDb::new();
    let project = Project::new();
    project.write("sql/seed.sql", "SELECT pg_sleep(4);\n");
    let slow = project
        .cruddur_process()
        .env("CONNECTION_URL", db.url())
        .arg("setup")
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    db.wait_until_running("pg_sleep(4)");
    let started = Instant::now();
    db.cruddur(&project)
        .args(["setup", "--lock-timeout", "1"])
        .assert()
        .code(7)
        .stderr(predicate::str::contains("another setup of"))
        .stderr(predicate::str::contains("gave up after 1 s"))
        .stderr(predicate::str::contains("your database is unchanged"));
    assert!(
        started.elapsed() < Duration::from_secs(3),
        "{:?}",
        started.elapsed()
    );
    assert!(slow.wait_with_output().unwrap().status.success());
}

#[test]
fn unchanged_files_clone_the_template_and_changes_miss_it() {
    let db = TestDb::new();
    let project = Project::new();
    assert!(cached_setup(&db, &project).contains("cache miss: kept"));
    db.query("INSERT INTO users (display_name, handle, email, cognito_user_id) VALUES ('Temp', 'temp', 't@x', 't')");
    let hit = cached_setup(&db, &project);
    assert!(hit.contains("cache hit: cloned"), "{hit}");
    assert!(!hit.contains("== seed"), "{hit}");
    // The clone is the files' result, not the database as it was.
    assert_eq!(db.query("SELECT count(*) FROM users"), "2");

    // A changed seed misses.
    let seed = project.path().join("sql/seed.sql");
    let original = std::fs::read_to_string(&seed).unwrap();
    std::fs::write(&seed, format!("{original}\n-- edited\n")).unwrap();
    assert!(cached_setup(&db, &project).contains("cache miss"));

    // A changed include misses.
    std::fs::write(&seed, format!("{original}\n\\ir extra.sql\n")).unwrap();
    project.write("sql/extra.sql", "SELECT 1;\n");
    assert!(cached_setup(&db, &project).contains("cache miss"));
    assert!(cached_setup(&db, &project).contains("cache hit"));
    project.write("sql/extra.sql", "SELECT 2;\n");
    assert!(cached_setup(&db, &project).contains("cache miss"));

    // Only the newest two templates are kept per database.
    assert_eq!(db.kept_aside("tpl").len(), 2);
    db.cruddur(&project)
        .args(["templates", "--json"])
        .assert()
        .success()
        .stdout(predicate::str::contains("\"current\": true"))
        .stdout(predicate::str::contains("\"current\": false"));
    db.cruddur(&project)
        .args(["templates", "--prune"])
        .assert()
        .success()
        .stderr(predicate::str::contains("dropped 1 of 2 template(s)"));
    db.cruddur(&project)
        .args(["templates", "--drop-all"])
        .assert()
        .success()
        .stderr(predicate::str::contains("dropped 1 of 1 template(s)"));
}

#[test]
fn another_role_misses_the_cache() {
    let db = TestDb::new();
    let project = Project::new();
    // No extension: before PostgreSQL 13 only superusers may create uuid-ossp.
    project.write("sql/schema.sql", "CREATE TABLE t (n int);\n");
    project.write("sql/seed.sql", "INSERT INTO t VALUES (1);\n");
    assert!(cached_setup(&db, &project).contains("cache miss: kept"));
    let role = db.plain_role();
    db.cluster
        .psql("postgres", &format!("ALTER ROLE {} CREATEDB", role.name));
    // The role must be able to replace the database: hand it over.
    db.cluster.psql(
        "postgres",
        &format!("ALTER DATABASE {} OWNER TO {}", db.name, role.name),
    );
    let url = format!(
        "postgresql://{}:{}@127.0.0.1:{}/{}",
        role.name,
        crate::harness::encode(PASSWORD),
        db.cluster.port,
        db.name
    );
    let output = project
        .cruddur()
        .env("CONNECTION_URL", &url)
        .env("CRUDDUR_DB_TEMPLATE", "on")
        .arg("setup")
        .assert()
        .success()
        .get_output()
        .clone();
    let stderr = output_text(&output).1;
    assert!(stderr.contains("cache miss"), "{stderr}");
    // Cleanup as the superuser: the role's databases go before the role does.
    db.cluster.psql(
        "postgres",
        &format!("ALTER DATABASE {} OWNER TO postgres", db.name),
    );
    for name in db.kept_aside("tpl") {
        db.cluster
            .psql("postgres", &format!("DROP DATABASE \"{name}\""));
    }
}

#[test]
fn a_session_on_the_template_falls_back_to_loading_the_files() {
    let db = TestDb::new();
    let project = Project::new();
    cached_setup(&db, &project);
    let template = db.kept_aside("tpl").remove(0);
    let _looking = db.cluster.hold_session(&template, "looking-at-template");
    let stderr = cached_setup(&db, &project);
    assert!(stderr.contains("loading the files instead"), "{stderr}");
    assert!(stderr.contains("== seed"), "{stderr}");
    assert!(
        db.cluster.has_session("looking-at-template"),
        "a session was ended"
    );
    assert_eq!(db.query("SELECT count(*) FROM users"), "2");
}

#[test]
fn the_production_mark_survives_the_swap_and_prod_is_never_cached() {
    let db = TestDb::production();
    let project = Project::new();
    let output = project
        .cruddur()
        .env("PROD_CONNECTION_URL", db.url())
        .env("CRUDDUR_DB_TEMPLATE", "on")
        .args(["--prod", "setup", "--yes"])
        .assert()
        .success()
        .get_output()
        .clone();
    let stderr = output_text(&output).1;
    assert!(
        stderr.contains("never for a production database"),
        "{stderr}"
    );
    assert!(
        db.comment()
            .starts_with("cruddur-db: environment=production"),
        "{}",
        db.comment()
    );
    assert_eq!(db.query("SELECT count(*) FROM users"), "2");
}

#[test]
fn files_that_name_their_database_recreate_it_and_say_why() {
    let db = TestDb::new();
    let project = Project::new();
    project.append(
        "sql/seed.sql",
        &format!(
            "ALTER DATABASE {} SET timezone = 'UTC';
",
            db.name
        ),
    );
    db.cruddur(&project)
        .arg("setup")
        .assert()
        .success()
        .stderr(predicate::str::contains(
            "recreating the database: sql/seed.sql:",
        ))
        .stderr(predicate::str::contains("uses ALTER DATABASE"));
    assert_eq!(db.query("SHOW timezone"), "UTC");
}

#[test]
fn leftovers_of_an_interrupted_setup_are_removed_by_the_next() {
    let db = TestDb::new();
    let project = Project::new();
    project.write("sql/seed.sql", "SELECT pg_sleep(30);\n");
    let child = project
        .cruddur_process()
        .env("CONNECTION_URL", db.url())
        .args(["setup", "--color", "never"])
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    db.wait_until_running("pg_sleep(30)");
    // SAFETY: signalling our own child process.
    unsafe { libc::kill(child.id() as i32, libc::SIGINT) };
    let output = child.wait_with_output().unwrap();
    let stderr = output_text(&output).1;
    assert_eq!(output.status.code(), Some(130), "{stderr}");
    assert!(
        stderr.contains("setup stopped at step seed; your database is unchanged"),
        "{stderr}"
    );
    assert_eq!(db.kept_aside("new").len(), 1);

    std::fs::copy(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("sql/seed.sql"),
        project.path().join("sql/seed.sql"),
    )
    .unwrap();
    db.cruddur(&project)
        .arg("setup")
        .assert()
        .success()
        .stderr(predicate::str::contains(
            "left by an earlier setup that did not finish",
        ));
    assert!(db.kept_aside("new").is_empty());
}

#[test]
fn a_seed_that_uses_dbname_loads_in_place_so_the_name_is_the_real_one() {
    let db = TestDb::new();
    let project = Project::new();
    project.append(
        "sql/seed.sql",
        "CREATE TABLE loaded_into AS SELECT :'DBNAME'::text AS name;\n",
    );
    db.cruddur(&project)
        .arg("setup")
        .assert()
        .success()
        .stderr(predicate::str::contains("uses :DBNAME"));
    assert_eq!(db.query("SELECT name FROM loaded_into"), db.name);
}

#[test]
fn templates_knows_the_current_template_of_a_project_with_migrations() {
    let db = TestDb::new();
    let project = Project::new();
    project.write(
        "sql/migrations/1_bio.sql",
        "-- migrate:up\nALTER TABLE users ADD COLUMN bio text;\n-- migrate:down\n",
    );
    assert!(cached_setup(&db, &project).contains("cache miss: kept"));
    db.cruddur(&project)
        .args(["templates", "--prune"])
        .assert()
        .success()
        .stderr(predicate::str::contains("dropped 0 of 1 template(s)"));
    assert!(cached_setup(&db, &project).contains("cache hit"));
}

#[test]
fn a_seed_reading_standard_input_is_never_served_from_the_cache() {
    let db = TestDb::new();
    let project = Project::new();
    project.append(
        "sql/seed.sql",
        "CREATE TABLE piped (word text);\n\\copy piped from pstdin",
    );
    for word in ["first", "second"] {
        db.cruddur(&project)
            .env("CRUDDUR_DB_TEMPLATE", "on")
            .arg("setup")
            .write_stdin(format!("{word}\n"))
            .assert()
            .success()
            .stderr(predicate::str::contains(
                "cache off for this run: sql/seed.sql:",
            ))
            .stderr(predicate::str::contains("reads standard input (pstdin)"));
        assert_eq!(db.query("SELECT word FROM piped"), word);
    }
    assert!(
        db.kept_aside("tpl").is_empty(),
        "{:?}",
        db.kept_aside("tpl")
    );
}
