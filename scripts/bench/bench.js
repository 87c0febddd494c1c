#!/usr/bin/env node
/**
 * `npm run bench`: what our elements cost the page that hosts them, against the same content as
 * static HTML (the floor) and React 19. A benchmark, not a test: it prints tables and writes
 * JSON (bench-results/bench.json), and exits 0 whatever the figures (1 only if it broke).
 *
 * Run `npm run build` first. Drives the system Chromium headless (playwright-core, an explicit
 * executablePath; nothing is downloaded) against pages served from 127.0.0.1. For each
 * repetition, each workload and each variant (their order rotated every repetition) it opens a
 * fresh browser context, loads the page (scripts and data, not measured), prepares, then traces
 * the measured work (devtools.timeline) from `bench-start` to `bench-end` (see driver.js: the
 * work, then the first frame painted after it). From the trace of the page's main thread:
 *
 * - main: main-thread CPU time (thread time of the tasks in the window) to the first paint of
 *   the widget: the figure the goals are stated in;
 * - script, style+layout: main-thread CPU time in each (the innermost trace event decides);
 * - wall: performance.now() from the start of the work to after that frame.
 * Then, after a forced GC: JS heap (V8 used size, Runtime.getHeapUsage) and the nodes under the
 * widget's root (shadow roots included), as deltas from before the work.
 *
 * Also: layout shift (CLS) from parse to upgrade for each loading style (classic head script,
 * defer, async, SSR), the layout shift while scrolling through 1,000 cards and the 200-section
 * article with content-visibility on and off, and the rendered heights of the hosts that
 * `contain-intrinsic-size` estimates.
 *
 * Options: --reps N (≥ 7 by default 7), --only seed,cards1000,…,cls,scroll (workloads and sections), --quick (3 reps,
 * for trying the harness; the figures then say so), --json PATH.
 */
import {mkdir, readFile, stat, writeFile} from 'node:fs/promises';
import {cpus, totalmem, loadavg, release} from 'node:os';
import {resolve} from 'node:path';
import {fileURLToPath, pathToFileURL} from 'node:url';
import {build} from 'esbuild';
import {floorCss as makeFloorCss} from './floor-css.js';
import {PLAN, WORKLOADS, VARIANTS, benchPage, clsPage, loadWorkloads, readmeSnippet, scrollPage} from './pages.js';
import {CHROMIUM, CHROMIUM_ARGS} from '../browsers.js';
import {serve} from '../serve.js';

const ROOT_URL = new URL('../../', import.meta.url);
const ROOT = resolve(fileURLToPath(ROOT_URL));
const VIEWPORT = {width: 1280, height: 800};
const BUNDLE = '/bench/digest-elements.js';
/** The delay of the bundle on the CLS pages, as if it came over a network. */
const CLS_DELAY = 150;
const STEP_TIMEOUT = 60_000;

const arg = (name) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const QUICK = process.argv.includes('--quick');
const REPS = Number(arg('--reps') ?? (QUICK ? 3 : 7));
const ONLY = arg('--only')?.split(',');
/** A section runs when `--only` is not given or names it: workloads, `cls`, `scroll`. */
const want = (name) => !ONLY || ONLY.includes(name);
const JSON_OUT = resolve(ROOT, arg('--json') ?? 'bench-results/bench.json');

// ---------------------------------------------------------------------------------------------
// Server (scripts/serve.js): generated files from memory (the bundle is read once, so a rebuild
// cannot change it mid-run; `?delay=ms` delays one, as over a network), the repo read-only.

const generated = new Map();

// ---------------------------------------------------------------------------------------------
// Statistics and trace reading.

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const summary = (xs) => (xs.length ? {median: median(xs), min: Math.min(...xs), max: Math.max(...xs), n: xs.length} : undefined);

