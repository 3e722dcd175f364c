// The embed page's script: reads ?spec=, refuses anything but a same-origin path (or an origin
// the site owner listed), shows the chart, and tells the host page its height:
//   parent.postMessage({ "indicator-chart-height": { "<id>": px } }, "*")
// on load and on every change (resize, table opened, error), as Datawrapper's responsive
// iframes do. www/embed-host.js in the host page sets the height of the iframe that sent it.
import { chartOf } from './indicator-chart.js';

const KEY = 'indicator-chart-height';
const params = new URLSearchParams(location.search);
const main = document.getElementById('embed');

/** The origins besides this one that specs may come from (the site owner's <meta>). */
function allowedOrigins() {
  const meta = document.querySelector('meta[name="indicator-chart-spec-origins"]');
  const list = meta ? meta.content.split(/[\s,]+/).filter(Boolean) : [];
  const out = new Set([location.origin]);
  for (const o of list) { try { out.add(new URL(o).origin); } catch (_) { /* not an origin */ } }
  return out;
}

/** The spec URL, or null with the reason when it is not one this page may load. */
function specUrl(raw) {
  if (!raw) return { error: 'nospec' };
  let url;
  try { url = new URL(raw, location.href); } catch (_) { return { error: 'bad' }; }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { error: 'bad' };
  if (!allowedOrigins().has(url.origin)) return { error: 'origin' };
  return { url: url.href };
}

const WORDS = {
  ja: {
    nospec: 'グラフの仕様がありません（embed.html?spec=charts/名前.json のように指定します）',
    bad: (s) => `仕様のアドレスとして使えません: ${s}`,
    origin: (s) => `このページからは読み込めない場所です: ${s}（同じサイトの仕様だけを表示します）`,
  },
  en: {
    nospec: 'No chart spec (use embed.html?spec=charts/NAME.json)',
    bad: (s) => `Not a spec address this page can use: ${s}`,
    origin: (s) => `This page does not load specs from there: ${s} (only this site's specs are shown)`,
  },
};

// The id the host page knows this chart by: ?id=, else the spec path.
const id = params.get('id') || params.get('spec') || 'chart';
let last = -1;
function report() {
  const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
  if (height === last || !(height >= 0)) return;
  last = height;
  if (window.parent !== window) window.parent.postMessage({ [KEY]: { [id]: height } }, '*');
}

const spec = specUrl(params.get('spec'));
if (spec.url) {
  const chart = document.createElement('indicator-chart');
  chart.setAttribute('src', spec.url);
  chart.setAttribute('heading-level', params.get('heading') || '2');
  main.append(chart);
  // Changes inside the chart (table opened, error shown) change its size, and the observer sees it.
  for (const type of ['indicator-chart:rendered', 'indicator-chart:error']) document.addEventListener(type, report);
  // The page is named after its chart (screen readers announce a framed page's title).
  document.addEventListener('indicator-chart:rendered', () => {
    const handle = chartOf(chart);
    const page = handle && handle.pageText;
    if (page && page.title) document.title = page.title;
  }, { once: true });
} else {
  const lang = /^en\b/i.test(params.get('lang') || document.documentElement.lang) ? 'en' : 'ja';
  const words = WORDS[lang][spec.error];
  const box = document.createElement('p');
  box.className = 'embed-error';
  box.setAttribute('role', 'alert');
  box.textContent = typeof words === 'function' ? words(params.get('spec')) : words;
  main.append(box);
}
new ResizeObserver(report).observe(document.documentElement);
window.addEventListener('load', report);
report();
