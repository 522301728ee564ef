//! The tables a copy can take, read from a database's catalogs: their columns (type, whether
//! text, length limit, NOT NULL, default, generated, unique), primary keys, and the relations
//! between them: foreign keys, and `relations` from the rules.

use std::collections::BTreeMap;

use anyhow::{Context, Result};
use tokio_postgres::Client;

use crate::db::{PgError, quote_ident};
use crate::schema::catalog::{USER_NAMESPACE, not_extension_member};

#[derive(Debug, Clone)]
pub struct Table {
    /// `schema.table`, unquoted: how every map here is keyed.
    pub name: String,
    /// `"schema"."table"`, for SQL.
    pub sql: String,
    /// A partitioned table: its rows are read through it (never `ONLY`).
    pub partitioned: bool,
    pub columns: Vec<Column>,
    pub primary_key: Vec<String>,
}

impl Table {
    pub fn column(&self, name: &str) -> Option<&Column> {
        self.columns.iter().find(|c| c.name == name)
    }

    /// How a query names its rows: `ONLY` leaves out an inheritance child's, which that
    /// child's own copy takes.
    pub fn from(&self) -> String {
        match self.partitioned {
            true => self.sql.clone(),
            false => format!("ONLY {}", self.sql),
        }
    }

    /// The table as a rule names it: without `public.`.
    pub fn short(&self) -> &str {
        self.name.strip_prefix("public.").unwrap_or(&self.name)
    }
}

#[derive(Debug, Clone)]
pub struct Column {
    pub name: String,
    /// As `format_type` writes it.
    pub data_type: String,
    /// A string type (text, varchar, char, citext, a domain over one): what fakes may fill.
    pub text: bool,
    /// `varchar(n)` / `char(n)`: the most characters a value may have.
    pub max_chars: Option<usize>,
    pub not_null: bool,
    pub has_default: bool,
    /// A stored generated column: the server computes it, nothing is copied into it.
    pub generated: bool,
    /// Unique on its own (a primary key or a unique index without a predicate).
    pub unique: bool,
}

/// One relation: `child.columns` hold values of `parent.parent_columns`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edge {
    pub child: String,
    pub columns: Vec<String>,
    pub parent: String,
    pub parent_columns: Vec<String>,
    /// A foreign key constraint, validated: every child row with its columns set has its
    /// parent. (A relation from the rules, or a key added `NOT VALID`, promises nothing.)
    pub enforced: bool,
}

impl Edge {
    /// The condition that a child row (aliased `c`) references a parent row (aliased `p`).
    pub fn meet(&self) -> String {
        self.columns
            .iter()
            .zip(&self.parent_columns)
            .map(|(c, p)| format!("p.{} = c.{}", quote_ident(p), quote_ident(c)))
            .collect::<Vec<_>>()
            .join(" AND ")
    }
}

impl std::fmt::Display for Edge {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let side = |table: &str, columns: &[String]| {
            let table = table.strip_prefix("public.").unwrap_or(table);
            match columns {
                [one] => format!("{table}.{one}"),
                many => format!("{table}.({})", many.join(", ")),
            }
        };
        write!(
            f,
            "{} -> {}",
            side(&self.child, &self.columns),
            side(&self.parent, &self.parent_columns)
        )
    }
}

#[derive(Debug, Clone, Default)]
pub struct Tables {
    pub tables: BTreeMap<String, Table>,
    pub edges: Vec<Edge>,
}

impl Tables {
    /// The table a rule names: `schema.table`, or `table` in `public`.
    pub fn find(&self, written: &str) -> Option<&Table> {
        let written = written.trim();
        self.tables
            .get(written)
            .or_else(|| self.tables.get(&format!("public.{written}")))
    }
}

