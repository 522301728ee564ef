//! Migration files in dbmate's format: `<version>_<name>.sql` holding a `-- migrate:up` part
//! and an optional `-- migrate:down` part, each marker line optionally saying
//! `transaction:false`.

use std::ops::Range;
use std::path::{Path, PathBuf};
use std::time::Duration;

use anyhow::{Context, Result};
use sha2::{Digest, Sha256};

use crate::error::{Exit, Fail};

/// One part of a migration file: which lines, and whether they run in one transaction.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Part {
    pub lines: Range<u64>,
    pub transaction: bool,
    /// `lock_timeout:30s` on the marker line: this part's own limit (zero: none).
    pub lock_timeout: Option<Duration>,
}

/// A migration file, read.
#[derive(Debug, Clone)]
pub struct Migration {
    /// The digits before the first `_`, as dbmate records them.
    pub version: String,
    pub name: String,
    pub path: PathBuf,
    pub up: Part,
    pub down: Option<Part>,
    /// SHA-256 of the file with line endings made `\n`: a CRLF checkout is not a change.
    pub checksum: String,
}

impl Migration {
    /// `version_name`, as people refer to a migration.
    pub fn label(&self) -> String {
        format!("{}_{}", self.version, self.name)
    }
}

/// The version and name in a migration file name, or `None` for other files.
pub fn split_name(file_name: &str) -> Option<(&str, &str)> {
    let stem = file_name.strip_suffix(".sql")?;
    let (version, name) = stem.split_once('_').unwrap_or((stem, ""));
    (!version.is_empty() && version.bytes().all(|b| b.is_ascii_digit())).then_some((version, name))
}

/// Versions in order: as numbers, so that a 10-digit version sorts before a 14-digit one.
pub fn version_key(version: &str) -> (usize, &str) {
    let digits = version.trim_start_matches('0');
    (digits.len(), digits)
}

/// Every migration in `dir`, in version order. Two files with one version are an error.
pub fn discover(dir: &Path) -> Result<Vec<Migration>> {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(err) => {
            return Err(Fail::new(
                Exit::Failure,
                format!(
                    "could not read the migrations directory {}: {err}",
                    dir.display()
                ),
            )
            .hint("check its permissions, or pass --migrations-dir DIR")
            .into());
        }
    };
    let mut migrations = Vec::new();
    for entry in entries {
        let path = entry?.path();
        let Some(file_name) = path.file_name().and_then(|n| n.to_str()) else {
            continue;
        };
        if split_name(file_name).is_some() {
            migrations.push(read(&path)?);
        }
    }
    migrations.sort_by(|a, b| version_key(&a.version).cmp(&version_key(&b.version)));
    for pair in migrations.windows(2) {
        if version_key(&pair[0].version) == version_key(&pair[1].version) {
            return Err(Fail::new(
                Exit::Failure,
                format!(
                    "{} and {} have the same version",
                    pair[0].path.display(),
                    pair[1].path.display()
                ),
            )
            .hint("rename one: each migration needs a version of its own")
            .into());
        }
    }
    Ok(migrations)
}

