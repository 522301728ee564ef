//! `rds status|start|stop|allow-ip` and doctor's AWS check, against moto's emulator over real
//! HTTP: signed requests, XML answers, the rules left behind read back with the emulator's API.

use std::io::{Read, Write};
use std::net::TcpListener;
use std::sync::atomic::{AtomicU32, Ordering};

use predicates::prelude::*;

use crate::harness::{Project, output_text, silent_server};
use crate::moto::{Moto, unique_suffix};

/// An instance of its own in the shared emulator, in a group with one rule from 1.2.3.4.
struct Rds {
    moto: &'static Moto,
    project: Project,
    id: String,
    host: String,
    group: String,
    rule: String,
}

fn rds() -> Option<Rds> {
    let moto = Moto::shared()?;
    let n = unique_suffix();
    let (group, rule) = moto.security_group(&format!("db-{n}"), "1.2.3.4/32", "GITPOD");
    let id = format!("cruddur-{n}");
    let host = moto.instance(&id, &group);
    Some(Rds {
        moto,
        project: Project::without_sql(),
        id,
        host,
        group,
        rule,
    })
}

impl Rds {
    /// cruddur-db with the emulator's endpoint, test credentials and a production URL on the
    /// instance's endpoint: what a developer's `.env` and `~/.aws` give it.
    fn cruddur(&self) -> assert_cmd::Command {
        let mut command = self.project.cruddur();
        command
            .env("AWS_ACCESS_KEY_ID", "testing")
            .env("AWS_SECRET_ACCESS_KEY", "testing")
            .env("AWS_ENDPOINT_URL", self.moto.url())
            .env("AWS_EC2_METADATA_DISABLED", "true")
            .env(
                "PROD_CONNECTION_URL",
                format!("postgresql://root:pw@{}:5432/cruddur", self.host),
            );
        command
    }

    fn rules(&self) -> Vec<(String, String, String)> {
        self.moto.rules(&self.group)
    }
}

#[test]
fn the_instance_and_region_come_from_the_production_url() {
    let Some(rds) = rds() else { return };
    assert!(
        rds.host.ends_with(".us-east-1.rds.amazonaws.com"),
        "{}",
        rds.host
    );
    let output = rds
        .cruddur()
        .args(["rds", "status", "--json"])
        .env("MY_IP", "1.2.3.4")
        .assert()
        .success()
        .get_output()
        .clone();
    let status: serde_json::Value = serde_json::from_str(&output_text(&output).0).unwrap();
    assert_eq!(status["region"], "us-east-1");
    assert_eq!(status["instance"]["identifier"], rds.id.as_str());
    assert_eq!(status["instance"]["status"], "available");
    assert_eq!(status["instance"]["engine"], "postgres");
    assert_eq!(status["instance"]["port"], 5432);
    assert_eq!(status["instance"]["publicly_accessible"], true);
    assert_eq!(status["instance"]["security_groups"][0], rds.group.as_str());
    assert_eq!(status["rules"][0]["id"], rds.rule.as_str());
    assert_eq!(status["rules"][0]["cidr"], "1.2.3.4/32");
    assert_eq!(status["ip"]["address"], "1.2.3.4");
    assert_eq!(status["ip"]["source"], "MY_IP");
    assert_eq!(status["ip"]["admitted_by"][0], rds.rule.as_str());
    rds.cruddur()
        .args(["rds", "status"])
        .env("MY_IP", "5.6.7.8")
        .assert()
        .success()
        .stdout(predicate::str::contains("state      available"))
        .stdout(predicate::str::contains(
            "5.6.7.8 (from MY_IP): NOT admitted on port 5432: run `cruddur-db rds allow-ip`",
        ));
}

#[test]
fn allow_ip_with_the_old_scripts_ids_modifies_that_rule_and_nothing_else() {
    let Some(rds) = rds() else { return };
    let (_, other) = rds.moto.security_group("unrelated", "9.9.9.9/32", "office");
    rds.cruddur()
        .args(["rds", "allow-ip"])
        .env("DB_SG_ID", &rds.group)
        .env("DB_SG_RULE_ID", &rds.rule)
        .env("GITPOD_IP", "5.6.7.8")
        .assert()
        .success()
        .stderr(predicate::str::contains("before: "))
        .stderr(predicate::str::contains("from 1.2.3.4/32"))
        .stderr(predicate::str::contains("after:  "))
        .stderr(predicate::str::contains("from 5.6.7.8/32 (\"GITPOD\")"));
    assert_eq!(
        rds.rules(),
        [(rds.rule.clone(), "5.6.7.8/32".into(), "GITPOD".into())]
    );
    assert!(!other.is_empty());
}

