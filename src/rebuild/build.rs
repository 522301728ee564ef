//! The one build-aside-and-swap protocol (`setup`, `snapshot restore`): a side database is
//! filled while the target stays as it was, and only a complete build is swapped in. A failure
//! or a signal before the swap leaves the target unchanged and the side database removed (or
//! removed by the next run, which clears leftovers first).

use std::time::Instant;

use anyhow::Result;
use tokio_postgres::Client;

use super::{Step, set_step, side};
use crate::db::{self, quote_ident};
use crate::ui;

/// Rebuild database `name` aside: `fill` gets the side database's name and builds it (it
/// creates it, by cloning or from scratch, and sets the step it is at); then the side database
/// replaces `name`, ending sessions on `name` only with `force`. `what` names the command in
/// the messages (`setup`, `snapshot restore`).
pub async fn aside(
    admin: &Client,
    name: &str,
    force: bool,
    what: &str,
    fill: impl AsyncFnOnce(&str) -> Result<()>,
) -> Result<()> {
    side::remove_leftovers(admin, name).await?;
    let side_name = side::side_name(name);
    if let Err(err) = fill(&side_name).await {
        // Best effort: the next run removes what is left anyway.
        let _ = db::admin::drop_named(admin, &side_name, true).await;
        return Err(err.context(format!("your database {} is unchanged", quote_ident(name))));
    }
    set_step(Some(Step::Swapping));
    let started = Instant::now();
    if let Err(err) = side::swap(admin, &side_name, name, force).await {
        // Until the old database is gone the side database is a spare; after, it is the data.
        if matches!(db::database_exists(admin, name).await, Ok(false)) {
            return Err(err.context(format!("{what} stopped at step swap")));
        }
        let _ = db::admin::drop_named(admin, &side_name, true).await;
        return Err(err
            .context(format!("{what} stopped at step swap"))
            .context(format!("your database {} is unchanged", quote_ident(name))));
    }
    set_step(None);
    ui::done(
        "swap",
        format_args!("{} is the new build", quote_ident(name)),
        started.elapsed(),
    );
    Ok(())
}
