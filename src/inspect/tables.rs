//! Reports on tables: sizes, rows, sequential scans, cache hits, bloat, vacuum and
//! transaction-ID age.

use super::{Facts, LOCKED, locked_by};
use crate::cli::Report;

/// User tables (and materialized views) of this database, as `c` joined to `n`.
const USER_TABLES: &str = "c.relkind IN ('r', 'p', 'm')
               AND n.nspname NOT IN ('pg_catalog', 'information_schema')
               AND n.nspname !~ '^pg_toast'";

pub fn sql(report: Report, facts: &Facts) -> String {
    let limit = facts.limit;
    match report {
        // Sizes open the table, its TOAST table and its indexes: a locked one is left unsized.
        Report::TableSizes => format!(
            "WITH {LOCKED}, tables AS (
               SELECT c.oid, c.reltoastrelid,
                      {} AS locked_by
               FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
               WHERE {USER_TABLES}
             )
             SELECT oid::regclass::text AS table,
                    CASE WHEN locked_by IS NULL THEN
                      (pg_table_size(oid) - coalesce(pg_total_relation_size(reltoastrelid), 0))::int8 END AS table_bytes,
                    CASE WHEN locked_by IS NULL THEN pg_indexes_size(oid)::int8 END AS index_bytes,
                    CASE WHEN locked_by IS NULL THEN coalesce(pg_total_relation_size(reltoastrelid), 0)::int8 END AS toast_bytes,
                    CASE WHEN locked_by IS NULL THEN pg_total_relation_size(oid)::int8 END AS total_bytes,
                    locked_by
             FROM tables
             ORDER BY total_bytes DESC NULLS LAST, 1
             LIMIT {limit}",
            locked_by(
                "c.oid, c.reltoastrelid, (SELECT t.reltoastrelid FROM pg_class t WHERE t.oid = c.reltoastrelid), \
                 (SELECT x.indexrelid FROM pg_index x WHERE x.indrelid IN (c.oid, c.reltoastrelid) \
                   AND x.indexrelid IN (SELECT relation FROM locked) LIMIT 1)"
            )
        ),
        Report::Records => format!(
            "SELECT c.oid::regclass::text AS table,
                    CASE WHEN c.reltuples < 0 THEN NULL ELSE c.reltuples::int8 END AS estimated_rows
             FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
             WHERE {USER_TABLES}
             ORDER BY c.reltuples DESC, 1
             LIMIT {limit}"
        ),
        Report::SeqScans => format!(
            "SELECT relid::regclass::text AS table, seq_scan::int8 AS seq_scans,
                    seq_tup_read::int8 AS rows_read_by_seq_scans, coalesce(idx_scan, 0)::int8 AS index_scans,
                    n_live_tup::int8 AS live_rows
             FROM pg_stat_user_tables
             ORDER BY seq_scan DESC, 1
             LIMIT {limit}"
        ),
        Report::CacheHit => "SELECT 'tables' AS name,
                    sum(heap_blks_hit)::int8 AS hits, sum(heap_blks_read)::int8 AS reads,
                    round((sum(heap_blks_hit) / nullif(sum(heap_blks_hit) + sum(heap_blks_read), 0))::numeric, 4)::float8 AS ratio
             FROM pg_statio_user_tables
             UNION ALL
             SELECT 'indexes', sum(idx_blks_hit)::int8, sum(idx_blks_read)::int8,
                    round((sum(idx_blks_hit) / nullif(sum(idx_blks_hit) + sum(idx_blks_read), 0))::numeric, 4)::float8
             FROM pg_statio_user_indexes
             UNION ALL
             SELECT 'database', blks_hit::int8, blks_read::int8,
                    round((blks_hit::numeric / nullif(blks_hit + blks_read, 0)), 4)::float8
             FROM pg_stat_database WHERE datname = current_database()"
            .to_string(),
        Report::Bloat => format!(
            // The estimate pg-extras and check_postgres make from pg_stats: how many pages the
            // rows' average width needs, against how many the relation has.
            "WITH constants AS (
               SELECT current_setting('block_size')::numeric AS bs, 23 AS hdr, 8 AS ma
             ), widths AS (
               SELECT s.schemaname, s.tablename, k.bs, k.hdr, k.ma,
                      sum((1 - s.null_frac) * s.avg_width) AS datawidth,
                      max(s.null_frac) AS maxfracsum,
                      k.hdr + (SELECT 1 + count(*) / 8 FROM pg_stats s2
                               WHERE s2.null_frac <> 0 AND s2.schemaname = s.schemaname
                                 AND s2.tablename = s.tablename) AS nullhdr
               FROM pg_stats s CROSS JOIN constants k
               WHERE s.schemaname NOT IN ('pg_catalog', 'information_schema')
               GROUP BY 1, 2, 3, 4, 5
             ), rows AS (
               SELECT schemaname, tablename, bs, ma,
                      (datawidth + (hdr + ma - CASE WHEN hdr % ma = 0 THEN ma ELSE hdr % ma END))::numeric AS datahdr,
                      (maxfracsum * (nullhdr + ma - CASE WHEN nullhdr % ma = 0 THEN ma ELSE nullhdr % ma END)) AS nullhdr2
               FROM widths
             ), tables AS (
               SELECT c.oid, c.relpages::numeric AS pages, r.bs, r.datahdr,
                      ceil(c.reltuples * ((r.datahdr + r.ma - CASE WHEN r.datahdr % r.ma = 0 THEN r.ma ELSE r.datahdr % r.ma END) + r.nullhdr2 + 4) / (r.bs - 20)) AS expected
               FROM rows r
               JOIN pg_namespace n ON n.nspname = r.schemaname
               JOIN pg_class c ON c.relnamespace = n.oid AND c.relname = r.tablename AND c.relkind IN ('r', 'm')
             ), estimates AS (
               SELECT 'table' AS kind, t.oid::regclass::text AS object, t.pages, t.expected, t.bs
               FROM tables t
               UNION ALL
               SELECT 'index', i.indexrelid::regclass::text, ic.relpages::numeric,
                      coalesce(ceil(ic.reltuples * (t.datahdr - 12) / (t.bs - 20)), 0), t.bs
               FROM tables t
               JOIN pg_index i ON i.indrelid = t.oid
               JOIN pg_class ic ON ic.oid = i.indexrelid
             )
             SELECT kind, object,
                    round((CASE WHEN expected > 0 THEN pages / expected ELSE 0 END)::numeric, 1)::float8 AS bloat_factor,
                    greatest(pages - expected, 0)::int8 * bs::int8 AS wasted_bytes
             FROM estimates
             ORDER BY wasted_bytes DESC, bloat_factor DESC, object
             LIMIT {limit}"
        ),
        Report::VacuumStats => format!(
            "WITH settings AS (
               SELECT current_setting('autovacuum')::bool AS autovacuum,
                      current_setting('autovacuum_vacuum_threshold')::float8 AS threshold,
                      current_setting('autovacuum_vacuum_scale_factor')::float8 AS scale_factor
             ), tables AS (
               SELECT s.relid, s.n_dead_tup, s.n_live_tup, s.last_vacuum, s.last_autovacuum,
                      s.last_analyze, s.last_autoanalyze, c.reltuples,
                      coalesce((SELECT split_part(o, '=', 2)::bool FROM unnest(c.reloptions) o
                                WHERE o LIKE 'autovacuum_enabled=%'), true) AS table_autovacuum,
                      coalesce((SELECT split_part(o, '=', 2)::float8 FROM unnest(c.reloptions) o
                                WHERE o LIKE 'autovacuum_vacuum_threshold=%'), k.threshold) AS threshold,
                      coalesce((SELECT split_part(o, '=', 2)::float8 FROM unnest(c.reloptions) o
                                WHERE o LIKE 'autovacuum_vacuum_scale_factor=%'), k.scale_factor) AS scale_factor,
                      k.autovacuum
               FROM pg_stat_user_tables s
               JOIN pg_class c ON c.oid = s.relid
               CROSS JOIN settings k
             )
             SELECT relid::regclass::text AS table,
                    n_dead_tup::int8 AS dead_rows, n_live_tup::int8 AS live_rows,
                    to_char(last_vacuum, 'YYYY-MM-DD HH24:MI') AS last_vacuum,
                    to_char(last_autovacuum, 'YYYY-MM-DD HH24:MI') AS last_autovacuum,
                    to_char(last_analyze, 'YYYY-MM-DD HH24:MI') AS last_analyze,
                    to_char(last_autoanalyze, 'YYYY-MM-DD HH24:MI') AS last_autoanalyze,
                    round((threshold + scale_factor * greatest(reltuples, 0))::numeric)::int8 AS autovacuum_threshold,
                    (autovacuum AND table_autovacuum) AS autovacuum_enabled,
                    (autovacuum AND table_autovacuum
                     AND n_dead_tup > threshold + scale_factor * greatest(reltuples, 0)) AS autovacuum_next
             FROM tables
             ORDER BY n_dead_tup DESC, 1
             LIMIT {limit}"
        ),
        Report::UnvacuumedXid => format!(
            "SELECT c.oid::regclass::text AS table,
                    age(c.relfrozenxid)::int8 AS xid_age,
                    coalesce((SELECT split_part(o, '=', 2)::int8 FROM unnest(c.reloptions) o
                              WHERE o LIKE 'autovacuum_freeze_max_age=%'),
                             current_setting('autovacuum_freeze_max_age')::int8) AS freeze_max_age,
                    round((100 * age(c.relfrozenxid) / 2147483648.0)::numeric, 2)::float8 AS percent_to_wraparound
             FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
             WHERE c.relkind IN ('r', 'm') AND n.nspname NOT IN ('pg_catalog', 'information_schema')
               AND n.nspname !~ '^pg_toast'
             ORDER BY age(c.relfrozenxid) DESC, 1
             LIMIT {limit}"
        ),
        _ => unreachable!("not a table report"),
    }
}
