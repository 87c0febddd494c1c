// React 19 + TypeScript (and, in copies the package test makes, Preact and Solid): the four tags
// with `data` as the format allows it (tsconfig `types`: `digest-elements/react`), and what the
// types must refuse.
import type {ArticleInput} from 'digest-elements';

const article: ArticleInput = {title: 'Only a title'};

export const views = [
  <digest-article data={article} heading-level={3} color-scheme="dark" json-ld />,
  <digest-article
    data={{
      title: 'Rare earths',
      lang: 'ja',
      sections: [{heading: 'Why', blocks: [{type: 'paragraph', text: 'Because.'}]}, {heading: 'No blocks yet'}],
      next: {url: 'https://example.com/2'},
    }}
  />,
  <digest-article data='{"title": "JSON text"}' src="/a.json" />,
  <source-card data={{title: 'A source', url: 'https://example.com/', points: ['one']}} heading-level={4} />,
  <takeaway-list data={{items: ['plain', {text: 'with an icon', icon: '✅'}], heading: 'Learn'}} />,
  <reader-comment data={{text: 'Nice.', name: 'Ann', avatar: '🦊', side: 'end'}} />,
  <reader-comment ondigest-error={(e) => e.detail.message} />,
  // @ts-expect-error an article needs a title
  <digest-article data={{sections: []}} />,
  // @ts-expect-error a title is text
  <source-card data={{title: 1, url: 'https://example.com/'}} />,
  // @ts-expect-error items is a list
  <takeaway-list data={{items: 'a'}} />,
  // @ts-expect-error side is start or end
  <reader-comment data={{text: 'x', side: 'left'}} />,
  // @ts-expect-error heading-level is a number
  <digest-article heading-level={{}} />,
];
