//! Running SQL files as psql does, only faster: streamed from disk, statements sent in batches
//! inside one transaction, COPY data through the COPY protocol, psql's meta-commands, and errors
//! and notices that point at the file and line. `run_file` is the whole interface.

mod inspect;
pub mod lexer;
mod report;
mod source;

use std::future::Future;
use std::path::{Path, PathBuf};
use std::pin::pin;
use std::sync::Arc;
use std::time::{Duration, Instant};

use anyhow::{Context, Result};
use futures_util::{SinkExt, StreamExt};
use tokio_postgres::error::ErrorPosition;
use tokio_postgres::{Client, SimpleQueryMessage};

pub use self::inspect::{Inspection, inspect};
use self::lexer::{MetaCommand, Statement};
use self::source::{Item, Source};
use crate::db::{Listener, PgError, Session};
use crate::error::{Exit, Fail};
use crate::{redact, ui};

/// How to run a file.
#[derive(Debug, Clone, Copy)]
pub struct RunOptions {
    /// Wrap the file in BEGIN/COMMIT so a failure applies nothing, and send statements in
    /// batches. Without it, statements run one by one, each committed on its own, as in psql.
    pub transaction: bool,
    /// How the user runs it outside a transaction, for statements that refuse one.
    pub without_transaction: &'static str,
}

impl RunOptions {
    /// A SQL file (`schema-load`, `seed`, `setup`).
    pub fn file(transaction: bool) -> RunOptions {
        RunOptions {
            transaction,
            without_transaction: "run the file with --no-transaction",
        }
    }

    /// One part of a migration.
    pub fn migration(transaction: bool) -> RunOptions {
        RunOptions {
            transaction,
            without_transaction: "add transaction:false to the migration's `-- migrate:up` (or `-- migrate:down`) line",
        }
    }
}

/// What a successful run did.
#[derive(Debug, Default)]
pub struct Summary {
    pub statements: u64,
    pub rows: u64,
    pub copy_rows: u64,
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
        )?;
        if self.copy_rows > 0 {
            write!(
                f,
                ", {} row{} copied",
                self.copy_rows,
                plural(self.copy_rows)
            )?;
        }
        Ok(())
    }
}

/// A batch is sent once it holds this much SQL: large enough that round trips stop mattering,
/// small enough that memory stays flat.
const BATCH_BYTES: usize = 512 * 1024;

/// psql's own limit on `\i` nesting, which stops a file from including itself forever.
const MAX_INCLUDE_DEPTH: usize = 64;

/// Run the SQL file at `path` on `session`.
pub async fn run_file(session: &Session, path: &Path, options: RunOptions) -> Result<Summary> {
    run_lines(session, path, None, options, None).await
}

/// Run lines `lines` (1-based, end excluded) of `path`, or all of it, then `record`: in the
/// same transaction when there is one, else once every statement has run. A migration is one
/// part of its file, and its history row must commit with it or not at all.
pub async fn run_lines(
    session: &Session,
    path: &Path,
    lines: Option<std::ops::Range<u64>>,
    options: RunOptions,
    record: Option<&str>,
) -> Result<Summary> {
    let started = Instant::now();
    // Refuse unknown meta-commands and missing includes before anything is sent.
    check_source(Source::open_lines(path, lines.clone())?, path, 0)?;
    let mut runner = Runner {
        client: &session.client,
        heard: session.notices.listen(),
        options,
        summary: Summary::default(),
        batch: Batch::default(),
        own_transaction: None,
        progress: ui::Progress::bytes(std::fs::metadata(path).map_or(0, |m| m.len())),
    };
    if options.transaction {
        runner.simple("BEGIN").await?;
    }
    let mut outcome = runner.run_source(Source::open_lines(path, lines)?, 0).await;
    if let (Ok(()), Some(record)) = (&outcome, record) {
        outcome = runner.simple(record).await;
    }
    runner.progress.finish();
    match outcome {
        Ok(()) if options.transaction => {
            runner.simple("COMMIT").await.context("could not commit")?;
        }
        Ok(()) => {}
        Err(err) if options.transaction => {
            // The server has already aborted the transaction; ROLLBACK just ends it cleanly.
            let _ = runner.simple("ROLLBACK").await;
            return Err(err);
        }
        Err(err) => return Err(err.context(Completed(runner.summary.statements))),
    }
    runner.summary.elapsed = started.elapsed();
    Ok(runner.summary)
}

