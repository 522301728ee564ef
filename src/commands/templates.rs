//! `templates`: the template cache `setup` keeps for the target database: list it, drop the
//! templates the current files would not use (`--prune`), or drop them all (`--drop-all`).

use std::time::Instant;

use anyhow::Result;
use serde::Serialize;

use crate::cli::TemplatesArgs;
use crate::context::RunContext;
use crate::db::quote_ident;
use crate::rebuild::cache;
use crate::rebuild::files;
use crate::ui;

/// One template. Field names are the `--json` format, documented in docs/.
#[derive(Serialize)]
struct Row {
    name: String,
    key: String,
    current: Option<bool>,
    bytes: i64,
    age_seconds: u64,
    load_seconds: f64,
}

pub async fn run(ctx: &RunContext, args: &TemplatesArgs) -> Result<()> {
    let started = Instant::now();
    let (target, admin) = ctx.admin().await?;
    let name = target.conn.database();

    let templates = cache::templates_of(&admin, name).await?;
    // Which key the current files make, when they can be found.
    // The key `setup` (without --set) would use now, as setup computes it.
    let current = match files::files(ctx) {
        Ok((schema, migrations, seed)) => {
            let files = files::inspect(&schema, &migrations, &seed, &[], ctx.places())?;
            Some(cache::key(&admin, &files).await?)
        }
        // Pruning needs to know what is current: say why it cannot.
        Err(err) if args.prune => return Err(err),
        Err(_) => None,
    };
    let is_current = |key: &str| current.as_deref().map(|current| current == key);
    let mut dropped = 0;
    for template in &templates {
        let stale = is_current(&template.key) == Some(false);
        if args.drop_all || (args.prune && stale) {
            crate::rebuild::side::drop_unless_in_use(&admin, &template.name).await?;
            ui::note(format_args!("dropped {}", quote_ident(&template.name)));
            dropped += 1;
        }
    }
    if args.prune || args.drop_all {
        ui::done(
            "templates",
            format_args!(
                "dropped {dropped} of {} template(s) of {}",
                templates.len(),
                quote_ident(name)
            ),
            started.elapsed(),
        );
        return Ok(());
    }
    ui::done(
        "templates",
        format_args!("{} template(s) of {}", templates.len(), quote_ident(name)),
        started.elapsed(),
    );
    let rows: Vec<Row> = templates
        .iter()
        .map(|t| Row {
            name: t.name.clone(),
            key: t.key.clone(),
            current: is_current(&t.key),
            bytes: t.bytes,
            age_seconds: crate::clock::now_ms().saturating_sub(t.built_ms) / 1000,
            load_seconds: t.load.as_secs_f64(),
        })
        .collect();
    if args.json {
        return ui::json(&rows);
    }
    let table: Vec<Vec<String>> = templates
        .iter()
        .map(|t| {
            vec![
                t.name.clone(),
                ui::size(t.bytes),
                t.age(),
                ui::format_elapsed(t.load)
                    .trim_matches(['(', ')'])
                    .to_string(),
                match is_current(&t.key) {
                    Some(true) => "yes".to_string(),
                    Some(false) => "no (files changed)".to_string(),
                    None => "?".to_string(),
                },
            ]
        })
        .collect();
    ui::table(
        &[
            ("TEMPLATE", 63),
            ("SIZE", 10),
            ("AGE", 8),
            ("SAVES", 10),
            ("CURRENT", 20),
        ],
        &table,
    )
}
