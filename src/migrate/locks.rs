//! Which table lock a statement takes, read from its kind as the PostgreSQL manual's
//! "Explicit Locking" and ALTER TABLE pages state it; nothing is run to find out.

use serde::Serialize;
use squawk_syntax::SyntaxNode;
use squawk_syntax::ast::{self, AlterColumnOption, AlterTableAction, AstNode, Stmt};

/// PostgreSQL's table-level lock modes, weakest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum LockMode {
    AccessShare,
    RowShare,
    RowExclusive,
    ShareUpdateExclusive,
    Share,
    ShareRowExclusive,
    Exclusive,
    AccessExclusive,
}

use LockMode::*;

impl Serialize for LockMode {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.label())
    }
}

const ALL: [LockMode; 8] = [
    AccessShare,
    RowShare,
    RowExclusive,
    ShareUpdateExclusive,
    Share,
    ShareRowExclusive,
    Exclusive,
    AccessExclusive,
];

impl LockMode {
    /// As the manual writes it: `ACCESS EXCLUSIVE`.
    pub fn label(self) -> &'static str {
        match self {
            AccessShare => "ACCESS SHARE",
            RowShare => "ROW SHARE",
            RowExclusive => "ROW EXCLUSIVE",
            ShareUpdateExclusive => "SHARE UPDATE EXCLUSIVE",
            Share => "SHARE",
            ShareRowExclusive => "SHARE ROW EXCLUSIVE",
            Exclusive => "EXCLUSIVE",
            AccessExclusive => "ACCESS EXCLUSIVE",
        }
    }

    /// As `pg_locks.mode` spells it: `AccessExclusiveLock`.
    pub fn pg_locks_name(self) -> String {
        let words: String = self
            .label()
            .split(' ')
            .map(|w| w[..1].to_string() + &w[1..].to_lowercase())
            .collect();
        words + "Lock"
    }

    fn parse(words: &str) -> Option<LockMode> {
        let words = words.split_whitespace().collect::<Vec<_>>().join(" ");
        ALL.into_iter()
            .find(|mode| mode.label().eq_ignore_ascii_case(&words))
    }

    /// The manual's conflict table, row by row.
    pub fn conflicts_with(self, other: LockMode) -> bool {
        let conflicting: &[LockMode] = match self {
            AccessShare => &[AccessExclusive],
            RowShare => &[Exclusive, AccessExclusive],
            RowExclusive => &[Share, ShareRowExclusive, Exclusive, AccessExclusive],
            ShareUpdateExclusive => &[
                ShareUpdateExclusive,
                Share,
                ShareRowExclusive,
                Exclusive,
                AccessExclusive,
            ],
            Share => &[
                RowExclusive,
                ShareUpdateExclusive,
                ShareRowExclusive,
                Exclusive,
                AccessExclusive,
            ],
            ShareRowExclusive => &[
                RowExclusive,
                ShareUpdateExclusive,
                Share,
                ShareRowExclusive,
                Exclusive,
                AccessExclusive,
            ],
            Exclusive => &ALL[1..],
            AccessExclusive => &ALL,
        };
        conflicting.contains(&other)
    }

    /// What the application can no longer do while the lock is held or queued.
    pub fn blocks(self) -> &'static str {
        match self {
            AccessShare | RowShare => "blocks only ACCESS EXCLUSIVE (schema changes)",
            RowExclusive => "blocks CREATE INDEX and explicit SHARE locks, not reads or writes",
            ShareUpdateExclusive => "blocks other schema changes and VACUUM, not reads or writes",
            Share | ShareRowExclusive => "blocks writes (INSERT, UPDATE, DELETE), not reads",
            Exclusive => "blocks writes and SELECT ... FOR UPDATE; plain reads go on",
            AccessExclusive => "blocks reads and writes",
        }
    }

    /// The lock modes held by other sessions that make this one wait.
    pub fn conflicting(self) -> Vec<LockMode> {
        ALL.into_iter()
            .filter(|m| self.conflicts_with(*m))
            .collect()
    }
}

/// One lock a statement asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Need {
    pub mode: LockMode,
    /// The name as written (`public.users`, `"Users"`), for `to_regclass`.
    pub name: String,
    /// The name is an index: the lock is on its table.
    pub via_index: bool,
}

fn need(mode: LockMode, node: Option<impl AstNode>) -> Option<Need> {
    Some(Need {
        mode,
        name: name(node?.syntax())?,
        via_index: false,
    })
}

/// `plain`, or `concurrent` when the statement says CONCURRENTLY.
fn unless_concurrently(
    concurrently: Option<squawk_syntax::SyntaxToken>,
    plain: LockMode,
    concurrent: LockMode,
) -> LockMode {
    if concurrently.is_some() {
        concurrent
    } else {
        plain
    }
}

fn one(mode: LockMode, node: Option<impl AstNode>) -> Vec<Need> {
    need(mode, node).into_iter().collect()
}

