# shellcheck shell=bash
# Shared functions of the SRM setup scripts (install.sh, demo.sh, test.sh).
# Source it; it does not run anything by itself.
#
# Environment knobs (all optional):
#   SRM_PYTHON             python interpreter to use (default: python3, i.e. the active venv's one)
#   SRM_STATE_DIR          where setup keeps its state (default: ~/.local/share/srm)
#   SRM_ODOO_DIR           where Odoo 18.0 is cloned when it is not importable
#                          (default: $SRM_STATE_DIR/odoo)
#   SRM_EXTRA_ADDONS_PATH  extra comma-separated addons directories (searched for modules too)
#   SRM_SKIP_APT=1         never call apt-get
#   PGHOST/PGPORT/PGUSER/PGPASSWORD  use that PostgreSQL server instead of a local one

SRM_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SRM_PYTHON="${SRM_PYTHON:-python3}"
# resolve shims (pyenv) once: the scripts start Python many times
SRM_PYTHON="$("$SRM_PYTHON" -c 'import sys; print(sys.executable)' 2>/dev/null || echo "$SRM_PYTHON")"
SRM_STATE_DIR="${SRM_STATE_DIR:-${XDG_DATA_HOME:-$HOME/.local/share}/srm}"
SRM_ODOO_DIR="${SRM_ODOO_DIR:-$SRM_STATE_DIR/odoo}"
SRM_ODOO_GIT_URL="${SRM_ODOO_GIT_URL:-https://github.com/odoo/odoo}"
SRM_ODOO_BRANCH="18.0"
# Modules the suite is made of; test.sh fails when one of them is missing,
# unless SRM_MODULES restricts the run.
SRM_REQUIRED_MODULES="srm_base srm_commitments srm_issues srm_reporting srm_ai"

srm_log() { printf '[srm] %s\n' "$*" >&2; }
srm_warn() { printf '[srm] WARNING: %s\n' "$*" >&2; }
srm_die() {
    printf '[srm] ERROR: %s\n' "$*" >&2
    exit 1
}

srm_is_root() { [ "$(id -u)" = 0 ]; }

srm_py() { "$SRM_PYTHON" "$@"; }

srm_sha() {
    # sha256 of stdin, hex only
    sha256sum | cut -d' ' -f1
}

# ---------------------------------------------------------------- Debian packages

srm_apt_missing() {
    # prints the packages of "$@" that are not installed
    local p
    for p in "$@"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || echo "$p"
    done
}

SRM_APT_UPDATED=""
srm_apt_install() {
    # srm_apt_install PKG... : installs the missing ones; returns non-zero on failure
    local missing
    missing=$(srm_apt_missing "$@" | xargs)
    [ -z "$missing" ] && return 0
    if [ "${SRM_SKIP_APT:-0}" = 1 ]; then
        srm_warn "SRM_SKIP_APT=1: not installing Debian packages: $missing"
        return 1
    fi
    if ! command -v apt-get >/dev/null 2>&1; then
        srm_warn "apt-get not found: install these packages yourself: $missing"
        return 1
    fi
    if ! srm_is_root; then
        srm_warn "not root: install these Debian packages yourself: sudo apt-get install $missing"
        return 1
    fi
    if [ -z "$SRM_APT_UPDATED" ]; then
        srm_log "apt-get update"
        DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null || srm_warn "apt-get update failed"
        SRM_APT_UPDATED=1
    fi
    srm_log "apt-get install $missing"
    # shellcheck disable=SC2086
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing >/dev/null
}

srm_ensure_system_packages() {
    # PostgreSQL (database), Chromium (browser tours); LibreOffice writer is optional
    # (PDF/DOCX conversion of py3o reports).
    if ! srm_apt_install postgresql; then
        command -v pg_ctl >/dev/null 2>&1 || ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1 ||
            [ -n "${PGHOST:-}" ] ||
            srm_warn "PostgreSQL server not installed; set PGHOST/PGPORT/PGUSER/PGPASSWORD to use an existing one"
    fi
    if ! command -v chromium >/dev/null 2>&1 && ! command -v google-chrome >/dev/null 2>&1 &&
        ! command -v chromium-browser >/dev/null 2>&1; then
        srm_apt_install chromium || srm_warn "no Chromium: browser tours (HttpCase.start_tour) will be skipped by Odoo"
    fi
    if ! command -v soffice >/dev/null 2>&1 && ! command -v libreoffice >/dev/null 2>&1; then
        srm_apt_install libreoffice-writer-nogui ||
            srm_warn "no LibreOffice (optional): py3o reports can only be produced in their native format"
    fi
}

