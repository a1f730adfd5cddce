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
#   SRM_WKHTMLTOPDF_RELEASE / SRM_WKHTMLTOPDF_BASE_URL  the patched-Qt wkhtmltopdf to download
#                          (default 0.12.6.1-3 from the wkhtmltopdf/packaging GitHub releases;
#                          a mirror of that layout works too)
#   SRM_DOWNLOAD_TIMEOUT   seconds a download may wait to connect or for data (default 10)
#   SRM_REQUIRE_PATCHED_WKHTMLTOPDF=1  the runtime check fails on an unpatched wkhtmltopdf
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
# unless SRM_MODULES restricts the run. srm_queue_job brings OCA queue_job (requirements.txt)
# with it, so that the suite's jobs are installed and run in the tests too.
SRM_REQUIRED_MODULES="srm_base srm_consultation srm_commitments srm_issues srm_reporting srm_ai srm_consultation_commitments srm_consultation_issues srm_reporting_consultation srm_ai_consultation srm_queue_job"

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
    # PostgreSQL (database), Chromium (browser tours), wkhtmltopdf (PDF reports), fonts for
    # every language shipped, LibreOffice (PDF/DOCX conversion of py3o reports).
    if ! srm_apt_install postgresql; then
        command -v pg_ctl >/dev/null 2>&1 || ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1 ||
            [ -n "${PGHOST:-}" ] ||
            srm_warn "PostgreSQL server not installed; set PGHOST/PGPORT/PGUSER/PGPASSWORD to use an existing one"
    fi
    if [ -z "$(srm_chromium)" ]; then
        srm_apt_install chromium || srm_warn "no Chromium: browser tours (HttpCase.start_tour) cannot run"
    fi
    srm_ensure_wkhtmltopdf || true
    # zh_CN: Noto CJK; fr/es (and en): DejaVu for the PDF reports' fallback text, Liberation
    # (metric-compatible with Arial/Helvetica) used by the ODT templates of the py3o reports
    srm_apt_install fontconfig fonts-noto-cjk fonts-dejavu-core fonts-liberation2 ||
        srm_warn "fonts missing: Chinese (fonts-noto-cjk) or Latin (fonts-dejavu-core, fonts-liberation2) text may print as boxes"
    if [ -z "$(srm_soffice)" ]; then
        srm_apt_install libreoffice-writer-nogui || srm_apt_install libreoffice-writer ||
            srm_warn "no LibreOffice: py3o reports (ODT templates) cannot be converted to PDF or DOCX"
    fi
    # pdftotext: the report tests read the text back out of the PDFs they print
    if ! command -v pdftotext >/dev/null 2>&1; then
        srm_apt_install poppler-utils || srm_warn "no pdftotext (Debian package poppler-utils): the PDF report tests cannot read their output"
    fi
}

srm_chromium() {
    local b
    for b in chromium chromium-browser google-chrome google-chrome-stable; do
        command -v "$b" 2>/dev/null && return 0
    done
    return 0
}

srm_soffice() {
    # the LibreOffice binary report_py3o runs ("libreoffice", else "soffice")
    command -v libreoffice 2>/dev/null || command -v soffice 2>/dev/null || true
}

# ---------------------------------------------------------------- wkhtmltopdf
# Odoo prints PDF reports with wkhtmltopdf 0.12.6 built against wkhtmltopdf's patched Qt
# (the build Odoo documents): without the patch, headers, footers, page numbers and page
# breaks of the reports are lost or misplaced. The packaging project publishes it as a .deb
# per Debian/Ubuntu release and architecture; Debian's own wkhtmltopdf package (unpatched
# Qt) is only the fallback when that cannot be downloaded.
SRM_WKHTMLTOPDF_RELEASE="${SRM_WKHTMLTOPDF_RELEASE:-0.12.6.1-3}"
SRM_WKHTMLTOPDF_BASE_URL="${SRM_WKHTMLTOPDF_BASE_URL:-https://github.com/wkhtmltopdf/packaging/releases/download}"
SRM_DOWNLOAD_TIMEOUT="${SRM_DOWNLOAD_TIMEOUT:-10}" # seconds to connect / between bytes

