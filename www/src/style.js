// The shadow root's stylesheet (styles.css, bundled as text) and the theme's custom properties.
//
// styles.css is bundled as it is written (esbuild's text loader does not minify), so it holds
// no comments; they are here. It holds no theme colour either: the chart's Rust theme owns
// them and applyTheme() sets them on the figure as custom properties (--ic-text, --ic-muted,
// --ic-surface, --ic-link, --ic-rule, --ic-focus, --ic-focus-ring, --ic-font), so the contrast
// tests of theme.rs cover the page text too. The only colours it writes are the error box's
// (shown when no chart, hence no theme, exists) and forced-colours keywords;
// tests/integration/page_css.rs checks both.
import CSS from './styles.css';

let sheet = null;

/** Gives `root` the loader's styles: one constructed sheet shared by every chart on the page. */
export function adoptStyles(root) {
  if ('adoptedStyleSheets' in root && typeof CSSStyleSheet === 'function') {
    try {
      if (!sheet) { sheet = new CSSStyleSheet(); sheet.replaceSync(CSS); }
      root.adoptedStyleSheets = [sheet];
      return;
    } catch (_) { /* fall through to <style> */ }
  }
  const style = document.createElement('style');
  style.textContent = CSS;
  root.append(style);
}

/** The theme's colours and font as the custom properties styles.css reads, set through the CSSOM. */
export function applyTheme(node, colors, fontFamily) {
  const props = {
    '--ic-text': colors.text, '--ic-muted': colors.muted, '--ic-surface': colors.surface, '--ic-link': colors.link,
    '--ic-rule': colors.rule, '--ic-focus': colors.focus, '--ic-focus-ring': colors.focusRing, '--ic-font': fontFamily,
  };
  for (const [name, value] of Object.entries(props)) if (value) node.style.setProperty(name, String(value));
}
