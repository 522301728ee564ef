//! Production protection: a destructive command aimed at production needs its database name
//! typed back at a prompt, or `--yes`; without a terminal it refuses instead of hanging; and a
//! database marked production refuses destructive commands that do not say `--prod`.

use std::time::Duration;

use anyhow::{Context, Result};
use tokio_postgres::Client;

use crate::aws::{Aws, rds};
use crate::cli::{Command, MigrateAction};
use crate::context::RunContext;
use crate::db::{PgError, Target, quote_ident};
use crate::error::{Exit, Fail};
use crate::ui;

/// What a command would do to the data, if it can destroy any.
fn destructive_action(command: &Command) -> Option<&'static str> {
    match command {
        Command::Drop(_) => Some("drop"),
        Command::Setup(_) => Some("reset (drop, create, load)"),
        // Schema files routinely start with DROP TABLE.
        Command::SchemaLoad(_) => Some("load a schema into"),
        Command::Seed(_) => Some("seed"),
        Command::Kill(args) if !args.dry_run => Some("end sessions on"),
        Command::Migrate(args) => match &args.action {
            // `migrate` asks itself once its lint has passed (a refusal needs no typing), and
            // `migrate down` once it knows which migrations it will revert.
            None
            | Some(MigrateAction::Up(_) | MigrateAction::Down { .. } | MigrateAction::Redo(_)) => {
                None
            }
            Some(MigrateAction::ImportLegacy { dry_run: false, .. }) => {
                Some("record migrations on")
            }
            Some(
                MigrateAction::New { .. }
                | MigrateAction::Status { .. }
                | MigrateAction::Lint { .. }
                | MigrateAction::Plan { .. }
                | MigrateAction::ImportLegacy { .. },
            ) => None,
        },
        _ => None,
    }
}

/// Ask before `command` touches a production database; Ok when it may go ahead.
pub async fn confirm(ctx: &RunContext, command: &Command) -> Result<()> {
    let Some(action) = destructive_action(command) else {
        return Ok(());
    };
    confirm_action(ctx, &ctx.target()?, action).await
}

/// Ask before doing `action` (`drop`, `revert 20240101_x, 20240102_y on`) to `target` when it
/// is production; Ok when it may go ahead.
pub async fn confirm_action(ctx: &RunContext, target: &Target, action: &str) -> Result<()> {
    // An RDS host is production even when CONNECTION_URL was pointed at it by mistake.
    if !(target.prod || target.conn.is_rds()) || ctx.yes {
        return Ok(());
    }
    let name = target.conn.database();
    let what = format!(
        "{action} production database {} at {}",
        quote_ident(name),
        target.conn.host()
    );
    if ui::can_prompt()
        && let Some(instance) = without_backups(ctx).await
    {
        ui::warn(format_args!(
            "RDS instance {instance} keeps no automatic backups; --snapshot takes one first"
        ));
    }
    confirm_typed(&what, "database name", name).await
}

/// The production instance, when it keeps no automatic backups (retention 0) and no snapshot
/// was asked for: worth one line before the user types yes. Asking AWS is best effort, and
/// brief: without credentials or an instance to ask about, the prompt comes as it always did.
async fn without_backups(ctx: &RunContext) -> Option<String> {
    if ctx.snapshot_first() || ctx.snapshot_before_prod() {
        return None;
    }
    let (id, region) = ctx.rds_instance(None, None).ok()?;
    let ask = async {
        let aws = Aws::connect(ctx.aws(), region.as_deref()).await.ok()?;
        rds::describe(&aws, &id).await.ok()
    };
    let instance = tokio::time::timeout(Duration::from_secs(3), ask)
        .await
        .ok()??;
    (instance.backup_retention_days == Some(0)).then_some(id)
}

/// Ask the user to type `name` (the `noun`: "database name") before doing `what`; refuse
/// without a terminal.
pub async fn confirm_typed(what: &str, noun: &str, name: &str) -> Result<()> {
    if !ui::can_prompt() {
        return Err(Fail::new(
            Exit::Refused,
            format!("refusing to {what} without confirmation"),
        )
        .hint(format!(
            "run it in a terminal to confirm by typing the {noun}, or pass --yes"
        ))
        .into());
    }
    let typed = ui::prompt(format!("About to {what}. Type the {noun} to continue")).await?;
    if typed.trim() != name {
        return Err(Fail::new(
            Exit::Refused,
            format!("not confirmed: nothing was done to {}", quote_ident(name)),
        )
        .hint(format!("type exactly `{name}` to confirm, or pass --yes"))
        .into());
    }
    Ok(())
}

/// What marks a database as production: this text in its comment (`COMMENT ON DATABASE`).
///
/// A comment rather than a table (Rails' `ar_internal_metadata`) or a database setting: schema
/// files that drop everything cannot remove it, it is readable from any database on the server
/// (so `drop` checks it from the maintenance database), setting it needs only ownership (the RDS
/// master user owns what it creates, but may not set custom parameters), and `\l+` shows it.
const PRODUCTION_MARK: &str = "cruddur-db: environment=production";

