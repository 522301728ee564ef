//! `migrate`: dbmate's files and history table, one transaction per migration, one migrator at
//! a time, checksums, strict order, and `setup` running pending migrations before the seed.

use std::process::Command;

use predicates::prelude::*;

use crate::harness::{Project, TestDb, output_text};
use crate::running::Running;

/// The project's migrations directory.
pub fn migration(project: &Project, file: &str, text: &str) {
    project.write(&format!("sql/migrations/{file}"), text);
}

const USERS_BIO: &str = "-- migrate:up\nALTER TABLE users ADD COLUMN bio text;\n\n-- migrate:down\nALTER TABLE users DROP COLUMN bio;\n";
const POSTS: &str =
    "-- migrate:up\nCREATE TABLE posts (id int PRIMARY KEY);\n-- migrate:down\nDROP TABLE posts;\n";

fn status(db: &TestDb, project: &Project) -> Vec<serde_json::Value> {
    let output = db
        .cruddur(project)
        .args(["migrate", "status", "--json"])
        .assert()
        .success()
        .get_output()
        .clone();
    serde_json::from_str::<serde_json::Value>(&output_text(&output).0)
        .unwrap()
        .as_array()
        .unwrap()
        .clone()
}

pub fn states(db: &TestDb, project: &Project) -> Vec<String> {
    status(db, project)
        .iter()
        .map(|m| {
            format!(
                "{}:{}",
                m["version"].as_str().unwrap(),
                m["state"].as_str().unwrap()
            )
        })
        .collect()
}

pub fn seeded() -> (TestDb, Project) {
    let db = TestDb::new();
    let project = Project::new();
    db.cruddur(&project).arg("setup").assert().success();
    (db, project)
}

#[test]
fn new_writes_an_empty_dbmate_migration_and_prints_its_path() {
    let project = Project::new();
    let output = project
        .cruddur()
        .args(["migrate", "new", "add_users_bio"])
        .assert()
        .success()
        .get_output()
        .clone();
    let path = output_text(&output).0.trim().to_string();
    assert!(
        predicate::str::is_match(r"sql/migrations/20\d{12}_add_users_bio\.sql$")
            .unwrap()
            .eval(&path),
        "{path}"
    );
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(
        text.starts_with("-- migrate:up\n") && text.contains("-- migrate:down\n"),
        "{text}"
    );
}

#[test]
fn apply_reapply_down_steps_and_redo() {
    let (db, project) = seeded();
    migration(&project, "20240101000000_users_bio.sql", USERS_BIO);
    migration(&project, "20240102000000_posts.sql", POSTS);
    db.cruddur(&project)
        .arg("migrate")
        .assert()
        .success()
        .stderr(predicate::str::contains("applied 20240101000000_users_bio"))
        .stderr(predicate::str::contains("2 applied now, 0 before"));
    assert!(db.has_table("posts"));
    assert_eq!(
        db.query("SELECT count(*) FROM information_schema.columns WHERE column_name = 'bio'"),
        "1"
    );
    db.cruddur(&project)
        .args(["migrate", "up"])
        .assert()
        .success()
        .stderr(predicate::str::contains("nothing to do"));
    let rows = status(&db, &project);
    assert_eq!(rows[0]["state"], "applied");
    assert_eq!(rows[0]["name"], "users_bio");
    assert!(
        rows[0]["applied_at"]
            .as_str()
            .is_some_and(|t| t.starts_with("20"))
    );
    assert!(rows[0]["duration_ms"].as_i64().is_some());

    db.cruddur(&project)
        .args(["migrate", "down"])
        .assert()
        .success()
        .stderr(predicate::str::contains("reverted 20240102000000_posts"));
    assert!(!db.has_table("posts"));
    assert_eq!(
        states(&db, &project),
        ["20240101000000:applied", "20240102000000:pending"]
    );
    db.cruddur(&project).arg("migrate").assert().success();
    db.cruddur(&project)
        .args(["migrate", "down", "--steps", "2"])
        .assert()
        .success();
    assert_eq!(
        states(&db, &project),
        ["20240101000000:pending", "20240102000000:pending"]
    );
    db.cruddur(&project).arg("migrate").assert().success();
    db.query("INSERT INTO posts VALUES (1)");
    db.cruddur(&project)
        .args(["migrate", "redo"])
        .assert()
        .success()
        .stderr(predicate::str::contains("reverted 20240102000000_posts"))
        .stderr(predicate::str::contains("applied 20240102000000_posts"));
    assert_eq!(db.query("SELECT count(*) FROM posts"), "0");
}

