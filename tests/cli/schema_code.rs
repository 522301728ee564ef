//! Schema as code: `dump` reproduces a schema exactly and byte for byte, `diff` applied to a
//! database holding schema A leaves it with schema B for pairs of real schema histories, drift
//! shows where people look, and `migrate new --diff` writes the migration. "The same schema"
//! is decided by pg_dump and by catalog queries (`harness::pg_dump_schema`,
//! `harness::schema_facts`), never by our own reader.

use std::path::{Path, PathBuf};

use predicates::prelude::*;

use crate::corpus;
use crate::harness::{Project, TestDb, output_text, pg_dump_schema, schema_facts};

pub fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/schemas")
        .join(name)
}

/// Every schema the round trips run on: the fixtures in the styles of real histories, the old
/// scripts' schema, and every schema of the Cruddur corpus.
fn schemas() -> Vec<(String, PathBuf)> {
    let mut all: Vec<(String, PathBuf)> = [
        "every_object_a.sql",
        "every_object_b.sql",
        "every_kind_a.sql",
        "every_kind_b.sql",
        "prisma_1.sql",
        "prisma_2.sql",
        "rails_1.sql",
        "rails_2.sql",
        "partitions_a.sql",
        "partitions_b.sql",
    ]
    .iter()
    .map(|name| (name.to_string(), fixture(name)))
    .collect();
    let legacy = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/legacy/db/schema.sql");
    if legacy.exists() {
        all.push(("legacy".to_string(), legacy));
    }
    if let Some(dir) = corpus::corpus_dir() {
        for (name, schema, _) in corpus::cases(&dir) {
            if !all.iter().any(|(_, path)| *path == schema) {
                all.push((name, schema));
            }
        }
    } else {
        crate::harness::skip("no ../shared/corpus: its schemas are left out of the round trips");
    }
    all
}

/// A new database loaded with `files` by psql, in order; `None` when psql cannot load them.
pub fn loaded_with(files: &[&Path]) -> Option<TestDb> {
    let db = TestDb::new();
    db.create();
    for file in files {
        let ok = db
            .cluster
            .psql_command(&db.name)
            .args(["-X", "-q", "-v", "ON_ERROR_STOP=1", "-f"])
            .arg(file)
            .output()
            .unwrap()
            .status
            .success();
        if !ok {
            return None;
        }
    }
    Some(db)
}

/// A new database loaded with `file` by psql; `None` when psql cannot load it.
pub fn loaded(file: &Path) -> Option<TestDb> {
    loaded_with(&[file])
}

/// Run `sql` on `db` with psql, stopping at the first error, which it returns.
pub fn run_sql(db: &TestDb, sql: &str) -> Result<(), String> {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.sql");
    std::fs::write(&path, sql).unwrap();
    let output = db
        .cluster
        .psql_command(&db.name)
        .args(["-X", "-q", "-v", "ON_ERROR_STOP=1", "-f"])
        .arg(&path)
        .output()
        .unwrap();
    match output.status.success() {
        true => Ok(()),
        false => Err(String::from_utf8_lossy(&output.stderr).to_string()),
    }
}

fn dump(db: &TestDb, project: &Project) -> String {
    dump_with(db, project, &[])
}

/// `cruddur-db dump - ARGS` of `db`.
pub fn dump_with(db: &TestDb, project: &Project, args: &[&str]) -> String {
    let output = db
        .cruddur(project)
        .args(["dump", "-"])
        .args(args)
        .assert()
        .success()
        .get_output()
        .clone();
    output_text(&output).0
}

/// pg_dump's view of `db`'s schema; `None` (a skip, which CI refuses) when no pg_dump as new
/// as the server is at hand.
pub fn oracle(db: &TestDb, owners_and_privileges: bool) -> Option<String> {
    let text = pg_dump_schema(db, owners_and_privileges);
    if text.is_none() {
        crate::harness::skip(
            "no pg_dump as new as the test server (CRUDDUR_TEST_PG_CLIENT_BINDIR=$(scripts/pg-client MAJOR))",
        );
    }
    text
}

