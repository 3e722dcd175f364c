// The keyboard map on index.html: Tab in and out, arrows, Home/End, PageUp/PageDown, Esc;
// what the status (live) region says; the focus ring on the point, across redraws.
import {
  test, expect, open, waitAllRendered, renderCount, waitRenderedCount, state, text, says, tabInto, expectRingOn, expectTipInside,
  fireResolutionChange, readSpec, shot, expectCleanLog,
} from './harness.mjs';

test.beforeEach(async ({ page }) => {
  await open(page, 'index.html');
  await waitAllRendered(page);
});

test('keyboard: Tab into the line chart, ArrowRight ×2 says the 3rd point, Home/End/PageUp, Esc, Tab out (no trap), Shift+Tab back to the same point', async ({ page, log }) => {
  const id = 'mynumber';
  const n = readSpec('charts/mynumber.json').categories.length;
  await page.focus('nav a[href="maker.html"]'); // the last focusable element before the chart
  await page.keyboard.press('Tab');
  let st = await state(page, id);
  expect(st.focused, `Tab from the page navigation lands on the chart (active: ${st.active})`).toBe(true);
  expect(st.tabindex, 'the canvas tabindex').toBe('0');
  expect(st.describedby.split(' '), 'the canvas is described by the summary and the key hint').toHaveLength(2);
  // Focusing says (and shows) the first point.
  await says(page, id, await text(page, id, 0, 0), 'on focus');
  expectRingOn(await state(page, id), st.points[0], 'on focus');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  const third = await text(page, id, 0, 2);
  expect(third, 'pointText(0, 2)').toMatch(/^2024年8月、75(\.0)?%$/);
  st = await says(page, id, third, 'after ArrowRight ×2');
  expect(st.tip, 'the tooltip shows the same words').toBe(third);
  expectRingOn(st, st.points[2], 'after ArrowRight ×2');
  expectTipInside(st, 'after ArrowRight ×2');
  expect(st.ringCss.border, 'the ring is the DADS focus style (4 px black)').toBe('4px solid rgb(0, 0, 0)');
  expect(st.ringCss.shadow, 'the ring is the DADS focus style (#FFD43D ring)').toContain('rgb(255, 212, 61)');
  await shot(page, id, 'a11y-keyboard-dpr1.png');
  await page.keyboard.press('Home');
  st = await says(page, id, await text(page, id, 0, 0), 'Home');
  expectRingOn(st, st.points[0], 'Home');
  await page.keyboard.press('End');
  st = await says(page, id, await text(page, id, 0, n - 1), 'End');
  expectRingOn(st, st.points[n - 1], 'End');
  await page.keyboard.press('ArrowRight');
  await says(page, id, await text(page, id, 0, n - 1), 'ArrowRight at the end stays on the last point');
  await page.keyboard.press('PageUp'); // 10% of 4 points rounds up to a step of one
  await says(page, id, await text(page, id, 0, n - 2), 'PageUp');
  await page.keyboard.press('Escape');
  st = await state(page, id);
  expect({ tip: st.tip, focused: st.focused, ring: st.ring }, 'Esc closes the tooltip and leaves focus (and ring) where they were')
    .toEqual({ tip: null, focused: true, ring: true });
  // The point stays put across a redraw at another width…
  const count = await renderCount(page, id);
  await page.evaluate(() => { document.getElementById('mynumber').style.width = '560px'; });
  await waitRenderedCount(page, id, count + 1);
  st = await state(page, id);
  expectRingOn(st, st.points[n - 2], 'after a redraw at 560 px');
  // Back to full width, and that redraw done before the zoom below (else the two coalesce
  // into one paint and the zoom's redraw cannot be told apart).
  const wide = await renderCount(page, id);
  await page.evaluate(() => { document.getElementById('mynumber').style.width = ''; });
  await waitRenderedCount(page, id, wide + 1);
  // …and across a devicePixelRatio change (zoom): the event a real zoom fires.
  const cdp = await page.context().newCDPSession(page);
  try {
    for (const dpr of [2, 1]) {
      const before = await renderCount(page, id);
      await cdp.send('Emulation.setDeviceMetricsOverride', { width: 1280, height: 900, deviceScaleFactor: dpr, mobile: false });
      await fireResolutionChange(page);
      await waitRenderedCount(page, id, before + 1);
      st = await state(page, id);
      expectRingOn(st, st.points[n - 2], `after a redraw at DPR ${dpr}`);
      expect(st.focused, `focus stays on the chart across a redraw at DPR ${dpr}`).toBe(true);
    }
  } finally {
    await cdp.send('Emulation.clearDeviceMetricsOverride').catch(() => {});
    await cdp.detach().catch(() => {});
  }
  await page.keyboard.press('Tab');
  st = await state(page, id);
  expect(st.focused, 'Tab leaves the chart (no trap)').toBe(false);
  expect(st.active, 'Tab moves on to the data-table button').toBe('mynumber summary');
  expect({ ring: st.ring, tip: st.tip }, 'leaving the chart hides the ring and the tooltip').toEqual({ ring: false, tip: null });
  await page.keyboard.press('Shift+Tab');
  st = await says(page, id, await text(page, id, 0, n - 2), 'Shift+Tab back into the chart');
  expectRingOn(st, st.points[n - 2], 'back in the chart');
  await page.keyboard.press('Shift+Tab');
  st = await state(page, id);
  expect(st.focused, 'Shift+Tab leaves the chart backwards too').toBe(false);
  expect(st.active, 'Shift+Tab lands on the link before the chart').toBe('a');
  expectCleanLog(log, 'index.html');
});

