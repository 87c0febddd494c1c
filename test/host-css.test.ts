/**
 * Isolation both ways, against the BUILT bundle `dist/digest-elements.js` (run
 * `npm run build` first) in real host pages served from the repository root:
 *
 * 1. Host CSS cannot break the widgets: `test/hosts/<page>.html` carries the real global stylesheet
 *    of a framework (or `test/hosts/hostile.css`); every element, text run and pseudo-element in the
 *    widgets' shadow trees must measure (±1 px) and compute exactly as on `test/hosts/blank.html`.
 *    Positions are taken relative to the host element's CONTENT box: the host element's own box
 *    (margin, border, padding) belongs to the page and may differ (hostile.css gives it all three);
 *    the pages pin its content-box width with an inline style, identical on every page.
 * 2. Widgets cannot break the host: no style sheets, no computed-style change on host elements, no
 *    globals beyond Lit's, no prototype changes, and no listener, timer or observer left behind
 *    after the elements are removed.
 *
 * Pixels are compared by `scripts/host-css-screens.js` (`npm run test:hosts`).
 */
import {expect} from '@open-wc/testing';
import {escapeHtml, LIT_GLOBALS, OUR_SYMBOLS} from './common.js';
import {sleep, until} from './utils.js';

type Win = Window & typeof globalThis;
type Lit = Element & {updateComplete?: Promise<unknown>};

const BUNDLE = '/dist/digest-elements.js';
const PAGES = ['bootstrap', 'tailwind', 'normalize', 'pico', 'bulma', 'hostile'];
const WIDGETS = ['seed', 'en']; // ids of the <digest-article>s on every host page

/** A same-origin iframe, on screen (no throttling), loaded. */
async function openFrame(page: {src?: string; srcdoc?: string}, width = 800, height = 1000) {
  const f = document.createElement('iframe');
  f.style.cssText = `position:fixed;left:0;top:0;border:0;width:${width}px;height:${height}px;background:#fff`;
  const loaded = new Promise((r) => f.addEventListener('load', r, {once: true}));
  if (page.src) f.src = page.src;
  else f.srcdoc = page.srcdoc!;
  document.body.append(f);
  await loaded;
  return {frame: f, win: f.contentWindow as Win, doc: f.contentDocument!};
}

/** Every element of the shadow trees under `hosts` (nested shadow roots included). */
function deepElements(hosts: Element[]): Lit[] {
  const out: Lit[] = [];
  const visit = (el: Element) => {
    out.push(el);
    el.shadowRoot?.querySelectorAll('*').forEach(visit);
  };
  hosts.forEach(visit);
  return out;
}

/** Waits until the hosts rendered their article (= digest-load), settled, images and fonts loaded, two frames. */
async function ready(win: Win, hosts: Element[], frames = true) {
  await until(() => hosts.every((h) => h.shadowRoot?.querySelector('[part~="article"]')), 'the widgets to render', 15_000);
  for (let i = 0; i < 5; i++) await Promise.all(deepElements(hosts).map((e) => e.updateComplete));
  // Lazy images below the test runner's viewport would never load: make them eager.
  const imgs = deepElements(hosts).filter((e): e is HTMLImageElement => e.localName === 'img');
  imgs.forEach((i) => (i.loading = 'eager'));
  await Promise.all(imgs.map((i) => Promise.race([i.decode().catch(() => undefined), sleep(10000)])));
  const missing = imgs.filter((i) => !i.complete).map((i) => i.currentSrc || i.src);
  if (missing.length) throw new Error(`images not loaded: ${missing.join(', ')}`);
  await win.document.fonts.ready;
  // Cards and comments skip layout while off screen (content-visibility: auto) and reserve a
  // placeholder height; when an engine decides they are on screen depends on its frame timing
  // (WebKit: sometimes a frame later on one page than on the other). Lay every one out, so the
  // pages compare real boxes, not the engine's timing.
  for (const e of deepElements(hosts)) {
    if (win.getComputedStyle(e).contentVisibility === 'auto') (e as HTMLElement).style.contentVisibility = 'visible';
  }
  if (frames) for (let i = 0; i < 2; i++) await Promise.race([new Promise((r) => win.requestAnimationFrame(r)), sleep(200)]);
}

// ---------------------------------------------------------------------------------------------
// 1. Host CSS cannot break the widgets.

