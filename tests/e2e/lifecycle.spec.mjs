// A chart's life on index.html: when it draws (closed <details>, hidden container, resize),
// render()/update()/destroy(), disconnect and reconnect, and a changed src / data-src.
import {
  test, expect, open, waitAllRendered, waitRenderedCount, renderCount, errorCount, inspectCharts, checkCanvases, expectCleanLog,
} from './harness.mjs';

test.beforeEach(async ({ page }) => {
  await open(page, 'index.html');
  await waitAllRendered(page);
});

test('closed <details>: charts draw only when opened', async ({ page }) => {
  expect(await renderCount(page, 'local-gov') + await renderCount(page, 'staff'), 'renders inside the closed <details>').toBe(0);
  await page.click('#more > summary');
  await waitRenderedCount(page, 'local-gov', 1);
  await waitRenderedCount(page, 'staff', 1);
  checkCanvases(await page.evaluate(inspectCharts, ['local-gov', 'staff']), 1);
});

test('hidden container: a chart draws only after being shown', async ({ page }) => {
  await page.evaluate(() => {
    const box = document.createElement('div');
    box.id = 't-hidden';
    box.hidden = true;
    const chart = document.createElement('indicator-chart');
    chart.id = 't-hidden-chart';
    chart.setAttribute('src', 'charts/mynumber.json');
    box.append(chart);
    document.querySelector('main').append(box);
  });
  await expect.poll(() => page.evaluate(() => !!document.getElementById('t-hidden-chart').shadowRoot?.querySelector('canvas')),
    { message: 'the hidden chart is built' }).toBe(true);
  await page.waitForTimeout(300); // time in which a wrong implementation would draw
  expect(await renderCount(page, 't-hidden-chart'), 'renders while hidden').toBe(0);
  expect(await page.evaluate(() => document.getElementById('t-hidden-chart').shadowRoot.querySelector('canvas').style.width),
    'canvas sized while hidden').toBe('');
  await page.evaluate(() => { document.getElementById('t-hidden').hidden = false; });
  await waitRenderedCount(page, 't-hidden-chart', 1);
  checkCanvases(await page.evaluate(inspectCharts, ['t-hidden-chart']), 1);
});

test('resize: redraws at the new width', async ({ page }) => {
  const count = await renderCount(page, 'mynumber');
  await page.evaluate(() => { document.getElementById('mynumber').style.width = '480px'; });
  await waitRenderedCount(page, 'mynumber', count + 1);
  const last = await page.evaluate(() => __ic.rendered.filter((r) => r.id === 'mynumber').pop());
  // The plot fills the host's content box (minus the card's padding when the card is on).
  const plotWidth = await page.evaluate(() => document.getElementById('mynumber').shadowRoot.querySelector('.plot').getBoundingClientRect().width);
  expect(Math.abs(last.width - plotWidth), `redrawn at ${last.width} px, the plot is ${plotWidth} px`).toBeLessThan(1);
  expect(plotWidth, 'plot width in a 480 px host').toBeLessThanOrEqual(480);
  expect(plotWidth, 'plot width in a 480 px host').toBeGreaterThanOrEqual(480 - 24);
  checkCanvases(await page.evaluate(inspectCharts, ['mynumber']), 1);
});

test('render()/update(): a bad update keeps the old chart and shows a notice; destroy() empties', async ({ page, log }) => {
  const r = await page.evaluate(async () => {
    const m = await import('/www/indicator-chart.js');
    const frames = () => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok)));
    const host = document.createElement('div');
    host.id = 't-api';
    document.querySelector('main').append(host);
    const spec = await (await fetch('/www/charts/staff.json')).json();
    const chart = await m.render(host, spec);
    await frames();
    const canvas = host.shadowRoot.querySelector('canvas');
    const pixels = canvas.toDataURL();
    const out = { exports: Object.keys(m).sort(), sameHandle: m.chartOf(host) && m.chartOf(host).element === host };
    try {
      await chart.update({ ...spec, series: [{ name: '職員数', values: [1, 2] }] });
      out.rejected = null;
    } catch (e) {
      out.rejected = { isError: e instanceof Error, message: e.message, path: e.path };
    }
    await frames();
    const now = host.shadowRoot.querySelector('canvas');
    out.sameCanvas = now === canvas && now.isConnected;
    out.samePixels = !!now && now.toDataURL() === pixels;
    out.notice = [...host.shadowRoot.querySelectorAll('[role="alert"]')].map((a) => a.textContent);
    out.events = __ic.errors.filter((e) => e.target === host).map((e) => ({ message: e.message, path: e.path }));
    await chart.update({ ...spec, title: 'デジタル庁の職員構成（更新）' });
    out.cleared = host.shadowRoot.querySelectorAll('[role="alert"]').length === 0;
    out.title = host.shadowRoot.querySelector('[role="heading"]').textContent;
    chart.destroy();
    out.destroyed = host.shadowRoot.childNodes.length === 0;
    out.handleAfterDestroy = m.chartOf(host);

    const bad = document.createElement('div');
    bad.id = 't-api-bad';
    document.querySelector('main').append(bad);
    try {
      await m.render(bad, { type: 'line', title: 'x', categories: ['a'], series: [{ name: 's', values: ['abc'] }] });
      out.badRender = null;
    } catch (e) {
      out.badRender = { isError: e instanceof Error, path: e.path, message: e.message,
        alert: [...bad.shadowRoot.querySelectorAll('[role="alert"]')].map((a) => a.textContent).join(' ') };
    }
    return out;
  });
  expect(r.exports, 'the loader exports').toEqual(expect.arrayContaining(['IndicatorChartElement', 'chartOf', 'configure', 'render']));
  expect(r.sameHandle, 'chartOf(element) is the handle of the chart on it').toBe(true);
  expect(r.rejected, 'update(bad) rejects with an Error whose .path is series[0].values').toMatchObject({ isError: true, path: 'series[0].values' });
  expect(r.sameCanvas && r.samePixels, 'the previous chart stays as it was').toBe(true);
  expect(r.notice, 'one notice above the chart').toHaveLength(1);
  expect(r.notice[0], 'the notice carries the message').toContain(r.rejected.message);
  expect(r.events, 'one indicator-chart:error event').toEqual([{ path: 'series[0].values', message: r.rejected.message }]);
  expect(r.cleared, 'a good update clears the notice').toBe(true);
  expect(r.title, 'a good update replaces the chart').toBe('デジタル庁の職員構成（更新）');
  expect(r.destroyed, 'destroy() empties the shadow root').toBe(true);
  expect(r.handleAfterDestroy, 'chartOf() after destroy()').toBeNull();
  expect(r.badRender, 'render(bad) rejects with .path').toMatchObject({ isError: true, path: 'series[0].values[0]' });
  expect(r.badRender.alert, 'render(bad) shows the error in the element').toContain(r.badRender.message);
  expectCleanLog(log, 'index.html');
});

