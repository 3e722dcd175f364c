// The npm package's suite (scripts/test.sh "package"; after `node scripts/package.mjs` has
// built target/npm/indicator-chart-<version>.tgz and its npm pack report, target/npm/pack.json):
//
//   node tests/package/run.mjs
//
// 1. the tarball: its exact file list, its size (gzip, under SIZE_BUDGET: BENCHMARKS.md) and
//    its package.json (version = Cargo.toml's, exports pointing at packed files, no dependencies);
// 2. Node: importing and requiring the installed package fails with the browser-only Error;
//    TypeScript (bundler and nodenext resolution) finds types/ through the `types` condition;
// 3. the fixture apps (app.js and the folders beside this file), each in a copy under
//    target/npm/fixtures/ with the tarball installed by `npm install --offline` (the package has
//    no dependencies, so no registry is asked): unbundled (the unpacked package in a static
//    folder, an import map), `vite build` and webpack 5, both run from the repo's node_modules;
// 4. each built app served (tests/e2e/server.mjs) and opened in headless Chromium
//    (playwright-core, /usr/bin/chromium or CHROMIUM): every chart fires
//    indicator-chart:rendered, canvases have ink, no console errors, every wasm and the shapes
//    come from the app's own asset folder, the data table's lazily loaded part opens; with
//    ?pkgUrl=/elsewhere/pkg/ (a copy of pkg/) configure() wins and every glue and wasm comes
//    from there; with ?pkgUrl=/nowhere/ the chart says it could not load the wasm;
//    unbundled, a missing map wasm gives the same message for the map only.
// Screenshots go to test-output/package-<app>.png. The last line is "package: N passed, M failed".
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startServer } from '../e2e/server.mjs';

const HERE = fileURLToPath(new URL('.', import.meta.url));
const ROOT = resolve(HERE, '../..');
const NPM = join(ROOT, 'target/npm');
const WORK = join(NPM, 'fixtures');
const SHOTS = join(ROOT, 'test-output');

// The tarball as npm pack writes it: 315.4 KB on 2026-12-02 (BENCHMARKS.md), 85% of it the three wasm builds.
const SIZE_BUDGET = 330 * 1024;
const EXPECTED_FILES = [
  'LICENSE', 'README.md', 'package.json', 'index.js', 'indicator-chart-live.js', 'indicator-chart-table.js', 'node.cjs',
  'maps/prefectures.json', 'types/index.d.ts', 'types/spec.d.ts',
  'pkg/indicator_chart.js', 'pkg/indicator_chart_bg.wasm',
  'pkg/map/indicator_chart.js', 'pkg/map/indicator_chart_bg.wasm',
  'pkg/data/indicator_chart_data.js', 'pkg/data/indicator_chart_data_bg.wasm',
].sort();
const BROWSER_ONLY = /^indicator-chart runs in a browser \(it draws on canvas and uses the DOM\)/;
const WASM_MESSAGE = 'グラフ部品（WebAssembly）を読み込めませんでした';

