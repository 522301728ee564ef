//! Connection settings exactly as libpq reads them: a connection string in either form, then a
//! `pg_service.conf` service, then the `PG*` variables, then defaults; passwords from
//! `~/.pgpass` per host. The result is one [`ConnInfo`] that knows where each setting came
//! from and never shows its password.

mod modes;
mod params;
mod parse;
pub(crate) mod pgpass;
mod service;

use std::collections::HashMap;
use std::fmt;
use std::net::IpAddr;
use std::path::{Path, PathBuf};
use std::time::Duration;

use anyhow::Result;

pub use self::modes::{RootCert, SessionAttrs, SslMode};
use super::Origin;

/// PostgreSQL's identifier limit (NAMEDATALEN - 1), in bytes.
pub const MAX_NAME_BYTES: usize = 63;

/// How long a connection attempt to one host may take, from TCP connect to authenticated, when
/// nothing sets `connect_timeout`. libpq waits forever, which is how `psql $PROD_CONNECTION_URL`
/// "just hangs" behind a security group that drops packets.
pub const DEFAULT_CONNECT_TIMEOUT: Duration = Duration::from_secs(10);

/// The passwords a connection string holds, as written and percent-decoded, for redacting
/// text we did not write (a crash report). Anything unparsable holds none we can find.
pub fn passwords_in(text: &str) -> Vec<String> {
    let Ok(pairs) = parse::parse(text) else {
        return Vec::new();
    };
    let mut passwords: Vec<String> = pairs
        .into_iter()
        .filter(|(key, _)| key == "password")
        .map(|(_, value)| value)
        .collect();
    // A URI's password as typed, percent-escapes and all.
    if let Some(rest) = text.trim().split_once("://").map(|(_, rest)| rest) {
        let userinfo = rest.split(['@', '/']).next().filter(|_| rest.contains('@'));
        if let Some((_, raw)) = userinfo.and_then(|info| info.split_once(':')) {
            passwords.push(raw.to_string());
        }
    }
    passwords.retain(|password| !password.is_empty());
    passwords
}

/// What the process environment holds that libpq would read, captured once by `config`.
#[derive(Debug, Clone, Default)]
pub struct Environment {
    /// The `PG*` variables that are set and not empty.
    pub vars: HashMap<String, String>,
    pub home: Option<PathBuf>,
    /// The operating-system user: libpq's default user name.
    pub os_user: String,
}

impl Environment {
    fn var(&self, name: &str) -> Option<&str> {
        self.vars.get(name).map(String::as_str)
    }

    fn home_file(&self, relative: &str) -> Option<PathBuf> {
        self.home.as_ref().map(|home| home.join(relative))
    }
}

/// Where a setting came from, for `doctor` and for hints.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// The connection string, from `--url` or a variable.
    String(Origin),
    /// A `service` section of a `pg_service.conf` file.
    Service { name: String, file: PathBuf },
    /// A `PG*` environment variable.
    Env(&'static str),
    /// A line of a password file.
    PassFile { file: PathBuf, line: usize },
    /// The built-in local default (the Cruddur docker-compose database).
    BuiltIn,
    /// libpq's own default.
    Default,
}

impl fmt::Display for Source {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Source::String(origin) => write!(f, "{origin}"),
            Source::Service { name, file } => {
                write!(f, "service {name:?} in {}", file.display())
            }
            Source::Env(name) => f.write_str(name),
            Source::PassFile { file, line } => write!(f, "{} line {line}", file.display()),
            Source::BuiltIn => f.write_str("the built-in default"),
            Source::Default => f.write_str("libpq's default"),
        }
    }
}

/// A server to try: a TCP host name or a socket directory, with its port.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HostSpec {
    pub host: Host,
    /// The address to connect to instead of resolving `host`, which still names the server
    /// for TLS verification and `.pgpass` (libpq's `hostaddr`).
    pub hostaddr: Option<IpAddr>,
    pub port: u16,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Host {
    Tcp(String),
    /// A directory holding the server's Unix-domain socket (`host=/var/run/postgresql`).
    Socket(PathBuf),
}

impl HostSpec {
    /// The host as libpq names it in messages and `.pgpass`.
    pub fn name(&self) -> String {
        match &self.host {
            Host::Tcp(name) => name.clone(),
            Host::Socket(dir) => dir.display().to_string(),
        }
    }

    pub fn is_socket(&self) -> bool {
        matches!(self.host, Host::Socket(_))
    }

    /// The socket file libpq connects to for a socket host.
    pub fn socket_path(&self) -> Option<PathBuf> {
        match &self.host {
            Host::Socket(dir) => Some(dir.join(format!(".s.PGSQL.{}", self.port))),
            Host::Tcp(_) => None,
        }
    }
}

