/** Simplified Chinese UI strings (`zh-Hans`, and `zh`, `zh-CN`, `zh-SG`): import to add them. */
import {registerLocale, type LocaleStrings} from './index.js';

const zhHans: LocaleStrings = {
  takeaways: '本文要点',
  published: '发布：',
  updated: '更新：',
  by: '作者：',
  readMore: '阅读更多',
  credit: '来源/图片：',
  next: '阅读下一页',
  loading: '加载中…',
  error: '无法显示此内容。',
  retry: '重试',
};

registerLocale('zh-Hans', zhHans);