# ---------------------------------------------------------------- Python / Odoo

srm_odoo_ok() {
    # sets SRM_ODOO_VERSION (used by install.sh) when an Odoo 18.0 is importable
    # shellcheck disable=SC2034
    SRM_ODOO_VERSION=$(srm_py -c "import odoo, odoo.release; assert odoo.release.version_info[:2] == (18, 0); print(odoo.release.version)" 2>/dev/null)
}

srm_pip() {
    # pip into the interpreter in use (an active venv is respected: python3 is then the venv's).
    # Outside a venv, as a non-root user whose site-packages is not writable, use --user.
    local user_flag=()
    if ! srm_is_root && [ -z "${VIRTUAL_ENV:-}" ] &&
        ! srm_py -c 'import os, sys, sysconfig; sys.exit(0 if sys.prefix != sys.base_prefix or os.access(sysconfig.get_paths()["purelib"], os.W_OK) else 1)'; then
        user_flag=(--user)
    fi
    srm_py -m pip install --disable-pip-version-check "${user_flag[@]}" "$@"
}

srm_odoo_help() {
    cat >&2 <<EOF
[srm] Odoo 18.0 is needed and could not be installed automatically.
[srm] Install it into the Python that runs these scripts ($(command -v "$SRM_PYTHON" || echo "$SRM_PYTHON")), e.g.:
[srm]     git clone --depth 1 --branch $SRM_ODOO_BRANCH $SRM_ODOO_GIT_URL $SRM_ODOO_DIR
[srm]     $SRM_PYTHON -m pip install -r $SRM_ODOO_DIR/requirements.txt
[srm]     $SRM_PYTHON -m pip install -e $SRM_ODOO_DIR
[srm] (Debian build dependencies: build-essential python3-dev libpq-dev libldap2-dev libsasl2-dev
[srm]  libxml2-dev libxslt1-dev libjpeg-dev zlib1g-dev.)  Or set SRM_ODOO_DIR to an existing
[srm] Odoo 18.0 source tree and run this script again.
EOF
}

srm_ensure_odoo() {
    if srm_odoo_ok; then
        return 0
    fi
    srm_log "Odoo 18.0 is not importable by $SRM_PYTHON; installing it from source into $SRM_ODOO_DIR"
    if [ ! -f "$SRM_ODOO_DIR/odoo/release.py" ]; then
        command -v git >/dev/null 2>&1 || srm_apt_install git || true
        mkdir -p "$(dirname "$SRM_ODOO_DIR")"
        rm -rf "$SRM_ODOO_DIR.tmp"
        if ! git clone --quiet --depth 1 --branch "$SRM_ODOO_BRANCH" "$SRM_ODOO_GIT_URL" "$SRM_ODOO_DIR.tmp"; then
            rm -rf "$SRM_ODOO_DIR.tmp"
            srm_odoo_help
            srm_die "could not clone $SRM_ODOO_GIT_URL (branch $SRM_ODOO_BRANCH)"
        fi
        mv "$SRM_ODOO_DIR.tmp" "$SRM_ODOO_DIR"
    fi
    # headers needed to build Odoo's pinned requirements (python-ldap, psycopg2, lxml)
    srm_apt_install build-essential python3-dev libpq-dev libldap2-dev libsasl2-dev \
        libxml2-dev libxslt1-dev libjpeg-dev zlib1g-dev >/dev/null 2>&1 || true
    if ! srm_pip -r "$SRM_ODOO_DIR/requirements.txt" || ! srm_pip -e "$SRM_ODOO_DIR"; then
        srm_odoo_help
        srm_die "pip could not install Odoo from $SRM_ODOO_DIR"
    fi
    # lxml >= 5.2 moved lxml.html.clean, which Odoo imports, to a separate distribution
    srm_py -c "import lxml.html.clean" >/dev/null 2>&1 || srm_pip lxml_html_clean || true
    srm_odoo_ok || {
        srm_odoo_help
        srm_die "Odoo was installed from $SRM_ODOO_DIR but 'import odoo' still fails with $SRM_PYTHON"
    }
}

srm_requirements_stamp() {
    {
        cat "$SRM_ROOT/requirements.txt"
        srm_py -c 'import sys; print(sys.executable, sys.prefix)'
    } | srm_sha
}

