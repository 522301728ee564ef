//! `inspect`: each report finds a condition planted on purpose and not its absence, on a server
//! that preloads pg_stat_statements; the health summary's fixes make their findings go away;
//! nothing is ever written; a monitoring role and the TLS-only cluster work too.

use std::sync::OnceLock;

use predicates::prelude::*;
use serde_json::Value;

use crate::harness::{Cluster, PASSWORD, Project, TestDb, encode, literal, output_text};
use crate::tls::tls_cluster;

/// A cluster that preloads pg_stat_statements, as the inspect reports want a server to.
fn statements_cluster() -> &'static Cluster {
    static CLUSTER: OnceLock<Cluster> = OnceLock::new();
    CLUSTER.get_or_init(|| {
        let mut cluster = Cluster::init_stopped();
        cluster.start_server_with(
            None,
            "-c shared_preload_libraries=pg_stat_statements -c pg_stat_statements.track=all",
        );
        cluster
    })
}

/// A fresh database on that cluster, with pg_stat_statements created in it.
fn database() -> TestDb {
    let db = TestDb {
        name: TestDb::new().name.clone(),
        cluster: statements_cluster(),
    };
    db.create();
    db.query("CREATE EXTENSION pg_stat_statements");
    db
}

/// `inspect REPORT --json` on `db` (more arguments after): its rows.
fn report(db: &TestDb, args: &[&str]) -> Vec<serde_json::Map<String, Value>> {
    let output = db
        .cruddur(&Project::new())
        .arg("inspect")
        .args(args)
        .arg("--json")
        .assert()
        .success()
        .get_output()
        .clone();
    let rows: Value = serde_json::from_str(&output_text(&output).0).unwrap();
    rows.as_array()
        .unwrap()
        .iter()
        .map(|row| row.as_object().unwrap().clone())
        .collect()
}

/// The values of `column` in `rows`, as text.
fn column(rows: &[serde_json::Map<String, Value>], column: &str) -> Vec<String> {
    rows.iter()
        .map(|row| match &row[column] {
            Value::String(s) => s.clone(),
            other => other.to_string(),
        })
        .collect()
}

/// The row whose `key` is `value`.
fn row<'a>(
    rows: &'a [serde_json::Map<String, Value>],
    key: &str,
    value: &str,
) -> &'a serde_json::Map<String, Value> {
    rows.iter()
        .find(|row| row[key] == value)
        .unwrap_or_else(|| panic!("no row with {key} = {value} in {rows:?}"))
}

/// Wait until `condition` (SQL returning a boolean) holds in `db`: the statistics views lag
/// the work that feeds them (PostgreSQL 12-14 through the collector, 15+ at transaction end).
fn wait_until(db: &TestDb, condition: &str) {
    db.cluster
        .poll(&db.name, &format!("SELECT 1 WHERE {condition}"), condition);
}

/// Parents and kids: one foreign key with an index, one without; an index that is used, one
/// never scanned, and two identical ones; statistics up to date.
fn plant_indexes(db: &TestDb) {
    db.query(
        "CREATE TABLE parents (id int PRIMARY KEY);
         CREATE TABLE kids (id int PRIMARY KEY, parent_id int REFERENCES parents,
                            other_id int REFERENCES parents, note text, tag text, code text);
         CREATE INDEX kids_other_idx ON kids (other_id);
         CREATE INDEX kids_note_idx ON kids (note);
         CREATE INDEX kids_tag_idx ON kids (tag);
         CREATE INDEX kids_tag_copy ON kids (tag);
         CREATE INDEX kids_code_idx ON kids (code);
         INSERT INTO parents SELECT generate_series(1, 100);
         INSERT INTO kids SELECT i, i % 100 + 1, i % 100 + 1, 'n' || i, 't' || i % 7, 'c' || i
           FROM generate_series(1, 2000) i;
         ANALYZE;",
    );
    db.query("SET enable_seqscan = off; SELECT count(*) FROM kids WHERE code = 'c7'");
    wait_until(
        db,
        "(SELECT idx_scan FROM pg_stat_user_indexes WHERE indexrelname = 'kids_code_idx') > 0",
    );
}

/// An index left invalid by a CREATE INDEX CONCURRENTLY that gave up waiting for an older
/// snapshot (a session in a repeatable-read transaction holds one).
fn plant_invalid_index(db: &TestDb) {
    plant_invalid(
        "kids",
        "CREATE INDEX CONCURRENTLY kids_slow_idx ON kids (note, tag)",
        db,
    );
}

