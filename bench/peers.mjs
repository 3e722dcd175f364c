// Side-by-side benchmark against uPlot and Chart.js (with its decimation plugin), in Debian's
// Chromium. Not a test: it prints medians and ratios and asserts nothing (BENCHMARKS.md).
//   node bench/peers.mjs                 (after scripts/demo.sh or scripts/test.sh built pkg/)
//   node bench/peers.mjs --quick         (fewer runs, no 1,000,000 points)
//
// Method: one page per device-pixel ratio, the three libraries loaded from node_modules/ and
// the repository; the same data (a daily series with a trend, a wave and noise) as JSON text,
// the same 800×320 CSS px box. Each measurement is interleaved across the libraries (ours,
// uPlot, Chart.js, ours, …) so that machine noise lands on all of them alike; medians of RUNS.
//   large: JSON.parse of the text + chart creation + first paint, for 1k, 100k, 1M points;
//   resize: the box goes from 800 to 700 px wide, time until the chart has painted again;
//   cold: a page with one 4-point line (bench/cold/*.html), a fresh browser context each time
//   (nothing cached), files served compressed (brotli) over a link of 40 ms a request and
//   10 Mbit/s (Chrome's network emulation): navigation start → the chart painted;
//   dashboard: the same over bench/cold/dashboard-*.html, 16 small charts, until all have painted;
//   --columns: the large series drawn as columns (uPlot's bars path, Chart.js's bar type, which
//   has no decimation: it is skipped at 1,000,000);
//   cycles: heap growth (after a forced GC; 200 cycles first, so that the JIT's and the pools'
//   warm-up is not counted) over CYCLES create/destroy cycles of a 4-point chart, on a fresh page.
//   --heap runs only this.
import { chromium } from 'playwright-core';
import { startServer } from '../tests/e2e/server.mjs';

const quick = process.argv.includes('--quick');
const coldOnly = process.argv.includes('--cold');
const heapOnly = process.argv.includes('--heap');
const columns = process.argv.includes('--columns');
const RUNS = quick ? 3 : 7;
const SIZES = quick ? [1000, 100000] : [1000, 100000, 1000000];
const CYCLES = quick ? 200 : 1000;
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync', '--js-flags=--expose-gc', '--enable-precise-memory-info'];

const PAGE = `<!doctype html><html lang="ja"><head><meta charset="utf-8"><title>peers</title>
<link rel="stylesheet" href="/node_modules/uplot/dist/uPlot.min.css">
<script src="/node_modules/uplot/dist/uPlot.iife.min.js"></script>
<script src="/node_modules/chart.js/dist/chart.umd.min.js"></script>
<style>body{margin:0}.box{width:800px;height:320px;position:relative}</style></head>
<body><div id="box" class="box"></div></body></html>`;

