#!/usr/bin/env node
/**
 * End-to-end checks of the built classic bundle, `dist/digest-elements.js`, in real browsers.
 * Run `npm run build` first, then `node scripts/dist-test.js` (`npm run test:dist`).
 *
 * Serves the repository root read-only (plus generated pages from memory) on 127.0.0.1, drives
 * the system Chromium with playwright-core and Firefox ESR with puppeteer-core (WebDriver BiDi),
 * and prints `ok - name` / `not ok - name: reason` per case, then `N passed, M failed`.
 * Never downloads a browser: both are launched from an explicit executablePath. The bundle is
 * read once at start and served from memory, so a concurrent rebuild cannot change it mid-run.
 */
import {readFile, stat} from 'node:fs/promises';
import {join, resolve} from 'node:path';
import {fileURLToPath} from 'node:url';
import {CHROMIUM, CHROMIUM_ARGS, FIREFOX} from './browsers.js';
import {serve, TYPES} from './serve.js';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const CASE_TIMEOUT = 30_000;
/** Last resort for the whole run (15 cases × 30 s worst case fits): closes everything, exits 1. */
const WATCHDOG = 10 * 60_000;
const RENDER_TIMEOUT = 10_000;
const BUNDLE = '/dist/digest-elements.js';
const OTHER_VERSION = '9.9.9';

/** Globals Lit itself may add (production and dev builds); anything else on `window` is a leak. */
const LIT_GLOBALS = new Set([
  'litHtmlVersions',
  'litElementVersions',
  'reactiveElementVersions',
  'litPropertyMetadata',
  'litIssuedWarnings',
  'litHtmlPolyfillSupport',
  'litHtmlPolyfillSupportDevMode',
  'litElementPolyfillSupport',
  'litElementPolyfillSupportDevMode',
  'reactiveElementPolyfillSupport',
  'reactiveElementPolyfillSupportDevMode',
  'litElementHydrateSupport',
  'litDisableBundleWarning',
  'litNonce',
]);

// ---------------------------------------------------------------------------------------------
// Static server (scripts/serve.js): repo root read-only, generated pages from an in-memory map.

/** Generated responses, by URL path: `{body, type?}`. */
const generated = new Map();

// ---------------------------------------------------------------------------------------------
// Pages.

