// @ts-check
// web-test-runner config: Chromium + Firefox ESR (puppeteer-core) + WebKitGTK (WebKitWebDriver/MiniBrowser).
// Uses only the system browsers; nothing is downloaded.
//
//   npm run test:unit                      # all three browsers
//   BROWSERS=chromium npm run test:unit    # any subset of chromium,firefox,webkit
//
// For WebKit this config starts its own Xvfb (only when DISPLAY is unset) and its own
// WebKitWebDriver on a free port, and kills both (whole process groups) when wtr exits.
import { spawn } from 'node:child_process';
import { createServer, connect } from 'node:net';
import { fileURLToPath } from 'node:url';
import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { webdriverLauncher } from '@web/test-runner-webdriver';
import * as puppeteer from 'puppeteer-core';

const root = dirname(fileURLToPath(import.meta.url));

const CHROMIUM = process.env.CHROMIUM_BIN || '/usr/bin/chromium';
const FIREFOX = process.env.FIREFOX_BIN || '/usr/bin/firefox-esr';
const WEBKIT_DRIVER = process.env.WEBKIT_DRIVER_BIN || 'WebKitWebDriver';
const MINIBROWSER =
  process.env.MINIBROWSER_BIN || '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';

const ALL = ['chromium', 'firefox', 'webkit'];
const wanted = (process.env.BROWSERS || ALL.join(','))
  .split(',')
  .map(s => s.trim().toLowerCase())
  .filter(Boolean);
const unknown = wanted.filter(b => !ALL.includes(b));
if (unknown.length || !wanted.length) {
  throw new Error(`BROWSERS: unknown "${unknown.join(',')}"; use a subset of ${ALL.join(',')}`);
}

// ---------------------------------------------------------------------------------------------
// Helper processes (Xvfb, WebKitWebDriver): each gets its own process group so that killing the
// group also takes MiniBrowser and the WebKit web/network processes with it.
const groups = new Set();
let watchdog;

function killAll() {
  for (const pid of groups) {
    try {
      process.kill(-pid, 'SIGTERM');
    } catch {
      /* already gone */
    }
  }
  groups.clear();
  if (watchdog?.pid) {
    try {
      process.kill(-watchdog.pid, 'SIGKILL');
    } catch {
      /* already gone */
    }
  }
}
process.on('exit', killAll);
for (const sig of ['SIGTERM', 'SIGHUP']) {
  // wtr only handles SIGINT itself; without these, helpers would outlive a terminated run
  process.once(sig, () => {
    killAll();
    process.exit(128 + (sig === 'SIGTERM' ? 15 : 1));
  });
}

/**
 * Last resort if node itself is SIGKILLed (no 'exit' handlers run, and puppeteer's browsers are
 * detached): every process started from here inherits WTR_OWNER=<token>; a detached shell waits
 * for this node process to vanish and then kills whatever still carries the token.
 */
const OWNER = `${process.pid}-${Math.random().toString(36).slice(2)}`;
process.env.WTR_OWNER = OWNER;
function armWatchdog() {
  const { WTR_OWNER: _omit, ...env } = process.env;
  const script = `
    while kill -0 ${process.pid} 2>/dev/null; do sleep 1; done
    for d in /proc/[0-9]*; do
      grep -qz '^WTR_OWNER=${OWNER}$' "$d/environ" 2>/dev/null && kill -KILL "\${d#/proc/}" 2>/dev/null
    done
    exit 0`;
  watchdog = spawn('sh', ['-c', script], { detached: true, stdio: 'ignore', env });
  watchdog.unref();
}
armWatchdog();

function track(child) {
  groups.add(child.pid);
  child.on('exit', () => groups.delete(child.pid));
  child.unref();
  return child;
}

function freePort() {
  return new Promise((res, rej) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', rej);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = /** @type {import('node:net').AddressInfo} */ (srv.address());
      srv.close(() => res(port));
    });
  });
}

async function waitForPort(port, child, timeoutMs = 20000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`WebKitWebDriver exited (${child.exitCode})`);
    const ok = await new Promise(res => {
      const s = connect(port, '127.0.0.1', () => {
        s.end();
        res(true);
      });
      s.on('error', () => res(false));
    });
    if (ok) return;
    await new Promise(r => setTimeout(r, 100));
  }
  throw new Error(`WebKitWebDriver did not listen on port ${port} within ${timeoutMs} ms`);
}

