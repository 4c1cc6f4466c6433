// "Developer console" control endpoints under /__console: JSON for tests in other processes (the
// extension host), and one plain HTML page for a newcomer.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { CONSOLE_PATH, consolePage, jwtCreatedPage } from './consolePage';
import { EmulatorContext, issueJwtCredential } from './context';
import { validateFault } from './faults';
import { isForm, mediaType, parseForm, redirect, sendHtml, sendJson } from './http';
import { validateJwtOptions } from './jwtCredentials';
import { DEFAULT_RATE_LIMIT, validateRateLimit, WINDOW_SECONDS } from './rateLimit';
import { AppRegistration, RecordedRequest } from './types';

export { CONSOLE_PATH } from './consolePage';

export interface PublicApp extends Omit<AppRegistration, 'clientSecret'> {
  hasSecret: boolean;
}

export function publicApp(app: AppRegistration): PublicApp {
  const { clientSecret, ...rest } = app;
  return { ...rest, hasSecret: clientSecret !== undefined };
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

interface Payload {
  value: unknown;
  fromForm: boolean;
}

function readPayload(req: IncomingMessage, body: string): Payload {
  if (isForm(req.headers)) {
    return { value: parseForm(body).params, fromForm: true };
  }
  const type = mediaType(req.headers);
  if (type !== '' && type !== 'application/json' && type !== 'text/plain') {
    throw new HttpError(415, 'Send JSON (application/json) or a form (application/x-www-form-urlencoded)');
  }
  if (body.trim() === '') {
    return { value: undefined, fromForm: false };
  }
  try {
    return { value: JSON.parse(body), fromForm: false };
  } catch {
    throw new HttpError(400, 'The body is not valid JSON');
  }
}

function asRecord(value: unknown): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new HttpError(400, 'Expected a JSON object');
  }
  return value as Record<string, unknown>;
}

function asBoolean(value: unknown, name: string): boolean {
  if (typeof value === 'boolean') {
    return value;
  }
  if (value === 'true' || value === 'on' || value === '1') {
    return true;
  }
  if (value === 'false' || value === 'off' || value === '0') {
    return false;
  }
  throw new HttpError(400, `${name} must be true or false`);
}

function asNumber(value: unknown, name: string): number {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isFinite(n)) {
    throw new HttpError(400, `${name} must be a number`);
  }
  return n;
}

/** JSON patch for an app; `clientSecret: null` removes the secret. */
function toPatch(value: unknown): Partial<AppRegistration> {
  const record = { ...asRecord(value) };
  delete record.clientId;
  delete record.hasSecret;
  if (record.clientSecret === null) {
    record.clientSecret = undefined;
  }
  return record as Partial<AppRegistration>;
}

/** `user:<id>|client:<clientId>`, `client:<clientId>` or `ip:<address>` (see rateLimitKey), split for tests. */
function describeKey(key: string): { userId?: string; clientId?: string; ip?: string } {
  const parts: { userId?: string; clientId?: string; ip?: string } = {};
  for (const part of key.split('|')) {
    const colon = part.indexOf(':');
    const [kind, value] = [part.slice(0, colon), part.slice(colon + 1)];
    if (kind === 'user') parts.userId = value;
    if (kind === 'client') parts.clientId = value;
    if (kind === 'ip') parts.ip = value;
  }
  return parts;
}

function rateLimitState(ctx: EmulatorContext): Record<string, unknown> {
  return {
    settings: ctx.limiter.current,
    windowSeconds: WINDOW_SECONDS,
    now: ctx.clock.now(),
    counters: ctx.limiter.snapshot().map((counter) => ({ ...counter, ...describeKey(counter.key) })),
  };
}

function state(ctx: EmulatorContext): Record<string, unknown> {
  return {
    url: ctx.baseUrl,
    autoApprove: ctx.autoApprove,
    autoApproveUser: ctx.autoApproveUserId,
    fault: ctx.faults.current,
    rateLimit: ctx.limiter.current,
    now: ctx.clock.now(),
    codeLifetimeSeconds: ctx.codeLifetimeSeconds,
    issuedTokens: ctx.tokens.issuedCount,
  };
}

