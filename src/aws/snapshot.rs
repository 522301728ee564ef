//! RDS DB snapshots: taking one of an instance (tagged as ours), listing, deleting, restoring
//! one into a new instance, and waiting for one to be available.

use std::time::Duration;

use anyhow::Result;
use serde::Serialize;
use tokio::time::Instant;

use super::rds::Instance;
use super::{Aws, Service, child_text, parse};
use crate::error::{Exit, Fail};

/// The tag that marks a snapshot cruddur-db took (and so may delete without `--force`).
pub const TAG: (&str, &str) = ("created-by", "cruddur-db");

/// What `rds snapshot list` shows of a snapshot. Field names are documented in docs/.
#[derive(Debug, Clone, Serialize)]
pub struct Snapshot {
    pub identifier: String,
    pub instance: String,
    pub status: String,
    /// `manual` or `automated`.
    #[serde(rename = "type")]
    pub kind: String,
    pub created: Option<String>,
    pub storage_gb: Option<u32>,
    pub engine_version: Option<String>,
    pub percent_done: Option<u32>,
    pub arn: Option<String>,
    /// Whether cruddur-db took it (its `created-by=cruddur-db` tag).
    pub ours: bool,
}

impl Snapshot {
    fn from_xml(node: roxmltree::Node) -> Snapshot {
        let text = |tag: &str| child_text(node, tag).map(str::to_string);
        let ours = node
            .descendants()
            .filter(|n| n.has_tag_name("Tag"))
            .any(|tag| {
                child_text(tag, "Key") == Some(TAG.0) && child_text(tag, "Value") == Some(TAG.1)
            });
        Snapshot {
            identifier: text("DBSnapshotIdentifier").unwrap_or_default(),
            instance: text("DBInstanceIdentifier").unwrap_or_default(),
            status: text("Status").unwrap_or_default(),
            kind: text("SnapshotType").unwrap_or_default(),
            created: text("SnapshotCreateTime"),
            storage_gb: text("AllocatedStorage").and_then(|s| s.parse().ok()),
            engine_version: text("EngineVersion"),
            percent_done: text("PercentProgress").and_then(|p| p.parse().ok()),
            arn: text("DBSnapshotArn"),
            ours,
        }
    }
}

fn snapshots_in(xml: &str, action: &str) -> Result<Vec<Snapshot>> {
    let doc = parse(xml, action)?;
    Ok(doc
        .descendants()
        .filter(|n| n.has_tag_name("DBSnapshot"))
        .map(Snapshot::from_xml)
        .collect())
}

/// The name a snapshot of `instance` gets when none is given: `cruddur-db-<instance>-<UTC>`,
/// within RDS's rules (letters, digits and single hyphens, 255 at most).
pub fn default_name(instance: &str, utc_digits: &str) -> String {
    let name = format!("cruddur-db-{instance}-{utc_digits}");
    name.chars().take(255).collect()
}

/// Whether `name` is an identifier RDS accepts for a snapshot or an instance: a letter first,
/// then letters, digits and single hyphens, not ending in one.
pub fn valid_identifier(name: &str, max: usize) -> bool {
    name.len() <= max
        && name.starts_with(|c: char| c.is_ascii_alphabetic())
        && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
        && !name.contains("--")
        && !name.ends_with('-')
}

pub async fn create(aws: &Aws, instance: &str, name: &str) -> Result<Snapshot> {
    let xml = aws
        .call(
            Service::Rds,
            "CreateDBSnapshot",
            &[
                ("DBInstanceIdentifier", instance),
                ("DBSnapshotIdentifier", name),
                ("Tags.Tag.1.Key", TAG.0),
                ("Tags.Tag.1.Value", TAG.1),
            ],
        )
        .await?;
    one(&xml, "CreateDBSnapshot")
}

/// The instance's snapshots (manual ones, or every kind with `all`).
pub async fn list(aws: &Aws, instance: &str, all: bool) -> Result<Vec<Snapshot>> {
    let mut params = vec![("DBInstanceIdentifier", instance.to_string())];
    if !all {
        params.push(("SnapshotType", "manual".to_string()));
    }
    let xml = aws
        .call(Service::Rds, "DescribeDBSnapshots", &params)
        .await?;
    snapshots_in(&xml, "DescribeDBSnapshots")
}

pub async fn describe(aws: &Aws, name: &str) -> Result<Snapshot> {
    let xml = aws
        .call(
            Service::Rds,
            "DescribeDBSnapshots",
            &[("DBSnapshotIdentifier", name)],
        )
        .await?;
    one(&xml, "DescribeDBSnapshots")
}

pub async fn delete(aws: &Aws, name: &str) -> Result<Snapshot> {
    let xml = aws
        .call(
            Service::Rds,
            "DeleteDBSnapshot",
            &[("DBSnapshotIdentifier", name)],
        )
        .await?;
    one(&xml, "DeleteDBSnapshot")
}

