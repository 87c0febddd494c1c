import type {CSSResult, LitElement} from 'lit';

/** Per other document, its own copy of each of the elements' sheets. */
const copies = new WeakMap<Document, WeakMap<object, CSSStyleSheet>>();

/**
 * Gives an element's shadow root (attached here when it has none yet) its class's styles as
 * sheets that the document the element is in now may use, and returns the root.
 *
 * Lit makes each constructed stylesheet once, in the window that ran the script, and a shadow
 * root may only use sheets made by its own document's window. An element created in or first
 * connected inside a same-origin iframe (an editor's canvas) would throw `NotAllowedError` and
 * render nothing; one moved into an iframe and back would lose its sheets. So every other
 * document gets copies, made once per document by that window's `CSSStyleSheet` from the same
 * CSS text: constructed sheets, not `<style>` text, so strict CSP and Trusted Types allow them.
 * The elements call this when first connected in another document and whenever adopted.
 */
export function adoptStyles(host: LitElement): ShadowRoot {
  const {elementStyles, shadowRootOptions} = host.constructor as typeof LitElement;
  const root = host.shadowRoot ?? host.attachShadow(shadowRootOptions);
  const doc = host.ownerDocument;
  const Sheet = doc.defaultView?.CSSStyleSheet; // none in a document without a window: unstyled there
  let own = copies.get(doc);
  if (!own) copies.set(doc, (own = new WeakMap()));
  if (Sheet) {
    root.adoptedStyleSheets = elementStyles.map((s) => {
      // This window's own sheets (Lit's), or a copy made once for the other document.
      let sheet = doc === document ? (s instanceof CSSStyleSheet ? s : s.styleSheet!) : own.get(s);
      if (!sheet) {
        own.set(s, (sheet = new Sheet()));
        sheet.replaceSync((s as CSSResult).cssText);
      }
      return sheet;
    });
  }
  return root;
}