srm_wkhtmltopdf_version() {
    # "wkhtmltopdf 0.12.6.1 (with patched qt)", or nothing when there is none
    command -v wkhtmltopdf >/dev/null 2>&1 || return 0
    timeout 20 wkhtmltopdf --version 2>/dev/null | head -n1
}

srm_wkhtmltopdf_patched() {
    srm_wkhtmltopdf_version | grep -qi 'with patched qt'
}

srm_wkhtmltopdf_target() {
    # the packaging project's build for this release: "bookworm_amd64", "jammy_arm64"...
    local id="" codename="" version_id="" arch build=""
    [ -r /etc/os-release ] || return 1
    # shellcheck disable=SC1091
    id=$(. /etc/os-release && echo "${ID:-}")
    # shellcheck disable=SC1091
    codename=$(. /etc/os-release && echo "${VERSION_CODENAME:-}")
    # shellcheck disable=SC1091
    version_id=$(. /etc/os-release && echo "${VERSION_ID:-}")
    arch=$(dpkg --print-architecture 2>/dev/null) || return 1
    case "$id:$codename" in
    debian:bullseye) build=bullseye ;;
    debian:bookworm) build=bookworm ;;
    debian:*) [ "${version_id%%.*}" -ge 13 ] 2>/dev/null && build=bookworm ;; # no newer build: bookworm's runs there
    ubuntu:focal) build=focal ;;
    ubuntu:jammy) build=jammy ;;
    ubuntu:*) [ "${version_id%%.*}" -ge 23 ] 2>/dev/null && build=jammy ;; # Odoo's own images use jammy's on noble
    esac
    [ -n "$build" ] || return 1
    echo "${build}_${arch}"
}

srm_download() {
    # srm_download URL FILE: quick to fail (SRM_DOWNLOAD_TIMEOUT to connect and between bytes,
    # 5 minutes in all); prints the reason on failure
    srm_py - "$1" "$2" "$SRM_DOWNLOAD_TIMEOUT" <<'EOF'
import os, sys, time, urllib.request
url, dest, timeout = sys.argv[1], sys.argv[2], float(sys.argv[3])
start = time.time()
try:
    with urllib.request.urlopen(url, timeout=timeout) as answer, open(dest + ".part", "wb") as out:
        while chunk := answer.read(1 << 16):
            out.write(chunk)
            if time.time() - start > 300:
                raise TimeoutError("download slower than 5 minutes")
    os.replace(dest + ".part", dest)
except Exception as exc:  # any failure: the caller falls back
    if os.path.exists(dest + ".part"):
        os.remove(dest + ".part")
    sys.exit(f"{exc.__class__.__name__}: {exc} (after {time.time() - start:.1f}s)")
EOF
}

# sha1 of the jammy builds, as Odoo's 18.0 Docker image checks them
declare -A SRM_WKHTMLTOPDF_SHA1=(
    [jammy_amd64]=967390a759707337b46d1c02452e2bb6b2dc6d59
    [jammy_arm64]=90f6e69896d51ef77339d3f3a20f8582bdf496cc
    [jammy_ppc64el]=5312d7d34a25b321282929df82e3574319aed25c
)

