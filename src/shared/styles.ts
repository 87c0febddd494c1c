import {css} from 'lit';

/**
 * What all four elements share: the host page's inherited styles stop at the host (only
 * `--digest-*` custom properties, `lang`, `dir` and the page's colour scheme come in), the design
 * tokens, the colour scheme (`color-scheme` attribute, else `--digest-color-scheme`, else the
 * page's own), font stacks for Japanese and Latin text, and the error state.
 */
export const base = css`
  :host {
    display: block;
    /* Unset, the var() makes this 'inherit': the page's own scheme (light when it declares none). */
    color-scheme: var(--digest-color-scheme);
    /* !important: these are all the widget inherits from its host, and a page rule on the host
       element (even '* { font-size: 40px !important }') must not change them; an important
       declaration inside the shadow tree beats the page's. Theme with --digest-* instead. */
    font: var(--digest-font-size, 16px) / var(--digest-line-height, 1.75) sans-serif !important;
    color: var(--digest-color, light-dark(#1f2328, #e6e6e6)) !important;
    overflow-wrap: anywhere !important;
    line-break: strict !important;
  }
  /* The host element's box is the page's to style, so a page rule such as
     '* { letter-spacing: 2px !important }' lands on the host and would be inherited. The shadow
     tree's top-level elements, which no page selector reaches, set every other inherited property
     back to its initial value. Not 'all: initial': that also resets the language the text is laid
     out in (Chromium's and WebKit's locale, which comes from 'lang') and triples layout time.
     Layered, so every other rule of the elements (all unlayered) still wins. */
  @layer digest-reset {
    :host > * {
      letter-spacing: initial;
      word-spacing: initial;
      text-transform: initial;
      text-indent: initial;
      text-align: initial;
      text-shadow: initial;
      white-space: initial;
      word-break: initial;
      hyphens: initial;
      list-style: initial;
      tab-size: initial;
      quotes: initial;
      cursor: initial;
      -webkit-text-fill-color: initial;
      writing-mode: initial;
      text-underline-offset: initial;
      font-synthesis: initial;
    }
  }
  :host([hidden]) {
    display: none;
  }
  /* A scheme chosen for the elements, not the page's: they paint their own canvas behind it, and an
     element given one keeps its text off the canvas's edge (its nested elements, which inherit the
     scheme through the custom property, do not pad). */
  :host([color-scheme='light']) {
    --digest-color-scheme: light;
    background: Canvas;
    padding: var(--digest-space, 1em);
  }
  :host([color-scheme='dark']) {
    --digest-color-scheme: dark;
    background: Canvas;
    padding: var(--digest-space, 1em);
  }
  @container style(--digest-color-scheme) {
    :host {
      background: Canvas;
    }
  }
  :host > * {
    --a: var(--digest-accent,light-dark(#0b57d0,#8ab4f8));
    --s: var(--digest-surface,light-dark(#f6f8fa,#1d2127));
    --b: var(--digest-border,light-dark(#d0d7de,#3d444d));
    --m: var(--digest-muted,light-dark(#59636e,#9198a1));
    --r: var(--digest-radius,12px);
    --g: var(--digest-space,1em);
    font-family: var(--digest-font,system-ui,sans-serif);
  }
  /* Japanese: the host's language (a child without its own lang inherits it) or the child's. */
  :host(:lang(ja)) > :not([lang]),
  :host > :lang(ja) {
    font-family: var(--digest-font,'Hiragino Sans','Noto Sans JP','Yu Gothic',Meiryo,system-ui,sans-serif);
  }
  * {
    box-sizing: border-box;
    margin: 0;
  }
  h1, h2, h3, h4, h5, h6 {
    font-size: 1.25em;
    font-weight: bold;
    line-height: 1.45;
    font-family: var(--digest-heading-font, inherit);
    word-break: auto-phrase;
    text-wrap: balance;
  }
  ul {
    padding: 0;
    list-style: none;
  }
  a {
    color: var(--a);
  }
  img {
    max-width: 100%;
  }
  [part~='error'] {
    border: 2px solid light-dark(#cf222e, #f85149);
    border-radius: var(--r);
    padding: 0.75em 1em;
    font-size: 0.9em;
  }
  /* Boxes marked only by a background keep an edge where forced colours drop backgrounds. */
  [part='qa'],
  [part='next'],
  section[part='takeaways'] {
    outline: 1px solid transparent;
  }
  button {
    font: inherit;
    margin-top: 0.5em;
  }
  @media print {
    /* Paper: dark text on no backgrounds, no heading alone at a page's foot, boxes kept whole,
       and a link's URL written after it. */
    :host {
      color-scheme: light;
    }
    *,
    ::before,
    ::after {
      background: none !important;
    }
    h1, h2, h3, h4, h5, h6 {
      break-after: avoid;
    }
    img,
    figure,
    [part='card'],
    [part='qa'],
    [part='next'],
    [part='takeaways'] {
      break-inside: avoid;
    }
    :is([part='title-link'], [part='next-link'])[href^='http']::after {
      content: ' (' attr(href) ')';
      font-weight: normal;
      font-size: 0.8em;
    }
  }
`;
