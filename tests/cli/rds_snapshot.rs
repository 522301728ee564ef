//! `rds snapshot` and the snapshot a production change takes first, against moto's emulator
//! over real HTTP; production itself is a real local database marked production.

use predicates::prelude::*;

use crate::harness::{Project, TestDb, output_text};
use crate::migrate::migration;
use crate::moto::{Moto, between, unique_suffix};
use crate::terminal::Terminal;

const POSTS: &str =
    "-- migrate:up\nCREATE TABLE posts (id int PRIMARY KEY);\n-- migrate:down\nDROP TABLE posts;\n";

/// An instance of its own in the shared emulator, keeping automatic backups `days` days.
struct Instance {
    moto: &'static Moto,
    id: String,
    host: String,
    group: String,
}

fn instance(days: u32) -> Option<Instance> {
    let moto = Moto::shared()?;
    let n = unique_suffix();
    let (group, _) = moto.security_group(&format!("snap-{n}"), "1.2.3.4/32", "office");
    let id = format!("snap-{n}");
    let host = moto.instance_keeping(&id, &group, true, days);
    Some(Instance {
        moto,
        id,
        host,
        group,
    })
}

impl Instance {
    /// AWS settings as a developer's shell has them.
    fn aws(&self, mut command: assert_cmd::Command) -> assert_cmd::Command {
        command
            .env("AWS_ACCESS_KEY_ID", "testing")
            .env("AWS_SECRET_ACCESS_KEY", "testing")
            .env("AWS_ENDPOINT_URL", self.moto.url())
            .env("AWS_REGION", "us-east-1")
            .env("AWS_EC2_METADATA_DISABLED", "true");
        command
    }

    /// cruddur-db with PROD_CONNECTION_URL on the instance's endpoint.
    fn cruddur(&self, project: &Project) -> assert_cmd::Command {
        let mut command = self.aws(project.cruddur());
        command.env(
            "PROD_CONNECTION_URL",
            format!("postgresql://root@{}:5432/cruddur", self.host),
        );
        command
    }

    /// cruddur-db on a real production database `db` whose instance is this one (named by
    /// CRUDDUR_DB_RDS_INSTANCE, as for an endpoint behind a CNAME).
    fn deploying(&self, project: &Project, db: &TestDb) -> assert_cmd::Command {
        let mut command = self.aws(project.cruddur());
        command
            .env("PROD_CONNECTION_URL", db.url())
            .env("CRUDDUR_DB_RDS_INSTANCE", &self.id);
        command
    }

    /// Snapshots cruddur-db took of it.
    fn ours(&self) -> Vec<String> {
        self.moto
            .snapshots(&self.id)
            .into_iter()
            .filter(|(_, _, ours)| *ours)
            .map(|(name, _, _)| name)
            .collect()
    }
}

