/**
 * Shared by the stories: the fixtures (test/fixtures), edge-case data, the render function that
 * turns a story's args into an element, the usage snippet shown in the docs, and a `fetch` stub
 * for the `src` stories.
 */
import type {Args, StoryContext} from '@storybook/web-components-vite';
import type {TemplateResult} from 'lit';
import {ref} from 'lit/directives/ref.js';
import {html as staticHtml, unsafeStatic} from 'lit/static-html.js';
import {scriptJson} from '../src/format/json-ld.js';
import type {Article, CommentBlock, SourceBlock, Takeaways} from '../src/format/types.js';
import manifest from '../custom-elements.json';
import enJson from '../test/fixtures/en-article.json';
import seedJson from '../test/fixtures/seed.json';
import {escapeHtml} from '../test/common.js';

// ---------------------------------------------------------------------------------------------
// Fixtures

/**
 * Page-relative URLs of the fixture files (`.storybook/main.ts` serves test/fixtures at
 * `fixtures/`), so they work wherever the static Storybook is deployed.
 */
export const IMG = 'fixtures/img.svg';
export const AVATAR = 'fixtures/avatar.svg';
/** An http(s) URL that answers 404. */
export const MISSING_IMG = 'fixtures/no-such-image.png';
/** The console line Chromium logs for MISSING_IMG (the smoke test appends the path). */
export const MISSING_IMG_ERROR = /^Failed to load resource: the server responded with a status of 404 \(Not Found\) \S*\/fixtures\/no-such-image\.png$/;
/** An http(s) URL that answers 200 with something that is not an image. */
export const NOT_AN_IMAGE = 'fixtures/seed.json';

/** The fixture with its `/test/fixtures/…` URLs made page-relative `fixtures/…`. */
const relative = <T>(value: T): T => JSON.parse(JSON.stringify(value).replaceAll('"/test/fixtures/', '"fixtures/')) as T;

/** The Japanese seed article, as the format's reference shows it. */
export const seed = seedJson as unknown as Article;
/** The English article: every field of the format, images included. */
export const enArticle = relative(enJson) as unknown as Article;

const blocks = (article: Article) => article.sections.flatMap((s) => s.blocks);
const sources = (article: Article) => blocks(article).filter((b): b is SourceBlock => b.type === 'source');
const comments = (article: Article) => blocks(article).filter((b): b is CommentBlock => b.type === 'comment');

export const seedSources = sources(seed);
export const seedComments = comments(seed);
export const seedTakeaways = seed.takeaways as Takeaways;
export const enSources = sources(enArticle);
export const enComments = comments(enArticle);
export const enTakeaways = enArticle.takeaways as Takeaways;

/** Exactly `length` characters of `text` repeated (code points, so CJK and emoji stay whole). */
export const repeatTo = (text: string, length: number): string => {
  const chars = [...text];
  return Array.from({length}, (_, i) => chars[i % chars.length]).join('');
};

/** A 300-character Latin title (with one very long word, which must wrap too). */
export const LONG_TITLE = repeatTo(
  'Supercalifragilisticexpialidociously-long-compound-identifier: what a 300-character headline does to the layout of every card and list it appears in, ',
  300,
);
/** A 300-character Japanese title. */
export const LONG_TITLE_JA = repeatTo('米中レアアース争奪戦の行方?貿易戦争2.0と交渉の裏側を徹底解説!', 300);
/** A very long URL without a break opportunity. */
export const LONG_URL = `https://example.com/${'very-long-path-segment-'.repeat(12)}end?q=${'x'.repeat(80)}`;
/** Forty points for one source card. */
export const FORTY_POINTS = Array.from({length: 40}, (_, i) =>
  i % 2 ? `要点 ${i + 1}: レアアースの供給網は長期的に再編される見込み。` : `Point ${i + 1}: supply chains for rare earths will take years to rebuild.`,
);

// ---------------------------------------------------------------------------------------------
// Docs

interface ManifestDeclaration {
  tagName?: string;
  description?: string;
  members?: {kind?: string; privacy?: string; static?: boolean}[];
}
interface Manifest {
  modules: {declarations?: ManifestDeclaration[]}[];
}

/**
 * The manifest as the docs should see it: the public API only. The analyzer lists private and
 * static members too (`input`, `retry`, `version`…), which Storybook would otherwise show as
 * properties with controls.
 */
export const publicManifest = (): Manifest => {
  const copy = structuredClone(manifest) as Manifest;
  for (const module of copy.modules) {
    for (const d of module.declarations ?? []) {
      d.members = d.members?.filter((m) => !m.static && m.privacy !== 'private' && m.privacy !== 'protected' && m.kind !== 'method');
    }
  }
  return copy;
};

/** The component description for an element's docs page: its JSDoc, then how to use it. */
export function componentDocs(tag: string, example: string): string {
  const declaration = (manifest as Manifest).modules
    .flatMap((m) => m.declarations ?? [])
    .find((d) => d.tagName === tag);
  return `${declaration?.description ?? ''}

### Usage

\`\`\`html
<!-- one script tag registers all four elements -->
<script src="https://unpkg.com/digest-elements/dist/digest-elements.js"></script>

${example}
\`\`\`

\`\`\`js
// or, in an app
import 'digest-elements/${tag}';
document.querySelector('${tag}').data = {/* … */};
\`\`\`
`;
}

