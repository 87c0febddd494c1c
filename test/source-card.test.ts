import {expect, fixture, html} from '@open-wc/testing';
import {nothing} from 'lit';
import type {Article, SourceBlock} from '../src/format/types.js';
import type {SourceCard} from '../src/source-card/source-card.js';
import {capture, deepAll, deepText, expectErrorState, loadJson, mountIn, observing, settled, until} from './helpers.js';

const shadow = (el: Element) => el.shadowRoot!;
const $ = <E extends Element = HTMLElement>(el: Element, sel: string) => shadow(el).querySelector<E>(sel);

interface Mount {
  lang?: string;
  level?: string;
  width?: string;
}

/** Renders `<source-card .data=${data}>` inside a `<div>` with the given lang (none when absent). */
const mount = (data: unknown, {level, ...place}: Mount = {}) =>
  mountIn<SourceCard>(html`<source-card .data=${data} heading-level=${level ?? nothing}></source-card>`, place);

/** Mounts with events and console captured, failing on any uncaught error. */
const observe = (data: unknown, opts: Mount = {}) => observing(() => mount(data, opts));


/**
 * Lets a lazy image load now: a test file may run in a background tab, where lazy images
 * never start (the element's lazy attribute itself is checked separately).
 */
const startLoading = (img: HTMLImageElement) => {
  expect(img.getAttribute('loading')).to.equal('lazy');
  img.loading = 'eager';
};

const BAD_URLS = ['javascript:alert(1)', 'data:text/html,<script>alert(1)</script>', ' JaVaScRiPt:alert(1)', 'java\tscript:alert(1)'];

let seedCards: SourceBlock[];
before(async () => {
  const seed = await loadJson<Article>('seed.json');
  seedCards = seed.sections.flatMap((s) => s.blocks).filter((b): b is SourceBlock => b.type === 'source');
  expect(seedCards.length).to.equal(2);
});

describe('<source-card> with the seed cards', () => {
  for (const i of [0, 1]) {
    it(`seed card ${i + 1}: renders every text in order (ja) and passes axe`, async () => {
      const card = seedCards[i];
      const {el, log, logged} = await observe(card, {lang: 'ja'});
      const dates = ['2025/06/10', '2025/07/05'];
      expect(deepText(el)).to.deep.equal([
        card.title,
        '公開日:',
        dates[i],
        ...card.points!,
        `さらに読む ⇒ ${card.siteName}`,
        '出典/画像元:',
        card.url,
      ]);
      expect(log.of('digest-load').length).to.equal(1);
      expect(log.of('digest-load')[0].target === el).to.be.true;
      expect(log.of('digest-warning').length + log.of('digest-error').length).to.equal(0);
      expect(logged.error.length + logged.warn.length).to.equal(0);
      await expect(el).to.be.accessible();
    });
  }

  it('has a level-3 heading holding a safe external link to the source', async () => {
    const card = seedCards[0];
    const el = await mount(card, {lang: 'ja'});
    const h = $(el, '[part=title]')!;
    expect(h.localName).to.equal('h3');
    const a = h.querySelector('a')!;
    expect(a.getAttribute('part')).to.equal('title-link');
    expect(a.getAttribute('href')).to.equal(card.url);
    expect(a.getAttribute('target')).to.equal('_blank');
    expect(a.getAttribute('rel')).to.equal('noopener noreferrer');
    expect(a.textContent).to.equal(card.title);
  });

  const levels: [string, string][] = [
    ['1', 'h1'],
    ['2', 'h2'],
    ['3', 'h3'],
    ['4', 'h4'],
    ['5', 'h5'],
    ['6', 'h6'],
    ['9', 'h6'],
  ];
  for (const [level, tag] of levels) {
    it(`heading-level="${level}" gives an <${tag}>`, async () => {
      const el = await mount(seedCards[1], {lang: 'ja', level});
      expect($(el, '[part=title]')!.localName).to.equal(tag);
      expect($(el, `${tag} > a[part=title-link]`)).to.exist;
    });
  }

  it('follows a heading-level change', async () => {
    const el = await mount(seedCards[1], {lang: 'ja'});
    el.headingLevel = 5;
    await el.updateComplete;
    expect($(el, '[part=title]')!.localName).to.equal('h5');
    el.setAttribute('heading-level', '2');
    await el.updateComplete;
    expect($(el, '[part=title]')!.localName).to.equal('h2');
    await expect(el).to.be.accessible();
  });

  it('shows the date in a <time datetime>, the points as <ul><li>, read-more and credit', async () => {
    const card = seedCards[0];
    const el = await mount(card, {lang: 'ja'});
    const time = $<HTMLTimeElement>(el, '[part=date] time')!;
    expect(time.getAttribute('datetime')).to.equal('2025-06-10');
    expect(time.textContent).to.equal('2025/06/10');
    expect($(el, '[part=date]')!.textContent).to.equal('公開日:2025/06/10');
    const items = [...shadow(el).querySelectorAll('ul[part=points] > li')].map((li) => li.textContent);
    expect(items).to.deep.equal(card.points);
    const more = $<HTMLAnchorElement>(el, 'a[part=read-more]')!;
    expect(more.getAttribute('href')).to.equal(card.url);
    expect(more.getAttribute('target')).to.equal('_blank');
    expect(more.getAttribute('rel')).to.equal('noopener noreferrer');
    expect(more.textContent).to.equal(`さらに読む ⇒ ${card.siteName}`);
    expect($(el, '[part=credit]')!.textContent).to.equal(`出典/画像元: ${card.url}`);
    expect($(el, 'img') === null).to.be.true;
  });
});

