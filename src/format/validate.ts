/**
 * The single source of truth for the format: `unknown` (JSON text or an object) → a typed,
 * cleaned value plus every problem found, each named by its JSON path.
 *
 * - A structural problem (unparseable JSON, not an object, a required field missing, an
 *   unsupported `version`) is an `error`: there is no value.
 * - A bad value inside good structure (wrong type, non-http(s) URL, bad date, an item without
 *   its required field, an unknown block type) is a `warning`: that value or item is dropped
 *   (a number or boolean where text belongs is kept as its text) and the rest is kept.
 *
 * The format is written once below as data (`SOURCE`, `SECTION`, `ARTICLE`…) and read by one
 * small interpreter, `check`. Pure and DOM-free: used by the elements, by server rendering and
 * by CMS tooling. The cleaned value holds only the fields of the format, as new objects:
 * nothing of the input (prototype tricks, extra keys) reaches the elements. It is deeply frozen
 * (validated values are frozen: copy to edit). Input quoted in a message is cut short (`echo.ts`).
 */
import {describe, quote} from './echo.js';
import {safeUrl} from './safe-url.js';
import type {Article, CommentBlock, Problem, Result, SourceBlock, Takeaways} from './types.js';

export {jsonError} from './json-error.js';

type Problems = Problem[];
type Check = (value: unknown, path: string, p: Problems) => unknown;
/**
 * How a field is checked: a scalar kind (`text`, `url`, `date`, `lang`, `size`, `avatar`,
 * `side`), an object spec, `[kind]` for a list, or a function. In an object spec a key ending
 * in `!` is required (without it the object is dropped), `+` is expected (a warning when
 * absent or bad; the object is kept with `""` there), `*` a list that defaults to `[]`.
 */
type Kind = string | Check | Kind[] | {[key: string]: Kind};

/**
 * Values this module produced, with the spec each passed: an element handed one does not check
 * it again. They are frozen (every object and array, all the way down), so the mark can never
 * outlive a change: to edit a validated value, copy it (`{...value, title: 'New'}`); the copy is
 * checked again.
 */
const checked = new WeakMap<object, Kind>();
const mark = <T extends object>(value: T, kind: Kind): T => (checked.set(value, kind), Object.freeze(value));

/** True for a value `validate*` returned (or one of its parts): it needs no second check. */
export const isChecked = (v: unknown): boolean => checked.has(v as object); // false for a primitive

/** Longest `lang` looked at: a longer one is refused before `Intl` sees it. */
const LONG = 150;

/**
 * Deepest nesting of arrays and objects that JSON text may have. The format itself needs 6;
 * unknown fields may nest further, up to this. Deeper text is refused before `JSON.parse`,
 * which needs seconds for megabytes of brackets (a page frozen by one bad attribute).
 */
const DEPTH = 1000;

/** True when JSON text nests arrays and objects deeper than `DEPTH` (strings are skipped). */
export function tooDeep(s: string): boolean {
  let depth = 0;
  let quoted = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (quoted) {
      if (c === 92) i++; // a backslash: the next character is escaped
      else if (c === 34) quoted = false;
    } else if (c === 34) quoted = true;
    else if (c === 91 || c === 123) {
      if (++depth > DEPTH) return true;
    } else if (c === 93 || c === 125) depth--;
  }
  return false;
}

const at = (path: string, key: string | number): string =>
  typeof key === 'number' ? `${path}[${key}]` : path ? `${path}.${key}` : key;

const warn = (p: Problems, path: string, message: string): undefined => {
  p.push({path, message, severity: 'warning'});
};

const DATE = /^(\d{4})-(\d{2})-(\d{2})(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/** True for an ISO 8601 date or date-time naming a real calendar day. */
export function isIsoDate(s: string): boolean {
  const m = DATE.exec(s);
  if (!m) return false;
  const d = new Date(0);
  d.setUTCFullYear(+m[1], +m[2] - 1, +m[3]);
  return d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3] && !isNaN(Date.parse(s));
}

/**
 * An emoji as it is usually written, always one grapheme: a flag, or a pictograph with its
 * variation selector, skin tone, keycap, combining marks or tags, and more pictographs joined by
 * ZWJ. Decided without `Intl.Segmenter`: the first `Intl` object a page creates costs ~30 ms of
 * main-thread time (ICU's locale data), more than rendering a whole article.
 */
const EMOJI =
  /^(?:\p{Regional_Indicator}{1,2}|\p{Extended_Pictographic}[\uFE0E\uFE0F\u20E3\u0300-\u036F\p{Emoji_Modifier}\u{E0020}-\u{E007F}]*(?:\u200D\p{Extended_Pictographic}[\uFE0E\uFE0F\u20E3\p{Emoji_Modifier}]*)*)$/u;

