// uPlot has no pie or doughnut: it draws the 12 lines and columns.
const colors = ['#0017C1', '#E25100'];
for (const c of window.DASHBOARD.filter((c) => c.kind !== 'donut')) {
  const el = document.createElement('div');
  document.getElementById('grid').append(el);
  const xs = c.categories.map((_, k) => k);
  const bars = c.kind === 'column' ? uPlot.paths.bars({ size: [0.6] }) : undefined;
  new uPlot({
    title: c.title, width: 300, height: 200, scales: { x: { time: false } },
    series: [{}, ...c.series.map((s, k) => ({ label: s.name, stroke: colors[k], fill: bars ? colors[k] : undefined, paths: bars }))],
  }, [xs, ...c.series.map((s) => s.values)], el);
}
requestAnimationFrame(() => setTimeout(() => { window.__painted = performance.now(); }, 0));
