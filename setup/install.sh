#!/usr/bin/env bash
# Installs what the SRM suite needs to run and to be tested, then checks it:
#   - Debian packages (as root with apt-get): postgresql, chromium (browser tours),
#     libreoffice-writer-nogui (optional, PDF/DOCX conversion of py3o reports);
#   - an importable Odoo 18.0 (the one already installed, else a clone of branch 18.0);
#   - the Python requirements of requirements.txt (into the active venv if there is one);
#   - a reachable PostgreSQL server where the current user may create databases.
# Idempotent; a second run only checks and takes a few seconds.
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
