//! What the reader cannot write yet: rather than a dump (or a plan) that silently leaves an
//! object out and fails later, reading a schema that holds one fails at once, naming it.

use anyhow::Result;

use super::catalog::{Reader, USER_NAMESPACE, not_extension_member};
use crate::error::{Exit, Fail};

/// Fail, naming each object of a kind the reader does not write.
pub async fn refuse(r: &Reader<'_>) -> Result<()> {
    let member = not_extension_member;
    let subscriptions = match r.version {
        // Readable by everyone since 15 (its connection string is not).
        v if v >= 150000 => {
            "UNION ALL SELECT 'subscription ' || pg_catalog.quote_ident(s.subname) FROM pg_catalog.pg_subscription s
              WHERE s.subdbid = (SELECT oid FROM pg_catalog.pg_database WHERE datname = pg_catalog.current_database())"
        }
        _ => "",
    };
    let sql = format!(
        "SELECT what FROM (
           SELECT 'foreign data wrapper ' || pg_catalog.quote_ident(w.fdwname) AS what FROM pg_catalog.pg_foreign_data_wrapper w WHERE {}
           UNION ALL SELECT 'foreign server ' || pg_catalog.quote_ident(s.srvname) FROM pg_catalog.pg_foreign_server s WHERE {}
           UNION ALL SELECT 'foreign table ' || c.oid::pg_catalog.regclass::text FROM pg_catalog.pg_class c
             JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind = 'f' AND {USER_NAMESPACE} AND {}
           UNION ALL SELECT 'text search configuration ' || pg_catalog.format('%I.%I', n.nspname, x.cfgname) FROM pg_catalog.pg_ts_config x
             JOIN pg_catalog.pg_namespace n ON n.oid = x.cfgnamespace WHERE x.oid >= 16384 AND {}
           UNION ALL SELECT 'text search dictionary ' || pg_catalog.format('%I.%I', n.nspname, x.dictname) FROM pg_catalog.pg_ts_dict x
             JOIN pg_catalog.pg_namespace n ON n.oid = x.dictnamespace WHERE x.oid >= 16384 AND {}
           UNION ALL SELECT 'text search parser ' || pg_catalog.format('%I.%I', n.nspname, x.prsname) FROM pg_catalog.pg_ts_parser x
             JOIN pg_catalog.pg_namespace n ON n.oid = x.prsnamespace WHERE x.oid >= 16384 AND {}
           UNION ALL SELECT 'text search template ' || pg_catalog.format('%I.%I', n.nspname, x.tmplname) FROM pg_catalog.pg_ts_template x
             JOIN pg_catalog.pg_namespace n ON n.oid = x.tmplnamespace WHERE x.oid >= 16384 AND {}
           UNION ALL SELECT 'conversion ' || pg_catalog.format('%I.%I', n.nspname, x.conname) FROM pg_catalog.pg_conversion x
             JOIN pg_catalog.pg_namespace n ON n.oid = x.connamespace WHERE x.oid >= 16384 AND {}
           UNION ALL SELECT 'transform for ' || pg_catalog.format_type(x.trftype, NULL) FROM pg_catalog.pg_transform x WHERE x.oid >= 16384 AND {}
           UNION ALL SELECT 'access method ' || pg_catalog.quote_ident(x.amname) FROM pg_catalog.pg_am x WHERE x.oid >= 16384 AND {}
           UNION ALL SELECT 'language ' || pg_catalog.quote_ident(x.lanname) FROM pg_catalog.pg_language x WHERE x.oid >= 16384 AND {}
           UNION ALL SELECT 'base type ' || pg_catalog.format('%I.%I', n.nspname, t.typname) FROM pg_catalog.pg_type t
             JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
            WHERE t.typtype = 'b' AND t.typcategory <> 'A' AND t.oid >= 16384 AND {USER_NAMESPACE} AND {}
           UNION ALL SELECT 'table ' || c.oid::pg_catalog.regclass::text || ' (access method ' || pg_catalog.quote_ident(a.amname) || ')'
             FROM pg_catalog.pg_class c JOIN pg_catalog.pg_am a ON a.oid = c.relam JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
            WHERE c.relkind IN ('r', 'm') AND a.amname <> 'heap' AND {USER_NAMESPACE}
           UNION ALL SELECT 'typed table ' || c.oid::pg_catalog.regclass::text FROM pg_catalog.pg_class c
             JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE c.reloftype <> 0 AND {USER_NAMESPACE} AND {}
           UNION ALL SELECT c.oid::pg_catalog.regclass::text || ' (in tablespace ' || pg_catalog.quote_ident(s.spcname) || ')'
             FROM pg_catalog.pg_class c JOIN pg_catalog.pg_tablespace s ON s.oid = c.reltablespace
             JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
            WHERE c.relkind IN ('r', 'p', 'm', 'i', 'I') AND {USER_NAMESPACE}
           {subscriptions}
         ) x ORDER BY 1",
        member("pg_foreign_data_wrapper", "w.oid"),
        member("pg_foreign_server", "s.oid"),
        member("pg_class", "c.oid"),
        member("pg_ts_config", "x.oid"),
        member("pg_ts_dict", "x.oid"),
        member("pg_ts_parser", "x.oid"),
        member("pg_ts_template", "x.oid"),
        member("pg_conversion", "x.oid"),
        member("pg_transform", "x.oid"),
        member("pg_am", "x.oid"),
        member("pg_language", "x.oid"),
        member("pg_type", "t.oid"),
        member("pg_class", "c.oid"),
    );
    let found: Vec<String> = r
        .query("kinds of objects", &sql)
        .await?
        .iter()
        .map(|row| row.get(0))
        .collect();
    if found.is_empty() {
        return Ok(());
    }
    Err(Fail::new(
        Exit::Failure,
        format!(
            "the schema holds what cruddur-db cannot write yet: {}",
            found.join(", ")
        ),
    )
    .hint("rather than a file that leaves them out, nothing is written; `pg_dump --schema-only` writes them, or remove them from the database")
    .into())
}
