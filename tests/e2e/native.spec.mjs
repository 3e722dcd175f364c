// The native renderer (cli/) against the browser: the CLI's PNG of a spec and the widget's
// canvas of the same spec at the same size and DPR show the same layout; the static site it
// writes passes axe; and the widget measures again when a web font arrives after its first draw.
import { test, expect, open, waitAllRendered, renderCount, AXE, AXE_TAGS, REPO_ROOT } from './harness.mjs';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The CLI binary: the test build of `cargo test --workspace`, else built now. */
function cli() {
  const bin = join(REPO_ROOT, 'target/debug/indicator-chart');
  if (!existsSync(bin)) execFileSync('cargo', ['build', '-q', '-p', 'indicator-chart-cli'], { cwd: REPO_ROOT, stdio: 'inherit' });
  return bin;
}

const OUT = join(REPO_ROOT, 'test-output/native');

/**
 * In the page: the mean brightness of every 16×16 block of the browser's canvas and of the
 * CLI's PNG (its plot, below the title), compared. Returns the share of blocks that differ by
 * more than a tenth of full white, and the largest difference. Blocks rather than pixels: the
 * two rasterisers anti-alias and hint glyphs differently, which moves a glyph's pixels but
 * hardly a block's mean, while a mark or a label in another place changes whole blocks.
 */
function compare([canvasUrl, cliUrl, top]) {
  const load = (src) => new Promise((ok, fail) => { const i = new Image(); i.onload = () => ok(i); i.onerror = () => fail(new Error(src)); i.src = src; });
  return Promise.all([load(canvasUrl), load(cliUrl)]).then(([a, b]) => {
    const [w, h] = [a.naturalWidth, a.naturalHeight];
    const pixels = (img, dy) => {
      const c = document.createElement('canvas');
      c.width = w; c.height = h;
      const g = c.getContext('2d');
      g.fillStyle = '#fff'; g.fillRect(0, 0, w, h);
      g.drawImage(img, 0, -dy);
      return g.getImageData(0, 0, w, h).data;
    };
    const [pa, pb] = [pixels(a, 0), pixels(b, top)];
    const B = 16;
    let over = 0, blocks = 0, worst = 0;
    for (let by = 0; by + B <= h; by += B) {
      for (let bx = 0; bx + B <= w; bx += B) {
        let sa = 0, sb = 0;
        for (let y = by; y < by + B; y++) for (let x = bx; x < bx + B; x++) {
          const k = (y * w + x) * 4;
          sa += pa[k] + pa[k + 1] + pa[k + 2];
          sb += pb[k] + pb[k + 1] + pb[k + 2];
        }
        const d = Math.abs(sa - sb) / (B * B * 3 * 255);
        blocks++; worst = Math.max(worst, d); if (d > 0.1) over++;
      }
    }
    return { canvas: [w, h], cli: [b.naturalWidth, b.naturalHeight], blocks, over, share: over / blocks, worst };
  });
}

const TYPES = ['mynumber-rate', 'analog-regulation', 'pie-staff', 'kpi-mynumber-cards', 'survey-percent-bar'];

