import {expect, fixture, html, oneEvent} from '@open-wc/testing';
import type {DigestArticle} from '../src/digest-article/digest-article.js';
import type {Article} from '../src/format/types.js';
import {capture, deepAll, deepText, fixtureUrl, loadJson, noUncaught, quietConsole, settled} from './utils.js';

const shadow = (el: Element) => el.shadowRoot!;

async function render(data: unknown, attrs = '') {
  const el = await fixture<DigestArticle>(html`<digest-article .data=${data}></digest-article>`);
  if (attrs) el.setAttribute('heading-level', attrs);
  await settled(el);
  return el;
}

describe('<digest-article> with the seed article', () => {
  let seed: Article;
  let order: string[];
  before(async () => {
    seed = await loadJson<Article>('seed.json');
    order = await loadJson<string[]>('seed-order.json');
  });

  it('renders every seed text in reading order', async () => {
    const el = await render(seed);
    const text = deepText(el).join('\n');
    let at = 0;
    for (const piece of order) {
      const found = text.indexOf(piece, at);
      expect(found, `"${piece.slice(0, 30)}…" after position ${at}`).to.be.greaterThan(-1);
      at = found + piece.length;
    }
    expect(text).to.include('Chrysanthemum Digest');
    expect(text.indexOf('Chrysanthemum Digest')).to.be.lessThan(text.indexOf(order[0]));
  });

  it('uses real headings under heading-level (2 by default)', async () => {
    const el = await render(seed);
    const root = shadow(el);
    expect(root.querySelector('h2[part=title]')!.textContent).to.equal(seed.title);
    const sections = [...root.querySelectorAll('h3[part=section-heading]')].map((h) => h.textContent);
    expect(sections).to.deep.equal(seed.sections.map((s) => s.heading));
    const takeaways = root.querySelector('takeaway-list')!;
    expect(shadow(takeaways).querySelector('h3')!.textContent).to.include('この記事で分かる事!');
    const cards = root.querySelectorAll('source-card');
    expect(cards.length).to.equal(2);
    cards.forEach((c) => expect(shadow(c).querySelector('h4 a')).to.exist);
    el.headingLevel = 4;
    await settled(el);
    expect(root.querySelector('h4[part=title]')).to.exist;
    expect(root.querySelectorAll('h5[part=section-heading]').length).to.equal(2);
    expect(shadow(cards[0]).querySelector('h6')).to.exist;
  });

  it('shows lists, times and safe links', async () => {
    const el = await render(seed);
    const lis = deepAll(el, 'li');
    expect(lis.length).to.equal(3 + 3 + 3);
    const times = deepAll<HTMLTimeElement>(el, 'time');
    expect(times.map((t) => t.dateTime)).to.deep.equal(['2025-06-10', '2025-07-05']);
    expect(times[0].textContent).to.equal('2025/06/10');
    for (const a of deepAll<HTMLAnchorElement>(el, 'a[href]')) {
      expect(a.protocol).to.match(/^https?:$/);
      expect(a.rel).to.equal('noopener noreferrer');
    }
    const next = shadow(el).querySelector<HTMLAnchorElement>('a[part=next-link]')!;
    expect(next.href).to.equal(seed.next!.url);
    expect(next.textContent).to.include('次のページを読む');
  });

  it('puts the article lang on its content', async () => {
    const el = await render(seed);
    expect(shadow(el).querySelector('article')!.lang).to.equal('ja');
  });

  it('fires digest-load once, and no warning or error', async () => {
    const log = capture(document, 'digest-load', 'digest-warning', 'digest-error');
    const el = await render(seed);
    log.stop();
    expect(log.of('digest-load').length).to.equal(1);
    expect(log.of('digest-load')[0].target === el, 'fired by the element').to.be.true;
    expect(log.of('digest-warning').length + log.of('digest-error').length).to.equal(0);
  });

  it('is accessible', async () => {
    const el = await render(seed);
    await expect(el).to.be.accessible();
  });
});

