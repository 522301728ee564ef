//! The documentation's files, by path inside its folder: `README.md` (the tables and the
//! diagram), `index.html` (one offline page), a page per table (columns, keys, indexes,
//! constraints, triggers, relations both ways, a one-hop diagram), `views.md`, `functions.md`,
//! and `schema.json` for `--check`. The same schema gives the same bytes.

use std::collections::BTreeMap;

use super::model::{Docs, Link, Routine, Table};
use crate::erd::{self, mermaid, model::Model};

/// Every file of the documentation, by its path relative to the folder.
pub fn files(docs: &Docs, model: &Model) -> BTreeMap<String, String> {
    let mut files = BTreeMap::new();
    files.insert("README.md".to_string(), overview(docs, model));
    // Each table with its neighbours, drawn on its page and in the HTML page alike.
    let around: BTreeMap<&str, Model> = docs
        .tables
        .keys()
        .filter_map(|name| {
            let model = erd::around(model, std::slice::from_ref(name), 1).ok()?;
            Some((name.as_str(), model))
        })
        .collect();
    for table in docs.tables.values() {
        files.insert(
            page_path(&table.name),
            page(table, around.get(table.name.as_str())),
        );
    }
    files.insert(
        "views.md".to_string(),
        routines("Views", &docs.views, "sql"),
    );
    files.insert(
        "functions.md".to_string(),
        routines("Functions", &docs.functions, "sql"),
    );
    files.insert(
        "index.html".to_string(),
        super::html::page(docs, model, &around),
    );
    files.insert(
        "schema.json".to_string(),
        serde_json::to_string_pretty(docs).unwrap_or_default() + "\n",
    );
    files
}

/// Where a table's page is, from the folder.
pub fn page_path(table: &str) -> String {
    format!("tables/{table}.md")
}

fn overview(docs: &Docs, model: &Model) -> String {
    let mut out = String::from(
        "# Schema\n\nWritten by `cruddur-db docs`; `cruddur-db docs --check` says when it is out of date.\n\n",
    );
    out.push_str("| table | columns | description |\n|---|---|---|\n");
    for table in docs.tables.values() {
        out.push_str(&format!(
            "| [{}]({}) | {} | {} |\n",
            table.name,
            page_path(&table.name),
            table.columns.len(),
            cell(table.comment.as_deref().unwrap_or(""))
        ));
    }
    out.push_str(&format!(
        "\n[Views](views.md) ({}), [functions](functions.md) ({}).\n\n## Diagram\n\n",
        docs.views.len(),
        docs.functions.len()
    ));
    out.push_str(&mermaid::markdown(model));
    out
}

/// A table's page; `around` is the table with its neighbours.
fn page(table: &Table, around: Option<&Model>) -> String {
    let mut out = format!("# {}\n\n", table.name);
    if let Some(comment) = &table.comment {
        out.push_str(&format!("{comment}\n\n"));
    }
    out.push_str("[All tables](../README.md)\n\n## Columns\n\n| column | type | null | default | description |\n|---|---|---|---|---|\n");
    for c in &table.columns {
        out.push_str(&format!(
            "| {} | {} | {} | {} | {} |\n",
            cell(&c.name),
            cell(&c.data_type),
            if c.not_null { "not null" } else { "null" },
            c.default
                .as_deref()
                .map(|d| format!("`{}`", cell(d)))
                .unwrap_or_default(),
            cell(c.comment.as_deref().unwrap_or(""))
        ));
    }
    for (title, items) in [
        ("Indexes", &table.indexes),
        ("Constraints", &table.constraints),
        ("Triggers", &table.triggers),
    ] {
        if items.is_empty() {
            continue;
        }
        out.push_str(&format!("\n## {title}\n\n"));
        for item in items {
            out.push_str(&format!("- `{}`\n", item.replace('`', "'")));
        }
    }
    for (title, links) in [
        ("References", &table.references),
        ("Referenced by", &table.referenced_by),
    ] {
        if links.is_empty() {
            continue;
        }
        out.push_str(&format!("\n## {title}\n\n"));
        for link in links {
            out.push_str(&format!("- {}\n", describe(link)));
        }
    }
    if let Some(around) = around {
        out.push_str("\n## Diagram\n\n");
        out.push_str(&mermaid::markdown(around));
    }
    out
}

/// `[public.users](public.users.md) by user_uuid, many-to-one, required (implied)`.
fn describe(link: &Link) -> String {
    let mut text = format!(
        "[{}]({}.md) by {}, {}",
        link.table,
        link.table,
        link.columns.join(", "),
        link.cardinality
    );
    if link.required {
        text.push_str(", required");
    }
    if link.implied {
        text.push_str(" (implied: no foreign key holds it)");
    }
    text
}

fn routines(title: &str, routines: &[Routine], language: &str) -> String {
    let mut out = format!("# {title}\n\n[All tables](README.md)\n");
    if routines.is_empty() {
        out.push_str("\nNone.\n");
    }
    for routine in routines {
        out.push_str(&format!("\n## {}\n\n", routine.name));
        if let Some(comment) = &routine.comment {
            out.push_str(&format!("{comment}\n\n"));
        }
        out.push_str(&format!(
            "```{language}\n{}\n```\n",
            routine.definition.trim_end()
        ));
    }
    out
}

/// Text as one Markdown table cell.
fn cell(text: &str) -> String {
    text.replace('|', "\\|").replace('\n', " ")
}
