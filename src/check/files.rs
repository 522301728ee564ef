//! Finding the application's query files (`*.sql` under the folders named, in a stable order,
//! each real file once however many links lead to it) and reading each as the application's
//! driver sends it: a file that uses psycopg's placeholders is one query, the whole file (psycopg
//! substitutes over all of it and sends it as one prepared statement); any other file is split
//! into its statements as psql would split them. A file that cannot be read is that file's
//! failure, never the whole check's.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use anyhow::Result;

use super::Problem;
use super::placeholders;
use crate::context::RunContext;
use crate::error::{Exit, Fail};
use crate::script::lexer::{self, Position, Statement, Token};
use crate::ui;

const START: Position = Position { line: 1, column: 1 };

/// One query of a query file.
#[derive(Debug, Clone)]
pub struct Query {
    /// The file, as the user names it.
    pub file: String,
    pub path: PathBuf,
    pub statement: Statement,
    /// The file's lines, for showing where an error is.
    pub lines: Arc<[String]>,
    /// Why the query fails before the server sees it (the file cannot be read, or the driver
    /// would refuse it).
    pub refused: Option<Problem>,
    /// What is wrong with it that does not stop it preparing.
    pub warning: Option<String>,
}

/// The query files `paths` name, or those of the project's queries folder, split into their
/// statements.
pub fn queries(ctx: &RunContext, paths: &[PathBuf]) -> Result<Vec<Query>> {
    let roots: Vec<PathBuf> = match paths.is_empty() {
        false => paths.iter().map(|p| ctx.places().cwd.join(p)).collect(),
        true => vec![ctx.queries_dir().ok_or_else(|| {
            Fail::new(
                Exit::Failure,
                format!(
                    "no queries folder: no backend-flask/db/sql in {} or any folder above it",
                    ctx.places().cwd.display()
                ),
            )
            .hint("run from inside the project, name the files or folders (`cruddur-db check queries/`), or set CRUDDUR_DB_QUERIES")
        })?],
    };
    let found = discover(&roots)?;
    for note in &found.notes {
        ui::note(format_args!("{note}"));
    }
    let mut queries = Vec::new();
    for path in found.files {
        let shown = path
            .strip_prefix(&ctx.places().cwd)
            .unwrap_or(&path)
            .display()
            .to_string();
        queries.extend(load(&path, &shown));
    }
    Ok(queries)
}

/// The query files under the roots, and what was noticed on the way.
#[derive(Debug, Default)]
pub struct Found {
    pub files: Vec<PathBuf>,
    /// Links that lead back into a folder already being read: followed once.
    pub notes: Vec<String>,
}

/// The `*.sql` files of `roots` (files as given, folders searched below, links followed),
/// sorted by path, each real file once (the first path that reaches it).
pub fn discover(roots: &[PathBuf]) -> Result<Found> {
    let mut walk = Walk::default();
    for root in roots {
        if root.is_dir() {
            walk.folder(root);
        } else if root.is_file() || root.is_symlink() {
            walk.file(root.clone());
        } else {
            return Err(Fail::new(
                Exit::Failure,
                format!("{}: no such file or folder", root.display()),
            )
            .hint("name query files, or folders that hold them (`backend-flask/db/sql`)")
            .into());
        }
    }
    let mut found = walk.found;
    found.files.sort();
    Ok(found)
}

#[derive(Default)]
struct Walk {
    found: Found,
    /// Real paths of the folders entered and the files taken.
    seen_folders: HashSet<PathBuf>,
    seen_files: HashSet<PathBuf>,
}

impl Walk {
    fn folder(&mut self, dir: &Path) {
        let real = std::fs::canonicalize(dir).unwrap_or_else(|_| dir.to_path_buf());
        if !self.seen_folders.insert(real.clone()) {
            self.found.notes.push(format!(
                "{} leads back to {}, already read: skipped",
                dir.display(),
                real.display()
            ));
            return;
        }
        // A folder that cannot be listed is reported as a file of its own that fails.
        let Ok(entries) = std::fs::read_dir(dir) else {
            self.file(dir.to_path_buf());
            return;
        };
        let mut paths: Vec<PathBuf> = entries.filter_map(|e| Some(e.ok()?.path())).collect();
        paths.sort();
        for path in paths {
            if path.is_dir() {
                self.folder(&path);
            } else if path.extension().is_some_and(|e| e == "sql") {
                self.file(path);
            }
        }
    }

