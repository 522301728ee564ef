//! Connecting to PostgreSQL: the target and maintenance databases, server notices, and turning
//! connection failures into exit codes and hints.

pub mod admin;
pub mod conninfo;
mod error;
mod notices;
pub mod run_lock;
pub mod sessions;
pub mod tls;

use std::future::Future;
use std::pin::Pin;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use anyhow::{Context, Result};
use futures_util::StreamExt;
use tokio_postgres::error::SqlState;
use tokio_postgres::{AsyncMessage, CancelToken, Client};
use tokio_postgres_rustls::MakeRustlsConnect;

pub use self::conninfo::ConnInfo;
use self::conninfo::{HostSpec, SessionAttrs, SslMode};
pub use self::error::{PgError, iam_refused_hint, is_rds, refused_hint, timeout_hint, verdict};
pub use self::notices::{Heard, Listener, Notices};
use crate::error::{Exit, Fail};
use crate::ui;

/// Where a URL came from, so hints can name the variable to fix.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    /// A command-line flag: `--url`, `--scratch-url`, or the flag that named a `url:` source.
    Flag(&'static str),
    ProdEnv,
    Env,
    Default,
}

impl std::fmt::Display for Origin {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Origin::Flag(flag) => flag,
            Origin::ProdEnv => "PROD_CONNECTION_URL",
            Origin::Env => "CONNECTION_URL",
            Origin::Default => "the built-in default URL",
        })
    }
}

/// Where a connection's password comes from when its string gives none: a signer the
/// configuration hands in (an RDS IAM token, made afresh for each connection). This layer
/// only calls it; what signs, and with which credentials, is not its business.
pub trait Signer: std::fmt::Debug + Send + Sync {
    /// The password for one connection to `host:port` as `user`.
    fn password<'a>(
        &'a self,
        host: &'a str,
        port: u16,
        user: &'a str,
    ) -> Pin<Box<dyn Future<Output = Result<String>> + Send + 'a>>;
}

/// The database a command acts on, and how to reach it.
#[derive(Debug, Clone)]
pub struct Target {
    pub conn: ConnInfo,
    pub origin: Origin,
    /// The user asked for production with `--prod`.
    pub prod: bool,
    /// How long to keep retrying while the server refuses connections (`--wait`).
    pub wait: Option<Duration>,
    /// What else a database this command reaches on the user's behalf (a file's `\connect`)
    /// is checked against before anything runs there.
    pub protection: Protection,
    /// IAM database authentication: each connection signs a fresh token as its password.
    pub iam: Option<Arc<dyn Signer>>,
}

/// The facts, besides a database's own production mark and an RDS host name, that decide
/// whether a database reached on the user's behalf is production, and whether the user already
/// answered the question that would ask.
#[derive(Debug, Clone, Default)]
pub struct Protection {
    /// `PROD_CONNECTION_URL`'s server and database: `(host, port, database)`.
    pub prod_database: Option<(String, u16, String)>,
    /// `--yes`: confirmations are answered already.
    pub confirmed: bool,
}

impl Protection {
    /// Whether `conn` names `PROD_CONNECTION_URL`'s database on its server.
    pub fn is_prod_database(&self, conn: &ConnInfo) -> bool {
        self.prod_database
            .as_ref()
            .is_some_and(|(host, port, database)| {
                *host == conn.host() && *port == conn.port() && database == conn.database()
            })
    }
}

/// An open connection and the notices the server sends on it.
pub struct Session {
    pub client: Client,
    pub notices: Notices,
    /// The connection string's `client_encoding`: how SQL files are read.
    pub client_encoding: Option<String>,
    /// What it connected to, for a file's `\connect` to another database on the same server.
    pub target: Option<Target>,
}

/// Connect to the target database.
pub async fn connect(target: &Target) -> Result<Session> {
    let mut session = connect_to(&target.conn, target).await?;
    session.target = Some(target.clone());
    Ok(session)
}

