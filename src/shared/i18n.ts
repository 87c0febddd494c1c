/** UI strings in English and Japanese, language resolution and date formatting. */

const en = {
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

/** The UI strings for a BCP 47 tag: Japanese for `ja*`, English otherwise. */
export const strings = (lang: string): Strings => (/^ja\b/i.test(lang) ? ja : en);

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
 * The medium date of the two languages the elements speak, as CLDR (and so `Intl`) writes it:
 * "Jan 5, 2025" and "2025/01/05". Written out because the first `Intl` object a page creates
 * costs ~30 ms of main-thread time (ICU's locale data), more than rendering a whole article.
 * Every other language goes to `Intl.DateTimeFormat`.
 */
const KNOWN: Record<string, (y: number, m: number, d: number) => string> = {
  en: (y, m, d) => `${MONTHS[m - 1]} ${d}, ${y}`,
  ja: (y, m, d) => `${y}/${String(m).padStart(2, '0')}/${String(d).padStart(2, '0')}`,
};
KNOWN['en-us'] = KNOWN.en;
KNOWN['ja-jp'] = KNOWN.ja;

/**
 * A localized calendar date for an ISO 8601 date (validated: a real calendar day) or date-time.
 * The date is the one written in the string (the producer's own calendar day), so the server
 * and every reader's time zone show the same day.
 */
export function formatDate(iso: string, lang: string): string {
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
  const key = lang.toLowerCase();
  if (Object.hasOwn(KNOWN, key)) return KNOWN[key](y, m, d);
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
