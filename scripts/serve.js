/**
 * The one static server of the scripts (dist-test, host-css-screens, storybook-smoke, bench):
 * read-only, serves `root` on 127.0.0.1 (a free port), plus in-memory responses by URL path
 * (`pinned`), e.g. a bundle read once at start so that a concurrent rebuild cannot change it
 * mid-run, or generated pages (the map may be filled after the server started). No directory
 * listings, no dot-files, nothing outside `root` (symlinks included).
 *
 * Options: `index` (a directory, or a path ending in `/`, serves its index.html); `cache(path)`
 * (the Cache-Control of a file; default `no-store`). `?delay=ms` (at most 5 s) on a pinned
 * path answers that much later, as over a network.
 *
 *   const {server, origin} = await serve({root, pinned: new Map([['/dist/x.js', {body, type}]])});
 *   ...; server.close();
 */
import {createServer} from 'node:http';
import {readFile, realpath, stat} from 'node:fs/promises';
import {extname, join, resolve, sep} from 'node:path';

export const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};
export const typeOf = (path) => TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';

/**
 * @param {{root: string, pinned?: Map<string, {body: string | Buffer, type?: string}>, index?: boolean,
 *   cache?: (path: string) => string}} options
 */
export function serve({root, pinned = new Map(), index = false, cache = () => 'no-store'}) {
  const ROOT = resolve(root);
  const inside = (p) => p === ROOT || p.startsWith(ROOT + sep);
  const server = createServer(async (req, res) => {
    const send = (status, body, type = 'text/plain; charset=utf-8', control = 'no-store') => {
      res.writeHead(status, {'content-type': type, 'cache-control': control, 'x-content-type-options': 'nosniff'});
      res.end(req.method === 'HEAD' ? undefined : body);
    };
    try {
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        res.setHeader('allow', 'GET, HEAD');
        return send(405, 'read-only\n');
      }
      const url = new URL(req.url, 'http://127.0.0.1');
      let path = decodeURIComponent(url.pathname);
      if (path === '/favicon.ico') return send(204, '');
      const mem = pinned.get(path);
      if (mem) {
        const delay = Math.min(Number(url.searchParams.get('delay')) || 0, 5000);
        if (delay > 0) await new Promise((r) => setTimeout(r, delay));
        return send(200, mem.body, mem.type ?? typeOf(path));
      }
      if (index && path.endsWith('/')) path += 'index.html';
      if (path.includes('\0') || path.split('/').some((s) => s === '..' || s.startsWith('.'))) return send(403, 'forbidden\n');
      let file = resolve(ROOT, '.' + path);
      if (!inside(file)) return send(403, 'forbidden\n');
      let info = await stat(file).catch(() => undefined);
      if (index && info?.isDirectory()) {
        file = join(file, 'index.html');
        info = await stat(file).catch(() => undefined);
      }
      if (!info?.isFile()) return send(404, 'not found\n');
      const real = await realpath(file);
      if (!inside(real)) return send(403, 'forbidden\n');
      send(200, await readFile(real), typeOf(real), cache(real));
    } catch (e) {
      send(500, String(e?.message ?? e));
    }
  });
  return new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => ok({server, origin: `http://127.0.0.1:${server.address().port}`}));
  });
}
