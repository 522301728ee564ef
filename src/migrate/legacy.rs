//! The old Python migrations (`backend-flask/db/migrations/<time.time() digits>_<name>.py`,
//! a class whose `migrate_sql()`/`rollback_sql()` return SQL), read without running Python:
//! each function must return a plain string literal, directly or through one variable.

use std::path::{Path, PathBuf};

use anyhow::Result;

use super::python;
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

/// The SQL function `function` of a legacy file returns: string literals returned directly
/// (`return """..."""`) or through a variable assigned once (`data = """..."""` then
/// `return data`), evaluated by Python's rules, with psycopg's `%%` undone. Anything that only
/// running Python could decide is refused, never guessed.
fn sql_of(text: &str, function: &str, path: &Path) -> Result<String> {
    let refuse = |why: &str| -> anyhow::Error {
        Fail::new(
            Exit::Failure,
            format!("{}: {function}() {why}", path.display()),
        )
        .hint("import-legacy reads migrations whose functions return a plain string literal; convert this one by hand with `cruddur-db migrate new`")
        .into()
    };
    let source = python::normalize(text);
    let lines =
        python::logical_lines(&source).map_err(|why| refuse(&format!("cannot be read: {why}")))?;
    let code = |line: &python::Line| &source[line.start..line.end];
    let header = format!("def {function}(");
    let defs: Vec<usize> = (0..lines.len())
        .filter(|&i| code(&lines[i]).starts_with(&header))
        .collect();
    let def = match defs.as_slice() {
        [] => return Err(refuse("is not defined")),
        [one] => *one,
        more => return Err(refuse(&format!("is defined {} times", more.len()))),
    };
    let mut body: Vec<&str> = one_line_body(code(&lines[def])).into_iter().collect();
    body.extend(
        lines[def + 1..]
            .iter()
            .take_while(|line| line.indent > lines[def].indent)
            .map(code),
    );
    let returns: Vec<&str> = body.iter().filter_map(|line| returned(line)).collect();
    let value = match returns.as_slice() {
        [] => return Err(refuse("has no return")),
        [one] => *one,
        more => {
            return Err(refuse(&format!(
                "returns in {} places; which one runs depends on running it",
                more.len()
            )));
        }
    };
    let value = if is_name(value) {
        let assigned: Vec<Assignment> = body
            .iter()
            .filter_map(|line| assignment(line, value))
            .collect();
        match assigned.as_slice() {
            [] => {
                return Err(refuse(&format!("returns {value}, which is never assigned")));
            }
            [Assignment::Plain(expression)] => *expression,
            _ => {
                return Err(refuse(&format!(
                    "assigns {value} in {} places; which value it returns depends on running it",
                    assigned.len()
                )));
            }
        }
    } else {
        value
    };
    let sql = python::string_value(value).map_err(|why| {
        refuse(&format!(
            "does not return a string literal: its value {why}"
        ))
    })?;
    if sql.contains('\0') {
        return Err(refuse(
            "returns text holding a NUL character (\\0), which PostgreSQL cannot store",
        ));
    }
    Ok(sql.replace("%%", "%"))
}

/// The body of a one-line function, `def f(): return "..."`.
fn one_line_body(def: &str) -> Option<&str> {
    let close = def.find(')')?;
    let colon = close + def[close..].find(':')?;
    let body = def[colon + 1..].trim();
    (!body.is_empty() && !body.starts_with('#')).then_some(body)
}

/// What a `return` line returns.
fn returned(line: &str) -> Option<&str> {
    let rest = line.strip_prefix("return")?;
    (rest.is_empty() || rest.starts_with([' ', '\t', '(', '"', '\'', '\\'])).then(|| rest.trim())
}

enum Assignment<'a> {
    /// `name = EXPRESSION` (or `name: TYPE = EXPRESSION`).
    Plain(&'a str),
    /// `name += ...` and the other operators: a value only running Python knows.
    Changed,
}

/// The assignment to `name` that `line` makes, if it makes one.
fn assignment<'a>(line: &'a str, name: &str) -> Option<Assignment<'a>> {
    let rest = line.strip_prefix(name)?;
    if rest.starts_with(|c: char| c.is_alphanumeric() || c == '_') {
        return None;
    }
    let rest = rest.trim_start();
    let rest = match rest.strip_prefix(':') {
        Some(annotated) => &annotated[annotated.find('=')?..],
        None => rest,
    };
    if let Some(value) = rest.strip_prefix('=') {
        return (!value.starts_with('=')).then_some(Assignment::Plain(value));
    }
    let operator = rest.find('=')?;
    (operator > 0 && operator <= 3 && rest[..operator].chars().all(|c| "+-*/%|&^@<>".contains(c)))
        .then_some(Assignment::Changed)
}

fn is_name(text: &str) -> bool {
    !text.is_empty()
        && !text.starts_with(|c: char| c.is_ascii_digit())
        && text.chars().all(|c| c.is_alphanumeric() || c == '_')
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
    fn a_name_ending_in_the_returned_name_is_not_its_assignment() {
        let text = "class M:\n  def migrate_sql():\n    metadata = \"SELECT 'wrong one';\"\n    data = \"\"\"\n    ALTER TABLE users ADD COLUMN bio text;\n    \"\"\"\n    return data\n";
        assert_eq!(
            sql(text, "migrate_sql").unwrap().trim(),
            "ALTER TABLE users ADD COLUMN bio text;"
        );
    }

    #[test]
    fn sql_that_only_looks_like_python_inside_a_string_is_sql() {
        let text = "class M:\n  def migrate_sql():\n    data = \"\"\"\ndata = 1;\nreturn new;\n\"\"\"\n    return data\n";
        assert_eq!(
            sql(text, "migrate_sql").unwrap(),
            "\ndata = 1;\nreturn new;\n"
        );
    }

    #[test]
    fn a_value_only_running_python_could_decide_is_refused() {
        for (text, why) in [
            (
                "class M:\n  def migrate_sql():\n    data = 'a'\n    data = 'b'\n    return data\n",
                "assigns data in 2 places",
            ),
            (
                "class M:\n  def migrate_sql():\n    data = 'a'\n    data += 'b'\n    return data\n",
                "assigns data in 2 places",
            ),
            (
                "class M:\n  def migrate_sql():\n    if x:\n      return 'a'\n    return 'b'\n",
                "returns in 2 places",
            ),
            (
                "class M:\n  def migrate_sql():\n    return f'ALTER TABLE {t}'\n",
                "replacement field",
            ),
            (
                "class M:\n  def migrate_sql():\n    return '\\0'\n",
                "NUL character",
            ),
        ] {
            let err = format!("{:#}", sql(text, "migrate_sql").unwrap_err());
            assert!(err.contains(why), "{text}: {err}");
        }
    }

    #[test]
    fn escapes_follow_python_so_a_regex_keeps_its_backslashes() {
        let text = "class M:\n  def migrate_sql(): return \"\"\"CHECK (handle ~ '^\\w+$')\"\"\"\n";
        assert_eq!(
            sql(text, "migrate_sql").unwrap(),
            "CHECK (handle ~ '^\\w+$')"
        );
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
