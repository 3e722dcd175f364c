// One chart on one host element: loading its spec, the figure around the canvas, painting at
// the size and pixel ratio the browser reports, errors, colour scheme and teardown.
import { el, emit, inlineSpecText } from './dom.js';
import { adoptStyles, applyTheme } from './style.js';
import { ChartError, textFor, toChartError } from './messages.js';
import { loadLive, loadMap, loadPkg, loadShapes } from './pkg.js';
import { plainValues } from './values.js';
import { Points } from './points.js';
import { dataControls, markScrollable, saveFile } from './table.js';

export const TAG = 'indicator-chart';
export const OWNER = Symbol.for('indicator-chart.controller');

let uid = 0;

export class Controller {
  constructor(host, onDestroy) {
    this.host = host;
    this.onDestroy = onDestroy;
    this.root = host.shadowRoot || host.attachShadow({ mode: 'open' });
    this.root.replaceChildren();
    adoptStyles(this.root);
    this.chart = null;      // wasm Chart currently shown
    this.page = null;       // its pageText()
    this.points = null;     // keyboard, pointer and tooltip for its points
    this.painted = false;   // has the current chart reached the canvas?
    this.seq = 0;           // bumps on every load; stale results are dropped
    this.abort = null;
    this.size = null;       // last content-box size from the ResizeObserver
    this.drawn = '';        // "w×h@dpr" of the last paint
    this.frame = 0;
    this.dead = false;
    this.feed = null;       // the live-data feed of a spec with `data` (www/src/live.js)
    this.source = null;     // { spec, text, base } of the current spec, for refreshes
    this.id = 'ic' + ++uid;
    this.root.append(el('div', 'loading'));
  }

  /** The page's language where the chart sits (its nearest `lang`), passed to Rust. */
  get lang() {
    const l = this.host.closest('[lang]');
    return l ? l.getAttribute('lang') : '';
  }

  /** The loader's words in the chart's language: Rust's answer once there is one. */
  words(locale) {
    return textFor(locale || (this.page && this.page.locale) || this.lang);
  }

  /** Reads the spec from the element (src attribute, data-src, or inline JSON). */
  loadFromElement() {
    const h = this.host;
    const src = h.localName === TAG ? h.getAttribute('src') : h.getAttribute('data-src');
    if (src) return this.load(() => this.fetchSpec(src));
    const inline = inlineSpecText(h);
    if (inline != null) return this.load(() => ({ ...this.parse(inline), base: document.baseURI }));
    return this.load(() => { throw new ChartError(this.words().nospec); });
  }

  async fetchSpec(url) {
    const t = this.words();
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
    // A data file named relative to the spec is found beside it, as the CLI finds it.
    return { ...this.parse(body), base: new URL(url, document.baseURI).href };
  }

  /** JSON text → `{ spec, text }`: the text goes to Rust too, which refuses a key written
   *  twice (JSON.parse keeps the last one silently). */
  parse(text) {
    try {
      return { spec: JSON.parse(text), text };
    } catch (e) {
      throw new ChartError(this.words().json(e.message));
    }
  }

  /**
   * Loads a spec (from `getSpec`, sync or async: `{ spec, text, base }`, `text` the JSON it
   * was parsed from, or undefined for an object from render(); `base` the URL its data file
   * is relative to) and shows it. A spec with `data` first has its file fetched and its
   * figures written in by the live-data module. Never rejects: resolves to null on success
   * (or when superseded) and to the ChartError otherwise; the error is already shown in the
   * element (as a notice above a chart it had) and announced by an event.
   */
  async load(getSpec) {
    const seq = ++this.seq;
    // A new spec: the old one's data file is no longer refreshed (before any await, so that
    // a refresh due meanwhile cannot bring the old spec back).
    if (this.feed) { this.feed.destroy(); this.feed = null; }
    this.source = null;
    try {
      const pending = getSpec();
      // The wasm downloads while a fetched spec does (one page load for every chart on the
      // page). A spec already in hand says which build it needs: a map page fetches no chart wasm.
      if (pending && typeof pending.then === 'function') loadPkg().catch(() => {});
      const source = await pending;
      if (seq !== this.seq) return null;
      this.source = source;
      return await this.show(seq, source, false);
    } catch (e) {
      return this.failed(seq, e);
    }
  }

  /** Fetches the data file again (`refresh` or `chart.refresh()`); a 304 changes nothing. */
  async refreshData() {
    if (!this.source || !this.feed || this.dead) return null;
    const seq = ++this.seq;
    try {
      return await this.show(seq, this.source, true);
    } catch (e) {
      return this.failed(seq, e);
    }
  }

