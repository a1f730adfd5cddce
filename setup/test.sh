#!/usr/bin/env bash
# Runs every test of the SRM suite and ends with one line "N passed, N failed".
#
#  1. setup/install.sh (dependencies, Odoo 18.0, PostgreSQL, the lint tools), then the runtime
#     check of what the suite offers (wkhtmltopdf and whether its Qt is patched, Chinese and
#     Latin fonts, LibreOffice, Chromium, srm_ai's packages in their best mode): one check,
#     failed when one of them is missing (a feature is never silently skipped);
#  2. setup/lint.sh over every srm_* addon and tests/ (OCA's pylint-odoo mandatory checks,
#     oca-checks-odoo-module, oca-checks-po, ruff, the Apps pages): counts as one check,
#     passed when it finds no problem; output in .test-logs/;
#  3. installs every SRM module with demo data in a throwaway database and runs their Odoo
#     tests (at_install during the install, post_install after), restricted to our modules
#     with --test-tags=/srm_base,/srm_commitments,...; full log in .test-logs/;
#  4. when tests/test_*.py exist: starts an Odoo server on that database and runs
#     `pytest tests` against it (SRM_URL, SRM_DB, SRM_ADMIN_LOGIN, SRM_ADMIN_PASSWORD);
#  5. drops the database, whatever happened;
#  6. setup/test-fresh-machine.sh: the README's commands (install.sh, demo.sh --no-serve) in a
#     throwaway virtualenv that has only Odoo, with a private PostgreSQL cluster, and the demo
#     database checked there: one check (SRM_SKIP_FRESH_MACHINE=1 skips it for quick local
#     runs; CI runs it).
#
# It fails (exit 1) when the lint finds a problem, the Odoo run exits non-zero, a test fails,
# no test ran, a required module is missing, or the log has a WARNING, ERROR or CRITICAL line that
# setup/checklog-ignore.txt does not excuse (same policy as OCA's checklog-odoo).
#
# Environment:
#   SRM_MODULES="srm_base srm_issues"  test only these modules (the others may then be missing)
#   SRM_EXTRA_ADDONS_PATH=dir1,dir2    more addons directories (searched for SRM_MODULES too)
#   SRM_TEST_PORT=8175                 HTTP port of the test run (default: a free one)
#   SRM_TEST_TIMEOUT=2100              seconds allowed to the Odoo install + tests run
#   SRM_PYTEST_TIMEOUT=1500            seconds allowed to the pytest run
#   SRM_LINT_TIMEOUT=900               seconds allowed to the lint
#   SRM_TEST_LOG_DIR=dir               where logs go (default: <repo>/.test-logs)
#   SRM_KEEP_DB=1                      keep the database (and its filestore) for inspection
#   SRM_SKIP_FRESH_MACHINE=1           skip the fresh-machine check (never in CI)
#   SRM_FRESH_TIMEOUT=1500             seconds allowed to the fresh-machine check
set -uo pipefail
# shellcheck source=setup/lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$SRM_ROOT" || exit 1

passed=0
failed=0
problems=()
problem() {
    problems+=("$*")
    failed=$((failed + 1))
    srm_log "FAILURE: $*"
}
finish() {
    # summary, then exactly one closing line
    cleanup
    echo
    echo "==== SRM test summary"
    echo "modules: ${SRM_MODULE_LIST[*]:-none}"
    [ -n "${lint_log:-}" ] && [ -f "$lint_log" ] && echo "lint log: $lint_log"
    [ -n "${log:-}" ] && [ -f "$log" ] && echo "odoo log: $log"
    [ -n "${server_log:-}" ] && [ -f "$server_log" ] && echo "server log: $server_log"
    local p
    for p in "${problems[@]}"; do echo "problem: $p"; done
    echo "$passed passed, $failed failed"
    if [ "$failed" -gt 0 ] || [ "$passed" -eq 0 ]; then
        exit 1
    fi
    exit 0
}

# ------------------------------------------------------------------ install
if ! bash "$SRM_ROOT/setup/install.sh"; then
    problem "setup/install.sh failed"
    SRM_MODULE_LIST=()
    cleanup() { :; }
    finish
fi
srm_ensure_postgres # in this shell too: exports PGHOST when a private cluster is used

