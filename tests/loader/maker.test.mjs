// The chart maker's pure parts (www/src/maker/): form → spec, spec → form, paths → fields,
// embed snippets, the draft. The table's reading is Rust's (tableShape, fillSpec; tested
// natively and end to end in tests/e2e/maker.spec.mjs).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { TYPES, THEMES, emptyForm, suggestColumns, dataSpec, finishSpec, fieldFor, formFromSpec, typedNumber } from '../../www/src/maker/spec.js';
import { snippets, inlineJson, specFileName } from '../../www/src/maker/snippets.js';
import { loadDraft, saveDraft, clearDraft } from '../../www/src/maker/draft.js';
import { WORDS } from '../../www/src/maker/words.js';

const schema = JSON.parse(readFileSync(new URL('../../docs/spec.schema.json', import.meta.url), 'utf8'));

/** Every `enum` under `properties.<name>` anywhere in the schema. */
function enumsOf(name, node = schema, out = []) {
  if (node && typeof node === 'object') {
    if (node.properties && node.properties[name] && Array.isArray(node.properties[name].enum)) out.push(node.properties[name].enum);
    for (const v of Object.values(node)) enumsOf(name, v, out);
  }
  return out;
}

const SHAPE = {
  skipRows: 1, title: 'マイナンバーカードの保有状況（全国）', rows: 3,
  columns: [
    { header: '年月', name: '年月', unit: null, kind: 'dates' },
    { header: '保有率（%）', name: '保有率', unit: '%', kind: 'figures' },
    { header: '保有枚数（万枚）', name: '保有枚数', unit: '万枚', kind: 'figures' },
  ],
};

test('maker: the types and themes it offers are the ones the schema (written by Rust) allows', () => {
  const types = new Set(enumsOf('type').flat());
  for (const t of TYPES) assert.ok(types.has(t.type), t.type);
  const themes = enumsOf('theme');
  assert.ok(themes.length > 0);
  assert.deepEqual(THEMES, themes[0]);
  assert.ok(enumsOf('stacking').flat().includes('normal'));
});

test('maker: a table suggests its date column, the columns of its first unit, a line and its title', () => {
  const s = suggestColumns(emptyForm(), SHAPE);
  assert.equal(s.categories, '年月');
  assert.deepEqual(s.series, ['保有率（%）'], 'a second unit is not put on the same axis');
  assert.equal(s.value, '保有率（%）');
  assert.equal(s.kind, 'line');
  assert.equal(s.title, SHAPE.title);
  // Choices the table still has are kept; a type the editor chose stays.
  const chosen = { ...emptyForm(), categories: '年月', series: ['保有枚数（万枚）'], value: '保有枚数（万枚）', kind: 'bar', kindChosen: true, title: '枚数' };
  assert.deepEqual(suggestColumns(chosen, SHAPE), {});
  // For the same table an empty choice is the editor's and stays (the page then says so); a
  // new table fills it in.
  const none = { ...chosen, series: [], title: '' };
  assert.deepEqual(suggestColumns(none, SHAPE, false), {});
  assert.deepEqual(suggestColumns(none, SHAPE, true).series, ['保有率（%）']);
  const codes = { ...SHAPE, columns: [{ header: '都道府県', name: '都道府県', unit: null, kind: 'words' },
    { header: '団体コード', name: '団体コード', unit: null, kind: 'codes' }, { header: '保有率', name: '保有率', unit: null, kind: 'figures' }] };
  assert.deepEqual(suggestColumns(emptyForm(), codes).series, ['保有率'], 'codes are no figures to chart');
  assert.equal(suggestColumns(emptyForm(), codes).value, '保有率');
  const words = { ...SHAPE, columns: [{ header: '都道府県', name: '都道府県', unit: null, kind: 'words' }, SHAPE.columns[1]] };
  assert.equal(suggestColumns(emptyForm(), words).kind, 'column');
});

