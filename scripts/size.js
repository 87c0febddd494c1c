#!/usr/bin/env node
/**
 * Size budgets of the built package (`npm run size`, the last step of `npm test`; run
 * `npm run build` first). 1 KB = 1,024 bytes; gzip at level 9, brotli at quality 11.
 *
 * - `dist/digest-elements.js` (all four elements, Lit, validation, i18n, styles):
 *   at most 10 KB (10,240 B) brotli and 12 KB (12,288 B) gzip.
 * - Each element's ES-module entry `dist/<tag>/define.js`, bundled with esbuild (minified,
 *   `lit` and `lit/*` external, and the other three elements external: `<digest-article>`'s
 *   entry registers them, and each is counted in its own row; everything else of ours that the
 *   entry pulls in, the validator, styles and i18n, counts in every row): at most 3 KB brotli.
 * - For scale, the Lit floor: one trivial LitElement (a property, a template, a stylesheet)
 *   bundled and compressed the same way.
 *
 * The budgets above are issue #6's, and they are not met: Lit alone is 5.3 KB brotli of the 10,
 * and the features the other issues require cost 6.6 KB more (README, "Size"; issue #6's note
 * lists them with their costs). So `npm test` runs this with `--gate`: it fails when a figure
 * grows past its CEILING (the sizes when the gate was set, plus 1 %: lower them as sizes go
 * down), and prints every budget and by how much it is missed. Without `--gate` the exit code
 * follows the budgets.
 *
 * Prints the figures as a table and exits 1 naming every file over budget (over ceiling).
 *
 * `node scripts/size.js --breakdown` also prints where the bundle's bytes go: each module's
 * contribution by elimination, as brotli bytes: the whole (esbuild-bundled from dist/define.js
 * with Lit inside, minified, an IIFE like the real one) minus the same bundle with that module
 * stubbed out (its exports replaced by `void 0`, so code only it needs is tree-shaken too).
 * Contributions do not add up exactly to the whole (brotli shares a dictionary between them).
 */
import {readFile, stat} from 'node:fs/promises';
import {dirname, relative, resolve} from 'node:path';
import {fileURLToPath} from 'node:url';
import {brotliCompressSync, constants, gzipSync} from 'node:zlib';
import {build} from 'esbuild';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const KB = 1024;
const BUNDLE = 'dist/digest-elements.js';
const BUNDLE_BROTLI = 10 * KB;
const BUNDLE_GZIP = 12 * KB;
const ELEMENT_BROTLI = 3 * KB;
const TAGS = ['digest-article', 'source-card', 'takeaway-list', 'reader-comment'];
const LOCALES = ['zh-Hans', 'zh-Hant', 'ko'];
/** Regression ceilings (brotli unless named), set on 2026-11-26 at the then sizes + 1 %: see above. */
const CEILING = {
  bundle: 12_306, // 12,184 B
  bundleGzip: 13_719, // 13,583 B
  // The element rows grew on 2026-11-29 by the page-wide table of UI languages that opt-in locale
  // modules register into (+70 B each; the script-tag bundle +48 B): raised to the then sizes.
  'digest-article': 5_953, // 5,852 B
  'source-card': 5_125, // 5,069 B
  'takeaway-list': 4_529, // 4,448 B
  'reader-comment': 4_720, // 4,639 B
};
const GATE = process.argv.includes('--gate');

const gzip = (b) => gzipSync(b, {level: 9}).length;
const brotli = (b) =>
  brotliCompressSync(b, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: 11,
      [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
      [constants.BROTLI_PARAM_SIZE_HINT]: b.length,
    },
  }).length;
const n = (x) => x.toLocaleString('en-US');

/**
 * An ES-module entry bundled the way a user's bundler would see it: minified, Lit external, and
 * the other elements' modules external (each has its own row).
 */
async function bundleEntry(entry, tag, externals = [new RegExp(`^\\.\\./(${TAGS.filter((t) => t !== tag).join('|')})/`)]) {
  const others = {
    name: 'other-elements',
    setup(b) {
      for (const re of externals) b.onResolve({filter: re}, (args) => ({path: args.path, external: true}));
    },
  };
  const r = await build({
    entryPoints: [resolve(ROOT, entry)],
    bundle: true,
    minify: true,
    format: 'esm',
    target: 'es2022',
    write: false,
    external: ['lit', 'lit/*'],
    plugins: [others],
    logLevel: 'silent',
  });
  return Buffer.from(r.outputFiles[0].contents);
}

