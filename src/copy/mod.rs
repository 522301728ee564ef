//! Production's data in development, masked and referentially complete: the rules
//! (`sql/copy.toml`), the source's tables, which rows (`closure`), the stand-ins (`fake`), the
//! streams that move rows (`stream`, `codec`), and the checks before the swap (`verify`). The
//! source is read in one `REPEATABLE READ READ ONLY` transaction that sends only SELECT and
//! `COPY ... TO STDOUT`; `commands::copy` builds the new database through `rebuild::build`.

pub mod closure;
pub mod codec;
pub mod fake;
pub mod init;
pub mod plan;
pub mod rules;
pub mod scope;
pub mod stream;
pub mod tables;
pub mod verify;

use std::collections::BTreeSet;

use anyhow::{Context, Result};
use tokio_postgres::Client;

use crate::db::PgError;
use crate::error::{Exit, Fail};

/// The rules' file in the project's `sql/`.
pub const RULES_FILE: &str = "copy.toml";

/// How long a read of the source waits for a lock before it gives up: a copy must never
/// queue behind (and so ahead of) production's own work.
const LOCK_TIMEOUT_MS: u32 = 2000;

/// Open the one snapshot every read of the source happens in; returns when it was taken, as
/// the server's clock says it in UTC.
pub async fn begin(client: &Client) -> Result<String> {
    client
        .batch_execute(&format!(
            "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY; SET LOCAL lock_timeout = {LOCK_TIMEOUT_MS}"
        ))
        .await
        .map_err(PgError)
        .context("could not open a read-only snapshot of the source")?;
    let row = client
        .query_one(
            "SELECT to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS') || ' UTC'",
            &[],
        )
        .await
        .map_err(PgError)
        .context("could not read the source's clock")?;
    Ok(row.get(0))
}

/// Refuse when the migrations the source has applied are not the project's migration files:
/// the new database is built from the files, and the rows must fit it.
pub fn same_versions(source: &[String], files: &[String]) -> Result<()> {
    let source: BTreeSet<&String> = source.iter().collect();
    let files: BTreeSet<&String> = files.iter().collect();
    let only_source: Vec<&str> = source.difference(&files).map(|v| v.as_str()).collect();
    let only_files: Vec<&str> = files.difference(&source).map(|v| v.as_str()).collect();
    if only_source.is_empty() && only_files.is_empty() {
        return Ok(());
    }
    let mut differences = Vec::new();
    if !only_source.is_empty() {
        differences.push(format!(
            "applied there but not among the files: {}",
            only_source.join(", ")
        ));
    }
    if !only_files.is_empty() {
        differences.push(format!(
            "among the files but not applied there: {}",
            only_files.join(", ")
        ));
    }
    Err(Fail::new(
        Exit::Refused,
        format!(
            "the source's migrations are not the project's ({}); nothing was read",
            differences.join("; ")
        ),
    )
    .hint("the copy is built from the files: migrate the source first, or check out the commit it runs")
    .into())
}

/// The key stand-ins are drawn under: `CRUDDUR_DB_COPY_KEY`, else a random one for this run
/// alone. Says which, never the key.
pub fn key(configured: Option<&str>) -> (Vec<u8>, &'static str) {
    match configured {
        Some(key) => (key.as_bytes().to_vec(), "CRUDDUR_DB_COPY_KEY"),
        None => {
            let mut key = uuid::Uuid::new_v4().as_bytes().to_vec();
            key.extend_from_slice(uuid::Uuid::new_v4().as_bytes());
            (key, "a random key for this run")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn different_migrations_are_named_both_ways() {
        let v = |list: &[&str]| list.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert!(same_versions(&v(&["1", "2"]), &v(&["2", "1"])).is_ok());
        let err = same_versions(&v(&["1", "3"]), &v(&["1", "2"])).unwrap_err();
        let message = err.downcast_ref::<Fail>().unwrap().message.clone();
        assert!(
            message.contains("applied there but not among the files: 3"),
            "{message}"
        );
        assert!(
            message.contains("among the files but not applied there: 2"),
            "{message}"
        );
    }
}
