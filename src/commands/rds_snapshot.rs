//! `rds snapshot create|list|delete|restore`, and the snapshot a production change takes
//! first (`--snapshot`, `CRUDDUR_DB_SNAPSHOT_BEFORE_PROD`).

use std::sync::Mutex;
use std::time::{Duration, Instant};

use anyhow::{Context, Result};

use crate::aws::snapshot::{self, Snapshot};
use crate::aws::{Aws, AwsError, rds};
use crate::cli::{Command, MigrateAction, RdsSnapshotAction, RdsWaitArgs};
use crate::context::RunContext;
use crate::db::Target;
use crate::error::{Exit, Fail};
use crate::{clock, guard, ui};

/// How often a snapshot's progress is asked for while waiting.
const POLL: Duration = Duration::from_secs(10);

pub async fn run(
    ctx: &RunContext,
    aws: &Aws,
    instance: &str,
    action: &RdsSnapshotAction,
) -> Result<()> {
    match action {
        RdsSnapshotAction::Create { name, wait } => {
            let name = name.clone().unwrap_or_else(|| default_name(instance));
            let snapshot = create(aws, instance, &name).await?;
            if ctx.wait().is_none() {
                ui::note(format_args!(
                    "it goes on in AWS: `cruddur-db rds snapshot list` shows its progress; --wait waits until it is available"
                ));
                return Ok(());
            }
            wait_available(aws, &snapshot.identifier, *wait).await?;
            Ok(())
        }
        RdsSnapshotAction::List { all, json } => list(aws, instance, *all, *json).await,
        RdsSnapshotAction::Delete { name, force } => delete(ctx, aws, name, *force).await,
        RdsSnapshotAction::Restore {
            name,
            new_instance,
            wait,
        } => restore(ctx, aws, instance, name, new_instance, *wait).await,
    }
}

/// `cruddur-db-<instance>-<UTC YYYYMMDD-HHMMSS>`.
fn default_name(instance: &str) -> String {
    snapshot::default_name(instance, &clock::utc_compact(clock::now_secs()))
}

/// Ask RDS for a snapshot of `instance` named `name`, tagged as ours.
async fn create(aws: &Aws, instance: &str, name: &str) -> Result<Snapshot> {
    check_identifier(name, 255, "snapshot name")?;
    let started = Instant::now();
    let snapshot = snapshot::create(aws, instance, name).await?;
    ui::done(
        "rds",
        format_args!("asked RDS for snapshot {name} of {instance}"),
        started.elapsed(),
    );
    Ok(snapshot)
}

fn check_identifier(name: &str, max: usize, what: &str) -> Result<()> {
    if snapshot::valid_identifier(name, max) {
        return Ok(());
    }
    Err(Fail::new(Exit::Usage, format!("{name:?} is not a valid {what} for RDS"))
        .hint(format!("use a letter first, then letters, digits and single hyphens, {max} characters at most, not ending in a hyphen"))
        .into())
}

/// What Ctrl-C leaves behind while a snapshot is awaited: the snapshot goes on in AWS.
static WAITING: Mutex<Option<String>> = Mutex::new(None);

/// Said when Ctrl-C stops a wait for a snapshot: the wait ended, the snapshot did not.
pub fn stopped_note() -> Option<String> {
    let name = WAITING.lock().unwrap_or_else(|e| e.into_inner()).clone()?;
    Some(format!(
        "only the waiting stopped: snapshot {name} goes on in AWS (`cruddur-db rds snapshot list` shows it), and nothing else was run"
    ))
}

