/**
 * The markup our elements render, written once against a hyperscript `h(tag, attrs, ...children)`
 * so that the floor (static HTML, `h` builds a string) and React 19 (`h` is `createElement`) draw
 * exactly the same tags, attributes and text. It mirrors the templates of the four elements; each
 * element's host becomes a `<div class="<tag>">` (the floor's CSS is the elements' own CSS, scoped
 * to those classes: see floor-css.js). Runs in the page (bundled by esbuild at bench time).
 */
import {formatDate, strings} from '../../src/shared/i18n.ts';
import {hostOf} from '../../src/format/safe-url.ts';

const clamp = (level) => Math.min(6, Math.max(1, Math.round(level) || 2));

export function views(h) {
  const heading = (level, part, ...content) => h(`h${clamp(level)}`, {part}, ...content);
  const link = (href, content, part) => h('a', {part, href, target: '_blank', rel: 'noopener noreferrer'}, content);
  const siteOf = (url) => hostOf(new URL(url, document.baseURI).href);

  function card(d, level, lang) {
    const t = strings(lang);
    const {title, url, publishedAt, points, siteName, image} = d;
    return h(
      'article',
      {part: 'card'},
      image
        ? h('img', {
            part: 'image',
            src: image.src,
            alt: image.alt ?? '',
            width: image.width ?? 160,
            height: image.height ?? 90,
            loading: 'lazy',
            decoding: 'async',
          })
        : null,
      heading(level || 3, 'title', url ? link(url, title, 'title-link') : title),
      publishedAt ? h('p', {part: 'date'}, t.published, h('time', {datetime: publishedAt}, formatDate(publishedAt, lang))) : null,
      points?.length ? h('ul', {part: 'points'}, points.map((p) => h('li', null, p))) : null,
      url
        ? h(
            'footer',
            {part: 'footer'},
            h('p', null, link(url, `${t.readMore} ⇒ ${siteName || siteOf(url)}`, 'read-more')),
            h('p', {part: 'credit'}, t.credit, url),
          )
        : null,
    );
  }

  function comment(d) {
    const {text, name, persona, avatar = '👤', side} = d;
    const emoji = !/[/.:]/.test(avatar);
    return h(
      'figure',
      {part: 'comment', class: side === 'end' ? 'end' : 'start'},
      h(
        'span',
        {part: 'avatar', 'aria-hidden': 'true'},
        emoji ? avatar : h('img', {src: avatar, alt: '', loading: 'lazy', width: 48, height: 48}),
      ),
      h('blockquote', {part: 'bubble'}, text),
      name || persona
        ? h('figcaption', {part: 'name'}, name ?? '', name && persona ? ' · ' : '', persona ? h('span', {part: 'persona'}, persona) : null)
        : null,
    );
  }

  function takeaways(d, level, lang) {
    const t = strings(lang);
    const icon = d.icon ?? '📘';
    return h(
      'section',
      {part: 'takeaways'},
      heading(level || 2, 'heading', icon ? h('span', {part: 'icon', 'aria-hidden': 'true'}, `${icon} `) : null, d.heading || t.takeaways),
      h(
        'ul',
        {part: 'list'},
        d.items.map((item) => {
          const {text, icon = '💡'} = typeof item === 'string' ? {text: item} : item;
          return h('li', {part: 'item'}, icon ? h('span', {part: 'item-icon', 'aria-hidden': 'true'}, icon) : null, h('span', null, text));
        }),
      ),
    );
  }

  const date = (label, iso, part, lang) => h('span', null, label, h('time', {part, datetime: iso}, formatDate(iso, lang)));

  function block(b, level, lang) {
    switch (b.type) {
      case 'paragraph':
        return h('p', {part: 'paragraph'}, b.text);
      case 'source':
        return h('div', {class: 'source-card', part: 'source', lang}, card(b, level, lang));
      case 'commentary':
        return h(
          'div',
          {part: 'commentary'},
          b.name ? h('p', {part: 'commentary-name'}, b.name) : null,
          b.paragraphs.map((p) => h('p', null, p)),
        );
      case 'comment':
        return h('div', {class: 'reader-comment', part: 'comment', lang}, comment(b));
      default:
        return null;
    }
  }

  function section(s, level, lang) {
    const {id, heading: text, question, answer, blocks} = s;
    return h(
      'section',
      {part: 'section', id},
      heading(level, 'section-heading', text),
      question || answer
        ? h(
            'div',
            {part: 'qa'},
            question ? h('p', {part: 'question'}, question) : null,
            answer ? h('p', {part: 'answer'}, answer) : null,
          )
        : null,
      blocks.map((b) => block(b, level + 1, lang)),
    );
  }

  function article(a, headingLevel = 2) {
    const lang = a.lang ?? 'en';
    const t = strings(lang);
    const level = clamp(headingLevel);
    const {site, title, lead, author, publishedAt, updatedAt, image, takeaways: tk, intro, sections = [], next} = a;
    return h(
      'article',
      {part: 'article', lang: a.lang},
      h(
        'header',
        {part: 'header'},
        site
          ? h(
              'p',
              {part: 'site'},
              site.logo ? h('img', {part: 'logo', src: site.logo, alt: '', height: 28}) : null,
              site.url ? link(site.url, site.name, 'site-link') : site.name,
            )
          : null,
        heading(level, 'title', title),
        author || publishedAt || updatedAt
          ? h(
              'p',
              {part: 'meta'},
              author
                ? h(
                    'span',
                    {part: 'author'},
                    author.avatar ? h('img', {part: 'author-avatar', src: author.avatar, alt: '', width: 24, height: 24}) : null,
                    t.by,
                    author.url ? link(author.url, author.name, 'author-link') : author.name,
                  )
                : null,
              publishedAt ? date(t.published, publishedAt, 'published', lang) : null,
              updatedAt ? date(t.updated, updatedAt, 'updated', lang) : null,
            )
          : null,
        lead ? h('p', {part: 'lead'}, lead) : null,
      ),
      image
        ? h(
            'figure',
            {part: 'image'},
            h('img', {src: image.src, alt: image.alt ?? '', width: image.width ?? 1200, height: image.height ?? 630}),
            image.credit ? h('figcaption', null, image.credit) : null,
          )
        : null,
      tk ? h('div', {class: 'takeaway-list', part: 'takeaways', lang}, takeaways(tk, level + 1, lang)) : null,
      (intro ?? []).map((p) => h('p', {part: 'intro'}, p)),
      sections.map((s) => section(s, level + 1, lang)),
      next
        ? h(
            'footer',
            {part: 'next'},
            next.url ? h('p', null, h('a', {part: 'next-link', href: next.url, rel: 'noopener noreferrer'}, `${next.label || t.next} ⇒`)) : null,
            next.teaser ? h('p', {part: 'teaser'}, next.teaser) : null,
          )
        : null,
    );
  }

  /** The hosts, as the floor draws them: a `<div class="<tag>">` around what the element renders. */
  return {
    article: (a) => h('div', {class: 'digest-article'}, article(a)),
    card: (d, lang) => h('div', {class: 'source-card', lang}, card(d, 3, lang)),
    comment: (d, lang) => h('div', {class: 'reader-comment', lang}, comment(d)),
  };
}

// ---------------------------------------------------------------------------------------------
// `h` for the floor: HTML text.

const VOID = new Set(['img', 'br', 'hr', 'input', 'meta', 'link']);
const escText = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escAttr = (s) => String(s).replace(/&/g, '&amp;').replace(/"/g, '&quot;');

/** A string of HTML; children are strings (text, escaped), nested results, arrays, or null. */
export function html(tag, attrs, ...children) {
  let out = `<${tag}`;
  for (const [k, v] of Object.entries(attrs ?? {})) if (v != null && v !== false) out += ` ${k}="${escAttr(v)}"`;
  out += '>';
  if (VOID.has(tag)) return {html: out};
  const add = (c) => {
    if (c == null || c === false) return;
    if (Array.isArray(c)) c.forEach(add);
    else if (typeof c === 'object') out += c.html;
    else out += escText(c);
  };
  children.forEach(add);
  return {html: `${out}</${tag}>`};
}
