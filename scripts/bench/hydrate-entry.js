/**
 * The hydrate bundle for SSR pages when the build has none (dist/digest-elements.hydrate.js):
 * Lit's hydrate support first, then the elements (the ES build), as one classic script.
 */
import '@lit-labs/ssr-client/lit-element-hydrate-support.js';
import '../../dist/define.js';
