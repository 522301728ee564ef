//! The only place that reads the environment: connection URLs, `.env`, paths and colour.

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

/// The schema file of the SQL directory, which `setup`, `load`, `dump` and `diff` read.
pub const SCHEMA_FILE: &str = "schema.sql";
/// The seed file of the SQL directory.
pub const SEED_FILE: &str = "seed.sql";

/// What the Cruddur docker-compose `db` service listens on.
pub const DEFAULT_URL: &str = "postgresql://postgres:password@localhost:5432/cruddur";

/// The `.env` file read at start-up and the variables it set (those not already set).
#[derive(Debug, Default)]
struct DotEnv {
    path: Option<PathBuf>,
    keys: Vec<String>,
}

static DOTENV: OnceLock<DotEnv> = OnceLock::new();

/// Read `.env` from the current directory or the nearest parent that has one. Variables
/// already set win. Must run before clap parses, so `env`-backed flags see the values.
pub fn load_dotenv() -> Result<Option<PathBuf>> {
    let cwd = std::env::current_dir().context("could not read the current directory")?;
    let Some(path) = cwd
        .ancestors()
        .map(|dir| dir.join(".env"))
        .find(|path| path.is_file())
    else {
        return Ok(None);
    };
    let syntax = |err| match err {
        dotenvy::Error::LineParse(text, at) => dotenv_syntax_error(&path, &text, at),
        err => Fail::new(
            Exit::Usage,
            format!("could not read {}: {err}", path.display()),
        )
        .hint("check the file's permissions, or remove it")
        .into(),
    };
    // Which variables the file sets and the environment does not, to say where a value
    // came from.
    let mut keys = Vec::new();
    for item in dotenvy::from_path_iter(&path).map_err(syntax)? {
        let (key, _) = item.map_err(syntax)?;
        if std::env::var_os(&key).is_none() {
            keys.push(key);
        }
    }
    dotenvy::from_path(&path).map_err(syntax)?;
    let _ = DOTENV.set(DotEnv {
        path: Some(path.clone()),
        keys,
    });
    Ok(Some(path))
}

/// Where variable `name` was set, for messages: the `.env` file or the environment.
fn set_in(name: &str) -> String {
    match DOTENV.get() {
        Some(DotEnv {
            path: Some(path),
            keys,
        }) if keys.iter().any(|key| key == name) => format!("set in {}", path.display()),
        _ => "set in the environment".to_string(),
    }
}

/// A `.env` line dotenvy could not parse, named by its line number and variable: `.env` holds
/// passwords, so neither the line nor the rest of the file (an unclosed quote swallows it all)
/// may be printed.
fn dotenv_syntax_error(path: &Path, text: &str, at: usize) -> anyhow::Error {
    let contents = std::fs::read_to_string(path).unwrap_or_default();
    // The failing text starts a line; the first such place is where parsing stopped.
    let line = (0..contents.len())
        .filter(|&i| i == 0 || contents.as_bytes()[i - 1] == b'\n')
        .find(|&i| contents[i..].starts_with(text))
        .map(|start| contents[..start].matches('\n').count() + 1);
    let at_line = line.map_or_else(String::new, |line| format!(":{line}"));
    let name: String = text
        .trim_start()
        .trim_start_matches("export ")
        .trim_start()
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '.'))
        .collect();
    let unclosed = at >= text.len() && text.contains(['"', '\'']);
    let problem = match (unclosed, name.is_empty()) {
        (true, false) => format!("the value of {name} opens a quote that is never closed"),
        (true, true) => "a quote is opened and never closed".to_string(),
        (false, false) => format!("the line for {name} is not NAME=VALUE"),
        (false, true) => "the line is not NAME=VALUE".to_string(),
    };
    Fail::new(
        Exit::Usage,
        format!("{}{at_line}: {problem}", path.display()),
    )
    .hint("fix that line (values with spaces or # need quotes, closed on the same or a later line), or remove .env")
    .into()
}

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