#[test]
fn snapshots_are_taken_tagged_and_listed_newest_first_without_automated_ones() {
    let Some(rds) = instance(1) else { return };
    let project = Project::without_sql();
    rds.cruddur(&project)
        .args(["rds", "snapshot", "create", "before-deploy", "--wait"])
        .assert()
        .success()
        .stderr(predicate::str::contains(
            "asked RDS for snapshot before-deploy of",
        ))
        .stderr(predicate::str::contains(
            "snapshot before-deploy is available",
        ));
    let output = rds
        .cruddur(&project)
        .args(["rds", "snapshot", "create"])
        .assert()
        .success()
        .get_output()
        .clone();
    let (_, stderr) = output_text(&output);
    let default = between(&stderr, "asked RDS for snapshot ", " of");
    assert!(
        default.starts_with(&format!("cruddur-db-{}-20", rds.id)),
        "{stderr}"
    );
    assert!(stderr.contains("it goes on in AWS"), "{stderr}");
    let mut ours = rds.ours();
    ours.sort();
    let mut expected = vec!["before-deploy".to_string(), default.clone()];
    expected.sort();
    assert_eq!(ours, expected);

    let output = rds
        .cruddur(&project)
        .args(["rds", "snapshot", "list", "--json"])
        .assert()
        .success()
        .get_output()
        .clone();
    let listed: serde_json::Value = serde_json::from_str(&output_text(&output).0).unwrap();
    let names: Vec<&str> = listed
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["identifier"].as_str().unwrap())
        .collect();
    assert_eq!(names, [default.as_str(), "before-deploy"], "newest first");
    assert_eq!(listed[0]["status"], "available");
    assert_eq!(listed[0]["type"], "manual");
    assert_eq!(listed[0]["ours"], true);
    assert_eq!(listed[0]["storage_gb"], 20);
    assert_eq!(listed[0]["instance"], rds.id.as_str());
    rds.moto.call(
        "rds",
        "CreateDBSnapshot",
        &[
            ("DBInstanceIdentifier", &rds.id),
            ("DBSnapshotIdentifier", "taken-in-the-console"),
        ],
    );
    let automated = rds
        .moto
        .snapshots(&rds.id)
        .into_iter()
        .find(|(_, kind, _)| kind == "automated")
        .map(|(name, _, _)| name)
        .expect("moto takes an automated snapshot of an instance that keeps backups");
    rds.cruddur(&project)
        .args(["rds", "snapshot", "list"])
        .assert()
        .success()
        .stdout(predicate::str::contains("before-deploy"))
        .stdout(predicate::str::contains("taken-in-the-console").not())
        .stdout(predicate::str::contains(&automated).not());
    rds.cruddur(&project)
        .args(["rds", "snapshot", "list", "--all"])
        .assert()
        .success()
        .stdout(predicate::str::contains(&automated))
        .stdout(predicate::str::contains("taken-in-the-console"))
        .stdout(predicate::str::contains("automated"));
}

#[test]
fn delete_asks_for_the_name_and_leaves_snapshots_it_did_not_take_unless_forced() {
    let Some(rds) = instance(1) else { return };
    let project = Project::without_sql();
    rds.cruddur(&project)
        .args(["rds", "snapshot", "create", "ours-1"])
        .assert()
        .success();
    rds.moto.call(
        "rds",
        "CreateDBSnapshot",
        &[
            ("DBInstanceIdentifier", &rds.id),
            ("DBSnapshotIdentifier", "by-hand-1"),
        ],
    );
    rds.cruddur(&project)
        .args(["rds", "snapshot", "delete", "ours-1"])
        .assert()
        .code(6)
        .stderr(predicate::str::contains(
            "refusing to delete RDS snapshot ours-1",
        ));
    rds.cruddur(&project)
        .args(["rds", "snapshot", "delete", "by-hand-1", "--yes"])
        .assert()
        .code(6)
        .stderr(predicate::str::contains(
            "snapshot by-hand-1 was not taken by cruddur-db",
        ))
        .stderr(predicate::str::contains("--force"));
    let names = |rds: &Instance| -> Vec<String> {
        rds.moto
            .snapshots(&rds.id)
            .into_iter()
            .map(|(name, _, _)| name)
            .collect()
    };
    assert!(names(&rds).contains(&"ours-1".to_string()));
    assert!(names(&rds).contains(&"by-hand-1".to_string()));

    // Typed at a real prompt, the name deletes it.
    let mut command = project.command("script");
    command
        .env("AWS_ACCESS_KEY_ID", "testing")
        .env("AWS_SECRET_ACCESS_KEY", "testing")
        .env("AWS_ENDPOINT_URL", rds.moto.url())
        .env("AWS_REGION", "us-east-1")
        .env("AWS_EC2_METADATA_DISABLED", "true")
        .env(
            "PROD_CONNECTION_URL",
            format!("postgresql://root@{}:5432/cruddur", rds.host),
        );
    let mut terminal = Terminal::run(
        command,
        &format!(
            "{} rds snapshot delete ours-1",
            env!("CARGO_BIN_EXE_cruddur-db")
        ),
    );
    terminal.wait_for("Type the snapshot name to continue", 0);
    terminal.type_keys(b"ours-1\r");
    let (status, screen) = terminal.finish();
    assert!(status.success(), "{screen}");
    assert!(screen.contains("deleted snapshot ours-1"), "{screen}");
    rds.cruddur(&project)
        .args(["rds", "snapshot", "delete", "by-hand-1", "--force", "--yes"])
        .assert()
        .success();
    assert!(!names(&rds).contains(&"ours-1".to_string()));
    assert!(!names(&rds).contains(&"by-hand-1".to_string()));
}

