// A pasted JWT credential, cleaned the way people paste it (from a .env file, JSON, YAML, a shell export, with
// quotes, line breaks or "Bearer "), and, when it is no JWT at all, what it looks like instead. Linear in the
// input and capped: the paste is hostile until proven otherwise.

/** A RingCentral JWT credential is about 600 characters; nothing pasted beyond this is read. */
export const MAX_PASTE_LENGTH = 16_384;
/** A .env file with a JWT somewhere in it: lines beyond this are not searched. */
const MAX_LINES = 200;

export type CleaningNote =
  /** Quotes (", ', `) around the value were removed. */
  | 'quotes-removed'
  /** `NAME=value`, `NAME: value`, `"NAME": "value"` or `export NAME=value`: the name was dropped. */
  | 'name-removed'
  /** Line breaks or spaces inside the value (a wrapped paste) were removed. */
  | 'whitespace-removed'
  /** Several lines were pasted; the one holding a JWT was taken. */
  | 'line-picked'
  /** A leading "Bearer " was removed. */
  | 'bearer-removed';

export interface CleanedPaste {
  value: string;
  /** The NAME of a `NAME=value` paste (RC_JWT, refresh_token…), a hint to what the value is. */
  name?: string;
  notes: CleaningNote[];
}

const QUOTES = new Set(['"', "'", '`']);

function isNameChar(code: number, first: boolean): boolean {
  const letter = (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95;
  return letter || (!first && ((code >= 48 && code <= 57) || code === 46 || code === 45));
}

/** `NAME=value`, `NAME: value`, `"NAME": value` → [NAME, value]; undefined when the line is not that shape. */
function splitAssignment(line: string): [string, string] | undefined {
  let text = line;
  for (const prefix of ['export ', 'set ', '$env:']) {
    if (text.toLowerCase().startsWith(prefix)) text = text.slice(prefix.length).trimStart();
  }
  let index = 0;
  const quote = QUOTES.has(text[0] ?? '') ? text[0] : undefined;
  if (quote) index = 1;
  const start = index;
  while (index < text.length && index - start < 64 && isNameChar(text.charCodeAt(index), index === start)) index++;
  if (index === start) return undefined;
  const name = text.slice(start, index);
  if (quote) {
    if (text[index] !== quote) return undefined;
    index++;
  }
  while (text[index] === ' ' || text[index] === '\t') index++;
  const separator = text[index];
  if (separator !== '=' && separator !== ':') return undefined;
  const rest = text.slice(index + 1).trim();
  // "abc==" is base64 padding and "https://…" a URL, not assignments.
  if (!rest || rest.startsWith('=') || (separator === ':' && rest.startsWith('//'))) return undefined;
  return [name, rest];
}

function withoutQuotes(value: string, notes: Set<CleaningNote>): string {
  let text = value.trim();
  for (let layer = 0; layer < 3; layer++) {
    // A trailing comma or semicolon from JSON, JS or PHP source.
    while (text.endsWith(',') || text.endsWith(';')) text = text.slice(0, -1).trimEnd();
    const first = text[0];
    if (text.length >= 2 && QUOTES.has(first) && text.endsWith(first)) {
      text = text.slice(1, -1).trim();
      notes.add('quotes-removed');
    } else if (text.length >= 1 && QUOTES.has(first) && !text.slice(1).includes(first)) {
      // An opening quote whose closing one was not copied.
      text = text.slice(1).trim();
      notes.add('quotes-removed');
    } else {
      break;
    }
  }
  return text;
}

function cleanLine(line: string, notes: Set<CleaningNote>): { value: string; name?: string } {
  let text = line.trim();
  let name: string | undefined;
  const assignment = splitAssignment(text);
  if (assignment) {
    [name, text] = assignment;
    notes.add('name-removed');
  }
  text = withoutQuotes(text, notes);
  if (/^bearer\s/i.test(text)) {
    text = withoutQuotes(text.slice(7), notes);
    notes.add('bearer-removed');
  }
  return { value: text, name };
}

/** Three dot-separated base64url parts, the first starting like a JSON object: the shape of every JWT. */
export function looksLikeJwt(value: string): boolean {
  if (!value.startsWith('eyJ')) return false;
  let dots = 0;
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code === 46) dots++;
    else if (!isBase64UrlCode(code)) return false;
  }
  return dots === 2;
}

