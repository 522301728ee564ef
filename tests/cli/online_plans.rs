//! Plans production takes while it serves: each phased plan is applied with psql to a table
//! that holds rows while another session reads and updates single rows by key, and that
//! session never waits for the plan's scans and index builds; the migrations `migrate new
//! --diff` writes from such plans pass `migrate lint` as written and apply both ways.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::{Duration, Instant};

use crate::harness::{Project, TestDb, output_text};
use crate::schema_code::run_sql;
use crate::schema_plans::{converged, database, plan};

/// Rows of the table the plans change. Its scans are made slow by a function that sleeps
/// per row (a CHECK that calls it, an index on it), so that a lock held through one would
/// show as a wait of seconds.
const ROWS: u32 = 1500;

const BEFORE: &str = "
    CREATE FUNCTION slow(v int) RETURNS int IMMUTABLE LANGUAGE plpgsql AS
      $$ BEGIN PERFORM pg_sleep(0.001); RETURN v; END $$;
    CREATE TABLE parents (id int PRIMARY KEY);
    INSERT INTO parents SELECT generate_series(1, 10);
    CREATE TABLE items (id int, parent_id int, code int, qty int);";

const AFTER: &str = "
    CREATE FUNCTION slow(v int) RETURNS int IMMUTABLE LANGUAGE plpgsql AS
      $$ BEGIN PERFORM pg_sleep(0.001); RETURN v; END $$;
    CREATE TABLE parents (id int PRIMARY KEY);
    CREATE TABLE items (
      id int PRIMARY KEY,
      parent_id int REFERENCES parents,
      code int UNIQUE,
      qty int NOT NULL CHECK (slow(qty) > 0));
    CREATE INDEX items_slow ON items (slow(id));";

/// A session of the application: reads and updates one row by key, again and again, and
/// keeps its longest wait, until told to stop.
struct Client {
    stop: Arc<AtomicBool>,
    done: Arc<AtomicU64>,
    thread: std::thread::JoinHandle<Duration>,
}

impl Client {
    fn start(db: &TestDb) -> Client {
        let url = db.url();
        let stop = Arc::new(AtomicBool::new(false));
        let done = Arc::new(AtomicU64::new(0));
        let (halt, count) = (stop.clone(), done.clone());
        let thread = std::thread::spawn(move || {
            let runtime = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .unwrap();
            runtime.block_on(async move {
                let (client, connection) = tokio_postgres::connect(&url, tokio_postgres::NoTls)
                    .await
                    .unwrap();
                tokio::spawn(connection);
                client
                    .batch_execute("SET application_name = 'online_plans_client'")
                    .await
                    .unwrap();
                let mut longest = Duration::ZERO;
                let mut key = 0;
                while !halt.load(Ordering::SeqCst) {
                    key = key % ROWS as i32 + 1;
                    let started = Instant::now();
                    client
                        .query_one("SELECT qty FROM items WHERE id = $1", &[&key])
                        .await
                        .unwrap();
                    client
                        .execute("UPDATE items SET qty = qty + 1 WHERE id = $1", &[&key])
                        .await
                        .unwrap();
                    longest = longest.max(started.elapsed());
                    count.fetch_add(1, Ordering::SeqCst);
                }
                longest
            })
        });
        Client { stop, done, thread }
    }

    /// Once it has read and written a few rows: how many operations it has done.
    fn serving(&self) -> u64 {
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            let done = self.done.load(Ordering::SeqCst);
            if done >= 10 {
                return done;
            }
            assert!(Instant::now() < deadline, "the client never got going");
            assert!(!self.thread.is_finished(), "the client failed");
            std::thread::sleep(Duration::from_millis(10));
        }
    }

    /// Its longest wait for one read and one update, once it has stopped.
    fn stop(self) -> (Duration, u64) {
        self.stop.store(true, Ordering::SeqCst);
        let longest = self.thread.join().expect("the client failed");
        (longest, self.done.load(Ordering::SeqCst))
    }
}