/// `create`, a CREATE INDEX CONCURRENTLY on `table`, left invalid as above.
fn plant_invalid(table: &str, create: &str, db: &TestDb) {
    let mut reader = db.cluster.hold_session(&db.name, "inspect-reader");
    reader.run(&format!(
        "BEGIN ISOLATION LEVEL REPEATABLE READ; SELECT count(*) FROM {table};"
    ));
    db.cluster
        .wait_until_holding(&db.name, "inspect-reader", table);
    let failed = db
        .cluster
        .psql_command(&db.name)
        .args(["-X", "-c", "SET lock_timeout = '200ms'", "-c", create])
        .output()
        .unwrap();
    assert!(
        !failed.status.success(),
        "the concurrent build was meant to give up"
    );
    drop(reader);
}

#[test]
fn index_reports_find_the_indexes_planted_and_only_those() {
    let db = database();
    plant_indexes(&db);
    plant_invalid_index(&db);

    let unused = column(&report(&db, &["unused-indexes"]), "index");
    assert!(unused.contains(&"kids_note_idx".to_string()), "{unused:?}");
    // Scanned, serving a foreign key, or invalid: none of them is "unused".
    for not in [
        "kids_code_idx",
        "kids_other_idx",
        "kids_slow_idx",
        "kids_pkey",
    ] {
        assert!(!unused.contains(&not.to_string()), "{not} in {unused:?}");
    }

    let duplicates = report(&db, &["duplicate-indexes"]);
    assert_eq!(
        column(&duplicates, "indexes"),
        ["kids_tag_copy, kids_tag_idx"]
    );

    let invalid = report(&db, &["invalid-indexes"]);
    assert_eq!(column(&invalid, "index"), ["kids_slow_idx"]);

    let missing = report(&db, &["missing-fk-indexes"]);
    assert_eq!(column(&missing, "foreign_key"), ["kids_parent_id_fkey"]);
    assert_eq!(column(&missing, "columns"), ["parent_id"]);

    let usage = report(&db, &["index-usage"]);
    assert!(
        row(&usage, "table", "kids")["index_scans"]
            .as_i64()
            .unwrap()
            >= 1
    );
}

#[test]
fn table_reports_see_dead_rows_scans_sizes_and_bloat() {
    let db = database();
    db.query(
        "CREATE TABLE dusty (id int, pad text) WITH (autovacuum_enabled = false);
         CREATE TABLE tidy (id int);
         INSERT INTO dusty SELECT i, repeat('x', 200) FROM generate_series(1, 2000) i;
         DELETE FROM dusty WHERE id > 800;
         ANALYZE dusty;",
    );
    for _ in 0..3 {
        db.query("SELECT count(*) FROM dusty");
    }
    wait_until(
        &db,
        "(SELECT seq_scan >= 3 AND n_dead_tup >= 1000 FROM pg_stat_user_tables WHERE relname = 'dusty')",
    );

    let vacuum = report(&db, &["vacuum-stats"]);
    let dusty = row(&vacuum, "table", "dusty");
    assert!(dusty["dead_rows"].as_i64().unwrap() >= 1000, "{dusty:?}");
    assert_eq!(dusty["autovacuum_enabled"], false);
    assert_eq!(dusty["autovacuum_next"], false);
    assert_eq!(row(&vacuum, "table", "tidy")["dead_rows"], 0);

    let scans = report(&db, &["seq-scans"]);
    assert!(row(&scans, "table", "dusty")["seq_scans"].as_i64().unwrap() >= 3);
    assert_eq!(row(&scans, "table", "tidy")["seq_scans"], 0);

    assert_eq!(
        row(&report(&db, &["records"]), "table", "dusty")["estimated_rows"],
        800
    );

    let sizes = report(&db, &["table-sizes"]);
    let dusty = row(&sizes, "table", "dusty");
    let part = |key: &str| dusty[key].as_i64().unwrap();
    assert!(part("table_bytes") > 0);
    assert_eq!(
        part("total_bytes"),
        part("table_bytes") + part("index_bytes") + part("toast_bytes")
    );

    // 1,200 of 2,000 wide rows deleted and not vacuumed: most of the table is waste.
    let bloat = report(&db, &["bloat"]);
    let waste = row(&bloat, "object", "dusty");
    assert!(
        waste["wasted_bytes"].as_i64().unwrap() > 100_000,
        "{waste:?}"
    );

    let cache = report(&db, &["cache-hit"]);
    assert_eq!(column(&cache, "name"), ["tables", "indexes", "database"]);
    let ratio = row(&cache, "name", "database")["ratio"].as_f64().unwrap();
    assert!((0.0..=1.0).contains(&ratio));

    let xid = report(&db, &["unvacuumed-xid"]);
    assert!(row(&xid, "table", "dusty")["xid_age"].as_i64().unwrap() >= 0);
}

