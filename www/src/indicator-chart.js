// indicator-chart loader: puts charts from a JSON spec into any page.
//
//   <script type="module" src="/www/indicator-chart.js"></script>
//   <indicator-chart src="charts/mynumber.json"></indicator-chart>
//   <indicator-chart><script type="application/json">{ … }</script></indicator-chart>
//   <div data-indicator-chart data-src="charts/mynumber.json"></div>
//   import { render } from '/www/indicator-chart.js'; const chart = await render(el, spec);
//
// One ES module, no dependencies, no build step. Safe under
// `default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'`:
// no inline styles or scripts, no eval, labels only ever go in as text.

const TAG = 'indicator-chart';
const OWNER = Symbol.for('indicator-chart.controller');
const FONT = "'Noto Sans JP', -apple-system, BlinkMacSystemFont, sans-serif";

const CSS = `
:host{display:block;font-family:${FONT};color:#1A1A1A;line-height:1.6;text-align:start}
:host([hidden]){display:none}
figure{margin:0}
figure.card{background:#F8F8FB;border-radius:12px;padding:12px}
figure.dark{background:#1A1A1A;color:#F2F2F2}
figure.dark.card{background:#333333}
.dark .subtitle,.dark .footer{color:#CCCCCC}
.dark a,.dark .data summary{color:#9DB7F9}
.dark th,.dark td{border-color:#666666}
.table-notes{margin:4px 0 0;padding:0;list-style:none;font-size:14px}
.caption{margin:0 0 8px}
.title{margin:0;font-size:20px;font-weight:700;line-height:1.5;overflow-wrap:anywhere}
.subtitle{margin:4px 0 0;font-size:16px;color:#4D4D4D;overflow-wrap:anywhere}
.plot,.loading{position:relative;width:100%;height:var(--indicator-chart-height,320px)}
canvas{position:absolute;top:0;left:0;display:block}
canvas:focus{outline:0}
canvas:focus-visible,.data summary:focus-visible,.table:focus-visible,.csv:focus-visible{outline:4px solid #000;outline-offset:2px;box-shadow:0 0 0 2px #FFD43D}
.ring{position:absolute;box-sizing:border-box;width:24px;height:24px;margin:-12px 0 0 -12px;border:4px solid #000;border-radius:50%;box-shadow:0 0 0 2px #FFD43D,inset 0 0 0 2px #FFD43D;pointer-events:none}
.tip{position:absolute;z-index:1;box-sizing:border-box;width:max-content;max-width:100%;padding:4px 8px;border:1px solid #1A1A1A;border-radius:4px;background:#fff;color:#1A1A1A;font-size:16px;line-height:1.5;overflow-wrap:anywhere}
.dark .tip{background:#1A1A1A;color:#F2F2F2;border-color:#F2F2F2}
.vh{position:absolute;width:1px;height:1px;margin:-1px;padding:0;overflow:hidden;clip:rect(0 0 0 0);clip-path:inset(50%);white-space:nowrap;border:0}
.footer{margin-top:8px;font-size:14px;color:#4D4D4D;overflow-wrap:anywhere}
.footer p,.notes{margin:4px 0 0}
.notes{padding-inline-start:1.5em}
.notes:lang(ja){list-style-type:'※ '}
a{color:#00118F;text-decoration:underline;text-underline-offset:3px}
a:hover{text-decoration-thickness:3px}
a:focus-visible{outline:4px solid #000;outline-offset:2px;background:#FFD43D;box-shadow:0 0 0 2px #FFD43D;border-radius:4px}
.actions{display:flex;flex-wrap:wrap;align-items:center;gap:8px 24px;margin-top:8px;font-size:16px}
.data{min-width:0;max-width:100%}
.data[open]{flex-basis:100%}
.data summary{cursor:pointer;color:#00118F;font-weight:700;width:max-content;max-width:100%;border-radius:4px}
.csv{font:inherit;font-weight:700;line-height:1.5;color:#00118F;background:#fff;border:1px solid currentColor;border-radius:8px;padding:2px 12px;cursor:pointer}
.csv:hover{text-decoration:underline}
.dark .csv{color:#9DB7F9;background:transparent}
.table{overflow-x:auto;margin-top:8px;width:0;min-width:100%}
table{border-collapse:collapse;font-size:14px;line-height:1.5}
caption{text-align:start;font-weight:700;padding-bottom:4px}
th,td{padding:4px 12px;border-bottom:1px solid #CCCCCC;text-align:start;vertical-align:top}
thead th{border-bottom:2px solid #4D4D4D}
td{text-align:end;font-variant-numeric:tabular-nums;white-space:nowrap}
.error{box-sizing:border-box;margin:0 0 8px;padding:12px 16px;border:2px solid #CE0000;border-radius:8px;background:#fff;color:#CE0000;font-size:16px;line-height:1.6;overflow-wrap:anywhere;white-space:pre-line}
.error p{margin:0}
.error .head{font-weight:700}
.dark canvas:focus-visible,.dark .data summary:focus-visible,.dark .table:focus-visible,.dark .csv:focus-visible{outline-color:#fff}
@media (forced-colors:active){
canvas:focus-visible,.data summary:focus-visible,.table:focus-visible,.csv:focus-visible,a:focus-visible{outline-color:Highlight}
.ring{forced-color-adjust:none;border-color:Highlight;box-shadow:0 0 0 2px Canvas,inset 0 0 0 2px Canvas}
.tip,.error{border-color:CanvasText;background:Canvas;color:CanvasText}
th,td,thead th{border-color:CanvasText}
.csv{border-color:ButtonText;color:ButtonText;background:ButtonFace}
}
`;