  async show(seq, { spec, text, base }, refresh) {
    let m;
    let shown = spec;
    try {
      // The live-data parts download beside the chart wasm, not after it.
      const livePromise = isDataSpec(spec) && !this.feed ? loadLive() : null;
      if (livePromise) livePromise.catch(() => {}); // awaited below; never an unhandled rejection
      m = await (spec && spec.type === 'map' ? loadMap() : loadPkg());
      if (livePromise) {
        const live = await livePromise;
        if (seq !== this.seq) return null;
        const attr = this.host.getAttribute(this.host.localName === TAG ? 'refresh' : 'data-refresh');
        // The element's `refresh` attribute wins; Rust checks it as the spec's `refresh`.
        const withRefresh = attr ? { ...spec, refresh: Number(attr) } : spec;
        this.feed = new live.Feed({ pkg: live.pkg, spec: withRefresh, base: base || document.baseURI, lang: this.lang, onRefresh: () => this.refreshData() });
      }
    } catch (e) {
      if (e && typeof e.path === 'string') throw e; // Rust's refusal of `data`
      throw new ChartError(this.words().wasm((e && e.message) || String(e)));
    }
    if (seq !== this.seq) return null;
    const feed = this.feed;
    let next = null;
    try {
      if (feed) {
        shown = await feed.fetchFilled({ conditional: refresh });
        if (seq !== this.seq || this.dead) return null;
        if (shown === null) {
          // 304, or the same file again: the figures shown are current.
          feed.succeeded();
          if (this.notice && this.notice.classList.contains('stale')) this.clearNotice();
          return null;
        }
      }
      next = new m.Chart(plainValues(shown), this.lang, text);
      if (next.needsGeometry && next.needsGeometry()) {
        // A geo map: the shapes, fetched once a page, handed to the chart already made.
        try { await loadShapes(m); } catch (e) { throw new ChartError(this.words().shapes((e && e.message) || String(e))); }
        next.attachGeometry();
      }
      const page = next.pageText();
      if (seq !== this.seq) { next.free(); return null; }
      const prev = this.chart;
      this.chart = next;
      next = null;
      this.build(page);
      if (prev) prev.free();
    } catch (e) {
      if (next) try { next.free(); } catch (_) { /* already gone */ }
      // The file could not be fetched or read, or its figures make no chart: the feed's to say.
      throw feed ? new DataFailure(e) : e;
    }
    if (feed) {
      feed.succeeded();
      if (refresh) this.announce(feed.updatedText(this.page.locale));
    }
    return this.paint(true);
  }

  failed(seq, e) {
    const data = e instanceof DataFailure && this.feed;
    if (e instanceof DataFailure) e = e.cause;
    const err = toChartError(e);
    if (seq !== this.seq || this.dead) return null;
    if (data) {
      // A data file that could not be fetched or read: the figures shown stay, and the
      // feed retries with backoff.
      err.locale = err.locale || this.feed.locale;
      const info = this.feed.failed(e, err.locale);
      err.message = info.message;
      err.stale = info.stale && !!this.chart;
      if (err.stale) err.head = info.head;
    }
    this.fail(err, !!this.chart);
    return err;
  }

  /** Shows `err`: as a notice above the chart when `keep`, else instead of it. Never throws.
   *  The same message again (a retry that fails as the last one did) is neither shown nor
   *  announced again. */
  fail(err, keep) {
    try {
      const shown = keep ? this.notice : this.root.querySelector('.error');
      if (shown && shown.isConnected && shown.dataset.message === err.message) return;
      const t = this.words(err.locale);
      const box = el('div', 'error');
      box.setAttribute('role', 'alert');
      box.lang = err.locale || (keep && this.page && this.page.locale) || this.lang || 'ja';
      if (err.stale) { box.setAttribute('role', 'status'); box.classList.add('stale'); }
      box.dataset.message = err.message;
      box.append(el('p', 'head', err.head || (keep ? t.refresh : t.head)), el('p', 'message', err.message));
      if (keep) {
        this.clearNotice();
        this.notice = box;
        // Stale figures: the notice sits in the figure, in the chart's own colours (it is
        // not the chart failing, only its latest data).
        if (err.stale && this.figure) this.figure.prepend(box);
        else this.root.prepend(box);
      } else {
        this.teardownChart();
        this.clearContent();
        this.root.append(box);
      }
      emit(this.host, 'indicator-chart:error', { message: err.message, path: err.path, stale: !!err.stale });
    } catch (_) { /* never let a display problem escape as an unhandled rejection */ }
  }

