//! Operators, operator families and classes (with their members), and casts: how the user's
//! types compare, sort, index and convert. Any change makes them anew.

use anyhow::Result;

use super::catalog::{
    Reader, USER_NAMESPACE, catalogs, not_extension_member, not_made_with_another,
};
use super::{Kind, Object, Schema};

pub async fn read(r: &Reader<'_>, schema: &mut Schema) -> Result<()> {
    operators(r, schema).await?;
    let members = members(r).await?;
    families(r, &members, schema).await?;
    classes(r, &members, schema).await?;
    casts(r, schema).await
}

/// `OPERATOR(schema.name)`: how one operator names another, qualified and unambiguous.
const OPERATOR_REFERENCE: &str = "(SELECT pg_catalog.format('OPERATOR(%I.%s)', rn.nspname, ro.oprname)
                                     FROM pg_catalog.pg_operator ro JOIN pg_catalog.pg_namespace rn ON rn.oid = ro.oprnamespace
                                    WHERE ro.oid = {})";

async fn operators(r: &Reader<'_>, schema: &mut Schema) -> Result<()> {
    let reference = |column: &str| OPERATOR_REFERENCE.replace("{}", column);
    let sql = format!(
        "SELECT o.oid, pg_catalog.format('%I.%s', n.nspname, o.oprname),
                CASE WHEN o.oprleft <> 0 THEN pg_catalog.format_type(o.oprleft, NULL) END,
                pg_catalog.format_type(o.oprright, NULL), o.oprcode::text,
                CASE WHEN o.oprcom <> 0 THEN {} END, CASE WHEN o.oprnegate <> 0 THEN {} END,
                CASE WHEN o.oprrest <> 0 THEN o.oprrest::text END, CASE WHEN o.oprjoin <> 0 THEN o.oprjoin::text END,
                o.oprcanhash, o.oprcanmerge
           FROM pg_catalog.pg_operator o JOIN pg_catalog.pg_namespace n ON n.oid = o.oprnamespace
          WHERE {USER_NAMESPACE} AND {}",
        reference("o.oprcom"),
        reference("o.oprnegate"),
        not_extension_member("pg_operator", "o.oid")
    );
    for row in r.query("operators", &sql).await? {
        let operator: String = row.get(1);
        let left: Option<String> = row.get(2);
        let right: String = row.get(3);
        let name = format!(
            "{operator} ({}, {right})",
            left.as_deref().unwrap_or("NONE")
        );
        let mut options = vec![format!("FUNCTION = {}", row.get::<_, String>(4))];
        if let Some(left) = &left {
            options.push(format!("LEFTARG = {left}"));
        }
        options.push(format!("RIGHTARG = {right}"));
        for (column, option) in [
            (5, "COMMUTATOR"),
            (6, "NEGATOR"),
            (7, "RESTRICT"),
            (8, "JOIN"),
        ] {
            if let Some(value) = row.get::<_, Option<String>>(column) {
                options.push(format!("{option} = {value}"));
            }
        }
        if row.get::<_, bool>(9) {
            options.push("HASHES".to_string());
        }
        if row.get::<_, bool>(10) {
            options.push("MERGES".to_string());
        }
        schema.objects.push(
            Object::new(
                Kind::Operator,
                name.clone(),
                format!(
                    "CREATE OPERATOR {operator} (\n    {}\n);",
                    options.join(",\n    ")
                ),
                format!("DROP OPERATOR {name};"),
                (catalogs::OPERATOR, row.get(0)),
            )
            .named("OPERATOR"),
        );
    }
    Ok(())
}

