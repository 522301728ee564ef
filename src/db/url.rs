//! Connection URLs: parsed with the `url` crate into libpq's meanings, redacted for printing.

use std::net::IpAddr;
use std::path::PathBuf;
use std::time::Duration;

use anyhow::{Result, bail};
use url::Url;

use crate::error::{Exit, Fail};

/// libpq's `sslmode` values that mean something for a client without client certificates.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SslMode {
    Disable,
    Prefer,
    Require,
    VerifyCa,
    VerifyFull,
}

impl SslMode {
    fn parse(value: &str) -> Option<SslMode> {
        Some(match value {
            "disable" => SslMode::Disable,
            "prefer" => SslMode::Prefer,
            "require" => SslMode::Require,
            "verify-ca" => SslMode::VerifyCa,
            "verify-full" => SslMode::VerifyFull,
            _ => return None,
        })
    }
}

/// Query parameters we understand; anything else is refused rather than silently ignored.
const KNOWN_PARAMS: &[&str] = &[
    "sslmode",
    "sslrootcert",
    "connect_timeout",
    "application_name",
    "hostaddr",
];

/// PostgreSQL's identifier limit (NAMEDATALEN - 1), in bytes.
pub const MAX_NAME_BYTES: usize = 63;

/// How long a connection attempt may take, from TCP connect to authenticated, when the URL
/// sets no `connect_timeout`. libpq waits forever, which is how `psql $PROD_CONNECTION_URL`
/// "just hangs" behind a security group that drops packets.
pub const DEFAULT_CONNECT_TIMEOUT: Duration = Duration::from_secs(10);

/// A parsed `postgresql://` URL. The password is only reachable through [`DbUrl::password`],
/// and `Display` shows it as `***`.
#[derive(Clone)]
pub struct DbUrl {
    url: Url,
    host: String,
    port: u16,
    user: String,
    password: Option<String>,
    database: String,
    pub sslmode: SslMode,
    pub sslrootcert: Option<PathBuf>,
    /// The whole connection attempt's time limit; `None` (from `connect_timeout=0`) waits forever.
    pub connect_timeout: Option<Duration>,
    pub application_name: Option<String>,
    /// The address to connect to instead of resolving `host`, which still names the server
    /// for TLS verification and messages (libpq's `hostaddr`).
    pub hostaddr: Option<IpAddr>,
}

fn invalid(message: impl Into<String>) -> anyhow::Error {
    Fail::new(Exit::Usage, message)
        .hint("a connection URL looks like postgresql://USER:PASSWORD@HOST:5432/DATABASE?sslmode=require")
        .into()
}

fn decode(part: &str, what: &str) -> Result<String> {
    percent_encoding::percent_decode_str(part)
        .decode_utf8()
        .map(|text| text.into_owned())
        .map_err(|_| {
            invalid(format!(
                "the URL's {what} is not valid UTF-8 once percent-decoded"
            ))
        })
}

