//! Schema as code: a database's schema read from its catalogs (`catalog`, which asks one file
//! per object family), put in dependency order (`order`), written out as a SQL file (`dump`),
//! and compared with another into the SQL that turns one into the other (`diff`, `plan`).
//! `source` finds the schemas to compare. A new kind of object is one new family file: its
//! catalog query, what its `CREATE` says, and how `diff` changes it in place.

pub mod catalog;
mod column_changes;
mod columns;
mod comments;
pub mod diff;
pub mod drift;
pub mod dump;
mod hazards;
mod indexes;
mod namespaces;
mod operators;
pub mod order;
mod partitions;
pub mod plan;
mod privileges;
mod publications;
mod routines;
pub mod schema_file;
mod sequences;
pub mod source;
mod tables;
mod triggers;
mod types;
mod unsupported;
mod views;

use std::collections::{BTreeMap, HashMap, HashSet};

use serde::Serialize;

pub use self::order::Address;
pub use self::privileges::Privilege;

/// What kind of object, in the order a dump creates them when nothing else decides.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    Schema,
    Extension,
    Collation,
    Type,
    Domain,
    Function,
    Aggregate,
    Operator,
    OperatorFamily,
    OperatorClass,
    Cast,
    Sequence,
    Table,
    View,
    MaterializedView,
    SequenceOwner,
    Constraint,
    Index,
    ReplicaIdentity,
    Statistics,
    ForeignKey,
    Trigger,
    Rule,
    Policy,
    Publication,
    DefaultPrivileges,
    EventTrigger,
}

impl Kind {
    /// How the kind reads in messages and summaries.
    pub fn label(self) -> &'static str {
        match self {
            Kind::Schema => "schema",
            Kind::Extension => "extension",
            Kind::Collation => "collation",
            Kind::Type => "type",
            Kind::Domain => "domain",
            Kind::Function => "function",
            Kind::Aggregate => "aggregate",
            Kind::Operator => "operator",
            Kind::OperatorFamily => "operator family",
            Kind::OperatorClass => "operator class",
            Kind::Cast => "cast",
            Kind::Sequence => "sequence",
            Kind::Table => "table",
            Kind::View => "view",
            Kind::MaterializedView => "materialized view",
            Kind::SequenceOwner => "sequence owner",
            Kind::Constraint => "constraint",
            Kind::Index => "index",
            Kind::ReplicaIdentity => "replica identity",
            Kind::Statistics => "statistics",
            Kind::ForeignKey => "foreign key",
            Kind::Trigger => "trigger",
            Kind::Rule => "rule",
            Kind::Policy => "policy",
            Kind::Publication => "publication",
            Kind::DefaultPrivileges => "default privileges",
            Kind::EventTrigger => "event trigger",
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
    /// What `COMMENT ON`, `ALTER ... OWNER TO` and `SECURITY LABEL ON` call it:
    /// `TABLE public.users`, `FUNCTION public.touch()`; empty for what has no such name.
    pub target: String,
    /// The statements that create it, each ending in `;`.
    pub create: String,
    /// The statement that drops it, ending in `;`.
    pub drop: String,
    /// Its comments (and, for a table or view, its columns'): what `COMMENT ON` names, and
    /// the text.
    pub comments: Vec<(String, String)>,
    /// Security labels: what `SECURITY LABEL ON` names, the provider, and the label.
    pub labels: Vec<(String, String, String)>,
    /// Its owner, quoted (written only with `--owners`).
    pub owner: Option<String>,
    /// How its privileges differ from those it is created with (written only with
    /// `--privileges`).
    pub privileges: Vec<Privilege>,
    /// Where the catalogs keep it in the database it was read from: (catalog, oid).
    pub address: Address,
    /// What `diff` compares beyond the text of `create`.
    pub detail: Detail,
    /// Objects it must come after that `pg_depend` does not name (an ownership after its
    /// sequence and table, a replica identity after its index), by address.
    pub needs: Vec<Address>,
}

impl Object {
    /// An object with no comments, owner, privileges or details yet.
    pub fn new(kind: Kind, name: String, create: String, drop: String, address: Address) -> Object {
        Object {
            kind,
            name,
            table: None,
            target: String::new(),
            create,
            drop,
            comments: Vec::new(),
            labels: Vec::new(),
            owner: None,
            privileges: Vec::new(),
            address,
            detail: Detail::None,
            needs: Vec::new(),
        }
    }

