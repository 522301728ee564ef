//! A SQL file read as a stream of statements, meta-commands and COPY data, line by line, so memory
//! stays flat whatever the file's size.

use std::collections::VecDeque;
use std::fs::File;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use anyhow::Result;

use super::lexer::{Lexer, MetaCommand, Statement, Token};
use super::vars::Shared;
use crate::error::{Exit, Fail};

/// COPY data is handed on in chunks of about this size: big enough to keep the socket busy,
/// small enough to keep memory flat.
const COPY_CHUNK: usize = 256 * 1024;

/// The next thing a file asks for, in file order.
#[derive(Debug, PartialEq, Eq)]
pub enum Item {
    Statement(Statement),
    Meta(MetaCommand),
    /// Lines of data for the `COPY ... FROM STDIN` just returned.
    CopyData(Vec<u8>),
    /// The COPY data ended (`\.` or the end of the file).
    CopyEnd,
}

pub struct Source<R> {
    reader: R,
    path: Arc<Path>,
    lexer: Lexer,
    pending: VecDeque<Token>,
    line: Vec<u8>,
    /// The current line as text, and how far the lexer has got in it.
    text: String,
    lexed: usize,
    line_no: u64,
    bytes_read: u64,
    copy: Copy,
    at_end: bool,
    /// The lines to read (1-based, end excluded); the rest of the file is not there.
    window: std::ops::Range<u64>,
}

/// Where the source is in a `COPY ... FROM STDIN`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Copy {
    Off,
    Data,
    /// The data has ended; `CopyEnd` is still to be handed out.
    Ended,
}

impl Source<BufReader<File>> {
    pub fn open(path: &Path) -> Result<Self> {
        Self::open_lines(path, None)
    }

    /// Only lines `lines` of the file (1-based, end excluded), numbered as in the whole file.
    pub fn open_lines(path: &Path, lines: Option<std::ops::Range<u64>>) -> Result<Self> {
        let mut source = Self::open_whole(path)?;
        if let Some(lines) = lines {
            source.window = lines;
            // Read (and count) the lines before the window without lexing them.
            while source.line_no + 1 < source.window.start {
                if !source.read_raw_line()? {
                    break;
                }
            }
        }
        Ok(source)
    }

    fn open_whole(path: &Path) -> Result<Self> {
        let file = File::open(path).map_err(|err| {
            Fail::new(
                Exit::Failure,
                format!("could not read {}: {err}", path.display()),
            )
            .hint("check the path and its permissions")
        })?;
        Ok(Source::new(
            BufReader::with_capacity(256 * 1024, file),
            path.to_path_buf(),
        ))
    }
}

impl<R: BufRead> Source<R> {
    pub fn new(reader: R, path: PathBuf) -> Self {
        Source {
            reader,
            path: path.into(),
            lexer: Lexer::default(),
            pending: VecDeque::new(),
            line: Vec::new(),
            text: String::new(),
            lexed: 0,
            line_no: 0,
            bytes_read: 0,
            copy: Copy::Off,
            at_end: false,
            window: 1..u64::MAX,
        }
    }

    pub fn path(&self) -> &Arc<Path> {
        &self.path
    }

    /// Lex with `vars` substituted and the session settings they hold followed.
    pub fn lexing(mut self, vars: Shared) -> Self {
        self.lexer = Lexer::new(vars);
        self
    }

    /// The statement in progress before a meta-command that sends it (`\gexec`, `\gset`,
    /// `\g`): psql's query buffer. The meta-command ended its line, so nothing after it has
    /// been read yet.
    pub fn take_query_buffer(&mut self) -> Option<Statement> {
        self.lexer.take_buffer()
    }

    /// The lines that follow are COPY data up to `\.` (`\copy ... from stdin`).
    pub fn start_copy(&mut self) {
        self.pending.clear();
        self.lexer.reset();
        self.lexed = self.text.len();
        self.copy = Copy::Data;
    }

