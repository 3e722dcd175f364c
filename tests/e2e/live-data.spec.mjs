// Live data (issue 12): charts whose figures come from a CSV or e-Stat file, refreshed, and
// never lost. A fault server (fault-server.mjs) that each test starts and stops itself plays
// every fault during a refresh; the reader must keep the chart, the table and the focus, see a
// notice with the reason and the time of the figures shown, and get the new figures when the
// server comes back. The demo's live.html is checked against the ordinary test server.
import { test, expect, open, waitAllRendered, expectCleanLog, expectNoUnhandled } from './harness.mjs';
import { startFaultServer } from './fault-server.mjs';
import { readFileSync } from 'node:fs';

const CSV = readFileSync(new URL('../fixtures/data/mynumber.csv', import.meta.url), 'utf8');
const ESTAT = readFileSync(new URL('../fixtures/data/estat-areas.json', import.meta.url), 'utf8');
const ESTAT_ERROR = readFileSync(new URL('../fixtures/data/estat-error.json', import.meta.url), 'utf8');
const SJIS = readFileSync(new URL('../fixtures/data/mynumber-sjis.csv', import.meta.url));

const LINE = {
  type: 'line', title: 'マイナンバーカードの保有率', unit: '%',
  data: { url: '/live/data.csv', skipRows: 1 }, series: [{ column: '保有率' }], asOf: 'auto',
};

let faults;
test.beforeEach(async ({ baseURL }) => {
  faults = await startFaultServer({ other: baseURL });
  faults.set('/live/data.csv', { body: CSV });
});
test.afterEach(async () => { await faults.close(); });

/** Opens the fixture page on the fault server and renders `spec` into #a; resolves with render()'s error message, or null. */
async function renderLive(page, spec, options = { fetchTimeout: 1500, retryDelay: 60000 }) {
  await page.goto(faults.url + '/tests/e2e/live-fixture.html');
  return page.evaluate(async ([s, o]) => {
    const m = await import('/www/indicator-chart.js');
    m.configure(o);
    try {
      window.__chart = await m.render(document.getElementById('a'), s);
      return null;
    } catch (e) {
      return e.message;
    }
  }, [spec, options]);
}

const tableRows = (page) => page.evaluate(() => window.__chart.table().rows.map((r) => r.join(' ')));
const description = (page) => page.evaluate(() => window.__chart.pageText.description);
const refresh = (page) => page.evaluate(async () => { const e = await window.__chart.refresh(); return e ? { message: e.message, stale: !!e.stale } : null; });
const notice = (page) => page.evaluate(() => { const n = document.getElementById('a').shadowRoot.querySelector('.stale'); return n ? n.textContent : null; });
const focusedInChart = (page) => page.evaluate(() => document.getElementById('a').shadowRoot.activeElement?.localName || null);

test('first load from CSV and from e-Stat JSON; a refresh with new figures changes table and summary, keeps focus and says so once', async ({ page, log }) => {
  expect(await renderLive(page, { ...LINE, refresh: 60 })).toBe(null);
  expect(await tableRows(page)).toEqual(['2021年11月 39.0', '2022年7月 45.8', '2024年8月 75.0', '2025年7月 79.0']);
  const before = await description(page);
  expect(before).toContain('79.0%');
  // The spec's refresh (60 s) is the next fetch.
  const status = await page.evaluate(() => window.__chart.dataStatus);
  expect(status.nextAt - status.fetchedAt).toBe(60000);

  // Keyboard on the chart: focus the canvas and step to a point.
  await page.evaluate(() => document.getElementById('a').shadowRoot.querySelector('canvas').focus());
  await page.keyboard.press('ArrowRight');
  faults.set('/live/data.csv', { body: CSV.replace('2025-07,79.0', '2025-07,81.2') });
  expect(await refresh(page)).toBe(null);
  expect(await tableRows(page)).toEqual(['2021年11月 39.0', '2022年7月 45.8', '2024年8月 75.0', '2025年7月 81.2']);
  const after = await description(page);
  expect(after, 'the summary follows the new figures').toContain('81.2%');
  expect(after).not.toEqual(before);
  expect(await focusedInChart(page), 'focus stays on the chart').toBe('canvas');
  // The keyboard's ring is back on the point it was on (the second one), after the new paint.
  await expect.poll(() => page.evaluate(() => {
    const root = document.getElementById('a').shadowRoot;
    return !root.querySelector('.ring').hidden && window.__chart.points().length === 4;
  }), { message: 'the ring shows again after the refresh' }).toBe(true);
  await page.keyboard.press('ArrowRight');
  await expect(page.locator('#a .plot [role="status"]'), 'the keyboard goes on from the same point').toHaveText('2024年8月、75.0%');
  const announcer = page.locator('#a .vh[role="status"]').last();
  await expect(announcer).toHaveText(/^データを更新しました（\d\d:\d\d 取得）。$/);

  // e-Stat, in the same page.
  faults.set('/live/estat.json', { body: ESTAT, type: 'application/json; charset=utf-8' });
  const e = await page.evaluate(async () => {
    const m = await import('/www/indicator-chart.js');
    const c = await m.render(document.getElementById('b'), { type: 'line', title: '保有率', data: { url: '/live/estat.json', format: 'estat', filter: { area: '00000' } } });
    return { rows: c.table().rows.map((r) => r.join(' ')), notes: c.pageText.notes };
  });
  expect(e.rows).toEqual(['2021年11月 39.0', '2022年7月 45.8', '2024年8月 75.0', '2025年7月 79.0']);
  expect(e.notes.some((n) => n.includes('e-Stat'))).toBe(true);
  expectCleanLog(log, 'live');
  await expectNoUnhandled(page, 'live');
});

