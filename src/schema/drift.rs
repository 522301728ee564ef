//! Drift: how the target database differs from what its files (`schema.sql` and the
//! migrations) build, which `migrate status` and `doctor` show where people look.

use anyhow::Result;

use super::plan::Plan;
use super::source::{self, Source};
use super::{Options, diff};
use crate::context::RunContext;

/// The plan that would make the files' schema the database's: empty when there is no drift.
pub async fn drift(ctx: &RunContext) -> Result<Plan> {
    let files = source::read(ctx, &Source::Files, "--from", None).await?;
    let database = source::read(ctx, &Source::Db, "--to", None).await?;
    Ok(diff::diff(&files, &database, Options::default()))
}
