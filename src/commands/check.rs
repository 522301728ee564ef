//! `check [PATH...] [--against SRC] [--json] [--watch]`: every query file of the application
//! prepared against a schema, each reported as preparing (with its parameters and columns) or
//! not (with the server's error at its file:line:col). Exit 1 when one does not.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::time::{Duration, Instant, SystemTime};

use anyhow::Result;

use super::diff::{project, usage};
use crate::check::files::{self, Query};
use crate::check::{Outcome, prepare};
use crate::cli::CheckArgs;
use crate::context::RunContext;
use crate::error::{Exit, Fail};
use crate::migrate;
use crate::schema::source::{self, Opened, Source};
use crate::ui;

pub async fn run(ctx: &RunContext, args: &CheckArgs) -> Result<()> {
    let against: Source = args.against.parse().map_err(usage)?;
    if args.watch {
        return watch(ctx, args, &against).await;
    }
    let started = Instant::now();
    let queries = queries(ctx, &args.paths)?;
    let opened = open(ctx, &against, args).await?;
    let outcomes = prepare::read_only(&opened.session.client, &queries).await;
    let closed = opened.close().await;
    let outcomes = outcomes?;
    closed?;
    report(&outcomes, &against, args.json, started)
}

/// The query files `paths` name, or those of the project's queries folder, split into their
/// statements.
pub fn queries(ctx: &RunContext, paths: &[PathBuf]) -> Result<Vec<Query>> {
    let roots: Vec<PathBuf> = match paths.is_empty() {
        false => paths.iter().map(|p| ctx.places().cwd.join(p)).collect(),
        true => vec![ctx.queries_dir().ok_or_else(|| {
            Fail::new(
                Exit::Failure,
                format!(
                    "no queries folder: no backend-flask/db/sql in {} or any folder above it",
                    ctx.places().cwd.display()
                ),
            )
            .hint("run from inside the project, name the files or folders (`cruddur-db check queries/`), or set CRUDDUR_DB_QUERIES")
        })?],
    };
    let mut queries = Vec::new();
    for path in files::discover(&roots)? {
        let shown = path
            .strip_prefix(&ctx.places().cwd)
            .unwrap_or(&path)
            .display()
            .to_string();
        queries.extend(files::load(&path, &shown)?);
    }
    Ok(queries)
}

async fn open(ctx: &RunContext, against: &Source, args: &CheckArgs) -> Result<Opened> {
    source::open(
        ctx,
        against,
        "--against",
        args.scratch_url.as_deref(),
        &|| project(ctx),
    )
    .await
    .map_err(|err| err.context(format!("could not open the schema of --against {against}")))
}

/// Print each query's outcome and the summary; fail when one does not prepare.
fn report(outcomes: &[Outcome], against: &Source, json: bool, started: Instant) -> Result<()> {
    let failed = outcomes.iter().filter(|o| !o.ok).count();
    if json {
        ui::json(&outcomes)?;
    } else {
        ui::raw(render(outcomes).as_bytes())?;
    }
    ui::done(
        "check",
        format_args!(
            "{} quer{} against {against}: {} prepare{}",
            outcomes.len(),
            if outcomes.len() == 1 { "y" } else { "ies" },
            outcomes.len() - failed,
            match failed {
                0 => String::new(),
                n => format!(", {n} do not"),
            }
        ),
        started.elapsed(),
    );
    if failed == 0 {
        return Ok(());
    }
    Err(Fail::new(
        Exit::Failure,
        format!(
            "{failed} of {} queries do not prepare against {against}",
            outcomes.len()
        ),
    )
    .hint("each error above says where it is in its file; fix the query, or the schema it reads")
    .into())
}

/// The outcomes as people read them: a line for each query that prepares, and the error, the
/// line it is on and a caret for each that does not.
pub fn render(outcomes: &[Outcome]) -> String {
    let mut out = String::new();
    for outcome in outcomes {
        let Some(problem) = &outcome.error else {
            out.push_str(&format!("ok    {}\n", outcome.summary()));
            continue;
        };
        out.push_str(&format!(
            "error {}:{}:{}: {}\n",
            outcome.file, problem.line, problem.column, problem.message
        ));
        if !problem.source_line.is_empty() {
            let width = match problem.width {
                0 => word_width(&problem.source_line, problem.column),
                known => known,
            };
            out.push_str(&ui::excerpt(
                problem.line,
                &problem.source_line,
                problem.column,
                width,
            ));
            out.push('\n');
        }
        if let Some(detail) = &problem.detail {
            out.push_str(&format!("  detail: {detail}\n"));
        }
        if let Some(hint) = &problem.hint {
            out.push_str(&format!("  hint: {hint}\n"));
        }
        if let Some(name) = &problem.did_you_mean {
            out.push_str(&format!("  did you mean `{name}`?\n"));
        }
    }
    out
}

