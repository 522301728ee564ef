//! Reports on indexes: how tables are read, and the indexes that are unused, duplicated,
//! invalid or missing under a foreign key.

use super::{Facts, LOCKED, locked_by};
use crate::cli::Report;

/// Whether index `index` (a `pg_index` alias) serves foreign key `key` (a `pg_constraint`
/// alias): its leading columns are the key's columns, in any order, and it is not partial.
fn serves_foreign_key(index: &str, key: &str) -> String {
    let leading = format!(
        "(string_to_array({index}.indkey::text, ' ')::int2[])[1:cardinality({key}.conkey)]"
    );
    format!("{index}.indpred IS NULL AND {leading} @> {key}.conkey AND {leading} <@ {key}.conkey")
}

pub fn sql(report: Report, facts: &Facts) -> String {
    let limit = facts.limit;
    match report {
        Report::IndexUsage => format!(
            "SELECT relid::regclass::text AS table,
                    CASE WHEN seq_scan + coalesce(idx_scan, 0) = 0 THEN NULL
                         ELSE round((100.0 * coalesce(idx_scan, 0) / (seq_scan + coalesce(idx_scan, 0)))::numeric, 1)::float8
                    END AS percent_index_scans,
                    coalesce(idx_scan, 0)::int8 AS index_scans, seq_scan::int8 AS seq_scans,
                    n_live_tup::int8 AS live_rows
             FROM pg_stat_user_tables
             ORDER BY n_live_tup DESC, 1
             LIMIT {limit}"
        ),
        // Never scanned since statistics were reset, and dropping it would change no
        // constraint (not unique, not a primary key or exclusion constraint's) nor slow down
        // a foreign key's checks (deletes in the referenced table search it). Its size and
        // definition are read unless another session holds it (or its table) locked.
        Report::UnusedIndexes => format!(
            "WITH {LOCKED}
             SELECT s.indexrelid::regclass::text AS index, s.relid::regclass::text AS table,
                    s.idx_scan::int8 AS index_scans,
                    CASE WHEN k.pid IS NULL THEN pg_relation_size(s.indexrelid)::int8 END AS index_bytes,
                    greatest(c.reltuples, 0)::int8 AS table_rows,
                    CASE WHEN k.pid IS NULL THEN pg_get_indexdef(s.indexrelid) END AS definition,
                    obj_description(s.indexrelid, 'pg_class') AS comment,
                    k.pid AS locked_by
             FROM pg_stat_user_indexes s
             JOIN pg_index i ON i.indexrelid = s.indexrelid
             JOIN pg_class c ON c.oid = s.relid
             CROSS JOIN LATERAL (SELECT {} AS pid) k
             WHERE s.idx_scan = 0 AND NOT i.indisunique AND NOT i.indisprimary AND i.indisvalid
               AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = s.indexrelid)
               AND NOT EXISTS (
                 SELECT 1 FROM pg_constraint f
                 WHERE f.contype = 'f' AND f.conrelid = s.relid AND {})
             ORDER BY index_bytes DESC NULLS LAST, 1
             LIMIT {limit}",
            locked_by("s.indexrelid, s.relid"),
            serves_foreign_key("i", "f")
        ),
        // Valid indexes with the same table, columns, operator classes, collations,
        // expressions, predicate and uniqueness: one of each group is kept (a primary key's,
        // a constraint's, a unique one, else the first by name), the others are duplicates.
        // An invalid index is never one of them: it serves nothing (see invalid-indexes).
        Report::DuplicateIndexes => format!(
            "WITH {LOCKED}, indexes AS (
               SELECT i.indrelid, i.indexrelid, i.indexrelid::regclass::text AS name, i.indisprimary, i.indisunique,
                      EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid AND k.conrelid = i.indrelid
                                                              AND k.contype IN ('p', 'u', 'x')) AS of_constraint,
                      i.indkey::text AS key, i.indclass::text AS classes, i.indcollation::text AS collations,
                      coalesce(pg_get_expr(i.indexprs, i.indrelid), '') AS expressions,
                      coalesce(pg_get_expr(i.indpred, i.indrelid), '') AS predicate,
                      i.indisexclusion, coalesce(to_jsonb(i) ->> 'indnullsnotdistinct', '') AS nulls,
                      {} AS locked_by
               FROM pg_index i
               JOIN pg_class c ON c.oid = i.indrelid
               JOIN pg_namespace n ON n.oid = c.relnamespace
               WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname !~ '^pg_toast'
                 AND i.indisvalid AND i.indisready
             )
             SELECT indrelid::regclass::text AS table,
                    string_agg(name, ', ' ORDER BY name) AS indexes,
                    (array_agg(name ORDER BY indisprimary DESC, of_constraint DESC, indisunique DESC, name))[1] AS keep,
                    sum(CASE WHEN locked_by IS NULL THEN pg_relation_size(indexrelid) END)::int8 AS total_bytes,
                    min(locked_by) AS locked_by
             FROM indexes
             GROUP BY indrelid, key, classes, collations, expressions, predicate, indisunique, indisexclusion, nulls
             HAVING count(*) > 1
             ORDER BY total_bytes DESC NULLS LAST, 1
             LIMIT {limit}",
            locked_by("i.indexrelid, i.indrelid")
        ),
        Report::InvalidIndexes => format!(
            "WITH {LOCKED}
             SELECT i.indexrelid::regclass::text AS index, i.indrelid::regclass::text AS table,
                    i.indisunique AS unique,
                    CASE WHEN k.pid IS NULL THEN pg_relation_size(i.indexrelid)::int8 END AS index_bytes,
                    CASE WHEN k.pid IS NULL THEN pg_get_indexdef(i.indexrelid) END AS definition,
                    k.pid AS locked_by
             FROM pg_index i
             CROSS JOIN LATERAL (SELECT {} AS pid) k
             WHERE NOT i.indisvalid
             ORDER BY 1
             LIMIT {limit}",
            locked_by("i.indexrelid, i.indrelid")
        ),
        Report::MissingFkIndexes => format!(
            "SELECT k.conrelid::regclass::text AS table, k.conname::text AS foreign_key,
                    (SELECT string_agg(quote_ident(a.attname), ', ' ORDER BY array_position(k.conkey, a.attnum))
                     FROM pg_attribute a
                     WHERE a.attrelid = k.conrelid AND a.attnum = ANY(k.conkey)) AS columns,
                    k.confrelid::regclass::text AS references,
                    c.reltuples::int8 AS estimated_rows,
                    (SELECT string_agg(r.relname::text, E'\\n') FROM pg_class r
                     WHERE r.relnamespace = c.relnamespace AND starts_with(r.relname::text, left(c.relname::text, 16))) AS taken_names
             FROM pg_constraint k
             JOIN pg_class c ON c.oid = k.conrelid
             JOIN pg_namespace n ON n.oid = c.relnamespace
             WHERE k.contype = 'f'
               AND n.nspname NOT IN ('pg_catalog', 'information_schema')
               AND NOT EXISTS (
                 SELECT 1 FROM pg_index i
                 WHERE i.indrelid = k.conrelid AND {})
             ORDER BY c.reltuples DESC, 1, 2
             LIMIT {limit}",
            serves_foreign_key("i", "k")
        ),
        _ => unreachable!("not an index report"),
    }
}
