//! Partitions that change place: a bound that moves, a table that becomes a partition or stops
//! being one, a new partition whose rows wait in the DEFAULT partition. No row is dropped to
//! get there (a table is attached or detached, never made anew), and no lock that stops the
//! application is held through a scan a validated CHECK can do beforehand: `ATTACH PARTITION`
//! skips its scan when a valid CHECK already proves the bound.

use super::column_changes::{helper_check, not_null_constraint};
use super::diff::{Differ, constraint_name};
use super::plan::locks::{Work, cost};
use super::plan::{Change, Hazard, Phase, Step};
use super::types::bare;
use super::{Column, Kind, Object, Table};

/// How a table the plan keeps changes place.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Place<'a> {
    /// It stays a partition of `parent`, with another bound.
    Moved { parent: &'a str, bound: &'a str },
    /// It becomes a partition of `parent`.
    Attached { parent: &'a str, bound: &'a str },
    /// It stops being a partition of `parent`.
    Detached { parent: &'a str },
}

fn place<'a>(old: &'a Table, new: &'a Table) -> Option<Place<'a>> {
    match (&old.partition_of, &new.partition_of) {
        (Some((was_of, was)), Some((parent, bound))) if was_of == parent && was != bound => {
            Some(Place::Moved { parent, bound })
        }
        (None, Some((parent, bound))) => Some(Place::Attached { parent, bound }),
        (Some((parent, _)), None) => Some(Place::Detached { parent }),
        _ => None,
    }
}

/// Whether the table can get from `old` to `new` keeping its rows: the same partitioning of
/// its own, and the same parent, or none on one side (then it is attached or detached).
pub fn keeps_rows(old: &Table, new: &Table) -> bool {
    old.partition_key == new.partition_key
        && match (&old.partition_of, &new.partition_of) {
            (None, None) => true,
            (Some((p, _)), Some((q, _))) => p == q,
            (None, Some(_)) => old.inherits.is_empty(),
            (Some(_), None) => new.inherits.is_empty(),
        }
}

/// Whether kept table `table` is attached to a parent or detached from one.
pub fn changes_parent(d: &Differ, table: &str) -> bool {
    matches!(
        place_of(d, table),
        Some(Place::Attached { .. } | Place::Detached { .. })
    )
}

/// PostgreSQL 18 names NOT NULL constraints, and a partition made with `PARTITION OF` has
/// its parent's names, which attaching or detaching leaves as they were: the renames that
/// give `table`'s the names `to` has. `before` is the parent it leaves, `after` the one it
/// joins.
fn not_null_renames(
    d: &Differ,
    table: &str,
    before: Option<(&str, &Table)>,
    after: Option<(&str, &Table)>,
) -> Vec<String> {
    if d.from.version < 180000 {
        return Vec::new();
    }
    let (old, new) = (&d.from.tables[table], &d.to.tables[table]);
    // The parent's name where the parent has the constraint, else the table's own (the one
    // the server gives it when the plan adds it).
    let name = |parent: Option<(&str, &Table)>, own: &Table, column: &Column| {
        let parents = parent.and_then(|(name, p)| {
            let c = p
                .columns
                .iter()
                .find(|c| c.name == column.name && c.not_null)?;
            Some(not_null_constraint(name, c))
        });
        parents.unwrap_or_else(|| {
            match own
                .columns
                .iter()
                .find(|c| c.name == column.name && c.not_null)
            {
                Some(c) => not_null_constraint(table, c),
                None => not_null_constraint(
                    table,
                    &Column {
                        not_null_name: None,
                        ..column.clone()
                    },
                ),
            }
        })
    };
    new.columns
        .iter()
        .filter(|c| c.not_null)
        .filter_map(|c| {
            let (was, now) = (name(before, old, c), name(after, new, c));
            (was != now).then(|| format!("ALTER TABLE {table} RENAME CONSTRAINT {was} TO {now};"))
        })
        .collect()
}

/// The name of the CHECK that proves a table's rows fit the bound it is attached with.
fn bound_helper(table: &str) -> String {
    helper_check(&format!("{}_bound", bare(table)))
}

/// The place of kept table `table`, when it changes.
fn place_of<'a>(d: &Differ<'a>, table: &str) -> Option<Place<'a>> {
    let (from, to) = (d.from, d.to);
    if !d.kept(Kind::Table, table) {
        return None;
    }
    place(from.tables.get(table)?, to.tables.get(table)?)
}

