//! Publications for logical replication: what they publish and which tables (with column lists
//! and row filters, 15+) or schemas. Tables and options change in place, so subscribers keep
//! their publication.

use anyhow::Result;

use super::catalog::{Reader, catalogs};
use super::diff::Alter;
use super::{Detail, Kind, Object, Schema};

/// A publication's parts, which `ALTER PUBLICATION` changes one by one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Publication {
    pub all_tables: bool,
    /// The `WITH (...)` options.
    pub options: String,
    /// What it publishes: `(what DROP names, what ADD says)`, e.g.
    /// `("TABLE ONLY public.t", "TABLE ONLY public.t (a, b) WHERE (a > 0)")`.
    pub members: Vec<(String, String)>,
}

pub async fn read(r: &Reader<'_>, schema: &mut Schema) -> Result<()> {
    let via_root = match r.version {
        v if v >= 130000 => "p.pubviaroot",
        _ => "false",
    };
    let (columns, filter) = match r.version {
        v if v >= 150000 => (
            "(SELECT pg_catalog.string_agg(pg_catalog.quote_ident(a.attname), ', ' ORDER BY a.attnum)
                FROM pg_catalog.pg_attribute a WHERE a.attrelid = pr.prrelid AND a.attnum = ANY (pr.prattrs))",
            "pg_catalog.pg_get_expr(pr.prqual, pr.prrelid)",
        ),
        _ => ("NULL::text", "NULL::text"),
    };
    let members = r
        .query(
            "publication tables",
            &format!(
                "SELECT pr.prpubid, pr.prrelid::pg_catalog.regclass::text, {columns}, {filter}
                   FROM pg_catalog.pg_publication_rel pr ORDER BY 2"
            ),
        )
        .await?;
    let schemas = match r.version {
        v if v >= 150000 => {
            r.query(
                "publication schemas",
                "SELECT pn.pnpubid, pg_catalog.quote_ident(n.nspname) FROM pg_catalog.pg_publication_namespace pn
                   JOIN pg_catalog.pg_namespace n ON n.oid = pn.pnnspid ORDER BY 2",
            )
            .await?
        }
        _ => Vec::new(),
    };
    let sql = format!(
        "SELECT p.oid, pg_catalog.quote_ident(p.pubname), p.puballtables, p.pubinsert, p.pubupdate, p.pubdelete,
                p.pubtruncate, {via_root}
           FROM pg_catalog.pg_publication p"
    );
    for row in r.query("publications", &sql).await? {
        let oid: u32 = row.get(0);
        let name: String = row.get(1);
        let publish: Vec<&str> = [(3, "insert"), (4, "update"), (5, "delete"), (6, "truncate")]
            .into_iter()
            .filter(|(column, _)| row.get::<_, bool>(*column))
            .map(|(_, what)| what)
            .collect();
        let mut options = format!("publish = '{}'", publish.join(", "));
        if r.version >= 130000 {
            options.push_str(&format!(
                ", publish_via_partition_root = {}",
                row.get::<_, bool>(7)
            ));
        }
        let mut listed: Vec<(String, String)> = members
            .iter()
            .filter(|m| m.get::<_, u32>(0) == oid)
            .map(|m| {
                let table: String = m.get(1);
                let mut add = format!("TABLE ONLY {table}");
                if let Some(columns) = m.get::<_, Option<String>>(2) {
                    add.push_str(&format!(" ({columns})"));
                }
                if let Some(filter) = m.get::<_, Option<String>>(3) {
                    add.push_str(&format!(" WHERE ({filter})"));
                }
                (format!("TABLE ONLY {table}"), add)
            })
            .collect();
        listed.extend(
            schemas
                .iter()
                .filter(|s| s.get::<_, u32>(0) == oid)
                .map(|s| {
                    let what = format!("TABLES IN SCHEMA {}", s.get::<_, String>(1));
                    (what.clone(), what)
                }),
        );
        let publication = Publication {
            all_tables: row.get(2),
            options,
            members: listed,
        };
        let mut create = format!(
            "CREATE PUBLICATION {name}{} WITH ({});",
            if publication.all_tables {
                " FOR ALL TABLES"
            } else {
                ""
            },
            publication.options
        );
        for (_, add) in &publication.members {
            create.push_str(&format!("\nALTER PUBLICATION {name} ADD {add};"));
        }
        schema.objects.push(
            Object::new(
                Kind::Publication,
                name.clone(),
                create,
                format!("DROP PUBLICATION {name};"),
                (catalogs::PUBLICATION, oid),
            )
            .named("PUBLICATION")
            .with(Detail::Publication(publication)),
        );
    }
    Ok(())
}

/// Options and members change in place; a publication that starts or stops publishing all
/// tables is made anew.
pub fn alter(old: &Object, new: &Object) -> Alter {
    let (Detail::Publication(was), Detail::Publication(now)) = (&old.detail, &new.detail) else {
        return Alter::Recreate;
    };
    if was.all_tables != now.all_tables {
        return Alter::Recreate;
    }
    let name = &new.name;
    let mut sql = Vec::new();
    if was.options != now.options {
        sql.push(format!("ALTER PUBLICATION {name} SET ({});", now.options));
    }
    for member in &was.members {
        if !now.members.contains(member) {
            sql.push(format!("ALTER PUBLICATION {name} DROP {};", member.0));
        }
    }
    for member in &now.members {
        if !was.members.contains(member) {
            sql.push(format!("ALTER PUBLICATION {name} ADD {};", member.1));
        }
    }
    Alter::Steps(sql)
}
