//! Placeholders as the application writes them, turned into the server's `$n`, as its driver
//! turns them:
//! - psycopg's `%(name)s` and `%s` (and `%b`, `%t`), with `%%` a literal `%`. psycopg reads
//!   them anywhere in the text, string literals and comments included, and refuses any other
//!   `%`: so does this.
//! - psql's (and SQLAlchemy's) `:name`, outside literals, comments and `::` casts, in a file
//!   that has no psycopg placeholder.
//! - `$1` as the server reads it.
//!
//! Each distinct name is one parameter, numbered in order of first appearance. The rewritten
//! text keeps a map back to the original, so a server error lands where it is in the file.

/// A statement with its placeholders turned into `$n`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rewritten {
    pub text: String,
    /// The name of `$1`, `$2`, ...: `handle` for `%(handle)s`, `1` for the first `%s`, `$1`.
    pub params: Vec<String>,
    /// `(character in text, character in the original)` wherever the two stop counting alike.
    map: Vec<(usize, usize)>,
}

impl Rewritten {
    /// The number of the parameter called `name`: its own when it was seen before, else the
    /// next one.
    fn number_of(&mut self, name: String) -> usize {
        match self.params.iter().position(|p| *p == name) {
            Some(existing) => existing + 1,
            None => {
                self.params.push(name);
                self.params.len()
            }
        }
    }

    /// The character of the original (0-based) that character `at` of the rewritten text
    /// (0-based) came from.
    pub fn original(&self, at: usize) -> usize {
        let &(text, original) = self
            .map
            .iter()
            .rev()
            .find(|(text, _)| *text <= at)
            .unwrap_or(&(0, 0));
        original + (at - text)
    }
}

/// A placeholder the driver would refuse, or would read where the author did not mean one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The character of the original (0-based) where it starts, and how many it takes.
    pub at: usize,
    pub len: usize,
    pub message: String,
    pub hint: String,
}

/// Where the scanner is: what a character means depends on it.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Place {
    Code,
    /// In `'...'`; `true` for an `E'...'` string, where a backslash escapes.
    Literal(bool),
    Identifier,
    Dollar(String),
    LineComment,
    BlockComment(u32),
}

impl Place {
    fn describe(&self) -> &'static str {
        match self {
            Place::Literal(_) | Place::Dollar(_) => "a string literal",
            Place::LineComment | Place::BlockComment(_) => "a comment",
            Place::Identifier => "a quoted identifier",
            Place::Code => "the query",
        }
    }
}

/// What each character of `chars` is inside, computed once.
fn places(chars: &[char]) -> Vec<Place> {
    let mut out = Vec::with_capacity(chars.len());
    let mut place = Place::Code;
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        out.push(place.clone());
        match &place {
            Place::Code => match c {
                '\'' => {
                    let escape = i > 0 && matches!(chars[i - 1], 'e' | 'E');
                    place = Place::Literal(escape);
                }
                '"' => place = Place::Identifier,
                '-' if next == Some('-') => place = Place::LineComment,
                '/' if next == Some('*') => {
                    place = Place::BlockComment(1);
                    out.push(place.clone());
                    i += 1;
                }
                '$' => {
                    if let Some(tag) = dollar_tag(&chars[i..]) {
                        for _ in 1..tag.chars().count() {
                            out.push(Place::Code);
                        }
                        i += tag.chars().count() - 1;
                        place = Place::Dollar(tag);
                    }
                }
                _ => {}
            },
            Place::Literal(escape) => {
                if *escape && c == '\\' {
                    out.push(place.clone());
                    i += 1;
                } else if c == '\'' {
                    if next == Some('\'') {
                        out.push(place.clone());
                        i += 1;
                    } else {
                        place = Place::Code;
                    }
                }
            }
            Place::Identifier => {
                if c == '"' {
                    if next == Some('"') {
                        out.push(place.clone());
                        i += 1;
                    } else {
                        place = Place::Code;
                    }
                }
            }
            Place::Dollar(tag) => {
                let tag = tag.clone();
                if chars[i..].starts_with(&tag.chars().collect::<Vec<_>>()) {
                    for _ in 1..tag.chars().count() {
                        out.push(place.clone());
                    }
                    i += tag.chars().count() - 1;
                    place = Place::Code;
                }
            }
            Place::LineComment => {
                if c == '\n' {
                    place = Place::Code;
                }
            }
            Place::BlockComment(depth) => {
                let depth = *depth;
                if c == '*' && next == Some('/') {
                    out.push(place.clone());
                    i += 1;
                    place = match depth {
                        1 => Place::Code,
                        _ => Place::BlockComment(depth - 1),
                    };
                } else if c == '/' && next == Some('*') {
                    out.push(place.clone());
                    i += 1;
                    place = Place::BlockComment(depth + 1);
                }
            }
        }
        i += 1;
    }
    out.truncate(chars.len());
    out
}