/// A partition that stops being one is detached with the drops, before its columns change:
/// `CONCURRENTLY` (PostgreSQL 14+, after the catalog transaction) when nothing else about it
/// changes, no other partition of its parent takes a new place (which may be the one it
/// frees), and its parent has no DEFAULT partition, which the server requires; else inside
/// the catalog transaction, where it holds its locks for milliseconds (no rows are read).
pub fn detach(d: &mut Differ, table: &str) {
    let Some(Place::Detached { parent }) = place_of(d, table) else {
        return;
    };
    let (old, new) = (&d.from.tables[table], &d.to.tables[table]);
    let others_move = d.to.tables.iter().any(|(name, t)| {
        name != table
            && t.partition_of.as_ref().is_some_and(|(p, _)| p == parent)
            && (!d.kept(Kind::Table, name) || place_of(d, name).is_some())
    });
    let concurrently = d.from.version >= 140000
        && default_partition(d.from.tables.iter(), parent).is_none()
        && !others_move
        && same_columns(old, new);
    let sql = match (concurrently, &old.bound_check) {
        (true, Some(check)) => vec![
            format!("ALTER TABLE {parent} DETACH PARTITION {table} CONCURRENTLY;"),
            dropped_bound_copy(table, check),
        ],
        _ => vec![format!("ALTER TABLE {parent} DETACH PARTITION {table};")],
    };
    let phase = match sql.len() {
        1 => Phase::Catalog,
        _ => Phase::Concurrent,
    };
    let left = d.from.tables.get(parent).map(|p| (parent, p));
    let renames = not_null_renames(d, table, left, None);
    d.step(Step::new(Kind::Table, table.to_string(), Change::Alter, sql).in_phase(phase));
    renamed(d, table, renames);
}

/// A step of its own for NOT NULL renames, after the phases that attach or detach: each
/// rename is a declared hazard (see `hazards::constraint_rename`).
fn renamed(d: &mut Differ, table: &str, renames: Vec<String>) {
    if renames.is_empty() {
        return;
    }
    d.step(
        Step::new(Kind::Table, table.to_string(), Change::Alter, renames)
            .in_phase(Phase::Own)
            .with_hazard(Some(super::hazards::constraint_rename(table))),
    );
}

/// `DETACH PARTITION CONCURRENTLY` leaves the table a CHECK copy of its old bound, under a
/// name of the server's choosing: dropped (for psql's `\gexec`), as the table in `to` lacks it.
fn dropped_bound_copy(table: &str, check: &str) -> String {
    let definition = postgres_protocol::escape::escape_literal(&format!("CHECK ({check})"));
    let table = postgres_protocol::escape::escape_literal(table);
    format!(
        "SELECT pg_catalog.format('ALTER TABLE %s DROP CONSTRAINT %I', conrelid::pg_catalog.regclass, conname) FROM pg_catalog.pg_constraint WHERE conrelid = {table}::pg_catalog.regclass AND contype = 'c' AND pg_catalog.pg_get_constraintdef(oid) = {definition} \\gexec"
    )
}

/// The partitions of `parent` whose bounds move, moved together: each bound proved by a
/// CHECK added `NOT VALID` and validated while the partition still serves; then one short
/// transaction detaches every one of them before it attaches any (two neighbours whose
/// shared bound moves would overlap in between), and drops the checks.
pub fn move_bounds(d: &mut Differ, parent: &str) {
    let to = d.to;
    let moved: Vec<(&str, &Table, &str)> = to
        .tables
        .iter()
        .filter_map(|(name, new)| match place_of(d, name)? {
            Place::Moved { parent: p, bound } if p == parent => Some((name.as_str(), new, bound)),
            _ => None,
        })
        .collect();
    if moved.is_empty() {
        return;
    }
    let mut proofs = Vec::new();
    let mut validations = Vec::new();
    let mut detaches = Vec::new();
    let mut attaches = Vec::new();
    let mut counts = Vec::new();
    for &(table, new, bound) in &moved {
        detaches.push(format!("ALTER TABLE {parent} DETACH PARTITION {table};"));
        attaches.push(format!(
            "ALTER TABLE {parent} ATTACH PARTITION {table} {bound};"
        ));
        let old = &d.from.tables[table];
        if let Some(check) = new.bound_check.as_deref().filter(|_| old.populated) {
            let (add, validate, drop) = proof(table, check);
            proofs.push(add);
            validations.push(vec![validate]);
            attaches.push(drop);
            counts.push(format!("SELECT count(*) FROM {table} WHERE NOT ({check});"));
        }
    }
    let mut moving = detaches;
    moving.extend(attaches);
    let hazard = (!counts.is_empty()).then(|| Hazard {
        kind: "rows_move",
        why: format!(
            "a row outside its partition's new bound makes VALIDATE fail and the plan stop before any bound moves: move such rows first; {} counts them",
            counts.join(" and ")
        ),
        rule: None,
    });
    let step = match proofs.is_empty() {
        true => Step::new(Kind::Table, parent.to_string(), Change::Alter, moving),
        false => Step::new(Kind::Table, parent.to_string(), Change::Alter, proofs)
            .finished_by(validations)
            .finished_by(vec![moving]),
    };
    d.step(step.with_hazard(hazard));
}

