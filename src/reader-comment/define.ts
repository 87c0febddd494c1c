/** Registers `<reader-comment>` (once; a second registration only warns when versions differ). */
import {define} from '../shared/define.js';
import {ReaderComment} from './reader-comment.js';

define('reader-comment', ReaderComment);
export {ReaderComment};
