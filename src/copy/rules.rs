//! `sql/copy.toml` as the user writes it: where the rows start, which tables follow them, the
//! relations no foreign key declares, the row limit, and a masking rule per column. Only the
//! file's own shape is checked here; `resolve` checks it against the source's tables.

use std::collections::BTreeMap;
use std::path::Path;

use anyhow::{Context, Result};
use serde::Deserialize;
use sha2::Digest;

use crate::error::{Exit, Fail};

/// The first line `copy --init` writes: a copy refuses while it is there, so that guesses are
/// read by a person before production's data moves under them.
pub const REVIEW_MARK: &str = "# cruddur-db copy --init: REVIEW every rule, then delete this line (copy refuses while it is here)";

/// The most rows a copy takes when the file does not say.
pub const DEFAULT_MAX_ROWS: u64 = 1_000_000;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    copy: Section,
    #[serde(default)]
    mask: BTreeMap<String, String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Section {
    start: Vec<String>,
    #[serde(default)]
    follow: Vec<String>,
    #[serde(default)]
    relations: Vec<String>,
    max_rows: Option<u64>,
}

/// The rules of one copy.
#[derive(Debug, Clone)]
pub struct Rules {
    pub start: Vec<Start>,
    /// Tables as written (`activities`, `app.events`).
    pub follow: Vec<String>,
    pub relations: Vec<Link>,
    pub max_rows: u64,
    /// `(table as written, column)` to its rule.
    pub mask: BTreeMap<(String, String), Kind>,
    /// SHA-256 of the file's bytes, in hex: which rules made a copy.
    pub hash: String,
}

/// Where rows start: a table, and what follows its name (`WHERE ... LIMIT n`), sent as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Start {
    pub table: String,
    /// Empty for every row.
    pub filter: String,
}

impl Start {
    pub fn every_row(&self) -> bool {
        self.filter.is_empty()
    }
}

impl std::fmt::Display for Start {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.filter.is_empty() {
            true => f.write_str(&self.table),
            false => write!(f, "{} {}", self.table, self.filter),
        }
    }
}

/// A relation the schema does not declare: `child.column -> parent.column`, tables as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    pub child: (String, String),
    pub parent: (String, String),
}

/// What a column's values become.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Kind {
    Keep,
    Null,
    Default,
    Hash,
    Email,
    Name,
    Handle,
    Phone,
    Text,
    Scrub,
    Sql(String),
}

impl Kind {
    /// The kinds a person may write, for messages.
    pub const WORDS: &str =
        "keep, null, default, hash, email, name, handle, phone, text, scrub or sql:EXPR";

    fn parse(text: &str) -> Option<Kind> {
        Some(match text {
            "keep" => Kind::Keep,
            "null" => Kind::Null,
            "default" => Kind::Default,
            "hash" => Kind::Hash,
            "email" => Kind::Email,
            "name" => Kind::Name,
            "handle" => Kind::Handle,
            "phone" => Kind::Phone,
            "text" => Kind::Text,
            "scrub" => Kind::Scrub,
            _ => match text.strip_prefix("sql:") {
                Some(expr) if !expr.trim().is_empty() => Kind::Sql(expr.trim().to_string()),
                _ => return None,
            },
        })
    }

    /// Whether the binary makes the new value from the old one (so the old one is read).
    pub fn fakes(&self) -> bool {
        matches!(
            self,
            Kind::Hash
                | Kind::Email
                | Kind::Name
                | Kind::Handle
                | Kind::Phone
                | Kind::Text
                | Kind::Scrub
        )
    }
}

impl std::fmt::Display for Kind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Kind::Keep => "keep",
            Kind::Null => "null",
            Kind::Default => "default",
            Kind::Hash => "hash",
            Kind::Email => "email",
            Kind::Name => "name",
            Kind::Handle => "handle",
            Kind::Phone => "phone",
            Kind::Text => "text",
            Kind::Scrub => "scrub",
            Kind::Sql(expr) => return write!(f, "sql:{expr}"),
        })
    }
}

