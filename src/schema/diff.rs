//! Comparing two schemas into the plan that turns `from` into `to`: drops first, in reverse
//! dependency order of `from`, then creations and changes in dependency order of `to`. It uses
//! `ALTER` wherever the catalogs allow, recreates what depends on an object it must recreate,
//! never guesses a rename, and is safe on tables that hold rows: indexes built concurrently,
//! constraints added `NOT VALID` then validated, `NOT NULL` proved by a validated check first,
//! and a `-- DATA LOSS:` line above every statement that loses data.

use std::collections::{BTreeSet, HashSet};

use super::plan::{Change, Plan, Step};
use super::{Kind, Object, Schema, comment_sql};

/// The migration history is the migrations' business, never a schema change.
const HISTORY: &str = "public.schema_migrations";

fn ignored(object: &Object) -> bool {
    object.name == HISTORY || object.table.as_deref() == Some(HISTORY)
}

/// The plan that makes `from` equal to `to`.
pub fn diff(from: &Schema, to: &Schema) -> Plan {
    let pairs: Vec<Option<usize>> = to
        .objects
        .iter()
        .map(|o| from.find(o.kind, &o.name))
        .collect();
    let recreate = recreated(from, to, &pairs);
    let mut plan = Plan::default();
    drops(from, to, &recreate, &mut plan);
    for (i, object) in to.objects.iter().enumerate() {
        if ignored(object) {
            continue;
        }
        match pairs[i] {
            Some(f) if !recreate.contains(&f) => {
                change(from, to, &from.objects[f], object, &mut plan)
            }
            _ => create(from, &recreate, object, &mut plan),
        }
    }
    plan
}

/// Objects of `from` that must be dropped and created again: those whose change `ALTER`
/// cannot make, and everything that depends on them or on a column changed under it.
fn recreated(from: &Schema, to: &Schema, pairs: &[Option<usize>]) -> HashSet<usize> {
    let mut recreate = HashSet::new();
    let mut reshaped_tables = Vec::new();
    for (i, object) in to.objects.iter().enumerate() {
        let Some(f) = pairs[i] else { continue };
        let old = &from.objects[f];
        if old.create == object.create {
            continue;
        }
        let alterable = match object.kind {
            Kind::Table => {
                let (a, b) = (&from.tables[&old.name], &to.tables[&object.name]);
                if a.shape != b.shape {
                    false
                } else {
                    let retyped = a.columns.iter().any(|c| {
                        b.columns.iter().find(|n| n.name == c.name).is_none_or(|n| {
                            n.data_type != c.data_type
                                || n.collation != c.collation
                                || n.generated != c.generated
                        })
                    });
                    if retyped {
                        reshaped_tables.push(f);
                    }
                    true
                }
            }
            Kind::Function => returns(&old.create) == returns(&object.create),
            Kind::Sequence | Kind::SequenceOwner | Kind::Schema | Kind::Domain => true,
            Kind::Type => {
                enum_labels(&old.create).is_some() && enum_labels(&object.create).is_some()
            }
            _ => false,
        };
        if !alterable {
            recreate.insert(f);
        }
    }
    // What depends on a recreated object goes and comes back with it; so do the views over a
    // table whose columns are dropped or change type, which PostgreSQL would refuse to touch.
    let mut queue: Vec<usize> = recreate.iter().copied().collect();
    for &(d, referenced) in &from.depends {
        let view = matches!(from.objects[d].kind, Kind::View | Kind::MaterializedView);
        if view && reshaped_tables.contains(&referenced) && recreate.insert(d) {
            queue.push(d);
        }
    }
    while let Some(r) = queue.pop() {
        for &(d, referenced) in &from.depends {
            if referenced == r && recreate.insert(d) {
                queue.push(d);
            }
        }
    }
    recreate
}

