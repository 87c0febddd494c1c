// Server rendering, from the outside: the BUILT Node API (`digest-elements/ssr`, dist/ssr/), the
// `digest-elements` CLI, and the output in the system Chromium (playwright-core): without
// JavaScript (declarative shadow DOM alone), hydrated by dist/digest-elements.hydrate.js (nodes
// kept, no layout shift, later `data` changes), `<digest-article json-ld>` under Trusted Types,
// and printed to PDF (the text read back with poppler's `pdftotext`).
//
//   npm run build && node --test test/ssr/        (npm run test:ssr)
//
// Needs the system Chromium (scripts/browsers.js) and pdftotext (Debian: apt-get install poppler-utils).
import {after, before, describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {execFileSync, spawnSync} from 'node:child_process';
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join, resolve} from 'node:path';
import {fileURLToPath} from 'node:url';
import {chromium} from 'playwright-core';
import {DigestFormatError, DigestOptionError, HYDRATE_SCRIPT, jsonLd, renderArticle, renderPage} from 'digest-elements/ssr';
import {jsonError, validateArticle} from 'digest-elements/format';
import {scriptJson} from '../../dist/format/json-ld.js';
import {CHROMIUM, CHROMIUM_ARGS} from '../../scripts/browsers.js';
import {serve} from '../../scripts/serve.js';
import {escapeHtml} from '../common.js';

const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const BIN = join(ROOT, 'bin/digest-elements.js');
const read = (path) => readFileSync(join(ROOT, path), 'utf8');
const seedText = read('test/fixtures/seed.json');
const seed = JSON.parse(seedText);
const order = JSON.parse(read('test/fixtures/seed-order.json'));
const HYDRATE = '/dist/digest-elements.hydrate.js';
const TAGS = ['digest-article', 'takeaway-list', 'source-card', 'reader-comment'];
/** How often each element appears in the rendered seed. */
const COUNTS = {'digest-article': 1, 'takeaway-list': 1, 'source-card': 2, 'reader-comment': 2};

const scripts = (html, type) =>
  [...html.matchAll(/<script type="([^"]+)">([\s\S]*?)<\/script>/g)].filter((m) => m[1] === type).map((m) => m[2]);

