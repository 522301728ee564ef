//! The old Python migrations (`backend-flask/db/migrations/<time.time() digits>_<name>.py`,
//! a class whose `migrate_sql()`/`rollback_sql()` return SQL), read without running Python:
//! each function must return a plain string literal, directly or through one variable.

use std::path::{Path, PathBuf};

use anyhow::Result;

use crate::error::{Exit, Fail};

/// One old migration, read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Legacy {
    pub path: PathBuf,
    /// The digits of the file name, as `time.time()` wrote them with the `.` removed.
    pub stamp: String,
    pub name: String,
    pub up: String,
    pub down: String,
}

impl Legacy {
    /// Whole seconds and the fraction's digits: `time.time()` has ten digits of seconds
    /// (until 2286), and the fraction as many as it happened to print, so a 16-digit stamp
    /// must sort by value against a 17-digit one, not by length.
    pub fn order(&self) -> (u64, String) {
        stamp_order(&self.stamp)
    }
}

/// `stamp` as (seconds, fraction digits without trailing zeros), ordered by value.
pub fn stamp_order(stamp: &str) -> (u64, String) {
    let digits: String = stamp.chars().filter(char::is_ascii_digit).collect();
    let split = digits.len().min(10);
    let seconds = digits[..split].parse().unwrap_or(0);
    let fraction = digits[split..].trim_end_matches('0').to_string();
    (seconds, fraction)
}

/// Every old migration in `dir`, oldest first.
pub fn read_dir(dir: &Path) -> Result<Vec<Legacy>> {
    let entries = std::fs::read_dir(dir).map_err(|err| {
        Fail::new(
            Exit::Failure,
            format!("could not read {}: {err}", dir.display()),
        )
        .hint(
            "name the folder of the old Python migrations: `cruddur-db migrate import-legacy DIR`",
        )
    })?;
    let mut found = Vec::new();
    for entry in entries {
        let path = entry?.path();
        let Some(file) = path.file_name().and_then(|n| n.to_str()) else {
            continue;
        };
        let Some(stem) = file.strip_suffix(".py") else {
            continue;
        };
        let (stamp, name) = stem.split_once('_').unwrap_or((stem, ""));
        if stamp.is_empty() || !stamp.bytes().all(|b| b.is_ascii_digit()) {
            continue;
        }
        let text = std::fs::read_to_string(&path).map_err(|err| {
            Fail::new(
                Exit::Failure,
                format!("could not read {}: {err}", path.display()),
            )
            .hint("check the file's permissions")
        })?;
        found.push(Legacy {
            stamp: stamp.to_string(),
            name: name.to_string(),
            up: sql_of(&text, "migrate_sql", &path)?,
            down: sql_of(&text, "rollback_sql", &path)?,
            path,
        });
    }
    found.sort_by_key(Legacy::order);
    Ok(found)
}

/// The SQL function `function` of a legacy file returns: a string literal returned directly
/// (`return """..."""`) or through a variable (`data = """..."""` then `return data`), with
/// psycopg's `%%` undone.
fn sql_of(text: &str, function: &str, path: &Path) -> Result<String> {
    let refuse = |why: &str| -> anyhow::Error {
        Fail::new(
            Exit::Failure,
            format!("{}: {function}() {why}", path.display()),
        )
        .hint("import-legacy reads migrations whose functions return a plain string literal; convert this one by hand with `cruddur-db migrate new`")
        .into()
    };
    let start = text
        .find(&format!("def {function}("))
        .ok_or_else(|| refuse("is not defined"))?;
    let body_start = start + text[start..].find('\n').unwrap_or(text.len() - start);
    let body_end = text[body_start..]
        .find("\n  def ")
        .or_else(|| text[body_start..].find("\ndef "))
        .or_else(|| text[body_start..].find("\n    def "))
        .map_or(text.len(), |end| body_start + end);
    let body = &text[body_start..body_end];
    let returned = body
        .lines()
        .map(str::trim)
        .find_map(|line| line.strip_prefix("return"))
        .map(str::trim)
        .ok_or_else(|| refuse("has no return"))?;
    let literal_text = if starts_literal(returned) {
        &body[body.find("return").unwrap_or(0) + "return".len()..]
    } else if !returned.is_empty() && returned.chars().all(|c| c.is_alphanumeric() || c == '_') {
        let assignment = body
            .find(&format!("{returned} ="))
            .ok_or_else(|| refuse(&format!("returns {returned}, which is never assigned")))?;
        let rest = &body[assignment + returned.len()..];
        rest.trim_start().trim_start_matches('=')
    } else {
        return Err(refuse("does not return a string literal"));
    };
    let literal = parse_literal(literal_text.trim_start())
        .ok_or_else(|| refuse("does not return a plain string literal"))?;
    Ok(literal.replace("%%", "%"))
}

