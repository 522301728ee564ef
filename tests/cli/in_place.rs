//! `setup` on a database that exists resets it in place, in one transaction: the result is the
//! one a fresh build gives, a failure or a signal leaves the old data, and whatever in place
//! could not reproduce sends it aside, saying why.

use predicates::prelude::*;

use crate::corpus;
use crate::harness::{Project, TestDb, output_text};
use crate::running::Running;

/// Every table's rows, on the columns whose values the files decide: random UUIDs and the
/// clock differ between any two loads, so their columns are left out; the row count is not.
const ROWS: &str = r#"
SELECT c.oid::regclass::text, format('SELECT count(*) || %L || coalesce(string_agg(r::text, %L ORDER BY r::text), %L) FROM (SELECT %s FROM %s) r',
         ': ', ' | ', '',
         coalesce(string_agg(quote_ident(a.attname), ', ' ORDER BY a.attnum)
                  FILTER (WHERE a.atttypid NOT IN ('uuid'::regtype, 'timestamp'::regtype, 'timestamptz'::regtype, 'date'::regtype, 'time'::regtype)),
                  'NULL'),
         c.oid::regclass)
  FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
 WHERE c.relkind IN ('r', 'p') AND c.relnamespace::regnamespace::text !~ '^pg_' AND c.relnamespace::regnamespace::text <> 'information_schema'
 GROUP BY c.oid ORDER BY 1"#;

/// The schema and every table's rows of `db`.
fn contents(db: &TestDb) -> String {
    let mut all = crate::harness::schema_facts(db);
    for line in db.query(ROWS).lines().filter(|l| !l.is_empty()) {
        let (table, query) = line.split_once('|').unwrap();
        all.push_str(&format!("\nrows {table}: {}", db.query(query)));
    }
    all
}

/// Make `db` differ from its files in every way a reset must undo: objects in `public` and in
/// a schema of their own, an extension the files do not create, rows added and removed, and
/// sequences moved on.
fn stray_from_the_files(db: &TestDb) {
    db.query(
        "CREATE SCHEMA stray;
         CREATE TABLE stray.notes (id serial PRIMARY KEY, body text);
         CREATE FUNCTION stray.f() RETURNS int LANGUAGE sql AS 'SELECT 1';
         CREATE TABLE public.stray_table (id int);
         CREATE TYPE public.stray_mood AS ENUM ('meh');
         CREATE VIEW public.stray_view AS SELECT 1 AS one;
         CREATE EXTENSION IF NOT EXISTS citext;
         SELECT nextval(c.oid) FROM pg_class c, generate_series(1, 5)
          WHERE c.relkind = 'S' AND c.relnamespace = 'public'::regnamespace;
         DO $$ DECLARE t regclass; BEGIN
           FOR t IN SELECT oid FROM pg_class WHERE relkind = 'r' AND relnamespace = 'public'::regnamespace AND relname <> 'stray_table' LIMIT 1
           LOOP EXECUTE format('TRUNCATE %s CASCADE', t); END LOOP; END $$;",
    );
}

/// Load the same files twice: into a new database built aside, and into one that first got
/// them, then strayed from them, then was reset in place. Both must hold the same.
fn assert_in_place_matches_a_fresh_build(name: &str, project: &Project) {
    let fresh = TestDb::new();
    let built = fresh
        .cruddur(project)
        .args(["setup", "--aside"])
        .env("CRUDDUR_DB_TEMPLATE", "off")
        .output()
        .unwrap();
    let reset = TestDb::new();
    let first = reset
        .cruddur(project)
        .arg("setup")
        .env("CRUDDUR_DB_TEMPLATE", "off")
        .output()
        .unwrap();
    assert_eq!(first.status.success(), built.status.success(), "{name}");
    if !built.status.success() {
        // Files that do not load: nothing to compare, and no database was made.
        assert!(!reset.cluster.database_exists(&reset.name), "{name}");
        return;
    }
    stray_from_the_files(&reset);
    let again = reset
        .cruddur(project)
        .arg("setup")
        .env("CRUDDUR_DB_TEMPLATE", "off")
        .output()
        .unwrap();
    let stderr = output_text(&again).1;
    assert!(again.status.success(), "{name}: {stderr}");
    assert!(
        stderr.contains("database reset in place"),
        "{name}: {stderr}"
    );
    assert_eq!(contents(&reset), contents(&fresh), "{name}");
}

