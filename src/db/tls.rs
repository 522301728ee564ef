//! TLS on rustls with libpq's `sslmode` meanings: which certificate checks each mode makes.

use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::Path;
use std::sync::Arc;

use anyhow::Result;
use rustls::client::danger::{HandshakeSignatureValid, ServerCertVerified, ServerCertVerifier};
use rustls::client::{ResolvesClientCert, WebPkiServerVerifier};
use rustls::crypto::{CryptoProvider, WebPkiSupportedAlgorithms};
use rustls::pki_types::pem::PemObject;
use rustls::pki_types::{CertificateDer, PrivateKeyDer, ServerName, UnixTime};
use rustls::sign::CertifiedKey;
use rustls::{
    CertificateError, ClientConfig, DigitallySignedStruct, RootCertStore, SignatureScheme,
};
use tokio_postgres_rustls::MakeRustlsConnect;

use super::conninfo::{ConnInfo, RootCert, SslMode};
use crate::error::{Exit, Fail};

const RDS_BUNDLE: &str = "https://truststore.pki.rds.amazonaws.com/global/global-bundle.pem";

/// The TLS connector for `conn`. Never used for `disable`, nor over a Unix socket.
pub fn connector(conn: &ConnInfo) -> Result<MakeRustlsConnect> {
    Ok(MakeRustlsConnect::new(client_config(conn)?))
}

/// Whether `conn`'s sslmode checks the server's certificate at all.
pub fn verifies(conn: &ConnInfo) -> bool {
    matches!(conn.sslmode.value, SslMode::VerifyCa | SslMode::VerifyFull)
        || (conn.sslmode.value == SslMode::Require && conn.sslrootcert.is_some())
}

/// The rustls configuration that enforces `conn`'s sslmode, with its client certificate.
pub fn client_config(conn: &ConnInfo) -> Result<ClientConfig> {
    // An explicit provider: `ClientConfig::builder()` panics if two end up enabled.
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let roots = match &conn.sslrootcert {
        Some(RootCert::File(path)) => Some(Arc::new(load_roots(path)?)),
        Some(RootCert::System) => Some(Arc::new(system_roots()?)),
        None => None,
    };
    let verifier: Arc<dyn ServerCertVerifier> = match (conn.sslmode.value, roots) {
        (SslMode::VerifyCa | SslMode::VerifyFull, None) => {
            return Err(Fail::new(
                Exit::Usage,
                "sslmode=verify-ca and verify-full need sslrootcert=PATH, the CA bundle to verify against",
            )
            .hint(format!(
                "for RDS, download {RDS_BUNDLE} once and add &sslrootcert=/path/to/global-bundle.pem to the URL \
                 (or put it at ~/.postgresql/root.crt, or use sslrootcert=system for a public CA)"
            ))
            .into());
        }
        // libpq does not verify with allow or prefer, nor with require unless a root cert is given.
        (SslMode::Disable | SslMode::Allow | SslMode::Prefer, _) | (SslMode::Require, None) => {
            Arc::new(NoCertificateCheck(
                provider.signature_verification_algorithms,
            ))
        }
        (SslMode::VerifyFull, Some(roots)) => webpki(roots, &provider)?,
        // libpq: "if a root CA file exists, require behaves like verify-ca".
        (SslMode::Require | SslMode::VerifyCa, Some(roots)) => {
            Arc::new(ChainOnly(webpki(roots, &provider)?))
        }
    };
    let key_provider = provider.key_provider;
    let builder = ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()?
        .dangerous()
        .with_custom_certificate_verifier(verifier);
    match (&conn.sslcert, &conn.sslkey) {
        (Some(cert), Some(key)) => {
            let (chain, key) = client_certificate(cert, key)?;
            let certified = certified_key(chain, key, key_provider, cert)?;
            Ok(builder.with_client_cert_resolver(Arc::new(ClientCertificate(certified))))
        }
        _ => Ok(builder.with_no_client_auth()),
    }
}

