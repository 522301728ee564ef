//! Pictures of the schema (`erd`): the tables, their keys and every relation between them,
//! foreign keys and the ones column names imply, read from the catalogs (`model`) and drawn as
//! Mermaid `erDiagram` blocks that GitHub renders (`mermaid`), or one SVG picture the binary
//! lays out itself (`svg`).

pub mod mermaid;
pub mod model;
pub mod svg;

use std::collections::BTreeSet;

use self::model::Model;

/// `tables` and what lies within `depth` relations of them (either way), or the whole model
/// when no table is named; `None` names the first table not in the model.
pub fn around(model: &Model, tables: &[String], depth: u32) -> Result<Model, String> {
    if tables.is_empty() {
        return Ok(model.clone());
    }
    let mut kept: BTreeSet<String> = BTreeSet::new();
    for table in tables {
        let name = match table.contains('.') {
            true => table.clone(),
            false => format!("public.{table}"),
        };
        if !model.entities.contains_key(&name) {
            return Err(table.clone());
        }
        kept.insert(name);
    }
    for _ in 0..depth {
        let next: Vec<String> = model
            .relations
            .iter()
            .flat_map(|r| {
                let (child, parent) = (r.child.clone(), r.parent.clone());
                match (kept.contains(&child), kept.contains(&parent)) {
                    (true, false) => Some(parent),
                    (false, true) => Some(child),
                    _ => None,
                }
            })
            .collect();
        if next.is_empty() {
            break;
        }
        kept.extend(next);
    }
    Ok(Model {
        entities: model
            .entities
            .iter()
            .filter(|(name, _)| kept.contains(*name))
            .map(|(name, e)| (name.clone(), e.clone()))
            .collect(),
        relations: model
            .relations
            .iter()
            .filter(|r| kept.contains(&r.child) && kept.contains(&r.parent))
            .cloned()
            .collect(),
    })
}
