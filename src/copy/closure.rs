//! Which rows a copy takes, found in the source's snapshot by reading only row addresses
//! (`tableoid`, `ctid`, stable within one snapshot): the start rows; the rows of follow tables
//! that reference rows taken with their children (transitively); and every row a taken row
//! references, which brings no children of its own. A table all of whose rows are taken is
//! held as "all", not as addresses, so a whole-table copy keeps no list in memory.

use std::collections::{BTreeMap, HashSet, VecDeque};

use anyhow::{Context, Result};
use tokio_postgres::Client;

use super::scope::Scope;
use super::tables::{Edge, Tables};
use crate::db::PgError;

/// A row's address in the snapshot: the table (a partition's own) and its `ctid`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct RowId {
    rel: u32,
    block: u32,
    offset: u16,
}

/// Rows of one table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Rows {
    All,
    Some(HashSet<RowId>),
}

impl Rows {
    fn none() -> Rows {
        Rows::Some(HashSet::new())
    }

    /// Add `new`; what was not there before (`All` when `new` was all of them).
    fn add(&mut self, new: Rows, total: u64) -> Option<Rows> {
        let added = match (&mut *self, new) {
            (Rows::All, _) => return None,
            (_, Rows::All) => Rows::All,
            (Rows::Some(have), Rows::Some(new)) => {
                let fresh: HashSet<RowId> =
                    new.into_iter().filter(|id| !have.contains(id)).collect();
                if fresh.is_empty() {
                    return None;
                }
                have.extend(fresh.iter().copied());
                Rows::Some(fresh)
            }
        };
        if added == Rows::All || matches!(self, Rows::Some(have) if have.len() as u64 >= total) {
            *self = Rows::All;
        }
        Some(added)
    }
}

/// How a table's rows came into the copy, for `--plan`.
#[derive(Debug, Clone)]
pub enum Reason {
    Start(String),
    /// Its rows reference rows taken with their children, through this relation.
    Follows(Edge),
    /// Taken rows reference its rows through this relation.
    Referenced(Edge),
}

/// The rows a copy takes, table by table.
#[derive(Debug)]
pub struct Selection {
    pub rows: BTreeMap<String, Rows>,
    /// How many rows each table has in the snapshot.
    pub totals: BTreeMap<String, u64>,
    /// How each table first got rows.
    pub reasons: BTreeMap<String, Reason>,
}

impl Selection {
    pub fn count(&self, table: &str) -> u64 {
        match &self.rows[table] {
            Rows::All => self.totals[table],
            Rows::Some(ids) => ids.len() as u64,
        }
    }

    pub fn total(&self) -> u64 {
        self.rows.keys().map(|t| self.count(t)).sum()
    }
}

/// Addresses per query: large lists are asked for in pieces.
const PIECE: usize = 20_000;

/// Find the rows `scope` takes, on `client` (inside the copy's snapshot).
pub async fn select(client: &Client, tables: &Tables, scope: &Scope) -> Result<Selection> {
    let mut totals = BTreeMap::new();
    for name in &scope.order {
        let sql = format!("SELECT count(*) FROM {}", tables.tables[name].from());
        let row = query_one(client, &sql)
            .await
            .with_context(|| format!("could not count the rows of {name}"))?;
        totals.insert(name.clone(), row.get::<_, i64>(0) as u64);
    }
    let none = || {
        scope
            .order
            .iter()
            .map(|t| (t.clone(), Rows::none()))
            .collect()
    };
    let mut found = Found {
        taken: none(),
        bring: none(),
        reasons: BTreeMap::new(),
        totals,
        down: VecDeque::new(),
        up: VecDeque::new(),
    };
    for (table, start) in &scope.start {
        let rows = match start.every_row() {
            true => Rows::All,
            false => {
                let sql = format!(
                    "SELECT tableoid, ctid::text FROM {} {}",
                    tables.tables[table].from(),
                    start.filter
                );
                Rows::Some(
                    addresses(client, &sql)
                        .await
                        .with_context(|| format!("could not read the start rows {start}"))?,
                )
            }
        };
        found.take(table, rows, true, Reason::Start(start.to_string()));
    }
    while !found.down.is_empty() || !found.up.is_empty() {
        while let Some((parent, fresh)) = found.down.pop_front() {
            let follow = scope
                .edges
                .iter()
                .filter(|e| e.parent == parent && scope.follow.contains(&e.child));
            for edge in follow {
                if found.bring[&edge.child] == Rows::All {
                    continue;
                }
                let rows = match (&fresh, edge.enforced && not_null(tables, edge)) {
                    // The constraint says it already: every child row has its parent.
                    (Rows::All, true) => Rows::All,
                    _ => related(client, tables, edge, &fresh, Direction::Children).await?,
                };
                found.take(&edge.child, rows, true, Reason::Follows(edge.clone()));
            }
        }
        while let Some((child, fresh)) = found.up.pop_front() {
            for edge in scope.edges.iter().filter(|e| e.child == child) {
                if found.taken[&edge.parent] == Rows::All {
                    continue;
                }
                let rows = related(client, tables, edge, &fresh, Direction::Parents).await?;
                found.take(&edge.parent, rows, false, Reason::Referenced(edge.clone()));
            }
        }
    }
    Ok(Selection {
        rows: found.taken,
        totals: found.totals,
        reasons: found.reasons,
    })
}

