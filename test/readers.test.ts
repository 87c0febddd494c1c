/**
 * What readers meet on a real page: every text run laid out in the content's language, boxes and
 * focus rings that survive forced colours, reader-supplied names that cannot reorder the line,
 * and an error box that speaks to readers (the detail is for developers).
 */
import {expect, fixture, html} from '@open-wc/testing';
import {executeServerCommand} from '@web/test-runner-commands';
import type {TemplateResult} from 'lit';
import '../src/define-with-compose.js'; // some rows compose by hand (attributes and children)
import {READER_SENTENCES, capture, deepAll, loadJson, quietConsole, settled} from './utils.js';

/** One DevTools Protocol command for this page (Chromium); `false` in the other browsers. */
const cdp = <T = Record<string, unknown>>(method: string, params?: object) =>
  executeServerCommand<T | false, {method: string; params?: object}>('cdp', {method, params});
/** The same, where only Chromium gets (the language check's Chromium branch). */
const send = async <T>(method: string, params?: object) => (await cdp<T>(method, params)) as T;

const isWebKit = /AppleWebKit/.test(navigator.userAgent) && !/Chrome/.test(navigator.userAgent);

// ---------------------------------------------------------------------------------------------
// Language

interface CdpNode {
  nodeId: number;
  attributes?: string[];
  children?: CdpNode[];
  shadowRoots?: CdpNode[];
}

/** nodeIds of the elements carrying an attribute, by attribute and value, anywhere (shadow roots pierced). */
async function nodeIds(): Promise<Map<string, number>> {
  const {root} = await send<{root: CdpNode}>('DOM.getDocument', {depth: -1, pierce: true});
  const out = new Map<string, number>();
  const walk = (n: CdpNode) => {
    const a = n.attributes ?? [];
    for (let i = 0; i < a.length; i += 2) out.set(`${a[i]}=${a[i + 1]}`, n.nodeId);
    n.children?.forEach(walk);
    n.shadowRoots?.forEach(walk);
  };
  walk(root);
  return out;
}

/**
 * Every element inside `el`'s shadow trees that has text of its own, each paired with a plain
 * `<p lang>` of the same text and font (family, size, weight, style) in the page: the reference
 * a browser lays out in language `lang`.
 */
function withReferences(el: Element, lang: string) {
  const refs = document.createElement('div');
  refs.id = 'lang-refs';
  const pairs: {own: Element; ref: HTMLElement}[] = [];
  for (const own of deepAll(el, '*')) {
    // the platform fonts of an element are those of all the text inside it (light DOM included)
    const own_ = [...own.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim());
    // not rendered: a list's source <li>, a comment's own text (read into its shadow tree)
    if (!own_ || !own.getClientRects().length || own.shadowRoot) continue;
    const cs = getComputedStyle(own);
    const p = document.createElement('p');
    p.lang = lang;
    // a zero-width space after the text keeps a trailing space laid out, as inside the element
    const ref = p.appendChild(document.createElement('span'));
    // generated text (a list item's ✅) is laid out too
    const generated = (pseudo: string) => /^"([^"]*)"/.exec(getComputedStyle(own, pseudo).content)?.[1] ?? '';
    ref.textContent = generated('::before') + own.textContent + generated('::after');
    p.append('\u200b');
    Object.assign(p.style, {fontFamily: cs.fontFamily, fontSize: cs.fontSize, fontWeight: cs.fontWeight, fontStyle: cs.fontStyle, whiteSpace: cs.whiteSpace});
    own.setAttribute('data-lang-probe', String(pairs.length));
    ref.setAttribute('data-lang-ref', String(pairs.length));
    refs.append(p);
    pairs.push({own, ref});
  }
  document.body.append(refs);
  return {pairs, done: () => (refs.remove(), pairs.forEach(({own}) => own.removeAttribute('data-lang-probe')))};
}

const families = async (nodeId: number) =>
  ((await send<{fonts: {familyName: string}[]}>('CSS.getPlatformFontsForNode', {nodeId})).fonts.map((f) => f.familyName).sort());
