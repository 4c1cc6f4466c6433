// Shared by the RingCentralClient tests (ringcentralClient*.test.ts): both fetch implementations the extension can
// use, a confidential app, and a client bound to a fresh emulator.
import * as assert from 'node:assert/strict';
import { createServer } from 'node:net';
import type { FetchLike } from '../../src/core/ringcentral/http';
import { ClientOptions, JWT_GRANT, RingCentralClient, TOKEN_PATH } from '../../src/core/ringcentral/ringcentralClient';
import { nodeFetchAdapter } from '../../src/vscode/ringcentral/httpFetch';
import { AppRegistration, DEMO_APP, Emulator, RecordedRequest } from '../../emulator/server';
import {
  defaultAuthorizeParams,
  getCode,
  LOOPBACK_REDIRECT,
  pkce,
  useEmulator,
} from '../../emulator/test/emulatorTestUtils';
import { RingCentralApiError } from '../../src/core/errors';

const globalFetchAdapter: FetchLike = (url, init) => fetch(url, init);

export const ADAPTERS: Array<[string, FetchLike]> = [
  ['node-fetch', nodeFetchAdapter],
  ['global fetch', globalFetchAdapter],
];

export const CONFIDENTIAL: AppRegistration = {
  clientId: 'conf-client-id',
  clientSecret: 'conf-secret-value-0123456789',
  name: 'Confidential App',
  redirectUris: [LOOPBACK_REDIRECT],
  permissions: ['ReadAccounts', 'ReadContacts'],
  issueRefreshTokens: true,
  grantTypes: ['authorization_code', 'refresh_token', JWT_GRANT],
};

export const NO_READ_ACCOUNTS: AppRegistration = {
  clientId: 'no-read-accounts',
  redirectUris: [LOOPBACK_REDIRECT],
  permissions: ['ReadContacts'],
  issueRefreshTokens: true,
  grantTypes: ['authorization_code', 'refresh_token'],
};

/** The emulator keeps the last 4 characters of long secrets in its request log. */
export function emulatorMask(value: string): string {
  return value.length >= 16 ? `***${value.slice(-4)}` : '***';
}

export function tokenRequests(emu: Emulator): RecordedRequest[] {
  return emu.requests.filter((request) => request.path === TOKEN_PATH);
}

export async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    (value) => assert.fail(`expected a rejection, got ${JSON.stringify(value)}`),
    (error: unknown) => error,
  );
}

export async function apiError(promise: Promise<unknown>): Promise<RingCentralApiError> {
  const error = await rejection(promise);
  assert.ok(error instanceof RingCentralApiError, `expected RingCentralApiError, got ${String(error)}`);
  return error;
}

export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** A fresh emulator per test, and RingCentralClients over `adapter` that talk to it. */
export function useClientAgainstEmulator(adapter: FetchLike) {
  const ctx = useEmulator({ rateLimit: false, autoApprove: true });

  function client(overrides: Partial<ClientOptions> = {}): RingCentralClient {
    return new RingCentralClient({
      fetch: adapter,
      server: ctx.emu.url,
      clientId: DEMO_APP.clientId,
      timeoutMs: 5000,
      retries: 0,
      retryPauseMs: 10,
      ...overrides,
    });
  }

  function confidential(secret = CONFIDENTIAL.clientSecret, overrides: Partial<ClientOptions> = {}): RingCentralClient {
    ctx.emu.registerApp(CONFIDENTIAL);
    return client({ clientId: CONFIDENTIAL.clientId, clientSecret: secret, ...overrides });
  }

  async function codeFor(clientId = DEMO_APP.clientId, redirectUri = LOOPBACK_REDIRECT) {
    const pair = pkce();
    const code = await getCode(
      ctx.emu,
      defaultAuthorizeParams(pair, { client_id: clientId, redirect_uri: redirectUri }),
    );
    return { code, verifier: pair.verifier };
  }

  return { ctx, client, confidential, codeFor };
}