/// The rows found so far, and what is left to follow from them.
struct Found {
    taken: BTreeMap<String, Rows>,
    /// The taken rows that bring their children in follow tables.
    bring: BTreeMap<String, Rows>,
    reasons: BTreeMap<String, Reason>,
    totals: BTreeMap<String, u64>,
    /// Rows newly taken with their children: their children are still to be found.
    down: VecDeque<(String, Rows)>,
    /// Rows newly taken: what they reference is still to be found.
    up: VecDeque<(String, Rows)>,
}

impl Found {
    fn take(&mut self, table: &str, rows: Rows, children: bool, reason: Reason) {
        let total = self.totals[table];
        let entry = |map: &mut BTreeMap<String, Rows>, rows: Rows| {
            map.get_mut(table).expect("a copied table").add(rows, total)
        };
        // The rows are copied only when they go to both sets: a list can be long.
        if children && let Some(fresh) = entry(&mut self.bring, rows.clone()) {
            self.down.push_back((table.to_string(), fresh));
        }
        if let Some(fresh) = entry(&mut self.taken, rows) {
            if !matches!(&fresh, Rows::Some(ids) if ids.is_empty()) {
                self.reasons.entry(table.to_string()).or_insert(reason);
            }
            self.up.push_back((table.to_string(), fresh));
        }
    }
}

/// Whether every column of `edge`'s child side is NOT NULL.
fn not_null(tables: &Tables, edge: &Edge) -> bool {
    let child = &tables.tables[&edge.child];
    edge.columns
        .iter()
        .all(|c| child.column(c).is_some_and(|c| c.not_null))
}

#[derive(Clone, Copy)]
enum Direction {
    /// The edge's child rows that reference the given parent rows.
    Children,
    /// The edge's parent rows that the given child rows reference.
    Parents,
}

/// The rows at the other end of `edge` from `from`.
async fn related(
    client: &Client,
    tables: &Tables,
    edge: &Edge,
    from: &Rows,
    direction: Direction,
) -> Result<Rows> {
    let child = &tables.tables[&edge.child];
    let parent = &tables.tables[&edge.parent];
    let meet = edge.meet();
    let (wanted, wanted_alias, given, given_alias) = match direction {
        Direction::Children => (child, "c", parent, "p"),
        Direction::Parents => (parent, "p", child, "c"),
    };
    let query = |predicate: &str| {
        format!(
            "SELECT {wanted_alias}.tableoid, {wanted_alias}.ctid::text FROM {} {wanted_alias} \
             WHERE EXISTS (SELECT FROM {} {given_alias} WHERE {meet} AND ({predicate}))",
            wanted.from(),
            given.from()
        )
    };
    let context = || format!("could not find the rows related through {edge}");
    match from {
        Rows::All => {
            // Often every row is related (each activity has its user): say so without listing.
            let every = format!(
                "SELECT NOT EXISTS (SELECT FROM {} {wanted_alias} WHERE NOT EXISTS (SELECT FROM {} {given_alias} WHERE {meet}))",
                wanted.from(),
                given.from()
            );
            if query_one(client, &every)
                .await
                .with_context(context)?
                .get::<_, bool>(0)
            {
                return Ok(Rows::All);
            }
            Ok(Rows::Some(
                addresses(client, &query("true"))
                    .await
                    .with_context(context)?,
            ))
        }
        Rows::Some(ids) => {
            let mut found = HashSet::new();
            let mut ids: Vec<RowId> = ids.iter().copied().collect();
            ids.sort_unstable();
            for piece in ids.chunks(PIECE) {
                found.extend(
                    addresses(client, &query(&among(given_alias, piece)))
                        .await
                        .with_context(context)?,
                );
            }
            Ok(Rows::Some(found))
        }
    }
}

