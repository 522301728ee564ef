//! Views and materialized views, as the server writes their queries back. Any change (or a
//! change under them) makes them anew.

use std::collections::BTreeMap;

use anyhow::Result;

use super::catalog::{Reader, USER_NAMESPACE, catalogs, not_extension_member};
use super::columns::column_comments;
use super::{Column, Kind, Object, Schema};

pub async fn read(
    r: &Reader<'_>,
    columns: &BTreeMap<u32, Vec<Column>>,
    schema: &mut Schema,
) -> Result<()> {
    let sql = format!(
        "SELECT c.oid, pg_catalog.format('%I.%I', n.nspname, c.relname), c.relkind::text,
                pg_catalog.pg_get_viewdef(c.oid), pg_catalog.array_to_string(c.reloptions, ', ')
           FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
          WHERE c.relkind IN ('v', 'm') AND {USER_NAMESPACE} AND {}",
        not_extension_member("pg_class", "c.oid")
    );
    for row in r.query("views", &sql).await? {
        let oid: u32 = row.get(0);
        let name: String = row.get(1);
        let materialized = row.get::<_, String>(2) == "m";
        let query = row.get::<_, String>(3);
        let query = query.trim().trim_end_matches(';');
        let options = row
            .get::<_, Option<String>>(4)
            .filter(|o| !o.is_empty())
            .map(|o| format!(" WITH ({o})"))
            .unwrap_or_default();
        let (kind, keyword, create) = match materialized {
            true => (
                Kind::MaterializedView,
                "MATERIALIZED VIEW",
                format!("CREATE MATERIALIZED VIEW {name}{options} AS\n{query}\nWITH NO DATA;"),
            ),
            false => (
                Kind::View,
                "VIEW",
                format!("CREATE VIEW {name}{options} AS\n{query};"),
            ),
        };
        let mut object = Object::new(
            kind,
            name.clone(),
            create,
            format!("DROP {keyword} {name};"),
            (catalogs::CLASS, oid),
        )
        .named(keyword);
        object.comments.extend(column_comments(
            &name,
            columns.get(&oid).map_or(&[][..], Vec::as_slice),
        ));
        schema.objects.push(object);
    }
    Ok(())
}