#[test]
fn restore_makes_a_new_instance_like_the_old_and_prints_its_url() {
    let Some(rds) = instance(1) else { return };
    let project = Project::without_sql();
    rds.cruddur(&project)
        .args(["rds", "snapshot", "create", "good-state", "--wait"])
        .assert()
        .success();
    // Never over a running instance, the snapshot's own included.
    rds.cruddur(&project)
        .args(["rds", "snapshot", "restore", "good-state", "--as", &rds.id])
        .assert()
        .code(6)
        .stderr(predicate::str::contains(format!(
            "instance {} already exists",
            rds.id
        )));
    let new = format!("{}-restored", rds.id);
    let output = rds
        .cruddur(&project)
        .args([
            "rds",
            "snapshot",
            "restore",
            "good-state",
            "--as",
            &new,
            "--wait",
        ])
        .assert()
        .success()
        .get_output()
        .clone();
    let (stdout, stderr) = output_text(&output);
    assert!(
        stderr.contains(&format!("{} is untouched", rds.id)),
        "{stderr}"
    );
    assert!(stderr.contains(&format!("{new} is available")), "{stderr}");
    let xml = rds.moto.call(
        "rds",
        "DescribeDBInstances",
        &[("DBInstanceIdentifier", &new)],
    );
    let endpoint = between(&xml, "<Address>", "</Address>");
    assert!(!endpoint.is_empty(), "{xml}");
    assert!(
        xml.contains(&format!(
            "<VpcSecurityGroupId>{}</VpcSecurityGroupId>",
            rds.group
        )),
        "the new instance is in the old one's security group: {xml}"
    );
    assert_eq!(
        stdout,
        format!("PROD_CONNECTION_URL=postgresql://root@{endpoint}:5432/cruddur?sslmode=require\n")
    );
    assert_eq!(rds.moto.state(&rds.id), "available");
    rds.cruddur(&project)
        .args([
            "rds",
            "snapshot",
            "restore",
            "no-such-snapshot",
            "--as",
            "other-new",
        ])
        .assert()
        .code(9)
        .stderr(predicate::str::contains("DBSnapshotNotFound"))
        .stderr(predicate::str::contains("rds snapshot list --all"));
}

#[test]
fn a_production_migration_with_snapshot_runs_nothing_when_the_snapshot_fails() {
    let Some(rds) = instance(0) else { return };
    let db = TestDb::production();
    let project = Project::new();
    migration(&project, "20260101000000_posts.sql", POSTS);
    rds.deploying(&project, &db)
        .env("CRUDDUR_DB_RDS_INSTANCE", "no-such-instance")
        .args(["--prod", "migrate", "--snapshot", "--yes"])
        .assert()
        .code(9)
        .stderr(predicate::str::contains(
            "no snapshot could be taken before the migrations, so nothing was run",
        ))
        .stderr(predicate::str::contains("DBInstanceNotFound"))
        .stderr(predicate::str::contains("check the instance identifier"));
    assert!(!db.has_table("posts"));
    assert_eq!(
        db.query("SELECT count(*) FROM schema_migrations"),
        "0",
        "nothing recorded as applied"
    );

    rds.deploying(&project, &db)
        .args(["--prod", "migrate", "--snapshot", "--yes"])
        .assert()
        .success()
        .stderr(predicate::str::contains(format!(
            "asked RDS for snapshot cruddur-db-{}-",
            rds.id
        )))
        .stderr(predicate::str::contains("rds snapshot restore"));
    assert!(db.has_table("posts"));
    assert_eq!(rds.ours().len(), 1);
    // Nothing pending: nothing to protect, no snapshot.
    rds.deploying(&project, &db)
        .args(["--prod", "migrate", "--snapshot", "--yes"])
        .assert()
        .success();
    assert_eq!(rds.ours().len(), 1);
}

