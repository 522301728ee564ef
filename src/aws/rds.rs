//! RDS instances: which one the production URL names, what DescribeDBInstances says about it,
//! and starting and stopping it.

use std::time::Duration;

use tokio::time::Instant;

use anyhow::Result;
use serde::Serialize;

use super::{Aws, Service, child_text, parse};
use crate::error::{Exit, Fail};
use crate::ui;

/// The instance identifier and region in an RDS endpoint,
/// `<id>.<hash>.<region>.rds.amazonaws.com`.
pub fn instance_of_host(host: &str) -> Option<(String, String)> {
    let host = host.trim_end_matches('.');
    let rest = host
        .strip_suffix(".rds.amazonaws.com")
        .or_else(|| host.strip_suffix(".rds.amazonaws.com.cn"))?;
    let mut parts = rest.split('.');
    let (id, _hash, region) = (parts.next()?, parts.next()?, parts.next()?);
    (parts.next().is_none() && !id.is_empty() && !region.is_empty())
        .then(|| (id.to_string(), region.to_string()))
}

/// What `rds status` shows of an instance. Field names are documented in docs/.
#[derive(Debug, Clone, Serialize)]
pub struct Instance {
    pub identifier: String,
    pub status: String,
    pub endpoint: Option<String>,
    pub port: Option<u16>,
    pub engine: String,
    pub engine_version: String,
    pub class: String,
    pub storage_gb: Option<u32>,
    pub storage_type: Option<String>,
    pub publicly_accessible: bool,
    pub security_groups: Vec<String>,
    pub ca_certificate: Option<String>,
    pub ca_certificate_valid_till: Option<String>,
    /// When RDS starts a stopped instance again by itself (seven days after it stopped).
    pub automatic_restart_time: Option<String>,
    /// How many days of automatic backups RDS keeps; 0 keeps none.
    pub backup_retention_days: Option<u32>,
    /// Whether the instance accepts IAM database authentication.
    pub iam_auth: bool,
    /// The `DbiResourceId` an IAM policy's `rds-db:connect` resource names.
    pub resource_id: Option<String>,
    /// The DB subnet group: which VPC subnets it lives in.
    pub subnet_group: Option<String>,
}

impl Instance {
    fn from_xml(node: roxmltree::Node) -> Instance {
        let text = |tag: &str| child_text(node, tag).map(str::to_string);
        let endpoint = node.children().find(|n| n.has_tag_name("Endpoint"));
        let certificate = node
            .children()
            .find(|n| n.has_tag_name("CertificateDetails"));
        Instance {
            identifier: text("DBInstanceIdentifier").unwrap_or_default(),
            status: text("DBInstanceStatus").unwrap_or_default(),
            endpoint: endpoint
                .and_then(|e| child_text(e, "Address"))
                .map(str::to_string),
            port: endpoint
                .and_then(|e| child_text(e, "Port"))
                .or_else(|| child_text(node, "DbInstancePort"))
                .and_then(|p| p.parse().ok()),
            engine: text("Engine").unwrap_or_default(),
            engine_version: text("EngineVersion").unwrap_or_default(),
            class: text("DBInstanceClass").unwrap_or_default(),
            storage_gb: text("AllocatedStorage").and_then(|s| s.parse().ok()),
            storage_type: text("StorageType"),
            publicly_accessible: text("PubliclyAccessible").as_deref() == Some("true"),
            security_groups: node
                .descendants()
                .filter(|n| n.has_tag_name("VpcSecurityGroupId"))
                .filter_map(|n| n.text().map(str::to_string))
                .collect(),
            ca_certificate: certificate
                .and_then(|c| child_text(c, "CAIdentifier"))
                .map(str::to_string)
                .or_else(|| text("CACertificateIdentifier")),
            ca_certificate_valid_till: certificate
                .and_then(|c| child_text(c, "ValidTill"))
                .map(str::to_string),
            automatic_restart_time: text("AutomaticRestartTime"),
            backup_retention_days: text("BackupRetentionPeriod").and_then(|d| d.parse().ok()),
            iam_auth: text("IAMDatabaseAuthenticationEnabled").as_deref() == Some("true"),
            resource_id: text("DbiResourceId"),
            subnet_group: node
                .children()
                .find(|n| n.has_tag_name("DBSubnetGroup"))
                .and_then(|g| child_text(g, "DBSubnetGroupName"))
                .map(str::to_string),
        }
    }
}

