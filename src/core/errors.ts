// Every error class core throws, in one place. Each is a value callers key on (`kind`, `code`, or the class); one
// that wraps another failure hands it to Error's own ES2022 `cause`, never to a field of its own.
// Parsing RingCentral's error bodies stays in ringcentral/ringcentralError.ts.
import { describeErrorInfo, type RingCentralErrorInfo } from './ringcentral/ringcentralError';
import type { StoredSession } from './session/session';

// ---------------------------------------------------------------------------------------------------------------
// RingCentral and the network

export class RingCentralApiError extends Error {
  readonly kind = 'api' as const;
  constructor(readonly info: RingCentralErrorInfo) {
    super(describeErrorInfo(info));
    this.name = 'RingCentralApiError';
  }
}

/** Every failure is a value with a `kind`, so callers and the knowledge base can switch on it. */
export type TransportErrorCode = 'ECONNREFUSED' | 'ENOTFOUND' | 'TIMEOUT' | 'TLS' | 'PROXY' | 'RESET' | 'UNKNOWN';

export class TransportError extends Error {
  readonly kind = 'transport' as const;
  constructor(
    readonly code: TransportErrorCode,
    message: string,
    readonly url?: string,
  ) {
    super(message);
    this.name = 'TransportError';
  }
}

/** A response that is not a RingCentral JSON body: an HTML error page, malformed JSON, an unexpected status. */
export class UnexpectedResponseError extends Error {
  readonly kind = 'http' as const;
  constructor(
    readonly status: number,
    readonly contentType: string,
    readonly body: string,
    message: string,
    /** For a redirect: where the server wanted the request to go (masked); the request was not sent there. */
    readonly location?: string,
  ) {
    super(message);
    this.name = 'UnexpectedResponseError';
  }
}

/** The server is not RingCentral, a local emulator or a host the user trusted, and the user did not confirm it. */
export class UntrustedServerError extends Error {
  readonly code = 'untrusted-server' as const;
  constructor(readonly host: string) {
    super(
      `Nothing was sent to ${host}: it is not a RingCentral server (platform.ringcentral.com, platform.ringcentral.biz) or a local emulator, and you did not confirm it. ` +
        `If ${host} is your own proxy, run the command again and choose "Trust ${host}". If the setting ringcentral.server came from a workspace you do not know, remove it from .vscode/settings.json.`,
    );
    this.name = 'UntrustedServerError';
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Sign-in

/** The user or the server declined on the RingCentral page (`error` on the redirect). */
export class AuthorizationCallbackError extends Error {
  readonly kind = 'callback' as const;
  constructor(
    readonly error: string,
    readonly description?: string,
  ) {
    super(description ? `${error}: ${description}` : error);
    this.name = 'AuthorizationCallbackError';
  }
}

/** RFC 9207: the callback's `iss` names another server than the one this sign-in talks to (a mix-up). */
export class IssuerMismatchError extends Error {
  readonly code = 'issuer-mismatch' as const;
  constructor(
    readonly issuer: string,
    readonly server: string,
  ) {
    super(
      `Sign-in stopped: the answer came from "${issuer}" (its iss parameter), but this sign-in talks to ${server}. ` +
        `The code was not sent anywhere. A server that passes the sign-in on to another one is what an OAuth mix-up attack looks like: ` +
        `check the setting ringcentral.server (and where it came from) before signing in again.`,
    );
    this.name = 'IssuerMismatchError';
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Sessions

/** The refresh token can no longer be used; the session was removed and the user must sign in again. */
export class SessionEndedError extends Error {
  /** The refresh's answer that ended the session. */
  declare readonly cause: RingCentralApiError;
  constructor(
    readonly session: StoredSession,
    cause: RingCentralApiError,
  ) {
    super(`Your RingCentral session ended: ${cause.message}. Sign in again.`, { cause });
    this.name = 'SessionEndedError';
  }
}

/** Both tokens are past their lifetime: nothing to refresh with. */
export class SessionExpiredError extends Error {
  constructor(readonly session: StoredSession) {
    super(
      `Your RingCentral session for ${session.account.label} has expired (the refresh token is past its lifetime). Sign in again.`,
    );
    this.name = 'SessionExpiredError';
  }
}

/**
 * RingCentral answered 429, or one more Auth request would have exceeded its limit (the budget stopped it): no token
 * request until notBefore, because one made earlier starts or restarts the penalty.
 */
export class RefreshDeferredError extends Error {
  constructor(
    readonly session: StoredSession,
    readonly notBefore: number,
    now: number,
  ) {
    const at = `${new Date(notBefore).toLocaleTimeString()} (in ${Math.max(1, Math.ceil((notBefore - now) / 1000))} s)`;
    super(
      session.refreshBackoff?.byBudget
        ? `Token requests for this app wait until ${at}: RingCentral allows 5 sign-in (Auth) requests per minute, and one more now would start its 60 s penalty. Nothing was sent.`
        : `RingCentral is rate-limiting token requests for this app (CMN-301). The next try is at ${at}; a request before then would restart RingCentral's penalty, so wait until then.`,
    );
    this.name = 'RefreshDeferredError';
  }
}

// ---------------------------------------------------------------------------------------------------------------
// The Auth-request budget (session/authBudget.ts)

/** A request of RingCentral's "Auth" group: the browser's authorize, the pre-flight, token, refresh, revoke. */
export type AuthRequestKind = 'authorize' | 'preflight' | 'token' | 'jwt' | 'refresh' | 'revoke';

/**
 * Stopped before sending: one more Auth request now would exceed RingCentral's limit (5 per user per minute) and
 * start its 60 s penalty, or RingCentral's penalty (a 429) is still running. Nothing was sent.
 */
export class AuthBudgetExceededError extends Error {
  readonly code = 'auth-budget-exceeded' as const;
  constructor(
    readonly kind: AuthRequestKind,
    /** Why: the window is full, or RingCentral's penalty (a 429 with Retry-After) has not ended. */
    readonly reason: 'budget' | 'penalty',
    /** Epoch ms when the next Auth request is safe. */
    readonly safeAt: number,
    readonly used: number,
    readonly limit: number,
    readonly windowMs: number,
    now: number,
    /** Requests this step needs: 2 for opening the sign-in page (the code exchange follows within a minute). */
    readonly needed = 1,
  ) {
    const seconds = Math.max(1, Math.ceil((safeAt - now) / 1000));
    const window = `${Math.round(windowMs / 1000)} s`;
    const when = `The next one is safe at ${new Date(safeAt).toLocaleTimeString()} (in ${seconds} s).`;
    super(
      reason === 'penalty'
        ? `Not sent: RingCentral is rate-limiting sign-in requests for this app (it answered 429). ${when} A request before then restarts RingCentral's 60 s penalty.`
        : `Not sent: ${
            needed > 1
              ? `signing in needs ${needed} Auth requests (the sign-in page, then the token exchange) and ${used} of the ${limit} RingCentral allows in ${window} are used.`
              : `this would be Auth request ${used + 1} in ${window}, and RingCentral allows ${limit}.`
          } The ${ordinal(limit + 1)} would start RingCentral's 60 s penalty, which restarts on every request made during it. ${when}`,
    );
    this.name = 'AuthBudgetExceededError';
  }

  /** Whole seconds until safeAt, at least 1. */
  retryAfterSeconds(now: number): number {
    return Math.max(1, Math.ceil((this.safeAt - now) / 1000));
  }
}

function ordinal(n: number): string {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${suffix}`;
}
