//! doctor's steps from a host name to a server that talks: the name resolved, a TCP
//! connection made within the time limit, the TLS handshake, each failure said with what to
//! do (for RDS, what AWS says of the instance and its security group).

use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;
use std::time::Duration;

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

use super::{Broken, Checklist, broken};
use crate::aws::diagnose::{self, Diagnosis};
use crate::aws::{Aws, token};
use crate::cli::DoctorArgs;
use crate::context::RunContext;
use crate::db::conninfo::{ConnInfo, DEFAULT_CONNECT_TIMEOUT, HostSpec, SslMode};
use crate::db::{self, tls};
use crate::error::Exit;
use crate::failure;

/// Why RDS refused a token, with the exact policy resource to grant: the account from STS,
/// the instance's resource ID from RDS (`*` for what cannot be asked).
pub(super) async fn iam_refused(ctx: &RunContext, target: &db::Target) -> String {
    let user = target.conn.user();
    let resource = match ctx.rds_instance(None, None) {
        Ok((instance, region)) => match Aws::connect(ctx.aws(), region.as_deref()).await {
            Ok(aws) => token::connect_resource(&aws, Some(&instance), user).await,
            Err(_) => "*".to_string(),
        },
        Err(_) => "*".to_string(),
    };
    db::iam_refused_hint(user, &resource)
}

/// The network steps for one host: its socket, or DNS, TCP and TLS; `label` names the host
/// in each line when there are several.
pub(super) async fn reach(
    list: &mut Checklist,
    ctx: &RunContext,
    args: &DoctorArgs,
    url: &ConnInfo,
    host: &HostSpec,
    label: &str,
) -> Result<(), Exit> {
    let origin = ctx.origin();
    let limit = url.connect_timeout.unwrap_or(DEFAULT_CONNECT_TIMEOUT);
    let my_ip = ctx.my_ip(args.my_ip.as_deref());
    if host.is_socket() {
        return list
            .check("socket", labelled(label, check_socket(host, origin)))
            .await;
    }
    let addresses = list
        .check("dns", labelled(label, resolve(host, origin)))
        .await?;
    let stream = list
        .check(
            "tcp",
            labelled(label, async {
                let outcome = connect_tcp(host, origin, &addresses, limit, my_ip.as_deref()).await;
                ask_aws(ctx, host, my_ip.as_deref(), outcome).await
            }),
        )
        .await?;
    list.check(
        "tls",
        labelled(label, async {
            // A server that accepts TCP but never answers stops here, not in a hang.
            let outcome = match tokio::time::timeout(limit, handshake(url, host, stream)).await {
                Ok(outcome) => return outcome,
                Err(_) => Err(broken(
                    Exit::Unreachable,
                    format!("no answer within {} s", limit.as_secs()),
                    db::timeout_hint(host, my_ip.as_deref()),
                )),
            };
            ask_aws(ctx, host, my_ip.as_deref(), outcome).await
        }),
    )
    .await
}

/// A step's verdict with `label` (the host, when there are several) before its detail.
async fn labelled<T>(
    label: &str,
    work: impl Future<Output = Result<(T, String), Broken>>,
) -> Result<(T, String), Broken> {
    match work.await {
        Ok((value, detail)) => Ok((value, format!("{label}{detail}"))),
        Err(broken) => Err(Broken {
            detail: format!("{label}{}", broken.detail),
            ..broken
        }),
    }
}

/// The resolved settings and where each came from; never the password itself.
pub(super) fn settings(conn: &ConnInfo, origin: db::Origin, iam: bool) -> String {
    let hosts: Vec<String> = conn.hosts.iter().map(HostSpec::to_string).collect();
    let password = if iam {
        "an IAM token signed for each connection".to_string()
    } else {
        conn.password_for(conn.first_host())
            .map_or_else(|| "none".to_string(), |p| format!("from {}", p.source))
    };
    format!(
        "{} (from {}); database {:?} ({}); user {:?} ({}); password {password}; sslmode {} ({}); string from {origin}",
        hosts.join(", "),
        conn.hosts_source,
        conn.database(),
        conn.database.source,
        conn.user(),
        conn.user.source,
        conn.sslmode.value.as_str(),
        conn.sslmode.source,
    )
}

/// A Unix-socket host: the socket file must exist and accept a connection.
async fn check_socket(host: &HostSpec, origin: db::Origin) -> Result<((), String), Broken> {
    let path = host.socket_path().unwrap_or_default();
    match tokio::net::UnixStream::connect(&path).await {
        Ok(_) => Ok(((), format!("{} accepts connections", path.display()))),
        Err(err) => Err(broken(
            Exit::Unreachable,
            format!("{}: {err}", path.display()),
            format!(
                "no server listens on that socket: start PostgreSQL, or fix the socket directory (host) and port in {origin}"
            ),
        )),
    }
}

async fn resolve(host: &HostSpec, origin: db::Origin) -> Result<(Vec<SocketAddr>, String), Broken> {
    if let Some(addr) = host.hostaddr {
        return Ok((
            vec![SocketAddr::new(addr, host.port)],
            format!("skipped: hostaddr={addr}"),
        ));
    }
    let name = host.name();
    if let Ok(ip) = name.parse::<IpAddr>() {
        return Ok((
            vec![SocketAddr::new(ip, host.port)],
            format!("{ip} is an address"),
        ));
    }
    let lookup = tokio::net::lookup_host((name.as_str(), host.port));
    match tokio::time::timeout(Duration::from_secs(10), lookup).await {
        Ok(Ok(addresses)) => {
            let addresses: Vec<SocketAddr> = addresses.collect();
            let shown: Vec<String> = addresses.iter().map(|a| a.ip().to_string()).collect();
            Ok((
                addresses,
                format!("{name} resolves to {}", shown.join(", ")),
            ))
        }
        Ok(Err(err)) => Err(broken(
            Exit::Unreachable,
            format!("{name} does not resolve: {err}"),
            format!("check the host name in {origin}; for RDS, copy the endpoint from the console"),
        )),
        Err(_) => Err(broken(
            Exit::Unreachable,
            format!("no DNS answer for {name} within 10 s"),
            "check this machine's DNS settings and network",
        )),
    }
}

