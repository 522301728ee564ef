//! What `setup` loads, in the order it loads it (the schema, the pending migrations, the seed):
//! found in the project, and read for the template cache's key.

use std::path::{Path, PathBuf};

use anyhow::Result;

use crate::config::Places;
use crate::context::RunContext;
use crate::migrate::{self, Migration};
use crate::script::{self, Inspection};

/// What `setup` loads: the schema, the migrations, the seed. Seeds are written against the
/// current schema: schema, then pending migrations, then the seed.
pub fn files(ctx: &RunContext) -> Result<(PathBuf, Vec<Migration>, PathBuf)> {
    let schema = ctx.sql_file(None, crate::config::SCHEMA_FILE)?;
    let seed = ctx.sql_file(None, crate::config::SEED_FILE)?;
    let migrations = match ctx.migrations_dir(None) {
        Some(dir) => migrate::discover(&dir)?,
        None => Vec::new(),
    };
    Ok((schema, migrations, seed))
}

/// Read `files` in the order `setup` loads them, for the template cache key.
pub fn inspect(
    schema: &Path,
    migrations: &[Migration],
    seed: &Path,
    set: &[(String, String)],
    places: &Places,
) -> Result<Inspection> {
    let mut paths: Vec<&Path> = vec![schema];
    paths.extend(migrations.iter().map(|m| m.path.as_path()));
    paths.push(seed);
    script::inspect(&paths, set, places)
}
