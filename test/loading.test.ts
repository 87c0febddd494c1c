/**
 * Loading: elements added before and after the script, moved, removed and re-added
 * (also while a fetch is in flight), `data` and `src` changed rapidly: each ends in the state of
 * its latest input, never a stale render from an earlier fetch. `src` failures (HTTP errors, a
 * body that is not JSON, a network error, a timeout) show the error state with a retry that works
 * once the server recovers. Many instances: 1,000 cards and 50 articles on one page.
 *
 * Test endpoints (web-test-runner.config.js): /__test/slow, /__test/flaky, /__test/recover,
 * /__test/hits. The script-tag bundle (/dist/digest-elements.js, `npm run build`) is loaded into
 * iframes for the "before the script" and "many instances" pages.
 */
import {expect, oneEvent} from '@open-wc/testing';
import type {DigestArticle} from '../src/digest-article/digest-article.js';
import type {Article} from '../src/format/types.js';
import {capture, loadJson, quietConsole, settled, sleep, state, until} from './utils.js';

const BUNDLE = new URL('/dist/digest-elements.js', location.href).href;
/** The script-tag bundle with composition by hand (`digest-elements/compose`). */
const COMPOSE = new URL('/dist/digest-elements.compose.js', location.href).href;
const newKey = () => `k${Math.random().toString(36).slice(2, 10)}`;
const slow = (ms: number, title: string, key = '') =>
  `/__test/slow?ms=${ms}&title=${encodeURIComponent(title)}${key && `&key=${key}`}`;
const hits = async (key: string) => ((await (await fetch(`/__test/hits?key=${key}`)).json()) as {hits: number}).hits;
const titleOf = (el: Element) => el.shadowRoot?.querySelector('[part=title]')?.textContent ?? null;

function article(src?: string): DigestArticle {
  const el = document.createElement('digest-article');
  if (src) el.src = src;
  return el;
}

/** Resolves with the element's next `type` event, or rejects after `ms` (no hanging test). */
function next(el: EventTarget, type: string, ms = 10_000): Promise<Event> {
  return Promise.race([
    oneEvent(el, type),
    sleep(ms).then(() => Promise.reject(new Error(`no ${type} within ${ms} ms`))),
  ]);
}

describe('loading: moved, removed and re-added', () => {
  let a: HTMLElement;
  let b: HTMLElement;
  beforeEach(() => {
    a = document.createElement('div');
    b = document.createElement('div');
    document.body.append(a, b);
  });
  afterEach(() => {
    a.remove();
    b.remove();
  });

  it('moved while its fetch is in flight: loads once more and ends rendered, no error', async () => {
    const el = article(slow(400, 'Moved'));
    const log = capture(el, 'digest-load', 'digest-error');
    a.append(el);
    await el.updateComplete;
    expect(state(el)).to.equal('loading');
    b.append(el); // disconnect (aborts) + connect (fetches again)
    await el.updateComplete;
    expect(state(el)).to.equal('loading');
    await next(el, 'digest-load');
    await sleep(500);
    log.stop();
    expect(titleOf(el)).to.equal('Moved');
    expect(log.of('digest-load').length).to.equal(1);
    expect(log.of('digest-error').length).to.equal(0);
    expect(el.parentElement === b).to.be.true;
  });

  it('removed while its fetch is in flight: nothing happens while out, re-added it loads', async () => {
    const key = newKey();
    const el = article(slow(300, 'Back', key));
    const log = capture(el, 'digest-load', 'digest-error');
    a.append(el);
    await el.updateComplete;
    el.remove();
    await sleep(600); // the first answer would have come by now
    expect(log.events.length, 'events while removed').to.equal(0);
    expect(state(el)).to.equal('loading');
    b.append(el);
    await next(el, 'digest-load');
    log.stop();
    expect(titleOf(el)).to.equal('Back');
    expect(log.of('digest-error').length).to.equal(0);
    expect(await hits(key)).to.be.at.least(1); // the aborted request may never have left
  });

  it('removed after loading and re-added: keeps its content, fetches nothing again', async () => {
    const key = newKey();
    const el = article(slow(0, 'Kept', key));
    const log = capture(el, 'digest-load', 'digest-error');
    a.append(el);
    await next(el, 'digest-load');
    el.remove();
    b.append(el);
    await el.updateComplete;
    a.append(el);
    await sleep(300);
    await settled(el);
    log.stop();
    expect(titleOf(el)).to.equal('Kept');
    expect(log.of('digest-load').length).to.equal(1);
    expect(await hits(key)).to.equal(1);
  });

  it('src changed while removed: re-added, it shows the new src', async () => {
    const el = article(slow(0, 'Old'));
    a.append(el);
    await next(el, 'digest-load');
    el.remove();
    el.src = slow(0, 'New');
    await sleep(100);
    b.append(el);
    await until(() => titleOf(el) === 'New', 'the new title');
    await sleep(200);
    expect(titleOf(el)).to.equal('New');
  });

  it('data and child-script elements keep their content through moves', async () => {
    const tags = ['digest-article', 'source-card', 'takeaway-list', 'reader-comment'];
    const json = JSON.stringify({title: 'Here', text: 'Here', items: ['Here'], url: 'https://example.com/'});
    const els = tags.flatMap((tag) => {
      const withData = document.createElement(tag);
      withData.setAttribute('data', json);
      const withScript = document.createElement(tag);
      const script = document.createElement('script');
      script.type = 'application/json';
      script.textContent = json;
      withScript.append(script);
      return [withData, withScript];
    });
    a.append(...els);
    await settled(a);
    b.append(...els.reverse());
    await settled(b);
    els.forEach((el) => el.remove());
    a.append(...els);
    await sleep(50);
    await settled(a);
    for (const el of els) {
      expect(state(el), el.localName).to.equal('shown');
      expect(el.shadowRoot!.textContent!.includes('Here'), el.localName).to.be.true;
    }
  });
});

