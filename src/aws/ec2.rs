//! Security group rules: reading a group's inbound rules, whether one admits an IP on a port,
//! changing one rule, and adding one.

use std::net::IpAddr;

use anyhow::Result;
use serde::Serialize;

use super::{Aws, Service, child_text, parse};

/// One inbound or outbound rule, as DescribeSecurityGroupRules gives it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Rule {
    pub id: String,
    pub group_id: String,
    pub egress: bool,
    /// `tcp`, `udp`, `icmp` or `-1` (all).
    pub protocol: String,
    pub from_port: i32,
    pub to_port: i32,
    /// `1.2.3.4/32` or `2001:db8::1/128`; `None` for rules naming a group or prefix list.
    pub cidr: Option<String>,
    pub description: Option<String>,
}

impl Rule {
    /// Whether this is an inbound rule whose ports include `port` (any protocol, any source).
    pub fn inbound_on(&self, port: u16) -> bool {
        !self.egress
            && (self.protocol == "-1"
                || self.from_port == -1
                || (self.from_port..=self.to_port).contains(&i32::from(port)))
    }

    /// Whether this inbound rule lets `ip` reach `port` over TCP.
    pub fn admits(&self, ip: IpAddr, port: u16) -> bool {
        let protocol = self.protocol == "-1"
            || self.protocol.eq_ignore_ascii_case("tcp")
            || self.protocol == "6";
        self.inbound_on(port)
            && protocol
            && self.cidr.as_deref().is_some_and(|c| cidr_contains(c, ip))
    }

    /// Whether this inbound rule is about `port` over TCP (what `allow-ip` may change).
    pub fn covers_port(&self, port: u16) -> bool {
        !self.egress
            && self.protocol.eq_ignore_ascii_case("tcp")
            && self.from_port == i32::from(port)
            && self.to_port == i32::from(port)
    }
}

impl std::fmt::Display for Rule {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let ports = if self.from_port == self.to_port {
            self.from_port.to_string()
        } else {
            format!("{}-{}", self.from_port, self.to_port)
        };
        write!(
            f,
            "{} {} {} port {ports} from {}",
            self.id,
            self.group_id,
            self.protocol,
            self.cidr.as_deref().unwrap_or("(a group or prefix list)")
        )?;
        if let Some(description) = &self.description {
            write!(f, " ({description:?})")?;
        }
        Ok(())
    }
}

/// `ip` as the CIDR a rule admits it with: /32 for IPv4, /128 for IPv6.
pub fn host_cidr(ip: IpAddr) -> String {
    match ip {
        IpAddr::V4(v4) => format!("{v4}/32"),
        IpAddr::V6(v6) => format!("{v6}/128"),
    }
}

/// Whether `cidr` is of `ip`'s address family.
pub fn same_family(cidr: &str, ip: IpAddr) -> bool {
    let net = cidr.split_once('/').map_or(cidr, |(net, _)| net);
    net.parse::<IpAddr>()
        .is_ok_and(|net| net.is_ipv4() == ip.is_ipv4())
}

fn cidr_contains(cidr: &str, ip: IpAddr) -> bool {
    let (net, bits) = cidr.split_once('/').unwrap_or((cidr, ""));
    let Ok(net) = net.parse::<IpAddr>() else {
        return false;
    };
    match (net, ip) {
        (IpAddr::V4(net), IpAddr::V4(ip)) => {
            let bits: u32 = bits.parse().unwrap_or(32).min(32);
            let mask = u32::MAX.checked_shl(32 - bits).unwrap_or(0);
            u32::from(net) & mask == u32::from(ip) & mask
        }
        (IpAddr::V6(net), IpAddr::V6(ip)) => {
            let bits: u32 = bits.parse().unwrap_or(128).min(128);
            let mask = u128::MAX.checked_shl(128 - bits).unwrap_or(0);
            u128::from(net) & mask == u128::from(ip) & mask
        }
        _ => false,
    }
}

fn rules_in(xml: &str, action: &str) -> Result<Vec<Rule>> {
    let doc = parse(xml, action)?;
    Ok(doc
        .descendants()
        .filter(|n| n.has_tag_name("item") && child_text(*n, "securityGroupRuleId").is_some())
        .map(|n| {
            let text = |tag: &str| child_text(n, tag).map(str::to_string);
            let port = |tag: &str| text(tag).and_then(|p| p.parse().ok()).unwrap_or(-1);
            Rule {
                id: text("securityGroupRuleId").unwrap_or_default(),
                group_id: text("groupId").unwrap_or_default(),
                egress: text("isEgress").as_deref() == Some("true"),
                protocol: text("ipProtocol").unwrap_or_default(),
                from_port: port("fromPort"),
                to_port: port("toPort"),
                cidr: text("cidrIpv4").or_else(|| text("cidrIpv6")),
                description: text("description"),
            }
        })
        .collect())
}

/// Every rule of `groups`.
pub async fn rules(aws: &Aws, groups: &[String]) -> Result<Vec<Rule>> {
    let mut params = vec![("Filter.1.Name".to_string(), "group-id".to_string())];
    params.extend(
        groups
            .iter()
            .enumerate()
            .map(|(i, group)| (format!("Filter.1.Value.{}", i + 1), group.clone())),
    );
    let xml = aws
        .call(Service::Ec2, "DescribeSecurityGroupRules", &params)
        .await?;
    rules_in(&xml, "DescribeSecurityGroupRules")
}

