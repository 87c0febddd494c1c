/** Shared test helpers: fixtures, deep text, event and console capture. */
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

/** Waits until `cond()` holds; throws after `ms`, naming `what`. */
export async function until(cond: () => boolean, what: string, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
