//! TLS on rustls with libpq's `sslmode` meanings: which certificate checks each mode makes.

use std::path::Path;
use std::sync::Arc;

use anyhow::Result;
use rustls::client::WebPkiServerVerifier;
use rustls::client::danger::{HandshakeSignatureValid, ServerCertVerified, ServerCertVerifier};
use rustls::crypto::{CryptoProvider, WebPkiSupportedAlgorithms};
use rustls::pki_types::pem::PemObject;
use rustls::pki_types::{CertificateDer, ServerName, UnixTime};
use rustls::{
    CertificateError, ClientConfig, DigitallySignedStruct, RootCertStore, SignatureScheme,
};
use tokio_postgres_rustls::MakeRustlsConnect;

use super::url::{DbUrl, SslMode};
use crate::error::{Exit, Fail};

const RDS_BUNDLE: &str = "https://truststore.pki.rds.amazonaws.com/global/global-bundle.pem";

/// The TLS connector for `url`. With `disable` it is never used; tokio-postgres skips TLS.
pub fn connector(url: &DbUrl) -> Result<MakeRustlsConnect> {
    Ok(MakeRustlsConnect::new(client_config(url)?))
}

/// Whether `url`'s sslmode checks the server's certificate at all.
pub fn verifies(url: &DbUrl) -> bool {
    matches!(url.sslmode, SslMode::VerifyCa | SslMode::VerifyFull)
        || (url.sslmode == SslMode::Require && url.sslrootcert.is_some())
}

/// The rustls configuration that enforces `url`'s sslmode.
pub fn client_config(url: &DbUrl) -> Result<ClientConfig> {
    // An explicit provider: `ClientConfig::builder()` panics if two end up enabled.
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let roots = match &url.sslrootcert {
        Some(path) => Some(Arc::new(load_roots(path)?)),
        None => None,
    };
    let verifier: Arc<dyn ServerCertVerifier> = match (url.sslmode, roots) {
        (SslMode::VerifyCa | SslMode::VerifyFull, None) => {
            return Err(Fail::new(
                Exit::Usage,
                "sslmode=verify-ca and verify-full need sslrootcert=PATH, the CA bundle to verify against",
            )
            .hint(format!(
                "for RDS, download {RDS_BUNDLE} once and add &sslrootcert=/path/to/global-bundle.pem to the URL"
            ))
            .into());
        }
        // libpq does not verify with prefer, nor with require unless a root cert is given.
        (SslMode::Disable | SslMode::Prefer, _) | (SslMode::Require, None) => Arc::new(
            NoCertificateCheck(provider.signature_verification_algorithms),
        ),
        (SslMode::VerifyFull, Some(roots)) => webpki(roots, &provider)?,
        // libpq: "if a root CA file exists, require behaves like verify-ca".
        (SslMode::Require | SslMode::VerifyCa, Some(roots)) => {
            Arc::new(ChainOnly(webpki(roots, &provider)?))
        }
    };
    Ok(ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()?
        .dangerous()
        .with_custom_certificate_verifier(verifier)
        .with_no_client_auth())
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
pub fn handshake_hint(err: &rustls::Error, url: &DbUrl) -> String {
    match err {
        rustls::Error::InvalidCertificate(CertificateError::UnknownIssuer) => format!(
            "the server's certificate is not signed by a CA in sslrootcert; for RDS, download {RDS_BUNDLE} and point sslrootcert at it"
        ),
        rustls::Error::InvalidCertificate(
            CertificateError::NotValidForName | CertificateError::NotValidForNameContext { .. },
        ) => format!(
            "the certificate is not issued for host {:?}: connect with the name on the certificate (for RDS, the instance endpoint), or use sslmode=verify-ca",
            url.host()
        ),
        rustls::Error::InvalidCertificate(
            CertificateError::Expired | CertificateError::ExpiredContext { .. },
        ) => "the server's certificate has expired (or this machine's clock is wrong)".to_string(),
        _ => "check sslmode and sslrootcert in the URL".to_string(),
    }
}
