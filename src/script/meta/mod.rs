//! psql's meta-commands in a file: which ones run and what their arguments mean. The check of
//! a whole file before anything is sent is `check`; what each one does when reached is `run`.

mod check;
mod run;

pub(in crate::script) use self::check::Check;

use std::path::{Path, PathBuf};

use anyhow::Result;

use super::MAX_INCLUDE_DEPTH;
use super::lexer::MetaCommand;
use super::slash_copy::{self, SlashCopy};
use super::source::{Item, Source};
use super::vars::{self, Shared};
use crate::error::{Exit, Fail};

/// What a file's reader does after a meta-command.
#[derive(Debug, PartialEq, Eq)]
pub(super) enum Flow {
    Go,
    /// `\q`: stop reading every file.
    Quit,
}

/// The meta-commands cruddur-db runs.
const RUNS: &[&str] = &[
    "echo",
    "qecho",
    "warn",
    "i",
    "include",
    "ir",
    "include_relative",
    "set",
    "unset",
    "if",
    "elif",
    "else",
    "endif",
    "gexec",
    "gset",
    "g",
    "copy",
    "cd",
    "c",
    "connect",
    "q",
    "quit",
    "encoding",
    "restrict",
    "unrestrict",
];

/// The meta-commands that send the query buffer, as a `;` would, and read its rows.
pub(in crate::script) const SENDS_QUERY: &[&str] = &["g", "gexec", "gset"];

/// Meta-commands that only change how psql displays results, which a load never shows: real
/// dumps and seed files carry them, and they change nothing that is loaded.
const DISPLAY_ONLY: &[&str] = &[
    "pset", "x", "timing", "t", "a", "f", "C", "H", "T", "conninfo",
];

/// Why the ones psql has and we refuse are refused, and what to do instead.
fn refusal(name: &str) -> (&'static str, &'static str) {
    match name {
        "o" | "out" => (
            "sends query output to a file or command",
            "cruddur-db prints no query results; remove the line, or run the file with `cruddur-db connect -- -f FILE`",
        ),
        "!" | "setenv" | "getenv" => (
            "runs or changes the shell",
            "do it in the script that calls cruddur-db",
        ),
        _ => (
            "is a psql command cruddur-db does not run",
            "cruddur-db runs \\echo, \\i, \\ir, \\set, \\unset, \\if/\\elif/\\else/\\endif, \\gexec, \\gset, \\g, \\copy ... from, \\cd, \\connect, \\encoding, \\q and psql's display settings; nothing was sent to the server",
        ),
    }
}

fn is_include(name: &str) -> bool {
    matches!(name, "i" | "include" | "ir" | "include_relative")
}

pub(super) fn meta_error(path: &Path, line: u64, message: &str, hint: &str) -> anyhow::Error {
    Fail::new(Exit::Sql, format!("{}:{line}: {message}", path.display()))
        .hint(hint)
        .into()
}

/// Pass over the rows of a `\copy ... from stdin`, up to `\.`.
pub(super) fn skip_copy_data<R: std::io::BufRead>(source: &mut Source<R>) -> Result<()> {
    source.start_copy();
    while let Some(Item::CopyData(_)) = source.next_item()? {}
    Ok(())
}

/// `\connect DB` to another database. One transaction cannot span two databases, and one
/// file loads into the database it was pointed at.
fn switch_refused(path: &Path, line: u64, name: &str, other: &str, current: &str) -> anyhow::Error {
    let hint = "a file that switches databases cannot run in one transaction: run it with --no-transaction (it then switches, as psql does), or load the part for that database separately with --url";
    meta_error(
        path,
        line,
        &format!(
            "\\{name} {other}: this file switches to another database than {current}; nothing was sent"
        ),
        hint,
    )
}

/// `\set NAME [VALUE...]`: the values joined, as psql joins them.
fn set(vars: &Shared, meta: &MetaCommand, path: &Path) -> Result<()> {
    let Some(name) = meta.args.first() else {
        return Ok(());
    };
    if !vars::is_name(name) {
        return Err(meta_error(
            path,
            meta.position.line,
            &format!("\\set: invalid variable name {name:?}"),
            "variable names are letters, digits and _",
        ));
    }
    vars.lock().set(name, &meta.args[1..].concat());
    Ok(())
}

