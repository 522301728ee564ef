//! What runs when rows or DDL change: triggers and rules (and whether each is enabled), row
//! level security policies, and event triggers. Any change makes them anew.

use anyhow::Result;

use super::catalog::{Reader, USER_NAMESPACE, catalogs, not_extension_member};
use super::{Kind, Object, Schema};

pub async fn read(r: &Reader<'_>, schema: &mut Schema) -> Result<()> {
    triggers(r, schema).await?;
    partition_states(r, schema).await?;
    rules(r, schema).await?;
    policies(r, schema).await?;
    event_triggers(r, schema).await
}

/// `ALTER TABLE ... DISABLE TRIGGER` and kin for a trigger or rule that is not simply enabled
/// (`tgenabled`/`ev_enabled`: O enabled, D disabled, R replica only, A always).
fn enabled(table: &str, what: &str, name: &str, state: &str) -> Option<String> {
    (state != "O").then(|| set_state(table, what, name, state))
}

/// `ALTER TABLE ... {ENABLE|DISABLE} TRIGGER` putting a trigger or rule in `state`.
fn set_state(table: &str, what: &str, name: &str, state: &str) -> String {
    let how = match state {
        "D" => "DISABLE",
        "R" => "ENABLE REPLICA",
        "A" => "ENABLE ALWAYS",
        _ => "ENABLE",
    };
    format!("ALTER TABLE {table} {how} {what} {name};")
}

/// A partition's copy of its parent's trigger (PostgreSQL 13+) in another state than the
/// parent's, as pg_dump writes it: an `ALTER TABLE ONLY partition ... TRIGGER` of its own,
/// undone by putting it back in the parent's state.
async fn partition_states(r: &Reader<'_>, schema: &mut Schema) -> Result<()> {
    let sql = format!(
        "SELECT t.oid, t.tgrelid::pg_catalog.regclass::text, pg_catalog.quote_ident(t.tgname),
                t.tgenabled::text, p.tgenabled::text, p.oid
           FROM pg_catalog.pg_trigger t
           JOIN pg_catalog.pg_trigger p ON p.oid = (pg_catalog.to_jsonb(t) ->> 'tgparentid')::oid
           JOIN pg_catalog.pg_class c ON c.oid = t.tgrelid
           JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
          WHERE t.tgenabled <> p.tgenabled AND {USER_NAMESPACE} AND {}",
        not_extension_member("pg_class", "c.oid")
    );
    for row in r.query("partitions' trigger states", &sql).await? {
        let table: String = row.get(1);
        let trigger: String = row.get(2);
        let only = format!("ONLY {table}");
        let (state, parents) = (row.get::<_, String>(3), row.get::<_, String>(4));
        schema.objects.push(
            Object::of_table(
                Kind::Trigger,
                (&table, &trigger),
                "TRIGGER",
                (
                    set_state(&only, "TRIGGER", &trigger, &state),
                    set_state(&only, "TRIGGER", &trigger, &parents),
                ),
                (catalogs::TRIGGER, row.get(0)),
            )
            .after((catalogs::TRIGGER, row.get(5))),
        );
    }
    Ok(())
}

async fn triggers(r: &Reader<'_>, schema: &mut Schema) -> Result<()> {
    // A partition's copy of its parent's trigger is the parent's: internal before 13,
    // marked by tgparentid since (read through jsonb to work on both).
    let sql = format!(
        "SELECT t.oid, t.tgrelid::pg_catalog.regclass::text, pg_catalog.quote_ident(t.tgname),
                pg_catalog.pg_get_triggerdef(t.oid), t.tgenabled::text
           FROM pg_catalog.pg_trigger t
           JOIN pg_catalog.pg_class c ON c.oid = t.tgrelid
           JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
          WHERE NOT t.tgisinternal AND {USER_NAMESPACE} AND {}
            AND coalesce((pg_catalog.to_jsonb(t) ->> 'tgparentid')::oid, 0) = 0",
        not_extension_member("pg_class", "c.oid")
    );
    for row in r.query("triggers", &sql).await? {
        let table: String = row.get(1);
        let trigger: String = row.get(2);
        let mut create = format!("{};", row.get::<_, String>(3));
        if let Some(state) = enabled(&table, "TRIGGER", &trigger, &row.get::<_, String>(4)) {
            create.push('\n');
            create.push_str(&state);
        }
        schema.objects.push(Object::of_table(
            Kind::Trigger,
            (&table, &trigger),
            "TRIGGER",
            (create, format!("DROP TRIGGER {trigger} ON {table};")),
            (catalogs::TRIGGER, row.get(0)),
        ));
    }
    Ok(())
}

