/** Registers all four elements: the entry of `dist/digest-elements.js` and of `digest-elements/define`. */
import './digest-article/define.js';
