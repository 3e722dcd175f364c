// Every call of the JS API, typed: `tsc --noEmit -p types` (the test suite) compiles this against
// index.d.ts and the generated spec.d.ts. A spec literal that breaks the schema's types fails.
import { render, chartOf, configure, ChartError, type ChartSpec, type ChartHandle, type LineSpec, type MapSpec } from './index';

configure({ pkgUrl: '/pkg/', fetchTimeout: 10000, retryDelay: 30000 });

const line: LineSpec = {
  type: 'line',
  title: 'マイナンバーカードの保有率',
  unit: '%',
  categories: ['2021-11', '2022-07', '2024-08', '2025-07'],
  series: [{ name: '保有率', values: [39.0, 45.8, 75.0, { value: 79.0, flag: 'p' }], style: 'solid' }],
  source: { label: 'デジタル庁', url: 'https://www.digital.go.jp/' },
  asOf: '2025-07',
  annotations: [{ type: 'line', value: 80, label: '目標' }],
};
const map: MapSpec = { type: 'map', title: '保有率（都道府県別）', regions: ['13', '東京都'], values: [84.3, 'x'], layout: 'tiles' };
const live: ChartSpec = { type: 'column', title: '保有枚数', data: { url: 'data/mynumber.csv', skipRows: 1 }, refresh: 3600 };

async function use(element: HTMLElement): Promise<void> {
  const chart: ChartHandle = await render(element, line);
  await chart.update(map);
  const failed: ChartError | null = await chart.refresh();
  if (failed) console.log(failed.message, failed.path);
  const status = chart.dataStatus;
  if (status) console.log(status.url, status.failures, status.nextAt);
  console.log(chart.pageText?.description, chart.table()?.rows.length, chart.pointText(0, 0), chart.pointAt(10, 10), chart.points()[0]?.x);
  await chart.download('png');
  // @ts-expect-error: not a file the chart saves
  await chart.download('pdf');
  chartOf(element)?.destroy();
  chart.element.addEventListener('indicator-chart:rendered', (e) => console.log(e.detail.width, e.detail.dpr));
  chart.element.addEventListener('indicator-chart:error', (e) => console.log(e.detail.message, e.detail.stale));
  document.createElement('indicator-chart').setAttribute('src', 'charts/mynumber.json');
  await render(element, live).catch((e: ChartError) => e.path);
}

use(document.body);

// @ts-expect-error a field the schema does not know is a type error too
const typo: LineSpec = { type: 'line', title: 't', colour: '#000000' };
void typo;