describe('renderArticle / renderPage (Node API)', () => {
  const {html, problems} = renderArticle(seedText);

  test('the seed renders without problems', () => {
    assert.deepEqual(problems, []);
  });

  test('declarative shadow DOM for <digest-article> and every element inside it', () => {
    for (const tag of TAGS) {
      const opened = html.match(new RegExp(`<${tag}[\\s>]`, 'g')) ?? [];
      const withRoot = html.match(new RegExp(`<${tag}\\b[^>]*><template shadowroot="open" shadowrootmode="open">`, 'g')) ?? [];
      assert.equal(opened.length, COUNTS[tag], `<${tag}> count`);
      assert.equal(withRoot.length, COUNTS[tag], `<${tag}> each with a declarative shadow root`);
    }
    // The nested elements wait for their parent on the client.
    assert.equal((html.match(/ defer-hydration/g) ?? []).length, 5);
    // Styles are inside each shadow root (no JavaScript needed to style it).
    assert.equal((html.match(/<template shadowroot="open" shadowrootmode="open"><style>/g) ?? []).length, 6);
  });

  test('every seed text is in the HTML, in order', () => {
    const text = html.replace(/<script[\s\S]*?<\/script>|<style>[\s\S]*?<\/style>|<!--[\s\S]*?-->/g, '');
    let at = 0;
    for (const piece of order) {
      const escaped = escapeHtml(piece);
      const found = text.indexOf(escaped, at);
      assert.ok(found >= 0, `missing or out of order: ${piece.slice(0, 40)}`);
      at = found + escaped.length;
    }
  });

  test('the validated data as a child script (what the client reads), JSON-LD beside it', () => {
    const [data] = scripts(html, 'application/json');
    assert.deepEqual(JSON.parse(data), JSON.parse(JSON.stringify(validateArticle(seed).value)));
    const lds = scripts(html, 'application/ld+json');
    assert.equal(lds.length, 1);
    const ld = JSON.parse(lds[0]);
    assert.deepEqual(ld, jsonLd(validateArticle(seed).value));
    assert.equal(ld['@context'], 'https://schema.org');
    assert.equal(ld['@type'], 'NewsArticle');
    assert.equal(ld.headline, seed.title);
    assert.equal(ld.inLanguage, 'ja');
    assert.deepEqual(ld.publisher, {'@type': 'Organization', name: 'Chrysanthemum Digest'});
    assert.deepEqual(
      ld.citation.map((c) => [c['@type'], c.url]),
      seed.sections.flatMap((s) => s.blocks.filter((b) => b.type === 'source').map((b) => ['CreativeWork', b.url])),
    );
    // Both scripts are light-DOM children of the element, after its shadow root.
    assert.match(html, /<\/template>(<!--[^>]*-->)*<script type="application\/json">[^<]*<\/script><script type="application\/ld\+json">/);
    assert.match(html, /<digest-article\s[^>]*\bjson-ld[\s>]/);
  });

  test('options: no JSON-LD, heading level, lang for data without one, url', () => {
    const plain = renderArticle(seed, {jsonLd: false, headingLevel: 1}).html;
    assert.equal(scripts(plain, 'application/ld+json').length, 0);
    assert.doesNotMatch(plain, /json-ld/);
    assert.match(plain, /<h1 part="title">/);
    const noLang = {title: 'T', sections: [{heading: 'H', blocks: [{type: 'source', title: 'S', url: 'https://e.example/a'}]}]};
    assert.match(renderArticle(noLang, {lang: 'ja'}).html, /<digest-article\s[^>]*lang="ja"[\s\S]*さらに読む/);
    assert.match(renderArticle(noLang).html, /Read more/);
    const ld = JSON.parse(scripts(renderArticle(noLang, {url: 'https://e.example/p'}).html, 'application/ld+json')[0]);
    assert.equal(ld.mainEntityOfPage, 'https://e.example/p');
  });

  test('a page-relative source URL names the host of the page URL, never a placeholder', () => {
    const relative = {title: 'T', sections: [{heading: 'H', blocks: [{type: 'source', title: 'S', url: '/2025/story'}]}]};
    const readMore = (html) => /part="read-more"[^>]*>(?:<!--[^>]*-->)*([^<]*)/.exec(html)[1];
    const withUrl = renderArticle(relative, {url: 'https://news.example/today/'}).html;
    assert.equal(readMore(withUrl), 'Read more ⇒ news.example');
    assert.match(withUrl, /href="\/2025\/story"/, 'the link itself stays as written');
    const withoutUrl = renderArticle(relative).html;
    assert.equal(readMore(withoutUrl), 'Read more', 'no page: no host named');
    for (const html of [withUrl, withoutUrl]) assert.doesNotMatch(html, /base\.invalid/);
  });

  test('url, lang and script options are checked like the data: a DigestOptionError names the option', () => {
    const cases = [
      [{url: 'javascript:alert(document.domain)'}, 'url', 'url: "javascript:alert(document.domain)" is not an absolute http(s) URL'],
      [{url: ' java\tscript:alert(1)'}, 'url'],
      [{url: 'data:text/html,x'}, 'url'],
      [{url: '/relative/page'}, 'url'],
      [{url: `https://e.example/${'x'.repeat(200)}`.replace('https', 'ftp')}, 'url'],
      [{lang: 'not a tag'}, 'lang', 'lang: "not a tag" is not a BCP 47 language tag'],
      [{lang: `en-${'x'.repeat(200)}`}, 'lang'],
      [{script: 'javascript:alert(1)'}, 'script'],
    ];
    for (const [options, option, message] of cases) {
      for (const render of [renderArticle, renderPage]) {
        assert.throws(
          () => render(seed, options),
          (e) => {
            assert.ok(e instanceof DigestOptionError, `${JSON.stringify(options)}: ${e}`);
            assert.ok(e instanceof Error);
            assert.equal(e.name, 'DigestOptionError');
            assert.equal(e.option, option);
            if (message) assert.equal(e.message, message);
            assert.ok(e.message.length < 120, 'the value is cut short in the message');
            return true;
          },
        );
      }
    }
    // Good values are used in their canonical form.
    const page = renderPage(seed, {url: 'HTTPS://News.Example', lang: 'EN-us'}).html;
    assert.match(page, /<link rel="canonical" href="https:\/\/news\.example\/">/);
    const ld = JSON.parse(scripts(page, 'application/ld+json')[0]);
    assert.equal(ld.url, 'https://news.example/');
    const noLang = {title: 'T', sections: []};
    assert.match(renderPage(noLang, {lang: 'EN-us'}).html, /<html lang="en-US">/);
  });

  test('invalid JSON: the validator places the error (jsonError), after the BOM, never for depth', () => {
    const r = validateArticle('\uFEFF{\n  "title": "T",\n  "lead": x\n}', {locate: jsonError});
    assert.deepEqual(r.problems, [
      {path: '', message: "invalid JSON at line 3, column 11: Unexpected token 'x'", severity: 'error', line: 3, column: 11},
    ]);
    assert.equal(validateArticle('{"title":').problems[0].line, undefined, 'only when asked');
    const deep = validateArticle('['.repeat(2000), {locate: jsonError}).problems[0];
    assert.equal(deep.message, 'invalid JSON: nested deeper than 1000 levels');
    assert.equal(deep.line, undefined);
  });

  test('text that looks like markup stays text; no data can end a script', () => {
    const evil = '</script><script>alert(1)</script><!-- <b>x</b>';
    const out = renderArticle({title: evil, lead: evil, sections: []}).html;
    assert.doesNotMatch(out, /<script>alert/);
    assert.doesNotMatch(out, /<b>x/);
    for (const body of [...out.matchAll(/<script[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1])) {
      assert.doesNotMatch(body, /</);
    }
  });

  test('warnings come back; the value that caused them is dropped', () => {
    const r = renderArticle({title: 'T', sections: [{heading: 'H', blocks: [{type: 'source', title: 'S', url: 'javascript:alert(1)'}]}]});
    assert.deepEqual(r.problems.map((p) => `${p.severity} ${p.path}: ${p.message}`), [
      'warning sections[0].blocks[0].url: is not an http(s) URL',
    ]);
    assert.doesNotMatch(r.html, /javascript:/);
  });

  test('input that cannot be shown throws a DigestFormatError naming the path', () => {
    const cases = [
      ['{"title":', 'invalid JSON at line 1, column 10: Unexpected end of JSON input', [1, 10]],
      ['{\n  "title": "T",\n  "lead": x\n}', "invalid JSON at line 3, column 11: Unexpected token 'x'", [3, 11]],
      ['{"sections": []}', 'title: is required'],
      ['{"version": 2, "title": "T"}', 'version: unsupported version 2'],
      ['[1]', 'should be an object'],
      [{title: '  '}, 'title: is empty'],
    ];
    for (const [input, message, at] of cases) {
      assert.throws(
        () => renderArticle(input),
        (e) => {
          assert.ok(e instanceof DigestFormatError, `${input}: ${e}`);
          assert.equal(e.message, message);
          assert.equal(e.problems.at(-1).severity, 'error');
          if (at) assert.deepEqual([e.line, e.column], at);
          return true;
        },
      );
    }
  });

  test('renderPage: a whole document that loads the hydrate bundle as a module', () => {
    const page = renderPage(seedText, {url: 'https://example.com/a?b=1&c=2'}).html;
    assert.match(page, /^<!doctype html>\n<html lang="ja">\n<head>\n<meta charset="utf-8">/);
    assert.match(page, /<meta name="viewport" content="width=device-width, initial-scale=1">/);
    assert.ok(page.includes(`<title>${seed.title}</title>`));
    assert.ok(page.includes('<link rel="canonical" href="https://example.com/a?b=1&amp;c=2">'));
    assert.ok(page.includes(`<script type="module" src="${HYDRATE_SCRIPT}"></script>`));
    assert.ok(page.includes(renderArticle(seedText, {url: 'https://example.com/a?b=1&c=2'}).html));
    assert.doesNotMatch(renderPage(seed, {script: false}).html, /<script type="module"/);
    assert.match(renderPage({title: 'T'}, {lang: 'de'}).html, /<html lang="de">/);
  });
});

describe('the digest-elements CLI', () => {
  const dir = mkdtempSync(join(tmpdir(), 'digest-cli-'));
  after(() => rmSync(dir, {recursive: true, force: true}));
  const file = (name, text) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };
  const run = (args, input) => spawnSync(process.execPath, [BIN, ...args], {input, encoding: 'utf8', cwd: dir});

  test('render article.json > article.html', () => {
    const r = run(['render', join(ROOT, 'test/fixtures/seed.json')]);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stderr, '');
    assert.equal(r.stdout, `${renderArticle(seedText).html}\n`);
  });

  test('bad JSON: line and column on stderr, exit 1, nothing on stdout', () => {
    const bad = file('bad.json', '{"title":');
    const r = run(['render', bad]);
    assert.equal(r.status, 1);
    assert.equal(r.stdout, '');
    assert.equal(r.stderr, `digest-elements: ${bad}: invalid JSON at line 1, column 10: Unexpected end of JSON input\n`);
  });

  test('a missing title, an unsupported version: the field path, exit 1', () => {
    const noTitle = file('no-title.json', '{"sections": []}');
    let r = run(['render', noTitle]);
    assert.equal(r.status, 1);
    assert.equal(r.stderr, `digest-elements: ${noTitle}: title: is required\n`);
    const v2 = file('v2.json', '{"version": 2, "title": "T"}');
    r = run(['render', v2]);
    assert.equal(r.status, 1);
    assert.equal(r.stderr, `digest-elements: ${v2}: version: unsupported version 2\n`);
  });

  test('warnings on stderr, exit 0; stdin as "-"', () => {
    const r = run(['render', '-'], JSON.stringify({title: 'T', lead: 5, sections: [{heading: 'H', blocks: [{type: 'source', title: 'S', url: 'ftp://x'}]}]}));
    assert.equal(r.status, 0);
    assert.equal(
      r.stderr,
      'digest-elements: <stdin>: warning: lead: should be a string\n' +
        'digest-elements: <stdin>: warning: sections[0].blocks[0].url: is not an http(s) URL\n',
    );
    assert.match(r.stdout, /^<!--lit-part[^>]*--><!--lit-node 0--><digest-article /);
  });

  test('options: --page, --script, --no-json-ld, --heading-level, --lang', () => {
    const r = run(['render', '-', '--page', '--script', '/h.js', '--no-json-ld', '--heading-level', '3', '--lang', 'ja'], '{"title":"T"}');
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /^<!doctype html>\n<html lang="ja">/);
    assert.ok(r.stdout.includes('<script type="module" src="/h.js"></script>'));
    assert.match(r.stdout, /<h3 part="title">/);
    assert.doesNotMatch(r.stdout, /ld\+json/);
  });

  test('bad --url, --lang, --script: exit 2 with a message, before the input is read, nothing on stdout', () => {
    const cases = [
      [['--url', 'javascript:alert(document.domain)'], '--url: "javascript:alert(document.domain)" is not an absolute http(s) URL'],
      [['--url', 'page.html'], '--url: "page.html" is not an absolute http(s) URL'],
      [['--lang', 'x y'], '--lang: "x y" is not a BCP 47 language tag'],
      [['--page', '--script', 'javascript:alert(1)'], '--script: "javascript:alert(1)" is not an http(s) URL'],
    ];
    for (const [args, message] of cases) {
      const r = run(['render', join(dir, 'missing.json'), ...args]);
      assert.equal(r.status, 2, `${args.join(' ')}: ${r.stderr}`);
      assert.equal(r.stderr, `digest-elements: ${message}\n`);
      assert.equal(r.stdout, '');
    }
    const good = run(['render', '-', '--page', '--url', 'https://news.example/a'], JSON.stringify({
      title: 'T',
      sections: [{heading: 'H', blocks: [{type: 'source', title: 'S', url: 'b/c'}]}],
    }));
    assert.equal(good.status, 0, good.stderr);
    assert.match(good.stdout, /<link rel="canonical" href="https:\/\/news\.example\/a">/);
    assert.match(good.stdout, /Read more ⇒ news\.example</);
    assert.doesNotMatch(good.stdout, /base\.invalid/);
  });

  test('usage errors exit 2; --help exits 0', () => {
    for (const args of [[], ['render'], ['draw', 'a.json'], ['render', 'a', 'b'], ['render', 'a', '--nope'], ['render', 'a', '--heading-level', '7'], ['render', 'a', '--script', 'x']]) {
      const r = run(args);
      assert.equal(r.status, 2, `${args.join(' ')}: ${r.stderr}`);
      assert.match(r.stderr, /^digest-elements: /);
      assert.equal(r.stdout, '');
    }
    const help = run(['--help']);
    assert.equal(help.status, 0);
    assert.match(help.stdout, /^usage: digest-elements render <article\.json \| -> \[options\]/);
    const missing = run(['render', join(dir, 'missing.json')]);
    assert.equal(missing.status, 1);
    assert.match(missing.stderr, /missing\.json: cannot read: no such file\n$/);
  });
});

