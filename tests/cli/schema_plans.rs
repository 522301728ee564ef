//! The SQL `dump` and `diff` hand to users, on the cases that used to break it: each plan is
//! applied with psql to a database that holds rows and checked, and each dump is loaded.

use predicates::prelude::*;

use crate::harness::{Project, TestDb, output_text, schema_facts};
use crate::schema_code::{dump_with, run_sql};

/// A new database where psql has run `sql`.
pub fn database(sql: &str) -> TestDb {
    let db = TestDb::new();
    db.create();
    run_sql(&db, sql).unwrap_or_else(|err| panic!("the fixture does not load: {err}\n{sql}"));
    db
}

/// `diff` from `from` to `to`: its exit code, the plan (stdout) and the summary (stderr).
pub fn plan(from: &TestDb, to: &TestDb, project: &Project) -> (Option<i32>, String, String) {
    let output = from
        .cruddur(project)
        .args(["diff", "--to", &format!("url:{}", to.url())])
        .output()
        .unwrap();
    let (plan, summary) = output_text(&output);
    (output.status.code(), plan, summary)
}

/// `diff` from `from` to `to` must now say they are the same.
pub fn converged(from: &TestDb, to: &TestDb, project: &Project) {
    let (code, plan, summary) = plan(from, to, project);
    assert_eq!(code, Some(0), "{summary}");
    assert!(plan.is_empty(), "left to do:\n{plan}");
}

#[test]
fn a_type_no_cast_converts_becomes_a_new_column_under_a_data_loss_line_and_the_plan_applies() {
    let project = Project::new();
    let from = database(
        "CREATE TABLE user_statistics (id int PRIMARY KEY, day integer);
         INSERT INTO user_statistics VALUES (1, 20240101), (2, 20240102), (3, NULL);",
    );
    let to = database("CREATE TABLE user_statistics (id int PRIMARY KEY, day date);");
    let (code, sql, summary) = plan(&from, &to, &project);
    assert_eq!(code, Some(0), "{summary}");
    assert!(
        sql.contains("-- DATA LOSS: public.user_statistics.day changes from integer to date, which no cast converts")
            && sql.contains("ALTER TABLE public.user_statistics ALTER COLUMN day TYPE date USING <an expression of day>"),
        "{sql}"
    );
    run_sql(&from, &sql).unwrap_or_else(|err| panic!("the plan fails: {err}\n{sql}"));
    assert_eq!(
        from.query("SELECT format_type(atttypid, NULL) FROM pg_attribute WHERE attrelid = 'user_statistics'::regclass AND attname = 'day'"),
        "date"
    );
    assert_eq!(from.query("SELECT count(*) FROM user_statistics"), "3");
    converged(&from, &to, &project);
}

#[test]
fn a_plan_that_fails_on_the_rows_leaves_the_database_as_it_was() {
    let project = Project::new();
    let from = database(
        "CREATE TYPE mood AS ENUM ('happy', 'sad', 'meh');
         CREATE TABLE notes (id int PRIMARY KEY, m mood, scratch text);
         CREATE VIEW moods AS SELECT m FROM notes;
         INSERT INTO notes VALUES (1, 'meh', 'x');",
    );
    let to = database(
        "CREATE TYPE mood AS ENUM ('happy', 'sad');
         CREATE TABLE notes (id int PRIMARY KEY, m mood);
         CREATE VIEW moods AS SELECT m FROM notes;",
    );
    let (code, sql, summary) = plan(&from, &to, &project);
    assert_eq!(code, Some(0), "{summary}");
    assert!(
        sql.contains("\nBEGIN;\nSET LOCAL lock_timeout = '5s';\n"),
        "{sql}"
    );
    assert!(
        sql.contains("-- DATA LOSS: public.mood loses 'meh'"),
        "{sql}"
    );
    let before = schema_facts(&from);
    // A row holds the value that goes: the conversion fails, and nothing before it stays.
    let err = run_sql(&from, &sql).expect_err("the conversion meets 'meh'");
    assert!(err.contains("invalid input value for enum"), "{err}");
    assert_eq!(
        schema_facts(&from),
        before,
        "half of the plan stayed applied"
    );
    assert_eq!(from.query("SELECT scratch FROM notes"), "x");
    // Once the row is changed, the same plan applies.
    from.query("UPDATE notes SET m = 'sad'");
    run_sql(&from, &sql).unwrap_or_else(|err| panic!("the plan fails: {err}\n{sql}"));
    converged(&from, &to, &project);
}

