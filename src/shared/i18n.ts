/**
 * UI strings (English and Japanese built in; `digest-elements/locales` registers more),
 * language resolution and date formatting.
 */

/** The English strings: the base of every language (`digest-elements/locales` adds more). */
export const en = {
  takeaways: 'What you’ll learn',
  published: 'Published: ',
  updated: 'Updated: ',
  by: 'By ',
  readMore: 'Read more',
  credit: 'Source/image: ',
  next: 'Read the next page',
  loading: 'Loading…',
  error: 'This content could not be shown.',
  retry: 'Try again',
};

/** Every UI string of one language, by key (see `localeKeys`). */
export type Strings = typeof en;

const ja: Strings = {
  takeaways: 'この記事で分かる事!',
  published: '公開日:',
  updated: '更新日:',
  by: '著者:',
  readMore: 'さらに読む',
  credit: '出典/画像元: ',
  next: '次のページを読む',
  loading: '読み込み中…',
  error: 'この内容を表示できませんでした。',
  retry: '再読み込み',
};

/**
 * The languages' strings by lower-case tag, one table for every copy of the elements on the
 * page (the script-tag bundle, ES modules, locale modules), so a locale module registers for all.
 * Tags that mean the same language share one object (`zh-tw`, `zh-hant`). No prototype: a
 * `lang` of `constructor` or `__proto__` finds nothing.
 */
export const locales: Record<string, Strings> = ((globalThis as Record<symbol, unknown>)[Symbol.for('digest-elements.locales')] ??=
  Object.create(null)) as never;
locales.en ??= en;
locales.ja ??= ja;

/**
 * The UI strings for a BCP 47 tag: the registered language that matches it best, found by
 * dropping subtags from the end (`zh-Hant-TW`, `zh-Hant`, `zh`; RFC 4647 lookup), else English.
 */
export function strings(lang: string): Strings {
  for (let tag = lang.toLowerCase(); tag; tag = tag.replace(/-?[^-]*$/, '')) if (locales[tag]) return locales[tag];
  return locales.en;
}

/**
 * The language an element shows: the data's `lang`, else the nearest `lang` attribute on the
 * element or its ancestors (crossing shadow roots, up to `<html>`), else `en`.
 */
export function resolveLang(el: Element, dataLang?: string): string {
  if (dataLang) return dataLang;
  for (let n: Node | null = el; n; n = n.parentNode ?? (n as ShadowRoot).host ?? null) {
    const lang = (n as Element).getAttribute?.('lang');
    if (lang) return lang;
  }
  return 'en';
}

const formats = new Map<string, Intl.DateTimeFormat>();

const MONTHS = 'Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec'.split(' ');

/**
 * A localized calendar date for an ISO 8601 date (validated: a real calendar day) or date-time.
 * The date is the one written in the string (the producer's own calendar day), so the server
 * and every reader's time zone show the same day. The medium date of the two languages the
 * elements speak is written out as CLDR (and so `Intl`) writes it, "Jan 5, 2025" and
 * "2025/01/05": the first `Intl` object a page creates costs ~30 ms of main-thread time (ICU's
 * locale data), more than rendering a whole article. Every other language goes to
 * `Intl.DateTimeFormat`.
 */
export function formatDate(iso: string, lang: string): string {
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
  const key = lang.toLowerCase();
  if (key === 'en' || key === 'en-us') return `${MONTHS[m - 1]} ${d}, ${y}`;
  if (key === 'ja' || key === 'ja-jp') return `${y}/${iso.slice(5, 7)}/${iso.slice(8, 10)}`;
  let format = formats.get(lang);
  if (!format) {
    try {
      format = new Intl.DateTimeFormat(lang, {dateStyle: 'medium', timeZone: 'UTC'});
    } catch {
      format = new Intl.DateTimeFormat('en', {dateStyle: 'medium', timeZone: 'UTC'});
    }
    formats.set(lang, format);
  }
  return format.format(Date.UTC(y, m - 1, d));
}