test('maker: the data spec names the columns; the published one has its figures and no data', () => {
  const form = { ...emptyForm(), kind: 'stacked', categories: '年月', series: ['保有率（%）'], title: ' 保有率 ', sourceLabel: 'デジタル庁', sourceUrl: 'https://www.digital.go.jp/', derived: true, notes: '速報値。\n\n 注2 ', era: 'on', theme: 'Green' };
  const spec = dataSpec({ ...form, skipRows: 1 }, true);
  assert.deepEqual(spec, {
    type: 'column', stacking: 'normal', title: '保有率', asOf: 'auto',
    source: { label: 'デジタル庁', url: 'https://www.digital.go.jp/', derived: true },
    theme: 'Green', era: true,
    data: { url: 'maker-table.csv', format: 'csv', skipRows: 1, categories: '年月' }, series: [{ column: '保有率（%）' }],
  });
  // 時点 "auto" only for dates (the last prefecture is no 時点).
  assert.equal(dataSpec(form, false).asOf, undefined);
  const filled = { ...spec, unit: '%', categories: ['2021-11', '2025-07'], series: [{ column: '保有率（%）', name: '保有率', values: [39, 79] }] };
  const out = finishSpec(form, { ...filled, decimals: 1 }, { dates: true });
  assert.equal(out.data, undefined);
  assert.deepEqual(out.series, [{ name: '保有率', values: [39, 79] }]);
  assert.equal(out.unit, '%');
  assert.equal(out.decimals, 1, "fillSpec's decimals (39.0 as written) stay");
  assert.deepEqual(out.notes, ['速報値。', '注2'], "the form's notes, not fill's copy of the table's");
  assert.equal(finishSpec({ ...form, notes: '' }, { ...filled, notes: ['表の注'] }, {}).notes, undefined, 'a note the editor removed stays removed');
});

test('maker: a KPI is the latest figure, the one before and the column as its sparkline; progress adds the target', () => {
  const form = { ...emptyForm(), kind: 'kpi', value: '保有枚数（万枚）', title: '保有枚数' };
  const spec = dataSpec(form, true);
  assert.equal(spec.type, 'line', 'read as a line, then made a KPI');
  const filled = { unit: '万枚', categories: ['2021-11', '2022-07', '2024-08', '2025-07'], series: [{ values: [5007, '…', 9308, 9852] }] };
  const kpi = finishSpec(form, filled, { dates: true });
  assert.deepEqual(kpi, {
    type: 'kpi', title: '保有枚数', value: 9852, asOf: '2025-07', unit: '万枚',
    previous: { value: 9308, asOf: '2024-08' },
    sparkline: { categories: filled.categories, values: [5007, '…', 9308, 9852] },
  });
  const progress = finishSpec({ ...form, kind: 'progress', target: '６,４０５' }, filled, { dates: true });
  assert.equal(progress.target, 6405);
  assert.equal(progress.value, 9852);
  assert.equal(finishSpec({ ...form, kind: 'progress', target: '' }, filled, { dates: true }).target, undefined, 'left for the validator to name');
  assert.ok(Number.isNaN(typedNumber('abc')));
});

test('maker: each message goes next to the field its path names', () => {
  assert.equal(fieldFor('title'), 'title');
  assert.equal(fieldFor('source.url'), 'sourceUrl');
  assert.equal(fieldFor('source.label'), 'sourceLabel');
  assert.equal(fieldFor('source'), 'sourceLabel');
  assert.equal(fieldFor('series[0].column'), 'columns');
  assert.equal(fieldFor('data.categories'), 'categories');
  assert.equal(fieldFor('data'), 'table');
  assert.equal(fieldFor('categories[3]'), 'table');
  assert.equal(fieldFor('asOf'), 'asOf');
  assert.equal(fieldFor('annotations[0].value'), 'general');
  assert.equal(fieldFor(undefined), 'general');
  assert.equal(fieldFor('titles'), 'general', 'a prefix is a whole key');
});

test('maker: a pasted spec becomes the form and a table, keeping the fields the form lacks', () => {
  const spec = {
    type: 'column', stacking: 'normal', title: 'T', unit: '件', asOf: '2025-07', source: { label: 'L', url: 'https://x.go.jp/', derived: true },
    notes: ['a', 'b'], era: false, categories: ['2024', '2025'],
    series: [{ name: 'A\tB', values: [1, null], color: '#D16D00', axis: 'right' }, { name: '', values: [{ value: 3, flag: 'p' }, 'x'] }],
    annotations: [{ type: 'line', value: 2 }], decimals: 1,
  };
  const form = formFromSpec(spec);
  assert.equal(form.kind, 'stacked');
  assert.equal(form.asOfAuto, false);
  assert.equal(form.asOf, '2025-07');
  assert.equal(form.derived, true);
  assert.equal(form.notes, 'a\nb');
  assert.equal(form.era, 'off');
  assert.deepEqual(form.extra, { annotations: [{ type: 'line', value: 2 }], decimals: 1 });
  assert.equal(form.text, '分類\t"A\tB"\t系列2\n2024\t1\t3p\n2025\t\tx\n', 'a flag stays written as the table writes it');
  assert.deepEqual(form.series, ['A\tB', '系列2']);
  // Kept fields come back in the spec, the series' own with their column.
  assert.deepEqual(dataSpec(form).annotations, spec.annotations);
  assert.deepEqual(dataSpec(form).series[0], { column: 'A\tB', color: '#D16D00', axis: 'right' });
  // A KPI without a sparkline: its previous figure and this one; without 時点, none is made up.
  const kpi = formFromSpec({ type: 'kpi', title: 'K', value: 9852, asOf: '2025-07', previous: { value: 5007, asOf: '2021-11' } });
  assert.equal(kpi.text, '時点\t値\n2021-11\t5007\n2025-07\t9852\n');
  const bare = finishSpec({ ...emptyForm(), kind: 'kpi', value: '値', title: 'K' }, { categories: ['-'], series: [{ values: [9852] }] }, { dates: false });
  assert.equal(bare.asOf, undefined, 'a category that is no date is no 時点');
  const map = formFromSpec({ type: 'map', title: 'M', unit: '%', regions: ['北海道'], values: [74.6] });
  assert.equal(map.text, '都道府県\t値（%）\n北海道\t74.6\n');
  assert.equal(dataSpec(map).data.series, '値（%）');
  assert.throws(() => formFromSpec([1]), TypeError);
});

