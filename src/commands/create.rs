//! `create`: CREATE DATABASE for the target's database name.

use std::time::Instant;

use anyhow::Result;
use tokio_postgres::error::SqlState;

use crate::cli::CreateArgs;
use crate::context::RunContext;
use tokio_postgres::Client;

use crate::db::{self, PgError, Target, quote_ident};
use crate::error::{Exit, Fail};
use crate::{guard, ui};

pub async fn run(ctx: &RunContext, args: &CreateArgs) -> Result<()> {
    let started = Instant::now();
    let (target, client) = ctx.admin().await?;
    create_database(&client, &target, args, started).await
}

/// Create the target's database through `client`, a connection to another database on its
/// server; with `--prod`, mark it production.
pub async fn create_database(
    client: &Client,
    target: &Target,
    args: &CreateArgs,
    started: Instant,
) -> Result<()> {
    let name = target.conn.database();
    if args.if_not_exists && db::database_exists(client, name).await? {
        if target.prod {
            guard::mark_production(client, name).await?;
        }
        ui::done(
            "create",
            format_args!("database {} already exists", quote_ident(name)),
            started.elapsed(),
        );
        return Ok(());
    }
    let sql = format!("CREATE DATABASE {}", quote_ident(name));
    ui::verbose(format_args!("> {sql}"));
    client.batch_execute(&sql).await.map_err(|err| {
        let err = PgError(err);
        let fail = Fail::new(Exit::Failure, format!("could not create database {}", quote_ident(name)));
        let fail = match err.code() {
            Some(code) if *code == SqlState::DUPLICATE_DATABASE => {
                fail.hint("it already exists: pass --if-not-exists to accept that, or reset it with `cruddur-db setup`")
            }
            Some(code) if *code == SqlState::INSUFFICIENT_PRIVILEGE => fail.hint(format!(
                "user {:?} may not create databases: use a user with CREATEDB (on RDS, the master user)",
                target.conn.user()
            )),
            _ => fail,
        };
        anyhow::Error::new(err).context(fail)
    })?;
    if target.prod {
        guard::mark_production(client, name).await?;
    }
    ui::done(
        "create",
        format_args!(
            "created database {}{}",
            quote_ident(name),
            if target.prod {
                ", marked production"
            } else {
                ""
            }
        ),
        started.elapsed(),
    );
    Ok(())
}
