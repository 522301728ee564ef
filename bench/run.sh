#!/usr/bin/env bash
# Benchmarks, all on one throwaway PostgreSQL server in one run, printing times and ratios:
#   1. a seed of 100,000 single-row INSERTs: cruddur-db vs `psql -1 -f` vs the floor (the whole
#      file as one simple query, bench/floor.rs)
#   2. a pg_dump-style file with 1,000,000 COPY rows: cruddur-db vs `psql -1 -f`
#   3. peak memory loading a 1 GiB file (COPY data): cruddur-db (and psql, for reference)
#   4. `setup` end to end (reset in place) vs the old `bin/db-setup` bash script from
#      ../shared/legacy and vs `setup --aside`, interleaved
#   5. `setup` with the template cache vs `setup --aside --no-template`, interleaved: a generated
#      seed of 300,000 COPY rows (~30 MB), and the tiny default Cruddur files; on the big seed,
#      `setup` vs the template path (`--aside`) and vs resetting in place (`--no-template`)
#   6. `snapshot restore` of that seed's database vs `setup --aside --no-template` of its files
#   7. peak memory with 2,000,000 statements on one line (58 MB), vs one statement per line
#   8. every `inspect` report, and the health summary, on 1,000 tables with 3,000 indexes
#   9. `dump` vs `pg_dump -s`, and `diff`, on 300 tables, ~1,000 indexes and 200 functions
#  10. `check` of 200 query files against that schema's files: the first run (scratch build),
#      and the next ones (the files' template cloned)
#  11. real-world SQL files in the shapes projects load (bench/real_files.py: pg_dump output,
#      seeds, multi-row INSERTs, functions, Rails and Prisma schemas, CRLF, a BOM; and the
#      corpus's schema files), each by psql -1 -f and by schema-load: the ratio per file, the
#      median and the worst, beside the floor (psql's statements alone, by \timing)
#  12. online plans on a 1,000,000-row table: for a CHECK, a FOREIGN KEY, NOT NULL, UNIQUE, a
#      PRIMARY KEY and an index, the plan `diff` writes and the single-transaction script a
#      naive tool would run, each applied with psql while pgbench reads and updates single
#      rows by key: the plan's duration beside the client's longest wait
#  13. `erd --from db` (goal: under 1 s) and `docs --from db` (goal: under 3 s) on 1,000 tables
#      in chains of related tables, and how many Mermaid blocks erd splits them into
#  14. `copy` of every row of 4,000 users, 200,000 activities and 40,000 likes, masking on, vs
#      `pg_dump --data-only | psql` of the same tables into the same schema (goal: at most
#      1.0x); and copy's peak memory at 100,000 and 1,000,000 rows (goal: flat)
# Usage: bench/run.sh [--quick]   (--quick: 10x smaller inputs, no 1 GiB file)
#        BENCH_STEPS="1 4" bench/run.sh   runs only those parts; BENCH_RUNS=5 for best of 5
# Needs: cargo, psql, initdb/pg_ctl (CRUDDUR_TEST_PG_BINDIR or the system's), python3.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
scale=1
[ "${1:-}" = "--quick" ] && scale=10
runs=${BENCH_RUNS:-3}
legacy=${CRUDDUR_LEGACY_DIR:-$root/../shared/legacy}

cargo build --release --quiet --bin cruddur-db --example floor
bin=$root/target/release/cruddur-db
floor=$root/target/release/examples/floor

