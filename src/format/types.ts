/**
 * The digest article format, version 1. Two shapes: what you write (`ArticleInput`,
 * `SectionInput`, `SourceData`, `CommentData`, `Takeaways`: what the elements' `data` takes, as
 * the JSON Schema says) and the typed, cleaned value that `validate*` returns and the elements
 * hold (`Article`, `Section`, `SourceBlock`, `CommentBlock`, `Takeaways`).
 * Every name here is public API (see README "The format" and `schema.json`).
 * All text is plain text: never HTML, never Markdown.
 */

/** An image. `src` is an http(s) URL (absolute or page-relative). */
export interface Image {
  src: string;
  alt: string;
  credit?: string;
  /** Intrinsic size in CSS pixels; reserves the image's box before it loads. */
  width?: number;
  height?: number;
}

export interface Site {
  name: string;
  url?: string;
  logo?: string;
}

export interface Author {
  name: string;
  url?: string;
  avatar?: string;
}

export interface TakeawayItem {
  text: string;
  icon?: string;
}

/** The "what you'll learn" list: `<takeaway-list>`'s data. */
export interface Takeaways {
  heading?: string;
  icon?: string;
  items: (string | TakeawayItem)[];
}

export interface ParagraphBlock {
  type: 'paragraph';
  text: string;
}

/** A cited source article: `<source-card>`'s data (`type` optional there). */
export interface SourceBlock {
  type: 'source';
  title: string;
  url: string;
  publishedAt?: string;
  points?: string[];
  siteName?: string;
  image?: Image;
}

/** The editor's note on a source. */
export interface CommentaryBlock {
  type: 'commentary';
  paragraphs: string[];
  name?: string;
}

/** A reader's comment: `<reader-comment>`'s data (`type` optional there). */
export interface CommentBlock {
  type: 'comment';
  text: string;
  name?: string;
  persona?: string;
  /** An http(s) image URL or a single emoji. */
  avatar?: string;
  side?: 'start' | 'end';
}

/** `<source-card>`'s data: a source block, `type` optional. */
export type SourceData = Omit<SourceBlock, 'type'> & {type?: 'source'};

/** `<reader-comment>`'s data: a comment block, `type` optional. */
export type CommentData = Omit<CommentBlock, 'type'> & {type?: 'comment'};

export type Block = ParagraphBlock | SourceBlock | CommentaryBlock | CommentBlock;

export interface Section {
  /** The fragment id and `section-<id>` slot name; unique (a repeated id is dropped, warned). */
  id?: string;
  heading: string;
  question?: string;
  answer?: string;
  blocks: Block[];
}

export interface NextLink {
  url: string;
  label?: string;
  teaser?: string;
}

/** The whole article: `<digest-article>`'s data. */
export interface Article {
  version?: 1;
  lang?: string;
  site?: Site;
  title: string;
  lead?: string;
  publishedAt?: string;
  updatedAt?: string;
  author?: Author;
  image?: Image;
  takeaways?: Takeaways;
  intro?: string[];
  /** Always present in a validated article (`[]` when the input has none). */
  sections: Section[];
  next?: NextLink;
}

/** A section as written: `blocks` may be left out (default `[]`). */
export interface SectionInput extends Omit<Section, 'blocks'> {
  blocks?: Block[];
}

/**
 * An article as written: `<digest-article>`'s `data`. Only `title` is required; `sections` may
 * be left out, and so may a section's `blocks`.
 */
export interface ArticleInput extends Omit<Article, 'sections'> {
  sections?: SectionInput[];
}

/** One thing wrong with the input, named by its JSON path (`sections[1].blocks[3].url`). */
export interface Problem {
  path: string;
  message: string;
  /** `error`: nothing can be shown. `warning`: the value was dropped, the rest renders. */
  severity: 'error' | 'warning';
  /** Where unparseable JSON text went wrong (1-based, UTF-16 units): only when asked (`locate`). */
  line?: number;
  column?: number;
}

export interface Result<T> {
  /**
   * The typed, cleaned value; absent when there is an error. Deeply frozen: validated values
   * are frozen, copy to edit (`{...value, title: 'New'}`), and the copy is checked again.
   */
  value?: T;
  problems: Problem[];
}
