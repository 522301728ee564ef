//! `setup`: rebuild the target database from schema.sql, pending migrations and seed.sql
//! without ever leaving the user without one: reset it in place in one transaction when that
//! gives what a fresh build gives, else build a side database (or clone a cached template of
//! it) and only when that worked swap it in. One run per target at a time.

use std::path::Path;
use std::time::{Duration, Instant};

use anyhow::{Context, Result};
use tokio_postgres::Client;

use crate::cli::{CreateArgs, DropArgs, SetupArgs};
use crate::config::Places;
use crate::context::RunContext;
use crate::db::{self, Target, run_lock};
use crate::migrate::{self, Migration};
use crate::rebuild::cache::{self, Mode};
use crate::rebuild::files::{files, inspect};
use crate::rebuild::in_place::{self, Reset};
use crate::rebuild::way::{self, Way};
use crate::rebuild::{Step, build, set_step, side};
use crate::script::{Inspection, RunOptions};
use crate::{chores, guard, ui};

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
        crate::snapshot_first::before_change(ctx, &target, "setup").await?;
    }

    let outcome = match &files.own_name {
        Some(why) => {
            ui::status(
                "setup",
                format_args!(
                    "recreating the database: {why}, which must run in the database itself"
                ),
            );
            side::remove_leftovers(&admin, name).await?;
            recreate(&admin, &target, args, &load)
                .await
                .map(|()| "by recreating it")
        }
        None => reset_or_rebuild(ctx, &admin, &target, args, &files, &load, exists).await,
    };
    set_step(None);
    let how = outcome?;
    if target.prod {
        guard::mark_production(&admin, name).await?;
    }
    ui::done(
        "setup",
        format_args!("database reset {how}"),
        started.elapsed(),
    );
    Ok(())
}

/// Reset the existing database in place in one transaction when that gives what a fresh
/// build gives (`rebuild::way`, `in_place::obstacle`), else build aside saying why. Returns how
/// it went, for the last status line.
async fn reset_or_rebuild(
    ctx: &RunContext,
    admin: &Client,
    target: &Target,
    args: &SetupArgs,
    files: &Inspection,
    load: &Load<'_>,
    exists: bool,
) -> Result<&'static str> {
    let name = target.conn.database();
    let production =
        target.prod || target.conn.is_rds() || guard::is_production(admin, name).await?;
    let mode = cache_mode(ctx, args, files, production);
    // The key costs a look at the server: only worth it when there is a template to match,
    // or when one may be kept whatever the load takes.
    let templates = match mode {
        Mode::Off => Vec::new(),
        _ => cache::templates_of(admin, name).await?,
    };
    let key = match mode {
        Mode::Off => None,
        Mode::Auto if templates.is_empty() && files.bytes < way::BIG_FILES => None,
        _ => Some(cache::key(admin, files).await?),
    };
    let template = match key.as_deref() {
        Some(key) if !args.rebuild_template => templates.iter().find(|t| t.key == key),
        _ => None,
    };
    let facts = way::Facts {
        exists,
        aside: args.aside,
        rebuild_template: args.rebuild_template,
        own_transaction: files.own_transaction.clone(),
        untransacted_migration: load
            .migrations
            .iter()
            .find(|m| !m.up.transaction)
            .map(Migration::label),
        mode,
        template_load: template.map(|t| t.load),
        bytes: files.bytes,
    };
    let (why, keep) = match way::choose(&facts) {
        Way::InPlace => match in_place(admin, target, args, load).await? {
            None => return Ok("in place"),
            Some(why) => (Some(why), mode),
        },
        Way::Aside { why, keep } => (why, keep),
    };
    match why {
        Some(why) => ui::status("setup", format_args!("building aside: {why}")),
        None => ui::verbose("setup: building aside"),
    }
    let cached = Cached {
        keep,
        key: key.as_deref(),
        template,
    };
    aside(admin, target, files, cached, load, args.force).await?;
    Ok("aside")
}

