// The shadow root's stylesheet (styles.css, bundled as text) and the theme's custom properties.
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