const CATEGORY = [
  ['style', /^(UpdateLayoutTree|RecalculateStyles|ParseAuthorStyleSheet|StyleInvalidator.*)$/],
  ['layout', /^(Layout|UpdateLayout)$/],
  ['paint', /^(PrePaint|Paint|PaintImage|Layerize|UpdateLayer|UpdateLayerTree|Commit|CompositeLayers|Decode.*|ImageDecodeTask)$/],
  ['script', /^(FunctionCall|EvaluateScript|RunMicrotasks|TimerFire|FireAnimationFrame|EventDispatch|HandlePostMessage|ParseHTML|MinorGC|MajorGC|BlinkGC.*|CppGC.*|V8\..*|v8\..*|v8::.*)$/],
];
const categoryOf = (name) => CATEGORY.find(([, re]) => re.test(name))?.[0];

/**
 * Reads one trace: the main thread of the page (the thread that wrote `bench-start`), the
 * window from the start of the task that wrote it to `bench-end`. Wall time is attributed to
 * the innermost categorized event; CPU time is the thread time of the top-level tasks, in
 * proportion to their part inside the window.
 */
function readTrace(events) {
  const mark = (name) => events.find((e) => e.name === name && String(e.cat).includes('blink.user_timing'));
  const start = mark('bench-start');
  const end = mark('bench-end');
  if (!start || !end) throw new Error('trace without bench-start/bench-end marks');
  const own = events.filter((e) => e.pid === start.pid && e.tid === start.tid && e.ph === 'X' && typeof e.dur === 'number');
  const tasks = own.filter((e) => /RunTask|ThreadControllerImpl|ThreadPool_RunTask/.test(e.name) && String(e.cat).includes('toplevel'));
  const first = tasks.find((t) => t.ts <= start.ts && start.ts <= t.ts + t.dur);
  const ws = first ? first.ts : start.ts;
  const we = end.ts;

  let cpu = 0;
  for (const t of tasks) {
    const a = Math.max(ws, t.ts);
    const b = Math.min(we, t.ts + t.dur);
    if (b <= a || t.dur === 0) continue;
    cpu += (t.tdur ?? t.dur) * ((b - a) / t.dur);
  }

  // Sweep: boundaries of every event; the innermost categorized open event owns each slice. A
  // slice counts as CPU time at the thread-time/wall-time ratio of the innermost open event
  // that has one (so time the thread was descheduled, on a busy machine, is not counted).
  const inWindow = own.filter((e) => e.ts < we && e.ts + e.dur > ws).sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  const points = [];
  for (const e of inWindow) {
    points.push({t: Math.max(ws, e.ts), open: e});
    points.push({t: Math.min(we, e.ts + e.dur), close: e});
  }
  points.sort((a, b) => a.t - b.t || (a.close ? -1 : 1));
  const totals = {script: 0, style: 0, layout: 0, paint: 0, other: 0};
  const stack = [];
  let last = ws;
  for (const p of points) {
    if (stack.length && p.t > last) {
      let cat;
      let ratio;
      for (let i = stack.length - 1; i >= 0 && (!cat || ratio === undefined); i--) {
        const e = stack[i];
        cat ??= categoryOf(e.name);
        if (ratio === undefined && typeof e.tdur === 'number' && e.dur > 0) ratio = Math.min(1, e.tdur / e.dur);
      }
      totals[cat ?? 'other'] += (p.t - last) * (ratio ?? 1);
    }
    last = p.t;
    if (p.open) stack.push(p.open);
    else {
      const i = stack.lastIndexOf(p.close);
      if (i >= 0) stack.splice(i, 1);
    }
  }
  const ms = (us) => us / 1000;
  return {
    main: ms(cpu),
    script: ms(totals.script),
    styleLayout: ms(totals.style + totals.layout),
    paint: ms(totals.paint),
    busy: ms(totals.script + totals.style + totals.layout + totals.paint + totals.other),
  };
}

// ---------------------------------------------------------------------------------------------

const within = (promise, ms, what) =>
  Promise.race([promise, new Promise((_, fail) => setTimeout(() => fail(new Error(`${what}: timed out after ${ms / 1000} s`)), ms).unref())]);

async function ssrModule() {
  const file = resolve(ROOT, 'dist/ssr/render.js');
  if (!(await stat(file).then((s) => s.isFile(), () => false))) return undefined;
  return import(pathToFileURL(file).href);
}

