//! `migrate lint`, the lint `migrate` runs before it connects, and `migrate plan`: what a
//! migration would do to a live database, told before it does it.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::{Context, Result};
use serde::Serialize;

use crate::check;
use crate::context::RunContext;
use crate::db::{self, PgError, Target, quote_ident};
use crate::error::{Exit, Fail};
use crate::migrate::lint::{self, Finding};
use crate::migrate::plan::{self, MigrationPlan};
use crate::migrate::{self, Migration, State, history};
use crate::ui;

/// `migrate lint`: every migration in `dir`.
pub fn lint(dir: &Path, json: bool) -> Result<()> {
    report_lint(&migrate::discover(dir)?, json)
}

/// `migrate lint FILE...`: the files named, wherever they are.
pub fn lint_files(files: &[PathBuf], json: bool) -> Result<()> {
    let migrations: Vec<Migration> = files
        .iter()
        .map(|path| migrate::file::read(path))
        .collect::<Result<_>>()?;
    report_lint(&migrations, json)
}

/// Findings on stdout; exit 8 when one blocks.
fn report_lint(migrations: &[Migration], json: bool) -> Result<()> {
    let mut findings = Vec::new();
    for migration in migrations {
        findings.extend(lint::migration(migration)?);
    }
    let summary = Summary::of(&findings, migrations.len());
    if json {
        ui::json(&Report {
            findings: &findings,
            summary: &summary,
        })?;
    } else {
        for finding in &findings {
            ui::raw(format!("{}\n\n", finding.render()).as_bytes())?;
        }
    }
    ui::status("lint", &summary);
    if summary.blocking > 0 {
        return Err(Fail::new(
            Exit::Unsafe,
            format!("{} dangerous statement(s) without an annotation", summary.blocking),
        )
        .hint(format!(
            "rewrite them as each `safe:` line says; where it is safe as written, say why on the line before: `-- {} RULE reason`",
            lint::ALLOW
        ))
        .into());
    }
    Ok(())
}

/// `migrate lint --json`. Field names are documented in docs/.
#[derive(Serialize)]
struct Report<'a> {
    findings: &'a [Finding],
    summary: &'a Summary,
}

#[derive(Serialize)]
struct Summary {
    files: usize,
    blocking: usize,
    allowed: usize,
    advice: usize,
}

impl Summary {
    fn of(findings: &[Finding], files: usize) -> Self {
        let count = |keep: fn(&Finding) -> bool| findings.iter().filter(|f| keep(f)).count();
        Summary {
            files,
            blocking: count(Finding::blocks),
            allowed: count(|f| f.allowed.is_some()),
            advice: count(|f| f.severity == lint::Severity::Advice),
        }
    }
}

impl std::fmt::Display for Summary {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} file(s): {} dangerous, {} allowed by annotation, {} advice",
            self.files, self.blocking, self.allowed, self.advice
        )
    }
}

/// Before `migrate` connects: stop when a migration that is not applied yet has a dangerous
/// finding. Files only matter if pending, so when there is a finding the history is read
/// (read-only) to leave out applied ones; if the database cannot be reached, every file counts.
pub async fn gate(ctx: &RunContext, migrations: &[Migration], allow_unsafe: bool) -> Result<()> {
    let mut flagged: Vec<(&Migration, Vec<Finding>)> = Vec::new();
    for migration in migrations {
        let blocking: Vec<Finding> = lint::migration(migration)?
            .into_iter()
            .filter(Finding::blocks)
            .collect();
        if !blocking.is_empty() {
            flagged.push((migration, blocking));
        }
    }
    if flagged.is_empty() {
        return Ok(());
    }
    if let Some(applied) = applied_versions(ctx).await {
        flagged.retain(|(m, _)| !applied.contains(&m.version));
    }
    if flagged.is_empty() {
        return Ok(());
    }
    for (_, findings) in &flagged {
        for finding in findings {
            ui::report(format_args!("{}\n", finding.render()));
        }
    }
    let names: Vec<String> = flagged.iter().map(|(m, _)| m.label()).collect();
    let count: usize = flagged.iter().map(|(_, f)| f.len()).sum();
    if allow_unsafe {
        ui::warn(format_args!(
            "--unsafe: applying {} despite {count} dangerous statement(s)",
            names.join(", ")
        ));
        return Ok(());
    }
    Err(Fail::new(
        Exit::Unsafe,
        format!(
            "{count} dangerous statement(s) in pending migration(s) {}; nothing was run",
            names.join(", ")
        ),
    )
    .hint(format!(
        "rewrite them as each `safe:` line says; where it is safe as written, say why on the line before: `-- {} RULE reason`; or pass --unsafe",
        lint::ALLOW
    ))
    .into())
}

