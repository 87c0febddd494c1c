// Every attribute the elements document (custom-elements.json, generated from their JSDoc by
// `npm run analyze`, which `npm run build` runs) is checked against HTML's global attributes:
// an element attribute with a global name (`title`, `hidden`…) would also set what that name
// means on every element (a tooltip and an accessible name, hiding the host…).
//
//   npm run analyze && node --test test/node/
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';

const manifest = JSON.parse(readFileSync(new URL('../../custom-elements.json', import.meta.url), 'utf8'));
const elements = manifest.modules.flatMap((m) => m.declarations ?? []).filter((d) => d.customElement);

/**
 * HTML's global attributes (WHATWG HTML, "Global attributes", plus ARIA's `role` and the
 * `aria-*`, `data-*` and `on*` families), and `exportparts` from CSS Shadow Parts.
 */
const GLOBAL = new Set(
  `accesskey autocapitalize autocorrect autofocus class contenteditable dir draggable enterkeyhint
  exportparts hidden id inert inputmode is itemid itemprop itemref itemscope itemtype lang nonce part
  popover role slot spellcheck style tabindex title translate writingsuggestions`.split(/\s+/),
);
/** Global attributes an element may read in their HTML meaning (the content's language). */
const READ_AS_GLOBAL = new Set(['lang']);

test('the manifest lists the four elements with their attributes', () => {
  assert.deepEqual(elements.map((d) => d.tagName).sort(), ['digest-article', 'reader-comment', 'source-card', 'takeaway-list']);
  for (const d of elements) assert.ok(d.attributes?.length, `${d.tagName} documents its attributes`);
});

test('no element attribute reuses the name of a global HTML attribute', () => {
  const collisions = elements.flatMap((d) =>
    (d.attributes ?? [])
      .map((a) => a.name)
      .filter((name) => (GLOBAL.has(name) && !READ_AS_GLOBAL.has(name)) || /^(aria|data)-|^on/.test(name))
      .map((name) => `<${d.tagName} ${name}>`),
  );
  assert.deepEqual(collisions, []);
});

test('<source-card> takes its title as headline, not title', () => {
  const card = elements.find((d) => d.tagName === 'source-card');
  const names = card.attributes.map((a) => a.name);
  assert.ok(names.includes('headline'));
  assert.ok(!names.includes('title'));
});
