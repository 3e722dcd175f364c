// Unit tests of the loader's pure parts under Node's own test runner (no browser):
//   node --test tests/loader/
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { csvFileName, csvText } from '../../www/src/table.js';
import { textFor, toChartError, ChartError } from '../../www/src/messages.js';

const BOM = '\uFEFF';

test('CSV: raw numbers, CRLF, a BOM, quotes only where needed', () => {
  const csv = csvText({ header: ['時点', '保有率（%）'], rows: [['2025年7月', '79.0']], raw: [['時点', '保有率（%）'], ['2025-07', '79'], ['2025-08', '']] });
  assert.equal(csv, BOM + '時点,保有率（%）\r\n2025-07,79\r\n2025-08,\r\n');
  assert.equal(csvText({ header: ['a', 'b'], rows: [['x,y', 'say "hi"']] }), BOM + 'a,b\r\n"x,y","say ""hi"""\r\n', 'printed rows when there is no raw table');
  assert.equal(csvText({ raw: [[' lead', 'trail ', 'two\nlines']] }), BOM + '" lead","trail ","two\nlines"\r\n');
});

test('CSV: cells a spreadsheet would run as formulas become text; numbers and symbols stay', () => {
  const row = (cells) => csvText({ raw: [cells] }).slice(1, -2);
  assert.equal(row(['=HYPERLINK("x")', '+1+2', '@SUM(A1)', '-A1']), `"'=HYPERLINK(""x"")",'+1+2,'@SUM(A1),'-A1`);
  assert.equal(row(['-12.5', '+3', '-', '\u22121,234', '−5%']), '-12.5,+3,-,"-1,234",-5%', 'minus signs stay numbers; the typographic minus becomes "-"');
});

test('CSV file names: no path or reserved characters, at most 80 characters, never empty', () => {
  assert.equal(csvFileName('マイナンバーカードの保有率'), 'マイナンバーカードの保有率.csv');
  assert.equal(csvFileName('a/b\\c:d*e?"f"<g>|h'), 'a_b_c_d_e_f_g_h.csv');
  assert.equal(csvFileName('..'), 'chart.csv');
  assert.equal(csvFileName(''), 'chart.csv');
  assert.equal(csvFileName('x'.repeat(200)).length, 84);
});

test('messages: the language tag picks the words; Japanese for anything else', () => {
  assert.equal(textFor('en-GB').head, 'The chart cannot be shown');
  assert.equal(textFor('ja').head, 'グラフを表示できません');
  assert.equal(textFor('fr').head, 'グラフを表示できません');
  const e = toChartError({ message: 'series: x', path: 'series', locale: 'en' });
  assert.ok(e instanceof ChartError);
  assert.deepEqual([e.message, e.path, e.locale], ['series: x', 'series', 'en']);
  assert.equal(toChartError('boom').message, 'boom');
});
