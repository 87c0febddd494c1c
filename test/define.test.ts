import {expect} from '@open-wc/testing';
import {DigestArticle, ReaderComment, SourceCard, TakeawayList, VERSION, define} from '../src/index.js';
import '../src/define.js';
import {quietConsole} from './utils.js';

describe('registration', () => {
  const table: [string, CustomElementConstructor][] = [
    ['digest-article', DigestArticle],
    ['source-card', SourceCard],
    ['takeaway-list', TakeawayList],
    ['reader-comment', ReaderComment],
  ];

  for (const [tag, element] of table) {
    it(`registers <${tag}> as its class, with the package version`, () => {
      expect(customElements.get(tag) === element, 'registered class').to.be.true;
      expect((element as unknown as {version: string}).version).to.equal(VERSION);
      expect(document.createElement(tag)).to.be.instanceOf(element);
    });
  }

  it('keeps the version equal to package.json', async () => {
    const pkg = (await (await fetch(new URL('../package.json', import.meta.url))).json()) as {version: string};
    expect(VERSION).to.equal(pkg.version);
  });

  it('does nothing (and warns nothing) when the same version registers again', async () => {
    const log = await quietConsole(() => define('source-card', class extends SourceCard {}));
    expect(log.warn).to.deep.equal([]);
    expect(customElements.get('source-card') === SourceCard).to.be.true;
  });

  it('warns once, without throwing, when another version is already registered', async () => {
    const tag = `x-prior-${Math.random().toString(36).slice(2, 8)}`;
    customElements.define(tag, class extends HTMLElement {
      static version = '0.0.1';
    });
    const log = await quietConsole(() => define(tag, class extends HTMLElement {}));
    expect(log.warn.length).to.equal(1);
    expect(log.warn[0]).to.include('0.0.1').and.include(VERSION);
  });
});