const locale = async (nodeId: number) =>
  (await send<{computedStyle: {name: string; value: string}[]}>('CSS.getComputedStyleForNode', {nodeId})).computedStyle.find(
    (p) => p.name === '-webkit-locale',
  )?.value;

/** Checks every text run of `el` against its `<p lang>` reference; returns how many were compared. */
async function expectLaidOutIn(el: Element, lang: string): Promise<number> {
  const {pairs, done} = withReferences(el, lang);
  try {
    expect(pairs.length, 'text runs to compare').to.be.greaterThan(3);
    if (navigator.userAgent.includes('Chrome')) {
      await cdp('DOM.enable');
      await cdp('CSS.enable');
      const ids = await nodeIds();
      for (const [i, {own: o}] of pairs.entries()) {
        const what = `<${o.localName} part="${o.getAttribute('part') ?? ''}">${o.textContent!.trim().slice(0, 20)}`;
        const [a, b] = [ids.get(`data-lang-probe=${i}`)!, ids.get(`data-lang-ref=${i}`)!];
        const expected = await locale(b);
        expect(expected, 'the reference').to.equal(`"${lang}"`);
        expect(await locale(a), `locale of ${what}`).to.equal(expected);
        expect(await families(a), `fonts of ${what}`).to.deep.equal(await families(b));
      }
    } else {
      // Firefox exposes no used locale or font; WebKit its computed -webkit-locale. Both lay out
      // what the language decides: `quotes: auto` draws a <q>'s marks in the language of the
      // text around it (「」, full width, for ja; “”, narrow, for en). A <q> put in each element
      // must measure as one in its <p lang> reference.
      const quoteWidth = (parent: Element) => {
        const q = parent.appendChild(document.createElement('q'));
        const w = q.getBoundingClientRect().width;
        q.remove();
        return w;
      };
      const [ja, en] = ['ja', 'en'].map((l) => {
        const p = document.body.appendChild(Object.assign(document.createElement('p'), {lang: l}));
        const w = quoteWidth(p);
        p.remove();
        return w;
      });
      expect(ja, 'Japanese quotes are wider').to.be.greaterThan(en + 2);
      for (const {own, ref} of pairs) {
        expect(quoteWidth(own), `quotes in <${own.localName}>`).to.be.closeTo(quoteWidth(ref), 0.5);
        if (isWebKit) expect(getComputedStyle(own).getPropertyValue('-webkit-locale'), own.localName).to.equal(getComputedStyle(ref).getPropertyValue('-webkit-locale'));
      }
    }
    return pairs.length;
  } finally {
    done();
  }
}

describe('language: every text run is laid out in the content\'s language', function () {
  this.timeout(60000);
  let seed: Record<string, unknown>;
  let en: Record<string, unknown>;
  before(async () => {
    seed = await loadJson('seed.json');
    en = await loadJson('en-article.json');
  });
  const noLang = (a: Record<string, unknown>) => ({...a, lang: undefined});

  async function mount(t: TemplateResult, pageLang: string) {
    const wrap = await fixture<HTMLElement>(html`<div lang=${pageLang}>${t}</div>`);
    const el = wrap.querySelector('digest-article')!;
    await settled(el);
    // cards and comments skip rendering off-screen: bring them all in for the check
    deepAll(el, 'source-card, reader-comment').forEach((c) => ((c as HTMLElement).style.contentVisibility = 'visible'));
    await document.fonts.ready;
    return el;
  }

  for (const [lang, other] of [['ja', 'en'], ['en', 'ja']]) {
    const data = () => (lang === 'ja' ? seed : en);
    it(`${lang}: from the data (the page says ${other})`, async () => {
      const el = await mount(html`<digest-article .data=${data()}></digest-article>`, other);
      expect(await expectLaidOutIn(el, lang)).to.be.greaterThan(10);
    });
    it(`${lang}: from the element's lang`, async () => {
      const el = await mount(html`<digest-article lang=${lang} .data=${noLang(data())}></digest-article>`, other);
      expect(await expectLaidOutIn(el, lang)).to.be.greaterThan(10);
    });
    it(`${lang}: from an ancestor's lang`, async () => {
      const el = await mount(html`<div lang=${lang}><digest-article .data=${noLang(data())}></digest-article></div>`, other);
      expect(await expectLaidOutIn(el, lang)).to.be.greaterThan(10);
    });
  }

  it('ja: composed by hand in the light DOM', async () => {
    const el = await mount(
      html`<div lang="ja"><digest-article>
        <takeaway-list slot="takeaways"><li>米中対立の激化と直面する課題</li><li>骨太の方針</li></takeaway-list>
        <source-card title="米中「半導体VSレアアース」戦争" url="https://example.com/a" published-at="2025-06-10" site-name="dメニューニュース"><li>シンガポールメディアは…</li></source-card>
        <reader-comment avatar="🧑‍💼" name="読者" persona="会社員">大変分かりやすく解説していただきました。</reader-comment>
      </digest-article></div>`,
      'en',
    );
    expect(await expectLaidOutIn(el, 'ja')).to.be.greaterThan(5);
  });
});

