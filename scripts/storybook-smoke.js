#!/usr/bin/env node
/* global axe */
// (axe, like window and document, is used only inside functions that run in the page.)
/**
 * Smoke test of the built Storybook (`npm run build-storybook` first; `npm run test:storybook`
 * does both): serves `storybook-static/` on 127.0.0.1, reads its index.json, and renders EVERY
 * story in the system Chromium (`/usr/bin/chromium`, or $CHROMIUM_PATH; nothing is downloaded).
 *
 * A story fails on:
 * - a page error (uncaught exception or unhandled rejection), or Storybook's error display;
 * - a console error, except the lines the story declares in `parameters.expectConsoleErrors`
 *   (strings match a whole line, RegExps match); each declared line must also appear. A failed
 *   resource load is the line "Failed to load resource: … <path>", so a story can name the one
 *   resource it expects to fail;
 * - a console warning from the elements (`<digest-article> …`), except those declared in
 *   `parameters.expectConsoleWarnings` (the same rules); other warnings are printed;
 * - an axe-core violation inside `#storybook-root` (shadow roots included);
 * - a request to any host but the local server (nothing may reach the network);
 * - an element still loading, unless `parameters.expectLoading` (then it must be loading).
 *
 * Then, with forced colours emulated (Windows' contrast themes), the first story of each element
 * is rendered once more, the first link or button focused by the keyboard, and screenshot to
 * `<dir>/forced-colors/<element>.png`: boxes keep their edges, the focus ring shows.
 *
 * Usage: node scripts/storybook-smoke.js [--dir storybook-static] [--globals 'hostCss:hostile;colorScheme:dark']
 *        [--filter substring] [--jobs 2]
 * Prints one line per story, "N stories rendered", and "N passed, M failed"; exits 1 on any failure.
 */
import {mkdir, readFile} from 'node:fs/promises';
import {createRequire} from 'node:module';
import {join, resolve} from 'node:path';
import {chromium} from 'playwright-core';
import {CHROMIUM, CHROMIUM_ARGS} from './browsers.js';
import {serve} from './serve.js';

const started = performance.now();
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && i + 1 < args.length ? args[i + 1] : fallback;
};
const root = resolve(option('dir', 'storybook-static'));
const globals = option('globals', '');
const filter = option('filter', '');
const jobs = Math.max(1, Number(option('jobs', process.env.SMOKE_JOBS ?? 2)) || 2);
const executablePath = CHROMIUM;
const STORY_TIMEOUT = 30_000;
const TAGS = ['digest-article', 'source-card', 'takeaway-list', 'reader-comment'];
const OUR_LINE = new RegExp(`^<(${TAGS.join('|')})> `);

// ---------------------------------------------------------------------------------------------
// storybook-static/ served read-only (scripts/serve.js). Storybook's assets have hashed names:
// the browser may cache them (and its compiled code) across the page loads, one per story.

const {server, origin} = await serve({
  root,
  cache: (file) => (/\.(html|json)$/.test(file) ? 'no-cache' : 'max-age=3600'),
});

let index;
try {
  index = JSON.parse(await readFile(join(root, 'index.json'), 'utf8'));
} catch (e) {
  console.error(`Cannot read ${join(root, 'index.json')}: run \`npm run build-storybook\` first (${e.message})`);
  server.close();
  process.exit(1);
}
const stories = Object.values(index.entries).filter((e) => e.type === 'story' && e.id.includes(filter));
if (!stories.length) {
  console.error('No stories in index.json');
  server.close();
  process.exit(1);
}

const axeSource = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

// ---------------------------------------------------------------------------------------------
// The browser

const browser = await chromium.launch({
  executablePath,
  headless: true,
  args: [
    ...CHROMIUM_ARGS,
    // Nothing but the local server resolves: a story may not depend on the network.
    '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
  ],
});
const context = await browser.newContext({viewport: {width: 1280, height: 900}, colorScheme: 'light', locale: 'en-US'});

/** In the page: wait until Storybook has finished rendering the story. */
function storybookDone(id) {
  const render = window.__STORYBOOK_PREVIEW__?.currentRender;
  return !!render && render.id === id && ['finished', 'errored', 'aborted'].includes(render.phase);
}

/** In the page: the story's smoke-test parameters (RegExps as {source, flags}). */
function storyParameters() {
  const p = window.__STORYBOOK_PREVIEW__?.currentRender?.story?.parameters ?? {};
  const list = (v) => (Array.isArray(v) ? v : []).map((x) => (x instanceof RegExp ? {source: x.source, flags: x.flags} : String(x)));
  return {
    errors: list(p.expectConsoleErrors),
    warnings: list(p.expectConsoleWarnings),
    loading: p.expectLoading === true,
    phase: window.__STORYBOOK_PREVIEW__?.currentRender?.phase,
  };
}

