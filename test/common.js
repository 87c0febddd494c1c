/**
 * What browser tests, Node tests and stories share (plain JS, typed by common.d.ts): the one
 * HTML escaper outside src/, and the one list of Lit's globals. Script-safe JSON is src's
 * `scriptJson` (src/format/json-ld.ts; dist/format/json-ld.js from Node).
 */

/** Text (or an attribute value in either quotes) as HTML source. */
export const escapeHtml = (s) =>
  String(s).replace(/[&<>"']/g, (c) => ({'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;'})[c]);

/** Globals Lit itself may add (production and dev builds); anything else our code adds to `window` is a leak. */
export const LIT_GLOBALS = [
  'litHtmlVersions',
  'litElementVersions',
  'reactiveElementVersions',
  'litPropertyMetadata',
  'litIssuedWarnings',
  'litHtmlPolyfillSupport',
  'litHtmlPolyfillSupportDevMode',
  'litElementPolyfillSupport',
  'litElementPolyfillSupportDevMode',
  'reactiveElementPolyfillSupport',
  'reactiveElementPolyfillSupportDevMode',
  'litElementHydrateSupport',
  'litDisableBundleWarning',
  'litNonce',
];

/**
 * The one global of our own: the page-wide table of UI languages (`Symbol.for`, so no name can
 * collide), shared by every copy of the elements and the opt-in locale modules on a page.
 */
export const OUR_SYMBOLS = ['Symbol(digest-elements.locales)'];
