//! Functions, procedures and aggregates. A function whose signature and result stay is
//! replaced in place (`CREATE OR REPLACE`); any other change makes it anew, with whatever
//! depends on it.

use anyhow::Result;

use super::catalog::{
    Reader, USER_NAMESPACE, catalogs, not_extension_member, not_made_with_another,
};
use super::diff::Alter;
use super::{Detail, Kind, Object, Schema};

pub async fn read(r: &Reader<'_>, schema: &mut Schema) -> Result<()> {
    let sql = format!(
        "SELECT p.oid, p.oid::pg_catalog.regprocedure::text, p.prokind::text,
                CASE WHEN p.prokind <> 'a' THEN pg_catalog.pg_get_functiondef(p.oid) END,
                CASE WHEN p.prokind IN ('f', 'w') THEN pg_catalog.pg_get_function_result(p.oid) END,
                pg_catalog.pg_get_function_arguments(p.oid),
                pg_catalog.format('%I.%I', n.nspname, p.proname), pg_catalog.pg_get_function_identity_arguments(p.oid),
                p.proparallel::text
           FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace
          WHERE {USER_NAMESPACE} AND {} AND {}",
        not_extension_member("pg_proc", "p.oid"),
        not_made_with_another("pg_proc", "p.oid")
    );
    let aggregates = aggregates(r).await?;
    for row in r.query("functions", &sql).await? {
        let oid: u32 = row.get(0);
        let prokind: String = row.get(2);
        let address = (catalogs::PROC, oid);
        if prokind == "a" {
            let name = format!("{}({})", row.get::<_, String>(6), row.get::<_, String>(7));
            let Some(definition) = aggregates.iter().find(|(o, _)| *o == oid) else {
                continue;
            };
            let create = format!(
                "CREATE AGGREGATE {}({}) (\n    {}\n);",
                row.get::<_, String>(6),
                row.get::<_, String>(5),
                definition.1.join(",\n    ")
            );
            schema.objects.push(
                Object::new(
                    Kind::Aggregate,
                    name.clone(),
                    create,
                    format!("DROP AGGREGATE {name};"),
                    address,
                )
                .named("AGGREGATE"),
            );
            continue;
        }
        let name: String = row.get(1);
        let definition: String = row.get(3);
        let keyword = match prokind.as_str() {
            "p" => "PROCEDURE",
            _ => "FUNCTION",
        };
        schema.objects.push(
            Object::new(
                Kind::Function,
                name.clone(),
                format!("{};", definition.trim_end()),
                format!("DROP {keyword} {name};"),
                address,
            )
            .named(keyword)
            .with(Detail::Routine {
                returns: row.get(4),
                arguments: row.get(5),
            }),
        );
    }
    Ok(())
}

