/**
 * Hostile data, part 2: malformed JSON of every kind (truncated, single quotes, BOMs,
 * HTML-escaped by a CMS, 10,000-deep nesting, 5 MB strings, `__proto__` keys, wrong types) and
 * odd `data` values end in the error state with one `digest-error`, within a time bound: never a
 * hang, a crash or prototype pollution. A 5 MB string in every text field renders.
 * XSS payloads and URLs: test/hostile.test.ts.
 */
import {expect} from '@open-wc/testing';
import {capture, noUncaught, quietConsole, settled, answer, type Any, articleOf, commentOf, type Digest, make, mount, renderedText, serve, served, SHOWN, sourceOf, state, takeawaysOf, tripwire, until} from './utils.js';

// ---------------------------------------------------------------------------------------------
// Malformed JSON.

type Outcome = 'error' | 'shown' | 'either';
interface Case {
  name: string;
  text: () => string;
  expect: Outcome;
  /** Through `src`, when different (Response.text() drops a leading BOM in Chromium and Firefox, not WebKit). */
  viaSrc?: Outcome;
  /** Only `<digest-article>` (the case is about article fields). */
  articleOnly?: boolean;
}

/** Valid for every element: article (title), source (title), comment (text), takeaways (items). */
const ALL = '"title":"T","text":"T","items":["T"]';
const MB5 = 5 * 1024 * 1024;
const MB1 = 1024 * 1024;
const deepArrays = (n: number) => '['.repeat(n) + ']'.repeat(n);
const deepObjects = (n: number, inner = '1') => '{"a":'.repeat(n) + inner + '}'.repeat(n);