fn unset(vars: &Shared, meta: &MetaCommand) {
    if let Some(name) = meta.args.first() {
        vars.lock().unset(name);
    }
}

/// `\encoding NAME`: the lines after it are read in that encoding (the session stays UTF8).
fn set_encoding(vars: &Shared, meta: &MetaCommand, path: &Path) -> Result<()> {
    let Some(name) = meta.args.first() else {
        return Ok(());
    };
    let decoder = super::encoding::by_pg_name(name).ok_or_else(|| {
        meta_error(
            path,
            meta.position.line,
            &format!("\\encoding {name}: not an encoding cruddur-db can read"),
            "convert the file to UTF-8 (iconv -f ENCODING -t UTF-8)",
        )
    })?;
    vars.lock().encoding = decoder;
    Ok(())
}

/// `\\cd [DIR]`: DIR from `cwd`, or `home` without one, as psql does.
fn change_dir(cwd: &Path, home: Option<&Path>, meta: &MetaCommand, path: &Path) -> Result<PathBuf> {
    let target = match meta.args.first() {
        Some(dir) => cwd.join(dir),
        None => home.unwrap_or(cwd).to_path_buf(),
    };
    if !target.is_dir() {
        return Err(meta_error(
            path,
            meta.position.line,
            &format!("\\cd {}: no such directory", target.display()),
            "\\cd is relative to the directory cruddur-db runs in (or the last \\cd)",
        ));
    }
    Ok(target)
}

fn copy_of(meta: &MetaCommand, cwd: &Path, path: &Path) -> Result<SlashCopy> {
    let line = meta.position.line;
    let copy = slash_copy::parse(&meta.raw, cwd).map_err(|why| {
        meta_error(
            path,
            line,
            &why,
            "write it as \\copy TABLE [(COLUMNS)] FROM 'FILE' [WITH (FORMAT csv, HEADER)]",
        )
    })?;
    if let slash_copy::From::File(file) = &copy.from
        && file.is_dir()
    {
        return Err(meta_error(
            path,
            line,
            &format!("\\copy: {} is a directory", file.display()),
            "name the data file inside it",
        ));
    }
    if let slash_copy::From::File(file) = &copy.from
        && !file.exists()
    {
        return Err(meta_error(
            path,
            line,
            &format!("\\copy: {} does not exist", file.display()),
            "\\copy reads files relative to the directory cruddur-db runs in (or the last \\cd), as psql does",
        ));
    }
    Ok(copy)
}

/// The database a `\connect` names: its first argument that is not an option, a plain name
/// (psql drops a trailing `;`) or pg_dump's `dbname='NAME'`; `-` and none keep the current one.
pub(super) fn connect_target(meta: &MetaCommand) -> Option<String> {
    // Options (`-reuse-previous=on`) start with `-`; a lone `-` is "the same database".
    let arg = meta
        .args
        .iter()
        .find(|arg| *arg == "-" || !arg.starts_with('-'))?;
    let arg = arg.trim_end_matches(';');
    let name = match arg.split_once("dbname=") {
        Some((_, rest)) => rest
            .split_whitespace()
            .next()
            .unwrap_or("")
            .trim_matches('\'')
            .replace("\\'", "'"),
        None => arg.to_string(),
    };
    (!name.is_empty() && name != "-").then_some(name)
}

pub(super) fn include_target(
    meta: &MetaCommand,
    path: &Path,
    cwd: &Path,
    depth: usize,
) -> Result<PathBuf> {
    let line = meta.position.line;
    if depth >= MAX_INCLUDE_DEPTH {
        return Err(meta_error(
            path,
            line,
            "includes nest too deeply (does a file include itself?)",
            "remove the include cycle",
        ));
    }
    let Some(target) = meta.args.first() else {
        return Err(meta_error(
            path,
            line,
            &format!("\\{} needs a file name", meta.name),
            "write the file to include after it",
        ));
    };
    let target = if meta.name.starts_with("ir") || meta.name == "include_relative" {
        path.parent().unwrap_or(Path::new(".")).join(target)
    } else {
        cwd.join(target)
    };
    if !target.is_file() {
        return Err(meta_error(
            path,
            line,
            &format!("\\{} {}: no such file", meta.name, target.display()),
            "\\i is relative to the current directory (or the last \\cd), \\ir to the including file",
        ));
    }
    Ok(target)
}

