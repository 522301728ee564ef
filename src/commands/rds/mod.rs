//! `rds status|start|stop|allow-ip|token`: the chores of the old aws-CLI scripts, for the
//! instance behind the production URL (`rds snapshot` is `snapshot.rs`).

mod snapshot;

use std::net::IpAddr;
use std::time::Instant;

use anyhow::Result;
use serde::Serialize;

use crate::aws::Aws;
use crate::aws::AwsEnv;
use crate::aws::diagnose::public_ip;
use crate::aws::ec2::{self, Rule};
use crate::aws::rds::{self, Instance};
use crate::cli::{RdsAction, RdsArgs, RdsWaitArgs};
use crate::context::RunContext;
use crate::error::{Exit, Fail};
use crate::{guard, ui};

pub async fn run(ctx: &RunContext, args: &RdsArgs) -> Result<()> {
    let env = ctx.aws();
    if let RdsAction::Token { json } = &args.action {
        return token(ctx, args.region.as_deref(), *json).await;
    }
    let (instance_id, region) =
        ctx.rds_instance(args.instance.as_deref(), args.region.as_deref())?;
    let aws = Aws::connect(env, region.as_deref()).await?;
    match &args.action {
        RdsAction::Token { .. } => unreachable!("answered above: a token needs no instance"),
        RdsAction::Snapshot { action } => snapshot::run(ctx, &aws, &instance_id, action).await,
        RdsAction::Status { json } => status(&aws, env, &instance_id, *json).await,
        RdsAction::Start(wait) => start(ctx, &aws, &instance_id, *wait).await,
        RdsAction::Stop(wait) => stop(ctx, &aws, &instance_id, *wait).await,
        RdsAction::AllowIp {
            ip,
            description,
            dry_run,
        } => {
            let ip = public_ip(&aws, env, ip.as_deref()).await?;
            let description = description
                .clone()
                .unwrap_or_else(|| default_description(env));
            allow_ip(&aws, env, &instance_id, ip, &description, *dry_run).await
        }
    }
}

/// `rds token --json`. Field names are documented in docs/.
#[derive(Serialize)]
struct TokenJson<'a> {
    token: &'a str,
    host: &'a str,
    port: u16,
    user: &'a str,
    region: &'a str,
    expires: String,
}

/// `rds token`: what `aws rds generate-db-auth-token` prints, for the production URL's first
/// host, port and user. The region: `--region`, else the host's, else the AWS configuration's.
async fn token(ctx: &RunContext, region: Option<&str>, json: bool) -> Result<()> {
    let target = ctx.production_target()?.ok_or_else(|| {
        Fail::new(
            Exit::Usage,
            "a token for which database? PROD_CONNECTION_URL is not set",
        )
        .hint("set PROD_CONNECTION_URL (no password needed) or pass --url")
    })?;
    let conn = &target.conn;
    let host = conn.first_host();
    let name = host.name();
    let region = region
        .map(str::to_string)
        .or_else(|| rds::instance_of_host(&name).map(|(_, region)| region));
    let aws = Aws::connect(ctx.aws(), region.as_deref()).await?;
    let token = crate::aws::token::generate(&aws, &name, host.port, conn.user()).await?;
    let expires = crate::clock::utc_rfc3339(
        token
            .expires
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs()),
    );
    if json {
        return ui::json(&TokenJson {
            token: &token.text,
            host: &name,
            port: host.port,
            user: conn.user(),
            region: &aws.region,
            expires,
        });
    }
    ui::note(format_args!(
        "for user {:?} at {name}:{} ({}), valid until {expires}",
        conn.user(),
        host.port,
        aws.region
    ));
    ui::raw(format!("{}\n", token.text).as_bytes())
}

fn default_description(env: &AwsEnv) -> String {
    format!(
        "cruddur-db {}@{}",
        env.user.as_deref().unwrap_or("user"),
        env.hostname.as_deref().unwrap_or("host")
    )
}

/// `rds status --json`. Field names are documented in docs/.
#[derive(Serialize)]
struct Status<'a> {
    region: &'a str,
    instance: &'a Instance,
    /// Inbound rules of the instance's security groups on its port.
    rules: Vec<&'a Rule>,
    ip: Option<IpStatus>,
}

#[derive(Serialize)]
struct IpStatus {
    address: String,
    source: String,
    admitted_by: Vec<String>,
}