fn starts_literal(text: &str) -> bool {
    text.starts_with(['"', '\''])
}

/// The Python string literal at the start of `text`: triple- or single-quoted, with `\`
/// escapes of quotes and backslashes. `None` for anything else (f-strings, concatenation).
fn parse_literal(text: &str) -> Option<String> {
    let quote = ["\"\"\"", "'''", "\"", "'"]
        .into_iter()
        .find(|q| text.starts_with(q))?;
    let rest = &text[quote.len()..];
    let mut value = String::new();
    let mut chars = rest.char_indices();
    while let Some((at, c)) = chars.next() {
        if rest[at..].starts_with(quote) {
            // Anything but the end of the statement after it is not a plain literal.
            let after = rest[at + quote.len()..].lines().next().unwrap_or("").trim();
            return (after.is_empty() || after.starts_with('#')).then_some(value);
        }
        match c {
            '\\' => match chars.next() {
                Some((_, 'n')) => value.push('\n'),
                Some((_, 't')) => value.push('\t'),
                Some((_, other)) => value.push(other),
                None => return None,
            },
            '\n' if quote.len() == 1 => return None,
            c => value.push(c),
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sql(text: &str, function: &str) -> Result<String> {
        sql_of(text, function, Path::new("x.py"))
    }

    const CLASSIC: &str = r#"from lib.db import db

class AddBioColumnMigration:
  def migrate_sql():
    data = """
    ALTER TABLE public.users ADD COLUMN bio text;
    UPDATE public.users SET bio = '100%% real';
    """
    return data
  def rollback_sql():
    return """ALTER TABLE public.users DROP COLUMN bio;"""

  def migrate():
    db.query_commit(AddBioColumnMigration.migrate_sql(),{
    })
migration = AddBioColumnMigration
"#;

    #[test]
    fn reads_both_literal_shapes_and_undoes_percent_escapes() {
        let up = sql(CLASSIC, "migrate_sql").unwrap();
        assert!(up.contains("ADD COLUMN bio text;"));
        assert!(up.contains("'100% real'"));
        assert_eq!(
            sql(CLASSIC, "rollback_sql").unwrap(),
            "ALTER TABLE public.users DROP COLUMN bio;"
        );
    }

    #[test]
    fn refuses_what_is_not_a_plain_literal() {
        let computed = "class M:\n  def migrate_sql():\n    return build_sql()\n  def rollback_sql():\n    return ''\n";
        assert!(
            format!("{:#}", sql(computed, "migrate_sql").unwrap_err())
                .contains("does not return a string literal")
        );
        let concatenated = "class M:\n  def migrate_sql():\n    return 'a' + b\n";
        assert!(sql(concatenated, "migrate_sql").is_err());
        assert_eq!(sql(computed, "rollback_sql").unwrap(), "");
    }

    #[test]
    fn stamps_sort_by_value_not_length() {
        // 1681186353.2862935 and 1681186353.28629 and 1681186354.1
        let mut stamps = vec!["16811863532862935", "168118635328629", "16811863541"];
        stamps.sort_by_key(|s| stamp_order(s));
        assert_eq!(
            stamps,
            ["168118635328629", "16811863532862935", "16811863541"]
        );
    }
}
