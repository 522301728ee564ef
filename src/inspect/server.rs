//! Reports on the server: connections, this database's statistics, replication slots, the
//! settings that matter and the extensions.

use super::Facts;
use crate::cli::Report;

/// The settings worth a look when a database is slow, in the order people tune them.
const SETTINGS: &[&str] = &[
    "max_connections",
    "shared_buffers",
    "effective_cache_size",
    "work_mem",
    "maintenance_work_mem",
    "random_page_cost",
    "effective_io_concurrency",
    "max_wal_size",
    "checkpoint_timeout",
    "autovacuum",
    "autovacuum_vacuum_scale_factor",
    "autovacuum_freeze_max_age",
    "statement_timeout",
    "lock_timeout",
    "idle_in_transaction_session_timeout",
    "log_min_duration_statement",
    "shared_preload_libraries",
    "track_io_timing",
];

pub fn sql(report: Report, facts: &Facts) -> String {
    let limit = facts.limit;
    match report {
        Report::Connections => format!(
            "SELECT coalesce(usename::text, '') AS user, application_name AS application,
                    coalesce(state, '') AS state, count(*)::int8 AS sessions,
                    current_setting('max_connections')::int8 AS max_connections
             FROM pg_stat_activity
             WHERE backend_type = 'client backend'
             GROUP BY 1, 2, 3
             ORDER BY sessions DESC, 1, 2, 3
             LIMIT {limit}"
        ),
        Report::DbStats => "SELECT datname::text AS database, numbackends::int8 AS sessions,
                    xact_commit::int8 AS commits, xact_rollback::int8 AS rollbacks,
                    blks_read::int8 AS blocks_read, blks_hit::int8 AS blocks_hit,
                    round((blks_hit::numeric / nullif(blks_hit + blks_read, 0)), 4)::float8 AS cache_hit_ratio,
                    tup_returned::int8 AS rows_returned, tup_fetched::int8 AS rows_fetched,
                    tup_inserted::int8 AS rows_inserted, tup_updated::int8 AS rows_updated,
                    tup_deleted::int8 AS rows_deleted, conflicts::int8, temp_files::int8,
                    temp_bytes::int8, deadlocks::int8,
                    pg_database_size(datname)::int8 AS database_bytes,
                    to_char(stats_reset, 'YYYY-MM-DD HH24:MI') AS stats_reset
             FROM pg_stat_database WHERE datname = current_database()"
            .to_string(),
        Report::ReplicationSlots => format!(
            "SELECT slot_name::text AS slot, slot_type AS type, coalesce(plugin::text, '') AS plugin,
                    coalesce(database::text, '') AS database, active, temporary,
                    CASE WHEN restart_lsn IS NULL OR pg_is_in_recovery() THEN NULL
                         ELSE pg_wal_lsn_diff(pg_current_wal_lsn(), restart_lsn)::int8 END AS retained_wal_bytes
             FROM pg_replication_slots
             ORDER BY retained_wal_bytes DESC NULLS LAST, 1
             LIMIT {limit}"
        ),
        Report::Settings => {
            let names: Vec<String> = SETTINGS.iter().map(|s| format!("'{s}'")).collect();
            format!(
                "SELECT name::text AS setting, setting AS value, coalesce(unit, '') AS unit, source,
                        coalesce(sourcefile || ':' || sourceline, '') AS set_in
                 FROM pg_settings
                 WHERE name IN ({})
                 ORDER BY array_position(ARRAY[{}], name::text)",
                names.join(", "),
                names.join(", ")
            )
        }
        Report::Extensions => format!(
            "SELECT name::text AS extension, coalesce(installed_version, '') AS installed_version,
                    coalesce(default_version, '') AS default_version, coalesce(comment, '') AS comment
             FROM pg_available_extensions
             ORDER BY installed_version IS NULL, name
             LIMIT {limit}"
        ),
        _ => unreachable!("not a server report"),
    }
}