/// The `$tag$` that starts `chars`, when it is one (`$1` is a parameter, not a quote).
fn dollar_tag(chars: &[char]) -> Option<String> {
    let mut tag = String::from("$");
    for (n, &c) in chars.iter().enumerate().skip(1) {
        match c {
            '$' => {
                tag.push('$');
                return Some(tag);
            }
            c if c.is_alphabetic() || c == '_' || (n > 1 && c.is_ascii_digit()) => tag.push(c),
            _ => return None,
        }
    }
    None
}

/// psql's `'name'` or `"name"` after a colon: the name, the quote, and how many characters
/// it takes.
fn quoted_variable(chars: &[char]) -> Option<(String, char, usize)> {
    let quote = *chars.first().filter(|c| matches!(c, '\'' | '"'))?;
    let close = chars[1..].iter().position(|&c| c == quote)? + 1;
    let name: String = chars[1..close].iter().collect();
    let valid = name
        .chars()
        .next()
        .is_some_and(|c| c.is_alphabetic() || c == '_')
        && name.chars().all(|c| c.is_alphanumeric() || c == '_');
    valid.then_some((name, quote, close + 1))
}

/// Whether `sql` uses psycopg's placeholders: then every `%` is psycopg's to read.
pub fn uses_psycopg(sql: &str) -> bool {
    let chars: Vec<char> = sql.chars().collect();
    chars
        .windows(2)
        .any(|w| w[0] == '%' && matches!(w[1], '(' | 's' | 'b' | 't' | '%'))
}

