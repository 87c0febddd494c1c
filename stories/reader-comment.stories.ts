import type {Meta, StoryObj} from '@storybook/web-components-vite';
import {html} from 'lit';
import {AVATAR, componentDocs, enComments, LONG_TITLE, LONG_TITLE_JA, MISSING_IMG, MISSING_IMG_ERROR, NOT_AN_IMAGE, renderElement, repeatTo, seedComments} from './fixtures.js';

/** `<reader-comment>`: a reader's comment. See digest-article.stories.ts for `expect*`. */
const meta: Meta = {
  title: 'Elements/reader-comment',
  component: 'reader-comment',
  render: (args, context) => renderElement(args, context),
  parameters: {
    docs: {
      description: {
        component: componentDocs(
          'reader-comment',
          `<reader-comment side="end" data='{"text": "We kept the old boiler.", "name": "Aoife", "avatar": "👩‍🔧"}'></reader-comment>`,
        ),
      },
    },
  },
};
export default meta;
type Story = StoryObj;

/** The seed's first comment: 🧑‍💼, avatar at the start, on a Japanese page. */
export const SeedFirst: Story = {args: {data: seedComments[0]}, globals: {lang: 'ja'}};

/** The seed's second comment: 👩, `side: "end"` in its data, on a Japanese page. */
export const SeedSecond: Story = {args: {data: seedComments[1]}, globals: {lang: 'ja'}};

/** An image avatar, a name and a persona. */
export const ImageAvatar: Story = {args: {data: enComments[0]}};

/** An emoji avatar (a ZWJ sequence) and `side: "end"` in the data; the text has a line break. */
export const EmojiAvatarEnd: Story = {args: {data: enComments[1]}};

/** The data says `start`; the `side="end"` attribute wins. */
export const SideEndAttribute: Story = {args: {data: {...enComments[0], side: 'start'}, side: 'end'}};

/** A text and a name; the default avatar. */
export const Minimal: Story = {args: {data: {text: 'Great summary, thanks!', name: 'Kim'}}};

/** Only the required `text`: default avatar, no name line. */
export const OnlyRequiredFields: Story = {args: {data: {text: 'Great summary, thanks!'}}};

/** A 300-character name and persona, a very long text with an unbroken word and line breaks. */
export const LongText: Story = {
  args: {
    data: {
      text: `${repeatTo('I have a lot to say about this. ', 600)}\n\n${'A'.repeat(200)}\n${LONG_TITLE}`,
      name: LONG_TITLE,
      persona: LONG_TITLE,
      avatar: AVATAR,
    },
  },
};

/** Japanese and Latin mixed, both sides, on a Japanese page. */
export const CjkAndLatin: Story = {
  args: {
    data: {
      text: `まるでドラマを見ているようですわ!Trump さんと Xi さんの phone call、なんか意外でおもろいなぁ。\n${LONG_TITLE_JA}`,
      name: '関西のおばちゃん (Osaka)',
      persona: 'Reader / 読者',
      avatar: '👩',
      side: 'end',
    },
  },
  globals: {lang: 'ja'},
};

/**
 * A name in Arabic and one that opens with a right-to-left override (U+202E): each is isolated,
 * so the persona and the separator keep their order.
 */
export const RightToLeftNames: Story = {
  args: {data: {text: 'Thanks for the summary.', name: '\u202Eevil name', persona: 'قارئ (reader)'}},
};

/** The avatar image answers 404: the default avatar is shown instead. */
export const MissingAvatarImage: Story = {
  args: {data: {...enComments[0], avatar: MISSING_IMG}},
  parameters: {expectConsoleErrors: [MISSING_IMG_ERROR]},
};

/** The avatar URL answers with something that is not an image: the default avatar. */
export const BrokenAvatarImage: Story = {args: {data: {...enComments[0], avatar: NOT_AN_IMAGE}}};

/** `data` is JSON text that does not parse: the error state. */
export const ErrorInvalidJson: Story = {
  args: {data: '{"text": "trailing comma",}'},
  parameters: {expectConsoleErrors: [/^<reader-comment> invalid JSON: /]},
};

/** No `text`: the error state. */
export const ErrorMissingText: Story = {
  args: {data: {name: 'Kim', avatar: '🙂'}},
  parameters: {expectConsoleErrors: ['<reader-comment> text: is required']},
};

/** An avatar that is neither an http(s) URL nor one emoji: dropped (a warning), the default avatar. */
export const BadAvatarUrl: Story = {
  args: {data: {text: 'My avatar was refused.', name: 'Kim', avatar: 'javascript:alert(1)'}},
  parameters: {expectConsoleWarnings: ['<reader-comment> avatar: is neither an http(s) URL nor one emoji']},
};

/** Both seed comments as a conversation: start, then end. */
export const Conversation: Story = {
  render: () => html`<reader-comment .data=${seedComments[0]}></reader-comment>
    <reader-comment .data=${seedComments[1]}></reader-comment>`,
  globals: {lang: 'ja'},
  parameters: {
    docs: {
      source: {
        code: `<reader-comment data='{"text": "米中対立の構図と…", "avatar": "🧑‍💼"}'></reader-comment>\n<reader-comment side="end" data='{"text": "まるでドラマを見ているようですわ!…", "avatar": "👩"}'></reader-comment>`,
      },
    },
  },
};