#[test]
fn every_dump_reloads_to_the_schema_pg_dump_sees_in_the_original_and_dumps_the_same_bytes() {
    let project = Project::new();
    let mut tried = 0;
    for (name, file) in schemas() {
        let Some(original) = loaded(&file) else {
            continue;
        };
        tried += 1;
        let text = dump(&original, &project);
        assert_eq!(dump(&original, &project), text, "{name}: two dumps differ");
        let copy = TestDb::new();
        copy.create();
        run_sql(&copy, &text)
            .unwrap_or_else(|err| panic!("{name}: the dump does not load: {err}\n{text}"));
        let Some(expected) = oracle(&original, false) else {
            return;
        };
        assert_eq!(
            oracle(&copy, false).unwrap(),
            expected,
            "{name}: pg_dump -s differs\n{text}"
        );
        assert_eq!(schema_facts(&copy), schema_facts(&original), "{name}");
        // The same schema in another database: the same file but for the name in its header.
        let again = dump(&copy, &project);
        let body = |t: &str| t.split_once('\n').map(|(_, b)| b.to_string()).unwrap();
        assert_eq!(body(&again), body(&text), "{name}");
    }
    assert!(tried >= 9, "only {tried} schemas loaded");
}

#[test]
fn a_dump_with_owners_and_privileges_reloads_to_what_pg_dump_sees_with_them() {
    let project = Project::new();
    let original = loaded_with(&[&fixture("every_object_a.sql"), &fixture("privileges.sql")])
        .expect("the fixtures load");
    let text = dump_with(&original, &project, &["--owners", "--privileges"]);
    for statement in [
        "ALTER TABLE app.accounts OWNER TO cdb_owner;",
        "REVOKE EXECUTE ON FUNCTION app.rev_cmp(integer,integer) FROM PUBLIC;",
        "GRANT INSERT, SELECT ON TABLE app.events TO cdb_reader WITH GRANT OPTION;",
        "GRANT SELECT (note), UPDATE (note) ON TABLE app.audit TO cdb_reader;",
        "ALTER DEFAULT PRIVILEGES FOR ROLE cdb_owner REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC;",
    ] {
        assert!(text.contains(statement), "{statement}\n{text}");
    }
    let copy = TestDb::new();
    copy.create();
    run_sql(&copy, &text).unwrap_or_else(|err| panic!("the dump does not load: {err}\n{text}"));
    let Some(expected) = oracle(&original, true) else {
        return;
    };
    assert_eq!(oracle(&copy, true).unwrap(), expected, "{text}");
    // Without the flags, the file names no role: it loads where those roles do not exist.
    let portable = dump(&original, &project);
    assert!(
        !portable.contains("cdb_owner") && !portable.contains("GRANT"),
        "{portable}"
    );
}

/// Pairs (A, B) where B is a later (or, reversed, an earlier) version of A.
fn pairs() -> Vec<(String, PathBuf, PathBuf)> {
    let mut pairs = Vec::new();
    for (a, b) in [
        ("every_object_a.sql", "every_object_b.sql"),
        ("every_kind_a.sql", "every_kind_b.sql"),
        ("prisma_1.sql", "prisma_2.sql"),
        ("rails_1.sql", "rails_2.sql"),
        ("partitions_a.sql", "partitions_b.sql"),
    ] {
        pairs.push((format!("{a} -> {b}"), fixture(a), fixture(b)));
        pairs.push((format!("{b} -> {a}"), fixture(b), fixture(a)));
    }
    // The old scripts' schema is an early week of the bootcamp; the corpus holds later ones.
    let all = schemas();
    if let Some((_, legacy)) = all.iter().find(|(name, _)| name == "legacy") {
        for (name, later) in all.iter().filter(|(n, _)| n.contains("__")) {
            pairs.push((format!("legacy -> {name}"), legacy.clone(), later.clone()));
            pairs.push((format!("{name} -> legacy"), later.clone(), legacy.clone()));
        }
    }
    pairs
}

