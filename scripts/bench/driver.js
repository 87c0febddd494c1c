/**
 * The in-page half of `npm run bench`, a classic script on every bench page (floor and ours
 * alike). The page's `#bench-data` JSON holds `{variant, items, html, update, ssr}`: `items` are
 * `{tag, data, lang}` rendered through the real elements; `html` is the floor, the same content
 * as static HTML (made by `benchFlatten`).
 */
const $ = (id) => document.getElementById(id);

/** Resolves once every Lit element under `node` (shadow roots included) has rendered. */
async function rendered(node = document.body) {
  for (let seen = -1; ; ) {
    const els = [];
    const walk = (n) => {
      if (n.updateComplete) els.push(n);
      for (const c of [...(n.shadowRoot?.children ?? []), ...n.children]) walk(c);
    };
    walk(node);
    const done = await Promise.all(els.map((e) => e.updateComplete));
    if (els.length === seen && !done.includes(false)) return;
    seen = els.length;
  }
}
/** After the next frame has been painted. */
const painted = () => new Promise((ok) => requestAnimationFrame(() => setTimeout(ok)));

/** The page-level signal: the page has loaded, its elements have rendered and that frame is painted. */
window.benchPainted = new Promise((ok) => window.addEventListener('load', () => rendered().then(painted).then(ok)));
/** The page's layout shift (CLS: the sum of the `layout-shift` entries without recent input). */
window.benchShift = 0;
new PerformanceObserver((list) => list.getEntries().forEach((e) => (window.benchShift += e.hadRecentInput ? 0 : e.value))).observe({type: 'layout-shift', buffered: true});

/** The items through the real elements, data by property. */
function mount(items, into) {
  const frag = document.createDocumentFragment();
  for (const it of items) {
    const el = document.createElement(it.tag);
    if (it.lang) el.setAttribute('lang', it.lang);
    el.data = it.data;
    frag.append(el);
  }
  into.append(frag);
}

const DROP = new Set(['class', 'part', 'exportparts', 'style']);
/**
 * What `node` shows, copied as plain DOM into `parent`: a shadow host becomes a `<div>` (keeping
 * `lang`/`dir`) holding its shadow tree, a slot what is assigned to it; styles, scripts and
 * class/part/style attributes are dropped. The browser serializes the copy (no escaper of ours).
 */
function copyFlat(node, parent) {
  if (node.nodeType === Node.TEXT_NODE) return parent.append(node.data);
  if (node.nodeType !== Node.ELEMENT_NODE || ['style', 'script', 'template'].includes(node.localName)) return;
  if (node.localName === 'slot') {
    const shown = node.assignedNodes();
    for (const c of shown.length ? shown : node.childNodes) copyFlat(c, parent);
    return;
  }
  const host = Boolean(node.shadowRoot);
  const el = host ? document.createElement('div') : document.createElementNS(node.namespaceURI, node.localName);
  for (const a of node.attributes) if (host ? a.name === 'lang' || a.name === 'dir' : !DROP.has(a.name)) el.setAttribute(a.name, a.value);
  for (const c of (node.shadowRoot ?? node).childNodes) copyFlat(c, el);
  parent.append(el);
}

/** The floor's HTML: the items rendered by the elements, then serialized with the shadow DOM flattened. */
window.benchFlatten = async (items) => {
  const box = document.createElement('div');
  document.body.append(box);
  mount(items, box);
  await rendered(box);
  const out = document.createElement('div');
  for (const c of box.childNodes) copyFlat(c, out);
  box.remove();
  return out.innerHTML;
};

/** `<tag lang data="json">` markup for the items, serialized from an inert document. */
function attributeHtml(items) {
  const body = document.implementation.createHTMLDocument('').body;
  for (const it of items) {
    const el = body.appendChild(body.ownerDocument.createElement(it.tag));
    if (it.lang) el.setAttribute('lang', it.lang);
    el.setAttribute('data', JSON.stringify(it.data));
  }
  return body.innerHTML;
}

/** Per variant: prepare (not measured), returning `render(which)` where which is 'first' or 'update'. */
const VARIANTS = {
  floor: (d, root) => (which) => () => (root.innerHTML = which === 'first' ? d.html : d.update.html),
  attribute: (d, root) => {
    const first = attributeHtml(d.items);
    const json = d.update?.items.map((it) => JSON.stringify(it.data));
    return (which) => (which === 'first' ? () => (root.innerHTML = first) : () => [...root.children].forEach((el, i) => el.setAttribute('data', json[i])));
  },
  property: (d, root) => (which) =>
    which === 'first' ? () => mount(d.items, root) : () => [...root.children].forEach((el, i) => (el.data = d.update.items[i].data)),
  ssr: (d, root) => () => () => root.setHTMLUnsafe(d.ssr),
  react: (d, root) => {
    const render = window.BenchReact(root);
    const first = render(d.html);
    const update = d.update && render(d.update.html);
    return (which) => (which === 'first' ? first : update);
  },
};
VARIANTS['cv-off'] = VARIANTS.property;

let work;
/** Loads the data and prepares the measured work (for an update, after the first render has painted). */
window.benchPrepare = async () => {
  const d = JSON.parse($('bench-data').textContent);
  const render = VARIANTS[d.variant](d, $('root'));
  work = render('first');
  if (!d.update) return;
  work();
  await rendered($('root'));
  await painted();
  work = render('update');
};

/** The measured work, in a fresh task, until the frame that shows it has been painted. */
window.benchRun = () =>
  new Promise((ok) =>
    setTimeout(() => {
      const t0 = performance.now();
      work();
      requestAnimationFrame(() => setTimeout(() => ok(performance.now() - t0)));
    }),
  );

/** What the root holds (shadow roots included): nodes, and characters of text (that every variant drew the same). */
window.benchShape = () => {
  let nodes = 0;
  let text = 0;
  const walk = (n) => {
    nodes++;
    if (n.nodeType === Node.TEXT_NODE && !['style', 'script'].includes(n.parentNode.localName)) text += n.data.replace(/\s/g, '').length;
    if (n.shadowRoot) walk(n.shadowRoot);
    for (let c = n.firstChild; c; c = c.nextSibling) walk(c);
  };
  walk($('root'));
  return {nodes, text};
};