    /// The same, named `{keyword} {name}` in `COMMENT ON` and `ALTER ... OWNER TO`.
    pub fn named(mut self, keyword: &str) -> Object {
        self.target = format!("{keyword} {}", self.name);
        self
    }

    /// An object that belongs to table `table` and is named `{keyword} {name} ON {table}`
    /// (a constraint, trigger, rule or policy).
    pub fn of_table(
        kind: Kind,
        (table, name): (&str, &str),
        keyword: &str,
        (create, drop): (String, String),
        address: Address,
    ) -> Object {
        let mut object =
            Object::new(kind, format!("{table}.{name}"), create, drop, address).on(table);
        object.target = format!("{keyword} {name} ON {table}");
        object
    }

    /// The same, on table `table`.
    pub fn on(mut self, table: &str) -> Object {
        self.table = Some(table.to_string());
        self
    }

    pub fn with(mut self, detail: Detail) -> Object {
        self.detail = detail;
        self
    }

    /// The same, created after the object at `address`.
    pub fn after(mut self, address: Address) -> Object {
        self.needs.push(address);
        self
    }
}

/// What `diff` needs to know of an object beyond the text that creates it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum Detail {
    #[default]
    None,
    /// An enum's labels, as quoted literals, in order.
    Enum(Vec<String>),
    /// A composite type's attributes: name and type (with any collation).
    Composite(Vec<(String, String)>),
    Domain(types::Domain),
    /// A function or procedure: what it returns (`None` for a procedure) and its arguments
    /// as `pg_get_function_arguments` writes them (names and defaults included).
    Routine {
        returns: Option<String>,
        arguments: String,
    },
    Extension(namespaces::Extension),
    Sequence(sequences::Options),
    Publication(publications::Publication),
}

/// A column of a table, for comparing tables column by column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Column {
    pub name: String,
    /// `format_type`: `integer`, `character varying(255)`, `public.mood`.
    pub data_type: String,
    /// The type without its modifier (`character varying`), as casts name it.
    pub type_name: String,
    pub collation: Option<String>,
    pub default: Option<String>,
    pub not_null: bool,
    /// The name of its NOT NULL constraint when PostgreSQL 18 would not give it that name.
    pub not_null_name: Option<String>,
    pub identity: Option<Identity>,
    /// The expression of a stored generated column.
    pub generated: Option<String>,
    pub comment: Option<String>,
    /// `SET STATISTICS`, when set.
    pub statistics: Option<i32>,
    /// `SET STORAGE`: the column's, and what it gets when created (its type's, or its parent's).
    pub storage: (char, char),
    /// `SET COMPRESSION` (14+): the column's, and what it gets when created.
    pub compression: (char, char),
    /// `SET (n_distinct = ...)` and the other attribute options.
    pub options: Vec<String>,
    /// Declared by the table itself (not only inherited from a parent).
    pub local: bool,
    /// What it has from its (first) parent, when it is inherited (or a partition's).
    pub inherited: Option<Inherited>,
}

/// What an inherited column is created with: its parent's default and NOT NULL.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Inherited {
    pub default: Option<String>,
    pub not_null: bool,
}

/// An identity column's sequence: its name and options.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Identity {
    /// `ALWAYS` or `BY DEFAULT`.
    pub how: &'static str,
    pub sequence: String,
    pub options: sequences::Options,
}

impl Column {
    /// The column as `CREATE TABLE` and `ADD COLUMN` write it.
    pub fn definition(&self) -> String {
        let mut sql = format!("{} {}", self.name, self.data_type);
        if let Some(collation) = &self.collation {
            sql.push_str(&format!(" COLLATE {collation}"));
        }
        if let Some(identity) = &self.identity {
            sql.push_str(&format!(
                " GENERATED {} AS IDENTITY (SEQUENCE NAME {} {})",
                identity.how,
                identity.sequence,
                identity.options.clauses()
            ));
        }
        if let Some(expression) = &self.generated {
            sql.push_str(&format!(" GENERATED ALWAYS AS ({expression}) STORED"));
        } else if let Some(default) = &self.default {
            sql.push_str(&format!(" DEFAULT {default}"));
        }
        if self.not_null {
            if let Some(name) = &self.not_null_name {
                sql.push_str(&format!(" CONSTRAINT {name}"));
            }
            sql.push_str(" NOT NULL");
        }
        sql
    }
}

