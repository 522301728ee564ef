//! `copy`: production (a TLS-only cluster, read by a role that may only SELECT and whose
//! transactions are read-only) into development (the shared cluster). The copy takes the rows
//! the rules reach and every row they reference, masks what the rules say, never writes to
//! production, and refuses before touching development when it should.

use predicates::prelude::*;

use crate::harness::{PASSWORD, Project, TestDb, encode, literal, output_text};
use crate::tls::tls_cluster;

const LIKES: &str = "-- migrate:up
CREATE TABLE public.likes (
  id bigserial PRIMARY KEY,
  user_uuid uuid NOT NULL REFERENCES public.users (uuid),
  activity_uuid uuid NOT NULL REFERENCES public.activities (uuid),
  created_at timestamp NOT NULL DEFAULT current_timestamp
);
-- migrate:down
DROP TABLE public.likes;
";

/// Production's rows beside seed.sql's: 20 more people, three posts each naming their email,
/// handle and a phone number, replies both ways, and likes.
const ROWS: &str = "
INSERT INTO users (display_name, handle, email, cognito_user_id)
  SELECT 'Person ' || i, 'person' || i, 'person' || i || '@corp.example', 'cognito-' || i FROM generate_series(1, 20) i;
INSERT INTO activities (user_uuid, message)
  SELECT u.uuid, 'I am @' || u.handle || ', mail ' || u.email || ' or call +1 555-010-' || lpad(n::text, 4, '0')
    FROM users u, generate_series(1, 3) n;
INSERT INTO activities (user_uuid, message, reply_to_activity_uuid)
  SELECT u.uuid, 'nice one @person5', (SELECT a.uuid FROM activities a JOIN users w ON w.uuid = a.user_uuid WHERE w.handle = 'person5' ORDER BY a.message LIMIT 1)
    FROM users u WHERE u.handle = 'andrewbrown';
INSERT INTO activities (user_uuid, message, reply_to_activity_uuid)
  SELECT u.uuid, 'agreed, andrewbrown', (SELECT uuid FROM activities WHERE message LIKE 'This was%')
    FROM users u WHERE u.handle = 'person6';
INSERT INTO likes (user_uuid, activity_uuid)
  SELECT u.uuid, (SELECT uuid FROM activities WHERE message LIKE 'This was%') FROM users u WHERE u.handle LIKE 'person%';
INSERT INTO likes (user_uuid, activity_uuid)
  SELECT u.uuid, (SELECT a.uuid FROM activities a JOIN users w ON w.uuid = a.user_uuid WHERE w.handle = 'person7' ORDER BY a.message LIMIT 1)
    FROM users u WHERE u.handle = 'andrewbrown';
INSERT INTO likes (user_uuid, activity_uuid)
  SELECT u.uuid, (SELECT a.uuid FROM activities a JOIN users w ON w.uuid = a.user_uuid WHERE w.handle = 'person2' ORDER BY a.message LIMIT 1)
    FROM users u WHERE u.handle = 'person1';
";

const RULES: &str = r#"[copy]
start = ["users WHERE handle IN ('andrewbrown', 'bayko')"]  # table [WHERE ...] [LIMIT n]
follow = ["activities", "likes"]
relations = ["activities.user_uuid -> users.uuid", "activities.reply_to_activity_uuid -> activities.uuid"]
max_rows = 1000

[mask]
"users.email" = "email"
"users.display_name" = "name"
"users.handle" = "handle"
"users.cognito_user_id" = "hash"
"users.created_at" = "keep"
"activities.message" = "scrub"
"activities.replies_count" = "keep"
"activities.reposts_count" = "keep"
"activities.likes_count" = "keep"
"activities.expires_at" = "keep"
"activities.created_at" = "keep"
"likes.created_at" = "keep"
"#;

/// Production: a database on the TLS-only cluster built from the project's files with the
/// rows above, and a role that may only read it.
struct Production {
    // Dropped after the database, which holds its grants.
    _reader: Reader,
    db: TestDb,
    /// The reader's URL: TLS verified against the test CA.
    url: String,
}

struct Reader(String);

impl Drop for Reader {
    fn drop(&mut self) {
        tls_cluster().cleanup(&format!("DROP ROLE IF EXISTS {}", self.0));
    }
}