    /// Bytes of the file consumed so far, for progress.
    pub fn bytes_read(&self) -> u64 {
        self.bytes_read
    }

    /// The line most recently read (1-based).
    pub fn line_no(&self) -> u64 {
        self.line_no
    }

    /// The next item, or `None` at the end of the file.
    pub fn next_item(&mut self) -> Result<Option<Item>> {
        if self.copy != Copy::Off {
            return self.copy_data().map(Some);
        }
        loop {
            if let Some(token) = self.pending.pop_front() {
                return Ok(Some(match token {
                    Token::Statement(statement) => {
                        if statement.copy_from_stdin {
                            // Data starts on the next line; psql ignores the rest of this one.
                            self.start_copy();
                        }
                        Item::Statement(statement)
                    }
                    Token::Meta(meta) => Item::Meta(meta),
                }));
            }
            if self.at_end {
                return Ok(None);
            }
            let mut tokens = Vec::new();
            if self.lexed < self.text.len() {
                self.lexed =
                    self.lexer
                        .line_from(&self.text, self.line_no, self.lexed, &mut tokens);
            } else if self.read_line()? {
                if self.line.contains(&0) {
                    return Err(nul_byte(&self.path, self.line_no));
                }
                self.decode_line()?;
                self.lexed = self
                    .lexer
                    .line_from(&self.text, self.line_no, 0, &mut tokens);
            } else {
                self.at_end = true;
                self.lexer.finish(&mut tokens);
            }
            if let Some(name) = self.lexer.take_unsupported_encoding() {
                return Err(Fail::new(
                    Exit::Sql,
                    format!(
                        "{}:{}: client encoding {name} is not one cruddur-db can read",
                        self.path.display(),
                        self.line_no
                    ),
                )
                .hint("convert the file to UTF-8 (iconv -f ENCODING -t UTF-8); nothing after this line was run")
                .into());
            }
            self.pending.extend(tokens);
        }
    }

    /// The line just read as text, in the encoding the file set (UTF-8 unless it said so).
    fn decode_line(&mut self) -> Result<()> {
        // The previous line's text becomes the next line's read buffer: no allocation per line.
        let bytes = std::mem::replace(&mut self.line, std::mem::take(&mut self.text).into_bytes());
        self.text = match self.lexer.encoding() {
            None => String::from_utf8(bytes).map_err(|err| {
                Fail::new(
                    Exit::Sql,
                    format!(
                        "{}:{}: the file is not valid UTF-8 (byte {} of the line)",
                        self.path.display(),
                        self.line_no,
                        err.utf8_error().valid_up_to() + 1
                    ),
                )
                .hint("save the file as UTF-8, or say its encoding first (SET client_encoding TO 'LATIN1', or PGCLIENTENCODING); nothing after this line was run")
            })?,
            Some(encoding) => {
                let (text, had_errors) = encoding.decode_without_bom_handling(&bytes);
                if had_errors {
                    return Err(Fail::new(
                        Exit::Sql,
                        format!(
                            "{}:{}: the line is not valid {}",
                            self.path.display(),
                            self.line_no,
                            encoding.name()
                        ),
                    )
                    .hint("check the file's encoding and the SET client_encoding that names it")
                    .into());
                }
                text.into_owned()
            }
        };
        // A byte-order mark is invisible in editors and a syntax error to the server.
        if self.line_no == 1 && self.text.starts_with('\u{feff}') {
            self.text.drain(..3);
        }
        Ok(())
    }

    /// Read one line into `self.line`; false at the end of the file or of the window.
    fn read_line(&mut self) -> Result<bool> {
        if self.line_no + 1 >= self.window.end {
            self.line.clear();
            return Ok(false);
        }
        self.read_raw_line()
    }

