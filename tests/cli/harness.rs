//! The test harness: throwaway PostgreSQL clusters (initdb + pg_ctl on free ports in temp dirs,
//! SCRAM passwords), one uniquely named database per test, and the real binary to run against them.

use std::net::TcpListener;
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::{Mutex, OnceLock};

/// A password with every character a URL must escape, so tests prove percent-decoding and
/// can search all output for a leak.
pub const PASSWORD: &str = "Sup3r/Secret@Pa:ss%word";

/// Whether this run is CI's, where nothing may be skipped: a skip there must fail instead.
pub fn in_ci() -> bool {
    std::env::var_os("CI").is_some_and(|value| !value.is_empty() && value != "false")
}

/// A test that cannot run here: under CI that is a failure (CI must run everything), elsewhere
/// it says so on stderr and the test returns.
pub fn skip(why: &str) {
    assert!(!in_ci(), "under CI nothing may be skipped, but: {why}");
    eprintln!("SKIPPED: {why}");
}

/// Server binaries, usable by the server user: `CRUDDUR_TEST_PG_BINDIR` (which must hold
/// initdb), else `pg_config --bindir`, else the newest `/usr/lib/postgresql/*/bin`.
fn server_bindir() -> PathBuf {
    static BINDIR: OnceLock<PathBuf> = OnceLock::new();
    BINDIR
        .get_or_init(|| reachable_by_server_user(&find_server_bindir()))
        .clone()
}

fn find_server_bindir() -> PathBuf {
    if let Some(dir) = std::env::var_os("CRUDDUR_TEST_PG_BINDIR") {
        // An empty value is a failed `$(scripts/pg-server N)`, never "use whatever is on PATH":
        // that would run the whole stage against another major and call it green.
        let dir = PathBuf::from(dir);
        assert!(
            dir.join("initdb").is_file(),
            "CRUDDUR_TEST_PG_BINDIR={:?} holds no initdb: did scripts/pg-server fail?",
            dir
        );
        return dir;
    }
    if let Ok(out) = Command::new("pg_config").arg("--bindir").output() {
        let dir = PathBuf::from(String::from_utf8_lossy(&out.stdout).trim());
        if dir.join("initdb").exists() {
            return dir;
        }
    }
    let mut dirs: Vec<PathBuf> = std::fs::read_dir("/usr/lib/postgresql")
        .expect("no PostgreSQL server binaries: apt-get install -y postgresql, or set CRUDDUR_TEST_PG_BINDIR")
        .filter_map(|entry| Some(entry.ok()?.path().join("bin")))
        .filter(|dir| dir.join("initdb").exists())
        .collect();
    dirs.sort_by_key(|dir| {
        dir.parent()
            .and_then(|v| v.file_name()?.to_str()?.parse::<u32>().ok())
    });
    dirs.pop()
        .expect("no initdb under /usr/lib/postgresql/*/bin")
}

/// The major version the run was asked to test (`CRUDDUR_TEST_PG_MAJOR`), if any.
fn wanted_major() -> Option<u32> {
    let text = std::env::var("CRUDDUR_TEST_PG_MAJOR").ok()?;
    Some(
        text.parse()
            .unwrap_or_else(|_| panic!("CRUDDUR_TEST_PG_MAJOR={text:?} is not a major version")),
    )
}

/// `bindir`, or a copy of its installation the server user can reach. As root the server runs
/// as `postgres`, which cannot enter a clone under a root-only directory (`mktemp -d`, /root):
/// there initdb fails with "Permission denied".
fn reachable_by_server_user(bindir: &Path) -> PathBuf {
    let Some((uid, _)) = server_user() else {
        return bindir.to_path_buf();
    };
    let blocked = bindir.ancestors().any(|dir| {
        std::fs::metadata(dir).is_ok_and(|meta| meta.mode() & 0o001 == 0 && meta.uid() != uid)
    });
    if !blocked {
        return bindir.to_path_buf();
    }
    // The whole installation (bin, lib, share) moves together: the binaries find the rest
    // relative to themselves.
    let install = bindir.parent().expect("a bin directory has a parent");
    let copy = private_temp_dir("cruddur-db-pg-");
    let status = Command::new("cp")
        .arg("-a")
        .arg(install)
        .arg(copy.join("install"))
        .status()
        .expect("run cp");
    assert!(status.success(), "could not copy {}", install.display());
    copy.join("install").join(bindir.file_name().unwrap())
}

