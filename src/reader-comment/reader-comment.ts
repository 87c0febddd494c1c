import {html, LitElement, nothing} from 'lit';
import {ifDefined} from 'lit/directives/if-defined.js';
import {isEmoji, validateComment} from '../format/validate.js';
import type {CommentData} from '../format/types.js';
import {resolveLang, strings} from '../shared/i18n.js';
import {DataInput} from '../shared/input.js';
import {adoptStyles} from '../shared/adopt-styles.js';
import {base} from '../shared/styles.js';
import {errorView, flat, httpUrl} from '../shared/templates.js';
import {VERSION} from '../version.js';
import {styles} from './reader-comment.styles.js';

/** The avatar shown when a comment has none, or its image fails. */
const DEFAULT_AVATAR = '👤';

/**
 * A reader's comment in a speech bubble: the avatar (an image URL or one emoji; a neutral
 * default when absent), the text, and the optional name and persona.
 *
 * With `digest-elements/compose` (composition by hand), a comment without `data` (or a child
 * JSON script) takes its text from its own text content and its fields from attributes: `<reader-comment name="…" persona="…" avatar="🐱">Text</reader-comment>`.
 *
 * @tag reader-comment
 * @summary A reader's comment in a speech bubble.
 *
 * @attr name - The reader's name (no `data`; with digest-elements/compose).
 * @attr persona - The reader's persona (no `data`; with digest-elements/compose).
 * @attr avatar - An http(s) image URL or one emoji (no `data`; with digest-elements/compose).
 * @attr {'auto' | 'light' | 'dark'} color-scheme - Light or dark colours, on a background of its own
 *   padded by `--digest-space`; `auto` (default) follows `--digest-color-scheme`, else the page's
 *   own colour scheme (light when it declares none).
 *
 * @csspart comment - The `<figure>` around the comment.
 * @csspart avatar - The avatar circle (image or emoji).
 * @csspart bubble - The speech bubble (`<blockquote>`).
 * @csspart name - The name and persona line (`<figcaption>`).
 * @csspart persona - The persona, after the name (`<bdi>`: a name or persona written right to left
 *   leaves the rest of the line in order).
 * @csspart error - The error state (`role="alert"`).
 *
 * @cssproperty [--digest-surface=light-dark(#f6f8fa, #1d2127)] - Bubble background.
 * @cssproperty [--digest-border=light-dark(#d0d7de, #3d444d)] - Bubble border colour.
 * @cssproperty [--digest-muted=light-dark(#59636e, #9198a1)] - Colour of the name line.
 * @cssproperty [--digest-radius=12px] - Bubble corner radius.
 * @cssproperty [--digest-space=1em] - Space above and below the comment.
 * @cssproperty [--digest-color=light-dark(#1f2328, #e6e6e6)] - Text colour.
 * @cssproperty [--digest-font=system-ui, sans-serif] - Body font family (Japanese: Hiragino Sans, Noto Sans JP, Yu Gothic, Meiryo, system-ui, sans-serif).
 * @cssproperty [--digest-font-size=16px] - Base font size.
 * @cssproperty [--digest-line-height=1.75] - Line height.
 * @cssproperty [--digest-color-scheme=the page's] - Page-wide colour scheme for the elements (`light`, `dark`,
 *   `light dark`); unset, they take the page's own.
 *
 * @fires {DigestLoadEvent} digest-load - New data was rendered.
 * @fires {DigestErrorEvent} digest-error - The data cannot be shown; `detail: {message, path?}`.
 * @fires {DigestWarningEvent} digest-warning - A value was dropped; `detail: {message, path}`.
 */
export class ReaderComment extends LitElement {
  static override styles = [base, styles];
  /** The digest-elements version that defined this element: `customElements.get('reader-comment').version`. */
  static readonly version = VERSION;
  static override properties = {
    data: {},
    side: {reflect: true},
  };

  /**
   * The comment: JSON text (attribute) or an object (property) with `text`, `name?`,
   * `persona?`, `avatar?`, `side?`. Else a child `<script type="application/json">`.
   */
  data?: CommentData | string | null;

  /** Which side the avatar sits on; overrides the data's `side`. */
  side?: 'start' | 'end';

  /** @internal The avatar URL that failed to load. */
  #brokenAvatar?: string;

  /** @internal */
  readonly #input = new DataInput(this, validateComment);

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

  #onAvatarError(e: Event) {
    this.#brokenAvatar = (e.target as HTMLImageElement).getAttribute('src') ?? undefined;
    this.requestUpdate();
  }

  override render() {
    const {value, error} = this.#input;
    if (error) return errorView(strings(resolveLang(this)));
    if (!value) return nothing;
    const {text, name, persona, avatar = DEFAULT_AVATAR} = value;
    const side = this.side ?? value.side;
    return flat(html`<figure part="comment" class=${side === 'end' ? 'end' : 'start'}>
      <span part="avatar" aria-hidden="true"
        >${isEmoji(avatar)
          ? avatar
          : avatar === this.#brokenAvatar
            ? DEFAULT_AVATAR
            : html`<img src=${ifDefined(httpUrl(avatar))} alt="" loading="lazy" width="48" height="48" @error=${this.#onAvatarError} />`}</span
      >
      <blockquote part="bubble">${text}</blockquote>
      ${name || persona
        ? html`<figcaption part="name">
            <bdi>${name}</bdi>${name && persona ? ' · ' : ''}${persona
              ? html`<bdi part="persona">${persona}</bdi>`
              : nothing}
          </figcaption>`
        : nothing}
    </figure>`);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'reader-comment': ReaderComment;
  }
}
