// Shared shapes and helpers for the knowledge-base entries (oauthEntries, tokenEntries, accountEntries,
// restEntries, transportEntries). An entry says which codes, OAuth errors, message texts, HTTP statuses and transport
// errors it explains, and builds causes and fixes ranked for the caller's context.
import type { TransportErrorCode } from '../errors';
import type { RingCentralErrorInfo } from '../ringcentral/ringcentralError';
import { describeServer, developerConsoleUrl, docs, serverEnvironment } from './developerConsole';
import type { DiagnosisContext, Failure, Fix, PermissionFixSide } from './types';

export interface EntryInput {
  failure: Failure;
  context: DiagnosisContext;
  /** For 'api' failures. */
  info?: RingCentralErrorInfo;
  /** The RingCentral code that will be reported (OAU-113, CMN-401…), when there is one. */
  code?: string;
  /** OAuth `error` (api body or callback). */
  error?: string;
  /** message + description + error, lower-cased, for wording that depends on what the server said. */
  text: string;
  /** The server's own words, verbatim. */
  serverMessage?: string;
}

/** A weight (higher = earlier) and a value; falsy items are dropped, so entries can write `cond && [80, '…']`. */
export type Ranked<T> = readonly [number, T] | false | undefined | null | '' | 0;

export interface EntryResult {
  summary: string;
  causes: Ranked<string>[];
  fixes: Ranked<Fix>[];
  retryAfterSeconds?: number;
  permission?: string;
  /** Set by every entry about a missing permission: the app's settings, or the user's role. */
  permissionFix?: PermissionFixSide;
}

export interface KnowledgeEntry {
  /** Stable id (Diagnosis.id). Entries may share an id when they mean the same thing. */
  id: string;
  /** RingCentral codes, exactly as the server spells them (OAU-113, CMN-401, TokenInvalid). */
  codes?: readonly string[];
  /** OAuth `error` values this entry is THE explanation for. */
  errors?: readonly string[];
  /**
   * OAuth `error` values this entry's codes come with (from the facts table). A message match is only
   * trusted over an `error` entry when the `error` is one of these (or this list is absent).
   */
  compatibleErrors?: readonly string[];
  /** Lower-case substrings of the server's message / error_description. The longest match wins. */
  messages?: readonly string[];
  /** HTTP statuses this entry explains when nothing more specific (code, error, message) matched; see statusAnswers.ts. */
  answersStatuses?: readonly StatusAnswer[];
  /** Failures with no HTTP answer that this entry explains; see statusAnswers.ts. */
  answersTransport?: readonly TransportAnswer[];
  explain(input: EntryInput): EntryResult;
}

/** What came with a bare HTTP status: an HTML page, a RingCentral-shaped JSON body, or anything else. */
export type AnswerBody = 'html' | 'json' | 'other';

/**
 * One status (429), or a rule: one `status` or the range [from, below) (no `below`: and everything above it), less
 * `except`, and only for the given `body` kinds. A rule with `body` wins over one without, one status over a range,
 * and a narrower range over a wider one.
 */
export type StatusAnswer =
  | number
  | { status: number; body?: readonly AnswerBody[] }
  | { from: number; below?: number; except?: readonly number[]; body?: readonly AnswerBody[] };

/** A transport error code; `loopback: true` entries answer it only for a local server (and win there). */
export type TransportAnswer = TransportErrorCode | { code: TransportErrorCode; loopback: true };

