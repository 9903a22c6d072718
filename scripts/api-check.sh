#!/usr/bin/env bash
# The public-API guard: compares the exported API of the module's public
# packages with the baseline committed in testdata/api/ (apidiff export data).
#
#   scripts/api-check.sh check      fail on any difference (CI)
#   scripts/api-check.sh update     rewrite the baseline (make api)
#   scripts/api-check.sh selftest   prove that check fails when an exported name is removed
#
# A deliberate change updates the baseline in the same commit; an incompatible
# one also adds a line under "Changed" in CHANGELOG.md (see CONTRIBUTING.md).
set -euo pipefail
cd "$(dirname "$0")/.."

GO=${GO:-go}
# apidiff, pinned; `go run pkg@version` fetches it through the module proxy once.
APIDIFF_PKG=golang.org/x/exp/cmd/apidiff@v0.0.0-20261113113407-e3970619a1a4
MODULE=$($GO list -m)
# package import path and its baseline file name
PACKAGES=("$MODULE okta" "$MODULE/oktatest oktatest")

apidiff() { $GO run "$APIDIFF_PKG" "$@"; }

export_of() { # <import path> <file>
  apidiff -w "$2" "$1"
}

update() {
  for p in "${PACKAGES[@]}"; do
    set -- $p
    export_of "$1" "testdata/api/$2.export"
    echo "wrote testdata/api/$2.export"
  done
}

check() {
  local tmp failed=0 out
  tmp=$(mktemp -d)
  trap 'rm -rf "$tmp"' RETURN
  for p in "${PACKAGES[@]}"; do
    set -- $p
    if [ ! -f "testdata/api/$2.export" ]; then
      echo "api-check: no baseline testdata/api/$2.export; run make api"; return 1
    fi
    export_of "$1" "$tmp/$2.export"
    out=$(apidiff "testdata/api/$2.export" "$tmp/$2.export")
    if [ -n "$out" ]; then
      echo "api-check: the exported API of $1 differs from testdata/api/$2.export:"
      echo "$out" | sed 's/^/  /'
      failed=1
    fi
  done
  if [ "$failed" = 1 ]; then
    echo "api-check: if the change is deliberate, run 'make api' and commit the baseline with it;"
    echo "api-check: an incompatible change also needs a line under \"Changed\" in CHANGELOG.md."
    return 1
  fi
  echo "api-check: the exported API matches testdata/api/"
}

# selftest builds a copy of the module whose baseline has one exported name
# more than its code, and requires check to fail and to name that name.
selftest() {
  local tmp out
  tmp=$(mktemp -d)
  trap 'rm -rf "$tmp"' RETURN
  git ls-files -z --cached --others --exclude-standard | xargs -0 cp --parents -t "$tmp"
  (
    cd "$tmp"
    printf 'package okta\n\n// APICheckSelfTest exists only in the baseline.\nfunc APICheckSelfTest() {}\n' > zz_apicheck_selftest.go
    GO=$GO bash scripts/api-check.sh update >/dev/null
    rm zz_apicheck_selftest.go
    if out=$(GO=$GO bash scripts/api-check.sh check 2>&1); then
      echo "api-check selftest: check passed although APICheckSelfTest was removed"; exit 1
    fi
    echo "$out" | grep -q 'APICheckSelfTest' || { echo "api-check selftest: check failed without naming the removed name:"; echo "$out"; exit 1; }
    echo "$out" | grep -qi 'incompatible' || { echo "api-check selftest: the removal was not reported as incompatible:"; echo "$out"; exit 1; }
  )
  echo "api-check selftest: removing an exported name fails the check, as it should"
}

case "${1:-check}" in
  check) check ;;
  update) update ;;
  selftest) selftest ;;
  *) echo "usage: $0 check|update|selftest"; exit 2 ;;
esac
