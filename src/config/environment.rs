//! Reading the process's environment: variables (strict yes/no ones, connection strings that
//! must not be empty), the passwords any of them may hold (for redaction), what libpq and the
//! AWS tools would read, and the user this process runs as.

use std::path::PathBuf;

use anyhow::Result;

use super::DEFAULT_URL;
use super::dotenv::set_in;
use crate::aws::AwsEnv;
use crate::db::conninfo;
use crate::error::{Exit, Fail};

/// Every password this process may know: in the connection string variables, `PGPASSWORD`,
/// and connection strings on the command line. Read afresh, for the crash report, which may
/// run before `Config`.
pub fn secrets() -> Vec<String> {
    let strings = ["CONNECTION_URL", "PROD_CONNECTION_URL"]
        .into_iter()
        .filter_map(var)
        .chain(std::env::args_os().map(|arg| arg.to_string_lossy().into_owned()));
    let mut secrets = passwords_in(strings);
    secrets.extend(var("PGPASSWORD"));
    secrets.extend(var("CRUDDUR_DB_COPY_KEY"));
    secrets
}

/// The passwords in connection strings of either form, as written and percent-decoded.
pub fn passwords_in(texts: impl IntoIterator<Item = impl AsRef<str>>) -> Vec<String> {
    texts
        .into_iter()
        .flat_map(|text| {
            // `--url=postgresql://...` arrives as one argument.
            let text = text.as_ref();
            let text = text.strip_prefix("--url=").unwrap_or(text);
            conninfo::passwords_in(text)
        })
        .collect()
}

/// Debug builds only: `CRUDDUR_DB_DEBUG_PANIC=1` asks for a crash, so tests can check the
/// real binary's crash report. Gives the text a careless panic would print: the target URL.
#[cfg(debug_assertions)]
pub fn debug_panic_requested() -> Option<String> {
    var("CRUDDUR_DB_DEBUG_PANIC")?;
    Some(var("CONNECTION_URL").unwrap_or_default())
}

#[cfg(debug_assertions)]
pub(super) fn debug_clock() -> Option<std::time::SystemTime> {
    let secs = var("CRUDDUR_DB_DEBUG_AWS_TIME")?.parse().ok()?;
    Some(std::time::UNIX_EPOCH + std::time::Duration::from_secs(secs))
}

#[cfg(not(debug_assertions))]
pub(super) fn debug_clock() -> Option<std::time::SystemTime> {
    None
}

/// A yes/no variable, unset (or empty) is no: see [`switch`].
pub(super) fn flag(name: &str) -> Result<bool> {
    Ok(switch(name, None)?.unwrap_or(false))
}

/// A yes/no variable: true/false, 1/0, yes/no or on/off in any case; `None` when unset,
/// empty, or the word `neutral` stands for (`auto`). Anything else is a usage error naming
/// the variable, its value and where it was set: a typo must never switch a setting off in
/// silence (`CRUDDUR_DB_SNAPSHOT_BEFORE_PROD=ture` would skip the snapshot asked for).
pub(super) fn switch(name: &str, neutral: Option<&str>) -> Result<Option<bool>> {
    let Some(value) = var(name) else {
        return Ok(None);
    };
    match value.to_ascii_lowercase().as_str() {
        "true" | "1" | "yes" | "on" => Ok(Some(true)),
        "false" | "0" | "no" | "off" => Ok(Some(false)),
        word if Some(word) == neutral => Ok(None),
        _ => {
            let or_neutral = neutral.map_or_else(String::new, |word| format!(", or {word}"));
            Err(Fail::new(
                Exit::Usage,
                format!(
                    "{name}={value:?} ({}) is not a yes/no value",
                    set_in(name)
                ),
            )
            .hint(format!(
                "set it to true or false (1/0, yes/no and on/off also work, in any case){or_neutral}, or unset it"
            ))
            .into())
        }
    }
}

pub(super) fn var(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|value| !value.is_empty())
}

/// A connection string variable: unset is `None`; set but empty is a mistake, never a quiet
/// fall back to the built-in default (which `setup --yes` would then drop).
pub(super) fn set_var(name: &str) -> Result<Option<String>> {
    match std::env::var(name) {
        Ok(value) if value.trim().is_empty() => Err(empty(name, &set_in(name))),
        Ok(value) => Ok(Some(value)),
        Err(_) => Ok(None),
    }
}

pub(super) fn empty(name: &str, where_: &str) -> anyhow::Error {
    Fail::new(Exit::Usage, format!("{name} is {where_} but empty"))
        .hint(format!(
            "give it a connection string, or unset {name} to use the built-in default ({})",
            DEFAULT_URL.replace(":password@", ":***@")
        ))
        .into()
}

/// The name of the user this process runs as, from /etc/passwd as libpq's getpwuid does.
fn os_user() -> Option<String> {
    use std::os::unix::fs::MetadataExt;
    let uid = std::fs::metadata("/proc/self").ok()?.uid().to_string();
    let passwd = std::fs::read_to_string("/etc/passwd").ok()?;
    passwd.lines().find_map(|line| {
        let fields: Vec<&str> = line.split(':').collect();
        (fields.get(2) == Some(&uid.as_str())).then(|| fields[0].to_string())
    })
}

/// What the AWS commands read: region, endpoints, the old scripts' IDs, this machine's IP.
pub(super) fn aws_environment(os_user: &str) -> AwsEnv {
    let ip = ["GITPOD_IP", "CODESPACES_IP", "MY_IP"]
        .into_iter()
        .find_map(|name| var(name).map(|value| (name, value)));
    AwsEnv {
        region: var("AWS_REGION").or_else(|| var("AWS_DEFAULT_REGION")),
        endpoint: var("AWS_ENDPOINT_URL"),
        endpoint_ec2: var("AWS_ENDPOINT_URL_EC2"),
        endpoint_rds: var("AWS_ENDPOINT_URL_RDS"),
        sg_id: var("DB_SG_ID"),
        sg_rule_id: var("DB_SG_RULE_ID"),
        ip,
        checkip_url: var("CRUDDUR_CHECKIP_URL")
            .unwrap_or_else(|| "https://checkip.amazonaws.com".to_string()),
        instance: var("CRUDDUR_DB_RDS_INSTANCE"),
        clock: debug_clock(),
        user: Some(os_user.to_string()).filter(|u| !u.is_empty()),
        hostname: std::fs::read_to_string("/proc/sys/kernel/hostname")
            .ok()
            .map(|h| h.trim().to_string())
            .filter(|h| !h.is_empty())
            .or_else(|| var("HOSTNAME")),
    }
}

/// The `PG*` variables libpq reads, `HOME` for its files, and the operating-system user.
pub(super) fn pg_environment() -> conninfo::Environment {
    // vars_os: `vars` panics on a variable that is not UTF-8, and any variable may be.
    let vars = std::env::vars_os()
        .filter_map(|(key, value)| Some((key.into_string().ok()?, value.into_string().ok()?)))
        .filter(|(key, value)| key.starts_with("PG") && !value.is_empty())
        .collect();
    let os_user = os_user()
        .or_else(|| var("USER"))
        .unwrap_or_else(|| "postgres".to_string());
    conninfo::Environment {
        vars,
        home: std::env::var_os("HOME").map(PathBuf::from),
        os_user,
    }
}
