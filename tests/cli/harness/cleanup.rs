//! What the test process undoes when it exits, however it exits: clusters stopped, temp dirs
//! removed, helper processes ended.

use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::sync::{Mutex, OnceLock};

use super::*;

/// A temp dir of ours (removed at exit) that the server user may enter.
pub(super) fn private_temp_dir(prefix: &str) -> PathBuf {
    let dir = tempfile::Builder::new()
        .prefix(prefix)
        .tempdir()
        .unwrap()
        .keep();
    std::fs::set_permissions(&dir, PermissionsExt::from_mode(0o755)).unwrap();
    remove_at_exit(&dir);
    dir
}

/// What to undo when the test process exits, in reverse order (clusters before the server
/// build they run from). Statics are never dropped, so an atexit hook does it; it also runs
/// when tests fail, since libtest then exits through `exit`.
pub(super) enum Cleanup {
    Cluster {
        bindir: PathBuf,
        root: PathBuf,
    },
    Dir(PathBuf),
    /// A helper server (the AWS emulator), ended with SIGTERM.
    Process(u32),
}

pub(super) static AT_EXIT: Mutex<Vec<Cleanup>> = Mutex::new(Vec::new());

pub(super) fn at_exit(cleanup: Cleanup) {
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

pub(super) fn remove_at_exit(dir: &Path) {
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

pub(super) fn stop(bindir: &Path, root: &Path) {
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
