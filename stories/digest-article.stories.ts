import type {Meta, StoryObj} from '@storybook/web-components-vite';
// The composed-by-hand story needs composition (the slot check too): digest-elements/compose.
import '../src/define-with-compose.js';
import type {Article} from '../src/format/types.js';
import {
  componentDocs,
  enArticle,
  FORTY_POINTS,
  jsonScript,
  LONG_TITLE,
  LONG_TITLE_JA,
  LONG_URL,
  MISSING_IMG,
  MISSING_IMG_ERROR,
  never,
  NOT_AN_IMAGE,
  renderElement,
  repeatTo,
  seed,
  stubFetch,
} from './fixtures.js';

/**
 * `<digest-article>`: the whole article. Stories that render an error state declare the one
 * console line the element logs for it (`expectConsoleErrors`), and stories with dropped values
 * the warnings (`expectConsoleWarnings`); the smoke test (scripts/storybook-smoke.js) fails on
 * any other console error or warning from the elements.
 */
const meta: Meta = {
  title: 'Elements/digest-article',
  component: 'digest-article',
  render: (args, context) => renderElement(args, context),
  parameters: {
    docs: {
      description: {
        component: componentDocs('digest-article', '<digest-article src="/articles/rare-earths.json"></digest-article>'),
      },
    },
  },
};
export default meta;
type Story = StoryObj;

const article = (a: Partial<Article> & Record<string, unknown>) => a as Article;

/** The Japanese seed article, whole: every part of the format in reading order. */
export const Seed: Story = {args: {data: seed}};

/** An English article with every field, images and both kinds of avatar included. */
export const English: Story = {args: {data: enArticle}};

/** A title and one short section. */
export const Minimal: Story = {
  args: {
    data: article({
      title: 'Heat pumps, briefly',
      sections: [{heading: 'In short', blocks: [{type: 'paragraph', text: 'Sales fell in 2024; installers expect a slow recovery.'}]}],
    }),
  },
};

/** Only the required `title`: no lang (the page's language applies), no sections, no site. */
export const OnlyRequiredFields: Story = {args: {data: article({title: 'Only a title'})}};

/** A 300-character title, a long lead, a 40-point source, unbroken URLs and long names. */
export const LongText: Story = {
  args: {
    data: article({
      lang: 'en',
      site: {name: repeatTo('Harbor Light Weekly — the longest site name anyone ever chose ', 120), url: 'https://example.com/'},
      title: LONG_TITLE,
      lead: repeatTo('A lead paragraph that goes on and on, far longer than any editor would allow. ', 900),
      author: {name: repeatTo('Maren Okafor-Wolstenholme-Featherstonehaugh ', 90)},
      publishedAt: '2025-03-14',
      updatedAt: '2025-03-15T18:05:00+01:00',
      takeaways: {heading: LONG_TITLE, items: [LONG_TITLE, LONG_URL]},
      intro: [`See ${LONG_URL} for the data.`],
      sections: [
        {
          heading: LONG_TITLE,
          question: LONG_TITLE,
          answer: repeatTo('An answer that does not stop. ', 300),
          blocks: [
            {type: 'paragraph', text: repeatTo('Pneumonoultramicroscopicsilicovolcanoconiosis', 200)},
            {type: 'source', title: LONG_TITLE, url: LONG_URL, publishedAt: '2025-02-20', points: FORTY_POINTS, siteName: LONG_TITLE},
            {type: 'commentary', name: LONG_TITLE, paragraphs: [repeatTo('Commentary without end. ', 600)]},
            {type: 'comment', text: repeatTo('A reader who has a lot to say. ', 600), name: LONG_TITLE, persona: LONG_TITLE, avatar: '🧑‍💼', side: 'end'},
          ],
        },
      ],
      next: {url: LONG_URL, label: LONG_TITLE, teaser: repeatTo('And the next page will be even longer. ', 400)},
    }),
  },
};

/** Japanese with Latin words, numbers and product names mixed in; an English source and comment inside. */
export const CjkAndLatin: Story = {
  args: {
    data: article({
      lang: 'ja',
      site: {name: 'Chrysanthemum Digest 菊ダイジェスト'},
      title: 'NVIDIA と TSMC、AI 半導体の覇権争い:2nm プロセスと HBM4 の行方を Q&A で解説',
      lead: LONG_TITLE_JA,
      publishedAt: '2025-07-05',
      takeaways: {items: ['AI ブームと GPU 需要の関係が分かります。', 'Why HBM memory is the bottleneck (English item).']},
      sections: [
        {
          heading: '半導体サプライチェーンと US-China 対立',
          question: 'EUV 露光装置の輸出規制 (export controls) は何を変える?',
          answer: '先端ノードの量産は 2027 年以降にずれ込む可能性。',
          blocks: [
            {type: 'paragraph', text: '台湾の TSMC は、Arizona 工場で 4nm の量産を開始しました。全角英数字ＡＢＣ１２３と半角 ABC123 が混ざります。'},
            {
              type: 'source',
              title: 'TSMC starts 4nm production in Arizona, ahead of schedule',
              url: 'https://example.com/news/tsmc-arizona',
              publishedAt: '2025-01-10',
              points: ['Yields are said to match those in Taiwan.', '日本語の要点も混在します。'],
              siteName: 'Example Tech News',
            },
            {type: 'comment', text: 'Interesting — but who will pay for the fabs? 結局コストは消費者に?', name: 'Sam', persona: 'Engineer / エンジニア', avatar: '👨‍💻'},
          ],
        },
      ],
    }),
  },
};

