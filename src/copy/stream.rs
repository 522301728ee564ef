//! Moving one table's rows: `COPY (SELECT ...) TO STDOUT` on the source, each row masked in
//! memory as it passes, `COPY ... FROM STDIN` into the new database, in batches. Nothing is
//! held but the batch in flight, and nothing unmasked is written anywhere. Values a rule
//! replaces on the server (`null`, `sql:`) never leave it; `default` and generated columns
//! are left for the new database to fill.

use std::time::Instant;

use anyhow::{Context, Result};
use bytes::{Bytes, BytesMut};
use futures_util::{SinkExt, StreamExt};
use tokio_postgres::Client;

use super::closure::{Rows, among, pieces};
use super::codec;
use super::fake::{self, Faker};
use super::rules::Kind;
use super::scope::Action;
use super::tables::Table;
use crate::db::{PgError, quote_ident};
use crate::ui;

/// What was moved for one table.
#[derive(Debug, Clone, Copy, Default)]
pub struct Moved {
    pub rows: u64,
    pub bytes: u64,
}

/// Send a batch once it holds this much.
const BATCH: usize = 256 * 1024;

/// How one table's rows are read and rewritten.
pub struct Shape {
    /// What the source's SELECT lists, one per copied field.
    select: Vec<String>,
    /// The new database's columns, in the same order.
    insert: Vec<String>,
    /// What rewrites each field, if anything does.
    rewrite: Vec<Option<Rewrite>>,
}

struct Rewrite {
    kind: Kind,
    max_chars: Option<usize>,
    unique: bool,
    /// `schema.table.column`, for errors.
    column: String,
}

impl Shape {
    pub fn of(table: &Table, actions: &[(String, Action)]) -> Shape {
        let mut shape = Shape {
            select: Vec::new(),
            insert: Vec::new(),
            rewrite: Vec::new(),
        };
        for (name, action) in actions {
            let column = table
                .column(name)
                .expect("actions name the table's columns");
            let quoted = quote_ident(name);
            let (select, rewrite) = match action {
                Action::Generated | Action::Rule(Kind::Default) => continue,
                Action::Key | Action::Rule(Kind::Keep) => (quoted.clone(), None),
                // Never read: the value stays on the source.
                Action::Rule(Kind::Null) => (format!("NULL::{}", column.data_type), None),
                Action::Rule(Kind::Sql(expr)) => (format!("({expr})::{}", column.data_type), None),
                Action::Rule(kind) => (
                    quoted.clone(),
                    Some(Rewrite {
                        kind: kind.clone(),
                        max_chars: column.max_chars,
                        unique: column.unique,
                        column: format!("{}.{name}", table.name),
                    }),
                ),
            };
            shape.select.push(select);
            shape.insert.push(quoted);
            shape.rewrite.push(rewrite);
        }
        shape
    }

    /// The query that reads the rows where `condition` holds.
    pub fn read(&self, table: &Table, condition: &str) -> String {
        format!(
            "COPY (SELECT {} FROM {} t WHERE ({condition})) TO STDOUT",
            self.select.join(", "),
            table.from()
        )
    }

    fn write(&self, table: &Table) -> String {
        format!("COPY {} ({}) FROM STDIN", table.sql, self.insert.join(", "))
    }

    fn rewrites(&self) -> bool {
        self.rewrite.iter().any(Option::is_some)
    }
}

/// Copy `rows` of `table` from `source` into `target`, shaped by `shape`.
pub async fn table(
    source: &Client,
    target: &Client,
    table: &Table,
    shape: &Shape,
    rows: &Rows,
    expected: u64,
    faker: &mut Faker,
) -> Result<Moved> {
    let started = Instant::now();
    let progress = ui::Progress::rows(expected, table.short());
    let conditions: Vec<String> = match rows {
        Rows::All => vec!["true".into()],
        Rows::Some(ids) => pieces(ids).iter().map(|piece| among("t", piece)).collect(),
    };
    let context = || format!("could not copy the rows of {}", table.name);
    let sink = target
        .copy_in::<_, Bytes>(&shape.write(table))
        .await
        .map_err(PgError)
        .with_context(context)?;
    let mut sink = std::pin::pin!(sink);
    let mut moved = Moved::default();
    let mut batch = BytesMut::with_capacity(BATCH + 8192);
    let mut line = Vec::new();
    let rewrites = shape.rewrites();
    for condition in &conditions {
        let stream = source
            .copy_out(&shape.read(table, condition))
            .await
            .map_err(PgError)
            .with_context(context)?;
        let mut stream = std::pin::pin!(stream);
        while let Some(chunk) = stream.next().await {
            let chunk = chunk.map_err(PgError).with_context(context)?;
            moved.bytes += chunk.len() as u64;
            if !rewrites {
                moved.rows += memchr::memchr_iter(b'\n', &chunk).count() as u64;
                batch.extend_from_slice(&chunk);
            } else {
                for piece in chunk.split_inclusive(|b| *b == b'\n') {
                    line.extend_from_slice(piece);
                    if line.last() == Some(&b'\n') {
                        line.pop();
                        rewrite(shape, &line, faker, &mut batch)?;
                        batch.extend_from_slice(b"\n");
                        line.clear();
                        moved.rows += 1;
                    }
                }
            }
            if batch.len() >= BATCH {
                sink.send(batch.split().freeze())
                    .await
                    .map_err(PgError)
                    .with_context(context)?;
                progress.set_with(
                    moved.rows,
                    format!("{} {}", table.short(), ui::size(moved.bytes as i64)),
                );
            }
        }
    }
    if !batch.is_empty() {
        sink.send(batch.split().freeze())
            .await
            .map_err(PgError)
            .with_context(context)?;
    }
    sink.as_mut()
        .finish()
        .await
        .map_err(PgError)
        .with_context(context)?;
    progress.done(
        moved.rows,
        format!("{} {}", table.short(), ui::size(moved.bytes as i64)),
    );
    ui::verbose(format_args!(
        "copied {} rows of {} ({}) {}",
        moved.rows,
        table.name,
        ui::size(moved.bytes as i64),
        ui::format_elapsed(started.elapsed())
    ));
    Ok(moved)
}

/// One row, its fields rewritten by their rules, appended to `out`.
fn rewrite(shape: &Shape, row: &[u8], faker: &mut Faker, out: &mut BytesMut) -> Result<()> {
    let mut field = Vec::new();
    for (n, value) in row.split(|b| *b == b'\t').enumerate() {
        if n > 0 {
            out.extend_from_slice(b"\t");
        }
        match shape.rewrite.get(n).and_then(Option::as_ref) {
            Some(rule) if value != codec::NULL => {
                let text = codec::decode(value)
                    .with_context(|| format!("could not read {}", rule.column))?;
                let fake = match &rule.kind {
                    Kind::Scrub => fake::scrub(faker, &text),
                    kind => faker.fake(kind, &text, rule.max_chars, rule.unique).with_context(|| {
                        format!(
                            "{} is unique, and {} stand-ins drawn for one of its values were all taken",
                            rule.column,
                            fake::DRAWS
                        )
                    })?,
                };
                field.clear();
                codec::encode(&fake, &mut field);
                out.extend_from_slice(&field);
            }
            _ => out.extend_from_slice(value),
        }
    }
    Ok(())
}