/// Read the rules at `path`.
pub fn read(path: &Path) -> Result<Rules> {
    let text = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => {
            return Err(Fail::new(
                Exit::Failure,
                format!("{}: no such file: copy needs its rules", path.display()),
            )
            .hint("`cruddur-db copy --init` writes a starter file with a guess per column, for you to review")
            .into());
        }
        Err(err) => {
            return Err(err).with_context(|| format!("could not read {}", path.display()));
        }
    };
    parse(&text).map_err(|err| err.context(format!("{} is not usable copy rules", path.display())))
}

/// The rules `text` holds.
pub fn parse(text: &str) -> Result<Rules> {
    if text.lines().any(|line| line.trim() == REVIEW_MARK) {
        return Err(Fail::new(
            Exit::Refused,
            "the rules are still marked for review: `copy --init` guessed them",
        )
        .hint("read every rule (a guess may keep a column that holds personal data), then delete the REVIEW line")
        .into());
    }
    let file: File = toml::from_str(text).map_err(|err| {
        Fail::new(Exit::Usage, err.to_string().trim_end().to_string())
            .hint("the file's form: [copy] start = [\"users WHERE ...\"], follow = [...], relations = [\"a.x -> b.y\"], max_rows = N; [mask] \"table.column\" = \"kind\"")
    })?;
    let usage = |message: String, hint: &str| -> anyhow::Error {
        Fail::new(Exit::Usage, message)
            .hint(hint.to_string())
            .into()
    };
    if file.copy.start.is_empty() {
        return Err(usage(
            "[copy] start is empty: a copy needs rows to start from".into(),
            "e.g. start = [\"users WHERE handle IN ('andrewbrown')\"]",
        ));
    }
    let start = file
        .copy
        .start
        .iter()
        .map(|text| parse_start(text))
        .collect::<Result<Vec<_>, String>>()
        .map_err(|message| {
            usage(
                message,
                "write each start as `table`, `table WHERE condition`, and/or `LIMIT n`",
            )
        })?;
    let relations = file
        .copy
        .relations
        .iter()
        .map(|text| parse_link(text))
        .collect::<Result<Vec<_>, String>>()
        .map_err(|message| {
            usage(
                message,
                "write each relation as \"child_table.column -> parent_table.column\"",
            )
        })?;
    let mut mask = BTreeMap::new();
    for (column, rule) in &file.mask {
        let Some((table, name)) = column
            .rsplit_once('.')
            .filter(|(t, c)| !t.is_empty() && !c.is_empty())
        else {
            return Err(usage(
                format!("[mask] {column:?}: name a column as \"table.column\""),
                "e.g. \"users.email\" = \"email\"",
            ));
        };
        let Some(kind) = Kind::parse(rule.trim()) else {
            return Err(usage(
                format!("[mask] {column:?} = {rule:?}: not a rule"),
                &format!("a rule is one of {}", Kind::WORDS),
            ));
        };
        mask.insert((table.to_string(), name.to_string()), kind);
    }
    Ok(Rules {
        start,
        follow: file
            .copy
            .follow
            .iter()
            .map(|t| t.trim().to_string())
            .collect(),
        relations,
        max_rows: file.copy.max_rows.unwrap_or(DEFAULT_MAX_ROWS),
        mask,
        hash: hex(&sha2::Sha256::digest(text.as_bytes())),
    })
}

fn parse_start(text: &str) -> Result<Start, String> {
    let text = text.trim();
    let (table, rest) = match text.find(char::is_whitespace) {
        Some(at) => (&text[..at], text[at..].trim()),
        None => (text, ""),
    };
    let upper = rest.to_ascii_uppercase();
    let known = ["WHERE", "ORDER", "LIMIT"].iter().any(|word| {
        upper.starts_with(word)
            && !upper[word.len()..].starts_with(|c: char| c.is_alphanumeric() || c == '_')
    });
    if table.is_empty() || !(rest.is_empty() || known) {
        return Err(format!(
            "[copy] start {text:?}: after the table comes WHERE, ORDER BY or LIMIT"
        ));
    }
    Ok(Start {
        table: table.to_string(),
        filter: rest.to_string(),
    })
}

