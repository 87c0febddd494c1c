/** Shared test helpers: fixtures, deep text, event and console capture. */
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
