// The chart maker's form as a spec: pure functions (no DOM), tested under Node
// (tests/loader/maker.test.mjs). What a table's cells mean, its header line and units are
// Rust's (tableShape and fillSpec of the maker's data wasm); what a spec may hold is the
// validator's. This module only puts the editor's choices where the spec wants them.

/** The gallery's types as the maker offers them: `id` (the chooser's), the spec's `type`, and
 *  how many value columns it takes (`many`: series; else one). */
export const TYPES = [
  { id: 'line', type: 'line', many: true },
  { id: 'area', type: 'area', many: true },
  { id: 'column', type: 'column', many: true },
  { id: 'stacked', type: 'column', many: true, stacking: 'normal' },
  { id: 'bar', type: 'bar', many: true },
  { id: 'pie', type: 'pie' },
  { id: 'donut', type: 'donut' },
  { id: 'kpi', type: 'kpi' },
  { id: 'progress', type: 'progress' },
  { id: 'map', type: 'map' },
];

/** The DADS themes (checked against docs/spec.schema.json, which Rust writes, by the tests). */
export const THEMES = ['Blue', 'LightBlue', 'Cyan', 'Green', 'Orange', 'Red', 'SolidGray'];

/** The name the table is given in `data.url` while the maker reads it (never fetched). */
export const PASTED = 'maker-table.csv';

export function typeOf(id) {
  return TYPES.find((t) => t.id === id) || TYPES[0];
}

/** A fresh form. */
export function emptyForm() {
  return {
    text: '', skipRows: null, kind: 'line', categories: null, series: [], value: null, target: '',
    title: '', subtitle: '', unit: '', asOf: '', asOfAuto: true, updated: '', sourceLabel: '', sourceUrl: '',
    derived: false, notes: '', theme: '', era: 'auto', locale: 'ja', kindChosen: false,
    // The table last read (its title and columns), and what it suggested, so that another
    // table replaces a suggestion but never what the editor typed (kept in the draft too).
    tableKey: '', suggestedTitle: '', suggestedNotes: '',
    // A pasted spec's series fields the form does not show (color, axis, type …), by column.
    seriesExtra: {},
    // Fields of a pasted spec the form does not show (annotations, yAxis, decimals …), kept.
    extra: {},
  };
}

/**
 * The columns a table suggests, for a form that has none chosen yet (or chose columns the
 * table no longer has): the categories are the first column of dates, else of words, else
 * the first; the values every other column of figures. `fresh`: the table is new to the
 * form (an empty choice is then filled in; for the same table it is the editor's, and stays).
 */
export function suggestColumns(form, shape, fresh = true) {
  const headers = shape.columns.map((c) => c.header);
  const out = {};
  if (!headers.includes(form.categories)) {
    const pick = shape.columns.find((c) => c.kind === 'dates') || shape.columns.find((c) => c.kind === 'words') || shape.columns[0];
    out.categories = pick ? pick.header : null;
  }
  const categories = out.categories !== undefined ? out.categories : form.categories;
  const figureColumns = shape.columns.filter((c) => c.kind === 'figures' && c.header !== categories);
  const figures = figureColumns.map((c) => c.header);
  const kept = form.series.filter((h) => headers.includes(h) && h !== categories);
  // One axis shows one unit: the columns whose header names the first one's unit (all of
  // them when no header names a unit), never 保有率（%） beside 保有枚数（万枚）.
  const unit = figureColumns.length ? figureColumns[0].unit : null;
  if (!kept.length && (fresh || form.series.length)) out.series = figureColumns.filter((c) => c.unit === unit).map((c) => c.header);
  else if (kept.length !== form.series.length) out.series = kept;
  if (!headers.includes(form.value) || form.value === categories) out.value = figures[0] || null;
  if (!form.title && shape.title && fresh) out.title = shape.title;
  // A table of dates is a time series (a line); anything else compares items (columns).
  if (!form.kindChosen && fresh) out.kind = shape.columns.find((c) => c.header === categories && c.kind === 'dates') ? 'line' : 'column';
  return out;
}

