// The chart maker (www/maker.html, bundled as www/maker.js): a pasted table and the editor's
// choices → a spec, previewed by the real widget, exported as JSON, embed snippets, PNG and
// SVG. The table is read by Rust (the maker's data wasm, pkg/maker/: tableShape, fillSpec);
// the spec is validated by the chart itself, whose path-named messages are shown next to the
// field they concern. Nothing leaves the browser; the draft is kept in localStorage.
import { wordsFor } from './words.js';
import { TYPES, THEMES, emptyForm, suggestColumns, dataSpec, finishSpec, fieldFor, formFromSpec, typeOf } from './spec.js';
import { snippets, specFileName } from './snippets.js';
import { loadDraft, saveDraft, clearDraft } from './draft.js';
import { decodeNamed } from '../live.js';
import { once } from '../dom.js';
import { initPackage } from '../pkg.js';

const $ = (id) => document.getElementById(id);
const here = import.meta.url;
/** The loader the page loads (indicator-chart.js beside this file): the same module, once. */
const loader = once(() => import(new URL('indicator-chart.js', here).href));
/** The maker's data wasm (pkg/maker/: the live-data module with tableShape), found and
 *  loaded as the loader finds its own (a page's <meta name="indicator-chart-pkg"> included). */
const tables = once(() => initPackage('maker/', 'indicator_chart_data'));

/** The largest file read (the live-data module's limit, MAX_DATA_BYTES). */
const MAX_FILE_BYTES = 64 * 1024 * 1024;

const EXAMPLE = 'マイナンバーカードの保有状況（全国）\n年月\t保有率（%）\t保有枚数（万枚）\n2021年11月\t39.0\t5,007\n2022年7月\t45.8\t5,733\n'
  + '2023年7月\t71.7\t8,962\n2024年8月\t75.0\t9,308\n2025年7月\t79.0\t9,852\n';

let ui = document.documentElement.lang === 'en' ? 'en' : 'ja';
let form = loadDraft(emptyForm()) || emptyForm();
let shape = null; // tableShape's answer for the current text
let handle = null; // the preview chart's handle
let good = null; // the last spec the preview showed
let timer = 0;
let fileNote = null; // { text, words }: the file the table came from, while it is unchanged
let failing = false; // a message shows: the next good preview says so
let shapeMemo = { text: null, skip: null, ui: null, shape: null }; // tableShape of the text as it is
let run = 0; // the latest update: an older one finishing late does nothing

const w = () => wordsFor(ui);

// ---- words -----------------------------------------------------------------

function applyWords() {
  const words = w();
  document.documentElement.lang = ui;
  for (const node of document.querySelectorAll('[data-w]')) {
    const v = words[node.dataset.w];
    if (typeof v === 'string') node.textContent = v;
  }
  for (const node of document.querySelectorAll('[data-w-attr]')) {
    const [name, key] = node.dataset.wAttr.split(':');
    if (typeof words[key] === 'string') node.setAttribute(name, words[key]);
  }
  for (const b of document.querySelectorAll('.lang-button')) b.setAttribute('aria-pressed', String(b.dataset.lang === ui));
  for (const t of TYPES) {
    const label = document.querySelector(`[data-type-name="${t.id}"]`);
    if (label) label.textContent = words['t_' + t.id];
  }
  const skip = $('skipRows');
  for (const o of skip.options) if (o.value !== '') o.textContent = ui === 'en' ? `Line ${Number(o.value) + 1}` : `${Number(o.value) + 1} 行目`;
  renderColumns();
}

// ---- the type chooser ----------------------------------------------------------

