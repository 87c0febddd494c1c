/**
 * The floor's stylesheet: the elements' own CSS (from the build in dist/), with each element's
 * shadow-root scoping turned into CSS `@scope`, so that static HTML with the same tags gets the
 * same look without shadow DOM:
 *
 *   shadow root of <source-card>  →  @scope (.source-card) to (<the other hosts>) { … }
 *   :host / :host(X)              →  :scope / :scope:is(X)
 *   a rule of <digest-article> that styles a child host (`source-card {margin: 0}`)
 *                                 →  `.digest-article .source-card {margin: 0}`, outside the scopes
 *                                     (in shadow DOM the outer rule wins over `:host`; here the
 *                                     higher specificity does)
 *
 * The lower boundary keeps an element's rules out of the hosts nested in it, as a shadow root
 * does. `content-visibility` and `contain-intrinsic-*` are dropped: the floor is plain static
 * HTML, which is what the elements must beat by skipping off-screen work.
 */
const TAGS = ['digest-article', 'source-card', 'takeaway-list', 'reader-comment'];

/** Top-level `prelude { body }` blocks of a minified stylesheet. */
function blocks(css) {
  const out = [];
  let depth = 0;
  let start = 0;
  let open = -1;
  let quote = '';
  for (let i = 0; i < css.length; i++) {
    const c = css[i];
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = '';
      continue;
    }
    if (c === '"' || c === "'") quote = c;
    else if (c === '{') {
      if (depth++ === 0) open = i;
    } else if (c === '}') {
      if (--depth === 0) {
        out.push({prelude: css.slice(start, open).trim(), body: css.slice(open + 1, i)});
        start = i + 1;
      }
    }
  }
  return out;
}

/** Splits a selector list at top-level commas. */
function selectors(list) {
  const out = [];
  let depth = 0;
  let cur = '';
  for (const c of list) {
    if (c === '(' || c === '[') depth++;
    else if (c === ')' || c === ']') depth--;
    if (c === ',' && depth === 0) {
      out.push(cur.trim());
      cur = '';
    } else cur += c;
  }
  if (cur.trim()) out.push(cur.trim());
  return out;
}

const dropDecl = (body) =>
  body
    .split(';')
    .filter((d) => !/^\s*(content-visibility|contain-intrinsic-[\w-]+)\s*:/.test(d))
    .join(';');

const hostSel = (s) => s.replace(/:host\(([^)]*(?:\([^)]*\))?[^)]*)\)/g, ':scope:is($1)').replace(/:host\b/g, ':scope');
const tagRe = new RegExp(`(^|[\\s>+~,(])(${TAGS.join('|')})(?![\\w-])`, 'g');

/** One element's CSS texts (base + own) → its part of the floor stylesheet. */
function scoped(tag, cssTexts) {
  const inner = [];
  const outer = [];
  const walk = (css, into, wrap) => {
    for (const {prelude, body} of blocks(css)) {
      if (prelude.startsWith('@')) {
        const nestedInner = [];
        const nestedOuter = [];
        walk(body, nestedInner, (sel, b) => nestedOuter.push(`${sel}{${b}}`));
        if (nestedInner.length) into.push(`${prelude}{${nestedInner.join('')}}`);
        if (nestedOuter.length) outer.push(`${prelude}{${nestedOuter.join('')}}`);
        continue;
      }
      const b = dropDecl(body);
      if (!b.replace(/;/g, '').trim()) continue;
      const sels = selectors(prelude);
      const hosts = sels.filter((s) => new RegExp(`^(${TAGS.join('|')})$`).test(s));
      const rest = sels.filter((s) => !hosts.includes(s));
      if (hosts.length) wrap(hosts.map((s) => `.${tag} .${s}`).join(','), b);
      if (rest.length) into.push(`${rest.map((s) => hostSel(s).replace(tagRe, '$1.$2')).join(',')}{${b}}`);
    }
  };
  for (const css of cssTexts) walk(css, inner, (sel, b) => outer.push(`${sel}{${b}}`));
  const limit = TAGS.map((t) => `.${t}`).join(',');
  return `@scope (.${tag}) to (${limit}){${inner.join('')}}\n${outer.join('\n')}`;
}

/** The floor stylesheet, built from dist/ (run `npm run build` first). */
export async function floorCss(root) {
  const {base} = await import(new URL('dist/shared/styles.js', root).href);
  const parts = [];
  for (const tag of TAGS) {
    const {styles} = await import(new URL(`dist/${tag}/${tag}.styles.js`, root).href);
    parts.push(scoped(tag, [base.cssText, styles.cssText]));
  }
  return parts.join('\n');
}