#[test]
fn enum_values_added_are_no_data_loss_and_one_the_plan_uses_at_once_makes_a_new_type() {
    let project = Project::new();
    let from = database(
        "CREATE TYPE mood AS ENUM ('happy', 'sad');
         CREATE TYPE status AS ENUM ('draft', 'live');
         CREATE TABLE posts (id int PRIMARY KEY, m mood DEFAULT 'happy', s status DEFAULT 'draft');
         INSERT INTO posts VALUES (1, 'sad', 'live');",
    );
    let to = database(
        "CREATE TYPE mood AS ENUM ('happy', 'meh', 'sad');
         CREATE TYPE status AS ENUM ('draft', 'live', 'archived');
         CREATE TABLE posts (id int PRIMARY KEY, m mood DEFAULT 'happy', s status DEFAULT 'archived');",
    );
    let (code, sql, summary) = plan(&from, &to, &project);
    assert_eq!(code, Some(0), "{summary}");
    assert!(
        sql.contains("ALTER TYPE public.mood ADD VALUE 'meh' AFTER 'happy';"),
        "{sql}"
    );
    assert!(!sql.contains("DATA LOSS"), "{sql}");
    // ADD VALUE's value cannot be used before the plan commits: a new type instead.
    assert!(
        sql.contains("ALTER TYPE public.status RENAME TO")
            && sql.contains("USING s::text::public.status"),
        "{sql}"
    );
    run_sql(&from, &sql).unwrap_or_else(|err| panic!("the plan fails: {err}\n{sql}"));
    assert_eq!(from.query("SELECT m || ' ' || s FROM posts"), "sad live");
    converged(&from, &to, &project);
}

