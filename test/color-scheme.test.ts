/**
 * The colour matrix: the reader's preference (light, dark) × the page's own colour scheme (none,
 * light, dark, light dark) × the elements' `color-scheme` attribute (auto, light, dark), on the
 * seed article. In every combination axe's `color-contrast` rule finds nothing, measured against
 * what the reader sees: the page paints its canvas (`Canvas`, the colour a browser gives a page of
 * that scheme) wherever the elements paint no background of their own.
 *
 * One page (an iframe) per reader preference × page scheme, holding the three attribute values.
 * The reader's preference is emulated the way browsers scope it: a frame's
 * `prefers-color-scheme` follows the `color-scheme` of its `<iframe>` element (Chromium, Firefox).
 * WebKit keeps the system's there, so it runs the light half only.
 */
import {expect} from '@open-wc/testing';
import {loadJson} from './utils.js';

type AxeResults = {violations: {id: string; nodes: {target: unknown[]; failureSummary?: string}[]}[]; passes: {nodes: unknown[]}[]};
type FrameWin = Window & {axe: {run: (ctx: unknown, opts: unknown) => Promise<AxeResults>}};

const PAGES: Record<string, string> = {
  none: '',
  light: '<meta name="color-scheme" content="light">',
  dark: '<style>:root { color-scheme: dark }</style>',
  'light dark': '<meta name="color-scheme" content="light dark">',
};
const ATTRS = ['auto', 'light', 'dark'];

function pageHtml(scheme: string): string {
  return `<!doctype html><html lang="ja"><head><meta charset="utf-8"><link rel="icon" href="data:,">
    ${PAGES[scheme]}
    <style>
      html { background: Canvas; color: CanvasText; }
      /* every card and comment rendered, so that axe sees them (they skip rendering off-screen) */
      source-card, reader-comment, digest-article::part(source), digest-article::part(comment) {
        content-visibility: visible !important;
      }
    </style>
    <script src="/node_modules/axe-core/axe.min.js"></script>
    <script type="module" src="/src/define.ts"></script>
  </head><body>${ATTRS.map((a) => `<digest-article color-scheme="${a}"></digest-article>`).join('')}</body></html>`;
}

async function openPage(os: string, scheme: string) {
  const frame = document.createElement('iframe');
  frame.style.cssText = `position:fixed;left:0;top:0;width:800px;height:600px;border:0;color-scheme:${os}`;
  const loaded = new Promise((r) => frame.addEventListener('load', r, {once: true}));
  frame.srcdoc = pageHtml(scheme);
  document.body.append(frame);
  await loaded;
  const win = frame.contentWindow as FrameWin;
  await win.customElements.whenDefined('digest-article');
  return {frame, win};
}

describe('colour scheme: readable in every combination of reader, page and attribute', function () {
  this.timeout(120000);
  let seed: Record<string, unknown>;
  before(async () => {
    seed = await loadJson('seed.json');
  });

  for (const os of ['light', 'dark']) {
    for (const scheme of Object.keys(PAGES)) {
      it(`reader ${os}, page ${scheme === 'none' ? 'declaring nothing' : `"${scheme}"`}: no color-contrast violation (auto, light, dark)`, async function () {
        const {frame, win} = await openPage(os, scheme);
        try {
          if (win.matchMedia('(prefers-color-scheme: dark)').matches !== (os === 'dark')) {
            expect(os, 'only the dark preference cannot be emulated').to.equal('dark');
            this.skip(); // WebKit: a frame keeps the system's preference
          }
          const els = [...win.document.querySelectorAll('digest-article')] as (HTMLElement & {data: unknown; updateComplete: Promise<unknown>})[];
          await Promise.all(
            els.map((el) => {
              const loaded = new Promise((r) => el.addEventListener('digest-load', r, {once: true}));
              el.data = seed;
              return loaded;
            }),
          );
          // nested elements render in their own updates
          for (let i = 0; i < 3; i++) {
            const all = els.flatMap((el) => [el, ...el.shadowRoot!.querySelectorAll('source-card, takeaway-list, reader-comment')]);
            await Promise.all(all.map((e) => (e as unknown as {updateComplete: Promise<unknown>}).updateComplete));
          }
          await win.document.fonts.ready;
          const results = await win.axe.run(win.document.body, {runOnly: {type: 'rule', values: ['color-contrast']}});
          const found = results.violations.flatMap((v) => v.nodes.map((n) => `${JSON.stringify(n.target)}: ${n.failureSummary}`));
          expect(found, found.slice(0, 5).join('\n')).to.deep.equal([]);
          const checked = results.passes.reduce((n, p) => n + p.nodes.length, 0);
          expect(checked, 'text was checked').to.be.greaterThan(100);
        } finally {
          frame.remove();
        }
      });
    }
  }

  it('takes the page\'s scheme by default, and paints its own canvas only for a scheme of its own', async () => {
    const {frame, win} = await openPage('light', 'dark');
    try {
      const [auto, light, dark] = [...win.document.querySelectorAll('digest-article')] as HTMLElement[];
      for (const el of [auto, light, dark]) (el as unknown as {data: unknown}).data = {title: 'T', sections: []};
      await Promise.all([auto, light, dark].map((el) => (el as unknown as {updateComplete: Promise<unknown>}).updateComplete));
      const cs = (el: Element) => win.getComputedStyle(el);
      const text = (el: HTMLElement) => cs(el.shadowRoot!.querySelector('[part=title]')!).color;
      expect(cs(auto).colorScheme, 'the page\'s').to.equal('dark');
      expect(cs(auto).backgroundColor).to.equal('rgba(0, 0, 0, 0)');
      expect(text(auto)).to.equal(text(dark));
      expect(cs(light).colorScheme).to.equal('light');
      expect(cs(light).backgroundColor).to.equal('rgb(255, 255, 255)');
      expect(text(light)).to.not.equal(text(dark));
      expect(cs(dark).backgroundColor).to.not.equal('rgba(0, 0, 0, 0)');
      // its own canvas keeps the text off its edge; the page's scheme needs no padding
      expect([light, dark].map((el) => cs(el).padding)).to.deep.equal(['16px', '16px']);
      expect(cs(auto).padding).to.equal('0px');
      // page-wide, through the custom property: also its own canvas
      win.document.body.style.setProperty('--digest-color-scheme', 'light');
      expect(cs(auto).colorScheme).to.equal('light');
      expect(cs(auto).backgroundColor).to.equal('rgb(255, 255, 255)');
    } finally {
      frame.remove();
    }
  });
});