// ---------------------------------------------------------------------------------------------
// Forced colours (Chromium emulation)

describe('forced colours: boxes keep their edges, focus stays visible', function () {
  this.timeout(60000);
  before(async function () {
    if (!(await cdp('Emulation.setEmulatedMedia', {features: [{name: 'forced-colors', value: 'active'}]}))) this.skip();
    expect(matchMedia('(forced-colors: active)').matches).to.be.true;
  });
  after(() => cdp('Emulation.setEmulatedMedia', {features: []}));

  /** A visible edge all round: a border on every side, or an outline. */
  const edged = (box: Element) => {
    const cs = getComputedStyle(box);
    const visible = (style: string, width: string, color: string) =>
      style !== 'none' && style !== 'hidden' && parseFloat(width) > 0 && color !== 'rgba(0, 0, 0, 0)' && color !== 'transparent';
    const sides = ['top', 'right', 'bottom', 'left'].every((s) =>
      visible(cs.getPropertyValue(`border-${s}-style`), cs.getPropertyValue(`border-${s}-width`), cs.getPropertyValue(`border-${s}-color`)),
    );
    return sides || visible(cs.outlineStyle, cs.outlineWidth, cs.outlineColor);
  };

  it('the question/answer box, the takeaways box, the next box, speech bubbles and cards', async () => {
    const seed = await loadJson('seed.json');
    const el = await fixture<HTMLElement>(html`<digest-article .data=${seed}></digest-article>`);
    await settled(el);
    const boxes = ['[part=qa]', '[part=next]', 'section[part=takeaways]', '[part=bubble]', 'article[part=card]'];
    for (const sel of boxes) {
      const found = deepAll(el, sel);
      expect(found.length, sel).to.be.greaterThan(0);
      for (const box of found) expect(edged(box), `${sel} has a visible edge`).to.be.true;
    }
    await expect(el).to.be.accessible();
  });

  it('links and the retry button keep a visible focus ring', async () => {
    const seed = await loadJson('seed.json');
    const el = await fixture<HTMLElement>(html`<digest-article .data=${seed}></digest-article>`);
    await settled(el);
    let failed!: HTMLElement;
    await quietConsole(async () => {
      failed = await fixture<HTMLElement>(html`<digest-article src=${'/__test/flaky?key=forced-colors&fail=404'}></digest-article>`);
      await new Promise((r) => failed.addEventListener('digest-error', r, {once: true}));
      await settled(failed);
    });
    const targets = [...deepAll<HTMLElement>(el, 'a[href]').slice(0, 5), failed.shadowRoot!.querySelector<HTMLElement>('[part=retry]')!];
    expect(targets.length).to.equal(6);
    for (const t of targets) {
      t.focus();
      expect(t.matches(':focus-visible'), `${t.localName} focused`).to.be.true;
      const cs = getComputedStyle(t);
      expect(cs.outlineStyle, `${t.localName} outline`).to.not.equal('none');
      expect(parseFloat(cs.outlineWidth)).to.be.greaterThan(0);
      expect(cs.outlineColor).to.not.equal('rgba(0, 0, 0, 0)');
      t.blur();
    }
    await expect(failed).to.be.accessible();
  });
});

