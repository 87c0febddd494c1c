import type {Meta, StoryObj} from '@storybook/web-components-vite';
// The composed-from-attributes story needs composition: digest-elements/compose.
import '../src/define-with-compose.js';
import {
  componentDocs,
  enSources,
  FORTY_POINTS,
  IMG,
  LONG_TITLE,
  LONG_URL,
  MISSING_IMG,
  MISSING_IMG_ERROR,
  NOT_AN_IMAGE,
  renderElement,
  seedSources,
} from './fixtures.js';

/** `<source-card>`: a cited source. See digest-article.stories.ts for the `expect*` parameters. */
const meta: Meta = {
  title: 'Elements/source-card',
  component: 'source-card',
  render: (args, context) => renderElement(args, context),
  parameters: {
    docs: {
      description: {
        component: componentDocs(
          'source-card',
          `<source-card data='{"title": "Heat-pump sales slump", "url": "https://example.org/news/heat-pumps", "publishedAt": "2025-02-20", "points": ["Sales fell in 14 of 21 countries."]}'></source-card>`,
        ),
      },
    },
  },
};
export default meta;
type Story = StoryObj;

/** The seed's first card (レコードチャイナ), on a Japanese page. */
export const SeedRecordChina: Story = {args: {data: seedSources[0]}, globals: {lang: 'ja'}};

/** The seed's second card (毎日新聞), on a Japanese page. */
export const SeedMainichi: Story = {args: {data: seedSources[1]}, globals: {lang: 'ja'}};

/** An English card with a thumbnail. */
export const EnglishWithImage: Story = {args: {data: enSources[0]}};

/** A title, a URL and one point. */
export const Minimal: Story = {
  args: {data: {title: 'Heat-pump sales slump', url: 'https://example.org/news/heat-pumps', points: ['Sales fell in 14 of 21 countries.']}},
};

/** Only the required `title` and `url`: no date, points, site name or image. */
export const OnlyRequiredFields: Story = {args: {data: {title: 'Heat-pump sales slump', url: 'https://example.org/news/heat-pumps'}}};

/** A 300-character title, 40 points, an unbroken URL and a long site name. */
export const LongText: Story = {
  args: {
    data: {title: LONG_TITLE, url: LONG_URL, publishedAt: '2025-02-20', points: FORTY_POINTS, siteName: LONG_TITLE, image: {src: IMG, alt: 'Placeholder'}},
  },
};

/** Japanese and Latin text mixed, on a Japanese page. */
export const CjkAndLatin: Story = {
  args: {
    data: {
      title: 'TSMC、Arizona 工場で 4nm 量産開始 — AI 向け GPU 需要に対応(Example Tech News)',
      url: 'https://example.com/news/tsmc-arizona',
      publishedAt: '2025-01-10',
      points: ['歩留まりは台湾と同水準 (yields match Taiwan)。', 'Export controls on EUV tools remain in place.', '全角ＡＢＣ１２３と半角 ABC123。'],
      siteName: 'Example Tech News 日本版',
    },
  },
  globals: {lang: 'ja'},
};

/** The thumbnail answers 404: its box stays, empty. */
export const MissingImage: Story = {
  args: {data: {...enSources[0], image: {src: MISSING_IMG, alt: 'A chart (missing)'}}},
  parameters: {expectConsoleErrors: [MISSING_IMG_ERROR]},
};

/** The thumbnail answers with something that is not an image. */
export const BrokenImage: Story = {args: {data: {...enSources[0], image: {src: NOT_AN_IMAGE, alt: 'A chart (broken)'}}}};

/** `data` given as JSON text (the attribute form). */
export const DataAsJsonText: Story = {args: {data: JSON.stringify(enSources[1])}};

/** `data` is JSON text that does not parse: the error state. */
export const ErrorInvalidJson: Story = {
  args: {data: "{title: 'not JSON'}"},
  parameters: {expectConsoleErrors: [/^<source-card> invalid JSON: /]},
};

/** No `title`: the error state. */
export const ErrorMissingTitle: Story = {
  args: {data: {url: 'https://example.org/news/heat-pumps', points: ['A point without a title.']}},
  parameters: {expectConsoleErrors: ['<source-card> title: is required']},
};

/** A `javascript:` URL: dropped (a warning); the card shows its title without a link. */
export const BadUrl: Story = {
  args: {data: {title: 'The title stays, without a link', url: 'javascript:alert(document.domain)', points: ['No read-more link, no credit line.']}},
  parameters: {expectConsoleWarnings: ['<source-card> url: is not an http(s) URL']},
};

/**
 * Composed by hand, without JSON: `headline`, `url`, `published-at` and `site-name` attributes and
 * `<li>` points (the controls edit the attributes). Not `title`: that stays the host's own tooltip.
 * Load `digest-elements.compose.js` (or `import 'digest-elements/compose'`) for this.
 */
export const ComposedFromAttributes: Story = {
  args: {
    headline: 'Heat-pump sales slump as households wait for clearer rules',
    url: 'https://example.org/news/heat-pumps',
    'published-at': '2025-02-20',
    'site-name': 'Example Energy News',
  },
  render: (args, context) =>
    renderElement(args, context, '<li>Sales fell in 14 of 21 countries.</li><li>Analysts expect a partial recovery.</li>'),
};