/** The notes field's lines, blank ones dropped. */
const formNotes = (form) => String(form.notes || '').split(/\r?\n/).map((n) => n.trim()).filter(Boolean);

/** The fields every type shares, from the form: only those filled in. `dates`: the
 *  categories are dates, so 時点 may be `auto` (the latest of them). */
function commonFields(form, spec, dates) {
  const text = (v) => String(v == null ? '' : v).trim();
  if (text(form.title)) spec.title = text(form.title);
  if (text(form.subtitle)) spec.subtitle = text(form.subtitle);
  if (text(form.unit)) spec.unit = text(form.unit);
  if (form.asOfAuto && dates) spec.asOf = 'auto';
  else if (text(form.asOf)) spec.asOf = text(form.asOf);
  if (text(form.updated)) spec.updated = text(form.updated);
  if (text(form.sourceLabel) || text(form.sourceUrl)) {
    const source = { label: text(form.sourceLabel) };
    if (text(form.sourceUrl)) source.url = text(form.sourceUrl);
    if (form.derived) source.derived = true;
    spec.source = source;
  }
  const notes = formNotes(form);
  if (notes.length) spec.notes = notes;
  if (form.theme) spec.theme = form.theme;
  if (form.era === 'on') spec.era = true;
  if (form.era === 'off') spec.era = false;
  if (form.locale === 'en') spec.locale = 'en';
  for (const [key, value] of Object.entries(form.extra || {})) if (!(key in spec)) spec[key] = value;
  return spec;
}

/**
 * The spec handed to fillSpec with the pasted text: `data` names the columns chosen (the
 * text itself goes beside it). KPI and progress take their figures from a line read of the
 * value column (see `finishSpec`).
 */
export function dataSpec(form, dates = false) {
  const t = typeOf(form.kind);
  const single = t.type === 'kpi' || t.type === 'progress';
  const spec = { type: single ? 'line' : t.type };
  if (t.stacking) spec.stacking = t.stacking;
  if (!single) commonFields(form, spec, dates);
  else spec.title = 'x';
  // fillSpec answers with the table's own note rows only; finishSpec writes the form's notes.
  delete spec.notes;
  const data = { url: PASTED, format: 'csv' };
  if (form.skipRows != null) data.skipRows = form.skipRows;
  if (form.categories) data.categories = form.categories;
  spec.data = data;
  if (t.type === 'map') {
    if (form.value) data.series = form.value;
  } else {
    const columns = t.many ? form.series : [form.value].filter(Boolean);
    spec.series = columns.map((column) => ({ column, ...((form.seriesExtra || {})[column] || {}) }));
  }
  return spec;
}

/** The last numeric value of `values` at or before `before`, with its index, or null. */
function lastNumber(values, before) {
  for (let i = Math.min(before, values.length - 1); i >= 0; i--) {
    if (typeof values[i] === 'number' && Number.isFinite(values[i])) return { value: values[i], index: i };
  }
  return null;
}

/** A number the editor typed (`6,405`, `６４０５`), or NaN. */
export function typedNumber(text) {
  const s = String(text || '').trim().replace(/[０-９．－]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/,/g, '');
  return s === '' ? NaN : Number(s);
}

/**
 * The spec to publish, from fillSpec's answer: the figures stay inline (no `data`: the
 * pasted table has no address). A KPI shows the value column's latest figure, the one before
 * as its previous and the column as its sparkline; progress its latest figure and the target.
 */
