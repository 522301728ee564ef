//! IAM database authentication: the 15-minute token RDS takes as a password, a `connect` URL
//! presigned (SigV4, query string) for the `rds-db` service exactly as botocore's
//! `generate_db_auth_token` writes it, and the IAM policy resource a refused token points to.

use std::future::Future;
use std::pin::Pin;
use std::time::{Duration, SystemTime};

use anyhow::{Context, Result};
use aws_credential_types::provider::ProvideCredentials;
use aws_sigv4::http_request::{
    SignableBody, SignableRequest, SignatureLocation, SigningSettings, sign,
};
use aws_sigv4::sign::v4;
use aws_smithy_runtime_api::client::identity::Identity;
use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};
use tokio::sync::OnceCell;

use super::AwsEnv;
use super::{Aws, Service, no_credentials, parse, rds};
use crate::db::Signer;

/// How long a token is good for: RDS accepts no longer.
pub const LIFETIME: Duration = Duration::from_secs(900);

/// What a connection needs to sign its own token: the AWS environment and the region the
/// instance is in (from its host name; else the AWS configuration's).
#[derive(Debug, Clone)]
pub struct Iam {
    pub aws: AwsEnv,
    pub region: Option<String>,
}

/// Everything but RFC 3986's unreserved characters, as SigV4 and botocore encode.
const QUERY: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'_')
    .remove(b'.')
    .remove(b'~');

fn encode(text: &str) -> String {
    utf8_percent_encode(text, QUERY).to_string()
}

/// A signed token and when RDS stops taking it.
pub struct Token {
    pub text: String,
    pub expires: SystemTime,
}

/// A token for `user` at `host:port`, signed with `aws`'s credentials and region.
pub async fn generate(aws: &Aws, host: &str, port: u16, user: &str) -> Result<Token> {
    let signed_at = aws.signing_time();
    let credentials = aws
        .credentials
        .provide_credentials()
        .await
        .map_err(|_| no_credentials())?;
    let identity: Identity = credentials.into();
    let mut settings = SigningSettings::default();
    settings.expires_in = Some(LIFETIME);
    settings.signature_location = SignatureLocation::QueryParams;
    let params = v4::SigningParams::builder()
        .identity(&identity)
        .region(&aws.region)
        .name("rds-db")
        .time(signed_at)
        .settings(settings)
        .build()
        .context("could not sign the IAM token")?
        .into();
    let query = format!("Action=connect&DBUser={}", encode(user));
    // The canonical request has the host in lower case, as botocore (and RDS) sign it; the
    // token keeps it as written.
    let url = format!("https://{}:{port}/?{query}", host.to_ascii_lowercase());
    let signable = SignableRequest::new("GET", &url, std::iter::empty(), SignableBody::Bytes(&[]))
        .context("could not sign the IAM token")?;
    let (instructions, _) = sign(signable, &params)
        .context("could not sign the IAM token")?
        .into_parts();
    // botocore's order: the signing parameters as the signer lists them, the signature last.
    let mut token = format!("{host}:{port}/?{query}");
    let mut signature = None;
    for (name, value) in instructions.params() {
        if *name == "X-Amz-Signature" {
            signature = Some(value.to_string());
            continue;
        }
        token.push_str(&format!("&{name}={}", encode(value)));
    }
    if let Some(signature) = signature {
        token.push_str(&format!("&X-Amz-Signature={signature}"));
    }
    Ok(Token {
        text: token,
        expires: signed_at + LIFETIME,
    })
}

/// A fresh token for one connection to `host:port` as `user`. The signer (credentials, region)
/// is made once per process: a run that opens many connections asks the credential chain once.
pub async fn for_connection(iam: &Iam, host: &str, port: u16, user: &str) -> Result<String> {
    static SIGNER: OnceCell<Aws> = OnceCell::const_new();
    let aws = SIGNER
        .get_or_try_init(|| Aws::connect(&iam.aws, iam.region.as_deref()))
        .await
        .context("IAM database authentication needs AWS credentials to sign its token")?;
    Ok(generate(aws, host, port, user).await?.text)
}

/// The database layer asks for each connection's password through [`Signer`].
impl Signer for Iam {
    fn password<'a>(
        &'a self,
        host: &'a str,
        port: u16,
        user: &'a str,
    ) -> Pin<Box<dyn Future<Output = Result<String>> + Send + 'a>> {
        Box::pin(for_connection(self, host, port, user))
    }
}

/// The IAM policy resource that lets the caller connect as `user`:
/// `arn:aws:rds-db:REGION:ACCOUNT:dbuser:RESOURCE-ID/USER`. The account comes from STS and
/// the resource ID from the instance; either unknown is `*`.
pub async fn connect_resource(aws: &Aws, instance: Option<&str>, user: &str) -> String {
    let account = match aws
        .call(Service::Sts, "GetCallerIdentity", &[("", ""); 0])
        .await
    {
        Ok(xml) => parse(&xml, "GetCallerIdentity").ok().and_then(|doc| {
            doc.descendants()
                .find(|n| n.has_tag_name("Account"))
                .and_then(|n| n.text())
                .map(str::to_string)
        }),
        Err(_) => None,
    };
    let resource = match instance {
        Some(id) => rds::describe(aws, id)
            .await
            .ok()
            .and_then(|instance| instance.resource_id),
        None => None,
    };
    let partition = if aws.region.starts_with("cn-") {
        "aws-cn"
    } else {
        "aws"
    };
    format!(
        "arn:{partition}:rds-db:{}:{}:dbuser:{}/{user}",
        aws.region,
        account.as_deref().unwrap_or("*"),
        resource.as_deref().unwrap_or("*")
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn user_names_are_encoded_as_sigv4_encodes() {
        assert_eq!(encode("app user@x"), "app%20user%40x");
        assert_eq!(encode("cruddur_app-1.~"), "cruddur_app-1.~");
    }
}
