#!/usr/bin/env node
/**
 * `npm run bench` (after `npm run build`): what our elements cost the page that hosts them, against
 * the floor (the same content as static HTML under a plain site stylesheet, made by rendering the
 * real elements and flattening their shadow DOM) and React 19 drawing that same HTML. Prints
 * tables, writes bench-results/bench.json, exits 0 whatever the figures (1 if it broke).
 *
 * Headless system Chromium (playwright-core), a fresh browser context per run, the variants'
 * order rotated every repetition. Main-thread time comes from CDP `Performance.getMetrics`:
 * TaskDuration (main-thread tasks, the goal figure), ThreadTime (its CPU time, which a loaded
 * machine does not inflate), LayoutDuration, RecalcStyleDuration, ScriptDuration.
 * - page level: from before the navigation of a fresh page until its content is painted
 *   (loaded, every element rendered, the next frame painted), script evaluation included;
 * - in page: the data is loaded first; from a fresh task doing the work until the frame
 *   showing it is painted; then the JS heap (after a forced GC) and DOM nodes, as deltas.
 *
 * Options: --reps N (default 7), --only name,name (workloads), --json PATH.
 */
import {mkdir, readFile, writeFile} from 'node:fs/promises';
import {cpus, loadavg} from 'node:os';
import {build} from 'esbuild';
import {chromium} from 'playwright-core';
import {renderArticle} from '../../dist/ssr/render.js';
import {flattenPage, inPage, loadItems, sitePage} from './pages.js';
import {CHROMIUM, CHROMIUM_ARGS} from '../browsers.js';
import {serve} from '../serve.js';

const ROOT = new URL('../../', import.meta.url);
const arg = (name, fallback) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : fallback);
const REPS = Number(arg('--reps', 7));
const ONLY = arg('--only')?.split(',');
const JSON_OUT = new URL(arg('--json', 'bench-results/bench.json'), ROOT);

/** The workloads: `page` ones load a fresh page per run, the others render into a loaded page. */
const WORKLOADS = [
  {name: 'seed-page', page: true, items: 'seed', variants: ['floor', 'elements', 'blank'], what: 'a fresh page showing the seed article'},
  {name: 'cards-page', page: true, items: 'cards', variants: ['floor', 'elements'], what: 'a fresh page showing 1,000 cards'},
  {name: 'seed-loading', page: true, items: 'seed', delay: 150, variants: ['floor', 'elements', 'defer', 'async', 'ssr'], what: 'the seed page, its script 150 ms late'},
  {name: 'seed', items: 'seed', variants: ['floor', 'property', 'attribute', 'ssr', 'react'], what: 'the seed article'},
  {name: 'cards1000', items: 'cards', variants: ['floor', 'property', 'cv-off', 'attribute', 'react'], what: '1,000 <source-card>s'},
  {name: 'update1000', items: 'cards', update: 'cardsRetitled', variants: ['floor', 'property', 'attribute', 'react'], what: 'new titles for 1,000 cards'},
  {name: 'articles50', items: 'seed', times: 50, variants: ['floor', 'property', 'attribute', 'ssr', 'react'], what: '50 seed articles on one page'},
].filter((w) => !ONLY || ONLY.includes(w.name));

const median = (xs) => {
  const s = xs.filter((x) => x != null).sort((a, b) => a - b);
  return s.length ? (s[(s.length - 1) >> 1] + s[s.length >> 1]) / 2 : undefined;
};
const med = (runs, key, field) => median((runs[key] ?? []).map((r) => r[field]));
const ratio = (runs, a, b, field = 'task') => med(runs, a, field) / med(runs, b, field);

/** The goals: [what, measured, against, limit of the ratio of medians, the fields judged]. */
const GOALS = [
  ['the seed article, page level, × the floor: ≤ 1.5 (stretch 1.2)', 'seed-page/elements', 'seed-page/floor', 1.5],
  ['1,000 cards, page level, × the floor: ≤ 1.0', 'cards-page/elements', 'cards-page/floor', 1],
  ['1,000 cards, in page, × the floor: ≤ 1.0', 'cards1000/property', 'cards1000/floor', 1],
  ['the seed article, in page, × React 19: no worse (≤ 1.0)', 'seed/property', 'seed/react', 1],
  ['JS heap for 1,000 cards, × React 19: no worse (≤ 1.0)', 'cards1000/property', 'cards1000/react', 1, ['heap']],
];

const metrics = async (cdp) => Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
const spent = (a, b) => {
  const ms = (name) => (b[name] - a[name]) * 1000;
  return {task: ms('TaskDuration'), cpu: ms('ThreadTime'), layout: ms('LayoutDuration'), style: ms('RecalcStyleDuration'), script: ms('ScriptDuration')};
};
const heap = async (cdp) => {
  await cdp.send('HeapProfiler.collectGarbage');
  return (await cdp.send('Runtime.getHeapUsage')).usedSize;
};

