//! Splits SQL source into statements and psql meta-commands the way psql's lexer does, keeping
//! where each piece came from so server error positions map back to the file.

/// One thing to execute, in file order.
#[derive(Debug, PartialEq, Eq)]
pub enum Item {
    Sql(Statement),
    Meta(MetaCommand),
}

/// A statement as sent to the server, with the file offsets its text came from.
#[derive(Debug, PartialEq, Eq)]
pub struct Statement {
    pub text: String,
    /// `(offset in text, offset in file)` at the start of each contiguous piece: a meta-command
    /// in the middle of a statement splits it into two pieces, as in psql.
    spans: Vec<(usize, usize)>,
}

impl Statement {
    /// Byte offset in the file of the statement's first character.
    pub fn file_offset(&self) -> usize {
        self.spans[0].1
    }

    /// Byte offset in the file of the 1-based character position the server reports.
    pub fn file_offset_of_char(&self, position: usize) -> usize {
        let byte = self
            .text
            .char_indices()
            .nth(position.saturating_sub(1))
            .map_or(self.text.len(), |(byte, _)| byte);
        let &(text_start, file_start) = self
            .spans
            .iter()
            .rev()
            .find(|(text_start, _)| *text_start <= byte)
            .unwrap_or(&self.spans[0]);
        file_start + (byte - text_start)
    }
}

/// A backslash command such as `\echo done` or `\i other.sql`, with psql's argument quoting
/// already applied.
#[derive(Debug, PartialEq, Eq)]
pub struct MetaCommand {
    pub name: String,
    pub args: Vec<String>,
    pub file_offset: usize,
}

/// Split `source` into statements and meta-commands.
pub fn split(source: &str) -> Vec<Item> {
    Splitter {
        src: source.as_bytes(),
        source,
        items: Vec::new(),
        text: String::new(),
        spans: Vec::new(),
        open: None,
        paren_depth: 0,
        begin_depth: 0,
        identifier_count: 0,
        leading_keywords: [0; 4],
    }
    .run()
}

struct Splitter<'a> {
    src: &'a [u8],
    source: &'a str,
    items: Vec<Item>,
    /// Text of the statement being collected, from pieces already closed.
    text: String,
    spans: Vec<(usize, usize)>,
    /// File offset where the currently open piece starts.
    open: Option<usize>,
    paren_depth: i32,
    begin_depth: u32,
    identifier_count: usize,
    /// First letters of the first keywords, when they are CREATE/OR/REPLACE/FUNCTION/PROCEDURE:
    /// psql's heuristic for spotting `BEGIN ATOMIC ... END` bodies.
    leading_keywords: [u8; 4],
}

fn is_ident_start(byte: u8) -> bool {
    byte.is_ascii_alphabetic() || byte == b'_' || byte >= 0x80
}

fn is_ident_continue(byte: u8) -> bool {
    is_ident_start(byte) || byte.is_ascii_digit() || byte == b'$'
}

