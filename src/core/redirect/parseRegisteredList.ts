// Reads the list of registered redirect URIs a user pasted: one a line, comma-separated, a JSON array or object,
// or a copy of the Developer Console page with bullets and headings.
import { MAX_REDIRECT_URI_LENGTH } from './mismatch';
import { trimInvisible } from './uriText';

const SCHEME_START = /^[A-Za-z][A-Za-z0-9+.-]*:/;
/** Ten URIs of the longest allowed length with room for prose; a longer paste is cut here. */
const MAX_PASTED_LIST = 64_000;
const BULLET = /^(?:[-*•·–—>]+|\d+[.)]|\(\d+\))$/;

/**
 * Splits what a user pasted (newlines, commas, spaces, JSON array, a copy from the console with bullets)
 * into URIs. Items from a list are trimmed (the separators are whitespace); strings inside a JSON array are
 * kept as written, so stray whitespace there is reported by compareRedirectUris as 'whitespace'.
 */
export function parseRegisteredList(text: string): string[] {
  const trimmed = trimInvisible(text.slice(0, MAX_PASTED_LIST));
  if (trimmed.length === 0) return [];
  if (trimmed.startsWith('[') || trimmed.startsWith('{')) {
    const fromJson = fromJsonText(trimmed);
    if (fromJson) return fromJson;
  }

  const items: string[] = [];
  for (const line of trimmed.split(/\r\n|\r|\n/)) {
    const tokens = line
      .split(/[\s\u200b\u2060\ufeff]+/)
      .flatMap(splitOnSeparators)
      .map(stripDecoration)
      .filter((token) => token.length > 0 && !BULLET.test(token));
    const uriLike = tokens.filter(looksLikeUri);
    // A line of words only ("OAuth Redirect URI:") is a heading; a line with a URI keeps only the URI-like tokens.
    items.push(...uriLike);
  }
  return items;
}

function fromJsonText(text: string): string[] | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  const found: string[] = [];
  const visit = (node: unknown, key: string | undefined): void => {
    if (typeof node === 'string') {
      if (key === undefined || /redirect|uri|url|callback/i.test(key)) found.push(node);
    } else if (Array.isArray(node)) {
      for (const item of node) visit(item, key);
    } else if (node !== null && typeof node === 'object') {
      for (const [k, v] of Object.entries(node)) visit(v, k);
    }
  };
  visit(value, undefined);
  return found;
}

/** Splits a token on ',' or ';' when what follows starts a new URI (or nothing): commas inside a query stay. */
function splitOnSeparators(token: string): string[] {
  const out: string[] = [];
  let start = 0;
  for (let i = 0; i < token.length; i++) {
    const c = token[i];
    if (c !== ',' && c !== ';') continue;
    let next = i + 1;
    while (next < token.length && `"'\`<[(`.includes(token[next])) next++;
    const after = token.slice(next, next + 64);
    if (after.length === 0 || SCHEME_START.test(after) || after.startsWith(',') || after.startsWith(';')) {
      out.push(token.slice(start, i));
      start = i + 1;
    }
  }
  out.push(token.slice(start));
  return out;
}

const CLOSERS: Readonly<Record<string, string>> = { '"': '"', "'": "'", '`': '`', '<': '>', '[': ']', '(': ')' };

function count(text: string, c: string): number {
  return text.split(c).length - 1;
}

function stripDecoration(token: string): string {
  // An over-long token is left as is: the comparison reports it as too long, and counting brackets here is quadratic.
  if (token.length > MAX_REDIRECT_URI_LENGTH) return token;
  let t = token.replace(/^[•·–—>]+/, '');
  // Surrounding quotes and brackets from prose, markdown or a non-JSON array, and trailing separators.
  // A closing bracket is removed only when it has no partner inside (http://[::1] keeps its ']').
  let previous: string;
  do {
    previous = t;
    t = t.replace(/[,;]+$/, '');
    const first = t[0];
    if (first !== undefined && first in CLOSERS) t = t.slice(1);
    const last = t[t.length - 1];
    const opener = Object.keys(CLOSERS).find((o) => CLOSERS[o] === last);
    if (last !== undefined && opener !== undefined) {
      const unbalanced = opener === last ? count(t, last) % 2 === 1 : count(t, last) > count(t, opener);
      if (unbalanced) t = t.slice(0, -1);
    }
  } while (t !== previous);
  return t;
}

function looksLikeUri(token: string): boolean {
  if (/^[A-Za-z][A-Za-z ]*:$/.test(token)) return false; // a label such as "URI:"
  return /[:/]/.test(token) || token.includes('*');
}