/// The first (outermost) path under `node`: the schema-qualified name as written.
fn name(node: &SyntaxNode) -> Option<String> {
    node.descendants()
        .find_map(ast::PathRef::cast)
        .map(|path| path.syntax().text().to_string())
}

/// Tables referenced by foreign keys under `node`: adding one takes SHARE ROW EXCLUSIVE on the
/// referenced table too.
fn referenced(node: &SyntaxNode) -> Vec<Need> {
    node.descendants()
        .filter_map(|n| {
            ast::ForeignKeyConstraint::cast(n.clone())
                .and_then(|fk| fk.table_name_ref())
                .or_else(|| ast::ReferencesConstraint::cast(n).and_then(|r| r.table()))
        })
        .filter_map(|table| need(ShareRowExclusive, Some(table)))
        .collect()
}

/// The table locks `stmt` takes. Statements that touch no existing table (CREATE TABLE without
/// foreign keys, CREATE FUNCTION, ...) take none worth showing.
pub fn of(stmt: &Stmt) -> Vec<Need> {
    let syntax = stmt.syntax();
    let mut needs: Vec<Need> = match stmt {
        Stmt::AlterTable(alter) => {
            let mode = alter
                .actions()
                .map(|action| alter_table_action(&action))
                .max()
                .unwrap_or(AccessExclusive);
            let table = alter.table_relation_name().and_then(|t| t.table_name_ref());
            let mut needs: Vec<Need> = need(mode, table).into_iter().collect();
            needs.extend(referenced(syntax));
            needs
        }
        Stmt::CreateIndex(index) => {
            let mode = unless_concurrently(index.concurrently_token(), Share, ShareUpdateExclusive);
            one(mode, index.table_relation_name())
        }
        Stmt::DropIndex(drop) => {
            let mode = unless_concurrently(
                drop.concurrently_token(),
                AccessExclusive,
                ShareUpdateExclusive,
            );
            drop.index_refs()
                .filter_map(|index| need(mode, Some(index)))
                .map(|n| Need {
                    via_index: true,
                    ..n
                })
                .collect()
        }
        Stmt::DropTable(drop) => drop
            .table_name_refs()
            .filter_map(|t| need(AccessExclusive, Some(t)))
            .collect(),
        Stmt::Truncate(truncate) => truncate
            .table_list()
            .into_iter()
            .flat_map(|list| list.table_relation_names())
            .filter_map(|t| need(AccessExclusive, Some(t)))
            .collect(),
        Stmt::Insert(insert) => one(RowExclusive, insert.relation_name_ref()),
        Stmt::Update(update) => one(RowExclusive, update.relation_name()),
        Stmt::Delete(delete) => one(RowExclusive, delete.relation_name()),
        Stmt::CreateTrigger(trigger) => one(ShareRowExclusive, trigger.on_relation()),
        Stmt::Refresh(refresh) => {
            let mode =
                unless_concurrently(refresh.concurrently_token(), AccessExclusive, Exclusive);
            one(mode, refresh.view_ref())
        }
        Stmt::Lock(lock) => {
            let mode = lock
                .lock_mode_clause()
                .and_then(|c| c.lock_mode())
                .and_then(|m| LockMode::parse(&m.syntax().text().to_string()))
                .unwrap_or(AccessExclusive);
            lock.relation_list()
                .into_iter()
                .flat_map(|list| list.relation_names())
                .filter_map(|t| need(mode, Some(t)))
                .collect()
        }
        Stmt::Vacuum(vacuum) => {
            let mode = if vacuum.full_token().is_some()
                || vacuum.vacuum_option_list().is_some_and(|o| {
                    o.syntax()
                        .text()
                        .to_string()
                        .to_uppercase()
                        .contains("FULL")
                }) {
                AccessExclusive
            } else {
                ShareUpdateExclusive
            };
            vacuum
                .table_and_columns_list()
                .into_iter()
                .flat_map(|list| list.table_and_columnss())
                .filter_map(|t| need(mode, t.table_relation_name()))
                .collect()
        }
        Stmt::CreatePolicy(policy) => one(AccessExclusive, policy.on_table()),
        Stmt::AlterPolicy(policy) => one(AccessExclusive, policy.on_table()),
        Stmt::DropPolicy(policy) => one(AccessExclusive, policy.on_table()),
        Stmt::CreateTable(_) => referenced(syntax),
        _ => Vec::new(),
    };
    // One line per table, with the strongest mode the statement asks for on it.
    needs.sort_by(|a, b| (&a.name, b.mode).cmp(&(&b.name, a.mode)));
    needs.dedup_by(|later, first| later.name == first.name && later.via_index == first.via_index);
    needs
}