/** Runs in the page: the three libraries behind one interface. */
function inPage() {
  window.kind = 'line';
  const DAY = 86400000;
  const start = Date.UTC(1000, 0, 1);
  const iso = (t) => new Date(t).toISOString().slice(0, 10);
  window.dataText = (n) => {
    const xs = [];
    const ys = [];
    let seed = 1;
    for (let i = 0; i < n; i++) {
      seed = (seed * 16807) % 2147483647;
      xs.push(start + i * DAY);
      ys.push(Math.round((50 + i / n * 30 + Math.sin(i / 40) * 10 + (seed / 2147483647 - 0.5) * 8) * 10) / 10);
    }
    return {
      ours: JSON.stringify({ type: window.kind, title: 'bench', card: false, categories: xs.map(iso), series: [{ name: 's', values: ys }] }),
      xy: JSON.stringify({ xs, ys }),
    };
  };
  const box = () => document.getElementById('box');
  const painted = () => new Promise((ok) => requestAnimationFrame(() => setTimeout(ok, 0)));
  window.libs = {
    async ours(text) {
      const m = await import('/www/indicator-chart.js');
      const el = document.createElement('div');
      box().append(el);
      const rendered = new Promise((ok) => el.addEventListener('indicator-chart:rendered', ok, { once: true }));
      const chart = await m.render(el, JSON.parse(text.ours));
      await rendered;
      return { destroy: () => { chart.destroy(); el.remove(); }, rendered: () => new Promise((ok) => el.addEventListener('indicator-chart:rendered', ok, { once: true })) };
    },
    async uplot(text) {
      const { xs, ys } = JSON.parse(text.xy);
      const el = document.createElement('div');
      box().append(el);
      const bars = window.kind === 'column' ? { fill: '#0017C1', paths: uPlot.paths.bars({ size: [0.7] }) } : {};
      const u = new uPlot({ width: 800, height: 320, scales: { x: { time: true } }, series: [{}, { stroke: '#0017C1', ...bars }] }, [xs.map((x) => x / 1000), ys], el);
      return { destroy: () => { u.destroy(); el.remove(); }, resize: (w) => u.setSize({ width: w, height: 320 }) };
    },
    async chartjs(text) {
      const { xs, ys } = JSON.parse(text.xy);
      if (window.kind === 'column' && xs.length > 100000) throw new Error('skipped (no bar decimation)');
      const el = document.createElement('canvas');
      const wrap = document.createElement('div');
      wrap.style.cssText = 'width:800px;height:320px';
      wrap.append(el);
      box().append(wrap);
      const data = xs.map((x, i) => ({ x, y: ys[i] }));
      const c = new Chart(el, {
        type: window.kind === 'column' ? 'bar' : 'line',
        data: { datasets: [{ data, borderColor: '#0017C1', backgroundColor: '#0017C1', borderWidth: 2, pointRadius: 0 }] },
        options: {
          animation: false, parsing: false, normalized: true, responsive: true, maintainAspectRatio: false,
          scales: { x: { type: 'linear' } },
          plugins: { decimation: { enabled: true, algorithm: 'min-max' }, legend: { display: false } },
        },
      });
      return { destroy: () => { c.destroy(); wrap.remove(); }, resize: (w) => { wrap.style.width = w + 'px'; c.resize(); } };
    },
  };
  window.timeCreate = async (lib, text) => {
    const t0 = performance.now();
    const h = await window.libs[lib](text);
    await painted();
    const ms = performance.now() - t0;
    h.destroy();
    return ms;
  };
  window.timeResize = async (lib, text) => {
    box().style.width = '800px';
    const h = await window.libs[lib](text);
    await painted();
    const t0 = performance.now();
    let done;
    if (lib === 'ours') {
      const next = h.rendered();
      box().style.width = '700px';
      await next;
      done = performance.now();
    } else {
      box().style.width = '700px';
      h.resize(700);
      await painted();
      done = performance.now();
    }
    h.destroy();
    box().style.width = '800px';
    return done - t0;
  };
  window.heapCycles = async (lib, cycles) => {
    const text = window.dataText(4);
    // Warm: modules loaded, caches and pools at their working size, before the first reading.
    for (let i = 0; i < 200; i++) (await window.libs[lib](text)).destroy();
    await painted();
    gc();
    const before = performance.memory.usedJSHeapSize;
    for (let i = 0; i < cycles; i++) (await window.libs[lib](text)).destroy();
    await painted();
    gc();
    return (performance.memory.usedJSHeapSize - before) / 1024;
  };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Navigation start → painted, for bench/cold/`name`.html, in a fresh context over a slow link. */
async function coldLoad(browser, url) {
  const context = await browser.newContext({ viewport: { width: 1000, height: 600 } });
  await context.addInitScript(() => {
    // Painted when every chart of the page (<html data-charts>, else one) has rendered.
    let rendered = 0;
    document.addEventListener('indicator-chart:rendered', () => {
      if (++rendered === Number(document.documentElement.dataset.charts || 1)) {
        requestAnimationFrame(() => setTimeout(() => { window.__painted = performance.now(); }, 0));
      }
    });
  });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 40, downloadThroughput: 10e6 / 8, uploadThroughput: 10e6 / 8 });
  await page.goto(url);
  await page.waitForFunction(() => window.__painted > 0, null, { timeout: 30000 });
  const ms = await page.evaluate(() => window.__painted);
  await context.close();
  return ms;
}
const LIBS = ['ours', 'uplot', 'chartjs'];