test('disconnect frees, reconnect renders again (element and div)', async ({ page }) => {
  for (const id of ['analog', 'society']) {
    const count = await renderCount(page, id);
    const emptied = await page.evaluate(async (i) => {
      const h = document.getElementById(i);
      const parent = h.parentNode;
      const next = h.nextSibling;
      h.remove();
      await new Promise((ok) => setTimeout(ok, 50));
      const empty = h.shadowRoot.childNodes.length === 0;
      parent.insertBefore(h, next);
      return empty;
    }, id);
    expect(emptied, `${id}: shadow root emptied after removal`).toBe(true);
    await waitRenderedCount(page, id, count + 1);
    checkCanvases(await page.evaluate(inspectCharts, [id]), 1);
  }
});

test('a changed src / data-src that fails keeps the chart and shows a notice; fixing it clears it', async ({ page, log }) => {
  const errorsBefore = await errorCount(page);
  await page.evaluate(() => document.getElementById('mynumber').setAttribute('src', 'charts/missing-refresh.json'));
  await expect.poll(() => errorCount(page), { message: 'an indicator-chart:error event' }).toBeGreaterThan(errorsBefore);
  const [r] = await page.evaluate(inspectCharts, ['mynumber']);
  expect(r.problem, 'the chart is still there').toBeUndefined();
  expect(r.ink, 'the chart is still drawn').toBeGreaterThan(200);
  expect(r.alerts, 'one notice').toHaveLength(1);
  expect(r.alerts[0], 'the notice').toContain('charts/missing-refresh.json を読み込めませんでした（HTTP 404）');
  const count = await renderCount(page, 'mynumber');
  await page.evaluate(() => document.getElementById('mynumber').setAttribute('src', 'charts/mynumber-cards.json'));
  await waitRenderedCount(page, 'mynumber', count + 1);
  const [after] = await page.evaluate(inspectCharts, ['mynumber']);
  expect(after.alerts, 'the new src clears the notice').toEqual([]);
  expect(after.title, 'the new src replaces the chart').toBe('マイナンバーカードの保有枚数');
  // The same for a div's data-src (watched by the document MutationObserver).
  const before2 = await errorCount(page);
  await page.evaluate(() => document.getElementById('society').setAttribute('data-src', 'charts/missing-div.json'));
  await expect.poll(() => errorCount(page), { message: 'an indicator-chart:error event from the div' }).toBeGreaterThan(before2);
  const [div] = await page.evaluate(inspectCharts, ['society']);
  expect(div.problem, 'the div keeps its chart').toBeUndefined();
  expect(div.ink, 'the div keeps its drawing').toBeGreaterThan(200);
  expect(div.alerts, 'the div shows one notice').toHaveLength(1);
  expect(div.alerts[0], 'the notice names the file').toContain('charts/missing-div.json');
  const c2 = await renderCount(page, 'society');
  await page.evaluate(() => document.getElementById('society').setAttribute('data-src', 'charts/staff.json'));
  await waitRenderedCount(page, 'society', c2 + 1);
  const [div2] = await page.evaluate(inspectCharts, ['society']);
  expect(div2.alerts, 'the new data-src clears the notice').toEqual([]);
  expect(div2.title, 'the new data-src replaces the chart').toBe('デジタル庁の職員構成');
  expectCleanLog(log, 'index.html after the src changes', ['missing-refresh.json', 'missing-div.json']);
});
