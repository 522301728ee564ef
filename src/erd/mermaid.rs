//! The model as Mermaid `erDiagram` blocks in Markdown, as GitHub renders them: each block
//! within Mermaid's default limits (50,000 characters, 500 edges), split by schema and then by
//! groups of related tables the same way on every run, and the same bytes for the same schema.

use std::collections::{BTreeMap, BTreeSet};

use super::model::{Attribute, Entity, Model, Relation};

/// Mermaid's default `maxTextSize` and `maxEdges`, which GitHub keeps.
pub const MAX_TEXT: usize = 50_000;
pub const MAX_EDGES: usize = 500;

/// One block: a title when there are several, and its `erDiagram` text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    pub title: String,
    pub text: String,
    pub edges: usize,
}

/// The Markdown: one fenced `mermaid` block, or a titled one per part.
pub fn markdown(model: &Model) -> String {
    let blocks = blocks(model);
    let mut out = String::new();
    for block in &blocks {
        if blocks.len() > 1 {
            out.push_str(&format!("## {}\n\n", block.title));
        }
        out.push_str("```mermaid\n");
        out.push_str(&block.text);
        out.push_str("```\n");
        if blocks.len() > 1 {
            out.push('\n');
        }
    }
    out
}

/// The blocks that draw `model`: one when it fits, else one per schema, and a schema that
/// does not fit is cut into groups of related tables packed in name order.
pub fn blocks(model: &Model) -> Vec<Block> {
    let all: Vec<&str> = model.entities.keys().map(String::as_str).collect();
    let whole = render(model, &all);
    if fits(&whole) {
        return vec![Block {
            title: "schema".to_string(),
            ..whole
        }];
    }
    let mut by_schema: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for entity in model.entities.values() {
        by_schema
            .entry(entity.schema.as_str())
            .or_default()
            .push(entity.name.as_str());
    }
    let mut out = Vec::new();
    for (schema, tables) in by_schema {
        let block = render(model, &tables);
        if fits(&block) {
            out.push(Block {
                title: schema.to_string(),
                ..block
            });
            continue;
        }
        let parts = pack(model, &groups(model, &tables));
        let count = parts.len();
        for (n, part) in parts.into_iter().enumerate() {
            let block = render(model, &part);
            out.push(Block {
                title: format!("{schema} ({} of {count})", n + 1),
                ..block
            });
        }
    }
    out
}

fn fits(block: &Block) -> bool {
    block.text.len() <= MAX_TEXT && block.edges <= MAX_EDGES
}