# ------------------------------------------------------------------ what the suite needs
# one check: every feature the suite offers can run here (nothing skipped for lack of a tool)
srm_log "runtime check: wkhtmltopdf, fonts, LibreOffice, Chromium, srm_ai's packages"
if runtime_report=$(srm_runtime_check); then
    passed=$((passed + 1))
    echo "$runtime_report" >&2
else
    echo "$runtime_report" >&2
    problem "runtime check: $(grep -c '^  MISSING' <<<"$runtime_report") part(s) missing: $(grep '^  MISSING' <<<"$runtime_report" | sed -E 's/^  MISSING ([^:]*):.*/\1/' | paste -sd, -)"
fi

srm_select_modules
if [ -n "$SRM_MISSING_MODULES" ]; then
    for m in $SRM_MISSING_MODULES; do
        if [ -n "${SRM_MODULES:-}" ]; then
            problem "module $m (listed in SRM_MODULES) not found in $SRM_ROOT${SRM_EXTRA_ADDONS_PATH:+ or $SRM_EXTRA_ADDONS_PATH}"
        else
            problem "required module $m is missing ($SRM_ROOT/$m/__manifest__.py not found)"
        fi
    done
fi

db="${SRM_TEST_DB:-srm_test_$$}"
logdir="${SRM_TEST_LOG_DIR:-$SRM_ROOT/.test-logs}"
mkdir -p "$logdir"
log="$logdir/$db-odoo.log"
server_log="$logdir/$db-server.log"
junit="$logdir/$db-pytest.xml"
data_dir="$(mktemp -d "${TMPDIR:-/tmp}/srm-test-data.XXXXXX")"
server_pid=""
cleaned=""
cleanup() {
    [ -n "$cleaned" ] && return 0
    cleaned=1
    if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
        kill -TERM "$server_pid" 2>/dev/null
        for _ in $(seq 1 30); do kill -0 "$server_pid" 2>/dev/null || break; sleep 1; done
        kill -KILL "$server_pid" 2>/dev/null
        wait "$server_pid" 2>/dev/null
    fi
    if [ "${SRM_KEEP_DB:-0}" = 1 ]; then
        srm_log "kept database $db and data dir $data_dir (SRM_KEEP_DB=1)"
    else
        srm_drop_db "$db" >/dev/null 2>&1 || srm_warn "could not drop database $db"
        rm -rf "$data_dir"
    fi
}
trap cleanup EXIT
trap 'srm_log "interrupted"; exit 130' INT TERM
# logs of earlier runs: keep a week
find "$logdir" -maxdepth 1 -type f -name 'srm_test_*' -mtime +7 -delete 2>/dev/null

# ------------------------------------------------------------------ lint
# the whole repository, whatever SRM_MODULES says: one check, passed or failed
lint_log="$logdir/$db-lint.log"
srm_log "lint: setup/lint.sh (log: $lint_log)"
timeout --foreground --kill-after=30 "${SRM_LINT_TIMEOUT:-900}" bash "$SRM_ROOT/setup/lint.sh" >"$lint_log" 2>&1
lint_rc=$?
lint_line=$(grep -E '^lint: [0-9]+ problem' "$lint_log" | tail -n1)
if [ "$lint_rc" -eq 0 ]; then
    passed=$((passed + 1))
    srm_log "${lint_line:-lint: no problem}"
else
    [ "$lint_rc" -eq 124 ] && lint_line="lint timed out after ${SRM_LINT_TIMEOUT:-900}s (SRM_LINT_TIMEOUT)"
    problem "${lint_line:-setup/lint.sh failed with exit code $lint_rc}; see $lint_log"
    grep -vE '^  optional: ' "$lint_log" | head -n 50 >&2
fi

