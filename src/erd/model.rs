//! What a picture of the schema shows, read from the catalogs in one read-only transaction:
//! the tables (partitions folded into their parent) with their columns and keys, and every
//! relation between two of them, foreign keys and the ones the column names imply.

use std::collections::{BTreeMap, BTreeSet};

use anyhow::{Context, Result};
use tokio_postgres::Client;

use crate::db::PgError;
use crate::schema::catalog::{USER_NAMESPACE, not_extension_member};

/// A table as the picture draws it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entity {
    /// `schema.table`, unquoted.
    pub name: String,
    pub schema: String,
    pub columns: Vec<Attribute>,
    pub comment: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attribute {
    pub name: String,
    /// As `format_type` writes it.
    pub data_type: String,
    pub not_null: bool,
    pub primary: bool,
    pub foreign: bool,
    /// In a unique constraint or a unique index without a predicate, alone.
    pub unique: bool,
}

/// One relation: a foreign key (its constraint's name), or one the names imply.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Relation {
    pub child: String,
    pub parent: String,
    pub columns: Vec<String>,
    /// The parent's columns they name, in the same order.
    pub parent_columns: Vec<String>,
    /// `None` for an implied relation.
    pub constraint: Option<String>,
    /// A foreign key added `NOT VALID` and never validated.
    pub unvalidated: bool,
    /// The child's columns are unique: one parent row has at most one child row.
    pub one_to_one: bool,
    /// Every child column is NOT NULL: each child row has its parent.
    pub required: bool,
}

impl Relation {
    pub fn implied(&self) -> bool {
        self.constraint.is_none()
    }
}

#[derive(Debug, Clone, Default)]
pub struct Model {
    /// By name, so every rendering is in the same order.
    pub entities: BTreeMap<String, Entity>,
    pub relations: Vec<Relation>,
}

/// Read the model of the database `client` is on.
pub async fn read(client: &Client) -> Result<Model> {
    client
        .batch_execute(
            "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY; SET LOCAL lock_timeout = 2000",
        )
        .await
        .map_err(PgError)
        .context("could not start reading the catalogs")?;
    let not_extension = not_extension_member("pg_class", "c.oid");
    let read = async {
        let columns = client
            .query(
                &format!(
                    "SELECT n.nspname::text, c.relname::text, a.attname::text,
                            pg_catalog.format_type(a.atttypid, a.atttypmod), a.attnotnull,
                            EXISTS (SELECT FROM pg_catalog.pg_index i WHERE i.indrelid = c.oid AND i.indisprimary AND a.attnum = ANY (i.indkey)),
                            EXISTS (SELECT FROM pg_catalog.pg_constraint f WHERE f.conrelid = c.oid AND f.contype = 'f' AND a.attnum = ANY (f.conkey)),
                            EXISTS (SELECT FROM pg_catalog.pg_index i WHERE i.indrelid = c.oid AND i.indisunique AND NOT i.indisprimary
                                      AND i.indpred IS NULL AND i.indnkeyatts = 1 AND i.indkey[0] = a.attnum),
                            pg_catalog.obj_description(c.oid, 'pg_class')
                       FROM pg_catalog.pg_class c
                       JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
                       JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
                      WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition AND {USER_NAMESPACE} AND {not_extension}
                        AND (n.nspname, c.relname) <> ('public', 'schema_migrations')
                      ORDER BY 1, 2, a.attnum"
                ),
                &[],
            )
            .await
            .map_err(PgError)
            .context("could not read the tables and columns")?;
        let keys = client
            .query(
                &format!(
                    "SELECT n.nspname::text || '.' || c.relname::text, f.conname::text,
                            pn.nspname::text || '.' || p.relname::text,
                            ARRAY(SELECT a.attname::text FROM pg_catalog.unnest(f.conkey) WITH ORDINALITY k(n, o)
                                    JOIN pg_catalog.pg_attribute a ON a.attrelid = f.conrelid AND a.attnum = k.n ORDER BY k.o),
                            f.convalidated,
                            EXISTS (SELECT FROM pg_catalog.pg_index i WHERE i.indrelid = f.conrelid AND i.indisunique
                                      AND i.indpred IS NULL AND i.indexprs IS NULL
                                      AND (i.indkey::int2[])[0:i.indnkeyatts - 1] <@ f.conkey),
                            NOT EXISTS (SELECT FROM pg_catalog.pg_attribute a WHERE a.attrelid = f.conrelid
                                          AND a.attnum = ANY (f.conkey) AND NOT a.attnotnull),
                            ARRAY(SELECT a.attname::text FROM pg_catalog.unnest(f.confkey) WITH ORDINALITY k(n, o)
                                    JOIN pg_catalog.pg_attribute a ON a.attrelid = f.confrelid AND a.attnum = k.n ORDER BY k.o)
                       FROM pg_catalog.pg_constraint f
                       JOIN pg_catalog.pg_class c ON c.oid = f.conrelid
                       JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
                       JOIN pg_catalog.pg_class p ON p.oid = f.confrelid
                       JOIN pg_catalog.pg_namespace pn ON pn.oid = p.relnamespace
                      WHERE f.contype = 'f' AND f.conparentid = 0 AND NOT c.relispartition AND {USER_NAMESPACE} AND {not_extension}
                      ORDER BY 1, 2"
                ),
                &[],
            )
            .await
            .map_err(PgError)
            .context("could not read the foreign keys")?;
        Ok::<_, anyhow::Error>((columns, keys))
    }
    .await;
    let _ = client.batch_execute("ROLLBACK").await;
    let (columns, keys) = read?;
    let mut model = Model::default();
    for row in &columns {
        let schema: String = row.get(0);
        let name = format!("{schema}.{}", row.get::<_, String>(1));
        let entity = model
            .entities
            .entry(name.clone())
            .or_insert_with(|| Entity {
                name,
                schema,
                columns: Vec::new(),
                comment: row.get(8),
            });
        entity.columns.push(Attribute {
            name: row.get(2),
            data_type: row.get(3),
            not_null: row.get(4),
            primary: row.get(5),
            foreign: row.get(6),
            unique: row.get(7),
        });
    }
    for row in &keys {
        let (child, parent): (String, String) = (row.get(0), row.get(2));
        if !model.entities.contains_key(&child) || !model.entities.contains_key(&parent) {
            continue;
        }
        model.relations.push(Relation {
            child,
            parent,
            constraint: Some(row.get(1)),
            columns: row.get(3),
            parent_columns: row.get(7),
            unvalidated: !row.get::<_, bool>(4),
            one_to_one: row.get(5),
            required: row.get(6),
        });
    }
    model.relations.extend(implied(&model));
    model.relations.sort();
    Ok(model)
}

