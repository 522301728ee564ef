//! The only module that talks to AWS: credentials from the standard chain (aws-config), each
//! request signed with SigV4 (aws-sigv4, the SDK's own signer) and sent over rustls/ring to the
//! EC2 and RDS Query APIs, retried on throttling and 5xx as the SDK does, XML answers read.
//! Whole SDK clients would cost every fresh build ten minutes for six calls.

pub mod diagnose;
pub mod ec2;
pub mod rds;
pub mod snapshot;
pub mod token;

use std::time::{Duration, SystemTime};

use anyhow::{Context, Result};
use aws_config::BehaviorVersion;
use aws_credential_types::provider::ProvideCredentials;
use aws_sigv4::http_request::{SignableBody, SignableRequest, SigningSettings, sign};
use aws_sigv4::sign::v4;
use aws_smithy_http_client::tls::{self, rustls_provider::CryptoMode};
use aws_smithy_runtime_api::client::identity::Identity;
use http_body_util::{BodyExt, Full};
use hyper_util::client::legacy::Client as HyperClient;
use hyper_util::client::legacy::connect::HttpConnector;
use hyper_util::rt::TokioExecutor;

use crate::error::{Exit, Fail};
use crate::ui;

/// The environment of the `rds` commands and doctor's AWS check.
#[derive(Debug, Clone)]
pub struct AwsEnv {
    /// `AWS_REGION`, else `AWS_DEFAULT_REGION`.
    pub region: Option<String>,
    /// `AWS_ENDPOINT_URL`, and the per-service `AWS_ENDPOINT_URL_EC2` / `_RDS` that win over it.
    pub endpoint: Option<String>,
    pub endpoint_ec2: Option<String>,
    pub endpoint_rds: Option<String>,
    /// The old scripts' security group and rule IDs (`rds-update-sg-rule`).
    pub sg_id: Option<String>,
    pub sg_rule_id: Option<String>,
    /// This machine's public IP and the variable that gave it: the first of `GITPOD_IP`,
    /// `CODESPACES_IP` and `MY_IP` that is set (the one documented order).
    pub ip: Option<(&'static str, String)>,
    /// Where to discover the public IP (`CRUDDUR_CHECKIP_URL`, for tests).
    pub checkip_url: String,
    /// `CRUDDUR_DB_RDS_INSTANCE`: the production instance, when its URL's host is not an RDS
    /// endpoint (a CNAME, a proxy, a tunnel).
    pub instance: Option<String>,
    /// Debug builds only (`CRUDDUR_DB_DEBUG_AWS_TIME`, Unix seconds): the time signatures
    /// carry, so tests can compare a token with botocore's for the same instant.
    pub clock: Option<std::time::SystemTime>,
    pub user: Option<String>,
    pub hostname: Option<String>,
}

/// How long one request may take, and how often a throttled or failed one is tried.
const REQUEST_TIMEOUT: Duration = Duration::from_secs(20);
const ATTEMPTS: u32 = 3;

type Https = hyper_rustls::HttpsConnector<HttpConnector>;

/// A signed-request client for one region.
pub struct Aws {
    pub region: String,
    credentials: aws_credential_types::provider::SharedCredentialsProvider,
    http: HyperClient<Https, Full<bytes::Bytes>>,
    endpoint_ec2: String,
    endpoint_rds: String,
    endpoint_sts: String,
    /// When requests and tokens are signed: now, except in tests of debug builds.
    clock: Option<SystemTime>,
}

/// Which API a call goes to: its signing name, Query API version and endpoint.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Service {
    Ec2,
    Rds,
    /// Only `GetCallerIdentity`: the account an IAM policy resource names.
    Sts,
}

impl Service {
    fn name(self) -> &'static str {
        match self {
            Service::Ec2 => "ec2",
            Service::Rds => "rds",
            Service::Sts => "sts",
        }
    }

    fn version(self) -> &'static str {
        match self {
            Service::Ec2 => "2016-11-15",
            Service::Rds => "2014-10-31",
            Service::Sts => "2011-06-15",
        }
    }
}

/// AWS said no: its code and message, kept for callers that branch on the code.
#[derive(Debug)]
pub struct AwsError {
    pub code: String,
    pub message: String,
}

impl std::fmt::Display for AwsError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} ({})", self.message, self.code)
    }
}

impl std::error::Error for AwsError {}

impl AwsError {
    /// The error's code, anywhere in `err`'s chain.
    pub fn code_in(err: &anyhow::Error) -> Option<&str> {
        err.chain()
            .find_map(|cause| cause.downcast_ref::<AwsError>())
            .map(|e| e.code.as_str())
    }
}

