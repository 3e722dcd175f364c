// Accessibility end-to-end tests (issue 4), run by run.mjs after its own suites:
// axe-core at WCAG 2.2 AA on every demo page, the keyboard map, tooltips (hover, keyboard,
// tap; 1.4.13), the CSV download, a screen-reader's view of each chart type (Chromium's own
// accessibility tree, saved to tests/e2e/ax-snapshots/), forced colours, reduced motion, and
// reflow at 320 CSS px / 400% zoom. Screenshots go to test-output/a11y-*.png.
import { createRequire } from 'node:module';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const SNAPSHOTS = join(new URL('.', import.meta.url).pathname, 'ax-snapshots');

// ---- page-side helpers (run in the page with page.evaluate) ---------------------------

/** What one chart shows and says right now: focus, status text, tooltip, ring, boxes. */
async function chartState(id) {
  const { chartOf } = await import('/www/indicator-chart.js');
  const host = document.getElementById(id);
  const root = host.shadowRoot;
  const q = (s) => root.querySelector(s);
  const box = (n) => { const r = n.getBoundingClientRect(); return { x: r.x, y: r.y, w: r.width, h: r.height }; };
  const canvas = q('canvas');
  const ring = q('.ring');
  const tip = q('.tip');
  const c = chartOf(host);
  const shown = (n) => !!n && !n.hidden && getComputedStyle(n).display !== 'none' && n.getBoundingClientRect().width > 0;
  let active = document.activeElement;
  while (active && active.shadowRoot && active.shadowRoot.activeElement) active = active.shadowRoot.activeElement;
  const ringStyle = ring && getComputedStyle(ring);
  const tipStyle = tip && getComputedStyle(tip);
  return {
    focused: root.activeElement === canvas,
    active: active ? `${active.getRootNode().host ? active.getRootNode().host.id + ' ' : ''}${active.localName}${active.className ? '.' + active.className : ''}` : null,
    live: (q('[role="status"]') || {}).textContent,
    tip: shown(tip) ? tip.textContent : null,
    ring: shown(ring),
    tipBox: tip && box(tip), ringBox: ring && box(ring), plot: box(q('.plot')), canvas: box(canvas),
    // The loader's stops: chart.points() less any point whose pointText() is empty.
    points: c ? c.points() : [],
    ringCss: ringStyle && { border: ringStyle.borderTopWidth + ' ' + ringStyle.borderTopStyle + ' ' + ringStyle.borderTopColor, shadow: ringStyle.boxShadow },
    tipCss: tipStyle && { size: tipStyle.fontSize, color: tipStyle.color, bg: tipStyle.backgroundColor, border: tipStyle.borderTopColor },
    describedby: canvas.getAttribute('aria-describedby'),
    tabindex: canvas.getAttribute('tabindex'),
  };
}

/** pointText of (series, index) from the chart's own wasm object. */
async function pointTextOf([id, s, i]) {
  const { chartOf } = await import('/www/indicator-chart.js');
  return chartOf(document.getElementById(id)).pointText(s, i);
}

/** Opens every chart's data table (and the page's own closed <details>); resolves with the count. */
async function openTables() {
  for (const d of document.querySelectorAll('details:not([open])')) d.open = true;
  const hosts = [...document.querySelectorAll('*')].filter((h) => h.shadowRoot);
  const boxes = hosts.flatMap((h) => [...h.shadowRoot.querySelectorAll('details')]);
  for (const b of boxes) b.open = true;
  for (let i = 0; i < 100 && boxes.some((b) => !b.querySelector('table')); i++) await new Promise((ok) => setTimeout(ok, 20));
  return { details: boxes.length, tables: boxes.filter((b) => b.querySelector('table')).length };
}

