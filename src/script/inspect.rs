//! What SQL files are, without running them: every file they read (`\i` includes too), whether
//! they depend on the name of the database they run in, and whether they read the clock. This
//! is what `setup` needs to build a database aside and to key its template cache.

use std::io::Read;
use std::path::{Path, PathBuf};

use anyhow::Result;
use sha2::{Digest, Sha256};

use super::meta::include_target;
use super::source::{Item, Source};
use crate::config::Places;
use crate::error::{Exit, Fail};

/// What a walk over some files found.
#[derive(Debug, Default)]
pub struct Inspection {
    /// The files read, in order, includes after the file that includes them.
    pub files: Vec<PathBuf>,
    /// A SHA-256 of every file's bytes, in order (the data files of `\copy` included), and of
    /// the `--set` variables.
    pub digest: Vec<u8>,
    /// The first place that depends on the database's own name, and what it is.
    pub own_name: Option<String>,
    /// The first statement that cannot share one transaction with the others
    /// (`breaks_one_transaction`), where it is and what it is.
    pub own_transaction: Option<String>,
    /// How many bytes the files hold, data files included.
    pub bytes: u64,
    /// Whether any statement reads the clock (`now()`, `current_date`, ...).
    pub reads_clock: bool,
    /// The first input that cannot be hashed without being read up (standard input, a FIFO):
    /// what the files load then is not known before they run.
    pub unhashable: Option<String>,
}

/// Inspect `paths` (and what they include), in order, as run with variables `set`.
pub fn inspect(paths: &[&Path], set: &[(String, String)], places: &Places) -> Result<Inspection> {
    let mut inspection = Inspection::default();
    let mut hasher = Sha256::new();
    for (name, value) in set {
        hasher.update(name);
        hasher.update([0]);
        hasher.update(value);
        hasher.update([0]);
    }
    for path in paths {
        walk(path, 0, &places.cwd, &mut inspection, &mut hasher)?;
    }
    inspection.digest = hasher.finalize().to_vec();
    Ok(inspection)
}

fn walk(
    path: &Path,
    depth: usize,
    cwd: &Path,
    found: &mut Inspection,
    hasher: &mut Sha256,
) -> Result<()> {
    if !is_regular(path) {
        found.unhashable(|| format!("{} is not a regular file", path.display()));
        return Ok(());
    }
    found.bytes += hash_file(path, hasher)?;
    found.files.push(path.to_path_buf());
    let mut source = Source::open(path)?;
    while let Some(item) = source.next_item()? {
        match item {
            Item::Statement(statement) => {
                let text = statement.text.to_ascii_lowercase();
                if found.own_name.is_none() {
                    found.own_name = names_own_database(&text).map(|what| {
                        format!("{}:{} uses {what}", path.display(), statement.start().line)
                    });
                }
                if found.own_transaction.is_none() {
                    found.own_transaction =
                        super::breaks_one_transaction(&statement.text).map(|what| {
                            format!("{}:{} uses {what}", path.display(), statement.start().line)
                        });
                }
                found.reads_clock |= CLOCK.iter().any(|word| text.contains(word));
            }
            Item::Meta(meta)
                if matches!(
                    meta.name.as_str(),
                    "i" | "include" | "ir" | "include_relative"
                ) =>
            {
                let included = include_target(&meta, path, cwd, depth)?;
                walk(&included, depth + 1, cwd, found, hasher)?;
            }
            // Rows a \copy loads are part of what the files produce.
            Item::Meta(meta) if meta.name == "copy" => {
                let at = || format!("{}:{}: \\copy", path.display(), meta.position.line);
                match super::slash_copy::parse(&meta.raw, cwd).map(|copy| copy.from) {
                    Ok(super::slash_copy::From::File(data)) if is_regular(&data) => {
                        found.bytes += hash_file(&data, hasher)?;
                        found.files.push(data);
                    }
                    Ok(super::slash_copy::From::File(data)) => found.unhashable(|| {
                        format!(
                            "{} reads {}, which is not a regular file",
                            at(),
                            data.display()
                        )
                    }),
                    Ok(super::slash_copy::From::ProcessStdin) => {
                        found.unhashable(|| format!("{} reads standard input (pstdin)", at()))
                    }
                    Ok(super::slash_copy::From::Inline) => {
                        super::meta::skip_copy_data(&mut source)?
                    }
                    Err(_) => {}
                }
            }
            Item::Meta(meta)
                if matches!(meta.name.as_str(), "c" | "connect")
                    && found.own_name.is_none()
                    && meta.args.iter().any(|a| !a.starts_with('-')) =>
            {
                found.own_name = Some(format!(
                    "{}:{} uses \\{} to a database by name",
                    path.display(),
                    meta.position.line,
                    meta.name
                ));
            }
            _ => {}
        }
    }
    Ok(())
}