const malformed: Case[] = [
  {name: 'empty text', text: () => '', expect: 'error'},
  {name: 'whitespace only', text: () => ' \n\t ', expect: 'error'},
  {name: 'truncated: {', text: () => '{', expect: 'error'},
  {name: 'truncated inside a key', text: () => '{"ti', expect: 'error'},
  {name: 'truncated after a value', text: () => `{${ALL}`, expect: 'error'},
  {name: 'truncated inside an array', text: () => `{${ALL},"sections":[{"heading":"H","blocks":[`, expect: 'error'},
  {name: 'truncated literal', text: () => 'nul', expect: 'error'},
  {name: 'single quotes', text: () => `{${ALL.replace(/"/g, "'")}}`, expect: 'error'},
  {name: 'unquoted keys', text: () => '{title:"T",text:"T",items:["T"]}', expect: 'error'},
  {name: 'trailing comma', text: () => `{${ALL},}`, expect: 'error'},
  {name: 'a /* comment */', text: () => `{${ALL} /* c */}`, expect: 'error'},
  {name: 'a // comment line first', text: () => `// c\n{${ALL}}`, expect: 'error'},
  {name: 'NaN', text: () => `{${ALL},"x":NaN}`, expect: 'error'},
  {name: 'two documents', text: () => `{${ALL}}{${ALL}}`, expect: 'error'},
  {name: 'trailing garbage', text: () => `{${ALL}} trailing`, expect: 'error'},
  {name: 'an anti-XSSI prefix', text: () => `)]}'\n{${ALL}}`, expect: 'error'},
  {name: 'JSONP', text: () => `callback({${ALL}})`, expect: 'error'},
  {name: 'an HTML error page', text: () => '<!doctype html><html><body><h1>502 Bad Gateway</h1></body></html>', expect: 'error'},
  {name: 'HTML-escaped by a CMS (&quot;)', text: () => `{${ALL.replace(/"/g, '&quot;')}}`, expect: 'error'},
  {name: 'HTML-escaped twice (&amp;quot;)', text: () => `{${ALL.replace(/"/g, '&amp;quot;')}}`, expect: 'error'},
  {name: 'HTML-escaped (&#34;)', text: () => `{${ALL.replace(/"/g, '&#34;')}}`, expect: 'error'},
  {name: 'wrapped in an escaped <p> by a CMS', text: () => `&lt;p&gt;{${ALL}}&lt;/p&gt;`, expect: 'error'},
  {name: 'smart quotes from a word processor', text: () => `{${ALL.replace(/"/g, (_m, i: number) => (i % 2 ? '”' : '“'))}}`, expect: 'error'},
  {name: 'a raw control character in a string', text: () => `{${ALL},"lead":"a\u0001b"}`, expect: 'error'},
  {name: 'a raw line break in a string', text: () => `{${ALL},"lead":"a\nb"}`, expect: 'error'},
  {name: 'an invalid escape', text: () => `{${ALL},"lead":"\\x41"}`, expect: 'error'},
  {name: 'a UTF-8 BOM read as Latin-1 (ï»¿)', text: () => `ï»¿{${ALL}}`, expect: 'error'},
  {name: 'a UTF-16 BOM read as Latin-1 (þÿ)', text: () => `\u00fe\u00ff{${ALL}}`, expect: 'error'},
  {name: 'two BOMs', text: () => `\ufeff\ufeff{${ALL}}`, expect: 'error', viaSrc: 'either'},
  {name: 'a BOM in the middle', text: () => `{${ALL},\ufeff"lead":"x"}`, expect: 'error'},
  {name: 'null', text: () => 'null', expect: 'error'},
  {name: 'true', text: () => 'true', expect: 'error'},
  {name: 'a number', text: () => '42', expect: 'error'},
  {name: 'a JSON string', text: () => '"just text"', expect: 'error'},
  {name: 'an array', text: () => `[{${ALL}}]`, expect: 'error'},
  {name: 'an empty object', text: () => '{}', expect: 'error'},
  {name: 'required fields null', text: () => '{"title":null,"text":null,"items":null}', expect: 'error'},
  {name: 'required fields objects', text: () => '{"title":{},"text":{},"items":{}}', expect: 'error'},
  {name: 'required fields arrays of nothing', text: () => '{"title":[],"text":[],"items":"T"}', expect: 'error'},
  {name: 'required fields empty', text: () => '{"title":" ","text":"","items":[]}', expect: 'error', articleOnly: true},
  {name: 'version 2', text: () => `{${ALL},"version":2}`, expect: 'error', articleOnly: true},
  {name: 'version "1" (a string)', text: () => `{${ALL},"version":"1"}`, expect: 'error', articleOnly: true},
  {name: '10,000-deep arrays', text: () => deepArrays(10_000), expect: 'error'},
  {name: '10,000-deep objects', text: () => deepObjects(10_000), expect: 'error'},
  {name: '10,000-deep object as the required fields', text: () => `{"title":${deepObjects(10_000)},"text":${deepObjects(10_000)},"items":${deepObjects(10_000)}}`, expect: 'error'},
  {name: '10,000-deep nesting in an unknown field (refused)', text: () => `{${ALL},"extra":${deepArrays(10_000)}}`, expect: 'error'},
  {name: '10,000-deep nesting in sections', text: () => `{${ALL},"sections":${deepArrays(10_000)}}`, expect: 'error', articleOnly: true},
  {name: '1,000-deep nesting in an unknown field (the limit, parsed)', text: () => `{${ALL},"extra":${deepArrays(999)}}`, expect: 'shown'},
  {name: 'a 5 MB unterminated string', text: () => `{"title":"${'x'.repeat(MB5)}`, expect: 'error'},
  {name: '5 MB of whitespace, then garbage', text: () => `${' '.repeat(MB5)}}`, expect: 'error'},
  // JSON.parse needs seconds for megabytes of '[': nesting deeper than 1,000 is refused first.
  {name: '100,000 unclosed brackets', text: () => '['.repeat(100_000), expect: 'error'},
  {name: '5 MB of unclosed brackets', text: () => '['.repeat(MB5), expect: 'error'},
  {name: '5 MB of nested, closed arrays', text: () => deepArrays(MB5 / 2), expect: 'error'},
  {name: 'fields only under __proto__', text: () => `{"__proto__":{${ALL}}}`, expect: 'error'},
  {name: 'fields only under constructor.prototype', text: () => `{"constructor":{"prototype":{${ALL}}}}`, expect: 'error'},
  {name: '__proto__ beside good fields', text: () => `{${ALL},"__proto__":{"polluted":1,"title":"P"}}`, expect: 'shown'},
  {name: 'constructor.prototype beside good fields', text: () => `{${ALL},"constructor":{"prototype":{"polluted":1}}}`, expect: 'shown'},
  {name: '__proto__ in nested objects', text: () => `{${ALL},"site":{"__proto__":{"name":"P","polluted":1}},"sections":[{"__proto__":{"heading":"P"},"heading":"H","blocks":[{"__proto__":{"type":"paragraph","text":"P"}}]}],"takeaways":{"__proto__":{"items":["P"]}}}`, expect: 'shown', articleOnly: true},
  {name: 'a leading BOM (accepted on purpose)', text: () => `\ufeff{${ALL}}`, expect: 'shown'},
  {name: 'duplicate keys (the last counts)', text: () => `{"title":1,"text":1,"items":1,${ALL}}`, expect: 'shown'},
  {name: 'wrong types in optional fields', text: () => `{${ALL},"lead":{},"intro":"x","sections":"x","site":[],"takeaways":7,"points":{},"side":3,"avatar":[],"icon":{},"heading":[]}`, expect: 'shown'},
  {name: 'lone surrogates and NUL', text: () => `{"title":"\\ud800\\u0000","text":"\\udfff","items":["\\ud800"]}`, expect: 'shown'},
];