#[test]
fn diff_applied_to_a_database_with_schema_a_leaves_it_with_schema_b() {
    let project = Project::new();
    let mut tried = 0;
    for (name, a, b) in pairs() {
        let (Some(from), Some(to)) = (loaded(&a), loaded(&b)) else {
            continue;
        };
        tried += 1;
        let output = from
            .cruddur(&project)
            .args(["diff", "--to", &format!("url:{}", to.url())])
            .output()
            .unwrap();
        let (plan, stderr) = output_text(&output);
        assert!(output.status.success(), "{name}: {stderr}");
        run_sql(&from, &plan).unwrap_or_else(|err| panic!("{name}: the plan fails: {err}\n{plan}"));
        assert_eq!(schema_facts(&from), schema_facts(&to), "{name}\n{plan}");
        from.cruddur(&project)
            .args(["diff", "--exit-code", "--to", &format!("url:{}", to.url())])
            .assert()
            .success()
            .stderr(predicate::str::contains("the same schema"));
        // Two databases diff calls equal dump equal (the order of columns aside, which a plan
        // does not change).
        let lines = |db: &TestDb| {
            let text = dump(db, &project);
            let mut lines: Vec<String> = text
                .lines()
                .skip(1)
                .map(|line| line.trim_end_matches(',').to_string())
                .collect();
            lines.sort();
            lines
        };
        assert_eq!(
            lines(&from),
            lines(&to),
            "{name}: equal to diff, not to dump"
        );
    }
    assert!(tried >= 10, "only {tried} pairs loaded");
}

#[test]
fn diff_says_what_changes_flags_data_loss_and_builds_indexes_concurrently() {
    let project = Project::new();
    let from = loaded(&fixture("prisma_1.sql")).unwrap();
    let to = loaded(&fixture("prisma_2.sql")).unwrap();
    let output = from
        .cruddur(&project)
        .args(["diff", "--to", &format!("url:{}", to.url())])
        .output()
        .unwrap();
    let (plan, summary) = output_text(&output);
    assert!(summary.contains("+ table public.\"Profile\""), "{summary}");
    assert!(
        summary.contains("- column public.\"Post\".published (data loss)"),
        "{summary}"
    );
    assert!(
        summary.contains("~ column public.\"User\".name"),
        "{summary}"
    );
    assert!(
        plan.contains("-- DATA LOSS: drops column public.\"Post\".published"),
        "{plan}"
    );
    assert!(
        plan.contains("CREATE INDEX CONCURRENTLY \"Post_authorId_idx\""),
        "{plan}"
    );
    assert!(
        plan.contains("Phase 2 of 3: outside any transaction"),
        "{plan}"
    );
    // NOT NULL on a table with rows: proved by a validated check first.
    assert!(
        plan.contains("CHECK (name IS NOT NULL) NOT VALID"),
        "{plan}"
    );
    // A new foreign key on an existing table: NOT VALID, then validated.
    assert!(
        plan.contains("FOREIGN KEY (\"authorId\") REFERENCES public.\"User\"(id) ON UPDATE CASCADE ON DELETE CASCADE NOT VALID;"),
        "{plan}"
    );

    let json = from
        .cruddur(&project)
        .args(["diff", "--json", "--to", &format!("url:{}", to.url())])
        .output()
        .unwrap();
    let steps: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    let profile = steps
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["name"] == "public.\"Profile\"" && s["kind"] == "table")
        .expect("the new table is listed");
    assert_eq!(profile["change"], "create");
    assert!(
        profile["sql"][0]
            .as_str()
            .unwrap()
            .starts_with("CREATE TABLE public.\"Profile\"")
    );
}

#[test]
fn diff_by_default_compares_the_database_with_its_files_and_exit_code_gates_drift() {
    let db = TestDb::new();
    let project = Project::new();
    db.cruddur(&project).arg("setup").assert().success();
    db.cruddur(&project)
        .args(["diff", "--exit-code"])
        .assert()
        .success()
        .stderr(predicate::str::contains("db -> files: the same schema"));
    // A column added by hand during an incident.
    db.query("ALTER TABLE users ADD COLUMN hotfix text");
    db.cruddur(&project)
        .args(["diff", "--exit-code"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "- column public.users.hotfix (data loss)",
        ))
        .stderr(predicate::str::contains(
            "the schemas of db and files differ",
        ))
        .stdout(predicate::str::contains(
            "ALTER TABLE public.users DROP COLUMN hotfix;",
        ));
    db.cruddur(&project)
        .args(["migrate", "status"])
        .assert()
        .success()
        .stderr(predicate::str::contains("the database differs from what its files build (1 change(s)): run `cruddur-db diff` to see"));
    db.cruddur(&project)
        .arg("doctor")
        .assert()
        .code(1)
        .stderr(predicate::str::contains("schema"))
        .stderr(predicate::str::contains(
            "the database differs from what sql/schema.sql and the migrations build",
        ));
    // No scratch database is left behind.
    assert_eq!(db.kept_aside("diff"), Vec::<String>::new());
}

