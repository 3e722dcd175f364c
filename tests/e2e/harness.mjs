// Shared helpers for the end-to-end specs (tests/e2e/*.spec.mjs, run by @playwright/test with
// playwright.config.mjs at the repo root).
//
// `test` is @playwright/test's with two changes: every page of the test's browser context
// gets initScript() before any page script runs, and a `log` fixture collects the page's
// console errors, page errors, dialogs and requests. Pages opened by hand in a test
// (context.newPage()) get the same with watch(page).
//
// Chart state is read only through the loader's public API (render, configure, chartOf) and
// the chart's shadow DOM, never through the loader's private symbols.
//
// Polling is done with expect.poll(() => page.evaluate(…)) or web-first locator assertions,
// never with page.waitForFunction: that compiles its predicate in the page, which csp.html's
// policy (no 'unsafe-eval') forbids.
import { test as base, expect } from '@playwright/test';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export { expect };

export const REPO_ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
/** The tree the server serves (E2E_ROOT, as in playwright.config.mjs); its www/ is read for spec files. */
export const ROOT = process.env.E2E_ROOT ? resolve(process.env.E2E_ROOT) : REPO_ROOT;
/** Screenshots for people to look at (gitignored); the compared baselines live in tests/e2e/screenshots/. */
export const OUT = join(REPO_ROOT, 'test-output');
export const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

// ---- in the page -------------------------------------------------------------------------