fn production(project: &Project) -> Production {
    let cluster = tls_cluster();
    let db = TestDb {
        name: format!(
            "cruddur_prod_{}",
            &uuid::Uuid::new_v4().simple().to_string()[..12]
        ),
        cluster,
    };
    let tls = format!(
        "sslmode=verify-full&sslrootcert={}",
        cluster.tls_file("ca.crt").display()
    );
    let owner = format!(
        "postgresql://postgres:{}@localhost:{}/{}?{tls}",
        encode(PASSWORD),
        cluster.port,
        db.name
    );
    project
        .cruddur()
        .args(["--url", &owner, "setup"])
        .assert()
        .success();
    cluster.psql(&db.name, ROWS);
    let reader = format!("reader_{}", &db.name[13..]);
    cluster.psql(
        &db.name,
        &format!(
            "CREATE ROLE {reader} LOGIN PASSWORD {pw};
             GRANT SELECT ON ALL TABLES IN SCHEMA public TO {reader};
             GRANT SELECT ON ALL SEQUENCES IN SCHEMA public TO {reader};
             ALTER ROLE {reader} SET default_transaction_read_only = on;
             ALTER ROLE {reader} SET log_statement = 'all';",
            pw = literal(PASSWORD)
        ),
    );
    let url = format!(
        "postgresql://{reader}:{}@localhost:{}/{}?{tls}&application_name={reader}",
        encode(PASSWORD),
        cluster.port,
        db.name
    );
    Production {
        _reader: Reader(reader),
        db,
        url,
    }
}

fn project() -> Project {
    let project = Project::new();
    project.write("sql/migrations/20240101000000_likes.sql", LIKES);
    project.write("sql/copy.toml", RULES);
    project
}

/// `copy` from `prod` into `dev`, with `key`.
fn copy(project: &Project, prod: &Production, dev: &TestDb, key: &str) -> assert_cmd::Command {
    let mut command = dev.cruddur(project);
    command
        .env("PROD_CONNECTION_URL", &prod.url)
        .env("CRUDDUR_DB_COPY_KEY", key)
        .arg("copy");
    command
}

/// What the tables hold, every column, in a stable order.
fn contents(db: &TestDb) -> String {
    db.query(
        "SELECT (SELECT string_agg(u::text, E'\\n' ORDER BY uuid) FROM users u)
             || E'\\n' || (SELECT string_agg(a::text, E'\\n' ORDER BY uuid) FROM activities a)
             || E'\\n' || (SELECT string_agg(l::text, E'\\n' ORDER BY id) FROM likes l)",
    )
}

/// Rows written, updated or deleted in production's tables, as its statistics count them,
/// once they count every row the test itself wrote there (statistics arrive late).
fn writes(prod: &Production) -> String {
    prod.db.cluster.poll(
        &prod.db.name,
        "SELECT sum(n_tup_ins + n_tup_upd + n_tup_del) FROM pg_stat_user_tables
          HAVING sum(n_tup_ins) = (SELECT (SELECT count(*) FROM users) + (SELECT count(*) FROM activities)
                                        + (SELECT count(*) FROM likes) + (SELECT count(*) FROM schema_migrations))",
        "production's statistics counting the rows written before the copy",
    )
}

/// The statements production's server logged for the test's readers (`log_statement` is
/// set for them alone), split where one message held several.
fn statements_sent(log: &str) -> Vec<String> {
    log.lines()
        .filter_map(|line| {
            line.split_once("LOG:  statement: ")
                .map(|(_, sql)| sql)
                .or_else(|| {
                    line.split_once("LOG:  execute ")
                        .and_then(|(_, rest)| rest.split_once(": "))
                        .map(|(_, sql)| sql)
                })
        })
        .flat_map(|sql| {
            sql.split(';')
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(str::to_string)
                .collect::<Vec<_>>()
        })
        .collect()
}

