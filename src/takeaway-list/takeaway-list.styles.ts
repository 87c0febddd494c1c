import {css} from 'lit';

export const styles = css`
  :host {
    margin-block: var(--digest-space, 1em);
  }
  section {
    border-radius: var(--r);
    background: var(--s);
    border-inline-start: 4px solid var(--a);
    padding: var(--g);
  }
  [part='heading'] {
    font-size: 1.1em;
    margin-block-end: 0.5em;
  }
  [part='list'] {
    display: grid;
    gap: 0.5em;
  }
  li {
    display: flex;
    gap: 0.4em;
  }
  [part='heading'],
  [part='item'] > :not([part='item-icon']) {
    white-space: pre-line;
  }
`;