#[test]
fn a_failing_migration_applies_nothing_of_itself_and_keeps_the_ones_before() {
    let (db, project) = seeded();
    migration(&project, "1_first.sql", POSTS);
    migration(
        &project,
        "2_broken.sql",
        "-- migrate:up\nCREATE TABLE half (id int);\nINSERT INTO nowhere VALUES (1);\n-- migrate:down\n",
    );
    migration(
        &project,
        "3_after.sql",
        "-- migrate:up\nCREATE TABLE after (id int);\n",
    );
    db.cruddur(&project)
        .arg("migrate")
        .assert()
        .code(5)
        .stderr(predicate::str::contains(
            "1 migration(s) before it in this run stay applied",
        ))
        .stderr(predicate::str::contains("migration 2_broken failed"))
        .stderr(predicate::str::contains(
            "2_broken.sql:3:13: ERROR: relation \"nowhere\" does not exist",
        ))
        .stderr(predicate::str::contains(
            " 3 | INSERT INTO nowhere VALUES (1);",
        ));
    assert!(db.has_table("posts"));
    assert!(!db.has_table("half"));
    assert!(!db.has_table("after"));
    assert_eq!(
        states(&db, &project),
        ["1:applied", "2:pending", "3:pending"]
    );
}

#[test]
fn four_migrators_at_once_apply_a_migration_exactly_once() {
    let (db, project) = seeded();
    migration(
        &project,
        "1_counted.sql",
        "-- migrate:up\nCREATE TABLE IF NOT EXISTS runs (n int);\nINSERT INTO runs VALUES (1);\nSELECT pg_sleep(0.5);\n",
    );
    let outputs = db.run_at_once(&project, 4, &["migrate"]);
    for output in &outputs {
        assert!(output.status.success(), "{}", output_text(output).1);
    }
    assert_eq!(db.query("SELECT count(*) FROM runs"), "1");
    assert!(
        outputs
            .iter()
            .any(|o| output_text(o).1.contains("another migrate of")),
        "nobody waited"
    );
}

#[test]
fn create_index_concurrently_runs_with_transaction_false() {
    let (db, project) = seeded();
    migration(
        &project,
        "1_index.sql",
        "-- migrate:up\nCREATE INDEX CONCURRENTLY users_handle ON users (handle);\n",
    );
    db.cruddur(&project)
        .arg("migrate")
        .assert()
        .code(5)
        .stderr(predicate::str::contains(
            "cannot run inside a transaction block: add transaction:false to the migration's",
        ));
    migration(
        &project,
        "1_index.sql",
        "-- migrate:up transaction:false\nCREATE INDEX CONCURRENTLY users_handle ON users (handle);\n-- migrate:down transaction:false\nDROP INDEX CONCURRENTLY users_handle;\n",
    );
    db.cruddur(&project).arg("migrate").assert().success();
    assert!(db.has_table("users_handle"));
    db.cruddur(&project)
        .args(["migrate", "down"])
        .assert()
        .success();
    assert!(!db.has_table("users_handle"));
}

#[test]
fn an_edited_applied_migration_is_refused_but_a_crlf_checkout_is_not_a_change() {
    let (db, project) = seeded();
    migration(&project, "1_posts.sql", POSTS);
    db.cruddur(&project).arg("migrate").assert().success();
    migration(&project, "1_posts.sql", &POSTS.replace('\n', "\r\n"));
    assert_eq!(states(&db, &project), ["1:applied"]);
    migration(
        &project,
        "1_posts.sql",
        &POSTS.replace("id int", "id bigint"),
    );
    migration(
        &project,
        "2_more.sql",
        "-- migrate:up\nCREATE TABLE more (id int);\n",
    );
    assert_eq!(states(&db, &project), ["1:modified", "2:pending"]);
    db.cruddur(&project)
        .arg("migrate")
        .assert()
        .failure()
        .stderr(predicate::str::contains(
            "1_posts.sql was applied and has changed since",
        ))
        .stderr(predicate::str::contains("--allow-modified"));
    assert!(!db.has_table("more"));
    db.cruddur(&project)
        .args(["migrate", "--allow-modified"])
        .assert()
        .success();
    assert!(db.has_table("more"));
    std::fs::remove_file(project.path().join("sql/migrations/2_more.sql")).unwrap();
    assert_eq!(states(&db, &project), ["1:modified", "2:missing"]);
}

