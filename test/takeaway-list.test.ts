import {expect, fixture, html} from '@open-wc/testing';
import {nothing} from 'lit';
import type {Article, Takeaways} from '../src/format/types.js';
import type {TakeawayList} from '../src/takeaway-list/takeaway-list.js';
import {capture, deepAll, deepText, expectErrorState, loadJson, mountIn, observing, settled} from './helpers.js';

const shadow = (el: Element) => el.shadowRoot!;
const $ = <E extends Element = HTMLElement>(el: Element, sel: string) => shadow(el).querySelector<E>(sel);
const $$ = (el: Element, sel: string) => [...shadow(el).querySelectorAll<HTMLElement>(sel)];

interface Mount {
  lang?: string;
  level?: string;
  width?: string;
}

/** Renders `<takeaway-list .data=${data}>` inside a `<div>` with the given lang (none when absent). */
const mount = (data: unknown, {level, ...place}: Mount = {}) =>
  mountIn<TakeawayList>(html`<takeaway-list .data=${data} heading-level=${level ?? nothing}></takeaway-list>`, place);

/** Mounts with events and console captured, failing on any uncaught error. */
const observe = (data: unknown, opts: Mount = {}) => observing(() => mount(data, opts));

/** The item texts (without their icons) and the item icons. */
const itemTexts = (el: Element) => $$(el, 'li[part=item]').map((li) => li.querySelector('span:not([part])')!.textContent);
const itemIcons = (el: Element) => $$(el, 'li[part=item]').map((li) => li.querySelector('[part=item-icon]')?.textContent ?? null);

let seed: Takeaways;
let seedTexts: string[];
before(async () => {
  seed = (await loadJson<Article>('seed.json')).takeaways!;
  seedTexts = seed.items.map((i) => (typeof i === 'string' ? i : i.text));
  expect(seedTexts.length).to.equal(3);
});

describe('<takeaway-list> with the seed takeaways', () => {
  it('renders every text in order (ja) and passes axe', async () => {
    const {el, log, logged} = await observe(seed, {lang: 'ja'});
    expect(deepText(el)).to.deep.equal(['📘', 'この記事で分かる事!', ...seedTexts.flatMap((t) => ['💡', t])]);
    expect(log.of('digest-load').length).to.equal(1);
    expect(log.of('digest-load')[0].target === el).to.be.true;
    expect(log.of('digest-warning').length + log.of('digest-error').length).to.equal(0);
    expect(logged.error.length + logged.warn.length).to.equal(0);
    await expect(el).to.be.accessible();
  });

  it('is a level-2 heading with its icon, then a <ul> of <li>', async () => {
    const el = await mount(seed, {lang: 'ja'});
    const h = $(el, '[part=heading]')!;
    expect(h.localName).to.equal('h2');
    expect(h.textContent).to.equal('📘 この記事で分かる事!');
    expect(h.querySelector('[part=icon]')!.textContent!.trim()).to.equal('📘');
    const list = $(el, '[part=list]')!;
    expect(list.localName).to.equal('ul');
    expect([...list.children].every((c) => c.localName === 'li' && c.getAttribute('part') === 'item')).to.be.true;
    expect(itemTexts(el)).to.deep.equal(seedTexts);
    expect(itemIcons(el)).to.deep.equal(['💡', '💡', '💡']);
  });

  it('hides every icon from assistive technology', async () => {
    const el = await mount(seed, {lang: 'ja'});
    const icons = $$(el, '[part=icon], [part=item-icon]');
    expect(icons.length).to.equal(4);
    expect(icons.every((i) => i.getAttribute('aria-hidden') === 'true')).to.be.true;
  });

  const levels: [string, string][] = [
    ['1', 'h1'],
    ['2', 'h2'],
    ['3', 'h3'],
    ['4', 'h4'],
    ['5', 'h5'],
    ['6', 'h6'],
    ['8', 'h6'],
  ];
  for (const [level, tag] of levels) {
    it(`heading-level="${level}" gives an <${tag}>`, async () => {
      const el = await mount(seed, {lang: 'ja', level});
      expect($(el, '[part=heading]')!.localName).to.equal(tag);
    });
  }

  it('follows a heading-level change', async () => {
    const el = await mount(seed, {lang: 'ja'});
    el.headingLevel = 4;
    await el.updateComplete;
    expect($(el, '[part=heading]')!.localName).to.equal('h4');
    await expect(el).to.be.accessible();
  });
});