// ---------------------------------------------------------------------------------------------
// Bidi

describe('bidi: reader-supplied names are isolated', () => {
  /** The x of each character of `el`'s text, in logical order. */
  const xs = (el: Element) => {
    const node = [...el.childNodes].find((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim())!;
    return [...node.textContent!].map((_, i) => {
      const r = document.createRange();
      r.setStart(node, i);
      r.setEnd(node, i + 1);
      return r.getBoundingClientRect().left;
    });
  };

  for (const how of ['data', 'attributes'] as const) {
    it(`a name holding U+202E leaves the persona and the separator in order (${how})`, async () => {
      const name = '\u202EAlice';
      const persona = 'Engineer';
      const el = await fixture<HTMLElement>(
        how === 'data'
          ? html`<reader-comment .data=${{text: 'Hello', name, persona}}></reader-comment>`
          : html`<reader-comment name=${name} persona=${persona}>Hello</reader-comment>`,
      );
      el.style.contentVisibility = 'visible'; // measured at once, before any frame
      await settled(el);
      const caption = el.shadowRoot!.querySelector('[part=name]')!;
      const personaEl = caption.querySelector('[part=persona]')!;
      const x = xs(personaEl);
      expect(x.length).to.equal(persona.length);
      for (let i = 1; i < x.length; i++) expect(x[i], `"${persona[i]}" right of "${persona[i - 1]}"`).to.be.greaterThan(x[i - 1]);
      // the name comes first, on the left, and the separator between the two
      const nameBox = caption.querySelector('bdi:not([part])')!.getBoundingClientRect();
      const personaBox = personaEl.getBoundingClientRect();
      expect(nameBox.right).to.be.at.most(personaBox.left + 0.5);
      await expect(el).to.be.accessible();
    });
  }
});

// ---------------------------------------------------------------------------------------------
// Error box

describe('error box: a sentence for readers, the detail for developers', () => {
  const BAD = '{"n":NaN}'; // the JSON engine's message names the token: Unexpected token 'N'…
  for (const tag of ['digest-article', 'source-card', 'takeaway-list', 'reader-comment']) {
    for (const lang of ['en', 'ja']) {
      it(`<${tag}> in ${lang}: no engine message, no field path in the box`, async () => {
        const log = capture(document, 'digest-error');
        let wrap!: HTMLElement;
        const logged = await quietConsole(async () => {
          wrap = await fixture<HTMLElement>(html`<div lang=${lang}></div>`);
          const el = document.createElement(tag);
          el.setAttribute('data', BAD);
          wrap.append(el);
          await settled(el);
        });
        log.stop();
        const el = wrap.firstElementChild as HTMLElement;
        const [e] = log.of('digest-error');
        const detail = e.detail.message;
        expect(detail.length, 'the event carries the engine message').to.be.greaterThan(5);
        expect(logged.error.join('\n')).to.include(detail);
        const box = el.shadowRoot!.querySelector<HTMLElement>('[part=error]')!;
        // textContent: innerText is empty while an element skips rendering (content-visibility)
        const visible = box.textContent!.replace(/\s+/g, ' ').trim();
        expect(READER_SENTENCES).to.include(visible);
        expect(visible).to.equal(lang === 'ja' ? 'この内容を表示できませんでした。' : 'This content could not be shown.');
        expect(visible).to.not.include(detail);
        expect(visible).to.not.match(/JSON|token|NaN|position|line/i);
        await expect(el).to.be.accessible();
      });
    }
  }

  it('a missing field: the path stays out of the box', async () => {
    const log = capture(document, 'digest-error');
    let el!: HTMLElement;
    await quietConsole(async () => {
      el = await fixture<HTMLElement>(html`<source-card data=${JSON.stringify({url: 'https://example.com/'})}></source-card>`);
      await settled(el);
    });
    log.stop();
    const [e] = log.of('digest-error');
    expect(e.detail.path).to.equal('title');
    expect(el.shadowRoot!.querySelector<HTMLElement>('[part=error]')!.textContent).to.not.include('title');
  });
});
