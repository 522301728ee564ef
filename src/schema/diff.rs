//! Comparing two schemas into the plan that turns `from` into `to`: drops first, in reverse
//! dependency order of `from`, then creations and changes in dependency order of `to`. Each
//! object family says how its objects change in place (`Alter`); what cannot is recreated
//! with everything that depends on it. The plan never guesses a rename, is safe on tables that
//! hold rows (indexes built concurrently, constraints added `NOT VALID` then validated, `NOT
//! NULL` proved by a validated check first), and puts a `-- DATA LOSS:` line above every
//! statement that loses data.

use std::collections::{BTreeSet, HashMap, HashSet};

use super::plan::{Change, Phase, Plan, Step};
use super::{
    Column, Detail, Kind, Object, Options, Schema, column_changes, comment_sql, indexes, label_sql,
    namespaces, partitions, privileges, publications, routines, sequences, tables, types,
};

/// The migration history is the migrations' business, never a schema change.
const HISTORY: &str = "public.schema_migrations";

/// What a diff leaves alone: the migration history, and default privileges unless asked.
fn ignored(object: &Object, options: Options) -> bool {
    object.name == HISTORY
        || object.table.as_deref() == Some(HISTORY)
        || (object.kind == Kind::DefaultPrivileges && !options.privileges)
}

/// How an object becomes its counterpart in the other schema.
#[derive(Debug, Clone)]
pub enum Alter {
    /// In place, by these statements (none when only its comment, owner or privileges change).
    Steps(Vec<String>),
    /// In place, while whatever depends on it goes and comes back around the statements (a
    /// type its columns are converted to).
    Convert {
        sql: Vec<String>,
        data_loss: Option<String>,
    },
    /// Dropped and created again, with whatever depends on it.
    Recreate,
}

/// How a column's values get from one type to another.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CastPath {
    /// A cast the server has (or the same type with another modifier): `USING col::new`.
    Direct,
    /// Through the values' text, for enums and strings: `USING col::text::new`.
    ThroughText,
    /// None: the column is made anew, and its values are lost.
    None,
}

/// The plan that makes `from` equal to `to`, comparing owners and privileges when `options`
/// say so.
pub fn diff(from: &Schema, to: &Schema, options: Options) -> Plan {
    // A value an enum gains cannot be used before the plan commits: an enum whose new values
    // the plan uses becomes a new type instead, found by trying.
    let mut forced = HashSet::new();
    loop {
        let plan = Differ::new(from, to, options, &forced).run();
        let more: HashSet<String> = early_enum_uses(&plan, from, to)
            .into_iter()
            .filter(|name| !forced.contains(name))
            .collect();
        if more.is_empty() {
            return plan;
        }
        forced.extend(more);
    }
}

/// Enums the plan gives new values with `ADD VALUE` and then uses (`'new'::type`) in a later
/// statement of the same transaction.
fn early_enum_uses(plan: &Plan, from: &Schema, to: &Schema) -> Vec<String> {
    let mut found = Vec::new();
    for object in &to.objects {
        let Detail::Enum(now) = &object.detail else {
            continue;
        };
        let Some(Detail::Enum(was)) = from
            .find(Kind::Type, &object.name)
            .map(|f| &from.objects[f].detail)
        else {
            continue;
        };
        let added: Vec<String> = now
            .iter()
            .filter(|l| !was.contains(l))
            .map(|l| format!("{l}::{}", object.name))
            .collect();
        let used = plan
            .steps
            .iter()
            .filter(|s| {
                s.phase == Phase::Catalog && !s.sql.iter().any(|q| q.contains(" ADD VALUE "))
            })
            .flat_map(|s| &s.sql)
            .any(|sql| added.iter().any(|a| sql.contains(a.as_str())));
        if used {
            found.push(object.name.clone());
        }
    }
    found
}