/// Turn the placeholders of `sql` into `$n`.
pub fn rewrite(sql: &str) -> Result<Rewritten, Problem> {
    let chars: Vec<char> = sql.chars().collect();
    let places = places(&chars);
    let mut out = Rewritten {
        text: String::with_capacity(sql.len()),
        params: Vec::new(),
        map: vec![(0, 0)],
    };
    let mut written = 0;
    let psycopg = uses_psycopg(sql);
    let mut positional = false;
    let mut named = false;
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if psycopg && c == '%' {
            let (consumed, replacement) = match chars.get(i + 1) {
                Some('%') => (2, "%".to_string()),
                Some('s' | 'b' | 't') => {
                    positional = true;
                    let number = out.params.len() + 1;
                    out.params.push(number.to_string());
                    (2, format!("${number}"))
                }
                Some('(') => {
                    let close = chars[i..].iter().position(|&c| c == ')');
                    let format = close.and_then(|close| chars.get(i + close + 1));
                    match (close, format) {
                        (Some(close), Some('s' | 'b' | 't')) => {
                            named = true;
                            let name: String = chars[i + 2..i + close].iter().collect();
                            let number = out.number_of(name);
                            (close + 2, format!("${number}"))
                        }
                        _ => {
                            return Err(Problem {
                                at: i,
                                len: 2,
                                message:
                                    "a placeholder `%(` psycopg cannot read: it wants `%(name)s`"
                                        .into(),
                                hint: "end it with `)s`, or write `%%` for a literal percent sign"
                                    .into(),
                            });
                        }
                    }
                }
                other => {
                    let shown = other.map_or("the end".to_string(), |c| format!("`%{c}`"));
                    return Err(Problem {
                        at: i,
                        len: 2,
                        message: format!(
                            "psycopg reads every `%` as a placeholder, and {shown} is none"
                        ),
                        hint: "write `%%` for a literal percent sign (`LIKE 'a%%'`)".into(),
                    });
                }
            };
            let placeholder = replacement != "%";
            if placeholder && places[i] != Place::Code {
                let text: String = chars[i..i + consumed].iter().collect();
                return Err(Problem {
                    at: i,
                    len: consumed,
                    message: format!(
                        "{text} is inside {}, and psycopg replaces it there too: the application must pass it a value, and the server gets a parameter the query never uses",
                        places[i].describe()
                    ),
                    hint: format!("to keep the text as it is, write %{text}"),
                });
            }
            if positional && named {
                return Err(Problem {
                    at: i,
                    len: consumed,
                    message: "psycopg cannot mix `%s` and `%(name)s` placeholders in one query"
                        .into(),
                    hint: "use names throughout (`%(name)s`), or positions throughout (`%s`)"
                        .into(),
                });
            }
            out.text.push_str(&replacement);
            written += replacement.chars().count();
            i += consumed;
            out.map.push((written, i));
            continue;
        }
        if !psycopg && c == ':' && places[i] == Place::Code && (i == 0 || chars[i - 1] != ':') {
            // psql's `:name`, and `:'name'`, the value as a text literal: a parameter.
            // `:"name"` is an identifier, which no parameter can stand for.
            let variable = match quoted_variable(&chars[i + 1..]) {
                Some((name, '"', len)) => {
                    return Err(Problem {
                        at: i,
                        len: len + 1,
                        message: format!(
                            ":\"{name}\" is psql's quoted identifier: psql writes the variable's value as a name there, and a parameter can only stand for a value, so the query cannot be prepared as written"
                        ),
                        hint: "check this file with the name written out, or keep queries that build names out of the checked folder".into(),
                    });
                }
                Some((name, _, len)) => Some((name, i + 1 + len)),
                None if chars
                    .get(i + 1)
                    .is_some_and(|n| n.is_alphabetic() || *n == '_') =>
                {
                    let end = chars[i + 1..]
                        .iter()
                        .position(|c| !(c.is_alphanumeric() || *c == '_'))
                        .map_or(chars.len(), |n| i + 1 + n);
                    Some((chars[i + 1..end].iter().collect(), end))
                }
                None => None,
            };
            if let Some((name, end)) = variable {
                let replacement = format!("${}", out.number_of(name));
                out.text.push_str(&replacement);
                written += replacement.chars().count();
                i = end;
                out.map.push((written, i));
                continue;
            }
        }
        if !psycopg && c == '$' && places[i] == Place::Code {
            let digits: String = chars[i + 1..]
                .iter()
                .take_while(|c| c.is_ascii_digit())
                .collect();
            if let Ok(number) = digits.parse::<usize>() {
                while out.params.len() < number {
                    out.params.push(format!("${}", out.params.len() + 1));
                }
            }
        }
        out.text.push(c);
        written += 1;
        i += 1;
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn named_placeholders_are_numbered_once_each_in_order() {
        let r = rewrite("SELECT * FROM users WHERE handle = %(handle)s OR email = %(email)s OR handle = %(handle)s").unwrap();
        assert_eq!(
            r.text,
            "SELECT * FROM users WHERE handle = $1 OR email = $2 OR handle = $1"
        );
        assert_eq!(r.params, ["handle", "email"]);
    }

    #[test]
    fn a_server_position_maps_back_through_every_rewrite() {
        let original = "SELECT %(a)s, 'x%%y', biograpy FROM users";
        let r = rewrite(original).unwrap();
        assert_eq!(r.text, "SELECT $1, 'x%y', biograpy FROM users");
        let at = r.text.find("biograpy").unwrap();
        assert_eq!(r.original(at), original.find("biograpy").unwrap());
    }

    #[test]
    fn psycopg_reads_placeholders_in_literals_too_and_says_so() {
        let err = rewrite("SELECT %(a)s || '%(not a param)s'").unwrap_err();
        assert_eq!(err.at, 17);
        assert!(err.message.contains("inside a string literal"), "{err:?}");
        assert!(err.hint.contains("%%(not a param)s"), "{err:?}");
        assert!(rewrite("SELECT %(a)s || '%%(not a param)s'").is_ok());
    }

    #[test]
    fn a_lone_percent_in_a_psycopg_query_is_refused_as_psycopg_refuses_it() {
        let err = rewrite("SELECT * FROM t WHERE a = %s AND b LIKE 'x%'").unwrap_err();
        assert!(err.message.contains("psycopg reads every `%`"), "{err:?}");
        assert!(rewrite("SELECT * FROM t WHERE a = %s AND b LIKE 'x%%'").is_ok());
        assert!(rewrite("SELECT %s, %(a)s").is_err());
    }

    #[test]
    fn psql_names_count_outside_literals_comments_and_casts_only() {
        let r = rewrite("SELECT :id::int, ':no', \"a:no\" -- :no\n, $$:no$$, :id, :other").unwrap();
        assert_eq!(
            r.text,
            "SELECT $1::int, ':no', \"a:no\" -- :no\n, $$:no$$, $1, $2"
        );
        assert_eq!(r.params, ["id", "other"]);
    }

    #[test]
    fn psql_quoted_variables_are_a_value_parameter_or_a_name_that_is_refused_clearly() {
        let r =
            rewrite("SELECT * FROM users WHERE handle = :'handle' AND :'handle' <> ''").unwrap();
        assert_eq!(r.text, "SELECT * FROM users WHERE handle = $1 AND $1 <> ''");
        assert_eq!(r.params, ["handle"]);
        let err = rewrite("SELECT * FROM :\"table\"").unwrap_err();
        assert_eq!(err.at, 14);
        assert!(err.message.contains("psql's quoted identifier"), "{err:?}");
        // A literal that follows a colon in a cast or a slice is no variable.
        assert!(rewrite("SELECT 'a'::text, arr[1:2]").is_ok());
    }

    #[test]
    fn server_placeholders_stay_and_a_modulo_is_no_placeholder_without_psycopg() {
        let r = rewrite("SELECT id % 2 FROM t WHERE id > $2").unwrap();
        assert_eq!(r.text, "SELECT id % 2 FROM t WHERE id > $2");
        assert_eq!(r.params, ["$1", "$2"]);
    }
}
