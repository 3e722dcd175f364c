// The chart's data as a real table behind a disclosure, and the same table as a CSV download.
import { el } from './dom.js';

/** A file name from a chart's title and 時点 (「…_2025年7月時点.png」): no path or reserved
 *  characters, at most 80 characters before the extension. */
export function fileName(title, asOf, ext) {
  const raw = [title, asOf].filter(Boolean).join('_');
  const name = raw.replace(/[\\/:*?"<>|\u0000-\u001f\u007f]+/g, '_').replace(/^[\s._]+|[\s._]+$/g, '').slice(0, 80);
  return (name || 'chart') + '.' + ext;
}

/** Saves `blob` as `name` through a Blob URL (works under the strictest CSP). */
function save(blob, name) {
  const url = URL.createObjectURL(blob);
  const a = el('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

/** The chart's files: CSV (written by Rust: `csvText()`), SVG (the same document the native
 *  renderer writes: `toSvg()`), and PNG (the canvas drawn again at 2×). */
const FILES = {
  csv: (chart) => new Blob([chart.csvText()], { type: 'text/csv;charset=utf-8' }),
  svg: (chart, size) => new Blob([chart.toSvg(size.w, size.h)], { type: 'image/svg+xml' }),
  png: (chart, size) => new Promise((done) => {
    const canvas = el('canvas');
    chart.draw(canvas, size.w, size.h, 2);
    canvas.toBlob(done, 'image/png');
  }),
};

/** Makes and saves one of the chart's files; `size()` is the plot's CSS size now. */
async function download(kind, chart, page, size) {
  let blob = null;
  try { blob = await FILES[kind](chart, size()); } catch (_) { /* nothing to save */ }
  if (blob) save(blob, fileName(page.title, page.asOfText, kind));
}

/** `<table>` for `t` (the chart's `table()`), captioned with `captionId`. */
function tableElement(t, captionId) {
  const table = el('table');
  const caption = el('caption', null, t.caption);
  caption.id = captionId;
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
  return table;
}

/**
 * A table wider than the chart scrolls inside its own region, which keyboard users must be
 * able to reach (and hear named); a table that fits stays plain, its caption said once.
 */
export function markScrollable(wrap, captionId) {
  if (!wrap || !wrap.isConnected || !wrap.clientWidth) return;
  const wide = wrap.scrollWidth > wrap.clientWidth + 1;
  if (wide === (wrap.tabIndex === 0)) return;
  if (wide) {
    wrap.tabIndex = 0;
    wrap.setAttribute('role', 'group');
    wrap.setAttribute('aria-labelledby', captionId);
  } else {
    for (const a of ['tabindex', 'role', 'aria-labelledby']) wrap.removeAttribute(a);
  }
}

/**
 * The row of data controls: a closed disclosure whose table is built when first opened, and
 * a CSV button. `current()` says whether `chart` is still the one shown (a newer spec may have
 * replaced it); `onTable(wrap)` receives the scrolling wrapper once it exists.
 */
export function dataControls({ chart, words, id, page, size, current, onTable }) {
  const row = el('div', 'actions');
  const box = el('details', 'data');
  box.setAttribute('part', 'data');
  box.append(el('summary', null, words.table));
  const captionId = id + '-caption';
  let wrap = null;
  box.addEventListener('toggle', () => {
    if (!box.open || !current()) return;
    if (wrap) { markScrollable(wrap, captionId); return; }
    let t;
    try { t = chart.table(); } catch (_) { return; }
    wrap = el('div', 'table');
    wrap.append(tableElement(t, captionId));
    box.append(wrap);
    onTable(wrap);
    markScrollable(wrap, captionId);
    const footnotes = Array.isArray(t.footnotes) ? t.footnotes : [];
    if (footnotes.length) {
      const ul = el('ul', 'table-notes');
      for (const f of footnotes) ul.append(el('li', null, f));
      box.append(ul);
    }
  });
  row.append(box);
  for (const kind of ['csv', 'png', 'svg']) {
    const button = el('button', 'file ' + kind, words[kind]);
    button.type = 'button';
    button.setAttribute('part', kind);
    button.addEventListener('click', () => { if (current()) download(kind, chart, page, size); });
    row.append(button);
  }
  // Short names, and which chart they belong to as their description (a page has many).
  for (const n of [box.firstChild, ...row.querySelectorAll('button')]) n.setAttribute('aria-describedby', id + '-title');
  return row;
}
