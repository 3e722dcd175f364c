// The demo pages and the spec files in www/charts/: every file shown once, every chart type shown.
import { test, expect, specFiles, readWww, readSpec } from './harness.mjs';

test('dashboard.html and gallery.html: every spec file is on its page, gallery in numbered order', async () => {
  const used = (page, dir) => [...readWww(page).matchAll(new RegExp(`src="(charts/${dir}/[^"]+\\.json)"`, 'g'))].map((m) => m[1]);
  const dash = used('dashboard.html', 'dashboard');
  const gal = used('gallery.html', 'gallery');
  expect([...dash].sort(), 'dashboard.html shows every charts/dashboard spec once').toEqual(specFiles('dashboard'));
  expect(dash.length, 'charts on dashboard.html').toBeGreaterThanOrEqual(12);
  expect(gal, 'gallery.html shows charts/gallery/NN-*.json once each, in file order').toEqual(specFiles('gallery'));
  for (const f of specFiles('gallery')) expect(f, 'gallery spec file name').toMatch(/^charts\/gallery\/\d{2}-[a-z0-9-]+\.json$/);
  const types = new Set([...specFiles('dashboard'), ...specFiles('gallery')].map((f) => readSpec(f).type));
  expect([...types], 'chart types on the demo pages').toEqual(expect.arrayContaining(['line', 'area', 'column', 'bar', 'pie', 'donut', 'kpi', 'progress']));
});
