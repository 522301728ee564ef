//! How a kept table's columns change: added (nullable first on a table with rows, proved NOT
//! NULL by a validated check), dropped, retyped (through a cast, or made anew when none
//! converts), given defaults, identities and NOT NULL, each as safely as a table that holds
//! rows allows.

use super::Column;
use super::columns::column_settings;
use super::diff::{CastPath, Differ};
use super::plan::{Change, Step};
use super::types::{bare, quoted};
use crate::migrate::lint::HELPER_SUFFIX;

/// Whether every value of type `from` fits `to` unchanged.
pub fn widens(from: &str, to: &str) -> bool {
    let length = |t: &str, base: &str| {
        t.strip_prefix(base)
            .and_then(|rest| rest.strip_prefix('('))
            .and_then(|rest| rest.strip_suffix(')'))
            .and_then(|n| n.parse::<u32>().ok())
    };
    match (from, to) {
        (_, "text") => true,
        ("smallint", "integer" | "bigint" | "numeric") | ("integer", "bigint" | "numeric") => true,
        ("bigint", "numeric") | ("real", "double precision") => true,
        (f, "character varying") if f.starts_with("character") => true,
        (f, t) if t.starts_with("character varying(") && f.starts_with("character") => {
            match (
                length(f, "character varying").or(length(f, "character")),
                length(t, "character varying"),
            ) {
                (Some(a), Some(b)) => a <= b,
                _ => false,
            }
        }
        _ => false,
    }
}

/// The columns of `table` that `to` lacks (or computes differently), dropped where the drops
/// go: after what reads them, before the types and extensions they use. Inherited columns go
/// with their parent's.
pub fn drop_columns(d: &mut Differ, table: &str) {
    let (old, new) = (&d.from.tables[table], &d.to.tables[table]);
    for column in old.columns.iter().filter(|c| c.local) {
        let regenerated = new
            .columns
            .iter()
            .find(|c| c.name == column.name)
            .is_some_and(|c| c.generated != column.generated);
        if regenerated || !new.columns.iter().any(|c| c.name == column.name) {
            d.step(
                Step::column(
                    table,
                    &column.name,
                    Change::Drop,
                    vec![format!("ALTER TABLE {table} DROP COLUMN {};", column.name)],
                )
                .losing(
                    (!regenerated && column.generated.is_none())
                        .then(|| format!("drops column {table}.{} and its values", column.name)),
                ),
            );
        }
    }
}

/// Add `column` to `table`, or change it from what it is in `from`.
pub fn column_change(d: &mut Differ, table: &str, column: &Column) {
    let from = d.from;
    let old = &from.tables[table];
    let name = &column.name;
    let key = (table.to_string(), name.clone());
    let was = old
        .columns
        .iter()
        .find(|c| c.name == *name && c.generated == column.generated)
        .filter(|_| !d.dropped_columns.contains(&key));
    let Some(was) = was else {
        // An inherited column arrives with its parent's, unless the table is only now
        // becoming the parent's partition: then it must have it to be attached.
        if column.local || (old.partition_of.is_none() && d.to.tables[table].partition_of.is_some())
        {
            add_column(d, table, column, None);
        }
        return;
    };
    let alter = |what: &str| format!("ALTER TABLE {table} ALTER COLUMN {name} {what};");
    let mut sql = Vec::new();
    let mut then = Vec::new();
    let mut data_loss = None;
    let mut hazard = None;
    let retyped = was.data_type != column.data_type || was.collation != column.collation;
    if retyped && was.local {
        let using = match d.cast_path(&was.type_name, &column.type_name) {
            CastPath::Direct => format!("{name}::{}", column.data_type),
            CastPath::ThroughText => format!("{name}::text::{}", column.data_type),
            CastPath::None => {
                let why = format!(
                    "{table}.{name} changes from {} to {}, which no cast converts: the column is dropped and added again and its values are lost; to keep them, replace these statements with ALTER TABLE {table} ALTER COLUMN {name} TYPE {} USING <an expression of {name}>",
                    was.data_type, column.data_type, column.data_type
                );
                add_column(d, table, column, Some(why));
                return;
            }
        };
        let collate = column
            .collation
            .as_ref()
            .map(|c| format!(" COLLATE {c}"))
            .unwrap_or_default();
        if was.default.is_some() && !d.cleared_defaults.contains(&key) {
            sql.push(alter("DROP DEFAULT"));
        }
        let change = format!("TYPE {}{collate} USING {using}", column.data_type);
        if old.populated && rewrites(&was.data_type, &column.data_type) {
            hazard = Some(super::hazards::table_rewrite(
                table,
                old,
                &format!("ALTER COLUMN {name} TYPE {}", column.data_type),
            ));
        }
        sql.push(alter(&change));
        if let Some(default) = &column.default {
            sql.push(alter(&format!("SET DEFAULT {default}")));
        }
        if !widens(&was.data_type, &column.data_type)
            && !d.enum_fits(&was.data_type, &column.data_type)
        {
            data_loss = Some(format!(
                "{table}.{name} changes from {} to {}: values that do not fit fail or are cut",
                was.data_type, column.data_type
            ));
        }
    } else if (was.default != column.default || d.cleared_defaults.contains(&key))
        && column.identity.is_none()
        && !d.converting(&column.data_type)
    {
        match &column.default {
            Some(default) => sql.push(alter(&format!("SET DEFAULT {default}"))),
            None if was.default.is_some() && !d.cleared_defaults.contains(&key) => {
                sql.push(alter("DROP DEFAULT"))
            }
            None => {}
        }
    }
    sql.extend(identity_change(table, name, was, column));
    // PostgreSQL 18 names NOT NULL constraints: a name `to` gives is given, a name it takes
    // back becomes the default one again.
    let rename = |from: String| {
        let to = not_null_constraint(table, column);
        (from != to).then(|| format!("ALTER TABLE {table} RENAME CONSTRAINT {from} TO {to};"))
    };
    match (was.not_null, column.not_null) {
        (false, true) if column.identity.is_none() => {
            let (add, mut finish) = set_not_null(table, name);
            sql.push(add);
            if let (Some(last), Some(_)) = (finish.last_mut(), &column.not_null_name) {
                last.extend(rename(not_null_constraint(table, was)));
                hazard = hazard.or(Some(super::hazards::constraint_rename(table)));
            }
            then.extend(finish);
        }
        // A partition's names are its parent's: see `partitions`.
        (true, true)
            if was.not_null_name != column.not_null_name
                && !super::partitions::changes_parent(d, table) =>
        {
            sql.extend(rename(not_null_constraint(table, was)));
            hazard = hazard.or(Some(super::hazards::constraint_rename(table)));
        }
        (true, false) if column.identity.is_none() => sql.push(alter("DROP NOT NULL")),
        _ => {}
    }
    sql.extend(column_settings(table, column, Some(was)));
    if !sql.is_empty() {
        d.step(
            Step::column(table, name, Change::Alter, sql)
                .losing(data_loss)
                .with_hazard(hazard)
                .finished_by(then),
        );
    }
}