/// The versions the target's history records, or `None` when it cannot be read.
async fn applied_versions(ctx: &RunContext) -> Option<HashSet<String>> {
    let target = ctx.target().ok()?;
    let session = db::connect(&target).await.ok()?;
    let applied = history::applied(&session.client).await.ok()?;
    Some(applied.into_iter().map(|a| a.version).collect())
}

/// `migrate plan` and `migrate --dry-run`: each pending migration's statements and locks.
pub async fn plan(ctx: &RunContext, dir: &Path, json: bool) -> Result<()> {
    let (target, session) = ctx.session().await?;
    let files = migrate::discover(dir)?;
    let applied = history::applied(&session.client).await?;
    let mut plans = Vec::new();
    for entry in migrate::plan(files, applied) {
        if let (State::Pending, Some(migration)) = (entry.state, &entry.migration) {
            plans.push(plan::migration(&session, migration).await?);
        }
    }
    ui::status(
        "plan",
        format_args!(
            "{} pending migration(s) on {}; nothing was run",
            plans.len(),
            quote_ident(target.conn.database())
        ),
    );
    if json {
        return ui::json(&plans);
    }
    let text: String = plans.iter().map(render).collect();
    ui::raw(text.as_bytes())
}

fn render(plan: &MigrationPlan) -> String {
    let mut out = format!(
        "{}_{} ({}), {}\n",
        plan.version,
        plan.name,
        plan.file.display(),
        if plan.transaction {
            "in one transaction: each lock is held until it commits"
        } else {
            "transaction:false: each lock is held until its statement ends"
        }
    );
    for statement in &plan.statements {
        out += &format!(
            "  line {}: {}\n",
            statement.line,
            ui::cut(&statement.statement, 100)
        );
        if let Some(what) = statement.fails_in_transaction {
            out += &format!(
                "    will fail: {what} cannot run inside a transaction; add transaction:false to the migration's `-- migrate:up` line\n"
            );
        }
        if statement.locks.is_empty() {
            out += "    no lock on an existing table\n";
        }
        for lock in &statement.locks {
            let size = match (lock.exists, lock.rows, lock.bytes) {
                (false, _, _) => "not there yet".to_string(),
                (true, Some(rows), Some(bytes)) => format!("~{rows} rows, {}", ui::size(bytes)),
                (true, _, bytes) => {
                    format!("never analyzed, {}", ui::size(bytes.unwrap_or_default()))
                }
            };
            out += &format!(
                "    {} on {} ({size}): {}\n",
                lock.mode.label(),
                lock.table,
                lock.blocks
            );
            for holder in &lock.held_by {
                out += &format!(
                    "      held now by pid {} ({}, application {}, {}, query started {}): {}\n",
                    holder.pid,
                    holder.mode,
                    holder.application,
                    holder.state,
                    holder.query_start.as_deref().unwrap_or("?"),
                    holder.query
                );
            }
        }
    }
    out
}

