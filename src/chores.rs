//! The target database's chores that several commands share: creating it (`create`,
//! `setup`), dropping it (`drop`, `setup`), and running one SQL file on it with a summary
//! line (`schema-load`, `seed`, `setup`).

use std::path::Path;
use std::time::Instant;

use anyhow::Result;
use tokio_postgres::Client;
use tokio_postgres::error::SqlState;

use crate::cli::{CreateArgs, DropArgs};
use crate::db::admin::drop_named;
use crate::db::{self, PgError, Session, Target, quote_ident};
use crate::error::{Exit, Fail};
use crate::script::{self, RunOptions};
use crate::{guard, ui};

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

/// Run `path` through an open session on the target database, with psql variables `set`.
pub async fn load(
    session: &Session,
    label: &str,
    path: &Path,
    options: RunOptions<'_>,
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
