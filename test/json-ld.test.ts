/**
 * schema.org JSON-LD: the pure `jsonLd()`/`jsonLdScript()` (table-driven, checked against what
 * schema.org's types allow), and `<digest-article json-ld>` keeping one light-DOM script in step.
 */
// First: articles get the opt-in JSON-LD controller only when it is imported before they are registered.
import '../src/define-with-json-ld.js';
import {expect, fixture, html} from '@open-wc/testing';
import {jsonLd, jsonLdScript, type JsonLd} from '../src/format/json-ld.js';
import type {Article} from '../src/format/types.js';
import {validateArticle} from '../src/format/validate.js';
import type {DigestArticle} from '../src/digest-article/digest-article.js';
import {loadJson, quietConsole, settled} from './utils.js';

/**
 * The schema.org expectations, per `@type`: the properties that type (or a parent type) defines,
 * and for each, what its values may be. Anything else in the output is an error.
 */
const TEXT = 'Text';
const URL_ = 'URL';
const DATE = 'Date or DateTime';
const NUM = 'Number';
const SCHEMA: Record<string, Record<string, string | string[]>> = {
  NewsArticle: {
    headline: TEXT,
    description: TEXT,
    inLanguage: TEXT,
    datePublished: DATE,
    dateModified: DATE,
    url: URL_,
    mainEntityOfPage: URL_,
    image: ['ImageObject'],
    author: ['Person', 'Organization'],
    publisher: ['Organization'],
    citation: ['CreativeWork'],
  },
  ImageObject: {url: URL_, width: NUM, height: NUM, creditText: TEXT},
  Person: {name: TEXT, url: URL_, image: URL_},
  Organization: {name: TEXT, url: URL_, logo: ['ImageObject']},
  CreativeWork: {name: TEXT, url: URL_, datePublished: DATE, publisher: ['Organization']},
};
/** Google's Article rich result: the properties it wants on a NewsArticle. */
const RECOMMENDED = ['headline', 'datePublished', 'dateModified', 'author', 'image'];
const ISO = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/** Every way `node` breaks the schema.org expectations, by path. */
function schemaErrors(node: unknown, path = '', expected = ['NewsArticle']): string[] {
  if (!node || typeof node !== 'object' || Array.isArray(node)) return [`${path}: not an object`];
  const o = node as JsonLd;
  const type = o['@type'] as string;
  if (!expected.includes(type)) return [`${path}: @type ${type}, expected ${expected.join('|')}`];
  const errors: string[] = [];
  for (const [key, value] of Object.entries(o)) {
    const at = path ? `${path}.${key}` : key;
    if (key === '@type') continue;
    if (key === '@context') {
      if (path || value !== 'https://schema.org') errors.push(`${at}: ${String(value)}`);
      continue;
    }
    const kind = SCHEMA[type][key];
    if (!kind) errors.push(`${at}: not a property of ${type}`);
    else if (Array.isArray(kind)) {
      const items = Array.isArray(value) ? value : [value];
      if (!items.length) errors.push(`${at}: empty list`);
      items.forEach((v, i) => errors.push(...schemaErrors(v, Array.isArray(value) ? `${at}[${i}]` : at, kind)));
    } else if (kind === NUM) {
      if (typeof value !== 'number') errors.push(`${at}: not a number`);
    } else if (typeof value !== 'string' || !value) errors.push(`${at}: not a non-empty string`);
    else if (kind === DATE && !ISO.test(value)) errors.push(`${at}: not ISO 8601`);
    else if (kind === URL_ && !/^https?:\/\/[^/]/.test(value)) errors.push(`${at}: not an absolute http(s) URL`);
  }
  return errors;
}

const checked = (input: unknown): Article => {
  const {value} = validateArticle(input);
  expect(value, 'fixture validates').to.exist;
  return value!;
};

