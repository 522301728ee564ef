//! `setup`: drop (if it exists), create, schema-load, seed; the first failure stops it.

use std::time::Instant;

use anyhow::{Context, Result};

use super::{create, drop, load};
use crate::cli::{CreateArgs, DropArgs, SetupArgs};
use crate::config::Config;
use crate::script::RunOptions;
use crate::ui;

pub async fn run(config: &Config, args: &SetupArgs) -> Result<()> {
    let started = Instant::now();
    // Find both files before dropping anything: a missing seed must not cost the database.
    let schema = config.sql_file(None, load::SCHEMA_FILE)?;
    let seed = config.sql_file(None, load::SEED_FILE)?;
    let in_transaction = RunOptions { transaction: true };

    drop::run(
        config,
        &DropArgs {
            if_exists: true,
            force: args.force,
        },
    )
    .await
    .context("setup stopped at step drop")?;
    create::run(
        config,
        &CreateArgs {
            if_not_exists: false,
        },
    )
    .await
    .context("setup stopped at step create")?;
    load::run(config, "schema-load", &schema, in_transaction)
        .await
        .context("setup stopped at step schema-load")?;
    load::run(config, "seed", &seed, in_transaction)
        .await
        .context("setup stopped at step seed")?;
    ui::done("setup", "database reset", started.elapsed());
    Ok(())
}
