// Compares the redirect URI this editor sends with the ones registered on the RingCentral app.
// RingCentral matches redirect URIs exactly (scheme, host, port, path, trailing slash, case, query), so this
// never normalises with WHATWG URL: it splits each URI into raw parts and classifies every part that differs.
import type { RedirectMode } from './diagnosis/types';
import { isLoopbackHost } from './serverUrl';
import {
  DEFAULT_LOOPBACK_PORT,
  LOOPBACK_HOST,
  CALLBACK_PATH,
  UriParts,
  editorNameForScheme,
  isDynamicRedirectUri,
  isKnownEditorScheme,
  loopbackRedirectUri,
  safeDecode,
  splitUri,
  uriHandlerCallbackUri,
} from './redirectUri';

export type MismatchKind =
  | 'exact-match'
  | 'whitespace'
  | 'scheme'
  /** vscode vs vscode-insiders vs cursor… */
  | 'editor-scheme'
  | 'http-vs-https'
  /** localhost vs 127.0.0.1 vs [::1] */
  | 'loopback-host'
  | 'host'
  | 'port'
  | 'missing-port'
  | 'path'
  | 'trailing-slash'
  /** differs only in case somewhere — RingCentral compares exactly */
  | 'letter-case'
  | 'query'
  | 'fragment'
  | 'percent-encoding'
  | 'userinfo'
  /** the sent URI is per-session and cannot be registered */
  | 'dynamic-host'
  | 'not-a-url'
  /** registered contains '*', RingCentral has no wildcards */
  | 'wildcard';

export interface MismatchDifference {
  kind: MismatchKind;
  /** Short name of the kind (MISMATCH_KIND_LABELS), carried along so the panel needs no copy of the table. */
  label: string;
  /** Plain words, names both values and what to do. */
  explanation: string;
}

export interface RegisteredComparison {
  registered: string;
  matches: boolean;
  /** Empty when matches; at most one entry per kind; most important first. */
  differences: MismatchDifference[];
  /** 'exact-match' when matches, otherwise the kind of the first (most important) difference. */
  kind: MismatchKind;
}

export type RedirectFix =
  | { kind: 'none' }
  | { kind: 'register'; uri: string; explanation: string }
  | { kind: 'switchMode'; mode: RedirectMode; uri?: string; explanation: string };

export interface RedirectCheckResult {
  sent: string;
  mode: RedirectMode;
  /** Some registered URI equals sent byte for byte. */
  matched: boolean;
  /** One per registered URI, in the order given (the first MAX_COMPARED_REGISTERED of them). */
  comparisons: RegisteredComparison[];
  /** Index into comparisons of the matching or closest registered URI; undefined when none is registered. */
  closest?: number;
  /** The single most useful next step: the exact line to register, or the mode to switch to. */
  fix: RedirectFix;
  /** e.g. dynamic host, more than 10 registered (RingCentral allows 10), duplicates, none registered. */
  warnings: string[];
}

export interface CheckRedirectUriInput {
  sent: string;
  mode: RedirectMode;
  registered: string[];
  /** The sent URI came from asExternalUri on a web/remote host; default: isDynamicRedirectUri(sent). */
  dynamic?: boolean;
  /** The configured loopback port (ringcentral.redirect.loopbackPort); default 53134. */
  loopbackPort?: number;
  /** vscode.env.uriScheme, when known: lets the check suggest the URI-handler mode. */
  uriScheme?: string;
}

/** RingCentral accepts at most this many redirect URIs per app. */
export const MAX_REGISTERED_REDIRECT_URIS = 10;

const PRIORITY: readonly MismatchKind[] = [
  'exact-match',
  'not-a-url',
  'dynamic-host',
  'whitespace',
  'wildcard',
  'scheme',
  'editor-scheme',
  'http-vs-https',
  'userinfo',
  'host',
  'loopback-host',
  'missing-port',
  'port',
  'path',
  'trailing-slash',
  'percent-encoding',
  'letter-case',
  'query',
  'fragment',
];

