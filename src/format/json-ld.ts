/**
 * schema.org structured data for an article: pure and DOM-free, shared by server rendering
 * (on by default there) and `<digest-article json-ld>` in the browser.
 */
import type {Article, SourceBlock} from './types.js';

export interface JsonLdOptions {
  /**
   * The URL of the page that shows the article: becomes `url` and `mainEntityOfPage`, and
   * page-relative URLs in the article are resolved against it (without it they stay relative).
   */
  url?: string;
}

/** A JSON-LD object: `@type` plus schema.org properties. */
export type JsonLd = {[key: string]: unknown};

/**
 * A schema.org `NewsArticle` for a validated article (`validateArticle().value`): headline,
 * description (the lead), inLanguage, datePublished/dateModified (the ISO 8601 strings as
 * written), author (`Person`), publisher (`Organization` with its logo as `ImageObject`),
 * image (`ImageObject`), and one `citation` (`CreativeWork`) per source block, in reading order.
 * Absent fields are left out, never emitted empty.
 */
export function jsonLd(article: Article, {url}: JsonLdOptions = {}): JsonLd {
  const abs = (u: string): string => {
    try {
      return url ? new URL(u, url).href : u;
    } catch {
      return u;
    }
  };
  const {title, lead, lang, publishedAt, updatedAt, author, site, image, sections} = article;
  const citations = sections.flatMap((s) => s.blocks.filter((b): b is SourceBlock => b.type === 'source'));
  return clean({
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: title,
    description: lead,
    inLanguage: lang,
    datePublished: publishedAt,
    dateModified: updatedAt,
    url: url && abs(url),
    mainEntityOfPage: url && abs(url),
    image: image && {'@type': 'ImageObject', url: abs(image.src), width: image.width, height: image.height, creditText: image.credit},
    author: author && {'@type': 'Person', name: author.name, url: author.url && abs(author.url), image: author.avatar && abs(author.avatar)},
    publisher: site && {
      '@type': 'Organization',
      name: site.name,
      url: site.url && abs(site.url),
      logo: site.logo && {'@type': 'ImageObject', url: abs(site.logo)},
    },
    citation: citations.length
      ? citations.map((c) => ({
          '@type': 'CreativeWork',
          name: c.title,
          url: c.url && abs(c.url),
          datePublished: c.publishedAt,
          publisher: c.siteName && {'@type': 'Organization', name: c.siteName},
        }))
      : undefined,
  });
}

/** Drops empty (`undefined` or `""`) properties, recursively. */
const clean = (o: JsonLd): JsonLd =>
  Object.fromEntries(
    Object.entries(o)
      .filter(([, v]) => v !== undefined && v !== '')
      .map(([k, v]) => [k, Array.isArray(v) ? v.map(clean) : v && typeof v === 'object' ? clean(v as JsonLd) : v]),
  );

/**
 * JSON safe as the text of a `<script>` element: every `<` written `\u003c`, so no `</script>`
 * or `<!--` in the data can end or alter the element. `indent` pretty-prints (for people).
 */
export const scriptJson = (value: unknown, indent?: number): string =>
  JSON.stringify(value, null, indent).replace(/</g, '\\u003c');

/** `jsonLd()` as the text of a `<script type="application/ld+json">` (see `scriptJson`). */
export const jsonLdScript = (article: Article, options?: JsonLdOptions): string => scriptJson(jsonLd(article, options));