#[test]
fn query_reports_rank_statements_and_see_what_runs_and_blocks() {
    let db = database();
    db.query("CREATE TABLE work (id int); INSERT INTO work VALUES (1)");
    db.query("SELECT pg_stat_statements_reset()");
    for _ in 0..3 {
        db.query("SELECT count(*) FROM generate_series(1, 400000) AS expensive_series");
    }
    for _ in 0..5 {
        db.query("SELECT id FROM work WHERE id = 1");
    }
    let outliers = report(&db, &["outliers"]);
    assert!(
        column(&outliers, "query")[0].contains("expensive_series"),
        "{outliers:?}"
    );
    let calls = report(&db, &["calls", "--limit", "50"]);
    let cheap = calls
        .iter()
        .find(|row| {
            row["query"]
                .as_str()
                .unwrap()
                .contains("FROM work WHERE id")
        })
        .expect("the cheap statement is counted");
    assert!(cheap["calls"].as_i64().unwrap() >= 5);

    // A long query, then a lock one session holds while another waits for it.
    let mut sleeper = db.cluster.hold_session(&db.name, "inspect-sleeper");
    sleeper.run("SELECT pg_sleep(60) AS long_one;");
    wait_until(
        &db,
        "EXISTS (SELECT 1 FROM pg_stat_activity WHERE query LIKE '%AS long_one%' AND now() - query_start > interval '1 s' AND pid <> pg_backend_pid())",
    );
    let long = report(&db, &["long-running", "--min", "1"]);
    assert!(
        column(&long, "query")
            .iter()
            .any(|q| q.contains("long_one")),
        "{long:?}"
    );
    assert!(report(&db, &["long-running", "--min", "3600"]).is_empty());

    let mut holder = db.cluster.hold_session(&db.name, "inspect-holder");
    holder.run("BEGIN; LOCK TABLE work IN ACCESS EXCLUSIVE MODE; SELECT 1;");
    db.cluster
        .wait_until_holding(&db.name, "inspect-holder", "work");
    let mut waiter = db.cluster.hold_session(&db.name, "inspect-waiter");
    waiter.run("SELECT count(*) FROM work;");
    wait_until(
        &db,
        "EXISTS (SELECT 1 FROM pg_stat_activity WHERE application_name = 'inspect-waiter' AND wait_event_type = 'Lock')",
    );
    let holder_pid = db.cluster.pid_of("inspect-holder").to_string();
    let waiter_pid = db.cluster.pid_of("inspect-waiter").to_string();
    let blocking = report(&db, &["blocking"]);
    assert_eq!(
        column(&blocking, "blocked_pid"),
        std::slice::from_ref(&waiter_pid)
    );
    assert_eq!(
        column(&blocking, "blocker_pid"),
        std::slice::from_ref(&holder_pid)
    );
    assert_eq!(
        column(&blocking, "lock_wanted"),
        ["AccessShareLock on work"]
    );
    let locks = report(&db, &["locks"]);
    let granted: Vec<(String, String)> = locks
        .iter()
        .map(|row| (row["pid"].to_string(), row["granted"].to_string()))
        .collect();
    assert!(
        granted.contains(&(holder_pid.clone(), "true".into())),
        "{granted:?}"
    );
    assert!(
        granted.contains(&(waiter_pid, "false".into())),
        "{granted:?}"
    );

    // The summary names the blocker and how to end it; ending it ends the finding.
    let (code, summary) = health(&db);
    assert_eq!(code, Some(1));
    let blocker = find(&summary, "blocking", &format!("pid {holder_pid}"));
    let fix = blocker["fix"]["command"].as_str().unwrap().to_string();
    assert_eq!(fix, format!("cruddur-db kill --pid {holder_pid}"));
    run_fix(&db, &fix);
    let (_, after) = health(&db);
    assert!(
        !has(&after, "blocking", &format!("pid {holder_pid}")),
        "{after:?}"
    );
    drop(sleeper);
}

