import {html, LitElement, nothing} from 'lit';
import {ifDefined} from 'lit/directives/if-defined.js';
import {validateArticle} from '../format/validate.js';
import type {Article, ArticleInput, Block, Problem, Section} from '../format/types.js';
import {formatDate, resolveLang, strings} from '../shared/i18n.js';
import {DataInput} from '../shared/input.js';
import {adoptStyles} from '../shared/adopt-styles.js';
import {base} from '../shared/styles.js';
import {errorView, heading, headingLevel, httpUrl, link} from '../shared/templates.js';
import {VERSION} from '../version.js';
import {styles} from './digest-article.styles.js';

/**
 * A whole news-digest article in reading order: site brand, title, dates and author, lead,
 * the takeaways (`<takeaway-list>`), intro, every section (heading, question, short answer,
 * then its paragraphs, `<source-card>`s, editor's commentary and `<reader-comment>`s), and the
 * next-page link.
 *
 * Data comes from the `data` attribute (JSON) or property (object), else a child
 * `<script type="application/json">`, else the JSON fetched from `src`: the first present wins.
 *
 * @tag digest-article
 * @summary A news-digest article rendered from JSON.
 *
 * @slot - Body content after the data's sections (or the whole body without data): paragraphs,
 *   `<source-card>`, `<reader-comment>`, `<takeaway-list>`, any HTML, in reading order.
 * @slot title - A hand-placed title heading, instead of the data's `title`.
 * @slot lead - A hand-placed lead, instead of the data's `lead`.
 * @slot header - More header content, after the lead.
 * @slot takeaways - A hand-placed `<takeaway-list>`, instead of the data's `takeaways`.
 * @slot section-{id} - Content appended to the data's section with that `id` (with
 *   digest-elements/compose, a slot that no section has is reported by a `digest-warning`).
 * @slot footer - Content after the next-page link.
 *
 * @attr {'auto' | 'light' | 'dark'} color-scheme - Light or dark colours, on a background of its own
 *   padded by `--digest-space`; `auto` (default) follows `--digest-color-scheme`, else the page's
 *   own colour scheme (light when it declares none).
 * @attr {number} heading-level - The level of the title heading, 1–6 (`headingLevel`).
 * @attr {boolean} json-ld - Adds the article's JSON-LD (`jsonLd`).
 *
 * @csspart article - The `<article>`.
 * @csspart header - The `<header>`: site, title, meta, lead.
 * @csspart site - The site brand line; `logo` is its image.
 * @csspart logo - The site logo.
 * @csspart title - The article title (`<h2>` by default, see `heading-level`).
 * @csspart meta - The author and dates line.
 * @csspart author - The author; `author-avatar` is the image.
 * @csspart author-avatar - The author's avatar image.
 * @csspart published - The published `<time>`.
 * @csspart updated - The updated `<time>`.
 * @csspart lead - The lead paragraph.
 * @csspart image - The article image's `<figure>`.
 * @csspart takeaways - The `<takeaway-list>`.
 * @csspart intro - Each intro paragraph.
 * @csspart section - Each `<section>`.
 * @csspart section-heading - Each section heading.
 * @csspart qa - The box with a section's question and short answer.
 * @csspart question - The section's catchy question.
 * @csspart answer - The section's short answer.
 * @csspart paragraph - Each body paragraph.
 * @csspart source - Each `<source-card>`.
 * @csspart commentary - Each editor's commentary; `commentary-name` is its author.
 * @csspart commentary-name - The commentary's author.
 * @csspart comment - Each `<reader-comment>`.
 * @csspart next - The next-page box; `next-link` and `teaser` inside.
 * @csspart next-link - The next-page link.
 * @csspart teaser - The teaser line for the next page.
 * @csspart loading - The loading state while `src` is fetched.
 * @csspart error - The error state (`role="alert"`); `retry` is its button when `src` failed.
 * @csspart retry - The retry button.
 *
 * @cssproperty [--digest-accent=light-dark(#0b57d0, #8ab4f8)] - Links and the question.
 * @cssproperty [--digest-surface=light-dark(#f6f8fa, #1d2127)] - Background of boxes.
 * @cssproperty [--digest-border=light-dark(#d0d7de, #3d444d)] - Rules and borders.
 * @cssproperty [--digest-muted=light-dark(#59636e, #9198a1)] - Secondary text.
 * @cssproperty [--digest-radius=12px] - Corner radius.
 * @cssproperty [--digest-space=1em] - Space between parts.
 * @cssproperty [--digest-color=light-dark(#1f2328, #e6e6e6)] - Text colour.
 * @cssproperty [--digest-font=system-ui, sans-serif] - Body font family (Japanese: Hiragino Sans, Noto Sans JP, Yu Gothic, Meiryo, system-ui, sans-serif).
 * @cssproperty [--digest-heading-font=inherit] - Heading font family.
 * @cssproperty [--digest-font-size=16px] - Base font size.
 * @cssproperty [--digest-line-height=1.75] - Line height.
 * @cssproperty [--digest-color-scheme=the page's] - Page-wide colour scheme for the elements (`light`, `dark`,
 *   `light dark`); unset, they take the page's own.
 *
 * @fires {DigestLoadEvent} digest-load - New data was rendered.
 * @fires {DigestErrorEvent} digest-error - The data cannot be shown (bad JSON, no title, wrong version, `src` failed); `detail: {message, path?}`.
 * @fires {DigestWarningEvent} digest-warning - A value was dropped or a block skipped; `detail: {message, path}`.
 */
