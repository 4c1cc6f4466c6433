// State shared by the request handlers of one emulator instance.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { AddressBook } from './addressBook';
import { AppRegistry } from './apps';
import { Clock } from './clock';
import { CodeStore, PendingRequests } from './codes';
import { restErrors } from './errors';
import { FaultInjector } from './faults';
import { remoteKey, sendJson } from './http';
import { JwtCredentialInfo, JwtCredentialOptions, JwtCredentials } from './jwtCredentials';
import { RateLimiter } from './rateLimit';
import { SecretLedger } from './secretLedger';
import { TokenStore } from './tokens';
import { UserDirectory } from './users';

export interface EmulatorContext {
  baseUrl: string;
  users: UserDirectory;
  /** Who signs in when auto-approve is on (the default user unless the console chose another). */
  autoApproveUserId: string;
  clock: Clock;
  apps: AppRegistry;
  pending: PendingRequests;
  codes: CodeStore;
  tokens: TokenStore;
  jwt: JwtCredentials;
  limiter: RateLimiter;
  faults: FaultInjector;
  autoApprove: boolean;
  codeLifetimeSeconds: number;
  /** RFC 9207: put `iss` (this server's base URL) on the redirect back. RingCentral does not today. */
  sendIssuer: boolean;
  /** What the secret scan checks artefacts against. */
  secrets: SecretLedger;
  /** The users' personal contacts (address-book/contact). */
  addressBook: AddressBook;
}

/** A JWT credential for a user (the default user when none is named), listed for the secret scan. Throws on bad input. */
export function issueJwtCredential(ctx: EmulatorContext, options: JwtCredentialOptions = {}): JwtCredentialInfo {
  const info = ctx.jwt.create(ctx.baseUrl, ctx.users.require(options.user), options);
  ctx.secrets.add('JWT credential', info.credential);
  return info;
}

/**
 * The Auth group's counter for a request. RingCentral's user-level limits are defined for the pair (authenticated
 * user, application) (developer guide, "Rate limits"), so a request that names a registered app and a known user
 * (a JWT credential's `sub`, a refresh token's or revoked token's owner, an authorization code's user) counts for
 * that pair. Before a user is known (authorize: the user signs in after it; an unknown code, token or credential)
 * RingCentral publishes nothing: the app the request names stands in. A request naming no registered app counts
 * for its IP address, like RingCentral's global defensive limits.
 */
export function rateLimitKey(
  ctx: EmulatorContext,
  req: IncomingMessage,
  clientId: string | undefined,
  userId: string | undefined,
): string {
  if (!clientId || !ctx.apps.find(clientId)) {
    return remoteKey(req);
  }
  return userId ? `user:${userId}|client:${clientId}` : `client:${clientId}`;
}

/**
 * Counts the request in the Auth group under `key`, puts the X-Rate-Limit-* headers on the response, and answers
 * 429 when over. Returns false when it answered.
 */
export function passRateLimit(ctx: EmulatorContext, res: ServerResponse, key: string): boolean {
  const decision = ctx.limiter.hit(key);
  if (!decision) {
    return true;
  }
  for (const [name, value] of Object.entries(decision.headers)) {
    res.setHeader(name, value);
  }
  if (!decision.allowed) {
    const error = restErrors.rateExceeded();
    sendJson(res, error.status, error.body);
    return false;
  }
  return true;
}