#[test]
fn allow_ip_without_configuration_adds_its_own_rule_moves_it_and_is_idempotent() {
    let Some(rds) = rds() else { return };
    let allow = |ip: &str| {
        rds.cruddur()
            .args(["rds", "allow-ip", "--description", "cruddur-db dev@laptop"])
            .env("GITPOD_IP", ip)
            .assert()
            .success()
            .get_output()
            .clone()
    };
    allow("5.6.7.8");
    let rules = rds.rules();
    assert_eq!(rules.len(), 2, "{rules:?}");
    let ours = rules
        .iter()
        .find(|r| r.2 == "cruddur-db dev@laptop")
        .cloned()
        .expect("a rule of ours");
    assert_eq!(ours.1, "5.6.7.8/32");
    let again = output_text(&allow("5.6.7.8")).1;
    assert!(again.contains("nothing changed"), "{again}");
    assert_eq!(rds.rules().len(), 2);
    allow("5.6.7.9");
    let moved = rds.rules();
    assert_eq!(moved.len(), 2, "{moved:?}");
    assert!(moved.contains(&(ours.0.clone(), "5.6.7.9/32".into(), ours.2.clone())));
    assert!(moved.contains(&(rds.rule.clone(), "1.2.3.4/32".into(), "GITPOD".into())));
    rds.cruddur()
        .args([
            "rds",
            "allow-ip",
            "--description",
            "cruddur-db dev@laptop",
            "--ip",
            "2001:db8::7",
            "--dry-run",
        ])
        .assert()
        .success()
        .stderr(predicate::str::contains("from 2001:db8::7/128"))
        .stderr(predicate::str::contains("would admit"));
    assert_eq!(rds.rules(), moved, "--dry-run changed a rule");
}

/// A one-page HTTP server answering every request with `body`, as checkip.amazonaws.com does.
fn checkip(body: &'static str) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}/", listener.local_addr().unwrap());
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let mut stream = stream;
            let mut request = [0u8; 1024];
            let _ = stream.read(&mut request);
            let _ = write!(
                stream,
                "HTTP/1.1 200 OK\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
                body.len()
            );
        }
    });
    url
}

