/**
 * Server rendering (Node): an article → `<digest-article>` HTML with declarative shadow DOM, so
 * the article shows, styled, before and without JavaScript. `digest-elements/ssr`; the
 * `digest-elements render` CLI is built on it. Not part of the browser bundles.
 *
 * The client hydrates the output with `dist/digest-elements.hydrate.js` (Lit's hydrate support
 * first, then the elements), loaded `defer` or `type="module"`: a synchronous script in the
 * `<head>` would upgrade the elements before their declarative shadow roots are parsed.
 */
import {html} from 'lit';
import {ifDefined} from 'lit/directives/if-defined.js';
import '../define.js';
import {jsonLdScript, scriptJson} from '../format/json-ld.js';
import type {Article, Problem} from '../format/types.js';
import {tooDeep, validateArticle} from '../format/validate.js';
import {headingLevel} from '../shared/templates.js';
import {VERSION} from '../version.js';

export {jsonLd, jsonLdScript, type JsonLd, type JsonLdOptions} from '../format/json-ld.js';

/** What to run when Lit's server renderer, an optional peer dependency, is not installed. */
export const SSR_INSTALL = 'npm install @lit-labs/ssr';

/**
 * Lit's server renderer, loaded here rather than imported: browser-only installs leave it out
 * (an optional peer dependency), and then this module says which command brings it.
 */
const [{render}, {collectResultSync}] = await Promise.all([
  import('@lit-labs/ssr'),
  import('@lit-labs/ssr/lib/render-result.js'),
]).catch((e: {code?: string}) => {
  if (e?.code !== 'ERR_MODULE_NOT_FOUND') throw e;
  throw new Error(`digest-elements/ssr needs Lit's server renderer, @lit-labs/ssr: run \`${SSR_INSTALL}\``, {cause: e});
});

export interface RenderOptions {
  /** The level of the title heading, 1–6 (default 2). */
  headingLevel?: number;
  /** Emit the schema.org `NewsArticle` JSON-LD (and the `json-ld` attribute); default true. */
  jsonLd?: boolean;
  /** The language when the data has no `lang` (the server cannot see the page's `lang`). */
  lang?: string;
  /** The page's URL: the JSON-LD's `url`/`mainEntityOfPage`, and the base of relative URLs in it. */
  url?: string;
}

export interface PageOptions extends RenderOptions {
  /**
   * The URL of the hydrate bundle, loaded `type="module"` (deferred); `false` for no script
   * (a page that never runs JavaScript). Default: this version's on unpkg.
   */
  script?: string | false;
}

export interface Rendered {
  html: string;
  /** The warnings: values dropped, the rest rendered (`path: message`). */
  problems: Problem[];
}

/** The input cannot be shown: `problems` holds the error (and any warnings before it). */
export class DigestFormatError extends Error {
  override name = 'DigestFormatError';
  constructor(
    readonly problems: Problem[],
    /** Where unparseable JSON went wrong: 1-based line and column (UTF-16 units). */
    readonly line?: number,
    readonly column?: number,
  ) {
    const error = problems.find((p) => p.severity === 'error') ?? problems[0];
    super(error.path ? `${error.path}: ${error.message}` : error.message);
  }
}

/** The default `script` of `renderPage`. */
export const HYDRATE_SCRIPT = `https://unpkg.com/digest-elements@${VERSION}/dist/digest-elements.hydrate.js`;

/**
 * Validates `input` (JSON text or an object) and renders it as a `<digest-article>` element:
 * declarative shadow DOM for it and every element inside, then, as light-DOM children, the
 * validated data in a `<script type="application/json">` (what the client reads when it
 * hydrates) and, unless `jsonLd: false`, the JSON-LD. Throws a `DigestFormatError` when the
 * input cannot be shown; warnings come back in `problems`.
 */
export function renderArticle(input: unknown, options: RenderOptions = {}): Rendered {
  const {value, problems} = check(input);
  return {html: element(value, options), problems};
}

