/**
 * The test utilities of the browser tests: fixtures, deep text, event and console capture, waiting,
 * and (below) the hostile-data helpers: tripwires, the rendered tree, data with a payload everywhere.
 */
import {expect, fixture} from '@open-wc/testing';
import type {TemplateResult} from 'lit';
import '../src/define.js';

export const fixtureUrl = (name: string) => new URL(`./fixtures/${name}`, import.meta.url).href;

export async function loadJson<T = Record<string, unknown>>(name: string): Promise<T> {
  const r = await fetch(fixtureUrl(name));
  return (await r.json()) as T;
}

/** All rendered text in document order, descending into shadow roots (not into light DOM of shadow hosts). */
export function deepText(root: Node): string[] {
  const out: string[] = [];
  const walk = (n: Node) => {
    if (n.nodeType === Node.TEXT_NODE) {
      const t = n.textContent!.trim();
      if (t) out.push(t);
      return;
    }
    if (n instanceof HTMLScriptElement || n instanceof HTMLStyleElement) return;
    const kids = n instanceof Element && n.shadowRoot ? n.shadowRoot.childNodes : n.childNodes;
    kids.forEach(walk);
  };
  walk(root);
  return out;
}

/** Every element matching `selector` in the tree, through shadow roots. */
export function deepAll<E extends Element = Element>(root: Element | ShadowRoot, selector: string): E[] {
  const found: E[] = [];
  const visit = (r: Element | ShadowRoot | Document) => {
    found.push(...(r.querySelectorAll(selector) as NodeListOf<E>));
    r.querySelectorAll('*').forEach((el) => el.shadowRoot && visit(el.shadowRoot));
  };
  if (root instanceof Element && root.shadowRoot) visit(root.shadowRoot);
  visit(root);
  return [...new Set(found)];
}

/** Waits until every element with a shadow root in the tree has finished updating. */
export async function settled(el: Element): Promise<void> {
  for (let i = 0; i < 5; i++) {
    const pending = [el, ...deepAll(el, '*')]
      .map((e) => (e as Partial<{updateComplete: Promise<boolean>}>).updateComplete)
      .filter(Boolean);
    await Promise.all(pending);
  }
}

/** Collects events of `types` fired at or through `target` until `stop()`. */
export function capture(target: EventTarget, ...types: string[]) {
  const events: Event[] = [];
  const on = (e: Event) => events.push(e);
  types.forEach((t) => target.addEventListener(t, on));
  return {
    events,
    of: (type: string) => events.filter((e) => e.type === type) as CustomEvent<{message: string; path?: string}>[],
    stop: () => types.forEach((t) => target.removeEventListener(t, on)),
  };
}

/** Replaces console.error/warn while `fn` runs and returns what they were given. */
export async function quietConsole(fn: () => Promise<void> | void) {
  const logged = {error: [] as string[], warn: [] as string[]};
  const {error, warn} = console;
  console.error = (...a: unknown[]) => logged.error.push(a.join(' '));
  console.warn = (...a: unknown[]) => logged.warn.push(a.join(' '));
  try {
    await fn();
  } finally {
    console.error = error;
    console.warn = warn;
  }
  return logged;
}

/** Fails when the page reports an uncaught error while `fn` runs. */
export async function noUncaught(fn: () => Promise<void> | void) {
  const errors: unknown[] = [];
  const onError = (e: ErrorEvent) => errors.push(e.error ?? e.message);
  const onRejection = (e: PromiseRejectionEvent) => errors.push(e.reason);
  window.addEventListener('error', onError);
  window.addEventListener('unhandledrejection', onRejection);
  try {
    await fn();
    await new Promise((r) => setTimeout(r, 0));
  } finally {
    window.removeEventListener('error', onError);
    window.removeEventListener('unhandledrejection', onRejection);
  }
  if (errors.length) throw new Error(`uncaught: ${errors.map(String).join('; ')}`);
}

/** What the error box may say (en, ja). */
export const READER_SENTENCES = ['This content could not be shown.', 'この内容を表示できませんでした。'];

/**
 * The error state of an element that was given bad data (`observe()` in each element's tests):
 * exactly one `digest-error` from the element (bubbling, composed) with `message` and `path`
 * (none for the whole input), no `digest-load`, one console error naming the element and the
 * path, a visible `role="alert"` box instead of the content (`content`: its selector) that shows
 * readers one localized sentence and none of the technical detail (message, path), no axe
 * violation.
 */
