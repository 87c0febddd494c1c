import {expect, fixture, html} from '@open-wc/testing';
import '../src/define-with-compose.js';
import type {DigestArticle} from '../src/digest-article/digest-article.js';
import type {SourceCard} from '../src/source-card/source-card.js';
import type {ReaderComment} from '../src/reader-comment/reader-comment.js';
import type {TakeawayList} from '../src/takeaway-list/takeaway-list.js';
import {capture, deepText, observing, quietConsole, settled, until} from './utils.js';

const shadow = (el: Element) => el.shadowRoot!;
const tick = () => new Promise((r) => setTimeout(r));

describe('composition: the small elements from attributes and children', () => {
  it('<source-card> reads title, url, published-at, site-name and <li> points', async () => {
    const el = await fixture<SourceCard>(html`<source-card
      headline="A source"
      url="https://example.com/a"
      published-at="2025-06-10"
      site-name="Example News"
      lang="en"
      ><li>First point</li>
      <li>Second point</li></source-card
    >`);
    await settled(el);
    const root = shadow(el);
    expect(root.querySelector<HTMLAnchorElement>('[part=title-link]')!.href).to.equal('https://example.com/a');
    expect(root.querySelector('time')!.dateTime).to.equal('2025-06-10');
    expect([...root.querySelectorAll('[part=points] li')].map((li) => li.textContent)).to.deep.equal([
      'First point',
      'Second point',
    ]);
    expect(root.querySelector('[part=read-more]')!.textContent).to.equal('Read more ⇒ Example News');
    await expect(el).to.be.accessible();
  });

  it('<source-card> follows attribute and child changes, and keeps URLs safe', async () => {
    const el = await fixture<SourceCard>(html`<source-card headline="Before" url="https://example.com/a"></source-card>`);
    el.setAttribute('headline', 'After');
    el.append(Object.assign(document.createElement('li'), {textContent: 'Added point'}));
    await tick();
    await settled(el);
    expect(shadow(el).querySelector('[part=title]')!.textContent).to.equal('After');
    expect(shadow(el).querySelector('[part=points] li')!.textContent).to.equal('Added point');
    const log = capture(el, 'digest-warning');
    await quietConsole(async () => {
      el.setAttribute('url', 'javascript:alert(1)');
      await tick();
      await settled(el);
    });
    log.stop();
    expect(log.of('digest-warning').map((e) => e.detail.path)).to.deep.equal(['url']);
    expect(shadow(el).querySelector('[href]')).to.equal(null);
  });

  it('<source-card> data wins over attributes', async () => {
    const el = await fixture<SourceCard>(html`<source-card
      headline="Attribute"
      .data=${{title: 'Data', url: 'https://example.com/d'}}
    ></source-card>`);
    await settled(el);
    expect(shadow(el).querySelector('[part=title]')!.textContent).to.equal('Data');
  });

  it('<reader-comment> reads its text from its content and fields from attributes', async () => {
    const el = await fixture<ReaderComment>(html`<reader-comment name="Aiko" persona="Student" avatar="🐱" side="end"
      >Line one
Line two</reader-comment
    >`);
    await settled(el);
    const root = shadow(el);
    expect(root.querySelector('[part=bubble]')!.textContent).to.equal('Line one\nLine two');
    expect(root.querySelector('[part=avatar]')!.textContent).to.equal('🐱');
    expect(root.querySelector('[part=name]')!.textContent!.trim()).to.equal('Aiko · Student');
    expect(root.querySelector('figure')!.classList.contains('end')).to.be.true;
    await expect(el).to.be.accessible();
  });

  it('<takeaway-list> reads heading and icon attributes and <li> items', async () => {
    const el = await fixture<TakeawayList>(html`<takeaway-list heading="Key points" icon="⭐"
      ><ul>
        <li>One</li>
        <li>Two</li>
      </ul></takeaway-list
    >`);
    await settled(el);
    expect(deepText(el)).to.deep.equal(['⭐', 'Key points', '💡', 'One', '💡', 'Two']);
    await expect(el).to.be.accessible();
  });
});

