// The format, checked from the outside: the BUILT validator (dist/format/validate.js) against the
// JSON Schema (schema/article-v1.schema.json), table-driven.
//
//   npx vite build && node --test test/node/
//
// For every row: the validator's exact outcome (value or no value, and the list of
// {path, severity} problems in order), and schema agreement: the schema refuses the input
// exactly when the validator reports at least one problem. A row that deliberately breaks that
// rule says so in `schema: {valid, why}`. A row marked `bug` expects what the contract says;
// the validator does not do it yet, so the row runs as a `todo` (reported, not failing).
import {after, describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {performance} from 'node:perf_hooks';
import {URL} from 'node:url';
import Ajv2020 from 'ajv/dist/2020.js';
import {
  isChecked,
  validateArticle,
  validateComment,
  validateSource,
  validateTakeaways,
} from '../../dist/format/validate.js';

const read = (path) => readFileSync(new URL(path, import.meta.url), 'utf8');
const schema = JSON.parse(read('../../schema/article-v1.schema.json'));
const ajv = new Ajv2020({strict: true, allowUnionTypes: true, allErrors: true});
ajv.addSchema(schema);
const entry = (name) => {
  const v = ajv.getSchema(name ? `${schema.$id}#/$defs/${name}` : schema.$id);
  assert.ok(v, `schema entry point ${name}`);
  return v;
};
const schemaFor = {
  article: entry(),
  source: entry('SourceCardData'),
  comment: entry('ReaderCommentData'),
  takeaways: entry('TakeawayListData'),
};
const validatorFor = {
  article: validateArticle,
  source: validateSource,
  comment: validateComment,
  takeaways: validateTakeaways,
};

/** The schema's verdict on what the validator was given: JSON text is parsed first (RFC 8259 §8.1 lets a parser ignore a BOM). */
function schemaAccepts(kind, input) {
  let data = input;
  if (typeof input === 'string') {
    try {
      data = JSON.parse(input.replace(/^\uFEFF/, ''));
    } catch {
      return false;
    }
  }
  try {
    return schemaFor[kind](data);
  } catch {
    return false; // e.g. a getter that throws
  }
}

const W = 'warning';
const E = 'error';
/** Expected: the validator gives no value. */
const NONE = Symbol('no value');
const trunc = (s) => (s.length > 70 ? `${s.slice(0, 67)}…` : s);
const show = (v) => {
  if (typeof v === 'string') return trunc(JSON.stringify(v));
  try {
    return trunc(JSON.stringify(v) ?? String(v));
  } catch {
    return typeof v;
  }
};

/**
 * One table row: `input`; `value` (NONE, or the expected cleaned value); `problems` as
 * [path, severity] pairs in order; optional `schema: {valid, why}` for a deliberate
 * disagreement; optional `bug` (what is wrong today) for a todo row; optional `after(result)`.
 */
function runTable(kind, rows) {
  for (const row of rows) {
    const name = row.name ?? show(row.input);
    test(name, row.bug ? {todo: `VALIDATOR BUG: ${row.bug}`} : {}, () => {
      const result = validatorFor[kind](row.input);
      const got = result.problems.map((p) => [p.path, p.severity]);
      assert.deepEqual(got, row.problems ?? [], `problems of ${name}: ${JSON.stringify(result.problems)}`);
      for (const p of result.problems) assert.equal(typeof p.message, 'string');
      if (row.value === NONE) assert.ok(!('value' in result) || result.value === undefined, 'no value');
      else assert.deepStrictEqual(result.value, row.value);
      if (row.value !== NONE) assert.ok(isChecked(result.value), 'the value is marked as checked');

      const valid = schemaAccepts(kind, row.input);
      if (row.schema) {
        assert.equal(valid, row.schema.valid, `schema exception (${row.schema.why})`);
        assert.notEqual(valid, result.problems.length === 0, 'a documented exception must really be one');
      } else {
        assert.equal(
          valid,
          result.problems.length === 0,
          `schema ${valid ? 'accepts' : 'refuses'} but the validator reports ${result.problems.length} problem(s)` +
            (valid ? '' : `; schema errors: ${JSON.stringify(schemaFor[kind].errors?.slice(0, 3))}`),
        );
      }
      row.after?.(result);
    });
  }
}

after(() => assert.equal({}.polluted, undefined, 'Object.prototype stays clean'));

// ---------------------------------------------------------------------------------------------
describe('the schema itself', () => {
  test('compiles under Ajv strict mode against the draft 2020-12 meta-schema', () => {
    assert.equal(schema.$schema, 'https://json-schema.org/draft/2020-12/schema');
    assert.ok(ajv.validateSchema(schema), JSON.stringify(ajv.errors));
  });

  test('has the $defs the format names, and the standalone entry points', () => {
    for (const name of [
      'Article', 'Site', 'Author', 'Image', 'Takeaways', 'TakeawayItem', 'Section', 'Block', 'ParagraphBlock',
      'SourceBlock', 'CommentaryBlock', 'CommentBlock', 'NextLink', 'Url', 'Date', 'Lang', 'Emoji',
      'DigestArticleData', 'SourceCardData', 'ReaderCommentData', 'TakeawayListData',
    ]) {
      assert.ok(schema.$defs[name], name);
    }
    assert.deepEqual(
      schema.$defs.Block.oneOf.map((s) => s.$ref),
      ['#/$defs/ParagraphBlock', '#/$defs/SourceBlock', '#/$defs/CommentaryBlock', '#/$defs/CommentBlock'],
    );
  });

  test('documents every definition and every field', () => {
    const missing = [];
    for (const [name, def] of Object.entries(schema.$defs)) {
      if (!def.description) missing.push(`$defs/${name}`);
      for (const [key, prop] of Object.entries(def.properties ?? {})) {
        if (!prop.description) missing.push(`$defs/${name}/properties/${key}`);
      }
    }
    assert.deepEqual(missing, []);
  });

  test('lets newer producers add fields (additionalProperties allowed everywhere)', () => {
    const text = JSON.stringify(schema);
    assert.ok(!text.includes('additionalProperties'), 'no additionalProperties restriction');
    assert.ok(!text.includes('unevaluatedProperties'), 'no unevaluatedProperties restriction');
  });
});

// ---------------------------------------------------------------------------------------------
describe('fixtures', () => {
  for (const file of ['seed.json', 'en-article.json']) {
    describe(file, () => {
      const text = read(`../fixtures/${file}`);
      const input = JSON.parse(text);
      const {version, ...withoutVersion} = input;

      test('is schema-valid', () => {
        assert.ok(schemaFor.article(input), JSON.stringify(schemaFor.article.errors));
      });

      for (const [how, given] of [['as an object', () => JSON.parse(text)], ['as JSON text', () => text]]) {
        test(`validates ${how} with no problem, keeping every field`, () => {
          const before = JSON.parse(text);
          const data = given();
          const {value, problems} = validateArticle(data);
          assert.deepEqual(problems, []);
          // `version` is checked separately below (the validator drops it today).
          const {version: _v, ...rest} = value;
          assert.deepStrictEqual(rest, withoutVersion);
          if (typeof data === 'object') {
            assert.deepStrictEqual(data, before, 'the input is not changed');
            assert.notEqual(value, data, 'the value is a new object');
            assert.notEqual(value.sections, data.sections);
            assert.notEqual(value.sections[0].blocks[0], data.sections[0].blocks[0]);
          }
        });
      }

      test(
        'keeps `version` in the value',
    {},
        () => {
          assert.equal(version, 1);
          assert.deepStrictEqual(validateArticle(input).value, input);
        },
      );
    });
  }
});

// ---------------------------------------------------------------------------------------------
const T = 'T';
/** An article input with a title, and its expected value (sections default to []). */
const art = (extra = {}) => ({title: T, ...extra});
const val = (extra = {}) => ({title: T, sections: [], ...extra});
const inSection = (blocks) => art({sections: [{heading: 'H', blocks}]});
const sectionVal = (blocks) => val({sections: [{heading: 'H', blocks}]});
const B = 'sections[0].blocks[0]';

const FIVE_MB = 'x'.repeat(5 * 1024 * 1024);
const DEEP = 10_000;
const deepArrays = '['.repeat(DEEP) + ']'.repeat(DEEP);
const deepObjects = '{"a":'.repeat(DEEP) + 'null' + '}'.repeat(DEEP);
const variants = (n) => Array.from({length: n}, (_, i) => `v${i.toString(36).padStart(4, '0')}`);
const longLang = `en-x-${Array(20).fill('abcdefgh').join('-')}`; // 184 characters, a well-formed tag

const TOO_DEEP = {valid: true, why: 'nesting deeper than 1,000 levels is refused before parsing; JSON Schema has no depth limit'};

const AUTHORITY = {
  valid: true,
  why: 'the Url pattern checks the scheme only; a broken host or port needs a URL parser (documented in $defs/Url)',
};

describe('validateArticle: bad and odd input', () => {
  runTable('article', [
    // --- the root and its encoding ---
    {name: 'a minimal article', input: art(), value: val()},
    {name: 'JSON text', input: '{"title":"T"}', value: val()},
    {name: 'BOM-prefixed JSON text', input: '\uFEFF{"title":"T"}', value: val()},
    {name: 'HTML-escaped JSON text', input: '{&quot;title&quot;:&quot;T&quot;}', value: NONE, problems: [['', E]]},
    {name: 'JSON text that does not parse', input: '{"title":"T",}', value: NONE, problems: [['', E]]},
    {name: 'an empty string', input: '', value: NONE, problems: [['', E]]},
    {name: 'JSON text of a string', input: '"T"', value: NONE, problems: [['', E]]},
    {name: 'an array', input: [art()], value: NONE, problems: [['', E]]},
    {name: 'null', input: null, value: NONE, problems: [['', E]]},
    {name: 'undefined', input: undefined, value: NONE, problems: [['', E]]},
    {name: 'a number', input: 42, value: NONE, problems: [['', E]]},
    {
      name: 'an object whose getter throws',
      input: Object.defineProperty({}, 'title', {
        enumerable: true,
        get() {
          throw new Error('boom');
        },
      }),
      value: NONE,
      problems: [['', E]],
    },
    // JSON text nesting deeper than 1,000 levels is refused before JSON.parse (megabytes of
    // brackets freeze it for seconds); JSON Schema has no depth limit, so the schema accepts.
    {
      name: '10,000-deep arrays in an unknown field (JSON text): refused',
      input: `{"title":"T","extra":${deepArrays}}`,
      value: NONE,
      problems: [['', E]],
      schema: TOO_DEEP,
    },
    {
      name: '10,000-deep objects in an unknown field of a block (JSON text): refused',
      input: `{"title":"T","sections":[{"heading":"H","blocks":[{"type":"paragraph","text":"p","x":${deepObjects}}]}]}`,
      value: NONE,
      problems: [['', E]],
      schema: TOO_DEEP,
    },
    {
      name: '1,000-deep arrays in an unknown field (JSON text): the limit, kept',
      input: `{"title":"T","extra":${'['.repeat(999)}${']'.repeat(999)}}`,
      value: val(),
    },
    {
      name: 'brackets inside strings do not count as nesting',
      input: JSON.stringify({title: '['.repeat(5000), lead: '{"'.repeat(5000)}),
      value: val({title: '['.repeat(5000), lead: '{"'.repeat(5000)}),
    },
    {
      name: 'escaped quotes inside strings do not end them',
      input: `{"title":"a\\"${'['.repeat(2000)}"}`,
      value: val({title: `a"${'['.repeat(2000)}`}),
    },
    {
      name: '10,000-deep objects given as an object (not text): only the format\'s fields are visited',
      input: {title: 'T', extra: JSON.parse(deepObjects)},
      value: val(),
    },
    {name: 'unknown extra fields everywhere', input: art({x: 1, site: {name: 'S', y: [1]}}), value: val({site: {name: 'S'}})},
    {
      name: '__proto__ keys in JSON text do not pollute or leak',
      input: '{"title":"T","__proto__":{"polluted":1,"lead":"L"},"site":{"name":"S","__proto__":{"polluted":2}}}',
      value: val({site: {name: 'S'}}),
      after: ({value}) => {
        assert.equal({}.polluted, undefined);
        assert.equal(Object.getPrototypeOf(value), Object.prototype);
        assert.equal(value.polluted, undefined);
        assert.equal(value.site.polluted, undefined);
      },
    },
    {
      name: 'a parsed object with an own __proto__ key',
      input: JSON.parse('{"title":"T","__proto__":{"polluted":1}}'),
      value: val(),
      after: () => assert.equal({}.polluted, undefined),
    },
    {
      name: 'a title only under __proto__ is no title',
      input: '{"__proto__":{"title":"T"}}',
      value: NONE,
      problems: [['title', E]],
    },
    {name: 'a 5 MB title', input: art({title: FIVE_MB}), value: val({title: FIVE_MB})},
    {name: 'a 5 MB lead as JSON text', input: JSON.stringify(art({lead: FIVE_MB})), value: val({lead: FIVE_MB})},

    // --- version ---
    {name: 'version 2', input: art({version: 2}), value: NONE, problems: [['version', E]]},
    {name: 'version "1" (a string)', input: art({version: '1'}), value: NONE, problems: [['version', E]]},
    {name: 'version 0', input: art({version: 0}), value: NONE, problems: [['version', E]]},
    {name: 'version null is no version', input: art({version: null}), value: val()},

    // --- title ---
    {name: 'no title', input: {lead: 'L'}, value: NONE, problems: [['title', E]]},
    {name: 'title ""', input: art({title: ''}), value: NONE, problems: [['title', E]]},
    {name: 'title of white space only', input: art({title: ' \n\t\u3000\uFEFF'}), value: NONE, problems: [['title', E]]},
    {name: 'title null', input: art({title: null}), value: NONE, problems: [['title', E]]},
    {name: 'title an object', input: art({title: {ja: 'T'}}), value: NONE, problems: [['title', E]]},
    {name: 'title an array', input: art({title: ['T']}), value: NONE, problems: [['title', E]]},
    {name: 'title a number is kept as text', input: art({title: 42}), value: val({title: '42'}), problems: [['title', W]]},
    {name: 'title a boolean is kept as text', input: art({title: true}), value: val({title: 'true'}), problems: [['title', W]]},
    {name: 'a title error wins over other warnings', input: {lang: 'en_US'}, value: NONE, problems: [['title', E]]},

    // --- lang ---
    {name: 'lang "ja"', input: art({lang: 'ja'}), value: val({lang: 'ja'})},
    {name: 'lang in odd case is canonicalized', input: art({lang: 'EN-us'}), value: val({lang: 'en-US'})},
    {name: 'lang with script, region, extension', input: art({lang: 'zh-hant-tw-u-ca-chinese'}), value: val({lang: 'zh-Hant-TW-u-ca-chinese'})},
    {name: 'lang "" is no lang', input: art({lang: ''}), value: val()},
    {name: 'lang null', input: art({lang: null}), value: val()},
    {name: 'lang "en_US"', input: art({lang: 'en_US'}), value: val(), problems: [['lang', W]]},
    {name: 'lang " en"', input: art({lang: ' en'}), value: val(), problems: [['lang', W]]},
    {name: 'lang "i-klingon" (irregular grandfathered)', input: art({lang: 'i-klingon'}), value: val(), problems: [['lang', W]]},
    {name: 'lang "zh-min-nan" (extlang)', input: art({lang: 'zh-min-nan'}), value: val(), problems: [['lang', W]]},
    {name: 'lang with a repeated variant', input: art({lang: 'de-1996-1996'}), value: val(), problems: [['lang', W]]},
    {name: 'lang with a repeated singleton', input: art({lang: 'en-a-bbb-a-ccc'}), value: val(), problems: [['lang', W]]},
    {name: 'lang a number', input: art({lang: 5}), value: val(), problems: [['lang', W], ['lang', W]]},
    {
      name: 'lang: a well-formed tag longer than 150 characters',
      input: art({lang: longLang}),
      value: val(),
      problems: [['lang', W]],
    },
    {
      name: 'lang: a 30 kB tag of distinct variants is refused quickly',
      input: art({lang: ['en', ...variants(5_000)].join('-')}),
      value: val(),
      problems: [['lang', W]],
      after: () => {
        const lang = ['en', ...variants(5_000)].join('-');
        const t = performance.now();
        validateArticle(art({lang}));
        assert.ok(performance.now() - t < 50, `took ${Math.round(performance.now() - t)} ms`);
      },
    },

    // --- site / author ---
    {
      name: 'site with name, url and logo',
      input: art({site: {name: 'S', url: 'https://s.example/', logo: '/logo.svg'}}),
      value: val({site: {name: 'S', url: 'https://s.example/', logo: '/logo.svg'}}),
    },
    {name: 'site without name', input: art({site: {url: '/'}}), value: val(), problems: [['site.name', W]]},
    {name: 'site a string', input: art({site: 'S'}), value: val(), problems: [['site', W]]},
    {name: 'site an array', input: art({site: [{name: 'S'}]}), value: val(), problems: [['site', W]]},
    {name: 'site null', input: art({site: null}), value: val()},
    {name: 'site name ""', input: art({site: {name: ''}}), value: val(), problems: [['site.name', W]]},
    {
      name: 'site logo javascript:',
      input: art({site: {name: 'S', logo: 'javascript:alert(1)'}}),
      value: val({site: {name: 'S'}}),
      problems: [['site.logo', W]],
    },
    {
      name: 'author with name, url and avatar',
      input: art({author: {name: 'A', url: '/authors/a', avatar: '/a.png'}}),
      value: val({author: {name: 'A', url: '/authors/a', avatar: '/a.png'}}),
    },
    {name: 'author without name', input: art({author: {url: '/a'}}), value: val(), problems: [['author.name', W]]},
    {
      name: 'author url mailto:',
      input: art({author: {name: 'A', url: 'mailto:a@example.com'}}),
      value: val({author: {name: 'A'}}),
      problems: [['author.url', W]],
    },
    {
      name: 'author name a number is kept as text',
      input: art({author: {name: 7}}),
      value: val({author: {name: '7'}}),
      problems: [['author.name', W]],
    },

    // --- dates ---
    ...[
      ['2025-06-10'],
      ['2024-02-29'],
      ['2000-02-29'],
      ['2025-06-10T09:30'],
      ['2025-06-10T09:30Z'],
      ['2025-06-10T09:30:15.123456+05:30'],
      ['2025-06-10T09:30+0100'],
      ['2025-06-10T24:00'],
      ['2025-03-14T09:30:00-12:00'],
      ['2025-02-30', W],
      ['2025/06/10', W],
      ['2023-02-29', W],
      ['1900-02-29', W],
      ['2025-13-01', W],
      ['2025-06-00', W],
      ['2025-06-31', W],
      ['2025-06-10T25:00', W],
      ['2025-06-10T09:60', W],
      ['2025-06-10T24:01', W],
      ['2025-06-10 09:30', W],
      ['2025-06-10t09:30z', W],
      ['2025-06-10T09:30+24:00', W],
      ['10 June 2025', W],
      ['', W],
    ].map(([date, problem]) => ({
      name: `publishedAt ${JSON.stringify(date)}`,
      input: art({publishedAt: date}),
      value: problem ? val() : val({publishedAt: date}),
      problems: problem ? [['publishedAt', problem]] : [],
    })),
    {
      name: 'updatedAt a number',
      input: art({updatedAt: 20250610}),
      value: val(),
      problems: [['updatedAt', W], ['updatedAt', W]],
    },
    {
      name: 'publishedAt "0000-02-29" (year 0 is a leap year)',
      input: art({publishedAt: '0000-02-29'}),
      value: val({publishedAt: '0000-02-29'}),
    },

    // --- image ---
    {
      name: 'image with every field',
      input: art({image: {src: '/i.png', alt: 'A', credit: 'C', width: 1200, height: 630.5}}),
      value: val({image: {src: '/i.png', alt: 'A', credit: 'C', width: 1200, height: 630.5}}),
    },
    {name: 'image alt "" (decorative)', input: art({image: {src: '/i.png', alt: ''}}), value: val({image: {src: '/i.png', alt: ''}})},
    {
      name: 'image without alt is kept, with alt ""',
      input: art({image: {src: '/i.png'}}),
      value: val({image: {src: '/i.png', alt: ''}}),
      problems: [['image.alt', W]],
    },
    {
      name: 'image alt null',
      input: art({image: {src: '/i.png', alt: null}}),
      value: val({image: {src: '/i.png', alt: ''}}),
      problems: [['image.alt', W]],
    },
    {
      name: 'image alt a number is kept as text',
      input: art({image: {src: '/i.png', alt: 3}}),
      value: val({image: {src: '/i.png', alt: '3'}}),
      problems: [['image.alt', W]],
    },
    {name: 'image without src', input: art({image: {alt: 'A'}}), value: val(), problems: [['image.src', W]]},
    {
      name: 'image src data:',
      input: art({image: {src: 'data:image/png;base64,iVBORw0KGgo=', alt: ''}}),
      value: val(),
      problems: [['image.src', W]],
    },
    ...[0, -5, 100000, '100', true].map((width) => ({
      name: `image width ${JSON.stringify(width)}`,
      input: art({image: {src: '/i.png', alt: '', width}}),
      value: val({image: {src: '/i.png', alt: ''}}),
      problems: [['image.width', W]],
    })),
    {
      name: 'image height 99999.5',
      input: art({image: {src: '/i.png', alt: '', height: 99999.5}}),
      value: val({image: {src: '/i.png', alt: '', height: 99999.5}}),
    },
    {name: 'image a string', input: art({image: '/i.png'}), value: val(), problems: [['image', W]]},

    // --- takeaways ---
    {name: 'takeaways with no items', input: art({takeaways: {items: []}}), value: val({takeaways: {items: []}})},
    {name: 'takeaways without items', input: art({takeaways: {heading: 'H'}}), value: val(), problems: [['takeaways.items', W]]},
    {
      name: 'takeaways items a string',
      input: art({takeaways: {items: 'a'}}),
      value: val(),
      problems: [['takeaways.items', W]],
    },
    {
      name: 'takeaways items of every kind',
      input: art({takeaways: {heading: 'H', icon: '📘', items: ['a', {text: 'b', icon: '💡'}, {text: ''}, 5, null, {icon: 'x'}]}}),
      value: val({takeaways: {heading: 'H', icon: '📘', items: ['a', {text: 'b', icon: '💡'}, '5']}}),
      problems: [
        ['takeaways.items[2].text', W],
        ['takeaways.items[3]', W],
        ['takeaways.items[4]', W],
        ['takeaways.items[5].text', W],
      ],
    },
    {
      name: 'takeaways item icon a number',
      input: art({takeaways: {items: [{text: 'a', icon: 7}]}}),
      value: val({takeaways: {items: [{text: 'a', icon: '7'}]}}),
      problems: [['takeaways.items[0].icon', W]],
    },
    {
      name: 'takeaways item "" (an empty string item)',
      input: art({takeaways: {items: ['', 'b']}}),
      value: val({takeaways: {items: ['b']}}),
      problems: [['takeaways.items[0]', W]],
    },

    // --- intro ---
    {name: 'intro a string', input: art({intro: 'I'}), value: val(), problems: [['intro', W]]},
    {
      name: 'intro items of every kind',
      input: art({intro: ['a', '', 5, null, {}, ' ']}),
      value: val({intro: ['a', '5']}),
      problems: [['intro[1]', W], ['intro[2]', W], ['intro[3]', W], ['intro[4]', W], ['intro[5]', W]],
    },

    // --- sections ---
    {name: 'sections an object', input: art({sections: {heading: 'H'}}), value: val(), problems: [['sections', W]]},
    {name: 'sections null', input: art({sections: null}), value: val()},
    {
      name: 'sections of every kind',
      input: art({sections: [null, 'x', {}, {heading: ' '}, {heading: 'H', id: 'h', question: 'Q', answer: 'A'}]}),
      value: val({sections: [{heading: 'H', id: 'h', question: 'Q', answer: 'A', blocks: []}]}),
      problems: [['sections[0]', W], ['sections[1]', W], ['sections[2].heading', W], ['sections[3].heading', W]],
    },
    {
      name: 'a repeated section id is dropped (it names a slot); an empty one repeats nothing',
      input: art({sections: [{heading: 'A', id: 'x'}, {heading: 'B', id: ''}, {heading: 'C', id: 'x'}, {heading: 'D', id: ''}]}),
      value: val({
        sections: [
          {heading: 'A', id: 'x', blocks: []},
          {heading: 'B', id: '', blocks: []},
          {heading: 'C', blocks: []},
          {heading: 'D', id: '', blocks: []},
        ],
      }),
      problems: [['sections[2].id', W]],
      schema: {valid: true, why: 'JSON Schema cannot say that one property is unique across array items'},
    },
    {
      name: 'section blocks a string',
      input: art({sections: [{heading: 'H', blocks: 'p'}]}),
      value: sectionVal([]),
      problems: [['sections[0].blocks', W]],
    },

    // --- blocks ---
    {name: 'a paragraph block', input: inSection([{type: 'paragraph', text: 'p'}]), value: sectionVal([{type: 'paragraph', text: 'p'}])},
    {
      name: 'an unknown block type is skipped',
      input: inSection([{type: 'video', src: '/v.mp4'}, {type: 'paragraph', text: 'p'}]),
      value: sectionVal([{type: 'paragraph', text: 'p'}]),
      problems: [[`${B}.type`, W]],
    },
    {name: 'a block without type', input: inSection([{text: 'p'}]), value: sectionVal([]), problems: [[`${B}.type`, W]]},
    {name: 'a block type in the wrong case', input: inSection([{type: 'Paragraph', text: 'p'}]), value: sectionVal([]), problems: [[`${B}.type`, W]]},
    {name: 'a block that is a string', input: inSection(['p']), value: sectionVal([]), problems: [[B, W]]},
    {name: 'a paragraph without text', input: inSection([{type: 'paragraph'}]), value: sectionVal([]), problems: [[`${B}.text`, W]]},
    {
      name: 'a source block with every field',
      input: inSection([
        {
          type: 'source',
          title: 'S',
          url: 'https://example.com/a',
          publishedAt: '2025-06-10',
          points: ['p'],
          siteName: 'N',
          image: {src: '/i.png', alt: ''},
        },
      ]),
      value: sectionVal([
        {
          type: 'source',
          title: 'S',
          url: 'https://example.com/a',
          publishedAt: '2025-06-10',
          points: ['p'],
          siteName: 'N',
          image: {src: '/i.png', alt: ''},
        },
      ]),
    },
    {
      name: 'a source block with a disguised javascript: url keeps the card, drops the url',
      input: inSection([{type: 'source', title: 'S', url: ' JaVaScRiPt:alert(1)'}]),
      value: sectionVal([{type: 'source', title: 'S', url: ''}]),
      problems: [[`${B}.url`, W]],
    },
    {
      name: 'a source block without url',
      input: inSection([{type: 'source', title: 'S'}]),
      value: sectionVal([{type: 'source', title: 'S', url: ''}]),
      problems: [[`${B}.url`, W]],
    },
    {name: 'a source block without title', input: inSection([{type: 'source', url: '/a'}]), value: sectionVal([]), problems: [[`${B}.title`, W]]},
    {
      name: 'a source block with bad points and date',
      input: inSection([{type: 'source', title: 'S', url: '/a', points: ['p', ''], publishedAt: '2025-02-30'}]),
      value: sectionVal([{type: 'source', title: 'S', url: '/a', points: ['p']}]),
      problems: [[`${B}.publishedAt`, W], [`${B}.points[1]`, W]],
    },
    {
      name: 'a commentary block',
      input: inSection([{type: 'commentary', paragraphs: ['a', 'b'], name: 'N'}]),
      value: sectionVal([{type: 'commentary', paragraphs: ['a', 'b'], name: 'N'}]),
    },
    {name: 'a commentary block without paragraphs', input: inSection([{type: 'commentary'}]), value: sectionVal([]), problems: [[`${B}.paragraphs`, W]]},
    {
      name: 'a commentary block with paragraphs a string',
      input: inSection([{type: 'commentary', paragraphs: 'a'}]),
      value: sectionVal([]),
      problems: [[`${B}.paragraphs`, W]],
    },
    {
      name: 'a comment block with every field',
      input: inSection([{type: 'comment', text: 'c', name: 'N', persona: 'P', avatar: '🧑‍💼', side: 'end'}]),
      value: sectionVal([{type: 'comment', text: 'c', name: 'N', persona: 'P', avatar: '🧑‍💼', side: 'end'}]),
    },
    {
      name: 'a comment block with side "left"',
      input: inSection([{type: 'comment', text: 'c', side: 'left'}]),
      value: sectionVal([{type: 'comment', text: 'c'}]),
      problems: [[`${B}.side`, W]],
    },
    {
      name: 'a comment block whose avatar is neither URL nor emoji',
      input: inSection([{type: 'comment', text: 'c', avatar: 'javascript:alert(1)'}]),
      value: sectionVal([{type: 'comment', text: 'c'}]),
      problems: [[`${B}.avatar`, W]],
    },
    {name: 'a comment block without text', input: inSection([{type: 'comment', name: 'N'}]), value: sectionVal([]), problems: [[`${B}.text`, W]]},

    // --- next ---
    {
      name: 'next with every field',
      input: art({next: {url: '/2', label: 'L', teaser: 'T2'}}),
      value: val({next: {url: '/2', label: 'L', teaser: 'T2'}}),
    },
    {name: 'next without url', input: art({next: {label: 'L'}}), value: val({next: {url: '', label: 'L'}}), problems: [['next.url', W]]},
    {
      name: 'next url vbscript:',
      input: art({next: {url: 'vbscript:msgbox(1)'}}),
      value: val({next: {url: ''}}),
      problems: [['next.url', W]],
    },
    {name: 'next a string', input: art({next: '/2'}), value: val(), problems: [['next', W]]},
  ]);
});

describe('URLs (as site.url)', () => {
  const good = [
    ['https://example.com/a'],
    ['http://example.com'],
    ['HTTPS://EXAMPLE.COM/A'],
    ['https://example.com:8080/a?b=c#d'],
    ['https://user@example.com/'],
    ['https://例え.jp/パス'],
    ['https://[::1]:8443/'],
    ['/a'],
    ['a/b'],
    ['./a', './a'],
    ['../a'],
    ['//host/x'],
    ['?q=1'],
    ['#fragment'],
    ['https:relative'],
    ['h\ttt\nps://example.com/', 'h\ttt\nps://example.com/'],
    ['  https://example.com/x \n', 'https://example.com/x'],
    ['1:2', '1:2'],
    // trim() stops at U+0001, the URL parser strips only C0 and space: U+3000 starts a relative path
    ['\u0001 \u3000javascript:alert(1)', '\u0001 \u3000javascript:alert(1)'],
  ];
  const bad = [
    'javascript:alert(1)',
    ' JaVaScRiPt:alert(1)',
    'java\tscript:alert(1)',
    'java\nscript:alert(1)',
    '\u0000javascript:alert(1)',
    '\u3000\u0001 javascript:alert(1)',
    'vbscript:msgbox(1)',
    'data:text/html,<script>alert(1)</script>',
    'blob:https://example.com/7e3f',
    'file:///etc/passwd',
    'mailto:a@example.com',
    'ftp://example.com/',
    'ws://example.com/',
    'c:\\windows',
    'httpss://example.com/',
    '',
    '   ',
  ];
  runTable('article', [
    ...good.map(([url, kept = url]) => ({
      name: `good: ${JSON.stringify(url)}`,
      input: art({site: {name: 'S', url}}),
      value: val({site: {name: 'S', url: kept}}),
    })),
    ...bad.map((url) => ({
      name: `bad: ${JSON.stringify(url)}`,
      input: art({site: {name: 'S', url}}),
      value: val({site: {name: 'S'}}),
      problems: [['site.url', W]],
    })),
    ...['https://', 'https://exa mple.com/', '//host:99999/x', 'http://[::1/'].map((url) => ({
      name: `broken authority: ${JSON.stringify(url)}`,
      input: art({site: {name: 'S', url}}),
      value: val({site: {name: 'S'}}),
      problems: [['site.url', W]],
      schema: AUTHORITY,
    })),
    {name: 'a url a number is read as a relative URL', input: art({site: {name: 'S', url: 5}}), value: val({site: {name: 'S', url: '5'}}), problems: [['site.url', W]]},
    {
      name: 'a 5 MB https URL',
      input: art({site: {name: 'S', url: `https://example.com/${FIVE_MB}`}}),
      value: val({site: {name: 'S', url: `https://example.com/${FIVE_MB}`}}),
    },
  ]);
});

// ---------------------------------------------------------------------------------------------
describe('validateSource (standalone <source-card> data)', () => {
  const WRONG_TYPE = {valid: false, why: 'standalone data ignores `type`; the schema still wants "source" there, so a producer notices'};
  runTable('source', [
    {name: 'title and url, no type', input: {title: 'S', url: '/a'}, value: {type: 'source', title: 'S', url: '/a'}},
    {name: 'with type "source"', input: {type: 'source', title: 'S', url: '/a'}, value: {type: 'source', title: 'S', url: '/a'}},
    {name: 'JSON text', input: '{"title":"S","url":"https://example.com/"}', value: {type: 'source', title: 'S', url: 'https://example.com/'}},
    {name: 'with type "comment"', input: {type: 'comment', title: 'S', url: '/a'}, value: {type: 'source', title: 'S', url: '/a'}, schema: WRONG_TYPE},
    {name: 'with type null', input: {type: null, title: 'S', url: '/a'}, value: {type: 'source', title: 'S', url: '/a'}, schema: WRONG_TYPE},
    {name: 'an empty object', input: {}, value: NONE, problems: [['title', E]]},
    {name: 'title ""', input: {title: '', url: '/a'}, value: NONE, problems: [['title', E]]},
    {name: 'no url', input: {title: 'S'}, value: {type: 'source', title: 'S', url: ''}, problems: [['url', W]]},
    {name: 'url file:', input: {title: 'S', url: 'file:///etc/passwd'}, value: {type: 'source', title: 'S', url: ''}, problems: [['url', W]]},
    {
      name: 'every optional field bad',
      input: {title: 'S', url: '/a', publishedAt: '2025-06-31', points: 'p', siteName: {}, image: {src: 'blob:https://a/b', alt: ''}},
      value: {type: 'source', title: 'S', url: '/a'},
      problems: [['publishedAt', W], ['points', W], ['siteName', W], ['image.src', W]],
    },
    {
      name: 'every optional field null',
      input: {title: 'S', url: '/a', publishedAt: null, points: null, siteName: null, image: null},
      value: {type: 'source', title: 'S', url: '/a'},
    },
    {name: 'an array', input: [], value: NONE, problems: [['', E]]},
    {name: 'HTML-escaped JSON text', input: '{&quot;title&quot;:&quot;S&quot;}', value: NONE, problems: [['', E]]},
  ]);
});

describe('validateComment (standalone <reader-comment> data)', () => {
  const WRONG_TYPE = {valid: false, why: 'standalone data ignores `type`; the schema still wants "comment" there, so a producer notices'};
  const c = (extra) => ({text: 'c', ...extra});
  const cv = (extra) => ({type: 'comment', text: 'c', ...extra});
  runTable('comment', [
    {name: 'text only', input: c(), value: cv()},
    {name: 'with type "comment"', input: c({type: 'comment'}), value: cv()},
    {name: 'with type "paragraph"', input: c({type: 'paragraph'}), value: cv(), schema: WRONG_TYPE},
    {name: 'text with line breaks', input: c({text: 'a\nb'}), value: cv({text: 'a\nb'})},
    ...['👩', '🧑‍💼', '👍🏽', '🇯🇵', '🏳️‍🌈', '❤️'].map((avatar) => ({name: `emoji avatar ${avatar}`, input: c({avatar}), value: cv({avatar})})),
    {name: 'avatar an image URL', input: c({avatar: '/a.png'}), value: cv({avatar: '/a.png'})},
    {name: 'avatar an https URL, padded', input: c({avatar: ' https://example.com/a.png '}), value: cv({avatar: 'https://example.com/a.png'})},
    // Any string without a scheme is a relative URL, so these pass as URLs (not as emoji).
    {name: 'avatar of two emoji passes as a relative URL', input: c({avatar: '😀😀'}), value: cv({avatar: '😀😀'})},
    {name: 'avatar of initials passes as a relative URL', input: c({avatar: 'AB'}), value: cv({avatar: 'AB'})},
    ...['javascript:alert(1)', 'data:image/svg+xml,<svg/>', 'mailto:a@example.com', '', ' '].map((avatar) => ({
      name: `avatar neither URL nor emoji: ${JSON.stringify(avatar)}`,
      input: c({avatar}),
      value: cv(),
      problems: [['avatar', W]],
    })),
    {name: 'avatar a number', input: c({avatar: 5}), value: cv({avatar: '5'}), problems: [['avatar', W]]},
    {name: 'side "start"', input: c({side: 'start'}), value: cv({side: 'start'})},
    {name: 'side "left"', input: c({side: 'left'}), value: cv(), problems: [['side', W]]},
    {name: 'side "END"', input: c({side: 'END'}), value: cv(), problems: [['side', W]]},
    {name: 'side null', input: c({side: null}), value: cv()},
    {name: 'name and persona numbers', input: c({name: 1, persona: false}), value: cv({name: '1', persona: 'false'}), problems: [['name', W], ['persona', W]]},
    {name: 'no text', input: {name: 'N'}, value: NONE, problems: [['text', E]]},
    {name: 'text of white space', input: {text: '\n '}, value: NONE, problems: [['text', E]]},
    {name: 'a string', input: 'c', value: NONE, problems: [['', E]]},
    {
      name: 'a long avatar of emoji (4,000) is handled quickly',
      input: c({avatar: '😀'.repeat(4000)}),
      value: cv({avatar: '😀'.repeat(4000)}),
      after: () => {
        const t = performance.now();
        validateComment(c({avatar: '😀'.repeat(4000)}));
        assert.ok(performance.now() - t < 50, `took ${Math.round(performance.now() - t)} ms`);
      },
    },
  ]);
});

describe('validateTakeaways (standalone <takeaway-list> data)', () => {
  runTable('takeaways', [
    {name: 'string items', input: {items: ['a', 'b']}, value: {items: ['a', 'b']}},
    {
      name: 'heading, icon and object items',
      input: {heading: 'H', icon: '📘', items: [{text: 'a', icon: '💡'}, 'b']},
      value: {heading: 'H', icon: '📘', items: [{text: 'a', icon: '💡'}, 'b']},
    },
    {name: 'no items', input: {heading: 'H'}, value: NONE, problems: [['items', E]]},
    {name: 'items null', input: {items: null}, value: NONE, problems: [['items', E]]},
    {name: 'items an object', input: {items: {text: 'a'}}, value: NONE, problems: [['items', E]]},
    {name: 'an item a number (shown as its text)', input: {items: [5, 'b']}, value: {items: ['5', 'b']}, problems: [['items[0]', W]]},
    {name: 'an item without text', input: {items: [{icon: '💡'}]}, value: {items: []}, problems: [['items[0].text', W]]},
    {name: 'heading a number', input: {heading: 3, items: []}, value: {heading: '3', items: []}, problems: [['heading', W]]},
    {name: 'JSON text with BOM', input: '\uFEFF{"items":["a"]}', value: {items: ['a']}},
    {name: 'an array', input: ['a'], value: NONE, problems: [['', E]]},
    {
      name: 'an item of white space only',
      input: {items: ['  ']},
      value: {items: []},
      problems: [['items[0]', W]],
    },
  ]);
});

// ---------------------------------------------------------------------------------------------
describe('isChecked: a validated value is not checked again', () => {
  const seed = JSON.parse(read('../fixtures/seed.json'));
  const article = validateArticle(seed).value;
  const source = validateSource({title: 'S', url: '/a'}).value;
  const comment = validateComment({text: 'c'}).value;
  const takeaways = validateTakeaways({items: ['a']}).value;

  for (const [name, validate, value] of [
    ['article', validateArticle, article],
    ['source', validateSource, source],
    ['comment', validateComment, comment],
    ['takeaways', validateTakeaways, takeaways],
    ['the takeaways inside an article', validateTakeaways, article.takeaways],
    ['a source block inside an article', validateSource, article.sections[0].blocks[3]],
    ['a comment block inside an article', validateComment, article.sections[0].blocks.at(-1)],
  ]) {
    test(`${name}: passed back, it is returned as-is with no problems`, () => {
      assert.ok(isChecked(value));
      const again = validate(value);
      assert.equal(again.value, value, 'the same object');
      assert.deepEqual(again.problems, []);
    });
  }

  test('a copy of a validated value is checked again', () => {
    const copy = JSON.parse(JSON.stringify(article));
    assert.equal(isChecked(copy), false);
    const again = validateArticle(copy);
    assert.notEqual(again.value, copy);
    assert.deepStrictEqual(again.value, article);
  });

  test('isChecked is false for anything else', () => {
    for (const v of [null, undefined, 'x', 1, {}, [], seed, JSON.stringify(article)]) assert.equal(isChecked(v), false, show(v));
  });

  test(
    'a value checked as one shape is not accepted as another',
    {},
    () => {
      const r = validateArticle(comment);
      assert.equal(r.value, undefined);
      assert.deepEqual(
        r.problems.map((p) => [p.path, p.severity]),
        [['title', E]],
      );
      assert.equal(validateComment(source).value, undefined);
      assert.equal(validateTakeaways(article).value, undefined);
    },
  );
});
