#!/usr/bin/env node
/**
 * Screenshot diff ("host CSS cannot break the widgets"): renders the two
 * `<digest-article>`s of every host page in test/hosts/ (Bootstrap, Tailwind preflight,
 * normalize.css, Pico, Bulma, and our hostile.css) with the BUILT bundle in the system Chromium,
 * screenshots each widget (its shadow tree's top-level element, i.e. the host's content box: the
 * host element's own margin/border/padding belong to the page) and compares the pixels with the
 * same widget on test/hosts/blank.html. A widget fails when more than 0.1 % of its pixels differ
 * (or its size does). test/host-css.test.ts compares geometry and computed styles in all three
 * browsers; this adds the pixels.
 *
 *   npm run build && npm run test:hosts        (node scripts/host-css-screens.js)
 *
 * Prints `ok - …` / `not ok - …` per widget and page, then `N passed, M failed`; exits 1 on any
 * failure. Any comparison with a differing pixel writes blank/page/diff PNGs to
 * $TMPDIR/digest-host-screens/ (the diff: differing pixels red on a faded copy).
 * Uses playwright-core with /usr/bin/chromium (CHROMIUM_PATH to override); downloads nothing.
 */
import {mkdir, readFile, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join, resolve} from 'node:path';
import {fileURLToPath} from 'node:url';
import pixelmatch from 'pixelmatch';
import {PNG} from 'pngjs';
import {serve} from './serve.js';
import {CHROMIUM, CHROMIUM_ARGS} from './browsers.js';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const BUNDLE = '/dist/digest-elements.js';
const PAGES = ['bootstrap', 'tailwind', 'normalize', 'pico', 'bulma', 'hostile'];
const WIDGETS = ['seed', 'en'];
const LIMIT = 0.001; // fraction of pixels allowed to differ
const OUT = join(tmpdir(), 'digest-host-screens');
const WATCHDOG = 5 * 60_000;

/** Pixels that differ at all (pixelmatch, threshold 0, anti-aliasing counted); `diff` shows them red on a faded copy of `a`. */
function compare(a, b) {
  const diff = new PNG({width: a.width, height: a.height});
  const differ = pixelmatch(a.data, b.data, diff.data, a.width, a.height, {threshold: 0, includeAA: true});
  return {differ, total: a.width * a.height, diff};
}

// ---------------------------------------------------------------------------------------------

/** In the page: resolves when both widgets rendered their article, images are loaded, fonts ready. */
async function settle(ids) {
  const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
  const hosts = ids.map((id) => document.getElementById(id));
  const deep = () => {
    const out = [];
    const visit = (el) => {
      out.push(el);
      el.shadowRoot?.querySelectorAll('*').forEach(visit);
    };
    hosts.forEach(visit);
    return out;
  };
  for (let i = 0; !hosts.every((h) => h?.shadowRoot?.querySelector('[part~="article"]')); i++) {
    if (i > 400) throw new Error('the widgets did not render within 10 s');
    await sleep(25);
  }
  for (let i = 0; i < 5; i++) await Promise.all(deep().map((e) => e.updateComplete));
  const imgs = deep().filter((e) => e.localName === 'img');
  imgs.forEach((i) => (i.loading = 'eager')); // lazy images outside the viewport would not load
  await Promise.all(imgs.map((i) => Promise.race([i.decode().catch(() => {}), sleep(10_000)])));
  await document.fonts.ready;
  await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  const missing = imgs.filter((i) => !i.complete).map((i) => i.src);
  if (missing.length) throw new Error(`images not loaded: ${missing.join(', ')}`);
  return document.styleSheets.length;
}