#[test]
fn every_corpus_file_set_reset_in_place_equals_a_fresh_build() {
    let Some(dir) = corpus::corpus_dir() else {
        crate::harness::skip(
            "no ../shared/corpus beside the repository (set CRUDDUR_CORPUS_DIR): nothing to compare",
        );
        return;
    };
    let cases = corpus::cases(&dir);
    assert!(cases.len() >= 5, "found {} corpus cases", cases.len());
    for (name, schema, seed) in cases {
        let project = Project::new();
        std::fs::copy(&schema, project.path().join("sql/schema.sql")).unwrap();
        std::fs::copy(&seed, project.path().join("sql/seed.sql")).unwrap();
        assert_in_place_matches_a_fresh_build(&name, &project);
    }
}

#[test]
fn a_schema_of_every_kind_reset_in_place_equals_a_fresh_build() {
    let project = Project::new();
    project.write(
        "sql/schema.sql",
        r#"CREATE EXTENSION IF NOT EXISTS "uuid-ossp";
CREATE SCHEMA app;
CREATE TYPE app.mood AS ENUM ('happy', 'sad');
CREATE DOMAIN app.handle AS text CHECK (VALUE ~ '^[a-z]+$');
CREATE SEQUENCE app.tickets START 100;
CREATE TABLE app.users (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  uuid uuid DEFAULT uuid_generate_v4() NOT NULL,
  handle app.handle UNIQUE NOT NULL,
  mood app.mood DEFAULT 'happy',
  ticket int DEFAULT nextval('app.tickets'),
  shout text GENERATED ALWAYS AS (upper(handle)) STORED
);
COMMENT ON TABLE app.users IS 'people';
CREATE TABLE public.posts (
  id serial PRIMARY KEY,
  user_id bigint REFERENCES app.users (id) ON DELETE CASCADE,
  body text NOT NULL,
  likes int DEFAULT 0 CHECK (likes >= 0)
);
CREATE INDEX posts_liked ON public.posts (user_id) INCLUDE (likes) WHERE likes > 0;
CREATE INDEX posts_lower ON public.posts (lower(body));
CREATE VIEW public.feed AS SELECT p.body, u.handle FROM public.posts p JOIN app.users u ON u.id = p.user_id;
CREATE MATERIALIZED VIEW public.counts AS SELECT user_id, count(*) AS n FROM public.posts GROUP BY user_id;
CREATE FUNCTION public.touch() RETURNS trigger LANGUAGE plpgsql AS $$BEGIN NEW.likes := coalesce(NEW.likes, 0); RETURN NEW; END$$;
CREATE TRIGGER posts_touch BEFORE INSERT ON public.posts FOR EACH ROW EXECUTE FUNCTION public.touch();
ALTER TABLE public.posts ENABLE ROW LEVEL SECURITY;
CREATE POLICY own_posts ON public.posts USING (user_id IS NOT NULL);
"#,
    );
    project.write(
        "sql/seed.sql",
        "INSERT INTO app.users (handle, mood) VALUES ('ann', 'sad'), ('bob', DEFAULT);
INSERT INTO public.posts (user_id, body, likes) SELECT id, 'hello from ' || handle, NULL FROM app.users;
REFRESH MATERIALIZED VIEW public.counts;
",
    );
    assert_in_place_matches_a_fresh_build("every kind", &project);
}