test('a 304 after a failed refresh: the figures are current again and the notice goes', async ({ page }) => {
  expect(await renderLive(page, LINE)).toBe(null);
  faults.set('/live/data.csv', { fault: 'status', status: 500 });
  expect((await refresh(page)).stale).toBe(true);
  expect(await notice(page)).toContain('HTTP 500');
  faults.set('/live/data.csv', {}); // the same file (its ETag) again
  expect(await refresh(page)).toBe(null);
  expect(faults.hits('/live/data.csv').pop().status).toBe(304);
  expect(await notice(page)).toBe(null);
  expect(await page.evaluate(() => window.__chart.dataStatus.failures)).toBe(0);
});

test('a charset the server names wrongly does not garble the labels', async ({ page }) => {
  // UTF-8 sent as ISO-8859-1 (a server's default), Shift_JIS sent as UTF-8.
  faults.set('/live/latin.csv', { body: CSV, type: 'text/csv; charset=iso-8859-1' });
  faults.set('/live/sjis.csv', { body: SJIS, type: 'text/csv; charset=utf-8' });
  expect(await renderLive(page, { ...LINE, data: { url: '/live/latin.csv', skipRows: 1 } })).toBe(null);
  expect(await page.evaluate(() => window.__chart.pageText.notes[0])).toBe('※2022年7月の保有枚数は、この表の出典に公表値がない。');
  expect(await renderLive(page, { type: 'line', title: '保有率', unit: '%', data: { url: '/live/sjis.csv' } })).toBe(null);
  expect((await tableRows(page))[0]).toBe('令和3（2021）年11月 39.0');
});

test('an unchanged file costs a 304 and no redraw', async ({ page }) => {
  expect(await renderLive(page, LINE)).toBe(null);
  const rendered = await page.evaluate(() => __ic.rendered.length);
  expect(await refresh(page)).toBe(null);
  const hits = faults.hits('/live/data.csv');
  expect(hits.length).toBe(2);
  expect(hits[1].ifNoneMatch, 'the refresh sends the ETag back').toBe(hits[0].ifNoneMatch === null ? '"v1"' : hits[0].ifNoneMatch);
  expect(hits[1].status).toBe(304);
  expect(await page.evaluate(() => __ic.rendered.length), 'nothing redrawn').toBe(rendered);
});

const FAULTS = [
  ['HTTP 500', { fault: 'status', status: 500 }, /（HTTP 500）/],
  ['HTTP 404', { fault: 'status', status: 404 }, /（HTTP 404）/],
  ['a timeout', { fault: 'hang' }, /（2 秒以内に応答がありません）/],
  ['a truncated body', { fault: 'truncated', body: CSV }, /（データが途中で切れています）/],
  ['an HTML page instead of data', { fault: 'html' }, /（データを読み取れません）.*"text\/html; charset=utf-8" が返されました/s],
  ['invalid CSV', { body: '年,値\n2024,"1\n' }, /（データを読み取れません）.*2 行目: 引用符/s],
  ['a CORS refusal', { fault: 'cors' }, /（接続できないか、読み込みが許可されていません（CORS））/],
  ['a file beyond the limit', { fault: 'huge' }, /（ファイルが 64 MB を超えています）/],
];

