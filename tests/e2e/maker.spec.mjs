// The chart maker (www/maker.html): a table pasted as Excel copies it (tab-separated, a title
// row, units in the headers) becomes a chart, its spec is copied and renders on its own; a
// Shift_JIS file is read; messages sit next to their field; the draft survives a reload; the
// page is keyboard-only usable, axe clean and works under its strict CSP, in Japanese and English.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect, open, expectCleanLog, AXE, AXE_TAGS, REPO_ROOT } from './harness.mjs';

/** The マイナンバーカード figures of the seed report, as Excel copies a table (tabs, CRLF). */
const PASTED = ['マイナンバーカードの保有状況（全国）', '年月\t保有率（%）\t保有枚数（万枚）', '2021年11月\t39.0\t5,007',
  '2024年8月\t75.0\t9,308', '2025年7月\t79.0\t9,852', '※ 2024年8月はデジタル庁「デジタル庁設立3年。」による。', ''].join('\r\n');

async function openMaker(page) {
  await open(page, 'maker.html');
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await expect(page.locator('h1')).toHaveText('グラフを作る');
}

/** The preview's summary once the chart shows `text` in it. */
async function summarySays(page, text) {
  await expect(page.locator('#summary')).toContainText(text);
}

test('maker: paste a TSV → a chart → copy the spec → the spec renders by itself', async ({ page, context, log }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await openMaker(page);
  await page.locator('#table').fill(PASTED);
  await expect(page.locator('#table-status')).toHaveText('3 行 × 3 列を読みました（見出しは 2 行目）。');
  // Defaults from the data: the title row, the date column, the first unit's columns, a line.
  await expect(page.locator('#title')).toHaveValue('マイナンバーカードの保有状況（全国）');
  await expect(page.locator('#categories')).toHaveValue('年月');
  await expect(page.locator('#kind-line')).toBeChecked();
  await summarySays(page, '2021年11月の39.0%から2025年7月の79.0%');
  // The table's note row is in the notes field, where it can be edited.
  await expect(page.locator('#notes')).toHaveValue('2024年8月はデジタル庁「デジタル庁設立3年。」による。');
  // The other column, on its own: the header's unit 万枚 becomes the chart's.
  await page.locator('#series-list input[value="保有率（%）"]').uncheck();
  await page.locator('#series-list input[value="保有枚数（万枚）"]').check();
  await page.locator('#kind-column').check();
  await page.locator('#sourceLabel').fill('デジタル庁「活動報告及び今後の取組」');
  await page.locator('#sourceUrl').fill('https://www.digital.go.jp/');
  await summarySays(page, '9,852万枚');
  const spec = JSON.parse(await page.locator('#spec-out').inputValue());
  expect(spec).toMatchObject({ type: 'column', unit: '万枚', asOf: 'auto', categories: ['2021年11月', '2024年8月', '2025年7月'],
    series: [{ name: '保有枚数', values: [5007, 9308, 9852] }], source: { label: 'デジタル庁「活動報告及び今後の取組」', url: 'https://www.digital.go.jp/' } });
  expect(spec.data).toBeUndefined();
  expect(spec.notes).toEqual(['2024年8月はデジタル庁「デジタル庁設立3年。」による。']);
  await page.locator('button[data-copy="spec-out"]').click();
  await expect(page.locator('#status')).toHaveText('コピーしました');
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(JSON.parse(copied)).toEqual(spec);
  // The copied spec in a page of its own, inline in <indicator-chart>.
  const snippet = await page.locator('#snippet-element').inputValue();
  await context.route('**/www/__made.html', (r) => r.fulfill({ contentType: 'text/html; charset=utf-8',
    body: `<!doctype html><html lang="ja"><meta charset="utf-8"><body>${snippet.replace(/src="[^"]*indicator-chart\.js"/, 'src="indicator-chart.js"')}</body></html>` }));
  const other = await context.newPage();
  await other.goto('/www/__made.html');
  await expect.poll(() => other.evaluate(() => __ic.rendered.length)).toBeGreaterThan(0);
  const page2 = await other.evaluate(() => document.querySelector('indicator-chart').shadowRoot.textContent);
  expect(page2).toContain('マイナンバーカードの保有状況（全国）');
  expect(page2).toContain('出典：デジタル庁「活動報告及び今後の取組」');
  // The iframe form: the downloaded spec published where the maker assumed (charts/chart.json
  // beside www/), the snippet pasted in a host page whose CSP drops style attributes; the
  // embed page draws the chart and embed-host.js sizes the iframe (width and height).
  await context.route('**/www/charts/chart.json', (r) => r.fulfill({ contentType: 'application/json', body: copied }));
  const iframe = await page.locator('#snippet-iframe').inputValue();
  await context.route('**/www/__host.html', (r) => r.fulfill({ contentType: 'text/html; charset=utf-8',
    body: `<!doctype html><html lang="ja"><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src 'self'; style-src 'self'"><body>${iframe}</body></html>` }));
  const host = await context.newPage();
  await host.goto('/www/__host.html');
  const frame = host.frameLocator('iframe');
  await expect(frame.locator('indicator-chart')).toBeAttached();
  await expect.poll(() => host.evaluate(() => document.querySelector('iframe').style.height)).toMatch(/^\d+px$/);
  const box = await host.locator('iframe').boundingBox();
  expect(box.width, 'the iframe fills the page width').toBeGreaterThan(1200);
  expect(await host.frames()[1].evaluate(() => document.querySelector('indicator-chart').shadowRoot.textContent)).toContain('マイナンバーカードの保有状況（全国）');
  expectCleanLog(log, 'maker.html');
});

