//! The only place that reads the environment: connection URLs, `.env`, paths and colour.

mod dotenv;
mod environment;

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};
use std::time::Duration;

use anyhow::{Context, Result};

use crate::aws::AwsEnv;
use crate::aws::token::Iam;
use crate::cli::{ColorChoice, GlobalOpts};
use crate::db::{ConnInfo, Origin, Protection, Signer, Target, conninfo};
use crate::error::{Exit, Fail};
use crate::ui::Verbosity;

pub use self::dotenv::load_dotenv;
#[cfg(debug_assertions)]
pub use self::environment::debug_panic_requested;
use self::environment::{aws_environment, empty, flag, pg_environment, set_var, switch, var};
pub use self::environment::{passwords_in, secrets};

/// The schema file of the SQL directory, which `setup`, `load`, `dump` and `diff` read.
pub const SCHEMA_FILE: &str = "schema.sql";
/// The seed file of the SQL directory.
pub const SEED_FILE: &str = "seed.sql";

/// What the Cruddur docker-compose `db` service listens on.
pub const DEFAULT_URL: &str = "postgresql://postgres:password@localhost:5432/cruddur";

/// Everything a command needs to know about its surroundings, resolved once.
#[derive(Debug)]
pub struct Config {
    pub yes: bool,
    pub maintenance_db: Option<String>,
    pub color: bool,
    pub verbosity: Verbosity,
    prod: bool,
    wait: Option<Duration>,
    /// The connection string and where it came from; `None` for the built-in default.
    conn_text: Option<(String, Origin)>,
    /// What libpq would read from the environment.
    pg_env: conninfo::Environment,
    sql_dir: Option<PathBuf>,
    places: Places,
    /// `PROD_CONNECTION_URL`, when set and not empty.
    prod_url: Option<String>,
    /// `CONNECTION_URL`, when set and not empty: the development server, even under `--prod`.
    dev_url: Option<String>,
    /// `CRUDDUR_DB_TEMPLATE`: `setup`'s template cache setting, `None` for `auto` (or unset).
    template: Option<bool>,
    /// `CRUDDUR_DB_DUMP_SCHEMA`: whether `migrate` rewrites schema.sql after applying.
    dump_schema: bool,
    /// `CRUDDUR_DB_QUERIES`: where the application's query files are.
    queries: Option<String>,
    /// `--iam` or `CRUDDUR_DB_IAM_AUTH`: production connections sign an IAM token as password.
    iam: bool,
    /// `CRUDDUR_DB_SNAPSHOT_BEFORE_PROD`: an RDS snapshot before every production change.
    snapshot_before_prod: bool,
    /// `CRUDDUR_DB_COPY_KEY`: the key `copy` draws its stand-ins under.
    copy_key: Option<String>,
    /// Read on first use.
    aws: OnceLock<AwsEnv>,
    /// The target, once resolved: commands ask for it as often as they like.
    target: OnceLock<Target>,
}

/// Where SQL files' relative paths start (`\\i`, `\\copy`), and where `\\cd` alone goes.
#[derive(Debug, Clone, Default)]
pub struct Places {
    /// The directory cruddur-db runs in.
    pub cwd: PathBuf,
    /// `HOME`.
    pub home: Option<PathBuf>,
}