const server = await startServer();
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: ARGS });
const versions = JSON.parse((await import('node:fs')).readFileSync('package-lock.json', 'utf8')).packages;
console.log(`Chromium ${browser.version()}, uPlot ${versions['node_modules/uplot'].version}, Chart.js ${versions['node_modules/chart.js'].version}, ${new Date().toISOString().slice(0, 10)}, ${RUNS} runs, medians (ms)`);
try {
  const compressed = await startServer({ compress: true });
  const COLD = [...LIBS, 'ours-preload', 'dashboard-ours', 'dashboard-uplot', 'dashboard-chartjs', 'dashboard-ours-preload'];
  const cold = Object.fromEntries(COLD.map((l) => [l, []]));
  for (let r = 0; r < (heapOnly || columns ? 0 : RUNS); r++) {
    for (const lib of COLD) cold[lib].push(await coldLoad(browser, `${compressed.url}/bench/cold/${lib}.html`));
  }
  await compressed.close();
  if (!heapOnly && !columns) {
  console.log('\nCold first chart, brotli, 40 ms a request, 10 Mbit/s (ms from navigation start to painted)');
  console.log('| indicator-chart | with preload hints | uPlot | Chart.js | ours ÷ uPlot | ours ÷ Chart.js | with hints ÷ Chart.js |');
  console.log('| --- | --- | --- | --- | --- | --- | --- |');
  const [co, cu, cc, cp, dO, dU, dC, dP] = COLD.map((l) => median(cold[l]));
  console.log(`| ${co.toFixed(0)} | ${cp.toFixed(0)} | ${cu.toFixed(0)} | ${cc.toFixed(0)} | ${(co / cu).toFixed(2)}× | ${(co / cc).toFixed(2)}× | ${(cp / cc).toFixed(2)}× |`);
  console.log('\nCold 16-chart dashboard (bench/cold/dashboard-*.html: 8 lines, 4 columns, 4 doughnuts; uPlot draws the 12 it can), same link');
  console.log('| indicator-chart (16) | with preload hints | uPlot (12) | Chart.js (16) | ours ÷ Chart.js | with hints ÷ Chart.js |');
  console.log('| --- | --- | --- | --- | --- | --- |');
  console.log(`| ${dO.toFixed(0)} | ${dP.toFixed(0)} | ${dU.toFixed(0)} | ${dC.toFixed(0)} | ${(dO / dC).toFixed(2)}× | ${(dP / dC).toFixed(2)}× |`);
  }
  for (const dpr of coldOnly ? [] : heapOnly ? [1] : [1, 2]) {
    const page = await browser.newPage({ viewport: { width: 1000, height: 600 }, deviceScaleFactor: dpr });
    await page.route('**/bench/peers.html', (r) => r.fulfill({ contentType: 'text/html; charset=utf-8', body: PAGE }));
    await page.goto(`${server.url}/bench/peers.html`);
    await page.evaluate(inPage);
    if (columns) await page.evaluate(() => { window.kind = 'column'; });
    const table = [];
    for (const n of heapOnly ? [] : SIZES) {
      await page.evaluate((k) => { window.text = window.dataText(k); }, n);
      const times = Object.fromEntries(LIBS.map((l) => [l, []]));
      for (let r = 0; r < RUNS; r++) {
        for (const lib of LIBS) {
          times[lib].push(await page.evaluate(async (l) => {
            try { return await window.timeCreate(l, window.text); } catch (e) { return `error: ${e.message}`; }
          }, lib));
        }
      }
      table.push([`${n.toLocaleString('en')} ${columns ? 'columns' : 'points'}, JSON text → painted`, ...LIBS.map((l) => (typeof times[l][0] === 'string' ? times[l][0] : median(times[l])))]);
    }
    if (!heapOnly) {
    await page.evaluate(() => { window.text = window.dataText(100000); });
    const resize = Object.fromEntries(LIBS.map((l) => [l, []]));
    for (let r = 0; r < RUNS; r++) for (const lib of LIBS) resize[lib].push(await page.evaluate((l) => window.timeResize(l, window.text), lib));
    table.push([`resize of 100,000 ${columns ? 'columns' : 'points'}`, ...LIBS.map((l) => median(resize[l]))]);
    await page.evaluate(() => { window.text = window.dataText(4); });
    const small = Object.fromEntries(LIBS.map((l) => [l, []]));
    for (let r = 0; r < RUNS; r++) for (const lib of LIBS) small[lib].push(await page.evaluate((l) => window.timeResize(l, window.text), lib));
    table.push(['resize of 4 points', ...LIBS.map((l) => median(small[l]))]);
    }
    if (dpr === 1 && !columns) {
      // A fresh page per library: what the large series left behind must not be collected
      // during (and subtracted from) the cycles.
      const heap = [];
      for (const lib of LIBS) {
        const fresh = await browser.newPage({ viewport: { width: 1000, height: 600 } });
        await fresh.route('**/bench/peers.html', (r) => r.fulfill({ contentType: 'text/html; charset=utf-8', body: PAGE }));
        await fresh.goto(`${server.url}/bench/peers.html`);
        await fresh.evaluate(inPage);
        heap.push(await fresh.evaluate(([l, c]) => window.heapCycles(l, c), [lib, CYCLES]));
        await fresh.close();
      }
      table.push([`heap growth over ${CYCLES} cycles (KB)`, ...heap]);
    }
    console.log(`\nDPR ${dpr}`);
    console.log('| what | indicator-chart | uPlot | Chart.js | ours ÷ uPlot | ours ÷ Chart.js |');
    console.log('| --- | --- | --- | --- | --- | --- |');
    for (const [what, a, b, c] of table) {
      const f = (x) => (typeof x === 'number' ? x.toFixed(1) : x);
      const ratio = (x, y) => (typeof x === 'number' && typeof y === 'number' && y > 0 ? (x / y).toFixed(2) + '×' : '');
      console.log(`| ${what} | ${f(a)} | ${f(b)} | ${f(c)} | ${ratio(a, b)} | ${ratio(a, c)} |`);
    }
    await page.close();
  }
} finally {
  await browser.close();
  await server.close();
}
