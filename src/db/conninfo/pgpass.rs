//! Passwords from a password file (`~/.pgpass`, `PGPASSFILE`, `passfile`) by libpq's rules:
//! `host:port:database:user:password` lines, `*` wildcards, `\:` and `\\` escapes, the first
//! matching line wins, and a file that group or others may read is not used.

use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};

use super::{Host, HostSpec, params};
use crate::ui;

/// The password for `host`, `database` and `user`, and the (1-based) line it is on.
pub fn lookup(file: &Path, host: &HostSpec, database: &str, user: &str) -> Option<(String, usize)> {
    std::fs::metadata(file).ok().filter(|meta| meta.is_file())?;
    if too_open(file) {
        warn_once(file);
        return None;
    }
    let text = std::fs::read_to_string(file).ok()?;
    let host_name = match &host.host {
        // libpq: `localhost` stands for the default socket directory.
        Host::Socket(dir) if *dir == params::default_socket_dir() => "localhost".to_string(),
        _ => host.name(),
    };
    let port = host.port.to_string();
    let wanted = [host_name.as_str(), port.as_str(), database, user];
    text.lines().enumerate().find_map(|(index, line)| {
        if line.starts_with('#') || line.trim().is_empty() {
            return None;
        }
        let fields = fields(line);
        if fields.len() < 5 {
            return None;
        }
        let matches = fields[..4]
            .iter()
            .zip(wanted)
            .all(|(field, wanted)| field == "*" || field == wanted);
        // The password is the rest of the line, colons and all.
        matches.then(|| (fields[4..].join(":"), index + 1))
    })
}

/// Whether group or others may read `file`, which libpq then does not use.
pub fn too_open(file: &Path) -> bool {
    std::fs::metadata(file)
        .is_ok_and(|meta| meta.is_file() && meta.permissions().mode() & 0o077 != 0)
}

/// The line's fields, split at unescaped colons, with `\:` and `\\` undone.
fn fields(line: &str) -> Vec<String> {
    let mut fields = vec![String::new()];
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => fields
                .last_mut()
                .unwrap_or(&mut String::new())
                .extend(chars.next()),
            ':' if fields.len() < 5 => fields.push(String::new()),
            c => {
                if let Some(field) = fields.last_mut() {
                    field.push(c);
                }
            }
        }
    }
    fields
}

fn warn_once(file: &Path) {
    static WARNED: AtomicBool = AtomicBool::new(false);
    if !WARNED.swap(true, Ordering::Relaxed) {
        ui::warn(format_args!(
            "password file {} has group or world access; permissions should be u=rw (0600) or less, so it was not used",
            file.display()
        ));
    }
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use super::*;

    fn host(name: &str, port: u16) -> HostSpec {
        HostSpec {
            host: if name.starts_with('/') {
                Host::Socket(PathBuf::from(name))
            } else {
                Host::Tcp(name.to_string())
            },
            hostaddr: None,
            port,
        }
    }

    fn file(contents: &str, mode: u32) -> tempfile::NamedTempFile {
        let file = tempfile::NamedTempFile::new().unwrap();
        std::fs::write(file.path(), contents).unwrap();
        std::fs::set_permissions(file.path(), PermissionsExt::from_mode(mode)).unwrap();
        file
    }

    #[test]
    fn the_first_matching_line_wins_with_wildcards_and_escapes() {
        let pgpass = file(
            "# comment\nother:5432:*:*:nope\ndb\\:host:5432:cruddur:postgres:first\n*:*:*:postgres:pa\\:ss:word\n*:*:*:*:last\n",
            0o600,
        );
        let lookup = |h: &HostSpec, db: &str, user: &str| lookup(pgpass.path(), h, db, user);
        assert_eq!(
            lookup(&host("db:host", 5432), "cruddur", "postgres"),
            Some(("first".into(), 3))
        );
        assert_eq!(
            lookup(&host("h", 1), "x", "postgres"),
            Some(("pa:ss:word".into(), 4))
        );
        assert_eq!(lookup(&host("h", 1), "x", "app"), Some(("last".into(), 5)));
    }

    #[test]
    fn a_file_others_can_read_is_not_used() {
        let pgpass = file("*:*:*:*:secret\n", 0o644);
        assert_eq!(lookup(pgpass.path(), &host("h", 5432), "d", "u"), None);
    }
}