#[test]
fn migrate_new_diff_writes_the_migration_from_the_database_to_schema_sql() {
    let db = TestDb::new();
    let project = Project::new();
    db.cruddur(&project).arg("setup").assert().success();
    db.cruddur(&project)
        .args(["migrate", "new", "nothing", "--diff"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("nothing to migrate"));
    project.append(
        "sql/schema.sql",
        "ALTER TABLE public.users ADD COLUMN bio text;\nCREATE INDEX users_handle ON public.users (handle);\n",
    );
    let output = db
        .cruddur(&project)
        .args(["migrate", "new", "add_bio", "--diff"])
        .assert()
        .success()
        .get_output()
        .clone();
    let (paths, stderr) = output_text(&output);
    assert!(stderr.contains("+ column public.users.bio"), "{stderr}");
    let written: Vec<&str> = paths.lines().collect();
    assert_eq!(written.len(), 2, "{paths}");
    let main = std::fs::read_to_string(project.path().join(written[0])).unwrap();
    assert!(
        main.starts_with("-- migrate:up\n-- Phase 1 of 1: one transaction")
            && main.contains("\nALTER TABLE public.users ADD COLUMN bio text;\n"),
        "{main}"
    );
    let index = std::fs::read_to_string(project.path().join(written[1])).unwrap();
    assert!(
        index.contains("-- migrate:up transaction:false\n")
            && index.contains("\nCREATE INDEX CONCURRENTLY users_handle"),
        "{index}"
    );
    // Rolled back first, the second migration's down part is the way back's catalog phase.
    assert!(
        index.contains("-- migrate:down\n-- Phase 1 of 1: one transaction")
            && index.contains("-- DATA LOSS: drops column public.users.bio"),
        "{index}"
    );
    // What diff writes passes the linter, and migrate applies it.
    db.cruddur(&project)
        .args(["migrate", "lint"])
        .assert()
        .success();
    db.cruddur(&project).arg("migrate").assert().success();
    assert_eq!(
        db.query("SELECT count(*) FROM information_schema.columns WHERE table_name = 'users' AND column_name = 'bio'"),
        "1"
    );
    // A change that loses data: migrate refuses it until the statement is annotated.
    let schema = std::fs::read_to_string(project.path().join("sql/schema.sql")).unwrap();
    project.write(
        "sql/schema.sql",
        &schema.replace("ALTER TABLE public.users ADD COLUMN bio text;\n", ""),
    );
    db.cruddur(&project)
        .args(["migrate", "new", "drop_bio", "--diff"])
        .assert()
        .success()
        .stderr(predicate::str::contains("it loses data"));
    db.cruddur(&project)
        .arg("migrate")
        .assert()
        .code(8)
        .stderr(predicate::str::contains("ban-drop-column"));
}

#[test]
fn migrate_dump_rewrites_schema_sql_with_the_history_so_setup_finds_them_applied() {
    let db = TestDb::new();
    let project = Project::new();
    project.write(
        "sql/migrations/20240101000000_bio.sql",
        "-- migrate:up\nALTER TABLE users ADD COLUMN bio text;\n-- migrate:down\nALTER TABLE users DROP COLUMN bio;\n",
    );
    db.cruddur(&project).arg("setup").assert().success();
    db.cruddur(&project)
        .args(["migrate", "--dump"])
        .assert()
        .success()
        .stderr(predicate::str::contains(
            "== dump sql/schema.sql: rewritten",
        ));
    let schema = std::fs::read_to_string(project.path().join("sql/schema.sql")).unwrap();
    assert!(schema.contains("    bio text"), "{schema}");
    assert!(schema.contains("COPY public.schema_migrations"), "{schema}");
    assert!(schema.contains("20240101000000"), "{schema}");
    let fresh = TestDb::new();
    fresh
        .cruddur(&project)
        .arg("setup")
        .assert()
        .success()
        .stderr(predicate::str::contains("applied 20240101000000").not());
    assert_eq!(schema_facts(&fresh), schema_facts(&db));
}

#[test]
fn dump_writes_schema_sql_and_data_of_reference_tables() {
    let db = TestDb::new();
    let project = Project::new();
    db.cruddur(&project).arg("setup").assert().success();
    db.query("CREATE TABLE moods (id serial PRIMARY KEY, name text UNIQUE); INSERT INTO moods (name) VALUES ('happy'), ('sad')");
    db.cruddur(&project)
        .args(["dump", "--data", "moods"])
        .assert()
        .success()
        .stderr(predicate::str::contains("== dump sql/schema.sql:"));
    let schema = std::fs::read_to_string(project.path().join("sql/schema.sql")).unwrap();
    assert!(
        schema.contains("COPY public.moods (id, name) FROM stdin;\n1\thappy\n2\tsad\n\\.\n"),
        "{schema}"
    );
    let copy = TestDb::new();
    copy.create();
    copy.cruddur(&project)
        .args(["schema-load"])
        .assert()
        .success();
    assert_eq!(
        copy.query("SELECT string_agg(name, ',' ORDER BY id) FROM moods"),
        "happy,sad"
    );
    // The sequence moved past the rows.
    assert_eq!(copy.query("SELECT nextval('moods_id_seq')"), "3");
    db.cruddur(&project)
        .args(["dump", "--data", "nowhere"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("--data nowhere: no such table"));
}

#[test]
fn bad_sources_fail_clearly_and_leave_no_scratch_database() {
    let db = TestDb::new();
    let project = Project::new();
    db.cruddur(&project).arg("setup").assert().success();
    db.cruddur(&project)
        .args(["diff", "--to", "nonsense"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("is not a schema source"));
    // A mistyped url: source is not echoed: it may hold a password.
    db.cruddur(&project)
        .args(["diff", "--to", &format!("ur:{}", db.url())])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "\"ur:...\" is not a schema source",
        ))
        .stderr(predicate::str::contains(crate::harness::PASSWORD).not())
        .stderr(predicate::str::contains(crate::harness::encode(crate::harness::PASSWORD)).not());
    db.cruddur(&project)
        .args(["diff", "--to", "snapshot:nope"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("no snapshot \"nope\""));
    db.cruddur(&project)
        .args(["diff", "--to", "file:missing.sql"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("no such file"));
    project.write(
        "broken.sql",
        "CREATE TABLE ok (id int);\nCREATE TABLE broken (id nosuchtype);\n",
    );
    db.cruddur(&project)
        .args(["diff", "--to", "file:broken.sql"])
        .assert()
        .code(5)
        .stderr(predicate::str::contains("broken.sql:2"))
        .stderr(predicate::str::contains("could not build"));
    db.cruddur(&project)
        .args([
            "diff",
            "--to",
            &format!("url:{}", db.url().replace(&db.name, "no_such_db")),
        ])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("does not exist"));
    assert_eq!(db.kept_aside("diff"), Vec::<String>::new());
}

#[test]
fn ctrl_c_while_a_scratch_database_builds_removes_it() {
    let db = TestDb::new();
    let project = Project::new();
    db.cruddur(&project).arg("setup").assert().success();
    project.write(
        "slow.sql",
        "CREATE TABLE t (id int);\nSELECT pg_sleep(60);\n",
    );
    let mut command = project.cruddur_process();
    command
        .env("CONNECTION_URL", db.url())
        .args(["diff", "--to", "file:slow.sql"]);
    let running = crate::running::Running::start(command);
    db.cluster.poll(
        "postgres",
        &format!("SELECT 1 FROM pg_stat_activity WHERE datname LIKE '{}\\_cdb\\_diff\\_%' AND query LIKE '%pg_sleep(60)%'", db.name),
        "the scratch build running its sleep",
    );
    running.signal(libc::SIGINT);
    let (status, stderr) = running.finish();
    assert_eq!(status.code(), Some(130), "{stderr}");
    assert_eq!(db.kept_aside("diff"), Vec::<String>::new());
}

#[test]
fn scratch_databases_are_never_built_on_a_production_server() {
    let db = TestDb::new();
    let project = Project::new();
    db.cruddur(&project).arg("setup").assert().success();
    // CONNECTION_URL's database is PROD_CONNECTION_URL's: the development server is production.
    project
        .cruddur()
        .env("CONNECTION_URL", db.url())
        .env("PROD_CONNECTION_URL", db.url())
        .args([
            "--prod",
            "diff",
            "--to",
            "files",
            "--scratch-url",
            &db.url(),
        ])
        .assert()
        .code(6)
        .stderr(predicate::str::contains(
            "will not build a scratch database",
        ));
    // An RDS host, reached through hostaddr.
    let rds = format!(
        "host=cruddur.abc123.us-east-1.rds.amazonaws.com hostaddr=127.0.0.1 port={} dbname={} user=postgres password={} sslmode=disable",
        db.cluster.port,
        db.name,
        crate::harness::PASSWORD
    );
    db.cruddur(&project)
        .args(["diff", "--scratch-url", &rds])
        .assert()
        .code(6)
        .stderr(predicate::str::contains("is on an RDS host"));
}

#[test]
fn diff_prod_exit_code_reads_production_without_asking_and_builds_on_the_development_server() {
    let production = TestDb::production();
    let project = Project::new();
    project
        .cruddur()
        .env("PROD_CONNECTION_URL", production.url())
        .args(["--prod", "setup", "--yes"])
        .assert()
        .success();
    let development = TestDb::new();
    development.create();
    let drift_gate = |project: &Project| {
        project
            .cruddur()
            .env("PROD_CONNECTION_URL", production.url())
            .env("CONNECTION_URL", development.url())
            .args(["--prod", "diff", "--exit-code"])
            .assert()
    };
    project
        .cruddur()
        .env("PROD_CONNECTION_URL", production.url())
        .env("CONNECTION_URL", development.url())
        .args(["--prod", "-v", "diff", "--exit-code"])
        .assert()
        .success()
        .stderr(predicate::str::contains("db -> files: the same schema"))
        // Built beside the development database, never production's.
        .stderr(predicate::str::contains(format!(
            "> CREATE DATABASE \"{}_cdb_diff_",
            development.name
        )));
    assert_eq!(development.kept_aside("diff"), Vec::<String>::new());
    project.append("sql/schema.sql", "CREATE TABLE public.audit (id int);\n");
    drift_gate(&project)
        .code(1)
        .stderr(predicate::str::contains("+ table public.audit"));
}

#[test]
fn dump_and_diff_write_nothing_to_the_databases_they_read() {
    let project = Project::new();
    let from = loaded(&fixture("rails_1.sql")).unwrap();
    let to = loaded(&fixture("rails_2.sql")).unwrap();
    // Any write cruddur-db attempted there would now fail.
    for db in [&from, &to] {
        db.query(&format!(
            "ALTER DATABASE {} SET default_transaction_read_only = on",
            crate::harness::ident(&db.name)
        ));
    }
    let before = (schema_facts(&from), schema_facts(&to));
    from.cruddur(&project)
        .args(["diff", "--to", &format!("url:{}", to.url())])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "CREATE TYPE public.article_status",
        ));
    from.cruddur(&project)
        .args(["dump", "-"])
        .assert()
        .success();
    assert_eq!((schema_facts(&from), schema_facts(&to)), before);
}