    fn file(&mut self, path: PathBuf) {
        // A dangling link has no real path: it is kept, and fails when read.
        let real = std::fs::canonicalize(&path).unwrap_or_else(|_| path.clone());
        if self.seen_files.insert(real) {
            self.found.files.push(path);
        }
    }
}

/// The queries of query file `path`, shown as `shown`. A file that cannot be read (a dangling
/// link, no permission, not UTF-8) is one query that fails, saying why.
pub fn load(path: &Path, shown: &str) -> Vec<Query> {
    let text = match read(path) {
        Ok(text) => text,
        Err((message, hint)) => {
            return vec![Query {
                file: shown.to_string(),
                path: path.to_path_buf(),
                statement: Statement::as_is(String::new(), START),
                lines: Arc::from(Vec::new()),
                refused: Some(Problem::at_start(message, hint)),
                warning: None,
            }];
        }
    };
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    let lines: Arc<[String]> = text.lines().map(str::to_string).collect();
    let statements: Vec<Statement> = lexer::tokens(text)
        .into_iter()
        .filter_map(|token| match token {
            Token::Statement(statement) => Some(statement),
            Token::Meta(_) => None,
        })
        .collect();
    let query = |statement: Statement, warning: Option<String>, refused| Query {
        warning,
        file: shown.to_string(),
        path: path.to_path_buf(),
        statement,
        lines: lines.clone(),
        refused,
    };
    if !placeholders::uses_psycopg(text) {
        return statements
            .into_iter()
            .map(|s| {
                let warning = transaction_control(&s);
                query(s, warning, None)
            })
            .collect();
    }
    // psycopg sends the whole file, comments around the statement included, as one query.
    let refused = statements.get(1).map(|second| {
        let at = second.start();
        Problem {
            line: at.line,
            column: at.column,
            source_line: lines.get(at.line as usize - 1).cloned().unwrap_or_default(),
            ..Problem::at_start(
                format!(
                    "{} statements in a file that uses psycopg placeholders: psycopg sends a query with parameters as one prepared statement, and the server refuses more than one command in it (cannot insert multiple commands into a prepared statement)",
                    statements.len()
                ),
                "keep one statement in each query file (a file per statement), or run them in separate execute() calls".to_string(),
            )
        }
    });
    let warning = statements.first().and_then(transaction_control);
    vec![query(
        Statement::as_is(text.to_string(), START),
        warning,
        refused,
    )]
}

/// The file's text, or why it cannot be read and what to do.
fn read(path: &Path) -> Result<String, (String, String)> {
    let bytes = std::fs::read(path).map_err(|err| match path.is_symlink() && !path.exists() {
        true => (
            format!(
                "a link to {}, which does not exist",
                std::fs::read_link(path).unwrap_or_default().display()
            ),
            "point the link at the query file, or remove it".to_string(),
        ),
        false => (
            format!("could not be read: {err}"),
            "make it readable by the user who runs the check".to_string(),
        ),
    })?;
    String::from_utf8(bytes).map_err(|err| {
        let line = err.as_bytes()[..err.utf8_error().valid_up_to()]
            .iter()
            .filter(|&&b| b == b'\n')
            .count()
            + 1;
        (
            format!("is not UTF-8 (line {line})"),
            "save it as UTF-8, as the application reads it".to_string(),
        )
    })
}

/// A warning for `BEGIN`, `COMMIT` or `ROLLBACK` in a query file: the application's driver
/// already runs each query in its connection's transaction.
fn transaction_control(statement: &Statement) -> Option<String> {
    let word = statement.lead[0].as_str();
    matches!(
        word,
        "begin" | "commit" | "rollback" | "start" | "end" | "abort"
    )
    .then(|| {
        format!(
            "{} in a query file: psycopg runs every query in a transaction of the connection's own, which this ends or tries to nest; leave transactions to the application (`with conn.transaction():`)",
            word.to_uppercase()
        )
    })
}

impl Problem {
    /// A problem of the file as a whole, said at its first line.
    pub fn at_start(message: String, hint: String) -> Problem {
        Problem {
            message,
            line: 1,
            column: 1,
            sqlstate: None,
            detail: None,
            hint: Some(hint),
            did_you_mean: None,
            source_line: String::new(),
            width: 0,
        }
    }
}