/// Connect to `conn` (the target's servers), retrying for `target.wait` while that can heal.
async fn connect_to(conn: &ConnInfo, target: &Target) -> Result<Session> {
    // Built once: it may read a large CA bundle, and retries must not read it again.
    let tls = tls::connector(conn)?;
    let deadline = target.wait.map(|wait| Instant::now() + wait);
    let mut attempt = 1;
    loop {
        match connect_any(conn, target, &tls).await {
            Err(err)
                if error::is_transient(&err) && deadline.is_some_and(|d| Instant::now() < d) =>
            {
                ui::status(
                    "wait",
                    format_args!("attempt {attempt}: {}; retrying", error::short_cause(&err)),
                );
                attempt += 1;
                tokio::time::sleep(Duration::from_millis(500)).await;
            }
            other => return other,
        }
    }
}

/// Try each host in turn (shuffled with `load_balance_hosts=random`) until one connects and
/// has the session attributes asked for, as libpq does; with `prefer-standby`, a standby is
/// looked for first, then anything. A failure names every host tried and why.
async fn connect_any(conn: &ConnInfo, target: &Target, tls: &MakeRustlsConnect) -> Result<Session> {
    let mut order: Vec<&HostSpec> = conn.hosts.iter().collect();
    if conn.load_balance {
        shuffle(&mut order);
    }
    let passes: &[SessionAttrs] = match conn.target_session_attrs {
        SessionAttrs::PreferStandby => &[SessionAttrs::Standby, SessionAttrs::Any],
        attrs => &[attrs][..],
    };
    let mut failures = Vec::new();
    for attrs in passes {
        for host in &order {
            match connect_host(conn, host, *attrs, target, tls.clone()).await {
                Ok(session) => return Ok(session),
                Err(err) => failures.push((host.to_string(), err)),
            }
        }
    }
    Err(error::every_host_failed(failures))
}

/// Fisher-Yates with the clock's nanoseconds: spreading load needs no cryptography.
fn shuffle<T>(items: &mut [T]) {
    let mut seed = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(1, |d| d.as_nanos() as u64 | 1);
    for i in (1..items.len()).rev() {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        items.swap(i, (seed % (i as u64 + 1)) as usize);
    }
}

/// One host, bounded by `connect_timeout` from TCP connect to authenticated, then checked
/// against `attrs`.
async fn connect_host(
    conn: &ConnInfo,
    host: &HostSpec,
    attrs: SessionAttrs,
    target: &Target,
    tls: MakeRustlsConnect,
) -> Result<Session> {
    let origin = target.origin;
    match conn.hosts.len() {
        1 => ui::verbose(format_args!("connecting to {conn} (from {origin})")),
        _ => ui::verbose(format_args!(
            "connecting to {conn} (from {origin}): trying {host}"
        )),
    }
    let mut config = pg_config(conn, host);
    if let (Some(iam), conninfo::Host::Tcp(name)) = (&target.iam, &host.host) {
        // Signed for the host name as written, as RDS checks it, whatever hostaddr says.
        config.password(iam.password(name, host.port, conn.user()).await?);
    }
    let session = match conn.sslmode.value {
        // libpq's allow: plain first, TLS only when the server insists on it.
        SslMode::Allow if !host.is_socket() => {
            let plain = with_ssl(&config, tokio_postgres::config::SslMode::Disable);
            match connect_once(&plain, conn, host, target, tls.clone()).await {
                Err(err) if error::wants_encryption(&err) => {
                    let encrypted = with_ssl(&config, tokio_postgres::config::SslMode::Require);
                    connect_once(&encrypted, conn, host, target, tls).await
                }
                other => other,
            }
        }
        _ => connect_once(&config, conn, host, target, tls).await,
    }?;
    check_attrs(&session, attrs, conn, host).await?;
    Ok(session)
}

