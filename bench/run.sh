#!/usr/bin/env bash
# Benchmarks engage as whole processes against the sqlite3 CLI doing the same SQL work on the same
# store file (the floor), on synthetic campaigns from examples/generate.rs.
#
#   bench/run.sh                 N = 1000, 10000 and 100000
#   bench/run.sh 1000 10000      only these sizes
#
# Environment: SEED (default 42), RUNS (timed runs per command; default 10, 5 from N = 100000 on),
# BENCH_DIR (work folder; default a new one under /tmp, removed at the end unless KEEP=1),
# MODEL_BENCH=0 to skip examples/model_bench, BENCH_TIMER=loop to time without hyperfine,
# ENGAGE_BIN=PATH to time that engage binary instead of this checkout's (e.g. a build from before
# a change; the generator, the model benchmark and the floors are this checkout's).
# PG_BENCH=0 to skip the team store, PG_URL to name its server (bench/postgres.sh; by default
# postgres://postgres@127.0.0.1:5432; when no server answers there, the run says so and goes on).
#
# Each command is timed with hyperfine (installed with apt-get when missing and run as root; else a
# small loop over `date +%s%N`): the median of RUNS runs after one warm-up, and its peak RSS once
# with /usr/bin/time. Everything is as of 2027-12-01. Results go to stdout and bench/results.md.
# Then the same commands on a PostgreSQL team store, against psql (bench/postgres.sh).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
if [ "$#" -gt 0 ]; then SIZES=("$@"); else SIZES=(1000 10000 100000); fi
for n in "${SIZES[@]}"; do
    [[ "$n" =~ ^[1-9][0-9]*$ ]] || { echo "bench/run.sh: N must be a positive integer, not '$n'" >&2; exit 2; }
done
SEED=${SEED:-42}
AS_OF=2027-12-01
WITHIN=14
UNTIL=$(date -u -d "$AS_OF + $WITHIN days" +%F)
RESULTS="$ROOT/bench/results.md"

say() { printf '%s\n' "$*" >&2; }
is_root() { [ "$(id -u)" = 0 ]; }
apt_install() { # PACKAGE: install with apt-get when root; quiet; true on success
    is_root || return 1
    command -v apt-get >/dev/null || return 1
    apt-get install -y -qq "$1" >/dev/null 2>&1 && return 0
    apt-get update -qq >/dev/null 2>&1 && apt-get install -y -qq "$1" >/dev/null 2>&1
}

# --- tools -----------------------------------------------------------------------------------
if ! command -v hyperfine >/dev/null; then
    say "hyperfine is missing: installing it"
    apt_install hyperfine || say "could not install hyperfine: timing with a date +%s%N loop"
fi
HYPERFINE=$(command -v hyperfine || true)
[ "${BENCH_TIMER:-}" = loop ] && HYPERFINE="" # force the fallback loop
TIME_BIN=/usr/bin/time
if [ ! -x "$TIME_BIN" ]; then
    say "/usr/bin/time is missing: installing the time package"
    apt_install time || say "could not install time: no peak RSS"
fi
if ! command -v sqlite3 >/dev/null; then
    say "sqlite3 is missing: installing it"
    apt_install sqlite3 || say "could not install sqlite3: no floor"
fi
SQLITE3=$(command -v sqlite3 || true)
TASK=$(command -v task || true) # Taskwarrior: optional, never installed here
PSQL="" PG_DUMP="" STRACE=""
# shellcheck source=bench/postgres.sh
source "$ROOT/bench/postgres.sh"
pg_start

# --- build ------------------------------------------------------------------------------------
say "building (release)…"
(cd "$ROOT" && cargo build --release --quiet --bin engage --example generate --example model_bench)
if [ -n "${BENCH_DIR:-}" ]; then
    WORK=$BENCH_DIR
    mkdir -p "$WORK"
else
    WORK=$(mktemp -d /tmp/engage-bench.XXXXXX)
