import {expect, fixture, html} from '@open-wc/testing';
import {nothing} from 'lit';
import type {Article, CommentBlock} from '../src/format/types.js';
import type {ReaderComment} from '../src/reader-comment/reader-comment.js';
import {capture, deepAll, deepText, expectErrorState, loadJson, mountIn, noUncaught, observing, settled, until} from './helpers.js';

const shadow = (el: Element) => el.shadowRoot!;
const $ = <E extends Element = HTMLElement>(el: Element, sel: string) => shadow(el).querySelector<E>(sel);

interface Mount {
  lang?: string;
  side?: string;
  dir?: string;
  width?: string;
}

/** Renders `<reader-comment .data=${data}>` in a 480 px wide `<div>` with the given lang (none when absent). */
const mount = (data: unknown, {side, width = '480px', ...place}: Mount = {}) =>
  mountIn<ReaderComment>(html`<reader-comment .data=${data} side=${side ?? nothing}></reader-comment>`, {width, ...place});

/** Mounts with events and console captured, failing on any uncaught error. */
const observe = (data: unknown, opts: Mount = {}) => observing(() => mount(data, opts));


/** Which side the avatar is drawn on, from the layout (physical, so `dir` matters). */
function avatarSide(el: Element): 'left' | 'right' {
  const avatar = $(el, '[part=avatar]')!.getBoundingClientRect();
  const bubble = $(el, '[part=bubble]')!.getBoundingClientRect();
  return avatar.left < bubble.left ? 'left' : 'right';
}

const sideClass = (el: Element) => $(el, 'figure[part=comment]')!.className;

/**
 * Lets the lazy avatar image load now: a test file may run in a background tab, where lazy
 * images never start (the element's lazy attribute itself is checked too).
 */
const startLoading = (el: Element) => {
  const img = $<HTMLImageElement>(el, '[part=avatar] img')!;
  expect(img.getAttribute('loading')).to.equal('lazy');
  img.loading = 'eager';
};

const BAD_URLS = ['javascript:alert(1)', 'data:image/svg+xml,<svg/>', ' JaVaScRiPt:alert(1)', 'java\tscript:alert(1)'];
const AVATAR = '/test/fixtures/avatar.svg';
const MISSING = '/test/fixtures/no-such-avatar.svg';

let seedComments: CommentBlock[];
let enComments: CommentBlock[];
before(async () => {
  const blocks = (a: Article) =>
    a.sections.flatMap((s) => s.blocks).filter((b): b is CommentBlock => b.type === 'comment');
  seedComments = blocks(await loadJson<Article>('seed.json'));
  enComments = blocks(await loadJson<Article>('en-article.json'));
  expect(seedComments.length).to.equal(2);
});

describe('<reader-comment> with the seed comments', () => {
  for (const i of [0, 1]) {
    it(`seed comment ${i + 1}: renders avatar then text, and passes axe`, async () => {
      const c = seedComments[i];
      const {el, log, logged} = await observe(c, {lang: 'ja'});
      expect(deepText(el)).to.deep.equal([c.avatar, c.text]);
      expect(log.of('digest-load').length).to.equal(1);
      expect(log.of('digest-load')[0].target === el).to.be.true;
      expect(log.of('digest-warning').length + log.of('digest-error').length).to.equal(0);
      expect(logged.error.length + logged.warn.length).to.equal(0);
      await expect(el).to.be.accessible();
    });
  }

  it('is a figure with the avatar (hidden from AT), a blockquote, and no caption without a name', async () => {
    const c = seedComments[0];
    const el = await mount(c, {lang: 'ja'});
    const figure = $(el, 'figure[part=comment]')!;
    const kids = [...figure.children].map((k) => `${k.localName}[${k.getAttribute('part')}]`);
    expect(kids).to.deep.equal(['span[avatar]', 'blockquote[bubble]']);
    const avatar = $(el, '[part=avatar]')!;
    expect(avatar.getAttribute('aria-hidden')).to.equal('true');
    expect(avatar.textContent).to.equal('🧑‍💼');
    expect($(el, 'img') === null).to.be.true;
    expect($(el, 'blockquote')!.textContent).to.equal(c.text);
    expect($(el, 'figcaption') === null).to.be.true;
  });

  it('seed comment 1 sits on the start side, seed comment 2 (side "end") on the end side', async () => {
    const a = await mount(seedComments[0], {lang: 'ja'});
    expect(sideClass(a)).to.equal('start');
    expect(avatarSide(a)).to.equal('left');
    const b = await mount(seedComments[1], {lang: 'ja'});
    expect(sideClass(b)).to.equal('end');
    expect(avatarSide(b)).to.equal('right');
    await expect(b).to.be.accessible();
  });
});

