// Prefecture maps in the browser: the map build and the shapes load once a page (and never on a
// page without maps), the keyboard walks code order and compass neighbours, a prefecture answers
// the pointer anywhere on its shape, the table sorts by value, and both layouts look as in their
// baselines at 320 and 1280 px, DPR 1 and 2 (tests/e2e/screenshots/maps/…).
import { test, expect, open, waitAllRendered, settle, tabInto, says, state } from './harness.mjs';

const GEO = 'g-55-map-geo';
const TILES = 'g-56-map-tiles-diverging';

test('the gallery loads the map build and the shapes once for its three maps; a page without maps loads neither', async ({ page, log }) => {
  await open(page, 'gallery.html');
  await waitAllRendered(page);
  const count = (part) => log.requests.filter((u) => u.includes(part)).length;
  expect(count('/pkg/map/indicator_chart_bg.wasm'), 'the map build, once').toBe(1);
  expect(count('/www/maps/prefectures.json'), 'the shapes, once').toBe(1);
  const other = [];
  page.on('request', (r) => other.push(r.url()));
  await open(page, 'index.html');
  await waitAllRendered(page);
  expect(other.filter((u) => u.includes('/pkg/map/') || u.includes('prefectures.json')), 'index.html has no map').toEqual([]);
});

test('the keyboard walks the geo map: Home 北海道, south to 青森県, End 沖縄県, north to 鹿児島県, east to 宮崎県', async ({ page }) => {
  await open(page, 'gallery.html');
  await waitAllRendered(page);
  await page.locator('#' + GEO).scrollIntoViewIfNeeded();
  await tabInto(page, GEO);
  const walk = [
    ['Home', '北海道、74.6%（全国 79.0%）、順位 45／47'],
    ['ArrowDown', '青森県、73.1%（全国 79.0%）、順位 46／47'],
    ['End', '沖縄県、70.8%（全国 79.0%）、順位 47／47'],
    ['ArrowUp', '鹿児島県、75.4%（全国 79.0%）、順位 43／47'],
    ['ArrowRight', '宮崎県、76.5%（全国 79.0%）、順位 38／47'],
  ];
  for (const [key, want] of walk) {
    await page.keyboard.press(key);
    const st = await says(page, GEO, want, key);
    expect(st.focused, `${key}: focus stays on the map`).toBe(true);
    expect(st.tip, `${key}: the tooltip says it too`).toBe(want);
  }
});

test('the tile grid steps to grid neighbours and a tile answers the pointer anywhere on it', async ({ page }) => {
  await open(page, 'gallery.html');
  await waitAllRendered(page);
  await page.locator('#' + TILES).scrollIntoViewIfNeeded();
  await tabInto(page, TILES);
  await page.keyboard.press('Home');
  await says(page, TILES, /^北海道、/, 'Home');
  for (const [key, name] of [['ArrowDown', '岩手県'], ['ArrowLeft', '秋田県'], ['ArrowDown', '山形県'], ['ArrowRight', '宮城県']]) {
    await page.keyboard.press(key);
    await says(page, TILES, new RegExp('^' + name + '、'), key);
  }
  // A tile's corner, not its centre, still shows its words.
  const st = await state(page, TILES);
  const tokyo = st.points.find((p) => p.index === 12);
  await page.mouse.move(st.canvas.x + tokyo.x - 12, st.canvas.y + tokyo.y + 12);
  await expect(page.locator(`#${TILES} .tip`)).toHaveText(/^東京都、84.3%/);
});

test('the map table has the 47 in code order and sorts by value, highest first, then lowest, then as given', async ({ page }) => {
  await open(page, 'gallery.html');
  await waitAllRendered(page);
  const host = page.locator('#' + GEO);
  await host.locator('summary').click();
  const firstRow = host.locator('tbody tr').first();
  await expect(host.locator('tbody tr')).toHaveCount(47);
  await expect(firstRow.locator('th')).toHaveText('北海道');
  const sort = host.getByRole('button', { name: /^値（%）/ });
  const th = host.locator('thead th').nth(2);
  const code = host.locator('thead th').nth(1);
  await expect(code, 'the rows come in code order, and the header says so').toHaveAttribute('aria-sort', 'ascending');
  await sort.click();
  await expect(th).toHaveAttribute('aria-sort', 'descending');
  await expect(code).not.toHaveAttribute('aria-sort', /./);
  await expect(firstRow.locator('th')).toHaveText('東京都');
  await expect(th.getByRole('status'), 'the sort is said aloud').toHaveText('値（%）の高い順に並べ替えました');
  await sort.click();
  await expect(th).toHaveAttribute('aria-sort', 'ascending');
  await expect(firstRow.locator('th')).toHaveText('沖縄県');
  await sort.click();
  await expect(th).not.toHaveAttribute('aria-sort', /./);
  await expect(code).toHaveAttribute('aria-sort', 'ascending');
  await expect(th.getByRole('status')).toHaveText('コードの順に戻しました');
  await expect(firstRow.locator('th')).toHaveText('北海道');
  await expect(host.locator('.footer, [part="footer"]')).toContainText('「国土数値情報（行政区域データ）」（国土交通省）を加工して作成');
});

