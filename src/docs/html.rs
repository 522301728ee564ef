//! `index.html`: the documentation as one self-contained page (nothing fetched from the
//! network): a search box over tables and columns, a section per table whose heading shows its
//! neighbourhood as SVG when clicked, and "path between two tables", which prints the JOIN
//! that connects them.

use std::collections::BTreeMap;

use serde::Serialize;

use super::model::Docs;
use crate::erd::model::Model;
use crate::erd::svg::{self, escape};

/// One relation as the page's script walks it.
#[derive(Serialize)]
struct Edge<'a> {
    child: &'a str,
    parent: &'a str,
    columns: &'a [String],
    parent_columns: &'a [String],
}

/// The page; `around` holds each table with its neighbours, drawn when its heading is clicked.
pub fn page(docs: &Docs, model: &Model, around: &BTreeMap<&str, Model>) -> String {
    let edges: Vec<Edge> = model
        .relations
        .iter()
        .map(|r| Edge {
            child: &r.child,
            parent: &r.parent,
            columns: &r.columns,
            parent_columns: &r.parent_columns,
        })
        .collect();
    // `</` could end the script element early.
    let edges = serde_json::to_string(&edges)
        .unwrap_or_default()
        .replace("</", "<\\/");
    let mut out = String::from(HEAD);
    out.push_str("<datalist id=\"tables\">");
    for name in docs.tables.keys() {
        out.push_str(&format!("<option value=\"{}\">", escape(name)));
    }
    out.push_str("</datalist>\n<main>\n");
    for table in docs.tables.values() {
        let mut words: Vec<String> = vec![table.name.to_lowercase()];
        words.extend(table.columns.iter().map(|c| c.name.to_lowercase()));
        out.push_str(&format!(
            "<section class=\"table\" id=\"{}\" data-search=\"{}\">\n<h2 data-table=\"{}\">{}</h2>\n",
            escape(&table.name),
            escape(&words.join(" ")),
            escape(&table.name),
            escape(&table.name)
        ));
        if let Some(comment) = &table.comment {
            out.push_str(&format!("<p>{}</p>\n", escape(comment)));
        }
        out.push_str("<table><tr><th>column</th><th>type</th><th>null</th><th>default</th><th>description</th></tr>\n");
        for c in &table.columns {
            out.push_str(&format!(
                "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>\n",
                escape(&c.name),
                escape(&c.data_type),
                if c.not_null { "not null" } else { "null" },
                escape(c.default.as_deref().unwrap_or("")),
                escape(c.comment.as_deref().unwrap_or(""))
            ));
        }
        out.push_str("</table>\n<div class=\"picture\" hidden>\n");
        if let Some(around) = around.get(table.name.as_str()) {
            out.push_str(&svg::render(around));
        }
        out.push_str("</div>\n</section>\n");
    }
    out.push_str("</main>\n<script type=\"application/json\" id=\"relations\">");
    out.push_str(&edges);
    out.push_str("</script>\n<script>\n");
    out.push_str(SCRIPT);
    out.push_str("</script>\n</body>\n</html>\n");
    out
}

const HEAD: &str = r#"<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Schema</title>
<style>
body { font-family: system-ui, sans-serif; margin: 1.5em; }
header { position: sticky; top: 0; background: #fff; padding: .5em 0; border-bottom: 1px solid #ccc; }
input { font: inherit; padding: .2em .4em; }
pre#join { background: #f4f6f8; padding: .5em; white-space: pre-wrap; }
h2 { cursor: pointer; color: #234; }
table { border-collapse: collapse; }
td, th { border: 1px solid #ddd; padding: .2em .5em; text-align: left; font-size: 90%; }
.picture { overflow: auto; margin: .5em 0; }
</style>
</head>
<body>
<header>
<input id="search" type="search" placeholder="Search tables and columns" autocomplete="off">
<form id="path"><label>Path from <input id="from" list="tables"></label> <label>to <input id="to" list="tables"></label> <button type="submit">Show the JOIN</button></form>
<pre id="join"></pre>
</header>
"#;

const SCRIPT: &str = r#"const relations = JSON.parse(document.getElementById('relations').textContent);
const sections = Array.from(document.querySelectorAll('section.table'));
document.getElementById('search').addEventListener('input', (event) => {
  const words = event.target.value.toLowerCase().trim().split(/\s+/).filter(Boolean);
  for (const section of sections) {
    section.hidden = !words.every((w) => section.dataset.search.includes(w));
  }
});
for (const heading of document.querySelectorAll('section.table h2')) {
  heading.addEventListener('click', () => {
    const picture = heading.parentElement.querySelector('.picture');
    picture.hidden = !picture.hidden;
  });
}
function route(from, to) {
  const seen = new Map([[from, null]]);
  const queue = [from];
  while (queue.length) {
    const table = queue.shift();
    if (table === to) break;
    for (const r of relations) {
      const next = r.child === table ? r.parent : r.parent === table ? r.child : null;
      if (next !== null && !seen.has(next)) {
        seen.set(next, { from: table, relation: r });
        queue.push(next);
      }
    }
  }
  if (!seen.has(to)) return null;
  const hops = [];
  for (let at = to; seen.get(at); at = seen.get(at).from) hops.unshift(seen.get(at));
  return hops;
}
function join(from, to) {
  const hops = route(from, to);
  if (hops === null) return 'no relation connects ' + from + ' and ' + to;
  let sql = 'SELECT *\nFROM ' + from;
  for (const { from: at, relation: r } of hops) {
    const [next, mine, theirs] = r.child === at ? [r.parent, r.columns, r.parent_columns] : [r.child, r.parent_columns, r.columns];
    const on = mine.map((c, i) => next + '.' + theirs[i] + ' = ' + at + '.' + c).join(' AND ');
    sql += '\nJOIN ' + next + ' ON ' + on;
  }
  return sql;
}
document.getElementById('path').addEventListener('submit', (event) => {
  event.preventDefault();
  const from = document.getElementById('from').value.trim();
  const to = document.getElementById('to').value.trim();
  document.getElementById('join').textContent = join(from, to);
});
"#;
