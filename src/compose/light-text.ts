/**
 * Text read from an element's light DOM, as a reader sees it: the small pure helpers of
 * composition by hand (`digest-elements/compose`). Nothing is read on the server.
 */
import {isServer} from 'lit';

/**
 * The text of a node as a reader sees it: without `script`, `style`, `template` and `noscript`
 * elements (at any depth) and, when `items` is given, without the `<li>`s inside: each is
 * pushed to `items` as its own entry (see `lightItems`), in document order.
 */
function textOf(node: Node, items?: string[]): string {
  if (node.nodeType === Node.TEXT_NODE) return (node as Text).data;
  const name = (node as Element).localName; // none: a comment
  if (!name || /^(script|style|template|noscript)$/.test(name)) return '';
  const at = items && name === 'li' ? items.push('') : 0;
  const text = [...node.childNodes].map((n) => textOf(n, items)).join('');
  return at ? ((items![at - 1] = text.trim()), '') : text;
}

/**
 * The items of an element's list children, in document order: each `<li>` child (direct, or
 * inside a direct `<ul>`/`<ol>`) is one item, and so is each `<li>` nested inside one (a
 * sub-point becomes the next point: the format's lists are flat), its text taken out of its
 * parent's. Code (`script`, `style`, `template`, `noscript`) is skipped; empty items are left out.
 */
export const lightItems = (host: Element): string[] => {
  const items: string[] = [];
  if (!isServer) for (const li of host.querySelectorAll(':scope > li, :scope > ul > li, :scope > ol > li')) textOf(li, items);
  return items.filter(Boolean);
};

/** An element's own text, without code (`script`, `style`, `template`, `noscript`) at any depth. */
export const lightText = (host: Element): string => (isServer ? '' : textOf(host).trim());
