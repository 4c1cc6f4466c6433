// runAuthorizationCodeFlow end to end against the emulator. The browser is played by a small driver that
// does what a browser does with the authorize URL: GET it, follow RingCentral's redirects by hand, and land
// on the redirect URI, whose address is handed to PendingAuthorizations exactly as the loopback server or
// the URI handler would (parseCallback → deliver).
import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { AuthorizationCodeFlowPorts, runAuthorizationCodeFlow } from '../../src/core/oauth/authorizationCodeFlow';
import { parseCallback } from '../../src/core/oauth/callback';
import type { FetchLike } from '../../src/core/ringcentral/http';
import { DeliveryResult, PendingAuthorizations } from '../../src/core/oauth/pendingAuthorizations';
import {
  AUTHORIZE_PATH,
  RingCentralClient,
  TOKEN_PATH,
  WHO_AM_I_PATH,
} from '../../src/core/ringcentral/ringcentralClient';
import { AttemptRecorder } from '../../src/core/trace/trace';
import { nodeFetchAdapter } from '../../src/vscode/ringcentral/httpFetch';
import { AppRegistration, DEMO_USER, Emulator, RecordedRequest } from '../../emulator/server';
import { answerConsent, browserGet, locationOf } from './diagnosisTestKit';
import { useEmulator } from '../../emulator/test/emulatorTestUtils';
import { scriptedServerTrust } from '../fakes/serverTrust';
import { AuthorizationCallbackError, RingCentralApiError } from '../../src/core/errors';

const WEB_REDIRECT =
  'http://127.0.0.1:8080/stable-abc/callback?vscode-reqid=1&vscode-scheme=code-oss&vscode-authority=rcdevtools.ringcentral-oauth&vscode-path=%2Fcallback';

const WEB_APP: AppRegistration = {
  clientId: 'web-app',
  name: 'Web host app',
  redirectUris: [WEB_REDIRECT, 'vscode://rcdevtools.ringcentral-oauth/callback'],
  permissions: ['ReadAccounts'],
  issueRefreshTokens: true,
  grantTypes: ['authorization_code', 'refresh_token'],
};

const NO_REDIRECT_APP: AppRegistration = {
  clientId: 'jwt-only-app',
  redirectUris: [],
  permissions: ['ReadAccounts'],
  issueRefreshTokens: false,
  grantTypes: ['authorization_code'],
};

const T0 = Date.UTC(2025, 0, 15, 12, 0, 0);

type Phase = Parameters<NonNullable<AuthorizationCodeFlowPorts['onPhase']>>[0];

interface BrowserLog {
  opened: string[];
  landedOn: string[];
  deliveries: DeliveryResult[];
}

function requestsTo(emu: Emulator, path: string): RecordedRequest[] {
  return emu.requests.filter((request) => request.path === path);
}

