//! `migrate new NAME --diff`: the declarative workflow. Edit schema.sql, and the migration
//! that brings the database (as its migrations left it) there is written for you: `diff` one
//! way for `migrate:up`, the other way for `migrate:down`. The plan's catalog phase is one
//! migration; its phases that run outside a transaction (indexes built concurrently,
//! validations) a second one marked `transaction:false`.

use std::path::Path;
use std::time::Duration;

use anyhow::Result;

use crate::config::SCHEMA_FILE;
use crate::context::RunContext;
use crate::error::{Exit, Fail};
use crate::migrate::file::create;
use crate::schema::Options;
use crate::schema::diff::diff;
use crate::schema::source::{self, Source};
use crate::ui;

/// Where the two schemas come from (`None`: the database, and schema.sql).
pub struct Sources<'a> {
    pub from: Option<&'a str>,
    pub to: Option<&'a str>,
    pub scratch_url: Option<&'a str>,
    /// Each phase's `SET lock_timeout`.
    pub lock_timeout: Duration,
}

pub async fn new(ctx: &RunContext, dir: &Path, name: &str, sources: Sources<'_>) -> Result<()> {
    let from = match sources.from {
        Some(text) => Source::given(text, "--from")?,
        None => Source::Db,
    };
    let to = match sources.to {
        Some(text) => Source::given(text, "--to")?,
        None => Source::File(ctx.sql_file(None, SCHEMA_FILE)?),
    };
    let a = source::read(ctx, &from, "--from", sources.scratch_url).await?;
    let b = source::read(ctx, &to, "--to", sources.scratch_url).await?;
    let up = diff(&a, &b, Options::default());
    if up.is_empty() {
        return Err(Fail::new(
            Exit::Failure,
            format!("nothing to migrate: {from} already has the schema of {to}"),
        )
        .hint("edit sql/schema.sql first, or write the migration by hand with `cruddur-db migrate new NAME`")
        .into());
    }
    if let Some(refused) = up.refused() {
        return Err(refused.into());
    }
    let down = diff(&b, &a, Options::default());
    for (_, line) in up.summary() {
        ui::change(&line);
    }
    let (up_catalog, up_later) = up.parts(sources.lock_timeout);
    let (mut down_catalog, mut down_later) = down.parts(sources.lock_timeout);
    if !down.refusals.is_empty() {
        // The way back cannot be planned: the down part says why instead of doing half of it.
        down_catalog = down
            .refusals
            .iter()
            .map(|why| format!("-- cannot be undone by a plan: {why}\n"))
            .collect();
        down_later.clear();
        ui::warn(
            "its down part cannot be planned (see its comments): write it by hand if you need it",
        );
    }
    // dbmate rolls the second migration back first: its down part is the way back's catalog
    // phase, and the first migration's down part the phases after it, so that rolling both
    // back runs the way back in its order.
    let mut written = Vec::new();
    if !up_catalog.is_empty() || !down_later.is_empty() {
        let text =
            format!("-- migrate:up\n{up_catalog}\n-- migrate:down transaction:false\n{down_later}");
        written.push(create(dir, name, &text)?);
    }
    if !up_later.is_empty() || !down_catalog.is_empty() {
        let text =
            format!("-- migrate:up transaction:false\n{up_later}\n-- migrate:down\n{down_catalog}");
        written.push(create(dir, &format!("{name}_concurrently"), &text)?);
    }
    let listing: String = written
        .iter()
        .map(|p| format!("{}\n", p.display()))
        .collect();
    ui::raw(listing.as_bytes())?;
    if let Some(incomplete) = up.incomplete() {
        return Err(incomplete.into());
    }
    if up.steps.iter().any(|s| s.data_loss.is_some()) {
        ui::warn(
            "it loses data (see the DATA LOSS lines): `migrate` refuses it until you review it and annotate each such statement",
        );
    }
    Ok(())
}
