//! Types of the user's own: enums, ranges, composite types and domains (with their
//! constraints). An enum gains values in place; one that loses or reorders them, and a domain
//! whose base type changes, become a new type their columns are converted to, through text.

use std::collections::BTreeMap;

use anyhow::Result;

use super::catalog::{Reader, USER_NAMESPACE, catalogs, not_extension_member};
use super::diff::{Alter, Differ};
use super::{Column, Detail, Kind, Object, Schema};

/// A domain's parts, which `ALTER DOMAIN` changes one by one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Domain {
    /// The base type, with its modifier and collation.
    pub base: String,
    pub default: Option<String>,
    pub not_null: bool,
    /// `(name, definition)`, by name; a definition may end in `NOT VALID`.
    pub constraints: Vec<(String, String)>,
}

pub async fn read(
    r: &Reader<'_>,
    columns: &BTreeMap<u32, Vec<Column>>,
    schema: &mut Schema,
) -> Result<()> {
    let multirange = match r.version {
        v if v >= 140000 => "pg_catalog.format_type(rg.rngmultitypid, NULL)",
        _ => "NULL::text",
    };
    let sql = format!(
        "SELECT t.oid, pg_catalog.format('%I.%I', n.nspname, t.typname), t.typtype::text,
                (SELECT pg_catalog.array_agg(pg_catalog.quote_literal(enumlabel) ORDER BY enumsortorder)
                   FROM pg_catalog.pg_enum WHERE enumtypid = t.oid),
                pg_catalog.format_type(t.typbasetype, t.typtypmod),
                CASE WHEN t.typcollation <> 0 AND t.typcollation <> (SELECT b.typcollation FROM pg_catalog.pg_type b WHERE b.oid = t.typbasetype) THEN
                  (SELECT pg_catalog.format('%I.%I', cn.nspname, co.collname) FROM pg_catalog.pg_collation co
                     JOIN pg_catalog.pg_namespace cn ON cn.oid = co.collnamespace WHERE co.oid = t.typcollation) END,
                t.typnotnull, t.typdefault,
                (SELECT pg_catalog.array_agg(pg_catalog.quote_ident(conname) || ' ' || pg_catalog.pg_get_constraintdef(oid) ORDER BY conname)
                   FROM pg_catalog.pg_constraint WHERE contypid = t.oid AND contype = 'c'),
                t.typrelid,
                pg_catalog.format_type(rg.rngsubtype, NULL),
                CASE WHEN rg.rngcollation <> 0 AND rg.rngcollation <> (SELECT s.typcollation FROM pg_catalog.pg_type s WHERE s.oid = rg.rngsubtype) THEN
                  (SELECT pg_catalog.format('%I.%I', cn.nspname, co.collname) FROM pg_catalog.pg_collation co
                     JOIN pg_catalog.pg_namespace cn ON cn.oid = co.collnamespace WHERE co.oid = rg.rngcollation) END,
                CASE WHEN NOT oc.opcdefault THEN pg_catalog.format('%I.%I', ocn.nspname, oc.opcname) END,
                CASE WHEN rg.rngcanonical <> 0 THEN rg.rngcanonical::pg_catalog.regproc::text END,
                CASE WHEN rg.rngsubdiff <> 0 THEN rg.rngsubdiff::pg_catalog.regproc::text END,
                {multirange}
           FROM pg_catalog.pg_type t JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
           LEFT JOIN pg_catalog.pg_range rg ON rg.rngtypid = t.oid
           LEFT JOIN pg_catalog.pg_opclass oc ON oc.oid = rg.rngsubopc
           LEFT JOIN pg_catalog.pg_namespace ocn ON ocn.oid = oc.opcnamespace
          WHERE {USER_NAMESPACE} AND {}
            AND (t.typtype IN ('e', 'd', 'r')
                 OR (t.typtype = 'c' AND (SELECT relkind FROM pg_catalog.pg_class WHERE oid = t.typrelid) = 'c'))",
        not_extension_member("pg_type", "t.oid")
    );
    for row in r.query("types", &sql).await? {
        let name: String = row.get(1);
        let typtype: String = row.get(2);
        let address = (catalogs::TYPE, row.get(0));
        let drop = format!("DROP TYPE {name};");
        let object = match typtype.as_str() {
            "e" => {
                let labels: Vec<String> = row.get::<_, Option<Vec<String>>>(3).unwrap_or_default();
                Object::new(
                    Kind::Type,
                    name.clone(),
                    format!("CREATE TYPE {name} AS ENUM ({});", labels.join(", ")),
                    drop,
                    address,
                )
                .with(Detail::Enum(labels))
            }
            "r" => {
                let mut options = vec![format!("subtype = {}", row.get::<_, String>(10))];
                let optional = [
                    (11, "collation"),
                    (12, "subtype_opclass"),
                    (13, "canonical"),
                    (14, "subtype_diff"),
                    (15, "multirange_type_name"),
                ];
                for (column, option) in optional {
                    if let Some(value) = row.get::<_, Option<String>>(column) {
                        options.push(format!("{option} = {value}"));
                    }
                }
                Object::new(
                    Kind::Type,
                    name.clone(),
                    format!("CREATE TYPE {name} AS RANGE ({});", options.join(", ")),
                    drop,
                    address,
                )
            }
            "d" => domain(&name, &row, address),
            _ => {
                let attributes: Vec<(String, String)> = columns
                    .get(&row.get::<_, u32>(9))
                    .map(|cols| {
                        cols.iter()
                            .map(|c| {
                                let collate = c
                                    .collation
                                    .as_ref()
                                    .map(|c| format!(" COLLATE {c}"))
                                    .unwrap_or_default();
                                (c.name.clone(), format!("{}{collate}", c.data_type))
                            })
                            .collect()
                    })
                    .unwrap_or_default();
                let fields: Vec<String> = attributes
                    .iter()
                    .map(|(name, kind)| format!("    {name} {kind}"))
                    .collect();
                Object::new(
                    Kind::Type,
                    name.clone(),
                    format!("CREATE TYPE {name} AS (\n{}\n);", fields.join(",\n")),
                    drop,
                    address,
                )
                .with(Detail::Composite(attributes))
            }
        };
        let keyword = match object.kind {
            Kind::Domain => "DOMAIN",
            _ => "TYPE",
        };
        schema.objects.push(object.named(keyword));
    }
    Ok(())
}

