//! Where a schema to compare comes from (`diff --from/--to SRC`): the target database, another
//! by URL, a snapshot, or files built into a scratch database on the development server. A
//! database is only ever read (in a read-only transaction); scratch databases are never built
//! on a production server, and are removed after, on a signal too.

use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use anyhow::{Context, Result};

use super::{Schema, catalog};
use crate::config::{Places, SCHEMA_FILE};
use crate::context::RunContext;
use crate::db::{self, PgError, Session, Target, quote_ident};
use crate::error::{Exit, Fail};
use crate::migrate::{self, Migration};
use crate::rebuild::cache;
use crate::rebuild::side::{self, Mark};
use crate::rebuild::snapshot;
use crate::script::{self, RunOptions};
use crate::{guard, ui};

/// A schema source as the user writes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// The target database.
    Db,
    /// The project's `schema.sql` and migrations, built into a scratch database.
    Files,
    Url(String),
    Snapshot(String),
    /// One SQL file built into a scratch database.
    File(PathBuf),
}

impl std::str::FromStr for Source {
    type Err = String;

    fn from_str(text: &str) -> Result<Source, String> {
        let source = match text.split_once(':') {
            None if text == "db" => Source::Db,
            None if text == "files" => Source::Files,
            Some(("url", url)) if !url.is_empty() => Source::Url(url.to_string()),
            Some(("snapshot", name)) if !name.is_empty() => Source::Snapshot(name.to_string()),
            Some(("file", path)) if !path.is_empty() => Source::File(PathBuf::from(path)),
            _ => {
                // Only what comes before a colon: the rest may be a connection string and
                // hold a password.
                let shown = match text.split_once(':') {
                    Some((kind, _)) => format!("{kind}:..."),
                    None => text.to_string(),
                };
                return Err(format!(
                    "{shown:?} is not a schema source: use db, files, url:CONNSTRING, snapshot:NAME or file:PATH"
                ));
            }
        };
        Ok(source)
    }
}

impl Source {
    /// The source `text` given to `flag` (`--from`), or a usage error naming that flag.
    pub fn given(text: &str, flag: &'static str) -> Result<Source> {
        text.parse().map_err(|message: String| {
            Fail::new(Exit::Usage, message)
                .hint(format!(
                    "e.g. {flag} db, {flag} files, or {flag} url:postgresql://localhost/other"
                ))
                .into()
        })
    }
}

impl std::fmt::Display for Source {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Source::Db => f.write_str("db"),
            Source::Files => f.write_str("files"),
            // A connection string may hold a password: never shown.
            Source::Url(_) => f.write_str("url:..."),
            Source::Snapshot(name) => write!(f, "snapshot:{name}"),
            Source::File(path) => write!(f, "file:{}", path.display()),
        }
    }
}

/// What a scratch database is built from: a schema file, then migrations.
pub struct Files<'a> {
    pub places: &'a Places,
    pub schema: Option<PathBuf>,
    pub migrations: Vec<Migration>,
}

/// The project's files: its `schema.sql` and its migrations.
pub fn project(ctx: &RunContext) -> Result<(PathBuf, Vec<Migration>)> {
    let schema = ctx.sql_file(None, SCHEMA_FILE)?;
    let migrations = match ctx.migrations_dir(None) {
        Some(dir) => migrate::discover(&dir)?,
        None => Vec::new(),
    };
    Ok((schema, migrations))
}

/// A source opened for reading: a session on its database, and the scratch database built
/// for it, removed (or kept as a template) when it is closed.
pub struct Opened {
    pub session: Session,
    scratch: Option<Scratch>,
}

/// A scratch database built from files on the development server.
struct Scratch {
    admin: tokio_postgres::Client,
    name: String,
    /// When it was built rather than cloned, and slowly enough to be worth keeping: the
    /// template label, the files' key, and how long loading took.
    keep: Option<(String, String, Duration)>,
}

