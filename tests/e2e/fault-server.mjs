// A server for live-data.spec.mjs that a test starts and stops itself: the repository's files
// (as server.mjs serves them) plus data files under /live/ whose answer the test sets, to
// play every fault a ministry's server or network can produce.
//
//   const faults = await startFaultServer({ other: 'http://127.0.0.1:9000' });
//   faults.set('/live/data.csv', { body: '年,値\n2024,1\n' });   // 200 with ETag / Last-Modified
//   faults.set('/live/data.csv', { fault: 'status', status: 500 });
//   faults.hits('/live/data.csv')                                  // [{ status, ifNoneMatch, … }]
//
// Faults: `status` (any HTTP status), `hang` (headers never sent), `truncated` (Content-Length
// promises more than is sent), `html` (a 200 HTML page, as a login or error page), `cors` (a
// redirect to `other`, an origin that sends no CORS headers), `huge` (Content-Length beyond
// any limit, with a tiny body).
import { startServer } from './server.mjs';

export async function startFaultServer({ other = '' } = {}) {
  const files = new Map(); // path → { body, type, etag, modified, fault, status }
  const log = new Map();   // path → hits
  const hanging = new Set();
  let version = 0;

  const handle = (req, res) => {
    const path = new URL(req.url, 'http://x').pathname;
    if (!path.startsWith('/live/')) return false;
    const file = files.get(path);
    const hit = { at: Date.now(), ifNoneMatch: req.headers['if-none-match'] || null, ifModifiedSince: req.headers['if-modified-since'] || null, status: 0 };
    if (!log.has(path)) log.set(path, []);
    log.get(path).push(hit);
    const answer = (status, headers, body) => {
      hit.status = status;
      res.writeHead(status, { 'Cache-Control': 'no-store', ...headers });
      res.end(body);
    };
    if (!file) return answer(404, { 'Content-Type': 'text/plain' }, 'not found\n'), true;
    switch (file.fault) {
      case 'status':
        answer(file.status, { 'Content-Type': 'text/plain; charset=utf-8' }, `error ${file.status}\n`);
        break;
      case 'hang':
        hit.status = -1;
        hanging.add(res);
        res.on('close', () => hanging.delete(res));
        break;
      case 'truncated': {
        hit.status = 200;
        const bytes = Buffer.from(file.body);
        res.writeHead(200, { 'Content-Type': file.type, 'Content-Length': bytes.length + 500, 'Cache-Control': 'no-store' });
        res.write(bytes.subarray(0, Math.floor(bytes.length / 2)));
        setTimeout(() => res.destroy(), 50);
        break;
      }
      case 'html':
        answer(200, { 'Content-Type': 'text/html; charset=utf-8' }, '<!doctype html><title>ログイン</title><p>ログインしてください</p>');
        break;
      case 'cors':
        answer(302, { Location: other + '/www/data/mynumber.csv' }, '');
        break;
      case 'huge':
        hit.status = 200;
        res.writeHead(200, { 'Content-Type': file.type, 'Content-Length': 200 * 1024 * 1024, 'Cache-Control': 'no-store' });
        res.write('年,値\n');
        setTimeout(() => res.destroy(), 200);
        break;
      default:
        if (req.headers['if-none-match'] === file.etag) {
          answer(304, { ETag: file.etag, 'Last-Modified': file.modified }, undefined);
        } else {
          answer(200, { 'Content-Type': file.type, ETag: file.etag, 'Last-Modified': file.modified }, file.body);
        }
    }
    return true;
  };

  const server = await startServer({ handle });
  return {
    url: server.url,
    /** Sets what `path` answers: `{ body, type }` for a good file (a new ETag each time), or `{ fault, … }`. */
    set(path, { body, type = 'text/csv; charset=utf-8', fault = null, status = 500 } = {}) {
      const prev = files.get(path) || {};
      const next = { ...prev, fault, status };
      if (body != null) {
        version += 1;
        Object.assign(next, { body, type, etag: `"v${version}"`, modified: new Date(Date.UTC(2025, 8, 5, 1, version)).toUTCString() });
      }
      files.set(path, next);
    },
    /** The requests `path` has had, oldest first. */
    hits(path) { return log.get(path) || []; },
    async close() {
      for (const res of hanging) res.destroy();
      await server.close();
    },
  };
}
