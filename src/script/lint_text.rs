//! The SQL a linter sees of a file in psql's language: meta-commands blanked out, and the
//! variables the file `\set`s substituted where psql would substitute them, with every other
//! character (comments and their annotations included) where it was, so findings keep their
//! lines and columns.

use super::lexer::{Lexer, Position, Token};
use super::meta::SENDS_QUERY;
use super::vars::{self, Shared};

/// `text` as plain SQL for a linter. A reference to a variable the file never sets stays as
/// written, as psql leaves it: the linter then cannot parse it, and says so.
pub fn for_linting(text: &str) -> String {
    let vars = Shared::new([]);
    let mut lexer = Lexer::new(vars.clone());
    let mut tokens = Vec::new();
    let mut ended = Vec::new();
    let lines: Vec<&str> = text.split_inclusive('\n').collect();
    for (index, line) in lines.iter().enumerate() {
        let seen = tokens.len();
        lexer.line(line, index as u64 + 1, &mut tokens);
        // `\g` and its kin send the query buffer, as a `;` would: squawk needs it ended.
        if let Some(Token::Meta(meta)) = tokens.last()
            && tokens.len() > seen
            && SENDS_QUERY.contains(&meta.name.as_str())
            && let Some(statement) = lexer.take_buffer()
        {
            ended.push(tokens.len() - 1);
            tokens.insert(tokens.len() - 1, Token::Statement(statement));
        }
        // A meta-command ends its line: what it sets counts from the next line on.
        for token in &tokens[seen..] {
            if let Token::Meta(meta) = token {
                let name = meta.args.first().filter(|name| vars::is_name(name));
                match (meta.name.as_str(), name) {
                    ("set", Some(name)) => vars.lock().set(name, &meta.args[1..].concat()),
                    ("unset", Some(name)) => vars.lock().unset(name),
                    _ => {}
                }
            }
        }
    }
    lexer.finish(&mut tokens);

    let chars: Vec<Vec<char>> = lines.iter().map(|line| line.chars().collect()).collect();
    let mut out = Text {
        chars: &chars,
        text: String::with_capacity(text.len()),
        at: Position { line: 1, column: 1 },
    };
    for (i, token) in tokens.iter().enumerate() {
        let ended = ended.contains(&i);
        match token {
            Token::Meta(meta) => {
                out.copy_to(meta.position);
                // Blank to the end of its line, keeping the line break.
                let line = &chars[meta.position.line as usize - 1];
                let rest = line.len() as u64 + 1 - meta.position.column;
                let rest = rest - u64::from(line.last() == Some(&'\n'));
                out.text.extend(std::iter::repeat_n(' ', rest as usize));
                out.at.column += rest;
            }
            Token::Statement(statement) => {
                let count = statement.text.chars().count();
                let start = statement.start();
                let last = statement.position_of_char(count);
                out.copy_to(start);
                let written = out.slice(start, last);
                if written == statement.text {
                    out.text.push_str(&written);
                } else {
                    out.text.push_str(&statement.text);
                }
                out.at = Position {
                    line: last.line,
                    column: last.column + 1,
                };
                if ended {
                    out.text.push(';');
                    out.at.column += 1;
                }
            }
        }
    }
    out.copy_to(Position {
        line: chars.len() as u64 + 1,
        column: 1,
    });
    out.text
}

/// The output so far and where in the original text it has reached.
struct Text<'a> {
    chars: &'a [Vec<char>],
    text: String,
    at: Position,
}

impl Text<'_> {
    /// Copy the original text from where the output stands up to (not including) `to`.
    fn copy_to(&mut self, to: Position) {
        let copied = self.slice_before(self.at, to);
        self.text.push_str(&copied);
        self.at = to;
    }

    /// The original characters from `from` up to and including `last`.
    fn slice(&self, from: Position, last: Position) -> String {
        self.slice_before(
            from,
            Position {
                line: last.line,
                column: last.column + 1,
            },
        )
    }

    /// The original characters from `from` up to, not including, `to`.
    fn slice_before(&self, from: Position, to: Position) -> String {
        let mut out = String::new();
        let mut line = from.line;
        let mut column = from.column;
        while line < to.line || (line == to.line && column < to.column) {
            let Some(chars) = self.chars.get(line as usize - 1) else {
                break;
            };
            match chars.get(column as usize - 1) {
                Some(&c) if line < to.line || column < to.column => {
                    out.push(c);
                    column += 1;
                }
                _ => {
                    line += 1;
                    column = 1;
                }
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_variables_are_substituted_and_meta_commands_blanked_in_place() {
        let text = "\\set tbl users\n-- cruddur-db:allow x why\nCREATE INDEX x ON :tbl (handle); -- tail\n\\echo done\nSELECT 1;\n";
        assert_eq!(
            for_linting(text),
            "              \n-- cruddur-db:allow x why\nCREATE INDEX x ON users (handle); -- tail\n          \nSELECT 1;\n"
        );
    }

    #[test]
    fn quoted_references_and_unknown_variables_are_as_psql_leaves_them() {
        let text = "\\set name 'it''s'\nSELECT :'name', :\"name\", :missing, ':name';\n";
        assert_eq!(
            for_linting(text),
            "                 \nSELECT 'it''s', \"it's\", :missing, ':name';\n"
        );
    }

    #[test]
    fn a_query_sent_by_gexec_ends_where_the_meta_command_stands() {
        let text = "SELECT format('DROP INDEX %s', 'x') \\gexec\nCREATE INDEX x ON t (a);\n";
        assert_eq!(
            for_linting(text),
            "SELECT format('DROP INDEX %s', 'x');      \nCREATE INDEX x ON t (a);\n"
        );
    }

    #[test]
    fn text_without_psql_language_is_unchanged() {
        let text = "/* a */ CREATE TABLE t (id int);\n\n-- c\nALTER TABLE t\n  ADD COLUMN x int;";
        assert_eq!(for_linting(text), text);
    }
}