#[test]
fn two_deploys_with_snapshot_at_once_take_one_snapshot_and_apply_once() {
    let Some(rds) = instance(0) else { return };
    let db = TestDb::production();
    let project = Project::new();
    migration(&project, "20260101000000_posts.sql", POSTS);
    let outputs: Vec<std::process::Output> = std::thread::scope(|scope| {
        let runs: Vec<_> = (0..2)
            .map(|_| {
                scope.spawn(|| {
                    rds.deploying(&project, &db)
                        .args(["--prod", "migrate", "--snapshot", "--yes"])
                        .output()
                        .unwrap()
                })
            })
            .collect();
        runs.into_iter().map(|run| run.join().unwrap()).collect()
    });
    for output in &outputs {
        assert!(output.status.success(), "{:?}", output_text(output));
    }
    assert!(db.has_table("posts"));
    assert_eq!(db.query("SELECT count(*) FROM schema_migrations"), "1");
    assert_eq!(rds.ours().len(), 1, "only the run that applied took one");
}

#[test]
fn the_environment_asks_for_a_snapshot_before_every_production_load() {
    let Some(rds) = instance(0) else { return };
    let db = TestDb::production();
    let project = Project::new();
    rds.deploying(&project, &db)
        .env("CRUDDUR_DB_SNAPSHOT_BEFORE_PROD", "true")
        .args(["--prod", "schema-load", "--yes"])
        .assert()
        .success()
        .stderr(predicate::str::contains("asked RDS for snapshot"));
    assert_eq!(rds.ours().len(), 1);
    assert!(db.has_table("users"));
    // The variable is about production: a development load takes none.
    let dev = TestDb::new();
    dev.create();
    rds.aws(dev.cruddur(&project))
        .env("CRUDDUR_DB_SNAPSHOT_BEFORE_PROD", "true")
        .env("CRUDDUR_DB_RDS_INSTANCE", &rds.id)
        .arg("schema-load")
        .assert()
        .success();
    assert_eq!(rds.ours().len(), 1);
    // Asked for by flag where there is no production, it is a mistake.
    rds.aws(dev.cruddur(&project))
        .env("CRUDDUR_DB_RDS_INSTANCE", &rds.id)
        .args(["seed", "--snapshot"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("is not production"));
}

#[test]
fn the_production_prompt_says_when_the_instance_keeps_no_backups() {
    for (days, said) in [(0, true), (7, false)] {
        let Some(rds) = instance(days) else { return };
        let db = TestDb::production();
        let project = Project::new();
        let mut command = project.command("script");
        command
            .env("AWS_ACCESS_KEY_ID", "testing")
            .env("AWS_SECRET_ACCESS_KEY", "testing")
            .env("AWS_ENDPOINT_URL", rds.moto.url())
            .env("AWS_REGION", "us-east-1")
            .env("AWS_EC2_METADATA_DISABLED", "true")
            .env("PROD_CONNECTION_URL", db.url())
            .env("CRUDDUR_DB_RDS_INSTANCE", &rds.id);
        let mut terminal = Terminal::run(
            command,
            &format!("{} --prod seed", env!("CARGO_BIN_EXE_cruddur-db")),
        );
        terminal.wait_for("Type the database name to continue", 0);
        terminal.type_keys(b"not-it\r");
        let (status, screen) = terminal.finish();
        assert_eq!(status.code(), Some(6), "{screen}");
        let line = format!(
            "RDS instance {} keeps no automatic backups; --snapshot takes one first",
            rds.id
        );
        assert_eq!(screen.contains(&line), said, "{screen}");
    }
}
