//! The SQL engine on real servers: pg_dump files, COPY, batches that still report the right
//! statement, notices with their line, a file's own transactions, `\connect`, and Ctrl-C.

use std::fmt::Write as _;

use predicates::prelude::*;

use crate::harness::{Project, TestDb};

/// Everything point 2 of the engine's spec lists, in one database.
const FEATURES: &str = r#"
CREATE SEQUENCE ticket START 42;
CREATE TABLE users (
  id serial PRIMARY KEY,
  handle text NOT NULL,
  bio text,
  ticket int DEFAULT nextval('ticket'),
  created timestamptz DEFAULT '2023-02-03 04:05:06+00'
);
COMMENT ON TABLE users IS 'People; with ''quotes'', émoji 🎉 and a ; semicolon';
COMMENT ON COLUMN users.bio IS E'multi\nline';
CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $body$
BEGIN
  NEW.bio := coalesce(NEW.bio, 'none; really $$');
  RETURN NEW;
END;
$body$;
CREATE TRIGGER users_touch BEFORE INSERT ON users FOR EACH ROW EXECUTE FUNCTION touch();
CREATE VIEW handles AS SELECT handle, length(bio) AS bio_length FROM users WHERE bio <> '';
CREATE TABLE activities (id bigserial PRIMARY KEY, user_id int REFERENCES users, message text);
INSERT INTO users (handle, bio) VALUES
  ('andrew', E'tab\there\nnew line \\ backslash'),
  ('ünïcødé ✓', NULL),
  ('dot', '\.'),
  ('slashdot', E'\\.'),
  ('empty', '');
INSERT INTO activities (user_id, message) SELECT id, repeat('x', id) FROM users;
UPDATE users SET bio = NULL WHERE handle = 'ünïcødé ✓';
"#;

#[test]
fn a_pg_dump_file_loads_and_dumps_back_identically() {
    let original = TestDb::new();
    original.create();
    original.query(FEATURES);
    let Some(dump) = original.cluster.pg_dump(&original.name) else {
        crate::harness::skip(
            "no pg_dump as new as the test server (CRUDDUR_TEST_PG_CLIENT_BINDIR=$(scripts/pg-client MAJOR))",
        );
        return;
    };
    assert!(dump.contains("FROM stdin;"), "expected COPY data:\n{dump}");

    let copy = TestDb::new();
    copy.create();
    let project = Project::new();
    project.write("dump.sql", &dump);
    copy.cruddur(&project)
        .args(["schema-load", "dump.sql"])
        .assert()
        .success()
        .stderr(predicate::str::contains("rows copied"));

    let again = copy.cluster.pg_dump(&copy.name).unwrap();
    // \restrict keys are random per dump; everything else must match.
    let comparable = |dump: &str| {
        dump.lines()
            .filter(|line| !line.starts_with("\\restrict") && !line.starts_with("\\unrestrict"))
            .collect::<Vec<_>>()
            .join("\n")
    };
    assert_eq!(comparable(&dump), comparable(&again));
}

#[test]
fn copy_data_streams_through_the_copy_protocol() {
    let db = TestDb::new();
    db.create();
    let project = Project::new();
    let mut seed =
        String::from("CREATE TABLE t (n int, label text);\nCOPY t (n, label) FROM stdin;\n");
    for n in 0..20_000 {
        let _ = writeln!(seed, "{n}\trow {n}\\twith tab");
    }
    seed.push_str("\\.\nINSERT INTO t VALUES (-1, 'after');\n");
    project.write("copy.sql", &seed);
    db.cruddur(&project)
        .args(["seed", "copy.sql"])
        .assert()
        .success()
        .stderr(predicate::str::contains("20000 rows copied"));
    assert_eq!(db.query("SELECT count(*) FROM t"), "20001");
    assert_eq!(
        db.query("SELECT label FROM t WHERE n = 7"),
        "row 7\twith tab"
    );
}

#[test]
fn a_bad_copy_row_is_reported_at_its_line_in_the_file() {
    let db = TestDb::new();
    db.create();
    let project = Project::new();
    project.write(
        "copy.sql",
        "CREATE TABLE t (n int);\nCOPY t FROM stdin;\n1\n2\nthree\n4\n\\.\n",
    );
    db.cruddur(&project)
        .args(["seed", "copy.sql"])
        .assert()
        .code(5)
        .stderr(predicate::str::contains(
            "copy.sql:5:1: ERROR: invalid input syntax",
        ))
        .stderr(predicate::str::contains(" 5 | three"))
        .stderr(predicate::str::contains(
            "nothing from this file was applied",
        ));
    assert!(!db.has_table("t"));
}