test('maker: messages sit next to their field, named by the chart; the last good spec is not offered', async ({ page, log }) => {
  await openMaker(page);
  await page.locator('#table').fill(PASTED);
  await summarySays(page, '79.0%');
  await page.locator('#title').fill('');
  await expect(page.locator('#msg-title')).toBeVisible();
  await expect(page.locator('#msg-title')).toContainText('title');
  await expect(page.locator('#title')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('#spec-out')).toHaveValue('');
  await expect(page.locator('button[data-copy="spec-out"]')).toBeDisabled();
  await page.locator('#title').fill('保有率');
  await expect(page.locator('#msg-title')).toBeHidden();
  await expect(page.locator('#title')).not.toHaveAttribute('aria-invalid', 'true');
  await page.locator('#sourceUrl').fill('javascript:alert(1)');
  await expect(page.locator('#msg-sourceUrl')).toContainText('source.url');
  await page.locator('#sourceUrl').fill('');
  // A cell the parser cannot read names its line and column next to the table.
  await page.locator('#table').fill(PASTED.replace('9,852', '9,852枚'));
  await expect(page.locator('#msg-table')).toContainText('5 行目');
  await expect(page.locator('#msg-table')).toContainText('「保有枚数（万枚）」列');
  await expect(page.locator('#table')).toHaveAttribute('aria-invalid', 'true');
  // A hostile label is text.
  await page.locator('#table').fill(PASTED);
  await page.locator('#title').fill('<img src=x onerror=alert(1)>');
  await summarySays(page, '79.0%');
  expect(await page.evaluate(() => document.querySelector('#chart').shadowRoot.querySelector('img'))).toBeNull();
  expectCleanLog(log, 'maker.html');
});

test('maker: a Shift_JIS file is read, the draft survives a reload and can be cleared', async ({ page, log }) => {
  await openMaker(page);
  const bytes = readFileSync(join(REPO_ROOT, 'tests/fixtures/data/mynumber-sjis.csv'));
  await page.locator('#file').setInputFiles({ name: 'mynumber-sjis.csv', mimeType: 'text/csv', buffer: bytes });
  await expect(page.locator('#table-status')).toContainText('Shift_JIS');
  await expect(page.locator('#table')).toHaveValue(/令和3年11月/);
  await page.locator('#title').fill('保有率（Shift_JIS）');
  await summarySays(page, '令和3（2021）年11月の39.0');
  await page.reload();
  await expect(page.locator('#title')).toHaveValue('保有率（Shift_JIS）');
  await summarySays(page, '令和3（2021）年11月の39.0');
  await page.locator('#clear').click();
  await expect(page.locator('#status')).toHaveText('下書きを消しました');
  await expect(page.locator('#table')).toHaveValue('');
  await page.reload();
  await expect(page.locator('#title')).toHaveValue('');
  expectCleanLog(log, 'maker.html');
});

