//! The health summary: the cheap reports run together, only what needs attention printed,
//! each finding with a verdict and the command (or migration) that fixes it. A report that
//! cannot run, or a relation another session holds locked, is a note: the rest goes on, so the
//! summary still says what blocks whom during an incident.

use std::time::Duration;

use serde::Serialize;
use serde_json::{Map, Value};
use tokio_postgres::Client;

use super::index_fixes::{duplicate_index, invalid_index, missing_fk_index, unused_index};
use super::{Facts, Rows, name, read_only, shell_quote, sql};
use crate::cli::Report;

/// A query running this long is a finding.
const LONG_RUNNING_SECS: u64 = 60;
/// Sessions above this share of `max_connections` are a finding.
const CONNECTIONS_SHARE: f64 = 0.8;
/// An unused index on a table with fewer rows than this costs too little to be a finding.
const UNUSED_MIN_ROWS: f64 = 1000.0;

/// Something that needs attention, and how to fix it.
#[derive(Debug, Serialize)]
pub struct Finding {
    /// `invalid-index`, `unused-index`, `duplicate-index`, `missing-fk-index`,
    /// `implied-relation`, `blocking`, `long-running`, `vacuum`, `wraparound`, `connections`.
    pub kind: &'static str,
    pub object: String,
    pub verdict: String,
    pub fix: Fix,
}

#[derive(Debug, Serialize)]
pub struct Fix {
    /// The command to run.
    pub command: String,
    /// For a `migrate new` command: what the new migration file holds.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub migration: Option<String>,
    /// What to do once this is applied (the migration that validates what this one added).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub then: Option<Box<Fix>>,
}

/// The findings, and what could not be looked at (a report that failed, a locked relation).
#[derive(Debug, Default, Serialize)]
pub struct Summary {
    pub findings: Vec<Finding>,
    pub notes: Vec<String>,
}

/// A check of one report row: the findings it makes.
type PerRow = fn(&Map<String, Value>) -> Vec<Finding>;

/// Run the cheap reports on `client` and collect their findings; unused indexes smaller than
/// `min_bytes` are not findings.
pub async fn findings(
    client: &mut Client,
    facts: &Facts,
    timeout: Duration,
    min_bytes: i64,
) -> Summary {
    let facts = Facts {
        limit: 100,
        min: LONG_RUNNING_SECS,
        ..*facts
    };
    let mut summary = Summary::default();
    // Reports whose rows are findings one by one, in the order they are printed.
    let per_row: [(Report, PerRow); 5] = [
        (Report::MissingFkIndexes, |row| vec![missing_fk_index(row)]),
        (Report::LongRunning, |row| vec![long_running(row)]),
        (Report::VacuumStats, |row| vacuum(row).into_iter().collect()),
        (Report::UnvacuumedXid, |row| {
            wraparound(row).into_iter().collect()
        }),
        (Report::Blocking, |_| Vec::new()),
    ];
    let order = [
        Report::InvalidIndexes,
        Report::DuplicateIndexes,
        Report::UnusedIndexes,
    ]
    .into_iter()
    .chain(per_row.iter().map(|(report, _)| *report))
    .chain([Report::Connections]);
    for which in order {
        let rows = match read_only(client, &sql(which, &facts), timeout).await {
            Ok(rows) => rows,
            Err(err) => {
                summary
                    .notes
                    .push(format!("{} could not run: {err:#}", name(which)));
                continue;
            }
        };
        let (checked, locked): (Vec<_>, Vec<_>) = rows
            .rows
            .iter()
            .partition(|row| row.get("locked_by").is_none_or(Value::is_null));
        for row in locked {
            let what = ["index", "indexes", "table"]
                .into_iter()
                .map(|key| text(row, key))
                .find(|what| !what.is_empty())
                .unwrap_or_default();
            summary.notes.push(format!(
                "{} {what}: locked by pid {}, not checked",
                name(which),
                number(row, "locked_by") as i64
            ));
        }
        match which {
            Report::InvalidIndexes => {
                for row in checked {
                    let finding = invalid_index(client, row, timeout).await;
                    summary.findings.push(finding);
                }
            }
            Report::DuplicateIndexes => {
                for row in checked {
                    duplicate_index(client, row, timeout, &mut summary).await;
                }
            }
            Report::UnusedIndexes => summary.findings.extend(
                checked
                    .into_iter()
                    .filter(|row| {
                        number(row, "index_bytes") >= min_bytes as f64
                            && number(row, "table_rows") >= UNUSED_MIN_ROWS
                    })
                    .map(unused_index),
            ),
            Report::Blocking => summary.findings.extend(blockers(&rows)),
            Report::Connections => summary.findings.extend(connections(&rows)),
            _ => {
                if let Some((_, check)) = per_row.iter().find(|(report, _)| *report == which) {
                    for row in checked {
                        summary.findings.extend(check(row));
                    }
                }
            }
        }
    }
    super::implied::findings(client, timeout, &mut summary).await;
    summary
}

pub(super) fn text(row: &Map<String, Value>, key: &str) -> String {
    match row.get(key) {
        Some(Value::String(s)) => s.clone(),
        Some(Value::Null) | None => String::new(),
        Some(other) => other.to_string(),
    }
}

pub(super) fn number(row: &Map<String, Value>, key: &str) -> f64 {
    row.get(key).and_then(Value::as_f64).unwrap_or(0.0)
}

/// A migration name from `words`: lowercase letters, digits and `_`, short enough for a file.
pub(super) fn migration_name(words: &str) -> String {
    let mut name: String = words
        .to_lowercase()
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
        .collect();
    while name.contains("__") {
        name = name.replace("__", "_");
    }
    name.trim_matches('_').chars().take(100).collect()
}

