//! psql's `\copy`: read as psql's `parse_slash_copy` reads it, turned into `COPY ... FROM STDIN`
//! with the same options (old or new syntax pass through to the server), the data coming from
//! a file, from the lines that follow, or from our own stdin.

use std::path::{Path, PathBuf};

/// Where a `\copy ... from` reads its rows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum From {
    /// A file, relative to the current directory (after `\cd`) as psql resolves it.
    File(PathBuf),
    /// The lines after the `\copy` in the SQL file, up to `\.`.
    Inline,
    /// cruddur-db's own standard input (psql's `pstdin`).
    ProcessStdin,
}

/// A `\copy ... from`, ready to run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SlashCopy {
    /// `COPY <target> FROM STDIN <options>`.
    pub sql: String,
    pub from: From,
}

/// Read `raw` (what follows `\copy`), resolving a relative file from `cwd`. Errors say what is
/// wrong in psql's terms.
pub fn parse(raw: &str, cwd: &Path) -> Result<SlashCopy, String> {
    let raw = raw.trim().trim_end_matches(';').trim_end();
    // The target: a table with optional column list, or a parenthesized query.
    let words = split_top_level(raw);
    let direction = words
        .iter()
        .position(|(word, _)| word.eq_ignore_ascii_case("from") || word.eq_ignore_ascii_case("to"))
        .ok_or_else(|| "\\copy needs FROM (or TO) and where the data is".to_string())?;
    if direction == 0 {
        return Err("\\copy needs a table or a (query) before FROM".to_string());
    }
    let (keyword, at) = &words[direction];
    if keyword.eq_ignore_ascii_case("to") {
        return Err(
            "\\copy ... to writes a file on this machine; a schema or seed file only loads data"
                .to_string(),
        );
    }
    let target = raw[..*at].trim();
    let (source, after) = words
        .get(direction + 1)
        .map(|(word, at)| (word.clone(), at + word.len()))
        .ok_or_else(|| "\\copy ... from needs a file name, stdin or pstdin".to_string())?;
    let from = match source.to_ascii_lowercase().as_str() {
        "stdin" => From::Inline,
        "pstdin" => From::ProcessStdin,
        "program" => {
            return Err(
                "\\copy ... from program runs a shell command; cruddur-db does not".to_string(),
            );
        }
        _ => {
            let name = unquote(&source);
            let path = Path::new(&name);
            From::File(if path.is_absolute() {
                path.to_path_buf()
            } else {
                cwd.join(path)
            })
        }
    };
    let options = raw[after..].trim();
    let sql = if options.is_empty() {
        format!("COPY {target} FROM STDIN")
    } else {
        format!("COPY {target} FROM STDIN {options}")
    };
    Ok(SlashCopy { sql, from })
}

/// Words outside parentheses and quotes, with where each starts.
fn split_top_level(text: &str) -> Vec<(String, usize)> {
    let mut words = Vec::new();
    let mut depth = 0;
    let mut quote = None;
    let mut start = None;
    for (i, c) in text.char_indices() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '\'' | '"') => {
                quote = Some(c);
                start.get_or_insert(i);
            }
            (None, '(') => {
                depth += 1;
                start.get_or_insert(i);
            }
            (None, ')') => depth -= 1,
            (None, c) if c.is_whitespace() && depth == 0 => {
                if let Some(from) = start.take() {
                    words.push((text[from..i].to_string(), from));
                }
            }
            _ => {
                start.get_or_insert(i);
            }
        }
    }
    if let Some(from) = start {
        words.push((text[from..].to_string(), from));
    }
    words
}

/// `'data.csv'` or `"data.csv"` or `data.csv`, as a file name.
fn unquote(word: &str) -> String {
    for quote in ['\'', '"'] {
        if let Some(inner) = word.strip_prefix(quote).and_then(|w| w.strip_suffix(quote)) {
            let doubled = format!("{quote}{quote}");
            return inner.replace(&doubled, &quote.to_string());
        }
    }
    word.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sql(raw: &str) -> (String, From) {
        let copy = parse(raw, Path::new("/work")).unwrap();
        (copy.sql, copy.from)
    }

    #[test]
    fn a_file_with_new_and_old_option_syntax() {
        assert_eq!(
            sql("users (handle, email) from 'seed/users.csv' with (format csv, header true);"),
            (
                "COPY users (handle, email) FROM STDIN with (format csv, header true)".to_string(),
                From::File("/work/seed/users.csv".into())
            )
        );
        assert_eq!(
            sql("public.users FROM '/data/u.csv' csv header delimiter ','").0,
            "COPY public.users FROM STDIN csv header delimiter ','"
        );
    }

    #[test]
    fn stdin_is_the_lines_that_follow_and_pstdin_our_own() {
        assert_eq!(sql("t from stdin").1, From::Inline);
        assert_eq!(sql("t from pstdin with csv").1, From::ProcessStdin);
    }

    #[test]
    fn a_column_list_with_from_inside_parentheses_is_not_the_keyword() {
        assert_eq!(
            sql("t (\"from\", b) from data.csv").0,
            "COPY t (\"from\", b) FROM STDIN"
        );
    }

    #[test]
    fn to_and_program_are_refused_with_a_reason() {
        assert!(
            parse("t to 'out.csv'", Path::new("/"))
                .unwrap_err()
                .contains("writes a file")
        );
        assert!(
            parse("t from program 'gunzip x'", Path::new("/"))
                .unwrap_err()
                .contains("shell")
        );
        assert!(parse("t", Path::new("/")).is_err());
    }
}
