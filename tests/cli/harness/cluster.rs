//! Throwaway PostgreSQL clusters (initdb + pg_ctl on free ports in temp dirs, SCRAM passwords),
//! the one most tests share, and sessions held open on them.

use std::net::TcpListener;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::OnceLock;

use super::*;

pub fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// A listener that accepts TCP connections and never says a word, like a host behind a
/// firewall that swallows the startup packet. Silent for as long as the listener lives.
pub fn silent_server() -> (TcpListener, u16) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    (listener, port)
}

/// A new directory for a cluster's files: in memory (/dev/shm) where the machine has room
/// there. The suite creates and drops a few thousand databases; on ext4 most of a pass's CPU
/// went to the kernel allocating and freeing their files' inodes. A container's /dev/shm is
/// often 64 MB, too small for the clusters: then the temp dir.
fn cluster_root() -> PathBuf {
    const ROOM: u64 = 2 << 30;
    let shm = Path::new("/dev/shm");
    let mut builder = tempfile::Builder::new();
    builder.prefix("cruddur-db-test-");
    let made = if free_bytes(shm).is_some_and(|free| free >= ROOM) {
        builder.tempdir_in(shm).or_else(|_| builder.tempdir())
    } else {
        builder.tempdir()
    };
    made.expect("make a directory for a test cluster").keep()
}

fn free_bytes(dir: &Path) -> Option<u64> {
    use std::os::unix::ffi::OsStrExt;
    let path = std::ffi::CString::new(dir.as_os_str().as_bytes()).ok()?;
    let mut stats = std::mem::MaybeUninit::<libc::statvfs>::uninit();
    // SAFETY: `path` is NUL-terminated and `stats` is written in full when the call succeeds.
    let stats = unsafe {
        if libc::statvfs(path.as_ptr(), stats.as_mut_ptr()) != 0 {
            return None;
        }
        stats.assume_init()
    };
    Some(stats.f_bavail as u64 * stats.f_frsize as u64)
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
        let root = cluster_root();
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
        let root = cluster_root();
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

    /// What the server has logged so far.
    pub fn log(&self) -> String {
        std::fs::read_to_string(self.root.join("server.log")).unwrap_or_default()
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
        self.pg_dump_with(database, &[])
    }

    /// `pg_dump ARGS database`, as [`Cluster::pg_dump`].
    pub fn pg_dump_with(&self, database: &str, args: &[&str]) -> Option<String> {
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
            .args(args)
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

    /// Run `sql` in `database` until it returns something, and give that: tests wait on what
    /// the server reports (a statement running, a lock held, statistics caught up), failing
    /// after 20 s with `what` they waited for.
    pub fn poll(&self, database: &str, sql: &str, what: &str) -> String {
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
        loop {
            let found = self.psql(database, sql);
            if !found.is_empty() {
                return found;
            }
            assert!(std::time::Instant::now() < deadline, "never: {what}");
            std::thread::sleep(std::time::Duration::from_millis(50));
        }
    }

    /// The pid of the session running a statement that contains `fragment` in a database
    /// whose name starts with `database` (its side databases too), once one does. Tests run at
    /// once on one cluster: another test's statement must not count.
    pub fn wait_until_running(&self, database: &str, fragment: &str) -> String {
        let running = format!(
            "SELECT pid FROM pg_stat_activity WHERE query LIKE {} AND datname LIKE {} AND pid <> pg_backend_pid()",
            literal(&format!("%{fragment}%")),
            literal(&format!("{database}%"))
        );
        self.poll(
            "postgres",
            &running,
            &format!("a statement running {fragment}"),
        )
    }

    /// Wait until the server has seen session `application` idle for `seconds`: tests of
    /// durations wait on the server's own clock, not on a guess at ours.
    pub fn wait_until_idle_for(&self, application: &str, seconds: f64) {
        let idle = format!(
            "SELECT 1 FROM pg_stat_activity WHERE application_name = {} \
             AND state = 'idle' AND now() - state_change >= make_interval(secs => {seconds})",
            literal(application)
        );
        self.poll(
            "postgres",
            &idle,
            &format!("{application} idle for {seconds} s"),
        );
    }

    /// Wait until session `application` holds a lock on table `table` of `database`.
    pub fn wait_until_holding(&self, database: &str, application: &str, table: &str) {
        let holding = format!(
            "SELECT 1 FROM pg_locks l JOIN pg_stat_activity a USING (pid) \
             JOIN pg_class c ON c.oid = l.relation \
             WHERE a.application_name = {} AND c.relname = {} AND l.granted LIMIT 1",
            literal(application),
            literal(table)
        );
        self.poll(
            database,
            &holding,
            &format!("{application} holding a lock on {table}"),
        );
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
