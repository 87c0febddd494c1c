import {isServer, type ReactiveController, type ReactiveControllerHost} from 'lit';
import {isChecked} from '../format/validate.js';
import type {Problem, Result} from '../format/types.js';
import {DigestErrorEvent, DigestLoadEvent, DigestWarningEvent} from './events.js';
import {safeUrl} from '../format/safe-url.js';

/**
 * An element that takes data: its `data` (attribute JSON or property value) and maybe `src`, whose
 * response may be at most `srcLimit` bytes (a static property of the element's class).
 */
export type InputHost = ReactiveControllerHost & HTMLElement & {data?: unknown; src?: string | null};

/**
 * How an element reads its data from its own attributes and children (composition by hand, what
 * a CMS template emits without building JSON): `read` gives the object to validate, or
 * `undefined` when the markup holds none; `attributes` are the attributes it reads. The core
 * elements carry none (without it, markup composed by hand renders nothing: the README says
 * what to load): `digest-elements/compose` sets it as a static `markup` on their classes.
 */
export interface Markup {
  read(host: HTMLElement): object | undefined;
  attributes: string[];
}

interface Fetched {
  src: string;
  text?: string;
  error?: Problem;
}

/** How long `src` may take before the element shows its error state with a retry. */
const TIMEOUT = 20_000;

/** Warning events fired per input at most; the console line gives the count of all. */
const EVENTS = 100;

/** Problems written out in the console line; the rest are counted. */
const LINES = 3;

/**
 * A response's text, at most `limit` bytes: refused from its `Content-Length` before reading,
 * cancelled while streaming as soon as it grows past `limit`.
 */
async function read(r: Response, limit: number): Promise<string> {
  const reader = r.body!.getReader(); // a 2xx answer to a GET has a body
  const chunks: Uint8Array[] = [];
  for (let size = 0; ; ) {
    if (size > limit || Number(r.headers.get('content-length')) > limit) {
      void reader.cancel();
      throw new Error(`larger than ${limit} bytes (srcLimit)`);
    }
    const {done, value} = await reader.read();
    if (done) return new Blob(chunks as BlobPart[]).text();
    chunks.push(value);
    size += value.length;
  }
}

/**
 * The ways in, as one value: the `data` property or attribute (JSON text or an object)
 * wins; else the text of a child `<script type="application/json">`; else, where the element
 * has one, the JSON fetched from `src`; else what the host's class reads from its attributes and
 * children (its static `markup`, see `Markup`). The value is validated once, its problems reported as
 * events (each problem one event, at most 100 warnings) and ONE console line per input that
 * summarises them, and the host renders `value`, `error` or `loading`.
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
  /** What the markup last read; read again after a change to the element's attributes or children. */
  #marked?: object;
  #stale = true;
  #input?: unknown;
  #fetched?: Fetched;
  #abort?: AbortController;
  /** Watches the children while the element is in the page without `data`. */
  #observer?: MutationObserver;
  #announce?: boolean;

  constructor(host: InputHost, validate: (input: unknown) => Result<T>) {
    this.#host = host;
    this.#validate = validate;
    host.addController(this);
  }

  /** True while `src` is being fetched. */
  get loading(): boolean {
    const f = this.#fetched;
    return !!f && f.text == null && !f.error;
  }

  hostConnected(): void {
    this.#stale = true; // the children may have changed while the element was out of the page
    if (!isServer) this.#host.requestUpdate(); // update() reads the children and watches them
  }

  hostDisconnected(): void {
    this.#observer?.disconnect();
    this.#observer = undefined;
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
    if (data == null && !this.#observer && !isServer && host.isConnected) {
      (this.#observer = new MutationObserver(() => {
        this.#stale = true;
        host.requestUpdate();
      })).observe(host, {
        childList: true,
        subtree: true,
        characterData: true,
        attributeFilter: (host.constructor as {markup?: Markup}).markup?.attributes, // none: no attribute is watched
      });
    }
    const input =
      data ??
      (isServer ? undefined : host.querySelector(':scope > script[type="application/json"]')?.textContent) ??
      (src ? undefined : this.#readMarkup());
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

  /** What the markup gives, read again after a change (always while unobserved: not yet in the page). */
  #readMarkup(): object | undefined {
    if (this.#stale) {
      this.#stale = !this.#observer;
      this.#marked = (this.#host.constructor as {markup?: Markup}).markup?.read(this.#host);
    }
    return this.#marked;
  }

  #show(input: unknown, failure?: Problem, fetched?: boolean): void {
    if (input === this.#input) return;
    this.#input = input;
    const result = input === undefined ? {problems: []} : failure ? {problems: [failure]} : this.#validate(input);
    const {value} = result;
    // A fetched body that is no article at all (not JSON: an HTML error page, a truncated
    // response; or not an object) is a failed `src`, like an HTTP error: it is reported at
    // `src`, so that the error state offers its retry.
    const problems = result.problems.map((p) =>
      fetched && p.severity === 'error' && !p.path
        ? {...p, path: 'src', message: `could not be loaded (${p.message})`}
        : input === '[object Object]' && !p.path
          ? {...p, message: `${p.message} (pass objects through the \`data\` property, not setAttribute)`}
          : p,
    );
    const error = problems.find((p) => p.severity === 'error');
    this.value = value;
    this.error = error;
    this.#announce = !!value && !isChecked(input);
    if (!problems.length) return;
    // One console line per input, however many problems: the error first, then the first
    // warnings, then a count. Each problem is an event (warnings: the first EVENTS).
    const host = this.#host;
    const all = error ? [error, ...problems.filter((p) => p !== error)] : problems;
    const more = all.length - LINES;
    console[error ? 'error' : 'warn'](
      `<${host.localName}> ${all.length > 1 ? `${all.length} problems: ` : ''}${all
        .slice(0, LINES)
        .map(({path, message}) => (path ? `${path}: ${message}` : message))
        .join('; ')}${more > 0 ? `; … (+${more} more)` : ''}`,
    );
    let warnings = 0;
    for (const {path, message, severity} of problems) {
      const isError = severity === 'error';
      if (isError || warnings++ < EVENTS) {
        host.dispatchEvent(new (isError ? DigestErrorEvent : DigestWarningEvent)(path ? {path, message} : {message}));
      }
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
    const limit = (this.#host.constructor as unknown as {srcLimit: number}).srcLimit;
    fetch(url, {signal: AbortSignal.any([abort.signal, AbortSignal.timeout(TIMEOUT)])})
      .then((r) => (r.ok ? read(r, limit) : Promise.reject(new Error(`HTTP ${r.status}`))))
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