describe('<reader-comment> side', () => {
  // [data side, side attribute, expected]
  const table: [string | undefined, string | undefined, 'start' | 'end'][] = [
    [undefined, undefined, 'start'],
    ['start', undefined, 'start'],
    ['end', undefined, 'end'],
    [undefined, 'end', 'end'],
    ['start', 'end', 'end'],
    ['end', 'start', 'start'],
  ];
  for (const [dataSide, attr, expected] of table) {
    it(`data side ${dataSide ?? '(none)'} + attribute ${attr ?? '(none)'} → ${expected}`, async () => {
      const el = await mount({text: 'Hello', avatar: '🙂', ...(dataSide ? {side: dataSide} : {})}, {lang: 'en', side: attr});
      expect(sideClass(el)).to.equal(expected);
      expect(avatarSide(el)).to.equal(expected === 'end' ? 'right' : 'left');
      await expect(el).to.be.accessible();
    });
  }

  it('follows the side property and attribute when they change', async () => {
    const el = await mount({text: 'Hello', side: 'end'}, {lang: 'en'});
    expect(sideClass(el)).to.equal('end');
    el.side = 'start';
    await el.updateComplete;
    expect(sideClass(el)).to.equal('start');
    expect(el.getAttribute('side')).to.equal('start');
    el.setAttribute('side', 'end');
    await el.updateComplete;
    expect(sideClass(el)).to.equal('end');
    el.removeAttribute('side');
    await el.updateComplete;
    expect(sideClass(el)).to.equal('end'); // back to the data's side
  });

  it('puts the end side on the left in a right-to-left page', async () => {
    const end = await mount({text: 'مرحبا', side: 'end'}, {lang: 'ar', dir: 'rtl'});
    expect(avatarSide(end)).to.equal('left');
    const start = await mount({text: 'مرحبا'}, {lang: 'ar', dir: 'rtl'});
    expect(avatarSide(start)).to.equal('right');
  });

  it('a side other than start/end: warning, start side', async () => {
    const {el, log} = await observe({text: 'Hello', side: 'left'}, {lang: 'en'});
    expect(log.of('digest-warning').map((e) => e.detail.path)).to.deep.equal(['side']);
    expect(sideClass(el)).to.equal('start');
  });
});