export function finishSpec(form, filled, { dates = false } = {}) {
  const t = typeOf(form.kind);
  // (fillSpec has written the decimals the table's figures were written with: 「39.0」 stays 39.0.)
  const out = { ...filled };
  delete out.data;
  // The notes are the form's (a new table's note rows were put there): fill's copy goes.
  delete out.notes;
  const notes = formNotes(form);
  if (notes.length) out.notes = notes;
  // The columns are read: the published spec carries the figures, not where they came from.
  if (Array.isArray(out.series)) {
    out.series = out.series.map((s) => {
      const { column, ...rest } = s;
      return rest;
    });
  }
  if (t.type !== 'kpi' && t.type !== 'progress') return out;
  const categories = filled.categories || [];
  const values = (filled.series && filled.series[0] && filled.series[0].values) || [];
  const spec = { type: t.type };
  commonFields(form, spec, dates);
  if (spec.asOf === 'auto') delete spec.asOf;
  if (out.decimals !== undefined && spec.decimals === undefined) spec.decimals = out.decimals;
  const last = lastNumber(values, values.length - 1);
  if (last) {
    spec.value = last.value;
    // A category is a 時点 only when the categories are dates.
    if (!spec.asOf && dates && categories[last.index]) spec.asOf = categories[last.index];
  }
  if (!spec.unit && filled.unit) spec.unit = filled.unit;
  if (filled.era && spec.era === undefined) spec.era = true;
  if (t.type === 'kpi' && last) {
    const before = lastNumber(values, last.index - 1);
    if (before) spec.previous = dates ? { value: before.value, asOf: categories[before.index] } : { value: before.value };
    const points = values.filter((v) => typeof v === 'number').length;
    if (points >= 3) spec.sparkline = { categories: categories.slice(0, last.index + 1), values: values.slice(0, last.index + 1) };
  }
  if (t.type === 'progress') {
    const target = typedNumber(form.target);
    // An empty target is left out, so the validator names the missing field.
    if (Number.isFinite(target)) spec.target = target;
  }
  return spec;
}

/** Which of the form's fields a spec path (`source.url`, `series[0].column`, `data`) concerns. */
const FIELD_OF = [
  ['source.url', 'sourceUrl'], ['source', 'sourceLabel'], ['title', 'title'], ['subtitle', 'subtitle'],
  ['unit', 'unit'], ['asOf', 'asOf'], ['updated', 'updated'], ['notes', 'notes'], ['theme', 'theme'],
  ['era', 'era'], ['locale', 'chartLocale'], ['target', 'target'], ['data.categories', 'categories'],
  ['data.series', 'columns'], ['series', 'columns'], ['value', 'columns'], ['previous', 'columns'],
  ['sparkline', 'columns'], ['stacking', 'kind'], ['type', 'kind'], ['data', 'table'],
  ['categories', 'table'], ['regions', 'table'], ['values', 'table'],
];

/** The form field (its id) a message with JSON path `path` belongs next to; `general` (by
 *  the preview) for fields the form does not show, such as those of a pasted spec. */
export function fieldFor(path) {
  const p = String(path || '');
  for (const [prefix, field] of FIELD_OF) {
    if (p === prefix || p.startsWith(prefix + '.') || p.startsWith(prefix + '[')) return field;
  }
  return 'general';
}

/** A cell of the tab-separated text `formFromSpec` writes (quoted when it holds a tab, a
 *  line break or a quote, as the CSV reader reads quotes). */
