import type {ReactiveController} from 'lit';
import type {Article} from '../format/types.js';
import {DigestWarningEvent} from '../shared/events.js';

/** What the article's input is doing: nothing is checked while it loads or failed. */
export interface InputState {
  loading: boolean;
  error?: unknown;
}

/**
 * A child slotted into `section-<id>` of a `<digest-article>` where no section has that id would
 * not show: after each render, each such slot name is reported once, by a `digest-warning`
 * naming it (one console line for them all). Part of `digest-elements/compose`.
 */
export class StraySlots implements ReactiveController {
  #host: HTMLElement;
  #article: () => Article | undefined;
  #state: () => InputState;
  /** `section-<id>` slot names reported already. */
  #stray = new Set<string>();

  constructor(host: HTMLElement & {addController(c: ReactiveController): void}, article: () => Article | undefined, state: () => InputState) {
    this.#host = host;
    this.#article = article;
    this.#state = state;
    host.addController(this);
  }

  hostUpdated(): void {
    const {loading, error} = this.#state();
    if (loading || error) return;
    const host = this.#host;
    const value = this.#article();
    const stray = [...host.querySelectorAll(':scope > [slot^="section-"]')]
      .map((e) => e.slot)
      .filter((slot) => !this.#stray.has(slot) && !value?.sections.some((s) => `section-${s.id}` === slot) && this.#stray.add(slot));
    if (!stray.length) return;
    const message = 'has no section with that id: not shown';
    console.warn(`<digest-article> ${stray.map((s) => `slot="${s}"`).join(', ')}: ${message}`);
    for (const slot of stray) host.dispatchEvent(new DigestWarningEvent({path: `slot="${slot}"`, message}));
  }
}
