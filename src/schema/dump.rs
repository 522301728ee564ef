//! A schema written as one SQL file: deterministic (the same schema gives the same bytes),
//! readable (one object per paragraph, in dependency order), and loadable into an empty
//! database by psql or `schema-load`. Rows of small reference tables may follow as COPY.

use anyhow::{Context, Result};
use futures_util::StreamExt;
use tokio_postgres::Client;

use super::{Kind, Options, Schema, privileges};
use crate::db::{PgError, quote_ident};
use crate::error::{Exit, Fail};

/// The file's text for `schema`, read from database `database`, with owners and privileges
/// when `options` ask for them.
pub fn render(schema: &Schema, database: &str, options: Options) -> String {
    let mut out = format!(
        "-- The schema of database {}, written by `cruddur-db dump` from its catalogs.\n\
         -- Objects come in dependency order, by kind and name where the order is free;\n\
         -- objects of extensions are left to the extension. Rewrite it with `cruddur-db dump`.\n\n\
         -- Function bodies may name tables made further down.\n\
         SET check_function_bodies = false;\n",
        quote_ident(database)
    );
    for object in &schema.objects {
        let mut paragraph: Vec<String> = Vec::new();
        match object.kind {
            Kind::DefaultPrivileges if !options.privileges => continue,
            _ if !object.create.is_empty() => paragraph.push(object.create.clone()),
            _ => {}
        }
        paragraph.extend(
            object
                .comments
                .iter()
                .map(|(target, text)| super::comment_sql(target, Some(text))),
        );
        paragraph.extend(
            object
                .labels
                .iter()
                .map(|(target, provider, label)| super::label_sql(target, provider, Some(label))),
        );
        paragraph.extend(privileges::created(object, options));
        if paragraph.is_empty() {
            continue;
        }
        out.push('\n');
        for statement in paragraph {
            out.push_str(&statement);
            out.push('\n');
        }
    }
    out
}

/// The rows of `tables` as COPY blocks, each table's own rows only (never a child's or a
/// partition's twice), ordered by primary key (else by the whole row's text) so two dumps of
/// the same rows are equal, each followed by its sequences set where they stand.
pub async fn data(client: &Client, tables: &[String]) -> Result<String> {
    let mut found = Vec::new();
    for table in tables {
        let row = client
            .query_opt(
                "SELECT format('%I.%I', c.relnamespace::regnamespace::text, c.relname), c.relkind::text,
                        (SELECT string_agg(quote_ident(attname), ', ' ORDER BY attnum) FROM pg_attribute
                          WHERE attrelid = c.oid AND attnum > 0 AND NOT attisdropped AND attgenerated = ''),
                        coalesce((SELECT string_agg(quote_ident(a.attname), ', ' ORDER BY k.n)
                                    FROM pg_index i, unnest(i.indkey) WITH ORDINALITY k(attnum, n), pg_attribute a
                                   WHERE i.indrelid = c.oid AND i.indisprimary AND a.attrelid = c.oid AND a.attnum = k.attnum),
                                 't::text'),
                        (SELECT array_agg(d.objid::regclass::text ORDER BY d.objid::regclass::text)
                           FROM pg_depend d JOIN pg_class s ON s.oid = d.objid AND s.relkind = 'S'
                          WHERE d.classid = 'pg_class'::regclass AND d.refclassid = 'pg_class'::regclass
                            AND d.refobjid = c.oid AND d.refobjsubid > 0 AND d.deptype IN ('a', 'i')),
                        (SELECT array_agg(format('%I.%I', p.relnamespace::regnamespace::text, p.relname))
                           FROM pg_inherits a JOIN pg_class p ON p.oid = a.inhparent WHERE a.inhrelid = c.oid)
                   FROM pg_class c WHERE c.oid = to_regclass($1) AND c.relkind IN ('r', 'p')",
                &[table],
            )
            .await
            .map_err(PgError)
            .with_context(|| format!("could not look up table {table}"))?;
        let Some(row) = row else {
            return Err(Fail::new(
                Exit::Failure,
                format!("--data {table}: no such table in the database"),
            )
            .hint("name a table as `schema.table` or as `table` on the search_path; `cruddur-db connect` then `\\dt` lists them")
            .into());
        };
        found.push(row);
    }
    let names: Vec<String> = found.iter().map(|row| row.get(0)).collect();
    let mut out = String::new();
    for row in &found {
        let name: String = row.get(0);
        // A partitioned table's rows are its partitions': copied through it, they are routed
        // back to them, so a partition listed too would be copied twice.
        let parents: Vec<String> = row.get::<_, Option<Vec<String>>>(5).unwrap_or_default();
        if let Some(parent) = parents.iter().find(|p| {
            names.contains(p)
                && found
                    .iter()
                    .any(|r| r.get::<_, String>(0) == **p && r.get::<_, String>(1) == "p")
        }) {
            return Err(Fail::new(
                Exit::Usage,
                format!("--data names both {parent} and its partition {name}: its rows would be copied twice"),
            )
            .hint(format!("name only {parent} (its rows include the partitions'), or only the partitions"))
            .into());
        }
        let only = if row.get::<_, String>(1) == "p" {
            ""
        } else {
            "ONLY "
        };
        let columns: String = row.get(2);
        let order: String = row.get(3);
        out.push_str(&format!("\nCOPY {name} ({columns}) FROM stdin;\n"));
        let stream = client
            .copy_out(&format!(
                "COPY (SELECT {columns} FROM {only}{name} t ORDER BY {order}) TO STDOUT"
            ))
            .await
            .map_err(PgError)
            .with_context(|| format!("could not read the rows of {name}"))?;
        let mut stream = std::pin::pin!(stream);
        while let Some(chunk) = stream.next().await {
            let chunk = chunk
                .map_err(PgError)
                .with_context(|| format!("could not read the rows of {name}"))?;
            out.push_str(&String::from_utf8_lossy(&chunk));
        }
        out.push_str("\\.\n");
        for sequence in row.get::<_, Option<Vec<String>>>(4).unwrap_or_default() {
            out.push_str(&setval(client, &sequence).await?);
        }
    }
    Ok(out)
}

/// `setval` putting `sequence` where it stands now (value and whether it was used), as
/// pg_dump does: right whatever its increment.
async fn setval(client: &Client, sequence: &str) -> Result<String> {
    let row = client
        .query_one(
            &format!("SELECT last_value, is_called FROM {sequence}"),
            &[],
        )
        .await
        .map_err(PgError)
        .with_context(|| format!("could not read sequence {sequence}"))?;
    Ok(format!(
        "SELECT pg_catalog.setval({}, {}, {});\n",
        postgres_protocol::escape::escape_literal(sequence),
        row.get::<_, i64>(0),
        row.get::<_, bool>(1)
    ))
}
