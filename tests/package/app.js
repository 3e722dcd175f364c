// The fixture app every build of tests/package/ runs (unbundled, Vite, webpack): it imports
// the packed npm package by its name and renders a line chart, a geo map (the map build and
// the prefecture shapes) and a column chart read from a CSV (the live-data part and its wasm);
// index.html adds an <indicator-chart> element with an inline spec (the registration that
// `sideEffects` must keep). `?pkgUrl=…` calls configure({ pkgUrl }) first (run.mjs's bad-folder test).
import { configure, render } from 'indicator-chart';

const pkgUrl = new URLSearchParams(location.search).get('pkgUrl');
if (pkgUrl) configure({ pkgUrl });

const source = { label: 'デジタル庁「活動報告及び今後の取組」（2025年9月5日）', url: 'https://www.digital.go.jp/' };

const line = {
  type: 'line',
  title: 'マイナンバーカードの保有率',
  subtitle: '全国',
  unit: '%',
  categories: ['2021-11', '2022-07', '2024-08', '2025-07'],
  series: [{ name: '保有率', values: [39.0, 45.8, 75.0, 79.0] }],
  source,
  asOf: '2025-07',
};

const values = [74.6, 73.1, 75.8, 79.2, 76.4, 77.9, 75.3, 78.1, 77.4, 76.2, 80.3, 80.9, 84.3, 83.5, 78.8, 79.6,
  79.1, 78.4, 76.9, 78.0, 78.6, 78.9, 80.6, 79.4, 80.1, 80.8, 79.7, 80.5, 81.2, 78.3, 79.9, 80.4, 78.7, 79.8, 81.6,
  77.6, 79.3, 78.5, 76.1, 77.2, 78.9, 77.1, 76.8, 78.2, 76.5, 75.4, 70.8];
const map = {
  type: 'map',
  title: 'マイナンバーカードの保有率（都道府県別）',
  regions: values.map((_, i) => String(i + 1).padStart(2, '0')),
  values,
  layout: 'geo',
  unit: '%',
  reference: { label: '全国', value: 79.0 },
  notes: ['都道府県別の値は例示で、公表値ではありません。'],
  source,
  asOf: '2025-07',
};

const live = {
  type: 'column',
  title: 'マイナンバーカードの保有枚数',
  subtitle: 'CSV ファイルから読み込み',
  data: { url: 'mynumber.csv', skipRows: 1 },
  series: [{ column: '保有枚数' }],
  unit: '万枚',
  asOf: 'auto',
  source,
};

const charts = { line, map, live };
window.fixture = Promise.allSettled(Object.entries(charts).map(([id, spec]) => render(document.getElementById(id), spec)))
  .then((results) => results.map((r) => (r.status === 'fulfilled' ? 'ok' : String(r.reason && r.reason.message))));
