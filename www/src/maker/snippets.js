// The three ways to put the maker's chart in a page (README "Embedding a chart" and
// "Embedding in a CMS that strips scripts"), as text to copy: pure, tested under Node.
import { fileName } from '../files.js';

/** `text` safe inside a double-quoted HTML attribute. */
function attr(text) {
  return String(text).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * The spec as JSON that can sit inside `<script type="application/json">`: every `<` written
 * as `\u003c`, so a label holding `</script>` cannot end the element (JSON reads it back the same).
 */
export function inlineJson(spec) {
  return JSON.stringify(spec, null, 2).replace(/</g, '\\u003c');
}

/**
 * `{ element, div, iframe }`: the spec inline in `<indicator-chart>` (nothing to upload), a
 * `<div data-indicator-chart>` reading the spec file at `specUrl`, and the embed page in an
 * iframe with the host script that sizes it. `lib` is the URL of the folder holding
 * indicator-chart.js and embed.html. The iframe names a spec on the embed page's own site by
 * its path (embed.html refuses other origins unless its owner lists them).
 */
export function snippets(spec, { lib, specUrl }) {
  const base = new URL(lib);
  // Only a web address: a javascript: or data: "folder" would put script in the snippet.
  if (base.protocol !== 'https:' && base.protocol !== 'http:') throw new TypeError('lib: not an http(s) URL');
  const folder = base.href.endsWith('/') ? base.href : base.href + '/';
  const script = `<script type="module" src="${attr(folder + 'indicator-chart.js')}"></script>`;
  const file = new URL(specUrl, folder);
  if (file.protocol !== 'https:' && file.protocol !== 'http:') throw new TypeError('specUrl: not an http(s) URL');
  const embedSpec = file.origin === base.origin ? decodeURI(file.pathname) + file.search : file.href;
  const embed = `${folder}embed.html?spec=${encodeURIComponent(embedSpec)}`;
  const title = spec && typeof spec.title === 'string' ? spec.title : '';
  return {
    element: `${script}\n<indicator-chart>\n<script type="application/json">\n${inlineJson(spec)}\n</script>\n</indicator-chart>`,
    div: `${script}\n<div data-indicator-chart data-src="${attr(file.href)}"></div>`,
    iframe: `<iframe src="${attr(embed)}"\n  title="${attr(title)}" style="width:100%;border:0" height="520" loading="lazy"></iframe>\n`
      + `<script src="${attr(folder + 'embed-host.js')}" async></script>`,
  };
}

/** The spec's file name, named as the chart's own files are (files.js: title, no reserved characters). */
export function specFileName(spec) {
  return fileName(spec && typeof spec.title === 'string' ? spec.title : '', null, 'json');
}