test('maker: keyboard only, from the table to a column chart and its PNG', async ({ page, log }) => {
  await openMaker(page);
  const active = () => page.evaluate(() => ({ id: document.activeElement.id, name: document.activeElement.name || '', copy: document.activeElement.dataset.copy || '' }));
  const tabTo = async (want) => {
    for (let i = 0; i < 60; i++) {
      if (want(await active())) return;
      await page.keyboard.press('Tab');
    }
    throw new Error('Tab did not reach it: ' + JSON.stringify(await active()));
  };
  // Tab from the top: the skip link, the language buttons, the nav, then the table.
  await tabTo((a) => a.id === 'table');
  await page.keyboard.insertText(PASTED);
  await summarySays(page, '79.0%');
  // On to the types: arrows move between them.
  await tabTo((a) => a.name === 'kind');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(page.locator('#kind-column')).toBeChecked();
  await expect(page.locator('#kind-column')).toBeFocused();
  await expect(page.locator('#spec-out')).toHaveValue(/"type": "column"/);
  // The series: Space unchecks the only one (the page says a series is needed, and focus
  // stays on the checkbox through the redraw), Tab and Space check the other.
  await tabTo((a) => a.id.startsWith('series-'));
  await page.keyboard.press('Space');
  await expect(page.locator('#msg-columns')).toHaveText('値の列を1つ以上選んでください。');
  await expect(page.locator('#status')).toHaveText('値の列を1つ以上選んでください。');
  await expect(page.locator('#series-list input[value="保有率（%）"]')).toBeFocused();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Space');
  await summarySays(page, '9,852万枚');
  await expect(page.locator('#series-list input[value="保有枚数（万枚）"]')).toBeFocused();
  await expect(page.locator('#status')).toHaveText('プレビューを更新しました。');
  await tabTo((a) => a.id === 'download-png');
  const saved = page.waitForEvent('download');
  await page.keyboard.press('Enter');
  expect((await saved).suggestedFilename()).toMatch(/^マイナンバーカードの保有状況（全国）.*\.png$/);
  expectCleanLog(log, 'maker.html');
});

test('maker: a field the form lacks gets its message by the preview; clearing mid-update leaves nothing behind', async ({ page, log }) => {
  await openMaker(page);
  await page.locator('.spec-in summary').click();
  await page.locator('#spec-in').fill(JSON.stringify({ type: 'line', title: 'T', updated: '2025-09-05', categories: ['2024', '2025'],
    series: [{ name: 'A', values: [1, 2], color: '#D16D00' }], annotations: [{ type: 'line', value: 'x' }] }));
  await page.locator('#spec-load').click();
  await expect(page.locator('#msg-general')).toContainText('annotations[0].value');
  await expect(page.locator('button[data-copy="spec-out"]')).toBeDisabled();
  // The same spec without the bad annotation: 更新日 and the series colour come back.
  await page.locator('#spec-in').fill(JSON.stringify({ type: 'line', title: 'T', updated: '2025-09-05', categories: ['2024', '2025'],
    series: [{ name: 'A', values: [1, 2], color: '#D16D00' }] }));
  await page.locator('#spec-load').click();
  await expect(page.locator('#updated')).toHaveValue('2025-09-05');
  await expect(page.locator('#spec-out')).not.toHaveValue('');
  const spec = JSON.parse(await page.locator('#spec-out').inputValue());
  expect(spec.updated).toBe('2025-09-05');
  expect(spec.series[0]).toMatchObject({ name: 'A', color: '#D16D00', values: [1, 2] });
  // Clear while an update is on its way: nothing comes back.
  await page.locator('#table').fill(PASTED);
  await page.locator('#clear').click();
  await page.waitForTimeout(800);
  await expect(page.locator('#spec-out')).toHaveValue('');
  await expect(page.locator('#table')).toHaveValue('');
  await page.locator('#table').fill(PASTED);
  await summarySays(page, '79.0%');
  expectCleanLog(log, 'maker.html');
});

test('maker: the note rows of another table replace those of the last, never notes typed', async ({ page, log }) => {
  await openMaker(page);
  await page.locator('#table').fill(PASTED);
  await expect(page.locator('#notes')).toHaveValue(/デジタル庁設立3年/);
  await page.locator('#table').fill('職員の構成\n区分\t人数（人）\n国家公務員\t650\n民間出身\t550\n');
  await expect(page.locator('#table-status')).toContainText('2 行 × 2 列');
  await expect(page.locator('#notes')).toHaveValue('');
  await page.locator('#notes').fill('編集者の注');
  await page.locator('#table').fill(PASTED);
  await summarySays(page, '79.0%');
  await expect(page.locator('#notes')).toHaveValue('編集者の注');
  expectCleanLog(log, 'maker.html');
});

