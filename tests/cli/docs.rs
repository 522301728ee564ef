//! `docs`: the schema's documentation written into a folder, byte-stable, with pages whose
//! diagrams Mermaid renders; `docs --check` says in words what changed, and passes again once
//! the documentation is written anew.

use predicates::prelude::*;

use crate::erd::rendered;
use crate::harness::{Project, TestDb, output_text};
use crate::schema_plans::database;

const SCHEMA: &str = "
    CREATE TABLE users (uuid uuid PRIMARY KEY, handle text NOT NULL DEFAULT 'anon');
    COMMENT ON TABLE users IS 'the people who post';
    COMMENT ON COLUMN users.handle IS 'what others see';
    CREATE TABLE activities (uuid uuid PRIMARY KEY, user_uuid uuid NOT NULL, message text);
    CREATE INDEX activities_user ON activities (user_uuid);
    CREATE TABLE gone (id int PRIMARY KEY);
    CREATE VIEW recent AS SELECT uuid FROM activities;
    CREATE FUNCTION shout(t text) RETURNS text LANGUAGE sql AS 'SELECT upper(t)';";

/// `docs ARGS` on `db`: exit code and stderr.
fn docs(db: &TestDb, project: &Project, args: &[&str]) -> (Option<i32>, String) {
    let output = db
        .cruddur(project)
        .args(["docs", "--from", "db"])
        .args(args)
        .output()
        .unwrap();
    (output.status.code(), output_text(&output).1)
}

#[test]
fn docs_writes_a_page_per_table_with_its_columns_relations_and_a_diagram_mermaid_renders() {
    let db = database(SCHEMA);
    let project = Project::new();
    let (code, stderr) = docs(&db, &project, &[]);
    assert_eq!(code, Some(0), "{stderr}");
    let dir = project.path().join("docs/schema");
    let read = |relative: &str| std::fs::read_to_string(dir.join(relative)).unwrap();
    let readme = read("README.md");
    assert!(
        readme.contains("| [public.users](tables/public.users.md) | 2 | the people who post |"),
        "{readme}"
    );
    let users = read("tables/public.users.md");
    assert!(
        users.contains("| handle | text | not null | `'anon'::text` | what others see |"),
        "{users}"
    );
    assert!(
        users.contains("- [public.activities](public.activities.md) by user_uuid, many-to-one, required (implied: no foreign key holds it)"),
        "{users}"
    );
    let activities = read("tables/public.activities.md");
    assert!(
        activities.contains("CREATE INDEX activities_user ON public.activities"),
        "{activities}"
    );
    assert!(read("views.md").contains("## public.recent"));
    assert!(read("functions.md").contains("## public.shout(text)\n"));
    // The same schema, the same bytes; and --check agrees.
    let written = || -> Vec<String> {
        [
            "README.md",
            "tables/public.users.md",
            "schema.json",
            "index.html",
        ]
        .iter()
        .map(|f| read(f))
        .collect()
    };
    let before = written();
    assert_eq!(docs(&db, &project, &[]).0, Some(0));
    assert_eq!(written(), before);
    assert_eq!(docs(&db, &project, &["--check"]).0, Some(0));
    if let Some(blocks) = rendered(&format!("{readme}{users}")) {
        for (ok, error, _) in blocks {
            assert!(ok, "{error}");
        }
    }
}

#[test]
fn docs_check_says_in_words_what_changed_until_the_docs_are_written_again() {
    let db = database(SCHEMA);
    let project = Project::new();
    assert_eq!(docs(&db, &project, &[]).0, Some(0));
    db.query(
        "ALTER TABLE users ADD COLUMN bio text;
         ALTER TABLE activities ADD FOREIGN KEY (user_uuid) REFERENCES users;
         ALTER TABLE activities ADD UNIQUE (user_uuid);
         DROP TABLE gone;",
    );
    let (code, stderr) = docs(&db, &project, &["--check"]);
    assert_eq!(code, Some(1), "{stderr}");
    for said in [
        "public.users: + column bio text",
        "public.activities -> public.users: now one-to-one",
        "public.activities -> public.users: now a foreign key holds it",
        "- table public.gone",
    ] {
        assert!(stderr.contains(said), "no {said:?} in\n{stderr}");
    }
    assert!(stderr.contains("out of date: "), "{stderr}");
    // Written again: the page of the table that is gone goes too, and the check passes.
    assert_eq!(docs(&db, &project, &[]).0, Some(0));
    let dir = project.path().join("docs/schema");
    assert!(!dir.join("tables/public.gone.md").exists());
    assert_eq!(docs(&db, &project, &["--check"]).0, Some(0));
    // A page edited by hand is said as such.
    std::fs::write(dir.join("tables/public.users.md"), "mine now\n").unwrap();
    db.cruddur(&project)
        .args(["docs", "--from", "db", "--check"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "tables/public.users.md: not what the schema gives (edited by hand?)",
        ));
}

#[test]
fn docs_check_of_a_folder_without_docs_says_how_to_write_them() {
    let db = TestDb::new();
    db.create();
    let project = Project::new();
    db.cruddur(&project)
        .args(["docs", "--from", "db", "--check", "nowhere"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("holds no documentation"))
        .stderr(predicate::str::contains("cruddur-db docs"));
}

#[test]
fn the_html_page_works_offline_its_search_filters_and_its_path_prints_the_join() {
    let db = database(&format!(
        "{SCHEMA}
         CREATE TABLE likes (id int PRIMARY KEY, activity_uuid uuid NOT NULL REFERENCES activities);"
    ));
    let project = Project::new();
    assert_eq!(docs(&db, &project, &[]).0, Some(0));
    let page = project.path().join("docs/schema/index.html");
    let output =
        std::process::Command::new(concat!(env!("CARGO_MANIFEST_DIR"), "/scripts/page-check"))
            .arg(&page)
            .args(["handle", "public.likes", "public.users"])
            .output()
            .expect("run scripts/page-check");
    let stderr = String::from_utf8_lossy(&output.stderr);
    if !output.status.success() && stderr.contains("no chromium") {
        crate::harness::skip("no Chromium to open the page in (apt-get install -y chromium)");
        return;
    }
    assert!(output.status.success(), "page-check failed: {stderr}");
    let seen: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(seen["errors"], serde_json::json!([]), "{seen:#}");
    assert_eq!(
        seen["requests"],
        serde_json::json!([]),
        "nothing is fetched: {seen:#}"
    );
    assert_eq!(seen["sections"], 4, "{seen:#}");
    // Only users has a column called handle.
    assert_eq!(seen["visible"], 1, "{seen:#}");
    assert_eq!(
        seen["join"],
        "SELECT *\nFROM public.likes\nJOIN public.activities ON public.activities.uuid = public.likes.activity_uuid\nJOIN public.users ON public.users.uuid = public.activities.user_uuid",
        "{seen:#}"
    );
    assert_eq!(seen["picture"], true, "{seen:#}");
}
