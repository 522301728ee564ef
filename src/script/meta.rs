//! psql's meta-commands in a file: which ones run, the check of a whole file (and what it
//! includes) before anything is sent, and what each one does when it is reached.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use anyhow::{Context, Result};
use tokio_postgres::SimpleQueryMessage;

use super::cond::Need;
use super::lexer::{MetaCommand, Position, Statement};
use super::slash_copy::{self, SlashCopy};
use super::source::{Item, Source};
use super::vars::{self, Shared};
use super::{MAX_INCLUDE_DEPTH, Runner, report};
use crate::error::{Exit, Fail};
use crate::{redact, ui};

/// What a file's reader does after a meta-command.
#[derive(Debug, PartialEq, Eq)]
pub(super) enum Flow {
    Go,
    /// `\q`: stop reading every file.
    Quit,
}

/// The meta-commands cruddur-db runs.
const RUNS: &[&str] = &[
    "echo",
    "qecho",
    "warn",
    "i",
    "include",
    "ir",
    "include_relative",
    "set",
    "unset",
    "if",
    "elif",
    "else",
    "endif",
    "gexec",
    "gset",
    "g",
    "copy",
    "cd",
    "c",
    "connect",
    "q",
    "quit",
    "encoding",
    "restrict",
    "unrestrict",
];

/// Meta-commands that only change how psql displays results, which a load never shows: real
/// dumps and seed files carry them, and they change nothing that is loaded.
const DISPLAY_ONLY: &[&str] = &[
    "pset", "x", "timing", "t", "a", "f", "C", "H", "T", "conninfo",
];

/// Why the ones psql has and we refuse are refused, and what to do instead.
fn refusal(name: &str) -> (&'static str, &'static str) {
    match name {
        "o" | "out" => (
            "sends query output to a file or command",
            "cruddur-db prints no query results; remove the line, or run the file with `cruddur-db connect -- -f FILE`",
        ),
        "!" | "setenv" | "getenv" => (
            "runs or changes the shell",
            "do it in the script that calls cruddur-db",
        ),
        _ => (
            "is a psql command cruddur-db does not run",
            "cruddur-db runs \\echo, \\i, \\ir, \\set, \\unset, \\if/\\elif/\\else/\\endif, \\gexec, \\gset, \\g, \\copy ... from, \\cd, \\connect, \\encoding, \\q and psql's display settings; nothing was sent to the server",
        ),
    }
}

fn is_include(name: &str) -> bool {
    matches!(name, "i" | "include" | "ir" | "include_relative")
}

pub(super) fn meta_error(path: &Path, line: u64, message: &str, hint: &str) -> anyhow::Error {
    Fail::new(Exit::Sql, format!("{}:{line}: {message}", path.display()))
        .hint(hint)
        .into()
}

/// What a file may not do, found before anything is sent: an unknown meta-command, a missing
/// include or `\copy` file, an `\if` without `\endif`, a `\connect` to another database.
pub(super) struct Check {
    pub vars: Shared,
    pub database: String,
    pub transaction: bool,
    pub cwd: PathBuf,
}

impl Check {
    pub fn file(
        &mut self,
        source: Source<std::io::BufReader<std::fs::File>>,
        depth: usize,
    ) -> Result<()> {
        let path = source.path().clone();
        let mut source = source;
        let mut open_ifs: Vec<u64> = Vec::new();
        while let Some(item) = source.next_item()? {
            let Item::Meta(meta) = item else { continue };
            let line = meta.position.line;
            let name = meta.name.as_str();
            match name {
                _ if DISPLAY_ONLY.contains(&name) => {}
                _ if !RUNS.contains(&name) => {
                    let (what, hint) = refusal(name);
                    return Err(meta_error(&path, line, &format!("\\{name} {what}"), hint));
                }
                "if" => open_ifs.push(line),
                "endif" => {
                    open_ifs.pop().ok_or_else(|| {
                        meta_error(
                            &path,
                            line,
                            "\\endif without a matching \\if",
                            "remove it, or add the \\if it closes",
                        )
                    })?;
                }
                "elif" | "else" if open_ifs.is_empty() => {
                    return Err(meta_error(
                        &path,
                        line,
                        &format!("\\{name} without a matching \\if"),
                        "add the \\if it belongs to",
                    ));
                }
                "set" => set(&self.vars, &meta, &path)?,
                "unset" => unset(&self.vars, &meta),
                "cd" => self.cwd = change_dir(&self.cwd, &meta, &path)?,
                "encoding" => set_encoding(&self.vars, &meta, &path)?,
                "copy" if copy_of(&meta, &self.cwd, &path)?.from == slash_copy::From::Inline => {
                    skip_copy_data(&mut source)?;
                }
                "g" if !meta.args.is_empty() => {
                    return Err(meta_error(
                        &path,
                        line,
                        "\\g FILE sends query output to a file",
                        "cruddur-db prints no query results; end the query with ; instead",
                    ));
                }
                "c" | "connect" => {
                    if let Some(other) = connect_target(&meta).filter(|db| *db != self.database) {
                        if self.transaction {
                            return Err(switch_refused(&path, line, name, &other, &self.database));
                        }
                        self.database = other;
                    }
                }
                _ if is_include(name) => {
                    let target = include_target(&meta, &path, &self.cwd, depth)?;
                    self.file(Source::open(&target)?.lexing(self.vars.clone()), depth + 1)?;
                }
                _ => {}
            }
        }
        if let Some(line) = open_ifs.last() {
            return Err(meta_error(
                &path,
                *line,
                "this \\if has no \\endif before the end of the file",
                "close it with \\endif in the same file",
            ));
        }
        Ok(())
    }
}

