// End-to-end test of the browser shell: loader + demo pages + the real wasm package, in
// Debian's Chromium through playwright-core. Plain Node 20 ESM, no test framework.
//
//   node tests/e2e/run.mjs            (needs pkg/ built: wasm-pack build --release --target web)
//
// Environment: E2E_ROOT=dir serves another tree (with www/ and pkg/) instead of the repo root;
// CHROMIUM=path overrides /usr/bin/chromium. Screenshots go to test-output/ (gitignored).
// Prints `N passed, M failed` last and exits 1 on any failure; the whole run is capped at TOTAL_MS.
import { chromium } from 'playwright-core';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { startServer, REPO_ROOT } from './server.mjs';
import { a11ySuite } from './a11y.mjs';

const ROOT = process.env.E2E_ROOT ? resolve(process.env.E2E_ROOT) : REPO_ROOT;
const OUT = join(REPO_ROOT, 'test-output');
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const TOTAL_MS = 180_000; // dashboard.html and gallery.html at 3 widths × 2 DPRs take 30–60 s of it
const TEST_MS = 15_000;
const WAIT_MS = 20_000; // generous: CI shares 2 cores with the wasm build; a real hang still fails
// E2E_ONLY=regex runs only the tests whose names match (while working on one part).
const ONLY = process.env.E2E_ONLY ? new RegExp(process.env.E2E_ONLY) : null;
let HAS_TABLE = false; // pkg/ built before Chart.table() existed has no data table
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync', '--lang=ja'];

let passed = 0;
let failed = 0;
let n = 0;
const started = Date.now();

function summary() {
  console.log(`${passed} passed, ${failed} failed`);
}

const deadline = setTimeout(() => {
  console.log(`not ok - the run exceeded ${TOTAL_MS / 1000} s and was stopped`);
  failed++;
  summary();
  process.exit(1);
}, TOTAL_MS);

function report(name, error) {
  n++;
  if (!error) {
    passed++;
    console.log(`ok ${n} - ${name}`);
  } else {
    failed++;
    console.log(`not ok ${n} - ${name}`);
    for (const line of String(error && error.stack && !(error instanceof CheckFailed) ? error.stack : error.message || error).split('\n').slice(0, 8)) {
      console.log(`    ${line}`);
    }
  }
}

class CheckFailed extends Error {}
function expect(cond, message, detail) {
  if (!cond) throw new CheckFailed(detail === undefined ? message : `${message}\n${JSON.stringify(detail, null, 1)}`);
}

async function test(name, fn, ms = TEST_MS) {
  if (ONLY && !ONLY.test(name)) return;
  let timer;
  try {
    await Promise.race([
      fn(),
      new Promise((_, fail) => { timer = setTimeout(() => fail(new CheckFailed(`timed out after ${ms / 1000} s`)), ms); }),
    ]);
    report(name, null);
  } catch (e) {
    report(name, e);
  } finally {
    clearTimeout(timer);
  }
}