/// How many statements of a run without a transaction completed (and stay applied) before
/// it failed: a caller may try again only when that is none.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Completed(pub u64);

impl std::fmt::Display for Completed {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} statement(s) of it had completed", self.0)
    }
}

/// Statements waiting to be sent together as one simple query.
#[derive(Default)]
struct Batch {
    path: Option<Arc<Path>>,
    text: String,
    /// Each statement with the character offset where it starts in `text`: the server reports
    /// error positions in characters of the whole query.
    statements: Vec<(Statement, usize)>,
    chars: usize,
}

impl Batch {
    fn push(&mut self, path: &Arc<Path>, statement: Statement) {
        if !self.text.is_empty() {
            self.text.push('\n');
            self.chars += 1;
        }
        self.path.get_or_insert_with(|| path.clone());
        self.text.push_str(&statement.text);
        let start = self.chars;
        self.chars += statement.text.chars().count();
        self.statements.push((statement, start));
    }
}

struct Runner<'a> {
    client: &'a Client,
    heard: Listener,
    options: RunOptions,
    summary: Summary,
    batch: Batch,
    /// Set once the file ran its own COMMIT or ROLLBACK inside our transaction: from then on
    /// each statement commits on its own, as under `psql -1`.
    own_transaction: Option<OwnTransaction>,
    progress: ui::Progress,
}