#[test]
fn a_copy_takes_the_rows_the_rules_reach_masked_and_whole_reading_production_only() {
    let project = project();
    let prod = production(&project);
    let dev = TestDb::new();
    let before = writes(&prod);
    copy(&project, &prod, &dev, "k1")
        .assert()
        .success()
        .stderr(predicate::str::contains(
            "stand-ins are drawn under CRUDDUR_DB_COPY_KEY",
        ))
        .stderr(predicate::str::contains(
            "rows: users 22, activities 11, likes 21",
        ))
        .stderr(predicate::str::contains(PASSWORD).not());

    // The start users, everyone their rows reference; their activities and replies, the
    // replies to them, the posts they answered or liked, and the likes of any of those; but
    // not the people's own posts, nor person1's like of person2 (nothing copied leads there).
    assert_eq!(dev.query("SELECT count(*) FROM users"), "22");
    assert_eq!(dev.query("SELECT count(*) FROM activities"), "11");
    assert_eq!(dev.query("SELECT count(*) FROM likes"), "21");
    assert_eq!(
        dev.query(
            "SELECT count(*) FROM activities a WHERE NOT EXISTS (SELECT FROM users u WHERE u.uuid = a.user_uuid)
                OR (a.reply_to_activity_uuid IS NOT NULL AND NOT EXISTS (SELECT FROM activities p WHERE p.uuid = a.reply_to_activity_uuid))"
        ),
        "0"
    );

    // No value of a masked column appears anywhere in development.
    let dump = dev
        .cluster
        .pg_dump(&dev.name)
        .unwrap_or_else(|| contents(&dev));
    let secrets = prod.db.cluster.psql(
        &prod.db.name,
        "SELECT string_agg(v, E'\\n') FROM (SELECT email FROM users UNION ALL SELECT display_name FROM users
            UNION ALL SELECT handle FROM users UNION ALL SELECT cognito_user_id FROM users
            UNION ALL SELECT '555-010-' || lpad(n::text, 4, '0') FROM generate_series(1, 3) n) s(v)",
    );
    for secret in secrets.lines() {
        assert!(!dump.contains(secret), "{secret} reached development");
    }
    // Stand-ins are the same wherever a value appears: the email in a post is its owner's.
    assert_eq!(
        dev.query(
            "SELECT count(*) FROM activities a JOIN users u ON u.uuid = a.user_uuid
              WHERE a.message LIKE 'I am @%' AND a.message NOT LIKE '%' || u.email || '%'"
        ),
        "0"
    );

    // Production was only read: by SELECT and COPY TO STDOUT in one read-only transaction.
    assert_eq!(writes(&prod), before);
    let statements = statements_sent(&prod.db.cluster.log());
    assert!(
        statements.iter().any(|s| s.starts_with("COPY (SELECT")),
        "{statements:?}"
    );
    for statement in &statements {
        let first = statement
            .split_whitespace()
            .next()
            .unwrap_or("")
            .to_uppercase();
        assert!(
            ["BEGIN", "SET", "SELECT", "ROLLBACK"].contains(&first.as_str())
                || (first == "COPY" && statement.ends_with("TO STDOUT")),
            "production was sent {statement:?}"
        );
    }

    // Sequences stand past the copied values, and the summary stays in the comment.
    dev.query("INSERT INTO likes (user_uuid, activity_uuid) SELECT user_uuid, activity_uuid FROM likes LIMIT 1");
    let comment = dev.comment();
    assert!(
        comment.contains("cruddur-db copy: masked rows of \"cruddur_prod_"),
        "{comment}"
    );
    assert!(
        comment.contains("rows: users 22, activities 11, likes 21"),
        "{comment}"
    );
    assert!(
        !comment.contains(PASSWORD) && !comment.contains(&prod._reader.0),
        "{comment}"
    );
}

#[test]
fn two_copies_under_one_key_are_identical_and_another_key_gives_other_stand_ins() {
    let project = project();
    let prod = production(&project);
    let dev = TestDb::new();
    copy(&project, &prod, &dev, "same key").assert().success();
    let first = contents(&dev);
    copy(&project, &prod, &dev, "same key").assert().success();
    assert_eq!(contents(&dev), first);
    let keys = || dev.query("SELECT string_agg(uuid::text, ',' ORDER BY uuid) FROM users");
    let uuids = keys();
    copy(&project, &prod, &dev, "another key")
        .assert()
        .success();
    assert_ne!(contents(&dev), first);
    assert_eq!(keys(), uuids);
}

