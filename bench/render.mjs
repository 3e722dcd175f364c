// Render-time benchmark in Debian's Chromium (not a test: it prints numbers, asserts nothing).
//   node bench/render.mjs            (after scripts/demo.sh or scripts/test.sh built pkg/)
// Method (BENCHMARKS.md): one page, the wasm Chart API called directly; for each spec,
// validate once, then draw() 30 times on a 800×320 CSS px canvas at DPR 1 and 2 and report
// the median. Medians from one run are compared as ratios; absolute ms vary with the machine.
import { chromium } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { startServer } from '../tests/e2e/server.mjs';

const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

const server = await startServer();
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ARGS });
try {
  const page = await browser.newPage();
  await page.goto(`${server.url}/www/errors.html`);
  const specs = {
    'line, 4 points (mynumber)': JSON.parse(readFileSync('tests/fixtures/mynumber-rate.json', 'utf8')),
    'column, 9 bars (analog)': JSON.parse(readFileSync('tests/fixtures/analog-regulation.json', 'utf8')),
    'column, 2 series (survey)': JSON.parse(readFileSync('tests/fixtures/society-survey.json', 'utf8')),
  };
  for (const n of [1000, 10000, 100000]) {
    const categories = Array.from({ length: n }, (_, i) => `c${i}`);
    const values = categories.map((_, i) => Math.sin(i / 50) * 100 + i / n * 50);
    specs[`line, ${n.toLocaleString('en')} points`] = { type: 'line', title: 't', categories, series: [{ name: 's', values }] };
  }
  const rows = await page.evaluate(async (specs) => {
    const m = await import('/pkg/indicator_chart.js');
    await m.default({ module_or_path: '/pkg/indicator_chart_bg.wasm' });
    const median = (xs) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    const out = [];
    for (const [name, spec] of Object.entries(specs)) {
      const t0 = performance.now();
      const chart = new m.Chart(spec);
      const validate = performance.now() - t0;
      const row = { name, validate: validate.toFixed(1) };
      for (const dpr of [1, 2]) {
        const canvas = document.createElement('canvas');
        document.body.append(canvas);
        const times = [];
        for (let i = 0; i < 30; i++) {
          const t = performance.now();
          chart.draw(canvas, 800, 320, dpr);
          canvas.getContext('2d').getImageData(0, 0, 1, 1); // wait for the GPU-less raster
          times.push(performance.now() - t);
        }
        row[`draw@${dpr}`] = median(times).toFixed(2);
        canvas.remove();
      }
      chart.free();
      out.push(row);
    }
    return out;
  }, specs);
  console.log(`Chromium ${browser.version()}, ${new Date().toISOString().slice(0, 10)}`);
  console.log('| spec | validate (ms, once) | draw median DPR 1 (ms) | draw median DPR 2 (ms) |');
  console.log('| --- | --- | --- | --- |');
  for (const r of rows) console.log(`| ${r.name} | ${r.validate} | ${r['draw@1']} | ${r['draw@2']} |`);
} finally {
  await browser.close();
  await server.close();
}
