//! `check`: Cruddur's kind of query files (`backend-flask/db/sql/**.sql`, psycopg's
//! `%(name)s`) prepared against a real server, never executed: what prepares and with which
//! parameters and columns, what does not and where, against the files, the database or
//! production; `migrate` refusing a migration that breaks one; `doctor` counting them.

use predicates::prelude::*;
use serde_json::Value;

use crate::harness::{Project, TestDb, output_text};
use crate::running::Running;

/// Queries written the way Cruddur's backend writes them, one per file.
const QUERIES: &[(&str, &str)] = &[
    (
        "activities/create.sql",
        "INSERT INTO public.activities (
  user_uuid,
  message,
  expires_at
)
VALUES (
  (SELECT uuid
    FROM public.users
    WHERE users.handle = %(handle)s
    LIMIT 1
  ),
  %(message)s,
  %(expires_at)s
) RETURNING uuid;
",
    ),
    (
        "activities/home.sql",
        "SELECT
  activities.uuid,
  users.display_name,
  users.handle,
  activities.message,
  activities.created_at
FROM public.activities
LEFT JOIN public.users ON users.uuid = activities.user_uuid
ORDER BY activities.created_at DESC
",
    ),
    (
        "users/short.sql",
        "SELECT
  users.uuid,
  users.handle,
  users.display_name
FROM public.users
WHERE
  users.handle = %(handle)s
",
    ),
    (
        "users/search.sql",
        "SELECT users.handle
FROM public.users
WHERE users.display_name LIKE '%%' || %(term)s || '%%'
  AND users.handle <> '%%(not a param)s'
",
    ),
];

/// A project laid out like Cruddur's, with its query files.
fn project() -> Project {
    let project = Project::new();
    for (file, text) in QUERIES {
        project.write(&format!("backend-flask/db/sql/{file}"), text);
    }
    project
}

/// `check --json ARGS` on `db`'s project: the exit code, the outcomes and stderr.
fn check(db: &TestDb, project: &Project, args: &[&str]) -> (Option<i32>, Vec<Value>, String) {
    let output = db
        .cruddur(project)
        .args(["check", "--json"])
        .args(args)
        .output()
        .unwrap();
    let (stdout, stderr) = output_text(&output);
    let outcomes: Value =
        serde_json::from_str(&stdout).unwrap_or_else(|err| panic!("{err}: {stdout}\n{stderr}"));
    (
        output.status.code(),
        outcomes.as_array().unwrap().clone(),
        stderr,
    )
}

fn outcome<'a>(outcomes: &'a [Value], file: &str) -> &'a Value {
    outcomes
        .iter()
        .find(|o| o["file"].as_str().unwrap().ends_with(file))
        .unwrap_or_else(|| panic!("no outcome for {file} in {outcomes:#?}"))
}

#[test]
fn cruddur_queries_prepare_with_the_parameters_and_columns_the_server_infers() {
    let db = TestDb::new();
    db.create();
    let project = project();
    let (code, outcomes, stderr) = check(&db, &project, &[]);
    assert_eq!(code, Some(0), "{stderr}");
    assert_eq!(outcomes.len(), QUERIES.len());
    let create = outcome(&outcomes, "activities/create.sql");
    assert_eq!(create["ok"], true);
    assert_eq!(create["line"], 1);
    assert_eq!(
        create["params"],
        serde_json::json!([
            {"name": "handle", "type": "text"},
            {"name": "message", "type": "text"},
            {"name": "expires_at", "type": "timestamp without time zone"},
        ])
    );
    assert_eq!(
        create["columns"],
        serde_json::json!([{"name": "uuid", "type": "uuid", "nullable": false}])
    );
    // A NOT NULL column straight from its table is not nullable; across a LEFT JOIN, nothing
    // is known.
    let short = outcome(&outcomes, "users/short.sql");
    assert_eq!(short["columns"][1]["nullable"], false, "{short:#}");
    let home = outcome(&outcomes, "activities/home.sql");
    assert!(home["columns"][2]["nullable"].is_null(), "{home:#}");
    assert!(
        stderr.contains("== check 4 queries against files: 4 prepare"),
        "{stderr}"
    );
    assert_eq!(db.kept_aside("diff"), Vec::<String>::new());
}

