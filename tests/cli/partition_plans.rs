//! Plans for partitions that change place keep every row: a table that becomes a partition is
//! attached (its bound proved by a validated CHECK first, its indexes adopted), a partition
//! that becomes a table is detached, moved bounds are proved before they move, and a new
//! partition takes its rows out of the DEFAULT partition. Each plan is applied with psql and
//! checked against the catalogs; each migration `migrate new --diff` writes passes lint and
//! applies both ways.

use crate::harness::{Project, output_text, schema_facts};
use crate::schema_code::run_sql;
use crate::schema_plans::{converged, database, plan};

/// A partitioned table `m` with an index, one partition for `at` in [0, 10), and `rest`.
fn with_m(rest: &str) -> String {
    format!(
        "CREATE TABLE m (id int NOT NULL, at int NOT NULL) PARTITION BY RANGE (at);
         CREATE INDEX m_at_idx ON m (at);
         CREATE TABLE m_1 PARTITION OF m FOR VALUES FROM (0) TO (10);
         {rest}"
    )
}

const STANDALONE: &str = "CREATE TABLE m_2 (id int NOT NULL, at int NOT NULL);
                          CREATE INDEX m_2_at_idx ON m_2 (at);";
const ATTACHED: &str = "CREATE TABLE m_2 PARTITION OF m FOR VALUES FROM (10) TO (20);";

/// Rows for m_1 and m_2, inserted into each table on its own.
const ROWS: &str = "INSERT INTO m_1 VALUES (1, 5); INSERT INTO m_2 VALUES (2, 15), (3, 16);";

/// `diff` from `before` (holding `ROWS`) to `after`: the plan drops nothing, applies, keeps
/// every row, and leaves the database as `after` is.
fn applies_keeping_rows(before: &str, after: &str) -> String {
    let project = Project::new();
    let from = database(&format!("{before} {ROWS}"));
    let to = database(after);
    let (code, sql, summary) = plan(&from, &to, &project);
    assert_eq!(code, Some(0), "{summary}");
    assert!(!sql.contains("DROP TABLE"), "{sql}");
    assert!(!sql.contains("DATA LOSS"), "{sql}");
    run_sql(&from, &sql).unwrap_or_else(|err| panic!("the plan fails: {err}\n{sql}"));
    assert_eq!(
        from.query("SELECT count(*) FROM m_1") + &from.query("SELECT count(*) FROM m_2"),
        "12"
    );
    assert_eq!(schema_facts(&from), schema_facts(&to), "{sql}");
    converged(&from, &to, &project);
    sql
}

#[test]
fn a_table_that_becomes_a_partition_is_attached_with_its_rows_once_a_check_proves_its_bound() {
    let sql = applies_keeping_rows(&with_m(STANDALONE), &with_m(ATTACHED));
    let at = |what: &str| {
        sql.find(what)
            .unwrap_or_else(|| panic!("no {what} in\n{sql}"))
    };
    // Proved while the table serves, so that ATTACH reads no row under its lock.
    assert!(
        at("NOT VALID;") < at("VALIDATE CONSTRAINT")
            && at("VALIDATE CONSTRAINT")
                < at("ATTACH PARTITION public.m_2 FOR VALUES FROM (10) TO (20);"),
        "{sql}"
    );
    // The table's own index is the partition's copy of the parent's: adopted, not rebuilt.
    assert!(!sql.contains("m_2_at_idx"), "{sql}");
}

#[test]
fn a_partition_that_becomes_a_table_is_detached_with_its_rows_and_keeps_its_index() {
    let sql = applies_keeping_rows(&with_m(ATTACHED), &with_m(STANDALONE));
    assert!(
        sql.contains("ALTER TABLE public.m DETACH PARTITION public.m_2"),
        "{sql}"
    );
    assert!(!sql.contains("CREATE INDEX"), "{sql}");
}

#[test]
fn migrations_that_attach_and_detach_a_partition_pass_lint_and_apply_both_ways() {
    let db = database(&format!("{} {ROWS}", with_m(STANDALONE)));
    let project = Project::new();
    project.write("sql/schema.sql", &with_m(ATTACHED));
    let output = db
        .cruddur(&project)
        .args(["migrate", "new", "attach", "--diff"])
        .output()
        .unwrap();
    let (paths, stderr) = output_text(&output);
    assert_eq!(output.status.code(), Some(0), "{stderr}");
    let lint = db
        .cruddur(&project)
        .args(["migrate", "lint"])
        .output()
        .unwrap();
    let (findings, summary) = output_text(&lint);
    assert_eq!(lint.status.code(), Some(0), "{findings}{summary}");
    db.cruddur(&project).arg("migrate").assert().success();
    let attached = "SELECT count(*) FROM pg_inherits WHERE inhrelid = 'm_2'::regclass";
    assert_eq!(db.query(attached), "1");
    assert_eq!(db.query("SELECT count(*) FROM m"), "3");
    for _ in paths.lines() {
        db.cruddur(&project)
            .args(["migrate", "down", "--yes"])
            .assert()
            .success();
    }
    assert_eq!(db.query(attached), "0");
    assert_eq!(db.query("SELECT count(*) FROM m_2"), "2");
}

