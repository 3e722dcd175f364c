// www/errors.html (what bad input looks like) and render() with invalid and huge specs.
import {
  test, expect, open, waitRenderedCount, inspectCharts, checkCanvases, expectCleanLog, expectNoUnhandled,
} from './harness.mjs';

/** Each case on errors.html and what its role=alert must say. */
const CASES = {
  'err-json': ['JSON として読み込めません'],
  'err-type': ['type', '"radar"'],
  'err-length': ['series[0].values', 'categories'],
  'err-value': ['series[0].values[1]', '"45.8%"'],
  'err-field': ['titel'],
  'err-url': ['source.url'],
  'err-404': ['charts/missing.json を読み込めませんでした（HTTP 404）'],
  'err-en': ['Could not load charts/missing-en.json (HTTP 404)'],
  'err-nospec': ['グラフの仕様がありません'],
  'err-dup': ['グラフを表示できません', 'title: 同じ項目が2回以上書かれています'],
  // One language: the page's, for the header and Rust's message alike.
  'err-en-spec': ['The chart cannot be shown', 'series[0].values[1]: expected a number or null (found "45.8%")'],
  'err-dup': ['グラフを表示できません', 'title: 同じ項目が2回以上書かれています'],
  // One language: the page's, for the header and Rust's message alike.
  'err-en-spec': ['The chart cannot be shown', 'series[0].values[1]: expected a number or null (found "45.8%")'],
};

test('errors.html: every bad input shows its message in role=alert, and the hostile title is text', async ({ page, log }) => {
  await open(page, 'errors.html');
  await waitRenderedCount(page, 'hostile', 1);
  for (const [id, needles] of Object.entries(CASES)) {
    const alert = page.locator(`#${id} [role="alert"]`).first();
    for (const s of needles) await expect(alert, `${id}: role=alert`).toContainText(s);
  }
  const got = await page.evaluate((ids) => Object.fromEntries(ids.map((id) => {
    const box = document.getElementById(id).shadowRoot.querySelector('[role="alert"]');
    const style = getComputedStyle(box);
    return [id, {
      events: __ic.errors.filter((e) => e.id === id).length,
      height: box.getBoundingClientRect().height,
      color: style.color, border: style.borderTopColor, fontSize: parseFloat(style.fontSize),
    }];
  })), Object.keys(CASES));
  for (const [id, g] of Object.entries(got)) {
    expect(g.events, `${id}: indicator-chart:error events`).toBe(1);
    expect(g.height, `${id}: the error box is visible`).toBeGreaterThan(20);
    expect({ color: g.color, border: g.border }, `${id}: error box colours`).toEqual({ color: 'rgb(206, 0, 0)', border: 'rgb(206, 0, 0)' });
    expect(g.fontSize, `${id}: error text size`).toBeGreaterThanOrEqual(16);
  }
  await expect(page.locator('#hostile [role="heading"]'), 'the hostile title shows as text').toHaveText('<img src=x onerror=alert(1)>');
  const hostile = await page.evaluate(() => ({
    injected: document.getElementById('hostile').shadowRoot.querySelectorAll('img, b, i, svg, script:not([type="application/json"]), a[href^="javascript"]').length,
    imgsInPage: document.querySelectorAll('img').length,
  }));
  expect(hostile, 'label HTML parsed into elements').toEqual({ injected: 0, imgsInPage: 0 });
  checkCanvases(await page.evaluate(inspectCharts, ['hostile']), 1);
  await page.waitForTimeout(200); // a late dialog or console error would land here
  expectCleanLog(log, 'errors.html', ['missing.json', 'missing-en.json']);
  await expectNoUnhandled(page, 'errors.html');
});

