//! `copy [--from SRC] [--plan] [--init]`: the development database rebuilt from the project's
//! files (schema.sql and the migrations, aside, then swapped in) with production's rows in
//! place of the seed: the rows the rules in sql/copy.toml reach, masked as they pass. Every
//! refusal comes before the development database is touched, and production is only read.

use std::time::{Duration, Instant};

use anyhow::{Context, Result};
use tokio_postgres::Client;

use crate::cli::CopyArgs;
use crate::context::RunContext;
use crate::copy::closure::{self, Selection};
use crate::copy::fake::Faker;
use crate::copy::plan::{self, Summary};
use crate::copy::scope::{self, Scope};
use crate::copy::stream::{self, Shape};
use crate::copy::tables::{self, Tables};
use crate::copy::{self, init, rules, verify};
use crate::db::{self, PgError, Target, quote_ident, run_lock};
use crate::error::{Exit, Fail};
use crate::migrate::{self, Migration};
use crate::rebuild::{Step, build, set_command, set_step, side};
use crate::schema::catalog;
use crate::schema::schema_file;
use crate::schema::source::{self, Source};
use crate::script::RunOptions;
use crate::{chores, erd, guard, ui};

pub async fn run(ctx: &RunContext, args: &CopyArgs) -> Result<()> {
    let started = Instant::now();
    let path = ctx.sql_path(copy::RULES_FILE)?;
    if args.init {
        return write_starter(ctx, &path).await;
    }
    let rules = rules::read(&ctx.places().cwd.join(&path))?;
    let from = source_target(ctx, args)?;
    let (schema, migrations) = source::project(ctx)?;
    // Every refusal about the destination comes before production is read.
    let destination = match args.plan {
        true => None,
        false => Some(destination(ctx, &from).await?),
    };
    let session = db::connect(&from).await?;
    let client = &session.client;
    let copied = async {
        let read_at = copy::begin(client).await?;
        // The rules first: a column without one refuses before any row is read.
        let tables = tables::read(client).await?;
        let scope = scope::resolve(&rules, &tables)?;
        let applied: Vec<String> = migrate::history::applied(client)
            .await?
            .into_iter()
            .map(|a| a.version)
            .collect();
        let files: Vec<String> = migrations.iter().map(|m| m.version.clone()).collect();
        copy::same_versions(&applied, &files)?;
        let finding = Instant::now();
        let selection = closure::select(client, &tables, &scope).await?;
        ui::verbose(format_args!(
            "found the {} rows to copy {}",
            selection.total(),
            ui::format_elapsed(finding.elapsed())
        ));
        let Some((target, admin)) = destination else {
            return plan::print(&scope, &selection, rules.max_rows);
        };
        if selection.total() > rules.max_rows {
            return Err(Fail::new(
                Exit::Refused,
                format!(
                    "the copy would take {} rows, more than max_rows = {}; nothing was written",
                    selection.total(),
                    rules.max_rows
                ),
            )
            .hint("narrow [copy] start (WHERE, LIMIT) or raise max_rows; `cruddur-db copy --plan` shows where the rows come from")
            .into());
        }
        let job = Job {
            source: client,
            tables: &tables,
            scope: &scope,
            selection: &selection,
            schema: &schema,
            migrations: &migrations,
            key: copy::key(ctx.copy_key()),
        };
        let rows = build(ctx, args, &admin, &target, &job).await?;
        let summary = Summary {
            database: from.conn.database(),
            host: format!("{}:{}", from.conn.host(), from.conn.port()),
            read_at: &read_at,
            took: started.elapsed(),
            rules_hash: &rules.hash,
            key_from: job.key.1,
            rows,
        };
        side::comment(&admin, target.conn.database(), Some(&summary.to_string()))
            .await
            .context("could not keep the copy's summary in the database's comment")?;
        ui::done("copy", &summary, started.elapsed());
        Ok(())
    }
    .await;
    // Nothing was written there: ending the snapshot is all there is to do.
    let _ = client.batch_execute("ROLLBACK").await;
    match copied {
        Err(err) => Err(catalog::locked_out(client, err).await),
        ok => ok,
    }
}

