//! `snapshot save|restore|list|delete`: keep the development database's current state aside
//! and get it back in a second. Never against production: RDS keeps its own snapshots.

use std::time::Instant;

use anyhow::Result;

use crate::cli::SnapshotAction;
use crate::context::RunContext;
use crate::db::run_lock;
use crate::db::{Target, quote_ident};
use crate::error::{Exit, Fail};
use crate::rebuild::snapshot::{self, Snapshot};
use crate::rebuild::{Step, build, set_step, side};
use crate::{guard, ui};

pub async fn run(ctx: &RunContext, action: &SnapshotAction) -> Result<()> {
    let started = Instant::now();
    let target = ctx.target()?;
    let name = target.conn.database();
    refuse_production_target(&target)?;
    let (_, admin) = ctx.admin().await?;
    if guard::is_production(&admin, name).await? {
        return Err(production(&target));
    }
    match action {
        SnapshotAction::Save {
            name: wanted,
            force,
        } => {
            let snap_name = wanted.clone().unwrap_or_else(snapshot::default_name);
            snapshot::check_name(&snap_name)?;
            run_lock::acquire(&admin, "setup", name, None).await?;
            let taken = snapshot::save(&admin, name, &snap_name, *force).await?;
            ui::done(
                "snapshot",
                format_args!(
                    "saved {} as snapshot {:?} ({})",
                    quote_ident(name),
                    taken.name,
                    ui::size(taken.bytes)
                ),
                started.elapsed(),
            );
            Ok(())
        }
        SnapshotAction::Restore {
            name: snap_name,
            force,
            from_db,
        } => {
            set_step(Some(Step::Restoring));
            run_lock::acquire(&admin, "setup", name, None).await?;
            if let Some(source) = from_db {
                refuse_production_source(&admin, &target, source).await?;
            }
            let snap = find(&admin, name, snap_name, from_db.as_deref(), true).await?;
            if !force {
                let holders = snapshot::sessions_on(&admin, name).await?;
                if !holders.is_empty() {
                    return Err(snapshot::busy(name, &holders, "refusing to restore", true));
                }
            }
            build::aside(
                &admin,
                name,
                *force,
                "snapshot restore",
                async |side_name| snapshot::clone_into(&admin, &snap, side_name, name).await,
            )
            .await?;
            ui::done(
                "snapshot",
                format_args!(
                    "restored {} from snapshot {:?} taken {} ago ({})",
                    quote_ident(name),
                    snap.name,
                    age(&snap),
                    ui::size(snap.bytes)
                ),
                started.elapsed(),
            );
            Ok(())
        }
        SnapshotAction::List { all, json } => {
            let mut snapshots = snapshot::all(&admin).await?;
            if !all {
                snapshots.retain(|s| s.source == name);
            }
            let scope = if *all {
                "on the server".to_string()
            } else {
                format!("of {}", quote_ident(name))
            };
            ui::done(
                "snapshot",
                format_args!("{} snapshot(s) {scope}", snapshots.len()),
                started.elapsed(),
            );
            if *json {
                return ui::json(&snapshots);
            }
            let rows: Vec<Vec<String>> = snapshots
                .iter()
                .map(|s| {
                    vec![
                        s.name.clone(),
                        s.source.clone(),
                        format!("{} ago", age(s)),
                        ui::size(s.bytes),
                    ]
                })
                .collect();
            ui::table(
                &[("NAME", 20), ("DATABASE", 30), ("TAKEN", 12), ("SIZE", 10)],
                &rows,
            )
        }
        SnapshotAction::Delete { name: snap_name } => {
            let snap = find(&admin, name, snap_name, None, false).await?;
            side::drop_unless_in_use(&admin, &snap.database).await?;
            ui::done(
                "snapshot",
                format_args!("deleted snapshot {:?} of {}", snap.name, quote_ident(name)),
                started.elapsed(),
            );
            Ok(())
        }
    }
}

/// Snapshot `wanted` of `target`; one of another database only when `from_db` names it.
/// `restoring` says whether `--from-db` is there to suggest.
async fn find(
    client: &tokio_postgres::Client,
    target: &str,
    wanted: &str,
    from_db: Option<&str>,
    restoring: bool,
) -> Result<Snapshot> {
    let source = from_db.unwrap_or(target);
    let (mut found, others): (Vec<Snapshot>, Vec<Snapshot>) = snapshot::all(client)
        .await?
        .into_iter()
        .filter(|s| s.name == wanted)
        .partition(|s| s.source == source);
    if let Some(found) = found.pop() {
        return Ok(found);
    }
    let hint = match (others.first(), restoring) {
        (Some(other), true) => format!(
            "snapshot {wanted:?} is of database {}: restoring it into {} needs --from-db {}",
            quote_ident(&other.source),
            quote_ident(target),
            other.source
        ),
        (Some(other), false) => format!(
            "snapshot {wanted:?} is of database {}: aim at that database (--url) to delete it",
            quote_ident(&other.source),
        ),
        (None, _) => "`cruddur-db snapshot list` shows the snapshots there are".to_string(),
    };
    Err(Fail::new(
        Exit::Failure,
        format!("no snapshot {wanted:?} of {}", quote_ident(source)),
    )
    .hint(hint)
    .into())
}

fn age(snapshot: &Snapshot) -> String {
    crate::clock::ago(snapshot.taken)
}

fn refuse_production_target(target: &Target) -> Result<()> {
    if target.prod || target.conn.is_rds() {
        return Err(production(target));
    }
    Ok(())
}

/// `--from-db` names whose snapshots to read: the same rule as the target, so production data
/// never reaches a development database through it.
async fn refuse_production_source(
    admin: &tokio_postgres::Client,
    target: &Target,
    source: &str,
) -> Result<()> {
    let source = Target {
        conn: target.conn.with_database(source),
        ..target.clone()
    };
    if guard::production_reason(admin, &source).await?.is_some() {
        return Err(production(&source));
    }
    Ok(())
}

fn production(target: &Target) -> anyhow::Error {
    Fail::new(
        Exit::Refused,
        format!(
            "snapshots are for development databases, and {} on {} is production",
            quote_ident(target.conn.database()),
            target.conn.host()
        ),
    )
    .hint("production snapshots belong to RDS itself: aws rds create-db-snapshot, or the console")
    .into()
}
