// End-to-end tests: the loader, the demo pages and the real wasm package (pkg/, built first with
// `source scripts/ensure-tools.sh && build_pkg`) in Debian's Chromium, with @playwright/test.
//
//   npx playwright test                               every spec file under tests/e2e/
//   npx playwright test tests/e2e/errors.spec.mjs     one file
//   npx playwright test -g 'keyboard'                 tests whose title matches
//   npx playwright test --update-snapshots            rewrite the screenshot baselines that changed
//
// Environment: E2E_ROOT=dir serves another tree (with www/ and pkg/) instead of the repo root;
// E2E_PORT=n fixes the server's port (default: a free one); CHROMIUM=path overrides /usr/bin/chromium.
import { defineConfig } from '@playwright/test';
import { createServer } from 'node:net';
import { resolve } from 'node:path';

/** A free port on 127.0.0.1, chosen once: worker processes inherit it through the environment. */
async function freePort() {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.once('error', fail);
    s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => ok(port)); });
  });
}
process.env.E2E_PORT ||= String(await freePort());
const PORT = Number(process.env.E2E_PORT);
const ROOT = process.env.E2E_ROOT ? resolve(process.env.E2E_ROOT) : '.';

const chromium = {
  browserName: 'chromium',
  locale: 'ja-JP',
  viewport: { width: 1280, height: 900 },
  deviceScaleFactor: 1,
  launchOptions: {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync', '--lang=ja'],
  },
};

// dashboard.html and gallery.html at every width × devicePixelRatio (pages.spec.mjs).
const PAGE_MATRIX = [1, 2].flatMap((dpr) => [320, 800, 1280].map((width) => ({
  name: `pages-${width}-dpr${dpr}`,
  testMatch: 'pages.spec.mjs',
  use: { ...chromium, viewport: { width, height: 900 }, deviceScaleFactor: dpr },
})));

export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '*.spec.mjs',
  globalSetup: './tests/e2e/global-setup.mjs',
  outputDir: 'test-output/playwright',
  // Baselines of screenshots.spec.mjs: tests/e2e/screenshots/dpr<n>/….png, committed; no
  // platform suffix (the project's machines are all Debian with its Chromium and fonts-noto-cjk).
  snapshotPathTemplate: '{testDir}/screenshots/{arg}{ext}',
  fullyParallel: false,
  workers: 1, // the machines have 2 cores; one Chromium at a time
  retries: 0,
  forbidOnly: true,
  timeout: 60_000,
  globalTimeout: 360_000, // a whole run takes 2–3 minutes; a hang still ends
  expect: {
    timeout: 15_000, // generous: CI shares 2 cores with the wasm build; a real hang still fails
    toHaveScreenshot: {
      animations: 'disabled',
      caret: 'hide',
      scale: 'device',
      // Rendering here is deterministic (software raster, same Chromium and fonts): any pixel
      // whose colour moves beyond a small perceptual threshold fails, so a chart drawn 1 px
      // off fails too.
      threshold: 0.1,
      maxDiffPixels: 0,
    },
  },
  // `list` ends with "N passed (…)" and, when any failed, "N failed" (scripts/test.sh adds those up).
  reporter: [['list']],
  webServer: {
    command: `node tests/e2e/server.mjs ${PORT} ${ROOT}`,
    url: `http://127.0.0.1:${PORT}/www/index.html`,
    reuseExistingServer: false,
    timeout: 20_000,
  },
  use: {
    ...chromium,
    baseURL: `http://127.0.0.1:${PORT}`,
    trace: 'off',
    screenshot: 'off',
  },
  projects: [
    { name: 'chromium', testIgnore: 'pages.spec.mjs', use: chromium },
    ...PAGE_MATRIX,
  ],
});
