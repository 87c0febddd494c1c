import {html, nothing, type TemplateResult} from 'lit';
import type {Strings} from './i18n.js';

/** A heading level the host page chose, as 1–6 (rounded, clamped; 2 when it is no number). */
export const headingLevel = (level: number): number => Math.min(6, Math.max(1, Math.round(level) || 2));

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

/** An external link: only ever given a URL that passed `safeUrl`. */
export const link = (href: string, content: unknown, part: string): TemplateResult =>
  html`<a part=${part} href=${href} target="_blank" rel="noopener noreferrer">${content}</a>`;
