//! `rds snapshot create|list|delete|restore` (the snapshot a production change takes first is
//! `snapshot_first`'s).

use std::time::Instant;

use anyhow::Result;

use crate::aws::snapshot;
use crate::aws::{Aws, AwsError, rds};
use crate::cli::{RdsSnapshotAction, RdsWaitArgs};
use crate::context::RunContext;
use crate::error::{Exit, Fail};
use crate::snapshot_first::{check_identifier, create, default_name, wait_available};
use crate::{guard, ui};

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
            rds::settle(aws, new, "available", ctx.wait().map(|_| wait.limits())).await?;
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
