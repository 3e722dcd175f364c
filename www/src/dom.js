// DOM helpers shared by the loader's modules: element creation (text only, never HTML),
// events and the inline spec. No stylesheet here (see style.js), so Node can import the
// modules that use these for their unit tests.
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

/** `load(...args)` run at the first call and its promise kept; a failure is forgotten, so that the
 *  next call (another chart, an update) tries again instead of failing forever. */
export function once(load) {
  let promise = null;
  return (...args) => {
    if (!promise) {
      promise = load(...args);
      promise.catch(() => { promise = null; });
    }
    return promise;
  };
}
