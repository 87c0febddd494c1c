/** Helpers of the hostile-data tests: tripwires, the rendered tree, data with a payload everywhere. */
import {settled} from './helpers.js';

export const IMG = new URL('./fixtures/img.svg', import.meta.url).href;

export type Any = Record<string, unknown>;
export type Digest = HTMLElement & {data?: unknown; src?: string | null; updateComplete: Promise<boolean>};

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls `test` until it is true or `ms` pass; true when it became true. */
export async function until(test: () => boolean, ms = 5000): Promise<boolean> {
  const end = performance.now() + ms;
  while (!test()) {
    if (performance.now() > end) return false;
    await sleep(10);
  }
  return true;
}

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
  await until(() => els.every((e) => state(e) !== 'loading' && state(e) !== 'empty'), ms);
  await settled(box);
  return box;
}

export const label = (p: string) => JSON.stringify(p.length > 50 ? `${p.slice(0, 50)}…` : p);