describe('composition reads text, not code', () => {
  it('<reader-comment> skips script, style, template and noscript at any depth', async () => {
    const el = await fixture<ReaderComment>(html`<reader-comment
      >Nice<style>
        b {
          color: red;
        }</style
      ><script>
        window.leaked = 1;
      </script><template>inert</template><noscript>no script</noscript> and <b
        >bold<style>
          i {
          }</style
        ><script>
          void 0;
        </script></b
      ></reader-comment
    >`);
    await settled(el);
    expect(shadow(el).querySelector('[part=bubble]')!.textContent).to.equal('Nice and bold');
    await expect(el).to.be.accessible();
  });

  it('<source-card> points skip code, and a nested <li> is a point of its own after its parent', async () => {
    const el = await fixture<SourceCard>(html`<source-card headline="Card" url="https://example.com/c"
      ><li>Point<script>
          alert(1);
        </script></li
      ><li>
        Parent
        <ul>
          <li>Child <style>u{}</style>one</li>
          <li>Child two</li>
        </ul>
        tail
      </li>
      <li><ul><li>Only nested</li></ul></li
      ><li><template><li>Inert</li></template>Last</li></source-card
    >`);
    await settled(el);
    const points = [...shadow(el).querySelectorAll('[part=points] li')].map((li) => li.textContent!.replace(/\s+/g, ' '));
    expect(points).to.deep.equal(['Point', 'Parent tail', 'Child one', 'Child two', 'Only nested', 'Last']);
    await expect(el).to.be.accessible();
  });

  it('<takeaway-list> items skip code and keep nested items apart', async () => {
    const el = await fixture<TakeawayList>(html`<takeaway-list heading="Learn"
      ><ol>
        <li>One<ol><li>One-a</li></ol></li>
        <li>Two<noscript>Enable JavaScript</noscript></li>
      </ol></takeaway-list
    >`);
    await settled(el);
    const items = [...shadow(el).querySelectorAll('[part=item] span:not([part])')].map((s) => s.textContent);
    expect(items).to.deep.equal(['One', 'One-a', 'Two']);
    await expect(el).to.be.accessible();
  });
});

describe('composition attributes keep their HTML meaning', () => {
  it('<source-card> takes its title from headline; title stays the host\'s own tooltip', async () => {
    const el = await fixture<SourceCard>(html`<source-card headline="Headline" url="https://example.com/a"></source-card>`);
    await settled(el);
    expect(shadow(el).querySelector('[part=title]')!.textContent).to.equal('Headline');
    expect(el.hasAttribute('title')).to.be.false;
    await expect(el).to.be.accessible();
    // The old spelling is not read: a card with only `title` has no data.
    const old = await fixture<SourceCard>(html`<source-card title="Tooltip" url="https://example.com/a"></source-card>`);
    await settled(old);
    expect(shadow(old).querySelector('article')).to.equal(null);
    expect(old.title).to.equal('Tooltip');
  });
});

describe('composition: section slots', () => {
  const data = {
    title: 'T',
    sections: [
      {id: 'one', heading: 'One', blocks: []},
      {id: 'one', heading: 'Again', blocks: []},
    ],
  };

  it('reports a repeated section id and a section-<id> slot that no section has', async () => {
    const {el, log, logged} = await observing(() =>
      fixture<DigestArticle>(html`<digest-article .data=${data}>
        <p slot="section-one">In one</p>
        <p slot="section-two">Nowhere</p>
        <p slot="section-two">Nowhere either</p>
        <p slot="section-three">Nor here</p>
      </digest-article>`),
    );
    const warnings = log.of('digest-warning').map((e) => e.detail.path);
    expect(warnings).to.deep.equal(['sections[1].id', 'slot="section-two"', 'slot="section-three"']);
    const lines = logged.warn.filter((l) => l.includes('slot='));
    expect(lines.length, 'one console line for the stray slots').to.equal(1);
    expect(lines[0]).to.include('slot="section-two"').and.include('slot="section-three"');
    const slots = [...shadow(el).querySelectorAll('section slot')].map((s) => (s as HTMLSlotElement).name);
    expect(slots).to.deep.equal(['section-one']);
    await expect(el).to.be.accessible();

    // Reported once: another render with the same children says nothing more.
    const again = capture(el, 'digest-warning');
    el.headingLevel = 3;
    await settled(el);
    again.stop();
    expect(again.events.length).to.equal(0);
  });

  it('checks no slot while the article loads or fails; once loaded, reports what has no section', async () => {
    const el = document.createElement('digest-article');
    el.src = '/__test/slow?ms=1000&title=Loaded';
    el.innerHTML = '<p slot="section-x">Nowhere</p>';
    const log = capture(el, 'digest-warning', 'digest-load');
    await quietConsole(async () => {
      document.body.append(el);
      await settled(el);
      expect(el.shadowRoot!.querySelector('[part=loading]'), 'loading').to.exist;
      expect(log.of('digest-warning').length, 'no warning while loading').to.equal(0);
      await until(() => log.of('digest-load').length, 'the article to load');
      await settled(el);
    });
    el.remove();
    expect(log.of('digest-warning').map((e) => e.detail.path)).to.deep.equal(['slot="section-x"']);

    const {el: failed} = await observing(() =>
      fixture<DigestArticle>(html`<digest-article data="{oops"><p slot="section-x">Nowhere</p></digest-article>`),
    );
    const later = capture(failed, 'digest-warning');
    failed.headingLevel = 3;
    await quietConsole(() => settled(failed));
    expect(later.events.length, 'no slot check in the error state').to.equal(0);
  });

  it('says nothing while every section slot has its section', async () => {
    const {log} = await observing(() =>
      fixture<DigestArticle>(html`<digest-article .data=${{title: 'T', sections: [{id: 'a', heading: 'A', blocks: []}]}}>
        <p slot="section-a">In a</p>
      </digest-article>`),
    );
    expect(log.of('digest-warning').length).to.equal(0);
  });
});

