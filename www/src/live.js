// indicator-chart live data: fetching a chart's data file, decoding it, refreshing it, and
// keeping the last good figures when a fetch fails. Bundled on its own
// (www/indicator-chart-live.js) and imported by the loader only for specs with `data`, with
// the live-data wasm (pkg/data/), so pages without live data pay for neither.
//
// Reading the file is Rust's (the data wasm's `dataSource` and `fillSpec`, the same parser
// as the native CLI); this module only moves bytes: fetch with a timeout, a size limit and
// conditional requests, and decode with the browser's TextDecoder (UTF-8, else Shift_JIS).

const WORDS = {
  ja: {
    stale: (why, at) => `最新のデータを取得できませんでした（${why}）。${at} に取得したデータを表示しています。`,
    updated: (at) => `データを更新しました（${at} 取得）。`,
    http: (s) => `HTTP ${s}`,
    timeout: (s) => `${s} 秒以内に応答がありません`,
    network: '接続できないか、読み込みが許可されていません（CORS）',
    truncated: 'データが途中で切れています',
    large: (mb) => `ファイルが ${mb} MB を超えています`,
    invalid: 'データを読み取れません',
    detail: (u, why) => (u ? `${u}: ${why}` : why),
    month: (d) => `${d.getMonth() + 1}月${d.getDate()}日 `,
  },
  en: {
    stale: (why, at) => `The latest data could not be fetched (${why}). Showing the data fetched at ${at}.`,
    updated: (at) => `The data was updated (fetched at ${at}).`,
    http: (s) => `HTTP ${s}`,
    timeout: (s) => `no response within ${s} s`,
    network: 'no connection, or the server does not allow the request (CORS)',
    truncated: 'the data arrived incomplete',
    large: (mb) => `the file is larger than ${mb} MB`,
    invalid: 'the data cannot be read',
    detail: (u, why) => (u ? `${u}: ${why}` : why),
    month: (d) => `${d.toLocaleString('en', { month: 'short' })} ${d.getDate()}, `,
  },
};

/** Settings shared by every chart on the page (`configure({ fetchTimeout, retryDelay })`). */
export const settings = { fetchTimeout: 15000, retryDelay: 30000 };

const words = (locale) => (/^en\b/i.test(String(locale || '')) ? WORDS.en : WORDS.ja);
const pad = (n) => String(n).padStart(2, '0');

