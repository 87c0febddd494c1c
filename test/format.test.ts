/**
 * The DOM-side helpers of the format, in real browsers: safe-url (what may become an href/src)
 * and i18n (UI strings, language resolution through shadow roots, date formatting).
 * The validator itself is tested against the JSON Schema in test/node/format.test.js.
 */
import {expect, fixture, html} from '@open-wc/testing';
import {hostOf, safeUrl} from '../src/format/safe-url.js';
import {formatDate, resolveLang, strings} from '../src/shared/i18n.js';

const show = (s: string) => JSON.stringify(s);

describe('safeUrl', () => {
  /** [input, what safeUrl returns] */
  const accepted: [string, string?][] = [
    ['https://example.com/a'],
    ['http://example.com'],
    ['HTTPS://EXAMPLE.COM/A'],
    ['https://example.com:8080/a?b=c#d'],
    ['https://user@example.com/'],
    ['https://例え.jp/パス'],
    ['https://[::1]:8443/'],
    ['/a'],
    ['a/b'],
    ['./a'],
    ['../a'],
    ['//host/x'],
    ['?q=1'],
    ['#fragment'],
    ['https:relative'],
    ['h\ttt\nps://example.com/'],
    ['  https://example.com/x \n', 'https://example.com/x'],
    ['\u3000/a\u3000', '/a'],
    ['1:2'],
    // trim() stops at U+0001, the URL parser strips only C0 controls and space: U+3000 starts a path
    ['\u0001 \u3000javascript:alert(1)'],
  ];
  /** Schemes that must never become an href or src, also in disguise. */
  const dangerous = [
    'javascript:alert(1)',
    ' JaVaScRiPt:alert(1)',
    'java\tscript:alert(1)',
    'java\nscript:alert(1)',
    'java\rscript:alert(1)',
    '\u0000javascript:alert(1)',
    '\u0001 javascript:alert(1)',
    'vbscript:msgbox(1)',
    'data:text/html,<script>alert(1)</script>',
    'blob:https://example.com/7e3f',
    'file:///etc/passwd',
    'mailto:a@example.com',
    'tel:+10000000',
    'ftp://example.com/',
    'ws://example.com/',
    'c:\\windows',
    'httpss://example.com/',
  ];
  const refused = [
    ...dangerous,
    // trim() takes the U+3000, then the parser strips U+0001 and the space
    '\u3000\u0001 javascript:alert(1)',
    '',
    '   ',
    '\n\t',
    // http(s), but the host or port is broken
    'https://',
    'http:',
    '//host:99999/x',
    'http://[::1/',
  ];
  /** http(s) with a host that URL parsers disagree on (Chromium percent-encodes the space): either answer is safe. */
  const varies = ['https://exa mple.com/'];

  for (const [input, output = input] of accepted) {
    it(`accepts ${show(input)}`, () => {
      expect(safeUrl(input)).to.equal(output);
    });
  }
  for (const input of refused) {
    it(`refuses ${show(input)}`, () => {
      expect(safeUrl(input)).to.be.undefined;
    });
  }
  for (const input of varies) {
    it(`refuses or keeps ${show(input)}, as this browser's URL parser sees it`, () => {
      expect(safeUrl(input)).to.be.oneOf([undefined, input]);
    });
  }

  it('accepts only what this browser, following the link, reads as http(s)', () => {
    const a = document.createElement('a');
    for (const [input] of accepted) {
      const url = safeUrl(input)!;
      a.setAttribute('href', url);
      expect(a.protocol, `<a href=${show(url)}>`).to.be.oneOf(['http:', 'https:']);
    }
    for (const input of dangerous) {
      a.setAttribute('href', input);
      expect(a.protocol, `<a href=${show(input)}>`).not.to.be.oneOf(['http:', 'https:']);
    }
  });
});

describe('hostOf', () => {
  const rows: [string, string][] = [
    ['https://www.example.com/a', 'example.com'],
    ['http://sub.example.org:8080/x', 'sub.example.org'],
    ['https://例え.jp/パス', 'xn--r8jz45g.jp'],
    ['//cdn.example.net/a.png', 'cdn.example.net'],
    // A page-relative URL goes to the page's own host.
    ['/relative', location.hostname],
    // No host to name (the card then says only "Read more").
    ['https://', ''],
  ];
  for (const [url, host] of rows) {
    it(`${show(url)} → ${show(host)}`, () => {
      expect(hostOf(url)).to.equal(host);
    });
  }
});