/// Rebuild the development database aside with `job`'s rows, one copy or setup at a time;
/// returns the rows copied per table.
async fn build(
    ctx: &RunContext,
    args: &CopyArgs,
    admin: &Client,
    target: &Target,
    job: &Job<'_>,
) -> Result<Vec<(String, u64)>> {
    ui::status(
        "copy",
        format_args!("stand-ins are drawn under {}", job.key.1),
    );
    let name = target.conn.database();
    set_command("copy");
    set_step(Some(Step::Building("lock")));
    run_lock::acquire(
        admin,
        "setup",
        name,
        args.lock_timeout.map(Duration::from_secs),
    )
    .await?;
    let mut rows = Vec::new();
    build::aside(admin, name, args.force, "copy", async |side_name| {
        rows = fill(ctx, admin, target, side_name, job).await?;
        Ok(())
    })
    .await?;
    Ok(rows)
}

/// What one copy moves.
struct Job<'a> {
    source: &'a Client,
    tables: &'a Tables,
    scope: &'a Scope,
    selection: &'a Selection,
    schema: &'a std::path::Path,
    migrations: &'a [Migration],
    /// The key stand-ins are drawn under, and where it came from.
    key: (Vec<u8>, &'static str),
}

/// The database to read: `--from url:...`, else `PROD_CONNECTION_URL`.
fn source_target(ctx: &RunContext, args: &CopyArgs) -> Result<Target> {
    match &args.from {
        None => ctx.prod_env_target()?.ok_or_else(|| {
            Fail::new(
                Exit::Usage,
                "copy reads production, and PROD_CONNECTION_URL is not set",
            )
            .hint(
                "set PROD_CONNECTION_URL (in .env), or name the source with --from url:CONNSTRING",
            )
            .into()
        }),
        Some(text) => match Source::given(text, "--from")? {
            Source::Url(url) => ctx.url_target(&url, "--from"),
            other => Err(Fail::new(
                Exit::Usage,
                format!("copy reads rows from a live database, and --from {other} is not one"),
            )
            .hint("e.g. --from url:postgresql://reader@db.example.com/cruddur?sslmode=require")
            .into()),
        },
    }
}

/// The development database the copy replaces, and a session beside it; refused when it is
/// production (`--prod`, marked, an RDS host, PROD_CONNECTION_URL's) or the source itself.
async fn destination(ctx: &RunContext, from: &Target) -> Result<(Target, Client)> {
    let target = ctx.target()?;
    let refuse = |why: String| -> anyhow::Error {
        Fail::new(
            Exit::Refused,
            format!(
                "copy writes only a development database, and {} on {} {why}; nothing was done",
                quote_ident(target.conn.database()),
                target.conn.host()
            ),
        )
        .hint("point CONNECTION_URL (or --url) at your development database, without --prod")
        .into()
    };
    if target.prod {
        return Err(refuse("was named with --prod".into()));
    }
    let same = target.conn.host() == from.conn.host()
        && target.conn.port() == from.conn.port()
        && target.conn.database() == from.conn.database();
    if same {
        return Err(refuse("is the source".into()));
    }
    // Said before connecting: an RDS host is production whatever its database says.
    if target.conn.is_rds() {
        return Err(refuse("is on an RDS host".into()));
    }
    let admin = db::connect_admin(&target, ctx.maintenance_db.as_deref()).await?;
    if let Some(why) = guard::production_reason(&admin, &target).await? {
        return Err(refuse(why.into()));
    }
    Ok((target, admin))
}

