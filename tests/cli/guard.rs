//! Production protection: confirmations, refusals without a terminal, RDS hosts, same-URL refusal.

use predicates::prelude::*;

use crate::harness::{Project, TestDb};
use crate::terminal::Terminal;

#[test]
fn prod_drop_without_a_terminal_or_yes_refuses_at_once() {
    let db = TestDb::new();
    db.create();
    Project::new()
        .cruddur()
        .env("PROD_CONNECTION_URL", db.url())
        .args(["--prod", "drop"])
        .assert()
        .code(6)
        .stderr(predicate::str::contains(
            "refusing to drop production database",
        ))
        .stderr(predicate::str::contains("--yes"));
    assert!(db.cluster.database_exists(&db.name));
}

#[test]
fn prod_setup_with_yes_proceeds() {
    let db = TestDb::new();
    Project::new()
        .cruddur()
        .env("PROD_CONNECTION_URL", db.url())
        .args(["--prod", "setup", "--yes"])
        .assert()
        .success();
    assert_eq!(db.query("SELECT count(*) FROM users"), "2");
}

#[test]
fn an_rds_host_counts_as_production_even_without_prod() {
    Project::new()
        .cruddur()
        .env(
            "CONNECTION_URL",
            "postgresql://root:pw@cruddur.abc123.us-east-1.rds.amazonaws.com:5432/cruddur",
        )
        .arg("schema-load")
        .assert()
        .code(6)
        .stderr(predicate::str::contains(
            "refusing to load a schema into production database",
        ));
}

#[test]
fn connection_url_equal_to_prod_connection_url_is_refused() {
    let db = TestDb::new();
    Project::new()
        .cruddur()
        .env("CONNECTION_URL", db.url())
        .env("PROD_CONNECTION_URL", db.url())
        .arg("sessions")
        .assert()
        .code(6)
        .stderr(predicate::str::contains(
            "CONNECTION_URL is the same as PROD_CONNECTION_URL",
        ));
}

/// Run the shell command `command` in a pseudo-terminal (util-linux `script`) with
/// PROD_CONNECTION_URL set to `db`, type `keys` once the prompt is on the screen, and give the
/// exit status and the whole screen once the command has ended.
fn in_a_terminal(db: &TestDb, command: &str, keys: &[u8]) -> (std::process::ExitStatus, String) {
    let project = Project::new();
    let mut script = project.command("script");
    script.env("PROD_CONNECTION_URL", db.url());
    let mut terminal = Terminal::run(script, command);
    terminal.wait_for("Type the database name to continue", 0);
    terminal.type_keys(keys);
    terminal.finish()
}

fn drop_in_a_terminal(db: &TestDb, answer: &str) -> (std::process::ExitStatus, String) {
    let binary = assert_cmd::cargo::cargo_bin("cruddur-db");
    in_a_terminal(
        db,
        &format!("{} --prod drop", binary.display()),
        format!("{answer}\r").as_bytes(),
    )
}

#[test]
fn typing_the_database_name_at_the_prompt_proceeds() {
    let db = TestDb::new();
    db.create();
    let (status, screen) = drop_in_a_terminal(&db, &db.name);
    assert!(
        screen.contains("Type the database name to continue"),
        "{screen}"
    );
    assert!(status.success(), "{screen}");
    assert!(!db.cluster.database_exists(&db.name));
}

#[test]
fn typing_anything_else_at_the_prompt_aborts() {
    let db = TestDb::new();
    db.create();
    let (status, screen) = drop_in_a_terminal(&db, "yes");
    assert_eq!(status.code(), Some(6), "{screen}");
    assert!(
        screen.contains("not confirmed: nothing was done"),
        "{screen}"
    );
    assert!(db.cluster.database_exists(&db.name));
}

