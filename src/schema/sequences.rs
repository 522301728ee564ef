//! Sequences (their options, altered in place) and which column owns each: the ownership is an
//! object of its own, made once both the sequence and its table exist. Identity columns'
//! sequences belong to their column (see `tables`).

use anyhow::Result;

use super::catalog::{Reader, USER_NAMESPACE, catalogs, not_extension_member};
use super::diff::Alter;
use super::{Detail, Kind, Object, Schema};

/// What `CREATE SEQUENCE` and an identity column's options say.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Options {
    pub data_type: String,
    pub start: i64,
    pub increment: i64,
    pub min: i64,
    pub max: i64,
    pub cache: i64,
    pub cycle: bool,
}

impl Options {
    /// `START WITH ... INCREMENT BY ... MINVALUE ... MAXVALUE ... CACHE ... [NO] CYCLE`.
    pub fn clauses(&self) -> String {
        format!(
            "START WITH {} INCREMENT BY {} MINVALUE {} MAXVALUE {} CACHE {}{}",
            self.start,
            self.increment,
            self.min,
            self.max,
            self.cache,
            if self.cycle { " CYCLE" } else { " NO CYCLE" }
        )
    }

    pub fn from_row(row: &tokio_postgres::Row, first: usize) -> Option<Options> {
        Some(Options {
            data_type: row.get::<_, Option<String>>(first)?,
            start: row.get(first + 1),
            increment: row.get(first + 2),
            min: row.get(first + 3),
            max: row.get(first + 4),
            cache: row.get(first + 5),
            cycle: row.get(first + 6),
        })
    }
}

/// The columns of `pg_sequence` that [`Options::from_row`] reads, for sequence `s`.
pub const OPTION_COLUMNS: &str = "pg_catalog.format_type(s.seqtypid, NULL), s.seqstart, s.seqincrement, s.seqmin, s.seqmax, s.seqcache, s.seqcycle";

pub async fn read(r: &Reader<'_>, schema: &mut Schema) -> Result<()> {
    let sql = format!(
        "SELECT c.oid, pg_catalog.format('%I.%I', n.nspname, c.relname), {OPTION_COLUMNS},
                (SELECT pg_catalog.format('%s.%I', d.refobjid::pg_catalog.regclass, a.attname)
                   FROM pg_catalog.pg_depend d
                   JOIN pg_catalog.pg_attribute a ON a.attrelid = d.refobjid AND a.attnum = d.refobjsubid
                  WHERE d.classid = 'pg_catalog.pg_class'::pg_catalog.regclass AND d.objid = c.oid
                    AND d.refclassid = 'pg_catalog.pg_class'::pg_catalog.regclass AND d.deptype = 'a' AND d.refobjsubid > 0),
                (SELECT d.refobjid FROM pg_catalog.pg_depend d
                  WHERE d.classid = 'pg_catalog.pg_class'::pg_catalog.regclass AND d.objid = c.oid
                    AND d.refclassid = 'pg_catalog.pg_class'::pg_catalog.regclass AND d.deptype = 'a' AND d.refobjsubid > 0)
           FROM pg_catalog.pg_sequence s
           JOIN pg_catalog.pg_class c ON c.oid = s.seqrelid
           JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
          WHERE {USER_NAMESPACE} AND {}
            AND NOT EXISTS (SELECT FROM pg_catalog.pg_depend d WHERE d.classid = 'pg_catalog.pg_class'::pg_catalog.regclass
                               AND d.objid = c.oid AND d.deptype = 'i')",
        not_extension_member("pg_class", "c.oid")
    );
    for row in r.query("sequences", &sql).await? {
        let name: String = row.get(1);
        let options = Options::from_row(&row, 2).expect("a sequence has a type");
        let address = (catalogs::CLASS, row.get(0));
        if let (Some(column), Some(table)) = (
            row.get::<_, Option<String>>(9),
            row.get::<_, Option<u32>>(10),
        ) {
            schema.objects.push(
                Object::new(
                    Kind::SequenceOwner,
                    name.clone(),
                    format!("ALTER SEQUENCE {name} OWNED BY {column};"),
                    format!("ALTER SEQUENCE {name} OWNED BY NONE;"),
                    (0, row.get(0)),
                )
                .after(address)
                .after((catalogs::CLASS, table)),
            );
        }
        schema.objects.push(
            Object::new(
                Kind::Sequence,
                name.clone(),
                format!(
                    "CREATE SEQUENCE {name} AS {} {};",
                    options.data_type,
                    options.clauses()
                ),
                format!("DROP SEQUENCE {name};"),
                address,
            )
            .named("SEQUENCE")
            .with(Detail::Sequence(options)),
        );
    }
    Ok(())
}

/// A sequence's options change in place (its current value stays); so does its owner.
pub fn alter(new: &Object) -> Alter {
    match &new.detail {
        Detail::Sequence(options) => Alter::Steps(vec![format!(
            "ALTER SEQUENCE {} AS {} {};",
            new.name,
            options.data_type,
            options.clauses()
        )]),
        _ => Alter::Steps(vec![new.create.clone()]),
    }
}
