//! A schema written as one SQL file: deterministic (the same schema gives the same bytes),
//! readable (one object per paragraph, in dependency order), and loadable into an empty
//! database by psql or `schema-load`. Rows of small reference tables may follow as COPY.

use anyhow::{Context, Result};
use futures_util::StreamExt;
use tokio_postgres::Client;

use super::Schema;
use crate::db::{PgError, quote_ident};

/// The file's text for `schema`, read from database `database`.
pub fn render(schema: &Schema, database: &str) -> String {
    let mut out = format!(
        "-- The schema of database {}, written by `cruddur-db dump` from its catalogs.\n\
         -- Objects come in dependency order, by kind and name where the order is free;\n\
         -- objects of extensions are left to the extension. Rewrite it with `cruddur-db dump`.\n\n\
         -- Function bodies may name tables made further down.\n\
         SET check_function_bodies = false;\n",
        quote_ident(database)
    );
    for object in &schema.objects {
        if object.create.is_empty() && object.comments.is_empty() {
            continue;
        }
        out.push('\n');
        if !object.create.is_empty() {
            out.push_str(&object.create);
            out.push('\n');
        }
        for (target, text) in &object.comments {
            out.push_str(&super::comment_sql(target, Some(text)));
            out.push('\n');
        }
    }
    out
}

/// The rows of `tables` as COPY blocks, each followed by moving its sequences past the rows,
/// ordered by primary key (else by the whole row's text) so two dumps of the same rows are equal.
pub async fn data(client: &Client, tables: &[String]) -> Result<String> {
    let mut out = String::new();
    for table in tables {
        let row = client
            .query_opt(
                "SELECT format('%I.%I', c.relnamespace::regnamespace::text, c.relname),
                        (SELECT string_agg(quote_ident(attname), ', ' ORDER BY attnum) FROM pg_attribute
                          WHERE attrelid = c.oid AND attnum > 0 AND NOT attisdropped AND attgenerated = ''),
                        coalesce((SELECT string_agg(quote_ident(a.attname), ', ' ORDER BY k.n)
                                    FROM pg_index i, unnest(i.indkey) WITH ORDINALITY k(attnum, n), pg_attribute a
                                   WHERE i.indrelid = c.oid AND i.indisprimary AND a.attrelid = c.oid AND a.attnum = k.attnum),
                                 't::text'),
                        (SELECT string_agg(format('SELECT pg_catalog.setval(%L, coalesce(max(%I), 0) + 1, false) FROM %I.%I;',
                                                  pg_get_serial_sequence(c.oid::regclass::text, attname), attname,
                                                  c.relnamespace::regnamespace::text, c.relname), E'\\n' ORDER BY attnum)
                           FROM pg_attribute WHERE attrelid = c.oid AND attnum > 0 AND NOT attisdropped
                            AND pg_get_serial_sequence(c.oid::regclass::text, attname) IS NOT NULL)
                   FROM pg_class c WHERE c.oid = to_regclass($1) AND c.relkind IN ('r', 'p')",
                &[table],
            )
            .await
            .map_err(PgError)
            .with_context(|| format!("could not look up table {table}"))?;
        let Some(row) = row else {
            return Err(crate::error::Fail::new(
                crate::error::Exit::Failure,
                format!("--data {table}: no such table in the database"),
            )
            .hint("name a table as `schema.table` or as `table` on the search_path; `cruddur-db connect` then `\\dt` lists them")
            .into());
        };
        let name: String = row.get(0);
        let columns: String = row.get(1);
        let order: String = row.get(2);
        out.push_str(&format!("\nCOPY {name} ({columns}) FROM stdin;\n"));
        let stream = client
            .copy_out(&format!(
                "COPY (SELECT {columns} FROM {name} t ORDER BY {order}) TO STDOUT"
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
        if let Some(setval) = row.get::<_, Option<String>>(3) {
            out.push_str(&setval);
            out.push('\n');
        }
    }
    Ok(out)
}