/// The members of operator families and classes: `OPERATOR n op(l,r)` and `FUNCTION n (l, r)
/// f(args)` items, and whose they are (`(catalog, oid)` of the class or family).
async fn members(r: &Reader<'_>) -> Result<Vec<((u32, u32), String)>> {
    let rows = r
        .query(
            "operator class members",
            "SELECT d.refclassid, d.refobjid, 0, ao.amopstrategy::int4,
                    pg_catalog.format('OPERATOR %s %s%s', ao.amopstrategy, ao.amopopr::pg_catalog.regoperator,
                      CASE WHEN ao.amoppurpose = 'o' THEN
                        (SELECT pg_catalog.format(' FOR ORDER BY %I.%I', sn.nspname, sf.opfname) FROM pg_catalog.pg_opfamily sf
                           JOIN pg_catalog.pg_namespace sn ON sn.oid = sf.opfnamespace WHERE sf.oid = ao.amopsortfamily)
                      ELSE '' END)
               FROM pg_catalog.pg_amop ao
               JOIN pg_catalog.pg_depend d ON d.classid = 'pg_catalog.pg_amop'::pg_catalog.regclass AND d.objid = ao.oid
                AND d.refclassid IN ('pg_catalog.pg_opclass'::pg_catalog.regclass, 'pg_catalog.pg_opfamily'::pg_catalog.regclass)
                AND d.deptype IN ('a', 'i')
              WHERE ao.oid >= 16384
             UNION ALL
             SELECT d.refclassid, d.refobjid, 1, ap.amprocnum::int4,
                    pg_catalog.format('FUNCTION %s (%s, %s) %s', ap.amprocnum, pg_catalog.format_type(ap.amproclefttype, NULL),
                                      pg_catalog.format_type(ap.amprocrighttype, NULL), ap.amproc::pg_catalog.regprocedure)
               FROM pg_catalog.pg_amproc ap
               JOIN pg_catalog.pg_depend d ON d.classid = 'pg_catalog.pg_amproc'::pg_catalog.regclass AND d.objid = ap.oid
                AND d.refclassid IN ('pg_catalog.pg_opclass'::pg_catalog.regclass, 'pg_catalog.pg_opfamily'::pg_catalog.regclass)
                AND d.deptype IN ('a', 'i')
              WHERE ap.oid >= 16384
              ORDER BY 1, 2, 3, 4, 5",
        )
        .await?;
    Ok(rows
        .iter()
        .map(|row| ((row.get(0), row.get(1)), row.get(4)))
        .collect())
}

async fn families(
    r: &Reader<'_>,
    members: &[((u32, u32), String)],
    schema: &mut Schema,
) -> Result<()> {
    let sql = format!(
        "SELECT f.oid, pg_catalog.format('%I.%I', n.nspname, f.opfname), pg_catalog.quote_ident(am.amname)
           FROM pg_catalog.pg_opfamily f JOIN pg_catalog.pg_namespace n ON n.oid = f.opfnamespace
           JOIN pg_catalog.pg_am am ON am.oid = f.opfmethod
          WHERE {USER_NAMESPACE} AND {}",
        not_extension_member("pg_opfamily", "f.oid")
    );
    for row in r.query("operator families", &sql).await? {
        let family: String = row.get(1);
        let method: String = row.get(2);
        let address = (catalogs::OPFAMILY, row.get(0));
        let name = format!("{family} USING {method}");
        let mut create = format!("CREATE OPERATOR FAMILY {name};");
        // Members outside any class belong to the family alone.
        let loose: Vec<&str> = members
            .iter()
            .filter(|(owner, _)| *owner == address)
            .map(|(_, item)| item.as_str())
            .collect();
        if !loose.is_empty() {
            create.push_str(&format!(
                "\nALTER OPERATOR FAMILY {name} ADD\n    {};",
                loose.join(",\n    ")
            ));
        }
        schema.objects.push(
            Object::new(
                Kind::OperatorFamily,
                name.clone(),
                create,
                format!("DROP OPERATOR FAMILY {name};"),
                address,
            )
            .named("OPERATOR FAMILY"),
        );
    }
    Ok(())
}

