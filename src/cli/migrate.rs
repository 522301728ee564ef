//! The arguments of `migrate` and its actions.

use std::path::PathBuf;

use clap::{Args, Subcommand};

use super::{PlanArgs, SnapshotFirst, lock_seconds};

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

        /// Print JSON instead of text (fields documented in docs/migrations.md)
        #[arg(long)]
        json: bool,
    },

    /// For each pending migration's statements: the lock it takes on which table, the
    /// table's size, and the sessions holding a conflicting lock now; runs nothing
    Plan {
        /// Print JSON instead of text (fields documented in docs/migrations.md)
        #[arg(long)]
        json: bool,
    },

    /// Every migration and its state: applied, pending, modified or missing
    Status {
        /// Print JSON instead of a table (fields documented in docs/migrations.md)
        #[arg(long)]
        json: bool,

        /// Exit 1 when anything is pending
        #[arg(long)]
        exit_code: bool,
    },
}
