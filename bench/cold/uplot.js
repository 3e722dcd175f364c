const xs = [Date.UTC(2021, 10, 1), Date.UTC(2022, 6, 1), Date.UTC(2024, 7, 1), Date.UTC(2025, 6, 1)].map((t) => t / 1000);
new uPlot({ width: 800, height: 320, series: [{}, { label: '保有率', stroke: '#0017C1' }] }, [xs, [39.0, 45.8, 75.0, 79.0]], document.getElementById('c'));
requestAnimationFrame(() => setTimeout(() => { window.__painted = performance.now(); }, 0));
