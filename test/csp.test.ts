/**
 * Strict host policies: the built bundle works on a page served with
 *
 *   Content-Security-Policy: default-src 'self'; script-src 'self'; style-src 'self';
 *     require-trusted-types-for 'script'; trusted-types lit-html
 *
 * (Lit's own policy is the only one a host should have to allow; the widgets create none) and
 * causes no violation report. The page, test/hosts/csp.html, gets that header from a middleware
 * in web-test-runner.config.js; it loads /dist/digest-elements.js (run `npm run build` first)
 * after test/hosts/csp-host.js, which records every `securitypolicyviolation` before anything
 * else runs. Browsers that do not enforce Trusted Types still must report nothing.
 */
import {expect} from '@open-wc/testing';
import type {Article, Block, CommentBlock, SourceBlock} from '../src/format/types.js';
import {loadJson, state, until} from './utils.js';

const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; require-trusted-types-for 'script'; trusted-types lit-html";

interface Violation {
  directive: string;
  blocked: string;
  sample: string;
  source: string;
}
type HostWindow = Window & {cspViolations: Violation[]; pageErrors: string[]; hostReady: Promise<void>};

/** Every element on the page: how it gets its data, and a text it must show. */
const ELEMENTS = [
  'article-src',
  'article-script',
  'article-data',
  'card-script',
  'card-data',
  'takeaways-script',
  'takeaways-data',
  'comment-script',
  'comment-data',
];

/** Text of the shadow trees under `el` (nested elements included). */
function shadowText(el: Element): string {
  let text = '';
  const visit = (root: ShadowRoot) => {
    text += root.textContent;
    root.querySelectorAll('*').forEach((e) => e.shadowRoot && visit(e.shadowRoot));
  };
  if (el.shadowRoot) visit(el.shadowRoot);
  return text;
}

describe('strict host policies: CSP and Trusted Types', () => {
  let frame: HTMLIFrameElement;
  let win: HostWindow;
  let doc: Document;
  let seed: Article;
  const violations = () => JSON.stringify(win.cspViolations, null, 1);

  before(async function () {
    this.timeout(60_000);
    seed = await loadJson<Article>('seed.json');
    frame = document.createElement('iframe');
    frame.style.cssText = 'width: 900px; height: 700px; border: 0';
    const loaded = new Promise((r) => frame.addEventListener('load', r, {once: true}));
    frame.src = '/test/hosts/csp.html';
    document.body.append(frame);
    await loaded;
    win = frame.contentWindow as HostWindow;
    doc = frame.contentDocument!;
    await win.hostReady;
    const done = (id: string) => {
      const el = doc.getElementById(id);
      return !!el && state(el) === 'shown' && [...el.shadowRoot!.querySelectorAll('source-card, takeaway-list, reader-comment')].every((n) => state(n) === 'shown');
    };
    await until(() => ELEMENTS.every(done), 'every element to render', 30_000);
    await new Promise((r) => setTimeout(r, 300)); // late reports (they are queued as tasks)
  });

  after(() => frame.remove());

  it('is served with the strict policy', async () => {
    const r = await fetch('/test/hosts/csp.html');
    expect(r.headers.get('content-security-policy')).to.equal(CSP);
    expect(typeof win.cspViolations).to.equal('object');
    expect(!!win.customElements.get('digest-article'), 'the bundle ran under script-src self').to.be.true;
  });

  it('renders every element, from the data attribute, a child JSON script and src', () => {
    const blocks = seed.sections.flatMap((s) => s.blocks as Block[]);
    const sources = blocks.filter((b): b is SourceBlock => b.type === 'source');
    const comments = blocks.filter((b): b is CommentBlock => b.type === 'comment');
    const expected: Record<string, string> = {
      'article-src': seed.title,
      'article-script': seed.title,
      'article-data': seed.next!.teaser!,
      'card-script': sources[1].title,
      'card-data': sources[0].title,
      'takeaways-script': (seed.takeaways!.items[2] as {text: string}).text,
      'takeaways-data': (seed.takeaways!.items[0] as {text: string}).text,
      'comment-script': comments[1].text,
      'comment-data': comments[0].text,
    };
    for (const id of ELEMENTS) {
      const el = doc.getElementById(id)!;
      expect(state(el), id).to.equal('shown');
      expect(shadowText(el).includes(expected[id]), `${id} shows "${expected[id].slice(0, 20)}…"`).to.be.true;
    }
    const article = doc.getElementById('article-data')!;
    expect(article.shadowRoot!.querySelectorAll('source-card').length).to.equal(sources.length);
    // styles applied (constructable stylesheets are not blocked by style-src)
    const title = article.shadowRoot!.querySelector('[part=title]')!;
    expect(win.getComputedStyle(title).fontWeight).to.be.oneOf(['700', 'bold']);
  });

  it('reports no CSP or Trusted Types violation, and no page error', () => {
    expect(violations()).to.equal('[]');
    expect(JSON.stringify(win.pageErrors)).to.equal('[]');
  });

  // Last: it adds violations on purpose.
  it('enforces the policy (a positive control for the listener)', async () => {
    doc.body.setAttribute('style', 'outline: 1px solid red'); // an inline style: refused by style-src 'self'
    await until(() => win.cspViolations.some((v) => v.directive.startsWith('style-src')), 'a style-src violation');
    const tt = (win as unknown as {trustedTypes?: unknown}).trustedTypes;
    if (tt) {
      let refused = false;
      try {
        doc.createElement('div').innerHTML = '<b>x</b>'; // a string to an HTML sink
      } catch {
        refused = true;
      }
      expect(refused, 'Trusted Types enforced for innerHTML').to.be.true;
    }
  });
});