    fn read_raw_line(&mut self) -> Result<bool> {
        self.line.clear();
        let read = self
            .reader
            .read_until(b'\n', &mut self.line)
            .map_err(|err| read_failed(&self.path, err))?;
        self.bytes_read += read as u64;
        if read > 0 {
            self.line_no += 1;
        }
        Ok(read > 0)
    }

    /// COPY data up to about [`COPY_CHUNK`] bytes of whole lines, or the end of the data.
    /// Works on the reader's buffer a block at a time, not line by line: dumps are mostly COPY
    /// data, and this is where their time goes.
    fn copy_data(&mut self) -> Result<Item> {
        if self.copy == Copy::Ended {
            self.copy = Copy::Off;
            return Ok(Item::CopyEnd);
        }
        let mut chunk = Vec::with_capacity(COPY_CHUNK);
        while chunk.len() < COPY_CHUNK {
            let buffer = self
                .reader
                .fill_buf()
                .map_err(|err| read_failed(&self.path, err))?;
            let Some(last_newline) = memchr::memrchr(b'\n', buffer) else {
                // A line longer than the buffer, or a last line without a line break.
                if !self.read_line()? || is_end_of_data(&self.line) {
                    self.copy = Copy::Ended;
                    break;
                }
                if self.line.contains(&0) {
                    return Err(nul_byte(&self.path, self.line_no));
                }
                chunk.extend_from_slice(&self.line);
                continue;
            };
            let lines = &buffer[..=last_newline];
            let (data, consumed) = match end_of_data_in(lines) {
                Some((data, marker)) => {
                    self.copy = Copy::Ended;
                    (data, data + marker)
                }
                None => (lines.len(), lines.len()),
            };
            if let Some(at) = memchr::memchr(0, &lines[..data]) {
                let line =
                    self.line_no + 1 + memchr::memchr_iter(b'\n', &lines[..at]).count() as u64;
                return Err(nul_byte(&self.path, line));
            }
            chunk.extend_from_slice(&lines[..data]);
            self.line_no += memchr::memchr_iter(b'\n', &lines[..consumed]).count() as u64;
            self.bytes_read += consumed as u64;
            self.reader.consume(consumed);
            if self.copy == Copy::Ended {
                break;
            }
        }
        if chunk.is_empty() {
            self.copy = Copy::Off;
            return Ok(Item::CopyEnd);
        }
        // Whole lines, so a multi-byte character is never cut in two.
        if let Some(encoding) = self.lexer.encoding() {
            let (text, had_errors) = encoding.decode_without_bom_handling(&chunk);
            if had_errors {
                return Err(Fail::new(
                    Exit::Sql,
                    format!(
                        "{}: COPY data before line {} is not valid {}",
                        self.path.display(),
                        self.line_no + 1,
                        encoding.name()
                    ),
                )
                .hint("check the file's encoding and the SET client_encoding that names it")
                .into());
            }
            return Ok(Item::CopyData(text.into_owned().into_bytes()));
        }
        Ok(Item::CopyData(chunk))
    }
}

/// PostgreSQL takes no NUL byte in SQL text or COPY data; sent anyway, it breaks the protocol
/// message and reads as a lost connection.
fn nul_byte(path: &Path, line: u64) -> anyhow::Error {
    Fail::new(
        Exit::Sql,
        format!("{}:{line}: the file contains a NUL byte", path.display()),
    )
    .hint("PostgreSQL cannot take NUL bytes in SQL: the file may be binary or UTF-16; save it as UTF-8 text. Nothing was sent to the server")
    .into()
}

fn read_failed(path: &Path, err: std::io::Error) -> anyhow::Error {
    Fail::new(
        Exit::Failure,
        format!("could not read {}: {err}", path.display()),
    )
    .hint("check that the file is still there and readable")
    .into()
}

