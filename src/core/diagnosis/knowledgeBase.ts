// The error knowledge base: every entry, and the lookups diagnose() uses, in the order it uses them:
// RingCentral code → OAuth `error` → message text → HTTP status → 'unknown-error'.
// The entries themselves live by family under entries/; each declares what it answers (codes, errors, messages,
// statuses, transport errors), and statusAnswers.ts turns the last two into lookups.
import { accountEntries } from './entries/accountEntries';
import { appRestrictionEntries } from './entries/appRestrictionEntries';
import { clientEntries } from './entries/clientEntries';
import { codeEntries } from './entries/codeEntries';
import type { KnowledgeEntry } from './entryKit';
import { httpStatusEntries, unexpectedResponse, unknownError } from './entries/httpStatusEntries';
import { jwtFlowEntries } from './entries/jwtFlowEntries';
import { oauthErrorEntries } from './entries/oauthErrorEntries';
import { redirectEntries } from './entries/redirectEntries';
import { restAccessEntries } from './entries/restAccessEntries';
import { restEntries } from './entries/restEntries';
import { sdkEntries } from './entries/sdkEntries';
import { tokenEntries } from './entries/tokenEntries';
import { networkError, transportEntries } from './entries/transportEntries';
import { webhookEntries } from './entries/webhookEntries';
import { answerLookups } from './statusAnswers';

export type { KnowledgeEntry } from './entryKit';
export { unknownError };

export const ENTRIES: readonly KnowledgeEntry[] = [
  ...redirectEntries,
  ...codeEntries,
  ...clientEntries,
  ...tokenEntries,
  ...jwtFlowEntries,
  ...accountEntries,
  ...appRestrictionEntries,
  ...restEntries,
  ...restAccessEntries,
  ...webhookEntries,
  ...sdkEntries,
  ...oauthErrorEntries,
  ...transportEntries,
  ...httpStatusEntries,
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
  return error
    ? byError.get(
        error
          .trim()
          .toLowerCase()
          .replace(/^["']|["']$/g, ''),
      )
    : undefined;
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

// A status or transport error that no entry declares gets the general entry for its kind.
const answers = answerLookups(ENTRIES, { status: unexpectedResponse, transport: networkError });

/** For an HTTP status with no code, error or message we know. `html`: the body is an HTML page. */
export const findByStatus = answers.findByStatus;

/** For a failure with no HTTP answer; `loopback`: the request went to this machine. */
export const findTransport = answers.findTransport;
