//! `dump`: write the target's schema as a SQL file, read from its catalogs; the old file is
//! replaced only once the new one is complete.

use std::time::Instant;

use anyhow::Result;

use crate::cli::DumpArgs;
use crate::config::SCHEMA_FILE;
use crate::context::RunContext;
use crate::schema::catalog::{self, Purpose};
use crate::schema::{Options, dump, schema_file};
use crate::ui;

pub async fn run(ctx: &RunContext, args: &DumpArgs) -> Result<()> {
    let started = Instant::now();
    let (target, session) = ctx.session().await?;
    let schema = catalog::read(&session.client, Purpose::Dump).await?;
    let mut text = dump::render(&schema, target.conn.database(), Options::from(&args.extent));
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
    schema_file::write_whole(&path, &text)?;
    ui::done(
        "dump",
        format_args!("{}: {} objects", path.display(), schema.objects.len()),
        started.elapsed(),
    );
    Ok(())
}