describe('runAuthorizationCodeFlow against the emulator', () => {
  const ctx = useEmulator({ rateLimit: false, autoApprove: true, apps: [WEB_APP, NO_REDIRECT_APP] });

  function setup(
    options: {
      clientId?: string;
      fetch?: FetchLike;
      redirectUri?: string;
      preflight?: boolean;
      recorder?: AttemptRecorder;
    } = {},
  ) {
    const client = new RingCentralClient({
      fetch: options.fetch ?? nodeFetchAdapter,
      server: ctx.emu.url,
      clientId: options.clientId ?? WEB_APP.clientId,
      timeoutMs: 3000,
      retries: 0,
    });
    const pending = new PendingAuthorizations();
    const log: BrowserLog = { opened: [], landedOn: [], deliveries: [] };
    const phases: Phase[] = [];
    /** Where the browser lands is up to each test (approve, deny, tamper). */
    let land: (authorizeUrl: string) => Promise<string> = async (authorizeUrl) =>
      locationOf(await browserGet(authorizeUrl));
    const ports: AuthorizationCodeFlowPorts = {
      client,
      serverTrust: scriptedServerTrust().trust, // the emulator is on loopback: never asks
      redirectUri: options.redirectUri ?? WEB_REDIRECT,
      clock: () => T0,
      recorder: options.recorder,
      preflight: options.preflight ?? false,
      onPhase: (phase) => phases.push(phase),
      waitForCallback: (state, signal) => pending.wait(state, signal),
      openBrowser: async (authorizeUrl) => {
        log.opened.push(authorizeUrl);
        const landed = await land(authorizeUrl);
        log.landedOn.push(landed);
        log.deliveries.push(pending.deliver(parseCallback(landed)));
      },
    };
    return {
      client,
      pending,
      log,
      phases,
      ports,
      setLanding: (fn: typeof land) => {
        land = fn;
      },
    };
  }

  it('signs in: tokens for the user, the same redirect_uri string in authorize and token requests', async () => {
    const { client, pending, log, phases, ports } = setup();
    const result = await runAuthorizationCodeFlow(ports, new AbortController().signal);

    assert.deepEqual(phases, ['authorize', 'callback', 'token']);
    assert.deepEqual(log.deliveries, ['accepted']);
    assert.equal(pending.size, 0);
    assert.deepEqual(log.opened, [result.authorizeUrl]);

    // Tokens, with expiry computed from the injected clock.
    assert.ok(result.tokens.accessToken.length > 20);
    assert.equal(result.tokens.issuedAt, T0);
    assert.equal(result.tokens.accessExpiresAt, T0 + 3600 * 1000);
    assert.equal(result.tokens.refreshExpiresAt, T0 + 604800 * 1000);
    assert.equal(typeof result.tokens.refreshToken, 'string');
    assert.equal(result.tokens.ownerId, DEMO_USER.id);
    assert.equal(result.tokens.scope, 'ReadAccounts');
    const me = await client.getJson<{ name: string }>(WHO_AM_I_PATH, result.tokens.accessToken);
    assert.equal(me.name, DEMO_USER.name);

    // The browser landed on the registered redirect URI (own query kept), with code and state appended.
    const landed = log.landedOn[0];
    assert.ok(landed.startsWith(`${WEB_REDIRECT}&code=`), landed);

    // The authorize request as the emulator received it.
    const [authorize] = requestsTo(ctx.emu, AUTHORIZE_PATH);
    assert.equal(authorize.query.response_type, 'code');
    assert.equal(authorize.query.client_id, WEB_APP.clientId);
    assert.equal(authorize.query.redirect_uri, WEB_REDIRECT);
    assert.equal(authorize.query.code_challenge_method, 'S256');
    assert.match(String(authorize.query.code_challenge), /^[A-Za-z0-9_-]{43}$/);
    assert.match(String(authorize.query.state), /^[A-Za-z0-9_-]{32}$/);
    assert.equal(authorize.query.scope, undefined);
    assert.equal(new URL(landed).searchParams.get('state'), authorize.query.state);

    // The token request: same redirect_uri string, PKCE verifier, public-client auth.
    const [token] = requestsTo(ctx.emu, TOKEN_PATH);
    assert.equal(token.status, 200);
    assert.equal(token.form?.grant_type, 'authorization_code');
    assert.equal(token.form?.redirect_uri, WEB_REDIRECT);
    assert.equal(token.form?.redirect_uri, authorize.query.redirect_uri);
    assert.equal(token.form?.client_id, WEB_APP.clientId);
    assert.match(String(token.form?.code_verifier), /^\*\*\*/);
    assert.equal(token.headers.authorization, undefined);
  });

  it('sends a verifier whose S256 is the challenge of the authorize request (works with Node global fetch)', async () => {
    const verifiers: string[] = [];
    // Node's global fetch, watched on the way out (the request itself is real).
    const watched: FetchLike = (url, init) => {
      if (init.body) verifiers.push(new URLSearchParams(init.body).get('code_verifier') ?? '');
      return fetch(url, init);
    };
    const { ports } = setup({ fetch: watched });
    const result = await runAuthorizationCodeFlow(ports, new AbortController().signal);
    assert.equal(verifiers.length, 1);
    const challenge = new URL(result.authorizeUrl).searchParams.get('code_challenge');
    assert.equal(createHash('sha256').update(verifiers[0]).digest('base64url'), challenge);
    assert.equal(result.tokens.ownerId, DEMO_USER.id);
  });

  it('with preflight: asks authorize first (302 accepted), then signs in', async () => {
    const { phases, ports } = setup({ preflight: true });
    const result = await runAuthorizationCodeFlow(ports, new AbortController().signal);
    assert.deepEqual(phases, ['preflight', 'authorize', 'callback', 'token']);
    const authorizes = requestsTo(ctx.emu, AUTHORIZE_PATH);
    assert.equal(authorizes.length, 2);
    assert.deepEqual(
      authorizes.map((request) => request.status),
      [302, 302],
    );
    assert.match(authorizes[0].headers.accept ?? '', /application\/json/);
    assert.ok(result.tokens.accessToken);
  });

  it('with preflight: an app without redirect URIs fails with OAU-113 before the browser opens', async () => {
    const { log, phases, pending, ports } = setup({ clientId: NO_REDIRECT_APP.clientId, preflight: true });
    const error = await runAuthorizationCodeFlow(ports, new AbortController().signal).then(
      () => assert.fail('should fail'),
      (e: unknown) => e,
    );
    assert.ok(error instanceof RingCentralApiError, String(error));
    assert.equal(error.info.code, 'OAU-113');
    assert.equal(error.info.error, 'invalid_client');
    assert.deepEqual(log.opened, [], 'openBrowser must not be called');
    assert.deepEqual(phases, ['preflight']);
    assert.equal(pending.size, 0);
    assert.equal(requestsTo(ctx.emu, TOKEN_PATH).length, 0);
  });

  it('without preflight the same app sends the user to the error page instead (nothing is delivered)', async () => {
    const { log, ports, setLanding } = setup({ clientId: NO_REDIRECT_APP.clientId });
    let errorPage = '';
    setLanding(async (authorizeUrl) => {
      const response = await browserGet(authorizeUrl);
      assert.equal(response.status, 400);
      errorPage = await response.text();
      return authorizeUrl; // what the address bar shows, pasted by a confused user
    });
    await assert.rejects(runAuthorizationCodeFlow(ports, AbortSignal.timeout(200)), { name: 'TimeoutError' });
    assert.match(errorPage, /OAU-113/);
    assert.deepEqual(log.deliveries, ['invalid']);
  });

  it('approve on the consent page (auto-approve off): GET the page, POST its form', async () => {
    ctx.emu.setAutoApprove(false);
    const { ports, setLanding } = setup();
    setLanding((authorizeUrl) => answerConsent(ctx.emu, authorizeUrl, 'approve'));
    const result = await runAuthorizationCodeFlow(ports, new AbortController().signal);
    assert.equal(result.tokens.ownerId, DEMO_USER.id);
  });

  it('deny on the consent page → AuthorizationCallbackError access_denied, no token request', async () => {
    ctx.emu.setAutoApprove(false);
    const { log, phases, ports, setLanding } = setup();
    setLanding((authorizeUrl) => answerConsent(ctx.emu, authorizeUrl, 'deny'));
    const error = await runAuthorizationCodeFlow(ports, new AbortController().signal).then(
      () => assert.fail('should fail'),
      (e: unknown) => e,
    );
    assert.ok(error instanceof AuthorizationCallbackError, String(error));
    assert.equal(error.error, 'access_denied');
    assert.equal(error.description, 'The user has denied access');
    assert.equal(error.kind, 'callback');
    assert.deepEqual(log.deliveries, ['accepted']);
    assert.ok(log.landedOn[0].startsWith(`${WEB_REDIRECT}&error=access_denied`), log.landedOn[0]);
    assert.deepEqual(phases, ['authorize', 'callback']);
    assert.equal(requestsTo(ctx.emu, TOKEN_PATH).length, 0);
  });

  it('a callback with a wrong state is not accepted; the flow ends when its signal aborts', async () => {
    const { log, pending, ports, setLanding } = setup();
    setLanding(async (authorizeUrl) => {
      const url = new URL(locationOf(await browserGet(authorizeUrl)));
      url.searchParams.set('state', 'forged-state');
      return url.toString();
    });
    const started = Date.now();
    const error = await runAuthorizationCodeFlow(ports, AbortSignal.timeout(300)).then(
      () => assert.fail('should not sign in'),
      (e: unknown) => e,
    );
    assert.equal((error as Error).name, 'TimeoutError');
    assert.ok(Date.now() - started >= 250);
    assert.deepEqual(log.deliveries, ['unknown-state']);
    assert.equal(pending.size, 0, 'the aborted attempt is forgotten');
    assert.equal(requestsTo(ctx.emu, TOKEN_PATH).length, 0);
  });

  it('a cancelled sign-in rejects with the cancel reason', async () => {
    const { ports, setLanding } = setup();
    const controller = new AbortController();
    setLanding(async () => {
      controller.abort(new Error('Sign-in cancelled'));
      return 'http://127.0.0.1:8080/nothing';
    });
    await assert.rejects(runAuthorizationCodeFlow(ports, controller.signal), /Sign-in cancelled/);
  });

  it('when openBrowser throws, the flow fails with its error and a later abort is not an unhandled rejection', async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    try {
      const { ports, pending } = setup();
      ports.openBrowser = async () => {
        throw new Error('no browser available');
      };
      const controller = new AbortController();
      await assert.rejects(runAuthorizationCodeFlow(ports, controller.signal), /no browser available/);
      controller.abort(new Error('cleanup'));
      await new Promise((resolve) => setTimeout(resolve, 20));
      assert.equal(pending.size, 0);
      assert.deepEqual(unhandled, []);
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });

  it('the trace of a sign-in holds no code, verifier or token', async () => {
    const verifiers: string[] = [];
    const watched: FetchLike = (url, init) => {
      if (init.body) verifiers.push(new URLSearchParams(init.body).get('code_verifier') ?? '');
      return nodeFetchAdapter(url, init);
    };
    const recorder = new AttemptRecorder('signIn', () => T0, { server: ctx.emu.url, clientId: WEB_APP.clientId });
    const { log, ports } = setup({ fetch: watched, recorder, preflight: true });
    const result = await runAuthorizationCodeFlow(ports, new AbortController().signal);
    const code = new URL(log.landedOn[0]).searchParams.get('code') ?? '';
    assert.ok(code.length >= 16);
    assert.deepEqual(
      recorder.attempt.steps.map((step) => step.title),
      [
        'Authorize URL (a browser GET: the parameters travel in the query string)',
        'Pre-flight: authorize request without a browser',
        'Callback: authorization code received',
        'Exchange authorization code for tokens',
      ],
    );
    assert.equal(recorder.attempt.steps[0].params?.redirect_uri, WEB_REDIRECT);
    assert.equal(recorder.attempt.steps[2].params?.state, new URL(log.landedOn[0]).searchParams.get('state'));
    assert.equal(recorder.attempt.steps[2].params?.code, `${code.slice(0, 4)}…${code.slice(-3)}`);
    const text = JSON.stringify(recorder.attempt);
    const secrets = {
      code,
      verifier: verifiers[0],
      access: result.tokens.accessToken,
      refresh: result.tokens.refreshToken ?? '',
    };
    for (const [name, secret] of Object.entries(secrets)) {
      assert.ok(secret.length >= 16, name);
      assert.ok(!text.includes(secret), `${name} appears in the trace`);
    }
  });

  /** The consent page as a browser would use it: follow to the login page, read its form, submit it. */
});
