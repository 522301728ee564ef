//! A plan written as SQL, phase by phase: each phase headed by what it locks and for about how
//! long, and opened by `SET lock_timeout`, so that it gives up rather than queue the
//! application behind a long transaction. One psql script (`script`), or the two parts of a
//! dbmate migration (`parts`).

use std::time::Duration;

use super::locks::{self, Estimate, Lock, Work};
use super::{Phase, Plan, Step};
use crate::migrate::lint::ALLOW;

/// The plan's statements, grouped as they run.
#[derive(Default)]
struct Units {
    /// The catalog phase's one transaction: statements and the comments above them.
    catalog: Vec<String>,
    /// One statement each, outside any transaction.
    concurrent: Vec<Vec<String>>,
    /// One transaction each.
    own: Vec<Vec<String>>,
}

impl Plan {
    /// The statements as they run; for a migration (`allow`), a hazard's statement is
    /// allowed the lint rule it breaks, with the hazard as the reason.
    fn units(&self, allow: bool) -> Units {
        let mut units = Units::default();
        for step in &self.steps {
            let allowed = |statements: &[String]| -> Vec<String> {
                let mut lines = Vec::new();
                for statement in statements {
                    if let Some(hazard) = step.hazard.as_ref().filter(|_| allow)
                        && let Some((rule, words)) = hazard.rule
                        && statement.contains(words)
                    {
                        lines.push(format!(
                            "-- {ALLOW} {rule} the HAZARD {} line above says what it does",
                            hazard.kind
                        ));
                    }
                    lines.push(statement.clone());
                }
                lines
            };
            let mut lines = notes(step);
            lines.extend(allowed(&step.sql));
            match step.phase {
                Phase::Catalog => units.catalog.extend(lines),
                Phase::Concurrent => {
                    // Each statement is its own unit, the notes with the first.
                    let mut pending = Vec::new();
                    for line in lines {
                        let statement = !line.starts_with("--");
                        pending.push(line);
                        if statement {
                            units.concurrent.push(std::mem::take(&mut pending));
                        }
                    }
                }
                Phase::Own => units.own.push(lines),
            }
            units
                .own
                .extend(step.then.iter().map(|transaction| allowed(transaction)));
        }
        units
    }

    /// The plan as one script for `psql -f` (with `ON_ERROR_STOP`) or `migrate`: the
    /// catalog phase inside `BEGIN` and `COMMIT`, so that a failure there changes nothing,
    /// then the phases that run outside it.
    pub fn script(&self, lock_timeout: Duration) -> String {
        let units = self.units(false);
        let estimate = Estimate::new(&self.sizes);
        let mut phases = Vec::new();
        if !units.catalog.is_empty() {
            let mut text = catalog_header(&units.catalog);
            text.push_str(&format!(
                "BEGIN;\nSET LOCAL lock_timeout = {};\n\n",
                timeout(lock_timeout)
            ));
            text.push_str(&join(&units.catalog));
            text.push_str("\nCOMMIT;\n");
            phases.push(text);
        }
        phases.extend(later_phases(&units, &estimate, lock_timeout));
        number(phases)
    }

    /// The plan as the two parts of dbmate migrations: the catalog phase (for a migration
    /// that runs in a transaction, which dbmate opens), and the phases that run outside one
    /// (for a migration marked `transaction:false`).
    pub fn parts(&self, lock_timeout: Duration) -> (String, String) {
        let units = self.units(true);
        let estimate = Estimate::new(&self.sizes);
        let catalog = match units.catalog.is_empty() {
            true => String::new(),
            false => format!(
                "{}SET LOCAL lock_timeout = {};\n\n{}",
                catalog_header(&units.catalog),
                timeout(lock_timeout),
                join(&units.catalog)
            ),
        };
        let later = number(later_phases(&units, &estimate, lock_timeout));
        (number(vec![catalog]), later)
    }
}

/// The lines above a step's first statement: what it loses, what it blocks.
fn notes(step: &Step) -> Vec<String> {
    let mut lines = Vec::new();
    if let Some(why) = &step.data_loss {
        lines.push(format!("-- DATA LOSS: {why}"));
    }
    if let Some(hazard) = &step.hazard {
        lines.push(format!("-- HAZARD {}: {}", hazard.kind, hazard.why));
    }
    lines
}

fn catalog_header(lines: &[String]) -> String {
    let mut tables: Vec<&str> = lines
        .iter()
        .filter_map(|l| locks::taken(l))
        .filter(|t| t.lock == Lock::AccessExclusive)
        .map(|t| t.table)
        .collect();
    tables.sort_unstable();
    tables.dedup();
    let hazards = lines.iter().any(|l| l.starts_with("-- HAZARD "));
    let held = match tables.is_empty() {
        true => String::new(),
        false => format!(
            " It holds ACCESS EXCLUSIVE on {} until COMMIT: {}.",
            tables.join(", "),
            if hazards {
                "milliseconds, but for what the HAZARD lines below say"
            } else {
                "milliseconds, since nothing in it reads the rows"
            }
        ),
    };
    wrap(&format!(
        "Phase {{n}}: one transaction of changes to the catalogs.{held}"
    ))
}

