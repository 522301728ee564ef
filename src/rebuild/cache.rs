//! The template cache: after a load slow enough to matter, a copy of the freshly built
//! database is kept as a template named from a hash of everything that shaped it, and the
//! next `setup` with the same hash clones it instead of replaying the files.

use std::time::{Duration, Instant};

use anyhow::{Context, Result};
use sha2::{Digest, Sha256};
use tokio_postgres::Client;
use tokio_postgres::error::SqlState;

use super::side::{self, Mark, prefix};
use super::{Step, set_step};
use crate::db::{self, PgError, Target, quote_ident};
use crate::error::{Exit, Fail};
use crate::script::Inspection;
use crate::ui;

/// Whether `setup` may use and keep templates (`CRUDDUR_DB_TEMPLATE`, `--no-template`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Mode {
    Off,
    /// Keep a template only when loading took at least [`WORTH_KEEPING`].
    #[default]
    Auto,
    /// Always keep one.
    On,
}

impl Mode {
    /// `--no-template`, else the `CRUDDUR_DB_TEMPLATE` setting (off, on; `None` is `auto`),
    /// else `--rebuild-template` (which keeps one), else `auto`.
    pub fn chosen(no_template: bool, rebuild_template: bool, setting: Option<bool>) -> Mode {
        if no_template {
            return Mode::Off;
        }
        match setting {
            Some(false) => Mode::Off,
            Some(true) => Mode::On,
            _ if rebuild_template => Mode::On,
            _ => Mode::Auto,
        }
    }
}

/// A load at least this long is worth a template. Measured on a 2-core machine: cloning costs
/// about 50 ms for the tiny default files (which load in 10 ms) and 150 ms for a 30 MB seed
/// (which loads in 500 ms); keeping the template costs about as much as one clone, once.
pub const WORTH_KEEPING: Duration = Duration::from_millis(300);

/// How many templates to keep per target: the current files' and the previous ones' (a
/// branch switch back and forth).
const KEEP: usize = 2;

/// A template kept for a target.
#[derive(Debug)]
pub struct Template {
    pub name: String,
    pub key: String,
    /// Unix milliseconds when it was made.
    pub built_ms: u64,
    pub load: Duration,
    pub bytes: i64,
}

impl Template {
    /// How long ago it was built, for status lines.
    pub fn age(&self) -> String {
        crate::clock::ago(self.built_ms / 1000)
    }
}

/// The cache key: cruddur-db's version, the files' bytes (includes too), and what the server
/// makes of them: its version, the role, template1's encoding and locale, the extensions it
/// offers, and the date when the files read the clock.
pub async fn key(client: &Client, files: &Inspection) -> Result<String> {
    let row = client
        .query_one(
            "SELECT current_setting('server_version_num'), current_user::text,
                    pg_encoding_to_char(t.encoding)::text, t.datcollate::text, t.datctype::text,
                    (SELECT string_agg(name || '=' || coalesce(default_version, ''), ',' ORDER BY name)
                     FROM pg_available_extensions),
                    current_date::text
             FROM pg_database t WHERE t.datname = 'template1'",
            &[],
        )
        .await
        .map_err(PgError)
        .context("could not read what the template cache key needs")?;
    let mut hasher = Sha256::new();
    hasher.update(env!("CARGO_PKG_VERSION"));
    hasher.update(&files.digest);
    for column in 0..6 {
        hasher.update([0]);
        hasher.update(row.get::<_, Option<String>>(column).unwrap_or_default());
    }
    if files.reads_clock {
        hasher.update(row.get::<_, String>(6));
    }
    let digest = hasher.finalize();
    Ok(digest.iter().take(8).map(|b| format!("{b:02x}")).collect())
}

/// The template name for `target` and `key`, within 63 bytes.
pub fn name(target: &str, key: &str) -> String {
    format!("{}_cdb_tpl_{}", prefix(target, 38), &key[..12])
}

/// `target`'s templates, newest first, with their sizes.
pub async fn templates_of(client: &Client, target: &str) -> Result<Vec<Template>> {
    let mut templates = Vec::new();
    for (name, mark) in side::marked(client).await? {
        let Mark::Template {
            target: of,
            key,
            built_ms,
            load_ms,
        } = mark
        else {
            continue;
        };
        if of != target {
            continue;
        }
        let Some(bytes) = side::size_of(client, &name).await? else {
            continue;
        };
        templates.push(Template {
            name,
            key,
            built_ms,
            load: Duration::from_millis(load_ms),
            bytes,
        });
    }
    templates.sort_by_key(|t| std::cmp::Reverse(t.built_ms));
    Ok(templates)
}

/// Keep a copy of `built` (just loaded, no session on it) as `target`'s template for `key`,
/// then drop all but the newest few of its templates. `None` when an old template of that
/// name has sessions on it: they are never ended, so it stays.
pub async fn save(
    client: &Client,
    built: &str,
    target: &str,
    key: &str,
    load: Duration,
) -> Result<Option<String>> {
    let template = name(target, key);
    if crate::db::database_exists(client, &template).await?
        && side::drop_unless_in_use(client, &template).await.is_err()
    {
        return Ok(None);
    }
    let sql = format!(
        "CREATE DATABASE {} TEMPLATE {}",
        quote_ident(&template),
        quote_ident(built)
    );
    ui::verbose(format_args!("> {sql}"));
    super::retry_while_in_use(|| client.batch_execute(&sql))
        .await
        .map_err(PgError)
        .with_context(|| format!("could not keep {} as a template", quote_ident(&template)))?;
    mark_and_prune(client, &template, target, key, load).await?;
    Ok(Some(template))
}

