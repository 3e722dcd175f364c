#!/usr/bin/env bash
# Installs, only when missing, what building and testing indicator-chart needs.
# Sourced by scripts/demo.sh and scripts/test.sh; every step says what it does and
# what to do by hand when it cannot run (for example without root for apt-get).
#
# Versions are pinned where a mismatch breaks the build (see ../shared/reference/toolchain.md):
#   wasm-pack 0.15.1, wasm-bindgen-cli = the wasm-bindgen version in Cargo.lock,
#   wasm-opt from npm binaryen (never Debian's binaryen: its v108 produces a wasm the browser rejects).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
WASM_PACK_VERSION="0.15.1"
export PATH="$HOME/.cargo/bin:$ROOT/node_modules/.bin:$PATH"

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }
fail() { printf '\033[31mERROR: %s\033[0m\n' "$*" >&2; exit 1; }

ensure_wasm_target() {
  if rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then return; fi
  say "Adding the Rust target wasm32-unknown-unknown (rustup)"
  rustup target add wasm32-unknown-unknown || fail "rustup could not add wasm32-unknown-unknown; run it by hand."
}

ensure_wasm_pack() {
  if command -v wasm-pack >/dev/null && wasm-pack --version | grep -q " $WASM_PACK_VERSION"; then return; fi
  say "Installing wasm-pack $WASM_PACK_VERSION with cargo (about 2 minutes, once)"
  cargo install wasm-pack --version "$WASM_PACK_VERSION" --locked
}

wasm_bindgen_version() {
  # The CLI must equal the library version exactly, or wasm-pack tries (and fails) to download one.
  [ -f "$ROOT/Cargo.lock" ] || (cd "$ROOT" && cargo generate-lockfile -q)
  awk '/^name = "wasm-bindgen"$/{getline; gsub(/version = |"/,""); print; exit}' "$ROOT/Cargo.lock"
}

ensure_wasm_bindgen_cli() {
  local want; want="$(wasm_bindgen_version)"
  [ -n "$want" ] || fail "could not read the wasm-bindgen version from Cargo.lock"
  if command -v wasm-bindgen >/dev/null && wasm-bindgen --version | grep -q " $want\$"; then return; fi
  say "Installing wasm-bindgen-cli $want with cargo (3 to 4 minutes, once)"
  # No --locked: the CLI's own lock file pins a crate version the registry no longer serves.
  cargo install wasm-bindgen-cli --version "$want"
}

ensure_npm_packages() {
  if [ -d "$ROOT/node_modules/binaryen" ] && [ -d "$ROOT/node_modules/playwright-core" ] && [ -d "$ROOT/node_modules/@playwright/test" ] \
     && [ -d "$ROOT/node_modules/@expo-google-fonts/noto-sans-jp" ] \
     && [ -d "$ROOT/node_modules/esbuild" ] && [ -d "$ROOT/node_modules/typescript" ] \
     && [ -d "$ROOT/node_modules/vite" ] && [ -d "$ROOT/node_modules/webpack" ] && [ -d "$ROOT/node_modules/webpack-cli" ] \
     && [ "$ROOT/node_modules/.package-lock.json" -nt "$ROOT/package-lock.json" ]; then return; fi
  command -v npm >/dev/null || fail "npm is missing: install Node.js 20+ (Debian: apt-get install nodejs npm)."
  say "Installing the npm dev tools (binaryen's wasm-opt, esbuild, @playwright/test, playwright-core, axe-core, Noto Sans JP, TypeScript, Vite and webpack for the npm package's fixture apps)"
  (cd "$ROOT" && npm ci --no-audit --no-fund)
  if [ -x /usr/bin/wasm-opt ]; then
    echo "warning: /usr/bin/wasm-opt (Debian binaryen) exists; node_modules/.bin comes first on PATH, keep it so." >&2
  fi
}