/// Each aggregate's `CREATE AGGREGATE` options, by the aggregate's oid.
async fn aggregates(r: &Reader<'_>) -> Result<Vec<(u32, Vec<String>)>> {
    let rows = r
        .query(
            "aggregates",
            "SELECT a.aggfnoid::oid, a.aggkind::text, a.aggtransfn::text, pg_catalog.format_type(a.aggtranstype, NULL),
                    a.aggtransspace, a.aggfinalfn::text, a.aggfinalextra, a.aggfinalmodify::text,
                    a.aggcombinefn::text, a.aggserialfn::text, a.aggdeserialfn::text, a.agginitval,
                    a.aggmtransfn::text, a.aggminvtransfn::text, pg_catalog.format_type(a.aggmtranstype, NULL),
                    a.aggmtransspace, a.aggmfinalfn::text, a.aggmfinalextra, a.aggmfinalmodify::text, a.aggminitval,
                    CASE WHEN a.aggsortop <> 0 THEN
                      (SELECT pg_catalog.format('OPERATOR(%I.%s)', on_.nspname, o.oprname) FROM pg_catalog.pg_operator o
                         JOIN pg_catalog.pg_namespace on_ ON on_.oid = o.oprnamespace WHERE o.oid = a.aggsortop) END,
                    p.proparallel::text
               FROM pg_catalog.pg_aggregate a JOIN pg_catalog.pg_proc p ON p.oid = a.aggfnoid
              WHERE p.oid >= 16384",
        )
        .await?;
    let mut out = Vec::new();
    for row in rows {
        let kind: String = row.get(1);
        // The final function's access is written only where it is not the default one.
        let default_modify = if kind == "n" { "r" } else { "w" };
        let modify = |code: String| match code.as_str() {
            "s" => "SHAREABLE",
            "w" => "READ_WRITE",
            _ => "READ_ONLY",
        };
        let function = |column: usize| row.get::<_, Option<String>>(column).filter(|f| f != "-");
        let mut options = vec![
            format!("SFUNC = {}", row.get::<_, String>(2)),
            format!("STYPE = {}", row.get::<_, String>(3)),
        ];
        if row.get::<_, i32>(4) != 0 {
            options.push(format!("SSPACE = {}", row.get::<_, i32>(4)));
        }
        if let Some(finalfn) = function(5) {
            options.push(format!("FINALFUNC = {finalfn}"));
            if row.get::<_, bool>(6) {
                options.push("FINALFUNC_EXTRA".to_string());
            }
            let code: String = row.get(7);
            if code != default_modify {
                options.push(format!("FINALFUNC_MODIFY = {}", modify(code)));
            }
        }
        for (column, option) in [(8, "COMBINEFUNC"), (9, "SERIALFUNC"), (10, "DESERIALFUNC")] {
            if let Some(f) = function(column) {
                options.push(format!("{option} = {f}"));
            }
        }
        if let Some(initial) = row.get::<_, Option<String>>(11) {
            options.push(format!(
                "INITCOND = {}",
                postgres_protocol::escape::escape_literal(&initial)
            ));
        }
        if let Some(msfunc) = function(12) {
            options.push(format!("MSFUNC = {msfunc}"));
            if let Some(minv) = function(13) {
                options.push(format!("MINVFUNC = {minv}"));
            }
            options.push(format!("MSTYPE = {}", row.get::<_, String>(14)));
            if row.get::<_, i32>(15) != 0 {
                options.push(format!("MSSPACE = {}", row.get::<_, i32>(15)));
            }
            if let Some(mfinal) = function(16) {
                options.push(format!("MFINALFUNC = {mfinal}"));
                if row.get::<_, bool>(17) {
                    options.push("MFINALFUNC_EXTRA".to_string());
                }
                let code: String = row.get(18);
                if code != default_modify {
                    options.push(format!("MFINALFUNC_MODIFY = {}", modify(code)));
                }
            }
            if let Some(initial) = row.get::<_, Option<String>>(19) {
                options.push(format!(
                    "MINITCOND = {}",
                    postgres_protocol::escape::escape_literal(&initial)
                ));
            }
        }
        if let Some(sortop) = row.get::<_, Option<String>>(20) {
            options.push(format!("SORTOP = {sortop}"));
        }
        match row.get::<_, String>(21).as_str() {
            "s" => options.push("PARALLEL = SAFE".to_string()),
            "r" => options.push("PARALLEL = RESTRICTED".to_string()),
            _ => {}
        }
        if kind == "h" {
            options.push("HYPOTHETICAL".to_string());
        }
        out.push((row.get(0), options));
    }
    Ok(out)
}

/// A function keeps its place when only its body or attributes change; a new result type,
/// argument names or defaults, or turning into a procedure, make it anew.
pub fn alter(old: &Object, new: &Object) -> Alter {
    match (&old.detail, &new.detail) {
        (Detail::Routine { .. }, Detail::Routine { .. }) if old.detail == new.detail => {
            // pg_get_functiondef writes CREATE OR REPLACE.
            Alter::Steps(vec![new.create.clone()])
        }
        _ => Alter::Recreate,
    }
}