/// One comparison: both schemas, what each object of `to` is in `from`, what must be
/// recreated, and the plan as it grows.
pub struct Differ<'a> {
    pub from: &'a Schema,
    pub to: &'a Schema,
    options: Options,
    /// Enums that must become a new type (see [`diff`]).
    forced: &'a HashSet<String>,
    from_index: HashMap<(Kind, &'a str), usize>,
    to_index: HashMap<(Kind, &'a str), usize>,
    /// For each object of `to`, its counterpart in `from`.
    pairs: Vec<Option<usize>>,
    /// How each object of `to` that changed is altered, by its position.
    alters: HashMap<usize, Alter>,
    /// Objects of `from` dropped and created again.
    recreate: HashSet<usize>,
    /// Types converted under their columns, by name.
    converting: HashSet<String>,
    /// Types and collations dropped at the end, once their columns have moved to others.
    late: Vec<usize>,
    /// Tables whose columns change type: views over them are recreated.
    reshaped: HashSet<usize>,
    /// `(table, column)` whose default the drops removed, to be set again.
    pub cleared_defaults: HashSet<(String, String)>,
    /// `(table, column)` the drops removed although `to` has them (generated columns whose
    /// expression uses what is recreated): added again.
    pub dropped_columns: HashSet<(String, String)>,
    /// Indexes built `CONCURRENTLY` after the transaction, by name.
    concurrent: HashSet<String>,
    pub plan: Plan,
}

impl<'a> Differ<'a> {
    fn new(
        from: &'a Schema,
        to: &'a Schema,
        options: Options,
        forced: &'a HashSet<String>,
    ) -> Differ<'a> {
        let index = |schema: &'a Schema| -> HashMap<(Kind, &'a str), usize> {
            schema
                .objects
                .iter()
                .enumerate()
                .map(|(i, o)| ((o.kind, o.name.as_str()), i))
                .collect()
        };
        let from_index = index(from);
        let to_index = index(to);
        let pairs = to
            .objects
            .iter()
            .map(|o| from_index.get(&(o.kind, o.name.as_str())).copied())
            .collect();
        Differ {
            from,
            to,
            options,
            forced,
            from_index,
            to_index,
            pairs,
            alters: HashMap::new(),
            recreate: HashSet::new(),
            converting: HashSet::new(),
            late: Vec::new(),
            reshaped: HashSet::new(),
            cleared_defaults: HashSet::new(),
            dropped_columns: HashSet::new(),
            concurrent: HashSet::new(),
            plan: Plan {
                sizes: from
                    .tables
                    .iter()
                    .map(|(name, table)| (name.clone(), table.bytes))
                    .collect(),
                ..Plan::default()
            },
        }
    }

    fn run(mut self) -> Plan {
        self.decide();
        self.drops();
        for i in 0..self.to.objects.len() {
            let object = &self.to.objects[i];
            if ignored(object, self.options) {
                continue;
            }
            match self.pairs[i] {
                Some(f) if !self.recreate.contains(&f) => self.change(f, i),
                _ => self.create(i),
            }
        }
        for f in std::mem::take(&mut self.late) {
            self.drop(f);
        }
        self.plan
    }

    /// Whether enum or domain `name` must become a new type its columns are converted to.
    pub fn converts(&self, name: &str) -> bool {
        self.forced.contains(name)
    }

    /// Whether type `name` (or the element type of array type `name`) is being converted
    /// under its columns, which the conversion then gives their new defaults.
    pub fn converting(&self, name: &str) -> bool {
        self.converting
            .contains(name.strip_suffix("[]").unwrap_or(name))
    }

    /// Whether every value of enum `from` (as `from` has it) is a value of enum `to` (as `to`
    /// has it).
    pub fn enum_fits(&self, from: &str, to: &str) -> bool {
        let labels = |schema: &Schema, name: &str| {
            schema
                .objects
                .iter()
                .find(|o| o.kind == Kind::Type && o.name == name)
                .and_then(|o| match &o.detail {
                    Detail::Enum(labels) => Some(labels.clone()),
                    _ => None,
                })
        };
        match (labels(self.from, from), labels(self.to, to)) {
            (Some(a), Some(b)) => a.iter().all(|l| b.contains(l)),
            _ => false,
        }
    }

    /// The object of `to` of this kind and name.
    pub fn in_to(&self, kind: Kind, name: &str) -> Option<&'a Object> {
        self.to_index
            .get(&(kind, name))
            .map(|&i| &self.to.objects[i])
    }

    /// The object of `from` of this kind and name, unless it is dropped or recreated.
    pub fn kept(&self, kind: Kind, name: &str) -> bool {
        self.from_index
            .get(&(kind, name))
            .is_some_and(|&f| !self.recreate.contains(&f) && self.in_to(kind, name).is_some())
    }

    /// How values of type `from` (a `format_type` name without modifier) reach type `to`.
    pub fn cast_path(&self, from: &str, to: &str) -> CastPath {
        let base = |name: &str| -> String {
            let facts = self.to.types.get(name).or(self.from.types.get(name));
            facts
                .and_then(|f| f.base.clone())
                .unwrap_or_else(|| name.to_string())
        };
        let (a, b) = (base(from), base(to));
        let has_cast = |a: &str, b: &str| {
            self.from.casts.contains(&(a.to_string(), b.to_string()))
                || self.to.casts.contains(&(a.to_string(), b.to_string()))
        };
        if a == b || has_cast(&a, &b) {
            return CastPath::Direct;
        }
        let category = |name: &str| {
            self.to
                .types
                .get(name)
                .or(self.from.types.get(name))
                .map(|f| f.category)
        };
        let textual = |name: &str| matches!(category(name), Some('S' | 'E'));
        if textual(&a) && textual(&b) {
            return CastPath::ThroughText;
        }
        CastPath::None
    }

    /// The columns that keep using type `name` (or an array of it): each one's table, its
    /// column in `from` and its column in `to`.
    pub fn columns_of_type(&self, name: &str) -> Vec<(&'a str, &'a Column, &'a Column)> {
        let array = format!("{name}[]");
        let mut found = Vec::new();
        for (table, shape) in &self.from.tables {
            if !self.kept(Kind::Table, table) || ignored_table(table) {
                continue;
            }
            let Some(new) = self.to.tables.get(table) else {
                continue;
            };
            for column in &shape.columns {
                let uses = column.data_type == name || column.data_type == array;
                let dropped = self
                    .dropped_columns
                    .contains(&(table.clone(), column.name.clone()));
                let Some(now) = new.columns.iter().find(|c| c.name == column.name) else {
                    continue;
                };
                if uses && !dropped && column.local && now.data_type == column.data_type {
                    found.push((table.as_str(), column, now));
                }
            }
        }
        found
    }

    /// Add a step of the plan.
    pub fn step(&mut self, step: Step) {
        self.plan.steps.push(step);
    }

    /// Decide how every changed object changes, then what must be recreated because of it.
    fn decide(&mut self) {
        let (from, to) = (self.from, self.to);
        let mut queue = Vec::new();
        for (i, object) in to.objects.iter().enumerate() {
            let Some(f) = self.pairs[i] else { continue };
            let old = &from.objects[f];
            let same = old.create == object.create && old.detail == object.detail;
            let alter = match object.kind {
                Kind::Table => {
                    let (verdict, retyped, readded) = tables::verdict(self, &old.name);
                    if retyped {
                        self.reshaped.insert(f);
                    }
                    // A column dropped and added again takes what reads it along.
                    for (reader, table, column) in &from.column_readers {
                        if *table == f && readded.contains(column) && self.recreate.insert(*reader)
                        {
                            queue.push(*reader);
                        }
                    }
                    verdict
                }
                _ if same => continue,
                Kind::Type | Kind::Domain => types::alter(self, old, object),
                Kind::Function => routines::alter(old, object),
                Kind::Sequence | Kind::SequenceOwner => sequences::alter(object),
                Kind::Schema | Kind::Extension => namespaces::alter(old, object),
                Kind::Publication => publications::alter(old, object),
                Kind::ReplicaIdentity => Alter::Steps(vec![object.create.clone()]),
                Kind::Index | Kind::Constraint
                    if let Some(sql) = indexes::clustering_change(old, object, &to.objects) =>
                {
                    Alter::Steps(sql)
                }
                Kind::DefaultPrivileges => {
                    Alter::Steps(vec![old.drop.clone(), object.create.clone()])
                }
                _ => Alter::Recreate,
            };
            match &alter {
                Alter::Recreate => {
                    self.recreate.insert(f);
                    queue.push(f);
                }
                Alter::Convert { .. } => {
                    self.converting.insert(object.name.clone());
                    // What uses the type goes and comes back; its columns are converted, and
                    // the views over their tables are recreated.
                    for &(d, r) in &from.depends {
                        if r != f {
                            continue;
                        }
                        match from.objects[d].kind {
                            Kind::Table => {
                                self.reshaped.insert(d);
                            }
                            _ => {
                                if self.recreate.insert(d) {
                                    queue.push(d);
                                }
                            }
                        }
                    }
                }
                Alter::Steps(_) => {}
            }
            self.alters.insert(i, alter);
        }
        for &(d, referenced) in &from.depends {
            let view = matches!(from.objects[d].kind, Kind::View | Kind::MaterializedView);
            if view && self.reshaped.contains(&referenced) && self.recreate.insert(d) {
                queue.push(d);
            }
        }
        while let Some(r) = queue.pop() {
            for &(d, referenced) in &from.depends {
                if referenced != r {
                    continue;
                }
                let (dependent, used) = (&from.objects[d], &from.objects[r]);
                if dependent.kind == Kind::Table {
                    match used.kind {
                        // A partition or child goes with its parent.
                        Kind::Table => {}
                        // Defaults and generated columns are cleared around the drop.
                        Kind::Function | Kind::Sequence => continue,
                        // A column whose type or collation would go with it: no plan keeps
                        // the table's rows, and none that loses them is made silently.
                        _ => {
                            self.plan.refusals.push(format!(
                                "{} {} cannot change in place, and table {} uses it",
                                used.kind.label(),
                                used.name,
                                dependent.name
                            ));
                            continue;
                        }
                    }
                }
                if self.recreate.insert(d) {
                    queue.push(d);
                }
            }
        }
    }

    fn gone(&self, f: usize) -> bool {
        let object = &self.from.objects[f];
        self.recreate.contains(&f) || self.in_to(object.kind, &object.name).is_none()
    }

    /// Drop what `to` lacks and what is recreated, dependents first. What goes with a dropped
    /// table (its indexes, constraints, triggers, owned sequences) is not dropped again.
    fn drops(&mut self) {
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
    fn drop(&mut self, f: usize) {
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

    /// Create object `i` of `to`, which `from` lacks (or had and is recreated), online when
    /// its table already holds rows: indexes built concurrently, constraints added `NOT
    /// VALID` and validated in a transaction of their own, unique constraints and primary
    /// keys made from an index built concurrently.
    fn create(&mut self, i: usize) {
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
                    hazard = Some(super::hazards::index_build(name, shape, object));
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

    /// Change object `f` of `from` into object `i` of `to`: the same object.
    fn change(&mut self, f: usize, i: usize) {
        let (from, to) = (self.from, self.to);
        let (old, new) = (&from.objects[f], &to.objects[i]);
        if new.kind == Kind::Table {
            tables::changes(self, &new.name);
        }
        let (sql, data_loss, converted) = match self.alters.remove(&i) {
            Some(Alter::Steps(sql)) => (sql, None, false),
            Some(Alter::Convert { sql, data_loss }) => (sql, data_loss, true),
            _ => (Vec::new(), None, false),
        };
        if !sql.is_empty() {
            self.step(Step::new(new.kind, new.name.clone(), Change::Alter, sql).losing(data_loss));
        }
        let mut extras = comment_changes(&old.comments, &new.comments);
        extras.extend(label_changes(&old.labels, &new.labels));
        // A converted type is a new one, given its owner and privileges as it was created.
        if !converted {
            extras.extend(privileges::changed(old, new, self.options));
        }
        if !extras.is_empty() {
            self.step(Step::new(new.kind, new.name.clone(), Change::Alter, extras));
        }
    }
}

fn ignored_table(name: &str) -> bool {
    name == HISTORY
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

pub fn constraint_name(object: &Object) -> &str {
    let table = object.table.as_deref().unwrap_or_default();
    object
        .name
        .strip_prefix(table)
        .and_then(|rest| rest.strip_prefix('.'))
        .unwrap_or(&object.name)
}

fn comment_changes(old: &[(String, String)], new: &[(String, String)]) -> Vec<String> {
    let mut sql = Vec::new();
    for (target, text) in new {
        if !old.iter().any(|(t, x)| t == target && x == text) {
            sql.push(comment_sql(target, Some(text)));
        }
    }
    for (target, _) in old {
        if !new.iter().any(|(t, _)| t == target) {
            sql.push(comment_sql(target, None));
        }
    }
    sql
}

fn label_changes(
    old: &[(String, String, String)],
    new: &[(String, String, String)],
) -> Vec<String> {
    let mut sql = Vec::new();
    for (target, provider, label) in new {
        if !old.contains(&(target.clone(), provider.clone(), label.clone())) {
            sql.push(label_sql(target, provider, Some(label)));
        }
    }
    for (target, provider, _) in old {
        if !new.iter().any(|(t, p, _)| t == target && p == provider) {
            sql.push(label_sql(target, provider, None));
        }
    }
    sql
}
