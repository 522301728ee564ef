//! Safe migrations: `migrate lint` before anything connects, annotations that accept a finding,
//! and `migrate plan`, which shows the locks a pending migration would take and who holds them.

use predicates::prelude::*;

use crate::harness::{Project, free_port, output_text};
use crate::migrate::{hold_users, migrate_blocked_for_one_attempt, migration, seeded, states};

/// Three classics (the foreign key breaks two rules) on tables that exist before the migration: each blocks writes (or more) on a
/// busy production table for as long as it scans or builds.
const DANGEROUS: &str = "-- migrate:up
CREATE INDEX users_handle ON users (handle);
ALTER TABLE users ADD COLUMN bio text NOT NULL;
ALTER TABLE activities ADD CONSTRAINT activities_user FOREIGN KEY (user_uuid) REFERENCES users (uuid);

-- migrate:down
";

#[test]
fn lint_flags_an_index_a_required_column_and_a_foreign_key_on_existing_tables() {
    let project = Project::new();
    migration(&project, "1_risky.sql", DANGEROUS);
    let output = project
        .cruddur()
        .args(["migrate", "lint"])
        .assert()
        .code(8)
        .stderr(predicate::str::contains("4 dangerous"))
        .stderr(predicate::str::contains("hint:"))
        .get_output()
        .clone();
    let stdout = output_text(&output).0;
    for expected in [
        "1_risky.sql:2:1: danger[require-concurrent-index-creation]",
        " 2 | CREATE INDEX users_handle ON users (handle);\n   | ^^^^",
        "CREATE INDEX concurrently users_handle ON users (handle);",
        "`-- migrate:up` line says `transaction:false`",
        "1_risky.sql:3:19: danger[adding-required-field]",
        "1_risky.sql:4:24: danger[constraint-missing-not-valid]",
        "-- cruddur-db:allow require-concurrent-index-creation <why>",
    ] {
        assert!(stdout.contains(expected), "no {expected:?} in:\n{stdout}");
    }
}

#[test]
fn lint_accepts_the_safe_forms_and_annotated_statements() {
    let project = Project::new();
    migration(
        &project,
        "1_index.sql",
        "-- migrate:up transaction:false\nCREATE INDEX CONCURRENTLY users_handle ON users (handle);\n-- migrate:down\n",
    );
    migration(
        &project,
        "2_fk.sql",
        "-- migrate:up
ALTER TABLE users ADD COLUMN bio text NOT NULL DEFAULT '';
ALTER TABLE activities ADD CONSTRAINT activities_user FOREIGN KEY (user_uuid) REFERENCES users (uuid) NOT VALID;
-- migrate:down
",
    );
    migration(
        &project,
        "3_validate.sql",
        "-- migrate:up\nALTER TABLE activities VALIDATE CONSTRAINT activities_user;\n-- migrate:down\n",
    );
    migration(
        &project,
        "4_annotated.sql",
        "-- migrate:up
-- cruddur-db:allow require-concurrent-index-creation reactions is empty until the feature ships
CREATE INDEX reactions_user ON reactions (user_uuid);
-- migrate:down
",
    );
    project
        .cruddur()
        .args(["migrate", "lint"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "4_annotated.sql:3:1: allowed[require-concurrent-index-creation]",
        ))
        .stdout(predicate::str::contains(
            "allowed by the file: reactions is empty until the feature ships",
        ))
        .stderr(predicate::str::contains(
            "4 file(s): 0 dangerous, 1 allowed",
        ));
}

#[test]
fn lint_json_gives_ci_each_finding_and_the_counts() {
    let project = Project::new();
    migration(&project, "1_risky.sql", DANGEROUS);
    let output = project
        .cruddur()
        .args(["migrate", "lint", "--json", "sql/migrations/1_risky.sql"])
        .assert()
        .code(8)
        .get_output()
        .clone();
    let report: serde_json::Value = serde_json::from_str(&output_text(&output).0).unwrap();
    assert_eq!(report["summary"]["blocking"], 4, "{report}");
    let first = &report["findings"][0];
    assert_eq!(first["rule"], "require-concurrent-index-creation");
    assert_eq!(
        (first["line"].as_u64(), first["column"].as_u64()),
        (Some(2), Some(1))
    );
    assert_eq!(first["severity"], "danger");
    assert_eq!(
        first["rewrite"],
        "CREATE INDEX concurrently users_handle ON users (handle);"
    );
}