/** Computed properties compared on every element and pseudo-element of the widgets. */
const STYLE = [
  'display', 'visibility', 'position', 'float', 'clear', 'box-sizing', 'overflow-x', 'overflow-y',
  'font-family', 'font-size', 'font-weight', 'font-style', 'font-variant-caps', 'font-feature-settings',
  'font-kerning', 'font-synthesis-weight', 'line-height', 'color', '-webkit-text-fill-color', 'color-scheme',
  'background-color', 'background-image', 'opacity', 'cursor', 'direction', 'writing-mode',
  'margin-top', 'margin-right', 'margin-bottom', 'margin-left',
  'padding-top', 'padding-right', 'padding-bottom', 'padding-left',
  'border-top-width', 'border-right-width', 'border-bottom-width', 'border-left-width',
  'border-top-style', 'border-right-style', 'border-bottom-style', 'border-left-style',
  'border-top-color', 'border-left-color', 'border-top-left-radius', 'outline-style',
  'text-decoration-line', 'text-transform', 'text-indent', 'text-align', 'text-shadow',
  'letter-spacing', 'word-spacing', 'white-space', 'word-break', 'overflow-wrap', 'hyphens',
  'list-style-type', 'list-style-position', 'quotes', 'tab-size', 'object-fit', 'content',
  // the internal design tokens, defined on the shadow tree's top-level elements
  '--a', '--s', '--b', '--m', '--r', '--g',
];
/** Compared with the geometry tolerance (used sizes: only meaningful for replaced elements). */
const SIZE = ['width', 'height', 'max-width'];
const PX = 1; // geometry tolerance

interface Item {
  rect?: number[]; // x, y, width, height relative to the host's content box
  style: Record<string, string>;
}

/** Geometry and computed style of everything inside the widget `host`, by a stable path. */
function snapshot(win: Win, host: Element): Map<string, Item> {
  const out = new Map<string, Item>();
  const hr = host.getBoundingClientRect();
  const hs = win.getComputedStyle(host);
  const ox = hr.left + parseFloat(hs.borderLeftWidth) + parseFloat(hs.paddingLeft);
  const oy = hr.top + parseFloat(hs.borderTopWidth) + parseFloat(hs.paddingTop);
  const rel = (r: DOMRect) => [r.left - ox, r.top - oy, r.width, r.height];
  const styleOf = (cs: CSSStyleDeclaration, sizes: boolean) => {
    const s: Record<string, string> = {};
    for (const p of STYLE) s[p] = cs.getPropertyValue(p).trim();
    if (sizes) for (const p of SIZE) s[p] = cs.getPropertyValue(p);
    return s;
  };
  const visit = (node: ParentNode, path: string) => {
    let i = 0;
    for (const child of node.childNodes) {
      const key = `${path}>${child.nodeName.toLowerCase()}${i++}`;
      if (child.nodeType === Node.TEXT_NODE) {
        if (!child.textContent!.trim()) continue;
        const range = win.document.createRange();
        range.selectNodeContents(child);
        out.set(key, {rect: rel(range.getBoundingClientRect()), style: {}});
        continue;
      }
      if (child.nodeType !== Node.ELEMENT_NODE) continue;
      const el = child as Element;
      if (el.localName === 'style') continue;
      const cs = win.getComputedStyle(el);
      // A display: contents element (<slot>) has no box: getBoundingClientRect() is all zeros.
      const rect = cs.display === 'contents' ? undefined : rel(el.getBoundingClientRect());
      out.set(key, {rect, style: styleOf(cs, el.localName === 'img')});
      for (const pseudo of ['::before', '::after', '::marker']) {
        const cs = win.getComputedStyle(el, pseudo);
        if (pseudo === '::marker' ? cs.display === 'list-item' || el.localName === 'li' : cs.content !== 'none' && cs.content !== 'normal') {
          out.set(key + pseudo, {style: styleOf(cs, false)});
        }
      }
      if (el.shadowRoot) visit(el.shadowRoot, key + '>#shadow');
      visit(el, key);
    }
  };
  if (!host.shadowRoot) throw new Error(`#${host.id} has no shadow root`);
  visit(host.shadowRoot, `#${host.id}>#shadow`);
  return out;
}

interface Diff {
  mismatches: string[];
  compared: number;
  maxDelta: number;
}