#[test]
fn dump_and_diff_under_a_held_lock_name_the_table_and_the_session_holding_it() {
    let db = TestDb::new();
    let project = Project::new();
    db.cruddur(&project).arg("setup").assert().success();
    let mut holder = db.cluster.hold_session(&db.name, "schema-lock-holder");
    holder.run("BEGIN; LOCK TABLE users IN ACCESS EXCLUSIVE MODE;");
    db.cluster
        .wait_until_holding(&db.name, "schema-lock-holder", "users");
    let pid = db.cluster.pid_of("schema-lock-holder");
    // Each of the reader's pipelined queries may be the one to surface first: the report must
    // not depend on which.
    for args in [["dump", "-"], ["diff", "--exit-code"]]
        .iter()
        .flat_map(|args| [args, args])
    {
        let output = db.cruddur(&project).args(args).output().unwrap();
        let (stdout, stderr) = output_text(&output);
        assert_eq!(output.status.code(), Some(1), "{args:?}: {stderr}");
        assert!(
            stderr.contains(&format!("pid {pid} on users"))
                || stderr.contains(&format!("pid {pid} on public.users")),
            "{args:?}: {stderr}"
        );
        assert!(stderr.contains("inspect blocking"), "{args:?}: {stderr}");
        for text in [&stdout, &stderr] {
            assert!(!text.contains("WARNING"), "{args:?}: {text}");
            assert!(!text.contains("aborted"), "{args:?}: {text}");
        }
    }
}
