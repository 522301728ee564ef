//! The run context every command receives: the configuration, read once in `lib.rs`'s
//! dispatch (environment included), the target resolved at most once, and the two ways a
//! command opens it: a session on the target, or an admin session beside it.

use std::ops::Deref;

use anyhow::Result;
use tokio_postgres::Client;

use crate::config::Config;
use crate::db::{self, Session, Target};

pub struct RunContext {
    config: Config,
    /// The command said `--snapshot`.
    snapshot_first: bool,
}

impl RunContext {
    pub fn new(config: Config, snapshot_first: bool) -> RunContext {
        RunContext {
            config,
            snapshot_first,
        }
    }

    /// Whether the command asked for an RDS snapshot before it changes production.
    pub fn snapshot_first(&self) -> bool {
        self.snapshot_first
    }

    /// The target, and a session on its server's maintenance database (`--maintenance-db`,
    /// else `postgres`, then `template1`): for what cannot run inside the target itself.
    pub async fn admin(&self) -> Result<(Target, Client)> {
        let target = self.config.target()?;
        let client = db::connect_admin(&target, self.config.maintenance_db.as_deref()).await?;
        Ok((target, client))
    }

    /// The target, and a session on it.
    pub async fn session(&self) -> Result<(Target, Session)> {
        let target = self.config.target()?;
        let session = db::connect(&target).await?;
        Ok((target, session))
    }
}

/// Commands read the configuration through the context: `ctx.yes`, `ctx.sql_file(..)`.
impl Deref for RunContext {
    type Target = Config;

    fn deref(&self) -> &Config {
        &self.config
    }
}
