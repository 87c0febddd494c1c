/**
 * The only place that decides what may become an `href` or `src`.
 *
 * A value passes when the WHATWG URL parser (the same one the browser uses for `href`)
 * reads it as `http:` or `https:`: an absolute http(s) URL, or a page-relative one
 * (`/a`, `a/b`, `?q`, `//host/a`). The parser strips leading control characters and
 * spaces and drops tabs and newlines anywhere, exactly as the browser will when it follows
 * the link, so `" java\tscript:"` is seen as `javascript:` and refused.
 */
const BASE = 'https://base.invalid/';

/**
 * Read against an https: AND an http: base, because the page's scheme changes how some values
 * parse: `https:javascript:alert(1)` is page-relative on an https page but an invalid absolute
 * URL (a dead link) on an http page. A value passes only when it is http(s) on both.
 */
const BASES = [BASE, 'http://base.invalid/'];

export function safeUrl(value: string): string | undefined {
  const trimmed = value.trim();
  if (!trimmed) return undefined;
  return BASES.every((base) => isHttp(trimmed, base)) ? trimmed : undefined;
}

function isHttp(url: string, base: string): boolean {
  try {
    const {protocol} = new URL(url, base);
    return protocol === 'https:' || protocol === 'http:';
  } catch {
    return false;
  }
}

/** The page's URL where there is no page: set by server rendering for one (synchronous) render. */
let pageUrl: string | undefined;

/** Runs `f` with `url` as the base of page-relative URLs for `hostOf` (server rendering). */
export function withPageUrl<T>(url: string | undefined, f: () => T): T {
  const before = pageUrl;
  pageUrl = url;
  try {
    return f();
  } finally {
    pageUrl = before;
  }
}

/**
 * The host name of an http(s) URL, for a link whose site has no name; a page-relative URL is
 * resolved against the page (on the server: the page URL it was given, see `withPageUrl`).
 * Empty when there is no host to name (a page-relative URL and no page).
 */
export function hostOf(url: string): string {
  try {
    return new URL(url, globalThis.document?.baseURI ?? pageUrl).hostname.replace(/^www\./, '');
  } catch {
    return '';
  }
}