/// A table that becomes a partition is attached once its columns are the parent's, in a
/// transaction of its own; when it holds rows, a CHECK of its bound is added `NOT VALID` and
/// validated first, so that `ATTACH PARTITION` reads none of them under its lock.
pub fn attach(d: &mut Differ, table: &str) {
    let Some(Place::Attached { parent, bound }) = place_of(d, table) else {
        return;
    };
    let (old, new) = (&d.from.tables[table], &d.to.tables[table]);
    let joined = d.to.tables.get(parent).map(|p| (parent, p));
    let renames = not_null_renames(d, table, None, joined);
    renamed(d, table, renames);
    let mut attach = vec![format!(
        "ALTER TABLE {parent} ATTACH PARTITION {table} {bound};"
    )];
    let step = Step::new(Kind::Table, table.to_string(), Change::Alter, Vec::new());
    let step = match new.bound_check.as_deref().filter(|_| old.populated) {
        Some(check) => {
            let (add, validate, drop) = proof(table, check);
            attach.push(drop);
            Step {
                sql: vec![add],
                ..step
            }
            .finished_by(vec![vec![validate], attach])
        }
        None => Step {
            sql: attach,
            ..step
        }
        .in_phase(Phase::Own),
    };
    d.step(step.with_hazard(default_scan(d, parent)));
}

/// The CHECK that proves `table`'s rows satisfy `check` (its bound): added `NOT VALID`,
/// validated, and dropped once the partition is attached.
fn proof(table: &str, check: &str) -> (String, String, String) {
    let helper = bound_helper(table);
    (
        format!("ALTER TABLE {table} ADD CONSTRAINT {helper} CHECK ({check}) NOT VALID;"),
        format!("ALTER TABLE {table} VALIDATE CONSTRAINT {helper};"),
        format!("ALTER TABLE {table} DROP CONSTRAINT {helper};"),
    )
}

/// A new partition of a parent whose DEFAULT partition holds rows: created beside it with
/// the rows it now takes moved out of the DEFAULT partition (which would otherwise refuse
/// the new bound), in the catalog transaction; `None` when there is no such DEFAULT.
pub fn beside_default(d: &Differ, object: &Object) -> Option<(Vec<String>, Hazard)> {
    let (parent, bound) = d.to.tables.get(&object.name)?.partition_of.as_ref()?;
    if bound == "DEFAULT" || !d.kept(Kind::Table, parent) {
        return None;
    }
    let (default, shape) = default_partition(d.from.tables.iter(), parent)?;
    if !shape.populated || !d.kept(Kind::Table, default) {
        return None;
    }
    let check = d.to.tables[&object.name].bound_check.as_deref()?;
    // Generated columns compute themselves again; identity columns keep their values.
    let columns = d.to.tables[parent]
        .columns
        .iter()
        .filter(|c| c.generated.is_none())
        .map(|c| c.name.as_str())
        .collect::<Vec<_>>()
        .join(", ");
    let (size, time) = cost(shape.bytes, Work::Scan);
    let hazard = Hazard {
        kind: "rows_move",
        why: format!(
            "the rows of {default} that {} takes move there while {parent} and {default} ({size}) are locked against reads and writes, for about {time} and the time the rows take to move; SELECT count(*) FROM {default} WHERE {check}; counts them",
            object.name
        ),
        rule: None,
    };
    Some((
        vec![
            format!("ALTER TABLE {parent} DETACH PARTITION {default};"),
            object.create.clone(),
            format!(
                "WITH moved AS (DELETE FROM {default} WHERE {check} RETURNING {columns})\nINSERT INTO {parent} ({columns}) OVERRIDING SYSTEM VALUE SELECT {columns} FROM moved;"
            ),
            format!("ALTER TABLE {parent} ATTACH PARTITION {default} DEFAULT;"),
        ],
        hazard,
    ))
}

