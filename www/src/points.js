// The chart's points for keyboard, pointer and screen reader: arrow keys move a focus ring
// from point to point, hover and tap show a tooltip, and each point's words (the chart's
// `pointText()`, the same as the tooltip and the table) go to a polite status region.

/** Puts `node`'s top left (the ring's centre) on `p`, on whole device pixels. */
function place(node, p) {
  const d = window.devicePixelRatio || 1;
  node.style.left = Math.round(p.x * d) / d + 'px';
  node.style.top = Math.round(p.y * d) / d + 'px';
}

const key = (p) => (p ? p.series + ':' + p.index : null);

export class Points {
  /**
   * `chart`: the wasm chart; `plot`, `canvas`, `ring`, `tip`, `live`: its elements;
   * `horizontal`: categories run down (bar charts), so arrows and tooltips turn round;
   * `describedBy`: the canvas' own description id, `keysId`: the key hint's id.
   */
  constructor({ chart, plot, canvas, ring, tip, live, horizontal, describedBy, keysId }) {
    Object.assign(this, { chart, plot, canvas, ring, tip, live, horizontal, describedBy, keysId });
    this.pts = new Stops(new Float64Array(0)); // chart.points() of the last paint
    this.sel = null;     // the keyboard point ({series, index}, so it survives redraws)
    this.tipAt = null;   // the tooltip's point
    this.keyed = false;  // the ring is showing
    this.hovering = false;
    this.dismissed = null;
    this.dead = false;
    this.onDocKey = (e) => { if (e.key === 'Escape' && !this.tip.hidden) this.dismiss(); };
    this.listen();
  }

  listen() {
    const { plot, canvas, tip } = this;
    const on = (n, type, fn) => n.addEventListener(type, (e) => { if (!this.dead) fn.call(this, e); });
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
      const at = key(this.pts.at(k));
      if (at && at !== key(this.tipAt) && at !== this.dismissed) this.showTip(k);
    });
    on(plot, 'pointerdown', (e) => {
      if (tip.contains(e.target)) return;
      const k = this.hit(e);
      if (k < 0) return this.hideTip();
      this.sel = this.pts.at(k);
      this.showTip(k);
      if (this.keyed) place(this.ring, this.sel);
    });
    on(plot, 'pointerleave', (e) => {
      if (e.pointerType === 'touch') return; // a tap's tooltip stays until dismissed
      this.hovering = false;
      this.dismissed = null;
      if (this.keyed) this.go(this.current(), false);
      else this.hideTip();
    });
  }

  /** After a paint: the points' new places; the ring and the tooltip follow their points. */
  track() {
    let pts = new Stops(new Float64Array(0));
    try {
      // One packed array from the wasm, [series, index, x, y] a point: no object per point.
      pts = new Stops(this.chart.points());
      // A point with nothing to say is no stop (checked when the first says nothing: cheap).
      const says = (k) => this.chart.pointText(pts.buf[4 * k], pts.buf[4 * k + 1]);
      if (pts.length && !says(0)) pts = pts.filter(says);
    } catch (_) { /* no stops */ }
    this.pts = pts;
    this.canvas.setAttribute('aria-describedby', pts.length ? this.describedBy + ' ' + this.keysId : this.describedBy);
    const k = this.find(this.sel);
    if (this.keyed && k >= 0) {
      place(this.ring, pts.at(k));
      this.ring.hidden = false; // a chart rebuilt under the keyboard (new figures) shows it again
    } else {
      this.ring.hidden = true;
    }
    const t = this.find(this.tipAt);
    if (this.tipAt && t >= 0) this.showTip(t);
    else this.hideTip();
  }

  /** Position in `pts` of the point under a pointer event, or -1. */
  hit(e) {
    if (!this.pts.length) return -1;
    const r = this.canvas.getBoundingClientRect();
    try { return this.chart.pointAt(e.clientX - r.left, e.clientY - r.top); } catch (_) { return -1; }
  }

  /** Position in `pts` of `p`'s series and category, else that series' nearest category, else -1. */
  find(p) {
    if (!p) return -1;
    const b = this.pts.buf;
    let best = -1;
    for (let k = 0; k < this.pts.length; k++) {
      if (b[4 * k] === p.series && (best < 0 || Math.abs(b[4 * k + 1] - p.index) < Math.abs(b[4 * best + 1] - p.index))) best = k;
    }
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
    const h = this.horizontal;
    const move = {
      ArrowRight: h ? 's1' : 1, ArrowLeft: h ? 's-1' : -1, ArrowDown: h ? 1 : 's1', ArrowUp: h ? -1 : 's-1',
      Home: -1e9, End: 1e9, PageDown: 'p1', PageUp: 'p-1',
    }[e.key];
    if (move === undefined) return;
    e.preventDefault();
    let k = this.current();
    // A map: arrows go to the neighbouring prefecture, as the wasm finds it (-2: not a map).
    const n = this.chart.neighbour?.(k, e.key) ?? -2;
    if (n > -2) return this.go(n >= 0 ? n : k, true);
    const p = pts.at(k);
    const by = typeof move === 'string' ? +move.slice(1) : move;
    if (move[0] === 's') {
      const all = pts.seriesList();
      const s = all[Math.max(0, Math.min(all.length - 1, all.indexOf(p.series) + by))];
      k = this.find({ series: s, index: p.index });
    } else {
      // A series' stops are one run of the array (reading order): step within it.
      const [first, last] = pts.run(k);
      const step = move[0] === 'p' ? by * Math.max(1, Math.round((last - first + 1) / 10)) : by;
      k = Math.max(first, Math.min(last, k + step));
    }
    this.go(k, true);
  }

  /** Makes point `k` the keyboard point: ring, tooltip and (when `say`) the status region. */
  go(k, say) {
    const p = (this.sel = this.pts.at(k));
    if (!p) return;
    this.keyed = true;
    place(this.ring, p);
    this.ring.hidden = false;
    const text = this.showTip(k);
    if (say) {
      // Emptied first, so that the same words (a key pressed at either end) are said again.
      this.live.textContent = '';
      clearTimeout(this.sayT);
      this.sayT = setTimeout(() => { if (!this.dead) this.live.textContent = text; }, 50);
    }
  }

  /** Shows point `k`'s words, as plain text, beside it along the value axis, inside the plot. */
  showTip(k) {
    const p = this.pts.at(k);
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
    const v = this.horizontal ? 0 : 1; // the axis the tooltip moves along
    const c = (n, x) => Math.max(0, Math.min(room[n] - size[n], x));
    const xy = [];
    xy[1 - v] = c(1 - v, at[1 - v] - size[1 - v] / 2);
    const before = at[v] - 16 - size[v];
    const after = at[v] + 16;
    xy[v] = v ? (before >= 0 ? before : after + size[v] <= room[v] ? after : c(v, before))
      : (after + size[v] <= room[v] ? after : before >= 0 ? before : c(v, after));
    place(tip, { x: xy[0], y: xy[1] });
    // Esc closes a hover tooltip wherever focus is (1.4.13 dismissible).
    document.addEventListener('keydown', this.onDocKey);
    return text;
  }

  hideTip() {
    this.tip.hidden = true;
    this.tipAt = null;
    document.removeEventListener('keydown', this.onDocKey);
  }

  /** Esc: the tooltip closes and stays closed on that point until the pointer moves to another. */
  dismiss() {
    const at = key(this.tipAt);
    this.hideTip();
    this.dismissed = at;
  }

  /** The chart is replaced or gone: no more timers, listeners or announcements. */
  teardown() {
    this.hideTip();
    clearTimeout(this.sayT);
    this.dead = true;
  }
}

