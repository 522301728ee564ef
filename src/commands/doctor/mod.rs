//! `doctor`: walks from the environment to a working database one checked step at a time and
//! stops at the first broken one, saying why and what to do.

use std::fmt::Display;
use std::time::{Duration, Instant};

use anyhow::Result;
use serde::Serialize;
use tokio_postgres::error::SqlState;

use crate::cli::DoctorArgs;
use crate::context::RunContext;
use crate::db::{self, PgError, quote_ident};
use crate::error::{Exit, Fail};
use crate::failure;

mod network;

use self::network::{iam_refused, reach, settings};
use crate::ui;

/// One checklist line. Field names are the `--json` format, documented in docs/.
#[derive(Debug, Serialize)]
struct Step {
    step: &'static str,
    ok: bool,
    detail: String,
    seconds: f64,
    #[serde(skip_serializing_if = "Option::is_none")]
    hint: Option<String>,
}

/// A broken step: the exit code it maps to and the hint for it.
struct Broken {
    exit: Exit,
    detail: String,
    hint: String,
}

fn broken(exit: Exit, detail: impl Display, hint: impl Into<String>) -> Broken {
    Broken {
        exit,
        detail: detail.to_string(),
        hint: hint.into(),
    }
}

struct Checklist {
    steps: Vec<Step>,
    json: bool,
}

impl Checklist {
    /// Run one step, record and print its verdict, and stop the walk when it broke.
    async fn check<T>(
        &mut self,
        step: &'static str,
        work: impl Future<Output = Result<(T, String), Broken>>,
    ) -> Result<T, Exit> {
        let started = Instant::now();
        let outcome = work.await;
        let seconds = started.elapsed().as_secs_f64();
        let (result, line) = match outcome {
            Ok((value, detail)) => (
                Ok(value),
                Step {
                    step,
                    ok: true,
                    detail,
                    seconds,
                    hint: None,
                },
            ),
            Err(broken) => (
                Err(broken.exit),
                Step {
                    step,
                    ok: false,
                    detail: broken.detail,
                    seconds,
                    hint: Some(broken.hint),
                },
            ),
        };
        if !self.json {
            ui::check(
                line.ok,
                line.step,
                &line.detail,
                Duration::from_secs_f64(seconds),
                line.hint.as_deref(),
            );
        }
        self.steps.push(line);
        result
    }
}

pub async fn run(ctx: &RunContext, args: &DoctorArgs) -> Result<()> {
    let mut list = Checklist {
        steps: Vec::new(),
        json: args.json,
    };
    let outcome = walk(ctx, args, &mut list).await;
    if args.json {
        ui::json(&list.steps)?;
    }
    match outcome {
        Ok(()) => {
            ui::status("doctor", "every check passed");
            Ok(())
        }
        Err(exit) => {
            let step = list.steps.last().map_or("?", |s| s.step);
            Err(Fail::new(
                exit,
                format!("doctor: the path to the database breaks at step `{step}`"),
            )
            .hint("fix that step (its hint is above) and run `cruddur-db doctor` again")
            .into())
        }
    }
}

