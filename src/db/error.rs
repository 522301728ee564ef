//! Server errors made readable, and connection failures sorted into exit codes with hints.

use std::fmt;
use std::io;
use std::time::Duration;

use tokio_postgres::error::SqlState;

use super::Origin;
use super::conninfo::{ConnInfo, HostSpec};
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
pub(super) fn connect_failure(
    err: PgError,
    conn: &ConnInfo,
    host: &HostSpec,
    target: &super::Target,
) -> anyhow::Error {
    let origin = target.origin;
    let what = could_not_connect(conn, host, origin);
    if let Some(tls) = err.rustls_error() {
        let hint = super::tls::handshake_hint(tls, &host.name());
        return anyhow::Error::new(err).context(Fail::new(Exit::Auth, what).hint(hint));
    }
    if err.to_string().contains("server does not support TLS") {
        // An IAM token is only ever sent encrypted: a weaker sslmode is no way out.
        let hint = match target.iam {
            Some(_) => "the server does not accept TLS, and IAM database authentication needs it: RDS always does, so check that the host is the instance's endpoint; for a server without TLS, sign in with a password instead (without --iam or CRUDDUR_DB_IAM_AUTH)".to_string(),
            None => format!(
                "the server does not accept TLS: use sslmode=prefer (or disable) in {origin}"
            ),
        };
        return anyhow::Error::new(err).context(Fail::new(Exit::Auth, what).hint(hint));
    }
    let fail = match (err.code(), err.io_kind()) {
        // RDS says "PAM authentication failed" for a token it does not take.
        (Some(code), _) if *code == SqlState::INVALID_PASSWORD && target.iam.is_some() => {
            Fail::new(Exit::Auth, what).hint(iam_refused_hint(conn.user(), "*"))
        }
        (Some(code), _) if *code == SqlState::INVALID_PASSWORD => {
            let from = conn
                .password_for(host)
                .map_or_else(|| "no password was found".to_string(), |p| format!("the password came from {}", p.source));
            Fail::new(Exit::Auth, what).hint(format!(
                "check the user name and password in {origin} ({from})"
            ))
        }
        (Some(code), _) if *code == SqlState::INVALID_AUTHORIZATION_SPECIFICATION => {
            let text = err.to_string();
            // "no encryption" since PostgreSQL 14, "SSL off" before.
            let hint = if text.contains("no encryption") || text.contains("SSL off") {
                format!("the server only accepts encrypted connections: add ?sslmode=require (or verify-full with sslrootcert) to {origin}")
            } else {
                format!("the server's pg_hba.conf does not admit user {:?} from this host", conn.user())
            };
            Fail::new(Exit::Auth, what).hint(hint)
        }
        (Some(code), _) if *code == SqlState::INVALID_CATALOG_NAME => Fail::new(
            Exit::Failure,
            format!("database {} does not exist on {host}", super::quote_ident(conn.database())),
        )
        .hint("create it with `cruddur-db create`, or reset everything with `cruddur-db setup`"),
        (Some(code), _) if *code == SqlState::CANNOT_CONNECT_NOW => {
            Fail::new(Exit::Unreachable, what).hint("the server is starting up; try again in a moment")
        }
        (Some(code), _) if *code == SqlState::TOO_MANY_CONNECTIONS => Fail::new(Exit::Unreachable, what)
            .hint("the server has no free connection slots; `cruddur-db sessions --all` shows who holds them"),
        (Some(_), _) => Fail::new(Exit::Failure, what),
        (None, Some(io::ErrorKind::ConnectionRefused | io::ErrorKind::NotFound)) => {
            Fail::new(Exit::Unreachable, what).hint(refused_hint(&host.to_string(), origin))
        }
        (None, Some(io::ErrorKind::TimedOut)) => Fail::new(Exit::Unreachable, what).hint(timeout_hint(host, None)),
        (None, Some(_)) => Fail::new(Exit::Unreachable, what)
            .hint(format!("check that the host name in {origin} is right and resolves from this machine")),
        (None, None) if err.to_string().contains("password missing") => {
            let hint = match conn.passfile().filter(|file| super::conninfo::pgpass::too_open(file)) {
                Some(file) => format!(
                    "the server asks for a password and the password file {} was skipped: group or others can read it; run `chmod 600 {}`",
                    file.display(),
                    file.display()
                ),
                None => format!(
                    "the server asks for a password and none was given: put it in {origin}, PGPASSWORD or ~/.pgpass"
                ),
            };
            Fail::new(Exit::Auth, what).hint(hint)
        }
        (None, None) => Fail::new(Exit::Auth, what),
    };
    anyhow::Error::new(err).context(fail)
}

/// Why RDS refuses a well-signed IAM token, and the two grants that fix it; `resource` is the
/// policy resource (`arn:aws:rds-db:...`), or `*` when doctor has not asked AWS for it.
pub fn iam_refused_hint(user: &str, resource: &str) -> String {
    let resource = match resource {
        "*" => "arn:aws:rds-db:REGION:ACCOUNT:dbuser:DB-RESOURCE-ID/".to_string() + user,
        arn => arn.to_string(),
    };
    format!(
        "the IAM token was refused: the database role needs `GRANT rds_iam TO {}` (and the instance IAM authentication enabled), and your AWS identity needs rds-db:connect on {resource} in its IAM policy; `cruddur-db doctor --prod` finds the exact resource",
        super::quote_ident(user)
    )
}

