/**
 * Where JSON text went wrong, for people who fix it by hand (server rendering, the CLI, CMS
 * tooling): `validate*(text, {locate: jsonError})`. Pure and DOM-free; not in the browser
 * bundles, whose error state names no position.
 */
import type {Problem} from './types.js';

/**
 * The problem for `text` that `JSON.parse` refused with `error`: `invalid JSON at line L, column
 * C: reason`, with `line` and `column` (1-based, in UTF-16 units). The reason is the parser's
 * message without its position and without quoting the text.
 */
export function jsonError(text: string, error: unknown): Problem {
  const said = String((error as Error)?.message ?? error);
  const before = text.slice(0, errorOffset(text, said)).split('\n');
  const [line, column] = [before.length, before[before.length - 1].length + 1];
  const reason = said
    .replace(/, (\.\.\.)?"[\s\S]*"(\.\.\.)? is not valid JSON$| at position \d+[\s\S]*$/, '')
    .replace(/[\n\r\t]/g, (c) => JSON.stringify(c).slice(1, -1));
  return {path: '', message: `invalid JSON at line ${line}, column ${column}: ${reason}`, severity: 'error', line, column};
}

/**
 * Where JSON.parse failed: the offset it names, else the end of the longest prefix that parses
 * or only ends too early (V8 does not always name a position; a prefix of a good prefix is good).
 */
function errorOffset(text: string, message: string): number {
  const named = /at position (\d+)/.exec(message);
  if (named) return Math.min(+named[1], text.length);
  const ok = (n: number) => {
    try {
      JSON.parse(text.slice(0, n));
      return true;
    } catch (e) {
      // Ran out of input: "Unexpected end", or a position at the very end ("Expected ':'…").
      const at = /at position (\d+)/.exec((e as Error).message);
      return at ? +at[1] >= n : /end of JSON input/i.test((e as Error).message);
    }
  };
  let [lo, hi] = [0, text.length];
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (ok(mid)) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