fn domain(name: &str, row: &tokio_postgres::Row, address: super::Address) -> Object {
    let mut base: String = row.get(4);
    if let Some(collation) = row.get::<_, Option<String>>(5) {
        base.push_str(&format!(" COLLATE {collation}"));
    }
    let domain = Domain {
        base,
        default: row.get(7),
        not_null: row.get(6),
        constraints: row
            .get::<_, Option<Vec<String>>>(8)
            .unwrap_or_default()
            .into_iter()
            .map(|c| {
                let (name, definition) = c.split_once(' ').unwrap_or((&c, ""));
                (name.to_string(), definition.to_string())
            })
            .collect(),
    };
    let mut create = format!("CREATE DOMAIN {name} AS {}", domain.base);
    if let Some(default) = &domain.default {
        create.push_str(&format!(" DEFAULT {default}"));
    }
    if domain.not_null {
        create.push_str(" NOT NULL");
    }
    // CREATE DOMAIN cannot take a constraint NOT VALID: those are added after it.
    let mut later = Vec::new();
    for (constraint, definition) in &domain.constraints {
        match definition.ends_with(" NOT VALID") {
            true => later.push(format!(
                "ALTER DOMAIN {name} ADD CONSTRAINT {constraint} {definition};"
            )),
            false => create.push_str(&format!("\n    CONSTRAINT {constraint} {definition}")),
        }
    }
    create.push(';');
    for statement in later {
        create.push('\n');
        create.push_str(&statement);
    }
    Object::new(
        Kind::Domain,
        name.to_string(),
        create,
        format!("DROP DOMAIN {name};"),
        address,
    )
    .with(Detail::Domain(domain))
}

/// How a type or domain becomes its new self.
pub fn alter(d: &Differ, old: &Object, new: &Object) -> Alter {
    match (&old.detail, &new.detail) {
        (Detail::Enum(was), Detail::Enum(now)) => enum_change(d, new, was, now),
        (Detail::Domain(was), Detail::Domain(now)) => domain_change(d, new, was, now),
        (Detail::Composite(was), Detail::Composite(now)) => composite_change(d, new, was, now),
        // A range, or a type that becomes another kind of type: converted through text.
        _ => Alter::Convert {
            sql: convert(d, new, "{column}::text"),
            data_loss: None,
        },
    }
}

