//! The arguments of the commands on the target database: create, drop, load, sessions, kill,
//! inspect, doctor, setup, its templates, and development snapshots.

use std::path::PathBuf;

use clap::{Args, Subcommand, ValueEnum};

use super::lock_seconds;

#[derive(Debug, Args)]
pub struct CreateArgs {
    /// Succeed without doing anything when the database already exists
    #[arg(long)]
    pub if_not_exists: bool,
}

#[derive(Debug, Args)]
pub struct DropArgs {
    /// Succeed without doing anything when the database does not exist
    #[arg(long)]
    pub if_exists: bool,

    /// End the other sessions connected to the database first
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, Args)]
pub struct LoadArgs {
    /// The SQL file to run (relative to the current directory)
    pub file: Option<PathBuf>,

    /// Run statement by statement instead of in one transaction (for CREATE INDEX
    /// CONCURRENTLY, VACUUM and other statements that refuse a transaction block)
    #[arg(long)]
    pub no_transaction: bool,

    #[command(flatten)]
    pub vars: VarArgs,

    #[command(flatten)]
    pub snapshot: SnapshotFirst,
}

/// A safety net before changing production.
#[derive(Debug, Args, Clone, Copy, Default)]
pub struct SnapshotFirst {
    /// With --prod: take an RDS snapshot of the instance and wait until it is available
    /// before changing anything (also CRUDDUR_DB_SNAPSHOT_BEFORE_PROD=true)
    #[arg(long)]
    pub snapshot: bool,
}

/// psql variables for SQL files (`:name` in them), as psql's `-v`.
#[derive(Debug, Args, Clone, Default)]
pub struct VarArgs {
    /// Define psql variable NAME for the SQL files (repeatable), as psql's -v NAME=VALUE
    #[arg(long = "set", value_name = "NAME=VALUE", value_parser = parse_var)]
    pub set: Vec<(String, String)>,
}

fn parse_var(text: &str) -> Result<(String, String), String> {
    let (name, value) = text.split_once('=').unwrap_or((text, ""));
    if name.is_empty()
        || !name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b >= 0x80)
    {
        return Err(format!(
            "{name:?} is not a variable name: use letters, digits and _"
        ));
    }
    if name == "ON_ERROR_STOP" && crate::yes_no::parse_bool(value) == Some(false) {
        return Err(
            "cruddur-db always stops at the first error (and rolls back); ON_ERROR_STOP cannot be turned off"
                .to_string(),
        );
    }
    Ok((name.to_string(), value.to_string()))
}

/// Which sessions `sessions` shows and `kill` ends.
#[derive(Debug, Args)]
pub struct SessionFilter {
    /// Every database on the server, not only the target's
    #[arg(long)]
    pub all: bool,

    /// Only sessions of this user (role)
    #[arg(long, value_name = "USER")]
    pub user: Option<String>,

    /// Only sessions whose application_name is NAME
    #[arg(long, value_name = "NAME")]
    pub app: Option<String>,
}

#[derive(Debug, Args)]
pub struct SessionsArgs {
    #[command(flatten)]
    pub filter: SessionFilter,

    /// Only sessions in this state: active, idle, "idle in transaction", ...
    #[arg(long, value_name = "STATE")]
    pub state: Option<String>,

    /// Print JSON instead of a table (fields documented in docs/production.md)
    #[arg(long)]
    pub json: bool,

    /// Redraw every SECS seconds (default 2) until Ctrl-C
    #[arg(long, value_name = "SECS", num_args = 0..=1, default_missing_value = "2")]
    pub watch: Option<u64>,
}

#[derive(Debug, Args)]
pub struct KillArgs {
    #[command(flatten)]
    pub filter: SessionFilter,

    /// End exactly these sessions (repeatable); it is an error if one is not there
    #[arg(long = "pid", value_name = "PID")]
    pub pids: Vec<i32>,

    /// Only sessions idle (or idle in a transaction) for at least SECS seconds
    #[arg(long, value_name = "SECS")]
    pub idle_for: Option<u64>,

    /// List what would be ended, and end nothing
    #[arg(long)]
    pub dry_run: bool,
}

#[derive(Debug, Args)]
pub struct InspectArgs {
    /// The report; without one, the health summary (exit 1 when something needs attention)
    #[arg(value_enum)]
    pub report: Option<Report>,

    /// Print JSON instead of a table (fields documented in docs/inspect.md)
    #[arg(long)]
    pub json: bool,

    /// At most N rows per report
    #[arg(long, value_name = "N", default_value_t = 20, value_parser = clap::value_parser!(i64).range(1..=100_000))]
    pub limit: i64,

    /// long-running: queries running for longer than SECS
    #[arg(long, value_name = "SECS", default_value_t = 5)]
    pub min: u64,

