#!/usr/bin/env bash
# Sets up what the build needs (only what is missing), builds pkg/ and serves the repository
# at http://127.0.0.1:${PORT:-8000}/ — the demo dashboard is /www/index.html.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/ensure-tools.sh"

ensure_build_tools
build_pkg
PORT="${PORT:-8000}"
say "Serving $ROOT on http://127.0.0.1:$PORT/ — open http://127.0.0.1:$PORT/www/index.html (Ctrl+C stops)"
cd "$ROOT"
exec python3 -m http.server "$PORT" --bind 127.0.0.1
