//! `create`: CREATE DATABASE for the target's database name.

use std::time::Instant;

use anyhow::Result;

use crate::chores::create_database;
use crate::cli::CreateArgs;
use crate::context::RunContext;

pub async fn run(ctx: &RunContext, args: &CreateArgs) -> Result<()> {
    let started = Instant::now();
    let (target, client) = ctx.admin().await?;
    create_database(&client, &target, args, started).await
}