    /// How long each report's query may run before it is cancelled
    #[arg(long, value_name = "SECS", default_value_t = 10, value_parser = clap::value_parser!(u64).range(1..=3600))]
    pub timeout: u64,

    /// Health summary: an unused index smaller than this (or on a table of fewer than 1,000
    /// rows) is not a finding
    #[arg(long, value_name = "BYTES", default_value_t = 1024 * 1024, value_parser = clap::value_parser!(i64).range(0..))]
    pub min_bytes: i64,
}

/// The reports of `inspect`, by family.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Report {
    /// Statements by total execution time (pg_stat_statements)
    Outliers,
    /// Statements by number of calls (pg_stat_statements)
    Calls,
    /// Queries running for longer than --min seconds
    LongRunning,
    /// Sessions waiting on a lock, and the sessions holding it
    Blocking,
    /// Table locks held or awaited in this database
    Locks,
    /// Tables by size: table, indexes, TOAST, total
    TableSizes,
    /// Estimated rows per table
    Records,
    /// Tables by sequential scans
    SeqScans,
    /// Buffer cache hit ratios of tables and indexes, and of the whole database
    CacheHit,
    /// Estimated wasted space in tables and indexes
    Bloat,
    /// Dead rows, last (auto)vacuum and analyze, and whether autovacuum runs next
    VacuumStats,
    /// Tables nearest transaction-ID wraparound
    UnvacuumedXid,
    /// How often each table is read through an index
    IndexUsage,
    /// Indexes never scanned (not unique, not a primary key), by size
    UnusedIndexes,
    /// Indexes on the same table with the same columns and predicate
    DuplicateIndexes,
    /// Indexes left invalid by a failed CREATE INDEX CONCURRENTLY
    InvalidIndexes,
    /// Foreign keys without an index on their referencing columns
    MissingFkIndexes,
    /// Sessions by user, application and state, against max_connections
    Connections,
    /// This database's statistics: commits, rollbacks, cache, temp files, deadlocks
    DbStats,
    /// Replication slots and the WAL each one keeps
    ReplicationSlots,
    /// The settings that matter most, with where each value came from
    Settings,
    /// Extensions available and installed
    Extensions,
}

#[derive(Debug, Args)]
pub struct DoctorArgs {
    /// Print the checklist as JSON (fields documented in docs/commands.md)
    #[arg(long)]
    pub json: bool,

    /// Your public IP, named in the hint when an RDS host does not answer [default: $MY_IP or
    /// $GITPOD_IP]
    #[arg(long, value_name = "IP")]
    pub my_ip: Option<String>,
}

#[derive(Debug, Args)]
pub struct SetupArgs {
    /// End other sessions connected to the database before replacing it
    #[arg(long)]
    pub force: bool,

    /// Build a new database aside and swap it in, even when the existing one could be reset
    /// in place in one transaction
    #[arg(long)]
    pub aside: bool,

    /// Wait at most SECS for another setup of the same database to finish [default: forever]
    #[arg(long, value_name = "SECS", value_parser = lock_seconds())]
    pub lock_timeout: Option<u64>,

    /// Load the files even when a cached template of them exists, and keep none
    /// (also CRUDDUR_DB_TEMPLATE=off)
    #[arg(long, conflicts_with = "rebuild_template")]
    pub no_template: bool,

    /// Load the files and replace the cached template with the result
    #[arg(long)]
    pub rebuild_template: bool,

    #[command(flatten)]
    pub vars: VarArgs,

    #[command(flatten)]
    pub snapshot: SnapshotFirst,
}

#[derive(Debug, Args)]
pub struct TemplatesArgs {
    /// Drop the target's templates that the current files would not use
    #[arg(long, conflicts_with = "drop_all")]
    pub prune: bool,

    /// Drop all of the target's templates
    #[arg(long)]
    pub drop_all: bool,

    /// Print JSON instead of a table
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Subcommand)]
pub enum SnapshotAction {
    /// Copy the target database into a snapshot [default NAME: the time, 20261126-053944]
    Save {
        /// Up to 20 letters, digits, - and _
        name: Option<String>,

        /// End the sessions connected to the database first (the copy needs it to itself)
        #[arg(long)]
        force: bool,
    },

    /// Replace the target database with a copy of snapshot NAME (the snapshot stays)
    Restore {
        name: String,

        /// End the sessions connected to the target database first
        #[arg(long)]
        force: bool,

        /// Restore a snapshot taken of this other database
        #[arg(long, value_name = "DATABASE")]
        from_db: Option<String>,
    },

    /// List the target database's snapshots (every database's with --all)
    List {
        /// Snapshots of every database on the server
        #[arg(long)]
        all: bool,

        /// Print JSON instead of a table (fields documented in docs/setup.md)
        #[arg(long)]
        json: bool,
    },

    /// Delete snapshot NAME of the target database
    Delete { name: String },
}