// ---------------------------------------------------------------------------------------------
// In Chromium.

/** Pages and scripts by path: {body, type?, headers?}. */
const pages = new Map();

/** In the page: the visible text nodes, through shadow roots, in document order. */
function visibleTexts() {
  const out = [];
  const walk = (n) => {
    if (n.nodeType === 3) {
      const t = n.textContent.trim();
      if (!t) return;
      const r = document.createRange();
      r.selectNodeContents(n);
      const box = r.getBoundingClientRect();
      if (box.width > 0 && box.height > 0 && getComputedStyle(n.parentElement).visibility !== 'hidden') out.push(t);
      return;
    }
    if (['SCRIPT', 'STYLE', 'TEMPLATE'].includes(n.nodeName)) return;
    (n.shadowRoot ? n.shadowRoot.childNodes : n.childNodes).forEach(walk);
  };
  walk(document.body);
  return out;
}

/** The first seed text missing or out of order in `text`, else ''. */
function missingInOrder(text) {
  let at = 0;
  for (const piece of order) {
    const found = text.indexOf(piece, at);
    if (found < 0) return piece;
    at = found + piece.length;
  }
  return '';
}

/** In the page: the nodes hydration must keep, and where they are. */
function markNodes() {
  const r = document.querySelector('digest-article').shadowRoot;
  const inner = (tag) => r.querySelector(tag).shadowRoot;
  const nodes = {
    title: r.querySelector('[part=title]'),
    titleText: [...r.querySelector('[part=title]').childNodes].find((n) => n.nodeType === 3),
    section: r.querySelector('section'),
    cardLink: inner('source-card').querySelector('[part=title-link]'),
    cardPoint: [...inner('source-card').querySelector('li').childNodes].find((n) => n.nodeType === 3),
    comment: inner('reader-comment').querySelector('[part=bubble]'),
    takeaway: inner('takeaway-list').querySelector('li'),
    ld: document.querySelector('digest-article > script[type="application/ld+json"]').firstChild,
  };
  const rect = (n) => JSON.stringify((n.nodeType === 3 ? n.parentElement : n).getBoundingClientRect());
  window.__marks = nodes;
  window.__rects = Object.fromEntries(Object.entries(nodes).filter(([k]) => k !== 'ld').map(([k, n]) => [k, rect(n)]));
  window.__shift = 0;
  new PerformanceObserver((list) => list.getEntries().forEach((e) => (window.__shift += e.value))).observe({type: 'layout-shift', buffered: true});
}