/** One trivial LitElement, bundled as the script-tag bundle is: what Lit alone costs. */
async function litFloor() {
  const r = await build({
    stdin: {
      contents: `import {LitElement, html, css} from 'lit';
        class X extends LitElement {
          static styles = css\`:host{display:block}\`;
          static properties = {a: {}};
          render() { return html\`<p>\${this.a}</p>\`; }
        }
        customElements.define('x-x', X);`,
      resolveDir: ROOT,
    },
    bundle: true,
    minify: true,
    format: 'iife',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
  });
  return Buffer.from(r.outputFiles[0].contents);
}

async function main() {
  const over = []; // issue #6's budgets
  const grown = []; // the regression ceilings (--gate)
  const rows = [];
  const missing = await stat(resolve(ROOT, BUNDLE)).then(
    () => false,
    () => true,
  );
  if (missing) {
    console.log(`size: ${BUNDLE} not found: run \`npm run build\` first`);
    return 1;
  }
  const check = (name, value, budget, ceiling, unit = 'brotli') => {
    if (value > budget) over.push(`${name}: ${unit} ${n(value)} B > ${n(budget)} B by ${n(value - budget)} B`);
    if (value > ceiling) grown.push(`${name}: ${unit} ${n(value)} B > ceiling ${n(ceiling)} B by ${n(value - ceiling)} B`);
  };

  const bundle = await readFile(resolve(ROOT, BUNDLE));
  const b = {raw: bundle.length, gzip: gzip(bundle), brotli: brotli(bundle)};
  rows.push([BUNDLE, b, `${n(BUNDLE_BROTLI)} br / ${n(BUNDLE_GZIP)} gz`, `${n(CEILING.bundle)} br / ${n(CEILING.bundleGzip)} gz`]);
  check(BUNDLE, b.brotli, BUNDLE_BROTLI, CEILING.bundle);
  check(BUNDLE, b.gzip, BUNDLE_GZIP, CEILING.bundleGzip, 'gzip');

  for (const tag of TAGS) {
    const entry = `dist/${tag}/define.js`;
    let out;
    try {
      out = await bundleEntry(entry, tag);
    } catch (e) {
      over.push(`${entry}: cannot be bundled: ${String(e?.message ?? e).split('\n')[0]}`);
      grown.push(over.at(-1));
      continue;
    }
    const s = {raw: out.length, gzip: gzip(out), brotli: brotli(out)};
    rows.push([`${entry} (esbuild; lit, other elements external)`, s, `${n(ELEMENT_BROTLI)} br`, `${n(CEILING[tag])} br`]);
    check(entry, s.brotli, ELEMENT_BROTLI, CEILING[tag]);
  }

  // Not budgeted: each opt-in UI language, what it adds to an app that has the elements (its
  // strings and `registerLocale`; the elements' i18n module is external). Not in the script-tag bundle.
  for (const lang of LOCALES) {
    const out = await bundleEntry(`dist/locales/${lang}.js`, undefined, [/\/shared\//]).catch(() => undefined);
    if (out) rows.push([`dist/locales/${lang}.js (opt-in; esbuild, i18n external)`, {raw: out.length, gzip: gzip(out), brotli: brotli(out)}, '', '']);
  }

  // Not budgeted, shown for scale: the SSR hydrate bundle, and Lit alone.
  const hydrate = await readFile(resolve(ROOT, 'dist/digest-elements.hydrate.js')).catch(() => undefined);
  if (hydrate) rows.push(['dist/digest-elements.hydrate.js', {raw: hydrate.length, gzip: gzip(hydrate), brotli: brotli(hydrate)}, '', '']);
  const lit = await litFloor();
  rows.push(['Lit floor: one trivial LitElement (esbuild IIFE)', {raw: lit.length, gzip: gzip(lit), brotli: brotli(lit)}, '', '']);

  const w = Math.max(...rows.map((r) => r[0].length));
  const bw = Math.max(...rows.map((r) => r[2].length), 'budget'.length);
  console.log(`${'file'.padEnd(w)}  ${'raw'.padStart(7)}  ${'gzip -9'.padStart(8)}  ${'brotli'.padStart(8)}  ${'budget'.padEnd(bw)}  ceiling`);
  for (const [name, s, budget, ceiling] of rows) {
    console.log(
      `${name.padEnd(w)}  ${n(s.raw).padStart(7)}  ${n(s.gzip).padStart(8)}  ${n(s.brotli).padStart(8)}  ${budget.padEnd(bw)}  ${ceiling}`,
    );
  }
  if (process.argv.includes('--breakdown')) await breakdown();
  for (const line of over) console.log(`size: OVER BUDGET: ${line}`);
  if (!over.length) console.log('size: all within budget');
  if (GATE) {
    for (const line of grown) console.log(`size: OVER CEILING: ${line}`);
    if (!grown.length) console.log('size: gate: nothing grew past its ceiling');
    return grown.length ? 1 : 0;
  }
  return over.length ? 1 : 0;
}

// ---------------------------------------------------------------------------------------------
// --breakdown: per-module contribution to the bundle, by elimination.

/** The IIFE bundle of dist/define.js with Lit inside; `stub` (an absolute path) is emptied. */
async function iife(stub, exportsOf) {
  const plugin = {
    name: 'stub',
    setup(b) {
      b.onLoad({filter: /\.js$/}, async (args) => {
        if (args.path !== stub) return undefined;
        // `export * from` lines stay (their names are not listed); everything else goes.
        const stars = (await readFile(stub, 'utf8')).match(/export\s*\*\s*from\s*["'][^"']+["']/g) ?? [];
        const names = exportsOf.get(stub) ?? [];
        const body = names.map((x) => (x === 'default' ? 'export default void 0;' : `export const ${x} = void 0;`));
        return {contents: [...stars, ...body].join(';\n'), loader: 'js', resolveDir: dirname(stub)};
      });
    },
  };
  const r = await build({
    entryPoints: [resolve(ROOT, 'dist/define.js')],
    bundle: true,
    minify: true,
    format: 'iife',
    target: 'es2022',
    write: false,
    metafile: true,
    plugins: [plugin],
    logLevel: 'silent',
  });
  return {bytes: Buffer.from(r.outputFiles[0].contents), metafile: r.metafile};
}

async function breakdown() {
  const whole = await iife(undefined, new Map());
  const inputs = Object.keys(whole.metafile.inputs).map((p) => resolve(process.cwd(), p));
  // Each input's own export names (esbuild reports them per entry point).
  const exportsOf = new Map();
  for (const file of inputs) {
    const r = await build({entryPoints: [file], bundle: false, format: 'esm', write: false, metafile: true, logLevel: 'silent'});
    exportsOf.set(file, Object.values(r.metafile.outputs)[0].exports);
  }
  const total = brotli(whole.bytes);
  const rows = [];
  for (const file of inputs) {
    // An element's `define.js` is what keeps its class: stubbing it would drop the element (counted there).
    if (/dist\/([\w-]+\/)?define\.js$/.test(file) && !file.includes('/shared/')) continue;
    const without = await iife(file, exportsOf);
    const minified = whole.metafile.outputs[Object.keys(whole.metafile.outputs)[0]].inputs[relative(process.cwd(), file)]?.bytesInOutput ?? 0;
    rows.push({name: relative(ROOT, file).replace(/^node_modules\//, ''), minified, brotli: total - brotli(without.bytes)});
  }
  rows.sort((a, b) => b.brotli - a.brotli);
  console.log(`\nbreakdown: esbuild IIFE of dist/define.js with Lit inside: ${n(whole.bytes.length)} B minified, ${n(total)} B brotli`);
  console.log(`(the real bundle is built by Vite/oxc; this one is for attribution only)`);
  const w = Math.max(...rows.map((r) => r.name.length));
  console.log(`${'module'.padEnd(w)}  ${'minified'.padStart(8)}  ${'brotli Δ'.padStart(8)}`);
  for (const r of rows) console.log(`${r.name.padEnd(w)}  ${n(r.minified).padStart(8)}  ${n(r.brotli).padStart(8)}`);
  const group = (re) => rows.filter((r) => re.test(r.name)).reduce((s, r) => s + r.brotli, 0);
  console.log(`sum: Lit ${n(group(/^(lit|lit-html|lit-element|@lit)\//))} B, ours ${n(group(/^dist\//))} B (of ${n(total)} B)`);
}

main().then(
  (code) => (process.exitCode = code),
  (e) => {
    console.log(`size: ${String(e?.stack ?? e)}`);
    process.exitCode = 1;
  },
);