/// How many characters the name at `column` of `line` takes, for the caret under it.
fn word_width(line: &str, column: u64) -> usize {
    line.chars()
        .skip(column.saturating_sub(1) as usize)
        .take_while(|c| c.is_alphanumeric() || matches!(c, '_' | '.' | '%' | '(' | ')' | '$'))
        .count()
        .max(1)
}

/// What a file looked like at a moment: enough to see that it changed.
type Seen = BTreeMap<PathBuf, (SystemTime, u64)>;

fn seen(paths: &[PathBuf]) -> Seen {
    paths
        .iter()
        .filter_map(|path| {
            let meta = std::fs::metadata(path).ok()?;
            Some((path.clone(), (meta.modified().ok()?, meta.len())))
        })
        .collect()
}

/// The schema's files (schema.sql and each migration) and the query files, as they are now.
fn snapshot(ctx: &RunContext, args: &CheckArgs) -> (Seen, Seen) {
    let mut schema_files: Vec<PathBuf> = Vec::new();
    if let Ok((schema, migrations)) = project(ctx) {
        schema_files.push(schema);
        schema_files.extend(migrations.into_iter().map(|m| m.path));
    }
    let query_files = queries(ctx, &args.paths)
        .map(|qs| qs.into_iter().map(|q| q.path).collect::<Vec<_>>())
        .unwrap_or_default();
    (seen(&schema_files), seen(&query_files))
}

/// `--watch`: check, then check again whenever something changes. The scratch database stays
/// open between checks: new migrations are applied to it, and only a changed schema.sql or
/// an edited migration builds it again.
async fn watch(ctx: &RunContext, args: &CheckArgs, against: &Source) -> Result<()> {
    let mut opened = Some(open(ctx, against, args).await?);
    let (mut schema_seen, mut queries_seen) = snapshot(ctx, args);
    loop {
        let started = Instant::now();
        match queries(ctx, &args.paths) {
            Ok(queries) => {
                let session = &opened.as_ref().expect("open while watching").session;
                match prepare::read_only(&session.client, &queries).await {
                    Ok(outcomes) => {
                        if let Err(err) = report(&outcomes, against, args.json, started) {
                            ui::warn(format_args!("{err:#}"));
                        }
                    }
                    Err(err) => ui::warn(format_args!("{err:#}")),
                }
            }
            Err(err) => ui::warn(format_args!("{err:#}")),
        }
        ui::status(
            "watch",
            "waiting for a query file, schema.sql or a migration to change (Ctrl-C stops)",
        );
        let (schema_now, queries_now) = loop {
            tokio::time::sleep(Duration::from_millis(250)).await;
            let now = snapshot(ctx, args);
            if now.0 != schema_seen || now.1 != queries_seen {
                break now;
            }
        };
        if schema_now != schema_seen && *against == Source::Files {
            let only_added = schema_seen
                .iter()
                .all(|(path, seen)| schema_now.get(path) == Some(seen));
            let session = &opened.as_ref().expect("open while watching").session;
            let updated = match (only_added, project(ctx)) {
                (true, Ok((_, migrations))) => {
                    migrate::apply_pending(session, &migrations, ctx.places(), false)
                        .await
                        .map(|applied| {
                            ui::status(
                                "watch",
                                format_args!(
                                    "applied {applied} new migration(s) to the scratch database"
                                ),
                            );
                        })
                        .is_ok()
                }
                _ => false,
            };
            if !updated {
                if let Some(old) = opened.take() {
                    old.close().await?;
                }
                ui::status("watch", "the schema's files changed: building them again");
                opened = Some(open(ctx, against, args).await?);
            }
        }
        schema_seen = schema_now;
        queries_seen = queries_now;
    }
}
