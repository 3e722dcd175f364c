// gallery.html: shows each chart's spec file as text in the <pre data-spec="…"> under it.
// The text goes in with textContent (never parsed as HTML), exactly as the file is written.

async function showSpec(pre) {
  const url = pre.getAttribute('data-spec');
  const code = pre.querySelector('code') || pre;
  try {
    const res = await fetch(url);
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    code.textContent = (await res.text()).trimEnd();
  } catch (e) {
    code.textContent = `${url} を読み込めませんでした（${e.message}）`;
  }
  pre.setAttribute('data-loaded', '');
}

Promise.all([...document.querySelectorAll('pre[data-spec]')].map(showSpec)).then(() => {
  document.documentElement.setAttribute('data-gallery-ready', '');
});
