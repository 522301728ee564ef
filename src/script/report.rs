//! A failed statement reported the way a compiler reports an error: file:line:column, the line,
//! a caret under the server's error position, then the server's detail, hint and context.

use std::fmt::Write as _;
use std::path::Path;
use std::sync::Arc;

use tokio_postgres::error::{DbError, ErrorPosition, SqlState};

use super::lexer::{Position, Statement};
use super::source::read_line;
use super::{OwnTransaction, RunOptions};
use crate::error::{Exit, Fail};
use crate::{redact, ui};

/// The error for `statement` of the file at `path` failing with `err`; `start` is the
/// character offset where the statement begins in the query that was sent (it may have been
/// sent in a batch with others).
pub fn statement_failed(
    err: tokio_postgres::Error,
    path: &Path,
    statement: &Statement,
    start: usize,
    options: RunOptions<'_>,
    own_transaction: Option<&OwnTransaction>,
) -> anyhow::Error {
    let Some(db) = err.as_db_error().filter(|db| !went_away(db)) else {
        return lost(err, path, statement.start().line, options, own_transaction);
    };
    let position = match db.position() {
        Some(ErrorPosition::Original(position)) if *position as usize > start => {
            statement.position_of_char(*position as usize - start)
        }
        // Inside a function body or other internal query: point at the statement, show CONTEXT.
        _ => statement.start(),
    };
    let hint = if *db.code() == SqlState::ACTIVE_SQL_TRANSACTION {
        format!(
            "this statement cannot run inside a transaction block: {}",
            options.without_transaction
        )
    } else {
        applied_hint(options, own_transaction)
    };
    report(db, path, statement, position, hint)
}

/// The error for a `COPY ... FROM STDIN` whose data (starting at line `data_start` of the file)
/// or statement failed. The server names the bad data line in CONTEXT ("COPY t, line 3").
pub fn copy_failed(
    err: tokio_postgres::Error,
    path: &Path,
    statement: &Statement,
    data_start: u64,
    options: RunOptions<'_>,
    own_transaction: Option<&OwnTransaction>,
) -> anyhow::Error {
    let Some(db) = err.as_db_error().filter(|db| !went_away(db)) else {
        return lost(err, path, statement.start().line, options, own_transaction);
    };
    let data_line = copy_data_line(db);
    let position = match (data_line, db.position()) {
        (Some(line), _) => Position {
            line: data_start + line - 1,
            column: 1,
        },
        (None, Some(ErrorPosition::Original(position))) => {
            statement.position_of_char(*position as usize)
        }
        (None, _) => statement.start(),
    };
    report(
        db,
        path,
        statement,
        position,
        applied_hint(options, own_transaction),
    )
}

/// A statement `\gexec` generated (or the query before `\gexec`/`\gset`) failed: shown with
/// the meta-command's line, since its text is not in the file.
pub fn generated_failed(
    err: tokio_postgres::Error,
    path: &Path,
    line: u64,
    sql: &str,
    options: RunOptions<'_>,
    own_transaction: Option<&OwnTransaction>,
) -> anyhow::Error {
    let Some(db) = err.as_db_error().filter(|db| !went_away(db)) else {
        return lost(err, path, line, options, own_transaction);
    };
    let mut message = format!(
        "{}:{line}: {}: {}\n  in: {}",
        path.display(),
        db.severity(),
        redact::sql_secrets_in(db.message(), sql),
        ui::cut(&redact::sql(sql), 200)
    );
    if let Some(detail) = db.detail() {
        let _ = write!(message, "\nDETAIL: {}", redact::sql_secrets_in(detail, sql));
    }
    anyhow::Error::new(
        Fail::new(Exit::Sql, message)
            .hint(applied_hint(options, own_transaction))
            .sqlstate(db.code()),
    )
}

