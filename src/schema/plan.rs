//! A diff's plan: the ordered steps that turn one schema into another, each with its SQL,
//! written as SQL (a part that runs in one transaction and a part that cannot), as a coloured
//! summary, or as JSON.

use serde::Serialize;

use super::Kind;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Change {
    Create,
    Alter,
    Drop,
}

/// One change to one object (or column), with the statements that make it.
#[derive(Debug, Clone, Serialize)]
pub struct Step {
    pub kind: Kind,
    /// The object, or `table.column` for a column.
    pub name: String,
    /// `column` for a column's change, else the kind's label.
    pub object: &'static str,
    pub change: Change,
    pub sql: Vec<String>,
    /// Why running it loses data, when it does.
    pub data_loss: Option<String>,
    /// Whether it can run inside a transaction (`CREATE INDEX CONCURRENTLY` cannot).
    pub transaction: bool,
}

pub use crate::migrate::lint::BACKFILL;

#[derive(Debug, Default, Serialize)]
pub struct Plan {
    pub steps: Vec<Step>,
    /// `table.column`s added `NOT NULL` without a default to a table that holds rows: the plan
    /// cannot apply until the user writes their values at the `-- TODO backfill` line.
    pub backfills: Vec<String>,
    /// Changes no plan can make without losing what it must keep (an extension a table's
    /// column uses that cannot be updated to the new version): said, never planned.
    pub refusals: Vec<String>,
}

impl Plan {
    pub fn is_empty(&self) -> bool {
        self.steps.is_empty()
    }

    /// The SQL of the steps that run in one transaction, then of those that cannot.
    pub fn sql(&self) -> (String, String) {
        let write = |transaction: bool| {
            let mut out = String::new();
            for step in self.steps.iter().filter(|s| s.transaction == transaction) {
                if !out.is_empty() {
                    out.push('\n');
                }
                if let Some(why) = &step.data_loss {
                    out.push_str(&format!("-- DATA LOSS: {why}\n"));
                }
                for statement in &step.sql {
                    out.push_str(statement);
                    out.push('\n');
                }
            }
            out
        };
        (write(true), write(false))
    }

    /// The SQL as one script to run with psql: the transactional part inside `BEGIN` and
    /// `COMMIT` (so that a failure leaves the database as it was), then the part that cannot
    /// run in a transaction, headed by why.
    pub fn script(&self) -> String {
        let (transactional, concurrent) = self.sql();
        let mut out = String::new();
        if !transactional.is_empty() {
            out = format!("BEGIN;\n\n{transactional}\nCOMMIT;\n");
        }
        if concurrent.is_empty() {
            return out;
        }
        if !out.is_empty() {
            out.push('\n');
        }
        out.push_str(
            "-- The statements below cannot run inside a transaction: run them on their own, after\n\
             -- the ones above (`migrate new --diff` writes them as a migration with transaction:false).\n",
        );
        out.push_str(&concurrent);
        out
    }

    /// One line per step: `+ table public.posts`, `~ column public.users.bio`, `- index ...`.
    pub fn summary(&self) -> Vec<(Change, String)> {
        self.steps
            .iter()
            .map(|step| {
                let sign = match step.change {
                    Change::Create => '+',
                    Change::Alter => '~',
                    Change::Drop => '-',
                };
                let loss = if step.data_loss.is_some() {
                    " (data loss)"
                } else {
                    ""
                };
                (
                    step.change,
                    format!("{sign} {} {}{loss}", step.object, step.name),
                )
            })
            .collect()
    }
}
