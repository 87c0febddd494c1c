/**
 * The trust boundary: what the elements accept and what they write.
 *
 * - Validated values are frozen all the way down, so the "already checked" mark can never
 *   outlive a change; and every `href`/`src` the elements write is checked again at render time.
 *   Whatever path a value took (validated then edited then set; a rendered card's `data` edited,
 *   then re-rendered; the nested elements of an article), only http(s) URLs reach the DOM.
 * - Whatever a getter of the data throws (a Symbol, an object without a prototype, undefined…)
 *   gives the error state and a `digest-error`, never an uncaught error.
 * - Noise and echo: one console line per element per input, summarising; each problem still an
 *   event (warnings: the first 100); input quoted in a message is cut to 40 characters + "…".
 * - A `data` attribute holding "[object Object]" (an object given to setAttribute) gets a hint
 *   naming the `data` property.
 */
import {expect} from '@open-wc/testing';
import {html, nothing, render} from 'lit';
import {ifDefined} from 'lit/directives/if-defined.js';
import {validateArticle, validateComment, validateSource, validateTakeaways} from '../src/format/validate.js';
import {flat, httpUrl} from '../src/shared/templates.js';
import {capture, deepAll, expectErrorState, loadJson, noUncaught, observing, quietConsole, settled} from './utils.js';

type Digest = HTMLElement & {data?: unknown; updateComplete: Promise<boolean>};
const BAD = 'javascript:alert(document.domain)';
const IMG = new URL('./fixtures/img.svg', import.meta.url).href;

/** An article with a value in every URL field the format has. */
const ARTICLE = {
  title: 'T',
  site: {name: 'S', url: 'https://example.com/', logo: IMG},
  author: {name: 'A', url: 'https://example.com/a', avatar: IMG},
  image: {src: IMG, alt: 'i'},
  sections: [
    {
      heading: 'H',
      blocks: [
        {type: 'source', title: 'Src', url: 'https://example.com/s', image: {src: IMG, alt: 'x'}},
        {type: 'comment', text: 'C', avatar: IMG},
      ],
    },
  ],
  next: {url: 'https://example.com/next'},
};

/** Every href and src in the element and the elements inside it. */
const urls = (el: Element) =>
  deepAll(el, '[href], [src]').flatMap((e) => ['href', 'src'].map((a) => e.getAttribute(a)).filter((v) => v != null)) as string[];

function expectOnlyHttp(el: Element, least = 1) {
  const found = urls(el);
  expect(found.length, 'URLs rendered').to.be.at.least(least);
  for (const u of found) expect(new URL(u, location.href).protocol, u).to.match(/^https?:$/);
}

/** Every object and array reachable from `v`. */
function parts(v: unknown, out: object[] = []): object[] {
  if (v && typeof v === 'object') {
    out.push(v);
    Object.values(v).forEach((x) => parts(x, out));
  }
  return out;
}

async function mount(tag: string, data: unknown): Promise<Digest> {
  const el = document.createElement(tag) as Digest;
  el.data = data;
  document.body.append(el);
  await settled(el);
  return el;
}