/// The concurrent phase and the phase of transactions of their own, each headed.
fn later_phases(units: &Units, estimate: &Estimate, lock_timeout: Duration) -> Vec<String> {
    let set = format!("SET lock_timeout = {};\n", timeout(lock_timeout));
    let mut phases = Vec::new();
    if !units.concurrent.is_empty() {
        let mut text = wrap(
            "Phase {n}: outside any transaction, one statement at a time, CONCURRENTLY: each holds SHARE UPDATE EXCLUSIVE on its table, so reads and writes go on while it builds or detaches.",
        );
        text.push_str(&set);
        for unit in &units.concurrent {
            text.push('\n');
            for line in unit {
                if let Some(taken) = locks::taken(line).filter(|t| t.work == Work::Build) {
                    text.push_str(&format!(
                        "-- {}\n{}\n",
                        estimate.describe(taken.table, taken.work),
                        leftover_guard(line, taken.table)
                    ));
                }
                text.push_str(line);
                text.push('\n');
            }
        }
        phases.push(text);
    }
    if !units.own.is_empty() {
        let mut text = wrap(
            "Phase {n}: each in a transaction of its own. VALIDATE CONSTRAINT holds SHARE UPDATE EXCLUSIVE while it reads the rows, so reads and writes go on; what a validated constraint or a built index proves then takes ACCESS EXCLUSIVE without reading them.",
        );
        text.push_str(&set);
        for unit in &units.own {
            text.push('\n');
            let statements: Vec<&String> = unit.iter().filter(|l| !l.starts_with("--")).collect();
            let mut said: Vec<String> = statements
                .iter()
                .filter_map(|l| locks::taken(l))
                .map(|t| {
                    format!(
                        "-- {}: {}",
                        t.lock.name(),
                        estimate.describe(t.table, t.work)
                    )
                })
                .collect();
            said.dedup();
            for line in said {
                text.push_str(&line);
                text.push('\n');
            }
            let wrapped = statements.len() > 1;
            if wrapped {
                text.push_str("BEGIN;\n");
            }
            for line in unit {
                text.push_str(line);
                text.push('\n');
            }
            if wrapped {
                text.push_str("COMMIT;\n");
            }
        }
        phases.push(text);
    }
    phases
}

/// A statement that drops the INVALID index an earlier, failed `CREATE INDEX CONCURRENTLY`
/// of the same name left, so that running the plan again builds it anew. Only an invalid
/// one: a valid index of that name is somebody's, and the build then fails on its name.
fn leftover_guard(statement: &str, table: &str) -> String {
    let name = statement
        .split(" CONCURRENTLY ")
        .nth(1)
        .and_then(|rest| rest.split(" ON ").next())
        .unwrap_or_default();
    let schema = table
        .rsplit_once('.')
        .map(|(schema, _)| format!("{schema}."))
        .unwrap_or_default();
    let literal = postgres_protocol::escape::escape_literal(&format!("{schema}{name}"));
    format!(
        "SELECT pg_catalog.format('DROP INDEX CONCURRENTLY %s', indexrelid::pg_catalog.regclass) FROM pg_catalog.pg_index WHERE indexrelid = pg_catalog.to_regclass({literal}) AND NOT indisvalid \\gexec"
    )
}

/// `'5s'`, `'500ms'`, or `0` (no limit), as `SET lock_timeout` takes it.
fn timeout(limit: Duration) -> String {
    match limit.as_millis() {
        0 => "0".to_string(),
        ms if ms % 1000 == 0 => format!("'{}s'", ms / 1000),
        ms => format!("'{ms}ms'"),
    }
}

fn join(lines: &[String]) -> String {
    lines.iter().map(|l| format!("{l}\n")).collect()
}

/// A header comment, wrapped at 100 columns.
fn wrap(text: &str) -> String {
    let mut out = String::new();
    let mut line = String::from("--");
    for word in text.split(' ') {
        if line.len() + word.len() + 1 > 100 {
            out.push_str(&line);
            out.push('\n');
            line = String::from("--");
        }
        line.push(' ');
        line.push_str(word);
    }
    out.push_str(&line);
    out.push('\n');
    out
}

/// The phases, numbered `1 of N` where their headers say `{n}`, a blank line between them.
fn number(phases: Vec<String>) -> String {
    let phases: Vec<String> = phases.into_iter().filter(|p| !p.is_empty()).collect();
    let total = phases.len();
    phases
        .iter()
        .enumerate()
        .map(|(i, text)| text.replacen("{n}", &format!("{} of {total}", i + 1), 1))
        .collect::<Vec<_>>()
        .join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::schema::Kind;
    use crate::schema::plan::Change;

    #[test]
    fn a_lock_timeout_is_written_as_set_takes_it() {
        assert_eq!(timeout(Duration::from_secs(5)), "'5s'");
        assert_eq!(timeout(Duration::from_millis(1500)), "'1500ms'");
        assert_eq!(timeout(Duration::ZERO), "0");
    }

    #[test]
    fn a_scan_never_shares_a_transaction_with_the_lock_that_blocks_the_application() {
        let mut plan = Plan::default();
        plan.sizes.insert("public.t".to_string(), 3 << 30);
        plan.steps.push(
            Step::new(
                Kind::Constraint,
                "public.t.c".to_string(),
                Change::Create,
                vec!["ALTER TABLE public.t ADD CONSTRAINT c CHECK (a > 0) NOT VALID;".to_string()],
            )
            .finished_by(vec![vec![
                "ALTER TABLE public.t VALIDATE CONSTRAINT c;".to_string(),
            ]]),
        );
        let script = plan.script(Duration::from_secs(5));
        let commit = script.find("COMMIT;").unwrap();
        let validate = script.find("VALIDATE CONSTRAINT").unwrap();
        assert!(commit < validate, "{script}");
        assert!(
            script.contains("-- Phase 1 of 2: one transaction"),
            "{script}"
        );
        assert!(
            script.contains("-- Phase 2 of 2: each in a transaction of its own"),
            "{script}"
        );
        assert!(
            script.contains("-- SHARE UPDATE EXCLUSIVE: public.t (3.0 GiB): about 16 s"),
            "{script}"
        );
        assert_eq!(script.matches("lock_timeout = '5s'").count(), 2, "{script}");
    }
}