/** In the page, after the hydrate bundle ran: what was kept, what moved, then a `data` change. */
async function afterHydration() {
  const a = document.querySelector('digest-article');
  const all = [a, ...a.shadowRoot.querySelectorAll('source-card,takeaway-list,reader-comment')];
  const settle = async () => {
    for (let i = 0; i < 4; i++) await Promise.all(all.map((e) => e.updateComplete));
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 100)));
  };
  await settle();
  const r = a.shadowRoot;
  const rect = (n) => JSON.stringify((n.nodeType === 3 ? n.parentElement : n).getBoundingClientRect());
  const lost = Object.entries(window.__marks).filter(([, n]) => !n.isConnected).map(([k]) => k);
  const moved = Object.entries(window.__rects).filter(([k, v]) => rect(window.__marks[k]) !== v).map(([k]) => k);
  const state = {
    lost,
    moved,
    shift: window.__shift,
    hydrated: all.every((e) => e.hasUpdated),
    deferred: all.filter((e) => e.hasAttribute('defer-hydration')).length,
    titles: r.querySelectorAll('[part=title]').length,
    ldScripts: a.querySelectorAll(':scope > script[type="application/ld+json"]').length,
  };
  const data = JSON.parse(a.querySelector(':scope > script[type="application/json"]').textContent);
  data.title = 'Changed title';
  data.sections[0].blocks[3].points[0] = 'Changed point';
  data.sections[0].blocks[11].text = 'Changed comment';
  a.data = data;
  await settle();
  const inner = (tag) => r.querySelector(tag).shadowRoot;
  state.after = {
    title: r.querySelector('[part=title]').textContent,
    point: inner('source-card').querySelector('li').textContent,
    comment: inner('reader-comment').querySelector('[part=bubble]').textContent.trim(),
    sameTitle: r.querySelector('[part=title]') === window.__marks.title,
    sameCardLink: inner('source-card').querySelector('[part=title-link]') === window.__marks.cardLink,
    ldHeadline: JSON.parse(a.querySelector(':scope > script[type="application/ld+json"]').textContent).headline,
  };
  return state;
}

