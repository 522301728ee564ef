//! `diff`: the SQL that makes the `--from` schema equal to the `--to` one (by default, what
//! would make the database match its files). The SQL goes to standard output, a summary per
//! object to standard error; nothing is ever written to either database.

use std::path::PathBuf;
use std::time::Instant;

use anyhow::{Context, Result};

use super::load::SCHEMA_FILE;
use crate::cli::{DiffArgs, SchemaSources};
use crate::context::RunContext;
use crate::error::{Exit, Fail};
use crate::migrate::{self, Migration};
use crate::schema::plan::Plan;
use crate::schema::source::{self, Source};
use crate::schema::{Options, Schema, diff};
use crate::ui;

pub async fn run(ctx: &RunContext, args: &DiffArgs) -> Result<()> {
    let started = Instant::now();
    let options = super::dump::options(&args.extent);
    let (plan, from, to) = compare(ctx, &args.sources, options).await?;
    if !plan.refusals.is_empty() {
        return Err(unplannable(&plan.refusals).into());
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
    if !plan.backfills.is_empty() {
        return Err(incomplete(&plan.backfills).into());
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
    let from: Source = sources.from.parse().map_err(usage)?;
    let to: Source = sources.to.parse().map_err(usage)?;
    let a = read(ctx, &from, "--from", sources.scratch_url.as_deref()).await?;
    let b = read(ctx, &to, "--to", sources.scratch_url.as_deref()).await?;
    Ok((diff::diff(&a, &b, options), from, to))
}

/// Changes no plan can make without losing what it must keep.
pub fn unplannable(refusals: &[String]) -> Fail {
    Fail::new(
        Exit::Failure,
        format!("no plan can make this change safely: {}", refusals.join("; ")),
    )
    .hint("make that change by hand (a migration that moves the data first), then run diff again for the rest")
}

/// A plan that cannot apply until the user writes what the rows of new `NOT NULL` columns hold.
pub fn incomplete(columns: &[String]) -> Fail {
    Fail::new(
        Exit::Failure,
        format!(
            "the plan is not complete: {} NOT NULL without a default on a table that holds rows",
            columns.join(", ")
        ),
    )
    .hint("write each backfill at its `-- TODO backfill` line (or give the column a DEFAULT in schema.sql); until then the plan would fail when it validates the column")
}

/// How the target differs from what its files (schema.sql and migrations) build: the drift
/// check of `migrate status` and `doctor`.
pub async fn drift(ctx: &RunContext) -> Result<Plan> {
    let files = read(ctx, &Source::Files, "--from", None).await?;
    let database = read(ctx, &Source::Db, "--to", None).await?;
    Ok(diff::diff(&files, &database, Options::default()))
}

/// The schema of `source`, given by `flag`, with both named in any failure.
pub async fn read(
    ctx: &RunContext,
    source: &Source,
    flag: &'static str,
    scratch_url: Option<&str>,
) -> Result<Schema> {
    source::read(ctx, source, flag, scratch_url, &|| project(ctx))
        .await
        .with_context(|| format!("could not read the schema of {flag} {source}"))
}

/// The project's schema.sql and migrations.
pub fn project(ctx: &RunContext) -> Result<(PathBuf, Vec<Migration>)> {
    let schema = ctx.sql_file(None, SCHEMA_FILE)?;
    let migrations = match ctx.migrations_dir(None) {
        Some(dir) => migrate::discover(&dir)?,
        None => Vec::new(),
    };
    Ok((schema, migrations))
}

/// A SRC that does not parse, as a usage error with an example.
pub fn usage(message: String) -> anyhow::Error {
    Fail::new(Exit::Usage, message)
        .hint("e.g. --from db --to files, or --to url:postgresql://localhost/other")
        .into()
}