#[test]
fn allow_ip_asks_checkip_when_no_ip_is_given() {
    let Some(rds) = rds() else { return };
    rds.cruddur()
        .args(["rds", "allow-ip", "--description", "mine"])
        .env("CRUDDUR_CHECKIP_URL", checkip("198.51.100.9\n"))
        .assert()
        .success()
        .stderr(predicate::str::contains(
            "your IP is 198.51.100.9 (from http://127.0.0.1:",
        ));
    assert!(
        rds.rules().contains(&(
            rds.rules()
                .iter()
                .find(|r| r.2 == "mine")
                .unwrap()
                .0
                .clone(),
            "198.51.100.9/32".into(),
            "mine".into()
        ))
    );
    rds.cruddur()
        .args(["rds", "allow-ip"])
        .env("CRUDDUR_CHECKIP_URL", checkip("<html>busy</html>"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("is not an IP address"))
        .stderr(predicate::str::contains("--ip"));
}

#[test]
fn stop_and_start_wait_for_the_state_and_are_no_ops_when_already_there() {
    let Some(rds) = rds() else { return };
    rds.cruddur()
        .args(["rds", "stop", "--wait", "--poll", "1"])
        .assert()
        .code(6)
        .stderr(predicate::str::contains("refusing to stop RDS instance"));
    assert_eq!(rds.moto.state(&rds.id), "available");
    rds.cruddur()
        .args(["rds", "stop", "--yes", "--wait", "--poll", "1"])
        .assert()
        .success()
        .stderr(predicate::str::contains(format!("{} is stopped (", rds.id)));
    assert_eq!(rds.moto.state(&rds.id), "stopped");
    rds.cruddur()
        .args(["rds", "status"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "RDS starts a stopped instance again by itself",
        ));
    rds.cruddur()
        .args(["rds", "stop", "--yes"])
        .assert()
        .success()
        .stderr(predicate::str::contains("already stopped: nothing to do"));
    rds.cruddur()
        .args(["rds", "start", "--wait", "--poll", "1"])
        .assert()
        .success()
        .stderr(predicate::str::contains(format!(
            "{} is available (",
            rds.id
        )));
    assert_eq!(rds.moto.state(&rds.id), "available");
    rds.cruddur()
        .args(["rds", "start"])
        .assert()
        .success()
        .stderr(predicate::str::contains("already available: nothing to do"));
}

#[test]
fn a_missing_instance_is_an_aws_error_with_a_hint() {
    let Some(rds) = rds() else { return };
    rds.cruddur()
        .args(["rds", "status", "--instance", "no-such-instance"])
        .assert()
        .code(9)
        .stderr(predicate::str::contains(
            "AWS refused rds:DescribeDBInstances",
        ))
        .stderr(predicate::str::contains("DBInstanceNotFound"))
        .stderr(predicate::str::contains(
            "hint: check the instance identifier (--instance)",
        ));
    rds.project
        .cruddur()
        .args(["rds", "status"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("which RDS instance?"));
}

#[test]
fn a_wrong_secret_and_a_missing_permission_are_refused_by_name() {
    // Two free requests: creating a user and its key; everything after is authenticated.
    let Some(moto) = Moto::with_auth_after(2) else {
        return;
    };
    moto.call("iam", "CreateUser", &[("UserName", "dev")]);
    let xml = moto.call("iam", "CreateAccessKey", &[("UserName", "dev")]);
    let key = crate::moto::between(&xml, "<AccessKeyId>", "</AccessKeyId>");
    let secret = crate::moto::between(&xml, "<SecretAccessKey>", "</SecretAccessKey>");
    let project = Project::without_sql();
    let run = |secret: &str| {
        let mut command = project.cruddur();
        command
            .args([
                "rds",
                "status",
                "--instance",
                "db1",
                "--region",
                "us-east-1",
                "-v",
            ])
            .env("AWS_ACCESS_KEY_ID", &key)
            .env("AWS_SECRET_ACCESS_KEY", secret)
            .env("AWS_ENDPOINT_URL", moto.url())
            .env("AWS_EC2_METADATA_DISABLED", "true");
        command.assert().code(9).get_output().clone()
    };
    let wrong = run("not-the-secret");
    let stderr = output_text(&wrong).1;
    assert!(stderr.contains("SignatureDoesNotMatch"), "{stderr}");
    assert!(
        stderr.contains("AWS did not accept the credentials"),
        "{stderr}"
    );
    assert!(
        !stderr.contains("not-the-secret"),
        "the secret was printed:\n{stderr}"
    );
    let denied = run(&secret);
    let stderr = output_text(&denied).1;
    assert!(stderr.contains("lacks rds:DescribeDBInstances"), "{stderr}");
    assert!(
        !stderr.contains(&secret),
        "the secret was printed:\n{stderr}"
    );
}

#[test]
fn doctor_asks_aws_why_a_silent_rds_host_does_not_answer() {
    let Some(rds) = rds() else { return };
    let (_listener, port) = silent_server();
    let doctor = |ip: &str| {
        let output = rds
            .cruddur()
            .args(["--prod", "doctor", "--json"])
            .env(
                "PROD_CONNECTION_URL",
                format!(
                    "postgresql://root:pw@{}:{port}/cruddur?hostaddr=127.0.0.1&connect_timeout=1",
                    rds.host
                ),
            )
            .env("MY_IP", ip)
            .assert()
            .code(3)
            .get_output()
            .clone();
        let steps: serde_json::Value = serde_json::from_str(&output_text(&output).0).unwrap();
        let failed = steps
            .as_array()
            .unwrap()
            .iter()
            .find(|s| s["ok"] == false)
            .cloned()
            .unwrap();
        failed["hint"].as_str().unwrap().to_string()
    };
    let hint = doctor("5.6.7.8");
    assert!(
        hint.contains("do not admit your IP 5.6.7.8 on port 5432")
            && hint.contains("cruddur-db rds allow-ip"),
        "{hint}"
    );
    let hint = doctor("1.2.3.4");
    assert!(
        hint.contains("admit 1.2.3.4 on port 5432: check the network"),
        "{hint}"
    );
    rds.moto.call(
        "rds",
        "StopDBInstance",
        &[("DBInstanceIdentifier", &rds.id)],
    );
    let hint = doctor("1.2.3.4");
    assert!(
        hint.contains("is stopped: start it with `cruddur-db rds start --wait`"),
        "{hint}"
    );
    let private = rds
        .moto
        .instance_with(&format!("{}-private", rds.id), &rds.group, false);
    let output = rds
        .cruddur()
        .args([
            "--url",
            &format!(
                "postgresql://root:pw@{private}:{port}/cruddur?hostaddr=127.0.0.1&connect_timeout=1"
            ),
            "doctor",
        ])
        .env("MY_IP", "1.2.3.4")
        .assert()
        .code(3)
        .get_output()
        .clone();
    let stderr = output_text(&output).1;
    assert!(stderr.contains("is not publicly accessible"), "{stderr}");
    let without = rds
        .project
        .cruddur()
        .args([
            "--url",
            &format!(
                "postgresql://root:pw@{}:{port}/cruddur?hostaddr=127.0.0.1&connect_timeout=1",
                rds.host
            ),
            "doctor",
        ])
        .env("AWS_EC2_METADATA_DISABLED", "true")
        .assert()
        .code(3)
        .get_output()
        .clone();
    let stderr = output_text(&without).1;
    assert!(
        stderr.contains("the instance may be stopped; with AWS credentials"),
        "{stderr}"
    );
}

#[test]
fn throttling_and_server_errors_are_tried_again() {
    let Some(rds) = rds() else { return };
    // An RDS endpoint that is throttled, then fails, then passes the request on to moto.
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let endpoint = format!("http://{}/", listener.local_addr().unwrap());
    let upstream = rds.moto.port;
    let served = std::sync::Arc::new(AtomicU32::new(0));
    let count = served.clone();
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let mut client = stream;
            let mut request = Vec::new();
            let mut buffer = [0u8; 8192];
            // Headers, then as much body as Content-Length says.
            loop {
                let n = client.read(&mut buffer).unwrap_or(0);
                request.extend_from_slice(&buffer[..n]);
                let text = String::from_utf8_lossy(&request).to_string();
                if let Some((head, body)) = text.split_once("\r\n\r\n") {
                    let length: usize = head
                        .lines()
                        .find_map(|l| {
                            l.to_ascii_lowercase()
                                .strip_prefix("content-length:")
                                .map(|v| v.trim().parse().unwrap_or(0))
                        })
                        .unwrap_or(0);
                    if body.len() >= length || n == 0 {
                        break;
                    }
                }
            }
            let answer = match count.fetch_add(1, Ordering::SeqCst) {
                0 => {
                    let body = "<ErrorResponse><Error><Code>Throttling</Code><Message>Rate exceeded</Message></Error></ErrorResponse>";
                    format!("HTTP/1.1 400 Bad Request\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}", body.len())
                }
                1 => "HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\nConnection: close\r\n\r\n".to_string(),
                _ => {
                    let mut moto = std::net::TcpStream::connect(("127.0.0.1", upstream)).unwrap();
                    let text = String::from_utf8_lossy(&request).replace("Connection: keep-alive", "Connection: close");
                    let text = if text.to_ascii_lowercase().contains("connection: close") {
                        text
                    } else {
                        text.replacen("\r\n", "\r\nConnection: close\r\n", 1)
                    };
                    moto.write_all(text.as_bytes()).unwrap();
                    let mut answer = String::new();
                    moto.read_to_string(&mut answer).unwrap();
                    answer
                }
            };
            let _ = client.write_all(answer.as_bytes());
        }
    });
    rds.cruddur()
        .args(["rds", "status"])
        .env("AWS_ENDPOINT_URL_RDS", &endpoint)
        .env("MY_IP", "1.2.3.4")
        .assert()
        .success()
        .stdout(predicate::str::contains("state      available"));
    assert_eq!(
        served.load(Ordering::SeqCst),
        3,
        "one throttled, one failed, one passed on"
    );
}