#[test]
fn a_migration_older_than_the_newest_applied_is_refused_unless_allowed() {
    let (db, project) = seeded();
    migration(&project, "20240105000000_posts.sql", POSTS);
    db.cruddur(&project).arg("migrate").assert().success();
    migration(&project, "20240101000000_users_bio.sql", USERS_BIO);
    db.cruddur(&project)
        .arg("migrate")
        .assert()
        .failure()
        .stderr(predicate::str::contains(
            "is older than the newest applied migration",
        ))
        .stderr(predicate::str::contains("--allow-out-of-order"));
    db.cruddur(&project)
        .args(["migrate", "--allow-out-of-order"])
        .assert()
        .success();
    assert_eq!(
        states(&db, &project),
        ["20240101000000:applied", "20240105000000:applied"]
    );
}

#[test]
fn status_exit_code_says_whether_anything_is_pending() {
    let (db, project) = seeded();
    migration(&project, "1_posts.sql", POSTS);
    db.cruddur(&project)
        .args(["migrate", "status", "--exit-code"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("1 migration(s) pending"));
    db.cruddur(&project).arg("migrate").assert().success();
    db.cruddur(&project)
        .args(["migrate", "status", "--exit-code"])
        .assert()
        .success()
        .stdout(predicate::str::contains("applied"));
}

fn dbmate() -> std::path::PathBuf {
    let output = Command::new(concat!(env!("CARGO_MANIFEST_DIR"), "/scripts/dbmate"))
        .output()
        .expect("run scripts/dbmate");
    assert!(
        output.status.success(),
        "scripts/dbmate failed (it installs the npm package dbmate): {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap().trim().into()
}

fn run_dbmate(db: &TestDb, project: &Project, args: &[&str]) -> String {
    let output = project
        .command(dbmate())
        .env("DATABASE_URL", format!("{}?sslmode=disable", db.url()))
        .args(["--migrations-dir", "sql/migrations", "--no-dump-schema"])
        .args(args)
        .output()
        .unwrap();
    let (stdout, stderr) = output_text(&output);
    assert!(output.status.success(), "dbmate {args:?}: {stdout}{stderr}");
    stdout
}

#[test]
fn dbmate_and_cruddur_db_each_see_what_the_other_applied() {
    let (db, project) = seeded();
    migration(&project, "20240101000000_users_bio.sql", USERS_BIO);
    run_dbmate(&db, &project, &["up"]);
    migration(&project, "20240102000000_posts.sql", POSTS);
    assert_eq!(
        states(&db, &project),
        ["20240101000000:applied", "20240102000000:pending"]
    );
    db.cruddur(&project)
        .arg("migrate")
        .assert()
        .success()
        .stderr(predicate::str::contains("1 applied now, 1 before"));
    let dbmate_status = run_dbmate(&db, &project, &["status"]);
    assert!(
        dbmate_status.contains("[X] 20240102000000_posts.sql"),
        "{dbmate_status}"
    );
    assert!(dbmate_status.contains("Pending: 0"), "{dbmate_status}");
    // dbmate reverts what cruddur-db applied, and cruddur-db sees it.
    run_dbmate(&db, &project, &["rollback"]);
    assert!(!db.has_table("posts"));
    assert_eq!(
        states(&db, &project),
        ["20240101000000:applied", "20240102000000:pending"]
    );
}

#[test]
fn setup_runs_pending_migrations_between_the_schema_and_the_seed() {
    let db = TestDb::new();
    let project = Project::new();
    migration(&project, "20240101000000_users_bio.sql", USERS_BIO);
    migration(&project, "20240102000000_posts.sql", POSTS);
    // The seed is written against the migrated schema.
    project.append(
        "sql/seed.sql",
        "UPDATE users SET bio = 'hello';\nINSERT INTO posts VALUES (1);\n",
    );
    // schema.sql already holds the first migration, as a dbmate schema dump records it.
    project.append(
        "sql/schema.sql",
        "ALTER TABLE users ADD COLUMN bio text;\nCREATE TABLE public.schema_migrations (version varchar(128) PRIMARY KEY);\nINSERT INTO public.schema_migrations (version) VALUES ('20240101000000');\n",
    );
    db.cruddur(&project)
        .arg("setup")
        .assert()
        .success()
        .stderr(predicate::str::contains("applied 20240102000000_posts"))
        .stderr(predicate::str::contains("applied 20240101000000").not());
    assert_eq!(
        db.query("SELECT count(*) FROM users WHERE bio = 'hello'"),
        "2"
    );
    assert_eq!(db.query("SELECT count(*) FROM posts"), "1");
    assert_eq!(
        states(&db, &project),
        ["20240101000000:applied", "20240102000000:applied"]
    );
}

/// An old Python migration as `bin/generate/migration` wrote them.
fn legacy(project: &Project, file: &str, up: &str, down: &str) {
    let class = "Migration";
    project.write(
        &format!("backend-flask/db/migrations/{file}"),
        &format!(
            "from lib.db import db\n\nclass {class}:\n  def migrate_sql():\n    data = \"\"\"\n{up}\n    \"\"\"\n    return data\n  def rollback_sql():\n    data = \"\"\"\n{down}\n    \"\"\"\n    return data\n\n  def migrate():\n    db.query_commit({class}.migrate_sql(),{{\n    }})\n\nmigration = {class}\n"
        ),
    );
}

#[test]
fn legacy_python_migrations_are_imported_and_what_ran_is_recorded() {
    let (db, project) = seeded();
    // Three stamps of time.time() with the dot removed: by value, 10 < 16 < 17 digits here,
    // though a 16-digit stamp of a later second would sort before a 17-digit one by length.
    legacy(
        &project,
        "1681186353_add_bio.py",
        "ALTER TABLE public.users ADD COLUMN bio text;",
        "ALTER TABLE public.users DROP COLUMN bio;",
    );
    legacy(
        &project,
        "1681186354286293_fill_bio.py",
        "UPDATE public.users SET bio = '100%% real';",
        "",
    );
    legacy(
        &project,
        "16811863552862935_add_posts.py",
        "CREATE TABLE public.posts (id int);",
        "DROP TABLE public.posts;",
    );
    legacy(&project, "1681186356_empty.py", "", "");
    // The old scripts ran the first two.
    db.query("ALTER TABLE users ADD COLUMN bio text; UPDATE users SET bio = '100% real'");
    db.query("CREATE TABLE public.schema_information (id integer UNIQUE, last_successful_run text); INSERT INTO schema_information VALUES (1, '1681186354286293')");

    db.cruddur(&project)
        .args(["migrate", "import-legacy", "--dry-run"])
        .assert()
        .success()
        .stderr(predicate::str::contains(
            "would import 4 legacy migration(s)",
        ));
    assert!(!project.path().join("sql/migrations").exists());

    db.cruddur(&project)
        .args(["migrate", "import-legacy"])
        .assert()
        .success()
        .stderr(predicate::str::contains("4 written, 2 recorded as applied"));
    let names: Vec<String> = status(&db, &project)
        .iter()
        .map(|m| {
            format!(
                "{}:{}",
                m["name"].as_str().unwrap(),
                m["state"].as_str().unwrap()
            )
        })
        .collect();
    assert_eq!(
        names,
        [
            "add_bio:applied",
            "fill_bio:applied",
            "add_posts:pending",
            "empty:pending"
        ]
    );
    let versions: Vec<String> = status(&db, &project)
        .iter()
        .map(|m| m["version"].as_str().unwrap().to_string())
        .collect();
    assert!(
        versions
            .iter()
            .all(|v| v.len() == 14 && v.starts_with("2023041104")),
        "{versions:?}"
    );
    let fill = std::fs::read_to_string(
        project
            .path()
            .join(format!("sql/migrations/{}_fill_bio.sql", versions[1])),
    )
    .unwrap();
    assert!(fill.contains("'100% real'"), "{fill}");

    // Twice changes nothing.
    db.cruddur(&project)
        .args(["migrate", "import-legacy"])
        .assert()
        .success()
        .stderr(predicate::str::contains("0 written, 0 recorded as applied"));
    db.cruddur(&project).arg("migrate").assert().success();
    assert!(db.has_table("posts"));
}

#[test]
fn a_legacy_migration_that_computes_its_sql_is_refused_by_name() {
    let (db, project) = seeded();
    project.write(
        "backend-flask/db/migrations/1681186353_dynamic.py",
        "class M:\n  def migrate_sql():\n    return build()\n  def rollback_sql():\n    return ''\n",
    );
    db.cruddur(&project)
        .args(["migrate", "import-legacy"])
        .assert()
        .failure()
        .stderr(predicate::str::contains(
            "1681186353_dynamic.py: migrate_sql() does not return a string literal",
        ));
}

#[test]
fn migrating_production_asks_and_down_names_what_it_reverts() {
    let db = TestDb::new();
    let project = Project::new();
    project
        .cruddur()
        .env("PROD_CONNECTION_URL", db.url())
        .args(["--prod", "setup", "--yes"])
        .assert()
        .success();
    migration(&project, "1_posts.sql", POSTS);
    let prod = |args: &[&str]| {
        project
            .cruddur()
            .env("PROD_CONNECTION_URL", db.url())
            .arg("--prod")
            .args(args)
            .assert()
    };
    prod(&["migrate"]).code(6).stderr(predicate::str::contains(
        "refusing to migrate production database",
    ));
    // Without --prod the production mark stops it even with --yes.
    db.cruddur(&project)
        .args(["migrate", "--yes"])
        .assert()
        .code(6)
        .stderr(predicate::str::contains("points at a production database"));
    prod(&["migrate", "--yes"]).success();
    prod(&["migrate", "down"])
        .code(6)
        .stderr(predicate::str::contains(
            "refusing to revert 1_posts on production database",
        ));
    assert!(db.has_table("posts"));
    prod(&["migrate", "down", "--yes"]).success();
    assert!(!db.has_table("posts"));
}

/// A session holding ACCESS SHARE on `users` in an open transaction, as a long report would.
pub fn hold_users(db: &TestDb) -> crate::harness::HeldSession {
    let mut held = db.cluster.hold_session(&db.name, "long-report");
    held.run("BEGIN; LOCK TABLE users IN ACCESS SHARE MODE; SELECT 1;");
    db.cluster
        .wait_until_holding(&db.name, "long-report", "users");
    held
}

#[test]
fn a_migration_blocked_by_a_lock_gives_up_in_time_and_names_the_blocker() {
    let (db, project) = seeded();
    migration(&project, "1_bio.sql", USERS_BIO);
    let _held = hold_users(&db);
    let started = std::time::Instant::now();
    db.cruddur(&project)
        .args(["migrate", "--lock-timeout-ddl", "1", "--lock-retries", "1"])
        .assert()
        .code(7)
        .stderr(predicate::str::contains(
            "attempt 1 got no lock within 1 s, blocked by pid",
        ))
        .stderr(predicate::str::contains(
            "application long-report, idle in transaction",
        ))
        .stderr(predicate::str::contains(": SELECT 1;)"))
        .stderr(predicate::str::contains(
            "got no lock within 1 s in 2 attempt(s); nothing of it was applied",
        ))
        .stderr(predicate::str::contains("cruddur-db kill --pid PID"));
    // Two one-second waits and a half-second pause, not an application-stopping hang.
    assert!(
        started.elapsed() < std::time::Duration::from_secs(8),
        "{:?}",
        started.elapsed()
    );
    assert_eq!(states(&db, &project), ["1:pending"]);
}

/// `migrate` (1 s lock timeout, 3 retries) of a migration adding `users.bio` while a session
/// holds `users`, released once the first attempt has given up; it must succeed on a retry.
/// Its stderr.
pub fn migrate_blocked_for_one_attempt(db: &TestDb, project: &Project) -> String {
    let held = hold_users(db);
    let mut migrate = project.cruddur_process();
    migrate.env("CONNECTION_URL", db.url()).args([
        "migrate",
        "--lock-timeout-ddl",
        "1",
        "--lock-retries",
        "3",
    ]);
    let mut migrate = Running::start(migrate);
    // The first attempt has given up: release the table for the next.
    migrate.wait_for("attempt 1 got no lock");
    drop(held);
    let (status, stderr) = migrate.finish();
    assert!(status.success(), "{stderr}");
    assert!(
        stderr.contains("attempt 1 got no lock within 1 s"),
        "{stderr}"
    );
    stderr
}

#[test]
fn a_migration_succeeds_on_retry_once_the_blocker_ends() {
    let (db, project) = seeded();
    migration(&project, "1_bio.sql", USERS_BIO);
    let stderr = migrate_blocked_for_one_attempt(&db, &project);
    assert!(stderr.contains("applied 1_bio"), "{stderr}");
    assert_eq!(states(&db, &project), ["1:applied"]);
}

#[test]
fn a_file_sets_its_own_lock_timeout() {
    let (db, project) = seeded();
    let show =
        "DO $$ BEGIN RAISE NOTICE 'lock_timeout is %', current_setting('lock_timeout'); END $$;";
    migration(
        &project,
        "1_default.sql",
        &format!("-- migrate:up\n{show}\n"),
    );
    migration(
        &project,
        "2_own.sql",
        &format!("-- migrate:up lock_timeout:30s\n{show}\n"),
    );
    migration(
        &project,
        "3_none.sql",
        &format!("-- migrate:up lock_timeout:0\n{show}\n"),
    );
    let output = db
        .cruddur(&project)
        .arg("migrate")
        .assert()
        .success()
        .get_output()
        .clone();
    let stderr = output_text(&output).1;
    let seen: Vec<&str> = stderr
        .lines()
        .filter_map(|line| line.split_once("lock_timeout is ").map(|(_, v)| v))
        .collect();
    assert_eq!(seen, ["5s", "30s", "0"], "{stderr}");
}

#[test]
fn import_legacy_takes_the_returned_assignment_and_pythons_escapes() {
    let (db, project) = seeded();
    project.write(
        "backend-flask/db/migrations/1681186353_handle_check.py",
        "class M:\n  def migrate_sql():\n    metadata = \"SELECT 'wrong one';\"\n    data = \"\"\"\n    ALTER TABLE public.users ADD CONSTRAINT handle_word CHECK (handle ~ '^\\w+$') NOT VALID;\n    \"\"\"\n    return data\n  def rollback_sql():\n    return r'ALTER TABLE public.users DROP CONSTRAINT handle_word;'\n",
    );
    db.cruddur(&project)
        .args(["migrate", "import-legacy"])
        .assert()
        .success();
    db.cruddur(&project).arg("migrate").assert().success();
    assert_eq!(
        db.query(
            "SELECT pg_get_constraintdef(oid) FROM pg_constraint WHERE conname = 'handle_word'"
        ),
        r"CHECK ((handle ~ '^\w+$'::text)) NOT VALID"
    );
}

#[test]
fn a_second_migrate_says_nothing_about_the_history_table_it_already_has() {
    let (db, project) = seeded();
    migration(&project, "1_posts.sql", POSTS);
    db.cruddur(&project).arg("migrate").assert().success();
    migration(&project, "2_bio.sql", USERS_BIO);
    db.cruddur(&project)
        .arg("migrate")
        .assert()
        .success()
        .stderr(predicate::str::contains("already exists").not())
        .stderr(predicate::str::contains("NOTICE").not());
}

#[test]
fn on_error_stop_cannot_be_turned_off() {
    let db = TestDb::new();
    db.cruddur(&Project::new())
        .args(["seed", "--set", "ON_ERROR_STOP=0"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("always stops at the first error"));
}

#[test]
fn a_migration_name_too_long_for_a_file_name_is_a_usage_error() {
    let project = Project::new();
    project
        .cruddur()
        .args(["migrate", "new", &"x".repeat(300)])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("is too long"))
        .stderr(predicate::str::contains("please report it").not());
}

#[test]
fn a_migration_saved_with_a_byte_order_mark_applies() {
    let (db, project) = seeded();
    migration(&project, "1_posts.sql", &format!("\u{feff}{POSTS}"));
    db.cruddur(&project).arg("migrate").assert().success();
    assert!(db.has_table("posts"));
    assert_eq!(states(&db, &project), ["1:applied"]);
}