describe('<source-card> languages (CJK and Latin)', () => {
  const dates: [string, string, string][] = [
    ['ja', '2025-06-10', '2025/06/10'],
    ['ja-JP', '2025-06-10', '2025/06/10'],
    ['en', '2025-06-10', 'Jun 10, 2025'],
    ['en', '2025-06-10T23:30:00-05:00', 'Jun 10, 2025'],
    ['en', '2025-06-10T00:30:00+09:00', 'Jun 10, 2025'],
  ];
  for (const [lang, iso, shown] of dates) {
    it(`${lang}: ${iso} is shown as "${shown}"`, async () => {
      const el = await mount({...seedCards[0], publishedAt: iso}, {lang});
      const time = $<HTMLTimeElement>(el, 'time')!;
      expect(time.getAttribute('datetime')).to.equal(iso);
      expect(time.textContent).to.equal(shown);
    });
  }

  it('uses English UI strings with a CJK card when the page is English', async () => {
    const card = seedCards[0];
    const el = await mount(card, {lang: 'en'});
    expect(deepText(el)).to.deep.equal([
      card.title,
      'Published:',
      'Jun 10, 2025',
      ...card.points!,
      `Read more ⇒ ${card.siteName}`,
      'Source/image:',
      card.url,
    ]);
    await expect(el).to.be.accessible();
  });

  it('renders a Latin card from the English fixture', async () => {
    const article = await loadJson<Article>('en-article.json');
    const card = article.sections[0].blocks.find((b): b is SourceBlock => b.type === 'source')!;
    const el = await mount(card, {lang: 'en'});
    expect(deepText(el)).to.deep.equal([
      card.title,
      'Published:',
      'Feb 20, 2025',
      ...card.points!,
      'Read more ⇒ Example Energy News',
      'Source/image:',
      card.url,
    ]);
    expect($(el, 'img[part=image]')!.getAttribute('alt')).to.equal(card.image!.alt);
    await expect(el).to.be.accessible();
  });

  it('falls back to English without any lang', async () => {
    if (document.documentElement.hasAttribute('lang')) return; // the test page sets none
    const el = await mount(seedCards[0]);
    expect($(el, 'a[part=read-more]')!.textContent).to.match(/^Read more ⇒ /);
  });
});

