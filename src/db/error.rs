//! Server errors made readable, and connection failures sorted into exit codes with hints.

use std::fmt;
use std::io;
use std::time::Duration;

use tokio_postgres::error::SqlState;

use super::{DbUrl, Origin};
use crate::error::{Exit, Fail};

/// A tokio-postgres error that prints the server's own words ("FATAL: password authentication
/// failed ...") instead of "db error", and the I/O cause for network failures.
#[derive(Debug)]
pub struct PgError(pub tokio_postgres::Error);

impl PgError {
    pub fn code(&self) -> Option<&SqlState> {
        self.0.code()
    }

    /// The SQLSTATE of a `PgError` anywhere in an error chain.
    pub fn code_in(err: &anyhow::Error) -> Option<&SqlState> {
        err.downcast_ref::<PgError>().and_then(PgError::code)
    }

    /// The causes below tokio-postgres's own error, outermost first.
    fn sources(&self) -> impl Iterator<Item = &(dyn std::error::Error + 'static)> {
        std::iter::successors(std::error::Error::source(&self.0), |err| err.source())
    }

    /// The rustls error behind a failed handshake, if that is what failed.
    fn rustls_error(&self) -> Option<&rustls::Error> {
        self.sources().find_map(|err| {
            // io::Error::source skips the error it wraps; get_ref reaches it.
            let inner = err.downcast_ref::<io::Error>()?.get_ref()?;
            inner.downcast_ref::<rustls::Error>()
        })
    }

    fn io_kind(&self) -> Option<io::ErrorKind> {
        self.sources()
            .find_map(|err| err.downcast_ref::<io::Error>())
            .map(io::Error::kind)
    }
}

impl fmt::Display for PgError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(db) = self.0.as_db_error() {
            write!(f, "{}: {}", db.severity(), db.message())?;
            if let Some(detail) = db.detail() {
                write!(f, " (DETAIL: {detail})")?;
            }
            return Ok(());
        }
        write!(f, "{}", self.0)?;
        self.sources().try_for_each(|err| write!(f, ": {err}"))
    }
}

impl std::error::Error for PgError {}

/// Sort a failed connection attempt into an exit code and the hint most likely to fix it.
pub(super) fn connect_failure(err: PgError, url: &DbUrl, origin: Origin) -> anyhow::Error {
    let place = format!("{}:{}", url.host(), url.port());
    let what = format!("could not connect to {url} (from {origin})");
    if let Some(tls) = err.rustls_error() {
        let hint = super::tls::handshake_hint(tls, url);
        return anyhow::Error::new(err).context(Fail::new(Exit::Auth, what).hint(hint));
    }
    if err.to_string().contains("server does not support TLS") {
        let hint =
            format!("the server does not accept TLS: use sslmode=prefer (or disable) in {origin}");
        return anyhow::Error::new(err).context(Fail::new(Exit::Auth, what).hint(hint));
    }
    let fail = match (err.code(), err.io_kind()) {
        (Some(code), _) if *code == SqlState::INVALID_PASSWORD => Fail::new(Exit::Auth, what)
            .hint(format!("check the user name and password in {origin}")),
        (Some(code), _) if *code == SqlState::INVALID_AUTHORIZATION_SPECIFICATION => {
            let text = err.to_string();
            // "no encryption" since PostgreSQL 14, "SSL off" before.
            let hint = if text.contains("no encryption") || text.contains("SSL off") {
                format!("the server only accepts encrypted connections: add ?sslmode=require (or verify-full with sslrootcert) to {origin}")
            } else {
                format!("the server's pg_hba.conf does not admit user {:?} from this host", url.user())
            };
            Fail::new(Exit::Auth, what).hint(hint)
        }
        (Some(code), _) if *code == SqlState::INVALID_CATALOG_NAME => Fail::new(
            Exit::Failure,
            format!("database {} does not exist on {place}", super::quote_ident(url.database())),
        )
        .hint("create it with `cruddur-db create`, or reset everything with `cruddur-db setup`"),
        (Some(code), _) if *code == SqlState::CANNOT_CONNECT_NOW => {
            Fail::new(Exit::Unreachable, what).hint("the server is starting up; try again in a moment")
        }
        (Some(code), _) if *code == SqlState::TOO_MANY_CONNECTIONS => Fail::new(Exit::Unreachable, what)
            .hint("the server has no free connection slots; `cruddur-db sessions --all` shows who holds them"),
        (Some(_), _) => Fail::new(Exit::Failure, what),
        (None, Some(io::ErrorKind::ConnectionRefused)) => {
            Fail::new(Exit::Unreachable, what).hint(refused_hint(&place, origin))
        }
        (None, Some(io::ErrorKind::TimedOut)) => Fail::new(Exit::Unreachable, what).hint(timeout_hint(url, None)),
        (None, Some(_)) => Fail::new(Exit::Unreachable, what)
            .hint(format!("check that the host name in {origin} is right and resolves from this machine")),
        (None, None) => Fail::new(Exit::Auth, what),
    };
    anyhow::Error::new(err).context(fail)
}

/// The connection attempt outlived `connect_timeout`.
pub(super) fn timed_out(url: &DbUrl, origin: Origin, limit: Duration) -> anyhow::Error {
    Fail::new(
        Exit::Unreachable,
        format!(
            "could not connect to {url} (from {origin}): no answer within {} s",
            limit.as_secs()
        ),
    )
    .hint(timeout_hint(url, None))
    .into()
}

/// What to do when nothing listens at `place` (`host:port`, or one of its addresses).
pub fn refused_hint(place: &str, origin: Origin) -> String {
    format!(
        "nothing is listening on {place}; start PostgreSQL (locally: `docker compose up -d db`) or fix the host and port in {origin}"
    )
}

/// What to check when `url`'s server does not answer. For RDS, the security group's inbound
/// rule, naming the IP it must admit when it is known (`doctor --my-ip`).
pub fn timeout_hint(url: &DbUrl, my_ip: Option<&str>) -> String {
    let place = format!("{}:{}", url.host(), url.port());
    if is_rds(url.host()) {
        let ip = my_ip.map_or_else(String::new, |ip| format!(" ({ip}/32)"));
        format!(
            "{place} did not answer: the RDS security group's inbound rule may not admit your current IP address{ip} \
             (add it for port {}), or the instance may be stopped",
            url.port()
        )
    } else {
        format!(
            "{place} did not answer: check the host, the port and any firewall in between; \
             raise the limit with ?connect_timeout=SECS (0 waits forever)"
        )
    }
}

pub fn is_rds(host: &str) -> bool {
    host.ends_with(".rds.amazonaws.com")
}

/// Failures that heal by waiting: nothing listening yet, or the server still starting up.
/// Never authentication or TLS: retrying those only locks accounts and wastes time.
pub(super) fn is_transient(err: &anyhow::Error) -> bool {
    let Some(pg) = err.downcast_ref::<PgError>() else {
        return false;
    };
    pg.code() == Some(&SqlState::CANNOT_CONNECT_NOW)
        || matches!(
            pg.io_kind(),
            Some(
                io::ErrorKind::ConnectionRefused
                    | io::ErrorKind::ConnectionReset
                    | io::ErrorKind::ConnectionAborted
            )
        )
}

/// The server's or the network's words without our context, for one-line progress messages.
pub(super) fn short_cause(err: &anyhow::Error) -> String {
    err.downcast_ref::<PgError>()
        .map_or_else(|| err.to_string(), PgError::to_string)
}