describe('loading: rapid changes end in the latest state', () => {
  let el: DigestArticle;
  let log: ReturnType<typeof capture>;
  beforeEach(() => {
    el = article();
    log = capture(el, 'digest-load', 'digest-error');
    document.body.append(el);
  });
  afterEach(() => {
    log.stop();
    el.remove();
  });

  it('100 data property changes in one task: the last is shown, rendered once', async () => {
    for (let i = 0; i < 100; i++) el.data = {title: `T${i}`, sections: []};
    await settled(el);
    expect(titleOf(el)).to.equal('T99');
    expect(log.of('digest-load').length).to.equal(1);
  });

  it('100 data attribute changes with renders in between, bad JSON among them: the last is shown', async () => {
    await quietConsole(async () => {
      for (let i = 0; i < 100; i++) {
        el.setAttribute('data', i % 7 === 3 ? '{"title": oops' : JSON.stringify({title: `T${i}`}));
        if (i % 5 === 0) await el.updateComplete;
        if (i % 11 === 0) await sleep(0);
      }
      await settled(el);
    });
    expect(titleOf(el)).to.equal('T99');
    expect(state(el)).to.equal('shown');
  });

  it('100 data changes ending in bad JSON: the error state', async () => {
    await quietConsole(async () => {
      for (let i = 0; i < 100; i++) {
        el.data = i === 99 ? '{' : {title: `T${i}`, sections: []};
        if (i % 10 === 0) await el.updateComplete;
      }
      await settled(el);
    });
    expect(state(el)).to.equal('error');
  });

  it('src changed while the first fetch is slow: the first answers last, the last src wins', async () => {
    el.src = slow(1500, 'First');
    await el.updateComplete;
    el.src = slow(100, 'Second');
    await next(el, 'digest-load');
    expect(titleOf(el)).to.equal('Second');
    await sleep(1700); // the first request has answered (or been aborted) by now
    await settled(el);
    expect(titleOf(el)).to.equal('Second');
    expect(log.of('digest-load').length).to.equal(1);
    expect(log.of('digest-error').length).to.equal(0);
  });

  it('10 src changes in a row, the earlier the slower: only the last is ever shown', async () => {
    const seen = new Set<string>();
    const watch = new MutationObserver(() => seen.add(titleOf(el) ?? ''));
    watch.observe(el.shadowRoot!, {childList: true, subtree: true, characterData: true});
    for (let i = 0; i < 10; i++) {
      el.src = slow((10 - i) * 150, `S${i}`);
      await el.updateComplete; // each starts its fetch and aborts the one before
    }
    await next(el, 'digest-load');
    await sleep(1700);
    await settled(el);
    watch.disconnect();
    expect(titleOf(el)).to.equal('S9');
    expect([...seen].filter((t) => t && t !== 'S9')).to.deep.equal([]);
    expect(log.of('digest-load').length).to.equal(1);
  });

  it('data set while src is loading wins; removed again, src is fetched anew', async () => {
    el.src = slow(800, 'From src');
    await el.updateComplete;
    el.data = {title: 'From data', sections: []};
    await settled(el);
    expect(titleOf(el)).to.equal('From data');
    await sleep(1000); // the aborted fetch would have answered
    expect(titleOf(el)).to.equal('From data');
    el.data = undefined;
    await el.updateComplete;
    expect(state(el)).to.equal('loading');
    await until(() => titleOf(el) === 'From src', 'the title from src');
    expect(titleOf(el)).to.equal('From src');
  });
});