#[test]
fn refusals_come_before_development_is_touched() {
    let project = project();
    let prod = production(&project);
    let dev = TestDb::new();
    dev.cruddur(&project).arg("setup").assert().success();
    let as_it_was = || dev.query("SELECT string_agg(handle, ',' ORDER BY handle) FROM users");
    assert_eq!(as_it_was(), "andrewbrown,bayko");
    let refused = |project: &Project, says: &str| {
        copy(project, &prod, &dev, "k")
            .assert()
            .code(6)
            .stderr(predicate::str::contains(says));
        assert_eq!(as_it_was(), "andrewbrown,bayko", "after: {says}");
    };

    let unruled = self::project();
    unruled.write(
        "sql/copy.toml",
        &RULES
            .replace("\"users.email\" = \"email\"\n", "")
            .replace("\"likes.created_at\" = \"keep\"\n", ""),
    );
    refused(
        &unruled,
        "2 columns of the copied tables have no rule, and a column without one is never copied: likes.created_at (timestamp without time zone), users.email (text)",
    );

    let small = self::project();
    small.write(
        "sql/copy.toml",
        &RULES.replace("max_rows = 1000", "max_rows = 50"),
    );
    refused(
        &small,
        "the copy would take 54 rows, more than max_rows = 50",
    );

    let ahead = self::project();
    ahead.write(
        "sql/migrations/20250101000000_bio.sql",
        "-- migrate:up\nALTER TABLE public.users ADD COLUMN bio text;\n-- migrate:down\nALTER TABLE public.users DROP COLUMN bio;\n",
    );
    refused(
        &ahead,
        "among the files but not applied there: 20250101000000",
    );

    dev.cruddur(&project)
        .env("PROD_CONNECTION_URL", &prod.url)
        .args(["copy", "--from", &format!("url:{}", dev.url())])
        .assert()
        .code(6)
        .stderr(predicate::str::contains("is the source"));

    // An RDS host is production: refused before anything connects to it.
    copy(&project, &prod, &dev, "k")
        .env(
            "CONNECTION_URL",
            "postgresql://dev@db.abc123.us-east-1.rds.amazonaws.com/cruddur",
        )
        .assert()
        .code(6)
        .stderr(predicate::str::contains(
            "is on an RDS host; nothing was done",
        ));
    // The source is reached as production is: an IAM token never goes out without TLS.
    dev.cruddur(&project)
        .env(
            "PROD_CONNECTION_URL",
            "postgresql://reader@db.abc123.us-east-1.rds.amazonaws.com/cruddur?sslmode=disable",
        )
        .args(["--iam", "copy"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "IAM database authentication needs TLS, and sslmode is disable",
        ));

    dev.cluster.psql(
        "postgres",
        &format!(
            "COMMENT ON DATABASE {} IS 'cruddur-db: environment=production'",
            dev.name
        ),
    );
    refused(&project, "is marked production; nothing was done");
}

#[test]
fn a_reference_that_leads_nowhere_in_production_stops_the_swap() {
    let project = project();
    let prod = production(&project);
    // A post whose author is gone (no foreign key keeps activities.user_uuid), that Andrew
    // answered: the answer brings the post, and the post's author is nowhere.
    prod.db.cluster.psql(
        &prod.db.name,
        "INSERT INTO activities (uuid, user_uuid, message) VALUES ('00000000-0000-0000-0000-00000000000a', uuid_generate_v4(), 'orphan');
         INSERT INTO activities (user_uuid, message, reply_to_activity_uuid)
           SELECT uuid, 'answering a ghost', '00000000-0000-0000-0000-00000000000a' FROM users WHERE handle = 'andrewbrown';",
    );
    let dev = TestDb::new();
    dev.cruddur(&project).arg("setup").assert().success();
    copy(&project, &prod, &dev, "k")
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "the copy does not hold together: activities.user_uuid -> users.uuid: 1 row references nothing",
        ))
        .stderr(predicate::str::contains("is unchanged"));
    assert_eq!(dev.query("SELECT count(*) FROM users"), "2");
}

#[test]
fn a_terminal_shows_each_tables_rows_and_size() {
    let project = project();
    let prod = production(&project);
    let dev = TestDb::new();
    let binary = assert_cmd::cargo::cargo_bin("cruddur-db");
    let output = project.in_terminal(
        &format!(
            "env PROD_CONNECTION_URL='{}' CRUDDUR_DB_COPY_KEY=k {} copy",
            prod.url,
            binary.display()
        ),
        &dev.url(),
    );
    let screen = String::from_utf8_lossy(&output.stdout);
    assert!(output.status.success(), "{screen}");
    for line in [
        "activities 2 KiB",
        "11/11 rows",
        "likes 2 KiB",
        "21/21 rows",
        "22/22 rows",
    ] {
        assert!(
            screen.contains(line),
            "no {line:?} on the screen:\n{screen}"
        );
    }
}