# --- a throwaway server (trust auth, free port), removed on exit ---------------------------
# fsync=off: flush latency is the same for every tool measured and, on shared machines, noisy
# enough (CREATE DATABASE swung from 25 to 250 ms here) to drown the differences measured.
bindir=${CRUDDUR_TEST_PG_BINDIR:-$(pg_config --bindir 2>/dev/null || ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)}
work=$(mktemp -d /tmp/cruddur-bench.XXXXXX)
chmod 755 "$work"
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
mkdir "$work/data"
[ "$(id -u)" = 0 ] && chown postgres "$work/data"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
cleanup() {
  as_pg "$bindir/pg_ctl" -D "$work/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT
as_pg "$bindir/initdb" -D "$work/data" -A trust -U postgres -E UTF8 --no-sync >/dev/null
as_pg "$bindir/pg_ctl" -D "$work/data" -l "$work/data/log" -w \
  -o "-p $port -k $work/data -c listen_addresses=127.0.0.1 -c fsync=off" start >/dev/null
server="postgresql://postgres@127.0.0.1:$port"
version=$(psql -X -At "$server/postgres" -c 'show server_version')

# --- helpers --------------------------------------------------------------------------------
reset_db() { psql -X -q "$server/postgres" -c "DROP DATABASE IF EXISTS $1" -c "CREATE DATABASE $1" 2>/dev/null; }
# best_of NAME DB COMMAND...: reset DB before each run; print the best wall time in seconds.
best_of() {
  local name=$1 db=$2; shift 2
  local best=""
  for _ in $(seq "$runs"); do
    reset_db "$db"
    local start end
    start=$(date +%s.%N)
    "$@" >/dev/null 2>"$work/stderr" || { echo "$name failed:" >&2; cat "$work/stderr" >&2; exit 1; }
    end=$(date +%s.%N)
    best=$(python3 -c "t=$end-$start; b='$best'; print(t if not b or t < float(b) else b)")
  done
  printf '  %-34s %8.3f s\n' "$name" "$best" >&2
  echo "$best"
}
want() { [[ " ${BENCH_STEPS:-1 2 3 4 5 6 7 8 9 10 11 12 13 14} " == *" $1 "* ]]; }
# interleaved NAME_A NAME_B CMD_A CMD_B: run A then B, $runs times; print "best_a best_b".
interleaved() {
  local name_a=$1 name_b=$2 cmd_a=$3 cmd_b=$4 best_a="" best_b=""
  for _ in $(seq "$runs"); do
    for which in a b; do
      local cmd=$cmd_a; [ "$which" = b ] && cmd=$cmd_b
      local start end
      start=$(date +%s.%N)
      $cmd >/dev/null 2>"$work/stderr" || { echo "$cmd failed:" >&2; cat "$work/stderr" >&2; exit 1; }
      end=$(date +%s.%N)
      if [ "$which" = a ]; then
        best_a=$(python3 -c "t=$end-$start; b='$best_a'; print(t if not b or t < float(b) else b)")
      else
        best_b=$(python3 -c "t=$end-$start; b='$best_b'; print(t if not b or t < float(b) else b)")
      fi
    done
  done
  printf '  %-34s %8.3f s\n  %-34s %8.3f s\n' "$name_a" "$best_a" "$name_b" "$best_b" >&2
  echo "$best_a $best_b"
}
ratio() { python3 -c "print(f'{$1/$2:.2f}')"; }
peak_mib() { # COMMAND...: peak RSS in MiB
  /usr/bin/time -f %M -o "$work/rss" "$@" >/dev/null 2>"$work/stderr" || { cat "$work/stderr" >&2; exit 1; }
  python3 -c "print(f'{$(cat "$work/rss")/1024:.1f}')"
}

echo "cruddur-db benchmarks: PostgreSQL $version on 127.0.0.1, $(nproc) CPUs ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), best of $runs" >&2

# --- 1. 100,000 single-row INSERTs ----------------------------------------------------------
if want 1; then
inserts=$((100000 / scale))
python3 - "$work/inserts.sql" "$inserts" <<'PY'
import sys
path, n = sys.argv[1], int(sys.argv[2])
with open(path, "w") as f:
    f.write("CREATE TABLE activities (id int PRIMARY KEY, handle text, message text, created_at timestamptz);\n")
    for i in range(n):
        f.write(f"INSERT INTO activities VALUES ({i}, 'user{i % 500}', 'This was imported as seed data! #{i}', now() - interval '{i % 90} days');\n")
PY
echo "1. seed of $inserts single-row INSERTs ($(du -h "$work/inserts.sql" | cut -f1))" >&2
t_psql=$(best_of "psql -1 -f" bench psql -X -q -1 -v ON_ERROR_STOP=1 -f "$work/inserts.sql" "$server/bench")
t_ours=$(best_of "cruddur-db seed" bench "$bin" --url "$server/bench" seed "$work/inserts.sql")
t_floor=$(best_of "floor (one simple query)" bench "$floor" "$server/bench" "$work/inserts.sql")
echo "   cruddur-db is $(ratio "$t_psql" "$t_ours")x faster than psql -1 -f (goal >= 5); $(ratio "$t_ours" "$t_floor")x the floor (goal <= 1.3)" >&2
fi

# --- 2. 1,000,000 COPY rows -----------------------------------------------------------------
if want 2; then
rows=$((1000000 / scale))
python3 - "$work/dump.sql" "$rows" <<'PY'
import sys
path, n = sys.argv[1], int(sys.argv[2])
with open(path, "w") as f:
    f.write("SET client_encoding = 'UTF8';\nCREATE TABLE public.activities (uuid text, user_uuid text, message text, created_at timestamptz);\n")
    f.write("COPY public.activities (uuid, user_uuid, message, created_at) FROM stdin;\n")
    for i in range(n):
        f.write(f"{i:08x}-aaaa-bbbb-cccc-{i:012x}\tuser-{i % 1000}\tcrud number {i}\\twith tab\t2023-03-{i % 28 + 1:02d} 10:00:00+00\n")
    f.write("\\.\n")
PY
echo "2. pg_dump-style file with $rows COPY rows ($(du -h "$work/dump.sql" | cut -f1))" >&2
c_psql=$(best_of "psql -1 -f" bench psql -X -q -1 -v ON_ERROR_STOP=1 -f "$work/dump.sql" "$server/bench")
c_ours=$(best_of "cruddur-db schema-load" bench "$bin" --url "$server/bench" schema-load "$work/dump.sql")
echo "   cruddur-db takes $(ratio "$c_ours" "$c_psql")x psql's time (goal <= 1.0)" >&2
fi

# --- 3. peak memory on a 1 GiB file ---------------------------------------------------------
if [ "$scale" = 1 ] && want 3; then
  python3 - "$work/big.sql" <<'PY'
import sys
row = "x" * 100
with open(sys.argv[1], "w") as f:
    f.write("CREATE TABLE big (n int, payload text);\nCOPY big (n, payload) FROM stdin;\n")
    n, size = 0, 0
    while size < 1 << 30:
        line = f"{n}\t{row}\n"
        f.write(line)
        size += len(line)
        n += 1
    f.write("\\.\n")
PY
  echo "3. peak memory loading a $(du -h "$work/big.sql" | cut -f1) file" >&2
  reset_db bench
  m_ours=$(peak_mib "$bin" --url "$server/bench" schema-load "$work/big.sql")
  reset_db bench
  m_psql=$(peak_mib psql -X -q -1 -v ON_ERROR_STOP=1 -f "$work/big.sql" "$server/bench")
  printf '  %-34s %8s MiB (goal < 64)\n  %-34s %8s MiB\n' "cruddur-db schema-load" "$m_ours" "psql -1 -f" "$m_psql" >&2
  rm -f "$work/big.sql"
  # Leave no gigabyte of dirty pages behind to slow the next part's fsyncs.
  psql -X -q "$server/postgres" -c "DROP DATABASE bench" -c "CHECKPOINT"
fi

# --- 4. setup end to end vs the old bash scripts ----------------------------------------------
if ! want 4; then
  :
elif [ -x "$legacy/bin/db-setup" ]; then
  echo "4. setup end to end on the legacy db/ files, interleaved: the old bin/db-setup, setup (which" >&2
  echo "   resets the existing database in place, in one transaction) and setup --aside" >&2
  cp -r "$legacy" "$work/legacy"
  legacy_setup() { (cd "$work/legacy" && CONNECTION_URL="$server/cruddur" bash bin/db-setup); }
  ours_setup() { "$bin" --url "$server/cruddur" --sql-dir "$work/legacy/db" setup; }
  ours_aside() { "$bin" --url "$server/cruddur" --sql-dir "$work/legacy/db" setup --aside; }
  reset_db cruddur  # bin/db-setup starts by dropping it
  saved_runs=$runs
  runs=$((runs * 4))  # each run is short and fsync-bound: more runs, steadier best
  read -r s_old s_ours < <(interleaved "old bin/db-setup" "cruddur-db setup (in place)" legacy_setup ours_setup)
  echo "   setup: $(ratio "$s_ours" "$s_old")x the time of bin/db-setup (goal <= 0.33)" >&2
  read -r s_ours s_aside < <(interleaved "cruddur-db setup (in place)" "cruddur-db setup --aside" ours_setup ours_aside)
  echo "   setup: $(ratio "$s_ours" "$s_aside")x the time of setup --aside (goal <= 0.5)" >&2
  runs=$saved_runs
else
  echo "4. skipped: no legacy scripts at $legacy (set CRUDDUR_LEGACY_DIR)" >&2
fi

# A generated seed of 300,000 COPY rows (~30 MB) in $work/big-seed/sql, for parts 5 and 6.
make_big_seed() {
  [ -f "$work/big-seed/sql/seed.sql" ] && return
  local rows=$((300000 / scale))
  mkdir -p "$work/big-seed/sql"
  echo "CREATE TABLE IF NOT EXISTS posts (id int PRIMARY KEY, handle text, message text, created_at timestamptz);" > "$work/big-seed/sql/schema.sql"
  python3 - "$work/big-seed/sql/seed.sql" "$rows" <<'PY'
import sys
path, n = sys.argv[1], int(sys.argv[2])
with open(path, "w") as f:
    f.write("COPY posts (id, handle, message, created_at) FROM stdin;\n")
    for i in range(n):
        f.write(f"{i}\tuser{i % 500}\tThis was imported as seed data, message number {i}, padded out a bit more\t2023-03-{i % 28 + 1:02d} 10:00:00+00\n")
    f.write("\\.\n")
PY
}
# Built aside without the cache: what every setup cost before the cache and the reset in place.
big_plain() { "$bin" --url "$server/plain" --sql-dir "$work/big-seed/sql" setup --aside --no-template; }

# --- 5. the template cache ------------------------------------------------------------------
if want 5; then
  make_big_seed
  echo "5. setup with the template cache vs --no-template, interleaved" >&2
  echo "   a generated seed of $((300000 / scale)) COPY rows ($(du -h "$work/big-seed/sql/seed.sql" | cut -f1))" >&2
  big_cached() { "$bin" --url "$server/cached" --sql-dir "$work/big-seed/sql" setup; }
  big_cached >/dev/null 2>&1  # the first run loads and keeps the template
  read -r t_cached t_plain < <(interleaved "setup (cache hit)" "setup --no-template" big_cached big_plain)
  echo "   with the cache: $(ratio "$t_cached" "$t_plain")x the time of --aside --no-template (goal <= 0.45)" >&2
  # setup picks the cache for big files over resetting in place: it must not be slower than
  # the template path it would be without the reset in place, nor than the reset itself.
  big_aside() { "$bin" --url "$server/cached" --sql-dir "$work/big-seed/sql" setup --aside; }
  big_in_place() { "$bin" --url "$server/in_place" --sql-dir "$work/big-seed/sql" setup --no-template; }
  big_in_place >/dev/null 2>&1  # the database exists from here on: the next runs reset it in place
  read -r t_default t_aside < <(interleaved "setup (default)" "setup --aside (cache hit)" big_cached big_aside)
  echo "   setup: $(ratio "$t_default" "$t_aside")x the time of the template path (goal <= 1.0, noise aside)" >&2
  read -r t_default t_in_place < <(interleaved "setup (default)" "setup --no-template (in place)" big_cached big_in_place)
  echo "   setup: $(ratio "$t_default" "$t_in_place")x the time of resetting in place (goal <= 1.0)" >&2
  echo "   the tiny default Cruddur files" >&2
  tiny_cached() { "$bin" --url "$server/tiny_cached" --sql-dir "$root/sql" setup; }
  tiny_plain() { "$bin" --url "$server/tiny_plain" --sql-dir "$root/sql" setup --aside --no-template; }
  saved_runs=$runs
  runs=$((runs * 4))
  read -r t_tiny_cached t_tiny_plain < <(interleaved "setup (cache auto)" "setup --aside --no-template" tiny_cached tiny_plain)
  echo "   with the cache: $(ratio "$t_tiny_cached" "$t_tiny_plain")x the time of --aside --no-template (goal <= 1.10)" >&2
  runs=$saved_runs
fi

# --- 6. snapshots ---------------------------------------------------------------------------
if want 6; then
  make_big_seed
  echo "6. snapshot restore vs setup --no-template of the same files, interleaved" >&2
  "$bin" --url "$server/snapped" --sql-dir "$work/big-seed/sql" setup --no-template >/dev/null 2>&1
  "$bin" --url "$server/snapped" snapshot save bench >/dev/null 2>&1
  restore() { "$bin" --url "$server/snapped" snapshot restore bench; }
  read -r t_restore t_plain < <(interleaved "snapshot restore" "setup --aside --no-template" restore big_plain)
  echo "   restore: $(ratio "$t_restore" "$t_plain")x the time of setup --aside --no-template (goal <= 0.4)" >&2
fi

# --- 7. many statements on one line ---------------------------------------------------------
if want 7; then
  statements=$((2000000 / scale))
  python3 - "$work/one-line.sql" "$work/many-lines.sql" "$statements" <<'PY'
import sys
one, many, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
head = "CREATE TABLE t (n int);\n"
body = [f"INSERT INTO t VALUES ({i});" for i in range(n)]
with open(one, "w") as f:
    f.write(head + "".join(body) + "\n")
with open(many, "w") as f:
    f.write(head + "\n".join(body) + "\n")
PY
  echo "7. peak memory, $statements INSERTs on one line ($(du -h "$work/one-line.sql" | cut -f1)) vs one per line" >&2
  reset_db lines
  m_one=$(peak_mib "$bin" --url "$server/lines" schema-load "$work/one-line.sql")
  reset_db lines
  m_many=$(peak_mib "$bin" --url "$server/lines" schema-load "$work/many-lines.sql")
  reset_db lines
  m_psql=$(peak_mib psql -X -q -1 -v ON_ERROR_STOP=1 -f "$work/one-line.sql" "$server/lines")
  printf '  %-34s %8s MiB\n  %-34s %8s MiB\n  %-34s %8s MiB (for reference)\n' \
    "cruddur-db, one line" "$m_one" "cruddur-db, one per line" "$m_many" "psql -1 -f, one line" "$m_psql" >&2
  echo "   one line takes $(ratio "$m_one" "$m_many")x the memory of one per line (goal: the line itself, ~58 MB, more)" >&2
  rm -f "$work/one-line.sql" "$work/many-lines.sql"
fi

# --- 8. inspect on many tables --------------------------------------------------------------
if want 8; then
  tables=$((1000 / scale))
  reset_db many
  python3 - "$tables" > "$work/many.sql" <<'PY'
import sys
n = int(sys.argv[1])
for i in range(n):
    print(f"CREATE TABLE t{i} (id int PRIMARY KEY, a int, b text, c int REFERENCES t{max(i - 1, 0)} (id));")
    print(f"CREATE INDEX t{i}_a ON t{i} (a); CREATE INDEX t{i}_b ON t{i} (b);")
    print(f"INSERT INTO t{i} SELECT g, g, 'x' || g, NULL FROM generate_series(1, 20) g;")
print("ANALYZE;")
PY
  "$bin" --url "$server/many" schema-load "$work/many.sql" >/dev/null 2>&1
  echo "8. inspect on $tables tables and $((tables * 3)) indexes (goal: each report under 1 s)" >&2
  slowest=0
  for report in long-running blocking locks table-sizes records seq-scans cache-hit bloat vacuum-stats \
      unvacuumed-xid index-usage unused-indexes duplicate-indexes invalid-indexes missing-fk-indexes \
      connections db-stats replication-slots settings extensions ""; do
    start=$(date +%s.%N)
    "$bin" --url "$server/many" inspect $report --limit 1000 >/dev/null 2>&1 || [ -z "$report" ]
    end=$(date +%s.%N)
    took=$(python3 -c "print(f'{$end-$start:.3f}')")
    printf '  %-34s %8s s\n' "inspect ${report:-(health summary)}" "$took" >&2
    slowest=$(python3 -c "print(max($slowest, $took))")
  done
  echo "   slowest: $slowest s (goal < 1)" >&2
fi

# --- the big schema of parts 9 and 10 -----------------------------------------------------
# Version A of a schema, and B: a later one with columns added, retyped and dropped, indexes
# and functions changed, an enum value added (what a few months of migrations do).
cat > "$work/schema.py" <<'PY'
import sys
n, f, b = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3] == "B"
print("CREATE TYPE mood AS ENUM ('happy', 'sad'" + (", 'meh'" if b else "") + ");")
for i in range(n):
    ref = f", parent_id bigint REFERENCES t{i - 1} (id)" if i else ""
    extra = ", note text" if b and i % 10 == 0 else ""
    size = "varchar(80)" if b and i % 7 == 0 else "varchar(40)"
    gone = "" if b and i % 13 == 0 else ", legacy boolean"
    print(f"CREATE TABLE t{i} (id bigserial PRIMARY KEY, name {size} NOT NULL, mood mood DEFAULT 'happy', "
          f"created_at timestamptz DEFAULT now(), score int CHECK (score >= 0){ref}{gone}{extra});")
    print(f"CREATE INDEX t{i}_name ON t{i} (lower(name));")
    if i:
        where = " WHERE parent_id IS NOT NULL" if b and i % 5 == 0 else ""
        print(f"CREATE INDEX t{i}_parent ON t{i} (parent_id){where};")
    print(f"CREATE UNIQUE INDEX t{i}_name_mood ON t{i} (name, mood) INCLUDE (score);")
    print(f"COMMENT ON TABLE t{i} IS 'table {i}';")