/// Whether `now` keeps every label of `was` in its order, so the new ones can be added.
fn only_added(was: &[String], now: &[String]) -> bool {
    let kept: Vec<&String> = now.iter().filter(|l| was.contains(l)).collect();
    kept.len() == was.len() && kept.iter().zip(was).all(|(a, b)| *a == b)
}

/// New labels are added in place (`ADD VALUE ... AFTER`), unless the plan uses one before it
/// commits, which PostgreSQL refuses: then, as when labels go or move, a new type.
fn enum_change(d: &Differ, new: &Object, was: &[String], now: &[String]) -> Alter {
    if only_added(was, now) && !d.converts(&new.name) {
        let mut sql = Vec::new();
        for (i, label) in now.iter().enumerate() {
            if was.contains(label) {
                continue;
            }
            let place = match now[..i].last() {
                Some(before) => format!(" AFTER {before}"),
                None => format!(" BEFORE {}", was.first().map_or("''", String::as_str)),
            };
            sql.push(format!("ALTER TYPE {} ADD VALUE {label}{place};", new.name));
        }
        return Alter::Steps(sql);
    }
    let removed: Vec<&str> = was
        .iter()
        .filter(|l| !now.contains(l))
        .map(String::as_str)
        .collect();
    let data_loss = (!removed.is_empty()).then(|| {
        format!(
            "{} loses {}: rows holding them make the conversion fail (and the plan roll back) until they are changed first",
            new.name,
            removed.join(", ")
        )
    });
    Alter::Convert {
        sql: convert(d, new, &format!("{}::text", "{column}")),
        data_loss,
    }
}

/// A domain's default, NOT NULL and constraints change in place (a new constraint is added
/// `NOT VALID` and then validated, so writes go on while rows are checked); a new base type
/// makes it a new domain its columns are converted to.
fn domain_change(d: &Differ, new: &Object, was: &Domain, now: &Domain) -> Alter {
    let name = &new.name;
    if was.base != now.base {
        let base = was.base.split(" COLLATE ").next().unwrap_or(&was.base);
        let target = now.base.split(" COLLATE ").next().unwrap_or(&now.base);
        let through = match d.cast_path(base, target) {
            super::diff::CastPath::Direct => "{column}::".to_string() + base,
            _ => "{column}::text".to_string(),
        };
        let data_loss = (!super::column_changes::widens(base, target)).then(|| {
            format!(
                "{name} changes from {base} to {target}: values that do not fit fail the conversion"
            )
        });
        return Alter::Convert {
            sql: convert(d, new, &through),
            data_loss,
        };
    }
    let mut sql = Vec::new();
    if was.default != now.default {
        sql.push(match &now.default {
            Some(default) => format!("ALTER DOMAIN {name} SET DEFAULT {default};"),
            None => format!("ALTER DOMAIN {name} DROP DEFAULT;"),
        });
    }
    match (was.not_null, now.not_null) {
        (false, true) => sql.push(format!("ALTER DOMAIN {name} SET NOT NULL;")),
        (true, false) => sql.push(format!("ALTER DOMAIN {name} DROP NOT NULL;")),
        _ => {}
    }
    for (constraint, definition) in &was.constraints {
        let kept = now
            .constraints
            .iter()
            .any(|(n, def)| n == constraint && def == definition);
        if !kept {
            sql.push(format!("ALTER DOMAIN {name} DROP CONSTRAINT {constraint};"));
        }
    }
    for (constraint, definition) in &now.constraints {
        if was
            .constraints
            .iter()
            .any(|(n, def)| n == constraint && def == definition)
        {
            continue;
        }
        match definition.strip_suffix(" NOT VALID") {
            Some(_) => sql.push(format!(
                "ALTER DOMAIN {name} ADD CONSTRAINT {constraint} {definition};"
            )),
            None => {
                sql.push(format!(
                    "ALTER DOMAIN {name} ADD CONSTRAINT {constraint} {definition} NOT VALID;"
                ));
                sql.push(format!(
                    "ALTER DOMAIN {name} VALIDATE CONSTRAINT {constraint};"
                ));
            }
        }
    }
    Alter::Steps(sql)
}