fn identity_change(table: &str, name: &str, was: &Column, column: &Column) -> Vec<String> {
    let alter = |what: &str| format!("ALTER TABLE {table} ALTER COLUMN {name} {what};");
    let mut sql = Vec::new();
    match (&was.identity, &column.identity) {
        (None, Some(new)) => sql.push(alter(&format!(
            "ADD GENERATED {} AS IDENTITY (SEQUENCE NAME {} {})",
            new.how,
            new.sequence,
            new.options.clauses()
        ))),
        (Some(_), None) => sql.push(alter("DROP IDENTITY")),
        (Some(old), Some(new)) => {
            if old.how != new.how {
                sql.push(alter(&format!("SET GENERATED {}", new.how)));
            }
            let (a, b) = (&old.options, &new.options);
            let mut set = Vec::new();
            if a.start != b.start {
                set.push(format!("SET START WITH {}", b.start));
            }
            if a.increment != b.increment {
                set.push(format!("SET INCREMENT BY {}", b.increment));
            }
            if a.min != b.min {
                set.push(format!("SET MINVALUE {}", b.min));
            }
            if a.max != b.max {
                set.push(format!("SET MAXVALUE {}", b.max));
            }
            if a.cache != b.cache {
                set.push(format!("SET CACHE {}", b.cache));
            }
            if a.cycle != b.cycle {
                set.push(if b.cycle { "SET CYCLE" } else { "SET NO CYCLE" }.to_string());
            }
            if !set.is_empty() {
                sql.push(alter(&set.join(" ")));
            }
            if old.sequence != new.sequence {
                sql.push(format!(
                    "ALTER SEQUENCE {} RENAME TO {};",
                    old.sequence,
                    quoted(&bare(&new.sequence))
                ));
            }
        }
        (None, None) => {}
    }
    sql
}

/// `SET NOT NULL` after a validated `CHECK` has proved the column has no NULL, so that the
/// exclusive lock does not scan the table (12+); the check goes once it has served. The check
/// is added with the catalog changes; its validation (which reads every row, letting writes
/// go on) and the `SET NOT NULL` that then reads none are transactions of their own. Not
/// named `{table}_{column}_not_null`: PostgreSQL 18 gives that name to the NOT NULL
/// constraint itself, and would have to pick another.
fn set_not_null(table: &str, name: &str) -> (String, Vec<Vec<String>>) {
    let check = not_null_helper(table, name);
    (
        format!("ALTER TABLE {table} ADD CONSTRAINT {check} CHECK ({name} IS NOT NULL) NOT VALID;"),
        vec![
            vec![format!("ALTER TABLE {table} VALIDATE CONSTRAINT {check};")],
            vec![
                format!("ALTER TABLE {table} ALTER COLUMN {name} SET NOT NULL;"),
                format!("ALTER TABLE {table} DROP CONSTRAINT {check};"),
            ],
        ],
    )
}

/// The name of the NOT NULL constraint of `column` of `table` (PostgreSQL 18+): its own, or
/// the one the server gives it.
pub fn not_null_constraint(table: &str, column: &Column) -> String {
    column
        .not_null_name
        .clone()
        .unwrap_or_else(|| quoted(&format!("{}_{}_not_null", bare(table), bare(&column.name))))
}