impl DbUrl {
    pub fn parse(text: &str) -> Result<DbUrl> {
        let text = text.trim();
        if text.is_empty() {
            return Err(invalid("the connection URL is empty"));
        }
        let (scheme, rest) = text.split_once("://").ok_or_else(|| {
            invalid("the connection URL does not start with postgresql:// (key=value connection strings are not supported)")
        })?;
        if scheme != "postgresql" && scheme != "postgres" {
            return Err(invalid(format!(
                "the connection URL's scheme is `{scheme}://`; expected `postgresql://` or `postgres://`"
            )));
        }
        let authority = rest.split(['/', '?']).next().unwrap_or_default();
        let hosts = authority
            .rsplit_once('@')
            .map_or(authority, |(_, hosts)| hosts);
        if hosts.contains(',') {
            return Err(invalid(format!(
                "the connection URL names several hosts (`{hosts}`); cruddur-db connects to one host"
            )));
        }
        // Never echo the URL itself in these errors: it may hold a password.
        let url = Url::parse(text)
            .map_err(|err| invalid(format!("the connection URL is malformed: {err}")))?;

        let host = match url.host() {
            Some(url::Host::Domain(domain)) => domain.to_string(),
            Some(url::Host::Ipv4(ip)) => ip.to_string(),
            Some(url::Host::Ipv6(ip)) => ip.to_string(),
            None => "localhost".to_string(),
        };
        let host = decode(&host, "host")?;
        let user = match url.username() {
            "" => "postgres".to_string(),
            name => decode(name, "user name")?,
        };
        let password = url.password().map(|p| decode(p, "password")).transpose()?;
        let path = url.path().trim_start_matches('/');
        if path.is_empty() {
            return Err(invalid(
                "the connection URL names no database; add one after the host, e.g. `.../cruddur`",
            ));
        }
        if path.contains('/') {
            // Never echo the path: an unescaped `/` in a password puts the password's tail here.
            return Err(Fail::new(
                Exit::Usage,
                "the connection URL's path has more than one segment; it must be just the database name",
            )
            .hint("percent-encode any `/`, `@`, `:` or `?` in the password or database name (`/` is %2F)")
            .into());
        }
        let database = decode(path, "database name")?;
        if database.len() > MAX_NAME_BYTES {
            // PostgreSQL would silently cut it, creating a database no later command could name.
            return Err(Fail::new(
                Exit::Usage,
                format!(
                    "the database name in the connection URL is {} bytes long; PostgreSQL names are at most {MAX_NAME_BYTES}",
                    database.len()
                ),
            )
            .hint("choose a shorter database name")
            .into());
        }

        let mut parsed = DbUrl {
            port: url.port().unwrap_or(5432),
            url: url.clone(),
            host,
            user,
            password,
            database,
            sslmode: SslMode::Prefer,
            sslrootcert: None,
            connect_timeout: Some(DEFAULT_CONNECT_TIMEOUT),
            application_name: None,
            hostaddr: None,
        };
        let mut seen = Vec::new();
        for (key, value) in url.query_pairs() {
            if seen.contains(&key) {
                bail!(invalid(format!("the connection URL sets `{key}` twice")));
            }
            match &*key {
                "sslmode" => {
                    parsed.sslmode = SslMode::parse(&value).ok_or_else(|| {
                        invalid(format!(
                            "sslmode={value} in the connection URL is not one of disable, prefer, require, verify-ca, verify-full"
                        ))
                    })?;
                }
                "sslrootcert" => parsed.sslrootcert = Some(PathBuf::from(&*value)),
                "connect_timeout" => {
                    let secs: u64 = value.parse().map_err(|_| {
                        invalid(format!(
                            "connect_timeout={value} in the connection URL is not a whole number of seconds"
                        ))
                    })?;
                    // libpq treats 0 as "wait forever".
                    parsed.connect_timeout = (secs > 0).then(|| Duration::from_secs(secs));
                }
                "application_name" => parsed.application_name = Some(value.to_string()),
                "hostaddr" => {
                    parsed.hostaddr = Some(value.parse().map_err(|_| {
                        invalid(format!(
                            "hostaddr={value} in the connection URL is not an IP address"
                        ))
                    })?);
                }
                _ => {
                    return Err(invalid(format!(
                        "the connection URL has an unknown parameter `{key}` (known: {})",
                        KNOWN_PARAMS.join(", ")
                    )));
                }
            }
            seen.push(key);
        }
        Ok(parsed)
    }

    pub fn host(&self) -> &str {
        &self.host
    }

    pub fn port(&self) -> u16 {
        self.port
    }

    pub fn user(&self) -> &str {
        &self.user
    }

    pub fn password(&self) -> Option<&str> {
        self.password.as_deref()
    }

    pub fn database(&self) -> &str {
        &self.database
    }

    /// The same server, credentials and TLS settings, another database.
    pub fn with_database(&self, database: &str) -> DbUrl {
        let mut other = self.clone();
        other.database = database.to_string();
        other
            .url
            .path_segments_mut()
            .expect("a postgresql URL has a path")
            .clear()
            .push(database);
        other
    }

    /// The URL with the password removed, for handing to libpq tools (the password travels
    /// separately, in `PGPASSWORD`).
    pub fn without_password(&self) -> String {
        let mut url = self.url.clone();
        let _ = url.set_password(None);
        url.to_string()
    }

    /// The settings tokio-postgres understands; TLS verification modes are ours to enforce.
    pub fn pg_config(&self) -> tokio_postgres::Config {
        let mut config = tokio_postgres::Config::new();
        config
            .host(&self.host)
            .port(self.port)
            .user(&self.user)
            .dbname(&self.database)
            .application_name(self.application_name.as_deref().unwrap_or("cruddur-db"))
            .ssl_mode(match self.sslmode {
                SslMode::Disable => tokio_postgres::config::SslMode::Disable,
                SslMode::Prefer => tokio_postgres::config::SslMode::Prefer,
                SslMode::Require | SslMode::VerifyCa | SslMode::VerifyFull => {
                    tokio_postgres::config::SslMode::Require
                }
            });
        if let Some(password) = &self.password {
            config.password(password);
        }
        if let Some(addr) = self.hostaddr {
            config.hostaddr(addr);
        }
        config
    }
}

/// Shows the URL with its password replaced by `***`.
impl std::fmt::Display for DbUrl {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let mut url = self.url.clone();
        if url.password().is_some() {
            let _ = url.set_password(Some("***"));
        }
        f.write_str(url.as_str())
    }
}

