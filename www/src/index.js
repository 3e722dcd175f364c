// indicator-chart loader: puts charts from a JSON spec into any page.
//
//   <script type="module" src="/www/indicator-chart.js"></script>
//   <indicator-chart src="charts/mynumber.json"></indicator-chart>
//   <indicator-chart><script type="application/json">{ … }</script></indicator-chart>
//   <div data-indicator-chart data-src="charts/mynumber.json"></div>
//   import { render } from '/www/indicator-chart.js'; const chart = await render(el, spec);
//
// Source modules in www/src/ (this entry, pkg, messages, dom, style + styles.css, controller,
// points, table), bundled and minified by esbuild into the one www/indicator-chart.js pages load
// (scripts/ensure-tools.sh build_loader). Safe under
// `default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'`:
// no inline styles or scripts, no eval, labels only ever go in as text.
import { Controller, OWNER, TAG } from './controller.js';
import { ChartError } from './messages.js';
import { inlineSpecText } from './dom.js';

export { configure } from './pkg.js';
export { ChartError };

const divs = new Set();

function controllerFor(host) {
  const c = host[OWNER];
  if (c && !c.dead) return c;
  return (host[OWNER] = new Controller(host, () => divs.delete(host)));
}

// Web fonts that arrive after the first paint change every text width: measure again. Rare
// (once per font), so a walk over the document finds every chart, render()ed ones included.
if (typeof document !== 'undefined' && document.fonts && typeof document.fonts.addEventListener === 'function') {
  document.fonts.addEventListener('loadingdone', () => {
    for (const node of document.querySelectorAll('*')) {
      const c = node[OWNER];
      if (c && !c.dead) c.remeasure();
    }
  });
}

// ---- the JS API -------------------------------------------------------------

function handle(c) {
  return {
    element: c.host,
    async update(spec) {
      if (c.dead) throw new ChartError('destroyed');
      const err = await c.load(() => ({ spec }));
      if (err) throw err;
      return this;
    },
    destroy() { c.destroy(); },
    /** Fetches a `data` chart's file again now; resolves to null or the ChartError (already shown). */
    async refresh() {
      if (c.dead) throw new ChartError('destroyed');
      return c.refreshData();
    },
    /** A `data` chart's feed: `{ url, fetchedAt, failures, nextAt }` (times in ms since the epoch), else null. */
    get dataStatus() { return c.feed ? c.feed.status : null; },
    /** The chart's words and data, as the page shows them (for tests and tools). */
    get pageText() { return c.chart ? c.chart.pageText() : null; },
    table() { return c.chart ? c.chart.table() : null; },
    /** Saves the chart shown as a file, as its own buttons do: `csv`, `png` (2×) or `svg`. */
    download(kind) { return c.download(kind); },
    pointText(series, index) { return c.chart ? c.chart.pointText(series, index) : ''; },
    pointAt(x, y) { return c.chart ? c.chart.pointAt(x, y) : -1; },
    /** The keyboard's stops of the last paint: `[{ series, index, x, y }]`. */
    points() { return c.points ? c.points.pts.toArray() : []; },
  };
}

/**
 * Renders `spec` (a plain object, as from JSON.parse) into `element`. Resolves to
 * `{ update(spec), destroy(), … }`; rejects with an Error carrying `.path` when the spec
 * cannot be shown (the element then shows the error too).
 */
export async function render(element, spec) {
  if (!element || typeof element.attachShadow !== 'function') throw new TypeError('render(element, spec): element must be an HTML element');
  const c = controllerFor(element);
  const h = handle(c);
  await h.update(spec);
  return h;
}

/** The handle of a chart already on `element` (declared in HTML or rendered), or null. */
export function chartOf(element) {
  const c = element && element[OWNER];
  return c && !c.dead ? handle(c) : null;
}

// ---- <indicator-chart> --------------------------------------------------------

const Base = typeof HTMLElement === 'function' ? HTMLElement : class {};

export class IndicatorChartElement extends Base {
  static get observedAttributes() { return ['src', 'heading-level']; }

  connectedCallback() {
    if (this[OWNER] && !this[OWNER].dead) return; // moved within the document
    whenParsed(() => {
      if (!this.isConnected || (this[OWNER] && !this[OWNER].dead)) return;
      // An element with no spec waits for render() or a src attribute.
      if (!this.hasAttribute('src') && inlineSpecText(this) == null) return;
      controllerFor(this).loadFromElement();
    });
  }

  disconnectedCallback() {
    queueMicrotask(() => { if (!this.isConnected && this[OWNER]) this[OWNER].destroy(); });
  }

  attributeChangedCallback(name, old, value) {
    if (old === value || !this.isConnected) return;
    const c = this[OWNER];
    if (name === 'heading-level') { if (c) c.applyHeadingLevel(); return; }
    if (value) controllerFor(this).loadFromElement();
  }
}

// The parser may connect the element before its inline <script> child arrives.
function whenParsed(fn) {
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', fn, { once: true });
  } else {
    fn();
  }
}

// ---- <div data-indicator-chart> -------------------------------------------------

const SELECTOR = '[data-indicator-chart]';

function upgradeDiv(node) {
  if (node.localName === TAG || (node[OWNER] && !node[OWNER].dead)) return;
  if (typeof node.attachShadow !== 'function') return;
  let c;
  try { c = controllerFor(node); } catch (_) { return; } // e.g. an element that cannot host a shadow root
  divs.add(node);
  c.loadFromElement();
}

function scan(root) {
  if (root.nodeType !== 1) return;
  if (root.matches(SELECTOR)) upgradeDiv(root);
  for (const n of root.querySelectorAll(SELECTOR)) upgradeDiv(n);
}

function watchDocument() {
  const mo = new MutationObserver((records) => {
    let removed = false;
    for (const r of records) {
      if (r.type === 'attributes') {
        const c = r.target[OWNER];
        if (c && !c.dead && r.target.localName !== TAG) {
          if (r.attributeName === 'data-heading-level') c.applyHeadingLevel();
          else if (r.target.getAttribute('data-src') !== r.oldValue) c.loadFromElement();
        } else if (r.attributeName === 'data-indicator-chart' && r.target.isConnected) {
          scan(r.target);
        }
        continue;
      }
      for (const n of r.addedNodes) scan(n);
      if (r.removedNodes.length) removed = true;
    }
    if (removed) for (const d of [...divs]) if (!d.isConnected && d[OWNER]) d[OWNER].destroy();
  });
  mo.observe(document, {
    childList: true, subtree: true, attributes: true, attributeOldValue: true,
    attributeFilter: ['data-src', 'data-heading-level', 'data-indicator-chart'],
  });
  scan(document.documentElement);
}

if (typeof window !== 'undefined' && typeof customElements !== 'undefined') {
  if (!customElements.get(TAG)) customElements.define(TAG, IndicatorChartElement);
  watchDocument();
}