/// A table's parts that `diff` compares one by one.
#[derive(Debug, Clone, Default)]
pub struct Table {
    pub columns: Vec<Column>,
    pub unlogged: bool,
    /// `PARTITION BY ...` of a partitioned table.
    pub partition_key: Option<String>,
    /// The parent and bound of a partition.
    pub partition_of: Option<(String, String)>,
    /// What a partition's bound lets it hold, as a condition on its columns
    /// (`pg_get_partition_constraintdef`): a CHECK of it, validated first, spares `ATTACH
    /// PARTITION` its scan, and it counts the rows a moved bound leaves out.
    pub bound_check: Option<String>,
    /// A partition whose columns come in another order than its parent's.
    pub own_order: bool,
    /// The parents of a table that inherits (outside partitioning), in order.
    pub inherits: Vec<String>,
    /// Storage parameters (`fillfactor=70`), and those of its TOAST table.
    pub options: Vec<String>,
    pub toast_options: Vec<String>,
    pub row_security: Option<&'static str>,
    /// Whether it holds rows (checked only where a plan needs to know).
    pub populated: bool,
    /// Its size on disk with its TOAST table, read with `populated`: what a plan's phase
    /// headers and hazards estimate a scan or an index build from.
    pub bytes: u64,
}

/// What a type is, for deciding how a column changes from one type to another.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TypeFacts {
    /// `pg_type.typcategory`: `S` string, `E` enum, `N` numeric...
    pub category: char,
    /// The base type of a domain.
    pub base: Option<String>,
}

/// A database's schema: its objects in dependency order (what a dump writes, top to bottom),
/// the tables' columns, and which object depends on which.
#[derive(Debug, Default)]
pub struct Schema {
    pub objects: Vec<Object>,
    pub tables: BTreeMap<String, Table>,
    /// `(dependent, referenced)` positions in `objects`.
    pub depends: Vec<(usize, usize)>,
    /// `(table, column, referenced)`: a column default or generated expression that uses an
    /// object (a function, a sequence, a type), by positions in `objects`.
    pub column_uses: Vec<(usize, String, usize)>,
    /// `(reader, table, column)`: what reads one column of a table (an index, a constraint,
    /// a view), by positions in `objects`.
    pub column_readers: Vec<(usize, usize, String)>,
    /// The casts between types (`(source, target)` as `format_type` names them), built in and
    /// the schema's own.
    pub casts: HashSet<(String, String)>,
    /// The types the columns use, by name.
    pub types: HashMap<String, TypeFacts>,
    /// The server's `server_version_num`: what a plan may use (`DETACH ... CONCURRENTLY`).
    pub version: u32,
}

impl From<&crate::cli::Extent> for Options {
    /// What `--owners` and `--privileges` ask for.
    fn from(extent: &crate::cli::Extent) -> Options {
        Options {
            owners: extent.owners,
            privileges: extent.privileges,
        }
    }
}

/// `COMMENT ON {target} IS '...';`, or `IS NULL` to remove it.
pub fn comment_sql(target: &str, text: Option<&str>) -> String {
    let text = text.map_or(
        "NULL".to_string(),
        postgres_protocol::escape::escape_literal,
    );
    format!("COMMENT ON {target} IS {text};")
}

/// `SECURITY LABEL FOR {provider} ON {target} IS '...';`, or `IS NULL` to remove it.
pub fn label_sql(target: &str, provider: &str, label: Option<&str>) -> String {
    let label = label.map_or(
        "NULL".to_string(),
        postgres_protocol::escape::escape_literal,
    );
    format!("SECURITY LABEL FOR {provider} ON {target} IS {label};")
}

impl Schema {
    /// The object of this kind and name.
    pub fn find(&self, kind: Kind, name: &str) -> Option<usize> {
        self.objects
            .iter()
            .position(|o| o.kind == kind && o.name == name)
    }
}

/// What a dump writes and a diff compares beyond the schema itself: off by default, so that a
/// dump stays portable between servers whose roles differ (as Rails' structure.sql and
/// dbmate's dump are).
#[derive(Debug, Clone, Copy, Default)]
pub struct Options {
    /// `ALTER ... OWNER TO`.
    pub owners: bool,
    /// `GRANT`, `REVOKE` and `ALTER DEFAULT PRIVILEGES`.
    pub privileges: bool,
}