/** One page-level run: a fresh page, from before the navigation until its content is painted. */
async function pageRun(page, cdp, url) {
  await cdp.send('Performance.enable');
  const m0 = await metrics(cdp);
  await page.goto(url, {waitUntil: 'load'});
  await page.evaluate(() => window.benchPainted);
  const m1 = await metrics(cdp);
  // The layout shift of the last frame is reported after it: one more frame.
  const shift = await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => setTimeout(() => ok(window.benchShift)))));
  return {...spent(m0, m1), shift, ...(await page.evaluate(() => window.benchShape()))};
}

/** One in-page run: data loaded and prepared, then the work until its frame is painted. */
async function inPageRun(page, cdp, url) {
  await page.goto(url, {waitUntil: 'load'});
  await page.evaluate(() => window.benchPrepare());
  await cdp.send('Performance.enable');
  const [heap0, shape0, m0] = [await heap(cdp), await page.evaluate(() => window.benchShape()), await metrics(cdp)];
  const wall = await page.evaluate(() => window.benchRun());
  const m1 = await metrics(cdp);
  const [heap1, shape1] = [await heap(cdp), await page.evaluate(() => window.benchShape())];
  return {...spent(m0, m1), wall, heap: (heap1 - heap0) / 2 ** 20, nodes: shape1.nodes - shape0.nodes, text: shape1.text};
}

/** The served scripts, read once (a rebuild during the run changes nothing), and the page that makes the floor. */
async function files() {
  const esbuild = async (entry) =>
    (await build({entryPoints: [new URL(entry, import.meta.url).pathname], bundle: true, minify: true, write: false, logLevel: 'silent', define: {'process.env.NODE_ENV': '"production"'}})).outputFiles[0].text;
  return new Map(
    Object.entries({
      '/bench/digest-elements.js': await readFile(new URL('dist/digest-elements.js', ROOT)),
      '/bench/digest-elements.hydrate.js': await readFile(new URL('dist/digest-elements.hydrate.js', ROOT)),
      '/bench/driver.js': await readFile(new URL('driver.js', import.meta.url)),
      '/bench/react.js': await esbuild('react-entry.js'),
      '/bench/flatten.html': flattenPage(),
    }).map(([path, body]) => [path, {body}]),
  );
}

/** Each workload's pages; the floor's HTML is what the real elements render, flattened (on `flatten`'s page). */
async function pages(items, flatten) {
  const flat = {};
  for (const name of new Set(WORKLOADS.flatMap((w) => [w.items, w.update].filter(Boolean)))) flat[name] = await flatten(items[name]);
  const ssr = renderArticle(items.seed[0].data, {jsonLd: false}).html;
  return WORKLOADS.flatMap((w) => {
    const n = w.times ?? 1;
    const list = Array.from({length: n}, () => items[w.items]).flat();
    const html = flat[w.items].repeat(n);
    const update = w.update && {items: items[w.update], html: flat[w.update]};
    return w.variants.map((variant) => [
      `/bench/${w.name}/${variant}.html`,
      {body: w.page ? sitePage({variant, items: list, html, ssr, delay: w.delay}) : inPage({variant, items: list, html, update, ssr: variant === 'ssr' ? ssr.repeat(n) : undefined})},
    ]);
  });
}