/** The SSR module's output as one string (it may return a string, a promise or an iterable). */
async function collect(result) {
  let r = await result;
  if (typeof r === 'string') return r;
  if (r && typeof r.html === 'string') return r.html; // renderArticle: {html, problems}
  if (r && (Symbol.asyncIterator in r || Symbol.iterator in r)) {
    let s = '';
    for await (const chunk of r) s += typeof chunk === 'string' ? chunk : await collect(chunk);
    return s;
  }
  return String(r);
}

async function ssrHtmlFor(ssr, workload, data) {
  if (!ssr) return undefined;
  if (data.article) {
    if (typeof ssr.renderArticle !== 'function') return undefined;
    const one = await collect(ssr.renderArticle(data.article, {jsonLd: false}));
    return workload === 'articles50' ? one.repeat(50) : one;
  }
  const card = ssr.renderSourceCard ?? ssr.renderSource ?? ssr.renderCard;
  if (typeof card === 'function') {
    const out = [];
    for (const c of data.cards) out.push(await collect(card(c.data, {lang: c.lang})));
    return out.join('');
  }
  if (typeof ssr.renderElement === 'function') {
    const out = [];
    for (const c of data.cards) out.push(await collect(ssr.renderElement('source-card', c.data, {lang: c.lang})));
    return out.join('');
  }
  return undefined;
}