/** A page of its own holding `specs` (inline), served at /www/<name>. */
async function mapPage(page, name, specs) {
  const html = `<!doctype html><html lang="ja"><head><meta charset="utf-8"><title>maps</title>
    <script type="module" src="/www/indicator-chart.js"></script></head><body><main>
    ${specs.map((s, i) => `<indicator-chart id="m${i}"><script type="application/json">${JSON.stringify(s)}</script></indicator-chart>`).join('\n')}
    </main></body></html>`;
  await page.route('**/www/' + name, (r) => r.fulfill({ contentType: 'text/html; charset=utf-8', body: html }));
}

const DIFFERENCES = {
  type: 'map', title: '全国との差（例示）', unit: 'ポイント', layout: 'tiles',
  regions: ['全国', '北海道', '東京都', '大阪府', '沖縄県'], values: [0, -3.2, 5.3, 1.1, -8.2],
};

test('a page of tile maps loads the map build only (no shapes, no chart wasm); negative values sort as numbers', async ({ page, log }) => {
  await mapPage(page, 'tiles-only.html', [DIFFERENCES]);
  await open(page, 'tiles-only.html');
  await waitAllRendered(page);
  const count = (part) => log.requests.filter((u) => u.includes(part)).length;
  expect(count('/pkg/map/indicator_chart_bg.wasm'), 'the map build').toBe(1);
  expect(count('prefectures.json'), 'no shapes for tiles').toBe(0);
  expect(count('/pkg/indicator_chart_bg.wasm'), 'no chart wasm for a page of maps').toBe(0);
  const host = page.locator('#m0');
  await host.locator('summary').click();
  await host.getByRole('button', { name: /^値/ }).click();
  // 「−8.2」 is written with U+2212: sorted by Rust's numbers, not by reparsing the text.
  const names = await host.locator('tbody tr th').allTextContents();
  expect(names.slice(0, 4)).toEqual(['東京都', '大阪府', '北海道', '沖縄県']);
  await host.getByRole('button', { name: /^値/ }).click();
  expect((await host.locator('tbody tr th').allTextContents()).slice(0, 4)).toEqual(['沖縄県', '北海道', '大阪府', '東京都']);
});

test('a geo map whose shapes cannot be fetched says so, naming the file', async ({ page }) => {
  await page.route('**/maps/prefectures.json', (r) => r.fulfill({ status: 503, body: 'busy' }));
  await mapPage(page, 'geo-broken.html', [{ ...DIFFERENCES, layout: 'geo' }]);
  await open(page, 'geo-broken.html');
  await expect(page.locator('#m0 [role="alert"], #m0 .error')).toContainText(/地図の形（都道府県の境界）を読み込めませんでした: .*prefectures\.json: HTTP 503/);
});

for (const [width, dpr] of [[320, 1], [320, 2], [1280, 1], [1280, 2]]) {
  test.describe(`${width} px, DPR ${dpr}`, () => {
    test.use({ viewport: { width, height: 900 }, deviceScaleFactor: dpr });
    test(`the geo and tile maps at ${width} px, DPR ${dpr}, as in their baselines`, async ({ page }) => {
      await open(page, 'gallery.html');
      await waitAllRendered(page);
      await settle(page);
      for (const id of [GEO, TILES, 'g-57-map-tiles-missing']) {
        const canvas = page.locator(`#${id} canvas`);
        await canvas.scrollIntoViewIfNeeded();
        await expect(canvas).toHaveScreenshot(['maps', `${id}-${width}-dpr${dpr}.png`]);
      }
    });
  });
}

test('live.html: a map reads its 47 prefectures and figures from a CSV file (names in one column, values in another)', async ({ page, log }) => {
  await open(page, 'live.html');
  await waitAllRendered(page);
  const host = page.locator('#live-map');
  await host.locator('summary').click();
  await expect(host.locator('tbody tr')).toHaveCount(47);
  await expect(host.locator('tbody tr').nth(12)).toContainText('84.3');
  await expect(host.locator('.footer, [part="footer"]')).toContainText('デモ用の例示');
  expect(log.requests.filter((u) => u.includes('/www/data/prefectures.csv')).length, 'the CSV, fetched once').toBe(1);
});