const esc = (s) => s.replace(/&/g, '&amp;').replace(/'/g, '&#39;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
/** JSON safe inside `<script type="application/json">`. */
const scriptJson = (value) => JSON.stringify(value).replace(/</g, '\\u003c');

function page({head = '', body = '', lang = 'en'}) {
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<link rel="icon" href="data:,">
<title>dist-test</title>
${head}
</head>
<body>
${body}
</body>
</html>
`;
}

let pageCounter = 0;
/** Registers an HTML page in memory and returns its path. */
function addPage(html, name = 'page') {
  const path = `/__dist-test/${++pageCounter}-${name}.html`;
  generated.set(path, {body: html, type: TYPES['.html']});
  return path;
}

// ---------------------------------------------------------------------------------------------
// In-page helpers (serialized into the page: self-contained, no closures).

/** `{ok, index?, missing?, errors?}`: every piece of `order` appears in order in the deep text. */
function pageCheckOrder(order) {
  const out = [];
  const walk = (n) => {
    if (n.nodeType === Node.TEXT_NODE) {
      const t = n.textContent.trim();
      if (t) out.push(t);
      return;
    }
    if (n.nodeType !== Node.ELEMENT_NODE && n.nodeType !== Node.DOCUMENT_FRAGMENT_NODE) return;
    if (n.localName === 'script' || n.localName === 'style' || n.localName === 'template') return;
    if (n.localName === 'slot') {
      const assigned = n.assignedNodes({flatten: true});
      (assigned.length ? assigned : [...n.childNodes]).forEach(walk);
      return;
    }
    const kids = n.shadowRoot ? n.shadowRoot.childNodes : n.childNodes;
    [...kids].forEach(walk);
  };
  walk(document.body);
  const text = out.join('\n');
  let at = 0;
  for (let i = 0; i < order.length; i++) {
    const found = text.indexOf(order[i], at);
    if (found < 0) {
      const anywhere = text.indexOf(order[i]);
      return {ok: false, index: i, missing: order[i], anywhere, length: text.length};
    }
    at = found + order[i].length;
  }
  // Error states anywhere in the tree.
  let errors = 0;
  const visit = (r) => {
    errors += r.querySelectorAll('[part~="error"]').length;
    r.querySelectorAll('*').forEach((el) => el.shadowRoot && visit(el.shadowRoot));
  };
  visit(document);
  return {ok: errors === 0, errors, length: text.length};
}

// ---------------------------------------------------------------------------------------------
// Driver-neutral page wrapper (playwright-core and puppeteer-core have the same basics).

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** `promise`, or after `ms` a rejection with `message` (or `undefined` if no message); the timer never outlives it. */
function within(promise, ms, message) {
  let timer;
  const limit = new Promise((ok, fail) => {
    timer = setTimeout(() => (message ? fail(new Error(message)) : ok(undefined)), ms);
  });
  return Promise.race([promise, limit]).finally(() => clearTimeout(timer));
}
const short = (s, n = 60) => (s.length > n ? s.slice(0, n) + '…' : s);

/**
 * Opens a page and records what goes wrong on it. `newPage` returns `{page, close}`.
 * Console types are normalized: `warn` (puppeteer) → `warning`.
 */
async function openPage(newPage) {
  const {page, close} = await newPage();
  const log = {console: [], pageErrors: []};
  page.on('console', (m) => {
    const type = m.type() === 'warn' ? 'warning' : m.type();
    log.console.push({type, text: m.text()});
  });
  page.on('pageerror', (e) => log.pageErrors.push(String(e?.message ?? e)));
  const errors = () => log.console.filter((m) => m.type === 'error').map((m) => m.text);
  const warnings = () => log.console.filter((m) => m.type === 'warning').map((m) => m.text);
  return {page, close, log, errors, warnings};
}

/** What went wrong on the page so far, for a failure message. */
function trouble(p) {
  const bits = [...p.log.pageErrors.map((t) => `page error: ${t}`), ...p.errors().map((t) => `console error: ${t}`)];
  return bits.length ? ` [${bits.map((b) => short(b, 160)).join(' | ')}]` : '';
}

/** Polls `fn(arg)` in the page until it returns `{ok: true}` or time runs out; returns the last result. */
async function pollPage(page, fn, arg, timeout = RENDER_TIMEOUT) {
  const end = Date.now() + timeout;
  let last;
  for (;;) {
    last = await page.evaluate(fn, arg);
    if (last?.ok || Date.now() > end) return last;
    await sleep(100);
  }
}

function describeOrderFailure(r) {
  if (!r) return 'no result';
  if (r.missing !== undefined)
    return r.anywhere >= 0
      ? `seed text #${r.index} "${short(r.missing, 40)}" is out of order (deep text ${r.length} chars)`
      : `seed text #${r.index} "${short(r.missing, 40)}" not rendered (deep text ${r.length} chars)`;
  if (r.errors) return `${r.errors} element(s) show part="error"`;
  return 'not rendered';
}

function assert(cond, message) {
  if (!cond) throw new Error(message);
}

function assertQuiet(p, {allowErrors = [], allowWarnings = []} = {}) {
  assert(p.log.pageErrors.length === 0, `page error: ${p.log.pageErrors.join(' | ')}`);
  const errs = p.errors().filter((t) => !allowErrors.some((re) => re.test(t)));
  assert(errs.length === 0, `console error: ${errs.join(' | ')}`);
  const warns = p.warnings().filter((t) => !allowWarnings.some((re) => re.test(t)));
  assert(warns.length === 0, `console warning: ${warns.join(' | ')}`);
}

/** Loads `path` and checks the seed renders in reading order with a quiet console. */
async function seedCheck(newPage, base, path, order) {
  const p = await openPage(newPage);
  await p.page.goto(base + path, {waitUntil: 'load', timeout: RENDER_TIMEOUT});
  const r = await pollPage(p.page, pageCheckOrder, order);
  assert(r?.ok, describeOrderFailure(r) + trouble(p));
  await sleep(200); // late console output (e.g. a warning after render)
  assertQuiet(p);
}

// ---------------------------------------------------------------------------------------------
// Case runner.

const results = [];
/** Shared with the watchdog and signal handlers so every exit path closes them. */
let server;
let chromium;
let firefox;
let watchdog;
/** Set when the watchdog or a signal ends the run: no case reports after the summary. */
let stopping = false;

/** Runs one named case with a timeout; `cleanup` functions registered by the case always run. */
async function runCase(name, fn, {timeout = CASE_TIMEOUT} = {}) {
  if (stopping) return;
  const cleanups = [];
  const started = Date.now();
  try {
    await within(fn({onCleanup: (f) => cleanups.push(f)}), timeout, `timed out after ${timeout / 1000} s`);
    if (stopping) return;
    results.push({name, ok: true});
    console.log(`ok - ${name} (${Date.now() - started} ms)`);
  } catch (e) {
    if (stopping) return;
    const reason = String(e?.message ?? e).split('\n')[0];
    results.push({name, ok: false, reason});
    console.log(`not ok - ${name}: ${reason}`);
  } finally {
    for (const f of cleanups.reverse()) await within(f().catch(() => {}), 5000);
  }
}

function skipCase(name, reason) {
  results.push({name, ok: true, skipped: true});
  console.log(`ok - ${name} # SKIP ${reason}`);
}

// ---------------------------------------------------------------------------------------------

async function main() {
  const t0 = Date.now();
  const pkg = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8'));
  const version = pkg.version;
  const bundle = await readFile(join(ROOT, BUNDLE.slice(1)), 'utf8').catch(() => undefined);
  if (bundle === undefined) {
    console.log(`not ok - bundle exists: ${BUNDLE} missing; run \`npm run build\` first`);
    console.log('0 passed, 1 failed');
    return 1;
  }
  const seed = JSON.parse(await readFile(join(ROOT, 'test/fixtures/seed.json'), 'utf8'));
  const order = JSON.parse(await readFile(join(ROOT, 'test/fixtures/seed-order.json'), 'utf8'));
  console.log(`# bundle ${BUNDLE}: ${(bundle.length / 1024).toFixed(1)} KiB, package version ${version}`);
  // Served from this snapshot: every case sees the same bytes, even if dist/ is rebuilt meanwhile.
  generated.set(BUNDLE, {body: bundle});

  // A copy of the bundle that claims another version.
  const versionHits = bundle.split(version).length - 1;
  generated.set(`/__dist-test/digest-elements-${OTHER_VERSION}.js`, {body: bundle.split(version).join(OTHER_VERSION)});

  const shutdown = async () => {
    await within(Promise.resolve(chromium?.close()).catch(() => {}), 10_000);
    await within(Promise.resolve(firefox?.close()).catch(() => {}), 10_000);
    if (server) {
      const closed = new Promise((r) => server.close(() => r()));
      server.closeAllConnections();
      await closed;
    }
  };
  const onSignal = async (sig) => {
    stopping = true;
    console.log(`# ${sig}: closing browsers and server`);
    await shutdown();
    process.exit(130);
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  watchdog = setTimeout(async () => {
    stopping = true;
    console.log(`not ok - watchdog: the run took more than ${WATCHDOG / 1000} s`);
    console.log(`${results.filter((r) => r.ok && !r.skipped).length} passed, ${results.filter((r) => !r.ok).length + 1} failed`);
    await within(shutdown(), 15_000);
    process.exit(1);
  }, WATCHDOG);
  watchdog.unref();

  try {
    let base;
    ({server, origin: base} = await serve({root: ROOT, pinned: generated, index: true}));
    console.log(`# serving ${ROOT} on ${base}`);

    const {chromium: pwChromium} = await import('playwright-core');
    chromium = await pwChromium.launch({executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS, timeout: 30_000});
    console.log(`# chromium ${chromium.version()}`);

    /** A fresh context per page: no shared registry, cache or storage between checks. */
    const chromiumPage = (onCleanup) => async () => {
      const context = await chromium.newContext();
      // Only our server: any other request is a test bug (or a leak) and must not hit the network.
      await context.route(
        (url) => url.hostname !== '127.0.0.1' && url.protocol !== 'data:',
        (route) => route.abort('blockedbyclient'),
      );
      const page = await context.newPage();
      const close = () => context.close();
      onCleanup(close);
      return {page, close};
    };

    const srcBody = `<digest-article src="/test/fixtures/seed.json"></digest-article>`;
    const inlineBody = `<digest-article>\n<script type="application/json">${scriptJson(seed)}</script>\n</digest-article>`;
    const loads = [
      ['classic', `<script src="${BUNDLE}"></script>`],
      ['defer', `<script src="${BUNDLE}" defer></script>`],
      ['async', `<script src="${BUNDLE}" async></script>`],
      ['module', `<script type="module" src="${BUNDLE}"></script>`],
    ];
    const bodies = [
      ['src="seed.json"', srcBody],
      ['child <script type="application/json">', inlineBody],
    ];

    // 1. Script in <head>, four ways, two data inputs each.
    let letter = 'a'.charCodeAt(0);
    for (const [how, tag] of loads) {
      for (const [input, body] of bodies) {
        const path = addPage(page({head: tag, body, lang: 'ja'}), `seed-${how}`);
        await runCase(`1${String.fromCharCode(letter++)}. chromium: ${how} <script> in <head>, ${input}: seed renders in order, quiet console`, ({onCleanup}) =>
          seedCheck(chromiumPage(onCleanup), base, path, order),
        );
      }
    }

    // 2. Elements present before the script runs and added after it loaded.
    {
      const card = (title) => ({title, url: 'https://example.com/' + encodeURIComponent(title), points: [title + ' point']});
      const body = `
<source-card data='${esc(JSON.stringify(card('Parsed before the script')))}'></source-card>
<takeaway-list data='${esc(JSON.stringify({heading: 'Takeaways before', items: ['Takeaway item before']}))}'></takeaway-list>
<reader-comment data='${esc(JSON.stringify({text: 'Comment before the script', name: 'Reader A'}))}'></reader-comment>
<digest-article data='${esc(JSON.stringify({title: 'Article before the script', lead: 'Lead before'}))}'></digest-article>
<div id="later"></div>
<script src="${BUNDLE}"></script>`;
      const path = addPage(page({body}), 'before-after');
      await runCase('2. chromium: elements parsed before the script and added after load render', async ({onCleanup}) => {
        const p = await openPage(chromiumPage(onCleanup));
        await p.page.goto(base + path, {waitUntil: 'load'});
        await p.page.evaluate(
          ([a, b, c]) => {
            const later = document.getElementById('later');
            const s = document.createElement('source-card');
            s.setAttribute('data', a);
            later.append(s);
            later.insertAdjacentHTML('beforeend', b);
            const t = document.createElement('takeaway-list');
            t.data = c; // property, object
            later.append(t);
          },
          [
            JSON.stringify(card('Appended after load')),
            `<source-card data='${esc(JSON.stringify(card('Inserted as HTML after load')))}'></source-card>`,
            {heading: 'Takeaways after', items: ['Takeaway item after']},
          ],
        );
        const expected = [
          'Parsed before the script',
          'Takeaway item before',
          'Comment before the script',
          'Article before the script',
          'Appended after load',
          'Inserted as HTML after load',
          'Takeaway item after',
        ];
        const r = await pollPage(p.page, pageCheckOrder, expected);
        assert(r?.ok, describeOrderFailure(r) + trouble(p));
        const upgraded = await p.page.evaluate(() =>
          [...document.querySelectorAll('source-card, takeaway-list, reader-comment, digest-article')]
            .filter((e) => !e.shadowRoot || !customElements.get(e.localName) || !(e instanceof customElements.get(e.localName)))
            .map((e) => e.localName),
        );
        assert(upgraded.length === 0, `not upgraded: ${upgraded.join(', ')}`);
        await sleep(200);
        assertQuiet(p);
      });
    }

    // 3. Included twice: same file, then another version.
    {
      // Records every customElements.define call and whether it threw (even if caught inside).
      const spy = `<script>
window.__defines = [];
{ const define = customElements.define;
  customElements.define = function (name, ctor, options) {
    try { const r = define.call(this, name, ctor, options); __defines.push({name, ok: true}); return r; }
    catch (e) { __defines.push({name, ok: false, error: String(e)}); throw e; }
  };
}
</script>`;
      const path = addPage(
        page({head: `${spy}\n<script src="${BUNDLE}"></script>\n<script src="${BUNDLE}"></script>`, body: srcBody, lang: 'ja'}),
        'twice',
      );
      const defines = async (p) => {
        const d = await p.page.evaluate(() => window.__defines);
        const bad = d.filter((x) => !x.ok);
        assert(bad.length === 0, `customElements.define threw: ${bad.map((x) => `${x.name}: ${x.error}`).join(' | ')}`);
        const names = d.map((x) => x.name).sort();
        const want = ['digest-article', 'reader-comment', 'source-card', 'takeaway-list'];
        assert(JSON.stringify(names) === JSON.stringify(want), `defined ${JSON.stringify(names)}, expected each of ${want.join(', ')} once`);
        const v = await p.page.evaluate(() => customElements.get('digest-article').version);
        assert(v === version, `registered <digest-article> reports version ${v}, expected ${version}`);
      };
      await runCase('3a. chromium: same bundle included twice: no error, no define exception, no warning, renders', async ({onCleanup}) => {
        const p = await openPage(chromiumPage(onCleanup));
        await p.page.goto(base + path, {waitUntil: 'load'});
        const r = await pollPage(p.page, pageCheckOrder, order);
        assert(r?.ok, describeOrderFailure(r) + trouble(p));
        await sleep(200);
        assertQuiet(p);
        await defines(p);
      });

      const other = `/__dist-test/digest-elements-${OTHER_VERSION}.js`;
      const path2 = addPage(
        page({head: `${spy}\n<script src="${BUNDLE}"></script>\n<script src="${other}"></script>`, body: srcBody, lang: 'ja'}),
        'two-versions',
      );
      await runCase(`3b. chromium: ${version} then ${OTHER_VERSION}: one console warning naming both, nothing breaks`, async ({onCleanup}) => {
        assert(versionHits > 0, `the bundle does not contain its version string "${version}"`);
        const p = await openPage(chromiumPage(onCleanup));
        await p.page.goto(base + path2, {waitUntil: 'load'});
        const r = await pollPage(p.page, pageCheckOrder, order);
        assert(r?.ok, describeOrderFailure(r) + trouble(p));
        await sleep(300);
        const warns = p.warnings();
        assert(warns.length === 1, `expected exactly 1 console warning, got ${warns.length}: ${warns.join(' | ')}`);
        assert(
          warns[0].includes(version) && warns[0].includes(OTHER_VERSION),
          `the warning does not name both ${version} and ${OTHER_VERSION}: ${warns[0]}`,
        );
        console.log(`#   warning: ${warns[0]}`);
        assertQuiet(p, {allowWarnings: [/./]});
        await defines(p);
      });
    }

    // 4. Globals added by the bundle.
    {
      const names = () => {
        const all = new Set([...Object.keys(window), ...Object.getOwnPropertyNames(window)]);
        return [...all];
      };
      const blank = addPage(page({body: '<p>blank</p>'}), 'blank');
      const loaded = addPage(page({head: `<script src="${BUNDLE}"></script>`, body: '<p>bundle</p>'}), 'globals');
      await runCase('4. chromium: the bundle adds no globals beyond Lit’s', async ({onCleanup}) => {
        const a = await openPage(chromiumPage(onCleanup));
        await a.page.goto(base + blank, {waitUntil: 'load'});
        const before = new Set(await a.page.evaluate(names));
        const b = await openPage(chromiumPage(onCleanup));
        await b.page.goto(base + loaded, {waitUntil: 'load'});
        const defined = await b.page.evaluate(() => !!customElements.get('digest-article'));
        assert(defined, '<digest-article> was not defined' + trouble(b));
        const after = await b.page.evaluate(names);
        const added = after.filter((n) => !before.has(n)).sort();
        console.log(`#   new globals: ${added.length ? added.join(', ') : '(none)'}`);
        const foreign = added.filter((n) => !LIT_GLOBALS.has(n));
        assert(foreign.length === 0, `unexpected globals: ${foreign.join(', ')}`);
        assertQuiet(a);
        assertQuiet(b);
      });
    }

    // 5. A bad data attribute beside a good one.
    {
      const good = {title: 'The good card', url: 'https://example.com/good', points: ['A good point']};
      const body = `
<main id="other">
  <h1>Untouched heading</h1>
  <p id="p1">Paragraph <em>one</em> stays.</p>
  <ul><li>Item A</li><li>Item B</li></ul>
</main>
<section id="cards">
  <source-card id="bad" data="{oops"></source-card>
  <source-card id="good" data='${esc(JSON.stringify(good))}'></source-card>
</section>
<footer id="tail"><p>Footer text</p></footer>
<script>
  window.__errors = [];
  document.addEventListener('digest-error', (e) => __errors.push({target: e.target.id, detail: e.detail}));
  window.__snapshot = {other: document.getElementById('other').outerHTML, cards: document.getElementById('cards').innerHTML};
</script>
<script src="${BUNDLE}"></script>`;
      const path = addPage(page({body}), 'bad-data');
      await runCase('5. chromium: bad data shows part="error" role="alert", the good one renders, one digest-error', async ({onCleanup}) => {
        const p = await openPage(chromiumPage(onCleanup));
        await p.page.goto(base + path, {waitUntil: 'load'});
        const r = await pollPage(p.page, () => {
          const bad = document.getElementById('bad').shadowRoot?.querySelector('[part~="error"]');
          const good = document.getElementById('good').shadowRoot?.querySelector('[part~="card"]');
          return {ok: !!bad && !!good, bad: !!bad, good: !!good};
        });
        assert(r?.ok, `bad shows error: ${r?.bad}, good shows card: ${r?.good}${trouble(p)}`);
        await sleep(200);
        const s = await p.page.evaluate(() => {
          const bad = document.getElementById('bad').shadowRoot;
          const good = document.getElementById('good').shadowRoot;
          const err = bad.querySelector('[part~="error"]');
          return {
            role: err.getAttribute('role'),
            errText: err.textContent.replace(/\s+/g, ' ').trim(),
            badHasCard: !!bad.querySelector('[part~="card"]'),
            goodHasError: !!good.querySelector('[part~="error"]'),
            goodText: good.textContent,
            otherSame: document.getElementById('other').outerHTML === window.__snapshot.other,
            cardsSame: document.getElementById('cards').innerHTML === window.__snapshot.cards,
            tail: document.getElementById('tail')?.textContent.trim(),
            bodyOrder: [...document.body.children].map((e) => e.id || e.localName).join(','),
            errors: window.__errors,
          };
        });
        assert(s.role === 'alert', `part="error" has role=${JSON.stringify(s.role)}, expected "alert"`);
        assert(!s.badHasCard, 'the bad element also shows a card');
        assert(!s.goodHasError, 'the good element shows an error');
        assert(s.goodText.includes('The good card') && s.goodText.includes('A good point'), 'the good card lacks its title or points');
        assert(s.otherSame, 'the page content outside the elements changed');
        assert(s.cardsSame, 'the light DOM of the elements changed');
        assert(s.tail === 'Footer text', 'the footer changed');
        assert(s.errors.length === 1, `expected 1 digest-error on document, got ${s.errors.length}: ${JSON.stringify(s.errors)}`);
        assert(s.errors[0].target === 'bad', `digest-error came from #${s.errors[0].target}, expected #bad`);
        console.log(`#   error state: "${short(s.errText, 80)}"; event detail ${JSON.stringify(s.errors[0].detail)}`);
        // The element reports its problem on the console (one line per error); nothing else may.
        assertQuiet(p, {allowErrors: [/^<source-card>/]});
        const lines = p.errors();
        assert(lines.length <= 1, `expected at most 1 console error, got ${lines.length}: ${lines.join(' | ')}`);
      });
    }

    await within(chromium.close().catch(() => {}), 10_000);
    chromium = undefined;

    // 6. Firefox ESR through puppeteer-core (WebDriver BiDi).
    {
      const ffCases = [
        ['6a. firefox-esr: classic <script> in <head>, src="seed.json": seed renders in order, quiet console', srcBody],
        ['6b. firefox-esr: classic <script> in <head>, child <script type="application/json">: seed renders in order, quiet console', inlineBody],
      ];
      let launchError;
      const exists = await stat(FIREFOX).then((s) => s.isFile(), () => false);
      if (!exists) launchError = `${FIREFOX} not found`;
      else {
        try {
          const {default: puppeteer} = await import('puppeteer-core');
          const launch = puppeteer.launch({
            browser: 'firefox',
            executablePath: FIREFOX,
            headless: true,
            timeout: 45_000,
            protocolTimeout: 30_000,
          });
          firefox = await within(launch, 60_000, 'launch timed out after 60 s');
          console.log(`# ${await firefox.version()}`);
        } catch (e) {
          launchError = `cannot launch ${FIREFOX} with puppeteer-core: ${String(e?.message ?? e).split('\n')[0]}`;
        }
      }
      for (const [name, body] of ffCases) {
        if (launchError) {
          skipCase(name, launchError);
          continue;
        }
        const path = addPage(page({head: `<script src="${BUNDLE}"></script>`, body, lang: 'ja'}), 'firefox');
        await runCase(name, ({onCleanup}) =>
          seedCheck(
            async () => {
              const context = await firefox.createBrowserContext();
              const pg = await context.newPage();
              const close = () => context.close();
              onCleanup(close);
              return {page: pg, close};
            },
            base,
            path,
            order,
          ),
        );
      }
    }
  } catch (e) {
    results.push({name: 'harness', ok: false});
    console.log(`not ok - harness: ${String(e?.stack ?? e)}`);
  } finally {
    await shutdown();
    clearTimeout(watchdog);
  }

  // A skipped case counts as neither passed nor failed (its reason is printed above).
  const failed = results.filter((r) => !r.ok).length;
  const skipped = results.filter((r) => r.skipped).length;
  const passed = results.length - failed - skipped;
  console.log(`# ${((Date.now() - t0) / 1000).toFixed(1)} s${skipped ? `, ${skipped} skipped` : ''}`);
  console.log(`${passed} passed, ${failed} failed`);
  return failed ? 1 : 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (e) => {
    console.log(`not ok - harness: ${String(e?.stack ?? e)}`);
    console.log('0 passed, 1 failed');
    process.exitCode = 1;
  },
);