/** The article image, site logo, author avatar and a card thumbnail all answer 404. */
export const MissingImages: Story = {
  args: {
    data: article({
      ...enArticle,
      site: {...enArticle.site!, logo: MISSING_IMG},
      author: {...enArticle.author!, avatar: MISSING_IMG},
      image: {src: MISSING_IMG, alt: 'An outdoor heat-pump unit (the file is missing)', credit: 'Illustration: missing'},
      sections: enArticle.sections.slice(0, 1).map((s) => ({
        ...s,
        blocks: s.blocks.map((b) => (b.type === 'source' ? {...b, image: {src: MISSING_IMG, alt: 'A chart (missing)'}} : b)),
      })),
    }),
  },
  parameters: {expectConsoleErrors: [MISSING_IMG_ERROR]},
};

/** The images answer, but with something that is not an image. */
export const BrokenImages: Story = {
  args: {
    data: article({
      ...enArticle,
      site: {...enArticle.site!, logo: NOT_AN_IMAGE},
      author: {...enArticle.author!, avatar: NOT_AN_IMAGE},
      image: {src: NOT_AN_IMAGE, alt: 'An outdoor heat-pump unit (the file is not an image)'},
      sections: enArticle.sections.slice(0, 1).map((s) => ({
        ...s,
        blocks: s.blocks.map((b) => (b.type === 'source' ? {...b, image: {src: NOT_AN_IMAGE, alt: 'A chart (broken)'}} : b)),
      })),
    }),
  },
};

/** `data` is JSON text that does not parse: the error state. */
export const ErrorInvalidJson: Story = {
  args: {data: '{"title": "Unclosed'},
  parameters: {expectConsoleErrors: [/^<digest-article> invalid JSON: /]},
};

/** No `title`: the error state (readers see one sentence; the console line and `digest-error` name the path). */
export const ErrorMissingTitle: Story = {
  args: {data: {lang: 'en', lead: 'A lead without a title.', sections: []}},
  parameters: {expectConsoleErrors: ['<digest-article> title: is required']},
};

/** `version` 2 is not supported by this version of the elements. */
export const ErrorUnsupportedVersion: Story = {
  args: {data: {version: 2, title: 'From the future', sections: []}},
  parameters: {expectConsoleErrors: ['<digest-article> version: unsupported version 2']},
};

/** `src` is not an http(s) URL: the error state (nothing is fetched). */
export const ErrorBadSrcUrl: Story = {
  args: {src: 'javascript:alert(1)'},
  parameters: {expectConsoleErrors: ['<digest-article> src: is not an http(s) URL']},
};

/** Fetching `src` fails (HTTP 503): the error state with a retry button. */
export const ErrorSrcFailed: Story = {
  args: {src: 'stub/answers-503.json'},
  beforeEach: () => stubFetch('stub/answers-503.json', async () => new Response('Service Unavailable', {status: 503})),
  parameters: {expectConsoleErrors: ['<digest-article> src: could not be loaded (HTTP 503)']},
};

/**
 * Bad URLs inside good structure: each is dropped (no link, no image), `digest-warning` names
 * it, and the rest renders.
 */
export const BadUrls: Story = {
  args: {
    data: article({
      lang: 'en',
      site: {name: 'Harbor Light Weekly', url: 'javascript:alert(1)', logo: 'data:image/svg+xml,<svg/>'},
      title: 'Links that must not become links',
      author: {name: 'Maren Okafor', url: 'vbscript:msgbox(1)'},
      image: {src: 'file:///etc/passwd', alt: 'Never shown'},
      sections: [
        {
          heading: 'A source with a bad URL',
          blocks: [
            {type: 'source', title: 'The title stays, without a link', url: ' java\tscript:alert(1)', points: ['The card still renders.']},
            {type: 'comment', text: 'My avatar URL was refused.', avatar: 'ftp://example.com/me.png'},
          ],
        },
      ],
      next: {url: 'mailto:editor@example.com', label: 'Never a link'},
    }),
  },
  parameters: {
    // One console line per element and input, summing up (every problem is still its own event).
    expectConsoleWarnings: [
      '<digest-article> 7 problems: site.url: is not an http(s) URL; site.logo: is not an http(s) URL; author.url: is not an http(s) URL; … (+4 more)',
    ],
  },
};

