// The 16 charts of the cold dashboard benchmark (bench/peers.mjs --cold), the same figures for
// every library: 8 lines, 4 columns, 4 doughnuts (uPlot has no pie: it draws the 12 others).
// Seed-like shapes: 4–12 points, one or two series.
window.DASHBOARD = Array.from({ length: 16 }, (_, i) => {
  const kind = i < 8 ? 'line' : i < 12 ? 'column' : 'donut';
  const n = kind === 'donut' ? 4 : 4 + (i % 9);
  const categories = Array.from({ length: n }, (_, k) => `${2014 + k}`);
  const series = Array.from({ length: kind === 'donut' ? 1 : 1 + (i % 2) }, (_, s) => ({
    name: `系列${s + 1}`,
    values: categories.map((_, k) => Math.round((20 + k * 7 + s * 11 + ((i * 13 + k * 5) % 17)) * 10) / 10),
  }));
  return { kind, title: `指標 ${i + 1}`, categories, series };
});