describe('<reader-comment> avatar and caption', () => {
  it('shows an image avatar from a page-relative URL', async () => {
    const {el, log} = await observe({text: 'Hi', name: 'Tomasz', avatar: AVATAR}, {lang: 'en'});
    const img = $<HTMLImageElement>(el, '[part=avatar] img')!;
    expect(img.getAttribute('src')).to.equal(AVATAR);
    expect(img.getAttribute('alt')).to.equal('');
    expect(img.getAttribute('width')).to.equal('48');
    expect(img.getAttribute('height')).to.equal('48');
    startLoading(el);
    await until(() => img.complete && img.naturalWidth > 0, 'the avatar to load');
    expect(log.of('digest-warning').length).to.equal(0);
    expect(deepText(el)).to.deep.equal(['Hi', 'Tomasz']);
    await expect(el).to.be.accessible();
  });

  it('shows a neutral 👤 when there is no avatar', async () => {
    const el = await mount({text: 'Hi'}, {lang: 'en'});
    expect($(el, '[part=avatar]')!.textContent).to.equal('👤');
    expect(deepText(el)).to.deep.equal(['👤', 'Hi']);
    await expect(el).to.be.accessible();
  });

  it('falls back to 👤 when the avatar image fails to load', async () => {
    const {el, logged} = await observe({text: 'Hi', avatar: MISSING}, {lang: 'en'});
    expect(logged.error.length).to.equal(0);
    startLoading(el);
    await noUncaught(() => until(() => $(el, '[part=avatar] img') === null, 'the avatar fallback'));
    await el.updateComplete;
    expect($(el, '[part=avatar]')!.textContent).to.equal('👤');
    await expect(el).to.be.accessible();
  });

  it('tries a new avatar image after a failed one', async () => {
    const el = await mount({text: 'Hi', avatar: MISSING}, {lang: 'en'});
    startLoading(el);
    await until(() => $(el, '[part=avatar] img') === null, 'the avatar fallback');
    el.data = {type: 'comment', text: 'Hi', avatar: AVATAR};
    await settled(el);
    expect($(el, '[part=avatar] img')!.getAttribute('src')).to.equal(AVATAR);
  });

  const emoji = ['🧑‍💼', '👩', '👩‍🔧', '🇯🇵', '👍🏽'];
  for (const e of emoji) {
    it(`shows the one-emoji avatar ${e} as text`, async () => {
      const el = await mount({text: 'Hi', avatar: e}, {lang: 'en'});
      expect($(el, '[part=avatar]')!.textContent).to.equal(e);
      expect($(el, 'img') === null).to.be.true;
    });
  }

  const captions: [string, Partial<CommentBlock>, string | null, string | null][] = [
    ['name and persona', {name: 'Tomasz', persona: 'Homeowner, Gdańsk'}, 'Tomasz · Homeowner, Gdańsk', 'Homeowner, Gdańsk'],
    ['name only', {name: '山田'}, '山田', null],
    ['persona only', {persona: 'Installer'}, 'Installer', 'Installer'],
    ['neither', {}, null, null],
  ];
  for (const [name, fields, caption, persona] of captions) {
    it(`caption with ${name}`, async () => {
      const el = await mount({text: 'Hi', avatar: '🙂', ...fields}, {lang: 'en'});
      const fig = $(el, 'figcaption[part=name]');
      expect(fig ? fig.textContent!.trim() : null).to.equal(caption);
      expect($(el, '[part=persona]')?.textContent ?? null).to.equal(persona);
      await expect(el).to.be.accessible();
    });
  }

  it('renders every Latin fixture comment: avatar, text, name · persona', async () => {
    for (const c of enComments) {
      const el = await mount(c, {lang: 'en'});
      const caption = [c.name, c.persona].filter(Boolean).join(' · ');
      const image = c.avatar!.startsWith('/');
      expect(deepText(el)).to.deep.equal([
        ...(image ? [] : [c.avatar]),
        c.text,
        ...(c.name ? [c.name] : []),
        ...(c.name && c.persona ? ['·'] : []),
        ...(c.persona ? [c.persona] : []),
      ]);
      expect(($(el, '[part=avatar] img')?.getAttribute('src') ?? null) === (image ? c.avatar : null)).to.be.true;
      expect($(el, 'blockquote')!.textContent).to.equal(c.text);
      expect($(el, 'figcaption')!.textContent!.replace(/\s+/g, ' ').trim()).to.equal(caption);
      expect(sideClass(el)).to.equal(c.side ?? 'start');
      await expect(el).to.be.accessible();
    }
  });

  it('keeps line breaks inside the text', async () => {
    const c = enComments.find((x) => x.text.includes('\n'))!;
    const el = await mount(c, {lang: 'en'});
    const bubble = $(el, 'blockquote')!;
    expect(bubble.textContent).to.equal(c.text);
    expect(getComputedStyle(bubble).whiteSpace).to.be.oneOf(['pre-line', 'pre-wrap', 'break-spaces']);
  });
});