for (const [name, answer, reason] of FAULTS) {
  test(`a refresh that meets ${name} keeps the chart, table and focus, and says why`, async ({ page }) => {
    expect(await renderLive(page, LINE, { fetchTimeout: 2000, retryDelay: 60000 })).toBe(null);
    const rows = await tableRows(page);
    await page.evaluate(() => document.getElementById('a').shadowRoot.querySelector('canvas').focus());
    const events = [];
    await page.exposeFunction('__onError', (d) => events.push(d));
    await page.evaluate(() => document.getElementById('a').addEventListener('indicator-chart:error', (e) => window.__onError(e.detail)));
    faults.set('/live/data.csv', answer);
    const err = await refresh(page);
    expect(err && err.stale, 'refresh() resolves to a stale error').toBe(true);
    expect(await tableRows(page), 'the figures shown stay').toEqual(rows);
    expect(await page.evaluate(() => !!document.getElementById('a').shadowRoot.querySelector('canvas')), 'the chart stays').toBe(true);
    const text = await notice(page);
    expect(text).toMatch(/^最新のデータを取得できませんでした/);
    expect(text).toMatch(reason);
    expect(text).toMatch(/\d\d:\d\d に取得したデータを表示しています。/);
    expect(await focusedInChart(page), 'focus stays').toBe('canvas');
    await expect.poll(() => events.length).toBe(1);
    expect(events[0].stale).toBe(true);
    const status = await page.evaluate(() => window.__chart.dataStatus);
    expect(status.failures).toBe(1);
    expect(status.nextAt, 'a retry is scheduled').toBeGreaterThan(Date.now() - 5000);
  });
}

test('an e-Stat error status during a refresh prints ERROR_MSG and keeps the figures', async ({ page }) => {
  faults.set('/live/estat.json', { body: ESTAT, type: 'application/json' });
  expect(await renderLive(page, { type: 'line', title: '保有率', data: { url: '/live/estat.json', series: 'area' } })).toBe(null);
  const rows = await tableRows(page);
  faults.set('/live/estat.json', { body: ESTAT_ERROR, type: 'application/json' });
  expect((await refresh(page)).stale).toBe(true);
  expect(await notice(page)).toContain('STATUS 100: 認証に失敗しました。アプリケーションIDを確認して下さい。');
  expect(await tableRows(page)).toEqual(rows);
});

test('retries back off, wait while the tab is hidden, and recover when the server comes back', async ({ page }) => {
  expect(await renderLive(page, LINE, { fetchTimeout: 1500, retryDelay: 300 })).toBe(null);
  faults.set('/live/data.csv', { fault: 'status', status: 503 });
  await refresh(page);
  // Backoff: 300, 600, 1200 ms …
  await expect.poll(() => page.evaluate(() => window.__chart.dataStatus.failures), { timeout: 5000 }).toBeGreaterThanOrEqual(3);
  const hits = faults.hits('/live/data.csv').slice(1).map((h) => h.at);
  expect(hits[2] - hits[1], 'the second retry waits about twice the first').toBeGreaterThan((hits[1] - hits[0]) * 1.5);

  // Hidden: a due retry waits for the tab to be visible again.
  await page.evaluate(() => {
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
  });
  const hidden = faults.hits('/live/data.csv').length;
  await page.waitForTimeout(2600); // longer than the next retry delay (≤ 2.4 s)
  expect(faults.hits('/live/data.csv').length, 'no fetch while hidden').toBeLessThanOrEqual(hidden + 1);
  const whileHidden = faults.hits('/live/data.csv').length;
  await page.waitForTimeout(2600);
  expect(faults.hits('/live/data.csv').length, 'still none').toBe(whileHidden);

  faults.set('/live/data.csv', { body: CSV.replace('2025-07,79.0', '2025-07,82.0') });
  await page.evaluate(() => {
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'visible' });
    document.dispatchEvent(new Event('visibilitychange'));
  });
  await expect.poll(() => tableRows(page)).toContain('2025年7月 82.0');
  expect(await notice(page), 'the notice goes when fresh figures arrive').toBe(null);
  expect(await page.evaluate(() => window.__chart.dataStatus.failures)).toBe(0);
});

