/**
 * `digest-elements/compose`: registers the four elements, as `digest-elements/define` does, with
 * composition by hand working (for CMS templates): `<source-card headline url published-at
 * site-name><li>…</li></source-card>`, `<takeaway-list heading icon><li>…</li></takeaway-list>`,
 * `<reader-comment name persona avatar>text</reader-comment>` read their data from attributes and
 * children, and `<digest-article>` reports `section-<id>` slots that no section has. Import it
 * instead of `digest-elements/define` (articles created before it is imported go without the
 * slot check).
 *
 * `dist/digest-elements.compose.js` is the same as a script tag, and
 * `dist/digest-elements.hydrate.js` includes it; the slim `dist/digest-elements.js` does not.
 */
import './compose/compose.js';
import './define.js';
