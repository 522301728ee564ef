//! libpq's parameters with libpq's meanings and defaults: which keywords exist, which `PG*`
//! variable stands for each, how a value is checked, and the order in which the string, a
//! service, the environment and the defaults fill them in.

use std::collections::HashMap;
use std::net::IpAddr;
use std::path::{Path, PathBuf};
use std::time::Duration;

use anyhow::Result;
use percent_encoding::{AsciiSet, CONTROLS};
use tokio_postgres::config::ChannelBinding;

use super::modes::{RootCert, SessionAttrs, SslMode};
use super::{
    ConnInfo, DEFAULT_CONNECT_TIMEOUT, Environment, Host, HostSpec, Keepalives, MAX_NAME_BYTES,
    Setting, Source, parse, service,
};
use crate::db::Origin;
use crate::error::{Exit, Fail};

/// What a URI must escape in a user, database or host name.
pub const URI_COMPONENT: &AsciiSet = &CONTROLS
    .add(b' ')
    .add(b'"')
    .add(b'#')
    .add(b'%')
    .add(b'/')
    .add(b':')
    .add(b'?')
    .add(b'@')
    .add(b'[')
    .add(b']')
    .add(b'&')
    .add(b'=')
    .add(b',');

/// Every keyword cruddur-db honours, with the variable libpq reads for it.
const KEYWORDS: &[(&str, Option<&str>)] = &[
    ("host", Some("PGHOST")),
    ("hostaddr", Some("PGHOSTADDR")),
    ("port", Some("PGPORT")),
    ("dbname", Some("PGDATABASE")),
    ("user", Some("PGUSER")),
    ("password", Some("PGPASSWORD")),
    ("passfile", Some("PGPASSFILE")),
    ("service", Some("PGSERVICE")),
    ("connect_timeout", Some("PGCONNECT_TIMEOUT")),
    ("application_name", Some("PGAPPNAME")),
    ("fallback_application_name", None),
    ("options", Some("PGOPTIONS")),
    ("client_encoding", Some("PGCLIENTENCODING")),
    ("keepalives", None),
    ("keepalives_idle", None),
    ("keepalives_interval", None),
    ("keepalives_count", None),
    ("tcp_user_timeout", None),
    ("sslmode", Some("PGSSLMODE")),
    ("requiressl", Some("PGREQUIRESSL")),
    ("sslrootcert", Some("PGSSLROOTCERT")),
    ("sslcert", Some("PGSSLCERT")),
    ("sslkey", Some("PGSSLKEY")),
    ("sslnegotiation", Some("PGSSLNEGOTIATION")),
    ("sslsni", Some("PGSSLSNI")),
    ("sslcompression", Some("PGSSLCOMPRESSION")),
    ("channel_binding", Some("PGCHANNELBINDING")),
    ("target_session_attrs", Some("PGTARGETSESSIONATTRS")),
    ("load_balance_hosts", Some("PGLOADBALANCEHOSTS")),
    ("gssencmode", Some("PGGSSENCMODE")),
];

/// libpq keywords that exist but that this client cannot honour: refused by name rather than
/// ignored, since ignoring them would connect differently from psql.
const UNSUPPORTED: &[&str] = &[
    "sslpassword",
    "sslcrl",
    "sslcrldir",
    "sslcertmode",
    "sslkeylogfile",
    "ssl_min_protocol_version",
    "ssl_max_protocol_version",
    "min_protocol_version",
    "max_protocol_version",
    "requirepeer",
    "require_auth",
    "krbsrvname",
    "gsslib",
    "gssdelegation",
    "replication",
    "scram_client_key",
    "scram_server_key",
];

fn invalid(message: impl Into<String>) -> anyhow::Error {
    Fail::new(Exit::Usage, message)
        .hint("fix that setting; libpq's parameters are listed at https://www.postgresql.org/docs/current/libpq-connect.html#LIBPQ-PARAMKEYWORDS")
        .into()
}