srm_ensure_python_requirements() {
    # Fast path: same requirements.txt and interpreter as last time and everything imports.
    local stamp_file="$SRM_STATE_DIR/requirements.stamp" stamp
    stamp=$(srm_requirements_stamp)
    if [ -f "$stamp_file" ] && [ "$(cat "$stamp_file")" = "$stamp" ] &&
        srm_py -c "import importlib.metadata as m, xlsxwriter, py3o.template, py3o.formats, requests, psycopg2, freezegun, websocket, pytest, pylint_odoo; m.version('odoo-addon-report_xlsx'); m.version('odoo-addon-report_py3o'); m.version('ruff')" >/dev/null 2>&1; then
        return 0
    fi
    srm_log "installing Python requirements ($SRM_ROOT/requirements.txt)"
    if ! srm_pip -q -r "$SRM_ROOT/requirements.txt"; then
        srm_die "pip could not install $SRM_ROOT/requirements.txt (inside an externally managed Python, create and activate a venv first: $SRM_PYTHON -m venv ~/.venvs/srm && . ~/.venvs/srm/bin/activate)"
    fi
    mkdir -p "$SRM_STATE_DIR"
    echo "$stamp" >"$stamp_file"
}

srm_odoo_addons_dir() {
    # find_spec does not import odoo (which takes seconds)
    srm_py -c 'import os, importlib.util as u; print(os.path.join(os.path.dirname(u.find_spec("odoo").origin), "addons"))'
}

srm_addons_path() {
    # repo root (our addons) + extra dirs + Odoo's own addons. OCA wheels (report_xlsx, ...)
    # are found by Odoo through the odoo.addons namespace package, no path needed.
    local p="$SRM_ROOT"
    [ -n "${SRM_EXTRA_ADDONS_PATH:-}" ] && p="$p,$SRM_EXTRA_ADDONS_PATH"
    echo "$p,$(srm_odoo_addons_dir)"
}

# ---------------------------------------------------------------- modules

srm_module_dir() {
    # prints the directory of module $1 (repo root first, then SRM_EXTRA_ADDONS_PATH)
    local d
    local IFS=,
    for d in $SRM_ROOT ${SRM_EXTRA_ADDONS_PATH:-}; do
        if [ -f "$d/$1/__manifest__.py" ]; then
            echo "$d/$1"
            return 0
        fi
    done
    return 1
}

srm_module_installable() {
    srm_py - "$1/__manifest__.py" <<'EOF'
import ast, sys
with open(sys.argv[1]) as f:
    manifest = ast.literal_eval(f.read())
sys.exit(0 if manifest.get("installable", True) else 1)
EOF
}

srm_present_modules() {
    # srm_* addons at the repo root with a manifest, sorted
    local d
    for d in "$SRM_ROOT"/srm_*/; do
        d=${d%/}
        [ -f "$d/__manifest__.py" ] && basename "$d"
    done | sort
}

# Sets SRM_MODULE_LIST (array) and SRM_MISSING_MODULES (string) from SRM_MODULES or the repo.
srm_select_modules() {
    local m extra
    SRM_MODULE_LIST=()
    SRM_MISSING_MODULES=""
    if [ -n "${SRM_MODULES:-}" ]; then
        for m in $SRM_MODULES; do
            if srm_module_dir "$m" >/dev/null; then
                SRM_MODULE_LIST+=("$m")
            else
                SRM_MISSING_MODULES="$SRM_MISSING_MODULES $m"
            fi
        done
    else
        for m in $SRM_REQUIRED_MODULES; do
            if [ -f "$SRM_ROOT/$m/__manifest__.py" ]; then
                SRM_MODULE_LIST+=("$m")
            else
                SRM_MISSING_MODULES="$SRM_MISSING_MODULES $m"
            fi
        done
        # any other srm_* addon of the repo is part of the suite too
        for extra in $(srm_present_modules); do
            case " $SRM_REQUIRED_MODULES " in *" $extra "*) ;; *) SRM_MODULE_LIST+=("$extra") ;; esac
        done
    fi
    SRM_MISSING_MODULES="${SRM_MISSING_MODULES# }"
    # drop modules whose manifest says installable: False
    local keep=()
    for m in "${SRM_MODULE_LIST[@]}"; do
        if srm_module_installable "$(srm_module_dir "$m")"; then
            keep+=("$m")
        else
            srm_warn "$m is marked installable: False; skipped"
        fi
    done
    SRM_MODULE_LIST=("${keep[@]}")
}