apt_install() {
  # $@: Debian packages. Needs root; otherwise says what to run.
  local missing=()
  for p in "$@"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
  [ ${#missing[@]} -eq 0 ] && return
  if [ "$(id -u)" -ne 0 ]; then
    fail "these Debian packages are missing: ${missing[*]}. Run as root: apt-get update && apt-get install -y --no-install-recommends ${missing[*]}"
  fi
  say "Installing Debian packages: ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

ensure_build_tools() {
  ensure_wasm_target
  ensure_wasm_pack
  ensure_wasm_bindgen_cli
  ensure_npm_packages
}

ensure_clippy() {
  if cargo clippy --version >/dev/null 2>&1; then return; fi
  say "Adding the clippy component (rustup), for the lint suite"
  rustup component add clippy || fail "rustup could not add clippy; run 'rustup component add clippy' by hand."
}

ensure_test_tools() {
  ensure_build_tools
  ensure_clippy
  # Chromium + its driver for wasm-pack's browser tests and the end-to-end suite; Noto CJK so
  # Japanese renders (without it every label is a row of tofu boxes in the screenshots).
  apt_install chromium chromium-driver fonts-noto-cjk
}

build_pkg() {
  say "Building pkg/ (wasm-pack build --release --target web)"
  (cd "$ROOT" && wasm-pack build --release --target web --mode no-install --out-dir pkg)
  # wasm-bindgen's glue is readable JS with comments; the page downloads it, so minify it in
  # place like the loader (6.3 -> 4.0 KB gzip). Its exports and import names are unchanged.
  say "Minifying the wasm-bindgen glue (esbuild, in place: pkg/indicator_chart.js)"
  (cd "$ROOT" && esbuild pkg/indicator_chart.js --minify --format=esm --target=es2020 \
     --legal-comments=none --log-level=warning --allow-overwrite --outfile=pkg/indicator_chart.js)
  # The map build: the same crate with prefecture maps (`--features map`), fetched instead of
  # pkg/ by map charts only, so pages without maps never pay for it.
  say "Building pkg/map/ (wasm-pack build --release --target web -- --features map)"
  (cd "$ROOT" && wasm-pack build --release --target web --mode no-install --out-dir pkg/map -- --features map)
  (cd "$ROOT" && esbuild pkg/map/indicator_chart.js --minify --format=esm --target=es2020 \
     --legal-comments=none --log-level=warning --allow-overwrite --outfile=pkg/map/indicator_chart.js)
  # The live-data module: its own wasm (data/), fetched only by charts whose spec has `data`.
  say "Building pkg/data/ (wasm-pack build data --release --target web)"
  (cd "$ROOT/data" && wasm-pack build --release --target web --mode no-install --out-dir ../pkg/data)
  (cd "$ROOT" && esbuild pkg/data/indicator_chart_data.js --minify --format=esm --target=es2020 \
     --legal-comments=none --log-level=warning --allow-overwrite --outfile=pkg/data/indicator_chart_data.js)
  # The chart maker's module: the data wasm with `tableShape` (--features maker), loaded by
  # www/maker.html only.
  say "Building pkg/maker/ (wasm-pack build data --release --target web -- --features maker)"
  (cd "$ROOT/data" && wasm-pack build --release --target web --mode no-install --out-dir ../pkg/maker -- --features maker)
  (cd "$ROOT" && esbuild pkg/maker/indicator_chart_data.js --minify --format=esm --target=es2020 \
     --legal-comments=none --log-level=warning --allow-overwrite --outfile=pkg/maker/indicator_chart_data.js)
  build_loader
}

build_loader() {
  # The loader's readable source is the modules in www/src/ (index.js imports the rest, and
  # styles.css as text); pages load one bundled, minified www/indicator-chart.js (a page pays
  # for the transfer size and one request, as uPlot ships its modules as one file).
  say "Bundling the loader (esbuild www/src/index.js -> www/indicator-chart.js)"
  (cd "$ROOT" && esbuild www/src/index.js --bundle --minify --format=esm --target=es2020 \
     --loader:.css=text --legal-comments=none --log-level=warning --outfile=www/indicator-chart.js)
  # Live data's fetch, decode and refresh code, imported by the loader only for specs with
  # `data`; the data table and the chart's files, imported at their first use.
  (cd "$ROOT" && esbuild www/src/live.js --bundle --minify --format=esm --target=es2020 \
     --legal-comments=none --log-level=warning --outfile=www/indicator-chart-live.js)
  (cd "$ROOT" && esbuild www/src/files.js --bundle --minify --format=esm --target=es2020 \
     --legal-comments=none --log-level=warning --outfile=www/indicator-chart-table.js)
  # The chart maker's page script (www/maker.html only): it imports the loader and the maker's
  # data wasm at run time, beside it, so neither is bundled twice.
  (cd "$ROOT" && esbuild www/src/maker/main.js --bundle --minify --format=esm --target=es2020 \
     --legal-comments=none --log-level=warning --outfile=www/maker.js)
}

build_package() {
  # The npm package (package/: its package.json, README, Node entry and the loader's asset
  # module for bundlers) assembled from pkg/, www/src/, www/maps/ and types/ into
  # target/npm/package/ and packed (npm pack) into target/npm/indicator-chart-<version>.tgz.
  say "Assembling and packing the npm package (node scripts/package.mjs -> target/npm/)"
  (cd "$ROOT" && node scripts/package.mjs)
}
