//! The test PKI, made with openssl: two CAs, the server's certificates (current and expired)
//! and client certificates (X.509 v3 and v1).

use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::process::Command;

use super::*;

/// Run `command` (named `what` in the failure) and return its output; it must succeed.
pub(super) fn succeed(mut command: Command, what: &str) -> std::process::Output {
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
pub(super) fn make_certificates(root: &Path) {
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