describe('<source-card> thumbnail', () => {
  const image = {src: '/test/fixtures/img.svg', alt: 'A placeholder chart', width: 320, height: 180};

  it('is a lazy <img> with width/height attributes reserving its box', async () => {
    const el = await mount({title: 'T', url: 'https://example.com/a', image}, {lang: 'en'});
    const img = $<HTMLImageElement>(el, 'img[part=image]')!;
    expect(img.getAttribute('src')).to.equal(image.src);
    expect(img.getAttribute('alt')).to.equal(image.alt);
    expect(img.getAttribute('loading')).to.equal('lazy');
    expect(img.getAttribute('width')).to.equal('320');
    expect(img.getAttribute('height')).to.equal('180');
    const {width, height} = img.getBoundingClientRect();
    expect(width).to.be.greaterThan(0);
    expect(Math.abs(height - (width * 180) / 320)).to.be.lessThan(1.5);
    await expect(el).to.be.accessible();
  });

  it('reserves a 160×90 box when the size is not given', async () => {
    const el = await mount({title: 'T', url: 'https://example.com/a', image: {src: image.src, alt: 'x'}}, {lang: 'en'});
    const img = $<HTMLImageElement>(el, 'img[part=image]')!;
    expect(img.getAttribute('width')).to.equal('160');
    expect(img.getAttribute('height')).to.equal('90');
  });

  it('keeps its box, hidden, when the image fails to load', async () => {
    const {el, logged} = await observe(
      {title: 'T', url: 'https://example.com/a', image: {...image, src: '/test/fixtures/no-such-image.svg'}},
      {lang: 'en'},
    );
    expect(logged.error.length).to.equal(0);
    const img = $<HTMLImageElement>(el, 'img[part=image]')!;
    startLoading(img);
    await until(() => img.hasAttribute('data-broken'), 'the image error');
    await el.updateComplete;
    expect(img.isConnected).to.be.true;
    expect(getComputedStyle(img).visibility).to.equal('hidden');
    const {width, height} = img.getBoundingClientRect();
    expect(width).to.be.greaterThan(0);
    expect(Math.abs(height - (width * 180) / 320)).to.be.lessThan(1.5);
    await expect(el).to.be.accessible();
  });
  it('shows a new image after a failed one', async () => {
    const el = await mount(
      {title: 'T', url: 'https://example.com/a', image: {...image, src: '/test/fixtures/no-such-image.svg'}},
      {lang: 'en'},
    );
    const broken = $<HTMLImageElement>(el, 'img[part=image]')!;
    startLoading(broken);
    await until(() => broken.hasAttribute('data-broken'), 'the image error');
    el.data = {type: 'source', title: 'T', url: 'https://example.com/a', image};
    await settled(el);
    const img = $<HTMLImageElement>(el, 'img[part=image]')!;
    expect(img.getAttribute('src')).to.equal(image.src);
    if (img.getAttribute('loading') === 'lazy') img.loading = 'eager';
    await until(() => img.complete && img.naturalWidth > 0, 'the new image to load');
    expect(img.hasAttribute('data-broken')).to.be.false;
    expect(getComputedStyle(img).visibility).to.equal('visible');
  });
});

describe('<source-card> input paths', () => {
  const card = {title: 'From somewhere', url: 'https://example.com/a', siteName: 'Example'};
  const titleOf = (el: Element) => $(el, '[part=title]')!.textContent;

  it('reads the data attribute as JSON', async () => {
    const el = await fixture<SourceCard>(html`<source-card data=${JSON.stringify(card)}></source-card>`);
    await settled(el);
    expect(titleOf(el)).to.equal('From somewhere');
    await expect(el).to.be.accessible();
  });

  it('takes the data property as an object', async () => {
    const el = await fixture<SourceCard>(html`<source-card .data=${card}></source-card>`);
    await settled(el);
    expect(titleOf(el)).to.equal('From somewhere');
  });

  it('reads a child <script type="application/json">', async () => {
    const el = await fixture<SourceCard>(html`<source-card
      ><script type="application/json">
        {"title": "From script", "url": "https://example.com/s"}
      </script></source-card
    >`);
    await settled(el);
    expect(titleOf(el)).to.equal('From script');
    expect($(el, 'a[part=title-link]')!.getAttribute('href')).to.equal('https://example.com/s');
    await expect(el).to.be.accessible();
  });

  it('gives data precedence over the child script', async () => {
    const el = await fixture<SourceCard>(html`<source-card data=${JSON.stringify({...card, title: 'Data wins'})}
      ><script type="application/json">
        {"title": "Script", "url": "https://example.com/s"}
      </script></source-card
    >`);
    await settled(el);
    expect(titleOf(el)).to.equal('Data wins');
    el.removeAttribute('data');
    await settled(el);
    expect(titleOf(el)).to.equal('Script');
  });

  it('reads the same card with and without "type"', async () => {
    const {type: _type, ...untyped} = seedCards[1];
    const a = await mount({...untyped, type: 'source'}, {lang: 'ja'});
    const b = await mount(untyped, {lang: 'ja'});
    expect(deepText(a)).to.deep.equal(deepText(b));
    expect(deepText(b)[0]).to.equal(seedCards[1].title);
  });

  it('re-renders and fires digest-load once per new data', async () => {
    const log = capture(document, 'digest-load');
    const el = await mount(card, {lang: 'en'});
    el.data = {...card, type: 'source', title: 'Second'};
    await settled(el);
    log.stop();
    expect(titleOf(el)).to.equal('Second');
    expect(log.of('digest-load').length).to.equal(2);
  });
});