/// Attaching a partition reads the parent's DEFAULT partition, when it holds rows, for any
/// that belong to the new bound: under its lock, which no CHECK on the new partition spares.
fn default_scan(d: &Differ, parent: &str) -> Option<Hazard> {
    let (default, shape) = default_partition(d.from.tables.iter(), parent)?;
    if !shape.populated {
        return None;
    }
    let (size, time) = cost(shape.bytes, Work::Scan);
    Some(Hazard {
        kind: "default_scan",
        why: format!(
            "ATTACH PARTITION reads {default} ({size}), the DEFAULT partition of {parent}, for rows of the new bound while it is locked against reads and writes, for about {time}"
        ),
        rule: None,
    })
}

/// The DEFAULT partition of `parent` among `tables`.
fn default_partition<'a>(
    mut tables: impl Iterator<Item = (&'a String, &'a Table)>,
    parent: &str,
) -> Option<(&'a str, &'a Table)> {
    tables
        .find(|(_, t)| {
            t.partition_of
                .as_ref()
                .is_some_and(|(p, bound)| p == parent && bound == "DEFAULT")
        })
        .map(|(name, t)| (name.as_str(), t))
}

/// The same columns, whether declared or inherited.
fn same_columns(old: &Table, new: &Table) -> bool {
    old.columns.len() == new.columns.len()
        && old.columns.iter().zip(&new.columns).all(|(a, b)| {
            a.name == b.name
                && a.data_type == b.data_type
                && a.collation == b.collation
                && a.default == b.default
                && a.not_null == b.not_null
                && a.identity == b.identity
                && a.generated == b.generated
        })
}

/// An index or constraint of a table being attached that the parent has too, as `to` has
/// it: `ATTACH PARTITION` adopts it as the partition's own copy, so it is not dropped.
pub fn adopted(d: &Differ, object: &Object) -> bool {
    let Some(table) = object.table.as_deref() else {
        return false;
    };
    match place_of(d, table) {
        Some(Place::Attached { parent, .. }) => twin(&d.to.objects, object, parent),
        _ => false,
    }
}

/// An index or constraint `to` gives a table being detached that it had from its parent:
/// `DETACH PARTITION` leaves it the table's own, so it is not created.
pub fn kept_on_detach(d: &Differ, object: &Object) -> bool {
    let Some(table) = object.table.as_deref() else {
        return false;
    };
    match place_of(d, table) {
        Some(Place::Detached { parent }) => twin(&d.from.objects, object, parent),
        _ => false,
    }
}

/// Whether `objects` hold, on `parent`, an index or constraint of the same shape as `object`.
fn twin(objects: &[Object], object: &Object, parent: &str) -> bool {
    let Some(wanted) = shape(object) else {
        return false;
    };
    objects
        .iter()
        .filter(|o| o.table.as_deref() == Some(parent))
        .any(|o| shape(o).as_ref() == Some(&wanted))
}

/// What an index or constraint says beyond its name and its table's.
fn shape(object: &Object) -> Option<(Kind, String)> {
    let table = object.table.as_deref()?;
    let text = object.create.as_str();
    let said = match object.kind {
        Kind::Index => {
            let (head, rest) = text.split_once(" INDEX ")?;
            let (_, definition) = rest.split_once(&format!(" ON {table} "))?;
            format!("{head} {definition}")
        }
        Kind::Constraint | Kind::ForeignKey => text
            .split_once(&format!(" ADD CONSTRAINT {} ", constraint_name(object)))?
            .1
            .to_string(),
        _ => return None,
    };
    Some((object.kind, said))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table(partition_of: Option<(&str, &str)>) -> Table {
        Table {
            partition_of: partition_of.map(|(p, b)| (p.to_string(), b.to_string())),
            ..Table::default()
        }
    }

    #[test]
    fn a_table_keeps_its_rows_unless_its_parent_or_partitioning_changes() {
        let alone = table(None);
        let of_m = table(Some(("public.m", "FOR VALUES IN (1)")));
        let of_n = table(Some(("public.n", "FOR VALUES IN (1)")));
        assert!(keeps_rows(&alone, &of_m));
        assert!(keeps_rows(&of_m, &alone));
        assert!(!keeps_rows(&of_m, &of_n));
        let partitioned = Table {
            partition_key: Some("RANGE (at)".to_string()),
            ..Table::default()
        };
        assert!(!keeps_rows(&alone, &partitioned));
    }

    #[test]
    fn an_index_of_a_partition_is_its_parents_twin_whatever_its_name() {
        let index = |name: &str, table: &str| {
            Object::new(
                Kind::Index,
                format!("public.{name}"),
                format!("CREATE INDEX {name} ON {table} USING btree (at);"),
                String::new(),
                (0, 0),
            )
            .on(table)
        };
        assert_eq!(
            shape(&index("m_at_idx", "public.m")),
            shape(&index("m_1_at_idx", "public.m_1"))
        );
    }
}