async fn status(aws: &Aws, env: &AwsEnv, id: &str, json: bool) -> Result<()> {
    let instance = rds::describe(aws, id).await?;
    let port = instance.port.unwrap_or(5432);
    let rules = if instance.security_groups.is_empty() {
        Vec::new()
    } else {
        ec2::rules(aws, &instance.security_groups).await?
    };
    let inbound: Vec<&Rule> = rules.iter().filter(|r| r.inbound_on(port)).collect();
    // Status is for looking: a failed IP lookup leaves that line out instead of failing.
    let ip = public_ip(aws, env, None)
        .await
        .ok()
        .map(|(ip, source)| IpStatus {
            address: ip.to_string(),
            source,
            admitted_by: inbound
                .iter()
                .filter(|r| r.admits(ip, port))
                .map(|r| r.id.clone())
                .collect(),
        });
    if json {
        return ui::json(&Status {
            region: &aws.region,
            instance: &instance,
            rules: inbound,
            ip,
        });
    }
    let mut rows = vec![
        (
            "instance",
            format!("{} ({})", instance.identifier, aws.region),
        ),
        ("state", instance.status.clone()),
        (
            "endpoint",
            match &instance.endpoint {
                Some(host) => format!("{host}:{port}"),
                None => "none yet".to_string(),
            },
        ),
        (
            "engine",
            format!("{} {}", instance.engine, instance.engine_version),
        ),
        (
            "class",
            format!(
                "{}{}",
                instance.class,
                instance.storage_gb.map_or_else(String::new, |gb| format!(
                    ", {gb} GB {}",
                    instance.storage_type.as_deref().unwrap_or("")
                ))
            ),
        ),
        (
            "public",
            if instance.publicly_accessible {
                "yes"
            } else {
                "no: only reachable from inside its VPC"
            }
            .to_string(),
        ),
        ("groups", instance.security_groups.join(", ")),
    ];
    for rule in &inbound {
        rows.push(("inbound", rule.to_string()));
    }
    if let Some(ip) = &ip {
        let verdict = if ip.admitted_by.is_empty() {
            format!("NOT admitted on port {port}: run `cruddur-db rds allow-ip`")
        } else {
            format!("admitted by {}", ip.admitted_by.join(", "))
        };
        rows.push((
            "your IP",
            format!("{} (from {}): {verdict}", ip.address, ip.source),
        ));
    }
    if let Some(days) = instance.backup_retention_days {
        rows.push((
            "backups",
            match days {
                0 => "none kept automatically: `--snapshot` takes one before a production change"
                    .to_string(),
                days => format!("kept {days} day(s)"),
            },
        ));
    }
    if let Some(ca) = &instance.ca_certificate {
        let till = instance
            .ca_certificate_valid_till
            .as_ref()
            .map_or_else(String::new, |t| format!(", valid till {t}"));
        rows.push(("CA", format!("{ca}{till}")));
    }
    if instance.status == "stopped" {
        rows.push((
            "restarts",
            match &instance.automatic_restart_time {
                Some(at) => format!("RDS starts it again by itself at {at}"),
                None => "RDS starts a stopped instance again by itself 7 days after it stopped"
                    .to_string(),
            },
        ));
    }
    let text: String = rows
        .iter()
        .map(|(key, value)| format!("{key:<10} {value}\n"))
        .collect();
    ui::raw(text.as_bytes())
}

async fn start(ctx: &RunContext, aws: &Aws, id: &str, wait: RdsWaitArgs) -> Result<()> {
    let started = Instant::now();
    let instance = rds::describe(aws, id).await?;
    if instance.status == "available" {
        ui::status(
            "rds",
            format_args!("{id} is already available: nothing to do"),
        );
        return Ok(());
    }
    if instance.status != "starting" {
        rds::start(aws, id).await?;
    }
    ui::done(
        "rds",
        format_args!("asked {id} to start"),
        started.elapsed(),
    );
    rds::settle(aws, id, "available", ctx.wait().map(|_| wait.limits())).await
}

async fn stop(ctx: &RunContext, aws: &Aws, id: &str, wait: RdsWaitArgs) -> Result<()> {
    let started = Instant::now();
    let instance = rds::describe(aws, id).await?;
    if instance.status == "stopped" {
        ui::status(
            "rds",
            format_args!("{id} is already stopped: nothing to do"),
        );
        return Ok(());
    }
    if instance.status != "stopping" {
        if !ctx.yes {
            guard::confirm_typed(
                &format!("stop RDS instance {id} (the production database goes offline)"),
                "instance identifier",
                id,
            )
            .await?;
        }
        rds::stop(aws, id).await?;
    }
    ui::done(
        "rds",
        format_args!("asked {id} to stop (RDS starts it again by itself after 7 days)"),
        started.elapsed(),
    );
    rds::settle(aws, id, "stopped", ctx.wait().map(|_| wait.limits())).await
}