/// When an RDS host does not answer, what AWS says about it replaces the guess in the hint;
/// when AWS cannot be asked, the hint says how to let doctor ask.
async fn ask_aws<T>(
    ctx: &RunContext,
    host: &HostSpec,
    my_ip: Option<&str>,
    outcome: Result<T, Broken>,
) -> Result<T, Broken> {
    let Err(mut failure) = outcome else {
        return outcome;
    };
    match diagnose::diagnose(ctx.aws(), &host.name(), my_ip).await {
        Some(Diagnosis::Aws(verdict)) => failure.hint = verdict,
        Some(Diagnosis::Unavailable(how)) => failure.hint = format!("{}; {how}", failure.hint),
        None => {}
    }
    Err(failure)
}

async fn connect_tcp(
    host: &HostSpec,
    origin: db::Origin,
    addresses: &[SocketAddr],
    limit: Duration,
    my_ip: Option<&str>,
) -> Result<(TcpStream, String), Broken> {
    let mut last = None;
    for address in addresses {
        match tokio::time::timeout(limit, TcpStream::connect(address)).await {
            Ok(Ok(stream)) => return Ok((stream, format!("connected to {address}"))),
            Ok(Err(err)) => {
                last = Some(broken(
                    Exit::Unreachable,
                    format!("{address}: {err}"),
                    db::refused_hint(&address.to_string(), origin),
                ))
            }
            Err(_) => {
                last = Some(broken(
                    Exit::Unreachable,
                    format!("{address}: no answer within {} s", limit.as_secs()),
                    db::timeout_hint(host, my_ip),
                ));
            }
        }
    }
    Err(last.unwrap_or_else(|| {
        broken(
            Exit::Unreachable,
            "no addresses to try",
            "check the host name",
        )
    }))
}

/// PostgreSQL's SSLRequest, then a TLS handshake checked as `sslmode` says.
async fn handshake(
    url: &ConnInfo,
    host: &HostSpec,
    mut stream: TcpStream,
) -> Result<((), String), Broken> {
    if matches!(url.sslmode.value, SslMode::Disable | SslMode::Allow) {
        return Ok(((), "skipped: sslmode=disable".to_string()));
    }
    let io_failed = |err: std::io::Error| {
        broken(
            Exit::Unreachable,
            format!("the connection failed: {err}"),
            "try again; check the network",
        )
    };
    const SSL_REQUEST: [u8; 8] = [0, 0, 0, 8, 0x04, 0xd2, 0x16, 0x2f];
    stream.write_all(&SSL_REQUEST).await.map_err(io_failed)?;
    let mut answer = [0u8; 1];
    stream.read_exact(&mut answer).await.map_err(io_failed)?;
    if answer[0] != b'S' {
        return match url.sslmode.value {
            SslMode::Prefer => Ok((
                (),
                "the server does not offer TLS; continuing unencrypted (sslmode=prefer)"
                    .to_string(),
            )),
            _ => Err(broken(
                Exit::Auth,
                "the server does not accept TLS",
                "use sslmode=prefer (or disable) in the URL",
            )),
        };
    }
    let tls_config = tls::client_config(url).map_err(|err| {
        broken(
            Exit::Usage,
            format!("{err:#}"),
            failure::specific_hint(&err).unwrap_or("fix sslrootcert"),
        )
    })?;
    let name = rustls::pki_types::ServerName::try_from(host.name()).map_err(|err| {
        broken(
            Exit::Usage,
            format!("{:?} is not a valid TLS server name: {err}", host.name()),
            "fix the host",
        )
    })?;
    let connector = tokio_rustls::TlsConnector::from(Arc::new(tls_config));
    let tls_stream = connector.connect(name, stream).await.map_err(|err| {
        let hint = err
            .get_ref()
            .and_then(|inner| inner.downcast_ref::<rustls::Error>())
            .map_or_else(
                || "check sslmode and sslrootcert in the URL".to_string(),
                |tls| tls::handshake_hint(tls, &host.name()),
            );
        broken(Exit::Auth, format!("handshake failed: {err}"), hint)
    })?;
    let (_, connection) = tls_stream.get_ref();
    let protocol = connection
        .protocol_version()
        .map_or("?".to_string(), |v| format!("{v:?}"));
    let cipher = connection
        .negotiated_cipher_suite()
        .map_or("?".to_string(), |s| format!("{:?}", s.suite()));
    let certificate = connection
        .peer_certificates()
        .and_then(|chain| chain.first())
        .and_then(|der| {
            use x509_cert::der::Decode;
            let cert = x509_cert::Certificate::from_der(der).ok()?;
            let tbs = cert.tbs_certificate;
            Some(format!(
                "certificate {} expires {}",
                tbs.subject, tbs.validity.not_after
            ))
        })
        .unwrap_or_else(|| "certificate unreadable".to_string());
    let verified = if tls::verifies(url) {
        "verified"
    } else {
        "not verified (sslmode does not ask for it)"
    };
    Ok((
        (),
        format!("{protocol} {cipher}, {certificate}, {verified}"),
    ))
}