/// A temp dir of ours (removed at exit) that the server user may enter.
fn private_temp_dir(prefix: &str) -> PathBuf {
    let dir = tempfile::Builder::new()
        .prefix(prefix)
        .tempdir()
        .unwrap()
        .keep();
    std::fs::set_permissions(&dir, PermissionsExt::from_mode(0o755)).unwrap();
    remove_at_exit(&dir);
    dir
}

/// A server program, run as the `postgres` user when we are root: initdb refuses root.
fn server_program(bindir: &Path, name: &str) -> Command {
    let mut command = Command::new(bindir.join(name));
    if let Some((uid, gid)) = server_user() {
        command.uid(uid).gid(gid);
    }
    command
}

fn server_user() -> Option<(u32, u32)> {
    // SAFETY: getuid cannot fail; getpwnam returns a pointer into static storage read at once.
    unsafe {
        if libc::getuid() != 0 {
            return None;
        }
        let pw = libc::getpwnam(c"postgres".as_ptr());
        assert!(
            !pw.is_null(),
            "running as root needs a `postgres` user to run the test server"
        );
        Some(((*pw).pw_uid, (*pw).pw_gid))
    }
}

fn chown_to_server_user(path: &Path) {
    if let Some((uid, gid)) = server_user() {
        std::os::unix::fs::chown(path, Some(uid), Some(gid)).expect("chown test dir");
    }
}

pub fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// What to undo when the test process exits, in reverse order (clusters before the server
/// build they run from). Statics are never dropped, so an atexit hook does it; it also runs
/// when tests fail, since libtest then exits through `exit`.
enum Cleanup {
    Cluster {
        bindir: PathBuf,
        root: PathBuf,
    },
    Dir(PathBuf),
    /// A helper server (the AWS emulator), ended with SIGTERM.
    Process(u32),
}

static AT_EXIT: Mutex<Vec<Cleanup>> = Mutex::new(Vec::new());

fn at_exit(cleanup: Cleanup) {
    static HOOK: OnceLock<()> = OnceLock::new();
    // SAFETY: registering a plain extern "C" function with no captured state.
    HOOK.get_or_init(|| unsafe {
        libc::atexit(clean_up_everything);
    });
    AT_EXIT
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .push(cleanup);
}

fn remove_at_exit(dir: &Path) {
    at_exit(Cleanup::Dir(dir.to_path_buf()));
}

/// End process `pid` when the tests end, however they end.
pub fn kill_at_exit(pid: u32) {
    at_exit(Cleanup::Process(pid));
}

extern "C" fn clean_up_everything() {
    let cleanups = std::mem::take(&mut *AT_EXIT.lock().unwrap_or_else(|e| e.into_inner()));
    for cleanup in cleanups.into_iter().rev() {
        match cleanup {
            Cleanup::Cluster { bindir, root } => stop(&bindir, &root),
            Cleanup::Dir(dir) => {
                let _ = std::fs::remove_dir_all(dir);
            }
            Cleanup::Process(pid) => {
                // SAFETY: kill(2) with a pid this process started; no memory is involved.
                unsafe { libc::kill(pid as i32, libc::SIGTERM) };
            }
        }
    }
}