export class DigestArticle extends LitElement {
  static override styles = [base, styles];
  /** The digest-elements version that defined this element: `customElements.get('digest-article').version`. */
  static readonly version = VERSION;

  /**
   * The most bytes a `src` response may have: 5 MB (5,242,880) unless changed. A larger response
   * is refused from its `Content-Length` before it is read, or cancelled while it streams, and the
   * element shows its error state with a retry. Set it page-wide, before `src` is fetched:
   * `customElements.get('digest-article').srcLimit = 20 * 1024 * 1024`.
   */
  static srcLimit = 5_242_880;
  static override properties = {
    data: {},
    src: {},
    headingLevel: {type: Number, attribute: 'heading-level'},
    jsonLd: {type: Boolean, attribute: 'json-ld'},
  };

  /** The article: JSON text (attribute) or an `ArticleInput` object (property). */
  data?: ArticleInput | string | null;

  /** A URL of the article's JSON, fetched when there is no `data` and no child script. */
  src?: string | null;

  /** The level of the title heading, 1–6; sections and cards sit below it. */
  headingLevel = 2;

  /**
   * Adds the article's schema.org `NewsArticle` JSON-LD as one `<script type="application/ld+json">`
   * child of the element (light DOM, where crawlers read it), kept in step with the data.
   * Server rendering emits it (and this attribute) by default. In the browser it needs
   * `digest-elements/json-ld` or `digest-elements.hydrate.js`: the slim `digest-elements.js`
   * leaves it out.
   */
  jsonLd = false;

  /**
   * Gives every `<digest-article>` created from now on a companion (typically a Lit reactive
   * controller it adds to the element) that reads the article the element shows: `article()`
   * returns the validated data, or `undefined` while there is none (loading, error, no data);
   * `state()` tells which (`loading`, `error`). How `digest-elements/json-ld` adds its JSON-LD
   * controller and `digest-elements/compose` its check of `section-<id>` slots.
   */
  static addArticleInitializer(
    init: (element: DigestArticle, article: () => Article | undefined, state: () => {loading: boolean; error?: Problem}) => void,
  ): void {
    this.addInitializer((el) => {
      const article = el as DigestArticle;
      init(
        article,
        () => article.#input.value,
        () => article.#input,
      );
    });
  }

  /** @internal The data, validated. */
  readonly #input = new DataInput(this, validateArticle);

