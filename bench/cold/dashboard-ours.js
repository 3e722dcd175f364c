// One <indicator-chart> per chart, its spec inline, as the demo dashboard writes them.
for (const c of window.DASHBOARD) {
  const el = document.createElement('indicator-chart');
  const spec = { type: c.kind, title: c.title, card: false, categories: c.categories, series: c.series };
  const script = document.createElement('script');
  script.type = 'application/json';
  script.textContent = JSON.stringify(spec);
  el.append(script);
  document.getElementById('grid').append(el);
}
