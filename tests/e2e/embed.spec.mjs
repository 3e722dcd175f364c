// The iframe embed (www/embed.html + www/embed-host.js): a host page with two embedded charts
// at 320 and 1280 px; each iframe's height follows its content after load, after a width
// change and after the data table opens; hostile ?spec= values load nothing.
import { test, expect } from './harness.mjs';

/** A host page as a CMS would have it: the pasted iframes and the host script, nothing else. */
function hostPage(frames) {
  const items = frames.map(([id, width, spec]) =>
    `<div class="box" id="box-${id}" data-width="${width}"><iframe id="${id}" src="/www/embed.html?spec=${encodeURIComponent(spec)}" title="${id}" height="150"></iframe></div>`).join('\n');
  return `<!doctype html><html lang="ja"><head><meta charset="utf-8"><title>host</title>
    <link rel="stylesheet" href="/www/host-test.css"><script src="/www/embed-host.js" async></script></head>
    <body>${items}</body></html>`;
}
const CSS = 'body{margin:0} iframe{display:block;width:100%;border:0} .box[data-width="320"]{width:320px} .box[data-width="600"]{width:600px} .box[data-width="1280"]{width:1280px}';

async function openHost(page, frames) {
  await page.route('**/www/host-test.html', (r) => r.fulfill({ contentType: 'text/html; charset=utf-8', body: hostPage(frames) }));
  await page.route('**/www/host-test.css', (r) => r.fulfill({ contentType: 'text/css', body: CSS }));
  await page.goto('/www/host-test.html');
}

/** Each iframe's height against the height of the document inside it. */
async function heights(page, ids) {
  const out = {};
  for (const id of ids) {
    const frame = page.frameLocator(`#${id}`);
    const inner = await frame.locator('html').evaluate((h) => Math.ceil(h.getBoundingClientRect().height));
    const outer = await page.locator(`#${id}`).evaluate((f) => f.getBoundingClientRect().height);
    out[id] = { inner, outer, match: Math.abs(inner - outer) <= 1 };
  }
  return out;
}

async function expectSized(page, ids, when) {
  await expect.poll(async () => Object.values(await heights(page, ids)).every((h) => h.match && h.inner > 150),
    { message: `${when}: every iframe as tall as its chart (±1 px) — ${JSON.stringify(await heights(page, ids))}` }).toBe(true);
}

test('embedded charts at 320 and 1280 px size their iframes after load, a width change and opening the table', async ({ page, log }) => {
  await page.setViewportSize({ width: 1400, height: 900 });
  await openHost(page, [['narrow', 320, 'charts/mynumber.json'], ['wide', 1280, 'charts/dashboard/kpi-mynumber-cards.json']]);
  const ids = ['narrow', 'wide'];
  await expect(page.frameLocator('#narrow').locator('indicator-chart canvas')).toBeVisible();
  await expect(page.frameLocator('#wide').locator('indicator-chart canvas')).toBeVisible();
  await expectSized(page, ids, 'after load');
  await expect.poll(() => page.frame({ url: /spec=charts%2Fmynumber/ }).title(), { message: 'the embed page is named after its chart' }).toBe('マイナンバーカードの保有率');
  const before = await heights(page, ids);
  expect(before.narrow.outer, 'the 320 px chart wraps and is taller than the 1280 px one would be').toBeGreaterThan(400);

  // The host page narrows the wide box: the chart reflows and the iframe follows.
  await page.locator('#box-wide').evaluate((b) => { b.dataset.width = '600'; });
  await expectSized(page, ids, 'after the width change');

  // Opening the data table inside the narrow iframe makes it taller.
  await page.frameLocator('#narrow').locator('indicator-chart summary').click();
  await expect(page.frameLocator('#narrow').locator('indicator-chart table')).toBeVisible();
  await expectSized(page, ids, 'after opening the table');
  const after = await heights(page, ids);
  expect(after.narrow.outer, 'the iframe grew with its table').toBeGreaterThan(before.narrow.outer + 100);
  expect(log.pageErrors, 'page errors').toEqual([]);
});

test('embed.html refuses other origins and non-http spec addresses, and loads nothing for them', async ({ page, log }) => {
  await openHost(page, [
    ['js', 1280, 'javascript:alert(1)'],
    ['other', 1280, 'https://example.com/chart.json'],
    ['data', 1280, 'data:application/json,{}'],
    ['none', 1280, ''],
  ]);
  for (const [id, want] of [['js', '仕様のアドレスとして使えません'], ['other', 'このページからは読み込めない場所です'], ['data', '仕様のアドレスとして使えません'], ['none', 'グラフの仕様がありません']]) {
    await expect(page.frameLocator(`#${id}`).locator('[role="alert"]'), `${id}: a message`).toContainText(want);
  }
  expect(log.requests.filter((u) => !u.startsWith('http://127.0.0.1')), 'requests outside the site').toEqual([]);
  const paths = log.requests.map((u) => new URL(u).pathname);
  expect(paths.filter((p) => /\.json$|indicator_chart_bg\.wasm$/.test(p)), 'no spec or wasm fetched for a refused spec').toEqual([]);
  expect(log.dialogs, 'a dialog opened (script ran from ?spec=)').toEqual([]);
});

test('embed-host.js sizes only the iframe whose window sent the message, and ignores junk', async ({ page }) => {
  await openHost(page, [['a', 1280, 'charts/mynumber.json'], ['b', 1280, 'charts/mynumber.json']]);
  await expectSized(page, ['a', 'b'], 'after load');
  const b = await page.locator('#b').evaluate((f) => f.getBoundingClientRect().height);
  // A message from the page itself (not an iframe), one with a hostile height, one of another shape.
  await page.evaluate(() => {
    window.postMessage({ 'indicator-chart-height': { x: 5 } }, '*');
    window.postMessage('{"indicator-chart-height":{"x":9999}}', '*');
    document.getElementById('a').contentWindow.postMessage('noise', '*');
  });
  await page.frameLocator('#a').locator('html').evaluate(() => parent.postMessage({ 'indicator-chart-height': { a: 1e9 } }, '*'));
  await page.waitForTimeout(200);
  expect(await page.locator('#b').evaluate((f) => f.getBoundingClientRect().height), 'the other iframe keeps its height').toBe(b);
  expect(await page.locator('#a').evaluate((f) => f.getBoundingClientRect().height), 'an impossible height is ignored').toBeLessThan(5000);
});