/**
 * In the page: wait until every digest element (in the document and in shadow roots) has
 * finished updating, nothing is loading (unless expected), and images have loaded or failed
 * (lazy ones get a second; far below the fold they never start).
 */
async function settle({tags, expectLoading}) {
  const walk = (node, out) => {
    for (const el of node.querySelectorAll('*')) {
      if (tags.includes(el.localName)) out.elements.push(el);
      if (el.localName === 'img') out.images.push(el);
      if (el.shadowRoot) walk(el.shadowRoot, out);
    }
    return out;
  };
  const frame = () => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok)));
  const start = performance.now();
  for (;;) {
    const {elements, images} = walk(document, {elements: [], images: []});
    await Promise.all(elements.map((el) => el.updateComplete));
    const loading = elements.some((el) => el.shadowRoot?.querySelector('[part~="loading"]'));
    const pending = images.filter((img) => !img.complete && (img.loading !== 'lazy' || performance.now() - start < 1000));
    if ((expectLoading || !loading) && !pending.length) {
      await frame();
      const again = walk(document, {elements: [], images: []});
      await Promise.all(again.elements.map((el) => el.updateComplete));
      return {
        elements: again.elements.length,
        loading: again.elements.some((el) => el.shadowRoot?.querySelector('[part~="loading"]')),
      };
    }
    if (performance.now() - start > 15_000) {
      return {timeout: `still ${loading ? 'loading' : `waiting for ${pending.length} image(s)`} after 15 s`};
    }
    await new Promise((ok) => setTimeout(ok, 50));
  }
}

/** In the page: axe-core on the story root (open shadow roots included). */
async function runAxe() {
  const result = await axe.run(document.querySelector('#storybook-root'), {resultTypes: ['violations']});
  return result.violations.map((v) => ({
    id: v.id,
    impact: v.impact,
    help: v.help,
    nodes: v.nodes.slice(0, 5).map((n) => `${JSON.stringify(n.target)} ${n.failureSummary?.split('\n').slice(1).join(' ').trim() ?? ''}`),
    more: Math.max(0, v.nodes.length - 5),
  }));
}

/** In the page: Storybook's own error display, if it is showing. */
function storybookError() {
  if (!document.body.classList.contains('sb-show-errordisplay')) return null;
  return document.querySelector('#error-message')?.textContent?.trim() || 'Storybook shows its error display';
}

const toMatcher = (x) => (typeof x === 'string' ? (line) => line === x : (line) => new RegExp(x.source, x.flags).test(line));
const describe = (x) => (typeof x === 'string' ? JSON.stringify(x) : `/${x.source}/${x.flags}`);

/**
 * Lines must all be declared, and every declared line must have appeared; `only` limits the
 * check to the lines it accepts (the rest is reported by the caller).
 */
function checkLines(kind, lines, declared, problems) {
  const matchers = declared.map(toMatcher);
  for (const line of lines) {
    if (!matchers.some((m) => m(line))) problems.push(`unexpected console ${kind}: ${line}`);
  }
  declared.forEach((d, i) => {
    if (!lines.some((line) => matchers[i](line))) problems.push(`declared console ${kind} did not appear: ${describe(d)}`);
  });
}

