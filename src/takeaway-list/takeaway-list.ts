import {html, LitElement, nothing} from 'lit';
import {validateTakeaways} from '../format/validate.js';
import type {Takeaways} from '../format/types.js';
import {resolveLang, strings} from '../shared/i18n.js';
import {DataInput} from '../shared/input.js';
import {adoptStyles} from '../shared/adopt-styles.js';
import {base} from '../shared/styles.js';
import {errorView, flat, heading} from '../shared/templates.js';
import {VERSION} from '../version.js';
import {styles} from './takeaway-list.styles.js';

/**
 * The "what you'll learn" box: a heading with its icon (📘 by default) and the items, each with
 * its icon (💡 by default), as a real list.
 *
 * With `digest-elements/compose` (composition by hand), a list without `data` (or a child JSON
 * script) reads its items from `<li>` children and its heading and icon from attributes: `<takeaway-list heading="…"><li>…</li></takeaway-list>`.
 *
 * @tag takeaway-list
 * @summary What the reader will learn, as a list.
 *
 * @attr heading - The heading (no `data`; with digest-elements/compose).
 * @attr icon - The heading's icon (no `data`; with digest-elements/compose).
 * @attr {'auto' | 'light' | 'dark'} color-scheme - Light or dark colours, on a background of its own
 *   padded by `--digest-space`; `auto` (default) follows `--digest-color-scheme`, else the page's
 *   own colour scheme (light when it declares none).
 *
 * @csspart takeaways - The `<section>` around the list.
 * @csspart heading - The heading (default text: "What you’ll learn" / 「この記事で分かる事!」).
 * @csspart icon - The heading's icon.
 * @csspart list - The `<ul>`.
 * @csspart item - Each `<li>`.
 * @csspart item-icon - Each item's icon.
 * @csspart error - The error state (`role="alert"`).
 *
 * @cssproperty [--digest-accent=light-dark(#0b57d0, #8ab4f8)] - The accent bar.
 * @cssproperty [--digest-surface=light-dark(#f6f8fa, #1d2127)] - Background.
 * @cssproperty [--digest-radius=12px] - Corner radius.
 * @cssproperty [--digest-space=1em] - Padding and spacing.
 * @cssproperty [--digest-color=light-dark(#1f2328, #e6e6e6)] - Text colour.
 * @cssproperty [--digest-font=system-ui, sans-serif] - Body font family (Japanese: Hiragino Sans, Noto Sans JP, Yu Gothic, Meiryo, system-ui, sans-serif).
 * @cssproperty [--digest-heading-font=inherit] - Heading font family.
 * @cssproperty [--digest-font-size=16px] - Base font size.
 * @cssproperty [--digest-line-height=1.75] - Line height.
 * @cssproperty [--digest-color-scheme=the page's] - Page-wide colour scheme for the elements (`light`, `dark`,
 *   `light dark`); unset, they take the page's own.
 *
 * @fires {DigestLoadEvent} digest-load - New data was rendered.
 * @fires {DigestErrorEvent} digest-error - The data cannot be shown; `detail: {message, path?}`.
 * @fires {DigestWarningEvent} digest-warning - A value was dropped; `detail: {message, path}`.
 */
export class TakeawayList extends LitElement {
  static override styles = [base, styles];
  /** The digest-elements version that defined this element: `customElements.get('takeaway-list').version`. */
  static readonly version = VERSION;
  static override properties = {
    data: {},
    headingLevel: {type: Number, attribute: 'heading-level'},
  };

  /**
   * The list: JSON text (attribute) or an object (property) with `items` (strings or
   * `{text, icon?}`), `heading?`, `icon?`. Else a child `<script type="application/json">`.
   */
  data?: Takeaways | string | null;

  /** The level of the list's heading, 1–6. */
  headingLevel = 2;

  /** @internal */
  readonly #input = new DataInput(this, validateTakeaways);

  /** @internal Connected first in another document (an iframe): styles that work there. */
  protected override createRenderRoot() {
    return this.ownerDocument === document ? super.createRenderRoot() : adoptStyles(this);
  }

  /** @internal Moved into another document, or back: styles that work there. */
  adoptedCallback(): void {
    if (this.renderRoot) adoptStyles(this);
  }

  override willUpdate(): void {
    this.#input.update();
  }

  override render() {
    const {value, error} = this.#input;
    const t = strings(resolveLang(this));
    if (error) return errorView(t);
    if (!value) return nothing;
    const icon = value.icon ?? '📘';
    return flat(html`<section part="takeaways">
      ${heading(
        this.headingLevel,
        'heading',
        [icon ? html`<span part="icon" aria-hidden="true">${icon} </span>` : nothing, value.heading || t.takeaways],
      )}
      <ul part="list">
        ${value.items.map((item) => {
          const {text, icon = '💡'} = typeof item === 'string' ? {text: item} : item;
          return html`<li part="item">
            ${icon ? html`<span part="item-icon" aria-hidden="true">${icon}</span>` : nothing}<span>${text}</span>
          </li>`;
        })}
      </ul>
    </section>`);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'takeaway-list': TakeawayList;
  }
}
