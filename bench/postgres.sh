# shellcheck shell=bash
# The team store part of bench/run.sh (sourced by it; not run alone): engage on a PostgreSQL
# database against psql doing the same work on the same rows (the floor).
#
# Environment: PG_BENCH=0 skips it; PG_URL is the server, without a database (default
# postgres://postgres@127.0.0.1:5432), as a role that may create databases. Each size gets two
# databases with a random name (engage_bench_…), dropped at the end, on failure and on interrupt.
#
# Uses from run.sh: WORK, ROOT, ENGAGE, SQLITE3, AS_OF, UPCOMING_SQL, EXPORT_SQL and the
# helpers say, apt_install, quote, median_ms, peak_mib, ratio, le.

PG_BENCH=${PG_BENCH:-1}
PG_URL=${PG_URL:-postgres://postgres@127.0.0.1:5432}
PG_SKIPPED=""    # why the team store was not measured, when it was not
PG_DBS=()        # the databases this run created, to drop
PG_ROWS=()
PG_TARGETS=()
PG_SERVER=""     # the server's version and settings, for the report
PG_PREFIX="engage_bench_$(od -An -N4 -tx4 /dev/urandom | tr -d ' ')"

# pg_url DATABASE: PG_URL naming DATABASE (its query string, if any, kept).
pg_url() {
    local base=${PG_URL%%\?*} query=""
    [ "$base" != "$PG_URL" ] && query="?${PG_URL#*\?}"
    printf '%s/%s%s' "${base%/}" "$1" "$query"
}

# PG_URL as it may be shown: without its password.
pg_shown() { printf '%s' "$PG_URL" | sed 's#^\([a-z]*://[^:/@]*\):[^@/]*@#\1:***@#'; }

# pg_admin SQL…: runs each statement on the maintenance database, one after another.
pg_admin() {
    local args=() s
    for s in "$@"; do args+=(-c "$s"); done
    "$PSQL" -X -q -v ON_ERROR_STOP=1 -d "$(pg_url postgres)" "${args[@]}"
}

# pg_recreate DATABASE [SCHEMA_FILE]: a bash script that drops DATABASE, creates it empty and
# loads SCHEMA_FILE into it (for hyperfine --prepare).
pg_recreate() {
    local script
    script="$(quote "$PSQL" -X -q -v ON_ERROR_STOP=1 -d "$(pg_url postgres)" \
        -c "DROP DATABASE IF EXISTS \"$1\" WITH (FORCE)" -c "CREATE DATABASE \"$1\"") >/dev/null"
    [ -n "${2:-}" ] && script+=" && $(quote "$PSQL" -X -q -v ON_ERROR_STOP=1 -d "$(pg_url "$1")" -f "$2") >/dev/null"
    printf '%s' "$script"
}

# pg_value DATABASE SQL: the one value of a query.
pg_value() { "$PSQL" -X -q -A -t -v ON_ERROR_STOP=1 -d "$(pg_url "$1")" -c "$2"; }

# Drops the databases of this run (trap on EXIT; never fails).
pg_cleanup() {
    local db
    for db in "${PG_DBS[@]}"; do
        pg_admin "DROP DATABASE IF EXISTS \"$db\" WITH (FORCE)" >/dev/null 2>&1 || say "could not drop the database $db"
    done
    PG_DBS=()
}

