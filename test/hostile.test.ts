/**
 * Hostile data, part 1: XSS payloads in every text field and every attribute, and
 * dangerous URLs in every URL field. Nothing may run (alert, fetch, eval… are hooked), nothing
 * that can run script may be rendered, every URL in the rendered tree must be http(s), text
 * must show literally, and good URLs (IDN, Japanese paths, ports, relative…) must stay.
 *
 * Corpora: test/fixtures/xss-corpus.json (payloads), test/fixtures/url-corpus.json (URLs that
 * must be refused, look-alikes that may stay as relative http(s) URLs, and good URLs).
 * Malformed JSON and huge inputs: test/hostile-json.test.ts.
 */
import {expect} from '@open-wc/testing';
import {capture, loadJson, noUncaught, quietConsole, settled, articleOf, audit, answer, commentOf, IMG, label, make, mount, rendered, renderedText, serve, SHOWN, sleep, sourceOf, state, takeawaysOf, tripwire, until} from './utils.js';

interface UrlCorpus {
  bad: string[];
  tricky: string[];
  good: string[];
}

const payloads = await loadJson<string[]>('xss-corpus.json');
const urls = await loadJson<UrlCorpus>('url-corpus.json');

// ---------------------------------------------------------------------------------------------

describe('hostile data: XSS payloads', () => {
  it('has a corpus of at least 40 distinct payloads', () => {
    expect(payloads.length).to.be.greaterThanOrEqual(40);
    expect(new Set(payloads).size).to.equal(payloads.length);
  });

  for (const p of payloads) {
    it(`in every text field, shows ${label(p)} as text and runs nothing`, async () => {
      const trip = tripwire(answer);
      let box!: HTMLElement;
      const els = {
        article: make('digest-article', {}, articleOf(p)),
        fetched: make('digest-article', {src: serve(JSON.stringify(articleOf(p)))}),
        source: make('source-card', {data: JSON.stringify(sourceOf(p))}),
        takeaways: make('takeaway-list', {}, undefined, JSON.stringify(takeawaysOf(p))),
        comment: make('reader-comment', {data: JSON.stringify(commentOf(p))}),
      };
      try {
        await quietConsole(() =>
          noUncaught(async () => {
            box = await mount(Object.values(els));
            await sleep(100); // an <img onerror> or <svg onload> would have fired by now
          }),
        );
      } finally {
        trip.restore();
        box?.remove();
      }
      expect(trip.calls, 'calls that must never happen').to.deep.equal([]);
      expect(audit(box), 'dangerous elements, attributes or URLs').to.deep.equal([]);
      const shown = (el: Element) => renderedText(el).filter((t) => t.includes(p)).length;
      expect(shown(els.article), 'article, from the data property').to.be.at.least(SHOWN.article);
      expect(shown(els.fetched), 'article, fetched from src').to.be.at.least(SHOWN.article);
      expect(shown(els.source), '<source-card>, from the data attribute').to.be.at.least(SHOWN.source);
      expect(shown(els.takeaways), '<takeaway-list>, from a child script').to.be.at.least(SHOWN.takeaways);
      expect(shown(els.comment), '<reader-comment>, from the data attribute').to.be.at.least(SHOWN.comment);
      const root = els.article.shadowRoot!;
      expect(root.querySelector('section')!.id === p, 'section id kept as an attribute value').to.be.true;
      expect(root.querySelector('[part=image] img')!.getAttribute('alt') === p, 'alt kept as an attribute value').to.be.true;
    });

    it(`in every attribute, ${label(p)} runs nothing and ends in a sane state`, async () => {
      const trip = tripwire();
      const valid = {
        title: 'OK',
        publishedAt: '2025-06-10',
        takeaways: {items: ['t']},
        sections: [{heading: 'H', blocks: [{type: 'source', title: 'S', url: IMG}, {type: 'comment', text: 'C'}]}],
      };
      const broken = [
        make('digest-article', {data: p}),
        make('source-card', {data: p}),
        make('takeaway-list', {data: p}),
        make('reader-comment', {data: p}),
        make('digest-article', {src: p}),
      ];
      const fine = [
        make('digest-article', {lang: p, 'heading-level': p, data: JSON.stringify(valid)}),
        make('source-card', {lang: p, 'heading-level': p, data: JSON.stringify({title: 'OK', url: IMG, publishedAt: '2025-06-10'})}),
        make('takeaway-list', {lang: p, 'heading-level': p, data: JSON.stringify({items: ['OK']})}),
        make('reader-comment', {lang: p, side: p, data: JSON.stringify({text: 'OK'})}),
      ];
      let box!: HTMLElement;
      try {
        await quietConsole(() =>
          noUncaught(async () => {
            box = await mount([...broken, ...fine]);
            await sleep(100);
          }),
        );
      } finally {
        trip.restore();
        box?.remove();
      }
      // `src` = payload: refused, or fetched (answered 404) as a page-relative http(s) URL.
      const unexpected = trip.calls.filter((c) => !c.startsWith('fetch('));
      expect(unexpected, 'calls that must never happen').to.deep.equal([]);
      expect(trip.fetched.every((u) => /^https?:/.test(u)), `fetched ${trip.fetched.join(' ')}`).to.be.true;
      expect(trip.fetched.length).to.be.at.most(1);
      expect(audit(box), 'dangerous elements, attributes or URLs').to.deep.equal([]);
      expect(broken.map(state)).to.deep.equal(['error', 'error', 'error', 'error', 'error']);
      expect(fine.map(state)).to.deep.equal(['shown', 'shown', 'shown', 'shown']);
      expect(fine.every((el) => renderedText(el).some((t) => t.includes('OK')))).to.be.true;
    });
  }

  it('is accessible with hostile text, and in the error state', async () => {
    const p = payloads.find((x) => x.includes('onerror'))!;
    let box!: HTMLElement;
    await quietConsole(async () => {
      box = await mount([make('digest-article', {}, articleOf(p)), make('digest-article', {data: p})]);
    });
    try {
      await expect(box.children[0]).to.be.accessible();
      await expect(box.children[1]).to.be.accessible();
    } finally {
      box.remove();
    }
  });
});

