//! psql's lexer, one line at a time: splits SQL into statements and meta-commands, carrying
//! quote, comment and dollar-quote state from line to line so a file never has to be in memory
//! whole, and remembering where each statement's text came from in the file.

mod meta_line;
mod settings;
mod statement;

pub use self::meta_line::MetaCommand;
use self::meta_line::meta_command;
pub use self::statement::{Position, Statement, Token};
use super::vars::{self, Shared};

/// What the lexer is inside of at the end of a line.
#[derive(Debug, Clone, PartialEq, Eq)]
enum State {
    Normal,
    /// `'...'`; with backslash escapes for `E'...'`.
    String {
        escapes: bool,
    },
    QuotedIdentifier,
    /// Comments nest in PostgreSQL, unlike C.
    BlockComment {
        depth: u32,
    },
    /// Inside `$tag$ ... $tag$`; holds the whole delimiter.
    Dollar(Vec<u8>),
}

/// Splits a source fed to it line by line. Feed every line with [`Lexer::line`] (each with its
/// line break), then call [`Lexer::finish`].
#[derive(Debug)]
pub struct Lexer {
    state: State,
    /// The statement collected so far.
    text: String,
    pieces: Vec<(usize, Position)>,
    /// A meta-command interrupted the statement: the next line starts a new piece.
    interrupted: bool,
    paren_depth: i32,
    /// Depth of `BEGIN ... END` (and `CASE ... END` inside it) in a routine body.
    begin_depth: u32,
    words: usize,
    lead: [String; 2],
    /// First letters of the first words when they are CREATE/OR/REPLACE/FUNCTION/PROCEDURE:
    /// psql's heuristic for spotting `BEGIN ATOMIC ... END` bodies.
    leading_letters: [u8; 4],
    previous_word_is_from: bool,
    from_stdin: bool,
    /// Something other than `;` was seen: a lone `;` is an empty statement, which the server
    /// answers with no command tag at all, so it is never sent.
    significant: bool,
    /// What outlives each statement: the run's variables and session settings.
    vars: Shared,
    /// The line being lexed (1-based), for the positions of text after a substitution.
    line_no: u64,
    /// Where in the line the current statement's text starts, between calls of `line_from`.
    segment: Option<usize>,
    /// A byte offset in the line and its column, so resuming a long line never recounts it.
    cursor: (usize, u64),
}

impl Default for Lexer {
    fn default() -> Self {
        Lexer {
            state: State::Normal,
            text: String::new(),
            pieces: Vec::new(),
            interrupted: false,
            paren_depth: 0,
            begin_depth: 0,
            words: 0,
            lead: Default::default(),
            leading_letters: [0; 4],
            previous_word_is_from: false,
            from_stdin: false,
            significant: false,
            vars: Shared::default(),
            line_no: 0,
            segment: None,
            cursor: (0, 1),
        }
    }
}

fn is_ident_start(byte: u8) -> bool {
    byte.is_ascii_alphabetic() || byte == b'_' || byte >= 0x80
}

fn is_ident_continue(byte: u8) -> bool {
    is_ident_start(byte) || byte.is_ascii_digit() || byte == b'$'
}

fn skip_while(bytes: &[u8], mut i: usize, keep: impl Fn(u8) -> bool) -> usize {
    while i < bytes.len() && keep(bytes[i]) {
        i += 1;
    }
    i
}

/// Columns of byte offsets in one line, counted forward so a long line costs one pass.
struct Columns<'a> {
    line: &'a str,
    byte: usize,
    column: u64,
}

impl Columns<'_> {
    fn at(&mut self, byte: usize) -> u64 {
        if byte < self.byte {
            self.byte = 0;
            self.column = 1;
        }
        self.column += self.line[self.byte..byte].chars().count() as u64;
        self.byte = byte;
        self.column
    }
}

impl Lexer {
    /// A lexer that substitutes `vars` and follows the session settings they hold.
    pub fn new(vars: Shared) -> Lexer {
        Lexer {
            vars,
            ..Lexer::default()
        }
    }