/// Read one migration file.
pub fn read(path: &Path) -> Result<Migration> {
    let text = std::fs::read_to_string(path).map_err(|err| {
        Fail::new(
            Exit::Failure,
            format!("could not read migration {}: {err}", path.display()),
        )
        .hint("migration files are UTF-8 text")
    })?;
    let file_name = path
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or_default();
    let (version, name) = split_name(file_name).unwrap_or((file_name, ""));
    let normalized = text.replace("\r\n", "\n");
    let checksum = Sha256::digest(normalized.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    let mut up: Option<(u64, bool, Option<Duration>)> = None;
    let mut down: Option<(u64, bool, Option<Duration>)> = None;
    let mut count = 0;
    for (index, line) in normalized.lines().enumerate() {
        count = index as u64 + 1;
        let Some((which, options)) = marker(line) else {
            continue;
        };
        let transaction = !options.split_whitespace().any(|o| o == "transaction:false");
        let lock_timeout = options
            .split_whitespace()
            .find_map(|o| o.strip_prefix("lock_timeout:"))
            .map(|value| {
                parse_duration(value).ok_or_else(|| {
                    invalid(
                        path,
                        count,
                        &format!("lock_timeout:{value} is not a duration like 30s, 500ms or 2min"),
                    )
                })
            })
            .transpose()?;
        let slot = if which == "up" { &mut up } else { &mut down };
        if slot.is_some() {
            return Err(invalid(
                path,
                count,
                &format!("a second `-- migrate:{which}` line"),
            ));
        }
        *slot = Some((count, transaction, lock_timeout));
    }
    let Some((up_line, up_tx, up_lock)) = up else {
        return Err(Fail::new(
            Exit::Failure,
            format!("{}: no `-- migrate:up` line", path.display()),
        )
        .hint("a migration starts with `-- migrate:up`, its statements, then `-- migrate:down` and the statements that undo them")
        .into());
    };
    let end = count + 1;
    let (up_end, down) = match down {
        Some((line, _, _)) if line < up_line => {
            return Err(invalid(
                path,
                line,
                "`-- migrate:down` comes before `-- migrate:up`",
            ));
        }
        Some((line, transaction, lock_timeout)) => (
            line,
            Some(Part {
                lines: line + 1..end,
                transaction,
                lock_timeout,
            }),
        ),
        None => (end, None),
    };
    Ok(Migration {
        version: version.to_string(),
        name: name.to_string(),
        path: path.to_path_buf(),
        up: Part {
            lines: up_line + 1..up_end,
            transaction: up_tx,
            lock_timeout: up_lock,
        },
        down,
        checksum,
    })
}

/// The text of `part` of `migration` as it is on disk now, and the file line it starts at.
pub fn part_text(migration: &Migration, part: &Part) -> Result<(String, u64)> {
    let text = std::fs::read_to_string(&migration.path)
        .with_context(|| format!("could not read {}", migration.path.display()))?
        .replace("\r\n", "\n");
    let lines: Vec<&str> = text.split('\n').collect();
    let first = part.lines.start.max(1);
    let from = ((first - 1) as usize).min(lines.len());
    let to = ((part.lines.end.max(1) - 1) as usize).clamp(from, lines.len());
    Ok((lines[from..to].join("\n"), first))
}

/// `30s`, `500ms`, `2min` or a number of seconds, as PostgreSQL's `lock_timeout` takes them.
pub fn parse_duration(text: &str) -> Option<Duration> {
    let digits = text.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let number: u64 = digits.parse().ok()?;
    Some(match &text[digits.len()..] {
        "ms" => Duration::from_millis(number),
        "" | "s" => Duration::from_secs(number),
        "min" => Duration::from_secs(number * 60),
        _ => return None,
    })
}

/// `("up", options)` for a `-- migrate:up options` line, as dbmate reads it.
fn marker(line: &str) -> Option<(&'static str, &str)> {
    let rest = line.trim_start().strip_prefix("--")?.trim_start();
    let rest = rest.strip_prefix("migrate:")?;
    for which in ["up", "down"] {
        if let Some(options) = rest.strip_prefix(which)
            && (options.is_empty() || options.starts_with(char::is_whitespace))
        {
            return Some((which, options.trim()));
        }
    }
    None
}

fn invalid(path: &Path, line: u64, what: &str) -> anyhow::Error {
    Fail::new(Exit::Failure, format!("{}:{line}: {what}", path.display()))
        .hint("a migration has one `-- migrate:up` part and at most one `-- migrate:down` part after it")
        .into()
}

/// The text of a new migration.
pub const TEMPLATE: &str = "-- migrate:up\n\n\n-- migrate:down\n\n";

#[cfg(test)]
mod tests {
    use super::*;

    fn write(name: &str, text: &str) -> (tempfile::TempDir, PathBuf) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(name);
        std::fs::write(&path, text).unwrap();
        (dir, path)
    }

    #[test]
    fn parts_and_options_are_read_as_dbmate_reads_them() {
        let (_dir, path) = write(
            "20240101120000_add_index.sql",
            "-- migrate:up transaction:false\nCREATE INDEX CONCURRENTLY i ON t (a);\n\n-- migrate:down\nDROP INDEX i;\n",
        );
        let m = read(&path).unwrap();
        assert_eq!(
            (m.version.as_str(), m.name.as_str()),
            ("20240101120000", "add_index")
        );
        assert_eq!(
            m.up,
            Part {
                lines: 2..4,
                transaction: false,
                lock_timeout: None
            }
        );
        assert_eq!(
            m.down,
            Some(Part {
                lines: 5..6,
                transaction: true,
                lock_timeout: None
            })
        );
    }

    #[test]
    fn a_part_may_set_its_own_lock_timeout() {
        let (_d, path) = write(
            "1_x.sql",
            "-- migrate:up lock_timeout:30s\nSELECT 1;\n-- migrate:down transaction:false lock_timeout:0\n",
        );
        let m = read(&path).unwrap();
        assert_eq!(m.up.lock_timeout, Some(Duration::from_secs(30)));
        assert_eq!(m.down.unwrap().lock_timeout, Some(Duration::ZERO));
        assert_eq!(parse_duration("500ms"), Some(Duration::from_millis(500)));
        assert_eq!(parse_duration("2min"), Some(Duration::from_secs(120)));
        assert_eq!(parse_duration("soon"), None);
        let (_e, bad) = write("2_y.sql", "-- migrate:up lock_timeout:soon\n");
        assert!(format!("{:#}", read(&bad).unwrap_err()).contains("lock_timeout:soon"));
    }

    #[test]
    fn crlf_line_endings_do_not_change_the_checksum() {
        let (_a, unix) = write("1_a.sql", "-- migrate:up\nSELECT 1;\n-- migrate:down\n");
        let (_b, windows) = write(
            "1_a.sql",
            "-- migrate:up\r\nSELECT 1;\r\n-- migrate:down\r\n",
        );
        assert_eq!(
            read(&unix).unwrap().checksum,
            read(&windows).unwrap().checksum
        );
        let (_c, edited) = write("1_a.sql", "-- migrate:up\nSELECT 2;\n-- migrate:down\n");
        assert_ne!(
            read(&unix).unwrap().checksum,
            read(&edited).unwrap().checksum
        );
    }

    #[test]
    fn versions_sort_as_numbers() {
        let mut versions = vec!["1681234567891234", "16812345678", "20240101120000"];
        versions.sort_by(|a, b| version_key(a).cmp(&version_key(b)));
        assert_eq!(
            versions,
            ["16812345678", "20240101120000", "1681234567891234"]
        );
        assert_eq!(split_name("20240101_x_y.sql"), Some(("20240101", "x_y")));
        assert_eq!(split_name("notes.sql"), None);
        assert_eq!(split_name("README.md"), None);
    }

    #[test]
    fn a_file_without_an_up_part_is_refused() {
        let (_d, path) = write("1_x.sql", "SELECT 1;\n");
        assert!(format!("{:#}", read(&path).unwrap_err()).contains("no `-- migrate:up` line"));
    }
}
