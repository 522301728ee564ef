//! Production protection: a destructive command aimed at production needs its database name
//! typed back at a prompt, or `--yes`; without a terminal it refuses instead of hanging.

use anyhow::Result;

use crate::cli::Command;
use crate::config::Config;
use crate::db::{is_rds, quote_ident};
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
        _ => None,
    }
}

/// Ask before `command` touches a production database; Ok when it may go ahead.
pub async fn confirm(config: &Config, command: &Command) -> Result<()> {
    let Some(action) = destructive_action(command) else {
        return Ok(());
    };
    let target = config.target()?;
    // An RDS host is production even when CONNECTION_URL was pointed at it by mistake.
    if !(target.prod || is_rds(target.url.host())) || config.yes {
        return Ok(());
    }
    let name = target.url.database();
    let what = format!(
        "{action} production database {} at {}",
        quote_ident(name),
        target.url.host()
    );
    if !ui::can_prompt() {
        return Err(Fail::new(
            Exit::Refused,
            format!("refusing to {what} without confirmation"),
        )
        .hint("run it in a terminal to confirm by typing the database name, or pass --yes")
        .into());
    }
    let typed = ui::prompt(format!(
        "About to {what}. Type the database name to continue"
    ))
    .await?;
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