/** Each type's thumbnail: SVG shapes in a 72×48 box, drawn in the theme's blues. */
const ICONS = {
  line: [['polyline', { points: '6,40 22,28 38,32 54,14 68,8', fill: 'none', stroke: 'currentColor', 'stroke-width': 4 }]],
  area: [['polygon', { points: '6,40 22,26 38,30 54,14 68,10 68,44 6,44', fill: 'currentColor' }]],
  column: [[ 'rect', { x: 8, y: 24, width: 12, height: 20 }], ['rect', { x: 30, y: 12, width: 12, height: 32 }], ['rect', { x: 52, y: 4, width: 12, height: 40 }]],
  stacked: [['rect', { x: 8, y: 24, width: 12, height: 20 }], ['rect', { x: 30, y: 16, width: 12, height: 28 }], ['rect', { x: 52, y: 8, width: 12, height: 36 }],
    ['rect', { x: 8, y: 16, width: 12, height: 8, class: 'accent' }], ['rect', { x: 30, y: 6, width: 12, height: 10, class: 'accent' }], ['rect', { x: 52, y: 2, width: 12, height: 6, class: 'accent' }]],
  bar: [['rect', { x: 6, y: 6, width: 40, height: 10 }], ['rect', { x: 6, y: 20, width: 60, height: 10 }], ['rect', { x: 6, y: 34, width: 26, height: 10 }]],
  pie: [['circle', { cx: 36, cy: 24, r: 20 }], ['path', { d: 'M36 24 L36 4 A20 20 0 0 1 55 30 Z', class: 'accent' }]],
  donut: [['circle', { cx: 36, cy: 24, r: 16, fill: 'none', stroke: 'currentColor', 'stroke-width': 8 }],
    ['path', { d: 'M36 8 A16 16 0 0 1 51 29', fill: 'none', stroke: 'currentColor', 'stroke-width': 8, class: 'accent' }]],
  kpi: [['text', { x: 36, y: 32, 'text-anchor': 'middle', 'font-size': 22, 'font-weight': 700 }, '9,852'], ['rect', { x: 14, y: 38, width: 44, height: 3 }]],
  progress: [['rect', { x: 6, y: 20, width: 60, height: 10, rx: 5, class: 'accent' }], ['rect', { x: 6, y: 20, width: 42, height: 10, rx: 5 }]],
  map: [['rect', { x: 44, y: 2, width: 12, height: 10 }], ['rect', { x: 36, y: 14, width: 10, height: 10, class: 'accent' }], ['rect', { x: 48, y: 14, width: 10, height: 10 }],
    ['rect', { x: 24, y: 26, width: 10, height: 10 }], ['rect', { x: 36, y: 26, width: 10, height: 10 }], ['rect', { x: 10, y: 36, width: 10, height: 10, class: 'accent' }]],
};

function icon(id) {
  const ns = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(ns, 'svg');
  svg.setAttribute('viewBox', '0 0 72 48');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('fill', 'currentColor');
  for (const [tag, attrs, text] of ICONS[id]) {
    const n = document.createElementNS(ns, tag);
    for (const [k, v] of Object.entries(attrs)) n.setAttribute(k, String(v));
    if (text) n.textContent = text;
    svg.append(n);
  }
  return svg;
}

function buildTypes() {
  const grid = $('type-grid');
  for (const t of TYPES) {
    const label = document.createElement('label');
    label.className = 'type-card';
    const input = document.createElement('input');
    input.type = 'radio';
    input.name = 'kind';
    input.value = t.id;
    input.id = 'kind-' + t.id;
    const name = document.createElement('span');
    name.dataset.typeName = t.id;
    label.append(input, icon(t.id), name);
    grid.append(label);
  }
  grid.addEventListener('change', (e) => {
    if (e.target.name !== 'kind') return;
    form.kind = e.target.value;
    form.kindChosen = true;
    renderColumns();
    schedule();
  });
}

// ---- the form ----------------------------------------------------------------

const TEXT_FIELDS = ['title', 'subtitle', 'unit', 'asOf', 'updated', 'sourceLabel', 'sourceUrl', 'notes', 'target'];

