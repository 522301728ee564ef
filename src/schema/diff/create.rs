//! Creating what `from` lacks (or what is made anew), online when its table already holds
//! rows: indexes built concurrently, CHECK and FOREIGN KEY added `NOT VALID` and validated in a
//! transaction of their own, PRIMARY KEY and UNIQUE made from an index built concurrently;
//! and the owner and privileges it is created with.

use super::{Differ, constraint_name};
use crate::schema::plan::{Change, Phase, Step};
use crate::schema::{Kind, Object, comment_sql, label_sql, partitions, privileges};

impl Differ<'_> {
    /// Create object `i` of `to`, which `from` lacks (or had and is recreated), online when
    /// its table already holds rows: indexes built concurrently, constraints added `NOT
    /// VALID` and validated in a transaction of their own, unique constraints and primary
    /// keys made from an index built concurrently.
    pub(super) fn create(&mut self, i: usize) {
        let to = self.to;
        let object = &to.objects[i];
        let table = object
            .table
            .as_deref()
            .filter(|t| self.kept(Kind::Table, t))
            .and_then(|t| Some((t, self.from.tables.get(t)?)));
        // A partitioned table's index cannot be built concurrently (the server refuses).
        let online = table.is_some_and(|(_, t)| t.partition_key.is_none());
        // What needs an index built concurrently waits for it, in a transaction of its own.
        let mut phase = match to.depends.iter().any(|&(d, r)| {
            d == i
                && matches!(to.objects[r].kind, Kind::Index | Kind::Constraint)
                && self.concurrent.contains(&to.objects[r].name)
        }) {
            true => Phase::Own,
            false => Phase::Catalog,
        };
        let unique = match object.kind {
            Kind::Constraint if online => unique_from_index(object),
            _ => None,
        };
        if partitions::kept_on_detach(self, object) {
            return;
        }
        let mut sql = Vec::new();
        let mut then = Vec::new();
        let mut hazard = None;
        match (object.kind, unique) {
            (Kind::Schema, _) if object.create.is_empty() => {}
            (Kind::Index, _) if online => {
                sql.push(object.create.replacen(" INDEX ", " INDEX CONCURRENTLY ", 1));
                self.concurrent.insert(object.name.clone());
                phase = Phase::Concurrent;
            }
            (Kind::Constraint, Some((build, attach))) => {
                sql.push(build);
                then.push(vec![attach]);
                self.concurrent.insert(object.name.clone());
                phase = Phase::Concurrent;
            }
            (Kind::ForeignKey | Kind::Constraint, _)
                if table.is_some() && validates_later(object) =>
            {
                let constraint = constraint_name(object);
                let table = object.table.as_deref().unwrap_or_default();
                sql.push(format!(
                    "{} NOT VALID;",
                    object.create.trim_end_matches(';')
                ));
                then.push(vec![format!(
                    "ALTER TABLE {table} VALIDATE CONSTRAINT {constraint};"
                )]);
            }
            (Kind::MaterializedView, _) => {
                sql.push(object.create.replace("\nWITH NO DATA;", "\nWITH DATA;"))
            }
            (Kind::Table, _)
                if let Some((moving, why)) = partitions::beside_default(self, object) =>
            {
                sql.extend(moving);
                hazard = Some(why);
            }
            _ => {
                sql.push(object.create.clone());
                if let Some((name, shape)) = table.filter(|(_, t)| t.populated)
                    && matches!(object.kind, Kind::Index | Kind::Constraint)
                {
                    hazard = Some(crate::schema::hazards::index_build(name, shape, object));
                }
            }
        }
        let mut extras: Vec<String> = object
            .comments
            .iter()
            .map(|(target, text)| comment_sql(target, Some(text)))
            .collect();
        extras.extend(
            object
                .labels
                .iter()
                .map(|(target, provider, label)| label_sql(target, provider, Some(label))),
        );
        extras.extend(self.grants(i));
        // What names the object comes once it has that name.
        match then.last_mut() {
            Some(last) => last.extend(extras),
            None => sql.extend(extras),
        }
        if sql.is_empty() {
            return;
        }
        self.step(
            Step::new(object.kind, object.name.clone(), Change::Create, sql)
                .in_phase(phase)
                .finished_by(then)
                .with_hazard(hazard),
        );
    }

    /// The owner and privileges of object `i` of `to` as it is created: anew, as the options
    /// say; dropped and created again, see [`Differ::regrants`].
    fn grants(&self, i: usize) -> Vec<String> {
        let object = &self.to.objects[i];
        match self.pairs[i].filter(|f| self.recreate.contains(f)) {
            Some(_) => self.regrants(object),
            None => privileges::created(object, self.options),
        }
    }

    /// The owner and privileges of `object` (of `to`) as the plan makes it again under the
    /// same name: as `to` has them where the options compare them; else as `from` had them,
    /// so that the plan does not lose what nobody asked it to change (the role that reads a
    /// view, a function's `EXECUTE` revoked from PUBLIC).
    pub fn regrants(&self, object: &Object) -> Vec<String> {
        match self.from_index.get(&(object.kind, object.name.as_str())) {
            Some(&f) => privileges::restored(object, &self.from.objects[f], self.options),
            None => privileges::created(object, self.options),
        }
    }
}