/** How far apart two URIs are for each kind of difference (for picking the closest registered URI). */
const DISTANCE: Readonly<Record<MismatchKind, number>> = {
  'exact-match': 0,
  whitespace: 1,
  'trailing-slash': 2,
  'letter-case': 2,
  'percent-encoding': 2,
  'editor-scheme': 3,
  query: 3,
  fragment: 3,
  userinfo: 3,
  wildcard: 3,
  'http-vs-https': 4,
  'loopback-host': 4,
  port: 4,
  'missing-port': 4,
  path: 5,
  host: 8,
  scheme: 10,
  'dynamic-host': 50,
  'not-a-url': 100,
};

/** Short plain-words names of the kinds, for summaries ("differs in: the port, a trailing slash"). */
export const MISMATCH_KIND_LABELS: Readonly<Record<MismatchKind, string>> = {
  'exact-match': 'nothing (exact match)',
  whitespace: 'stray spaces or line breaks',
  scheme: 'the scheme',
  'editor-scheme': "the editor's scheme",
  'http-vs-https': 'http vs https',
  'loopback-host': 'the loopback host (localhost / 127.0.0.1 / [::1])',
  host: 'the host',
  port: 'the port',
  'missing-port': 'a missing port',
  path: 'the path',
  'trailing-slash': 'a trailing slash',
  'letter-case': 'letter case',
  query: 'the query',
  fragment: 'the fragment',
  'percent-encoding': 'percent-encoding',
  userinfo: 'a user name before the host',
  'dynamic-host': 'a per-session address',
  'not-a-url': 'not being a URL',
  wildcard: 'a "*" wildcard',
};

/** Whitespace and the zero-width characters a copy from a web page brings along. */
const INVISIBLE_CHARS = /[\s\u200b\u200c\u200d\u2060\ufeff]/;
const isInvisible = (c: string): boolean => INVISIBLE_CHARS.test(c);

/** Longest URI (sent or registered) the comparison looks at; a longer entry is reported, not compared. */
export const MAX_REDIRECT_URI_LENGTH = 2048;
/** Registered entries beyond this many are not compared (RingCentral keeps 10; a setting may hold any list). */
export const MAX_COMPARED_REGISTERED = 50;

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

function trimInvisible(text: string): string {
  const lead = leadingInvisible(text).length;
  if (lead === text.length) return '';
  return text.slice(lead, text.length - trailingInvisible(text).length);
}