const kebab = (s: string) => s.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/**
 * The HTML a page author writes for this story: attributes, CSS custom properties as `style`,
 * and an object `data` as a child `<script type="application/json">` (JSON text stays an
 * attribute, as written).
 */
export function snippet(tag: string, args: Args): string {
  const attrs: string[] = [];
  const styles: string[] = [];
  let body = '';
  for (const [key, value] of Object.entries(args)) {
    if (value == null || value === false || typeof value === 'function') continue;
    if (key.startsWith('--')) styles.push(`${key}: ${String(value)}`);
    else if (key === 'data' && typeof value === 'object') {
      const json = scriptJson(value, 2).replaceAll('\n', '\n  ');
      body = `\n  <script type="application/json">\n  ${json}\n  </script>\n`;
    } else if (key === 'data') attrs.push(`data='${escapeHtml(String(value))}'`);
    else attrs.push(value === true ? kebab(key) : `${kebab(key)}="${escapeHtml(String(value))}"`);
  }
  if (styles.length) attrs.push(`style="${escapeHtml(styles.join('; '))}"`);
  return `<${tag}${attrs.map((a) => ` ${a}`).join('')}>${body}</${tag}>`;
}

// ---------------------------------------------------------------------------------------------
// Rendering

const applied = new WeakMap<Element, {listeners: [string, EventListener][]; styles: string[]}>();

/** `onDigestError` (the argType Storybook makes of the manifest's `digest-error`) → `digest-error`. */
const eventOf = (arg: string) => kebab(arg.slice(2)).replace(/^-/, '');

/**
 * Sets a story's args on the element: properties where the element has one (`data`, `src`,
 * `headingLevel`, `side`), attributes otherwise (`heading-level`), `--digest-*` args as inline
 * custom properties, and each event's action as a listener (so the Actions panel shows
 * `digest-load`, `digest-error` and `digest-warning`).
 */
function apply(el: HTMLElement, args: Args, context: StoryContext) {
  const before = applied.get(el);
  for (const [type, listener] of before?.listeners ?? []) el.removeEventListener(type, listener);
  for (const name of before?.styles ?? []) el.style.removeProperty(name);
  const now = {listeners: [] as [string, EventListener][], styles: [] as string[]};
  for (const [key, value] of Object.entries(args)) {
    if (key.startsWith('--')) {
      if (value != null && value !== '') {
        el.style.setProperty(key, String(value));
        now.styles.push(key);
      }
    } else if (typeof value === 'function') {
      if (context.argTypes[key]?.action && /^on[A-Z]/.test(key)) {
        // The Actions panel shows what a listener gets: the event's detail (a serialized
        // event object would only show its minified class name).
        const listener = (e: Event) => (value as (e: unknown) => void)({type: e.type, detail: (e as CustomEvent).detail});
        now.listeners.push([eventOf(key), listener]);
        el.addEventListener(eventOf(key), listener);
      }
    } else if (key in el) {
      Reflect.set(el, key, value);
    } else if (value == null || value === false) {
      el.removeAttribute(key);
    } else {
      el.setAttribute(key, value === true ? '' : String(value));
    }
  }
  applied.set(el, now);
}

/**
 * The render function of every story: `<tag>` with the args applied before it connects.
 * `children` (static, trusted markup) goes inside it, for the child-script stories.
 */
export function renderElement(args: Args, context: StoryContext, children = ''): TemplateResult {
  const tag = unsafeStatic(context.component ?? 'div');
  return staticHtml`<${tag} ${ref((el) => el && apply(el as HTMLElement, args, context))}>${unsafeStatic(children)}</${tag}>`;
}

/** A child `<script type="application/json">` holding `data` (text as is, objects as JSON). */
export const jsonScript = (data: unknown): string =>
  `<script type="application/json">${typeof data === 'string' ? data.replaceAll('<', '\\u003c') : scriptJson(data, 2)}</script>`;

// ---------------------------------------------------------------------------------------------
// fetch stub

type Responder = (init?: RequestInit) => Promise<Response>;
const stubs = new Map<string, Responder>();
let realFetch: typeof fetch | undefined;

/**
 * Answers `fetch(url)` with `respond` until the returned cleanup runs (a story's `beforeEach`
 * returns it, so Storybook restores `fetch` when the story changes). Other URLs go to the
 * network as usual; `window.fetch` is the original again once no stub is left.
 */
export function stubFetch(url: string, respond: Responder): () => void {
  const key = new URL(url, location.href).href;
  if (!realFetch) {
    const original = (realFetch = window.fetch);
    window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
      const target = new URL(input instanceof Request ? input.url : String(input), location.href).href;
      return stubs.get(target)?.(init) ?? original.call(window, input, init);
    };
  }
  stubs.set(key, respond);
  return () => {
    stubs.delete(key);
    if (!stubs.size && realFetch) {
      window.fetch = realFetch;
      realFetch = undefined;
    }
  };
}

/** A response that never comes (rejected only when the request is aborted). */
export const never: Responder = (init) =>
  new Promise((_, reject) => {
    init?.signal?.addEventListener('abort', () => reject(init.signal?.reason ?? new DOMException('Aborted', 'AbortError')));
  });