test('render(): an invalid spec is rejected with its path, in the message and the role=alert', async ({ page, log }) => {
  await open(page, 'errors.html');
  const result = await page.evaluate(async () => {
    const { render } = await import('/www/indicator-chart.js');
    const base = () => ({ type: 'line', title: '保有率', categories: ['2021-11', '2022-07', '2024-08', '2025-07'],
      series: [{ name: '保有率', values: [39, 45.8, 75, 79] }] });
    const withValues = (values) => ({ ...base(), series: [{ name: 's', values }] });
    const bad = {
      'top-level array': [1, 2],
      'top-level string': 'line',
      'missing series': (() => { const s = base(); delete s.series; return s; })(),
      'empty categories': { ...base(), categories: [], series: [{ name: 's', values: [] }] },
      'all null': withValues([null, null, null, null]),
      'NaN string': withValues([39, 'NaN', 75, 79]),
      'Infinity string': withValues([39, 'Infinity', 75, 79]),
      'NaN value': withValues([39, NaN, 75, 79]),
      '1e308': withValues([1e308, 45.8, 75, 79]),
      '-1e308': withValues([39, -1e308, 75, 79]),
    };
    const out = {};
    const box = document.createElement('div');
    document.body.append(box);
    for (const [name, spec] of Object.entries(bad)) {
      const host = document.createElement('div');
      box.append(host);
      try {
        await render(host, spec);
        out[name] = { rejected: false };
      } catch (e) {
        const alert = host.shadowRoot && host.shadowRoot.querySelector('[role="alert"]');
        out[name] = { rejected: true, message: e.message, path: e.path, shown: alert ? alert.textContent : '' };
      }
    }
    box.remove();
    return out;
  });
  const want = {
    'top-level array': ['仕様全体', 'オブジェクト'],
    'top-level string': ['仕様全体', 'オブジェクト'],
    'missing series': ['series', '必須'],
    'empty categories': ['categories', '空です'],
    'all null': ['series', 'null'],
    'NaN string': ['series[0].values[1]', '"NaN"'],
    'Infinity string': ['series[0].values[1]', '"Infinity"'],
    'NaN value': ['series[0].values[1]', 'NaN'],
    '1e308': ['series[0].values[0]', '1e308'],
    '-1e308': ['series[0].values[1]', '-1e308'],
  };
  for (const [name, needles] of Object.entries(want)) {
    const r = result[name];
    expect(r.rejected, `${name}: render() rejects`).toBe(true);
    for (const s of needles) {
      expect.soft(r.message, `${name}: the message`).toContain(s);
      expect.soft(r.shown, `${name}: the role=alert`).toContain(s);
    }
  }
  expectCleanLog(log, 'errors.html', ['missing.json', 'missing-en.json']);
});

test('render(): 10,000 categories (line, column) and a 5,000-character title draw without horizontal overflow', async ({ page }) => {
  await open(page, 'errors.html');
  const result = await page.evaluate(async () => {
    const { render } = await import('/www/indicator-chart.js');
    const n = 10000;
    const categories = Array.from({ length: n }, (_, i) => `地点${i}`);
    const values = categories.map((_, i) => Math.round(Math.sin(i / 100) * 1000) / 10);
    const good = {
      '10,000 categories (line)': { type: 'line', title: '1万点', categories, series: [{ name: 's', values }] },
      '10,000 categories (column)': { type: 'column', title: '1万本', categories, series: [{ name: 's', values }] },
      '5,000-character title': { type: 'line', title: 'アナログ規制'.repeat(834).slice(0, 5000), categories: ['2021-11', '2022-07', '2024-08', '2025-07'],
        series: [{ name: '保有率', values: [39, 45.8, 75, 79] }] },
    };
    const out = {};
    const box = document.createElement('div');
    document.body.append(box);
    for (const [name, spec] of Object.entries(good)) {
      const host = document.createElement('div');
      host.style.width = '640px';
      box.append(host);
      const painted = new Promise((ok) => host.addEventListener('indicator-chart:rendered', () => ok(true), { once: true }));
      const started = performance.now();
      try {
        await render(host, spec);
        const ok = await Promise.race([painted, new Promise((done) => setTimeout(() => done(false), 10_000))]);
        const title = host.shadowRoot.querySelector('[role="heading"]');
        out[name] = { painted: ok, ms: Math.round(performance.now() - started),
          titleLength: title ? title.textContent.length : 0, overflow: host.scrollWidth > host.clientWidth + 1 };
      } catch (e) {
        out[name] = { painted: false, error: e.message };
      }
    }
    box.remove();
    return out;
  });
  for (const [name, r] of Object.entries(result)) {
    expect(r.error, `${name}: render() error`).toBeUndefined();
    expect(r.painted, `${name}: fires indicator-chart:rendered`).toBe(true);
    expect(r.overflow, `${name}: horizontal overflow`).toBe(false);
  }
  expect(result['5,000-character title'].titleLength, 'the whole 5,000-character title is page text').toBe(5000);
  // Informational only (no timed assertion): shown in the test's annotations.
  test.info().annotations.push({ type: 'render times (ms)', description: Object.entries(result).map(([k, v]) => `${k} ${v.ms}`).join('; ') });
});
