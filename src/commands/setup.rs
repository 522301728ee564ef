//! `setup`: rebuild the target database from schema.sql, pending migrations and seed.sql
//! without ever leaving the user without one: build a side database (or clone a cached
//! template of it), and only when that worked swap it in. One run per target at a time.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use anyhow::{Context, Result};
use tokio_postgres::Client;

use super::{create, drop, load};
use crate::cli::{CreateArgs, DropArgs, SetupArgs};
use crate::config::Places;
use crate::context::RunContext;
use crate::db::{self, Target, run_lock};
use crate::migrate::{self, Migration};
use crate::rebuild::cache::{self, Mode};
use crate::rebuild::{Step, build, set_step, side};
use crate::script::{self, Inspection, RunOptions};
use crate::{guard, ui};

pub async fn run(ctx: &RunContext, args: &SetupArgs) -> Result<()> {
    let started = Instant::now();
    // Find and read the files (and their includes) before touching anything.
    let (schema, migrations, seed) = files(ctx)?;
    let files = inspect(&schema, &migrations, &seed, &args.vars.set, ctx.places())?;
    let load = Load {
        schema: &schema,
        seed: &seed,
        migrations: &migrations,
        set: &args.vars.set,
        places: ctx.places(),
    };
    let (target, admin) = ctx.admin().await?;
    let name = target.conn.database();

    set_step(Some(Step::Building("lock")));
    run_lock::acquire(
        &admin,
        "setup",
        name,
        args.lock_timeout.map(Duration::from_secs),
    )
    .await?;
    let exists = db::database_exists(&admin, name).await?;
    if exists {
        guard::refuse_unless_prod(&admin, &target).await?;
    }

    let outcome = match &files.own_name {
        Some(why) => {
            ui::status(
                "setup",
                format_args!("loading in place: {why}, which must run in the database itself"),
            );
            side::remove_leftovers(&admin, name).await?;
            in_place(&admin, &target, args, &load).await
        }
        None => {
            let production =
                target.prod || target.conn.is_rds() || guard::is_production(&admin, name).await?;
            let mode = match (
                Mode::chosen(
                    args.no_template,
                    args.rebuild_template,
                    ctx.template_setting(),
                ),
                production,
                &files.unhashable,
            ) {
                (Mode::Off, _, _) => Mode::Off,
                (_, true, _) => {
                    ui::note("template cache: never for a production database");
                    Mode::Off
                }
                (_, false, Some(why)) => {
                    ui::status(
                        "template",
                        format_args!(
                            "cache off for this run: {why}, which cannot be known before it is loaded"
                        ),
                    );
                    Mode::Off
                }
                (mode, false, None) => mode,
            };
            aside(&admin, &target, args, &files, mode, &load).await
        }
    };
    set_step(None);
    outcome?;
    ui::done("setup", "database reset", started.elapsed());
    Ok(())
}

/// What `setup` loads and how: the schema, the pending migrations, the seed, with the `--set`
/// values and the places the files' relative paths start from.
struct Load<'a> {
    schema: &'a Path,
    seed: &'a Path,
    migrations: &'a [Migration],
    set: &'a [(String, String)],
    places: &'a Places,
}

/// What `setup` loads: the schema, the migrations, the seed. Seeds are written against the
/// current schema: schema, then pending migrations, then the seed.
pub fn files(ctx: &RunContext) -> Result<(PathBuf, Vec<Migration>, PathBuf)> {
    let schema = ctx.sql_file(None, load::SCHEMA_FILE)?;
    let seed = ctx.sql_file(None, load::SEED_FILE)?;
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

/// Build into a side database, then swap it in (`rebuild::build`): from a cached template of
/// the same files when there is one, else by loading them, keeping a template when it pays.
async fn aside(
    admin: &Client,
    target: &Target,
    args: &SetupArgs,
    files: &Inspection,
    mode: Mode,
    load: &Load<'_>,
) -> Result<()> {
    let name = target.conn.database();
    // The key costs a look at the server: only worth it when there is a template to match,
    // or when one will be kept whatever the load takes.
    let templates = match mode {
        Mode::Off => Vec::new(),
        _ => cache::templates_of(admin, name).await?,
    };
    let key = match mode {
        Mode::Off => None,
        Mode::Auto if templates.is_empty() => None,
        _ => Some(cache::key(admin, files).await?),
    };
    build::aside(admin, name, args.force, "setup", async |side_name| {
        set_step(Some(Step::Building("create")));
        let template = match key.as_deref() {
            Some(key) if !args.rebuild_template => templates.iter().find(|t| t.key == key),
            _ => None,
        };
        if cache::clone_or_create(admin, target, side_name, template).await? {
            return Ok(());
        }
        let started = Instant::now();
        let side_target = Target {
            conn: target.conn.with_database(side_name),
            ..target.clone()
        };
        let session = db::connect(&side_target).await?;
        load_all(&session, load, |step| set_step(Some(Step::Building(step)))).await?;
        drop(session);
        let took = started.elapsed();
        if mode != Mode::Off {
            cache::keep(admin, side_name, name, files, key.as_deref(), took, mode).await?;
        }
        Ok(())
    })
    .await?;
    if target.prod {
        guard::mark_production(admin, name).await?;
    }
    Ok(())
}

/// The files name the database they run in: drop, create and load in place, as the old
/// scripts did.
async fn in_place(
    admin: &Client,
    target: &Target,
    args: &SetupArgs,
    load: &Load<'_>,
) -> Result<()> {
    let drop_args = DropArgs {
        if_exists: true,
        force: args.force,
    };
    set_step(Some(Step::Swapping));
    drop::drop_database(admin, target, &drop_args, Instant::now())
        .await
        .context("setup stopped at step drop")?;
    let create_args = CreateArgs {
        if_not_exists: false,
    };
    create::create_database(admin, target, &create_args, Instant::now())
        .await
        .context("setup stopped at step create")?;
    let session = db::connect(target).await?;
    // The target itself is being built: the interrupt note keeps saying so.
    load_all(&session, load, |_| {}).await
}

/// Schema, pending migrations, seed, on `session`; `entering` hears each step's name first.
async fn load_all(
    session: &db::Session,
    load: &Load<'_>,
    entering: impl Fn(&'static str),
) -> Result<()> {
    let in_transaction = RunOptions::file(true, load.places);
    entering("schema-load");
    load::load(
        session,
        "schema-load",
        load.schema,
        in_transaction,
        load.set,
    )
    .await
    .context("setup stopped at step schema-load")?;
    entering("migrate");
    migrate::apply_pending(session, load.migrations, load.places)
        .await
        .context("setup stopped at step migrate")?;
    entering("seed");
    load::load(session, "seed", load.seed, in_transaction, load.set)
        .await
        .context("setup stopped at step seed")?;
    Ok(())
}
