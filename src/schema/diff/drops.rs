//! Dropping what `to` lacks and what is made anew, dependents first: an index concurrently
//! where nothing the transaction drops needs it gone first, a table with every row said as
//! data loss, and the column defaults and generated columns that use what goes cleared first.

use std::collections::BTreeSet;

use super::{Differ, ignored};
use crate::schema::plan::{Change, Phase, Step};
use crate::schema::{Kind, Object, column_changes, partitions};

impl Differ<'_> {
    fn gone(&self, f: usize) -> bool {
        let object = &self.from.objects[f];
        self.recreate.contains(&f) || self.in_to(object.kind, &object.name).is_none()
    }

    /// Drop what `to` lacks and what is recreated, dependents first. What goes with a dropped
    /// table (its indexes, constraints, triggers, owned sequences) is not dropped again.
    pub(super) fn drops(&mut self) {
        let from = self.from;
        let dropped_tables: BTreeSet<&str> = from
            .objects
            .iter()
            .enumerate()
            .filter(|(i, o)| {
                matches!(o.kind, Kind::Table | Kind::MaterializedView) && self.gone(*i)
            })
            .map(|(_, o)| o.name.as_str())
            .collect();
        let goes_with_table = |object: &Object| {
            object
                .table
                .as_deref()
                .is_some_and(|t| dropped_tables.contains(t))
                || (matches!(object.kind, Kind::Sequence | Kind::SequenceOwner)
                    && from.objects.iter().any(|o| {
                        o.kind == Kind::SequenceOwner
                            && o.name == object.name
                            && dropped_tables
                                .iter()
                                .any(|t| o.create.contains(&format!("OWNED BY {t}.")))
                    }))
        };
        for f in (0..from.objects.len()).rev() {
            let object = &from.objects[f];
            if ignored(object, self.options) {
                continue;
            }
            if !self.gone(f) {
                if object.kind == Kind::Table {
                    partitions::detach(self, &object.name);
                    column_changes::drop_columns(self, &object.name);
                }
                continue;
            }
            if goes_with_table(object)
                || partitions::adopted(self, object)
                || (object.kind == Kind::Schema && object.create.is_empty())
                || (object.kind == Kind::SequenceOwner
                    && self.in_to(Kind::Sequence, &object.name).is_none())
            {
                continue;
            }
            // A type (or collation) a kept column moves away from goes once it has moved.
            if matches!(object.kind, Kind::Type | Kind::Domain | Kind::Collation)
                && self.used_by_kept_table(f)
            {
                self.late.push(f);
                continue;
            }
            self.drop(f);
        }
    }

    /// Whether a table that stays has a column of type (or collation) `f`.
    fn used_by_kept_table(&self, f: usize) -> bool {
        self.from.depends.iter().any(|&(d, r)| {
            let table = &self.from.objects[d];
            r == f && table.kind == Kind::Table && self.kept(Kind::Table, &table.name)
        })
    }

    /// Drop object `f` of `from` (the column defaults that use it first), saying when that
    /// loses data.
    pub(super) fn drop(&mut self, f: usize) {
        self.clear_column_uses(f);
        let from = self.from;
        let object = &from.objects[f];
        let concurrently =
            object.kind == Kind::Index && object.table.is_some() && !self.blocks_a_drop(f);
        let (sql, phase) = match concurrently {
            true => (
                format!("DROP INDEX CONCURRENTLY IF EXISTS {};", object.name),
                Phase::Concurrent,
            ),
            false => (object.drop.clone(), Phase::Catalog),
        };
        let data_loss = match object.kind {
            Kind::Table => Some(format!("drops table {} and every row in it", object.name)),
            Kind::Sequence => Some(format!(
                "drops sequence {} and its current value",
                object.name
            )),
            _ => None,
        };
        self.step(
            Step::new(object.kind, object.name.clone(), Change::Drop, vec![sql])
                .in_phase(phase)
                .losing(data_loss),
        );
    }

    /// Whether index `f` uses something the transaction drops or converts, so that it must
    /// go inside the transaction, before that, rather than concurrently after it.
    fn blocks_a_drop(&self, f: usize) -> bool {
        self.from.depends.iter().any(|&(d, r)| {
            let used = &self.from.objects[r];
            d == f
                && used.kind != Kind::Table
                && (self.gone(r) || self.converting.contains(&used.name))
        })
    }

    /// Before object `f` is dropped: the column defaults of kept tables that use it are
    /// dropped (and set again later), and generated columns that use it are dropped (and
    /// added again later).
    fn clear_column_uses(&mut self, f: usize) {
        let from = self.from;
        let uses: Vec<(String, String)> = from
            .column_uses
            .iter()
            .filter(|(_, _, used)| *used == f)
            .map(|(t, column, _)| (from.objects[*t].name.clone(), column.clone()))
            .collect();
        for (table, column) in uses {
            if !self.kept(Kind::Table, &table) {
                continue;
            }
            let Some(shape) = from.tables.get(&table) else {
                continue;
            };
            let Some(was) = shape.columns.iter().find(|c| c.name == column) else {
                continue;
            };
            // A column the drops remove takes its default along.
            let kept = self.to.tables.get(&table).is_some_and(|now| {
                now.columns
                    .iter()
                    .any(|c| c.name == column && c.generated.is_some() == was.generated.is_some())
            });
            if !kept {
                continue;
            }
            let key = (table.clone(), column.clone());
            let (sql, cleared) = match &was.generated {
                Some(_) => (
                    format!("ALTER TABLE {table} DROP COLUMN {column};"),
                    &mut self.dropped_columns,
                ),
                None => (
                    format!("ALTER TABLE {table} ALTER COLUMN {column} DROP DEFAULT;"),
                    &mut self.cleared_defaults,
                ),
            };
            if !cleared.insert(key) {
                continue;
            }
            self.plan
                .steps
                .push(Step::column(&table, &column, Change::Alter, vec![sql]));
        }
    }
}
