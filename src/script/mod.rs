//! Running SQL files: one transaction by default, psql's meta-commands, and errors that point at
//! the file, line and column. `run_file` is the whole interface.

mod report;
mod split;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use anyhow::{Context, Result};
use tokio_postgres::{Client, SimpleQueryMessage};

use self::report::statement_failed;
use self::split::{Item, LineIndex, MetaCommand, split};
use crate::error::{Exit, Fail};
use crate::ui;

/// How to run a file.
#[derive(Debug, Clone, Copy)]
pub struct RunOptions {
    /// Wrap the file in BEGIN/COMMIT so a failure applies nothing.
    pub transaction: bool,
}

/// What a successful run did.
#[derive(Debug, Default)]
pub struct Summary {
    pub statements: u64,
    pub rows: u64,
    pub elapsed: Duration,
}

impl std::fmt::Display for Summary {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let plural = |n: u64| if n == 1 { "" } else { "s" };
        write!(
            f,
            "{} statement{}, {} row{} affected",
            self.statements,
            plural(self.statements),
            self.rows,
            plural(self.rows)
        )
    }
}

/// Run the SQL file at `path` on `client`.
pub async fn run_file(client: &Client, path: &Path, options: RunOptions) -> Result<Summary> {
    let started = Instant::now();
    let mut runner = Runner {
        client,
        options,
        summary: Summary::default(),
    };
    if options.transaction {
        runner.simple("BEGIN").await?;
    }
    let outcome = runner.run_source(path.to_path_buf(), 0).await;
    match outcome {
        Ok(()) if options.transaction => {
            runner.simple("COMMIT").await.context("could not commit")?
        }
        Ok(()) => {}
        Err(err) => {
            if options.transaction {
                // The server has already aborted the transaction; ROLLBACK just ends it cleanly.
                let _ = client.batch_execute("ROLLBACK").await;
            }
            return Err(err);
        }
    }
    runner.summary.elapsed = started.elapsed();
    Ok(runner.summary)
}

/// psql's own limit on `\i` nesting, which stops a file from including itself forever.
const MAX_INCLUDE_DEPTH: usize = 64;

struct Runner<'a> {
    client: &'a Client,
    options: RunOptions,
    summary: Summary,
}

impl Runner<'_> {
    async fn simple(&self, sql: &str) -> Result<()> {
        self.client
            .batch_execute(sql)
            .await
            .map_err(crate::db::PgError)?;
        Ok(())
    }

    /// Boxed because `\i` makes it recursive.
    fn run_source(
        &mut self,
        path: PathBuf,
        depth: usize,
    ) -> futures_util::future::BoxFuture<'_, Result<()>> {
        Box::pin(async move {
            let source = std::fs::read_to_string(&path).map_err(|err| {
                Fail::new(
                    Exit::Failure,
                    format!("could not read {}: {err}", path.display()),
                )
                .hint("check the path and its permissions")
            })?;
            let lines = LineIndex::new(&source);
            let items = split(&source);
            // Refuse unknown meta-commands before anything is sent, so a typo applies nothing.
            for item in &items {
                if let Item::Meta(meta) = item {
                    check_meta(meta, &path, &lines)?;
                }
            }
            for item in items {
                match item {
                    Item::Sql(statement) => {
                        ui::verbose(format_args!("> {}", statement.text));
                        let messages =
                            self.client
                                .simple_query(&statement.text)
                                .await
                                .map_err(|err| {
                                    statement_failed(
                                        err,
                                        &path,
                                        &lines,
                                        &statement,
                                        self.options.transaction,
                                    )
                                })?;
                        for message in messages {
                            if let SimpleQueryMessage::CommandComplete(rows) = message {
                                self.summary.statements += 1;
                                self.summary.rows += rows;
                            }
                        }
                    }
                    Item::Meta(meta) => self.run_meta(meta, &path, &lines, depth).await?,
                }
            }
            Ok(())
        })
    }

    async fn run_meta(
        &mut self,
        meta: MetaCommand,
        path: &Path,
        lines: &LineIndex<'_>,
        depth: usize,
    ) -> Result<()> {
        match meta.name.as_str() {
            "echo" | "qecho" => ui::echo(&meta.args.join(" ")),
            "i" | "include" | "ir" | "include_relative" => {
                let (line, _) = lines.line_col(meta.file_offset);
                if depth >= MAX_INCLUDE_DEPTH {
                    return Err(meta_error(
                        path,
                        line,
                        "includes nest too deeply (does a file include itself?)",
                    ));
                }
                let Some(target) = meta.args.first() else {
                    return Err(meta_error(
                        path,
                        line,
                        &format!("\\{} needs a file name", meta.name),
                    ));
                };
                let target = if meta.name.starts_with("ir") || meta.name == "include_relative" {
                    path.parent().unwrap_or(Path::new(".")).join(target)
                } else {
                    PathBuf::from(target)
                };
                self.run_source(target, depth + 1).await?;
            }
            // ON_ERROR_STOP and friends: we always stop at the first error.
            _ => {}
        }
        Ok(())
    }
}

const SUPPORTED_META: &[&str] = &[
    "echo",
    "qecho",
    "i",
    "include",
    "ir",
    "include_relative",
    "set",
];

fn check_meta(meta: &MetaCommand, path: &Path, lines: &LineIndex<'_>) -> Result<()> {
    if SUPPORTED_META.contains(&meta.name.as_str()) {
        return Ok(());
    }
    let (line, _) = lines.line_col(meta.file_offset);
    Err(meta_error(
        path,
        line,
        &format!("unsupported psql meta-command \\{}", meta.name),
    ))
}

fn meta_error(path: &Path, line: usize, message: &str) -> anyhow::Error {
    Fail::new(Exit::Sql, format!("{}:{line}: {message}", path.display()))
        .hint(
            "cruddur-db runs \\echo, \\qecho, \\i, \\ir and \\set; nothing was sent to the server",
        )
        .into()
}
