//! A diff's plan: the ordered steps that turn one schema into another, each with its SQL and
//! the phase it runs in, so that production keeps serving while it applies. Written as one
//! psql script (`script`), as the two parts of a dbmate migration (`parts`), as a coloured
//! summary, or as JSON. What each statement locks, and for about how long, is `locks`.

pub mod locks;
mod script;

use serde::Serialize;

use super::Kind;
use crate::error::{Exit, Fail};

pub use crate::migrate::lint::BACKFILL;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Change {
    Create,
    Alter,
    Drop,
}

/// When a statement runs. The phases run in this order, so that no lock that stops the
/// application's reads or writes is held while rows are scanned or an index is built.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Phase {
    /// The one transaction of changes to the catalogs: new columns, defaults, drops,
    /// constraints added `NOT VALID`. Its locks are held for milliseconds.
    Catalog,
    /// Outside any transaction, one statement at a time: indexes built or dropped
    /// `CONCURRENTLY`, which lets reads and writes go on.
    Concurrent,
    /// After the indexes, each in a transaction of its own: what needs them (a foreign key
    /// on a new unique index, `ADD CONSTRAINT ... USING INDEX`).
    Own,
}

/// What a step blocks that no plan can avoid, said on a `-- HAZARD kind: why` line above it.
/// A hazard is advice to whoever runs the plan: it never changes what `--exit-code` reports.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Hazard {
    /// `table_rewrite`, `rows_move`, ...
    pub kind: &'static str,
    pub why: String,
    /// The `migrate lint` rule the statement breaks because of it, and words of the
    /// statement that does: a migration `migrate new --diff` writes allows that rule there,
    /// with this hazard as the reason.
    pub rule: Option<(&'static str, &'static str)>,
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
    /// The statements of its phase.
    pub sql: Vec<String>,
    pub phase: Phase,
    /// Transactions that finish it once the indexes are built, each run on its own after the
    /// phases above: `VALIDATE CONSTRAINT` (which scans without blocking writes), then what
    /// the validated constraint lets take its lock without a scan (`SET NOT NULL`).
    pub then: Vec<Vec<String>>,
    /// Why running it loses data, when it does.
    pub data_loss: Option<String>,
    pub hazard: Option<Hazard>,
}

impl Step {
    /// A step of the catalog phase, with nothing to finish later.
    pub fn new(kind: Kind, name: String, change: Change, sql: Vec<String>) -> Step {
        Step {
            kind,
            name,
            object: kind.label(),
            change,
            sql,
            phase: Phase::Catalog,
            then: Vec::new(),
            data_loss: None,
            hazard: None,
        }
    }

    /// A step that changes column `table.column`.
    pub fn column(table: &str, column: &str, change: Change, sql: Vec<String>) -> Step {
        Step {
            object: "column",
            ..Step::new(Kind::Table, format!("{table}.{column}"), change, sql)
        }
    }

    pub fn in_phase(mut self, phase: Phase) -> Step {
        self.phase = phase;
        self
    }

    pub fn losing(mut self, why: Option<String>) -> Step {
        self.data_loss = why;
        self
    }

    pub fn with_hazard(mut self, hazard: Option<Hazard>) -> Step {
        self.hazard = hazard;
        self
    }

    /// The same, finished later by these transactions (see [`Step::then`]).
    pub fn finished_by(mut self, transactions: Vec<Vec<String>>) -> Step {
        self.then
            .extend(transactions.into_iter().filter(|t| !t.is_empty()));
        self
    }
}

#[derive(Debug, Default, Serialize)]
pub struct Plan {
    pub steps: Vec<Step>,
    /// `table.column`s added `NOT NULL` without a default to a table that holds rows: the plan
    /// cannot apply until the user writes their values at the `-- TODO backfill` line.
    pub backfills: Vec<String>,
    /// Changes no plan can make without losing what it must keep (an extension a table's
    /// column uses that cannot be updated to the new version): said, never planned.
    pub refusals: Vec<String>,
    /// What the phase headers estimate durations from: each table's size where the plan
    /// starts.
    #[serde(skip)]
    pub sizes: std::collections::BTreeMap<String, u64>,
}

impl Plan {
    pub fn is_empty(&self) -> bool {
        self.steps.is_empty()
    }

    /// The changes no plan can make without losing what it must keep, as the failure that
    /// says so; `None` when there are none.
    pub fn refused(&self) -> Option<Fail> {
        (!self.refusals.is_empty()).then(|| {
            Fail::new(
                Exit::Failure,
                format!(
                    "no plan can make this change safely: {}",
                    self.refusals.join("; ")
                ),
            )
            .hint("make that change by hand (a migration that moves the data first), then run diff again for the rest")
        })
    }

    /// A plan that cannot apply until the user writes what the rows of new `NOT NULL`
    /// columns hold, as the failure that says so; `None` when it is complete.
    pub fn incomplete(&self) -> Option<Fail> {
        (!self.backfills.is_empty()).then(|| {
            Fail::new(
                Exit::Failure,
                format!(
                    "the plan is not complete: {} NOT NULL without a default on a table that holds rows",
                    self.backfills.join(", ")
                ),
            )
            .hint("write each backfill at its `-- TODO backfill` line (or give the column a DEFAULT in schema.sql); until then the plan would fail when it validates the column")
        })
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
