/** Traditional Chinese UI strings (`zh-Hant`, and `zh-TW`, `zh-HK`, `zh-MO`): import to add them. */
import {registerLocale, type LocaleStrings} from './index.js';

const zhHant: LocaleStrings = {
  takeaways: '本文重點',
  published: '發布：',
  updated: '更新：',
  by: '作者：',
  readMore: '閱讀更多',
  credit: '來源/圖片：',
  next: '閱讀下一頁',
  loading: '載入中…',
  error: '無法顯示此內容。',
  retry: '重試',
};

registerLocale('zh-Hant', zhHant);