describe('jsonLd', () => {
  let full: Article;
  before(async () => {
    full = checked(await loadJson('en-article.json'));
  });

  /** [name, article (made from the full one), options, what the JSON-LD must hold] */
  const rows: [string, (a: Article) => unknown, {url?: string}, (ld: JsonLd, a: Article) => void][] = [
    [
      'the full article, with the page URL',
      (a) => a,
      {url: 'https://example.com/digest/heat-pumps'},
      (ld, a) => {
        expect(ld['@context']).to.equal('https://schema.org');
        expect(ld['@type']).to.equal('NewsArticle');
        expect(ld.headline).to.equal(a.title);
        expect(ld.description).to.equal(a.lead);
        expect(ld.inLanguage).to.equal('en');
        expect(ld.datePublished).to.equal('2025-03-14T09:30:00+01:00');
        expect(ld.dateModified).to.equal('2025-03-15T18:05:00+01:00');
        expect(ld.url).to.equal('https://example.com/digest/heat-pumps');
        expect(ld.mainEntityOfPage).to.equal('https://example.com/digest/heat-pumps');
        expect(ld.author).to.deep.equal({
          '@type': 'Person',
          name: 'Maren Okafor',
          url: 'https://example.com/authors/maren-okafor',
          image: 'https://example.com/test/fixtures/avatar.svg',
        });
        expect(ld.publisher).to.deep.equal({
          '@type': 'Organization',
          name: 'Harbor Light Weekly',
          url: 'https://example.com/',
          logo: {'@type': 'ImageObject', url: 'https://example.com/test/fixtures/img.svg'},
        });
        expect(ld.image).to.include({'@type': 'ImageObject', url: 'https://example.com/test/fixtures/img.svg'});
        const sources = a.sections.flatMap((s) => s.blocks.filter((b) => b.type === 'source'));
        const citations = ld.citation as JsonLd[];
        expect(citations.map((c) => c.name)).to.deep.equal(sources.map((s) => s.title));
        expect(citations.map((c) => c.url)).to.deep.equal(sources.map((s) => s.url));
        expect(schemaErrors(ld)).to.deep.equal([]);
        expect(RECOMMENDED.filter((k) => !(k in ld))).to.deep.equal([]);
      },
    ],
    [
      'only a title: no empty properties',
      () => ({title: 'Only a title'}),
      {},
      (ld) => {
        expect(ld).to.deep.equal({'@context': 'https://schema.org', '@type': 'NewsArticle', headline: 'Only a title'});
      },
    ],
    [
      'a citation per source block, with its date and site as publisher',
      () => ({
        title: 'T',
        sections: [
          {heading: 'A', blocks: [{type: 'paragraph', text: 'p'}, {type: 'source', title: 'One', url: 'https://a.example/1', publishedAt: '2025-06-10', siteName: 'A News'}]},
          {heading: 'B', blocks: [{type: 'source', title: 'Two', url: 'https://b.example/2'}, {type: 'comment', text: 'c'}]},
        ],
      }),
      {},
      (ld) => {
        expect(ld.citation).to.deep.equal([
          {'@type': 'CreativeWork', name: 'One', url: 'https://a.example/1', datePublished: '2025-06-10', publisher: {'@type': 'Organization', name: 'A News'}},
          {'@type': 'CreativeWork', name: 'Two', url: 'https://b.example/2'},
        ]);
        expect(schemaErrors(ld)).to.deep.equal([]);
      },
    ],
    [
      'a source without a URL (dropped as unsafe) is still cited, by name',
      () => ({title: 'T', sections: [{heading: 'A', blocks: [{type: 'source', title: 'Bad', url: 'javascript:alert(1)'}]}]}),
      {},
      (ld) => expect(ld.citation).to.deep.equal([{'@type': 'CreativeWork', name: 'Bad'}]),
    ],
    [
      'page-relative URLs are resolved against the page URL',
      () => ({title: 'T', image: {src: '../img/a.png', alt: ''}, author: {name: 'A', url: '/people/a'}, site: {name: 'S', logo: 'logo.svg'}}),
      {url: 'https://example.com/news/2025/story.html'},
      (ld) => {
        expect((ld.image as JsonLd).url).to.equal('https://example.com/news/img/a.png');
        expect((ld.author as JsonLd).url).to.equal('https://example.com/people/a');
        expect(((ld.publisher as JsonLd).logo as JsonLd).url).to.equal('https://example.com/news/2025/logo.svg');
        expect(schemaErrors(ld)).to.deep.equal([]);
      },
    ],
    [
      'without a page URL, relative URLs stay as written',
      () => ({title: 'T', image: {src: '/a.png', alt: ''}}),
      {},
      (ld) => expect((ld.image as JsonLd).url).to.equal('/a.png'),
    ],
    [
      'date-only values stay dates',
      () => ({title: 'T', publishedAt: '2025-06-10', updatedAt: '2025-06-11'}),
      {},
      (ld) => {
        expect([ld.datePublished, ld.dateModified]).to.deep.equal(['2025-06-10', '2025-06-11']);
        expect(schemaErrors(ld)).to.deep.equal([]);
      },
    ],
    [
      'image size and credit go on the ImageObject',
      () => ({title: 'T', image: {src: 'https://e.example/a.jpg', alt: 'x', width: 1200, height: 630, credit: 'Photo: X'}}),
      {},
      (ld) =>
        expect(ld.image).to.deep.equal({'@type': 'ImageObject', url: 'https://e.example/a.jpg', width: 1200, height: 630, creditText: 'Photo: X'}),
    ],
  ];
  for (const [name, make, options, expectations] of rows) {
    it(name, () => {
      const a = checked(make(full));
      const ld = jsonLd(a, options);
      expectations(ld, a);
      expect(JSON.parse(jsonLdScript(a, options))).to.deep.equal(ld);
    });
  }

  it('jsonLdScript: no "<" in the text, so no </script> or <!-- can end the element', () => {
    const a = checked({title: 'a </script><script>alert(1)</script> <!-- b', lead: '<b>'});
    const text = jsonLdScript(a);
    expect(text).not.to.include('<');
    expect(JSON.parse(text).headline).to.equal(a.title);
    const doc = new DOMParser().parseFromString(`<script type="application/ld+json">${text}</script>`, 'text/html');
    expect(doc.scripts.length).to.equal(1);
    expect(JSON.parse(doc.scripts[0].textContent!)).to.deep.equal(jsonLd(a));
  });

  it('the seed: a valid NewsArticle citing both sources', async () => {
    const ld = jsonLd(checked(await loadJson('seed.json')));
    expect(schemaErrors(ld)).to.deep.equal([]);
    expect((ld.citation as JsonLd[]).length).to.equal(2);
  });
});