/// Drop what `to` lacks and what is recreated, dependents first. What goes with a dropped
/// table (its indexes, constraints, triggers, owned sequences) is not dropped again.
fn drops(from: &Schema, to: &Schema, recreate: &HashSet<usize>, plan: &mut Plan) {
    let dropped_tables: BTreeSet<&str> = from
        .objects
        .iter()
        .enumerate()
        .filter(|(i, o)| {
            matches!(o.kind, Kind::Table | Kind::MaterializedView)
                && (recreate.contains(i) || to.find(o.kind, &o.name).is_none())
        })
        .map(|(_, o)| o.name.as_str())
        .collect();
    let goes_with_table = |object: &Object| {
        object
            .table
            .as_deref()
            .is_some_and(|t| dropped_tables.contains(t))
            || (matches!(object.kind, Kind::Sequence | Kind::SequenceOwner)
                && from.objects.iter().any(|o| {
                    o.kind == Kind::SequenceOwner
                        && o.name == object.name
                        && dropped_tables
                            .iter()
                            .any(|t| o.create.contains(&format!("OWNED BY {t}.")))
                }))
    };
    for (i, object) in from.objects.iter().enumerate().rev() {
        let gone = to.find(object.kind, &object.name).is_none();
        if object.kind == Kind::Table && !gone && !recreate.contains(&i) && !ignored(object) {
            dropped_columns(from, to, &object.name, plan);
            continue;
        }
        if ignored(object) || !(gone || recreate.contains(&i)) || goes_with_table(object) {
            continue;
        }
        if object.kind == Kind::Schema && object.create.is_empty() {
            continue;
        }
        if object.kind == Kind::SequenceOwner && to.find(Kind::Sequence, &object.name).is_none() {
            continue;
        }
        let on_kept_table = object.table.is_some();
        let (sql, transaction) = match object.kind {
            Kind::Index if on_kept_table => (
                format!("DROP INDEX CONCURRENTLY IF EXISTS {};", object.name),
                false,
            ),
            _ => (object.drop.clone(), true),
        };
        let data_loss = match object.kind {
            Kind::Table => Some(format!("drops table {} and every row in it", object.name)),
            Kind::Sequence => Some(format!(
                "drops sequence {} and its current value",
                object.name
            )),
            _ => None,
        };
        plan.steps.push(Step {
            kind: object.kind,
            name: object.name.clone(),
            object: object.kind.label(),
            change: Change::Drop,
            sql: vec![sql],
            data_loss,
            transaction,
        });
    }
}

/// Create `object`, which `from` lacks (or had and is recreated), safely when its table
/// already holds rows.
fn create(from: &Schema, recreate: &HashSet<usize>, object: &Object, plan: &mut Plan) {
    let table_kept = object.table.as_deref().is_some_and(|t| {
        from.find(Kind::Table, t)
            .is_some_and(|i| !recreate.contains(&i))
    });
    let mut sql = Vec::new();
    let mut transaction = true;
    match object.kind {
        Kind::Schema if object.create.is_empty() => {}
        Kind::Index if table_kept => {
            sql.push(object.create.replacen(" INDEX ", " INDEX CONCURRENTLY ", 1));
            transaction = false;
        }
        Kind::ForeignKey | Kind::Constraint if table_kept && validates_later(object) => {
            let constraint = constraint_name(object);
            let table = object.table.as_deref().unwrap_or_default();
            sql.push(format!(
                "{} NOT VALID;",
                object.create.trim_end_matches(';')
            ));
            sql.push(format!(
                "ALTER TABLE {table} VALIDATE CONSTRAINT {constraint};"
            ));
        }
        Kind::MaterializedView => {
            sql.push(object.create.replace("\nWITH NO DATA;", "\nWITH DATA;"))
        }
        _ => sql.push(object.create.clone()),
    }
    sql.extend(
        object
            .comments
            .iter()
            .map(|(target, text)| comment_sql(target, Some(text))),
    );
    if sql.is_empty() {
        return;
    }
    plan.steps.push(Step {
        kind: object.kind,
        name: object.name.clone(),
        object: object.kind.label(),
        change: Change::Create,
        sql,
        data_loss: None,
        transaction,
    });
}

/// A foreign key or check constraint, which `NOT VALID` then `VALIDATE` can add without
/// blocking writes while the rows are checked.
fn validates_later(object: &Object) -> bool {
    let definition = object
        .create
        .split_once(&format!(" {} ", constraint_name(object)))
        .map_or("", |(_, rest)| rest);
    (definition.starts_with("FOREIGN KEY") || definition.starts_with("CHECK"))
        && !definition.contains("NOT VALID")
}