fi
cleanup() {
    pg_cleanup
    if [ "${KEEP:-0}" != 1 ] && [ -z "${BENCH_DIR:-}" ]; then rm -rf "$WORK"; fi
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
# Copies, so that a rebuild of target/ during the run changes nothing.
mkdir -p "$WORK/bin"
cp "$ROOT/target/release/engage" "$ROOT/target/release/examples/generate" "$ROOT/target/release/examples/model_bench" "$WORK/bin/"
# ENGAGE_BIN: time that engage binary instead (an older build, for a before/after comparison).
[ -n "${ENGAGE_BIN:-}" ] && cp "$ENGAGE_BIN" "$WORK/bin/engage"
ENGAGE="$WORK/bin/engage"
GENERATE="$WORK/bin/generate"
export ENGAGE_ACTOR=bench NO_COLOR=1 ENGAGE_LANG=en

# --- measuring --------------------------------------------------------------------------------
# quote WORDS…: one command line, each word shell-quoted (what hyperfine -N splits again).
quote() { local out="" w; for w in "$@"; do out+="$(printf '%q' "$w") "; done; printf '%s' "${out% }"; }

# median_ms RUNS PREPARE WORDS…: the median wall time of WORDS in ms (PREPARE: a bash script run
# before each run, untimed, or ""). One warm-up run first. Prints "n/a" if the command fails.
median_ms() {
    local runs=$1 prepare=$2
    shift 2
    if [ -n "$HYPERFINE" ]; then
        local json="$WORK/hf.json" args=(-N --style none --runs "$runs" --warmup 1 --export-json "$WORK/hf.json")
        [ -n "$prepare" ] && args+=(--prepare "$(quote bash -c "$prepare")")
        if ! "$HYPERFINE" "${args[@]}" "$(quote "$@")" >"$WORK/hf.log" 2>&1; then
            say "  failed: $* (see $WORK/hf.log)"
            echo n/a
            return
        fi
        sed -n 's/^ *"median": *\([-0-9.eE+]*\),*$/\1/p' "$json" | head -1 | awk '{printf "%.2f", $1 * 1000}'
    else
        local i t0 t1 times=()
        for ((i = 0; i <= runs; i++)); do
            [ -n "$prepare" ] && bash -c "$prepare"
            t0=$(date +%s%N)
            if ! "$@" >/dev/null 2>&1; then
                say "  failed: $*"
                echo n/a
                return
            fi
            t1=$(date +%s%N)
            [ "$i" -gt 0 ] && times+=("$(((t1 - t0) / 1000))") # run 0 is the warm-up
        done
        printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR] = $1} END {m = (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2; printf "%.2f", m / 1000}'
    fi
}

# peak_mib PREPARE WORDS…: peak RSS of one run in MiB ("n/a" without /usr/bin/time).
peak_mib() {
    local prepare=$1
    shift
    [ -x "$TIME_BIN" ] || { echo n/a; return; }
    [ -n "$prepare" ] && bash -c "$prepare"
    if "$TIME_BIN" -f %M -o "$WORK/rss" "$@" >/dev/null 2>&1; then
        tail -1 "$WORK/rss" | awk '{printf "%.1f", $1 / 1024}'
    else
        echo n/a
    fi
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a + 0 > 0 && b + 0 > 0) printf "%.2f", a / b; else printf "—" }'; }

ROWS=()
TARGETS=()
TASK_ROWS=()
declare -A STATUS_MS=() EXPORT_RSS=()
# row N COMMAND ENGAGE_MS SQLITE_MS ENGAGE_RSS SQLITE_RSS
row() {
    local r
    r="| $1 | $2 | $3 | ${4:-—} | $(ratio "$3" "${4:-}") | $5 | ${6:-—} |"
    ROWS+=("$r")
    say "$r"
}
# check N TARGET OK(0/1/"") DETAIL
check() {
    local verdict
    case "$3" in 1) verdict="met" ;; 0) verdict="**missed**" ;; *) verdict="n/a" ;; esac
    TARGETS+=("| $1 | $2 | $verdict | $4 |")
}
le() { awk -v a="$1" -v b="$2" 'BEGIN { if (a == "n/a" || b == "n/a" || a == "" || b == "") print ""; else print (a + 0 <= b + 0) ? 1 : 0 }'; }

