//! Owners, privileges (`GRANT`/`REVOKE` against what an object is created with, as pg_dump
//! compares them) and default privileges. They are read always but written (and compared) only
//! when asked: roles differ between servers, and a dump that names them loads only where they
//! exist.

use std::collections::{BTreeMap, HashMap};

use anyhow::Result;
use futures_util::try_join;
use tokio_postgres::Row;

use super::catalog::{Reader, catalogs};
use super::{Kind, Object, Options, Schema};

/// One way an object's privileges differ from those it is created with: a privilege granted
/// beyond them, or one of them revoked.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Privilege {
    /// Revokes sort first: `REVOKE` then `GRANT` changes a grant option.
    pub grant: bool,
    /// `PUBLIC`, or a quoted role.
    pub grantee: String,
    pub grantable: bool,
    /// The column, for a column privilege.
    pub column: Option<String>,
    /// `SELECT`, `USAGE`, ...
    pub privilege: String,
}

impl Privilege {
    fn inverse(&self) -> Privilege {
        Privilege {
            grant: !self.grant,
            ..self.clone()
        }
    }
}

/// The aclitems of `acl` that `baseline` lacks (granted) and those of `baseline` that `acl`
/// lacks (revoked), grantors aside, for the object `(classid, objid, subid)`.
fn acl_difference(acl: &str, baseline: &str) -> String {
    // aclexplode refuses an empty ACL (revoked to nothing): explode nothing instead.
    let some = |acl: &str| format!("CASE WHEN pg_catalog.cardinality({acl}) > 0 THEN {acl} END");
    let (acl, baseline) = (some(acl), some(baseline));
    format!(
        "(SELECT true, privilege_type, grantee, is_grantable FROM pg_catalog.aclexplode({acl})
          EXCEPT SELECT true, privilege_type, grantee, is_grantable FROM pg_catalog.aclexplode({baseline}))
         UNION ALL
         (SELECT false, privilege_type, grantee, is_grantable FROM pg_catalog.aclexplode({baseline})
          EXCEPT SELECT false, privilege_type, grantee, is_grantable FROM pg_catalog.aclexplode({acl}))"
    )
}

/// Objects that have owners and privileges: (catalog, oid, owner, acl, acldefault's kind).
const OWNED: &str = "
    SELECT 1259::oid AS classid, c.oid AS objid, c.relowner AS owner, c.relacl AS acl, CASE c.relkind WHEN 'S' THEN 's' ELSE 'r' END::\"char\" AS kind
      FROM pg_catalog.pg_class c WHERE c.oid >= 16384 AND c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f')
    UNION ALL SELECT 1255, p.oid, p.proowner, p.proacl, 'f' FROM pg_catalog.pg_proc p WHERE p.oid >= 16384
    UNION ALL SELECT 1247, t.oid, t.typowner, t.typacl, 'T' FROM pg_catalog.pg_type t WHERE t.oid >= 16384
    UNION ALL SELECT 2615, n.oid,
                     CASE WHEN n.nspname = 'public' AND n.nspowner IN (10, 6171) THEN NULL ELSE n.nspowner END,
                     n.nspacl, 'n'
                FROM pg_catalog.pg_namespace n WHERE n.nspname !~ '^pg_' AND n.nspname <> 'information_schema'
    UNION ALL SELECT 3456, o.oid, o.collowner, NULL, NULL FROM pg_catalog.pg_collation o WHERE o.oid >= 16384
    UNION ALL SELECT 2617, o.oid, o.oprowner, NULL, NULL FROM pg_catalog.pg_operator o WHERE o.oid >= 16384
    UNION ALL SELECT 2753, o.oid, o.opfowner, NULL, NULL FROM pg_catalog.pg_opfamily o WHERE o.oid >= 16384
    UNION ALL SELECT 2616, o.oid, o.opcowner, NULL, NULL FROM pg_catalog.pg_opclass o WHERE o.oid >= 16384
    UNION ALL SELECT 3381, o.oid, o.stxowner, NULL, NULL FROM pg_catalog.pg_statistic_ext o WHERE o.oid >= 16384
    UNION ALL SELECT 6104, o.oid, o.pubowner, NULL, NULL FROM pg_catalog.pg_publication o
    UNION ALL SELECT 3466, o.oid, o.evtowner, NULL, NULL FROM pg_catalog.pg_event_trigger o";

