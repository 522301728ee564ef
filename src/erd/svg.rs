//! The model as one SVG picture, drawn by the binary itself (no Graphviz, Java or Node): a box
//! per table listing its columns, tables in layers (a table to the left of the tables it
//! references), boxes of a layer stacked so that no two overlap, and crow's-foot ends on
//! every relation, dashed where no validated foreign key holds it. The same model gives the
//! same bytes.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;

use super::model::{Entity, Model, Relation};

const CHAR: f64 = 7.2;
const LINE: f64 = 18.0;
const PAD: f64 = 8.0;
const GAP_X: f64 = 80.0;
const GAP_Y: f64 = 24.0;
const MARGIN: f64 = 20.0;

/// Where a table's box is drawn.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Placed {
    pub x: f64,
    pub y: f64,
    pub width: f64,
    pub height: f64,
}

/// Each table's box: layer by layer from the left, a table one layer left of the nearest
/// table it references (cycles broken in name order), boxes of a layer stacked in name order.
pub fn layout(model: &Model) -> BTreeMap<String, Placed> {
    let names: Vec<&str> = model.entities.keys().map(String::as_str).collect();
    let mut parents: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    for r in &model.relations {
        if r.child != r.parent {
            parents.entry(&r.child).or_default().insert(&r.parent);
        }
    }
    // Longest path to a table that references nothing, counted from that end: a parent is
    // always in a later layer than its children, unless a cycle says otherwise.
    let mut layer: BTreeMap<&str, usize> = BTreeMap::new();
    fn depth<'a>(
        table: &'a str,
        parents: &BTreeMap<&'a str, BTreeSet<&'a str>>,
        layer: &mut BTreeMap<&'a str, usize>,
        visiting: &mut BTreeSet<&'a str>,
    ) -> usize {
        if let Some(&known) = layer.get(table) {
            return known;
        }
        if !visiting.insert(table) {
            return 0;
        }
        let height = parents
            .get(table)
            .into_iter()
            .flatten()
            .map(|p| depth(p, parents, layer, visiting) + 1)
            .max()
            .unwrap_or(0);
        visiting.remove(table);
        layer.insert(table, height);
        height
    }
    let mut visiting = BTreeSet::new();
    for name in &names {
        depth(name, &parents, &mut layer, &mut visiting);
    }
    let top = layer.values().copied().max().unwrap_or(0);
    let mut columns: Vec<Vec<&Entity>> = vec![Vec::new(); top + 1];
    for entity in model.entities.values() {
        // Referencing tables on the left, what they reference on the right.
        columns[top - layer[entity.name.as_str()]].push(entity);
    }
    let mut placed = BTreeMap::new();
    let mut x = MARGIN;
    for column in columns {
        let width = column.iter().map(|e| box_width(e)).fold(0.0, f64::max);
        let mut y = MARGIN;
        for entity in column {
            let height = LINE * (entity.columns.len() as f64 + 1.0) + PAD;
            placed.insert(
                entity.name.clone(),
                Placed {
                    x,
                    y,
                    width,
                    height,
                },
            );
            y += height + GAP_Y;
        }
        x += width + GAP_X;
    }
    placed
}

fn box_width(entity: &Entity) -> f64 {
    let widest = entity
        .columns
        .iter()
        .map(|c| c.name.chars().count() + c.data_type.chars().count() + 4)
        .chain([entity.name.chars().count()])
        .max()
        .unwrap_or(0);
    (widest as f64 * CHAR + 2.0 * PAD).ceil()
}

/// The SVG document.
pub fn render(model: &Model) -> String {
    let placed = layout(model);
    let width = placed.values().map(|p| p.x + p.width).fold(0.0, f64::max) + MARGIN;
    let height = placed.values().map(|p| p.y + p.height).fold(0.0, f64::max) + MARGIN;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {width:.0} {height:.0}\" width=\"{width:.0}\" height=\"{height:.0}\" font-family=\"monospace\" font-size=\"12\">"
    );
    out.push_str("<style>.table{fill:#fff;stroke:#345;}.head{fill:#dde6f0;stroke:#345;}.edge{stroke:#567;fill:none;}.dashed{stroke-dasharray:5 4;}</style>\n");
    for relation in &model.relations {
        if let (Some(child), Some(parent)) =
            (placed.get(&relation.child), placed.get(&relation.parent))
        {
            out.push_str(&edge(relation, child, parent));
        }
    }
    for entity in model.entities.values() {
        out.push_str(&table_box(entity, &placed[&entity.name]));
    }
    out.push_str("</svg>\n");
    out
}