# --- the floor's SQL (copied from src/store/reports.rs, dates inlined) -----------------------
OPEN="('planned', 'in_progress', 'blocked')"
# Open as of AS_OF: open now, or done after it (DESIGN.md, "As of a past date"), as engage asks.
OPEN_AS_OF="(status IN $OPEN OR (status = 'done' AND done_on > '$AS_OF'))"
UPCOMING_SQL="SELECT 'milestone' AS kind, key, title, title_fr, owner, due AS date, status, done_on FROM milestone
  WHERE $OPEN_AS_OF AND due <= '$UNTIL'
 UNION ALL
 SELECT 'agenda_item', m.key || '/' || a.key, a.topic, a.topic_fr, a.owner, m.date, a.status, a.done_on
   FROM meeting m JOIN agenda_item a ON a.meeting_id = m.id
  WHERE m.date <= '$UNTIL' AND (a.status IN $OPEN OR (a.status = 'done' AND a.done_on > '$AS_OF'))
 UNION ALL
 SELECT 'channel', key, name, name_fr, owner, due, status, done_on FROM channel
  WHERE $OPEN_AS_OF AND due <= '$UNTIL'
 UNION ALL
 SELECT 'material', key, title, title_fr, owner, due, status, done_on FROM material
  WHERE $OPEN_AS_OF AND due <= '$UNTIL'
 UNION ALL
 SELECT 'meeting', m.key, f.name, f.name_fr, f.chair, m.date, NULL, NULL
   FROM meeting m JOIN forum f ON f.id = m.forum_id
  WHERE m.date BETWEEN '$AS_OF' AND '$UNTIL'
 ORDER BY date, kind, key;"
TRACKED_SQL="SELECT 'milestone' AS kind, key, title, title_fr, owner, due AS date, status, done_on FROM milestone
 UNION ALL
 SELECT 'agenda_item', m.key || '/' || a.key, a.topic, a.topic_fr, a.owner, m.date, a.status, a.done_on
   FROM agenda_item a JOIN meeting m ON m.id = a.meeting_id
 UNION ALL
 SELECT 'channel', key, name, name_fr, owner, due, status, done_on FROM channel
 UNION ALL
 SELECT 'material', key, title, title_fr, owner, due, status, done_on FROM material"
EXPORT_SQL="$TRACKED_SQL ORDER BY 1, 2;"