/// In whole lines of COPY data, where the end-of-data line `\\.` starts and how long it is.
fn end_of_data_in(lines: &[u8]) -> Option<(usize, usize)> {
    let marker_at = |start: usize| {
        let rest = &lines[start..];
        [&b"\\.\n"[..], &b"\\.\r\n"[..]]
            .into_iter()
            .find(|marker| rest.starts_with(marker))
            .map(|marker| (start, marker.len()))
    };
    marker_at(0).or_else(|| {
        memchr::memmem::find_iter(lines, b"\n\\.").find_map(|newline| marker_at(newline + 1))
    })
}

/// psql's end-of-data line: `\.` alone.
fn is_end_of_data(line: &[u8]) -> bool {
    let line = line.strip_suffix(b"\n").unwrap_or(line);
    line.strip_suffix(b"\r").unwrap_or(line) == b"\\."
}

/// The text of line `line_no` (1-based) of `path`, without its line break; for error reports,
/// which are rare enough to read the file again rather than keep it.
pub fn read_line(path: &Path, line_no: u64) -> Option<String> {
    let file = File::open(path).ok()?;
    let mut reader = BufReader::new(file);
    let mut line = Vec::new();
    for _ in 0..line_no {
        line.clear();
        if reader.read_until(b'\n', &mut line).ok()? == 0 {
            return None;
        }
    }
    let text = String::from_utf8_lossy(&line);
    Some(text.trim_end_matches(['\n', '\r']).to_string())
}

#[cfg(test)]
mod tests {
    use std::io::Read;

    use proptest::prelude::*;

    use super::*;

    /// A reader that hands out at most `step` bytes per read, so lines and multi-byte
    /// characters arrive cut at every possible place.
    struct Trickle<'a> {
        data: &'a [u8],
        step: usize,
    }

    impl Read for Trickle<'_> {
        fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
            let n = self.step.min(buf.len()).min(self.data.len());
            buf[..n].copy_from_slice(&self.data[..n]);
            self.data = &self.data[n..];
            Ok(n)
        }
    }

    fn items(data: &[u8], step: usize, capacity: usize) -> Vec<Item> {
        let reader = BufReader::with_capacity(capacity, Trickle { data, step });
        let mut source = Source::new(reader, PathBuf::from("test.sql"));
        let mut items: Vec<Item> = Vec::new();
        while let Some(item) = source.next_item().unwrap() {
            // How data is cut into chunks follows the buffer; the bytes must not.
            if let (Item::CopyData(more), Some(Item::CopyData(data))) = (&item, items.last_mut()) {
                data.extend_from_slice(more);
                continue;
            }
            items.push(item);
        }
        items
    }

    const DUMP: &str = "\u{feff}SET x = 'é;';\nCREATE TABLE t (a text);\nCOPY t (a) FROM stdin;\nrow\\tone\n\\\\.\n\\.\n\\echo 'done; here'\nSELECT $$\n;$$; select 'ünï'\n";

    #[test]
    fn copy_data_runs_to_the_end_marker_and_statements_resume_after_it() {
        let items = items(DUMP.as_bytes(), usize::MAX, 8192);
        let kinds: Vec<String> = items
            .iter()
            .map(|item| match item {
                Item::Statement(s) => format!("sql {}", s.text),
                Item::Meta(m) => format!("meta {}", m.name),
                Item::CopyData(data) => format!("data {}", String::from_utf8_lossy(data)),
                Item::CopyEnd => "end".to_string(),
            })
            .collect();
        assert_eq!(
            kinds,
            [
                "sql SET x = 'é;';",
                "sql CREATE TABLE t (a text);",
                "sql COPY t (a) FROM stdin;",
                "data row\\tone\n\\\\.\n",
                "end",
                "meta echo",
                "sql SELECT $$\n;$$;",
                "sql select 'ünï'",
            ]
        );
    }

    proptest! {
        #[test]
        fn the_read_buffer_never_changes_what_is_read(step in 1usize..40, capacity in 1usize..64) {
            prop_assert_eq!(
                items(DUMP.as_bytes(), step, capacity),
                items(DUMP.as_bytes(), usize::MAX, 8192)
            );
        }
    }
}