/// Make `built` (just loaded, no session on it, and no longer needed under its name)
/// `target`'s template for `key` by renaming it: no copy. `None` when a template of that name
/// exists already (another run kept the same files first).
pub async fn adopt(
    client: &Client,
    built: &str,
    target: &str,
    key: &str,
    load: Duration,
) -> Result<Option<String>> {
    let template = name(target, key);
    if crate::db::database_exists(client, &template).await? {
        return Ok(None);
    }
    let sql = format!(
        "ALTER DATABASE {} RENAME TO {}",
        quote_ident(built),
        quote_ident(&template)
    );
    ui::verbose(format_args!("> {sql}"));
    super::retry_while_in_use(|| client.batch_execute(&sql))
        .await
        .map_err(PgError)
        .with_context(|| format!("could not keep {} as a template", quote_ident(built)))?;
    mark_and_prune(client, &template, target, key, load).await?;
    Ok(Some(template))
}

/// Mark `template` as `target`'s for `key`, then drop all but the newest few of its
/// templates.
async fn mark_and_prune(
    client: &Client,
    template: &str,
    target: &str,
    key: &str,
    load: Duration,
) -> Result<()> {
    let mark = Mark::Template {
        target: target.to_string(),
        key: key.to_string(),
        built_ms: crate::clock::now_ms(),
        load_ms: load.as_millis() as u64,
    };
    side::comment(client, template, Some(&mark.comment())).await?;
    for old in templates_of(client, target).await?.into_iter().skip(KEEP) {
        // One in use stays until the next run.
        let _ = side::drop_unless_in_use(client, &old.name).await;
    }
    Ok(())
}

/// Create the side database from `template`, when there is one and it can be cloned.
/// Returns whether it did; otherwise the side database exists, empty.
pub async fn clone_or_create(
    admin: &Client,
    target: &Target,
    side_name: &str,
    template: Option<&Template>,
) -> Result<bool> {
    let name = target.conn.database();
    let started = Instant::now();
    if let Some(template) = template {
        let version = db::server_version(admin).await?;
        match side::create(admin, side_name, name, Some((&template.name, version))).await {
            Ok(()) => {
                ui::done(
                    "template",
                    format_args!(
                        "cache hit: cloned {} ({}, built {} ago); loading the files is skipped (it took {})",
                        quote_ident(&template.name),
                        ui::size(template.bytes),
                        template.age(),
                        ui::format_elapsed(template.load).trim_matches(['(', ')'])
                    ),
                    started.elapsed(),
                );
                return Ok(true);
            }
            // Never end anyone's session on the template: load the files instead.
            Err(err)
                if matches!(
                    err.code(),
                    Some(code) if *code == SqlState::OBJECT_IN_USE || *code == SqlState::INSUFFICIENT_PRIVILEGE
                ) =>
            {
                ui::status(
                    "template",
                    format_args!(
                        "cannot clone {} ({err}); loading the files instead",
                        quote_ident(&template.name)
                    ),
                );
            }
            Err(err) => {
                return Err(anyhow::Error::new(err).context("setup stopped at step create"));
            }
        }
    }
    side::create(admin, side_name, name, None)
        .await
        .map_err(|err| create_failed(err, target, side_name))?;
    ui::done(
        "create",
        format_args!(
            "created {} to build {} aside",
            quote_ident(side_name),
            quote_ident(name)
        ),
        started.elapsed(),
    );
    Ok(false)
}

fn create_failed(err: PgError, target: &Target, side_name: &str) -> anyhow::Error {
    let hint = if err.code() == Some(&SqlState::INSUFFICIENT_PRIVILEGE) {
        format!(
            "user {:?} may not create databases: use a user with CREATEDB (on RDS, the master user)",
            target.conn.user()
        )
    } else {
        "see the server's message above".to_string()
    };
    anyhow::Error::new(err).context(
        Fail::new(
            Exit::Failure,
            format!(
                "setup stopped at step create: could not create {}",
                quote_ident(side_name)
            ),
        )
        .hint(hint),
    )
}

/// After a full load, keep a template when it pays (or always, with mode On).
pub async fn keep(
    admin: &Client,
    built: &str,
    name: &str,
    files: &Inspection,
    key: Option<&str>,
    took: Duration,
    mode: Mode,
) -> Result<()> {
    if mode == Mode::Auto && took < WORTH_KEEPING {
        ui::verbose(format_args!(
            "template cache: not kept; loading took {}, under {} ms",
            ui::format_elapsed(took),
            WORTH_KEEPING.as_millis()
        ));
        return Ok(());
    }
    set_step(Some(Step::Building("template")));
    let started = Instant::now();
    let key = match key {
        Some(known) => known.to_string(),
        None => self::key(admin, files).await?,
    };
    match save(admin, built, name, &key, took).await? {
        Some(template) => ui::done(
            "template",
            format_args!(
                "cache miss: kept {} so the next setup with the same files clones it instead of loading them",
                quote_ident(&template)
            ),
            started.elapsed(),
        ),
        None => ui::status(
            "template",
            "cache not refreshed: the old template has sessions on it, which are never ended",
        ),
    }
    Ok(())
}