/// The client certificate, sent as it is. rustls's own `with_client_auth_cert` parses it with
/// webpki to match it to its key, and webpki refuses X.509 v1 certificates, which are what
/// PostgreSQL's documentation (`openssl x509 -req` without extensions) makes and libpq sends.
#[derive(Debug)]
struct ClientCertificate(Arc<CertifiedKey>);

impl ResolvesClientCert for ClientCertificate {
    fn resolve(&self, _hints: &[&[u8]], _schemes: &[SignatureScheme]) -> Option<Arc<CertifiedKey>> {
        Some(Arc::clone(&self.0))
    }

    fn has_certs(&self) -> bool {
        true
    }
}

/// The certificate chain with its key, checked to belong together as libpq (OpenSSL's
/// `SSL_CTX_check_private_key`) checks them, for any certificate version.
fn certified_key(
    chain: Vec<CertificateDer<'static>>,
    key: PrivateKeyDer<'static>,
    key_provider: &dyn rustls::crypto::KeyProvider,
    cert: &Path,
) -> Result<Arc<CertifiedKey>> {
    use x509_cert::der::{Decode, Encode};
    let unusable = |why: String| {
        Fail::new(
            Exit::Usage,
            format!("could not use the client certificate {}: {why}", cert.display()),
        )
        .hint("sslcert must be a PEM certificate and sslkey its own private key (PEM, PKCS#8, PKCS#1 or SEC1)")
    };
    let signing = key_provider
        .load_private_key(key)
        .map_err(|err| unusable(format!("its key cannot sign: {err}")))?;
    let first = chain
        .first()
        .ok_or_else(|| unusable("the file holds no certificate".to_string()))?;
    let certificate_key = x509_cert::Certificate::from_der(first)
        .and_then(|c| c.tbs_certificate.subject_public_key_info.to_der())
        .map_err(|err| unusable(format!("it is not an X.509 certificate: {err}")))?;
    if let Some(public) = signing.public_key()
        && public.as_ref() != certificate_key.as_slice()
    {
        return Err(unusable("sslkey is not the key of this certificate".to_string()).into());
    }
    Ok(Arc::new(CertifiedKey::new(chain, signing)))
}

/// The client certificate chain and its key. Like libpq, a key others may read is refused.
fn client_certificate(
    cert: &Path,
    key: &Path,
) -> Result<(Vec<CertificateDer<'static>>, PrivateKeyDer<'static>)> {
    let unreadable = |what: &str, path: &Path, err: &dyn std::fmt::Display| {
        Fail::new(
            Exit::Usage,
            format!("could not read {what} {}: {err}", path.display()),
        )
        .hint("check sslcert and sslkey (default ~/.postgresql/postgresql.crt and .key)")
    };
    let chain = CertificateDer::pem_file_iter(cert)
        .map_err(|err| unreadable("sslcert", cert, &err))?
        .collect::<Result<Vec<_>, _>>()
        .map_err(|err| unreadable("sslcert", cert, &err))?;
    let meta = std::fs::metadata(key).map_err(|err| unreadable("sslkey", key, &err))?;
    let mode = meta.permissions().mode();
    // libpq accepts u=rw for the owner, or u=rw,g=r when root owns the file.
    let too_open = if meta.uid() == 0 {
        mode & 0o037
    } else {
        mode & 0o077
    };
    if too_open != 0 {
        return Err(Fail::new(
            Exit::Usage,
            format!(
                "private key file {} has group or world access",
                key.display()
            ),
        )
        .hint("chmod 0600 it, as libpq requires")
        .into());
    }
    let private =
        PrivateKeyDer::from_pem_file(key).map_err(|err| unreadable("sslkey", key, &err))?;
    Ok((chain, private))
}

/// The operating system's trusted roots (`sslrootcert=system`).
fn system_roots() -> Result<RootCertStore> {
    let found = rustls_native_certs::load_native_certs();
    let mut roots = RootCertStore::empty();
    let (added, _ignored) = roots.add_parsable_certificates(found.certs);
    if added == 0 {
        return Err(Fail::new(
            Exit::Usage,
            "sslrootcert=system: the operating system's certificate store holds no usable certificate",
        )
        .hint("install the ca-certificates package, or name a CA file with sslrootcert=PATH")
        .into());
    }
    Ok(roots)
}