function luminance(rgb) {
  const [r, g, b] = rgb.match(/[\d.]+/g).slice(0, 3).map((v) => {
    const c = Number(v) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
function contrast(a, b) {
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
  return (x + 0.05) / (y + 0.05);
}

// ---- the suite ---------------------------------------------------------------------------

export async function a11ySuite(browser, base, h) {
  const { test, expect, CheckFailed, poll, open, initScript, waitAllRendered, expectCleanLog, checkCanvases, inspectCharts, OUT, ROOT } = h;
  const newContext = async (opts = {}) => {
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 }, deviceScaleFactor: 1, locale: 'ja-JP', ...opts });
    await ctx.addInitScript(initScript);
    return ctx;
  };
  const state = (p, id) => p.evaluate(chartState, id);
  const text = (p, id, s, i) => p.evaluate(pointTextOf, [id, s, i]);
  /** Polls until the chart's status region says `want`. */
  const says = async (p, id, want, what) => {
    try {
      return await poll(p, chartState, id, what, (st) => st.live === want);
    } catch (e) {
      throw new CheckFailed(`${what}: the status region says ${JSON.stringify((await state(p, id)).live)}, expected ${JSON.stringify(want)}`);
    }
  };
  /** Focus lands on a temporary button just before `id`, then a real Tab press moves into the chart. */
  const tabInto = async (p, id) => {
    await p.evaluate((i) => {
      const b = document.createElement('button');
      b.id = 't-before-' + i;
      b.textContent = 'before';
      document.getElementById(i).before(b);
      b.focus();
    }, id);
    await p.keyboard.press('Tab');
    await p.evaluate((i) => document.getElementById('t-before-' + i).remove(), id);
  };
  const near = (a, b, tol = 1.01) => Math.abs(a - b) <= tol;
  /** The ring is a visible box centred on point `pt` (canvas CSS px) and inside the plot. */
  const expectRingOn = (st, pt, what) => {
    expect(st.ring, `${what}: the focus ring is not visible`, st);
    const cx = st.ringBox.x + st.ringBox.w / 2 - st.canvas.x;
    const cy = st.ringBox.y + st.ringBox.h / 2 - st.canvas.y;
    expect(near(cx, pt.x) && near(cy, pt.y), `${what}: ring centre (${cx}, ${cy}) should be on the point (${pt.x}, ${pt.y})`);
    expect(st.ringBox.w >= 20 && st.ringBox.h >= 20, `${what}: ring too small`, st.ringBox);
    expect(st.ringBox.x >= st.plot.x - 12 && st.ringBox.x + st.ringBox.w <= st.plot.x + st.plot.w + 12
      && st.ringBox.y >= st.plot.y - 12 && st.ringBox.y + st.ringBox.h <= st.plot.y + st.plot.h + 12, `${what}: ring outside the plot`, st);
  };
  const expectTipInside = (st, what) => {
    const t = st.tipBox;
    const pl = st.plot;
    expect(t.x >= pl.x - 0.5 && t.y >= pl.y - 0.5 && t.x + t.w <= pl.x + pl.w + 0.5 && t.y + t.h <= pl.y + pl.h + 0.5,
      `${what}: the tooltip ${JSON.stringify(t)} reaches outside the plot ${JSON.stringify(pl)}`);
  };
  const pages = ['index.html', 'csp.html', 'dashboard.html', 'gallery.html'];
  const shot = (p, id, file) => p.locator('#' + id).screenshot({ path: join(OUT, file) });

  // ---- axe-core, every impact, WCAG 2.0–2.2 A/AA ----
  for (const file of pages) {
    const name = `axe-core ${AXE_TAGS.join(',')} on ${file} (data tables open, a chart focused): zero violations`;
    if (!existsSync(join(ROOT, 'www', file))) { console.log(`# skipped: ${name} (www/${file} does not exist yet)`); continue; }
    await test(name, async () => {
      const ctx = await newContext();
      try {
        const { page: p, log } = await open(ctx, base, file);
        // Served from the page's own origin so that csp.html's script-src 'self' allows it.
        await p.route('**/__axe.min.js', (r) => r.fulfill({ path: AXE, contentType: 'text/javascript; charset=utf-8' }));
        await poll(p, () => [...document.querySelectorAll('indicator-chart, [data-indicator-chart]')]
          .every((el) => __ic.rendered.some((r) => r.target === el) || __ic.errors.some((e) => e.target === el) || el.closest('details:not([open])')),
        undefined, `${file}: every chart rendered or failed`);
        const opened = await p.evaluate(openTables);
        expect(opened.tables === opened.details, `${file}: not every data table opened`, opened);
        await waitAllRendered(p).catch(() => {}); // charts revealed by opening <details>
        // One chart keyboard-focused, so its ring and tooltip are audited too.
        const first = await p.evaluate(() => (document.querySelector('indicator-chart[id], [data-indicator-chart][id]') || {}).id);
        if (first) { await tabInto(p, first); await p.keyboard.press('ArrowRight'); }
        await p.addScriptTag({ url: '/__axe.min.js' });
        const result = await p.evaluate(async (tags) => {
          const r = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
          return {
            violations: r.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 4).map((x) => JSON.stringify(x.target)).join(', ')}`),
            csp: __ic.csp,
          };
        }, AXE_TAGS);
        console.log(`    # ${file}: ${opened.tables} data tables open for the audit`);
        expect(result.violations.length === 0, `${file}: axe-core violations`, result.violations);
        expect(result.csp.length === 0, `${file}: CSP violations`, result.csp);
        expectCleanLog(log, file);
      } finally {
        await ctx.close();
      }
    }, 40_000);
  }

  // ---- keyboard ----
  const ctx1 = await newContext();
  const { page, log } = await open(ctx1, base, 'index.html');
  await waitAllRendered(page);

  await test('keyboard: Tab into the line chart, ArrowRight ×2 says the 3rd point, Home/End/PageUp, Esc, Tab out (no trap), Shift+Tab back to the same point', async () => {
    const id = 'mynumber';
    const spec = JSON.parse(readFileSync(join(ROOT, 'www', 'charts', 'mynumber.json'), 'utf8'));
    const n = spec.categories.length;
    await page.focus('nav a[href="embed-example.html"]'); // the last focusable element before the chart
    await page.keyboard.press('Tab');
    let st = await state(page, id);
    expect(st.focused && st.tabindex === '0', 'Tab from the page navigation should land on the chart', st.active);
    expect(st.describedby.split(' ').length === 2, 'the canvas should be described by the summary and the key hint', st.describedby);
    // Focusing says (and shows) the first point.
    await says(page, id, await text(page, id, 0, 0), 'on focus');
    expectRingOn(await state(page, id), st.points[0], 'on focus');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    const third = await text(page, id, 0, 2);
    expect(/^2024年8月、75(\.0)?%$/.test(third), `pointText(0, 2) is ${third}`);
    st = await says(page, id, third, 'after ArrowRight ×2');
    expect(st.tip === third, 'the tooltip should show the same words', st.tip);
    expectRingOn(st, st.points[2], 'after ArrowRight ×2');
    expectTipInside(st, 'after ArrowRight ×2');
    expect(/^4px solid rgb\(0, 0, 0\)$/.test(st.ringCss.border) && st.ringCss.shadow.includes('rgb(255, 212, 61)'),
      'the ring should be the DADS focus style (4 px black, #FFD43D ring)', st.ringCss);
    await shot(page, id, 'a11y-keyboard-dpr1.png');
    await page.keyboard.press('Home');
    st = await says(page, id, await text(page, id, 0, 0), 'Home');
    expectRingOn(st, st.points[0], 'Home');
    await page.keyboard.press('End');
    st = await says(page, id, await text(page, id, 0, n - 1), 'End');
    expectRingOn(st, st.points[n - 1], 'End');
    await page.keyboard.press('ArrowRight');
    await says(page, id, await text(page, id, 0, n - 1), 'ArrowRight at the end stays on the last point');
    await page.keyboard.press('PageUp'); // 10% of 4 points rounds up to a step of one
    await says(page, id, await text(page, id, 0, n - 2), 'PageUp');
    await page.keyboard.press('Escape');
    st = await state(page, id);
    expect(st.tip === null && st.focused && st.ring, 'Esc should close the tooltip and leave focus (and ring) where they were', st);
    // The point stays put across a redraw at another width.
    const count = await page.evaluate(() => __ic.rendered.filter((r) => r.id === 'mynumber').length);
    await page.evaluate(() => { document.getElementById('mynumber').style.width = '560px'; });
    await poll(page, (c) => __ic.rendered.filter((r) => r.id === 'mynumber').length > c, count, 'a redraw at 560 px');
    st = await state(page, id);
    expectRingOn(st, st.points[n - 2], 'after a redraw at 560 px');
    await page.evaluate(() => { document.getElementById('mynumber').style.width = ''; });
    // …and across a devicePixelRatio change (zoom): the event a real zoom fires, as in run.mjs.
    const cdp = await page.context().newCDPSession(page);
    try {
      for (const dpr of [2, 1]) {
        const before = await page.evaluate(() => __ic.rendered.filter((r) => r.id === 'mynumber').length);
        await cdp.send('Emulation.setDeviceMetricsOverride', { width: 1280, height: 900, deviceScaleFactor: dpr, mobile: false });
        await page.evaluate(() => { for (const m of __ic.mqls.filter((q) => !q.matches)) m.dispatchEvent(new Event('change')); });
        await poll(page, (c) => __ic.rendered.filter((r) => r.id === 'mynumber').length > c, before, `a redraw at DPR ${dpr}`);
        st = await state(page, id);
        expectRingOn(st, st.points[n - 2], `after a redraw at DPR ${dpr}`);
        expect(st.focused, `focus stays on the chart across a redraw at DPR ${dpr}`);
      }
    } finally {
      await cdp.send('Emulation.clearDeviceMetricsOverride').catch(() => {});
      await cdp.detach().catch(() => {});
    }
    await page.keyboard.press('Tab');
    st = await state(page, id);
    expect(!st.focused && st.active === 'mynumber summary', 'Tab should move on to the data-table button (no trap)', st.active);
    expect(!st.ring && st.tip === null, 'leaving the chart hides the ring and the tooltip', st);
    await page.keyboard.press('Shift+Tab');
    st = await says(page, id, await text(page, id, 0, n - 2), 'Shift+Tab back into the chart');
    expectRingOn(st, st.points[n - 2], 'back in the chart');
    await page.keyboard.press('Shift+Tab');
    st = await state(page, id);
    expect(!st.focused && st.active === 'a', 'Shift+Tab should leave the chart backwards too', st.active);
  });

  await test('keyboard: Up/Down change series at the same category (column); Left/Right do on a bar chart; PageDown jumps 10%', async () => {
    const id = 'society';
    await tabInto(page, id);
    const st0 = await state(page, id);
    const series = new Set(st0.points.map((q) => q.series)).size;
    expect(st0.focused && series === 2, 'the two-series column chart should be focused', { active: st0.active, series });
    const steps = [['ArrowDown', 1, 0], ['ArrowDown', 1, 0], ['ArrowRight', 1, 1], ['ArrowUp', 0, 1], ['ArrowUp', 0, 1], ['End', 0, 2]];
    for (const [key, s, i] of steps) {
      await page.keyboard.press(key);
      const want = await text(page, id, s, i);
      const st = await says(page, id, want, `${key} → series ${s}, category ${i}`);
      expectRingOn(st, st.points.find((q) => q.series === s && q.index === i), `${key} on the column chart`);
    }
    expect((await text(page, id, 1, 0)).startsWith('2024年'), 'a point of a chart with several series names its series');

    // A horizontal bar chart and a long line, rendered through the JS API.
    await page.evaluate(async () => {
      const { render } = await import('/www/indicator-chart.js');
      const add = (hid) => { const d = document.createElement('div'); d.id = hid; document.querySelector('main').append(d); return d; };
      await render(add('t-bar'), { type: 'bar', title: '見直し完了条項数（試験）', unit: '条項', categories: ['目視', '定期検査・点検', '実地監査'],
        series: [{ name: '2023年', values: [852, 334, 54] }, { name: '2024年', values: [900, 400, 60] }] });
      const years = Array.from({ length: 25 }, (_, i) => String(2000 + i));
      await render(add('t-long'), { type: 'line', title: '25年分（試験）', unit: '%', categories: years, series: [{ name: '率', values: years.map((_, i) => i * 3) }] });
    });
    await waitAllRendered(page);
    await tabInto(page, 't-bar');
    for (const [key, s, i] of [['ArrowDown', 0, 1], ['ArrowRight', 1, 1], ['ArrowRight', 1, 1], ['ArrowUp', 1, 0], ['ArrowLeft', 0, 0], ['End', 0, 2]]) {
      await page.keyboard.press(key);
      const st = await says(page, 't-bar', await text(page, 't-bar', s, i), `bar chart ${key} → series ${s}, category ${i}`);
      const pt = st.points.find((q) => q.series === s && q.index === i);
      expectRingOn(st, pt, `bar chart ${key}`);
      // Beside the bar's end, not over the bars above it.
      const x = st.canvas.x + pt.x;
      expect(st.tipBox.x >= x + 12 || st.tipBox.x + st.tipBox.w <= x - 12, `bar chart ${key}: the tooltip should sit beside the bar's end`, { tip: st.tipBox, x });
      expectTipInside(st, `bar chart ${key}`);
    }
    await tabInto(page, 't-long');
    for (const [key, i] of [['PageDown', 3], ['PageDown', 6], ['End', 24], ['PageDown', 24], ['PageUp', 21], ['Home', 0]]) {
      await page.keyboard.press(key);
      await says(page, 't-long', await text(page, 't-long', 0, i), `25 points: ${key} → ${i}`);
    }
    // A live update of the focused chart keeps the reader where they were: focus on the new chart.
    await page.evaluate(async () => {
      const { render } = await import('/www/indicator-chart.js');
      const years = Array.from({ length: 26 }, (_, i) => String(2000 + i));
      await render(document.getElementById('t-long'), { type: 'line', title: '26年分（更新）', unit: '%', categories: years, series: [{ name: '率', values: years.map((_, i) => i * 3) }] });
    });
    const upd = await state(page, 't-long');
    expect(upd.focused, 'after update() the new chart should have the focus the old one had', upd.active);
    await page.keyboard.press('End');
    await says(page, 't-long', await text(page, 't-long', 0, 25), 'End after the update');
  });

  await test('tooltip: hover a column shows its words; the pointer can move onto it; Esc hides it without moving anything; flips to stay inside', async () => {
    const id = 'analog';
    await page.evaluate(() => document.activeElement && document.activeElement.blur());
    await page.locator('#' + id).scrollIntoViewIfNeeded();
    let st = await state(page, id);
    const at = (pt, dy = 0) => [st.canvas.x + pt.x, st.canvas.y + pt.y + dy];
    await page.mouse.move(...at(st.points[0], 30), { steps: 4 }); // inside the first column, below its top
    const first = await text(page, id, 0, 0);
    st = await poll(page, chartState, id, 'a tooltip on hover', (s) => s.tip !== null);
    expect(st.tip === first, `hover should show ${first}`, st.tip);
    expect(!st.ring, 'hovering does not show the keyboard ring');
    expectTipInside(st, 'hover');
    expect(st.tipCss.size === '16px' && contrast(st.tipCss.color, st.tipCss.bg) >= 4.5, 'tooltip text: 16 px at 4.5:1 or more', st.tipCss);
    expect(st.tipBox.y + st.tipBox.h <= st.canvas.y + st.points[0].y, 'the tooltip should sit above the point when there is room', st);
    await shot(page, id, 'a11y-tooltip-hover-dpr1.png');
    // Onto the tooltip, the way a hand would move: it stays (1.4.13 hoverable).
    const onTip = [st.tipBox.x + st.tipBox.w / 2, st.tipBox.y + st.tipBox.h / 2];
    await page.mouse.move(...onTip, { steps: 8 });
    st = await state(page, id);
    expect(st.tip === first, 'the tooltip should stay while the pointer is on it', st.tip);
    const under = await page.evaluate(([hid, x, y]) => {
      const n = document.getElementById(hid).shadowRoot.elementFromPoint(x, y);
      return n ? n.className : null;
    }, [id, ...onTip]);
    expect(under === 'tip', 'the pointer should be on the tooltip itself (it takes the pointer; its text can be selected)', under);
    // Esc with focus on the page body: hidden, pointer and focus unmoved (1.4.13 dismissible).
    const activeBefore = st.active;
    await page.keyboard.press('Escape');
    st = await state(page, id);
    expect(st.tip === null && st.active === activeBefore, 'Esc should hide the tooltip', st);
    await page.mouse.move(...at(st.points[0], 32));
    expect((await state(page, id)).tip === null, 'a dismissed tooltip stays closed on the same column');
    // The tallest column has no room above: the tooltip goes below, still inside the plot.
    const tallest = st.points.reduce((a, b) => (b.y < a.y ? b : a));
    await page.mouse.move(...at(tallest, 20), { steps: 4 });
    st = await poll(page, chartState, id, 'the tallest column\'s tooltip', (s) => s.tip !== null);
    expect(st.tip === await text(page, id, tallest.series, tallest.index), 'tooltip of the tallest column', st.tip);
    expectTipInside(st, 'tallest column');
    expect(st.tipBox.y >= st.canvas.y + tallest.y, 'the tooltip should flip below a point at the top', { tip: st.tipBox, point: tallest });
    await page.mouse.move(2, 2, { steps: 4 });
    expect((await state(page, id)).tip === null, 'leaving the chart hides the tooltip');
  });

  await test('tooltip: a tap shows the point and it stays until a tap elsewhere in the chart', async () => {
    const ctx = await newContext({ hasTouch: true, isMobile: false });
    try {
      const { page: p } = await open(ctx, base, 'index.html');
      await waitAllRendered(p);
      await p.locator('#analog').scrollIntoViewIfNeeded();
      let st = await state(p, 'analog');
      const pt = st.points[3];
      await p.touchscreen.tap(st.canvas.x + pt.x, st.canvas.y + pt.y + 20);
      await p.waitForTimeout(300);
      st = await state(p, 'analog');
      expect(st.tip === await text(p, 'analog', pt.series, pt.index), 'a tap should show the tapped column', st.tip);
      expectTipInside(st, 'tap');
      const empty = await p.evaluate(async () => (await import('/www/indicator-chart.js')).chartOf(document.getElementById('analog')).pointAt(2, 2));
      if (empty === -1) {
        await p.touchscreen.tap(st.canvas.x + 2, st.canvas.y + 2);
        await p.waitForTimeout(100);
        expect((await state(p, 'analog')).tip === null, 'a tap away from any point should close the tooltip');
      }
    } finally {
      await ctx.close();
    }
  });

  // ---- CSV ----
  await test('CSV download: UTF-8 with BOM, the table\'s header and rows, file named after the title; formulas made text', async () => {
    const read = async (d) => {
      const chunks = [];
      for await (const c of await d.createReadStream()) chunks.push(c);
      return Buffer.concat(chunks);
    };
    const button = page.locator('#analog').locator('button.csv');
    expect(await button.textContent() === 'CSVでダウンロード', 'the CSV button label', await button.textContent());
    const [dl] = await Promise.all([page.waitForEvent('download'), button.click()]);
    const bytes = await read(dl);
    expect(bytes[0] === 0xEF && bytes[1] === 0xBB && bytes[2] === 0xBF, 'the file should start with the UTF-8 BOM', [...bytes.subarray(0, 4)]);
    const csv = bytes.subarray(3).toString('utf8');
    const table = await page.evaluate(async () => (await import('/www/indicator-chart.js')).chartOf(document.getElementById('analog')).table());
    const lines = csv.split('\r\n');
    expect(lines[0] === table.header.join(','), 'the first line should be the table header', { line: lines[0], header: table.header });
    expect(lines.includes('フロッピーディスク等記録媒体,991'), 'a row of the table', lines);
    expect(lines.length === table.rows.length + 2 && lines[lines.length - 1] === '', 'one line per row, CRLF-terminated', lines.length);
    expect(dl.suggestedFilename() === 'アナログ規制の見直しが完了した条項の内訳.csv', 'file name from the title', dl.suggestedFilename());
    // Keyboard: Enter on the focused button downloads too.
    await button.focus();
    const [dl2] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
    expect((await read(dl2)).length === bytes.length, 'Enter on the button downloads the same file');
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
    expect(evil[0].endsWith(",'+値") && evil[1].startsWith('"\'=HYPERLINK(""http://x"")",') && evil[2].startsWith("'@SUM(A1),")
      && evil[3].startsWith('"東京,大阪",') && evil[4].startsWith('-,'), 'formula-like labels should start with \' and commas be quoted', evil);
    expect(evil[1].endsWith(',-1.5'), 'a negative number stays a number (ASCII minus, no quote mark)', evil[1]);
    expect(dl3.suggestedFilename() === 'a_b_ _試験.csv', 'characters a file name cannot hold are replaced', dl3.suggestedFilename());
  });

  await test('CSV download and keyboard under the strict CSP (csp.html): no violations', async () => {
    const { page: p, log: l } = await open(ctx1, base, 'csp.html');
    await waitAllRendered(p);
    const [dl] = await Promise.all([p.waitForEvent('download'), p.locator('#csp-inline').locator('button.csv').click()]);
    expect(dl.suggestedFilename().endsWith('.csv'), 'a CSV download', dl.suggestedFilename());
    await tabInto(p, 'csp-inline');
    await p.keyboard.press('ArrowRight');
    await says(p, 'csp-inline', await text(p, 'csp-inline', 0, 1), 'ArrowRight under the CSP');
    const csp = await p.evaluate(() => __ic.csp);
    expect(csp.length === 0, 'CSP violations', csp);
    expectCleanLog(l, 'csp.html');
    await p.close();
  });

  // ---- the accessibility tree ----
  await test('screen-reader view: Chromium\'s accessibility tree of one chart of each type, saved to tests/e2e/ax-snapshots/', async () => {
    const dir = join(ROOT, 'www', 'charts', 'gallery');
    const byType = new Map();
    const files = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.json')).sort().map((f) => `charts/gallery/${f}`) : [];
    for (const f of [...files, ...readdirSync(join(ROOT, 'www', 'charts')).filter((x) => x.endsWith('.json')).map((x) => `charts/${x}`)]) {
      const type = JSON.parse(readFileSync(join(ROOT, 'www', f), 'utf8')).type;
      if (!byType.has(type)) byType.set(type, f);
    }
    const types = [...byType.keys()];
    // Also a dark chart, for the screenshot and the tooltip's contrast in dark colours.
    const dark = files.find((f) => JSON.parse(readFileSync(join(ROOT, 'www', f), 'utf8')).colorScheme === 'dark');
    const en = files.find((f) => JSON.parse(readFileSync(join(ROOT, 'www', f), 'utf8')).locale === 'en');
    const missing = ['line', 'area', 'column', 'bar', 'pie', 'donut', 'kpi', 'progress'].filter((t) => !byType.has(t));
    if (missing.length) console.log(`    # no spec file for: ${missing.join(', ')}`);
    const html = `<!doctype html><html lang="ja"><head><meta charset="utf-8"><title>ax</title>
      <script type="module" src="/www/indicator-chart.js"></script></head><body><main>
      ${types.map((t) => `<indicator-chart id="ax-${t}" src="${byType.get(t)}"></indicator-chart>`).join('\n')}
      ${dark ? `<indicator-chart id="ax-dark" src="${dark}"></indicator-chart>` : ''}
      ${en ? `<indicator-chart id="ax-en" src="${en}"></indicator-chart>` : ''}</main></body></html>`;
    const p = await ctx1.newPage();
    try {
      await p.route('**/www/ax-types.html', (r) => r.fulfill({ contentType: 'text/html; charset=utf-8', body: html }));
      await p.goto(`${base}/www/ax-types.html`);
      await waitAllRendered(p);
      await p.evaluate(openTables);
      const cdp = await p.context().newCDPSession(p);
      await cdp.send('Accessibility.enable');
      const { nodes } = await cdp.send('Accessibility.getFullAXTree');
      const byId = new Map(nodes.map((x) => [x.nodeId, x]));
      mkdirSync(SNAPSHOTS, { recursive: true });
      const problems = [];
      for (const t of types) {
        const hostId = `ax-${t}`;
        const { result } = await cdp.send('Runtime.evaluate', { expression: `document.getElementById(${JSON.stringify(hostId)})` });
        const { node } = await cdp.send('DOM.describeNode', { objectId: result.objectId });
        const top = nodes.find((x) => x.backendDOMNodeId === node.backendNodeId);
        const page = await p.evaluate(async (i) => {
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
        if (before !== null && before !== out) console.log(`    # ax-snapshots/${t}.txt changed: review it with git diff`);
        const has = (pred, what) => { if (!found.some(pred)) problems.push(`${t}: ${what}`); };
        has((x) => x.role === 'figure' && x.name === page.title, `a figure named "${page.title}"`);
        has((x) => x.role === 'heading' && x.name === page.title && x.props.level === 3, `a level-3 heading "${page.title}"`);
        has((x) => x.role === 'image' && x.name === page.altText && x.props.focusable === true && x.desc.startsWith(page.description),
          `a focusable image named "${page.altText}" described by the summary`);
        if (page.points > 0) has((x) => x.role === 'image' && /矢印キー|Arrow keys/.test(x.desc), 'the key hint in the image description');
        else has((x) => x.role === 'image' && !/矢印キー|Arrow keys/.test(x.desc), 'no key hint on a chart without points');
        has((x) => x.role === 'status', 'a status (live) region');
        if (!page.description.trim()) problems.push(`${t}: pageText().description is empty`);
        has((x) => x.role === 'table' && x.name === page.caption, `a table named by its caption "${page.caption}"`);
        has((x) => x.role === 'columnheader', 'column headers');
        has((x) => x.role === 'rowheader', 'row headers');
        has((x) => x.role === 'button' && x.name === 'CSVでダウンロード' && x.desc === page.title, 'the CSV button, described by the title');
        has((x) => /button|DisclosureTriangle/.test(x.role) && x.name === 'データを表で見る' && x.props.expanded === true && x.desc === page.title,
          'the table disclosure, expanded, described by the title');
        if (found.some((x) => x.role === 'group' && x.name === page.caption)) problems.push(`${t}: a table that fits is wrapped in a group named like its caption`);
        has((x) => x.role === 'image' && x.name === page.altText, 'the image');
        if (page.sourceLine) has((x) => x.role === 'StaticText' || x.role === 'paragraph' || x.role === 'link', 'source text');
        if (found.some((x) => x.role === 'tooltip')) problems.push(`${t}: the hidden tooltip is in the tree`);
        console.log(`    # ${t}: ${lines.length} lines, ${page.points} points`);
      }
      await cdp.detach();
      // What a sighted keyboard user sees on each type: the last point focused.
      for (const t of types) {
        await tabInto(p, `ax-${t}`);
        await p.keyboard.press('End');
        const st = await state(p, `ax-${t}`);
        if (st.points.length) {
          expect(st.ring && st.tip !== null, `${t}: End should show the ring and the tooltip`, st);
          expectTipInside(st, t);
        }
        await shot(p, `ax-${t}`, `a11y-type-${t}.png`);
      }
      if (en) {
        const labels = await p.evaluate(() => {
          const r = document.getElementById('ax-en').shadowRoot;
          return [r.querySelector('summary').textContent, r.querySelector('button.csv').textContent, r.querySelector('figure').lang];
        });
        expect(labels.join('|') === 'Show the data as a table|Download CSV|en', 'an English chart labels its controls in English', labels);
      }
      if (dark) {
        await tabInto(p, 'ax-dark');
        await p.keyboard.press('ArrowRight');
        const st = await poll(p, chartState, 'ax-dark', 'the dark chart\'s tooltip', (x) => x.tip !== null);
        expect(contrast(st.tipCss.color, st.tipCss.bg) >= 4.5, 'dark tooltip text at 4.5:1 or more', st.tipCss);
        await shot(p, 'ax-dark', 'a11y-type-dark.png');
      }
      expect(problems.length === 0, 'the accessibility tree lacks', problems);
    } finally {
      await p.close();
    }
  });

  // ---- forced colours ----
  await test('forced colours (Windows high contrast): ring, chart outline, tooltip, table and error borders use system colours; screenshot', async () => {
    const ctx = await newContext();
    try {
      const { page: p } = await open(ctx, base, 'index.html');
      await p.emulateMedia({ forcedColors: 'active' });
      await waitAllRendered(p);
      await p.evaluate(openTables);
      await tabInto(p, 'mynumber');
      await p.keyboard.press('ArrowRight');
      await poll(p, chartState, 'mynumber', 'the tooltip', (s) => s.tip !== null);
      const css = await p.evaluate(() => {
        const sys = (c) => { const d = document.createElement('div'); d.style.color = c; document.body.append(d); const v = getComputedStyle(d).color; d.remove(); return v; };
        const root = document.getElementById('mynumber').shadowRoot;
        const cs = (s) => getComputedStyle(root.querySelector(s));
        return {
          forced: matchMedia('(forced-colors: active)').matches,
          Highlight: sys('Highlight'), CanvasText: sys('CanvasText'), Canvas: sys('Canvas'),
          ring: cs('.ring').borderTopColor, ringShadow: cs('.ring').boxShadow, outline: cs('canvas').outlineColor,
          tipBorder: cs('.tip').borderTopColor, tipText: cs('.tip').color, tipBg: cs('.tip').backgroundColor,
          cell: cs('tbody td').borderBottomColor, head: cs('thead th').borderBottomColor,
        };
      });
      expect(css.forced, 'forced-colors emulation is not on');
      expect(css.ring === css.Highlight && css.outline === css.Highlight, 'the ring and the chart outline should be Highlight', css);
      expect(css.ringShadow.includes(css.Canvas), 'the ring should keep its Canvas-coloured edges (box-shadow survives)', css);
      expect(css.tipBorder === css.CanvasText && css.tipText === css.CanvasText && css.tipBg === css.Canvas, 'the tooltip should be CanvasText on Canvas', css);
      expect(css.cell === css.CanvasText && css.head === css.CanvasText, 'table borders should be CanvasText', css);
      await shot(p, 'mynumber', 'a11y-forced-colors.png');
      const e = await open(ctx, base, 'errors.html');
      await e.page.emulateMedia({ forcedColors: 'active' });
      await poll(e.page, () => !!document.getElementById('err-json').shadowRoot?.querySelector('.error'), undefined, 'an error box');
      const err = await e.page.evaluate(() => {
        const d = document.createElement('div'); d.style.color = 'CanvasText'; document.body.append(d);
        const want = getComputedStyle(d).color; d.remove();
        const s = getComputedStyle(document.getElementById('err-json').shadowRoot.querySelector('.error'));
        return { want, border: s.borderTopColor, color: s.color, width: s.borderTopWidth };
      });
      expect(err.border === err.want && err.color === err.want && err.width === '2px', 'error boxes: a 2 px CanvasText border', err);
    } finally {
      await ctx.close();
    }
  });

  // ---- motion ----
  await test('reduced motion: no transition or animation anywhere in a chart (with and without prefers-reduced-motion)', async () => {
    for (const reducedMotion of ['reduce', 'no-preference']) {
      await page.emulateMedia({ reducedMotion });
      const moving = await page.evaluate(() => {
        const out = [];
        for (const h of [...document.querySelectorAll('*')].filter((x) => x.shadowRoot)) {
          for (const n of h.shadowRoot.querySelectorAll('*')) {
            const s = getComputedStyle(n);
            const t = s.transitionDuration.split(',').some((v) => parseFloat(v) > 0);
            if (t || s.animationName !== 'none') out.push(`${h.id} ${n.localName}.${n.className}: ${s.transitionDuration} ${s.animationName}`);
          }
        }
        return out;
      });
      expect(moving.length === 0, `moving parts with prefers-reduced-motion: ${reducedMotion}`, moving);
    }
    await page.emulateMedia({ reducedMotion: null });
  });

  expectCleanLog(log, 'index.html (a11y)');
  await page.close();

  // ---- DPR 2, and 320 CSS px at DPR 4 (400% zoom) ----
  for (const [width, dpr] of [[1280, 2], [320, 4]]) {
    await test(`zoom: ${width} px at DPR ${dpr}: ring and tooltip on the point and inside the chart, no horizontal scroll with every table open; screenshot`, async () => {
      const ctx = await newContext({ viewport: { width, height: 900 }, deviceScaleFactor: dpr });
      try {
        const { page: p, log: l } = await open(ctx, base, 'index.html');
        await waitAllRendered(p);
        // Twelve series make a table wider than a phone-width chart.
        await p.evaluate(async () => {
          const { render } = await import('/www/indicator-chart.js');
          const d = document.createElement('div');
          d.id = 't-wide';
          document.querySelector('main').append(d);
          const names = Array.from({ length: 12 }, (_, i) => `${2014 + i}年`);
          await render(d, { type: 'line', title: '12系列（試験）', unit: '件', decimals: 1, categories: ['1月', '2月', '3月'],
            series: names.map((name, i) => ({ name, values: [1234.5 + i, 2345.6 + i, 3456.7 + i] })) });
        });
        await waitAllRendered(p);
        const opened = await p.evaluate(openTables);
        await waitAllRendered(p);
        checkCanvases(await p.evaluate(inspectCharts, ['mynumber', 'analog']), dpr);
        const layout = await p.evaluate(() => {
          const wide = [];
          for (const h of [...document.querySelectorAll('*')].filter((x) => x.shadowRoot)) {
            for (const w of h.shadowRoot.querySelectorAll('.table')) {
              if (w.scrollWidth > w.clientWidth + 1) {
                const by = w.getAttribute('aria-labelledby');
                wide.push({ id: h.id, focusable: w.tabIndex === 0, role: w.getAttribute('role'), name: by && h.shadowRoot.getElementById(by) ? h.shadowRoot.getElementById(by).textContent : '' });
              } else if (w.tabIndex === 0 || w.hasAttribute('role')) {
                wide.push({ id: h.id, problem: 'a table that fits should not be a Tab stop' });
              }
            }
          }
          return { scrollWidth: document.documentElement.scrollWidth, wide };
        });
        expect(layout.scrollWidth <= width, `horizontal scrolling at ${width} px: ${layout.scrollWidth}`, opened);
        expect(layout.wide.every((w) => w.focusable && w.role === 'group' && w.name), 'a table wider than the chart scrolls in its own named, focusable region', layout.wide);
        if (width <= 320) expect(layout.wide.some((w) => w.id === 't-wide'), 'at 320 px the twelve-series table should be wider than its chart (else this checks nothing)', layout.wide);
        await tabInto(p, 'mynumber');
        await p.keyboard.press('End');
        const st = await says(p, 'mynumber', await text(p, 'mynumber', 0, 3), 'End');
        expectRingOn(st, st.points[3], `End at ${width} px, DPR ${dpr}`);
        expectTipInside(st, `End at ${width} px, DPR ${dpr}`);
        await shot(p, 'mynumber', `a11y-keyboard-${width}-dpr${dpr}.png`);
        expectCleanLog(l, `index.html @${width} DPR ${dpr}`);
      } finally {
        await ctx.close();
      }
    });
  }
}
