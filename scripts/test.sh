#!/usr/bin/env bash
# Sets up what the tests need (only what is missing: wasm tools, Chromium, chromedriver,
# CJK fonts, npm dev tools), then runs every suite and ends with one line of totals:
#   1. native:  cargo test          (spec validation, formatting, ticks, layout, SVG goldens)
#   2. lint:    cargo clippy --all-targets -- -D warnings
#   3. browser: wasm-pack test --headless --chrome   (real canvas in Chromium)
#   4. e2e:     playwright test                     (the loader and demo pages in Chromium, @playwright/test)
#   5. size:    scripts/size-check.sh               (wasm + glue + loader, gzip -9; see BENCHMARKS.md)
# Every suite runs even when an earlier one fails; the exit code is non-zero if any failed.
set -uo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/ensure-tools.sh"
set +e
ensure_test_tools || exit 1
cd "$ROOT"
mkdir -p test-output

passed=0; failed=0; broken=()
# COUNT_LINES: an extended regex; only the log lines matching it are counted (default: all, as
# for cargo's "test result: … N passed; M failed" lines).
count_of() { # word, log: the sum of every "<number> <word>" on the counted lines
  grep -E "${COUNT_LINES:-.}" "$2" | grep -Eo "[0-9]+ $1" | awk '{s+=$1} END {print s+0}'
}
count_cargo() { # adds a log's "N passed" and "M failed" to the totals
  local p f
  p=$(count_of passed "$1")
  f=$(count_of failed "$1")
  passed=$((passed + p)); failed=$((failed + f))
}
run_suite() { # name, log, command…
  local name="$1" log="test-output/$2"; shift 2
  say "Suite: $name"
  "$@" 2>&1 | tee "$log"
  local status=${PIPESTATUS[0]}
  count_cargo "$log"
  if [ "$status" -ne 0 ]; then
    broken+=("$name")
    # A suite that died before reporting still counts as a failure.
    [ "$(count_of failed "$log")" -gt 0 ] || failed=$((failed + 1))
  fi
}

run_suite "native (cargo test)" native.log cargo test --color never
run_suite "lint (cargo clippy -D warnings)" lint.log cargo clippy --all-targets --color never -- -D warnings
build_pkg 2>&1 | tail -3 || broken+=("wasm build")
run_suite "browser (wasm-pack test --headless --chrome)" browser.log wasm-pack test --headless --chrome --mode no-install
# Playwright's list reporter closes with "  N passed (…)" and, when any failed, "  N failed":
# count only those lines (failure details quote the page and the test's own words).
COUNT_LINES='^  [0-9]+ (passed|failed)' \
  run_suite "end-to-end (@playwright/test + Chromium)" e2e.log node node_modules/@playwright/test/cli.js test
run_suite "size (gzip -9, budget 120 KB)" size.log bash scripts/size-check.sh

echo
if [ ${#broken[@]} -gt 0 ]; then
  echo "Failed suites: ${broken[*]} (logs in test-output/)"
fi
echo "total: $passed passed, $failed failed"
[ ${#broken[@]} -eq 0 ]