/// ALTER TABLE takes ACCESS EXCLUSIVE unless every subcommand needs less (its manual page).
fn alter_table_action(action: &AlterTableAction) -> LockMode {
    match action {
        AlterTableAction::AddConstraint(add) => {
            let foreign_key = add
                .syntax()
                .descendants()
                .any(|n| ast::ForeignKeyConstraint::can_cast(n.kind()));
            if foreign_key {
                ShareRowExclusive
            } else {
                AccessExclusive
            }
        }
        AlterTableAction::ValidateConstraint(_)
        | AlterTableAction::ClusterOn(_)
        | AlterTableAction::SetWithoutCluster(_)
        | AlterTableAction::SetOptions(_)
        | AlterTableAction::ResetOptions(_)
        | AlterTableAction::AttachPartition(_) => ShareUpdateExclusive,
        AlterTableAction::DetachPartition(detach) => {
            let concurrently = detach
                .syntax()
                .to_string()
                .to_uppercase()
                .contains("CONCURRENTLY");
            if concurrently {
                ShareUpdateExclusive
            } else {
                AccessExclusive
            }
        }
        AlterTableAction::EnableTrigger(_)
        | AlterTableAction::DisableTrigger(_)
        | AlterTableAction::EnableAlwaysTrigger(_)
        | AlterTableAction::EnableReplicaTrigger(_) => ShareRowExclusive,
        AlterTableAction::AlterColumn(column) => match column.option() {
            Some(
                AlterColumnOption::SetStatistics(_)
                | AlterColumnOption::SetOptions(_)
                | AlterColumnOption::ResetOptions(_),
            ) => ShareUpdateExclusive,
            _ => AccessExclusive,
        },
        _ => AccessExclusive,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use squawk_syntax::SourceFile;

    fn locks(sql: &str) -> Vec<(LockMode, String, bool)> {
        SourceFile::parse(sql)
            .tree()
            .stmts()
            .flat_map(|stmt| of(&stmt))
            .map(|n| (n.mode, n.name, n.via_index))
            .collect()
    }

    fn one(mode: LockMode, name: &str) -> Vec<(LockMode, String, bool)> {
        vec![(mode, name.to_string(), false)]
    }

    #[test]
    fn adding_a_column_takes_access_exclusive() {
        assert_eq!(
            locks("ALTER TABLE public.users ADD COLUMN bio text;"),
            one(AccessExclusive, "public.users")
        );
    }

    #[test]
    fn a_foreign_key_takes_share_row_exclusive_on_both_tables() {
        assert_eq!(
            locks(
                "ALTER TABLE posts ADD CONSTRAINT p FOREIGN KEY (u) REFERENCES users (id) NOT VALID;"
            ),
            vec![
                (ShareRowExclusive, "posts".to_string(), false),
                (ShareRowExclusive, "users".to_string(), false)
            ]
        );
    }

    #[test]
    fn validating_a_constraint_lets_writes_go_on() {
        assert_eq!(
            locks("ALTER TABLE posts VALIDATE CONSTRAINT p;"),
            one(ShareUpdateExclusive, "posts")
        );
    }

    #[test]
    fn the_strongest_subcommand_decides() {
        assert_eq!(
            locks("ALTER TABLE t VALIDATE CONSTRAINT c, ALTER COLUMN a SET NOT NULL;"),
            one(AccessExclusive, "t")
        );
    }

    #[test]
    fn create_index_blocks_writes_unless_concurrently() {
        assert_eq!(locks("CREATE INDEX i ON t (a);"), one(Share, "t"));
        assert_eq!(
            locks("CREATE INDEX CONCURRENTLY i ON t (a);"),
            one(ShareUpdateExclusive, "t")
        );
    }

    #[test]
    fn dropping_an_index_locks_its_table_found_through_the_index() {
        assert_eq!(
            locks("DROP INDEX public.i;"),
            vec![(AccessExclusive, "public.i".to_string(), true)]
        );
    }

    #[test]
    fn data_changes_take_row_exclusive_and_lock_takes_what_it_names() {
        assert_eq!(locks("UPDATE users SET a = 1;"), one(RowExclusive, "users"));
        assert_eq!(
            locks("LOCK TABLE users IN SHARE ROW EXCLUSIVE MODE;"),
            one(ShareRowExclusive, "users")
        );
    }

    #[test]
    fn a_new_table_locks_only_what_it_references() {
        assert_eq!(locks("CREATE TABLE t (id bigint);"), vec![]);
        assert_eq!(
            locks("CREATE TABLE t (id bigint, u uuid REFERENCES users (uuid));"),
            one(ShareRowExclusive, "users")
        );
    }

    #[test]
    fn conflicts_follow_the_manuals_table() {
        assert!(AccessExclusive.conflicts_with(AccessShare));
        assert!(!Share.conflicts_with(AccessShare));
        assert!(Share.conflicts_with(RowExclusive));
        assert!(!ShareUpdateExclusive.conflicts_with(RowExclusive));
        for a in ALL {
            for b in ALL {
                assert_eq!(a.conflicts_with(b), b.conflicts_with(a), "{a:?} {b:?}");
            }
        }
        assert_eq!(AccessExclusive.pg_locks_name(), "AccessExclusiveLock");
    }
}