srm_join() {
    # srm_join SEP ITEM... -> items joined with SEP
    local sep=$1 out="" x
    shift
    for x in "$@"; do out="${out:+$out$sep}$x"; done
    echo "$out"
}

srm_modules_hash() {
    # hash of the files of the given modules (content + relative path), of the Odoo version
    # and of the module list: changes whenever an upgrade (-u) is needed
    local m dir
    {
        srm_py -c 'import importlib.metadata as m; print(m.version("odoo"))'
        echo "$@"
        for m in "$@"; do
            dir=$(srm_module_dir "$m") || continue
            (cd "$dir/.." && find "$m" -type f ! -name '*.pyc' ! -path '*/__pycache__/*' \
                ! -name '*.po~' ! -name '.*' -print0 | LC_ALL=C sort -z | xargs -0 sha256sum)
        done
    } | srm_sha
}

# ---------------------------------------------------------------- PostgreSQL

srm_pg_ok() {
    # can we connect (PG* env vars / default socket) and create databases?
    srm_py - <<'EOF' >/dev/null 2>&1
import psycopg2
conn = psycopg2.connect(dbname="postgres", connect_timeout=5)
cr = conn.cursor()
cr.execute("SELECT rolsuper OR rolcreatedb FROM pg_roles WHERE rolname = current_user")
assert cr.fetchone()[0]
EOF
}