let sheet = null;
function adoptStyles(root) {
  if ('adoptedStyleSheets' in root && typeof CSSStyleSheet === 'function') {
    try {
      if (!sheet) { sheet = new CSSStyleSheet(); sheet.replaceSync(CSS); }
      root.adoptedStyleSheets = [sheet];
      return;
    } catch (_) { /* fall through to <style> */ }
  }
  const style = document.createElement('style');
  style.textContent = CSS;
  root.append(style);
}

// ---- messages -------------------------------------------------------------

const TEXT = {
  ja: {
    head: 'グラフを表示できません',
    refresh: 'グラフを更新できませんでした（前回のグラフを表示しています）',
    http: (u, s) => `${u} を読み込めませんでした（HTTP ${s}）`,
    net: (u, m) => `${u} を読み込めませんでした（${m}）`,
    json: (m) => `JSON として読み込めません: ${m}`,
    wasm: (m) => `グラフ部品（WebAssembly）を読み込めませんでした: ${m}`,
    nospec: 'グラフの仕様がありません（src 属性か <script type="application/json"> が必要です）',
    source: '出典：',
    table: 'データを表で見る',
    csv: 'CSVでダウンロード',
    keys: '矢印キーで値を1つずつ読み上げます（Home・End で最初・最後、Esc で吹き出しを閉じる）。',
  },
  en: {
    head: 'The chart cannot be shown',
    refresh: 'The chart could not be updated (showing the previous chart)',
    http: (u, s) => `Could not load ${u} (HTTP ${s})`,
    net: (u, m) => `Could not load ${u} (${m})`,
    json: (m) => `Not valid JSON: ${m}`,
    wasm: (m) => `Could not load the chart component (WebAssembly): ${m}`,
    nospec: 'No chart spec (needs a src attribute or a <script type="application/json">)',
    source: 'Source: ',
    table: 'Show the data as a table',
    csv: 'Download CSV',
    keys: 'Arrow keys read the values one by one (Home and End: first and last; Esc closes the tooltip).',
  },
};

const isEn = (tag) => /^en\b/i.test(String(tag || ''));

/** A failure to show a spec: `message` for people, `path` (JSON path, '' if none) for tools. */
class ChartError extends Error {
  constructor(message, path = '') {
    super(message);
    this.name = 'IndicatorChartError';
    this.path = path;
  }
}

/** Whatever was thrown (wasm's plain `{message, path}`, an Error, a string) as a ChartError. */
function toChartError(e) {
  if (e instanceof ChartError) return e;
  if (e && typeof e === 'object' && typeof e.message === 'string') {
    return new ChartError(e.message, typeof e.path === 'string' ? e.path : '');
  }
  return new ChartError(String(e));
}

// ---- the wasm package, loaded once per page -------------------------------

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

function loadPkg() {
  if (!pkgPromise) {
    const base = pkgBase();
    pkgPromise = import(base + 'indicator_chart.js')
      .then(async (m) => {
        await m.default({ module_or_path: new URL('indicator_chart_bg.wasm', base) });
        return m;
      });
    // A failed load may be retried by the next chart or update, not cached forever.
    pkgPromise.catch(() => { pkgPromise = null; });
  }
  return pkgPromise;
}

// ---- DOM helpers ----------------------------------------------------------

function el(tag, cls, text) {
  const node = document.createElement(tag);
  if (cls) node.className = cls;
  if (text != null) node.textContent = String(text);
  return node;
}

function emit(host, type, detail) {
  host.dispatchEvent(new CustomEvent(type, { bubbles: true, composed: true, detail }));
}

function inlineSpecText(host) {
  for (const child of host.children) {
    if (child.localName === 'script' && (child.type || '').trim().toLowerCase() === 'application/json') {
      return child.textContent;
    }
  }
  return null;
}

let uid = 0;

// ---- one chart on one host element -----------------------------------------