for i in range(f):
    body = "v * 3" if b and i % 4 == 0 else "v * 2"
    print(f"CREATE FUNCTION f{i}(v int) RETURNS int LANGUAGE sql IMMUTABLE AS $$ SELECT {body} $$;")
for i in range(0, n, 10):
    print(f"CREATE VIEW v{i} AS SELECT id, name, f{i % f}(score) AS s FROM t{i};")
PY

# --- 9. dump and diff on a big schema ---------------------------------------------------------
if want 9; then
  tables=$((300 / scale)); functions=$((200 / scale))
  for version in A B; do
    python3 "$work/schema.py" "$tables" "$functions" "$version" > "$work/schema_$version.sql"
    db=$(echo "big_$version" | tr A-Z a-z)
    reset_db "$db"
    psql -X -q -v ON_ERROR_STOP=1 -f "$work/schema_$version.sql" "$server/$db" >/dev/null
  done
  indexes=$(psql -X -At "$server/big_a" -c "SELECT count(*) FROM pg_indexes WHERE schemaname = 'public'")
  echo "9. dump and diff on $tables tables, $indexes indexes, $functions functions, interleaved" >&2
  dump_ours() { "$bin" --url "$server/big_a" dump "$work/dumped.sql"; }
  dump_pg() { pg_dump -s -f "$work/pg_dumped.sql" "$server/big_a"; }
  read -r t_dump t_pg_dump < <(interleaved "cruddur-db dump" "pg_dump -s" dump_ours dump_pg)
  echo "   dump: $t_dump s (goal < 1), $(ratio "$t_dump" "$t_pg_dump")x the time of pg_dump -s (goal < 0.5)" >&2
  diff_ab() { "$bin" --url "$server/big_a" diff --to "url:$server/big_b" > "$work/plan.sql"; }
  best=""
  for _ in $(seq "$runs"); do
    start=$(date +%s.%N); diff_ab 2>/dev/null; end=$(date +%s.%N)
    best=$(python3 -c "t=$end-$start; b='$best'; print(t if not b or t < float(b) else b)")
  done
  printf '  %-34s %8.3f s (%s statements)\n' "cruddur-db diff A -> B" "$best" "$(grep -c ';$' "$work/plan.sql")" >&2
  echo "   diff: $best s (goal < 1)" >&2
  # The plan must do what it says: applied to A, A has B's schema.
  psql -X -q -v ON_ERROR_STOP=1 -f "$work/plan.sql" "$server/big_a" >/dev/null
  "$bin" --url "$server/big_a" diff --to "url:$server/big_b" --exit-code >/dev/null 2>&1 \
    && echo "   the plan applied to A leaves it with B's schema" >&2 \
    || { echo "   the plan applied to A does NOT leave it with B's schema" >&2; exit 1; }
