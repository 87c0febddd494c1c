import {css} from 'lit';

/**
 * What all four elements share: the host page's inherited styles stop at the host
 * (`all: initial`; only `--digest-*` custom properties and `color-scheme` come in),
 * the design tokens, and the error state.
 */
export const base = css`
  :host {
    all: initial;
    display: block;
    color-scheme: inherit;
    font: var(--digest-font-size, 16px) / var(--digest-line-height, 1.75)
      var(--digest-font, system-ui, -apple-system, 'Segoe UI', 'Hiragino Sans', 'Noto Sans JP', 'Yu Gothic', Meiryo, sans-serif);
    color: var(--digest-color, light-dark(#1f2328, #e6e6e6));
    overflow-wrap: anywhere;
    line-break: strict;
  }
  :host([hidden]) {
    display: none;
  }
  :host > * {
    --a: var(--digest-accent, light-dark(#0b57d0, #8ab4f8));
    --s: var(--digest-surface, light-dark(#f6f8fa, #1d2127));
    --b: var(--digest-border, light-dark(#d0d7de, #3d444d));
    --m: var(--digest-muted, light-dark(#59636e, #9198a1));
    --r: var(--digest-radius, 12px);
    --g: var(--digest-space, 1em);
    --h: var(--digest-heading-font, inherit);
  }
  * {
    box-sizing: border-box;
    margin: 0;
  }
  h1, h2, h3, h4, h5, h6 {
    font: bold 1.25em/1.45 var(--h);
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
  small {
    display: block;
    color: var(--m);
  }
  button {
    font: inherit;
    margin-top: 0.5em;
  }
`;