describe('strings', () => {
  const ja = strings('ja');
  const en = strings('en');

  it('has the same, non-empty keys in both languages', () => {
    expect(Object.keys(ja)).to.have.members(Object.keys(en));
    for (const t of [ja, en]) for (const [k, v] of Object.entries(t)) expect(v, k).to.be.a('string').and.not.empty;
  });

  it('holds the seed’s Japanese wording', () => {
    expect(ja.takeaways).to.equal('この記事で分かる事!');
    expect(ja.published).to.equal('公開日:');
    expect(ja.readMore).to.equal('さらに読む');
    expect(ja.credit).to.equal('出典/画像元: ');
    expect(ja.next).to.equal('次のページを読む');
    expect(en.takeaways).to.equal('What you’ll learn');
    expect(en.next).to.equal('Read the next page');
  });

  const rows: [string, 'ja' | 'en'][] = [
    ['ja', 'ja'],
    ['ja-JP', 'ja'],
    ['JA', 'ja'],
    ['ja-Kana-JP-u-ca-japanese', 'ja'],
    ['en', 'en'],
    ['en-GB', 'en'],
    ['fr', 'en'],
    ['jv', 'en'],
    ['jam', 'en'], // Jamaican Creole, not Japanese
    ['', 'en'],
  ];
  for (const [lang, which] of rows) {
    it(`${show(lang)} → ${which}`, () => {
      expect(strings(lang)).to.equal(which === 'ja' ? ja : en);
    });
  }
});

describe('resolveLang', () => {
  const htmlLang = document.documentElement.getAttribute('lang');
  afterEach(() => {
    if (htmlLang === null) document.documentElement.removeAttribute('lang');
    else document.documentElement.setAttribute('lang', htmlLang);
  });

  /** Puts `inner` (HTML) into a shadow root of `host` and returns the element marked `id="t"`. */
  const shadow = (host: Element, inner: string): Element => {
    const root = host.attachShadow({mode: 'open'});
    root.innerHTML = inner;
    return root.querySelector('#t') ?? root.querySelector('[data-host]')!;
  };

  type Row = {name: string; build: () => Promise<Element> | Element; data?: string; expected: string};
  const rows: Row[] = [
    {
      name: 'the data’s lang wins over every attribute',
      build: () => fixture(html`<div lang="en"><p id="t" lang="en"></p></div>`).then((d) => d.querySelector('#t')!),
      data: 'ja',
      expected: 'ja',
    },
    {
      name: 'the element’s own lang',
      build: () => fixture(html`<div lang="en"><p id="t" lang="ja-JP"></p></div>`).then((d) => d.querySelector('#t')!),
      expected: 'ja-JP',
    },
    {
      name: 'the nearest ancestor’s lang',
      build: () => fixture(html`<div lang="en"><section lang="ja"><p><b id="t"></b></p></section></div>`).then((d) => d.querySelector('#t')!),
      expected: 'ja',
    },
    {
      name: 'an empty data lang is no lang',
      build: () => fixture(html`<div lang="ja"><p id="t"></p></div>`).then((d) => d.querySelector('#t')!),
      data: '',
      expected: 'ja',
    },
    {
      name: 'across a shadow root, to the host’s ancestor',
      build: async () => shadow(await fixture(html`<div lang="ja"><span></span></div>`).then((d) => d.querySelector('span')!), '<p><b id="t"></b></p>'),
      expected: 'ja',
    },
    {
      name: 'a lang inside the shadow tree wins over the host’s',
      build: async () =>
        shadow(await fixture(html`<div lang="en"><span></span></div>`).then((d) => d.querySelector('span')!), '<p lang="ja"><b id="t"></b></p>'),
      expected: 'ja',
    },
    {
      name: 'across two nested shadow roots',
      build: async () => {
        const outer = await fixture(html`<div lang="ja-JP"><span></span></div>`).then((d) => d.querySelector('span')!);
        const middle = shadow(outer, '<span data-host></span>');
        return shadow(middle, '<b id="t"></b>');
      },
      expected: 'ja-JP',
    },
    {
      name: 'a detached element uses its own ancestors',
      build: () => {
        const div = document.createElement('div');
        div.lang = 'ja';
        return div.appendChild(document.createElement('p'));
      },
      expected: 'ja',
    },
    {
      name: 'the <html> lang when nothing nearer has one',
      build: () => {
        document.documentElement.setAttribute('lang', 'ja');
        return fixture(html`<div><p id="t"></p></div>`).then((d) => d.querySelector('#t')!);
      },
      expected: 'ja',
    },
    {
      name: '"en" when no lang is anywhere',
      build: () => {
        document.documentElement.removeAttribute('lang');
        return fixture(html`<div><p id="t"></p></div>`).then((d) => d.querySelector('#t')!);
      },
      expected: 'en',
    },
    {
      name: '"en" for a detached element without lang',
      build: () => document.createElement('p'),
      expected: 'en',
    },
  ];
  for (const {name, build, data, expected} of rows) {
    it(name, async () => {
      const el = await build();
      expect(resolveLang(el, data)).to.equal(expected);
    });
  }
});

