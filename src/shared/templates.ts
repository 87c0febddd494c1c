import {html, nothing, type TemplateResult} from 'lit';
import {ifDefined} from 'lit/directives/if-defined.js';
import {safeUrl} from '../format/safe-url.js';
import type {Strings} from './i18n.js';

/** A heading level the host page chose, as 1–6 (rounded, clamped; `fallback`, else 2, when it is no number or 0). */
export const headingLevel = (level: number, fallback?: number): number =>
  Math.min(6, Math.max(1, Math.round(level) || fallback || 2));

/**
 * Flattened template strings by their text (joined by NUL, which no template text has), one
 * array per text: Lit prepares a template once per array (see `flat`). One entry per shape the
 * page has shown (which optional fields, how many list items), as Lit keeps one per call site.
 */
const texts = new Map<string, string[]>();

/**
 * `result` as ONE template: every template and list in it (in child positions only: none may sit
 * in an attribute binding) is written into its text; every other value stays a binding. Per nested
 * template Lit keeps an instance, its parts, an array and marker comments: about 0.2 KB of JS heap,
 * 1.7 KB of a source card's 3.5. For elements that hold no other elements: data of a new shape
 * renders anew, the same shape updates in place. The strings array is made as lit/static-html makes
 * its own: `raw` is the array itself.
 */
export function flat(result: TemplateResult): TemplateResult {
  const strings = [''];
  const values: unknown[] = [];
  const inline = (r: TemplateResult) =>
    r.strings.map((s, i) => {
      strings.push(strings.pop() + s);
      if (i in r.values) put(r.values[i]);
    });
  const put = (v: unknown): unknown =>
    (v as unknown[])?.map
      ? (v as unknown[]).map(put)
      : (v as TemplateResult)?.strings?.raw // a template's own strings (never data: JSON makes no such array)
        ? inline(v as TemplateResult)
        : strings.push('') + values.push(v);
  inline(result);
  const key = strings.join('\0');
  let s = texts.get(key);
  if (!s) {
    texts.set(key, (s = strings));
    (s as unknown as {raw: unknown}).raw = s;
  }
  return {...result, strings: s as never, values};
}

/** A real `<h1>`…`<h6>` for a level that the host page chooses (see `headingLevel`); `part` is a constant. */
export const heading = (level: number, part: string, content: unknown): TemplateResult => {
  const h = `h${headingLevel(level)}`;
  return flat({['_$litType$']: 1, strings: [`<${h} part="${part}">`, `</${h}>`] as never, values: [content]});
};

/**
 * The compact error state every element shows: a sentence for readers, in their language (the
 * technical detail goes to the console and the `digest-error` event); `retry` adds a button
 * (failed `src`).
 */
export const errorView = (t: Strings, retry?: () => void): TemplateResult =>
  html`<div part="error" role="alert">
    <p>${t.error}</p>
    ${retry ? html`<button part="retry" type="button" @click=${retry}>${t.retry}</button>` : nothing}
  </div>`;

/**
 * Every `href` and `src` the elements write goes through here, at render time: the value if it
 * is an http(s) URL (`safeUrl`), else undefined: bound with `ifDefined`, no attribute at all. The data was checked when it was
 * validated (and validated values are frozen); this holds whatever path the value took.
 */
export const httpUrl = (value?: string): string | undefined => (value && safeUrl(value)) || undefined;

/** An external link (no `href` unless `url` is http(s): see `httpUrl`). */
export const link = (url: string, content: unknown, part: string): TemplateResult =>
  html`<a part=${part} href=${ifDefined(httpUrl(url))} target="_blank" rel="noopener noreferrer">${content}</a>`;