impl fmt::Display for HostSpec {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.host {
            Host::Tcp(name) if name.contains(':') => write!(f, "[{name}]:{}", self.port),
            Host::Tcp(name) => write!(f, "{name}:{}", self.port),
            Host::Socket(_) => write!(
                f,
                "socket {}",
                self.socket_path().unwrap_or_default().display()
            ),
        }
    }
}

/// A value and where it came from.
#[derive(Debug, Clone)]
pub struct Setting<T> {
    pub value: T,
    pub source: Source,
}

/// Resolved connection settings. The password is only reachable through
/// [`ConnInfo::password_for`], and `Display` shows it as `***`.
#[derive(Clone)]
pub struct ConnInfo {
    pub hosts: Vec<HostSpec>,
    pub hosts_source: Source,
    pub user: Setting<String>,
    pub database: Setting<String>,
    /// A password from the string, a service or `PGPASSWORD`: it applies to every host.
    password: Option<Setting<String>>,
    /// Where to look for passwords otherwise (`passfile`, `PGPASSFILE`, `~/.pgpass`).
    passfile: Option<PathBuf>,
    /// The built-in default's password, used when `.pgpass` has none.
    fallback_password: Option<String>,
    pub sslmode: Setting<SslMode>,
    pub sslrootcert: Option<RootCert>,
    pub sslcert: Option<PathBuf>,
    pub sslkey: Option<PathBuf>,
    pub ssl_direct: bool,
    /// Each host's time limit; `None` (from `connect_timeout=0`) waits forever.
    pub connect_timeout: Option<Duration>,
    pub application_name: String,
    pub options: Option<String>,
    pub keepalives: Option<Keepalives>,
    pub tcp_user_timeout: Option<Duration>,
    pub channel_binding: tokio_postgres::config::ChannelBinding,
    pub target_session_attrs: SessionAttrs,
    pub load_balance: bool,
    /// `client_encoding` / `PGCLIENTENCODING`: how SQL files are read (the session is UTF8).
    pub client_encoding: Option<String>,
    /// The connection string's own text had a password (shown as `***`).
    shows_password: bool,
}

/// TCP keepalive settings (libpq's `keepalives_idle`, `_interval`, `_count`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Keepalives {
    pub idle: Option<Duration>,
    pub interval: Option<Duration>,
    pub count: Option<u32>,
}

impl ConnInfo {
    /// Resolve `text` (or, when `None`, the built-in default below the environment) as libpq
    /// would, with `env` standing for the process environment.
    pub fn resolve(text: Option<(&str, Origin)>, default: &str, env: &Environment) -> Result<Self> {
        params::resolve(text, default, env)
    }

    /// The first host, for messages about "the server".
    pub fn first_host(&self) -> &HostSpec {
        &self.hosts[0]
    }

    /// Whether any host is an AWS RDS endpoint, which counts as production.
    pub fn is_rds(&self) -> bool {
        self.hosts
            .iter()
            .any(|host| crate::db::is_rds(&host.name()))
    }

    /// The first host's name (a socket directory for a socket).
    pub fn host(&self) -> String {
        self.first_host().name()
    }

    pub fn port(&self) -> u16 {
        self.first_host().port
    }

    pub fn user(&self) -> &str {
        &self.user.value
    }

    pub fn database(&self) -> &str {
        &self.database.value
    }

    /// The password for `host` and where it came from: the string, a service or PGPASSWORD;
    /// else the password file's first matching line (libpq's rules, per host); else the
    /// built-in default's.
    pub fn password_for(&self, host: &HostSpec) -> Option<Setting<String>> {
        if let Some(password) = &self.password {
            return Some(password.clone());
        }
        if let Some(file) = &self.passfile
            && let Some((value, line)) = pgpass::lookup(file, host, self.database(), self.user())
        {
            return Some(Setting {
                value,
                source: Source::PassFile {
                    file: file.clone(),
                    line,
                },
            });
        }
        self.fallback_password.clone().map(|value| Setting {
            value,
            source: Source::BuiltIn,
        })
    }

    /// Whether the string itself (or its service) gives a password, as opposed to
    /// `PGPASSWORD` or a password file: what IAM authentication leaves alone.
    pub fn has_own_password(&self) -> bool {
        self.password
            .as_ref()
            .is_some_and(|p| matches!(p.source, Source::String(_) | Source::Service { .. }))
    }

    /// Every password this target may use, for redacting text we did not write.
    pub fn passwords(&self) -> Vec<String> {
        self.hosts
            .iter()
            .filter_map(|host| self.password_for(host))
            .map(|setting| setting.value)
            .collect()
    }