describe('loading: src failures show the error state with a working retry', () => {
  // fail: what /__test/flaky does until /__test/recover (web-test-runner.config.js)
  const failures: [string, string, string][] = [
    ['404 Not Found', '404', 'HTTP 404'],
    ['500 Internal Server Error', '500', 'HTTP 500'],
    ['a network error (connection reset)', 'reset', 'could not be loaded'],
    ['an HTML page instead of JSON', 'invalid', 'invalid JSON'],
    ['a server slower than the timeout', 'slow', 'could not be loaded'],
  ];
  for (const [name, fail, message] of failures) {
    it(`${name}: error state, digest-error, retry loads once the server recovers`, async () => {
      const key = newKey();
      const el = article(`/__test/flaky?key=${key}&fail=${fail}&title=Recovered`);
      // The timeout is 20 s inside input.ts and not configurable: shortened here by making the
      // AbortSignal.timeout() it asks for fire after 300 ms.
      const realTimeout = AbortSignal.timeout;
      if (fail === 'slow') AbortSignal.timeout = () => realTimeout.call(AbortSignal, 300);
      let error!: CustomEvent<{message: string; path?: string}>;
      try {
        await quietConsole(async () => {
          const failed = next(el, 'digest-error', 15_000);
          document.body.append(el);
          error = (await failed) as typeof error;
          await el.updateComplete;
        });
      } finally {
        AbortSignal.timeout = realTimeout;
      }
      try {
        expect(error.detail.message).to.include(message);
        expect(state(el)).to.equal('error');
        expect(el.shadowRoot!.querySelector('[part=error]')!.getAttribute('role')).to.equal('alert');
        const retry = el.shadowRoot!.querySelector<HTMLButtonElement>('[part=retry]');
        expect(!!retry, 'a retry button').to.be.true;
        expect(error.detail.path).to.equal('src');
        await expect(el).to.be.accessible();
        await fetch(`/__test/recover?key=${key}`);
        const loaded = next(el, 'digest-load');
        retry!.click();
        await el.updateComplete;
        expect(state(el)).to.equal('loading');
        await loaded;
        await settled(el);
        expect(titleOf(el)).to.equal('Recovered');
        expect(await hits(key)).to.be.at.least(2);
      } finally {
        el.remove();
      }
    });
  }

  it('a slow server (under the timeout): the loading state, then the article', async () => {
    const el = article(slow(1500, 'Slow but fine'));
    const log = capture(el, 'digest-load', 'digest-error');
    document.body.append(el);
    try {
      await sleep(700);
      expect(state(el)).to.equal('loading');
      expect(el.shadowRoot!.querySelector('[part=loading]')!.getAttribute('role')).to.equal('status');
      await next(el, 'digest-load');
      expect(titleOf(el)).to.equal('Slow but fine');
      expect(log.of('digest-error').length).to.equal(0);
    } finally {
      log.stop();
      el.remove();
    }
  });
});

// ---------------------------------------------------------------------------------------------
// Pages with the script-tag bundle, in iframes.

interface Page {
  frame: HTMLIFrameElement;
  win: Window & typeof globalThis;
  doc: Document;
  errors: string[];
}

/** An empty same-origin page; its errors, rejections and console errors are collected. */
async function page(): Promise<Page> {
  const frame = document.createElement('iframe');
  frame.style.cssText = 'width: 900px; height: 700px; border: 0';
  const loaded = new Promise((r) => frame.addEventListener('load', r, {once: true}));
  frame.srcdoc = '<!doctype html><html lang="en"><head><meta charset="utf-8"></head><body></body></html>';
  document.body.append(frame);
  await loaded;
  const win = frame.contentWindow as Window & typeof globalThis;
  const errors: string[] = [];
  win.addEventListener('error', (e) => errors.push(String(e.message)));
  win.addEventListener('unhandledrejection', (e) => errors.push(String(e.reason)));
  const consoleError = win.console.error;
  win.console.error = (...a: unknown[]) => {
    errors.push(a.map(String).join(' '));
    consoleError.apply(win.console, a);
  };
  return {frame, win, doc: frame.contentDocument!, errors};
}