function fillForm() {
  // Only what differs is written: a field being typed in keeps its caret and its keystrokes.
  const put = (id, value) => { const n = $(id); if (n.value !== value) n.value = value; };
  put('table', form.text);
  put('skipRows', form.skipRows == null ? '' : String(form.skipRows));
  for (const id of TEXT_FIELDS) put(id, form[id] || '');
  $('asOfAuto').checked = !!form.asOfAuto;
  $('derived').checked = !!form.derived;
  put('theme', form.theme || '');
  put('era', form.era || 'auto');
  put('chartLocale', form.locale || 'ja');
  const kind = $('kind-' + form.kind);
  if (kind) kind.checked = true;
  renderColumns();
}

function readForm() {
  form.text = $('table').value;
  const skip = $('skipRows').value;
  form.skipRows = skip === '' ? null : Number(skip);
  for (const id of TEXT_FIELDS) form[id] = $(id).value;
  form.asOfAuto = $('asOfAuto').checked;
  form.derived = $('derived').checked;
  form.theme = $('theme').value;
  form.era = $('era').value;
  form.locale = $('chartLocale').value;
}

function option(value, text) {
  const o = document.createElement('option');
  o.value = value;
  o.textContent = text;
  return o;
}

/** A column as the controls name it: 「保有枚数（万枚） · 数値」. */
function columnText(c) {
  return `${c.header}（${w()[c.kind] || c.kind}）`;
}

/** The column controls from the table's shape and the chosen type. The control that had
 *  focus (a series checkbox being toggled) has it again after the rebuild. */
function renderColumns() {
  const focused = document.activeElement && document.activeElement.id;
  const columns = shape ? shape.columns : [];
  const t = typeOf(form.kind);
  const cats = $('categories');
  cats.replaceChildren(...columns.map((c) => option(c.header, columnText(c))));
  if (form.categories) cats.value = form.categories;
  const list = $('series-list');
  const boxes = [];
  columns.forEach((c, i) => {
    if (c.header === form.categories) return;
    const label = document.createElement('label');
    label.className = 'check';
    const box = document.createElement('input');
    box.type = 'checkbox';
    box.id = 'series-' + i;
    box.value = c.header;
    box.checked = form.series.includes(c.header);
    const name = document.createElement('span');
    name.textContent = columnText(c);
    label.append(box, name);
    boxes.push(label);
  });
  list.replaceChildren(...boxes);
  const value = $('value');
  value.replaceChildren(...columns.filter((c) => c.header !== form.categories).map((c) => option(c.header, columnText(c))));
  if (form.value) value.value = form.value;
  $('series-set').hidden = !t.many;
  $('value-box').hidden = t.many;
  $('target-box').hidden = t.type !== 'progress';
  const again = focused && $(focused);
  if (again && document.activeElement !== again) again.focus();
}

// ---- messages ------------------------------------------------------------------

const MESSAGE_FIELDS = ['table', 'kind', 'categories', 'columns', 'target', 'title', 'subtitle', 'unit', 'asOf', 'updated',
  'sourceLabel', 'sourceUrl', 'notes', 'theme', 'era', 'chartLocale', 'general', 'spec', 'libUrl'];
/** The control a field's message describes (aria-invalid goes on it); the columns' is the
 *  value select only when it shows (the series checkboxes' fieldset points at the message). */
function controlOf(field) {
  if (field === 'columns') return typeOf(form.kind).many ? null : $('value');
  const id = { table: 'table', categories: 'categories', kind: null, general: null, spec: 'spec-in' }[field];
  return $(id === undefined ? field : id || '');
}

function clearMessages() {
  for (const f of MESSAGE_FIELDS) {
    const m = $('msg-' + f);
    if (m) { m.hidden = true; m.textContent = ''; }
  }
  for (const n of document.querySelectorAll('[aria-invalid]')) n.removeAttribute('aria-invalid');
}

/**
 * Shows `message` next to `field` (by the preview when the form has no such field) and says it
 * in the page's status when `speak` (not for the chart's own errors: the chart announces
 * those itself) and it is not what the status says already.
 */