test('maker: another table replaces the suggested title; a prefecture table maps its figures, not its codes', async ({ page, log }) => {
  await openMaker(page);
  await page.locator('#table').fill(PASTED);
  await expect(page.locator('#title')).toHaveValue('マイナンバーカードの保有状況（全国）');
  await page.locator('#table').fill(readFileSync(join(REPO_ROOT, 'www/data/prefectures.csv'), 'utf8'));
  await expect(page.locator('#title')).toHaveValue('マイナンバーカードの保有率（都道府県別、デモ用の例示の値）');
  await expect(page.locator('#categories')).toHaveValue('都道府県');
  await page.locator('#kind-map').check();
  await expect(page.locator('#value')).toHaveValue('保有率');
  await expect(page.locator('#value option[value="団体コード"]')).toHaveText('団体コード（コード）');
  await summarySays(page, '最も高いのが東京都');
  const spec = JSON.parse(await page.locator('#spec-out').inputValue());
  expect(spec.type).toBe('map');
  expect(spec.regions).toHaveLength(47);
  expect(spec.values[12]).toBe(84.3);
  // A title the editor typed stays when the table changes.
  await page.locator('#title').fill('都道府県別の保有率');
  await page.locator('#table').fill(PASTED);
  await expect(page.locator('#table-status')).toContainText('3 行 × 3 列');
  await expect(page.locator('#title')).toHaveValue('都道府県別の保有率');
  expectCleanLog(log, 'maker.html');
});

test('maker: a pasted spec is edited in the form and keeps the fields the form does not show', async ({ page, log }) => {
  await openMaker(page);
  const spec = JSON.parse(readFileSync(join(REPO_ROOT, 'www/charts/gallery/51-annotation-line.json'), 'utf8'));
  await page.locator('.spec-in summary').click();
  await page.locator('#spec-in').fill(JSON.stringify(spec));
  await page.locator('#spec-load').click();
  await expect(page.locator('#title')).toHaveValue(spec.title);
  const out = JSON.parse(await expect.poll(() => page.locator('#spec-out').inputValue()).not.toBe('').then(() => page.locator('#spec-out').inputValue()));
  expect(out.annotations).toEqual(spec.annotations);
  expect(out.categories).toEqual(spec.categories);
  await page.locator('#spec-in').fill('{ "type": ');
  await page.locator('#spec-load').click();
  await expect(page.locator('#msg-spec')).toContainText('仕様（JSON）として読めません');
  expectCleanLog(log, 'maker.html');
});

test('maker: axe clean in Japanese and English, light and dark, no CSP violation', async ({ page, log }) => {
  await page.route('**/__axe.min.js', (r) => r.fulfill({ path: AXE, contentType: 'text/javascript; charset=utf-8' }));
  await openMaker(page);
  await page.locator('#table').fill(PASTED);
  await summarySays(page, '79.0%');
  await page.locator('#title').fill(''); // a message showing is audited too
  await expect(page.locator('#msg-title')).toBeVisible();
  await page.addScriptTag({ url: '/__axe.min.js' });
  const audit = () => page.evaluate(async (tags) => {
    const r = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return r.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 4).map((x) => JSON.stringify(x.target)).join(', ')}`);
  }, AXE_TAGS);
  expect(await audit(), 'ja, an error shown').toEqual([]);
  await page.locator('#title').fill('保有率');
  await page.locator('.lang-button[data-lang="en"]').click();
  await expect(page.locator('h1')).toHaveText('Make a chart');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.locator('input[name="scheme"][value="dark"]').check();
  await page.locator('input[name="width"][value="320"]').check();
  await expect.poll(() => page.evaluate(() => document.querySelector('#chart').shadowRoot.querySelector('.dark') !== null)).toBe(true);
  expect(await audit(), 'en, dark, 320 px').toEqual([]);
  expect(await page.evaluate(() => __ic.csp)).toEqual([]);
  expectCleanLog(log, 'maker.html');
});
