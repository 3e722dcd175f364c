// Runs once before the specs: fails early, with what to do, when pkg/ or Chromium is missing.
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO_ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const ROOT = process.env.E2E_ROOT ? resolve(process.env.E2E_ROOT) : REPO_ROOT;

export default function globalSetup() {
  const pkg = join(ROOT, 'pkg');
  if (!existsSync(join(pkg, 'indicator_chart_bg.wasm')) || !existsSync(join(pkg, 'indicator_chart.js'))) {
    throw new Error(`${pkg} has no indicator_chart.js / indicator_chart_bg.wasm: build it first (source scripts/ensure-tools.sh && build_pkg)`);
  }
  if (!existsSync(join(ROOT, 'www', 'indicator-chart.js'))) {
    throw new Error(`${join(ROOT, 'www', 'indicator-chart.js')} is missing: bundle the loader first (source scripts/ensure-tools.sh && build_loader)`);
  }
  const chromium = process.env.CHROMIUM || '/usr/bin/chromium';
  if (!existsSync(chromium)) throw new Error(`${chromium} is missing (apt-get install chromium fonts-noto-cjk, or set CHROMIUM=…)`);
  mkdirSync(join(REPO_ROOT, 'test-output'), { recursive: true });
}
