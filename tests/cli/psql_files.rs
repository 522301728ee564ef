//! SQL files that use psql's own language (variables, `\if`, `\gexec`, `\gset`, `\copy`,
//! `\connect`, `\cd`, display settings, `standard_conforming_strings`) load with cruddur-db as
//! with `psql -1 -v ON_ERROR_STOP=1 -f`: each file is loaded by both into fresh databases and
//! every table's rows compared.

use predicates::prelude::*;

use crate::harness::{Project, TestDb, output_text};

/// Every public table and its rows, as JSON sorted by the row's text.
const ROWS: &str = "SELECT coalesce(string_agg(table_name || ': ' || (xpath('/row/c/text()', query_to_xml(format('SELECT coalesce(json_agg(t ORDER BY t::text)::text, ''[]'') AS c FROM public.%I t', table_name), false, true, '')))[1]::text, E'\\n' ORDER BY table_name), '') FROM information_schema.tables WHERE table_schema = 'public'";

/// Load `main` (in `project`, which holds the files it uses) with psql and with cruddur-db;
/// both must succeed; returns the rows cruddur-db left, after checking psql left the same.
/// `current_database()` differs between the two, so `DB` stands for it in the rows.
fn same_as_psql(project: &Project, main: &str, psql_vars: &[&str], our_args: &[&str]) -> String {
    let with_psql = TestDb::new();
    with_psql.create();
    let mut psql = with_psql.cluster.psql_command(&with_psql.name);
    psql.current_dir(project.path())
        .args(["-X", "-q", "-1", "-v", "ON_ERROR_STOP=1"]);
    for var in psql_vars {
        psql.args(["-v", var]);
    }
    let output = psql.args(["-f", main]).output().unwrap();
    assert!(
        output.status.success(),
        "psql failed on {main}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let with_us = TestDb::new();
    with_us.create();
    with_us
        .cruddur(project)
        .arg("schema-load")
        .arg(main)
        .args(our_args)
        .assert()
        .success();
    let theirs = with_psql.query(ROWS).replace(&with_psql.name, "DB");
    let ours = with_us.query(ROWS).replace(&with_us.name, "DB");
    assert_eq!(ours, theirs, "cruddur-db and psql left different rows");
    ours
}

#[test]
fn variables_from_the_command_line_the_file_and_psqls_builtins() {
    let project = Project::new();
    project.write(
        "vars.sql",
        r#"\set tbl 'My Table'
\set note 'it''s' ' here'
CREATE TABLE :"tbl" (k text, v text);
INSERT INTO :"tbl" VALUES ('from --set', :'who'), ('note', :'note'), ('db', :'DBNAME'),
  ('user', :'USER'), ('defined', :{?who}::text), ('undefined', :{?nobody}::text),
  ('in quotes', ':who stays'), ('cast', 7::text);
\unset who
INSERT INTO :"tbl" VALUES ('after unset', :{?who}::text);
-- :who in a comment is left alone
INSERT INTO :"tbl" VALUES ('server version', (:SERVER_VERSION_NUM >= 120000)::text);
"#,
    );
    let rows = same_as_psql(&project, "vars.sql", &["who=ada"], &["--set", "who=ada"]);
    for expected in [
        r#""v":"ada""#,
        r#""v":"it's here""#,
        r#""v":"DB""#,
        r#""k":"undefined","v":"false""#,
        r#""k":"after unset","v":"false""#,
        r#""v":":who stays""#,
    ] {
        assert!(rows.contains(expected), "no {expected} in {rows}");
    }
}

#[test]
fn copy_from_csv_files_in_both_option_syntaxes_and_inline_rows() {
    let project = Project::new();
    project.write(
        "data/users.csv",
        "handle,name\nada,Ada Lovelace\nbob,\"Bob, Jr\"\n",
    );
    project.write("data/more.csv", "cy|Cy\n");
    project.write(
        "seed.sql",
        "CREATE TABLE users (handle text PRIMARY KEY, name text);\n\
         \\copy users (handle, name) from 'data/users.csv' with (format csv, header true)\n\
         \\copy users from data/more.csv delimiter '|'\n\
         \\copy users from stdin with csv\n\
         dee,\"Dee\"\n\
         \\.\n\
         INSERT INTO users VALUES ('eve', 'Eve');\n",
    );
    let rows = same_as_psql(&project, "seed.sql", &[], &[]);
    assert!(rows.contains(r#""name":"Bob, Jr""#), "{rows}");
    assert!(rows.contains(r#""handle":"dee""#), "{rows}");
    assert!(rows.contains(r#""handle":"eve""#), "{rows}");
}

#[test]
fn a_bad_csv_row_is_named_at_its_line_in_the_csv_file_and_nothing_is_applied() {
    let db = TestDb::new();
    db.create();
    let project = Project::new();
    project.write("users.csv", "id,name\n1,ada\nnot-a-number,bob\n");
    project.write(
        "seed.sql",
        "CREATE TABLE users (id int, name text);\n\\copy users from 'users.csv' csv header\n",
    );
    db.cruddur(&project)
        .args(["schema-load", "seed.sql"])
        .assert()
        .code(5)
        .stderr(predicate::str::contains(
            "users.csv:3: ERROR: invalid input syntax for type integer",
        ))
        .stderr(predicate::str::contains("loaded by \\copy at seed.sql:2"))
        .stderr(predicate::str::contains(
            "nothing from this file was applied",
        ));
    assert!(!db.has_table("users"));
    project.write("out.sql", "\\copy (SELECT 1) to 'out.csv'\n");
    db.cruddur(&project)
        .args(["schema-load", "out.sql"])
        .assert()
        .code(5)
        .stderr(predicate::str::contains(
            "out.sql:1: \\copy ... to writes a file",
        ));
}

#[test]
fn gexec_gset_and_if_branches_run_as_in_psql() {
    let project = Project::new();
    project.write(
        "setup.sql",
        r#"CREATE TABLE log (step text);
SELECT format('CREATE TABLE %I (id int)', 'made_' || n) FROM generate_series(1, 2) n \gexec
SELECT 'INSERT INTO log VALUES (''generated'')' WHERE NOT EXISTS (SELECT FROM log) \gexec
SELECT count(*) AS tables, count(*) > 2 AS many FROM information_schema.tables WHERE table_schema = 'public' \gset t_
\if :t_many
  INSERT INTO log VALUES ('many: ' || :'t_tables');
  \if false
    INSERT INTO log VALUES ('nested never');
  \else
    INSERT INTO log VALUES ('nested else');
  \endif
\elif true
  INSERT INTO log VALUES ('elif never');
\else
  INSERT INTO log VALUES ('else never');
\endif
\if :{?undefined_variable}
  SELECT 1/0;
\elif off
  SELECT 1/0;
\else
  INSERT INTO log VALUES ('else');
\endif
"#,
    );
    let rows = same_as_psql(&project, "setup.sql", &[], &[]);
    assert!(rows.contains("made_2"), "{rows}");
    assert!(rows.contains(r#""step":"many: 3""#), "{rows}");
    assert!(rows.contains(r#""step":"nested else""#), "{rows}");
    assert!(!rows.contains("never"), "{rows}");
}

#[test]
fn an_if_without_endif_or_a_bad_boolean_is_refused_before_anything_is_sent() {
    let db = TestDb::new();
    db.create();
    let project = Project::new();
    project.write(
        "open.sql",
        "CREATE TABLE t (n int);\n\\if true\nSELECT 1;\n",
    );
    db.cruddur(&project)
        .args(["schema-load", "open.sql", "--no-transaction"])
        .assert()
        .code(5)
        .stderr(predicate::str::contains(
            "open.sql:2: this \\if has no \\endif",
        ));
    assert!(!db.has_table("t"));
    project.write("bad.sql", "CREATE TABLE t (n int);\n\\if maybe\n\\endif\n");
    db.cruddur(&project)
        .args(["schema-load", "bad.sql"])
        .assert()
        .code(5)
        .stderr(predicate::str::contains(
            "bad.sql:2: \\if \"maybe\": not a boolean",
        ));
    assert!(!db.has_table("t"));
}

#[test]
fn connect_is_parsed_as_psql_parses_it_and_another_database_is_refused_up_front() {
    let db = TestDb::new();
    db.create();
    let project = Project::new();
    project.write(
        "same.sql",
        &format!(
            "\\c {};\n\\connect -\nCREATE TABLE t (n int);\n\\c \"{}\"\n",
            db.name, db.name
        ),
    );
    db.cruddur(&project)
        .args(["schema-load", "same.sql"])
        .assert()
        .success();
    assert!(db.has_table("t"));
    project.write(
        "other.sql",
        "CREATE TABLE u (n int);\n\\c chinook;\nSELECT 1;\n",
    );
    db.cruddur(&project)
        .args(["schema-load", "other.sql"])
        .assert()
        .code(5)
        .stderr(predicate::str::contains(
            "other.sql:2: \\c chinook: this file switches to another database",
        ))
        .stderr(predicate::str::contains("--no-transaction"));
    assert!(!db.has_table("u"));
}

#[test]
fn backslashes_in_strings_follow_standard_conforming_strings_as_the_file_sets_it() {
    let project = Project::new();
    project.write(
        "old.sql",
        "CREATE TABLE q (s text);\n\
         SET standard_conforming_strings = off;\n\
         INSERT INTO q VALUES ('it\\'s; one string'), ('tab\\there');\n\
         RESET standard_conforming_strings;\n\
         INSERT INTO q VALUES ('back\\slash'), ('ends in \\');\n\
         \\set word next\n\
         INSERT INTO q VALUES (:'word');\n",
    );
    let rows = same_as_psql(&project, "old.sql", &[], &[]);
    assert!(rows.contains("it's; one string"), "{rows}");
    assert!(rows.contains(r#"back\\slash"#), "{rows}");
    // After RESET a backslash before a quote is a character again, not an escape: the
    // literal ends there, and the meta-command on the next line is one.
    assert!(rows.contains(r#"ends in \\"#), "{rows}");
    assert!(rows.contains(r#""next""#), "{rows}");
}

#[test]
fn display_settings_are_accepted_and_cd_moves_where_includes_and_copies_are_found() {
    let project = Project::new();
    project.write("sub/part.sql", "INSERT INTO t VALUES (2);\n");
    project.write("sub/rows.csv", "3\n");
    project.write(
        "main.sql",
        "\\pset format unaligned\n\\x on\n\\timing on\n\\t\n\\a\n\\f ','\n\\C 'title'\n\\H\n\\T 'x'\n\
         CREATE TABLE t (n int);\nINSERT INTO t VALUES (1);\n\\cd sub\n\\i part.sql\n\\copy t from rows.csv\n\\q\nINSERT INTO t VALUES (99);\n",
    );
    let rows = same_as_psql(&project, "main.sql", &[], &[]);
    assert!(rows.contains(r#"{"n":3}"#), "{rows}");
    assert!(!rows.contains("99"), "\\q must stop the file: {rows}");
}

#[test]
fn a_file_from_stdin_a_fifo_or_a_process_substitution_is_read_as_it_streams() {
    let db = TestDb::new();
    db.create();
    let project = Project::new();
    let output = project
        .cruddur_process()
        .env("CONNECTION_URL", db.url())
        .args(["schema-load", "-"])
        .stdin(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .and_then(|mut child| {
            use std::io::Write;
            child
                .stdin
                .take()
                .unwrap()
                .write_all(b"CREATE TABLE from_stdin (n int);\n")?;
            child.wait_with_output()
        })
        .unwrap();
    assert!(output.status.success(), "{}", output_text(&output).1);
    assert!(db.has_table("from_stdin"));
    let fifo = project.path().join("fifo.sql");
    assert!(
        std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    let writer = std::thread::spawn({
        let fifo = fifo.clone();
        move || std::fs::write(fifo, "CREATE TABLE from_fifo (n int);\n").unwrap()
    });
    db.cruddur(&project)
        .args(["schema-load", "fifo.sql"])
        .assert()
        .success();
    writer.join().unwrap();
    assert!(db.has_table("from_fifo"));
    project
        .command("bash")
        .env("CONNECTION_URL", db.url())
        .args([
            "-c",
            &format!(
                "{} schema-load <(echo 'CREATE TABLE from_subst (n int);')",
                assert_cmd::cargo::cargo_bin("cruddur-db").display()
            ),
        ])
        .status()
        .unwrap();
    assert!(db.has_table("from_subst"));
    std::fs::create_dir_all(project.path().join("adir")).unwrap();
    db.cruddur(&project)
        .args(["schema-load", "adir"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("adir is a directory"));
}

#[test]
fn a_connection_lost_mid_file_exits_3_and_says_what_was_applied() {
    let project = Project::new();
    project.write(
        "slow.sql",
        "CREATE TABLE before_loss (n int);\nSELECT pg_sleep(30) AS cruddur_slow_marker;\nCREATE TABLE after_loss (n int);\n",
    );
    for (args, applied) in [
        (
            &["schema-load", "slow.sql"][..],
            "nothing from this file was applied",
        ),
        (
            &["schema-load", "slow.sql", "--no-transaction"],
            "the statements before slow.sql:2 stayed applied",
        ),
    ] {
        let db = TestDb::new();
        db.create();
        let child = project
            .cruddur_process()
            .env("CONNECTION_URL", db.url())
            .args(args)
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        let pid = db.wait_until_running("cruddur_slow_marker");
        db.cluster
            .psql("postgres", &format!("SELECT pg_terminate_backend({pid})"));
        let output = child.wait_with_output().unwrap();
        let stderr = output_text(&output).1;
        assert_eq!(output.status.code(), Some(3), "{stderr}");
        assert!(
            stderr.contains("the server went away while running slow.sql:2"),
            "{stderr}"
        );
        assert!(stderr.contains(applied), "{stderr}");
        assert_eq!(db.has_table("before_loss"), args.len() == 3);
        assert!(!db.has_table("after_loss"));
    }
}

#[test]
fn latin1_files_load_as_their_client_encoding_says_in_sql_copy_and_pgclientencoding() {
    let project = Project::new();
    // pg_dump of a LATIN1 database: its SET, then INSERTs and COPY rows in LATIN1 bytes.
    let mut dump = b"SET client_encoding = 'LATIN1';\nCREATE TABLE l (s text);\n".to_vec();
    dump.extend_from_slice(
        b"INSERT INTO l VALUES ('caf\xe9 cr\xe8me');\nCOPY l FROM stdin;\nna\xefve\n\\.\n",
    );
    dump.extend_from_slice(b"\\encoding UTF8\nINSERT INTO l VALUES ('utf8 \xc3\xa9');\n");
    std::fs::write(project.path().join("latin1.sql"), dump).unwrap();
    let rows = same_as_psql(&project, "latin1.sql", &[], &[]);
    for word in ["café crème", "naïve", "utf8 é"] {
        assert!(rows.contains(word), "no {word} in {rows}");
    }
    // No SET in the file: the environment says how to read it, for psql and for us.
    std::fs::write(
        project.path().join("plain.sql"),
        b"CREATE TABLE p (s text);\nINSERT INTO p VALUES ('\xe9t\xe9');\n",
    )
    .unwrap();
    let db = TestDb::new();
    db.create();
    db.cruddur(&project)
        .args(["schema-load", "plain.sql"])
        .assert()
        .code(5)
        .stderr(predicate::str::contains(
            "plain.sql:2: the file is not valid UTF-8",
        ));
    db.cruddur(&project)
        .env("PGCLIENTENCODING", "LATIN1")
        .args(["schema-load", "plain.sql"])
        .assert()
        .success();
    assert_eq!(db.query("SELECT s FROM p"), "été");
}

#[test]
fn connect_to_another_database_switches_to_it_without_a_transaction_as_psql_does() {
    // A sample-database installer: make the database, connect to it, fill it.
    let sample = TestDb::new();
    let start = TestDb::new();
    start.create();
    let project = Project::new();
    project.write(
        "install.sql",
        &format!(
            "DROP DATABASE IF EXISTS {0};\nCREATE DATABASE {0};\n\\c {0};\n\
             CREATE TABLE artist (id int, name text);\nINSERT INTO artist VALUES (1, 'AC/DC'), (2, :'DBNAME');\n",
            sample.name
        ),
    );
    let output = start
        .cluster
        .psql_command(&start.name)
        .current_dir(project.path())
        .args(["-X", "-q", "-v", "ON_ERROR_STOP=1", "-f", "install.sql"])
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let by_psql = sample.query(ROWS);
    start
        .cruddur(&project)
        .args(["schema-load", "install.sql", "--no-transaction"])
        .assert()
        .success()
        .stderr(predicate::str::contains(format!(
            "install.sql:3: now in database \"{}\"",
            sample.name
        )));
    assert_eq!(sample.query(ROWS), by_psql);
    assert!(by_psql.contains(&sample.name), "{by_psql}");
    assert!(!start.has_table("artist"));
    start
        .cluster
        .cleanup(&format!("DROP DATABASE IF EXISTS {}", sample.name));
}

#[test]
fn copy_from_pstdin_reads_the_rows_piped_into_the_command_as_psql_does() {
    use std::io::Write;
    let project = Project::new();
    project.write(
        "load.sql",
        "CREATE TABLE piped (n int, s text);\n\\copy piped from pstdin with (format csv)\n",
    );
    let rows = b"1,one\n2,\"two, too\"\n";
    let run = |mut command: std::process::Command| {
        let mut child = command
            .stdin(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        child.stdin.take().unwrap().write_all(rows).unwrap();
        let output = child.wait_with_output().unwrap();
        assert!(output.status.success(), "{}", output_text(&output).1);
    };
    let with_psql = TestDb::new();
    with_psql.create();
    let mut psql = with_psql.cluster.psql_command(&with_psql.name);
    psql.current_dir(project.path()).args([
        "-X",
        "-q",
        "-1",
        "-v",
        "ON_ERROR_STOP=1",
        "-f",
        "load.sql",
    ]);
    run(psql);
    let with_us = TestDb::new();
    with_us.create();
    let mut ours = project.cruddur_process();
    ours.env("CONNECTION_URL", with_us.url())
        .args(["schema-load", "load.sql"]);
    run(ours);
    assert_eq!(with_us.query(ROWS), with_psql.query(ROWS));
    assert!(with_us.query(ROWS).contains("two, too"));
}