impl Aws {
    /// A client for `region` (else the environment's or profile's). Credentials are looked up
    /// now, so a missing or broken chain fails here with a hint, not halfway through.
    pub async fn connect(env: &AwsEnv, region: Option<&str>) -> Result<Aws> {
        let smithy_http = aws_smithy_http_client::Builder::new()
            .tls_provider(tls::Provider::Rustls(CryptoMode::Ring))
            .build_https();
        let mut loader = aws_config::defaults(BehaviorVersion::latest()).http_client(smithy_http);
        if let Some(region) = region.or(env.region.as_deref()) {
            loader = loader.region(aws_config::Region::new(region.to_string()));
        }
        let sdk = loader.load().await;
        let region = sdk.region().map(|r| r.to_string()).ok_or_else(|| {
            Fail::new(Exit::Aws, "no AWS region: the production URL's host is not an RDS endpoint and none is configured")
                .hint("pass --region, or set AWS_REGION (or `region` in ~/.aws/config)")
        })?;
        let credentials = sdk.credentials_provider().ok_or_else(no_credentials)?;
        credentials
            .provide_credentials()
            .await
            .map_err(|err| no_credentials().hint(format!(
                "the AWS credential chain found none ({}); set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, AWS_PROFILE, or run `aws sso login`",
                chain_of(&err)
            )))?;
        let endpoint = |specific: &Option<String>, service: &str| {
            specific
                .clone()
                .or_else(|| env.endpoint.clone())
                .or_else(|| sdk.endpoint_url().map(str::to_string))
                .unwrap_or_else(|| default_endpoint(service, &region))
        };
        let https = hyper_rustls::HttpsConnectorBuilder::new()
            .with_provider_and_native_roots(std::sync::Arc::new(
                rustls::crypto::ring::default_provider(),
            ))
            .context("could not load this system's CA certificates")?
            .https_or_http()
            .enable_http1()
            .build();
        Ok(Aws {
            endpoint_ec2: endpoint(&env.endpoint_ec2, "ec2"),
            endpoint_rds: endpoint(&env.endpoint_rds, "rds"),
            endpoint_sts: endpoint(&None, "sts"),
            clock: env.clock,
            region,
            credentials,
            http: HyperClient::builder(TokioExecutor::new()).build(https),
        })
    }

    /// Call `action` with `params`; the answer's XML. Throttling and 5xx are tried again with
    /// backoff; anything else AWS refuses is an [`AwsError`] naming the permission it needs.
    pub async fn call(
        &self,
        service: Service,
        action: &str,
        params: &[(impl AsRef<str>, impl AsRef<str>)],
    ) -> Result<String> {
        let mut body = url::form_urlencoded::Serializer::new(String::new());
        body.append_pair("Action", action)
            .append_pair("Version", service.version());
        for (key, value) in params {
            body.append_pair(key.as_ref(), value.as_ref());
        }
        let body = body.finish();
        let endpoint = match service {
            Service::Ec2 => &self.endpoint_ec2,
            Service::Rds => &self.endpoint_rds,
            Service::Sts => &self.endpoint_sts,
        };
        let permission = format!("{}:{action}", service.name());
        ui::verbose(format_args!("> POST {endpoint} Action={action}"));
        let mut attempt = 0;
        loop {
            attempt += 1;
            let (status, text) = self.send(service, endpoint, &body).await.with_context(|| {
                Fail::new(
                    Exit::Aws,
                    format!("could not reach AWS at {endpoint} for {permission}"),
                )
                .hint("check the network, or AWS_ENDPOINT_URL if you set one")
            })?;
            if status.is_success() {
                return Ok(text);
            }
            let (code, message) = error_of(&text).unwrap_or_else(|| {
                (
                    format!("HTTP {}", status.as_u16()),
                    text.chars().take(200).collect(),
                )
            });
            let throttled = matches!(
                code.as_str(),
                "Throttling"
                    | "ThrottlingException"
                    | "RequestLimitExceeded"
                    | "TooManyRequestsException"
                    | "RequestThrottled"
            );
            if (throttled || status.is_server_error()) && attempt < ATTEMPTS {
                // The SDK's standard retry: exponential backoff with full jitter.
                let cap = 100u64 << attempt;
                let jitter = SystemTime::now()
                    .duration_since(SystemTime::UNIX_EPOCH)
                    .map_or(0, |d| u64::from(d.subsec_nanos()));
                tokio::time::sleep(Duration::from_millis(cap / 2 + jitter % (cap / 2 + 1))).await;
                continue;
            }
            let hint = hint_for(&code, &permission);
            let refused = format!("AWS refused {permission}");
            return Err(anyhow::Error::new(AwsError { code, message })
                .context(Fail::new(Exit::Aws, refused).hint(hint)));
        }
    }