fn constraint_name(object: &Object) -> &str {
    let table = object.table.as_deref().unwrap_or_default();
    object
        .name
        .strip_prefix(table)
        .and_then(|rest| rest.strip_prefix('.'))
        .unwrap_or(&object.name)
}

/// Change `old` into `new` in place: both are the same object.
fn change(from: &Schema, to: &Schema, old: &Object, new: &Object, plan: &mut Plan) {
    if old.create != new.create {
        let sql = match new.kind {
            Kind::Table => {
                columns(from, to, &new.name, plan);
                Vec::new()
            }
            // pg_get_functiondef writes CREATE OR REPLACE.
            Kind::Function => vec![new.create.clone()],
            Kind::SequenceOwner => vec![new.create.clone()],
            Kind::Sequence => vec![format!(
                "{}{}",
                new.create
                    .replacen("CREATE SEQUENCE", "ALTER SEQUENCE", 1)
                    .trim_end_matches(';'),
                if new.create.ends_with(" CYCLE;") {
                    ";"
                } else {
                    " NO CYCLE;"
                }
            )],
            Kind::Type => enum_change(to, old, new),
            Kind::Domain => vec![format!(
                "-- not handled: domain {} changed; change it by hand to:\n-- {}",
                new.name,
                new.create.replace('\n', "\n-- ")
            )],
            _ => Vec::new(),
        };
        if !sql.is_empty() {
            plan.steps.push(Step {
                kind: new.kind,
                name: new.name.clone(),
                object: new.kind.label(),
                change: Change::Alter,
                sql,
                data_loss: None,
                transaction: true,
            });
        }
    }
    let comments: Vec<String> = comment_changes(&old.comments, &new.comments);
    if !comments.is_empty() {
        plan.steps.push(Step {
            kind: new.kind,
            name: new.name.clone(),
            object: "comment",
            change: Change::Alter,
            sql: comments,
            data_loss: None,
            transaction: true,
        });
    }
}

fn comment_changes(old: &[(String, String)], new: &[(String, String)]) -> Vec<String> {
    let mut sql = Vec::new();
    for (target, text) in new {
        if !old.iter().any(|(t, x)| t == target && x == text) {
            sql.push(comment_sql(target, Some(text)));
        }
    }
    for (target, _) in old {
        if !new.iter().any(|(t, _)| t == target) {
            sql.push(comment_sql(target, None));
        }
    }
    sql
}

/// The columns of `table` that `to` lacks (or computes differently), dropped where the drops
/// go: after what reads them, before the types and extensions they use.
fn dropped_columns(from: &Schema, to: &Schema, table: &str, plan: &mut Plan) {
    let (old, new) = (&from.tables[table], &to.tables[table]);
    for column in &old.columns {
        let regenerated = new
            .columns
            .iter()
            .find(|c| c.name == column.name)
            .is_some_and(|c| c.generated != column.generated);
        if regenerated || !new.columns.iter().any(|c| c.name == column.name) {
            plan.steps.push(Step {
                kind: Kind::Table,
                name: format!("{table}.{}", column.name),
                object: "column",
                change: Change::Drop,
                sql: vec![format!("ALTER TABLE {table} DROP COLUMN {};", column.name)],
                data_loss: (!regenerated && column.generated.is_none())
                    .then(|| format!("drops column {table}.{} and its values", column.name)),
                transaction: true,
            });
        }
    }
}