describe('formatDate', () => {
  /**
   * [ISO string, lang, expected]. The day shown is the day written in the string, whatever the
   * offset and whatever this browser's time zone: the rows with offsets of -12:00…+14:00 fall on
   * another UTC (and usually another local) day than the one written.
   */
  const rows: [string, string, string][] = [
    ['2025-06-10', 'en', 'Jun 10, 2025'],
    ['2025-06-10', 'ja', '2025/06/10'],
    ['2025-06-10', 'ja-JP', '2025/06/10'],
    ['2025-06-10', 'en-US', 'Jun 10, 2025'],
    ['2025-06-10', 'en-GB', '10 Jun 2025'],
    ['2024-02-29', 'en', 'Feb 29, 2024'],
    ['2024-02-29', 'ja', '2024/02/29'],
    ['2025-01-01', 'ja', '2025/01/01'],
    ['2025-12-31', 'en', 'Dec 31, 2025'],
    ['2025-06-10T09:30', 'en', 'Jun 10, 2025'],
    ['2025-06-10T00:00', 'ja', '2025/06/10'],
    ['2025-06-10T23:59:59', 'en', 'Jun 10, 2025'],
    ['2025-03-14T09:30:00+01:00', 'en', 'Mar 14, 2025'],
    ['2025-03-14T23:30:00-05:00', 'en', 'Mar 14, 2025'],
    ['2025-03-15T00:30:00+09:00', 'ja', '2025/03/15'],
    ['2025-12-31T23:59:59.999-12:00', 'en', 'Dec 31, 2025'],
    ['2026-01-01T00:00+14:00', 'ja', '2026/01/01'],
    ['2026-01-01T00:00:00Z', 'ja', '2026/01/01'],
    ['2025-06-10T09:30+0100', 'en', 'Jun 10, 2025'],
    ['2025-06-10', 'not a tag!', 'Jun 10, 2025'],
    ['2025-06-10', '', 'Jun 10, 2025'],
  ];
  for (const [iso, lang, expected] of rows) {
    it(`${iso} in ${show(lang)} → ${expected}`, () => {
      // Intl may put U+202F or U+00A0 where older data had a space.
      expect(formatDate(iso, lang).replace(/[\u00a0\u202f]/g, ' ')).to.equal(expected);
    });
  }

  it('shows the written day even where the local day differs', () => {
    for (const iso of ['2025-03-14T23:30:00-05:00', '2025-03-15T00:30:00+09:00', '2025-12-31T23:59:59.999-12:00', '2026-01-01T00:00+14:00']) {
      const written = iso.slice(0, 10);
      const [y, m, d] = written.split('-').map(Number);
      const expected = new Intl.DateTimeFormat('en', {dateStyle: 'medium', timeZone: 'UTC'}).format(Date.UTC(y, m - 1, d));
      expect(formatDate(iso, 'en'), iso).to.equal(expected);
    }
  });

  it('writes en and ja dates as this browser\'s Intl does (written out, to spare ICU its ~30 ms start)', () => {
    const days: string[] = [];
    for (let y = 1000; y <= 9999; y += 397) for (let m = 1; m <= 12; m++) days.push(`${y}-${String(m).padStart(2, '0')}-${String(1 + ((y + m * 7) % 28)).padStart(2, '0')}`);
    days.push('2024-02-29', '2000-02-29', '1970-01-01', '2025-12-31', '9999-12-31', '1000-01-01');
    for (const lang of ['en', 'EN', 'en-US', 'en-us', 'ja', 'JA', 'ja-JP', 'ja-jp']) {
      const intl = new Intl.DateTimeFormat(lang, {dateStyle: 'medium', timeZone: 'UTC'});
      for (const iso of days) {
        const [y, m, d] = iso.split('-').map(Number);
        expect(formatDate(iso, lang), `${iso} ${lang}`).to.equal(intl.format(Date.UTC(y, m - 1, d)).replace(/[\u00a0\u202f]/g, ' '));
      }
    }
  });
});
