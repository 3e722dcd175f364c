// Big series (issue 13, first steps): a 100,000-point line from a Float64Array through the JS
// API, its data table read 100 rows a page, the keyboard's Home/End over every point, and a
// 10,000,000-point spec refused at once with the limit named.
import { test, expect, expectCleanLog, expectNoUnhandled } from './harness.mjs';

test.beforeEach(async ({ page }) => {
  await page.goto('/tests/e2e/live-fixture.html');
});

test('100,000 points from a Float64Array: drawn, every point a keyboard stop, the table a page at a time', async ({ page, log }) => {
  const n = 100000;
  const r = await page.evaluate(async (n) => {
    const m = await import('/www/indicator-chart.js');
    const categories = [];
    const values = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      categories.push(new Date(Date.UTC(1800, 0, 1) + i * 86400000).toISOString().slice(0, 10));
      values[i] = Math.round((50 + Math.sin(i / 40) * 10) * 10) / 10;
    }
    values[54321] = 99.9; // one spike: kept by the decimation, named by the summary
    const el = document.getElementById('a');
    const chart = await m.render(el, { type: 'line', title: '長い系列', unit: '%', categories, series: [{ name: 's', values }] });
    window.__chart = chart;
    return { points: chart.points().length, description: chart.pageText.description, rows: chart.table().rows.length };
  }, n);
  expect(r.points).toBe(n);
  expect(r.rows).toBe(n);
  expect(r.description).toContain('99.9');
  // The canvas has ink from left to right (the line is drawn, decimated).
  const ink = await page.evaluate(() => {
    const c = document.getElementById('a').shadowRoot.querySelector('canvas');
    const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    const cols = new Set();
    for (let i = 0; i < d.length; i += 4) if (d[i + 2] > 150 && d[i] < 80) cols.add((i / 4) % c.width);
    return cols.size / c.width;
  });
  expect(ink, 'share of pixel columns the line covers').toBeGreaterThan(0.8);

  // Keyboard: End and Home reach the last and first of 100,000 points at once.
  await page.evaluate(() => document.getElementById('a').shadowRoot.querySelector('canvas').focus());
  await page.keyboard.press('End');
  const status = page.locator('#a .plot [role="status"]');
  await expect(status).toContainText('2073年10月');
  await page.keyboard.press('Home');
  await expect(status).toContainText('1800年1月1日');

  // The table shows 100 rows at a time and says which.
  await page.locator('#a summary').click();
  const pager = page.locator('#a .pager [role="status"]');
  await expect(pager).toHaveText('1–100 行目／全 100,000 行');
  expect(await page.locator('#a tbody tr').count()).toBe(100);
  await page.locator('#a .pager button', { hasText: '次の 100 行' }).click();
  await expect(pager).toHaveText('101–200 行目／全 100,000 行');
  await expect(page.locator('#a tbody tr').first().locator('th')).toHaveText('1800年4月11日');
  expectCleanLog(log, 'big data');
  await expectNoUnhandled(page, 'big data');
});

test('10,000,000 points are refused before they are read, with the limit', async ({ page }) => {
  const r = await page.evaluate(async () => {
    const m = await import('/www/indicator-chart.js');
    const categories = new Array(10000000).fill('2020');
    const values = new Array(10000000).fill(1);
    const t0 = performance.now();
    try {
      await m.render(document.getElementById('b'), { type: 'line', title: 't', categories, series: [{ name: 's', values }] });
      return { message: 'rendered' };
    } catch (e) {
      return { message: e.message, path: e.path, ms: performance.now() - t0 };
    }
  });
  expect(r.message).toBe('categories: 1000000 個までです（10000000 個）');
  expect(r.path).toBe('categories');
  await expect(page.locator('#b [role="alert"]')).toContainText('1000000 個まで');
});