describe('<digest-article> with every optional field (English)', () => {
  it('renders site, author, dates, image, sections without Q&A, and passes axe', async () => {
    const article = await loadJson<Article>('en-article.json');
    const el = await render(article);
    const root = shadow(el);
    expect(root.querySelector('[part=site] a')!.textContent).to.equal(article.site!.name);
    expect(root.querySelector('[part=author]')!.textContent).to.include(article.author!.name);
    expect(root.querySelector<HTMLTimeElement>('time[part=published]')!.dateTime).to.equal(article.publishedAt);
    expect(root.querySelector('time[part=published]')!.textContent).to.equal('Mar 14, 2025');
    expect(root.querySelector('[part=image] img')!.getAttribute('alt')).to.equal(article.image!.alt);
    expect(root.querySelectorAll('section').length).to.equal(article.sections.length);
    const ids = [...root.querySelectorAll('section')].map((s) => s.id);
    expect(ids).to.deep.equal(article.sections.map((s) => s.id));
    expect(deepText(el).join(' ')).to.include('Published: ');
    await expect(el).to.be.accessible();
  });

  it('loads every image lazily, its box reserved (a logo: its height)', async () => {
    const article = await loadJson<Article>('en-article.json');
    const el = await render({
      ...article,
      site: {...article.site, logo: fixtureUrl('img.svg')},
      author: {...article.author, avatar: fixtureUrl('avatar.svg')},
    });
    const images = deepAll<HTMLImageElement>(el, 'img');
    expect(images.length, 'logo, author, hero, cards, comments').to.be.greaterThan(3);
    for (const img of images) {
      const what = img.getAttribute('part') ?? img.parentElement?.getAttribute('part') ?? img.localName;
      expect(img.getAttribute('loading'), what).to.equal('lazy');
      expect(img.getAttribute('height'), what).to.match(/^\d+$/);
      if (img.getAttribute('part') !== 'logo') expect(img.getAttribute('width'), what).to.match(/^\d+$/);
    }
  });

  it('keeps line breaks inside text', async () => {
    const el = await render({title: 'T', lead: 'one\ntwo'});
    const lead = shadow(el).querySelector('[part=lead]')!;
    expect(lead.textContent).to.equal('one\ntwo');
    expect(getComputedStyle(lead).whiteSpace).to.equal('pre-line');
  });

  it('renders minimal data: a title alone', async () => {
    const el = await render({title: 'Only a title'});
    expect(deepText(el)).to.deep.equal(['Only a title']);
    await expect(el).to.be.accessible();
  });
});

