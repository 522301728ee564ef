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

/// A `-- cruddur-db:allow RULE[,RULE] reason` comment and the statement it belongs to.
struct Annotation {
    /// Index into the statements.
    statement: usize,
    /// Empty when a name is not a rule: the annotation then accepts nothing.
    rules: Vec<Rule>,
    reason: String,
    text: String,
    at: usize,
    width: usize,
}

/// A comment belongs to the statement it is inside, to the one it trails on the same line,
/// or else to the next one.
fn annotations(
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
struct LineIndex<'a> {
    text: &'a str,
    starts: Vec<usize>,
    first_line: u64,
}

impl<'a> LineIndex<'a> {
    fn new(text: &'a str, first_line: u64) -> Self {
        let starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        LineIndex {
            text,
            starts,
            first_line,
        }
    }

    fn at(&self, file: &Path, offset: usize, width: usize, rule: &str, message: String) -> Finding {
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

    fn finding(
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

#[cfg(test)]
mod tests {
    use super::*;

    fn lint(text: &str) -> Vec<Finding> {
        sql(Path::new("m.sql"), text, 2, true)
    }

    fn rules(findings: &[Finding]) -> Vec<(&str, u64, bool)> {
        findings
            .iter()
            .map(|f| (f.rule.as_str(), f.line, f.blocks()))
            .collect()
    }

    #[test]
    fn a_psql_variable_does_not_hide_a_dangerous_statement() {
        let findings = lint("\\set tbl users\n\\echo indexing\nCREATE INDEX x ON :tbl (handle);\n");
        assert_eq!(
            rules(&findings),
            [("require-concurrent-index-creation", 4, true)]
        );
    }

    #[test]
    fn a_statement_that_cannot_be_parsed_blocks_once() {
        let findings = lint("CREATE INDEX x ON :unknown (handle);\n");
        assert_eq!(rules(&findings), [("syntax", 2, true)]);
        assert!(findings[0].message.contains("cannot be parsed"));
    }

    #[test]
    fn a_rewrite_keeps_its_semicolon_when_a_comment_trails_the_statement() {
        let findings = lint("CREATE INDEX x ON users (handle) -- why not\n;\n");
        assert_eq!(
            findings[0].rewrite.as_deref(),
            Some("CREATE INDEX concurrently x ON users (handle);")
        );
    }

    #[test]
    fn an_index_on_an_existing_table_needs_concurrently_with_its_line_in_the_file() {
        let findings = lint("\nCREATE INDEX users_email ON users (email);\n");
        assert_eq!(
            rules(&findings),
            [("require-concurrent-index-creation", 3, true)]
        );
        let finding = &findings[0];
        assert_eq!(finding.column, 1);
        assert_eq!(
            finding.rewrite.as_deref(),
            Some("CREATE INDEX concurrently users_email ON users (email);")
        );
        assert!(
            finding
                .help
                .as_deref()
                .unwrap()
                .contains("transaction:false")
        );
        assert!(
            finding
                .render()
                .contains("m.sql:3:1: danger[require-concurrent-index-creation]")
        );
    }

    #[test]
    fn an_index_on_a_table_the_same_migration_creates_is_fine() {
        let findings = lint(
            "CREATE TABLE t (id bigint PRIMARY KEY, name text);\nCREATE INDEX t_name ON t (name);\n",
        );
        assert!(findings.iter().all(|f| !f.blocks()), "{findings:?}");
    }

    #[test]
    fn an_annotation_on_the_line_before_accepts_that_rule_on_that_statement_only() {
        let findings = lint(
            "-- cruddur-db:allow require-concurrent-index-creation the table has 12 rows\n\
             CREATE INDEX a ON users (a);\n\
             CREATE INDEX b ON users (b);\n",
        );
        assert_eq!(
            rules(&findings),
            [
                ("require-concurrent-index-creation", 3, false),
                ("require-concurrent-index-creation", 4, true)
            ]
        );
        assert_eq!(
            findings[0].allowed.as_deref(),
            Some("the table has 12 rows")
        );
    }

    #[test]
    fn a_trailing_annotation_belongs_to_the_statement_on_its_line() {
        let findings = lint(
            "CREATE INDEX a ON users (a); -- cruddur-db:allow require-concurrent-index-creation tiny table\n\
             CREATE INDEX b ON users (b);\n",
        );
        assert_eq!(
            rules(&findings),
            [
                ("require-concurrent-index-creation", 2, false),
                ("require-concurrent-index-creation", 3, true)
            ]
        );
    }

    #[test]
    fn one_annotation_may_name_several_rules() {
        let findings = lint(
            "-- cruddur-db:allow constraint-missing-not-valid,adding-foreign-key-constraint posts is empty\n\
             ALTER TABLE posts ADD CONSTRAINT p FOREIGN KEY (u) REFERENCES users (id);\n",
        );
        assert_eq!(findings.len(), 2, "{findings:?}");
        assert!(findings.iter().all(|f| f.allowed.is_some()));
    }

    #[test]
    fn an_annotation_without_a_known_rule_or_a_reason_blocks() {
        let findings = lint(
            "-- cruddur-db:allow require-concurrent-index-creation\n\
             CREATE INDEX a ON users (a);\n\
             -- cruddur-db:allow no-such-rule because\n\
             SELECT 1;\n",
        );
        let annotations: Vec<_> = findings.iter().filter(|f| f.rule == "annotation").collect();
        assert_eq!(annotations.len(), 2, "{findings:?}");
        assert!(annotations.iter().all(|f| f.blocks()));
        assert!(
            findings
                .iter()
                .any(|f| f.rule == "require-concurrent-index-creation" && f.blocks())
        );
    }

    #[test]
    fn squawks_own_ignore_comments_are_honoured() {
        let findings = lint(
            "-- squawk-ignore require-concurrent-index-creation\nCREATE INDEX a ON users (a);\n",
        );
        assert!(findings.iter().all(|f| !f.blocks()), "{findings:?}");
    }

    #[test]
    fn a_set_not_null_on_an_existing_column_is_dangerous() {
        let findings = lint("ALTER TABLE users ALTER COLUMN handle SET NOT NULL;\n");
        assert!(findings.iter().any(|f| f.blocks()), "{findings:?}");
    }

    #[test]
    fn a_backfill_left_to_write_blocks_at_its_line() {
        let findings = lint(
            "ALTER TABLE t ADD COLUMN c text;\n-- TODO backfill public.t.c on the rows already there\nSELECT 1;\n",
        );
        assert_eq!(rules(&findings), [("backfill", 3, true)]);
    }

    #[test]
    fn dropping_the_check_that_proved_not_null_right_after_set_not_null_is_fine() {
        let findings = lint(
            "ALTER TABLE public.t VALIDATE CONSTRAINT \"t_a_cdb_check\";\n\
             ALTER TABLE public.t ALTER COLUMN a SET NOT NULL;\n\
             ALTER TABLE public.t DROP CONSTRAINT \"t_a_cdb_check\";\n\
             ALTER TABLE public.t DROP CONSTRAINT \"t_b_cdb_check\";\n",
        );
        assert_eq!(rules(&findings), [("ban-drop-constraint", 5, true)]);
    }

    #[test]
    fn advice_is_printed_but_never_blocks() {
        let findings = lint("CREATE TABLE t (id int PRIMARY KEY, at timestamp);\n");
        assert!(!findings.is_empty());
        assert!(
            findings
                .iter()
                .all(|f| f.severity == Severity::Advice && !f.blocks())
        );
    }

    #[test]
    fn cruddur_db_sets_the_lock_timeout_so_missing_ones_are_not_findings() {
        let findings = lint("ALTER TABLE users ADD COLUMN bio text;\n");
        assert!(
            findings.iter().all(|f| !f.rule.contains("timeout")),
            "{findings:?}"
        );
    }
}
