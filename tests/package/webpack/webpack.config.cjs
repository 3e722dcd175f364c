// webpack 5 builds the fixture app (../app.js, copied beside this file by run.mjs) into dist/:
// the package's `new URL('./…', import.meta.url)` references become asset modules (the three
// .wasm and the prefecture shapes, emitted as files) and its `import('./….js')` chunks. The rule
// for .wasm is what a project with other wasm rules would write; no `experiments` are needed,
// since the loader fetches and compiles the wasm itself.
const path = require('node:path');

module.exports = {
  mode: 'production',
  context: __dirname,
  entry: './app.js',
  output: { path: path.join(__dirname, 'dist'), filename: 'main.js', clean: true },
  module: { rules: [{ test: /\.wasm$/, type: 'asset/resource' }] },
  // The chart wasm is over webpack's 244 KB hint; the app loads it only when a chart needs it.
  performance: { hints: false },
  stats: 'errors-warnings',
};