describe('<takeaway-list> defaults, icons and languages', () => {
  const defaults: [string, string, string][] = [
    ['ja', '📘 この記事で分かる事!', 'ja'],
    ['ja-JP', '📘 この記事で分かる事!', 'ja'],
    ['en', '📘 What you’ll learn', 'en'],
    ['fr', '📘 What you’ll learn', 'other languages'],
  ];
  for (const [lang, shown, name] of defaults) {
    it(`without heading and icon: "${shown}" (${name})`, async () => {
      const {el, log} = await observe({items: ['One']}, {lang});
      expect($(el, '[part=heading]')!.textContent).to.equal(shown);
      expect(log.of('digest-warning').length).to.equal(0);
      await expect(el).to.be.accessible();
    });
  }

  it('renders string items with 💡, per-item icons and {text} items (Latin fixture)', async () => {
    const t = (await loadJson<Article>('en-article.json')).takeaways!;
    const el = await mount(t, {lang: 'en'});
    expect(deepText(el)).to.deep.equal([
      '🔎',
      'In this digest',
      '💡',
      'Why sales dropped after three years of rapid growth.',
      '💶',
      'How subsidy rules and energy prices shape a household\'s decision.',
      '💡',
      'What installers say is needed for a recovery.',
    ]);
    expect(itemIcons(el)).to.deep.equal(['💡', '💶', '💡']);
    expect($$(el, '[aria-hidden=true]').length).to.equal(4);
    await expect(el).to.be.accessible();
  });

  it('uses its own heading and icon when given', async () => {
    const el = await mount({heading: '要点', icon: '📝', items: [{text: 'a', icon: '✅'}, 'b']}, {lang: 'ja'});
    expect($(el, '[part=heading]')!.textContent).to.equal('📝 要点');
    expect(itemIcons(el)).to.deep.equal(['✅', '💡']);
  });

  it('keeps line breaks inside items and the heading', async () => {
    const el = await mount({heading: 'one\ntwo', items: ['three\nfour']}, {lang: 'en'});
    for (const node of [$(el, '[part=heading]')!, $(el, 'li span:not([part])')!]) {
      expect(node.textContent).to.include('\n');
      expect(getComputedStyle(node).whiteSpace, node.localName).to.be.oneOf(['pre-line', 'pre-wrap', 'break-spaces']);
    }
  });
});

describe('<takeaway-list> input paths', () => {
  const data = {heading: 'From somewhere', items: ['a', 'b']};
  const headingOf = (el: Element) => $(el, '[part=heading]')!.textContent;

  it('reads the data attribute as JSON', async () => {
    const el = await fixture<TakeawayList>(html`<takeaway-list data=${JSON.stringify(data)}></takeaway-list>`);
    await settled(el);
    expect(headingOf(el)).to.equal('📘 From somewhere');
    expect(itemTexts(el)).to.deep.equal(['a', 'b']);
    await expect(el).to.be.accessible();
  });

  it('takes the data property as an object', async () => {
    const el = await fixture<TakeawayList>(html`<takeaway-list .data=${data}></takeaway-list>`);
    await settled(el);
    expect(headingOf(el)).to.equal('📘 From somewhere');
  });

  it('reads a child <script type="application/json">', async () => {
    const el = await fixture<TakeawayList>(html`<takeaway-list
      ><script type="application/json">
        {"heading": "From script", "items": ["s"]}
      </script></takeaway-list
    >`);
    await settled(el);
    expect(headingOf(el)).to.equal('📘 From script');
    expect(itemTexts(el)).to.deep.equal(['s']);
    await expect(el).to.be.accessible();
  });

  it('gives data precedence over the child script', async () => {
    const el = await fixture<TakeawayList>(html`<takeaway-list data=${JSON.stringify({...data, heading: 'Data wins'})}
      ><script type="application/json">
        {"heading": "Script", "items": ["s"]}
      </script></takeaway-list
    >`);
    await settled(el);
    expect(headingOf(el)).to.equal('📘 Data wins');
    el.removeAttribute('data');
    await settled(el);
    expect(headingOf(el)).to.equal('📘 Script');
  });

  it('ignores an unexpected "type" field', async () => {
    const a = await mount({type: 'takeaways', ...seed}, {lang: 'ja'});
    const b = await mount(seed, {lang: 'ja'});
    expect(deepText(a)).to.deep.equal(deepText(b));
  });

  it('re-renders and fires digest-load once per new data', async () => {
    const log = capture(document, 'digest-load');
    const el = await mount(data, {lang: 'en'});
    el.data = {items: ['new']};
    await settled(el);
    log.stop();
    expect(itemTexts(el)).to.deep.equal(['new']);
    expect(log.of('digest-load').length).to.equal(2);
  });
});