async fn classes(
    r: &Reader<'_>,
    members: &[((u32, u32), String)],
    schema: &mut Schema,
) -> Result<()> {
    let sql = format!(
        "SELECT c.oid, pg_catalog.format('%I.%I', n.nspname, c.opcname), pg_catalog.quote_ident(am.amname),
                c.opcdefault, pg_catalog.format_type(c.opcintype, NULL),
                pg_catalog.format('%I.%I', fn.nspname, f.opfname),
                CASE WHEN c.opckeytype <> 0 THEN pg_catalog.format_type(c.opckeytype, NULL) END
           FROM pg_catalog.pg_opclass c JOIN pg_catalog.pg_namespace n ON n.oid = c.opcnamespace
           JOIN pg_catalog.pg_am am ON am.oid = c.opcmethod
           JOIN pg_catalog.pg_opfamily f ON f.oid = c.opcfamily
           JOIN pg_catalog.pg_namespace fn ON fn.oid = f.opfnamespace
          WHERE {USER_NAMESPACE} AND {}",
        not_extension_member("pg_opclass", "c.oid")
    );
    for row in r.query("operator classes", &sql).await? {
        let class: String = row.get(1);
        let method: String = row.get(2);
        let address = (catalogs::OPCLASS, row.get(0));
        let mut items: Vec<String> = members
            .iter()
            .filter(|(owner, _)| *owner == address)
            .map(|(_, item)| item.clone())
            .collect();
        if let Some(storage) = row.get::<_, Option<String>>(6) {
            items.push(format!("STORAGE {storage}"));
        }
        if items.is_empty() {
            items.push(format!("STORAGE {}", row.get::<_, String>(4)));
        }
        let name = format!("{class} USING {method}");
        let create = format!(
            "CREATE OPERATOR CLASS {class}{} FOR TYPE {} USING {method} FAMILY {} AS\n    {};",
            if row.get::<_, bool>(3) {
                " DEFAULT"
            } else {
                ""
            },
            row.get::<_, String>(4),
            row.get::<_, String>(5),
            items.join(",\n    ")
        );
        schema.objects.push(
            Object::new(
                Kind::OperatorClass,
                name.clone(),
                create,
                format!("DROP OPERATOR CLASS {name};"),
                address,
            )
            .named("OPERATOR CLASS"),
        );
    }
    Ok(())
}

async fn casts(r: &Reader<'_>, schema: &mut Schema) -> Result<()> {
    let sql = format!(
        "SELECT c.oid, pg_catalog.format_type(c.castsource, NULL), pg_catalog.format_type(c.casttarget, NULL),
                c.castmethod::text, c.castcontext::text,
                CASE WHEN c.castfunc <> 0 THEN c.castfunc::pg_catalog.regprocedure::text END
           FROM pg_catalog.pg_cast c WHERE c.oid >= 16384 AND {} AND {}",
        not_extension_member("pg_cast", "c.oid"),
        not_made_with_another("pg_cast", "c.oid")
    );
    for row in r.query("casts", &sql).await? {
        let name = format!(
            "({} AS {})",
            row.get::<_, String>(1),
            row.get::<_, String>(2)
        );
        let how = match (
            row.get::<_, String>(3).as_str(),
            row.get::<_, Option<String>>(5),
        ) {
            ("f", Some(function)) => format!("WITH FUNCTION {function}"),
            ("i", _) => "WITH INOUT".to_string(),
            _ => "WITHOUT FUNCTION".to_string(),
        };
        let context = match row.get::<_, String>(4).as_str() {
            "a" => " AS ASSIGNMENT",
            "i" => " AS IMPLICIT",
            _ => "",
        };
        schema.objects.push(
            Object::new(
                Kind::Cast,
                name.clone(),
                format!("CREATE CAST {name} {how}{context};"),
                format!("DROP CAST {name};"),
                (catalogs::CAST, row.get(0)),
            )
            .named("CAST"),
        );
    }
    Ok(())
}
