//! `migrate lint`: squawk's rules over each migration's up part, read from disk without a
//! database. A statement's `-- cruddur-db:allow RULE reason` comment accepts one finding;
//! findings that are advice (prefer bigint, text, timestamptz) never block.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use anyhow::Result;
use serde::Serialize;
use squawk_linter::{Linter, Rule, Violation};
use squawk_syntax::ast::AstNode;
use squawk_syntax::{SourceFile, SyntaxKind};

mod annotations;

use self::annotations::{LineIndex, annotations};
use super::file::Migration;
use crate::ui;

/// The comment that accepts a finding on the statement it sits on or precedes.
pub const ALLOW: &str = "cruddur-db:allow";

/// The line a generated plan leaves where only the user can say what the rows hold: a
/// migration that still has one is refused.
pub const BACKFILL: &str = "-- TODO backfill";

/// How much a finding matters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Blocks reads or writes, rewrites a table, or breaks running clients: `migrate` stops.
    Danger,
    /// A better habit; printed, never blocks.
    Advice,
}

/// One rule a statement breaks, where, and what to write instead.
#[derive(Debug, Clone, Serialize)]
pub struct Finding {
    pub file: PathBuf,
    pub line: u64,
    pub column: u64,
    pub rule: String,
    pub severity: Severity,
    /// What the statement does and why that hurts a live database.
    pub message: String,
    /// How to do it safely.
    pub help: Option<String>,
    /// The statement rewritten the safe way, when squawk knows the edit.
    pub rewrite: Option<String>,
    /// Why the file's annotation accepts it; `None`: not accepted.
    pub allowed: Option<String>,
    #[serde(skip)]
    source_line: String,
    #[serde(skip)]
    width: usize,
}

impl Finding {
    /// Whether this finding stops `migrate` (without `--unsafe`).
    pub fn blocks(&self) -> bool {
        self.severity == Severity::Danger && self.allowed.is_none()
    }

    /// `file:line:col: danger[rule]: message`, the line with a caret, and how to fix it.
    pub fn render(&self) -> String {
        let label = match (self.severity, &self.allowed) {
            (Severity::Advice, _) => "advice",
            (Severity::Danger, None) => "danger",
            (Severity::Danger, Some(_)) => "allowed",
        };
        let mut out = format!(
            "{}:{}:{}: {label}[{}]: {}\n{}",
            self.file.display(),
            self.line,
            self.column,
            self.rule,
            self.message,
            ui::excerpt(self.line, &self.source_line, self.column, self.width)
        );
        if let Some(help) = &self.help {
            let _ = write!(out, "\n  = safe: {help}");
        }
        if let Some(rewrite) = &self.rewrite {
            let _ = write!(out, "\n          {rewrite}");
        }
        match &self.allowed {
            Some(reason) => {
                let _ = write!(out, "\n  = allowed by the file: {reason}");
            }
            None if self.severity == Severity::Danger => {
                let _ = write!(
                    out,
                    "\n  = if it is safe here (an empty table, a quiet hour): -- {ALLOW} {} <why>",
                    self.rule
                );
            }
            None => {}
        }
        out
    }
}

/// Lint the up part of `migration`: what `migrate` would run.
pub fn migration(migration: &Migration) -> Result<Vec<Finding>> {
    let (text, first_line) = super::file::part_text(migration, &migration.up)?;
    Ok(sql(
        &migration.path,
        &text,
        first_line,
        migration.up.transaction,
    ))
}

/// Lint `text`, which starts at line `first_line` of `file`. `transaction`: whether it runs
/// inside one (squawk then flags CONCURRENTLY, which cannot).
pub fn sql(file: &Path, text: &str, first_line: u64, transaction: bool) -> Vec<Finding> {
    // Migrations run through psql's file language: squawk parses what the server would get.
    let text = &crate::script::for_linting(text);
    let parse = SourceFile::parse(text);
    let mut linter = Linter::with_rules(
        &[],
        // cruddur-db sets lock_timeout itself (--lock-timeout-ddl); these would flag every file.
        &[Rule::RequireLockTimeout, Rule::RequireStatementTimeout],
    );
    linter.settings.assume_in_transaction = transaction;
    let statements: Vec<(usize, usize)> = parse
        .tree()
        .stmts()
        .map(|stmt| {
            let range = stmt.syntax().text_range();
            (range.start().into(), range.end().into())
        })
        .collect();
    let annotations = annotations(&parse, text, &statements);
    let index = LineIndex::new(text, first_line);
    let mut findings: Vec<Finding> = linter
        .lint(&parse, text)
        .into_iter()
        .filter_map(|violation| {
            let start: usize = violation.text_range.start().into();
            let statement = statements
                .iter()
                .position(|&(s, e)| s <= start && start < e);
            if violation.code == Rule::BanDropConstraint
                && statement.is_some_and(|at| drops_a_served_helper(text, &statements, at))
            {
                return None;
            }
            let allowed = statement.and_then(|at| {
                annotations.iter().find_map(|a| {
                    (a.statement == at && a.rules.contains(&violation.code) && !a.reason.is_empty())
                        .then(|| a.reason.clone())
                })
            });
            let rewrite = statement.and_then(|at| rewrite(text, statements[at], &violation));
            let help = help(&violation, transaction);
            Some(index.finding(
                file,
                &violation,
                severity(violation.code),
                help,
                rewrite,
                allowed,
            ))
        })
        .collect();
    for annotation in annotations
        .iter()
        .filter(|a| a.rules.is_empty() || a.reason.is_empty())
    {
        findings.push(index.at(
            file,
            annotation.at,
            annotation.width,
            "annotation",
            format!(
                "`{}` needs rules squawk knows and a reason: `-- {ALLOW} RULE[,RULE] why it is safe here`",
                annotation.text
            ),
        ));
    }
    for (offset, _) in text.match_indices(BACKFILL) {
        let line_start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
        if !text[line_start..offset].trim().is_empty() {
            continue;
        }
        let mut finding = index.at(
            file,
            offset,
            BACKFILL.len(),
            "backfill",
            "a column becomes NOT NULL below, and the rows already there have no value for it yet"
                .to_string(),
        );
        finding.help = Some(
            "replace this line with the UPDATE that gives them one (the line names the column)"
                .to_string(),
        );
        findings.push(finding);
    }
    // One finding per statement that does not parse: the errors after the first are echoes.
    let mut unparsed = std::collections::HashSet::new();
    for error in parse.errors() {
        let at: usize = error.range().start().into();
        if !unparsed.insert(statements.iter().position(|&(s, e)| s <= at && at < e)) {
            continue;
        }
        let mut finding = index.at(
            file,
            at,
            1,
            "syntax",
            format!("{error}: this statement cannot be parsed, so nothing in it was checked"),
        );
        finding.help = Some(
            "write it as plain SQL: a psql variable the migration does not \\set is known only when it runs; or pass --unsafe"
                .to_string(),
        );
        findings.push(finding);
    }
    findings.sort_by_key(|f| (f.line, f.column));
    findings
}

