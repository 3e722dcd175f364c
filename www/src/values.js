// Series values from the JS API may be typed arrays (a Float64Array of a million values, as a
// data pipeline hands them over): they go to the wasm as plain arrays, read and checked like
// any values. A bulk copy into wasm memory was measured and not kept: at 1,000,000 points it
// saved 16 ms of 414 (BENCHMARKS.md), less than its bytes were worth.

/** `spec` with every typed-array `values` as an array. */
export function plainValues(spec) {
  if (!spec || !Array.isArray(spec.series) || !spec.series.some((s) => s && ArrayBuffer.isView(s.values))) return spec;
  return { ...spec, series: spec.series.map((s) => (s && ArrayBuffer.isView(s.values) ? { ...s, values: Array.from(s.values) } : s)) };
}
