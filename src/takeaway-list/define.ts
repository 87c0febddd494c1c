/** Registers `<takeaway-list>` (once; a second registration only warns when versions differ). */
import {define} from '../shared/define.js';
import {TakeawayList} from './takeaway-list.js';

define('takeaway-list', TakeawayList);
export {TakeawayList};
