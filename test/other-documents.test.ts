/**
 * Other documents: an element created here and connected first inside a same-origin iframe (a
 * CMS editor's canvas), a rendered one moved (or `adoptNode`d) into an iframe, from one iframe
 * into another, and back out again renders styled every time, with no uncaught error. A
 * constructed stylesheet belongs to the document whose window made it; the elements give every
 * other document its own copies (src/shared/adopt-styles.ts).
 *
 * "Styled" is proved by computed style: the host's `display: block` (the base styles) and one
 * property of one shadow part that only the element's own styles set.
 */
import {expect} from '@open-wc/testing';
import {noUncaught} from './utils.js';

type Digest = HTMLElement & {data?: unknown; updateComplete: Promise<boolean>};

/** [tag, data, a shadow part, a property of it, the value the element's styles give it] */
const CASES: [string, object, string, string, string][] = [
  ['source-card', {title: 'Source', url: 'https://example.com/a', points: ['p']}, '[part=card]', 'display', 'flow-root'],
  ['takeaway-list', {items: ['One']}, '[part=list]', 'display', 'grid'],
  ['reader-comment', {text: 'Hi', avatar: '🙂'}, '[part=bubble]', 'position', 'relative'],
  ['digest-article', {title: 'Article', lead: 'Lead'}, '[part=article]', 'display', 'grid'],
];

async function frame(): Promise<HTMLIFrameElement> {
  const iframe = document.createElement('iframe');
  iframe.srcdoc = '<!doctype html><html lang="en"><title>canvas</title><body></body></html>';
  const loaded = new Promise((r) => iframe.addEventListener('load', r, {once: true}));
  document.body.append(iframe);
  await loaded;
  return iframe;
}

describe('other documents: created in, adopted into, moved back out of a same-origin iframe', () => {
  let frames: HTMLIFrameElement[] = [];
  const doc = (i: number) => frames[i].contentDocument!;
  beforeEach(async () => {
    frames = [await frame(), await frame()];
  });
  afterEach(() => frames.forEach((f) => f.remove()));

  for (const [tag, data, part, prop, value] of CASES) {
    const make = () => Object.assign(document.createElement(tag) as Digest, {data});
    const expectStyled = async (el: Digest, where: Document) => {
      await el.updateComplete;
      expect(el.ownerDocument === where, 'in the expected document').to.be.true;
      const view = where.defaultView!;
      const shown = el.shadowRoot!.querySelector(part);
      expect(shown, `${part} rendered`).to.exist;
      expect(view.getComputedStyle(el).display, 'host styled').to.equal('block');
      expect(view.getComputedStyle(shown!).getPropertyValue(prop), `${part} styled`).to.equal(value);
    };

    it(`<${tag}> made here, connected first in an iframe: rendered and styled there`, async () => {
      await noUncaught(async () => {
        const el = make();
        doc(0).body.append(el);
        await expectStyled(el, doc(0));
        el.remove();
      });
    });

    it(`<${tag}> adopted (adoptNode) before its first connection, then connected in the iframe: styled`, async () => {
      await noUncaught(async () => {
        const el = doc(0).adoptNode(make());
        doc(0).body.append(el);
        await expectStyled(el, doc(0));
        el.remove();
      });
    });

    it(`<${tag}> rendered here, moved into an iframe, into another, and back: styled in each`, async () => {
      await noUncaught(async () => {
        const el = make();
        document.body.append(el);
        await expectStyled(el, document);
        doc(0).body.append(el);
        await expectStyled(el, doc(0));
        doc(1).body.append(doc(1).adoptNode(el));
        await expectStyled(el, doc(1));
        document.body.append(el);
        await expectStyled(el, document);
        await expect(el).to.be.accessible();
        el.remove();
      });
    });
  }
});
