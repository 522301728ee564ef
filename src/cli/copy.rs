//! The arguments of `copy`: production's rows, masked, into the development database.

use clap::Args;

use super::lock_seconds;

#[derive(Debug, Args)]
pub struct CopyArgs {
    /// The database to read: url:CONNSTRING [default: PROD_CONNECTION_URL, reached as every
    /// production connection is]
    #[arg(long, value_name = "SRC")]
    pub from: Option<String>,

    /// Print each table, the rows it would take, the path from the start rows and each
    /// column's rule; write nothing
    #[arg(long, conflicts_with = "init")]
    pub plan: bool,

    /// Write a starter sql/copy.toml from the project's schema, a guessed rule per column,
    /// marked for review (copy refuses until the mark is deleted)
    #[arg(long)]
    pub init: bool,

    /// End other sessions connected to the development database before replacing it
    #[arg(long)]
    pub force: bool,

    /// Wait at most SECS for a setup or copy of the same database to finish [default: forever]
    #[arg(long, value_name = "SECS", value_parser = lock_seconds())]
    pub lock_timeout: Option<u64>,
}
