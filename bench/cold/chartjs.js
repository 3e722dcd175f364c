new Chart(document.getElementById('c'), {
  type: 'line',
  data: { labels: ['2021-11', '2022-07', '2024-08', '2025-07'], datasets: [{ label: '保有率', data: [39.0, 45.8, 75.0, 79.0], borderColor: '#0017C1' }] },
  options: { animation: false, responsive: true, maintainAspectRatio: false },
});
requestAnimationFrame(() => setTimeout(() => { window.__painted = performance.now(); }, 0));
