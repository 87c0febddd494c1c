/**
 * The one static server of the scripts and node tests (host-css-screens, storybook-smoke, bench,
 * test/dist): sirv over `root` on 127.0.0.1 (a free port), read-only, no dot-files, plus in-memory
 * responses by URL path (`pinned`, with their own `headers` if given: e.g. a bundle read once so that a concurrent rebuild cannot
 * change it mid-run, or generated pages; the map may be filled after the server started).
 * `?delay=ms` (at most 5 s) on a pinned path answers that much later, as over a network.
 * `cache(path)` gives a file's Cache-Control (default `no-store`).
 *
 *   const {server, origin} = await serve({root, pinned: new Map([['/dist/x.js', {body, type}]])});
 */
import {createServer} from 'node:http';
import {extname} from 'node:path';
import sirv from 'sirv';

const TYPES = {'.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.json': 'application/json'};

/** @param {{root: string, pinned?: Map<string, {body: string | Buffer, type?: string, headers?: object}>, cache?: (path: string) => string}} options */
export function serve({root, pinned = new Map(), cache = () => 'no-store'}) {
  const files = sirv(root, {dev: true, setHeaders: (res, path) => res.setHeader('Cache-Control', cache(path))});
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const send = (status, body = '', type = 'text/plain', headers = {}) =>
      res.writeHead(status, {'content-type': type, 'cache-control': 'no-store', ...headers}).end(body);
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(405);
    if (url.pathname === '/favicon.ico') return send(204);
    const mem = pinned.get(decodeURIComponent(url.pathname));
    if (mem) {
      await new Promise((r) => setTimeout(r, Math.min(Number(url.searchParams.get('delay')) || 0, 5000)));
      return send(200, mem.body, mem.type ?? TYPES[extname(url.pathname)] ?? 'application/octet-stream', mem.headers);
    }
    if (/\/\.|\0|%00/i.test(url.pathname)) return send(403);
    files(req, res, () => send(404));
  });
  return new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => ok({server, origin: `http://127.0.0.1:${/** @type {any} */ (server.address()).port}`}));
  });
}