#[test]
fn a_column_only_a_migration_adds_prepares_against_the_files_not_against_schema_sql_alone() {
    let db = TestDb::new();
    db.create();
    let project = project();
    project.write(
        "backend-flask/db/sql/users/show.sql",
        "SELECT\n  users.uuid,\n  users.bio\nFROM public.users\nWHERE users.handle = %(handle)s\n",
    );
    project.write(
        "sql/migrations/20240101000000_add_bio.sql",
        "-- migrate:up\nALTER TABLE public.users ADD COLUMN bio text;\n-- migrate:down\nALTER TABLE public.users DROP COLUMN bio;\n",
    );
    let (code, _, stderr) = check(&db, &project, &[]);
    assert_eq!(code, Some(0), "{stderr}");
    let output = db
        .cruddur(&project)
        .args(["check", "--against", "file:sql/schema.sql"])
        .output()
        .unwrap();
    let (stdout, stderr) = output_text(&output);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(
        stdout.contains(
            "error backend-flask/db/sql/users/show.sql:3:3: column users.bio does not exist\n 3 |   users.bio\n   |   ^^^^^^^^^"
        ),
        "{stdout}"
    );
    assert!(
        stderr.contains("1 of 5 queries do not prepare against file:sql/schema.sql"),
        "{stderr}"
    );
}