#[test]
fn extensions_dropped_by_the_reset_work_again_after_it() {
    let db = TestDb::new();
    let project = Project::new();
    db.cruddur(&project).arg("setup").assert().success();
    db.query("CREATE EXTENSION citext");
    db.cruddur(&project)
        .arg("setup")
        .assert()
        .success()
        .stderr(predicate::str::contains("database reset in place"));
    assert_eq!(
        db.query("SELECT string_agg(extname, ',' ORDER BY extname) FROM pg_extension"),
        "plpgsql,uuid-ossp"
    );
    assert_eq!(
        db.query("SELECT length(uuid_generate_v4()::text)"),
        "36",
        "the recreated extension's functions work"
    );
}

#[test]
fn other_sessions_stop_an_in_place_reset_unless_forced() {
    let db = TestDb::new();
    let project = Project::new();
    db.cruddur(&project).arg("setup").assert().success();
    db.query("INSERT INTO users (display_name, handle, email, cognito_user_id) VALUES ('Kept', 'kept', 'k@x', 'k')");
    let _ide = db.cluster.hold_session(&db.name, "an_ide");
    db.cruddur(&project)
        .arg("setup")
        .assert()
        .code(1)
        .stderr(predicate::str::contains(format!(
            "could not reset database \"{}\" in place: 1 other session(s) are connected to it",
            db.name
        )))
        .stderr(predicate::str::contains("an_ide"))
        .stderr(predicate::str::contains("setup --force"));
    assert_eq!(db.query("SELECT count(*) FROM users"), "3");
    db.cruddur(&project)
        .args(["setup", "--force"])
        .assert()
        .success()
        .stderr(predicate::str::contains("ending session"))
        .stderr(predicate::str::contains("database reset in place"));
    assert_eq!(db.query("SELECT count(*) FROM users"), "2");
    assert!(!db.cluster.has_session("an_ide"));
}

#[test]
fn what_in_place_cannot_reproduce_builds_aside_and_says_why() {
    // (what the files or the database hold, what the status line says)
    let cases: [(&str, &str, &str); 5] = [
        (
            "seed",
            "COMMIT;",
            "uses its own COMMIT, which cannot share one transaction",
        ),
        (
            "seed",
            "CREATE TYPE mood AS ENUM ('a');\nALTER TYPE mood ADD VALUE 'b';",
            "uses ALTER TYPE ... ADD VALUE",
        ),
        ("database", "SELECT lo_create(0)", "1 large object(s)"),
        (
            "database",
            "ALTER DATABASE {db} SET work_mem = '8MB'",
            "database settings",
        ),
        (
            "database",
            "CREATE FUNCTION public.noop() RETURNS event_trigger LANGUAGE plpgsql AS 'BEGIN END';
             CREATE EVENT TRIGGER noop ON ddl_command_start EXECUTE FUNCTION public.noop()",
            "event trigger(s) noop",
        ),
    ];
    for (place, what, says) in cases {
        let db = TestDb::new();
        let project = Project::new();
        db.cruddur(&project).arg("setup").assert().success();
        match place {
            "seed" => {
                project.append("sql/seed.sql", &format!("{what}\n"));
            }
            _ => {
                db.query(&what.replace("{db}", &db.name));
            }
        }
        let output = db.cruddur(&project).arg("setup").output().unwrap();
        let stderr = output_text(&output).1;
        assert!(output.status.success(), "{what}: {stderr}");
        assert!(
            stderr.contains("== setup building aside: "),
            "{what}: {stderr}"
        );
        assert!(stderr.contains(says), "{what}: {stderr}");
        assert!(stderr.contains("database reset aside"), "{what}: {stderr}");
        assert_eq!(db.query("SELECT count(*) FROM users"), "2");
    }
}