/** Shows a value with its invisible characters escaped: "vscode://x/callback\n". */
function show(text: string): string {
  return JSON.stringify(text).replace(/[\u200b-\u200d\u2060\ufeff\u00a0]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
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

function whitespaceNote(value: string): string | undefined {
  const lead = leadingInvisible(value);
  const trail = trailingInvisible(value);
  const parts: string[] = [];
  if (lead) parts.push(`starts with ${describeWhitespace(lead)}`);
  if (trail && trail !== value) parts.push(`ends with ${describeWhitespace(trail)}`);
  return parts.length > 0 ? parts.join(' and ') : undefined;
}

const isHttpScheme = (scheme: string): boolean => /^https?$/i.test(scheme);


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

type Part = 'scheme' | 'host' | 'path' | 'query' | 'fragment';

/** Classifies two differing raw strings of one part: percent-encoding, letter case, or both. */
function encodingOrCase(a: string, b: string): MismatchKind[] | undefined {
  if (safeDecode(a) === safeDecode(b)) return ['percent-encoding'];
  if (a.toLowerCase() === b.toLowerCase()) return ['letter-case'];
  if (safeDecode(a).toLowerCase() === safeDecode(b).toLowerCase()) return ['percent-encoding', 'letter-case'];
  return undefined;
}

class Differences {
  /** Per kind: the findings, and the advice said once at the end. */
  private readonly byKind = new Map<MismatchKind, { findings: string[]; advice: string[] }>();

  add(kind: MismatchKind, finding: string, advice?: string): void {
    let entry = this.byKind.get(kind);
    if (!entry) {
      entry = { findings: [], advice: [] };
      this.byKind.set(kind, entry);
    }
    entry.findings.push(finding);
    if (advice !== undefined && !entry.advice.includes(advice)) entry.advice.push(advice);
  }

  get size(): number {
    return this.byKind.size;
  }

  list(): MismatchDifference[] {
    return [...this.byKind.entries()]
      .sort(([a], [b]) => PRIORITY.indexOf(a) - PRIORITY.indexOf(b))
      .map(([kind, { findings, advice }]) => ({ kind, label: MISMATCH_KIND_LABELS[kind], explanation: [...findings, ...advice].join(' ') }));
  }
}

function addEncodingOrCase(diffs: Differences, part: Part, sent: string, registered: string, kinds: MismatchKind[]): void {
  for (const kind of kinds) {
    if (kind === 'percent-encoding') {
      diffs.add(
        kind,
        `The ${part} is written with different percent-encoding: you send ${show(sent)}, the app has ${show(registered)} registered.`,
        'They decode to the same text, but RingCentral compares the characters as written: register the URI exactly as the editor sends it.',
      );
    } else {
      diffs.add(
        kind,
        `The ${part} differs in letter case: you send ${show(sent)}, the app has ${show(registered)} registered.`,
        'RingCentral compares exactly, so case matters: register the URI exactly as the editor sends it.',
      );
    }
  }
}

function describeQuery(query: string | undefined): string {
  if (query === undefined) return 'no query';
  if (query === '') return 'an empty query (a bare "?")';
  return `the query ${show(`?${query}`)}`;
}

function sameParamsReordered(a: string, b: string): boolean {
  const sortParams = (q: string): string => q.split('&').sort().join('&');
  return a !== b && sortParams(a) === sortParams(b);
}

/** Compares the parts of two parseable, non-identical URIs and records each difference. */
function compareParts(diffs: Differences, sent: string, s: UriParts, registered: string, r: UriParts): void {
  const skip = (sentPart: string | undefined, registeredPart: string | undefined): boolean =>
    sentPart !== undefined && registeredPart !== undefined && registeredPart.includes('*') && globMatches(sentPart, registeredPart);

  // Scheme
  if (s.scheme !== r.scheme && !skip(s.scheme, r.scheme)) {
    const sHttp = isHttpScheme(s.scheme);
    const rHttp = isHttpScheme(r.scheme);
    if (s.scheme.toLowerCase() === r.scheme.toLowerCase()) {
      addEncodingOrCase(diffs, 'scheme', s.scheme, r.scheme, ['letter-case']);
    } else if (sHttp && rHttp) {
      diffs.add(
        'http-vs-https',
        `You send ${s.scheme}:// and the app has ${r.scheme}:// registered (${show(registered)}); RingCentral treats them as different URIs. ` +
          `Register ${show(sent)}.`,
      );
    } else if (sHttp !== rHttp) {
      // A custom-scheme URI against a web URI: host, port and path are not comparable, stop here.
      diffs.add('scheme', schemeFamilyExplanation(sent, s, registered, r));
      return;
    } else if (isKnownEditorScheme(s.scheme) || isKnownEditorScheme(r.scheme)) {
      diffs.add(
        'editor-scheme',
        `You send the "${s.scheme}" scheme (${editorNameForScheme(s.scheme)}); the registered URI uses "${r.scheme}" ` +
          `(${editorNameForScheme(r.scheme)}). Each editor has its own scheme: add ${show(sent)} as another redirect URI.`,
      );
    } else {
      diffs.add(
        'scheme',
        `You send the scheme "${s.scheme}:", the app has "${r.scheme}:" registered (${show(registered)}). Register ${show(sent)}.`,
      );
    }
  }

  // Authority presence (vscode:callback vs vscode://x/callback)
  if (s.hasAuthority !== r.hasAuthority) {
    diffs.add(
      'host',
      s.hasAuthority
        ? `You send a URI with a host ("${s.host}"), but the registered ${show(registered)} has no "//host" part. Register ${show(sent)}.`
        : `You send ${show(sent)} without a "//host" part, but the registered URI has one ("${r.host}"). Register ${show(sent)}.`,
    );
  }

  // Userinfo
  if (s.userinfo !== r.userinfo && !skip(s.userinfo, r.userinfo)) {
    const describe = (u: string | undefined): string => (u === undefined ? 'none' : show(`${u}@`));
    diffs.add(
      'userinfo',
      `The user-name part before the host differs: you send ${describe(s.userinfo)}, the app has ${describe(r.userinfo)} registered. ` +
        'A redirect URI should not carry a user name or password: register the sent URI.',
    );
  }

  // Host
  if (s.hasAuthority && r.hasAuthority && s.host !== r.host && !skip(s.host, r.host)) {
    const kinds = encodingOrCase(s.host, r.host);
    if (kinds) {
      addEncodingOrCase(diffs, 'host', s.host, r.host, kinds);
    } else if (isLoopbackHost(s.host) && isLoopbackHost(r.host)) {
      diffs.add(
        'loopback-host',
        `You send host ${s.host}, the app has ${r.host} registered. Both mean this computer, but RingCentral compares the text: ` +
          `register ${show(sent)} (or change the registered one to use ${s.host}).`,
      );
    } else {
      diffs.add('host', `You send host "${s.host}", the app has "${r.host}" registered. Register ${show(sent)}.`);
    }
  }

  // Port
  if (s.port !== r.port && !skip(s.port, r.port)) {
    const sPort = s.port === undefined || s.port === '' ? undefined : s.port;
    const rPort = r.port === undefined || r.port === '' ? undefined : r.port;
    if (sPort === undefined || rPort === undefined) {
      const defaultPort = /^https$/i.test(s.scheme) ? '443' : /^http$/i.test(s.scheme) ? '80' : undefined;
      const note = defaultPort ? ` Even if ${defaultPort} is the default port for ${s.scheme}, the text must match.` : '';
      diffs.add(
        'missing-port',
        sPort === undefined
          ? `You send no port${s.port === '' ? ' (a bare ":")' : ''}, the app has port ${rPort ?? ''} registered (${show(registered)}).${note} Register ${show(sent)}.`
          : `You send port ${sPort}, the registered URI ${show(registered)} has no port${r.port === '' ? ' (a bare ":")' : ''}.${note} Register ${show(sent)}.`,
      );
    } else {
      const sameNumber = Number(sPort) === Number(rPort);
      diffs.add(
        'port',
        `You send port ${sPort}, the app has ${rPort} registered${sameNumber ? ' (the same number written differently)' : ''}. ` +
          `Register ${show(sent)}${isLoopbackHost(s.host) ? ', or set the loopback port to match the registered URI' : ''}.`,
      );
    }
  }

  // Path
  if (s.path !== r.path && !skip(s.path, r.path)) {
    let sPath = s.path;
    let rPath = r.path;
    const sSlash = sPath.endsWith('/');
    const rSlash = rPath.endsWith('/');
    if (sSlash !== rSlash) {
      diffs.add(
        'trailing-slash',
        sSlash
          ? `Your path ends with "/" (${show(s.path)}), the registered one does not (${show(r.path)}). Register ${show(sent)}.`
          : `The registered path ends with "/" (${show(r.path)}), yours does not (${show(s.path)}). Register ${show(sent)}.`,
      );
      if (sSlash) sPath = sPath.slice(0, -1);
      else rPath = rPath.slice(0, -1);
    }
    if (sPath !== rPath) {
      const kinds = encodingOrCase(sPath, rPath);
      if (kinds) addEncodingOrCase(diffs, 'path', s.path, r.path, kinds);
      else diffs.add('path', `You send the path ${show(s.path || '(empty)')}, the app has ${show(r.path || '(empty)')} registered. Register ${show(sent)}.`);
    }
  }

  // Query
  if (s.query !== r.query && !skip(s.query, r.query)) {
    const kinds = s.query !== undefined && r.query !== undefined ? encodingOrCase(s.query, r.query) : undefined;
    if (kinds) {
      addEncodingOrCase(diffs, 'query', s.query ?? '', r.query ?? '', kinds);
    } else {
      const reordered = s.query !== undefined && r.query !== undefined && sameParamsReordered(s.query, r.query);
      diffs.add(
        'query',
        `You send ${describeQuery(s.query)}, the app has ${describeQuery(r.query)} registered` +
          `${reordered ? ' (the same parameters in another order)' : ''}. The query is part of the exact match: register ${show(sent)}.`,
      );
    }
  }

  // Fragment
  if (s.fragment !== r.fragment && !skip(s.fragment, r.fragment)) {
    const describe = (f: string | undefined): string => (f === undefined ? 'no fragment' : `the fragment ${show(`#${f}`)}`);
    diffs.add(
      'fragment',
      `You send ${describe(s.fragment)}, the app has ${describe(r.fragment)} registered. ` +
        `A redirect URI must not contain a "#" fragment (OAuth 2.0): register ${show(sent)}.`,
    );
  }
}

function isLoopbackCallback(parts: UriParts): boolean {
  return /^http$/i.test(parts.scheme) && isLoopbackHost(parts.host) && parts.port !== undefined && parts.port !== '';
}

function article(word: string): string {
  return /^(https?$|[aeiou])/i.test(word) ? 'an' : 'a';
}

function schemeFamilyExplanation(sent: string, s: UriParts, registered: string, r: UriParts): string {
  const head =
    `You send ${article(s.scheme)} ${s.scheme}: URI (${show(sent)}) and the app has ${article(r.scheme)} ${r.scheme}: URI registered (${show(registered)}); ` +
    'they can never match.';
  if (!isHttpScheme(s.scheme) && isLoopbackCallback(r)) {
    const usable = r.host === LOOPBACK_HOST && r.path === CALLBACK_PATH && r.query === undefined && r.fragment === undefined && r.userinfo === undefined;
    return usable
      ? `${head} Register ${show(sent)}, or switch the redirect mode to loopback with port ${r.port ?? ''} so the editor sends the registered URI.`
      : `${head} Register ${show(sent)}, or switch the redirect mode to paste with ${show(registered)} as the redirect URI.`;
  }
  if (isHttpScheme(s.scheme) && !isHttpScheme(r.scheme)) {
    return `${head} Register ${show(sent)}, or switch the redirect mode to the URI handler if ${show(registered)} is this editor's own URI.`;
  }
  return `${head} Register ${show(sent)}.`;
}

function clipped(text: string): string {
  return text.length > 80 ? `${show(text.slice(0, 60))}… (${text.length} characters)` : show(text);
}

/** An over-long URI is a pasting accident (or a hostile setting): say so instead of comparing it. */
function tooLongNote(sent: string, registered: string): string | undefined {
  if (sent.length > MAX_REDIRECT_URI_LENGTH) {
    return `The URI the editor sends, ${clipped(sent)}, is longer than ${MAX_REDIRECT_URI_LENGTH} characters, which no redirect URI needs. Check the redirect settings.`;
  }
  if (registered.length > MAX_REDIRECT_URI_LENGTH) {
    return `The registered entry ${clipped(registered)} is longer than ${MAX_REDIRECT_URI_LENGTH} characters, so it is not compared: replace it with ${clipped(sent)}.`;
  }
  return undefined;
}

/**
 * Compares the URI this editor sends with one registered URI, byte for byte, and names every part that
 * differs. `options.dynamic` overrides the per-session detection of the sent URI.
 */
export function compareRedirectUris(sent: string, registered: string, options: { dynamic?: boolean } = {}): RegisteredComparison {
  if (sent === registered) return { registered, matches: true, differences: [], kind: 'exact-match' };
  const diffs = new Differences();
  const result = (): RegisteredComparison => {
    const differences = diffs.list();
    return { registered, matches: false, differences, kind: differences[0]?.kind ?? 'not-a-url' };
  };

  const tooLong = tooLongNote(sent, registered);
  if (tooLong) {
    diffs.add('not-a-url', tooLong);
    return result();
  }

  const s = trimInvisible(sent);
  let r = trimInvisible(registered);
  const registeredNote = whitespaceNote(registered);
  const sentNote = whitespaceNote(sent);
  if (registeredNote && r.length > 0) {
    diffs.add(
      'whitespace',
      `The registered URI ${show(registered)} ${registeredNote}; the editor sends ${show(sent)}. Edit it so it is exactly ${show(s)}.`,
    );
  }
  if (sentNote && s.length > 0) {
    diffs.add('whitespace', `The URI the editor sends ${show(sent)} ${sentNote}; check the redirect settings so it is exactly ${show(s)}.`);
  }
  if (s === r && s.length > 0) return result();

  if (options.dynamic ?? isDynamicRedirectUri(s)) {
    diffs.add(
      'dynamic-host',
      `You send ${show(s)}, a per-session address from this web or remote editor (it changes from session to session), ` +
        `and the app has ${show(r)} registered. Registering it would not last: switch the redirect mode to loopback or paste.`,
    );
    return result();
  }

  const sentSplit = splitUri(s);
  if (!sentSplit.ok) {
    diffs.add('not-a-url', `The URI the editor sends, ${show(sent)}, is not a complete URL: ${sentSplit.reason}. Check the redirect settings.`);
    return result();
  }
  let registeredSplit = splitUri(r);
  if (!registeredSplit.ok) {
    // Copied from inside an authorize URL: vscode%3A%2F%2F… is the percent-encoded form of a real URI.
    const decoded = safeDecode(r);
    const decodedSplit = decoded !== r ? splitUri(decoded) : undefined;
    if (decodedSplit?.ok) {
      diffs.add(
        'percent-encoding',
        `The registered URI ${show(r)} is percent-encoded (as it appears inside an authorize URL); the editor sends ${show(s)}. ` +
          `Register it decoded: ${show(s)}.`,
      );
      if (decoded === s) return result();
      r = decoded;
      registeredSplit = decodedSplit;
    } else {
      diffs.add(
        'not-a-url',
        `The registered entry ${show(registered)} is not a complete URL: ${registeredSplit.reason}. Replace it with ${show(s)}.`,
      );
      return result();
    }
  }

  if (r.includes('*')) {
    diffs.add(
      'wildcard',
      `The registered URI ${show(r)} contains "*", but RingCentral has no wildcards: the "*" is compared as a literal character ` +
        `and cannot match ${show(s)}. Register ${show(s)} exactly.`,
    );
    if (globMatches(s, r)) return result();
  }

  compareParts(diffs, s, sentSplit.parts, r, registeredSplit.parts);
  if (diffs.size === 0) {
    // Cannot happen for non-identical texts (the parts rebuild the text), but never claim a match.
    diffs.add('path', `You send ${show(s)}, the app has ${show(registered)} registered. Register ${show(s)}.`);
  }
  return result();
}

function distance(comparison: RegisteredComparison, sent: string): number {
  if (comparison.matches) return 0;
  const kinds = comparison.differences.reduce((sum, d) => sum + DISTANCE[d.kind], 0);
  return kinds * 1000 + Math.min(999, editDistance(sent, comparison.registered));
}

function editDistance(a: string, b: string): number {
  if (a.length > 400 || b.length > 400) return Math.abs(a.length - b.length);
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length];
}

function safeHandlerUri(uriScheme: string): string | undefined {
  try {
    return uriHandlerCallbackUri(uriScheme);
  } catch {
    return undefined;
  }
}

/** The registered URI is exactly what loopback mode sends for some port: http://127.0.0.1:PORT/callback. */
function loopbackPortOf(uri: string): number | undefined {
  const match = /^http:\/\/127\.0\.0\.1:(\d{1,5})\/callback$/.exec(uri);
  if (!match) return undefined;
  const port = Number(match[1]);
  return port >= 1 && port <= 65535 && String(port) === match[1] ? port : undefined;
}

/** A registered URI the paste mode could use: a clean, non-dynamic http(s) URI. */
function isPasteCandidate(uri: string): boolean {
  if (uri !== trimInvisible(uri) || uri.includes('*') || isDynamicRedirectUri(uri)) return false;
  const split = splitUri(uri);
  return split.ok && isHttpScheme(split.parts.scheme) && split.parts.fragment === undefined;
}

/**
 * Checks the URI this editor sends against every registered URI and picks the single most useful fix.
 */
export function checkRedirectUri(input: CheckRedirectUriInput): RedirectCheckResult {
  const { sent, mode } = input;
  const listed = input.registered;
  const registered = listed.slice(0, MAX_COMPARED_REGISTERED);
  const loopbackPort = input.loopbackPort ?? DEFAULT_LOOPBACK_PORT;
  const dynamic = input.dynamic ?? isDynamicRedirectUri(sent);
  const comparisons = registered.map((uri) => compareRedirectUris(sent, uri, { dynamic }));
  const matchIndex = registered.findIndex((uri) => uri === sent);
  const matched = matchIndex >= 0;

  let closest: number | undefined;
  if (matched) {
    closest = matchIndex;
  } else if (comparisons.length > 0) {
    let best = Infinity;
    comparisons.forEach((comparison, index) => {
      const d = distance(comparison, sent);
      if (d < best) {
        best = d;
        closest = index;
      }
    });
  }

  const warnings: string[] = [];
  if (registered.length === 0) {
    warnings.push(
      dynamic
        ? 'No redirect URI is registered on the app. Register one in the Developer Console (app → Settings → OAuth Redirect URI) and use the loopback or paste mode.'
        : `No redirect URI is registered on the app. Add ${show(sent)} in the Developer Console (app → Settings → OAuth Redirect URI).`,
    );
  }
  if (listed.length > MAX_COMPARED_REGISTERED) {
    warnings.push(
      `${listed.length} registered entries are listed; only the first ${MAX_COMPARED_REGISTERED} are compared. RingCentral allows ${MAX_REGISTERED_REDIRECT_URIS}: paste the app's own list again.`,
    );
  } else if (registered.length > MAX_REGISTERED_REDIRECT_URIS) {
    warnings.push(
      `${registered.length} redirect URIs are listed, but RingCentral allows at most ${MAX_REGISTERED_REDIRECT_URIS} per app: remove the ones you no longer use.`,
    );
  }
  const counts = new Map<string, number>();
  for (const uri of registered) {
    const key = trimInvisible(uri);
    if (key.length > 0) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  for (const [uri, count] of counts) {
    if (count > 1) warnings.push(`${show(uri)} is listed ${count} times; one entry is enough.`);
  }
  if (dynamic) {
    warnings.push(
      `The editor sends ${show(sent)}, a per-session address from a web or remote host: it changes from session to session, ` +
        `so it cannot be registered for good${matched ? ' (it matches now, but will stop matching)' : ''}. ` +
        'Use the loopback or paste redirect mode instead.',
    );
  }

  const fix = chooseFix({ ...input, registered, loopbackPort, dynamic, matched, comparisons, closest });
  return { sent, mode, matched, comparisons, closest, fix, warnings };
}

function chooseFix(input: {
  sent: string;
  mode: RedirectMode;
  registered: string[];
  loopbackPort: number;
  uriScheme?: string;
  dynamic: boolean;
  matched: boolean;
  comparisons: RegisteredComparison[];
  closest?: number;
}): RedirectFix {
  const { sent, mode, registered, loopbackPort, dynamic, matched, comparisons, closest } = input;
  if (matched) return { kind: 'none' };

  const loopbackRegistered = registered.find((uri) => loopbackPortOf(uri) !== undefined);
  const ownLoopback = loopbackRedirectUri(loopbackPort);

  if (dynamic) {
    if (registered.includes(ownLoopback) || (loopbackRegistered && mode !== 'loopback')) {
      const uri = registered.includes(ownLoopback) ? ownLoopback : (loopbackRegistered ?? ownLoopback);
      return {
        kind: 'switchMode',
        mode: 'loopback',
        uri,
        explanation:
          `This editor sends a per-session address (${show(sent)}) that cannot be registered. ${show(uri)} is already registered: ` +
          `switch the redirect mode to loopback${uri === ownLoopback ? '' : ` with port ${loopbackPortOf(uri) ?? ''}`}. ` +
          'If the browser cannot reach this machine, use the paste mode.',
      };
    }
    const pasteTarget = registered.find(isPasteCandidate);
    if (pasteTarget) {
      return {
        kind: 'switchMode',
        mode: 'paste',
        uri: pasteTarget,
        explanation:
          `This editor sends a per-session address (${show(sent)}) that cannot be registered. Switch the redirect mode to paste ` +
          `with the registered ${show(pasteTarget)}, then paste the address the browser lands on.`,
      };
    }
    return {
      kind: 'switchMode',
      mode: 'loopback',
      uri: ownLoopback,
      explanation:
        `This editor sends a per-session address (${show(sent)}) that cannot be registered. Register ${show(ownLoopback)} on the app ` +
        'and switch the redirect mode to loopback (or to paste, if the browser cannot reach this machine).',
    };
  }

  // Not dynamic: a mode switch needs no change on the app, so it wins when the app already has the right URI.
  if (mode !== 'loopback' && loopbackRegistered) {
    const port = loopbackPortOf(loopbackRegistered);
    return {
      kind: 'switchMode',
      mode: 'loopback',
      uri: loopbackRegistered,
      explanation:
        `The app already has ${show(loopbackRegistered)} registered. Switch the redirect mode to loopback` +
        `${port !== loopbackPort ? ` and set the loopback port to ${port ?? ''}` : ''}, or register ${show(sent)}.`,
    };
  }
  if (mode !== 'uriHandler' && input.uriScheme) {
    const handlerUri = safeHandlerUri(input.uriScheme);
    if (handlerUri !== undefined && registered.includes(handlerUri)) {
      return {
        kind: 'switchMode',
        mode: 'uriHandler',
        uri: handlerUri,
        explanation: `The app already has ${show(handlerUri)} registered: switch the redirect mode to the URI handler, or register ${show(sent)}.`,
      };
    }
  }

  const near = closest !== undefined ? comparisons[closest] : undefined;
  let explanation = `Add exactly ${show(sent)} as a redirect URI on the app (Developer Console → app → Settings → OAuth Redirect URI).`;
  if (near && !near.matches && near.differences.length > 0) {
    const summary = near.differences.map((d) => MISMATCH_KIND_LABELS[d.kind]).join(', ');
    explanation += ` The closest registered URI, ${show(near.registered)}, differs in: ${summary}; you can edit it instead if nothing else uses it.`;
  }
  if (mode === 'loopback') {
    const otherPort = registered.map(loopbackPortOf).find((port) => port !== undefined && port !== loopbackPort);
    if (otherPort !== undefined) explanation += ` Or set the loopback port to ${otherPort} to use the registered ${show(loopbackRedirectUri(otherPort))}.`;
  }
  if (mode === 'paste') {
    const pasteTarget = registered.find(isPasteCandidate);
    if (pasteTarget) explanation += ` Or, in paste mode, set the paste redirect URI to the registered ${show(pasteTarget)}.`;
  }
  if (registered.length >= MAX_REGISTERED_REDIRECT_URIS) {
    explanation += ` The app already lists ${registered.length} (RingCentral allows ${MAX_REGISTERED_REDIRECT_URIS}): replace one.`;
  }
  return { kind: 'register', uri: sent, explanation };
}

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