fn with_ssl(
    config: &tokio_postgres::Config,
    mode: tokio_postgres::config::SslMode,
) -> tokio_postgres::Config {
    let mut config = config.clone();
    config.ssl_mode(mode);
    config
}

/// Everything tokio-postgres needs for `host`; TLS verification modes are ours to enforce.
fn pg_config(conn: &ConnInfo, host: &HostSpec) -> tokio_postgres::Config {
    use tokio_postgres::config::SslMode as Wire;
    let mut config = tokio_postgres::Config::new();
    match &host.host {
        conninfo::Host::Tcp(name) => config.host(name),
        conninfo::Host::Socket(dir) => config.host_path(dir),
    };
    if let Some(addr) = host.hostaddr {
        config.hostaddr(addr);
    }
    config
        .port(host.port)
        .user(conn.user())
        .dbname(conn.database())
        .application_name(&conn.application_name)
        .channel_binding(conn.channel_binding)
        // libpq never asks for TLS over a Unix socket, whatever sslmode says.
        .ssl_mode(match conn.sslmode.value {
            _ if host.is_socket() => Wire::Disable,
            SslMode::Disable | SslMode::Allow => Wire::Disable,
            SslMode::Prefer => Wire::Prefer,
            SslMode::Require | SslMode::VerifyCa | SslMode::VerifyFull => Wire::Require,
        });
    if conn.ssl_direct {
        config.ssl_negotiation(tokio_postgres::config::SslNegotiation::Direct);
    }
    if let Some(password) = conn.password_for(host) {
        config.password(password.value);
    }
    if let Some(options) = &conn.options {
        config.options(options);
    }
    match &conn.keepalives {
        None => {
            config.keepalives(false);
        }
        Some(keepalives) => {
            if let Some(idle) = keepalives.idle {
                config.keepalives_idle(idle);
            }
            if let Some(interval) = keepalives.interval {
                config.keepalives_interval(interval);
            }
            if let Some(count) = keepalives.count {
                config.keepalives_retries(count);
            }
        }
    }
    if let Some(timeout) = conn.tcp_user_timeout {
        config.tcp_user_timeout(timeout);
    }
    config
}

/// libpq's `target_session_attrs` checks, made once connected.
async fn check_attrs(
    session: &Session,
    attrs: SessionAttrs,
    conn: &ConnInfo,
    host: &HostSpec,
) -> Result<()> {
    let (query, wanted, refusal) = match attrs {
        SessionAttrs::Any | SessionAttrs::PreferStandby => return Ok(()),
        SessionAttrs::ReadWrite => (
            "SHOW transaction_read_only",
            "off",
            "the server is read-only",
        ),
        SessionAttrs::ReadOnly => (
            "SHOW transaction_read_only",
            "on",
            "the server is not read-only",
        ),
        SessionAttrs::Primary => (
            "SELECT CASE WHEN pg_is_in_recovery() THEN 'on' ELSE 'off' END",
            "off",
            "the server is a standby",
        ),
        SessionAttrs::Standby => (
            "SELECT CASE WHEN pg_is_in_recovery() THEN 'on' ELSE 'off' END",
            "on",
            "the server is not a standby",
        ),
    };
    let rows = session
        .client
        .simple_query(query)
        .await
        .map_err(PgError)
        .with_context(|| format!("could not check target_session_attrs on {host}"))?;
    let value = rows.iter().find_map(|message| match message {
        tokio_postgres::SimpleQueryMessage::Row(row) => row.get(0).map(str::to_string),
        _ => None,
    });
    if value.as_deref() == Some(wanted) {
        return Ok(());
    }
    Err(Fail::new(
        Exit::Unreachable,
        format!(
            "{host}: {refusal} (target_session_attrs={})",
            conn.target_session_attrs.as_str()
        ),
    )
    .hint("list a host that fits target_session_attrs, or relax it")
    .into())
}
/// Every connection opened, so Ctrl-C can cancel what each is running.
static OPEN: Mutex<Vec<(CancelToken, MakeRustlsConnect)>> = Mutex::new(Vec::new());

