//! `dump`: write the target's schema as a SQL file, read from its catalogs; the old file is
//! replaced only once the new one is complete.

use std::io::Write;
use std::time::Instant;

use anyhow::Result;

use crate::cli::{DumpArgs, Extent};
use crate::config::SCHEMA_FILE;
use crate::context::RunContext;
use crate::error::{Exit, Fail};
use crate::schema::catalog::{self, Purpose};
use crate::schema::{Options, dump};
use crate::ui;

pub async fn run(ctx: &RunContext, args: &DumpArgs) -> Result<()> {
    let started = Instant::now();
    let (target, session) = ctx.session().await?;
    let schema = catalog::read(&session.client, Purpose::Dump).await?;
    let mut text = dump::render(&schema, target.conn.database(), options(&args.extent));
    if !args.data.is_empty() {
        text.push_str(&dump::data(&session.client, &args.data).await?);
    }
    let path = match &args.file {
        Some(path) if path.as_os_str() == "-" => {
            ui::raw(text.as_bytes())?;
            return Ok(());
        }
        Some(path) => ctx.places().cwd.join(path),
        None => ctx.sql_path(SCHEMA_FILE)?,
    };
    write_whole(&path, &text)?;
    ui::done(
        "dump",
        format_args!("{}: {} objects", path.display(), schema.objects.len()),
        started.elapsed(),
    );
    Ok(())
}

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

/// What `--owners` and `--privileges` ask for.
pub fn options(extent: &Extent) -> Options {
    Options {
        owners: extent.owners,
        privileges: extent.privileges,
    }
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
