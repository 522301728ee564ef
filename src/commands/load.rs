//! `schema-load` and `seed`: run a SQL file against the target database.

use std::path::Path;

use anyhow::Result;

use crate::cli::LoadArgs;
use crate::config::{SCHEMA_FILE, SEED_FILE};
use crate::context::RunContext;
use crate::guard;
use crate::script::RunOptions;

pub async fn schema_load(ctx: &RunContext, args: &LoadArgs) -> Result<()> {
    let path = ctx.sql_file(args.file.as_deref(), SCHEMA_FILE)?;
    run(
        ctx,
        "schema-load",
        &path,
        options(ctx, args),
        &args.vars.set,
    )
    .await
}

pub async fn seed(ctx: &RunContext, args: &LoadArgs) -> Result<()> {
    let path = ctx.sql_file(args.file.as_deref(), SEED_FILE)?;
    run(ctx, "seed", &path, options(ctx, args), &args.vars.set).await
}

fn options<'a>(ctx: &'a RunContext, args: &LoadArgs) -> RunOptions<'a> {
    RunOptions::file(!args.no_transaction, ctx.places())
}

/// Run `path` on the target database, reporting under `label`.
pub async fn run(
    ctx: &RunContext,
    label: &str,
    path: &Path,
    options: RunOptions<'_>,
    set: &[(String, String)],
) -> Result<()> {
    let (target, session) = ctx.session().await?;
    guard::refuse_unless_prod(&session.client, &target).await?;
    crate::snapshot_first::before_change(ctx, &target, label).await?;
    crate::chores::load(&session, label, path, options, set).await
}
