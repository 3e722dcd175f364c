// Unit tests of the loader's pure parts under Node's own test runner (no browser):
//   node --test tests/loader/
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { csvFileName } from '../../www/src/table.js';
import { textFor, toChartError, ChartError } from '../../www/src/messages.js';

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
