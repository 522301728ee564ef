//! Relations the column names imply with no foreign key to hold them (`activities.user_uuid`
//! naming `users` by its key), as `erd` draws them dashed: each a finding with the count of
//! rows that name no parent, fixed by a migration that adds the foreign key `NOT VALID` (new
//! rows are checked at once, no scan) and a second one that validates it once the orphans are
//! dealt with.

use std::time::Duration;

use tokio_postgres::Client;

use super::health::{Finding, Summary, new_migration, number};
use super::read_only;
use crate::db::quote_ident;
use crate::erd::model::{self, Relation};

/// Add a finding to `summary` for each implied relation, with its orphans counted.
pub(super) async fn findings(client: &mut Client, timeout: Duration, summary: &mut Summary) {
    let model = match model::read(client).await {
        Ok(model) => model,
        Err(err) => {
            summary.notes.push(format!(
                "implied relations could not be looked for: {err:#}"
            ));
            return;
        }
    };
    for relation in model.relations.iter().filter(|r| r.implied()) {
        let Some(key) = model.entities[&relation.parent]
            .columns
            .iter()
            .find(|c| c.primary)
            .map(|c| c.name.clone())
        else {
            continue;
        };
        let (child, parent) = (qualified(&relation.child), qualified(&relation.parent));
        let column = quote_ident(&relation.columns[0]);
        let key = quote_ident(&key);
        let orphans = format!(
            "SELECT count(*)::int8 AS orphans FROM {child} c WHERE c.{column} IS NOT NULL
               AND NOT EXISTS (SELECT FROM {parent} p WHERE p.{key} = c.{column})"
        );
        let orphans = match read_only(client, &orphans, timeout).await {
            Ok(rows) => rows
                .rows
                .first()
                .map_or(0, |row| number(row, "orphans") as i64),
            Err(err) => {
                summary.notes.push(format!(
                    "the orphans of {child}.{column} could not be counted: {err:#}"
                ));
                continue;
            }
        };
        summary
            .findings
            .push(finding(relation, &child, &parent, &column, &key, orphans));
    }
}

fn qualified(name: &str) -> String {
    let (schema, table) = name.split_once('.').unwrap_or(("public", name));
    format!("{}.{}", quote_ident(schema), quote_ident(table))
}

fn finding(
    relation: &Relation,
    child: &str,
    parent: &str,
    column: &str,
    key: &str,
    orphans: i64,
) -> Finding {
    let table = relation.child.rsplit('.').next().unwrap_or(&relation.child);
    let bare_column = &relation.columns[0];
    let constraint = quote_ident(&format!("{table}_{bare_column}_fkey"));
    let add = new_migration(
        &format!("add_fk_{table}_{bare_column}"),
        format!(
            "-- migrate:up\nALTER TABLE {child} ADD CONSTRAINT {constraint} FOREIGN KEY ({column}) REFERENCES {parent} ({key}) NOT VALID;\n\n-- migrate:down\nALTER TABLE {child} DROP CONSTRAINT {constraint};\n"
        ),
    );
    let validate = new_migration(
        &format!("validate_fk_{table}_{bare_column}"),
        format!(
            "-- migrate:up\nALTER TABLE {child} VALIDATE CONSTRAINT {constraint};\n\n-- migrate:down\n-- a validated constraint stays: the migration before this one drops it\n"
        ),
    );
    let orphaned = match orphans {
        0 => "no row names a missing one".to_string(),
        n => format!("{n} row(s) name one that does not exist: deal with them before validating"),
    };
    Finding {
        kind: "implied-relation",
        object: format!("{} ({bare_column}) -> {}", relation.child, relation.parent),
        verdict: format!(
            "{child}.{column} names {parent} by its key, but no foreign key holds it; {orphaned}"
        ),
        fix: crate::inspect::health::Fix {
            then: Some(Box::new(validate)),
            ..add
        },
    }
}
