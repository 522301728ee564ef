//! `schema-load` and `seed`: run a SQL file against the target database.

use std::path::Path;

use anyhow::Result;

use crate::cli::LoadArgs;
use crate::config::Config;
use crate::db::{self, Session};
use crate::script::{self, RunOptions};
use crate::{guard, ui};

pub const SCHEMA_FILE: &str = "schema.sql";
pub const SEED_FILE: &str = "seed.sql";

pub async fn schema_load(config: &Config, args: &LoadArgs) -> Result<()> {
    let path = config.sql_file(args.file.as_deref(), SCHEMA_FILE)?;
    run(config, "schema-load", &path, options(args), &args.vars.set).await
}

pub async fn seed(config: &Config, args: &LoadArgs) -> Result<()> {
    let path = config.sql_file(args.file.as_deref(), SEED_FILE)?;
    run(config, "seed", &path, options(args), &args.vars.set).await
}

fn options(args: &LoadArgs) -> RunOptions {
    RunOptions::file(!args.no_transaction)
}

/// Run `path` on the target database, reporting under `label`.
pub async fn run(
    config: &Config,
    label: &str,
    path: &Path,
    options: RunOptions,
    set: &[(String, String)],
) -> Result<()> {
    let target = config.target()?;
    let session = db::connect(&target).await?;
    guard::refuse_unless_prod(&session.client, &target).await?;
    load(&session, label, path, options, set).await
}

/// Run `path` through an open session on the target database, with psql variables `set`.
pub async fn load(
    session: &Session,
    label: &str,
    path: &Path,
    options: RunOptions,
    set: &[(String, String)],
) -> Result<()> {
    let summary = script::run_file(session, path, options, set).await?;
    ui::done(
        label,
        format_args!("{}: {summary}", path.display()),
        summary.elapsed,
    );
    Ok(())
}
