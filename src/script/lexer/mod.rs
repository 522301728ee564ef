//! psql's lexer, one line at a time: splits SQL into statements and meta-commands, carrying
//! quote, comment and dollar-quote state from line to line so a file never has to be in memory
//! whole, and remembering where each statement's text came from in the file.

mod meta_line;

pub use self::meta_line::MetaCommand;
use self::meta_line::meta_command;
use super::encoding;
use super::vars::{self, Shared};

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
    pieces: Vec<(usize, Position)>,
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

impl Lexer {
    /// `SET standard_conforming_strings ...` and `RESET` change how later strings are read,
    /// as they do for psql's lexer.
    fn follow_settings(&mut self, statement: &mut Statement) {
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
mod tests {
    use super::*;

    fn statements(source: &str) -> Vec<String> {
        tokens(source)
            .into_iter()
            .filter_map(|token| match token {
                Token::Statement(statement) => Some(statement.text),
                Token::Meta(_) => None,
            })
            .collect()
    }

    #[test]
    fn splits_on_semicolons_and_keeps_a_last_statement_without_one() {
        assert_eq!(
            statements("select 1; select 2;\nselect 3"),
            ["select 1;", "select 2;", "select 3"]
        );
    }

    #[test]
    fn semicolons_inside_quotes_and_comments_do_not_split() {
        let source =
            "select 'a;b', E'c\\';d', U&'e;f', \"e;f\" -- g;h\n/* i; /* j; */ k; */ from t;";
        assert_eq!(statements(source).len(), 1);
    }

    #[test]
    fn quotes_and_comments_continue_across_lines() {
        let source = "select 'a;\nb', E'c\\\n;d' /* x;\n /* y; */ ;\n */, $f$\n;\n$f$;\nselect 2;";
        assert_eq!(statements(source).len(), 2);
    }

    #[test]
    fn doubled_quotes_stay_inside_the_literal() {
        assert_eq!(statements("select 'it''s; fine'; select 2;").len(), 2);
        assert_eq!(statements("select \"a\"\";b\"; select 2;").len(), 2);
    }

    #[test]
    fn dollar_quoted_bodies_hold_semicolons_and_other_tags() {
        let source = "create function f() returns int as $fn$ begin perform $$x;$$; return 1; end $fn$ language plpgsql;\nselect $1;";
        assert_eq!(statements(source).len(), 2);
    }

    #[test]
    fn begin_atomic_bodies_hold_semicolons() {
        let source = "create or replace function f() returns int language sql begin atomic select 1; select case when true then 2 end; end;\nselect 3;";
        assert_eq!(
            statements(source),
            [source.lines().next().unwrap(), "select 3;"]
        );
        let shouted = source.to_uppercase();
        assert_eq!(
            statements(&shouted),
            [shouted.lines().next().unwrap(), "SELECT 3;"]
        );
    }

    #[test]
    fn a_transaction_begin_is_not_a_routine_body() {
        assert_eq!(statements("begin; select 1; end;").len(), 3);
    }

    #[test]
    fn empty_statements_are_dropped() {
        assert_eq!(statements(";\n ; select 1;;"), ["select 1;"]);
    }

    #[test]
    fn comments_between_statements_are_not_statements() {
        assert_eq!(
            statements("-- only a comment\n/* and\n another */\n"),
            Vec::<String>::new()
        );
    }

    #[test]
    fn copy_from_stdin_is_recognised_and_other_copies_are_not() {
        let copies: Vec<bool> = tokens(
            "COPY public.t (a, b) FROM stdin;\nCOPY t FROM '/tmp/x';\ncopy t to stdout;\nselect 'from stdin';",
        )
        .into_iter()
        .map(|token| matches!(token, Token::Statement(s) if s.copy_from_stdin))
        .collect();
        assert_eq!(copies, [true, false, false, false]);
    }

    #[test]
    fn a_meta_command_inside_an_unfinished_statement_comes_first_and_the_statement_continues() {
        let tokens = tokens("insert into t\nvalues (1)\n\\echo 'done here'\n;");
        assert!(
            matches!(&tokens[0], Token::Meta(meta) if meta.name == "echo" && meta.args == ["done here"])
        );
        assert!(
            matches!(&tokens[1], Token::Statement(statement) if statement.text == "insert into t\nvalues (1)\n\n;")
        );
    }

    #[test]
    fn positions_map_back_to_lines_and_character_columns() {
        let source = "select 1;\n  -- note\n  select 'é',\n    oops;";
        let Token::Statement(statement) = &tokens(source)[1] else {
            panic!()
        };
        assert_eq!(statement.start(), Position { line: 3, column: 3 });
        let oops = statement.text.find("oops").unwrap();
        let char_position = statement.text[..oops].chars().count() + 1;
        assert_eq!(
            statement.position_of_char(char_position),
            Position { line: 4, column: 5 }
        );
        let comma = statement.text[..statement.text.find(',').unwrap()]
            .chars()
            .count()
            + 1;
        assert_eq!(
            statement.position_of_char(comma),
            Position {
                line: 3,
                column: 13
            }
        );
    }

    #[test]
    fn positions_map_back_across_a_meta_command() {
        let source = "select\n\\echo hi\n  from_here;";
        let Token::Statement(statement) = &tokens(source)[1] else {
            panic!()
        };
        let char_position = statement.text[..statement.text.find("from_here").unwrap()]
            .chars()
            .count()
            + 1;
        assert_eq!(
            statement.position_of_char(char_position),
            Position { line: 3, column: 3 }
        );
    }
}

#[cfg(test)]
mod properties {
    use proptest::prelude::*;

    use super::*;

    /// Pieces of SQL that hide a semicolon (or a quote) from a naive splitter.
    fn fragment() -> impl Strategy<Value = String> {
        prop_oneof![
            "[a-z_][a-z0-9_]{0,8}",
            "[0-9]{1,4}",
            Just("'a;b'".to_string()),
            Just("'it''s; fine'".to_string()),
            Just("E'c\\';d\\\\'".to_string()),
            Just("U&'d\\0061;t'".to_string()),
            Just("\"we;ird\"\"id\"".to_string()),
            Just("$$ ; ' \" $$".to_string()),
            Just("$fn$ begin; $$ ; $$ end; $fn$".to_string()),
            Just("$1".to_string()),
            Just("/* a; /* nested; */ b; */".to_string()),
            Just("-- trailing; comment\n".to_string()),
            Just("'multi\nline;\nstring'".to_string()),
            Just("(1, 2)".to_string()),
        ]
    }

    fn whitespace() -> impl Strategy<Value = String> {
        "[ \t\n]{1,3}"
    }

    /// Comments and blank space between statements, never part of them.
    fn between() -> impl Strategy<Value = String> {
        prop::collection::vec(
            prop_oneof![
                whitespace(),
                Just("-- between; statements\n".to_string()),
                Just("/* between; /* nested */ */".to_string()),
            ],
            0..3,
        )
        .prop_map(|parts| parts.concat())
    }

    fn statement() -> impl Strategy<Value = String> {
        (
            "[a-z]{1,8}",
            prop::collection::vec((whitespace(), fragment()), 0..6),
        )
            .prop_map(|(first, rest)| {
                let mut text = first;
                for (space, fragment) in rest {
                    text.push_str(&space);
                    text.push_str(&fragment);
                }
                text
            })
    }

    proptest! {
        #[test]
        fn any_mix_of_quoting_and_comments_splits_into_the_statements_written(
            statements in prop::collection::vec((between(), statement()), 1..6),
            last_has_semicolon in any::<bool>(),
            tail in between(),
        ) {
            let mut source = String::new();
            let mut expected = Vec::new();
            let count = statements.len();
            for (i, (gap, statement)) in statements.into_iter().enumerate() {
                source.push_str(&gap);
                let mut text = statement;
                let last = i + 1 == count;
                if !last || last_has_semicolon {
                    text.push(';');
                }
                source.push_str(&text);
                if !last {
                    source.push('\n');
                    expected.push(text);
                } else if last_has_semicolon {
                    source.push_str(&tail);
                    expected.push(text);
                } else {
                    // Without a semicolon the last statement runs to the end of the file,
                    // comments included, as psql sends it; trailing blanks are dropped.
                    source.push_str(&tail);
                    expected.push(format!("{text}{tail}").trim_end().to_string());
                }
            }
            let found: Vec<String> = tokens(&source)
                .into_iter()
                .map(|token| match token {
                    Token::Statement(statement) => statement.text,
                    Token::Meta(meta) => panic!("unexpected meta-command {meta:?}"),
                })
                .collect();
            prop_assert_eq!(found, expected);
        }

        #[test]
        fn every_character_of_a_statement_maps_back_to_where_it_is_in_the_source(
            gap in between(),
            statement in statement(),
        ) {
            let source = format!("{gap}{statement};");
            let Token::Statement(found) = &tokens(&source)[0] else { panic!() };
            let offset = source.len() - statement.len() - 1;
            for (index, (byte, _)) in found.text.char_indices().enumerate() {
                let position = found.position_of_char(index + 1);
                let before = &source[..offset + byte];
                let line = before.matches('\n').count() as u64 + 1;
                let column = before.rsplit('\n').next().unwrap().chars().count() as u64 + 1;
                prop_assert_eq!(position, Position { line, column });
            }
        }

        #[test]
        fn arbitrary_input_never_panics(source in "\\PC{0,200}") {
            for token in tokens(&source) {
                if let Token::Statement(statement) = token {
                    for index in 0..=statement.text.chars().count() + 1 {
                        statement.position_of_char(index);
                    }
                }
            }
        }
    }
}