describe('<digest-article json-ld>', () => {
  /** A `<digest-article>` with `children` (HTML) in it before it is connected, then `props`. */
  const mount = async (children: string, props: Partial<DigestArticle> = {}, attrs = '') => {
    const host = await fixture<HTMLDivElement>(html`<div></div>`);
    host.innerHTML = `<digest-article ${attrs}>${children}</digest-article>`;
    const el = host.firstElementChild as DigestArticle;
    Object.assign(el, props);
    await settled(el);
    return el;
  };
  const ldScripts = (el: Element) => [...el.querySelectorAll(':scope > script[type="application/ld+json"]')] as HTMLScriptElement[];
  let article: Article;
  before(async () => {
    article = await loadJson<Article>('en-article.json');
  });

  it('reaches the article through DigestArticle.addArticleInitializer, not a public field', async () => {
    const Ctor = customElements.get('digest-article') as typeof DigestArticle;
    const hooked = new Map<Element, () => Article | undefined>();
    Ctor.addArticleInitializer((element, shown) => hooked.set(element, shown));
    const el = await fixture<DigestArticle>(html`<digest-article .data=${{title: 'Hooked', sections: []}}></digest-article>`);
    await settled(el);
    const shown = hooked.get(el)!;
    expect(shown()?.title).to.equal('Hooked');
    await quietConsole(async () => {
      el.data = '{"title": ';
      await settled(el);
    });
    expect(shown()).to.equal(undefined);
    expect('input' in el).to.be.false;
  });

  it('adds no JSON-LD without the attribute (opt-in)', async () => {
    const el = await fixture<DigestArticle>(html`<digest-article .data=${article}></digest-article>`);
    await settled(el);
    expect(ldScripts(el)).to.have.length(0);
  });

  it('adds one light-DOM script, kept in step with data, removed with the attribute', async () => {
    const data = JSON.stringify({title: 'From the script', sections: []});
    const el = await mount(`<script type="application/json">${data}</script>`, {}, 'json-ld');
    const [ld] = ldScripts(el);
    expect(ldScripts(el)).to.have.length(1);
    expect(JSON.parse(ld.textContent!).headline).to.equal('From the script');
    expect(el.querySelector('script[type="application/json"]')!.textContent, 'data script untouched').to.equal(data);
    expect(el.shadowRoot!.querySelector('script'), 'nothing in the shadow root').to.equal(null);

    el.data = article;
    await settled(el);
    expect(ldScripts(el)).to.have.length(1);
    expect(ldScripts(el)[0], 'the same element').to.equal(ld);
    const json = JSON.parse(ld.textContent!) as JsonLd;
    expect(json.headline).to.equal(article.title);
    expect(json.mainEntityOfPage).to.equal(document.URL.split('#')[0]);
    expect(schemaErrors(json)).to.deep.equal([]);

    el.data = '{"nope": true}';
    await settled(el);
    expect(ldScripts(el), 'no JSON-LD for data that cannot be shown').to.have.length(0);

    el.data = article;
    await settled(el);
    expect(ldScripts(el)).to.have.length(1);
    el.jsonLd = false;
    await settled(el);
    expect(ldScripts(el)).to.have.length(0);
    expect(el.querySelector('script[type="application/json"]')!.textContent).to.equal(data);
  });

  it('takes over a JSON-LD script already there (server-rendered) instead of adding one', async () => {
    const text = jsonLdScript(checked(article), {url: document.URL.split('#')[0]});
    const el = await mount(`<script type="application/ld+json">${text}</script>`, {}, 'json-ld');
    const before = ldScripts(el)[0];
    const node = before.firstChild;
    el.data = article;
    await settled(el);
    expect(ldScripts(el)).to.deep.equal([before]);
    expect(before.firstChild, 'same text, not rewritten').to.equal(node);
  });

  it('leaves a JSON-LD script it does not own alone when the attribute is absent', async () => {
    const el = await mount('<script type="application/ld+json">{"@type":"Thing"}</script>', {data: article});
    expect(ldScripts(el).map((s) => s.textContent)).to.deep.equal(['{"@type":"Thing"}']);
  });
});