srm_install_patched_wkhtmltopdf() {
    # downloads and installs the patched-Qt build; returns non-zero (reason printed) on failure
    local target url deb reason sha
    if ! target=$(srm_wkhtmltopdf_target); then
        srm_warn "wkhtmltopdf: no patched-Qt build of $SRM_WKHTMLTOPDF_RELEASE for this system ($(. /etc/os-release 2>/dev/null && echo "${PRETTY_NAME:-unknown}"), $(dpkg --print-architecture 2>/dev/null))"
        return 1
    fi
    url="$SRM_WKHTMLTOPDF_BASE_URL/$SRM_WKHTMLTOPDF_RELEASE/wkhtmltox_${SRM_WKHTMLTOPDF_RELEASE}.${target}.deb"
    deb="$SRM_STATE_DIR/downloads/$(basename "$url")"
    mkdir -p "$SRM_STATE_DIR/downloads"
    if [ ! -s "$deb" ]; then
        srm_log "wkhtmltopdf: downloading the patched-Qt build (the one Odoo documents): $url"
        if ! reason=$(srm_download "$url" "$deb" 2>&1); then
            srm_warn "wkhtmltopdf: could not download $url: ${reason##*$'\n'}"
            return 1
        fi
    fi
    sha=${SRM_WKHTMLTOPDF_SHA1[$target]:-}
    if [ -n "$sha" ] && [ "$(sha1sum "$deb" | cut -d' ' -f1)" != "$sha" ]; then
        srm_warn "wkhtmltopdf: $deb does not have the expected checksum; removed"
        rm -f "$deb"
        return 1
    fi
    if [ "$(dpkg-deb -f "$deb" Package 2>/dev/null)" != wkhtmltox ] ||
        [[ "$(dpkg-deb -f "$deb" Version 2>/dev/null)" != 0.12.6* ]]; then
        srm_warn "wkhtmltopdf: $deb is not a wkhtmltox 0.12.6 package; removed"
        rm -f "$deb"
        return 1
    fi
    srm_log "wkhtmltopdf: installing $(basename "$deb")"
    # apt installs what it depends on (fontconfig, xfonts-75dpi, xfonts-base, libssl...)
    if ! DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$deb" >/dev/null; then
        srm_warn "wkhtmltopdf: apt-get could not install $deb"
        return 1
    fi
    hash -r
    srm_wkhtmltopdf_patched
}

srm_ensure_wkhtmltopdf() {
    local before
    srm_wkhtmltopdf_patched && return 0
    before=$(srm_wkhtmltopdf_version)
    if [ "${SRM_SKIP_APT:-0}" = 1 ] || ! srm_is_root || ! command -v apt-get >/dev/null 2>&1; then
        srm_warn "wkhtmltopdf: ${before:-not installed}; install wkhtmltopdf $SRM_WKHTMLTOPDF_RELEASE with patched Qt (as root): the .deb of $SRM_WKHTMLTOPDF_BASE_URL/$SRM_WKHTMLTOPDF_RELEASE/ for your release, with apt-get install ./wkhtmltox_*.deb"
        return 1
    fi
    srm_install_patched_wkhtmltopdf && {
        srm_log "wkhtmltopdf: $(srm_wkhtmltopdf_version) at $(command -v wkhtmltopdf)"
        return 0
    }
    if [ -z "$before" ]; then
        srm_warn "wkhtmltopdf: falling back to Debian's wkhtmltopdf package (Qt not patched)"
        srm_apt_install wkhtmltopdf || {
            srm_warn "wkhtmltopdf: Debian's package could not be installed either: PDF reports cannot be printed"
            return 1
        }
        hash -r
    fi
    cat >&2 <<EOF
[srm] WARNING: ================================================================
[srm] WARNING: wkhtmltopdf is Debian's build ($(srm_wkhtmltopdf_version), Qt not patched), because
[srm] WARNING: the patched-Qt build could not be downloaded. PDF reports print, but without their
[srm] WARNING: header and footer (company, page numbers) and with approximate page breaks.
[srm] WARNING: For production, install as root the .deb of your release from
[srm] WARNING:   $SRM_WKHTMLTOPDF_BASE_URL/$SRM_WKHTMLTOPDF_RELEASE/
[srm] WARNING: (apt-get install ./wkhtmltox_*.deb), or run setup/install.sh again where it is reachable.
[srm] WARNING: ================================================================
EOF
    return 0
}

