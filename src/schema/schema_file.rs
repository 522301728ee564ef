//! The project's `schema.sql` as `dump` and `migrate --dump` write it: whole or not at all
//! (through a temporary file beside it), and after `migrate --dump` with the migration
//! history's rows, so `setup` finds those migrations applied.

use std::io::Write;
use std::time::Instant;

use anyhow::Result;

use super::catalog::{self, Purpose};
use super::{Options, dump};
use crate::config::SCHEMA_FILE;
use crate::context::RunContext;
use crate::error::{Exit, Fail};
use crate::ui;

/// After `migrate --dump`: rewrite the project's schema.sql from `session`'s database, with
/// the migration history's rows, so `setup` finds those migrations applied (as dbmate's dump).
pub async fn schema_with_history(ctx: &RunContext, session: &crate::db::Session) -> Result<()> {
    let started = Instant::now();
    let schema = catalog::read(&session.client, Purpose::Dump).await?;
    let database = ctx.target()?.conn.database().to_string();
    let mut text = dump::render(&schema, &database, Options::default());
    text.push_str(&dump::data(&session.client, &["public.schema_migrations".to_string()]).await?);
    let path = ctx.sql_path(SCHEMA_FILE)?;
    write_whole(&path, &text)?;
    ui::done(
        "dump",
        format_args!("{}: rewritten", path.display()),
        started.elapsed(),
    );
    Ok(())
}

/// Write `text` to `path` through a temporary file beside it, so a failure leaves the old
/// file as it was.
pub fn write_whole(path: &std::path::Path, text: &str) -> Result<()> {
    let fail = |err: std::io::Error| {
        Fail::new(
            Exit::Failure,
            format!("could not write {}: {err}", path.display()),
        )
        .hint("check that the directory exists and that you may write to it")
    };
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(format!(".cruddur-db-{}.tmp", std::process::id()));
    let temp = path.with_file_name(name);
    let written = std::fs::File::create(&temp)
        .and_then(|mut file| {
            file.write_all(text.as_bytes())
                .and_then(|()| file.sync_all())
        })
        .and_then(|()| std::fs::rename(&temp, path));
    if let Err(err) = written {
        let _ = std::fs::remove_file(&temp);
        return Err(anyhow::Error::new(fail(err)).context("the old file is unchanged"));
    }
    Ok(())
}