// Registered before any page script runs (pages have no inline scripts of their own).
function initScript() {
  const ic = (window.__ic = { rendered: [], errors: [], csp: [], unhandled: [] });
  document.addEventListener('indicator-chart:rendered', (e) => ic.rendered.push({ target: e.target, id: e.target.id, ...e.detail }));
  document.addEventListener('indicator-chart:error', (e) => ic.errors.push({ target: e.target, id: e.target.id, ...e.detail }));
  document.addEventListener('securitypolicyviolation', (e) => ic.csp.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`));
  window.addEventListener('unhandledrejection', (e) => ic.unhandled.push(String((e.reason && e.reason.message) || e.reason)));
  // Remember the (resolution: …) media queries the loader watches (see the DPR test).
  ic.mqls = [];
  const matchMedia = window.matchMedia.bind(window);
  window.matchMedia = (q) => { const m = matchMedia(q); if (/resolution/.test(q)) ic.mqls.push(m); return m; };
}

async function open(context, base, path) {
  const page = await context.newPage();
  page.setDefaultTimeout(WAIT_MS);
  const log = { console: [], pageErrors: [], dialogs: [], requests: [] };
  page.on('request', (r) => log.requests.push(r.url()));
  page.on('console', (m) => { if (m.type() === 'error') log.console.push({ text: m.text(), url: m.location().url }); });
  page.on('pageerror', (e) => log.pageErrors.push(e.message));
  page.on('dialog', (d) => { log.dialogs.push(`${d.type()}: ${d.message()}`); d.dismiss().catch(() => {}); });
  await page.goto(`${base}/www/${path}`, { waitUntil: 'load' });
  return { page, log };
}

// The chart hosts a page should have painted (closed <details> content excepted).
const HOSTS = `[...document.querySelectorAll('indicator-chart, [data-indicator-chart], #js-chart')]`;

function unrendered() {
  return [...document.querySelectorAll('indicator-chart, [data-indicator-chart], #js-chart')]
    .filter((h) => !h.closest('details:not([open])') && !__ic.rendered.some((r) => r.target === h))
    .map((h) => h.id + ': ' + (h.shadowRoot ? h.shadowRoot.textContent.slice(0, 200) : '(no shadow root)'));
}

// Polls with page.evaluate (CDP, allowed under the page's CSP) rather than waitForFunction,
// whose predicate is compiled in the page and so needs 'unsafe-eval'.
async function poll(page, fn, arg, what, done = (v) => !!v) {
  const until = Date.now() + WAIT_MS;
  for (;;) {
    const v = await page.evaluate(fn, arg);
    if (done(v)) return v;
    if (Date.now() > until) throw new CheckFailed(`timed out after ${WAIT_MS / 1000} s waiting for ${what}`);
    await new Promise((ok) => setTimeout(ok, 50));
  }
}

async function waitAllRendered(page) {
  try {
    await poll(page, unrendered, undefined, 'every chart to render', (missing) => missing.length === 0);
  } catch (e) {
    throw new CheckFailed(`no indicator-chart:rendered from: ${(await page.evaluate(unrendered)).join(' | ')}`);
  }
}

async function waitRenderedCount(page, id, count) {
  await poll(page, ([i, c]) => __ic.rendered.filter((r) => r.id === i).length >= c, [id, count], `${count} renders of #${id}`);
}

/** Reads each chart's canvas: backing store vs CSS size, drawn pixels, accessible name/description. */
function inspectCharts(ids) {
  return ids.map((id) => {
    const host = document.getElementById(id);
    const root = host && host.shadowRoot;
    const canvas = root && root.querySelector('canvas');
    if (!canvas) return { id, problem: 'no canvas', text: root ? root.textContent.slice(0, 200) : '(no shadow root)' };
    const plot = canvas.parentElement.getBoundingClientRect();
    const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
    let ink = 0;
    for (let i = 0; i < data.length; i += 4) {
      if (data[i + 3] > 128 && (data[i] < 200 || data[i + 1] < 200 || data[i + 2] < 200)) ink++;
    }
    // aria-describedby is an ID list: the summary, then (charts with points) the key hint.
    const descs = (canvas.getAttribute('aria-describedby') || '').split(/\s+/).map((i) => i && root.getElementById(i)).filter(Boolean);
    const title = root.querySelector('[role="heading"], h1, h2, h3, h4, h5, h6');
    return {
      id, dpr: devicePixelRatio, width: canvas.width, height: canvas.height,
      cssWidth: parseFloat(canvas.style.width), cssHeight: parseFloat(canvas.style.height),
      plotWidth: plot.width, plotHeight: plot.height, ink,
      role: canvas.getAttribute('role'), label: canvas.getAttribute('aria-label') || '',
      description: descs.length ? descs[0].textContent : '', title: title ? title.textContent : '',
      headingLevel: title ? title.getAttribute('aria-level') || title.localName : '',
      alerts: [...root.querySelectorAll('[role="alert"]')].map((a) => a.textContent),
    };
  });
}

function checkCanvases(rows, dpr) {
  for (const r of rows) {
    expect(!r.problem, `${r.id}: ${r.problem}`, r);
    expect(r.dpr === dpr, `${r.id}: devicePixelRatio is ${r.dpr}, expected ${dpr}`);
    expect(Math.abs(r.cssWidth - r.plotWidth) < 1 && Math.abs(r.cssHeight - r.plotHeight) < 1,
      `${r.id}: canvas CSS size ${r.cssWidth}×${r.cssHeight} should fill the plot area ${r.plotWidth}×${r.plotHeight}`);
    // Exactly one backing-store pixel per device pixel, also at fractional ratios (1.25):
    // anything else is resampled, i.e. blurred.
    expect(Math.abs(r.width - r.cssWidth * dpr) < 0.01 && Math.abs(r.height - r.cssHeight * dpr) < 0.01,
      `${r.id}: backing store ${r.width}×${r.height} should be CSS ${r.cssWidth}×${r.cssHeight} × DPR ${dpr} exactly`);
    expect(r.ink > 200, `${r.id}: canvas looks blank (${r.ink} drawn pixels)`);
    expect(r.alerts.length === 0, `${r.id}: unexpected alert`, r.alerts);
  }
}

function expectCleanLog(log, name, allow404 = []) {
  const unexpected = log.console.filter((c) => !(/status of 404/.test(c.text) && allow404.some((f) => c.url.endsWith(f))));
  expect(unexpected.length === 0, `${name}: console errors`, unexpected);
  expect(log.pageErrors.length === 0, `${name}: page errors`, log.pageErrors);
  expect(log.dialogs.length === 0, `${name}: a dialog opened (script ran from a label?)`, log.dialogs);
}

// ------------------------------------------------------------------------------------------

async function main() {
  if (!existsSync(join(ROOT, 'pkg', 'indicator_chart_bg.wasm')) || !existsSync(join(ROOT, 'pkg', 'indicator_chart.js'))) {
    report('pkg/ is built', new CheckFailed(`${join(ROOT, 'pkg')} has no indicator_chart.js / indicator_chart_bg.wasm: build it first (wasm-pack build --release --target web)`));
    return;
  }
  if (!existsSync(CHROMIUM)) {
    report('Chromium is installed', new CheckFailed(`${CHROMIUM} is missing (apt-get install chromium fonts-noto-cjk, or set CHROMIUM=…)`));
    return;
  }
  HAS_TABLE = /\btable\(\)/.test(readFileSync(join(ROOT, 'pkg', 'indicator_chart.d.ts'), 'utf8'));
  await mkdir(OUT, { recursive: true });
  const server = await startServer({ root: ROOT });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS, timeout: 20_000 });
  try {
    await suite(browser, server.url);
    await pagesSuite(browser, server.url);
    await a11ySuite(browser, server.url, { test, expect, CheckFailed, poll, open, initScript, waitAllRendered, expectCleanLog, checkCanvases, inspectCharts, OUT, ROOT });
  } finally {
    await browser.close().catch(() => {});
    await server.close();
  }
}