/// `\gset`'s effect of one row: each value into variable PREFIX + column; NULL unsets it.
pub(super) fn gset_row(vars: &Shared, columns: &[String], row: &[Option<String>], prefix: &str) {
    let mut vars = vars.lock();
    for (column, value) in columns.iter().zip(row) {
        let name = format!("{prefix}{column}");
        match value {
            Some(value) => vars.set(&name, value),
            None => vars.unset(&name),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::script::lexer::{Token, tokens};

    fn meta(line: &str) -> MetaCommand {
        match tokens(line).into_iter().next() {
            Some(Token::Meta(meta)) => meta,
            other => panic!("{line:?} is no meta-command: {other:?}"),
        }
    }

    #[test]
    fn connect_names_its_database_as_psql_reads_it() {
        assert_eq!(
            connect_target(&meta("\\c cruddur\n")),
            Some("cruddur".into())
        );
        assert_eq!(
            connect_target(&meta("\\connect cruddur;\n")),
            Some("cruddur".into())
        );
        assert_eq!(
            connect_target(&meta("\\c -reuse-previous=on other\n")),
            Some("other".into())
        );
        assert_eq!(
            connect_target(&meta("\\connect \"dbname='it\\'s'\"\n")),
            Some("it's".into())
        );
        assert_eq!(connect_target(&meta("\\c -\n")), None);
        assert_eq!(connect_target(&meta("\\c\n")), None);
    }

    #[test]
    fn set_joins_its_values_and_unset_forgets() {
        let vars = Shared::new([]);
        set(
            &vars,
            &meta("\\set greeting hello ' ' world\n"),
            Path::new("f.sql"),
        )
        .unwrap();
        assert_eq!(vars.lock().get("greeting"), Some("hello world"));
        unset(&vars, &meta("\\unset greeting\n"));
        assert_eq!(vars.lock().get("greeting"), None);
        let err = set(&vars, &meta("\\set 1-bad x\n"), Path::new("f.sql")).unwrap_err();
        assert!(format!("{err:#}").contains("f.sql:1: \\set: invalid variable name"));
    }

    #[test]
    fn gset_sets_each_column_under_its_prefix_and_null_unsets() {
        let vars = Shared::new([("p_gone".to_string(), "old".to_string())]);
        let columns = ["id".to_string(), "gone".to_string()];
        gset_row(&vars, &columns, &[Some("7".into()), None], "p_");
        assert_eq!(vars.lock().get("p_id"), Some("7"));
        assert_eq!(vars.lock().get("p_gone"), None);
    }

    #[test]
    fn cd_to_a_missing_directory_is_refused_with_its_line() {
        let err = change_dir(
            Path::new("/"),
            None,
            &meta("\\cd no-such-dir-here\n"),
            Path::new("f.sql"),
        )
        .unwrap_err();
        assert!(format!("{err:#}").contains("f.sql:1: \\cd /no-such-dir-here: no such directory"));
        assert_eq!(
            change_dir(
                Path::new("/"),
                None,
                &meta("\\cd tmp\n"),
                Path::new("f.sql")
            )
            .unwrap(),
            PathBuf::from("/tmp")
        );
        let home = Path::new("/tmp");
        assert_eq!(
            change_dir(
                Path::new("/"),
                Some(home),
                &meta("\\cd\n"),
                Path::new("f.sql")
            )
            .unwrap(),
            PathBuf::from("/tmp")
        );
    }

    #[test]
    fn copy_from_a_directory_or_a_missing_file_is_refused_before_it_runs() {
        let dir = std::env::temp_dir();
        let err = copy_of(&meta("\\copy t from '.'\n"), &dir, Path::new("f.sql")).unwrap_err();
        assert!(format!("{err:#}").contains("is a directory"));
        let err = copy_of(
            &meta("\\copy t from 'no-such.csv'\n"),
            &dir,
            Path::new("f.sql"),
        )
        .unwrap_err();
        assert!(format!("{err:#}").contains("does not exist"));
    }
}
