//! Resetting a database that exists in place, in one transaction: drop what a load will make
//! again, load, commit. PostgreSQL's DDL is transactional, so a failure, a signal or a lost
//! connection rolls all of it back and the database keeps its data, with no second database
//! and no `CREATE DATABASE` on the way.

use anyhow::{Context, Result};
use tokio_postgres::Client;

use super::{Step, set_step};
use crate::db::{self, PgError, Session, quote_ident};

/// How a reset in place ended.
#[derive(Debug)]
pub enum Reset {
    Done,
    /// The database could not be cleared in place (a schema of another role, say): nothing
    /// changed, and building aside gives the right result. Why, for the status line.
    Unsuitable(String),
}

/// What in the database `client` is on would survive a reset in place although a fresh
/// database (a copy of template1, as `CREATE DATABASE` makes) would not have it, or what a fresh
/// one would have that this one lacks; `None` when a reset in place gives a fresh database's
/// result. One round trip.
pub async fn obstacle(client: &Client) -> Result<Option<String>> {
    let row = client
        .query_one(OBSTACLES, &[])
        .await
        .map_err(PgError)
        .context("could not check whether the database can be reset in place")?;
    let found: Vec<String> = row.get(0);
    Ok((!found.is_empty()).then(|| found.join("; ")))
}

/// Everything a schema drop does not reach, and the database's own settings, compared with
/// template1 (as initdb makes it: `public`, plpgsql, nothing else).
const OBSTACLES: &str = "
WITH here AS (SELECT * FROM pg_database WHERE datname = current_database()),
     fresh AS (SELECT * FROM pg_database WHERE datname = 'template1'),
     members AS (SELECT classid, objid FROM pg_depend WHERE deptype = 'e')
SELECT array_remove(ARRAY[
    CASE WHEN here.encoding <> fresh.encoding
         THEN format('its encoding %s is not the %s a new database gets',
                     pg_encoding_to_char(here.encoding), pg_encoding_to_char(fresh.encoding)) END,
    CASE WHEN (here.datcollate, here.datctype) <> (fresh.datcollate, fresh.datctype)
         THEN format('its locale %s/%s is not the %s/%s a new database gets',
                     here.datcollate, here.datctype, fresh.datcollate, fresh.datctype) END,
    (SELECT 'it has database settings (ALTER DATABASE ... SET) a new database would not'
       FROM pg_db_role_setting WHERE setdatabase = here.oid HAVING count(*) > 0),
    CASE WHEN to_regnamespace('public') IS NULL THEN 'its public schema was dropped' END,
    CASE WHEN NOT EXISTS (SELECT FROM pg_extension WHERE extname = 'plpgsql')
         THEN 'its plpgsql extension was dropped' END,
    (SELECT 'event trigger(s) ' || string_agg(quote_ident(evtname), ', ' ORDER BY evtname)
       FROM pg_event_trigger e
      WHERE (e.tableoid, e.oid) NOT IN (SELECT * FROM members) HAVING count(*) > 0),
    (SELECT 'publication(s) ' || string_agg(quote_ident(pubname), ', ' ORDER BY pubname)
       FROM pg_publication HAVING count(*) > 0),
    (SELECT 'subscription(s) ' || string_agg(quote_ident(subname), ', ' ORDER BY subname)
       FROM pg_subscription WHERE subdbid = here.oid HAVING count(*) > 0),
    (SELECT count(*) || ' large object(s)' FROM pg_largeobject_metadata HAVING count(*) > 0),
    (SELECT 'foreign-data wrapper(s) ' || string_agg(quote_ident(fdwname), ', ' ORDER BY fdwname)
       FROM pg_foreign_data_wrapper w
      WHERE (w.tableoid, w.oid) NOT IN (SELECT * FROM members) HAVING count(*) > 0),
    (SELECT 'procedural language(s) ' || string_agg(quote_ident(lanname), ', ' ORDER BY lanname)
       FROM pg_language l
      WHERE l.oid >= 16384 AND (l.tableoid, l.oid) NOT IN (SELECT * FROM members)
     HAVING count(*) > 0),
    (SELECT count(*) || ' cast(s) between built-in types'
       FROM pg_cast c
      WHERE c.oid >= 16384 AND c.castsource < 16384 AND c.casttarget < 16384
        AND c.castfunc < 16384 AND (c.tableoid, c.oid) NOT IN (SELECT * FROM members)
     HAVING count(*) > 0),
    (SELECT 'default privileges (ALTER DEFAULT PRIVILEGES) outside its own schemas'
       FROM pg_default_acl
      WHERE defaclnamespace IN (0, to_regnamespace('public')) HAVING count(*) > 0)
], NULL)
FROM here, fresh";