fn stop(bindir: &Path, root: &Path) {
    if root.join("data/postmaster.pid").exists() {
        let _ = server_program(bindir, "pg_ctl")
            .args(["stop", "-m", "immediate", "-w", "-D"])
            .arg(root.join("data"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status();
    }
    let _ = std::fs::remove_dir_all(root);
}

/// A listener that accepts TCP connections and never says a word, like a host behind a
/// firewall that swallows the startup packet. Silent for as long as the listener lives.
pub fn silent_server() -> (TcpListener, u16) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    (listener, port)
}

/// A running PostgreSQL server in a temp dir, stopped and deleted when the tests end.
pub struct Cluster {
    pub port: u16,
    pub bindir: PathBuf,
    pub version: u32,
    root: PathBuf,
    /// The server certificate it presents (a file of the test PKI), when it is TLS-only.
    tls: Option<&'static str>,
}

impl Cluster {
    /// Start a new cluster with a SCRAM-protected `postgres` superuser.
    pub fn start() -> Cluster {
        Self::start_with(None)
    }

    /// Like RDS: TLS only (`hostssl` lines only), with a server certificate for `localhost`
    /// signed by a test CA made now (see [`Cluster::tls_file`]).
    pub fn start_tls_only() -> Cluster {
        Self::start_with(Some("server.crt"))
    }

    /// Like [`Cluster::start_tls_only`], presenting a certificate that expired in 2020.
    pub fn start_tls_expired() -> Cluster {
        Self::start_with(Some("expired.crt"))
    }

    fn start_with(tls: Option<&'static str>) -> Cluster {
        let mut cluster = Self::init(tls);
        cluster.start_server(None);
        cluster
    }

    /// A standby of this cluster (`pg_basebackup -R`), started with `options`: with
    /// `-c hot_standby=off` it refuses every connection as "not accepting connections"
    /// (SQLSTATE 57P03), the state of a server still starting up.
    pub fn standby(&self, options: &str) -> Cluster {
        let root = tempfile::Builder::new()
            .prefix("cruddur-db-test-")
            .tempdir()
            .unwrap()
            .keep();
        at_exit(Cleanup::Cluster {
            bindir: self.bindir.clone(),
            root: root.clone(),
        });
        std::fs::set_permissions(&root, PermissionsExt::from_mode(0o755)).unwrap();
        chown_to_server_user(&root);
        let data = root.join("data");
        // The npm server builds have no pg_basebackup: the client's (which may be newer)
        // copies older servers too. It runs as us; the server user then takes the files.
        let mut basebackup = Command::new(self.client_program("pg_basebackup"));
        basebackup
            .env("PGPASSWORD", PASSWORD)
            .args([
                "-h",
                "127.0.0.1",
                "-U",
                "postgres",
                "-R",
                "-X",
                "stream",
                "-p",
            ])
            .arg(self.port.to_string())
            .arg("-D")
            .arg(&data);
        succeed(basebackup, "pg_basebackup");
        if server_user().is_some() {
            let status = Command::new("chown")
                .args(["-R", "postgres:postgres"])
                .arg(&data)
                .status()
                .expect("run chown");
            assert!(status.success(), "could not hand the standby to postgres");
        }
        let mut standby = Cluster {
            port: 0,
            bindir: self.bindir.clone(),
            version: self.version,
            root,
            tls: None,
        };
        // A standby that refuses connections cannot be asked its version; it runs this
        // cluster's binaries on this cluster's files.
        standby.launch(None, options);
        standby
    }

    /// A cluster that is initialised but not running; `start_server(Some(port))` starts it.
    pub fn init_stopped() -> Cluster {
        Self::init(None)
    }

    fn init(tls: Option<&'static str>) -> Cluster {
        let bindir = server_bindir();
        let root = tempfile::Builder::new()
            .prefix("cruddur-db-test-")
            .tempdir()
            .unwrap()
            .keep();
        // Registered before initdb, so a run that fails from here on leaves nothing behind.
        at_exit(Cleanup::Cluster {
            bindir: bindir.clone(),
            root: root.clone(),
        });
        // The server user must reach into the root-owned temp dir.
        std::fs::set_permissions(&root, PermissionsExt::from_mode(0o755)).unwrap();
        chown_to_server_user(&root);
        let pwfile = root.join("pwfile");
        std::fs::write(&pwfile, PASSWORD).unwrap();
        chown_to_server_user(&pwfile);
        let mut initdb = server_program(&bindir, "initdb");
        initdb
            .current_dir(&root)
            .args([
                "-U",
                "postgres",
                "--auth=scram-sha-256",
                "-E",
                "UTF8",
                "--locale=C",
                "--no-sync",
            ])
            .arg(format!("--pwfile={}", pwfile.display()))
            .arg("-D")
            .arg(root.join("data"));
        succeed(initdb, "initdb");
        let version: u32 = std::fs::read_to_string(root.join("data/PG_VERSION"))
            .unwrap()
            .trim()
            .parse()
            .unwrap();
        if let Some(wanted) = wanted_major() {
            assert_eq!(
                version,
                wanted,
                "CRUDDUR_TEST_PG_MAJOR asks for PostgreSQL {wanted}, but {} is {version}",
                bindir.display()
            );
        }
        if tls.is_some() {
            make_certificates(&root);
            let hba = root.join("data/pg_hba.conf");
            std::fs::write(
                &hba,
                // Database `certdb` takes a client certificate instead of a password.
                "local all all scram-sha-256\nhostssl certdb all 127.0.0.1/32 cert\nhostssl all all 127.0.0.1/32 scram-sha-256\n",
            )
            .unwrap();
            chown_to_server_user(&hba);
        }
        Cluster {
            port: 0,
            bindir,
            version,
            root,
            tls,
        }
    }

    /// pg_ctl start on `port`, or on a free port, retried because another process may grab it first.
    pub fn start_server(&mut self, port: Option<u16>) {
        self.start_server_with(port, "");
    }

    /// Like [`Cluster::start_server`], with more server options (`-c name=value ...`).
    pub fn start_server_with(&mut self, port: Option<u16>, extra: &str) {
        self.launch(port, extra);
        self.assert_running_version();
    }

    /// pg_ctl start, retried on another free port when one is taken first.
    fn launch(&mut self, port: Option<u16>, extra: &str) {
        let mut last_log = String::new();
        for _ in 0..5 {
            self.port = port.unwrap_or_else(free_port);
            let mut options = format!(
                "-p {} -k {} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off -c synchronous_commit=off {extra}",
                self.port,
                self.root.display()
            );
            if let Some(certificate) = self.tls {
                options += &format!(
                    " -c ssl=on -c ssl_cert_file={} -c ssl_key_file={} -c ssl_ca_file={}",
                    self.tls_file(certificate).display(),
                    self.tls_file("server.key").display(),
                    self.tls_file("ca.crt").display()
                );
            }
            let log = self.root.join("server.log");
            let status = server_program(&self.bindir, "pg_ctl")
                .current_dir(&self.root)
                .args(["start", "-w", "-t", "60", "-o", &options, "-l"])
                .arg(&log)
                .arg("-D")
                .arg(self.root.join("data"))
                .stdout(Stdio::null())
                .status()
                .expect("run pg_ctl");
            if status.success() {
                return;
            }
            last_log = std::fs::read_to_string(&log).unwrap_or_default();
        }
        panic!("the test server did not start:\n{last_log}");
    }

    /// The server that answers is the major the data directory was made for (and so the one
    /// CRUDDUR_TEST_PG_MAJOR asked for): a stage must never pass on another server.
    fn assert_running_version(&self) {
        let running: u32 = self
            .psql("postgres", "SHOW server_version_num")
            .parse()
            .expect("server_version_num is a number");
        assert_eq!(
            running / 10000,
            self.version,
            "the server on port {} is not PostgreSQL {}",
            self.port,
            self.version
        );
    }

    /// The directory holding the server's Unix-domain socket.
    pub fn socket_dir(&self) -> &Path {
        &self.root
    }

    /// A file of the test PKI: `ca.crt` (signed the server's certificate), `other-ca.crt`
    /// (did not), `server.crt`, `server.key`, and `client.crt`/`client.key` for user postgres
    /// (`client-v1.crt`/`.key`: the same as an X.509 v1 certificate).
    pub fn tls_file(&self, name: &str) -> PathBuf {
        self.root.join("tls").join(name)
    }

    pub fn url(&self, database: &str) -> String {
        format!(
            "postgresql://postgres:{}@127.0.0.1:{}/{}",
            encode(PASSWORD),
            self.port,
            encode(database)
        )
    }

    /// Run SQL through the real psql and return its unaligned output.
    pub fn psql(&self, database: &str, sql: &str) -> String {
        let output = self
            .psql_command(database)
            .args(["-X", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-c", sql])
            .output()
            .expect("run psql");
        assert!(
            output.status.success(),
            "psql failed on {sql:?}: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        String::from_utf8(output.stdout).unwrap().trim().to_string()
    }

    /// Run SQL for cleanup in a `Drop`: failures are ignored, since panicking there would hide
    /// the test's own failure.
    pub fn cleanup(&self, sql: &str) {
        let _ = self
            .psql_command("postgres")
            .args(["-X", "-q", "-c", sql])
            .output();
    }

    pub fn psql_command(&self, database: &str) -> Command {
        let mut command = self.client("psql");
        command.args(["-d", database]);
        command
    }

    /// A client program that matches the server: from `CRUDDUR_TEST_PG_CLIENT_BINDIR`
    /// (`scripts/pg-client`), else the server's bin directory when it has one (the npm builds
    /// have none), else the one on PATH.
    pub fn client_program(&self, name: &str) -> PathBuf {
        let client_dir = std::env::var_os("CRUDDUR_TEST_PG_CLIENT_BINDIR")
            .filter(|dir| !dir.is_empty())
            .map(PathBuf::from);
        client_dir
            .into_iter()
            .chain([self.bindir.clone()])
            .map(|dir| dir.join(name))
            .find(|program| program.exists())
            .unwrap_or_else(|| PathBuf::from(name))
    }

    /// `name` aimed at this cluster as `postgres`, the password in its environment.
    fn client(&self, name: &str) -> Command {
        let mut command = Command::new(self.client_program(name));
        command.env("PGPASSWORD", PASSWORD).args([
            "-h",
            "127.0.0.1",
            "-p",
            &self.port.to_string(),
            "-U",
            "postgres",
        ]);
        command
    }

    /// `pg_dump` of `database` as a plain SQL file, or `None` when the only pg_dump at hand is
    /// older than the server (pg_dump refuses to dump a newer server).
    pub fn pg_dump(&self, database: &str) -> Option<String> {
        let version = Command::new(self.client_program("pg_dump"))
            .arg("--version")
            .output()
            .ok()?;
        let version = String::from_utf8_lossy(&version.stdout);
        let major: u32 = version
            .split_whitespace()
            .find_map(|word| word.split('.').next()?.parse().ok())?;
        if major < self.version {
            return None;
        }
        let output = self
            .client("pg_dump")
            .arg(database)
            .output()
            .expect("run pg_dump");
        assert!(
            output.status.success(),
            "pg_dump failed: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        Some(String::from_utf8(output.stdout).unwrap())
    }

    pub fn database_exists(&self, name: &str) -> bool {
        self.psql(
            "postgres",
            &format!(
                "SELECT count(*) FROM pg_database WHERE datname = {}",
                literal(name)
            ),
        ) == "1"
    }

    /// The pid of the session whose application_name is `application`, once there is one.
    pub fn pid_of(&self, application: &str) -> i32 {
        self.psql(
            "postgres",
            &format!(
                "SELECT pid FROM pg_stat_activity WHERE application_name = {}",
                literal(application)
            ),
        )
        .parse()
        .expect("one session with that application name")
    }

    /// The pid of the session running a statement that contains `fragment`, once one does
    /// (within 20 s).
    pub fn wait_until_running(&self, fragment: &str) -> String {
        let running = format!(
            "SELECT pid FROM pg_stat_activity WHERE query LIKE {} AND pid <> pg_backend_pid()",
            literal(&format!("%{fragment}%"))
        );
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
        loop {
            let pid = self.psql("postgres", &running);
            if !pid.is_empty() {
                return pid;
            }
            assert!(
                std::time::Instant::now() < deadline,
                "nothing ever ran {fragment}"
            );
            std::thread::sleep(std::time::Duration::from_millis(50));
        }
    }

    /// Wait until the server has seen session `application` idle for `seconds`: tests of
    /// durations wait on the server's own clock, not on a guess at ours.
    pub fn wait_until_idle_for(&self, application: &str, seconds: f64) {
        let idle = format!(
            "SELECT count(*) FROM pg_stat_activity WHERE application_name = {} \
             AND state = 'idle' AND now() - state_change >= make_interval(secs => {seconds})",
            literal(application)
        );
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
        while self.psql("postgres", &idle) == "0" {
            assert!(
                std::time::Instant::now() < deadline,
                "{application} was never idle for {seconds} s"
            );
            std::thread::sleep(std::time::Duration::from_millis(50));
        }
    }

    /// Wait until session `application` holds a lock on table `table` of `database`.
    pub fn wait_until_holding(&self, database: &str, application: &str, table: &str) {
        let holding = format!(
            "SELECT count(*) FROM pg_locks l JOIN pg_stat_activity a USING (pid) \
             JOIN pg_class c ON c.oid = l.relation \
             WHERE a.application_name = {} AND c.relname = {} AND l.granted",
            literal(application),
            literal(table)
        );
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
        while self.psql(database, &holding) == "0" {
            assert!(
                std::time::Instant::now() < deadline,
                "{application} never held a lock on {table}"
            );
            std::thread::sleep(std::time::Duration::from_millis(50));
        }
    }

    /// Whether a session with this application name is connected.
    pub fn has_session(&self, application: &str) -> bool {
        let count = format!(
            "SELECT count(*) FROM pg_stat_activity WHERE application_name = {}",
            literal(application)
        );
        self.psql("postgres", &count) != "0"
    }

    /// An idle session on `database`, held open until the returned child is dropped.
    pub fn hold_session(&self, database: &str, application: &str) -> HeldSession {
        self.hold(self.psql_command(database), application)
    }

    /// Like [`Cluster::hold_session`], over the cluster's Unix socket instead of TCP.
    pub fn hold_session_over_socket(&self, database: &str, application: &str) -> HeldSession {
        let mut psql = self.client("psql");
        // The last -h wins: the socket directory instead of 127.0.0.1.
        psql.arg("-h").arg(&self.root).args(["-d", database]);
        self.hold(psql, application)
    }

    /// Hold a session opened by `psql` (a [`Cluster::psql_command`] with more arguments).
    pub fn hold(&self, mut psql: Command, application: &str) -> HeldSession {
        let child = psql
            .env("PGAPPNAME", application)
            .arg("-X")
            .stdin(Stdio::piped())
            .stdout(Stdio::null())
            .spawn()
            .expect("start psql");
        let held = HeldSession(child);
        for _ in 0..100 {
            if self.has_session(application) {
                return held;
            }
            std::thread::sleep(std::time::Duration::from_millis(50));
        }
        panic!("the held session never connected");
    }
}

/// Run `command` (named `what` in the failure) and return its output; it must succeed.
fn succeed(mut command: Command, what: &str) -> std::process::Output {
    let output = command
        .output()
        .unwrap_or_else(|err| panic!("could not run {what}: {err}"));
    assert!(
        output.status.success(),
        "{what} failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    output
}

/// A test CA, a second unrelated CA, and certificates signed by the first: the server's for
/// `localhost`, and a client certificate for user postgres.
fn make_certificates(root: &Path) {
    let dir = root.join("tls");
    std::fs::create_dir(&dir).unwrap();
    let openssl = |args: &[&str]| {
        let mut command = Command::new("openssl");
        command.args(args).current_dir(&dir);
        succeed(command, &format!("openssl {args:?}"));
    };
    let ec = [
        "-newkey",
        "ec",
        "-pkeyopt",
        "ec_paramgen_curve:prime256v1",
        "-nodes",
    ];
    for ca in ["ca", "other-ca"] {
        let (key, crt, subject) = (
            format!("{ca}.key"),
            format!("{ca}.crt"),
            format!("/CN=cruddur test {ca}"),
        );
        openssl(
            &[
                &[
                    "req", "-x509", "-days", "2", "-subj", &subject, "-keyout", &key, "-out", &crt,
                ],
                &ec[..],
            ]
            .concat(),
        );
    }
    // A certificate `name`.crt for `subject`, signed by the first CA: X.509 v3 with
    // `extension`, or v1 without one (what PostgreSQL's documentation's example makes).
    let issue = |name: &str, subject: &str, extension: &str| {
        let (key, csr, crt, ext) = (
            format!("{name}.key"),
            format!("{name}.csr"),
            format!("{name}.crt"),
            format!("{name}.ext"),
        );
        openssl(
            &[
                &["req", "-subj", subject, "-keyout", &key, "-out", &csr],
                &ec[..],
            ]
            .concat(),
        );
        std::fs::write(dir.join(&ext), format!("{extension}\n")).unwrap();
        let extensions: &[&str] = if extension.is_empty() {
            &[]
        } else {
            &["-extfile", &ext]
        };
        openssl(
            &[
                &[
                    "x509",
                    "-req",
                    "-in",
                    &csr,
                    "-CA",
                    "ca.crt",
                    "-CAkey",
                    "ca.key",
                    "-CAcreateserial",
                    "-days",
                    "2",
                    "-out",
                    &crt,
                ][..],
                extensions,
            ]
            .concat(),
        );
        std::fs::set_permissions(dir.join(&key), PermissionsExt::from_mode(0o600)).unwrap();
    };
    issue("server", "/CN=localhost", "subjectAltName=DNS:localhost");
    // The server's key again, certified for a day in 2020: `openssl ca` takes explicit dates.
    std::fs::create_dir(dir.join("ca-db")).unwrap();
    std::fs::write(dir.join("ca-db/index.txt"), "").unwrap();
    std::fs::write(dir.join("ca-db/serial"), "01\n").unwrap();
    std::fs::write(
        dir.join("ca.cnf"),
        "[ca]\ndefault_ca = test\n[test]\ndatabase = ca-db/index.txt\nserial = ca-db/serial\n\
         new_certs_dir = ca-db\ncertificate = ca.crt\nprivate_key = ca.key\ndefault_md = sha256\n\
         policy = any\n[any]\ncommonName = supplied\n[san]\nsubjectAltName = DNS:localhost\n",
    )
    .unwrap();
    openssl(&[
        "ca",
        "-batch",
        "-config",
        "ca.cnf",
        "-in",
        "server.csr",
        "-out",
        "expired.crt",
        "-startdate",
        "20200101000000Z",
        "-enddate",
        "20200102000000Z",
        "-extensions",
        "san",
    ]);
    // For user postgres (its CN), for the `cert` authentication of database certdb.
    issue("client", "/CN=postgres", "extendedKeyUsage=clientAuth");
    issue("client-v1", "/CN=postgres", "");
    // The server refuses a key others can read, and must own it.
    let key = dir.join("server.key");
    chown_to_server_user(&dir);
    chown_to_server_user(&key);
    chown_to_server_user(&dir.join("server.crt"));
    chown_to_server_user(&dir.join("expired.crt"));
    chown_to_server_user(&dir.join("ca.crt"));
}

pub struct HeldSession(Child);

impl HeldSession {
    /// Send SQL to the held psql, which runs it as it arrives.
    pub fn run(&mut self, sql: &str) {
        use std::io::Write;
        let stdin = self.0.stdin.as_mut().expect("held psql has stdin");
        writeln!(stdin, "{sql}").expect("write to held psql");
    }
}

impl Drop for HeldSession {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

pub fn encode(text: &str) -> String {
    text.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

pub fn literal(text: &str) -> String {
    format!("'{}'", text.replace('\'', "''"))
}

/// The cluster most tests share; each test uses its own database on it.
pub fn shared() -> &'static Cluster {
    // A cluster that failed to start fails every test with the first failure's message,
    // instead of each test trying (and leaving a temp dir) again.
    static SHARED: OnceLock<Result<Cluster, String>> = OnceLock::new();
    let started = SHARED.get_or_init(|| {
        std::panic::catch_unwind(Cluster::start).map_err(|panic| {
            panic
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()))
                .unwrap_or_default()
        })
    });
    match started {
        Ok(cluster) => cluster,
        Err(why) => panic!("the shared test cluster could not start: {why}"),
    }
}

/// A uniquely named database on the shared cluster (not created: tests decide), dropped at the end.
pub struct TestDb {
    pub name: String,
    pub cluster: &'static Cluster,
}

impl TestDb {
    pub fn new() -> TestDb {
        Self::named(&format!(
            "cruddur_test_{}",
            &uuid::Uuid::new_v4().simple().to_string()[..12]
        ))
    }

    pub fn named(name: &str) -> TestDb {
        TestDb {
            name: name.to_string(),
            cluster: shared(),
        }
    }

    /// A database created with `--prod`, as a production deploy would make it: marked
    /// production in its comment.
    pub fn production() -> TestDb {
        let db = TestDb::new();
        Project::new()
            .cruddur()
            .env("PROD_CONNECTION_URL", db.url())
            .args(["--prod", "create"])
            .assert()
            .success()
            .stderr(predicates::str::contains("marked production"));
        db
    }

    /// The comment on the database, where the production mark lives.
    pub fn comment(&self) -> String {
        self.cluster.psql(
            "postgres",
            &format!(
                "SELECT coalesce(shobj_description(oid, 'pg_database'), '') FROM pg_database WHERE datname = {}",
                literal(&self.name)
            ),
        )
    }

    pub fn url(&self) -> String {
        self.cluster.url(&self.name)
    }

    pub fn create(&self) -> &Self {
        self.cluster.psql(
            "postgres",
            &format!("CREATE DATABASE {}", ident(&self.name)),
        );
        self
    }

    pub fn query(&self, sql: &str) -> String {
        self.cluster.psql(&self.name, sql)
    }

    /// Whether a table (or other relation) of this name exists in the database.
    pub fn has_table(&self, name: &str) -> bool {
        self.query(&format!(
            "SELECT count(*) FROM pg_class WHERE relname = {}",
            literal(name)
        )) != "0"
    }

    /// The databases cruddur-db keeps beside this one, of `kind` (`new` for setup's side
    /// databases, `tpl` for templates, `snap` for snapshots), by name.
    pub fn kept_aside(&self, kind: &str) -> Vec<String> {
        let names = self.cluster.psql(
            "postgres",
            &format!(
                "SELECT string_agg(datname, ',' ORDER BY datname) FROM pg_database WHERE datname LIKE {}",
                literal(&format!("{}_cdb_{kind}_%", self.name))
            ),
        );
        names
            .split(',')
            .filter(|name| !name.is_empty())
            .map(str::to_string)
            .collect()
    }

    /// A login role with the test password and no other privileges, named after this
    /// database so parallel tests never share one; dropped with the returned guard.
    pub fn plain_role(&self) -> PlainRole {
        let name = format!("plain_{}", &self.name[13..]);
        self.cluster.psql(
            "postgres",
            &format!("CREATE ROLE {name} LOGIN PASSWORD {}", literal(PASSWORD)),
        );
        PlainRole {
            name,
            cluster: self.cluster,
        }
    }

    /// `copies` runs of the binary with `args` on this database, started together; their
    /// outputs once all have finished.
    pub fn run_at_once(
        &self,
        project: &Project,
        copies: usize,
        args: &[&str],
    ) -> Vec<std::process::Output> {
        let children: Vec<Child> = (0..copies)
            .map(|_| {
                project
                    .cruddur_process()
                    .env("CONNECTION_URL", self.url())
                    .args(args)
                    .stderr(Stdio::piped())
                    .spawn()
                    .expect("start cruddur-db")
            })
            .collect();
        children
            .into_iter()
            .map(|child| child.wait_with_output().expect("wait for cruddur-db"))
            .collect()
    }

    /// The binary, run in a fresh copy of the project, aimed at this database via CONNECTION_URL.
    pub fn cruddur(&self, project: &Project) -> assert_cmd::Command {
        let mut command = project.cruddur();
        command.env("CONNECTION_URL", self.url());
        command
    }
}

impl Drop for TestDb {
    fn drop(&mut self) {
        let force = if self.cluster.version >= 13 {
            " WITH (FORCE)"
        } else {
            ""
        };
        self.cluster.cleanup(&format!(
            "DROP DATABASE IF EXISTS {}{force}",
            ident(&self.name)
        ));
    }
}

pub fn ident(name: &str) -> String {
    format!("\"{}\"", name.replace('"', "\"\""))
}

/// A temp directory laid out like the Cruddur project: `sql/` with the repository's defaults.
///
/// It sits inside a folder of its own that holds an empty `.env`: cruddur-db searches for
/// `.env` upward, and a stray `/tmp/.env` or `/.env` must not reach any test.
pub struct Project {
    base: tempfile::TempDir,
    dir: PathBuf,
}

impl Project {
    pub fn new() -> Project {
        let base = tempfile::tempdir().unwrap();
        std::fs::write(base.path().join(".env"), "").unwrap();
        let dir = base.path().join("project");
        let sql = dir.join("sql");
        std::fs::create_dir_all(&sql).unwrap();
        for file in ["schema.sql", "seed.sql"] {
            std::fs::copy(
                Path::new(env!("CARGO_MANIFEST_DIR")).join("sql").join(file),
                sql.join(file),
            )
            .unwrap();
        }
        Project { base, dir }
    }

    pub fn path(&self) -> &Path {
        &self.dir
    }

    /// Add `text` at the end of a project file, on a line of its own.
    pub fn append(&self, relative: &str, text: &str) -> PathBuf {
        let current = std::fs::read_to_string(self.path().join(relative)).unwrap_or_default();
        self.write(relative, &format!("{current}\n{text}"))
    }

    pub fn write(&self, relative: &str, contents: &str) -> PathBuf {
        let path = self.path().join(relative);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, contents).unwrap();
        path
    }

    /// `program` run in the project with a clean environment: only PATH, and a HOME of its
    /// own, so nothing of the caller's (URLs, PG* variables, CI, colour settings, dotfiles)
    /// reaches it. Tests add what they mean to set.
    pub fn command(&self, program: impl AsRef<std::ffi::OsStr>) -> Command {
        let mut command = Command::new(program);
        command
            .current_dir(self.path())
            .env_clear()
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .env("HOME", self.base.path());
        command
    }

    /// The binary, unstarted, in the project's clean environment.
    pub fn cruddur_process(&self) -> Command {
        self.command(assert_cmd::cargo::cargo_bin("cruddur-db"))
    }

    /// The binary for assertions: clean environment, no terminal, a minute at most.
    pub fn cruddur(&self) -> assert_cmd::Command {
        let mut command = assert_cmd::Command::from_std(self.cruddur_process());
        command.timeout(std::time::Duration::from_secs(60));
        command
    }

    /// Run the shell command `command` in a pseudo-terminal (util-linux `script`) in the
    /// project, with CONNECTION_URL set to `url`; the terminal's screen is the output's stdout.
    pub fn in_terminal(&self, command: &str, url: &str) -> std::process::Output {
        self.command("script")
            .args(["-q", "-e", "-c", command, "/dev/null"])
            .env("CONNECTION_URL", url)
            .env("TERM", "xterm")
            .stdin(Stdio::null())
            .output()
            .expect("util-linux `script` provides the pseudo-terminal")
    }
}

/// stdout and stderr of a finished command, for assertions that look at both.
pub fn output_text(output: &std::process::Output) -> (String, String) {
    (
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

pub struct PlainRole {
    pub name: String,
    cluster: &'static Cluster,
}

impl Drop for PlainRole {
    fn drop(&mut self) {
        self.cluster
            .cleanup(&format!("DROP ROLE IF EXISTS {}", self.name));
    }
}
