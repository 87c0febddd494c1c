import {css} from 'lit';

export const styles = css`
  :host {
    margin-block: var(--digest-space, 1em);
    /* As <source-card>: skipped while off-screen, reserving the measured median height (110 px). */
    content-visibility: auto;
    contain-intrinsic-block-size: auto 7em;
  }
  figure {
    display: grid;
    grid: auto 1fr / auto 1fr;
    gap: 0.25em 0.75em;
    align-items: start;
    justify-items: start;
  }
  .end {
    grid-template-columns: 1fr auto;
    justify-items: end;
  }
  .end [part='avatar'] {
    grid-area: 1 / 2 / 3;
  }
  .end > :not([part='avatar']) {
    grid-column: 1;
  }
  [part='avatar'] {
    grid-row: span 2;
    flex: none;
    width: 3em;
    height: 3em;
    border-radius: 50%;
    display: grid;
    place-items: center;
    font-size: 1.5em;
    line-height: 1;
    background: var(--s);
    border: 1px solid var(--b);
    overflow: hidden;
  }
  [part='avatar'] img {
    width: 100%;
    height: 100%;
    object-fit: cover;
  }
  [part='bubble'] {
    position: relative;
    max-width: 100%;
    background: var(--s);
    border: 1px solid var(--b);
    border-radius: var(--r);
    padding: 0.75em 1em;
    white-space: pre-line;
  }
  [part='bubble']::before {
    content: '';
    position: absolute;
    top: 1em;
    inset-inline-start: -0.5em;
    width: 0.9em;
    height: 0.9em;
    background: inherit;
    border: inherit;
    border-width: 0 0 1px 1px;
    rotate: 45deg;
  }
  .end [part='bubble']::before {
    inset-inline: auto -0.5em;
    rotate: 225deg;
  }
  [part='name'] {
    font-size: 0.85em;
    color: var(--m);
  }
`;
