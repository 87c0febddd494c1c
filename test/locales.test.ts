import {expect, html} from '@open-wc/testing';
import type {DigestArticle, TakeawayList} from '../src/index.js';
import {localeKeys, registerLocale} from '../src/locales/index.js';
import {deepAll, mountIn} from './utils.js';

/** The heading `<takeaway-list>` shows without a `heading` of its own, in `lang`. */
async function heading(lang: string): Promise<string> {
  const el = await mountIn<TakeawayList>(html`<takeaway-list lang=${lang} .data=${{items: ['One']}}></takeaway-list>`);
  return el.shadowRoot!.querySelector('[part=heading]')!.textContent!.replace(/^📘 /, '');
}

const EN = 'What you’ll learn';
const JA = 'この記事で分かる事!';
const HANS = '本文要点';
const HANT = '本文重點';
const KO = '이 글에서 알 수 있는 것';

// The opt-in modules are imported in the tests below, in order: before them the languages are unknown.
describe('UI languages: built in, opt-in modules, registerLocale', () => {
  it('names every UI string key', () => {
    expect(localeKeys).to.include.members(['takeaways', 'published', 'updated', 'by', 'readMore', 'credit', 'next', 'loading', 'error', 'retry']);
  });

  it('speaks English and Japanese without any module; other languages get English', async () => {
    expect(await heading('en')).to.equal(EN);
    expect(await heading('ja-JP')).to.equal(JA);
    for (const lang of ['zh-CN', 'zh-TW', 'ko', 'fr', 'constructor', '__proto__']) expect(await heading(lang), lang).to.equal(EN);
  });

  it('zh-Hans: zh-CN, zh-SG, zh-Hans*, and zh', async () => {
    await import('../src/locales/zh-Hans.js');
    for (const lang of ['zh-Hans', 'zh-CN', 'zh-SG', 'zh-Hans-CN', 'zh-hans-hk', 'zh']) expect(await heading(lang), lang).to.equal(HANS);
  });

  it('zh-Hant: zh-TW, zh-HK, zh-Hant* (and zh-MO)', async () => {
    await import('../src/locales/zh-Hant.js');
    for (const lang of ['zh-Hant', 'zh-TW', 'zh-HK', 'zh-MO', 'zh-Hant-TW', 'zh-Hant-CN']) expect(await heading(lang), lang).to.equal(HANT);
    expect(await heading('zh-CN')).to.equal(HANS);
  });

  it('ko: ko and ko-*', async () => {
    await import('../src/locales/ko.js');
    for (const lang of ['ko', 'ko-KR', 'KO-kr']) expect(await heading(lang), lang).to.equal(KO);
    expect(await heading('fr-CA')).to.equal(EN);
  });

  it("follows the data's lang in a whole article, and stays accessible", async () => {
    const data = {title: '標題', lang: 'zh-TW', takeaways: {items: ['一']}, next: {url: 'https://example.com/2'}};
    const el = await mountIn<DigestArticle>(html`<digest-article .data=${data}></digest-article>`);
    expect(deepAll(el, '[part=heading]').map((h) => h.textContent!.replace(/^📘 /, ''))).to.deep.equal([HANT]);
    expect(el.shadowRoot!.querySelector('[part=next-link]')!.textContent).to.include('閱讀下一頁');
    await expect(el).to.be.accessible();
  });

  it('adds a language from some strings (the rest English), shown from the next render', async () => {
    const el = await mountIn<TakeawayList>(html`<takeaway-list lang="de-AT" .data=${{items: ['Eins']}}></takeaway-list>`);
    const shown = () => el.shadowRoot!.querySelector('[part=heading]')!.textContent;
    expect(shown()).to.equal(`📘 ${EN}`);
    registerLocale('de', {takeaways: 'Was Sie erfahren'});
    el.requestUpdate();
    await el.updateComplete;
    expect(shown()).to.equal('📘 Was Sie erfahren');
    await expect(el).to.be.accessible();
  });

  it('overrides some strings of a language, keeping the others and its regional tags', async () => {
    registerLocale('zh-Hant', {takeaways: '重點'});
    expect(await heading('zh-TW')).to.equal('重點');
    const el = await mountIn<DigestArticle>(html`<digest-article .data=${{title: 't', lang: 'zh-HK', next: {url: 'https://example.com/'}}}></digest-article>`);
    expect(el.shadowRoot!.querySelector('[part=next-link]')!.textContent).to.include('閱讀下一頁');
  });

  it('keeps a region registered on its own when its script is registered again', async () => {
    registerLocale('zh-HK', {takeaways: '香港'});
    registerLocale('zh-Hant', {takeaways: '重點二'});
    expect(await heading('zh-HK')).to.equal('香港');
    expect(await heading('zh-TW')).to.equal('重點二');
  });

  it('serves a language another copy of the package registered (one table per page)', async () => {
    const table = (globalThis as Record<symbol, Record<string, unknown>>)[Symbol.for('digest-elements.locales')];
    table.eo = {...(table.en as object), takeaways: 'Kion vi lernos'};
    expect(await heading('eo')).to.equal('Kion vi lernos');
  });

  it('refuses a bad tag, an unknown key and a value that is not text, with a TypeError', () => {
    expect(() => registerLocale('not a tag', {})).to.throw(TypeError, /not a BCP 47 language tag/);
    expect(() => registerLocale('__proto__', {})).to.throw(TypeError, /not a BCP 47/);
    expect(() => registerLocale('fr', {takeaway: 'x'} as never)).to.throw(TypeError, /unknown key "takeaway"/);
    expect(() => registerLocale('fr', {retry: 1} as never)).to.throw(TypeError, /retry should be a string/);
    return heading('fr').then((shown) => expect(shown).to.equal(EN));
  });
});
