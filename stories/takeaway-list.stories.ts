import type {Meta, StoryObj} from '@storybook/web-components-vite';
import {componentDocs, enTakeaways, FORTY_POINTS, LONG_TITLE, LONG_TITLE_JA, renderElement, seedTakeaways} from './fixtures.js';

/** `<takeaway-list>`: what the reader will learn. See digest-article.stories.ts for `expect*`. */
const meta: Meta = {
  title: 'Elements/takeaway-list',
  component: 'takeaway-list',
  render: (args, context) => renderElement(args, context),
  parameters: {
    docs: {
      description: {
        component: componentDocs(
          'takeaway-list',
          `<takeaway-list data='{"items": ["Why sales dropped.", {"text": "How grants shape decisions.", "icon": "💶"}]}'></takeaway-list>`,
        ),
      },
    },
  },
};
export default meta;
type Story = StoryObj;

/** The seed's list: 📘 この記事で分かる事! and three 💡 items, on a Japanese page. */
export const Seed: Story = {args: {data: seedTakeaways}, globals: {lang: 'ja'}};

/** English: a custom heading and icon, plain-string items and an item with its own icon. */
export const English: Story = {args: {data: enTakeaways}};

/** One item. */
export const Minimal: Story = {args: {data: {items: ['Why heat-pump sales dropped in 2024.']}}};

/**
 * Only the required `items`: the default heading and icons, in the page's language (switch the
 * Language toolbar).
 */
export const OnlyRequiredFields: Story = {
  args: {data: {items: ['Why sales dropped.', 'How subsidies shape a decision.', 'What could restart the market.']}},
};

/** Empty icons: no heading icon, no item icons. */
export const NoIcons: Story = {
  args: {data: {heading: 'Without icons', icon: '', items: [{text: 'No icon here.', icon: ''}, {text: 'Nor here.', icon: ''}]}},
};

/** A 300-character heading and item, an unbroken word, and 40 items. */
export const LongText: Story = {
  args: {data: {heading: LONG_TITLE, items: [LONG_TITLE, 'x'.repeat(300), ...FORTY_POINTS]}},
};

/** Japanese and Latin mixed, with a 300-character Japanese item, on a Japanese page. */
export const CjkAndLatin: Story = {
  args: {
    data: {
      items: ['AI ブームと GPU 需要の関係が分かります。', {text: 'Why HBM memory is the bottleneck.', icon: '🧠'}, LONG_TITLE_JA],
    },
  },
  globals: {lang: 'ja'},
};

/** Emoji of every shape as icons: ZWJ sequences, flags, skin tones, keycaps. */
export const EmojiIcons: Story = {
  args: {
    data: {
      heading: 'Emoji icons',
      icon: '🇯🇵',
      items: [
        {text: 'A ZWJ sequence.', icon: '👩‍🔬'},
        {text: 'A skin tone.', icon: '👍🏽'},
        {text: 'A keycap.', icon: '1️⃣'},
        {text: 'A flag.', icon: '🇪🇺'},
      ],
    },
  },
};

/** `data` is JSON text that does not parse: the error state. */
export const ErrorInvalidJson: Story = {
  args: {data: '{"items": ["unterminated]}'},
  parameters: {expectConsoleErrors: [/^<takeaway-list> invalid JSON: /]},
};

/** No `items`: the error state. */
export const ErrorMissingItems: Story = {
  args: {data: {heading: 'A heading without items'}},
  parameters: {expectConsoleErrors: ['<takeaway-list> items: is required']},
};

/** Bad items, each with a warning: a number is shown as its text, the others are dropped. */
export const BadItems: Story = {
  args: {data: {items: ['A good item.', 42, {icon: '💡'}, null, {text: 'Another good item.'}]}},
  parameters: {
    // One console line per element and input, summing up (every problem is still its own event).
    expectConsoleWarnings: ['<takeaway-list> 3 problems: items[1]: should be a string; items[2].text: is required; items[3]: is required'],
  },
};