fn parse_link(text: &str) -> Result<Link, String> {
    let column = |side: &str| {
        side.trim()
            .rsplit_once('.')
            .filter(|(t, c)| !t.is_empty() && !c.is_empty() && !c.contains([',', '(', ' ']))
            .map(|(t, c)| (t.to_string(), c.to_string()))
    };
    match text.split_once("->").map(|(a, b)| (column(a), column(b))) {
        Some((Some(child), Some(parent))) => Ok(Link { child, parent }),
        _ => Err(format!(
            "[copy] relations {text:?}: not \"table.column -> table.column\" (one column each side)"
        )),
    }
}

pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const ISSUE: &str = r#"
[copy]
start = ["users WHERE handle IN ('andrewbrown', 'bayko')"]  # table [WHERE ...] [LIMIT n]
follow = ["activities", "likes"]
relations = ["activities.user_uuid -> users.uuid"]
max_rows = 1000000

[mask]
"users.email" = "email"
"users.cognito_user_id" = "hash"
"activities.message" = "scrub"
"users.bio" = "sql:left(bio, 3)"
"#;

    #[test]
    fn the_form_the_issue_gives_reads_as_written() {
        let rules = parse(ISSUE).unwrap();
        assert_eq!(rules.start[0].table, "users");
        assert_eq!(
            rules.start[0].filter,
            "WHERE handle IN ('andrewbrown', 'bayko')"
        );
        assert_eq!(rules.follow, ["activities", "likes"]);
        assert_eq!(
            rules.relations[0].parent,
            ("users".to_string(), "uuid".to_string())
        );
        assert_eq!(
            rules.mask[&("users".to_string(), "bio".to_string())],
            Kind::Sql("left(bio, 3)".into())
        );
        assert_eq!(rules.max_rows, 1_000_000);
        assert_eq!(rules.hash.len(), 64);
    }

    #[test]
    fn a_start_may_be_a_bare_table_or_end_in_a_limit() {
        let rules = parse("[copy]\nstart = [\"users\", \"app.events LIMIT 5\"]").unwrap();
        assert!(rules.start[0].every_row());
        assert_eq!(rules.start[1].filter, "LIMIT 5");
        assert_eq!(rules.max_rows, DEFAULT_MAX_ROWS);
    }

    #[test]
    fn what_is_not_a_rule_is_refused_naming_it() {
        for (text, says) in [
            ("[copy]\nstart = []", "start is empty"),
            (
                "[copy]\nstart = [\"users handle = 'x'\"]",
                "after the table",
            ),
            (
                "[copy]\nstart = [\"users\"]\n[mask]\n\"users.email\" = \"mask\"",
                "not a rule",
            ),
            (
                "[copy]\nstart = [\"users\"]\n[mask]\n\"email\" = \"keep\"",
                "\"table.column\"",
            ),
            (
                "[copy]\nstart = [\"users\"]\nrelations = [\"a.x => b.y\"]",
                "one column each side",
            ),
            ("[copy]\nstart = [\"users\"]\nfolow = []", "unknown field"),
        ] {
            let err = format!("{:#}", parse(text).unwrap_err());
            assert!(err.contains(says), "{text}: {err}");
        }
    }

    #[test]
    fn a_file_still_marked_for_review_is_refused() {
        let text = format!("{REVIEW_MARK}\n[copy]\nstart = [\"users\"]\n");
        let err = format!("{:#}", parse(&text).unwrap_err());
        assert!(err.contains("marked for review"), "{err}");
    }
}
