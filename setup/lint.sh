#!/usr/bin/env bash
# Lint of the SRM suite, as OCA's CI runs it for 18.0 (.pre-commit-config.yaml runs the same):
#   - pylint with pylint-odoo and .pylintrc-mandatory (OCA's mandatory checks): fails on any
#     finding, except those setup/lint-known.txt accepts for now (each with its reason);
#   - pylint with .pylintrc (mandatory + OCA's optional checks): printed, never fails;
#   - oca-checks-odoo-module (manifest, XML, CSV checks) and oca-checks-po (PO files,
#     without po-pretty-format, as OCA) of oca-odoo-pre-commit-hooks: fail on any finding;
#   - ruff check with ruff.toml (pyflakes, pycodestyle errors, bugbear, isort, pyupgrade, complexity);
#   - the Apps pages: each addon's README.rst and static/description/index.html must be what
#     setup/gen_addon_readme.py generates from its readme/ fragments and manifest (which need
#     readme/DESCRIPTION.md, readme/CONTRIBUTORS.md, an icon, development_status, maintainers).
# over every srm_* addon and tests/. Ends with one line "lint: N problem(s)" and exits 1 when N > 0.
#
#   bash setup/lint.sh                 all addons and tests/
#   bash setup/lint.sh srm_base tests  only these paths (a file stands for its addon)
#   bash setup/lint.sh --only pylint|oca|ruff|readme [PATHS]   one step (pre-commit's hooks)
#   bash setup/lint.sh --only readme --fix [PATHS]              regenerate the Apps pages
# Installs the lint tools (versions pinned in requirements.txt) with pip when they are
# missing (SRM_LINT_NO_INSTALL=1 to refuse).
set -uo pipefail
# shellcheck source=setup/lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$SRM_ROOT" || exit 1

only=""
fix=0
paths=()
while [ $# -gt 0 ]; do
    case "$1" in
    --only) only="$2"; shift ;;
    --only=*) only="${1#*=}" ;;
    --fix) fix=1 ;;
    -h | --help)
        sed -n '2,/^set -uo/p' "$0" | sed '$d; s/^# \{0,1\}//'
        exit 0
        ;;
    *) paths+=("$1") ;;
    esac
    shift
done
case "$only" in "" | pylint | oca | ruff | readme) ;; *) srm_die "--only: pylint, oca, ruff or readme" ;; esac
step() { [ -z "$only" ] || [ "$only" = "$1" ]; }