/// A foreign key or check constraint, which `NOT VALID` then `VALIDATE` can add without
/// blocking writes while the rows are checked.
fn validates_later(object: &Object) -> bool {
    let definition = object
        .create
        .split_once(&format!(" {} ", constraint_name(object)))
        .map_or("", |(_, rest)| rest);
    (definition.starts_with("FOREIGN KEY") || definition.starts_with("CHECK"))
        && !definition.contains("NOT VALID")
}

/// A new primary key or unique constraint as an index built concurrently, and the statement
/// that makes the index the constraint (`ADD CONSTRAINT ... USING INDEX`), which then takes
/// its lock only for a moment. `None` for what an index cannot say first (a temporal key).
fn unique_from_index(object: &Object) -> Option<(String, String)> {
    let table = object.table.as_deref()?;
    let name = constraint_name(object);
    // A `CLUSTER ON` line follows the constraint it names.
    let (create, clustered) = match object.create.split_once('\n') {
        Some((create, clustered)) => (create, format!("\n{clustered}")),
        None => (object.create.as_str(), String::new()),
    };
    let definition = create
        .split_once(&format!(" ADD CONSTRAINT {name} "))?
        .1
        .trim_end_matches(';');
    let (head, rest) = ["PRIMARY KEY ", "UNIQUE "]
        .iter()
        .find_map(|h| Some((h.trim_end(), definition.strip_prefix(h)?)))?;
    if rest.contains("WITHOUT OVERLAPS") {
        return None;
    }
    let (rest, nulls) = match rest.strip_prefix("NULLS NOT DISTINCT ") {
        Some(rest) => (rest, " NULLS NOT DISTINCT"),
        None => (rest, ""),
    };
    let (rest, deferrable) = match rest.find(" DEFERRABLE") {
        Some(at) => (&rest[..at], &rest[at..]),
        None => (rest, ""),
    };
    let rest = rest.replace(" USING INDEX TABLESPACE ", " TABLESPACE ");
    // CREATE INDEX says NULLS NOT DISTINCT after INCLUDE and before WITH and TABLESPACE.
    let at = [" WITH (", " TABLESPACE "]
        .iter()
        .filter_map(|k| rest.find(k))
        .min()
        .unwrap_or(rest.len());
    let columns = format!("{}{nulls}{}", &rest[..at], &rest[at..]);
    Some((
        format!("CREATE UNIQUE INDEX CONCURRENTLY {name} ON {table} {columns};"),
        format!(
            "ALTER TABLE {table} ADD CONSTRAINT {name} {head} USING INDEX {name}{deferrable};{clustered}"
        ),
    ))
}
