// Finds JSON objects inside other text (a log line, a pasted curl session), bounded so hostile text stays cheap.

/** At most this many '{' are tried as the start of an object. */
const MAX_STARTS = 64;
/** An unclosed '{' is not followed further than this many characters. */
const MAX_OBJECT = 20_000;

export interface TextSpan {
  start: number;
  /** Exclusive. */
  end: number;
  text: string;
}

/** Balanced {...} substrings, string-aware, by start (an outer object before the ones inside it). */
export function jsonObjectSpans(text: string): TextSpan[] {
  const found: TextSpan[] = [];
  let starts = 0;
  for (let i = text.indexOf('{'); i >= 0 && starts < MAX_STARTS; i = text.indexOf('{', i + 1)) {
    starts++;
    let depth = 0;
    let inString = false;
    const stop = Math.min(text.length, i + MAX_OBJECT);
    for (let j = i; j < stop; j++) {
      const c = text[j];
      if (inString) {
        if (c === '\\') {
          j++;
        } else if (c === '"') {
          inString = false;
        }
      } else if (c === '"') {
        inString = true;
      } else if (c === '{') {
        depth++;
      } else if (c === '}') {
        depth--;
        if (depth === 0) {
          // Objects inside this one are tried too: a wrapper that is not JSON ("{ log: {…} }") must not hide them.
          found.push({ start: i, end: j + 1, text: text.slice(i, j + 1) });
          break;
        }
      }
    }
  }
  return found;
}