async fn walk(ctx: &RunContext, args: &DoctorArgs, list: &mut Checklist) -> Result<(), Exit> {
    let origin = ctx.origin();
    let target = list
        .check("url", async {
            match ctx.target() {
                Ok(target) => {
                    let detail = settings(&target.conn, origin, target.iam.is_some());
                    Ok((target, detail))
                }
                Err(err) => {
                    let exit = failure::classify(&err).0;
                    let hint = failure::specific_hint(&err).unwrap_or("fix the URL");
                    Err(broken(exit, format!("{err:#}"), hint))
                }
            }
        })
        .await?;
    let url = &target.conn;
    // libpq tries the hosts in turn and uses the first that works: so does doctor, checking
    // each one and naming it when there are several, and passing when one is reachable.
    match url.hosts.as_slice() {
        [host] => reach(list, ctx, args, url, host, "").await?,
        hosts => {
            let mut first_failure = None;
            let mut working = 0;
            for host in hosts {
                match reach(list, ctx, args, url, host, &format!("{host}: ")).await {
                    Ok(()) => working += 1,
                    Err(exit) => {
                        first_failure.get_or_insert(exit);
                    }
                }
            }
            let total = hosts.len();
            list.check("hosts", async {
                match (working, first_failure) {
                    (0, failure) => Err(broken(
                        failure.unwrap_or(Exit::Unreachable),
                        format!("none of the {total} hosts can be reached"),
                        "fix one of them: each host's own line above says why it failed",
                    )),
                    _ => Ok((
                        (),
                        format!(
                            "{working} of {total} hosts reachable; libpq uses the first that works"
                        ),
                    )),
                }
            })
            .await?;
        }
    }

    let session = list
        .check("authentication", async {
            match db::connect(&target).await {
                Ok(session) => Ok((Some(session), format!("as user {:?}", url.user()))),
                // The server checks the password before it looks for the database.
                Err(err) if PgError::code_in(&err) == Some(&SqlState::INVALID_CATALOG_NAME) => {
                    Ok((None, format!("as user {:?}", url.user())))
                }
                Err(err) => {
                    let exit = failure::classify(&err).0;
                    let hint = match &target.iam {
                        Some(_) if exit == Exit::Auth && PgError::code_in(&err).is_some() => {
                            iam_refused(ctx, &target).await
                        }
                        _ => failure::specific_hint(&err)
                            .unwrap_or("check the URL")
                            .to_string(),
                    };
                    Err(broken(exit, format!("{err:#}"), hint))
                }
            }
        })
        .await?;
    let database = quote_ident(url.database());
    let session = list
        .check("database", async {
            match session {
                Some(session) => Ok((session, format!("{database} exists"))),
                None => Err(broken(
                    Exit::Failure,
                    format!("database {database} does not exist"),
                    "create it with `cruddur-db create`, or reset everything with `cruddur-db setup`",
                )),
            }
        })
        .await?;
    let client = &session.client;
    let query_failed = |err| {
        broken(
            Exit::Failure,
            PgError(err),
            "the server answered with an error; see above",
        )
    };

    list.check("server version", async {
        let row = client
            .query_one("SELECT current_setting('server_version'), current_setting('server_version_num')::int", &[])
            .await
            .map_err(query_failed)?;
        let number: i32 = row.get(1);
        if number < 120_000 {
            return Err(broken(
                Exit::Failure,
                format!("PostgreSQL {}", row.get::<_, String>(0)),
                "cruddur-db supports PostgreSQL 12 and newer",
            ));
        }
        Ok(((), format!("PostgreSQL {}", row.get::<_, String>(0))))
    })
    .await?;

    list.check("extensions", async {
        let row = client
            .query_opt(
                "SELECT installed_version FROM pg_available_extensions WHERE name = 'uuid-ossp'",
                &[],
            )
            .await
            .map_err(query_failed)?;
        match row {
            Some(row) => match row.get::<_, Option<String>>(0) {
                Some(version) => Ok(((), format!("uuid-ossp {version} installed"))),
                None => Ok(((), "uuid-ossp available (the schema creates it)".to_string())),
            },
            None => Err(broken(
                Exit::Failure,
                "uuid-ossp is not available on this server",
                "install the server's contrib package (apt-get install postgresql-contrib); RDS has it",
            )),
        }
    })
    .await?;

    list.check("privileges", async {
        let row = client
            .query_one(
                "SELECT r.rolcreatedb OR r.rolsuper, has_schema_privilege('public', 'CREATE')
                 FROM pg_roles r WHERE r.rolname = current_user",
                &[],
            )
            .await
            .map_err(query_failed)?;
        let (create_db, create_in_public): (bool, bool) = (row.get(0), row.get(1));
        let user = url.user();
        if !create_db {
            return Err(broken(
                Exit::Failure,
                format!("user {user:?} may not create databases, so `create` and `setup` will fail"),
                format!("ALTER ROLE {} CREATEDB as a superuser, or use a user that has it (on RDS, the master user)", quote_ident(user)),
            ));
        }
        if !create_in_public {
            return Err(broken(
                Exit::Failure,
                format!("user {user:?} may not create tables in schema public, so `schema-load` will fail"),
                format!("GRANT CREATE ON SCHEMA public TO {} (PostgreSQL 15 no longer grants it to everyone)", quote_ident(user)),
            ));
        }
        Ok(((), "can create databases and tables in schema public".to_string()))
    })
    .await?;

    list.check("connections", async {
        let row = client
            .query_one(
                "SELECT current_setting('max_connections')::int
                      - current_setting('superuser_reserved_connections')::int,
                        (SELECT count(*)::int FROM pg_stat_activity WHERE backend_type = 'client backend')",
                &[],
            )
            .await
            .map_err(query_failed)?;
        let (max, used): (i32, i32) = (row.get(0), row.get(1));
        let detail = format!("{} of {max} connection slots free", max - used);
        if max - used < 3 {
            return Err(broken(Exit::Unreachable, detail, "`cruddur-db sessions --all` shows who holds them; `cruddur-db kill` ends them"));
        }
        Ok(((), detail))
    })
    .await?;

    list.check("schema", async {
        if ctx.sql_file(None, crate::config::SCHEMA_FILE).is_err() {
            return Ok(((), "skipped: no sql/schema.sql here or above".to_string()));
        }
        match crate::schema::drift::drift(ctx).await {
            Ok(plan) if plan.is_empty() => Ok(((), "the database has the schema its files build".to_string())),
            Ok(plan) => Err(broken(
                Exit::Failure,
                format!("the database differs from what sql/schema.sql and the migrations build ({} change(s))", plan.steps.len()),
                "`cruddur-db diff` shows the SQL that makes it match; `cruddur-db migrate` applies pending migrations",
            )),
            Err(err) => Err(broken(
                Exit::Failure,
                format!("could not compare it with its files: {err:#}"),
                "run `cruddur-db diff` to see why",
            )),
        }
    })
    .await?;

    list.check("queries", async {
        if ctx.queries_dir().is_none() {
            return Ok((
                (),
                "skipped: no backend-flask/db/sql here or above (CRUDDUR_DB_QUERIES)".to_string(),
            ));
        }
        let queries = crate::check::files::queries(ctx, &[]).map_err(|err| {
            broken(
                Exit::Failure,
                format!("{err:#}"),
                "`cruddur-db check` says the same",
            )
        })?;
        let outcomes = crate::check::prepare::read_only(client, &queries)
            .await
            .map_err(|err| {
                broken(
                    Exit::Failure,
                    format!("{err:#}"),
                    "`cruddur-db check --against db` says more",
                )
            })?;
        let failed: Vec<String> = outcomes
            .iter()
            .filter_map(|o| {
                o.error
                    .as_ref()
                    .map(|e| format!("{}:{}:{}", o.file, e.line, e.column))
            })
            .collect();
        let counted = format!(
            "{} of {} queries prepare against the database",
            outcomes.len() - failed.len(),
            outcomes.len()
        );
        match failed.is_empty() {
            true => Ok(((), counted)),
            false => Err(broken(
                Exit::Failure,
                format!("{counted}; not {}", failed.join(", ")),
                "`cruddur-db check --against db` shows each error",
            )),
        }
    })
    .await?;
    Ok(())
}