# Decides whether the team store is measured: PG_BENCH, psql, and a server that answers.
pg_start() {
    if [ "$PG_BENCH" = 0 ]; then
        PG_SKIPPED="PG_BENCH=0"
        return
    fi
    if ! command -v psql >/dev/null; then
        say "psql is missing: installing postgresql-client"
        apt_install postgresql-client || true
    fi
    PSQL=$(command -v psql || true)
    PG_DUMP=$(command -v pg_dump || true)
    # Debian's psql is a Perl wrapper (pg_wrapper, ~20 ms a start): time the newest real binaries.
    local bin
    bin=$(find /usr/lib/postgresql -path '*/bin/psql' 2>/dev/null | sort -V | tail -1)
    if [ -n "$bin" ] && [ "$(basename "$(readlink -f "${PSQL:-/}")")" = pg_wrapper ]; then
        PSQL=$bin
        [ -x "$(dirname "$bin")/pg_dump" ] && PG_DUMP="$(dirname "$bin")/pg_dump"
    fi
    # engage speaks to the server without TLS: so does psql, unless told otherwise.
    export PGSSLMODE=${PGSSLMODE:-disable} PGGSSENCMODE=${PGGSSENCMODE:-disable}
    if [ -z "$PSQL" ]; then
        PG_SKIPPED="psql is missing"
        say "PostgreSQL: psql is missing: SQLite only"
        return
    fi
    if ! PGCONNECT_TIMEOUT=5 pg_admin "SELECT 1" >/dev/null 2>&1; then
        PG_SKIPPED="no server answered at $(pg_shown)"
        say "PostgreSQL: no server answers at $(pg_shown) (PG_URL): SQLite only"
        return
    fi
    PG_SERVER=$("$PSQL" -X -q -A -t -F ' ' -d "$(pg_url postgres)" -c "SELECT 'PostgreSQL ' || current_setting('server_version')
        || ', shared_buffers ' || current_setting('shared_buffers') || ', synchronous_commit ' || current_setting('synchronous_commit')
        || ', fsync ' || current_setting('fsync')")
    if ! command -v strace >/dev/null; then
        say "strace is missing: installing it (to count round trips)"
        apt_install strace || say "could not install strace: round trips not counted"
    fi
    STRACE=$(command -v strace || true)
    say "PostgreSQL: $PG_SERVER at $(pg_shown)"
}

# sends PREPARE WORDS…: how many times one run of WORDS sent on a socket (strace), or "".
sends() {
    local prepare=$1
    shift
    [ -n "$STRACE" ] || return 0
    [ -n "$prepare" ] && bash -c "$prepare"
    "$STRACE" -f -qq -c -e trace=sendto,sendmsg,sendmmsg -o "$WORK/strace" "$@" >/dev/null 2>&1 || return 0
    awk '$NF ~ /^send/ { n += $4 } END { print n + 0 }' "$WORK/strace"
}

# How many rows one INSERT of the floors holds: psql sends each statement of a script on its
# own, a round trip each; engage sends its statements in batches.
PG_BATCH=1000

# Joins consecutive one-line, one-row INSERTs into one table (sqlite3's .mode insert) into
# INSERTs of PG_BATCH rows (stdin to stdout).
batch_inserts() {
    awk -v most="$PG_BATCH" '
        match($0, /^INSERT INTO [^ ]+ VALUES\(/) && /\);$/ {
            head = substr($0, 1, RLENGTH - 1)
            row = substr($0, RLENGTH, length($0) - RLENGTH)
            if (head == open && n < most) { printf ",\n%s", row; n++ }
            else { if (open != "") print ";"; printf "%s\n%s", head, row; open = head; n = 1 }
            next
        }
        { if (open != "") { print ";"; open = "" } print }
        END { if (open != "") print ";" }'
}

# pg_row N COMMAND ENGAGE_MS PSQL_MS ENGAGE_RSS PSQL_RSS
pg_row() {
    local r
    r="| $1 | $2 | $3 | ${4:-—} | $(ratio "$3" "${4:-}") | $5 | ${6:-—} |"
    PG_ROWS+=("$r")
    say "$r"
}
# pg_check N TARGET OK(0/1/"") DETAIL
pg_check() {
    local verdict
    case "$3" in 1) verdict="met" ;; 0) verdict="**missed**" ;; *) verdict="n/a" ;; esac
    PG_TARGETS+=("| $1 | $2 | $verdict | $4 |")
}

# The minimal schema of the SQLite floor, in PostgreSQL's words: byte order for indexed text,
# as engage's schema.
PG_MINIMAL_SCHEMA='CREATE TABLE organizations (id BIGINT PRIMARY KEY, key TEXT COLLATE "C" NOT NULL UNIQUE, name TEXT NOT NULL,
  name_fr TEXT, gov_order TEXT NOT NULL, jurisdiction TEXT, contact TEXT);
