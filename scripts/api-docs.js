#!/usr/bin/env node
/**
 * Writes docs/api.md, the elements' API tables (attributes and properties, events, slots, CSS
 * parts, CSS custom properties), from custom-elements.json, which `npm run analyze` (part of
 * `npm run build`) generates from the elements' JSDoc. `npm run docs:api` runs both, after a doc
 * comment changed. `--check` (part of `npm test`, after the build) writes nothing and exits 1 when
 * docs/api.md is not what the manifest gives.
 */
import {readFile, writeFile} from 'node:fs/promises';

const OUT = new URL('../docs/api.md', import.meta.url);
const FIX = 'npm run docs:api';

/** A table cell: one line, `|` escaped (also inside code spans, as GitHub's tables need). */
const cell = (s) => (s ?? '').replace(/\s*\n\s*/g, ' ').replaceAll('|', '\\|');
const code = (s) => (s ? `\`${cell(s)}\`` : '');

function table(title, head, rows) {
  if (!rows.length) return '';
  const line = (cells) => `| ${cells.join(' | ')} |\n`;
  return `### ${title}\n\n${line(head)}${line(head.map(() => '---'))}${rows.map(line).join('')}\n`;
}

function element(d) {
  const fields = (d.members ?? []).filter((m) => m.kind === 'field' && m.privacy !== 'private' && m.privacy !== 'protected');
  const byAttr = new Map(fields.filter((f) => f.attribute).map((f) => [f.attribute, f]));
  const attrs = (d.attributes ?? []).map((a) => {
    const f = byAttr.get(a.name);
    return [code(a.name), code(f?.name), code((f ?? a).type?.text), code((f ?? a).default), cell((f ?? a).description)];
  });
  const props = fields
    .filter((f) => !f.attribute)
    .map((f) => ['', code(f.static ? `${d.name}.${f.name}` : f.name), code(f.type?.text), f.static ? '' : code(f.default), cell(f.description)]);
  return [
    `## \`<${d.tagName}>\`\n\n`,
    d.summary ? `**${cell(d.summary)}**\n\n` : '',
    d.description ? `${d.description}\n\n` : '',
    table('Attributes and properties', ['attribute', 'property', 'type', 'default', 'description'], [...attrs, ...props]),
    table('Events', ['event', 'type', 'description'], (d.events ?? []).map((e) => [code(e.name), code(e.type?.text), cell(e.description)])),
    table('Slots', ['slot', 'description'], (d.slots ?? []).map((s) => [s.name ? code(s.name) : '(default)', cell(s.description)])),
    table('CSS parts', ['part', 'description'], (d.cssParts ?? []).map((p) => [code(p.name), cell(p.description)])),
    table('CSS custom properties', ['property', 'default', 'description'], (d.cssProperties ?? []).map((p) => [code(p.name), code(p.default), cell(p.description)])),
  ].join('');
}

/** The page for a manifest: every custom element, in module order. */
function apiMarkdown(manifest) {
  const elements = manifest.modules.flatMap((m) => (m.declarations ?? []).filter((d) => d.customElement && d.tagName));
  return [
    '# API\n\n',
    `<!-- Generated from custom-elements.json by scripts/api-docs.js: edit the JSDoc in src/, then \`${FIX}\`. -->\n\n`,
    elements.map((d) => `- [\`<${d.tagName}>\`](#${d.tagName})\n`).join(''),
    '\n',
    ...elements.map(element),
  ]
    .join('')
    .replace(/\n+$/, '\n');
}

const manifest = JSON.parse(await readFile(new URL('../custom-elements.json', import.meta.url), 'utf8'));
const text = apiMarkdown(manifest);
if (process.argv.includes('--check')) {
  const current = await readFile(OUT, 'utf8').catch(() => '');
  if (current !== text) {
    console.error(`docs/api.md is not what custom-elements.json gives: run \`${FIX}\` and commit it`);
    process.exit(1);
  }
  console.log('docs/api.md matches custom-elements.json');
} else {
  await writeFile(OUT, text);
  console.log('wrote docs/api.md');
}