#[test]
fn a_stopped_copy_leaves_development_as_it_was_and_the_next_removes_what_it_left() {
    let project = project();
    let prod = production(&project);
    let dev = TestDb::new();
    dev.cruddur(&project).arg("setup").assert().success();
    let slow = Project::new();
    slow.write("sql/migrations/20240101000000_likes.sql", LIKES);
    slow.write(
        "sql/copy.toml",
        &RULES.replace(
            "\"users.created_at\" = \"keep\"",
            "\"users.created_at\" = \"sql:(SELECT created_at FROM pg_sleep(30))\"",
        ),
    );
    let child = slow
        .cruddur_process()
        .env("CONNECTION_URL", dev.url())
        .env("PROD_CONNECTION_URL", &prod.url)
        .args(["copy", "--color", "never"])
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    prod.db.wait_until_running("pg_sleep(30)");
    // SAFETY: signalling our own child process.
    unsafe { libc::kill(child.id() as i32, libc::SIGINT) };
    let output = child.wait_with_output().unwrap();
    let stderr = output_text(&output).1;
    assert_eq!(output.status.code(), Some(130), "{stderr}");
    assert!(
        stderr.contains("copy stopped at step copy; your database is unchanged"),
        "{stderr}"
    );
    assert_eq!(dev.query("SELECT count(*) FROM users"), "2");
    assert_eq!(dev.kept_aside("new").len(), 1);
    // Production's statement was cancelled, not left running.
    prod.db.cluster.poll(
        "postgres",
        "SELECT 1 WHERE NOT EXISTS (SELECT FROM pg_stat_activity WHERE state = 'active'
           AND query LIKE '%pg_sleep(30)%' AND pid <> pg_backend_pid())",
        "the copy's read on production cancelled",
    );
    copy(&project, &prod, &dev, "k").assert().success();
    assert_eq!(dev.kept_aside("new").len(), 0);
    assert_eq!(dev.query("SELECT count(*) FROM users"), "22");
}

#[test]
fn a_partitioned_table_gives_the_rows_that_follow_from_every_partition_and_no_others() {
    let project = Project::new();
    project.write(
        "sql/schema.sql",
        "CREATE TABLE users (id serial PRIMARY KEY, handle text NOT NULL UNIQUE, email text);
         CREATE TABLE events (id bigint GENERATED ALWAYS AS IDENTITY, user_id int NOT NULL REFERENCES users,
           at date NOT NULL, note text, PRIMARY KEY (id, at)) PARTITION BY RANGE (at);
         CREATE TABLE events_2025 PARTITION OF events FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
         CREATE TABLE events_2026 PARTITION OF events FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');",
    );
    project.write("sql/seed.sql", "");
    project.write(
        "sql/copy.toml",
        "[copy]\nstart = [\"users WHERE handle IN ('a', 'b')\"]\nfollow = [\"events\"]\n
         [mask]\n\"users.handle\" = \"handle\"\n\"users.email\" = \"email\"\n\"events.at\" = \"keep\"\n\"events.note\" = \"scrub\"\n",
    );
    let prod = TestDb::new();
    prod.cruddur(&project).arg("setup").assert().success();
    // Ten people, twenty events each, spread over both partitions.
    prod.query(
        "INSERT INTO users (handle, email) SELECT chr(96 + i), chr(96 + i) || '@corp.example' FROM generate_series(1, 10) i;
         INSERT INTO events (user_id, at, note)
           SELECT 1 + i % 10, date '2025-06-01' + i * 2, 'hi @' || chr(97 + i % 10) FROM generate_series(1, 200) i",
    );
    let dev = TestDb::new();
    dev.cruddur(&project)
        .env("CRUDDUR_DB_COPY_KEY", "k")
        .args(["copy", "--from", &format!("url:{}", prod.url())])
        .assert()
        .success()
        .stderr(predicate::str::contains("rows: users 2, events 40"));
    assert_eq!(
        dev.query("SELECT string_agg(tableoid::regclass::text || ' ' || n, ', ' ORDER BY tableoid::regclass::text) FROM (SELECT tableoid, count(*) n FROM events GROUP BY 1) s"),
        prod.query("SELECT string_agg(tableoid::regclass::text || ' ' || n, ', ' ORDER BY tableoid::regclass::text) FROM (SELECT tableoid, count(*) n FROM events WHERE user_id <= 2 GROUP BY 1) s"),
    );
    // The identity column stands past the copied values.
    dev.query("INSERT INTO events (user_id, at) SELECT min(id), '2026-05-01' FROM users");
}