fn table_box(entity: &Entity, at: &Placed) -> String {
    let mut out = format!(
        "<g class=\"entity\" data-table=\"{}\">\n<rect class=\"table\" x=\"{:.0}\" y=\"{:.0}\" width=\"{:.0}\" height=\"{:.0}\"/>\n<rect class=\"head\" x=\"{:.0}\" y=\"{:.0}\" width=\"{:.0}\" height=\"{LINE:.0}\"/>\n<text x=\"{:.0}\" y=\"{:.0}\" font-weight=\"bold\">{}</text>\n",
        escape(&entity.name),
        at.x,
        at.y,
        at.width,
        at.height,
        at.x,
        at.y,
        at.width,
        at.x + PAD,
        at.y + LINE - 5.0,
        escape(entity.name.strip_prefix("public.").unwrap_or(&entity.name))
    );
    for (n, column) in entity.columns.iter().enumerate() {
        let keys = match (column.primary, column.foreign) {
            (true, true) => "PK,FK ",
            (true, false) => "PK ",
            (false, true) => "FK ",
            _ => "",
        };
        let _ = writeln!(
            out,
            "<text x=\"{:.0}\" y=\"{:.0}\">{}{} {}</text>",
            at.x + PAD,
            at.y + LINE * (n as f64 + 2.0) - 5.0,
            keys,
            escape(&column.name),
            escape(&column.data_type)
        );
    }
    out.push_str("</g>\n");
    out
}

/// A line from the child's box to the parent's, with a crow's foot (many) or a bar (one) at
/// the child's end, and one bar (required) or a circle (optional) at the parent's.
fn edge(relation: &Relation, child: &Placed, parent: &Placed) -> String {
    let dashed = if relation.unvalidated || relation.implied() {
        " dashed"
    } else {
        ""
    };
    let (from_x, to_x) = match parent.x >= child.x {
        true => (child.x + child.width, parent.x),
        false => (child.x, parent.x + parent.width),
    };
    let from_y = child.y + LINE / 2.0;
    let to_y = parent.y + LINE / 2.0;
    let toward = if to_x >= from_x { 1.0 } else { -1.0 };
    let mut out = format!(
        "<path class=\"edge{dashed}\" d=\"M{from_x:.0},{from_y:.0} L{to_x:.0},{to_y:.0}\"/>\n"
    );
    // The child's end: a crow's foot for many, a bar for one.
    let foot = from_x + 10.0 * toward;
    match relation.one_to_one {
        true => out.push_str(&format!(
            "<path class=\"edge\" d=\"M{foot:.0},{:.0} L{foot:.0},{:.0}\"/>\n",
            from_y - 6.0,
            from_y + 6.0
        )),
        false => out.push_str(&format!(
            "<path class=\"edge\" d=\"M{from_x:.0},{:.0} L{foot:.0},{from_y:.0} L{from_x:.0},{:.0}\"/>\n",
            from_y - 6.0,
            from_y + 6.0
        )),
    }
    // The parent's end: a bar when every child row has its parent, else a circle.
    let near = to_x - 10.0 * toward;
    match relation.required {
        true => out.push_str(&format!(
            "<path class=\"edge\" d=\"M{near:.0},{:.0} L{near:.0},{:.0}\"/>\n",
            to_y - 6.0,
            to_y + 6.0
        )),
        false => out.push_str(&format!(
            "<circle class=\"edge\" cx=\"{near:.0}\" cy=\"{to_y:.0}\" r=\"4\"/>\n"
        )),
    }
    out
}

/// `text` as XML and HTML character data or an attribute's value.
pub fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::erd::model::Attribute;

    fn chain(n: usize) -> Model {
        let mut model = Model::default();
        for i in 0..n {
            let name = format!("public.t{i}");
            model.entities.insert(
                name.clone(),
                Entity {
                    name: name.clone(),
                    schema: "public".into(),
                    comment: None,
                    columns: (0..(i % 7 + 1))
                        .map(|c| Attribute {
                            name: format!("column_{c}"),
                            data_type: "integer".into(),
                            not_null: c == 0,
                            primary: c == 0,
                            foreign: false,
                            unique: false,
                        })
                        .collect(),
                },
            );
            if i % 5 != 0 {
                model.relations.push(Relation {
                    child: name,
                    parent: format!("public.t{}", i - 1),
                    columns: vec!["column_0".into()],
                    parent_columns: vec!["column_0".into()],
                    constraint: Some("fk".into()),
                    unvalidated: false,
                    one_to_one: false,
                    required: true,
                });
            }
        }
        model
    }

    #[test]
    fn no_two_boxes_overlap_and_a_parent_is_right_of_its_child() {
        let model = chain(200);
        let placed = layout(&model);
        let boxes: Vec<&Placed> = placed.values().collect();
        for (i, a) in boxes.iter().enumerate() {
            for b in &boxes[i + 1..] {
                let apart = a.x + a.width <= b.x
                    || b.x + b.width <= a.x
                    || a.y + a.height <= b.y
                    || b.y + b.height <= a.y;
                assert!(apart, "{a:?} overlaps {b:?}");
            }
        }
        for r in &model.relations {
            assert!(placed[&r.parent].x > placed[&r.child].x, "{r:?}");
        }
        assert_eq!(render(&model), render(&model));
    }
}