/// What the catalogs say of owners, privileges and default privileges, fetched together with
/// the rest of the schema and given to its objects once they are all read.
pub struct Fetched {
    owners: Vec<Row>,
    items: Vec<Row>,
    roles: BTreeMap<u32, String>,
    defaults: Vec<Row>,
}

pub async fn fetch(r: &Reader<'_>) -> Result<Fetched> {
    let baseline = "coalesce((SELECT ip.initprivs FROM pg_catalog.pg_init_privs ip
                               WHERE ip.objoid = o.objid AND ip.classoid = o.classid AND ip.objsubid = 0),
                              pg_catalog.acldefault(o.kind, coalesce(o.owner, 10)))";
    let owners = format!(
        "SELECT o.classid, o.objid, pg_catalog.quote_ident(pg_catalog.pg_get_userbyid(o.owner))
           FROM ({OWNED}) o WHERE o.owner IS NOT NULL"
    );
    let items = format!(
        "SELECT o.classid, o.objid, NULL::text, g.*
           FROM ({OWNED}) o, LATERAL ({}) g(grant_, privilege, grantee, grantable)
          WHERE o.acl IS NOT NULL
         UNION ALL
         SELECT 1259::oid, a.attrelid, pg_catalog.quote_ident(a.attname), g.*
           FROM pg_catalog.pg_attribute a,
                LATERAL ({}) g(grant_, privilege, grantee, grantable)
          WHERE a.attrelid >= 16384 AND a.attacl IS NOT NULL AND a.attnum > 0 AND NOT a.attisdropped",
        acl_difference("o.acl", baseline),
        acl_difference("a.attacl", "'{}'::pg_catalog.aclitem[]")
    );
    // Global default privileges differ from the built-in ones; a schema's add to them.
    let defaults = format!(
        "SELECT d.oid, pg_catalog.quote_ident(pg_catalog.pg_get_userbyid(d.defaclrole)),
                CASE WHEN d.defaclnamespace <> 0 THEN pg_catalog.quote_ident(d.defaclnamespace::pg_catalog.regnamespace::text) END,
                d.defaclobjtype::text, g.*
           FROM pg_catalog.pg_default_acl d, LATERAL ({}) g(grant_, privilege, grantee, grantable)
          ORDER BY 1",
        acl_difference(
            "d.defaclacl",
            "CASE WHEN d.defaclnamespace = 0 THEN
               pg_catalog.acldefault(CASE d.defaclobjtype WHEN 'S' THEN 's' ELSE d.defaclobjtype END, d.defaclrole)
             ELSE '{}'::pg_catalog.aclitem[] END"
        )
    );
    let (owners, items, roles, defaults) = try_join!(
        r.query("owners", &owners),
        r.query("privileges", &items),
        r.query(
            "roles",
            "SELECT oid, pg_catalog.quote_ident(rolname) FROM pg_catalog.pg_roles",
        ),
        r.query("default privileges", &defaults),
    )?;
    Ok(Fetched {
        owners,
        items,
        roles: roles.iter().map(|row| (row.get(0), row.get(1))).collect(),
        defaults,
    })
}

/// Give each object of `schema` its owner and privileges, and add the default privileges.
pub fn apply(fetched: Fetched, schema: &mut Schema) {
    let at: HashMap<(u32, u32), usize> = schema
        .objects
        .iter()
        .enumerate()
        .filter(|(_, o)| o.address.0 != 0)
        .map(|(i, o)| (o.address, i))
        .collect();
    for row in &fetched.owners {
        if let Some(&i) = at.get(&(row.get(0), row.get(1))) {
            schema.objects[i].owner = Some(row.get(2));
        }
    }
    let grantee = |oid: u32| {
        fetched
            .roles
            .get(&oid)
            .cloned()
            .unwrap_or_else(|| "PUBLIC".to_string())
    };
    for row in &fetched.items {
        let Some(&i) = at.get(&(row.get(0), row.get(1))) else {
            continue;
        };
        schema.objects[i].privileges.push(Privilege {
            grant: row.get(3),
            privilege: row.get(4),
            grantee: grantee(row.get(5)),
            grantable: row.get(6),
            column: row.get(2),
        });
    }
    for object in &mut schema.objects {
        object.privileges.sort();
    }
    default_privileges(&fetched.defaults, grantee, schema);
}