    /// The same servers, credentials and TLS settings, another database.
    pub fn with_database(&self, database: &str) -> ConnInfo {
        let mut other = self.clone();
        other.database = Setting {
            value: database.to_string(),
            source: self.database.source.clone(),
        };
        other
    }

    /// A keyword/value string for libpq programs (psql) with everything but the password,
    /// which travels in `PGPASSWORD`.
    pub fn libpq_string(&self) -> String {
        let quote = |value: &str| format!("'{}'", value.replace('\\', "\\\\").replace('\'', "\\'"));
        let join = |values: Vec<String>| values.join(",");
        let mut parts = vec![
            format!(
                "host={}",
                quote(&join(self.hosts.iter().map(HostSpec::name).collect()))
            ),
            format!(
                "port={}",
                quote(&join(
                    self.hosts.iter().map(|h| h.port.to_string()).collect()
                ))
            ),
        ];
        if self.hosts.iter().any(|h| h.hostaddr.is_some()) {
            let addrs = self
                .hosts
                .iter()
                .map(|h| h.hostaddr.map(|a| a.to_string()).unwrap_or_default())
                .collect();
            parts.push(format!("hostaddr={}", quote(&join(addrs))));
        }
        parts.push(format!("dbname={}", quote(self.database())));
        parts.push(format!("user={}", quote(self.user())));
        parts.push(format!("sslmode={}", self.sslmode.value.as_str()));
        let mut optional = |key: &str, value: Option<String>| {
            if let Some(value) = value {
                parts.push(format!("{key}={}", quote(&value)));
            }
        };
        optional(
            "sslrootcert",
            self.sslrootcert.as_ref().map(RootCert::to_string),
        );
        optional(
            "sslcert",
            self.sslcert.as_ref().map(|p| p.display().to_string()),
        );
        optional(
            "sslkey",
            self.sslkey.as_ref().map(|p| p.display().to_string()),
        );
        optional(
            "connect_timeout",
            Some(self.connect_timeout.map_or(0, |t| t.as_secs()).to_string()),
        );
        optional("application_name", Some(self.application_name.clone()));
        optional(
            "passfile",
            self.passfile.as_ref().map(|p| p.display().to_string()),
        );
        optional("options", self.options.clone());
        if self.target_session_attrs != SessionAttrs::Any {
            optional(
                "target_session_attrs",
                Some(self.target_session_attrs.as_str().to_string()),
            );
        }
        parts.join(" ")
    }

    /// The password file that `password_for` reads, if any.
    pub fn passfile(&self) -> Option<&Path> {
        self.passfile.as_deref()
    }
}

/// Shown as a URI with the password replaced by `***`.
impl fmt::Display for ConnInfo {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let encode = |text: &str| {
            percent_encoding::utf8_percent_encode(text, params::URI_COMPONENT).to_string()
        };
        write!(f, "postgresql://{}", encode(self.user()))?;
        if self.shows_password {
            f.write_str(":***")?;
        }
        f.write_str("@")?;
        let sockets = self.hosts.iter().any(HostSpec::is_socket);
        if !sockets {
            let hosts: Vec<String> = self.hosts.iter().map(HostSpec::to_string).collect();
            f.write_str(&hosts.join(","))?;
        }
        write!(f, "/{}", encode(self.database()))?;
        let mut query = Vec::new();
        if sockets {
            let hosts: Vec<String> = self.hosts.iter().map(HostSpec::name).collect();
            let ports: Vec<String> = self.hosts.iter().map(|h| h.port.to_string()).collect();
            query.push(format!("host={}", encode(&hosts.join(","))));
            query.push(format!("port={}", ports.join(",")));
        }
        if self.sslmode.source != Source::Default {
            query.push(format!("sslmode={}", self.sslmode.value.as_str()));
        }
        if let Some(root) = &self.sslrootcert {
            query.push(format!("sslrootcert={}", encode(&root.to_string())));
        }
        if self.hosts.iter().any(|h| h.hostaddr.is_some()) {
            let addrs: Vec<String> = self
                .hosts
                .iter()
                .map(|h| h.hostaddr.map(|a| a.to_string()).unwrap_or_default())
                .collect();
            query.push(format!("hostaddr={}", addrs.join(",")));
        }
        if !query.is_empty() {
            write!(f, "?{}", query.join("&"))?;
        }
        Ok(())
    }
}

/// Debug must not leak the password either (it can end up in panics and logs).
impl fmt::Debug for ConnInfo {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "ConnInfo({self})")
    }
}
