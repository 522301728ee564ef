//! A table's columns as the catalogs hold them (type, default, identity, generated
//! expression, storage, compression, statistics target, options, comment), and the `ALTER
//! COLUMN` statements that give a column what its definition cannot say.

use std::collections::BTreeMap;

use anyhow::Result;

use super::catalog::{Reader, USER_NAMESPACE};
use super::sequences::{OPTION_COLUMNS, Options};
use super::{Column, Identity, Inherited};

/// Every column of user relations and composite types, by relation oid, in order.
pub async fn columns(r: &Reader<'_>) -> Result<BTreeMap<u32, Vec<Column>>> {
    let statistics = match r.version {
        v if v >= 170000 => "a.attstattarget::int4",
        _ => "NULLIF(a.attstattarget, -1)",
    };
    let compression = match r.version {
        v if v >= 140000 => "a.attcompression::text",
        _ => "''::text",
    };
    let not_null_name = match r.version {
        v if v >= 180000 => {
            "(SELECT pg_catalog.quote_ident(k.conname) FROM pg_catalog.pg_constraint k
               WHERE k.conrelid = a.attrelid AND k.contype = 'n' AND k.conkey[1] = a.attnum AND k.conislocal
                 AND k.conname <> pg_catalog.left(pg_catalog.format('%s_%s_not_null', c.relname, a.attname), 63))"
        }
        _ => "NULL::text",
    };
    // What a column gets when its table is created: its type's storage, or, inherited, its
    // first parent's storage, compression, default and NOT NULL.
    let parent = |what: &str| {
        format!(
            "(SELECT {what} FROM pg_catalog.pg_inherits i
                JOIN pg_catalog.pg_attribute pa ON pa.attrelid = i.inhparent AND pa.attname = a.attname
                LEFT JOIN pg_catalog.pg_attrdef pd ON pd.adrelid = pa.attrelid AND pd.adnum = pa.attnum
               WHERE i.inhrelid = a.attrelid ORDER BY i.inhseqno LIMIT 1)"
        )
    };
    let parent_compression = match r.version {
        v if v >= 140000 => parent("pa.attcompression::text"),
        _ => "''::text".to_string(),
    };
    // Debian's servers keep a version of their own among a column's options, `pg_attver`,
    // which pg_dump leaves out too.
    let sql = format!(
        "SELECT a.attrelid, pg_catalog.quote_ident(a.attname), pg_catalog.format_type(a.atttypid, a.atttypmod),
                CASE WHEN a.atttypmod <> -1 THEN pg_catalog.format_type(a.atttypid, NULL) END,
                CASE WHEN a.attcollation <> t.typcollation AND a.attcollation <> 0 THEN
                  (SELECT pg_catalog.format('%I.%I', cn.nspname, co.collname) FROM pg_catalog.pg_collation co
                     JOIN pg_catalog.pg_namespace cn ON cn.oid = co.collnamespace WHERE co.oid = a.attcollation) END,
                pg_catalog.pg_get_expr(d.adbin, d.adrelid), a.attnotnull, a.attidentity::text, a.attgenerated::text,
                ds.description, {statistics},
                a.attstorage::text, CASE WHEN a.attinhcount > 0 THEN {} ELSE t.typstorage::text END,
                {compression}, CASE WHEN a.attinhcount > 0 THEN coalesce({parent_compression}, '') ELSE '' END,
                CASE WHEN a.attoptions IS NOT NULL THEN
                  ARRAY(SELECT o FROM pg_catalog.unnest(a.attoptions) o WHERE o NOT LIKE 'pg\\_attver=%') END,
                a.attislocal, a.attinhcount > 0, {not_null_name},
                CASE WHEN sc.oid IS NOT NULL THEN pg_catalog.format('%I.%I', sn.nspname, sc.relname) END, {OPTION_COLUMNS},
                CASE WHEN a.attinhcount > 0 THEN {} END, CASE WHEN a.attinhcount > 0 THEN {} END
           FROM pg_catalog.pg_attribute a
           JOIN pg_catalog.pg_class c ON c.oid = a.attrelid
           JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
           JOIN pg_catalog.pg_type t ON t.oid = a.atttypid
           LEFT JOIN pg_catalog.pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
           LEFT JOIN pg_catalog.pg_description ds ON ds.objoid = a.attrelid AND ds.objsubid = a.attnum
                AND ds.classoid = 'pg_catalog.pg_class'::pg_catalog.regclass
           LEFT JOIN pg_catalog.pg_depend sd ON a.attidentity <> '' AND sd.refclassid = 'pg_catalog.pg_class'::pg_catalog.regclass
                AND sd.refobjid = a.attrelid AND sd.refobjsubid = a.attnum AND sd.deptype = 'i'
                AND sd.classid = 'pg_catalog.pg_class'::pg_catalog.regclass
           LEFT JOIN pg_catalog.pg_sequence s ON s.seqrelid = sd.objid
           LEFT JOIN pg_catalog.pg_class sc ON sc.oid = s.seqrelid
           LEFT JOIN pg_catalog.pg_namespace sn ON sn.oid = sc.relnamespace
          WHERE a.attnum > 0 AND NOT a.attisdropped AND c.relkind IN ('r', 'p', 'v', 'm', 'c', 'f') AND {USER_NAMESPACE}
          ORDER BY a.attrelid, a.attnum",
        parent("pa.attstorage::text"),
        // A generated column's expression is no default: the partition has it as it is.
        parent("CASE WHEN pa.attgenerated = '' THEN pg_catalog.pg_get_expr(pd.adbin, pd.adrelid) END"),
        parent("pa.attnotnull"),
    );
    let mut columns: BTreeMap<u32, Vec<Column>> = BTreeMap::new();
    let code = |text: String| text.chars().next().unwrap_or('\0');
    for row in r.query("columns", &sql).await? {
        let identity: String = row.get(7);
        let generated: String = row.get(8);
        let default: Option<String> = row.get(5);
        let (default, generated) = match generated.as_str() {
            "s" => (None, default),
            _ => (default, None),
        };
        let identity = match identity.as_str() {
            "a" => Some("ALWAYS"),
            "d" => Some("BY DEFAULT"),
            _ => None,
        }
        .and_then(|how| {
            Some(Identity {
                how,
                sequence: row.get(19),
                options: Options::from_row(&row, 20)?,
            })
        });
        let compression = match r.version >= 140000 {
            true => (code(row.get(13)), code(row.get(14))),
            false => ('\0', '\0'),
        };
        columns.entry(row.get(0)).or_default().push(Column {
            name: row.get(1),
            type_name: row
                .get::<_, Option<String>>(3)
                .unwrap_or_else(|| row.get(2)),
            data_type: row.get(2),
            collation: row.get(4),
            default,
            not_null: row.get(6),
            not_null_name: row.get(18),
            identity,
            generated,
            comment: row.get(9),
            statistics: row.get(10),
            storage: (code(row.get(11)), code(row.get(12))),
            compression,
            options: row.get::<_, Option<Vec<String>>>(15).unwrap_or_default(),
            local: row.get(16),
            inherited: row.get::<_, bool>(17).then(|| Inherited {
                default: row.get(27),
                not_null: row.get::<_, Option<bool>>(28).unwrap_or(false),
            }),
        });
    }
    Ok(columns)
}