/// `ALTER DEFAULT PRIVILEGES`: for each role, schema and kind of object, how the privileges
/// new objects get differ from the built-in ones (for all schemas) or add to them (for one).
fn default_privileges(rows: &[Row], grantee: impl Fn(u32) -> String, schema: &mut Schema) {
    let mut by_entry: BTreeMap<u32, (String, Vec<Privilege>)> = BTreeMap::new();
    for row in rows {
        let kind = match row.get::<_, String>(3).as_str() {
            "r" => "TABLES",
            "S" => "SEQUENCES",
            "f" => "FUNCTIONS",
            "T" => "TYPES",
            _ => "SCHEMAS",
        };
        let scope = match row.get::<_, Option<String>>(2) {
            Some(namespace) => {
                format!("FOR ROLE {} IN SCHEMA {namespace}", row.get::<_, String>(1))
            }
            None => format!("FOR ROLE {}", row.get::<_, String>(1)),
        };
        let entry = by_entry
            .entry(row.get(0))
            .or_insert_with(|| (format!("{scope} ON {kind}"), Vec::new()));
        entry.1.push(Privilege {
            grant: row.get(4),
            privilege: row.get(5),
            grantee: grantee(row.get(6)),
            grantable: row.get(7),
            column: None,
        });
    }
    for (oid, (name, mut items)) in by_entry {
        items.sort();
        let (scope, kind) = name.rsplit_once(" ON ").unwrap_or((&name, ""));
        let statements = |items: &[Privilege]| {
            statements(items, kind, |sql| {
                format!("ALTER DEFAULT PRIVILEGES {scope} {sql}")
            })
            .join("\n")
        };
        let inverse: Vec<Privilege> = items.iter().map(Privilege::inverse).collect();
        let mut object = Object::new(
            Kind::DefaultPrivileges,
            name.clone(),
            statements(&items),
            statements(&inverse),
            (catalogs::DEFAULT_ACL, oid),
        );
        object.privileges = items;
        schema.objects.push(object);
    }
}

/// How `GRANT` names `object`: a view is a `TABLE` there, an aggregate a `FUNCTION`.
fn grant_target(object: &Object) -> String {
    let target = &object.target;
    for (keyword, instead) in [
        ("MATERIALIZED VIEW ", "TABLE "),
        ("VIEW ", "TABLE "),
        ("AGGREGATE ", "FUNCTION "),
    ] {
        if let Some(rest) = target.strip_prefix(keyword) {
            return format!("{instead}{rest}");
        }
    }
    target.clone()
}

/// `GRANT`/`REVOKE` statements for `items` on `target`, one per grantee, grant option and
/// column, revokes first; `wrap` may put them inside another statement.
fn statements(items: &[Privilege], target: &str, wrap: impl Fn(String) -> String) -> Vec<String> {
    let mut grouped: BTreeMap<(bool, &str, bool, Option<&str>), Vec<&str>> = BTreeMap::new();
    for item in items {
        grouped
            .entry((
                item.grant,
                &item.grantee,
                item.grantable,
                item.column.as_deref(),
            ))
            .or_default()
            .push(&item.privilege);
    }
    grouped
        .into_iter()
        .map(|((grant, grantee, grantable, column), privileges)| {
            let privileges: Vec<String> = privileges
                .iter()
                .map(|p| match column {
                    Some(column) => format!("{p} ({column})"),
                    None => p.to_string(),
                })
                .collect();
            let privileges = privileges.join(", ");
            let sql = match grant {
                true => format!(
                    "GRANT {privileges} ON {target} TO {grantee}{};",
                    if grantable { " WITH GRANT OPTION" } else { "" }
                ),
                false => format!("REVOKE {privileges} ON {target} FROM {grantee};"),
            };
            wrap(sql)
        })
        .collect()
}

