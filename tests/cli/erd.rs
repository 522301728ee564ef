//! `erd`: the schema as Mermaid erDiagram blocks, checked by Mermaid itself (the npm package)
//! rendering them in headless Chromium: every block renders and names each of its tables;
//! cardinality comes from keys and NOT NULL, implied relations are drawn dashed, a big schema
//! is split within Mermaid's limits, and the same schema gives the same bytes.

use std::process::Command;

use predicates::prelude::*;
use serde_json::Value;

use crate::harness::{Project, TestDb, output_text, skip};
use crate::schema_plans::database;

/// What Mermaid made of each block of `markdown`: `(ok, error, svg)`, or `None` where no
/// Chromium is installed (a failure under CI).
pub fn rendered(markdown: &str) -> Option<Vec<(bool, String, String)>> {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("erd.md");
    std::fs::write(&path, markdown).unwrap();
    let output = Command::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/scripts/mermaid-render"
    ))
    .arg(&path)
    .output()
    .expect("run scripts/mermaid-render");
    let stderr = String::from_utf8_lossy(&output.stderr);
    if !output.status.success() && stderr.contains("no chromium") {
        skip("no Chromium to render Mermaid in (apt-get install -y chromium)");
        return None;
    }
    assert!(output.status.success(), "mermaid-render failed: {stderr}");
    Some(
        String::from_utf8(output.stdout)
            .unwrap()
            .lines()
            .map(|line| {
                let v: Value = serde_json::from_str(line).unwrap();
                (
                    v["ok"].as_bool().unwrap(),
                    v["error"].as_str().unwrap_or("").to_string(),
                    v["svg"].as_str().unwrap_or("").to_string(),
                )
            })
            .collect(),
    )
}

/// `erd ARGS` on `db`: its Markdown.
fn erd(db: &TestDb, project: &Project, args: &[&str]) -> String {
    let output = db.cruddur(project).arg("erd").args(args).output().unwrap();
    let (stdout, stderr) = output_text(&output);
    assert_eq!(output.status.code(), Some(0), "{stderr}");
    stdout
}

/// The entity names each block declares.
fn entities(markdown: &str) -> Vec<Vec<String>> {
    markdown
        .split("```mermaid\n")
        .skip(1)
        .map(|block| {
            block
                .lines()
                .filter(|l| l.starts_with("    ") && l.ends_with(" {") && !l.starts_with("     "))
                .map(|l| l.trim().trim_end_matches(" {").to_string())
                .collect()
        })
        .collect()
}

#[test]
fn the_cruddur_schema_from_its_files_renders_in_mermaid_with_its_implied_relation() {
    let db = TestDb::new();
    let project = Project::new();
    db.create();
    let markdown = erd(&db, &project, &[]);
    assert!(
        markdown.starts_with("```mermaid\nerDiagram\n"),
        "{markdown}"
    );
    assert!(
        markdown.contains("activities }o..|| users : \"user_uuid (implied)\""),
        "{markdown}"
    );
    // The migration history is the tool's, not the application's.
    assert!(!markdown.contains("schema_migrations"), "{markdown}");
    let Some(blocks) = rendered(&markdown) else {
        return;
    };
    let names = entities(&markdown);
    assert_eq!(blocks.len(), names.len());
    for ((ok, error, svg), names) in blocks.iter().zip(&names) {
        assert!(ok, "Mermaid refused the block: {error}\n{markdown}");
        for name in names {
            assert!(
                svg.contains(&format!("entity-{name}-")),
                "{name} is not drawn"
            );
        }
    }
}