/// What `allow-ip` is about to do.
enum Change<'a> {
    Nothing(&'a Rule),
    Modify(&'a Rule),
    Add { group: &'a str },
}

async fn allow_ip(
    aws: &Aws,
    env: &AwsEnv,
    id: &str,
    (ip, source): (IpAddr, String),
    description: &str,
    dry_run: bool,
) -> Result<()> {
    let instance = rds::describe(aws, id).await?;
    let port = instance.port.unwrap_or(5432);
    let cidr = ec2::host_cidr(ip);
    let legacy = env.sg_id.as_ref().zip(env.sg_rule_id.as_ref());
    let groups = match legacy {
        Some((group, _)) => vec![group.clone()],
        None => instance.security_groups.clone(),
    };
    if groups.is_empty() {
        return Err(Fail::new(
            Exit::Aws,
            format!("instance {id} has no VPC security group"),
        )
        .hint("attach one in the RDS console, or set DB_SG_ID and DB_SG_RULE_ID")
        .into());
    }
    let rules = ec2::rules(aws, &groups).await?;
    let change = match legacy {
        Some((group, rule_id)) => {
            let rule = rules.iter().find(|r| &r.id == rule_id).ok_or_else(|| {
                Fail::new(Exit::Aws, format!("security group {group} has no rule {rule_id} (DB_SG_RULE_ID)"))
                    .hint("copy the rule's ID from the EC2 console, or unset DB_SG_ID and DB_SG_RULE_ID to let cruddur-db manage its own rule")
            })?;
            if rule.cidr.as_deref() == Some(cidr.as_str()) && rule.covers_port(port) {
                Change::Nothing(rule)
            } else {
                Change::Modify(rule)
            }
        }
        None => match rules
            .iter()
            // Ours by description, of this address's family: AWS cannot turn an IPv6 rule
            // into an IPv4 one, so each family keeps a rule of its own.
            .find(|r| {
                r.description.as_deref() == Some(description)
                    && r.covers_port(port)
                    && r.cidr.as_deref().is_some_and(|c| ec2::same_family(c, ip))
            }) {
            Some(ours) if ours.cidr.as_deref() == Some(cidr.as_str()) => Change::Nothing(ours),
            Some(ours) => Change::Modify(ours),
            None => match rules.iter().find(|r| r.admits(ip, port)) {
                Some(other) => Change::Nothing(other),
                None => Change::Add { group: &groups[0] },
            },
        },
    };
    let verb = if dry_run { "would" } else { "will" };
    ui::status(
        "rds",
        format_args!("your IP is {ip} (from {source}); port {port} of {id}"),
    );
    let description = match (&change, legacy) {
        // The old scripts' rule keeps its own description unless one is given.
        (Change::Modify(rule), Some(_)) => rule
            .description
            .clone()
            .unwrap_or_else(|| description.to_string()),
        _ => description.to_string(),
    };
    match change {
        Change::Nothing(rule) => {
            ui::status(
                "rds",
                format_args!("already admitted by {rule}: nothing changed"),
            );
        }
        Change::Modify(rule) => {
            ui::note(format_args!("before: {rule}"));
            let after = Rule {
                cidr: Some(cidr.clone()),
                from_port: i32::from(port),
                to_port: i32::from(port),
                protocol: "tcp".to_string(),
                description: Some(description.clone()),
                ..rule.clone()
            };
            ui::note(format_args!("after:  {after}"));
            if !dry_run {
                ec2::modify(aws, &rule.group_id, &rule.id, port, &cidr, &description).await?;
            }
            ui::status("rds", format_args!("{} {verb} admit {cidr}", rule.id));
        }
        Change::Add { group } => {
            ui::note("before: no rule of cruddur-db's for this user");
            if dry_run {
                ui::note(format_args!(
                    "after:  {group} tcp port {port} from {cidr} ({description:?})"
                ));
            } else {
                let new = ec2::authorize(aws, group, port, &cidr, &description).await?;
                ui::note(format_args!(
                    "after:  {} {group} tcp port {port} from {cidr} ({description:?})",
                    new.as_deref().unwrap_or("(new rule)")
                ));
            }
            ui::status(
                "rds",
                format_args!("{group} {verb} admit {cidr} on port {port}"),
            );
        }
    }
    Ok(())
}