impl Opened {
    /// Close the session; a scratch database is kept as the files' template when building it
    /// was worth it, else dropped.
    pub async fn close(self) -> Result<()> {
        drop(self.session);
        let Some(scratch) = self.scratch else {
            return Ok(());
        };
        let kept = match &scratch.keep {
            Some((label, key, took)) => {
                cache::adopt(&scratch.admin, &scratch.name, label, key, *took)
                    .await
                    .unwrap_or(None)
            }
            None => None,
        };
        let dropped = match kept {
            Some(template) => {
                ui::verbose(format_args!(
                    "kept the scratch build as template {}",
                    quote_ident(&template)
                ));
                Ok(())
            }
            None => db::admin::drop_named(&scratch.admin, &scratch.name, true).await,
        };
        SCRATCH
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .retain(|(_, n)| n != &scratch.name);
        dropped
    }
}

/// Read the schema `source` names; `flag` is the flag that named it (`--from`), for errors.
/// `scratch_url` overrides where scratch databases go.
pub async fn read(
    ctx: &RunContext,
    source: &Source,
    flag: &'static str,
    scratch_url: Option<&str>,
) -> Result<Schema> {
    let read = async {
        let opened = open(ctx, source, flag, scratch_url).await?;
        let schema = catalog::read(&opened.session.client, catalog::Purpose::Plan).await;
        let closed = opened.close().await;
        let schema = schema?;
        closed?;
        Ok::<_, anyhow::Error>(schema)
    };
    read.await
        .with_context(|| format!("could not read the schema of {flag} {source}"))
}

/// Open the database `source` names: the target, another by URL or a snapshot as they are,
/// or files built into a scratch database on the development server. `flag` is the flag that
/// named it, which a connection failure names.
pub async fn open(
    ctx: &RunContext,
    source: &Source,
    flag: &'static str,
    scratch_url: Option<&str>,
) -> Result<Opened> {
    let as_it_is = |target: Target| async move {
        Ok(Opened {
            session: db::connect(&target).await?,
            scratch: None,
        })
    };
    match source {
        Source::Db => as_it_is(ctx.target()?).await,
        Source::Url(url) => as_it_is(ctx.url_target(url, flag)?).await,
        Source::Snapshot(name) => {
            let dev = ctx.development_target(scratch_url)?;
            let admin = db::connect_admin(&dev, ctx.maintenance_db.as_deref()).await?;
            let database = snapshot::database_name(dev.conn.database(), name);
            if !db::database_exists(&admin, &database).await? {
                return Err(Fail::new(
                    Exit::Failure,
                    format!(
                        "no snapshot {name:?} of {}",
                        quote_ident(dev.conn.database())
                    ),
                )
                .hint("`cruddur-db snapshot list` shows the snapshots")
                .into());
            }
            as_it_is(Target {
                conn: dev.conn.with_database(&database),
                ..dev
            })
            .await
        }
        Source::File(path) => {
            let path = ctx.places().cwd.join(path);
            if !path.is_file() {
                return Err(Fail::new(
                    Exit::Failure,
                    format!("file:{}: no such file", path.display()),
                )
                .hint("name an SQL file, relative to the current directory")
                .into());
            }
            let files = Files {
                places: ctx.places(),
                schema: Some(path),
                migrations: Vec::new(),
            };
            scratch(ctx, scratch_url, &files).await
        }
        Source::Files => {
            let (schema, migrations) = project(ctx)?;
            let files = Files {
                places: ctx.places(),
                schema: Some(schema),
                migrations,
            };
            scratch(ctx, scratch_url, &files).await
        }
    }
}

/// Scratch databases being built now, removed on a signal.
static SCRATCH: Mutex<Vec<(Target, String)>> = Mutex::new(Vec::new());

/// Drop the scratch databases a stopped run was building.
pub async fn remove_scratch() {
    let built: Vec<(Target, String)> =
        std::mem::take(&mut *SCRATCH.lock().unwrap_or_else(|e| e.into_inner()));
    for (target, name) in built {
        if let Ok(admin) = db::connect_admin(&target, None).await {
            let _ = db::admin::drop_named(&admin, &name, true).await;
        }
    }
}