/** Objects and odd values given as the `data` property (not JSON text). */
function cyclic(): unknown {
  const o: Any = {title: 'T', text: 'T', items: ['T']};
  o.self = o;
  return o;
}
function deepObject(n: number): unknown {
  let o: Any = {};
  for (let i = 0; i < n; i++) o = {a: o};
  return o;
}
const properties: [string, () => unknown, Outcome][] = [
  ['a 10,000-deep object as the required fields', () => ({title: deepObject(10_000), text: deepObject(10_000), items: deepObject(10_000)}), 'error'],
  ['a cyclic object with good fields', cyclic, 'shown'],
  ['an object whose required field throws', () => ({get title(): string { throw new Error('boom'); }, get text(): string { throw new Error('boom'); }, get items(): string { throw new Error('boom'); }}), 'error'],
  ['a Proxy that throws on every trap', () => new Proxy({}, {get() { throw new Error('trap'); }, has() { throw new Error('trap'); }, ownKeys() { throw new Error('trap'); }, getPrototypeOf() { throw new Error('trap'); }}), 'error'],
  ['a revoked Proxy', () => { const {proxy, revoke} = Proxy.revocable({}, {}); revoke(); return proxy; }, 'error'],
  ['a parsed {"__proto__": {fields}}', () => JSON.parse(`{"__proto__":{${ALL}}}`), 'error'],
  ['a null-prototype object with good fields', () => Object.assign(Object.create(null), {title: 'T', text: 'T', items: ['T']}), 'shown'],
  ['a frozen object with good fields', () => Object.freeze({title: 'T', text: 'T', items: Object.freeze(['T'])}), 'shown'],
  ['a Date', () => new Date(0), 'error'],
  ['a function', () => () => ({title: 'T'}), 'error'],
  ['a symbol', () => Symbol('x'), 'error'],
  ['a bigint', () => 10n, 'error'],
  ['a Map with good entries', () => new Map(Object.entries({title: 'T', text: 'T', items: ['T']})), 'error'],
];

/** Elements and how each gets the input; `article-src` fetches it (fetch answered in-page). */
const PATHS = ['digest-article', 'article-src', 'source-card', 'takeaway-list', 'reader-comment'] as const;
const BOUND = 5000; // ms: the error state must come well within this (a hang check, not a benchmark)

/** Own property names of the built-in prototypes, to prove nothing was added. */
const protoShape = () =>
  [Object.prototype, Array.prototype, Function.prototype, String.prototype].map((p) => Reflect.ownKeys(p).map(String).sort().join()).join('|');

async function feed(path: (typeof PATHS)[number], input: unknown, asProperty = false) {
  const tag = path === 'article-src' ? 'digest-article' : path;
  const el = document.createElement(tag) as Digest;
  if (path === 'article-src') el.src = serve(input as string);
  else if (asProperty) el.data = input;
  else el.setAttribute('data', input as string);
  const url = el.src;
  const log = capture(el, 'digest-error', 'digest-load');
  const trip = tripwire(answer);
  let elapsed = 0;
  let logged!: {error: string[]; warn: string[]};
  try {
    logged = await quietConsole(() =>
      noUncaught(async () => {
        const t0 = performance.now();
        document.body.append(el);
        await until(() => state(el) === 'error' || state(el) === 'shown', 'the error state or the content', BOUND * 2);
        elapsed = performance.now() - t0;
        await settled(el);
      }),
    );
  } finally {
    trip.restore();
    log.stop();
    el.remove();
    if (url) served.delete(url);
  }
  return {el, log, trip, elapsed, logged, state: state(el)};
}

function expectOutcome(r: Awaited<ReturnType<typeof feed>>, want: Outcome) {
  expect(r.trip.calls, 'calls that must never happen').to.deep.equal([]);
  expect(r.elapsed, 'ms until the error or the content showed').to.be.below(BOUND);
  if (want === 'either') expect(r.state).to.be.oneOf(['error', 'shown']);
  else expect(r.state).to.equal(want);
  if (r.state === 'error') {
    expect(r.log.of('digest-error').length, 'digest-error events').to.equal(1);
    expect(r.logged.error.length, 'console errors').to.equal(1);
  } else {
    expect(r.log.of('digest-error').length, 'digest-error events').to.equal(0);
  }
  expect(({} as Any).polluted, '({}).polluted').to.equal(undefined);
  expect(([] as unknown as Any).polluted, '[].polluted').to.equal(undefined);
}