/// The settings by keyword, each with where it came from; the first to set one wins.
#[derive(Default)]
struct Layers(HashMap<&'static str, (String, Source)>);

impl Layers {
    fn fill(&mut self, key: &'static str, value: String, source: Source) {
        self.0.entry(key).or_insert((value, source));
    }

    fn get(&self, key: &str) -> Option<&str> {
        self.0.get(key).map(|(value, _)| value.as_str())
    }

    fn setting(&self, key: &str) -> Option<Setting<String>> {
        self.0.get(key).map(|(value, source)| Setting {
            value: value.clone(),
            source: source.clone(),
        })
    }

    fn source(&self, key: &str) -> Source {
        self.0
            .get(key)
            .map_or(Source::Default, |(_, source)| source.clone())
    }
}

/// The known keyword `key` stands for, or an error naming it (with a suggestion when one is
/// close).
fn keyword(key: &str) -> Result<&'static str> {
    if let Some((known, _)) = KEYWORDS.iter().find(|(known, _)| *known == key) {
        return Ok(known);
    }
    if UNSUPPORTED.contains(&key) {
        return Err(invalid(format!(
            "the connection parameter `{key}` is libpq's, but cruddur-db cannot honour it"
        )));
    }
    let closest = KEYWORDS
        .iter()
        .map(|(known, _)| (distance(key, known), known))
        .min()
        .filter(|(distance, _)| *distance <= 2)
        .map_or_else(String::new, |(_, known)| {
            format!("; did you mean `{known}`?")
        });
    Err(invalid(format!(
        "the connection string has an unknown parameter `{key}`{closest}"
    )))
}

/// Levenshtein distance, for "did you mean".
fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut previous = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let substitute = previous + usize::from(ca != *cb);
            previous = row[j + 1];
            row[j + 1] = substitute.min(row[j] + 1).min(row[j + 1] + 1);
        }
    }
    row[b.len()]
}

/// libpq's order: the string, then a service file, then the variables, then (ours) the
/// built-in local default, then libpq's defaults.
pub fn resolve(text: Option<(&str, Origin)>, default: &str, env: &Environment) -> Result<ConnInfo> {
    let mut layers = Layers::default();
    let mut shows_password = false;
    if let Some((text, origin)) = text {
        // A later pair overrides an earlier one in a string, as in libpq.
        for (key, value) in parse::parse(text)?.into_iter().rev() {
            let key = keyword(&key)?;
            shows_password |= key == "password";
            layers.fill(key, value, Source::String(origin));
        }
    }
    let service = layers.setting("service").or_else(|| {
        env.var("PGSERVICE").map(|name| Setting {
            value: name.to_string(),
            source: Source::Env("PGSERVICE"),
        })
    });
    if let Some(service) = service {
        let (file, pairs) = service::lookup(&service.value, env)?;
        for (key, value) in pairs {
            let key = keyword(&key).map_err(|err| {
                err.context(format!("service {:?} in {}", service.value, file.display()))
            })?;
            shows_password |= key == "password" && layers.get("password").is_none();
            let source = Source::Service {
                name: service.value.clone(),
                file: file.clone(),
            };
            layers.fill(key, value, source);
        }
    }
    for (key, variable) in KEYWORDS {
        if let Some(value) = variable.and_then(|name| env.var(name)) {
            shows_password |= *key == "password" && layers.get("password").is_none();
            layers.fill(
                key,
                value.to_string(),
                Source::Env(variable.unwrap_or_default()),
            );
        }
    }
    // The built-in default fills what the variables leave out, so `PGHOST=db cruddur-db
    // setup` works inside docker compose; its password comes after `.pgpass`.
    let mut fallback_password = None;
    if text.is_none() {
        for (key, value) in parse::parse(default)? {
            if key == "password" {
                fallback_password = Some(value);
            } else {
                layers.fill(keyword(&key)?, value, Source::BuiltIn);
            }
        }
    }
    build(&layers, env, shows_password, fallback_password)
}

