//! `copy --init`: a starter `sql/copy.toml` written from the schema, with a guessed rule for
//! every column that is not a key and a first line that keeps copy refusing until a person
//! has read the guesses and deleted it.

use std::collections::{BTreeMap, BTreeSet};

use super::rules::{DEFAULT_MAX_ROWS, REVIEW_MARK};
use super::tables::{Column, Tables};
use crate::erd::model::Relation;

/// The file's text for `tables`, with the `implied` relations (no foreign key declares them)
/// offered as `relations`.
pub fn starter(tables: &Tables, implied: &[Relation]) -> String {
    let mut edges: Vec<(String, String, Vec<String>, Vec<String>)> = tables
        .edges
        .iter()
        .map(|e| {
            (
                e.child.clone(),
                e.parent.clone(),
                e.columns.clone(),
                e.parent_columns.clone(),
            )
        })
        .collect();
    edges.extend(implied.iter().map(|r| {
        (
            r.child.clone(),
            r.parent.clone(),
            r.columns.clone(),
            r.parent_columns.clone(),
        )
    }));
    let short = |name: &str| name.strip_prefix("public.").unwrap_or(name).to_string();

    // Start from the table most others reference; follow what references it, transitively.
    let mut referenced: BTreeMap<&str, usize> = BTreeMap::new();
    for (child, parent, _, _) in &edges {
        if child != parent {
            *referenced.entry(parent).or_default() += 1;
        }
    }
    let start = referenced
        .iter()
        .max_by_key(|(name, count)| (**count, std::cmp::Reverse(**name)))
        .map(|(name, _)| name.to_string())
        .or_else(|| tables.tables.keys().next().cloned());
    let mut follow: BTreeSet<String> = BTreeSet::new();
    if let Some(start) = &start {
        let mut reached: BTreeSet<String> = [start.clone()].into();
        loop {
            let more: Vec<String> = edges
                .iter()
                .filter(|(c, p, _, _)| reached.contains(p) && !reached.contains(c))
                .map(|(c, _, _, _)| c.clone())
                .collect();
            if more.is_empty() {
                break;
            }
            follow.extend(more.iter().cloned());
            reached.extend(more);
        }
    }
    let mut keys: BTreeSet<(String, String)> = BTreeSet::new();
    for (child, parent, columns, parent_columns) in &edges {
        keys.extend(columns.iter().map(|c| (child.clone(), c.clone())));
        keys.extend(parent_columns.iter().map(|c| (parent.clone(), c.clone())));
    }
    for table in tables.tables.values() {
        keys.extend(
            table
                .primary_key
                .iter()
                .map(|c| (table.name.clone(), c.clone())),
        );
    }

    let quoted = |items: Vec<String>| {
        items
            .iter()
            .map(|i| format!("{i:?}"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let mut text = format!(
        "{REVIEW_MARK}\n\
         # The rules of `cruddur-db copy` (docs/copy.md), guessed from the schema's names and\n\
         # types. A column with no rule refuses the copy; keys need none (they are kept).\n\n\
         [copy]\n\
         start = [{}]\n\
         follow = [{}]\n\
         relations = [{}]\n\
         max_rows = {DEFAULT_MAX_ROWS}\n\n\
         [mask]\n",
        quoted(
            start
                .iter()
                .map(|s| format!("{} LIMIT 100", short(s)))
                .collect()
        ),
        quoted(follow.iter().map(|f| short(f)).collect()),
        quoted(
            implied
                .iter()
                .map(|r| format!(
                    "{}.{} -> {}.{}",
                    short(&r.child),
                    r.columns[0],
                    short(&r.parent),
                    r.parent_columns[0]
                ))
                .collect()
        ),
    );
    let mut kept = Vec::new();
    for table in tables.tables.values() {
        for column in &table.columns {
            let name = format!("{}.{}", short(&table.name), column.name);
            if keys.contains(&(table.name.clone(), column.name.clone())) {
                kept.push(name);
                continue;
            }
            if column.generated {
                continue;
            }
            let (rule, why) = guess(column);
            text.push_str(&format!("{name:?} = {rule:?}  # {why}\n"));
        }
    }
    if !kept.is_empty() {
        text.push_str(&format!(
            "\n# Keys, kept unless ruled: {}\n",
            kept.join(", ")
        ));
    }
    text
}

/// A rule for `column` from its name and type, and why.
fn guess(column: &Column) -> (&'static str, &'static str) {
    let name = column.name.to_lowercase();
    let has = |words: &[&str]| words.iter().any(|w| name.contains(w));
    let cleared = if column.not_null {
        if column.has_default {
            "default"
        } else {
            "keep"
        }
    } else {
        "null"
    };
    if !column.text {
        return match column.data_type.as_str() {
            "inet" | "cidr" | "macaddr" | "json" | "jsonb" | "bytea" => (
                cleared,
                "REVIEW: may hold personal data the binary cannot rewrite",
            ),
            _ => ("keep", "not text"),
        };
    }
    if has(&["email", "mail"]) {
        ("email", "an email address, by its name")
    } else if has(&["phone", "mobile", "tel"]) {
        ("phone", "a phone number, by its name")
    } else if has(&["handle", "username", "login", "nick"]) {
        ("handle", "a handle, by its name")
    } else if has(&[
        "password", "token", "secret", "cognito", "api_key", "salt", "hash", "sub",
    ]) {
        ("hash", "an identifier or secret, by its name")
    } else if has(&["name"]) {
        ("name", "a person's name, by its name")
    } else if has(&[
        "message",
        "body",
        "bio",
        "content",
        "comment",
        "description",
        "note",
        "text",
    ]) {
        (
            "scrub",
            "free text: emails, @handles and phone numbers in it are replaced",
        )
    } else {
        (
            "text",
            "REVIEW: text of unknown meaning, replaced by filler of its length",
        )
    }
}
