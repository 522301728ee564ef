//! One uniquely named database per test, roles, and temp projects laid out like Cruddur's.

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

use super::*;

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

    /// The pid of the session running a statement containing `fragment` in this database
    /// (or one being built aside for it), once one does.
    pub fn wait_until_running(&self, fragment: &str) -> String {
        self.cluster.wait_until_running(&self.name, fragment)
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
    /// databases, `tpl` for templates, `snap` for snapshots, `diff` for the scratch builds of
    /// `diff` and `check`), by name.
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

    /// A project without its `sql/` directory: no files to compare a database with.
    pub fn without_sql() -> Project {
        let project = Project::new();
        std::fs::remove_dir_all(project.dir.join("sql")).unwrap();
        project
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