fn storage_name(code: char) -> &'static str {
    match code {
        'p' => "PLAIN",
        'e' => "EXTERNAL",
        'm' => "MAIN",
        _ => "EXTENDED",
    }
}

fn compression_name(code: char) -> &'static str {
    match code {
        'p' => "pglz",
        'l' => "lz4",
        _ => "default",
    }
}

/// The `ALTER TABLE ONLY ... ALTER COLUMN` statements that give `column` what its
/// definition cannot say: an inherited column's own default and NOT NULL, its statistics
/// target, storage, compression and options. Against `was` (the column as it is), only what
/// differs; against `None`, what differs from a new column's.
pub fn column_settings(table: &str, column: &Column, was: Option<&Column>) -> Vec<String> {
    let alter = |what: String| {
        format!(
            "ALTER TABLE ONLY {table} ALTER COLUMN {} {what};",
            column.name
        )
    };
    let mut sql = Vec::new();
    if let (None, Some(parent)) = (was, &column.inherited) {
        // An inherited column is created as its parent's (a column the table declares too
        // takes its own default, or else the parent's): what the table changed is set here.
        match (&column.default, column.local) {
            (None, _) if parent.default.is_some() => sql.push(alter("DROP DEFAULT".to_string())),
            (Some(default), false) if column.default != parent.default => {
                sql.push(alter(format!("SET DEFAULT {default}")))
            }
            _ => {}
        }
        if column.not_null && !parent.not_null && !column.local {
            sql.push(alter("SET NOT NULL".to_string()));
        }
    }
    let before_statistics = was.and_then(|w| w.statistics);
    if column.statistics != before_statistics {
        sql.push(alter(format!(
            "SET STATISTICS {}",
            column.statistics.unwrap_or(-1)
        )));
    }
    let storage_before = was.map_or(column.storage.1, |w| w.storage.0);
    if column.storage.0 != storage_before {
        sql.push(alter(format!(
            "SET STORAGE {}",
            storage_name(column.storage.0)
        )));
    }
    let compression_before = was.map_or(column.compression.1, |w| w.compression.0);
    if column.compression.0 != compression_before {
        sql.push(alter(format!(
            "SET COMPRESSION {}",
            compression_name(column.compression.0)
        )));
    }
    let options_before = was.map_or(&[][..], |w| w.options.as_slice());
    let reset: Vec<&str> = options_before
        .iter()
        .filter(|o| !column.options.contains(o))
        .filter_map(|o| o.split('=').next())
        .filter(|key| {
            !column
                .options
                .iter()
                .any(|o| o.starts_with(&format!("{key}=")))
        })
        .collect();
    if !reset.is_empty() {
        sql.push(alter(format!("RESET ({})", reset.join(", "))));
    }
    let set: Vec<&String> = column
        .options
        .iter()
        .filter(|o| !options_before.contains(o))
        .collect();
    if !set.is_empty() {
        let set: Vec<&str> = set.iter().map(|s| s.as_str()).collect();
        sql.push(alter(format!("SET ({})", set.join(", "))));
    }
    sql
}

/// The comments on the columns of `relation`.
pub fn column_comments(relation: &str, columns: &[Column]) -> Vec<(String, String)> {
    columns
        .iter()
        .filter_map(|column| {
            let text = column.comment.clone()?;
            Some((format!("COLUMN {relation}.{}", column.name), text))
        })
        .collect()
}
