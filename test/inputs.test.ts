/**
 * The inputs every element shares, as one table over the four tags: the `data` attribute (JSON
 * text), the `data` property (an object), a child `<script type="application/json">`, their
 * precedence, an optional `type` field, one `digest-load` per new data, and the error state in the
 * language of the nearest `lang`. Inputs only some elements have (`src`, a script edited after
 * connection, a property set before the upgrade) are tested with those elements.
 */
import {expect, fixture} from '@open-wc/testing';
import {html as staticHtml, unsafeStatic} from 'lit/static-html.js';
import {capture, deepText, mountIn, observing, settled} from './utils.js';

type Data = Record<string, unknown>;
type Digest = HTMLElement & {data?: unknown};
interface Row {
  tag: string;
  /** Valid data whose `key` field the element shows (`shown`). */
  data: Data;
  key: string;
  shown: (root: ShadowRoot) => string | null | undefined;
  /** The `type` an item of this kind may carry (ignored where it means nothing). */
  type: string;
  /** More that a child script's data must show (its JSON is `{...data, [key]: 'From script', ...script}`). */
  script?: [Data, (root: ShadowRoot) => void];
  /** Bad data, and what its error state must also name. */
  bad: unknown;
  badNames?: string;
}

const $ = (root: ShadowRoot, selector: string) => root.querySelector(selector);
const ROWS: Row[] = [
  {tag: 'digest-article', data: {title: 'x'}, key: 'title', shown: (r) => $(r, '[part=title]')?.textContent, type: 'article', bad: '{'},
  {
    tag: 'source-card',
    data: {title: 'x', url: 'https://example.com/a', siteName: 'Example'},
    key: 'title',
    shown: (r) => $(r, '[part=title]')?.textContent,
    type: 'source',
    script: [{url: 'https://example.com/s'}, (r) => expect($(r, 'a[part=title-link]')!.getAttribute('href')).to.equal('https://example.com/s')],
    bad: '{oops',
  },
  {
    tag: 'takeaway-list',
    data: {heading: 'x', items: ['a', 'b']},
    key: 'heading',
    shown: (r) => $(r, '[part=heading]')?.textContent?.replace($(r, '[part=icon]')?.textContent ?? '', ''),
    type: 'takeaways',
    script: [{items: ['s']}, (r) => expect([...r.querySelectorAll('li[part=item] span:not([part])')].map((s) => s.textContent)).to.deep.equal(['s'])],
    bad: {heading: '見出し'},
    badNames: 'items',
  },
  {
    tag: 'reader-comment',
    data: {text: 'x', avatar: '🙂'},
    key: 'text',
    shown: (r) => $(r, 'blockquote')?.textContent,
    type: 'comment',
    script: [{side: 'end'}, (r) => expect($(r, 'figure[part=comment]')!.className).to.equal('end')],
    bad: 'not json',
  },
];

for (const row of ROWS) {
  const {tag, key, shown} = row;
  const t = unsafeStatic(tag);
  const data = (value: string, more: Data = {}) => ({...row.data, [key]: value, ...more});
  const mount = async (template: ReturnType<typeof staticHtml>) => {
    const el = await fixture<Digest>(template);
    await settled(el);
    return el;
  };
  const scriptOf = (value: Data) => unsafeStatic(`<script type="application/json">${JSON.stringify(value)}</script>`);

  describe(`<${tag}> input paths`, () => {
    it('reads the data attribute as JSON', async () => {
      const el = await mount(staticHtml`<${t} data=${JSON.stringify(data('From attribute'))}></${t}>`);
      expect(shown(el.shadowRoot!)).to.equal('From attribute');
      await expect(el).to.be.accessible();
    });

    it('takes the data property as an object', async () => {
      const el = await mount(staticHtml`<${t} .data=${data('From property')}></${t}>`);
      expect(shown(el.shadowRoot!)).to.equal('From property');
    });

    it('reads a child <script type="application/json">', async () => {
      const [more, check] = row.script ?? [{}, () => undefined];
      const el = await mount(staticHtml`<${t}>${scriptOf(data('From script', more))}</${t}>`);
      expect(shown(el.shadowRoot!)).to.equal('From script');
      check(el.shadowRoot!);
      await expect(el).to.be.accessible();
    });

    it('gives data precedence over the child script', async () => {
      const el = await mount(staticHtml`<${t} data=${JSON.stringify(data('Data wins'))}>${scriptOf(data('Script'))}</${t}>`);
      expect(shown(el.shadowRoot!)).to.equal('Data wins');
      el.removeAttribute('data');
      await settled(el);
      expect(shown(el.shadowRoot!)).to.equal('Script');
    });

    it(`reads the same data with and without "type": "${row.type}"`, async () => {
      const a = await mountIn(staticHtml`<${t} .data=${data('Typed', {type: row.type})}></${t}>`, {lang: 'ja'});
      const b = await mountIn(staticHtml`<${t} .data=${data('Typed')}></${t}>`, {lang: 'ja'});
      expect(deepText(a)).to.deep.equal(deepText(b));
      expect(shown(b.shadowRoot!)).to.equal('Typed');
    });

    it('re-renders and fires digest-load once per new data', async () => {
      const log = capture(document, 'digest-load');
      const el = await mountIn<Digest>(staticHtml`<${t} .data=${data('First')}></${t}>`, {lang: 'en'});
      el.data = data('Second');
      await settled(el);
      log.stop();
      expect(shown(el.shadowRoot!)).to.equal('Second');
      expect(log.of('digest-load').length).to.equal(2);
    });

    it('localizes the error state from the nearest lang (ja)', async () => {
      const {el, logged} = await observing(() => mountIn<Digest>(staticHtml`<${t} .data=${row.bad}></${t}>`, {lang: 'ja'}));
      expect(logged.error.length).to.equal(1);
      const box = $(el.shadowRoot!, '[part=error]')!;
      expect(box.getAttribute('role')).to.equal('alert');
      // Readers get the sentence only; the detail (the field path) is for developers.
      expect(box.textContent!.trim()).to.equal('この内容を表示できませんでした。');
      if (row.badNames) expect(box.textContent).to.not.include(row.badNames);
      await expect(el).to.be.accessible();
    });
  });
}