function showMessage(field, message, speak = true) {
  const m = $('msg-' + field) || $('msg-general');
  m.textContent = message;
  m.hidden = false;
  const c = controlOf(field);
  if (c) c.setAttribute('aria-invalid', 'true');
  if (speak) say(message);
  failing = true;
}

/** The page's polite status: said once, never repeated while it stays the same. */
function say(text) {
  const status = $('status');
  if (status.textContent !== text) status.textContent = text;
}

// ---- the update: table → spec → preview → outputs ---------------------------------

function schedule() {
  clearTimeout(timer);
  timer = setTimeout(update, 250);
}

/** The outputs from `spec`, or emptied and disabled (null) while the form is not a chart. */
function setOutputs(spec) {
  good = spec;
  $('spec-out').value = spec ? JSON.stringify(spec, null, 2) + '\n' : '';
  let s = { element: '', div: '', iframe: '' };
  const box = $('msg-libUrl');
  box.hidden = true;
  if (spec) {
    try {
      s = snippets(spec, { lib: $('libUrl').value || defaultLib(), specUrl: $('specUrl').value || defaultSpecUrl() });
    } catch (_) {
      box.textContent = w().badUrl;
      box.hidden = false;
    }
  }
  $('snippet-element').value = s.element;
  $('snippet-div').value = s.div;
  $('snippet-iframe').value = s.iframe;
  if (spec) $('specUrl').placeholder = defaultSpecUrl();
  for (const b of document.querySelectorAll('[data-copy], #download-json, #download-png, #download-svg')) b.disabled = !spec;
}

function defaultLib() {
  return new URL('./', location.href).href;
}

/** Where the spec file is assumed to go until the editor says: charts/chart.json beside www/. */
function defaultSpecUrl() {
  return new URL('charts/chart.json', defaultLib()).href;
}

/** One update, from the form as it is now; anything unexpected is a message, never a throw. */
async function update() {
  const mine = ++run;
  try {
    await updateNow(mine);
  } catch (e) {
    if (mine === run) { showMessage('general', String((e && e.message) || e)); setOutputs(null); }
  }
}

/** tableShape of `text`, read once while the text, header line and language stay the same
 *  (every keystroke in another field updates the preview; a large table is not read again). */
function shapeOf(m, text, skip) {
  const c = shapeMemo;
  if (c.text !== text || c.skip !== skip || c.ui !== ui) {
    shapeMemo = { text, skip, ui, shape: m.tableShape(text, skip == null ? undefined : skip, ui) };
  }
  return shapeMemo.shape;
}

