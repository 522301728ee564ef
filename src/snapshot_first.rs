//! The RDS snapshot a production change takes first (`--snapshot`,
//! `CRUDDUR_DB_SNAPSHOT_BEFORE_PROD`): asked for, awaited with its progress shown, and said
//! when Ctrl-C stops the wait. `rds snapshot create` takes its snapshots the same way.

use std::sync::Mutex;
use std::time::{Duration, Instant};

use anyhow::{Context, Result};

use crate::aws::Aws;
use crate::aws::snapshot::{self, Snapshot};
use crate::cli::{Command, MigrateAction, RdsWaitArgs};
use crate::context::RunContext;
use crate::db::Target;
use crate::error::{Exit, Fail};
use crate::{clock, ui};

/// How often a snapshot's progress is asked for while waiting.
const POLL: Duration = Duration::from_secs(10);

/// `cruddur-db-<instance>-<UTC YYYYMMDD-HHMMSS>`.
pub fn default_name(instance: &str) -> String {
    snapshot::default_name(instance, &clock::utc_compact(clock::now_secs()))
}

/// Ask RDS for a snapshot of `instance` named `name`, tagged as ours.
pub async fn create(aws: &Aws, instance: &str, name: &str) -> Result<Snapshot> {
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

pub fn check_identifier(name: &str, max: usize, what: &str) -> Result<()> {
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
pub async fn wait_available(aws: &Aws, name: &str, wait: RdsWaitArgs) -> Result<Snapshot> {
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
