// DOM helpers shared by the loader's modules: element creation (text only, never HTML),
// events, the inline spec, and the shadow root's stylesheet.
import CSS from './styles.css';

/** A new element with a class and text content (set as text: labels are never markup). */
export function el(tag, cls, text) {
  const node = document.createElement(tag);
  if (cls) node.className = cls;
  if (text != null) node.textContent = String(text);
  return node;
}

/** Fires `type` on `host`, crossing the shadow boundary. */
export function emit(host, type, detail) {
  host.dispatchEvent(new CustomEvent(type, { bubbles: true, composed: true, detail }));
}

/** The text of a `<script type="application/json">` child, or null. */
export function inlineSpecText(host) {
  for (const child of host.children) {
    if (child.localName === 'script' && (child.type || '').trim().toLowerCase() === 'application/json') {
      return child.textContent;
    }
  }
  return null;
}

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
