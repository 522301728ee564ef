//! `migrate [new|up|down|redo|status]`: schema changes after day one, in dbmate's format.

mod diff;
mod safety;

use std::path::PathBuf;
use std::time::{Duration, Instant};

use anyhow::{Context, Result};
use serde::Serialize;

use crate::cli::{MigrateAction, MigrateArgs, UpArgs};
use crate::context::RunContext;
use crate::db::run_lock;
use crate::db::{self, Session, Target, quote_ident};
use crate::error::{Exit, Fail};
use crate::migrate::{self, Entry, Migration, State, history};
use crate::{guard, ui};

pub async fn run(ctx: &RunContext, args: &MigrateArgs) -> Result<()> {
    // Files named on the command line need no project around them (a CI lint step).
    if let Some(MigrateAction::Lint { files, json }) = &args.action
        && !files.is_empty()
    {
        return safety::lint_files(files, *json);
    }
    let dir = ctx
        .migrations_dir(args.migrations_dir.as_deref())
        .ok_or_else(|| {
            Fail::new(
                Exit::Failure,
                "no migrations directory: there is no sql/ directory here or above",
            )
            .hint("run from inside the project, or pass --migrations-dir DIR")
        })?;
    match &args.action {
        None => up(ctx, &dir, &args.up).await,
        Some(MigrateAction::Up(up_args)) => up(ctx, &dir, up_args).await,
        Some(MigrateAction::Lint { json, .. }) => safety::lint(&dir, *json),
        Some(MigrateAction::Plan { json }) => safety::plan(ctx, &dir, *json).await,
        Some(MigrateAction::New {
            name, diff: false, ..
        }) => {
            let path = migrate::file::create(&dir, name, migrate::file::TEMPLATE)?;
            ui::raw(format!("{}\n", path.display()).as_bytes())
        }
        Some(MigrateAction::New {
            name,
            diff: true,
            from,
            to,
            scratch_url,
            plan,
        }) => {
            let sources = diff::Sources {
                from: from.as_deref(),
                to: to.as_deref(),
                scratch_url: scratch_url.as_deref(),
                lock_timeout: plan.lock_timeout(),
            };
            diff::new(ctx, &dir, name, sources).await
        }
        Some(MigrateAction::Down { steps, up: up_args }) => {
            down(ctx, &dir, *steps, up_args, false).await
        }
        Some(MigrateAction::Redo(up_args)) => down(ctx, &dir, 1, up_args, true).await,
        Some(MigrateAction::Status { json, exit_code }) => {
            status(ctx, &dir, *json, *exit_code).await
        }
        Some(MigrateAction::ImportLegacy {
            dir: legacy,
            dry_run,
        }) => {
            let legacy = ctx.legacy_migrations_dir(legacy.as_deref())?;
            import_legacy(ctx, &legacy, &dir, *dry_run).await
        }
    }
}

/// The target, a session on it, and the migrate lock held on a session of its own for the
/// whole run (safe with transaction:false migrations, and behind PgBouncer in session mode).
async fn open(ctx: &RunContext, lock_timeout: Option<u64>) -> Result<(Target, Session, Session)> {
    let (target, session) = ctx.session().await?;
    guard::refuse_unless_prod(&session.client, &target).await?;
    let holder = db::connect(&target).await?;
    run_lock::acquire(
        &holder.client,
        "migrate",
        target.conn.database(),
        lock_timeout.map(Duration::from_secs),
    )
    .await?;
    history::ensure(&session.client).await?;
    Ok((target, session, holder))
}

/// How `migrate` runs its migrations: the lock policy the flags say, and a watcher session.
fn options<'a>(ctx: &'a RunContext, args: &UpArgs, watcher: &'a Session) -> migrate::Options<'a> {
    migrate::Options {
        places: ctx.places(),
        policy: policy(args),
        watcher: Some(watcher),
        enclosed: false,
    }
}

fn policy(args: &UpArgs) -> migrate::LockPolicy {
    migrate::LockPolicy {
        timeout: Some(Duration::from_secs(args.lock_timeout_ddl)),
        retries: args.lock_retries,
    }
}

async fn entries(session: &Session, files: Vec<Migration>) -> Result<Vec<Entry>> {
    let applied = history::applied(&session.client).await?;
    Ok(migrate::plan(files, applied))
}