srm_pg_bindir() {
    # newest installed PostgreSQL server binaries
    local d
    d=$(printf '%s\n' /usr/lib/postgresql/*/bin | grep -v '\*' | sort -V | tail -n1)
    if [ -n "$d" ]; then
        echo "$d"
    elif command -v pg_ctl >/dev/null 2>&1; then
        dirname "$(command -v pg_ctl)"
    else
        return 1
    fi
}

srm_pg_start_system_cluster() {
    # root: start (or create) the Debian cluster and give the current user a superuser role
    local bindir ver user
    bindir=$(srm_pg_bindir) || return 1
    ver=$(basename "$(dirname "$bindir")")
    command -v pg_ctlcluster >/dev/null 2>&1 || return 1
    if ! pg_lsclusters -h 2>/dev/null | awk -v v="$ver" '$1 == v && $2 == "main"' | grep -q .; then
        srm_log "creating PostgreSQL cluster $ver/main"
        pg_createcluster "$ver" main >/dev/null || return 1
    fi
    if ! pg_lsclusters -h | awk -v v="$ver" '$1 == v && $2 == "main" && $4 == "online"' | grep -q .; then
        srm_log "starting PostgreSQL cluster $ver/main"
        pg_ctlcluster "$ver" main start || return 1
    fi
    user=${PGUSER:-$(id -un)}
    if ! su postgres -c "psql -Atqc \"SELECT 1 FROM pg_roles WHERE rolname = '$user'\"" 2>/dev/null | grep -q 1; then
        srm_log "creating PostgreSQL superuser role $user"
        su postgres -c "createuser --superuser '$user'" || return 1
    fi
}

srm_pg_start_user_cluster() {
    # non-root: a private cluster under $SRM_STATE_DIR/pgdata, socket only (no TCP)
    local bindir pgdata="$SRM_STATE_DIR/pgdata" sock="$SRM_STATE_DIR/pgsock"
    bindir=$(srm_pg_bindir) || return 1
    mkdir -p "$sock"
    if [ ! -f "$pgdata/PG_VERSION" ]; then
        srm_log "initialising a private PostgreSQL cluster in $pgdata"
        "$bindir/initdb" -D "$pgdata" -U "$(id -un)" --auth=trust -E UTF8 >/dev/null || return 1
    fi
    export PGHOST="$sock" PGPORT="${PGPORT:-5432}"
    if ! "$bindir/pg_ctl" -D "$pgdata" status >/dev/null 2>&1; then
        srm_log "starting the private PostgreSQL cluster (socket in $sock)"
        "$bindir/pg_ctl" -D "$pgdata" -l "$SRM_STATE_DIR/postgresql.log" -w \
            -o "-k '$sock' -p $PGPORT -c listen_addresses=''" start >/dev/null || return 1
    fi
}

srm_ensure_postgres() {
    if srm_pg_ok; then
        return 0
    fi
    # a private cluster started by an earlier run
    if [ -z "${PGHOST:-}" ] && [ -S "$SRM_STATE_DIR/pgsock/.s.PGSQL.${PGPORT:-5432}" ]; then
        export PGHOST="$SRM_STATE_DIR/pgsock" PGPORT="${PGPORT:-5432}"
        srm_pg_ok && return 0
        unset PGHOST
    fi
    if [ -n "${PGHOST:-}" ] && [ "${PGHOST#/}" = "$PGHOST" ]; then
        srm_die "cannot connect to PostgreSQL at PGHOST=$PGHOST (as ${PGUSER:-$(id -un)}, needs CREATEDB); check PGHOST/PGPORT/PGUSER/PGPASSWORD"
    fi
    if srm_is_root; then
        srm_pg_start_system_cluster || srm_warn "could not start the system PostgreSQL cluster"
    else
        srm_pg_start_user_cluster || srm_warn "could not start a private PostgreSQL cluster"
    fi
    srm_pg_ok || srm_die "PostgreSQL is not reachable: install the Debian package postgresql (or set PGHOST/PGPORT/PGUSER/PGPASSWORD to a server where ${PGUSER:-$(id -un)} may create databases)"
}

srm_db_exists() {
    srm_py - "$1" <<'EOF' >/dev/null 2>&1
import sys, psycopg2
conn = psycopg2.connect(dbname="postgres", connect_timeout=5)
cr = conn.cursor()
cr.execute("SELECT 1 FROM pg_database WHERE datname = %s", (sys.argv[1],))
sys.exit(0 if cr.fetchone() else 1)
EOF
}

srm_db_modules_installed() {
    # srm_db_modules_installed DB MODULE... : true when every module is installed in DB
    srm_py - "$@" <<'EOF' >/dev/null 2>&1
import sys, psycopg2
db, modules = sys.argv[1], sys.argv[2:]
conn = psycopg2.connect(dbname=db, connect_timeout=5)
cr = conn.cursor()
cr.execute("SELECT count(*) FROM ir_module_module WHERE state = 'installed' AND name = ANY(%s)", (modules,))
sys.exit(0 if cr.fetchone()[0] == len(set(modules)) else 1)
EOF
}

srm_drop_db() {
    srm_py - "$1" <<'EOF'
import sys, psycopg2
from psycopg2 import sql
conn = psycopg2.connect(dbname="postgres", connect_timeout=5)
conn.autocommit = True
conn.cursor().execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(sys.argv[1])))
EOF
}

srm_log_progress() {
    # filters an Odoo log on stdin down to its progress: module loading, each test,
    # every WARNING/ERROR/CRITICAL record with its traceback, the test results
    awk '
        /^[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9] [0-9:,]+ [0-9]+ [A-Z]+ / {
            show = ($4 ~ /^(WARNING|ERROR|CRITICAL)$/) \
                || /odoo\.modules\.loading: (Loading module|[0-9]+ modules loaded|Modules loaded|loading [0-9]+ modules)/ \
                || /odoo\.service\.server: Starting post tests/ \
                || /ir_qweb: (Pregenerating|(JS|CSS) Assets bundles generated)/ \
                || /: Starting [^ ]+ \.\.\. *$/ \
                || /odoo\.tests\.(result|stats):/
            if (show) { print; fflush() }
            next
        }
        show { print; fflush() }'
}

# ---------------------------------------------------------------- HTTP

srm_free_port() {
    # a TCP port nobody listens on (or $1 when given and free)
    srm_py - "${1:-0}" <<'EOF'
import socket, sys
want = int(sys.argv[1])
s = socket.socket()
s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as Odoo does: TIME_WAIT is no conflict
try:
    s.bind(("127.0.0.1", want))
except OSError:
    if not want:
        raise
    sys.exit("port %d is already in use" % want)
print(s.getsockname()[1])
s.close()
EOF
}

srm_wait_http() {
    # srm_wait_http URL TIMEOUT_SECONDS PID : waits until URL answers 200 (fails if PID dies)
    srm_py - "$1" "$2" "$3" <<'EOF'
import os, sys, time, urllib.request
url, timeout, pid = sys.argv[1], float(sys.argv[2]), int(sys.argv[3])
deadline = time.time() + timeout
while time.time() < deadline:
    try:
        os.kill(pid, 0)
    except OSError:
        sys.exit("server process %d exited" % pid)
    try:
        with urllib.request.urlopen(url, timeout=10) as r:
            if r.status == 200:
                sys.exit(0)
    except Exception:
        pass
    time.sleep(1)
sys.exit("no answer from %s after %ds" % (url, timeout))
EOF
}