/// Attributes are added and dropped in place (with the tables typed by it); one that changes
/// type makes a new type, its columns converted through text.
fn composite_change(
    d: &Differ,
    new: &Object,
    was: &[(String, String)],
    now: &[(String, String)],
) -> Alter {
    let mut sql = Vec::new();
    for (attribute, kind) in was {
        match now.iter().find(|(n, _)| n == attribute) {
            None => sql.push(format!(
                "ALTER TYPE {} DROP ATTRIBUTE {attribute} CASCADE;",
                new.name
            )),
            Some((_, k)) if k != kind => {
                return Alter::Convert {
                    sql: convert(d, new, "{column}::text"),
                    data_loss: Some(format!(
                        "{}.{attribute} changes from {kind} to {k}: values that do not convert fail",
                        new.name
                    )),
                };
            }
            Some(_) => {}
        }
    }
    for (attribute, kind) in now {
        if !was.iter().any(|(n, _)| n == attribute) {
            sql.push(format!(
                "ALTER TYPE {} ADD ATTRIBUTE {attribute} {kind} CASCADE;",
                new.name
            ));
        }
    }
    Alter::Steps(sql)
}

/// Rename the old type aside, create the new one, convert every column that keeps using it
/// (`through` is the expression, with `{column}`, that the new type is cast from), and drop
/// the old one.
fn convert(d: &Differ, new: &Object, through: &str) -> Vec<String> {
    let aside = format!(
        "{}.{}",
        super::namespaces::schema_of(&new.name),
        quoted(&format!("{}__cdb_old", bare(&new.name)))
    );
    let bare_aside = quoted(&format!("{}__cdb_old", bare(&new.name)));
    let keyword = match new.kind {
        Kind::Domain => "DOMAIN",
        _ => "TYPE",
    };
    let mut sql = vec![
        format!("ALTER {keyword} {} RENAME TO {bare_aside};", new.name),
        new.create.clone(),
    ];
    sql.extend(d.regrants(new));
    for (table, column, now) in d.columns_of_type(&new.name) {
        let name = &column.name;
        let array = if column.data_type.ends_with("[]") {
            "[]"
        } else {
            ""
        };
        let using = through.replace("{column}", name);
        let using = match array {
            "" => format!("{using}::{}", new.name),
            _ => format!("{name}::text[]::{}[]", new.name),
        };
        if column.default.is_some() {
            sql.push(format!(
                "ALTER TABLE {table} ALTER COLUMN {name} DROP DEFAULT;"
            ));
        }
        sql.push(format!(
            "ALTER TABLE {table} ALTER COLUMN {name} TYPE {}{array} USING {using};",
            new.name
        ));
        if let Some(default) = &now.default {
            sql.push(format!(
                "ALTER TABLE {table} ALTER COLUMN {name} SET DEFAULT {default};"
            ));
        }
    }
    sql.push(format!("DROP {keyword} {aside};"));
    sql
}

/// An identifier without its quotes or schema, for building a new name from it.
pub fn bare(name: &str) -> String {
    name.rsplit('.')
        .next()
        .unwrap_or(name)
        .trim_matches('"')
        .to_string()
}

/// `name` as a quoted identifier, cut to PostgreSQL's 63 bytes.
pub fn quoted(name: &str) -> String {
    let mut cut = String::new();
    for c in name.chars() {
        if cut.len() + c.len_utf8() > 63 {
            break;
        }
        cut.push(c);
    }
    format!("\"{}\"", cut.replace('"', "\"\""))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_count_as_only_added_when_the_old_ones_keep_their_order() {
        let labels = |l: &[&str]| l.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert!(only_added(
            &labels(&["'a'", "'c'"]),
            &labels(&["'a'", "'b'", "'c'"])
        ));
        assert!(!only_added(
            &labels(&["'a'", "'c'"]),
            &labels(&["'c'", "'a'"])
        ));
        assert!(!only_added(&labels(&["'a'", "'c'"]), &labels(&["'a'"])));
    }

    #[test]
    fn quoted_names_are_cut_to_63_bytes_on_a_character_boundary() {
        let long = "é".repeat(40);
        let q = quoted(&long);
        assert!(q.len() - 2 <= 63, "{q}");
        assert!(q.trim_matches('"').chars().all(|c| c == 'é'));
    }
}
