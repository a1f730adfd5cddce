#!/usr/bin/env bash
# Lint of the SRM suite, as OCA's CI does it:
#   - pylint with pylint-odoo and .pylintrc-mandatory (OCA's mandatory checks): fails on any finding;
#   - pylint with .pylintrc (mandatory + OCA's optional checks): printed, never fails;
#   - ruff check with ruff.toml (pyflakes, pycodestyle errors, bugbear, isort, pyupgrade, complexity).
# over every srm_* addon and tests/. Ends with one line "lint: N problem(s)" and exits 1 when N > 0.
#
#   bash setup/lint.sh                 all addons and tests/
#   bash setup/lint.sh srm_base tests  only these paths
# Installs pylint-odoo and ruff (versions pinned in requirements.txt) with pip when they are
# missing (SRM_LINT_NO_INSTALL=1 to refuse).
set -uo pipefail
# shellcheck source=setup/lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$SRM_ROOT" || exit 1

if [ $# -gt 0 ]; then
    targets=("$@")
else
    targets=()
    for dir in srm_*/; do
        [ -f "$dir/__manifest__.py" ] && targets+=("${dir%/}")
    done
    [ -d tests ] && targets+=(tests)
fi
if [ ${#targets[@]} -eq 0 ]; then
    srm_log "lint: nothing to check"
    echo "lint: 0 problem(s)"
    exit 0
fi

# the versions pinned in requirements.txt (setup/install.sh installs them), else the latest
lint_spec() {
    local spec
    spec=$(grep -iE "^$1[[:space:]]*[=<>~!]" "$SRM_ROOT/requirements.txt" 2>/dev/null | head -n1 | sed 's/[[:space:]]*#.*//')
    echo "${spec:-$1}"
}
need=()
"$SRM_PYTHON" -c 'import pylint_odoo' 2>/dev/null || need+=("$(lint_spec pylint-odoo)")
"$SRM_PYTHON" -m ruff --version >/dev/null 2>&1 || need+=("$(lint_spec ruff)")
if [ ${#need[@]} -gt 0 ]; then
    if [ "${SRM_LINT_NO_INSTALL:-0}" = 1 ]; then
        srm_die "missing lint tools: ${need[*]} (pip install ${need[*]})"
    fi
    srm_log "installing ${need[*]}"
    srm_pip install --quiet "${need[@]}" || srm_die "could not install ${need[*]} (pip install ${need[*]})"
fi

problems=0
addons=()
others=()
for t in "${targets[@]}"; do
    if [ -f "$t/__manifest__.py" ]; then addons+=("$t"); else others+=("$t"); fi
done

# pylint-odoo works per addon (manifest checks); tests/ gets the Python checks. tests/ is no
# package (pytest collects it as rootdir modules, conftest.py included): --recursive=y makes
# pylint lint each of its files as a module instead of importing tests/__init__.py.
srm_log "pylint (OCA mandatory checks): ${targets[*]}"
# (command-line scripts of tests/ print their results: print-used applies to addons only)
mandatory_out=""
mandatory_rc=0
if [ ${#addons[@]} -gt 0 ]; then
    mandatory_out=$("$SRM_PYTHON" -m pylint --rcfile=.pylintrc-mandatory --output-format=text \
        --msg-template='{path}:{line}: [{msg_id}({symbol})] {msg}' "${addons[@]}" 2>&1) || mandatory_rc=$?
fi
if [ ${#others[@]} -gt 0 ]; then
    out=$("$SRM_PYTHON" -m pylint --rcfile=.pylintrc-mandatory --disable=print-used --recursive=y \
        --output-format=text --msg-template='{path}:{line}: [{msg_id}({symbol})] {msg}' "${others[@]}" 2>&1) || mandatory_rc=$?
    mandatory_out="$mandatory_out${mandatory_out:+$'\n'}$out"
fi
mandatory_count=$(grep -cE '^[^ ]+:[0-9]+: \[[A-Z][0-9]+' <<<"$mandatory_out")
if [ "$mandatory_rc" -ne 0 ] || [ "$mandatory_count" -gt 0 ]; then
    echo "$mandatory_out"
    [ "$mandatory_count" -eq 0 ] && mandatory_count=1 # pylint itself failed
    problems=$((problems + mandatory_count))
fi

srm_log "pylint (OCA optional checks, not failing): ${targets[*]}"
"$SRM_PYTHON" -m pylint --rcfile=.pylintrc --exit-zero --recursive=y --output-format=text \
    --msg-template='{path}:{line}: [{msg_id}({symbol})] {msg}' "${targets[@]}" 2>&1 |
    grep -E '^[^ ]+:[0-9]+: \[' | sed 's/^/  optional: /'

srm_log "ruff check: ${targets[*]}"
ruff_out=$("$SRM_PYTHON" -m ruff check --output-format=concise --no-fix "${targets[@]}" 2>&1)
ruff_rc=$?
ruff_count=$(grep -cE '^[^ ]+:[0-9]+:[0-9]+: ' <<<"$ruff_out")
if [ "$ruff_rc" -ne 0 ]; then
    echo "$ruff_out"
    [ "$ruff_count" -eq 0 ] && ruff_count=1
    problems=$((problems + ruff_count))
fi

echo "lint: $problems problem(s) (pylint mandatory: $mandatory_count, ruff: $ruff_count)"
[ "$problems" -eq 0 ]
