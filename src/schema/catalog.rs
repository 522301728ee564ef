//! Reading a database's schema from its catalogs, the way `pg_dump -s` sees it but without
//! `pg_dump`: every name qualified (the reader runs with an empty `search_path`), definitions
//! from the server's own `pg_get_*def` functions, objects of extensions left to the extension.
//! One read-only transaction with a short `lock_timeout`, a fixed number of queries whatever
//! the schema's size; each object family's query lives in its own file.

use std::collections::{HashMap, HashSet};
use std::sync::Mutex;

use futures_util::try_join;

use anyhow::{Context, Result};
use tokio_postgres::error::SqlState;
use tokio_postgres::{Client, Row};

use super::{
    Schema, TypeFacts, columns, comments, indexes, namespaces, operators, order, privileges,
    publications, routines, sequences, tables, triggers, types, unsupported, views,
};
use crate::db::PgError;
use crate::error::{Exit, Fail};

/// Schemas of the user: not the system's, not temporary ones.
pub const USER_NAMESPACE: &str = "n.nspname !~ '^pg_' AND n.nspname <> 'information_schema'";

/// How long the reader waits for a lock (the server's `pg_get_indexdef` takes one on the
/// table) before it says which session holds it: a dump must not queue behind a migration.
const LOCK_TIMEOUT_MS: u32 = 2000;

/// What the schema is read for: a plan against the database also needs which tables hold
/// rows, which casts the server has and which objects read which column; a dump does not.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    Dump,
    Plan,
}

/// Read the schema of the database `client` is on.
pub async fn read(client: &Client, purpose: Purpose) -> Result<Schema> {
    client
        // No JIT, as pg_dump: compiling the catalog queries' expressions costs more than
        // running them.
        .batch_execute(&format!(
            "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY; SET LOCAL search_path = ''; \
             SET LOCAL lock_timeout = {LOCK_TIMEOUT_MS}; SET LOCAL jit = off"
        ))
        .await
        .map_err(PgError)
        .context("could not start reading the catalogs")?;
    let failure = Mutex::new(None);
    let read = async {
        let version = crate::db::server_version(client).await?;
        Reader {
            client,
            version,
            purpose,
            failure: &failure,
        }
        .all()
        .await
    }
    .await;
    // Rolled back once, whatever happened: a second ROLLBACK draws the server's "there is no
    // transaction in progress" warning.
    let _ = client.batch_execute("ROLLBACK").await;
    // The pipelined queries after a failed one fail too ("current transaction is aborted");
    // which of them surfaces first is chance, so the one that failed first is reported.
    let read = read.map_err(|err| failure.into_inner().unwrap_or(None).unwrap_or(err));
    match read {
        Err(err) => Err(locked_out(client, err).await),
        ok => ok,
    }
}

/// `err`, said as a table locked by another session (naming it) when that is what it is: a
/// read that gave up at its `lock_timeout`. `client` is outside any failed transaction.
pub async fn locked_out(client: &Client, err: anyhow::Error) -> anyhow::Error {
    if PgError::code_in(&err) != Some(&SqlState::LOCK_NOT_AVAILABLE) {
        return err;
    }
    let holders = lock_holders(client).await;
    err.context(
        Fail::new(
            Exit::Failure,
            format!("a table is locked by another session{holders}"),
        )
        .hint("`cruddur-db inspect blocking` shows who holds it; run again once it is released"),
    )
}

/// The sessions that hold or wait for an exclusive table lock, as ` (pid 12 on public.t)`.
async fn lock_holders(client: &Client) -> String {
    let rows = client
        .query(
            "SELECT l.pid, l.relation::regclass::text FROM pg_catalog.pg_locks l
              WHERE l.locktype = 'relation' AND l.mode = 'AccessExclusiveLock'
                AND l.database = (SELECT oid FROM pg_catalog.pg_database WHERE datname = current_database())
              ORDER BY l.granted DESC, 1 LIMIT 5",
            &[],
        )
        .await
        .unwrap_or_default();
    let held: Vec<String> = rows
        .iter()
        .map(|row| {
            format!(
                "pid {} on {}",
                row.get::<_, i32>(0),
                row.get::<_, String>(1)
            )
        })
        .collect();
    match held.is_empty() {
        true => String::new(),
        false => format!(" ({})", held.join(", ")),
    }
}

/// One read of the catalogs: the client inside the reading transaction, and the server's
/// version (`server_version_num`), since the catalogs grew columns over the majors.
pub struct Reader<'a> {
    client: &'a Client,
    pub version: u32,
    purpose: Purpose,
    /// The first query that failed for a reason of its own, not because an earlier one had
    /// aborted the transaction.
    failure: &'a Mutex<Option<anyhow::Error>>,
}