describe('hostile data: malformed JSON', () => {
  let shape: string;
  before(() => (shape = protoShape()));
  afterEach(() => expect(protoShape(), 'built-in prototypes unchanged').to.equal(shape));

  for (const c of malformed) {
    for (const path of PATHS) {
      if (c.articleOnly && !path.includes('article')) continue;
      const want = path === 'article-src' ? (c.viaSrc ?? c.expect) : c.expect;
      it(`${c.name} → ${want} (${path})`, async function () {
        this.timeout(60_000);
        expectOutcome(await feed(path, c.text()), want);
      });
    }
  }

  for (const [name, value, want] of properties) {
    it(`data property: ${name} → ${want}`, async () => {
      for (const path of PATHS.filter((p) => p !== 'article-src')) {
        const r = await feed(path, value(), true);
        expect(r.state, path).to.equal(want);
        expectOutcome(r, want);
      }
    });
  }

  it('error state is accessible and names what is wrong', async () => {
    const r = await quietConsole(async () => {
      const el = document.createElement('digest-article');
      el.setAttribute('data', `{"__proto__":{"title":"P"}}`);
      document.body.append(el);
      await settled(el);
      try {
        expect(state(el)).to.equal('error');
        // The reader sees a sentence; the console line names what is wrong.
        expect(el.shadowRoot!.querySelector('[part=error]')!.textContent).to.not.include('title');
        await expect(el).to.be.accessible();
      } finally {
        el.remove();
      }
    });
    expect(r.error.length).to.equal(1);
    expect(r.error[0]).to.include('title: is required');
  });
});

describe('hostile data: 5 MB strings', () => {
  const big = (c: string) => c.repeat(Math.ceil(MB5 / c.length)).slice(0, MB5);
  const totalText = (el: Element) => renderedText(el).reduce((n, t) => n + t.length, 0);

  /**
   * Validating and rendering is the elements' work: a 5 MB string in every text field of every
   * element (about 150 MB of text in all) goes through it and the page comes back. The container
   * is `display: none`, so the browser does not lay the text out (that is the next test). A hang
   * fails on the test's timeout; the time is logged, not asserted (it is the machine's: Firefox
   * took 20–32 s here while other work shared the 2 cores).
   */
  it('in every text field of every element: validated and rendered without hanging', async function () {
    this.timeout(120_000);
    const words = big('レアアース rare earths\n');
    const els = [
      make('digest-article', {}, articleOf(words)),
      make('digest-article', {data: JSON.stringify({title: words, lead: words})}),
      make('source-card', {}, sourceOf(words)),
      make('takeaway-list', {}, takeawaysOf(words)),
      make('reader-comment', {}, {...commentOf(words), avatar: '🧑‍💼'}),
    ];
    const box = document.createElement('div');
    box.hidden = true;
    box.append(...els);
    let elapsed = 0;
    await quietConsole(() =>
      noUncaught(async () => {
        const t0 = performance.now();
        document.body.append(box);
        await settled(box);
        elapsed = performance.now() - t0;
      }),
    );
    console.log(`hostile-json: 5 MB in every text field validated and rendered in ${Math.round(elapsed)} ms`);
    try {
      expect(els.map(state)).to.deep.equal(['shown', 'shown', 'shown', 'shown', 'shown']);
      expect(totalText(els[0])).to.be.at.least(SHOWN.article * MB5);
      expect(totalText(els[1])).to.be.at.least(2 * MB5);
    } finally {
      box.remove();
    }
  });

  it('a 5 MB lang, date, id and URL: dropped or kept, never a hang', async function () {
    this.timeout(60_000);
    const el = make('digest-article', {}, {
      title: 'T',
      lang: 'en-' + 'a'.repeat(MB5),
      publishedAt: '2'.repeat(MB5),
      next: {url: 'https://example.com/' + 'a'.repeat(MB5), label: 'L'},
      sections: [{id: 'i'.repeat(MB5), heading: 'H', blocks: []}],
    });
    const t0 = performance.now();
    await quietConsole(() => noUncaught(async () => void (await mount([el]))));
    try {
      expect(performance.now() - t0).to.be.below(20_000);
      expect(state(el)).to.equal('shown');
    } finally {
      el.parentElement!.remove();
    }
  });

  /**
   * Laying out the text is the browser's work, and it grows faster than the text: a 5 MB title
   * takes WebKit over a minute (a plain <h2> of it a few seconds). This proves the page comes back
   * from a 1 MB title; the bound is generous on purpose.
   */
  it('a 1 MB title is laid out, and the page comes back', async function () {
    this.timeout(90_000);
    const el = make('digest-article', {}, {title: big('x').slice(0, MB1)});
    const t0 = performance.now();
    await quietConsole(() => noUncaught(async () => void (await mount([el], 60_000))));
    try {
      el.shadowRoot!.querySelector('[part=title]')!.getBoundingClientRect(); // force layout
      expect(performance.now() - t0).to.be.below(60_000);
      expect(totalText(el)).to.be.at.least(MB1);
    } finally {
      el.parentElement!.remove();
    }
  });
});
