/**
 * The entry of `dist/digest-elements.hydrate.js`, the script for server-rendered pages: Lit's
 * hydrate support MUST evaluate before Lit itself (ES modules run in import order), then the
 * four elements are registered (with `json-ld` working: server rendering emits it; and with
 * composition by hand, for server-rendered CMS pages) and adopt their declarative shadow roots
 * instead of re-rendering.
 */
import '@lit-labs/ssr-client/lit-element-hydrate-support.js';
import './compose/compose.js';
import './define-with-json-ld.js';
