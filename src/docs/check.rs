//! `docs --check`: what changed between the documentation in a folder (its `schema.json`) and
//! what the schema gives now, said in words (`public.users: + column bio text`,
//! `public.activities -> public.users: now one-to-one`), not as a text diff.

use std::collections::{BTreeMap, BTreeSet};

use super::model::{Column, Docs, Link, Routine, Table};

/// The changes from `was` to `now`, one line each, in a stable order.
pub fn changes(was: &Docs, now: &Docs) -> Vec<String> {
    let mut out = Vec::new();
    for (name, table) in &now.tables {
        match was.tables.get(name) {
            None => out.push(format!("+ table {name}")),
            Some(old) => out.extend(table_changes(old, table)),
        }
    }
    for name in was.tables.keys().filter(|n| !now.tables.contains_key(*n)) {
        out.push(format!("- table {name}"));
    }
    out.extend(routine_changes("view", &was.views, &now.views));
    out.extend(routine_changes("function", &was.functions, &now.functions));
    out
}

fn table_changes(was: &Table, now: &Table) -> Vec<String> {
    let name = &now.name;
    let mut out = Vec::new();
    if was.comment != now.comment {
        out.push(format!("{name}: description changed"));
    }
    let old: BTreeMap<&str, &Column> = was.columns.iter().map(|c| (c.name.as_str(), c)).collect();
    for column in &now.columns {
        let Some(before) = old.get(column.name.as_str()) else {
            out.push(format!(
                "{name}: + column {} {}{}",
                column.name,
                column.data_type,
                if column.not_null { " NOT NULL" } else { "" }
            ));
            continue;
        };
        let c = &column.name;
        if before.data_type != column.data_type {
            out.push(format!(
                "{name}: column {c} {} -> {}",
                before.data_type, column.data_type
            ));
        }
        if before.not_null != column.not_null {
            out.push(format!(
                "{name}: column {c} now {}",
                if column.not_null {
                    "NOT NULL"
                } else {
                    "nullable"
                }
            ));
        }
        if before.default != column.default {
            out.push(match &column.default {
                Some(default) => format!("{name}: column {c} defaults to {default}"),
                None => format!("{name}: column {c} has no default"),
            });
        }
        if before.comment != column.comment {
            out.push(format!("{name}: description of {c} changed"));
        }
    }
    for column in &was.columns {
        if !now.columns.iter().any(|c| c.name == column.name) {
            out.push(format!("{name}: - column {}", column.name));
        }
    }
    for (what, before, after) in [
        ("index", &was.indexes, &now.indexes),
        ("constraint", &was.constraints, &now.constraints),
        ("trigger", &was.triggers, &now.triggers),
    ] {
        let (before, after): (BTreeSet<&String>, BTreeSet<&String>) =
            (before.iter().collect(), after.iter().collect());
        for added in after.difference(&before) {
            out.push(format!("{name}: + {what} {added}"));
        }
        for removed in before.difference(&after) {
            out.push(format!("{name}: - {what} {removed}"));
        }
    }
    out.extend(link_changes(name, &was.references, &now.references));
    out
}

/// Relations where `table` is the child, as `table -> parent: ...`.
fn link_changes(table: &str, was: &[Link], now: &[Link]) -> Vec<String> {
    let key = |l: &Link| (l.table.clone(), l.columns.clone());
    let old: BTreeMap<_, &Link> = was.iter().map(|l| (key(l), l)).collect();
    let mut out = Vec::new();
    for link in now {
        let to = format!("{table} -> {}", link.table);
        let by = link.columns.join(", ");
        let Some(before) = old.get(&key(link)) else {
            out.push(format!(
                "{to}: + relation by {by}, {}{}",
                link.cardinality,
                if link.implied { " (implied)" } else { "" }
            ));
            continue;
        };
        if before.cardinality != link.cardinality {
            out.push(format!("{to}: now {}", link.cardinality));
        }
        if before.required != link.required {
            out.push(format!(
                "{to}: {by} now {}",
                if link.required {
                    "required"
                } else {
                    "optional"
                }
            ));
        }
        if before.implied != link.implied {
            out.push(format!(
                "{to}: {}",
                if link.implied {
                    "no foreign key holds it any more (implied)"
                } else {
                    "now a foreign key holds it"
                }
            ));
        }
    }
    for link in was {
        if !now.iter().any(|l| key(l) == key(link)) {
            out.push(format!(
                "{table} -> {}: - relation by {}",
                link.table,
                link.columns.join(", ")
            ));
        }
    }
    out
}

fn routine_changes(what: &str, was: &[Routine], now: &[Routine]) -> Vec<String> {
    let mut out = Vec::new();
    for routine in now {
        match was.iter().find(|r| r.name == routine.name) {
            None => out.push(format!("+ {what} {}", routine.name)),
            Some(before) if before != routine => out.push(format!(
                "{what} {}: definition or description changed",
                routine.name
            )),
            Some(_) => {}
        }
    }
    for routine in was {
        if !now.iter().any(|r| r.name == routine.name) {
            out.push(format!("- {what} {}", routine.name));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn users(columns: &[(&str, &str)]) -> Docs {
        let mut docs = Docs::default();
        docs.tables.insert(
            "public.users".into(),
            Table {
                name: "public.users".into(),
                columns: columns
                    .iter()
                    .map(|(name, data_type)| Column {
                        name: name.to_string(),
                        data_type: data_type.to_string(),
                        ..Column::default()
                    })
                    .collect(),
                ..Table::default()
            },
        );
        docs
    }

    #[test]
    fn a_change_is_said_in_words() {
        let was = users(&[("uuid", "uuid"), ("bio", "text")]);
        let now = users(&[
            ("uuid", "uuid"),
            ("bio", "character varying(40)"),
            ("age", "integer"),
        ]);
        assert_eq!(
            changes(&was, &now),
            [
                "public.users: column bio text -> character varying(40)",
                "public.users: + column age integer",
            ]
        );
        assert!(changes(&now, &now).is_empty());
    }
}
