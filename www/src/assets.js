// Where the loader's files are, for the www/ build (www/indicator-chart.js): the wasm packages
// in ../pkg/ beside the loader's folder, the rest beside the loader, found at run time from
// the loader's own URL. The npm package's build swaps this one module for
// package/assets.js, whose references are static (`new URL('./…', import.meta.url)`,
// `import('./….js')`) so that Vite and webpack see and emit them (scripts/ensure-tools.sh
// build_package). pkg.js owns everything else: overrides (configure, <meta>), loading, retries.

/** The glue loader and the wasm URL of the package `name` in pkg/`dir` (`at(base, dir, name)` builds them). */
export const pkgFiles = (dir, name, at) => at(new URL('../pkg/', import.meta.url).href, dir, name);

/** The prefecture shapes (www/maps/prefectures.json). */
export const shapesUrl = () => new URL('maps/prefectures.json', import.meta.url);

/** The live-data module (www/indicator-chart-live.js). */
export const importLive = () => import(new URL('indicator-chart-live.js', import.meta.url).href);

/** The table and downloads (www/indicator-chart-table.js). */
export const importFiles = () => import(new URL('indicator-chart-table.js', import.meta.url).href);