  /** @internal */
  readonly #retry = () => this.#input.retry();

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
    const {value, error, loading} = this.#input;
    const lang = resolveLang(this, value?.lang);
    const t = strings(lang);
    if (error) return errorView(t, error.path === 'src' ? this.#retry : undefined);
    if (loading) return html`<p part="loading" role="status">${t.loading}</p>`;
    const level = headingLevel(this.headingLevel);
    // Without data the element is a layout for hand-placed children (the slots below).
    const {site, title, lead, author, publishedAt, updatedAt, image, takeaways, intro, sections, next} =
      value ?? ({} as Partial<Article>);
    return html`<article part="article" lang=${ifDefined(value?.lang)}>
      <header part="header">
        ${site
          ? html`<p part="site">
              ${site.logo ? html`<img part="logo" src=${ifDefined(httpUrl(site.logo))} alt="" height="28" loading="lazy" />` : nothing}
              ${site.url ? link(site.url, site.name, 'site-link') : site.name}
            </p>`
          : nothing}
        <slot name="title">${title ? heading(level, 'title', title) : nothing}</slot>
        ${author || publishedAt || updatedAt
          ? html`<p part="meta">
              ${author
                ? html`<span part="author"
                    >${author.avatar
                      ? html`<img part="author-avatar" src=${ifDefined(httpUrl(author.avatar))} alt="" width="24" height="24" loading="lazy" />`
                      : nothing}${t.by}${author.url ? link(author.url, author.name, 'author-link') : author.name}</span
                  >`
                : nothing}
              ${publishedAt ? date(t.published, publishedAt, 'published', lang) : nothing}
              ${updatedAt ? date(t.updated, updatedAt, 'updated', lang) : nothing}
            </p>`
          : nothing}
        <slot name="lead">${lead ? html`<p part="lead">${lead}</p>` : nothing}</slot>
        <slot name="header"></slot>
      </header>
      ${image
        ? html`<figure part="image">
            <img
              src=${ifDefined(httpUrl(image.src))}
              alt=${image.alt}
              width=${image.width ?? 1200}
              height=${image.height ?? 630}
              loading="lazy"
              decoding="async"
            />
            ${image.credit ? html`<figcaption>${image.credit}</figcaption>` : nothing}
          </figure>`
        : nothing}
      <slot name="takeaways"
        >${takeaways
          ? html`<takeaway-list part="takeaways" .data=${takeaways} .headingLevel=${level + 1} lang=${lang}></takeaway-list>`
          : nothing}</slot
      >
      ${intro?.map((p) => html`<p part="intro">${p}</p>`)}
      ${sections?.map((s) => renderSection(s, level + 1, lang))}
      <slot></slot>
      ${next
        ? html`<footer part="next">
            ${next.url
              ? html`<p><a part="next-link" href=${ifDefined(httpUrl(next.url))} rel="noopener noreferrer">${next.label || t.next} ⇒</a></p>`
              : nothing}
            ${next.teaser ? html`<p part="teaser">${next.teaser}</p>` : nothing}
          </footer>`
        : nothing}
      <slot name="footer"></slot>
    </article>`;
  }
}

function renderSection({id, heading: text, question, answer, blocks}: Section, level: number, lang: string) {
  return html`<section part="section" id=${ifDefined(id)}>
    ${heading(level, 'section-heading', text)}
    ${question || answer
      ? html`<div part="qa">
          ${question ? html`<p part="question">${question}</p>` : nothing}
          ${answer ? html`<p part="answer">${answer}</p>` : nothing}
        </div>`
      : nothing}
    ${blocks.map((b) => renderBlock(b, level + 1, lang))}
    ${id ? html`<slot name=${`section-${id}`}></slot>` : nothing}
  </section>`;
}

/** A section's blocks; nested elements get `lang`, so server rendering localizes them too. */
function renderBlock(b: Block, level: number, lang: string) {
  switch (b.type) {
    case 'paragraph':
      return html`<p part="paragraph">${b.text}</p>`;
    case 'source':
      return html`<source-card part="source" .data=${b} .headingLevel=${level} lang=${lang}></source-card>`;
    case 'commentary':
      return html`<div part="commentary">
        ${b.name ? html`<p part="commentary-name">${b.name}</p>` : nothing}
        ${b.paragraphs.map((p) => html`<p>${p}</p>`)}
      </div>`;
    case 'comment':
      return html`<reader-comment part="comment" .data=${b} lang=${lang}></reader-comment>`;
  }
}

const date = (label: string, iso: string, part: string, lang: string) =>
  html`<span>${label}<time part=${part} datetime=${iso}>${formatDate(iso, lang)}</time></span>`;

declare global {
  interface HTMLElementTagNameMap {
    'digest-article': DigestArticle;
  }
}