/**
 * One emoji (a single grapheme with a pictographic or flag character), e.g. 🧑‍💼 or 🇯🇵: an
 * avatar drawn as text. Anything else (two emoji, a pictograph after a letter) is not one.
 */
export const isEmoji = (s: string): boolean => EMOJI.test(s);

/** A BCP 47 language tag in its canonical form (`en-us` → `en-US`); undefined when it is none. */
export function canonicalLang(s: string): string | undefined {
  try {
    return s.length > LONG ? undefined : Intl.getCanonicalLocales(s)[0];
  } catch {
    return undefined;
  }
}

/**
 * Text checks that follow reading it as text: each returns the kept value (undefined: refused,
 * with the complaint beside it).
 */
const TEXT: Record<string, [(s: string) => string | undefined, string]> = {
  url: [safeUrl, 'is not an http(s) URL'],
  date: [(s) => (isIsoDate(s) ? s : undefined), 'is not an ISO 8601 date'],
  lang: [canonicalLang, 'is not a BCP 47 language tag'],
  // An emoji is a page-relative URL too (its text is kept): the element tells them apart.
  avatar: [safeUrl, 'is neither an http(s) URL nor one emoji'],
};

/** Checks `x` (present: not null or undefined) against `kind`; undefined means dropped. */
function check(kind: Kind, x: unknown, path: string, p: Problems, required?: boolean): unknown {
  if (typeof kind === 'function') return kind(x, path, p);
  if (Array.isArray(kind)) {
    if (!Array.isArray(x)) return warn(p, path, 'should be an array');
    const out: unknown[] = [];
    x.forEach((y, i) => {
      const v = y == null ? warn(p, at(path, i), 'is required') : check(kind[0], y, at(path, i), p, true);
      if (v !== undefined) out.push(v);
    });
    return Object.freeze(out);
  }
  if (typeof kind === 'object') {
    if (!x || typeof x !== 'object' || Array.isArray(x)) return warn(p, path, 'should be an object');
    const out: Record<string, unknown> = {};
    for (const key in kind) {
      // `name!` required, `name+` expected, `name*` a list defaulting to []
      const [, name, m] = /(\w+)(.?)/.exec(key)!;
      const here = at(path, name);
      const y = (x as Record<string, unknown>)[name];
      const v =
        y == null
          ? m === '!' || m === '+'
            ? warn(p, here, 'is required')
            : undefined
          : check(kind[key], y, here, p, m === '!');
      if (v !== undefined) out[name] = v;
      else if (m === '!') return;
      else if (m === '*') out[name] = [];
      else if (m === '+') out[name] = '';
    }
    return mark(out, kind);
  }
  if (kind === 'size') return typeof x === 'number' && x > 0 && x < 1e5 ? x : warn(p, path, 'should be a positive number');
  if (kind === 'side') return x === 'start' || x === 'end' ? x : warn(p, path, 'should be "start" or "end"');
  const type = typeof x;
  if (type !== 'string') {
    warn(p, path, 'should be a string');
    if (type !== 'number' && type !== 'boolean') return;
  }
  const s = String(x);
  if (required && !s.trim()) return warn(p, path, 'is empty');
  if (!s && kind === 'lang') return; // lang="" means "unknown": no language
  const test = TEXT[kind];
  return test ? (test[0](s) ?? warn(p, path, test[1])) : s;
}

/** An image; a missing `alt` (warned) becomes `""`: the image is then decorative. */
const IMAGE = {'src!': 'url', 'alt+': 'text', credit: 'text', width: 'size', height: 'size'};
const SOURCE = {
  'title!': 'text',
  'url+': 'url',
  publishedAt: 'date',
  points: ['text'],
  siteName: 'text',
  image: IMAGE,
};
const ITEM = {'text!': 'text', icon: 'text'};
const COMMENT = {'text!': 'text', name: 'text', persona: 'text', avatar: 'avatar', side: 'side'};
const TAKEAWAYS = {
  'items!': [(x: unknown, path: string, p: Problems) => check(typeof x === 'object' ? ITEM : 'text', x, path, p, true)],
  heading: 'text',
  icon: 'text',
};
const BLOCKS: Record<string, Kind> = {
  paragraph: {'text!': 'text'},
  source: SOURCE,
  commentary: {'paragraphs!': ['text'], name: 'text'},
  comment: COMMENT,
};