/// `NOT EXISTS` an extension owning the object `oid` of catalog `catalog`: objects of
/// extensions are the extension's to create.
pub fn not_extension_member(catalog: &str, oid: &str) -> String {
    format!(
        "NOT EXISTS (SELECT FROM pg_catalog.pg_depend member_of WHERE member_of.classid = 'pg_catalog.{catalog}'::pg_catalog.regclass AND member_of.objid = {oid} AND member_of.deptype = 'e')"
    )
}

/// `NOT EXISTS` an object that made `oid` of catalog `catalog` along with itself (a range
/// type's constructor functions and casts): those come with their maker.
pub fn not_made_with_another(catalog: &str, oid: &str) -> String {
    format!(
        "NOT EXISTS (SELECT FROM pg_catalog.pg_depend made_with WHERE made_with.classid = 'pg_catalog.{catalog}'::pg_catalog.regclass AND made_with.objid = {oid} AND made_with.deptype = 'i')"
    )
}

impl Reader<'_> {
    pub async fn query(&self, what: &str, sql: &str) -> Result<Vec<Row>> {
        let started = std::time::Instant::now();
        // One round trip: the statement is parsed, bound and run in one go, never prepared.
        let rows = match self.client.query_typed(sql, &[]).await {
            Ok(rows) => rows,
            Err(err) => {
                let aborted = err.code() == Some(&SqlState::IN_FAILED_SQL_TRANSACTION);
                let err = anyhow::Error::new(PgError(err))
                    .context(format!("could not read the {what} from the catalogs"));
                let mut first = self.failure.lock().unwrap_or_else(|e| e.into_inner());
                if aborted || first.is_some() {
                    return Err(err);
                }
                first.replace(err);
                return Err(anyhow::anyhow!(
                    "could not read the {what} from the catalogs"
                ));
            }
        };
        crate::ui::verbose(format_args!(
            "read {} row(s) of {what} in {:.1} ms",
            rows.len(),
            started.elapsed().as_secs_f64() * 1000.0
        ));
        Ok(rows)
    }

    /// Every family's queries go out together, as one pipeline on the connection: the server
    /// runs them one after the other without waiting for the client in between.
    async fn all(&self) -> Result<Schema> {
        let ((), (), columns, (casts, types), edges) = try_join!(
            self.check_catalog_oids(),
            unsupported::refuse(self),
            columns::columns(self),
            self.casts_and_types(),
            self.dependencies(),
        )?;
        let mut parts: [Schema; 10] = Default::default();
        let [a, b, c, d, e, f, g, h, i, j] = &mut parts;
        let (owned, notes, ..) = try_join!(
            privileges::fetch(self),
            comments::fetch(self),
            namespaces::read(self, a),
            types::read(self, &columns, b),
            routines::read(self, c),
            operators::read(self, d),
            sequences::read(self, e),
            tables::read(self, &columns, f),
            views::read(self, &columns, g),
            indexes::read(self, h),
            triggers::read(self, i),
            publications::read(self, j),
        )?;
        let mut schema = Schema {
            casts,
            types,
            version: self.version,
            ..Schema::default()
        };
        for part in parts {
            schema.objects.extend(part.objects);
            schema.tables.extend(part.tables);
        }
        privileges::apply(owned, &mut schema);
        comments::apply(notes, &mut schema);
        order::sort(&mut schema, &edges);
        if self.purpose == Purpose::Plan {
            tables::populated(self, &mut schema).await?;
        }
        Ok(schema)
    }

    /// Every cast the server knows and the types the columns use: what `diff` needs to decide
    /// how a column changes type.
    async fn casts_and_types(
        &self,
    ) -> Result<(HashSet<(String, String)>, HashMap<String, TypeFacts>)> {
        if self.purpose == Purpose::Dump {
            return Ok(Default::default());
        }
        let (casts, types) = try_join!(
            self.query(
                "casts",
                "SELECT pg_catalog.format_type(castsource, NULL), pg_catalog.format_type(casttarget, NULL)
                   FROM pg_catalog.pg_cast",
            ),
            self.query(
                "column types",
                "SELECT pg_catalog.format_type(t.oid, NULL), t.typcategory::text,
                        CASE WHEN t.typtype = 'd' THEN pg_catalog.format_type(t.typbasetype, NULL) END
                   FROM pg_catalog.pg_type t
                  WHERE t.oid IN (SELECT a.atttypid FROM pg_catalog.pg_attribute a
                                    JOIN pg_catalog.pg_class c ON c.oid = a.attrelid
                                   WHERE c.relkind IN ('r', 'p') AND c.relnamespace <> 'pg_catalog'::pg_catalog.regnamespace)",
            ),
        )?;
        let casts = casts.iter().map(|row| (row.get(0), row.get(1))).collect();
        let types = types
            .iter()
            .map(|row| {
                let category: String = row.get(1);
                (
                    row.get(0),
                    TypeFacts {
                        category: category.chars().next().unwrap_or('U'),
                        base: row.get(2),
                    },
                )
            })
            .collect();
        Ok((casts, types))
    }

    /// What depends on what, as catalog addresses, with the addresses of the parts the
    /// catalogs keep apart (a default, a view's rule, a row type, a constraint's index, an
    /// extension's members) mapped to the object they belong to.
    async fn dependencies(&self) -> Result<order::Edges> {
        let depends = self.query(
            "dependencies",
            "SELECT classid, objid, refclassid, refobjid, deptype::text FROM pg_catalog.pg_depend
                  WHERE deptype IN ('n', 'a') AND objid >= 16384 AND refobjid >= 16384",
        );
        let parts = self.query(
                "dependencies",
                "SELECT 'pg_catalog.pg_attrdef'::pg_catalog.regclass::oid, oid, 'pg_catalog.pg_class'::pg_catalog.regclass::oid, adrelid
                   FROM pg_catalog.pg_attrdef WHERE oid >= 16384
                 UNION ALL
                 SELECT 'pg_catalog.pg_rewrite'::pg_catalog.regclass, oid, 'pg_catalog.pg_class'::pg_catalog.regclass, ev_class
                   FROM pg_catalog.pg_rewrite WHERE oid >= 16384 AND rulename = '_RETURN'
                 UNION ALL
                 SELECT 'pg_catalog.pg_type'::pg_catalog.regclass, t.oid, 'pg_catalog.pg_class'::pg_catalog.regclass, t.typrelid
                   FROM pg_catalog.pg_type t JOIN pg_catalog.pg_class c ON c.oid = t.typrelid
                  WHERE t.oid >= 16384 AND c.relkind <> 'c'
                 UNION ALL
                 SELECT 'pg_catalog.pg_class'::pg_catalog.regclass, t.typrelid, 'pg_catalog.pg_type'::pg_catalog.regclass, t.oid
                   FROM pg_catalog.pg_type t JOIN pg_catalog.pg_class c ON c.oid = t.typrelid
                  WHERE t.oid >= 16384 AND c.relkind = 'c'
                 UNION ALL
                 SELECT 'pg_catalog.pg_type'::pg_catalog.regclass, t.typarray, 'pg_catalog.pg_type'::pg_catalog.regclass, t.oid
                   FROM pg_catalog.pg_type t WHERE t.oid >= 16384 AND t.typarray <> 0
                 UNION ALL
                 SELECT 'pg_catalog.pg_class'::pg_catalog.regclass, conindid, 'pg_catalog.pg_constraint'::pg_catalog.regclass, oid
                   FROM pg_catalog.pg_constraint WHERE oid >= 16384 AND contype IN ('p', 'u', 'x') AND conindid <> 0
                 UNION ALL
                 SELECT 'pg_catalog.pg_constraint'::pg_catalog.regclass, oid, 'pg_catalog.pg_type'::pg_catalog.regclass, contypid
                   FROM pg_catalog.pg_constraint WHERE oid >= 16384 AND contypid <> 0
                 UNION ALL
                 SELECT 'pg_catalog.pg_publication_rel'::pg_catalog.regclass, oid, 'pg_catalog.pg_publication'::pg_catalog.regclass, prpubid
                   FROM pg_catalog.pg_publication_rel
                 UNION ALL
                 SELECT d.classid, d.objid, d.refclassid, d.refobjid FROM pg_catalog.pg_depend d
                  WHERE d.objid >= 16384
                    AND (d.deptype = 'e'
                         OR (d.deptype = 'i' AND d.classid = 'pg_catalog.pg_class'::pg_catalog.regclass
                             AND d.refclassid = 'pg_catalog.pg_class'::pg_catalog.regclass)
                         OR (d.deptype IN ('i', 'a') AND d.classid IN ('pg_catalog.pg_amop'::pg_catalog.regclass,
                                                                      'pg_catalog.pg_amproc'::pg_catalog.regclass)))",
            );
        // A column default or generated expression: which column of which table uses what.
        let defaults = self.query(
                "dependencies",
                "SELECT ad.adrelid, pg_catalog.quote_ident(a.attname), d.refclassid, d.refobjid
                   FROM pg_catalog.pg_attrdef ad
                   JOIN pg_catalog.pg_attribute a ON a.attrelid = ad.adrelid AND a.attnum = ad.adnum
                   JOIN pg_catalog.pg_depend d ON d.classid = 'pg_catalog.pg_attrdef'::pg_catalog.regclass AND d.objid = ad.oid
                  WHERE ad.oid >= 16384 AND d.refobjid >= 16384 AND d.deptype = 'n'",
            );
        // What reads one column of a table (an index, a constraint, a view): recreated when
        // the column is dropped and added again.
        let readers = async {
            if self.purpose == Purpose::Dump {
                return Ok(Vec::new());
            }
            self.query(
                "dependencies",
                "SELECT d.classid, d.objid, d.refobjid, pg_catalog.quote_ident(a.attname)
                   FROM pg_catalog.pg_depend d
                   JOIN pg_catalog.pg_attribute a ON a.attrelid = d.refobjid AND a.attnum = d.refobjsubid
                  WHERE d.refclassid = 'pg_catalog.pg_class'::pg_catalog.regclass AND d.refobjsubid > 0
                    AND d.refobjid >= 16384 AND d.deptype IN ('n', 'a', 'i')",
            )
            .await
        };
        let (depends, parts, defaults, readers) = try_join!(depends, parts, defaults, readers)?;
        Ok(order::Edges {
            column_readers: readers
                .iter()
                .map(|r| ((r.get(0), r.get(1)), (catalogs::CLASS, r.get(2)), r.get(3)))
                .collect(),
            depends: depends
                .iter()
                .map(|r| {
                    (
                        (r.get(0), r.get(1)),
                        (r.get(2), r.get(3)),
                        r.get::<_, String>(4) == "a",
                    )
                })
                .collect(),
            parts: parts
                .iter()
                .map(|r| ((r.get(0), r.get(1)), (r.get(2), r.get(3))))
                .collect(),
            column_uses: defaults
                .iter()
                .map(|r| ((catalogs::CLASS, r.get(0)), r.get(1), (r.get(2), r.get(3))))
                .collect(),
        })
    }

    /// The catalogs' own oids are fixed by PostgreSQL's headers; a server that disagreed
    /// would get every dependency wrong, so it is asked once.
    async fn check_catalog_oids(&self) -> Result<()> {
        let pairs: Vec<String> = catalogs::ALL
            .iter()
            .map(|(name, oid)| format!("'pg_catalog.{name}'::pg_catalog.regclass::oid = {oid}"))
            .collect();
        let same: bool = self
            .query("catalog oids", &format!("SELECT {}", pairs.join(" AND ")))
            .await?[0]
            .get(0);
        anyhow::ensure!(
            same,
            "this server's system catalogs have unexpected oids: cruddur-db cannot read its schema"
        );
        Ok(())
    }
}

