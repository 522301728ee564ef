//! Connecting to PostgreSQL: the target and maintenance databases, server notices, and turning
//! connection failures into exit codes and hints.

mod error;
mod tls;
pub mod url;

use anyhow::{Context, Result};
use futures_util::StreamExt;
use tokio_postgres::error::SqlState;
use tokio_postgres::{AsyncMessage, Client};

pub use self::error::{PgError, is_rds};
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

/// Open a connection to exactly the database `url` names.
pub async fn connect(url: &DbUrl, origin: Origin) -> Result<Client> {
    ui::verbose(format_args!("connecting to {url} (from {origin})"));
    let (client, mut connection) = url
        .pg_config()
        .connect(tls::connector(url)?)
        .await
        .map_err(|err| error::connect_failure(PgError(err), url, origin))?;
    // tokio-postgres hands NOTICEs to `log` unless we drive the connection ourselves.
    tokio::spawn(async move {
        let mut messages = futures_util::stream::poll_fn(move |cx| connection.poll_message(cx));
        while let Some(Ok(message)) = messages.next().await {
            if let AsyncMessage::Notice(notice) = message {
                ui::server_notice(notice.severity(), notice.message());
            }
        }
    });
    Ok(client)
}

/// Connect for CREATE/DROP DATABASE and the session list: same server and credentials, but a
/// database that is not the one being created or dropped.
pub async fn connect_admin(
    url: &DbUrl,
    maintenance_db: Option<&str>,
    origin: Origin,
) -> Result<Client> {
    if let Some(name) = maintenance_db {
        return connect(&url.with_database(name), origin).await;
    }
    match connect(&url.with_database("postgres"), origin).await {
        // `postgres` is only a convention and some hosts delete it; template1 always exists
        // because CREATE DATABASE copies it.
        Err(err) if PgError::code_in(&err) == Some(&SqlState::INVALID_CATALOG_NAME) => {
            ui::verbose("database `postgres` does not exist; using template1");
            connect(&url.with_database("template1"), origin).await
        }
        other => other,
    }
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
