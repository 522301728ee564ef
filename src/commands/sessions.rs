//! `sessions`: who is connected to the target database (or every database), how long they have
//! been at it and what blocks them, as a table, JSON, or a view redrawn with `--watch`.

use std::time::{Duration, Instant};

use anyhow::Result;

use crate::cli::SessionsArgs;
use crate::context::RunContext;
use crate::db::quote_ident;
use crate::db::sessions::{Filter, chosen, list, print_table};
use crate::ui;

pub async fn run(ctx: &RunContext, args: &SessionsArgs) -> Result<()> {
    let (target, client) = ctx.admin().await?;
    let name = target.conn.database();
    let filter = Filter {
        state: args.state.as_deref(),
        ..chosen(&args.filter, name)
    };
    let scope = if args.filter.all {
        "on the server".to_string()
    } else {
        format!("on database {}", quote_ident(name))
    };
    loop {
        let started = Instant::now();
        let sessions = list(&client, &filter).await?;
        if args.watch.is_some() {
            ui::clear_screen()?;
        }
        ui::done(
            "sessions",
            format_args!("{} session(s) {scope}", sessions.len()),
            started.elapsed(),
        );
        if args.json {
            ui::json(&sessions)?;
        } else {
            print_table(&sessions, args.filter.all)?;
        }
        let Some(every) = args.watch else {
            return Ok(());
        };
        tokio::time::sleep(Duration::from_secs(every.max(1))).await;
    }
}