#[test]
fn a_phased_plan_applies_while_the_application_reads_and_writes_without_waiting_for_its_scans() {
    let project = Project::new();
    let from = database(&format!(
        "{BEFORE} INSERT INTO items SELECT g, 1 + g % 10, g, g FROM generate_series(1, {ROWS}) g;"
    ));
    let to = database(AFTER);
    let (code, sql, summary) = plan(&from, &to, &project);
    assert_eq!(code, Some(0), "{summary}");
    for expected in [
        "CREATE UNIQUE INDEX CONCURRENTLY items_pkey ON public.items (id);",
        "ADD CONSTRAINT items_pkey PRIMARY KEY USING INDEX items_pkey;",
        "CREATE UNIQUE INDEX CONCURRENTLY items_code_key ON public.items (code);",
        "ADD CONSTRAINT items_code_key UNIQUE USING INDEX items_code_key;",
        "CREATE INDEX CONCURRENTLY items_slow ON public.items",
        "NOT VALID;\n",
        "VALIDATE CONSTRAINT items_parent_id_fkey;",
        "VALIDATE CONSTRAINT items_qty_check;",
        "ALTER COLUMN qty SET NOT NULL;",
    ] {
        assert!(sql.contains(expected), "no `{expected}` in\n{sql}");
    }
    // Nothing after the catalog phase's COMMIT runs under its locks.
    let commit = sql.find("\nCOMMIT;\n").expect("a catalog phase");
    assert!(!sql[..commit].contains("VALIDATE CONSTRAINT"), "{sql}");
    assert!(!sql[..commit].contains("CREATE UNIQUE INDEX"), "{sql}");
    assert_eq!(
        sql.matches("SET LOCAL lock_timeout = '5s';").count(),
        1,
        "{sql}"
    );
    assert_eq!(
        sql.matches("\nSET lock_timeout = '5s';").count(),
        2,
        "{sql}"
    );

    let client = Client::start(&from);
    let before = client.serving();
    let started = Instant::now();
    run_sql(&from, &sql).unwrap_or_else(|err| panic!("the plan fails: {err}\n{sql}"));
    let took = started.elapsed();
    let (longest, done) = client.stop();
    // The slow CHECK is validated and the slow index built over every row: seconds, of which
    // the application waited for none.
    assert!(took > Duration::from_secs(2), "the plan took {took:?}");
    assert!(
        done > before + 100,
        "the client did {} operations",
        done - before
    );
    assert!(
        longest < took / 4,
        "the application waited {longest:?} while the plan took {took:?}"
    );
    converged(&from, &to, &project);
}

#[test]
fn migrations_written_from_a_phased_plan_pass_lint_and_apply_both_ways_while_the_application_runs()
{
    let db = database(&format!(
        "{BEFORE} INSERT INTO items SELECT g, 1 + g % 10, g, g FROM generate_series(1, {ROWS}) g;"
    ));
    let project = Project::new();
    let schema = project.path().join("sql/schema.sql");
    std::fs::create_dir_all(schema.parent().unwrap()).unwrap();
    std::fs::write(&schema, AFTER).unwrap();
    let output = db
        .cruddur(&project)
        .args(["migrate", "new", "online", "--diff"])
        .output()
        .unwrap();
    let (paths, stderr) = output_text(&output);
    assert_eq!(output.status.code(), Some(0), "{stderr}");
    assert_eq!(paths.lines().count(), 2, "{paths}");
    let later =
        std::fs::read_to_string(project.path().join(paths.lines().nth(1).unwrap())).unwrap();
    assert!(
        later.starts_with("-- migrate:up transaction:false\n"),
        "{later}"
    );
    let lint = db
        .cruddur(&project)
        .args(["migrate", "lint"])
        .output()
        .unwrap();
    let (_, findings) = output_text(&lint);
    assert_eq!(lint.status.code(), Some(0), "{findings}");
    assert!(!findings.contains("allowed["), "{findings}");

    let client = Client::start(&db);
    client.serving();
    let started = Instant::now();
    db.cruddur(&project).arg("migrate").assert().success();
    let took = started.elapsed();
    let (longest, _) = client.stop();
    assert!(
        longest < took / 4,
        "the application waited {longest:?} while migrate took {took:?}"
    );
    // PostgreSQL 18 lists NOT NULL in pg_constraint too: only the kinds plans add count.
    let constraints = |filter: &str| {
        db.query(&format!(
            "SELECT count(*) FROM pg_constraint WHERE conrelid = 'items'::regclass AND contype IN ('p', 'u', 'f', 'c'){filter}"
        ))
    };
    assert_eq!(constraints(" AND convalidated"), "4");
    for _ in 0..2 {
        db.cruddur(&project)
            .args(["migrate", "down", "--yes"])
            .assert()
            .success();
    }
    assert_eq!(constraints(""), "0");
    assert_eq!(db.query("SELECT count(*) FROM items"), ROWS.to_string());
}