async fn up(ctx: &RunContext, dir: &std::path::Path, args: &UpArgs) -> Result<()> {
    if args.dry_run {
        return safety::plan(ctx, dir, false).await;
    }
    let started = Instant::now();
    let files = migrate::discover(dir)?;
    safety::gate(ctx, &files, args.allow_unsafe).await?;
    guard::confirm_action(ctx, &ctx.target()?, "migrate").await?;
    let (target, session, holder) = open(ctx, args.lock_timeout).await?;
    let entries = entries(&session, files).await?;
    migrate::check_unchanged(&entries, args.allow_modified)?;
    migrate::check_order(&entries, args.allow_out_of_order)?;
    let pending: Vec<_> = entries
        .iter()
        .filter(|e| e.state == State::Pending)
        .filter_map(|e| e.migration.as_ref())
        .collect();
    let applied = entries.len() - pending.len();
    safety::queries_gate(
        ctx,
        &target,
        &pending,
        args.lock_timeout_ddl * 1000,
        args.allow_unsafe,
    )
    .await?;
    if !pending.is_empty() {
        crate::snapshot_first::before_change(ctx, &target, "the migrations").await?;
    }
    for (done, migration) in pending.iter().enumerate() {
        migrate::apply(&session, migration, &options(ctx, args, &holder))
            .await
            .map_err(|err| {
                err.context(format!(
                    "{done} migration(s) before it in this run stay applied"
                ))
            })?;
    }
    ui::done(
        "migrate",
        format_args!(
            "{} on {}: {} applied now, {applied} before",
            if pending.is_empty() {
                "nothing to do"
            } else {
                "done"
            },
            quote_ident(target.conn.database()),
            pending.len()
        ),
        started.elapsed(),
    );
    if args.dump || ctx.dump_schema() {
        crate::schema::schema_file::schema_with_history(ctx, &session).await?;
    }
    Ok(())
}

async fn down(
    ctx: &RunContext,
    dir: &std::path::Path,
    steps: usize,
    args: &UpArgs,
    redo: bool,
) -> Result<()> {
    let started = Instant::now();
    let (target, session, holder) = open(ctx, args.lock_timeout).await?;
    let entries = entries(&session, migrate::discover(dir)?).await?;
    migrate::check_unchanged(&entries, args.allow_modified)?;
    let last: Vec<&Entry> = entries
        .iter()
        .rev()
        .filter(|e| e.state != State::Pending)
        .take(steps)
        .collect();
    if last.is_empty() {
        return Err(Fail::new(
            Exit::Failure,
            format!(
                "no migration is applied on {}",
                quote_ident(target.conn.database())
            ),
        )
        .hint("`cruddur-db migrate status` shows where each migration stands")
        .into());
    }
    let names: Vec<String> = last
        .iter()
        .map(|e| {
            e.migration
                .as_ref()
                .map_or_else(|| e.version.clone(), |m| m.label())
        })
        .collect();
    if args.dry_run {
        ui::status(
            "migrate",
            format_args!(
                "would {} {} on {}; nothing was run",
                if redo { "redo" } else { "revert" },
                names.join(", "),
                quote_ident(target.conn.database())
            ),
        );
        return Ok(());
    }
    guard::confirm_action(ctx, &target, &format!("revert {} on", names.join(", "))).await?;
    crate::snapshot_first::before_change(ctx, &target, "the revert").await?;
    for entry in &last {
        let Some(migration) = &entry.migration else {
            return Err(Fail::new(
                Exit::Failure,
                format!("cannot revert version {}: its file is gone", entry.version),
            )
            .hint("restore the file from version control")
            .into());
        };
        migrate::revert(&session, migration, &options(ctx, args, &holder)).await?;
    }
    if redo && let Some(migration) = last.first().and_then(|e| e.migration.as_ref()) {
        migrate::apply(&session, migration, &options(ctx, args, &holder)).await?;
    }
    ui::done(
        "migrate",
        format_args!(
            "{} {} migration(s) on {}",
            if redo { "redid" } else { "reverted" },
            last.len(),
            quote_ident(target.conn.database())
        ),
        started.elapsed(),
    );
    Ok(())
}

/// One migration as `status --json` prints it. Field names are documented in docs/.
#[derive(Serialize)]
struct Row {
    version: String,
    name: String,
    state: State,
    applied_at: Option<String>,
    duration_ms: Option<i64>,
    file: Option<PathBuf>,
}

