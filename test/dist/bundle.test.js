/**
 * The built classic bundle, `dist/digest-elements.js`, in real pages: the system Chromium
 * (playwright-core) and Firefox ESR (puppeteer-core, WebDriver BiDi). `npm run build` first, then
 * `npm run test:dist` (node --test test/dist/). The bundle is read once and served from memory,
 * so a concurrent rebuild cannot change it mid-run; nothing but the local server is reachable.
 */
import assert from 'node:assert/strict';
import {readFile} from 'node:fs/promises';
import {after, before, describe, test} from 'node:test';
import {setTimeout as sleep} from 'node:timers/promises';
import {chromium as playwright} from 'playwright-core';
import puppeteer from 'puppeteer-core';
import {scriptJson} from '../../dist/format/json-ld.js';
import {CHROMIUM, CHROMIUM_ARGS, FIREFOX} from '../../scripts/browsers.js';
import {serve} from '../../scripts/serve.js';
import {escapeHtml, LIT_GLOBALS} from '../common.js';

const root = new URL('../../', import.meta.url);
const read = async (path) => readFile(new URL(path, root), 'utf8');
const BUNDLE = '/dist/digest-elements.js';
const OTHER_VERSION = '9.9.9';
const {version} = JSON.parse(await read('package.json'));
const bundle = await read(BUNDLE.slice(1));
const seed = JSON.parse(await read('test/fixtures/seed.json'));
const order = JSON.parse(await read('test/fixtures/seed-order.json'));
const TIMEOUT = {timeout: 30_000};

const pinned = new Map([
  [BUNDLE, {body: bundle}],
  [`/dist/digest-elements-${OTHER_VERSION}.js`, {body: bundle.split(version).join(OTHER_VERSION)}],
]);
let pages = 0;
/** A generated page, served from memory; returns its path. */
function addPage({head = '', body = '', lang = 'en'}) {
  const path = `/__dist-test/${++pages}.html`;
  const html = `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>dist</title>\n${head}\n</head><body>\n${body}\n</body></html>`;
  pinned.set(path, {body: html});
  return path;
}
const script = `<script src="${BUNDLE}"></script>`;
const srcBody = `<digest-article src="/test/fixtures/seed.json"></digest-article>`;
const inlineBody = `<digest-article>\n<script type="application/json">${scriptJson(seed)}</script>\n</digest-article>`;
const card = (title) => ({title, url: 'https://example.com/' + encodeURIComponent(title), points: [title + ' point']});
const attr = (value) => `'${escapeHtml(JSON.stringify(value))}'`;

/** In the page: every piece of `order` appears in order in the deep (shadow and slotted) text, and no part="error". */
function checkOrder(order) {
  const out = [];
  const walk = (n) => {
    if (n.nodeType === Node.TEXT_NODE) return void (n.textContent.trim() && out.push(n.textContent.trim()));
    if (['script', 'style', 'template'].includes(n.localName)) return;
    if (n.localName === 'slot') {
      const assigned = n.assignedNodes({flatten: true});
      return void (assigned.length ? assigned : [...n.childNodes]).forEach(walk);
    }
    [...(n.shadowRoot ?? n).childNodes].forEach(walk);
  };
  walk(document.body);
  const text = out.join('\n');
  let at = 0;
  for (const piece of order) {
    const found = text.indexOf(piece, at);
    if (found < 0) return {missing: piece, anywhere: text.includes(piece)};
    at = found + piece.length;
  }
  let errors = 0;
  const visit = (r) => r.querySelectorAll('*').forEach((el) => ((errors += el.matches('[part~="error"]') ? 1 : 0), el.shadowRoot && visit(el.shadowRoot)));
  visit(document);
  return errors ? {errors} : {ok: true};
}

let server;
let origin;
before(async () => ({server, origin} = await serve({root: root.pathname, pinned})));
after(() => server?.close());

/** Opens `path` in a fresh context of `open()`, recording page errors and console messages. */
async function visit(open, path) {
  const {page, close} = await open();
  const log = {errors: [], warnings: [], pageErrors: []};
  page.on('console', (m) => {
    const type = m.type();
    if (type === 'error') log.errors.push(m.text());
    if (type === 'warning' || type === 'warn') log.warnings.push(m.text());
  });
  page.on('pageerror', (e) => log.pageErrors.push(String(e?.message ?? e)));
  await page.goto(origin + path, {waitUntil: 'load'});
  return {page, close, log};
}
/** Waits (polling every 100 ms, 10 s at most) until `checkOrder(expected)` is ok; fails naming what is missing. */
async function rendersInOrder({page, log}, expected) {
  let r;
  for (const end = Date.now() + 10_000; !(r = await page.evaluate(checkOrder, expected)).ok && Date.now() < end; ) await sleep(100);
  const why = r.missing ? `"${r.missing}" ${r.anywhere ? 'out of order' : 'not rendered'}` : `${r.errors} part="error"`;
  assert.ok(r.ok, `${why}; page errors: ${log.pageErrors.join(' | ')}; console errors: ${log.errors.join(' | ')}`);
  await sleep(200); // late console output (e.g. a warning after render)
}
function assertQuiet({log}, {errors = 0, warnings = 0} = {}) {
  assert.deepEqual(log.pageErrors, []);
  assert.equal(log.errors.length, errors, `console errors: ${log.errors.join(' | ')}`);
  assert.equal(log.warnings.length, warnings, `console warnings: ${log.warnings.join(' | ')}`);
}

