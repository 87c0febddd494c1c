/**
 * The in-page half of the benchmark (bundled with view.js by esbuild at bench time and served as
 * /bench/driver.js). The page has `window.BENCH = {workload, variant}`, the workload's data in
 * `<script type="application/json" id="bench-data">` and, for SSR, the server-rendered HTML in
 * `#bench-ssr`. `benchPrepare()` does everything that is not measured (builds the floor's HTML
 * string, the attribute markup, React's root; for the update workload, the first render);
 * `benchRun()` does the measured work in a fresh task between two performance marks:
 *
 *   bench-start → the work (innerHTML / createElement + .data / setHTMLUnsafe / React flushSync)
 *   → requestAnimationFrame → a posted message → bench-end
 *
 * The message posted from the rAF callback runs after that frame's style, layout, paint and
 * commit: the first frame in which the widget's content exists has been painted by the main
 * thread. (Lit renders in a microtask of the same task, so it lands in that frame too.)
 */
import {html, views} from './view.js';

const cfg = window.BENCH;
const V = views(html);
/** The page's data and root: read when first needed (this script runs in the `<head>`). */
let data;
let root;

const escAttr = (s) => s.replace(/&/g, '&amp;').replace(/'/g, '&#39;');
/** A flat copy of a string built by concatenation, so the heap figure does not count V8 flattening it. */
const flat = (s) => new TextDecoder().decode(new TextEncoder().encode(s));
const nextFrame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));

/** The workload as a list of items, each with the tag that renders it. */
function items(d) {
  if (cfg.workload === 'articles50') return Array.from({length: 50}, () => ({tag: 'digest-article', data: structuredClone(d.article)}));
  if (d.article) return [{tag: 'digest-article', data: d.article}];
  return d.cards.map((c) => ({tag: 'source-card', data: c.data, lang: c.lang}));
}

const floorHtml = (list) =>
  list.map((it) => (it.tag === 'digest-article' ? V.article(it.data) : V.card(it.data, it.lang)).html).join('');
const attrHtml = (list) =>
  list.map((it) => `<${it.tag}${it.lang ? ` lang="${it.lang}"` : ''} data='${escAttr(JSON.stringify(it.data))}'></${it.tag}>`).join('');

function propertyRender(list) {
  const frag = document.createDocumentFragment();
  for (const it of list) {
    const el = document.createElement(it.tag);
    if (it.lang) el.setAttribute('lang', it.lang);
    el.data = it.data;
    frag.append(el);
  }
  root.append(frag);
}

function reactApp(list) {
  const {createElement, Fragment, views: rviews} = window.BenchReact;
  const RV = rviews(window.BenchReact.h);
  const App = ({list}) =>
    list.map((it, i) => createElement(Fragment, {key: i}, it.tag === 'digest-article' ? RV.article(it.data) : RV.card(it.data, it.lang)));
  return createElement(App, {list});
}

/** Titles changed, for the update workload. */
const retitled = (list) => list.map((it, i) => ({...it, data: {...it.data, title: `${it.data.title} (updated ${i})`}}));

let work;

window.benchPrepare = async () => {
  data = JSON.parse(document.getElementById('bench-data').textContent);
  root = document.getElementById('root');
  const list = items(data);
  const v = cfg.variant;
  const update = cfg.workload === 'update1000';
  const render = {
    floor: () => {
      const s = flat(floorHtml(list));
      return () => (root.innerHTML = s);
    },
    attribute: () => {
      const s = flat(attrHtml(list));
      return () => (root.innerHTML = s);
    },
    property: () => () => propertyRender(list),
    'property-cv-off': () => () => propertyRender(list),
    'property-cv-article': () => () => propertyRender(list),
    ssr: () => {
      const s = JSON.parse(document.getElementById('bench-ssr').textContent);
      return () => root.setHTMLUnsafe(s);
    },
    react: () => {
      const r = window.BenchReact.createRoot(root);
      window.__reactRoot = r;
      const app = () => reactApp(list);
      return () => window.BenchReact.flushSync(() => r.render(app()));
    },
  }[v];
  if (!render) throw new Error(`unknown variant ${v}`);
  const first = render();
  if (!update) {
    work = first;
    return;
  }
  // The update workload: render 1,000 cards (not measured), then change every title.
  first();
  await nextFrame();
  await nextFrame();
  const next = retitled(list);
  if (v === 'floor') {
    const s = flat(floorHtml(next));
    work = () => (root.innerHTML = s);
  } else if (v === 'attribute') {
    const els = [...root.children];
    const json = next.map((it) => JSON.stringify(it.data));
    work = () => els.forEach((el, i) => el.setAttribute('data', json[i]));
  } else if (v === 'react') {
    const r = window.__reactRoot;
    work = () => window.BenchReact.flushSync(() => r.render(reactApp(next)));
  } else {
    const els = [...root.children];
    const titles = next.map((it) => it.data.title);
    work = () => els.forEach((el, i) => (el.data = {...el.data, title: titles[i]}));
  }
};

window.benchRun = () =>
  new Promise((resolve, reject) => {
    setTimeout(() => {
      try {
        performance.mark('bench-start');
        const t0 = performance.now();
        work();
        requestAnimationFrame(() => {
          const ch = new window.MessageChannel();
          ch.port1.onmessage = () => {
            performance.mark('bench-end');
            resolve({wall: performance.now() - t0});
          };
          ch.port2.postMessage(0);
        });
      } catch (e) {
        reject(e);
      }
    }, 0);
  });

/** Every node of the page under #root, shadow roots included. */
window.benchNodes = () => {
  let n = 0;
  const walk = (node) => {
    n++;
    if (node.shadowRoot) walk(node.shadowRoot);
    for (let c = node.firstChild; c; c = c.nextSibling) walk(c);
  };
  walk(root);
  return n;
};

/** What was drawn, for the sanity line: height of #root and the text it shows (shadow roots included). */
window.benchShape = () => {
  let text = 0;
  const walk = (node) => {
    if (node.nodeType === 3) text += node.data.trim().length;
    if (node.localName === 'script' || node.localName === 'style') return;
    if (node.shadowRoot) walk(node.shadowRoot);
    for (let c = node.firstChild; c; c = c.nextSibling) walk(c);
  };
  walk(root);
  return {height: Math.round(root.getBoundingClientRect().height), text};
};
