//! The arguments of schema as code: dump, diff, the plans' lock timeout, and check.

use std::path::PathBuf;

use clap::{Args, ValueEnum};

use super::lock_seconds;

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
pub struct ErdArgs {
    /// Only these tables (schema.table, or table in public) and what lies within --depth
    /// relations of them [default: every table]
    pub tables: Vec<String>,

    /// The schema to draw: files (schema.sql and the migrations, built into a scratch
    /// database), db, url:CONNSTRING, snapshot:NAME or file:PATH
    #[arg(long, default_value = "files", value_name = "SRC")]
    pub from: String,

    /// With TABLE...: how many relations away from them to draw
    #[arg(long, default_value_t = 1, value_name = "N")]
    pub depth: u32,

    /// mermaid: Markdown with erDiagram blocks (GitHub renders them); svg: one picture drawn
    /// by cruddur-db itself
    #[arg(long, value_enum, default_value_t = ErdFormat::Mermaid)]
    pub format: ErdFormat,

    /// Write the Markdown to FILE instead of standard output
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// Build the scratch database (for files and file:) on this server instead of
    /// CONNECTION_URL's
    #[arg(long, value_name = "CONNSTRING")]
    pub scratch_url: Option<String>,
}

#[derive(Debug, Args)]
pub struct DocsArgs {
    /// Where the documentation goes
    #[arg(default_value = "docs/schema", value_name = "DIR")]
    pub dir: PathBuf,

    /// The schema to document: files (schema.sql and the migrations, built into a scratch
    /// database), db, url:CONNSTRING, snapshot:NAME or file:PATH
    #[arg(long, default_value = "files", value_name = "SRC")]
    pub from: String,

    /// Write nothing: exit 0 when DIR is what the schema gives, else 1, saying in words what
    /// changed
    #[arg(long)]
    pub check: bool,

    /// Build the scratch database (for files and file:) on this server instead of
    /// CONNECTION_URL's
    #[arg(long, value_name = "CONNSTRING")]
    pub scratch_url: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ErdFormat {
    Mermaid,
    Svg,
}