#[test]
fn statement_reports_without_pg_stat_statements_say_how_to_enable_it() {
    let db = TestDb::new();
    db.create();
    db.cruddur(&Project::new())
        .args(["inspect", "outliers"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("reads pg_stat_statements"))
        .stderr(predicate::str::contains("parameter group"))
        .stderr(predicate::str::contains(
            "CREATE EXTENSION pg_stat_statements",
        ));
}

#[test]
fn server_reports_list_connections_slots_settings_and_extensions() {
    let db = database();
    let _app = db.cluster.hold_session(&db.name, "inspect-app");
    let slot = format!("slot_{}", &db.name[13..]);
    db.query(&format!(
        "SELECT pg_create_physical_replication_slot({}, true)",
        literal(&slot)
    ));
    let slots = report(&db, &["replication-slots"]);
    db.query(&format!(
        "SELECT pg_drop_replication_slot({})",
        literal(&slot)
    ));
    let ours = row(&slots, "slot", &slot);
    assert_eq!(ours["type"], "physical");
    assert!(ours["retained_wal_bytes"].as_i64().unwrap() >= 0);

    let connections = report(&db, &["connections", "--limit", "100"]);
    assert!(column(&connections, "application").contains(&"inspect-app".to_string()));
    let settings = report(&db, &["settings"]);
    assert!(
        row(&settings, "setting", "shared_preload_libraries")["value"]
            .as_str()
            .unwrap()
            .contains("pg_stat_statements")
    );
    assert_ne!(row(&settings, "setting", "shared_buffers")["source"], "");
    let extensions = report(&db, &["extensions", "--limit", "200"]);
    assert_ne!(
        row(&extensions, "extension", "pg_stat_statements")["installed_version"],
        ""
    );
    assert_eq!(
        column(&report(&db, &["db-stats"]), "database"),
        std::slice::from_ref(&db.name)
    );
}

/// The health summary as JSON (unused indexes of any size): the exit code and the findings.
fn health(db: &TestDb) -> (Option<i32>, Vec<Value>) {
    let (code, summary) = health_with(db, &["--min-bytes", "0"]);
    (code, summary["findings"].as_array().unwrap().clone())
}

/// `inspect --json ARGS`: the exit code and the summary.
fn health_with(db: &TestDb, args: &[&str]) -> (Option<i32>, Value) {
    let output = db
        .cruddur(&Project::new())
        .args(["inspect", "--json"])
        .args(args)
        .output()
        .unwrap();
    let (stdout, stderr) = output_text(&output);
    let summary: Value =
        serde_json::from_str(&stdout).unwrap_or_else(|err| panic!("{err}: {stdout}\n{stderr}"));
    assert_eq!(summary["database"], format!("\"{}\"", db.name));
    (output.status.code(), summary)
}

fn has(findings: &[Value], kind: &str, object: &str) -> bool {
    findings
        .iter()
        .any(|f| f["kind"] == kind && f["object"] == object)
}

fn find<'a>(findings: &'a [Value], kind: &str, object: &str) -> &'a Value {
    findings
        .iter()
        .find(|f| f["kind"] == kind && f["object"] == object)
        .unwrap_or_else(|| panic!("no {kind} finding on {object} in {findings:#?}"))
}

/// Do what a finding's fix says: run its command, and for `migrate new` fill the new file
/// with the migration it gives, then migrate.
fn run_fix(db: &TestDb, command: &str) {
    let project = Project::new();
    let words = shell_words(command);
    assert_eq!(words[0], "cruddur-db", "{command}");
    db.cruddur(&project).args(&words[1..]).assert().success();
}

/// Write the migration a finding's fix gives, and migrate; the file's path.
fn apply_migration_fix(db: &TestDb, project: &Project, finding: &Value) -> String {
    let command = finding["fix"]["command"].as_str().unwrap();
    let words = shell_words(command);
    let output = db
        .cruddur(project)
        .args(&words[1..])
        .assert()
        .success()
        .get_output()
        .clone();
    let path = output_text(&output).0.trim().to_string();
    std::fs::write(&path, finding["fix"]["migration"].as_str().unwrap()).unwrap();
    db.cruddur(project).arg("migrate").assert().success();
    path
}

/// `command` split as a shell would: words, and single-quoted parts kept whole.
fn shell_words(command: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut word = String::new();
    let mut quoted = false;
    let mut chars = command.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\'' => quoted = !quoted,
            '\\' if !quoted => word.extend(chars.next()),
            ' ' if !quoted => {
                if !word.is_empty() {
                    words.push(std::mem::take(&mut word));
                }
            }
            c => word.push(c),
        }
    }
    if !word.is_empty() {
        words.push(word);
    }
    words
}

#[test]
fn the_health_summary_gives_each_finding_a_fix_that_makes_it_go_away() {
    let db = database();
    plant_indexes(&db);
    plant_invalid_index(&db);
    db.query(
        "CREATE TABLE dusty (id int) WITH (autovacuum_enabled = false);
         INSERT INTO dusty SELECT generate_series(1, 1000);
         DELETE FROM dusty;",
    );
    wait_until(
        &db,
        "(SELECT n_dead_tup >= 1000 FROM pg_stat_user_tables WHERE relname = 'dusty')",
    );
    let (code, findings) = health(&db);
    assert_eq!(code, Some(1), "{findings:#?}");
    let project = Project::new();

    let unused = find(&findings, "unused-index", "kids_note_idx");
    assert!(
        unused["fix"]["migration"]
            .as_str()
            .unwrap()
            .contains("DROP INDEX CONCURRENTLY IF EXISTS kids_note_idx;")
    );
    apply_migration_fix(&db, &project, unused);
    apply_migration_fix(
        &db,
        &project,
        find(&findings, "missing-fk-index", "kids (parent_id)"),
    );
    apply_migration_fix(
        &db,
        &project,
        find(&findings, "duplicate-index", "kids_tag_idx"),
    );
    run_fix(
        &db,
        find(&findings, "invalid-index", "kids_slow_idx")["fix"]["command"]
            .as_str()
            .unwrap(),
    );
    run_fix(
        &db,
        find(&findings, "vacuum", "dusty")["fix"]["command"]
            .as_str()
            .unwrap(),
    );
    wait_until(
        &db,
        "(SELECT n_dead_tup = 0 FROM pg_stat_user_tables WHERE relname = 'dusty')",
    );

    let (_, after) = health(&db);
    for (kind, object) in [
        ("unused-index", "kids_note_idx"),
        ("missing-fk-index", "kids (parent_id)"),
        ("duplicate-index", "kids_tag_idx"),
        ("invalid-index", "kids_slow_idx"),
        ("vacuum", "dusty"),
    ] {
        assert!(
            !has(&after, kind, object),
            "{kind} {object} is still there: {after:#?}"
        );
    }
    assert!(!db.has_table("kids_note_idx"));
    assert_eq!(
        db.query("SELECT indisvalid FROM pg_index WHERE indexrelid = 'kids_slow_idx'::regclass"),
        "t"
    );
}

