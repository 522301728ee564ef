//! The command line, as clap derive types only: the `///` comments are the help text.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// Cruddur's database chores in one binary: create, drop, load the schema and seed, watch
/// sessions, and reset everything with `setup`.
///
/// The target is `--url`, else `PROD_CONNECTION_URL` with `--prod`, else `CONNECTION_URL`,
/// else postgresql://postgres:***@localhost:5432/cruddur below the PG* variables. Strings and
/// PG* variables mean what they mean to psql. A `.env` file in the current directory or above
/// is read; real environment variables win.
#[derive(Debug, Parser)]
#[command(name = "cruddur-db", version = env!("CRUDDUR_DB_VERSION"), max_term_width = 100)]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalOpts,

    #[command(subcommand)]
    pub command: Command,
}

/// Options every subcommand accepts.
#[derive(Debug, Args)]
pub struct GlobalOpts {
    /// Target PROD_CONNECTION_URL instead of CONNECTION_URL
    #[arg(long, global = true)]
    pub prod: bool,

    /// Sign in to production with an RDS IAM token (15 minutes, made afresh for every
    /// connection) instead of a password; needs sslmode=require or stronger (also
    /// CRUDDUR_DB_IAM_AUTH=true)
    #[arg(long, global = true)]
    pub iam: bool,

    /// Target this connection string, a URI or keyword/value string as libpq takes (overrides
    /// CONNECTION_URL and PROD_CONNECTION_URL)
    #[arg(long, global = true, value_name = "URL")]
    pub url: Option<String>,

    /// Answer yes to confirmations (for CI)
    #[arg(short = 'y', long, global = true)]
    pub yes: bool,

    /// When to colour status lines
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto, value_name = "WHEN")]
    pub color: ColorChoice,

    /// Print fewer status lines (errors still show)
    #[arg(short, long, global = true, conflicts_with = "verbose")]
    pub quiet: bool,

    /// Print more: each SQL statement sent, and the connection used
    #[arg(short, long, global = true)]
    pub verbose: bool,

    /// Keep retrying the first connection for up to SECS seconds while the server refuses
    /// connections or is starting up (CI right after starting a container); `rds start`,
    /// `rds stop`, `rds snapshot create` and `rds snapshot restore` wait until what they asked
    /// for is done
    #[arg(long, global = true, value_name = "SECS", num_args = 0..=1, default_missing_value = "60")]
    pub wait: Option<u64>,

    /// Database that create, drop and sessions connect to [default: postgres, then template1]
    #[arg(long, global = true, value_name = "NAME")]
    pub maintenance_db: Option<String>,

    /// Directory holding schema.sql and seed.sql [default: the nearest `sql/` from the current
    /// directory upward]
    #[arg(long, global = true, value_name = "DIR")]
    pub sql_dir: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    /// Colour when stderr is a terminal and NO_COLOR is not set
    Auto,
    Always,
    Never,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Open psql on the target database (the password travels in psql's environment)
    Connect {
        /// Extra arguments for psql, after `--`
        #[arg(last = true, value_name = "PSQL_ARGS")]
        psql_args: Vec<String>,
    },

    /// Create the target database
    Create(CreateArgs),

    /// Drop the target database
    Drop(DropArgs),

    /// Run a schema file against the target database [default: sql/schema.sql]
    SchemaLoad(LoadArgs),

    /// Run a seed file against the target database [default: sql/seed.sql]
    Seed(LoadArgs),

    /// List the sessions connected to the target database
    Sessions(SessionsArgs),

    /// End sessions connected to the target database (every other one unless filtered)
    Kill(KillArgs),

    /// Check each step from the environment to a working database; stop at the first broken one
    Doctor(DoctorArgs),

    /// Why the database is slow, bloated, blocked or unused: one report, or (without one) a
    /// health summary that prints each finding with the command that fixes it
    Inspect(InspectArgs),

    /// Write the database's schema as a SQL file, read from its catalogs (no pg_dump needed):
    /// deterministic, in dependency order
    Dump(DumpArgs),

    /// Print the SQL that makes one schema equal to another (default: what makes the database
    /// match its files), ordered and safe on tables that hold rows
    Diff(DiffArgs),

    /// Prepare every query file of the application against the schema (never executing one):
    /// the parameters and columns each gets, or the error it would meet, at its file:line
    Check(CheckArgs),

    /// Rebuild the target database from schema.sql and seed.sql aside, then swap it in (a
    /// cached template of unchanged files is cloned instead of loaded)
    Setup(SetupArgs),

    /// List the template cache of the target database, with size and age
    Templates(TemplatesArgs),

    /// Lint and apply every pending migration (dbmate's format), or `migrate new|up|down|redo|status|lint|plan`
    Migrate(MigrateArgs),

    /// The production RDS instance: status, start, stop, a security group rule for your IP, DB
    /// snapshots, and IAM authentication tokens
    Rds(RdsArgs),

    /// Save the development database aside and restore it in a second (never production)
    Snapshot {
        #[command(subcommand)]
        action: SnapshotAction,
    },

    /// Print a shell completion script to stdout
    Completions {
        /// The shell to generate for
        shell: clap_complete::Shell,
    },
}

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

    /// Print JSON instead of a table (fields documented in README.md)
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

    /// Print JSON instead of a table (fields documented in README.md)
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
    /// Print the checklist as JSON (fields documented in README.md)
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
pub struct DumpArgs {
    /// Where to write it; `-` for standard output [default: the project's sql/schema.sql]
    pub file: Option<PathBuf>,

