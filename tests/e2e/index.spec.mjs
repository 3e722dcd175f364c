// www/index.html: the embed forms (src, inline JSON, div + data-src, JavaScript), at DPR 1 and 2.
import { test, expect, open, waitAllRendered, inspectCharts, checkCanvases, expectCleanLog, expectNoUnhandled, HOSTS } from './harness.mjs';

const visibleIds = (page) => page.evaluate((sel) => [...document.querySelectorAll(sel)]
  .filter((h) => !h.closest('details:not([open])')).map((h) => h.id), HOSTS);

test.describe('index.html at DPR 1', () => {
  test.beforeEach(async ({ page }) => {
    await open(page, 'index.html');
    await waitAllRendered(page);
  });

  test('every visible chart fires indicator-chart:rendered, none an error', async ({ page }) => {
    const counts = await page.evaluate(() => ({
      hosts: document.querySelectorAll('indicator-chart, [data-indicator-chart]').length,
      errors: __ic.errors.map((e) => `${e.id}: ${e.message}`),
    }));
    expect(counts.hosts, 'chart hosts on index.html').toBeGreaterThanOrEqual(5);
    expect(counts.errors, 'indicator-chart:error events').toEqual([]);
  });

  test('canvas backing store = CSS size × 1, pixels drawn', async ({ page }) => {
    checkCanvases(await page.evaluate(inspectCharts, await visibleIds(page)), 1);
  });

  test('title heading, canvas role=img with name and linked description, source link, heading-level, data table', async ({ page }) => {
    const rows = await page.evaluate(inspectCharts, await visibleIds(page));
    for (const r of rows) {
      expect(r.role, `${r.id}: canvas role`).toBe('img');
      expect(r.title.trim(), `${r.id}: title`).not.toBe('');
      expect(r.label.trim(), `${r.id}: aria-label`).not.toBe('');
      expect(r.description.trim(), `${r.id}: text of aria-describedby`).not.toBe('');
      expect(r.headingLevel, `${r.id}: heading level`).toBe('3');
    }
    const mynumber = page.locator('#mynumber');
    await expect(mynumber.locator('a[href]').first(), 'mynumber: source link').toHaveAttribute('href', 'https://www.digital.go.jp/');
    for (const s of ['マイナンバーカードの保有率', '出典', '2025年9月5日']) await expect(mynumber, 'mynumber: footer').toContainText(s);
    const heading = mynumber.locator('[role="heading"]');
    await page.evaluate(() => document.getElementById('mynumber').setAttribute('heading-level', '2'));
    await expect(heading, 'heading-level="2" sets aria-level').toHaveAttribute('aria-level', '2');
    await page.evaluate(() => document.getElementById('mynumber').removeAttribute('heading-level'));
    await expect(heading, 'without heading-level the level is 3 again').toHaveAttribute('aria-level', '3');
    // The data table is built when first opened.
    const analog = page.locator('#analog');
    await expect(analog.locator('table'), 'no table before the disclosure opens').toHaveCount(0);
    await analog.locator('details > summary').click();
    const table = analog.locator('table');
    await expect(table.locator('tbody th[scope="row"]'), 'one row header per category').toHaveCount(9);
    await expect(table.locator('tbody th[scope="row"]'), 'row headers').toContainText(['フロッピーディスク等記録媒体']);
    await expect(table.locator('thead th[scope="col"]'), 'column headers').toHaveCount(2);
    await expect(table.locator('tbody td'), 'cells').toContainText(['991']);
    await expect(table.locator('caption'), 'caption').not.toBeEmpty();
  });

  test('no console errors, page errors, unhandled rejections or dialogs; the wasm package loads once', async ({ page, log }) => {
    await expectNoUnhandled(page, 'index.html');
    expectCleanLog(log, 'index.html');
    expect(log.requests.filter((u) => u.endsWith('/indicator_chart_bg.wasm')), 'wasm requests').toHaveLength(1);
    expect(log.requests.filter((u) => u.endsWith('/indicator_chart.js')), 'glue requests').toHaveLength(1);
  });
});

test.describe('index.html at DPR 2', () => {
  test.use({ deviceScaleFactor: 2 });

  test('canvas backing store = CSS size × 2, pixels drawn, rendered events say dpr 2', async ({ page, log }) => {
    await open(page, 'index.html');
    await waitAllRendered(page);
    checkCanvases(await page.evaluate(inspectCharts, await visibleIds(page)), 2);
    expect(await page.evaluate(() => [...new Set(__ic.rendered.map((r) => r.dpr))]), 'dpr of the rendered events').toEqual([2]);
    expectCleanLog(log, 'index.html @2x');
  });
});