/// The settings of `layers` as one `ConnInfo`: each concern below checks its own parameters.
fn build(
    layers: &Layers,
    env: &Environment,
    shows_password: bool,
    fallback_password: Option<String>,
) -> Result<ConnInfo> {
    refuse_unsupported(layers)?;
    let (user, database) = identity(layers, env)?;
    let tls = tls(layers, env)?;
    Ok(ConnInfo {
        hosts_source: layers.source("host"),
        hosts: hosts(layers)?,
        user,
        database,
        password: layers.setting("password"),
        passfile: layers
            .get("passfile")
            .map(PathBuf::from)
            .or_else(|| env.home_file(".pgpass")),
        fallback_password,
        sslmode: tls.sslmode,
        sslrootcert: tls.sslrootcert,
        sslcert: tls.sslcert,
        sslkey: tls.sslkey,
        ssl_direct: choice(
            layers,
            "sslnegotiation",
            "postgres",
            &[("postgres", false), ("direct", true)],
        )?,
        connect_timeout: connect_timeout(layers)?,
        application_name: layers
            .get("application_name")
            .or(layers.get("fallback_application_name"))
            .unwrap_or("cruddur-db")
            .to_string(),
        options: layers.get("options").map(str::to_string),
        keepalives: keepalives(layers)?,
        tcp_user_timeout: layers
            .get("tcp_user_timeout")
            .map(|value| number(layers, "tcp_user_timeout", value).map(Duration::from_millis))
            .transpose()?
            .filter(|timeout| !timeout.is_zero()),
        channel_binding: choice(
            layers,
            "channel_binding",
            "prefer",
            &[
                ("disable", ChannelBinding::Disable),
                ("prefer", ChannelBinding::Prefer),
                ("require", ChannelBinding::Require),
            ],
        )?,
        target_session_attrs: match layers.get("target_session_attrs") {
            None => SessionAttrs::Any,
            Some(value) => SessionAttrs::parse(value).ok_or_else(|| {
                invalid(format!(
                    "target_session_attrs={value} is not one of any, read-write, read-only, primary, standby, prefer-standby"
                ))
            })?,
        },
        load_balance: choice(
            layers,
            "load_balance_hosts",
            "disable",
            &[("disable", false), ("random", true)],
        )?,
        shows_password,
        // The session always speaks UTF8; a client encoding says how SQL files are to be read
        // (script/encoding.rs), so `auto` (the locale's, which is UTF-8 here) is none.
        client_encoding: layers
            .get("client_encoding")
            .filter(|name| !name.eq_ignore_ascii_case("auto"))
            .map(str::to_string),
    })
}

/// What libpq has and cruddur-db cannot honour: refused rather than silently ignored.
fn refuse_unsupported(layers: &Layers) -> Result<()> {
    if gss_required(layers)? {
        return Err(Fail::new(
            Exit::Usage,
            format!("gssencmode=require (from {}): GSSAPI encryption is not supported", layers.source("gssencmode")),
        )
        .hint("use gssencmode=disable or prefer, and TLS (sslmode=require or verify-full) for encryption")
        .into());
    }
    refuse_off(layers, "sslsni", "1")?;
    if let Some(value) = layers.get("sslcompression").filter(|v| *v != "0") {
        return Err(invalid(format!(
            "sslcompression={value}: TLS compression is not supported (nor by current servers)"
        )));
    }
    Ok(())
}

/// The user (the operating-system user by default) and the database (the user's name by
/// default, as libpq has it), no longer than PostgreSQL keeps names.
fn identity(layers: &Layers, env: &Environment) -> Result<(Setting<String>, Setting<String>)> {
    let user = layers.setting("user").unwrap_or_else(|| Setting {
        value: env.os_user.clone(),
        source: Source::Default,
    });
    let database = layers.setting("dbname").unwrap_or_else(|| Setting {
        value: user.value.clone(),
        source: Source::Default,
    });
    if database.value.len() > MAX_NAME_BYTES {
        // PostgreSQL would silently cut it, creating a database no later command could name.
        return Err(Fail::new(
            Exit::Usage,
            format!(
                "the database name (from {}) is {} bytes long; PostgreSQL names are at most {MAX_NAME_BYTES}",
                database.source,
                database.value.len()
            ),
        )
        .hint("choose a shorter database name")
        .into());
    }
    Ok((user, database))
}

/// The TLS settings: `sslmode`, the root certificates and the client certificate.
struct Tls {
    sslmode: Setting<SslMode>,
    sslrootcert: Option<RootCert>,
    sslcert: Option<PathBuf>,
    sslkey: Option<PathBuf>,
}

