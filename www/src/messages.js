// The loader's own words: what it says when it cannot get as far as a chart (a fetch or the
// wasm failed), and the labels of its controls. Which language is the chart's decision, made
// in Rust (the spec's `locale`, else the page's `lang`) and returned as `locale`; before the
// wasm has answered, the page's `lang` is the only fact there is.

export const TEXT = {
  ja: {
    head: 'グラフを表示できません',
    refresh: 'グラフを更新できませんでした（前回のグラフを表示しています）',
    http: (u, s) => `${u} を読み込めませんでした（HTTP ${s}）`,
    net: (u, m) => `${u} を読み込めませんでした（${m}）`,
    json: (m) => `JSON として読み込めません: ${m}`,
    wasm: (m) => `グラフ部品（WebAssembly）を読み込めませんでした: ${m}`,
    shapes: (m) => `地図の形（都道府県の境界）を読み込めませんでした: ${m}`,
    nospec: 'グラフの仕様がありません（src 属性か <script type="application/json"> が必要です）',
    table: 'データを表で見る',
    csv: 'CSVでダウンロード',
    png: '画像（PNG）',
    svg: '画像（SVG）',
    keys: '矢印キーで値を1つずつ読み上げます（Home・End で最初・最後、Esc で吹き出しを閉じる）。',
    mapKeys: '矢印キーで隣の都道府県の値を読み上げます（Home・End でコード順の最初・最後、Esc で吹き出しを閉じる）。',
  },
  en: {
    head: 'The chart cannot be shown',
    refresh: 'The chart could not be updated (showing the previous chart)',
    http: (u, s) => `Could not load ${u} (HTTP ${s})`,
    net: (u, m) => `Could not load ${u} (${m})`,
    json: (m) => `Not valid JSON: ${m}`,
    wasm: (m) => `Could not load the chart component (WebAssembly): ${m}`,
    shapes: (m) => `Could not load the map's prefecture shapes: ${m}`,
    nospec: 'No chart spec (needs a src attribute or a <script type="application/json">)',
    table: 'Show the data as a table',
    csv: 'Download CSV',
    png: 'Image (PNG)',
    svg: 'Image (SVG)',
    keys: 'Arrow keys read the values one by one (Home and End: first and last; Esc closes the tooltip).',
    mapKeys: 'Arrow keys read the neighbouring prefecture (Home and End: first and last by code; Esc closes the tooltip).',
  },
};

/** The words for a language tag (`ja`, `en`, `en-GB`…); Japanese for anything else. */
export function textFor(tag) {
  return /^en\b/i.test(String(tag || '')) ? TEXT.en : TEXT.ja;
}

/** A failure to show a spec: `message` for people, `path` (JSON path, '' if none) for tools,
 *  `locale` (the chart's language, when Rust decided it). */
export class ChartError extends Error {
  constructor(message, path = '', locale = '') {
    super(message);
    this.name = 'IndicatorChartError';
    this.path = path;
    this.locale = locale;
  }
}

/** Whatever was thrown (wasm's plain `{message, path, locale}`, an Error, a string) as a ChartError. */
export function toChartError(e) {
  if (e instanceof ChartError) return e;
  if (e && typeof e === 'object' && typeof e.message === 'string') {
    return new ChartError(e.message, typeof e.path === 'string' ? e.path : '', typeof e.locale === 'string' ? e.locale : '');
  }
  return new ChartError(String(e));
}
