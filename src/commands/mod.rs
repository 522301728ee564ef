//! One module per subcommand, each with a `run` entry point.

pub mod check;
pub mod completions;
pub mod connect;
pub mod copy;
pub mod create;
pub mod diff;
pub mod docs;
pub mod doctor;
pub mod drop;
pub mod dump;
pub mod erd;
pub mod inspect;
pub mod kill;
pub mod load;
pub mod migrate;
pub mod rds;
pub mod sessions;
pub mod setup;
pub mod snapshot;
pub mod templates;