CREATE TABLE tables (id BIGINT PRIMARY KEY, key TEXT COLLATE "C" NOT NULL UNIQUE, name TEXT NOT NULL, name_fr TEXT,
  kind TEXT NOT NULL, chair TEXT);
CREATE TABLE members (table_id BIGINT NOT NULL, organization_id BIGINT NOT NULL, PRIMARY KEY (table_id, organization_id));
CREATE TABLE meetings (id BIGINT PRIMARY KEY, key TEXT COLLATE "C" NOT NULL UNIQUE, table_id BIGINT NOT NULL, date TEXT,
  end_date TEXT, location TEXT, outcome TEXT);
CREATE TABLE items (id BIGINT PRIMARY KEY, kind TEXT COLLATE "C" NOT NULL, meeting_id BIGINT, key TEXT COLLATE "C" NOT NULL,
  title TEXT NOT NULL, title_fr TEXT, owner TEXT, due TEXT, status TEXT NOT NULL, done_on TEXT, note TEXT, url TEXT,
  lang TEXT, counterpart TEXT, UNIQUE (kind, meeting_id, key));
CREATE TABLE dependencies (item_id BIGINT NOT NULL, depends_on_id BIGINT NOT NULL, PRIMARY KEY (item_id, depends_on_id));'

# The same rows, read from engage's team store, for COPY (table, then query).
PG_MINIMAL_COPY=(
    organizations "SELECT id, key, name, name_fr, gov_order, jurisdiction, contact FROM organization"
    tables "SELECT id, key, name, name_fr, kind, chair FROM forum"
    members "SELECT forum_id, organization_id FROM forum_member"
    meetings "SELECT id, key, forum_id, date, end_date, location, outcome FROM meeting"
    items "SELECT id, 'agenda_item', meeting_id, key, topic, topic_fr, owner, NULL, status, done_on, note, NULL, NULL, NULL FROM agenda_item"
    items "SELECT 10000000 + id, 'channel', NULL, key, name, name_fr, owner, due, status, done_on, note, url, lang, counterpart FROM channel"
    items "SELECT 20000000 + id, 'material', NULL, key, title, title_fr, owner, due, status, done_on, note, url, lang, counterpart FROM material"
    items "SELECT 30000000 + id, 'milestone', NULL, key, title, title_fr, owner, due, status, done_on, note, NULL, NULL, NULL FROM milestone"
    dependencies "SELECT 30000000 + milestone_id, 30000000 + depends_on_id FROM milestone_dependency"
)

# What status reads (copied from src/store/reports.rs and the campaign's query), in one snapshot.
PG_STATUS_SQL="BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY;
SELECT name, name_fr, start, \"end\", leads FROM campaign WHERE id = 1;
SELECT 'milestone', key, title, title_fr, owner, due, status, done_on FROM milestone ORDER BY key;
SELECT 'agenda_item', m.key || '/' || a.key, a.topic, a.topic_fr, a.owner, m.date, a.status, a.done_on
  FROM meeting m JOIN agenda_item a ON a.meeting_id = m.id ORDER BY m.key, a.key;
SELECT 'channel', key, name, name_fr, owner, due, status, done_on FROM channel ORDER BY key;
SELECT 'material', key, title, title_fr, owner, due, status, done_on FROM material ORDER BY key;
SELECT 'action', key, title, title_fr, owner, due, status, done_on FROM action_item ORDER BY key;
SELECT id, key, due, duration_days, status, done_on FROM milestone ORDER BY id;
SELECT milestone_id, depends_on_id FROM milestone_dependency;
SELECT key, name, name_fr, gov_order FROM organization ORDER BY key;
SELECT m.key, f.key, m.date, m.attendance_recorded FROM meeting m JOIN forum f ON f.id = m.forum_id ORDER BY m.key;
SELECT m.key, o.key FROM meeting_attendee a JOIN meeting m ON m.id = a.meeting_id
  JOIN organization o ON o.id = a.organization_id ORDER BY m.key, o.key;
SELECT coalesce(o.key, po.key), m.key, d.status, d.done_on FROM distribution d JOIN material m ON m.id = d.material_id
  LEFT JOIN organization o ON o.id = d.organization_id
  LEFT JOIN person p ON p.id = d.person_id LEFT JOIN organization po ON po.id = p.organization_id;