async function suite(browser, base) {
  const ctx1 = await browser.newContext({ viewport: { width: 1280, height: 900 }, deviceScaleFactor: 1, locale: 'ja-JP' });
  await ctx1.addInitScript(initScript);
  const ctx2 = await browser.newContext({ viewport: { width: 1280, height: 900 }, deviceScaleFactor: 2, locale: 'ja-JP' });
  await ctx2.addInitScript(initScript);

  // ---- index.html at DPR 1 ----
  const { page, log } = await open(ctx1, base, 'index.html');

  await test('index.html: every visible chart fires indicator-chart:rendered', async () => {
    await waitAllRendered(page);
    const counts = await page.evaluate(() => ({
      hosts: document.querySelectorAll('indicator-chart, [data-indicator-chart]').length,
      errors: __ic.errors.map((e) => `${e.id}: ${e.message}`),
    }));
    expect(counts.hosts >= 5, `expected at least 5 charts on index.html, found ${counts.hosts}`);
    expect(counts.errors.length === 0, 'indicator-chart:error on index.html', counts.errors);
  });

  const visibleIds = await page.evaluate(`${HOSTS}.filter((h) => !h.closest('details:not([open])')).map((h) => h.id)`);

  await test('index.html @1x: canvas backing store = CSS size × 1, pixels drawn', async () => {
    checkCanvases(await page.evaluate(inspectCharts, visibleIds), 1);
  });

  await test('index.html: title heading, canvas role=img with name and linked description', async () => {
    const rows = await page.evaluate(inspectCharts, visibleIds);
    for (const r of rows) {
      expect(r.role === 'img', `${r.id}: canvas role is ${r.role}`);
      expect(r.title.trim().length > 0 && r.label.trim().length > 0, `${r.id}: empty title or aria-label`, r);
      expect(r.description.trim().length > 0, `${r.id}: aria-describedby has no text`);
      expect(r.headingLevel === '3', `${r.id}: heading level ${r.headingLevel}, expected 3`);
    }
    const src = await page.evaluate(() => {
      const root = document.getElementById('mynumber').shadowRoot;
      const a = root.querySelector('a[href]');
      return { href: a && a.href, text: root.textContent };
    });
    expect(src.href === 'https://www.digital.go.jp/', `mynumber: source link ${src.href}`);
    const level = await page.evaluate(() => {
      const h = document.getElementById('mynumber');
      h.setAttribute('heading-level', '2');
      const l = h.shadowRoot.querySelector('[role="heading"]').getAttribute('aria-level');
      h.removeAttribute('heading-level');
      return [l, h.shadowRoot.querySelector('[role="heading"]').getAttribute('aria-level')];
    });
    expect(level[0] === '2' && level[1] === '3', 'heading-level attribute should set aria-level', level);
    const table = await page.evaluate(async () => {
      const root = document.getElementById('analog').shadowRoot;
      const box = root.querySelector('details');
      if (!box) return null;
      const before = root.querySelectorAll('table').length;
      box.querySelector('summary').click();
      await new Promise((ok) => setTimeout(ok, 50));
      const t = root.querySelector('table');
      return {
        before, summary: box.querySelector('summary').textContent,
        caption: t && t.caption && t.caption.textContent,
        cols: t ? [...t.querySelectorAll('thead th[scope="col"]')].map((th) => th.textContent) : [],
        rows: t ? [...t.querySelectorAll('tbody th[scope="row"]')].map((th) => th.textContent) : [],
        cells: t ? [...t.querySelectorAll('tbody td')].map((td) => td.textContent) : [],
      };
    });
    if (!HAS_TABLE) { console.log('    # data table not checked: this pkg/ has no Chart.table()'); return; }
    expect(table && table.before === 0 && table.rows.length === 9 && table.rows.includes('フロッピーディスク等記録媒体')
      && table.cells.includes('991') && table.cols.length === 2, 'the data table (built on first open) should list every value', table);
    for (const s of ['マイナンバーカードの保有率', '出典', '2025年9月5日']) expect(src.text.includes(s), `mynumber: footer lacks "${s}"`);
  });

  await page.screenshot({ path: join(OUT, 'index-dpr1.png'), fullPage: true }).catch((e) => report('screenshot index-dpr1.png', e));

  await test('index.html: no console errors, page errors, unhandled rejections or dialogs', async () => {
    const unhandled = await page.evaluate(() => __ic.unhandled);
    expect(unhandled.length === 0, 'unhandled rejections', unhandled);
    expectCleanLog(log, 'index.html');
    const wasm = log.requests.filter((u) => u.endsWith('/indicator_chart_bg.wasm'));
    const glue = log.requests.filter((u) => u.endsWith('/indicator_chart.js'));
    expect(wasm.length === 1 && glue.length === 1, 'the wasm package should load once per page', { wasm, glue });
  });

  await test('index.html: no serious accessibility violations (axe-core)', async () => {
    const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
    await page.addScriptTag({ path: axePath });
    const violations = await page.evaluate(async () => {
      const r = await axe.run(document, { resultTypes: ['violations'] });
      return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((x) => x.target.join(' ')).join(', ')}`);
    });
    expect(violations.length === 0, 'axe-core violations', violations);
  });

  await test('closed <details>: charts draw only when opened', async () => {
    const before = await page.evaluate(() => __ic.rendered.filter((r) => r.id === 'local-gov' || r.id === 'staff').length);
    expect(before === 0, `charts in a closed <details> were drawn ${before} times`);
    await page.click('#more > summary');
    await waitRenderedCount(page, 'local-gov', 1);
    await waitRenderedCount(page, 'staff', 1);
    checkCanvases(await page.evaluate(inspectCharts, ['local-gov', 'staff']), 1);
  });

  await test('hidden container: a chart draws only after being shown', async () => {
    await page.evaluate(() => {
      const box = document.createElement('div');
      box.id = 't-hidden';
      box.hidden = true;
      const chart = document.createElement('indicator-chart');
      chart.id = 't-hidden-chart';
      chart.setAttribute('src', 'charts/mynumber.json');
      box.append(chart);
      document.querySelector('main').append(box);
    });
    await poll(page, () => !!document.getElementById('t-hidden-chart').shadowRoot?.querySelector('canvas'), undefined, 'the hidden chart to be built');
    await page.evaluate(() => new Promise((ok) => setTimeout(ok, 300)));
    const early = await page.evaluate(() => ({
      events: __ic.rendered.filter((r) => r.id === 't-hidden-chart').length,
      styled: document.getElementById('t-hidden-chart').shadowRoot.querySelector('canvas').style.width,
    }));
    expect(early.events === 0 && early.styled === '', 'drawn while hidden', early);
    await page.evaluate(() => { document.getElementById('t-hidden').hidden = false; });
    await waitRenderedCount(page, 't-hidden-chart', 1);
    checkCanvases(await page.evaluate(inspectCharts, ['t-hidden-chart']), 1);
  });

  await test('resize: redraws at the new width', async () => {
    const count = await page.evaluate(() => __ic.rendered.filter((r) => r.id === 'mynumber').length);
    await page.evaluate(() => { document.getElementById('mynumber').style.width = '480px'; });
    await waitRenderedCount(page, 'mynumber', count + 1);
    const last = await page.evaluate(() => __ic.rendered.filter((r) => r.id === 'mynumber').pop());
    // The plot fills the host's content box (minus the card's padding when the card is on).
    const plotWidth = await page.evaluate(() => document.getElementById('mynumber').shadowRoot.querySelector('.plot').getBoundingClientRect().width);
    expect(Math.abs(last.width - plotWidth) < 1 && plotWidth <= 480 && plotWidth >= 480 - 24, `redrawn at ${last.width} px, plot is ${plotWidth} px of a 480 px host`);
    checkCanvases(await page.evaluate(inspectCharts, ['mynumber']), 1);
    await page.evaluate(() => { document.getElementById('mynumber').style.width = ''; });
  });

  await test('devicePixelRatio change (zoom, other screen, 1.25): redraws sharp, one backing pixel per device pixel', async () => {
    // Chromium's CDP device-metrics override changes devicePixelRatio but fires no
    // MediaQueryList change events, so after changing it we dispatch the event a real zoom
    // or screen move would: on the loader's own (resolution: Xdppx) lists that stopped matching.
    const cdp = await page.context().newCDPSession(page);
    const setDpr = async (dpr) => {
      const count = await page.evaluate(() => __ic.rendered.filter((r) => r.id === 'analog').length);
      await cdp.send('Emulation.setDeviceMetricsOverride', { width: 1280, height: 900, deviceScaleFactor: dpr, mobile: false });
      const fired = await page.evaluate(() => {
        const stale = __ic.mqls.filter((m) => !m.matches);
        for (const m of stale) m.dispatchEvent(new Event('change'));
        return stale.length;
      });
      expect(fired > 0, `no (resolution) media query listener went stale at DPR ${dpr}`);
      await waitRenderedCount(page, 'analog', count + 1);
      checkCanvases(await page.evaluate(inspectCharts, ['analog']), dpr);
    };
    try {
      await setDpr(2);
      await setDpr(1.25);
      await setDpr(1);
    } finally {
      await cdp.send('Emulation.setDeviceMetricsOverride', { width: 1280, height: 900, deviceScaleFactor: 1, mobile: false }).catch(() => {});
      await cdp.detach().catch(() => {});
    }
  });

  await test('render()/update(): a bad update keeps the old chart and shows a notice; destroy() empties', async () => {
    const r = await page.evaluate(async () => {
      const m = await import('/www/indicator-chart.js');
      const frames = () => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok)));
      const host = document.createElement('div');
      host.id = 't-api';
      document.querySelector('main').append(host);
      const spec = await (await fetch('/www/charts/staff.json')).json();
      const chart = await m.render(host, spec);
      await frames();
      const canvas = host.shadowRoot.querySelector('canvas');
      const pixels = canvas.toDataURL();
      const out = { exports: Object.keys(m).sort() };
      try {
        await chart.update({ ...spec, series: [{ name: '職員数', values: [1, 2] }] });
        out.rejected = null;
      } catch (e) {
        out.rejected = { isError: e instanceof Error, message: e.message, path: e.path };
      }
      await frames();
      const now = host.shadowRoot.querySelector('canvas');
      out.sameCanvas = now === canvas && now.isConnected;
      out.samePixels = now && now.toDataURL() === pixels;
      out.notice = [...host.shadowRoot.querySelectorAll('[role="alert"]')].map((a) => a.textContent);
      out.events = __ic.errors.filter((e) => e.target === host).map((e) => ({ message: e.message, path: e.path }));
      await chart.update({ ...spec, title: 'デジタル庁の職員構成（更新）' });
      out.cleared = host.shadowRoot.querySelectorAll('[role="alert"]').length === 0;
      out.title = host.shadowRoot.querySelector('[role="heading"]').textContent;
      chart.destroy();
      out.destroyed = host.shadowRoot.childNodes.length === 0;

      const bad = document.createElement('div');
      bad.id = 't-api-bad';
      document.querySelector('main').append(bad);
      try {
        await m.render(bad, { type: 'line', title: 'x', categories: ['a'], series: [{ name: 's', values: ['abc'] }] });
        out.badRender = null;
      } catch (e) {
        out.badRender = { isError: e instanceof Error, path: e.path, message: e.message,
          alert: [...bad.shadowRoot.querySelectorAll('[role="alert"]')].map((a) => a.textContent).join(' ') };
      }
      return out;
    });
    expect(['IndicatorChartElement', 'configure', 'render'].every((k) => r.exports.includes(k)), 'exports', r.exports);
    expect(r.rejected && r.rejected.isError && r.rejected.path === 'series[0].values', 'update(bad) should reject with an Error whose .path is series[0].values', r.rejected);
    expect(r.sameCanvas && r.samePixels, 'the previous chart should stay as it was', r);
    expect(r.notice.length === 1 && r.notice[0].includes(r.rejected.message), 'a notice with the message should show above the chart', r.notice);
    expect(r.events.length === 1 && r.events[0].path === 'series[0].values' && r.events[0].message === r.rejected.message, 'one indicator-chart:error event', r.events);
    expect(r.cleared && r.title === 'デジタル庁の職員構成（更新）', 'a good update should replace the chart and clear the notice', r);
    expect(r.destroyed, 'destroy() should empty the shadow root');
    expect(r.badRender && r.badRender.isError && r.badRender.path === 'series[0].values[0]' && r.badRender.alert.includes(r.badRender.message),
      'render(bad) should reject with .path and show the error in the element', r.badRender);
  });

  await test('disconnect frees, reconnect renders again (element and div)', async () => {
    for (const id of ['analog', 'society']) {
      const count = await page.evaluate((i) => __ic.rendered.filter((r) => r.id === i).length, id);
      const emptied = await page.evaluate(async (i) => {
        const h = document.getElementById(i);
        const parent = h.parentNode;
        const next = h.nextSibling;
        h.remove();
        await new Promise((ok) => setTimeout(ok, 50));
        const empty = h.shadowRoot.childNodes.length === 0;
        parent.insertBefore(h, next);
        return empty;
      }, id);
      expect(emptied, `${id}: shadow root not emptied after removal`);
      await waitRenderedCount(page, id, count + 1);
      checkCanvases(await page.evaluate(inspectCharts, [id]), 1);
    }
  });

  await test('a changed src / data-src that fails keeps the chart and shows a notice; fixing it clears it', async () => {
    const errorsBefore = await page.evaluate(() => __ic.errors.length);
    await page.evaluate(() => document.getElementById('mynumber').setAttribute('src', 'charts/missing-refresh.json'));
    await poll(page, (c) => __ic.errors.length > c, errorsBefore, 'an indicator-chart:error event');
    const r = await page.evaluate(inspectCharts, ['mynumber']);
    expect(!r[0].problem && r[0].ink > 200, 'the chart should still be drawn', r[0]);
    expect(r[0].alerts.length === 1 && r[0].alerts[0].includes('charts/missing-refresh.json を読み込めませんでした（HTTP 404）'), 'notice', r[0].alerts);
    const count = await page.evaluate(() => __ic.rendered.filter((x) => x.id === 'mynumber').length);
    await page.evaluate(() => document.getElementById('mynumber').setAttribute('src', 'charts/mynumber-cards.json'));
    await waitRenderedCount(page, 'mynumber', count + 1);
    const after = await page.evaluate(inspectCharts, ['mynumber']);
    expect(after[0].alerts.length === 0 && after[0].title === 'マイナンバーカードの保有枚数', 'the new src should replace the chart and clear the notice', after[0]);
    // The same for a div's data-src (watched by the document MutationObserver).
    const before2 = await page.evaluate(() => __ic.errors.length);
    await page.evaluate(() => document.getElementById('society').setAttribute('data-src', 'charts/missing-div.json'));
    await poll(page, (c) => __ic.errors.length > c, before2, 'an indicator-chart:error event from the div');
    const div = await page.evaluate(inspectCharts, ['society']);
    expect(!div[0].problem && div[0].ink > 200 && div[0].alerts.length === 1 && div[0].alerts[0].includes('charts/missing-div.json'),
      'the div should keep its chart and show a notice', div[0]);
    const c2 = await page.evaluate(() => __ic.rendered.filter((x) => x.id === 'society').length);
    await page.evaluate(() => document.getElementById('society').setAttribute('data-src', 'charts/staff.json'));
    await waitRenderedCount(page, 'society', c2 + 1);
    const div2 = await page.evaluate(inspectCharts, ['society']);
    expect(div2[0].alerts.length === 0 && div2[0].title === 'デジタル庁の職員構成', 'the new data-src should replace the chart', div2[0]);
    expectCleanLog(log, 'index.html after the src tests', ['missing-refresh.json', 'missing-div.json']);
  });
  await page.close();

  // ---- errors.html ----
  const errorsPage = await open(ctx1, base, 'errors.html');
  await test('errors.html: every bad input shows its message in role=alert, and the hostile title is text', async () => {
    const p = errorsPage.page;
    const EXPECT = {
      'err-json': ['JSON として読み込めません'],
      'err-type': ['type', '"radar"'],
      'err-length': ['series[0].values', 'categories'],
      'err-value': ['series[0].values[1]', '"45.8%"'],
      'err-field': ['titel'],
      'err-url': ['source.url'],
      'err-404': ['charts/missing.json を読み込めませんでした（HTTP 404）'],
      'err-en': ['Could not load charts/missing-en.json (HTTP 404)'],
      'err-nospec': ['グラフの仕様がありません'],
      'err-dup': ['グラフを表示できません', 'title: 同じ項目が2回以上書かれています'],
      // One language: the page's, for the header and Rust's message alike.
      'err-en-spec': ['The chart cannot be shown', 'series[0].values[1]: expected a number or null (found "45.8%")'],
    };
    await poll(p, (ids) => ids.every((id) => __ic.errors.some((e) => e.id === id)), Object.keys(EXPECT), 'an error event from every case')
      .catch(() => {}); // the per-case checks below say which one is missing
    await waitRenderedCount(p, 'hostile', 1);
    const got = await p.evaluate((ids) => Object.fromEntries(ids.map((id) => {
      const root = document.getElementById(id).shadowRoot;
      const alerts = root ? [...root.querySelectorAll('[role="alert"]')] : [];
      const box = alerts[0];
      const style = box && getComputedStyle(box);
      return [id, {
        alert: alerts.map((a) => a.textContent).join(' | '),
        events: __ic.errors.filter((e) => e.id === id).length,
        visible: !!box && box.getBoundingClientRect().height > 20,
        color: style && style.color, border: style && style.borderTopColor, fontSize: style && style.fontSize,
      }];
    })), Object.keys(EXPECT));
    for (const [id, needles] of Object.entries(EXPECT)) {
      const g = got[id];
      expect(needles.every((s) => g.alert.includes(s)), `${id}: role=alert should contain ${JSON.stringify(needles)}`, g);
      expect(g.events === 1, `${id}: expected one indicator-chart:error event, got ${g.events}`);
      expect(g.visible && g.color === 'rgb(206, 0, 0)' && g.border === 'rgb(206, 0, 0)' && parseFloat(g.fontSize) >= 16, `${id}: error box style`, g);
    }
    const hostile = await p.evaluate(() => {
      const root = document.getElementById('hostile').shadowRoot;
      return {
        title: root.querySelector('[role="heading"]').textContent,
        injected: root.querySelectorAll('img, b, i, svg, script:not([type="application/json"]), a[href^="javascript"]').length,
        imgsInPage: document.querySelectorAll('img').length,
      };
    });
    expect(hostile.title === '<img src=x onerror=alert(1)>', 'the hostile title should show as text', hostile);
    expect(hostile.injected === 0 && hostile.imgsInPage === 0, 'label HTML was parsed into elements', hostile);
    checkCanvases(await p.evaluate(inspectCharts, ['hostile']), 1);
    await p.evaluate(() => new Promise((ok) => setTimeout(ok, 200)));
    expectCleanLog(errorsPage.log, 'errors.html', ['missing.json', 'missing-en.json']);
    const unhandled = await p.evaluate(() => __ic.unhandled);
    expect(unhandled.length === 0, 'unhandled rejections on errors.html', unhandled);
  });
  await test('render(): every bad input from the issue names its path; huge inputs still draw', async () => {
    const p = errorsPage.page;
    const result = await p.evaluate(async () => {
      const { render } = await import('/www/indicator-chart.js');
      const base = () => ({ type: 'line', title: '保有率', categories: ['2021-11', '2022-07', '2024-08', '2025-07'],
        series: [{ name: '保有率', values: [39, 45.8, 75, 79] }] });
      const withValues = (values) => ({ ...base(), series: [{ name: 's', values }] });
      const bad = {
        'top-level array': [1, 2],
        'top-level string': 'line',
        'missing series': (() => { const s = base(); delete s.series; return s; })(),
        'empty categories': { ...base(), categories: [], series: [{ name: 's', values: [] }] },
        'all null': withValues([null, null, null, null]),
        'NaN string': withValues([39, 'NaN', 75, 79]),
        'Infinity string': withValues([39, 'Infinity', 75, 79]),
        'NaN value': withValues([39, NaN, 75, 79]),
        '1e308': withValues([1e308, 45.8, 75, 79]),
        '-1e308': withValues([39, -1e308, 75, 79]),
      };
      const out = { bad: {}, good: {} };
      const box = document.createElement('div');
      document.body.append(box);
      for (const [name, spec] of Object.entries(bad)) {
        const host = document.createElement('div');
        box.append(host);
        try {
          await render(host, spec);
          out.bad[name] = { rejected: false };
        } catch (e) {
          const alert = host.shadowRoot && host.shadowRoot.querySelector('[role="alert"]');
          out.bad[name] = { rejected: true, message: e.message, path: e.path, shown: alert ? alert.textContent : '' };
        }
      }
      const n = 10000;
      const categories = Array.from({ length: n }, (_, i) => `地点${i}`);
      const values = categories.map((_, i) => Math.round(Math.sin(i / 100) * 1000) / 10);
      const good = {
        '10,000 categories (line)': { type: 'line', title: '1万点', categories, series: [{ name: 's', values }] },
        '10,000 categories (column)': { type: 'column', title: '1万本', categories, series: [{ name: 's', values }] },
        '5,000-character title': { ...base(), title: 'アナログ規制'.repeat(834).slice(0, 5000) },
      };
      for (const [name, spec] of Object.entries(good)) {
        const host = document.createElement('div');
        host.style.width = '640px';
        box.append(host);
        const painted = new Promise((ok) => host.addEventListener('indicator-chart:rendered', () => ok(true), { once: true }));
        const started = performance.now();
        try {
          await render(host, spec);
          await Promise.race([painted, new Promise((ok) => setTimeout(() => ok(false), 5000))]);
          const title = host.shadowRoot.querySelector('[role="heading"]');
          out.good[name] = { painted: await painted, ms: Math.round(performance.now() - started),
            titleLength: title ? title.textContent.length : 0, overflow: host.scrollWidth > host.clientWidth + 1 };
        } catch (e) {
          out.good[name] = { painted: false, error: e.message };
        }
      }
      box.remove();
      return out;
    });
    const want = {
      'top-level array': ['仕様全体', 'オブジェクト'],
      'top-level string': ['仕様全体', 'オブジェクト'],
      'missing series': ['series', '必須'],
      'empty categories': ['categories', '空です'],
      'all null': ['series', 'null'],
      'NaN string': ['series[0].values[1]', '"NaN"'],
      'Infinity string': ['series[0].values[1]', '"Infinity"'],
      'NaN value': ['series[0].values[1]', 'NaN'],
      '1e308': ['series[0].values[0]', '1e308'],
      '-1e308': ['series[0].values[1]', '-1e308'],
    };
    for (const [name, needles] of Object.entries(want)) {
      const r = result.bad[name];
      expect(r && r.rejected, `${name}: render() should reject`, r);
      expect(needles.every((s) => r.message.includes(s) && r.shown.includes(s)), `${name}: message and role=alert should name ${JSON.stringify(needles)}`, r);
    }
    for (const [name, r] of Object.entries(result.good)) {
      expect(r.painted, `${name}: should render`, r);
      expect(!r.overflow, `${name}: no horizontal overflow`, r);
    }
    expect(result.good['5,000-character title'].titleLength === 5000, 'the whole 5,000-character title is page text', result.good['5,000-character title']);
    console.log(`# render times (ms, informational): ${Object.entries(result.good).map(([k, v]) => `${k} ${v.ms}`).join('; ')}`);
  });
  await errorsPage.page.screenshot({ path: join(OUT, 'errors-dpr1.png'), fullPage: true }).catch((e) => report('screenshot errors-dpr1.png', e));
  await errorsPage.page.close();

  // ---- csp.html ----
  await test('csp.html: renders under the strict CSP with no violations', async () => {
    const { page: p, log: l } = await open(ctx1, base, 'csp.html');
    await waitAllRendered(p);
    const ids = await p.evaluate(`${HOSTS}.map((h) => h.id)`);
    expect(ids.length >= 3, `expected 3 charts on csp.html, found ${ids.length}`);
    checkCanvases(await p.evaluate(inspectCharts, ids), 1);
    const csp = await p.evaluate(() => ({
      meta: document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.content,
      violations: __ic.csp,
      inlineStyles: document.querySelectorAll('style, [style]').length,
      inlineScripts: [...document.scripts].filter((s) => !s.src && s.type !== 'application/json').length,
    }));
    expect(/script-src 'self' 'wasm-unsafe-eval'/.test(csp.meta || '') && /style-src 'self'/.test(csp.meta || ''), 'csp.html must carry the policy', csp.meta);
    expect(csp.violations.length === 0, 'CSP violations', csp.violations);
    expect(csp.inlineStyles === 0 && csp.inlineScripts === 0, 'inline styles/scripts in csp.html', csp);
    expectCleanLog(l, 'csp.html');
    await p.close();
  });

  await test('<meta name="indicator-chart-pkg">: found when right, a readable error when wrong', async () => {
    const page_ = (pkg) => `<!doctype html><html lang="ja"><head><meta charset="utf-8">
      <meta name="indicator-chart-pkg" content="${pkg}"><title>pkg</title>
      <script type="module" src="/www/indicator-chart.js"></script></head><body>
      <indicator-chart id="c"><script type="application/json">{"type":"column","title":"職員構成",
      "categories":["行政人材","民間人材"],"series":[{"name":"職員数","values":[445,528]}]}</script></indicator-chart></body></html>`;
    const results = {};
    for (const [name, pkg] of [['good', '/pkg/'], ['bad', '/no-such-dir/pkg/']]) {
      const p = await ctx1.newPage();
      p.setDefaultTimeout(WAIT_MS);
      const errors = [];
      p.on('pageerror', (e) => errors.push(e.message));
      await p.route('**/www/pkg-test.html', (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: page_(pkg) }));
      await p.goto(`${base}/www/pkg-test.html`);
      await poll(p, () => __ic.rendered.length + __ic.errors.length > 0, undefined, 'a rendered or error event');
      results[name] = await p.evaluate(() => ({
        rendered: __ic.rendered.length, errors: __ic.errors.map((e) => e.message), unhandled: __ic.unhandled,
        alert: [...document.getElementById('c').shadowRoot.querySelectorAll('[role="alert"]')].map((a) => a.textContent).join(' '),
      }));
      results[name].pageErrors = errors;
      await p.close();
    }
    expect(results.good.rendered === 1 && results.good.errors.length === 0, 'meta pointing at /pkg/ should render', results.good);
    expect(results.bad.rendered === 0 && results.bad.alert.includes('グラフ部品（WebAssembly）を読み込めませんでした'), 'a wrong pkg path should show the wasm error', results.bad);
    expect(results.bad.unhandled.length === 0 && results.bad.pageErrors.length === 0, 'no unhandled rejection or page error', results.bad);
  });

  // ---- DPR 2 ----
  await test('index.html @2x: canvas backing store = CSS size × 2, pixels drawn', async () => {
    const { page: p, log: l } = await open(ctx2, base, 'index.html');
    await waitAllRendered(p);
    checkCanvases(await p.evaluate(inspectCharts, visibleIds), 2);
    const dprs = await p.evaluate(() => [...new Set(__ic.rendered.map((r) => r.dpr))]);
    expect(dprs.length === 1 && dprs[0] === 2, 'rendered events should report dpr 2', dprs);
    expectCleanLog(l, 'index.html @2x');
    await p.screenshot({ path: join(OUT, 'index-dpr2.png'), fullPage: true });
    await p.close();
  });

  await test('errors.html @2x: screenshot', async () => {
    const { page: p } = await open(ctx2, base, 'errors.html');
    await waitRenderedCount(p, 'hostile', 1);
    await poll(p, () => __ic.errors.length >= 9, undefined, 'the error cases');
    await p.screenshot({ path: join(OUT, 'errors-dpr2.png'), fullPage: true });
    await p.close();
  });

  await ctx1.close();
  await ctx2.close();
}

