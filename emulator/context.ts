// State shared by the request handlers of one emulator instance.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { AppRegistry } from './apps';
import { Clock } from './clock';
import { CodeStore, PendingRequests } from './codes';
import { restErrors } from './errors';
import { FaultInjector } from './faults';
import { remoteKey, sendJson } from './http';
import { JwtCredentials } from './jwtCredentials';
import { RateLimiter } from './rateLimit';
import { TokenStore } from './tokens';
import { DemoUser } from './types';

export interface EmulatorContext {
  baseUrl: string;
  user: DemoUser;
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
}

/**
 * Counts the request in the Auth group (per client id when it is a registered app, else per remote IP),
 * puts the X-Rate-Limit-* headers on the response, and answers 429 when over. Returns false when it answered.
 */
export function passRateLimit(
  ctx: EmulatorContext,
  req: IncomingMessage,
  res: ServerResponse,
  clientId: string | undefined,
): boolean {
  const key = clientId && ctx.apps.find(clientId) ? `client:${clientId}` : remoteKey(req);
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
