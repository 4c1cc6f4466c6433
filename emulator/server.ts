// A local RingCentral OAuth emulator on 127.0.0.1: authorize + consent, token, revoke, one REST call,
// the Auth rate-limit group, injectable faults and a control console. Routing and lifecycle live here.
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { AppRegistry, DEFAULT_APPS } from './apps';
import { handleApi } from './api';
import { AddressBook } from './addressBook';
import { handleAuthorize, handleLogin, LOGIN_PATH } from './authorize';
import { Clock } from './clock';
import { CodeStore, PendingRequests } from './codes';
import { CONSOLE_PATH, handleConsole } from './console';
import { EmulatorContext, issueJwtCredential } from './context';
import { restErrors } from './errors';
import { applyFault, EndpointGroup, FaultInjector } from './faults';
import { parseForm, parseParams, readBody, isForm, sendJson } from './http';
import { JwtCredentialOptions, JwtCredentials, validateJwtOptions } from './jwtCredentials';
import { emulatorLedger, KnownSecret } from './secretLedger';
import { DEFAULT_RATE_LIMIT, RateLimitCounter, RateLimiter, validateRateLimit } from './rateLimit';
import { handleRevoke, handleToken } from './token';
import { TokenStore } from './tokens';
import { AppRegistration, DemoUser, Fault, RateLimitSettings, RecordedRequest } from './types';
import { UserDirectory } from './users';

export { AUTH_CODE_ONLY_APP, DEFAULT_APPS, DEMO_APP, JWT_ONLY_APP } from './apps';
export { DEMO_USER, DEMO_USERS, SECOND_USER } from './users';
export { JWT_VARIANTS, NO_EXPIRY_SECONDS, OTHER_SERVER } from './jwtCredentials';
export type { JwtCredentialInfo, JwtCredentialOptions, JwtVariant } from './jwtCredentials';
export type { RateLimitCounter } from './rateLimit';
export type {
  AppRegistration,
  DemoUser,
  Fault,
  FaultEndpoint,
  FaultKind,
  GrantType,
  RateLimitSettings,
  RecordedRequest,
} from './types';
export { JWT_BEARER_GRANT } from './types';

export interface EmulatorOptions {
  /** 0 or absent: a free port. */
  port?: number;
  /** Default: DEFAULT_APPS (the demo app, a JWT-only app and an auth-code-only app). */
  apps?: readonly AppRegistration[];
  autoApprove?: boolean;
  /** Default {perMinute: 5, penaltySeconds: 60}; false disables. */
  rateLimit?: RateLimitSettings | false;
  codeLifetimeSeconds?: number;
  /** RFC 9207 `iss` on the redirect back (RingCentral does not send it today; default off). */
  sendIssuer?: boolean;
  /** Millisecond clock; advanceClock() adds to it. */
  now?: () => number;
}

export interface Emulator {
  /** http://127.0.0.1:PORT */
  url: string;
  port: number;
  close(): Promise<void>;
  registerApp(app: AppRegistration): void;
  updateApp(clientId: string, patch: Partial<AppRegistration>): void;
  getApp(clientId: string): AppRegistration | undefined;
  /** `userId` chooses who signs in from now on (default: Ada, or the previous choice). */
  setAutoApprove(on: boolean, userId?: string): void;
  setFault(fault: Fault | null): void;
  setRateLimit(rateLimit: RateLimitSettings | false | undefined): void;
  advanceClock(seconds: number): void;
  /**
   * A JWT credential as the Developer Console creates it: for the default user and any app (no argument), restricted
   * to one app (a client id), or with options (user, app, variant, expiry).
   */
  createJwtCredential(clientIdOrOptions?: string | JwtCredentialOptions): string;
  users(): DemoUser[];
  /** The Auth group's counters: requests in the last 60 s and penalty end, per key. */
  rateLimitCounters(): RateLimitCounter[];
  requests: RecordedRequest[];
  issuedTokens(): number;
  /** Every secret this emulator issued, registered or was sent, for the secret scan. */
  issuedSecrets(): KnownSecret[];
}

const TOKEN_PATH = '/restapi/oauth/token';
const REVOKE_PATH = '/restapi/oauth/revoke';
const AUTHORIZE_PATH = '/restapi/oauth/authorize';
const API_PREFIX = '/restapi/v1.0/';
const SECRET_FIELDS = new Set([
  'client_secret',
  'code',
  'code_verifier',
  'refresh_token',
  'assertion',
  'password',
  'token',
  'access_token',
]);

function groupOf(path: string): EndpointGroup | undefined {
  if (path === AUTHORIZE_PATH || path === LOGIN_PATH) {
    return 'authorize';
  }
  if (path === TOKEN_PATH) {
    return 'token';
  }
  if (path === REVOKE_PATH) {
    return 'revoke';
  }
  return path.startsWith(API_PREFIX) ? 'api' : undefined;
}

/** Keeps the last 4 characters of long secrets so tests can tell tokens apart without seeing them. */
function mask(value: string): string {
  return value.length >= 16 ? `***${value.slice(-4)}` : '***';
}

