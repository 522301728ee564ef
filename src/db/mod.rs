//! Connecting to PostgreSQL: the target and maintenance databases, server notices, and turning
//! connection failures into exit codes and hints.

mod error;
mod notices;
pub mod tls;
pub mod url;

use std::sync::Mutex;
use std::time::{Duration, Instant};

use anyhow::{Context, Result};
use futures_util::StreamExt;
use tokio_postgres::error::SqlState;
use tokio_postgres::{AsyncMessage, CancelToken, Client};
use tokio_postgres_rustls::MakeRustlsConnect;

pub use self::error::{PgError, is_rds, refused_hint, timeout_hint};
pub use self::notices::{Heard, Listener, Notices};
pub use self::url::DbUrl;
use crate::ui;

/// Where a URL came from, so hints can name the variable to fix.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    Flag,
    ProdEnv,
    Env,
    Default,
}

impl std::fmt::Display for Origin {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Origin::Flag => "--url",
            Origin::ProdEnv => "PROD_CONNECTION_URL",
            Origin::Env => "CONNECTION_URL",
            Origin::Default => "the built-in default URL",
        })
    }
}

/// The database a command acts on, and how to reach it.
#[derive(Debug, Clone)]
pub struct Target {
    pub url: DbUrl,
    pub origin: Origin,
    /// The user asked for production with `--prod`.
    pub prod: bool,
    /// How long to keep retrying while the server refuses connections (`--wait`).
    pub wait: Option<Duration>,
}

/// An open connection and the notices the server sends on it.
pub struct Session {
    pub client: Client,
    pub notices: Notices,
}

/// Connect to the target database.
pub async fn connect(target: &Target) -> Result<Session> {
    connect_to(&target.url, target).await
}

/// Connect to `url` (the target's server), retrying for `target.wait` while that can heal.
async fn connect_to(url: &DbUrl, target: &Target) -> Result<Session> {
    // Built once: it may read a large CA bundle, and retries must not read it again.
    let tls = tls::connector(url)?;
    let deadline = target.wait.map(|wait| Instant::now() + wait);
    let mut attempt = 1;
    loop {
        match connect_once(url, target.origin, tls.clone()).await {
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

async fn connect_once(url: &DbUrl, origin: Origin, tls: MakeRustlsConnect) -> Result<Session> {
    ui::verbose(format_args!("connecting to {url} (from {origin})"));
    let config = url.pg_config();
    let connecting = config.connect(tls.clone());
    let connected = match url.connect_timeout {
        // Bounds the whole attempt: a host that accepts TCP but never answers must not hang us.
        Some(limit) => tokio::time::timeout(limit, connecting)
            .await
            .map_err(|_| error::timed_out(url, origin, limit))?,
        None => connecting.await,
    };
    let (client, mut connection) =
        connected.map_err(|err| error::connect_failure(PgError(err), url, origin))?;
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
    Ok(Session { client, notices })
}

/// Connect for CREATE/DROP DATABASE and the session list: same server and credentials, but a
/// database that is not the one being created or dropped.
pub async fn connect_admin(target: &Target, maintenance_db: Option<&str>) -> Result<Client> {
    let url = &target.url;
    if let Some(name) = maintenance_db {
        return Ok(connect_to(&url.with_database(name), target).await?.client);
    }
    let session = match connect_to(&url.with_database("postgres"), target).await {
        // `postgres` is only a convention and some hosts delete it; template1 always exists
        // because CREATE DATABASE copies it.
        Err(err) if PgError::code_in(&err) == Some(&SqlState::INVALID_CATALOG_NAME) => {
            ui::verbose("database `postgres` does not exist; using template1");
            connect_to(&url.with_database("template1"), target).await
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