#[test]
fn a_healthy_database_passes_with_exit_0() {
    let db = database();
    db.query("CREATE TABLE fine (id int PRIMARY KEY)");
    let (code, findings) = health(&db);
    assert!(findings.is_empty(), "{findings:#?}");
    assert_eq!(code, Some(0));
}

#[test]
fn a_fresh_cruddur_database_has_one_finding_its_implied_relation_small_unused_indexes_included() {
    let db = TestDb::new();
    let project = Project::new();
    project.append(
        "sql/schema.sql",
        "CREATE INDEX activities_user_uuid ON public.activities (user_uuid);\n",
    );
    db.cruddur(&project).arg("setup").assert().success();
    let (code, findings) = health(&db);
    assert_eq!(code, Some(1), "{findings:#?}");
    // activities.user_uuid names users by its key with no foreign key; nothing else is wrong.
    assert_eq!(findings.len(), 1, "{findings:#?}");
    let implied = find(
        &findings,
        "implied-relation",
        "public.activities (user_uuid) -> public.users",
    );
    assert!(
        implied["verdict"]
            .as_str()
            .unwrap()
            .ends_with("no row names a missing one"),
        "{implied:#}"
    );
    // Not scanned yet, but a few kilobytes on a table of three rows: not worth a finding.
    assert!(
        column(&report(&db, &["unused-indexes"]), "index")
            .contains(&"activities_user_uuid".to_string())
    );
}

#[test]
fn an_implied_relation_counts_its_orphans_and_its_two_migrations_add_then_validate_the_key() {
    let db = TestDb::new();
    let project = Project::new();
    db.cruddur(&project).arg("setup").assert().success();
    db.query(
        "INSERT INTO public.activities (user_uuid, message, expires_at)
         VALUES ('00000000-0000-0000-0000-000000000001', 'whose?', now() + interval '1 day')",
    );
    let (_, findings) = health(&db);
    let object = "public.activities (user_uuid) -> public.users";
    let implied = find(&findings, "implied-relation", object).clone();
    assert!(
        implied["verdict"]
            .as_str()
            .unwrap()
            .contains("1 row(s) name one that does not exist"),
        "{implied:#}"
    );
    // The first migration holds the key for new rows at once, scanning nothing.
    apply_migration_fix(&db, &project, &implied);
    let (_, after) = health(&db);
    assert!(!has(&after, "implied-relation", object), "{after:#?}");
    assert_eq!(
        db.query(
            "SELECT convalidated FROM pg_constraint WHERE conname = 'activities_user_uuid_fkey'"
        ),
        "f"
    );
    // The second validates it, once the orphan is gone.
    db.query("DELETE FROM public.activities WHERE message = 'whose?'");
    let then = serde_json::json!({ "fix": implied["fix"]["then"] });
    apply_migration_fix(&db, &project, &then);
    assert_eq!(
        db.query(
            "SELECT convalidated FROM pg_constraint WHERE conname = 'activities_user_uuid_fkey'"
        ),
        "t"
    );
}

/// A table of customers whose email index was built twice, and then once more as UNIQUE
/// CONCURRENTLY, which duplicate emails made fail and left invalid; and a unique index beside
/// a plain one on the same column, which are no duplicates of each other.
fn plant_customers(db: &TestDb) {
    db.query(
        "CREATE TABLE customers (id int PRIMARY KEY, email text);
         INSERT INTO customers SELECT i, 'u' || i % 50 || '@example.com' FROM generate_series(1, 100) i;
         CREATE INDEX customers_email_a ON customers (email);
         CREATE INDEX customers_email_b ON customers (email);
         CREATE TABLE codes (code text);
         CREATE UNIQUE INDEX codes_code_key ON codes (code);
         CREATE INDEX codes_code_idx ON codes (code);",
    );
    let failed = db
        .cluster
        .psql_command(&db.name)
        .args([
            "-X",
            "-c",
            "CREATE UNIQUE INDEX CONCURRENTLY customers_email_uniq ON customers (email)",
        ])
        .output()
        .unwrap();
    assert!(
        !failed.status.success(),
        "the duplicates were meant to fail it"
    );
    // Invalid, plain, and first by name: it would be the group's keeper if it were in one.
    plant_invalid(
        "customers",
        "CREATE INDEX CONCURRENTLY customers_email_0 ON customers (email)",
        db,
    );
}