/** Registered before any page script runs (the demo pages have no inline scripts of their own). */
export function initScript() {
  const ic = (window.__ic = { rendered: [], errors: [], csp: [], unhandled: [] });
  document.addEventListener('indicator-chart:rendered', (e) => ic.rendered.push({ target: e.target, id: e.target.id, ...e.detail }));
  document.addEventListener('indicator-chart:error', (e) => ic.errors.push({ target: e.target, id: e.target.id, ...e.detail }));
  document.addEventListener('securitypolicyviolation', (e) => ic.csp.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`));
  window.addEventListener('unhandledrejection', (e) => ic.unhandled.push(String((e.reason && e.reason.message) || e.reason)));
  // The (resolution: …) media queries the loader watches, so that a test can fire the change
  // event a real zoom would (the CDP device-metrics override changes devicePixelRatio but
  // fires none).
  ic.mqls = [];
  const matchMedia = window.matchMedia.bind(window);
  window.matchMedia = (q) => { const m = matchMedia(q); if (/resolution/.test(q)) ic.mqls.push(m); return m; };
}

/** The chart hosts of a demo page. */
export const HOSTS = 'indicator-chart, [data-indicator-chart], #js-chart';

/** Ids (and shadow text) of the hosts that should have painted but have not (closed <details> excepted). */
function unrendered() {
  return [...document.querySelectorAll('indicator-chart, [data-indicator-chart], #js-chart')]
    .filter((h) => !h.closest('details:not([open])') && !__ic.rendered.some((r) => r.target === h))
    .map((h) => h.id + ': ' + (h.shadowRoot ? h.shadowRoot.textContent.slice(0, 200) : '(no shadow root)'));
}

/** Each chart host on the page: painted (indicator-chart:rendered) or failed (error event / role=alert). */
export function chartStates() {
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

/** Reads each chart's canvas: backing store vs CSS size, drawn pixels, accessible name/description. */
export function inspectCharts(ids) {
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

/** What one chart shows and says right now: focus, status text, tooltip, ring, boxes, its points. */
export async function chartState(id) {
  const { chartOf } = await import('/www/indicator-chart.js');
  const host = document.getElementById(id);
  const root = host.shadowRoot;
  const q = (s) => root.querySelector(s);
  const box = (n) => { const r = n.getBoundingClientRect(); return { x: r.x, y: r.y, w: r.width, h: r.height }; };
  const canvas = q('canvas');
  const ring = q('.ring');
  const tip = q('.tip');
  const c = chartOf(host);
  const shown = (n) => !!n && !n.hidden && getComputedStyle(n).display !== 'none' && n.getBoundingClientRect().width > 0;
  let active = document.activeElement;
  while (active && active.shadowRoot && active.shadowRoot.activeElement) active = active.shadowRoot.activeElement;
  const ringStyle = ring && getComputedStyle(ring);
  const tipStyle = tip && getComputedStyle(tip);
  return {
    focused: root.activeElement === canvas,
    active: active ? `${active.getRootNode().host ? active.getRootNode().host.id + ' ' : ''}${active.localName}${active.className ? '.' + active.className : ''}` : null,
    live: (q('[role="status"]') || {}).textContent,
    tip: shown(tip) ? tip.textContent : null,
    ring: shown(ring),
    tipBox: tip && box(tip), ringBox: ring && box(ring), plot: box(q('.plot')), canvas: box(canvas),
    // The loader's stops: chart.points() less any point whose pointText() is empty.
    points: c ? c.points() : [],
    ringCss: ringStyle && { border: ringStyle.borderTopWidth + ' ' + ringStyle.borderTopStyle + ' ' + ringStyle.borderTopColor, shadow: ringStyle.boxShadow },
    tipCss: tipStyle && { size: tipStyle.fontSize, color: tipStyle.color, bg: tipStyle.backgroundColor, border: tipStyle.borderTopColor },
    describedby: canvas.getAttribute('aria-describedby'),
    tabindex: canvas.getAttribute('tabindex'),
  };
}

/** pointText(series, index) of the chart on element `id`, through chartOf(). */
async function pointTextOf([id, s, i]) {
  const { chartOf } = await import('/www/indicator-chart.js');
  return chartOf(document.getElementById(id)).pointText(s, i);
}

/** Opens every chart's data table (and the page's own closed <details>); resolves with the counts. */
export async function openTables() {
  for (const d of document.querySelectorAll('details:not([open])')) d.open = true;
  const hosts = [...document.querySelectorAll('*')].filter((h) => h.shadowRoot);
  const boxes = hosts.flatMap((h) => [...h.shadowRoot.querySelectorAll('details')]);
  for (const b of boxes) b.open = true;
  for (let i = 0; i < 100 && boxes.some((b) => !b.querySelector('table')); i++) await new Promise((ok) => setTimeout(ok, 20));
  return { details: boxes.length, tables: boxes.filter((b) => b.querySelector('table')).length };
}

// ---- fixtures ----------------------------------------------------------------------------

/** Starts collecting what a page reports that a test should see: console errors, page errors, dialogs, requests. */
export function watch(page) {
  const log = { console: [], pageErrors: [], dialogs: [], requests: [] };
  page.on('request', (r) => log.requests.push(r.url()));
  page.on('console', (m) => { if (m.type() === 'error') log.console.push({ text: m.text(), url: m.location().url }); });
  page.on('pageerror', (e) => log.pageErrors.push(e.message));
  page.on('dialog', (d) => { log.dialogs.push(`${d.type()}: ${d.message()}`); d.dismiss().catch(() => {}); });
  return log;
}

export const test = base.extend({
  context: async ({ context }, use) => {
    await context.addInitScript(initScript);
    await use(context);
  },
  // auto: set up before any beforeEach hook, so that a hook's navigation is logged too.
  log: [async ({ page }, use) => {
    await use(watch(page));
  }, { auto: true }],
});

/** Opens www/`file` on `page` (baseURL is the test server). */
export async function open(page, file) {
  await page.goto(`/www/${file}`, { waitUntil: 'load' });
  return page;
}

/** A second page in the same context, logged like the fixture's. */
export async function openPage(context, file) {
  const page = await context.newPage();
  const log = watch(page);
  if (file) await open(page, file);
  return { page, log };
}

// ---- waiting -----------------------------------------------------------------------------

/** Every chart host outside a closed <details> has fired indicator-chart:rendered. */
export async function waitAllRendered(page) {
  await expect.poll(() => page.evaluate(unrendered), { message: 'every visible chart fires indicator-chart:rendered (listed: those that have not)' }).toEqual([]);
}

export const renderCount = (page, id) => page.evaluate((i) => __ic.rendered.filter((r) => r.id === i).length, id);
export const errorCount = (page) => page.evaluate(() => __ic.errors.length);

export async function waitRenderedCount(page, id, count) {
  await expect.poll(() => renderCount(page, id), { message: `#${id} renders ${count} time(s)` }).toBeGreaterThanOrEqual(count);
}

/** Every chart host has rendered or shown an error; resolves with chartStates(). */
export async function waitSettled(page) {
  await expect.poll(async () => (await page.evaluate(chartStates)).filter((s) => !s.rendered && s.error === null).map((s) => s.id),
    { message: 'every chart renders or shows an error (listed: those that have done neither)' }).toEqual([]);
  return page.evaluate(chartStates);
}

/** Fonts loaded and two more frames painted: nothing left to change before measuring or a picture. */
export async function settle(page) {
  await page.evaluate(() => document.fonts.ready.then(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok)))));
}