describe('<digest-article> input paths', () => {
  const json = (title: string) => JSON.stringify({title});

  it('takes a data property set before the element was upgraded', async () => {
    // An element that exists (and gets its property) before its definition is registered.
    const tag = `digest-article-late-${Math.random().toString(36).slice(2, 8)}`;
    const pending = document.createElement(tag) as HTMLElement & {data?: unknown};
    pending.data = {title: 'Set before upgrade'};
    document.body.append(pending);
    const Article = customElements.get('digest-article') as CustomElementConstructor;
    customElements.define(tag, class extends Article {});
    await (pending as DigestArticle).updateComplete;
    expect(pending.shadowRoot!.querySelector('[part=title]')!.textContent).to.equal('Set before upgrade');
    pending.remove();
  });

  it('reads a child <script type="application/json">, also when it arrives after connection', async () => {
    const el = await fixture<DigestArticle>(html`<digest-article
      ><script type="application/json">
        {"title": "From script"}
      </script></digest-article
    >`);
    await settled(el);
    expect(shadow(el).querySelector('[part=title]')!.textContent).to.equal('From script');
    el.querySelector('script')!.textContent = json('Edited script');
    await new Promise((r) => setTimeout(r));
    await settled(el);
    expect(shadow(el).querySelector('[part=title]')!.textContent).to.equal('Edited script');
  });

  it('gives data precedence over the child script, and the script over src', async () => {
    const el = await fixture<DigestArticle>(html`<digest-article src=${fixtureUrl('seed.json')} data=${json('Data wins')}
      ><script type="application/json">
        {"title": "Script"}
      </script></digest-article
    >`);
    await settled(el);
    expect(shadow(el).querySelector('[part=title]')!.textContent).to.equal('Data wins');
    el.removeAttribute('data');
    await settled(el);
    expect(shadow(el).querySelector('[part=title]')!.textContent).to.equal('Script');
    const loaded = oneEvent(el, 'digest-load');
    el.querySelector('script')!.remove();
    await loaded;
    await settled(el);
    expect(shadow(el).querySelector('[part=title]')!.textContent).to.include('米中レアアース');
  });

  it('fetches src: loading state, then the article', async () => {
    const el = document.createElement('digest-article');
    el.src = fixtureUrl('seed.json');
    const loaded = oneEvent(el, 'digest-load');
    document.body.append(el);
    await el.updateComplete;
    const loading = shadow(el).querySelector('[part=loading]')!;
    expect(loading.getAttribute('role')).to.equal('status');
    expect(loading.textContent).to.equal('Loading…');
    await loaded;
    await settled(el);
    expect(shadow(el).querySelector('[part=title]')).to.exist;
    el.remove();
  });

  it('is accessible while loading, and aborts the fetch when removed', async () => {
    const realFetch = window.fetch;
    let signal: AbortSignal | undefined;
    window.fetch = (_: RequestInfo | URL, init?: RequestInit) => {
      signal = init?.signal ?? undefined;
      return new Promise<Response>(() => {});
    };
    try {
      const el = await fixture<DigestArticle>(html`<digest-article src="/never.json"></digest-article>`);
      expect(shadow(el).querySelector('[part=loading]')).to.exist;
      await expect(el).to.be.accessible();
      expect(signal?.aborted).to.be.false;
      el.remove();
      expect(signal?.aborted).to.be.true;
    } finally {
      window.fetch = realFetch;
    }
  });

  it('ends in the state of the latest src when src changes quickly (no stale render)', async () => {
    const el = document.createElement('digest-article');
    document.body.append(el);
    el.src = fixtureUrl('seed.json');
    await el.updateComplete;
    const loaded = oneEvent(el, 'digest-load');
    el.src = fixtureUrl('en-article.json');
    await loaded;
    await new Promise((r) => setTimeout(r, 200));
    await settled(el);
    expect(shadow(el).querySelector('[part=title]')!.textContent).to.include('Heat Pumps');
    el.remove();
  });

  it('shows the error state with a retry when src fails', async () => {
    const el = document.createElement('digest-article');
    el.src = fixtureUrl('missing.json');
    const log = await quietConsole(async () => {
      document.body.append(el);
      const e = await oneEvent(el, 'digest-error');
      expect(e.detail.path).to.equal('src');
      expect(e.detail.message).to.include('404');
      await el.updateComplete;
    });
    expect(log.error.length).to.equal(1);
    const error = shadow(el).querySelector('[part=error]')!;
    expect(error.getAttribute('role')).to.equal('alert');
    expect(error.querySelector('p')!.textContent).to.equal('This content could not be shown.');
    expect(error.textContent, 'the detail is for developers').to.not.include('404');
    const retry = shadow(el).querySelector<HTMLButtonElement>('[part=retry]')!;
    expect(retry.textContent).to.equal('Try again');
    await expect(el).to.be.accessible();
    el.src = fixtureUrl('seed.json');
    await quietConsole(async () => {
      retry.click();
      await oneEvent(el, 'digest-load');
    });
    el.remove();
  });

  it('refuses a non-http(s) src without fetching', async () => {
    const el = document.createElement('digest-article');
    el.src = 'javascript:alert(1)';
    await quietConsole(async () => {
      document.body.append(el);
      const e = await oneEvent(el, 'digest-error');
      expect(e.detail).to.deep.equal({path: 'src', message: 'is not an http(s) URL'});
    });
    el.remove();
  });
});