if [ ${#paths[@]} -gt 0 ]; then
    # a file inside an addon stands for its addon (manifest, XML and README checks are per addon)
    declare -A seen=()
    targets=()
    for p in "${paths[@]}"; do
        p=${p#./}
        p=${p%/}
        t=$p
        d=$p
        [ -d "$d" ] || d=$(dirname "$d")
        while [ "$d" != "." ] && [ "$d" != "/" ]; do
            if [ -f "$d/__manifest__.py" ]; then t=$d; break; fi
            d=$(dirname "$d")
        done
        [ -e "$t" ] || continue # deleted file
        [ -n "${seen[$t]:-}" ] && continue
        seen[$t]=1
        targets+=("$t")
    done
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
lint_pinned() {
    # true when distribution $1 is installed at the version requirements.txt pins with ==
    local pin
    pin=$(lint_spec "$1" | sed -nE 's/^[^=]+==[[:space:]]*([^[:space:];]+).*/\1/p')
    "$SRM_PYTHON" - "$1" "$pin" <<'EOF' 2>/dev/null
import importlib.metadata as m, sys
name, pin = sys.argv[1], sys.argv[2]
version = m.version(name)
sys.exit(0 if not pin or version == pin else 1)
EOF
}
need=()
for dist in pylint-odoo oca-odoo-pre-commit-hooks ruff docutils pypandoc-binary; do
    lint_pinned "$dist" || need+=("$(lint_spec "$dist")")
done
if [ ${#need[@]} -gt 0 ]; then
    if [ "${SRM_LINT_NO_INSTALL:-0}" = 1 ]; then
        srm_die "missing lint tools: ${need[*]} (pip install ${need[*]})"
    fi
    srm_log "installing ${need[*]}"
    srm_pip --quiet "${need[@]}" || srm_die "could not install ${need[*]} (pip install ${need[*]})"
fi

problems=0
addons=()
others=()
for t in "${targets[@]}"; do
    t=${t%/}
    if [ -f "$t/__manifest__.py" ]; then addons+=("$t"); else others+=("$t"); fi
done

# Findings that setup/lint-known.txt accepts for now ("tool path symbol count  # reason")
# are dropped while their number does not grow; an entry that finds less than it allows is
# reported (lower or remove it) without failing.
#   known_filter TOOL < findings
known_filter() {
    "$SRM_PYTHON" -c "$known_filter_py" "$SRM_ROOT/setup/lint-known.txt" "$1" "${targets[@]}"
}
read -r -d '' known_filter_py <<'EOF'
import collections, re, sys
allowed = {}
try:
    with open(sys.argv[1], encoding="utf-8") as f:
        for line in f:
            line = line.split("#", 1)[0].split()
            if len(line) == 4 and line[0] == sys.argv[2]:
                allowed[(line[1], line[2])] = int(line[3])
except FileNotFoundError:
    pass
pattern = re.compile(r"^(?:\./)?(\S+?):\d+: (?:\[\w+\(([\w-]+)\)\]|([\w-]+) )")
lines, found = [], collections.defaultdict(list)
for line in sys.stdin:
    line = line.rstrip("\n")
    m = pattern.match(line)
    if m:
        found[(m.group(1), m.group(2) or m.group(3))].append(line)
    elif line.strip():
        lines.append(line)
for key, items in sorted(found.items()):
    if len(items) > allowed.get(key, 0):
        lines.extend(items)
for key, count in sorted(allowed.items()):
    seen = len(found.get(key, ()))
    if seen < count and any(key[0] == t or key[0].startswith(t.rstrip("/") + "/") for t in sys.argv[3:]):
        print(f"  note: setup/lint-known.txt allows {count} {key[1]} in {key[0]}, {seen} found: lower it", file=sys.stderr)
print("\n".join(lines))
EOF
count_findings() { grep -cE '^[^ ]+:[0-9]+: ' <<<"$1"; }

# ------------------------------------------------------------------ pylint-odoo
mandatory_count=0
if step pylint; then
    # pylint-odoo works per addon (manifest checks); tests/ gets the Python checks. tests/ is no
    # package (pytest collects it as rootdir modules, conftest.py included): --recursive=y makes
    # pylint lint each of its files as a module instead of importing tests/__init__.py.
    srm_log "pylint (OCA mandatory checks): ${targets[*]}"
    # (tests/ is no addon: its command-line benchmark scripts print their results and commit the
    # data they generate in their own databases, so print-used and invalid-commit apply to addons only)
    template='{path}:{line}: [{msg_id}({symbol})] {msg}'
    mandatory_out=""
    mandatory_rc=0
    if [ ${#addons[@]} -gt 0 ]; then
        mandatory_out=$("$SRM_PYTHON" -m pylint --rcfile=.pylintrc-mandatory --output-format=text \
            --msg-template="$template" "${addons[@]}" 2>&1) || mandatory_rc=$?
    fi
    if [ ${#others[@]} -gt 0 ]; then
        out=$("$SRM_PYTHON" -m pylint --rcfile=.pylintrc-mandatory --disable=print-used,invalid-commit --recursive=y \
            --output-format=text --msg-template="$template" "${others[@]}" 2>&1) || mandatory_rc=$?
        mandatory_out="$mandatory_out${mandatory_out:+$'\n'}$out"
    fi
    # pylint exits with a bit mask: 1 = fatal, 32 = usage error; the others flag findings
    mandatory_out=$(known_filter pylint <<<"$mandatory_out" | grep -vE '^\*+ Module ')
    mandatory_count=$(count_findings "$mandatory_out")
    if [ $((mandatory_rc & 33)) -ne 0 ] || [ "$mandatory_count" -gt 0 ]; then
        echo "$mandatory_out"
        [ "$mandatory_count" -eq 0 ] && mandatory_count=1 # pylint itself failed
        problems=$((problems + mandatory_count))
    fi
fi
if [ -z "$only" ]; then
    srm_log "pylint (OCA optional checks, not failing): ${targets[*]}"
    "$SRM_PYTHON" -m pylint --rcfile=.pylintrc --exit-zero --recursive=y --output-format=text \
        --msg-template="$template" "${targets[@]}" 2>&1 |
        grep -E '^[^ ]+:[0-9]+: \[' | sed 's/^/  optional: /'
fi

# ------------------------------------------------------------------ oca-odoo-pre-commit-hooks
# manifest, XML and CSV checks per addon; PO checks per file (po-pretty-format off, as OCA)
oca_count=0
if step oca && [ ${#addons[@]} -gt 0 ]; then
    srm_log "oca-checks-odoo-module: ${addons[*]}"
    oca_out=$("$SRM_PYTHON" -m oca_pre_commit_hooks.cli "${addons[@]}" 2>&1)
    oca_out=$(known_filter oca-checks-odoo-module <<<"$oca_out")
    oca_count=$(count_findings "$oca_out")
    if [ "$oca_count" -gt 0 ] || grep -q '^Traceback' <<<"$oca_out"; then
        grep -vE '^[[:space:]]*$' <<<"$oca_out"
        [ "$oca_count" -eq 0 ] && oca_count=1
        problems=$((problems + oca_count))
    fi
    po_files=()
    for a in "${addons[@]}"; do
        for f in "$a"/i18n/*.po "$a"/i18n/*.pot "$a"/i18n_extra/*.po; do
            [ -f "$f" ] && po_files+=("$f")
        done
    done
    if [ ${#po_files[@]} -gt 0 ]; then
        srm_log "oca-checks-po: ${#po_files[@]} files"
        po_out=$("$SRM_PYTHON" -m oca_pre_commit_hooks.cli_po --disable=po-pretty-format "${po_files[@]}" 2>&1)
        po_out=$(known_filter oca-checks-po <<<"$po_out")
        po_count=$(count_findings "$po_out")
        if [ "$po_count" -gt 0 ] || grep -q '^Traceback' <<<"$po_out"; then
            grep -vE '^[[:space:]]*$' <<<"$po_out"
            [ "$po_count" -eq 0 ] && po_count=1
            oca_count=$((oca_count + po_count))
            problems=$((problems + po_count))
        fi
    fi
fi

# ------------------------------------------------------------------ ruff
ruff_count=0
if step ruff; then
    srm_log "ruff check: ${targets[*]}"
    ruff_out=$("$SRM_PYTHON" -m ruff check --output-format=concise --no-fix "${targets[@]}" 2>&1)
    ruff_rc=$?
    ruff_count=$(grep -cE '^[^ ]+:[0-9]+:[0-9]+: ' <<<"$ruff_out")
    if [ "$ruff_rc" -ne 0 ]; then
        echo "$ruff_out"
        [ "$ruff_count" -eq 0 ] && ruff_count=1
        problems=$((problems + ruff_count))
    fi
fi

# ------------------------------------------------------------------ Apps pages
readme_count=0
if step readme && [ ${#addons[@]} -gt 0 ]; then
    if [ "$fix" = 1 ]; then
        srm_log "generating the Apps pages (README.rst, static/description/index.html): ${addons[*]}"
        readme_out=$("$SRM_PYTHON" "$SRM_ROOT/setup/gen_addon_readme.py" "${addons[@]}" 2>&1)
    else
        srm_log "Apps pages (README.rst, static/description/index.html): ${addons[*]}"
        readme_out=$("$SRM_PYTHON" "$SRM_ROOT/setup/gen_addon_readme.py" --check "${addons[@]}" 2>&1)
    fi
    readme_rc=$?
    [ "$fix" = 1 ] && grep '^wrote ' <<<"$readme_out"
    readme_count=$(grep -c '^readme: ' <<<"$readme_out")
    if [ "$readme_rc" -ne 0 ]; then
        grep -v '^wrote ' <<<"$readme_out"
        [ "$readme_count" -eq 0 ] && readme_count=1
        problems=$((problems + readme_count))
    fi
fi

echo "lint: $problems problem(s) (pylint mandatory: $mandatory_count, oca-checks: $oca_count, ruff: $ruff_count, readme: $readme_count)"
[ "$problems" -eq 0 ]
