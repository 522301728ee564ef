//! The command line, as clap derive types only: the `///` comments are the help text.

mod copy;
mod database;
mod migrate;
mod rds;
mod schema;

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

pub use self::copy::*;
pub use self::database::*;
pub use self::migrate::*;
pub use self::rds::*;
pub use self::schema::*;

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

    /// Draw the schema as Mermaid erDiagram blocks in Markdown: tables, keys, and every
    /// relation (foreign keys, and the ones column names imply)
    Erd(ErdArgs),

    /// Write the schema's documentation (a page per table, the diagrams, views and functions)
    /// into DIR, or with --check say in words how DIR differs from the schema
    Docs(DocsArgs),

    /// Rebuild the target database from schema.sql and seed.sql aside, then swap it in (a
    /// cached template of unchanged files is cloned instead of loaded)
    Setup(SetupArgs),

    /// Rebuild the development database from the files with production's rows in place of
    /// the seed: a masked (sql/copy.toml), referentially complete subset, read in one
    /// read-only snapshot; production is never written (see docs/copy.md)
    Copy(CopyArgs),

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

/// Seconds of a lock wait: PostgreSQL's `lock_timeout` is at most 2147483647 ms.
fn lock_seconds() -> clap::builder::RangedU64ValueParser<u64> {
    clap::value_parser!(u64).range(0..=2_147_483)
}