describe('<digest-article> bad input', () => {
  const cases: [string, unknown, string, string][] = [
    ['unparseable JSON', '{"title": ', '', 'invalid JSON'],
    ['single quotes', "{'title': 'x'}", '', 'invalid JSON'],
    ['not an object', '[1,2]', '', 'should be an object'],
    ['a number', 42, '', 'should be an object'],
    ['no title', {sections: []}, 'title', 'is required'],
    ['empty title', {title: '  '}, 'title', 'is empty'],
    ['title of the wrong type', {title: {x: 1}}, 'title', 'should be a string'],
    ['wrong version', {version: 2, title: 'x'}, 'version', 'unsupported version 2'],
  ];
  for (const [name, data, path, message] of cases) {
    it(`${name}: error state, digest-error naming "${path}", one console error, no throw`, async () => {
      const log = capture(document, 'digest-error');
      let el!: DigestArticle;
      const logged = await quietConsole(() =>
        noUncaught(async () => {
          el = await render(data);
        }),
      );
      log.stop();
      const [e] = log.of('digest-error');
      expect(log.of('digest-error').length).to.equal(1);
      expect(e.bubbles && e.composed).to.be.true;
      expect(e.detail.path ?? '').to.equal(path);
      expect(e.detail.message).to.include(message);
      expect(logged.error.length).to.equal(1);
      expect(logged.error[0]).to.include('<digest-article>');
      if (path) expect(logged.error[0]).to.include(path);
      const error = shadow(el).querySelector('[part=error]')!;
      expect(error.getAttribute('role')).to.equal('alert');
      expect(error.textContent).to.include('This content could not be shown.');
      expect(error.textContent, 'the detail is for developers').to.not.include(message);
      await expect(el).to.be.accessible();
    });
  }

  it('skips an unknown block with a warning and renders the rest', async () => {
    const log = capture(document, 'digest-warning', 'digest-load');
    let el!: DigestArticle;
    const logged = await quietConsole(async () => {
      el = await render({
        title: 'T',
        sections: [{heading: 'H', blocks: [{type: 'video', src: 'x'}, {type: 'paragraph', text: 'kept'}]}],
      });
    });
    log.stop();
    expect(log.of('digest-warning').map((e) => e.detail.path)).to.deep.equal(['sections[0].blocks[0].type']);
    expect(log.of('digest-load').length).to.equal(1);
    expect(logged.warn.join()).to.include('sections[0].blocks[0].type');
    expect(deepText(el)).to.deep.equal(['T', 'H', 'kept']);
  });

  it('drops bad URLs, keeping the text', async () => {
    const log = capture(document, 'digest-warning');
    let el!: DigestArticle;
    await quietConsole(async () => {
      el = await render({
        title: 'T',
        site: {name: 'S', url: 'javascript:alert(1)'},
        sections: [
          {heading: 'H', blocks: [{type: 'source', title: 'Card', url: ' JaVaScRiPt:alert(1)', points: ['p']}]},
        ],
        next: {url: 'data:text/html,<script>alert(1)</script>', label: 'Next', teaser: 'More'},
      });
    });
    log.stop();
    expect(log.of('digest-warning').map((e) => e.detail.path)).to.have.members([
      'site.url',
      'sections[0].blocks[0].url',
      'next.url',
    ]);
    const hrefs = deepAll(el, '[href],[src]').map((a) => a.getAttribute('href') ?? a.getAttribute('src'));
    expect(hrefs).to.deep.equal([]);
    expect(deepText(el)).to.include.members(['S', 'Card', 'p', 'More']);
    await expect(el).to.be.accessible();
  });

  it('leaves its neighbours alone', async () => {
    let page!: HTMLElement;
    await quietConsole(async () => {
      page = await fixture(html`<div>
        <p id="before">before</p>
        <digest-article data="{oops"></digest-article>
        <digest-article data='{"title":"fine"}'></digest-article>
      </div>`);
      await settled(page);
    });
    const good = page.querySelectorAll('digest-article')[1];
    expect(page.querySelector('#before')!.textContent).to.equal('before');
    expect(shadow(good).querySelector('[part=title]')!.textContent).to.equal('fine');
  });

  it('recovers when good data replaces bad', async () => {
    let el!: DigestArticle;
    await quietConsole(async () => {
      el = await render('{');
    });
    el.data = JSON.stringify({title: 'Good now'});
    await settled(el);
    expect(shadow(el).querySelector('[part=error]')).to.equal(null);
    expect(shadow(el).querySelector('[part=title]')!.textContent).to.equal('Good now');
  });
});
