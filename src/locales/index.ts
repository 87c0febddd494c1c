/**
 * `digest-elements/locales`: add or override the elements' UI strings, and list their keys.
 * Free of Lit, so a page that loads the script-tag bundle can import it too (from the same
 * CDN folder): every copy of the elements on a page reads one table of languages.
 * Simplified Chinese, Traditional Chinese and Korean: `digest-elements/locales/zh-Hans`,
 * `…/zh-Hant`, `…/ko`.
 */
import {en, locales, type Strings} from '../shared/i18n.js';

export type {Strings as LocaleStrings};

/** The keys of the UI strings, the ones `registerLocale` takes. */
export const localeKeys = Object.keys(en) as readonly (keyof Strings)[];

/** Tags that name one Chinese script by region: registering the script registers them too. */
const SCRIPT_OF_REGION: Record<string, string[]> = {
  'zh-hans': ['zh', 'zh-cn', 'zh-sg'],
  'zh-hant': ['zh-tw', 'zh-hk', 'zh-mo'],
};

/**
 * Adds or overrides the UI strings of a language (a BCP 47 tag: `de`, `pt-BR`, `zh-Hant`).
 * Strings left out keep the language's current ones (English for a new language). Registering
 * `zh-Hans` also serves `zh`, `zh-CN` and `zh-SG`; `zh-Hant` also `zh-TW`, `zh-HK` and `zh-MO`
 * (unless registered themselves). Elements show the strings from their next render (call
 * `requestUpdate()` on one already shown).
 * @throws {TypeError} for a tag that is not BCP 47, an unknown key or a value that is not text.
 */
export function registerLocale(lang: string, strings: Partial<Strings>): void {
  if (!/^[a-z]{2,3}(-[a-z\d]{1,8})*$/i.test(lang)) throw new TypeError(`registerLocale: ${JSON.stringify(lang)} is not a BCP 47 language tag`);
  for (const [key, value] of Object.entries(strings)) {
    if (!localeKeys.includes(key as keyof Strings)) throw new TypeError(`registerLocale: unknown key ${JSON.stringify(key)} (see localeKeys)`);
    if (typeof value !== 'string') throw new TypeError(`registerLocale: ${key} should be a string`);
  }
  const tag = lang.toLowerCase();
  const old = locales[tag];
  const next = (locales[tag] = {...en, ...old, ...strings});
  for (const alias of SCRIPT_OF_REGION[tag] ?? []) if (!locales[alias] || locales[alias] === old) locales[alias] = next;
}
