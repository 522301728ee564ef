//! IAM database authentication: the token compared with the one botocore makes for the same
//! credentials, host, port, user, region and time; connections to a TLS-only server (like
//! RDS) whose role's password is that token; doctor's advice when a token is refused.

use std::process::Command;

use predicates::prelude::*;

use crate::harness::{Project, literal, output_text};
use crate::moto::{Moto, between};
use crate::tls::tls_cluster;

/// Credentials with a session token, as SSO and assumed roles give: the token travels in the
/// signed URL, the secret never.
const KEY_ID: &str = "AKIAIOSFODNN7EXAMPLE";
const SECRET: &str = "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";
const SESSION: &str = "IQoJb3JpZ2luX2VjEFAKESESSIONTOKEN+/=";
/// 2026-12-04T10:00:00Z: tokens signed at a known instant can be compared.
const SIGNED_AT: u64 = 1_796_378_400;

/// What botocore's `generate_db_auth_token` makes with the same inputs at [`SIGNED_AT`].
fn botocore_token(host: &str, port: u16, user: &str, region: &str) -> Option<String> {
    let python = Moto::python()?;
    let script = r#"
import datetime, sys
from unittest import mock
import boto3, botocore.auth
host, port, user, region, at = sys.argv[1:]
session = boto3.session.Session(region_name=region)
when = datetime.datetime.fromtimestamp(int(at), datetime.timezone.utc).replace(tzinfo=None)
with mock.patch.object(botocore.auth, "get_current_datetime", return_value=when):
    print(session.client("rds").generate_db_auth_token(host, int(port), user, Region=region))
"#;
    let output = Command::new(python)
        .args(["-c", script, host, &port.to_string(), user, region])
        .arg(SIGNED_AT.to_string())
        .env_clear()
        .env("AWS_ACCESS_KEY_ID", KEY_ID)
        .env("AWS_SECRET_ACCESS_KEY", SECRET)
        .env("AWS_SESSION_TOKEN", SESSION)
        .env("AWS_EC2_METADATA_DISABLED", "true")
        .output()
        .expect("run botocore");
    assert!(
        output.status.success(),
        "botocore failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    Some(String::from_utf8(output.stdout).unwrap().trim().to_string())
}

/// cruddur-db with the credentials above, signing at [`SIGNED_AT`].
fn signed(project: &Project) -> assert_cmd::Command {
    let mut command = project.cruddur();
    command
        .env("AWS_ACCESS_KEY_ID", KEY_ID)
        .env("AWS_SECRET_ACCESS_KEY", SECRET)
        .env("AWS_SESSION_TOKEN", SESSION)
        .env("AWS_EC2_METADATA_DISABLED", "true")
        .env("CRUDDUR_DB_DEBUG_AWS_TIME", SIGNED_AT.to_string());
    command
}

fn assert_no_secret(text: &str) {
    assert!(
        !text.contains(SECRET),
        "the secret key was printed:\n{text}"
    );
    assert!(
        !text.contains(SESSION) && !text.contains("SESSIONTOKEN"),
        "the session token was printed:\n{text}"
    );
}

#[test]
fn rds_token_is_the_token_botocore_makes_for_the_same_credentials_and_time() {
    let host = "cruddur-db-instance.czz1cuvepklc.ca-central-1.rds.amazonaws.com";
    let user = "cruddur app@x";
    let Some(expected) = botocore_token(host, 5432, user, "ca-central-1") else {
        return;
    };
    let project = Project::without_sql();
    let url = format!("postgresql://cruddur%20app%40x@{host}:5432/cruddur?sslmode=require");
    // The region comes from the host name: no AWS_REGION here.
    let output = signed(&project)
        .env("PROD_CONNECTION_URL", &url)
        .args(["-v", "rds", "token"])
        .assert()
        .success()
        .get_output()
        .clone();
    let (stdout, stderr) = output_text(&output);
    assert_eq!(stdout, format!("{expected}\n"));
    assert!(
        stderr.contains("valid until 2026-12-04T10:15:00Z"),
        "{stderr}"
    );
    assert_no_secret(&stderr);
    let output = signed(&project)
        .env("PROD_CONNECTION_URL", &url)
        .args(["rds", "token", "--json"])
        .assert()
        .success()
        .get_output()
        .clone();
    let json: serde_json::Value = serde_json::from_str(&output_text(&output).0).unwrap();
    assert_eq!(json["token"], expected.as_str());
    assert_eq!(json["host"], host);
    assert_eq!(json["port"], 5432);
    assert_eq!(json["user"], user);
    assert_eq!(json["region"], "ca-central-1");
    assert_eq!(json["expires"], "2026-12-04T10:15:00Z");
}

#[test]
fn a_host_written_in_mixed_case_is_signed_in_lower_case_as_botocore_signs_it() {
    let host = "Cruddur-DB-Instance.CZZ1CUVEPKLC.ca-central-1.rds.amazonaws.com";
    let Some(expected) = botocore_token(host, 5432, "cruddur", "ca-central-1") else {
        return;
    };
    let project = Project::without_sql();
    let output = signed(&project)
        .env(
            "PROD_CONNECTION_URL",
            format!("postgresql://cruddur@{host}:5432/cruddur?sslmode=require"),
        )
        .args(["rds", "token"])
        .assert()
        .success()
        .get_output()
        .clone();
    assert_eq!(output_text(&output).0, format!("{expected}\n"));
}

/// A role on the TLS-only cluster whose password is botocore's token for it at localhost.
struct IamRole {
    name: String,
    token: String,
}

impl Drop for IamRole {
    fn drop(&mut self) {
        tls_cluster().cleanup(&format!("DROP ROLE IF EXISTS {}", self.name));
    }
}

fn iam_role(tag: &str) -> Option<IamRole> {
    let cluster = tls_cluster();
    let name = format!("iam_{tag}_{}", std::process::id());
    let token = botocore_token("localhost", cluster.port, &name, "us-east-1")?;
    cluster.psql(
        "postgres",
        &format!("CREATE ROLE {name} LOGIN PASSWORD {}", literal(&token)),
    );
    Some(IamRole { name, token })
}

fn tls_url(user: &str, sslmode: &str) -> String {
    let cluster = tls_cluster();
    format!(
        "postgresql://{user}@localhost:{}/postgres?sslmode={sslmode}&sslrootcert={}",
        cluster.port,
        cluster.tls_file("ca.crt").display()
    )
}

#[test]
fn every_production_connection_signs_in_with_a_token_psql_included() {
    let Some(role) = iam_role("conn") else { return };
    let project = Project::without_sql();
    let url = tls_url(&role.name, "verify-full");
    let iam = |project: &Project| {
        let mut command = signed(project);
        command
            .env("AWS_REGION", "us-east-1")
            .env("PROD_CONNECTION_URL", &url)
            // A stale password in the environment: the token wins over it.
            .env("PGPASSWORD", "stale");
        command
    };
    iam(&project).args(["--prod", "sessions"]).assert().code(4);
    let output = iam(&project)
        .env("CRUDDUR_DB_IAM_AUTH", "true")
        .args(["-v", "--prod", "sessions"])
        .assert()
        .success()
        .get_output()
        .clone();
    let (stdout, stderr) = output_text(&output);
    assert_no_secret(&format!("{stdout}{stderr}"));
    assert!(
        !stderr.contains(&role.token),
        "the token was printed:\n{stderr}"
    );
    iam(&project)
        .args([
            "--prod",
            "--iam",
            "connect",
            "--",
            "-X",
            "-A",
            "-t",
            "-c",
            "SELECT current_user",
        ])
        .assert()
        .success()
        .stdout(format!("{}\n", role.name));
}

#[test]
fn a_token_is_never_sent_without_tls() {
    let Some(role) = iam_role("plain") else {
        return;
    };
    let project = Project::without_sql();
    signed(&project)
        .env("PROD_CONNECTION_URL", tls_url(&role.name, "prefer"))
        .args(["--prod", "--iam", "sessions"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "error: IAM database authentication needs TLS, and sslmode is prefer (from PROD_CONNECTION_URL)\n",
        ))
        .stderr(predicate::str::contains("sslmode=require"));
    // A server without TLS: the way out is not a weaker sslmode, which IAM refuses.
    let plain = crate::harness::shared();
    signed(&project)
        .env("AWS_REGION", "us-east-1")
        .env(
            "PROD_CONNECTION_URL",
            format!(
                "postgresql://{}@127.0.0.1:{}/postgres?sslmode=require",
                role.name, plain.port
            ),
        )
        .args(["--prod", "--iam", "sessions"])
        .assert()
        .code(4)
        .stderr(predicate::str::contains(
            "IAM database authentication needs it",
        ))
        .stderr(predicate::str::contains("sslmode=prefer").not());
    // A password of the URL's own is used as it is: IAM only fills in a missing one.
    let with_password = tls_url(&role.name, "verify-full").replacen("@", ":not-the-token@", 1);
    signed(&project)
        .env("PROD_CONNECTION_URL", with_password)
        .args(["--prod", "--iam", "sessions"])
        .assert()
        .code(4)
        .stderr(predicate::str::contains(
            "the password came from PROD_CONNECTION_URL",
        ));
}

#[test]
fn a_refused_token_gets_the_policy_resource_to_grant() {
    let Some(moto) = Moto::shared() else { return };
    let cluster = tls_cluster();
    let name = format!("iam_refused_{}", std::process::id());
    cluster.psql(
        "postgres",
        &format!("CREATE ROLE {name} LOGIN PASSWORD 'not-a-token'"),
    );
    let _role = IamRole {
        name: name.clone(),
        token: String::new(),
    };
    let (group, _) = moto.security_group(&format!("iam-{name}"), "1.2.3.4/32", "office");
    let instance = format!("iam-{}", std::process::id());
    moto.instance(&instance, &group);
    let xml = moto.call(
        "rds",
        "DescribeDBInstances",
        &[("DBInstanceIdentifier", &instance)],
    );
    let resource = between(&xml, "<DbiResourceId>", "</DbiResourceId>");
    let project = Project::without_sql();
    let run = |args: &[&str]| {
        let mut command = signed(&project);
        command
            .env("AWS_REGION", "us-east-1")
            .env("AWS_ENDPOINT_URL", moto.url())
            .env("PROD_CONNECTION_URL", tls_url(&name, "verify-full"))
            .env("CRUDDUR_DB_RDS_INSTANCE", &instance)
            .env("CRUDDUR_DB_IAM_AUTH", "true")
            .args(args)
            .assert()
    };
    run(&["--prod", "sessions"])
        .code(4)
        .stderr(predicate::str::contains("the IAM token was refused"))
        .stderr(predicate::str::contains(format!(
            "GRANT rds_iam TO \"{name}\""
        )));
    let output = run(&["--prod", "doctor"]).code(4).get_output().clone();
    let (stdout, stderr) = output_text(&output);
    let text = format!("{stdout}{stderr}");
    assert!(
        text.contains(&format!(
            "arn:aws:rds-db:us-east-1:123456789012:dbuser:{resource}/{name}"
        )),
        "{text}"
    );
    assert!(
        text.contains("an IAM token signed for each connection"),
        "{text}"
    );
    assert_no_secret(&text);
}
