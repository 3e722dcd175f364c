// What a screen reader gets: Chromium's own accessibility tree (CDP Accessibility.getFullAXTree)
// of one chart of each type, written to tests/e2e/ax-snapshots/<type>.txt (review changes
// with git diff) and checked for the parts every chart must have.
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  test, expect, open, waitAllRendered, openTables, tabInto, state, chartState, expectTipInside, contrast, shot,
  specFiles, readSpec, ROOT,
} from './harness.mjs';

const SNAPSHOTS = join(new URL('.', import.meta.url).pathname, 'ax-snapshots');
const TYPES = ['line', 'area', 'column', 'bar', 'pie', 'donut', 'kpi', 'progress'];

test('screen-reader view: Chromium\'s accessibility tree of one chart of each type, saved to tests/e2e/ax-snapshots/', async ({ page }) => {
  const files = specFiles('gallery');
  const byType = new Map();
  for (const f of [...files, ...readdirSync(join(ROOT, 'www', 'charts')).filter((x) => x.endsWith('.json')).map((x) => `charts/${x}`)]) {
    const type = readSpec(f).type;
    if (!byType.has(type)) byType.set(type, f);
  }
  expect([...byType.keys()], 'a spec file of every chart type').toEqual(expect.arrayContaining(TYPES));
  const types = [...byType.keys()];
  // Also a dark chart, for the screenshot and the tooltip's contrast in dark colours, and an English one.
  const dark = files.find((f) => readSpec(f).colorScheme === 'dark');
  const en = files.find((f) => readSpec(f).locale === 'en');
  expect(dark, 'a dark gallery chart').toBeTruthy();
  expect(en, 'an English gallery chart').toBeTruthy();
  const html = `<!doctype html><html lang="ja"><head><meta charset="utf-8"><title>ax</title>
    <script type="module" src="/www/indicator-chart.js"></script></head><body><main>
    ${types.map((t) => `<indicator-chart id="ax-${t}" src="${byType.get(t)}"></indicator-chart>`).join('\n')}
    <indicator-chart id="ax-dark" src="${dark}"></indicator-chart>
    <indicator-chart id="ax-en" src="${en}"></indicator-chart></main></body></html>`;
  await page.route('**/www/ax-types.html', (r) => r.fulfill({ contentType: 'text/html; charset=utf-8', body: html }));
  await open(page, 'ax-types.html');
  await waitAllRendered(page);
  await page.evaluate(openTables);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Accessibility.enable');
  const { nodes } = await cdp.send('Accessibility.getFullAXTree');
  const byId = new Map(nodes.map((x) => [x.nodeId, x]));
  mkdirSync(SNAPSHOTS, { recursive: true });
  const problems = [];
  const changed = [];
  for (const t of types) {
    const hostId = `ax-${t}`;
    const { result } = await cdp.send('Runtime.evaluate', { expression: `document.getElementById(${JSON.stringify(hostId)})` });
    const { node } = await cdp.send('DOM.describeNode', { objectId: result.objectId });
    const top = nodes.find((x) => x.backendDOMNodeId === node.backendNodeId);
    const pt = await page.evaluate(async (i) => {
      const c = (await import('/www/indicator-chart.js')).chartOf(document.getElementById(i));
      return { ...c.pageText, caption: c.table().caption, points: c.points().length };
    }, hostId);
    const lines = [];
    const found = [];
    const walk = (n, depth) => {
      const role = n.role ? n.role.value : '';
      const name = n.name ? n.name.value : '';
      const props = Object.fromEntries((n.properties || []).map((q) => [q.name, q.value.value]));
      const skip = n.ignored || role === 'InlineTextBox' || ((role === 'generic' || role === 'none') && !name && !props.focusable);
      let d = depth;
      if (!skip) {
        if (role === 'StaticText') {
          // Text nodes repeat their parent's name (headings, buttons, cells): print only new text.
          const parent = byId.get(n.parentId);
          if (!(parent && parent.name && parent.name.value === name)) lines.push(`${'  '.repeat(depth)}- text: ${name}`);
        } else {
          const desc = n.description ? n.description.value : '';
          const keep = ['level', 'focusable', 'expanded', 'live', 'atomic', 'hiddenRoot'].filter((k) => k in props).map((k) => `${k}=${props[k]}`);
          lines.push(`${'  '.repeat(depth)}- ${role}${name ? ` "${name}"` : ''}${keep.length ? ` [${keep.join(' ')}]` : ''}`);
          if (desc) lines.push(`${'  '.repeat(depth + 1)}description: ${desc}`);
          found.push({ role, name, desc, props });
        }
        d = depth + 1;
      }
      for (const c of n.childIds || []) if (byId.has(c)) walk(byId.get(c), d);
    };
    walk(top, 0);
    const out = `# ${t}: ${byType.get(t)} — Chromium accessibility tree (CDP Accessibility.getFullAXTree), data table open\n${lines.join('\n')}\n`;
    const path = join(SNAPSHOTS, `${t}.txt`);
    const before = existsSync(path) ? readFileSync(path, 'utf8') : null;
    writeFileSync(path, out);
    if (before !== null && before !== out) changed.push(`ax-snapshots/${t}.txt`);
    const has = (pred, what) => { if (!found.some(pred)) problems.push(`${t}: ${what}`); };
    has((x) => x.role === 'figure' && x.name === pt.title, `a figure named "${pt.title}"`);
    has((x) => x.role === 'heading' && x.name === pt.title && x.props.level === 3, `a level-3 heading "${pt.title}"`);
    has((x) => x.role === 'image' && x.name === pt.altText && x.props.focusable === true && x.desc.startsWith(pt.description),
      `a focusable image named "${pt.altText}" described by the summary`);
    if (pt.points > 0) has((x) => x.role === 'image' && /矢印キー|Arrow keys/.test(x.desc), 'the key hint in the image description');
    else has((x) => x.role === 'image' && !/矢印キー|Arrow keys/.test(x.desc), 'no key hint on a chart without points');
    has((x) => x.role === 'status', 'a status (live) region');
    if (!pt.description.trim()) problems.push(`${t}: pageText.description is empty`);
    has((x) => x.role === 'table' && x.name === pt.caption, `a table named by its caption "${pt.caption}"`);
    has((x) => x.role === 'columnheader', 'column headers');
    has((x) => x.role === 'rowheader', 'row headers');
    has((x) => x.role === 'button' && x.name === 'CSVでダウンロード' && x.desc === pt.title, 'the CSV button, described by the title');
    has((x) => /button|DisclosureTriangle/.test(x.role) && x.name === 'データを表で見る' && x.props.expanded === true && x.desc === pt.title,
      'the table disclosure, expanded, described by the title');
    if (found.some((x) => x.role === 'group' && x.name === pt.caption)) problems.push(`${t}: a table that fits is wrapped in a group named like its caption`);
    if (pt.sourceLine) has((x) => x.role === 'StaticText' || x.role === 'paragraph' || x.role === 'link', 'source text');
    if (found.some((x) => x.role === 'tooltip')) problems.push(`${t}: the hidden tooltip is in the tree`);
    test.info().annotations.push({ type: t, description: `${lines.length} lines, ${pt.points} points` });
  }
  await cdp.detach();
  if (changed.length) test.info().annotations.push({ type: 'changed (review with git diff)', description: changed.join(', ') });
  expect(problems, 'the accessibility tree lacks').toEqual([]);
  // What a sighted keyboard user sees on each type: the last point focused.
  for (const t of types) {
    await tabInto(page, `ax-${t}`);
    await page.keyboard.press('End');
    const st = await state(page, `ax-${t}`);
    if (st.points.length) {
      expect(st.ring, `${t}: End shows the ring`).toBe(true);
      expect(st.tip, `${t}: End shows the tooltip`).not.toBeNull();
      expectTipInside(st, t);
    }
    await shot(page, `ax-${t}`, `a11y-type-${t}.png`);
  }
  const labels = await page.evaluate(() => {
    const r = document.getElementById('ax-en').shadowRoot;
    return [r.querySelector('summary').textContent, r.querySelector('button.csv').textContent, r.querySelector('figure').lang];
  });
  expect(labels, 'an English chart labels its controls in English').toEqual(['Show the data as a table', 'Download CSV', 'en']);
  await tabInto(page, 'ax-dark');
  await page.keyboard.press('ArrowRight');
  await expect(page.locator('#ax-dark .tip'), 'the dark chart\'s tooltip').toBeVisible();
  const st = await page.evaluate(chartState, 'ax-dark');
  expect(contrast(st.tipCss.color, st.tipCss.bg), `dark tooltip contrast ${JSON.stringify(st.tipCss)}`).toBeGreaterThanOrEqual(4.5);
  await shot(page, 'ax-dark', 'a11y-type-dark.png');
});