/// The relations the names imply where no foreign key says so: a column `<name>_uuid` or
/// `<name>_id` whose type is that of the one-column primary key of the table `<name>s` (or
/// `<name>`), in the child's schema first.
pub fn implied(model: &Model) -> Vec<Relation> {
    let keyed: BTreeSet<(&str, &str)> = model
        .relations
        .iter()
        .filter(|r| r.columns.len() == 1)
        .map(|r| (r.child.as_str(), r.columns[0].as_str()))
        .collect();
    let mut found = Vec::new();
    for entity in model.entities.values() {
        for column in &entity.columns {
            if column.foreign || keyed.contains(&(entity.name.as_str(), column.name.as_str())) {
                continue;
            }
            let Some(stem) = ["_uuid", "_id"]
                .iter()
                .find_map(|suffix| column.name.strip_suffix(suffix))
                .filter(|stem| !stem.is_empty())
            else {
                continue;
            };
            let parent = [format!("{stem}s"), stem.to_string()]
                .iter()
                .flat_map(|table| {
                    [
                        format!("{}.{table}", entity.schema),
                        format!("public.{table}"),
                    ]
                })
                .find_map(|name| model.entities.get(&name))
                .filter(|parent| parent.name != entity.name);
            let Some(parent) = parent else { continue };
            let keys: Vec<&Attribute> = parent.columns.iter().filter(|c| c.primary).collect();
            if keys.len() != 1 || keys[0].data_type != column.data_type {
                continue;
            }
            found.push(Relation {
                child: entity.name.clone(),
                parent: parent.name.clone(),
                columns: vec![column.name.clone()],
                parent_columns: vec![keys[0].name.clone()],
                constraint: None,
                unvalidated: false,
                one_to_one: column.unique
                    || (column.primary && entity.columns.iter().filter(|c| c.primary).count() == 1),
                required: column.not_null,
            });
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entity(name: &str, columns: &[(&str, &str, bool)]) -> Entity {
        Entity {
            name: format!("public.{name}"),
            schema: "public".to_string(),
            comment: None,
            columns: columns
                .iter()
                .map(|(name, data_type, primary)| Attribute {
                    name: name.to_string(),
                    data_type: data_type.to_string(),
                    not_null: *primary,
                    primary: *primary,
                    foreign: false,
                    unique: false,
                })
                .collect(),
        }
    }

    #[test]
    fn a_column_named_for_a_table_with_its_key_type_implies_a_relation() {
        let mut model = Model::default();
        for e in [
            entity(
                "users",
                &[("uuid", "uuid", true), ("handle", "text", false)],
            ),
            entity(
                "activities",
                &[
                    ("uuid", "uuid", true),
                    ("user_uuid", "uuid", false),
                    ("reply_to_activity_uuid", "integer", false),
                    ("tag_id", "integer", false),
                ],
            ),
        ] {
            model.entities.insert(e.name.clone(), e);
        }
        let found = implied(&model);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(
            (found[0].child.as_str(), found[0].parent.as_str()),
            ("public.activities", "public.users")
        );
        assert!(found[0].implied() && !found[0].required && !found[0].one_to_one);
    }
}