/// Column by column: adds, and changes of type, default, nullability and identity; then row
/// level security. (Drops come earlier, with `dropped_columns`.)
fn columns(from: &Schema, to: &Schema, table: &str, plan: &mut Plan) {
    let (old, new) = (&from.tables[table], &to.tables[table]);
    let mut step = |name: &str, change: Change, sql: Vec<String>, data_loss: Option<String>| {
        plan.steps.push(Step {
            kind: Kind::Table,
            name: format!("{table}.{name}"),
            object: "column",
            change,
            sql,
            data_loss,
            transaction: true,
        });
    };
    let alter =
        |column: &str, what: &str| format!("ALTER TABLE {table} ALTER COLUMN {column} {what};");
    for column in &new.columns {
        let Some(was) = old
            .columns
            .iter()
            .find(|c| c.name == column.name && c.generated == column.generated)
        else {
            step(
                &column.name,
                Change::Create,
                vec![format!(
                    "ALTER TABLE {table} ADD COLUMN {};",
                    column.definition()
                )],
                None,
            );
            continue;
        };
        let name = &column.name;
        let mut sql = Vec::new();
        let mut data_loss = None;
        if was.data_type != column.data_type || was.collation != column.collation {
            let collate = column
                .collation
                .as_ref()
                .map(|c| format!(" COLLATE {c}"))
                .unwrap_or_default();
            if was.default.is_some() {
                sql.push(alter(name, "DROP DEFAULT"));
            }
            sql.push(alter(
                name,
                &format!(
                    "TYPE {}{collate} USING {name}::{}",
                    column.data_type, column.data_type
                ),
            ));
            if let Some(default) = &column.default {
                sql.push(alter(name, &format!("SET DEFAULT {default}")));
            }
            if !widens(&was.data_type, &column.data_type) {
                data_loss = Some(format!(
                    "{table}.{name} changes from {} to {}: values that do not fit fail or are cut",
                    was.data_type, column.data_type
                ));
            }
        } else if was.default != column.default && column.identity.is_none() {
            sql.push(match &column.default {
                Some(default) => alter(name, &format!("SET DEFAULT {default}")),
                None => alter(name, "DROP DEFAULT"),
            });
        }
        match (was.identity, column.identity) {
            (None, Some(how)) => sql.push(alter(name, &format!("ADD GENERATED {how} AS IDENTITY"))),
            (Some(_), None) => sql.push(alter(name, "DROP IDENTITY")),
            (Some(a), Some(b)) if a != b => sql.push(alter(name, &format!("SET GENERATED {b}"))),
            _ => {}
        }
        match (was.not_null, column.not_null) {
            (false, true) if column.identity.is_none() => {
                // A validated CHECK proves the column has no NULL, so SET NOT NULL (12+) skips
                // its scan under the exclusive lock; the check goes once it has served.
                // Not `{table}_{column}_not_null`: PostgreSQL 18 gives that name to the NOT
                // NULL constraint SET NOT NULL makes, and would have to pick another.
                let check = quoted(&format!("{}_{}_cdb_check", bare(table), bare(name)));
                sql.push(format!(
                    "ALTER TABLE {table} ADD CONSTRAINT {check} CHECK ({name} IS NOT NULL) NOT VALID;"
                ));
                sql.push(format!("ALTER TABLE {table} VALIDATE CONSTRAINT {check};"));
                sql.push(alter(name, "SET NOT NULL"));
                sql.push(format!("ALTER TABLE {table} DROP CONSTRAINT {check};"));
            }
            (true, false) if column.identity.is_none() => sql.push(alter(name, "DROP NOT NULL")),
            _ => {}
        }
        if !sql.is_empty() {
            step(name, Change::Alter, sql, data_loss);
        }
    }
    if old.row_security != new.row_security {
        let mut sql = Vec::new();
        match new.row_security {
            None => sql.push(format!("ALTER TABLE {table} DISABLE ROW LEVEL SECURITY;")),
            Some(_) => sql.push(format!("ALTER TABLE {table} ENABLE ROW LEVEL SECURITY;")),
        }
        sql.push(format!(
            "ALTER TABLE {table} {} ROW LEVEL SECURITY;",
            if new.row_security == Some("FORCE") {
                "FORCE"
            } else {
                "NO FORCE"
            }
        ));
        plan.steps.push(Step {
            kind: Kind::Table,
            name: table.to_string(),
            object: "table",
            change: Change::Alter,
            sql,
            data_loss: None,
            transaction: true,
        });
    }
}

/// An identifier without its quotes or schema, for building a new name from it.
fn bare(name: &str) -> String {
    name.rsplit('.')
        .next()
        .unwrap_or(name)
        .trim_matches('"')
        .to_string()
}