impl Inspection {
    fn unhashable(&mut self, why: impl FnOnce() -> String) {
        if self.unhashable.is_none() {
            self.unhashable = Some(why());
        }
    }
}

/// Whether `path` can be hashed and read again: a FIFO or `/dev/stdin` is read only once.
fn is_regular(path: &Path) -> bool {
    std::fs::metadata(path).is_ok_and(|meta| meta.is_file())
}

/// Functions and keywords that make a load depend on the day it ran.
const CLOCK: &[&str] = &[
    "now()",
    "current_timestamp",
    "current_date",
    "current_time",
    "localtimestamp",
    "localtime",
    "clock_timestamp",
    "statement_timestamp",
    "transaction_timestamp",
];

/// What in a (lowercased) statement refers to the database it runs in by name.
fn names_own_database(text: &str) -> Option<&'static str> {
    let words: Vec<&str> = text.split_whitespace().collect();
    let has = |phrase: &[&str]| words.windows(phrase.len()).any(|w| w == phrase);
    if has(&["alter", "database"]) {
        Some("ALTER DATABASE")
    } else if has(&["comment", "on", "database"]) {
        Some("COMMENT ON DATABASE")
    } else if words
        .first()
        .is_some_and(|w| *w == "grant" || *w == "revoke")
        && has(&["on", "database"])
    {
        Some("GRANT/REVOKE ... ON DATABASE")
    } else if text.contains("current_database()") {
        Some("current_database()")
    } else if [":dbname", ":'dbname'", ":\"dbname\""]
        .iter()
        .any(|reference| text.contains(reference))
    {
        // Built aside, psql's DBNAME would name the side database, not the one being set up.
        Some(":DBNAME")
    } else {
        None
    }
}

/// Hash the bytes of `path`, saying how many there were.
fn hash_file(path: &Path, hasher: &mut Sha256) -> Result<u64> {
    let mut file = std::fs::File::open(path).map_err(|err| {
        Fail::new(
            Exit::Failure,
            format!("could not read {}: {err}", path.display()),
        )
        .hint("check the path and its permissions")
    })?;
    let mut buffer = vec![0; 256 * 1024];
    let mut bytes = 0;
    loop {
        let read = file.read(&mut buffer)?;
        if read == 0 {
            return Ok(bytes);
        }
        bytes += read as u64;
        hasher.update(&buffer[..read]);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statements_that_name_their_database_are_found() {
        assert_eq!(
            names_own_database("alter database cruddur set timezone = 'utc'"),
            Some("ALTER DATABASE")
        );
        assert_eq!(
            names_own_database("comment on database x is 'y'"),
            Some("COMMENT ON DATABASE")
        );
        assert_eq!(
            names_own_database("grant connect on database x to app"),
            Some("GRANT/REVOKE ... ON DATABASE")
        );
        assert_eq!(
            names_own_database("select current_database()"),
            Some("current_database()")
        );
        assert_eq!(names_own_database("grant select on users to app"), None);
        assert_eq!(
            names_own_database("create table database_notes (id int)"),
            None
        );
    }
}
