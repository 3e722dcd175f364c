// The wasm package: where it lives and its one load per page.

let pkgOverride = null;
let pkgPromise = null;

const withSlash = (u) => (u.endsWith('/') ? u : u + '/');

function pkgBase() {
  if (pkgOverride) return pkgOverride;
  const meta = document.querySelector('meta[name="indicator-chart-pkg"]');
  const content = meta && meta.content.trim();
  if (content) return withSlash(new URL(content, document.baseURI).href);
  return new URL('../pkg/', import.meta.url).href;
}

let liveSettings = {};
let livePromise = null;

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
  if (livePromise) livePromise.then((l) => Object.assign(l.settings, liveSettings), () => {});
}

/**
 * The live-data parts, fetched only for specs with `data`: the feed module beside the loader
 * (www/indicator-chart-live.js) and the data wasm (pkg/data/). `{ Feed, settings, pkg }`.
 */
export function loadLive() {
  if (!livePromise) {
    const base = pkgBase() + 'data/';
    const feed = import(new URL('indicator-chart-live.js', import.meta.url).href);
    const data = import(base + 'indicator_chart_data.js').then(async (m) => {
      await m.default({ module_or_path: new URL('indicator_chart_data_bg.wasm', base) });
      return m;
    });
    livePromise = Promise.all([feed, data]).then(([f, pkg]) => {
      Object.assign(f.settings, liveSettings);
      return { Feed: f.Feed, settings: f.settings, pkg };
    });
    livePromise.catch(() => { livePromise = null; });
  }
  return livePromise;
}

/** The initialised package (its `Chart` class); one load per page, retried after a failure. */
export function loadPkg() {
  if (!pkgPromise) {
    const base = pkgBase();
    // The glue and the wasm download at once (not the wasm after the glue), and the wasm
    // compiles while it streams in; a server that sends the wrong MIME type falls back to the
    // glue's own fetch.
    const wasmUrl = new URL('indicator_chart_bg.wasm', base);
    const compiled = typeof WebAssembly.compileStreaming === 'function'
      ? WebAssembly.compileStreaming(fetch(wasmUrl)).catch(() => wasmUrl)
      : Promise.resolve(wasmUrl);
    pkgPromise = Promise.all([import(base + 'indicator_chart.js'), compiled]).then(async ([m, module]) => {
      await m.default({ module_or_path: module });
      return m;
    });
    // A failed load may be retried by the next chart or update, not cached forever.
    pkgPromise.catch(() => { pkgPromise = null; });
  }
  return pkgPromise;
}
