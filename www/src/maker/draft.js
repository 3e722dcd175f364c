// The maker's draft: the form, kept in this browser's localStorage so that a reload loses
// nothing, and cleared on request. Storage may be off (private mode, a CMS sandbox) or full
// (a huge table): then the maker works without a draft rather than failing.

const KEY = 'indicator-chart-maker-draft';

/** The saved form merged over `fresh` (fields the maker no longer has are dropped), or null. */
export function loadDraft(fresh, storage = globalThis.localStorage) {
  try {
    const saved = JSON.parse(storage.getItem(KEY) || 'null');
    if (!saved || typeof saved !== 'object' || Array.isArray(saved)) return null;
    const form = { ...fresh };
    for (const key of Object.keys(fresh)) {
      if (key in saved && (typeof saved[key] === typeof fresh[key] || fresh[key] === null || saved[key] === null)) form[key] = saved[key];
    }
    if ('extra' in saved && saved.extra && typeof saved.extra === 'object') form.extra = saved.extra;
    if (!Array.isArray(form.series)) form.series = [];
    return form;
  } catch (_) {
    return null;
  }
}

/** Saves `form`; false when the browser would not keep it. */
export function saveDraft(form, storage = globalThis.localStorage) {
  try {
    storage.setItem(KEY, JSON.stringify(form));
    return true;
  } catch (_) {
    return false;
  }
}

export function clearDraft(storage = globalThis.localStorage) {
  try { storage.removeItem(KEY); } catch (_) { /* nothing kept */ }
}
