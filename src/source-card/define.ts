/** Registers `<source-card>` (once; a second registration only warns when versions differ). */
import {define} from '../shared/define.js';
import {SourceCard} from './source-card.js';

define('source-card', SourceCard);
export {SourceCard};