/**
 * The keyboard's stops of one paint: the wasm's packed `[series, index, x, y, …]`, read in
 * place (a million points are one array, not a million objects). Points of a series are one
 * run, in category order.
 */
export class Stops {
  constructor(buf) {
    this.buf = buf;
    this.length = Math.floor(buf.length / 4);
  }

  /** Stop `k` as `{ series, index, x, y }`, or undefined. */
  at(k) {
    if (!(k >= 0 && k < this.length)) return undefined;
    const b = this.buf;
    return { series: b[4 * k], index: b[4 * k + 1], x: b[4 * k + 2], y: b[4 * k + 3] };
  }

  /** The stops for which `keep(k)` is true. */
  filter(keep) {
    const out = [];
    for (let k = 0; k < this.length; k++) if (keep(k)) out.push(...this.buf.subarray(4 * k, 4 * k + 4));
    return new Stops(Float64Array.from(out));
  }

  /** The series that have stops, in order. */
  seriesList() {
    const out = [];
    for (let k = 0; k < this.length; k++) if (out[out.length - 1] !== this.buf[4 * k]) out.push(this.buf[4 * k]);
    return out;
  }

  /** First and last stop of the run (series) that stop `k` is in. */
  run(k) {
    const s = this.buf[4 * k];
    let first = k;
    let last = k;
    while (first > 0 && this.buf[4 * (first - 1)] === s) first--;
    while (last < this.length - 1 && this.buf[4 * (last + 1)] === s) last++;
    return [first, last];
  }

  /** Every stop as an object (for tests and tools: `chart.points()`). */
  toArray() {
    const out = [];
    for (let k = 0; k < this.length; k++) out.push(this.at(k));
    return out;
  }
}
