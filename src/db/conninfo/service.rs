//! Connection services: named groups of parameters in `pg_service.conf`, looked up as libpq
//! does: `PGSERVICEFILE` or `~/.pg_service.conf` first, then `PGSYSCONFDIR/pg_service.conf`.

use std::path::PathBuf;

use anyhow::Result;

use super::Environment;
use crate::error::{Exit, Fail};

/// Where libpq's system-wide service file lives when `PGSYSCONFDIR` is not set (Debian's
/// libpq; upstream builds use their installation's `etc`).
const SYSCONFDIR: &str = "/etc/postgresql-common";

/// The file that defines service `name`, and its parameters in order.
pub fn lookup(name: &str, env: &Environment) -> Result<(PathBuf, Vec<(String, String)>)> {
    let user_file = env
        .var("PGSERVICEFILE")
        .map(PathBuf::from)
        .or_else(|| env.home_file(".pg_service.conf"));
    let system_file =
        PathBuf::from(env.var("PGSYSCONFDIR").unwrap_or(SYSCONFDIR)).join("pg_service.conf");
    for file in user_file.into_iter().chain([system_file]) {
        let Ok(text) = std::fs::read_to_string(&file) else {
            continue;
        };
        if let Some(pairs) = section(&text, name, &file)? {
            return Ok((file, pairs));
        }
    }
    Err(Fail::new(
        Exit::Usage,
        format!("definition of service {name:?} not found"),
    )
    .hint("define it in ~/.pg_service.conf (or the file PGSERVICEFILE names) as [NAME] followed by key=value lines")
    .into())
}

/// The `key=value` lines of section `[name]`, or `None` when the file has no such section.
fn section(
    text: &str,
    name: &str,
    file: &std::path::Path,
) -> Result<Option<Vec<(String, String)>>> {
    let mut pairs = None;
    for (index, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if let Some(section) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            if pairs.is_some() {
                break;
            }
            if section == name {
                pairs = Some(Vec::new());
            }
            continue;
        }
        let Some(pairs) = pairs.as_mut() else {
            continue;
        };
        // Never echo the line: it may hold a password.
        let (key, value) = line.split_once('=').ok_or_else(|| {
            Fail::new(
                Exit::Usage,
                format!(
                    "syntax error in service file {}, line {}",
                    file.display(),
                    index + 1
                ),
            )
            .hint("each line of a service section is key=value")
        })?;
        pairs.push((key.trim().to_string(), value.trim().to_string()));
    }
    Ok(pairs)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_named_section_only() {
        let text = "# services\n[other]\nhost=x\n\n[cruddur]\nhost=db.example\nport = 6432\ndbname=cruddur\n[later]\nhost=y\n";
        let pairs = section(text, "cruddur", std::path::Path::new("f"))
            .unwrap()
            .unwrap();
        assert_eq!(
            pairs,
            [
                ("host", "db.example"),
                ("port", "6432"),
                ("dbname", "cruddur")
            ]
            .map(|(k, v)| (k.to_string(), v.to_string()))
        );
        assert!(
            section(text, "missing", std::path::Path::new("f"))
                .unwrap()
                .is_none()
        );
    }
}