export async function expectErrorState(
  el: HTMLElement,
  {log, logged}: {log: ReturnType<typeof capture>; logged: {error: string[]}},
  {path, message, content}: {path: string; message: string; content: string},
): Promise<void> {
  const errs = log.of('digest-error');
  expect(errs.length).to.equal(1);
  const [e] = errs;
  expect(e.target === el).to.be.true;
  expect(e.bubbles).to.be.true;
  expect(e.composed).to.be.true;
  expect(e.detail.message).to.include(message);
  if (path) expect(e.detail.path).to.equal(path);
  else expect('path' in e.detail, 'no path for the whole input').to.be.false;
  expect(log.of('digest-load').length).to.equal(0);
  expect(logged.error.length).to.equal(1);
  expect(logged.error[0]).to.include(`<${el.localName}>`);
  expect(logged.error[0]).to.include(message);
  if (path) expect(logged.error[0]).to.include(path);
  const box = el.shadowRoot!.querySelector('[part=error]')!;
  expect(box.getAttribute('role')).to.equal('alert');
  // Readers get a sentence in their language; the detail is for developers (console, event).
  const text = box.textContent!.replace(/\s+/g, ' ').trim();
  const sentence = box.querySelector('p')!.textContent!;
  expect(READER_SENTENCES, 'the box says one of the reader sentences').to.include(sentence);
  expect(text.replace(sentence, '').replace(/Try again|再読み込み/, '').trim(), 'nothing but the sentence (and retry)').to.equal('');
  expect(text).to.not.include(message);
  if (path) expect(text).to.not.include(path);
  expect(el.shadowRoot!.querySelector(content) === null, `no ${content}`).to.be.true;
  await expect(el).to.be.accessible();
}

/**
 * The warning state of an element given good data with bad values: one `digest-warning` per path
 * in `paths` (bubbling, composed), one `digest-load`, no error, one console warning per path
 * naming the element, the rest rendered (`texts`, the deep text), no axe violation.
 */
export async function expectWarnings(
  el: HTMLElement,
  {log, logged}: {log: ReturnType<typeof capture>; logged: {error: string[]; warn: string[]}},
  paths: string[],
  texts: string[],
): Promise<void> {
  expect(log.of('digest-warning').map((e) => e.detail.path)).to.deep.equal(paths);
  const [w] = log.of('digest-warning');
  expect(w.bubbles && w.composed).to.be.true;
  expect(log.of('digest-error').length).to.equal(0);
  expect(log.of('digest-load').length).to.equal(1);
  expect(logged.error.length).to.equal(0);
  expect(logged.warn.length).to.equal(paths.length);
  expect(logged.warn[0]).to.include(`<${el.localName}> ${paths[0]}`);
  expect(deepText(el)).to.deep.equal(texts);
  await expect(el).to.be.accessible();
}

/** Where `mountIn` puts an element: the `lang`, `dir` and width of its parent `<div>`. */
export interface Place {
  lang?: string;
  dir?: string;
  width?: string;
}

/**
 * Renders `template` (one element) inside a fresh `<div>` with the given `lang`, `dir` and width,
 * and waits until it and every element inside it have rendered. The parent is made here so that
 * the fixture root is the Lit element: fixture() then awaits its updateComplete (a plain `<div>`
 * root would wait for an animation frame, which never comes while the page is in a background tab).
 */
export async function mountIn<T extends Element>(template: TemplateResult, {lang, dir, width}: Place = {}): Promise<T> {
  const parent = document.createElement('div');
  if (lang) parent.lang = lang;
  if (dir) parent.dir = dir;
  if (width) parent.style.width = width;
  const el = await fixture<T>(template, {parentNode: parent});
  await settled(el);
  return el;
}

/** Runs `mount` with the events and the console captured, failing on any uncaught error. */
export async function observing<T extends Element>(mount: () => Promise<T>) {
  const log = capture(document, 'digest-load', 'digest-warning', 'digest-error');
  let el!: T;
  const logged = await quietConsole(() =>
    noUncaught(async () => {
      el = await mount();
    }),
  );
  log.stop();
  return {el, log, logged};
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls `probe()` until it returns something truthy, and returns that; throws after `ms`, naming `what`. */
export async function until<T>(probe: () => T | undefined | null | false, what: string, ms = 5000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = probe();
    if (value) return value;
    if (Date.now() > end) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await sleep(20);
  }
}

// ---------------------------------------------------------------------------------------------
// Hostile data

export const IMG = new URL('./fixtures/img.svg', import.meta.url).href;