describe('<reader-comment> input paths', () => {
  const data = {text: 'From somewhere', avatar: '🙂'};
  const textOf = (el: Element) => $(el, 'blockquote')!.textContent;

  it('reads the data attribute as JSON', async () => {
    const el = await fixture<ReaderComment>(html`<reader-comment data=${JSON.stringify(data)}></reader-comment>`);
    await settled(el);
    expect(textOf(el)).to.equal('From somewhere');
    await expect(el).to.be.accessible();
  });

  it('takes the data property as an object', async () => {
    const el = await fixture<ReaderComment>(html`<reader-comment .data=${data}></reader-comment>`);
    await settled(el);
    expect(textOf(el)).to.equal('From somewhere');
  });

  it('reads a child <script type="application/json">', async () => {
    const el = await fixture<ReaderComment>(html`<reader-comment
      ><script type="application/json">
        {"text": "From script", "side": "end"}
      </script></reader-comment
    >`);
    await settled(el);
    expect(textOf(el)).to.equal('From script');
    expect(sideClass(el)).to.equal('end');
    await expect(el).to.be.accessible();
  });

  it('gives data precedence over the child script', async () => {
    const el = await fixture<ReaderComment>(html`<reader-comment data=${JSON.stringify({text: 'Data wins'})}
      ><script type="application/json">
        {"text": "Script"}
      </script></reader-comment
    >`);
    await settled(el);
    expect(textOf(el)).to.equal('Data wins');
    el.removeAttribute('data');
    await settled(el);
    expect(textOf(el)).to.equal('Script');
  });

  it('reads the same comment with and without "type"', async () => {
    const c = seedComments[1];
    const {type: _type, ...untyped} = c;
    const a = await mount(c, {lang: 'ja'});
    const b = await mount(untyped, {lang: 'ja'});
    expect(c.type).to.equal('comment');
    expect(deepText(a)).to.deep.equal(deepText(b));
    expect(sideClass(b)).to.equal('end');
  });

  it('re-renders and fires digest-load once per new data', async () => {
    const log = capture(document, 'digest-load');
    const el = await mount(data, {lang: 'en'});
    el.data = {type: 'comment', text: 'Second'};
    await settled(el);
    log.stop();
    expect(textOf(el)).to.equal('Second');
    expect(log.of('digest-load').length).to.equal(2);
  });
});

describe('<reader-comment> minimal and long data', () => {
  it('renders minimal data: text alone', async () => {
    const {el, log} = await observe({text: 'Only text'}, {lang: 'en'});
    expect(deepText(el)).to.deep.equal(['👤', 'Only text']);
    expect(sideClass(el)).to.equal('start');
    expect(log.of('digest-load').length).to.equal(1);
    expect(log.of('digest-warning').length).to.equal(0);
    await expect(el).to.be.accessible();
  });

  it('renders very long Latin and CJK text without overflowing a narrow box', async () => {
    const text = 'Pneumonoultramicroscopicsilicovolcanoconiosis'.repeat(7) + '\n' + '長いコメント。'.repeat(60);
    const {el} = await observe({text, name: 'N'.repeat(120), persona: 'ペルソナ'.repeat(40), side: 'end'}, {lang: 'ja', width: '240px'});
    expect($(el, 'blockquote')!.textContent).to.equal(text);
    const fig = $(el, 'figure')!;
    expect(fig.scrollWidth).to.be.at.most(fig.clientWidth + 1);
    expect(el.getBoundingClientRect().width).to.be.at.most(241);
    await expect(el).to.be.accessible();
  });

  it('shows markup in text as text', async () => {
    const el = await mount({text: '<img src=x onerror=alert(1)>', name: '<b>n</b>'}, {lang: 'en'});
    expect($(el, 'blockquote')!.textContent).to.equal('<img src=x onerror=alert(1)>');
    expect(deepAll(el, 'img, b').length).to.equal(0);
  });
});

