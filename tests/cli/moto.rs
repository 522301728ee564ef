//! The AWS emulator the `rds` tests talk to over real HTTP: moto's server (`scripts/moto`),
//! one per test binary, plus a raw Query API client the tests use to set up and read back
//! security groups and instances, independent of the code under test.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::process::{Command, Stdio};
use std::sync::OnceLock;
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::{Duration, Instant};

use crate::harness::{free_port, kill_at_exit, skip};

/// A running emulator.
pub struct Moto {
    pub port: u16,
    server: std::process::Child,
}

impl Drop for Moto {
    fn drop(&mut self) {
        let _ = self.server.kill();
        let _ = self.server.wait();
    }
}

fn moto_server() -> Option<String> {
    if let Ok(path) = std::env::var("CRUDDUR_TEST_MOTO_SERVER") {
        return Some(path);
    }
    let output = Command::new(concat!(env!("CARGO_MANIFEST_DIR"), "/scripts/moto"))
        .output()
        .ok()?;
    output
        .status
        .success()
        .then(|| String::from_utf8_lossy(&output.stdout).trim().to_string())
}

impl Moto {
    /// The emulator shared by the tests that need no authentication; `None` (a skip, which
    /// fails under CI) when moto cannot be installed.
    pub fn shared() -> Option<&'static Moto> {
        static SHARED: OnceLock<Option<Moto>> = OnceLock::new();
        let moto = SHARED.get_or_init(|| Moto::start(None));
        if moto.is_none() {
            skip("moto_server is not available: scripts/moto installs it with pip");
        }
        moto.as_ref()
    }

    /// An emulator that checks signatures and IAM permissions after `free` unauthenticated
    /// requests (moto's INITIAL_NO_AUTH_ACTION_COUNT), for the access tests.
    pub fn with_auth_after(free: u32) -> Option<Moto> {
        let moto = Moto::start(Some(free));
        if moto.is_none() {
            skip("moto_server is not available: scripts/moto installs it with pip");
        }
        moto
    }

    fn start(auth_after: Option<u32>) -> Option<Moto> {
        let server = moto_server()?;
        let port = free_port();
        let mut command = Command::new(server);
        command
            .args(["-H", "127.0.0.1", "-p", &port.to_string()])
            .stdout(Stdio::null())
            .stderr(Stdio::null());
        if let Some(free) = auth_after {
            command.env("INITIAL_NO_AUTH_ACTION_COUNT", free.to_string());
        }
        let server = command.spawn().expect("start moto_server");
        // The shared one is a static, never dropped.
        kill_at_exit(server.id());
        let started = Instant::now();
        while TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(
                started.elapsed() < Duration::from_secs(30),
                "moto_server did not listen on {port} within 30 s"
            );
            std::thread::sleep(Duration::from_millis(100));
        }
        Some(Moto { port, server })
    }

    pub fn url(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    /// Call `action` of `service` (`ec2`, `rds`, `iam`) unsigned, as moto accepts before it
    /// checks authentication; the answer's XML. Panics on an HTTP error, naming it.
    pub fn call(&self, service: &str, action: &str, params: &[(&str, &str)]) -> String {
        let version = match service {
            "ec2" => "2016-11-15",
            "rds" => "2014-10-31",
            _ => "2010-05-08",
        };
        let mut body = format!("Action={action}&Version={version}");
        for (key, value) in params {
            body.push('&');
            body.push_str(key);
            body.push('=');
            body.push_str(&encode(value));
        }
        let request = format!(
            "POST / HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n\
             Content-Type: application/x-www-form-urlencoded\r\n\
             Authorization: AWS4-HMAC-SHA256 Credential=testing/20260101/us-east-1/{service}/aws4_request, SignedHeaders=host, Signature=0\r\n\
             Content-Length: {}\r\n\r\n{body}",
            body.len(),
            port = self.port
        );
        let mut stream = TcpStream::connect(("127.0.0.1", self.port)).expect("reach moto");
        stream.write_all(request.as_bytes()).unwrap();
        let mut response = String::new();
        stream.read_to_string(&mut response).unwrap();
        let (head, body) = response.split_once("\r\n\r\n").unwrap_or((&response, ""));
        assert!(
            head.starts_with("HTTP/1.1 200") || head.starts_with("HTTP/1.0 200"),
            "moto refused {action}: {response}"
        );
        body.to_string()
    }

    /// A security group with one inbound rule for port 5432 from `cidr` described
    /// `description`; the group's id and the rule's id.
    pub fn security_group(&self, name: &str, cidr: &str, description: &str) -> (String, String) {
        let xml = self.call(
            "ec2",
            "CreateSecurityGroup",
            &[("GroupName", name), ("GroupDescription", name)],
        );
        let group = between(&xml, "<groupId>", "</groupId>");
        let xml = self.call(
            "ec2",
            "AuthorizeSecurityGroupIngress",
            &[
                ("GroupId", &group),
                ("IpPermissions.1.IpProtocol", "tcp"),
                ("IpPermissions.1.FromPort", "5432"),
                ("IpPermissions.1.ToPort", "5432"),
                ("IpPermissions.1.IpRanges.1.CidrIp", cidr),
                ("IpPermissions.1.IpRanges.1.Description", description),
            ],
        );
        let rule = between(&xml, "<securityGroupRuleId>", "</securityGroupRuleId>");
        (group, rule)
    }

    /// A publicly accessible PostgreSQL instance `id` in `group`; its endpoint host.
    pub fn instance(&self, id: &str, group: &str) -> String {
        self.instance_with(id, group, true)
    }

    /// A PostgreSQL instance `id` in `group`, reachable from the internet or not; its host.
    pub fn instance_with(&self, id: &str, group: &str, public: bool) -> String {
        self.instance_keeping(id, group, public, 1)
    }

    /// A PostgreSQL instance `id` in `group` keeping automatic backups `days` days (0: none,
    /// as Cruddur's was created); its host.
    pub fn instance_keeping(&self, id: &str, group: &str, public: bool, days: u32) -> String {
        let xml = self.call(
            "rds",
            "CreateDBInstance",
            &[
                ("DBInstanceIdentifier", id),
                ("Engine", "postgres"),
                ("DBInstanceClass", "db.t3.micro"),
                ("MasterUsername", "root"),
                ("MasterUserPassword", "not-a-real-secret"),
                ("AllocatedStorage", "20"),
                ("PubliclyAccessible", if public { "true" } else { "false" }),
                ("VpcSecurityGroupIds.VpcSecurityGroupId.1", group),
                ("BackupRetentionPeriod", &days.to_string()),
            ],
        );
        between(&xml, "<Address>", "</Address>")
    }

    /// The instance's snapshots as `(name, type, tagged created-by=cruddur-db)`, read with
    /// the emulator's own API.
    pub fn snapshots(&self, instance: &str) -> Vec<(String, String, bool)> {
        let xml = self.call(
            "rds",
            "DescribeDBSnapshots",
            &[("DBInstanceIdentifier", instance)],
        );
        xml.split("<DBSnapshot>")
            .skip(1)
            .map(|item| {
                (
                    between(item, "<DBSnapshotIdentifier>", "</DBSnapshotIdentifier>"),
                    between(item, "<SnapshotType>", "</SnapshotType>"),
                    item.contains("<Key>created-by</Key><Value>cruddur-db</Value>"),
                )
            })
            .collect()
    }

    /// The Python beside the emulator, which has botocore: the reference for IAM tokens.
    pub fn python() -> Option<std::path::PathBuf> {
        let server = moto_server()?;
        Some(std::path::Path::new(&server).with_file_name("python"))
    }

    /// The inbound rules of `group` as `(rule id, cidr, description)`.
    pub fn rules(&self, group: &str) -> Vec<(String, String, String)> {
        let xml = self.call(
            "ec2",
            "DescribeSecurityGroupRules",
            &[("Filter.1.Name", "group-id"), ("Filter.1.Value.1", group)],
        );
        xml.split("<item>")
            .skip(1)
            .filter(|item| item.contains("<isEgress>false</isEgress>"))
            .map(|item| {
                (
                    between(item, "<securityGroupRuleId>", "</securityGroupRuleId>"),
                    between(item, "<cidrIpv4>", "</cidrIpv4>")
                        + &between(item, "<cidrIpv6>", "</cidrIpv6>"),
                    between(item, "<description>", "</description>"),
                )
            })
            .collect()
    }

    /// The instance's state as DescribeDBInstances says it.
    pub fn state(&self, id: &str) -> String {
        let xml = self.call(
            "rds",
            "DescribeDBInstances",
            &[("DBInstanceIdentifier", id)],
        );
        between(&xml, "<DBInstanceStatus>", "</DBInstanceStatus>")
    }
}

/// The text between the first `start` and the `end` after it; empty when absent.
/// A suffix no other test in this run, or in another run sharing the emulator, gives its
/// security groups and instances: the process id and a counter.
pub fn unique_suffix() -> String {
    static NEXT: AtomicU32 = AtomicU32::new(0);
    format!(
        "{}-{}",
        std::process::id(),
        NEXT.fetch_add(1, Ordering::SeqCst)
    )
}

pub fn between(text: &str, start: &str, end: &str) -> String {
    text.split_once(start)
        .and_then(|(_, rest)| rest.split_once(end))
        .map(|(inside, _)| inside.to_string())
        .unwrap_or_default()
}

fn encode(value: &str) -> String {
    value
        .bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}
