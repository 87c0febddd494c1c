/**
 * Composition by hand, for CMS templates: gives the three small elements their markup readers
 * (their data from attributes and children, when there is no `data`, child JSON script or
 * `src`) and every `<digest-article>` created from now on its `section-<id>` stray-slot check.
 * A side effect by design: imported by `src/define-with-compose.ts` (and the hydrate bundle's
 * entry) before the elements are registered.
 */
import {DigestArticle} from '../digest-article/digest-article.js';
import {ReaderComment} from '../reader-comment/reader-comment.js';
import type {Markup} from '../shared/input.js';
import {SourceCard} from '../source-card/source-card.js';
import {TakeawayList} from '../takeaway-list/takeaway-list.js';
import {lightItems, lightText} from './light-text.js';
import {StraySlots} from './stray-slots.js';

const compose = (element: object, read: Markup['read'], attributes: string[]) => {
  (element as {markup?: Markup}).markup = {read, attributes};
};

/** `<source-card headline url published-at site-name><li>A point</li></source-card>` */
compose(
  SourceCard,
  (el) => {
    const title = el.getAttribute('headline');
    const points = lightItems(el);
    return title == null
      ? undefined
      : {
          title,
          url: el.getAttribute('url'),
          publishedAt: el.getAttribute('published-at'),
          siteName: el.getAttribute('site-name'),
          points: points.length ? points : undefined,
        };
  },
  ['headline', 'url', 'published-at', 'site-name'],
);

/** `<takeaway-list heading icon><li>An item</li></takeaway-list>` */
compose(
  TakeawayList,
  (el) => {
    const items = lightItems(el);
    return items.length ? {items, heading: el.getAttribute('heading'), icon: el.getAttribute('icon')} : undefined;
  },
  ['heading', 'icon'],
);

/** `<reader-comment name persona avatar>The text</reader-comment>` */
compose(
  ReaderComment,
  (el) => {
    const text = lightText(el);
    return text ? {text, name: el.getAttribute('name'), persona: el.getAttribute('persona'), avatar: el.getAttribute('avatar')} : undefined;
  },
  ['name', 'persona', 'avatar'],
);

DigestArticle.addArticleInitializer((el, article, state) => new StraySlots(el, article, state));
