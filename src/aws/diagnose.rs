//! Why an RDS host does not answer, asked of AWS (`doctor`), and this machine's public IP as
//! the security groups see it (`rds allow-ip`, `rds status`, `doctor`).

use std::net::IpAddr;

use anyhow::{Context, Result};

use super::AwsEnv;
use super::{Aws, AwsError, ec2, rds};
use crate::error::{Exit, Fail};

/// This machine's public IP: `explicit`, else the environment's, else checkip.
pub async fn public_ip(
    aws: &Aws,
    env: &AwsEnv,
    explicit: Option<&str>,
) -> Result<(IpAddr, String)> {
    let (text, source) = match (explicit, &env.ip) {
        (Some(ip), _) => (ip.to_string(), "--ip".to_string()),
        (None, Some((name, value))) => (value.clone(), name.to_string()),
        (None, None) => {
            let found = aws.get_text(&env.checkip_url).await.with_context(|| {
                Fail::new(
                    Exit::Aws,
                    format!(
                        "could not learn this machine's public IP from {}",
                        env.checkip_url
                    ),
                )
                .hint("pass --ip IP, or set MY_IP")
            })?;
            (found, env.checkip_url.clone())
        }
    };
    let ip = text.trim().parse::<IpAddr>().map_err(|_| {
        Fail::new(
            Exit::Usage,
            format!("{text:?} (from {source}) is not an IP address"),
        )
        .hint("pass --ip with an IPv4 or IPv6 address, e.g. --ip 203.0.113.7")
    })?;
    Ok((ip, source))
}

/// What doctor learns from AWS about an RDS host that does not answer.
pub enum Diagnosis {
    /// AWS answered: the verdict replaces doctor's guess.
    Aws(String),
    /// AWS could not be asked: how to let doctor ask.
    Unavailable(String),
}

/// Ask AWS why the RDS instance behind `host` does not answer: stopped, not publicly
/// accessible, or a security group that does not admit this machine's IP.
pub async fn diagnose(env: &AwsEnv, host: &str, my_ip_hint: Option<&str>) -> Option<Diagnosis> {
    let (id, host_region) = rds::instance_of_host(host)?;
    let region = env.region.clone().unwrap_or(host_region);
    let Ok(aws) = Aws::connect(env, Some(&region)).await else {
        return Some(Diagnosis::Unavailable(
            "with AWS credentials (AWS_PROFILE, or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY) doctor asks AWS whether the instance is stopped or its security groups admit you".to_string(),
        ));
    };
    let instance = match rds::describe(&aws, &id).await {
        Ok(instance) => instance,
        Err(err) => {
            let code = AwsError::code_in(&err).unwrap_or("no answer");
            return Some(Diagnosis::Unavailable(format!(
                "AWS could not describe instance {id} ({code}); `cruddur-db rds status` tells more"
            )));
        }
    };
    if instance.status != "available" {
        return Some(Diagnosis::Aws(format!(
            "AWS says instance {id} is {}: start it with `cruddur-db rds start --wait`",
            instance.status
        )));
    }
    if !instance.publicly_accessible {
        return Some(Diagnosis::Aws(format!(
            "AWS says instance {id} is not publicly accessible: only clients inside its VPC reach it (modify the instance to be publicly accessible, or connect from inside)"
        )));
    }
    let port = instance.port.unwrap_or(5432);
    let ip = match my_ip_hint.and_then(|ip| ip.parse().ok()) {
        Some(ip) => ip,
        None => public_ip(&aws, env, None).await.ok()?.0,
    };
    let rules = ec2::rules(&aws, &instance.security_groups).await.ok()?;
    Some(Diagnosis::Aws(
        if rules.iter().any(|r| r.admits(ip, port)) {
            format!(
                "AWS says instance {id} is available and its security groups admit {ip} on port {port}: check the network between you and it"
            )
        } else {
            format!(
                "AWS says the security groups of instance {id} ({}) do not admit your IP {ip} on port {port}: run `cruddur-db rds allow-ip`",
                instance.security_groups.join(", ")
            )
        },
    ))
}