# ---------------------------------------------------------------- what the product needs

# srm_runtime_check: checks that everything the suite offers can run here and prints one line
# per part ("ok", "WARN" or "MISSING"); returns 1 when something is missing.
#   wkhtmltopdf (PDF reports; its version and whether its Qt is patched), fonts (Chinese via
#   fc-list, Latin for fr/es, Liberation for the ODT templates), LibreOffice (py3o to
#   PDF/DOCX), Chromium (browser tours), srm_ai's optional packages and its best mode.
# SRM_REQUIRE_PATCHED_WKHTMLTOPDF=1 makes an unpatched wkhtmltopdf a failure too.
srm_runtime_check() {
    local missing=0 v pdf fam lo br out tmp
    tmp=$(mktemp -d "${TMPDIR:-/tmp}/srm-check.XXXXXX")
    # wkhtmltopdf: present, 0.12.x, able to print a page with Chinese text
    v=$(srm_wkhtmltopdf_version)
    if [ -z "$v" ]; then
        echo "  MISSING wkhtmltopdf: not installed (PDF reports cannot be printed; run setup/install.sh as root)"
        missing=1
    else
        printf '<html><head><meta charset="utf-8"/></head><body><p>Rapport / Informe / 报告</p></body></html>' >"$tmp/page.html"
        if ! timeout 60 wkhtmltopdf -q "$tmp/page.html" "$tmp/page.pdf" >/dev/null 2>&1 ||
            [ "$(head -c4 "$tmp/page.pdf" 2>/dev/null)" != "%PDF" ]; then
            echo "  MISSING wkhtmltopdf: $v at $(command -v wkhtmltopdf) does not print a page"
            missing=1
        elif srm_wkhtmltopdf_patched; then
            echo "  ok      wkhtmltopdf: $v at $(command -v wkhtmltopdf) (the build Odoo documents)"
        elif [ "${SRM_REQUIRE_PATCHED_WKHTMLTOPDF:-0}" = 1 ]; then
            echo "  MISSING wkhtmltopdf: $v at $(command -v wkhtmltopdf), Qt not patched (SRM_REQUIRE_PATCHED_WKHTMLTOPDF=1)"
            missing=1
        else
            echo "  WARN    wkhtmltopdf: $v at $(command -v wkhtmltopdf), Qt NOT patched: PDF reports lose their header and footer (setup/install.sh says how to get the patched build)"
        fi
    fi
    # fonts
    if ! command -v fc-list >/dev/null 2>&1; then
        echo "  MISSING fonts: fc-list not found (Debian package fontconfig)"
        missing=1
    else
        fam=$(fc-list :lang=zh-cn family 2>/dev/null | head -n1 | cut -d, -f1)
        if [ -n "$fam" ]; then
            echo "  ok      Chinese font (zh_CN): $fam"
        else
            echo "  MISSING Chinese font (zh_CN): none (Debian package fonts-noto-cjk); Chinese prints as boxes"
            missing=1
        fi
        fam=$(fc-list :lang=fr:lang=es family 2>/dev/null | tr ',' '\n' | grep -m1 -xiE 'DejaVu Sans|Liberation Sans|Noto Sans')
        if [ -n "$fam" ]; then
            echo "  ok      Latin font (fr, es): $fam"
        else
            echo "  MISSING Latin font (fr, es): none (Debian package fonts-dejavu-core)"
            missing=1
        fi
        fam=$(fc-list 'Liberation Sans' family 2>/dev/null | head -n1)
        if [ -n "$fam" ]; then
            echo "  ok      ODT templates' font: $fam"
        else
            echo "  MISSING ODT templates' font: Liberation Sans (Debian package fonts-liberation2)"
            missing=1
        fi
    fi
    # LibreOffice
    lo=$(srm_soffice)
    if [ -n "$lo" ]; then
        out=$(timeout 60 "$lo" --version 2>/dev/null | head -n1)
        echo "  ok      LibreOffice: ${out:-$lo} ($lo)"
    else
        echo "  MISSING LibreOffice: not installed (py3o reports cannot be converted to PDF/DOCX; Debian package libreoffice-writer-nogui)"
        missing=1
    fi
    # pdftotext (tests of the printed reports)
    if command -v pdftotext >/dev/null 2>&1; then
        echo "  ok      pdftotext: $(command -v pdftotext) (tests of the printed reports)"
    else
        echo "  MISSING pdftotext: not installed (the PDF report tests cannot read their output; Debian package poppler-utils)"
        missing=1
    fi
    # Chromium
    br=$(srm_chromium)
    if [ -n "$br" ]; then
        echo "  ok      Chromium: $br (browser tours)"
    else
        echo "  MISSING Chromium: not installed (browser tours cannot run; Debian package chromium)"
        missing=1
    fi
    # srm_ai: its optional packages installed, and the engine in its best mode
    if [ -n "$(srm_ai_requirements)" ]; then
        out=$(cd "$SRM_ROOT/srm_ai" && srm_py - "$(srm_ai_requirements)" 2>&1 <<'EOF'
import importlib.metadata as m, re, sys
names, absent = [], []
for line in open(sys.argv[1], encoding="utf-8"):
    name = re.match(r"^\s*([A-Za-z0-9][A-Za-z0-9._-]*)", line.split("#", 1)[0])
    if name:
        names.append(name.group(1))
        try:
            m.version(name.group(1))
        except m.PackageNotFoundError:
            absent.append(name.group(1))
if absent:
    print("MISSING srm_ai packages not installed: " + ", ".join(absent))
    sys.exit(1)
sys.path.insert(0, ".")
import engine  # srm_ai's analysis engine: plain Python, no Odoo

status = engine.status()
found = ", ".join(f"{n} {m.version(n)}" for n in names)
if status["mode"] == "embeddings":
    print(f"ok      srm_ai engine: {status['mode']} (best mode; {found})")
elif "AVX2" in (status["embeddings_reason"] or "") or "processor" in (status["embeddings_reason"] or ""):
    print(f"WARN    srm_ai engine: {status['mode']}: embeddings cannot run on this processor ({status['embeddings_reason']})")
else:
    print(f"MISSING srm_ai engine: {status['mode']} instead of embeddings: {status['embeddings_reason']}")
    sys.exit(1)
EOF
        ) || missing=1
        echo "  $(tail -n1 <<<"$out")"
    fi
    rm -rf "$tmp"
    return "$missing"
}

