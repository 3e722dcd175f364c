// Assembles the npm package `indicator-chart` in target/npm/package/ and packs it into
// target/npm/indicator-chart-<version>.tgz (npm pack's report: target/npm/pack.json).
//
//   node scripts/package.mjs      (after build_pkg: it needs pkg/, pkg/map/, pkg/data/)
//
// The package's loader is the loader's own source (www/src/), bundled by esbuild as for www/,
// with one module swapped: www/src/assets.js (files found at run time beside the loader)
// becomes package/assets.js (static `new URL('./…', import.meta.url)` and `import('./….js')`,
// which bundlers see and emit). It is not minified: the app's bundler minifies it, and
// minifying would drop the `webpackIgnore` / `@vite-ignore` comments on the one import that
// must stay a run-time URL (configure({ pkgUrl })). Beside it: the live-data and table parts,
// the three wasm builds with their glue (not wasm-pack's package.json, README or .d.ts: the
// API's types are types/), the prefecture shapes, types/, package/README.md and node.cjs.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const OUT = join(ROOT, 'target/npm');
const DIR = join(OUT, 'package');

const fail = (m) => { console.error(`package: ${m}`); process.exit(1); };

// The version is the crate's (Cargo.toml); package/package.json must say the same.
const cargoVersion = /^version = "([^"]+)"/m.exec(readFileSync(join(ROOT, 'Cargo.toml'), 'utf8'))[1];
const manifest = JSON.parse(readFileSync(join(ROOT, 'package/package.json'), 'utf8'));
if (manifest.version !== cargoVersion) {
  fail(`package/package.json says version ${manifest.version}, Cargo.toml ${cargoVersion}: make them equal`);
}

// wasm-pack's output: only what the loader loads.
const PKG_FILES = [
  'pkg/indicator_chart.js', 'pkg/indicator_chart_bg.wasm',
  'pkg/map/indicator_chart.js', 'pkg/map/indicator_chart_bg.wasm',
  'pkg/data/indicator_chart_data.js', 'pkg/data/indicator_chart_data_bg.wasm',
];
for (const f of PKG_FILES) {
  if (!existsSync(join(ROOT, f))) fail(`${f} is missing: build pkg/ first (source scripts/ensure-tools.sh && build_pkg)`);
}

rmSync(OUT, { recursive: true, force: true });
mkdirSync(DIR, { recursive: true });

const banner = `// indicator-chart ${manifest.version} (${manifest.license}), built from www/src/ by scripts/package.mjs.`;
const common = { bundle: true, format: 'esm', target: 'es2020', legalComments: 'none', logLevel: 'warning', banner: { js: banner } };

/** www/src/assets.js → package/assets.js; that module's own imports stay as written (files of the package). */
const packageAssets = {
  name: 'package-assets',
  setup(b) {
    const assets = join(ROOT, 'package/assets.js');
    b.onResolve({ filter: /^\.\/assets\.js$/ }, (args) => (
      args.importer.startsWith(join(ROOT, 'www/src') + '/') ? { path: assets } : undefined));
    b.onResolve({ filter: /^\.\// }, (args) => (args.importer === assets ? { path: args.path, external: true } : undefined));
  },
};

await build({ ...common, entryPoints: [join(ROOT, 'www/src/index.js')], outfile: join(DIR, 'index.js'), loader: { '.css': 'text' }, plugins: [packageAssets] });
await build({ ...common, entryPoints: [join(ROOT, 'www/src/live.js')], outfile: join(DIR, 'indicator-chart-live.js') });
await build({ ...common, entryPoints: [join(ROOT, 'www/src/files.js')], outfile: join(DIR, 'indicator-chart-table.js') });

const copy = (from, to = from) => { mkdirSync(dirname(join(DIR, to)), { recursive: true }); copyFileSync(join(ROOT, from), join(DIR, to)); };
for (const f of PKG_FILES) copy(f);
copy('www/maps/prefectures.json', 'maps/prefectures.json');
copy('types/index.d.ts');
copy('types/spec.d.ts');
copy('package/README.md', 'README.md');
copy('package/node.cjs', 'node.cjs');
copy('LICENSE');
writeFileSync(join(DIR, 'package.json'), JSON.stringify(manifest, null, 2) + '\n');

// npm pack: the tarball beside the folder, and npm's own account of it (files, sizes) for the test.
const report = execFileSync('npm', ['pack', '--json', '--pack-destination', OUT], { cwd: DIR, encoding: 'utf8' });
writeFileSync(join(OUT, 'pack.json'), report);
const [packed] = JSON.parse(report);
console.log(`package: ${join('target/npm', packed.filename)} (${packed.entryCount} files, ${(packed.size / 1024).toFixed(1)} KB packed, ${(packed.unpackedSize / 1024).toFixed(1)} KB unpacked)`);