test('keyboard: Up/Down change series at the same category (column); Left/Right do on a bar chart; PageDown jumps 10%', async ({ page, log }) => {
  const id = 'society';
  await tabInto(page, id);
  const st0 = await state(page, id);
  expect(st0.focused, `the two-series column chart is focused (active: ${st0.active})`).toBe(true);
  expect(new Set(st0.points.map((q) => q.series)).size, 'series of the column chart').toBe(2);
  for (const [key, s, i] of [['ArrowDown', 1, 0], ['ArrowDown', 1, 0], ['ArrowRight', 1, 1], ['ArrowUp', 0, 1], ['ArrowUp', 0, 1], ['End', 0, 2]]) {
    await page.keyboard.press(key);
    const st = await says(page, id, await text(page, id, s, i), `${key} → series ${s}, category ${i}`);
    expectRingOn(st, st.points.find((q) => q.series === s && q.index === i), `${key} on the column chart`);
  }
  expect(await text(page, id, 1, 0), 'a point of a chart with several series names its series').toMatch(/^2024年/);

  // A horizontal bar chart and a long line, rendered through the JS API.
  await page.evaluate(async () => {
    const { render } = await import('/www/indicator-chart.js');
    const add = (hid) => { const d = document.createElement('div'); d.id = hid; document.querySelector('main').append(d); return d; };
    await render(add('t-bar'), { type: 'bar', title: '見直し完了条項数（試験）', unit: '条項', categories: ['目視', '定期検査・点検', '実地監査'],
      series: [{ name: '2023年', values: [852, 334, 54] }, { name: '2024年', values: [900, 400, 60] }] });
    const years = Array.from({ length: 25 }, (_, i) => String(2000 + i));
    await render(add('t-long'), { type: 'line', title: '25年分（試験）', unit: '%', categories: years, series: [{ name: '率', values: years.map((_, i) => i * 3) }] });
  });
  await waitAllRendered(page);
  await tabInto(page, 't-bar');
  for (const [key, s, i] of [['ArrowDown', 0, 1], ['ArrowRight', 1, 1], ['ArrowRight', 1, 1], ['ArrowUp', 1, 0], ['ArrowLeft', 0, 0], ['End', 0, 2]]) {
    await page.keyboard.press(key);
    const st = await says(page, 't-bar', await text(page, 't-bar', s, i), `bar chart ${key} → series ${s}, category ${i}`);
    const pt = st.points.find((q) => q.series === s && q.index === i);
    expectRingOn(st, pt, `bar chart ${key}`);
    // Beside the bar's end, not over the bars above it.
    const x = st.canvas.x + pt.x;
    expect(st.tipBox.x >= x + 12 || st.tipBox.x + st.tipBox.w <= x - 12, `bar chart ${key}: the tooltip ${JSON.stringify(st.tipBox)} sits beside the bar's end at x ${x}`).toBe(true);
    expectTipInside(st, `bar chart ${key}`);
  }
  await tabInto(page, 't-long');
  for (const [key, i] of [['PageDown', 3], ['PageDown', 6], ['End', 24], ['PageDown', 24], ['PageUp', 21], ['Home', 0]]) {
    await page.keyboard.press(key);
    await says(page, 't-long', await text(page, 't-long', 0, i), `25 points: ${key} → ${i}`);
  }
  // A live update of the focused chart keeps the reader where they were: focus on the new chart.
  await page.evaluate(async () => {
    const { render } = await import('/www/indicator-chart.js');
    const years = Array.from({ length: 26 }, (_, i) => String(2000 + i));
    await render(document.getElementById('t-long'), { type: 'line', title: '26年分（更新）', unit: '%', categories: years, series: [{ name: '率', values: years.map((_, i) => i * 3) }] });
  });
  const upd = await state(page, 't-long');
  expect(upd.focused, `after update() the new chart has the focus the old one had (active: ${upd.active})`).toBe(true);
  await page.keyboard.press('End');
  await says(page, 't-long', await text(page, 't-long', 0, 25), 'End after the update');
  expectCleanLog(log, 'index.html');
});
