//! `docs [DIR] [--from SRC] [--check]`: the schema's documentation written into DIR (default
//! `docs/schema`), each file whole or not at all and pages of tables that are gone removed; or,
//! with `--check`, exit 1 saying in words how DIR differs from what the schema gives.

use std::collections::BTreeMap;
use std::path::Path;
use std::time::Instant;

use anyhow::{Context, Result};

use crate::cli::DocsArgs;
use crate::context::RunContext;
use crate::docs::{check, model, render};
use crate::erd;
use crate::error::{Exit, Fail};
use crate::schema::catalog::{self, Purpose};
use crate::schema::schema_file;
use crate::schema::source::{self, Source};
use crate::ui;

pub async fn run(ctx: &RunContext, args: &DocsArgs) -> Result<()> {
    let started = Instant::now();
    let from = Source::given(&args.from, "--from")?;
    let opened = source::open(ctx, &from, "--from", args.scratch_url.as_deref()).await?;
    let read = async {
        let schema = catalog::read(&opened.session.client, Purpose::Dump).await?;
        let relations = erd::model::read(&opened.session.client).await?;
        Ok::<_, anyhow::Error>((schema, relations))
    }
    .await;
    let closed = opened.close().await;
    let (schema, relations) = read?;
    closed?;
    let docs = model::build(&schema, &relations);
    let files = render::files(&docs, &relations);
    let dir = ctx.places().cwd.join(&args.dir);
    if args.check {
        return check_dir(&dir, &docs, &files, started);
    }
    for (relative, text) in &files {
        let path = dir.join(relative);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)
                .with_context(|| format!("could not create {}", parent.display()))?;
        }
        if std::fs::read_to_string(&path).ok().as_deref() != Some(text.as_str()) {
            schema_file::write_whole(&path, text)?;
        }
    }
    for stale in stale_pages(&dir, &files) {
        std::fs::remove_file(dir.join(&stale))
            .with_context(|| format!("could not remove {stale}, a page of a table that is gone"))?;
    }
    ui::done(
        "docs",
        format_args!(
            "{}: {} tables, {} views, {} functions",
            dir.display(),
            docs.tables.len(),
            docs.views.len(),
            docs.functions.len()
        ),
        started.elapsed(),
    );
    Ok(())
}

/// The table pages in `dir` that the schema no longer gives.
fn stale_pages(dir: &Path, files: &BTreeMap<String, String>) -> Vec<String> {
    let Ok(entries) = std::fs::read_dir(dir.join("tables")) else {
        return Vec::new();
    };
    let mut stale: Vec<String> = entries
        .filter_map(|e| e.ok())
        .filter_map(|e| e.file_name().into_string().ok())
        .filter(|name| name.ends_with(".md"))
        .map(|name| format!("tables/{name}"))
        .filter(|relative| !files.contains_key(relative))
        .collect();
    stale.sort();
    stale
}

fn check_dir(
    dir: &Path,
    docs: &model::Docs,
    files: &BTreeMap<String, String>,
    started: Instant,
) -> Result<()> {
    let shown = dir.display();
    let was: model::Docs = match std::fs::read_to_string(dir.join("schema.json")) {
        Ok(text) => serde_json::from_str(&text).map_err(|err| {
            Fail::new(
                Exit::Failure,
                format!("{shown}/schema.json is not documentation cruddur-db wrote: {err}"),
            )
            .hint("write it again with `cruddur-db docs`")
        })?,
        Err(_) => {
            return Err(Fail::new(
                Exit::Failure,
                format!("{shown} holds no documentation (no schema.json)"),
            )
            .hint("write it with `cruddur-db docs`, and commit it")
            .into());
        }
    };
    let mut said = check::changes(&was, docs);
    // The schema aside, a page that is not what it would be was edited, or is missing.
    if said.is_empty() {
        for (relative, text) in files {
            match std::fs::read_to_string(dir.join(relative)) {
                Ok(found) if found == *text => {}
                Ok(_) => said.push(format!(
                    "{relative}: not what the schema gives (edited by hand?)"
                )),
                Err(_) => said.push(format!("{relative}: missing")),
            }
        }
        said.extend(
            stale_pages(dir, files)
                .into_iter()
                .map(|page| format!("{page}: a page of a table that is gone")),
        );
    }
    if said.is_empty() {
        ui::done(
            "docs",
            format_args!("{shown} is up to date"),
            started.elapsed(),
        );
        return Ok(());
    }
    for line in &said {
        ui::change(line);
    }
    Err(Fail::new(
        Exit::Failure,
        format!("{shown} is out of date: {} change(s)", said.len()),
    )
    .hint("write it again with `cruddur-db docs`, and commit it with the change to the schema")
    .into())
}