#[test]
fn migrate_refuses_a_dangerous_migration_before_it_can_reach_the_database() {
    let project = Project::new();
    migration(&project, "1_risky.sql", DANGEROUS);
    let nowhere = format!("postgresql://postgres@127.0.0.1:{}/cruddur", free_port());
    project
        .cruddur()
        .env("CONNECTION_URL", &nowhere)
        .arg("migrate")
        .assert()
        .code(8)
        .stderr(predicate::str::contains(
            "danger[require-concurrent-index-creation]",
        ))
        .stderr(predicate::str::contains(
            "4 dangerous statement(s) in pending migration(s) 1_risky; nothing was run",
        ))
        .stderr(predicate::str::contains("--unsafe"));
    // With --unsafe the lint lets it through, and only then does the missing server matter.
    project
        .cruddur()
        .env("CONNECTION_URL", &nowhere)
        .args(["migrate", "--unsafe"])
        .assert()
        .code(3)
        .stderr(predicate::str::contains(
            "--unsafe: applying 1_risky despite 4",
        ));
}

#[test]
fn findings_in_migrations_already_applied_do_not_block_the_next_ones() {
    let (db, project) = seeded();
    migration(
        &project,
        "1_index.sql",
        "-- migrate:up\nCREATE INDEX users_handle ON users (handle);\n-- migrate:down\n",
    );
    db.cruddur(&project).arg("migrate").assert().code(8);
    assert_eq!(states(&db, &project), ["1:pending"]);
    db.cruddur(&project)
        .args(["migrate", "--unsafe"])
        .assert()
        .success();
    migration(
        &project,
        "2_bio.sql",
        "-- migrate:up\nALTER TABLE users ADD COLUMN bio text;\n-- migrate:down\n",
    );
    db.cruddur(&project).arg("migrate").assert().success();
    assert_eq!(states(&db, &project), ["1:applied", "2:applied"]);
}

#[test]
fn plan_shows_access_exclusive_and_the_session_holding_access_share_and_runs_nothing() {
    let (db, project) = seeded();
    db.query("ANALYZE users");
    migration(
        &project,
        "1_bio.sql",
        "-- migrate:up\nALTER TABLE users ADD COLUMN bio text;\n\nCREATE INDEX CONCURRENTLY users_bio ON users (bio);\n-- migrate:down\n",
    );
    let _held = hold_users(&db);
    for args in [&["migrate", "plan"][..], &["migrate", "--dry-run"]] {
        let output = db
            .cruddur(&project)
            .args(args)
            .assert()
            .success()
            .get_output()
            .clone();
        let stdout = output_text(&output).0;
        let rows = db.query("SELECT count(*) FROM users");
        for expected in [
            "line 2: ALTER TABLE users ADD COLUMN bio text;".to_string(),
            format!("ACCESS EXCLUSIVE on users (~{rows} rows, "),
            "blocks reads and writes".to_string(),
            "held now by pid".to_string(),
            "AccessShareLock, application long-report, idle in transaction".to_string(),
            "line 4: CREATE INDEX CONCURRENTLY users_bio ON users (bio);".to_string(),
            "SHARE UPDATE EXCLUSIVE on users".to_string(),
            // The migration runs in one transaction, where CONCURRENTLY is refused.
            "will fail: CREATE INDEX CONCURRENTLY cannot run inside a transaction; add transaction:false".to_string(),
        ] {
            assert!(
                stdout.contains(&expected),
                "{args:?}: no {expected:?} in:\n{stdout}"
            );
        }
        // ACCESS SHARE does not conflict with SHARE UPDATE EXCLUSIVE: one holder line only.
        assert_eq!(stdout.matches("held now by").count(), 1, "{stdout}");
    }
    assert_eq!(states(&db, &project), ["1:pending"]);
    assert_eq!(
        db.query("SELECT count(*) FROM information_schema.columns WHERE table_name = 'users' AND column_name = 'bio'"),
        "0"
    );
}

#[test]
fn a_transaction_false_migration_blocked_at_its_first_statement_is_tried_again() {
    let (db, project) = seeded();
    migration(
        &project,
        "1_bio.sql",
        "-- migrate:up transaction:false\nALTER TABLE users ADD COLUMN bio text;\nCREATE TABLE notes (id bigint);\n-- migrate:down\n",
    );
    migrate_blocked_for_one_attempt(&db, &project);
    assert_eq!(states(&db, &project), ["1:applied"]);
    assert!(db.has_table("notes"));
}