/** Sorts by weight, highest first; equal weights keep their written order. */
export function ranked<T>(items: readonly Ranked<T>[]): T[] {
  const kept: Array<{ weight: number; index: number; value: T }> = [];
  items.forEach((item, index) => {
    if (item) {
      kept.push({ weight: item[0], index, value: item[1] });
    }
  });
  kept.sort((a, b) => b.weight - a.weight || a.index - b.index);
  const seen = new Set<string>();
  const out: T[] = [];
  for (const { value } of kept) {
    const key = JSON.stringify(value);
    if (!seen.has(key)) {
      seen.add(key);
      out.push(value);
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------
// Context helpers

export function phaseIs(ctx: DiagnosisContext, ...phases: Array<NonNullable<DiagnosisContext['phase']>>): boolean {
  return ctx.phase !== undefined && phases.includes(ctx.phase);
}

export function grantIs(ctx: DiagnosisContext, ...grants: string[]): boolean {
  const g = (ctx.grantType ?? '').toLowerCase();
  if (!g) {
    return false;
  }
  return grants.some((want) => g === want || (want === 'jwt' && g.includes('jwt-bearer')));
}

export function isRefresh(ctx: DiagnosisContext): boolean {
  return phaseIs(ctx, 'refresh') || grantIs(ctx, 'refresh_token');
}

export function isJwt(ctx: DiagnosisContext): boolean {
  return phaseIs(ctx, 'jwt') || grantIs(ctx, 'jwt');
}

export function isPassword(ctx: DiagnosisContext): boolean {
  return grantIs(ctx, 'password');
}

export function onSandbox(ctx: DiagnosisContext): boolean {
  return serverEnvironment(ctx.server) === 'sandbox';
}

export function onEmulator(ctx: DiagnosisContext): boolean {
  return serverEnvironment(ctx.server) === 'emulator';
}

export function serverText(ctx: DiagnosisContext): string {
  return describeServer(ctx.server);
}

export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** "the client id abc123" or "the client id". */
export function clientIdText(ctx: DiagnosisContext): string {
  return ctx.clientId ? `the client id ${ctx.clientId}` : 'the client id';
}

/** The editor-specific scheme, for uriHandler mode: "cursor://", or undefined for plain VS Code. */
export function nonDefaultScheme(ctx: DiagnosisContext): string | undefined {
  const scheme = ctx.uriScheme?.trim();
  return ctx.redirectMode === 'uriHandler' && scheme && scheme !== 'vscode' ? scheme : undefined;
}

/** First `[Name]` in a server message, e.g. "application needs to have [ReadContacts] permission". */
export function bracketedName(text: string | undefined): string | undefined {
  const match = /\[([A-Za-z][A-Za-z0-9_]*)\]/.exec(text ?? '');
  return match ? match[1] : undefined;
}

// ---------------------------------------------------------------------------------------------------
// Fixes used by many entries

export function consoleFix(ctx: DiagnosisContext, label: string, detail?: string): Fix {
  return {
    label,
    detail,
    action: { kind: 'openDeveloperConsole', url: developerConsoleUrl(ctx.server, ctx.clientId) },
  };
}

export function signInFix(detail?: string, label = 'Sign in again'): Fix {
  return { label, detail, action: { kind: 'signIn' } };
}

export function configureAppFix(detail?: string, label = 'Check the app settings in the extension'): Fix {
  return { label, detail, action: { kind: 'configureApp' } };
}

export function setSecretFix(detail?: string, label = 'Set the client secret'): Fix {
  return { label, detail, action: { kind: 'setClientSecret' } };
}

export function settingFix(setting: string, label: string, detail?: string): Fix {
  return { label, detail, action: { kind: 'openSettings', setting } };
}

export function docsFix(url: string, label: string, detail?: string): Fix {
  return { label, detail, action: { kind: 'openUrl', url } };
}

/** Copy the exact redirect URI this editor sends; undefined when the context does not know it. */
export function copyRedirectFix(ctx: DiagnosisContext, label = 'Copy the redirect URI to register'): Fix | undefined {
  if (!ctx.redirectUri) {
    return undefined;
  }
  return {
    label,
    detail: `Paste exactly ${ctx.redirectUri} into the app's OAuth Redirect URI list (Developer Console → your app → Settings → Auth).`,
    action: { kind: 'copyRedirectUri', uri: ctx.redirectUri },
  };
}

export function supportFix(code: string | undefined): Fix {
  return docsFix(
    docs.support,
    'Contact RingCentral developer support',
    `Open a support case and quote ${code ? `the code ${code}` : 'the error'}, the client id and the time of the request (with time zone); RingCentral can look up the request on their side.`,
  );
}

export const traceFix: Fix = {
  label: 'Open the trace',
  detail: 'Run "RingCentral: Show Log" to see the full request and response (secrets are masked).',
};

/** A Ranked wrapper that drops undefined fixes. */
export function maybe<T>(weight: number, value: T | undefined): Ranked<T> {
  return value === undefined ? undefined : [weight, value];
}

export const serverSettingFix = (input: EntryInput) =>
  settingFix(
    'ringcentral.server',
    'Check the server setting',
    `ringcentral.server is ${input.context.server ?? 'not known here'}; production is https://platform.ringcentral.com.`,
  );

export const proxySettingFix = settingFix(
  'http.proxy',
  'Check the proxy setting',
  "VS Code uses http.proxy (or the system proxy) for the extension's requests.",
);

/** The host of a URL, or undefined when it is not one. */
export function hostOfUrl(url: string | undefined): string | undefined {
  if (!url) {
    return undefined;
  }
  try {
    return new URL(url).host || undefined;
  } catch {
    return undefined;
  }
}