#[test]
fn setup_seed_and_schema_load_against_prod_ask_for_the_database_name_too() {
    let db = TestDb::new();
    db.create();
    db.query("CREATE TABLE keep (id int); INSERT INTO keep VALUES (1)");
    let binary = assert_cmd::cargo::cargo_bin("cruddur-db");
    for command in ["setup", "seed", "schema-load"] {
        let (status, screen) = in_a_terminal(
            &db,
            &format!("{} --prod {command} --color never", binary.display()),
            b"nope\r",
        );
        assert!(
            screen.contains("Type the database name to continue"),
            "{command}: {screen}"
        );
        assert_eq!(status.code(), Some(6), "{command}: {screen}");
        assert!(
            screen.contains("not confirmed: nothing was done"),
            "{screen}"
        );
    }
    assert_eq!(db.query("SELECT count(*) FROM keep"), "1");
}

#[test]
fn ctrl_c_at_the_prompt_exits_130_and_leaves_the_terminal_usable() {
    let db = TestDb::new();
    db.create();
    let binary = assert_cmd::cargo::cargo_bin("cruddur-db");
    // After the interrupted command, the same terminal reports its modes: a prompt that left
    // it raw would show -icanon/-echo here.
    let script = format!(
        "{} --prod drop --color never; echo \"exit=$?\"; stty -a",
        binary.display()
    );
    let (_, screen) = in_a_terminal(&db, &script, b"\x03");
    assert!(screen.contains("exit=130"), "{screen}");
    // Only the handled paths (the signal, or the prompt's read cut short by it, whichever
    // comes first) say this; a process simply killed by SIGINT also exits 130.
    assert!(screen.contains("error: interrupted"), "{screen}");
    assert!(screen.contains("hint: nothing was"), "{screen}");
    let modes: Vec<&str> = screen.split_whitespace().collect();
    for mode in ["icanon", "echo", "isig"] {
        assert!(
            modes.contains(&mode),
            "terminal left without {mode}: {screen}"
        );
    }
    assert!(db.cluster.database_exists(&db.name));
}

#[test]
fn create_with_prod_marks_the_database_in_its_comment() {
    let db = TestDb::production();
    let comment = db.comment();
    assert!(
        comment.starts_with("cruddur-db: environment=production"),
        "{comment}"
    );
}

#[test]
fn destructive_commands_without_prod_refuse_a_production_database_even_with_yes() {
    let db = TestDb::production();
    db.query("CREATE TABLE keep (id int); INSERT INTO keep VALUES (1)");
    let mut held = db.cluster.hold_session(&db.name, "prod-app");
    held.run("SELECT 1;");
    let project = Project::new();
    project.write("sql/schema.sql", "DROP TABLE keep;\n");
    project.write("sql/seed.sql", "DELETE FROM keep;\n");
    let commands: [&[&str]; 6] = [
        &["drop"],
        &["setup"],
        &["schema-load"],
        &["seed"],
        &["kill"],
        &["kill", "--app", "prod-app"],
    ];
    for command in commands {
        db.cruddur(&project)
            .args(command)
            .arg("--yes")
            .assert()
            .code(6)
            .stderr(predicate::str::contains(
                "CONNECTION_URL points at a production database",
            ))
            .stderr(predicate::str::contains("say so with --prod"));
    }
    assert_eq!(db.query("SELECT count(*) FROM keep"), "1");
    assert!(
        db.cluster.has_session("prod-app"),
        "kill ended a production session"
    );
}

#[test]
fn prod_is_the_way_past_the_production_mark() {
    let db = TestDb::production();
    Project::new()
        .cruddur()
        .args(["--url", &db.url(), "--prod", "drop", "--yes"])
        .assert()
        .success();
    assert!(!db.cluster.database_exists(&db.name));
}

#[test]
fn an_unmarked_copy_is_an_ordinary_database_again() {
    let db = TestDb::production();
    db.cluster.psql(
        "postgres",
        &format!("COMMENT ON DATABASE {} IS NULL", db.name),
    );
    db.cruddur(&Project::new()).arg("drop").assert().success();
    assert!(!db.cluster.database_exists(&db.name));
}

#[test]
fn setup_with_prod_leaves_the_database_marked() {
    let db = TestDb::new();
    Project::new()
        .cruddur()
        .env("PROD_CONNECTION_URL", db.url())
        .args(["--prod", "setup", "--yes"])
        .assert()
        .success();
    assert!(
        db.comment()
            .starts_with("cruddur-db: environment=production"),
        "{}",
        db.comment()
    );
}
