// The data table and the chart's files (CSV, SVG, PNG): what a reader gets on opening 「データを
// 表で見る」 or pressing a download button. Bundled on its own (www/indicator-chart-table.js) and
// imported by table.js at the first such use (or when the pointer or focus comes near), so the
// first paint of a page does not wait for it.
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
export async function download(kind, chart, page, size) {
  let blob = null;
  try { blob = await FILES[kind](chart, size()); } catch (_) { /* nothing to save */ }
  if (blob) save(blob, fileName(page.title, page.asOfText, kind));
}

/** Rows a table shows at once: a million-row series is read a page at a time, not built as a
 *  million-row DOM (the CSV download has every row). */
export const PAGE_ROWS = 100;

/** Fills `tbody` with rows `from`…`from + PAGE_ROWS` of `rows`. */
function fillRows(tbody, rows, from) {
  const frag = document.createDocumentFragment();
  for (const row of rows.slice(from, from + PAGE_ROWS)) {
    const tr = el('tr');
    row.forEach((cell, i) => {
      const c = el(i ? 'td' : 'th', null, cell);
      if (!i) c.scope = 'row';
      tr.append(c);
    });
    frag.append(tr);
  }
  tbody.replaceChildren(frag);
}

/** The pager's and the sort buttons' words (here, not in messages.js: only tables that have
 * them load them). `sorted[state]` is heard when a header button sorts the rows. */
const PAGER = {
  ja: {
    rows: (a, b, n) => `${a}–${b} 行目／全 ${n} 行`,
    prevRows: (n) => `前の ${n} 行`,
    nextRows: (n) => `次の ${n} 行`,
    sorted: [(h, o) => `${o}の順に戻しました`, (h) => `${h}の高い順に並べ替えました`, (h) => `${h}の低い順に並べ替えました`],
  },
  en: {
    rows: (a, b, n) => `Rows ${a}–${b} of ${n}`,
    prevRows: (n) => `Previous ${n} rows`,
    nextRows: (n) => `Next ${n} rows`,
    sorted: [(h, o) => `Back in ${o} order`, (h) => `Sorted by ${h}, highest first`, (h) => `Sorted by ${h}, lowest first`],
  },
};

const wordsFor = (locale) => (/^en\b/i.test(String(locale || '')) ? PAGER.en : PAGER.ja);

/**
 * Previous / next buttons and 「1–100 行目／全 1,000,000 行」 for a table longer than a page; the
 * range is a polite status, so moving a page is heard. Null for short tables. `locale` is the
 * chart's language (Rust's answer).
 */
export function pager(rows, tbody, locale) {
  if (rows.length <= PAGE_ROWS) return null;
  const table = tbody.parentNode;
  const words = wordsFor(locale);
  const nav = el('div', 'pager');
  const prev = el('button', 'file', words.prevRows(PAGE_ROWS));
  const next = el('button', 'file', words.nextRows(PAGE_ROWS));
  const status = el('p', null);
  status.setAttribute('role', 'status');
  let from = 0;
  const fmt = (n) => n.toLocaleString(locale);
  const show = () => {
    fillRows(tbody, rows, from);
    status.textContent = words.rows(fmt(from + 1), fmt(Math.min(rows.length, from + PAGE_ROWS)), fmt(rows.length));
    prev.disabled = from === 0;
    next.disabled = from + PAGE_ROWS >= rows.length;
  };
  for (const [b, by] of [[prev, -PAGE_ROWS], [next, PAGE_ROWS]]) {
    b.type = 'button';
    b.addEventListener('click', () => { from = Math.max(0, Math.min(rows.length - 1, from + by)); show(); });
  }
  nav.append(prev, next, status);
  // Sorted by a header button: from the first page again.
  table.onsorted = () => { from = 0; show(); };
  show();
  return nav;
}

/**
 * `<table>` for `t` (the chart's `table()`), captioned with `captionId`. The columns Rust marks
 * `sortable` (a map's values) head a button that sorts the rows highest first, then lowest
 * first, then back to their order, by the numbers Rust gives in `sortKeys` (one a row; NaN
 * for 「データなし」 and symbols, which stay last), never by reparsing the formatted cells;
 * `aria-sort` on the header says which (on `orderColumn`'s header while the rows are as
 * given), and a status in the header says it aloud.
 */
export function tableElement(t, captionId, locale) {
  const table = el('table');
  const caption = el('caption', null, t.caption);
  caption.id = captionId;
  table.append(caption);
  const rows = t.rows || [];
  const keys = new Map(rows.map((row, n) => [row, Number((t.sortKeys || [])[n])]));
  const original = rows.slice();
  const head = el('tr');
  const tbody = el('tbody');
  const words = wordsFor(locale);
  const header = t.header || [];
  const order = Number.isInteger(t.orderColumn) ? t.orderColumn : -1;
  const markOrder = () => { if (head.children[order]) head.children[order].setAttribute('aria-sort', 'ascending'); };
  header.forEach((h, i) => {
    const sortable = (t.sortable || []).includes(i);
    const th = el('th', null, sortable ? null : h);
    th.scope = 'col';
    head.append(th);
    if (!sortable) return;
    const button = el('button', 'sort', h);
    const mark = el('span', null, '');
    mark.setAttribute('aria-hidden', 'true');
    button.type = 'button';
    button.append(mark);
    const said = el('span', 'vh');
    said.setAttribute('role', 'status');
    th.append(button, said);
    let state = 0; // 0 as given, 1 highest first, 2 lowest first
    button.addEventListener('click', () => {
      state = (state + 1) % 3;
      for (const other of head.querySelectorAll('th')) other.removeAttribute('aria-sort');
      rows.splice(0, rows.length, ...original);
      if (state) {
        const sign = state === 1 ? -1 : 1;
        rows.sort((a, b) => {
          const [x, y] = [keys.get(a), keys.get(b)];
          if (Number.isNaN(x) || Number.isNaN(y)) return Number.isNaN(x) - Number.isNaN(y);
          return sign * (x - y);
        });
        th.setAttribute('aria-sort', state === 1 ? 'descending' : 'ascending');
      } else {
        markOrder();
      }
      mark.textContent = ['', ' ▼', ' ▲'][state];
      said.textContent = words.sorted[state](h, header[order] || '');
      if (table.onsorted) table.onsorted();
      else fillRows(tbody, rows, 0);
    });
  });
  if ((t.sortable || []).length) markOrder();
  const thead = el('thead');
  thead.append(head);
  fillRows(tbody, rows, 0);
  table.append(thead, tbody);
  return table;
}