// ---- checks ------------------------------------------------------------------------------

/** Canvas fills its plot, backing store = CSS size × DPR exactly (also 1.25), pixels drawn, no alert. */
export function checkCanvases(rows, dpr) {
  expect(rows.length, 'charts to check').toBeGreaterThan(0);
  for (const r of rows) {
    expect(r.problem, `${r.id}: ${JSON.stringify(r)}`).toBeUndefined();
    expect(r.dpr, `${r.id}: devicePixelRatio`).toBe(dpr);
    expect(Math.abs(r.cssWidth - r.plotWidth), `${r.id}: canvas CSS width ${r.cssWidth} should fill the plot's ${r.plotWidth}`).toBeLessThan(1);
    expect(Math.abs(r.cssHeight - r.plotHeight), `${r.id}: canvas CSS height ${r.cssHeight} should fill the plot's ${r.plotHeight}`).toBeLessThan(1);
    // Exactly one backing-store pixel per device pixel, also at fractional ratios (1.25):
    // anything else is resampled, i.e. blurred.
    expect(Math.abs(r.width - r.cssWidth * dpr), `${r.id}: backing store width ${r.width} should be CSS ${r.cssWidth} × DPR ${dpr} exactly`).toBeLessThan(0.01);
    expect(Math.abs(r.height - r.cssHeight * dpr), `${r.id}: backing store height ${r.height} should be CSS ${r.cssHeight} × DPR ${dpr} exactly`).toBeLessThan(0.01);
    expect(r.ink, `${r.id}: drawn pixels (a blank canvas has none)`).toBeGreaterThan(200);
    expect(r.alerts, `${r.id}: unexpected role=alert`).toEqual([]);
  }
}

/** No console errors (but 404s of the listed files), page errors or dialogs. */
export function expectCleanLog(log, name, allow404 = []) {
  const unexpected = log.console.filter((c) => !(/status of 404/.test(c.text) && allow404.some((f) => c.url.endsWith(f))));
  expect(unexpected, `${name}: console errors`).toEqual([]);
  expect(log.pageErrors, `${name}: page errors`).toEqual([]);
  expect(log.dialogs, `${name}: a dialog opened (did script run from a label?)`).toEqual([]);
}

export async function expectNoUnhandled(page, name) {
  expect(await page.evaluate(() => __ic.unhandled), `${name}: unhandled rejections`).toEqual([]);
}

/** No inline <style>, style attribute or inline script (the pages must work under csp.html's policy). */
export async function expectNoInline(page, name) {
  const n = await page.evaluate(() => ({
    inlineStyles: document.querySelectorAll('style, [style]').length,
    inlineScripts: [...document.scripts].filter((s) => !s.src && s.type !== 'application/json').length,
  }));
  expect(n, `${name}: inline styles or scripts`).toEqual({ inlineStyles: 0, inlineScripts: 0 });
}

// ---- keyboard, tooltip and focus helpers ---------------------------------------------------

export const state = (page, id) => page.evaluate(chartState, id);
export const text = (page, id, s, i) => page.evaluate(pointTextOf, [id, s, i]);

/** Waits until the chart's status region says `want` (web-first); resolves with its state. */
export async function says(page, id, want, what) {
  await expect(page.locator(`#${id} [role="status"]`), `${what}: the status region`).toHaveText(want);
  return state(page, id);
}

/** Focus lands on a temporary button just before `id`, then a real Tab press moves into the chart. */
export async function tabInto(page, id) {
  await page.evaluate((i) => {
    const b = document.createElement('button');
    b.id = 't-before-' + i;
    b.textContent = 'before';
    document.getElementById(i).before(b);
    b.focus();
  }, id);
  await page.keyboard.press('Tab');
  await page.evaluate((i) => document.getElementById('t-before-' + i).remove(), id);
}

