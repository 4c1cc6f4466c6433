// The error knowledge base: every entry, and the lookups diagnose() uses, in the order it uses them:
// RingCentral code → OAuth `error` → message text → HTTP status → 'unknown-error'.
// The entries themselves live by family in redirectEntries, codeEntries, clientEntries, tokenEntries,
// accountEntries, oauthErrorEntries, restEntries and transportEntries.
import { accountEntries } from './entries/accountEntries';
import { appRestrictionEntries } from './entries/appRestrictionEntries';
import { clientEntries } from './entries/clientEntries';
import { codeEntries } from './entries/codeEntries';
import type { KnowledgeEntry } from './entryKit';
import { oauthErrorEntries, serverError, temporarilyUnavailable } from './entries/oauthErrorEntries';
import { redirectEntries } from './entries/redirectEntries';
import { restAccessEntries } from './entries/restAccessEntries';
import { rateLimited, restEntries } from './entries/restEntries';
import { sdkEntries } from './entries/sdkEntries';
import { tokenEntries } from './entries/tokenEntries';
import { webhookEntries } from './entries/webhookEntries';
import {
  connectionRefused,
  connectionReset,
  emulatorNotRunning,
  hostNotFound,
  httpBadRequest,
  httpForbidden,
  httpUnauthorized,
  malformedJson,
  networkError,
  proxyError,
  proxyErrorPage,
  requestTimeout,
  serverRedirected,
  serverUrlNotFound,
  tlsCertificate,
  transportEntries,
  unexpectedResponse,
  unknownError,
  unsupportedMediaType,
} from './entries/transportEntries';
import type { TransportErrorCode } from '../errors';

export type { KnowledgeEntry } from './entryKit';
export { unknownError };

export const ENTRIES: readonly KnowledgeEntry[] = [
  ...redirectEntries,
  ...codeEntries,
  ...clientEntries,
  ...tokenEntries,
  ...accountEntries,
  ...appRestrictionEntries,
  ...restEntries,
  ...restAccessEntries,
  ...webhookEntries,
  ...sdkEntries,
  ...oauthErrorEntries,
  ...transportEntries,
];

const codeKey = (code: string): string => code.trim().toUpperCase();

const byCode = new Map<string, { entry: KnowledgeEntry; code: string }>();
const byError = new Map<string, KnowledgeEntry>();
for (const entry of ENTRIES) {
  for (const code of entry.codes ?? []) {
    if (byCode.has(codeKey(code))) {
      throw new Error(`knowledge base: code ${code} has two entries`);
    }
    byCode.set(codeKey(code), { entry, code });
  }
  for (const error of entry.errors ?? []) {
    if (byError.has(error)) {
      throw new Error(`knowledge base: error ${error} has two entries`);
    }
    byError.set(error, entry);
  }
}

const messagePatterns: Array<{ pattern: string; entry: KnowledgeEntry }> = ENTRIES.flatMap((entry) =>
  (entry.messages ?? []).map((pattern) => ({ pattern: pattern.toLowerCase(), entry })),
).sort((a, b) => b.pattern.length - a.pattern.length);

/** Every RingCentral code the knowledge base has an entry for, as RingCentral spells it. */
export function knownCodes(): string[] {
  return [...byCode.values()].map((v) => v.code);
}

/** Every entry id (several codes may share one). */
export function knownIds(): string[] {
  return [...new Set(ENTRIES.map((e) => e.id))];
}

/** The entry for a RingCentral code (case-insensitive: oau-113, tokeninvalid), with its canonical spelling. */
export function findByCode(code: string | undefined): { entry: KnowledgeEntry; code: string } | undefined {
  return code ? byCode.get(codeKey(code)) : undefined;
}

/** The entry that explains an OAuth `error` value in general. */
export function findByError(error: string | undefined): KnowledgeEntry | undefined {
  // A WWW-Authenticate header quotes it: error="insufficient_scope".
  return error ? byError.get(error.trim().toLowerCase().replace(/^["']|["']$/g, '')) : undefined;
}

/**
 * The entry whose known message occurs in one of the texts (longest pattern wins). With `error`, only
 * entries whose codes come with that error (or with no particular one) qualify, so a message never
 * overrides a contradicting `error`.
 */
export function findByMessage(texts: ReadonlyArray<string | undefined>, error?: string): KnowledgeEntry | undefined {
  const haystack = texts
    .filter((t): t is string => typeof t === 'string' && t.length > 0)
    .join('\n')
    .toLowerCase();
  if (!haystack) {
    return undefined;
  }
  const err = error?.trim().toLowerCase();
  for (const { pattern, entry } of messagePatterns) {
    if (!haystack.includes(pattern)) {
      continue;
    }
    if (err && entry.compatibleErrors && !entry.compatibleErrors.includes(err)) {
      continue;
    }
    return entry;
  }
  return undefined;
}

/** For an HTTP status with no code, error or message we know. `html`: the body is an HTML page. */
export function findByStatus(status: number | undefined, options: { html?: boolean; fromJson?: boolean } = {}): KnowledgeEntry | undefined {
  if (status === undefined || !Number.isFinite(status)) {
    return undefined;
  }
  if (status === 429) {
    return rateLimited;
  }
  if (status === 407) {
    return proxyError;
  }
  if (status >= 300 && status < 400) {
    return serverRedirected;
  }
  if (options.html && (status === 502 || status === 504 || (status >= 400 && status !== 404 && status !== 415 && status !== 429))) {
    return proxyErrorPage;
  }
  if (status === 502 || status === 504) {
    return options.fromJson ? serverError : proxyErrorPage;
  }
  if (status === 503) {
    return temporarilyUnavailable;
  }
  if (status === 408) {
    return requestTimeout;
  }
  if (status >= 500) {
    return serverError;
  }
  if (status === 404) {
    return serverUrlNotFound;
  }
  if (status === 415) {
    return unsupportedMediaType;
  }
  if (status === 401) {
    return httpUnauthorized;
  }
  if (status === 403) {
    return httpForbidden;
  }
  if (status === 400) {
    return httpBadRequest;
  }
  if (status >= 200 && status < 300) {
    return malformedJson;
  }
  return unexpectedResponse;
}

export function findTransport(code: TransportErrorCode, loopback: boolean): KnowledgeEntry {
  switch (code) {
    case 'ECONNREFUSED':
      return loopback ? emulatorNotRunning : connectionRefused;
    case 'ENOTFOUND':
      return hostNotFound;
    case 'TIMEOUT':
      return requestTimeout;
    case 'TLS':
      return tlsCertificate;
    case 'PROXY':
      return proxyError;
    case 'RESET':
      return connectionReset;
    default:
      return networkError;
  }
}
