//! libpq's settings, resolved case by case as libpq resolves them.

use super::*;

fn env(vars: &[(&str, &str)]) -> Environment {
    Environment {
        vars: vars
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect(),
        home: None,
        os_user: "osuser".to_string(),
    }
}

const DEFAULT: &str = "postgresql://postgres:password@localhost:5432/cruddur";

fn resolve_str(text: &str, vars: &[(&str, &str)]) -> Result<ConnInfo> {
    resolve(Some((text, Origin::Env)), DEFAULT, &env(vars))
}

fn error_of(text: &str) -> String {
    format!("{:#}", resolve_str(text, &[]).unwrap_err())
}

#[test]
fn the_string_beats_the_variables_which_beat_the_defaults() {
    let info = resolve_str(
        "host=h dbname=db",
        &[("PGPORT", "6543"), ("PGHOST", "other"), ("PGUSER", "u")],
    )
    .unwrap();
    assert_eq!(info.host(), "h");
    assert_eq!(info.port(), 6543);
    assert_eq!(info.user(), "u");
    assert_eq!(info.user.source, Source::Env("PGUSER"));
    assert_eq!(info.database(), "db");
    assert_eq!(info.sslmode.value, SslMode::Prefer);
}

#[test]
fn without_a_string_the_built_in_default_fills_only_what_the_variables_leave() {
    let info = resolve(
        None,
        DEFAULT,
        &env(&[("PGHOST", "db"), ("PGSSLMODE", "disable")]),
    )
    .unwrap();
    assert_eq!(info.host(), "db");
    assert_eq!(info.hosts_source, Source::Env("PGHOST"));
    assert_eq!(info.port(), 5432);
    assert_eq!(info.user(), "postgres");
    assert_eq!(info.database(), "cruddur");
    assert_eq!(info.sslmode.value, SslMode::Disable);
    let password = info.password_for(info.first_host()).unwrap();
    assert_eq!(
        (password.value.as_str(), password.source),
        ("password", Source::BuiltIn)
    );
}

#[test]
fn libpq_defaults_are_the_os_user_and_a_database_named_after_the_user() {
    let info = resolve_str("postgresql://", &[]).unwrap();
    assert_eq!(info.user(), "osuser");
    assert_eq!(info.database(), "osuser");
    assert!(info.first_host().is_socket());
    assert!(info.password_for(info.first_host()).is_none());
}

#[test]
fn several_hosts_pair_with_their_ports_and_addresses() {
    let info = resolve_str(
        "postgresql://h1:5432,h2:5433,[::1]/db?target_session_attrs=read-write",
        &[],
    )
    .unwrap();
    let hosts: Vec<String> = info.hosts.iter().map(ToString::to_string).collect();
    assert_eq!(hosts, ["h1:5432", "h2:5433", "[::1]:5432"]);
    assert_eq!(info.target_session_attrs, SessionAttrs::ReadWrite);
    assert!(error_of("host=a,b port=1,2,3").contains("could not match 3 port numbers to 2 hosts"));
    assert!(
        error_of("host=a,b hostaddr=127.0.0.1")
            .contains("could not match 2 host names to 1 hostaddr")
    );
}

#[test]
fn socket_directories_are_hosts() {
    let info = resolve_str("postgresql://user@/db?host=/cloudsql/p:r:i", &[]).unwrap();
    assert_eq!(
        info.first_host().host,
        Host::Socket(PathBuf::from("/cloudsql/p:r:i"))
    );
    assert_eq!(
        info.first_host().socket_path().unwrap(),
        PathBuf::from("/cloudsql/p:r:i/.s.PGSQL.5432")
    );
}

#[test]
fn tls_settings_keep_libpq_meanings() {
    assert_eq!(
        resolve_str("host=h requiressl=1", &[])
            .unwrap()
            .sslmode
            .value,
        SslMode::Require
    );
    assert_eq!(
        resolve_str("host=h sslmode=allow", &[])
            .unwrap()
            .sslmode
            .value,
        SslMode::Allow
    );
    let system = resolve_str("host=h sslrootcert=system", &[]).unwrap();
    assert_eq!(system.sslmode.value, SslMode::VerifyFull);
    assert!(
        error_of("host=h sslrootcert=system sslmode=require").contains("needs sslmode=verify-full")
    );
    assert!(error_of("host=h gssencmode=require").contains("GSSAPI encryption is not supported"));
    assert!(resolve_str("host=h gssencmode=disable channel_binding=require", &[]).is_ok());
}

#[test]
fn unknown_and_unsupported_parameters_are_named() {
    assert!(
        error_of("host=h sslmod=require")
            .contains("unknown parameter `sslmod`; did you mean `sslmode`?")
    );
    assert!(error_of("host=h frobnicate=1").contains("unknown parameter `frobnicate`"));
    assert!(!error_of("host=h frobnicate=1").contains("did you mean"));
    assert!(error_of("host=h sslcrl=x").contains("cannot honour"));
    assert!(error_of("host=h sslmode=maybe").contains("sslmode=maybe"));
    assert!(error_of("host=h connect_timeout=soon").contains("connect_timeout=soon"));
}

#[test]
fn connect_timeout_defaults_to_ten_seconds_and_zero_waits_forever() {
    assert_eq!(
        resolve_str("host=h", &[]).unwrap().connect_timeout,
        Some(DEFAULT_CONNECT_TIMEOUT)
    );
    assert_eq!(
        resolve_str("host=h connect_timeout=0", &[])
            .unwrap()
            .connect_timeout,
        None
    );
    assert_eq!(
        resolve_str("host=h", &[("PGCONNECT_TIMEOUT", "3")])
            .unwrap()
            .connect_timeout,
        Some(Duration::from_secs(3))
    );
}

#[test]
fn display_redacts_the_password_and_debug_too() {
    let info = resolve_str("postgres://u:s3cr%2Ft@h/db", &[]).unwrap();
    assert_eq!(info.to_string(), "postgresql://u:***@h:5432/db");
    assert!(!format!("{info:?}").contains("s3cr"));
    assert_eq!(
        info.password_for(info.first_host()).unwrap().value,
        "s3cr/t"
    );
    let from_env = resolve_str("host=h dbname=db user=u", &[("PGPASSWORD", "pw")]).unwrap();
    assert_eq!(from_env.to_string(), "postgresql://u:***@h:5432/db");
}

#[test]
fn database_names_longer_than_postgresql_keeps_are_refused() {
    let longest = "d".repeat(MAX_NAME_BYTES);
    assert_eq!(
        resolve_str(&format!("postgresql://h/{longest}"), &[])
            .unwrap()
            .database(),
        longest
    );
    // 32 two-byte characters: 64 bytes, though only 32 characters.
    let message = error_of(&format!("postgresql://h/{}", "é".repeat(32)));
    assert!(message.contains("64 bytes long"), "{message}");
}

#[test]
fn a_password_containing_slash_cruddur_does_not_change_the_database() {
    let info = resolve_str("postgresql://u:pa%2Fcruddur@h:5432/cruddur", &[]).unwrap();
    assert_eq!(info.database(), "cruddur");
    let other = info.with_database("postgres");
    assert_eq!(
        other.password_for(other.first_host()).unwrap().value,
        "pa/cruddur"
    );
    assert_eq!(other.database(), "postgres");
}
