//! `inspect [REPORT]`: one report as a table or JSON, or the health summary with a fix for each
//! finding (exit 1 when there is one).

use std::time::{Duration, Instant};

use anyhow::Result;
use serde::Serialize;
use serde_json::Value;

use crate::cli::InspectArgs;
use crate::context::RunContext;
use crate::db::{self, quote_ident};
use crate::error::{Exit, Fail};
use crate::inspect::{self, Facts, Rows, health};
use crate::ui;

pub async fn run(ctx: &RunContext, args: &InspectArgs) -> Result<()> {
    let started = Instant::now();
    let (target, mut session) = ctx.session().await?;
    let database = quote_ident(target.conn.database());
    let facts = Facts {
        version: db::server_version(&session.client).await?,
        limit: args.limit,
        min: args.min,
    };
    let timeout = Duration::from_secs(args.timeout);
    if !inspect::sees_everything(&session.client).await? {
        ui::note(format_args!(
            "user {:?} is not a member of pg_read_all_stats (pg_monitor has it): other users' queries and some statistics are hidden; GRANT pg_monitor TO {} shows them",
            target.conn.user(),
            quote_ident(target.conn.user())
        ));
    }
    let Some(report) = args.report else {
        return summary(
            &mut session.client,
            &facts,
            timeout,
            &database,
            args,
            started,
        )
        .await;
    };
    let rows = inspect::run(&mut session.client, report, &facts, timeout).await?;
    ui::done(
        "inspect",
        format_args!(
            "{}: {} row(s) on {database}",
            inspect::name(report),
            rows.rows.len()
        ),
        started.elapsed(),
    );
    if args.json {
        return ui::json(&rows.rows);
    }
    print_table(&rows)
}

/// `inspect --json` without a report. Field names are documented in docs/.
#[derive(Serialize)]
struct SummaryJson<'a> {
    database: &'a str,
    findings: &'a [health::Finding],
    notes: &'a [String],
}

async fn summary(
    client: &mut tokio_postgres::Client,
    facts: &Facts,
    timeout: Duration,
    database: &str,
    args: &InspectArgs,
    started: Instant,
) -> Result<()> {
    let summary = health::findings(client, facts, timeout, args.min_bytes).await;
    ui::done(
        "inspect",
        format_args!("{} finding(s) on {database}", summary.findings.len()),
        started.elapsed(),
    );
    for note in &summary.notes {
        ui::note(note);
    }
    if args.json {
        ui::json(&SummaryJson {
            database,
            findings: &summary.findings,
            notes: &summary.notes,
        })?;
    } else {
        ui::raw(health::render(&summary.findings).as_bytes())?;
    }
    let failed = summary
        .notes
        .iter()
        .filter(|note| note.contains(" could not run: "))
        .count();
    match (summary.findings.len(), failed) {
        (0, 0) => Ok(()),
        (0, failed) => Err(Fail::new(
            Exit::Failure,
            format!("{failed} report(s) of the summary could not run on {database}"),
        )
        .hint("the notes above say why; raise --timeout SECS if they ran out of time")
        .into()),
        (found, _) => Err(Fail::new(
            Exit::Failure,
            format!("{found} finding(s) on {database} need attention"),
        )
        .hint("each finding above comes with the command that fixes it")
        .into()),
    }
}

/// The rows as a table whose last column takes what the terminal has left; sizes read as sizes.
fn print_table(rows: &Rows) -> Result<()> {
    let headers: Vec<String> = rows.columns.iter().map(|c| c.to_uppercase()).collect();
    let last = headers.len().saturating_sub(1);
    let columns: Vec<(&str, usize)> = headers
        .iter()
        .enumerate()
        .map(|(i, name)| (name.as_str(), if i == last { usize::MAX } else { 40 }))
        .collect();
    let cells: Vec<Vec<String>> = rows
        .rows
        .iter()
        .map(|row| {
            rows.columns
                .iter()
                .map(|column| cell(column, row.get(column).unwrap_or(&Value::Null)))
                .collect()
        })
        .collect();
    ui::table(&columns, &cells)
}

fn cell(column: &str, value: &Value) -> String {
    match value {
        Value::Null => String::new(),
        Value::Bool(true) => "yes".to_string(),
        Value::Bool(false) => "no".to_string(),
        Value::Number(n) if column.ends_with("_bytes") => ui::size(n.as_i64().unwrap_or(0)),
        Value::String(s) => s.split_whitespace().collect::<Vec<_>>().join(" "),
        other => other.to_string(),
    }
}