/** 「12:00」, or 「12月1日 12:00」 when not today. */
function clock(t, locale) {
  const d = new Date(t);
  const day = d.toDateString() === new Date().toDateString() ? '' : words(locale).month(d);
  return `${day}${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** A fetch that failed before Rust saw a file: `reason` is short (for the notice), `message` names the URL. */
class Fault extends Error {
  constructor(reason, url) {
    super(reason);
    this.reason = reason;
    this.url = url;
  }
}

/** Japanese encodings a server may name; any other label (a server's default ISO-8859-1 or
 *  US-ASCII, which would garble every label) is not believed, and the bytes decide. */
const JAPANESE = /^(shift[_-]?jis|sjis|windows-31j|cp932|ms932|ms_kanji|x-sjis|euc-jp|iso-2022-jp)$/i;

/** The file's text and the encoding it was read in: a BOM first (UTF-8, or UTF-16 as Excel's
 *  「Unicode テキスト」 saves), then a Japanese charset the server names, then UTF-8 if the bytes
 *  are valid UTF-8 (fatal: invalid UTF-8 throws), else Shift_JIS (Windows-31J). */
export function decodeNamed(bytes, contentType) {
  const read = (encoding, options) => ({ text: new TextDecoder(encoding, options).decode(bytes), encoding });
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return read('utf-8');
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return read('utf-16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return read('utf-16be');
  const charset = /charset\s*=\s*"?([\w.:-]+)/i.exec(contentType || '');
  if (charset && JAPANESE.test(charset[1])) {
    try { return read(charset[1]); } catch (_) { /* unknown to this browser: detect */ }
  }
  try {
    return read('utf-8', { fatal: true });
  } catch (_) {
    return read('shift_jis');
  }
}

/** The file's text (see decodeNamed). */
export const decode = (bytes, contentType) => decodeNamed(bytes, contentType).text;

/**
 * One chart's data file: where it is, the validators of the last good response, and the
 * refresh and retry timers. `onRefresh()` is called when a refresh is due (the controller
 * reloads through `fetchFilled`).
 */
export class Feed {
  constructor({ pkg, spec, base, lang, onRefresh }) {
    this.pkg = pkg;
    this.lang = lang;
    this.onRefresh = onRefresh;
    this.source = null;   // { url, refresh, maxBytes } from Rust
    this.url = '';
    this.spec = spec;
    this.base = base;
    this.etag = null;
    this.modified = null;
    this.text = null;     // the text of the figures shown: the same file again is no change
    this.pending = null;  // validators and text of a fetch, kept once its figures are shown
    this.fetchedAt = 0;   // when the figures shown were fetched
    this.failures = 0;
    this.timer = 0;
    this.due = false;
    this.abort = null;
    this.dead = false;
    this.onVisible = () => { if (this.due && document.visibilityState === 'visible') this.fire(); };
    document.addEventListener('visibilitychange', this.onVisible);
  }

  /** Validates `data` and `refresh` (Rust throws the path-named error) and resolves the URL. */
  prepare() {
    if (!this.source) {
      this.source = this.pkg.dataSource(this.spec, this.lang);
      this.url = new URL(this.source.url, this.base).href;
    }
    return this.source;
  }

  /**
   * Fetches the file and returns the spec with its figures written in, or null when the
   * server said 304 (nothing changed). Throws a Fault (fetch) or Rust's `{ message, path }`.
   */
  async fetchFilled({ conditional }) {
    const source = this.prepare();
    const url = this.url;
    const t = words(this.locale);
    if (this.abort) this.abort.abort();
    const abort = (this.abort = new AbortController());
    let timedOut = false;
    const timer = setTimeout(() => { timedOut = true; abort.abort(); }, settings.fetchTimeout);
    const sameOrigin = new URL(url).origin === location.origin;
    const headers = {};
    // Conditional headers are not CORS-safelisted (they would cost a preflight elsewhere):
    // same-origin files send them, other origins let the HTTP cache revalidate (no-cache).
    if (conditional && sameOrigin) {
      if (this.etag) headers['If-None-Match'] = this.etag;
      if (this.modified) headers['If-Modified-Since'] = this.modified;
    }
    let res;
    let stage = 'connect';
    try {
      res = await fetch(url, { signal: abort.signal, headers, cache: sameOrigin ? 'no-store' : 'no-cache', credentials: 'same-origin' });
      if (res.status === 304) return null;
      if (!res.ok) throw new Fault(t.http(res.status), url);
      const length = Number(res.headers.get('Content-Length'));
      const max = source.maxBytes;
      if (length > max) throw new Fault(t.large(max >> 20), url);
      stage = 'body';
      const bytes = await readAll(res, max, () => new Fault(t.large(max >> 20), url));
      const encoded = res.headers.get('Content-Encoding');
      if (length > 0 && !encoded && bytes.length !== length) throw new Fault(t.truncated, url);
      const type = res.headers.get('Content-Type');
      const text = decode(bytes, type);
      // Servers without validators, and other origins (the HTTP cache answers their 304),
      // send the same file again: the figures shown are current.
      if (conditional && text === this.text) return null;
      const filled = this.pkg.fillSpec(this.spec, this.lang, text, type || undefined, res.headers.get('Last-Modified') || undefined);
      // Kept only once the chart has taken these figures (succeeded()).
      this.pending = { etag: res.headers.get('ETag'), modified: res.headers.get('Last-Modified'), text };
      return filled;
    } catch (e) {
      if (e instanceof Fault || (e && typeof e.path === 'string')) throw e;
      if (timedOut) throw new Fault(t.timeout(Math.round(settings.fetchTimeout / 1000)), url);
      if (abort.signal.aborted) throw e; // superseded or destroyed
      throw new Fault(stage === 'body' ? t.truncated : t.network, url);
    } finally {
      clearTimeout(timer);
      if (this.abort === abort) this.abort = null;
    }
  }

  /** The figures shown are current as of now (new ones taken, or a 304): the next refresh
   *  is a full interval away. */
  succeeded() {
    if (this.pending) {
      ({ etag: this.etag, modified: this.modified, text: this.text } = this.pending);
      this.pending = null;
    }
    this.fetchedAt = Date.now();
    this.failures = 0;
    this.schedule(this.interval(), this.fetchedAt);
  }

  /**
   * A fetch failed. Returns what the notice says, with the time of the figures still shown
   * (`stale` only when there are some), and schedules a retry with backoff: the retry delay,
   * doubled each time, never longer than the refresh interval (or ten minutes).
   */
  failed(err, locale) {
    this.pending = null;
    this.failures += 1;
    const cap = this.interval() || 600000;
    // A `data` or `refresh` Rust refused is the spec's to fix: fetching again changes nothing.
    if (this.source) this.schedule(Math.min(settings.retryDelay * 2 ** (this.failures - 1), Math.max(cap, settings.retryDelay)));
    const t = words(locale);
    const fault = err instanceof Fault;
    const url = this.source ? this.source.url : '';
    const reason = fault ? err.reason : t.invalid;
    return {
      stale: this.fetchedAt > 0,
      head: this.fetchedAt > 0 ? t.stale(reason, clock(this.fetchedAt, locale)) : null,
      message: t.detail(url, fault ? err.reason : err.message),
    };
  }

  /** The chart's language as Rust decided it (the spec's `locale`, else the page's). */
  get locale() {
    return this.source ? this.source.locale : this.lang;
  }

  /** What the live region says after a refresh that brought new figures. */
  updatedText(locale) {
    return words(locale).updated(clock(this.fetchedAt, locale));
  }

  /** Milliseconds between refreshes (the spec's `refresh`, or the element's attribute), or 0. */
  interval() {
    const s = this.source ? Number(this.source.refresh) : 0;
    return s > 0 ? s * 1000 : 0;
  }

  /** When the next fetch is due: `retryIn` ms from now (0: none). */
  schedule(ms, now = Date.now()) {
    clearTimeout(this.timer);
    this.timer = 0;
    this.due = false;
    this.nextAt = ms > 0 ? now + ms : 0;
    if (ms > 0 && !this.dead) this.timer = setTimeout(() => this.fire(), ms);
  }

  /** A refresh is due: now if the tab is visible, else as soon as it is. */
  fire() {
    this.timer = 0;
    if (this.dead) return;
    if (document.visibilityState === 'hidden') { this.due = true; return; }
    this.due = false;
    this.onRefresh();
  }

  /** The state tools and tests can read: `{ url, fetchedAt, failures, nextAt }`. */
  get status() {
    return { url: this.url, fetchedAt: this.fetchedAt, failures: this.failures, nextAt: this.nextAt || 0 };
  }

  destroy() {
    this.dead = true;
    clearTimeout(this.timer);
    if (this.abort) this.abort.abort();
    document.removeEventListener('visibilitychange', this.onVisible);
  }
}

/** The body as bytes, refused (`tooLarge()`) as soon as it passes `max` bytes. */
async function readAll(res, max, tooLarge) {
  if (!res.body || !res.body.getReader) {
    const buf = new Uint8Array(await res.arrayBuffer());
    if (buf.length > max) throw tooLarge();
    return buf;
  }
  const reader = res.body.getReader();
  const chunks = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > max) {
      reader.cancel().catch(() => {});
      throw tooLarge();
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) { out.set(c, at); at += c.length; }
  return out;
}