describe('<source-card> minimal, optional and long data', () => {
  it('renders minimal data: title and url', async () => {
    const {el, log} = await observe({title: 'Minimal', url: 'https://www.example.org/news/1'}, {lang: 'en'});
    expect(deepText(el)).to.deep.equal(['Minimal', 'Read more ⇒ example.org', 'Source/image:', 'https://www.example.org/news/1']);
    expect($(el, 'time') === null).to.be.true;
    expect($(el, 'ul') === null).to.be.true;
    expect($(el, 'img') === null).to.be.true;
    expect(log.of('digest-warning').length).to.equal(0);
    expect(log.of('digest-load').length).to.equal(1);
    await expect(el).to.be.accessible();
  });

  it('names the host when siteName is absent (ja)', async () => {
    const {siteName: _s, ...card} = seedCards[0];
    const el = await mount(card, {lang: 'ja'});
    expect($(el, 'a[part=read-more]')!.textContent).to.equal('さらに読む ⇒ topics.smt.docomo.ne.jp');
  });

  it('names the page host for a page-relative url without siteName', async () => {
    const el = await mount({title: 'Relative', url: '/news/relative'}, {lang: 'en'});
    const more = $<HTMLAnchorElement>(el, 'a[part=read-more]')!;
    expect(more.href).to.equal(new URL('/news/relative', location.href).href);
    expect(more.textContent).to.equal(`Read more ⇒ ${location.hostname}`);
  });

  it('shows the title as plain heading text when the url is missing (warning)', async () => {
    const {el, log, logged} = await observe({title: 'No link'}, {lang: 'en'});
    expect(log.of('digest-warning').map((e) => e.detail.path)).to.deep.equal(['url']);
    expect(logged.warn.length).to.equal(1);
    expect(logged.error.length).to.equal(0);
    expect(deepText(el)).to.deep.equal(['No link']);
    expect(deepAll(el, '[href]').length).to.equal(0);
    await expect(el).to.be.accessible();
  });

  it('keeps line breaks inside the title and points', async () => {
    const el = await mount({title: 'one\ntwo', url: 'https://example.com/', points: ['three\nfour']}, {lang: 'en'});
    for (const sel of ['[part=title]', 'li']) {
      const node = $(el, sel)!;
      expect(node.textContent).to.include('\n');
      expect(getComputedStyle(node).whiteSpace, sel).to.be.oneOf(['pre-line', 'pre-wrap', 'break-spaces']);
    }
  });

  it('renders a 300-character title and 40 points without overflowing a narrow box', async () => {
    const title = 'Supercalifragilistic'.repeat(15);
    expect(title.length).to.equal(300);
    const points = Array.from({length: 40}, (_, i) => `Point ${i + 1}: ${'長い文章の要点。'.repeat(i % 5 + 1)}`);
    const {el, log} = await observe({title, url: 'https://example.com/' + 'x'.repeat(200), points}, {lang: 'ja', width: '280px'});
    expect($(el, '[part=title]')!.textContent).to.equal(title);
    const lis = [...shadow(el).querySelectorAll('li')].map((li) => li.textContent);
    expect(lis).to.deep.equal(points);
    const article = $(el, 'article')!;
    expect(article.scrollWidth).to.be.at.most(article.clientWidth + 1);
    expect(el.getBoundingClientRect().width).to.be.at.most(281);
    expect(log.of('digest-load').length).to.equal(1);
    await expect(el).to.be.accessible();
  });

  it('shows markup in text as text', async () => {
    const el = await mount(
      {title: '<img src=x onerror=alert(1)>', url: 'https://example.com/', points: ['<b>bold</b>']},
      {lang: 'en'},
    );
    expect($(el, '[part=title]')!.textContent).to.equal('<img src=x onerror=alert(1)>');
    expect($(el, 'li')!.textContent).to.equal('<b>bold</b>');
    expect(deepAll(el, 'img, b').length).to.equal(0);
  });
});