    /// Also write these tables' rows, as COPY (small reference tables)
    #[arg(long, value_name = "TABLE", num_args = 1..)]
    pub data: Vec<String>,

    #[command(flatten)]
    pub extent: Extent,
}

/// What a dump writes and a diff compares beyond the schema itself.
#[derive(Debug, Args)]
pub struct Extent {
    /// Also each object's owner (`ALTER ... OWNER TO`): the roles must exist where it loads
    #[arg(long)]
    pub owners: bool,

    /// Also privileges (`GRANT`, `REVOKE`, `ALTER DEFAULT PRIVILEGES`)
    #[arg(long)]
    pub privileges: bool,
}

#[derive(Debug, Args)]
pub struct SchemaSources {
    /// The schema to start from: db, files, url:CONNSTRING, snapshot:NAME or file:PATH
    #[arg(long, default_value = "db", value_name = "SRC")]
    pub from: String,

    /// The schema to reach, as --from
    #[arg(long, default_value = "files", value_name = "SRC")]
    pub to: String,

    /// Build scratch databases (for files, file: and snapshot:) on this server instead of
    /// CONNECTION_URL's
    #[arg(long, value_name = "CONNSTRING")]
    pub scratch_url: Option<String>,
}

#[derive(Debug, Args)]
pub struct DiffArgs {
    #[command(flatten)]
    pub sources: SchemaSources,

    /// Exit 1 when the schemas differ and 0 when not, like `git diff --exit-code`
    #[arg(long)]
    pub exit_code: bool,

    /// Print the changes as JSON: kind, name, change, SQL
    #[arg(long)]
    pub json: bool,

    #[command(flatten)]
    pub extent: Extent,

    #[command(flatten)]
    pub plan: PlanArgs,
}

/// How a plan that production runs while it serves is written.
#[derive(Debug, Args, Clone, Copy)]
pub struct PlanArgs {
    /// How long each phase of the plan may wait for a table lock before it gives up (`SET
    /// lock_timeout`), rather than queue the application behind a long transaction (0: as
    /// long as it takes)
    #[arg(long, value_name = "SECS", default_value_t = 5, value_parser = lock_seconds())]
    pub lock_timeout: u64,
}

impl PlanArgs {
    pub fn lock_timeout(self) -> std::time::Duration {
        std::time::Duration::from_secs(self.lock_timeout)
    }
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Query files, or folders searched for *.sql [default: CRUDDUR_DB_QUERIES, else the
    /// nearest backend-flask/db/sql]
    pub paths: Vec<PathBuf>,

    /// The schema to check against: files (schema.sql and the migrations, built into a scratch
    /// database), db, url:CONNSTRING, snapshot:NAME or file:PATH
    #[arg(long, default_value = "files", value_name = "SRC")]
    pub against: String,

    /// Print one JSON object per query: file, line, ok, error, params, columns
    #[arg(long)]
    pub json: bool,

    /// Check again whenever a query file, schema.sql or a migration changes, until Ctrl-C
    #[arg(long)]
    pub watch: bool,

    /// Build the scratch database (for files and file:) on this server instead of
    /// CONNECTION_URL's
    #[arg(long, value_name = "CONNSTRING")]
    pub scratch_url: Option<String>,
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

        /// Print JSON instead of a table (fields documented in README.md)
        #[arg(long)]
        json: bool,
    },

    /// Delete snapshot NAME of the target database
    Delete { name: String },
}

