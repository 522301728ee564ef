//! `migrate plan`: for each pending statement, the table locks it would take (see `locks`),
//! each table's approximate size, and the sessions holding a conflicting lock right now, read
//! from the catalog. Nothing of the migration is run.

use std::path::PathBuf;

use anyhow::{Context, Result};
use serde::Serialize;
use squawk_syntax::SourceFile;
use squawk_syntax::ast::AstNode;

use super::file::{self, Migration};
use super::locks::{self, LockMode, Need};
use crate::db::{PgError, Session};
use crate::script::refuses_transaction;

/// A pending migration, statement by statement. Field names are documented in docs/.
#[derive(Debug, Serialize)]
pub struct MigrationPlan {
    pub version: String,
    pub name: String,
    pub file: PathBuf,
    pub transaction: bool,
    pub statements: Vec<StatementPlan>,
}

#[derive(Debug, Serialize)]
pub struct StatementPlan {
    pub line: u64,
    /// The statement on one line.
    pub statement: String,
    pub locks: Vec<TableLock>,
    /// Set when the statement cannot run inside a transaction block and the migration runs
    /// in one: what it is (`CREATE INDEX CONCURRENTLY`). The migration would fail there.
    pub fails_in_transaction: Option<&'static str>,
}

#[derive(Debug, Serialize)]
pub struct TableLock {
    /// As the catalog names it (`public.users`), or as written when it does not exist yet.
    pub table: String,
    pub mode: LockMode,
    pub blocks: &'static str,
    /// Whether the table exists now (an earlier pending statement may create it).
    pub exists: bool,
    /// `pg_class.reltuples`: `None` when never analyzed.
    pub rows: Option<i64>,
    /// `pg_total_relation_size`: table, indexes and TOAST.
    pub bytes: Option<i64>,
    /// Sessions holding a lock that conflicts with `mode` on this table now.
    pub held_by: Vec<Holder>,
}

#[derive(Debug, Serialize)]
pub struct Holder {
    pub pid: i32,
    /// As `pg_locks.mode` says it (`AccessShareLock`).
    pub mode: String,
    pub application: String,
    pub state: String,
    pub query_start: Option<String>,
    /// The session's current or last query, cut short.
    pub query: String,
}

/// The plan of `migration`'s up part against the database `session` is on.
pub async fn migration(session: &Session, migration: &Migration) -> Result<MigrationPlan> {
    let (text, first_line) = file::part_text(migration, &migration.up)?;
    let parse = SourceFile::parse(&text);
    let mut statements = Vec::new();
    for stmt in parse.tree().stmts() {
        let range = stmt.syntax().text_range();
        let start: usize = range.start().into();
        let mut locks = Vec::new();
        for need in locks::of(&stmt) {
            locks.push(table_lock(session, need).await?);
        }
        let statement = text[range].split_whitespace().collect::<Vec<_>>().join(" ");
        statements.push(StatementPlan {
            line: first_line + text[..start].matches('\n').count() as u64,
            fails_in_transaction: refuses_transaction(&statement)
                .filter(|_| migration.up.transaction),
            statement,
            locks,
        });
    }
    Ok(MigrationPlan {
        version: migration.version.clone(),
        name: migration.name.clone(),
        file: migration.path.clone(),
        transaction: migration.up.transaction,
        statements,
    })
}

async fn table_lock(session: &Session, need: Need) -> Result<TableLock> {
    let found = session
        .client
        .query_opt(
            "SELECT c.oid, c.oid::regclass::text, c.reltuples::float8, pg_total_relation_size(c.oid)
             FROM pg_class c
             WHERE c.oid = CASE WHEN $2
                   THEN (SELECT indrelid FROM pg_index WHERE indexrelid = to_regclass($1))
                   ELSE to_regclass($1) END",
            &[&need.name, &need.via_index],
        )
        .await
        .map_err(PgError)
        .with_context(|| format!("could not look up table {}", need.name))?;
    let Some(row) = found else {
        return Ok(TableLock {
            table: need.name,
            mode: need.mode,
            blocks: need.mode.blocks(),
            exists: false,
            rows: None,
            bytes: None,
            held_by: Vec::new(),
        });
    };
    let oid: u32 = row.get(0);
    let reltuples: f64 = row.get(2);
    let modes: Vec<String> = need
        .mode
        .conflicting()
        .into_iter()
        .map(LockMode::pg_locks_name)
        .collect();
    let holders = session
        .client
        .query(
            "SELECT l.pid, l.mode, coalesce(nullif(a.application_name, ''), '?'),
                    coalesce(a.state, '?'), to_char(a.query_start, 'HH24:MI:SS'),
                    left(coalesce(a.query, ''), 60)
             FROM pg_locks l LEFT JOIN pg_stat_activity a ON a.pid = l.pid
             WHERE l.locktype = 'relation' AND l.relation = $1 AND l.granted
               AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
               AND l.mode = ANY($2) AND l.pid <> pg_backend_pid()
             ORDER BY l.pid",
            &[&oid, &modes],
        )
        .await
        .map_err(PgError)
        .context("could not read pg_locks")?;
    Ok(TableLock {
        table: row.get(1),
        mode: need.mode,
        blocks: need.mode.blocks(),
        exists: true,
        // PostgreSQL 14+ says -1 for a table never vacuumed or analyzed.
        rows: (reltuples >= 0.0).then_some(reltuples as i64),
        bytes: Some(row.get(3)),
        held_by: holders
            .iter()
            .map(|h| Holder {
                pid: h.get(0),
                mode: h.get(1),
                application: h.get(2),
                state: h.get(3),
                query_start: h.get(4),
                query: h
                    .get::<_, String>(5)
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" "),
            })
            .collect(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statements_that_refuse_a_transaction_block_are_named() {
        for (statement, what) in [
            (
                "CREATE UNIQUE INDEX CONCURRENTLY x ON t (a);",
                Some("CREATE INDEX CONCURRENTLY"),
            ),
            (
                "create index concurrently if not exists x on t (a)",
                Some("CREATE INDEX CONCURRENTLY"),
            ),
            (
                "DROP INDEX CONCURRENTLY x;",
                Some("DROP INDEX CONCURRENTLY"),
            ),
            (
                "REINDEX INDEX CONCURRENTLY x;",
                Some("REINDEX CONCURRENTLY"),
            ),
            ("VACUUM (ANALYZE) users;", Some("VACUUM")),
            ("CREATE INDEX x ON t (a);", None),
            ("SELECT 'create index concurrently';", None),
        ] {
            assert_eq!(refuses_transaction(statement), what, "{statement}");
        }
    }
}