#[test]
fn a_migration_without_a_transaction_builds_aside() {
    let db = TestDb::new();
    let project = Project::new();
    let migration = "sql/migrations/20240101000000_index.sql";
    project.write(
        migration,
        "-- migrate:up transaction:false\nCREATE INDEX CONCURRENTLY users_handle ON users (handle);\n\n-- migrate:down\nDROP INDEX users_handle;\n",
    );
    db.cruddur(&project).arg("setup").assert().success();
    db.cruddur(&project)
        .arg("setup")
        .assert()
        .success()
        .stderr(predicate::str::contains(
            "20240101000000_index.sql:2 uses CREATE INDEX CONCURRENTLY, which cannot share one transaction",
        ))
        .stderr(predicate::str::contains("database reset aside"));
    // Without a transaction by its own say, whatever its statements.
    project.write(
        migration,
        "-- migrate:up transaction:false\nCREATE INDEX users_handle ON users (handle);\n\n-- migrate:down\nDROP INDEX users_handle;\n",
    );
    db.cruddur(&project)
        .arg("setup")
        .assert()
        .success()
        .stderr(predicate::str::contains(
            "building aside: migration 20240101000000_index runs without a transaction",
        ));
    assert_eq!(
        db.query("SELECT count(*) FROM pg_indexes WHERE indexname = 'users_handle'"),
        "1"
    );
}

/// Start `setup` on a database holding one extra row, with a seed that sleeps, and wait until
/// the server runs the sleep inside the reset's transaction.
fn reset_running_a_sleep(db: &TestDb, project: &Project) -> Running {
    db.cruddur(project).arg("setup").assert().success();
    db.query("INSERT INTO users (display_name, handle, email, cognito_user_id) VALUES ('Kept', 'kept', 'k@x', 'k')");
    project.append("sql/seed.sql", "SELECT pg_sleep(60);\n");
    let mut command = project.cruddur_process();
    command
        .env("CONNECTION_URL", db.url())
        .args(["setup", "--color", "never", "-v"]);
    let mut running = Running::start(command);
    running.wait_for("resetting in place");
    db.wait_until_running("pg_sleep(60)");
    running
}

fn assert_unchanged(db: &TestDb) {
    assert_eq!(db.query("SELECT count(*) FROM users"), "3");
    assert_eq!(
        db.query("SELECT count(*) FROM users WHERE handle = 'kept'"),
        "1"
    );
    assert!(db.kept_aside("new").is_empty());
}

#[test]
fn a_signal_during_an_in_place_reset_rolls_all_of_it_back() {
    for (signal, code) in [(libc::SIGINT, 130), (libc::SIGTERM, 143)] {
        let db = TestDb::new();
        let project = Project::new();
        let running = reset_running_a_sleep(&db, &project);
        running.signal(signal);
        let (status, stderr) = running.finish();
        assert_eq!(status.code(), Some(code), "{stderr}");
        assert!(
            stderr.contains("setup stopped at step seed; your database is unchanged (its reset in place runs in one transaction"),
            "{stderr}"
        );
        assert_unchanged(&db);
    }
}

#[test]
fn a_lost_connection_during_an_in_place_reset_rolls_it_back() {
    let db = TestDb::new();
    let project = Project::new();
    let running = reset_running_a_sleep(&db, &project);
    db.query(&format!(
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{}' AND query LIKE '%pg_sleep(60)%' AND pid <> pg_backend_pid()",
        db.name
    ));
    let (status, stderr) = running.finish();
    assert_eq!(status.code(), Some(3), "{stderr}");
    assert!(
        stderr.contains(&format!("your database \"{}\" is unchanged", db.name)),
        "{stderr}"
    );
    assert_unchanged(&db);
}

#[test]
fn a_production_database_is_reset_in_place_and_keeps_its_mark() {
    let db = TestDb::production();
    let project = Project::new();
    for _ in 0..2 {
        project
            .cruddur()
            .env("PROD_CONNECTION_URL", db.url())
            .args(["--prod", "setup", "--yes"])
            .assert()
            .success();
    }
    let output = project
        .cruddur()
        .env("PROD_CONNECTION_URL", db.url())
        .args(["--prod", "setup", "--yes"])
        .assert()
        .success()
        .get_output()
        .clone();
    assert!(output_text(&output).1.contains("database reset in place"));
    assert!(
        db.comment()
            .starts_with("cruddur-db: environment=production"),
        "{}",
        db.comment()
    );
    assert_eq!(db.query("SELECT count(*) FROM users"), "2");
}
