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
import {DigestArticle} from '../digest-article/digest-article.js';
import {quote} from '../format/echo.js';
import {jsonLdScript, scriptJson} from '../format/json-ld.js';
import {safeUrl, withPageUrl} from '../format/safe-url.js';
import type {Article, Problem} from '../format/types.js';
import {canonicalLang, jsonError, validateArticle} from '../format/validate.js';
import {headingLevel} from '../shared/templates.js';
import {VERSION} from '../version.js';

export {jsonLd, jsonLdScript, type JsonLd, type JsonLdOptions} from '../format/json-ld.js';

/** What to run when Lit's server renderer, an optional peer dependency, is not installed. */
export const SSR_INSTALL = 'npm install @lit-labs/ssr';

/**
 * Lit's server renderer, loaded here rather than imported: browser-only installs leave it out
 * (an optional peer dependency), and then this module says which command brings it.
 */
const [{render}, {LitElementRenderer}, {collectResultSync}, {renderLight}] = await Promise.all([
  import('@lit-labs/ssr'),
  import('@lit-labs/ssr/lib/lit-element-renderer.js'),
  import('@lit-labs/ssr/lib/render-result.js'),
  import('@lit-labs/ssr-client/directives/render-light.js'),
]).catch((e: {code?: string}) => {
  if (e?.code !== 'ERR_MODULE_NOT_FOUND') throw e;
  throw new Error(`digest-elements/ssr needs Lit's server renderer, @lit-labs/ssr: run \`${SSR_INSTALL}\``, {cause: e});
});

export interface RenderOptions {
  /** The level of the title heading, 1–6 (default 2). */
  headingLevel?: number;
  /** Emit the schema.org `NewsArticle` JSON-LD (and the `json-ld` attribute); default true. */
  jsonLd?: boolean;
  /**
   * The language when the data has no `lang` (the server cannot see the page's `lang`): a BCP 47
   * tag, checked as the data's `lang` is (written in its canonical form).
   */
  lang?: string;
  /**
   * The page's absolute http(s) URL: the JSON-LD's `url`/`mainEntityOfPage`, `rel=canonical`,
   * and the base of page-relative URLs (in the JSON-LD, and the host a source card names).
   */
  url?: string;
}

export interface PageOptions extends RenderOptions {
  /**
   * The http(s) URL (absolute or page-relative) of the hydrate bundle, loaded `type="module"`
   * (deferred); `false` for no script (a page that never runs JavaScript). Default: this
   * version's on unpkg.
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
  /** Where unparseable JSON went wrong: 1-based line and column (UTF-16 units). */
  readonly line?: number;
  readonly column?: number;
  constructor(readonly problems: Problem[]) {
    const error = problems.find((p) => p.severity === 'error') ?? problems[0];
    super(error.path ? `${error.path}: ${error.message}` : error.message);
    ({line: this.line, column: this.column} = error);
  }
}

/** An option of `renderArticle`/`renderPage` is not usable: `option` names it. */
export class DigestOptionError extends Error {
  override name = 'DigestOptionError';
  constructor(
    readonly option: 'url' | 'lang' | 'script',
    message: string,
  ) {
    super(`${option}: ${message}`);
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
  options = checkOptions(options);
  const {value, problems} = check(input);
  return {html: element(value, options), problems};
}

/**
 * `renderArticle` as a whole HTML document: doctype, `lang`, charset, viewport, title and
 * description, `rel=canonical` (with `url`) and the hydrate bundle (`type="module"`).
 */
export function renderPage(input: unknown, options: PageOptions = {}): Rendered {
  options = checkOptions(options);
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
 * Checks the options that reach the page as they would be checked in the data (the same rules,
 * stricter for the page URL, which must be absolute) and returns them with `url` and `lang`
 * in canonical form; throws a `DigestOptionError` naming the first bad one. `renderArticle` and
 * `renderPage` call it; a CLI can call it before reading its input.
 */
export function checkOptions<T extends PageOptions>(options: T): T {
  const {url, lang, script: src} = options;
  const bad = (option: DigestOptionError['option'], what: string, value: string): never => {
    throw new DigestOptionError(option, `${quote(value)} is not ${what}`);
  };
  let page: URL | undefined;
  if (url != null) {
    try {
      page = safeUrl(url) ? new URL(url) : undefined;
    } catch {
      // a page-relative URL: no base to resolve against
    }
    if (!page) bad('url', 'an absolute http(s) URL', String(url));
  }
  if (lang != null && !canonicalLang(String(lang))) bad('lang', 'a BCP 47 language tag', String(lang));
  if (src && !safeUrl(String(src))) bad('script', 'an http(s) URL', String(src));
  return {...options, url: page?.href, lang: lang == null ? undefined : canonicalLang(lang)};
}

/**
 * The element for a validated article, its light-DOM children (the data script the client
 * reads when it hydrates, and the JSON-LD: our own JSON, `<` escaped) written by Lit SSR's
 * light-DOM hook, `renderLight`: no template binding takes HTML.
 */
function element(value: Article, {jsonLd = true, url, lang, headingLevel: level}: RenderOptions): string {
  const children =
    script('application/json', scriptJson(value)) + (jsonLd ? script('application/ld+json', jsonLdScript(value, {url})) : '');
  class Renderer extends LitElementRenderer {
    static override matchesClass = (c: typeof HTMLElement) => c === DigestArticle;
    override renderLight() {
      return [children];
    }
  }
  const attrs = {level: headingLevel(level ?? 2), lang: value.lang ? undefined : lang};
  const template = html`<digest-article heading-level=${attrs.level} lang=${ifDefined(attrs.lang)} ?json-ld=${jsonLd} .data=${value}>${renderLight()}</digest-article>`;
  // A source card names the host of a page-relative URL: resolved against the page's URL.
  return withPageUrl(url, () => collectResultSync(render(template, {elementRenderers: [Renderer, LitElementRenderer]})));
}

/** validateArticle, with the line and column of unparseable JSON; throws on an error. */
function check(input: unknown): {value: Article; problems: Problem[]} {
  const {value, problems} = validateArticle(input, {locate: jsonError});
  if (!value) throw new DigestFormatError(problems);
  return {value, problems};
}

const script = (type: string, text: string): string => `<script type="${type}">${text}</script>`;

const escape = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => `&${{'&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot', "'": '#39'}[c]};`);
