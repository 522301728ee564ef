//! `drop`: DROP DATABASE for the target, listing or ending the sessions that block it.

use std::time::Instant;

use anyhow::Result;

use crate::chores::drop_database;
use crate::cli::DropArgs;
use crate::context::RunContext;

pub async fn run(ctx: &RunContext, args: &DropArgs) -> Result<()> {
    let started = Instant::now();
    let (target, client) = ctx.admin().await?;
    drop_database(&client, &target, args, started).await
}