export function isBase64UrlCode(code: number): boolean {
  return (
    (code >= 65 && code <= 90) ||
    (code >= 97 && code <= 122) ||
    (code >= 48 && code <= 57) ||
    code === 45 ||
    code === 95
  );
}

function withoutWhitespace(text: string): string {
  let out = '';
  for (const char of text) if (char !== ' ' && char !== '\t' && char !== '\n' && char !== '\r') out += char;
  return out;
}

/**
 * The value to check (and to send) from what was pasted. `tooLong` when the paste is over MAX_PASTE_LENGTH:
 * nothing of it is read.
 */
export function cleanPastedCredential(raw: string): CleanedPaste | { tooLong: true; length: number } {
  const input = typeof raw === 'string' ? raw : '';
  if (input.length > MAX_PASTE_LENGTH) return { tooLong: true, length: input.length };
  const notes = new Set<CleaningNote>();
  const text = input.replace(/^\uFEFF/, '').trim();
  const lines = text
    .split('\n', MAX_LINES)
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
  let picked: { value: string; name?: string };
  if (lines.length <= 1) {
    picked = cleanLine(text, notes);
  } else {
    const cleaned = lines.map((line) => cleanLine(line, new Set()));
    const jwtLines = cleaned.filter((line) => looksLikeJwt(line.value));
    if (jwtLines.length > 0) {
      // Several JWTs in one .env: the one whose name says so.
      picked = jwtLines.find((line) => /jwt|assertion|credential/i.test(line.name ?? '')) ?? jwtLines[0];
      notes.add('line-picked');
      if (picked.name) notes.add('name-removed');
    } else {
      picked = cleanLine(text, notes);
    }
  }
  let value = picked.value;
  if (/\s/.test(value)) {
    const joined = withoutWhitespace(value);
    // A wrapped JWT (a terminal, an e-mail) loses its line breaks; anything else keeps its spaces.
    if (looksLikeJwt(joined)) {
      value = joined;
      notes.add('whitespace-removed');
    }
  }
  return { value, ...(picked.name ? { name: picked.name } : {}), notes: [...notes] };
}

// ---------------------------------------------------------------------------------------------------------------
// What a value that is no JWT looks like

export type NotAJwtKind =
  'empty' | 'access-token' | 'refresh-token' | 'client-id' | 'client-secret' | 'password' | 'url' | 'text';

/** "SJC01P04PAS00|A…": RingCentral's access and refresh tokens are base64 of a region prefix and a bar. */
const REGION_PREFIX = /^[A-Z]{2,5}\d{1,3}P\d{1,3}[A-Z]{2,4}\d{1,3}\|/;

export function hasRingCentralTokenPrefix(value: string): boolean {
  const head = value.slice(0, 40);
  if (!/^[A-Za-z0-9+/_-]+=*$/.test(head)) return false;
  const decoded = Buffer.from(head.slice(0, head.length - (head.length % 4)), 'base64').toString('latin1');
  return REGION_PREFIX.test(decoded);
}

function nameHint(name: string | undefined): NotAJwtKind | undefined {
  const n = (name ?? '').toLowerCase();
  if (!n) return undefined;
  if (n.includes('refresh')) return 'refresh-token';
  if (n.includes('access') || n.includes('bearer')) return 'access-token';
  if (n.includes('secret')) return 'client-secret';
  if (/client.?id|app.?key|^clientid$/.test(n)) return 'client-id';
  if (n.includes('password') || n.includes('passwd')) return 'password';
  return undefined;
}

/** What a value without the shape of a JWT most likely is. */
export function classifyNotAJwt(value: string, name?: string): NotAJwtKind {
  if (!value) return 'empty';
  if (value.includes('://')) return 'url';
  const hint = nameHint(name);
  if (hasRingCentralTokenPrefix(value)) return hint === 'refresh-token' ? 'refresh-token' : 'access-token';
  if (hint) return hint;
  const base64ish = /^[A-Za-z0-9+/_-]+=*$/.test(value);
  if (base64ish && value.length === 22 && /^[A-Za-z0-9]+$/.test(value)) return 'client-id';
  if (base64ish && value.length >= 16 && value.length <= 88) return 'client-secret';
  if (base64ish && value.length > 88) return 'access-token';
  return 'text';
}