#[test]
fn cardinality_comes_from_keys_and_not_null_and_the_same_schema_gives_the_same_bytes() {
    let schema = |order_first: bool| {
        let parent = "CREATE TABLE parents (id int PRIMARY KEY, a int, b int, UNIQUE (a, b));";
        let children = "
            CREATE TABLE many_required (id int PRIMARY KEY, parent_id int NOT NULL REFERENCES parents);
            CREATE TABLE many_optional (id int PRIMARY KEY, parent_id int REFERENCES parents);
            CREATE TABLE one_required (id int PRIMARY KEY, parent_id int NOT NULL UNIQUE REFERENCES parents);
            CREATE TABLE pairs (id int PRIMARY KEY, a int NOT NULL, b int NOT NULL,
                                FOREIGN KEY (a, b) REFERENCES parents (a, b));
            CREATE TABLE unchecked (id int PRIMARY KEY, parent_id int NOT NULL);
            ALTER TABLE unchecked ADD FOREIGN KEY (parent_id) REFERENCES parents NOT VALID;
            CREATE TABLE readings (at int NOT NULL, parent_id int REFERENCES parents) PARTITION BY RANGE (at);
            CREATE TABLE readings_1 PARTITION OF readings FOR VALUES FROM (0) TO (10);
            CREATE SCHEMA audit;
            CREATE TABLE audit.events (id int PRIMARY KEY, parent_id int NOT NULL REFERENCES public.parents);";
        match order_first {
            true => format!("{parent}{children}"),
            false => children.replace(
                "CREATE TABLE many_required",
                &format!("{parent}\nCREATE TABLE many_required"),
            ),
        }
    };
    let db = database(&schema(true));
    let project = Project::new();
    let markdown = erd(&db, &project, &["--from", "db"]);
    for edge in [
        "many_required }o--|| parents : \"parent_id\"",
        "many_optional }o--o| parents : \"parent_id\"",
        "one_required |o--|| parents : \"parent_id\"",
        "pairs }o--|| parents : \"a, b\"",
        "unchecked }o..|| parents : \"parent_id\"",
        "readings }o--o| parents : \"parent_id\"",
        "audit__events }o--|| parents : \"parent_id\"",
    ] {
        assert!(markdown.contains(edge), "no {edge} in\n{markdown}");
    }
    // A partition is its parent's: drawn once.
    assert!(!markdown.contains("readings_1"), "{markdown}");
    assert!(
        markdown.contains("int4 id PK") || markdown.contains("integer id PK"),
        "{markdown}"
    );
    // Byte-stable: again, and from a database built in another order.
    assert_eq!(erd(&db, &project, &["--from", "db"]), markdown);
    let other = database(&schema(false));
    assert_eq!(erd(&other, &project, &["--from", "db"]), markdown);
    if let Some(blocks) = rendered(&markdown) {
        assert!(blocks.iter().all(|(ok, _, _)| *ok), "{blocks:?}");
    }
}

#[test]
fn tables_named_are_drawn_with_what_lies_within_depth_and_an_unknown_one_is_refused() {
    let db = database(
        "CREATE TABLE a (id int PRIMARY KEY);
         CREATE TABLE b (id int PRIMARY KEY, a_id int REFERENCES a);
         CREATE TABLE c (id int PRIMARY KEY, b_id int REFERENCES b);
         CREATE TABLE d (id int PRIMARY KEY, c_id int REFERENCES c);",
    );
    let project = Project::new();
    let drawn = |args: &[&str]| entities(&erd(&db, &project, args)).concat();
    assert_eq!(drawn(&["--from", "db", "b"]), ["a", "b", "c"]);
    assert_eq!(drawn(&["--from", "db", "b", "--depth", "0"]), ["b"]);
    assert_eq!(
        drawn(&["--from", "db", "a", "--depth", "3"]),
        ["a", "b", "c", "d"]
    );
    db.cruddur(&project)
        .args(["erd", "--from", "db", "nope"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "no table nope in the schema of db",
        ));
}

#[test]
fn a_schema_too_big_for_one_diagram_is_split_within_mermaids_limits_and_every_part_renders() {
    // 240 tables in chains of 6, each with a dozen columns: far past 50,000 characters.
    let mut sql = String::new();
    for chain in 0..40 {
        for link in 0..6 {
            let columns: String = (0..12).map(|c| format!(", note_{c} text")).collect();
            let parent = match link {
                0 => String::new(),
                n => format!(", up_id int NOT NULL REFERENCES t_{chain}_{}", n - 1),
            };
            sql.push_str(&format!(
                "CREATE TABLE t_{chain}_{link} (id int PRIMARY KEY{parent}{columns});\n"
            ));
        }
    }
    let db = database(&sql);
    let project = Project::new();
    let markdown = erd(&db, &project, &["--from", "db"]);
    let blocks: Vec<&str> = markdown.split("```mermaid\n").skip(1).collect();
    assert!(blocks.len() > 1, "one block of {} bytes", markdown.len());
    let mut drawn = Vec::new();
    for block in &blocks {
        let text = block.split("```").next().unwrap();
        assert!(text.len() <= 50_000, "a block of {} characters", text.len());
        assert!(text.matches("--").count() <= 500);
    }
    for names in entities(&markdown) {
        drawn.extend(names);
    }
    drawn.sort();
    drawn.dedup();
    assert_eq!(drawn.len(), 240, "every table drawn once");
    // A chain is never cut: each relation is drawn in the block of both its tables.
    assert_eq!(markdown.matches("}o--||").count(), 40 * 5);
    if let Some(rendered) = rendered(&markdown) {
        for (ok, error, _) in rendered {
            assert!(ok, "{error}");
        }
    }
}

