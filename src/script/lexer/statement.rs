//! What the lexer hands out: statements (with where each piece of their text came from in the
//! file) and meta-commands, and positions in a file.

use super::MetaCommand;

/// A place in a source file: 1-based line and 1-based column counted in characters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Position {
    pub line: u64,
    pub column: u64,
}

/// A statement as sent to the server.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Statement {
    pub text: String,
    /// `(offset in text, file position)` where each contiguous piece of the text starts: a
    /// meta-command in the middle of a statement splits it into two pieces, as in psql.
    pub(super) pieces: Vec<(usize, Position)>,
    /// The first two words, lowercased: enough to tell `COMMIT` from `COMMIT PREPARED`.
    pub lead: [String; 2],
    /// `COPY ... FROM STDIN`: the data follows in the file, up to a line `\.`.
    pub copy_from_stdin: bool,
}

impl Statement {
    /// A statement cruddur-db writes itself (`\copy` becomes `COPY ... FROM STDIN`), shown
    /// at `position`.
    pub fn copy_from_stdin(text: String, position: Position) -> Statement {
        Statement {
            copy_from_stdin: true,
            ..Statement::as_is(text, position)
        }
    }

    /// `text` sent as it is, as one statement, starting at `position` of its file: what a
    /// driver that sends a whole file sends.
    pub fn as_is(text: String, position: Position) -> Statement {
        let mut words = text.split_whitespace().map(str::to_ascii_lowercase);
        Statement {
            lead: [
                words.next().unwrap_or_default(),
                words.next().unwrap_or_default(),
            ],
            pieces: vec![(0, position)],
            copy_from_stdin: false,
            text,
        }
    }

    /// Where the statement's first character is in the file.
    pub fn start(&self) -> Position {
        self.pieces[0].1
    }

    /// Where the statement's `char_position`-th character (1-based, as the server counts error
    /// positions) is in the file.
    pub fn position_of_char(&self, char_position: usize) -> Position {
        let byte = self
            .text
            .char_indices()
            .nth(char_position.saturating_sub(1))
            .map_or(self.text.len(), |(byte, _)| byte);
        let &(piece_start, start) = self
            .pieces
            .iter()
            .rev()
            .find(|(offset, _)| *offset <= byte)
            .unwrap_or(&self.pieces[0]);
        let between = &self.text[piece_start..byte];
        match between.rfind('\n') {
            None => Position {
                line: start.line,
                column: start.column + between.chars().count() as u64,
            },
            Some(newline) => Position {
                line: start.line + between.matches('\n').count() as u64,
                column: between[newline + 1..].chars().count() as u64 + 1,
            },
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Token {
    Statement(Statement),
    Meta(MetaCommand),
}