/** Medians and ratios of medians (to the floor of the same workload), then the goals. */
function report(runs, header) {
  const f1 = (v) => (v == null || Number.isNaN(v) ? '—' : Math.abs(v) >= 100 ? v.toFixed(0) : v.toFixed(1));
  const times = (r) => (r == null || Number.isNaN(r) ? '—' : `${r.toFixed(2)}×`);
  const lines = [`${header}; medians, ms unless stated.`, ''];
  for (const w of WORKLOADS) {
    const cols = ['task', '× floor', 'CPU', '× floor', 'layout', ...(w.page ? ['layout share', 'style', 'script', 'CLS'] : ['style', 'script', 'wall', 'JS heap MB', 'DOM nodes'])];
    lines.push(`**${w.what}** (\`${w.name}\`, ${w.page ? 'page level' : 'in page'})`, '', `| variant | ${cols.join(' | ')} |`, `|---|${cols.map(() => '---').join('|')}|`);
    for (const v of w.variants) {
      const key = `${w.name}/${v}`;
      const m = (field) => med(runs, key, field);
      const floor = `${w.name}/floor`;
      const cells = [f1(m('task')), times(ratio(runs, key, floor)), f1(m('cpu')), times(ratio(runs, key, floor, 'cpu')), f1(m('layout'))];
      if (w.page) cells.push(`${Math.round((100 * m('layout')) / m('task'))} %`, f1(m('style')), f1(m('script')), m('shift')?.toFixed(3));
      else cells.push(f1(m('style')), f1(m('script')), f1(m('wall')), m('heap')?.toFixed(2) ?? '—', Math.round(m('nodes') ?? 0).toLocaleString('en-US'));
      lines.push(`| ${v} (${runs[key]?.length ?? 0}) | ${cells.join(' | ')} |`);
    }
    if (w.variants.includes('blank')) {
      const [e, f, b] = ['elements', 'floor', 'blank'].map((v) => `${w.name}/${v}`);
      const beyond = (k) => times((med(runs, e, k) - med(runs, b, k)) / (med(runs, f, k) - med(runs, b, k)));
      lines.push('', `Beyond a blank page (the same page without the article): elements ${beyond('task')} the floor's task time, ${beyond('cpu')} its CPU.`);
    }
    lines.push('', `Text drawn (characters): ${w.variants.map((v) => `${v} ${med(runs, `${w.name}/${v}`, 'text') ?? '—'}`).join(', ')}.`, '');
  }
  const goals = GOALS.map(([what, a, b, limit, fields = ['task', 'cpu']]) => ({what, limit, ratios: Object.fromEntries(fields.map((k) => [k, ratio(runs, a, b, k)]))}));
  const verdict = (r, limit) => (Number.isNaN(r) ? 'not run' : r <= limit ? 'met' : 'missed');
  lines.push('| goal | this run | verdict |', '|---|---|---|');
  for (const g of goals) {
    const each = Object.entries(g.ratios);
    lines.push(`| ${g.what} | ${each.map(([k, r]) => `${times(r)} (${k})`).join(', ')} | ${each.map(([k, r]) => `${verdict(r, g.limit)} (${k})`).join(', ')} |`);
  }
  return {table: lines.join('\n'), goals};
}

async function main() {
  const t0 = Date.now();
  const load0 = loadavg()[0];
  const items = loadItems();
  const pinned = await files();
  const {server, origin} = await serve({root: new URL('.', import.meta.url).pathname, pinned});
  const browser = await chromium.launch({executablePath: CHROMIUM, args: CHROMIUM_ARGS});
  const fresh = async () => {
    const context = await browser.newContext({viewport: {width: 1280, height: 800}});
    await context.route((url) => url.hostname !== '127.0.0.1', (route) => route.abort('blockedbyclient'));
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    return {context, page, errors, cdp: await context.newCDPSession(page)};
  };
  const f = await fresh();
  await f.page.goto(`${origin}/bench/flatten.html`);
  for (const [path, file] of await pages(items, (list) => f.page.evaluate((l) => window.benchFlatten(l), list))) pinned.set(path, file);
  await f.context.close();

  const react = JSON.parse(await readFile(new URL('node_modules/react/package.json', ROOT), 'utf8')).version;
  const header = `Chromium ${browser.version()}, React ${react}, ${cpus().length} CPUs (${cpus()[0]?.model}), ${REPS} reps`;
  console.log(`# ${header}, load average ${load0.toFixed(2)}; serving ${origin}`);
  const runs = {};
  for (let rep = 0; rep < REPS; rep++) {
    for (const w of WORKLOADS) {
      for (const variant of w.variants.map((_, i, vs) => vs[(i + rep) % vs.length])) {
        const key = `${w.name}/${variant}`;
        const {context, page, cdp, errors} = await fresh();
        try {
          const timeout = new Promise((_, fail) => setTimeout(() => fail(new Error('timed out after 120 s')), 120_000).unref());
          const r = await Promise.race([(w.page ? pageRun : inPageRun)(page, cdp, `${origin}/bench/${key}.html`), timeout]);
          if (errors.length) throw new Error(errors.join(' | '));
          (runs[key] ??= []).push(r);
        } catch (e) {
          console.log(`# ${key} rep ${rep + 1}: ${String(e?.message ?? e).split('\n')[0]}`);
        } finally {
          await context.close().catch(() => {});
        }
      }
    }
    console.log(`# rep ${rep + 1}/${REPS} (${Math.round((Date.now() - t0) / 1000)} s)`);
  }
  await browser.close();
  server.close();

  const load = [load0, loadavg()[0]];
  const {table, goals} = report(runs, `${header}, load average ${load.map((l) => l.toFixed(2)).join(' → ')}`);
  console.log(`\n${table}`);
  await mkdir(new URL('.', JSON_OUT), {recursive: true});
  const command = `npm run bench -- ${process.argv.slice(2).join(' ')}`.trim();
  await writeFile(JSON_OUT, JSON.stringify({date: new Date().toISOString(), command, header, load, goals, runs, table}, null, 1));
  console.log(`# wrote ${JSON_OUT.pathname} (${Math.round((Date.now() - t0) / 1000)} s)`);
}

main().catch((e) => {
  console.error(`bench: ${e?.stack ?? e}`);
  process.exitCode = 1;
});
