import {html, LitElement, nothing} from 'lit';
import {ifDefined} from 'lit/directives/if-defined.js';
import {validateSource} from '../format/validate.js';
import type {SourceData} from '../format/types.js';
import {formatDate, resolveLang, strings} from '../shared/i18n.js';
import {DataInput} from '../shared/input.js';
import {hostOf} from '../format/safe-url.js';
import {adoptStyles} from '../shared/adopt-styles.js';
import {base} from '../shared/styles.js';
import {errorView, flat, heading, headingLevel, httpUrl, link} from '../shared/templates.js';
import {VERSION} from '../version.js';
import {styles} from './source-card.styles.js';

/**
 * A cited source article: its title linking to it, the published date, the key points as a
 * list, a "read more" link naming the site, and the credit line with the URL.
 *
 * With `digest-elements/compose` (composition by hand), a card without `data` (or a child JSON
 * script) reads its fields from attributes and its points from `<li>` children: `<source-card headline="…" url="…" published-at="2025-06-10"
 * site-name="…"><li>A point</li></source-card>`.
 *
 * @tag source-card
 * @summary A card that cites a source article.
 *
 * @attr headline - The source's title (no `data`; with digest-elements/compose).
 *   (Not `title`: that global attribute would also set the card's tooltip and accessible name.)
 * @attr url - The source's http(s) URL (no `data`; with digest-elements/compose).
 * @attr published-at - Its ISO 8601 date (no `data`; with digest-elements/compose).
 * @attr site-name - The source site's name (no `data`; with digest-elements/compose).
 * @attr {'auto' | 'light' | 'dark'} color-scheme - Light or dark colours, on a background of its own
 *   padded by `--digest-space`; `auto` (default) follows `--digest-color-scheme`, else the page's
 *   own colour scheme (light when it declares none).
 *
 * @csspart card - The `<article>` around the card.
 * @csspart image - The optional thumbnail (lazy, its box reserved).
 * @csspart title - The heading; its link is `title-link`.
 * @csspart title-link - The link to the source.
 * @csspart date - The "published" line with its `<time>`.
 * @csspart points - The list of key points (`<ul>`), each marked ✅.
 * @csspart footer - The "read more" link and the credit line.
 * @csspart read-more - The "read more ⇒ site" link.
 * @csspart credit - The "source/image: URL" line.
 * @csspart error - The error state (`role="alert"`).
 *
 * @cssproperty [--digest-accent=light-dark(#0b57d0, #8ab4f8)] - Link colour.
 * @cssproperty [--digest-surface=light-dark(#f6f8fa, #1d2127)] - Card background.
 * @cssproperty [--digest-border=light-dark(#d0d7de, #3d444d)] - Card border colour.
 * @cssproperty [--digest-muted=light-dark(#59636e, #9198a1)] - Colour of the date and credit.
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
export class SourceCard extends LitElement {
  static override styles = [base, styles];
  /** The digest-elements version that defined this element: `customElements.get('source-card').version`. */
  static readonly version = VERSION;
  static override properties = {
    data: {},
    headingLevel: {type: Number, attribute: 'heading-level'},
  };

  /**
   * The source: JSON text (attribute) or an object (property) with `title`, `url`,
   * `publishedAt?`, `points?`, `siteName?`, `image?`. Else a child
   * `<script type="application/json">` is read.
   */
  data?: SourceData | string | null;

  /** The level of the card's title heading, 1–6. */
  headingLevel = 3;

  /** @internal The thumbnail URL that failed to load. */
  #brokenImage?: string;

  /** @internal */
  readonly #input = new DataInput(this, validateSource);

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

  /**
   * A thumbnail that fails to load keeps its box (no layout shift) but shows nothing. Its alt
   * text goes too: WebKit lays a broken image with alt text out by the text, not by
   * width/height (the hidden image is out of the accessibility tree anyway), and does so at the
   * moment of the failure: the alt goes at once, not in the next render (that one was too late
   * for WebKit in 2 of 12 runs). Remembered by URL, so a new image starts afresh.
   */
  #onImageError(e: Event) {
    const img = e.target as HTMLImageElement;
    img.alt = '';
    this.#brokenImage = img.getAttribute('src') ?? undefined;
    this.requestUpdate();
  }

  override render() {
    const {value, error} = this.#input;
    const lang = resolveLang(this);
    const t = strings(lang);
    if (error) return errorView(t);
    if (!value) return nothing;
    const {title, url, publishedAt, points, siteName, image} = value;
    const broken = image?.src === this.#brokenImage;
    const site = url && (siteName || hostOf(url));
    return flat(html`<article part="card">
      ${image
        ? html`<img
            part="image"
            src=${ifDefined(httpUrl(image.src))}
            alt=${broken ? '' : image.alt}
            width=${image.width ?? 160}
            height=${image.height ?? 90}
            loading="lazy"
            decoding="async"
            ?data-broken=${broken}
            @error=${this.#onImageError}
          />`
        : nothing}
      ${heading(headingLevel(this.headingLevel, 3), 'title', url ? link(url, title, 'title-link') : title)}
      ${publishedAt
        ? html`<p part="date">${t.published}<time datetime=${publishedAt}>${formatDate(publishedAt, lang)}</time></p>`
        : nothing}
      ${points?.length ? html`<ul part="points">${points.map((p) => html`<li>${p}</li>`)}</ul>` : nothing}
      ${url
        ? html`<footer part="footer">
            <p>${link(url, site ? `${t.readMore} ⇒ ${site}` : t.readMore, 'read-more')}</p>
            <p part="credit">${t.credit}${url}</p>
          </footer>`
        : nothing}
    </article>`);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'source-card': SourceCard;
  }
}
