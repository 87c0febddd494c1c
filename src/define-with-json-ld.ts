/**
 * `digest-elements/json-ld`: registers the four elements, as `digest-elements/define` does, with
 * `<digest-article json-ld>` working in the browser: the element keeps its article's schema.org
 * `NewsArticle` JSON-LD as one light-DOM `<script type="application/ld+json">`. Import it instead
 * of `digest-elements/define` (articles created before it is imported go without).
 *
 * `dist/digest-elements.hydrate.js`, for server-rendered pages (which carry the JSON-LD),
 * includes it; the slim `dist/digest-elements.js` does not: it would cost 0.6 KB brotli there.
 */
import './digest-article/json-ld-initializer.js';
import './define.js';
