//! `check [PATH...] [--against SRC] [--json] [--watch]`: every query file of the application
//! prepared against a schema, each reported as preparing (with its parameters and columns) or
//! not (with the server's error at its file:line:col). Exit 1 when one does not.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::time::{Duration, Instant, SystemTime};

use anyhow::Result;

use crate::check::files;
use crate::check::{Outcome, prepare};
use crate::cli::CheckArgs;
use crate::context::RunContext;
use crate::error::{Exit, Fail};
use crate::migrate;
use crate::schema::source::{self, Opened, Source};
use crate::ui;

pub async fn run(ctx: &RunContext, args: &CheckArgs) -> Result<()> {
    let against = Source::given(&args.against, "--against")?;
    if args.watch {
        return watch(ctx, args, &against).await;
    }
    let started = Instant::now();
    let queries = files::queries(ctx, &args.paths)?;
    let opened = open(ctx, &against, args).await?;
    let outcomes = prepare::read_only(&opened.session.client, &queries).await;
    let closed = opened.close().await;
    let outcomes = outcomes?;
    closed?;
    report(&outcomes, &against, args.json, started)
}

async fn open(ctx: &RunContext, against: &Source, args: &CheckArgs) -> Result<Opened> {
    source::open(ctx, against, "--against", args.scratch_url.as_deref())
        .await
        .map_err(|err| err.context(format!("could not open the schema of --against {against}")))
}

/// Print each query's outcome and the summary; fail when one does not prepare.
fn report(outcomes: &[Outcome], against: &Source, json: bool, started: Instant) -> Result<()> {
    let failed = outcomes.iter().filter(|o| !o.ok).count();
    if json {
        ui::json(&outcomes)?;
    } else {
        ui::raw(crate::check::render(outcomes).as_bytes())?;
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
    if let Ok((schema, migrations)) = source::project(ctx) {
        schema_files.push(schema);
        schema_files.extend(migrations.into_iter().map(|m| m.path));
    }
    let query_files = files::queries(ctx, &args.paths)
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
        match files::queries(ctx, &args.paths) {
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
            let updated = match (only_added, source::project(ctx)) {
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