function compare(blank: Map<string, Item>, page: Map<string, Item>): Diff {
  const mismatches: string[] = [];
  let maxDelta = 0;
  for (const key of new Set([...blank.keys(), ...page.keys()])) {
    const a = blank.get(key);
    const b = page.get(key);
    if (!a || !b) {
      mismatches.push(`${key}: ${a ? 'missing' : 'extra'} on the host page`);
      continue;
    }
    if (a.rect && b.rect) {
      const d = Math.max(...a.rect.map((v, i) => Math.abs(v - b.rect![i])));
      maxDelta = Math.max(maxDelta, d);
      if (d > PX) mismatches.push(`${key}: box [${a.rect.map((v) => v.toFixed(1))}] on blank, [${b.rect.map((v) => v.toFixed(1))}] here`);
    }
    for (const p of Object.keys(a.style)) {
      // A page that declares 'light' (Pico) gets what a page declaring nothing gets: the light palette.
      const [x, y] = [a.style[p], b.style[p]].map((v) => (p === 'color-scheme' && v === 'normal' ? 'light' : v));
      const px = /^-?[\d.]+px$/;
      const same = SIZE.includes(p) && px.test(x) && px.test(y) ? Math.abs(parseFloat(x) - parseFloat(y)) <= PX : x === y;
      if (!same) mismatches.push(`${key} ${p}: ${JSON.stringify(x)} on blank, ${JSON.stringify(y)} here`);
    }
  }
  return {mismatches, compared: blank.size, maxDelta};
}

describe('host CSS cannot break the widgets (built bundle, real host pages)', function () {
  this.timeout(60000);
  let blank: Map<string, Item>[];
  let frameAxe: {run: (...a: unknown[]) => unknown} | undefined;

  before(async () => {
    // chai-a11y-axe runs `window.axe` when it is set: point it at the axe inside the current host
    // page, so that `expect(el).to.be.accessible()` checks the element in its own document.
    (window as unknown as {axe: unknown}).axe = {run: (...a: unknown[]) => frameAxe!.run(...a)};
    const {frame, win, doc} = await openFrame({src: '/test/hosts/blank.html'});
    const hosts = WIDGETS.map((id) => doc.getElementById(id)!);
    await ready(win, hosts);
    blank = hosts.map((h) => snapshot(win, h));
    frame.remove();
  });

  it('renders on the blank page (the reference) with something to compare', () => {
    for (const snap of blank) expect(snap.size).to.be.greaterThan(100);
  });

  for (const name of PAGES) {
    it(`${name}: same geometry (±${PX} px) and computed styles as on the blank page; accessible`, async () => {
      const {frame, win, doc} = await openFrame({src: `/test/hosts/${name}.html`});
      try {
        const sheets = [...doc.styleSheets].filter((s) => s.href && !s.href.startsWith('data:'));
        expect(sheets.length, `${name}.html: its stylesheet did not load`).to.be.greaterThan(0);
        expect(sheets.every((s) => s.cssRules.length > 0), `${name}.html: an empty stylesheet`).to.be.true;
        const hosts = WIDGETS.map((id) => doc.getElementById(id)!);
        await ready(win, hosts);
        const diffs = hosts.map((h, i) => compare(blank[i], snapshot(win, h)));
        const all = diffs.flatMap((d) => d.mismatches);
        console.log(
          `host-css ${name}: ${diffs.map((d, i) => `#${WIDGETS[i]} ${d.compared} nodes, max box delta ${d.maxDelta.toFixed(2)} px`).join('; ')}; ${all.length} mismatches`,
        );
        expect(all.length, `${all.length} differences from the blank page:\n  ${all.slice(0, 60).join('\n  ')}`).to.equal(0);

        const axeScript = doc.createElement('script');
        axeScript.src = '/node_modules/axe-core/axe.min.js';
        await new Promise((ok, fail) => {
          axeScript.onload = ok;
          axeScript.onerror = fail;
          doc.head.append(axeScript);
        });
        frameAxe = (win as unknown as {axe: typeof frameAxe}).axe;
        await expect(doc.getElementById('stage')).to.be.accessible();
      } finally {
        frame.remove();
      }
    });
  }
});

// ---------------------------------------------------------------------------------------------
// 2. Widgets cannot break the host.

const card = {title: 'A source', url: 'https://example.com/a', publishedAt: '2025-06-10', points: ['One point'], image: {src: '/test/fixtures/img.svg', alt: 'chart'}};
const takeaways = {heading: 'Takeaways', items: ['First', {text: 'Second', icon: '💡'}]};
const comment = {text: 'A comment', name: 'Reader', avatar: '/test/fixtures/avatar.svg'};

