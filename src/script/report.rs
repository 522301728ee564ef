//! A failed statement reported the way a compiler reports an error: file:line:column, the line,
//! a caret under the server's error position, then the server's detail, hint and context.

use std::fmt::Write as _;
use std::path::Path;

use tokio_postgres::error::{ErrorPosition, SqlState};

use super::split::{LineIndex, Statement};
use crate::error::{Exit, Fail};

/// The error for `statement` of the file at `path` failing with `err`.
pub fn statement_failed(
    err: tokio_postgres::Error,
    path: &Path,
    lines: &LineIndex<'_>,
    statement: &Statement,
    in_transaction: bool,
) -> anyhow::Error {
    let Some(db) = err.as_db_error() else {
        return anyhow::Error::new(crate::db::PgError(err)).context(format!(
            "the connection failed while running {}",
            path.display()
        ));
    };
    let offset = match db.position() {
        Some(ErrorPosition::Original(position)) => {
            statement.file_offset_of_char(*position as usize)
        }
        // Inside a function body or other internal query: point at the statement, show CONTEXT.
        _ => statement.file_offset(),
    };
    let (line, column) = lines.line_col(offset);
    let source_line = lines.line(line);
    let gutter = line.to_string().len();
    let caret_pad: String = source_line
        .chars()
        .take(column - 1)
        .map(|c| if c == '\t' { '\t' } else { ' ' })
        .collect();

    let mut message = format!(
        "{}:{line}:{column}: {}: {}",
        path.display(),
        db.severity(),
        db.message()
    );
    let _ = write!(
        message,
        "\n {line} | {source_line}\n {:gutter$} | {caret_pad}^",
        ""
    );
    if let Some(detail) = db.detail() {
        let _ = write!(message, "\nDETAIL: {detail}");
    }
    if let Some(hint) = db.hint() {
        let _ = write!(message, "\nHINT: {hint}");
    }
    if let Some(context) = db.where_() {
        let _ = write!(message, "\nCONTEXT: {context}");
    }
    let hint = if *db.code() == SqlState::ACTIVE_SQL_TRANSACTION {
        "this statement cannot run inside a transaction block: run the file with --no-transaction"
    } else if in_transaction {
        "nothing from this file was applied: it runs in one transaction, which was rolled back"
    } else {
        "statements before this one were applied (--no-transaction)"
    };
    anyhow::Error::new(Fail::new(Exit::Sql, message).hint(hint))
}
