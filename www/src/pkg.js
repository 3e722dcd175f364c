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

/** Sets where the wasm package lives (`{ pkgUrl }`, a folder URL). Call before the first chart loads. */
export function configure(options = {}) {
  if (options.pkgUrl != null) pkgOverride = withSlash(new URL(String(options.pkgUrl), document.baseURI).href);
}

/** The initialised package (its `Chart` class); one load per page, retried after a failure. */
export function loadPkg() {
  if (!pkgPromise) {
    const base = pkgBase();
    pkgPromise = import(base + 'indicator_chart.js').then(async (m) => {
      await m.default({ module_or_path: new URL('indicator_chart_bg.wasm', base) });
      return m;
    });
    // A failed load may be retried by the next chart or update, not cached forever.
    pkgPromise.catch(() => { pkgPromise = null; });
  }
  return pkgPromise;
}
