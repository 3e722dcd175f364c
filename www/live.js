// live.html: the "今すぐ更新" button and a line saying when the CSV chart's data was fetched.
import { chartOf } from './indicator-chart.js';

const host = document.getElementById('live-csv');
const button = document.getElementById('refresh-now');
const status = document.getElementById('live-status');
const time = (t) => new Date(t).toLocaleTimeString('ja-JP', { hour: '2-digit', minute: '2-digit', second: '2-digit' });

function show() {
  const chart = chartOf(host);
  const s = chart && chart.dataStatus;
  if (!s || !s.fetchedAt) return;
  button.disabled = false;
  status.textContent = `${time(s.fetchedAt)} に取得${s.failures ? `（${s.failures} 回失敗、再試行 ${time(s.nextAt)}）` : ''}`;
}

host.addEventListener('indicator-chart:rendered', show);
host.addEventListener('indicator-chart:error', show);
button.addEventListener('click', async () => {
  const chart = chartOf(host);
  if (!chart) return;
  button.disabled = true;
  await chart.refresh();
  button.disabled = false;
  show();
});
