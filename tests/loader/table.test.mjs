// Unit tests of the loader's pure parts under Node's own test runner (no browser):
//   node --test tests/loader/
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileName } from '../../www/src/files.js';
import { textFor, toChartError, ChartError } from '../../www/src/messages.js';

test('file names: title and 時点, no path or reserved characters, at most 80 characters, never empty', () => {
  assert.equal(fileName('マイナンバーカードの保有率', '2025年7月時点', 'png'), 'マイナンバーカードの保有率_2025年7月時点.png');
  assert.equal(fileName('マイナンバーカードの保有率', null, 'csv'), 'マイナンバーカードの保有率.csv');
  assert.equal(fileName('a/b\\c:d*e?"f"<g>|h', '', 'svg'), 'a_b_c_d_e_f_g_h.svg');
  assert.equal(fileName('..', undefined, 'csv'), 'chart.csv');
  assert.equal(fileName('', '', 'png'), 'chart.png');
  assert.equal(fileName('x'.repeat(200), '2025年7月時点', 'csv').length, 84);
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
