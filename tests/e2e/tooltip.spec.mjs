// Tooltips (WCAG 1.4.13): hover, onto the tooltip, Esc, flipping to stay inside; tap on touch.
import { test, expect, open, waitAllRendered, state, text, expectTipInside, contrast, shot, expectCleanLog } from './harness.mjs';

test('tooltip: hover a column shows its words; the pointer can move onto it; Esc hides it without moving anything; flips to stay inside', async ({ page, log }) => {
  await open(page, 'index.html');
  await waitAllRendered(page);
  const id = 'analog';
  const tip = page.locator(`#${id} .tip`);
  await page.locator('#' + id).scrollIntoViewIfNeeded();
  let st = await state(page, id);
  const at = (pt, dy = 0) => [st.canvas.x + pt.x, st.canvas.y + pt.y + dy];
  await page.mouse.move(...at(st.points[0], 30), { steps: 4 }); // inside the first column, below its top
  const first = await text(page, id, 0, 0);
  await expect(tip, 'hover shows the first column\'s words').toHaveText(first);
  await expect(tip).toBeVisible();
  st = await state(page, id);
  expect(st.ring, 'hovering does not show the keyboard ring').toBe(false);
  expectTipInside(st, 'hover');
  expect(st.tipCss.size, 'tooltip text size').toBe('16px');
  expect(contrast(st.tipCss.color, st.tipCss.bg), `tooltip contrast ${JSON.stringify(st.tipCss)}`).toBeGreaterThanOrEqual(4.5);
  expect(st.tipBox.y + st.tipBox.h, 'the tooltip sits above the point when there is room').toBeLessThanOrEqual(st.canvas.y + st.points[0].y);
  await shot(page, id, 'a11y-tooltip-hover-dpr1.png');
  // Onto the tooltip, the way a hand would move: it stays (1.4.13 hoverable).
  const onTip = [st.tipBox.x + st.tipBox.w / 2, st.tipBox.y + st.tipBox.h / 2];
  await page.mouse.move(...onTip, { steps: 8 });
  st = await state(page, id);
  expect(st.tip, 'the tooltip stays while the pointer is on it').toBe(first);
  const under = await page.evaluate(([hid, x, y]) => {
    const node = document.getElementById(hid).shadowRoot.elementFromPoint(x, y);
    return node ? node.className : null;
  }, [id, ...onTip]);
  expect(under, 'the pointer is on the tooltip itself (it takes the pointer; its text can be selected)').toBe('tip');
  // Esc with focus on the page body: hidden, pointer and focus unmoved (1.4.13 dismissible).
  const activeBefore = st.active;
  await page.keyboard.press('Escape');
  await expect(tip, 'Esc hides the tooltip').toBeHidden();
  expect((await state(page, id)).active, 'Esc leaves the focus where it was').toBe(activeBefore);
  await page.mouse.move(...at(st.points[0], 32));
  await page.waitForTimeout(100); // time for a wrong implementation to reopen it
  expect((await state(page, id)).tip, 'a dismissed tooltip stays closed on the same column').toBeNull();
  // The tallest column has no room above: the tooltip goes below, still inside the plot.
  const tallest = st.points.reduce((a, b) => (b.y < a.y ? b : a));
  await page.mouse.move(...at(tallest, 20), { steps: 4 });
  await expect(tip, 'the tallest column\'s tooltip').toHaveText(await text(page, id, tallest.series, tallest.index));
  st = await state(page, id);
  expectTipInside(st, 'tallest column');
  expect(st.tipBox.y, 'the tooltip flips below a point at the top').toBeGreaterThanOrEqual(st.canvas.y + tallest.y);
  await page.mouse.move(2, 2, { steps: 4 });
  await expect(tip, 'leaving the chart hides the tooltip').toBeHidden();
  expectCleanLog(log, 'index.html');
});

test.describe('on a touch screen', () => {
  test.use({ hasTouch: true, isMobile: false });

  test('tooltip: a tap shows the point and it stays until a tap elsewhere in the chart', async ({ page, log }) => {
    await open(page, 'index.html');
    await waitAllRendered(page);
    const tip = page.locator('#analog .tip');
    await page.locator('#analog').scrollIntoViewIfNeeded();
    let st = await state(page, 'analog');
    const pt = st.points[3];
    await page.touchscreen.tap(st.canvas.x + pt.x, st.canvas.y + pt.y + 20);
    await expect(tip, 'a tap shows the tapped column').toHaveText(await text(page, 'analog', pt.series, pt.index));
    await page.waitForTimeout(300); // it stays: no timer closes it
    st = await state(page, 'analog');
    expect(st.tip, 'the tooltip stays after the tap').toBe(await text(page, 'analog', pt.series, pt.index));
    expectTipInside(st, 'tap');
    const empty = await page.evaluate(async () => (await import('/www/indicator-chart.js')).chartOf(document.getElementById('analog')).pointAt(2, 2));
    expect(empty, 'pointAt(2, 2): the plot\'s top-left corner is no point').toBe(-1);
    await page.touchscreen.tap(st.canvas.x + 2, st.canvas.y + 2);
    await expect(tip, 'a tap away from any point closes the tooltip').toBeHidden();
    expectCleanLog(log, 'index.html');
  });
});