async function smoke(story) {
  const page = await context.newPage();
  const errors = [];
  const warnings = [];
  const problems = [];
  const external = [];
  page.on('console', (m) => {
    // "Failed to load resource: …" does not name the resource; its location does.
    const url = m.location()?.url;
    const text = /^Failed to load resource/.test(m.text()) && url ? `${m.text()} ${url.replace(origin, '')}` : m.text();
    if (m.type() === 'error') errors.push(text);
    else if (m.type() === 'warning') warnings.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.stack ?? e.message}`));
  page.on('request', (r) => {
    if (!r.url().startsWith(origin) && !r.url().startsWith('data:') && !r.url().startsWith('blob:')) external.push(r.url());
  });
  let rendered = false;
  const t0 = performance.now();
  try {
    const query = new URLSearchParams({id: story.id, viewMode: 'story'});
    if (globals) query.set('globals', globals);
    await page.goto(`${origin}/iframe.html?${query}`, {waitUntil: 'load', timeout: STORY_TIMEOUT});
    await page.waitForFunction(storybookDone, story.id, {timeout: STORY_TIMEOUT, polling: 50});
    const params = await page.evaluate(storyParameters);
    const shown = await page.evaluate(storybookError);
    if (shown || params.phase !== 'finished') problems.push(`Storybook could not render the story (${params.phase}): ${shown ?? ''}`);
    else rendered = true;
    const state = await page.evaluate(settle, {tags: TAGS, expectLoading: params.loading});
    if (state.timeout) problems.push(state.timeout);
    else if (!state.elements) problems.push('no digest element rendered');
    if (params.loading && !state.loading) problems.push('expected the loading state, but nothing is loading');
    if (rendered) {
      await page.addScriptTag({content: axeSource});
      for (const v of await page.evaluate(runAxe)) {
        problems.push(`axe ${v.id} (${v.impact}): ${v.help}\n${v.nodes.map((n) => `      ${n}`).join('\n')}${v.more ? `\n      …and ${v.more} more` : ''}`);
      }
    }
    checkLines('error', errors, params.errors, problems);
    const ours = warnings.filter((w) => OUR_LINE.test(w));
    checkLines('warning', ours, params.warnings, problems);
    const others = warnings.filter((w) => !OUR_LINE.test(w));
    if (external.length) problems.push(`requests outside the local server: ${[...new Set(external)].join(', ')}`);
    return {story, rendered, problems, notes: others.map((w) => `console warning (not ours): ${w}`), ms: performance.now() - t0};
  } catch (e) {
    problems.push(`${e.message.split('\n')[0]}`);
    checkLines('error', errors, [], problems);
    return {story, rendered, problems, notes: [], ms: performance.now() - t0};
  } finally {
    await page.close();
  }
}

/** Forced colours: one screenshot per element (its first story), the first focusable focused. */
async function forcedColors(tag) {
  const story = stories.find((s) => s.id.startsWith(`elements-${tag}--`));
  if (!story) return;
  const page = await context.newPage();
  const problems = [];
  const t0 = performance.now();
  try {
    await page.emulateMedia({forcedColors: 'active'});
    const query = new URLSearchParams({id: story.id, viewMode: 'story'});
    await page.goto(`${origin}/iframe.html?${query}`, {waitUntil: 'load', timeout: STORY_TIMEOUT});
    await page.waitForFunction(storybookDone, story.id, {timeout: STORY_TIMEOUT, polling: 50});
    const state = await page.evaluate(settle, {tags: TAGS, expectLoading: false});
    if (state.timeout) problems.push(state.timeout);
    if (!(await page.evaluate(() => window.matchMedia('(forced-colors: active)').matches))) problems.push('forced colours not active');
    await page.keyboard.press('Tab');
    const dir = join(root, 'forced-colors');
    await mkdir(dir, {recursive: true});
    await page.screenshot({path: join(dir, `${tag}.png`)});
  } catch (e) {
    problems.push(e.message.split('\n')[0]);
  } finally {
    await page.close();
  }
  return {story: {id: `${story.id} (forced colours)`}, rendered: false, problems, notes: [], ms: performance.now() - t0};
}

// ---------------------------------------------------------------------------------------------

console.log(`Storybook smoke test: ${stories.length} stories from ${root}${globals ? ` with globals ${globals}` : ''}, ${jobs} at a time, ${executablePath}`);
const results = [];
let next = 0;
await Promise.all(
  Array.from({length: Math.min(jobs, stories.length)}, async () => {
    while (next < stories.length) {
      const story = stories[next++];
      const result = await smoke(story);
      results.push(result);
      const status = result.problems.length ? 'FAIL' : 'ok  ';
      console.log(`${status} ${story.id} (${(result.ms / 1000).toFixed(1)} s)`);
      for (const p of result.problems) console.log(`     - ${p}`);
      for (const n of result.notes) console.log(`     · ${n}`);
    }
  }),
);
for (const tag of TAGS) {
  const result = await forcedColors(tag);
  if (!result) continue;
  results.push(result);
  console.log(`${result.problems.length ? 'FAIL' : 'ok  '} ${result.story.id}: ${join(root, 'forced-colors', `${tag}.png`)}`);
  for (const p of result.problems) console.log(`     - ${p}`);
}
await context.close();
await browser.close();
server.close();

const failed = results.filter((r) => r.problems.length);
console.log(`${results.filter((r) => r.rendered).length} stories rendered`);
console.log(`${results.length - failed.length} passed, ${failed.length} failed (${((performance.now() - started) / 1000).toFixed(1)} s)`);
process.exit(failed.length ? 1 : 0);