/// Ask the server to cancel whatever each open connection is running (Ctrl-C). The process exits
/// next, which closes the connections, so the server also rolls back their transactions.
/// Returns how many connections were open.
pub async fn cancel_running() -> usize {
    let open = std::mem::take(&mut *OPEN.lock().unwrap_or_else(|e| e.into_inner()));
    let count = open.len();
    let cancels = open
        .into_iter()
        .map(|(token, tls)| async move { token.cancel_query(tls).await });
    // Best effort: the server may be gone, and exiting must not wait long for it.
    let _ = tokio::time::timeout(
        Duration::from_millis(800),
        futures_util::future::join_all(cancels),
    )
    .await;
    count
}

async fn connect_once(
    config: &tokio_postgres::Config,
    conn: &ConnInfo,
    host: &HostSpec,
    target: &Target,
    tls: MakeRustlsConnect,
) -> Result<Session> {
    let origin = target.origin;
    let connecting = config.connect(tls.clone());
    let connected = match conn.connect_timeout {
        // Bounds the whole attempt: a host that accepts TCP but never answers must not hang us.
        Some(limit) => tokio::time::timeout(limit, connecting)
            .await
            .map_err(|_| error::timed_out(conn, host, origin, limit))?,
        None => connecting.await,
    };
    let (client, mut connection) =
        connected.map_err(|err| error::connect_failure(PgError(err), conn, host, target))?;
    OPEN.lock()
        .unwrap_or_else(|e| e.into_inner())
        .push((client.cancel_token(), tls));
    let notices = Notices::default();
    let deliver = notices.clone();
    // tokio-postgres hands NOTICEs to `log` unless we drive the connection ourselves.
    tokio::spawn(async move {
        let mut messages = futures_util::stream::poll_fn(move |cx| connection.poll_message(cx));
        while let Some(Ok(message)) = messages.next().await {
            if let AsyncMessage::Notice(notice) = message {
                deliver.deliver(notice).await;
            }
        }
    });
    Ok(Session {
        client,
        notices,
        client_encoding: conn.client_encoding.clone(),
        target: None,
    })
}

/// Connect for CREATE/DROP DATABASE and the session list: same server and credentials, but a
/// database that is not the one being created or dropped.
pub async fn connect_admin(target: &Target, maintenance_db: Option<&str>) -> Result<Client> {
    let conn = &target.conn;
    if let Some(name) = maintenance_db {
        return Ok(connect_to(&conn.with_database(name), target).await?.client);
    }
    let session = match connect_to(&conn.with_database("postgres"), target).await {
        // `postgres` is only a convention and some hosts delete it; template1 always exists
        // because CREATE DATABASE copies it.
        Err(err) if PgError::code_in(&err) == Some(&SqlState::INVALID_CATALOG_NAME) => {
            ui::verbose("database `postgres` does not exist; using template1");
            connect_to(&conn.with_database("template1"), target).await
        }
        other => other,
    };
    Ok(session?.client)
}

/// `name` quoted as an SQL identifier, safe for any database name.
pub fn quote_ident(name: &str) -> String {
    postgres_protocol::escape::escape_identifier(name)
}

/// The server's version as `server_version_num` (e.g. 150004).
pub async fn server_version(client: &Client) -> Result<u32> {
    let row = client
        .query_one("SELECT current_setting('server_version_num')::int4", &[])
        .await
        .map_err(PgError)
        .context("could not read the server version")?;
    Ok(row.get::<_, i32>(0) as u32)
}

/// Whether a database of this name exists on the server `client` is connected to.
pub async fn database_exists(client: &Client, name: &str) -> Result<bool> {
    let row = client
        .query_opt("SELECT 1 FROM pg_database WHERE datname = $1", &[&name])
        .await
        .map_err(PgError)
        .with_context(|| format!("could not look up database {}", quote_ident(name)))?;
    Ok(row.is_some())
}
