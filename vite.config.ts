import {readFileSync} from 'node:fs';
import {minifyTemplateLiterals} from 'rollup-plugin-minify-template-literals';
import {minify} from 'terser';
import {defineConfig, type Plugin, type UserConfig} from 'vite';

const {version} = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as {version: string};

/** Per-element entries: `digest-elements/<tag>` registers that element (and what it renders). */
const tags = ['digest-article', 'source-card', 'takeaway-list', 'reader-comment'];

/** Opt-in UI languages, `digest-elements/locales/<tag>` (en and ja are built in). */
const locales = ['zh-Hans', 'zh-Hant', 'ko'];

/**
 * Five builds:
 * - `vite` (dev, `npm start`): serves index.html, the seed article.
 * - `vite build`: ES modules for bundlers in dist/ (Lit external, one file per source module).
 * - `vite build --mode bundle`: dist/digest-elements.js, one classic script with Lit inside
 *   that registers all four elements. Included twice (or beside another build), the second
 *   copy does nothing but warn when the versions differ: its Lit never even runs.
 * - `vite build --mode compose`: dist/digest-elements.compose.js, the same with composition by
 *   hand (`digest-elements/compose`), for CMS templates; same version guard.
 * - `vite build --mode hydrate`: dist/digest-elements.hydrate.js, the same with Lit's hydrate
 *   support first, for server-rendered pages (`digest-elements/ssr`), with JSON-LD and
 *   composition; same version guard.
 */

/** The classic-script builds: their entries and files. */
const scripts: Record<string, [string, string]> = {
  bundle: ['src/define.ts', 'digest-elements.js'],
  compose: ['src/define-with-compose.ts', 'digest-elements.compose.js'],
  hydrate: ['src/hydrate.ts', 'digest-elements.hydrate.js'],
};
/**
 * The classic-script builds go through terser after Vite's own minifier (Oxc): measured 141 B
 * brotli (70 B gzip) less for dist/digest-elements.js than either minifier alone.
 */
const terser: Plugin = {
  name: 'terser',
  async generateBundle(_, bundle) {
    for (const chunk of Object.values(bundle)) {
      if (chunk.type === 'chunk') chunk.code = (await minify(chunk.code, {ecma: 2020, compress: {passes: 2}})).code!;
    }
  },
};

export default defineConfig(({command, mode}): UserConfig => ({
  // Whitespace in html`` and css`` templates costs bytes in every build (not in dev).
  plugins: command === 'build' ? [minifyTemplateLiterals(), ...(scripts[mode] ? [terser] : [])] : [],
  ...(scripts[mode]
    ? {
        build: {
          emptyOutDir: false,
          target: 'es2022',
          minify: true,
          lib: {
            entry: scripts[mode][0],
            formats: ['iife'],
            name: 'digestElements',
            fileName: () => scripts[mode][1],
          },
          rolldownOptions: {
            output: {
              // Added after minification, so the notices stay: ours and Lit's (BSD-3-Clause).
              postBanner: `/*! digest-elements ${version} | MIT | includes Lit, Copyright 2017 Google LLC, BSD-3-Clause */`,
              banner:
                `(function(){var d=customElements.get('digest-article');if(d){if(d.version!=='${version}')` +
                `console.warn('digest-elements ${version} not loaded: version '+d.version+' is already on the page');return}`,
              footer: '})();',
            },
          },
        },
      }
    : {
        build: {
          target: 'es2022',
          minify: false,
          lib: {
            entry: Object.fromEntries([
              ['index', 'src/index.ts'],
              ['define', 'src/define.ts'],
              ['define-with-json-ld', 'src/define-with-json-ld.ts'],
              ['define-with-compose', 'src/define-with-compose.ts'],
              ['ssr/render', 'src/ssr/render.ts'],
              ...['index', ...locales].map((l) => [`locales/${l}`, `src/locales/${l}.ts`]),
              ...tags.map((t) => [`${t}/define`, `src/${t}/define.ts`]),
            ]),
            formats: ['es'],
          },
          rolldownOptions: {
            // Lit, and Lit SSR (and its client half, whose directive it recognises by identity)
            // for the Node-only `ssr/render`: dependencies, resolved at run time.
            external: [/^lit(\/|$)/, /^@lit-labs\/ssr(-client)?(\/|$)/],
            output: {preserveModules: true, preserveModulesRoot: 'src', entryFileNames: '[name].js'},
          },
        },
      }),
}));