// ---- dashboard.html and gallery.html (issue 3) ----------------------------------------------
//
// Until the Rust side implements spec v2 (docs/spec.md) most of these charts show an error box
// instead of a chart, so these tests assert only what holds either way: each page loads, every
// chart host ends up rendered *or* showing an error (the run reports which), no horizontal
// overflow at 320 px, no console errors, and full-page screenshots. Flip this to true when v2
// lands: then every chart must render with a drawn canvas and no error box.
const REQUIRE_ALL_RENDERED = true;

const PAGE_WIDTHS = [320, 800, 1280];
const PAGE_DPRS = [1, 2];
// 54 charts and an 80,000 px tall full-page PNG at DPR 2 need more than TEST_MS on a busy machine.
const PAGE_TEST_MS = 60_000;

/** Each chart host on the page: painted (indicator-chart:rendered) or failed (error event / role=alert). */
function chartStates() {
  return [...document.querySelectorAll('indicator-chart, [data-indicator-chart]')].map((h) => {
    const rendered = __ic.rendered.some((r) => r.target === h);
    const event = __ic.errors.filter((e) => e.target === h).pop();
    const alert = h.shadowRoot ? h.shadowRoot.querySelector('[role="alert"]') : null;
    const r = h.getBoundingClientRect();
    return {
      id: h.id, src: h.getAttribute('src') || h.getAttribute('data-src') || '',
      rendered, error: event ? event.message : alert ? alert.textContent : null,
      left: r.left, right: r.right, top: r.top + scrollY, width: r.width,
    };
  });
}