describe('<source-card> bad input', () => {
  const errors: [string, unknown, string, string][] = [
    ['unparseable JSON', '{"title": ', '', 'invalid JSON'],
    ['single-quoted JSON', "{'title': 'x'}", '', 'invalid JSON'],
    ['an array', '[1,2]', '', 'should be an object'],
    ['a JSON string', '"title"', '', 'should be an object'],
    ['a number (property)', 42, '', 'should be an object'],
    ['no title', {url: 'https://example.com/'}, 'title', 'is required'],
    ['an empty title', {title: '  ', url: 'https://example.com/'}, 'title', 'is empty'],
    ['an object as title', {title: {text: 'x'}, url: 'https://example.com/'}, 'title', 'should be a string'],
    ['an array as title', {title: ['x'], url: 'https://example.com/'}, 'title', 'should be a string'],
  ];
  for (const [name, data, path, message] of errors) {
    it(`${name}: error state, one digest-error${path ? ` at "${path}"` : ''}, one console error, no throw`, async () => {
      const {el, ...seen} = await observe(data);
      await expectErrorState(el, seen, {path, message, content: 'article'});
    });
  }

  it('localizes the error state inside lang="ja"', async () => {
    const {el, logged} = await observe('{oops', {lang: 'ja'});
    expect(logged.error.length).to.equal(1);
    const box = $(el, '[part=error]')!;
    expect(box.getAttribute('role')).to.equal('alert');
    expect(box.textContent!.trim()).to.equal('この内容を表示できませんでした。');
    await expect(el).to.be.accessible();
  });

  it('recovers when good data replaces bad', async () => {
    const {el} = await observe('{');
    el.data = {type: 'source', title: 'Good now', url: 'https://example.com/'};
    await settled(el);
    expect($(el, '[part=error]') === null).to.be.true;
    expect($(el, '[part=title]')!.textContent).to.equal('Good now');
  });

  const base = {title: 'Card', url: 'https://example.com/a', siteName: 'Site', points: ['p1']};
  // [name, data, warned path, the texts then shown]
  const warnings: [string, Record<string, unknown>, string[], string[]][] = [
    ['a number as title', {...base, title: 42}, ['title'], ['42', 'p1', 'Read more ⇒ Site', 'Source/image:', base.url]],
    ['a boolean as siteName', {...base, siteName: true}, ['siteName'], ['Card', 'p1', 'Read more ⇒ true', 'Source/image:', base.url]],
    ['an object as siteName', {...base, siteName: {name: 'S'}}, ['siteName'], ['Card', 'p1', 'Read more ⇒ example.com', 'Source/image:', base.url]],
    ['a number among points', {...base, points: ['p1', 7]}, ['points[1]'], ['Card', 'p1', '7', 'Read more ⇒ Site', 'Source/image:', base.url]],
    ['an object among points', {...base, points: [{t: 1}, 'p2']}, ['points[0]'], ['Card', 'p2', 'Read more ⇒ Site', 'Source/image:', base.url]],
    ['points as a string', {...base, points: 'p1'}, ['points'], ['Card', 'Read more ⇒ Site', 'Source/image:', base.url]],
    ['an unparseable date', {...base, publishedAt: 'yesterday'}, ['publishedAt'], ['Card', 'p1', 'Read more ⇒ Site', 'Source/image:', base.url]],
    ['an impossible date', {...base, publishedAt: '2025-02-30'}, ['publishedAt'], ['Card', 'p1', 'Read more ⇒ Site', 'Source/image:', base.url]],
    ['an object as publishedAt', {...base, publishedAt: {}}, ['publishedAt'], ['Card', 'p1', 'Read more ⇒ Site', 'Source/image:', base.url]],
    ['a string as image', {...base, image: '/test/fixtures/img.svg'}, ['image'], ['Card', 'p1', 'Read more ⇒ Site', 'Source/image:', base.url]],
    ['an object as url', {...base, url: {href: 'https://example.com/'}}, ['url'], ['Card', 'p1']],
  ];
  for (const [name, data, paths, texts] of warnings) {
    it(`${name}: digest-warning at ${paths.join(', ')}, the rest renders`, async () => {
      const {el, log, logged} = await observe(data, {lang: 'en'});
      expect(log.of('digest-warning').map((e) => e.detail.path)).to.deep.equal(paths);
      const w = log.of('digest-warning')[0];
      expect(w.bubbles && w.composed).to.be.true;
      expect(log.of('digest-error').length).to.equal(0);
      expect(log.of('digest-load').length).to.equal(1);
      expect(logged.error.length).to.equal(0);
      expect(logged.warn.length).to.equal(paths.length);
      expect(logged.warn[0]).to.include(`<source-card> ${paths[0]}`);
      expect(deepText(el)).to.deep.equal(texts);
      await expect(el).to.be.accessible();
    });
  }

  it('a bad image size: warning, the 160×90 default box', async () => {
    const {el, log} = await observe(
      {...base, image: {src: '/test/fixtures/img.svg', alt: 'x', width: -5, height: 'tall'}},
      {lang: 'en'},
    );
    expect(log.of('digest-warning').map((e) => e.detail.path)).to.deep.equal(['image.width', 'image.height']);
    const img = $(el, 'img')!;
    expect(img.getAttribute('width')).to.equal('160');
    expect(img.getAttribute('height')).to.equal('90');
  });

  it('an image without alt: warning, empty alt', async () => {
    const {el, log} = await observe({...base, image: {src: '/test/fixtures/img.svg'}}, {lang: 'en'});
    expect(log.of('digest-warning').map((e) => e.detail.path)).to.deep.equal(['image.alt']);
    expect($(el, 'img')!.getAttribute('alt')).to.equal('');
    await expect(el).to.be.accessible();
  });

  for (const bad of BAD_URLS) {
    it(`url ${JSON.stringify(bad)}: no href reaches the DOM, warning at "url"`, async () => {
      const {el, log, logged} = await observe({...base, url: bad}, {lang: 'en'});
      expect(log.of('digest-warning').map((e) => e.detail.path)).to.deep.equal(['url']);
      expect(log.of('digest-warning')[0].detail.message).to.include('http(s)');
      expect(logged.warn.length).to.equal(1);
      expect(logged.warn[0]).to.include('url');
      expect(deepAll(el, '[href], [src]').length).to.equal(0);
      expect(shadow(el).innerHTML.toLowerCase()).not.to.match(/javascript|data:/);
      expect(deepText(el)).to.deep.equal(['Card', 'p1']);
      await expect(el).to.be.accessible();
    });

    it(`image.src ${JSON.stringify(bad)}: no src reaches the DOM, warning at "image.src"`, async () => {
      const {el, log} = await observe({...base, image: {src: bad, alt: 'x'}}, {lang: 'en'});
      expect(log.of('digest-warning').map((e) => e.detail.path)).to.deep.equal(['image.src']);
      expect($(el, 'img') === null).to.be.true;
      expect(deepAll(el, '[src]').length).to.equal(0);
      expect(deepAll<HTMLAnchorElement>(el, '[href]').every((a) => a.getAttribute('href') === base.url)).to.be.true;
    });
  }
});
