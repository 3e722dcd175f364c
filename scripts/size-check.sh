#!/usr/bin/env bash
# Transfer size a page pays for one chart: gzip -9 of the wasm, its JS glue and the
# (minified) loader. Fails above BUDGET: 120 KB, the product's target. Then the live-data
# module a chart with `data` fetches besides (its wasm, glue and www/indicator-chart-live.js),
# which fails above DATA_BUDGET: 52 KB. Then a page with a map: the map build (pkg/map/, which
# map charts load instead of pkg/), its glue, the loader and the prefecture shapes
# (www/maps/prefectures.json), which fails above MAP_BUDGET: 145 KB. Then what the chart maker
# (www/maker.html) loads besides the chart: its page script and its build of the data wasm
# (pkg/maker/), which fails above MAKER_BUDGET: 72 KB (a tool page, loaded by editors only).
# BENCHMARKS.md records the method, the history and where the bytes go.
#   scripts/size-check.sh            (after scripts/demo.sh or scripts/test.sh built pkg/)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUDGET=$((120 * 1024))
FILES=(pkg/indicator_chart_bg.wasm pkg/indicator_chart.js www/indicator-chart.js)
DATA_BUDGET=$((52 * 1024))
DATA_FILES=(pkg/data/indicator_chart_data_bg.wasm pkg/data/indicator_chart_data.js www/indicator-chart-live.js)
MAP_BUDGET=$((145 * 1024))
MAP_FILES=(pkg/map/indicator_chart_bg.wasm pkg/map/indicator_chart.js www/indicator-chart.js www/maps/prefectures.json)
MAKER_BUDGET=$((72 * 1024))
MAKER_FILES=(pkg/maker/indicator_chart_data_bg.wasm pkg/maker/indicator_chart_data.js www/maker.js www/maker.css)

total=0
missing=0
measure() { # files... → prints each, sets $sum
  sum=0
  for f in "$@"; do
    if [ ! -f "$ROOT/$f" ]; then
      printf '%-30s missing\n' "$f" >&2
      missing=1
      continue
    fi
    raw=$(wc -c < "$ROOT/$f")
    gz=$(gzip -9 -c "$ROOT/$f" | wc -c)
    sum=$((sum + gz))
    awk -v f="$f" -v r="$raw" -v g="$gz" 'BEGIN { printf "%-40s %8.1f KB  (gzip -9 %6.1f KB)\n", f, r / 1024, g / 1024 }'
  done
}
measure "${FILES[@]}"
total=$sum
awk -v t="$total" -v b="$BUDGET" 'BEGIN {
  printf "%-40s %8s     (gzip -9 %6.1f KB, budget %.0f KB: %.1f KB %s)\n", "total", "", t / 1024, b / 1024, (t > b ? t - b : b - t) / 1024, (t > b ? "over" : "to spare")
}'
measure "${DATA_FILES[@]}"
data_total=$sum
awk -v t="$data_total" -v b="$DATA_BUDGET" 'BEGIN {
  printf "%-40s %8s     (gzip -9 %6.1f KB, budget %.0f KB: %.1f KB %s)\n", "live-data module (charts with data only)", "", t / 1024, b / 1024, (t > b ? t - b : b - t) / 1024, (t > b ? "over" : "to spare")
}'
measure "${MAP_FILES[@]}"
map_total=$sum
awk -v t="$map_total" -v b="$MAP_BUDGET" 'BEGIN {
  printf "%-40s %8s     (gzip -9 %6.1f KB, budget %.0f KB: %.1f KB %s)\n", "a page with maps (map build, shapes)", "", t / 1024, b / 1024, (t > b ? t - b : b - t) / 1024, (t > b ? "over" : "to spare")
}'
measure "${MAKER_FILES[@]}"
maker_total=$sum
awk -v t="$maker_total" -v b="$MAKER_BUDGET" 'BEGIN {
  printf "%-40s %8s     (gzip -9 %6.1f KB, budget %.0f KB: %.1f KB %s)\n", "the chart maker, besides the chart", "", t / 1024, b / 1024, (t > b ? t - b : b - t) / 1024, (t > b ? "over" : "to spare")
}'

if [ "$missing" -ne 0 ]; then
  echo "size-check: build pkg/ first (wasm-pack build --release --target web)" >&2
  exit 1
fi
if [ "$total" -gt "$BUDGET" ]; then
  echo "size-check: FAIL, $total bytes gzipped is over the budget of $BUDGET bytes (see BENCHMARKS.md for where the bytes go)" >&2
  exit 1
fi
if [ "$data_total" -gt "$DATA_BUDGET" ]; then
  echo "size-check: FAIL, the live-data module is $data_total bytes gzipped, over its budget of $DATA_BUDGET bytes (BENCHMARKS.md)" >&2
  exit 1
fi
if [ "$map_total" -gt "$MAP_BUDGET" ]; then
  echo "size-check: FAIL, a page with maps transfers $map_total bytes gzipped, over its budget of $MAP_BUDGET bytes (BENCHMARKS.md)" >&2
  exit 1
fi
if [ "$maker_total" -gt "$MAKER_BUDGET" ]; then
  echo "size-check: FAIL, the chart maker loads $maker_total bytes gzipped besides the chart, over its budget of $MAKER_BUDGET bytes (BENCHMARKS.md)" >&2
  exit 1
fi
echo "size-check: ok"