# --- the sizes --------------------------------------------------------------------------------
for N in "${SIZES[@]}"; do
    RUNS_N=${RUNS:-$([ "$N" -ge 100000 ] && echo 5 || echo 10)}
    D="$WORK/$N"
    mkdir -p "$D"
    PLAN="$D/plan.toml"
    DB="$D/engage.db"
    "$GENERATE" "$N" "$SEED" >"$PLAN"
    say ""
    say "N = $N: plan $(du -h "$PLAN" | cut -f1), $RUNS_N runs per command"
    RM_DB="rm -f '$DB' '$DB-wal' '$DB-shm' '$DB-journal'"

    # engage
    fresh=$(median_ms "$RUNS_N" "$RM_DB" "$ENGAGE" --db "$DB" plan apply "$PLAN")
    fresh_rss=$(peak_mib "$RM_DB" "$ENGAGE" --db "$DB" plan apply "$PLAN") # leaves a fresh store
    reapply=$(median_ms "$RUNS_N" "" "$ENGAGE" --db "$DB" plan apply "$PLAN")
    reapply_rss=$(peak_mib "" "$ENGAGE" --db "$DB" plan apply "$PLAN")
    up=(upcoming --as-of "$AS_OF" --within "$WITHIN" --format json)
    upcoming=$(median_ms "$RUNS_N" "" "$ENGAGE" --db "$DB" "${up[@]}")
    upcoming_rss=$(peak_mib "" "$ENGAGE" --db "$DB" "${up[@]}")
    st=(status --as-of "$AS_OF" --format json)
    status=$(median_ms "$RUNS_N" "" "$ENGAGE" --db "$DB" "${st[@]}")
    status_rss=$(peak_mib "" "$ENGAGE" --db "$DB" "${st[@]}")
    ex=(export progress --as-of "$AS_OF")
    export_=$(median_ms "$RUNS_N" "" "$ENGAGE" --db "$DB" "${ex[@]}")
    export_rss=$(peak_mib "" "$ENGAGE" --db "$DB" "${ex[@]}")
    version=$(median_ms "$RUNS_N" "" "$ENGAGE" --version)
    version_rss=$(peak_mib "" "$ENGAGE" --version)

    # the floor: sqlite3 on the same store file
    f_insert="" f_insert_rss="" f_min="" f_min_rss="" f_copy="" f_copy_rss="" f_up="" f_up_rss="" f_ex="" f_ex_rss="" f_ver="" f_ver_rss=""
    if [ -n "$SQLITE3" ]; then
        # The rows engage wrote (journal included), as one INSERT script in one transaction, with
        # engage's connection settings, into a fresh file holding schema.sql in WAL mode.
        {
            echo "PRAGMA foreign_keys = ON;"
            echo "PRAGMA synchronous = NORMAL;"
            echo "BEGIN;"
            "$SQLITE3" "$DB" .dump | grep '^INSERT INTO ' | grep -v '^INSERT INTO "\{0,1\}sqlite_'
            echo "COMMIT;"
        } >"$D/insert.sql"
        FLOOR="$D/floor.db"
        schema_sql="$(printf '%q' "$ROOT/schema.sql")"
        PREP_FLOOR="rm -f '$FLOOR' '$FLOOR-wal' '$FLOOR-shm' '$FLOOR-journal' && '$SQLITE3' '$FLOOR' 'PRAGMA journal_mode = WAL;' >/dev/null && '$SQLITE3' '$FLOOR' < $schema_sql"
        f_insert=$(median_ms "$RUNS_N" "$PREP_FLOOR" "$SQLITE3" "$FLOOR" ".read $D/insert.sql")
        f_insert_rss=$(peak_mib "$PREP_FLOOR" "$SQLITE3" "$FLOOR" ".read $D/insert.sql")
        if [ "$("$SQLITE3" "$FLOOR" 'SELECT count(*) FROM journal')" != "$("$SQLITE3" "$DB" 'SELECT count(*) FROM journal')" ]; then
            say "  warning: the insert script did not rebuild the same rows"
        fi
        # For reference, a tighter floor: the same rows copied table by table with INSERT … SELECT
        # (no SQL text to compile per row).
        {
            echo "PRAGMA foreign_keys = ON;"
            echo "PRAGMA synchronous = NORMAL;"
            echo "ATTACH '$DB' AS src;"
            echo "BEGIN;"
            for t in campaign organization forum forum_member meeting agenda_item channel material milestone milestone_dependency journal; do
                echo "INSERT INTO main.$t SELECT * FROM src.$t;"
            done
            echo "COMMIT;"
        } >"$D/copy.sql"
        f_copy=$(median_ms "$RUNS_N" "$PREP_FLOOR" "$SQLITE3" "$FLOOR" ".read $D/copy.sql")
        f_copy_rss=$(peak_mib "$PREP_FLOOR" "$SQLITE3" "$FLOOR" ".read $D/copy.sql")
        # The stricter floor of issue 18: the campaign's rows (no journal) as one INSERT script,
        # in one transaction, into a minimal schema: items, organizations, tables, members,
        # meetings, dependencies. Item ids are offset by kind so that one table holds them all.
        # (The rows alone are kept in minimal-rows.sql: the PostgreSQL floor loads them too.)
        "$SQLITE3" "$DB" >"$D/minimal-rows.sql" <<'SQL'