#[test]
fn a_duplicate_group_keeps_a_valid_index_and_an_invalid_unique_one_gets_the_query_listing_its_duplicates()
 {
    let db = database();
    plant_customers(&db);
    assert_eq!(
        column(&report(&db, &["duplicate-indexes"]), "indexes"),
        ["customers_email_a, customers_email_b"]
    );
    let (_, findings) = health(&db);
    let duplicate = find(&findings, "duplicate-index", "customers_email_b");
    let migration = duplicate["fix"]["migration"].as_str().unwrap();
    assert!(
        migration.contains("DROP INDEX CONCURRENTLY IF EXISTS customers_email_b;")
            && migration
                .contains("CREATE INDEX CONCURRENTLY customers_email_b ON public.customers"),
        "{migration}"
    );
    for kept in [
        "customers_email_0",
        "customers_email_a",
        "customers_email_uniq",
        "codes_code_idx",
        "codes_code_key",
    ] {
        assert!(
            !has(&findings, "duplicate-index", kept),
            "{kept}: {findings:#?}"
        );
    }
    // A REINDEX would fail on the same duplicates: the fix lists them instead.
    let invalid = find(&findings, "invalid-index", "customers_email_uniq");
    let command = invalid["fix"]["command"].as_str().unwrap();
    assert!(command.contains("HAVING count(*) > 1"), "{command}");
    assert!(
        invalid["verdict"]
            .as_str()
            .unwrap()
            .contains("REINDEX would fail"),
        "{invalid:#?}"
    );
    let listed = Project::new();
    let output = db
        .cruddur(&listed)
        .args(&shell_words(command)[1..])
        .env("PGPASSWORD", PASSWORD)
        .output();
    // `connect` needs psql; the query itself is what matters: it lists 50 duplicate emails.
    drop(output);
    let query = shell_words(command).last().unwrap().clone();
    assert_eq!(db.query(&format!("SELECT count(*) FROM ({query}) d")), "50");
    // With the duplicates gone, the fix becomes the REINDEX, and it works.
    db.query("DELETE FROM customers WHERE id > 50");
    let (_, findings) = health(&db);
    let reindex = find(&findings, "invalid-index", "customers_email_uniq");
    run_fix(&db, reindex["fix"]["command"].as_str().unwrap());
    assert_eq!(
        db.query(
            "SELECT indisvalid FROM pg_index WHERE indexrelid = 'customers_email_uniq'::regclass"
        ),
        "t"
    );
}

#[test]
fn every_migration_fix_and_then_its_down_part_leave_the_database_where_it_started() {
    let db = database();
    plant_indexes(&db);
    plant_customers(&db);
    // A unique constraint beside the primary key on the same column: the constraint goes.
    // Its comments, and the index's, come back with it.
    db.query(
        "ALTER TABLE parents ADD CONSTRAINT parents_id_key UNIQUE (id);
         COMMENT ON CONSTRAINT parents_id_key ON parents IS 'kept for the ''old'' API';
         COMMENT ON INDEX parents_id_key IS 'the index behind it';
         COMMENT ON INDEX kids_tag_idx IS 'a duplicate, but commented';",
    );
    let (_, findings) = health(&db);
    let fixes: Vec<&Value> = findings
        .iter()
        .filter(|f| f["fix"]["migration"].is_string())
        .collect();
    for object in [
        "kids_note_idx",
        "kids_tag_idx",
        "kids (parent_id)",
        "parents_id_key",
    ] {
        assert!(
            fixes.iter().any(|f| f["object"] == object),
            "no migration fix for {object}: {findings:#?}"
        );
    }
    // The way back builds the constraint's index without blocking writes, then adopts it.
    let constraint = fixes
        .iter()
        .find(|f| f["object"] == "parents_id_key")
        .unwrap();
    let down = constraint["fix"]["migration"].as_str().unwrap();
    let down = &down[down.find("-- migrate:down").unwrap()..];
    assert!(
        down.contains("CREATE UNIQUE INDEX CONCURRENTLY parents_id_key")
            && down.contains("UNIQUE USING INDEX parents_id_key"),
        "{down}"
    );
    let project = Project::new();
    // The schema but for the migration history the fixes add to.
    let facts = |db: &TestDb| {
        crate::harness::schema_facts(db)
            .lines()
            .filter(|line| !line.contains("schema_migrations"))
            .collect::<Vec<_>>()
            .join("\n")
    };
    for finding in fixes {
        let before = facts(&db);
        let file = apply_migration_fix(&db, &project, finding);
        let (_, after) = health(&db);
        assert!(
            !has(
                &after,
                finding["kind"].as_str().unwrap(),
                finding["object"].as_str().unwrap()
            ),
            "{finding:#?} is still there"
        );
        db.cruddur(&project)
            .args(["migrate", "down"])
            .assert()
            .success();
        assert_eq!(
            facts(&db),
            before,
            "the down part of {finding:#?} does not undo it"
        );
        // Undone, it is no longer a migration of the project.
        std::fs::remove_file(project.path().join(file)).unwrap();
    }
}