export type Any = Record<string, unknown>;
export type Digest = HTMLElement & {data?: unknown; src?: string | null; updateComplete: Promise<boolean>};

// ---------------------------------------------------------------------------------------------
// Tripwires: anything a payload could use to run, or to phone home.

export interface Tripwire {
  /** What was called that must never be. */
  calls: string[];
  /** Every URL fetch() was given (resolved). */
  fetched: string[];
  restore(): void;
}

/**
 * Hooks alert/confirm/prompt/open, fetch, XMLHttpRequest.open, eval, Function, string timers,
 * document.write and sendBeacon. `answer` may answer a fetch (the element's own `src`): every
 * other fetch is recorded as a call and answered 404 without touching the network.
 */
export function tripwire(answer: (url: URL) => Response | undefined = () => undefined): Tripwire {
  const w = window as unknown as Any;
  const calls: string[] = [];
  const fetched: string[] = [];
  const names = ['alert', 'confirm', 'prompt', 'open', 'fetch', 'eval', 'Function', 'setTimeout', 'setInterval'];
  const saved = Object.fromEntries(names.map((n) => [n, w[n]]));
  const xhrOpen = XMLHttpRequest.prototype.open;
  const write = document.write;
  const beacon = navigator.sendBeacon;
  const trip =
    (name: string) =>
    (...args: unknown[]) => {
      calls.push(`${name}(${args.map((a) => String(a).slice(0, 60)).join(', ')})`);
      return undefined;
    };
  for (const n of ['alert', 'confirm', 'prompt', 'open', 'eval', 'Function']) w[n] = trip(n);
  w.fetch = (input: RequestInfo | URL) => {
    let url: URL;
    try {
      url = new URL(input instanceof Request ? input.url : String(input), document.baseURI);
    } catch (e) {
      calls.push(`fetch(${String(input)}): unparseable`);
      return Promise.reject(e); // as the real fetch() does
    }
    fetched.push(url.href);
    const r = answer(url);
    if (r) return Promise.resolve(r);
    calls.push(`fetch(${url.href})`);
    return Promise.resolve(new Response('not found', {status: 404}));
  };
  for (const n of ['setTimeout', 'setInterval']) {
    const real = saved[n] as (...a: unknown[]) => number;
    w[n] = (handler: unknown, ...rest: unknown[]) =>
      typeof handler === 'string' ? (calls.push(`${n}("${handler.slice(0, 60)}")`), 0) : real.call(window, handler, ...rest);
  }
  XMLHttpRequest.prototype.open = trip('XMLHttpRequest.open') as typeof xhrOpen;
  document.write = trip('document.write');
  navigator.sendBeacon = trip('sendBeacon') as unknown as typeof beacon;
  delete w.__xss;
  return {
    calls,
    fetched,
    restore() {
      Object.assign(w, saved);
      XMLHttpRequest.prototype.open = xhrOpen;
      document.write = write;
      navigator.sendBeacon = beacon;
      if (w.__xss !== undefined) calls.push(`window.__xss = ${String(w.__xss)}`);
      delete w.__xss;
    },
  };
}

// ---------------------------------------------------------------------------------------------
// The rendered tree: everything inside the shadow roots under a root (not the light DOM we wrote).

export function shadowRoots(root: Element): ShadowRoot[] {
  const out: ShadowRoot[] = [];
  const visit = (r: ShadowRoot) => {
    out.push(r);
    r.querySelectorAll('*').forEach((e) => e.shadowRoot && visit(e.shadowRoot));
  };
  [root, ...root.querySelectorAll('*')].forEach((e) => e.shadowRoot && visit(e.shadowRoot));
  return out;
}

export const rendered = (root: Element): Element[] => shadowRoots(root).flatMap((r) => [...r.querySelectorAll('*')]);

/** The data of every text node inside the shadow roots, untrimmed. */
export function renderedText(root: Element): string[] {
  const out: string[] = [];
  for (const r of shadowRoots(root)) {
    const walk = document.createTreeWalker(r, NodeFilter.SHOW_TEXT);
    while (walk.nextNode()) out.push((walk.currentNode as Text).data);
  }
  return out;
}

const BANNED = new Set(['script', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'base', 'meta', 'link', 'form', 'style', 'template']);
const URL_ATTRS = new Set(['href', 'src', 'srcset', 'action', 'formaction', 'xlink:href', 'poster', 'background', 'ping', 'cite', 'data']);