test('a first load that fails shows the path-named error; bad data and refresh are refused before any fetch', async ({ page }) => {
  faults.set('/live/data.csv', { fault: 'status', status: 500 });
  const msg = await renderLive(page, LINE);
  expect(msg, "the file as the spec names it, and the reason").toBe("/live/data.csv: HTTP 500");
  await expect(page.locator('#a [role="alert"]')).toContainText('HTTP 500');

  const refused = await page.evaluate(async () => {
    const m = await import('/www/indicator-chart.js');
    const out = [];
    for (const spec of [
      { type: 'line', title: 't', data: { url: 'javascript:alert(1)' } },
      { type: 'line', title: 't', data: { url: '/live/data.csv', fromat: 'csv' } },
      { type: 'line', title: 't', data: { url: '/live/data.csv' }, refresh: 5 },
    ]) {
      try { await m.render(document.getElementById('b'), spec); out.push('rendered'); } catch (e) { out.push(`${e.path} | ${e.message}`); }
    }
    return out;
  });
  expect(refused).toEqual([
    'data.url | data.url: 相対 URL か http(s):// の URL が必要です（"javascript:alert(1)"）',
    expect.stringMatching(/^data\.fromat \| data\.fromat: 未知の項目です。「format」の誤りではありませんか。/),
    'refresh | refresh: 60 から 86400 までの整数が必要です（5）',
  ]);
  expect(faults.hits('/live/data.csv').length, 'only the first spec\'s fetch').toBe(1);
  // An English chart speaks English about its file too (the language is Rust's answer).
  const english = await page.evaluate(async () => {
    const m = await import('/www/indicator-chart.js');
    try { await m.render(document.getElementById('b'), { type: 'line', title: 't', locale: 'en', data: { url: '/live/missing.csv' } }); } catch (_) { /* shown */ }
    return document.getElementById('b').shadowRoot.querySelector('[role="alert"]').textContent;
  });
  expect(english).toBe('The chart cannot be shown/live/missing.csv: HTTP 404');
});

test('a Shift_JIS CSV is decoded and read like the UTF-8 one', async ({ page }) => {
  faults.set('/live/sjis.csv', { body: SJIS, type: 'text/csv' });
  expect(await renderLive(page, { type: 'line', title: '保有率', unit: '%', data: { url: '/live/sjis.csv' } })).toBe(null);
  expect(await tableRows(page)).toEqual(['令和3（2021）年11月 39.0', '令和4（2022）年7月 45.8', '令和6（2024）年8月 75.0', '令和7（2025）年7月 79.0']);
});

test('live.html: both charts load their files; the page works without errors', async ({ page, log }) => {
  await open(page, 'live.html');
  await waitAllRendered(page);
  const rows = await page.evaluate(async () => {
    const m = await import('/www/indicator-chart.js');
    return ['live-csv', 'live-estat'].map((id) => m.chartOf(document.getElementById(id)).table().rows.length);
  });
  expect(rows).toEqual([4, 4]);
  await expect(page.locator('#refresh-now')).toBeEnabled();
  await page.click('#refresh-now');
  await expect(page.locator('#live-status')).toContainText('に取得');
  expectCleanLog(log, 'live.html');
});

test('the refresh attribute sets the interval (data-refresh on a div), checked by Rust like the spec\'s', async ({ page }) => {
  faults.set('/live/spec.json', { body: JSON.stringify({ ...LINE, data: { url: 'data.csv', skipRows: 1 } }), type: 'application/json' });
  await page.goto(faults.url + '/tests/e2e/live-fixture.html');
  const interval = await page.evaluate(async () => {
    const d = document.createElement('div');
    d.setAttribute('data-indicator-chart', '');
    d.setAttribute('data-src', '/live/spec.json');
    d.setAttribute('data-refresh', '120');
    document.querySelector('main').append(d);
    const m = await import('/www/indicator-chart.js');
    await new Promise((ok) => d.addEventListener('indicator-chart:rendered', ok, { once: true }));
    const s = m.chartOf(d).dataStatus;
    return { seconds: (s.nextAt - s.fetchedAt) / 1000, url: s.url };
  });
  // The data file is found beside the spec that names it.
  expect(interval).toEqual({ seconds: 120, url: `${faults.url}/live/data.csv` });
  const refused = await page.evaluate(async () => {
    const d = document.createElement('indicator-chart');
    d.setAttribute('refresh', '10');
    d.setAttribute('src', '/live/spec.json');
    document.querySelector('main').append(d);
    await new Promise((ok) => d.addEventListener('indicator-chart:error', ok, { once: true }));
    return d.shadowRoot.querySelector('[role="alert"]').textContent;
  });
  expect(refused).toContain('refresh: 60 から 86400 までの整数が必要です（10）');
});