/** Start Xvfb on a free display number (-displayfd) and return ":N". */
function startXvfb() {
  return new Promise((res, rej) => {
    const xvfb = track(
      spawn('Xvfb', ['-displayfd', '3', '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'], {
        detached: true,
        stdio: ['ignore', 'ignore', 'pipe', 'pipe'],
      }),
    );
    let out = '';
    let err = '';
    const timer = setTimeout(() => rej(new Error(`Xvfb did not start: ${err}`)), 15000);
    xvfb.on('error', e => rej(new Error(`cannot start Xvfb (apt-get install xvfb): ${e.message}`)));
    xvfb.stderr.on('data', d => (err += d));
    xvfb.stdio[3].on('data', d => {
      out += d;
      if (out.includes('\n')) {
        clearTimeout(timer);
        xvfb.stdio[3].destroy();
        xvfb.stderr.destroy();
        res(`:${out.trim()}`);
      }
    });
    xvfb.on('exit', code => rej(new Error(`Xvfb exited (${code}): ${err}`)));
  });
}

async function startWebKitDriver() {
  const display = process.env.DISPLAY || (await startXvfb());
  const port = await freePort();
  const driver = track(
    spawn(WEBKIT_DRIVER, [`--port=${port}`], {
      detached: true,
      stdio: 'ignore',
      env: { ...process.env, DISPLAY: display },
    }),
  );
  await new Promise((res, rej) => {
    driver.once('spawn', res);
    driver.once('error', e =>
      rej(new Error(`cannot start ${WEBKIT_DRIVER} (apt-get install webkit2gtk-driver): ${e.message}`)),
    );
  });
  await waitForPort(port, driver);
  return port;
}

// ---------------------------------------------------------------------------------------------
const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

const browsers = [];
if (wanted.includes('chromium')) {
  browsers.push(
    chromeLauncher({ launchOptions: { executablePath: CHROMIUM, headless: true, args: chromiumArgs } }),
  );
}
if (wanted.includes('firefox')) {
  browsers.push(
    chromeLauncher({
      puppeteer: /** @type {any} */ (puppeteer),
      launchOptions: {
        browser: 'firefox',
        executablePath: FIREFOX,
        headless: true,
        // Test files share the browser in background tabs; Firefox throttles their timers to ~1 s.
        extraPrefsFirefox: {
          'dom.min_background_timeout_value': 4,
          'dom.min_background_timeout_value_without_budget_throttling': 4,
          'dom.timeout.enable_budget_timer_throttling': false,
        },
      },
    }),
  );
}
if (wanted.includes('webkit')) {
  const port = await startWebKitDriver();
  browsers.push(
    webdriverLauncher({
      hostname: '127.0.0.1',
      port,
      path: '/',
      logLevel: 'error',
      capabilities: {
        browserName: 'MiniBrowser',
        'wdio:enforceWebDriverClassic': true,
        'webkitgtk:browserOptions': { binary: MINIBROWSER, args: ['--automation'] },
      },
    }),
  );
}

// ---------------------------------------------------------------------------------------------
// Test endpoints (dev server middleware, koa). Only `/__test/*` and the CSP host page are touched.
//
//   /test/hosts/csp.html       served with the strict host policy below (test/csp.test.ts)
//   /__test/slow?ms=&file=     the repo file `file` (or `{"title": title}` for ?title=) after `ms` ms
//   /__test/invalid            200 with a body that is not JSON
//   /__test/reset              destroys the socket: a network error
//   /__test/flaky?key=&fail=&file=   fails with `fail` (404 | 500 | invalid | reset | slow) until
//                              /__test/recover?key= is requested; then serves like /__test/slow
//   /__test/hits?key=          how many requests for `key` reached slow/flaky, as JSON
// Every answer is `no-store`, so a retry really asks the server again.
const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; " +
  "require-trusted-types-for 'script'; trusted-types lit-html";

const hits = new Map();
const recovered = new Set();
const delay = ms => new Promise(r => setTimeout(r, Math.min(Number(ms) || 0, 60000)).unref());

/** @param {any} ctx @param {URLSearchParams} q */
async function serve(ctx, q) {
  await delay(q.get('ms'));
  const file = q.get('file');
  if (file) {
    const path = resolve(root, file);
    if (!path.startsWith(root + '/')) ctx.throw(403);
    ctx.body = await readFile(path, 'utf8');
  } else {
    ctx.body = JSON.stringify({ title: q.get('title') ?? 'untitled' });
  }
  ctx.type = 'application/json';
}