/** Everything in the rendered tree that could run script or leave http(s); [] when clean. */
export function audit(root: Element): string[] {
  const bad: string[] = [];
  for (const el of rendered(root)) {
    const tag = el.localName;
    if (BANNED.has(tag)) bad.push(`<${tag}> rendered`);
    for (const {name, value} of el.attributes) {
      if (/^on/i.test(name)) bad.push(`<${tag} ${name}>`);
      if (!URL_ATTRS.has(name.toLowerCase())) continue;
      const candidates = name === 'srcset' || name === 'ping' ? value.split(/[,\s]+/).filter((v) => !/^\d/.test(v)) : [value];
      for (const v of candidates) {
        let protocol = '(unparseable)';
        try {
          protocol = new URL(v, document.baseURI).protocol;
        } catch {
          /* reported below */
        }
        if (!/^https?:$/.test(protocol)) bad.push(`<${tag} ${name}=${JSON.stringify(v)}> is ${protocol}`);
      }
    }
  }
  return bad;
}

export type State = 'error' | 'shown' | 'loading' | 'empty';
export function state(el: Element): State {
  const root = el.shadowRoot;
  const first = root?.querySelector('[part]');
  if (!first) return 'empty';
  const error = root!.querySelector('[part=error]');
  if (error) return error.getAttribute('role') === 'alert' ? 'error' : 'empty';
  return first.getAttribute('part') === 'loading' ? 'loading' : 'shown';
}

// ---------------------------------------------------------------------------------------------
// Data with `p` in every field.

/** An article with `p` in every text field (and in lang, dates, side, a block type); URLs are `url`. */
export function articleOf(p: string, url = IMG): Any {
  return {
    version: 1,
    lang: p,
    site: {name: p, url, logo: url},
    title: p,
    lead: p,
    publishedAt: p,
    updatedAt: '2025-06-10',
    author: {name: p, url, avatar: url},
    image: {src: url, alt: p, credit: p},
    takeaways: takeawaysOf(p),
    intro: [p, p],
    sections: [
      {
        id: p,
        heading: p,
        question: p,
        answer: p,
        blocks: [
          {type: 'source', ...sourceOf(p, url)},
          {type: 'comment', ...commentOf(p, url)},
          {type: 'paragraph', text: p},
          {type: 'commentary', name: p, paragraphs: [p]},
          {type: p, text: p},
        ],
      },
    ],
    next: {url, label: p, teaser: p},
  };
}
export const sourceOf = (p: string, url = IMG): Any => ({
  title: p,
  url,
  publishedAt: p,
  points: [p, p],
  siteName: p,
  image: {src: url, alt: p, credit: p},
});
export const takeawaysOf = (p: string): Any => ({heading: p, icon: p, items: [p, {text: p, icon: p}]});
export const commentOf = (p: string, url = IMG): Any => ({text: p, name: p, persona: p, avatar: url, side: p});

/**
 * How many text nodes show `p` for each element's data above. Article: site name, title, lead,
 * author, image credit, takeaways (heading, icon, 2 items, 1 item icon), 2 intro, section
 * heading, question, answer, source card (title, 2 points, site name in "read more"), comment
 * (text, name, persona), paragraph, commentary (name, 1 paragraph), next label and teaser.
 */
export const SHOWN = {article: 27, source: 4, takeaways: 5, comment: 3};

/** Answers fetch() for URLs registered here (the `src` of elements under test). */
export const served = new Map<string, string>();
let served_n = 0;
export function serve(body: string): string {
  const url = new URL(`/__hostile/${++served_n}.json`, document.baseURI).href;
  served.set(url, body);
  return url;
}
export const answer = (url: URL) => {
  const body = served.get(url.href);
  return body === undefined ? undefined : new Response(body, {headers: {'content-type': 'application/json'}});
};

export function make<E extends Digest = Digest>(tag: string, attrs: Record<string, string> = {}, data?: unknown, script?: string): E {
  const el = document.createElement(tag) as E;
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  if (data !== undefined) el.data = data;
  if (script !== undefined) {
    const s = document.createElement('script');
    s.type = 'application/json';
    s.textContent = script;
    el.append(s);
  }
  return el;
}

/** Mounts `els` in a fresh container, waits until none is loading (or `ms`), then a little more. */
export async function mount(els: Element[], ms = 5000) {
  const box = document.createElement('div');
  box.append(...els);
  document.body.append(box);
  await until(() => els.every((e) => state(e) !== 'loading' && state(e) !== 'empty'), 'every element to show or fail', ms);
  await settled(box);
  return box;
}

export const label = (p: string) => JSON.stringify(p.length > 50 ? `${p.slice(0, 50)}…` : p);