/// Build `files` into a scratch database on the development server, or clone the template
/// an earlier build of the same files left, and open it.
async fn scratch(ctx: &RunContext, scratch_url: Option<&str>, files: &Files<'_>) -> Result<Opened> {
    let dev = ctx.development_target(scratch_url)?;
    let admin = db::connect_admin(&dev, ctx.maintenance_db.as_deref()).await?;
    if let Some(why) = guard::production_server(&admin, &dev).await? {
        return Err(Fail::new(
            Exit::Refused,
            format!(
                "will not build a scratch database on {}:{}: {why}",
                dev.conn.host(),
                dev.conn.port()
            ),
        )
        .hint("point CONNECTION_URL (or --scratch-url) at a development server")
        .into());
    }
    remove_old_scratch(&admin).await?;
    // The files' own template, apart from setup's (which holds the seed too).
    let label = format!("{}+files", dev.conn.database());
    let paths: Vec<&Path> = files
        .schema
        .iter()
        .map(PathBuf::as_path)
        .chain(files.migrations.iter().map(|m| m.path.as_path()))
        .collect();
    let inspection = script::inspect(&paths, &[], files.places)?;
    let key = match inspection.unhashable {
        None => Some(cache::key(&admin, &inspection).await?),
        Some(_) => None,
    };
    let template = match &key {
        Some(key) => cache::templates_of(&admin, &label)
            .await?
            .into_iter()
            .find(|t| t.key == *key),
        None => None,
    };
    let tag = &uuid::Uuid::new_v4().simple().to_string()[..8];
    let name = format!("{}_cdb_diff_{tag}", side::prefix(dev.conn.database(), 40));
    let cloned = create_scratch(&admin, &name, template.as_ref()).await?;
    SCRATCH
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .push((dev.clone(), name.clone()));
    let mark = Mark::Scratch {
        made: crate::clock::now_secs(),
    };
    let started = Instant::now();
    let built = async {
        side::comment(&admin, &name, Some(&mark.comment())).await?;
        let target = Target {
            conn: dev.conn.with_database(&name),
            ..dev.clone()
        };
        let session = db::connect(&target).await?;
        if cloned {
            return Ok(session);
        }
        // The files' notices ("table does not exist, skipping") are the build's business.
        session
            .client
            .batch_execute("SET client_min_messages = warning")
            .await
            .map_err(PgError)?;
        if let Some(schema) = &files.schema {
            script::run_file(&session, schema, RunOptions::file(true, files.places), &[])
                .await
                .with_context(|| {
                    format!(
                        "could not build {} into a scratch database",
                        schema.display()
                    )
                })?;
        }
        migrate::apply_pending(&session, &files.migrations, files.places, false)
            .await
            .context("could not apply the migrations to a scratch database")?;
        Ok::<_, anyhow::Error>(session)
    }
    .await;
    let took = started.elapsed();
    let session = match built {
        Ok(session) => session,
        Err(err) => {
            let _ = db::admin::drop_named(&admin, &name, true).await;
            SCRATCH
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .retain(|(_, n)| n != &name);
            return Err(err);
        }
    };
    let keep = match (cloned, key) {
        (false, Some(key)) if took >= cache::WORTH_KEEPING => Some((label, key, took)),
        _ => None,
    };
    Ok(Opened {
        session,
        scratch: Some(Scratch { admin, name, keep }),
    })
}

/// Create scratch database `name`, cloned from `template` when there is one that no session
/// holds; whether it was cloned.
async fn create_scratch(
    admin: &tokio_postgres::Client,
    name: &str,
    template: Option<&cache::Template>,
) -> Result<bool> {
    if let Some(template) = template {
        let version = db::server_version(admin).await?;
        match side::create(admin, name, name, Some((&template.name, version))).await {
            Ok(()) => {
                ui::verbose(format_args!(
                    "cloned template {} instead of building the files",
                    quote_ident(&template.name)
                ));
                return Ok(true);
            }
            Err(err) => ui::verbose(format_args!(
                "cannot clone {} ({err}); building the files",
                quote_ident(&template.name)
            )),
        }
    }
    let sql = format!("CREATE DATABASE {}", quote_ident(name));
    ui::verbose(format_args!("> {sql}"));
    admin
        .batch_execute(&sql)
        .await
        .map_err(PgError)
        .with_context(|| format!("could not create scratch database {}", quote_ident(name)))?;
    Ok(false)
}

/// Scratch databases a crashed run left, an hour old or more (younger ones may be another
/// run's, building now).
async fn remove_old_scratch(admin: &tokio_postgres::Client) -> Result<()> {
    let now = crate::clock::now_secs();
    for (name, mark) in side::marked(admin).await? {
        if let Mark::Scratch { made } = mark
            && now.saturating_sub(made) >= 3600
        {
            let _ = db::admin::drop_named(admin, &name, false).await;
        }
    }
    Ok(())
}
