// Windows high contrast (forced-colors: active): the chart's own colours give way to system colours.
import { test, expect, open, openPage, waitAllRendered, openTables, tabInto, shot } from './harness.mjs';

test('forced colours (Windows high contrast): ring, chart outline, tooltip, table and error borders use system colours', async ({ page, context }) => {
  await page.emulateMedia({ forcedColors: 'active' });
  await open(page, 'index.html');
  await waitAllRendered(page);
  await page.evaluate(openTables);
  await tabInto(page, 'mynumber');
  await page.keyboard.press('ArrowRight');
  await expect(page.locator('#mynumber .tip'), 'the tooltip').toBeVisible();
  const css = await page.evaluate(() => {
    const sys = (c) => { const d = document.createElement('div'); d.style.color = c; document.body.append(d); const v = getComputedStyle(d).color; d.remove(); return v; };
    const root = document.getElementById('mynumber').shadowRoot;
    const cs = (s) => getComputedStyle(root.querySelector(s));
    return {
      forced: matchMedia('(forced-colors: active)').matches,
      Highlight: sys('Highlight'), CanvasText: sys('CanvasText'), Canvas: sys('Canvas'),
      ring: cs('.ring').borderTopColor, ringShadow: cs('.ring').boxShadow, outline: cs('canvas').outlineColor,
      tipBorder: cs('.tip').borderTopColor, tipText: cs('.tip').color, tipBg: cs('.tip').backgroundColor,
      cell: cs('tbody td').borderBottomColor, head: cs('thead th').borderBottomColor,
    };
  });
  expect(css.forced, 'forced-colors emulation is on').toBe(true);
  expect({ ring: css.ring, outline: css.outline }, 'the ring and the chart outline are Highlight').toEqual({ ring: css.Highlight, outline: css.Highlight });
  expect(css.ringShadow, 'the ring keeps its Canvas-coloured edges (box-shadow survives)').toContain(css.Canvas);
  expect({ border: css.tipBorder, text: css.tipText, bg: css.tipBg }, 'the tooltip is CanvasText on Canvas')
    .toEqual({ border: css.CanvasText, text: css.CanvasText, bg: css.Canvas });
  expect({ cell: css.cell, head: css.head }, 'table borders are CanvasText').toEqual({ cell: css.CanvasText, head: css.CanvasText });
  await shot(page, 'mynumber', 'a11y-forced-colors.png');

  const { page: errors } = await openPage(context);
  await errors.emulateMedia({ forcedColors: 'active' });
  await open(errors, 'errors.html');
  await expect(errors.locator('#err-json .error'), 'an error box').toBeVisible();
  const err = await errors.evaluate(() => {
    const d = document.createElement('div'); d.style.color = 'CanvasText'; document.body.append(d);
    const want = getComputedStyle(d).color; d.remove();
    const s = getComputedStyle(document.getElementById('err-json').shadowRoot.querySelector('.error'));
    return { want, border: s.borderTopColor, color: s.color, width: s.borderTopWidth };
  });
  expect({ border: err.border, color: err.color, width: err.width }, 'error boxes: a 2 px CanvasText border').toEqual({ border: err.want, color: err.want, width: '2px' });
});