async function main() {
  const t0 = Date.now();
  let bundle;
  try {
    bundle = await readFile(join(ROOT, BUNDLE));
  } catch {
    console.log(`not ok - ${BUNDLE} is missing: run npm run build first`);
    console.log('0 passed, 1 failed');
    return 1;
  }
  const {server, origin} = await serve({root: ROOT, pinned: new Map([[BUNDLE, {body: bundle}]])});
  const {chromium} = await import('playwright-core');
  const browser = await chromium.launch({executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS, timeout: 30_000});
  const watchdog = setTimeout(() => {
    console.log(`not ok - harness: still running after ${WATCHDOG / 1000} s`);
    console.log('0 passed, 1 failed');
    process.exit(1);
  }, WATCHDOG);
  const results = [];
  const report = (ok, name, detail) => {
    results.push(ok);
    console.log(`${ok ? 'ok' : 'not ok'} - ${name}: ${detail}`);
  };
  try {
    console.log(`# ${browser.version()} (${CHROMIUM}), ${origin}`);
    const context = await browser.newContext({viewport: {width: 800, height: 1000}, deviceScaleFactor: 1});
    const shoot = async (name) => {
      const page = await context.newPage();
      const problems = [];
      page.on('pageerror', (e) => problems.push(String(e)));
      page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
      // The elements read `src` as a stream (to stop at srcLimit), and Chromium reports such a
      // fetch as net::ERR_ABORTED about half the time once the stream is drained, though its 200
      // answer arrived whole (measured: 19 of 40 plain fetches read so; 0 of 40 read by text()).
      page.on('requestfailed', async (r) => {
        if (r.failure()?.errorText === 'net::ERR_ABORTED' && (await r.response())?.status() === 200) return;
        problems.push(`${r.url()}: ${r.failure()?.errorText}`);
      });
      try {
        await page.goto(`${origin}/test/hosts/${name}.html`, {waitUntil: 'load'});
        const sheets = await page.evaluate(settle, WIDGETS);
        if (name !== 'blank' && !sheets) throw new Error(`${name}.html has no style sheet`);
        // A viewport as tall as the page: no element screenshot then scrolls (scrolling to a
        // widget at a fractional offset can crop it a pixel or two differently from page to page).
        const height = await page.evaluate(() => Math.ceil(document.documentElement.scrollHeight));
        await page.setViewportSize({width: 800, height: Math.max(1000, height)});
        await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
        const shots = {};
        // The widget's content: its shadow tree's top-level element (playwright pierces open roots).
        for (const id of WIDGETS) shots[id] = PNG.sync.read(await page.locator(`#${id} [part~="article"]`).first().screenshot());
        if (problems.length) throw new Error(problems.join('; '));
        return shots;
      } finally {
        await page.close();
      }
    };
    const blank = await shoot('blank');
    for (const id of WIDGETS) console.log(`# blank #${id}: ${blank[id].width}×${blank[id].height} px`);
    for (const name of PAGES) {
      let shots;
      try {
        shots = await shoot(name);
      } catch (e) {
        for (const id of WIDGETS) report(false, `${name} #${id}`, String(e?.message ?? e));
        continue;
      }
      for (const id of WIDGETS) {
        const [a, b] = [blank[id], shots[id]];
        if (a.width !== b.width || a.height !== b.height) {
          report(false, `${name} #${id}`, `size ${b.width}×${b.height} px, ${a.width}×${a.height} px on blank`);
          continue;
        }
        const {differ, total, diff} = compare(a, b);
        const ok = differ <= total * LIMIT;
        const pct = ((differ / total) * 100).toFixed(3);
        let saved = '';
        if (differ) {
          await mkdir(OUT, {recursive: true});
          const base = join(OUT, `${name}-${id}`);
          await writeFile(`${base}-blank.png`, PNG.sync.write(a));
          await writeFile(`${base}-page.png`, PNG.sync.write(b));
          await writeFile(`${base}-diff.png`, PNG.sync.write(diff));
          saved = `; see ${base}-{blank,page,diff}.png`;
        }
        report(ok, `${name} #${id}`, `${differ} of ${total} px differ (${pct} %, limit ${LIMIT * 100} %), ${a.width}×${a.height} px${saved}`);
      }
    }
  } catch (e) {
    report(false, 'harness', String(e?.stack ?? e));
  } finally {
    clearTimeout(watchdog);
    await browser.close().catch(() => {});
    server.close();
  }
  const failed = results.filter((ok) => !ok).length;
  console.log(`# ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  console.log(`${results.length - failed} passed, ${failed} failed`);
  return failed ? 1 : 0;
}

main().then(
  (code) => (process.exitCode = code),
  (e) => {
    console.log(`not ok - harness: ${String(e?.stack ?? e)}`);
    console.log('0 passed, 1 failed');
    process.exitCode = 1;
  },
);
