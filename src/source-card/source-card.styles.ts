import {css} from 'lit';

export const styles = css`
  :host {
    margin-block: var(--digest-space, 1em);
    /* Off-screen cards skip style, layout and paint. Until first shown they reserve about the mean
       height of a card (309 px = 19.3em measured in a 728 px column), then their own. */
    content-visibility: auto;
    contain-intrinsic-block-size: auto 19em;
  }
  article {
    display: flow-root;
    border: 1px solid var(--b);
    border-radius: var(--r);
    background: var(--s);
    padding: var(--g);
  }
  [part='image'] {
    float: inline-end;
    width: min(40%, 10em);
    height: auto;
    object-fit: cover;
    margin: 0 0 0.5em 1em;
    border-radius: calc(var(--r) / 2);
    background: var(--b);
  }
  [part='image'][data-broken] {
    visibility: hidden;
  }
  [part='title'] {
    font-size: 1.05em;
  }
  [part='title'],
  li {
    white-space: pre-line;
  }
  [part='date'],
  [part='credit'] {
    font-size: 0.85em;
    color: var(--m);
  }
  [part='points'] {
    clear: both;
    display: grid;
    gap: 0.5em;
    margin-block: 0.75em;
  }
  li {
    padding-inline-start: 1.6em;
    text-indent: -1.6em;
  }
  li::before {
    content: '✅';
    content: '✅' / '';
    margin-inline-end: 0.35em;
  }
  [part='read-more'] {
    font-weight: bold;
  }
`;