SELECT f.key, o.key FROM forum_member fm JOIN forum f ON f.id = fm.forum_id JOIN organization o ON o.id = fm.organization_id;
SELECT m.key, min(a.done_on) FROM agenda_item a JOIN meeting m ON m.id = a.meeting_id WHERE a.status = 'done' GROUP BY m.key;
SELECT o.key, c.done_on FROM channel c JOIN organization o ON o.id = c.organization_id WHERE c.status = 'done';
SELECT 'channel', key, counterpart, status, done_on FROM channel
  WHERE counterpart IS NOT NULL OR key IN (SELECT counterpart FROM channel WHERE counterpart IS NOT NULL)
UNION ALL
SELECT 'material', key, counterpart, status, done_on FROM material
  WHERE counterpart IS NOT NULL OR key IN (SELECT counterpart FROM material WHERE counterpart IS NOT NULL);
SELECT key, title, title_fr, gov_order, target, unit, due, note FROM expected_result;
SELECT r.key, m.measured_on, m.value, m.note FROM result_measure m JOIN expected_result r ON r.id = m.result_id
  ORDER BY r.key, m.measured_on;
COMMIT;"

# pg_size N D PLAN RUNS: times engage on a fresh team store of plan PLAN (work folder D) and the
# psql floors. Uses run.sh's command arrays up, st and ex.
# shellcheck disable=SC2154 # up, st and ex are run.sh's
pg_size() {
    local N=$1 D=$2 PLAN=$3 runs=$4
    local db="${PG_PREFIX}_$N" floor="${PG_PREFIX}_${N}_floor"
    PG_DBS+=("$db" "$floor")
    local url floor_url
    url=$(pg_url "$db")
    floor_url=$(pg_url "$floor")
    local fresh fresh_rss reapply reapply_rss upcoming upcoming_rss status status_rss export_ export_rss
    local f_full="" f_full_rss="" f_min="" f_min_rss="" f_copy="" f_copy_rss="" f_up="" f_up_rss="" f_st="" f_st_rss="" f_ex="" f_ex_rss=""
    say "  PostgreSQL: databases $db and $floor"

    # engage: every fresh apply on a new, empty database; engage creates its schema.
    local PREP_PG
    PREP_PG=$(pg_recreate "$db")
    fresh=$(median_ms "$runs" "$PREP_PG" "$ENGAGE" --db "$url" plan apply "$PLAN")
    local sent
    sent=$(sends "$PREP_PG" "$ENGAGE" --db "$url" plan apply "$PLAN")
    fresh_rss=$(peak_mib "$PREP_PG" "$ENGAGE" --db "$url" plan apply "$PLAN") # leaves a fresh store
    local changes
    changes=$(pg_value "$db" "SELECT count(*) FROM journal" 2>/dev/null || echo 0)
    [ "${changes:-0}" -gt 0 ] || say "  warning: engage left no journal in $db"
    reapply=$(median_ms "$runs" "" "$ENGAGE" --db "$url" plan apply "$PLAN")
    reapply_rss=$(peak_mib "" "$ENGAGE" --db "$url" plan apply "$PLAN")
    upcoming=$(median_ms "$runs" "" "$ENGAGE" --db "$url" "${up[@]}")
    upcoming_rss=$(peak_mib "" "$ENGAGE" --db "$url" "${up[@]}")
    status=$(median_ms "$runs" "" "$ENGAGE" --db "$url" "${st[@]}")
    status_rss=$(peak_mib "" "$ENGAGE" --db "$url" "${st[@]}")
    export_=$(median_ms "$runs" "" "$ENGAGE" --db "$url" "${ex[@]}")
    export_rss=$(peak_mib "" "$ENGAGE" --db "$url" "${ex[@]}")

    # The floor for apply, three ways; each loads into a new database, its schema made untimed.
    local P=(-X -q -1 -v ON_ERROR_STOP=1)
    # 1. The rows engage wrote (journal included) as pg_dump's INSERT script, into schema.postgres.sql.
    if [ -n "$PG_DUMP" ] && [ "${changes:-0}" -gt 0 ] &&
        "$PG_DUMP" --data-only --rows-per-insert=$PG_BATCH --exclude-table-data=engage_store -d "$url" >"$D/pg-full.sql"; then
        local PREP_FULL
        PREP_FULL=$(pg_recreate "$floor" "$ROOT/schema.postgres.sql")
        f_full=$(median_ms "$runs" "$PREP_FULL" "$PSQL" "${P[@]}" -d "$floor_url" -f "$D/pg-full.sql")
        f_full_rss=$(peak_mib "$PREP_FULL" "$PSQL" "${P[@]}" -d "$floor_url" -f "$D/pg-full.sql")
        [ "$(pg_value "$floor" "SELECT count(*) FROM journal" || true)" = "$changes" ] ||
            say "  warning: the full-schema insert script did not rebuild the same rows"
    fi
    # 2. The SQLite floor's INSERT script (the campaign's rows, no journal) into the minimal schema.
    printf '%s\n' "$PG_MINIMAL_SCHEMA" >"$D/pg-minimal-schema.sql"
    local PREP_MIN
    PREP_MIN=$(pg_recreate "$floor" "$D/pg-minimal-schema.sql")
    local min_rows="" n_rows
    if [ -f "$D/minimal-rows.sql" ]; then
        # sqlite3 writes a line break in text as replace('…\n…','\n',char(10)): chr in PostgreSQL.
        sed "s/'\\\\n',char(10))/'\\\\n',chr(10))/g; s/'\\\\r',char(13))/'\\\\r',chr(13))/g" "$D/minimal-rows.sql" |
            batch_inserts >"$D/pg-minimal.sql"
        f_min=$(median_ms "$runs" "$PREP_MIN" "$PSQL" "${P[@]}" -d "$floor_url" -f "$D/pg-minimal.sql")
        f_min_rss=$(peak_mib "$PREP_MIN" "$PSQL" "${P[@]}" -d "$floor_url" -f "$D/pg-minimal.sql")
        min_rows=$(pg_value "$floor" "SELECT (SELECT count(*) FROM organizations) + (SELECT count(*) FROM tables)
            + (SELECT count(*) FROM meetings) + (SELECT count(*) FROM items)" || true)
    fi
    # 3. For reference, a tighter floor: the same rows read from engage's store, loaded with COPY.
    if [ "${changes:-0}" -gt 0 ]; then
        local i
        {
            for ((i = 0; i < ${#PG_MINIMAL_COPY[@]}; i += 2)); do
                echo "COPY ${PG_MINIMAL_COPY[i]} FROM STDIN;"
                "$PSQL" -X -q -d "$url" -c "COPY (${PG_MINIMAL_COPY[i + 1]}) TO STDOUT" || say "  could not read ${PG_MINIMAL_COPY[i]} for COPY"
                echo '\.'
            done
        } >"$D/pg-copy.sql"
        f_copy=$(median_ms "$runs" "$PREP_MIN" "$PSQL" "${P[@]}" -d "$floor_url" -f "$D/pg-copy.sql")
        f_copy_rss=$(peak_mib "$PREP_MIN" "$PSQL" "${P[@]}" -d "$floor_url" -f "$D/pg-copy.sql")
        n_rows=$(pg_value "$floor" "SELECT (SELECT count(*) FROM organizations) + (SELECT count(*) FROM tables)
            + (SELECT count(*) FROM meetings) + (SELECT count(*) FROM items)" || true)
        [ -z "$min_rows" ] || [ "$n_rows" = "$min_rows" ] || say "  warning: COPY loaded $n_rows rows, the INSERT script $min_rows"
        say "  minimal floor: $n_rows items"
    fi

    # The floor for reports: psql runs the same queries on engage's store. Upcoming is written as
    # JSON by the server (json_agg), export progress as CSV by psql, status's reads are discarded.
    printf 'SELECT coalesce(json_agg(u), %s) FROM (%s) u;\n' "'[]'" "${UPCOMING_SQL%;}" >"$D/pg-upcoming.sql"
    printf '%s\n' "$EXPORT_SQL" >"$D/pg-export.sql"
    printf '%s\n' "$PG_STATUS_SQL" >"$D/pg-status.sql"
    local Q=(-X -q -v ON_ERROR_STOP=1 -d "$url")
    f_up=$(median_ms "$runs" "" "$PSQL" "${Q[@]}" -A -t -f "$D/pg-upcoming.sql")
    f_up_rss=$(peak_mib "" "$PSQL" "${Q[@]}" -A -t -f "$D/pg-upcoming.sql")
    f_st=$(median_ms "$runs" "" "$PSQL" "${Q[@]}" -A -t -o /dev/null -f "$D/pg-status.sql")
    f_st_rss=$(peak_mib "" "$PSQL" "${Q[@]}" -A -t -o /dev/null -f "$D/pg-status.sql")
    f_ex=$(median_ms "$runs" "" "$PSQL" "${Q[@]}" --csv -f "$D/pg-export.sql")
    f_ex_rss=$(peak_mib "" "$PSQL" "${Q[@]}" --csv -f "$D/pg-export.sql")
    local f_one f_one_rss
    f_one=$(median_ms "$runs" "" "$PSQL" "${Q[@]}" -A -t -c "SELECT 1")
    f_one_rss=$(peak_mib "" "$PSQL" "${Q[@]}" -A -t -c "SELECT 1")
    # Same rows? (counts only)
    local e_rows s_rows
    e_rows=$("$ENGAGE" --db "$url" "${up[@]}" | grep -o '"key"' | wc -l || true)
    s_rows=$("$PSQL" "${Q[@]}" -A -t -f "$D/pg-upcoming.sql" | grep -o '"key"' | wc -l || true)
    [ "$e_rows" = "$s_rows" ] || say "  warning: upcoming has $e_rows rows on PostgreSQL, the floor $s_rows"
    e_rows=$("$ENGAGE" --db "$url" "${ex[@]}" | wc -l || true)
    s_rows=$("$PSQL" "${Q[@]}" --csv -f "$D/pg-export.sql" | wc -l || true)
    [ "$e_rows" = "$s_rows" ] || say "  note: export progress has $e_rows lines on PostgreSQL, the floor $s_rows"

    pg_row "$N" "plan apply (fresh database; floor: engage's rows, journal included, as INSERT script into schema.postgres.sql)" \
        "$fresh" "$f_full" "$fresh_rss" "$f_full_rss"
    pg_row "$N" "plan apply (fresh; floor: INSERT script into a minimal schema, no journal)" "$fresh" "$f_min" "$fresh_rss" "$f_min_rss"
    pg_row "$N" "plan apply (fresh; floor: COPY into a minimal schema, for reference)" "$fresh" "$f_copy" "$fresh_rss" "$f_copy_rss"
    pg_row "$N" "plan apply (unchanged re-apply)" "$reapply" "$f_full" "$reapply_rss" "$f_full_rss"
    pg_row "$N" "upcoming --within $WITHIN --format json" "$upcoming" "$f_up" "$upcoming_rss" "$f_up_rss"
    pg_row "$N" "status --format json (floor: status's reads)" "$status" "$f_st" "$status_rss" "$f_st_rss"
    pg_row "$N" "export progress" "$export_" "$f_ex" "$export_rss" "$f_ex_rss"
    pg_row "$N" "psql -c 'SELECT 1' (start and connect: part of every floor)" "—" "$f_one" "—" "$f_one_rss"

    local two_up two_ex per
    two_up=$(awk -v a="$f_up" 'BEGIN { if (a == "" || a == "n/a") print ""; else printf "%.2f", 2 * a }')
    two_ex=$(awk -v a="$f_ex" 'BEGIN { if (a == "" || a == "n/a") print ""; else printf "%.2f", 2 * a }')
    if [ -n "$sent" ] && [ "${changes:-0}" -gt 0 ]; then
        per=$(awk -v c="$changes" -v s="$sent" 'BEGIN { printf "%.0f", c / (s > 0 ? s : 1) }')
        # One round trip per row would be at least one send per row; ten rows a send is far from it.
        pg_check "$N" "fresh apply is not one round trip per row" "$(le "$((sent * 10))" "$changes")" \
            "$sent sends for $changes changes ($per changes a send); $fresh ms vs $f_min ms for psql's minimal INSERT script ($(ratio "$fresh" "$f_min")×)"
    else
        pg_check "$N" "fresh apply is not one round trip per row" "" "not counted (no strace, or no store written)"
    fi
    pg_check "$N" "fresh apply ≤ 1× psql insert script into a minimal schema" "$(le "$fresh" "$f_min")" \
        "$fresh ms vs $f_min ms ($(ratio "$fresh" "$f_min")×)"
    pg_check "$N" "fresh apply ≤ 1× psql insert script of the same rows into schema.postgres.sql" "$(le "$fresh" "$f_full")" \
        "$fresh ms vs $f_full ms ($(ratio "$fresh" "$f_full")×)"
    pg_check "$N" "fresh apply peak RSS ≤ 150 MiB" "$(le "$fresh_rss" 150)" "$fresh_rss MiB"
    pg_check "$N" "re-apply faster than fresh apply" "$(awk -v a="$reapply" -v b="$fresh" 'BEGIN { print (a + 0 < b + 0) ? 1 : 0 }')" \
        "$reapply ms vs $fresh ms"
    pg_check "$N" "upcoming ≤ 2× psql" "$(le "$upcoming" "$two_up")" "$upcoming ms vs $f_up ms ($(ratio "$upcoming" "$f_up")×)"
    pg_check "$N" "export progress ≤ 2× psql" "$(le "$export_" "$two_ex")" "$export_ ms vs $f_ex ms ($(ratio "$export_" "$f_ex")×)"
    pg_check "$N" "status ≤ 300 ms" "$(le "$status" 300)" "$status ms (psql reading what it reads: $f_st ms)"

    pg_cleanup
}

# The report's section on the team store (markdown, to stdout).
pg_report() {
    echo
    echo "## The team store (PostgreSQL)"
    echo
    if [ -n "$PG_SKIPPED" ]; then
        echo "Not measured in this run: $PG_SKIPPED."
        return
    fi
    echo "$PG_SERVER, on the same machine as the client (they share its CPUs), reached over TCP as"
    echo "\`$(pg_shown)\`. The same plans as above, each size in a new database, as of $AS_OF; same timing."
    echo "Every timed fresh apply runs on a new, empty database (dropped and created untimed) and includes"
    echo "creating engage's schema. Peak RSS is the client's (engage or psql), not the server's. The psql floor:"
    echo "for apply, the rows engage wrote (journal included, from \`pg_dump --rows-per-insert=$PG_BATCH\`) as one script in one"
    echo "transaction (\`psql -1 -f\`) into a new database holding schema.postgres.sql; stricter, the SQLite floor's"
    echo "minimal-schema INSERT script (the campaign's rows, no journal) into the same six tables; for reference, the"
    echo "same rows loaded with COPY. psql sends each statement of a script on its own, so both INSERT scripts hold"
    echo "$PG_BATCH rows an INSERT (engage sends its statements in batches of 1 MiB). For upcoming and export progress,"
    echo "the sqlite3 floors' SQL run by psql on engage's store (upcoming as JSON with \`json_agg\`, export as"
    echo "\`psql --csv\`); for status, psql running the queries status runs (\`src/store/reports.rs\`) in one snapshot,"
    echo "output discarded. Every psql floor includes starting psql and connecting (the last row, for scale)."
    echo "Sends are counted with \`strace -c\` on one fresh apply (each round trip sends at least once)."
    echo "The targets are the SQLite ones, applied to the team store."
    echo
    echo "| N | command | engage median (ms) | psql median (ms) | ratio | peak RSS (MiB) | psql peak RSS (MiB) |"
    echo "| ---: | --- | ---: | ---: | ---: | ---: | ---: |"
    printf '%s\n' "${PG_ROWS[@]}"
    echo
    echo "### Targets on PostgreSQL"
    echo
    echo "| N | target | verdict | measured |"
    echo "| ---: | --- | --- | --- |"
    printf '%s\n' "${PG_TARGETS[@]}"
}