/// The fix that is a new migration holding `up` and `down`, both outside a transaction
/// (CONCURRENTLY needs that).
pub(super) fn migration_fix(name: &str, up: &str, down: &str) -> Fix {
    new_migration(
        name,
        format!(
            "-- migrate:up transaction:false\n{up}\n\n-- migrate:down transaction:false\n{down}\n"
        ),
    )
}

/// The fix that is a new migration named after `name`, holding `text`.
pub(super) fn new_migration(name: &str, text: String) -> Fix {
    Fix {
        command: format!("cruddur-db migrate new {}", migration_name(name)),
        migration: Some(text),
        then: None,
    }
}

/// The fix that is one statement run on the target.
pub(super) fn statement_fix(sql: &str) -> Fix {
    Fix {
        command: format!("cruddur-db connect -- -c {}", shell_quote(sql)),
        migration: None,
        then: None,
    }
}

/// One finding per session that blocks others, with what they wait for.
fn blockers(rows: &Rows) -> Vec<Finding> {
    let mut pids: Vec<i64> = rows
        .rows
        .iter()
        .map(|row| number(row, "blocker_pid") as i64)
        .collect();
    pids.sort_unstable();
    pids.dedup();
    pids.into_iter()
        .map(|pid| {
            let blocked: Vec<&Map<String, Value>> = rows
                .rows
                .iter()
                .filter(|row| number(row, "blocker_pid") as i64 == pid)
                .collect();
            let first = blocked[0];
            Finding {
                kind: "blocking",
                object: format!("pid {pid}"),
                verdict: format!(
                    "session pid {pid} ({}, {:.0} s into its transaction: {}) blocks {} session(s), the longest waiting {:.0} s for {}",
                    text(first, "blocker_state"),
                    number(first, "blocker_seconds"),
                    text(first, "blocker_query"),
                    blocked.len(),
                    blocked
                        .iter()
                        .map(|row| number(row, "waiting_seconds"))
                        .fold(0.0, f64::max),
                    text(first, "lock_wanted")
                ),
                fix: Fix {
                    command: format!("cruddur-db kill --pid {pid}"),
                    migration: None,
                    then: None,
                },
            }
        })
        .collect()
}

fn long_running(row: &Map<String, Value>) -> Finding {
    let pid = number(row, "pid") as i64;
    Finding {
        kind: "long-running",
        object: format!("pid {pid}"),
        verdict: format!(
            "session pid {pid} ({}) has run one query for {:.0} s: {}",
            text(row, "application"),
            number(row, "seconds"),
            text(row, "query")
        ),
        fix: Fix {
            command: format!("cruddur-db kill --pid {pid}"),
            migration: None,
            then: None,
        },
    }
}

/// Dead rows past the autovacuum threshold that autovacuum will not clear: it is off.
fn vacuum(row: &Map<String, Value>) -> Option<Finding> {
    let dead = number(row, "dead_rows");
    let threshold = number(row, "autovacuum_threshold");
    if row.get("autovacuum_enabled") != Some(&Value::Bool(false)) || dead <= threshold {
        return None;
    }
    let table = text(row, "table");
    Some(Finding {
        kind: "vacuum",
        verdict: format!(
            "{table} has {dead:.0} dead rows, past its autovacuum threshold of {threshold:.0}, and autovacuum is off for it: they are never cleared (ALTER TABLE {table} RESET (autovacuum_enabled) turns it back on)"
        ),
        fix: statement_fix(&format!("VACUUM (ANALYZE) {table}")),
        object: table,
    })
}

/// A table older than the freeze age at which autovacuum should already have frozen it.
fn wraparound(row: &Map<String, Value>) -> Option<Finding> {
    let age = number(row, "xid_age");
    let limit = number(row, "freeze_max_age");
    if age <= limit {
        return None;
    }
    let table = text(row, "table");
    Some(Finding {
        kind: "wraparound",
        verdict: format!(
            "{table} is {age:.0} transactions old, past autovacuum_freeze_max_age ({limit:.0}): {:.1}% of the way to wraparound, when PostgreSQL stops accepting writes",
            number(row, "percent_to_wraparound")
        ),
        fix: statement_fix(&format!("VACUUM (FREEZE) {table}")),
        object: table,
    })
}

fn connections(rows: &Rows) -> Option<Finding> {
    let used: f64 = rows.rows.iter().map(|row| number(row, "sessions")).sum();
    let max = rows
        .rows
        .first()
        .map_or(0.0, |row| number(row, "max_connections"));
    if max == 0.0 || used < max * CONNECTIONS_SHARE {
        return None;
    }
    Some(Finding {
        kind: "connections",
        object: "max_connections".to_string(),
        verdict: format!(
            "{used:.0} of {max:.0} connection slots are taken: new connections will soon be refused"
        ),
        fix: Fix {
            command: "cruddur-db kill --all --idle-for 600".to_string(),
            migration: None,
            then: None,
        },
    })
}

/// The findings as people read them: a verdict, then the fix indented under it.
pub fn render(findings: &[Finding]) -> String {
    let mut out = String::new();
    for finding in findings {
        out += &format!("! {}\n", finding.verdict);
        let mut fix = Some(&finding.fix);
        let mut first = true;
        while let Some(step) = fix {
            let lead = if first { "fix" } else { "then" };
            out += &format!("  {lead}: {}\n", step.command);
            if let Some(migration) = &step.migration {
                out += "       and put this in the file it creates:\n";
                for line in migration.lines() {
                    out += &format!("       {line}\n");
                }
            }
            fix = step.then.as_deref();
            first = false;
        }
    }
    out
}
