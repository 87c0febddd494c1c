/** Korean UI strings (`ko`, `ko-KR`…): import to add them. */
import {registerLocale, type LocaleStrings} from './index.js';

const ko: LocaleStrings = {
  takeaways: '이 글에서 알 수 있는 것',
  published: '게시: ',
  updated: '수정: ',
  by: '글쓴이: ',
  readMore: '더 읽기',
  credit: '출처/이미지: ',
  next: '다음 페이지 읽기',
  loading: '불러오는 중…',
  error: '이 내용을 표시할 수 없습니다.',
  retry: '다시 시도',
};

registerLocale('ko', ko);
