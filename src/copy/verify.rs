//! What a copy checks and settles in the new database before it is swapped in: every foreign
//! key and `relations` reference resolves (an orphan stops the swap), and every sequence a
//! copied column draws from stands past the values copied.

use std::collections::BTreeMap;

use anyhow::{Context, Result};
use tokio_postgres::Client;

use super::tables::{Edge, Tables};
use crate::db::{PgError, quote_ident};
use crate::error::{Exit, Fail};

/// Refuse when a copied row references no row: naming each relation and how many.
pub async fn references(client: &Client, tables: &Tables, edges: &[Edge]) -> Result<()> {
    let mut orphans = Vec::new();
    for edge in edges {
        let meet = edge.meet();
        let present = edge
            .columns
            .iter()
            .map(|c| format!("c.{} IS NOT NULL", quote_ident(c)))
            .collect::<Vec<_>>()
            .join(" AND ");
        let sql = format!(
            "SELECT count(*) FROM {} c WHERE {present} AND NOT EXISTS (SELECT FROM {} p WHERE {meet})",
            tables.tables[&edge.child].sql, tables.tables[&edge.parent].sql
        );
        let row = client
            .query_one(&sql, &[])
            .await
            .map_err(PgError)
            .with_context(|| format!("could not check {edge}"))?;
        let count: i64 = row.get(0);
        if count > 0 {
            orphans.push(match count {
                1 => format!("{edge}: 1 row references nothing"),
                _ => format!("{edge}: {count} rows reference nothing"),
            });
        }
    }
    if orphans.is_empty() {
        return Ok(());
    }
    Err(Fail::new(
        Exit::Failure,
        format!("the copy does not hold together: {}", orphans.join("; ")),
    )
    .hint("the source holds rows whose reference leads nowhere (an unvalidated key, or a relation in [copy] relations that the data does not keep); fix them there, or leave the relation out")
    .into())
}

/// Set every sequence the copied tables' columns draw from (serial, identity, or a default
/// calling `nextval`) past the largest value copied. Returns how many were moved.
pub async fn sequences(client: &Client, tables: &Tables, copied: &[String]) -> Result<usize> {
    let names: Vec<String> = copied
        .iter()
        .map(|t| tables.tables[t].sql.clone())
        .collect();
    let rows = client
        .query(
            "SELECT c.oid::regclass::text, quote_ident(a.attname), s.seq::regclass::text
               FROM unnest($1::text[]) AS t(name)
               JOIN pg_catalog.pg_class c ON c.oid = t.name::regclass
               JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
               JOIN LATERAL (
                    SELECT pg_catalog.pg_get_serial_sequence(c.oid::regclass::text, a.attname)::regclass AS seq
                    UNION
                    SELECT d.refobjid::regclass FROM pg_catalog.pg_attrdef ad
                      JOIN pg_catalog.pg_depend d ON d.classid = 'pg_catalog.pg_attrdef'::regclass AND d.objid = ad.oid
                       AND d.refclassid = 'pg_catalog.pg_class'::regclass
                      JOIN pg_catalog.pg_class s ON s.oid = d.refobjid AND s.relkind = 'S'
                     WHERE ad.adrelid = c.oid AND ad.adnum = a.attnum
               ) s ON s.seq IS NOT NULL",
            &[&names],
        )
        .await
        .map_err(PgError)
        .context("could not find the sequences of the copied tables")?;
    let mut highest: BTreeMap<String, Option<i64>> = BTreeMap::new();
    for row in &rows {
        let (table, column, sequence): (String, String, String) =
            (row.get(0), row.get(1), row.get(2));
        let max = client
            .query_one(&format!("SELECT max({column})::int8 FROM {table}"), &[])
            .await
            .map_err(PgError)
            .with_context(|| format!("could not read the largest {column} of {table}"))?
            .get::<_, Option<i64>>(0);
        let entry = highest.entry(sequence).or_default();
        *entry = (*entry).max(max);
    }
    let mut moved = 0;
    for (sequence, max) in highest {
        let Some(max) = max else { continue };
        client
            .query_one("SELECT setval($1::text::regclass, $2)", &[&sequence, &max])
            .await
            .map_err(PgError)
            .with_context(|| format!("could not move {sequence} past the copied values"))?;
        moved += 1;
    }
    Ok(moved)
}
