import {isServer, type ReactiveController, type ReactiveControllerHost} from 'lit';
import {isChecked} from '../format/validate.js';
import type {Problem, Result} from '../format/types.js';
import {DigestErrorEvent, DigestLoadEvent, DigestWarningEvent} from './events.js';
import {safeUrl} from './safe-url.js';

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
  private input?: unknown;
  private script?: string;
  private fetched?: Fetched;
  private abort?: AbortController;
  private observer?: MutationObserver;
  private announce?: boolean;

  /**
   * @param markup - The element's data written as attributes and children (what a template
   *   language emits without building JSON), as JSON text; used when nothing else is given.
   */
  constructor(
    private readonly host: InputHost,
    private readonly validate: (input: unknown) => Result<T>,
    private readonly markup?: () => string | undefined,
  ) {
    host.addController(this);
  }

  /** True while `src` is being fetched. */
  get loading(): boolean {
    const f = this.fetched;
    return !!f && f.text == null && !f.error;
  }

  hostConnected(): void {
    if (isServer) return;
    // A child script may still be on its way from the parser, be added by a framework, or be
    // edited later by a CMS. The observer costs nothing while nothing changes.
    (this.observer ??= new MutationObserver(() => this.host.requestUpdate())).observe(this.host, {
      childList: true,
      subtree: true,
      characterData: true,
      attributes: !!this.markup,
    });
    this.host.requestUpdate();
  }

  hostDisconnected(): void {
    this.observer?.disconnect();
    // A finished fetch is kept, so moving the element does not fetch again.
    if (this.loading) this.stopFetch();
  }

  /** Reads the current input; call from the host's `willUpdate()`. */
  update(): void {
    const {data, src} = this.host;
    if (!isServer) {
      this.script = this.host.querySelector(':scope > script[type="application/json"]')?.textContent ?? undefined;
    }
    const input = data ?? this.script ?? (src ? undefined : this.markup?.());
    if (input == null && src) {
      if (this.fetched?.src !== src) this.startFetch(src);
      const f = this.fetched!;
      this.show(f.error ?? f.text, f.error, true);
    } else {
      this.stopFetch();
      this.show(input);
    }
  }

  hostUpdated(): void {
    if (this.announce) this.host.dispatchEvent(new DigestLoadEvent());
    this.announce = false;
  }

  /** Fetches `src` again (the error state's retry button). */
  retry(): void {
    this.fetched = undefined;
    this.host.requestUpdate();
  }

  private show(input: unknown, failure?: Problem, fetched = false): void {
    if (input === this.input) return;
    this.input = input;
    if (input === undefined) {
      this.value = this.error = undefined;
      return;
    }
    const result = failure ? {value: undefined, problems: [failure]} : this.validate(input);
    const {value} = result;
    // A fetched body that is no article at all (not JSON: an HTML error page, a truncated
    // response; or not an object) is a failed `src`, like an HTTP error: it is reported at
    // `src`, so that the error state offers its retry (issue #4).
    const problems = fetched
      ? result.problems.map((p) =>
          p.severity === 'error' && !p.path ? {...p, path: 'src', message: `could not be loaded (${p.message})`} : p,
        )
      : result.problems;
    this.value = value;
    this.error = problems.find((p) => p.severity === 'error');
    this.announce = !!value && !isChecked(input);
    const tag = this.host.localName;
    for (const {path, message, severity} of problems) {
      const detail = path ? {path, message} : {message};
      const line = `<${tag}> ${path ? `${path}: ` : ''}${message}`;
      if (severity === 'error') {
        console.error(line);
        this.host.dispatchEvent(new DigestErrorEvent(detail));
      } else {
        console.warn(line);
        this.host.dispatchEvent(new DigestWarningEvent(detail));
      }
    }
  }

  private startFetch(src: string): void {
    this.stopFetch();
    const f: Fetched = (this.fetched = {src});
    if (isServer) return;
    const url = safeUrl(src);
    if (!url) {
      f.error = {path: 'src', message: 'is not an http(s) URL', severity: 'error'};
      return;
    }
    const abort = (this.abort = new AbortController());
    const signal = AbortSignal.any([abort.signal, AbortSignal.timeout(TIMEOUT)]);
    fetch(url, {signal})
      .then((r) => (r.ok ? r.text() : Promise.reject(new Error(`HTTP ${r.status}`))))
      .then(
        (text) => (f.text = text),
        (e: Error) => {
          if (abort.signal.aborted) return;
          f.error = {path: 'src', message: `could not be loaded (${e.message || e.name})`, severity: 'error'};
        },
      )
      .finally(() => this.fetched === f && this.host.requestUpdate());
  }

  private stopFetch(): void {
    this.abort?.abort();
    this.abort = this.fetched = undefined;
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