/** The host page around the widgets; identical with and without the bundle (but for its script tag). */
function hostPage(head: string) {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>host</title>
${head}
<style>
  body { font: 15px/1.4 Georgia, serif; color: #333; margin: 12px; }
  a { color: purple; } img { width: 40px; } ul { padding-left: 2em; } h1, h2, h3 { font-family: sans-serif; }
</style>
</head><body>
<h1>Host h1</h1><h2>Host h2</h2><h3>Host h3</h3>
<p id="p">A host paragraph with <a href="#x">a link</a> and <img src="/test/fixtures/img.svg" alt="host image">.</p>
<ul><li>host item</li></ul>
<div id="widgets" style="height: 200px; overflow: auto">
  <digest-article src="/test/fixtures/seed.json"></digest-article>
  <source-card data="${escapeHtml(JSON.stringify(card))}"></source-card>
  <takeaway-list data="${escapeHtml(JSON.stringify(takeaways))}"></takeaway-list>
  <reader-comment data="${escapeHtml(JSON.stringify(comment))}"></reader-comment>
</div>
</body></html>`;
}

/** Every computed property of the host page's own elements, by selector. */
function hostStyles(win: Win) {
  const out: Record<string, Record<string, string>> = {};
  for (const sel of ['html', 'body', 'h1', 'h2', 'h3', 'p', 'a', 'img', 'ul', 'li', '#widgets']) {
    const cs = win.getComputedStyle(win.document.querySelector(sel)!);
    const s: Record<string, string> = {};
    for (let i = 0; i < cs.length; i++) s[cs[i]] = cs.getPropertyValue(cs[i]);
    out[sel] = s;
  }
  return out;
}

const PROTOTYPES = ['Object', 'Array', 'Function', 'Promise', 'EventTarget', 'Node', 'Element', 'HTMLElement', 'Document', 'ShadowRoot', 'CSSStyleSheet', 'Window'];
function globalsOf(win: Win) {
  const w = win as unknown as Record<string, {prototype?: object}>;
  return {
    names: [...new Set([...Object.keys(win), ...Object.getOwnPropertyNames(win)])],
    symbols: Object.getOwnPropertySymbols(win).map(String),
    document: Object.getOwnPropertyNames(win.document),
    protos: Object.fromEntries(PROTOTYPES.map((c) => [c, Object.getOwnPropertyNames(w[c].prototype!).sort().join()])),
  };
}

/**
 * Installed in the page BEFORE the bundle: counts live event listeners (on window, document, html,
 * head, body and every non-Node target such as MediaQueryList or FontFaceSet; AbortSignals die with
 * their fetch and are left out), pending timers, animation frames and idle callbacks, and
 * observers that observe something. `__leaks()` lists what is live.
 */
const INSTRUMENT = `<script>
(() => {
  const listeners = new Map(), timers = new Map(), observing = new Map();
  const ids = new WeakMap(); let n = 0;
  const id = (o) => { if (!ids.has(o)) ids.set(o, ++n); return ids.get(o); };
  const where = () => (new Error().stack || '').split('\\n').slice(2, 4).join(' | ');
  const name = (t) => t === window ? 'window' : t === document ? 'document' : t.nodeName || t.constructor.name;
  const watched = (t) => t === window || t === document || t === document.documentElement || t === document.head ||
    t === document.body || (!(t instanceof Node) && !(t instanceof AbortSignal));
  const capture = (o) => typeof o === 'boolean' ? o : !!(o && o.capture);
  const key = (t, type, fn, o) => id(t) + ' ' + type + ' ' + id(fn) + ' ' + capture(o);
  const ET = EventTarget.prototype, add = ET.addEventListener, remove = ET.removeEventListener;
  ET.addEventListener = function (type, fn, o) {
    if (fn && watched(this)) {
      const k = key(this, type, fn, o);
      listeners.set(k, name(this) + ' ' + type + ' @ ' + where());
      if (o && o.once) add.call(this, type, () => listeners.delete(k), {once: true, capture: capture(o)});
      if (o && o.signal) add.call(o.signal, 'abort', () => listeners.delete(k), {once: true});
    }
    return add.call(this, type, fn, o);
  };
  ET.removeEventListener = function (type, fn, o) {
    if (fn) listeners.delete(key(this, type, fn, o));
    return remove.call(this, type, fn, o);
  };
  const MQL = window.MediaQueryList && MediaQueryList.prototype;
  if (MQL && MQL.addListener) {
    const al = MQL.addListener, rl = MQL.removeListener;
    MQL.addListener = function (fn) { listeners.set(key(this, 'change', fn, false), 'MediaQueryList addListener @ ' + where()); return al.call(this, fn); };
    MQL.removeListener = function (fn) { listeners.delete(key(this, 'change', fn, false)); return rl.call(this, fn); };
  }
  const wrapTimer = (set, clear, prefix, repeat) => {
    const s = window[set], c = window[clear];
    window[set] = function (fn, ...rest) {
      let handle;
      const cb = typeof fn === 'function' && !repeat ? function (...a) { timers.delete(prefix + handle); return fn.apply(this, a); } : fn;
      handle = s.call(window, cb, ...rest);
      timers.set(prefix + handle, set + ' @ ' + where());
      return handle;
    };
    window[clear] = function (handle) { timers.delete(prefix + handle); return c.call(window, handle); };
  };
  // setTimeout and setInterval share one id space (either clear function clears either).
  wrapTimer('setTimeout', 'clearTimeout', 't', false);
  wrapTimer('setInterval', 'clearInterval', 't', true);
  wrapTimer('requestAnimationFrame', 'cancelAnimationFrame', 'r', false);
  if (window.requestIdleCallback) wrapTimer('requestIdleCallback', 'cancelIdleCallback', 'i', false);
  for (const O of [window.MutationObserver, window.ResizeObserver, window.IntersectionObserver]) {
    if (!O) continue;
    const P = O.prototype, obs = P.observe, un = P.unobserve, dis = P.disconnect;
    P.observe = function (target, ...rest) {
      if (!observing.has(this)) observing.set(this, {what: O.name + ' @ ' + where(), targets: new Set()});
      observing.get(this).targets.add(target);
      return obs.call(this, target, ...rest);
    };
    if (un) P.unobserve = function (target) { observing.get(this)?.targets.delete(target); return un.call(this, target); };
    P.disconnect = function () { observing.delete(this); return dis.call(this); };
  }
  const handlers = () => [window, document].flatMap((t) => {
    const out = [];
    for (const k in t) if (k.startsWith('on') && t[k]) out.push(name(t) + '.' + k);
    return out;
  });
  window.__leaks = () => ({
    listeners: [...listeners.values()],
    timers: [...timers.values()],
    observers: [...observing.values()].filter((o) => o.targets.size).map((o) => o.what),
    handlers: handlers(),
  });
})();
</script>`;

describe('widgets cannot break the host (built bundle)', function () {
  this.timeout(60000);

  it('adds no style sheet and changes no computed style of the host page', async () => {
    const a = await openFrame({srcdoc: hostPage('')});
    const b = await openFrame({srcdoc: hostPage(`<script src="${BUNDLE}"></script>`)});
    try {
      const hosts = [...b.doc.querySelectorAll('#widgets > *')];
      await until(() => hosts.every((h) => h.shadowRoot?.querySelector('[part]:not([part=loading])')), 'the widgets to render', 15_000);
      await ready(b.win, [b.doc.querySelector('digest-article')!]);
      expect(a.win.customElements.get('digest-article'), 'no bundle in the reference page').to.be.undefined;
      expect(b.win.customElements.get('digest-article'), 'the bundle registered').to.exist;
      const sheets = (d: Document) => ({
        styleSheets: d.styleSheets.length,
        adoptedStyleSheets: d.adoptedStyleSheets.length,
        styleNodes: d.querySelectorAll('style, link[rel~="stylesheet"]').length,
        fontFaces: d.fonts.size,
      });
      expect(sheets(b.doc)).to.deep.equal(sheets(a.doc));
      const [x, y] = [hostStyles(a.win), hostStyles(b.win)];
      const changed = Object.keys(x).flatMap((sel) =>
        Object.keys(x[sel]).filter((p) => x[sel][p] !== y[sel][p]).map((p) => `${sel} ${p}: ${x[sel][p]} → ${y[sel][p]}`),
      );
      console.log(`host-css host page: ${Object.keys(x).length} host elements × ${Object.keys(x.p).length} computed properties compared, ${changed.length} changed`);
      expect(changed, changed.join('\n')).to.deep.equal([]);
    } finally {
      a.frame.remove();
      b.frame.remove();
    }
  });

  it('adds no globals beyond Lit’s (and the table of UI languages) and changes no built-in prototype', async () => {
    const a = await openFrame({srcdoc: hostPage('')});
    const b = await openFrame({srcdoc: hostPage(`<script src="${BUNDLE}"></script>`)});
    try {
      await until(() => b.doc.querySelector('digest-article')!.shadowRoot?.querySelector('[part~=article]'), 'the widgets to render', 15_000);
      const [x, y] = [globalsOf(a.win), globalsOf(b.win)];
      const added = y.names.filter((n) => !x.names.includes(n)).sort();
      console.log(`host-css globals added by the bundle: ${added.join(', ') || '(none)'}`);
      expect(added.filter((n) => !LIT_GLOBALS.includes(n)), 'globals beyond Lit’s').to.deep.equal([]);
      expect(x.names.filter((n) => !y.names.includes(n)), 'globals removed').to.deep.equal([]);
      expect(y.symbols.filter((s) => !OUR_SYMBOLS.includes(s)), 'symbol-keyed globals beyond the table of UI languages').to.deep.equal(x.symbols);
      expect(y.document).to.deep.equal(x.document);
      expect(y.protos).to.deep.equal(x.protos);
    } finally {
      a.frame.remove();
      b.frame.remove();
    }
  });

  it('leaves no listener, timer, animation frame or observer behind after its elements are removed', async () => {
    const {frame, win, doc} = await openFrame({srcdoc: `<!doctype html><html lang="en"><head><meta charset="utf-8">${INSTRUMENT}<script src="${BUNDLE}"></script></head><body><main id="m"></main></body></html>`});
    type Leaks = {listeners: string[]; timers: string[]; observers: string[]; handlers: string[]};
    const leaks = () => (win as unknown as {__leaks: () => Leaks}).__leaks();
    try {
      expect(win.customElements.get('digest-article'), 'the bundle registered').to.exist;
      const baseline = leaks();
      // Loading the bundle registers nothing at all.
      expect(baseline).to.deep.equal({listeners: [], timers: [], observers: [], handlers: []});
      const m = doc.getElementById('m')!;
      const seed = await (await fetch('/test/fixtures/seed.json')).json();
      const make = (tag: string, set: (e: HTMLElement & {data?: unknown; src?: string}) => void) => {
        const e = doc.createElement(tag) as HTMLElement & {data?: unknown; src?: string};
        set(e);
        m.append(e);
        return e;
      };
      let peak = 0;
      for (let round = 0; round < 2; round++) {
        const els = [
          make('digest-article', (e) => e.setAttribute('src', '/test/fixtures/seed.json')),
          make('digest-article', (e) => (e.data = seed)),
          make('digest-article', (e) => (e.innerHTML = `<script type="application/json">${JSON.stringify({title: 'Child script'})}</script>`)),
          make('digest-article', (e) => e.setAttribute('src', '/test/fixtures/does-not-exist.json')), // error state + retry
          make('source-card', (e) => e.setAttribute('data', JSON.stringify(card))),
          make('takeaway-list', (e) => (e.data = takeaways)),
          make('reader-comment', (e) => e.setAttribute('data', JSON.stringify(comment))),
        ];
        // One removed while its src is still loading (the fetch is aborted).
        make('digest-article', (e) => e.setAttribute('src', '/test/fixtures/seed.json')).remove();
        await until(() => els.every((e) => e.shadowRoot?.querySelector('[part]:not([part=loading])')), 'all to render', 15_000);
        await ready(win, [els[0]], false); // no animation frame of the page's: it is instrumented
        (els[1] as {data?: unknown}).data = {...seed, title: 'Replaced'};
        els[0].setAttribute('src', '/test/fixtures/en-article.json');
        await until(() => els[0].shadowRoot?.querySelector('[part~=article]')?.textContent?.includes('Heat'), 'the new src to render', 15_000);
        const live = leaks();
        peak = Math.max(peak, live.listeners.length + live.timers.length + live.observers.length);
        m.replaceChildren();
        await sleep(300);
        expect(leaks(), `after removal, round ${round + 1}`).to.deep.equal(baseline);
      }
      console.log(`host-css leaks: baseline 0; at most ${peak} live registrations while mounted; 0 after removal`);
    } finally {
      frame.remove();
    }
  });
});