/// Pass over the rows of a `\copy ... from stdin`, up to `\.`.
pub(super) fn skip_copy_data<R: std::io::BufRead>(source: &mut Source<R>) -> Result<()> {
    source.start_copy();
    while let Some(Item::CopyData(_)) = source.next_item()? {}
    Ok(())
}

/// `\connect DB` to another database. One transaction cannot span two databases, and one
/// file loads into the database it was pointed at.
fn switch_refused(path: &Path, line: u64, name: &str, other: &str, current: &str) -> anyhow::Error {
    let hint = "a file that switches databases cannot run in one transaction: run it with --no-transaction (it then switches, as psql does), or load the part for that database separately with --url";
    meta_error(
        path,
        line,
        &format!(
            "\\{name} {other}: this file switches to another database than {current}; nothing was sent"
        ),
        hint,
    )
}

/// `\set NAME [VALUE...]`: the values joined, as psql joins them.
fn set(vars: &Shared, meta: &MetaCommand, path: &Path) -> Result<()> {
    let Some(name) = meta.args.first() else {
        return Ok(());
    };
    if !vars::is_name(name) {
        return Err(meta_error(
            path,
            meta.position.line,
            &format!("\\set: invalid variable name {name:?}"),
            "variable names are letters, digits and _",
        ));
    }
    vars.lock().set(name, &meta.args[1..].concat());
    Ok(())
}

fn unset(vars: &Shared, meta: &MetaCommand) {
    if let Some(name) = meta.args.first() {
        vars.lock().unset(name);
    }
}

/// `\encoding NAME`: the lines after it are read in that encoding (the session stays UTF8).
fn set_encoding(vars: &Shared, meta: &MetaCommand, path: &Path) -> Result<()> {
    let Some(name) = meta.args.first() else {
        return Ok(());
    };
    let decoder = super::encoding::by_pg_name(name).ok_or_else(|| {
        meta_error(
            path,
            meta.position.line,
            &format!("\\encoding {name}: not an encoding cruddur-db can read"),
            "convert the file to UTF-8 (iconv -f ENCODING -t UTF-8)",
        )
    })?;
    vars.lock().encoding = decoder;
    Ok(())
}

fn change_dir(cwd: &Path, meta: &MetaCommand, path: &Path) -> Result<PathBuf> {
    let target = match meta.args.first() {
        Some(dir) => cwd.join(dir),
        None => std::env::var_os("HOME")
            .map(PathBuf::from)
            .unwrap_or_else(|| cwd.to_path_buf()),
    };
    if !target.is_dir() {
        return Err(meta_error(
            path,
            meta.position.line,
            &format!("\\cd {}: no such directory", target.display()),
            "\\cd is relative to the directory cruddur-db runs in (or the last \\cd)",
        ));
    }
    Ok(target)
}

