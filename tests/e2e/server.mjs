// A tiny static file server for the demo and the end-to-end test (Node 20, no dependencies).
//
//   node tests/e2e/server.mjs [port] [root]   → serves the repo root, http://127.0.0.1:8000/www/
//
// `.wasm` goes out as application/wasm (so WebAssembly.instantiateStreaming works),
// missing files are 404, nothing outside the root is served, nothing is cached by the browser
// (no-store), but every file has an ETag and a Last-Modified date, and a request that sends
// them back (If-None-Match, If-Modified-Since: live data's refreshes) gets 304 Not Modified.
// `handle(req, res)` may answer a request first (the fault server of live-data.spec.mjs).
// `compress: true` sends text, JSON and wasm brotli- or gzip-encoded, as a production server
// would (bench/peers.mjs measures cold loads over a throttled link with it).
import { createServer } from 'node:http';
import { createReadStream, readFileSync } from 'node:fs';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.txt': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.md': 'text/plain; charset=utf-8',
  '.ico': 'image/x-icon',
};

export const REPO_ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));

/** Starts serving `root` on 127.0.0.1; port 0 picks a free one. Resolves to { url, port, close() }. */
export function startServer({ root = REPO_ROOT, port = 0, host = '127.0.0.1', log = false, handle = null, compress = false } = {}) {
  const encoded = new Map(); // `${file}|${encoding}` → bytes
  const base = resolve(root);
  const server = createServer(async (req, res) => {
    const send = (status, body, headers = {}) => {
      res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store', ...headers });
      res.end(req.method === 'HEAD' ? undefined : body);
      if (log) console.log(status, req.method, req.url);
    };
    if (handle && handle(req, res)) return;
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(405, 'method not allowed\n');
    let pathname;
    try {
      pathname = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    } catch {
      return send(400, 'bad request\n');
    }
    if (pathname === '/') return send(302, '', { Location: '/www/' });
    if (pathname.includes('\0')) return send(400, 'bad request\n');
    let file = resolve(join(base, pathname));
    if (file !== base && !file.startsWith(base + sep)) return send(403, 'forbidden\n');
    try {
      let info = await stat(file);
      if (info.isDirectory()) {
        if (!pathname.endsWith('/')) return send(301, '', { Location: pathname + '/' });
        file = join(file, 'index.html');
        info = await stat(file);
      }
      if (!info.isFile()) return send(404, 'not found\n');
      const etag = `"${info.size.toString(16)}-${Math.floor(info.mtimeMs).toString(16)}"`;
      const modified = new Date(Math.floor(info.mtimeMs / 1000) * 1000).toUTCString();
      const since = Date.parse(req.headers['if-modified-since'] || '');
      if (req.headers['if-none-match'] === etag || (!req.headers['if-none-match'] && since >= Date.parse(modified))) {
        res.writeHead(304, { ETag: etag, 'Last-Modified': modified, 'Cache-Control': 'no-store' });
        if (log) console.log(304, req.method, req.url);
        return res.end();
      }
      const type = TYPES[extname(file).toLowerCase()] || 'application/octet-stream';
      const accept = String(req.headers['accept-encoding'] || '');
      const encoding = compress && /text|json|wasm|svg/.test(type) ? (/\bbr\b/.test(accept) ? 'br' : /gzip/.test(accept) ? 'gzip' : null) : null;
      const headers = { ETag: etag, 'Last-Modified': modified, 'Content-Type': type, 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' };
      if (encoding) {
        const key = `${file}|${etag}|${encoding}`;
        if (!encoded.has(key)) {
          const raw = readFileSync(file);
          encoded.set(key, encoding === 'br' ? brotliCompressSync(raw) : gzipSync(raw, { level: 9 }));
        }
        const body = encoded.get(key);
        res.writeHead(200, { ...headers, 'Content-Encoding': encoding, 'Content-Length': body.length, Vary: 'Accept-Encoding' });
        return res.end(req.method === 'HEAD' ? undefined : body);
      }
      res.writeHead(200, { ...headers, 'Content-Length': info.size });
      if (log) console.log(200, req.method, req.url);
      if (req.method === 'HEAD') return res.end();
      createReadStream(file).on('error', () => res.destroy()).pipe(res);
    } catch {
      send(404, 'not found\n');
    }
  });
  return new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, host, () => {
      const { port: p } = server.address();
      ok({
        port: p,
        url: `http://${host}:${p}`,
        close: () => new Promise((done) => { server.closeAllConnections?.(); server.close(() => done()); }),
      });
    });
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const port = Number(process.argv[2] || 8000);
  const root = process.argv[3] ? resolve(process.argv[3]) : REPO_ROOT;
  const { url } = await startServer({ port, root, log: true });
  console.log(`serving ${root} at ${url}/www/ (Ctrl+C to stop)`);
}