/// Every password this process may know: in the connection string variables, `PGPASSWORD`,
/// and connection strings on the command line. Read afresh, for the crash report, which may
/// run before `Config`.
pub fn secrets() -> Vec<String> {
    let strings = ["CONNECTION_URL", "PROD_CONNECTION_URL"]
        .into_iter()
        .filter_map(var)
        .chain(std::env::args_os().map(|arg| arg.to_string_lossy().into_owned()));
    let mut secrets = passwords_in(strings);
    secrets.extend(var("PGPASSWORD"));
    secrets
}

/// The passwords in connection strings of either form, as written and percent-decoded.
pub fn passwords_in(texts: impl IntoIterator<Item = impl AsRef<str>>) -> Vec<String> {
    texts
        .into_iter()
        .flat_map(|text| {
            // `--url=postgresql://...` arrives as one argument.
            let text = text.as_ref();
            let text = text.strip_prefix("--url=").unwrap_or(text);
            conninfo::passwords_in(text)
        })
        .collect()
}

/// Debug builds only: `CRUDDUR_DB_DEBUG_PANIC=1` asks for a crash, so tests can check the
/// real binary's crash report. Gives the text a careless panic would print: the target URL.
#[cfg(debug_assertions)]
pub fn debug_panic_requested() -> Option<String> {
    var("CRUDDUR_DB_DEBUG_PANIC")?;
    Some(var("CONNECTION_URL").unwrap_or_default())
}

#[cfg(debug_assertions)]
fn debug_clock() -> Option<std::time::SystemTime> {
    let secs = var("CRUDDUR_DB_DEBUG_AWS_TIME")?.parse().ok()?;
    Some(std::time::UNIX_EPOCH + Duration::from_secs(secs))
}

#[cfg(not(debug_assertions))]
fn debug_clock() -> Option<std::time::SystemTime> {
    None
}

/// A yes/no variable, unset (or empty) is no: see [`switch`].
fn flag(name: &str) -> Result<bool> {
    Ok(switch(name, None)?.unwrap_or(false))
}

/// A yes/no variable: true/false, 1/0, yes/no or on/off in any case; `None` when unset,
/// empty, or the word `neutral` stands for (`auto`). Anything else is a usage error naming
/// the variable, its value and where it was set: a typo must never switch a setting off in
/// silence (`CRUDDUR_DB_SNAPSHOT_BEFORE_PROD=ture` would skip the snapshot asked for).
fn switch(name: &str, neutral: Option<&str>) -> Result<Option<bool>> {
    let Some(value) = var(name) else {
        return Ok(None);
    };
    match value.to_ascii_lowercase().as_str() {
        "true" | "1" | "yes" | "on" => Ok(Some(true)),
        "false" | "0" | "no" | "off" => Ok(Some(false)),
        word if Some(word) == neutral => Ok(None),
        _ => {
            let or_neutral = neutral.map_or_else(String::new, |word| format!(", or {word}"));
            Err(Fail::new(
                Exit::Usage,
                format!(
                    "{name}={value:?} ({}) is not a yes/no value",
                    set_in(name)
                ),
            )
            .hint(format!(
                "set it to true or false (1/0, yes/no and on/off also work, in any case){or_neutral}, or unset it"
            ))
            .into())
        }
    }
}

fn var(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|value| !value.is_empty())
}

/// A connection string variable: unset is `None`; set but empty is a mistake, never a quiet
/// fall back to the built-in default (which `setup --yes` would then drop).
fn set_var(name: &str) -> Result<Option<String>> {
    match std::env::var(name) {
        Ok(value) if value.trim().is_empty() => Err(empty(name, &set_in(name))),
        Ok(value) => Ok(Some(value)),
        Err(_) => Ok(None),
    }
}

fn empty(name: &str, where_: &str) -> anyhow::Error {
    Fail::new(Exit::Usage, format!("{name} is {where_} but empty"))
        .hint(format!(
            "give it a connection string, or unset {name} to use the built-in default ({})",
            DEFAULT_URL.replace(":password@", ":***@")
        ))
        .into()
}

/// The name of the user this process runs as, from /etc/passwd as libpq's getpwuid does.
fn os_user() -> Option<String> {
    use std::os::unix::fs::MetadataExt;
    let uid = std::fs::metadata("/proc/self").ok()?.uid().to_string();
    let passwd = std::fs::read_to_string("/etc/passwd").ok()?;
    passwd.lines().find_map(|line| {
        let fields: Vec<&str> = line.split(':').collect();
        (fields.get(2) == Some(&uid.as_str())).then(|| fields[0].to_string())
    })
}

