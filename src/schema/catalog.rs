//! Reading a database's schema from its catalogs, the way `pg_dump -s` sees it but without
//! `pg_dump`: every name qualified (the reader runs with an empty `search_path`), definitions
//! from the server's own `pg_get_*def` functions, objects of extensions left to the extension.
//! One read-only transaction, a fixed number of queries whatever the schema's size.

use std::collections::BTreeMap;

use anyhow::{Context, Result};
use tokio_postgres::{Client, Row};

use super::{Column, Kind, Object, Schema, Table, order};
use crate::db::PgError;

/// Schemas of the user: not the system's, not temporary ones.
const USER_NAMESPACE: &str = "n.nspname !~ '^pg_' AND n.nspname <> 'information_schema'";

/// Read the schema of the database `client` is on.
pub async fn read(client: &Client) -> Result<Schema> {
    client
        .batch_execute(
            "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY; SET LOCAL search_path = ''",
        )
        .await
        .map_err(PgError)
        .context("could not start reading the catalogs")?;
    let read = Reader { client }.all().await;
    let _ = client.batch_execute("ROLLBACK").await;
    read
}

struct Reader<'a> {
    client: &'a Client,
}

/// `pg_class`, `pg_type`, ... as oids, for catalog addresses.
struct Catalogs {
    class: u32,
    namespace: u32,
    extension: u32,
    type_: u32,
    proc_: u32,
    constraint: u32,
    trigger: u32,
    policy: u32,
}

fn extension_member(catalog: &str, oid: &str) -> String {
    format!(
        "NOT EXISTS (SELECT FROM pg_catalog.pg_depend e WHERE e.classid = 'pg_catalog.{catalog}'::pg_catalog.regclass AND e.objid = {oid} AND e.deptype = 'e')"
    )
}