function settled(states) {
  return states.length > 0 && states.every((s) => s.rendered || s.error !== null);
}

/** The spec files of www/charts/<dir>, as the page references them. */
function specFiles(dir) {
  return readdirSync(join(ROOT, 'www', 'charts', dir)).filter((f) => f.endsWith('.json')).sort().map((f) => `charts/${dir}/${f}`);
}

async function checkDemoPage(browser, base, file, width, dpr, extra) {
  const name = file.replace(/\.html$/, '');
  const ctx = await browser.newContext({ viewport: { width, height: 900 }, deviceScaleFactor: dpr, locale: 'ja-JP' });
  await ctx.addInitScript(initScript);
  try {
    const { page: p, log: l } = await open(ctx, base, file);
    let states;
    try {
      states = await poll(p, chartStates, undefined, 'every chart to render or show an error', settled);
    } catch (e) {
      states = await p.evaluate(chartStates);
      const waiting = states.filter((s) => !s.rendered && s.error === null).map((s) => s.id);
      throw new CheckFailed(`${file} @${width}px: neither rendered nor an error after ${WAIT_MS / 1000} s: ${waiting.join(', ')}`);
    }
    const rendered = states.filter((s) => s.rendered && s.error === null);
    const failed = states.filter((s) => s.error !== null);
    console.log(`    # ${file} @${width}px DPR ${dpr}: ${states.length} charts, ${rendered.length} rendered, ${failed.length} showing an error`);
    if (width === 1280 && dpr === 1) {
      for (const s of failed) console.log(`    #   ${s.id}: ${s.error.replace(/\s+/g, ' ').slice(0, 160)}`);
    }
    // Fonts and the last frames in before measuring and taking the picture.
    await p.evaluate(() => document.fonts.ready.then(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok)))));
    const layout = await p.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      clientWidth: document.documentElement.clientWidth,
      inlineStyles: document.querySelectorAll('style, [style]').length,
      inlineScripts: [...document.scripts].filter((s) => !s.src && s.type !== 'application/json').length,
    }));
    expect(layout.scrollWidth <= width, `${file} @${width}px: horizontal overflow, scrollWidth ${layout.scrollWidth} > ${width}`, layout);
    const outside = states.filter((s) => s.left < -0.5 || s.right > width + 0.5);
    expect(outside.length === 0, `${file} @${width}px: charts reach outside the viewport`, outside.map((s) => `${s.id} ${s.left}…${s.right}`));
    expect(layout.inlineStyles === 0 && layout.inlineScripts === 0, `${file}: inline styles or scripts`, layout);
    const unhandled = await p.evaluate(() => __ic.unhandled);
    expect(unhandled.length === 0, `${file}: unhandled rejections`, unhandled);
    expectCleanLog(l, `${file} @${width}px DPR ${dpr}`);
    if (REQUIRE_ALL_RENDERED) {
      expect(failed.length === 0, `${file}: charts showing an error (REQUIRE_ALL_RENDERED)`, failed.map((s) => `${s.id}: ${s.error}`));
      checkCanvases(await p.evaluate(inspectCharts, states.map((s) => s.id)), dpr);
    }
    if (extra) await extra(p, states);
    await fullPageScreenshot(p, join(OUT, `${name}-${width}-dpr${dpr}.png`), dpr);
  } finally {
    await ctx.close().catch(() => {});
  }
}

