//! The SQL engine on real servers: pg_dump files, COPY, batches that still report the right
//! statement, notices with their line, a file's own transactions, `\connect`, and Ctrl-C.

use std::fmt::Write as _;
use std::time::{Duration, Instant};

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
    let mut seed = String::from("CREATE TABLE t (n int PRIMARY KEY);\n");
    for n in 1..=5000 {
        let _ = writeln!(seed, "INSERT INTO t VALUES ({n});");
    }
    // Line 5002: a runtime error the server gives no position for.
    seed.push_str("INSERT INTO t VALUES (1);\n");
    project.write("dupe.sql", &seed);
    db.cruddur(&project)
        .args(["seed", "dupe.sql"])
        .assert()
        .code(5)
        .stderr(predicate::str::contains(
            "dupe.sql:5002:1: ERROR: duplicate key",
        ));

    // Line 4001: a parse error the server positions inside the batch.
    let mut seed = String::from("CREATE TABLE t (n int);\n");
    for n in 1..=3999 {
        let _ = writeln!(seed, "INSERT INTO t VALUES ({n});");
    }
    seed.push_str("INSERT INTO t VALUES (1), (2), (3 +);\n");
    project.write("syntax.sql", &seed);
    db.cruddur(&project)
        .args(["seed", "syntax.sql"])
        .assert()
        .code(5)
        .stderr(predicate::str::contains(
            "syntax.sql:4001:36: ERROR: syntax error at or near \")\"",
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

#[test]
fn a_file_with_its_own_begin_and_commit_keeps_working() {
    let db = TestDb::new();
    db.create();
    let project = Project::new();
    project.write(
        "tx.sql",
        "BEGIN;\nCREATE TABLE t (n int);\nINSERT INTO t VALUES (1);\nCOMMIT;\nINSERT INTO t VALUES (2);\n",
    );
    db.cruddur(&project)
        .args(["seed", "tx.sql"])
        .assert()
        .success();
    assert_eq!(db.query("SELECT count(*) FROM t"), "2");

    project.write(
        "tx_fail.sql",
        "BEGIN;\nCREATE TABLE u (n int);\nCOMMIT;\nINSERT INTO u VALUES ('x');\n",
    );
    db.cruddur(&project)
        .args(["seed", "tx_fail.sql"])
        .assert()
        .code(5)
        .stderr(predicate::str::contains(
            "the file ends its own transaction at tx_fail.sql:3",
        ));
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
        "CREATE TABLE t (n int);\n\\gexec\nCREATE TABLE u (n int);\n",
    );
    db.cruddur(&project)
        .args(["schema-load", "meta.sql", "--no-transaction"])
        .assert()
        .code(5)
        .stderr(predicate::str::contains(
            "meta.sql:2: unsupported psql meta-command \\gexec",
        ));
    assert!(!db.has_table("t"));
}

#[test]
fn ctrl_c_cancels_the_running_statement_rolls_back_and_exits_130() {
    let db = TestDb::new();
    db.create();
    let project = Project::new();
    project.write(
        "slow.sql",
        "CREATE TABLE before_sleep (n int);\nSELECT pg_sleep(60);\n",
    );
    let child = project
        .cruddur_process()
        .args(["schema-load", "slow.sql"])
        .env("CONNECTION_URL", db.url())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let sleeping = "SELECT count(*) FROM pg_stat_activity WHERE query LIKE '%pg_sleep(60)%' AND pid <> pg_backend_pid()";
    let deadline = Instant::now() + Duration::from_secs(20);
    while db.query(sleeping) != "1" {
        assert!(Instant::now() < deadline, "the sleep never started");
        std::thread::sleep(Duration::from_millis(50));
    }
    let interrupted = Instant::now();
    unsafe { libc::kill(child.id() as i32, libc::SIGINT) };
    let output = child.wait_with_output().unwrap();
    assert!(
        interrupted.elapsed() < Duration::from_secs(1),
        "took {:?}",
        interrupted.elapsed()
    );
    assert_eq!(output.status.code(), Some(130));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("the running statement was cancelled"),
        "{stderr}"
    );
    // The cancel reaches the server at once; the rollback follows as the connection closes.
    let deadline = Instant::now() + Duration::from_secs(5);
    while db.query(sleeping) != "0" {
        assert!(Instant::now() < deadline, "the statement kept running");
        std::thread::sleep(Duration::from_millis(50));
    }
    assert!(!db.has_table("before_sleep"));
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
}