if [ ${#SRM_MODULE_LIST[@]} -eq 0 ]; then
    problem "no SRM module to test"
    finish
fi
modules_csv=$(srm_join , "${SRM_MODULE_LIST[@]}")
tags=$(srm_join , "${SRM_MODULE_LIST[@]/#//}")
addons_path=$(srm_addons_path)
conf="$data_dir/odoo.conf" # empty: a developer's ~/.odoorc must not leak into the run
printf '[options]\n' >"$conf"
common_args=(-c "$conf" -d "$db" --addons-path="$addons_path" --data-dir="$data_dir"
    --http-interface=127.0.0.1 --workers=0 --max-cron-threads=0 --db-filter="^${db}\$")

srm_drop_db "$db" >/dev/null 2>&1 || true

# ------------------------------------------------------------------ Odoo tests
port=$(srm_free_port "${SRM_TEST_PORT:-0}") || { problem "no free HTTP port"; finish; }
srm_log "installing ${SRM_MODULE_LIST[*]} in database $db and running their tests (log: $log)"
start=$(date +%s)
timeout --foreground --kill-after=60 "${SRM_TEST_TIMEOUT:-2100}" \
    "$SRM_PYTHON" -m odoo "${common_args[@]}" -i "$modules_csv" \
    --test-enable --test-tags="$tags" --stop-after-init --log-level=test --http-port="$port" \
    2>&1 | tee "$log" | srm_log_progress
odoo_rc=${PIPESTATUS[0]}
srm_log "Odoo run finished in $(($(date +%s) - start))s with exit code $odoo_rc"

result_line=$(grep -E 'odoo\.tests\.result: [0-9]+ failed, [0-9]+ error\(s\) of [0-9]+ tests' "$log" | tail -n1)
odoo_tests=0
if [ -n "$result_line" ]; then
    read -r f_count e_count odoo_tests < <(sed -E 's/.*odoo\.tests\.result: ([0-9]+) failed, ([0-9]+) error\(s\) of ([0-9]+) tests.*/\1 \2 \3/' <<<"$result_line")
    odoo_failed=$((f_count + e_count))
    odoo_passed=$((odoo_tests - odoo_failed))
    [ "$odoo_passed" -lt 0 ] && odoo_passed=0
    passed=$((passed + odoo_passed))
    failed=$((failed + odoo_failed))
    srm_log "Odoo tests: $odoo_tests run, $f_count failed, $e_count error(s)"
    [ "$odoo_tests" -eq 0 ] && problem "Odoo ran no test for ${SRM_MODULE_LIST[*]}"
    [ "$odoo_rc" -ne 0 ] && [ "$odoo_failed" -eq 0 ] && problem "Odoo exited with code $odoo_rc"
else
    if [ "$odoo_rc" -eq 124 ]; then
        problem "Odoo run timed out after ${SRM_TEST_TIMEOUT:-2100}s (SRM_TEST_TIMEOUT); see $log"
    else
        problem "Odoo run ended (exit code $odoo_rc) without a test result line; see $log"
    fi
    tail -n 30 "$log" >&2
fi

# checklog: no WARNING/ERROR/CRITICAL line unless excused by setup/checklog-ignore.txt
checklog() {
    # checklog FILE LEVELS : prints the offending lines
    local ignore
    ignore=$(grep -vE '^[[:space:]]*(#|$)' "$SRM_ROOT/setup/checklog-ignore.txt" 2>/dev/null)
    # A serialization failure between concurrent transactions is logged by odoo.sql_db
    # as a "bad query" followed by PostgreSQL's reason, then retried by Odoo's RPC layer
    # (odoo.service.model): that pair is expected under concurrency, any other is not.
    awk '
        held != "" { if ($0 !~ /^ERROR: could not serialize access due to concurrent update/) print held; held = "" }
        / odoo\.sql_db: bad query: / { held = $0; next }
        { print }
        END { if (held != "") print held }
    ' "$1" |
        grep -E "^[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2},[0-9]+ [0-9]+ ($2) " |
        if [ -n "$ignore" ]; then grep -vE -f <(printf '%s\n' "$ignore"); else cat; fi
}
# (the records of failed tests and the result line are already counted above)
bad=$(checklog "$log" 'WARNING|ERROR|CRITICAL' |
    grep -vE ' odoo\.tests\.result: | (FAIL|ERROR): | odoo\.modules\.loading: Module [^ ]+: [0-9]+ failures, [0-9]+ errors of [0-9]+ tests')
if [ -n "$bad" ]; then
    problem "checklog: $(wc -l <<<"$bad") WARNING/ERROR/CRITICAL line(s) in the Odoo log"
    head -n 50 <<<"$bad" >&2
fi

# ------------------------------------------------------------------ pytest against a live server
shopt -s nullglob
pytest_files=("$SRM_ROOT"/tests/test_*.py)
shopt -u nullglob
if [ ${#pytest_files[@]} -gt 0 ] && [ -n "$result_line" ]; then
    port=$(srm_free_port "${SRM_TEST_PORT:-0}") || { problem "no free HTTP port"; finish; }
    url="http://127.0.0.1:$port"
    srm_log "starting Odoo on $url for tests/ (log: $server_log)"
    # as in production (setup/odoo.conf.example), queue_job's job runner runs in the server
    # when srm_queue_job is tested, so that jobs enqueued during the tests run
    server_load=()
    case " ${SRM_MODULE_LIST[*]} " in *" srm_queue_job "*) server_load=(--load=base,web,queue_job) ;; esac
    "$SRM_PYTHON" -m odoo "${common_args[@]}" "${server_load[@]}" --http-port="$port" --log-level=info >"$server_log" 2>&1 &
    server_pid=$!
    if srm_wait_http "$url/web/login" 180 "$server_pid"; then
        srm_log "running pytest tests"
        SRM_URL="$url" SRM_DB="$db" SRM_ADMIN_LOGIN=admin SRM_ADMIN_PASSWORD=admin \
            SRM_MODULES="${SRM_MODULE_LIST[*]}" \
            timeout --foreground --kill-after=30 "${SRM_PYTEST_TIMEOUT:-1500}" \
            "$SRM_PYTHON" -m pytest "$SRM_ROOT/tests" -q -p no:cacheprovider --junitxml="$junit"
        pytest_rc=$?
        read -r py_passed py_failed < <("$SRM_PYTHON" - "$junit" <<'EOF'
import sys
import xml.etree.ElementTree as ET
try:
    root = ET.parse(sys.argv[1]).getroot()
except Exception:
    print(0, 0)
    raise SystemExit
suites = [root] if root.tag == "testsuite" else root.findall("testsuite")
tests = sum(int(s.get("tests", 0)) for s in suites)
bad = sum(int(s.get("failures", 0)) + int(s.get("errors", 0)) for s in suites)
skipped = sum(int(s.get("skipped", 0)) for s in suites)
print(max(tests - bad - skipped, 0), bad)
EOF
        )
        passed=$((passed + py_passed))
        failed=$((failed + py_failed))
        if [ "$pytest_rc" -ne 0 ] && [ "$py_failed" -eq 0 ]; then
            problem "pytest exited with code $pytest_rc"
        fi
        [ "$((py_passed + py_failed))" -eq 0 ] && problem "pytest ran no test"
    else
        problem "the Odoo server for tests/ did not answer on $url/web/login"
        tail -n 30 "$server_log" >&2
    fi
    # a traceback in the server during the pytest run is a defect too
    bad=$(checklog "$server_log" 'ERROR|CRITICAL')
    if [ -n "$bad" ]; then
        problem "checklog: $(wc -l <<<"$bad") ERROR/CRITICAL line(s) in the server log"
        head -n 50 <<<"$bad" >&2
    fi
fi

# ------------------------------------------------------------------ the README's commands on a fresh machine
# (after the Odoo run: the simulation takes the machine's cores for a few minutes)
if [ "${SRM_SKIP_FRESH_MACHINE:-0}" = 1 ] && [ "${CI:-}" != true ]; then
    srm_log "fresh-machine check skipped (SRM_SKIP_FRESH_MACHINE=1)"
else
    cleanup # the test server and database are done with: their cores go to the simulation
    fresh_log="$logdir/$db-fresh-machine.log"
    srm_log "fresh-machine check: setup/test-fresh-machine.sh (log: $fresh_log)"
    SRM_FRESH_LOG="$logdir/$db-fresh-machine-steps.log" timeout --foreground --kill-after=60 "${SRM_FRESH_TIMEOUT:-1500}" \
        bash "$SRM_ROOT/setup/test-fresh-machine.sh" >"$fresh_log" 2>&1
    fresh_rc=$?
    fresh_line=$(grep -E '^fresh machine: ' "$fresh_log" | tail -n1)
    if [ "$fresh_rc" -eq 0 ]; then
        passed=$((passed + 1))
        srm_log "$fresh_line"
    else
        [ "$fresh_rc" -eq 124 ] && fresh_line="timed out after ${SRM_FRESH_TIMEOUT:-1500}s (SRM_FRESH_TIMEOUT)"
        problem "fresh-machine check: ${fresh_line:-exit code $fresh_rc}; see $fresh_log"
        tail -n 40 "$fresh_log" >&2
    fi
fi

finish
