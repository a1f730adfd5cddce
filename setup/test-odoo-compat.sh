#!/usr/bin/env bash
# Odoo's own tests of contacts, calendar and mail, run in a database where the SRM suite
# is installed: the suite must not break the apps it extends. Too slow for every CI run
# (it upgrades mail, calendar and contacts to run their at_install tests), so it is a
# separate command; BENCHMARKS.md records its last outcome.
#
#   bash setup/test-odoo-compat.sh                       default subset (below)
#   bash setup/test-odoo-compat.sh /contacts,/calendar,/mail   every test of the three apps
#
# Default subset: every contacts and calendar test, and mail's partner, message, tools
# and user tests (mail's own gateway tests live in test_mail, which is not installed).
# Environment: SRM_MODULES (suite modules, default every installable srm_* addon),
# SRM_KEEP_DB=1 (keep the database), SRM_COMPAT_PORT (HTTP port, default 8179).
# Ends with "N passed, N failed" and exits 1 on any failure or WARNING/ERROR log line.
set -uo pipefail
# shellcheck source=setup/lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$SRM_ROOT" || exit 1

tags="${1:-/contacts,/calendar,/mail:TestPartner,/mail:TestMailMessage,/mail:TestMailTools,/mail:TestMailUtils,/mail:TestUser,/mail:TestNotifySecurityUpdate}"
srm_ensure_postgres
srm_select_modules
[ ${#SRM_MODULE_LIST[@]} -gt 0 ] || srm_die "no SRM module found"
modules_csv=$(srm_join , "${SRM_MODULE_LIST[@]}")
db="srm_qa_compat_$$"
data_dir="$(mktemp -d "${TMPDIR:-/tmp}/srm-compat.XXXXXX")"
logdir="${SRM_TEST_LOG_DIR:-$SRM_ROOT/.test-logs}"
mkdir -p "$logdir"
log="$logdir/$db.log"
conf="$data_dir/odoo.conf"
printf '[options]\n' >"$conf"
cleanup() {
    if [ "${SRM_KEEP_DB:-0}" = 1 ]; then
        srm_log "kept database $db"
    else
        srm_drop_db "$db" >/dev/null 2>&1
        rm -rf "$data_dir"
    fi
}
trap cleanup EXIT
args=(-c "$conf" -d "$db" --addons-path="$(srm_addons_path)" --data-dir="$data_dir" --workers=0
    --max-cron-threads=0 --http-interface=127.0.0.1 --http-port="${SRM_COMPAT_PORT:-8179}" --stop-after-init)

srm_log "installing contacts, calendar, mail and $modules_csv in $db (with demo data, as Odoo's CI)"
"$SRM_PYTHON" -m odoo "${args[@]}" -i "contacts,calendar,mail,$modules_csv" --log-level=warn >"$log" 2>&1 ||
    { tail -n 40 "$log"; srm_die "install failed; see $log"; }
srm_log "running Odoo's tests $tags with the suite installed (log: $log)"
start=$(date +%s)
"$SRM_PYTHON" -m odoo "${args[@]}" -u contacts,calendar,mail --test-enable --test-tags="$tags" \
    --log-level=test >>"$log" 2>&1
rc=$?
srm_log "done in $(($(date +%s) - start))s (exit code $rc)"
result=$(grep -E 'odoo\.tests\.result: [0-9]+ failed, [0-9]+ error\(s\) of [0-9]+ tests' "$log" | tail -n1)
echo "$result"
bad=$(grep -E '^[0-9-]+ [0-9:,]+ [0-9]+ (WARNING|ERROR|CRITICAL) ' "$log" |
    grep -vE -f <(grep -vE '^[[:space:]]*(#|$)' "$SRM_ROOT/setup/checklog-ignore.txt" 2>/dev/null || echo '^$') |
    grep -vE ' odoo\.tests\.result: | (FAIL|ERROR): ')
[ -n "$bad" ] && { echo "log lines:"; head -n 30 <<<"$bad"; }
if [ -z "$result" ]; then
    echo "0 passed, 1 failed"
    exit 1
fi
read -r f e n < <(sed -E 's/.*: ([0-9]+) failed, ([0-9]+) error\(s\) of ([0-9]+) tests.*/\1 \2 \3/' <<<"$result")
failed=$((f + e))
echo "$((n - failed)) passed, $failed failed"
[ "$failed" -eq 0 ] && [ "$rc" -eq 0 ] && [ -z "$bad" ]
