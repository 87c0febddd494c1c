// @ts-check
// Browser tests in Chromium, Firefox ESR and WebKitGTK, the system browsers (scripts/browsers.js
// names them; nothing is downloaded), in two groups by layer:
//   source   the elements and the format from src/ (npm run test:unit)
//   bundle   pages that load the built dist/digest-elements.js (npm run test:dist; build first)
//
//   BROWSERS=chromium npx wtr --group source          # any subset of chromium,firefox,webkit
//   BROWSERS=firefox npx wtr --files test/csp.test.ts  # just these files (the groups stay out)
import {fileURLToPath} from 'node:url';
import {esbuildPlugin} from '@web/dev-server-esbuild';
import {chromeLauncher} from '@web/test-runner-chrome';
import * as puppeteer from 'puppeteer-core';
import {CHROMIUM, CHROMIUM_ARGS, FIREFOX, FIREFOX_PREFS, wantedBrowsers} from './scripts/browsers.js';
import {cdpPlugin} from './scripts/wtr/cdp.js';
import {testEndpoints} from './scripts/wtr/endpoints.js';
import {webkitLauncher} from './scripts/wtr/webkit.js';

const root = fileURLToPath(new URL('.', import.meta.url));
const launchers = {
  chromium: () => chromeLauncher({launchOptions: {executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS}}),
  firefox: () =>
    chromeLauncher({
      puppeteer: /** @type {any} */ (puppeteer),
      launchOptions: {browser: 'firefox', executablePath: FIREFOX, headless: true, extraPrefsFirefox: FIREFOX_PREFS},
    }),
  webkit: webkitLauncher,
};

/** @type {import('@web/test-runner').TestRunnerConfig} */
export default {
  rootDir: root,
  // (wtr would run the groups beside the files given with --files)
  groups: process.argv.includes('--files')
    ? []
    : [
        {name: 'source', files: ['test/*.test.ts', '!test/{loading,host-css,csp}.test.ts']},
        {name: 'bundle', files: 'test/{loading,host-css,csp}.test.ts'},
      ],
  nodeResolve: true,
  plugins: [esbuildPlugin({ts: true, tsconfig: `${root}tsconfig.json`}), cdpPlugin],
  browsers: await Promise.all(wantedBrowsers().map((name) => launchers[name]())),
  middleware: [testEndpoints(root)],
  // 2 shared cores: at most 2 browsers at a time; one test file at a time per browser (a file in a
  // background tab gets no animation frames, which fixture() waits for, and throttled timers).
  concurrentBrowsers: 2,
  concurrency: 1,
  browserStartTimeout: 60000,
  testsStartTimeout: 60000,
  testsFinishTimeout: 180000, // per test file; a page stuck in a sync loop fails after this
  // Lit's one-time dev-mode banner is noise in every test file; keep all other browser logs.
  filterBrowserLogs: ({args}) => !(typeof args[0] === 'string' && args[0].startsWith('Lit is in dev mode')),
  // per-test mocha timeout; generous because axe is slow in WebKit (override: MOCHA_TIMEOUT=ms)
  testFramework: {config: {timeout: Number(process.env.MOCHA_TIMEOUT) || 20000}},
};