/// A condition true of exactly the rows at `ids` (sorted), for a table aliased `alias`.
pub fn among(alias: &str, ids: &[RowId]) -> String {
    let mut parts = Vec::new();
    for group in ids.chunk_by(|a, b| a.rel == b.rel) {
        let list: Vec<String> = group
            .iter()
            .map(|id| format!("\"({},{})\"", id.block, id.offset))
            .collect();
        parts.push(format!(
            "({alias}.tableoid = {} AND {alias}.ctid = ANY ('{{{}}}'::tid[]))",
            group[0].rel,
            list.join(",")
        ));
    }
    match parts.len() {
        0 => "false".into(),
        _ => parts.join(" OR "),
    }
}

/// The rows of `ids` in the source's order, in pieces of at most `PIECE`.
pub fn pieces(ids: &HashSet<RowId>) -> Vec<Vec<RowId>> {
    let mut ids: Vec<RowId> = ids.iter().copied().collect();
    ids.sort_unstable();
    ids.chunks(PIECE).map(<[RowId]>::to_vec).collect()
}

async fn query_one(client: &Client, sql: &str) -> Result<tokio_postgres::Row> {
    client
        .query_one(sql, &[])
        .await
        .map_err(|err| PgError(err).into())
}

async fn addresses(client: &Client, sql: &str) -> Result<HashSet<RowId>> {
    let rows = client.query(sql, &[]).await.map_err(PgError)?;
    rows.iter()
        .map(|row| {
            let rel: u32 = row.get(0);
            let ctid: &str = row.get(1);
            parse_ctid(ctid)
                .map(|(block, offset)| RowId { rel, block, offset })
                .with_context(|| format!("the server gave an address that is not a ctid: {ctid}"))
        })
        .collect()
}

/// `(block,offset)` as `ctid::text` writes it.
fn parse_ctid(text: &str) -> Option<(u32, u16)> {
    let (block, offset) = text.strip_prefix('(')?.strip_suffix(')')?.split_once(',')?;
    Some((block.parse().ok()?, offset.parse().ok()?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_set_that_reaches_the_table_size_becomes_all_and_all_takes_nothing_more() {
        let id = |offset| RowId {
            rel: 1,
            block: 0,
            offset,
        };
        let mut rows = Rows::none();
        assert!(rows.add(Rows::Some([id(1)].into()), 2).is_some());
        assert!(rows.add(Rows::Some([id(1)].into()), 2).is_none());
        assert_eq!(
            rows.add(Rows::Some([id(2)].into()), 2),
            Some(Rows::Some([id(2)].into()))
        );
        assert_eq!(rows, Rows::All);
        assert!(rows.add(Rows::All, 2).is_none());
    }

    #[test]
    fn addresses_are_grouped_by_partition_in_one_condition() {
        let ids = [
            RowId {
                rel: 5,
                block: 0,
                offset: 1,
            },
            RowId {
                rel: 5,
                block: 2,
                offset: 3,
            },
            RowId {
                rel: 7,
                block: 0,
                offset: 1,
            },
        ];
        assert_eq!(
            among("t", &ids),
            "(t.tableoid = 5 AND t.ctid = ANY ('{\"(0,1)\",\"(2,3)\"}'::tid[])) OR (t.tableoid = 7 AND t.ctid = ANY ('{\"(0,1)\"}'::tid[]))"
        );
        assert_eq!(parse_ctid("(12,3)"), Some((12, 3)));
        assert_eq!(parse_ctid("12,3"), None);
    }
}