#[test]
fn a_bound_that_would_leave_rows_out_says_how_to_count_them_and_the_plan_stops_before_it_moves() {
    let project = Project::new();
    let from = database(&format!("{} {ROWS}", with_m(ATTACHED)));
    // 15 and 16 would now belong to no partition.
    let to = database(&with_m(
        "CREATE TABLE m_2 PARTITION OF m FOR VALUES FROM (10) TO (15);",
    ));
    let (code, sql, summary) = plan(&from, &to, &project);
    assert_eq!(code, Some(0), "{summary}");
    let hazard = sql
        .lines()
        .find(|l| l.starts_with("-- HAZARD rows_move:"))
        .unwrap_or_else(|| panic!("no rows_move hazard in\n{sql}"));
    let count = &hazard[hazard.find("SELECT count(*)").unwrap()..];
    let count = &count[..=count.find(';').unwrap()];
    assert_eq!(from.query(count), "2", "{count}");
    let facts = schema_facts(&from);
    let err = run_sql(&from, &sql).unwrap_err();
    assert!(err.contains("is violated by some row"), "{err}");
    // Nothing moved: the helper check is all that is left, and the next plan drops it.
    assert_eq!(from.query("SELECT count(*) FROM m"), "3");
    assert!(schema_facts(&from).contains("m_2_bound_cdb_check"));
    assert_eq!(
        from.query("SELECT pg_get_expr(relpartbound, oid) FROM pg_class WHERE relname = 'm_2'"),
        "FOR VALUES FROM (10) TO (20)"
    );
    from.query("ALTER TABLE m_2 DROP CONSTRAINT m_2_bound_cdb_check");
    assert_eq!(schema_facts(&from), facts);
}

#[test]
fn a_new_partition_takes_its_rows_out_of_the_default_partition_under_a_hazard_line() {
    let project = Project::new();
    let from = database(&with_m(
        "CREATE TABLE m_rest PARTITION OF m DEFAULT;
         INSERT INTO m VALUES (1, 5), (2, 15), (3, 16), (4, 99);",
    ));
    let to = database(&with_m(&format!(
        "CREATE TABLE m_rest PARTITION OF m DEFAULT; {ATTACHED}"
    )));
    let (code, sql, summary) = plan(&from, &to, &project);
    assert_eq!(code, Some(0), "{summary}");
    assert!(sql.contains("-- HAZARD rows_move:"), "{sql}");
    run_sql(&from, &sql).unwrap_or_else(|err| panic!("the plan fails: {err}\n{sql}"));
    assert_eq!(
        from.query("SELECT string_agg(id::text, ',' ORDER BY id) FROM m_2"),
        "2,3"
    );
    assert_eq!(
        from.query("SELECT string_agg(id::text, ',' ORDER BY id) FROM m_rest"),
        "4"
    );
    assert_eq!(schema_facts(&from), schema_facts(&to), "{sql}");
    converged(&from, &to, &project);
}

#[test]
fn neighbouring_bounds_are_proved_while_they_serve_then_all_detached_before_any_is_attached() {
    let project = Project::new();
    let shape = |split: u32| {
        format!(
            "CREATE TABLE m (id int NOT NULL, at int NOT NULL) PARTITION BY RANGE (at);
             CREATE TABLE m_1 PARTITION OF m FOR VALUES FROM (0) TO ({split});
             CREATE TABLE m_2 PARTITION OF m FOR VALUES FROM ({split}) TO (30);"
        )
    };
    for (before, after) in [(10, 20), (20, 10)] {
        let from = database(&format!(
            "{} INSERT INTO m VALUES (1, 5), (2, 25);",
            shape(before)
        ));
        let to = database(&shape(after));
        let (code, sql, summary) = plan(&from, &to, &project);
        assert_eq!(code, Some(0), "{summary}");
        let last_validate = sql.rfind("VALIDATE CONSTRAINT").unwrap();
        let first_detach = sql.find("DETACH PARTITION").unwrap();
        let last_detach = sql.rfind("DETACH PARTITION").unwrap();
        let first_attach = sql.find("ATTACH PARTITION").unwrap();
        assert!(last_validate < first_detach, "{sql}");
        assert!(last_detach < first_attach, "{sql}");
        // The bounds move in one transaction: nobody sees a partition missing.
        assert!(!sql[first_detach..first_attach].contains("COMMIT"), "{sql}");
        run_sql(&from, &sql).unwrap_or_else(|err| panic!("the plan fails: {err}\n{sql}"));
        assert_eq!(from.query("SELECT count(*) FROM m"), "2");
        assert_eq!(schema_facts(&from), schema_facts(&to), "{sql}");
        converged(&from, &to, &project);
    }
}