async fn status(
    ctx: &RunContext,
    dir: &std::path::Path,
    json: bool,
    exit_code: bool,
) -> Result<()> {
    let (_, session) = ctx.session().await?;
    let entries = entries(&session, migrate::discover(dir)?).await?;
    let pending = entries.iter().filter(|e| e.state == State::Pending).count();
    let rows: Vec<Row> = entries
        .iter()
        .map(|e| Row {
            version: e.version.clone(),
            name: e.name.clone(),
            state: e.state,
            applied_at: e.applied.as_ref().and_then(|a| a.applied_at.clone()),
            duration_ms: e.applied.as_ref().and_then(|a| a.duration_ms),
            file: e.migration.as_ref().map(|m| m.path.clone()),
        })
        .collect();
    ui::status(
        "migrate",
        format_args!(
            "{} migration(s) in {}, {pending} pending",
            entries.len(),
            dir.display()
        ),
    );
    if json {
        ui::json(&rows)?;
    } else {
        let table: Vec<Vec<String>> = rows
            .iter()
            .map(|r| {
                vec![
                    r.version.clone(),
                    r.name.clone(),
                    format!("{:?}", r.state).to_lowercase(),
                    r.applied_at.clone().unwrap_or_default(),
                    r.duration_ms
                        .map(|ms| format!("{ms} ms"))
                        .unwrap_or_default(),
                ]
            })
            .collect();
        ui::table(
            &[
                ("VERSION", 17),
                ("NAME", 40),
                ("STATE", 8),
                ("APPLIED AT", 32),
                ("TOOK", 10),
            ],
            &table,
        )?;
    }
    if pending == 0 {
        match crate::schema::drift::drift(ctx).await {
            Ok(plan) if plan.is_empty() => {
                ui::status("schema", "the database has the schema its files build")
            }
            Ok(plan) => ui::status(
                "drift",
                format_args!(
                    "the database differs from what its files build ({} change(s)): run `cruddur-db diff` to see",
                    plan.steps.len()
                ),
            ),
            Err(err) => ui::note(format_args!("schema drift not checked: {err:#}")),
        }
    }
    if exit_code && pending > 0 {
        return Err(
            Fail::new(Exit::Failure, format!("{pending} migration(s) pending"))
                .hint("apply them with `cruddur-db migrate`")
                .into(),
        );
    }
    Ok(())
}

/// Write each old Python migration as a migration file (idempotent), then record as applied
/// those at or before the database's `schema_information.last_successful_run`.
async fn import_legacy(
    ctx: &RunContext,
    legacy_dir: &std::path::Path,
    dir: &std::path::Path,
    dry_run: bool,
) -> Result<()> {
    let started = Instant::now();
    let old = migrate::legacy::read_dir(legacy_dir)?;
    let (_, session) = ctx.session().await?;
    let bookmark = history::legacy_bookmark(&session.client).await?;
    let done_until = bookmark.as_deref().map(migrate::legacy::stamp_order);
    if !dry_run {
        std::fs::create_dir_all(dir)
            .with_context(|| format!("could not create {}", dir.display()))?;
        history::ensure(&session.client).await?;
    }
    let mut previous = 0u64;
    let (mut written, mut recorded) = (0, 0);
    for migration in &old {
        // dbmate versions from the seconds, one second apart at least so order survives.
        let seconds = migration.order().0.max(previous + 1);
        previous = seconds;
        let version = crate::clock::utc_version(seconds);
        let path = dir.join(format!("{version}_{}.sql", migration.name));
        let text = format!(
            "-- imported by cruddur-db from {}\n-- migrate:up\n{}\n\n-- migrate:down\n{}\n",
            migration
                .path
                .file_name()
                .and_then(|n| n.to_str())
                .unwrap_or_default(),
            migration.up.trim(),
            migration.down.trim()
        );
        let applied = done_until
            .as_ref()
            .is_some_and(|until| migration.order() <= *until);
        let exists = std::fs::read_to_string(&path).ok();
        let action = match (&exists, dry_run) {
            (Some(current), _) if *current == text => "already imported",
            (Some(_), _) => {
                return Err(Fail::new(
                    Exit::Failure,
                    format!("{} exists with other content", path.display()),
                )
                .hint("move it aside, or remove it to import again")
                .into());
            }
            (None, true) => "would write",
            (None, false) => {
                std::fs::write(&path, &text)
                    .with_context(|| format!("could not write {}", path.display()))?;
                written += 1;
                "wrote"
            }
        };
        if applied && !dry_run {
            let file = migrate::file::read(&path)?;
            let inserted = session
                .client
                .execute(
                    &history::record_once(&file.version, &file.name, &file.checksum),
                    &[],
                )
                .await
                .map_err(crate::db::PgError)
                .context("could not record an imported migration")?;
            recorded += inserted;
        }
        ui::note(format_args!(
            "{} {action} {}{}",
            migration
                .path
                .file_name()
                .and_then(|n| n.to_str())
                .unwrap_or_default(),
            path.display(),
            if applied {
                " (applied on this database)"
            } else {
                ""
            }
        ));
    }
    let bookmark_note = match &bookmark {
        Some(stamp) => format!("schema_information says {stamp} ran last"),
        None => "no schema_information on this database: nothing recorded as applied".to_string(),
    };
    ui::done(
        "migrate",
        format_args!(
            "{} {} legacy migration(s): {written} written, {recorded} recorded as applied; {bookmark_note}",
            if dry_run { "would import" } else { "imported" },
            old.len()
        ),
        started.elapsed(),
    );
    Ok(())
}
