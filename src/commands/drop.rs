//! `drop`: DROP DATABASE for the target, listing or ending the sessions that block it.

use std::time::Instant;

use anyhow::Result;
use tokio_postgres::Client;

use crate::cli::DropArgs;
use crate::context::RunContext;
use crate::db::admin::drop_named;
use crate::db::{self, Target, quote_ident};
use crate::error::{Exit, Fail};
use crate::{guard, ui};

pub async fn run(ctx: &RunContext, args: &DropArgs) -> Result<()> {
    let started = Instant::now();
    let (target, client) = ctx.admin().await?;
    drop_database(&client, &target, args, started).await
}

/// Drop the target's database through `client`, a connection to another database on its server.
pub async fn drop_database(
    client: &Client,
    target: &Target,
    args: &DropArgs,
    started: Instant,
) -> Result<()> {
    let name = target.conn.database();
    if !db::database_exists(client, name).await? {
        if args.if_exists {
            ui::done(
                "drop",
                format_args!(
                    "database {} does not exist; nothing to drop",
                    quote_ident(name)
                ),
                started.elapsed(),
            );
            return Ok(());
        }
        return Err(Fail::new(
            Exit::Failure,
            format!("database {} does not exist", quote_ident(name)),
        )
        .hint("nothing to drop; pass --if-exists to accept that")
        .into());
    }
    guard::refuse_unless_prod(client, target).await?;
    drop_named(client, name, args.force).await?;
    ui::done(
        "drop",
        format_args!("dropped database {}", quote_ident(name)),
        started.elapsed(),
    );
    Ok(())
}