/// `file:line:column` of each failing query, comma-separated.
fn places(failing: &[&check::Outcome]) -> String {
    failing
        .iter()
        .map(|o| match &o.error {
            Some(e) => format!("{}:{}:{}", o.file, e.line, e.column),
            None => format!("{}:{}", o.file, o.line),
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// Before migrations run: the application's queries (when the project has a queries folder)
/// must still prepare against the database as the pending migrations would leave it. In a
/// transaction on a session of their own, the queries are prepared against the database as it
/// is, the migrations rehearsed, the queries prepared again, and all of it rolled back. Only a
/// query the migrations break (it prepared before, not after) refuses the run (exit 8) unless
/// `--unsafe`; one that already failed is a warning that says so, and blocks nothing.
pub async fn queries_gate(
    ctx: &RunContext,
    target: &Target,
    pending: &[&Migration],
    lock_timeout_ms: u64,
    allow_unsafe: bool,
) -> Result<()> {
    if pending.is_empty() || ctx.queries_dir().is_none() {
        return Ok(());
    }
    let started = Instant::now();
    let queries = crate::check::files::queries(ctx, &[])?;
    let session = db::connect(target).await?;
    session
        .client
        .batch_execute(&format!(
            "BEGIN; SET LOCAL lock_timeout = {lock_timeout_ms}"
        ))
        .await
        .map_err(PgError)
        .context("could not start the rehearsal of the migrations")?;
    let checked = async {
        let before = check::prepare::within(&session.client, &queries).await?;
        let left_out = migrate::rehearse(&session, pending, ctx.places()).await?;
        let after = check::prepare::within(&session.client, &queries).await?;
        Ok::<_, anyhow::Error>((left_out, before, after))
    }
    .await;
    let _ = session.client.batch_execute("ROLLBACK").await;
    let (left_out, before, outcomes) = match checked {
        Ok(checked) => checked,
        Err(err) => {
            // The run itself says why a migration fails, with its file and line.
            ui::warn(format_args!(
                "the application's queries could not be checked against the migrations: {err:#}"
            ));
            return Ok(());
        }
    };
    if !left_out.is_empty() {
        ui::note(format_args!(
            "not rehearsed before the check (transaction:false): {}",
            left_out.join(", ")
        ));
    }
    // The same files in the same order both times: a query is blamed on the migrations only
    // when it prepared before them.
    let (mut broken, mut already) = (Vec::new(), Vec::new());
    for (after, before) in outcomes.iter().zip(&before) {
        match (after.ok, before.ok) {
            (true, _) => {}
            (false, true) => broken.push(after),
            (false, false) => already.push(after),
        }
    }
    ui::done(
        "check",
        format_args!(
            "{} of {} application queries prepare against the database as the migrations would leave it",
            outcomes.iter().filter(|o| o.ok).count(),
            outcomes.len()
        ),
        started.elapsed(),
    );
    if !already.is_empty() {
        let owned: Vec<check::Outcome> = already.iter().map(|o| (*o).clone()).collect();
        ui::report(format_args!("{}", crate::check::render(&owned)));
        ui::warn(format_args!(
            "{} of the application's queries already fail against the database as it is, before the migrations: {}; they do not hold the migrations back (`cruddur-db check --against db` shows them)",
            already.len(),
            places(&already)
        ));
    }
    if broken.is_empty() {
        return Ok(());
    }
    let owned: Vec<check::Outcome> = broken.iter().map(|o| (*o).clone()).collect();
    ui::report(format_args!("{}", crate::check::render(&owned)));
    let names: Vec<String> = pending.iter().map(|m| m.label()).collect();
    let named = places(&broken);
    if allow_unsafe {
        ui::warn(format_args!(
            "--unsafe: applying {} although {named} would break",
            names.join(", "),
        ));
        return Ok(());
    }
    Err(Fail::new(
        Exit::Unsafe,
        format!(
            "pending migration(s) {} would break {} of the application's queries that prepare today: {named}; nothing was run",
            names.join(", "),
            broken.len(),
        ),
    )
    .hint("change the queries with the migration (`cruddur-db check` shows them against the files), or pass --unsafe to migrate anyway")
    .into())
}
