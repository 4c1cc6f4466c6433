// Raw-text helpers for redirect URIs: invisible characters a copy brings along, showing a value with them
// escaped, and the '*' glob (RingCentral has no wildcards, but a pasted list may).

/** Whitespace and the zero-width characters a copy from a web page brings along. */
const INVISIBLE_CHARS = /[\s\u200b\u200c\u2060\ufeff\u200d]/; // U+200D last: between two others it would read as one joined character
const isInvisible = (c: string): boolean => INVISIBLE_CHARS.test(c);

// Index loops, not /\s+$/: that regex is quadratic on a long run of inner spaces (40k spaces took 3.8 s).
function leadingInvisible(text: string): string {
  let i = 0;
  while (i < text.length && isInvisible(text[i])) i++;
  return text.slice(0, i);
}

function trailingInvisible(text: string): string {
  let i = text.length;
  while (i > 0 && isInvisible(text[i - 1])) i--;
  return text.slice(i);
}

export function trimInvisible(text: string): string {
  const lead = leadingInvisible(text).length;
  if (lead === text.length) return '';
  return text.slice(lead, text.length - trailingInvisible(text).length);
}

/** Shows a value with its invisible characters escaped: "vscode://x/callback\n". */
export function show(text: string): string {
  return JSON.stringify(text).replace(
    /[\u200b-\u200d\u2060\ufeff\u00a0]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

function describeWhitespace(chars: string): string {
  const names = new Set<string>();
  for (const c of chars) {
    if (c === ' ') names.add('a space');
    else if (c === '\n' || c === '\r') names.add('a line break');
    else if (c === '\t') names.add('a tab');
    else if (c === '\u00a0') names.add('a non-breaking space');
    else names.add('an invisible character');
  }
  return [...names].join(' and ');
}

export function whitespaceNote(value: string): string | undefined {
  const lead = leadingInvisible(value);
  const trail = trailingInvisible(value);
  const parts: string[] = [];
  if (lead) parts.push(`starts with ${describeWhitespace(lead)}`);
  if (trail && trail !== value) parts.push(`ends with ${describeWhitespace(trail)}`);
  return parts.length > 0 ? parts.join(' and ') : undefined;
}

export const isHttpScheme = (scheme: string): boolean => /^https?$/i.test(scheme);

/**
 * Glob match where only '*' is special (any run of characters). Iterative with one backtrack point, so it is
 * linear in practice and O(text × pattern) at worst: no regex, which backtracked exponentially on "a*******X".
 */
export function globMatches(text: string, pattern: string): boolean {
  let t = 0;
  let p = 0;
  let starP = -1;
  let starT = 0;
  while (t < text.length) {
    if (p < pattern.length && pattern[p] === '*') {
      starP = p++;
      starT = t;
    } else if (p < pattern.length && pattern[p] === text[t]) {
      p++;
      t++;
    } else if (starP >= 0) {
      p = starP + 1;
      t = ++starT;
    } else {
      return false;
    }
  }
  while (p < pattern.length && pattern[p] === '*') p++;
  return p === pattern.length;
}
