// Screenshot comparison of every demo page at 1280 px:
//   DPR 1: the whole page (index, errors, csp, dashboard) and every gallery chart's canvas;
//   DPR 2: every chart's canvas on every page (at DPR 2 what changes is what the wasm draws
//          into the backing store; Chromium's own HTML text is not ours, and the PNGs of whole
//          pages at DPR 2 would be 2.5 times larger).
// The gallery is compared chart by chart: as one page it is 37,600 px tall (5–12 MB of PNG).
// Baselines: tests/e2e/screenshots/dpr<n>/…png, committed. After a change that is meant to
// move pixels, look at the diffs in test-output/playwright/, then rewrite the baselines with
//   npx playwright test tests/e2e/screenshots.spec.mjs --update-snapshots
// and review the new PNGs before committing them.
import { test, expect, open, waitAllRendered, waitSettled, settle, HOSTS } from './harness.mjs';

/** Waits until the page can no longer change: every chart drawn (or showing its error), fonts in, page scripts done. */
async function ready(page, file) {
  await open(page, file);
  if (file === 'errors.html') {
    const states = await waitSettled(page);
    expect(states.filter((s) => s.error !== null).length, 'errors.html: the error cases').toBeGreaterThanOrEqual(11);
  } else {
    await waitAllRendered(page);
  }
  if (file === 'index.html') await expect(page.locator('#js-toggle'), 'demo.js has rendered its chart').toBeEnabled();
  if (file === 'gallery.html') await expect(page.locator('html'), 'gallery.js has filled every <pre>').toHaveAttribute('data-gallery-ready', '');
  await settle(page);
}

/** The ids of the hosts with a canvas (outside closed <details>), in page order. */
const canvasHosts = (page) => page.evaluate((sel) => [...document.querySelectorAll(sel)]
  .filter((h) => !h.closest('details:not([open])') && h.shadowRoot && h.shadowRoot.querySelector('canvas'))
  .map((h) => h.id), HOSTS);

const FULL_PAGE = ['index.html', 'errors.html', 'csp.html', 'dashboard.html'];

test.describe('DPR 1', () => {
  test.use({ deviceScaleFactor: 1 });

  for (const file of FULL_PAGE) {
    const name = file.replace(/\.html$/, '');
    test(`${file} at DPR 1: the whole page as in its baseline`, async ({ page }) => {
      await ready(page, file);
      await expect(page).toHaveScreenshot(['dpr1', `${name}.png`], { fullPage: true });
    });
  }

  test('gallery.html at DPR 1: every chart canvas as in its baseline', async ({ page }) => {
    await compareCanvases(page, 'gallery.html', 'dpr1');
  });
});

test.describe('DPR 2', () => {
  test.use({ deviceScaleFactor: 2 });

  for (const file of [...FULL_PAGE, 'gallery.html']) {
    test(`${file} at DPR 2: every chart canvas as in its baseline`, async ({ page }) => {
      await compareCanvases(page, file, 'dpr2');
    });
  }
});

/** Each chart's canvas against tests/e2e/screenshots/<dir>/<page>/<id>.png. */
async function compareCanvases(page, file, dir) {
  await ready(page, file);
  const ids = await canvasHosts(page);
  expect(ids.length, `${file}: charts with a canvas`).toBeGreaterThan(0);
  // Soft: one run reports every chart that changed, not just the first.
  for (const id of ids) {
    await expect.soft(page.locator(`#${id} canvas`), `${file} #${id}`).toHaveScreenshot([dir, file.replace(/\.html$/, ''), `${id}.png`]);
  }
}
