/**
 * Input quoted in a message (a console line, a `digest-error`/`digest-warning` event, a
 * `problems` entry) is cut to a short prefix: a 5 MB block `type` or a JSON engine's quote of
 * the text must not be copied whole into every message.
 */

/** Longest piece of the input a message quotes, in UTF-16 code units (then "…"). */
export const ECHO = 40;

/** `s` cut to its first `max` code units, with "…" when something was cut. */
export const clip = (s: string, max = ECHO): string => (s.length > max ? `${s.slice(0, max)}…` : s);

/**
 * A value from the input, written into a message: a string quoted and cut, a number, boolean
 * or null as written, anything else by its type (never converted: that may run its code).
 */
export const quote = (v: unknown): string =>
  typeof v === 'string' ? JSON.stringify(clip(v)) : v === null || /^[nb]/.test(typeof v) ? clip(String(v)) : typeof v;

/**
 * Whatever was thrown (an `Error` of any window, a string, a Symbol, `undefined`, an object
 * without a prototype, a Proxy…) as a short message; never throws.
 */
export function describe(thrown: unknown): string {
  try {
    const m = (thrown as {message?: unknown} | null | undefined)?.message;
    return clip(String(typeof m === 'string' ? m : thrown), 2 * ECHO);
  } catch {
    return `a thrown ${typeof thrown}`;
  }
}