fn load_roots(path: &Path) -> Result<RootCertStore> {
    let unreadable = |err: &dyn std::fmt::Display| {
        Fail::new(
            Exit::Usage,
            format!("could not read sslrootcert {}: {err}", path.display()),
        )
        .hint(format!(
            "check the path in the URL; the RDS bundle is at {RDS_BUNDLE}"
        ))
    };
    let certs = CertificateDer::pem_file_iter(path)
        .map_err(|err| unreadable(&err))?
        .collect::<Result<Vec<_>, _>>()
        .map_err(|err| unreadable(&err))?;
    let mut roots = RootCertStore::empty();
    let (added, _ignored) = roots.add_parsable_certificates(certs);
    if added == 0 {
        return Err(unreadable(&"it holds no usable PEM certificate").into());
    }
    Ok(roots)
}

fn webpki(
    roots: Arc<RootCertStore>,
    provider: &Arc<CryptoProvider>,
) -> Result<Arc<WebPkiServerVerifier>> {
    Ok(WebPkiServerVerifier::builder_with_provider(roots, provider.clone()).build()?)
}

/// `verify-ca`: the chain must lead to a trusted root; the host name is not checked.
#[derive(Debug)]
struct ChainOnly(Arc<WebPkiServerVerifier>);

impl ServerCertVerifier for ChainOnly {
    fn verify_server_cert(
        &self,
        end_entity: &CertificateDer<'_>,
        intermediates: &[CertificateDer<'_>],
        server_name: &ServerName<'_>,
        ocsp_response: &[u8],
        now: UnixTime,
    ) -> Result<ServerCertVerified, rustls::Error> {
        match self
            .0
            .verify_server_cert(end_entity, intermediates, server_name, ocsp_response, now)
        {
            Err(rustls::Error::InvalidCertificate(
                CertificateError::NotValidForName | CertificateError::NotValidForNameContext { .. },
            )) => Ok(ServerCertVerified::assertion()),
            other => other,
        }
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        self.0.verify_tls12_signature(message, cert, dss)
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        self.0.verify_tls13_signature(message, cert, dss)
    }

    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.0.supported_verify_schemes()
    }
}

/// `prefer` and `require`: encrypt without trusting the certificate, but still check that the
/// server holds the key it presents.
#[derive(Debug)]
struct NoCertificateCheck(WebPkiSupportedAlgorithms);

impl ServerCertVerifier for NoCertificateCheck {
    fn verify_server_cert(
        &self,
        _end_entity: &CertificateDer<'_>,
        _intermediates: &[CertificateDer<'_>],
        _server_name: &ServerName<'_>,
        _ocsp_response: &[u8],
        _now: UnixTime,
    ) -> Result<ServerCertVerified, rustls::Error> {
        Ok(ServerCertVerified::assertion())
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        rustls::crypto::verify_tls12_signature(message, cert, dss, &self.0)
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        rustls::crypto::verify_tls13_signature(message, cert, dss, &self.0)
    }

    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.0.supported_schemes()
    }
}

/// What went wrong in a failed handshake, in words that say how to fix it.
pub fn handshake_hint(err: &rustls::Error, host: &str) -> String {
    match err {
        rustls::Error::InvalidCertificate(CertificateError::UnknownIssuer) => format!(
            "the server's certificate is not signed by a CA in sslrootcert; for RDS, download {RDS_BUNDLE} and point sslrootcert at it"
        ),
        rustls::Error::InvalidCertificate(
            CertificateError::NotValidForName | CertificateError::NotValidForNameContext { .. },
        ) => format!(
            "the certificate is not issued for host {host:?}: connect with the name on the certificate (for RDS, the instance endpoint), or use sslmode=verify-ca"
        ),
        rustls::Error::InvalidCertificate(
            CertificateError::Expired | CertificateError::ExpiredContext { .. },
        ) => "the server's certificate has expired (or this machine's clock is wrong)".to_string(),
        _ => "check sslmode and sslrootcert in the URL".to_string(),
    }
}
