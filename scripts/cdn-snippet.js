#!/usr/bin/env node
/**
 * The README's script tag pins this version on jsDelivr with the Subresource Integrity hash
 * (sha384) of the built `dist/digest-elements.js`, the file the registry serves for it.
 *
 *   node scripts/cdn-snippet.js --check   exits 1 when the README's tag is not this version's
 *                                         (`prepublishOnly`; test/package checks it too)
 *   node scripts/cdn-snippet.js --write   rewrites the tag (`npm run cdn-snippet`, after a build;
 *                                         `npm run version-packages` runs it)
 *
 * Run `npm run build` first: the hash is the built file's (the build is deterministic).
 */
import {createHash} from 'node:crypto';
import {readFileSync, writeFileSync} from 'node:fs';

const root = new URL('..', import.meta.url);
const {name, version} = JSON.parse(readFileSync(new URL('package.json', root), 'utf8'));
const file = 'dist/digest-elements.js';
const integrity = `sha384-${createHash('sha384').update(readFileSync(new URL(file, root))).digest('base64')}`;
const tag = `<script src="https://cdn.jsdelivr.net/npm/${name}@${version}/${file}" integrity="${integrity}" crossorigin="anonymous"></script>`;
/** Any version's tag of this file on jsDelivr. */
const ANY = new RegExp(`<script src="https://cdn\\.jsdelivr\\.net/npm/${name}@[^/"]+/${file}"[^>]*></script>`, 'g');

const readmeUrl = new URL('README.md', root);
const readme = readFileSync(readmeUrl, 'utf8');
const found = readme.match(ANY) ?? [];
if (process.argv.includes('--write')) {
  if (!found.length) {
    console.error(`cdn-snippet: README.md has no jsDelivr script tag for ${file} to update`);
    process.exit(1);
  }
  writeFileSync(readmeUrl, readme.replace(ANY, tag));
  console.log(`cdn-snippet: README.md: ${tag}`);
} else {
  const stale = found.filter((t) => t !== tag);
  if (!found.length || stale.length) {
    console.error(`cdn-snippet: README.md's script tag is not ${name}@${version}'s:\n  found:    ${stale[0] ?? '(none)'}\n  expected: ${tag}\nrun \`npm run build && npm run cdn-snippet\``);
    process.exit(1);
  }
}