impl Splitter<'_> {
    fn run(mut self) -> Vec<Item> {
        let mut i = 0;
        while i < self.src.len() {
            let byte = self.src[i];
            let next = self.src.get(i + 1).copied();
            i = match byte {
                b if b.is_ascii_whitespace() => i + 1,
                b'-' if next == Some(b'-') => self.line_end(i),
                b'/' if next == Some(b'*') => self.block_comment_end(i),
                b'\\' => self.meta_command(i),
                _ => {
                    self.start_piece(i);
                    match byte {
                        b'\'' => self.string_end(i + 1, false),
                        b'"' => self.quoted_end(i + 1, b'"'),
                        b'$' => self.dollar_end(i),
                        b'(' => {
                            self.paren_depth += 1;
                            i + 1
                        }
                        b')' => {
                            self.paren_depth -= 1;
                            i + 1
                        }
                        b';' if self.paren_depth <= 0 && self.begin_depth == 0 => {
                            self.finish_statement(i + 1);
                            i + 1
                        }
                        b if is_ident_start(b) => self.identifier(i),
                        b if b.is_ascii_digit() => self
                            .skip_while(i, |b| b.is_ascii_alphanumeric() || b == b'_' || b == b'.'),
                        _ => i + 1,
                    }
                }
            };
        }
        if !self.text.is_empty() || self.open.is_some() {
            self.finish_statement(self.src.len());
        }
        self.items
    }

    fn skip_while(&self, mut i: usize, keep: impl Fn(u8) -> bool) -> usize {
        while i < self.src.len() && keep(self.src[i]) {
            i += 1;
        }
        i
    }

    fn line_end(&self, i: usize) -> usize {
        self.skip_while(i, |b| b != b'\n')
    }

    /// Comments nest in PostgreSQL, unlike C.
    fn block_comment_end(&self, mut i: usize) -> usize {
        let mut depth = 0;
        while i < self.src.len() {
            match (self.src[i], self.src.get(i + 1).copied()) {
                (b'/', Some(b'*')) => {
                    depth += 1;
                    i += 2;
                }
                (b'*', Some(b'/')) => {
                    depth -= 1;
                    i += 2;
                    if depth == 0 {
                        return i;
                    }
                }
                _ => i += 1,
            }
        }
        i
    }

    /// End of a '...' literal starting after the quote; `backslash_escapes` for E'...'.
    fn string_end(&self, mut i: usize, backslash_escapes: bool) -> usize {
        while i < self.src.len() {
            match self.src[i] {
                b'\\' if backslash_escapes => i += 2,
                b'\'' if self.src.get(i + 1) == Some(&b'\'') => i += 2,
                b'\'' => return i + 1,
                _ => i += 1,
            }
        }
        self.src.len()
    }

    /// End of a "quoted identifier" (doubled quote escapes).
    fn quoted_end(&self, mut i: usize, quote: u8) -> usize {
        while i < self.src.len() {
            if self.src[i] == quote {
                if self.src.get(i + 1) == Some(&quote) {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i += 1;
        }
        self.src.len()
    }

    /// `$tag$ ... $tag$` bodies, or a `$1` parameter, which is not a quote.
    fn dollar_end(&self, i: usize) -> usize {
        let tag_end = match self.src.get(i + 1) {
            Some(b'$') => i + 2,
            Some(&b) if is_ident_start(b) => {
                let end = self.skip_while(i + 1, |b| is_ident_start(b) || b.is_ascii_digit());
                if self.src.get(end) != Some(&b'$') {
                    return end;
                }
                end + 1
            }
            _ => return self.skip_while(i + 1, |b| b.is_ascii_digit()),
        };
        let tag = &self.src[i..tag_end];
        let body = &self.src[tag_end..];
        match body.windows(tag.len()).position(|window| window == tag) {
            Some(found) => tag_end + found + tag.len(),
            None => self.src.len(),
        }
    }

    fn identifier(&mut self, i: usize) -> usize {
        let end = self.skip_while(i, is_ident_continue);
        let word = &self.source[i..end];
        if word.eq_ignore_ascii_case("e") && self.src.get(end) == Some(&b'\'') {
            return self.string_end(end + 1, true);
        }
        self.track_begin_end(word);
        end
    }

    /// psql's heuristic: inside CREATE [OR REPLACE] FUNCTION/PROCEDURE, BEGIN (ATOMIC) ... END
    /// (and CASE ... END within it) hold semicolons that do not end the statement.
    fn track_begin_end(&mut self, word: &str) {
        let lower = word.to_ascii_lowercase();
        if self.identifier_count == 0 {
            self.leading_keywords = [0; 4];
        }
        if matches!(
            lower.as_str(),
            "create" | "function" | "procedure" | "or" | "replace"
        ) && self.identifier_count < self.leading_keywords.len()
        {
            self.leading_keywords[self.identifier_count] = lower.as_bytes()[0];
        }
        self.identifier_count += 1;
        let k = self.leading_keywords;
        let defines_routine = k[0] == b'c'
            && (k[1] == b'f'
                || k[1] == b'p'
                || (k[1] == b'o' && k[2] == b'r' && (k[3] == b'f' || k[3] == b'p')));
        if defines_routine && self.paren_depth == 0 {
            match lower.as_str() {
                "begin" => self.begin_depth += 1,
                "case" if self.begin_depth >= 1 => self.begin_depth += 1,
                "end" if self.begin_depth > 0 => self.begin_depth -= 1,
                _ => {}
            }
        }
    }

    /// A backslash outside quotes starts a meta-command that runs to the end of the line. psql
    /// executes it at once, even in the middle of a statement, which then continues after it.
    fn meta_command(&mut self, i: usize) -> usize {
        self.close_piece(i);
        let end = self.line_end(i);
        let line = &self.source[i + 1..end];
        let name_len = line.find(|c: char| c.is_whitespace()).unwrap_or(line.len());
        self.items.push(Item::Meta(MetaCommand {
            name: line[..name_len].to_string(),
            args: meta_args(&line[name_len..]),
            file_offset: i,
        }));
        if !self.text.is_empty() {
            // Keep the line break so the words on either side do not run together.
            self.open = Some(end.min(self.src.len()));
        }
        end
    }

    fn start_piece(&mut self, i: usize) {
        if self.open.is_none() {
            self.open = Some(i);
        }
    }

    fn close_piece(&mut self, end: usize) {
        if let Some(start) = self.open.take() {
            self.spans.push((self.text.len(), start));
            self.text.push_str(&self.source[start..end]);
        }
    }

    fn finish_statement(&mut self, end: usize) {
        self.close_piece(end);
        let text = std::mem::take(&mut self.text);
        let spans = std::mem::take(&mut self.spans);
        if !text.trim().is_empty() {
            self.items.push(Item::Sql(Statement { text, spans }));
        }
        self.paren_depth = 0;
        self.begin_depth = 0;
        self.identifier_count = 0;
    }
}

/// psql's argument rules, reduced to what schema files use: whitespace separates words,
/// '...' quotes with '' and backslash escapes (\n, \t, \\).
fn meta_args(text: &str) -> Vec<String> {
    let mut args = Vec::new();
    let mut chars = text.chars().peekable();
    loop {
        while chars.next_if(|c| c.is_whitespace()).is_some() {}
        if chars.peek().is_none() {
            return args;
        }
        let mut arg = String::new();
        while let Some(c) = chars.next_if(|c| !c.is_whitespace()) {
            if c != '\'' {
                arg.push(c);
                continue;
            }
            while let Some(c) = chars.next() {
                match c {
                    '\'' if chars.next_if_eq(&'\'').is_some() => arg.push('\''),
                    '\'' => break,
                    '\\' => match chars.next() {
                        Some('n') => arg.push('\n'),
                        Some('t') => arg.push('\t'),
                        Some(other) => arg.push(other),
                        None => arg.push('\\'),
                    },
                    c => arg.push(c),
                }
            }
        }
        args.push(arg);
    }
}

/// Line and column (both 1-based, columns in characters) of byte offsets in a source text.
pub struct LineIndex<'a> {
    source: &'a str,
    starts: Vec<usize>,
}

