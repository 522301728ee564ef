//! Where a migration's findings are: its `-- cruddur-db:allow RULE reason` annotations and the
//! statements they stand above, and byte offsets turned into lines and columns.

use std::path::Path;

use squawk_linter::{Rule, Violation};
use squawk_syntax::{SourceFile, SyntaxKind};

use super::{ALLOW, Finding, Severity};

/// A `-- cruddur-db:allow RULE[,RULE] reason` comment and the statement it belongs to.
pub(super) struct Annotation {
    /// Index into the statements.
    pub(super) statement: usize,
    /// Empty when a name is not a rule: the annotation then accepts nothing.
    pub(super) rules: Vec<Rule>,
    pub(super) reason: String,
    pub(super) text: String,
    pub(super) at: usize,
    pub(super) width: usize,
}

/// A comment belongs to the statement it is inside, to the one it trails on the same line,
/// or else to the next one.
pub(super) fn annotations(
    parse: &squawk_syntax::Parse<SourceFile>,
    text: &str,
    statements: &[(usize, usize)],
) -> Vec<Annotation> {
    parse
        .syntax_node()
        .descendants_with_tokens()
        .filter_map(|element| element.into_token())
        .filter(|token| token.kind() == SyntaxKind::COMMENT)
        .filter_map(|token| {
            let body = token.text();
            let body = body
                .strip_prefix("--")
                .or_else(|| body.strip_prefix("/*").map(|b| b.trim_end_matches("*/")))?
                .trim();
            let rest = body.strip_prefix(ALLOW)?;
            let at: usize = token.text_range().start().into();
            let statement = statements
                .iter()
                .position(|&(s, e)| s <= at && at < e)
                .or_else(|| {
                    statements
                        .iter()
                        .rposition(|&(_, e)| e <= at && !text[e..at].contains('\n'))
                })
                .or_else(|| statements.iter().position(|&(s, _)| s >= at))?;
            let mut words = rest.trim().splitn(2, char::is_whitespace);
            let rules = words
                .next()
                .unwrap_or("")
                .split(',')
                .map(|name| name.parse::<Rule>().ok())
                .collect::<Option<Vec<_>>>()
                .unwrap_or_default();
            Some(Annotation {
                statement,
                rules,
                reason: words.next().unwrap_or("").trim().to_string(),
                text: body.to_string(),
                at,
                width: token.text().chars().count(),
            })
        })
        .collect()
}

/// Byte offsets in a part to file lines and columns.
pub(super) struct LineIndex<'a> {
    text: &'a str,
    starts: Vec<usize>,
    first_line: u64,
}

impl<'a> LineIndex<'a> {
    pub(super) fn new(text: &'a str, first_line: u64) -> Self {
        let starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        LineIndex {
            text,
            starts,
            first_line,
        }
    }

    pub(super) fn at(
        &self,
        file: &Path,
        offset: usize,
        width: usize,
        rule: &str,
        message: String,
    ) -> Finding {
        let row = self
            .starts
            .partition_point(|&s| s <= offset)
            .saturating_sub(1);
        let line_start = self.starts[row];
        let line_end = self.text[line_start..]
            .find('\n')
            .map_or(self.text.len(), |i| line_start + i);
        let source_line = &self.text[line_start..line_end];
        let column = self.text[line_start..offset.min(line_end)].chars().count() as u64 + 1;
        let room = source_line
            .chars()
            .count()
            .saturating_sub(column as usize - 1);
        Finding {
            file: file.to_path_buf(),
            line: self.first_line + row as u64,
            column,
            rule: rule.to_string(),
            severity: Severity::Danger,
            message,
            help: None,
            rewrite: None,
            allowed: None,
            source_line: source_line.to_string(),
            width: width.clamp(1, room.max(1)),
        }
    }

    pub(super) fn finding(
        &self,
        file: &Path,
        violation: &Violation,
        severity: Severity,
        help: Option<String>,
        rewrite: Option<String>,
        allowed: Option<String>,
    ) -> Finding {
        let start: usize = violation.text_range.start().into();
        let width = self
            .text
            .get(start..violation.text_range.end().into())
            .map_or(1, |t| t.chars().count());
        Finding {
            severity,
            help,
            rewrite,
            allowed,
            ..self.at(
                file,
                start,
                width,
                &violation.code.to_string(),
                violation.message.clone(),
            )
        }
    }
}