#[derive(Debug, Args)]
#[command(args_conflicts_with_subcommands = true)]
pub struct MigrateArgs {
    #[command(subcommand)]
    pub action: Option<MigrateAction>,

    #[command(flatten)]
    pub up: UpArgs,

    /// Where the migration files are [default: the SQL directory's migrations/]
    #[arg(long, global = true, value_name = "DIR")]
    pub migrations_dir: Option<PathBuf>,
}

/// How `migrate` (`migrate up`) goes about it.
#[derive(Debug, Args, Clone)]
pub struct UpArgs {
    /// Go ahead although an applied migration's file was edited or deleted
    #[arg(long)]
    pub allow_modified: bool,

    /// Apply pending migrations older than the newest applied one (a branch merged late)
    #[arg(long)]
    pub allow_out_of_order: bool,

    /// Wait at most SECS for another migrate of the same database [default: forever]
    #[arg(long, value_name = "SECS", value_parser = lock_seconds())]
    pub lock_timeout: Option<u64>,

    #[command(flatten)]
    pub snapshot: SnapshotFirst,

    /// How long each statement may wait for a table lock before the migration is rolled
    /// back and tried again (0: as long as it takes; a file's `lock_timeout:` wins)
    #[arg(long, value_name = "SECS", default_value_t = 5, value_parser = lock_seconds())]
    pub lock_timeout_ddl: u64,

    /// How often a migration that got no lock in time is tried again
    #[arg(long, value_name = "N", default_value_t = 3)]
    pub lock_retries: u32,

    /// Go ahead although a pending migration has dangerous lint findings (they are printed)
    #[arg(long = "unsafe")]
    pub allow_unsafe: bool,

    /// Print the plan (`migrate plan`) instead of applying anything
    #[arg(long)]
    pub dry_run: bool,

    /// Rewrite sql/schema.sql from the database (with the migration history) after the
    /// migrations apply, as dbmate does (also CRUDDUR_DB_DUMP_SCHEMA=true)
    #[arg(long)]
    pub dump: bool,
}

#[derive(Debug, Subcommand)]
pub enum MigrateAction {
    /// Write an empty migration, <migrations dir>/<UTC YYYYMMDDHHMMSS>_<name>.sql; print its path
    New {
        /// What it does, in a few words (letters, digits, _)
        name: String,

        /// Write the SQL that brings the database (as its migrations left it) to schema.sql,
        /// and back in `migrate:down`, instead of an empty migration
        #[arg(long)]
        diff: bool,

        /// With --diff: the schema to start from [default: db]
        #[arg(long, value_name = "SRC", requires = "diff")]
        from: Option<String>,

        /// With --diff: the schema to reach [default: file:<the project's sql/schema.sql>]
        #[arg(long, value_name = "SRC", requires = "diff")]
        to: Option<String>,

        /// With --diff: build scratch databases on this server instead of CONNECTION_URL's
        #[arg(long, value_name = "CONNSTRING", requires = "diff")]
        scratch_url: Option<String>,

        #[command(flatten)]
        plan: PlanArgs,
    },

    /// Apply every pending migration in version order (what `migrate` alone does)
    Up(UpArgs),

    /// Revert the last applied migrations
    Down {
        /// How many
        #[arg(long, default_value_t = 1)]
        steps: usize,

        #[command(flatten)]
        up: UpArgs,
    },

    /// Revert the last applied migration and apply it again
    Redo(UpArgs),

    /// Convert the old Python migrations into migration files, and record as applied the
    /// ones the database's schema_information says ran
    ImportLegacy {
        /// The old migrations [default: the nearest backend-flask/db/migrations]
        dir: Option<PathBuf>,

        /// Print the plan; write and record nothing
        #[arg(long)]
        dry_run: bool,
    },

    /// Check migrations for statements that lock or rewrite busy tables, without a database;
    /// exit 8 when one is dangerous and not annotated
    Lint {
        /// Migration files [default: every file in the migrations directory]
        files: Vec<PathBuf>,

        /// Print JSON instead of text (fields documented in README.md)
        #[arg(long)]
        json: bool,
    },

    /// For each pending migration's statements: the lock it takes on which table, the
    /// table's size, and the sessions holding a conflicting lock now; runs nothing
    Plan {
        /// Print JSON instead of text (fields documented in README.md)
        #[arg(long)]
        json: bool,
    },

    /// Every migration and its state: applied, pending, modified or missing
    Status {
        /// Print JSON instead of a table (fields documented in README.md)
        #[arg(long)]
        json: bool,

        /// Exit 1 when anything is pending
        #[arg(long)]
        exit_code: bool,
    },
}