// ---------------------------------------------------------------------------------------------

/** The URL fields of the article above, by the path a warning names. */
const ARTICLE_URL_PATHS = [
  'site.url',
  'site.logo',
  'author.url',
  'author.avatar',
  'image.src',
  'sections[0].blocks[0].url',
  'sections[0].blocks[0].image.src',
  'sections[0].blocks[1].avatar',
  'next.url',
];

/** Renders `url` in every URL field of every element (and as `src`); returns what happened. */
async function withUrl(url: string) {
  const els = {
    article: make('digest-article', {}, articleOf('text', url)),
    source: make('source-card', {data: JSON.stringify(sourceOf('text', url))}),
    comment: make('reader-comment', {data: JSON.stringify(commentOf('text', url))}),
    fetched: make('digest-article', {src: url}),
  };
  const logs = Object.fromEntries(Object.entries(els).map(([k, el]) => [k, capture(el, 'digest-warning', 'digest-error')]));
  const ok = JSON.stringify({title: 'Fetched'});
  const trip = tripwire(() => new Response(ok, {headers: {'content-type': 'application/json'}}));
  const box = document.createElement('div');
  const images: Record<string, string | null> = {};
  try {
    await quietConsole(() =>
      noUncaught(async () => {
        box.append(...Object.values(els));
        document.body.append(box);
        await settled(box);
        // Read image URLs before any can fail to load (a broken avatar is replaced by the default).
        for (const [name, el] of Object.entries(els)) {
          rendered(el)
            .filter((e) => e.localName === 'img')
            .forEach((img, i) => (images[`${name}.img${i}`] = img.getAttribute('src')));
        }
        await until(() => state(els.fetched) !== 'loading' && state(els.fetched) !== 'empty', 'the fetched element to show or fail');
        await settled(box);
        await sleep(50);
      }),
    );
  } finally {
    trip.restore();
    Object.values(logs).forEach((l) => l.stop());
    box.remove();
  }
  const warned = (k: keyof typeof els) => logs[k].of('digest-warning').map((e) => e.detail.path);
  const errors = logs.fetched.of('digest-error').map((e) => e.detail);
  return {els, box, trip, warned, errors, images};
}

const hrefOf = (el: Element, part: string) => el.shadowRoot!.querySelector(`[part=${part}]`)?.getAttribute('href');
const resolve = (u: string | null | undefined) => (u == null ? u : new URL(u, document.baseURI).href);

describe('hostile data: URLs', () => {
  for (const url of urls.bad) {
    it(`refuses ${label(url)} in every URL field and as src`, async () => {
      const {els, box, trip, warned, errors} = await withUrl(url);
      expect(trip.calls, 'calls that must never happen').to.deep.equal([]);
      expect(trip.fetched, 'src fetched').to.deep.equal([]);
      expect(audit(box), 'dangerous elements, attributes or URLs').to.deep.equal([]);
      expect(warned('article')).to.include.members(ARTICLE_URL_PATHS);
      expect(warned('source')).to.include.members(['url', 'image.src']);
      expect(warned('comment')).to.include.members(['avatar']);
      expect(errors).to.deep.equal([{path: 'src', message: 'is not an http(s) URL'}]);
      expect(state(els.fetched)).to.equal('error');
      expect(['article', 'source', 'comment'].map((k) => state(els[k as keyof typeof els]))).to.deep.equal(['shown', 'shown', 'shown']);
    });
  }

  for (const url of urls.tricky) {
    it(`lets ${label(url)} through only as an http(s) URL`, async () => {
      const {box, trip} = await withUrl(url);
      expect(trip.calls, 'calls that must never happen').to.deep.equal([]);
      expect(trip.fetched.every((u) => /^https?:/.test(u)), trip.fetched.join(' ')).to.be.true;
      expect(audit(box), 'dangerous elements, attributes or URLs').to.deep.equal([]);
    });
  }

  for (const url of urls.good) {
    it(`keeps ${label(url)} in every href and src`, async () => {
      const {els, box, trip, warned, images} = await withUrl(url);
      const want = resolve(url);
      expect(trip.calls, 'calls that must never happen').to.deep.equal([]);
      expect(audit(box)).to.deep.equal([]);
      expect([...warned('article'), ...warned('source'), ...warned('comment')].filter((p) => /url|src|logo|avatar/.test(p!))).to.deep.equal([]);
      const card = els.article.shadowRoot!.querySelector('source-card')!;
      const links = {
        site: hrefOf(els.article, 'site-link'),
        author: hrefOf(els.article, 'author-link'),
        next: hrefOf(els.article, 'next-link'),
        cardTitle: hrefOf(card, 'title-link'),
        cardMore: hrefOf(card, 'read-more'),
        sourceTitle: hrefOf(els.source, 'title-link'),
        sourceMore: hrefOf(els.source, 'read-more'),
      };
      for (const [name, href] of Object.entries(links)) expect(resolve(href), name).to.equal(want);
      // article: logo, author avatar, image, its card's image, its comment's avatar; card image; avatar
      expect(Object.keys(images).length, Object.keys(images).join()).to.equal(7);
      for (const [name, src] of Object.entries(images)) expect(resolve(src), name).to.equal(want);
      expect(trip.fetched).to.deep.equal([want]);
      expect(els.fetched.shadowRoot!.querySelector('[part=title]')?.textContent).to.equal('Fetched');
    });
  }
});