#[test]
fn the_summary_goes_on_while_a_table_is_locked_and_names_the_session_that_blocks() {
    let db = database();
    plant_indexes(&db);
    let mut holder = db.cluster.hold_session(&db.name, "summary-holder");
    holder.run("BEGIN; LOCK TABLE kids IN ACCESS EXCLUSIVE MODE;");
    db.cluster
        .wait_until_holding(&db.name, "summary-holder", "kids");
    let pid = db.cluster.pid_of("summary-holder");
    let mut waiter = db.cluster.hold_session(&db.name, "summary-waiter");
    waiter.run("SELECT count(*) FROM kids;");
    db.cluster.poll(
        "postgres",
        "SELECT 1 FROM pg_stat_activity WHERE application_name = 'summary-waiter' AND wait_event_type = 'Lock'",
        "the waiter queued behind the lock",
    );
    let (code, summary) = health_with(&db, &["--min-bytes", "0", "--timeout", "5"]);
    assert_eq!(code, Some(1), "{summary:#}");
    let findings = summary["findings"].as_array().unwrap();
    assert!(
        has(findings, "blocking", &format!("pid {pid}")),
        "{summary:#}"
    );
    // What needs no lock on kids is still checked.
    assert!(
        has(findings, "missing-fk-index", "kids (parent_id)"),
        "{summary:#}"
    );
    let notes: Vec<&str> = summary["notes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n.as_str().unwrap())
        .collect();
    assert!(
        notes
            .iter()
            .any(|n| n.contains("kids_note_idx") && n.contains(&format!("locked by pid {pid}"))),
        "{notes:?}"
    );
    assert!(
        !notes.iter().any(|n| n.contains("could not run")),
        "{notes:?}"
    );
    // A report on its own says the same for each locked row, and lists the rest.
    let unused = report(&db, &["unused-indexes"]);
    assert_eq!(row(&unused, "index", "kids_note_idx")["locked_by"], pid);
    let sizes = report(&db, &["table-sizes"]);
    assert_eq!(row(&sizes, "table", "kids")["locked_by"], pid);
    assert!(row(&sizes, "table", "parents")["total_bytes"].is_number());
    drop(waiter);
    drop(holder);
}

/// Objects and rows of `db`: what a read-only tool must leave as they were.
fn fingerprint(db: &TestDb) -> String {
    db.query(
        "SELECT md5(string_agg(c.oid::regclass::text || c.relkind::text || coalesce(obj_description(c.oid), ''), ',' ORDER BY c.oid))
         FROM pg_class c WHERE c.relnamespace NOT IN ('pg_catalog'::regnamespace, 'information_schema'::regnamespace)
           AND c.relnamespace::regnamespace::text !~ '^pg_toast'",
    ) + &db.query("SELECT count(*) FROM kids") + &db.query("SELECT count(*) FROM parents")
}

const EVERY_REPORT: &[&str] = &[
    "outliers",
    "calls",
    "long-running",
    "blocking",
    "locks",
    "table-sizes",
    "records",
    "seq-scans",
    "cache-hit",
    "bloat",
    "vacuum-stats",
    "unvacuumed-xid",
    "index-usage",
    "unused-indexes",
    "duplicate-indexes",
    "invalid-indexes",
    "missing-fk-indexes",
    "connections",
    "db-stats",
    "replication-slots",
    "settings",
    "extensions",
];

#[test]
fn inspect_never_writes_and_works_in_read_only_sessions() {
    let db = database();
    plant_indexes(&db);
    let before = fingerprint(&db);
    let transactions = || {
        db.query(&format!(
            "SELECT xact_commit + xact_rollback FROM pg_stat_database WHERE datname = {}",
            literal(&db.name)
        ))
        .parse::<i64>()
        .unwrap()
    };
    let started = transactions();
    // Sessions that may only read: any write would fail there.
    let read_only = format!(
        "{}?options=-c%20default_transaction_read_only%3Don",
        db.url()
    );
    for name in EVERY_REPORT {
        Project::new()
            .cruddur()
            .args(["--url", &read_only, "inspect", name, "--json"])
            .assert()
            .success();
    }
    Project::new()
        .cruddur()
        .args(["--url", &read_only, "inspect"])
        .assert()
        .stderr(predicate::str::contains("finding(s) on"));
    assert_eq!(fingerprint(&db), before);
    wait_until(
        &db,
        &format!(
            "(SELECT xact_commit + xact_rollback FROM pg_stat_database WHERE datname = {}) > {started}",
            literal(&db.name)
        ),
    );
}

#[test]
fn a_monitoring_role_sees_everything_and_a_plain_one_is_told_what_it_cannot() {
    let db = database();
    let watcher = format!("watch_{}", &db.name[13..]);
    let plain = format!("plain_{}", &db.name[13..]);
    for role in [&watcher, &plain] {
        db.cluster.psql(
            "postgres",
            &format!("CREATE ROLE {role} LOGIN PASSWORD {}", literal(PASSWORD)),
        );
    }
    db.cluster
        .psql("postgres", &format!("GRANT pg_monitor TO {watcher}"));
    let url = |role: &str| {
        format!(
            "postgresql://{role}:{}@127.0.0.1:{}/{}",
            encode(PASSWORD),
            db.cluster.port,
            db.name
        )
    };
    for name in ["outliers", "blocking", "long-running", "unused-indexes"] {
        Project::new()
            .cruddur()
            .args(["--url", &url(&watcher), "inspect", name])
            .assert()
            .success()
            .stderr(predicate::str::contains("pg_read_all_stats").not());
    }
    Project::new()
        .cruddur()
        .args(["--url", &url(&plain), "inspect", "long-running"])
        .assert()
        .success()
        .stderr(predicate::str::contains(
            "is not a member of pg_read_all_stats",
        ))
        .stderr(predicate::str::contains(format!(
            "GRANT pg_monitor TO \"{plain}\""
        )));
    for role in [&watcher, &plain] {
        db.cluster
            .cleanup(&format!("DROP OWNED BY {role}; DROP ROLE {role}"));
    }
}

#[test]
fn inspect_reads_the_tls_only_production_server_without_asking() {
    let cluster = tls_cluster();
    let url = format!(
        "postgresql://postgres:{}@localhost:{}/postgres?sslmode=verify-full&sslrootcert={}",
        encode(PASSWORD),
        cluster.port,
        cluster.tls_file("ca.crt").display()
    );
    Project::new()
        .cruddur()
        .env("PROD_CONNECTION_URL", &url)
        .args(["--prod", "inspect", "invalid-indexes"])
        .assert()
        .success()
        .stderr(predicate::str::contains("invalid-indexes: 0 row(s)"));
}

#[test]
fn another_sessions_password_literal_never_reaches_the_report() {
    let db = database();
    let mut session = db.cluster.hold_session(&db.name, "inspect-secret");
    session.run("SELECT pg_sleep(60) /* ALTER ROLE app PASSWORD 'hunter2-in-flight' */;");
    db.wait_until_running("hunter2-in-flight");
    let project = Project::new();
    for json in [true, false] {
        let mut command = db.cruddur(&project);
        command.args(["inspect", "long-running", "--min", "0"]);
        if json {
            command.arg("--json");
        }
        let output = command.assert().success().get_output().clone();
        let (stdout, stderr) = output_text(&output);
        assert!(
            !stdout.contains("hunter2") && !stderr.contains("hunter2"),
            "{stdout}"
        );
        assert!(stdout.contains("PASSWORD '***'"), "{stdout}");
    }
}

#[test]
fn the_missing_fk_index_fix_never_touches_an_index_of_the_same_name_it_did_not_make() {
    let db = database();
    let project = Project::new();
    db.query(
        "CREATE TABLE parents (id int PRIMARY KEY);
         CREATE TABLE kids (id int PRIMARY KEY, parent_id int REFERENCES parents, note text);
         CREATE INDEX kids_parent_id_idx ON kids (note);",
    );
    let (_, findings) = health(&db);
    let finding = find(&findings, "missing-fk-index", "kids (parent_id)");
    let migration = finding["fix"]["migration"].as_str().unwrap();
    assert!(
        migration
            .contains("CREATE INDEX CONCURRENTLY \"kids_parent_id_idx1\" ON kids (parent_id);")
            && migration.contains("DROP INDEX CONCURRENTLY \"kids_parent_id_idx1\";")
            && !migration.contains("IF NOT EXISTS"),
        "{migration}"
    );
    apply_migration_fix(&db, &project, finding);
    let (_, after) = health(&db);
    assert!(
        !has(&after, "missing-fk-index", "kids (parent_id)"),
        "{after:#?}"
    );
    db.cruddur(&project)
        .args(["migrate", "down", "--yes"])
        .assert()
        .success();
    assert_eq!(
        db.query("SELECT pg_get_indexdef('kids_parent_id_idx'::regclass)"),
        "CREATE INDEX kids_parent_id_idx ON public.kids USING btree (note)"
    );
    assert!(!db.has_table("kids_parent_id_idx1"));
}
