//! The linter on migrations as people write them: what it flags, what an annotation allows,
//! and what it rewrites.

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
    let findings =
        lint("-- squawk-ignore require-concurrent-index-creation\nCREATE INDEX a ON users (a);\n");
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