class Controller {
  constructor(host) {
    this.host = host;
    this.root = host.shadowRoot || host.attachShadow({ mode: 'open' });
    this.root.replaceChildren();
    adoptStyles(this.root);
    this.chart = null;      // wasm Chart currently shown
    this.painted = false;   // has the current chart reached the canvas?
    this.seq = 0;           // bumps on every load; stale results are dropped
    this.abort = null;
    this.size = null;       // last content-box size from the ResizeObserver
    this.drawn = '';        // "w×h@dpr" of the last paint
    this.frame = 0;
    this.dead = false;
    this.id = 'ic' + ++uid;
    this.placeholder();
  }

  get lang() {
    const l = this.host.closest('[lang]');
    return l ? l.getAttribute('lang') : '';
  }

  text(spec) {
    return TEXT[isEn(spec && spec.locale) || isEn(this.lang) ? 'en' : 'ja'];
  }

  placeholder() {
    this.root.append(el('div', 'loading'));
  }

  /** Reads the spec from the element (src attribute, data-src, or inline JSON). */
  loadFromElement() {
    const h = this.host;
    const src = h.localName === TAG ? h.getAttribute('src') : h.getAttribute('data-src');
    if (src) return this.load(() => this.fetchSpec(src));
    const inline = inlineSpecText(h);
    if (inline != null) return this.load(() => this.parse(inline));
    return this.load(() => { throw new ChartError(this.text().nospec); });
  }

  async fetchSpec(url) {
    const t = this.text();
    if (this.abort) this.abort.abort();
    const abort = (this.abort = typeof AbortController === 'function' ? new AbortController() : null);
    let res, body;
    try {
      res = await fetch(url, abort ? { signal: abort.signal } : undefined);
      if (!res.ok) throw new ChartError(t.http(url, res.status));
      body = await res.text();
    } catch (e) {
      if (e instanceof ChartError) throw e;
      throw new ChartError(t.net(url, (e && e.message) || String(e)));
    }
    return this.parse(body);
  }

  parse(text) {
    try {
      return JSON.parse(text);
    } catch (e) {
      throw new ChartError(this.text().json(e.message));
    }
  }

  /**
   * Loads a spec (from `getSpec`, sync or async) and shows it. Never rejects: resolves to
   * null on success (or when superseded) and to the ChartError otherwise; the error is
   * already shown in the element (as a notice above a chart it had) and announced by an event.
   */
  async load(getSpec) {
    const seq = ++this.seq;
    let spec = null;
    let next = null;
    try {
      spec = await getSpec();
      if (seq !== this.seq) return null;
      let m;
      try {
        m = await loadPkg();
      } catch (e) {
        throw new ChartError(this.text(spec).wasm((e && e.message) || String(e)));
      }
      if (seq !== this.seq) return null;
      next = new m.Chart(spec);
      const page = next.pageText();
      if (seq !== this.seq) { next.free(); return null; }
      const prev = this.chart;
      this.chart = next;
      next = null;
      this.build(page, spec.type);
      if (prev) prev.free();
      return this.paint(true);
    } catch (e) {
      if (next) try { next.free(); } catch (_) { /* already gone */ }
      const err = toChartError(e);
      if (seq !== this.seq) return null;
      if (!this.dead) this.fail(err, spec, !!this.chart);
      return err;
    }
  }

  /** Shows `err`: as a notice above the chart when `keep`, else instead of it. Never throws. */
  fail(err, spec, keep) {
    try {
      const t = this.text(spec);
      const box = el('div', 'error');
      box.setAttribute('role', 'alert');
      box.append(el('p', 'head', keep ? t.refresh : t.head), el('p', 'message', err.message));
      if (keep) {
        this.clearNotice();
        this.notice = box;
        this.root.prepend(box);
      } else {
        this.teardownChart();
        for (const n of [...this.root.children]) if (n.localName !== 'style') n.remove();
        this.root.append(box);
      }
      emit(this.host, 'indicator-chart:error', { message: err.message, path: err.path });
    } catch (_) { /* never let a display problem escape as an unhandled rejection */ }
  }

  clearNotice() {
    if (this.notice) { this.notice.remove(); this.notice = null; }
  }

