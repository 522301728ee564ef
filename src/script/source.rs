//! A SQL file read as a stream of statements, meta-commands and COPY data, line by line, so memory
//! stays flat whatever the file's size.

use std::collections::VecDeque;
use std::fs::File;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use anyhow::Result;

use super::lexer::{Lexer, MetaCommand, Statement, Token};
use crate::error::{Exit, Fail};

/// COPY data is handed on in chunks of about this size: big enough to keep the socket busy,
/// small enough to keep memory flat.
const COPY_CHUNK: usize = 256 * 1024;

/// The next thing a file asks for, in file order.
#[derive(Debug)]
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
    line_no: u64,
    bytes_read: u64,
    copy: Copy,
    at_end: bool,
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
            line_no: 0,
            bytes_read: 0,
            copy: Copy::Off,
            at_end: false,
        }
    }

    pub fn path(&self) -> &Arc<Path> {
        &self.path
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
                            self.pending.clear();
                            self.lexer.reset();
                            self.copy = Copy::Data;
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
            if self.read_line()? {
                let text = std::str::from_utf8(&self.line).map_err(|err| {
                    Fail::new(
                        Exit::Sql,
                        format!(
                            "{}:{}: the file is not valid UTF-8 (byte {} of the line)",
                            self.path.display(),
                            self.line_no,
                            err.valid_up_to() + 1
                        ),
                    )
                    .hint("save the file as UTF-8; nothing after this line was run")
                })?;
                // A byte-order mark is invisible in editors and a syntax error to the server.
                let text = match self.line_no {
                    1 => text.strip_prefix('\u{feff}').unwrap_or(text),
                    _ => text,
                };
                self.lexer.line(text, self.line_no, &mut tokens);
            } else {
                self.at_end = true;
                self.lexer.finish(&mut tokens);
            }
            self.pending.extend(tokens);
        }
    }

    /// Read one line into `self.line`; false at the end of the file.
    fn read_line(&mut self) -> Result<bool> {
        self.line.clear();
        let read = self
            .reader
            .read_until(b'\n', &mut self.line)
            .map_err(|err| {
                Fail::new(
                    Exit::Failure,
                    format!("could not read {}: {err}", self.path.display()),
                )
            })?;
        self.bytes_read += read as u64;
        if read > 0 {
            self.line_no += 1;
        }
        Ok(read > 0)
    }

    /// Lines of COPY data up to about [`COPY_CHUNK`] bytes, or the end of the data.
    fn copy_data(&mut self) -> Result<Item> {
        if self.copy == Copy::Ended {
            self.copy = Copy::Off;
            return Ok(Item::CopyEnd);
        }
        let mut chunk = Vec::new();
        while chunk.len() < COPY_CHUNK {
            if !self.read_line()? || is_end_of_data(&self.line) {
                self.copy = Copy::Ended;
                break;
            }
            chunk.extend_from_slice(&self.line);
        }
        if chunk.is_empty() {
            self.copy = Copy::Off;
            return Ok(Item::CopyEnd);
        }
        Ok(Item::CopyData(chunk))
    }
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