    async fn send(
        &self,
        service: Service,
        endpoint: &str,
        body: &str,
    ) -> Result<(http::StatusCode, String)> {
        let credentials = self
            .credentials
            .provide_credentials()
            .await
            .map_err(|_| no_credentials())?;
        let identity: Identity = credentials.into();
        let params = v4::SigningParams::builder()
            .identity(&identity)
            .region(&self.region)
            .name(service.name())
            .time(self.signing_time())
            .settings(SigningSettings::default())
            .build()
            .context("could not sign the AWS request")?
            .into();
        let content_type = "application/x-www-form-urlencoded; charset=utf-8";
        let signable = SignableRequest::new(
            "POST",
            endpoint,
            [("content-type", content_type)].into_iter(),
            SignableBody::Bytes(body.as_bytes()),
        )
        .context("could not sign the AWS request")?;
        let (instructions, _) = sign(signable, &params)
            .context("could not sign the AWS request")?
            .into_parts();
        let mut request = http::Request::post(endpoint)
            .header("content-type", content_type)
            .body(Full::new(bytes::Bytes::from(body.to_string())))
            .context("bad AWS endpoint URL")?;
        instructions.apply_to_request_http1x(&mut request);
        self.fetch(request).await
    }

    /// The time signatures carry.
    fn signing_time(&self) -> SystemTime {
        self.clock.unwrap_or_else(SystemTime::now)
    }

    /// GET `url` as text: the public-IP discovery (`checkip.amazonaws.com`).
    pub async fn get_text(&self, url: &str) -> Result<String> {
        let request = http::Request::get(url)
            .body(Full::new(bytes::Bytes::new()))
            .with_context(|| format!("{url} is not a URL"))?;
        let (status, text) = self.fetch(request).await?;
        anyhow::ensure!(status.is_success(), "HTTP {}", status.as_u16());
        Ok(text.trim().to_string())
    }

    /// Send `request` and read the whole answer, within [`REQUEST_TIMEOUT`].
    async fn fetch(
        &self,
        request: http::Request<Full<bytes::Bytes>>,
    ) -> Result<(http::StatusCode, String)> {
        let response = tokio::time::timeout(REQUEST_TIMEOUT, self.http.request(request))
            .await
            .map_err(|_| anyhow::anyhow!("no answer within {} s", REQUEST_TIMEOUT.as_secs()))??;
        let status = response.status();
        let bytes = response.into_body().collect().await?.to_bytes();
        Ok((status, String::from_utf8_lossy(&bytes).into_owned()))
    }
}

pub(crate) fn no_credentials() -> Fail {
    Fail::new(Exit::Aws, "no AWS credentials")
        .hint("set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or AWS_PROFILE (run `aws sso login` for SSO profiles)")
}

/// The credential chain's reason: which provider, file or profile failed. A provider may quote
/// what it could not parse (a `credential_process`'s output), so anything shaped like a key or
/// token is masked.
fn chain_of(err: &aws_credential_types::provider::error::CredentialsError) -> String {
    let mut text = err.to_string();
    let mut source = std::error::Error::source(err);
    while let Some(cause) = source {
        text.push_str(": ");
        text.push_str(&cause.to_string());
        source = cause.source();
    }
    mask_tokens(&text)
}

/// Runs of base64 characters long enough to be a key (access keys are 20, secrets 40, tokens
/// hundreds) become `***`; absolute paths stay.
fn mask_tokens(text: &str) -> String {
    let is_token = |c: char| c.is_ascii_alphanumeric() || matches!(c, '/' | '+' | '=');
    let mut out = String::with_capacity(text.len());
    let mut run = String::new();
    for c in text.chars().chain(std::iter::once(' ')) {
        if is_token(c) {
            run.push(c);
            continue;
        }
        // A path starts with / and has short words between its slashes; a key is one long
        // word, slashes and all.
        let long_word = (run.len() >= 20 && !run.starts_with('/'))
            || run.split('/').any(|part| part.len() >= 16);
        out.push_str(if long_word { "***" } else { &run });
        run.clear();
        out.push(c);
    }
    out.pop();
    out
}

fn default_endpoint(service: &str, region: &str) -> String {
    let suffix = if region.starts_with("cn-") {
        "amazonaws.com.cn"
    } else {
        "amazonaws.com"
    };
    format!("https://{service}.{region}.{suffix}/")
}