    /// How the file's bytes are to be read from now on (`None`: UTF-8).
    pub fn encoding(&self) -> Option<&'static encoding_rs::Encoding> {
        self.vars.lock().encoding
    }

    /// The encoding a `SET client_encoding` asked for that cannot be decoded, once.
    pub fn take_unsupported_encoding(&mut self) -> Option<String> {
        self.vars.lock().unsupported_encoding.take()
    }

    /// A lexer between statements, in `state`, keeping what outlives statements.
    fn fresh(&self, state: State) -> Lexer {
        Lexer {
            state,
            vars: self.vars.clone(),
            line_no: self.line_no,
            cursor: self.cursor,
            ..Lexer::default()
        }
    }

    /// Lex one line, including its line break if it has one; `line_no` is 1-based.
    pub fn line(&mut self, line: &str, line_no: u64, out: &mut Vec<Token>) {
        let mut at = 0;
        loop {
            at = self.line_from(line, line_no, at, out);
            if at >= line.len() {
                return;
            }
        }
    }

    /// Lex `line` from byte `start` until it yields a token or ends; returns where it stopped.
    /// A line of two million statements then costs one statement's memory at a time.
    pub fn line_from(
        &mut self,
        line: &str,
        line_no: u64,
        start: usize,
        out: &mut Vec<Token>,
    ) -> usize {
        let bytes = line.as_bytes();
        if start == 0 {
            self.line_no = line_no;
            self.cursor = (0, 1);
            // Start of the part of this line that belongs to the current statement.
            self.segment = if self.text.is_empty() { None } else { Some(0) };
            if self.interrupted && self.segment.is_some() {
                self.interrupted = false;
                self.text.push('\n');
                let position = Position {
                    line: line_no,
                    column: 1,
                };
                self.pieces.push((self.text.len(), position));
            }
        }
        let mut columns = Columns {
            line,
            byte: self.cursor.0,
            column: self.cursor.1,
        };
        let mut segment = self.segment.take();
        let yielded = out.len();
        let mut i = start;
        while i < bytes.len() && out.len() == yielded {
            i = match &self.state {
                State::String { escapes } => self.string_end(bytes, i, *escapes),
                State::QuotedIdentifier => self.quoted_identifier_end(bytes, i),
                State::BlockComment { depth } => self.block_comment_end(bytes, i, *depth),
                State::Dollar(tag) => match find(&bytes[i..], tag) {
                    Some(found) => {
                        let end = i + found + tag.len();
                        self.state = State::Normal;
                        end
                    }
                    None => bytes.len(),
                },
                State::Normal => {
                    let byte = bytes[i];
                    let next = bytes.get(i + 1).copied();
                    match byte {
                        b if b.is_ascii_whitespace() => i + 1,
                        b'-' if next == Some(b'-') => bytes.len(),
                        b'/' if next == Some(b'*') => {
                            self.state = State::BlockComment { depth: 1 };
                            i + 2
                        }
                        b'\\' => {
                            if let Some(start) = segment.take() {
                                self.text.push_str(&line[start..i]);
                                self.interrupted = true;
                            }
                            let column = columns.at(i);
                            out.push(Token::Meta(meta_command(
                                &line[i + 1..],
                                &self.vars,
                                Position {
                                    line: line_no,
                                    column,
                                },
                            )));
                            bytes.len()
                        }
                        _ => {
                            if segment.is_none() {
                                segment = Some(i);
                                let column = columns.at(i);
                                self.pieces.push((
                                    self.text.len(),
                                    Position {
                                        line: line_no,
                                        column,
                                    },
                                ));
                            }
                            self.normal(line, i, &mut segment, out)
                        }
                    }
                }
            };
        }
        self.cursor = (columns.byte, columns.column);
        if i < bytes.len() {
            self.segment = segment;
        } else if let Some(start) = segment {
            self.text.push_str(&line[start..]);
        }
        i
    }

    /// The source ended: a last statement without a semicolon is still a statement.
    pub fn finish(&mut self, out: &mut Vec<Token>) {
        self.text.truncate(self.text.trim_end().len());
        let statement = self.take_statement();
        if statement.significant {
            out.push(Token::Statement(statement.statement));
        }
        *self = self.fresh(State::Normal);
    }

    /// The statement in progress, if it holds anything: psql's query buffer, which `\g`,
    /// `\gexec` and `\gset` send.
    pub fn take_buffer(&mut self) -> Option<Statement> {
        self.text.truncate(self.text.trim_end().len());
        let taken = self.take_statement();
        taken.significant.then_some(taken.statement)
    }

    /// Forget a statement in progress (the rest of a `COPY ... FROM STDIN` line).
    pub fn reset(&mut self) {
        *self = self.fresh(State::Normal);
    }

    /// One significant token at `i` in the normal state; returns where the next one starts.
    fn normal(
        &mut self,
        line: &str,
        i: usize,
        segment: &mut Option<usize>,
        out: &mut Vec<Token>,
    ) -> usize {
        let bytes = line.as_bytes();
        self.significant |= bytes[i] != b';';
        match bytes[i] {
            b'\'' => {
                self.state = State::String {
                    escapes: !self.vars.lock().standard_strings,
                };
                i + 1
            }
            b':' if bytes.get(i + 1) == Some(&b':') => i + 2,
            b':' => self.variable(line, i, segment),
            b'"' => {
                self.state = State::QuotedIdentifier;
                i + 1
            }
            b'$' => self.dollar(bytes, i),
            b'(' => {
                self.paren_depth += 1;
                i + 1
            }
            b')' => {
                self.paren_depth -= 1;
                i + 1
            }
            b';' if self.paren_depth <= 0 && self.begin_depth == 0 => {
                let start = segment.take().unwrap_or(i);
                self.text.push_str(&line[start..=i]);
                let statement = self.take_statement();
                if statement.significant {
                    out.push(Token::Statement(statement.statement));
                }
                i + 1
            }
            b if is_ident_start(b) => {
                let end = skip_while(bytes, i, is_ident_continue);
                let word = &line[i..end];
                if word.eq_ignore_ascii_case("e") && bytes.get(end) == Some(&b'\'') {
                    self.state = State::String { escapes: true };
                    return end + 1;
                }
                self.word(word);
                end
            }
            b if b.is_ascii_digit() => skip_while(bytes, i, |b| {
                b.is_ascii_alphanumeric() || b == b'_' || b == b'.'
            }),
            _ => i + 1,
        }
    }

    /// `:name`, `:'name'`, `:"name"` or `:{?name}` at `i`: the value goes into the statement as
    /// text (psql would lex it again; a value holding `;` splits a statement there, ours does
    /// not), and what follows starts a piece of its own so positions stay right.
    fn variable(&mut self, line: &str, i: usize, segment: &mut Option<usize>) -> usize {
        let found = {
            let vars = self.vars.lock();
            if vars.skipping {
                None
            } else {
                vars::reference(line, i, &vars)
            }
        };
        let Some((end, value)) = found else {
            return i + 1;
        };
        let start = segment.take().unwrap_or(i);
        self.text.push_str(&line[start..i]);
        self.text.push_str(&value);
        self.pieces.push((
            self.text.len(),
            Position {
                line: self.line_no,
                column: line[..end].chars().count() as u64 + 1,
            },
        ));
        *segment = Some(end);
        end
    }

    /// `$tag$` opens a dollar-quoted body; `$1` is a parameter, not a quote.
    fn dollar(&mut self, bytes: &[u8], i: usize) -> usize {
        let tag_end = match bytes.get(i + 1) {
            Some(b'$') => i + 2,
            Some(&b) if is_ident_start(b) => {
                let end = skip_while(bytes, i + 1, |b| is_ident_start(b) || b.is_ascii_digit());
                if bytes.get(end) != Some(&b'$') {
                    return end;
                }
                end + 1
            }
            _ => return skip_while(bytes, i + 1, |b| b.is_ascii_digit()),
        };
        self.state = State::Dollar(bytes[i..tag_end].to_vec());
        tag_end
    }

    /// Inside `'...'` from `i`: returns the end of the literal, or the line's end if it goes on.
    fn string_end(&mut self, bytes: &[u8], mut i: usize, escapes: bool) -> usize {
        while i < bytes.len() {
            match bytes[i] {
                b'\\' if escapes => i += 2,
                b'\'' if bytes.get(i + 1) == Some(&b'\'') => i += 2,
                b'\'' => {
                    self.state = State::Normal;
                    return i + 1;
                }
                _ => i += 1,
            }
        }
        bytes.len()
    }

    fn quoted_identifier_end(&mut self, bytes: &[u8], mut i: usize) -> usize {
        while i < bytes.len() {
            if bytes[i] == b'"' {
                if bytes.get(i + 1) == Some(&b'"') {
                    i += 2;
                    continue;
                }
                self.state = State::Normal;
                return i + 1;
            }
            i += 1;
        }
        bytes.len()
    }

    fn block_comment_end(&mut self, bytes: &[u8], mut i: usize, mut depth: u32) -> usize {
        while i < bytes.len() {
            match (bytes[i], bytes.get(i + 1).copied()) {
                (b'/', Some(b'*')) => {
                    depth += 1;
                    i += 2;
                }
                (b'*', Some(b'/')) => {
                    depth -= 1;
                    i += 2;
                    if depth == 0 {
                        self.state = State::Normal;
                        return i;
                    }
                }
                _ => i += 1,
            }
        }
        self.state = State::BlockComment { depth };
        bytes.len()
    }

    /// Track the words that decide how the statement ends: psql's `BEGIN ATOMIC` heuristic
    /// (inside CREATE [OR REPLACE] FUNCTION/PROCEDURE, BEGIN ... END and CASE ... END hold
    /// semicolons) and `COPY ... FROM STDIN`.
    fn word(&mut self, word: &str) {
        // Only the first words and a few keywords matter; nothing here allocates for the
        // thousands of words in a big INSERT.
        let index = self.words;
        self.words += 1;
        if index < self.lead.len() {
            self.lead[index] = word.to_ascii_lowercase();
        }
        let is = |keyword: &str| word.eq_ignore_ascii_case(keyword);
        if index < self.leading_letters.len()
            && ["create", "function", "procedure", "or", "replace"]
                .iter()
                .any(|keyword| is(keyword))
        {
            self.leading_letters[index] = word.as_bytes()[0].to_ascii_lowercase();
        }
        if self.lead[0] == "copy" {
            self.from_stdin |= self.previous_word_is_from && is("stdin");
            self.previous_word_is_from = is("from");
        }
        let k = self.leading_letters;
        let defines_routine = k[0] == b'c'
            && (k[1] == b'f'
                || k[1] == b'p'
                || (k[1] == b'o' && k[2] == b'r' && (k[3] == b'f' || k[3] == b'p')));
        if defines_routine && self.paren_depth == 0 {
            if is("begin") || (is("case") && self.begin_depth >= 1) {
                self.begin_depth += 1;
            } else if is("end") && self.begin_depth > 0 {
                self.begin_depth -= 1;
            }
        }
    }

    /// The statement collected so far; the lexer starts afresh in the same quoting state.
    fn take_statement(&mut self) -> Taken {
        let taken = Taken {
            statement: Statement {
                text: std::mem::take(&mut self.text),
                pieces: std::mem::take(&mut self.pieces),
                lead: std::mem::take(&mut self.lead),
                copy_from_stdin: self.from_stdin,
            },
            significant: self.significant,
        };
        let mut taken = taken;
        if taken.significant {
            self.follow_settings(&mut taken.statement);
        }
        let state = std::mem::replace(&mut self.state, State::Normal);
        *self = self.fresh(state);
        taken
    }
}

struct Taken {
    statement: Statement,
    significant: bool,
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack
        .windows(needle.len())
        .position(|window| window == needle)
}

/// Lex a whole text at once (tests, fuzzing, and the splitter's property tests).
pub fn tokens(source: &str) -> Vec<Token> {
    let mut lexer = Lexer::default();
    let mut out = Vec::new();
    for (number, line) in source.split_inclusive('\n').enumerate() {
        lexer.line(line, number as u64 + 1, &mut out);
    }
    lexer.finish(&mut out);
    out
}

#[cfg(test)]
mod properties;
#[cfg(test)]
mod tests;
