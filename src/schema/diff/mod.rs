//! Comparing two schemas into the plan that turns `from` into `to`: drops first, in reverse
//! dependency order of `from`, then creations and changes in dependency order of `to`. Each
//! object family says how its objects change in place (`Alter`); what cannot is recreated
//! with everything that depends on it. The plan never guesses a rename, is safe on tables that
//! hold rows (indexes built concurrently, constraints added `NOT VALID` then validated, `NOT
//! NULL` proved by a validated check first), and puts a `-- DATA LOSS:` line above every
//! statement that loses data.

mod create;
mod drops;

use std::collections::{HashMap, HashSet};

use super::plan::{Change, Phase, Plan, Step};
use super::{
    Column, Detail, Kind, Object, Options, Schema, comment_sql, indexes, label_sql, namespaces,
    privileges, publications, routines, sequences, tables, types,
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
