// The words for an Auth request stopped before it was sent (session/authBudget.ts): RingCentral's limit of 5 Auth
// requests per user per minute, and its 60 s penalty that restarts on every request made during it.
import { AuthBudgetExceededError } from '../../errors';
import { docs } from '../developerConsole';
import { docsFix } from '../entryKit';
import type { Diagnosis, DiagnosisContext } from '../types';
import { localDiagnosis, utcText } from './localDiagnosis';

const KIND_WORDS: Record<AuthBudgetExceededError['kind'], string> = {
  authorize: 'opening the RingCentral sign-in page',
  preflight: 'the pre-flight (the authorize request without a browser)',
  token: 'exchanging the authorization code',
  jwt: 'exchanging the JWT credential',
  refresh: 'refreshing the access token',
  revoke: 'revoking the session',
};

export function explainAuthBudget(
  error: AuthBudgetExceededError,
  now: number,
  context: DiagnosisContext = {},
): Diagnosis {
  const seconds = error.retryAfterSeconds(now);
  const what = KIND_WORDS[error.kind];
  const penalty = error.reason === 'penalty';
  return localDiagnosis({
    id: 'auth-budget-exceeded',
    summary: penalty
      ? `Not sent (${what}): RingCentral's rate-limit penalty is still running; the next try is safe in ${seconds} s.`
      : error.needed > 1
        ? `Not sent (${what}): signing in needs ${error.needed} Auth requests (the sign-in page, then the token exchange) and only ${Math.max(0, error.limit - error.used)} of RingCentral's ${error.limit} per ${Math.round(error.windowMs / 1000)} s are left; safe again in ${seconds} s.`
        : `Not sent (${what}): it would be Auth request ${error.used + 1} within ${Math.round(error.windowMs / 1000)} s, over RingCentral's limit of ${error.limit}; safe again in ${seconds} s.`,
    causes: [
      [
        90,
        penalty
          ? 'RingCentral answered 429 (CMN-301 "Request rate exceeded") to an Auth request for this app. Its penalty restarts on every request made during it, so every window of this extension waits until it is over.'
          : `RingCentral's "Auth" rate-limit group (sign-in page, pre-flight, token, refresh, revoke) allows ${error.limit} requests per user per minute. One more would start a 60 s penalty that restarts on every request made during it, so this extension stops it before it is sent.`,
      ],
      [
        60,
        `The requests are counted across all VS Code windows using this app; sign-ins, refreshes and sign-outs in the last ${Math.round(error.windowMs / 1000)} s all count.`,
      ],
      error.kind === 'revoke' && [
        70,
        'The session was removed on this machine anyway; at RingCentral it ends when its refresh token expires, or sign out again later to revoke it.',
      ],
      [30, `Safe again at ${utcText(error.safeAt)}.`],
    ],
    fixes: [
      error.kind !== 'revoke' && [
        90,
        {
          label: `Retry in ${seconds} s`,
          detail: "Waiting costs nothing; trying earlier would be refused here, or start RingCentral's penalty.",
          action: {
            kind: 'waitAndRetry',
            seconds,
            then: error.kind === 'refresh' || context.phase === 'refresh' ? 'refreshToken' : 'signIn',
          },
        },
      ],
      [40, docsFix(docs.rateLimits, "Read about RingCentral's rate limits")],
    ],
    retryAfterSeconds: seconds,
  });
}

/** A Diagnosis for an error a local check threw (nothing was sent), or undefined for any other error. */
export function explainLocalError(error: unknown, now: number, context: DiagnosisContext = {}): Diagnosis | undefined {
  return error instanceof AuthBudgetExceededError ? explainAuthBudget(error, now, context) : undefined;
}
