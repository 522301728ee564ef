//! Finding the application's query files (`*.sql` under the folders named, in a stable order)
//! and splitting each into the statements it holds, as psql would split them.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use anyhow::{Context, Result};

use crate::error::{Exit, Fail};
use crate::script::lexer::{self, Statement, Token};

/// One statement of a query file.
#[derive(Debug, Clone)]
pub struct Query {
    /// The file, as the user names it.
    pub file: String,
    pub path: PathBuf,
    pub statement: Statement,
    /// The file's lines, for showing where an error is.
    pub lines: Arc<[String]>,
}

/// The `*.sql` files of `roots` (files as given, folders searched below), sorted by path.
pub fn discover(roots: &[PathBuf]) -> Result<Vec<PathBuf>> {
    let mut found = Vec::new();
    for root in roots {
        if root.is_file() {
            found.push(root.clone());
        } else if root.is_dir() {
            walk(root, &mut found)?;
        } else {
            return Err(Fail::new(
                Exit::Failure,
                format!("{}: no such file or folder", root.display()),
            )
            .hint("name query files, or folders that hold them (`backend-flask/db/sql`)")
            .into());
        }
    }
    found.sort();
    found.dedup();
    Ok(found)
}

fn walk(dir: &Path, found: &mut Vec<PathBuf>) -> Result<()> {
    let entries =
        std::fs::read_dir(dir).with_context(|| format!("could not read {}", dir.display()))?;
    for entry in entries {
        let path = entry
            .with_context(|| format!("could not read {}", dir.display()))?
            .path();
        if path.is_dir() {
            walk(&path, found)?;
        } else if path.extension().is_some_and(|e| e == "sql") {
            found.push(path);
        }
    }
    Ok(())
}

/// The statements of query file `path`, shown as `shown`.
pub fn load(path: &Path, shown: &str) -> Result<Vec<Query>> {
    let bytes = std::fs::read(path).with_context(|| format!("could not read {shown}"))?;
    let text = String::from_utf8(bytes).map_err(|_| {
        Fail::new(Exit::Failure, format!("{shown} is not UTF-8"))
            .hint("save it as UTF-8, as the application reads it")
    })?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    let lines: Arc<[String]> = text.lines().map(str::to_string).collect();
    Ok(lexer::tokens(text)
        .into_iter()
        .filter_map(|token| match token {
            Token::Statement(statement) => Some(Query {
                file: shown.to_string(),
                path: path.to_path_buf(),
                statement,
                lines: lines.clone(),
            }),
            Token::Meta(_) => None,
        })
        .collect())
}