/// The statements that take the database back to a fresh one's state, in order: every schema
/// but the system's and `public` (with what is in them), every extension but plpgsql, then
/// what is in `public`, whose schema stays with its owner and grants. `DROP ... IF EXISTS ...
/// CASCADE` each, as an earlier drop may have taken a later object with it. An object in
/// `public` of a kind not known here comes back as `Err(kind)`.
const CLEARING: &str = "
SELECT 1, format('DROP SCHEMA IF EXISTS %s CASCADE', string_agg(quote_ident(nspname), ', ' ORDER BY nspname)), NULL
  FROM pg_namespace
 WHERE nspname NOT IN ('public', 'pg_catalog', 'information_schema')
   AND nspname !~ '^pg_(toast|temp_)'
HAVING count(*) > 0
UNION ALL
SELECT 2, format('DROP EXTENSION IF EXISTS %s CASCADE', string_agg(quote_ident(extname), ', ' ORDER BY extname)), NULL
  FROM pg_extension WHERE extname <> 'plpgsql'
HAVING count(*) > 0
UNION ALL
SELECT 3, format('DROP %s IF EXISTS %s CASCADE', keyword, o.identity), o.type
  FROM pg_depend d
 CROSS JOIN LATERAL pg_identify_object(d.classid, d.objid, 0) o
 CROSS JOIN LATERAL (SELECT CASE o.type
        WHEN 'composite type' THEN 'TYPE'
        WHEN 'statistics object' THEN 'STATISTICS'
        ELSE upper(o.type) END AS keyword) k
 WHERE d.refclassid = 'pg_namespace'::regclass AND d.refobjid = 'public'::regnamespace
   AND d.deptype = 'n' AND d.classid <> 'pg_extension'::regclass
   AND NOT EXISTS (SELECT FROM pg_depend e
                    WHERE e.classid = d.classid AND e.objid = d.objid AND e.deptype = 'e')
ORDER BY 1, 2";

/// The kinds of object `CLEARING` knows how to drop from `public`.
const DROPPABLE: &[&str] = &[
    "aggregate",
    "collation",
    "composite type",
    "conversion",
    "domain",
    "foreign table",
    "function",
    "index",
    "materialized view",
    "operator",
    "operator class",
    "operator family",
    "procedure",
    "sequence",
    "statistics object",
    "table",
    "text search configuration",
    "text search dictionary",
    "text search parser",
    "text search template",
    "type",
    "view",
];

/// Reset database `name` in place through `session`, a connection to it: end (with `force`)
/// or name the other sessions on it, then in one transaction clear it and let `fill` load it,
/// and commit. `admin` is on another database of the same server. The caller holds the
/// target's setup lock.
pub async fn reset(
    admin: &Client,
    session: &Session,
    name: &str,
    force: bool,
    fill: impl AsyncFnOnce(&Session) -> Result<()>,
) -> Result<Reset> {
    let own_pid: i32 = session
        .client
        .query_one("SELECT pg_backend_pid()", &[])
        .await
        .map_err(PgError)?
        .get(0);
    db::admin::end_other_sessions(admin, name, own_pid, force).await?;
    set_step(Some(Step::Resetting("clear")));
    let unchanged = || format!("your database {} is unchanged", quote_ident(name));
    session
        .client
        .batch_execute("BEGIN")
        .await
        .map_err(PgError)?;
    if let Err(why) = clear(&session.client).await {
        let _ = session.client.batch_execute("ROLLBACK").await;
        return Ok(Reset::Unsuitable(why));
    }
    if let Err(err) = fill(session).await {
        // The server has aborted the transaction already; ROLLBACK just ends it.
        let _ = session.client.batch_execute("ROLLBACK").await;
        return Err(err.context(unchanged()));
    }
    set_step(Some(Step::Committing));
    session
        .client
        .batch_execute("COMMIT")
        .await
        .map_err(PgError)
        .context("could not commit the reset")
        .with_context(unchanged)?;
    Ok(Reset::Done)
}

/// Drop what `CLEARING` lists; `Err` says why the database cannot be cleared in place.
async fn clear(client: &Client) -> Result<(), String> {
    let rows = client
        .query(CLEARING, &[])
        .await
        .map_err(|err| format!("could not list what to drop ({})", PgError(err)))?;
    let mut sql = String::new();
    for row in rows {
        if let Some(kind) = row.get::<_, Option<String>>(2)
            && !DROPPABLE.contains(&kind.as_str())
        {
            return Err(format!("the public schema holds a {kind}"));
        }
        sql.push_str(row.get::<_, &str>(1));
        sql.push_str(";\n");
    }
    if sql.is_empty() {
        return Ok(());
    }
    crate::ui::verbose(format_args!("> {}", sql.trim_end()));
    // "drop cascades to ..." notices say nothing the user asked about.
    let quiet = format!("SET client_min_messages = warning;\n{sql}RESET client_min_messages;");
    client
        .batch_execute(&quiet)
        .await
        .map_err(|err| format!("could not clear it ({})", PgError(err)))
}