/// Whether statement `at` drops a check `diff` adds only to spare a later statement its scan,
/// right after that statement, which now makes the same guarantee: a column's `SET NOT NULL`,
/// a partition's `ATTACH PARTITION` with its bound. The drop removes no guarantee, which is
/// what squawk's ban-drop-constraint is about.
fn drops_a_served_helper(text: &str, statements: &[(usize, usize)], at: usize) -> bool {
    let statement = |i: usize| {
        let (s, e) = statements[i];
        text[s..e].trim().trim_end_matches(';')
    };
    let Some(before) = at.checked_sub(1).map(statement) else {
        return false;
    };
    let parse = |sql: &str, action: &str| -> Option<(String, String)> {
        let (table, rest) = sql.strip_prefix("ALTER TABLE ")?.split_once(action)?;
        Some((table.to_string(), rest.to_string()))
    };
    let Some((table, helper)) = parse(statement(at), " DROP CONSTRAINT ") else {
        return false;
    };
    if !helper.trim_matches('"').ends_with(HELPER_SUFFIX) {
        return false;
    }
    if let Some((_, attached)) = parse(before, " ATTACH PARTITION ") {
        return attached.starts_with(&format!("{table} "));
    }
    parse(before, " ALTER COLUMN ")
        .is_some_and(|(same, column)| same == table && column.ends_with(" SET NOT NULL"))
}

/// How the names of the checks `diff` adds only to spare a later statement its scan end
/// (`users_bio_cdb_check`): the linter knows a drop of one right after that statement for
/// what it is.
pub const HELPER_SUFFIX: &str = "_cdb_check";

/// Squawk's rules that are habits rather than hazards to a live database.
fn severity(rule: Rule) -> Severity {
    match rule {
        Rule::PreferBigintOverInt
        | Rule::PreferBigintOverSmallint
        | Rule::PreferIdentity
        | Rule::PreferRobustStmts
        | Rule::PreferTextField
        | Rule::PreferTimestampTz
        | Rule::PreferRepack
        | Rule::BanCharField
        | Rule::RequireEnumValueOrdering
        | Rule::IdentifierTooLong
        | Rule::BanDuplicateColumnAssignments
        | Rule::UnusedIgnore => Severity::Advice,
        _ => Severity::Danger,
    }
}

/// Squawk's advice, plus what dbmate's format needs for CONCURRENTLY.
fn help(violation: &Violation, transaction: bool) -> Option<String> {
    let concurrently = matches!(
        violation.code,
        Rule::RequireConcurrentIndexCreation
            | Rule::RequireConcurrentIndexDeletion
            | Rule::RequireConcurrentReindex
            | Rule::RequireConcurrentPartitionDetach
            | Rule::BanConcurrentIndexCreationInTransaction
    );
    let note = (concurrently && transaction).then_some(
        "CONCURRENTLY cannot run inside a transaction: give it a migration of its own whose \
         `-- migrate:up` line says `transaction:false`",
    );
    match (violation.help.as_deref(), note) {
        (Some(help), Some(note)) => Some(format!("{help} {note}")),
        (help, note) => help.or(note).map(str::to_string),
    }
}

/// The statement with squawk's fix applied, on one line.
fn rewrite(text: &str, (start, end): (usize, usize), violation: &Violation) -> Option<String> {
    let fix = violation.fix.as_ref()?;
    let mut statement = text.get(start..end)?.to_string();
    let mut edits = fix.edits.clone();
    edits.sort_by_key(|edit| std::cmp::Reverse(edit.text_range.start()));
    for edit in edits {
        let from = usize::from(edit.text_range.start()).checked_sub(start)?;
        let to = usize::from(edit.text_range.end()).checked_sub(start)?;
        statement.replace_range(
            from..to.min(statement.len()),
            edit.text.as_deref().unwrap_or(""),
        );
    }
    // On one line, a comment inside the statement would swallow what follows it (its `;`).
    let tokens = SourceFile::parse(&statement).syntax_node();
    let uncommented: String = tokens
        .descendants_with_tokens()
        .filter_map(|element| element.into_token())
        .map(|token| match token.kind() {
            SyntaxKind::COMMENT => " ".to_string(),
            _ => token.text().to_string(),
        })
        .collect();
    let line = uncommented.split_whitespace().collect::<Vec<_>>().join(" ");
    Some(match line.strip_suffix(" ;") {
        Some(statement) => format!("{statement};"),
        None => line,
    })
}

#[cfg(test)]
mod tests;