/// Debug must not leak the password either (it can end up in panics and logs).
impl std::fmt::Debug for DbUrl {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "DbUrl({self})")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_the_cruddur_default() {
        let url = DbUrl::parse("postgresql://postgres:password@localhost:5432/cruddur").unwrap();
        assert_eq!(url.host(), "localhost");
        assert_eq!(url.port(), 5432);
        assert_eq!(url.user(), "postgres");
        assert_eq!(url.password(), Some("password"));
        assert_eq!(url.database(), "cruddur");
        assert_eq!(url.sslmode, SslMode::Prefer);
        assert_eq!(url.connect_timeout, Some(DEFAULT_CONNECT_TIMEOUT));
    }

    #[test]
    fn connect_timeout_zero_waits_forever_as_in_libpq() {
        let url = DbUrl::parse("postgresql://h/db?connect_timeout=0").unwrap();
        assert_eq!(url.connect_timeout, None);
    }

    #[test]
    fn display_redacts_the_password() {
        let url = DbUrl::parse("postgres://u:s3cr%2Ft@h/db").unwrap();
        assert_eq!(url.to_string(), "postgres://u:***@h/db");
        assert!(!format!("{url:?}").contains("s3cr"));
        assert_eq!(url.password(), Some("s3cr/t"));
    }

    #[test]
    fn a_password_containing_slash_cruddur_does_not_change_the_database() {
        let url = DbUrl::parse("postgresql://u:pa%2Fcruddur@h:5432/cruddur").unwrap();
        assert_eq!(url.database(), "cruddur");
        assert_eq!(url.with_database("postgres").password(), Some("pa/cruddur"));
        assert_eq!(url.with_database("postgres").database(), "postgres");
    }

    #[test]
    fn database_names_are_percent_decoded_and_re_encoded() {
        let url = DbUrl::parse("postgresql://h/Cruddur%20Test").unwrap();
        assert_eq!(url.database(), "Cruddur Test");
        let other = url.with_database("my\"db");
        assert_eq!(other.database(), "my\"db");
        assert_eq!(
            DbUrl::parse(&other.to_string()).unwrap().database(),
            "my\"db"
        );
    }

    #[test]
    fn understands_libpq_parameters() {
        let url = DbUrl::parse(
            "postgresql://h/db?sslmode=verify-full&sslrootcert=/tmp/rds.pem&connect_timeout=5&application_name=x&hostaddr=10.0.0.7",
        )
        .unwrap();
        assert_eq!(url.sslmode, SslMode::VerifyFull);
        assert_eq!(url.sslrootcert, Some(PathBuf::from("/tmp/rds.pem")));
        assert_eq!(url.connect_timeout, Some(Duration::from_secs(5)));
        assert_eq!(url.application_name.as_deref(), Some("x"));
        assert_eq!(url.hostaddr, Some(IpAddr::from([10, 0, 0, 7])));
        assert_eq!(url.host(), "h");
    }

    fn error_of(text: &str) -> String {
        format!("{:#}", DbUrl::parse(text).unwrap_err())
    }

    #[test]
    fn rejects_what_it_cannot_honour_and_names_the_part() {
        assert!(error_of("postgresql://h/db?sslmode=maybe").contains("sslmode=maybe"));
        assert!(error_of("postgresql://h/db?foo=1").contains("unknown parameter `foo`"));
        assert!(
            error_of("postgresql://h/db?connect_timeout=soon").contains("connect_timeout=soon")
        );
        assert!(error_of("postgresql://h/db?hostaddr=h2").contains("hostaddr=h2"));
        assert!(error_of("mysql://h/db").contains("mysql://"));
        assert!(error_of("postgresql://h1:5432,h2:5432/db").contains("several hosts"));
        assert!(error_of("postgresql://h:5432").contains("names no database"));
        assert!(error_of("postgresql://h/a/b").contains("more than one segment"));
    }

    #[test]
    fn malformed_urls_never_echo_the_password() {
        let message = error_of("postgresql://u:hunter2@h:notaport/db");
        assert!(!message.contains("hunter2"), "{message}");
        // An unescaped `/` makes the password's tail part of the path.
        let message = error_of("postgresql://u:12/SECRET@host/db");
        assert!(message.contains("more than one segment"), "{message}");
        assert!(!message.contains("SECRET"), "{message}");
    }

    #[test]
    fn database_names_longer_than_postgresql_keeps_are_refused() {
        let longest = "d".repeat(MAX_NAME_BYTES);
        assert_eq!(
            DbUrl::parse(&format!("postgresql://h/{longest}"))
                .unwrap()
                .database(),
            longest
        );
        // 32 two-byte characters: 64 bytes, though only 32 characters.
        let message = error_of(&format!("postgresql://h/{}", "é".repeat(32)));
        assert!(message.contains("64 bytes long"), "{message}");
    }
}
