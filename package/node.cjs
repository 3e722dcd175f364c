// What `import 'indicator-chart'` (or require) gives outside a browser: the package's "node"
// export condition. The chart draws on a <canvas> and builds its figure, table and controls in
// the DOM, so there is nothing it could do here; say so instead of failing on `document`.
'use strict';
const error = new Error(
  'indicator-chart runs in a browser (it draws on canvas and uses the DOM); import it from browser code ' +
  '(a <script type="module">, or an app built with Vite or webpack for the browser). ' +
  'With server-side rendering, import it only on the client, e.g. `const { render } = await import(\'indicator-chart\')` ' +
  'in code that runs after the page has loaded.',
);
error.code = 'INDICATOR_CHART_BROWSER_ONLY';
throw error;