describe('composition: <digest-article> as a layout for hand-placed children', () => {
  it('renders slotted children in reading order without data', async () => {
    const el = await fixture<DigestArticle>(html`<digest-article>
      <h2 slot="title">Hand-placed title</h2>
      <p slot="lead">Hand-placed lead</p>
      <takeaway-list slot="takeaways" heading="Learn"><li>Item</li></takeaway-list>
      <p>Body paragraph</p>
      <source-card headline="Card" url="https://example.com/c"><li>Point</li></source-card>
      <reader-comment avatar="🙂">Nice</reader-comment>
      <p slot="footer">Footer</p>
    </digest-article>`);
    await settled(el);
    const slots = [...shadow(el).querySelectorAll('slot')];
    const order = slots.flatMap((s) => s.assignedElements().map((e) => e.textContent!.trim().split('\n')[0]));
    expect(order).to.deep.equal(['Hand-placed title', 'Hand-placed lead', 'Item', 'Body paragraph', 'Point', 'Nice', 'Footer']);
    await expect(el).to.be.accessible();
  });

  it('mixes data with slotted content: after the sections, inside a section by id, and in the footer', async () => {
    const data = {
      title: 'Data title',
      sections: [{id: 'one', heading: 'Section one', blocks: [{type: 'paragraph', text: 'From data'}]}],
      next: {url: 'https://example.com/2', label: 'Next'},
    };
    const el = await fixture<DigestArticle>(html`<digest-article .data=${data}>
      <p slot="section-one">Into section one</p>
      <p>After the sections</p>
      <p slot="footer">Footer note</p>
    </digest-article>`);
    await settled(el);
    const root = shadow(el);
    const section = root.querySelector('section')!;
    const inSection = section.querySelector('slot')!.assignedElements();
    expect(inSection.map((e) => e.textContent)).to.deep.equal(['Into section one']);
    const all = [...root.querySelectorAll('slot, [part=title], [part=paragraph], [part=next]')];
    const names = all.map((n) => (n instanceof HTMLSlotElement ? `slot:${n.name}` : n.getAttribute('part')));
    expect(names).to.deep.equal(['slot:title', 'title', 'slot:lead', 'slot:header', 'slot:takeaways', 'paragraph', 'slot:section-one', 'slot:', 'next', 'slot:footer']);
    expect(root.querySelector('[part=title]')!.textContent).to.equal('Data title');
    await expect(el).to.be.accessible();
  });
});

describe('theming: color scheme and language', () => {
  const colorOf = async (markup: ReturnType<typeof html>) => {
    const wrap = await fixture<HTMLElement>(markup);
    const card = wrap.localName === 'source-card' ? wrap : wrap.querySelector('source-card')!;
    await settled(wrap);
    return getComputedStyle(shadow(card).querySelector('article')!).backgroundColor;
  };
  const data = {title: 'T', url: 'https://example.com/'};

  it('honours the color-scheme attribute and --digest-color-scheme, also for nested elements', async () => {
    const light = await colorOf(html`<source-card color-scheme="light" .data=${data}></source-card>`);
    const dark = await colorOf(html`<source-card color-scheme="dark" .data=${data}></source-card>`);
    expect(light).to.not.equal(dark);
    const pageWide = await colorOf(html`<div style="--digest-color-scheme: dark"><source-card .data=${data}></source-card></div>`);
    expect(pageWide).to.equal(dark);
    const article = await fixture<DigestArticle>(html`<digest-article
      color-scheme="dark"
      .data=${{title: 'A', sections: [{heading: 'S', blocks: [{type: 'source', ...data}]}]}}
    ></digest-article>`);
    await settled(article);
    const nested = shadow(article).querySelector('source-card')!;
    expect(getComputedStyle(shadow(nested).querySelector('article')!).backgroundColor).to.equal(dark);
    await expect(article).to.be.accessible();
  });

  it('uses a Japanese font stack for Japanese content and a Latin one otherwise', async () => {
    const ja = await fixture<SourceCard>(html`<source-card lang="ja" .data=${data}></source-card>`);
    const en = await fixture<SourceCard>(html`<source-card lang="en" .data=${data}></source-card>`);
    await settled(ja);
    await settled(en);
    expect(getComputedStyle(shadow(ja).querySelector('article')!).fontFamily).to.include('Hiragino Sans');
    expect(getComputedStyle(shadow(en).querySelector('article')!).fontFamily).to.not.include('Hiragino Sans');
  });

  it('lets a theme restyle through --digest-* custom properties', async () => {
    const wrap = await fixture<HTMLElement>(html`<div style="--digest-surface: rgb(1, 2, 3); --digest-radius: 3px">
      <source-card .data=${data}></source-card>
    </div>`);
    const card = wrap.querySelector('source-card')!;
    await settled(card);
    const style = getComputedStyle(shadow(card).querySelector('article')!);
    expect(style.backgroundColor).to.equal('rgb(1, 2, 3)');
    expect(style.borderTopLeftRadius).to.equal('3px');
  });
});