impl Reader<'_> {
    async fn query(&self, what: &str, sql: &str) -> Result<Vec<Row>> {
        self.client
            .query(sql, &[])
            .await
            .map_err(PgError)
            .with_context(|| format!("could not read the {what} from the catalogs"))
    }

    async fn all(&self) -> Result<Schema> {
        let row = self
            .query(
                "catalog oids",
                "SELECT 'pg_catalog.pg_class'::pg_catalog.regclass::oid, 'pg_catalog.pg_namespace'::pg_catalog.regclass::oid,
                        'pg_catalog.pg_extension'::pg_catalog.regclass::oid, 'pg_catalog.pg_type'::pg_catalog.regclass::oid,
                        'pg_catalog.pg_proc'::pg_catalog.regclass::oid, 'pg_catalog.pg_constraint'::pg_catalog.regclass::oid,
                        'pg_catalog.pg_trigger'::pg_catalog.regclass::oid, 'pg_catalog.pg_policy'::pg_catalog.regclass::oid",
            )
            .await?;
        let row = &row[0];
        let catalogs = Catalogs {
            class: row.get(0),
            namespace: row.get(1),
            extension: row.get(2),
            type_: row.get(3),
            proc_: row.get(4),
            constraint: row.get(5),
            trigger: row.get(6),
            policy: row.get(7),
        };
        let mut schema = Schema::default();
        let columns = self.columns().await?;
        self.schemas(&catalogs, &mut schema).await?;
        self.extensions(&catalogs, &mut schema).await?;
        self.types(&catalogs, &columns, &mut schema).await?;
        self.sequences(&catalogs, &mut schema).await?;
        self.tables(&catalogs, &columns, &mut schema).await?;
        self.functions(&catalogs, &mut schema).await?;
        self.views(&catalogs, &columns, &mut schema).await?;
        self.constraints(&catalogs, &mut schema).await?;
        self.indexes(&catalogs, &mut schema).await?;
        self.triggers(&catalogs, &mut schema).await?;
        self.policies(&catalogs, &mut schema).await?;
        let edges = self.dependencies().await?;
        order::sort(&mut schema, &edges);
        Ok(schema)
    }

    async fn schemas(&self, c: &Catalogs, schema: &mut Schema) -> Result<()> {
        let sql = format!(
            "SELECT n.oid, pg_catalog.quote_ident(n.nspname), pg_catalog.obj_description(n.oid, 'pg_namespace')
               FROM pg_catalog.pg_namespace n WHERE {USER_NAMESPACE} AND {}",
            extension_member("pg_namespace", "n.oid")
        );
        for row in self.query("schemas", &sql).await? {
            let name: String = row.get(1);
            let comment: Option<String> = row.get(2);
            // Every database has `public` (with this comment): only a change is written.
            let (create, comment) = match name.as_str() {
                "public" => (
                    String::new(),
                    comment.filter(|c| c != "standard public schema"),
                ),
                _ => (format!("CREATE SCHEMA {name};"), comment),
            };
            let drop = format!("DROP SCHEMA {name};");
            schema.objects.push(Object {
                kind: Kind::Schema,
                comments: comment_on("SCHEMA", &name, comment),
                name,
                table: None,
                create,
                drop,
                address: (c.namespace, row.get(0)),
            });
        }
        Ok(())
    }

    async fn extensions(&self, c: &Catalogs, schema: &mut Schema) -> Result<()> {
        let rows = self
            .query(
                "extensions",
                "SELECT e.oid, pg_catalog.quote_ident(e.extname), pg_catalog.quote_ident(n.nspname)
                   FROM pg_catalog.pg_extension e JOIN pg_catalog.pg_namespace n ON n.oid = e.extnamespace
                  WHERE e.extname <> 'plpgsql'",
            )
            .await?;
        for row in rows {
            let name: String = row.get(1);
            let namespace: String = row.get(2);
            schema.objects.push(Object {
                kind: Kind::Extension,
                create: format!("CREATE EXTENSION IF NOT EXISTS {name} WITH SCHEMA {namespace};"),
                drop: format!("DROP EXTENSION {name};"),
                name,
                table: None,
                comments: Vec::new(),
                address: (c.extension, row.get(0)),
            });
        }
        Ok(())
    }

    /// Every column of user relations and composite types, by relation oid, in order.
    async fn columns(&self) -> Result<BTreeMap<u32, Vec<Column>>> {
        let sql = format!(
            "SELECT a.attrelid, pg_catalog.quote_ident(a.attname), pg_catalog.format_type(a.atttypid, a.atttypmod),
                    CASE WHEN a.attcollation <> t.typcollation AND a.attcollation <> 0 THEN
                      (SELECT pg_catalog.format('%I.%I', cn.nspname, co.collname) FROM pg_catalog.pg_collation co
                         JOIN pg_catalog.pg_namespace cn ON cn.oid = co.collnamespace WHERE co.oid = a.attcollation) END,
                    pg_catalog.pg_get_expr(d.adbin, d.adrelid), a.attnotnull, a.attidentity::text, a.attgenerated::text,
                    pg_catalog.col_description(a.attrelid, a.attnum)
               FROM pg_catalog.pg_attribute a
               JOIN pg_catalog.pg_class c ON c.oid = a.attrelid
               JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
               JOIN pg_catalog.pg_type t ON t.oid = a.atttypid
               LEFT JOIN pg_catalog.pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
              WHERE a.attnum > 0 AND NOT a.attisdropped AND c.relkind IN ('r', 'p', 'v', 'm', 'c', 'f') AND {USER_NAMESPACE}
              ORDER BY a.attrelid, a.attnum"
        );
        let mut columns: BTreeMap<u32, Vec<Column>> = BTreeMap::new();
        for row in self.query("columns", &sql).await? {
            let identity: String = row.get(6);
            let generated: String = row.get(7);
            let default: Option<String> = row.get(4);
            let (default, generated) = match generated.as_str() {
                "s" => (None, default),
                _ => (default, None),
            };
            columns.entry(row.get(0)).or_default().push(Column {
                name: row.get(1),
                data_type: row.get(2),
                collation: row.get(3),
                default,
                not_null: row.get(5),
                identity: match identity.as_str() {
                    "a" => Some("ALWAYS"),
                    "d" => Some("BY DEFAULT"),
                    _ => None,
                },
                generated,
                comment: row.get(8),
            });
        }
        Ok(columns)
    }

    async fn types(
        &self,
        c: &Catalogs,
        columns: &BTreeMap<u32, Vec<Column>>,
        schema: &mut Schema,
    ) -> Result<()> {
        let sql = format!(
            "SELECT t.oid, pg_catalog.format('%I.%I', n.nspname, t.typname), t.typtype::text,
                    CASE t.typtype
                      WHEN 'e' THEN (SELECT pg_catalog.string_agg(pg_catalog.quote_literal(enumlabel), ', ' ORDER BY enumsortorder)
                                       FROM pg_catalog.pg_enum WHERE enumtypid = t.oid)
                      WHEN 'd' THEN pg_catalog.format_type(t.typbasetype, t.typtypmod)
                      WHEN 'r' THEN (SELECT pg_catalog.format_type(rngsubtype, NULL) FROM pg_catalog.pg_range WHERE rngtypid = t.oid)
                    END,
                    t.typnotnull, t.typdefault,
                    (SELECT pg_catalog.string_agg(pg_catalog.format(' CONSTRAINT %I %s', conname, pg_catalog.pg_get_constraintdef(oid)), '' ORDER BY conname)
                       FROM pg_catalog.pg_constraint WHERE contypid = t.oid AND contype = 'c'),
                    pg_catalog.obj_description(t.oid, 'pg_type'), t.typrelid
               FROM pg_catalog.pg_type t JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
              WHERE {USER_NAMESPACE} AND {}
                AND (t.typtype IN ('e', 'd', 'r')
                     OR (t.typtype = 'c' AND (SELECT relkind FROM pg_catalog.pg_class WHERE oid = t.typrelid) = 'c'))",
            extension_member("pg_type", "t.oid")
        );
        for row in self.query("types", &sql).await? {
            let name: String = row.get(1);
            let typtype: String = row.get(2);
            let detail: Option<String> = row.get(3);
            let detail = detail.unwrap_or_default();
            let (kind, create, drop) = match typtype.as_str() {
                "e" => (
                    Kind::Type,
                    format!("CREATE TYPE {name} AS ENUM ({detail});"),
                    format!("DROP TYPE {name};"),
                ),
                "r" => (
                    Kind::Type,
                    format!("CREATE TYPE {name} AS RANGE (subtype = {detail});"),
                    format!("DROP TYPE {name};"),
                ),
                "d" => {
                    let mut create = format!("CREATE DOMAIN {name} AS {detail}");
                    if let Some(default) = row.get::<_, Option<String>>(5) {
                        create.push_str(&format!(" DEFAULT {default}"));
                    }
                    if row.get::<_, bool>(4) {
                        create.push_str(" NOT NULL");
                    }
                    create.push_str(&row.get::<_, Option<String>>(6).unwrap_or_default());
                    create.push(';');
                    (Kind::Domain, create, format!("DROP DOMAIN {name};"))
                }
                _ => {
                    let fields = columns
                        .get(&row.get::<_, u32>(8))
                        .map(|cols| {
                            cols.iter()
                                .map(|c| format!("    {} {}", c.name, c.data_type))
                                .collect::<Vec<_>>()
                                .join(",\n")
                        })
                        .unwrap_or_default();
                    (
                        Kind::Type,
                        format!("CREATE TYPE {name} AS (\n{fields}\n);"),
                        format!("DROP TYPE {name};"),
                    )
                }
            };
            let keyword = if kind == Kind::Domain {
                "DOMAIN"
            } else {
                "TYPE"
            };
            schema.objects.push(Object {
                kind,
                comments: comment_on(keyword, &name, row.get(7)),
                name,
                table: None,
                create,
                drop,
                address: (c.type_, row.get(0)),
            });
        }
        Ok(())
    }

    async fn sequences(&self, c: &Catalogs, schema: &mut Schema) -> Result<()> {
        // Identity columns' sequences are the table's; OWNED BY is an object of its own, made
        // once both the sequence and the table exist.
        let sql = format!(
            "SELECT c.oid, pg_catalog.format('%I.%I', n.nspname, c.relname), pg_catalog.format_type(s.seqtypid, NULL),
                    s.seqstart, s.seqincrement, s.seqmin, s.seqmax, s.seqcache, s.seqcycle,
                    pg_catalog.obj_description(c.oid, 'pg_class'),
                    (SELECT pg_catalog.format('%s.%I', d.refobjid::pg_catalog.regclass, a.attname)
                       FROM pg_catalog.pg_depend d
                       JOIN pg_catalog.pg_attribute a ON a.attrelid = d.refobjid AND a.attnum = d.refobjsubid
                      WHERE d.classid = 'pg_catalog.pg_class'::pg_catalog.regclass AND d.objid = c.oid
                        AND d.refclassid = 'pg_catalog.pg_class'::pg_catalog.regclass AND d.deptype = 'a' AND d.refobjsubid > 0)
               FROM pg_catalog.pg_sequence s
               JOIN pg_catalog.pg_class c ON c.oid = s.seqrelid
               JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
              WHERE {USER_NAMESPACE} AND {}
                AND NOT EXISTS (SELECT FROM pg_catalog.pg_depend d WHERE d.classid = 'pg_catalog.pg_class'::pg_catalog.regclass
                                   AND d.objid = c.oid AND d.deptype = 'i')",
            extension_member("pg_class", "c.oid")
        );
        for row in self.query("sequences", &sql).await? {
            let name: String = row.get(1);
            let create = format!(
                "CREATE SEQUENCE {name} AS {} START WITH {} INCREMENT BY {} MINVALUE {} MAXVALUE {} CACHE {}{};",
                row.get::<_, String>(2),
                row.get::<_, i64>(3),
                row.get::<_, i64>(4),
                row.get::<_, i64>(5),
                row.get::<_, i64>(6),
                row.get::<_, i64>(7),
                if row.get::<_, bool>(8) { " CYCLE" } else { "" }
            );
            let address = (c.class, row.get(0));
            if let Some(column) = row.get::<_, Option<String>>(10) {
                schema.objects.push(Object {
                    kind: Kind::SequenceOwner,
                    name: name.clone(),
                    table: None,
                    create: format!("ALTER SEQUENCE {name} OWNED BY {column};"),
                    drop: format!("ALTER SEQUENCE {name} OWNED BY NONE;"),
                    comments: Vec::new(),
                    // Not a catalog object: it follows the sequence through `order`.
                    address: (0, row.get(0)),
                });
            }
            schema.objects.push(Object {
                kind: Kind::Sequence,
                comments: comment_on("SEQUENCE", &name, row.get(9)),
                drop: format!("DROP SEQUENCE {name};"),
                name,
                table: None,
                create,
                address,
            });
        }
        Ok(())
    }

    async fn tables(
        &self,
        c: &Catalogs,
        columns: &BTreeMap<u32, Vec<Column>>,
        schema: &mut Schema,
    ) -> Result<()> {
        let sql = format!(
            "SELECT c.oid, pg_catalog.format('%I.%I', n.nspname, c.relname), c.relpersistence::text,
                    c.relrowsecurity, c.relforcerowsecurity,
                    CASE WHEN c.relkind = 'p' THEN pg_catalog.pg_get_partkeydef(c.oid) END,
                    CASE WHEN c.relispartition THEN
                      (SELECT i.inhparent::pg_catalog.regclass::text FROM pg_catalog.pg_inherits i WHERE i.inhrelid = c.oid) END,
                    CASE WHEN c.relispartition THEN pg_catalog.pg_get_expr(c.relpartbound, c.oid) END,
                    pg_catalog.obj_description(c.oid, 'pg_class')
               FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
              WHERE c.relkind IN ('r', 'p') AND {USER_NAMESPACE} AND {}",
            extension_member("pg_class", "c.oid")
        );
        for row in self.query("tables", &sql).await? {
            let oid: u32 = row.get(0);
            let name: String = row.get(1);
            let unlogged = row.get::<_, String>(2) == "u";
            let mut shape = String::new();
            if unlogged {
                shape.push_str("UNLOGGED ");
            }
            let table_columns = columns.get(&oid).cloned().unwrap_or_default();
            let create_body = match (
                row.get::<_, Option<String>>(6),
                row.get::<_, Option<String>>(7),
            ) {
                (Some(parent), Some(bound)) => {
                    shape.push_str(&format!("PARTITION OF {parent} {bound}"));
                    format!(
                        "CREATE {}TABLE {name} PARTITION OF {parent} {bound}",
                        if unlogged { "UNLOGGED " } else { "" }
                    )
                }
                _ => {
                    let body = table_columns
                        .iter()
                        .map(|column| format!("    {}", column.definition()))
                        .collect::<Vec<_>>()
                        .join(",\n");
                    let mut create = format!(
                        "CREATE {}TABLE {name} (\n{body}\n)",
                        if unlogged { "UNLOGGED " } else { "" }
                    );
                    if let Some(key) = row.get::<_, Option<String>>(5) {
                        shape.push_str(&format!("PARTITION BY {key}"));
                        create.push_str(&format!(" PARTITION BY {key}"));
                    }
                    create
                }
            };
            let row_security = match (row.get::<_, bool>(3), row.get::<_, bool>(4)) {
                (true, true) => Some("FORCE"),
                (true, false) => Some("ENABLE"),
                _ => None,
            };
            let mut create = format!("{create_body};");
            if let Some(how) = row_security {
                create.push_str(&format!("\nALTER TABLE {name} ENABLE ROW LEVEL SECURITY;"));
                if how == "FORCE" {
                    create.push_str(&format!("\nALTER TABLE {name} FORCE ROW LEVEL SECURITY;"));
                }
            }
            let mut comments = comment_on("TABLE", &name, row.get(8));
            comments.extend(column_comments(&name, &table_columns));
            schema.tables.insert(
                name.clone(),
                Table {
                    columns: table_columns,
                    shape,
                    row_security,
                },
            );
            schema.objects.push(Object {
                kind: Kind::Table,
                drop: format!("DROP TABLE {name};"),
                name,
                table: None,
                create,
                comments,
                address: (c.class, oid),
            });
        }
        Ok(())
    }

    async fn functions(&self, c: &Catalogs, schema: &mut Schema) -> Result<()> {
        let sql = format!(
            "SELECT p.oid, p.oid::pg_catalog.regprocedure::text, p.prokind::text,
                    CASE WHEN p.prokind <> 'a' THEN pg_catalog.pg_get_functiondef(p.oid) END,
                    pg_catalog.obj_description(p.oid, 'pg_proc')
               FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace
              WHERE {USER_NAMESPACE} AND {}",
            extension_member("pg_proc", "p.oid")
        );
        for row in self.query("functions", &sql).await? {
            let name: String = row.get(1);
            let prokind: String = row.get(2);
            let Some(definition) = row.get::<_, Option<String>>(3) else {
                schema.skipped.push(format!("aggregate {name}"));
                continue;
            };
            let keyword = if prokind == "p" {
                "PROCEDURE"
            } else {
                "FUNCTION"
            };
            schema.objects.push(Object {
                kind: Kind::Function,
                comments: comment_on(keyword, &name, row.get(4)),
                drop: format!("DROP {keyword} {name};"),
                create: format!("{};", definition.trim_end()),
                name,
                table: None,
                address: (c.proc_, row.get(0)),
            });
        }
        Ok(())
    }

    async fn views(
        &self,
        c: &Catalogs,
        columns: &BTreeMap<u32, Vec<Column>>,
        schema: &mut Schema,
    ) -> Result<()> {
        let sql = format!(
            "SELECT c.oid, pg_catalog.format('%I.%I', n.nspname, c.relname), c.relkind::text,
                    pg_catalog.pg_get_viewdef(c.oid), pg_catalog.array_to_string(c.reloptions, ', '),
                    pg_catalog.obj_description(c.oid, 'pg_class')
               FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
              WHERE c.relkind IN ('v', 'm') AND {USER_NAMESPACE} AND {}",
            extension_member("pg_class", "c.oid")
        );
        for row in self.query("views", &sql).await? {
            let oid: u32 = row.get(0);
            let name: String = row.get(1);
            let materialized = row.get::<_, String>(2) == "m";
            let query = row.get::<_, String>(3);
            let query = query.trim().trim_end_matches(';');
            let options = row
                .get::<_, Option<String>>(4)
                .filter(|o| !o.is_empty())
                .map(|o| format!(" WITH ({o})"))
                .unwrap_or_default();
            let (kind, keyword, create) = match materialized {
                true => (
                    Kind::MaterializedView,
                    "MATERIALIZED VIEW",
                    format!("CREATE MATERIALIZED VIEW {name}{options} AS\n{query}\nWITH NO DATA;"),
                ),
                false => (
                    Kind::View,
                    "VIEW",
                    format!("CREATE VIEW {name}{options} AS\n{query};"),
                ),
            };
            let mut comments = comment_on(keyword, &name, row.get(5));
            comments.extend(column_comments(
                &name,
                columns.get(&oid).map_or(&[][..], Vec::as_slice),
            ));
            schema.objects.push(Object {
                kind,
                drop: format!("DROP {keyword} {name};"),
                name,
                table: None,
                create,
                comments,
                address: (c.class, oid),
            });
        }
        Ok(())
    }

    async fn constraints(&self, c: &Catalogs, schema: &mut Schema) -> Result<()> {
        // Constraints a partition inherits from its parent are the parent's; NOT NULL is the
        // column's (PostgreSQL 18 also lists it here, as contype 'n').
        let sql = format!(
            "SELECT con.oid, con.conrelid::pg_catalog.regclass::text, pg_catalog.quote_ident(con.conname), con.contype::text,
                    pg_catalog.pg_get_constraintdef(con.oid), pg_catalog.obj_description(con.oid, 'pg_constraint')
               FROM pg_catalog.pg_constraint con
               JOIN pg_catalog.pg_class c ON c.oid = con.conrelid
               JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
              WHERE con.contype IN ('p', 'u', 'c', 'x', 'f') AND con.conislocal AND con.conparentid = 0
                AND {USER_NAMESPACE} AND {}",
            extension_member("pg_class", "c.oid")
        );
        for row in self.query("constraints", &sql).await? {
            let table: String = row.get(1);
            let constraint: String = row.get(2);
            let kind = match row.get::<_, String>(3).as_str() {
                "f" => Kind::ForeignKey,
                _ => Kind::Constraint,
            };
            let name = format!("{table}.{constraint}");
            schema.objects.push(Object {
                kind,
                comments: comment_on(
                    "CONSTRAINT",
                    &format!("{constraint} ON {table}"),
                    row.get(5),
                ),
                create: format!(
                    "ALTER TABLE {table} ADD CONSTRAINT {constraint} {};",
                    row.get::<_, String>(4)
                ),
                drop: format!("ALTER TABLE {table} DROP CONSTRAINT {constraint};"),
                name,
                table: Some(table),
                address: (c.constraint, row.get(0)),
            });
        }
        Ok(())
    }

    async fn indexes(&self, c: &Catalogs, schema: &mut Schema) -> Result<()> {
        // Indexes of constraints come with their constraint; those of partitions with the
        // parent's index.
        let sql = format!(
            "SELECT i.indexrelid, pg_catalog.format('%I.%I', n.nspname, ic.relname), i.indrelid::pg_catalog.regclass::text,
                    pg_catalog.pg_get_indexdef(i.indexrelid), pg_catalog.obj_description(i.indexrelid, 'pg_class')
               FROM pg_catalog.pg_index i
               JOIN pg_catalog.pg_class ic ON ic.oid = i.indexrelid
               JOIN pg_catalog.pg_namespace n ON n.oid = ic.relnamespace
              WHERE {USER_NAMESPACE} AND NOT ic.relispartition AND {}
                AND NOT EXISTS (SELECT FROM pg_catalog.pg_constraint con
                                 WHERE con.conindid = i.indexrelid AND con.conrelid = i.indrelid AND con.contype IN ('p', 'u', 'x'))",
            extension_member("pg_class", "i.indrelid")
        );
        for row in self.query("indexes", &sql).await? {
            let name: String = row.get(1);
            schema.objects.push(Object {
                kind: Kind::Index,
                comments: comment_on("INDEX", &name, row.get(4)),
                // `ON ONLY` builds the partitioned table's index alone: without it the
                // partitions get theirs too, as they had.
                create: format!(
                    "{};",
                    row.get::<_, String>(3).replacen(" ON ONLY ", " ON ", 1)
                ),
                drop: format!("DROP INDEX {name};"),
                name,
                table: Some(row.get(2)),
                address: (c.class, row.get(0)),
            });
        }
        Ok(())
    }

    async fn triggers(&self, c: &Catalogs, schema: &mut Schema) -> Result<()> {
        // A partition's copy of its parent's trigger is the parent's: internal before 13,
        // marked by tgparentid since (read through jsonb to work on both).
        let sql = format!(
            "SELECT t.oid, t.tgrelid::pg_catalog.regclass::text, pg_catalog.quote_ident(t.tgname),
                    pg_catalog.pg_get_triggerdef(t.oid), pg_catalog.obj_description(t.oid, 'pg_trigger')
               FROM pg_catalog.pg_trigger t
               JOIN pg_catalog.pg_class c ON c.oid = t.tgrelid
               JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
              WHERE NOT t.tgisinternal AND {USER_NAMESPACE} AND {}
                AND coalesce((pg_catalog.to_jsonb(t) ->> 'tgparentid')::oid, 0) = 0",
            extension_member("pg_class", "c.oid")
        );
        for row in self.query("triggers", &sql).await? {
            let table: String = row.get(1);
            let trigger: String = row.get(2);
            schema.objects.push(Object {
                kind: Kind::Trigger,
                name: format!("{table}.{trigger}"),
                comments: comment_on("TRIGGER", &format!("{trigger} ON {table}"), row.get(4)),
                create: format!("{};", row.get::<_, String>(3)),
                drop: format!("DROP TRIGGER {trigger} ON {table};"),
                table: Some(table),
                address: (c.trigger, row.get(0)),
            });
        }
        Ok(())
    }

    async fn policies(&self, c: &Catalogs, schema: &mut Schema) -> Result<()> {
        let sql = format!(
            "SELECT p.oid, p.polrelid::pg_catalog.regclass::text, pg_catalog.quote_ident(p.polname), p.polpermissive,
                    CASE p.polcmd WHEN 'r' THEN 'SELECT' WHEN 'a' THEN 'INSERT' WHEN 'w' THEN 'UPDATE' WHEN 'd' THEN 'DELETE' ELSE 'ALL' END,
                    (SELECT pg_catalog.string_agg(CASE WHEN r = 0 THEN 'PUBLIC' ELSE pg_catalog.quote_ident(pg_catalog.pg_get_userbyid(r)) END, ', ' ORDER BY 1)
                       FROM pg_catalog.unnest(p.polroles) r),
                    pg_catalog.pg_get_expr(p.polqual, p.polrelid), pg_catalog.pg_get_expr(p.polwithcheck, p.polrelid)
               FROM pg_catalog.pg_policy p
               JOIN pg_catalog.pg_class c ON c.oid = p.polrelid
               JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
              WHERE {USER_NAMESPACE}"
        );
        for row in self.query("policies", &sql).await? {
            let table: String = row.get(1);
            let policy: String = row.get(2);
            let mut create = format!(
                "CREATE POLICY {policy} ON {table} AS {} FOR {} TO {}",
                if row.get::<_, bool>(3) {
                    "PERMISSIVE"
                } else {
                    "RESTRICTIVE"
                },
                row.get::<_, String>(4),
                row.get::<_, String>(5)
            );
            if let Some(using) = row.get::<_, Option<String>>(6) {
                create.push_str(&format!(" USING ({using})"));
            }
            if let Some(check) = row.get::<_, Option<String>>(7) {
                create.push_str(&format!(" WITH CHECK ({check})"));
            }
            create.push(';');
            schema.objects.push(Object {
                kind: Kind::Policy,
                name: format!("{table}.{policy}"),
                drop: format!("DROP POLICY {policy} ON {table};"),
                create,
                comments: Vec::new(),
                table: Some(table),
                address: (c.policy, row.get(0)),
            });
        }
        Ok(())
    }

    /// What depends on what, as catalog addresses, with the addresses of the parts the
    /// catalogs keep apart (a default, a view's rule, a row type, a constraint's index, an
    /// extension's members) mapped to the object they belong to.
    async fn dependencies(&self) -> Result<order::Edges> {
        let depends = self
            .query(
                "dependencies",
                "SELECT classid, objid, refclassid, refobjid, deptype::text FROM pg_catalog.pg_depend
                  WHERE deptype IN ('n', 'a') AND objid >= 16384 AND refobjid >= 16384",
            )
            .await?;
        let parts = self
            .query(
                "dependencies",
                "SELECT 'pg_catalog.pg_attrdef'::pg_catalog.regclass::oid, oid, 'pg_catalog.pg_class'::pg_catalog.regclass::oid, adrelid
                   FROM pg_catalog.pg_attrdef WHERE oid >= 16384
                 UNION ALL
                 SELECT 'pg_catalog.pg_rewrite'::pg_catalog.regclass, oid, 'pg_catalog.pg_class'::pg_catalog.regclass, ev_class
                   FROM pg_catalog.pg_rewrite WHERE oid >= 16384
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
                 SELECT d.classid, d.objid, d.refclassid, d.refobjid FROM pg_catalog.pg_depend d
                  WHERE d.objid >= 16384
                    AND (d.deptype = 'e'
                         OR (d.deptype = 'i' AND d.classid = 'pg_catalog.pg_class'::pg_catalog.regclass
                             AND d.refclassid = 'pg_catalog.pg_class'::pg_catalog.regclass))",
            )
            .await?;
        Ok(order::Edges {
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
        })
    }
}

/// The comments on the columns of `relation`.
fn column_comments(relation: &str, columns: &[Column]) -> Vec<(String, String)> {
    columns
        .iter()
        .flat_map(|column| {
            comment_on(
                "COLUMN",
                &format!("{relation}.{}", column.name),
                column.comment.clone(),
            )
        })
        .collect()
}

/// The comment on `{keyword} {name}`, when there is one.
fn comment_on(keyword: &str, name: &str, comment: Option<String>) -> Vec<(String, String)> {
    comment
        .map(|text| (format!("{keyword} {name}"), text))
        .into_iter()
        .collect()
}
