//! The outcomes of a check as people read them: a line for each query that prepares, and for
//! each that does not the error, the line it is on with a caret, and the server's hints.

use super::Outcome;
use crate::ui;

/// The outcomes as people read them: a line for each query that prepares, and the error, the
/// line it is on and a caret for each that does not.
pub fn render(outcomes: &[Outcome]) -> String {
    let mut out = String::new();
    for outcome in outcomes {
        if let Some(warning) = &outcome.warning {
            out.push_str(&format!(
                "warn  {}:{}: {warning}\n",
                outcome.file, outcome.line
            ));
        }
        let Some(problem) = &outcome.error else {
            out.push_str(&format!("ok    {}\n", outcome.summary()));
            continue;
        };
        out.push_str(&format!(
            "error {}:{}:{}: {}\n",
            outcome.file, problem.line, problem.column, problem.message
        ));
        if !problem.source_line.is_empty() {
            let width = match problem.width {
                0 => word_width(&problem.source_line, problem.column),
                known => known,
            };
            out.push_str(&ui::excerpt(
                problem.line,
                &problem.source_line,
                problem.column,
                width,
            ));
            out.push('\n');
        }
        if let Some(detail) = &problem.detail {
            out.push_str(&format!("  detail: {detail}\n"));
        }
        if let Some(hint) = &problem.hint {
            out.push_str(&format!("  hint: {hint}\n"));
        }
        if let Some(name) = &problem.did_you_mean {
            out.push_str(&format!("  did you mean `{name}`?\n"));
        }
    }
    out
}

/// How many characters the name at `column` of `line` takes, for the caret under it.
fn word_width(line: &str, column: u64) -> usize {
    line.chars()
        .skip(column.saturating_sub(1) as usize)
        .take_while(|c| c.is_alphanumeric() || matches!(c, '_' | '.' | '%' | '(' | ')' | '$'))
        .count()
        .max(1)
}