/// The name of the check that proves column `name` of `table` holds no NULL.
pub fn not_null_helper(table: &str, name: &str) -> String {
    helper_check(&format!("{}_{}", bare(table), bare(name)))
}

/// The quoted name of a check the plan adds and drops again: `base`, cut so that the suffix
/// the linter knows it by survives PostgreSQL's 63 bytes.
pub fn helper_check(base: &str) -> String {
    let mut cut = String::new();
    for c in base.chars() {
        if cut.len() + c.len_utf8() + HELPER_SUFFIX.len() > 63 {
            break;
        }
        cut.push(c);
    }
    quoted(&format!("{cut}{HELPER_SUFFIX}"))
}

/// Whether changing a column from type `from` to `to` writes every row again. The changes
/// PostgreSQL makes in the catalogs alone: a longer or unlimited `varchar`, `varchar` to
/// `text` and back, more digits for a `numeric` of the same scale.
pub fn rewrites(from: &str, to: &str) -> bool {
    let numeric = |t: &str| -> Option<(u32, u32)> {
        let inner = t.strip_prefix("numeric(")?.strip_suffix(')')?;
        let (p, s) = inner.split_once(',').unwrap_or((inner, "0"));
        Some((p.trim().parse().ok()?, s.trim().parse().ok()?))
    };
    let varchar = |t: &str| t == "text" || t.starts_with("character varying");
    match (from, to) {
        _ if from == to => false,
        (_, "text" | "character varying") => !varchar(from),
        ("text", _) => true,
        (f, t) if varchar(f) && varchar(t) => !widens(f, t),
        (f, "numeric") => numeric(f).is_none(),
        (f, t) => match (numeric(f), numeric(t)) {
            (Some((p1, s1)), Some((p2, s2))) => !(s1 == s2 && p2 >= p1),
            _ => true,
        },
    }
}

/// Add `column` to `table` (dropping it first when `readded` says why it cannot be converted).
/// A `NOT NULL` column without a default on a table that holds rows is added nullable, left
/// for the user to fill in at a `-- TODO backfill` line, then proved and made `NOT NULL`: the
/// plan is marked incomplete until then.
fn add_column(d: &mut Differ, table: &str, column: &Column, readded: Option<String>) {
    let populated = d.from.tables[table].populated;
    let mut sql = Vec::new();
    let mut then = Vec::new();
    if readded.is_some() {
        sql.push(format!("ALTER TABLE {table} DROP COLUMN {};", column.name));
    }
    let needs_backfill = populated
        && column.not_null
        && column.default.is_none()
        && column.identity.is_none()
        && column.generated.is_none();
    if needs_backfill {
        let nullable = Column {
            not_null: false,
            ..column.clone()
        };
        sql.push(format!(
            "ALTER TABLE {table} ADD COLUMN {};",
            nullable.definition()
        ));
        let (add, finish) = set_not_null(table, &column.name);
        sql.push(add);
        // Written outside the catalog transaction, so the rows are updated without
        // ADD COLUMN's lock held; before the validation that needs them.
        then.push(vec![format!(
            "{} {table}.{} on the rows already there, e.g. UPDATE {table} SET {} = ... WHERE {} IS NULL;",
            super::plan::BACKFILL,
            column.name,
            column.name,
            column.name
        )]);
        then.extend(finish);
        d.plan.backfills.push(format!("{table}.{}", column.name));
    } else {
        sql.push(format!(
            "ALTER TABLE {table} ADD COLUMN {};",
            column.definition()
        ));
    }
    sql.extend(
        column_settings(table, column, None)
            .into_iter()
            .filter(|s| {
                // The definition said these already.
                !s.contains(" SET DEFAULT ") && !s.ends_with(" SET NOT NULL;")
            }),
    );
    let change = match readded {
        Some(_) => Change::Alter,
        None => Change::Create,
    };
    d.step(
        Step::column(table, &column.name, change, sql)
            .losing(readded)
            .finished_by(then),
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_changes_that_keep_every_value_count_as_widening() {
        assert!(widens("integer", "bigint"));
        assert!(widens("character varying(20)", "character varying(40)"));
        assert!(widens("character varying(20)", "text"));
        assert!(!widens("character varying(40)", "character varying(20)"));
        assert!(!widens("bigint", "integer"));
        assert!(!widens("text", "integer"));
    }

    #[test]
    fn only_type_changes_the_catalogs_alone_can_make_skip_the_rewrite() {
        assert!(!rewrites("character varying(20)", "character varying(40)"));
        assert!(!rewrites("character varying(20)", "text"));
        assert!(!rewrites("text", "character varying"));
        assert!(!rewrites("numeric(10,2)", "numeric(12,2)"));
        assert!(!rewrites("numeric(10,2)", "numeric"));
        assert!(rewrites("integer", "bigint"));
        assert!(rewrites("character varying(40)", "character varying(20)"));
        assert!(rewrites("text", "character varying(20)"));
        assert!(rewrites("numeric(10,2)", "numeric(12,3)"));
    }
}
