import {html, nothing, type TemplateResult} from 'lit';
import {ifDefined} from 'lit/directives/if-defined.js';
import {safeUrl} from '../format/safe-url.js';
import type {Strings} from './i18n.js';

/** A heading level the host page chose, as 1–6 (rounded, clamped; `fallback`, else 2, when it is no number or 0). */
export const headingLevel = (level: number, fallback?: number): number =>
  Math.min(6, Math.max(1, Math.round(level) || fallback || 2));

/** A real `<h1>`…`<h6>` for a level that the host page chooses (see `headingLevel`). */
export function heading(level: number, part: string, content: unknown): TemplateResult {
  switch (headingLevel(level)) {
    case 1:
      return html`<h1 part=${part}>${content}</h1>`;
    case 2:
      return html`<h2 part=${part}>${content}</h2>`;
    case 3:
      return html`<h3 part=${part}>${content}</h3>`;
    case 4:
      return html`<h4 part=${part}>${content}</h4>`;
    case 5:
      return html`<h5 part=${part}>${content}</h5>`;
    default:
      return html`<h6 part=${part}>${content}</h6>`;
  }
}

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
