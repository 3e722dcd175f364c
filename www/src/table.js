// The chart's data as a real table behind a disclosure, and the same table as a CSV download.
import { el } from './dom.js';

/** A file name from a chart title: no path or reserved characters, at most 80 characters. */
export function csvFileName(title) {
  const name = String(title || '').replace(/[\\/:*?"<>|\u0000-\u001f\u007f]+/g, '_').replace(/^[\s._]+|[\s._]+$/g, '').slice(0, 80);
  return (name || 'chart') + '.csv';
}

/** Saves the chart's CSV (written by Rust: `csvText()`) through a Blob URL (works under the
 *  strictest CSP). */
export function downloadCsv(chart, title) {
  let text;
  try { text = chart.csvText(); } catch (_) { return; }
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const a = el('a');
  a.href = url;
  a.download = csvFileName(title);
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
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
export function dataControls({ chart, words, id, title, current, onTable }) {
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
  const csv = el('button', 'csv', words.csv);
  csv.type = 'button';
  csv.setAttribute('part', 'csv');
  // Short names, and which chart they belong to as their description (a page has many).
  for (const n of [box.firstChild, csv]) n.setAttribute('aria-describedby', id + '-title');
  csv.addEventListener('click', () => { if (current()) downloadCsv(chart, title); });
  row.append(box, csv);
  return row;
}