#[test]
fn errors_deep_in_a_batch_name_the_right_statement_line_and_column() {
    let db = TestDb::new();
    db.create();
    let project = Project::new();
    // 30,000 statements: about 800 KiB, so the failure is in the second batch sent.
    let mut seed = String::from("CREATE TABLE t (n int PRIMARY KEY);\n");
    for n in 1..=30_000 {
        let _ = writeln!(seed, "INSERT INTO t VALUES ({n});");
    }
    assert!(seed.len() > 512 * 1024);
    // Line 30002: a runtime error the server gives no position for.
    seed.push_str("INSERT INTO t VALUES (1);\n");
    project.write("dupe.sql", &seed);
    db.cruddur(&project)
        .args(["seed", "dupe.sql"])
        .assert()
        .code(5)
        .stderr(predicate::str::contains(
            "dupe.sql:30002:1: ERROR: duplicate key",
        ));

    // Line 30001: a parse error the server positions inside the second batch.
    let mut seed = String::from("CREATE TABLE t (n int);\n");
    for n in 1..=29_999 {
        let _ = writeln!(seed, "INSERT INTO t VALUES ({n});");
    }
    seed.push_str("INSERT INTO t VALUES (1), (2), (3 +);\n");
    project.write("syntax.sql", &seed);
    db.cruddur(&project)
        .args(["seed", "syntax.sql"])
        .assert()
        .code(5)
        .stderr(predicate::str::contains(
            "syntax.sql:30001:36: ERROR: syntax error at or near \")\"",
        ));
    assert!(!db.has_table("t"));
}

#[test]
fn notices_are_shown_with_the_line_of_the_statement_that_raised_them() {
    let db = TestDb::new();
    db.create();
    let project = Project::new();
    project.write(
        "notices.sql",
        "SELECT 1;\nDROP TABLE IF EXISTS nope_one;\nSELECT 2;\n\nDROP TABLE IF EXISTS nope_two;\nDO $$ BEGIN RAISE NOTICE 'hello from line six'; END $$;\n",
    );
    db.cruddur(&project)
        .args(["schema-load", "notices.sql"])
        .assert()
        .success()
        .stderr(predicate::str::contains(
            "notices.sql:2: NOTICE: table \"nope_one\" does not exist, skipping",
        ))
        .stderr(predicate::str::contains(
            "notices.sql:5: NOTICE: table \"nope_two\" does not exist, skipping",
        ))
        .stderr(predicate::str::contains(
            "notices.sql:6: NOTICE: hello from line six",
        ));
    db.cruddur(&project)
        .args(["schema-load", "notices.sql", "--quiet"])
        .assert()
        .success()
        .stderr(predicate::str::is_empty());
}

/// Load `file` with `psql -1 -v ON_ERROR_STOP=1 -f` into one fresh database and with
/// cruddur-db into another; both must fail and leave the same rows in `t`.
fn fails_keeping_the_same_rows_as_psql(project: &Project, file: &str) -> (String, String) {
    let with_psql = TestDb::new();
    with_psql.create();
    let psql = with_psql
        .cluster
        .psql_command(&with_psql.name)
        .args(["-X", "-q", "-1", "-v", "ON_ERROR_STOP=1", "-f", file])
        .current_dir(project.path())
        .output()
        .unwrap();
    assert!(
        !psql.status.success(),
        "psql loaded {file} without an error"
    );
    let with_us = TestDb::new();
    with_us.create();
    let output = with_us
        .cruddur(project)
        .args(["seed", file])
        .assert()
        .code(5)
        .get_output()
        .clone();
    let rows = "SELECT count(*) || ':' || coalesce(max(n), 0) FROM t";
    let kept = with_us.query(rows);
    assert_eq!(kept, with_psql.query(rows), "rows kept differ from psql -1");
    (kept, String::from_utf8_lossy(&output.stderr).into_owned())
}

#[test]
fn a_file_that_commits_its_own_transaction_keeps_what_psql_1_keeps() {
    let project = Project::new();
    project.write(
        "tx.sql",
        "BEGIN;\nCREATE TABLE t (n int);\nINSERT INTO t VALUES (1);\nCOMMIT;\nINSERT INTO t VALUES (2);\nINSERT INTO t VALUES (3);\nINSERT INTO t VALUES ('x');\nINSERT INTO t VALUES (4);\n",
    );
    let (kept, stderr) = fails_keeping_the_same_rows_as_psql(&project, "tx.sql");
    // After the file's COMMIT each statement commits on its own, as psql -1 runs them.
    assert_eq!(kept, "3:3");
    assert!(
        stderr.contains("the file commits its own transaction at tx.sql:4: everything up to there stayed applied; each statement after it up to tx.sql:6 stayed applied too"),
        "{stderr}"
    );

    // Success: everything, as psql -1 (which warns that its own COMMIT finds no transaction).
    let db = TestDb::new();
    db.create();
    project.write(
        "tx_ok.sql",
        "BEGIN;\nCREATE TABLE t (n int);\nINSERT INTO t VALUES (1);\nCOMMIT;\nINSERT INTO t VALUES (2);\n",
    );
    db.cruddur(&project)
        .args(["seed", "tx_ok.sql"])
        .assert()
        .success();
    assert_eq!(db.query("SELECT count(*) FROM t"), "2");
}