  /** Removes everything but the stylesheet and the announcer (it must outlive each build to be heard). */
  clearContent() {
    for (const n of [...this.root.children]) if (n.localName !== 'style' && n !== this.announcer) n.remove();
  }

  /** Says `text` once, politely, in a live region that stays across rebuilds. */
  announce(text) {
    if (!this.announcer) {
      this.announcer = el('div', 'vh');
      this.announcer.setAttribute('role', 'status');
      this.root.append(this.announcer);
    }
    this.announcer.textContent = '';
    // A change after the region exists is what screen readers announce.
    setTimeout(() => { if (this.announcer) this.announcer.textContent = text; }, 50);
  }

  clearNotice() {
    if (this.notice) { this.notice.remove(); this.notice = null; }
  }

  /** Replaces the shadow content with the figure for `page` (the chart's pageText()). */
  build(page) {
    const t = this.words(page.locale);
    const id = this.id;
    const chart = this.chart;
    const fig = el('figure', 'chart');
    fig.setAttribute('part', 'figure');
    // Named by the title alone (the figcaption would run title and subtitle together).
    fig.setAttribute('aria-labelledby', id + '-title');
    if (page.locale) fig.lang = page.locale;
    if (page.card !== false) fig.classList.add('card');

    const cap = el('figcaption', 'caption');
    const title = el('p', 'title', page.title || '');
    title.id = id + '-title';
    title.setAttribute('role', 'heading');
    title.setAttribute('part', 'title');
    cap.append(title);
    if (page.subtitle) cap.append(el('p', 'subtitle', page.subtitle));

    // One Tab stop: the canvas itself, keeping role="img". On Tab, screen readers say what they
    // say in browse mode, "<title>（折れ線グラフ）, image" then the summary and, with points, the
    // key hint (aria-describedby). Not role="application" (it takes every key away from screen
    // reader users); not a focusable role="group" around the img (a "grouping" of the same name:
    // the title twice, the summary not on focus). Arrow keys move a ring over the points; each
    // point's pointText() goes to a polite status region, the same words as tooltip and table.
    const plot = el('div', 'plot');
    // KPI and progress need far less height than a chart; the page's --indicator-chart-height still wins.
    if (page.heightHint) plot.style.height = `var(--indicator-chart-height, ${Number(page.heightHint)}px)`;
    // A map keeps its shape (Rust's aspect): as wide as the page allows, at most its height hint high.
    if (page.aspect) plot.style.cssText = `aspect-ratio:${Number(page.aspect)};height:auto;max-height:var(--indicator-chart-height,${Number(page.heightHint)}px)`;
    plot.setAttribute('part', 'plot');
    const canvas = el('canvas');
    canvas.setAttribute('role', 'img');
    canvas.setAttribute('aria-label', page.altText || page.title || '');
    canvas.tabIndex = 0;
    const desc = el('p', 'vh', page.description || '');
    desc.id = id + '-desc';
    canvas.setAttribute('aria-describedby', desc.id);
    // A map's arrows go to neighbouring prefectures (Rust's `compass`), so its hint says so.
    const keys = el('p', null, page.compass ? t.mapKeys : t.keys);
    keys.id = id + '-keys';
    keys.hidden = true; // read only as part of the description
    const ring = el('div', 'ring');
    const tip = el('div', 'tip');
    for (const n of [ring, tip]) { n.hidden = true; n.setAttribute('aria-hidden', 'true'); }
    tip.setAttribute('part', 'tooltip');
    const live = el('div', 'vh');
    live.setAttribute('role', 'status');
    plot.append(canvas, ring, tip, desc, keys, live);

    // The footer: the same lines the SVG export prints (pageText decides them).
    const foot = el('div', 'footer');
    foot.setAttribute('part', 'footer');
    const notes = Array.isArray(page.notes) ? page.notes : [];
    if (notes.length) {
      const ul = el('ul', 'notes');
      for (const n of notes) ul.append(el('li', null, n));
      foot.append(ul);
    }
    const source = sourceLine(page);
    if (source) foot.append(source);
    if (page.datesLine) foot.append(el('p', 'dates', page.datesLine));

    const size = () => ({ w: parseFloat(canvas.style.width) || 640, h: parseFloat(canvas.style.height) || 320 });
    this.fileSize = size;
    const data = dataControls({
      chart, words: t, id, page, size,
      current: () => chart === this.chart,
      onTable: (wrap) => { this.wrap = wrap; },
    });
    fig.append(cap, plot, data);
    if (foot.childNodes.length) fig.append(foot);

    // Swap in one go; observers follow the new plot area. A reader inside the old chart
    // (focus on it, table open) finds the new one in the same state.
    const hadFocus = !!this.canvas && this.root.activeElement === this.canvas;
    const wasOpen = !!this.root.querySelector('details[open]');
    const selected = this.points && this.points.sel;
    const keyed = !!(this.points && this.points.keyed);
    this.teardownObservers();
    this.clearNotice();
    if (this.points) this.points.teardown();
    this.clearContent();
    this.root.insertBefore(fig, this.announcer || null);
    this.page = page;
    this.figure = fig;
    this.titleEl = title;
    this.applyHeadingLevel();
    this.watchScheme(page.colorScheme);
    this.points = new Points({
      chart, plot, canvas, ring, tip, live, horizontal: !!page.horizontal, describedBy: desc.id, keysId: keys.id,
    });
    // The point the keyboard was on stays selected (new figures, same place in the chart).
    if (selected) this.points.sel = { series: selected.series, index: selected.index };
    Object.assign(this, { plot, canvas, wrap: null });
    this.painted = false;
    this.drawn = '';
    this.size = null;
    this.observe();
    if (wasOpen) data.querySelector('details').open = true;
    if (hadFocus) {
      // Focus stays where the reader was, and the ring on the point it was on (placed at the
      // first paint). Nothing is read out: the new canvas has no points before that paint,
      // and the update itself is announced once.
      canvas.focus({ preventScroll: true });
      this.points.keyed = keyed;
    }
  }

