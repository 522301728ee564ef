//! Schema as code: a database's schema read from its catalogs (`catalog`), put in dependency
//! order (`order`), written out as a SQL file (`dump`), and compared with another into the SQL
//! that turns one into the other (`diff`, `plan`). `source` finds the schemas to compare.

pub mod catalog;
pub mod diff;
pub mod dump;
pub mod order;
pub mod plan;
pub mod source;

use std::collections::BTreeMap;

use serde::Serialize;

/// What kind of object, in the order a dump creates them when nothing else decides.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    Schema,
    Extension,
    Type,
    Domain,
    Sequence,
    Table,
    Function,
    View,
    MaterializedView,
    SequenceOwner,
    Constraint,
    Index,
    ForeignKey,
    Trigger,
    Policy,
}

impl Kind {
    /// How the kind reads in messages and summaries.
    pub fn label(self) -> &'static str {
        match self {
            Kind::Schema => "schema",
            Kind::Extension => "extension",
            Kind::Type => "type",
            Kind::Domain => "domain",
            Kind::Sequence => "sequence",
            Kind::Table => "table",
            Kind::Function => "function",
            Kind::View => "view",
            Kind::MaterializedView => "materialized view",
            Kind::SequenceOwner => "sequence owner",
            Kind::Constraint => "constraint",
            Kind::Index => "index",
            Kind::ForeignKey => "foreign key",
            Kind::Trigger => "trigger",
            Kind::Policy => "policy",
        }
    }
}

/// One object of a schema, as SQL that creates it on an empty database.
#[derive(Debug, Clone)]
pub struct Object {
    pub kind: Kind,
    /// Its name, qualified and quoted as SQL needs it, the same in every database that has it:
    /// `public.users`, `public.touch()`, `public.users.users_pkey` for what belongs to a table.
    pub name: String,
    /// The table (or view) it belongs to, for constraints, indexes, triggers and policies.
    pub table: Option<String>,
    /// The statement that creates it, ending in `;`.
    pub create: String,
    /// The statement that drops it, ending in `;`.
    pub drop: String,
    /// Its comments (and, for a table or view, its columns'): what `COMMENT ON` names, and
    /// the text.
    pub comments: Vec<(String, String)>,
    /// Where the catalogs keep it in the database it was read from: (catalog, oid).
    pub address: (u32, u32),
}

/// A column of a table, for comparing tables column by column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Column {
    pub name: String,
    /// `format_type`: `integer`, `character varying(255)`, `public.mood`.
    pub data_type: String,
    pub collation: Option<String>,
    pub default: Option<String>,
    pub not_null: bool,
    /// `ALWAYS` or `BY DEFAULT` for an identity column.
    pub identity: Option<&'static str>,
    /// The expression of a stored generated column.
    pub generated: Option<String>,
    pub comment: Option<String>,
}

impl Column {
    /// The column as `CREATE TABLE` and `ADD COLUMN` write it.
    pub fn definition(&self) -> String {
        let mut sql = format!("{} {}", self.name, self.data_type);
        if let Some(collation) = &self.collation {
            sql.push_str(&format!(" COLLATE {collation}"));
        }
        if let Some(identity) = self.identity {
            sql.push_str(&format!(" GENERATED {identity} AS IDENTITY"));
        }
        if let Some(expression) = &self.generated {
            sql.push_str(&format!(" GENERATED ALWAYS AS ({expression}) STORED"));
        } else if let Some(default) = &self.default {
            sql.push_str(&format!(" DEFAULT {default}"));
        }
        if self.not_null {
            sql.push_str(" NOT NULL");
        }
        sql
    }
}

/// A table's parts that `diff` compares one by one.
#[derive(Debug, Clone, Default)]
pub struct Table {
    pub columns: Vec<Column>,
    /// What else its `CREATE TABLE` says (`PARTITION BY ...`, `UNLOGGED`, row level security):
    /// a change there is a drop and create.
    pub shape: String,
    pub row_security: Option<&'static str>,
}

/// A database's schema: its objects in dependency order (what a dump writes, top to bottom),
/// the tables' columns, and which object depends on which.
#[derive(Debug, Default)]
pub struct Schema {
    pub objects: Vec<Object>,
    pub tables: BTreeMap<String, Table>,
    /// `(dependent, referenced)` positions in `objects`.
    pub depends: Vec<(usize, usize)>,
    /// Objects the reader saw but does not write, named, for a note (aggregates, ...).
    pub skipped: Vec<String>,
}

/// `COMMENT ON {target} IS '...';`, or `IS NULL` to remove it.
pub fn comment_sql(target: &str, text: Option<&str>) -> String {
    let text = text.map_or(
        "NULL".to_string(),
        postgres_protocol::escape::escape_literal,
    );
    format!("COMMENT ON {target} IS {text};")
}

impl Schema {
    /// The object of this kind and name.
    pub fn find(&self, kind: Kind, name: &str) -> Option<usize> {
        self.objects
            .iter()
            .position(|o| o.kind == kind && o.name == name)
    }
}