.mode insert organizations
SELECT id, key, name, name_fr, gov_order, jurisdiction, contact FROM organization;
.mode insert tables
SELECT id, key, name, name_fr, kind, chair FROM forum;
.mode insert members
SELECT forum_id, organization_id FROM forum_member;
.mode insert meetings
SELECT id, key, forum_id, date, end_date, location, outcome FROM meeting;
.mode insert items
SELECT id, 'agenda_item', meeting_id, key, topic, topic_fr, owner, NULL, status, done_on, note, NULL, NULL, NULL FROM agenda_item;
SELECT 10000000 + id, 'channel', NULL, key, name, name_fr, owner, due, status, done_on, note, url, lang, counterpart FROM channel;
SELECT 20000000 + id, 'material', NULL, key, title, title_fr, owner, due, status, done_on, note, url, lang, counterpart FROM material;
SELECT 30000000 + id, 'milestone', NULL, key, title, title_fr, owner, due, status, done_on, note, NULL, NULL, NULL FROM milestone;
.mode insert dependencies
SELECT 30000000 + milestone_id, 30000000 + depends_on_id FROM milestone_dependency;
SQL
        {
            echo "PRAGMA synchronous = NORMAL;"
            echo "BEGIN;"
            cat "$D/minimal-rows.sql"
            echo "COMMIT;"
        } >"$D/minimal.sql"
        MINIMAL="$D/minimal.db"
        MINIMAL_SCHEMA="PRAGMA journal_mode = WAL;
CREATE TABLE organizations (id INTEGER PRIMARY KEY, key TEXT NOT NULL UNIQUE, name TEXT NOT NULL, name_fr TEXT,
  gov_order TEXT NOT NULL, jurisdiction TEXT, contact TEXT);
CREATE TABLE tables (id INTEGER PRIMARY KEY, key TEXT NOT NULL UNIQUE, name TEXT NOT NULL, name_fr TEXT, kind TEXT NOT NULL, chair TEXT);
CREATE TABLE members (table_id INTEGER NOT NULL, organization_id INTEGER NOT NULL,
  PRIMARY KEY (table_id, organization_id)) WITHOUT ROWID;
CREATE TABLE meetings (id INTEGER PRIMARY KEY, key TEXT NOT NULL UNIQUE, table_id INTEGER NOT NULL, date TEXT, end_date TEXT,
  location TEXT, outcome TEXT);
CREATE TABLE items (id INTEGER PRIMARY KEY, kind TEXT NOT NULL, meeting_id INTEGER, key TEXT NOT NULL, title TEXT NOT NULL,
  title_fr TEXT, owner TEXT, due TEXT, status TEXT NOT NULL, done_on TEXT, note TEXT, url TEXT, lang TEXT, counterpart TEXT,
  UNIQUE (kind, meeting_id, key));