/** @param {any} ctx @param {string} how @param {URLSearchParams} q */
async function fail(ctx, how, q) {
  if (how === 'reset') {
    ctx.respond = false;
    ctx.req.socket.destroy();
  } else if (how === 'invalid') {
    ctx.type = 'text/html';
    ctx.body = '<!doctype html><title>Oops</title><p>Our CMS is down';
  } else if (how === 'slow') {
    await serve(ctx, new URLSearchParams({ ...Object.fromEntries(q), ms: q.get('ms') || '5000' }));
  } else {
    ctx.status = Number(how) || 500;
    ctx.body = 'failed';
  }
}

/** @type {import('@web/dev-server-core').Middleware[]} */
const middleware = [
  async (ctx, next) => {
    if (ctx.path === '/test/hosts/csp.html') {
      await next();
      ctx.set('Content-Security-Policy', CSP);
      ctx.set('Cache-Control', 'no-store');
      return;
    }
    if (/%00|\0/.test(ctx.path)) {
      // test/hostile.test.ts renders URLs with a NUL as images; koa-static would log a stack trace
      ctx.status = 400;
      return;
    }
    if (!ctx.path.startsWith('/__test/')) return next();
    const q = new URLSearchParams(ctx.querystring);
    const key = q.get('key');
    if (key && /^\/__test\/(slow|flaky)$/.test(ctx.path)) hits.set(key, (hits.get(key) ?? 0) + 1);
    ctx.set('Cache-Control', 'no-store');
    switch (ctx.path) {
      case '/__test/slow':
        return serve(ctx, q);
      case '/__test/invalid':
        return fail(ctx, 'invalid', q);
      case '/__test/reset':
        return fail(ctx, 'reset', q);
      case '/__test/flaky':
        return key && recovered.has(key) ? serve(ctx, q) : fail(ctx, q.get('fail') ?? '500', q);
      case '/__test/recover':
        if (key) recovered.add(key);
        ctx.body = '{}';
        return;
      case '/__test/hits':
        ctx.type = 'application/json';
        ctx.body = JSON.stringify({ hits: (key && hits.get(key)) || 0 });
        return;
      default:
        ctx.status = 404;
    }
  },
];

// ---------------------------------------------------------------------------------------------
// Test command `cdp` (Chromium only): `executeServerCommand('cdp', {method, params})` sends one
// DevTools Protocol command for the test's own page and returns its result (null in the other
// browsers: `false`). One session per page, kept, so that emulation (Emulation.setEmulatedMedia) lasts.
const cdpSessions = new Map();
/** @type {import('@web/test-runner').TestRunnerPlugin} */
const cdpPlugin = {
  name: 'cdp',
  async executeCommand({ command, payload, session }) {
    if (command !== 'cdp') return undefined;
    const launcher = /** @type {any} */ (session.browser);
    if (!/^Chrom/.test(launcher.name) || typeof launcher.getPage !== 'function') return false;
    let client = cdpSessions.get(session.id);
    if (!client) {
      client = await launcher.getPage(session.id).createCDPSession();
      cdpSessions.set(session.id, client);
    }
    const { method, params } = /** @type {{method: string, params?: object}} */ (payload);
    return (await client.send(method, params)) ?? {};
  },
};

/** @type {import('@web/test-runner').TestRunnerConfig} */
export default {
  rootDir: root,
  files: ['test/**/*.test.ts', '!test/e2e/**'],
  nodeResolve: true,
  plugins: [esbuildPlugin({ ts: true, tsconfig: resolve(root, 'tsconfig.json') }), cdpPlugin],
  browsers,
  middleware,
  // 2 shared cores: at most 2 browsers at a time, 2 test files per browser.
  concurrentBrowsers: 2,
  // One test file at a time per browser: a file in a background tab gets no animation frames
  // (fixture() waits for one) and throttled timers.
  concurrency: 1,
  browserStartTimeout: 60000,
  testsStartTimeout: 60000,
  testsFinishTimeout: 180000, // per test file; a page stuck in a sync loop fails after this
  // Lit's one-time dev-mode banner is noise in every test file; keep all other browser logs.
  filterBrowserLogs: ({ args }) => !(typeof args[0] === 'string' && args[0].startsWith('Lit is in dev mode')),
  testFramework: {
    // per-test mocha timeout; generous because axe is slow in WebKit (override: MOCHA_TIMEOUT=ms)
    config: { timeout: Number(process.env.MOCHA_TIMEOUT) || 20000 },
  },
};