/// The tables of `tables` in groups that relations connect, each sorted, the groups in the
/// order of their first table.
fn groups<'a>(model: &'a Model, tables: &[&'a str]) -> Vec<Vec<&'a str>> {
    let inside: BTreeSet<&str> = tables.iter().copied().collect();
    let mut neighbours: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    for r in &model.relations {
        if inside.contains(r.child.as_str()) && inside.contains(r.parent.as_str()) {
            neighbours.entry(&r.child).or_default().insert(&r.parent);
            neighbours.entry(&r.parent).or_default().insert(&r.child);
        }
    }
    let mut seen = BTreeSet::new();
    let mut out = Vec::new();
    for &start in &inside {
        if !seen.insert(start) {
            continue;
        }
        let mut group = vec![start];
        let mut queue = vec![start];
        while let Some(table) = queue.pop() {
            for &next in neighbours.get(table).into_iter().flatten() {
                if seen.insert(next) {
                    group.push(next);
                    queue.push(next);
                }
            }
        }
        group.sort_unstable();
        out.push(group);
    }
    out
}

/// Groups packed into parts that fit, in order; a group too big alone is cut in name order.
/// A block's size is the sum of what each of its tables adds (its entity and the relations
/// it is the child of), so each table is measured once.
fn pack<'a>(model: &'a Model, groups: &[Vec<&'a str>]) -> Vec<Vec<&'a str>> {
    let cost = |table: &str| -> (usize, usize) {
        let entity = model
            .entities
            .get(table)
            .map_or(0, |e| entity_block(e).len());
        model
            .relations
            .iter()
            .filter(|r| r.child == table)
            .fold((entity, 0), |(text, edges), r| {
                (text + edge(r).len(), edges + 1)
            })
    };
    let header = render(model, &[]).text.len();
    let mut parts: Vec<Vec<&str>> = Vec::new();
    let mut current: Vec<&str> = Vec::new();
    let (mut text, mut edges) = (header, 0);
    for &table in groups.iter().flatten() {
        let (more_text, more_edges) = cost(table);
        let over = text + more_text > MAX_TEXT || edges + more_edges > MAX_EDGES;
        if over && !current.is_empty() {
            parts.push(std::mem::take(&mut current));
            (text, edges) = (header, 0);
        }
        current.push(table);
        text += more_text;
        edges += more_edges;
    }
    if !current.is_empty() {
        parts.push(current);
    }
    parts
}

/// `tables` as one `erDiagram`: each table with its columns, then each relation whose child
/// is one of them (a parent drawn elsewhere appears as a bare entity).
fn render(model: &Model, tables: &[&str]) -> Block {
    let shown: BTreeSet<&str> = tables.iter().copied().collect();
    let mut text = String::from("erDiagram\n");
    for name in &shown {
        if let Some(entity) = model.entities.get(*name) {
            text.push_str(&entity_block(entity));
        }
    }
    let mut edges = 0;
    for relation in model
        .relations
        .iter()
        .filter(|r| shown.contains(r.child.as_str()))
    {
        text.push_str(&edge(relation));
        edges += 1;
    }
    Block {
        title: String::new(),
        text,
        edges,
    }
}

fn entity_block(entity: &Entity) -> String {
    let mut out = format!("    {} {{\n", id(&entity.name));
    for column in &entity.columns {
        out.push_str(&format!(
            "        {} {}{}\n",
            type_word(&column.data_type),
            word(&column.name),
            keys(column)
        ));
    }
    out.push_str("    }\n");
    out
}

fn keys(column: &Attribute) -> String {
    let keys: Vec<&str> = [
        (column.primary, "PK"),
        (column.foreign, "FK"),
        (column.unique && !column.primary, "UK"),
    ]
    .iter()
    .filter(|(on, _)| *on)
    .map(|(_, key)| *key)
    .collect();
    match keys.is_empty() {
        true => String::new(),
        false => format!(" {}", keys.join(", ")),
    }
}

/// `child }o--|| parent : "columns"`: the child's end zero-or-one when its columns are
/// unique, else zero-or-more; the parent's end exactly one when every child column is NOT
/// NULL, else zero-or-one; dashed for a foreign key not validated and for an implied one.
pub fn edge(relation: &Relation) -> String {
    let child_end = if relation.one_to_one { "|o" } else { "}o" };
    let parent_end = if relation.required { "||" } else { "o|" };
    let line = if relation.unvalidated || relation.implied() {
        ".."
    } else {
        "--"
    };
    let mut label = relation.columns.join(", ");
    if relation.implied() {
        label.push_str(" (implied)");
    }
    format!(
        "    {} {child_end}{line}{parent_end} {} : \"{}\"\n",
        id(&relation.child),
        id(&relation.parent),
        label.replace('"', "'")
    )
}

/// A table's entity name: its own for the public schema, `schema__table` elsewhere, with
/// what Mermaid does not take in a name replaced.
pub fn id(name: &str) -> String {
    let bare = name.strip_prefix("public.").unwrap_or(name);
    word(&bare.replacen('.', "__", 1))
}

/// A name Mermaid reads as one word: letters, digits, `_` and `-`.
fn word(text: &str) -> String {
    let word: String = text
        .chars()
        .map(
            |c| match c.is_ascii_alphanumeric() || c == '_' || c == '-' {
                true => c,
                false => '_',
            },
        )
        .collect();
    match word.starts_with(|c: char| c.is_ascii_digit() || c == '-') {
        true => format!("_{word}"),
        false => word,
    }
}

/// A column type as one word: the common long names shortened, a modifier with a comma
/// dropped, spaces joined.
fn type_word(data_type: &str) -> String {
    let short = [
        ("timestamp without time zone", "timestamp"),
        ("timestamp with time zone", "timestamptz"),
        ("time without time zone", "time"),
        ("time with time zone", "timetz"),
        ("character varying", "varchar"),
        ("double precision", "float8"),
        ("bit varying", "varbit"),
    ]
    .iter()
    .fold(data_type.to_string(), |text, (long, short)| {
        text.replace(long, short)
    });
    let short = match short.find('(') {
        Some(at) if short[at..].contains(',') => {
            let close = short[at..].find(')').map_or(short.len(), |c| at + c + 1);
            format!("{}{}", &short[..at], &short[close..])
        }
        _ => short,
    };
    short
        .chars()
        .map(
            |c| match c.is_ascii_alphanumeric() || "_-()[]".contains(c) {
                true => c,
                false => '_',
            },
        )
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn types_become_one_word_mermaid_reads() {
        assert_eq!(type_word("timestamp without time zone"), "timestamp");
        assert_eq!(type_word("character varying(255)"), "varchar(255)");
        assert_eq!(type_word("numeric(10,2)"), "numeric");
        assert_eq!(type_word("text[]"), "text[]");
        assert_eq!(type_word("\"Mood\""), "_Mood_");
    }

    #[test]
    fn an_edge_says_its_cardinality_and_whether_a_key_holds_it() {
        let relation = Relation {
            child: "public.activities".into(),
            parent: "public.users".into(),
            columns: vec!["user_uuid".into()],
            parent_columns: vec!["uuid".into()],
            constraint: None,
            unvalidated: false,
            one_to_one: false,
            required: false,
        };
        assert_eq!(
            edge(&relation),
            "    activities }o..o| users : \"user_uuid (implied)\"\n"
        );
        let key = Relation {
            constraint: Some("fk".into()),
            one_to_one: true,
            required: true,
            child: "auth.sessions".into(),
            ..relation
        };
        assert_eq!(
            edge(&key),
            "    auth__sessions |o--|| users : \"user_uuid\"\n"
        );
    }
}