function cell(value) {
  const s = value == null ? '' : String(value);
  return /[\t\r\n"]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
}

/** The keys `formFromSpec` turns into the form or the table (the rest are kept as `extra`). */
const MODELLED = new Set(['$schema', 'type', 'stacking', 'title', 'subtitle', 'unit', 'asOf', 'updated', 'source', 'notes',
  'theme', 'era', 'locale', 'categories', 'series', 'regions', 'values', 'value', 'previous', 'sparkline', 'target', 'data', 'refresh']);

/**
 * A spec someone pasted, as the maker's form: its fields in the fields, and its figures as a
 * tab-separated table (categories, then a column per series) that the maker reads back like a
 * pasted one. A spec that reads a data file (`data`) keeps only its words: the file is not here.
 */
export function formFromSpec(spec) {
  if (!spec || typeof spec !== 'object' || Array.isArray(spec)) throw new TypeError('not an object');
  const form = emptyForm();
  const type = String(spec.type || 'line');
  const stacked = type === 'column' && spec.stacking === 'normal';
  form.kind = stacked ? 'stacked' : (TYPES.find((t) => t.type === type) || TYPES[0]).id;
  form.kindChosen = true;
  const text = (v) => (typeof v === 'string' ? v : '');
  form.title = text(spec.title);
  form.subtitle = text(spec.subtitle);
  form.unit = text(spec.unit);
  form.asOfAuto = spec.asOf === 'auto';
  form.asOf = form.asOfAuto ? '' : text(spec.asOf);
  form.updated = text(spec.updated);
  if (typeof spec.source === 'string') form.sourceLabel = spec.source;
  else if (spec.source && typeof spec.source === 'object') {
    form.sourceLabel = text(spec.source.label);
    form.sourceUrl = text(spec.source.url);
    form.derived = spec.source.derived === true;
  }
  form.notes = (Array.isArray(spec.notes) ? spec.notes : spec.notes ? [spec.notes] : []).map(String).join('\n');
  form.theme = text(spec.theme);
  form.era = spec.era === true ? 'on' : spec.era === false ? 'off' : 'auto';
  form.locale = text(spec.locale).toLowerCase().startsWith('en') ? 'en' : 'ja';
  for (const [key, value] of Object.entries(spec)) if (!MODELLED.has(key) && !(stacked && key === 'stacking')) form.extra[key] = value;
  if (type === 'column' && spec.stacking && !stacked) form.extra.stacking = spec.stacking;

  // A point written as an object keeps its flag as the table writes one (「97.8p」 速報値).
  const figure = (v) => {
    if (!v || typeof v !== 'object' || Array.isArray(v)) return v;
    return v.flag && typeof v.value === 'number' ? `${v.value}${v.flag}` : v.value;
  };
  let header = [];
  let rows = [];
  if (type === 'map') {
    header = ['都道府県', form.unit ? `値（${form.unit}）` : '値'];
    const regions = Array.isArray(spec.regions) ? spec.regions : [];
    rows = regions.map((r, i) => [r, figure((spec.values || [])[i])]);
    form.value = header[1];
  } else if (type === 'kpi' || type === 'progress') {
    const line = spec.sparkline && Array.isArray(spec.sparkline.categories) ? spec.sparkline : null;
    header = ['時点', '値'];
    const previous = spec.previous && typeof spec.previous === 'object' ? spec.previous : null;
    // Without a sparkline: the previous figure (when it has its 時点) and this one.
    rows = line ? line.categories.map((c, i) => [c, figure((line.values || [])[i])])
      : [...(previous && previous.asOf ? [[previous.asOf, figure(previous.value)]] : []), [text(spec.asOf) || '-', figure(spec.value)]];
    if (!line && !text(spec.asOf)) form.asOfAuto = false;
    form.value = '値';
    if (type === 'progress' && spec.target != null) form.target = String(spec.target);
  } else {
    const series = Array.isArray(spec.series) ? spec.series : [];
    header = ['分類', ...series.map((s, i) => (s && typeof s.name === 'string' && s.name) || `系列${i + 1}`)];
    series.forEach((s, i) => {
      const { name, values, column, ...rest } = s && typeof s === 'object' ? s : {};
      if (Object.keys(rest).length) form.seriesExtra[header[i + 1]] = rest;
    });
    const categories = Array.isArray(spec.categories) ? spec.categories : [];
    rows = categories.map((c, i) => [c, ...series.map((s) => figure(s && Array.isArray(s.values) ? s.values[i] : null))]);
    form.series = header.slice(1);
    form.value = header[1] || null;
  }
  form.categories = header[0];
  form.skipRows = 0;
  if (rows.length) form.text = [header, ...rows].map((r) => r.map(cell).join('\t')).join('\n') + '\n';
  return form;
}
