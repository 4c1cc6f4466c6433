// RingCentralClient over real HTTP against the local emulator, with both fetch implementations the
// extension can use: node-fetch (what VS Code ships with proxy support) and Node's global fetch.
// This file: REST calls and rate limits, faults (timeouts, resets, bodies that are not JSON), and the trace.
import * as assert from 'node:assert/strict';
import { TOKEN_PATH, WHO_AM_I_PATH } from '../../src/core/ringcentral/ringcentralClient';
import { AttemptRecorder } from '../../src/core/trace/trace';
import { DEMO_USER } from '../../emulator/server';
import { LOOPBACK_REDIRECT } from '../../emulator/test/emulatorTestUtils';
import {
  ADAPTERS,
  apiError,
  closedPort,
  CONFIDENTIAL,
  NO_READ_ACCOUNTS,
  rejection,
  tokenRequests,
  useClientAgainstEmulator,
} from './ringcentralClientKit';
import { RingCentralApiError, TransportError, UnexpectedResponseError } from '../../src/core/errors';

for (const [adapterName, adapter] of ADAPTERS) {
  describe(`RingCentralClient against the emulator (${adapterName})`, () => {
    const { ctx, client, confidential, codeFor } = useClientAgainstEmulator(adapter);

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
        assert.match(
          error.message,
          /^CMN-401 In order to call this API endpoint, application needs to have \[ReadAccounts\] permission$/,
        );
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
        assert.equal(error.info.retryAfterSeconds, 1, "the gateway page's Retry-After is kept for the diagnosis");
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
        assert.deepEqual(
          tokenRequests(ctx.emu).map((request) => request.status),
          [503, 200],
        );
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
        const recorder = new AttemptRecorder('signIn', Date.now, {
          server: ctx.emu.url,
          clientId: CONFIDENTIAL.clientId,
        });
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
        await client()
          .refresh('refresh-token-value-that-is-long', recorder)
          .catch(() => undefined);
        const [step] = recorder.attempt.steps;
        assert.equal(step.ok, false);
        assert.equal(step.failure?.kind, 'transport');
        assert.equal((step.failure as { code: string }).code, 'RESET');
        assert.ok(!JSON.stringify(recorder.attempt).includes('refresh-token-value-that-is-long'));
      });
    });
  });
}