/**
 * A full-page PNG at the page's devicePixelRatio. Straight through CDP with optimizeForSpeed:
 * page.screenshot({ fullPage }) takes 13–17 s to encode the 80,000 px tall gallery at DPR 2.
 */
async function fullPageScreenshot(page, path, dpr) {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { cssContentSize: size } = await cdp.send('Page.getLayoutMetrics');
    const shot = await cdp.send('Page.captureScreenshot', {
      format: 'png', captureBeyondViewport: true, optimizeForSpeed: true,
      clip: { x: 0, y: 0, width: Math.ceil(size.width), height: Math.ceil(size.height), scale: dpr },
    });
    await writeFile(path, Buffer.from(shot.data, 'base64'));
  } finally {
    await cdp.detach().catch(() => {});
  }
}

async function pagesSuite(browser, base) {
  await test('dashboard.html and gallery.html: every spec file is on its page, gallery in numbered order', async () => {
    const html = (f) => readFileSync(join(ROOT, 'www', f), 'utf8');
    const used = (page, dir) => [...html(page).matchAll(new RegExp(`src="(charts/${dir}/[^"]+\\.json)"`, 'g'))].map((m) => m[1]);
    const dash = used('dashboard.html', 'dashboard');
    const gal = used('gallery.html', 'gallery');
    expect(JSON.stringify([...dash].sort()) === JSON.stringify(specFiles('dashboard')), 'dashboard.html should show every charts/dashboard spec once', { dash, files: specFiles('dashboard') });
    expect(dash.length >= 12, `dashboard.html has ${dash.length} charts, expected at least 12`);
    expect(JSON.stringify(gal) === JSON.stringify(specFiles('gallery')), 'gallery.html should show charts/gallery/NN-*.json once each, in file order', { gal, files: specFiles('gallery') });
    for (const f of specFiles('gallery')) expect(/^charts\/gallery\/\d{2}-[a-z0-9-]+\.json$/.test(f), `gallery spec name ${f} should be NN-name.json`);
    const types = new Set([...specFiles('dashboard'), ...specFiles('gallery')].map((f) => JSON.parse(readFileSync(join(ROOT, 'www', f), 'utf8')).type));
    for (const t of ['line', 'area', 'column', 'bar', 'pie', 'donut', 'kpi', 'progress']) expect(types.has(t), `no ${t} chart on the demo pages`);
  });

  for (const [file, extra] of [['dashboard.html', dashboardLayout], ['gallery.html', galleryJson]]) {
    for (const dpr of PAGE_DPRS) {
      for (const width of PAGE_WIDTHS) {
        await test(`${file} @${width}px DPR ${dpr}: every chart rendered or showing an error, no horizontal overflow, no console errors; screenshot`,
          () => checkDemoPage(browser, base, file, width, dpr, extra), PAGE_TEST_MS);
      }
    }
  }
}

