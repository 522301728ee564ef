//! `.env`: found in the current directory or the nearest folder above it, read into the
//! environment (variables already set win), remembered so that errors can say a variable was
//! set there, and never echoed: a line that does not parse is named by number and variable.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use anyhow::{Context, Result};

use crate::error::{Exit, Fail};

/// The `.env` file read at start-up and the variables it set (those not already set).
#[derive(Debug, Default)]
struct DotEnv {
    path: Option<PathBuf>,
    keys: Vec<String>,
}

static DOTENV: OnceLock<DotEnv> = OnceLock::new();

/// Read `.env` from the current directory or the nearest parent that has one. Variables
/// already set win. Must run before clap parses, so `env`-backed flags see the values.
pub fn load_dotenv() -> Result<Option<PathBuf>> {
    let cwd = std::env::current_dir().context("could not read the current directory")?;
    let Some(path) = cwd
        .ancestors()
        .map(|dir| dir.join(".env"))
        .find(|path| path.is_file())
    else {
        return Ok(None);
    };
    let syntax = |err| match err {
        dotenvy::Error::LineParse(text, at) => dotenv_syntax_error(&path, &text, at),
        err => Fail::new(
            Exit::Usage,
            format!("could not read {}: {err}", path.display()),
        )
        .hint("check the file's permissions, or remove it")
        .into(),
    };
    // Which variables the file sets and the environment does not, to say where a value
    // came from.
    let mut keys = Vec::new();
    for item in dotenvy::from_path_iter(&path).map_err(syntax)? {
        let (key, _) = item.map_err(syntax)?;
        if std::env::var_os(&key).is_none() {
            keys.push(key);
        }
    }
    dotenvy::from_path(&path).map_err(syntax)?;
    let _ = DOTENV.set(DotEnv {
        path: Some(path.clone()),
        keys,
    });
    Ok(Some(path))
}

/// Where variable `name` was set, for messages: the `.env` file or the environment.
pub(super) fn set_in(name: &str) -> String {
    match DOTENV.get() {
        Some(DotEnv {
            path: Some(path),
            keys,
        }) if keys.iter().any(|key| key == name) => format!("set in {}", path.display()),
        _ => "set in the environment".to_string(),
    }
}

/// A `.env` line dotenvy could not parse, named by its line number and variable: `.env` holds
/// passwords, so neither the line nor the rest of the file (an unclosed quote swallows it all)
/// may be printed.
fn dotenv_syntax_error(path: &Path, text: &str, at: usize) -> anyhow::Error {
    let contents = std::fs::read_to_string(path).unwrap_or_default();
    // The failing text starts a line; the first such place is where parsing stopped.
    let line = (0..contents.len())
        .filter(|&i| i == 0 || contents.as_bytes()[i - 1] == b'\n')
        .find(|&i| contents[i..].starts_with(text))
        .map(|start| contents[..start].matches('\n').count() + 1);
    let at_line = line.map_or_else(String::new, |line| format!(":{line}"));
    let name: String = text
        .trim_start()
        .trim_start_matches("export ")
        .trim_start()
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '.'))
        .collect();
    let unclosed = at >= text.len() && text.contains(['"', '\'']);
    let problem = match (unclosed, name.is_empty()) {
        (true, false) => format!("the value of {name} opens a quote that is never closed"),
        (true, true) => "a quote is opened and never closed".to_string(),
        (false, false) => format!("the line for {name} is not NAME=VALUE"),
        (false, true) => "the line is not NAME=VALUE".to_string(),
    };
    Fail::new(
        Exit::Usage,
        format!("{}{at_line}: {problem}", path.display()),
    )
    .hint("fix that line (values with spaces or # need quotes, closed on the same or a later line), or remove .env")
    .into()
}
