//! What a file may ask of its session, read once before it runs: psql's built-in variables
//! (`DBNAME`, `USER`, `HOST`, `PORT`, `SERVER_VERSION_NAME`, ...) and the server's
//! `standard_conforming_strings`, which decides how the lexer reads backslashes.

use anyhow::{Context, Result};
use tokio_postgres::Client;

use crate::db::PgError;

/// What the file may ask of the session: psql's built-in variables and the server's
/// `standard_conforming_strings`, read once before the file runs.
pub(super) struct Facts {
    pub(super) database: String,
    user: String,
    host: String,
    port: String,
    version: String,
    version_num: String,
    pub(super) standard_strings: bool,
}

pub(super) async fn facts(client: &Client) -> Result<Facts> {
    let row = client
        .query_one(
            "SELECT current_database(), session_user::text,
                    coalesce(inet_server_addr()::text, current_setting('unix_socket_directories')),
                    current_setting('port'), current_setting('server_version'),
                    current_setting('server_version_num'),
                    current_setting('standard_conforming_strings') = 'on'",
            &[],
        )
        .await
        .map_err(PgError)
        .context("could not read the session's settings")?;
    let host: String = row.get(2);
    Ok(Facts {
        database: row.get(0),
        user: row.get(1),
        host: host
            .split(',')
            .next()
            .unwrap_or("")
            .trim()
            .trim_end_matches("/32")
            .to_string(),
        port: row.get(3),
        version: row.get(4),
        version_num: row.get(5),
        standard_strings: row.get(6),
    })
}

impl Facts {
    /// psql's built-ins, then `--set`, which may override them as `psql -v` may.
    pub(super) fn variables(&self, set: &[(String, String)]) -> Vec<(String, String)> {
        let builtins = [
            ("DBNAME", self.database.as_str()),
            ("USER", &self.user),
            ("HOST", &self.host),
            ("PORT", &self.port),
            ("ENCODING", "UTF8"),
            ("SERVER_VERSION_NAME", &self.version),
            ("SERVER_VERSION_NUM", &self.version_num),
            // There is no psql here: the client's version variables name the server's.
            ("VERSION_NAME", &self.version),
            ("VERSION_NUM", &self.version_num),
            ("VERSION", &self.version),
            ("AUTOCOMMIT", "on"),
            ("ON_ERROR_STOP", "on"),
            ("ON_ERROR_ROLLBACK", "off"),
            ("SHOW_ALL_RESULTS", "on"),
            ("VERBOSITY", "default"),
        ];
        builtins
            .into_iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .chain(set.iter().cloned())
            .collect()
    }
}
