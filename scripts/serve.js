/**
 * A tiny read-only static server for browser scripts: serves `root` on 127.0.0.1 (a free port),
 * plus in-memory responses by URL path (`pinned`), e.g. a bundle read once at start so that a
 * concurrent rebuild cannot change it mid-run. No directory listings, no dot-files, nothing
 * outside `root` (symlinks included).
 *
 *   const {server, origin} = await serve({root, pinned: new Map([['/dist/x.js', {body, type}]])});
 *   ...; server.close();
 */
import {createServer} from 'node:http';
import {readFile, realpath, stat} from 'node:fs/promises';
import {extname, resolve, sep} from 'node:path';

export const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.map': 'application/json; charset=utf-8',
};
export const typeOf = (path) => TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';

/** @param {{root: string, pinned?: Map<string, {body: string | Buffer, type?: string}>}} options */
export function serve({root, pinned = new Map()}) {
  const ROOT = resolve(root);
  const inside = (p) => p === ROOT || p.startsWith(ROOT + sep);
  const server = createServer(async (req, res) => {
    const send = (status, body, type = 'text/plain; charset=utf-8') => {
      res.writeHead(status, {'content-type': type, 'cache-control': 'no-store', 'x-content-type-options': 'nosniff'});
      res.end(req.method === 'HEAD' ? undefined : body);
    };
    try {
      if (req.method !== 'GET' && req.method !== 'HEAD') return send(405, 'read-only\n');
      const path = decodeURIComponent(new URL(req.url, 'http://127.0.0.1').pathname);
      if (path === '/favicon.ico') return send(204, '');
      const mem = pinned.get(path);
      if (mem) return send(200, mem.body, mem.type ?? typeOf(path));
      if (path.includes('\0') || path.split('/').some((s) => s === '..' || s.startsWith('.'))) return send(403, 'forbidden\n');
      const file = resolve(ROOT, '.' + path);
      if (!inside(file)) return send(403, 'forbidden\n');
      const info = await stat(file).catch(() => undefined);
      if (!info?.isFile()) return send(404, 'not found\n');
      const real = await realpath(file);
      if (!inside(real)) return send(403, 'forbidden\n');
      send(200, await readFile(real), typeOf(real));
    } catch (e) {
      send(500, String(e?.message ?? e));
    }
  });
  return new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => ok({server, origin: `http://127.0.0.1:${server.address().port}`}));
  });
}