function route(
  ctx: EmulatorContext,
  requests: RecordedRequest[],
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  body: string,
): void {
  const method = req.method ?? 'GET';
  const sub = path.slice(CONSOLE_PATH.length) || '/';
  if (sub === '/' && method === 'GET') {
    sendHtml(res, 200, consolePage(ctx));
    return;
  }
  if (sub === '/state' && method === 'GET') {
    sendJson(res, 200, state(ctx));
    return;
  }
  if (sub === '/users' && method === 'GET') {
    sendJson(res, 200, ctx.users.list());
    return;
  }
  if (sub === '/rate-limit' && method === 'GET') {
    sendJson(res, 200, rateLimitState(ctx));
    return;
  }
  if (sub === '/apps' && method === 'GET') {
    sendJson(res, 200, ctx.apps.list().map(publicApp));
    return;
  }
  if (sub === '/apps' && method === 'POST') {
    const app = asRecord(readPayload(req, body).value) as unknown as AppRegistration;
    ctx.apps.register(app);
    sendJson(res, 201, publicApp(ctx.apps.get(app.clientId) as AppRegistration));
    return;
  }
  const appMatch = /^\/apps\/([^/]+)(\/redirect-uris)?$/.exec(sub);
  if (appMatch) {
    const clientId = decodeURIComponent(appMatch[1]);
    if (!ctx.apps.find(clientId)) {
      throw new HttpError(404, `No app with client id ${clientId}`);
    }
    if (!appMatch[2] && method === 'GET') {
      sendJson(res, 200, publicApp(ctx.apps.get(clientId) as AppRegistration));
      return;
    }
    if (!appMatch[2] && method === 'PATCH') {
      sendJson(res, 200, publicApp(ctx.apps.update(clientId, toPatch(readPayload(req, body).value))));
      return;
    }
    if (appMatch[2] && method === 'POST') {
      const payload = readPayload(req, body);
      const uri = asRecord(payload.value).uri;
      if (typeof uri !== 'string') {
        throw new HttpError(400, 'uri is required');
      }
      const app = ctx.apps.addRedirectUri(clientId, uri.trim());
      if (payload.fromForm) {
        redirect(res, CONSOLE_PATH, 303);
        return;
      }
      sendJson(res, 200, publicApp(app));
      return;
    }
  }
  if (sub === '/fault' && method === 'POST') {
    ctx.faults.set(validateFault(readPayload(req, body).value));
    sendJson(res, 200, { fault: ctx.faults.current });
    return;
  }
  if (sub === '/auto-approve' && method === 'POST') {
    const payload = readPayload(req, body);
    const record = asRecord(payload.value);
    const on = asBoolean(record.on, 'on');
    // Who signs in from now on; without `user` the choice stays as it was.
    if (record.user !== undefined) {
      ctx.autoApproveUserId = ctx.users.require(record.user).id;
    }
    ctx.autoApprove = on;
    if (payload.fromForm) {
      redirect(res, CONSOLE_PATH, 303);
      return;
    }
    sendJson(res, 200, { autoApprove: ctx.autoApprove, user: ctx.autoApproveUserId });
    return;
  }
  if (sub === '/rate-limit' && method === 'POST') {
    const value = readPayload(req, body).value;
    const record = typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : undefined;
    const settings =
      value === undefined ? DEFAULT_RATE_LIMIT : record && record.enabled === false ? false : validateRateLimit(value);
    ctx.limiter.set(settings);
    sendJson(res, 200, { rateLimit: ctx.limiter.current });
    return;
  }
  if (sub === '/user' && method === 'PATCH') {
    // A display name is text the server controls: tests use it to send hostile text to the extension.
    const { name, id } = asRecord(readPayload(req, body).value);
    if (typeof name !== 'string' || name === '') {
      throw new HttpError(400, 'name must be a non-empty string');
    }
    const renamed = ctx.users.rename(ctx.users.require(id).id, name);
    sendJson(res, 200, { id: renamed.id, name: renamed.name });
    return;
  }
  if (sub === '/clock' && method === 'POST') {
    ctx.clock.advance(asNumber(asRecord(readPayload(req, body).value).advanceSeconds, 'advanceSeconds'));
    sendJson(res, 200, { now: ctx.clock.now() });
    return;
  }
  if (sub === '/jwt' && method === 'POST') {
    const payload = readPayload(req, body);
    const info = issueJwtCredential(ctx, validateJwtOptions(payload.value));
    if (payload.fromForm) {
      sendHtml(res, 200, jwtCreatedPage(ctx, info));
      return;
    }
    sendJson(res, 200, info);
    return;
  }
  if (sub === '/requests' && method === 'GET') {
    sendJson(res, 200, requests);
    return;
  }
  if (sub === '/requests' && method === 'DELETE') {
    requests.length = 0;
    sendJson(res, 200, { cleared: true });
    return;
  }
  throw new HttpError(404, `No console endpoint ${method} ${path}`);
}

export function handleConsole(
  ctx: EmulatorContext,
  requests: RecordedRequest[],
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  body: string,
): void {
  try {
    route(ctx, requests, req, res, path, body);
  } catch (error) {
    const status = error instanceof HttpError ? error.status : 400;
    sendJson(res, status, { message: error instanceof Error ? error.message : String(error) });
  }
}