async fn rules(r: &Reader<'_>, schema: &mut Schema) -> Result<()> {
    let sql = format!(
        "SELECT w.oid, w.ev_class::pg_catalog.regclass::text, pg_catalog.quote_ident(w.rulename),
                pg_catalog.pg_get_ruledef(w.oid), w.ev_enabled::text
           FROM pg_catalog.pg_rewrite w
           JOIN pg_catalog.pg_class c ON c.oid = w.ev_class
           JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
          WHERE w.rulename <> '_RETURN' AND {USER_NAMESPACE} AND {}",
        not_extension_member("pg_class", "c.oid")
    );
    for row in r.query("rules", &sql).await? {
        let table: String = row.get(1);
        let rule: String = row.get(2);
        let mut create = row.get::<_, String>(3);
        if !create.ends_with(';') {
            create.push(';');
        }
        if let Some(state) = enabled(&table, "RULE", &rule, &row.get::<_, String>(4)) {
            create.push('\n');
            create.push_str(&state);
        }
        schema.objects.push(Object::of_table(
            Kind::Rule,
            (&table, &rule),
            "RULE",
            (create, format!("DROP RULE {rule} ON {table};")),
            (catalogs::REWRITE, row.get(0)),
        ));
    }
    Ok(())
}

async fn policies(r: &Reader<'_>, schema: &mut Schema) -> Result<()> {
    let sql = format!(
        "SELECT p.oid, p.polrelid::pg_catalog.regclass::text, pg_catalog.quote_ident(p.polname), p.polpermissive,
                CASE p.polcmd WHEN 'r' THEN 'SELECT' WHEN 'a' THEN 'INSERT' WHEN 'w' THEN 'UPDATE' WHEN 'd' THEN 'DELETE' ELSE 'ALL' END,
                (SELECT pg_catalog.string_agg(CASE WHEN r = 0 THEN 'PUBLIC' ELSE pg_catalog.quote_ident(pg_catalog.pg_get_userbyid(r)) END, ', ' ORDER BY 1)
                   FROM pg_catalog.unnest(p.polroles) r),
                pg_catalog.pg_get_expr(p.polqual, p.polrelid), pg_catalog.pg_get_expr(p.polwithcheck, p.polrelid)
           FROM pg_catalog.pg_policy p
           JOIN pg_catalog.pg_class c ON c.oid = p.polrelid
           JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
          WHERE {USER_NAMESPACE}"
    );
    for row in r.query("policies", &sql).await? {
        let table: String = row.get(1);
        let policy: String = row.get(2);
        let mut create = format!(
            "CREATE POLICY {policy} ON {table} AS {} FOR {} TO {}",
            if row.get::<_, bool>(3) {
                "PERMISSIVE"
            } else {
                "RESTRICTIVE"
            },
            row.get::<_, String>(4),
            row.get::<_, String>(5)
        );
        if let Some(using) = row.get::<_, Option<String>>(6) {
            create.push_str(&format!(" USING ({using})"));
        }
        if let Some(check) = row.get::<_, Option<String>>(7) {
            create.push_str(&format!(" WITH CHECK ({check})"));
        }
        create.push(';');
        schema.objects.push(Object::of_table(
            Kind::Policy,
            (&table, &policy),
            "POLICY",
            (create, format!("DROP POLICY {policy} ON {table};")),
            (catalogs::POLICY, row.get(0)),
        ));
    }
    Ok(())
}

async fn event_triggers(r: &Reader<'_>, schema: &mut Schema) -> Result<()> {
    let sql = format!(
        "SELECT e.oid, pg_catalog.quote_ident(e.evtname), e.evtevent, e.evtfoid::pg_catalog.regproc::text,
                (SELECT pg_catalog.string_agg(pg_catalog.quote_literal(tag), ', ' ORDER BY n) FROM pg_catalog.unnest(e.evttags) WITH ORDINALITY t(tag, n)),
                e.evtenabled::text
           FROM pg_catalog.pg_event_trigger e WHERE {}",
        not_extension_member("pg_event_trigger", "e.oid")
    );
    for row in r.query("event triggers", &sql).await? {
        let name: String = row.get(1);
        let mut create = format!("CREATE EVENT TRIGGER {name} ON {}", row.get::<_, String>(2));
        if let Some(tags) = row.get::<_, Option<String>>(4) {
            create.push_str(&format!(" WHEN TAG IN ({tags})"));
        }
        create.push_str(&format!(" EXECUTE FUNCTION {}();", row.get::<_, String>(3)));
        let state = match row.get::<_, String>(5).as_str() {
            "D" => Some("DISABLE"),
            "R" => Some("ENABLE REPLICA"),
            "A" => Some("ENABLE ALWAYS"),
            _ => None,
        };
        if let Some(state) = state {
            create.push_str(&format!("\nALTER EVENT TRIGGER {name} {state};"));
        }
        schema.objects.push(
            Object::new(
                Kind::EventTrigger,
                name.clone(),
                create,
                format!("DROP EVENT TRIGGER {name};"),
                (catalogs::EVENT_TRIGGER, row.get(0)),
            )
            .named("EVENT TRIGGER"),
        );
    }
    Ok(())
}
