// Zoom and screens of other densities: a devicePixelRatio change redraws sharp (also at 1.25);
// at DPR 2 and at 320 CSS px × DPR 4 (400% zoom) the ring and tooltip stay on the point, and
// nothing scrolls sideways with every data table open (WCAG 1.4.4, 1.4.10).
import {
  test, expect, open, waitAllRendered, renderCount, waitRenderedCount, inspectCharts, checkCanvases, openTables,
  tabInto, says, text, expectRingOn, expectTipInside, fireResolutionChange, shot, expectCleanLog,
} from './harness.mjs';

test('devicePixelRatio change (zoom, other screen, 1.25): redraws sharp, one backing pixel per device pixel', async ({ page, log }) => {
  await open(page, 'index.html');
  await waitAllRendered(page);
  // Chromium's CDP device-metrics override changes devicePixelRatio but fires no
  // MediaQueryList change events, so after changing it we dispatch the event a real zoom
  // or screen move would: on the loader's own (resolution: Xdppx) lists that stopped matching.
  const cdp = await page.context().newCDPSession(page);
  try {
    for (const dpr of [2, 1.25, 1]) {
      const count = await renderCount(page, 'analog');
      await cdp.send('Emulation.setDeviceMetricsOverride', { width: 1280, height: 900, deviceScaleFactor: dpr, mobile: false });
      expect(await fireResolutionChange(page), `(resolution) media query lists gone stale at DPR ${dpr}`).toBeGreaterThan(0);
      await waitRenderedCount(page, 'analog', count + 1);
      checkCanvases(await page.evaluate(inspectCharts, ['analog']), dpr);
    }
  } finally {
    await cdp.send('Emulation.clearDeviceMetricsOverride').catch(() => {});
    await cdp.detach().catch(() => {});
  }
  expectCleanLog(log, 'index.html');
});

for (const [width, dpr] of [[1280, 2], [320, 4]]) {
  test.describe(`${width} px at DPR ${dpr}`, () => {
    test.use({ viewport: { width, height: 900 }, deviceScaleFactor: dpr });

    test(`zoom: ${width} px at DPR ${dpr}: ring and tooltip on the point and inside the chart, no horizontal scroll with every table open`, async ({ page, log }) => {
      await open(page, 'index.html');
      await waitAllRendered(page);
      // Twelve series make a table wider than a phone-width chart.
      await page.evaluate(async () => {
        const { render } = await import('/www/indicator-chart.js');
        const d = document.createElement('div');
        d.id = 't-wide';
        document.querySelector('main').append(d);
        const names = Array.from({ length: 12 }, (_, i) => `${2014 + i}年`);
        await render(d, { type: 'line', title: '12系列（試験）', unit: '件', decimals: 1, categories: ['1月', '2月', '3月'],
          series: names.map((name, i) => ({ name, values: [1234.5 + i, 2345.6 + i, 3456.7 + i] })) });
      });
      await waitAllRendered(page);
      const opened = await page.evaluate(openTables);
      expect(opened.tables, 'data tables opened').toBe(opened.details);
      await waitAllRendered(page);
      checkCanvases(await page.evaluate(inspectCharts, ['mynumber', 'analog']), dpr);
      const layout = await page.evaluate(() => {
        const wide = [];
        for (const h of [...document.querySelectorAll('*')].filter((x) => x.shadowRoot)) {
          for (const w of h.shadowRoot.querySelectorAll('.table')) {
            if (w.scrollWidth > w.clientWidth + 1) {
              const by = w.getAttribute('aria-labelledby');
              wide.push({ id: h.id, focusable: w.tabIndex === 0, role: w.getAttribute('role'), name: by && h.shadowRoot.getElementById(by) ? h.shadowRoot.getElementById(by).textContent : '' });
            } else if (w.tabIndex === 0 || w.hasAttribute('role')) {
              wide.push({ id: h.id, problem: 'a table that fits should not be a Tab stop' });
            }
          }
        }
        return { scrollWidth: document.documentElement.scrollWidth, wide };
      });
      expect(layout.scrollWidth, `horizontal scrolling at ${width} px`).toBeLessThanOrEqual(width);
      for (const w of layout.wide) {
        expect(w, 'a table wider than the chart scrolls in its own named, focusable region').toMatchObject({ focusable: true, role: 'group', name: expect.stringMatching(/./) });
      }
      if (width <= 320) expect(layout.wide.map((w) => w.id), 'at 320 px the twelve-series table is wider than its chart (else this checks nothing)').toContain('t-wide');
      await tabInto(page, 'mynumber');
      await page.keyboard.press('End');
      const st = await says(page, 'mynumber', await text(page, 'mynumber', 0, 3), 'End');
      expectRingOn(st, st.points[3], `End at ${width} px, DPR ${dpr}`);
      expectTipInside(st, `End at ${width} px, DPR ${dpr}`);
      await shot(page, 'mynumber', `a11y-keyboard-${width}-dpr${dpr}.png`);
      expectCleanLog(log, `index.html @${width} DPR ${dpr}`);
    });
  });
}