fn copy_of(meta: &MetaCommand, cwd: &Path, path: &Path) -> Result<SlashCopy> {
    let line = meta.position.line;
    let copy = slash_copy::parse(&meta.raw, cwd).map_err(|why| {
        meta_error(
            path,
            line,
            &why,
            "write it as \\copy TABLE [(COLUMNS)] FROM 'FILE' [WITH (FORMAT csv, HEADER)]",
        )
    })?;
    if let slash_copy::From::File(file) = &copy.from
        && file.is_dir()
    {
        return Err(meta_error(
            path,
            line,
            &format!("\\copy: {} is a directory", file.display()),
            "name the data file inside it",
        ));
    }
    if let slash_copy::From::File(file) = &copy.from
        && !file.exists()
    {
        return Err(meta_error(
            path,
            line,
            &format!("\\copy: {} does not exist", file.display()),
            "\\copy reads files relative to the directory cruddur-db runs in (or the last \\cd), as psql does",
        ));
    }
    Ok(copy)
}

/// The database a `\connect` names: its first argument that is not an option, a plain name
/// (psql drops a trailing `;`) or pg_dump's `dbname='NAME'`; `-` and none keep the current one.
pub(super) fn connect_target(meta: &MetaCommand) -> Option<String> {
    // Options (`-reuse-previous=on`) start with `-`; a lone `-` is "the same database".
    let arg = meta
        .args
        .iter()
        .find(|arg| *arg == "-" || !arg.starts_with('-'))?;
    let arg = arg.trim_end_matches(';');
    let name = match arg.split_once("dbname=") {
        Some((_, rest)) => rest
            .split_whitespace()
            .next()
            .unwrap_or("")
            .trim_matches('\'')
            .replace("\\'", "'"),
        None => arg.to_string(),
    };
    (!name.is_empty() && name != "-").then_some(name)
}

pub(super) fn include_target(
    meta: &MetaCommand,
    path: &Path,
    cwd: &Path,
    depth: usize,
) -> Result<PathBuf> {
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
        cwd.join(target)
    };
    if !target.is_file() {
        return Err(meta_error(
            path,
            line,
            &format!("\\{} {}: no such file", meta.name, target.display()),
            "\\i is relative to the current directory (or the last \\cd), \\ir to the including file",
        ));
    }
    Ok(target)
}