describe('validated values are frozen; every href/src is http(s) whatever path the data took', () => {
  afterEach(() => document.querySelectorAll('digest-article, source-card, reader-comment').forEach((e) => e.remove()));

  const validated: [string, () => unknown][] = [
    ['validateArticle', () => validateArticle(ARTICLE).value],
    ['validateSource', () => validateSource(ARTICLE.sections[0].blocks[0]).value],
    ['validateComment', () => validateComment({text: 'c', avatar: IMG}).value],
    ['validateTakeaways', () => validateTakeaways({items: ['a', {text: 'b'}]}).value],
  ];
  for (const [name, value] of validated) {
    it(`${name}: every object and array of its value is frozen`, () => {
      const all = parts(value());
      expect(all.length).to.be.at.least(1);
      for (const o of all) expect(Object.isFrozen(o), JSON.stringify(o)).to.be.true;
    });
  }

  it('validate, edit (refused), set: no javascript: URL reaches an href or src', async () => {
    const v = validateArticle(ARTICLE).value!;
    const source = v.sections[0].blocks[0] as {url: string; image: {src: string}};
    expect(() => ((v.next as {url: string}).url = BAD), 'strict-mode write').to.throw(TypeError);
    for (const [o, k] of [[v.site, 'url'], [v.site, 'logo'], [v.author, 'url'], [v.author, 'avatar'], [v.image, 'src'],
      [source, 'url'], [source.image, 'src'], [v.sections[0].blocks[1], 'avatar']] as [object, string][]) {
      expect(Reflect.set(o, k, BAD), k).to.be.false;
    }
    const el = await mount('digest-article', v);
    expectOnlyHttp(el, 9);
    expect(el.shadowRoot!.querySelector('[part=next-link]')!.getAttribute('href')).to.equal('https://example.com/next');
  });

  it('a rewritten copy is checked again: the javascript: URL is dropped with a warning', async () => {
    const v = validateArticle(ARTICLE).value!;
    const log = capture(document, 'digest-warning');
    const logged = await quietConsole(async () => {
      const el = await mount('digest-article', {...v, next: {...v.next, url: BAD}});
      expectOnlyHttp(el, 8);
      expect(el.shadowRoot!.querySelector('[part=next-link]')).to.equal(null);
    });
    log.stop();
    expect(log.of('digest-warning').map((e) => e.detail.path)).to.deep.equal(['next.url']);
    expect(logged.warn.length).to.equal(1);
  });

  it("a rendered card's data edited, then re-rendered: its links stay http(s)", async () => {
    const card = await mount('source-card', validateSource({title: 'S', url: 'https://example.com/s', image: {src: IMG, alt: ''}}).value);
    const data = card.data as {url: string; image: {src: string}};
    expect(Reflect.set(data, 'url', BAD)).to.be.false;
    expect(Reflect.set(data.image, 'src', BAD)).to.be.false;
    (card as unknown as {requestUpdate(): void}).requestUpdate();
    await settled(card);
    expectOnlyHttp(card, 3);
  });

  it('the nested elements of an article: their data edited, everything re-rendered: only http(s)', async () => {
    const el = await mount('digest-article', ARTICLE);
    const card = el.shadowRoot!.querySelector('source-card') as Digest & {requestUpdate(): void};
    const comment = el.shadowRoot!.querySelector('reader-comment') as Digest & {requestUpdate(): void};
    expect(Reflect.set(card.data as object, 'url', BAD)).to.be.false;
    expect(Reflect.set(comment.data as object, 'avatar', BAD)).to.be.false;
    card.requestUpdate();
    comment.requestUpdate();
    (el as unknown as {requestUpdate(): void}).requestUpdate();
    await settled(el);
    expectOnlyHttp(el, 9);
  });

  it('the sink check (httpUrl): every refused URL of the corpus gives no attribute, every good one itself', async () => {
    const corpus = await loadJson<{bad: string[]; good: string[]}>('url-corpus.json');
    for (const u of corpus.bad) expect(httpUrl(u), JSON.stringify(u)).to.equal(undefined);
    for (const u of corpus.good) expect(httpUrl(u), u).to.equal(u.trim());
    expect(httpUrl(undefined)).to.equal(undefined);
  });

  it('a refused URL in a flattened template (flat): the attribute is left out, the markup stays whole', async () => {
    const div = document.createElement('div');
    for (const bad of ['javascript:alert(1)', undefined]) {
      render(
        flat(html`<p part="x">${nothing}<a href=${ifDefined(httpUrl(bad))} rel="noopener noreferrer">${[html`<b>t</b>`, nothing]}</a><img src=${ifDefined(httpUrl('https://example.com/a.png'))} alt="" /><img src=${ifDefined(httpUrl(bad))} alt="" /></p>`),
        div,
      );
      const a = div.querySelector('a')!;
      expect(a.hasAttribute('href'), String(bad)).to.be.false;
      expect(a.getAttribute('rel')).to.equal('noopener noreferrer');
      expect(a.innerHTML.replace(/<!--.*?-->/g, '')).to.equal('<b>t</b>');
      const [good, refused] = div.querySelectorAll('img');
      expect(good.getAttribute('src')).to.equal('https://example.com/a.png');
      expect([...refused.attributes].map((x) => x.name)).to.deep.equal(['alt']);
    }
  });
});

// ---------------------------------------------------------------------------------------------
/** Data whose getter for `field` throws `thrown`. */
const throwing = (field: string, thrown: () => unknown) =>
  Object.defineProperty({}, field, {
    enumerable: true,
    get() {
      throw thrown();
    },
  });

const hostile = new Proxy(
  {},
  {
    get() {
      throw new Error('trap');
    },
    getPrototypeOf() {
      throw new Error('trap');
    },
  },
);
const THROWN: [string, () => unknown][] = [
  ['a Symbol', () => Symbol('boom')],
  ['an object without a prototype', () => Object.create(null)],
  ['undefined', () => undefined],
  ['null', () => null],
  ['a number', () => 42],
  ['a very long string', () => 'x'.repeat(100_000)],
  ['an object whose message is a Symbol', () => ({message: Symbol('m')})],
  ['an object whose message getter throws', () => ({get message() { throw Symbol('m'); }})],
  ['a Proxy whose every trap throws', () => hostile],
];
const REQUIRED: [string, string][] = [
  ['digest-article', 'title'],
  ['source-card', 'title'],
  ['takeaway-list', 'items'],
  ['reader-comment', 'text'],
];

describe('non-Error throws from the data: the error state, never an uncaught error', () => {
  afterEach(() => document.querySelectorAll('digest-article, source-card, takeaway-list, reader-comment').forEach((e) => e.remove()));
  for (const [tag, field] of REQUIRED) {
    for (const [name, thrown] of THROWN) {
      it(`<${tag}>: a getter of "${field}" throws ${name}`, async () => {
        const {el, log, logged} = await observing(() => mount(tag, throwing(field, thrown)));
        await expectErrorState(el, {log, logged}, {path: '', message: 'unreadable data', content: `[part]:not([part=error])`});
        expect(log.of('digest-error')[0].detail.message.length).to.be.below(120);
      });
    }
  }

  it('a revoked Proxy as data: the error state', async () => {
    const {proxy, revoke} = Proxy.revocable({}, {});
    revoke();
    const {el, log, logged} = await observing(() => mount('source-card', proxy));
    await expectErrorState(el, {log, logged}, {path: '', message: 'unreadable data', content: '[part=card]'});
  });
});