fn tls(layers: &Layers, env: &Environment) -> Result<Tls> {
    let sslmode = sslmode(layers)?;
    let sslrootcert = layers
        .get("sslrootcert")
        .map(|value| match value {
            "system" => RootCert::System,
            path => RootCert::File(PathBuf::from(path)),
        })
        .or_else(|| {
            // libpq's default root file, used when it exists.
            env.home_file(".postgresql/root.crt")
                .filter(|path| path.is_file())
                .map(RootCert::File)
        });
    if sslrootcert == Some(RootCert::System)
        && sslmode.value != SslMode::VerifyFull
        && sslmode.source != Source::Default
    {
        // PostgreSQL 16: the system store is only safe with host name checks.
        return Err(invalid(format!(
            "sslrootcert=system needs sslmode=verify-full, not {}",
            sslmode.value.as_str()
        )));
    }
    let sslmode = match (&sslrootcert, sslmode.source == Source::Default) {
        (Some(RootCert::System), true) => Setting {
            value: SslMode::VerifyFull,
            source: layers.source("sslrootcert"),
        },
        _ => sslmode,
    };
    let client_file = |key: &str, default: &str| {
        layers
            .get(key)
            .map(PathBuf::from)
            .or_else(|| env.home_file(default).filter(|path| path.is_file()))
    };
    let sslcert = client_file("sslcert", ".postgresql/postgresql.crt");
    let sslkey = client_file("sslkey", ".postgresql/postgresql.key");
    if sslcert.is_some() != sslkey.is_some()
        && layers.get("sslcert").or(layers.get("sslkey")).is_some()
    {
        return Err(invalid(
            "a client certificate needs both sslcert and sslkey",
        ));
    }
    Ok(Tls {
        sslmode,
        sslrootcert,
        sslcert,
        sslkey,
    })
}

/// `connect_timeout`: libpq's default when unset here, and 0 waits forever.
fn connect_timeout(layers: &Layers) -> Result<Option<Duration>> {
    Ok(match layers.get("connect_timeout") {
        None => Some(DEFAULT_CONNECT_TIMEOUT),
        Some(value) => {
            let secs: u64 = number(layers, "connect_timeout", value)?;
            (secs > 0).then(|| Duration::from_secs(secs))
        }
    })
}

/// `keepalives` (on by default) with its idle time, interval and count.
fn keepalives(layers: &Layers) -> Result<Option<Keepalives>> {
    match layers.get("keepalives") {
        Some("0") => Ok(None),
        Some("1") | None => Ok(Some(Keepalives {
            idle: seconds(layers, "keepalives_idle")?,
            interval: seconds(layers, "keepalives_interval")?,
            count: layers
                .get("keepalives_count")
                .map(|value| number(layers, "keepalives_count", value))
                .transpose()?,
        })),
        Some(other) => Err(invalid(format!("keepalives={other} is not 0 or 1"))),
    }
}

/// The value of `key` among `choices` (`default` when unset), or an error naming them all.
fn choice<T: Copy>(layers: &Layers, key: &str, default: &str, choices: &[(&str, T)]) -> Result<T> {
    let given = layers.get(key).unwrap_or(default);
    choices
        .iter()
        .find(|(name, _)| *name == given)
        .map(|(_, value)| *value)
        .ok_or_else(|| {
            let names: Vec<&str> = choices.iter().map(|(name, _)| *name).collect();
            invalid(format!("{key}={given} is not one of {}", names.join(", ")))
        })
}

fn number<T: std::str::FromStr>(layers: &Layers, key: &str, value: &str) -> Result<T> {
    value.trim().parse().map_err(|_| {
        invalid(format!(
            "{key}={value} (from {}) is not a whole number",
            layers.source(key)
        ))
    })
}

fn seconds(layers: &Layers, key: &str) -> Result<Option<Duration>> {
    layers
        .get(key)
        .map(|value| number(layers, key, value).map(Duration::from_secs))
        .transpose()
}

/// A setting whose only honourable value is `on`.
fn refuse_off(layers: &Layers, key: &str, on: &str) -> Result<()> {
    match layers.get(key) {
        Some(value) if value != on => Err(invalid(format!(
            "{key}={value} (from {}) is not supported; only {key}={on}",
            layers.source(key)
        ))),
        _ => Ok(()),
    }
}

