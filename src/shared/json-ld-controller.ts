import type {ReactiveController, ReactiveControllerHost} from 'lit';
import {jsonLdScript} from '../format/json-ld.js';
import type {Article} from '../format/types.js';

type Policy = {createScript(text: string): unknown};
let policy: Policy | null | undefined;

/**
 * Keeps one `<script type="application/ld+json">` in the host's light DOM (where crawlers read
 * the document) in step with the article `get()` returns; removes it when `get()` returns
 * nothing. A script already there (server rendering put it) is taken over and only rewritten
 * when its text differs.
 *
 * A script's text is a Trusted Types sink whatever its `type`: under
 * `require-trusted-types-for 'script'` it is set through a policy named `digest-elements`
 * (a page with a `trusted-types` allowlist must list it); refused that, through a text node
 * (the JSON is in place, the browser reports a violation).
 */
export class JsonLdController implements ReactiveController {
  private script?: HTMLScriptElement;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly get: () => Article | undefined,
  ) {
    host.addController(this);
  }

  hostUpdated(): void {
    const {host} = this;
    const article = this.get();
    if (!article) {
      this.script?.remove();
      this.script = undefined;
      return;
    }
    const script = (this.script ??=
      host.querySelector<HTMLScriptElement>(':scope > script[type="application/ld+json"]') ??
      Object.assign(document.createElement('script'), {type: 'application/ld+json'}));
    const url = document.querySelector<HTMLLinkElement>('link[rel=canonical]')?.href || document.URL.split('#')[0];
    const text = jsonLdScript(article, {url});
    if (script.textContent !== text) {
      if (policy === undefined) {
        try {
          const tt = (globalThis as {trustedTypes?: {createPolicy(name: string, rules: Policy): Policy}}).trustedTypes;
          policy = tt?.createPolicy('digest-elements', {createScript: (t) => t}) ?? null;
        } catch {
          policy = null;
        }
      }
      try {
        script.textContent = (policy?.createScript(text) ?? text) as string;
      } catch {
        script.replaceChildren(text);
      }
    }
    if (script.parentNode !== host) host.append(script);
  }
}