/// Record inside `name` that it is production, so later commands without `--prod` refuse it.
pub async fn mark_production(client: &Client, name: &str) -> Result<()> {
    let comment = format!(
        "{PRODUCTION_MARK} (destructive cruddur-db commands need --prod; unmark with COMMENT ON DATABASE ... IS NULL)"
    );
    let sql = format!(
        "COMMENT ON DATABASE {} IS {}",
        quote_ident(name),
        postgres_protocol::escape::escape_literal(&comment)
    );
    crate::ui::verbose(format_args!("> {sql}"));
    client
        .batch_execute(&sql)
        .await
        .map_err(PgError)
        .with_context(|| {
            Fail::new(
                Exit::Failure,
                format!("could not mark database {} as production", quote_ident(name)),
            )
            .hint("the user must own the database; run create as the user that will own it (on RDS, the master user)")
        })
}

/// Refuse a destructive command against a database marked production unless the user said
/// `--prod`. Unlike the confirmation, `--yes` does not get past this: the point is to catch a
/// CONNECTION_URL that points at production by mistake, which `--yes` in a script would not.
pub async fn refuse_unless_prod(client: &Client, target: &Target) -> Result<()> {
    if target.prod {
        return Ok(());
    }
    let name = target.conn.database();
    if production_databases(client, &[name]).await?.is_empty() {
        return Ok(());
    }
    Err(Fail::new(
        Exit::Refused,
        format!(
            "{} points at a production database: {} on {} is marked production; nothing was done",
            target.origin,
            quote_ident(name),
            target.conn.host()
        ),
    )
    .hint(
        "if you mean production, say so with --prod (with --url URL when the URL is not PROD_CONNECTION_URL); \
         if this is a copy that is no longer production, unmark it with COMMENT ON DATABASE ... IS NULL",
    )
    .into())
}

/// Refuse to end sessions on databases marked production (`kill --all` reaches every database
/// on the server) unless the user said `--prod`, which also asked for confirmation.
pub async fn refuse_sessions_on_production(
    client: &Client,
    target: &Target,
    databases: &[&str],
) -> Result<()> {
    if target.prod {
        return Ok(());
    }
    let marked = production_databases(client, databases).await?;
    if marked.is_empty() {
        return Ok(());
    }
    let names: Vec<String> = marked.iter().map(|name| quote_ident(name)).collect();
    Err(Fail::new(
        Exit::Refused,
        format!(
            "sessions on production database(s) {} are among those chosen; nothing was done",
            names.join(", ")
        ),
    )
    .hint("leave them out with --user/--app/--pid, or say --prod to end them (it asks for confirmation)")
    .into())
}

/// Let a command move into database `target` on the user's behalf (a file's `\connect`)
/// only as its own target would be let in: a database marked production, on an RDS host, or
/// named by `PROD_CONNECTION_URL` is refused without `--prod` and confirmed with it. `client`
/// is any session on the same server (the mark is read from the shared catalog), so nothing
/// connects to the database before it passes; `at` says what moves there (`f.sql:3: \connect x`).
pub async fn admit(client: &Client, target: &Target, at: &str) -> Result<()> {
    let name = target.conn.database();
    let host = target.conn.host();
    let Some(why) = production_reason(client, target).await? else {
        return Ok(());
    };
    if !target.prod {
        return Err(Fail::new(
            Exit::Refused,
            format!(
                "{at}: database {} on {host} {why}; nothing was run there",
                quote_ident(name)
            ),
        )
        .hint("if the file means production, run the command with --prod (it asks before each production database); otherwise remove the \\connect")
        .into());
    }
    if target.protection.confirmed {
        return Ok(());
    }
    let what = format!(
        "run the rest of this file ({at}) in production database {} at {host}",
        quote_ident(name)
    );
    confirm_typed(&what, "database name", name).await
}

/// Why `target`'s database counts as production, if it does: marked production, on an RDS
/// host, or `PROD_CONNECTION_URL`'s database. `client` is any session on its server.
pub async fn production_reason(client: &Client, target: &Target) -> Result<Option<&'static str>> {
    Ok(if is_production(client, target.conn.database()).await? {
        Some("is marked production")
    } else if target.conn.is_rds() {
        Some("is on an RDS host")
    } else if target.protection.is_prod_database(&target.conn) {
        Some("is PROD_CONNECTION_URL's database")
    } else {
        None
    })
}

/// Whether database `name` is marked production.
pub async fn is_production(client: &Client, name: &str) -> Result<bool> {
    Ok(!production_databases(client, &[name]).await?.is_empty())
}

/// Why the server of `target` (a development server, for scratch databases) is production, if
/// it is: its database is marked production, it is an RDS host, or it is
/// `PROD_CONNECTION_URL`'s database.
pub async fn production_server(client: &Client, target: &Target) -> Result<Option<String>> {
    Ok(production_reason(client, target)
        .await?
        .map(|reason| format!("{} {reason}", quote_ident(target.conn.database()))))
}

/// Which of `databases` are marked production, read from the server `client` is on.
async fn production_databases(client: &Client, databases: &[&str]) -> Result<Vec<String>> {
    let rows = client
        .query(
            "SELECT datname::text FROM pg_database WHERE datname = ANY($1) \
             AND strpos(shobj_description(oid, 'pg_database'), $2) > 0 ORDER BY datname",
            &[&databases, &PRODUCTION_MARK],
        )
        .await
        .map_err(PgError)
        .context("could not check which databases are marked production")?;
    Ok(rows.iter().map(|row| row.get(0)).collect())
}