/**
 * `renderArticle` as a whole HTML document: doctype, `lang`, charset, viewport, title and
 * description, `rel=canonical` (with `url`) and the hydrate bundle (`type="module"`).
 */
export function renderPage(input: unknown, options: PageOptions = {}): Rendered {
  const {value, problems} = check(input);
  const {script: src = HYDRATE_SCRIPT, url} = options;
  const head = [
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escape(value.title)}</title>`,
    value.lead ? `<meta name="description" content="${escape(value.lead)}">` : '',
    url ? `<link rel="canonical" href="${escape(url)}">` : '',
    src ? `<script type="module" src="${escape(src)}"></script>` : '',
    '<style>body{max-width:46rem;margin:2rem auto;padding:0 1rem}</style>',
  ];
  const lang = value.lang ?? options.lang ?? 'en';
  const html = `<!doctype html>
<html lang="${escape(lang)}">
<head>
${head.filter(Boolean).join('\n')}
</head>
<body>
${element(value, options)}
</body>
</html>
`;
  return {html, problems};
}

/**
 * The element for a validated article. Its light-DOM children, the data script and the JSON-LD
 * (our own JSON, `<` escaped), go in after Lit has rendered it: no template binding takes HTML.
 */
function element(value: Article, options: RenderOptions): string {
  const ld = options.jsonLd ?? true;
  const level = headingLevel(options.headingLevel ?? 2);
  const children =
    script('application/json', scriptJson(value)) +
    (ld ? script('application/ld+json', jsonLdScript(value, {url: options.url})) : '');
  const lang = value.lang ? undefined : options.lang;
  const out = collectResultSync(
    render(html`<digest-article heading-level=${level} lang=${ifDefined(lang)} ?json-ld=${ld} .data=${value}></digest-article>`),
  );
  // The last end tag is the element's own: its shadow root holds no <digest-article>.
  const end = out.lastIndexOf('</digest-article>');
  return out.slice(0, end) + children + out.slice(end);
}

/** validateArticle, with the line and column of unparseable JSON; throws on an error. */
function check(input: unknown): {value: Article; problems: Problem[]} {
  // Text nested too deeply is refused by validateArticle below, before any JSON.parse.
  if (typeof input === 'string' && !tooDeep(input)) {
    const text = input.replace(/^\uFEFF/, '');
    try {
      input = JSON.parse(text);
    } catch (e) {
      const offset = errorOffset(text, (e as Error).message);
      const before = text.slice(0, offset).split('\n');
      const [line, column] = [before.length, before[before.length - 1].length + 1];
      // V8's message, without the position (given as line and column) or a quote of the text.
      const reason = (e as Error).message
        .replace(/, (\.\.\.)?"[\s\S]*"(\.\.\.)? is not valid JSON$| at position \d+[\s\S]*$/, '')
        .replace(/[\n\r\t]/g, (c) => JSON.stringify(c).slice(1, -1));
      const message = `invalid JSON at line ${line}, column ${column}: ${reason}`;
      throw new DigestFormatError([{path: '', message, severity: 'error'}], line, column);
    }
  }
  const {value, problems} = validateArticle(input);
  if (!value) throw new DigestFormatError(problems);
  return {value, problems};
}

/**
 * Where JSON.parse failed: the offset it names, else the end of the longest prefix that parses
 * or only ends too early (V8 does not always name a position; a prefix of a good prefix is good).
 */
function errorOffset(text: string, message: string): number {
  const named = /at position (\d+)/.exec(message);
  if (named) return Math.min(+named[1], text.length);
  const ok = (n: number) => {
    try {
      JSON.parse(text.slice(0, n));
      return true;
    } catch (e) {
      // Ran out of input: "Unexpected end", or a position at the very end ("Expected ':'…").
      const at = /at position (\d+)/.exec((e as Error).message);
      return at ? +at[1] >= n : /end of JSON input/i.test((e as Error).message);
    }
  };
  let [lo, hi] = [0, text.length];
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (ok(mid)) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}


const script = (type: string, text: string): string => `<script type="${type}">${text}</script>`;

const escape = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => `&${{'&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot', "'": '#39'}[c]};`);
