//! The check of a whole file (and what it includes) before anything is sent: unknown
//! meta-commands, missing includes and `\\copy` files, unbalanced `\\if`, database switches
//! a transaction cannot make.

use std::path::PathBuf;

use anyhow::Result;

use super::super::slash_copy::{self};
use super::super::source::{Item, Source};
use super::super::vars::Shared;
use super::*;

/// What a file may not do, found before anything is sent: an unknown meta-command, a missing
/// include or `\copy` file, an `\if` without `\endif`, a `\connect` to another database.
pub(in crate::script) struct Check {
    pub vars: Shared,
    pub database: String,
    pub transaction: bool,
    pub cwd: PathBuf,
    pub home: Option<PathBuf>,
}

impl Check {
    pub fn file(
        &mut self,
        source: Source<std::io::BufReader<std::fs::File>>,
        depth: usize,
    ) -> Result<()> {
        let path = source.path().clone();
        let mut source = source;
        let mut open_ifs: Vec<u64> = Vec::new();
        while let Some(item) = source.next_item()? {
            let Item::Meta(meta) = item else { continue };
            let line = meta.position.line;
            let name = meta.name.as_str();
            match name {
                _ if DISPLAY_ONLY.contains(&name) => {}
                _ if !RUNS.contains(&name) => {
                    let (what, hint) = refusal(name);
                    return Err(meta_error(&path, line, &format!("\\{name} {what}"), hint));
                }
                "if" => open_ifs.push(line),
                "endif" => {
                    open_ifs.pop().ok_or_else(|| {
                        meta_error(
                            &path,
                            line,
                            "\\endif without a matching \\if",
                            "remove it, or add the \\if it closes",
                        )
                    })?;
                }
                "elif" | "else" if open_ifs.is_empty() => {
                    return Err(meta_error(
                        &path,
                        line,
                        &format!("\\{name} without a matching \\if"),
                        "add the \\if it belongs to",
                    ));
                }
                "set" => set(&self.vars, &meta, &path)?,
                "unset" => unset(&self.vars, &meta),
                "cd" => self.cwd = change_dir(&self.cwd, self.home.as_deref(), &meta, &path)?,
                "encoding" => set_encoding(&self.vars, &meta, &path)?,
                "copy" if copy_of(&meta, &self.cwd, &path)?.from == slash_copy::From::Inline => {
                    skip_copy_data(&mut source)?;
                }
                "g" if !meta.args.is_empty() => {
                    return Err(meta_error(
                        &path,
                        line,
                        "\\g FILE sends query output to a file",
                        "cruddur-db prints no query results; end the query with ; instead",
                    ));
                }
                "c" | "connect" => {
                    if let Some(other) = connect_target(&meta).filter(|db| *db != self.database) {
                        if self.transaction {
                            return Err(switch_refused(&path, line, name, &other, &self.database));
                        }
                        self.database = other;
                    }
                }
                _ if is_include(name) => {
                    let target = include_target(&meta, &path, &self.cwd, depth)?;
                    self.file(Source::open(&target)?.lexing(self.vars.clone()), depth + 1)?;
                }
                _ => {}
            }
        }
        if let Some(line) = open_ifs.last() {
            return Err(meta_error(
                &path,
                *line,
                "this \\if has no \\endif before the end of the file",
                "close it with \\endif in the same file",
            ));
        }
        Ok(())
    }
}