/** A block: its `type` picks its spec; an unknown type is skipped with a warning. */
const block: Check = (x, path, p) => {
  const type = (x as {type?: unknown})?.type;
  const kind = typeof type === 'string' && Object.hasOwn(BLOCKS, type) ? BLOCKS[type] : undefined;
  if (!kind) {
    return typeof x === 'object' && x && !Array.isArray(x)
      ? warn(p, at(path, 'type'), `unknown block type ${quote(type)}: skipped`)
      : warn(p, path, 'should be an object');
  }
  const value = check(kind, x, path, p);
  return value && mark({type, ...value}, kind);
};

/** The section ids met so far in the article being checked (`article` starts it afresh). */
let ids: Set<string>;

/**
 * A section. Its `id` names the `section-<id>` slot of `<digest-article>`, so it is unique: an id
 * of an earlier section is dropped (a warning). (`heading!` comes first: a section dropped for
 * want of a heading claims no id.)
 */
const SECTION = {
  'heading!': 'text',
  id: (x: unknown, path: string, p: Problems) => {
    const id = check('text', x, path, p) as string | undefined;
    if (id && ids.has(id)) return warn(p, path, 'repeats the id of an earlier section: dropped');
    if (id) ids.add(id);
    return id;
  },
  question: 'text',
  answer: 'text',
  'blocks*': [block],
};

const ARTICLE = {
  'title!': 'text',
  lang: 'lang',
  site: {'name!': 'text', url: 'url', logo: 'url'},
  lead: 'text',
  publishedAt: 'date',
  updatedAt: 'date',
  author: {'name!': 'text', url: 'url', avatar: 'url'},
  image: IMAGE,
  takeaways: TAKEAWAYS,
  intro: ['text'],
  'sections*': [SECTION],
  next: {'url+': 'url', label: 'text', teaser: 'text'},
};

/** An article: any `version` but 1 (or none) is an error; `1` is kept. */
const article: Check = (x, path, p) => {
  ids = new Set();
  const version = (x as {version?: unknown} | null)?.version;
  if (version != null && version !== 1) return warn(p, 'version', `unsupported version ${quote(version)}`);
  const value = check(ARTICLE, x, path, p);
  return value && version ? mark({version, ...value}, ARTICLE) : value;
};

/** How `validate*` reads its input. */
export interface ValidateOptions {
  /**
   * The problem for JSON text that does not parse, given the text (without its BOM) and the
   * parser's error: pass `jsonError` (same module) for its line and column. Left out, the
   * problem is `invalid JSON: <the parser's message>`: the browser bundles go without the code.
   */
  locate?: (text: string, error: unknown) => Problem;
}

/**
 * Runs a spec on JSON text or a value. When the value cannot be kept, the problem that stopped
 * it becomes the error.
 */
function run<T>(input: unknown, kind: Kind, spec: Kind, type?: string, {locate}: ValidateOptions = {}): Result<T> {
  if (checked.get(input as object) === spec) return {value: input as T, problems: []};
  const problems: Problems = [];
  let value: unknown;
  let text: string | undefined;
  try {
    let data = input;
    if (typeof input === 'string') {
      if (tooDeep(input)) throw new Error(`nested deeper than ${DEPTH} levels`);
      data = JSON.parse((text = input.replace(/^\uFEFF/, '')));
      text = undefined;
    }
    value = check(kind, data, '', problems);
  } catch (e) {
    // Anything may have been thrown (a getter of the data can throw a Symbol): described safely.
    const message = `${typeof input === 'string' ? 'invalid JSON' : 'unreadable data'}: ${describe(e)}`;
    return {problems: [(text != null && locate?.(text, e)) || {path: '', message, severity: 'error'}]};
  }
  if (!value) {
    const last = problems[problems.length - 1];
    last.severity = 'error';
    return {problems};
  }
  if (type) value = mark({type, ...value}, spec);
  return {value: value as T, problems};
}

/**
 * Checks an article (`<digest-article>`'s data). Like every `validate*`, its value is deeply
 * frozen (validated values are frozen: copy to edit) and is not checked again by the elements.
 */
export const validateArticle = (input: unknown, options?: ValidateOptions): Result<Article> =>
  run(input, article, ARTICLE, undefined, options);
/** Checks a source block (`<source-card>`'s data; `"type"` may be left out). */
export const validateSource = (input: unknown, options?: ValidateOptions): Result<SourceBlock> =>
  run(input, SOURCE, SOURCE, 'source', options);
/** Checks a comment block (`<reader-comment>`'s data; `"type"` may be left out). */
export const validateComment = (input: unknown, options?: ValidateOptions): Result<CommentBlock> =>
  run(input, COMMENT, COMMENT, 'comment', options);
/** Checks a takeaways list (`<takeaway-list>`'s data). */
export const validateTakeaways = (input: unknown, options?: ValidateOptions): Result<Takeaways> =>
  run(input, TAKEAWAYS, TAKEAWAYS, undefined, options);