impl<'a> LineIndex<'a> {
    pub fn new(source: &'a str) -> Self {
        let starts = std::iter::once(0)
            .chain(source.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        LineIndex { source, starts }
    }

    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let line = self.starts.partition_point(|&start| start <= offset) - 1;
        let column = self.source[self.starts[line]..offset].chars().count() + 1;
        (line + 1, column)
    }

    /// The text of a 1-based line, without its line break.
    pub fn line(&self, line: usize) -> &'a str {
        let start = self.starts[line - 1];
        let end = self
            .starts
            .get(line)
            .map_or(self.source.len(), |next| next - 1);
        self.source[start..end].trim_end_matches('\r')
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn statements(source: &str) -> Vec<String> {
        split(source)
            .into_iter()
            .filter_map(|item| match item {
                Item::Sql(statement) => Some(statement.text),
                Item::Meta(_) => None,
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
        let source = "select 'a;b', E'c\\';d', \"e;f\" -- g;h\n/* i; /* j; */ k; */ from t;";
        assert_eq!(statements(source).len(), 1);
    }

    #[test]
    fn doubled_quotes_stay_inside_the_literal() {
        assert_eq!(statements("select 'it''s; fine'; select 2;").len(), 2);
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
    }

    #[test]
    fn a_transaction_begin_is_not_a_routine_body() {
        assert_eq!(statements("begin; select 1; end;").len(), 3);
    }

    #[test]
    fn comments_between_statements_are_not_statements() {
        assert_eq!(
            statements("-- only a comment\n/* and another */\n"),
            Vec::<String>::new()
        );
    }

    #[test]
    fn a_meta_command_inside_an_unfinished_statement_runs_first_and_the_statement_continues() {
        let items = split("insert into t\nvalues (1)\n\\echo 'done here'\n");
        assert!(
            matches!(&items[0], Item::Meta(meta) if meta.name == "echo" && meta.args == ["done here"])
        );
        assert!(
            matches!(&items[1], Item::Sql(statement) if statement.text.starts_with("insert into t\nvalues (1)"))
        );
    }

    #[test]
    fn positions_map_back_across_a_meta_command() {
        let source = "select\n\\echo hi\nfrom_here;";
        let Item::Sql(statement) = &split(source)[1] else {
            panic!()
        };
        let position = statement.text.find("from_here").unwrap() + 1;
        assert_eq!(
            statement.file_offset_of_char(position),
            source.find("from_here").unwrap()
        );
    }

    #[test]
    fn line_index_counts_columns_in_characters() {
        let index = LineIndex::new("ab\néé x\n");
        assert_eq!(index.line_col(source_offset("ab\néé x\n", 'x')), (2, 4));
        assert_eq!(index.line(2), "éé x");
    }

    fn source_offset(source: &str, c: char) -> usize {
        source.find(c).unwrap()
    }
}