let passed = 0;
let failed = 0;
async function check(name, fn) {
  const t0 = Date.now();
  try {
    const note = await fn();
    passed++;
    console.log(`ok   ${name}${note ? `: ${note}` : ''} (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
  } catch (e) {
    failed++;
    console.log(`FAIL ${name}: ${e && e.message ? e.message : e}`);
  }
}
function assert(ok, message) { if (!ok) throw new Error(message); }
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

function run(cmd, args, cwd) {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' } });
  const out = `${r.stdout || ''}${r.stderr || ''}`;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} exited ${r.status}:\n${out.slice(-3000)}`);
  return out;
}

// ---- 1. the tarball -------------------------------------------------------------------------

const packPath = join(NPM, 'pack.json');
if (!existsSync(packPath)) {
  console.log(`FAIL ${relative(ROOT, packPath)} is missing: run node scripts/package.mjs first`);
  console.log('package: 0 passed, 1 failed');
  process.exit(1);
}
const [packed] = JSON.parse(readFileSync(packPath, 'utf8'));
const tgz = join(NPM, packed.filename);

await check('pack: the file list', () => {
  const files = packed.files.map((f) => f.path).sort();
  const missing = EXPECTED_FILES.filter((f) => !files.includes(f));
  const extra = files.filter((f) => !EXPECTED_FILES.includes(f));
  assert(!missing.length && !extra.length, `missing: ${missing.join(', ') || 'none'}; unexpected: ${extra.join(', ') || 'none'}`);
  const empty = packed.files.filter((f) => !f.size).map((f) => f.path);
  assert(!empty.length, `empty files: ${empty.join(', ')}`);
  // The tarball itself, not only npm's account of it.
  const listed = execFileSync('tar', ['-tzf', tgz], { encoding: 'utf8' }).trim().split('\n').map((p) => p.replace(/^package\//, '')).sort();
  assert(JSON.stringify(listed) === JSON.stringify(files), `the tarball lists ${listed.length} files, npm pack ${files.length}`);
  return `${files.length} files`;
});

await check('pack: the size', () => {
  const size = statSync(tgz).size;
  assert(size === packed.size, `the tarball is ${size} bytes, npm pack said ${packed.size}`);
  assert(size <= SIZE_BUDGET, `${kb(size)} is over the budget of ${kb(SIZE_BUDGET)} (BENCHMARKS.md)`);
  return `${kb(size)} gzip (budget ${kb(SIZE_BUDGET)}), ${kb(packed.unpackedSize)} unpacked`;
});

await check('pack: package.json', () => {
  const m = JSON.parse(readFileSync(join(NPM, 'package/package.json'), 'utf8'));
  const cargo = /^version = "([^"]+)"/m.exec(readFileSync(join(ROOT, 'Cargo.toml'), 'utf8'))[1];
  assert(m.name === 'indicator-chart' && m.version === cargo, `${m.name}@${m.version}, Cargo.toml says ${cargo}`);
  assert(m.type === 'module' && m.license === 'MIT', `type ${m.type}, license ${m.license}`);
  assert(!m.dependencies && !m.peerDependencies && !m.scripts, 'the package must have no dependencies and no scripts');
  const dot = m.exports['.'];
  assert(JSON.stringify(Object.keys(dot)) === '["types","browser","node","default"]', `export conditions ${Object.keys(dot)}`);
  const files = packed.files.map((f) => f.path);
  for (const target of [...Object.values(dot), m.main, m.types]) {
    assert(files.includes(target.replace(/^\.\//, '')), `${target} is not in the tarball`);
  }
  assert(Array.isArray(m.sideEffects) && m.sideEffects.includes('./index.js'), 'sideEffects must keep ./index.js (the element registration)');
});

// ---- 2. Node ---------------------------------------------------------------------------------

rmSync(WORK, { recursive: true, force: true });
mkdirSync(WORK, { recursive: true });

/** A copy of fixture `name` (its folder, app.js, fixture.css, mynumber.csv) with the tarball installed. */
function fixture(name) {
  const dir = join(WORK, name);
  if (existsSync(join(HERE, name))) cpSync(join(HERE, name), dir, { recursive: true });
  else mkdirSync(dir);
  for (const f of ['app.js', 'fixture.css', 'mynumber.csv']) cpSync(join(HERE, f), join(dir, f));
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: `fixture-${name}`, private: true, type: 'module' }));
  run('npm', ['install', '--offline', '--no-audit', '--no-fund', '--no-package-lock', '--loglevel=error', tgz], dir);
  return dir;
}

await check('node: import and require say the package is browser-only', () => {
  const dir = fixture('node');
  const probe = (code, type) => {
    const r = spawnSync(process.execPath, [`--input-type=${type}`, '-e', code], { cwd: dir, encoding: 'utf8' });
    const line = r.stdout.trim().split('\n').pop();
    assert(r.status === 0 && line && line.startsWith('{'), `${type}: exit ${r.status} ${r.stdout}${r.stderr}`);
    const e = JSON.parse(line);
    assert(e.name === 'Error' && BROWSER_ONLY.test(e.message) && e.code === 'INDICATOR_CHART_BROWSER_ONLY', `${type}: ${e.name}: ${e.message}`);
    return e.message;
  };
  const report = 'console.log(JSON.stringify({ name: e.name, message: e.message, code: e.code }))';
  probe(`import('indicator-chart').then(() => console.log('imported'), (e) => ${report})`, 'module');
  return probe(`try { require('indicator-chart'); console.log('required') } catch (e) { ${report} }`, 'commonjs').slice(0, 60) + '…';
});

await check('types: TypeScript finds the declarations through the exports map', () => {
  const dir = join(WORK, 'node');
  writeFileSync(join(dir, 'check.ts'), [
    "import { render, configure, type ChartHandle, type LineSpec } from 'indicator-chart';",
    "const spec: LineSpec = { type: 'line', title: 't', categories: ['2025'], series: [{ name: 'a', values: [1] }] };",
    "configure({ pkgUrl: '/pkg/' });",
    'export const shown: Promise<ChartHandle> = render(document.body, spec);',
    "// @ts-expect-error: not a chart type",
    "render(document.body, { type: 'radar', title: 't' });",
  ].join('\n'));
  const tsc = join(ROOT, 'node_modules/typescript/bin/tsc');
  const flags = ['--noEmit', '--strict', '--target', 'es2022', '--lib', 'es2022,dom', 'check.ts'];
  for (const [module, resolution] of [['esnext', 'bundler'], ['nodenext', 'nodenext']]) {
    run(process.execPath, [tsc, ...flags, '--module', module, '--moduleResolution', resolution], dir);
  }
  return 'moduleResolution bundler and nodenext';
});

// ---- 3. the builds ---------------------------------------------------------------------------

const apps = {};
await check('unbundled: the unpacked package in a static folder', () => {
  const dir = join(WORK, 'unbundled');
  cpSync(join(HERE, 'unbundled'), dir, { recursive: true });
  for (const f of ['app.js', 'fixture.css', 'mynumber.csv']) cpSync(join(HERE, f), join(dir, f));
  mkdirSync(join(dir, 'vendor'));
  run('tar', ['-xzf', tgz, '-C', join(dir, 'vendor')], dir);
  renameSync(join(dir, 'vendor/package'), join(dir, 'vendor/indicator-chart'));
  apps.unbundled = { root: dir, page: '/index.html', assets: '/vendor/indicator-chart/' };
});

await check('vite: vite build', () => {
  const dir = fixture('vite');
  const out = run(process.execPath, [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', dir, '--outDir', join(dir, 'dist'), '--emptyOutDir', '--logLevel', 'warn'], dir);
  assert(!/warn|error/i.test(out), `vite said:\n${out}`);
  cpSync(join(dir, 'mynumber.csv'), join(dir, 'dist/mynumber.csv'));
  apps.vite = { root: join(dir, 'dist'), page: '/index.html', assets: '/assets/' };
  return emitted(join(dir, 'dist'));
});

await check('webpack: webpack 5 (asset modules)', () => {
  const dir = fixture('webpack');
  const out = run(process.execPath, [join(ROOT, 'node_modules/webpack-cli/bin/cli.js'), '--config', join(dir, 'webpack.config.cjs')], dir);
  assert(!/WARNING|ERROR/.test(out), `webpack said:\n${out.slice(-3000)}`);
  apps.webpack = { root: dir, page: '/index.html', assets: '/dist/' };
  return emitted(join(dir, 'dist'));
});

/** What a build wrote: its .wasm and .json assets (each must be there once) and its file count. */
function emitted(dir) {
  const files = readdirSync(dir, { recursive: true }).map(String).filter((f) => statSync(join(dir, f)).isFile());
  const wasm = files.filter((f) => f.endsWith('.wasm'));
  const shapes = files.filter((f) => f.endsWith('.json')); // webpack names assets by their hash
  assert(wasm.length === 3, `expected the 3 wasm builds, found ${wasm.join(', ') || 'none'}`);
  assert(shapes.length === 1, `expected the prefecture shapes once, found ${shapes.join(', ') || 'none'}`);
  return `${files.length} files, ${wasm.join(', ')}, ${shapes[0]}`;
}

// ---- 4. in Chromium --------------------------------------------------------------------------

/** Registered before the page's scripts: the charts' events and unhandled rejections. */
function initScript() {
  const ic = (window.__ic = { rendered: [], errors: [], unhandled: [] });
  document.addEventListener('indicator-chart:rendered', (e) => ic.rendered.push(e.target.id));
  document.addEventListener('indicator-chart:error', (e) => ic.errors.push(`${e.target.id}: ${e.detail.message}`));
  window.addEventListener('unhandledrejection', (e) => ic.unhandled.push(String((e.reason && e.reason.message) || e.reason)));
}

/** Each chart's canvas ink (pixels darker than the background) and its alerts. */
function inspect(ids) {
  return ids.map((id) => {
    const root = document.getElementById(id).shadowRoot;
    const canvas = root && root.querySelector('canvas');
    const alerts = root ? [...root.querySelectorAll('[role="alert"]')].map((a) => a.textContent) : ['no shadow root'];
    if (!canvas) return { id, ink: 0, alerts };
    const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
    let ink = 0;
    for (let i = 0; i < data.length; i += 4) if (data[i + 3] > 128 && (data[i] < 200 || data[i + 1] < 200 || data[i + 2] < 200)) ink++;
    return { id, ink, alerts };
  });
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync', '--lang=ja'],
});

/** Opens `path` of app `app` and collects what happened until its charts settled. */
async function open(app, path) {
  const server = await startServer({ root: app.root });
  const context = await browser.newContext({ locale: 'ja-JP', viewport: { width: 1280, height: 900 }, deviceScaleFactor: 1 });
  const page = await context.newPage();
  await page.addInitScript(initScript);
  const log = { console: [], requests: [] };
  page.on('console', (m) => { if (m.type() === 'error') log.console.push(`${m.text()} ${m.location().url || ''}`.trim()); });
  page.on('pageerror', (e) => log.console.push(`pageerror: ${e.message}`));
  const answered = new Set();
  page.on('response', (r) => {
    answered.add(r.request());
    log.requests.push({ path: new URL(r.url()).pathname, status: r.status(), type: r.headers()['content-type'] || '' });
  });
  // Chromium sometimes reports a fetch whose whole body was read (the CSV) as aborted after its
  // 200: only a request that never got an answer counts as failed.
  page.on('requestfailed', (r) => {
    if (!answered.has(r)) log.requests.push({ path: new URL(r.url()).pathname, status: 0, type: '', failure: r.failure() && r.failure().errorText });
  });
  await page.goto(server.url + path);
  const results = await page.evaluate(() => window.fixture);
  return { page, log, results, close: async () => { await context.close(); await server.close(); } };
}

const HOSTS = ['line', 'map', 'live', 'kpi'];

for (const name of ['unbundled', 'vite', 'webpack']) {
  await check(`${name}: renders in Chromium`, async () => {
    const app = apps[name];
    assert(app, 'not built');
    const { page, log, results, close } = await open(app, app.page);
    try {
      assert(results.every((r) => r === 'ok'), `render(): ${results.join(' | ')}`);
      await page.waitForFunction((n) => new Set(window.__ic.rendered).size >= n, HOSTS.length, { timeout: 15_000 })
        .catch(() => {});
      const ic = await page.evaluate(() => ({ rendered: [...new Set(window.__ic.rendered)], errors: window.__ic.errors, unhandled: window.__ic.unhandled }));
      const missing = HOSTS.filter((h) => !ic.rendered.includes(h));
      assert(!missing.length, `no indicator-chart:rendered from ${missing.join(', ')}; errors: ${ic.errors.join(' | ') || 'none'}`);
      assert(!ic.errors.length && !ic.unhandled.length, `errors: ${[...ic.errors, ...ic.unhandled].join(' | ')}`);
      const charts = await page.evaluate(inspect, HOSTS);
      for (const c of charts.filter((c) => c.id !== 'kpi')) assert(c.ink > 2000, `${c.id}: a blank canvas (${c.ink} inked pixels)`);
      // The table and downloads are the one part loaded at first use: open the line chart's table.
      await page.locator('#line details.data > summary').click();
      await page.locator('#line details.data table').waitFor({ timeout: 10_000 });
      const rows = await page.locator('#line details.data table tbody tr').count();
      assert(rows === 4, `the line chart's table has ${rows} rows, not 4`);
      await page.locator('#line details.data > summary').click();
      const wasm = log.requests.filter((r) => r.path.endsWith('.wasm'));
      assert(wasm.length === 3, `expected 3 wasm requests (chart, map, data), saw ${wasm.map((r) => r.path).join(', ') || 'none'}`);
      for (const r of wasm) {
        assert(r.path.startsWith(app.assets), `${r.path} is not under the app's asset folder ${app.assets}`);
        assert(r.status === 200 && r.type === 'application/wasm', `${r.path}: HTTP ${r.status} ${r.type}`);
      }
      const shapes = log.requests.filter((r) => r.path.endsWith('.json'));
      assert(shapes.length === 1 && shapes[0].path.startsWith(app.assets) && shapes[0].status === 200, `shapes: ${JSON.stringify(shapes)}`);
      const broken = log.requests.filter((r) => r.status !== 200 && r.status !== 304).map((r) => `${r.path} ${r.status} ${r.failure || ""}`);
      assert(!log.console.length && !broken.length, `console errors: ${log.console.join(' | ')}; failed requests: ${broken.join(', ') || 'none'}`);
      mkdirSync(SHOTS, { recursive: true });
      await page.screenshot({ path: join(SHOTS, `package-${name}.png`), fullPage: true });
      return `${charts.map((c) => `${c.id} ${c.ink}`).join(', ')} inked px; wasm ${wasm.map((r) => r.path).join(' ')}`;
    } finally {
      await close();
    }
  });

  await check(`${name}: configure({ pkgUrl }) to another folder loads the wasm from there`, async () => {
    const app = apps[name];
    assert(app, 'not built');
    // A copy of the package's pkg/ elsewhere on the same server (as a CDN folder would be):
    // the glue is imported by URL at run time, which the bundler must have left alone.
    cpSync(join(NPM, 'package/pkg'), join(app.root, 'elsewhere/pkg'), { recursive: true });
    const { log, results, close } = await open(app, `${app.page}?pkgUrl=/elsewhere/pkg/`);
    try {
      assert(results.every((r) => r === 'ok'), `render(): ${results.join(' | ')}`);
      const loaded = log.requests.filter((r) => /\.(wasm|js)$/.test(r.path) && /_bg\.wasm$|indicator_chart(_data)?\.js$/.test(r.path.split('/').pop()));
      const paths = loaded.map((r) => r.path).sort();
      const want = ['data/indicator_chart_data.js', 'data/indicator_chart_data_bg.wasm', 'indicator_chart.js', 'indicator_chart_bg.wasm',
        'map/indicator_chart.js', 'map/indicator_chart_bg.wasm'].map((f) => `/elsewhere/pkg/${f}`).sort();
      assert(JSON.stringify(paths) === JSON.stringify(want), `loaded ${paths.join(', ')}`);
      assert(!log.console.length, `console errors: ${log.console.join(' | ')}`);
    } finally {
      await close();
    }
  });

  await check(`${name}: configure({ pkgUrl }) to a wrong folder shows the loader's message`, async () => {
    const app = apps[name];
    assert(app, 'not built');
    const { page, log, results, close } = await open(app, `${app.page}?pkgUrl=/nowhere/`);
    try {
      assert(results[0].includes(WASM_MESSAGE), `line: render() gave ${results[0]}`);
      const [line] = await page.evaluate(inspect, ['line']);
      assert(line.alerts.some((a) => a.includes(WASM_MESSAGE)), `line shows ${JSON.stringify(line.alerts)}`);
      assert(log.requests.some((r) => r.path === '/nowhere/indicator_chart_bg.wasm'), 'configure({ pkgUrl }) was not used: no request for /nowhere/indicator_chart_bg.wasm');
      const uncaught = log.console.filter((m) => m.startsWith('pageerror'));
      assert(!uncaught.length, uncaught.join(' | '));
    } finally {
      await close();
    }
  });
}

await check('unbundled: a missing map wasm fails the map only, with the loader\'s message', async () => {
  const app = apps.unbundled;
  assert(app, 'not built');
  rmSync(join(app.root, 'vendor/indicator-chart/pkg/map/indicator_chart_bg.wasm'));
  const { page, results, close } = await open(app, app.page);
  try {
    assert(results[0] === 'ok' && results[2] === 'ok', `line and live: ${results.join(' | ')}`);
    assert(results[1].includes(WASM_MESSAGE), `map: render() gave ${results[1]}`);
    const [map] = await page.evaluate(inspect, ['map']);
    assert(map.alerts.some((a) => a.includes(WASM_MESSAGE)), `map shows ${JSON.stringify(map.alerts)}`);
    return map.alerts[0].slice(0, 100);
  } finally {
    await close();
  }
});

await browser.close();
console.log(`package: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