/// The table boxes of an SVG `erd` drew: `(x, y, width, height)`.
fn boxes(svg: &str) -> Vec<(f64, f64, f64, f64)> {
    svg.lines()
        .filter(|l| l.starts_with("<rect class=\"table\""))
        .map(|l| {
            let attr = |name: &str| -> f64 {
                let at = l.find(&format!(" {name}=\"")).unwrap() + name.len() + 3;
                l[at..at + l[at..].find('"').unwrap()].parse().unwrap()
            };
            (attr("x"), attr("y"), attr("width"), attr("height"))
        })
        .collect()
}

#[test]
fn the_svg_draws_every_table_as_a_box_and_no_two_boxes_overlap() {
    let mut sql = String::from(
        "CREATE TABLE users (uuid uuid PRIMARY KEY, handle text);
         CREATE TABLE activities (uuid uuid PRIMARY KEY, user_uuid uuid NOT NULL, message text);",
    );
    for chain in 0..25 {
        for link in 0..8 {
            let parent = match link {
                0 => String::new(),
                n => format!(", up_id int REFERENCES t_{chain}_{}", n - 1),
            };
            let columns: String = (0..link).map(|c| format!(", note_{c} text")).collect();
            sql.push_str(&format!(
                "CREATE TABLE t_{chain}_{link} (id int PRIMARY KEY{parent}{columns});\n"
            ));
        }
    }
    let db = database(&sql);
    let project = Project::new();
    let svg = erd(&db, &project, &["--from", "db", "--format", "svg"]);
    assert!(
        svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""),
        "{svg}"
    );
    let drawn = boxes(&svg);
    assert_eq!(drawn.len(), 202);
    for (i, a) in drawn.iter().enumerate() {
        for b in &drawn[i + 1..] {
            let apart =
                a.0 + a.2 <= b.0 || b.0 + b.2 <= a.0 || a.1 + a.3 <= b.1 || b.1 + b.3 <= a.1;
            assert!(apart, "{a:?} overlaps {b:?}");
        }
    }
    // The implied relation is dashed, the foreign keys are not; the same bytes again.
    assert_eq!(svg.matches("class=\"edge dashed\"").count(), 1);
    assert!(svg.matches("class=\"edge\" d=\"M").count() >= 25 * 7);
    assert_eq!(
        erd(&db, &project, &["--from", "db", "--format", "svg"]),
        svg
    );
}

#[test]
fn every_corpus_schema_draws_in_mermaid_without_an_error_and_in_svg_without_overlaps() {
    let Some(dir) = crate::corpus::corpus_dir() else {
        skip("no ../shared/corpus: its schemas are left out");
        return;
    };
    let project = Project::new();
    let mut markdown = String::new();
    let mut drawn = 0;
    for (name, schema, _) in crate::corpus::cases(&dir) {
        let Some(db) = crate::schema_code::loaded(&schema) else {
            continue;
        };
        drawn += 1;
        let svg = erd(&db, &project, &["--from", "db", "--format", "svg"]);
        let placed = boxes(&svg);
        for (i, a) in placed.iter().enumerate() {
            for b in &placed[i + 1..] {
                let apart =
                    a.0 + a.2 <= b.0 || b.0 + b.2 <= a.0 || a.1 + a.3 <= b.1 || b.1 + b.3 <= a.1;
                assert!(apart, "{name}: {a:?} overlaps {b:?}");
            }
        }
        markdown.push_str(&erd(&db, &project, &["--from", "db"]));
    }
    assert!(drawn > 0, "no corpus schema loaded");
    if let Some(blocks) = rendered(&markdown) {
        for (ok, error, _) in blocks {
            assert!(ok, "{error}");
        }
    }
}