/// The oids of the system catalogs (`pg_class` is 1259 on every server): catalog addresses
/// are (catalog oid, object oid), as in `pg_depend`.
pub mod catalogs {
    pub const CLASS: u32 = 1259;
    pub const TYPE: u32 = 1247;
    pub const PROC: u32 = 1255;
    pub const NAMESPACE: u32 = 2615;
    pub const CONSTRAINT: u32 = 2606;
    pub const TRIGGER: u32 = 2620;
    pub const REWRITE: u32 = 2618;
    pub const POLICY: u32 = 3256;
    pub const EXTENSION: u32 = 3079;
    pub const COLLATION: u32 = 3456;
    pub const OPERATOR: u32 = 2617;
    pub const OPFAMILY: u32 = 2753;
    pub const OPCLASS: u32 = 2616;
    pub const CAST: u32 = 2605;
    pub const STATISTIC_EXT: u32 = 3381;
    pub const PUBLICATION: u32 = 6104;
    pub const EVENT_TRIGGER: u32 = 3466;
    pub const DEFAULT_ACL: u32 = 826;

    pub const ALL: [(&str, u32); 18] = [
        ("pg_class", CLASS),
        ("pg_type", TYPE),
        ("pg_proc", PROC),
        ("pg_namespace", NAMESPACE),
        ("pg_constraint", CONSTRAINT),
        ("pg_trigger", TRIGGER),
        ("pg_rewrite", REWRITE),
        ("pg_policy", POLICY),
        ("pg_extension", EXTENSION),
        ("pg_collation", COLLATION),
        ("pg_operator", OPERATOR),
        ("pg_opfamily", OPFAMILY),
        ("pg_opclass", OPCLASS),
        ("pg_cast", CAST),
        ("pg_statistic_ext", STATISTIC_EXT),
        ("pg_publication", PUBLICATION),
        ("pg_event_trigger", EVENT_TRIGGER),
        ("pg_default_acl", DEFAULT_ACL),
    ];
}