  /** Replaces the shadow content with the figure for `page` (the chart's pageText()). */
  build(page, type) {
    const t = this.text(page);
    const id = this.id;
    const fig = el('figure', 'chart');
    fig.setAttribute('part', 'figure');
    // Named by the title alone (the figcaption would run title and subtitle together).
    fig.setAttribute('aria-labelledby', id + '-title');
    if (page.locale) fig.lang = page.locale;
    if (page.card !== false) fig.classList.add('card');
    this.figure = fig;
    this.watchScheme(page.colorScheme);

    const cap = el('figcaption', 'caption');
    const title = el('p', 'title', page.title || '');
    title.id = id + '-title';
    title.setAttribute('role', 'heading');
    title.setAttribute('part', 'title');
    cap.append(title);
    if (page.subtitle) cap.append(el('p', 'subtitle', page.subtitle));
    this.titleEl = title;
    this.applyHeadingLevel();

    // One Tab stop: the canvas itself, keeping role="img". On Tab, screen readers say what they
    // say in browse mode, "<title>（折れ線グラフ）, image" then the summary and, with points, the
    // key hint (aria-describedby). Not role="application" (it takes every key away from screen
    // reader users); not a focusable role="group" around the img (a "grouping" of the same name:
    // the title twice, the summary not on focus). Arrow keys move a ring over the points; each
    // point's pointText() goes to a polite status region, the same words as tooltip and table.
    const plot = el('div', 'plot');
    // KPI and progress need far less height than a chart; the page's --indicator-chart-height still wins.
    if (page.heightHint) plot.style.height = `var(--indicator-chart-height, ${Number(page.heightHint)}px)`;
    plot.setAttribute('part', 'plot');
    const canvas = el('canvas');
    canvas.setAttribute('role', 'img');
    canvas.setAttribute('aria-label', page.altText || page.title || '');
    canvas.tabIndex = 0;
    const desc = el('p', 'vh', page.description || '');
    desc.id = id + '-desc';
    canvas.setAttribute('aria-describedby', desc.id);
    const keys = el('p', null, t.keys);
    keys.id = id + '-keys';
    keys.hidden = true; // read only as part of the description
    const ring = el('div', 'ring');
    const tip = el('div', 'tip');
    for (const n of [ring, tip]) { n.hidden = true; n.setAttribute('aria-hidden', 'true'); }
    tip.setAttribute('part', 'tooltip');
    const live = el('div', 'vh');
    live.setAttribute('role', 'status');
    plot.append(canvas, ring, tip, desc, keys, live);
    this.listen(plot, canvas, tip);

    const foot = el('div', 'footer');
    foot.setAttribute('part', 'footer');
    const notes = Array.isArray(page.notes) ? page.notes.filter((n) => n != null && n !== '') : [];
    if (notes.length) {
      const ul = el('ul', 'notes');
      for (const n of notes) ul.append(el('li', null, n));
      foot.append(ul);
    }
    const source = this.sourceLine(page);
    if (source) foot.append(source);
    const dates = [page.asOfText, page.updatedText].filter(Boolean);
    if (dates.length) foot.append(el('p', 'dates', dates.join('　')));

    fig.append(cap, plot);
    const data = this.dataTable(page);
    if (data) fig.append(data);
    if (foot.childNodes.length) fig.append(foot);

    // Swap in one go; observers follow the new plot area. A reader inside the old chart
    // (focus on it, table open) finds the new one in the same state.
    const hadFocus = !!this.canvas && this.root.activeElement === this.canvas;
    const wasOpen = !!this.root.querySelector('details[open]');
    this.teardownObservers();
    this.clearNotice();
    this.hideTip();
    for (const n of [...this.root.children]) if (n.localName !== 'style') n.remove();
    this.root.append(fig);
    Object.assign(this, { plot, canvas, ring, tip, live, type, pts: [], sel: null, keyed: false, hovering: false, wrap: null });
    this.painted = false;
    this.drawn = '';
    this.size = null;
    this.observe();
    if (wasOpen && data) data.querySelector('details').open = true;
    if (hadFocus) canvas.focus({ preventScroll: true });
  }

  // ---- points: keyboard, pointer, tooltip, status region ---------------------------
  // pts: chart.points() of the last paint. sel: the keyboard point, tipAt: the tooltip's point
  // ({series, index}, so both survive redraws); keyed: the ring is showing.

  listen(plot, canvas, tip) {
    const on = (n, type, fn) => n.addEventListener(type, (e) => { if (this.canvas === canvas) fn.call(this, e); });
    on(canvas, 'keydown', this.onKey);
    // Keyboard focus shows (and says) the point last visited; a click shows its own point.
    on(canvas, 'focus', () => { if (this.pts.length && canvas.matches(':focus-visible')) this.go(this.current(), true); });
    on(canvas, 'blur', () => {
      this.keyed = false;
      this.ring.hidden = true;
      if (!this.hovering) this.hideTip();
    });
    on(plot, 'pointermove', (e) => {
      if (e.pointerType === 'touch' || tip.contains(e.target)) return;
      this.hovering = true;
      // Where no point answers, the tooltip stays: the pointer can travel onto it (1.4.13).
      const k = this.hit(e);
      const key = this.key(this.pts[k]);
      if (key && key !== this.key(this.tipAt) && key !== this.dismissed) this.showTip(k);
    });
    on(plot, 'pointerdown', (e) => {
      if (tip.contains(e.target)) return;
      const k = this.hit(e);
      if (k < 0) return this.hideTip();
      this.sel = this.pts[k];
      this.showTip(k);
      if (this.keyed) this.place(this.ring, this.sel);
    });
    on(plot, 'pointerleave', (e) => {
      if (e.pointerType === 'touch') return; // a tap's tooltip stays until dismissed
      this.hovering = false;
      this.dismissed = null;
      if (this.keyed) this.go(this.current(), false);
      else this.hideTip();
    });
  }