/// `<Error><Code>..</Code><Message>..</Message></Error>`, as both APIs answer a refusal.
fn error_of(xml: &str) -> Option<(String, String)> {
    let doc = roxmltree::Document::parse(xml).ok()?;
    let error = doc.descendants().find(|n| n.has_tag_name("Error"))?;
    let text = |tag: &str| {
        error
            .children()
            .find(|n| n.has_tag_name(tag))
            .and_then(|n| n.text())
            .unwrap_or("")
            .to_string()
    };
    Some((text("Code"), text("Message")))
}

fn hint_for(code: &str, permission: &str) -> String {
    match code {
        "AccessDenied" | "AccessDeniedException" | "UnauthorizedOperation" | "AuthFailure" => format!(
            "the AWS identity in use lacks {permission}: add it to its IAM policy (docs/production.md lists the policy each command needs)"
        ),
        "SignatureDoesNotMatch" | "InvalidClientTokenId" | "IncompleteSignature" | "InvalidSignatureException" => {
            "AWS did not accept the credentials: check AWS_SECRET_ACCESS_KEY (or the profile's secret) belongs to the access key ID".to_string()
        }
        "ExpiredToken" | "ExpiredTokenException" | "RequestExpired" => {
            "the session credentials expired: log in again (`aws sso login`) or refresh AWS_SESSION_TOKEN".to_string()
        }
        "DBInstanceNotFound" | "DBInstanceNotFoundFault" => {
            "check the instance identifier (--instance) and the region (--region, AWS_REGION)".to_string()
        }
        "DBSnapshotNotFound" | "DBSnapshotNotFoundFault" => {
            "check the name: `cruddur-db rds snapshot list --all` lists the instance's snapshots".to_string()
        }
        "DBSnapshotAlreadyExists" | "DBSnapshotAlreadyExistsFault" => {
            "choose another name, or leave it out for a new one with the time in it".to_string()
        }
        "InvalidDBInstanceState" | "InvalidDBInstanceStateFault" => {
            "wait until the instance is available or stopped (`cruddur-db rds status`), then try again".to_string()
        }
        _ => format!("see the AWS documentation for {permission}"),
    }
}

/// The text of the first `tag` under `node`.
pub(crate) fn child_text<'a>(node: roxmltree::Node<'a, 'a>, tag: &str) -> Option<&'a str> {
    node.children()
        .find(|n| n.has_tag_name(tag))
        .and_then(|n| n.text())
}

/// Parse an answer, naming the action when AWS (or an emulator) sent something else.
pub(crate) fn parse<'a>(xml: &'a str, action: &str) -> Result<roxmltree::Document<'a>> {
    roxmltree::Document::parse(xml).with_context(|| {
        Fail::new(Exit::Aws, format!("the answer to {action} is not XML"))
            .hint("check AWS_ENDPOINT_URL")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors_of_both_apis_are_read() {
        let rds = "<ErrorResponse><Error><Type>Sender</Type><Code>DBInstanceNotFound</Code><Message>DBInstance x not found.</Message></Error></ErrorResponse>";
        assert_eq!(
            error_of(rds),
            Some((
                "DBInstanceNotFound".into(),
                "DBInstance x not found.".into()
            ))
        );
        let ec2 = "<Response><Errors><Error><Code>UnauthorizedOperation</Code><Message>You are not authorized</Message></Error></Errors></Response>";
        assert_eq!(error_of(ec2).unwrap().0, "UnauthorizedOperation");
    }

    #[test]
    fn an_access_error_names_the_permission() {
        assert!(
            hint_for("UnauthorizedOperation", "ec2:ModifySecurityGroupRules")
                .contains("lacks ec2:ModifySecurityGroupRules")
        );
    }

    #[test]
    fn keys_and_tokens_in_credential_errors_are_masked() {
        assert_eq!(
            mask_tokens(
                "invalid JSON: {\"SecretAccessKey\":\"wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\"}"
            ),
            "invalid JSON: {\"SecretAccessKey\":\"***\"}"
        );
        assert_eq!(
            mask_tokens(
                "profile `dev` in /home/developer/projects/.aws/credentials was not defined"
            ),
            "profile `dev` in /home/developer/projects/.aws/credentials was not defined"
        );
        assert_eq!(
            mask_tokens("key AKIAIOSFODNN7EXAMPLE and abc/def/ghi/jkl/mno/pqr/stu"),
            "key *** and ***"
        );
    }

    #[test]
    fn default_endpoints_follow_the_partition() {
        assert_eq!(
            default_endpoint("rds", "us-east-1"),
            "https://rds.us-east-1.amazonaws.com/"
        );
        assert_eq!(
            default_endpoint("ec2", "cn-north-1"),
            "https://ec2.cn-north-1.amazonaws.com.cn/"
        );
    }
}
