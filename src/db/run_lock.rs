//! One run at a time per target and purpose (`setup`, `migrate`): a session-level advisory
//! lock keyed by both, held until the session ends. A second run says who holds it and waits,
//! bounded by `--lock-timeout`.

use std::time::Duration;

use anyhow::{Context, Result};
use sha2::{Digest, Sha256};
use tokio_postgres::Client;

use super::{PgError, quote_ident};
use crate::error::{Exit, Fail};
use crate::ui;

/// The advisory lock key for `purpose` on database `name`: the same for every cruddur-db on
/// any machine, and unlikely to meet another application's keys.
fn key(purpose: &str, name: &str) -> i64 {
    let digest = Sha256::digest(format!("cruddur-db {purpose} {name}"));
    i64::from_be_bytes(digest[..8].try_into().unwrap_or_default())
}

/// Take the lock for `purpose` (`setup`, `migrate`) on `name` through `client`, waiting at
/// most `timeout` (forever when `None`) for another run to finish. It is released when the
/// session ends.
pub async fn acquire(
    client: &Client,
    purpose: &str,
    name: &str,
    timeout: Option<Duration>,
) -> Result<()> {
    let key = key(purpose, name);
    let try_lock = || async {
        let row = client
            .query_one("SELECT pg_try_advisory_lock($1)", &[&key])
            .await
            .map_err(PgError)
            .with_context(|| format!("could not take the {purpose} lock"))?;
        anyhow::Ok(row.get::<_, bool>(0))
    };
    if try_lock().await? {
        return Ok(());
    }
    ui::status(
        "lock",
        format_args!(
            "another {purpose} of {} is running ({}); waiting for it",
            quote_ident(name),
            holder(client, key).await?
        ),
    );
    // Wait by asking again, never inside `pg_advisory_lock`: a waiting query holds a
    // snapshot, and the holder's `CREATE INDEX CONCURRENTLY` waits for every snapshot older
    // than its own, so holder and waiter would wait on each other until a timeout cancels
    // the build and leaves an invalid index behind. Between two tries this session holds none.
    let deadline = timeout.map(|t| std::time::Instant::now() + t);
    loop {
        tokio::time::sleep(POLL).await;
        if try_lock().await? {
            return Ok(());
        }
        if deadline.is_some_and(|deadline| std::time::Instant::now() >= deadline) {
            return Err(Fail::new(
                Exit::Busy,
                format!(
                    "gave up after {} s waiting for another {purpose} of {}; your database is unchanged",
                    timeout.unwrap_or_default().as_secs(),
                    quote_ident(name)
                ),
            )
            .hint("let it finish (`cruddur-db sessions --all` shows it), end it with `cruddur-db kill --pid PID`, or raise --lock-timeout")
            .into());
        }
    }
}

/// How often a waiting run asks for the lock again.
const POLL: Duration = Duration::from_millis(100);

/// Who holds lock `key`: pid, application, client and since when.
async fn holder(client: &Client, key: i64) -> Result<String> {
    let row = client
        .query_opt(
            "SELECT a.pid, coalesce(nullif(a.application_name, ''), '?'),
                    CASE WHEN a.client_port = -1 THEN 'local' ELSE coalesce(host(a.client_addr), '?') END,
                    to_char(a.backend_start, 'YYYY-MM-DD HH24:MI:SS')
             FROM pg_locks l JOIN pg_stat_activity a USING (pid)
             WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 1
               AND ((l.classid::int8 << 32) | l.objid::int8) = $1",
            &[&key],
        )
        .await
        .map_err(PgError)
        .context("could not read who holds the lock")?;
    Ok(match row {
        Some(row) => format!(
            "pid {}, application {}, client {}, since {}",
            row.get::<_, i32>(0),
            row.get::<_, String>(1),
            row.get::<_, String>(2),
            row.get::<_, Option<String>>(3).unwrap_or_default()
        ),
        None => "it has just finished".to_string(),
    })
}