/// Poll until snapshot `name` is available: a spinner with its percent and time on a terminal,
/// a line for each change of state or percent otherwise.
async fn wait_available(aws: &Aws, name: &str, wait: RdsWaitArgs) -> Result<Snapshot> {
    *WAITING.lock().unwrap_or_else(|e| e.into_inner()) = Some(name.to_string());
    let spinner = ui::Progress::spinner(format!("waiting for snapshot {name}"));
    let mut last = None;
    let outcome = snapshot::wait_available(
        Duration::from_secs(wait.timeout),
        Duration::from_secs(wait.poll.max(1)),
        || snapshot::describe(aws, name),
        |snapshot, elapsed| {
            let percent = snapshot
                .percent_done
                .map_or_else(String::new, |p| format!(" {p}%"));
            let now = (snapshot.status.clone(), snapshot.percent_done);
            let line = format!(
                "snapshot {name} is {}{percent} {}",
                snapshot.status,
                clock::format_duration(elapsed.as_secs_f64())
            );
            spinner.message(line.clone());
            if last.as_ref() != Some(&now) {
                spinner.status("rds", line);
                last = Some(now);
            }
        },
    )
    .await;
    spinner.finish();
    *WAITING.lock().unwrap_or_else(|e| e.into_inner()) = None;
    outcome
}

async fn list(aws: &Aws, instance: &str, all: bool, json: bool) -> Result<()> {
    let mut snapshots = snapshot::list(aws, instance, all).await?;
    if !all {
        snapshots.retain(|s| s.ours);
    }
    // Newest first: the one a restore wants is usually the last taken.
    snapshots.sort_by(|a, b| b.created.cmp(&a.created));
    if json {
        return ui::json(&snapshots);
    }
    if snapshots.is_empty() {
        ui::note(if all {
            format!("instance {instance} has no snapshots")
        } else {
            format!("cruddur-db has taken no snapshot of {instance} (--all lists every one)")
        });
        return Ok(());
    }
    let rows: Vec<Vec<String>> = snapshots
        .iter()
        .map(|s| {
            vec![
                s.identifier.clone(),
                s.status.clone(),
                s.created.clone().unwrap_or_default(),
                s.storage_gb
                    .map_or_else(String::new, |gb| format!("{gb} GB")),
                s.engine_version.clone().unwrap_or_default(),
                s.percent_done.map_or_else(String::new, |p| format!("{p}%")),
                if all { s.kind.clone() } else { String::new() },
            ]
        })
        .collect();
    ui::table(
        &[
            ("NAME", 60),
            ("STATE", 12),
            ("CREATED", 24),
            ("SIZE", 8),
            ("ENGINE", 8),
            ("DONE", 5),
            ("TYPE", 9),
        ],
        &rows,
    )
}

async fn delete(ctx: &RunContext, aws: &Aws, name: &str, force: bool) -> Result<()> {
    let snapshot = snapshot::describe(aws, name).await?;
    if !snapshot.ours && !force {
        return Err(Fail::new(
            Exit::Refused,
            format!(
                "snapshot {name} was not taken by cruddur-db (it has no {}={} tag); nothing was deleted",
                snapshot::TAG.0,
                snapshot::TAG.1
            ),
        )
        .hint("pass --force to delete it anyway")
        .into());
    }
    if !ctx.yes {
        guard::confirm_typed(
            &format!(
                "delete RDS snapshot {name} of {} (it cannot be undone)",
                snapshot.instance
            ),
            "snapshot name",
            name,
        )
        .await?;
    }
    let started = Instant::now();
    snapshot::delete(aws, name).await?;
    ui::done(
        "rds",
        format_args!("deleted snapshot {name}"),
        started.elapsed(),
    );
    Ok(())
}

