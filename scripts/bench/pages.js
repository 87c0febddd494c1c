/**
 * The benchmark's workloads (data) and pages (HTML), built in Node from the test fixtures.
 *
 * Workloads: the seed article; 1,000 `<source-card>`s; one 200-section article; the titles of
 * 1,000 cards updated; 50 `<digest-article>`s (the seed) on one page.
 */
import {readFileSync} from 'node:fs';

export const WORKLOADS = {
  seed: 'the seed article',
  cards1000: '1,000 <source-card>s',
  article200: 'one 200-section article',
  update1000: 'update the titles of 1,000 cards',
  articles50: '50 <digest-article>s (the seed) on one page',
};

export const VARIANTS = {
  floor: 'the floor: the same content as static HTML, one innerHTML',
  property: 'our elements, data by property',
  'property-cv-off': 'our elements by property, content-visibility turned off from the page (A/B)',
  'property-cv-article': 'our elements by property, plus content-visibility on each <digest-article> from the page (experiment)',
  attribute: 'our elements, data by `data` attribute JSON (one innerHTML)',
  ssr: 'server-rendered declarative shadow DOM (setHTMLUnsafe) + the bundle',
  react: 'React 19 (production) rendering the same markup as the floor (flushSync)',
};

/** Which variants run on which workload (the c-v A/B only where there is off-screen content). */
export const PLAN = {
  seed: ['floor', 'property', 'property-cv-off', 'attribute', 'ssr', 'react'],
  cards1000: ['floor', 'property', 'property-cv-off', 'attribute', 'ssr', 'react'],
  article200: ['floor', 'property', 'property-cv-off', 'attribute', 'ssr', 'react'],
  update1000: ['floor', 'property', 'property-cv-off', 'attribute', 'react'],
  articles50: ['floor', 'property', 'property-cv-article', 'attribute', 'ssr', 'react'],
};

export function loadWorkloads(root) {
  const read = (p) => JSON.parse(readFileSync(new URL(p, root), 'utf8'));
  const seed = read('test/fixtures/seed.json');
  const en = read('test/fixtures/en-article.json');
  const blocksOf = (a) => a.sections.flatMap((s) => s.blocks.map((b) => ({...b, lang: a.lang ?? 'en'})));
  const pool = [...blocksOf(seed), ...blocksOf(en)];
  const sources = pool.filter((b) => b.type === 'source');

  const cards = Array.from({length: 1000}, (_, i) => {
    const {lang, ...s} = sources[i % sources.length];
    return {lang, data: {...s, title: `${s.title} (#${i + 1})`}};
  });

  // 200 sections, each: a paragraph, a source card, a paragraph, a commentary, a comment, a paragraph.
  const byType = (t) => pool.filter((b) => b.type === t && (b.lang === 'ja' || t !== 'paragraph'));
  const pick = (t, i) => {
    const list = byType(t);
    const {lang: _lang, ...b} = list[i % list.length];
    return b;
  };
  const sections = Array.from({length: 200}, (_, i) => {
    const s = seed.sections[i % seed.sections.length];
    return {
      id: `s${i + 1}`,
      heading: `${s.heading} (${i + 1})`,
      question: s.question,
      answer: s.answer,
      blocks: [
        pick('paragraph', 3 * i),
        pick('source', i),
        pick('paragraph', 3 * i + 1),
        pick('commentary', i),
        pick('comment', i),
        pick('paragraph', 3 * i + 2),
      ],
    };
  });
  const big = {...seed, sections};

  return {
    seed: {article: seed},
    cards1000: {cards},
    article200: {article: big},
    update1000: {cards},
    articles50: {article: seed},
  };
}

/** JSON safe inside `<script type="application/json">`. */
const scriptJson = (value) => JSON.stringify(value).replace(/</g, '\\u003c');

const PAGE_CSS = 'html{background:#fff}body{margin:0 auto;max-width:760px;padding:16px;font:16px/1.6 sans-serif}';
/** The A/B switch: a page rule beats the elements' `:host` rules. */
export const CV_OFF_CSS =
  'digest-article,source-card,takeaway-list,reader-comment,digest-article::part(source),digest-article::part(comment),' +
  'digest-article::part(takeaways){content-visibility:visible;contain-intrinsic-size:none}';
/** An experiment: what content-visibility on `<digest-article>` itself would do (set from the page). */
export const CV_ARTICLE_CSS = 'digest-article{content-visibility:auto;contain-intrinsic-block-size:auto 3000px}';