/// A `\copy ... from` DATA failed: the server counts lines of the data from 1 ("COPY t, line
/// 3"), so a bad row is named at its line in that file.
pub fn slash_copy_failed(
    err: tokio_postgres::Error,
    path: &Path,
    line: u64,
    data: &Path,
    options: RunOptions<'_>,
    own_transaction: Option<&OwnTransaction>,
) -> anyhow::Error {
    let Some(db) = err.as_db_error().filter(|db| !went_away(db)) else {
        return lost(err, path, line, options, own_transaction);
    };
    let data_line = copy_data_line(db);
    let at = match data_line {
        Some(row) => format!("{}:{row}", data.display()),
        None => data.display().to_string(),
    };
    let mut message = format!(
        "{at}: {}: {} (loaded by \\copy at {}:{line})",
        db.severity(),
        db.message(),
        path.display()
    );
    if let Some(detail) = db.detail() {
        let _ = write!(message, "\nDETAIL: {detail}");
    }
    if let Some(context) = db.where_() {
        let _ = write!(message, "\nCONTEXT: {context}");
    }
    anyhow::Error::new(
        Fail::new(Exit::Sql, message)
            .hint(applied_hint(options, own_transaction))
            .sqlstate(db.code()),
    )
}

/// The line of COPY data the server names in CONTEXT ("COPY t, line 3"), counted from 1.
fn copy_data_line(db: &DbError) -> Option<u64> {
    let rest = db.where_()?.split_once(", line ")?.1;
    let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
    digits.parse().ok()
}

/// The server ended the session (it shut down, or someone terminated the backend): a lost
/// connection, not a mistake in the file.
fn went_away(db: &DbError) -> bool {
    matches!(db.severity(), "FATAL" | "PANIC")
        || [
            SqlState::ADMIN_SHUTDOWN,
            SqlState::CRASH_SHUTDOWN,
            SqlState::CANNOT_CONNECT_NOW,
        ]
        .contains(db.code())
}

/// The connection died (the server stopped, the backend was terminated, the network went)
/// while the statement at `path:line` ran: not a mistake in the file.
fn lost(
    err: tokio_postgres::Error,
    path: &Path,
    line: u64,
    options: RunOptions<'_>,
    own_transaction: Option<&OwnTransaction>,
) -> anyhow::Error {
    let applied = if options.transaction {
        applied_hint(options, own_transaction)
    } else {
        format!(
            "the statements before {}:{line} stayed applied ({})",
            path.display(),
            options.untransacted
        )
    };
    anyhow::Error::new(crate::db::PgError(err)).context(
        Fail::new(
            Exit::Unreachable,
            format!(
                "the server went away while running {}:{line}",
                path.display()
            ),
        )
        .hint(format!(
            "{applied}; check the server is running (`cruddur-db doctor`), then run it again"
        )),
    )
}

fn applied_hint(options: RunOptions<'_>, own_transaction: Option<&OwnTransaction>) -> String {
    let Some(own) = own_transaction.filter(|_| options.transaction) else {
        return if options.transaction {
            "nothing from this file was applied: it runs in one transaction, which was rolled back"
                .to_string()
        } else {
            format!(
                "statements before this one were applied ({})",
                options.untransacted
            )
        };
    };
    let at = |(path, line): &(Arc<Path>, u64)| format!("{}:{line}", path.display());
    let before = if own.committed {
        format!(
            "the file commits its own transaction at {}: everything up to there stayed applied",
            at(&own.ended_at)
        )
    } else {
        format!(
            "the file rolls back its own transaction at {}: nothing up to there was applied",
            at(&own.ended_at)
        )
    };
    match &own.last_applied {
        None => format!("{before}; nothing after it was"),
        Some(last) => format!(
            "{before}; each statement after it up to {} stayed applied too (each committed on its own, as under \
             psql -1); this one and the rest were not run",
            at(last)
        ),
    }
}

fn report(
    db: &DbError,
    path: &Path,
    statement: &Statement,
    position: Position,
    hint: String,
) -> anyhow::Error {
    let Position { line, column } = position;
    // The statement's PASSWORD literals stay hidden in its line and in the server's words.
    let hide = |text: &str| redact::sql_secrets_in(text, &statement.text);
    let mut message = format!(
        "{}:{line}:{column}: {}: {}",
        path.display(),
        db.severity(),
        hide(db.message())
    );
    if let Some(source_line) = read_line(path, line).map(|line| hide(&line)) {
        let _ = write!(message, "\n{}", ui::excerpt(line, &source_line, column, 1));
    }
    if let Some(detail) = db.detail() {
        let _ = write!(message, "\nDETAIL: {}", hide(detail));
    }
    if let Some(hint) = db.hint() {
        let _ = write!(message, "\nHINT: {hint}");
    }
    if let Some(context) = db.where_() {
        let _ = write!(message, "\nCONTEXT: {context}");
    }
    anyhow::Error::new(Fail::new(Exit::Sql, message).hint(hint).sqlstate(db.code()))
}
