//! Running SQL files as psql does, only faster: streamed from disk, statements sent in batches
//! inside one transaction, COPY data through the COPY protocol, psql's meta-commands, and errors
//! and notices that point at the file and line. `run_file` is the whole interface.

mod cond;
mod encoding;
mod facts;
mod inspect;
pub mod lexer;
mod lint_text;
mod meta;
mod one_transaction;
mod report;
mod slash_copy;
mod source;
pub mod vars;

use std::future::Future;
use std::path::{Path, PathBuf};
use std::pin::pin;
use std::sync::Arc;
use std::time::{Duration, Instant};

use anyhow::{Context, Result};
use futures_util::{SinkExt, StreamExt};
use tokio_postgres::error::ErrorPosition;
use tokio_postgres::{Client, SimpleQueryMessage};

use self::facts::facts;
pub use self::inspect::{Inspection, inspect};
use self::lexer::Statement;
pub use self::lint_text::for_linting;
pub use self::one_transaction::{breaks_one_transaction, refuses_transaction};
use self::source::{Item, Source};
use crate::config::Places;
use crate::db::{Listener, PgError, Session};
use crate::error::{Exit, Fail};
use crate::{redact, ui};

/// How to run a file.
#[derive(Debug, Clone, Copy)]
pub struct RunOptions<'a> {
    /// Wrap the file in BEGIN/COMMIT so a failure applies nothing, and send statements in
    /// batches. Without it, statements run one by one, each committed on its own, as in psql.
    pub transaction: bool,
    /// The caller opened the transaction and ends it (`setup`'s in-place reset): no BEGIN,
    /// COMMIT or ROLLBACK here, and a statement that would end it is refused.
    pub enclosed: bool,
    /// How the user runs it outside a transaction, for statements that refuse one.
    pub without_transaction: &'static str,
    /// What made this run go without one, for what stays applied after a failure.
    pub untransacted: &'static str,
    /// Where relative paths start, and where `\\cd` alone goes.
    pub places: &'a Places,
}

