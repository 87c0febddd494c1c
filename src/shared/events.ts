/** The events every element fires. All bubble and cross shadow roots (`composed`). */

export interface ProblemDetail {
  /** What is wrong, in English, for developers. */
  message: string;
  /** The JSON path of the field (`sections[0].blocks[2].url`); absent for the whole input. */
  path?: string;
}

const init = {bubbles: true, composed: true};

/** Nothing could be shown: the element shows its error state (`part="error"`). */
export class DigestErrorEvent extends CustomEvent<ProblemDetail> {
  constructor(detail: ProblemDetail) {
    super('digest-error', {...init, detail});
  }
}

/** One value was dropped (bad URL, wrong type, unknown block…); the rest rendered. */
export class DigestWarningEvent extends CustomEvent<ProblemDetail> {
  constructor(detail: ProblemDetail) {
    super('digest-warning', {...init, detail});
  }
}

/** New data was rendered. */
export class DigestLoadEvent extends Event {
  constructor() {
    super('digest-load', init);
  }
}

declare global {
  interface HTMLElementEventMap {
    'digest-error': DigestErrorEvent;
    'digest-warning': DigestWarningEvent;
    'digest-load': DigestLoadEvent;
  }
}
