//! `erd [TABLE...] [--from SRC] [--format mermaid|svg] [--depth N] [-o FILE]`: the schema as
//! Mermaid `erDiagram` blocks in Markdown, or one SVG picture, drawn from the catalogs of SRC (by default the project's files built in
//! a scratch database, so CI needs no credentials); the same bytes for the same schema.

use std::time::Instant;

use anyhow::Result;

use crate::cli::{ErdArgs, ErdFormat};
use crate::context::RunContext;
use crate::erd::{self, mermaid, model, svg};
use crate::error::{Exit, Fail};
use crate::schema::schema_file;
use crate::schema::source::{self, Source};
use crate::ui;

pub async fn run(ctx: &RunContext, args: &ErdArgs) -> Result<()> {
    let started = Instant::now();
    let from = Source::given(&args.from, "--from")?;
    let opened = source::open(ctx, &from, "--from", args.scratch_url.as_deref()).await?;
    let read = model::read(&opened.session.client).await;
    let closed = opened.close().await;
    let whole = read?;
    closed?;
    let model = erd::around(&whole, &args.tables, args.depth).map_err(|table| {
        Fail::new(
            Exit::Usage,
            format!("no table {table} in the schema of {from}"),
        )
        .hint("name a table as schema.table, or as table for one in public; `cruddur-db erd` draws them all")
    })?;
    let text = match args.format {
        ErdFormat::Mermaid => mermaid::markdown(&model),
        ErdFormat::Svg => svg::render(&model),
    };
    match &args.output {
        None => ui::raw(text.as_bytes())?,
        Some(path) => {
            let path = ctx.places().cwd.join(path);
            schema_file::write_whole(&path, &text)?;
            ui::done(
                "erd",
                format_args!(
                    "{}: {} tables, {} relations",
                    path.display(),
                    model.entities.len(),
                    model.relations.len()
                ),
                started.elapsed(),
            );
        }
    }
    Ok(())
}