fi

# --- 10. check on many query files -------------------------------------------------------------
if want 10; then
  tables=$((300 / scale)); functions=$((200 / scale)); files=$((200 / scale))
  project="$work/check-project"
  mkdir -p "$project/sql" "$project/backend-flask/db/sql"
  python3 "$work/schema.py" "$tables" "$functions" A > "$project/sql/schema.sql"
  python3 - "$project/backend-flask/db/sql" "$tables" "$files" <<'PY'
import sys
folder, tables, files = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
for i in range(files):
    t = i % tables
    with open(f"{folder}/query_{i:03}.sql", "w") as out:
        out.write(f"SELECT t{t}.id, t{t}.name, t{t}.mood, t{t}.created_at\nFROM public.t{t}\n"
                  f"WHERE t{t}.name = %(name)s AND t{t}.score > %(score)s\nORDER BY t{t}.created_at DESC\n")
PY
  echo "10. check of $files query files against $tables tables' schema.sql, built into a scratch database" >&2
  check() { (cd "$project" && CONNECTION_URL="$server/bench_check" "$bin" -q check >/dev/null); }
  start=$(date +%s.%N); check; end=$(date +%s.%N)
  printf '  %-34s %8.3f s\n' "first check (builds the files)" "$(python3 -c "print($end-$start)")" >&2
  best=$(best_of "check, the files' template warm" bench_check_unused check)
  echo "   check: $best s with the template warm (goal < 2)" >&2
