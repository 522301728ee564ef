//! What a plan cannot do online, said above the statement as stripe's pg-schema-diff does: the
//! kind of hazard, what it blocks, and for about how long from the table's size.

use super::Object;
use super::Table;
use super::plan::Hazard;
use super::plan::locks::{Work, cost};

/// Rewriting a table (a column type whose values change representation): every read and
/// write of it waits while the rows and its indexes are written again.
pub fn table_rewrite(table: &str, shape: &Table, change: &str) -> Hazard {
    let (size, time) = cost(shape.bytes, Work::Build);
    Hazard {
        kind: "table_rewrite",
        why: format!(
            "{change} rewrites {table} ({size}) and its indexes under ACCESS EXCLUSIVE: every read and write of {table} waits for about {time}"
        ),
        rule: Some(("changing-column-type", " TYPE ")),
    }
}

/// An index built under its table's lock: on a partitioned table (which the server cannot
/// build concurrently) or for an exclusion constraint.
pub fn index_build(table: &str, shape: &Table, object: &Object) -> Hazard {
    let rule = match object.kind {
        super::Kind::Index => ("require-concurrent-index-creation", "CREATE "),
        _ => ("constraint-missing-not-valid", " ADD CONSTRAINT "),
    };
    let (size, time) = cost(shape.bytes, Work::Build);
    Hazard {
        kind: "index_build",
        why: format!(
            "{} {} is built while {table} ({size}) is locked against writes, for about {time}: it cannot be built CONCURRENTLY",
            object.kind.label(),
            object.name,
        ),
        rule: Some(rule),
    }
}

/// Renaming NOT NULL constraints (PostgreSQL 18 names them) to the names the target gives
/// them: brief, but a client that matches an error's constraint name sees the new one.
pub fn constraint_rename(table: &str) -> Hazard {
    Hazard {
        kind: "constraint_rename",
        why: format!(
            "renames NOT NULL constraints of {table} to the names the schema gives them: an application that matches a constraint's name in its errors sees the new name"
        ),
        rule: Some(("renaming-object", " RENAME CONSTRAINT ")),
    }
}