function addScript(doc: Document, src = BUNDLE): Promise<unknown> {
  const s = doc.createElement('script');
  s.src = src;
  const done = new Promise((ok, fail) => {
    s.onload = ok;
    s.onerror = () => fail(new Error(`${src} did not load: run npm run build`));
  });
  doc.head.append(s);
  return done;
}

/** Waits until every element (and every element in their shadow trees) has rendered. */
async function allUpdated(els: Element[]) {
  const pending = (list: Element[]): Element[] =>
    list.flatMap((el) => [el, ...pending([...(el.shadowRoot?.querySelectorAll('source-card, takeaway-list, reader-comment') ?? [])])]);
  await until(() => pending(els).every((el) => state(el) === 'shown' || state(el) === 'error'), 'every element to show or fail', 60_000);
  await Promise.all(pending(els).map((el) => (el as Partial<DigestArticle>).updateComplete));
}

describe('loading: elements before and after the script', () => {
  it('elements added before the script (attribute, property, child script, src) and after it all render', async function () {
    this.timeout(60_000);
    const {frame, win, doc, errors} = await page();
    try {
      const json = (title: string) => JSON.stringify({title, text: title, items: [title], url: 'https://example.com/'});
      const make = (tag: string, how: string, title: string) => {
        const el = doc.createElement(tag) as HTMLElement & {data?: unknown; src?: string};
        el.id = `${tag}-${how}-${title}`;
        if (how === 'attribute') el.setAttribute('data', json(title));
        if (how === 'property') el.data = JSON.parse(json(title)); // before the upgrade
        if (how === 'script') {
          const s = doc.createElement('script');
          s.type = 'application/json';
          s.textContent = json(title);
          el.append(s);
        }
        if (how === 'src') el.setAttribute('src', slow(0, title));
        doc.body.append(el);
        return el;
      };
      const tags = ['digest-article', 'source-card', 'takeaway-list', 'reader-comment'];
      const ways = ['attribute', 'property', 'script'];
      const before = [...tags.flatMap((t) => ways.map((w) => make(t, w, 'before'))), make('digest-article', 'src', 'before')];
      expect(win.customElements.get('digest-article')).to.equal(undefined);
      await addScript(doc);
      expect(!!win.customElements.get('digest-article')).to.be.true;
      const after = [...tags.flatMap((t) => ways.map((w) => make(t, w, 'after'))), make('digest-article', 'src', 'after')];
      await allUpdated([...before, ...after]);
      for (const el of [...before, ...after]) {
        expect(state(el), el.id).to.equal('shown');
        const title = el.id.endsWith('before') ? 'before' : 'after';
        expect(el.shadowRoot!.textContent!.includes(title), el.id).to.be.true;
      }
      expect(errors).to.deep.equal([]);
    } finally {
      frame.remove();
    }
  });
});

