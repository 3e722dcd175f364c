// The CSV download of a chart's data table: bytes, name, keyboard, and labels a spreadsheet would run.
import { test, expect, open, waitAllRendered, expectCleanLog } from './harness.mjs';

async function read(download) {
  const chunks = [];
  for await (const c of await download.createReadStream()) chunks.push(c);
  return Buffer.concat(chunks);
}

test('CSV download: UTF-8 with BOM, the table\'s header and rows, file named after the title; formulas made text', async ({ page, log }) => {
  await open(page, 'index.html');
  await waitAllRendered(page);
  const button = page.locator('#analog button.csv');
  await expect(button, 'the CSV button label').toHaveText('CSVでダウンロード');
  const [dl] = await Promise.all([page.waitForEvent('download'), button.click()]);
  const bytes = await read(dl);
  expect([...bytes.subarray(0, 3)], 'the file starts with the UTF-8 BOM').toEqual([0xEF, 0xBB, 0xBF]);
  const lines = bytes.subarray(3).toString('utf8').split('\r\n');
  const table = await page.evaluate(async () => (await import('/www/indicator-chart.js')).chartOf(document.getElementById('analog')).table());
  expect(lines[0], 'the first line is the table header').toBe(table.header.join(','));
  expect(lines, 'a row of the table').toContain('フロッピーディスク等記録媒体,991');
  expect(lines, 'one line per row, CRLF-terminated').toHaveLength(table.rows.length + 2);
  expect(lines[lines.length - 1], 'CRLF after the last row').toBe('');
  expect(dl.suggestedFilename(), 'file name from the title').toBe('アナログ規制の見直しが完了した条項の内訳.csv');
  // Keyboard: Enter on the focused button downloads too.
  await button.focus();
  const [dl2] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  expect((await read(dl2)).equals(bytes), 'Enter on the button downloads the same file').toBe(true);
  // Labels a spreadsheet would run are made text; quoting where needed.
  const [dl3] = await Promise.all([page.waitForEvent('download'), page.evaluate(async () => {
    const { render } = await import('/www/indicator-chart.js');
    const d = document.createElement('div');
    document.querySelector('main').append(d);
    await render(d, { type: 'column', title: 'a/b: "試験"', categories: ['=HYPERLINK("http://x")', '@SUM(A1)', '東京,大阪', '-'],
      series: [{ name: '+値', values: [-1.5, 2, 3, 4] }] });
    d.shadowRoot.querySelector('button.csv').click();
  })]);
  const evil = (await read(dl3)).subarray(3).toString('utf8').split('\r\n');
  expect(evil[0], 'a header starting with + gets a \'').toMatch(/,'\+値$/);
  expect(evil[1], 'a = label gets a \' and is quoted with its quotes doubled').toMatch(/^"'=HYPERLINK\(""http:\/\/x""\)",/);
  expect(evil[2], 'an @ label gets a \'').toMatch(/^'@SUM\(A1\),/);
  expect(evil[3], 'a label with a comma is quoted').toMatch(/^"東京,大阪",/);
  expect(evil[4], 'a lone - stays as it is').toMatch(/^-,/);
  expect(evil[1], 'a negative number stays a number (ASCII minus, no quote mark)').toMatch(/,-1\.5$/);
  expect(dl3.suggestedFilename(), 'characters a file name cannot hold are replaced').toBe('a_b_ _試験.csv');
  expectCleanLog(log, 'index.html');
});
