import {css} from 'lit';

export const styles = css`
  article {
    display: grid;
    gap: var(--g);
  }
  header {
    display: grid;
    gap: 0.5em;
  }
  [part='site'] {
    display: flex;
    align-items: center;
    gap: 0.5em;
    font-weight: bold;
    color: var(--m);
  }
  [part='logo'] {
    height: 1.75em;
    width: auto;
  }
  [part='title'] {
    font-size: 1.6em;
    line-height: 1.35;
  }
  [part='meta'] {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25em 1em;
    font-size: 0.85em;
    color: var(--m);
  }
  [part='author-avatar'] {
    width: 1.5em;
    height: 1.5em;
    border-radius: 50%;
    vertical-align: middle;
    margin-inline-end: 0.25em;
  }
  [part='lead'] {
    font-size: 1.05em;
  }
  figure img {
    display: block;
    width: 100%;
    height: auto;
    border-radius: var(--r);
  }
  figcaption {
    font-size: 0.8em;
    color: var(--m);
  }
  section {
    display: grid;
    gap: 0.75em;
    padding-block-start: var(--g);
    border-block-start: 1px solid var(--b);
  }
  [part='section-heading'] {
    font-size: 1.35em;
  }
  [part='qa'] {
    border-radius: var(--r);
    background: var(--s);
    padding: 0.75em 1em;
  }
  [part='question'] {
    font-weight: bold;
    color: var(--a);
  }
  [part='commentary'] {
    border-inline-start: 4px solid var(--b);
    padding-inline-start: 1em;
    display: grid;
    gap: 0.5em;
  }
  [part='commentary-name'] {
    font-weight: bold;
    font-size: 0.9em;
  }
  p {
    white-space: pre-line;
  }
  [part='next'] {
    display: grid;
    gap: 0.5em;
    padding: var(--g);
    border-radius: var(--r);
    background: var(--s);
  }
  [part='next-link'] {
    font-weight: bold;
    font-size: 1.1em;
  }
  [part='loading'] {
    color: var(--m);
  }
`;
