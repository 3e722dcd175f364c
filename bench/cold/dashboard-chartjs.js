const colors = ['#0017C1', '#E25100'];
for (const c of window.DASHBOARD) {
  const wrap = document.createElement('div');
  const canvas = document.createElement('canvas');
  wrap.append(canvas);
  document.getElementById('grid').append(wrap);
  const type = c.kind === 'column' ? 'bar' : c.kind === 'donut' ? 'doughnut' : 'line';
  new Chart(canvas, {
    type,
    data: { labels: c.categories, datasets: c.series.map((s, k) => ({ label: s.name, data: s.values, borderColor: colors[k], backgroundColor: type === 'doughnut' ? ['#0017C1', '#E25100', '#259D63', '#8843E1'] : colors[k] })) },
    options: { animation: false, responsive: true, maintainAspectRatio: false, plugins: { title: { display: true, text: c.title } } },
  });
}
requestAnimationFrame(() => setTimeout(() => { window.__painted = performance.now(); }, 0));
