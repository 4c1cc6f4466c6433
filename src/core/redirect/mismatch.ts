// What comparing redirect URIs gives: the kinds of difference, the result of a check, their labels and limits.
// RingCentral matches redirect URIs exactly (scheme, host, port, path, trailing slash, case, query).
import type { RedirectMode } from './redirectUri';

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

/** Longest URI (sent or registered) the comparison looks at; a longer entry is reported, not compared. */
export const MAX_REDIRECT_URI_LENGTH = 2048;
/** Registered entries beyond this many are not compared (RingCentral keeps 10; a setting may hold any list). */
export const MAX_COMPARED_REGISTERED = 50;