fn gss_required(layers: &Layers) -> Result<bool> {
    match layers.get("gssencmode").unwrap_or("prefer") {
        "disable" | "prefer" => Ok(false),
        "require" => Ok(true),
        other => Err(invalid(format!(
            "gssencmode={other} is not one of disable, prefer, require"
        ))),
    }
}

fn sslmode(layers: &Layers) -> Result<Setting<SslMode>> {
    if let Some(value) = layers.get("sslmode") {
        let mode = SslMode::parse(value).ok_or_else(|| {
            invalid(format!(
                "sslmode={value} (from {}) is not one of disable, allow, prefer, require, verify-ca, verify-full",
                layers.source("sslmode")
            ))
        })?;
        return Ok(Setting {
            value: mode,
            source: layers.source("sslmode"),
        });
    }
    // The deprecated requiressl=1 means sslmode=require, when sslmode is not set.
    match layers.get("requiressl") {
        Some("1") => Ok(Setting {
            value: SslMode::Require,
            source: layers.source("requiressl"),
        }),
        Some("0") | None => Ok(Setting {
            value: SslMode::Prefer,
            source: Source::Default,
        }),
        Some(other) => Err(invalid(format!("requiressl={other} is not 0 or 1"))),
    }
}

/// libpq's host, hostaddr and port lists, matched up: one port for all or one per host; one
/// hostaddr per host; an empty host is the default socket directory.
fn hosts(layers: &Layers) -> Result<Vec<HostSpec>> {
    let split = |value: Option<&str>| -> Vec<String> {
        value.map_or_else(Vec::new, |v| {
            v.split(',').map(|s| s.trim().to_string()).collect()
        })
    };
    let mut names = split(layers.get("host"));
    let addrs = split(layers.get("hostaddr"));
    if names.is_empty() {
        names = vec![String::new(); addrs.len().max(1)];
    }
    if !addrs.is_empty() && addrs.len() != names.len() {
        return Err(invalid(format!(
            "could not match {} host names to {} hostaddr values",
            names.len(),
            addrs.len()
        )));
    }
    let ports = split(layers.get("port"));
    if ports.len() > 1 && ports.len() != names.len() {
        return Err(invalid(format!(
            "could not match {} port numbers to {} hosts",
            ports.len(),
            names.len()
        )));
    }
    names
        .iter()
        .enumerate()
        .map(|(i, name)| {
            let port = match ports.get(i).or(ports.first()).map(String::as_str) {
                None | Some("") => 5432,
                Some(port) => port.parse().ok().filter(|p| *p > 0).ok_or_else(|| {
                    invalid(format!(
                        "port {port} (from {}) is not a port number",
                        layers.source("port")
                    ))
                })?,
            };
            let hostaddr = match addrs.get(i).map(String::as_str) {
                None | Some("") => None,
                Some(addr) => Some(addr.parse::<IpAddr>().map_err(|_| {
                    invalid(format!(
                        "hostaddr={addr} (from {}) is not an IP address",
                        layers.source("hostaddr")
                    ))
                })?),
            };
            let host = match name.as_str() {
                "" if hostaddr.is_some() => {
                    Host::Tcp(hostaddr.unwrap_or(IpAddr::from([0; 4])).to_string())
                }
                "" => Host::Socket(default_socket_dir()),
                dir if dir.starts_with('/') || dir.starts_with('@') => {
                    Host::Socket(PathBuf::from(dir))
                }
                name => Host::Tcp(name.to_string()),
            };
            Ok(HostSpec {
                host,
                hostaddr,
                port,
            })
        })
        .collect()
}

/// Where libpq looks for the server's socket when no host is given: Debian's and most
/// distributions' build use /var/run/postgresql, upstream's /tmp.
pub(super) fn default_socket_dir() -> PathBuf {
    let debian = Path::new("/var/run/postgresql");
    if debian.is_dir() {
        debian.to_path_buf()
    } else {
        PathBuf::from("/tmp")
    }
}

#[cfg(test)]
mod tests;
