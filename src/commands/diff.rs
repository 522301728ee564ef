//! `diff`: the SQL that makes the `--from` schema equal to the `--to` one (by default, what
//! would make the database match its files). The SQL goes to standard output, a summary per
//! object to standard error; nothing is ever written to either database.

use std::time::Instant;

use anyhow::Result;

use crate::cli::{DiffArgs, SchemaSources};
use crate::context::RunContext;
use crate::error::{Exit, Fail};
use crate::schema::plan::Plan;
use crate::schema::source::{self, Source};
use crate::schema::{Options, diff};
use crate::ui;

pub async fn run(ctx: &RunContext, args: &DiffArgs) -> Result<()> {
    let started = Instant::now();
    let options = Options::from(&args.extent);
    let (plan, from, to) = compare(ctx, &args.sources, options).await?;
    if let Some(refused) = plan.refused() {
        return Err(refused.into());
    }
    if args.json {
        ui::json(&plan.steps)?;
    } else {
        for (_, line) in plan.summary() {
            ui::change(&line);
        }
        ui::raw(plan.script(args.plan.lock_timeout()).as_bytes())?;
        let what = match plan.steps.len() {
            0 => "the same schema".to_string(),
            n => format!("{n} change(s)"),
        };
        ui::done(
            "diff",
            format_args!("{from} -> {to}: {what}"),
            started.elapsed(),
        );
    }
    if let Some(incomplete) = plan.incomplete() {
        return Err(incomplete.into());
    }
    if args.exit_code && !plan.is_empty() {
        return Err(Fail::new(
            Exit::Failure,
            format!("the schemas of {from} and {to} differ"),
        )
        .hint("the SQL above makes them equal: review it, then make it a migration (`cruddur-db migrate new NAME --diff`)")
        .into());
    }
    Ok(())
}

/// Read both schemas and compare them.
pub async fn compare(
    ctx: &RunContext,
    sources: &SchemaSources,
    options: Options,
) -> Result<(Plan, Source, Source)> {
    let from = Source::given(&sources.from, "--from")?;
    let to = Source::given(&sources.to, "--to")?;
    let a = source::read(ctx, &from, "--from", sources.scratch_url.as_deref()).await?;
    let b = source::read(ctx, &to, "--to", sources.scratch_url.as_deref()).await?;
    Ok((diff::diff(&a, &b, options), from, to))
}