async function updateNow(mine) {
  readForm();
  keepDraft();
  const wasFailing = failing;
  failing = false;
  clearMessages();
  if (!form.text.trim()) {
    shape = null;
    renderColumns();
    $('table-status').textContent = w().noTable;
    setOutputs(null);
    return;
  }
  const m = await tables();
  if (mine !== run) return;
  // What was typed while the wasm loaded is the form now.
  readForm();
  try {
    shape = shapeOf(m, form.text, form.skipRows);
  } catch (e) {
    shape = null;
    renderColumns();
    $('table-status').textContent = '';
    showMessage('table', e.message || String(e));
    setOutputs(null);
    return;
  }
  // A new table suggests a title, a type and its columns once; later edits of the same table
  // keep the editor's (an emptied title stays empty, and says so; no series chosen says so).
  const key = JSON.stringify([shape.title, shape.columns.map((c) => [c.header, c.kind])]);
  const fresh = key !== form.tableKey;
  const suggested = suggestColumns(form, shape, fresh);
  // Another table's title row replaces the title the last one suggested, never one typed.
  if (fresh && shape.title && form.title && form.title === form.suggestedTitle) suggested.title = shape.title;
  if (suggested.title) suggested.suggestedTitle = suggested.title;
  suggested.tableKey = key;
  Object.assign(form, suggested);
  fillForm();
  $('table-status').textContent = (fileNote && fileNote.text === form.text ? fileNote.words + ' ' : '')
    + w().read(shape.rows, shape.columns.length, shape.skipRows + 1);
  const t = typeOf(form.kind);
  if (t.many && !form.series.length) { showMessage('columns', w().noSeries); setOutputs(null); return; }
  if (!t.many && !form.value) { showMessage('columns', w().noFigures); setOutputs(null); return; }
  if (t.type === 'progress' && !String(form.target).trim()) { showMessage('target', w().needTarget); setOutputs(null); return; }
  const category = shape.columns.find((c) => c.header === form.categories);
  const dates = !!category && category.kind === 'dates';
  let spec;
  try {
    // The header line tableShape found, unless the editor chose one.
    const read = { ...form, skipRows: shape.skipRows };
    const filled = m.fillSpec(dataSpec(read, dates), ui, form.text, 'text/csv', undefined);
    // The table's note rows (「※…」) start the notes field of a new table (replacing the notes
    // the last table gave, never ones typed), which owns them from then on: the editor may
    // drop a note about a column not shown.
    const tableNotes = Array.isArray(filled.notes) ? filled.notes.join('\n') : '';
    if (fresh && (!form.notes.trim() || form.notes === form.suggestedNotes)) {
      form.notes = tableNotes;
      form.suggestedNotes = tableNotes;
      $('notes').value = form.notes;
    }
    spec = finishSpec(form, filled, { dates });
  } catch (e) {
    showMessage(fieldFor(e.path), e.message || String(e));
    setOutputs(null);
    return;
  }
  keepDraft();
  const scheme = document.querySelector('input[name="scheme"]:checked').value;
  const shown = { ...spec, colorScheme: scheme };
  const { render } = await loader();
  if (mine !== run) return;
  try {
    handle = handle ? await handle.update(shown) : await render($('chart'), shown);
  } catch (e) {
    if (mine !== run) return;
    // The preview shows (and announces) the chart's own message; the field gets it too.
    showMessage(fieldFor(e.path), e.message || String(e), false);
    setOutputs(null);
    return;
  }
  if (mine !== run) return;
  const page = handle.pageText;
  $('summary').textContent = page ? page.description : '';
  setOutputs(spec);
  if (wasFailing) say(w().rendered);
}

/** Saves the draft; when the browser will not keep it (a table too large for localStorage),
 *  the older draft goes too (a reload must not bring back older work) and the page says so. */
function keepDraft() {
  if (saveDraft(form)) { $('draft-status').textContent = ''; return; }
  clearDraft();
  $('draft-status').textContent = w().draftFull;
}

// ---- input: paste, files, a spec ------------------------------------------------

async function readFile(file) {
  clearMessages();
  if (!file) return;
  if (file.size > MAX_FILE_BYTES) { showMessage('table', w().fileTooBig(file.name)); return; }
  let read;
  try {
    read = decodeNamed(new Uint8Array(await file.arrayBuffer()), '');
  } catch (e) {
    showMessage('table', w().fileFailed(file.name, (e && e.message) || String(e)));
    return;
  } finally {
    $('file').value = ''; // the same file can be chosen again
  }
  $('table').value = read.text;
  const names = { 'utf-8': 'UTF-8', 'utf-16le': 'UTF-16', 'utf-16be': 'UTF-16', shift_jis: 'Shift_JIS' };
  // (The box keeps the text with its line breaks as LF: compare with what it holds.)
  fileNote = { text: $('table').value, words: w().fileRead(file.name, names[read.encoding] || read.encoding) };
  say(fileNote.words);
  form.skipRows = null;
  $('skipRows').value = '';
  update();
}

function loadSpec() {
  clearMessages();
  let spec;
  try {
    spec = JSON.parse($('spec-in').value);
    form = formFromSpec(spec);
  } catch (e) {
    showMessage('spec', w().badSpec(e.message || String(e)));
    return;
  }
  fileNote = null;
  fillForm();
  // A spec that reads a file has no figures to bring: its words are loaded, and it says so.
  if (spec.data) showMessage('spec', w().specData, true);
  else say(w().specLoaded);
  update();
}

