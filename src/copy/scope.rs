//! The rules checked against the source's tables, before any row is read: which tables a copy
//! takes (the start and follow tables, and every table they reference), in which order they
//! load (what is referenced first), and what becomes of each column. Fail-closed: a column
//! with no rule refuses the copy, unless it is a key, which is kept or takes the rule of the
//! key it references.

use std::collections::{BTreeMap, BTreeSet};

use anyhow::Result;

use super::rules::{Kind, Rules, Start};
use super::tables::{Edge, Table, Tables};
use crate::error::{Exit, Fail};
use crate::ui;

/// What becomes of one column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// Its rule, written or taken from the key it references.
    Rule(Kind),
    /// A key with no rule: kept, so references still meet.
    Key,
    /// Computed by the server from the copied columns.
    Generated,
}

#[derive(Debug, Clone)]
pub struct Scope {
    /// The tables a copy takes, what they reference before what references it.
    pub order: Vec<String>,
    /// Foreign keys and `relations` between them.
    pub edges: Vec<Edge>,
    pub start: Vec<(String, Start)>,
    pub follow: BTreeSet<String>,
    /// Each table's columns in order, with what becomes of them.
    pub columns: BTreeMap<String, Vec<(String, Action)>>,
}

/// Check `rules` against `tables` and say what the copy takes.
pub fn resolve(rules: &Rules, tables: &Tables) -> Result<Scope> {
    let table = |written: &str, at: &str| -> Result<&Table> {
        tables.find(written).ok_or_else(|| {
            Fail::new(
                Exit::Usage,
                format!("{at}: no table {written} in the source"),
            )
            .hint("name a table as schema.table, or as table for one in public")
            .into()
        })
    };
    let column = |written: &(String, String), at: &str| -> Result<(String, String)> {
        let found = table(&written.0, at)?;
        match found.column(&written.1) {
            Some(_) => Ok((found.name.clone(), written.1.clone())),
            None => Err(Fail::new(
                Exit::Usage,
                format!("{at}: {} has no column {}", found.name, written.1),
            )
            .hint(format!(
                "its columns: {}",
                found
                    .columns
                    .iter()
                    .map(|c| c.name.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            ))
            .into()),
        }
    };
    let mut start = Vec::new();
    for entry in &rules.start {
        start.push((
            table(&entry.table, "[copy] start")?.name.clone(),
            entry.clone(),
        ));
    }
    let mut follow = BTreeSet::new();
    for written in &rules.follow {
        follow.insert(table(written, "[copy] follow")?.name.clone());
    }
    let mut edges = tables.edges.clone();
    for link in &rules.relations {
        let (child, column_name) = column(&link.child, "[copy] relations")?;
        let (parent, parent_column) = column(&link.parent, "[copy] relations")?;
        edges.push(Edge {
            child,
            columns: vec![column_name],
            parent,
            parent_columns: vec![parent_column],
            enforced: false,
        });
    }
    let mut mask = BTreeMap::new();
    for (written, kind) in &rules.mask {
        mask.insert(column(written, "[mask]")?, kind.clone());
    }

    // Every table a copied row can reference comes too.
    let mut taken: BTreeSet<String> = start.iter().map(|(t, _)| t.clone()).collect();
    taken.extend(follow.iter().cloned());
    loop {
        let more: Vec<String> = edges
            .iter()
            .filter(|e| taken.contains(&e.child) && !taken.contains(&e.parent))
            .map(|e| e.parent.clone())
            .collect();
        if more.is_empty() {
            break;
        }
        taken.extend(more);
    }
    edges.retain(|e| taken.contains(&e.child) && taken.contains(&e.parent));
    for name in &follow {
        let reached = edges.iter().any(|e| {
            &e.child == name
                && (follow.contains(&e.parent) || start.iter().any(|(t, _)| t == &e.parent))
        });
        if !reached && !start.iter().any(|(t, _)| t == name) {
            ui::warn(format_args!(
                "[copy] follow {name}: it references no start or follow table, so no row of it follows"
            ));
        }
    }

    let columns = actions(tables, &taken, &edges, mask)?;
    Ok(Scope {
        order: load_order(&taken, &edges),
        edges,
        start,
        follow,
        columns,
    })
}

/// What becomes of each column of the `taken` tables; refuses naming every column without a
/// rule, and every rule that cannot work.
fn actions(
    tables: &Tables,
    taken: &BTreeSet<String>,
    edges: &[Edge],
    mut mask: BTreeMap<(String, String), Kind>,
) -> Result<BTreeMap<String, Vec<(String, Action)>>> {
    let mut keys: BTreeSet<(String, String)> = BTreeSet::new();
    for edge in edges {
        keys.extend(edge.columns.iter().map(|c| (edge.child.clone(), c.clone())));
        keys.extend(
            edge.parent_columns
                .iter()
                .map(|c| (edge.parent.clone(), c.clone())),
        );
    }
    for name in taken {
        keys.extend(
            tables.tables[name]
                .primary_key
                .iter()
                .map(|c| (name.clone(), c.clone())),
        );
    }
    // A rule on a key is the rule of every column that references it, transitively.
    let mut problems = Vec::new();
    loop {
        let mut changed = false;
        for edge in edges {
            for (child, parent) in edge.columns.iter().zip(&edge.parent_columns) {
                let from = (edge.parent.clone(), parent.clone());
                let to = (edge.child.clone(), child.clone());
                let Some(kind) = mask.get(&from).cloned() else {
                    continue;
                };
                match mask.get(&to) {
                    None => {
                        mask.insert(to, kind);
                        changed = true;
                    }
                    Some(own) if *own != kind => problems.push(format!(
                        "{}.{} is {own} but references {}.{}, which is {kind}: a reference must get its key's stand-in",
                        to.0, to.1, from.0, from.1
                    )),
                    Some(_) => {}
                }
            }
        }
        if !changed || !problems.is_empty() {
            break;
        }
    }
    let mut unruled = Vec::new();
    let mut result = BTreeMap::new();
    for name in taken {
        let table = &tables.tables[name];
        let mut columns = Vec::new();
        for column in &table.columns {
            let at = (name.clone(), column.name.clone());
            let shown = format!("{}.{}", table.short(), column.name);
            let action = match (mask.get(&at), column.generated, keys.contains(&at)) {
                (None, true, _) | (Some(Kind::Keep), true, _) => Action::Generated,
                (Some(kind), true, _) => {
                    problems.push(format!("{shown} is generated: the server computes it from the copied columns, so it takes no rule ({kind})"));
                    Action::Generated
                }
                (None, false, true) => Action::Key,
                (None, false, false) => {
                    unruled.push(format!("{shown} ({})", column.data_type));
                    continue;
                }
                (Some(kind), false, key) => {
                    if let Some(why) = unworkable(kind, column, key) {
                        problems.push(format!("{shown} = \"{kind}\": {why}"));
                    }
                    Action::Rule(kind.clone())
                }
            };
            columns.push((column.name.clone(), action));
        }
        result.insert(name.clone(), columns);
    }
    if !problems.is_empty() {
        return Err(Fail::new(
            Exit::Usage,
            format!("rules that cannot work:\n  {}", problems.join("\n  ")),
        )
        .hint(format!(
            "a rule is one of {}; nothing was read",
            Kind::WORDS
        ))
        .into());
    }
    if !unruled.is_empty() {
        return Err(Fail::new(
            Exit::Refused,
            format!(
                "{} column{} of the copied tables ha{} no rule, and a column without one is never copied: {}; nothing was read",
                unruled.len(),
                if unruled.len() == 1 { "" } else { "s" },
                if unruled.len() == 1 { "s" } else { "ve" },
                unruled.join(", ")
            ),
        )
        .hint("give each one a rule in [mask] (\"table.column\" = \"keep\" when it holds nothing personal)")
        .into());
    }
    Ok(result)
}

/// Why `kind` cannot be `column`'s rule, if it cannot.
fn unworkable(kind: &Kind, column: &super::tables::Column, key: bool) -> Option<String> {
    if kind.fakes() && !column.text {
        return Some(format!(
            "the column is {}, and {kind} makes text: use keep, null, default or sql:EXPR",
            column.data_type
        ));
    }
    if key
        && matches!(
            kind,
            Kind::Null | Kind::Default | Kind::Scrub | Kind::Sql(_)
        )
    {
        return Some(
            "a key's values must each get one stand-in wherever they appear: use keep, hash, email, name, handle, phone or text".into(),
        );
    }
    match kind {
        Kind::Null if column.not_null => Some("the column is NOT NULL".into()),
        Kind::Default if !column.has_default && column.not_null => {
            Some("the column has no default and is NOT NULL".into())
        }
        _ => None,
    }
}

/// The tables in an order that loads what is referenced before what references it (a cycle
/// is broken by name).
fn load_order(taken: &BTreeSet<String>, edges: &[Edge]) -> Vec<String> {
    let mut order = Vec::new();
    let mut placed: BTreeSet<&String> = BTreeSet::new();
    while placed.len() < taken.len() {
        let ready = taken.iter().find(|t| {
            !placed.contains(t)
                && edges
                    .iter()
                    .all(|e| &e.child != *t || e.parent == **t || placed.contains(&e.parent))
        });
        let next = ready.unwrap_or_else(|| {
            taken
                .iter()
                .find(|t| !placed.contains(t))
                .expect("a table is left to place")
        });
        placed.insert(next);
        order.push(next.clone());
    }
    order
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::copy::rules;
    use crate::copy::tables::Column;

    fn column(name: &str, text: bool, not_null: bool) -> Column {
        Column {
            name: name.into(),
            data_type: if text { "text" } else { "integer" }.into(),
            text,
            max_chars: None,
            not_null,
            has_default: false,
            generated: false,
            unique: false,
        }
    }

    fn cruddur() -> Tables {
        let table = |name: &str, columns: Vec<Column>| {
            (
                format!("public.{name}"),
                Table {
                    name: format!("public.{name}"),
                    sql: name.into(),
                    partitioned: false,
                    columns,
                    primary_key: vec!["uuid".into()],
                },
            )
        };
        Tables {
            tables: [
                table(
                    "users",
                    vec![
                        column("uuid", false, true),
                        column("email", true, true),
                        column("bio", true, false),
                    ],
                ),
                table(
                    "activities",
                    vec![
                        column("uuid", false, true),
                        column("user_email", true, true),
                        column("message", true, true),
                    ],
                ),
                table(
                    "sessions",
                    vec![column("uuid", false, true), column("token", true, true)],
                ),
            ]
            .into_iter()
            .collect(),
            edges: vec![Edge {
                child: "public.activities".into(),
                columns: vec!["user_email".into()],
                parent: "public.users".into(),
                parent_columns: vec!["email".into()],
                enforced: true,
            }],
        }
    }

    fn scope(mask: &str) -> Result<Scope> {
        let text = format!("[copy]\nstart = [\"activities LIMIT 3\"]\n[mask]\n{mask}");
        resolve(&rules::parse(&text).unwrap(), &cruddur())
    }

    #[test]
    fn every_unruled_column_of_a_referenced_table_is_named_and_keys_need_none() {
        let err = scope("\"activities.message\" = \"scrub\"").unwrap_err();
        let fail = err.downcast_ref::<Fail>().unwrap();
        assert_eq!(fail.exit, Exit::Refused);
        assert!(
            fail.message.contains("users.bio (text)"),
            "{}",
            fail.message
        );
        assert!(!fail.message.contains("uuid"), "{}", fail.message);
        assert!(!fail.message.contains("sessions"), "{}", fail.message);
    }

    #[test]
    fn a_rule_on_a_key_is_the_rule_of_what_references_it_and_parents_load_first() {
        let scope = scope(
            "\"users.email\" = \"email\"\n\"users.bio\" = \"null\"\n\"activities.message\" = \"scrub\"",
        )
        .unwrap();
        assert_eq!(scope.order, ["public.users", "public.activities"]);
        let activities = &scope.columns["public.activities"];
        assert_eq!(
            activities[1],
            ("user_email".into(), Action::Rule(Kind::Email))
        );
        assert_eq!(activities[0], ("uuid".into(), Action::Key));
    }

    #[test]
    fn rules_that_cannot_work_are_refused_before_anything_is_read() {
        for (mask, says) in [
            ("\"users.uuid\" = \"email\"", "the column is integer"),
            ("\"users.email\" = \"null\"", "a key's values"),
            (
                "\"users.bio\" = \"keep\"\n\"activities.user_email\" = \"hash\"\n\"users.email\" = \"email\"",
                "must get its key's stand-in",
            ),
            ("\"activities.message\" = \"null\"", "NOT NULL"),
            ("\"nope.x\" = \"keep\"", "no table nope"),
        ] {
            let err = format!("{:#}", scope(mask).unwrap_err());
            assert!(err.contains(says), "{mask}: {err}");
        }
    }
}
