import {mkdirSync, writeFileSync} from 'node:fs';
import {customElementJetBrainsPlugin} from 'custom-element-jet-brains-integration';
import {generateJsxTypes} from 'custom-element-jsx-integration';
import {generateSolidJsTypes} from 'custom-element-solidjs-integration';
import {generateSvelteTypes} from 'custom-element-svelte-integration';
import {customElementVsCodePlugin} from 'custom-element-vs-code-integration';
import {generateVuejsTypes} from 'custom-element-vuejs-integration';

/** Where the framework types and the editor data go (published; see package.json `exports`). */
const outdir = 'dist/types';

/** Every `src/a/b.ts` in the manifest (module paths and references) → `dist/a/b.js`, the published file. */
const published = (node) => {
  for (const [key, value] of Object.entries(node)) {
    if (typeof value === 'string' && (key === 'path' || key === 'module')) node[key] = value.replace(/^(\.\/)?src\/(.*)\.[jt]s$/, 'dist/$2.js');
    else if (value && typeof value === 'object') published(value);
  }
};

/**
 * A copy of the manifest whose members carry `tsType`, the TypeScript type a framework should
 * check: a property's or attribute's declared type on the element class, read from the published
 * declarations (so `data` takes what users write, `ArticleInput | string`), an attribute without a
 * property (`color-scheme`, markup attributes) its documented type, an event's `detail` type.
 */
function typed(manifest) {
  const copy = structuredClone(manifest);
  const from = (name) => `import("../index.js").${name}`;
  for (const m of copy.modules) {
    for (const c of m.declarations ?? []) {
      if (!c.tagName) continue;
      for (const a of c.attributes ?? []) a.tsType = {text: a.fieldName ? `${from(c.name)}["${a.fieldName}"]` : (a.type?.text ?? 'string')};
      for (const p of c.members ?? []) p.tsType = {text: `${from(c.name)}["${p.name}"]`};
      for (const e of c.events ?? []) {
        if (e.type) e.type = {text: `${from(e.type.text)} extends CustomEvent<infer D> ? D : undefined`};
      }
    }
  }
  return copy;
}

/** Declarations that put the generated tag types where each framework looks for them. */
const glue = {
  'react.d.ts': `import type {CustomElements} from './jsx.js';\n\ndeclare module 'react' {\n  namespace JSX {\n    interface IntrinsicElements extends CustomElements {}\n  }\n}\n`,
  'preact.d.ts': `import type {CustomElements} from './jsx.js';\n\ndeclare module 'preact' {\n  namespace JSX {\n    interface IntrinsicElements extends CustomElements {}\n  }\n}\n`,
  'solid.d.ts': `import type {CustomElements} from './solid-elements.js';\n\ndeclare module 'solid-js' {\n  namespace JSX {\n    interface IntrinsicElements extends CustomElements {}\n  }\n}\n`,
  'svelte.d.ts': `import type {CustomElements} from './svelte-elements.js';\n\ndeclare module 'svelte/elements' {\n  interface SvelteHTMLElements extends CustomElements {}\n}\n`,
};

/**
 * `npm run analyze` (part of the build, after the declarations): custom-elements.json from the
 * elements' JSDoc, with module paths that name the published `dist/` files, and from it, with the
 * custom-elements-manifest generators of each framework and editor, `dist/types/`: JSX tag types
 * for React and Preact (`react.d.ts`, `preact.d.ts`), Solid, Vue (`GlobalComponents`), Svelte,
 * VS Code HTML and CSS custom data and JetBrains web-types.
 * Modules are sorted by path, so the file is the same on every machine (the analyzer lists them
 * in the order the file system returns them).
 */
export default {
  globs: ['src/**/*.ts'],
  // Not published as modules: types.ts (types only), hydrate.ts (the entry of dist/digest-elements.hydrate.js).
  exclude: ['src/**/*.styles.ts', 'src/format/types.ts', 'src/hydrate.ts'],
  litelement: true,
  plugins: [
    {
      name: 'digest-elements/published-paths',
      packageLinkPhase({customElementsManifest}) {
        published(customElementsManifest);
        customElementsManifest.modules.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
      },
    },
    {
      name: 'digest-elements/framework-types',
      packageLinkPhase({customElementsManifest}) {
        const manifest = typed(customElementsManifest);
        const options = {outdir, typesSrc: 'tsType', hideLogs: true};
        generateJsxTypes(manifest, {...options, fileName: 'jsx.d.ts'});
        generateSolidJsTypes(manifest, {...options, fileName: 'solid-elements.d.ts'});
        generateSvelteTypes(manifest, {...options, fileName: 'svelte-elements.d.ts'});
        generateVuejsTypes(manifest, {...options, fileName: 'vue.d.ts'});
        mkdirSync(outdir, {recursive: true});
        for (const [file, text] of Object.entries(glue)) writeFileSync(`${outdir}/${file}`, text);
      },
    },
    customElementVsCodePlugin({outdir, htmlFileName: 'vscode.html-custom-data.json', cssFileName: 'vscode.css-custom-data.json', hideLogs: true}),
    customElementJetBrainsPlugin({outdir, webTypesFileName: 'web-types.json', hideLogs: true}),
  ],
};
