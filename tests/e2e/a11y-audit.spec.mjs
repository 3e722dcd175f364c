// axe-core on the demo pages: WCAG 2.0–2.2 A/AA at every impact, with every data table open and a
// chart keyboard-focused (so its ring and tooltip are audited too); and every axe rule (best
// practices included) at serious/critical impact on index.html.
import { test, expect, open, waitAllRendered, openTables, tabInto, expectCleanLog, AXE, AXE_TAGS } from './harness.mjs';

/** axe.min.js from the page's own origin, so that csp.html's script-src 'self' allows it. */
async function addAxe(page) {
  await page.route('**/__axe.min.js', (r) => r.fulfill({ path: AXE, contentType: 'text/javascript; charset=utf-8' }));
}

for (const file of ['index.html', 'csp.html', 'dashboard.html', 'gallery.html', 'live.html']) {
  test(`axe-core ${AXE_TAGS.join(',')} on ${file} (data tables open, a chart focused): zero violations`, async ({ page, log }) => {
    await addAxe(page);
    await open(page, file);
    await expect.poll(() => page.evaluate(() => [...document.querySelectorAll('indicator-chart, [data-indicator-chart]')]
      .filter((el) => !(__ic.rendered.some((r) => r.target === el) || __ic.errors.some((e) => e.target === el) || el.closest('details:not([open])')))
      .map((el) => el.id)), { message: `${file}: every chart rendered or failed` }).toEqual([]);
    const opened = await page.evaluate(openTables);
    expect(opened.tables, `${file}: data tables opened of ${opened.details}`).toBe(opened.details);
    expect(opened.tables, `${file}: data tables to audit`).toBeGreaterThan(0);
    await waitAllRendered(page); // charts revealed by opening the page's own <details>
    const first = await page.evaluate(() => (document.querySelector('indicator-chart[id], [data-indicator-chart][id]') || {}).id);
    await tabInto(page, first);
    await page.keyboard.press('ArrowRight');
    await page.addScriptTag({ url: '/__axe.min.js' });
    const result = await page.evaluate(async (tags) => {
      const r = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
      return {
        violations: r.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 4).map((x) => JSON.stringify(x.target)).join(', ')}`),
        csp: __ic.csp,
      };
    }, AXE_TAGS);
    test.info().annotations.push({ type: 'audited', description: `${opened.tables} data tables open` });
    expect(result.violations, `${file}: axe-core violations`).toEqual([]);
    expect(result.csp, `${file}: CSP violations`).toEqual([]);
    expectCleanLog(log, file);
  });
}

test('axe-core, every rule (best practices too) on index.html: no serious or critical violation', async ({ page }) => {
  await open(page, 'index.html');
  await waitAllRendered(page);
  await page.addScriptTag({ path: AXE });
  const violations = await page.evaluate(async () => {
    const r = await axe.run(document, { resultTypes: ['violations'] });
    return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((x) => x.target.join(' ')).join(', ')}`);
  });
  expect(violations, 'axe-core serious/critical violations').toEqual([]);
});

for (const file of ['embed.html?spec=charts/mynumber.json', 'embed.html?spec=https://example.com/x.json', 'embed-example.html']) {
  test(`axe-core ${AXE_TAGS.join(',')} on ${file}: zero violations`, async ({ page, log }) => {
    await addAxe(page);
    await open(page, file);
    if (file.startsWith('embed.html?spec=charts')) await expect(page.locator('indicator-chart canvas')).toBeVisible();
    else if (file.startsWith('embed.html')) await expect(page.locator('[role="alert"]')).toBeVisible();
    else await expect(page.frameLocator('#frame-line').locator('indicator-chart canvas')).toBeVisible();
    await page.addScriptTag({ url: '/__axe.min.js' });
    const violations = await page.evaluate((tags) => axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] })
      .then((r) => r.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 4).map((x) => JSON.stringify(x.target)).join(', ')}`)), AXE_TAGS);
    expect(violations, `${file}: axe-core violations`).toEqual([]);
    expect(await page.evaluate(() => __ic.csp), `${file}: CSP violations`).toEqual([]);
    expect(log.pageErrors, `${file}: page errors`).toEqual([]);
  });
}