async function copy(id) {
  const box = $(id);
  try {
    await navigator.clipboard.writeText(box.value);
    say(w().copied);
  } catch (_) {
    box.focus();
    box.select();
    say(w().copyFailed);
  }
}

function saveJson() {
  if (!good) return;
  const url = URL.createObjectURL(new Blob([JSON.stringify(good, null, 2) + '\n'], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = specFileName(good);
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

function setWidth() {
  const width = document.querySelector('input[name="width"]:checked').value;
  const frame = $('frame');
  frame.classList.remove('w320', 'w640', 'w1280');
  frame.classList.add('w' + width);
}

function setScheme() {
  const dark = document.querySelector('input[name="scheme"]:checked').value === 'dark';
  $('frame').classList.toggle('dark', dark);
  schedule();
}

function clearAll() {
  clearTimeout(timer);
  run++; // an update under way finds itself outdated
  clearDraft();
  form = emptyForm();
  shape = null;
  fileNote = null;
  $('spec-in').value = '';
  $('file').value = '';
  $('summary').textContent = '';
  if (handle) { handle.destroy(); handle = null; }
  fillForm();
  clearMessages();
  setOutputs(null);
  $('table-status').textContent = '';
  say(w().cleared);
}

function start() {
  buildTypes();
  for (let n = 0; n <= 10; n++) $('skipRows').append(option(String(n), ''));
  for (const name of THEMES) if (name !== 'Blue') $('theme').append(option(name, name));
  applyWords();
  fillForm();
  setOutputs(null);
  const formEl = $('form');
  formEl.addEventListener('input', (e) => { if (e.target.id !== 'spec-in' && e.target.id !== 'file') schedule(); });
  formEl.addEventListener('change', (e) => {
    const id = e.target.id;
    if (id === 'file') { readFile(e.target.files && e.target.files[0]); return; }
    if (id === 'categories') { form.categories = e.target.value; form.series = form.series.filter((h) => h !== form.categories); renderColumns(); }
    if (id === 'value') form.value = e.target.value;
    if (id.startsWith('series-')) form.series = [...$('series-list').querySelectorAll('input:checked')].map((b) => b.value);
    if (id === 'skipRows') { form.categories = null; form.series = []; form.value = null; }
    if (id !== 'spec-in') schedule();
  });
  formEl.addEventListener('submit', (e) => e.preventDefault());
  const table = $('table');
  table.addEventListener('dragover', (e) => { e.preventDefault(); });
  table.addEventListener('drop', (e) => {
    const file = e.dataTransfer && e.dataTransfer.files && e.dataTransfer.files[0];
    if (file) { e.preventDefault(); readFile(file); }
  });
  $('sample').addEventListener('click', () => { table.value = EXAMPLE; form.skipRows = null; $('skipRows').value = ''; update(); });
  $('spec-load').addEventListener('click', loadSpec);
  for (const b of document.querySelectorAll('.lang-button')) b.addEventListener('click', () => { ui = b.dataset.lang; applyWords(); schedule(); });
  for (const r of document.querySelectorAll('input[name="width"]')) r.addEventListener('change', setWidth);
  for (const r of document.querySelectorAll('input[name="scheme"]')) r.addEventListener('change', setScheme);
  for (const b of document.querySelectorAll('[data-copy]')) b.addEventListener('click', () => copy(b.dataset.copy));
  $('download-json').addEventListener('click', saveJson);
  $('download-png').addEventListener('click', () => handle && handle.download('png'));
  $('download-svg').addEventListener('click', () => handle && handle.download('svg'));
  for (const id of ['libUrl', 'specUrl']) $(id).addEventListener('input', () => setOutputs(good));
  $('libUrl').value = defaultLib();
  $('clear').addEventListener('click', clearAll);
  if (form.text.trim()) update();
  else $('table-status').textContent = w().noTable;
}

start();