/**
 * The loading state of `src`: this story answers `fetch(src)` with a promise that never
 * settles (the stub is removed when the story changes).
 */
export const LoadingSrc: Story = {
  args: {src: 'stub/never-answers.json'},
  beforeEach: () => stubFetch('stub/never-answers.json', never),
  parameters: {expectLoading: true},
};

/** `src` fetched: the seed article's JSON file. */
export const FromSrc: Story = {args: {src: 'fixtures/seed.json'}};

/** The data in a child `<script type="application/json">`, as a CMS can emit it. */
export const FromChildScript: Story = {
  render: (args, context) => renderElement(args, context, jsonScript(seed)),
  parameters: {
    docs: {
      source: {
        code: `<digest-article>\n  <script type="application/json">{"lang": "ja", "title": "米中レアアース争奪戦の行方?…", "sections": […]}</script>\n</digest-article>`,
      },
    },
  },
};

/**
 * The public theming API: `--digest-*` custom properties set on the element. Colours given as
 * `light-dark()` pairs keep working in both colour schemes.
 */
export const CustomTheme: Story = {
  args: {
    data: enArticle,
    '--digest-accent': 'light-dark(#8a1c4a, #f2a7c3)',
    '--digest-surface': 'light-dark(#fbf3e4, #2b241b)',
    '--digest-border': 'light-dark(#d9c6a5, #5c4b33)',
    '--digest-radius': '2px',
    '--digest-font': 'Georgia, serif',
    '--digest-heading-font': 'Georgia, serif',
    '--digest-font-size': '18px',
  },
};

/** `heading-level="1"`: the title is the page's `<h1>`; sections and cards follow. */
export const HeadingLevel1: Story = {args: {data: seed, headingLevel: 1}};

/**
 * Example theme, quiet editorial: serif type, no tinted boxes, hairline rules, square corners.
 * Set once on `:root` (or any ancestor) for every element on the page.
 */
export const ThemeEditorial: Story = {
  args: {
    data: seed,
    '--digest-font': "Georgia, 'Noto Serif JP', 'Hiragino Mincho ProN', 'Yu Mincho', serif",
    '--digest-heading-font': "Georgia, 'Noto Serif JP', 'Hiragino Mincho ProN', 'Yu Mincho', serif",
    '--digest-accent': 'light-dark(#3d3d3d, #d6d6d6)',
    '--digest-surface': 'transparent',
    '--digest-border': 'light-dark(#e2ded6, #3a3732)',
    '--digest-radius': '0px',
    '--digest-line-height': '1.9',
  },
};

/** Example theme, bold: strong accent, tinted boxes, heavy headings, round corners, more air. */
export const ThemeBold: Story = {
  args: {
    data: enArticle,
    '--digest-accent': 'light-dark(#ad1457, #ff80ab)',
    '--digest-surface': 'light-dark(#fff3c4, #3a2f00)',
    '--digest-border': 'light-dark(#1f1f1f, #f5f5f5)',
    '--digest-radius': '20px',
    '--digest-heading-font': "'Arial Black', Impact, system-ui, sans-serif",
    '--digest-space': '1.25em',
  },
};

/**
 * Composed by hand, as a CMS template writes it without JSON: slots for the title, lead and
 * takeaways, then body children in reading order; the small elements take per-field attributes,
 * `<li>` points and items, and the comment's text as content. Load `digest-elements.compose.js`
 * (or `import 'digest-elements/compose'`) for this: the slim `digest-elements.js` leaves it out.
 */
export const ComposedByHand: Story = {
  render: (args, context) =>
    renderElement(
      args,
      context,
      `<h2 slot="title">Heat pumps stalled in 2024</h2>
<p slot="lead">After three record years, heat-pump sales across Europe fell sharply.</p>
<takeaway-list slot="takeaways" heading="In this digest"><li>Why sales dropped.</li><li>What could restart them.</li></takeaway-list>
<p>Industry associations report that unit sales fell by about a fifth.</p>
<source-card headline="Heat-pump sales slump as households wait for clearer rules" url="https://example.org/news/heat-pumps" published-at="2025-02-20" site-name="Example Energy News"><li>Sales fell in 14 of 21 countries.</li><li>Analysts expect a partial recovery.</li></source-card>
<reader-comment name="Tomasz" persona="Homeowner" avatar="🏠">We put one in last spring and our winter bills went down.</reader-comment>
<reader-comment name="Aoife" avatar="🔧" side="end">Installers need clearer rules more than new subsidies.</reader-comment>
<p slot="footer">Compiled by the editors.</p>`,
    ),
};
