// How a failed refresh is read (the refresh token is dead, RingCentral is rate-limiting, the access token was
// refused) and how long automatic refreshes are then held back.
import { AuthBudgetExceededError, RingCentralApiError } from '../errors';
import type { RefreshBackoff, StoredSession } from './session';

const DEAD_REFRESH_CODES = new Set(['OAU-210', 'OAU-211', 'OAU-213']);
const RATE_LIMIT_CODES = new Set(['CMN-301', 'CMN-302']);
/** RingCentral's Auth-group penalty: used when a 429 comes without Retry-After (the guide says wait at least 30 s). */
const DEFAULT_PENALTY_SECONDS = 60;
/** A backoff read from storage is never trusted beyond this, so a wall clock stepped back cannot park refreshes for hours. */
const MAX_BACKOFF_MS = 15 * 60_000;
/** Past the server's Retry-After, so our first request lands after the penalty, not on its last second. */
const PENALTY_MARGIN_MS = 2_000;
const TRANSIENT_BACKOFF_MS = 30_000;

export function isDeadRefreshError(error: unknown): error is RingCentralApiError {
  // invalid_grant also covers other problems (OAU-106/108/251…); without a code it is the refresh token itself.
  return (
    error instanceof RingCentralApiError &&
    (DEAD_REFRESH_CODES.has(error.info.code ?? '') || (error.info.error === 'invalid_grant' && !error.info.code))
  );
}

/** RingCentral's 429, or our own budget stopping a request before it would have earned one. */
export function isRateLimitError(error: unknown): error is RingCentralApiError | AuthBudgetExceededError {
  return (
    error instanceof AuthBudgetExceededError ||
    (error instanceof RingCentralApiError && (error.info.status === 429 || RATE_LIMIT_CODES.has(error.info.code ?? '')))
  );
}

/** A 401 from an API call: the access token was not accepted (expired early, clock wrong, rotated elsewhere). */
export function isUnauthorizedError(error: unknown): boolean {
  return error instanceof RingCentralApiError && error.info.status === 401;
}

/** How long to hold automatic refreshes after a failure. */
export function backoffAfter(error: unknown, rateLimited: boolean, failures: number, now: number): RefreshBackoff {
  if (error instanceof AuthBudgetExceededError) {
    // Nothing was sent: wait exactly until the budget says the next request is safe, no doubling.
    return { notBefore: Math.min(error.safeAt, now + MAX_BACKOFF_MS), failures, rateLimited: true, byBudget: true };
  }
  if (rateLimited) {
    // Honour Retry-After (60 s when absent). If a 429 comes again right after such a wait, someone else is also
    // spending the budget (or the penalty restarted): double the wait each time, up to the cap.
    const retryAfter = error instanceof RingCentralApiError ? error.info.retryAfterSeconds : undefined;
    const base = Math.max(retryAfter ?? DEFAULT_PENALTY_SECONDS, 1) * 1000;
    return {
      notBefore: now + Math.min(base * 2 ** (failures - 1), MAX_BACKOFF_MS) + PENALTY_MARGIN_MS,
      failures,
      rateLimited: true,
    };
  }
  // A network error or 5xx: the 30 s timer would retry anyway; back off so a long outage costs few requests.
  return {
    notBefore: now + Math.min(TRANSIENT_BACKOFF_MS * 2 ** (failures - 1), 10 * 60_000) - 1000,
    failures,
    rateLimited: false,
  };
}

export function withoutBackoff<T extends { refreshBackoff?: RefreshBackoff }>(session: T): T {
  const { refreshBackoff: _dropped, ...rest } = session;
  return rest as T;
}

/** Until when automatic refreshes are held back, if they are; never beyond MAX_BACKOFF_MS from now. */
export function backoffUntil(session: StoredSession, now: number): number | undefined {
  const notBefore = session.refreshBackoff?.notBefore;
  if (notBefore === undefined || notBefore <= now) return undefined;
  return Math.min(notBefore, now + MAX_BACKOFF_MS);
}
