/**
 * The side-effect-free entry: classes, types, the format's validators and helpers.
 * Importing it registers nothing; import `digest-elements/define` (or one element's
 * `digest-elements/<tag>`) to register the elements.
 */
export {DigestArticle} from './digest-article/digest-article.js';
export {SourceCard} from './source-card/source-card.js';
export {TakeawayList} from './takeaway-list/takeaway-list.js';
export {ReaderComment} from './reader-comment/reader-comment.js';
export {validateArticle, validateSource, validateComment, validateTakeaways, isIsoDate, isEmoji} from './format/validate.js';
export type * from './format/types.js';
export {DigestErrorEvent, DigestWarningEvent, DigestLoadEvent, type ProblemDetail} from './shared/events.js';
export {safeUrl} from './format/safe-url.js';
export {define} from './shared/define.js';
export {localeKeys, registerLocale, type LocaleStrings} from './locales/index.js';
export {VERSION} from './version.js';