  /** Position in `pts` of the point under a pointer event, or -1. */
  hit(e) {
    if (!this.pts.length) return -1;
    const r = this.canvas.getBoundingClientRect();
    try { return this.chart.pointAt(e.clientX - r.left, e.clientY - r.top); } catch (_) { return -1; }
  }

  key(p) { return p ? p.series + ':' + p.index : null; }

  /** Position in `pts` of `p`'s series and category, else that series' nearest category, else -1. */
  find(p) {
    let best = -1;
    if (p) this.pts.forEach((q, k) => {
      if (q.series === p.series && (best < 0 || Math.abs(q.index - p.index) < Math.abs(this.pts[best].index - p.index))) best = k;
    });
    return best;
  }

  current() { return Math.max(0, this.find(this.sel)); }

  onKey(e) {
    if (e.key === 'Escape') {
      if (this.tip.hidden) return; // nothing to close: the page may use Esc
      this.dismiss();
      e.preventDefault();
      e.stopPropagation(); // closes the tooltip, not a dialog around the chart
      return;
    }
    const pts = this.pts;
    if (!pts.length || e.altKey || e.ctrlKey || e.metaKey) return;
    // Left/Right along a series, Up/Down across series at the same category (turned round for
    // horizontal bars, whose categories run downwards); Home/End; PageUp/PageDown by 10%.
    const bar = this.type === 'bar';
    const move = {
      ArrowRight: bar ? 's1' : 1, ArrowLeft: bar ? 's-1' : -1, ArrowDown: bar ? 1 : 's1', ArrowUp: bar ? -1 : 's-1',
      Home: -1e9, End: 1e9, PageDown: 'p1', PageUp: 'p-1',
    }[e.key];
    if (move === undefined) return;
    e.preventDefault();
    let k = this.current();
    const p = pts[k];
    const by = typeof move === 'string' ? +move.slice(1) : move;
    if (move[0] === 's') {
      const all = [...new Set(pts.map((q) => q.series))];
      const s = all[Math.max(0, Math.min(all.length - 1, all.indexOf(p.series) + by))];
      k = this.find({ series: s, index: p.index });
    } else {
      const line = [];
      pts.forEach((q, j) => { if (q.series === p.series) line.push(j); });
      const at = line.indexOf(k) + (move[0] === 'p' ? by * Math.max(1, Math.round(line.length / 10)) : by);
      k = line[Math.max(0, Math.min(line.length - 1, at))];
    }
    this.go(k, true);
  }

  /** Makes point `k` the keyboard point: ring, tooltip and (when `say`) the status region. */
  go(k, say) {
    const p = (this.sel = this.pts[k]);
    if (!p) return;
    this.keyed = true;
    this.place(this.ring, p);
    this.ring.hidden = false;
    const text = this.showTip(k);
    if (say) {
      // Emptied first, so that the same words (a key pressed at either end) are said again.
      this.live.textContent = '';
      clearTimeout(this.sayT);
      this.sayT = setTimeout(() => { if (this.live) this.live.textContent = text; }, 50);
    }
  }

  /** Puts `node`'s top left (the ring's centre) on `p`, on whole device pixels. */
  place(node, p) {
    const d = window.devicePixelRatio || 1;
    node.style.left = Math.round(p.x * d) / d + 'px';
    node.style.top = Math.round(p.y * d) / d + 'px';
  }

  /** Shows point `k`'s words, as plain text, above it or (no room) below, inside the plot. */
  showTip(k) {
    const p = this.pts[k];
    const tip = this.tip;
    let text = '';
    try { text = this.chart.pointText(p.series, p.index); } catch (_) { /* nothing to show */ }
    tip.textContent = text;
    tip.hidden = !text;
    this.tipAt = text ? p : null;
    this.dismissed = null;
    if (!text) return text;
    tip.style.left = tip.style.top = '0px';
    // Beside the point along the value axis (above a column, right of a bar), 16 px clear of
    // the ring; on the other side when there is no room; always inside the plot.
    const size = [tip.offsetWidth, tip.offsetHeight];
    const room = [this.plot.clientWidth, this.plot.clientHeight];
    const at = [p.x, p.y];
    const v = this.type === 'bar' ? 0 : 1; // the axis the tooltip moves along
    const c = (n, x) => Math.max(0, Math.min(room[n] - size[n], x));
    const xy = [];
    xy[1 - v] = c(1 - v, at[1 - v] - size[1 - v] / 2);
    const before = at[v] - 16 - size[v];
    const after = at[v] + 16;
    xy[v] = v ? (before >= 0 ? before : after + size[v] <= room[v] ? after : c(v, before))
      : (after + size[v] <= room[v] ? after : before >= 0 ? before : c(v, after));
    this.place(tip, { x: xy[0], y: xy[1] });
    // Esc closes a hover tooltip wherever focus is (1.4.13 dismissible).
    document.addEventListener('keydown', this.onDocKey);
    return text;
  }