describe('<reader-comment> bad input', () => {
  const errors: [string, unknown, string, string][] = [
    ['unparseable JSON', '{"text": "x"', '', 'invalid JSON'],
    ['an array', '[{"text": "x"}]', '', 'should be an object'],
    ['a JSON number', '12', '', 'should be an object'],
    ['a boolean (property)', true, '', 'should be an object'],
    ['no text', {name: 'N', avatar: '🙂'}, 'text', 'is required'],
    ['an empty text', {text: ''}, 'text', 'is empty'],
    ['an object as text', {text: {ja: 'x'}}, 'text', 'should be a string'],
  ];
  for (const [name, data, path, message] of errors) {
    it(`${name}: error state, one digest-error${path ? ` at "${path}"` : ''}, one console error, no throw`, async () => {
      const {el, ...seen} = await observe(data);
      await expectErrorState(el, seen, {path, message, content: 'figure'});
    });
  }

  it('localizes the error state inside lang="ja"', async () => {
    const {el, logged} = await observe('not json', {lang: 'ja'});
    expect(logged.error.length).to.equal(1);
    const box = $(el, '[part=error]')!;
    expect(box.getAttribute('role')).to.equal('alert');
    expect(box.textContent!.trim()).to.equal('この内容を表示できませんでした。');
    await expect(el).to.be.accessible();
  });

  it('shows the error state on the end side too, accessibly', async () => {
    const {el} = await observe({side: 'end'}, {side: 'end'});
    expect($(el, '[part=error]')!.getAttribute('role')).to.equal('alert');
    await expect(el).to.be.accessible();
  });

  it('recovers when good data replaces bad', async () => {
    const {el} = await observe('{');
    el.data = {type: 'comment', text: 'Good now'};
    await settled(el);
    expect($(el, '[part=error]') === null).to.be.true;
    expect($(el, 'blockquote')!.textContent).to.equal('Good now');
  });

  // [name, data, warned paths, texts then shown]
  const warnings: [string, Record<string, unknown>, string[], string[]][] = [
    ['a number as text', {text: 404, avatar: '🙂'}, ['text'], ['🙂', '404']],
    ['a number as name', {text: 'Hi', avatar: '🙂', name: 7}, ['name'], ['🙂', 'Hi', '7']],
    ['an object as name', {text: 'Hi', avatar: '🙂', name: {first: 'A'}}, ['name'], ['🙂', 'Hi']],
    ['an array as persona', {text: 'Hi', avatar: '🙂', persona: ['x']}, ['persona'], ['🙂', 'Hi']],
    ['an object as avatar', {text: 'Hi', avatar: {src: '/a.png'}}, ['avatar'], ['👤', 'Hi']],
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
      expect(logged.warn[0]).to.include(`<reader-comment> ${paths[0]}`);
      expect(deepText(el)).to.deep.equal(texts);
      await expect(el).to.be.accessible();
    });
  }

  for (const bad of BAD_URLS) {
    it(`avatar ${JSON.stringify(bad)}: no src reaches the DOM, 👤, warning at "avatar"`, async () => {
      const {el, log, logged} = await observe({text: 'Hi', avatar: bad}, {lang: 'en'});
      expect(log.of('digest-warning').map((e) => e.detail.path)).to.deep.equal(['avatar']);
      expect(log.of('digest-warning')[0].detail.message).to.include('http(s)');
      expect(logged.warn.length).to.equal(1);
      expect(logged.warn[0]).to.include('avatar');
      expect(deepAll(el, '[src], [href]').length).to.equal(0);
      expect(shadow(el).innerHTML.toLowerCase()).not.to.match(/javascript|data:/);
      expect(deepText(el)).to.deep.equal(['👤', 'Hi']);
      await expect(el).to.be.accessible();
    });
  }
});