impl Config {
    pub fn resolve(opts: &GlobalOpts) -> Result<Config> {
        let conn_text = if let Some(url) = &opts.url {
            if url.trim().is_empty() {
                return Err(empty("--url", "given"));
            }
            Some((url.clone(), Origin::Flag("--url")))
        } else if opts.prod {
            let url = set_var("PROD_CONNECTION_URL")?.ok_or_else(|| {
                Fail::new(Exit::Usage, "--prod was given but PROD_CONNECTION_URL is not set")
                    .hint("export PROD_CONNECTION_URL=postgresql://USER:PASSWORD@HOST:5432/cruddur?sslmode=require, or put it in .env")
            })?;
            Some((url, Origin::ProdEnv))
        } else if let Some(url) = set_var("CONNECTION_URL")? {
            if var("PROD_CONNECTION_URL").as_ref() == Some(&url) {
                return Err(Fail::new(Exit::Refused, "CONNECTION_URL is the same as PROD_CONNECTION_URL")
                    .hint("point CONNECTION_URL at your local database; use --prod when you mean production")
                    .into());
            }
            Some((url, Origin::Env))
        } else {
            None
        };
        let color = match opts.color {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => var("NO_COLOR").is_none() && std::io::stderr().is_terminal(),
        };
        let verbosity = match (opts.quiet, opts.verbose) {
            (true, _) => Verbosity::Quiet,
            (_, true) => Verbosity::Verbose,
            _ => Verbosity::Normal,
        };
        let pg_env = pg_environment();
        let places = Places {
            cwd: std::env::current_dir().context("could not read the current directory")?,
            home: pg_env.home.clone(),
        };
        Ok(Config {
            prod_url: var("PROD_CONNECTION_URL"),
            dev_url: var("CONNECTION_URL"),
            template: switch("CRUDDUR_DB_TEMPLATE", Some("auto"))?,
            dump_schema: flag("CRUDDUR_DB_DUMP_SCHEMA")?,
            queries: var("CRUDDUR_DB_QUERIES"),
            iam: opts.iam || flag("CRUDDUR_DB_IAM_AUTH")?,
            snapshot_before_prod: flag("CRUDDUR_DB_SNAPSHOT_BEFORE_PROD")?,
            copy_key: var("CRUDDUR_DB_COPY_KEY"),
            aws: OnceLock::new(),
            target: OnceLock::new(),
            yes: opts.yes,
            maintenance_db: opts.maintenance_db.clone(),
            color,
            verbosity,
            prod: opts.prod,
            wait: opts.wait.map(Duration::from_secs),
            conn_text,
            pg_env,
            sql_dir: opts.sql_dir.clone(),
            places,
        })
    }

    /// Where the connection string comes from.
    pub fn origin(&self) -> Origin {
        self.conn_text
            .as_ref()
            .map_or(Origin::Default, |(_, origin)| *origin)
    }

    /// Where SQL files' relative paths start, and `\\cd`'s home.
    pub fn places(&self) -> &Places {
        &self.places
    }

    /// `CRUDDUR_DB_DUMP_SCHEMA`: `migrate` rewrites schema.sql after applying, as `--dump`.
    pub fn dump_schema(&self) -> bool {
        self.dump_schema
    }

    /// `CRUDDUR_DB_TEMPLATE`, `setup`'s template cache setting: on, off, or `None` (auto).
    pub fn template_setting(&self) -> Option<bool> {
        self.template
    }

    /// This machine's public IP for security-group hints: `explicit`, else the environment's
    /// (`GITPOD_IP`, `CODESPACES_IP`, `MY_IP`, in that order, as everywhere).
    pub fn my_ip(&self, explicit: Option<&str>) -> Option<String> {
        explicit
            .map(str::to_string)
            .or_else(|| self.aws().ip.as_ref().map(|(_, ip)| ip.clone()))
    }

    /// What the AWS commands read from the environment (credentials are aws-config's job).
    pub fn aws(&self) -> &AwsEnv {
        // Only the rds commands and doctor ask: no other run reads the hostname.
        self.aws
            .get_or_init(|| aws_environment(&self.pg_env.os_user))
    }

    /// The target database. Resolved on first demand (so `completions` works with a broken
    /// URL), then kept: the string, service file, `.pgpass` and certificates are read once.
    pub fn target(&self) -> Result<Target> {
        if let Some(target) = self.target.get() {
            return Ok(target.clone());
        }
        let target = self.resolve_target()?;
        Ok(self.target.get_or_init(|| target).clone())
    }