/// The fields of a TCP inbound rule for one port from `cidr`, under `prefix`.
fn rule_fields(prefix: &str, port: u16, cidr: &str, description: &str) -> Vec<(String, String)> {
    let family = if cidr.contains(':') {
        "CidrIpv6"
    } else {
        "CidrIpv4"
    };
    vec![
        (format!("{prefix}IpProtocol"), "tcp".to_string()),
        (format!("{prefix}FromPort"), port.to_string()),
        (format!("{prefix}ToPort"), port.to_string()),
        (format!("{prefix}{family}"), cidr.to_string()),
        (format!("{prefix}Description"), description.to_string()),
    ]
}

/// Point rule `rule_id` of `group` at `cidr` on `port`.
pub async fn modify(
    aws: &Aws,
    group: &str,
    rule_id: &str,
    port: u16,
    cidr: &str,
    description: &str,
) -> Result<()> {
    let mut params = vec![
        ("GroupId".to_string(), group.to_string()),
        (
            "SecurityGroupRule.1.SecurityGroupRuleId".to_string(),
            rule_id.to_string(),
        ),
    ];
    params.extend(rule_fields(
        "SecurityGroupRule.1.SecurityGroupRule.",
        port,
        cidr,
        description,
    ));
    aws.call(Service::Ec2, "ModifySecurityGroupRules", &params)
        .await?;
    Ok(())
}

/// Add an inbound rule to `group` admitting `cidr` on `port`; its id.
pub async fn authorize(
    aws: &Aws,
    group: &str,
    port: u16,
    cidr: &str,
    description: &str,
) -> Result<Option<String>> {
    let (range, field) = if cidr.contains(':') {
        ("Ipv6Ranges", "CidrIpv6")
    } else {
        ("IpRanges", "CidrIp")
    };
    let p = "IpPermissions.1.";
    let params = [
        ("GroupId".to_string(), group.to_string()),
        (format!("{p}IpProtocol"), "tcp".to_string()),
        (format!("{p}FromPort"), port.to_string()),
        (format!("{p}ToPort"), port.to_string()),
        (format!("{p}{range}.1.{field}"), cidr.to_string()),
        (format!("{p}{range}.1.Description"), description.to_string()),
    ];
    let xml = aws
        .call(Service::Ec2, "AuthorizeSecurityGroupIngress", &params)
        .await?;
    Ok(rules_in(&xml, "AuthorizeSecurityGroupIngress")?
        .into_iter()
        .next()
        .map(|r| r.id))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rule(cidr: &str, from: i32, to: i32) -> Rule {
        Rule {
            id: "sgr-1".into(),
            group_id: "sg-1".into(),
            egress: false,
            protocol: "tcp".into(),
            from_port: from,
            to_port: to,
            cidr: Some(cidr.into()),
            description: None,
        }
    }

    #[test]
    fn a_rule_admits_an_ip_inside_its_cidr_on_its_ports() {
        let ip: IpAddr = "203.0.113.7".parse().unwrap();
        assert!(rule("203.0.113.7/32", 5432, 5432).admits(ip, 5432));
        assert!(rule("203.0.113.0/24", 5000, 6000).admits(ip, 5432));
        assert!(rule("0.0.0.0/0", 5432, 5432).admits(ip, 5432));
        assert!(!rule("203.0.113.8/32", 5432, 5432).admits(ip, 5432));
        assert!(!rule("203.0.113.7/32", 22, 22).admits(ip, 5432));
        let v6: IpAddr = "2001:db8::1".parse().unwrap();
        assert!(rule("2001:db8::/32", 5432, 5432).admits(v6, 5432));
        assert!(!rule("203.0.113.7/32", 5432, 5432).admits(v6, 5432));
    }

    #[test]
    fn host_cidrs_are_32_for_ipv4_and_128_for_ipv6() {
        assert_eq!(host_cidr("1.2.3.4".parse().unwrap()), "1.2.3.4/32");
        assert_eq!(host_cidr("2001:db8::1".parse().unwrap()), "2001:db8::1/128");
    }

    #[test]
    fn rule_answers_are_read() {
        let xml = r#"<DescribeSecurityGroupRulesResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/"><securityGroupRuleSet>
            <item><securityGroupRuleId>sgr-1</securityGroupRuleId><groupId>sg-1</groupId><isEgress>false</isEgress>
            <ipProtocol>tcp</ipProtocol><fromPort>5432</fromPort><toPort>5432</toPort><cidrIpv4>1.2.3.4/32</cidrIpv4>
            <description>GITPOD</description><tagSet/></item></securityGroupRuleSet></DescribeSecurityGroupRulesResponse>"#;
        let rules = rules_in(xml, "DescribeSecurityGroupRules").unwrap();
        assert_eq!(rules.len(), 1);
        assert_eq!(rules[0].description.as_deref(), Some("GITPOD"));
        assert!(rules[0].covers_port(5432));
    }
}
