/**
 * Gives every `<digest-article>` created from now on the opt-in JSON-LD controller (its
 * `json-ld` attribute). A side effect by design: imported by `src/define-with-json-ld.ts` before the
 * elements are registered.
 */
import {JsonLdController} from '../shared/json-ld-controller.js';
import {DigestArticle} from './digest-article.js';

DigestArticle.addArticleInitializer((el, article) => new JsonLdController(el, () => (el.jsonLd ? article() : undefined)));
