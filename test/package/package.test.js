// The package as users get it: `npm pack` (the `prepack` build), then the tarball installed into
// throwaway consumer projects, offline from the npm cache where it can be (the consumers'
// packages are this repository's devDependencies, so `npm ci` has cached them).
//
//   npm run test:package     (node --test test/package/; about a minute and a half)
//
// - the tarball: its files, `publint --strict`, `attw` (ESM-only profile: the package is ESM),
//   the manifest's module paths, the README's CDN tag (version and SRI hash of the built file);
// - a browser-only consumer (digest-elements + Vite): no server-rendering package installed; a
//   Vite app that imports one element builds; a Node script imports `digest-elements/format`;
//   `digest-elements/ssr` and the CLI name `npm install @lit-labs/ssr`, and work once it ran;
// - a typed consumer: React 19, Preact and Solid TSX (`tsc`), a Vue 3 SFC (`vue-tsc`), Svelte 5 (`svelte-check`).
import {after, before, describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {execFile} from 'node:child_process';
import {createHash} from 'node:crypto';
import {cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {promisify} from 'node:util';

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const HERE = fileURLToPath(new URL('.', import.meta.url));
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const env = {...process.env, PUPPETEER_SKIP_DOWNLOAD: '1', PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1', npm_config_loglevel: 'error'};
const sh = (cmd, args, cwd) => run(cmd, args, {cwd, env, maxBuffer: 64 << 20});
/** Runs a command that must fail; its output (stdout + stderr). */
const fails = async (cmd, args, cwd) => {
  try {
    await sh(cmd, args, cwd);
  } catch (e) {
    return `${e.stdout}${e.stderr}`;
  }
  assert.fail(`${cmd} ${args.join(' ')} succeeded`);
};
const sha384 = (bytes) => `sha384-${createHash('sha384').update(bytes).digest('base64')}`;
/** This repository's range for each package a consumer needs: the cached versions. */
const ours = (...names) => Object.fromEntries(names.map((n) => [n, pkg.devDependencies[n] ?? assert.fail(`${n} is no devDependency`)]));
/** `npm install` from the cache alone, else from the registry for what the cache lacks. */
const install = (dir, ...names) => {
  const args = ['install', '--no-audit', '--no-fund', '--ignore-scripts', ...names];
  return sh('npm', [...args, '--offline'], dir).catch(() => sh('npm', [...args, '--prefer-offline'], dir));
};

const tmp = mkdtempSync(join(tmpdir(), 'digest-elements-package-'));
after(() => rmSync(tmp, {recursive: true, force: true}));
let tarball;
let unpacked;

before(async () => {
  await sh('npm', ['pack', '--pack-destination', tmp], ROOT); // `prepack` builds first
  tarball = join(tmp, `${pkg.name}-${pkg.version}.tgz`);
  unpacked = join(tmp, 'unpacked');
  await sh('mkdir', [unpacked], tmp);
  await sh('tar', ['xzf', tarball, '-C', unpacked, '--strip-components=1'], tmp);
});

describe('the tarball', () => {
  test('ships the built files, types, manifest, schema, bin, LICENSE, CHANGELOG and the README picture', () => {
    for (const file of [
      'dist/index.js', 'dist/index.d.ts', 'dist/digest-elements.js', 'dist/digest-elements.hydrate.js',
      'dist/digest-elements.compose.js', 'dist/define-with-compose.js',
      'dist/format/validate.js', 'dist/ssr/render.js', 'dist/locales/zh-Hans.js', 'dist/locales/ko.js',
      'dist/types/react.d.ts', 'dist/types/jsx.d.ts', 'dist/types/vue.d.ts', 'dist/types/svelte.d.ts',
      'dist/types/solid.d.ts', 'dist/types/preact.d.ts', 'dist/types/web-types.json',
      'dist/types/vscode.html-custom-data.json', 'dist/types/vscode.css-custom-data.json',
      'custom-elements.json', 'schema/article-v1.schema.json', 'bin/digest-elements.js',
      'LICENSE', 'CHANGELOG.md', 'README.md', 'docs/seed.png',
    ]) {
      assert.ok(existsSync(join(unpacked, file)), file);
    }
    assert.match(readFileSync(join(unpacked, 'LICENSE'), 'utf8'), /MIT License[\s\S]*digest-elements contributors/);
    assert.match(readFileSync(join(unpacked, 'CHANGELOG.md'), 'utf8'), new RegExp(`## ${pkg.version.replaceAll('.', '\\.')}\\n`));
  });

  test('every file package.json names is in it', () => {
    const targets = [pkg.main, pkg.types, pkg.unpkg, pkg['web-types'], pkg.customElements, ...Object.values(pkg.bin)];
    const walk = (v) => (typeof v === 'string' ? targets.push(v) : Object.values(v).forEach(walk));
    walk(pkg.exports);
    for (const t of targets) assert.ok(existsSync(join(unpacked, t)), t);
  });

  test('the manifest names the published dist/ modules, and they are there', () => {
    const manifest = JSON.parse(readFileSync(join(unpacked, 'custom-elements.json'), 'utf8'));
    const paths = manifest.modules.map((m) => m.path);
    assert.ok(paths.includes('dist/digest-article/digest-article.js'));
    for (const p of paths) {
      assert.match(p, /^dist\/.*\.js$/);
      assert.ok(existsSync(join(unpacked, p)), p);
    }
    assert.doesNotMatch(JSON.stringify(manifest), /"src\//);
  });

  test('publint --strict and attw (ESM-only) find nothing', async () => {
    await sh('npx', ['publint', 'run', tarball, '--strict'], ROOT);
    await sh('npx', ['attw', tarball, '--profile', 'esm-only', '--format', 'ascii'], ROOT);
  });

  test("the README's script tag pins this version with the SRI hash of the file it names", () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const tag = /<script src="https:\/\/cdn\.jsdelivr\.net\/npm\/digest-elements@([^/"]+)\/(dist\/digest-elements\.js)" integrity="([^"]+)" crossorigin="anonymous"><\/script>/.exec(readme);
    assert.ok(tag, 'README.md has the jsDelivr script tag with integrity');
    const [, version, file, integrity] = tag;
    assert.equal(version, pkg.version, 'the tag pins package.json\'s version (run `npm run cdn-snippet`)');
    assert.equal(integrity, sha384(readFileSync(join(unpacked, file))), 'the hash is the packed file\'s (run `npm run build && npm run cdn-snippet`)');
  });
});

// The consumers install and check side by side (the tarball is packed once, before them).
describe('consumers of the tarball', {concurrency: true}, () => {
describe('a browser-only consumer', () => {
  const dir = join(tmp, 'browser');
  before(async () => {
    cpSync(join(HERE, 'browser'), dir, {recursive: true});
    const manifest = {name: 'browser-consumer', private: true, type: 'module', dependencies: {'digest-elements': `file:${tarball}`}, devDependencies: ours('vite')};
    writeFileSync(join(dir, 'package.json'), JSON.stringify(manifest, null, 2));
    await install(dir);
  });

  test('installs no server-rendering package', () => {
    for (const name of ['@lit-labs/ssr', '@lit-labs/ssr-client', 'node-fetch', 'parse5', 'enhanced-resolve']) {
      assert.ok(!existsSync(join(dir, 'node_modules', name)), `${name} is installed`);
    }
    assert.ok(existsSync(join(dir, 'node_modules/lit')));
  });

  test('a Vite app that imports one element builds', async () => {
    await sh('npx', ['vite', 'build', '--logLevel', 'error'], dir);
    const js = readFileSync(join(dir, 'dist/assets', (await sh('ls', ['dist/assets'], dir)).stdout.trim().split('\n').find((f) => f.endsWith('.js'))), 'utf8');
    assert.match(js, /source-card/);
    assert.doesNotMatch(js, /digest-article/, 'only the element imported (and what it needs) is bundled');
  });

  test('a Node script imports digest-elements/format', async () => {
    const {stdout} = await sh('node', ['format.mjs'], dir);
    assert.deepEqual(JSON.parse(stdout), {title: 'Only a title', sections: 1, problems: ['sections[0].blocks[0].type']});
  });

  test('digest-elements/ssr and the CLI name the one install step, then work after it', async () => {
    const ssr = await fails('node', ['-e', "await import('digest-elements/ssr')"], dir);
    assert.match(ssr, /digest-elements\/ssr needs .*`npm install @lit-labs\/ssr`/);
    writeFileSync(join(dir, 'article.json'), '{"title": "Server-rendered"}');
    const cli = await fails('npx', ['digest-elements', 'render', 'article.json'], dir);
    assert.match(cli, /^digest-elements: .*`npm install @lit-labs\/ssr`/m);

    await install(dir, `@lit-labs/ssr@${pkg.peerDependencies['@lit-labs/ssr']}`);
    const {stdout} = await sh('npx', ['digest-elements', 'render', 'article.json'], dir);
    assert.match(stdout, /<digest-article[^>]*>\s*<template shadowroot(mode)?="open"/);
    assert.match(stdout, /Server-rendered/);
  });
});

describe('a typed consumer', () => {
  const dir = join(tmp, 'typed');
  before(async () => {
    cpSync(join(HERE, 'typed'), dir, {recursive: true});
    const manifest = {
      name: 'typed-consumer',
      private: true,
      type: 'module',
      dependencies: {'digest-elements': `file:${tarball}`},
      devDependencies: ours('typescript', 'react', '@types/react', 'preact', 'solid-js', 'vue', 'vue-tsc', 'svelte', 'svelte-check'),
    };
    writeFileSync(join(dir, 'package.json'), JSON.stringify(manifest, null, 2));
    await install(dir);
  });

  /**
   * `react.tsx` type-checked as one JSX flavour (`tsconfig.<flavour>.json`, whose `types` names
   * `digest-elements/<flavour>`): other flavours get a copy made by `edit`. Without the package's
   * types the flavour knows none of the tags: the check is real.
   */
  const typeChecks = async (flavour, edit) => {
    if (edit) writeFileSync(join(dir, `${flavour}.tsx`), edit(readFileSync(join(dir, 'react.tsx'), 'utf8')));
    await sh('npx', ['tsc', '-p', `tsconfig.${flavour}.json`], dir);
    const bare = readFileSync(join(dir, `tsconfig.${flavour}.json`), 'utf8').replace(`"digest-elements/${flavour}"`, '');
    writeFileSync(join(dir, 'tsconfig.bare.json'), bare);
    assert.match(await fails('npx', ['tsc', '-p', 'tsconfig.bare.json'], dir), /Property 'digest-article' does not exist on type 'JSX.IntrinsicElements'/);
  };

  test('React 19 TSX type-checks the four tags and refuses wrong data', () => typeChecks('react'));

  test('Preact TSX: the same views, the same refusals', () => typeChecks('preact', (tsx) => tsx));

  // Solid names a custom event's listener `on:<event>`.
  test('Solid TSX: the same views, the same refusals', () => typeChecks('solid', (tsx) => tsx.replaceAll(' ondigest-', ' on:digest-')));

  test('a Vue 3 SFC passes vue-tsc', async () => {
    await sh('npx', ['vue-tsc', '-p', 'tsconfig.vue.json'], dir);
  });

  test('Svelte 5 components pass svelte-check, and the wrong data is reported', async () => {
    const out = await fails('npx', ['svelte-check', '--tsconfig', 'tsconfig.svelte.json', '--output', 'machine', '--threshold', 'error'], dir);
    const errors = out.split('\n').filter((l) => / ERROR /.test(l));
    assert.deepEqual(errors.map((l) => l.split(' ')[2]), ['"Bad.svelte"', '"Bad.svelte"'], out);
    assert.deepEqual(errors.map((l) => parseInt(l.split(' ')[3])), [3, 4], out);
  });
});
});
