#!/usr/bin/env bash
# Sets up what the tests need (only what is missing: wasm tools, Chromium, chromedriver,
# CJK fonts, npm dev tools), then runs every suite and ends with one line of totals:
#   1. native:  cargo test --workspace (spec validation, formatting, ticks, layout, SVG goldens;
#               the CLI: exit codes, PNG sizes, real-font text fit, the static site)
#   2. lint:    cargo fmt --check; cargo clippy -D warnings (native and wasm)
#   3. loader:  node --test tests/loader/            (the loader's pure modules)
#      types:   tsc -p types                        (the JS API's declarations and the generated spec types)
#   4. browser: wasm-pack test --headless --chrome   (real canvas in Chromium)
#      package: scripts/package.mjs + tests/package/run.mjs (the npm tarball: files, size, Node's
#               message; its unbundled, Vite and webpack fixture apps built and drawn in Chromium)
#   5. e2e:     playwright test                     (the loader, demo pages, embeds and CLI images in Chromium, @playwright/test)
#   6. size:    scripts/size-check.sh               (wasm + glue + loader, gzip -9; see BENCHMARKS.md)
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

# The wasm package and the loader first: the browser and e2e suites load them, and the CLI's
# `site` test copies them into the site it writes.
build_pkg 2>&1 | tail -3 || broken+=("wasm build")
run_suite "native (cargo test --workspace: library and CLI)" native.log cargo test --workspace --color never
lint() { # formatting (rustfmt.toml) and clippy (clippy.toml: no libm, no float parsing), natively and for the wasm
  cargo fmt --all --check && cargo clippy --workspace --all-targets --color never -- -D warnings \
    && cargo clippy -p indicator-chart --target wasm32-unknown-unknown --all-targets --color never -- -D warnings \
    && cargo clippy -p indicator-chart --features map --target wasm32-unknown-unknown --all-targets --color never -- -D warnings \
    && cargo clippy -p indicator-chart-data --target wasm32-unknown-unknown --color never -- -D warnings \
    && cargo clippy -p indicator-chart-data --features maker --target wasm32-unknown-unknown --color never -- -D warnings
}
run_suite "lint (cargo fmt --check, cargo clippy -D warnings)" lint.log lint
loader_unit() { # the loader's pure modules under Node's test runner, its "# pass/# fail" as one line
  local out status
  out=$(node --test --test-reporter=tap tests/loader/ 2>&1); status=$?
  printf '%s\n' "$out"
  printf 'loader: %s passed, %s failed\n' "$(sed -n 's/^# pass //p' <<<"$out")" "$(sed -n 's/^# fail //p' <<<"$out")"
  return $status
}
run_suite "loader unit (node --test tests/loader/)" loader.log loader_unit
types() { # the JS API's declarations and the generated spec types, compiled against types/example.ts
  node node_modules/typescript/bin/tsc -p types && echo "types: 1 passed, 0 failed"
}
COUNT_LINES='^types: ' run_suite "types (tsc --noEmit -p types)" types.log types
run_suite "browser (wasm-pack test --headless --chrome)" browser.log wasm-pack test --headless --chrome --mode no-install
# The npm package: built from pkg/ and packed, then checked and used by three fixture apps;
# run.mjs ends with "package: N passed, M failed" (count only that line).
npm_package() { build_package && node tests/package/run.mjs; }
COUNT_LINES='^package: [0-9]+ passed' run_suite "package (npm pack; unbundled, Vite and webpack fixtures in Chromium)" package.log npm_package
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
