/**
 * React 19 for the benchmark (bundled by esbuild at bench time, production build), drawing the
 * floor's HTML: `BenchReact(root)(html)` turns the HTML into React elements (not measured) and
 * returns the render, synchronous (`flushSync`) so that it lands in the same frame as the others.
 */
import {createElement} from 'react';
import {flushSync} from 'react-dom';
import {createRoot} from 'react-dom/client';

const NAMES = {class: 'className', for: 'htmlFor', datetime: 'dateTime', tabindex: 'tabIndex', viewbox: 'viewBox'};
const toReact = (n) => {
  if (n.nodeType === Node.TEXT_NODE) return n.data;
  if (n.nodeType !== Node.ELEMENT_NODE) return null;
  const props = {};
  for (const a of n.attributes) props[NAMES[a.name] ?? a.name] = a.name === 'hidden' || a.value;
  return createElement(n.localName, props, ...[...n.childNodes].map(toReact));
};

window.BenchReact = (root) => {
  const r = createRoot(root);
  return (html) => {
    const t = document.createElement('template');
    t.innerHTML = html;
    const tree = [...t.content.childNodes].map(toReact);
    return () => flushSync(() => r.render(tree));
  };
};
