//! What the schema's documentation says of each table, view and function, built from the
//! catalogs' schema (definitions, comments) and `erd`'s relations, and kept beside the pages
//! as `schema.json`: what `docs --check` compares to say in words what changed.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::erd::model::Model;
use crate::schema::{Kind, Schema};

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Docs {
    pub tables: BTreeMap<String, Table>,
    /// Views and materialized views: name, comment, definition.
    pub views: Vec<Routine>,
    /// Functions and procedures: signature, comment, definition.
    pub functions: Vec<Routine>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Table {
    pub name: String,
    pub comment: Option<String>,
    pub columns: Vec<Column>,
    /// Definitions as the server writes them.
    pub indexes: Vec<String>,
    pub constraints: Vec<String>,
    pub triggers: Vec<String>,
    /// Relations where this table is the child, and where it is the parent.
    pub references: Vec<Link>,
    pub referenced_by: Vec<Link>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Column {
    pub name: String,
    #[serde(rename = "type")]
    pub data_type: String,
    pub not_null: bool,
    pub default: Option<String>,
    pub comment: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Link {
    /// The table at the other end.
    pub table: String,
    pub columns: Vec<String>,
    /// `one-to-one` or `many-to-one`, read from the child's side.
    pub cardinality: String,
    pub required: bool,
    pub implied: bool,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Routine {
    pub name: String,
    pub comment: Option<String>,
    pub definition: String,
}

/// The documentation of `schema`, with `model`'s relations.
pub fn build(schema: &Schema, model: &Model) -> Docs {
    let bare = |name: &str| name.replace('"', "");
    let mut docs = Docs::default();
    for entity in model.entities.values() {
        let shape = schema
            .tables
            .iter()
            .find(|(name, _)| bare(name) == entity.name)
            .map(|(_, t)| t);
        let columns = entity
            .columns
            .iter()
            .map(|c| {
                let own = shape.and_then(|t| t.columns.iter().find(|sc| bare(&sc.name) == c.name));
                Column {
                    name: c.name.clone(),
                    data_type: c.data_type.clone(),
                    not_null: c.not_null,
                    default: own.and_then(|o| o.default.clone().or(o.generated.clone())),
                    comment: own.and_then(|o| o.comment.clone()),
                }
            })
            .collect();
        let of = |kind: Kind| -> Vec<String> {
            let mut found: Vec<String> = schema
                .objects
                .iter()
                .filter(|o| {
                    o.kind == kind
                        && o.table.as_deref().map(bare).as_deref() == Some(entity.name.as_str())
                })
                .map(|o| o.create.trim_end_matches(';').replace(";\n", "; "))
                .collect();
            found.sort();
            found
        };
        let mut constraints = of(Kind::Constraint);
        constraints.extend(of(Kind::ForeignKey));
        let link = |r: &crate::erd::model::Relation, other: &str| Link {
            table: other.to_string(),
            columns: r.columns.clone(),
            cardinality: match r.one_to_one {
                true => "one-to-one".to_string(),
                false => "many-to-one".to_string(),
            },
            required: r.required,
            implied: r.implied(),
        };
        docs.tables.insert(
            entity.name.clone(),
            Table {
                name: entity.name.clone(),
                comment: entity.comment.clone(),
                columns,
                indexes: of(Kind::Index),
                constraints,
                triggers: of(Kind::Trigger),
                references: model
                    .relations
                    .iter()
                    .filter(|r| r.child == entity.name)
                    .map(|r| link(r, &r.parent))
                    .collect(),
                referenced_by: model
                    .relations
                    .iter()
                    .filter(|r| r.parent == entity.name)
                    .map(|r| link(r, &r.child))
                    .collect(),
            },
        );
    }
    for object in &schema.objects {
        let routine = || Routine {
            name: bare(&object.name),
            comment: object.comments.first().map(|(_, text)| text.clone()),
            definition: object.create.clone(),
        };
        match object.kind {
            Kind::View | Kind::MaterializedView => docs.views.push(routine()),
            Kind::Function => docs.functions.push(routine()),
            _ => {}
        }
    }
    docs.views.sort_by(|a, b| a.name.cmp(&b.name));
    docs.functions.sort_by(|a, b| a.name.cmp(&b.name));
    docs
}