    fn resolve_target(&self) -> Result<Target> {
        let origin = self.origin();
        let text = self
            .conn_text
            .as_ref()
            .map(|(text, origin)| (text.as_str(), *origin));
        let conn = ConnInfo::resolve(text, DEFAULT_URL, &self.pg_env)
            .with_context(|| format!("{origin} is not a usable connection string"))?;
        let production = self.prod || origin == Origin::ProdEnv || conn.is_rds();
        Ok(Target {
            iam: self.iam_for(&conn, origin, production)?,
            conn,
            origin,
            prod: self.prod,
            wait: self.wait,
            protection: self.protection(),
        })
    }

    /// Whether connections to `conn` sign an IAM token as their password: IAM is asked for,
    /// the target is production, and its string (or service) gives no password of its own.
    /// RDS takes a token only over TLS, so a weaker sslmode is refused here, before anything
    /// is signed or sent.
    fn iam_for(
        &self,
        conn: &ConnInfo,
        origin: Origin,
        production: bool,
    ) -> Result<Option<Arc<dyn Signer>>> {
        if !self.iam || !production || conn.has_own_password() {
            return Ok(None);
        }
        if !conn.sslmode.value.encrypts() {
            return Err(Fail::new(
                Exit::Usage,
                format!(
                    "IAM database authentication needs TLS, and sslmode is {} (from {})",
                    conn.sslmode.value.as_str(),
                    conn.sslmode.source
                ),
            )
            .hint(format!("add ?sslmode=require (better: sslmode=verify-full&sslrootcert=<the RDS CA bundle>) to {origin}: RDS refuses a token sent in the clear"))
            .into());
        }
        let region = conn
            .hosts
            .iter()
            .find_map(|host| crate::aws::rds::instance_of_host(&host.name()))
            .map(|(_, region)| region);
        Ok(Some(Arc::new(Iam {
            aws: self.aws().clone(),
            region,
        })))
    }

    /// The key `copy` draws stand-ins under (`CRUDDUR_DB_COPY_KEY`), when one is set.
    pub fn copy_key(&self) -> Option<&str> {
        self.copy_key.as_deref()
    }

    /// Whether a production change takes an RDS snapshot first without being told
    /// (`CRUDDUR_DB_SNAPSHOT_BEFORE_PROD`).
    pub fn snapshot_before_prod(&self) -> bool {
        self.snapshot_before_prod
    }

    /// What a database reached on the user's behalf is checked against besides its own mark.
    fn protection(&self) -> Protection {
        // A PROD_CONNECTION_URL that does not parse names no database here; the command that
        // uses it says what is wrong with it.
        let prod_database = self
            .prod_url
            .as_ref()
            .and_then(|text| {
                ConnInfo::resolve(Some((text, Origin::ProdEnv)), DEFAULT_URL, &self.pg_env).ok()
            })
            .map(|conn| (conn.host(), conn.port(), conn.database().to_string()));
        Protection {
            prod_database,
            confirmed: self.yes,
        }
    }

    /// A database named by a connection string the user gave for one purpose (`diff --from
    /// url:...`), resolved as libpq would and checked as every target is. `flag` is the flag
    /// that gave it, for errors and hints.
    pub fn url_target(&self, text: &str, flag: &'static str) -> Result<Target> {
        let conn = ConnInfo::resolve(Some((text, Origin::Flag(flag))), DEFAULT_URL, &self.pg_env)
            .with_context(|| {
            format!("the url: source of {flag} is not a usable connection string")
        })?;
        Ok(Target {
            iam: None,
            conn,
            origin: Origin::Flag(flag),
            prod: false,
            wait: self.wait,
            protection: self.protection(),
        })
    }

