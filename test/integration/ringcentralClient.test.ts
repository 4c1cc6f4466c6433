// RingCentralClient over real HTTP against the local emulator, with both fetch implementations the
// extension can use: node-fetch (what VS Code ships with proxy support) and Node's global fetch.
import * as assert from 'node:assert/strict';
import { createServer } from 'node:net';
import type { FetchLike } from '../../src/core/ringcentral/http';
import { ClientOptions, JWT_GRANT, REVOKE_PATH, RingCentralClient, TOKEN_PATH, WHO_AM_I_PATH } from '../../src/core/ringcentral/ringcentralClient';
import { AttemptRecorder } from '../../src/core/trace/trace';
import { nodeFetchAdapter } from '../../src/vscode/ringcentral/httpFetch';
import { AppRegistration, DEMO_APP, DEMO_USER, Emulator, RecordedRequest } from '../../emulator/server';
import { defaultAuthorizeParams, getCode, LOOPBACK_REDIRECT, pkce, useEmulator, VSCODE_REDIRECT } from '../../emulator/test/emulatorTestUtils';
import { RingCentralApiError, TransportError, UnexpectedResponseError } from '../../src/core/errors';

const globalFetchAdapter: FetchLike = (url, init) => fetch(url, init);

const ADAPTERS: Array<[string, FetchLike]> = [
  ['node-fetch', nodeFetchAdapter],
  ['global fetch', globalFetchAdapter],
];

const CONFIDENTIAL: AppRegistration = {
  clientId: 'conf-client-id',
  clientSecret: 'conf-secret-value-0123456789',
  name: 'Confidential App',
  redirectUris: [LOOPBACK_REDIRECT],
  permissions: ['ReadAccounts', 'ReadContacts'],
  issueRefreshTokens: true,
  grantTypes: ['authorization_code', 'refresh_token', JWT_GRANT],
};

const NO_READ_ACCOUNTS: AppRegistration = {
  clientId: 'no-read-accounts',
  redirectUris: [LOOPBACK_REDIRECT],
  permissions: ['ReadContacts'],
  issueRefreshTokens: true,
  grantTypes: ['authorization_code', 'refresh_token'],
};

/** The emulator keeps the last 4 characters of long secrets in its request log. */
function emulatorMask(value: string): string {
  return value.length >= 16 ? `***${value.slice(-4)}` : '***';
}

function tokenRequests(emu: Emulator): RecordedRequest[] {
  return emu.requests.filter((request) => request.path === TOKEN_PATH);
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    (value) => assert.fail(`expected a rejection, got ${JSON.stringify(value)}`),
    (error: unknown) => error,
  );
}

async function apiError(promise: Promise<unknown>): Promise<RingCentralApiError> {
  const error = await rejection(promise);
  assert.ok(error instanceof RingCentralApiError, `expected RingCentralApiError, got ${String(error)}`);
  return error;
}

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