/// What the AWS commands read: region, endpoints, the old scripts' IDs, this machine's IP.
fn aws_environment(os_user: &str) -> AwsEnv {
    let ip = ["GITPOD_IP", "CODESPACES_IP", "MY_IP"]
        .into_iter()
        .find_map(|name| var(name).map(|value| (name, value)));
    AwsEnv {
        region: var("AWS_REGION").or_else(|| var("AWS_DEFAULT_REGION")),
        endpoint: var("AWS_ENDPOINT_URL"),
        endpoint_ec2: var("AWS_ENDPOINT_URL_EC2"),
        endpoint_rds: var("AWS_ENDPOINT_URL_RDS"),
        sg_id: var("DB_SG_ID"),
        sg_rule_id: var("DB_SG_RULE_ID"),
        ip,
        checkip_url: var("CRUDDUR_CHECKIP_URL")
            .unwrap_or_else(|| "https://checkip.amazonaws.com".to_string()),
        instance: var("CRUDDUR_DB_RDS_INSTANCE"),
        clock: debug_clock(),
        user: Some(os_user.to_string()).filter(|u| !u.is_empty()),
        hostname: std::fs::read_to_string("/proc/sys/kernel/hostname")
            .ok()
            .map(|h| h.trim().to_string())
            .filter(|h| !h.is_empty())
            .or_else(|| var("HOSTNAME")),
    }
}

/// The `PG*` variables libpq reads, `HOME` for its files, and the operating-system user.
fn pg_environment() -> conninfo::Environment {
    // vars_os: `vars` panics on a variable that is not UTF-8, and any variable may be.
    let vars = std::env::vars_os()
        .filter_map(|(key, value)| Some((key.into_string().ok()?, value.into_string().ok()?)))
        .filter(|(key, value)| key.starts_with("PG") && !value.is_empty())
        .collect();
    let os_user = os_user()
        .or_else(|| var("USER"))
        .unwrap_or_else(|| "postgres".to_string());
    conninfo::Environment {
        vars,
        home: std::env::var_os("HOME").map(PathBuf::from),
        os_user,
    }
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

    /// The migrations directory: `explicit` (`--migrations-dir`), else `migrations/` in the
    /// SQL directory. `None` when there is no SQL directory to hold one.
    /// Where the project's file `name` goes in its `sql/` directory, whether it exists or not.
    pub fn sql_path(&self, name: &str) -> Result<PathBuf> {
        let path = self.sql_dir()?.join(name);
        Ok(path
            .strip_prefix(&self.places.cwd)
            .map(Path::to_path_buf)
            .unwrap_or(path))
    }

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
        if let Some(dir) = explicit {
            return Ok(self.places.cwd.join(dir));
        }
        self.places
            .cwd
            .ancestors()
            .map(|dir| dir.join("backend-flask/db/migrations"))
            .find(|candidate| candidate.is_dir())
            .ok_or_else(|| {
                Fail::new(
                    Exit::Failure,
                    format!(
                        "no backend-flask/db/migrations in {} or any folder above it",
                        self.places.cwd.display()
                    ),
                )
                .hint("name the folder: `cruddur-db migrate import-legacy DIR`")
                .into()
            })
    }

    /// `--sql-dir`, else the nearest `sql/` directory from the current directory upward, the
    /// way git finds `.git`, so commands work from any folder of the project.
    fn sql_dir(&self) -> Result<PathBuf> {
        if let Some(dir) = &self.sql_dir {
            return Ok(self.places.cwd.join(dir));
        }
        self.places
            .cwd
            .ancestors()
            .map(|dir| dir.join("sql"))
            .find(|candidate| candidate.is_dir())
            .ok_or_else(|| {
                Fail::new(
                    Exit::Failure,
                    format!(
                        "no sql/ directory in {} or any folder above it",
                        self.places.cwd.display()
                    ),
                )
                .hint("run from inside the project, or pass --sql-dir DIR or the file's path")
                .into()
            })
    }
}
