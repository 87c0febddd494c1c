import {isServer, type ReactiveController, type ReactiveControllerHost} from 'lit';
import {isChecked} from '../format/validate.js';
import type {Problem, Result} from '../format/types.js';
import {DigestErrorEvent, DigestLoadEvent, DigestWarningEvent} from './events.js';
import {safeUrl} from '../format/safe-url.js';

/** An element that takes data: its `data` (attribute JSON or property value) and maybe `src`. */
export type InputHost = ReactiveControllerHost & HTMLElement & {data?: unknown; src?: string | null};

interface Fetched {
  src: string;
  text?: string;
  error?: Problem;
}

/** How long `src` may take before the element shows its error state with a retry. */
const TIMEOUT = 20_000;

/**
 * The ways in, as one value: the `data` property or attribute (JSON text or an object)
 * wins; else the text of a child `<script type="application/json">`; else, where the element
 * has one, the JSON fetched from `src`; else what the host reads from its own attributes and
 * children (`markup`). The value is validated once, its problems reported as
 * events (and one console line each), and the host renders `value`, `error` or `loading`.
 *
 * The host calls `update()` from its `willUpdate()`: server rendering (Lit SSR) runs
 * `willUpdate` but not controllers' `hostUpdate`. On the server nothing is observed or fetched.
 */
export class DataInput<T extends object> implements ReactiveController {
  value?: T;
  error?: Problem;
  // #private: the minifier shortens these names (it cannot shorten `private` ones).
  #host: InputHost;
  #validate: (input: unknown) => Result<T>;
  #markup?: () => string | undefined;
  #input?: unknown;
  #fetched?: Fetched;
  #abort?: AbortController;
  #observer?: MutationObserver;
  #watching?: boolean;
  #announce?: boolean;

  /**
   * @param markup - The element's data written as attributes and children (what a template
   *   language emits without building JSON), as JSON text; used when nothing else is given.
   */
  constructor(host: InputHost, validate: (input: unknown) => Result<T>, markup?: () => string | undefined) {
    this.#host = host;
    this.#validate = validate;
    this.#markup = markup;
    host.addController(this);
  }

  /** True while `src` is being fetched. */
  get loading(): boolean {
    const f = this.#fetched;
    return !!f && f.text == null && !f.error;
  }

  hostConnected(): void {
    if (!isServer) this.#host.requestUpdate(); // update() reads the children and watches them
  }

  hostDisconnected(): void {
    this.#watching = false;
    this.#observer?.disconnect();
    // A finished fetch is kept, so moving the element does not fetch again.
    if (this.loading) this.#stopFetch();
  }

  /** Reads the current input; call from the host's `willUpdate()`. */
  update(): void {
    const host = this.#host;
    const {data, src} = host;
    // Without `data`, the children count: a child script may still be on its way from the
    // parser, be added by a framework, or be edited later by a CMS, so they are watched (the
    // observer costs nothing while nothing changes). With `data` they are neither read nor
    // watched: a page of elements given `data` has no observer each.
    if (data == null && !this.#watching && !isServer && host.isConnected) {
      this.#watching = true;
      (this.#observer ??= new MutationObserver(() => host.requestUpdate())).observe(host, {
        childList: true,
        subtree: true,
        characterData: true,
        attributes: !!this.#markup,
      });
    }
    const input =
      data ??
      (isServer ? undefined : host.querySelector(':scope > script[type="application/json"]')?.textContent) ??
      (src ? undefined : this.#markup?.());
    if (input == null && src) {
      if (this.#fetched?.src !== src) this.#startFetch(src);
      const f = this.#fetched!;
      this.#show(f.error ?? f.text, f.error, true);
    } else {
      this.#stopFetch();
      this.#show(input);
    }
  }

  hostUpdated(): void {
    if (this.#announce) this.#host.dispatchEvent(new DigestLoadEvent());
    this.#announce = false;
  }

  /** Fetches `src` again (the error state's retry button). */
  retry(): void {
    this.#fetched = undefined;
    this.#host.requestUpdate();
  }

  #show(input: unknown, failure?: Problem, fetched?: boolean): void {
    if (input === this.#input) return;
    this.#input = input;
    if (input === undefined) {
      this.value = this.error = undefined;
      return;
    }
    const result = failure ? {value: undefined, problems: [failure]} : this.#validate(input);
    const {value} = result;
    // A fetched body that is no article at all (not JSON: an HTML error page, a truncated
    // response; or not an object) is a failed `src`, like an HTTP error: it is reported at
    // `src`, so that the error state offers its retry.
    const problems = result.problems.map((p) =>
      fetched && p.severity === 'error' && !p.path ? {...p, path: 'src', message: `could not be loaded (${p.message})`} : p,
    );
    this.value = value;
    this.error = problems.find((p) => p.severity === 'error');
    this.#announce = !!value && !isChecked(input);
    const host = this.#host;
    for (const {path, message, severity} of problems) {
      const error = severity === 'error';
      console[error ? 'error' : 'warn'](`<${host.localName}> ${path ? `${path}: ` : ''}${message}`);
      host.dispatchEvent(new (error ? DigestErrorEvent : DigestWarningEvent)(path ? {path, message} : {message}));
    }
  }

  #startFetch(src: string): void {
    this.#stopFetch();
    const f: Fetched = (this.#fetched = {src});
    if (isServer) return;
    const fail = (message: string) => (f.error = {path: 'src', message, severity: 'error'});
    const url = safeUrl(src);
    if (!url) return void fail('is not an http(s) URL');
    const abort = (this.#abort = new AbortController());
    fetch(url, {signal: AbortSignal.any([abort.signal, AbortSignal.timeout(TIMEOUT)])})
      .then((r) => (r.ok ? r.text() : Promise.reject(new Error(`HTTP ${r.status}`))))
      .then(
        (text) => (f.text = text),
        (e: Error) => abort.signal.aborted || fail(`could not be loaded (${e.message || e.name})`),
      )
      .finally(() => this.#fetched === f && this.#host.requestUpdate());
  }

  #stopFetch(): void {
    this.#abort?.abort();
    this.#abort = this.#fetched = undefined;
  }
}

/** The text of an element's `<li>` children (direct, or inside a direct `<ul>`/`<ol>`). */
export const lightItems = (host: Element): string[] =>
  isServer
    ? []
    : [...host.querySelectorAll(':scope > li, :scope > ul > li, :scope > ol > li')].map((li) => li.textContent!.trim());

/** An element's own text, without its child scripts. */
export const lightText = (host: Element): string =>
  isServer
    ? ''
    : [...host.childNodes]
        .filter((n) => n.nodeType === Node.TEXT_NODE || (n instanceof Element && n.localName !== 'script'))
        .map((n) => n.textContent)
        .join('')
        .trim();
