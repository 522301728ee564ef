//! What a plan's statement locks, on which table, and roughly for how long: what each phase's
//! header tells the person about to run it on a database that serves.

use std::collections::BTreeMap;

/// The table lock a statement takes, as PostgreSQL's documentation names them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Lock {
    /// `CREATE INDEX CONCURRENTLY`, `VALIDATE CONSTRAINT`: reads and writes go on.
    ShareUpdateExclusive,
    /// Most of `ALTER TABLE`: everything else on the table waits, so it must be brief.
    AccessExclusive,
}

impl Lock {
    pub fn name(self) -> &'static str {
        match self {
            Lock::ShareUpdateExclusive => "SHARE UPDATE EXCLUSIVE",
            Lock::AccessExclusive => "ACCESS EXCLUSIVE",
        }
    }
}

/// What the statement does with the table's rows while it holds its lock.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Work {
    /// Reads every row (`VALIDATE CONSTRAINT`).
    Scan,
    /// Reads every row and writes an index.
    Build,
    /// Changes the catalogs only.
    Brief,
}

/// One statement's lock: which, on what, doing what.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Taken<'a> {
    pub lock: Lock,
    pub table: &'a str,
    pub work: Work,
}

/// The lock `statement` takes, for the statements plans write on a table; `None` for the rest.
pub fn taken(statement: &str) -> Option<Taken<'_>> {
    let s = statement.trim_start();
    for prefix in [
        "CREATE INDEX CONCURRENTLY ",
        "CREATE UNIQUE INDEX CONCURRENTLY ",
    ] {
        if let Some(rest) = s.strip_prefix(prefix) {
            let on = rest.find(" ON ")? + " ON ".len();
            let rest = &rest[on..];
            let rest = rest.strip_prefix("ONLY ").unwrap_or(rest);
            return Some(Taken {
                lock: Lock::ShareUpdateExclusive,
                table: relation(rest),
                work: Work::Build,
            });
        }
    }
    let rest = s.strip_prefix("ALTER TABLE ")?;
    let rest = rest.strip_prefix("ONLY ").unwrap_or(rest);
    let table = relation(rest);
    let action = rest[table.len()..].trim_start();
    // Attaching locks the parent against other schema changes only, and the partition
    // against everything; detaching concurrently locks neither against reads or writes.
    if let Some(partition) = action.strip_prefix("ATTACH PARTITION ") {
        return Some(Taken {
            lock: Lock::AccessExclusive,
            table: relation(partition),
            work: Work::Brief,
        });
    }
    if action.starts_with("DETACH PARTITION ") && action.ends_with(" CONCURRENTLY;") {
        return Some(Taken {
            lock: Lock::ShareUpdateExclusive,
            table,
            work: Work::Brief,
        });
    }
    Some(if action.starts_with("VALIDATE CONSTRAINT ") {
        Taken {
            lock: Lock::ShareUpdateExclusive,
            table,
            work: Work::Scan,
        }
    } else {
        Taken {
            lock: Lock::AccessExclusive,
            table,
            work: Work::Brief,
        }
    })
}

/// The (possibly qualified, possibly quoted) relation name `text` starts with.
fn relation(text: &str) -> &str {
    let bytes = text.as_bytes();
    let mut i = 0;
    let mut quoted = false;
    while i < bytes.len() {
        match bytes[i] {
            b'"' => quoted = !quoted,
            b' ' | b'(' | b';' | b'\n' if !quoted => break,
            _ => {}
        }
        i += 1;
    }
    &text[..i]
}

/// How long a scan or a build of a table of a given size takes, told as PostgreSQL's own
/// throughput on modest hardware: good to an order of magnitude, which is what a person
/// deciding when to run a plan needs.
#[derive(Debug, Clone)]
pub struct Estimate<'a> {
    sizes: &'a BTreeMap<String, u64>,
}

/// Bytes a second: a sequential scan from disk, and an index build (scan, sort, write).
const SCAN_RATE: u64 = 200 << 20;
const BUILD_RATE: u64 = 40 << 20;

impl<'a> Estimate<'a> {
    pub fn new(sizes: &'a BTreeMap<String, u64>) -> Estimate<'a> {
        Estimate { sizes }
    }

    /// `public.users (1.2 GiB): about 30 s`, for a statement that does `work` on `table`.
    pub fn describe(&self, table: &str, work: Work) -> String {
        if work == Work::Brief {
            return format!("{table}: milliseconds, no rows are read");
        }
        let (size, time) = cost(self.sizes.get(table).copied().unwrap_or(0), work);
        format!("{table} ({size}): about {time}")
    }
}

/// A table of `bytes` as people read it, and about how long `work` on it takes, in words.
pub fn cost(bytes: u64, work: Work) -> (String, String) {
    (
        crate::ui::size(bytes as i64),
        seconds(duration(bytes, work)),
    )
}

/// A duration in words, rounded up to what matters for planning.
fn seconds(s: u64) -> String {
    match s {
        0 | 1 => "a second or less".to_string(),
        s if s < 120 => format!("{s} s"),
        s if s < 7200 => format!("{} min", s.div_ceil(60)),
        s => format!("{} h", s.div_ceil(3600)),
    }
}

/// Seconds `work` on `bytes` takes, at the rates above.
fn duration(bytes: u64, work: Work) -> u64 {
    match work {
        Work::Scan => bytes.div_ceil(SCAN_RATE),
        Work::Build => bytes.div_ceil(BUILD_RATE),
        Work::Brief => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_statement_a_plan_writes_names_its_lock_and_table() {
        let cases = [
            (
                "CREATE UNIQUE INDEX CONCURRENTLY u ON public.users USING btree (email);",
                Lock::ShareUpdateExclusive,
                "public.users",
                Work::Build,
            ),
            (
                "CREATE INDEX CONCURRENTLY i ON ONLY public.\"my table\" USING btree (a);",
                Lock::ShareUpdateExclusive,
                "public.\"my table\"",
                Work::Build,
            ),
            (
                "ALTER TABLE public.t VALIDATE CONSTRAINT c;",
                Lock::ShareUpdateExclusive,
                "public.t",
                Work::Scan,
            ),
            (
                "ALTER TABLE public.t ALTER COLUMN a SET NOT NULL;",
                Lock::AccessExclusive,
                "public.t",
                Work::Brief,
            ),
        ];
        for (sql, lock, table, work) in cases {
            assert_eq!(taken(sql), Some(Taken { lock, table, work }), "{sql}");
        }
        assert_eq!(taken("CREATE VIEW v AS SELECT 1;"), None);
    }

    #[test]
    fn durations_are_rounded_up_to_the_unit_that_matters() {
        assert_eq!(seconds(0), "a second or less");
        assert_eq!(seconds(45), "45 s");
        assert_eq!(seconds(121), "3 min");
        assert_eq!(duration(1 << 30, Work::Build), 26);
    }
}