/// Build side database `side_name`: the files, then the rows, checked; returns the rows
/// copied per table.
async fn fill(
    ctx: &RunContext,
    admin: &Client,
    target: &Target,
    side_name: &str,
    job: &Job<'_>,
) -> Result<Vec<(String, u64)>> {
    set_step(Some(Step::Building("create")));
    side::create(admin, side_name, target.conn.database(), None)
        .await
        .context("could not create the new database")?;
    let side_target = Target {
        conn: target.conn.with_database(side_name),
        ..target.clone()
    };
    let session = db::connect(&side_target).await?;
    set_step(Some(Step::Building("schema-load")));
    chores::load(
        &session,
        "schema-load",
        job.schema,
        RunOptions::file(true, ctx.places()),
        &[],
    )
    .await
    .context("copy stopped at step schema-load")?;
    set_step(Some(Step::Building("migrate")));
    migrate::apply_pending(&session, job.migrations, ctx.places(), false)
        .await
        .context("copy stopped at step migrate")?;
    set_step(Some(Step::Building("copy")));
    let target_client = &session.client;
    let built = tables::read(target_client).await?;
    fits(job, &built)?;
    target_client
        .batch_execute("SET lock_timeout = '5s'")
        .await
        .map_err(PgError)?;
    // As pg_dump --disable-triggers loads: the application's triggers do not rewrite the
    // copied rows, and references are checked once, below, instead of row by row.
    match target_client
        .batch_execute("SET session_replication_role = replica")
        .await
    {
        Ok(()) => {}
        Err(err)
            if err.code() == Some(&tokio_postgres::error::SqlState::INSUFFICIENT_PRIVILEGE) =>
        {
            ui::note(
                "not a superuser: triggers fire and foreign keys are checked as the rows load (parents load first)",
            )
        }
        Err(err) => return Err(PgError(err).into()),
    }
    let mut faker = Faker::new(&job.key.0);
    let mut rows = Vec::new();
    for name in &job.scope.order {
        let table = &job.tables.tables[name];
        let shape = Shape::of(table, &job.scope.columns[name]);
        let expected = job.selection.count(name);
        let moved = stream::table(
            job.source,
            target_client,
            table,
            &shape,
            &job.selection.rows[name],
            expected,
            &mut faker,
        )
        .await?;
        rows.push((table.short().to_string(), moved.rows));
    }
    target_client
        .batch_execute("RESET session_replication_role")
        .await
        .map_err(PgError)?;
    set_step(Some(Step::Building("verify")));
    let checking = Instant::now();
    verify::references(target_client, job.tables, &job.scope.edges).await?;
    let moved = verify::sequences(target_client, job.tables, &job.scope.order).await?;
    ui::verbose(format_args!(
        "every reference resolves; {moved} sequences moved past the copied values {}",
        ui::format_elapsed(checking.elapsed())
    ));
    Ok(rows)
}

/// Refuse when the files build copied tables without a column the source has.
fn fits(job: &Job<'_>, built: &Tables) -> Result<()> {
    let mut missing = Vec::new();
    for name in &job.scope.order {
        let source = &job.tables.tables[name];
        match built.tables.get(name) {
            None => missing.push(format!("table {name}")),
            Some(table) => missing.extend(
                source
                    .columns
                    .iter()
                    .filter(|c| table.column(&c.name).is_none())
                    .map(|c| format!("column {name}.{}", c.name)),
            ),
        }
    }
    if missing.is_empty() {
        return Ok(());
    }
    Err(Fail::new(
        Exit::Refused,
        format!(
            "the files build no {} that the source has",
            missing.join(", ")
        ),
    )
    .hint("the source's schema differs from the files': `cruddur-db diff --from files --to url:...` shows how")
    .into())
}

/// `copy --init`: the starter rules from the project's files, built in a scratch database.
async fn write_starter(ctx: &RunContext, path: &std::path::Path) -> Result<()> {
    let full = ctx.places().cwd.join(path);
    if full.exists() {
        return Err(Fail::new(
            Exit::Failure,
            format!("{} already exists; nothing was written", path.display()),
        )
        .hint("edit it, or move it away to write a new starter")
        .into());
    }
    let opened = source::open(ctx, &Source::Files, "--init", None).await?;
    let read = async {
        let model = erd::model::read(&opened.session.client).await?;
        let tables = tables::read(&opened.session.client).await?;
        let implied: Vec<_> = model
            .relations
            .into_iter()
            .filter(|r| r.implied())
            .collect();
        anyhow::Ok(init::starter(&tables, &implied))
    }
    .await;
    let closed = opened.close().await;
    let text = read?;
    closed?;
    schema_file::write_whole(&full, &text)?;
    ui::status(
        "copy",
        format_args!(
            "wrote {}: review every rule, then delete its first line (copy refuses until then)",
            path.display()
        ),
    );
    Ok(())
}