    /// The development server, where scratch databases are built: `explicit`
    /// (`--scratch-url`), else `CONNECTION_URL` (whatever the target is, `--prod` included),
    /// else the target itself when it is not `--prod`.
    pub fn development_target(&self, explicit: Option<&str>) -> Result<Target> {
        let (text, origin) = match (explicit, &self.dev_url) {
            (Some(text), _) => (text, Origin::Flag("--scratch-url")),
            (None, Some(text)) => (text.as_str(), Origin::Env),
            (None, None) if !self.prod => return self.target(),
            (None, None) => {
                return Err(Fail::new(
                    Exit::Usage,
                    "no development server to build a scratch database on: CONNECTION_URL is not set",
                )
                .hint("set CONNECTION_URL to your local database, or pass --scratch-url")
                .into());
            }
        };
        let conn = ConnInfo::resolve(Some((text, origin)), DEFAULT_URL, &self.pg_env)
            .with_context(|| format!("{origin} is not a usable connection string"))?;
        Ok(Target {
            iam: None,
            conn,
            origin,
            prod: false,
            wait: self.wait,
            protection: self.protection(),
        })
    }

    /// The production database the `rds` commands are about: `--url` when given, else
    /// `PROD_CONNECTION_URL` (with or without `--prod`); `None` when neither is set.
    pub fn production_target(&self) -> Result<Option<Target>> {
        if matches!(self.origin(), Origin::Flag(_) | Origin::ProdEnv) {
            return self.target().map(Some);
        }
        self.prod_env_target()
    }

    /// `PROD_CONNECTION_URL`'s database, reached as every production connection is (IAM
    /// tokens, the TLS they need), whatever the command's own target is; `None` when unset.
    pub fn prod_env_target(&self) -> Result<Option<Target>> {
        let Some(text) = &self.prod_url else {
            return Ok(None);
        };
        let conn = ConnInfo::resolve(Some((text, Origin::ProdEnv)), DEFAULT_URL, &self.pg_env)
            .context("PROD_CONNECTION_URL is not a usable connection string")?;
        Ok(Some(Target {
            iam: self.iam_for(&conn, Origin::ProdEnv, true)?,
            conn,
            origin: Origin::ProdEnv,
            prod: true,
            wait: self.wait,
            protection: self.protection(),
        }))
    }

    /// The instance and region: `--instance` (else `CRUDDUR_DB_RDS_INSTANCE`) and `--region`,
    /// else the production URL's RDS host. `AWS_REGION` wins over the host's region, as users
    /// expect of the aws CLI.
    pub fn rds_instance(
        &self,
        instance: Option<&str>,
        region: Option<&str>,
    ) -> Result<(String, Option<String>)> {
        let from_host = self
            .production_target()?
            .and_then(|target| crate::aws::rds::instance_of_host(&target.conn.host()));
        let region = region
            .map(str::to_string)
            .or_else(|| self.aws().region.clone())
            .or_else(|| from_host.as_ref().map(|(_, region)| region.clone()));
        let id = instance
            .map(str::to_string)
            .or_else(|| self.aws().instance.clone())
            .or_else(|| from_host.map(|(id, _)| id))
            .ok_or_else(|| {
                Fail::new(
                    Exit::Usage,
                    "which RDS instance? PROD_CONNECTION_URL is not set or its host is not an RDS endpoint (<id>.<hash>.<region>.rds.amazonaws.com)",
                )
                .hint("set PROD_CONNECTION_URL to the instance's endpoint, or CRUDDUR_DB_RDS_INSTANCE (or --instance ID, and --region)")
            })?;
        Ok((id, region))
    }

    /// `--wait`: whether (and how long) to wait for what a command waits on.
    pub fn wait(&self) -> Option<Duration> {
        self.wait
    }

