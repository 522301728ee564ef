//! Connection settings mean what they mean to psql: the same string and environment land
//! psql and cruddur-db on the same server, database, user and TLS state, or both refuse.

use std::os::unix::fs::PermissionsExt;
use std::sync::OnceLock;

use crate::harness::{Cluster, PASSWORD, Project, TestDb, encode, free_port, shared};
use crate::tls::tls_cluster;

/// Where a session landed, as the server sees it.
const PROBE: &str = "DO $$ BEGIN RAISE NOTICE 'landed db=% user=% port=% ssl=% app=% path=%', \
    current_database(), current_user, coalesce(inet_server_port()::text, 'socket'), \
    (SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()), \
    current_setting('application_name'), current_setting('search_path'); END $$;\n";

/// One way of saying where to connect: an optional string (`None`: no `--url`, no
/// `CONNECTION_URL`) and the environment around it.
struct Case<'a> {
    name: &'a str,
    string: Option<String>,
    env: Vec<(&'a str, String)>,
}

fn case<'a>(name: &'a str, string: Option<String>, env: &[(&'a str, String)]) -> Case<'a> {
    Case {
        name,
        string,
        env: env.to_vec(),
    }
}

/// The landing line of a run, or `None` when it did not connect; and all it printed.
fn landing(output: &std::process::Output) -> (Option<String>, String) {
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    let landed = text.lines().find_map(|line| {
        line.split_once("landed ")
            .map(|(_, rest)| rest.trim().to_string())
    });
    // Each names itself when nothing sets application_name (libpq's fallback_application_name).
    let landed = landed.map(|line| {
        line.replace("app=psql ", "app=(fallback) ")
            .replace("app=cruddur-db ", "app=(fallback) ")
    });
    (landed.filter(|_| output.status.success()), text)
}

/// Run `case` through psql and through cruddur-db and require the same landing.
fn assert_same_landing(project: &Project, cluster: &Cluster, case: &Case) -> Option<String> {
    let mut psql = project.command(cluster.client_program("psql"));
    psql.args(["-X", "-q", "-v", "ON_ERROR_STOP=1", "-f", "probe.sql"]);
    if let Some(string) = &case.string {
        psql.arg(string);
    }
    let mut ours = project.cruddur_process();
    ours.args(["seed", "probe.sql", "--color", "never"]);
    if let Some(string) = &case.string {
        ours.env("CONNECTION_URL", string);
    }
    for (key, value) in &case.env {
        psql.env(key, value);
        ours.env(key, value);
    }
    let (psql_landed, psql_text) = landing(&psql.output().unwrap());
    let (our_landed, our_text) = landing(&ours.output().unwrap());
    assert_eq!(
        our_landed, psql_landed,
        "{}: cruddur-db and psql landed differently\n--- cruddur-db:\n{our_text}\n--- psql:\n{psql_text}",
        case.name
    );
    assert!(
        !our_text.contains(PASSWORD) && !our_text.contains(&encode(PASSWORD)),
        "{}: the password was printed:\n{our_text}",
        case.name
    );
    our_landed
}

fn probe_project() -> Project {
    let project = Project::new();
    project.write("probe.sql", PROBE);
    project
}

/// `\:` and `\\` as .pgpass needs them.
fn pgpass_escaped(text: &str) -> String {
    text.replace('\\', "\\\\").replace(':', "\\:")
}

/// A server whose sessions are read-only, listening on IPv4 and IPv6 loopback.
fn read_only_cluster() -> &'static Cluster {
    static READ_ONLY: OnceLock<Cluster> = OnceLock::new();
    READ_ONLY.get_or_init(|| {
        let mut cluster = Cluster::init_stopped();
        cluster.start_server_with(
            None,
            "-c default_transaction_read_only=on -c listen_addresses=127.0.0.1,::1",
        );
        cluster
    })
}

#[test]
fn uris_keyword_strings_and_pg_variables_land_where_psql_lands() {
    let db = TestDb::new();
    db.create();
    let cluster = shared();
    let project = probe_project();
    let (port, name, pw) = (
        cluster.port.to_string(),
        db.name.clone(),
        PASSWORD.to_string(),
    );
    let socket = cluster.socket_dir().display().to_string();
    let quoted_pw = format!("'{}'", pw.replace('\\', "\\\\").replace('\'', "\\'"));
    let cases = [
        case("uri", Some(cluster.url(&name)), &[]),
        case(
            "keyword string",
            Some(format!(
                "host=127.0.0.1 port={port} dbname={name} user=postgres password={quoted_pw}"
            )),
            &[],
        ),
        case(
            "keyword string with spaces around =",
            Some(format!(
                "host = 127.0.0.1  port= {port} dbname ={name} user=postgres password = {quoted_pw}"
            )),
            &[],
        ),
        case(
            "password as a query parameter",
            Some(format!(
                "postgresql://postgres@127.0.0.1:{port}/{name}?password={}",
                encode(&pw)
            )),
            &[],
        ),
        case(
            "uri without a database takes PGDATABASE",
            Some(format!("postgresql://postgres@127.0.0.1:{port}")),
            &[("PGDATABASE", name.clone()), ("PGPASSWORD", pw.clone())],
        ),
        case(
            "no string: the PG* variables",
            None,
            &[
                ("PGHOST", "127.0.0.1".into()),
                ("PGPORT", port.clone()),
                ("PGDATABASE", name.clone()),
                ("PGUSER", "postgres".into()),
                ("PGPASSWORD", pw.clone()),
                ("PGAPPNAME", "from-pgappname".into()),
                ("PGOPTIONS", "-c search_path=from_pgoptions".into()),
            ],
        ),
        case(
            "socket directory as host",
            Some(format!(
                "host={socket} port={port} dbname={name} user=postgres"
            )),
            &[("PGPASSWORD", pw.clone())],
        ),
        case(
            "socket directory as a uri query parameter",
            Some(format!(
                "postgresql://postgres@/{name}?host={socket}&port={port}"
            )),
            &[("PGPASSWORD", pw.clone())],
        ),
        case(
            "percent-encoded socket directory as uri host",
            Some(format!(
                "postgresql://postgres@{}:{port}/{name}",
                encode(&socket)
            )),
            &[("PGPASSWORD", pw.clone())],
        ),
        case(
            "several hosts: the first refuses",
            Some(format!(
                "host=127.0.0.1,127.0.0.1 port={},{port} dbname={name} user=postgres",
                free_port()
            )),
            &[("PGPASSWORD", pw.clone())],
        ),
        case(
            "options and application_name in the string",
            Some(format!(
                "postgresql://postgres@127.0.0.1:{port}/{name}?application_name=from-string&options=-c%20search_path%3Dfrom_string"
            )),
            &[("PGPASSWORD", pw.clone())],
        ),
        case(
            "the string beats the variables",
            Some(format!("host=127.0.0.1 port={port} dbname={name}")),
            &[
                ("PGPORT", "1".into()),
                ("PGDATABASE", "elsewhere".into()),
                ("PGUSER", "postgres".into()),
                ("PGPASSWORD", pw.clone()),
            ],
        ),
    ];
    for case in &cases {
        let landed = assert_same_landing(&project, cluster, case);
        assert!(landed.is_some(), "{}: neither connected", case.name);
        assert!(
            landed.unwrap().contains(&format!("db={name}")),
            "{}",
            case.name
        );
    }
}

#[test]
fn refusals_are_refused_by_both() {
    let cluster = shared();
    let project = probe_project();
    let port = cluster.port.to_string();
    let cases = [
        case(
            "unknown parameter",
            Some(format!("host=127.0.0.1 port={port} sslmod=disable")),
            &[],
        ),
        case(
            "wrong password",
            Some(format!(
                "host=127.0.0.1 port={port} user=postgres password=wrong dbname=postgres"
            )),
            &[],
        ),
        case(
            "bad sslmode",
            Some(format!(
                "postgresql://127.0.0.1:{port}/postgres?sslmode=sometimes"
            )),
            &[],
        ),
        case(
            "channel binding without TLS",
            Some(format!(
                "host=127.0.0.1 port={port} user=postgres dbname=postgres channel_binding=require"
            )),
            &[("PGPASSWORD", PASSWORD.to_string())],
        ),
    ];
    for case in &cases {
        assert_eq!(
            assert_same_landing(&project, cluster, case),
            None,
            "{}",
            case.name
        );
    }
}

#[test]
fn pgpass_supplies_the_password_by_libpq_rules() {
    let db = TestDb::new();
    db.create();
    let cluster = shared();
    let project = probe_project();
    let port = cluster.port;
    let home = project.path().parent().unwrap().to_path_buf();
    let pgpass = home.join(".pgpass");
    std::fs::write(
        &pgpass,
        format!(
            "# first match wins\n127.0.0.1:{port}:{}:postgres:{}\n*:*:*:*:wrong\n",
            db.name,
            pgpass_escaped(PASSWORD)
        ),
    )
    .unwrap();
    std::fs::set_permissions(&pgpass, PermissionsExt::from_mode(0o600)).unwrap();
    let url = format!("postgresql://postgres@127.0.0.1:{port}/{}", db.name);
    let string = Some(url.clone());
    let landed = assert_same_landing(&project, cluster, &case("~/.pgpass", string.clone(), &[]));
    assert!(landed.is_some(), "neither connected with ~/.pgpass");

    // Elsewhere, named by PGPASSFILE.
    let elsewhere = project.write("secrets/pgpass", &std::fs::read_to_string(&pgpass).unwrap());
    std::fs::set_permissions(&elsewhere, PermissionsExt::from_mode(0o600)).unwrap();
    std::fs::remove_file(&pgpass).unwrap();
    let env = [("PGPASSFILE", elsewhere.display().to_string())];
    assert!(
        assert_same_landing(&project, cluster, &case("PGPASSFILE", string.clone(), &env)).is_some()
    );

    // Readable by others: both ignore it and warn.
    std::fs::set_permissions(&elsewhere, PermissionsExt::from_mode(0o644)).unwrap();
    assert_eq!(
        assert_same_landing(
            &project,
            cluster,
            &case("open PGPASSFILE", string.clone(), &env)
        ),
        None
    );
    let output = project
        .cruddur()
        .env("CONNECTION_URL", url)
        .env("PGPASSFILE", &elsewhere)
        .args(["seed", "probe.sql"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("has group or world access"), "{stderr}");
    assert_eq!(output.status.code(), Some(4), "{stderr}");
    assert!(
        stderr.contains(&format!(
            "was skipped: group or others can read it; run `chmod 600 {}`",
            elsewhere.display()
        )),
        "{stderr}"
    );
    assert!(!stderr.contains("please report it"), "{stderr}");
}

#[test]
fn a_service_file_fills_in_what_the_string_leaves_out() {
    let db = TestDb::new();
    db.create();
    let cluster = shared();
    let project = probe_project();
    let file = project.write(
        "pg_service.conf",
        &format!(
            "[other]\nport=1\n\n[cruddur]\nhost=127.0.0.1\nport={}\ndbname={}\nuser=postgres\n",
            cluster.port, db.name
        ),
    );
    let env = [
        ("PGSERVICEFILE", file.display().to_string()),
        ("PGPASSWORD", PASSWORD.to_string()),
    ];
    for case in [
        case(
            "service= in the string",
            Some("service=cruddur".to_string()),
            &env,
        ),
        case(
            "PGSERVICE",
            None,
            &[
                env[0].clone(),
                env[1].clone(),
                ("PGSERVICE", "cruddur".into()),
            ],
        ),
        case("unknown service", Some("service=nope".to_string()), &env),
    ] {
        let landed = assert_same_landing(&project, cluster, &case);
        assert_eq!(
            landed.is_some(),
            case.name != "unknown service",
            "{}",
            case.name
        );
    }
}

#[test]
fn target_session_attrs_skips_a_read_only_server_as_psql_does() {
    let writable = shared();
    let read_only = read_only_cluster();
    let project = probe_project();
    // The read-only server first, over IPv6.
    let hosts = format!(
        "host=::1,127.0.0.1 port={},{} dbname=postgres user=postgres",
        read_only.port, writable.port
    );
    let env = [("PGPASSWORD", PASSWORD.to_string())];
    let read_write = assert_same_landing(
        &project,
        writable,
        &case(
            "read-write",
            Some(format!("{hosts} target_session_attrs=read-write")),
            &env,
        ),
    )
    .expect("neither connected with read-write");
    assert!(
        read_write.contains(&format!("port={}", writable.port)),
        "{read_write}"
    );
    let any = assert_same_landing(
        &project,
        writable,
        &case("any (IPv6 first)", Some(hosts.clone()), &env),
    )
    .expect("neither connected over IPv6");
    assert!(any.contains(&format!("port={}", read_only.port)), "{any}");
    let read_only_landing = assert_same_landing(
        &project,
        writable,
        &case(
            "read-only",
            Some(format!(
                "host=127.0.0.1,::1 port={},{} dbname=postgres user=postgres target_session_attrs=read-only",
                writable.port, read_only.port
            )),
            &env,
        ),
    )
    .expect("neither connected with read-only");
    assert!(read_only_landing.contains(&format!("port={}", read_only.port)));
}

#[test]
fn tls_settings_land_in_the_same_tls_state_as_psql() {
    let cluster = tls_cluster();
    let project = probe_project();
    let port = cluster.port;
    let ca = cluster.tls_file("ca.crt").display().to_string();
    let other_ca = cluster.tls_file("other-ca.crt").display().to_string();
    let base = format!("host=localhost port={port} dbname=postgres user=postgres");
    let env = |extra: &[(&'static str, String)]| {
        let mut env = vec![("PGPASSWORD", PASSWORD.to_string())];
        env.extend_from_slice(extra);
        env
    };
    let connected = [
        case(
            "require",
            Some(format!("{base} sslmode=require")),
            &env(&[]),
        ),
        case(
            "allow against a TLS-only server",
            Some(format!("{base} sslmode=allow")),
            &env(&[]),
        ),
        case(
            "requiressl",
            Some(format!("{base} requiressl=1")),
            &env(&[]),
        ),
        case(
            "PGSSLMODE verify-full with the right CA",
            Some(base.clone()),
            &env(&[
                ("PGSSLMODE", "verify-full".into()),
                ("PGSSLROOTCERT", ca.clone()),
            ]),
        ),
        case(
            "channel_binding over SCRAM and TLS",
            Some(format!("{base} sslmode=require channel_binding=require")),
            &env(&[]),
        ),
    ];
    for case in &connected {
        let landed = assert_same_landing(&project, cluster, case);
        assert!(
            landed.as_deref().is_some_and(|l| l.contains("ssl=t")),
            "{}: {landed:?}",
            case.name
        );
    }
    let refused = [
        case(
            "PGSSLMODE verify-full with a wrong CA",
            Some(base.clone()),
            &env(&[
                ("PGSSLMODE", "verify-full".into()),
                ("PGSSLROOTCERT", other_ca.clone()),
            ]),
        ),
        case(
            "disable against a TLS-only server",
            Some(format!("{base} sslmode=disable")),
            &env(&[]),
        ),
        case(
            "gssencmode=require",
            Some(format!("{base} gssencmode=require")),
            &env(&[]),
        ),
        // The test CA is in no operating-system store.
        case(
            "sslrootcert=system",
            Some(format!("{base} sslrootcert=system sslmode=verify-full")),
            &env(&[]),
        ),
    ];
    for case in &refused {
        assert_eq!(
            assert_same_landing(&project, cluster, case),
            None,
            "{}",
            case.name
        );
    }
}

#[test]
fn client_certificates_authenticate_as_with_psql() {
    let cluster = tls_cluster();
    cluster.psql("postgres", "SELECT 1");
    let _ = cluster.psql(
        "postgres",
        "SELECT 'exists' FROM pg_database WHERE datname = 'certdb'",
    ) == "exists"
        || {
            cluster.psql("postgres", "CREATE DATABASE certdb");
            true
        };
    let project = probe_project();
    let file = |name: &str| cluster.tls_file(name).display().to_string();
    let base = format!(
        "host=localhost port={} dbname=certdb user=postgres sslmode=verify-full sslrootcert={}",
        cluster.port,
        file("ca.crt")
    );
    let with_cert = case(
        "sslcert and sslkey",
        Some(format!(
            "{base} sslcert={} sslkey={}",
            file("client.crt"),
            file("client.key")
        )),
        &[],
    );
    let landed = assert_same_landing(&project, cluster, &with_cert);
    assert!(landed.is_some_and(|l| l.contains("db=certdb") && l.contains("ssl=t")));
    let from_env = case(
        "PGSSLCERT and PGSSLKEY",
        Some(base.clone()),
        &[
            ("PGSSLCERT", file("client.crt")),
            ("PGSSLKEY", file("client.key")),
        ],
    );
    assert!(assert_same_landing(&project, cluster, &from_env).is_some());
    // X.509 v1, as `openssl x509 -req` makes it without extensions: psql sends it, so do we.
    let v1 = case(
        "an X.509 v1 client certificate",
        Some(format!(
            "{base} sslcert={} sslkey={}",
            file("client-v1.crt"),
            file("client-v1.key")
        )),
        &[],
    );
    assert!(assert_same_landing(&project, cluster, &v1).is_some());
    // A key that is not the certificate's is refused before any connection, as libpq does.
    project
        .cruddur()
        .args([
            "--url",
            &format!(
                "{base} sslcert={} sslkey={}",
                file("client.crt"),
                file("client-v1.key")
            ),
        ])
        .args(["seed", "probe.sql"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains(
            "sslkey is not the key of this certificate",
        ));
    let without = case("no client certificate", Some(base), &[]);
    assert_eq!(assert_same_landing(&project, cluster, &without), None);
}

#[test]
fn a_set_but_empty_connection_url_is_a_usage_error_naming_where_it_was_set() {
    let project = Project::new();
    project
        .cruddur()
        .env("CONNECTION_URL", "")
        .arg("setup")
        .assert()
        .code(2)
        .stderr(predicates::str::contains(
            "CONNECTION_URL is set in the environment but empty",
        ));
    project.write(".env", "CONNECTION_URL=\n");
    project
        .cruddur()
        .args(["--prod", "sessions"])
        .env("PROD_CONNECTION_URL", " ")
        .assert()
        .code(2)
        .stderr(predicates::str::contains(
            "PROD_CONNECTION_URL is set in the environment but empty",
        ));
    project
        .cruddur()
        .arg("setup")
        .assert()
        .code(2)
        .stderr(predicates::str::contains(format!(
            "CONNECTION_URL is set in {} but empty",
            project.path().join(".env").display()
        )));
}

#[test]
fn doctor_says_where_each_setting_came_from() {
    let db = TestDb::new();
    db.create();
    let cluster = shared();
    let project = Project::without_sql();
    let output = project
        .cruddur()
        .env("PGHOST", "127.0.0.1")
        .env("PGPORT", cluster.port.to_string())
        .env("PGDATABASE", &db.name)
        .env("PGPASSWORD", PASSWORD)
        .args(["doctor", "--json"])
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    let steps: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    let url = steps[0]["detail"].as_str().unwrap();
    assert!(
        url.contains(&format!("127.0.0.1:{} (from PGHOST)", cluster.port)),
        "{url}"
    );
    assert!(
        url.contains(&format!("database {:?} (PGDATABASE)", db.name)),
        "{url}"
    );
    assert!(
        url.contains("user \"postgres\" (the built-in default)"),
        "{url}"
    );
    assert!(url.contains("password from PGPASSWORD"), "{url}");
    assert!(!stdout.contains(PASSWORD), "{stdout}");
    assert!(output.status.success(), "{stdout}");

    // Over the socket: the socket step instead of DNS and TCP.
    let output = project
        .cruddur()
        .env("PGHOST", cluster.socket_dir())
        .env("PGPORT", cluster.port.to_string())
        .env("PGDATABASE", &db.name)
        .env("PGPASSWORD", PASSWORD)
        .args(["doctor", "--json"])
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(output.status.success(), "{stdout}");
    let steps: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    let names: Vec<&str> = steps
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["step"].as_str().unwrap())
        .collect();
    assert_eq!(names[..3], ["url", "socket", "authentication"], "{stdout}");
}

#[test]
fn every_command_works_through_a_unix_socket() {
    let db = TestDb::new();
    let cluster = shared();
    let project = Project::new();
    let socket = format!(
        "host={} port={} dbname={} user=postgres",
        cluster.socket_dir().display(),
        cluster.port,
        db.name
    );
    let run = |args: &[&str]| {
        project
            .cruddur()
            .env("CONNECTION_URL", &socket)
            .env("PGPASSWORD", PASSWORD)
            .args(args)
            .assert()
            .success()
    };
    run(&["setup"]);
    assert_eq!(db.query("SELECT count(*) FROM users"), "2");
    let _held = cluster.hold_session_over_socket(&db.name, "over-socket");
    run(&["sessions"]).stdout(predicates::str::contains("local"));
    run(&["kill", "--app", "over-socket"]);
    run(&["schema-load"]);
    run(&["seed"]);
    run(&["drop"]);
    assert!(!cluster.database_exists(&db.name));
}
