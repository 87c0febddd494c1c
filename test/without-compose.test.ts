/**
 * Without `digest-elements/compose` (the slim entries, `digest-elements/define` and the script-tag
 * `digest-elements.js`), the elements read no markup: composition by hand renders nothing, and
 * `<digest-article>` checks no `section-<id>` slot. `data`, a child script and hand-placed
 * children in `<digest-article>`'s slots work as ever.
 */
import {expect, fixture, html} from '@open-wc/testing';
import type {DigestArticle} from '../src/digest-article/digest-article.js';
import type {ReaderComment} from '../src/reader-comment/reader-comment.js';
import type {SourceCard} from '../src/source-card/source-card.js';
import type {TakeawayList} from '../src/takeaway-list/takeaway-list.js';
import {observing, settled, state} from './utils.js';

describe('without digest-elements/compose', () => {
  it('the small elements read no attributes or children: they render nothing, and say nothing', async () => {
    const {el, log, logged} = await observing(() =>
      fixture<HTMLDivElement>(html`<div>
        <source-card headline="A source" url="https://example.com/a" site-name="Example"><li>A point</li></source-card>
        <takeaway-list heading="Learn"><li>An item</li></takeaway-list>
        <reader-comment name="Aiko" avatar="🐱">A comment</reader-comment>
      </div>`),
    );
    const els = [...el.children] as (SourceCard | TakeawayList | ReaderComment)[];
    await Promise.all(els.map(settled));
    for (const e of els) {
      expect(state(e), e.localName).to.equal('empty');
      expect(e.shadowRoot!.textContent!.trim(), e.localName).to.equal('');
      expect((e.constructor as {markup?: unknown}).markup, e.localName).to.equal(undefined);
    }
    expect(log.events.length).to.equal(0);
    expect(logged.warn.concat(logged.error)).to.deep.equal([]);
  });

  it('the same elements with data, or a child script, render', async () => {
    const el = await fixture<HTMLDivElement>(html`<div>
      <source-card headline="Ignored" .data=${{title: 'From data', url: 'https://example.com/a'}}></source-card>
      <reader-comment><script type="application/json">{"text": "From the script"}</script></reader-comment>
    </div>`);
    const [card, comment] = [...el.children] as [SourceCard, ReaderComment];
    await Promise.all([settled(card), settled(comment)]);
    expect(card.shadowRoot!.querySelector('[part=title]')!.textContent).to.equal('From data');
    expect(comment.shadowRoot!.querySelector('blockquote')!.textContent).to.equal('From the script');
  });

  it('<digest-article> checks no section-<id> slot, and still lays out hand-placed children', async () => {
    const {el, log} = await observing(() =>
      fixture<DigestArticle>(html`<digest-article .data=${{title: 'T', sections: [{id: 'a', heading: 'A', blocks: []}]}}>
        <p slot="section-nowhere">Nowhere</p>
        <p slot="footer">Footer</p>
      </digest-article>`),
    );
    await settled(el);
    expect(log.of('digest-warning').length).to.equal(0);
    const footer = el.shadowRoot!.querySelector<HTMLSlotElement>('slot[name=footer]')!;
    expect(footer.assignedElements().map((e) => e.textContent)).to.deep.equal(['Footer']);
    await expect(el).to.be.accessible();
  });
});
