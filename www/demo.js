// The "JavaScript から描く" example on index.html: render() a chart, then update() it.
import { render } from './indicator-chart.js';

async function loadSpec(url) {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
  return res.json();
}

async function main() {
  const host = document.getElementById('js-chart');
  const button = document.getElementById('js-toggle');
  if (!host || !button) return;
  const [cards, rate] = await Promise.all([loadSpec('charts/mynumber-cards.json'), loadSpec('charts/mynumber.json')]);
  // render() rejects when the spec cannot be shown; the element already shows why.
  const chart = await render(host, cards);
  let showingRate = false;
  button.disabled = false;
  button.addEventListener('click', async () => {
    showingRate = !showingRate;
    button.textContent = showingRate ? '保有枚数に切り替える' : '保有率に切り替える';
    try {
      await chart.update(showingRate ? rate : cards);
    } catch (_) {
      // The notice above the chart says what went wrong; the previous chart stays.
    }
  });
}

main().catch((e) => {
  // A failed render() is already shown inside the element; a failed fetch is said here.
  const host = document.getElementById('js-chart');
  if (host && !host.shadowRoot) host.textContent = `グラフを読み込めませんでした：${e.message}`;
});