  hideTip() {
    if (this.tip) this.tip.hidden = true;
    this.tipAt = null;
    document.removeEventListener('keydown', this.onDocKey);
  }

  /** Esc: the tooltip closes and stays closed on that point until the pointer moves to another. */
  dismiss() {
    const key = this.key(this.tipAt);
    this.hideTip();
    this.dismissed = key;
  }

  onDocKey = (e) => { if (e.key === 'Escape' && this.tip && !this.tip.hidden) this.dismiss(); };

  /** After a paint: the points' new places; the ring and the tooltip follow their points. */
  track() {
    let pts = [];
    try {
      pts = Array.from(this.chart.points());
      // A point with nothing to say is no stop (checked when the first says nothing: cheap).
      const says = (p) => this.chart.pointText(p.series, p.index);
      if (pts.length && !says(pts[0])) pts = pts.filter(says);
    } catch (_) { pts = []; /* a pkg without points() */ }
    this.pts = pts;
    this.scrollable();
    const d = this.canvas.getAttribute('aria-describedby').split(' ')[0];
    this.canvas.setAttribute('aria-describedby', pts.length ? d + ' ' + this.id + '-keys' : d);
    const k = this.find(this.sel);
    if (this.keyed && k >= 0) this.place(this.ring, pts[k]);
    else this.ring.hidden = true;
    const t = this.find(this.tipAt);
    if (this.tipAt && t >= 0) this.showTip(t);
    else this.hideTip();
  }

  /** A closed disclosure with every plotted value as a real table, built when first opened,
   *  and a CSV download of the same table. */
  dataTable(page) {
    const chart = this.chart;
    if (!chart || typeof chart.table !== 'function') return null;
    const t = this.text(page);
    const row = el('div', 'actions');
    const box = el('details', 'data');
    box.setAttribute('part', 'data');
    box.append(el('summary', null, t.table));
    box.addEventListener('toggle', () => {
      if (!box.open || chart !== this.chart) return;
      if (box.childElementCount > 1) { this.scrollable(); return; }
      let t;
      try { t = chart.table(); } catch (_) { return; }
      const table = el('table');
      const caption = el('caption', null, t.caption);
      caption.id = this.id + '-caption';
      table.append(caption);
      const head = el('tr');
      for (const h of t.header || []) {
        const th = el('th', null, h);
        th.scope = 'col';
        head.append(th);
      }
      const thead = el('thead');
      thead.append(head);
      const tbody = el('tbody');
      for (const row of t.rows || []) {
        const tr = el('tr');
        row.forEach((cell, i) => {
          const c = el(i ? 'td' : 'th', null, cell);
          if (!i) c.scope = 'row';
          tr.append(c);
        });
        tbody.append(tr);
      }
      table.append(thead, tbody);
      const wrap = (this.wrap = el('div', 'table'));
      wrap.append(table);
      box.append(wrap);
      this.scrollable();
      const footnotes = Array.isArray(t.footnotes) ? t.footnotes : [];
      if (footnotes.length) {
        const ul = el('ul', 'table-notes');
        for (const f of footnotes) ul.append(el('li', null, f));
        box.append(ul);
      }
    });
    const csv = el('button', 'csv', t.csv);
    csv.type = 'button';
    csv.setAttribute('part', 'csv');
    // Short names, and which chart they belong to as their description (a page has many).
    for (const n of [box.firstChild, csv]) n.setAttribute('aria-describedby', this.id + '-title');
    csv.addEventListener('click', () => { if (chart === this.chart) this.download(page.title); });
    row.append(box, csv);
    return row;
  }

  /**
   * A table wider than the chart scrolls inside its own region, which keyboard users must be
   * able to reach (and hear named); a table that fits stays plain, its caption said once.
   */
  scrollable() {
    const w = this.wrap;
    if (!w || !w.isConnected || !w.clientWidth) return;
    const wide = w.scrollWidth > w.clientWidth + 1;
    if (wide === (w.tabIndex === 0)) return;
    if (wide) {
      w.tabIndex = 0;
      w.setAttribute('role', 'group');
      w.setAttribute('aria-labelledby', this.id + '-caption');
    } else {
      for (const a of ['tabindex', 'role', 'aria-labelledby']) w.removeAttribute(a);
    }
  }

