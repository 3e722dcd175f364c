// Where the loader's files are, for the npm package's build (scripts/package.mjs puts this
// module in place of www/src/assets.js; pkg.js owns the rest: configure({ pkgUrl }) and the
// page's <meta name="indicator-chart-pkg"> still win). Every reference here is static and
// relative to the package's index.js, so that Vite, webpack 5 and other bundlers see the wasm,
// the glue, the shapes and the lazily loaded parts, emit them with the app and rewrite their
// URLs; served unbundled, they resolve beside index.js. Each is loaded only when a chart
// needs it (a page without maps never fetches the map build or the shapes).

const PKG = {
  indicator_chart: () => [() => import('./pkg/indicator_chart.js'), new URL('./pkg/indicator_chart_bg.wasm', import.meta.url)],
  'map/indicator_chart': () => [() => import('./pkg/map/indicator_chart.js'), new URL('./pkg/map/indicator_chart_bg.wasm', import.meta.url)],
  'data/indicator_chart_data': () => [() => import('./pkg/data/indicator_chart_data.js'), new URL('./pkg/data/indicator_chart_data_bg.wasm', import.meta.url)],
};

/** The glue loader and the wasm URL of the package `name` in pkg/`dir`. */
export const pkgFiles = (dir, name) => PKG[dir + name]();

/** The prefecture shapes. */
export const shapesUrl = () => new URL('./maps/prefectures.json', import.meta.url);

/** The live-data module. */
export const importLive = () => import('./indicator-chart-live.js');

/** The table and downloads. */
export const importFiles = () => import('./indicator-chart-table.js');
