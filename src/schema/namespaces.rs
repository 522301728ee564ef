//! Schemas, extensions (at their installed version) and collations: what the other objects
//! live in or are built with.

use anyhow::Result;

use super::catalog::{Reader, USER_NAMESPACE, catalogs, not_extension_member};
use super::diff::Alter;
use super::{Detail, Kind, Object, Schema};

pub async fn read(r: &Reader<'_>, schema: &mut Schema) -> Result<()> {
    schemas(r, schema).await?;
    extensions(r, schema).await?;
    collations(r, schema).await
}

async fn schemas(r: &Reader<'_>, schema: &mut Schema) -> Result<()> {
    let sql = format!(
        "SELECT n.oid, pg_catalog.quote_ident(n.nspname)
           FROM pg_catalog.pg_namespace n WHERE {USER_NAMESPACE} AND {}",
        not_extension_member("pg_namespace", "n.oid")
    );
    for row in r.query("schemas", &sql).await? {
        let name: String = row.get(1);
        // Every database has `public`: only a change to it is written.
        let create = match name.as_str() {
            "public" => String::new(),
            _ => format!("CREATE SCHEMA {name};"),
        };
        let drop = format!("DROP SCHEMA {name};");
        schema.objects.push(
            Object::new(
                Kind::Schema,
                name,
                create,
                drop,
                (catalogs::NAMESPACE, row.get(0)),
            )
            .named("SCHEMA"),
        );
    }
    Ok(())
}

async fn extensions(r: &Reader<'_>, schema: &mut Schema) -> Result<()> {
    let rows = r
        .query(
            "extensions",
            "SELECT e.oid, pg_catalog.quote_ident(e.extname), pg_catalog.quote_ident(n.nspname), e.extversion,
                    e.extrelocatable,
                    ARRAY(SELECT p.target FROM pg_catalog.pg_extension_update_paths(e.extname) p
                           WHERE p.source = e.extversion AND p.path IS NOT NULL ORDER BY 1)
               FROM pg_catalog.pg_extension e JOIN pg_catalog.pg_namespace n ON n.oid = e.extnamespace
              WHERE e.extname <> 'plpgsql'",
        )
        .await?;
    for row in rows {
        let name: String = row.get(1);
        let extension = Extension {
            schema: row.get(2),
            version: row.get(3),
            relocatable: row.get(4),
            reachable: row.get(5),
        };
        // Its comment is the one its script sets: not written, as pg_dump's is redundant.
        let mut object = Object::new(
            Kind::Extension,
            name.clone(),
            format!(
                "CREATE EXTENSION IF NOT EXISTS {name} WITH SCHEMA {} VERSION {};",
                extension.schema,
                literal(&extension.version)
            ),
            format!("DROP EXTENSION {name};"),
            (catalogs::EXTENSION, row.get(0)),
        )
        .with(Detail::Extension(extension));
        object.target = format!("EXTENSION {name}");
        schema.objects.push(object);
    }
    Ok(())
}

/// An installed extension: where, at which version, and where it may go from there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Extension {
    pub schema: String,
    pub version: String,
    /// Whether `ALTER EXTENSION ... SET SCHEMA` may move it.
    pub relocatable: bool,
    /// The versions its update scripts reach from this one, on this server.
    pub reachable: Vec<String>,
}

async fn collations(r: &Reader<'_>, schema: &mut Schema) -> Result<()> {
    // The locale of an ICU (15+) or builtin (17+) collation moved between columns.
    let locale = match r.version {
        v if v >= 170000 => "c.colllocale",
        v if v >= 150000 => "c.colliculocale",
        _ => "NULL::text",
    };
    let rules = match r.version {
        v if v >= 160000 => "c.collicurules",
        _ => "NULL::text",
    };
    let sql = format!(
        "SELECT c.oid, pg_catalog.format('%I.%I', n.nspname, c.collname), c.collprovider::text, c.collisdeterministic,
                c.collcollate, c.collctype, {locale}, {rules}
           FROM pg_catalog.pg_collation c JOIN pg_catalog.pg_namespace n ON n.oid = c.collnamespace
          WHERE {USER_NAMESPACE} AND {}",
        not_extension_member("pg_collation", "c.oid")
    );
    for row in r.query("collations", &sql).await? {
        let name: String = row.get(1);
        let literal = |text: Option<String>| {
            postgres_protocol::escape::escape_literal(&text.unwrap_or_default())
        };
        let provider: String = row.get(2);
        let (collate, ctype): (Option<String>, Option<String>) = (row.get(4), row.get(5));
        let mut options = match provider.as_str() {
            "i" => vec![
                "provider = icu".to_string(),
                format!("locale = {}", literal(row.get(6))),
            ],
            "b" => vec![
                "provider = builtin".to_string(),
                format!("locale = {}", literal(row.get(6))),
            ],
            _ if collate == ctype => vec![
                "provider = libc".to_string(),
                format!("locale = {}", literal(collate)),
            ],
            _ => vec![
                "provider = libc".to_string(),
                format!("lc_collate = {}", literal(collate)),
                format!("lc_ctype = {}", literal(ctype)),
            ],
        };
        if let Some(rules) = row.get::<_, Option<String>>(7) {
            options.push(format!(
                "rules = {}",
                postgres_protocol::escape::escape_literal(&rules)
            ));
        }
        if !row.get::<_, bool>(3) {
            options.push("deterministic = false".to_string());
        }
        schema.objects.push(
            Object::new(
                Kind::Collation,
                name.clone(),
                format!("CREATE COLLATION {name} ({});", options.join(", ")),
                format!("DROP COLLATION {name};"),
                (catalogs::COLLATION, row.get(0)),
            )
            .named("COLLATION"),
        );
    }
    Ok(())
}

/// A schema changes only in what every object has (comment, owner, privileges); an extension
/// is updated to its new version and moved to its new schema in place, when its scripts allow;
/// a collation is made again.
pub fn alter(old: &Object, new: &Object) -> Alter {
    match (&old.detail, &new.detail) {
        (Detail::Extension(was), Detail::Extension(now)) => {
            let mut sql = Vec::new();
            if was.schema != now.schema {
                if !was.relocatable {
                    return Alter::Recreate;
                }
                sql.push(format!(
                    "ALTER EXTENSION {} SET SCHEMA {};",
                    new.name, now.schema
                ));
            }
            if was.version != now.version {
                if !was.reachable.contains(&now.version) {
                    return Alter::Recreate;
                }
                sql.push(format!(
                    "ALTER EXTENSION {} UPDATE TO {};",
                    new.name,
                    literal(&now.version)
                ));
            }
            Alter::Steps(sql)
        }
        _ if new.kind == Kind::Schema => Alter::Steps(Vec::new()),
        _ => Alter::Recreate,
    }
}

fn literal(text: &str) -> String {
    postgres_protocol::escape::escape_literal(text)
}

/// The schema part of a qualified name: `app` of `app.users`.
pub fn schema_of(name: &str) -> &str {
    name.split_once('.').map_or("public", |(schema, _)| schema)
}
