#!/usr/bin/env node
/**
 * Size budgets of the built package (`npm run size`, the last step of `npm test`; run
 * `npm run build` first). 1 KB = 1,024 bytes; gzip at level 9, brotli at quality 11.
 *
 * - `dist/digest-elements.js` (all four elements, Lit, validation, i18n, styles):
 *   at most 10 KB (10,240 B) brotli and 12 KB (12,288 B) gzip.
 * - Each element's ES-module entry `dist/<tag>/define.js`, bundled with esbuild (minified,
 *   `lit` and `lit/*` external, so everything of ours that the entry pulls in counts):
 *   at most 3 KB (3,072 B) brotli.
 *
 * Prints the figures as a table and exits 1 naming every file over budget.
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
const kb = (x) => `${(x / KB).toFixed(2)} KB`;

/** An ES-module entry bundled the way a user's bundler would see it: minified, Lit external. */
async function bundleEntry(entry) {
  const r = await build({
    entryPoints: [resolve(ROOT, entry)],
    bundle: true,
    minify: true,
    format: 'esm',
    target: 'es2022',
    write: false,
    external: ['lit', 'lit/*'],
    logLevel: 'silent',
  });
  return Buffer.from(r.outputFiles[0].contents);
}

async function main() {
  const over = [];
  const rows = [];
  const missing = await stat(resolve(ROOT, BUNDLE)).then(
    () => false,
    () => true,
  );
  if (missing) {
    console.log(`size: ${BUNDLE} not found: run \`npm run build\` first`);
    return 1;
  }

  const bundle = await readFile(resolve(ROOT, BUNDLE));
  const b = {raw: bundle.length, gzip: gzip(bundle), brotli: brotli(bundle)};
  rows.push([BUNDLE, b, `${n(BUNDLE_BROTLI)} br / ${n(BUNDLE_GZIP)} gz`]);
  if (b.brotli > BUNDLE_BROTLI) over.push(`${BUNDLE}: brotli ${n(b.brotli)} B > ${n(BUNDLE_BROTLI)} B (10 KB) by ${n(b.brotli - BUNDLE_BROTLI)} B`);
  if (b.gzip > BUNDLE_GZIP) over.push(`${BUNDLE}: gzip ${n(b.gzip)} B > ${n(BUNDLE_GZIP)} B (12 KB) by ${n(b.gzip - BUNDLE_GZIP)} B`);

  // Not budgeted, shown for reference: the SSR hydrate bundle, when the build has one.
  const hydrate = await readFile(resolve(ROOT, 'dist/digest-elements.hydrate.js')).catch(() => undefined);
  if (hydrate) rows.push(['dist/digest-elements.hydrate.js', {raw: hydrate.length, gzip: gzip(hydrate), brotli: brotli(hydrate)}, '(no budget)']);

  for (const tag of TAGS) {
    const entry = `dist/${tag}/define.js`;
    let out;
    try {
      out = await bundleEntry(entry);
    } catch (e) {
      over.push(`${entry}: cannot be bundled: ${String(e?.message ?? e).split('\n')[0]}`);
      continue;
    }
    const s = {raw: out.length, gzip: gzip(out), brotli: brotli(out)};
    rows.push([`${entry} (esbuild, lit external)`, s, `${n(ELEMENT_BROTLI)} br`]);
    if (s.brotli > ELEMENT_BROTLI) over.push(`${entry}: brotli ${n(s.brotli)} B > ${n(ELEMENT_BROTLI)} B (3 KB) by ${n(s.brotli - ELEMENT_BROTLI)} B`);
  }

  const w = Math.max(...rows.map((r) => r[0].length));
  console.log(`${'file'.padEnd(w)}  ${'raw'.padStart(7)}  ${'gzip -9'.padStart(8)}  ${'brotli'.padStart(8)}  budget (B)`);
  for (const [name, s, budget] of rows) {
    console.log(`${name.padEnd(w)}  ${n(s.raw).padStart(7)}  ${n(s.gzip).padStart(8)}  ${n(s.brotli).padStart(8)}  ${budget}   (${kb(s.brotli)} br)`);
  }
  if (process.argv.includes('--breakdown')) await breakdown();
  if (over.length) {
    for (const line of over) console.log(`size: OVER BUDGET: ${line}`);
    return 1;
  }
  console.log('size: all within budget');
  return 0;
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