pub(crate) fn instance_in(xml: &str, action: &str) -> Result<Instance> {
    let doc = parse(xml, action)?;
    let node = doc
        .descendants()
        .find(|n| n.has_tag_name("DBInstance"))
        .ok_or_else(|| anyhow::anyhow!("the answer to {action} holds no DBInstance"))?;
    Ok(Instance::from_xml(node))
}

fn id(identifier: &str) -> [(&'static str, String); 1] {
    [("DBInstanceIdentifier", identifier.to_string())]
}

pub async fn describe(aws: &Aws, identifier: &str) -> Result<Instance> {
    let xml = aws
        .call(Service::Rds, "DescribeDBInstances", &id(identifier))
        .await?;
    instance_in(&xml, "DescribeDBInstances")
}

pub async fn start(aws: &Aws, identifier: &str) -> Result<Instance> {
    let xml = aws
        .call(Service::Rds, "StartDBInstance", &id(identifier))
        .await?;
    instance_in(&xml, "StartDBInstance")
}

pub async fn stop(aws: &Aws, identifier: &str) -> Result<Instance> {
    let xml = aws
        .call(Service::Rds, "StopDBInstance", &id(identifier))
        .await?;
    instance_in(&xml, "StopDBInstance")
}

/// Poll `describe` every `every` until the state is `wanted`, calling `changed(state,
/// elapsed)` once per state seen (the first included). RDS has no waiter for `stopped`, and a
/// start passes through `starting`, `configuring-enhanced-monitoring`, `backing-up`...; a state
/// After asking instance `id` to change: with `limits` (`--wait`: how long in all, how long
/// between two looks), poll until it is `wanted`, one line per state and a spinner between;
/// without, say how to look.
pub async fn settle(
    aws: &Aws,
    id: &str,
    wanted: &str,
    limits: Option<(Duration, Duration)>,
) -> Result<()> {
    let Some((limit, every)) = limits else {
        ui::note(format_args!(
            "`cruddur-db rds status --instance {id}` shows its state; --wait waits until it is {wanted}"
        ));
        return Ok(());
    };
    let spinner = ui::Progress::spinner(format!("waiting for {id} to be {wanted}"));
    let outcome = wait_for(
        wanted,
        limit,
        every,
        || describe(aws, id),
        |state, elapsed| {
            spinner.status(
                "rds",
                format_args!("{id} is {state} {}", ui::format_elapsed(elapsed)),
            );
        },
    )
    .await;
    spinner.finish();
    outcome.map(|_| ())
}

/// with no way to `wanted` (`failed`, `deleting`) ends it early.
pub async fn wait_for<F, Fut>(
    wanted: &str,
    limit: Duration,
    every: Duration,
    mut describe: F,
    mut changed: impl FnMut(&str, Duration),
) -> Result<Instance>
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = Result<Instance>>,
{
    let started = Instant::now();
    let mut last = String::new();
    loop {
        let instance = describe().await?;
        if instance.status != last {
            last.clone_from(&instance.status);
            changed(&last, started.elapsed());
        }
        if instance.status == wanted {
            return Ok(instance);
        }
        if DEAD_ENDS.contains(&instance.status.as_str()) {
            return Err(Fail::new(
                Exit::Aws,
                format!(
                    "instance {} is {}: it will not become {wanted}",
                    instance.identifier, instance.status
                ),
            )
            .hint("look at the instance's events in the RDS console")
            .into());
        }
        if started.elapsed() + every > limit {
            return Err(Fail::new(
                Exit::Aws,
                format!(
                    "instance {} is still {} after {} s, not {wanted}",
                    instance.identifier,
                    instance.status,
                    limit.as_secs()
                ),
            )
            .hint("it goes on by itself: check later with `cruddur-db rds status`, or wait longer with --timeout SECS")
            .into());
        }
        tokio::time::sleep(every).await;
    }
}

/// States an instance does not leave for `available` or `stopped` by itself.
const DEAD_ENDS: [&str; 5] = [
    "failed",
    "deleting",
    "incompatible-parameters",
    "incompatible-restore",
    "storage-full",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_instance_and_region_come_from_the_endpoint() {
        assert_eq!(
            instance_of_host("cruddur-db-instance.czz1cuvepklc.ca-central-1.rds.amazonaws.com"),
            Some(("cruddur-db-instance".into(), "ca-central-1".into()))
        );
        assert_eq!(instance_of_host("localhost"), None);
        assert_eq!(instance_of_host("x.rds.amazonaws.com"), None);
    }

    #[test]
    fn describe_answers_are_read_with_certificate_and_restart_time() {
        let xml = r#"<DescribeDBInstancesResponse xmlns="http://rds.amazonaws.com/doc/2014-10-31/"><DescribeDBInstancesResult><DBInstances><DBInstance>
            <DBInstanceIdentifier>db1</DBInstanceIdentifier><DBInstanceStatus>stopped</DBInstanceStatus>
            <Endpoint><Address>db1.x.us-east-1.rds.amazonaws.com</Address><Port>5432</Port></Endpoint>
            <Engine>postgres</Engine><EngineVersion>15.4</EngineVersion><DBInstanceClass>db.t3.micro</DBInstanceClass>
            <AllocatedStorage>20</AllocatedStorage><PubliclyAccessible>true</PubliclyAccessible>
            <VpcSecurityGroups><VpcSecurityGroupMembership><VpcSecurityGroupId>sg-1</VpcSecurityGroupId></VpcSecurityGroupMembership></VpcSecurityGroups>
            <CertificateDetails><CAIdentifier>rds-ca-rsa2048-g1</CAIdentifier><ValidTill>2027-05-01T00:00:00Z</ValidTill></CertificateDetails>
            <AutomaticRestartTime>2026-12-03T10:00:00Z</AutomaticRestartTime>
            </DBInstance></DBInstances></DescribeDBInstancesResult></DescribeDBInstancesResponse>"#;
        let instance = instance_in(xml, "DescribeDBInstances").unwrap();
        assert_eq!(instance.status, "stopped");
        assert_eq!(instance.port, Some(5432));
        assert_eq!(instance.security_groups, ["sg-1"]);
        assert_eq!(
            instance.ca_certificate.as_deref(),
            Some("rds-ca-rsa2048-g1")
        );
        assert_eq!(
            instance.ca_certificate_valid_till.as_deref(),
            Some("2027-05-01T00:00:00Z")
        );
        assert_eq!(
            instance.automatic_restart_time.as_deref(),
            Some("2026-12-03T10:00:00Z")
        );
    }

    fn in_state(status: &str) -> Instance {
        Instance {
            identifier: "db1".into(),
            status: status.into(),
            endpoint: None,
            port: None,
            engine: "postgres".into(),
            engine_version: "15".into(),
            class: "db.t3.micro".into(),
            storage_gb: None,
            storage_type: None,
            publicly_accessible: true,
            security_groups: Vec::new(),
            ca_certificate: None,
            ca_certificate_valid_till: None,
            automatic_restart_time: None,
            backup_retention_days: None,
            iam_auth: false,
            resource_id: None,
            subnet_group: None,
        }
    }

    /// moto changes state at once, so the stopping/starting path is exercised here.
    #[tokio::test(start_paused = true)]
    async fn waiting_reports_each_state_once_until_the_wanted_one() {
        let mut states = ["stopping", "stopping", "stopped"].into_iter();
        let mut seen = Vec::new();
        let instance = wait_for(
            "stopped",
            Duration::from_secs(60),
            Duration::from_secs(10),
            || {
                let next = states.next().unwrap();
                async move { Ok(in_state(next)) }
            },
            |state, elapsed| seen.push((state.to_string(), elapsed.as_secs())),
        )
        .await
        .unwrap();
        assert_eq!(instance.status, "stopped");
        assert_eq!(
            seen,
            [("stopping".to_string(), 0), ("stopped".to_string(), 20)]
        );
    }

    #[tokio::test(start_paused = true)]
    async fn waiting_gives_up_at_the_limit_and_at_a_dead_end() {
        let err = wait_for(
            "available",
            Duration::from_secs(30),
            Duration::from_secs(10),
            || async { Ok(in_state("starting")) },
            |_, _| {},
        )
        .await
        .unwrap_err();
        assert!(
            format!("{err:#}").contains("still starting after 30 s"),
            "{err:#}"
        );
        let err = wait_for(
            "available",
            Duration::from_secs(30),
            Duration::from_secs(10),
            || async { Ok(in_state("failed")) },
            |_, _| {},
        )
        .await
        .unwrap_err();
        assert!(format!("{err:#}").contains("is failed: it will not become available"));
    }
}
