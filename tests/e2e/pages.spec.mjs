// dashboard.html and gallery.html at every width × devicePixelRatio: one project per pair
// (pages-<width>-dpr<n> in playwright.config.mjs). Full-page pictures go to test-output/ for
// people; the compared baselines are screenshots.spec.mjs's.
import {
  test, expect, open, waitSettled, settle, inspectCharts, checkCanvases, expectCleanLog, expectNoUnhandled, expectNoInline,
  specFiles, readWww, fullPageShot,
} from './harness.mjs';

/** The dashboard's big numbers come first, all in one row at desktop width and stacked on a phone. */
async function dashboardLayout(page, states, width) {
  const kpis = states.filter((s) => s.id.startsWith('kpi-'));
  expect(kpis.length, 'dashboard KPIs').toBeGreaterThanOrEqual(4);
  expect(states.slice(0, kpis.length).map((s) => s.id), 'the KPIs come first').toEqual(kpis.map((s) => s.id));
  const rows = new Set(kpis.map((s) => Math.round(s.top))).size;
  if (width >= 1280) expect(rows, `dashboard @${width}px: rows of KPIs (one row)`).toBe(1);
  if (width <= 320) expect(rows, `dashboard @${width}px: rows of KPIs (one KPI per row)`).toBe(kpis.length);
}

/** Each gallery card shows its spec file's JSON text, put in by gallery.js with textContent. */
async function galleryJson(page) {
  await expect(page.locator('html'), 'gallery.js fills every <pre>').toHaveAttribute('data-gallery-ready', '');
  const cards = await page.evaluate(() => [...document.querySelectorAll('.gallery-grid > .card')].map((c) => ({
    heading: (c.querySelector('h3') || {}).textContent || '',
    chartSrc: (c.querySelector('indicator-chart') || { getAttribute: () => null }).getAttribute('src'),
    preSrc: (c.querySelector('pre[data-spec]') || { getAttribute: () => null }).getAttribute('data-spec'),
    text: (c.querySelector('pre[data-spec]') || {}).textContent || '',
    elements: c.querySelector('pre[data-spec]') ? c.querySelector('pre[data-spec]').querySelectorAll('*').length : -1,
  })));
  expect(cards.length, 'one gallery card per spec file').toBe(specFiles('gallery').length);
  for (const c of cards) {
    expect(c.heading.trim(), `gallery card for ${c.chartSrc}: heading`).not.toBe('');
    expect(c.preSrc, `gallery card "${c.heading}": the JSON shown is of its chart`).toBe(c.chartSrc);
    expect(c.text, `gallery card "${c.heading}": the <pre> holds ${c.preSrc} exactly`).toBe(readWww(c.preSrc).trimEnd());
    expect(c.elements, `gallery card "${c.heading}": the JSON is text in one <code>, not markup`).toBe(1);
  }
}

for (const [file, extra] of [['dashboard.html', dashboardLayout], ['gallery.html', galleryJson]]) {
  test(`${file}: every chart renders with a drawn canvas, no horizontal overflow, no console errors`, async ({ page, log }, info) => {
    const { width } = page.viewportSize();
    const dpr = info.project.use.deviceScaleFactor;
    await open(page, file);
    const states = await waitSettled(page);
    const failed = states.filter((s) => s.error !== null);
    expect(failed.map((s) => `${s.id}: ${s.error}`), `${file}: charts showing an error`).toEqual([]);
    await settle(page);
    const layout = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth }));
    expect(layout.scrollWidth, `${file} @${width}px: document scrollWidth (horizontal overflow)`).toBeLessThanOrEqual(width);
    const outside = states.filter((s) => s.left < -0.5 || s.right > width + 0.5).map((s) => `${s.id} ${s.left}…${s.right}`);
    expect(outside, `${file} @${width}px: charts reaching outside the viewport`).toEqual([]);
    await expectNoInline(page, file);
    await expectNoUnhandled(page, file);
    expectCleanLog(log, `${file} @${width}px DPR ${dpr}`);
    checkCanvases(await page.evaluate(inspectCharts, states.map((s) => s.id)), dpr);
    await extra(page, states, width);
    await fullPageShot(page, `${file.replace(/\.html$/, '')}-${width}-dpr${dpr}.png`, dpr);
  });
}
