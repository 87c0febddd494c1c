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
 * PNGs are decoded and encoded here with node:zlib (8-bit RGB/RGBA, what Chromium writes).
 */
import {mkdir, readFile, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join, resolve} from 'node:path';
import {fileURLToPath} from 'node:url';
import {deflateSync, inflateSync} from 'node:zlib';
import {serve} from './serve.js';
import {CHROMIUM, CHROMIUM_ARGS} from './browsers.js';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const BUNDLE = '/dist/digest-elements.js';
const PAGES = ['bootstrap', 'tailwind', 'normalize', 'pico', 'bulma', 'hostile'];
const WIDGETS = ['seed', 'en'];
const LIMIT = 0.001; // fraction of pixels allowed to differ
const OUT = join(tmpdir(), 'digest-host-screens');
const WATCHDOG = 5 * 60_000;

// ---------------------------------------------------------------------------------------------
// PNG (8-bit, non-interlaced RGB or RGBA; Chromium's screenshots) via node:zlib.

function decodePng(buf) {
  if (buf.readUInt32BE(0) !== 0x89504e47) throw new Error('not a PNG');
  let off = 8;
  let width, height, depth, type, interlace;
  const idat = [];
  while (off < buf.length) {
    const len = buf.readUInt32BE(off);
    const kind = buf.toString('latin1', off + 4, off + 8);
    const data = buf.subarray(off + 8, off + 8 + len);
    if (kind === 'IHDR') {
      [width, height, depth, type, interlace] = [data.readUInt32BE(0), data.readUInt32BE(4), data[8], data[9], data[12]];
    } else if (kind === 'IDAT') idat.push(data);
    else if (kind === 'IEND') break;
    off += 12 + len;
  }
  if (depth !== 8 || (type !== 2 && type !== 6) || interlace) {
    throw new Error(`unsupported PNG: depth ${depth}, colour type ${type}, interlace ${interlace}`);
  }
  const bpp = type === 6 ? 4 : 3;
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * bpp;
  const px = Buffer.alloc(width * height * 4);
  let prev = Buffer.alloc(stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const line = Buffer.from(raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1)));
    for (let i = 0; i < stride; i++) {
      const a = i >= bpp ? line[i - bpp] : 0;
      const b = prev[i];
      const c = i >= bpp ? prev[i - bpp] : 0;
      let add = 0;
      if (filter === 1) add = a;
      else if (filter === 2) add = b;
      else if (filter === 3) add = (a + b) >> 1;
      else if (filter === 4) {
        const p = a + b - c;
        const [pa, pb, pc] = [Math.abs(p - a), Math.abs(p - b), Math.abs(p - c)];
        add = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      } else if (filter !== 0) throw new Error(`bad PNG filter ${filter}`);
      line[i] = (line[i] + add) & 0xff;
    }
    for (let x = 0; x < width; x++) {
      line.copy(px, (y * width + x) * 4, x * bpp, x * bpp + 3);
      px[(y * width + x) * 4 + 3] = bpp === 4 ? line[x * bpp + 3] : 255;
    }
    prev = line;
  }
  return {width, height, px};
}

const CRC = Array.from({length: 256}, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function chunk(kind, data) {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(kind, 4, 'latin1');
  let c = 0xffffffff;
  for (const byte of Buffer.concat([head.subarray(4), data])) c = CRC[(c ^ byte) & 0xff] ^ (c >>> 8);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE((c ^ 0xffffffff) >>> 0, 0);
  return Buffer.concat([head, data, crc]);
}
function encodePng({width, height, px}) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 6, 0, 0, 0], 8);
  const raw = Buffer.alloc(height * (width * 4 + 1));
  for (let y = 0; y < height; y++) px.copy(raw, y * (width * 4 + 1) + 1, y * width * 4, (y + 1) * width * 4);
  const sig = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([sig, chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

/** Pixels whose RGBA differ at all; `diff` shows them red on a faded copy of `a`. */
function compare(a, b) {
  let differ = 0;
  const diff = Buffer.alloc(a.px.length);
  for (let i = 0; i < a.px.length; i += 4) {
    const same = a.px[i] === b.px[i] && a.px[i + 1] === b.px[i + 1] && a.px[i + 2] === b.px[i + 2] && a.px[i + 3] === b.px[i + 3];
    if (!same) differ++;
    const grey = 255 - ((255 - (a.px[i] + a.px[i + 1] + a.px[i + 2]) / 3) >> 2);
    diff.set(same ? [grey, grey, grey, 255] : [255, 0, 0, 255], i);
  }
  return {differ, total: a.px.length / 4, diff: {width: a.width, height: a.height, px: diff}};
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
      page.on('requestfailed', (r) => problems.push(`${r.url()}: ${r.failure()?.errorText}`));
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
        for (const id of WIDGETS) shots[id] = decodePng(await page.locator(`#${id} [part~="article"]`).first().screenshot());
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
          await writeFile(`${base}-blank.png`, encodePng(a));
          await writeFile(`${base}-page.png`, encodePng(b));
          await writeFile(`${base}-diff.png`, encodePng(diff));
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
