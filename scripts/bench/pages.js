/**
 * The benchmark's data (from the test fixtures) and its pages. Every page has the same plain site
 * stylesheet (site.css) and the in-page driver (driver.js); pages with our elements load the
 * script-tag bundle, the floor's pages only static HTML.
 */
import {readFileSync} from 'node:fs';
import {scriptJson} from '../../dist/format/json-ld.js';

const read = (path) => readFileSync(new URL(path, import.meta.url), 'utf8');
const SITE_CSS = read('./site.css');

/** Items `{tag, data, lang}`: the seed article; 1,000 cards from the fixtures' source blocks. */
export function loadItems() {
  const seed = JSON.parse(read('../../test/fixtures/seed.json'));
  const en = JSON.parse(read('../../test/fixtures/en-article.json'));
  const sources = [seed, en].flatMap((a) =>
    a.sections.flatMap((s) => s.blocks.filter((b) => b.type === 'source').map(({type: _type, ...data}) => ({lang: a.lang ?? 'en', data}))),
  );
  const cards = (suffix) =>
    Array.from({length: 1000}, (_, i) => {
      const {lang, data} = sources[i % sources.length];
      return {tag: 'source-card', lang, data: {...data, title: `${data.title} (${i + 1}${suffix})`}};
    });
  return {seed: [{tag: 'digest-article', data: seed}], cards: cards(''), cardsRetitled: cards(', updated')};
}

/** A page rule that beats the elements' own: content-visibility off (the A/B variant `cv-off`). */
const CV_OFF_CSS =
  'digest-article,source-card,takeaway-list,reader-comment,digest-article::part(source),digest-article::part(comment),' +
  'digest-article::part(takeaways){content-visibility:visible;contain-intrinsic-size:none}';

const page = ({title, head = [], body}) => `<!doctype html>
<html lang="ja">
<head>
<meta charset="utf-8">
<link rel="icon" href="data:,">
<title>${title}</title>
<style>${SITE_CSS}</style>
${head.join('\n')}
<script src="/bench/driver.js"></script>
</head>
<body><header><h1>A host page</h1><p>The host's own text before the article.</p></header>
<main id="root">${body}</main>
<footer><p>The host's own text after the article.</p></footer></body>
</html>
`;

const BUNDLE = '<script src="/bench/digest-elements.js"></script>';
/** How the bundle is loaded on a page-level page (`delay`: served that many ms late, as over a network). */
const LOADING = {
  floor: () => '',
  blank: () => '',
  elements: (delay) => `<script src="/bench/digest-elements.js?delay=${delay}"></script>`,
  defer: (delay) => `<script src="/bench/digest-elements.js?delay=${delay}" defer></script>`,
  async: (delay) => `<script src="/bench/digest-elements.js?delay=${delay}" async></script>`,
  ssr: (delay) => `<script src="/bench/digest-elements.hydrate.js?delay=${delay}" defer></script>`,
};

/**
 * A page-level page: the items as a script-tag user writes them (each element with its JSON in a
 * child script), loaded as the variant says; `floor` shows `html`, static; `blank` nothing;
 * `ssr` the server-rendered `ssr`.
 */
export const sitePage = ({variant, items, html, ssr, delay = 0}) =>
  page({
    title: `page ${variant}`,
    head: [LOADING[variant](delay)],
    body:
      {floor: html, blank: '', ssr}[variant] ??
      items.map((it) => `<${it.tag}${it.lang ? ` lang="${it.lang}"` : ''}><script type="application/json">${scriptJson(it.data)}</script></${it.tag}>`).join(''),
  });

/** An in-page page: the variant's scripts and the workload's data, rendered later by `benchRun()`. */
export const inPage = (data) =>
  page({
    title: `in-page ${data.variant}`,
    head: [
      {floor: '', react: '<script src="/bench/react.js"></script>', ssr: '<script src="/bench/digest-elements.hydrate.js"></script>'}[data.variant] ?? BUNDLE,
      data.variant === 'cv-off' ? `<style>${CV_OFF_CSS}</style>` : '',
      `<script type="application/json" id="bench-data">${scriptJson(data)}</script>`,
    ],
    body: '',
  });

/** The page on which the floor's HTML is made: the elements rendered, then flattened. */
export const flattenPage = () => page({title: 'flatten', head: [BUNDLE], body: ''});