impl Runner<'_> {
    /// Await `work` on the connection while printing the notices it raises as coming from `at`.
    /// Every wait on the connection goes through here: the connection holds still while a
    /// notice is unheard.
    async fn drive<T>(
        heard: &mut Listener,
        at: Option<(&Path, u64)>,
        work: impl Future<Output = T>,
    ) -> T {
        let mut work = pin!(work);
        loop {
            tokio::select! {
                biased;
                done = &mut work => return done,
                Some(heard) = heard.recv() => print_notice(&heard, at),
            }
        }
    }

    async fn simple(&mut self, sql: &str) -> Result<()> {
        let client = self.client;
        Self::drive(&mut self.heard, None, client.batch_execute(sql))
            .await
            .map_err(PgError)
            .with_context(|| format!("`{sql}` failed"))
    }

    /// Boxed because `\i` makes it recursive.
    fn run_source(
        &mut self,
        mut source: Source<std::io::BufReader<std::fs::File>>,
        depth: usize,
    ) -> futures_util::future::BoxFuture<'_, Result<()>> {
        Box::pin(async move {
            let path = source.path().clone();
            while let Some(item) = source.next_item()? {
                match item {
                    Item::Statement(statement) if statement.copy_from_stdin => {
                        self.flush().await?;
                        self.copy(statement, &mut source, depth == 0).await?;
                    }
                    Item::Statement(statement) => {
                        ui::verbose(format_args!("> {}", redact::sql(&statement.text)));
                        // A batch that held the file's COMMIT and statements after it would
                        // run those in one implicit transaction: one failure would undo the
                        // others, where psql -1 keeps each. So a batch ends at the COMMIT,
                        // and statements after it go one at a time.
                        let ends = self.options.transaction && ends_transaction(&statement);
                        self.batch.push(&path, statement);
                        let batching = self.options.transaction && self.own_transaction.is_none();
                        if !batching || ends || self.batch.text.len() >= BATCH_BYTES {
                            self.flush().await?;
                        }
                    }
                    Item::Meta(meta) => {
                        self.flush().await?;
                        self.meta(meta, &path, depth).await?;
                    }
                    // Only inside `copy`, which takes them itself.
                    Item::CopyData(_) | Item::CopyEnd => {}
                }
                if depth == 0 {
                    self.progress.set(source.bytes_read());
                }
            }
            self.flush().await
        })
    }

    /// Send the waiting statements as one simple query, counting their command tags to know
    /// which statement a notice or an error belongs to.
    async fn flush(&mut self) -> Result<()> {
        let batch = std::mem::take(&mut self.batch);
        let Some(path) = batch.path.clone() else {
            return Ok(());
        };
        let client = self.client;
        let first_line = batch.statements[0].0.start().line;
        let stream = Self::drive(
            &mut self.heard,
            Some((&path, first_line)),
            client.simple_query_raw(batch.text.as_str()),
        )
        .await
        .map_err(|err| self.failed(err, &path, &batch, 0))?;
        let mut stream = pin!(stream);
        let mut done = 0;
        loop {
            let running = batch
                .statements
                .get(done)
                .map(|(statement, _)| (&*path, statement.start().line));
            let message = Self::drive(&mut self.heard, running, stream.next()).await;
            match message {
                None => return Ok(()),
                Some(Ok(SimpleQueryMessage::CommandComplete(rows))) => {
                    self.summary.statements += 1;
                    self.summary.rows += rows;
                    if let Some((statement, _)) = batch.statements.get(done) {
                        let line = statement.start().line;
                        if let Some(own) = &mut self.own_transaction {
                            own.last_applied = Some((path.clone(), line));
                        } else if self.options.transaction && ends_transaction(statement) {
                            self.own_transaction = Some(OwnTransaction {
                                ended_at: (path.clone(), line),
                                committed: matches!(statement.lead[0].as_str(), "commit" | "end"),
                                last_applied: None,
                            });
                        }
                    }
                    done += 1;
                }
                Some(Ok(_)) => {}
                Some(Err(err)) => return Err(self.failed(err, &path, &batch, done)),
            }
        }
    }

    fn failed(
        &self,
        err: tokio_postgres::Error,
        path: &Path,
        batch: &Batch,
        done: usize,
    ) -> anyhow::Error {
        // The server parses a whole batch before running any of it, so a syntax error arrives
        // with nothing done; its position says which statement it is in.
        let index = match err.as_db_error().and_then(|db| db.position()) {
            Some(ErrorPosition::Original(position)) => batch
                .statements
                .partition_point(|(_, start)| *start < *position as usize)
                .saturating_sub(1),
            _ => done,
        };
        let index = index.min(batch.statements.len() - 1);
        let (statement, start) = &batch.statements[index];
        report::statement_failed(
            err,
            path,
            statement,
            *start,
            self.options,
            self.own_transaction.as_ref(),
        )
    }

    /// `COPY ... FROM STDIN`: stream the data lines that follow through the COPY protocol.
    async fn copy(
        &mut self,
        statement: Statement,
        source: &mut Source<impl std::io::BufRead>,
        top_level: bool,
    ) -> Result<()> {
        let path = source.path().clone();
        let line = statement.start().line;
        let data_start = source.line_no() + 1;
        ui::verbose(format_args!("> {}", redact::sql(&statement.text)));
        let client = self.client;
        let here = Some((&*path, line));
        let fail = |err, runner: &Self| {
            report::copy_failed(
                err,
                &path,
                &statement,
                data_start,
                runner.options,
                runner.own_transaction.as_ref(),
            )
        };
        let sink = Self::drive(
            &mut self.heard,
            here,
            client.copy_in::<_, bytes::Bytes>(statement.text.as_str()),
        )
        .await;
        let mut sink = pin!(sink.map_err(|err| fail(err, self))?);
        // Ends at CopyEnd: the source has seen `\.` or the end of the file.
        while let Some(Item::CopyData(chunk)) = source.next_item()? {
            let sent =
                Self::drive(&mut self.heard, here, sink.send(bytes::Bytes::from(chunk))).await;
            sent.map_err(|err| fail(err, self))?;
            // Dumps are mostly COPY data: the bar must move during it, not only after.
            if top_level {
                self.progress.set(source.bytes_read());
            }
        }
        let rows = Self::drive(&mut self.heard, here, sink.as_mut().finish()).await;
        self.summary.copy_rows += rows.map_err(|err| fail(err, self))?;
        self.summary.statements += 1;
        Ok(())
    }

    async fn meta(&mut self, meta: MetaCommand, path: &Arc<Path>, depth: usize) -> Result<()> {
        let line = meta.position.line;
        match meta.name.as_str() {
            "echo" | "qecho" => ui::echo(&meta.args.join(" ")),
            "i" | "include" | "ir" | "include_relative" => {
                let target = include_target(&meta, path, depth)?;
                self.run_source(Source::open(&target)?, depth + 1).await?;
            }
            "c" | "connect" => {
                let wanted = connect_target(&meta);
                let client = self.client;
                let current = Self::drive(
                    &mut self.heard,
                    None,
                    client.query_one("SELECT current_database()", &[]),
                )
                .await
                .map_err(PgError)?
                .get::<_, String>(0);
                if let Some(wanted) = wanted.filter(|wanted| *wanted != current) {
                    return Err(meta_error(
                        path,
                        line,
                        &format!(
                            "\\{} {wanted}: this file switches to another database, and cruddur-db loads one file into one database ({current})",
                            meta.name
                        ),
                        "load the part for that database separately with --url pointing at it",
                    ));
                }
            }
            // ON_ERROR_STOP and friends: we always stop at the first error. pg_dump's
            // \restrict / \unrestrict guard psql against meta-commands smuggled into a dump;
            // cruddur-db never runs more than the harmless few it knows.
            _ => {}
        }
        Ok(())
    }
}