impl<'a> RunOptions<'a> {
    /// A SQL file (`schema-load`, `seed`, `setup`).
    pub fn file(transaction: bool, places: &'a Places) -> RunOptions<'a> {
        RunOptions {
            places,
            transaction,
            enclosed: false,
            without_transaction: "run the file with --no-transaction",
            untransacted: "--no-transaction",
        }
    }

    /// One part of a migration.
    pub fn migration(transaction: bool, places: &'a Places) -> RunOptions<'a> {
        RunOptions {
            places,
            transaction,
            enclosed: false,
            without_transaction: "add transaction:false to the migration's `-- migrate:up` (or `-- migrate:down`) line",
            untransacted: "transaction:false",
        }
    }

    /// The same, inside a transaction the caller opened and will end.
    pub fn enclosed(self) -> RunOptions<'a> {
        RunOptions {
            transaction: true,
            enclosed: true,
            ..self
        }
    }

    /// Whether this run sends BEGIN and COMMIT itself.
    fn wraps(&self) -> bool {
        self.transaction && !self.enclosed
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
pub async fn run_file(
    session: &Session,
    path: &Path,
    options: RunOptions<'_>,
    set: &[(String, String)],
) -> Result<Summary> {
    run_lines(session, path, None, options, set, None).await
}

/// Run lines `lines` (1-based, end excluded) of `path`, or all of it, then `record`: in the
/// same transaction when there is one, else once every statement has run. A migration is one
/// part of its file, and its history row must commit with it or not at all.
pub async fn run_lines(
    session: &Session,
    path: &Path,
    lines: Option<std::ops::Range<u64>>,
    options: RunOptions<'_>,
    set: &[(String, String)],
    record: Option<&str>,
) -> Result<Summary> {
    let started = Instant::now();
    COMPLETED_NOW.store(0, std::sync::atomic::Ordering::Relaxed);
    let regular = std::fs::metadata(path).is_ok_and(|m| m.is_file());
    let session_facts = facts(&session.client).await?;
    let encoding = match &session.client_encoding {
        None => None,
        Some(name) => encoding::by_pg_name(name).ok_or_else(|| {
            Fail::new(
                Exit::Usage,
                format!("client_encoding {name} (PGCLIENTENCODING or the connection string) is not one cruddur-db can read"),
            )
            .hint("convert the file to UTF-8, or name an encoding such as LATIN1, WIN1252, EUC_JP")
        })?,
    };
    let cwd = options.places.cwd.clone();
    let initial = session_facts.variables(set);
    let shared =
        || vars::Shared::session(initial.clone(), session_facts.standard_strings, encoding);
    // Refuse unknown meta-commands, missing files and unbalanced \if before anything is
    // sent. A pipe, FIFO or stdin can be read only once: it is checked as it runs instead,
    // which in one transaction still applies nothing when the check fails.
    if regular {
        let vars = shared();
        meta::Check {
            vars: vars.clone(),
            database: session_facts.database.clone(),
            transaction: options.transaction,
            cwd: cwd.clone(),
            home: options.places.home.clone(),
        }
        .file(Source::open_lines(path, lines.clone())?.lexing(vars), 0)?;
    }
    let vars = shared();
    let mut runner = Runner {
        client: &session.client,
        heard: session.notices.listen(),
        options,
        summary: Summary::default(),
        batch: Batch::default(),
        own_transaction: None,
        progress: ui::Progress::bytes(if regular {
            std::fs::metadata(path).map_or(0, |m| m.len())
        } else {
            0
        }),
        vars: vars.clone(),
        conditions: cond::Conditions::default(),
        last_query: None,
        cwd,
        database: session_facts.database.clone(),
        target: session.target.clone(),
    };
    if options.wraps() {
        runner.simple("BEGIN").await?;
    }
    let source = Source::open_lines(path, lines)?.lexing(vars);
    let mut outcome = runner.run_source(source, 0).await.map(|_| ());
    if let (Ok(()), Some(record)) = (&outcome, record) {
        outcome = runner.simple(record).await;
    }
    runner.progress.finish();
    match outcome {
        Ok(()) if options.wraps() => {
            runner.simple("COMMIT").await.context("could not commit")?;
        }
        Ok(()) => {}
        Err(err) if options.enclosed => return Err(err),
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
        match self.0 {
            0 => f.write_str("no statement before it had completed, so nothing was applied"),
            n => write!(f, "{n} statement(s) before it completed and stay applied"),
        }
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
    options: RunOptions<'a>,
    summary: Summary,
    batch: Batch,
    /// Set once the file ran its own COMMIT or ROLLBACK inside our transaction: from then on
    /// each statement commits on its own, as under `psql -1`.
    own_transaction: Option<OwnTransaction>,
    progress: ui::Progress,
    vars: vars::Shared,
    conditions: cond::Conditions,
    /// The last query sent: what `\g`, `\gexec` and `\gset` send when nothing precedes them.
    last_query: Option<String>,
    /// Where `\i` and `\copy` resolve relative paths (`\cd` changes it).
    cwd: PathBuf,
    database: String,
    /// What the session connected to, for `\connect` to another database.
    target: Option<crate::db::Target>,
}

/// Statements the run in progress has completed: what a signal's message can say stayed
/// applied when a run without a transaction is stopped (the runner itself is dropped then).
static COMPLETED_NOW: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);

/// How many statements the run in progress (or the last one) completed.
pub fn completed_now() -> u64 {
    COMPLETED_NOW.load(std::sync::atomic::Ordering::Relaxed)
}

impl Runner<'_> {
    fn count_statement(&mut self) {
        self.summary.statements += 1;
        COMPLETED_NOW.store(
            self.summary.statements,
            std::sync::atomic::Ordering::Relaxed,
        );
    }

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
    ) -> futures_util::future::BoxFuture<'_, Result<meta::Flow>> {
        Box::pin(async move {
            let path = source.path().clone();
            let opened = self.conditions.depth();
            while let Some(item) = source.next_item()? {
                match item {
                    // A branch not taken: nothing runs, COPY data included.
                    Item::Statement(_) | Item::CopyData(_) | Item::CopyEnd
                        if !self.conditions.active() => {}
                    Item::Statement(statement) if statement.copy_from_stdin => {
                        self.flush().await?;
                        self.copy(statement, &mut source, depth == 0).await?;
                    }
                    Item::Statement(statement)
                        if self.options.enclosed && ends_transaction(&statement) =>
                    {
                        return Err(meta::meta_error(
                            &path,
                            statement.start().line,
                            &format!(
                                "{} would end the one transaction this whole load runs in",
                                statement.lead[0].to_ascii_uppercase()
                            ),
                            "run `cruddur-db setup --aside`, which gives each file a transaction of its own",
                        ));
                    }
                    Item::Statement(statement) => {
                        ui::verbose(format_args!("> {}", redact::sql(&statement.text)));
                        // A batch that held the file's COMMIT and statements after it would
                        // run those in one implicit transaction: one failure would undo the
                        // others, where psql -1 keeps each. So a batch ends at the COMMIT,
                        // and statements after it go one at a time.
                        // The server parses a whole batch before running it: statements
                        // after a change to how strings are read must come in a batch of
                        // their own, as psql sends each statement alone.
                        let ends = (self.options.transaction && ends_transaction(&statement))
                            || changes_parsing(&statement);
                        self.last_query = Some(statement.text.clone());
                        self.batch.push(&path, statement);
                        let batching = self.options.transaction && self.own_transaction.is_none();
                        if !batching || ends || self.batch.text.len() >= BATCH_BYTES {
                            self.flush().await?;
                        }
                    }
                    Item::Meta(meta) => {
                        if self.meta(meta, &mut source, depth).await? == meta::Flow::Quit {
                            self.flush().await?;
                            return Ok(meta::Flow::Quit);
                        }
                    }
                    // Only inside `copy`, which takes them itself.
                    Item::CopyData(_) | Item::CopyEnd => {}
                }
                if depth == 0 {
                    self.progress.set(source.bytes_read());
                }
            }
            // Input that could not be checked first (a pipe) may end inside an \if.
            if self.conditions.depth() > opened {
                return Err(meta::meta_error(
                    &path,
                    source.line_no(),
                    "an \\if has no \\endif before the end of the file",
                    "close it with \\endif in the same file",
                ));
            }
            self.flush().await?;
            Ok(meta::Flow::Go)
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
                    self.count_statement();
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
        let data_start = source.line_no() + 1;
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
        // Ends at CopyEnd: the source has seen `\.` or the end of the file.
        let next = |runner: &Self| match source.next_item()? {
            Some(Item::CopyData(chunk)) => {
                // Dumps are mostly COPY data: the bar must move during it, not only after.
                if top_level {
                    runner.progress.set(source.bytes_read());
                }
                Ok(Some(chunk))
            }
            _ => Ok(None),
        };
        let here = Some((&*path, statement.start().line));
        self.copy_in(&statement.text, here, next, fail).await
    }

    /// Run `sql`, a `COPY ... FROM STDIN`, sending the chunks `next` hands over until it has
    /// none; `fail` says where a refusal points (the SQL file's line, or the data file's).
    async fn copy_in(
        &mut self,
        sql: &str,
        here: Option<(&Path, u64)>,
        mut next: impl FnMut(&Self) -> Result<Option<Vec<u8>>>,
        fail: impl Fn(tokio_postgres::Error, &Self) -> anyhow::Error,
    ) -> Result<()> {
        ui::verbose(format_args!("> {}", redact::sql(sql)));
        let client = self.client;
        let sink = Self::drive(
            &mut self.heard,
            here,
            client.copy_in::<_, bytes::Bytes>(sql),
        )
        .await;
        let mut sink = pin!(sink.map_err(|err| fail(err, self))?);
        while let Some(chunk) = next(self)? {
            let sent =
                Self::drive(&mut self.heard, here, sink.send(bytes::Bytes::from(chunk))).await;
            sent.map_err(|err| fail(err, self))?;
        }
        let rows = Self::drive(&mut self.heard, here, sink.as_mut().finish()).await;
        self.summary.copy_rows += rows.map_err(|err| fail(err, self))?;
        self.count_statement();
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

/// `SET standard_conforming_strings` (or its RESET): later statements parse differently.
fn changes_parsing(statement: &Statement) -> bool {
    matches!(statement.lead[0].as_str(), "set" | "reset")
        && statement
            .text
            .to_ascii_lowercase()
            .contains("standard_conforming_strings")
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
