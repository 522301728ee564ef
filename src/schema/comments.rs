//! Comments and security labels, read once for the whole schema (as pg_dump collects them)
//! and given to the objects they are on, by catalog address.

use std::collections::HashMap;

use anyhow::Result;
use futures_util::try_join;
use tokio_postgres::Row;

use super::Schema;
use super::catalog::Reader;

/// The comment every database's `public` schema is made with: only another one is written.
const PUBLIC_COMMENT: &str = "standard public schema";

/// The comments and labels of the database, fetched with the rest of the schema and given to
/// its objects once they are all read.
pub struct Fetched {
    comments: Vec<Row>,
    labels: Vec<Row>,
}

pub async fn fetch(r: &Reader<'_>) -> Result<Fetched> {
    // Columns' comments come with their columns; `public` (oid 2200) is made by initdb.
    let (comments, labels) = try_join!(
        r.query(
            "comments",
            "SELECT classoid, objoid, description FROM pg_catalog.pg_description
              WHERE objsubid = 0 AND (objoid >= 16384 OR objoid = 2200)",
        ),
        r.query(
            "security labels",
            "SELECT s.classoid, s.objoid, s.provider, s.label,
                    (SELECT pg_catalog.quote_ident(a.attname) FROM pg_catalog.pg_attribute a
                      WHERE s.objsubid > 0 AND a.attrelid = s.objoid AND a.attnum = s.objsubid)
               FROM pg_catalog.pg_seclabel s WHERE s.objoid >= 16384 ORDER BY 1, 2, 5, 3",
        ),
    )?;
    Ok(Fetched { comments, labels })
}

/// Give each object of `schema` its comment and labels.
pub fn apply(fetched: Fetched, schema: &mut Schema) {
    let at: HashMap<(u32, u32), usize> = schema
        .objects
        .iter()
        .enumerate()
        .filter(|(_, o)| o.address.0 != 0 && !o.target.is_empty())
        .map(|(i, o)| (o.address, i))
        .collect();
    for row in fetched.comments {
        let Some(&i) = at.get(&(row.get(0), row.get(1))) else {
            continue;
        };
        let object = &mut schema.objects[i];
        let text: String = row.get(2);
        if object.name == "public" && text == PUBLIC_COMMENT {
            continue;
        }
        object.comments.insert(0, (object.target.clone(), text));
    }
    for row in fetched.labels {
        let Some(&i) = at.get(&(row.get(0), row.get(1))) else {
            continue;
        };
        let object = &mut schema.objects[i];
        let target = match row.get::<_, Option<String>>(4) {
            Some(column) => format!("COLUMN {}.{column}", object.name),
            None => object.target.clone(),
        };
        object.labels.push((target, row.get(2), row.get(3)));
    }
}