describe('in Chromium', {timeout: 240_000}, () => {
  let server;
  let browser;
  let base;
  before(async () => {
    // The two bundles are read once, now: a concurrent rebuild (which empties dist/) cannot change them mid-run.
    for (const file of ['dist/digest-elements.js', 'dist/digest-elements.hydrate.js']) pages.set(`/${file}`, {body: read(file)});
    ({server, origin: base} = await serve({root: ROOT, pinned: pages}));
    browser = await chromium.launch({executablePath: CHROMIUM, args: CHROMIUM_ARGS});
    pages.set('/seed.html', {body: renderPage(seedText, {script: HYDRATE, url: `${base}/seed.html`}).html});
    pages.set('/seed-defer.html', {
      body: `<!doctype html><html lang="ja"><head><meta charset="utf-8"><title>defer</title>
<link rel="canonical" href="${base}/seed-defer.html">
<script defer src="${HYDRATE}"></script></head>
<body style="max-width:46rem;margin:2rem auto">${renderArticle(seedText, {url: `${base}/seed-defer.html`}).html}</body></html>`,
    });
  });
  after(async () => {
    await browser?.close();
    server?.close();
  });

  test('JavaScript disabled: shown and styled from declarative shadow DOM, every seed text visible in order', async () => {
    const ctx = await browser.newContext({javaScriptEnabled: false, viewport: {width: 800, height: 900}});
    try {
      const page = await ctx.newPage();
      await page.goto(`${base}/seed.html`);
      const info = await page.evaluate(() => {
        const a = document.querySelector('digest-article');
        const r = a.shadowRoot;
        const card = r?.querySelector('source-card')?.shadowRoot?.querySelector('[part=card]');
        return {
          roots: [a, ...(r?.querySelectorAll('source-card,takeaway-list,reader-comment') ?? [])].map((e) => !!e.shadowRoot),
          defined: !!window.customElements?.get('digest-article'),
          qaBackground: getComputedStyle(r.querySelector('[part=qa]')).backgroundColor,
          cardBorder: card && getComputedStyle(card).borderTopStyle,
          hostFont: getComputedStyle(a).fontSize,
        };
      });
      assert.deepEqual(info.roots, [true, true, true, true, true, true]);
      assert.equal(info.defined, false, 'no script ran');
      assert.notEqual(info.qaBackground, 'rgba(0, 0, 0, 0)', 'element styles apply');
      assert.equal(info.cardBorder, 'solid');
      assert.equal(info.hostFont, '16px');
      const texts = await page.evaluate(visibleTexts);
      assert.equal(missingInOrder(texts.join('\n')), '');
    } finally {
      await ctx.close();
    }
  });

  for (const [name, path] of [['type="module" (renderPage)', '/seed.html'], ['defer', '/seed-defer.html']]) {
    test(`hydration (${name}): nodes kept, no layout shift, a later data change updates them`, async () => {
      const ctx = await browser.newContext({viewport: {width: 800, height: 900}});
      try {
        const page = await ctx.newPage();
        const errors = [];
        page.on('pageerror', (e) => errors.push(e.message));
        page.on('console', (m) => ['error', 'warning'].includes(m.type()) && errors.push(m.text()));
        // Hold the bundle until the server-rendered nodes are marked.
        let release;
        const held = new Promise((r) => (release = r));
        await page.route(`**${HYDRATE}`, async (route) => {
          await held;
          await route.continue();
        });
        // (DOMContentLoaded waits for deferred scripts: wait for the parser to pass the article.)
        await page.goto(`${base}${path}`, {waitUntil: 'commit'});
        await page.waitForFunction(() => document.querySelector('digest-article > script[type="application/ld+json"]'));
        await page.evaluate(markNodes);
        release();
        await page.waitForFunction(() => document.querySelector('digest-article').hasUpdated, null, {timeout: 15_000});
        const s = await page.evaluate(afterHydration);
        assert.deepEqual(s.lost, [], 'server-rendered nodes kept');
        assert.deepEqual(s.moved, [], 'nothing moved');
        assert.equal(s.shift, 0, 'cumulative layout shift');
        assert.equal(s.hydrated, true);
        assert.equal(s.deferred, 0, 'no defer-hydration left');
        assert.equal(s.titles, 1, 'not rendered twice');
        assert.equal(s.ldScripts, 1, 'one JSON-LD script');
        assert.deepEqual(s.after, {
          title: 'Changed title',
          point: 'Changed point',
          comment: 'Changed comment',
          sameTitle: true,
          sameCardLink: true,
          ldHeadline: 'Changed title',
        });
        assert.deepEqual(errors, []);
      } finally {
        await ctx.close();
      }
    });
  }

  test('a page-relative source URL names the page\'s host, before and after hydration', async () => {
    const relative = {title: 'T', sections: [{heading: 'H', blocks: [{type: 'source', title: 'S', url: 'story.html'}]}]};
    pages.set('/relative.html', {body: renderPage(relative, {script: HYDRATE, url: `${base}/relative.html`}).html});
    const ctx = await browser.newContext();
    try {
      const page = await ctx.newPage();
      const readMore = () =>
        document.querySelector('digest-article').shadowRoot.querySelector('source-card').shadowRoot.querySelector('[part=read-more]')
          .textContent;
      await page.goto(`${base}/relative.html`);
      await page.waitForFunction(() => document.querySelector('digest-article').hasUpdated, null, {timeout: 15_000});
      const card = await page.waitForFunction(() => {
        const c = document.querySelector('digest-article').shadowRoot.querySelector('source-card');
        return c.hasUpdated && c.updateComplete.then(() => true);
      });
      await card.dispose();
      assert.equal(await page.evaluate(readMore), 'Read more ⇒ 127.0.0.1', 'hydrated');
      await page.evaluate(async () => {
        const a = document.querySelector('digest-article');
        a.data = {...JSON.parse(a.querySelector(':scope > script[type="application/json"]').textContent), title: 'T2'};
        await a.updateComplete;
        await a.shadowRoot.querySelector('source-card').updateComplete;
      });
      assert.equal(await page.evaluate(readMore), 'Read more ⇒ 127.0.0.1', 'rendered again in the browser');
    } finally {
      await ctx.close();
    }
  });

  test('<digest-article json-ld> in the browser, under Trusted Types', async () => {
    const data = scriptJson(validateArticle(seed).value);
    const body = `<!doctype html><html lang="ja"><head><meta charset="utf-8">
<script defer src="/dist/digest-elements.hydrate.js"></script></head>
<body><digest-article json-ld><script type="application/json">${data}</script></digest-article></body></html>`;
    // [CSP, the violations expected]: the JSON is set through a `digest-elements` policy; a page
    // whose allowlist leaves that out still gets it (through a text node), with the violations.
    const csp = {
      "require-trusted-types-for 'script'": [],
      "require-trusted-types-for 'script'; trusted-types lit-html": ['trusted-types', 'require-trusted-types-for'],
    };
    for (const [name, violations] of Object.entries(csp)) {
      pages.set('/tt.html', {body, headers: {'content-security-policy': name}});
      const ctx = await browser.newContext();
      try {
        const page = await ctx.newPage();
        const errors = [];
        page.on('pageerror', (e) => errors.push(e.message));
        await page.addInitScript(() => {
          window.__violations = [];
          document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(e.violatedDirective));
        });
        await page.goto(`${base}/tt.html`);
        await page.waitForFunction(() => document.querySelector('digest-article > script[type="application/ld+json"]'), null, {timeout: 15_000});
        const r = await page.evaluate(() => {
          const a = document.querySelector('digest-article');
          return {
            scripts: a.querySelectorAll(':scope > script[type="application/ld+json"]').length,
            ld: JSON.parse(a.querySelector(':scope > script[type="application/ld+json"]').textContent),
            title: a.shadowRoot.querySelector('[part=title]').textContent,
            violations: [...new Set(window.__violations)],
          };
        });
        assert.deepEqual(r.violations, violations, name);
        assert.deepEqual(errors, [], name);
        assert.equal(r.scripts, 1, name);
        assert.equal(r.title, seed.title, name);
        assert.deepEqual(r.ld, jsonLd(validateArticle(seed).value, {url: `${base}/tt.html`}), name);
      } finally {
        await ctx.close();
      }
    }
  });

  test('print: no backgrounds or shadows, light colours, source URLs shown, cards not split', async () => {
    const ctx = await browser.newContext({javaScriptEnabled: false});
    try {
      const page = await ctx.newPage();
      await page.goto(`${base}/seed.html`);
      await page.emulateMedia({media: 'print', colorScheme: 'dark'});
      const r = await page.evaluate(() => {
        const roots = [];
        const visit = (root) => {
          roots.push(root);
          root.querySelectorAll('*').forEach((e) => e.shadowRoot && visit(e.shadowRoot));
        };
        visit(document.querySelector('digest-article').shadowRoot);
        const painted = [];
        for (const root of roots) {
          for (const e of root.querySelectorAll('*')) {
            for (const pseudo of [null, '::before', '::after']) {
              const s = getComputedStyle(e, pseudo);
              if (s.backgroundColor !== 'rgba(0, 0, 0, 0)' || s.backgroundImage !== 'none' || s.boxShadow !== 'none') {
                painted.push(`${e.localName}[part=${e.getAttribute('part')}]${pseudo ?? ''}`);
              }
            }
          }
        }
        const card = document.querySelector('digest-article').shadowRoot.querySelector('source-card').shadowRoot;
        const link = card.querySelector('[part=title-link]');
        return {
          painted,
          after: getComputedStyle(link, '::after').content,
          href: link.href,
          cardBreak: getComputedStyle(card.querySelector('[part=card]')).breakInside,
          color: getComputedStyle(document.querySelector('digest-article').shadowRoot.querySelector('[part=title]')).color,
        };
      });
      assert.deepEqual(r.painted, []);
      assert.match(r.after, /attr\(href\)|https:/);
      assert.equal(r.cardBreak, 'avoid');
      assert.equal(r.color, 'rgb(31, 35, 40)', 'dark text on paper, also for a dark-scheme reader');
    } finally {
      await ctx.close();
    }
  });

  test('print to PDF (headless Chromium): every seed text is in the PDF, each source link with its URL', async () => {
    const pdftotext = spawnSync('pdftotext', ['-v'], {encoding: 'utf8'});
    assert.ok(!pdftotext.error, 'pdftotext is needed (Debian: apt-get install poppler-utils)');
    const ctx = await browser.newContext({javaScriptEnabled: false});
    const dir = mkdtempSync(join(tmpdir(), 'digest-pdf-'));
    try {
      const page = await ctx.newPage();
      await page.goto(`${base}/seed.html`);
      const pdf = join(dir, 'seed.pdf');
      await page.pdf({path: pdf, format: 'A4', printBackground: true});
      // -raw: the text as drawn (the default layout mode cuts a comment around its avatar). The
      // drawing order is not the reading order (a positioned bubble is painted after the flow),
      // so each text is looked for on its own; the order is checked in the DOM above.
      const text = execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', pdf, '-'], {encoding: 'utf8'});
      const squashed = text.replace(/\s+/g, '');
      assert.deepEqual(order.filter((piece) => !squashed.includes(piece.replace(/\s+/g, ''))), []);
      for (const source of seed.sections.flatMap((s) => s.blocks.filter((b) => b.type === 'source'))) {
        assert.ok(squashed.includes(`${source.title}(${source.url})`.replace(/\s+/g, '')), `${source.title} (URL)`);
      }
    } finally {
      await ctx.close();
      rmSync(dir, {recursive: true, force: true});
    }
  });
});
