/**
 * Test endpoints of the web-test-runner dev server (koa middleware). Only `/__test/*`, the CSP
 * host page and NUL paths are touched; add an endpoint as one more `case`.
 *
 *   /test/hosts/csp.html       served with the strict host policy below (test/csp.test.ts)
 *   /__test/slow?ms=&file=     the repo file `file` (or `{"title": title}` for ?title=) after `ms` ms
 *   /__test/invalid            200 with a body that is not JSON
 *   /__test/reset              destroys the socket: a network error
 *   /__test/flaky?key=&fail=&file=   fails with `fail` (404 | 500 | invalid | reset | slow) until
 *                              /__test/recover?key= is requested; then serves like /__test/slow
 *   /__test/hits?key=          how many requests for `key` reached slow/flaky, as JSON
 *   /__test/endless            JSON with no Content-Length, streamed until the client goes away
 *                              (64 KB at a time, at most 256 MB)
 *   /__test/declared?length=   a Content-Length of `length`, a short body, then nothing (held
 *                              open for 30 s)
 * Every answer is `no-store`, so a retry really asks the server again.
 */
import {readFile} from 'node:fs/promises';
import {resolve} from 'node:path';

const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; " +
  "require-trusted-types-for 'script'; trusted-types lit-html";

/** @param {string} root the directory that `?file=` may read from */
export function testEndpoints(dir) {
  const root = resolve(dir);
  const hits = new Map();
  const recovered = new Set();
  const delay = (ms) => new Promise((r) => setTimeout(r, Math.min(Number(ms) || 0, 60000)).unref());

  /** @param {any} ctx @param {URLSearchParams} q */
  const serve = async (ctx, q) => {
    await delay(q.get('ms'));
    const file = q.get('file');
    if (file && !resolve(root, file).startsWith(root + '/')) ctx.throw(403);
    ctx.body = file ? await readFile(resolve(root, file), 'utf8') : JSON.stringify({title: q.get('title') ?? 'untitled'});
    ctx.type = 'application/json';
  };

  /** @param {any} ctx @param {string} how @param {URLSearchParams} q */
  const fail = async (ctx, how, q) => {
    if (how === 'reset') {
      ctx.respond = false;
      ctx.req.socket.destroy();
    } else if (how === 'invalid') {
      ctx.type = 'text/html';
      ctx.body = '<!doctype html><title>Oops</title><p>Our CMS is down';
    } else if (how === 'slow') {
      await serve(ctx, new URLSearchParams({...Object.fromEntries(q), ms: q.get('ms') || '5000'}));
    } else {
      ctx.status = Number(how) || 500;
      ctx.body = 'failed';
    }
  };

  /** @param {any} ctx */
  const endless = (ctx) => {
    ctx.respond = false;
    const res = ctx.res;
    res.writeHead(200, {'Content-Type': 'application/json', 'Cache-Control': 'no-store'});
    res.write('{"title": "Endless", "lead": "');
    const chunk = Buffer.alloc(64 * 1024, 'x');
    let sent = 0;
    const pump = () => {
      while (!res.destroyed && sent < 256 * 2 ** 20) {
        sent += chunk.length;
        if (!res.write(chunk)) return void res.once('drain', pump);
      }
      if (!res.destroyed) res.end('"}');
    };
    pump();
  };

  /** @param {any} ctx @param {URLSearchParams} q */
  const declared = (ctx, q) => {
    ctx.respond = false;
    const res = ctx.res;
    const length = String(Number(q.get('length')) || 0);
    res.writeHead(200, {'Content-Type': 'application/json', 'Content-Length': length, 'Cache-Control': 'no-store'});
    res.write('{"title": "Declared"}');
    const timer = setTimeout(() => res.destroy(), 30000);
    res.on('close', () => clearTimeout(timer));
  };

  /** @type {import('@web/dev-server-core').Middleware} */
  return async (ctx, next) => {
    if (ctx.path === '/test/hosts/csp.html') {
      await next();
      ctx.set('Content-Security-Policy', CSP);
      ctx.set('Cache-Control', 'no-store');
      return;
    }
    // test/hostile.test.ts renders URLs with a NUL as images; koa-static would log a stack trace
    if (/%00|\0/.test(ctx.path)) return void (ctx.status = 400);
    if (!ctx.path.startsWith('/__test/')) return next();
    const q = new URLSearchParams(ctx.querystring);
    const key = q.get('key');
    if (key && /^\/__test\/(slow|flaky)$/.test(ctx.path)) hits.set(key, (hits.get(key) ?? 0) + 1);
    ctx.set('Cache-Control', 'no-store');
    switch (ctx.path) {
      case '/__test/slow':
        return serve(ctx, q);
      case '/__test/invalid':
      case '/__test/reset':
        return fail(ctx, ctx.path.slice(8), q);
      case '/__test/endless':
        return endless(ctx);
      case '/__test/declared':
        return declared(ctx, q);
      case '/__test/flaky':
        return key && recovered.has(key) ? serve(ctx, q) : fail(ctx, q.get('fail') ?? '500', q);
      case '/__test/recover':
        if (key) recovered.add(key);
        ctx.body = '{}';
        return;
      case '/__test/hits':
        ctx.type = 'application/json';
        ctx.body = JSON.stringify({hits: (key && hits.get(key)) || 0});
        return;
      default:
        ctx.status = 404;
    }
  };
}
