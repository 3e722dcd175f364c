// www/csp.html under its strict Content-Security-Policy (script-src 'self' 'wasm-unsafe-eval';
// style-src 'self'), and <meta name="indicator-chart-pkg">. No page.waitForFunction here: the
// policy has no 'unsafe-eval'.
import {
  test, expect, open, openPage, waitAllRendered, inspectCharts, checkCanvases, expectCleanLog, expectNoInline,
  tabInto, says, text, HOSTS,
} from './harness.mjs';

test('csp.html: renders under the strict CSP with no violations', async ({ page, log }) => {
  await open(page, 'csp.html');
  await waitAllRendered(page);
  const ids = await page.evaluate((sel) => [...document.querySelectorAll(sel)].map((h) => h.id), HOSTS);
  expect(ids.length, 'charts on csp.html').toBeGreaterThanOrEqual(3);
  checkCanvases(await page.evaluate(inspectCharts, ids), 1);
  const meta = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(meta, 'csp.html carries the policy').toMatch(/script-src 'self' 'wasm-unsafe-eval'/);
  expect(meta, 'csp.html carries the policy').toMatch(/style-src 'self'/);
  expect(await page.evaluate(() => __ic.csp), 'CSP violations').toEqual([]);
  await expectNoInline(page, 'csp.html');
  expectCleanLog(log, 'csp.html');
});

test('CSV download and keyboard under the strict CSP (csp.html): no violations', async ({ page, log }) => {
  await open(page, 'csp.html');
  await waitAllRendered(page);
  const [dl] = await Promise.all([page.waitForEvent('download'), page.locator('#csp-inline button.csv').click()]);
  expect(dl.suggestedFilename(), 'a CSV download').toMatch(/\.csv$/);
  await tabInto(page, 'csp-inline');
  await page.keyboard.press('ArrowRight');
  await says(page, 'csp-inline', await text(page, 'csp-inline', 0, 1), 'ArrowRight under the CSP');
  expect(await page.evaluate(() => __ic.csp), 'CSP violations').toEqual([]);
  expectCleanLog(log, 'csp.html');
});

test('<meta name="indicator-chart-pkg">: found when right, a readable error when wrong', async ({ context }) => {
  const html = (pkg) => `<!doctype html><html lang="ja"><head><meta charset="utf-8">
    <meta name="indicator-chart-pkg" content="${pkg}"><title>pkg</title>
    <script type="module" src="/www/indicator-chart.js"></script></head><body>
    <indicator-chart id="c"><script type="application/json">{"type":"column","title":"職員構成",
    "categories":["行政人材","民間人材"],"series":[{"name":"職員数","values":[445,528]}]}</script></indicator-chart></body></html>`;
  const results = {};
  for (const [name, pkg] of [['good', '/pkg/'], ['bad', '/no-such-dir/pkg/']]) {
    const { page, log } = await openPage(context);
    await page.route('**/www/pkg-test.html', (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: html(pkg) }));
    await open(page, 'pkg-test.html');
    await expect.poll(() => page.evaluate(() => __ic.rendered.length + __ic.errors.length), { message: 'a rendered or error event' }).toBeGreaterThan(0);
    results[name] = await page.evaluate(() => ({
      rendered: __ic.rendered.length, errors: __ic.errors.map((e) => e.message), unhandled: __ic.unhandled,
      alert: [...document.getElementById('c').shadowRoot.querySelectorAll('[role="alert"]')].map((a) => a.textContent).join(' '),
    }));
    results[name].pageErrors = log.pageErrors;
    await page.close();
  }
  expect(results.good, 'meta pointing at /pkg/ renders').toMatchObject({ rendered: 1, errors: [] });
  expect(results.bad.rendered, 'a wrong pkg path renders nothing').toBe(0);
  expect(results.bad.alert, 'a wrong pkg path shows the wasm error').toContain('グラフ部品（WebAssembly）を読み込めませんでした');
  expect(results.bad.unhandled, 'unhandled rejections').toEqual([]);
  expect(results.bad.pageErrors, 'page errors').toEqual([]);
});