test('maker: the snippets quote every label as text and name the spec by path on the embed page', () => {
  const spec = { type: 'line', title: '"><img src=x onerror=alert(1)></script>', categories: ['a'], series: [{ name: 'x', values: [1] }] };
  const s = snippets(spec, { lib: 'https://example.go.jp/charts/www/', specUrl: '../charts/保有率.json' });
  assert.ok(!s.element.includes('</script><'), 'the title cannot end the inline script');
  assert.equal(s.element.split('</script>').length, 3, 'only the two real closing tags');
  assert.deepEqual(JSON.parse(inlineJson(spec)), spec, 'the escaped JSON reads back the same');
  assert.ok(s.element.startsWith('<script type="module" src="https://example.go.jp/charts/www/indicator-chart.js"></script>'));
  assert.match(s.div, /data-src="https:\/\/example\.go\.jp\/charts\/charts\/%E4%BF%9D%E6%9C%89%E7%8E%87\.json"/);
  assert.ok(s.iframe.includes('embed.html?spec=%2Fcharts%2Fcharts%2F%E4%BF%9D%E6%9C%89%E7%8E%87.json'), s.iframe);
  assert.ok(s.iframe.includes('title="&quot;&gt;&lt;img src=x onerror=alert(1)&gt;&lt;/script&gt;"'), s.iframe);
  assert.ok(s.iframe.includes('embed-host.js'));
  // A spec on another origin is named in full (embed.html then refuses it unless allowed).
  assert.ok(snippets(spec, { lib: 'https://a.go.jp/www/', specUrl: 'https://b.go.jp/c.json' }).iframe.includes(encodeURIComponent('https://b.go.jp/c.json')));
  assert.equal(specFileName({ title: 'a/b' }), 'a_b.json');
  assert.throws(() => snippets(spec, { lib: 'javascript://x/%0Aalert(1)//', specUrl: 'c.json' }), TypeError);
  assert.throws(() => snippets(spec, { lib: 'https://a.go.jp/', specUrl: 'data:application/json,{}' }), TypeError);
});

test('maker: the draft round-trips, survives a full or missing storage and drops what the form no longer has', () => {
  const store = new Map();
  const storage = { getItem: (k) => store.get(k) ?? null, setItem: (k, v) => store.set(k, v), removeItem: (k) => store.delete(k) };
  const form = { ...emptyForm(), title: 'T', series: ['a'], skipRows: 2 };
  assert.equal(saveDraft({ ...form, gone: 1 }, storage), true);
  const back = loadDraft(emptyForm(), storage);
  assert.equal(back.title, 'T');
  assert.equal(back.skipRows, 2);
  assert.equal('gone' in back, false);
  store.set('indicator-chart-maker-draft', '{"title": 5, "series": "x"}');
  assert.equal(loadDraft(emptyForm(), storage).title, '', 'a wrong type is not taken');
  assert.deepEqual(loadDraft(emptyForm(), storage).series, []);
  store.set('indicator-chart-maker-draft', '{not json');
  assert.equal(loadDraft(emptyForm(), storage), null);
  clearDraft(storage);
  assert.equal(loadDraft(emptyForm(), storage), null);
  const full = { getItem: () => null, setItem: () => { throw new Error('QuotaExceededError'); }, removeItem: () => {} };
  assert.equal(saveDraft(form, full), false);
  assert.equal(loadDraft(emptyForm(), undefined), null, 'no storage at all');
});

test('maker: both languages have every word', () => {
  assert.deepEqual(Object.keys(WORDS.en).sort(), Object.keys(WORDS.ja).sort());
  const html = readFileSync(new URL('../../www/maker.html', import.meta.url), 'utf8');
  for (const [, key] of html.matchAll(/data-w="([^"]+)"/g)) assert.ok(key in WORDS.ja, key);
  for (const [, key] of html.matchAll(/data-w-attr="[^:]+:([^"]+)"/g)) assert.ok(key in WORDS.ja, key);
});