/// What a newly made `object` also needs: its owner and its privileges, when asked for.
pub fn created(object: &Object, options: Options) -> Vec<String> {
    if object.kind == Kind::DefaultPrivileges {
        return Vec::new();
    }
    let owner = object.owner.as_ref().filter(|_| options.owners);
    let privileges = match options.privileges {
        true => &object.privileges[..],
        false => &[],
    };
    issued(object, owner, privileges)
}

/// The owner and privileges of `object` as a plan creates it again after dropping it: those
/// the options compare, as `object` has them; the others as `was` (the dropped one) had them.
pub fn restored(object: &Object, was: &Object, options: Options) -> Vec<String> {
    if !RESTORED.contains(&object.kind) {
        return created(object, options);
    }
    let owner = match options.owners {
        true => &object.owner,
        false => &was.owner,
    };
    let privileges = match options.privileges {
        true => &object.privileges,
        false => &was.privileges,
    };
    issued(object, owner.as_ref(), privileges)
}

/// `ALTER ... OWNER TO owner` and the statements that give `object` these privileges.
fn issued(object: &Object, owner: Option<&String>, privileges: &[Privilege]) -> Vec<String> {
    let mut sql = Vec::new();
    if let Some(owner) = owner {
        sql.push(format!("ALTER {} OWNER TO {owner};", object.target));
    }
    if !privileges.is_empty() {
        sql.extend(statements(privileges, &grant_target(object), |s| s));
    }
    sql
}

/// What a plan may drop and create again while its table (or nothing) stays: what has an
/// owner and privileges of its own that `ALTER ... OWNER TO` and `GRANT` name.
const RESTORED: &[Kind] = &[
    Kind::View,
    Kind::MaterializedView,
    Kind::Function,
    Kind::Aggregate,
    Kind::Type,
    Kind::Domain,
    Kind::Sequence,
];

/// How `old` becomes `new` in owner and privileges, when asked for.
pub fn changed(old: &Object, new: &Object, options: Options) -> Vec<String> {
    let mut sql = Vec::new();
    if new.kind == Kind::DefaultPrivileges {
        return sql;
    }
    if options.owners
        && old.owner != new.owner
        && let Some(owner) = &new.owner
    {
        sql.push(format!("ALTER {} OWNER TO {owner};", new.target));
    }
    if options.privileges && old.privileges != new.privileges {
        let mut items: Vec<Privilege> = old
            .privileges
            .iter()
            .filter(|p| !new.privileges.contains(p))
            .map(Privilege::inverse)
            .chain(
                new.privileges
                    .iter()
                    .filter(|p| !old.privileges.contains(p))
                    .cloned(),
            )
            .collect();
        items.sort();
        sql.extend(statements(&items, &grant_target(new), |s| s));
    }
    sql
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(grant: bool, privilege: &str, grantee: &str, column: Option<&str>) -> Privilege {
        Privilege {
            grant,
            privilege: privilege.to_string(),
            grantee: grantee.to_string(),
            grantable: false,
            column: column.map(str::to_string),
        }
    }

    #[test]
    fn privileges_become_one_statement_per_grantee_with_revokes_first() {
        let items = vec![
            item(true, "SELECT", "reader", None),
            item(true, "UPDATE", "reader", None),
            item(false, "EXECUTE", "PUBLIC", None),
            item(true, "SELECT", "reader", Some("note")),
        ];
        let mut sorted = items.clone();
        sorted.sort();
        assert_eq!(
            statements(&sorted, "TABLE public.t", |s| s),
            [
                "REVOKE EXECUTE ON TABLE public.t FROM PUBLIC;",
                "GRANT SELECT, UPDATE ON TABLE public.t TO reader;",
                "GRANT SELECT (note) ON TABLE public.t TO reader;",
            ]
        );
    }
}
