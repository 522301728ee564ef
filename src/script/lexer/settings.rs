//! The session settings that change how psql's lexer reads what follows: `SET
//! standard_conforming_strings`, `SET client_encoding`, and `RESET`, followed as psql follows
//! them.

use super::super::encoding;
use super::{Lexer, Statement};

impl Lexer {
    /// `SET standard_conforming_strings ...` and `RESET` change how later strings are read,
    /// as they do for psql's lexer.
    pub(super) fn follow_settings(&mut self, statement: &mut Statement) {
        if !matches!(statement.lead[0].as_str(), "set" | "reset") {
            return;
        }
        let words: Vec<String> = statement
            .text
            .trim_end_matches(|c: char| c == ';' || c.is_whitespace())
            .split(|c: char| c.is_whitespace() || c == '=')
            .filter(|w| !w.is_empty())
            .map(|w| w.trim_matches('\'').to_ascii_lowercase())
            .collect();
        let words: Vec<&str> = words.iter().map(String::as_str).collect();
        let mut session = self.vars.lock();
        let rest = match words.as_slice() {
            ["reset", "all"] => {
                session.standard_strings = session.server_standard_strings;
                session.encoding = session.initial_encoding;
                return;
            }
            ["reset", "standard_conforming_strings"] => {
                session.standard_strings = session.server_standard_strings;
                return;
            }
            ["reset", "client_encoding"] => {
                session.encoding = session.initial_encoding;
                return;
            }
            ["set", "session" | "local", rest @ ..] | ["set", rest @ ..] => rest,
            _ => return,
        };
        match rest {
            ["standard_conforming_strings", "to", value]
            | ["standard_conforming_strings", value] => {
                let value = match *value {
                    "default" => Some(session.server_standard_strings),
                    value => crate::yes_no::parse_bool(value),
                };
                if let Some(value) = value {
                    session.standard_strings = value;
                }
            }
            ["client_encoding", "to", value] | ["client_encoding", value] => {
                match *value {
                    "default" => session.encoding = session.initial_encoding,
                    name => match encoding::by_pg_name(name) {
                        Some(decoder) => session.encoding = decoder,
                        None => session.unsupported_encoding = Some(name.to_string()),
                    },
                }
                // The session stays UTF8: the file's bytes are decoded here instead.
                statement.text = "SET client_encoding = 'UTF8';".to_string();
            }
            _ => {}
        }
    }
}
