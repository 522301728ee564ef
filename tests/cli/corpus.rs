//! Real schema and seed files from Cruddur developers (`../shared/corpus`) load with cruddur-db
//! exactly as with `psql -1 -v ON_ERROR_STOP=1`: same outcome per file, same tables and rows.

use std::path::{Path, PathBuf};

use crate::harness::{Project, TestDb};

pub fn corpus_dir() -> Option<PathBuf> {
    let dir = std::env::var_os("CRUDDUR_CORPUS_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus"));
    dir.is_dir().then_some(dir)
}

/// Every `db` folder in the corpus with its schema and seed; a folder holding only a seed (an
/// older commit, `repo@sha`) borrows the schema of the same repository.
pub fn cases(corpus: &Path) -> Vec<(String, PathBuf, PathBuf)> {
    let mut cases = Vec::new();
    for entry in std::fs::read_dir(corpus).unwrap() {
        let name = entry.unwrap().file_name().into_string().unwrap();
        let db = corpus.join(&name).join("backend-flask/db");
        if !db.join("seed.sql").exists() {
            continue;
        }
        let repo = name.split('@').next().unwrap();
        let schema = [
            db.join("schema.sql"),
            corpus.join(repo).join("backend-flask/db/schema.sql"),
        ]
        .into_iter()
        .find(|path| path.exists())
        .unwrap();
        cases.push((name, schema, db.join("seed.sql")));
    }
    cases.sort();
    cases
}

const TABLE_ROWS: &str = "SELECT string_agg(table_name || '=' || (xpath('/row/c/text()', query_to_xml(format('SELECT count(*) AS c FROM public.%I', table_name), false, true, '')))[1]::text, ',' ORDER BY table_name) FROM information_schema.tables WHERE table_schema = 'public'";

#[test]
fn corpus_files_load_as_psql_loads_them() {
    let Some(corpus) = corpus_dir() else {
        crate::harness::skip(
            "no ../shared/corpus beside the repository (set CRUDDUR_CORPUS_DIR): nothing to compare",
        );
        return;
    };
    let cases = cases(&corpus);
    assert!(
        cases.len() >= 5,
        "expected the corpus's cases, found {}",
        cases.len()
    );
    let project = Project::new();
    for (name, schema, seed) in cases {
        let with_psql = TestDb::new();
        with_psql.create();
        let with_us = TestDb::new();
        with_us.create();
        for (command, file) in [("schema-load", &schema), ("seed", &seed)] {
            let psql_ok = with_psql
                .cluster
                .psql_command(&with_psql.name)
                .args(["-X", "-q", "-1", "-v", "ON_ERROR_STOP=1", "-f"])
                .arg(file)
                .output()
                .unwrap()
                .status
                .success();
            let output = with_us
                .cruddur(&project)
                .arg(command)
                .arg(file)
                .output()
                .unwrap();
            assert_eq!(
                output.status.success(),
                psql_ok,
                "{name} {command}: psql {} but cruddur-db said:\n{}",
                if psql_ok { "succeeded" } else { "failed" },
                String::from_utf8_lossy(&output.stderr)
            );
        }
        assert_eq!(
            with_us.query(TABLE_ROWS),
            with_psql.query(TABLE_ROWS),
            "{name}: tables and row counts differ"
        );
    }
}
