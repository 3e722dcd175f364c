// WCAG 2.2.2: nothing in a chart moves, with or without prefers-reduced-motion.
import { test, expect, open, waitAllRendered, tabInto, state } from './harness.mjs';

for (const reducedMotion of ['reduce', 'no-preference']) {
  test(`motion: no transition or animation anywhere in a chart (prefers-reduced-motion: ${reducedMotion}), ring and tooltip shown`, async ({ page }) => {
    await page.emulateMedia({ reducedMotion });
    await open(page, 'index.html');
    await waitAllRendered(page);
    // The parts that could move: the focus ring and the tooltip, shown.
    await tabInto(page, 'mynumber');
    await page.keyboard.press('ArrowRight');
    await expect(page.locator('#mynumber .tip')).toBeVisible();
    expect((await state(page, 'mynumber')).ring, 'the ring is shown').toBe(true);
    const result = await page.evaluate(() => {
      const out = { checked: 0, moving: [] };
      for (const h of [...document.querySelectorAll('*')].filter((x) => x.shadowRoot)) {
        for (const n of h.shadowRoot.querySelectorAll('*')) {
          out.checked++;
          const s = getComputedStyle(n);
          const t = s.transitionDuration.split(',').some((v) => parseFloat(v) > 0);
          if (t || s.animationName !== 'none') out.moving.push(`${h.id} ${n.localName}.${n.className}: ${s.transitionDuration} ${s.animationName}`);
        }
      }
      return out;
    });
    expect(result.checked, 'chart elements checked').toBeGreaterThan(50);
    expect(result.moving, `moving parts with prefers-reduced-motion: ${reducedMotion}`).toEqual([]);
  });
}