describe('loading: composition by hand needs digest-elements.compose.js', () => {
  const TAGS = ['digest-article', 'source-card', 'takeaway-list', 'reader-comment'];
  /** An article composed by hand (no data), with a slot that no section has, in a fresh page with `script`. */
  async function composed(script: string) {
    const p = await page();
    const warned: string[] = [];
    p.win.console.warn = (...a: unknown[]) => warned.push(a.map(String).join(' '));
    p.doc.body.innerHTML = `<digest-article>
      <takeaway-list slot="takeaways" heading="Learn"><li>Item</li></takeaway-list>
      <source-card headline="Card" url="https://example.com/c"><li>Point</li></source-card>
      <reader-comment avatar="🙂">Nice</reader-comment>
      <p slot="section-x">Nowhere</p>
    </digest-article>`;
    const article = p.doc.querySelector('digest-article')!;
    const log = capture(article, 'digest-warning');
    await addScript(p.doc, script);
    await settled(article);
    const small = TAGS.slice(1).map((tag) => article.querySelector(tag)!);
    return {...p, warned, article, small, log};
  }

  it('the slim digest-elements.js: the composed elements render nothing, no slot is checked', async () => {
    const {frame, errors, warned, article, small, log} = await composed(BUNDLE);
    try {
      expect(state(article)).to.equal('shown'); // the layout, for hand-placed children
      for (const el of small) expect(state(el), el.localName).to.equal('empty');
      expect(log.events.length).to.equal(0);
      expect(warned).to.deep.equal([]);
      expect(errors).to.deep.equal([]);
    } finally {
      frame.remove();
    }
  });

  it('digest-elements.compose.js, loaded alone, registers all four and renders the composed elements', async () => {
    const {frame, win, errors, warned, article, small, log} = await composed(COMPOSE);
    try {
      for (const tag of TAGS) expect(win.customElements.get(tag), tag).to.be.a('function');
      await allUpdated([article]);
      for (const el of small) expect(state(el), el.localName).to.equal('shown');
      const text = small.map((el) => el.shadowRoot!.textContent!);
      expect(text[0]).to.include('Card').and.include('Point');
      expect(text[1]).to.include('Learn').and.include('Item');
      expect(text[2]).to.include('Nice');
      expect(log.of('digest-warning').map((e) => e.detail.path)).to.deep.equal(['slot="section-x"']);
      expect(warned.length).to.equal(1);
      expect(warned[0]).to.include('slot="section-x"');
      expect(errors).to.deep.equal([]);
    } finally {
      frame.remove();
    }
  });
});

describe('loading: many instances', () => {
  it('a page with 1,000 <source-card>s and 50 <digest-article>s renders without errors', async function () {
    this.timeout(170_000);
    const seed = await loadJson<Article>('seed.json');
    const {frame, win, doc, errors} = await page();
    try {
      await addScript(doc);
      const events = {load: 0, error: 0};
      doc.addEventListener('digest-load', () => events.load++);
      doc.addEventListener('digest-error', () => events.error++);
      const cards = Array.from({length: 1000}, (_, i) => {
        const el = doc.createElement('source-card');
        el.setAttribute('data', JSON.stringify({title: `Card ${i}`, url: `https://example.com/${i}`, points: [`Point ${i}`]}));
        return el;
      });
      const articles = Array.from({length: 50}, (_, i) => {
        const el = doc.createElement('digest-article') as HTMLElement & {data?: unknown};
        el.data = {...seed, title: `Article ${i}`};
        return el;
      });
      const box = doc.createElement('div');
      box.append(...articles.flatMap((a, i) => [a, ...cards.slice(i * 20, i * 20 + 20)]));
      doc.body.append(box);
      await allUpdated([...cards, ...articles]);
      expect(doc.querySelectorAll('source-card').length).to.equal(1000);
      expect(doc.querySelectorAll('digest-article').length).to.equal(50);
      expect(cards.filter((c, i) => c.shadowRoot?.querySelector('[part=title]')?.textContent === `Card ${i}`).length).to.equal(1000);
      expect(articles.filter((a, i) => titleOf(a) === `Article ${i}`).length).to.equal(50);
      const nested = articles.flatMap((a) => [...a.shadowRoot!.querySelectorAll('source-card, takeaway-list, reader-comment')]);
      expect(nested.length).to.equal(50 * 5); // the seed: 2 cards, 1 takeaway list, 2 comments
      expect(nested.every((n) => state(n) === 'shown')).to.be.true;
      expect(events.error).to.equal(0);
      expect(events.load).to.equal(1050); // nested elements get checked data: they announce nothing
      expect(errors).to.deep.equal([]);
      expect(!!win.customElements.get('source-card')).to.be.true;
    } finally {
      frame.remove();
    }
  });
});

