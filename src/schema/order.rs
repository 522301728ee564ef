//! Dependency order: every object after what it needs (a type before the table using it, a
//! function before the default calling it, a table before the view reading it), and within
//! what is free to go, by kind then name, so the same schema always comes out the same.

use std::cmp::Reverse;
use std::collections::{BTreeSet, BinaryHeap, HashMap};

use super::{Kind, Schema};

/// A catalog address: (catalog oid, object oid).
pub type Address = (u32, u32);

/// What the catalogs say depends on what.
#[derive(Debug, Default)]
pub struct Edges {
    /// `pg_depend`: (dependent, referenced, whether automatic).
    pub depends: Vec<(Address, Address, bool)>,
    /// A part the catalogs keep apart and the object it belongs to (a column default and
    /// its table, a view's rule and the view, an extension's member and the extension).
    pub parts: Vec<(Address, Address)>,
    /// A column default or generated expression: its table, its column, what it uses.
    pub column_uses: Vec<(Address, String, Address)>,
    /// What reads a column: the reader, the table, the column.
    pub column_readers: Vec<(Address, Address, String)>,
}

/// Put `schema.objects` in dependency order and record the dependencies between them.
pub fn sort(schema: &mut Schema, edges: &Edges) {
    let parts: HashMap<Address, Address> = edges.parts.iter().copied().collect();
    let whole = |mut address: Address| {
        // Parts nest (an array type of a table's row type): a few steps reach the whole.
        for _ in 0..8 {
            match parts.get(&address) {
                Some(&next) if next != address => address = next,
                _ => break,
            }
        }
        address
    };
    let objects = &schema.objects;
    let at: HashMap<Address, usize> = objects
        .iter()
        .enumerate()
        .filter(|(_, o)| o.address.0 != 0)
        .map(|(i, o)| (o.address, i))
        .collect();
    let mut depends: BTreeSet<(usize, usize)> = BTreeSet::new();
    for &(dependent, referenced, automatic) in &edges.depends {
        let (Some(&d), Some(&r)) = (at.get(&whole(dependent)), at.get(&whole(referenced))) else {
            continue;
        };
        // A sequence OWNED BY a column would come after the table whose default calls it:
        // the ownership is an object of its own, after both.
        let owned_sequence =
            automatic && objects[d].kind == Kind::Sequence && objects[r].kind == Kind::Table;
        if d != r && !owned_sequence {
            depends.insert((d, r));
        }
    }
    // What a family knows to come after something else (an ownership after its sequence and
    // table, a replica identity after its index).
    for (d, object) in objects.iter().enumerate() {
        for needed in &object.needs {
            if let Some(&r) = at.get(&whole(*needed))
                && r != d
            {
                depends.insert((d, r));
            }
        }
    }

    let order = topological(schema, &depends);
    let mut position = vec![0; order.len()];
    for (new, &old) in order.iter().enumerate() {
        position[old] = new;
    }
    let column_uses: Vec<(usize, String, usize)> = edges
        .column_uses
        .iter()
        .filter_map(|(table, column, used)| {
            let t = *at.get(table)?;
            let u = *at.get(&whole(*used))?;
            (t != u).then(|| (position[t], column.clone(), position[u]))
        })
        .collect();
    let column_readers: Vec<(usize, usize, String)> = edges
        .column_readers
        .iter()
        .filter_map(|(reader, table, column)| {
            let r = *at.get(&whole(*reader))?;
            let t = *at.get(table)?;
            (r != t).then(|| (position[r], position[t], column.clone()))
        })
        .collect();
    let mut old: Vec<Option<super::Object>> = std::mem::take(&mut schema.objects)
        .into_iter()
        .map(Some)
        .collect();
    schema.objects = order
        .iter()
        .map(|&i| old[i].take().expect("placed once"))
        .collect();
    schema.depends = depends
        .into_iter()
        .map(|(d, r)| (position[d], position[r]))
        .collect();
    schema.column_uses = column_uses;
    schema.column_readers = column_readers;
}

/// Positions of `schema.objects` in an order where every object comes after those it
/// depends on, by kind and name where the order is free.
fn topological(schema: &Schema, depends: &BTreeSet<(usize, usize)>) -> Vec<usize> {
    let objects = &schema.objects;
    let count = objects.len();
    let mut waiting_on = vec![0usize; count];
    let mut dependents: Vec<Vec<usize>> = vec![Vec::new(); count];
    for &(d, r) in depends {
        waiting_on[d] += 1;
        dependents[r].push(d);
    }
    let key = |i: usize| Reverse((objects[i].kind, objects[i].name.clone(), i));
    let mut ready: BinaryHeap<_> = (0..count)
        .filter(|&i| waiting_on[i] == 0)
        .map(key)
        .collect();
    let mut order = Vec::with_capacity(count);
    let mut placed = vec![false; count];
    loop {
        while let Some(Reverse((_, _, i))) = ready.pop() {
            if placed[i] {
                continue;
            }
            order.push(i);
            placed[i] = true;
            for &d in &dependents[i] {
                if !placed[d] && waiting_on[d] > 0 {
                    waiting_on[d] -= 1;
                    if waiting_on[d] == 0 {
                        ready.push(key(d));
                    }
                }
            }
        }
        // A cycle the catalogs allow (rare: a function returning a table's row type used in
        // that table's default) is broken at its first object by kind and name.
        match (0..count).filter(|&i| !placed[i]).map(key).max() {
            Some(Reverse((_, _, i))) => {
                waiting_on[i] = 0;
                ready.push(key(i));
            }
            None => break,
        }
    }
    order
}