  /**
   * Light or dark: fixed by the spec, or (`auto`) following the reader's
   * prefers-color-scheme, live. The canvas is redrawn and the page text recoloured from the
   * theme of the matching scheme.
   */
  watchScheme(scheme) {
    if (this.schemeQuery) this.schemeQuery.removeEventListener('change', this.onScheme);
    this.schemeQuery = null;
    const apply = (dark) => {
      if (!this.chart || !this.figure) return;
      this.chart.setColorScheme(dark);
      this.figure.classList.toggle('dark', dark);
      applyTheme(this.figure, this.chart.colors(), this.page && this.page.fontFamily);
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
        // Observers run after layout and before paint: drawing now shows the new size in the
        // same frame (a frame later through requestAnimationFrame). The canvas' size does not
        // change the plot's box, so this cannot loop.
        if (this.frame) { cancelAnimationFrame(this.frame); this.frame = 0; }
        this.paint(false);
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

  /** Saves the chart shown as `kind` (csv, png, svg), as its own buttons do. */
  download(kind) {
    return this.chart && this.page && /^(csv|png|svg)$/.test(kind) ? saveFile(kind, this.chart, this.page, this.fileSize) : Promise.resolve();
  }

  /** Text widths were measured with a fallback font: measure again and redraw (web fonts). */
  remeasure() {
    if (!this.chart || this.dead) return;
    this.chart.forgetMeasurements();
    this.drawn = '';
    this.schedule();
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
      this.fail(err, this.painted);
      return err;
    }
    this.canvas.style.width = w + 'px';
    this.canvas.style.height = h + 'px';
    this.drawn = key;
    this.painted = true;
    this.points.track();
    markScrollable(this.wrap, this.id + '-caption');
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
    if (this.points) { this.points.teardown(); this.points = null; }
    if (this.chart) { try { this.chart.free(); } catch (_) { /* already freed */ } }
    this.chart = null;
    this.page = null;
    this.painted = false;
    this.plot = this.canvas = this.wrap = this.titleEl = this.notice = this.figure = null;
  }

  destroy() {
    if (this.dead) return;
    this.dead = true;
    this.seq++;
    if (this.abort) { this.abort.abort(); this.abort = null; }
    if (this.feed) { this.feed.destroy(); this.feed = null; }
    this.teardownChart();
    this.root.replaceChildren();
    if ('adoptedStyleSheets' in this.root) this.root.adoptedStyleSheets = [];
    if (this.host[OWNER] === this) delete this.host[OWNER];
    if (this.onDestroy) this.onDestroy(this);
  }
}

/** A failure of a chart's data file (fetching, reading, or charting its figures). */
class DataFailure {
  constructor(cause) { this.cause = cause; }
}

/** A spec whose figures come from a file (`data`), read by the live-data module. */
function isDataSpec(spec) {
  return !!spec && typeof spec === 'object' && spec.data != null;
}

/** 「出典：<a>ラベル</a>」: the source line with its label linked when there is an http(s) URL. */
function sourceLine(page) {
  const line = page.sourceLine;
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