/// Restore snapshot `name` into a new instance `new`, never over the running one. The new
/// instance gets `like`'s class, network and security groups (RDS would otherwise put it in
/// the default VPC group, where the application cannot reach it).
pub async fn restore(
    aws: &Aws,
    name: &str,
    new: &str,
    like: Option<&Instance>,
) -> Result<Instance> {
    let mut params = vec![
        ("DBSnapshotIdentifier".to_string(), name.to_string()),
        ("DBInstanceIdentifier".to_string(), new.to_string()),
    ];
    if let Some(like) = like {
        params.push(("DBInstanceClass".into(), like.class.clone()));
        params.push((
            "PubliclyAccessible".into(),
            like.publicly_accessible.to_string(),
        ));
        if let Some(group) = &like.subnet_group {
            params.push(("DBSubnetGroupName".into(), group.clone()));
        }
        for (n, group) in like.security_groups.iter().enumerate() {
            params.push((
                format!("VpcSecurityGroupIds.VpcSecurityGroupId.{}", n + 1),
                group.clone(),
            ));
        }
        if like.iam_auth {
            params.push(("EnableIAMDatabaseAuthentication".into(), "true".into()));
        }
    }
    let xml = aws
        .call(Service::Rds, "RestoreDBInstanceFromDBSnapshot", &params)
        .await?;
    super::rds::instance_in(&xml, "RestoreDBInstanceFromDBSnapshot")
}

fn one(xml: &str, action: &str) -> Result<Snapshot> {
    snapshots_in(xml, action)?
        .into_iter()
        .next()
        .ok_or_else(|| anyhow::anyhow!("the answer to {action} holds no DBSnapshot"))
}

/// Poll `describe` every `every` until the snapshot is available, calling `progress(snapshot,
/// elapsed)` after each look. A snapshot that fails ends it early.
pub async fn wait_available<F, Fut>(
    limit: Duration,
    every: Duration,
    mut describe: F,
    mut progress: impl FnMut(&Snapshot, Duration),
) -> Result<Snapshot>
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = Result<Snapshot>>,
{
    let started = Instant::now();
    loop {
        let snapshot = describe().await?;
        progress(&snapshot, started.elapsed());
        match snapshot.status.as_str() {
            "available" => return Ok(snapshot),
            "failed" | "deleting" | "deleted" | "incompatible-restore" => {
                return Err(Fail::new(
                    Exit::Aws,
                    format!(
                        "snapshot {} is {}: it will not become available",
                        snapshot.identifier, snapshot.status
                    ),
                )
                .hint("look at the snapshot's events in the RDS console")
                .into());
            }
            _ => {}
        }
        if started.elapsed() + every > limit {
            return Err(Fail::new(
                Exit::Aws,
                format!(
                    "snapshot {} is still {} after {} s",
                    snapshot.identifier,
                    snapshot.status,
                    limit.as_secs()
                ),
            )
            .hint("it goes on by itself: `cruddur-db rds snapshot list` shows when it is available; or wait longer with --timeout SECS")
            .into());
        }
        tokio::time::sleep(every).await;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snapshots_are_read_with_their_tag_and_progress() {
        let xml = r#"<DescribeDBSnapshotsResponse><DescribeDBSnapshotsResult><DBSnapshots><DBSnapshot>
            <DBSnapshotIdentifier>cruddur-db-db1-20261204101500</DBSnapshotIdentifier>
            <DBInstanceIdentifier>db1</DBInstanceIdentifier><Status>creating</Status>
            <SnapshotType>manual</SnapshotType><PercentProgress>40</PercentProgress>
            <AllocatedStorage>20</AllocatedStorage><EngineVersion>15.4</EngineVersion>
            <TagList><Tag><Key>created-by</Key><Value>cruddur-db</Value></Tag></TagList>
            </DBSnapshot></DBSnapshots></DescribeDBSnapshotsResult></DescribeDBSnapshotsResponse>"#;
        let snapshot = one(xml, "DescribeDBSnapshots").unwrap();
        assert_eq!(snapshot.status, "creating");
        assert_eq!(snapshot.percent_done, Some(40));
        assert!(snapshot.ours);
    }

    #[test]
    fn identifiers_follow_rds_rules() {
        assert!(valid_identifier("before-deploy-2", 255));
        assert!(!valid_identifier("2-starts-with-digit", 255));
        assert!(!valid_identifier("double--hyphen", 255));
        assert!(!valid_identifier("ends-", 255));
        assert!(!valid_identifier("under_score", 255));
        assert_eq!(
            default_name("db1", "20261204101500"),
            "cruddur-db-db1-20261204101500"
        );
    }

    #[tokio::test(start_paused = true)]
    async fn waiting_follows_progress_until_available_and_stops_at_a_failure() {
        let snap = |status: &str, percent| Snapshot {
            identifier: "s".into(),
            instance: "db1".into(),
            status: status.into(),
            kind: "manual".into(),
            created: None,
            storage_gb: None,
            engine_version: None,
            percent_done: Some(percent),
            arn: None,
            ours: true,
        };
        let mut states = [("creating", 10), ("creating", 70), ("available", 100)].into_iter();
        let mut seen = Vec::new();
        let done = wait_available(
            Duration::from_secs(60),
            Duration::from_secs(5),
            || {
                let (status, percent) = states.next().unwrap();
                let next = snap(status, percent);
                async move { Ok(next) }
            },
            |s, elapsed| seen.push((s.percent_done, elapsed.as_secs())),
        )
        .await
        .unwrap();
        assert_eq!(done.status, "available");
        assert_eq!(seen, [(Some(10), 0), (Some(70), 5), (Some(100), 10)]);
        let err = wait_available(
            Duration::from_secs(60),
            Duration::from_secs(5),
            || async { Ok(snap("failed", 0)) },
            |_, _| {},
        )
        .await
        .unwrap_err();
        assert!(format!("{err:#}").contains("is failed"), "{err:#}");
    }
}