/// Whether this run may use and keep templates: never for a production database, nor when
/// what the files load cannot be known before they run.
fn cache_mode(ctx: &RunContext, args: &SetupArgs, files: &Inspection, production: bool) -> Mode {
    match (
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
    }
}

/// Reset in place; `Some(why)` when the database turned out not to allow it (nothing changed
/// then, and building aside follows).
async fn in_place(
    admin: &Client,
    target: &Target,
    args: &SetupArgs,
    load: &Load<'_>,
) -> Result<Option<String>> {
    let session = db::connect(target).await?;
    if let Some(why) = in_place::obstacle(&session.client).await? {
        return Ok(Some(format!(
            "the database holds what a new one would not: {why}"
        )));
    }
    ui::verbose("setup: resetting in place, in one transaction");
    side::remove_leftovers(admin, target.conn.database()).await?;
    let reset = in_place::reset(
        admin,
        &session,
        target.conn.database(),
        args.force,
        async |session| {
            load_all(session, load, true, |step| {
                set_step(Some(Step::Resetting(step)))
            })
            .await
        },
    )
    .await?;
    Ok(match reset {
        Reset::Done => None,
        Reset::Unsuitable(why) => Some(why),
    })
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

/// The template cache as one build aside uses it: the template of these files, if any, and
/// whether to keep one of the result under `key`.
struct Cached<'a> {
    keep: Mode,
    key: Option<&'a str>,
    template: Option<&'a cache::Template>,
}

/// Build into a side database, then swap it in (`rebuild::build`): from a cached template of
/// the same files when there is one, else by loading them, keeping a template when it pays.
async fn aside(
    admin: &Client,
    target: &Target,
    files: &Inspection,
    cached: Cached<'_>,
    load: &Load<'_>,
    force: bool,
) -> Result<()> {
    let name = target.conn.database();
    build::aside(admin, name, force, "setup", async |side_name| {
        set_step(Some(Step::Building("create")));
        if cache::clone_or_create(admin, target, side_name, cached.template).await? {
            return Ok(());
        }
        let started = Instant::now();
        let side_target = Target {
            conn: target.conn.with_database(side_name),
            ..target.clone()
        };
        let session = db::connect(&side_target).await?;
        load_all(&session, load, false, |step| {
            set_step(Some(Step::Building(step)))
        })
        .await?;
        drop(session);
        let took = started.elapsed();
        if cached.keep != Mode::Off {
            cache::keep(admin, side_name, name, files, cached.key, took, cached.keep).await?;
        }
        Ok(())
    })
    .await
}

/// The files name the database they run in: drop, create and load it where it is, as the
/// old scripts did.
async fn recreate(
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
    chores::drop_database(admin, target, &drop_args, Instant::now())
        .await
        .context("setup stopped at step drop")?;
    let create_args = CreateArgs {
        if_not_exists: false,
    };
    chores::create_database(admin, target, &create_args, Instant::now())
        .await
        .context("setup stopped at step create")?;
    let session = db::connect(target).await?;
    // The target itself is being built: the interrupt note keeps saying so.
    load_all(&session, load, false, |_| {}).await
}

/// Schema, pending migrations, seed, on `session`, each in a transaction of its own or all
/// `enclosed` in the caller's; `entering` hears each step's name first.
async fn load_all(
    session: &db::Session,
    load: &Load<'_>,
    enclosed: bool,
    entering: impl Fn(&'static str),
) -> Result<()> {
    let in_transaction = match enclosed {
        true => RunOptions::file(true, load.places).enclosed(),
        false => RunOptions::file(true, load.places),
    };
    entering("schema-load");
    chores::load(
        session,
        "schema-load",
        load.schema,
        in_transaction,
        load.set,
    )
    .await
    .context("setup stopped at step schema-load")?;
    entering("migrate");
    migrate::apply_pending(session, load.migrations, load.places, enclosed)
        .await
        .context("setup stopped at step migrate")?;
    entering("seed");
    chores::load(session, "seed", load.seed, in_transaction, load.set)
        .await
        .context("setup stopped at step seed")?;
    Ok(())
}
