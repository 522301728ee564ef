//! The side database a rebuild loads into, named after its target and marked in its comment,
//! so that a crashed run's leftovers are recognised and removed by the next one; and the swap
//! that puts it in the target's place.

use anyhow::{Context, Result};
use serde::{Deserialize, Serialize};
use sha2::Digest;
use tokio_postgres::Client;

use crate::db::admin::drop_named;
use crate::db::{PgError, quote_ident};
use crate::error::{Exit, Fail};
use crate::ui;

/// What a database's comment says when cruddur-db made it for another database.
#[derive(Debug, Serialize, Deserialize, PartialEq, Eq)]
#[serde(tag = "cruddur-db", rename_all = "kebab-case")]
pub enum Mark {
    /// A database being built for `target` by `setup`.
    SetupSide { target: String },
    /// Snapshot `name` of `target`, taken at `taken` (Unix seconds).
    Snapshot {
        target: String,
        name: String,
        taken: u64,
    },
    /// A template of `target` as its files build it: `key` says which files, server and role.
    Template {
        target: String,
        key: String,
        /// Unix milliseconds when it was made: templates made within a second of each other
        /// must still sort newest first.
        built_ms: u64,
        /// How long loading the files took, which each clone saves.
        load_ms: u64,
    },
    /// A scratch database `diff` builds files into, made at `made` (Unix seconds).
    Scratch { made: u64 },
}