describe('<takeaway-list> minimal and long data', () => {
  it('renders minimal data: one string item', async () => {
    const {el, log} = await observe({items: ['Only one']}, {lang: 'en'});
    expect(deepText(el)).to.deep.equal(['📘', 'What you’ll learn', '💡', 'Only one']);
    expect(log.of('digest-load').length).to.equal(1);
    await expect(el).to.be.accessible();
  });

  it('renders a 300-character heading and 40 items without overflowing a narrow box', async () => {
    const heading = 'Antidisestablishmentarianism'.repeat(11).slice(0, 300);
    expect(heading.length).to.equal(300);
    const items = Array.from({length: 40}, (_, i) => (i % 2 ? `Item ${i}: ${'とても長い項目。'.repeat(i % 7 + 1)}` : {text: `Item ${i}`, icon: '⭐'}));
    const {el, log} = await observe({heading, items}, {lang: 'ja', width: '260px'});
    expect($(el, '[part=heading]')!.textContent).to.equal(`📘 ${heading}`);
    expect(itemTexts(el)).to.deep.equal(items.map((i) => (typeof i === 'string' ? i : i.text)));
    const section = $(el, 'section')!;
    expect(section.scrollWidth).to.be.at.most(section.clientWidth + 1);
    expect(log.of('digest-load').length).to.equal(1);
    await expect(el).to.be.accessible();
  });

  it('shows markup in text as text', async () => {
    const el = await mount({heading: '<h1>x</h1>', items: ['<img src=x onerror=alert(1)>', {text: '<a href="javascript:1">y</a>'}]}, {lang: 'en'});
    expect(itemTexts(el)).to.deep.equal(['<img src=x onerror=alert(1)>', '<a href="javascript:1">y</a>']);
    expect($(el, '[part=heading]')!.textContent).to.equal('📘 <h1>x</h1>');
    expect(deepAll(el, 'img, a, h1').length).to.equal(0);
  });
});

describe('<takeaway-list> bad input', () => {
  const errors: [string, unknown, string, string][] = [
    ['unparseable JSON', '{"items": [', '', 'invalid JSON'],
    ['an array', '["a","b"]', '', 'should be an object'],
    ['null JSON', 'null', '', 'should be an object'],
    ['a number (property)', 7, '', 'should be an object'],
    ['no items', {heading: 'H'}, 'items', 'is required'],
    ['items as a string', {items: 'a, b'}, 'items', 'should be an array'],
    ['items as an object', {items: {text: 'a'}}, 'items', 'should be an array'],
  ];
  for (const [name, data, path, message] of errors) {
    it(`${name}: error state, one digest-error${path ? ` at "${path}"` : ''}, one console error, no throw`, async () => {
      const {el, ...seen} = await observe(data);
      await expectErrorState(el, seen, {path, message, content: 'section'});
    });
  }

  it('localizes the error state inside lang="ja"', async () => {
    const {el, logged} = await observe({heading: '見出し'}, {lang: 'ja'});
    expect(logged.error.length).to.equal(1);
    const box = $(el, '[part=error]')!;
    expect(box.getAttribute('role')).to.equal('alert');
    expect(box.textContent).to.include('この内容を表示できませんでした。');
    expect(box.textContent!.trim()).to.equal('この内容を表示できませんでした。');
    await expect(el).to.be.accessible();
  });

  it('recovers when good data replaces bad', async () => {
    const {el} = await observe('{');
    el.data = {items: ['Good now']};
    await settled(el);
    expect($(el, '[part=error]') === null).to.be.true;
    expect(itemTexts(el)).to.deep.equal(['Good now']);
  });

  // [name, data, warned paths, texts then shown]
  const warnings: [string, Record<string, unknown>, string[], string[]][] = [
    ['a number as heading', {heading: 2025, items: ['a']}, ['heading'], ['📘', '2025', '💡', 'a']],
    ['an object as heading', {heading: {ja: '見出し'}, items: ['a']}, ['heading'], ['📘', 'What you’ll learn', '💡', 'a']],
    ['a number as icon', {icon: 1, items: ['a']}, ['icon'], ['1', 'What you’ll learn', '💡', 'a']],
    ['a number among items', {items: ['a', 42]}, ['items[1]'], ['📘', 'What you’ll learn', '💡', 'a', '💡', '42']],
    ['a boolean among items', {items: [true, 'b']}, ['items[0]'], ['📘', 'What you’ll learn', '💡', 'true', '💡', 'b']],
    ['null among items', {items: [null, 'b']}, ['items[0]'], ['📘', 'What you’ll learn', '💡', 'b']],
    ['an item without text', {items: [{icon: '⭐'}, 'b']}, ['items[0].text'], ['📘', 'What you’ll learn', '💡', 'b']],
    ['an item with an object as text', {items: ['a', {text: {}}]}, ['items[1].text'], ['📘', 'What you’ll learn', '💡', 'a']],
    ['an item with a number as text', {items: [{text: 3}]}, ['items[0].text'], ['📘', 'What you’ll learn', '💡', '3']],
    ['an object as item icon', {items: [{text: 'a', icon: {}}]}, ['items[0].icon'], ['📘', 'What you’ll learn', '💡', 'a']],
    ['an empty item', {items: ['  ', 'b']}, ['items[0]'], ['📘', 'What you’ll learn', '💡', 'b']],
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
      expect(logged.warn[0]).to.include(`<takeaway-list> ${paths[0]}`);
      expect(deepText(el)).to.deep.equal(texts);
      await expect(el).to.be.accessible();
    });
  }
});