#[test]
fn a_new_not_null_column_without_a_default_needs_a_backfill_only_where_rows_are() {
    let project = Project::new();
    let to = database("CREATE TABLE places (id int PRIMARY KEY, region text NOT NULL);");
    let empty = database("CREATE TABLE places (id int PRIMARY KEY);");
    let (code, sql, summary) = plan(&empty, &to, &project);
    assert_eq!(code, Some(0), "{summary}");
    assert!(
        sql.contains("ALTER TABLE public.places ADD COLUMN region text NOT NULL;"),
        "{sql}"
    );
    run_sql(&empty, &sql).unwrap_or_else(|err| panic!("the plan fails: {err}\n{sql}"));

    let with_rows =
        database("CREATE TABLE places (id int PRIMARY KEY); INSERT INTO places VALUES (1), (2);");
    let (code, sql, summary) = plan(&with_rows, &to, &project);
    assert_eq!(code, Some(1), "{summary}");
    assert!(
        summary.contains("the plan is not complete: public.places.region NOT NULL without a default on a table that holds rows"),
        "{summary}"
    );
    let todo = sql
        .lines()
        .find(|line| line.starts_with("-- TODO backfill public.places.region"))
        .unwrap_or_else(|| panic!("no backfill line:\n{sql}"));
    // The user writes the backfill where the plan says: then it applies.
    let filled = sql.replace(
        todo,
        "UPDATE public.places SET region = 'eu' WHERE region IS NULL;",
    );
    run_sql(&with_rows, &filled).unwrap_or_else(|err| panic!("the plan fails: {err}\n{filled}"));
    assert_eq!(
        with_rows.query("SELECT string_agg(region, ',') FROM places"),
        "eu,eu"
    );
    converged(&with_rows, &to, &project);

    // Written as a migration, it is refused until the line is replaced.
    let db = TestDb::new();
    db.cruddur(&project).arg("setup").assert().success();
    project.append(
        "sql/schema.sql",
        "ALTER TABLE public.users ADD COLUMN region text NOT NULL;\n",
    );
    db.cruddur(&project)
        .args(["migrate", "new", "add_region", "--diff"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("the plan is not complete"));
    db.cruddur(&project)
        .args(["migrate", "lint"])
        .assert()
        .code(8)
        .stdout(predicate::str::contains("danger[backfill]"));
}

#[test]
fn an_extension_updates_in_place_and_one_a_column_needs_that_cannot_go_back_is_refused() {
    let project = Project::new();
    let table = "CREATE TABLE people (email citext PRIMARY KEY);";
    let old = database(&format!(
        "CREATE EXTENSION citext VERSION '1.4'; {table} INSERT INTO people VALUES ('A@b.c');"
    ));
    let new = database(&format!("CREATE EXTENSION citext VERSION '1.5'; {table}"));
    let (code, sql, summary) = plan(&old, &new, &project);
    assert_eq!(code, Some(0), "{summary}");
    assert!(
        sql.contains("ALTER EXTENSION citext UPDATE TO '1.5';"),
        "{sql}"
    );
    run_sql(&old, &sql).unwrap_or_else(|err| panic!("the plan fails: {err}\n{sql}"));
    assert_eq!(
        old.query("SELECT extversion FROM pg_extension WHERE extname = 'citext'"),
        "1.5"
    );
    // No script goes back to 1.4, and dropping the extension would take the column along.
    let back = database(&format!("CREATE EXTENSION citext VERSION '1.4'; {table}"));
    let (code, sql, summary) = plan(&new, &back, &project);
    assert_eq!(code, Some(1), "{summary}");
    assert!(sql.is_empty(), "{sql}");
    assert!(
        summary.contains("no plan can make this change safely: extension citext cannot change in place, and table public.people uses it"),
        "{summary}"
    );
}

#[test]
fn what_dump_cannot_write_fails_the_dump_and_the_diff_naming_it() {
    let project = Project::new();
    let db = database(
        "CREATE FOREIGN DATA WRAPPER cdb_fdw;
         CREATE SERVER cdb_server FOREIGN DATA WRAPPER cdb_fdw;
         CREATE TEXT SEARCH CONFIGURATION public.cdb_english (COPY = pg_catalog.english);
         CREATE TABLE kept (id int);",
    );
    for args in [&["dump", "-"][..], &["diff", "--to", "db"][..]] {
        let output = db.cruddur(&project).args(args).output().unwrap();
        let (stdout, stderr) = output_text(&output);
        assert_eq!(output.status.code(), Some(1), "{args:?}: {stderr}");
        assert!(stdout.is_empty(), "{args:?}: {stdout}");
        for named in [
            "foreign data wrapper cdb_fdw",
            "foreign server cdb_server",
            "text search configuration public.cdb_english",
        ] {
            assert!(stderr.contains(named), "{args:?}: {named}: {stderr}");
        }
    }
}

#[test]
fn dump_data_copies_each_tables_own_rows_once_and_puts_sequences_where_they_stand() {
    let project = Project::new();
    let original = database(
        "CREATE TABLE events (id bigint GENERATED BY DEFAULT AS IDENTITY (INCREMENT BY 5) PRIMARY KEY, at date);
         CREATE TABLE clicks (url text) INHERITS (events);
         CREATE SEQUENCE tickets INCREMENT BY -2 START WITH 100 MINVALUE 0 MAXVALUE 200;
         CREATE TABLE queue (n int DEFAULT nextval('tickets'));
         ALTER SEQUENCE tickets OWNED BY queue.n;
         INSERT INTO events (at) VALUES ('2024-01-01'), ('2024-01-02');
         INSERT INTO clicks (id, at, url) VALUES (100, '2024-01-03', '/');
         INSERT INTO queue DEFAULT VALUES; INSERT INTO queue DEFAULT VALUES;
         CREATE TABLE m (at date NOT NULL) PARTITION BY RANGE (at);
         CREATE TABLE m_2024 PARTITION OF m FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
         INSERT INTO m VALUES ('2024-05-01');",
    );
    let text = dump_with(
        &original,
        &project,
        &["--data", "events", "clicks", "queue", "m"],
    );
    let copy = TestDb::new();
    copy.create();
    run_sql(&copy, &text).unwrap_or_else(|err| panic!("the dump does not load: {err}\n{text}"));
    let rows = "SELECT (SELECT count(*) FROM ONLY events) || ' ' || (SELECT count(*) FROM clicks) || ' ' || (SELECT count(*) FROM queue) || ' ' || (SELECT count(*) FROM m)";
    assert_eq!(copy.query(rows), original.query(rows));
    assert_eq!(copy.query(rows), "2 1 2 1");
    // Both sequences go on where they stood, whatever their increment.
    let next = "SELECT nextval('events_id_seq') || ' ' || nextval('tickets')";
    assert_eq!(copy.query(next), original.query(next));
    // A partitioned table's rows are its partitions': naming both would copy them twice.
    original
        .cruddur(&project)
        .args(["dump", "-", "--data", "m", "m_2024"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "--data names both public.m and its partition public.m_2024",
        ));
}

#[test]
fn views_functions_and_enums_made_anew_keep_their_grants_and_converge() {
    let project = Project::new();
    let role = format!("reader_{}", &uuid::Uuid::new_v4().simple().to_string()[..8]);
    let grants = format!(
        "DO $$ BEGIN CREATE ROLE {role}; EXCEPTION WHEN duplicate_object THEN NULL; END $$;
         GRANT SELECT ON notes_view TO {role};
         REVOKE EXECUTE ON FUNCTION secret(int) FROM PUBLIC;
         GRANT EXECUTE ON FUNCTION secret(int) TO {role};
         GRANT USAGE ON TYPE mood TO {role};"
    );
    let before = format!(
        "CREATE TYPE mood AS ENUM ('happy', 'sad', 'meh');
         CREATE TABLE notes (id int PRIMARY KEY, body text, m mood);
         CREATE VIEW notes_view AS SELECT id FROM notes;
         CREATE FUNCTION secret(a int) RETURNS int SECURITY DEFINER LANGUAGE sql AS 'SELECT a';
         INSERT INTO notes VALUES (1, 'x', 'sad');
         {grants}"
    );
    // The view reads one more column; the function's argument is renamed (no CREATE OR
    // REPLACE can do that); the enum loses a value: each is dropped and created again.
    let to = database(&format!(
        "CREATE TYPE mood AS ENUM ('happy', 'sad');
         CREATE TABLE notes (id int PRIMARY KEY, body text, m mood);
         CREATE VIEW notes_view AS SELECT id, body FROM notes;
         CREATE FUNCTION secret(b int) RETURNS int SECURITY DEFINER LANGUAGE sql AS 'SELECT b';
         {grants}"
    ));
    let privileges = |db: &TestDb| {
        db.query(&format!(
            "SELECT has_table_privilege('{role}', 'notes_view', 'SELECT'),
                    has_function_privilege('public', 'secret(int)', 'EXECUTE'),
                    has_function_privilege('{role}', 'secret(int)', 'EXECUTE'),
                    has_type_privilege('{role}', 'mood', 'USAGE')"
        ))
    };
    for extra in [&[][..], &["--privileges"][..]] {
        let from = database(&before);
        assert_eq!(privileges(&from), "t|f|t|t");
        let diff = |db: &TestDb| {
            let output = db
                .cruddur(&project)
                .args(["diff", "--to", &format!("url:{}", to.url())])
                .args(extra)
                .output()
                .unwrap();
            let (sql, summary) = output_text(&output);
            assert_eq!(output.status.code(), Some(0), "{summary}");
            sql
        };
        let sql = diff(&from);
        run_sql(&from, &sql).unwrap_or_else(|err| panic!("the plan fails: {err}\n{sql}"));
        assert_eq!(privileges(&from), "t|f|t|t", "{extra:?}\n{sql}");
        let rest = diff(&from);
        assert!(
            rest.is_empty(),
            "{extra:?}: the plan does not converge:\n{rest}"
        );
    }
}

#[test]
fn not_null_constraints_are_renamed_where_the_server_names_them() {
    let project = Project::new();
    let from = database(
        "CREATE TABLE t (a int NOT NULL, b int CONSTRAINT b_given NOT NULL, c int);
         INSERT INTO t VALUES (1, 2, 3);",
    );
    let to = database(
        "CREATE TABLE t (a int CONSTRAINT a_required NOT NULL, b int NOT NULL, c int CONSTRAINT c_required NOT NULL);",
    );
    let (code, sql, summary) = plan(&from, &to, &project);
    assert_eq!(code, Some(0), "{summary}");
    let names = |db: &TestDb| {
        db.query(
            "SELECT string_agg(conname, ',' ORDER BY conname) FROM pg_constraint WHERE conrelid = 't'::regclass AND contype = 'n'",
        )
    };
    // PostgreSQL 18 keeps a NOT NULL constraint's name; before it, NOT NULL has none.
    match from.cluster.version >= 18 {
        true => {
            for rename in [
                "RENAME CONSTRAINT \"t_a_not_null\" TO a_required;",
                "RENAME CONSTRAINT b_given TO \"t_b_not_null\";",
                "RENAME CONSTRAINT \"t_c_not_null\" TO c_required;",
            ] {
                assert!(sql.contains(rename), "no {rename} in\n{sql}");
            }
        }
        false => assert!(!sql.contains("RENAME"), "{sql}"),
    }
    run_sql(&from, &sql).unwrap_or_else(|err| panic!("the plan fails: {err}\n{sql}"));
    assert_eq!(names(&from), names(&to));
    assert_eq!(schema_facts(&from), schema_facts(&to));
    converged(&from, &to, &project);
}