CREATE TABLE dependencies (item_id INTEGER NOT NULL, depends_on_id INTEGER NOT NULL,
  PRIMARY KEY (item_id, depends_on_id)) WITHOUT ROWID;"
        printf '%s\n' "$MINIMAL_SCHEMA" >"$D/minimal-schema.sql"
        PREP_MINIMAL="rm -f '$MINIMAL' '$MINIMAL-wal' '$MINIMAL-shm' '$MINIMAL-journal' && '$SQLITE3' '$MINIMAL' < '$D/minimal-schema.sql' >/dev/null"
        f_min=$(median_ms "$RUNS_N" "$PREP_MINIMAL" "$SQLITE3" "$MINIMAL" ".read $D/minimal.sql")
        f_min_rss=$(peak_mib "$PREP_MINIMAL" "$SQLITE3" "$MINIMAL" ".read $D/minimal.sql")
        min_rows=$("$SQLITE3" "$MINIMAL" "SELECT (SELECT count(*) FROM organizations) + (SELECT count(*) FROM tables)
            + (SELECT count(*) FROM meetings) + (SELECT count(*) FROM items)")
        say "  minimal floor: $min_rows items, $(du -h "$D/minimal.sql" | cut -f1) of SQL"
        printf '%s\n' "$UPCOMING_SQL" >"$D/upcoming.sql"
        printf '%s\n' "$EXPORT_SQL" >"$D/export.sql"
        f_up=$(median_ms "$RUNS_N" "" "$SQLITE3" -json "$DB" ".read $D/upcoming.sql")
        f_up_rss=$(peak_mib "" "$SQLITE3" -json "$DB" ".read $D/upcoming.sql")
        f_ex=$(median_ms "$RUNS_N" "" "$SQLITE3" -csv -header "$DB" ".read $D/export.sql")
        f_ex_rss=$(peak_mib "" "$SQLITE3" -csv -header "$DB" ".read $D/export.sql")
        f_ver=$(median_ms "$RUNS_N" "" "$SQLITE3" -version)
        f_ver_rss=$(peak_mib "" "$SQLITE3" -version)
        # Same rows? (counts only: a cheap sanity check that the floor does the same work)
        e_rows=$("$ENGAGE" --db "$DB" "${up[@]}" | grep -c '"key"' || true)
        s_rows=$("$SQLITE3" -json "$DB" ".read $D/upcoming.sql" | grep -c '"key"' || true)
        [ "$e_rows" = "$s_rows" ] || say "  warning: upcoming has $e_rows rows, the floor $s_rows"
        e_rows=$("$ENGAGE" --db "$DB" "${ex[@]}" | wc -l)
        s_rows=$("$SQLITE3" -csv -header "$DB" ".read $D/export.sql" | wc -l)
        [ "$e_rows" = "$s_rows" ] || say "  note: export progress has $e_rows lines, the floor $s_rows (titles with line breaks?)"
    fi

    row "$N" "plan apply (fresh store)" "$fresh" "$f_insert" "$fresh_rss" "$f_insert_rss"
    row "$N" "plan apply (fresh; floor: INSERT script into a minimal schema, no journal)" "$fresh" "$f_min" "$fresh_rss" "$f_min_rss"
    row "$N" "plan apply (fresh; floor: INSERT … SELECT copy, for reference)" "$fresh" "$f_copy" "$fresh_rss" "$f_copy_rss"
    row "$N" "plan apply (unchanged re-apply)" "$reapply" "$f_insert" "$reapply_rss" "$f_insert_rss"
    row "$N" "upcoming --within $WITHIN --format json" "$upcoming" "$f_up" "$upcoming_rss" "$f_up_rss"
    row "$N" "status --format json" "$status" "" "$status_rss" ""
    row "$N" "export progress" "$export_" "$f_ex" "$export_rss" "$f_ex_rss"
    row "$N" "--version (floor: sqlite3 -version)" "$version" "$f_ver" "$version_rss" "$f_ver_rss"

    two() { awk -v a="$1" 'BEGIN { if (a == "" || a == "n/a") print ""; else printf "%.2f", 2 * a }'; }
    check "$N" "upcoming ≤ 2× sqlite3" "$(le "$upcoming" "$(two "$f_up")")" "$upcoming ms vs $f_up ms ($(ratio "$upcoming" "$f_up")×)"
    check "$N" "export progress ≤ 2× sqlite3" "$(le "$export_" "$(two "$f_ex")")" "$export_ ms vs $f_ex ms ($(ratio "$export_" "$f_ex")×)"
    check "$N" "status ≤ 300 ms" "$(le "$status" 300)" "$status ms"
    check "$N" "fresh apply ≤ 1× sqlite3 insert script" "$(le "$fresh" "$f_insert")" "$fresh ms vs $f_insert ms ($(ratio "$fresh" "$f_insert")×)"
    check "$N" "fresh apply ≤ 1× sqlite3 insert script into a minimal schema" "$(le "$fresh" "$f_min")" "$fresh ms vs $f_min ms ($(ratio "$fresh" "$f_min")×)"
    check "$N" "fresh apply peak RSS ≤ 150 MiB" "$(le "$fresh_rss" 150)" "$fresh_rss MiB for a $(du -h "$PLAN" | cut -f1) plan file"
    check "$N" "status ≤ 250 ms" "$(le "$status" 250)" "$status ms"
    check "$N" "re-apply faster than fresh apply" "$(awk -v a="$reapply" -v b="$fresh" 'BEGIN { print (a + 0 < b + 0) ? 1 : 0 }')" "$reapply ms vs $fresh ms"
    check "$N" "--version ≤ 5 ms" "$(le "$version" 5)" "$version ms"
    # Growth from a tenth of the size, when that size ran too.
    STATUS_MS[$N]=$status
    EXPORT_RSS[$N]=$export_rss
    if [ $((N % 10)) = 0 ] && [ -n "${STATUS_MS[$((N / 10))]:-}" ]; then
        small=${STATUS_MS[$((N / 10))]}
        growth=$(ratio "$status" "$small")
        check "$N" "status grows ≤ 12× from N = $((N / 10))" "$(le "$growth" 12)" "$small ms → $status ms (${growth}×)"
        check "$N" "export progress peak RSS flat in N (informative: the milestone graph grows)" "" \
            "${EXPORT_RSS[$((N / 10))]} MiB → $export_rss MiB ($(ratio "$export_rss" "${EXPORT_RSS[$((N / 10))]}")×)"
    fi

    # Taskwarrior, for reference, when it is installed (never installed here).
    if [ -n "$TASK" ] && [ -n "$SQLITE3" ]; then
        TD="$D/task"
        mkdir -p "$TD"
        printf 'data.location=%s\nconfirmation=off\nverbose=nothing\nhooks=off\n' "$TD/data" >"$TD/taskrc"
        "$SQLITE3" "$DB" "SELECT json_patch(json_object('description', title, 'project', kind,
                'status', CASE status WHEN 'done' THEN 'completed' WHEN 'cancelled' THEN 'deleted' ELSE 'pending' END,
                'entry', '20270101T000000Z'),
              json_patch(CASE WHEN date IS NULL THEN '{}' ELSE json_object('due', strftime('%Y%m%dT000000Z', date)) END,
                CASE WHEN done_on IS NULL AND status <> 'cancelled' THEN '{}'
                     ELSE json_object('end', strftime('%Y%m%dT000000Z', coalesce(done_on, date, '2027-01-01'))) END))
              FROM ($TRACKED_SQL)" >"$TD/tasks.json" 2>/dev/null || true
        PREP_TASK="rm -rf '$TD/data' && mkdir -p '$TD/data'"
        t_import=$(TASKRC="$TD/taskrc" median_ms "$RUNS_N" "$PREP_TASK" "$TASK" import "$TD/tasks.json")
        t_report=$(TASKRC="$TD/taskrc" median_ms "$RUNS_N" "" "$TASK" "due.before:$(date -u -d "$UNTIL + 1 day" +%F)" status:pending export)
        TASK_ROWS+=("| $N | import | $t_import | $fresh |" "| $N | due-window report (export) | $t_report | $upcoming |")
    fi

    # The same commands on a PostgreSQL team store (bench/postgres.sh).
    if [ -z "$PG_SKIPPED" ]; then
        pg_size "$N" "$D" "$PLAN" "$RUNS_N"
    fi