/** The dashboard's big numbers come first, all in one row at desktop width and stacked on a phone. */
async function dashboardLayout(p, states) {
  const width = await p.evaluate(() => innerWidth);
  const kpis = states.filter((s) => s.id.startsWith('kpi-'));
  expect(kpis.length >= 4, `dashboard: ${kpis.length} KPIs, expected at least 4`);
  expect(states.slice(0, kpis.length).every((s) => s.id.startsWith('kpi-')), 'dashboard: the KPIs should come first', states.map((s) => s.id));
  const tops = [...new Set(kpis.map((s) => Math.round(s.top)))];
  if (width >= 1280) expect(tops.length === 1, `dashboard @${width}px: the KPIs should share one row`, kpis.map((s) => `${s.id} top ${s.top}`));
  if (width <= 320) expect(tops.length === kpis.length, `dashboard @${width}px: one KPI per row`, kpis.map((s) => `${s.id} top ${s.top}`));
}

/** Each gallery card shows its spec file's JSON text, put in by gallery.js with textContent. */
async function galleryJson(p) {
  await poll(p, () => document.documentElement.hasAttribute('data-gallery-ready'), undefined, 'gallery.js to fill every <pre>');
  const cards = await p.evaluate(() => [...document.querySelectorAll('.gallery-grid > .card')].map((c) => ({
    heading: (c.querySelector('h3') || {}).textContent || '',
    chartSrc: (c.querySelector('indicator-chart') || { getAttribute: () => null }).getAttribute('src'),
    preSrc: (c.querySelector('pre[data-spec]') || { getAttribute: () => null }).getAttribute('data-spec'),
    text: (c.querySelector('pre[data-spec]') || {}).textContent || '',
    elements: c.querySelector('pre[data-spec]') ? c.querySelector('pre[data-spec]').querySelectorAll('*').length : -1,
  })));
  expect(cards.length === specFiles('gallery').length, `gallery: ${cards.length} cards for ${specFiles('gallery').length} spec files`);
  for (const c of cards) {
    expect(c.heading.trim().length > 0, `gallery card for ${c.chartSrc} has no heading`);
    expect(c.chartSrc && c.chartSrc === c.preSrc, `gallery card "${c.heading}": chart ${c.chartSrc} but JSON of ${c.preSrc}`);
    const file = readFileSync(join(ROOT, 'www', c.preSrc), 'utf8');
    expect(c.text === file.trimEnd(), `gallery card "${c.heading}": the <pre> should hold ${c.preSrc} exactly`, c.text.slice(0, 200));
    expect(c.elements === 1, `gallery card "${c.heading}": the JSON should be text in one <code>, not markup`);
  }
}

main()
  .catch((e) => report('the end-to-end run', e))
  .finally(() => {
    clearTimeout(deadline);
    console.log(`# ${((Date.now() - started) / 1000).toFixed(1)} s, screenshots in ${OUT}`);
    summary();
    process.exit(failed > 0 || passed === 0 ? 1 : 0);
  });