/** A measured page: the workload's data and what its variant needs, loaded before the work. */
export function benchPage({workload, variant, data, ssrHtml, floorCss, bundle, ssrBundle = bundle}) {
  const head = [`<style>${PAGE_CSS}</style>`];
  if (variant === 'floor' || variant === 'react') head.push(`<style>${floorCss}</style>`);
  if (variant === 'property-cv-off') head.push(`<style>${CV_OFF_CSS}</style>`);
  if (variant === 'property-cv-article') head.push(`<style>${CV_ARTICLE_CSS}</style>`);
  if (!['floor', 'react'].includes(variant)) head.push(`<script src="${variant === 'ssr' ? ssrBundle : bundle}"></script>`);
  if (variant === 'react') head.push('<script src="/bench/react.js"></script>');
  head.push(`<script>window.BENCH=${JSON.stringify({workload, variant})}</script>`);
  head.push(`<script type="application/json" id="bench-data">${scriptJson(data)}</script>`);
  if (variant === 'ssr') head.push(`<script type="application/json" id="bench-ssr">${scriptJson(ssrHtml)}</script>`);
  head.push('<script src="/bench/driver.js"></script>');
  return `<!doctype html>
<html lang="ja">
<head>
<meta charset="utf-8">
<link rel="icon" href="data:,">
<title>bench ${workload} ${variant}</title>
${head.join('\n')}
</head>
<body><div id="root"></div></body>
</html>`;
}

/**
 * The `:not(:defined)` snippet the README documents for `defer`/`async`, read from the README
 * itself (the CSS block after "reserve the space"), so the figure is the documented snippet's.
 */
export function readmeSnippet(root) {
  const readme = readFileSync(new URL('README.md', root), 'utf8');
  const m = /reserve the space[\s\S]*?```css\n([\s\S]*?)```/.exec(readme);
  if (!m) throw new Error('README.md: the :not(:defined) snippet (a ```css block after "reserve the space") is missing');
  return m[1].trim();
}

/**
 * A loading-style page for the CLS check: host content, an article from a child
 * `<script type="application/json">` (or server-rendered), host content after it. The bundle
 * is served with a delay (as from a network), so `defer`/`async` let the parser paint first.
 * `style` is `classic`, `defer`, `async` or `ssr`, optionally `+snippet` (the README's
 * `:not(:defined)` CSS in the page's `<style>`).
 */
export function clsPage({style, seed, ssrHtml, bundleUrl, ssrBundleUrl = bundleUrl, cvOff, snippet = ''}) {
  const [loading, withSnippet] = style.split('+');
  const tag = {
    classic: `<script src="${bundleUrl}"></script>`,
    defer: `<script src="${bundleUrl}" defer></script>`,
    async: `<script src="${bundleUrl}" async></script>`,
    ssr: `<script src="${ssrBundleUrl}" defer></script>`,
  }[loading];
  const article =
    loading === 'ssr'
      ? ssrHtml
      : `<digest-article><script type="application/json">${scriptJson(seed)}</script></digest-article>`;
  return `<!doctype html>
<html lang="ja">
<head>
<meta charset="utf-8">
<link rel="icon" href="data:,">
<title>cls ${style}</title>
<style>${PAGE_CSS}${cvOff ? CV_OFF_CSS : ''}${withSnippet ? snippet : ''}</style>
<script>
window.__cls = 0; window.__shifts = [];
new PerformanceObserver((l) => { for (const e of l.getEntries()) if (!e.hadRecentInput) { __cls += e.value; __shifts.push(e.value); } })
  .observe({type: 'layout-shift', buffered: true});
</script>
${tag}
</head>
<body>
<header><h1>Host page</h1><p>Text of the host page before the widget.</p></header>
<main>${article}</main>
<footer><p>Text of the host page after the widget.</p></footer>
</body>
</html>`;
}

/** A page that scrolls through 1,000 cards (or a long article) and sums the layout shifts. */
export function scrollPage({data, bundle, cvOff, kind}) {
  return `<!doctype html>
<html lang="ja">
<head>
<meta charset="utf-8">
<link rel="icon" href="data:,">
<title>scroll</title>
<style>${PAGE_CSS}${cvOff ? CV_OFF_CSS : ''}</style>
<script src="${bundle}"></script>
<script type="application/json" id="bench-data">${scriptJson(data)}</script>
</head>
<body>
<div id="root"></div>
<script>
window.__cls = 0;
new PerformanceObserver((l) => { for (const e of l.getEntries()) if (!e.hadRecentInput) __cls += e.value; })
  .observe({type: 'layout-shift', buffered: true});
{
  const d = JSON.parse(document.getElementById('bench-data').textContent);
  const root = document.getElementById('root');
  if (${JSON.stringify(kind)} === 'cards') for (const c of d.cards) {
    const el = document.createElement('source-card'); el.setAttribute('lang', c.lang); el.data = c.data; root.append(el);
  } else { const el = document.createElement('digest-article'); el.data = d.article; root.append(el); }
}
</script>
</body>
</html>`;
}