fn quoted(name: &str) -> String {
    let name: String = name.chars().take(63).collect();
    format!("\"{}\"", name.replace('"', "\"\""))
}

/// Whether every value of type `from` fits `to` unchanged.
fn widens(from: &str, to: &str) -> bool {
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

/// The `RETURNS ...` line of a function definition: replacing a function keeps it or fails.
fn returns(definition: &str) -> Option<&str> {
    definition
        .lines()
        .find(|line| line.trim_start().starts_with("RETURNS "))
}

/// The labels of an enum's `CREATE TYPE ... AS ENUM (...)`, as written.
fn enum_labels(create: &str) -> Option<Vec<String>> {
    let list = create.split_once(" AS ENUM (")?.1.strip_suffix(");")?;
    let mut labels = Vec::new();
    let mut rest = list.trim();
    while let Some(body) = rest.strip_prefix('\'') {
        // A quote inside a label is written twice.
        let mut end = 0;
        let bytes = body.as_bytes();
        while end < bytes.len() {
            if bytes[end] == b'\'' {
                if bytes.get(end + 1) == Some(&b'\'') {
                    end += 2;
                    continue;
                }
                break;
            }
            end += 1;
        }
        labels.push(format!("'{}'", &body[..end]));
        rest = body[(end + 1).min(body.len())..]
            .trim_start()
            .trim_start_matches(',')
            .trim_start();
    }
    Some(labels)
}

/// An enum's new labels: added in place when the old ones keep their order, else a new type
/// the columns are converted to through text (values whose label is gone then fail).
fn enum_change(to: &Schema, old: &Object, new: &Object) -> Vec<String> {
    let (Some(was), Some(now)) = (enum_labels(&old.create), enum_labels(&new.create)) else {
        return Vec::new();
    };
    let kept: Vec<&String> = now.iter().filter(|l| was.contains(l)).collect();
    if kept.len() == was.len() && kept.iter().zip(&was).all(|(a, b)| *a == b) {
        let mut sql = Vec::new();
        for (i, label) in now.iter().enumerate() {
            if was.contains(label) {
                continue;
            }
            let place = match now[..i].last() {
                Some(before) => format!(" AFTER {before}"),
                None => format!(" BEFORE {}", was.first().map_or("''", String::as_str)),
            };
            sql.push(format!("ALTER TYPE {} ADD VALUE {label}{place};", new.name));
        }
        return sql;
    }
    let renamed = quoted(&format!("{}__cdb_old", bare(&new.name)));
    let schema_of = new.name.rsplit_once('.').map_or("public", |(s, _)| s);
    let mut sql = vec![
        format!("ALTER TYPE {} RENAME TO {renamed};", new.name),
        new.create.clone(),
    ];
    for (table, shape) in &to.tables {
        for column in shape.columns.iter().filter(|c| c.data_type == new.name) {
            let name = &column.name;
            if column.default.is_some() {
                sql.push(format!(
                    "ALTER TABLE {table} ALTER COLUMN {name} DROP DEFAULT;"
                ));
            }
            sql.push(format!(
                "ALTER TABLE {table} ALTER COLUMN {name} TYPE {} USING {name}::text::{};",
                new.name, new.name
            ));
            if let Some(default) = &column.default {
                sql.push(format!(
                    "ALTER TABLE {table} ALTER COLUMN {name} SET DEFAULT {default};"
                ));
            }
        }
    }
    sql.push(format!("DROP TYPE {schema_of}.{renamed};"));
    sql
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn enum_labels_read_as_written_with_doubled_quotes() {
        assert_eq!(
            enum_labels("CREATE TYPE public.mood AS ENUM ('happy', 'it''s', 'sad');"),
            Some(vec!["'happy'".into(), "'it''s'".into(), "'sad'".into()])
        );
    }

    #[test]
    fn only_changes_that_keep_every_value_count_as_widening() {
        assert!(widens("integer", "bigint"));
        assert!(widens("character varying(20)", "character varying(40)"));
        assert!(widens("character varying(20)", "text"));
        assert!(!widens("character varying(40)", "character varying(20)"));
        assert!(!widens("bigint", "integer"));
        assert!(!widens("text", "integer"));
    }
}