describe('chromium', () => {
  let browser;
  before(async () => (browser = await playwright.launch({executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS, timeout: 30_000})));
  after(() => browser?.close());
  /** A fresh context per page: no shared registry, cache or storage; only our server is reachable. */
  const open = async () => {
    const context = await browser.newContext();
    await context.route((url) => url.hostname !== '127.0.0.1' && url.protocol !== 'data:', (route) => route.abort('blockedbyclient'));
    return {page: await context.newPage(), close: () => context.close()};
  };
  const check = async (path, fn) => {
    const p = await visit(open, path);
    try {
      await fn(p);
    } finally {
      await p.close();
    }
  };

  for (const [how, tag] of [['classic', script], ['defer', `<script src="${BUNDLE}" defer></script>`], ['async', `<script src="${BUNDLE}" async></script>`], ['module', `<script type="module" src="${BUNDLE}"></script>`]]) {
    for (const [input, body] of [['src="seed.json"', srcBody], ['child <script type="application/json">', inlineBody]]) {
      test(`${how} <script> in <head>, ${input}: the seed renders in order, quiet console`, TIMEOUT, () =>
        check(addPage({head: tag, body, lang: 'ja'}), async (p) => {
          await rendersInOrder(p, order);
          assertQuiet(p);
        }),
      );
    }
  }

  test('elements parsed before the script and added after load render', TIMEOUT, () => {
    const body = `<source-card data=${attr(card('Parsed before the script'))}></source-card>
<takeaway-list data=${attr({heading: 'Takeaways before', items: ['Takeaway item before']})}></takeaway-list>
<reader-comment data=${attr({text: 'Comment before the script', name: 'Reader A'})}></reader-comment>
<digest-article data=${attr({title: 'Article before the script', lead: 'Lead before'})}></digest-article>
<div id="later"></div>${script}`;
    return check(addPage({body}), async (p) => {
      await p.page.evaluate(
        ([a, b, c]) => {
          const later = document.getElementById('later');
          const source = document.createElement('source-card');
          source.setAttribute('data', a);
          later.append(source);
          later.insertAdjacentHTML('beforeend', b);
          later.append(Object.assign(document.createElement('takeaway-list'), {data: c}));
        },
        [JSON.stringify(card('Appended after load')), `<source-card data=${attr(card('Inserted as HTML after load'))}></source-card>`, {heading: 'Takeaways after', items: ['Takeaway item after']}],
      );
      await rendersInOrder(p, ['Parsed before the script', 'Takeaway item before', 'Comment before the script', 'Article before the script', 'Appended after load', 'Inserted as HTML after load', 'Takeaway item after']);
      const notUpgraded = await p.page.evaluate(() =>
        [...document.querySelectorAll('source-card, takeaway-list, reader-comment, digest-article')]
          .filter((e) => !e.shadowRoot || !(e instanceof (customElements.get(e.localName) ?? Object)))
          .map((e) => e.localName),
      );
      assert.deepEqual(notUpgraded, []);
      assertQuiet(p);
    });
  });

  describe('included twice', () => {
    // Records every customElements.define call and whether it threw (even if caught inside).
    const spy = `<script>window.__defines = []; { const define = customElements.define;
  customElements.define = function (name, ctor, options) {
    try { const r = define.call(this, name, ctor, options); __defines.push({name, ok: true}); return r; }
    catch (e) { __defines.push({name, ok: false, error: String(e)}); throw e; } }; }</script>`;
    const defines = async ({page}) => {
      const d = await page.evaluate(() => window.__defines);
      assert.deepEqual(d.filter((x) => !x.ok), [], 'customElements.define threw');
      assert.deepEqual(d.map((x) => x.name).sort(), ['digest-article', 'reader-comment', 'source-card', 'takeaway-list']);
      assert.equal(await page.evaluate(() => customElements.get('digest-article').version), version);
    };
    test('the same bundle twice: no error, no define exception, no warning, renders', TIMEOUT, () =>
      check(addPage({head: `${spy}${script}${script}`, body: srcBody, lang: 'ja'}), async (p) => {
        await rendersInOrder(p, order);
        assertQuiet(p);
        await defines(p);
      }),
    );
    test(`${version} then ${OTHER_VERSION}: one console warning naming both, nothing breaks`, TIMEOUT, () => {
      assert.ok(bundle.includes(version), `the bundle does not contain its version string "${version}"`);
      const head = `${spy}${script}<script src="/dist/digest-elements-${OTHER_VERSION}.js"></script>`;
      return check(addPage({head, body: srcBody, lang: 'ja'}), async (p) => {
        await rendersInOrder(p, order);
        assertQuiet(p, {warnings: 1});
        assert.match(p.log.warnings[0], new RegExp(`${version}.*${OTHER_VERSION}|${OTHER_VERSION}.*${version}`));
        await defines(p);
      });
    });
  });

  test('the bundle adds no globals beyond Lit’s', TIMEOUT, async () => {
    const names = () => [...new Set([...Object.keys(window), ...Object.getOwnPropertyNames(window)])];
    let before;
    await check(addPage({body: '<p>blank</p>'}), async (p) => (before = new Set(await p.page.evaluate(names))));
    await check(addPage({head: script, body: '<p>bundle</p>'}), async (p) => {
      assert.ok(await p.page.evaluate(() => !!customElements.get('digest-article')), '<digest-article> was not defined');
      const added = (await p.page.evaluate(names)).filter((n) => !before.has(n));
      assert.deepEqual(added.filter((n) => !LIT_GLOBALS.includes(n)), [], 'globals beyond Lit’s');
      assertQuiet(p);
    });
  });

  test('bad data: part="error" role="alert", the good card renders, one digest-error, the page untouched', TIMEOUT, () => {
    const good = {title: 'The good card', url: 'https://example.com/good', points: ['A good point']};
    const body = `<main id="other"><h1>Untouched heading</h1><p id="p1">Paragraph <em>one</em> stays.</p><ul><li>Item A</li><li>Item B</li></ul></main>
<section id="cards"><source-card id="bad" data="{oops"></source-card><source-card id="good" data=${attr(good)}></source-card></section>
<footer id="tail"><p>Footer text</p></footer>
<script>
  window.__errors = [];
  document.addEventListener('digest-error', (e) => __errors.push({target: e.target.id, detail: e.detail}));
  window.__snapshot = {other: document.getElementById('other').outerHTML, cards: document.getElementById('cards').innerHTML};
</script>${script}`;
    return check(addPage({body}), async (p) => {
      await p.page.waitForFunction(() => document.getElementById('bad').shadowRoot?.querySelector('[part~="error"]') && document.getElementById('good').shadowRoot?.querySelector('[part~="card"]'), null, {timeout: 10_000});
      await sleep(200);
      const s = await p.page.evaluate(() => {
        const [bad, good] = ['bad', 'good'].map((id) => document.getElementById(id).shadowRoot);
        return {
          role: bad.querySelector('[part~="error"]').getAttribute('role'),
          badHasCard: !!bad.querySelector('[part~="card"]'),
          goodHasError: !!good.querySelector('[part~="error"]'),
          goodText: good.textContent,
          otherSame: document.getElementById('other').outerHTML === window.__snapshot.other,
          cardsSame: document.getElementById('cards').innerHTML === window.__snapshot.cards,
          tail: document.getElementById('tail')?.textContent.trim(),
          errors: window.__errors.map((e) => e.target),
        };
      });
      assert.deepEqual(s, {...s, role: 'alert', badHasCard: false, goodHasError: false, otherSame: true, cardsSame: true, tail: 'Footer text', errors: ['bad']});
      assert.match(s.goodText, /The good card[\s\S]*A good point/);
      // The element reports its problem on the console in one line; nothing else may.
      assertQuiet(p, {errors: 1});
      assert.match(p.log.errors[0], /^<source-card>/);
    });
  });
});

describe('firefox-esr', () => {
  let browser;
  before(async () => (browser = await puppeteer.launch({browser: 'firefox', executablePath: FIREFOX, headless: true, timeout: 45_000, protocolTimeout: 30_000})));
  after(() => browser?.close());
  const open = async () => {
    const context = await browser.createBrowserContext();
    return {page: await context.newPage(), close: () => context.close()};
  };
  for (const [input, body] of [['src="seed.json"', srcBody], ['child <script type="application/json">', inlineBody]]) {
    test(`classic <script> in <head>, ${input}: the seed renders in order, quiet console`, TIMEOUT, async () => {
      const p = await visit(open, addPage({head: script, body, lang: 'ja'}));
      try {
        await rendersInOrder(p, order);
        assertQuiet(p);
      } finally {
        await p.close();
      }
    });
  }
});