describe('loading: children are watched only while there is no data', () => {
  /** Counts the MutationObservers created and observing while `fn` runs. */
  async function observers(fn: () => Promise<void>) {
    const Real = window.MutationObserver;
    let observing = 0;
    window.MutationObserver = class extends Real {
      override observe(target: Node, options?: MutationObserverInit) {
        observing++;
        super.observe(target, options);
      }
    };
    try {
      await fn();
    } finally {
      window.MutationObserver = Real;
    }
    return observing;
  }
  const script = (title: string) =>
    Object.assign(document.createElement('script'), {type: 'application/json', textContent: JSON.stringify({title, url: 'https://example.com/s'})});

  it('elements given `data` observe nothing; taking `data` away reads and watches the children', async () => {
    const host = document.createElement('div');
    document.body.append(host);
    try {
      const cards = Array.from({length: 10}, (_, i) => {
        const el = document.createElement('source-card');
        el.data = {title: `Card ${i}`, url: 'https://example.com/'};
        return el;
      });
      const withData = await observers(async () => {
        host.append(...cards);
        await Promise.all(cards.map(settled));
      });
      expect(withData, 'observers for 10 cards given data').to.equal(0);

      const [first] = cards;
      first.append(script('From the script'));
      await settled(first);
      expect(first.shadowRoot!.querySelector('[part=title]')!.textContent, 'data wins').to.equal('Card 0');

      const taken = await observers(async () => {
        first.data = null;
        await settled(first);
      });
      expect(taken, 'one observer once data is gone').to.equal(1);
      expect(first.shadowRoot!.querySelector('[part=title]')!.textContent).to.equal('From the script');
      first.querySelector('script')!.textContent = JSON.stringify({title: 'Edited', url: 'https://example.com/s'});
      await until(() => first.shadowRoot!.querySelector('[part=title]')?.textContent === 'Edited', 'the edit to show');
    } finally {
      host.remove();
    }
  });

  it('an element without data watches its children from the start', async () => {
    const el = document.createElement('digest-article');
    const count = await observers(async () => {
      document.body.append(el);
      await settled(el);
    });
    try {
      expect(count).to.equal(1);
      el.append(script('Late'));
      await until(() => titleOf(el) === 'Late', 'the late child script to show');
    } finally {
      el.remove();
    }
  });
});

describe('loading: the size ceiling on src (srcLimit, 5 MB by default)', () => {
  const Article = () => customElements.get('digest-article') as unknown as {srcLimit: number};

  /** Appends an article for `src` and resolves with its digest-error (or rejects after 15 s). */
  async function failing(src: string) {
    const el = article(src);
    let error!: CustomEvent<{message: string; path?: string}>;
    const logged = await quietConsole(async () => {
      const failed = next(el, 'digest-error', 15_000);
      document.body.append(el);
      error = (await failed) as typeof error;
      await el.updateComplete;
    });
    return {el, error, logged};
  }

  it('the default is 5 MB (5,242,880 bytes)', () => {
    expect(Article().srcLimit).to.equal(5 * 1024 * 1024);
  });

  it('a response with no Content-Length that never ends: cancelled past the ceiling, error state with a retry', async () => {
    const {el, error, logged} = await failing('/__test/endless');
    try {
      expect(error.detail.path).to.equal('src');
      expect(error.detail.message).to.equal('could not be loaded (larger than 5242880 bytes (srcLimit))');
      expect(logged.error).to.deep.equal([`<digest-article> src: ${error.detail.message}`]);
      expect(state(el)).to.equal('error');
      expect(el.shadowRoot!.querySelector('[part=retry]'), 'a retry button').to.exist;
      await expect(el).to.be.accessible();
    } finally {
      el.remove();
    }
  });

  it('a Content-Length past the ceiling: refused before the body is read (the server never finishes it)', async () => {
    const started = performance.now();
    const {el, error} = await failing(`/__test/declared?length=${5 * 1024 * 1024 + 1}`);
    try {
      expect(error.detail.message).to.equal('could not be loaded (larger than 5242880 bytes (srcLimit))');
      expect(state(el)).to.equal('error');
      // The body would take the server 30 s to give up: the answer came from the headers.
      expect(performance.now() - started).to.be.below(10_000);
    } finally {
      el.remove();
    }
  });

  it('a ceiling set page-wide applies to the next fetch; the retry then loads what is within it', async () => {
    const key = newKey();
    const title = 'A title a little longer than forty bytes';
    const limit = Article().srcLimit;
    Article().srcLimit = 40;
    let el!: DigestArticle;
    try {
      const r = await failing(slow(0, title, key));
      el = r.el;
      expect(r.error.detail.message).to.equal('could not be loaded (larger than 40 bytes (srcLimit))');
      Article().srcLimit = 1000;
      const loaded = next(el, 'digest-load');
      el.shadowRoot!.querySelector<HTMLButtonElement>('[part=retry]')!.click();
      await loaded;
      await settled(el);
      expect(titleOf(el)).to.equal(title);
      expect(await hits(key)).to.equal(2);
    } finally {
      Article().srcLimit = limit;
      el?.remove();
    }
  });
});