/// Whether the server refused a plain connection for want of encryption (`sslmode=allow`
/// then tries TLS).
pub(super) fn wants_encryption(err: &anyhow::Error) -> bool {
    err.downcast_ref::<PgError>().is_some_and(|pg| {
        pg.code() == Some(&SqlState::INVALID_AUTHORIZATION_SPECIFICATION)
            && (pg.to_string().contains("no encryption") || pg.to_string().contains("SSL off"))
    })
}

/// One host's failure as it is; several hosts' as one error naming each host and why, with
/// the exit code and hint of the last one tried.
pub(super) fn every_host_failed(failures: Vec<(String, anyhow::Error)>) -> anyhow::Error {
    if failures.len() < 2 {
        return failures
            .into_iter()
            .next()
            .map_or_else(|| anyhow::anyhow!("no host to connect to"), |(_, err)| err);
    }
    let mut message = format!("could not connect to any of {} hosts:", failures.len());
    for (host, err) in &failures {
        message.push_str(&format!("\n  {host}: {}", short_cause(err)));
    }
    let (_, last) = failures
        .into_iter()
        .next_back()
        .expect("two or more failures");
    // The last host's own verdict (connect_failure always gives one) speaks for all.
    let (exit, hint) = verdict(&last);
    let mut fail = Fail::new(exit, message);
    fail.hint = hint.map(str::to_string);
    last.context(fail)
}

/// "could not connect to" the target, naming the host when there are several.
fn could_not_connect(conn: &ConnInfo, host: &HostSpec, origin: Origin) -> String {
    match conn.hosts.len() {
        1 => format!("could not connect to {conn} (from {origin})"),
        _ => format!("could not connect to {host} of {conn} (from {origin})"),
    }
}

/// The connection attempt to `host` outlived `connect_timeout`.
pub(super) fn timed_out(
    conn: &ConnInfo,
    host: &HostSpec,
    origin: Origin,
    limit: Duration,
) -> anyhow::Error {
    Fail::new(
        Exit::Unreachable,
        format!(
            "{}: no answer within {} s",
            could_not_connect(conn, host, origin),
            limit.as_secs()
        ),
    )
    .hint(timeout_hint(host, None))
    .into()
}

/// What to do when nothing listens at `place` (`host:port`, or one of its addresses).
pub fn refused_hint(place: &str, origin: Origin) -> String {
    format!(
        "nothing is listening on {place}; start PostgreSQL (locally: `docker compose up -d db`) or fix the host and port in {origin}"
    )
}

/// What to check when `host` does not answer. For RDS, the security group's inbound rule,
/// naming the IP it must admit when it is known (`doctor --my-ip`).
pub fn timeout_hint(host: &HostSpec, my_ip: Option<&str>) -> String {
    if is_rds(&host.name()) {
        let ip = my_ip.map_or_else(String::new, |ip| format!(" ({ip}/32)"));
        format!(
            "{host} did not answer: the RDS security group's inbound rule may not admit your current IP address{ip} \
             (add it for port {}), or the instance may be stopped",
            host.port
        )
    } else {
        format!(
            "{host} did not answer: check the host, the port and any firewall in between; \
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

/// The exit code and advice `err` carries: its `Fail`'s, else what the server's error calls
/// for (a connection lost is exit 3; a known SQLSTATE has its hint).
pub fn verdict(err: &anyhow::Error) -> (Exit, Option<&str>) {
    match err.downcast_ref::<Fail>() {
        Some(fail) => (fail.exit, fail.hint.as_deref().or_else(|| server_hint(err))),
        None => (server_exit(err), server_hint(err)),
    }
}

/// The exit code a server error calls for when no code path chose one: a connection lost
/// (closed, ended by an administrator, a crash) is exit 3, as when it could not be opened.
fn server_exit(err: &anyhow::Error) -> Exit {
    let Some(pg) = err
        .chain()
        .find_map(|cause| cause.downcast_ref::<PgError>())
    else {
        return Exit::Failure;
    };
    let lost = pg.0.is_closed()
        || pg.code().is_some_and(|code| {
            [
                SqlState::ADMIN_SHUTDOWN,
                SqlState::CRASH_SHUTDOWN,
                SqlState::CANNOT_CONNECT_NOW,
            ]
            .contains(code)
        });
    if lost {
        Exit::Unreachable
    } else {
        Exit::Failure
    }
}

/// Advice for a server or connection error anywhere in the chain, by what went wrong.
fn server_hint(err: &anyhow::Error) -> Option<&'static str> {
    let pg = err
        .chain()
        .find_map(|cause| cause.downcast_ref::<PgError>())?;
    if pg.0.is_closed() {
        return Some(
            "the server closed the connection: it may have restarted, crashed or ended this session; check the server's log, then run the command again",
        );
    }
    let code = pg.code()?;
    Some(if *code == SqlState::ADMIN_SHUTDOWN {
        "an administrator (or `cruddur-db kill`) ended this session, or the server is shutting down; run the command again"
    } else if *code == SqlState::CRASH_SHUTDOWN {
        "the server restarted after another process crashed; run the command again once it is back"
    } else if *code == SqlState::NAME_TOO_LONG {
        "PostgreSQL names are at most 63 bytes: choose a shorter name"
    } else if *code == SqlState::INSUFFICIENT_PRIVILEGE {
        "connect as a user with that privilege: the database's owner, or a superuser (on RDS, the master user)"
    } else if *code == SqlState::QUERY_CANCELED {
        "the statement was cancelled (by a timeout or another session); run the command again"
    } else {
        return None;
    })
}