#[test]
fn a_renamed_column_is_an_error_at_its_place_with_the_name_it_has_now() {
    let db = TestDb::new();
    db.create();
    let project = project();
    project.write(
        "sql/migrations/20240101000000_rename_handle.sql",
        "-- migrate:up\nALTER TABLE public.users RENAME COLUMN handle TO user_handle;\n-- migrate:down\nALTER TABLE public.users RENAME COLUMN user_handle TO handle;\n",
    );
    let (code, outcomes, _) = check(&db, &project, &["backend-flask/db/sql/users/short.sql"]);
    assert_eq!(code, Some(1));
    let error = &outcome(&outcomes, "users/short.sql")["error"];
    assert_eq!(error["message"], "column users.handle does not exist");
    assert_eq!(
        (error["line"].as_u64(), error["column"].as_u64()),
        (Some(3), Some(3))
    );
    assert_eq!(error["sqlstate"], "42703");
    assert_eq!(error["did_you_mean"], "users.user_handle");
    // The same, as people read it.
    db.cruddur(&project)
        .args(["check", "backend-flask/db/sql/users/short.sql"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains(
            "did you mean `users.user_handle`?",
        ));
}

#[test]
fn a_uuid_parameter_compared_with_an_integer_column_is_a_type_error() {
    let db = TestDb::new();
    db.create();
    let project = project();
    // The bootcamp's schema.sql kept reply_to_activity_uuid an integer.
    let schema = std::fs::read_to_string(project.path().join("sql/schema.sql")).unwrap();
    project.write(
        "sql/schema.sql",
        &schema.replace(
            "reply_to_activity_uuid UUID",
            "reply_to_activity_uuid integer",
        ),
    );
    project.write(
        "backend-flask/db/sql/activities/replies.sql",
        "SELECT activities.uuid\nFROM public.activities\nWHERE activities.uuid = %(uuid)s\n   OR activities.reply_to_activity_uuid = %(uuid)s\n",
    );
    let (code, outcomes, _) = check(&db, &project, &[]);
    assert_eq!(code, Some(1));
    let error = &outcome(&outcomes, "activities/replies.sql")["error"];
    assert!(
        error["message"]
            .as_str()
            .unwrap()
            .contains("operator does not exist: integer = uuid"),
        "{error:#}"
    );
    assert_eq!(
        (error["line"].as_u64(), error["column"].as_u64()),
        (Some(4), Some(41))
    );
}

#[test]
fn percent_signs_and_placeholders_in_literals_are_read_as_psycopg_reads_them() {
    let db = TestDb::new();
    db.create();
    let project = project();
    let (_, outcomes, _) = check(&db, &project, &[]);
    // `%%` is a percent sign, `'%%(not a param)s'` text: it prepares, with one parameter.
    let search = outcome(&outcomes, "users/search.sql");
    assert_eq!(search["ok"], true, "{search:#}");
    assert_eq!(
        search["params"],
        serde_json::json!([{"name": "term", "type": "text"}])
    );
    // psycopg replaces a placeholder in a literal too: that query would fail in the app.
    project.write(
        "backend-flask/db/sql/users/literal.sql",
        "SELECT users.handle\nFROM public.users\nWHERE users.handle = %(handle)s OR users.bio = '%(not a param)s'\n",
    );
    let (code, outcomes, _) = check(&db, &project, &[]);
    assert_eq!(code, Some(1));
    let error = &outcome(&outcomes, "users/literal.sql")["error"];
    assert_eq!(
        (error["line"].as_u64(), error["column"].as_u64()),
        (Some(3), Some(49))
    );
    assert!(
        error["message"].as_str().unwrap().starts_with(
            "%(not a param)s is inside a string literal, and psycopg replaces it there too"
        ),
        "{error:#}"
    );
    assert_eq!(
        error["hint"],
        "to keep the text as it is, write %%(not a param)s"
    );
}

/// `check --json` of the one query file `text` (in a project of its own): its outcomes.
fn check_one(db: &TestDb, text: &str) -> (Option<i32>, Vec<Value>) {
    let project = Project::new();
    project.write("backend-flask/db/sql/one.sql", text);
    let (code, outcomes, _) = check(db, &project, &[]);
    (code, outcomes)
}

#[test]
fn a_file_that_uses_psycopg_placeholders_is_checked_whole_as_psycopg_sends_it() {
    let db = TestDb::new();
    let project = Project::new();
    db.cruddur(&project).arg("setup").assert().success();
    // Comments before, between and after the statement are psycopg's to read too.
    for (text, line) in [
        ("-- by %(handle)s\nSELECT 1 WHERE %(x)s = 'a';\n", 1),
        ("SELECT 1 WHERE %(x)s = 'a'; -- 100%\n", 1),
        ("-- 50% off\nSELECT 1 WHERE %(x)s = 'a';\n", 1),
        ("SELECT 1 WHERE %(x)s = 'a';\n/* see %(other)s */\n", 2),
    ] {
        let (code, outcomes) = check_one(&db, text);
        assert_eq!(code, Some(1), "{text}: {outcomes:#?}");
        let error = &outcomes[0]["error"];
        assert_eq!(error["line"], line, "{text}: {error:#}");
        assert!(
            error["message"].as_str().unwrap().contains("%"),
            "{error:#}"
        );
    }
    // Two statements and parameters: one prepared statement cannot hold them.
    let (code, outcomes) = check_one(
        &db,
        "UPDATE public.users SET bio = %(bio)s WHERE handle = %(handle)s;\nSELECT 1;\n",
    );
    assert_eq!(code, Some(1));
    assert_eq!(outcomes.len(), 1, "{outcomes:#?}");
    let error = &outcomes[0]["error"];
    assert_eq!(error["line"], 2);
    assert!(
        error["message"]
            .as_str()
            .unwrap()
            .contains("cannot insert multiple commands into a prepared statement"),
        "{error:#}"
    );
    // Without parameters psycopg sends the file as a simple query: many statements are fine.
    let (code, outcomes) = check_one(&db, "SELECT 1;\nSELECT 2;\n");
    assert_eq!((code, outcomes.len()), (Some(0), 2), "{outcomes:#?}");
}

#[test]
fn transaction_control_in_a_query_file_is_a_warning_and_psql_variables_are_parameters() {
    let db = TestDb::new();
    let project = Project::new();
    db.cruddur(&project).arg("setup").assert().success();
    let (code, outcomes) = check_one(&db, "BEGIN;\nSELECT 1;\nCOMMIT;\n");
    assert_eq!(code, Some(0), "{outcomes:#?}");
    assert!(
        outcomes[0]["warning"]
            .as_str()
            .unwrap()
            .starts_with("BEGIN in a query file")
    );
    assert!(
        outcomes[2]["warning"]
            .as_str()
            .unwrap()
            .starts_with("COMMIT in a query file")
    );
    assert!(outcomes[1].get("warning").is_none(), "{outcomes:#?}");
    let (code, outcomes) = check_one(
        &db,
        "SELECT users.uuid FROM public.users WHERE users.handle = :'handle'\n",
    );
    assert_eq!(code, Some(0), "{outcomes:#?}");
    assert_eq!(
        outcomes[0]["params"],
        serde_json::json!([{"name": "handle", "type": "text"}])
    );
    let (code, outcomes) = check_one(&db, "SELECT count(*) FROM public.:\"table\"\n");
    assert_eq!(code, Some(1));
    assert!(
        outcomes[0]["error"]["message"]
            .as_str()
            .unwrap()
            .starts_with(":\"table\" is psql's quoted identifier"),
        "{outcomes:#?}"
    );
}

#[test]
fn folders_are_walked_once_and_a_file_that_cannot_be_read_is_that_files_error() {
    let db = TestDb::new();
    let project = project();
    db.cruddur(&project).arg("setup").assert().success();
    let sql = project.path().join("backend-flask/db/sql");
    // A link back to a parent folder, and a second link to a query.
    std::os::unix::fs::symlink(&sql, sql.join("users/loop")).unwrap();
    std::os::unix::fs::symlink(sql.join("users/short.sql"), sql.join("short_again.sql")).unwrap();
    let (code, outcomes, stderr) = check(&db, &project, &[]);
    assert_eq!(code, Some(0), "{stderr}");
    assert_eq!(outcomes.len(), QUERIES.len(), "{outcomes:#?}");
    assert!(stderr.contains("leads back to"), "{stderr}");
    // A dangling link and a file that is not UTF-8 fail on their own; the rest is checked.
    std::os::unix::fs::symlink(sql.join("gone.sql"), sql.join("dangling.sql")).unwrap();
    std::fs::write(sql.join("latin1.sql"), b"SELECT 'caf\xe9';\n").unwrap();
    let (code, outcomes, stderr) = check(&db, &project, &[]);
    assert_eq!(code, Some(1), "{stderr}");
    assert_eq!(outcomes.len(), QUERIES.len() + 2, "{outcomes:#?}");
    let dangling = outcome(&outcomes, "dangling.sql");
    assert_eq!(dangling["ok"], false);
    assert!(
        dangling["error"]["message"]
            .as_str()
            .unwrap()
            .contains("which does not exist"),
        "{dangling:#}"
    );
    let latin1 = outcome(&outcomes, "latin1.sql");
    assert!(
        latin1["error"]["message"]
            .as_str()
            .unwrap()
            .contains("is not UTF-8 (line 1)"),
        "{latin1:#}"
    );
    assert_eq!(
        outcomes.iter().filter(|o| o["ok"] == true).count(),
        QUERIES.len(),
        "{outcomes:#?}"
    );
    assert!(!stderr.contains("please report"), "{stderr}");
}

#[test]
fn checking_executes_nothing_even_a_query_that_inserts() {
    let db = TestDb::new();
    let project = project();
    db.cruddur(&project).arg("setup").assert().success();
    let before = db.query("SELECT count(*) FROM activities");
    for against in ["db", "files"] {
        let (code, _, stderr) = check(&db, &project, &["--against", against]);
        assert_eq!(code, Some(0), "{against}: {stderr}");
    }
    assert_eq!(db.query("SELECT count(*) FROM activities"), before);
    // Nothing could have been: the database refuses writes, and the check still passes.
    db.query(&format!(
        "ALTER DATABASE {} SET default_transaction_read_only = on",
        crate::harness::ident(&db.name)
    ));
    let (code, _, stderr) = check(&db, &project, &["--against", "db"]);
    assert_eq!(code, Some(0), "{stderr}");
}

#[test]
fn production_is_checked_read_only_without_a_confirmation() {
    let production = TestDb::production();
    let project = project();
    project
        .cruddur()
        .env("PROD_CONNECTION_URL", production.url())
        .args(["--prod", "setup", "--yes"])
        .assert()
        .success();
    production.query(&format!(
        "ALTER DATABASE {} SET default_transaction_read_only = on",
        crate::harness::ident(&production.name)
    ));
    project
        .cruddur()
        .env("PROD_CONNECTION_URL", production.url())
        .args(["--prod", "check", "--against", "db"])
        .assert()
        .success()
        .stderr(predicate::str::contains("4 prepare"));
}

#[test]
fn migrate_refuses_a_migration_that_breaks_a_query_and_names_it() {
    let db = TestDb::new();
    let project = project();
    db.cruddur(&project).arg("setup").assert().success();
    project.write(
        "sql/migrations/20240101000000_drop_display_name.sql",
        "-- migrate:up\n-- cruddur-db:allow ban-drop-column the app stopped showing it\nALTER TABLE public.users DROP COLUMN display_name;\n-- migrate:down\nALTER TABLE public.users ADD COLUMN display_name text;\n",
    );
    db.cruddur(&project)
        .arg("migrate")
        .assert()
        .code(8)
        .stderr(predicate::str::contains(
            "pending migration(s) 20240101000000_drop_display_name would break 3 of the application's queries that prepare today",
        ))
        .stderr(predicate::str::contains("backend-flask/db/sql/users/short.sql:4:3"));
    assert_eq!(
        db.query("SELECT count(*) FROM information_schema.columns WHERE table_name = 'users' AND column_name = 'display_name'"),
        "1"
    );
    db.cruddur(&project)
        .args(["migrate", "--unsafe"])
        .assert()
        .success()
        .stderr(predicate::str::contains("--unsafe: applying"));
    assert_eq!(
        db.query("SELECT count(*) FROM information_schema.columns WHERE table_name = 'users' AND column_name = 'display_name'"),
        "0"
    );
}

#[test]
fn a_query_that_already_fails_is_a_warning_and_blames_no_migration() {
    let db = TestDb::new();
    let project = project();
    db.cruddur(&project).arg("setup").assert().success();
    project.write(
        "backend-flask/db/sql/users/typo.sql",
        "SELECT handle FROM public.userz WHERE handle = %(handle)s\n",
    );
    project.write(
        "sql/migrations/20230104000000_harmless.sql",
        "-- migrate:up\nCREATE TABLE public.notes (id int);\n-- migrate:down\nDROP TABLE public.notes;\n",
    );
    db.cruddur(&project)
        .arg("migrate")
        .assert()
        .success()
        .stderr(predicate::str::contains(
            "1 of the application's queries already fail against the database as it is, before the migrations: backend-flask/db/sql/users/typo.sql:1:20",
        ))
        .stderr(predicate::str::contains("would break").not());
    assert!(db.has_table("notes"));
    // A migration that does break queries is refused for those alone.
    project.write(
        "sql/migrations/20240101000000_drop_display_name.sql",
        "-- migrate:up\n-- cruddur-db:allow ban-drop-column the app stopped showing it\nALTER TABLE public.users DROP COLUMN display_name;\n-- migrate:down\nALTER TABLE public.users ADD COLUMN display_name text;\n",
    );
    let output = db.cruddur(&project).arg("migrate").output().unwrap();
    let (_, stderr) = output_text(&output);
    assert_eq!(output.status.code(), Some(8), "{stderr}");
    let refusal = stderr
        .lines()
        .find(|l| l.contains("would break"))
        .unwrap_or_else(|| panic!("{stderr}"));
    assert!(refusal.contains("would break 3 of"), "{refusal}");
    assert!(!refusal.contains("typo.sql"), "{refusal}");
}

#[test]
fn doctor_counts_the_queries_that_prepare_against_the_database() {
    let db = TestDb::new();
    let project = project();
    db.cruddur(&project).arg("setup").assert().success();
    db.cruddur(&project)
        .arg("doctor")
        .assert()
        .success()
        .stderr(predicate::str::contains(
            "4 of 4 queries prepare against the database",
        ));
}

#[test]
fn watch_checks_again_when_a_query_file_or_a_migration_changes() {
    let db = TestDb::new();
    db.create();
    let project = project();
    let mut command = project.cruddur_process();
    command
        .env("CONNECTION_URL", db.url())
        .args(["check", "--watch"]);
    let mut watching = Running::start(command);
    watching.wait_for("4 queries against files: 4 prepare");
    watching.wait_for("waiting for a query file");
    project.write(
        "backend-flask/db/sql/users/show.sql",
        "SELECT users.bio FROM public.users WHERE users.handle = %(handle)s\n",
    );
    watching.wait_for("5 queries against files: 4 prepare, 1 do not");
    // A new migration is applied to the scratch database it keeps.
    project.write(
        "sql/migrations/20240101000000_add_bio.sql",
        "-- migrate:up\nALTER TABLE public.users ADD COLUMN bio text;\n-- migrate:down\nALTER TABLE public.users DROP COLUMN bio;\n",
    );
    watching.wait_for("applied 1 new migration(s) to the scratch database");
    watching.wait_for("5 queries against files: 5 prepare");
    watching.signal(libc::SIGINT);
    let (status, stderr) = watching.finish();
    assert_eq!(status.code(), Some(0), "{stderr}");
    assert_eq!(db.kept_aside("diff"), Vec::<String>::new());
}

#[test]
fn check_says_clearly_where_there_are_no_queries_and_what_a_source_is() {
    let db = TestDb::new();
    db.create();
    Project::new()
        .cruddur()
        .env("CONNECTION_URL", db.url())
        .arg("check")
        .assert()
        .code(1)
        .stderr(predicate::str::contains("no queries folder"))
        .stderr(predicate::str::contains("CRUDDUR_DB_QUERIES"));
    let project = project();
    db.cruddur(&project)
        .args(["check", "--against", "nonsense"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("is not a schema source"))
        // The hint names check's own flag, not diff's.
        .stderr(predicate::str::contains("hint: e.g. --against db"))
        .stderr(predicate::str::contains("--from").not());
    // CRUDDUR_DB_QUERIES names another folder.
    project.write("queries/one.sql", "SELECT 1 AS one\n");
    db.cruddur(&project)
        .env("CRUDDUR_DB_QUERIES", "queries")
        .arg("check")
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "ok    queries/one.sql:1  -> one integer",
        ));
}
