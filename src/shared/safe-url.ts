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

export function safeUrl(value: string): string | undefined {
  const trimmed = value.trim();
  if (!trimmed) return undefined;
  try {
    const {protocol} = new URL(trimmed, BASE);
    return protocol === 'https:' || protocol === 'http:' ? trimmed : undefined;
  } catch {
    return undefined;
  }
}

/** The host name of an http(s) URL, for a link whose site has no name. */
export function hostOf(url: string): string {
  try {
    return new URL(url, BASE).hostname.replace(/^www\./, '');
  } catch {
    return url;
  }
}