/// Read the tables of the database `client` is on (the caller's transaction, if any).
pub async fn read(client: &Client) -> Result<Tables> {
    let not_extension = not_extension_member("pg_class", "c.oid");
    let columns = client
        .query(
            &format!(
                "SELECT n.nspname::text, c.relname::text, c.relkind = 'p', a.attname::text,
                        pg_catalog.format_type(a.atttypid, a.atttypmod), t.typcategory = 'S',
                        CASE WHEN t.typname IN ('varchar', 'bpchar') AND a.atttypmod > 4 THEN a.atttypmod - 4 END,
                        a.attnotnull, a.atthasdef, a.attgenerated <> '',
                        EXISTS (SELECT FROM pg_catalog.pg_index i WHERE i.indrelid = c.oid AND i.indisunique
                                  AND i.indpred IS NULL AND i.indnkeyatts = 1 AND i.indkey[0] = a.attnum),
                        COALESCE(array_position((SELECT i.indkey::int2[] FROM pg_catalog.pg_index i
                                  WHERE i.indrelid = c.oid AND i.indisprimary), a.attnum), -1)
                   FROM pg_catalog.pg_class c
                   JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
                   JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
                   JOIN pg_catalog.pg_type t ON t.oid = a.atttypid
                  WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition AND {USER_NAMESPACE} AND {not_extension}
                    AND (n.nspname, c.relname) <> ('public', 'schema_migrations')
                  ORDER BY 1, 2, a.attnum"
            ),
            &[],
        )
        .await
        .map_err(PgError)
        .context("could not read the tables and their columns")?;
    let mut tables = Tables::default();
    let mut primary: BTreeMap<String, Vec<(i32, String)>> = BTreeMap::new();
    for row in &columns {
        let schema: String = row.get(0);
        let relname: String = row.get(1);
        let name = format!("{schema}.{relname}");
        let table = tables.tables.entry(name.clone()).or_insert_with(|| Table {
            sql: format!("{}.{}", quote_ident(&schema), quote_ident(&relname)),
            name: name.clone(),
            partitioned: row.get(2),
            columns: Vec::new(),
            primary_key: Vec::new(),
        });
        let column: String = row.get(3);
        let position: i32 = row.get(11);
        // int2vector's array starts at 0.
        if position >= 0 {
            primary
                .entry(name)
                .or_default()
                .push((position, column.clone()));
        }
        table.columns.push(Column {
            name: column,
            data_type: row.get(4),
            text: row.get(5),
            max_chars: row.get::<_, Option<i32>>(6).map(|n| n as usize),
            not_null: row.get(7),
            has_default: row.get(8),
            generated: row.get(9),
            unique: row.get(10),
        });
    }
    for (name, mut keys) in primary {
        keys.sort();
        if let Some(table) = tables.tables.get_mut(&name) {
            table.primary_key = keys.into_iter().map(|(_, c)| c).collect();
            if let [only] = table.primary_key.as_slice() {
                let only = only.clone();
                if let Some(column) = table.columns.iter_mut().find(|c| c.name == only) {
                    column.unique = true;
                }
            }
        }
    }
    let keys = client
        .query(
            &format!(
                "SELECT n.nspname::text || '.' || c.relname::text, pn.nspname::text || '.' || p.relname::text,
                        ARRAY(SELECT a.attname::text FROM pg_catalog.unnest(f.conkey) WITH ORDINALITY k(n, o)
                                JOIN pg_catalog.pg_attribute a ON a.attrelid = f.conrelid AND a.attnum = k.n ORDER BY k.o),
                        ARRAY(SELECT a.attname::text FROM pg_catalog.unnest(f.confkey) WITH ORDINALITY k(n, o)
                                JOIN pg_catalog.pg_attribute a ON a.attrelid = f.confrelid AND a.attnum = k.n ORDER BY k.o),
                        f.convalidated
                   FROM pg_catalog.pg_constraint f
                   JOIN pg_catalog.pg_class c ON c.oid = f.conrelid
                   JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
                   JOIN pg_catalog.pg_class p ON p.oid = f.confrelid
                   JOIN pg_catalog.pg_namespace pn ON pn.oid = p.relnamespace
                  WHERE f.contype = 'f' AND f.conparentid = 0 AND NOT c.relispartition AND {USER_NAMESPACE} AND {not_extension}
                  ORDER BY 1, f.conname"
            ),
            &[],
        )
        .await
        .map_err(PgError)
        .context("could not read the foreign keys")?;
    for row in &keys {
        let edge = Edge {
            child: row.get(0),
            parent: row.get(1),
            columns: row.get(2),
            parent_columns: row.get(3),
            enforced: row.get(4),
        };
        if tables.tables.contains_key(&edge.child) && tables.tables.contains_key(&edge.parent) {
            tables.edges.push(edge);
        }
    }
    Ok(tables)
}
