#!/usr/bin/env node
// digest-elements render <article.json|-> [options] > article.html
// Server-renders an article (declarative shadow DOM, JSON-LD) with digest-elements/ssr.
// Exit status: 0 rendered (warnings on stderr), 1 the article cannot be shown or read, 2 usage.
import {readFileSync} from 'node:fs';
import {parseArgs} from 'node:util';

const USAGE = `usage: digest-elements render <article.json | -> [options] > article.html

Renders the article as <digest-article> with declarative shadow DOM: it shows, styled, without
JavaScript; dist/digest-elements.hydrate.js (defer or type="module") makes it live.

options:
  --page                 a whole HTML document (doctype, head, the hydrate script), not only the element
  --script <url>         with --page: the hydrate bundle's URL ("none": no script; default: unpkg)
  --url <url>            the page's absolute http(s) URL: JSON-LD url/mainEntityOfPage, rel=canonical
                         with --page, and the base of page-relative URLs
  --lang <tag>           the language (BCP 47) when the article has no "lang" (default: en)
  --heading-level <1-6>  the level of the title heading (default: 2)
  --no-json-ld           leave out the schema.org NewsArticle JSON-LD
  -h, --help             this text
  -v, --version          the version

Problems go to stderr as "digest-elements: <file>: <path>: <message>"; warnings (a value
dropped, the rest rendered) do not change the exit status: 0 rendered, 1 cannot be shown, 2 usage.
`;

const SHORT = `${USAGE.split('\n')[0]}\n(digest-elements --help: the options)`;

const fail = (message, status) => {
  process.stderr.write(`digest-elements: ${message}\n`);
  process.exit(status);
};

let args;
try {
  args = parseArgs({
    allowPositionals: true,
    options: {
      page: {type: 'boolean'},
      script: {type: 'string'},
      url: {type: 'string'},
      lang: {type: 'string'},
      'heading-level': {type: 'string'},
      'no-json-ld': {type: 'boolean'},
      help: {type: 'boolean', short: 'h'},
      version: {type: 'boolean', short: 'v'},
    },
  });
} catch (e) {
  fail(`${e.message}\n${SHORT}`, 2);
}
const {values: o, positionals} = args;
if (o.help) {
  process.stdout.write(USAGE);
  process.exit(0);
}
if (o.version) {
  const {version} = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
  process.stdout.write(`${version}\n`);
  process.exit(0);
}
const [command, file, ...extra] = positionals;
if (command !== 'render' || !file || extra.length) {
  const why = command !== 'render' ? (command ? `unknown command "${command}"` : 'no command') : file ? 'one file at a time' : 'no file';
  fail(`${why}\n${SHORT}`, 2);
}
const level = o['heading-level'];
if (level !== undefined && !/^[1-6]$/.test(level)) fail(`--heading-level: "${level}" is not 1 to 6`, 2);
if (o.script !== undefined && !o.page) fail('--script needs --page', 2);

// Without @lit-labs/ssr (an optional peer dependency) this names the command that installs it.
const {renderArticle, renderPage, checkOptions, DigestFormatError, DigestOptionError} = await import('../dist/ssr/render.js').catch(
  (e) => fail(e.message, 1),
);
let options;
try {
  options = checkOptions({
    headingLevel: level === undefined ? undefined : Number(level),
    jsonLd: !o['no-json-ld'],
    lang: o.lang,
    url: o.url,
    script: o.script === 'none' ? false : o.script,
  });
} catch (e) {
  if (!(e instanceof DigestOptionError)) throw e;
  fail(`--${e.message}`, 2);
}

const name = file === '-' ? '<stdin>' : file;
let text;
try {
  text = readFileSync(file === '-' ? 0 : file, 'utf8');
} catch (e) {
  fail(`${name}: cannot read: ${e.code === 'ENOENT' ? 'no such file' : e.message}`, 1);
}

const line = (p) => `${name}: ${p.severity === 'warning' ? 'warning: ' : ''}${p.path ? `${p.path}: ` : ''}${p.message}`;
try {
  const {html, problems} = (o.page ? renderPage : renderArticle)(text, options);
  for (const p of problems) process.stderr.write(`digest-elements: ${line(p)}\n`);
  process.stdout.write(html.endsWith('\n') ? html : `${html}\n`);
} catch (e) {
  if (!(e instanceof DigestFormatError)) throw e;
  for (const p of e.problems) process.stderr.write(`digest-elements: ${line(p)}\n`);
  process.exitCode = 1;
}