# ---------------------------------------------------------------- Python / Odoo

srm_odoo_ok() {
    # sets SRM_ODOO_VERSION (used by install.sh) when an Odoo 18.0 is importable
    # shellcheck disable=SC2034
    # "from odoo import SUPERUSER_ID" runs odoo/__init__.py: a bare "import odoo" also succeeds when
    # only the namespace folder site-packages/odoo/addons of OCA's wheels is found
    SRM_ODOO_VERSION=$(srm_py -c "from odoo import SUPERUSER_ID, release; assert release.version_info[:2] == (18, 0); print(release.version)" 2>/dev/null)
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
[srm]     $SRM_PYTHON -m pip install --config-settings editable_mode=compat -e $SRM_ODOO_DIR
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
    # editable_mode=compat puts the source tree itself on sys.path (a .pth line): setuptools'
    # default editable finder comes after the namespace folder site-packages/odoo that OCA's
    # addon wheels create, and "import odoo" would then find that folder instead of Odoo
    if ! srm_pip -r "$SRM_ODOO_DIR/requirements.txt" ||
        ! srm_pip --config-settings editable_mode=compat -e "$SRM_ODOO_DIR"; then
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

srm_ai_requirements() {
    # the optional packages of srm_ai's best mode (multilingual embeddings), when srm_ai is here
    local f="$SRM_ROOT/srm_ai/requirements-optional.txt"
    [ -f "$f" ] && echo "$f"
    return 0
}

srm_requirements_stamp() {
    {
        cat "$SRM_ROOT/requirements.txt"
        local ai
        ai=$(srm_ai_requirements)
        [ -n "$ai" ] && cat "$ai"
        srm_py -c 'import sys; print(sys.executable, sys.prefix)'
    } | srm_sha
}

srm_requirements_installed() {
    # every distribution named in the given requirement files is installed
    srm_py - "$@" <<'EOF' >/dev/null 2>&1
import importlib.metadata as m, re, sys
for path in sys.argv[1:]:
    for line in open(path, encoding="utf-8"):
        name = re.match(r"^\s*([A-Za-z0-9][A-Za-z0-9._-]*)", line.split("#", 1)[0])
        if name:
            m.version(name.group(1))
EOF
}

srm_ensure_python_requirements() {
    # Fast path: same requirement files and interpreter as last time and everything installed.
    local stamp_file="$SRM_STATE_DIR/requirements.stamp" stamp ai req
    stamp=$(srm_requirements_stamp)
    ai=$(srm_ai_requirements)
    if [ -f "$stamp_file" ] && [ "$(cat "$stamp_file")" = "$stamp" ] &&
        srm_requirements_installed "$SRM_ROOT/requirements.txt" $ai; then
        return 0
    fi
    srm_log "installing Python requirements ($SRM_ROOT/requirements.txt)"
    req="$SRM_ROOT/requirements.txt"
    if ! srm_py -c 'import importlib.metadata as m; m.version("odoo")' >/dev/null 2>&1; then
        # Odoo importable from a source tree (PYTHONPATH, .pth) has no distribution metadata:
        # pip cannot see that the OCA addons' "odoo==18.0.*" requirement is met and would look
        # for Odoo on PyPI. Those addons go without their dependencies (requirements.txt lists
        # the other ones), the rest as usual.
        local oca_addons=()
        mkdir -p "$SRM_STATE_DIR"
        req="$SRM_STATE_DIR/requirements-without-odoo-addons.txt"
        grep -viE '^[[:space:]]*odoo-addon-' "$SRM_ROOT/requirements.txt" >"$req"
        mapfile -t oca_addons < <(grep -iE '^[[:space:]]*odoo-addon-' "$SRM_ROOT/requirements.txt" | sed 's/[[:space:]]*#.*//; s/[[:space:]]//g')
        srm_log "Odoo has no pip metadata here: the OCA addons are installed without dependencies"
        srm_pip -q --no-deps "${oca_addons[@]}" ||
            srm_die "pip could not install the OCA addons of $SRM_ROOT/requirements.txt"
    fi
    if ! srm_pip -q -r "$req"; then
        srm_die "pip could not install $SRM_ROOT/requirements.txt (inside an externally managed Python, create and activate a venv first: $SRM_PYTHON -m venv ~/.venvs/srm && . ~/.venvs/srm/bin/activate)"
    fi
    if [ -n "$ai" ]; then
        srm_log "installing the packages of srm_ai's multilingual mode ($ai)"
        if ! srm_pip -q -r "$ai"; then
            # one by one: a package without a build for this machine must not block the others
            local line failed=""
            while IFS= read -r line; do
                line=${line%%#*}
                line=$(echo "$line" | xargs)
                [ -z "$line" ] && continue
                srm_pip -q "$line" || failed="$failed $line"
            done <"$ai"
            srm_warn "pip could not install:$failed; srm_ai runs without them (setup/test.sh reports it)"
            return 0 # no stamp: the next run tries again
        fi
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
        srm_py -c 'import importlib.metadata as m, odoo.release as r
try:
    print(m.version("odoo"))
except m.PackageNotFoundError:  # Odoo from a source tree
    print(r.version)'
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
