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
        let hint = match err.kind() {
            std::io::ErrorKind::NotFound => {
                "check the path: it is relative to the current directory"
            }
            std::io::ErrorKind::PermissionDenied => "check the file's permissions",
            std::io::ErrorKind::IsADirectory => "name the .sql file inside it",
            _ => "migration files are UTF-8 text",
        };
        Fail::new(
            Exit::Failure,
            format!("could not read migration {}: {err}", path.display()),
        )
        .hint(hint)
    })?;
    let file_name = path
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or_default();
    let (version, name) = split_name(file_name).unwrap_or((file_name, ""));
    // A byte-order mark is no part of the first line, as for any SQL file.
    let normalized = text
        .strip_prefix('\u{feff}')
        .unwrap_or(&text)
        .replace("\r\n", "\n");
    let checksum = Sha256::digest(normalized.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    let mut up: Option<(u64, bool, Option<Duration>)> = None;
    let mut down: Option<(u64, bool, Option<Duration>)> = None;
    let mut count = 0;
    let mut stray = None;
    for (index, line) in normalized.lines().enumerate() {
        count = index as u64 + 1;
        let Some((which, options)) = marker(line) else {
            // dbmate refuses anything but blank and comment lines before the up part: they
            // would belong to no part, and never run.
            if up.is_none() && !line.trim().is_empty() && !line.trim_start().starts_with("--") {
                stray.get_or_insert(count);
            }
            continue;
        };
        let transaction = !options.split_whitespace().any(|o| o == "transaction:false");
        let lock_timeout = options
            .split_whitespace()
            .find_map(|o| o.strip_prefix("lock_timeout:"))
            .map(|value| {
                parse_duration(value)
                    .map_err(|why| invalid(path, count, &format!("lock_timeout:{why}")))
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
    if let Some(line) = stray {
        return Err(invalid(path, line, "a statement before `-- migrate:up`"));
    }
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

/// PostgreSQL's largest `lock_timeout`, in milliseconds (INT_MAX).
pub const MAX_LOCK_TIMEOUT_MS: u64 = 2_147_483_647;

/// `30s`, `500ms`, `2min` or a number of seconds, as PostgreSQL's `lock_timeout` takes them,
/// up to its limit; `Err` says what is wrong.
pub fn parse_duration(text: &str) -> Result<Duration, String> {
    let digits = text.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let unit_ms = match &text[digits.len()..] {
        "ms" => 1,
        "" | "s" => 1000,
        "min" => 60_000,
        _ => return Err(format!("{text} is not a duration like 30s, 500ms or 2min")),
    };
    let number: u64 = digits
        .parse()
        .map_err(|_| format!("{text} is not a duration like 30s, 500ms or 2min"))?;
    match number.checked_mul(unit_ms) {
        Some(ms) if ms <= MAX_LOCK_TIMEOUT_MS => Ok(Duration::from_millis(ms)),
        _ => Err(format!(
            "{text} is more than PostgreSQL's limit for lock_timeout ({MAX_LOCK_TIMEOUT_MS}ms, about 24 days)"
        )),
    }
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

/// Write migration `name` holding `text` under the next free version; its path.
pub fn create(dir: &Path, name: &str, text: &str) -> Result<PathBuf> {
    // A file name is at most 255 bytes: the 14-digit version, `_`, the name and `.sql`.
    const MAX_NAME: usize = 255 - 14 - 1 - 4;
    if name.len() > MAX_NAME {
        return Err(Fail::new(
            Exit::Usage,
            format!(
                "a migration name of {} characters is too long: file names hold {MAX_NAME} after the version",
                name.len()
            ),
        )
        .hint("say it shorter: `cruddur-db migrate new add_users_bio`")
        .into());
    }
    if name.is_empty() || !name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
        return Err(Fail::new(
            Exit::Usage,
            format!("{name:?} is not a migration name: use letters, digits and _"),
        )
        .hint("for example `cruddur-db migrate new add_users_bio`")
        .into());
    }
    std::fs::create_dir_all(dir).with_context(|| format!("could not create {}", dir.display()))?;
    // Versions are seconds: a second migration made in the same second as (or before) the
    // newest one takes the next second, so every version stays unique and in order.
    let newest = discover(dir)?
        .iter()
        .filter_map(|m| m.version.parse::<u64>().ok())
        .max();
    let mut version = crate::clock::utc_version(crate::clock::now_secs());
    let mut later = crate::clock::now_secs();
    while newest.is_some_and(|newest| version.parse::<u64>().is_ok_and(|v| v <= newest)) {
        later += 1;
        version = crate::clock::utc_version(later);
    }
    let path = dir.join(format!("{version}_{name}.sql"));
    std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&path)
        .and_then(|mut file| std::io::Write::write_all(&mut file, text.as_bytes()))
        .with_context(|| format!("could not write {}", path.display()))?;
    Ok(path)
}

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
        assert_eq!(parse_duration("500ms"), Ok(Duration::from_millis(500)));
        assert_eq!(parse_duration("2min"), Ok(Duration::from_secs(120)));
        assert!(parse_duration("soon").is_err());
        let (_e, bad) = write("2_y.sql", "-- migrate:up lock_timeout:soon\n");
        assert!(format!("{:#}", read(&bad).unwrap_err()).contains("lock_timeout:soon"));
    }

    #[test]
    fn a_lock_timeout_past_postgresqls_limit_is_refused_with_its_line() {
        assert_eq!(
            parse_duration("2147483647ms"),
            Ok(Duration::from_millis(MAX_LOCK_TIMEOUT_MS))
        );
        for value in [
            "2147483648ms",
            "2147484s",
            "99999999999999999999min",
            "307445734561825861min",
        ] {
            let (_d, path) = write(
                "1_x.sql",
                &format!("-- migrate:up\nSELECT 1;\n-- migrate:down lock_timeout:{value}\n"),
            );
            let err = format!("{:#}", read(&path).unwrap_err());
            assert!(err.contains("1_x.sql:3: lock_timeout:"), "{err}");
            assert!(
                err.contains("limit") || err.contains("not a duration"),
                "{err}"
            );
        }
    }

    #[test]
    fn a_statement_before_the_up_part_is_refused_as_dbmate_refuses_it() {
        let (_d, path) = write(
            "1_x.sql",
            "-- a comment is fine\n\nCREATE TABLE lost (id int);\n-- migrate:up\nSELECT 1;\n",
        );
        let err = format!("{:#}", read(&path).unwrap_err());
        assert!(
            err.contains("1_x.sql:3: a statement before `-- migrate:up`"),
            "{err}"
        );
    }

    #[test]
    fn a_byte_order_mark_before_the_up_line_is_no_part_of_it() {
        let (_d, path) = write(
            "1_x.sql",
            "\u{feff}-- migrate:up\nSELECT 1;\n-- migrate:down\n",
        );
        assert_eq!(read(&path).unwrap().up.lines, 2..3);
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
