//! Reports on queries: the statements that cost the most (`pg_stat_statements`), what runs
//! long now, and who blocks whom.

use super::Facts;
use crate::cli::Report;

/// PostgreSQL 13 renamed `total_time` to `total_exec_time` (planning got its own columns).
const EXEC_TIME_SINCE: u32 = 130_000;

pub fn sql(report: Report, facts: &Facts) -> String {
    let limit = facts.limit;
    let (total, mean) = if facts.version >= EXEC_TIME_SINCE {
        ("total_exec_time", "mean_exec_time")
    } else {
        ("total_time", "mean_time")
    };
    let statements = |order: &str| {
        format!(
            "SELECT left(regexp_replace(s.query, '\\s+', ' ', 'g'), 300) AS query,
                    s.calls::int8 AS calls,
                    round(s.{total}::numeric, 2)::float8 AS total_ms,
                    round(s.{mean}::numeric, 3)::float8 AS mean_ms,
                    round((100 * s.{total} / nullif(sum(s.{total}) OVER (), 0))::numeric, 1)::float8 AS percent,
                    s.rows::int8 AS rows
             FROM pg_stat_statements s
             JOIN pg_database d ON d.oid = s.dbid
             WHERE d.datname = current_database()
             ORDER BY {order} DESC NULLS LAST
             LIMIT {limit}"
        )
    };
    match report {
        Report::Outliers => statements(&format!("s.{total}")),
        Report::Calls => statements("s.calls"),
        Report::LongRunning => format!(
            "SELECT pid, usename::text AS user, application_name AS application, state,
                    round(extract(epoch FROM now() - query_start)::numeric, 1)::float8 AS seconds,
                    left(regexp_replace(query, '\\s+', ' ', 'g'), 300) AS query
             FROM pg_stat_activity
             WHERE backend_type = 'client backend' AND pid <> pg_backend_pid()
               AND datname = current_database()
               AND state IS DISTINCT FROM 'idle'
               AND now() - query_start > make_interval(secs => {})
             ORDER BY query_start
             LIMIT {limit}",
            facts.min
        ),
        Report::Blocking => format!(
            "SELECT blocked.pid AS blocked_pid,
                    left(regexp_replace(blocked.query, '\\s+', ' ', 'g'), 200) AS blocked_query,
                    round(extract(epoch FROM now() - blocked.query_start)::numeric, 1)::float8 AS waiting_seconds,
                    (SELECT l.mode || coalesce(' on ' || l.relation::regclass::text, '')
                     FROM pg_locks l WHERE l.pid = blocked.pid AND NOT l.granted LIMIT 1) AS lock_wanted,
                    blocker.pid AS blocker_pid,
                    blocker.state AS blocker_state,
                    round(extract(epoch FROM now() - coalesce(blocker.xact_start, blocker.query_start))::numeric, 1)::float8 AS blocker_seconds,
                    left(regexp_replace(blocker.query, '\\s+', ' ', 'g'), 200) AS blocker_query
             FROM pg_stat_activity blocked
             CROSS JOIN LATERAL unnest(pg_blocking_pids(blocked.pid)) AS b(pid)
             JOIN pg_stat_activity blocker ON blocker.pid = b.pid
             WHERE blocked.datname = current_database()
             ORDER BY blocked.query_start
             LIMIT {limit}"
        ),
        Report::Locks => format!(
            "SELECT l.pid, l.relation::regclass::text AS relation, l.mode, l.granted,
                    a.application_name AS application, a.state,
                    round(extract(epoch FROM now() - coalesce(a.xact_start, a.query_start))::numeric, 1)::float8 AS seconds,
                    left(regexp_replace(a.query, '\\s+', ' ', 'g'), 200) AS query
             FROM pg_locks l
             JOIN pg_stat_activity a ON a.pid = l.pid
             WHERE l.locktype = 'relation' AND l.pid <> pg_backend_pid()
               AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
               AND l.relation NOT IN (SELECT oid FROM pg_class WHERE relnamespace = 'pg_catalog'::regnamespace)
             ORDER BY l.granted, seconds DESC NULLS LAST, l.pid
             LIMIT {limit}"
        ),
        _ => unreachable!("not a query report"),
    }
}