#[test]
fn a_transaction_false_migration_blocked_after_a_completed_statement_is_not_run_twice() {
    let (db, project) = seeded();
    migration(
        &project,
        "1_bio.sql",
        "-- migrate:up transaction:false\nCREATE TABLE notes (id bigint);\nALTER TABLE users ADD COLUMN bio text;\n-- migrate:down\n",
    );
    let _held = hold_users(&db);
    db.cruddur(&project)
        .args(["migrate", "--lock-timeout-ddl", "1", "--lock-retries", "3"])
        .assert()
        .code(7)
        .stderr(predicate::str::contains(
            "in 1 attempt(s); its statements before the blocked one stay applied",
        ))
        .stderr(predicate::str::contains(
            "1 statement(s) before it completed and stay applied",
        ))
        .stderr(predicate::str::contains("attempt 1 got no lock").not());
    assert!(db.has_table("notes"));
    assert_eq!(states(&db, &project), ["1:pending"]);
}

#[test]
fn lint_of_named_files_needs_no_project_and_names_a_missing_one_plainly() {
    let outside = tempfile::tempdir().unwrap();
    let file = outside.path().join("20240101000000_x.sql");
    std::fs::write(
        &file,
        "-- migrate:up\n\\set tbl users\nCREATE INDEX x ON :tbl (handle);\n-- migrate:down\n",
    )
    .unwrap();
    let lint = |path: &std::path::Path| {
        let mut command = assert_cmd::Command::cargo_bin("cruddur-db").unwrap();
        command
            .current_dir(outside.path())
            .env_clear()
            .env("HOME", outside.path())
            .args(["migrate", "lint"])
            .arg(path);
        command
    };
    lint(&file)
        .assert()
        .code(8)
        .stdout(predicate::str::contains(
            "20240101000000_x.sql:3:1: danger[require-concurrent-index-creation]",
        ))
        .stdout(predicate::str::contains("syntax").not());
    lint(&outside.path().join("missing.sql"))
        .assert()
        .code(1)
        .stderr(predicate::str::contains("missing.sql"))
        .stderr(predicate::str::contains("check the path"))
        .stderr(predicate::str::contains("UTF-8").not());
}

#[test]
fn a_statement_before_the_up_part_is_refused_and_nothing_is_recorded() {
    let (db, project) = seeded();
    migration(
        &project,
        "1_stray.sql",
        "CREATE TABLE stray (id int);\n-- migrate:up\nSELECT 1;\n-- migrate:down\n",
    );
    for command in [&["migrate"][..], &["migrate", "lint"]] {
        db.cruddur(&project)
            .args(command)
            .assert()
            .failure()
            .stderr(predicate::str::contains(
                "1_stray.sql:1: a statement before `-- migrate:up`",
            ));
    }
    assert!(!db.has_table("stray"));
    assert!(
        !db.has_table("schema_migrations")
            || db.query("SELECT count(*) FROM schema_migrations") == "0"
    );
}

#[test]
fn sigterm_in_a_transaction_false_migration_says_what_stayed_applied_and_that_it_is_not_recorded() {
    let (db, project) = seeded();
    migration(
        &project,
        "1_notes.sql",
        "-- migrate:up transaction:false\nCREATE TABLE notes (id int);\nSELECT pg_sleep(60) AS migrate_sleeping;\n-- migrate:down\n",
    );
    let child = project
        .cruddur_process()
        .env("CONNECTION_URL", db.url())
        .arg("migrate")
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    db.wait_until_running("migrate_sleeping");
    unsafe { libc::kill(child.id() as i32, libc::SIGTERM) };
    let output = child.wait_with_output().unwrap();
    let stderr = output_text(&output).1;
    assert_eq!(output.status.code(), Some(143), "{stderr}");
    assert!(
        stderr.contains("migration 1_notes runs without a transaction (transaction:false): 1 of its statements completed and stay applied, but it is not recorded as applied"),
        "{stderr}"
    );
    assert!(!stderr.contains("rolled back"), "{stderr}");
    assert!(!stderr.contains("--no-transaction"), "{stderr}");
    assert!(db.has_table("notes"));
    assert_eq!(states(&db, &project), ["1:pending"]);
}

#[test]
fn migrators_started_together_all_succeed_when_a_migration_builds_an_index_concurrently() {
    for copies in [2, 4] {
        for _round in 0..3 {
            let (db, project) = seeded();
            migration(
                &project,
                "1_handle_index.sql",
                "-- migrate:up transaction:false\nCREATE INDEX CONCURRENTLY users_handle_idx ON users (handle);\n-- migrate:down\nDROP INDEX users_handle_idx;\n",
            );
            for output in db.run_at_once(&project, copies, &["migrate"]) {
                let stderr = output_text(&output).1;
                assert!(output.status.success(), "{copies} at once: {stderr}");
            }
            assert_eq!(
                db.query("SELECT indisvalid FROM pg_index WHERE indexrelid = 'users_handle_idx'::regclass"),
                "t"
            );
            assert_eq!(states(&db, &project), ["1:applied"]);
        }
    }
}
