//! What each meta-command does when a run reaches it: variables, `\\if`, `\\gexec`, `\\gset`,
//! `\\copy`, `\\connect`, includes.

use std::path::Path;
use std::sync::Arc;

use anyhow::{Context, Result};
use tokio_postgres::SimpleQueryMessage;

use super::super::cond::Need;
use super::super::lexer::{MetaCommand, Position, Statement};
use super::super::slash_copy::{self, SlashCopy};
use super::super::source::Source;
use super::super::{Runner, report};
use super::*;
use crate::error::{Exit, Fail};
use crate::{redact, ui};

impl Runner<'_> {
    /// Run `meta`, met in `source` at nesting `depth`.
    pub(in crate::script) async fn meta(
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
            "cd" => {
                self.cwd = change_dir(&self.cwd, self.options.places.home.as_deref(), &meta, &path)?
            }
            "encoding" => set_encoding(&self.vars, &meta, &path)?,
            "q" | "quit" => return Ok(Flow::Quit),
            name if super::SENDS_QUERY.contains(&name) => {
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
            let value = crate::yes_no::parse_bool(&expression).ok_or_else(|| {
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
        gset_row(&self.vars, &columns, row, prefix);
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