for (const [adapterName, adapter] of ADAPTERS) {
  describe(`RingCentralClient against the emulator (${adapterName})`, () => {
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
      const code = await getCode(ctx.emu, defaultAuthorizeParams(pair, { client_id: clientId, redirect_uri: redirectUri }));
      return { code, verifier: pair.verifier };
    }

    describe('code exchange', () => {
      it('public app with PKCE: client_id in the body, no Authorization header, working tokens', async () => {
        const rc = client();
        assert.equal(rc.hasClientSecret, false);
        const { code, verifier } = await codeFor();
        const tokens = await rc.exchangeCode({ code, redirectUri: LOOPBACK_REDIRECT, codeVerifier: verifier });
        assert.equal(typeof tokens.access_token, 'string');
        assert.ok(tokens.access_token.length > 20);
        assert.equal(tokens.token_type, 'bearer');
        assert.equal(tokens.expires_in, 3600);
        assert.equal(typeof tokens.refresh_token, 'string');
        assert.notEqual(tokens.refresh_token, tokens.access_token);
        assert.equal(tokens.refresh_token_expires_in, 604800);
        assert.equal(tokens.scope, DEMO_APP.permissions.join(' '));
        assert.equal(tokens.owner_id, DEMO_USER.id);

        const [request] = tokenRequests(ctx.emu);
        assert.equal(request.method, 'POST');
        assert.equal(request.status, 200);
        assert.equal(request.headers.authorization, undefined);
        assert.match(request.headers['content-type'] ?? '', /^application\/x-www-form-urlencoded/);
        assert.deepEqual(request.form, {
          grant_type: 'authorization_code',
          code: emulatorMask(code),
          redirect_uri: LOOPBACK_REDIRECT,
          code_verifier: emulatorMask(verifier),
          client_id: DEMO_APP.clientId,
        });

        const me = await rc.getJson<{ id: number; name: string; extensionNumber: string }>(WHO_AM_I_PATH, tokens.access_token);
        assert.equal(String(me.id), DEMO_USER.id);
        assert.equal(me.name, DEMO_USER.name);
        assert.equal(me.extensionNumber, DEMO_USER.extensionNumber);
      });

      it('a wrong code_verifier is refused (the emulator really checks PKCE)', async () => {
        const { code } = await codeFor();
        const error = await apiError(client().exchangeCode({ code, redirectUri: LOOPBACK_REDIRECT, codeVerifier: pkce().verifier }));
        assert.equal(error.info.code, 'OAU-106');
        assert.equal(error.info.description, 'code_verifier does not match code_challenge');
      });

      it('confidential app: HTTP Basic with id:secret and no client_id in the body', async () => {
        const rc = confidential();
        assert.equal(rc.hasClientSecret, true);
        const { code, verifier } = await codeFor(CONFIDENTIAL.clientId);
        const tokens = await rc.exchangeCode({ code, redirectUri: LOOPBACK_REDIRECT, codeVerifier: verifier });
        assert.equal(tokens.scope, 'ReadAccounts ReadContacts');
        const [request] = tokenRequests(ctx.emu);
        const basic = Buffer.from(`${CONFIDENTIAL.clientId}:${CONFIDENTIAL.clientSecret}`).toString('base64');
        assert.equal(request.headers.authorization, `Basic ${emulatorMask(basic)}`);
        assert.equal(request.form?.client_id, undefined);
        assert.equal(request.form?.grant_type, 'authorization_code');
      });

      it('wrong client secret → OAU-146, HTTP 401, invalid_client', async () => {
        const rc = confidential('not-the-secret');
        const { code, verifier } = await codeFor(CONFIDENTIAL.clientId);
        const error = await apiError(rc.exchangeCode({ code, redirectUri: LOOPBACK_REDIRECT, codeVerifier: verifier }));
        assert.equal(error.info.code, 'OAU-146');
        assert.equal(error.info.status, 401);
        assert.equal(error.info.error, 'invalid_client');
        assert.equal(error.message, 'OAU-146 Invalid client credentials (invalid_client)');
        assert.match(error.info.rawBody ?? '', /"errorCode":"OAU-146"/);
      });

      it('a code used twice → OAU-106 the second time', async () => {
        const rc = client();
        const { code, verifier } = await codeFor();
        await rc.exchangeCode({ code, redirectUri: LOOPBACK_REDIRECT, codeVerifier: verifier });
        const error = await apiError(rc.exchangeCode({ code, redirectUri: LOOPBACK_REDIRECT, codeVerifier: verifier }));
        assert.equal(error.info.code, 'OAU-106');
        assert.equal(error.info.status, 403);
        assert.equal(error.info.error, 'invalid_grant');
        assert.equal(error.info.message, 'Invalid authorization code');
      });

      it('a code older than its 60 s lifetime → OAU-108', async () => {
        const { code, verifier } = await codeFor();
        ctx.emu.advanceClock(61);
        const error = await apiError(client().exchangeCode({ code, redirectUri: LOOPBACK_REDIRECT, codeVerifier: verifier }));
        assert.equal(error.info.code, 'OAU-108');
        assert.equal(error.info.message, 'Authorization code is expired');
      });

      it('a redirect_uri that differs from the authorize request → OAU-109', async () => {
        const { code, verifier } = await codeFor(DEMO_APP.clientId, LOOPBACK_REDIRECT);
        const error = await apiError(client().exchangeCode({ code, redirectUri: VSCODE_REDIRECT, codeVerifier: verifier }));
        assert.equal(error.info.code, 'OAU-109');
        assert.equal(error.info.message, 'Redirect URIs do not match');
      });
    });

    describe('other grants', () => {
      it('jwtBearer exchanges a JWT credential with Basic client auth', async () => {
        const rc = confidential();
        const jwt = ctx.emu.createJwtCredential();
        const tokens = await rc.jwtBearer(jwt);
        assert.equal(tokens.owner_id, DEMO_USER.id);
        assert.equal(tokens.scope, CONFIDENTIAL.permissions.join(' '));
        const [request] = tokenRequests(ctx.emu);
        assert.equal(request.form?.grant_type, JWT_GRANT);
        assert.equal(request.form?.assertion, emulatorMask(jwt));
        assert.match(request.headers.authorization ?? '', /^Basic \*\*\*/);
        const me = await rc.getJson<{ name: string }>(WHO_AM_I_PATH, tokens.access_token);
        assert.equal(me.name, DEMO_USER.name);
      });

      it('a JWT credential made for another app → OAU-140', async () => {
        const error = await apiError(confidential().jwtBearer(ctx.emu.createJwtCredential('some-other-app')));
        assert.equal(error.info.code, 'OAU-140');
        assert.equal(error.info.error, 'invalid_grant');
      });

      it('refresh rotates: new tokens work, the old refresh token is dead (OAU-213), the old access token too', async () => {
        const rc = client();
        const { code, verifier } = await codeFor();
        const first = await rc.exchangeCode({ code, redirectUri: LOOPBACK_REDIRECT, codeVerifier: verifier });
        const second = await rc.refresh(first.refresh_token as string);
        assert.notEqual(second.access_token, first.access_token);
        assert.notEqual(second.refresh_token, first.refresh_token);
        assert.equal(second.owner_id, DEMO_USER.id);
        assert.equal(tokenRequests(ctx.emu)[1].form?.grant_type, 'refresh_token');
        assert.equal(tokenRequests(ctx.emu)[1].form?.refresh_token, emulatorMask(first.refresh_token as string));
        assert.equal((await rc.getJson<{ name: string }>(WHO_AM_I_PATH, second.access_token)).name, DEMO_USER.name);
        const old = await apiError(rc.getJson(WHO_AM_I_PATH, first.access_token));
        assert.equal(old.info.code, 'TokenInvalid');
        assert.equal(old.info.status, 401);
        const reused = await apiError(rc.refresh(first.refresh_token as string));
        assert.equal(reused.info.code, 'OAU-213');
        assert.equal(reused.info.error, 'invalid_grant');
      });

      it('revoke ends the session: refresh → OAU-211, access token → TokenInvalid', async () => {
        const rc = confidential();
        const tokens = await rc.jwtBearer(ctx.emu.createJwtCredential());
        await rc.revoke(tokens.access_token);
        const revoke = ctx.emu.requests.find((request) => request.path === REVOKE_PATH);
        assert.equal(revoke?.status, 200);
        assert.equal(revoke?.form?.token, emulatorMask(tokens.access_token));
        const refresh = await apiError(rc.refresh(tokens.refresh_token as string));
        assert.equal(refresh.info.code, 'OAU-211');
        assert.equal(refresh.info.message, 'Token revoked');
        const api = await apiError(rc.getJson(WHO_AM_I_PATH, tokens.access_token));
        assert.equal(api.info.code, 'TokenInvalid');
      });

      it('revoke answered with an error is thrown (wrong secret → OAU-146)', async () => {
        const tokens = await confidential().jwtBearer(ctx.emu.createJwtCredential());
        const error = await apiError(client({ clientId: CONFIDENTIAL.clientId, clientSecret: 'wrong' }).revoke(tokens.access_token));
        assert.equal(error.info.code, 'OAU-146');
      });
    });

    describe('REST and rate limits', () => {
      it('who-am-I without ReadAccounts → CMN-401 naming ReadAccounts', async () => {
        ctx.emu.registerApp(NO_READ_ACCOUNTS);
        const rc = client({ clientId: NO_READ_ACCOUNTS.clientId });
        const { code, verifier } = await codeFor(NO_READ_ACCOUNTS.clientId);
        const tokens = await rc.exchangeCode({ code, redirectUri: LOOPBACK_REDIRECT, codeVerifier: verifier });
        assert.equal(tokens.scope, 'ReadContacts');
        const error = await apiError(rc.getJson(WHO_AM_I_PATH, tokens.access_token));
        assert.equal(error.info.code, 'CMN-401');
        assert.equal(error.info.topLevelCode, 'InsufficientPermissions');
        assert.equal(error.info.permissionName, 'ReadAccounts');
        assert.equal(error.info.status, 403);
        assert.match(error.message, /^CMN-401 In order to call this API endpoint, application needs to have \[ReadAccounts\] permission$/);
      });

      it('an unparseable access token → TokenInvalid 401', async () => {
        const error = await apiError(client().getJson(WHO_AM_I_PATH, 'not-a-token'));
        assert.equal(error.info.code, 'TokenInvalid');
        assert.equal(error.info.status, 401);
      });

      it('429 CMN-301 with Retry-After, not retried', async () => {
        ctx.emu.setRateLimit({ perMinute: 1, penaltySeconds: 30 });
        const retrying = confidential(CONFIDENTIAL.clientSecret, { retries: 2 });
        await retrying.jwtBearer(ctx.emu.createJwtCredential());
        const error = await apiError(retrying.jwtBearer(ctx.emu.createJwtCredential()));
        assert.equal(error.info.status, 429);
        assert.equal(error.info.code, 'CMN-301');
        assert.equal(error.info.retryAfterSeconds, 30);
        assert.equal(error.message, 'CMN-301 Request rate exceeded');
        assert.equal(tokenRequests(ctx.emu).length, 2, '429 is not repeated by the client');
      });
    });

    describe('faults', () => {
      it('5xx on every attempt → a 503 error that keeps Retry-After, after the retries', async () => {
        ctx.emu.setFault({ kind: '5xx', endpoint: 'token' });
        const started = Date.now();
        const error = await rejection(client({ retries: 1 }).refresh('whatever'));
        assert.ok(error instanceof RingCentralApiError, String(error));
        assert.equal(error.info.status, 503);
        assert.equal(error.info.retryAfterSeconds, 1, 'the gateway page\'s Retry-After is kept for the diagnosis');
        assert.match(error.info.rawBody ?? '', /<html|<!DOCTYPE/i);
        assert.equal(tokenRequests(ctx.emu).length, 2, 'one try + one retry');
        // The emulator's Retry-After: 1 is honoured between the two.
        assert.ok(Date.now() - started >= 900, `retried after ${Date.now() - started} ms`);
      });

      it('one 5xx, then success: the retry gets the tokens', async () => {
        const rc = confidential(CONFIDENTIAL.clientSecret, { retries: 1 });
        ctx.emu.setFault({ kind: '5xx', endpoint: 'token', remaining: 1 });
        const tokens = await rc.jwtBearer(ctx.emu.createJwtCredential());
        assert.equal(tokens.owner_id, DEMO_USER.id);
        assert.deepEqual(tokenRequests(ctx.emu).map((request) => request.status), [503, 200]);
      });

      it('a hanging server → TransportError TIMEOUT within timeoutMs, not retried', async () => {
        ctx.emu.setFault({ kind: 'hang', endpoint: 'token' });
        const started = Date.now();
        const error = await rejection(client({ timeoutMs: 300, retries: 2 }).refresh('whatever'));
        const elapsed = Date.now() - started;
        assert.ok(error instanceof TransportError, String(error));
        assert.equal(error.code, 'TIMEOUT');
        assert.equal(error.url, `${ctx.emu.url}${TOKEN_PATH}`);
        assert.match(error.message, /no answer within 300 ms/);
        assert.ok(elapsed >= 280 && elapsed < 2000, `elapsed ${elapsed} ms`);
        assert.equal(tokenRequests(ctx.emu).length, 1);
      });

      it('malformed JSON with 200 → UnexpectedResponseError', async () => {
        ctx.emu.setFault({ kind: 'malformedJson', endpoint: 'token' });
        const error = await rejection(client().refresh('whatever'));
        assert.ok(error instanceof UnexpectedResponseError, String(error));
        assert.equal(error.status, 200);
        assert.match(error.contentType, /^application\/json/);
        assert.equal(error.body, '{"access_token": ');
        assert.match(error.message, /not valid JSON/);
      });

      it('malformed JSON on a REST call → UnexpectedResponseError', async () => {
        ctx.emu.setFault({ kind: 'malformedJson', endpoint: 'api' });
        const error = await rejection(client().getJson(WHO_AM_I_PATH, 'any'));
        assert.ok(error instanceof UnexpectedResponseError, String(error));
        assert.equal(error.status, 200);
      });

      it('an HTML error page from a proxy → UnexpectedResponseError with text/html', async () => {
        ctx.emu.setFault({ kind: 'htmlError', endpoint: 'token' });
        const error = await rejection(client().refresh('whatever'));
        assert.ok(error instanceof UnexpectedResponseError, String(error));
        assert.equal(error.status, 502);
        assert.match(error.contentType, /^text\/html/);
        assert.match(error.body, /502 Bad Gateway/);
        assert.match(error.message, /an HTML page — often a proxy or gateway error/);
      });

      it('a dropped connection → TransportError RESET', async () => {
        ctx.emu.setFault({ kind: 'drop', endpoint: 'token' });
        const error = await rejection(client().refresh('whatever'));
        assert.ok(error instanceof TransportError, String(error));
        assert.equal(error.code, 'RESET');
      });

      it('a closed port → TransportError ECONNREFUSED', async () => {
        const port = await closedPort();
        const error = await rejection(client({ server: `http://127.0.0.1:${port}` }).refresh('whatever'));
        assert.ok(error instanceof TransportError, String(error));
        assert.equal(error.code, 'ECONNREFUSED');
        assert.match(error.message, new RegExp(`^POST http://127\\.0\\.0\\.1:${port}/restapi/oauth/token failed: `));
      });

      it('an unknown host → TransportError ENOTFOUND', async () => {
        const error = await rejection(client({ server: 'https://nonexistent.invalid' }).refresh('whatever'));
        assert.ok(error instanceof TransportError, String(error));
        assert.equal(error.code, 'ENOTFOUND');
      });
    });

    describe('trace', () => {
      it('records every step without any raw secret', async () => {
        const rc = confidential();
        const recorder = new AttemptRecorder('signIn', Date.now, { server: ctx.emu.url, clientId: CONFIDENTIAL.clientId });
        const { code, verifier } = await codeFor(CONFIDENTIAL.clientId);
        const first = await rc.exchangeCode({ code, redirectUri: LOOPBACK_REDIRECT, codeVerifier: verifier }, recorder);
        const second = await rc.refresh(first.refresh_token as string, recorder);
        await rc.getJson(WHO_AM_I_PATH, second.access_token, recorder);
        const jwt = ctx.emu.createJwtCredential();
        const third = await rc.jwtBearer(jwt, recorder);
        await rc.revoke(third.refresh_token as string, recorder);
        await rc.refresh(first.refresh_token as string, recorder).catch(() => undefined); // a failed step too

        const steps = recorder.attempt.steps;
        assert.deepEqual(
          steps.map((step) => [step.title, step.ok, step.response?.status]),
          [
            ['Exchange authorization code for tokens', true, 200],
            ['Refresh access token', true, 200],
            [`GET ${WHO_AM_I_PATH}`, true, 200],
            ['Exchange JWT credential for tokens', true, 200],
            ['Revoke session', true, 200],
            ['Refresh access token', false, 400],
          ],
        );
        // Masked, not dropped: the readable parts are there.
        const exchangeBody = new URLSearchParams(steps[0].request?.body);
        assert.equal(exchangeBody.get('grant_type'), 'authorization_code');
        assert.equal(exchangeBody.get('redirect_uri'), LOOPBACK_REDIRECT);
        assert.equal(exchangeBody.get('code'), `${code.slice(0, 4)}…${code.slice(-3)}`);
        assert.match(steps[0].request?.headers.Authorization ?? '', /^Basic \S+…\S+$/);
        assert.match(steps[2].request?.headers.Authorization ?? '', /^Bearer \S+…\S+$/);
        assert.equal((JSON.parse(steps[0].response?.body ?? '{}') as { owner_id: string }).owner_id, DEMO_USER.id);

        const text = JSON.stringify(recorder.attempt);
        const basic = Buffer.from(`${CONFIDENTIAL.clientId}:${CONFIDENTIAL.clientSecret}`).toString('base64');
        const secrets: Record<string, string> = {
          code,
          verifier,
          clientSecret: CONFIDENTIAL.clientSecret as string,
          basic,
          jwt,
          access1: first.access_token,
          refresh1: first.refresh_token as string,
          access2: second.access_token,
          refresh2: second.refresh_token as string,
          access3: third.access_token,
          refresh3: third.refresh_token as string,
        };
        for (const [name, secret] of Object.entries(secrets)) {
          assert.ok(secret.length >= 16, name);
          assert.ok(!text.includes(secret), `${name} appears in the trace`);
          assert.ok(!text.includes(encodeURIComponent(secret)), `${name} appears URL-encoded in the trace`);
        }
      });

      it('a transport failure is recorded as a failed step', async () => {
        ctx.emu.setFault({ kind: 'drop', endpoint: 'token' });
        const recorder = new AttemptRecorder('refresh', Date.now, {});
        await client().refresh('refresh-token-value-that-is-long', recorder).catch(() => undefined);
        const [step] = recorder.attempt.steps;
        assert.equal(step.ok, false);
        assert.equal(step.failure?.kind, 'transport');
        assert.equal((step.failure as { code: string }).code, 'RESET');
        assert.ok(!JSON.stringify(recorder.attempt).includes('refresh-token-value-that-is-long'));
      });
    });
  });
}