for (const file of TYPES) {
  test(`native: the CLI's PNG of ${file} and the browser's canvas at DPR 2 show the same layout`, async ({ page }) => {
    await page.setViewportSize({ width: 900, height: 900 });
    mkdirSync(OUT, { recursive: true });
    // No card: the canvas is then exactly as wide as its host, 800 CSS px, like the CLI's plot.
    const spec = { ...JSON.parse(readFileSync(join(REPO_ROOT, 'tests/fixtures', file + '.json'), 'utf8')), card: false };
    const specPath = join(OUT, file + '.json');
    const pngPath = join(OUT, file + '.png');
    writeFileSync(specPath, JSON.stringify(spec));
    execFileSync(cli(), ['render', specPath, '-o', pngPath, '--width', '800', '--scale', '2'], { cwd: REPO_ROOT });
    const html = `<!doctype html><html lang="ja"><head><meta charset="utf-8"><title>compare</title>
      <link rel="stylesheet" href="/www/compare.css"><script type="module" src="/www/indicator-chart.js"></script></head>
      <body><indicator-chart id="c"><script type="application/json">${JSON.stringify(spec).replace(/</g, '\\u003c')}</script></indicator-chart></body></html>`;
    await page.route('**/www/compare.html', (r) => r.fulfill({ contentType: 'text/html; charset=utf-8', body: html }));
    await page.route('**/www/compare.css', (r) => r.fulfill({ contentType: 'text/css', body: 'body{margin:0} #c{width:800px}' }));
    await page.route('**/www/cli.png', (r) => r.fulfill({ contentType: 'image/png', body: readFileSync(pngPath) }));
    // DPR 2 like the CLI's --scale 2.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Emulation.setDeviceMetricsOverride', { width: 900, height: 900, deviceScaleFactor: 2, mobile: false });
    await open(page, 'compare.html');
    await waitAllRendered(page);
    const canvasUrl = await page.evaluate(() => document.getElementById('c').shadowRoot.querySelector('canvas').toDataURL('image/png'));
    // The CLI's plot starts under the title (8 + 28 px) and the subtitle (22 px) and a 4 px gap.
    const top = 2 * (8 + 28 + (spec.subtitle ? 22 : 0) + 4);
    const r = await page.evaluate(compare, [canvasUrl, '/www/cli.png', top]);
    expect(r.canvas[0], 'the same width in device pixels').toBe(r.cli[0]);
    // Same layout: under 1% of the blocks differ by more than a tenth, and none by more than 0.3.
    // Measured: the same spec gives at most 0.03% and 0.11 (glyphs rasterised by two renderers);
    // values moved by 20% (marks elsewhere) give 6–13% and 0.36–0.72, failing both.
    expect(r.share, `${file}: blocks that differ (${JSON.stringify(r)})`).toBeLessThan(0.01);
    expect(r.worst, `${file}: the largest block difference (${JSON.stringify(r)})`).toBeLessThan(0.3);
  });
}

test('native: the static site the CLI writes passes axe, and its cards are what og:image says', async ({ page }) => {
  const site = join(REPO_ROOT, 'test-output/site');
  rmSync(site, { recursive: true, force: true });
  const base = new URL('/test-output/site/', test.info().project.use.baseURL).href;
  execFileSync(cli(), ['site', join(REPO_ROOT, 'tests/fixtures'), '-o', site, '--base-url', base], { cwd: REPO_ROOT });
  // axe.min.js from the page's own origin: the site's pages carry a strict CSP (script-src 'self').
  await page.route('**/__axe.min.js', (r) => r.fulfill({ path: AXE, contentType: 'text/javascript; charset=utf-8' }));
  for (const file of ['index.html', 'mynumber-rate.html', 'pie-staff.html', 'kpi-mynumber-cards.html']) {
    await page.goto(`/test-output/site/${file}`);
    if (file !== 'index.html') await expect(page.locator('indicator-chart canvas')).toBeVisible();
    await page.addScriptTag({ url: '/__axe.min.js' });
    const violations = await page.evaluate((tags) => axe.run(document, { runOnly: { type: 'tag', values: tags } }).then((r) => r.violations.map((v) => `${v.id}: ${v.nodes.length}`)), AXE_TAGS);
    expect(violations, `${file}: axe violations`).toEqual([]);
    if (file !== 'index.html') {
      const image = await page.locator('meta[property="og:image"]').getAttribute('content');
      const size = await page.evaluate((src) => new Promise((ok) => { const i = new Image(); i.onload = () => ok([i.naturalWidth, i.naturalHeight]); i.onerror = () => ok(null); i.src = src; }), image);
      expect(size, `${file}: og:image ${image} loads at its declared size`).toEqual([1200, 630]);
    }
  }
});

test('a web font that arrives after the first draw makes the chart measure and draw again', async ({ page }) => {
  await open(page, 'index.html');
  await waitAllRendered(page);
  const id = await page.evaluate(() => document.querySelector('indicator-chart').id);
  const before = await renderCount(page, id);
  // A font face finishing its load fires document.fonts' loadingdone, as a page's web font does.
  await page.evaluate(() => { const f = new FontFace('IC Test', 'local("Noto Sans CJK JP")'); document.fonts.add(f); return f.load().catch(() => null); });
  await expect.poll(() => renderCount(page, id), { message: 'a redraw after loadingdone' }).toBeGreaterThan(before);
});
