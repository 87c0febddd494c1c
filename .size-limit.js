/**
 * Size budgets (`npm run size`, after `npm run build`): size-limit, brotli quality 11 unless named
 * gzip (level 9); 1 KB = 1,024 B. Each `limit` is the CEILING, the ratchet that stops growth: the size
 * when it was set plus a little. Lower a ceiling when a size goes down; raise it only by the measured
 * cost of a required feature, and say so here and in the commit. What would take the script-tag
 * bundle past 12.5 KB brotli goes into an opt-in module instead (as JSON-LD and composition did).
 *
 * - dist/digest-elements.js, the script-tag bundle (Lit inside): budget 12 KB brotli, 13.5 KB gzip.
 * - Each element's own code (its folder in dist/, an ES module as a user's bundler sees it): budget
 *   2 KB brotli. The shared modules and Lit, which every element uses, are counted once, in rows of
 *   their own (no limit: their cost shows in the bundle's row).
 *
 * The CSS in the css`` templates is minified by clean-css (rollup-plugin-minify-template-literals);
 * lightningcss was measured instead: 15 B more brotli for the bundle, so it is not used.
 */
import {readdirSync} from 'node:fs';

const TAGS = ['digest-article', 'source-card', 'takeaway-list', 'reader-comment'];
const KB = 1024;
/**
 * Each element's own code: its ceiling in bytes, brotli. Set at 1,835 / 1,197 / 734 / 1,074 B + ~1 %:
 * raised from 1,726 / 1,165 / 738 / 1,024 by required features (a URL check at every href/src, styles
 * in other documents, the reader's error sentence, the JSON-LD/composition hook, one template per
 * leaf element), after composition by hand left for its opt-in module.
 */
const CEILING = {'digest-article': 1_850, 'source-card': 1_210, 'takeaway-list': 745, 'reader-comment': 1_085};
const row = (name, budget, ceiling, check) => ({name: `${name} (budget ${budget / KB} KB)`, limit: `${ceiling} B`, ...check});
/** An ES module bundle (as a user's bundler sees it) of `entry` or `contents`; imports `keep` rejects stay external. */
const esm = (keep, contents) => (config) => ({
  ...config,
  format: 'esm',
  ...(contents && {entryPoints: undefined, stdin: {contents, resolveDir: process.cwd()}}),
  plugins: [{name: 'external', setup: (b) => b.onResolve({filter: /.*/}, (a) => (a.kind === 'entry-point' || keep(a.path) ? undefined : {path: a.path, external: true}))}],
});
const notLit = (path) => !/^lit(\/|$)/.test(path);
const bundle = {path: 'dist/digest-elements.js', disablePlugins: ['@size-limit/esbuild']};
/** The modules the elements share: the opt-in JSON-LD modules are not in the script-tag bundle. */
const shared = ['shared', 'format']
  .flatMap((dir) => readdirSync(`dist/${dir}`).map((f) => `./dist/${dir}/${f}`))
  .filter((f) => f.endsWith('.js') && !f.includes('/json-ld'));

export default [
  // Over the budget by the measured cost of required features (12,190 B brotli / 13,605 B gzip before
  // them): the URL check at every sink, frozen validated values, styles in other documents, the src
  // ceiling, one console line per input, the page's colour scheme, the language-keeping reset,
  // forced colours and bidi, the table of UI languages (+1,176 B brotli in all); one template per
  // leaf element, so that 1,000 cards take less JS heap than React (flat(): +95 B brotli, +75 B
  // gzip). Paid back: composition by hand moved to its opt-in module (-457 B), terser after Vite's
  // minifier (-141 B), the en/ja dates, the emoji test, the font stack and the iframe styles written
  // shorter (-166 B). Set at 12,697 B / 14,172 B + ~0.3 % (12,679 / 14,177 B since, with the
  // own-scheme padding), under the 12.5 KB line: lower it as bytes are paid back; it must not grow.
  row('dist/digest-elements.js, brotli', 12 * KB, 12_740, bundle),
  row('dist/digest-elements.js, gzip', 13.5 * KB, 14_220, {...bundle, gzip: true}),
  ...TAGS.map((tag) => row(`<${tag}> own code`, 2 * KB, CEILING[tag], {path: `dist/${tag}/define.js`, modifyEsbuildConfig: esm((p) => p.startsWith('./'))})),
  {name: 'shared modules (format/, shared/), once', path: shared, modifyEsbuildConfig: esm(notLit, shared.map((f, i) => `export * as m${i} from '${f}';`).join('\n'))},
  // Each opt-in UI language: what it adds to an app that has the elements (its strings and
  // registerLocale; the elements' modules external). Not in the script-tag bundle.
  ...['zh-Hans', 'zh-Hant', 'ko'].map((lang) => ({name: `dist/locales/${lang}.js (opt-in)`, path: `dist/locales/${lang}.js`, modifyEsbuildConfig: esm((p) => !p.includes('/shared/'))})),
  // Composition by hand (CMS templates), opt-in: the script-tag file with it, and what the
  // module adds to an app that has the elements (their modules external).
  {name: 'dist/digest-elements.compose.js (opt-in)', path: 'dist/digest-elements.compose.js', disablePlugins: ['@size-limit/esbuild']},
  {name: 'digest-elements/compose own code (opt-in)', path: 'dist/compose/compose.js', modifyEsbuildConfig: esm((p) => p.startsWith('./'))},
  {name: 'dist/digest-elements.hydrate.js, for scale', path: 'dist/digest-elements.hydrate.js', disablePlugins: ['@size-limit/esbuild']},
  // (`path` is required; the entry is the `stdin` module.)
  {name: 'Lit (lit, lit/directives/if-defined.js), once', path: 'package.json', modifyEsbuildConfig: esm(() => true, "export * from 'lit'; export * from 'lit/directives/if-defined.js';")},
];