async function main() {
  const t0 = Date.now();
  const bundle = await readFile(resolve(ROOT, 'dist/digest-elements.js')).catch(() => undefined);
  if (!bundle) {
    console.error('bench: dist/digest-elements.js not found: run `npm run build` first');
    return 1;
  }
  generated.set(BUNDLE, {body: bundle});
  // SSR output hydrates with the hydrate bundle (Lit's hydrate support first): the build's, else
  // the same thing built here from @lit-labs/ssr-client and dist/define.js.
  let hydrate = await readFile(resolve(ROOT, 'dist/digest-elements.hydrate.js')).catch(() => undefined);
  const hydrateNote = hydrate
    ? 'hydrated by dist/digest-elements.hydrate.js'
    : 'hydrated by a bundle the bench builds (@lit-labs/ssr-client hydrate support + dist/define.js)';
  const SSR_BUNDLE = '/bench/digest-elements.hydrate.js';

  const esb = (entry, extra = {}) =>
    build({
      entryPoints: [resolve(ROOT, entry)],
      bundle: true,
      minify: true,
      format: 'iife',
      target: 'es2022',
      write: false,
      logLevel: 'silent',
      define: {'process.env.NODE_ENV': '"production"'},
      ...extra,
    }).then((r) => Buffer.from(r.outputFiles[0].contents));
  generated.set('/bench/driver.js', {body: await esb('scripts/bench/driver.js')});
  generated.set('/bench/react.js', {body: await esb('scripts/bench/react-entry.js')});
  hydrate ??= await esb('scripts/bench/hydrate-entry.js');
  generated.set(SSR_BUNDLE, {body: hydrate});
  const reactVersion = JSON.parse(await readFile(resolve(ROOT, 'node_modules/react/package.json'), 'utf8')).version;

  const floorCss = await makeFloorCss(ROOT_URL);
  const workloads = loadWorkloads(ROOT_URL);
  const ssr = await ssrModule();
  const ssrNote = ssr ? 'dist/ssr/render.js' : 'n/a (no SSR build)';

  const names = Object.keys(WORKLOADS).filter((w) => !ONLY || ONLY.includes(w));
  const pages = {};
  const ssrHtml = {};
  for (const w of names) {
    ssrHtml[w] = w === 'update1000' ? undefined : await ssrHtmlFor(ssr, w, workloads[w]);
    for (const v of PLAN[w]) {
      if (v === 'ssr' && !ssrHtml[w]) continue;
      const path = `/bench/${w}/${v}.html`;
      generated.set(path, {body: benchPage({workload: w, variant: v, data: workloads[w], ssrHtml: ssrHtml[w], floorCss, bundle: BUNDLE, ssrBundle: SSR_BUNDLE})});
      (pages[w] ??= []).push(v);
    }
  }

  const {server, origin: base} = await serve({root: ROOT, pinned: generated});
  const {chromium} = await import('playwright-core');
  const browser = await chromium.launch({executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS, timeout: 60_000});
  const chromiumVersion = browser.version();
  const machine = {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model,
    memory: `${(totalmem() / 2 ** 30).toFixed(1)} GiB`,
    loadavg: loadavg().map((x) => x.toFixed(2)),
    kernel: release(),
    node: process.version,
    chromium: chromiumVersion,
    react: reactVersion,
  };
  console.log(`# bench: Chromium ${chromiumVersion}, ${machine.cpus} CPUs, load ${machine.loadavg.join(' ')}, ${REPS} reps${QUICK ? ' (--quick: not for reporting)' : ''}`);
  console.log(`# bundle ${bundle.length} B; SSR: ${ssrNote}${ssr ? ` (${hydrateNote})` : ''}; serving on ${base}`);

  const fresh = async () => {
    const context = await browser.newContext({viewport: VIEWPORT});
    await context.route((url) => url.hostname !== '127.0.0.1' && url.protocol !== 'data:', (route) => route.abort('blockedbyclient'));
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    return {context, page, errors};
  };

  // 1. The workloads: reps × workloads × variants, variants rotated every rep.
  const runs = {};
  const categories = ['devtools.timeline', 'blink.user_timing', 'toplevel', 'v8.execute'];
  for (let rep = 0; rep < REPS; rep++) {
    for (const w of names) {
      const vs = pages[w];
      const order = vs.map((_, i) => vs[(i + rep) % vs.length]);
      for (const v of order) {
        const {context, page, errors} = await fresh();
        try {
          await within(
            (async () => {
              const cdp = await context.newCDPSession(page);
              await page.goto(`${base}/bench/${w}/${v}.html`, {waitUntil: 'load'});
              await page.evaluate(() => window.benchPrepare());
              await cdp.send('HeapProfiler.collectGarbage');
              const heap0 = (await cdp.send('Runtime.getHeapUsage')).usedSize;
              const nodes0 = await page.evaluate(() => window.benchNodes());
              await browser.startTracing(page, {categories});
              const r = await page.evaluate(() => window.benchRun());
              const trace = JSON.parse((await browser.stopTracing()).toString('utf8'));
              await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => setTimeout(ok, 50))));
              await cdp.send('HeapProfiler.collectGarbage');
              const heap1 = (await cdp.send('Runtime.getHeapUsage')).usedSize;
              const nodes1 = await page.evaluate(() => window.benchNodes());
              const shape = await page.evaluate(() => window.benchShape());
              if (errors.length) throw new Error(errors.join(' | '));
              const t = readTrace(trace.traceEvents ?? trace);
              (runs[`${w}/${v}`] ??= []).push({...t, wall: r.wall, heap: heap1 - heap0, nodes: nodes1 - nodes0, ...shape});
            })(),
            STEP_TIMEOUT,
            `${w}/${v}`,
          );
        } catch (e) {
          console.log(`# ${w}/${v} rep ${rep + 1}: ${String(e?.message ?? e).split('\n')[0]}`);
          await browser.stopTracing().catch(() => {});
        } finally {
          await context.close().catch(() => {});
        }
      }
    }
    process.stdout.write(`# rep ${rep + 1}/${REPS} done (${((Date.now() - t0) / 1000).toFixed(0)} s)\n`);
  }

  // 2. Layout shift from parse to upgrade, per loading style, for the seed article and a short
  // one (shorter than the viewport: what the snippet's 100vh reservation over-reserves).
  const seed = workloads.seed?.article ?? loadWorkloads(ROOT_URL).seed.article;
  const short = {...seed, intro: undefined, takeaways: undefined, sections: [{...seed.sections[0], blocks: seed.sections[0].blocks.slice(0, 1)}]};
  const snippet = readmeSnippet(ROOT_URL);
  const styles = ['classic', 'defer', 'async', 'defer+snippet', 'async+snippet', 'ssr'];
  const clsArticles = {seed, short};
  const cls = {};
  const clsCases = [];
  for (const [name, article] of Object.entries(clsArticles)) {
    const ssrHtml = ssr ? await ssrHtmlFor(ssr, 'seed', {article}) : undefined;
    for (const style of styles) {
      if (style === 'ssr' && !ssrHtml) continue;
      const key = `${style}/${name}`;
      clsCases.push(key);
      generated.set(`/bench/cls/${name}-${style}.html`, {
        body: clsPage({style, seed: article, ssrHtml, snippet, bundleUrl: `${BUNDLE}?delay=${CLS_DELAY}`, ssrBundleUrl: `${SSR_BUNDLE}?delay=${CLS_DELAY}`}),
      });
    }
  }
  for (let rep = 0; rep < (want('cls') ? REPS : 0); rep++) {
    for (const key of clsCases) {
      const [style, name] = key.split('/');
      const {context, page} = await fresh();
      try {
        await page.goto(`${base}/bench/cls/${name}-${style}.html`, {waitUntil: 'load'});
        const value = await within(
          page.evaluate(async () => {
            const deadline = performance.now() + 10_000;
            while (!document.querySelector('digest-article')?.shadowRoot?.querySelector('article') && performance.now() < deadline) {
              await new Promise((r) => setTimeout(r, 20));
            }
            for (let i = 0; i < 3; i++) await new Promise((r) => requestAnimationFrame(r));
            await new Promise((r) => setTimeout(r, 300));
            return window.__cls;
          }),
          STEP_TIMEOUT,
          `cls ${key}`,
        );
        (cls[key] ??= []).push(value);
      } catch (e) {
        console.log(`# cls ${key}: ${String(e?.message ?? e).split('\n')[0]}`);
      } finally {
        await context.close().catch(() => {});
      }
    }
  }

  // 3. Layout shift while scrolling (content-visibility's remembered vs estimated sizes), and the estimate.
  const scroll = {};
  const scrollCases = [
    ['cards', 'cards1000', {cards: (workloads.cards1000 ?? loadWorkloads(ROOT_URL).cards1000).cards}],
    ['article', 'article200', {article: (workloads.article200 ?? loadWorkloads(ROOT_URL).article200).article}],
  ];
  for (const [kind, name, data] of scrollCases) {
    for (const cvOff of [false, true]) {
      generated.set(`/bench/scroll/${kind}-${cvOff ? 'off' : 'on'}.html`, {body: scrollPage({data, bundle: BUNDLE, cvOff, kind})});
    }
    void name;
  }
  const heights = {};
  for (let rep = 0; rep < (want('scroll') ? Math.min(REPS, 3) : 0); rep++) {
    for (const [kind] of scrollCases) {
      for (const cvOff of [false, true]) {
        const {context, page} = await fresh();
        const key = `${kind}, content-visibility ${cvOff ? 'off' : 'on'}`;
        try {
          await page.goto(`${base}/bench/scroll/${kind}-${cvOff ? 'off' : 'on'}.html`, {waitUntil: 'load'});
          const r = await within(
            page.evaluate(async () => {
              const frame = () => new Promise((r) => requestAnimationFrame(r));
              for (let i = 0; i < 3; i++) await frame();
              const before = document.documentElement.scrollHeight;
              const start = window.__cls;
              // Down (at most 60 steps of 3/4 viewport, ~36,000 px) and back up, one step per frame.
              for (const dir of [1, -1]) {
                for (let i = 0; i < 60; i++) {
                  const y = window.scrollY;
                  window.scrollBy(0, dir * window.innerHeight * 0.75);
                  await frame();
                  if (window.scrollY === y) break;
                }
              }
              const after = document.documentElement.scrollHeight;
              // Rendered heights of the hosts (in the article they sit in its shadow root).
              const hosts = (tag) => {
                const a = document.querySelector('digest-article');
                const list = a ? [...a.shadowRoot.querySelectorAll(tag)] : [...document.querySelectorAll(tag)];
                return list.map((e) => e.getBoundingClientRect().height);
              };
              const css = (tag) => {
                const a = document.querySelector('digest-article');
                const el = (a ? a.shadowRoot : document).querySelector(tag);
                return el ? getComputedStyle(el).containIntrinsicHeight : '';
              };
              const any = document.querySelector('source-card') ?? document.querySelector('digest-article');
              const fontSize = parseFloat(getComputedStyle(any).fontSize);
              return {
                cls: window.__cls - start,
                before,
                after,
                card: hosts('source-card'),
                comment: hosts('reader-comment'),
                estimate: {card: css('source-card'), comment: css('reader-comment')},
                fontSize,
              };
            }),
            300_000,
            `scroll ${key}`,
          );
          (scroll[key] ??= []).push({cls: r.cls, before: r.before, after: r.after});
          if (cvOff) {
            const h = (heights[kind] ??= {card: [], comment: [], fontSize: r.fontSize});
            h.card.push(...r.card);
            h.comment.push(...r.comment);
          } else (heights[kind] ??= {card: [], comment: [], fontSize: r.fontSize}).estimate = r.estimate;
        } catch (e) {
          console.log(`# scroll ${key}: ${String(e?.message ?? e).split('\n')[0]}`);
        } finally {
          await context.close().catch(() => {});
        }
      }
    }
  }

  await browser.close();
  server.close();

  // ---------------------------------------------------------------------------------------------
  // Report.
  const f1 = (x) => (x == null ? '—' : x >= 100 ? x.toFixed(0) : x.toFixed(1));
  const range = (s) => (s ? `${f1(s.median)} (${f1(s.min)}–${f1(s.max)})` : '—');
  const results = [];
  const lines = [];
  lines.push(`Chromium ${chromiumVersion}, ${machine.cpus} CPUs, ${REPS} reps, medians (min–max); ms unless stated.`);
  lines.push('main = main-thread CPU from the start of the work to the first paint of the widget; × floor = ratio of medians.');
  lines.push('');
  for (const w of names) {
    lines.push(`**${WORKLOADS[w]}** (\`${w}\`)`);
    lines.push('');
    const cardsHeap = w === 'cards1000';
    lines.push(
      `| variant | main | × floor | script | style+layout | wall to paint |${cardsHeap ? ' JS heap / 1k cards | DOM nodes / 1k cards |' : ''}`,
    );
    lines.push(`|---|---|---|---|---|---|${cardsHeap ? '---|---|' : ''}`);
    const floor = summary((runs[`${w}/floor`] ?? []).map((r) => r.main));
    for (const v of PLAN[w]) {
      const rs = runs[`${w}/${v}`];
      if (!rs?.length) {
        if (v === 'ssr') lines.push(`| ssr | ${ssr ? 'n/a (no server renderer for this workload)' : ssrNote} | | | | |${cardsHeap ? ' | |' : ''}`);
        else lines.push(`| ${v} | failed | | | | |${cardsHeap ? ' | |' : ''}`);
        continue;
      }
      const s = {
        main: summary(rs.map((r) => r.main)),
        script: summary(rs.map((r) => r.script)),
        styleLayout: summary(rs.map((r) => r.styleLayout)),
        paint: summary(rs.map((r) => r.paint)),
        wall: summary(rs.map((r) => r.wall)),
        heap: summary(rs.map((r) => r.heap)),
        nodes: summary(rs.map((r) => r.nodes)),
        height: summary(rs.map((r) => r.height)),
        text: summary(rs.map((r) => r.text)),
      };
      const ratio = floor ? s.main.median / floor.median : undefined;
      results.push({workload: w, variant: v, ratioToFloor: ratio, ...s, runs: rs});
      const mb = (b) => (b / 2 ** 20).toFixed(2);
      lines.push(
        `| ${v} | ${range(s.main)} | ${ratio == null ? '—' : ratio.toFixed(2) + '×'} | ${f1(s.script.median)} | ${f1(s.styleLayout.median)} | ${f1(s.wall.median)} |` +
          (cardsHeap ? ` ${mb(s.heap.median)} MB | ${Math.round(s.nodes.median).toLocaleString('en-US')} |` : ''),
      );
    }
    lines.push('');
  }
  lines.push(ssr ? `SSR: ${ssrNote}, ${hydrateNote}; no card renderer: n/a for cards.` : `SSR: ${ssrNote}.`, '');

  lines.push('**Layout shift (CLS) from parse to upgrade**, bundle delayed ' + CLS_DELAY + ' ms; the seed article (taller than the viewport) and a short one (title, lead, one section of one paragraph: shorter than the viewport); `+ snippet`: the README\'s `:not(:defined)` CSS on the page');
  lines.push('');
  lines.push('| loading style | seed article: CLS median (min–max) | short article: CLS median (min–max) |');
  lines.push('|---|---|---|');
  const fc = (x) => x.toFixed(3);
  const label = (style) => {
    const [loading, snip] = style.split('+');
    const base = loading === 'classic' ? 'classic `<script>` in `<head>`' : loading === 'ssr' ? 'SSR (declarative shadow DOM) + `defer`' : `\`${loading}\` in \`<head>\``;
    return snip ? `${base} + snippet` : base;
  };
  for (const style of styles) {
    const cell = (name) => {
      const s = summary(cls[`${style}/${name}`] ?? []);
      return s ? `${fc(s.median)} (${fc(s.min)}–${fc(s.max)})` : style === 'ssr' ? ssrNote : 'failed';
    };
    lines.push(`| ${label(style)} | ${cell('seed')} | ${cell('short')} |`);
  }
  lines.push('');
  lines.push('**Layout shift while scrolling** down (60 steps of 3/4 viewport, one per frame) and back up');
  lines.push('');
  lines.push('| page | CLS median (min–max) | page height before → after scrolling (px) |');
  lines.push('|---|---|---|');
  for (const [key, rs] of Object.entries(scroll)) {
    const s = summary(rs.map((r) => r.cls));
    lines.push(`| ${key} | ${fc(s.median)} (${fc(s.min)}–${fc(s.max)}) | ${Math.round(median(rs.map((r) => r.before))).toLocaleString('en-US')} → ${Math.round(median(rs.map((r) => r.after))).toLocaleString('en-US')} |`);
  }
  lines.push('');
  lines.push('**Host heights** (content-visibility off, px; what `contain-intrinsic-size` estimates)');
  lines.push('');
  lines.push('| where | element | median | p10–p90 | estimate in use |');
  lines.push('|---|---|---|---|---|');
  const pct = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))];
  for (const [kind, h] of Object.entries(heights)) {
    for (const el of ['card', 'comment']) {
      if (!h[el]?.length) continue;
      const em = (x) => `${Math.round(x)} (${(x / h.fontSize).toFixed(1)}em)`;
      lines.push(`| ${kind === 'cards' ? '1,000 cards, 728 px wide' : '200-section article'} | ${el === 'card' ? 'source-card' : 'reader-comment'} | ${em(median(h[el]))} | ${Math.round(pct(h[el], 0.1))}–${Math.round(pct(h[el], 0.9))} | ${h.estimate?.[el] || '—'} |`);
    }
  }
  const table = lines.join('\n');
  console.log('\n' + table);

  // Sanity: the variants drew the same thing (text length; heights without content-visibility).
  for (const w of names) {
    const shape = (PLAN[w] ?? []).map((v) => {
      const r = results.find((x) => x.workload === w && x.variant === v);
      return r ? `${v} ${Math.round(r.text.median)} chars/${Math.round(r.height.median)} px` : undefined;
    });
    console.log(`# drawn, ${w}: ${shape.filter(Boolean).join(', ')}`);
  }

  await mkdir(resolve(JSON_OUT, '..'), {recursive: true});
  const out = {
    date: new Date().toISOString(),
    command: `node scripts/bench/bench.js ${process.argv.slice(2).join(' ')}`.trim(),
    reps: REPS,
    quick: QUICK,
    viewport: VIEWPORT,
    machine,
    bundleBytes: bundle.length,
    ssr: ssrNote,
    hydrate: hydrateNote,
    workloads: WORKLOADS,
    variants: VARIANTS,
    results,
    cls: Object.fromEntries(Object.entries(cls).map(([k, v]) => [k, {...summary(v), values: v}])),
    scroll: Object.fromEntries(Object.entries(scroll).map(([k, v]) => [k, {...summary(v.map((r) => r.cls)), runs: v}])),
    heights,
    table,
  };
  await writeFile(JSON_OUT, JSON.stringify(out, null, 1));
  console.log(`# wrote ${JSON_OUT} (${((Date.now() - t0) / 1000).toFixed(0)} s)`);
  return 0;
}

main().then(
  (code) => (process.exitCode = code),
  (e) => {
    console.error(`bench: ${String(e?.stack ?? e)}`);
    process.exitCode = 1;
  },
);