    /// The SQL file to run: `explicit` as given, else `default_name` in the SQL directory,
    /// shown relative to the current directory when it is below it.
    pub fn sql_file(&self, explicit: Option<&Path>, default_name: &str) -> Result<PathBuf> {
        let path = match explicit {
            Some(path) => path.to_path_buf(),
            None => {
                let path = self.sql_dir()?.join(default_name);
                path.strip_prefix(&self.places.cwd)
                    .map(Path::to_path_buf)
                    .unwrap_or(path)
            }
        };
        // `-` is standard input, as for psql -f -.
        if path == Path::new("-") {
            return Ok(PathBuf::from("/dev/stdin"));
        }
        match std::fs::metadata(&path) {
            Ok(meta) if meta.is_dir() => Err(Fail::new(Exit::Failure, format!("{} is a directory", path.display()))
                .hint("give the SQL file inside it")
                .into()),
            // A file, a FIFO, a process substitution (/dev/fd/N), a device: all readable.
            Ok(_) => Ok(path),
            Err(_) => Err(Fail::new(Exit::Failure, format!("SQL file {} does not exist", path.display()))
                .hint("pass the file's path (`-` for standard input), or --sql-dir DIR for the directory holding schema.sql and seed.sql")
                .into()),
        }
    }

    /// Where the project's file `name` goes in its `sql/` directory, whether it exists or not.
    pub fn sql_path(&self, name: &str) -> Result<PathBuf> {
        let path = self.sql_dir()?.join(name);
        Ok(path
            .strip_prefix(&self.places.cwd)
            .map(Path::to_path_buf)
            .unwrap_or(path))
    }

    /// The migrations directory: `explicit` (`--migrations-dir`), else `migrations/` in the
    /// SQL directory. `None` when there is no SQL directory to hold one.
    pub fn migrations_dir(&self, explicit: Option<&Path>) -> Option<PathBuf> {
        match explicit {
            Some(dir) => Some(self.places.cwd.join(dir)),
            None => self.sql_dir().ok().map(|dir| dir.join("migrations")),
        }
    }

    /// Where the application's query files are: `CRUDDUR_DB_QUERIES` (relative to the current
    /// directory), else the nearest `backend-flask/db/sql` from the current directory upward,
    /// as Cruddur keeps them; `None` when there is none.
    pub fn queries_dir(&self) -> Option<PathBuf> {
        if let Some(dir) = &self.queries {
            return Some(self.places.cwd.join(dir));
        }
        self.places
            .cwd
            .ancestors()
            .map(|dir| dir.join("backend-flask/db/sql"))
            .find(|candidate| candidate.is_dir())
    }

    /// Where the old Python migrations are: `explicit`, else the nearest
    /// `backend-flask/db/migrations` from the current directory upward.
    pub fn legacy_migrations_dir(&self, explicit: Option<&Path>) -> Result<PathBuf> {
        self.nearest(
            explicit,
            "backend-flask/db/migrations",
            "backend-flask/db/migrations",
            "name the folder: `cruddur-db migrate import-legacy DIR`",
        )
    }

    /// `--sql-dir`, else the nearest `sql/` directory from the current directory upward, the
    /// way git finds `.git`, so commands work from any folder of the project.
    fn sql_dir(&self) -> Result<PathBuf> {
        self.nearest(
            self.sql_dir.as_deref(),
            "sql",
            "sql/ directory",
            "run from inside the project, or pass --sql-dir DIR or the file's path",
        )
    }

    /// `explicit` (from the current directory), else the nearest folder `relative` from the
    /// current directory upward; when there is none, an error naming `what` with `hint`.
    fn nearest(
        &self,
        explicit: Option<&Path>,
        relative: &str,
        what: &str,
        hint: &str,
    ) -> Result<PathBuf> {
        if let Some(dir) = explicit {
            return Ok(self.places.cwd.join(dir));
        }
        self.places
            .cwd
            .ancestors()
            .map(|dir| dir.join(relative))
            .find(|candidate| candidate.is_dir())
            .ok_or_else(|| {
                Fail::new(
                    Exit::Failure,
                    format!(
                        "no {what} in {} or any folder above it",
                        self.places.cwd.display()
                    ),
                )
                .hint(hint)
                .into()
            })
    }
}