impl Runner<'_> {
    /// Run `meta`, met in `source` at nesting `depth`.
    pub(super) async fn meta(
        &mut self,
        meta: MetaCommand,
        source: &mut Source<std::io::BufReader<std::fs::File>>,
        depth: usize,
    ) -> Result<Flow> {
        let path = source.path().clone();
        let line = meta.position.line;
        let name = meta.name.as_str();
        if matches!(name, "if" | "elif" | "else" | "endif") {
            self.condition(&meta, &path)?;
            return Ok(Flow::Go);
        }
        if !self.conditions.active() {
            return Ok(Flow::Go);
        }
        self.flush().await?;
        match name {
            "echo" | "qecho" => {
                let args: Vec<&str> = meta
                    .args
                    .iter()
                    .map(String::as_str)
                    .skip_while(|a| *a == "-n")
                    .collect();
                ui::echo(&args.join(" "));
            }
            "warn" => ui::report(meta.args.join(" ")),
            "set" => set(&self.vars, &meta, &path)?,
            "unset" => unset(&self.vars, &meta),
            "cd" => self.cwd = change_dir(&self.cwd, &meta, &path)?,
            "encoding" => set_encoding(&self.vars, &meta, &path)?,
            "q" | "quit" => return Ok(Flow::Quit),
            "g" | "gexec" | "gset" => {
                let Some(query) = source
                    .take_query_buffer()
                    .map(|s| s.text)
                    .or_else(|| self.last_query.clone())
                else {
                    return Err(meta_error(
                        &path,
                        line,
                        &format!("\\{name} has no query to send"),
                        "write the query before it, without a ; (`SELECT ... \\gexec`)",
                    ));
                };
                self.last_query = Some(query.clone());
                let rows = self.rows(&query, &path, line).await?;
                match name {
                    "gexec" => self.gexec(rows, &path, line).await?,
                    "gset" => self.gset(
                        rows,
                        meta.args.first().map_or("", String::as_str),
                        &path,
                        line,
                    )?,
                    _ => {}
                }
            }
            "copy" => {
                let copy = copy_of(&meta, &self.cwd, &path)?;
                self.slash_copy(copy, source, &path, line, depth == 0)
                    .await?;
            }
            "c" | "connect" => {
                if let Some(other) = connect_target(&meta).filter(|db| *db != self.database) {
                    if self.options.transaction {
                        return Err(switch_refused(&path, line, name, &other, &self.database));
                    }
                    self.switch(other, &path, line).await?;
                }
            }
            _ if is_include(name) => {
                let target = include_target(&meta, &path, &self.cwd, depth)?;
                let included = Source::open(&target)?.lexing(self.vars.clone());
                if self.run_source(included, depth + 1).await? == Flow::Quit {
                    return Ok(Flow::Quit);
                }
            }
            // Display settings, ON_ERROR_STOP and friends (we always stop at the first error),
            // and pg_dump's \restrict / \unrestrict, which guard psql against meta-commands
            // smuggled into a dump: cruddur-db never runs more than the harmless few it knows.
            _ => {}
        }
        Ok(Flow::Go)
    }

    /// `\connect DB` without a transaction: the rest runs in DB on the same server, with the
    /// same user, password and TLS settings, as psql reuses them.
    async fn switch(&mut self, database: String, path: &Arc<Path>, line: u64) -> Result<()> {
        let Some(current) = &self.target else {
            return Err(meta_error(
                path,
                line,
                &format!("\\connect {database}: this load cannot switch databases"),
                "load the part for that database separately with --url",
            ));
        };
        let target = crate::db::Target {
            conn: current.conn.with_database(&database),
            ..current.clone()
        };
        let at = format!("{}:{line}: \\connect {database}", path.display());
        crate::guard::admit(self.client, &target, &at).await?;
        let session = crate::db::connect(&target)
            .await
            .with_context(|| format!("{}:{line}: \\connect {database} failed", path.display()))?;
        // The switched-to session serves the rest of this load, and a load ends with the
        // process: it lives as long, and closes with it.
        let session: &'static crate::db::Session = Box::leak(Box::new(session));
        self.client = &session.client;
        self.heard = session.notices.listen();
        self.target = Some(target);
        self.vars.lock().set("DBNAME", &database);
        ui::status(
            "connect",
            format_args!(
                "{}:{line}: now in database {}",
                path.display(),
                crate::db::quote_ident(&database)
            ),
        );
        self.database = database;
        Ok(())
    }

    /// `\if`, `\elif`, `\else`, `\endif`.
    fn condition(&mut self, meta: &MetaCommand, path: &Arc<Path>) -> Result<()> {
        let line = meta.position.line;
        let misplaced = |why: &str| {
            meta_error(
                path,
                line,
                why,
                "every \\if needs its \\endif, in the same file",
            )
        };
        let need = match meta.name.as_str() {
            "if" => self.conditions.open(),
            "elif" => self.conditions.elif().map_err(misplaced)?,
            "else" => {
                self.conditions.otherwise().map_err(misplaced)?;
                Need::Nothing
            }
            _ => {
                self.conditions.close().map_err(misplaced)?;
                Need::Nothing
            }
        };
        if need == Need::Evaluate {
            let expression = meta.args.join(" ");
            let value = vars::parse_bool(&expression).ok_or_else(|| {
                meta_error(
                    path,
                    line,
                    &format!("\\{} {expression:?}: not a boolean", meta.name),
                    "psql takes true/false, on/off, yes/no, 1/0 (or a variable holding one)",
                )
            })?;
            self.conditions.decide(value);
        }
        self.vars.lock().skipping = !self.conditions.active();
        Ok(())
    }

    /// Run `query` and collect its rows as text: column names, then each row.
    async fn rows(
        &mut self,
        query: &str,
        path: &Arc<Path>,
        line: u64,
    ) -> Result<(Vec<String>, Vec<Vec<Option<String>>>)> {
        ui::verbose(format_args!("> {}", redact::sql(query)));
        let client = self.client;
        let messages = Self::drive(
            &mut self.heard,
            Some((path, line)),
            client.simple_query(query),
        )
        .await
        .map_err(|err| self.generated_failed(err, path, line, query))?;
        let mut columns = Vec::new();
        let mut rows = Vec::new();
        for message in messages {
            match message {
                SimpleQueryMessage::RowDescription(description) => {
                    columns = description.iter().map(|c| c.name().to_string()).collect();
                }
                SimpleQueryMessage::Row(row) => {
                    rows.push(
                        (0..row.len())
                            .map(|i| row.get(i).map(str::to_string))
                            .collect(),
                    );
                }
                SimpleQueryMessage::CommandComplete(_) => self.count_statement(),
                _ => {}
            }
        }
        Ok((columns, rows))
    }

    /// `\gexec`: each non-null value of each row, left to right, run as a statement.
    async fn gexec(
        &mut self,
        (_, rows): (Vec<String>, Vec<Vec<Option<String>>>),
        path: &Arc<Path>,
        line: u64,
    ) -> Result<()> {
        for sql in rows.into_iter().flatten().flatten() {
            ui::verbose(format_args!("> {}", redact::sql(&sql)));
            let client = self.client;
            let done = Self::drive(
                &mut self.heard,
                Some((path, line)),
                client.simple_query(&sql),
            )
            .await
            .map_err(|err| self.generated_failed(err, path, line, &sql))?;
            for message in done {
                if let SimpleQueryMessage::CommandComplete(rows) = message {
                    self.count_statement();
                    self.summary.rows += rows;
                }
            }
        }
        Ok(())
    }

    /// `\gset [PREFIX]`: one row's values into variables named PREFIX + column; NULL unsets.
    fn gset(
        &mut self,
        (columns, rows): (Vec<String>, Vec<Vec<Option<String>>>),
        prefix: &str,
        path: &Arc<Path>,
        line: u64,
    ) -> Result<()> {
        let row = match rows.as_slice() {
            [row] => row,
            [] => {
                return Err(meta_error(
                    path,
                    line,
                    "\\gset: the query returned no rows",
                    "make it return exactly one row",
                ));
            }
            _ => {
                return Err(meta_error(
                    path,
                    line,
                    &format!("\\gset: the query returned {} rows", rows.len()),
                    "make it return exactly one row",
                ));
            }
        };
        let mut vars = self.vars.lock();
        for (column, value) in columns.iter().zip(row) {
            let name = format!("{prefix}{column}");
            match value {
                Some(value) => vars.set(&name, value),
                None => vars.unset(&name),
            }
        }
        Ok(())
    }

    fn generated_failed(
        &self,
        err: tokio_postgres::Error,
        path: &Path,
        line: u64,
        sql: &str,
    ) -> anyhow::Error {
        report::generated_failed(
            err,
            path,
            line,
            sql,
            self.options,
            self.own_transaction.as_ref(),
        )
    }

    /// `\copy ... from`: the rows through `COPY ... FROM STDIN`, from a file, the lines that
    /// follow, or our stdin.
    async fn slash_copy(
        &mut self,
        copy: SlashCopy,
        source: &mut Source<std::io::BufReader<std::fs::File>>,
        path: &Arc<Path>,
        line: u64,
        top_level: bool,
    ) -> Result<()> {
        match &copy.from {
            slash_copy::From::Inline => {
                source.start_copy();
                let statement = Statement::copy_from_stdin(copy.sql, Position { line, column: 1 });
                self.copy(statement, source, top_level).await
            }
            slash_copy::From::File(file) => {
                let reader = std::fs::File::open(file).map_err(|err| {
                    Fail::new(
                        Exit::Failure,
                        format!(
                            "{}:{line}: \\copy could not read {}: {err}",
                            path.display(),
                            file.display()
                        ),
                    )
                    .hint("check the path and its permissions")
                })?;
                self.copy_stream(&copy.sql, reader, file, path, line).await
            }
            slash_copy::From::ProcessStdin => {
                let stdin = std::fs::File::open("/dev/stdin").map_err(|err| {
                    Fail::new(
                        Exit::Failure,
                        format!("{}:{line}: \\copy ... from pstdin: {err}", path.display()),
                    )
                    .hint("pipe the rows into cruddur-db")
                })?;
                self.copy_stream(&copy.sql, stdin, Path::new("stdin"), path, line)
                    .await
            }
        }
    }

    /// `\copy` from `reader`: a bad row is reported at its line in `data` (the server counts
    /// lines from 1, the CSV header included).
    async fn copy_stream(
        &mut self,
        sql: &str,
        mut reader: std::fs::File,
        data: &Path,
        path: &Arc<Path>,
        line: u64,
    ) -> Result<()> {
        use std::io::Read;
        let fail = |err, runner: &Self| {
            report::slash_copy_failed(
                err,
                path,
                line,
                data,
                runner.options,
                runner.own_transaction.as_ref(),
            )
        };
        let mut buffer = vec![0u8; 256 * 1024];
        let next = |_: &Self| {
            let read = reader.read(&mut buffer).map_err(|err| {
                Fail::new(
                    Exit::Failure,
                    format!("\\copy could not read {}: {err}", data.display()),
                )
                .hint("check the file and its permissions")
            })?;
            Ok((read > 0).then(|| buffer[..read].to_vec()))
        };
        self.copy_in(sql, Some((&**path, line)), next, fail).await
    }
}
