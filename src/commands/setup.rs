//! `setup`: drop (if it exists), create, schema-load, seed; the first failure stops it.

use std::time::Instant;

use anyhow::{Context, Result};

use super::{create, drop, load};
use crate::cli::{CreateArgs, DropArgs, SetupArgs};
use crate::config::Config;
use crate::script::RunOptions;
use crate::{db, ui};

pub async fn run(config: &Config, args: &SetupArgs) -> Result<()> {
    let started = Instant::now();
    // Find both files before dropping anything: a missing seed must not cost the database.
    let schema = config.sql_file(None, load::SCHEMA_FILE)?;
    let seed = config.sql_file(None, load::SEED_FILE)?;
    let in_transaction = RunOptions { transaction: true };
    let target = config.target()?;

    // One connection for drop and create, one for both files: setup is mostly waiting on the
    // server, and each connection saved shows.
    let admin = db::connect_admin(&target, config.maintenance_db.as_deref()).await?;
    let drop_args = DropArgs {
        if_exists: true,
        force: args.force,
    };
    drop::drop_database(&admin, &target, &drop_args, Instant::now())
        .await
        .context("setup stopped at step drop")?;
    let create_args = CreateArgs {
        if_not_exists: false,
    };
    create::create_database(&admin, &target, &create_args, Instant::now())
        .await
        .context("setup stopped at step create")?;
    drop(admin);

    let session = db::connect(&target).await?;
    load::load(&session, "schema-load", &schema, in_transaction)
        .await
        .context("setup stopped at step schema-load")?;
    load::load(&session, "seed", &seed, in_transaction)
        .await
        .context("setup stopped at step seed")?;
    ui::done("setup", "database reset", started.elapsed());
    Ok(())
}