// ---------------------------------------------------------------------------------------------
describe('noise and echo: one console line per element, input quoted short', () => {
  afterEach(() => document.querySelectorAll('digest-article, source-card').forEach((e) => e.remove()));
  const LONG = 'v'.repeat(5 * 1024 * 1024);

  it('5,000 bad URLs: ONE console line that counts them; the first 100 as events', async () => {
    const blocks = Array.from({length: 5000}, (_, i) => ({type: 'source', title: `S${i}`, url: BAD}));
    const {el, log, logged} = await observing(() => mount('digest-article', {title: 'T', sections: [{heading: 'H', blocks}]}));
    expect(logged.error).to.deep.equal([]);
    expect(logged.warn.length).to.equal(1);
    const [line] = logged.warn;
    expect(line).to.match(/^<digest-article> 5000 problems: sections\[0\]\.blocks\[0\]\.url: is not an http\(s\) URL; /);
    expect(line).to.include('sections[0].blocks[2].url').and.include('(+4997 more)');
    expect(line).not.to.include('sections[0].blocks[3].url');
    const warnings = log.of('digest-warning');
    expect(warnings.length).to.equal(100);
    expect(warnings.map((e) => e.detail.path)).to.deep.equal(blocks.slice(0, 100).map((_, i) => `sections[0].blocks[${i}].url`));
    expect(el.shadowRoot!.querySelectorAll('source-card').length).to.equal(5000);
  });

  it('every element logs one line for its own input: nested cards with bad data add none', async () => {
    const {logged} = await observing(() =>
      mount('digest-article', {title: 'T', sections: [{heading: 'H', blocks: [{type: 'source', title: 'S', url: BAD}, {type: 'nope'}]}]}),
    );
    expect(logged.warn.length).to.equal(1);
    expect(logged.warn[0]).to.include('2 problems');
  });

  const echoes: [string, unknown, string, 'error' | 'warning'][] = [
    ['a 5 MB unknown block type', {title: 'T', sections: [{heading: 'H', blocks: [{type: LONG}]}]}, 'sections[0].blocks[0].type', 'warning'],
    ['a 5 MB version', {version: LONG, title: 'T'}, 'version', 'error'],
    ['5 MB of invalid JSON', `{"title": ${LONG}}`, '', 'error'],
    ['an error page of 5 MB', `<!doctype html>${LONG}`, '', 'error'],
  ];
  for (const [name, data, path, severity] of echoes) {
    it(`${name}: the message quotes at most 40 characters of it`, async () => {
      const {log, logged} = await observing(() => mount('digest-article', data));
      const [e] = log.of(severity === 'error' ? 'digest-error' : 'digest-warning');
      expect(e.detail.path ?? '').to.equal(path);
      expect(e.detail.message.length, e.detail.message).to.be.below(120);
      expect(e.detail.message).not.to.include('v'.repeat(41));
      const lines = [...logged.error, ...logged.warn];
      expect(lines.length).to.equal(1);
      expect(lines[0].length).to.be.below(200);
    });
  }

  it('an unknown block type is named in the message, cut with "…"', async () => {
    const {log} = await observing(() =>
      mount('digest-article', {title: 'T', sections: [{heading: 'H', blocks: [{type: 'y'.repeat(50)}, {type: 'video'}]}]}),
    );
    expect(log.of('digest-warning').map((e) => e.detail.message)).to.deep.equal([
      `unknown block type "${'y'.repeat(40)}…": skipped`,
      'unknown block type "video": skipped',
    ]);
  });
});

// ---------------------------------------------------------------------------------------------
describe('a data attribute holding "[object Object]"', () => {
  for (const tag of ['digest-article', 'source-card', 'takeaway-list', 'reader-comment']) {
    it(`<${tag}>: the console line and the event say to use the data property`, async () => {
      const {el, log, logged} = await observing(async () => {
        const e = document.createElement(tag) as Digest;
        e.setAttribute('data', {title: 'T'} as unknown as string);
        document.body.append(e);
        await settled(e);
        return e;
      });
      await expectErrorState(el, {log, logged}, {path: '', message: 'invalid JSON', content: `[part]:not([part=error])`});
      expect(logged.error[0]).to.include('pass objects through the `data` property, not setAttribute');
      expect(log.of('digest-error')[0].detail.message).to.include('`data` property');
      el.remove();
    });
  }

  it('other invalid JSON gets no such hint', async () => {
    const logged = await quietConsole(() =>
      noUncaught(async () => {
        const el = await mount('source-card', '{"title": ');
        el.remove();
      }),
    );
    expect(logged.error.length).to.equal(1);
    expect(logged.error[0]).not.to.include('setAttribute');
  });
});
