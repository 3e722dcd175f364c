// The wasm packages: where they live and their one load per page.
import { once } from './dom.js';
import { importLive, pkgFiles, shapesUrl } from './assets.js';

let pkgOverride = null;

const withSlash = (u) => (u.endsWith('/') ? u : u + '/');

/** The folder configure() or the page's <meta> names, else null: the build's own (assets.js). */
function pkgBase() {
  if (pkgOverride) return pkgOverride;
  const meta = document.querySelector('meta[name="indicator-chart-pkg"]');
  const content = meta && meta.content.trim();
  return content ? withSlash(new URL(content, document.baseURI).href) : null;
}

// The glue (imported by URL: bundlers must leave this import alone) and the wasm of `name` in `base` + `dir`.
const filesAt = (base, dir, name) => [
  () => import(/* webpackIgnore: true */ /* @vite-ignore */ base + dir + name + '.js'),
  new URL(dir + name + '_bg.wasm', base),
];

let liveSettings = {};
let liveModule = null;

/**
 * Sets where the wasm package lives (`{ pkgUrl }`, a folder URL; call before the first chart
 * loads) and, for live data, `{ fetchTimeout, retryDelay }` in milliseconds (15 s and 30 s).
 */
export function configure(options = {}) {
  if (options.pkgUrl != null) pkgOverride = withSlash(new URL(String(options.pkgUrl), document.baseURI).href);
  for (const key of ['fetchTimeout', 'retryDelay']) {
    const ms = Number(options[key]);
    if (options[key] != null && ms > 0) liveSettings[key] = ms;
  }
  if (liveModule) Object.assign(liveModule.settings, liveSettings);
}

/**
 * The wasm-bindgen package `name` in the pkg folder's `dir`, initialised. Its glue and its wasm
 * download at once (not the wasm after the glue), and the wasm compiles while it streams in; a
 * server that sends the wrong MIME type falls back to the glue's own fetch. (Also the chart
 * maker's, for its build of the data wasm: pkg/maker/.)
 */
export function initPackage(dir, name) {
  const base = pkgBase();
  const [glue, wasmUrl] = base ? filesAt(base, dir, name) : pkgFiles(dir, name, filesAt);
  const compiled = typeof WebAssembly.compileStreaming === 'function'
    ? WebAssembly.compileStreaming(fetch(wasmUrl)).catch(() => wasmUrl)
    : Promise.resolve(wasmUrl);
  return Promise.all([glue(), compiled]).then(async ([m, module]) => {
    await m.default({ module_or_path: module });
    return m;
  });
}

/** The initialised package (its `Chart` class); one load per page, retried after a failure. */
export const loadPkg = once(() => initPackage('', 'indicator_chart'));

/**
 * For `type: "map"` specs: the map build (pkg/map/, the chart wasm with prefecture maps), once
 * a page; pages without maps never load it.
 */
export const loadMap = once(() => initPackage('map/', 'indicator_chart'));

/**
 * The prefecture shapes (www/maps/prefectures.json, beside the loader), handed to the map build
 * once a page: only when a chart says it needs them (Rust's `needsGeometry()`: a `geo` map; the
 * tile grid draws without them). Rejects with the URL and what went wrong.
 */
export const loadShapes = once((m) => fetch(shapesUrl())
  .then((r) => (r.ok ? r.json() : Promise.reject(new Error(`${r.url}: HTTP ${r.status}`))))
  .then((shapes) => { m.setMapGeometry(shapes); }));

/**
 * The live-data parts, fetched only for specs with `data`: the feed module beside the loader
 * (www/indicator-chart-live.js) and the data wasm (pkg/data/). `{ Feed, settings, pkg }`.
 */
export const loadLive = once(() => Promise.all([
  importLive(),
  initPackage('data/', 'indicator_chart_data'),
]).then(([f, pkg]) => {
  liveModule = f;
  Object.assign(f.settings, liveSettings);
  return { Feed: f.Feed, settings: f.settings, pkg };
}));