  /**
   * Saves the data table as CSV: UTF-8 with a BOM (so Excel reads Japanese), CRLF, quoted
   * where needed, and a label that a spreadsheet would run as a formula (=, +, -, @) made
   * text. A Blob URL, so it works under the strictest CSP.
   */
  download(title) {
    let t;
    try { t = this.chart.table(); } catch (_) { return; }
    const cell = (v) => {
      let s = v == null ? '' : String(v).replace(/^\u2212(?=[\d.,]+%?$)/, '-'); // − as a spreadsheet's minus
      if (/^[=+\-@\t\r]/.test(s) && s !== '-' && !/^[-+]?[\d,.]*\d[\d,.]*%?$/.test(s)) s = "'" + s;
      return /[",\r\n]|^\s|\s$/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
    };
    // `raw` has unformatted numbers (98520000, not 9,852万) so spreadsheets can compute with them.
    const table = Array.isArray(t.raw) && t.raw.length ? t.raw : [t.header || [], ...(t.rows || [])];
    const lines = table.map((r) => r.map(cell).join(','));
    const url = URL.createObjectURL(new Blob(['\uFEFF' + lines.join('\r\n') + '\r\n'], { type: 'text/csv;charset=utf-8' }));
    const a = el('a');
    a.href = url;
    a.download = (String(title || '').replace(/[\\/:*?"<>|\u0000-\u001f\u007f]+/g, '_').replace(/^[\s._]+|[\s._]+$/g, '').slice(0, 80) || 'chart') + '.csv';
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 30_000);
  }

  /**
   * Light or dark: fixed by the spec, or (`auto`) following the reader's
   * prefers-color-scheme, live. The canvas is redrawn in the matching theme.
   */
  watchScheme(scheme) {
    if (this.schemeQuery) this.schemeQuery.removeEventListener('change', this.onScheme);
    this.schemeQuery = null;
    const apply = (dark) => {
      if (this.figure) this.figure.classList.toggle('dark', dark);
      if (this.chart && typeof this.chart.setColorScheme === 'function') this.chart.setColorScheme(dark);
      this.drawn = '';
    };
    if (scheme === 'auto' && typeof matchMedia === 'function') {
      this.schemeQuery = matchMedia('(prefers-color-scheme: dark)');
      this.onScheme = () => { apply(this.schemeQuery.matches); this.schedule(); };
      this.schemeQuery.addEventListener('change', this.onScheme);
      apply(this.schemeQuery.matches);
    } else {
      apply(scheme === 'dark');
    }
  }

  sourceLine(page) {
    const line = page.sourceLine || (page.sourceLabel ? this.text(page).source + page.sourceLabel : '');
    if (!line) return null;
    const p = el('p', 'source');
    const url = page.sourceUrl;
    if (!url || !/^https?:\/\//i.test(url)) {
      p.textContent = line;
      return p;
    }
    const a = el('a');
    a.href = url;
    const label = page.sourceLabel;
    const at = label ? line.indexOf(label) : -1;
    if (at >= 0) {
      a.textContent = label;
      p.append(document.createTextNode(line.slice(0, at)), a, document.createTextNode(line.slice(at + label.length)));
    } else {
      a.textContent = url;
      p.append(document.createTextNode(line + ' '), a);
    }
    return p;
  }

  applyHeadingLevel() {
    if (!this.titleEl) return;
    const h = this.host;
    const raw = h.getAttribute(h.localName === TAG ? 'heading-level' : 'data-heading-level');
    const n = Math.round(Number(raw));
    this.titleEl.setAttribute('aria-level', String(n >= 1 && n <= 6 ? n : 3));
  }

  observe() {
    if (typeof ResizeObserver === 'function') {
      this.ro = new ResizeObserver((entries) => {
        const entry = entries[entries.length - 1];
        const r = entry.contentRect;
        // Exact device pixels where the browser reports them, so the backing store maps 1:1
        // onto the screen even at fractional ratios (125%, 150% zoom): no resampling blur.
        const device = entry.devicePixelContentBoxSize && entry.devicePixelContentBoxSize[0];
        this.size = { w: r.width, h: r.height, dw: device ? device.inlineSize : 0, dh: device ? device.blockSize : 0 };
        this.schedule();
      });
      try {
        this.ro.observe(this.plot, { box: 'device-pixel-content-box' });
      } catch (_) {
        this.ro.observe(this.plot); // browsers without device-pixel boxes
      }
    }
    this.watchDpr();
  }

  watchDpr() {
    if (this.mql) this.mql.removeEventListener('change', this.onDpr);
    this.mql = null;
    if (typeof matchMedia !== 'function') return;
    this.onDpr = this.onDpr || (() => { this.watchDpr(); this.schedule(); });
    this.mql = matchMedia(`(resolution: ${window.devicePixelRatio || 1}dppx)`);
    this.mql.addEventListener('change', this.onDpr);
  }

  schedule() {
    if (this.frame || this.dead) return;
    this.frame = requestAnimationFrame(() => { this.frame = 0; this.paint(false); });
  }

  /**
   * Draws at the plot's size; `now` measures synchronously (used right after a new chart).
   * Returns the ChartError when drawing failed (already shown), else null.
   */
  paint(now) {
    if (!this.chart || !this.canvas || this.dead) return null;
    let size = this.size;
    if (now || !size) {
      // Skipped content (closed <details>, content-visibility) waits for the ResizeObserver.
      if (this.plot.checkVisibility && !this.plot.checkVisibility()) return null;
      const r = this.plot.getBoundingClientRect();
      size = { w: r.width, h: r.height };
    }
    const dpr = window.devicePixelRatio || 1;
    // Whole device pixels: the browser's own count when it is current, else the CSS size
    // × DPR rounded down (never larger than the box). The CSS size is then derived from it,
    // so the backing store maps 1:1 onto device pixels at any ratio.
    const current = size.dw > 0 && size.dh > 0 && Math.abs(size.dw / dpr - size.w) < 1;
    const dw = current ? size.dw : Math.floor(size.w * dpr + 1e-6);
    const dh = current ? size.dh : Math.floor(size.h * dpr + 1e-6);
    if (dw <= 0 || dh <= 0) return null; // hidden: the ResizeObserver calls again when shown
    const w = dw / dpr;
    const h = dh / dpr;
    const key = `${w}x${h}@${dpr}`;
    if (key === this.drawn) return null;
    try {
      this.chart.draw(this.canvas, w, h, dpr);
    } catch (e) {
      const err = toChartError(e);
      this.drawn = '';
      this.fail(err, null, this.painted);
      return err;
    }
    this.canvas.style.width = w + 'px';
    this.canvas.style.height = h + 'px';
    this.drawn = key;
    this.painted = true;
    this.track();
    emit(this.host, 'indicator-chart:rendered', { width: w, height: h, dpr });
    return null;
  }

  teardownObservers() {
    if (this.ro) { this.ro.disconnect(); this.ro = null; }
    if (this.schemeQuery) { this.schemeQuery.removeEventListener('change', this.onScheme); this.schemeQuery = null; }
    if (this.mql) { this.mql.removeEventListener('change', this.onDpr); this.mql = null; }
    if (this.frame) { cancelAnimationFrame(this.frame); this.frame = 0; }
  }

  teardownChart() {
    this.teardownObservers();
    if (this.chart) { try { this.chart.free(); } catch (_) { /* already freed */ } }
    this.hideTip();
    clearTimeout(this.sayT);
    this.chart = null;
    this.painted = false;
    this.pts = [];
    this.plot = this.canvas = this.ring = this.tip = this.live = this.titleEl = this.notice = this.figure = null;
  }

  destroy() {
    if (this.dead) return;
    this.dead = true;
    this.seq++;
    if (this.abort) { this.abort.abort(); this.abort = null; }
    this.teardownChart();
    this.root.replaceChildren();
    if ('adoptedStyleSheets' in this.root) this.root.adoptedStyleSheets = [];
    if (this.host[OWNER] === this) delete this.host[OWNER];
    divs.delete(this.host);
  }
}

function controllerFor(host) {
  const c = host[OWNER];
  if (c && !c.dead) return c;
  return (host[OWNER] = new Controller(host));
}

// ---- the JS API -------------------------------------------------------------

function handle(c) {
  return {
    element: c.host,
    async update(spec) {
      if (c.dead) throw new ChartError('destroyed');
      const err = await c.load(() => spec);
      if (err) throw err;
      return this;
    },
    destroy() { c.destroy(); },
  };
}

/**
 * Renders `spec` (a plain object, as from JSON.parse) into `element`. Resolves to
 * `{ update(spec), destroy() }`; rejects with an Error carrying `.path` when the spec
 * cannot be shown (the element then shows the error too).
 */
export async function render(element, spec) {
  if (!element || typeof element.attachShadow !== 'function') throw new TypeError('render(element, spec): element must be an HTML element');
  const c = controllerFor(element);
  const h = handle(c);
  await h.update(spec);
  return h;
}

// ---- <indicator-chart> --------------------------------------------------------

const Base = typeof HTMLElement === 'function' ? HTMLElement : class {};

export class IndicatorChartElement extends Base {
  static get observedAttributes() { return ['src', 'heading-level']; }

  connectedCallback() {
    if (this[OWNER] && !this[OWNER].dead) return; // moved within the document
    whenParsed(this, () => {
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
function whenParsed(node, fn) {
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', fn, { once: true });
  } else {
    fn();
  }
}

// ---- <div data-indicator-chart> -------------------------------------------------

const divs = new Set();
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