async fn restore(
    ctx: &RunContext,
    aws: &Aws,
    instance: &str,
    name: &str,
    new: &str,
    wait: RdsWaitArgs,
) -> Result<()> {
    check_identifier(new, 63, "instance identifier")?;
    let snapshot = snapshot::describe(aws, name).await?;
    match rds::describe(aws, new).await {
        Ok(existing) => {
            return Err(Fail::new(
                Exit::Refused,
                format!(
                    "instance {new} already exists ({}): a restore always makes a new instance; nothing was done",
                    existing.status
                ),
            )
            .hint("choose another --as NEW_INSTANCE_ID")
            .into());
        }
        Err(err) if is_not_found(&err) => {}
        Err(err) => return Err(err),
    }
    // The new instance looks like the one the snapshot was taken of, when it still exists.
    let like = match rds::describe(aws, &snapshot.instance).await {
        Ok(like) => Some(like),
        Err(err) if is_not_found(&err) => None,
        Err(err) => return Err(err),
    };
    let started = Instant::now();
    let restored = snapshot::restore(aws, name, new, like.as_ref()).await?;
    ui::done(
        "rds",
        format_args!("restoring snapshot {name} into new instance {new} ({instance} is untouched)"),
        started.elapsed(),
    );
    let restored = match ctx.wait() {
        Some(_) => {
            super::rds::finish(ctx, aws, new, "available", wait).await?;
            rds::describe(aws, new).await?
        }
        None => {
            ui::note(format_args!(
                "RDS takes minutes to make it: `cruddur-db rds status --instance {new}` shows its state; --wait waits until it is available"
            ));
            restored
        }
    };
    match &restored.endpoint {
        Some(host) => {
            let port = restored.port.unwrap_or(5432);
            ui::status("rds", format_args!("endpoint {host}:{port}"));
            let (user, database) = match ctx.production_target().ok().flatten() {
                Some(target) => (
                    target.conn.user().to_string(),
                    target.conn.database().to_string(),
                ),
                None => ("USER".to_string(), "cruddur".to_string()),
            };
            ui::note(
                "to point cruddur-db at it (the password is the snapshot's master password, as before):",
            );
            ui::raw(
                format!(
                    "PROD_CONNECTION_URL=postgresql://{}@{host}:{port}/{}?sslmode=require\n",
                    encode(&user),
                    encode(&database)
                )
                .as_bytes(),
            )?;
        }
        None => ui::note(format_args!(
            "its endpoint appears once RDS has made it: `cruddur-db rds status --instance {new}`"
        )),
    }
    Ok(())
}

fn encode(text: &str) -> String {
    percent_encoding::utf8_percent_encode(text, percent_encoding::NON_ALPHANUMERIC).to_string()
}

fn is_not_found(err: &anyhow::Error) -> bool {
    matches!(
        AwsError::code_in(err),
        Some("DBInstanceNotFound" | "DBInstanceNotFoundFault")
    )
}

/// Whether `command` says `--snapshot`.
pub fn asked(command: &Command) -> bool {
    match command {
        Command::SchemaLoad(args) | Command::Seed(args) => args.snapshot.snapshot,
        Command::Setup(args) => args.snapshot.snapshot,
        Command::Migrate(args) => match &args.action {
            None => args.up.snapshot.snapshot,
            Some(MigrateAction::Up(up) | MigrateAction::Redo(up)) => up.snapshot.snapshot,
            Some(MigrateAction::Down { up, .. }) => up.snapshot.snapshot,
            Some(_) => false,
        },
        _ => false,
    }
}

/// Before `what` changes production: when a snapshot is asked for (`--snapshot`, or
/// `CRUDDUR_DB_SNAPSHOT_BEFORE_PROD` for production targets), take one of the instance and
/// wait until it is available. If it cannot be taken, nothing runs.
pub async fn before_change(ctx: &RunContext, target: &Target, what: &str) -> Result<()> {
    let production = target.prod || target.conn.is_rds();
    let wanted = ctx.snapshot_first() || (ctx.snapshot_before_prod() && production);
    if !wanted {
        return Ok(());
    }
    if !production {
        return Err(Fail::new(
            Exit::Usage,
            format!(
                "--snapshot takes an RDS snapshot before a production change, and {} is not production",
                target.origin
            ),
        )
        .hint("add --prod to change production; the development database has `cruddur-db snapshot save`")
        .into());
    }
    let snapshot = async {
        let (instance, region) = ctx.rds_instance(None, None)?;
        let aws = Aws::connect(ctx.aws(), region.as_deref()).await?;
        let taken = create(&aws, &instance, &default_name(&instance)).await?;
        wait_available(
            &aws,
            &taken.identifier,
            RdsWaitArgs {
                timeout: 3600,
                poll: POLL.as_secs(),
            },
        )
        .await
    }
    .await
    .with_context(|| format!("no snapshot could be taken before {what}, so nothing was run"))?;
    ui::status(
        "rds",
        format_args!(
            "snapshot {} is available; if this goes wrong: `cruddur-db rds snapshot restore {} --as NEW_INSTANCE_ID`",
            snapshot.identifier, snapshot.identifier
        ),
    );
    Ok(())
}
