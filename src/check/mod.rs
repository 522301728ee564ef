//! `check`: the application's query files, each statement prepared against a schema (never
//! executed), as `sqlx prepare` and `sqlc vet` ask the server. Placeholders are rewritten as the
//! application's driver would (`placeholders`), files are found and split into statements
//! (`files`), each statement is parsed and described by the server inside a read-only
//! transaction that is rolled back (`prepare`), and an unknown name gets the closest one that
//! exists (`suggest`).

pub mod files;
pub mod placeholders;
pub mod prepare;
mod render;
mod suggest;

use serde::Serialize;

pub use self::render::render;

/// What the server says of one query: it prepares, with these parameters and columns, or it
/// does not, and why.
#[derive(Debug, Clone, Serialize)]
pub struct Outcome {
    /// The file, as the user names it (relative to the current directory when inside it).
    pub file: String,
    /// The line the statement starts on.
    pub line: u64,
    pub ok: bool,
    pub error: Option<Problem>,
    /// What is wrong that does not stop it preparing (`COMMIT` in a query file).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub warning: Option<String>,
    pub params: Vec<Param>,
    pub columns: Vec<Column>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Problem {
    pub message: String,
    /// Where in the file: line and column (characters, 1-based).
    pub line: u64,
    pub column: u64,
    /// The SQLSTATE, when the server gave one (none for a placeholder the driver refuses).
    pub sqlstate: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hint: Option<String>,
    /// The closest name that exists, for an unknown column, table or function.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub did_you_mean: Option<String>,
    /// The line of the file it is on, for showing it, and how many characters of it are
    /// wrong (0: the name that starts there).
    #[serde(skip)]
    pub source_line: String,
    #[serde(skip)]
    pub width: usize,
}

/// A parameter as the application binds it, and the type the server inferred for it.
#[derive(Debug, Clone, Serialize)]
pub struct Param {
    pub name: String,
    #[serde(rename = "type")]
    pub type_: String,
}

/// A column of the result, with its type and whether it may be NULL (`None`: the catalogs
/// cannot tell).
#[derive(Debug, Clone, Serialize)]
pub struct Column {
    pub name: String,
    #[serde(rename = "type")]
    pub type_: String,
    pub nullable: Option<bool>,
}

impl Outcome {
    /// One line for a query that prepares: `file:line  (params) -> columns`.
    pub fn summary(&self) -> String {
        let params: Vec<String> = self
            .params
            .iter()
            .map(|p| format!("{} {}", p.name, p.type_))
            .collect();
        let columns: Vec<String> = self
            .columns
            .iter()
            .map(|c| {
                let null = match c.nullable {
                    Some(false) => " not null",
                    _ => "",
                };
                format!("{} {}{null}", c.name, c.type_)
            })
            .collect();
        let mut line = format!("{}:{}", self.file, self.line);
        if !params.is_empty() {
            line.push_str(&format!("  ({})", params.join(", ")));
        }
        if !columns.is_empty() {
            line.push_str(&format!("  -> {}", columns.join(", ")));
        }
        line
    }
}