impl Mark {
    pub fn comment(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    pub fn parse(comment: &str) -> Option<Mark> {
        serde_json::from_str(comment).ok()
    }
}

/// `name` cut to at most `bytes` bytes at a character boundary.
pub fn prefix(name: &str, bytes: usize) -> &str {
    let mut end = name.len().min(bytes);
    while !name.is_char_boundary(end) {
        end -= 1;
    }
    &name[..end]
}

/// `name` within `bytes` bytes, and still its own: a name that does not fit is cut and ends in
/// a short hash of the whole, so two long names sharing their start stay apart.
pub fn fitted(name: &str, bytes: usize) -> String {
    if name.len() <= bytes {
        return name.to_string();
    }
    let digest = sha2::Sha256::digest(name.as_bytes());
    let hash: String = digest[..4].iter().map(|b| format!("{b:02x}")).collect();
    format!("{}_{}", prefix(name, bytes - 8), &hash[..7])
}

/// A fresh side database name for `target`, within PostgreSQL's 63 bytes.
pub fn side_name(target: &str) -> String {
    let tag = &uuid::Uuid::new_v4().simple().to_string()[..8];
    format!("{}_cdb_new_{tag}", prefix(target, 42))
}

/// Every database on the server with `mark` in its comment.
pub async fn marked(client: &Client) -> Result<Vec<(String, Mark)>> {
    let rows = client
        .query(
            "SELECT datname::text, shobj_description(oid, 'pg_database') FROM pg_database
             WHERE shobj_description(oid, 'pg_database') LIKE '{\"cruddur-db\":%'",
            &[],
        )
        .await
        .map_err(PgError)
        .context("could not list cruddur-db's databases")?;
    Ok(rows
        .iter()
        .filter_map(|row| {
            let comment: Option<String> = row.get(1);
            Some((row.get(0), Mark::parse(&comment?)?))
        })
        .collect())
}

/// Create side database `name` for `target`, marked so a crash leaves a recognisable leftover.
/// `template` clones it from a template instead of from template1.
pub async fn create(
    client: &Client,
    name: &str,
    target: &str,
    template: Option<(&str, u32)>,
) -> Result<(), PgError> {
    let sql = match template {
        None => format!("CREATE DATABASE {}", quote_ident(name)),
        // WAL_LOG (the default since 15) copies block by block through the WAL; said
        // explicitly so a server configured otherwise still clones the fast way.
        Some((template, version)) if version >= 150_000 => format!(
            "CREATE DATABASE {} TEMPLATE {} STRATEGY WAL_LOG",
            quote_ident(name),
            quote_ident(template)
        ),
        Some((template, _)) => format!(
            "CREATE DATABASE {} TEMPLATE {}",
            quote_ident(name),
            quote_ident(template)
        ),
    };
    ui::verbose(format_args!("> {sql}"));
    client.batch_execute(&sql).await.map_err(PgError)?;
    let mark = Mark::SetupSide {
        target: target.to_string(),
    };
    comment(client, name, Some(&mark.comment())).await
}

/// Set (or with `None`, clear) database `name`'s comment.
pub async fn comment(client: &Client, name: &str, text: Option<&str>) -> Result<(), PgError> {
    let value = text.map_or(
        "NULL".to_string(),
        postgres_protocol::escape::escape_literal,
    );
    client
        .batch_execute(&format!(
            "COMMENT ON DATABASE {} IS {value}",
            quote_ident(name)
        ))
        .await
        .map_err(PgError)
}

/// Remove what crashed or interrupted runs left for `target`. Safe because the caller holds
/// the target's setup lock: no other run is building one now.
pub async fn remove_leftovers(client: &Client, target: &str) -> Result<()> {
    for (name, mark) in marked(client).await? {
        if mark
            == (Mark::SetupSide {
                target: target.to_string(),
            })
        {
            ui::note(format_args!(
                "removing {}, left by an earlier setup that did not finish",
                quote_ident(&name)
            ));
            drop_named(client, &name, true).await?;
        }
    }
    Ok(())
}

/// Put `side` in `target`'s place: drop the old database (ending its sessions with `force`),
/// rename the side database, and give it the old one's comment (its production mark).
pub async fn swap(client: &Client, side: &str, target: &str, force: bool) -> Result<()> {
    let old_comment: Option<Option<String>> = client
        .query_opt(
            "SELECT shobj_description(oid, 'pg_database') FROM pg_database WHERE datname = $1",
            &[&target],
        )
        .await
        .map_err(PgError)
        .context("could not read the database's comment")?
        .map(|row| row.get(0));
    if old_comment.is_some() {
        drop_named(client, target, force).await?;
    }
    let rename = format!(
        "ALTER DATABASE {} RENAME TO {}",
        quote_ident(side),
        quote_ident(target)
    );
    ui::verbose(format_args!("> {rename}"));
    client.batch_execute(&rename).await.map_err(|err| {
        Fail::new(
            Exit::Failure,
            format!(
                "the old {} was dropped but its replacement {} could not take its name: {}",
                quote_ident(target),
                quote_ident(side),
                PgError(err)
            ),
        )
        .hint(format!(
            "rename it by hand: ALTER DATABASE {} RENAME TO {}",
            quote_ident(side),
            quote_ident(target)
        ))
    })?;
    comment(client, target, old_comment.flatten().as_deref())
        .await
        .context("could not carry the old database's comment over")
}

/// Database `name`'s size in bytes, or `None` when it went away since it was listed (another
/// run may drop it at any moment): the server then either says it does not exist or, when
/// the drop is half done, returns NULL.
pub async fn size_of(client: &Client, name: &str) -> Result<Option<i64>> {
    match client
        .query_one("SELECT pg_database_size($1::text)", &[&name])
        .await
    {
        Ok(row) => Ok(row.get::<_, Option<i64>>(0)),
        Err(err) if err.code() == Some(&tokio_postgres::error::SqlState::UNDEFINED_DATABASE) => {
            Ok(None)
        }
        Err(err) => Err(anyhow::Error::new(PgError(err))
            .context(format!("could not read the size of {}", quote_ident(name)))),
    }
}

/// Drop a copy kept aside (a template, a snapshot). Its sessions are only ever someone
/// looking at it: they are never ended, and the drop fails naming them.
pub async fn drop_unless_in_use(client: &Client, name: &str) -> Result<()> {
    drop_named(client, name, false).await
}