done

# --- the model alone --------------------------------------------------------------------------
MODEL=""
if [ "${MODEL_BENCH:-1}" != 0 ]; then
    say ""
    say "examples/model_bench…"
    MODEL=$("$WORK/bin/model_bench")
    say "$MODEL"
fi

# --- report -----------------------------------------------------------------------------------
{
    echo "# engage benchmarks"
    echo
    if [ -n "${ENGAGE_BIN:-}" ]; then
        echo "Written by \`ENGAGE_BIN=… bench/run.sh ${SIZES[*]}\` on $(date -u +%F): an engage binary built elsewhere (\`$("$ENGAGE" --version)\`), with the generator and floors of $(cd "$ROOT" && git rev-parse --short HEAD 2>/dev/null || echo '?'),"
    else
        echo "Written by \`bench/run.sh ${SIZES[*]}\` on $(date -u +%F): engage $(cd "$ROOT" && git rev-parse --short HEAD 2>/dev/null || echo '?')$(cd "$ROOT" && git diff --quiet HEAD -- src schema.sql Cargo.toml 2>/dev/null || echo ' (with uncommitted changes)'),"
    fi
    echo "$(nproc) CPU ($(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)), sqlite3 ${SQLITE3:+$("$SQLITE3" -version | cut -d' ' -f1)}, $(if [ -n "$HYPERFINE" ]; then "$HYPERFINE" --version; else echo "a date +%s%N loop"; fi)."
    echo
    echo "Synthetic campaigns from \`examples/generate.rs N $SEED\`, as of $AS_OF. Times are medians of whole processes"
    echo "(one warm-up, then ${RUNS:-10 (5 from N = 100000 on)} runs); peak RSS is one run under \`/usr/bin/time -f %M\`. The sqlite3 floor runs on"
    echo "the same store file: for apply, the rows engage wrote (journal included) as one INSERT script in one transaction"
    echo "into a fresh file holding schema.sql (WAL, foreign keys on, synchronous NORMAL, as engage); for upcoming, the query"
    echo "of \`store::reports::upcoming\` written with \`sqlite3 -json\`; for export progress, the union of tracked rows"
    echo "with \`sqlite3 -csv\`. Status has no floor. The INSERT … SELECT row is a tighter floor for apply, for reference only:"
    echo "the same rows copied table by table from the store, with no SQL text to compile per row. The minimal-schema"
    echo "floor (issue 18) is stricter: the campaign's rows without the journal, as one INSERT script in one transaction,"
    echo "into six plain tables (items, organizations, tables, members, meetings, dependencies)."
    echo
    echo "| N | command | engage median (ms) | sqlite3 median (ms) | ratio | peak RSS (MiB) | sqlite3 peak RSS (MiB) |"
    echo "| ---: | --- | ---: | ---: | ---: | ---: | ---: |"
    printf '%s\n' "${ROWS[@]}"
    echo
    echo "## Targets"
    echo
    echo "The targets hold at N = 100000; smaller sizes are shown for the trend."
    echo
    echo "| N | target | verdict | measured |"
    echo "| ---: | --- | --- | --- |"
    printf '%s\n' "${TARGETS[@]}"
    pg_report
    if [ "${#TASK_ROWS[@]}" -gt 0 ]; then
        echo
        echo "## Taskwarrior, for reference"
        echo
        echo "| N | task command | task median (ms) | engage counterpart (ms) |"
        echo "| ---: | --- | ---: | ---: |"
        printf '%s\n' "${TASK_ROWS[@]}"
    fi
    if [ -n "$MODEL" ]; then
        echo
        echo "## The model alone (\`cargo run --release --example model_bench\`)"
        echo
        echo '```text'
        echo "$MODEL"
        echo '```'
    fi
    # The profile of apply (written by hand) is kept from one run to the next.
    if [ -f "$RESULTS" ] && grep -q "^## Where apply's time and memory go" "$RESULTS"; then
        echo
        sed -n "/^## Where apply's time and memory go/,\$p" "$RESULTS"
    fi
} >"$RESULTS.tmp"
mv "$RESULTS.tmp" "$RESULTS"
say ""
cat "$RESULTS"