fi

# --- 11. real-world SQL files, file by file ----------------------------------------------------
if want 11; then
  mkdir -p "$work/real"
  python3 "$root/bench/real_files.py" "$work/real" "$scale"
  # The Cruddur developers' own schema files, as they are.
  if [ -d "$root/../shared/corpus" ]; then
    find "$root/../shared/corpus" -name schema.sql | sort | while read -r file; do
      owner=$(echo "${file#"$root/../shared/corpus/"}" | cut -d/ -f1 | tr '@' '-')
      cp "$file" "$work/real/small-corpus-$owner.sql"
    done
  fi
  echo "11. real-world SQL files: psql -1 -f vs cruddur-db schema-load, each on a fresh database," >&2
  echo "    interleaved (best of $((runs * 3)) for files under 100 kB, $runs above)" >&2
  ratios=()
  for file in "$work"/real/*.sql; do
    name=$(basename "$file" .sql)
    size=$(stat -c %s "$file")
    n=$runs; [ "$size" -lt 100000 ] && n=$((runs * 3))
    best_p="" best_o=""
    for _ in $(seq "$n"); do
      reset_db bench_real
      start=$(date +%s.%N)
      psql -X -q -1 -v ON_ERROR_STOP=1 -f "$file" "$server/bench_real" >/dev/null 2>"$work/stderr" || { echo "psql failed on $name:" >&2; cat "$work/stderr" >&2; exit 1; }
      end=$(date +%s.%N)
      best_p=$(python3 -c "t=$end-$start; b='$best_p'; print(t if not b or t < float(b) else b)")
      reset_db bench_real
      start=$(date +%s.%N)
      "$bin" --url "$server/bench_real" -q schema-load "$file" >/dev/null 2>"$work/stderr" || { echo "cruddur-db failed on $name:" >&2; cat "$work/stderr" >&2; exit 1; }
      end=$(date +%s.%N)
      best_o=$(python3 -c "t=$end-$start; b='$best_o'; print(t if not b or t < float(b) else b)")
    done
    # The floor no client goes under: the time psql's statements took from sent to answered
    # (\timing, summed), the server's work plus a round trip each.
    reset_db bench_real
    statements=$(psql -X -q -1 -v ON_ERROR_STOP=1 -c '\timing on' -f "$file" "$server/bench_real" 2>/dev/null |
      awk '/^Time: / { ms += $2 } END { printf "%.3f", ms / 1000 }')
    r=$(ratio "$best_o" "$best_p")
    ratios+=("$r")
    printf '  %-30s %5s  psql %7.3f s  its statements %7.3f s  cruddur-db %7.3f s  ratio %s\n' \
      "${name:0:30}" "$(numfmt --to=iec "$size")" "$best_p" "$statements" "$best_o" "$r" >&2
  done
  python3 - "${ratios[@]}" <<'PY' >&2
import statistics, sys
r = [float(x) for x in sys.argv[1:]]
print(f"   median ratio {statistics.median(r):.2f} (goal <= 0.5), worst {max(r):.2f} (goal <= 1.0)")
PY
fi

# --- 12. online plans vs a naive single transaction, under a client ------------------------
if want 12; then
  rows=$((1000000 / scale))
  echo "== 12. plans applied while pgbench reads and updates by key ($rows rows; seconds)" >&2
  base="CREATE TABLE parents (id int PRIMARY KEY); INSERT INTO parents SELECT generate_series(1, 100);"
  table="CREATE TABLE items (id int, parent_id int, code int, qty int);"
  fill="INSERT INTO items SELECT g, 1 + g % 100, g, g FROM generate_series(1, $rows) g;"
  cat > "$work/client.sql" <<SQL
\set key random(1, $rows)
SELECT qty FROM items WHERE id = :key;
UPDATE items SET qty = qty + 1 WHERE id = :key;
SQL
  # kind | what the table gains | the naive single-transaction statement
  while IFS='|' read -r kind after naive; do
    for way in plan naive; do
      reset_db bench_online
      reset_db bench_target
      psql -X -q "$server/bench_online" -c "$base $table $fill" -c "VACUUM ANALYZE items" >/dev/null
      psql -X -q "$server/bench_target" -c "$base $after" >/dev/null
      if [ "$way" = plan ]; then
        "$bin" --url "$server/bench_online" -q diff --to "url:$server/bench_target" >"$work/apply.sql" 2>/dev/null
      else
        printf 'BEGIN;\n%s\nCOMMIT;\n' "$naive" >"$work/apply.sql"
      fi
      rm -f "$work"/pgbench_log*
      # The client runs until the plan is done (it is stopped then); its log has every
      # transaction's latency.
      (cd "$work" && pgbench -n -c 1 -T 600 -l --log-prefix=pgbench_log -f client.sql "$server/bench_online" >/dev/null 2>&1) &
      client=$!
      until [ "$(psql -X -At "$server/postgres" -c "SELECT count(*) FROM pg_stat_activity WHERE application_name = 'pgbench' AND datname = 'bench_online'")" != 0 ]; do :; done
      start=$(date +%s.%N)
      psql -X -q -v ON_ERROR_STOP=1 -f "$work/apply.sql" "$server/bench_online" >/dev/null 2>"$work/stderr" || { echo "the $way for $kind failed:" >&2; cat "$work/stderr" >&2; exit 1; }
      end=$(date +%s.%N)
      psql -X -q "$server/postgres" -c "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'pgbench'" >/dev/null
      wait "$client" 2>/dev/null || true
      longest=$(cat "$work"/pgbench_log* 2>/dev/null | awk '$3 > m { m = $3 } END { printf "%.3f", m / 1000000 }')
      printf '  %-12s %-5s  applied in %7.2f s   client longest wait %7.3f s\n' "$kind" "$way" "$(python3 -c "print($end-$start)")" "$longest" >&2
    done
  done <<'KINDS'
check|CREATE TABLE items (id int, parent_id int, code int, qty int CHECK (qty > 0));|ALTER TABLE items ADD CONSTRAINT items_qty_check CHECK (qty > 0);
foreign key|CREATE TABLE items (id int, parent_id int REFERENCES parents, code int, qty int);|ALTER TABLE items ADD CONSTRAINT items_parent_id_fkey FOREIGN KEY (parent_id) REFERENCES parents;
not null|CREATE TABLE items (id int, parent_id int, code int, qty int NOT NULL);|ALTER TABLE items ALTER COLUMN qty SET NOT NULL;
unique|CREATE TABLE items (id int, parent_id int, code int UNIQUE, qty int);|ALTER TABLE items ADD CONSTRAINT items_code_key UNIQUE (code);
primary key|CREATE TABLE items (id int PRIMARY KEY, parent_id int, code int, qty int);|ALTER TABLE items ADD PRIMARY KEY (id);
index|CREATE TABLE items (id int, parent_id int, code int, qty int); CREATE INDEX items_code ON items (code);|CREATE INDEX items_code ON items (code);
KINDS
fi

# --- 13. erd on many tables ------------------------------------------------------------------
if want 13; then
  tables=$((1000 / scale))
  reset_db bench_erd
  python3 - "$tables" > "$work/erd.sql" <<'PY'
import sys
n = int(sys.argv[1])
for i in range(n):
    parent = f", up_id int NOT NULL REFERENCES t{i - 1}" if i % 8 else ""
    notes = "".join(f", note_{c} text" for c in range(8))
    print(f"CREATE TABLE t{i} (id int PRIMARY KEY{parent}, owner_id int{notes});")
PY
  psql -X -q "$server/bench_erd" -f "$work/erd.sql" >/dev/null
  echo "== 13. erd and docs --from db on $tables tables (goals: under 1 s and 3 s)" >&2
  best=999
  for _ in $(seq "$runs"); do
    t0=$(date +%s.%N)
    "$bin" --url "$server/bench_erd" -q erd --from db >"$work/erd.md"
    t=$(python3 -c "print($(date +%s.%N) - $t0)")
    best=$(python3 -c "print(min($best, $t))")
  done
  printf '  erd            %7.3f s   %s blocks, %s bytes\n' "$best" "$(grep -c '```mermaid' "$work/erd.md")" "$(wc -c < "$work/erd.md")" >&2
  best=999
  for _ in $(seq "$runs"); do
    rm -rf "$work/docs"
    t0=$(date +%s.%N)
    (cd "$work" && "$bin" --url "$server/bench_erd" -q docs --from db docs)
    t=$(python3 -c "print($(date +%s.%N) - $t0)")
    best=$(python3 -c "print(min($best, $t))")
  done
  printf '  docs           %7.3f s   %s files, %s bytes\n' "$best" "$(find "$work/docs" -type f | wc -l)" "$(du -sb "$work/docs" | cut -f1)" >&2
fi

# --- 14. copy: masked rows from production -----------------------------------------------------
if want 14; then
  users=$((4000 / scale)); activities=$((200000 / scale)); likes=$((40000 / scale))
  mkdir -p "$work/copy/sql/migrations"
  cp sql/schema.sql "$work/copy/sql/"
  : > "$work/copy/sql/seed.sql"
  cat > "$work/copy/sql/migrations/20240101000000_likes.sql" <<'SQL'
-- migrate:up
CREATE TABLE public.likes (id bigserial PRIMARY KEY, user_uuid uuid NOT NULL REFERENCES public.users (uuid),
  activity_uuid uuid NOT NULL REFERENCES public.activities (uuid), created_at timestamp NOT NULL DEFAULT now());
-- migrate:down
DROP TABLE public.likes;
SQL
  cat > "$work/copy/sql/copy.toml" <<'TOML'
[copy]
start = ["users"]
follow = ["activities", "likes"]
relations = ["activities.user_uuid -> users.uuid", "activities.reply_to_activity_uuid -> activities.uuid"]
max_rows = 10000000

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
TOML
  # production_db NAME USERS ACTIVITIES LIKES: Cruddur's files and that many rows.
  production_db() {
    reset_db "$1"
    "$bin" -q --url "$server/$1" --sql-dir "$work/copy/sql" setup >/dev/null
    psql -X -q "$server/$1" <<SQL
INSERT INTO users (display_name, handle, email, cognito_user_id)
  SELECT 'Person ' || i, 'person' || i, 'person' || i || '@corp.example', md5(i::text) FROM generate_series(1, $2) i;
WITH u AS (SELECT array_agg(uuid ORDER BY handle) AS a FROM users)
INSERT INTO activities (user_uuid, message)
  SELECT u.a[1 + i % $2], 'post ' || i || ' by @person' || (1 + i % $2) || ', mail person' || (1 + i % $2) || '@corp.example or call 555-010-' || lpad((i % 10000)::text, 4, '0')
    FROM u, generate_series(1, $3) i;
WITH u AS (SELECT array_agg(uuid) AS a FROM users), a AS (SELECT array_agg(uuid) AS a FROM (SELECT uuid FROM activities LIMIT $4) x)
INSERT INTO likes (user_uuid, activity_uuid) SELECT u.a[1 + i % $2], a.a[i] FROM u, a, generate_series(1, $4) i;
VACUUM ANALYZE;
SQL
  }
  copy_into() { # DEV PROD: cruddur-db copy from PROD into DEV
    (cd "$work/copy" && CONNECTION_URL="$server/$1" PROD_CONNECTION_URL="$server/$2" CRUDDUR_DB_COPY_KEY=bench "$bin" -q copy)
  }
  dump_into() { # DEV PROD: the same tables' rows by pg_dump --data-only | psql into DEV, emptied first
    psql -X -q "$server/$1" -c "TRUNCATE users, activities, likes" >/dev/null
    pg_dump --data-only -t users -t activities -t likes "$server/$2" | psql -X -q "$server/$1" >/dev/null
  }
  production_db bench_prod "$users" "$activities" "$likes"
  rows=$(psql -X -At "$server/bench_prod" -c "SELECT (SELECT count(*) FROM users) + (SELECT count(*) FROM activities) + (SELECT count(*) FROM likes)")
  reset_db bench_dump
  pg_dump -s "$server/bench_prod" | psql -X -q "$server/bench_dump" >/dev/null
  echo "== 14. copy of $rows rows, masked, vs pg_dump --data-only | psql (goal: at most 1.0x)" >&2
  read -r ours theirs < <(interleaved "cruddur-db copy (masked)" "pg_dump --data-only | psql" \
    "copy_into bench_dev bench_prod" "dump_into bench_dump bench_prod")
  echo "  ratio: $(ratio "$ours" "$theirs")x" >&2
  echo "  copy's peak memory by rows copied (goal: flat):" >&2
  for total in $((100000 / scale)) $((1000000 / scale)); do
    n_users=$((total / 50)); n_likes=$((total / 10)); n_activities=$((total - n_users - n_likes))
    production_db bench_prod_rss "$n_users" "$n_activities" "$n_likes"
    printf '    %9s rows  %6s MiB\n' "$total" "$(peak_mib env CONNECTION_URL="$server/bench_dev_rss" PROD_CONNECTION_URL="$server/bench_prod_rss" CRUDDUR_DB_COPY_KEY=bench sh -c "cd '$work/copy' && '$bin' -q copy")" >&2
  done
fi
