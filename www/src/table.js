// The chart's data controls: 「データを表で見る」 (a real table, built when first opened) and the
// CSV, PNG and SVG buttons. What they build lives in files.js, loaded at first use.
import { el, once } from './dom.js';
import { importFiles } from './assets.js';

/** files.js (bundled as www/indicator-chart-table.js beside the loader), loaded once. */
const files = once(importFiles);

/** Saves the chart's CSV, PNG or SVG (a button, or the handle's `download(kind)`). */
export async function saveFile(kind, chart, page, size) {
  try { (await files()).download(kind, chart, page, size); } catch (_) { /* nothing to save */ }
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
  let building = false;
  box.addEventListener('toggle', async () => {
    if (!box.open || !current()) return;
    if (wrap) { markScrollable(wrap, captionId); return; }
    if (building) return;
    building = true;
    let t;
    let m;
    try { m = await files(); t = chart.table(); } catch (_) { building = false; return; }
    if (!current() || wrap) return;
    wrap = el('div', 'table');
    const table = m.tableElement(t, captionId, page.locale);
    wrap.append(table);
    const pages = m.pager(t.rows || [], table.tBodies[0], page.locale);
    box.append(...(pages ? [pages, wrap] : [wrap]));
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
    button.addEventListener('click', async () => {
      if (current()) saveFile(kind, chart, page, size);
    });
    row.append(button);
  }
  // Fetched ahead when the reader comes near the controls.
  for (const type of ['pointerover', 'focusin']) row.addEventListener(type, () => { files().catch(() => {}); }, { once: true });
  // Short names, and which chart they belong to as their description (a page has many).
  for (const n of [box.firstChild, ...row.querySelectorAll('button')]) n.setAttribute('aria-describedby', id + '-title');
  return row;
}
