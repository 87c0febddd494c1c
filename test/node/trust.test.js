// The format's trust guarantees, from the outside (the BUILT validator, dist/format/validate.js):
// validated values are deeply frozen; whatever a getter of the input throws becomes an error
// problem (never an exception); input quoted in a message is cut short.
//
//   npx vite build && node --test test/node/
import {describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {validateArticle, validateComment, validateSource, validateTakeaways} from '../../dist/format/validate.js';

const all = (v, out = []) => {
  if (v && typeof v === 'object') {
    out.push(v);
    Object.values(v).forEach((x) => all(x, out));
  }
  return out;
};

describe('validated values are frozen: copy to edit', () => {
  const article = {
    title: 'T',
    site: {name: 'S', url: 'https://example.com/'},
    takeaways: {items: ['a', {text: 'b'}]},
    sections: [{heading: 'H', blocks: [{type: 'source', title: 'S', url: '/a', points: ['p'], image: {src: '/i.png', alt: ''}}]}],
    next: {url: 'https://example.com/next'},
  };
  for (const [name, value] of [
    ['article', validateArticle(article).value],
    ['source', validateSource({title: 'S', url: '/a', points: ['p']}).value],
    ['comment', validateComment({text: 'c'}).value],
    ['takeaways', validateTakeaways({items: ['a', {text: 'b'}]}).value],
  ]) {
    test(`${name}: every object and array is frozen; a write throws`, () => {
      for (const o of all(value)) assert.ok(Object.isFrozen(o), JSON.stringify(o));
      assert.throws(() => {
        'use strict';
        value.title = 'x';
      }, TypeError);
    });
  }
  test('a copy with a javascript: URL is checked again and the URL dropped', () => {
    const v = validateArticle(article).value;
    const r = validateArticle({...v, next: {...v.next, url: 'javascript:alert(1)'}});
    assert.equal(r.value.next.url, '');
    assert.deepEqual(r.problems.map((p) => p.path), ['next.url']);
  });
});

describe('whatever a getter throws: an error problem, never an exception', () => {
  const throwing = (thrown) => ({
    get title() {
      throw thrown;
    },
  });
  const cases = [
    ['a Symbol', Symbol('s'), 'Symbol(s)'],
    ['an object without a prototype', Object.create(null), 'a thrown object'],
    ['undefined', undefined, 'undefined'],
    ['an Error', new RangeError('bad'), 'bad'],
    ['a long string', 'y'.repeat(10_000), `${'y'.repeat(80)}…`],
  ];
  for (const [name, thrown, said] of cases) {
    test(name, () => {
      const r = validateArticle(throwing(thrown));
      assert.equal(r.value, undefined);
      assert.deepEqual(r.problems, [{path: '', message: `unreadable data: ${said}`, severity: 'error'}]);
    });
  }
});

describe('input quoted in a message is cut to 40 characters', () => {
  const long = 'z'.repeat(5 * 1024 * 1024);
  test('an unknown block type', () => {
    const r = validateArticle({title: 'T', sections: [{heading: 'H', blocks: [{type: long}, {type: 7}, {type: {}}]}]});
    assert.deepEqual(
      r.problems.map((p) => p.message),
      [`unknown block type "${'z'.repeat(40)}…": skipped`, 'unknown block type 7: skipped', 'unknown block type object: skipped'],
    );
  });
  test('a version', () => {
    const r = validateArticle({version: long, title: 'T'});
    assert.equal(r.problems[0].message, `unsupported version "${'z'.repeat(40)}…"`);
    assert.equal(validateArticle({version: 2, title: 'T'}).problems[0].message, 'unsupported version 2');
  });
  test('a JSON engine message', () => {
    const r = validateArticle(`{"title": ${long}}`);
    assert.ok(r.problems[0].message.length <= 'invalid JSON: '.length + 81, r.problems[0].message);
  });
});
