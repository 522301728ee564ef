//! psql variables: what `\set`, `\unset`, `--set` and `\gset` define, psql's built-ins, and how
//! `:name`, `:'name'`, `:"name"` and `:{?name}` are replaced in SQL and meta-command arguments.
//! Also whether the lexer is inside a false `\if` branch, where psql substitutes nothing.

use std::collections::BTreeMap;
use std::sync::{Arc, Mutex, MutexGuard};

/// The variables of one run, shared by the lexer (which substitutes them) and the runner
/// (which sets them), across `\i` includes.
#[derive(Debug, Clone, Default)]
pub struct Shared(Arc<Mutex<Variables>>);

/// psql's state for one run, across `\i` includes: the variables, and the session settings
/// that change how the lexer reads what follows.
#[derive(Debug)]
pub struct Variables {
    values: BTreeMap<String, String>,
    /// Inside an `\if` branch that is not taken: nothing is substituted or run.
    pub skipping: bool,
    /// `standard_conforming_strings`: off makes `'...'` take backslash escapes, as psql's
    /// lexer follows it; the file may change it with SET.
    pub standard_strings: bool,
    /// The server's own setting, which RESET goes back to.
    pub server_standard_strings: bool,
    /// How the file's bytes are decoded (`None`: UTF-8), as `SET client_encoding` leaves it.
    pub encoding: Option<&'static encoding_rs::Encoding>,
    /// PGCLIENTENCODING's (or UTF-8), which RESET goes back to.
    pub initial_encoding: Option<&'static encoding_rs::Encoding>,
    /// A `SET client_encoding` to an encoding cruddur-db cannot decode.
    pub unsupported_encoding: Option<String>,
}

impl Default for Variables {
    fn default() -> Self {
        Variables {
            values: BTreeMap::new(),
            skipping: false,
            standard_strings: true,
            server_standard_strings: true,
            encoding: None,
            initial_encoding: None,
            unsupported_encoding: None,
        }
    }
}

impl Shared {
    pub fn new(values: impl IntoIterator<Item = (String, String)>) -> Shared {
        Shared(Arc::new(Mutex::new(Variables {
            values: values.into_iter().collect(),
            ..Variables::default()
        })))
    }

    /// With the server's `standard_conforming_strings` and the connection's client encoding.
    pub fn session(
        values: impl IntoIterator<Item = (String, String)>,
        standard_strings: bool,
        encoding: Option<&'static encoding_rs::Encoding>,
    ) -> Shared {
        Shared(Arc::new(Mutex::new(Variables {
            values: values.into_iter().collect(),
            standard_strings,
            server_standard_strings: standard_strings,
            encoding,
            initial_encoding: encoding,
            ..Variables::default()
        })))
    }

    pub fn lock(&self) -> MutexGuard<'_, Variables> {
        // A panic elsewhere cannot leave the map half-written: every change is one insert.
        self.0.lock().unwrap_or_else(|e| e.into_inner())
    }
}

impl Variables {
    pub fn get(&self, name: &str) -> Option<&str> {
        self.values.get(name).map(String::as_str)
    }

    pub fn set(&mut self, name: &str, value: &str) {
        self.values.insert(name.to_string(), value.to_string());
    }

    pub fn unset(&mut self, name: &str) {
        self.values.remove(name);
    }
}

/// psql's variable-name characters: letters, digits, `_`, and any non-ASCII byte.
pub fn is_name_byte(byte: u8) -> bool {
    byte.is_ascii_alphanumeric() || byte == b'_' || byte >= 0x80
}

/// A valid name for `\set` and `--set`.
pub fn is_name(name: &str) -> bool {
    !name.is_empty() && name.bytes().all(is_name_byte)
}

/// The reference starting at `text[at]` (a `:`): where it ends and what replaces it, or `None`
/// when it is not one (`::`, a lone `:`) or names an undefined variable, which psql leaves as
/// written.
pub fn reference(text: &str, at: usize, vars: &Variables) -> Option<(usize, String)> {
    let bytes = text.as_bytes();
    let name_from = |start: usize| {
        let end = start
            + bytes[start..]
                .iter()
                .take_while(|b| is_name_byte(**b))
                .count();
        (end > start).then(|| (&text[start..end], end))
    };
    match bytes.get(at + 1)? {
        b'\'' | b'"' => {
            let quote = bytes[at + 1];
            let (name, end) = name_from(at + 2)?;
            if bytes.get(end) != Some(&quote) {
                return None;
            }
            let value = vars.get(name)?;
            let quoted = if quote == b'\'' {
                postgres_protocol::escape::escape_literal(value)
            } else {
                postgres_protocol::escape::escape_identifier(value)
            };
            Some((end + 1, quoted))
        }
        b'{' if bytes.get(at + 2) == Some(&b'?') => {
            let (name, end) = name_from(at + 3)?;
            if bytes.get(end) != Some(&b'}') {
                return None;
            }
            let defined = if vars.get(name).is_some() {
                "TRUE"
            } else {
                "FALSE"
            };
            Some((end + 1, defined.to_string()))
        }
        _ => {
            let (name, end) = name_from(at + 1)?;
            Some((end, vars.get(name)?.to_string()))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with(pairs: &[(&str, &str)]) -> Shared {
        Shared::new(pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())))
    }

    fn at_colon(text: &str, vars: &Shared) -> Option<(usize, String)> {
        reference(text, text.find(':').unwrap(), &vars.lock())
    }

    #[test]
    fn the_four_forms_are_replaced_as_psql_does() {
        let vars = with(&[("db", "my db"), ("quote", "it's")]);
        assert_eq!(at_colon(":db x", &vars), Some((3, "my db".into())));
        assert_eq!(at_colon(":'quote'", &vars), Some((8, "'it''s'".into())));
        assert_eq!(at_colon(":\"db\"", &vars), Some((5, "\"my db\"".into())));
        assert_eq!(at_colon(":{?db}", &vars), Some((6, "TRUE".into())));
        assert_eq!(at_colon(":{?nope}", &vars), Some((8, "FALSE".into())));
    }

    #[test]
    fn undefined_variables_and_casts_stay_as_written() {
        let vars = with(&[("int", "bad")]);
        assert_eq!(at_colon(":nope", &vars), None);
        assert_eq!(at_colon(":'nope'", &vars), None);
        assert_eq!(at_colon("::int", &vars), None);
        assert_eq!(at_colon(": x", &vars), None);
    }
}
