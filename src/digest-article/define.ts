/** Registers `<digest-article>` and the three elements it renders. */
import '../source-card/define.js';
import '../takeaway-list/define.js';
import '../reader-comment/define.js';
import {define} from '../shared/define.js';
import {DigestArticle} from './digest-article.js';

define('digest-article', DigestArticle);
export {DigestArticle};
