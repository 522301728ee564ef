//! The history table, dbmate's own: `public.schema_migrations(version varchar(128) primary
//! key)`, plus columns of ours that dbmate never needs to know about (all nullable or
//! defaulted), so a project can switch between the two tools either way.

use anyhow::{Context, Result};
use tokio_postgres::Client;

use crate::db::PgError;

/// A row of the history.
#[derive(Debug, Clone)]
pub struct Applied {
    pub version: String,
    pub checksum: Option<String>,
    pub applied_at: Option<String>,
    pub duration_ms: Option<i64>,
}

/// Our columns, beside dbmate's `version`.
const COLUMNS: [(&str, &str); 5] = [
    ("name", "text"),
    ("checksum", "text"),
    ("applied_at", "timestamptz DEFAULT now()"),
    ("duration_ms", "bigint"),
    ("applied_by", "text DEFAULT current_user"),
];

/// Create the table if dbmate (or we) have not, and add our columns if dbmate made it. Only
/// what is missing is sent: `IF NOT EXISTS` on what exists would print a NOTICE every run.
pub async fn ensure(client: &Client) -> Result<()> {
    let present: Vec<String> = client
        .query(
            "SELECT attname::text FROM pg_attribute
             WHERE attrelid = to_regclass('public.schema_migrations') AND attnum > 0 AND NOT attisdropped",
            &[],
        )
        .await
        .map_err(PgError)
        .context("could not read the columns of public.schema_migrations")?
        .iter()
        .map(|row| row.get(0))
        .collect();
    let mut sql = String::new();
    if present.is_empty() {
        sql.push_str("CREATE TABLE IF NOT EXISTS public.schema_migrations (version varchar(128) PRIMARY KEY);");
    }
    let missing: Vec<String> = COLUMNS
        .iter()
        .filter(|(name, _)| !present.iter().any(|p| p == name))
        .map(|(name, kind)| format!("ADD COLUMN IF NOT EXISTS {name} {kind}"))
        .collect();
    if !missing.is_empty() {
        sql.push_str(&format!(
            "ALTER TABLE public.schema_migrations {};",
            missing.join(", ")
        ));
    }
    if sql.is_empty() {
        return Ok(());
    }
    client
        .batch_execute(&sql)
        .await
        .map_err(PgError)
        .context("could not create the migration history table public.schema_migrations")
}

/// Whether the history table exists (reading status must not create it).
pub async fn exists(client: &Client) -> Result<bool> {
    let row = client
        .query_one(
            "SELECT to_regclass('public.schema_migrations') IS NOT NULL",
            &[],
        )
        .await
        .map_err(PgError)
        .context("could not look for public.schema_migrations")?;
    Ok(row.get(0))
}

/// Every recorded migration. Tolerates a table dbmate made (only `version`).
pub async fn applied(client: &Client) -> Result<Vec<Applied>> {
    if !exists(client).await? {
        return Ok(Vec::new());
    }
    let rows = client
        .query(
            "SELECT version::text, to_jsonb(m)::text FROM public.schema_migrations m",
            &[],
        )
        .await
        .map_err(PgError)
        .context("could not read public.schema_migrations")?;
    Ok(rows
        .iter()
        .map(|row| {
            let all: serde_json::Value =
                serde_json::from_str(row.get::<_, &str>(1)).unwrap_or_default();
            let text = |key: &str| all.get(key).and_then(|v| v.as_str()).map(str::to_string);
            Applied {
                version: row.get(0),
                checksum: text("checksum"),
                applied_at: text("applied_at"),
                duration_ms: all.get("duration_ms").and_then(serde_json::Value::as_i64),
            }
        })
        .collect())
}

/// The statement that records `version` as applied; `started` is the server's clock when the
/// migration began, for its duration.
pub fn record(version: &str, name: &str, checksum: &str, started: &str) -> String {
    let literal = postgres_protocol::escape::escape_literal;
    format!(
        "INSERT INTO public.schema_migrations (version, name, checksum, duration_ms) VALUES ({}, {}, {}, \
         (extract(epoch FROM clock_timestamp() - {}::timestamptz) * 1000)::bigint)",
        literal(version),
        literal(name),
        literal(checksum),
        literal(started)
    )
}

/// The statement that forgets `version` (it was reverted).
pub fn forget(version: &str) -> String {
    format!(
        "DELETE FROM public.schema_migrations WHERE version = {}",
        postgres_protocol::escape::escape_literal(version)
    )
}

/// The statement that records `version` as applied unless it already is (imports).
pub fn record_once(version: &str, name: &str, checksum: &str) -> String {
    let literal = postgres_protocol::escape::escape_literal;
    format!(
        "INSERT INTO public.schema_migrations (version, name, checksum) VALUES ({}, {}, {}) ON CONFLICT (version) DO NOTHING",
        literal(version),
        literal(name),
        literal(checksum)
    )
}

/// The old Python scripts' bookmark, `schema_information.last_successful_run`, if any.
pub async fn legacy_bookmark(client: &Client) -> Result<Option<String>> {
    let exists: bool = client
        .query_one(
            "SELECT to_regclass('public.schema_information') IS NOT NULL",
            &[],
        )
        .await
        .map_err(PgError)?
        .get(0);
    if !exists {
        return Ok(None);
    }
    let row = client
        .query_opt(
            "SELECT last_successful_run::text FROM public.schema_information ORDER BY 1 DESC NULLS LAST LIMIT 1",
            &[],
        )
        .await
        .map_err(PgError)
        .context("could not read public.schema_information")?;
    Ok(row.and_then(|row| row.get(0)))
}
