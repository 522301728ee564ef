//! Which PostgreSQL server build the tests run, and running its programs as the server user.

use std::os::unix::fs::MetadataExt;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

use super::*;

/// Server binaries, usable by the server user: `CRUDDUR_TEST_PG_BINDIR` (which must hold
/// initdb), else `pg_config --bindir`, else the newest `/usr/lib/postgresql/*/bin`.
pub(super) fn server_bindir() -> PathBuf {
    static BINDIR: OnceLock<PathBuf> = OnceLock::new();
    BINDIR
        .get_or_init(|| reachable_by_server_user(&find_server_bindir()))
        .clone()
}

pub(super) fn find_server_bindir() -> PathBuf {
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
pub(super) fn wanted_major() -> Option<u32> {
    let text = std::env::var("CRUDDUR_TEST_PG_MAJOR").ok()?;
    Some(
        text.parse()
            .unwrap_or_else(|_| panic!("CRUDDUR_TEST_PG_MAJOR={text:?} is not a major version")),
    )
}

/// `bindir`, or a copy of its installation the server user can reach. As root the server runs
/// as `postgres`, which cannot enter a clone under a root-only directory (`mktemp -d`, /root):
/// there initdb fails with "Permission denied".
pub(super) fn reachable_by_server_user(bindir: &Path) -> PathBuf {
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

/// A server program, run as the `postgres` user when we are root: initdb refuses root.
pub(super) fn server_program(bindir: &Path, name: &str) -> Command {
    let mut command = Command::new(bindir.join(name));
    if let Some((uid, gid)) = server_user() {
        command.uid(uid).gid(gid);
    }
    command
}

pub(super) fn server_user() -> Option<(u32, u32)> {
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

pub(super) fn chown_to_server_user(path: &Path) {
    if let Some((uid, gid)) = server_user() {
        std::os::unix::fs::chown(path, Some(uid), Some(gid)).expect("chown test dir");
    }
}
