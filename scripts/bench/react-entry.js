/**
 * React 19 for the benchmark (bundled by esbuild at bench time, production build): the same
 * markup as the floor (view.js with `h` = `createElement`), rendered synchronously with
 * `flushSync` so that it lands in the same frame as the other variants' work.
 */
import {createElement, Fragment} from 'react';
import {flushSync} from 'react-dom';
import {createRoot} from 'react-dom/client';
import {views} from './view.js';

/** `h` for React: `class` → `className`, `datetime` → `dateTime`; the rest as written. */
const h = (tag, attrs, ...children) => {
  let props = null;
  if (attrs) {
    props = {};
    for (const [k, v] of Object.entries(attrs)) {
      if (v == null) continue;
      props[k === 'class' ? 'className' : k === 'datetime' ? 'dateTime' : k] = v;
    }
  }
  return createElement(tag, props, ...children);
};

window.BenchReact = {createElement, Fragment, flushSync, createRoot, views, h};