#[test]
fn allow_ip_keeps_a_rule_per_address_family() {
    let Some(rds) = rds() else { return };
    let allow = |ip: &str| {
        rds.cruddur()
            .args([
                "rds",
                "allow-ip",
                "--description",
                "cruddur-db dev@laptop",
                "--ip",
                ip,
            ])
            .assert()
            .success();
    };
    allow("2001:db8::7");
    allow("5.6.7.8");
    let mut ours: Vec<String> = rds
        .rules()
        .into_iter()
        .filter(|rule| rule.2 == "cruddur-db dev@laptop")
        .map(|rule| rule.1)
        .collect();
    ours.sort();
    assert_eq!(ours, ["2001:db8::7/128", "5.6.7.8/32"]);
    // Moving within a family still moves that family's rule.
    allow("5.6.7.9");
    assert_eq!(
        rds.rules()
            .iter()
            .filter(|rule| rule.2 == "cruddur-db dev@laptop")
            .count(),
        2
    );
}

#[test]
fn doctor_and_rds_take_my_ip_from_the_same_variable_in_the_documented_order() {
    let Some(rds) = rds() else { return };
    let (_listener, port) = silent_server();
    // The rule admits 1.2.3.4 only: doctor's verdict says which address it looked at.
    let both = |command: &mut assert_cmd::Command| {
        command.env("GITPOD_IP", "1.2.3.4").env("MY_IP", "5.6.7.8");
    };
    let mut status = rds.cruddur();
    both(&mut status);
    status
        .args(["rds", "status"])
        .assert()
        .success()
        .stdout(predicate::str::contains("1.2.3.4 (from GITPOD_IP)"));
    let mut doctor = rds.cruddur();
    both(&mut doctor);
    let output = doctor
        .args(["--prod", "doctor"])
        .env(
            "PROD_CONNECTION_URL",
            format!(
                "postgresql://root:pw@{}:{port}/cruddur?hostaddr=127.0.0.1&connect_timeout=1",
                rds.host
            ),
        )
        .assert()
        .code(3)
        .get_output()
        .clone();
    let stderr = output_text(&output).1;
    assert!(stderr.contains("admit 1.2.3.4 on port 5432"), "{stderr}");
    assert!(!stderr.contains("5.6.7.8"), "{stderr}");
}