/// A file that ended our wrapping transaction itself: where, and the last statement that
/// committed on its own after that. Both stay applied whatever fails later.
#[derive(Debug)]
pub struct OwnTransaction {
    pub ended_at: (Arc<Path>, u64),
    /// COMMIT or END, rather than ROLLBACK or ABORT.
    pub committed: bool,
    pub last_applied: Option<(Arc<Path>, u64)>,
}

/// Transaction control that ends our wrapping transaction early.
fn ends_transaction(statement: &Statement) -> bool {
    let [first, second] = &statement.lead;
    matches!(first.as_str(), "commit" | "end" | "rollback" | "abort")
        && !matches!(second.as_str(), "prepared" | "to")
}

fn print_notice(heard: &crate::db::Heard, at: Option<(&Path, u64)>) {
    let at = at.map(|(path, line)| format!("{}:{line}", path.display()));
    ui::server_notice(
        at.as_ref().map(|at| at as &dyn std::fmt::Display),
        heard.notice.severity(),
        heard.notice.message(),
    );
}

/// The database a `\connect` names: its first argument that is not an option, either a plain
/// name or pg_dump's `dbname='NAME'` connection string. `None` keeps the current one.
fn connect_target(meta: &MetaCommand) -> Option<String> {
    let arg = meta.args.iter().find(|arg| !arg.starts_with('-'))?;
    let name = match arg.split_once("dbname=") {
        Some((_, rest)) => rest
            .trim()
            .trim_matches('\'')
            .replace("\\'", "'")
            .to_string(),
        None => arg.clone(),
    };
    (!name.is_empty()).then_some(name)
}

fn include_target(meta: &MetaCommand, path: &Path, depth: usize) -> Result<PathBuf> {
    let line = meta.position.line;
    if depth >= MAX_INCLUDE_DEPTH {
        return Err(meta_error(
            path,
            line,
            "includes nest too deeply (does a file include itself?)",
            "remove the include cycle",
        ));
    }
    let Some(target) = meta.args.first() else {
        return Err(meta_error(
            path,
            line,
            &format!("\\{} needs a file name", meta.name),
            "write the file to include after it",
        ));
    };
    let target = if meta.name.starts_with("ir") || meta.name == "include_relative" {
        path.parent().unwrap_or(Path::new(".")).join(target)
    } else {
        PathBuf::from(target)
    };
    if !target.is_file() {
        return Err(meta_error(
            path,
            line,
            &format!("\\{} {}: no such file", meta.name, target.display()),
            "\\i is relative to the current directory, \\ir to the including file",
        ));
    }
    Ok(target)
}

/// The meta-commands cruddur-db runs; psql's others make no sense in a schema or seed file.
const SUPPORTED_META: &[&str] = &[
    "echo",
    "qecho",
    "i",
    "include",
    "ir",
    "include_relative",
    "set",
    "c",
    "connect",
    "restrict",
    "unrestrict",
];

/// Read `path` and what it includes once without sending anything: an unknown meta-command or
/// a missing include then fails before the first statement runs.
fn check_file(path: &Path, depth: usize) -> Result<()> {
    check_source(Source::open(path)?, path, depth)
}

fn check_source(
    mut source: Source<std::io::BufReader<std::fs::File>>,
    path: &Path,
    depth: usize,
) -> Result<()> {
    while let Some(item) = source.next_item()? {
        let Item::Meta(meta) = item else { continue };
        if !SUPPORTED_META.contains(&meta.name.as_str()) {
            return Err(meta_error(
                path,
                meta.position.line,
                &format!("unsupported psql meta-command \\{}", meta.name),
                "cruddur-db runs \\echo, \\qecho, \\i, \\ir, \\set, \\connect to the same database, and pg_dump's \\restrict; nothing was sent to the server",
            ));
        }
        if meta.name.starts_with('i') {
            check_file(&include_target(&meta, path, depth)?, depth + 1)?;
        }
    }
    Ok(())
}

fn meta_error(path: &Path, line: u64, message: &str, hint: &str) -> anyhow::Error {
    Fail::new(Exit::Sql, format!("{}:{line}: {message}", path.display()))
        .hint(hint)
        .into()
}
