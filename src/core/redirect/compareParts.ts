// Compares two parseable, non-identical redirect URIs part by part (scheme, authority, userinfo, host, port,
// path, query, fragment) and records each difference in plain words.
import { isLoopbackHost } from '../ringcentral/serverUrl';
import type { Differences } from './differences';
import type { MismatchKind } from './mismatch';
import {
  CALLBACK_PATH,
  LOOPBACK_HOST,
  UriParts,
  editorNameForScheme,
  isKnownEditorScheme,
  safeDecode,
} from './redirectUri';
import { globMatches, isHttpScheme, show } from './uriText';

/** The sent and the registered URI, each as text and as parts. */
interface UriPair {
  sent: string;
  s: UriParts;
  registered: string;
  r: UriParts;
}

type Part = 'scheme' | 'host' | 'path' | 'query' | 'fragment';

/** Classifies two differing raw strings of one part: percent-encoding, letter case, or both. */
function encodingOrCase(a: string, b: string): MismatchKind[] | undefined {
  if (safeDecode(a) === safeDecode(b)) return ['percent-encoding'];
  if (a.toLowerCase() === b.toLowerCase()) return ['letter-case'];
  if (safeDecode(a).toLowerCase() === safeDecode(b).toLowerCase()) return ['percent-encoding', 'letter-case'];
  return undefined;
}

function addEncodingOrCase(
  diffs: Differences,
  part: Part,
  sent: string,
  registered: string,
  kinds: MismatchKind[],
): void {
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

/** A registered part with a '*' that globs over the sent part is reported once, as 'wildcard', not again here. */
function coveredByWildcard(sentPart: string | undefined, registeredPart: string | undefined): boolean {
  return (
    sentPart !== undefined &&
    registeredPart !== undefined &&
    registeredPart.includes('*') &&
    globMatches(sentPart, registeredPart)
  );
}

/** Compares the parts of two parseable, non-identical URIs and records each difference. */
export function compareParts(diffs: Differences, sent: string, s: UriParts, registered: string, r: UriParts): void {
  const pair: UriPair = { sent, s, registered, r };
  if (!compareScheme(diffs, pair)) return;
  compareAuthority(diffs, pair);
  compareUserinfo(diffs, pair);
  compareHost(diffs, pair);
  comparePort(diffs, pair);
  comparePath(diffs, pair);
  compareQuery(diffs, pair);
  compareFragment(diffs, pair);
}

/** The scheme. False when a custom scheme meets a web one: nothing else is comparable then. */
function compareScheme(diffs: Differences, { sent, s, registered, r }: UriPair): boolean {
  if (s.scheme !== r.scheme && !coveredByWildcard(s.scheme, r.scheme)) {
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
      return false;
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
  return true;
}

/** Authority presence (vscode:callback vs vscode://x/callback). */
function compareAuthority(diffs: Differences, { sent, s, registered, r }: UriPair): void {
  if (s.hasAuthority !== r.hasAuthority) {
    diffs.add(
      'host',
      s.hasAuthority
        ? `You send a URI with a host ("${s.host}"), but the registered ${show(registered)} has no "//host" part. Register ${show(sent)}.`
        : `You send ${show(sent)} without a "//host" part, but the registered URI has one ("${r.host}"). Register ${show(sent)}.`,
    );
  }
}

/** The user-name part before the host. */
function compareUserinfo(diffs: Differences, { s, r }: UriPair): void {
  if (s.userinfo !== r.userinfo && !coveredByWildcard(s.userinfo, r.userinfo)) {
    const describe = (u: string | undefined): string => (u === undefined ? 'none' : show(`${u}@`));
    diffs.add(
      'userinfo',
      `The user-name part before the host differs: you send ${describe(s.userinfo)}, the app has ${describe(r.userinfo)} registered. ` +
        'A redirect URI should not carry a user name or password: register the sent URI.',
    );
  }
}

/** The host (two loopback names are their own kind). */
function compareHost(diffs: Differences, { sent, s, r }: UriPair): void {
  if (s.hasAuthority && r.hasAuthority && s.host !== r.host && !coveredByWildcard(s.host, r.host)) {
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
}

/** The port, including a missing one. */
function comparePort(diffs: Differences, { sent, s, registered, r }: UriPair): void {
  if (s.port !== r.port && !coveredByWildcard(s.port, r.port)) {
    const sPort = s.port === undefined || s.port === '' ? undefined : s.port;
    const rPort = r.port === undefined || r.port === '' ? undefined : r.port;
    if (sPort === undefined || rPort === undefined) {
      const defaultPort = /^https$/i.test(s.scheme) ? '443' : /^http$/i.test(s.scheme) ? '80' : undefined;
      const note = defaultPort
        ? ` Even if ${defaultPort} is the default port for ${s.scheme}, the text must match.`
        : '';
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
}

/** The path (a trailing slash is its own kind). */
function comparePath(diffs: Differences, { sent, s, r }: UriPair): void {
  if (s.path !== r.path && !coveredByWildcard(s.path, r.path)) {
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
      else
        diffs.add(
          'path',
          `You send the path ${show(s.path || '(empty)')}, the app has ${show(r.path || '(empty)')} registered. Register ${show(sent)}.`,
        );
    }
  }
}

/** The query (noting parameters that are only reordered). */
function compareQuery(diffs: Differences, { sent, s, r }: UriPair): void {
  if (s.query !== r.query && !coveredByWildcard(s.query, r.query)) {
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
}

/** The fragment (a redirect URI must not have one). */
function compareFragment(diffs: Differences, { sent, s, r }: UriPair): void {
  if (s.fragment !== r.fragment && !coveredByWildcard(s.fragment, r.fragment)) {
    const describe = (f: string | undefined): string =>
      f === undefined ? 'no fragment' : `the fragment ${show(`#${f}`)}`;
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
    const usable =
      r.host === LOOPBACK_HOST &&
      r.path === CALLBACK_PATH &&
      r.query === undefined &&
      r.fragment === undefined &&
      r.userinfo === undefined;
    return usable
      ? `${head} Register ${show(sent)}, or switch the redirect mode to loopback with port ${r.port ?? ''} so the editor sends the registered URI.`
      : `${head} Register ${show(sent)}, or switch the redirect mode to paste with ${show(registered)} as the redirect URI.`;
  }
  if (isHttpScheme(s.scheme) && !isHttpScheme(r.scheme)) {
    return `${head} Register ${show(sent)}, or switch the redirect mode to the URI handler if ${show(registered)} is this editor's own URI.`;
  }
  return `${head} Register ${show(sent)}.`;
}
