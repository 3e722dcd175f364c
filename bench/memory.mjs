// The wasm memory of a 1,000,000-point line and JSON.parse of its text (BENCHMARKS.md): not a
// test, prints one JSON line.   node bench/memory.mjs   (after build_pkg)
import { chromium } from 'playwright-core';
import { startServer } from '../tests/e2e/server.mjs';
const server = await startServer();
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const page = await browser.newPage();
await page.goto(`${server.url}/www/errors.html`);
const r = await page.evaluate(async () => {
  const m = await import('/pkg/indicator_chart.js');
  const w = await m.default({ module_or_path: '/pkg/indicator_chart_bg.wasm' });
  const mem0 = w.memory.buffer.byteLength;
  const n = 1000000, start = Date.UTC(1000, 0, 1);
  const cats = [], vals = [];
  for (let i = 0; i < n; i++) { cats.push(new Date(start + i * 86400000).toISOString().slice(0, 10)); vals.push(Math.round((50 + Math.sin(i / 40) * 10) * 10) / 10); }
  const text = JSON.stringify({ type: 'line', title: 'b', card: false, categories: cats, series: [{ name: 's', values: vals }] });
  const parses = [];
  let spec;
  for (let k = 0; k < 5; k++) { const t = performance.now(); spec = JSON.parse(text); parses.push(performance.now() - t); }
  const c = new m.Chart(spec, 'ja');
  const canvas = document.createElement('canvas');
  document.body.append(canvas);
  c.draw(canvas, 800, 320, 1);
  const mem1 = w.memory.buffer.byteLength;
  c.free();
  return { mem0, mem1, parse: parses.sort((a, b) => a - b)[2], textMB: text.length / 1e6 };
});
console.log(JSON.stringify(r));
await browser.close(); await server.close();