/** The ring is a visible box centred on point `pt` (canvas CSS px) and inside the plot. */
export function expectRingOn(st, pt, what) {
  expect(st.ring, `${what}: the focus ring is visible`).toBe(true);
  expect(pt, `${what}: the point the ring should be on`).toBeTruthy();
  const cx = st.ringBox.x + st.ringBox.w / 2 - st.canvas.x;
  const cy = st.ringBox.y + st.ringBox.h / 2 - st.canvas.y;
  expect(Math.abs(cx - pt.x), `${what}: ring centre x ${cx} should be on the point's ${pt.x}`).toBeLessThanOrEqual(1.01);
  expect(Math.abs(cy - pt.y), `${what}: ring centre y ${cy} should be on the point's ${pt.y}`).toBeLessThanOrEqual(1.01);
  expect(Math.min(st.ringBox.w, st.ringBox.h), `${what}: ring size ${JSON.stringify(st.ringBox)}`).toBeGreaterThanOrEqual(20);
  const inside = st.ringBox.x >= st.plot.x - 12 && st.ringBox.x + st.ringBox.w <= st.plot.x + st.plot.w + 12
    && st.ringBox.y >= st.plot.y - 12 && st.ringBox.y + st.ringBox.h <= st.plot.y + st.plot.h + 12;
  expect(inside, `${what}: ring ${JSON.stringify(st.ringBox)} inside the plot ${JSON.stringify(st.plot)}`).toBe(true);
}

export function expectTipInside(st, what) {
  const t = st.tipBox;
  const pl = st.plot;
  expect(t.x >= pl.x - 0.5 && t.y >= pl.y - 0.5 && t.x + t.w <= pl.x + pl.w + 0.5 && t.y + t.h <= pl.y + pl.h + 0.5,
    `${what}: the tooltip ${JSON.stringify(t)} inside the plot ${JSON.stringify(pl)}`).toBe(true);
}

function luminance(rgb) {
  const [r, g, b] = rgb.match(/[\d.]+/g).slice(0, 3).map((v) => {
    const c = Number(v) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
/** WCAG contrast ratio of two CSS rgb() colours. */
export function contrast(a, b) {
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
  return (x + 0.05) / (y + 0.05);
}

/** Fires the media-query change event a real zoom or screen move would, on the loader's stale (resolution) lists. */
export async function fireResolutionChange(page) {
  return page.evaluate(() => {
    const stale = __ic.mqls.filter((m) => !m.matches);
    for (const m of stale) m.dispatchEvent(new Event('change'));
    return stale.length;
  });
}

// ---- files -------------------------------------------------------------------------------

/** The spec files of www/charts/<dir>, as the pages reference them. */
export function specFiles(dir) {
  return readdirSync(join(ROOT, 'www', 'charts', dir)).filter((f) => f.endsWith('.json')).sort().map((f) => `charts/${dir}/${f}`);
}
export const readWww = (f) => readFileSync(join(ROOT, 'www', f), 'utf8');
export const readSpec = (f) => JSON.parse(readWww(f));

/** A picture of one chart for people, in test-output/ (not compared: see screenshots.spec.mjs). */
export async function shot(page, id, file) {
  await page.locator('#' + id).screenshot({ path: join(OUT, file) });
}

/**
 * A full-page PNG for people at the page's devicePixelRatio, in test-output/. Straight through
 * CDP with optimizeForSpeed: page.screenshot({ fullPage }) takes 13–17 s to encode the
 * 80,000 px tall gallery at DPR 2.
 */
export async function fullPageShot(page, file, dpr) {
  const path = join(OUT, file);
  await mkdir(dirname(path), { recursive: true });
  const cdp = await page.context().newCDPSession(page);
  try {
    const { cssContentSize: size } = await cdp.send('Page.getLayoutMetrics');
    const png = await cdp.send('Page.captureScreenshot', {
      format: 'png', captureBeyondViewport: true, optimizeForSpeed: true,
      clip: { x: 0, y: 0, width: Math.ceil(size.width), height: Math.ceil(size.height), scale: dpr },
    });
    await writeFile(path, Buffer.from(png.data, 'base64'));
  } finally {
    await cdp.detach().catch(() => {});
  }
}