function record(now: number, req: http.IncomingMessage, url: URL, body: string): RecordedRequest {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) {
      continue;
    }
    const text = Array.isArray(value) ? value.join(', ') : value;
    if (name === 'authorization') {
      const [scheme, ...rest] = text.split(' ');
      headers[name] = `${scheme} ${mask(rest.join(' '))}`;
    } else {
      headers[name] = text;
    }
  }
  const entry: RecordedRequest = {
    time: now,
    method: req.method ?? 'GET',
    path: url.pathname,
    query: parseParams(url.searchParams).all,
    headers,
  };
  if (isForm(req.headers)) {
    const form = parseForm(body).all;
    for (const [name, value] of Object.entries(form)) {
      if (SECRET_FIELDS.has(name)) {
        form[name] = Array.isArray(value) ? value.map(mask) : mask(value);
      }
    }
    entry.form = form;
  }
  return entry;
}

export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const clock = new Clock(options.now);
  const now = (): number => clock.now();
  const secrets = emulatorLedger();
  const apps = new AppRegistry();
  const registerApp = (app: AppRegistration): void => {
    apps.register(app);
    secrets.add('client secret', app.clientSecret);
  };
  for (const app of options.apps ?? DEFAULT_APPS) {
    registerApp(app);
  }
  const users = new UserDirectory();
  const ctx: EmulatorContext = {
    baseUrl: '',
    users,
    autoApproveUserId: users.defaultUser.id,
    clock,
    apps,
    pending: new PendingRequests(now),
    codes: new CodeStore(now, () => ctx.codeLifetimeSeconds),
    tokens: new TokenStore(now),
    jwt: new JwtCredentials(now),
    limiter: new RateLimiter(
      options.rateLimit === undefined ? DEFAULT_RATE_LIMIT : validateRateLimit(options.rateLimit),
      now,
    ),
    faults: new FaultInjector(),
    autoApprove: options.autoApprove ?? false,
    codeLifetimeSeconds: options.codeLifetimeSeconds ?? 60,
    sendIssuer: options.sendIssuer ?? false,
    secrets,
    addressBook: new AddressBook(),
  };
  const requests: RecordedRequest[] = [];

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', ctx.baseUrl);
    const path = url.pathname;
    const body = req.method === 'GET' || req.method === 'HEAD' ? '' : await readBody(req);
    secrets.watchResponse(res);
    if (path === CONSOLE_PATH || path.startsWith(`${CONSOLE_PATH}/`)) {
      // Never faulted or recorded: tests must always be able to reach the controls.
      secrets.addFromJson(body);
      handleConsole(ctx, requests, req, res, path, body);
      return;
    }
    secrets.addFromRequest(req.headers, isForm(req.headers) ? parseForm(body).all : undefined);
    const entry = record(now(), req, url, body);
    requests.push(entry);
    res.on('finish', () => {
      entry.status = res.statusCode;
    });
    const group = groupOf(path);
    const fault = ctx.faults.take(group);
    if (fault) {
      entry.fault = fault;
      applyFault(fault, req, res);
      return;
    }
    switch (group) {
      case 'authorize':
        if (path === LOGIN_PATH) {
          handleLogin(ctx, req, res, url, body);
        } else {
          handleAuthorize(ctx, req, res, url);
        }
        return;
      case 'token':
        handleToken(ctx, req, res, body);
        return;
      case 'revoke':
        handleRevoke(ctx, req, res, body);
        return;
      case 'api':
        handleApi(ctx, req, res, url, body);
        return;
      case undefined: {
        const error = restErrors.notFound(path);
        sendJson(res, error.status, error.body);
        return;
      }
    }
  }

  const server = http.createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (res.headersSent) {
        res.destroy();
        return;
      }
      sendJson(res, 500, { message: `Emulator error: ${error instanceof Error ? error.message : String(error)}` });
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  ctx.baseUrl = `http://127.0.0.1:${port}`;

  let closing: Promise<void> | undefined;
  return {
    url: ctx.baseUrl,
    port,
    close() {
      closing ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Ends keep-alive sockets and responses held open by the hang fault.
        server.closeAllConnections();
      });
      return closing;
    },
    registerApp,
    updateApp: (clientId, patch) => {
      secrets.add('client secret', apps.update(clientId, patch).clientSecret);
    },
    getApp: (clientId) => apps.get(clientId),
    setAutoApprove: (on, userId) => {
      if (userId !== undefined) {
        ctx.autoApproveUserId = users.require(userId).id;
      }
      ctx.autoApprove = on;
    },
    setFault: (fault) => ctx.faults.set(fault),
    setRateLimit: (rateLimit) =>
      ctx.limiter.set(rateLimit === undefined ? DEFAULT_RATE_LIMIT : validateRateLimit(rateLimit)),
    advanceClock: (seconds) => clock.advance(seconds),
    createJwtCredential: (clientIdOrOptions) =>
      issueJwtCredential(
        ctx,
        typeof clientIdOrOptions === 'string'
          ? { clientId: clientIdOrOptions }
          : validateJwtOptions(clientIdOrOptions ?? {}),
      ).credential,
    users: () => users.list(),
    rateLimitCounters: () => ctx.limiter.snapshot(),
    requests,
    issuedTokens: () => ctx.tokens.issuedCount,
    issuedSecrets: () => secrets.list(),
  };
}