#[derive(Debug, Args)]
pub struct RdsArgs {
    #[command(subcommand)]
    pub action: RdsAction,

    /// The RDS instance identifier [default: CRUDDUR_DB_RDS_INSTANCE, else from
    /// PROD_CONNECTION_URL's host]
    #[arg(long, global = true, value_name = "ID")]
    pub instance: Option<String>,

    /// The AWS region [default: AWS_REGION, else PROD_CONNECTION_URL's host, else the profile's]
    #[arg(long, global = true, value_name = "REGION")]
    pub region: Option<String>,
}

#[derive(Debug, Subcommand)]
pub enum RdsAction {
    /// State, endpoint, engine, class, storage, security group rules, whether your IP is
    /// admitted, CA certificate, and when a stopped instance starts again by itself
    Status {
        /// Print JSON instead of text (fields documented in README.md)
        #[arg(long)]
        json: bool,
    },

    /// Start the instance; with --wait, until it is available
    Start(RdsWaitArgs),

    /// Stop the instance (asks first); with --wait, until it is stopped
    Stop(RdsWaitArgs),

    /// Make the instance's security group admit your IP on the database port
    AllowIp {
        /// The IP to admit [default: $GITPOD_IP, $CODESPACES_IP, $MY_IP, else asked of
        /// checkip.amazonaws.com]
        #[arg(long, value_name = "IP")]
        ip: Option<String>,

        /// The rule's description, which is how the rule is found again next time
        /// [default: cruddur-db USER@HOSTNAME]
        #[arg(long, value_name = "TEXT")]
        description: Option<String>,

        /// Print the rule before and after; change nothing
        #[arg(long)]
        dry_run: bool,
    },

    /// Manual DB snapshots of the instance: take, list, delete, restore into a new instance
    Snapshot {
        #[command(subcommand)]
        action: RdsSnapshotAction,
    },

    /// Print an IAM authentication token for the production URL's host, port and user (what
    /// `aws rds generate-db-auth-token` prints; valid 15 minutes)
    Token {
        /// Print JSON: the token, host, port, user, region and when it expires
        #[arg(long)]
        json: bool,
    },
}

#[derive(Debug, Subcommand)]
pub enum RdsSnapshotAction {
    /// Take a manual snapshot, tagged created-by=cruddur-db
    Create {
        /// Its name [default: cruddur-db-<instance>-<UTC YYYYMMDD-HHMMSS>]
        name: Option<String>,

        #[command(flatten)]
        wait: RdsWaitArgs,
    },

    /// The instance's snapshots taken by cruddur-db: name, state, created, size, engine
    /// version, percent done
    List {
        /// Every snapshot of the instance, manual and automated, not only cruddur-db's
        #[arg(long)]
        all: bool,

        /// Print JSON instead of a table (fields documented in README.md)
        #[arg(long)]
        json: bool,
    },

    /// Delete a snapshot (asks for its name to be typed)
    Delete {
        name: String,

        /// Delete a snapshot cruddur-db did not take
        #[arg(long)]
        force: bool,
    },

    /// Restore a snapshot into a new instance (never over the running one); print its endpoint
    Restore {
        name: String,

        /// The new instance's identifier
        #[arg(long = "as", value_name = "NEW_INSTANCE_ID")]
        new_instance: String,

        #[command(flatten)]
        wait: RdsWaitArgs,
    },
}

/// How `rds start|stop|snapshot create|snapshot restore` wait (the global `--wait` makes them
/// poll).
#[derive(Debug, Args, Clone, Copy)]
pub struct RdsWaitArgs {
    /// With --wait: give up after SECS
    #[arg(long, value_name = "SECS", default_value_t = 1800)]
    pub timeout: u64,

    /// With --wait: seconds between two DescribeDBInstances calls
    #[arg(long, value_name = "SECS", default_value_t = 10, hide = true)]
    pub poll: u64,
}

impl RdsWaitArgs {
    /// How long to wait in all, and between two looks.
    pub fn limits(&self) -> (std::time::Duration, std::time::Duration) {
        (
            std::time::Duration::from_secs(self.timeout),
            std::time::Duration::from_secs(self.poll.max(1)),
        )
    }
}

/// Seconds of a lock wait: PostgreSQL's `lock_timeout` is at most 2147483647 ms.
fn lock_seconds() -> clap::builder::RangedU64ValueParser<u64> {
    clap::value_parser!(u64).range(0..=2_147_483)
}