#[test]
fn plan_prints_each_tables_rows_path_and_rules_and_writes_nothing() {
    let project = project();
    let prod = production(&project);
    let dev = TestDb::new();
    let output = copy(&project, &prod, &dev, "k")
        .arg("--plan")
        .output()
        .unwrap();
    let (stdout, stderr) = output_text(&output);
    assert!(output.status.success(), "{stderr}");
    let row = |table: &str| {
        stdout
            .lines()
            .find(|l| l.starts_with(table))
            .unwrap_or_default()
            .to_string()
    };
    assert!(row("public.likes ").contains(" 21 "), "{stdout}");
    assert!(row("public.activities ").contains(" 11 "), "{stdout}");
    assert!(
        row("public.likes ").contains("start users WHERE handle IN ('andrewbrown', 'bayko') → "),
        "{stdout}"
    );
    assert!(
        stdout.contains("public.users.email") && stdout.contains("public.likes.id"),
        "{stdout}"
    );
    assert!(
        stderr.contains("54 rows in 3 tables (max_rows 1000); nothing was written"),
        "{stderr}"
    );
    assert!(!dev.cluster.database_exists(&dev.name));
}

#[test]
fn init_writes_rules_for_every_column_that_copy_refuses_until_reviewed() {
    let project = project();
    std::fs::remove_file(project.path().join("sql/copy.toml")).unwrap();
    let prod = production(&project);
    let dev = TestDb::new();
    dev.cruddur(&project)
        .args(["copy", "--init"])
        .assert()
        .success();
    let rules = std::fs::read_to_string(project.path().join("sql/copy.toml")).unwrap();
    assert!(rules.contains("\"users.email\" = \"email\""), "{rules}");
    assert!(
        rules.contains("\"activities.message\" = \"scrub\""),
        "{rules}"
    );
    assert!(
        rules.contains("relations = [\"activities.user_uuid -> users.uuid\"]"),
        "{rules}"
    );
    copy(&project, &prod, &dev, "k")
        .arg("--plan")
        .assert()
        .code(6)
        .stderr(predicate::str::contains("still marked for review"));
    dev.cruddur(&project)
        .args(["copy", "--init"])
        .assert()
        .code(1);
    let reviewed: String = rules.lines().skip(1).map(|l| format!("{l}\n")).collect();
    project.write("sql/copy.toml", &reviewed);
    copy(&project, &prod, &dev, "k").assert().success();
    assert_eq!(
        dev.query("SELECT count(*) FROM users WHERE email LIKE '%@example.com'"),
        "22"
    );
}

#[test]
fn two_copies_at_once_both_finish_and_leave_one_whole_database() {
    let project = project();
    let prod = production(&project);
    let dev = TestDb::new();
    let children: Vec<_> = (0..2)
        .map(|_| {
            project
                .cruddur_process()
                .env("CONNECTION_URL", dev.url())
                .env("PROD_CONNECTION_URL", &prod.url)
                .env("CRUDDUR_DB_COPY_KEY", "k")
                .arg("copy")
                .stderr(std::process::Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    for child in children {
        let output = child.wait_with_output().unwrap();
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
    }
    assert_eq!(dev.query("SELECT count(*) FROM likes"), "21");
}

#[test]
fn a_copy_gives_up_on_a_locked_table_instead_of_queueing_behind_it() {
    let project = project();
    let prod = production(&project);
    let dev = TestDb::new();
    let mut holder = prod.db.cluster.hold_session(&prod.db.name, "migration");
    holder.run("BEGIN; LOCK TABLE public.likes IN ACCESS EXCLUSIVE MODE;");
    prod.db
        .cluster
        .wait_until_holding(&prod.db.name, "migration", "likes");
    copy(&project, &prod, &dev, "k")
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "a table is locked by another session (pid ",
        ))
        .stderr(predicate::str::contains("on likes)"));
    assert!(!dev.cluster.database_exists(&dev.name));
}