#[test]
fn a_failure_far_past_the_files_own_commit_keeps_what_psql_1_keeps() {
    // Well over one 512 KiB batch of statements after the COMMIT, then a failure.
    let project = Project::new();
    let mut file = String::from("CREATE TABLE t (n int);\nINSERT INTO t VALUES (0);\nCOMMIT;\n");
    for n in 1..=30_000 {
        let _ = writeln!(
            file,
            "INSERT INTO t VALUES ({n}); -- a comment that pads the line"
        );
    }
    file.push_str("INSERT INTO t VALUES ('x');\n");
    assert!(file.len() > 2 * 512 * 1024);
    project.write("long.sql", &file);
    let (kept, stderr) = fails_keeping_the_same_rows_as_psql(&project, "long.sql");
    assert_eq!(kept, "30001:30000");
    assert!(
        stderr.contains("up to long.sql:30003 stayed applied too"),
        "{stderr}"
    );
}

#[test]
fn connect_to_the_same_database_is_accepted_and_to_another_refused() {
    let db = TestDb::new();
    db.create();
    let project = Project::new();
    project.write(
        "same.sql",
        &format!(
            "\\restrict abc\n\\connect -reuse-previous=on \"dbname='{}'\"\nCREATE TABLE t (n int);\n\\unrestrict abc\n",
            db.name
        ),
    );
    db.cruddur(&project)
        .args(["schema-load", "same.sql"])
        .assert()
        .success();
    assert!(
        db.has_table("t"),
        "the statement after \\connect did not run"
    );
    project.write(
        "other.sql",
        "CREATE TABLE u (n int);\n\\connect elsewhere\nCREATE TABLE v (n int);\n",
    );
    db.cruddur(&project)
        .args(["schema-load", "other.sql"])
        .assert()
        .code(5)
        .stderr(predicate::str::contains(
            "other.sql:2: \\connect elsewhere: this file switches to another database",
        ));
    assert!(!db.has_table("u"));
}

#[test]
fn an_unknown_meta_command_is_refused_before_anything_is_sent_even_without_a_transaction() {
    let db = TestDb::new();
    db.create();
    let project = Project::new();
    project.write(
        "meta.sql",
        "CREATE TABLE t (n int);\n\\o out.txt\nCREATE TABLE u (n int);\n",
    );
    db.cruddur(&project)
        .args(["schema-load", "meta.sql", "--no-transaction"])
        .assert()
        .code(5)
        .stderr(predicate::str::contains(
            "meta.sql:2: \\o sends query output to a file or command",
        ));
    assert!(!db.has_table("t"));
}

/// A seed big enough for the progress bar: 9 MiB of COPY rows.
fn big_seed(project: &Project) {
    let mut seed = String::from(
        "DROP TABLE IF EXISTS big;\nCREATE TABLE big (n int, payload text);\nCOPY big FROM stdin;\n",
    );
    let payload = "x".repeat(90);
    let mut n = 0;
    while seed.len() < 9 * 1024 * 1024 {
        let _ = writeln!(seed, "{n}\t{payload}");
        n += 1;
    }
    seed.push_str("\\.\n");
    project.write("big.sql", &seed);
}

#[test]
fn a_big_file_shows_a_progress_bar_on_a_terminal_only() {
    let db = TestDb::new();
    db.create();
    let project = Project::new();
    big_seed(&project);
    let binary = assert_cmd::cargo::cargo_bin("cruddur-db");
    let output = project.in_terminal(&format!("{} seed big.sql", binary.display()), &db.url());
    let screen = String::from_utf8_lossy(&output.stdout);
    assert!(output.status.success(), "{screen}");
    assert!(
        screen.contains(" MiB/9.00 MiB"),
        "no progress bar:\n{screen}"
    );

    // Piped, the same load prints only its status lines.
    db.cruddur(&project)
        .args(["seed", "big.sql"])
        .assert()
        .success()
        .stderr(predicate::str::contains("MiB/").not());

    // On a terminal too, --quiet and --verbose draw no bar.
    for flag in ["--quiet", "--verbose"] {
        let output = project.in_terminal(
            &format!("{} seed big.sql {flag}", binary.display()),
            &db.url(),
        );
        let screen = String::from_utf8_lossy(&output.stdout);
        assert!(output.status.success(), "{screen}");
        assert!(!screen.contains("MiB/"), "a bar with {flag}:\n{screen}");
    }
}
