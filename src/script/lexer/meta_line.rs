//! A meta-command line read as psql reads it: its name, its arguments (quoting, escapes and
//! variable references), and the rest of the line as written.

use super::super::vars::{self, Shared, Variables};
use super::Position;

/// A backslash command such as `\echo done` or `\i other.sql`, with psql's argument quoting
/// already applied.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MetaCommand {
    pub name: String,
    pub args: Vec<String>,
    /// The rest of the line as written, for `\copy`, which psql reads whole.
    pub raw: String,
    pub position: Position,
}

/// A meta-command runs to the end of its line.
pub(super) fn meta_command(rest: &str, vars: &Shared, position: Position) -> MetaCommand {
    let rest = rest.trim_end_matches(['\n', '\r']);
    let name_len = rest.find(char::is_whitespace).unwrap_or(rest.len());
    let vars = vars.lock();
    MetaCommand {
        name: rest[..name_len].to_string(),
        args: meta_args(&rest[name_len..], (!vars.skipping).then_some(&*vars)),
        raw: rest[name_len..].trim().to_string(),
        position,
    }
}

/// psql's argument rules, reduced to what schema files use: whitespace separates words,
/// '...' quotes with '' and backslash escapes (\n, \t, \\), "..." keeps its quotes' content,
/// and outside quotes `:name`, `:'name'` and `:"name"` are replaced (unless `vars` is `None`:
/// a skipped `\if` branch).
fn meta_args(text: &str, vars: Option<&Variables>) -> Vec<String> {
    let mut args = Vec::new();
    let mut chars = text.char_indices().peekable();
    loop {
        while chars.next_if(|(_, c)| c.is_whitespace()).is_some() {}
        if chars.peek().is_none() {
            return args;
        }
        let mut arg = String::new();
        while let Some((at, c)) = chars.next_if(|(_, c)| !c.is_whitespace()) {
            match c {
                ':' => match vars.and_then(|vars| vars::reference(text, at, vars)) {
                    Some((end, value)) => {
                        arg.push_str(&value);
                        while chars.next_if(|(i, _)| *i < end).is_some() {}
                    }
                    None => arg.push(':'),
                },
                '\'' => {
                    while let Some((_, c)) = chars.next() {
                        match c {
                            '\'' if chars.next_if(|(_, c)| *c == '\'').is_some() => arg.push('\''),
                            '\'' => break,
                            '\\' => match chars.next().map(|(_, c)| c) {
                                Some('n') => arg.push('\n'),
                                Some('t') => arg.push('\t'),
                                Some(other) => arg.push(other),
                                None => arg.push('\\'),
                            },
                            c => arg.push(c),
                        }
                    }
                }
                '"' => {
                    for (_, c) in chars.by_ref() {
                        if c == '"' {
                            break;
                        }
                        arg.push(c);
                    }
                }
                c => arg.push(c),
            }
        }
        args.push(arg);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn meta_command_arguments_follow_psql_quoting() {
        let at = Position { line: 1, column: 1 };
        let vars = Shared::new([("t".to_string(), "users".to_string())]);
        let connect = meta_command(
            "connect -reuse-previous=on \"dbname='cruddur'\"\n",
            &vars,
            at,
        );
        assert_eq!(connect.name, "connect");
        assert_eq!(connect.args, ["-reuse-previous=on", "dbname='cruddur'"]);
        let echo = meta_command("echo 'it''s' a\\tb 'x\\ty' :t :'t'", &vars, at);
        assert_eq!(echo.args, ["it's", "a\\tb", "x\ty", "users", "'users'"]);
        assert_eq!(echo.raw, "'it''s' a\\tb 'x\\ty' :t :'t'");
    }
}
