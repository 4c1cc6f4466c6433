// Real failures, real diagnoses: each test makes the emulator fail a sign-in, a refresh or an API call over
// real HTTP on 127.0.0.1, turns the thrown error into a Failure with failureFromError, and checks what
// diagnose() tells the user (stable id, RingCentral code, the server's own words, the fixes that matter).
// Where a fix can be applied to the emulator, the test applies it and shows the failure is gone.
import * as assert from 'node:assert/strict';
import { runAuthorizationCodeFlow } from '../../src/core/oauth/authorizationCodeFlow';
import { diagnose } from '../../src/core/diagnosis/diagnose';
import { knownIds } from '../../src/core/diagnosis/knowledgeBase';
import { parseFailureText } from '../../src/core/diagnosis/parseFailureText';
import { preflightRedirect } from '../../src/core/oauth/preflight';
import { checkRedirectUri } from '../../src/core/redirect/checkRedirectUri';
import { loopbackRedirectUri, uriHandlerCallbackUri } from '../../src/core/redirect/redirectUri';
import { AUTHORIZE_PATH, TOKEN_PATH, WHO_AM_I_PATH } from '../../src/core/ringcentral/ringcentralClient';
import { SessionManager } from '../../src/core/session/sessionManager';
import { AppRegistration, DEMO_USER } from '../../emulator/server';
import {
  actionKinds,
  actionOf,
  answerConsent,
  diagnosisContext,
  explain,
  flowHarness,
  realClient,
  rejection,
  tokenForms,
} from './diagnosisTestKit';
import { defaultAuthorizeParams, getCode, useEmulator } from '../../emulator/test/emulatorTestUtils';
import { MemoryPersistence } from '../fakes/memoryPersistence';
import { AuthorizationCallbackError, RingCentralApiError, SessionEndedError, TransportError, UnexpectedResponseError } from '../../src/core/errors';

const VSCODE_REDIRECT = uriHandlerCallbackUri('vscode');
const LOOPBACK_PORT = 53134;
const LOOPBACK_REDIRECT = loopbackRedirectUri(LOOPBACK_PORT);
const WRONG_PORT_REDIRECT = 'http://127.0.0.1:5000/callback';

/** Created as a "no UI" app: no OAuth redirect URI. */
const NO_REDIRECT_APP: AppRegistration = {
  clientId: 'no-redirect-app',
  name: 'No redirect yet',
  redirectUris: [],
  permissions: ['ReadAccounts'],
  issueRefreshTokens: true,
  grantTypes: ['authorization_code', 'refresh_token'],
};

/** Registered for the loopback redirect, but on port 5000. */
const WRONG_PORT_APP: AppRegistration = {
  clientId: 'loopback-5000-app',
  redirectUris: [WRONG_PORT_REDIRECT],
  permissions: ['ReadAccounts'],
  issueRefreshTokens: true,
  grantTypes: ['authorization_code', 'refresh_token'],
};

const CONFIDENTIAL_SECRET = 'conf-secret-value-0123456789';
const CONFIDENTIAL_APP: AppRegistration = {
  clientId: 'confidential-app',
  clientSecret: CONFIDENTIAL_SECRET,
  redirectUris: [VSCODE_REDIRECT, LOOPBACK_REDIRECT],
  permissions: ['ReadAccounts'],
  issueRefreshTokens: true,
  grantTypes: ['authorization_code', 'refresh_token'],
};

/** A public (PKCE-only) app, set up correctly. */
const PUBLIC_APP: AppRegistration = {
  clientId: 'public-app',
  redirectUris: [VSCODE_REDIRECT, LOOPBACK_REDIRECT],
  permissions: ['ReadAccounts', 'ReadContacts'],
  issueRefreshTokens: true,
  grantTypes: ['authorization_code', 'refresh_token'],
};

const NO_READ_ACCOUNTS_APP: AppRegistration = {
  clientId: 'no-read-accounts-app',
  redirectUris: [VSCODE_REDIRECT],
  permissions: ['ReadContacts'],
  issueRefreshTokens: true,
  grantTypes: ['authorization_code', 'refresh_token'],
};

describe('diagnosis of real failures against the emulator', () => {
  // A fresh emulator for every test (closed after it), rate limiting off unless a test turns it on.
  const ctx = useEmulator({
    rateLimit: false,
    autoApprove: true,
    apps: [NO_REDIRECT_APP, WRONG_PORT_APP, CONFIDENTIAL_APP, PUBLIC_APP, NO_READ_ACCOUNTS_APP],
  });

  function authorizeRequests() {
    return ctx.emu.requests.filter((request) => request.path === AUTHORIZE_PATH);
  }

  before(() => {
    // Every id asserted below must exist in the knowledge base (a renamed id should fail loudly here).
    const ids = knownIds();
    for (const id of [
      'redirect-uri-not-registered',
      'redirect-uri-mismatch',
      'client-secret-wrong',
      'client-authentication-required',
      'authorization-code-invalid',
      'authorization-code-expired',
      'rate-limited',
      'app-permission-missing',
      'refresh-token-not-found',
      'emulator-not-running',
      'request-timeout',
      'proxy-error-page',
      'malformed-json',
      'access-denied',
    ]) {
      assert.ok(ids.includes(id), `knowledge base has no entry ${id}`);
    }
  });

  describe('redirect URIs', () => {
    it('no redirect URI registered: preflight → OAU-113 redirect-uri-not-registered; registering the URI fixes the sign-in', async () => {
      const emu = ctx.emu;
      const { client } = realClient(emu, { clientId: NO_REDIRECT_APP.clientId });

      const outcome = await preflightRedirect(client, VSCODE_REDIRECT);
      assert.equal(outcome.ok, false);
      assert.ok(!outcome.ok && outcome.error instanceof RingCentralApiError, String(!outcome.ok && outcome.error));
      const [sent] = authorizeRequests();
      assert.equal(sent.query.redirect_uri, VSCODE_REDIRECT, 'the exact redirect URI sent');

      const context = diagnosisContext(emu, {
        phase: 'preflight',
        clientId: NO_REDIRECT_APP.clientId,
        redirectMode: 'uriHandler',
        redirectUri: String(sent.query.redirect_uri),
        hasClientSecret: false,
      });
      const { failure, diagnosis } = explain(outcome.error, context);
      assert.equal(failure.kind, 'api');
      assert.equal(diagnosis.id, 'redirect-uri-not-registered');
      assert.equal(diagnosis.code, 'OAU-113');
      assert.equal(diagnosis.serverMessage, 'No redirect uri is registered for the client');
      assert.equal(actionOf(diagnosis, 'copyRedirectUri').uri, sent.query.redirect_uri);
      assert.equal(actionOf(diagnosis, 'openDeveloperConsole').url, `${emu.url}/__console`);
      assert.equal(diagnosis.fixes[0].action?.kind, 'copyRedirectUri', 'copying the URI to register comes first');

      // The fix: add the URI in the (emulated) Developer Console.
      emu.updateApp(NO_REDIRECT_APP.clientId, { redirectUris: [VSCODE_REDIRECT] });
      const again = await preflightRedirect(client, VSCODE_REDIRECT);
      assert.equal(again.ok, true, JSON.stringify(again));

      const flow = flowHarness({ client, redirectUri: VSCODE_REDIRECT, preflight: true });
      const result = await runAuthorizationCodeFlow(flow.ports, new AbortController().signal);
      assert.deepEqual(flow.phases, ['preflight', 'authorize', 'callback', 'token']);
      assert.deepEqual(flow.deliveries, ['accepted']);
      assert.ok(flow.landedOn[0].startsWith(`${VSCODE_REDIRECT}?code=`), flow.landedOn[0]);
      assert.equal(result.tokens.ownerId, DEMO_USER.id);
      assert.equal(result.tokens.scope, 'ReadAccounts');
    });

    it('loopback registered on another port: preflight → OAU-109 redirect-uri-mismatch; checkRedirectUri names the port', async () => {
      const emu = ctx.emu;
      const { client } = realClient(emu, { clientId: WRONG_PORT_APP.clientId });

      const outcome = await preflightRedirect(client, LOOPBACK_REDIRECT);
      assert.ok(!outcome.ok, 'preflight must fail');
      const [sent] = authorizeRequests();
      assert.equal(sent.query.redirect_uri, LOOPBACK_REDIRECT);

      const context = diagnosisContext(emu, {
        phase: 'preflight',
        clientId: WRONG_PORT_APP.clientId,
        redirectMode: 'loopback',
        redirectUri: LOOPBACK_REDIRECT,
        hasClientSecret: false,
      });
      const { diagnosis } = explain(outcome.error, context);
      assert.equal(diagnosis.id, 'redirect-uri-mismatch');
      assert.equal(diagnosis.code, 'OAU-109');
      assert.equal(diagnosis.serverMessage, 'Redirect URIs do not match');
      assert.equal(actionOf(diagnosis, 'copyRedirectUri').uri, LOOPBACK_REDIRECT);
      actionOf(diagnosis, 'checkRedirectUri');
      assert.equal(actionOf(diagnosis, 'openDeveloperConsole').url, `${emu.url}/__console`);
      assert.ok(
        diagnosis.causes.some((cause) => /port/.test(cause) && /loopbackPort/.test(cause)),
        'loopback mode: a cause about the port',
      );

      // The checker, fed the URIs the (emulated) console has registered.
      const registered = emu.getApp(WRONG_PORT_APP.clientId)?.redirectUris ?? [];
      assert.deepEqual(registered, [WRONG_PORT_REDIRECT]);
      const check = checkRedirectUri({ sent: LOOPBACK_REDIRECT, mode: 'loopback', registered, loopbackPort: LOOPBACK_PORT });
      assert.equal(check.matched, false);
      assert.equal(check.closest, 0);
      assert.equal(check.comparisons[0].registered, WRONG_PORT_REDIRECT);
      assert.equal(check.comparisons[0].kind, 'port');
      assert.ok(check.comparisons[0].differences.some((d) => d.kind === 'port'));
      assert.ok(check.fix.kind === 'register' || check.fix.kind === 'switchMode', `unexpected fix ${check.fix.kind}`);
      assert.match(check.fix.explanation, /53134|5000/);

      // Registering the sent URI (the fix the diagnosis ranks first) makes the preflight pass.
      emu.updateApp(WRONG_PORT_APP.clientId, { redirectUris: [WRONG_PORT_REDIRECT, LOOPBACK_REDIRECT] });
      assert.equal((await preflightRedirect(client, LOOPBACK_REDIRECT)).ok, true);
    });
  });

  describe('client authentication', () => {
    it('wrong client secret on a confidential app: exchanging a real code → OAU-146 client-secret-wrong', async () => {
      const emu = ctx.emu;
      const { client, sent } = realClient(emu, { clientId: CONFIDENTIAL_APP.clientId, clientSecret: 'not-the-secret-0000' });
      const flow = flowHarness({ client, redirectUri: VSCODE_REDIRECT });
      const error = await rejection(runAuthorizationCodeFlow(flow.ports, new AbortController().signal));
      assert.equal(flow.lastPhase(), 'token', 'the code was issued; the exchange failed');
      assert.ok(error instanceof RingCentralApiError, String(error));
      assert.equal(error.info.status, 401);
      const [exchange] = sent.filter((s) => new URL(s.url).pathname === TOKEN_PATH);
      assert.match(exchange.init.headers.Authorization ?? '', /^Basic /, 'the wrong secret travelled in the Basic header');

      const { diagnosis } = explain(
        error,
        diagnosisContext(emu, {
          phase: flow.lastPhase(),
          clientId: CONFIDENTIAL_APP.clientId,
          redirectMode: 'uriHandler',
          redirectUri: VSCODE_REDIRECT,
          hasClientSecret: true,
        }),
      );
      assert.equal(diagnosis.id, 'client-secret-wrong');
      assert.equal(diagnosis.code, 'OAU-146');
      assert.equal(diagnosis.serverMessage, 'Invalid client credentials');
      actionOf(diagnosis, 'setClientSecret');
      assert.equal(diagnosis.fixes[0].action?.kind, 'setClientSecret');
      assert.equal(actionOf(diagnosis, 'openDeveloperConsole').url, `${emu.url}/__console`);

      // With the right secret the same sign-in works.
      const right = realClient(emu, { clientId: CONFIDENTIAL_APP.clientId, clientSecret: CONFIDENTIAL_SECRET });
      const ok = await runAuthorizationCodeFlow(flowHarness({ client: right.client, redirectUri: VSCODE_REDIRECT }).ports, new AbortController().signal);
      assert.equal(ok.tokens.ownerId, DEMO_USER.id);
    });

    it('confidential app, no secret and no PKCE → OAU-123 client-authentication-required, "set the secret" first', async () => {
      const emu = ctx.emu;
      // Your own code's authorize request without code_challenge: the code is not bound to a verifier.
      const code = await getCode(emu, defaultAuthorizeParams(undefined, { client_id: CONFIDENTIAL_APP.clientId, redirect_uri: VSCODE_REDIRECT }));
      const { client, sent } = realClient(emu, { clientId: CONFIDENTIAL_APP.clientId });
      const error = await rejection(client.exchangeCode({ code, redirectUri: VSCODE_REDIRECT, codeVerifier: '' }));
      assert.ok(error instanceof RingCentralApiError, String(error));
      assert.equal(error.info.status, 401);
      const [form] = tokenForms(sent);
      assert.equal(form.get('client_id'), CONFIDENTIAL_APP.clientId, 'public-client style: client_id in the body');
      assert.equal(sent[0].init.headers.Authorization, undefined, 'no Basic header');

      const { diagnosis } = explain(
        error,
        diagnosisContext(emu, {
          phase: 'token',
          clientId: CONFIDENTIAL_APP.clientId,
          redirectMode: 'uriHandler',
          redirectUri: VSCODE_REDIRECT,
          hasClientSecret: false,
        }),
      );
      assert.equal(diagnosis.id, 'client-authentication-required');
      assert.equal(diagnosis.code, 'OAU-123');
      assert.equal(diagnosis.serverMessage, 'Invalid Authorization header value');
      assert.equal(diagnosis.fixes[0].action?.kind, 'setClientSecret', `fixes: ${JSON.stringify(actionKinds(diagnosis))}`);
      assert.match(diagnosis.causes[0], /confidential/i, 'without a secret, the first cause is the missing secret');
    });
  });

  describe('authorization codes', () => {
    it('a reused authorization code → OAU-106 authorization-code-invalid', async () => {
      const emu = ctx.emu;
      const { client, sent } = realClient(emu, { clientId: PUBLIC_APP.clientId });
      const flow = flowHarness({ client, redirectUri: VSCODE_REDIRECT });
      await runAuthorizationCodeFlow(flow.ports, new AbortController().signal);

      // The very same exchange again (a retry, a second handler for the same callback).
      const [first] = tokenForms(sent);
      const code = first.get('code') ?? '';
      const codeVerifier = first.get('code_verifier') ?? '';
      assert.equal(code, new URL(flow.landedOn[0]).searchParams.get('code'));
      const error = await rejection(client.exchangeCode({ code, redirectUri: VSCODE_REDIRECT, codeVerifier }));
      assert.ok(error instanceof RingCentralApiError, String(error));

      const { diagnosis } = explain(
        error,
        diagnosisContext(emu, { phase: 'token', clientId: PUBLIC_APP.clientId, redirectMode: 'uriHandler', redirectUri: VSCODE_REDIRECT, hasClientSecret: false }),
      );
      assert.equal(diagnosis.id, 'authorization-code-invalid');
      assert.equal(diagnosis.code, 'OAU-106');
      assert.equal(diagnosis.serverMessage, 'Invalid authorization code');
      assert.equal(diagnosis.fixes[0].action?.kind, 'signIn');
      assert.match(diagnosis.causes[0], /already exchanged/);
    });

    it('a code exchanged 61 s after it was issued → OAU-108 authorization-code-expired', async () => {
      const emu = ctx.emu;
      const { client } = realClient(emu, { clientId: PUBLIC_APP.clientId });
      const flow = flowHarness({
        client,
        redirectUri: VSCODE_REDIRECT,
        beforeDeliver: (landed) => {
          assert.equal(new URL(landed).searchParams.get('expires_in'), '60');
          emu.advanceClock(61);
        },
      });
      const error = await rejection(runAuthorizationCodeFlow(flow.ports, new AbortController().signal));
      assert.equal(flow.lastPhase(), 'token');
      assert.ok(error instanceof RingCentralApiError, String(error));

      const { diagnosis } = explain(
        error,
        diagnosisContext(emu, {
          phase: flow.lastPhase(),
          clientId: PUBLIC_APP.clientId,
          redirectMode: 'uriHandler',
          redirectUri: VSCODE_REDIRECT,
          hasClientSecret: false,
          codeAgeSeconds: 61,
        }),
      );
      assert.equal(diagnosis.id, 'authorization-code-expired');
      assert.equal(diagnosis.code, 'OAU-108');
      assert.equal(diagnosis.serverMessage, 'Authorization code is expired');
      assert.match(diagnosis.summary, /61 s/);
      assert.equal(diagnosis.fixes[0].action?.kind, 'signIn');
    });
  });

  describe('rate limits', () => {
    it('429 CMN-301 → rate-limited, wait 60 s; a request during the penalty restarts it', async () => {
      const emu = ctx.emu;
      const { client } = realClient(emu, { clientId: PUBLIC_APP.clientId });
      const signedIn = await runAuthorizationCodeFlow(flowHarness({ client, redirectUri: VSCODE_REDIRECT }).ports, new AbortController().signal);

      emu.setRateLimit({ perMinute: 2, penaltySeconds: 60 });
      // A refresh loop hammering the token endpoint.
      let refreshToken = signedIn.tokens.refreshToken ?? '';
      for (let i = 0; i < 2; i++) {
        refreshToken = (await client.refresh(refreshToken)).refresh_token ?? '';
      }
      const error = await rejection(client.refresh(refreshToken));
      assert.ok(error instanceof RingCentralApiError, String(error));
      assert.equal(error.info.status, 429);
      assert.equal(error.info.retryAfterSeconds, 60);

      const context = diagnosisContext(emu, {
        phase: 'refresh',
        grantType: 'refresh_token',
        clientId: PUBLIC_APP.clientId,
        redirectMode: 'uriHandler',
        redirectUri: VSCODE_REDIRECT,
        hasClientSecret: false,
      });
      const { diagnosis } = explain(error, context);
      assert.equal(diagnosis.id, 'rate-limited');
      assert.equal(diagnosis.code, 'CMN-301');
      assert.equal(diagnosis.serverMessage, 'Request rate exceeded');
      assert.equal(diagnosis.retryAfterSeconds, 60);
      assert.equal(actionOf(diagnosis, 'waitAndRetry').seconds, 60);
      assert.equal(diagnosis.fixes[0].action?.kind, 'waitAndRetry');

      // 30 s into the penalty another request is refused with a fresh 60 s...
      emu.advanceClock(30);
      const during = await rejection(client.refresh(refreshToken));
      assert.ok(during instanceof RingCentralApiError, String(during));
      assert.equal(during.info.status, 429);
      assert.equal(during.info.retryAfterSeconds, 60);
      assert.equal(explain(during, context).diagnosis.retryAfterSeconds, 60);
      // ...so 45 s later (75 s after the first 429) it is still refused: the penalty restarted.
      emu.advanceClock(45);
      const still = await rejection(client.refresh(refreshToken));
      assert.ok(still instanceof RingCentralApiError && still.info.status === 429, String(still));
      // Waiting the full 60 s without sending anything, as the fix says, works.
      emu.advanceClock(60);
      const after = await client.refresh(refreshToken);
      assert.ok(after.access_token);
      const statuses = emu.requests.filter((r) => r.path === TOKEN_PATH && r.form?.grant_type === 'refresh_token').map((r) => r.status);
      assert.deepEqual(statuses, [200, 200, 429, 429, 429, 200]);
    });
  });

  describe('permissions', () => {
    it('who-am-I with an app that lacks ReadAccounts → CMN-401 app-permission-missing (ReadAccounts)', async () => {
      const emu = ctx.emu;
      const { client } = realClient(emu, { clientId: NO_READ_ACCOUNTS_APP.clientId });
      const signedIn = await runAuthorizationCodeFlow(flowHarness({ client, redirectUri: VSCODE_REDIRECT }).ports, new AbortController().signal);
      assert.equal(signedIn.tokens.scope, 'ReadContacts');

      const error = await rejection(client.getJson(WHO_AM_I_PATH, signedIn.tokens.accessToken));
      assert.ok(error instanceof RingCentralApiError, String(error));
      assert.equal(error.info.status, 403);
      const { diagnosis } = explain(
        error,
        diagnosisContext(emu, {
          phase: 'api',
          clientId: NO_READ_ACCOUNTS_APP.clientId,
          redirectMode: 'uriHandler',
          redirectUri: VSCODE_REDIRECT,
          hasClientSecret: false,
        }),
      );
      assert.equal(diagnosis.id, 'app-permission-missing');
      assert.equal(diagnosis.code, 'CMN-401');
      assert.equal(diagnosis.serverMessage, 'In order to call this API endpoint, application needs to have [ReadAccounts] permission');
      assert.equal(diagnosis.permission, 'ReadAccounts');
      assert.deepEqual(actionOf(diagnosis, 'checkPermissions'), { kind: 'checkPermissions', permission: 'ReadAccounts' });
      assert.equal(actionOf(diagnosis, 'openDeveloperConsole').url, `${emu.url}/__console`);
      actionOf(diagnosis, 'signIn');

      // The fixes, in order: add the permission (the old token keeps its scope), then sign in again.
      emu.updateApp(NO_READ_ACCOUNTS_APP.clientId, { permissions: ['ReadContacts', 'ReadAccounts'] });
      const stillOld = await rejection(client.getJson(WHO_AM_I_PATH, signedIn.tokens.accessToken));
      assert.ok(stillOld instanceof RingCentralApiError && stillOld.info.code === 'CMN-401', String(stillOld));
      const again = await runAuthorizationCodeFlow(flowHarness({ client, redirectUri: VSCODE_REDIRECT }).ports, new AbortController().signal);
      const me = await client.getJson<{ name: string }>(WHO_AM_I_PATH, again.tokens.accessToken);
      assert.equal(me.name, DEMO_USER.name);
    });
  });

  describe('refresh tokens', () => {
    it('an old refresh token after rotation → OAU-213 refresh-token-not-found; SessionManager ends the session with the same diagnosis', async () => {
      const emu = ctx.emu;
      const { client } = realClient(emu, { clientId: PUBLIC_APP.clientId });
      const signedIn = await runAuthorizationCodeFlow(flowHarness({ client, redirectUri: VSCODE_REDIRECT }).ports, new AbortController().signal);
      const oldRefreshToken = signedIn.tokens.refreshToken ?? '';
      assert.ok(oldRefreshToken);

      const persistence = new MemoryPersistence();
      const manager = new SessionManager({ persistence, clientFor: async () => client, clock: Date.now });
      const session = await manager.add({
        server: emu.url,
        clientId: PUBLIC_APP.clientId,
        account: { id: DEMO_USER.id, label: DEMO_USER.name, profileKnown: true },
        tokens: signedIn.tokens,
        grant: 'authorization_code',
        redirectMode: 'uriHandler',
        createdAt: Date.now(),
      });

      // Another window (or tool) rotates the refresh token once...
      const rotated = await client.refresh(oldRefreshToken);
      assert.notEqual(rotated.refresh_token, oldRefreshToken);
      // ...and the old one is dead.
      const error = await rejection(client.refresh(oldRefreshToken));
      assert.ok(error instanceof RingCentralApiError, String(error));
      const context = diagnosisContext(emu, {
        phase: 'refresh',
        grantType: 'refresh_token',
        clientId: PUBLIC_APP.clientId,
        redirectMode: 'uriHandler',
        redirectUri: VSCODE_REDIRECT,
        hasClientSecret: false,
      });
      const direct = explain(error, context).diagnosis;
      assert.equal(direct.id, 'refresh-token-not-found');
      assert.equal(direct.code, 'OAU-213');
      assert.equal(direct.serverMessage, 'Token not found');
      assert.equal(direct.fixes[0].action?.kind, 'signIn');

      // This window still holds the old token: its refresh ends the session.
      const ended = await rejection(manager.refresh(session.id));
      assert.ok(ended instanceof SessionEndedError, String(ended));
      assert.equal(ended.cause.info.code, 'OAU-213');
      assert.deepEqual(manager.list(), []);
      const viaSession = explain(ended, context).diagnosis;
      assert.deepEqual(viaSession, direct);
    });
  });

  describe('transport and non-JSON answers', () => {
    it('emulator closed → ECONNREFUSED on 127.0.0.1 → emulator-not-running', async () => {
      const emu = ctx.emu;
      const { client } = realClient(emu, { clientId: PUBLIC_APP.clientId });
      await emu.close();
      const flow = flowHarness({ client, redirectUri: VSCODE_REDIRECT, preflight: true });
      const error = await rejection(runAuthorizationCodeFlow(flow.ports, new AbortController().signal));
      assert.equal(flow.lastPhase(), 'preflight');
      assert.ok(error instanceof TransportError, String(error));
      assert.equal(error.code, 'ECONNREFUSED');
      assert.equal(new URL(error.url ?? '').hostname, '127.0.0.1');

      const { failure, diagnosis } = explain(
        error,
        diagnosisContext(emu, { phase: 'preflight', clientId: PUBLIC_APP.clientId, redirectMode: 'uriHandler', redirectUri: VSCODE_REDIRECT, hasClientSecret: false }),
      );
      assert.equal(failure.kind, 'transport');
      assert.equal(diagnosis.id, 'emulator-not-running');
      assert.equal(diagnosis.code, 'ECONNREFUSED');
      assert.ok(diagnosis.serverMessage?.includes(`${emu.url}${AUTHORIZE_PATH}`), diagnosis.serverMessage);
      assert.ok(diagnosis.summary.includes(`127.0.0.1:${emu.port}`), diagnosis.summary);
      assert.deepEqual(actionOf(diagnosis, 'openSettings'), { kind: 'openSettings', setting: 'ringcentral.server' });
    });

    it('token endpoint hangs, 300 ms timeout → request-timeout', async () => {
      const emu = ctx.emu;
      const { client } = realClient(emu, { clientId: PUBLIC_APP.clientId, timeoutMs: 300 });
      emu.setFault({ kind: 'hang', endpoint: 'token' });
      const flow = flowHarness({ client, redirectUri: VSCODE_REDIRECT });
      const started = Date.now();
      const error = await rejection(runAuthorizationCodeFlow(flow.ports, new AbortController().signal));
      assert.ok(Date.now() - started >= 280, 'waited for the timeout');
      assert.equal(flow.lastPhase(), 'token');
      assert.ok(error instanceof TransportError, String(error));
      assert.equal(error.code, 'TIMEOUT');

      const { diagnosis } = explain(
        error,
        diagnosisContext(emu, { phase: 'token', clientId: PUBLIC_APP.clientId, redirectMode: 'uriHandler', redirectUri: VSCODE_REDIRECT, hasClientSecret: false }),
      );
      assert.equal(diagnosis.id, 'request-timeout');
      assert.equal(diagnosis.code, 'TIMEOUT');
      assert.match(diagnosis.serverMessage ?? '', /no answer within 300 ms/);
      assert.equal(actionOf(diagnosis, 'waitAndRetry').seconds, 10);
      assert.deepEqual(actionOf(diagnosis, 'openSettings'), { kind: 'openSettings', setting: 'http.proxy' });
      assert.ok(
        diagnosis.fixes.some((fix) => fix.action?.kind === 'openSettings' && fix.action.setting === 'ringcentral.requestTimeoutSeconds'),
        'offers more time per request',
      );
    });

    it('a proxy answers the token request with an HTML 502 → proxy-error-page', async () => {
      const emu = ctx.emu;
      const { client } = realClient(emu, { clientId: PUBLIC_APP.clientId });
      emu.setFault({ kind: 'htmlError', endpoint: 'token' });
      const flow = flowHarness({ client, redirectUri: VSCODE_REDIRECT });
      const error = await rejection(runAuthorizationCodeFlow(flow.ports, new AbortController().signal));
      assert.equal(flow.lastPhase(), 'token');
      assert.ok(error instanceof UnexpectedResponseError, String(error));
      assert.equal(error.status, 502);
      assert.match(error.contentType, /text\/html/);

      const { failure, diagnosis } = explain(
        error,
        diagnosisContext(emu, { phase: 'token', clientId: PUBLIC_APP.clientId, redirectMode: 'uriHandler', redirectUri: VSCODE_REDIRECT, hasClientSecret: false }),
      );
      assert.equal(failure.kind, 'http');
      assert.equal(diagnosis.id, 'proxy-error-page');
      assert.equal(diagnosis.code, undefined);
      assert.equal(diagnosis.serverMessage, '502 Bad Gateway');
      assert.match(diagnosis.summary, /HTTP 502/);
      assert.equal(diagnosis.fixes[0].action?.kind, 'waitAndRetry');
      assert.deepEqual(actionOf(diagnosis, 'openSettings'), { kind: 'openSettings', setting: 'http.proxy' });
    });

    it('the token endpoint answers 200 with cut-off JSON → malformed-json', async () => {
      const emu = ctx.emu;
      const { client } = realClient(emu, { clientId: PUBLIC_APP.clientId });
      emu.setFault({ kind: 'malformedJson', endpoint: 'token' });
      const flow = flowHarness({ client, redirectUri: VSCODE_REDIRECT });
      const error = await rejection(runAuthorizationCodeFlow(flow.ports, new AbortController().signal));
      assert.equal(flow.lastPhase(), 'token');
      assert.ok(error instanceof UnexpectedResponseError, String(error));
      assert.equal(error.status, 200);

      const { diagnosis } = explain(
        error,
        diagnosisContext(emu, { phase: 'token', clientId: PUBLIC_APP.clientId, redirectMode: 'uriHandler', redirectUri: VSCODE_REDIRECT, hasClientSecret: false }),
      );
      assert.equal(diagnosis.id, 'malformed-json');
      assert.equal(diagnosis.code, undefined);
      assert.equal(diagnosis.serverMessage, '{"access_token":');
      assert.deepEqual(diagnosis.fixes[0].action, { kind: 'openSettings', setting: 'ringcentral.server' });
    });
  });

  describe('the callback', () => {
    it('the user denies on the consent page → AuthorizationCallbackError → access-denied', async () => {
      const emu = ctx.emu;
      emu.setAutoApprove(false);
      const { client } = realClient(emu, { clientId: PUBLIC_APP.clientId });
      const flow = flowHarness({ client, redirectUri: VSCODE_REDIRECT, land: (authorizeUrl) => answerConsent(emu, authorizeUrl, 'deny') });
      const error = await rejection(runAuthorizationCodeFlow(flow.ports, new AbortController().signal));
      assert.ok(error instanceof AuthorizationCallbackError, String(error));
      assert.equal(flow.lastPhase(), 'callback');
      assert.ok(flow.landedOn[0].startsWith(`${VSCODE_REDIRECT}?error=access_denied`), flow.landedOn[0]);
      assert.equal(emu.requests.filter((r) => r.path === TOKEN_PATH).length, 0);

      const { failure, diagnosis } = explain(
        error,
        diagnosisContext(emu, { phase: 'callback', clientId: PUBLIC_APP.clientId, redirectMode: 'uriHandler', redirectUri: VSCODE_REDIRECT, hasClientSecret: false }),
      );
      assert.deepEqual(failure, { kind: 'callback', error: 'access_denied', description: 'The user has denied access' });
      assert.equal(diagnosis.id, 'access-denied');
      assert.equal(diagnosis.code, undefined);
      assert.equal(diagnosis.serverMessage, 'The user has denied access');
      assert.equal(diagnosis.fixes[0].action?.kind, 'signIn');
    });
  });

  describe('Explain Error equals the live path', () => {
    it('the raw body of a real 400 from the token endpoint diagnoses like the thrown error', async () => {
      const emu = ctx.emu;
      const { client } = realClient(emu, { clientId: PUBLIC_APP.clientId });
      const code = await getCode(
        emu,
        defaultAuthorizeParams({ verifier: 'unused', challenge: 'A'.repeat(43) }, { client_id: PUBLIC_APP.clientId, redirect_uri: VSCODE_REDIRECT }),
      );
      const wrongVerifier = 'B'.repeat(43);

      // What a user would copy from their own log: the body of a token request with the wrong verifier.
      const raw = await fetch(`${emu.url}${TOKEN_PATH}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
        body: new URLSearchParams({
          grant_type: 'authorization_code',
          code,
          redirect_uri: VSCODE_REDIRECT,
          code_verifier: wrongVerifier,
          client_id: PUBLIC_APP.clientId,
        }).toString(),
      });
      assert.equal(raw.status, 400);
      const body = await raw.text();

      // The live path: the same request through the client (a verifier mismatch leaves the code unused).
      const error = await rejection(client.exchangeCode({ code, redirectUri: VSCODE_REDIRECT, codeVerifier: wrongVerifier }));
      assert.ok(error instanceof RingCentralApiError, String(error));
      const context = diagnosisContext(emu, { phase: 'token', clientId: PUBLIC_APP.clientId, redirectMode: 'uriHandler', redirectUri: VSCODE_REDIRECT, hasClientSecret: false });
      const live = explain(error, context).diagnosis;
      assert.equal(live.id, 'authorization-code-invalid');
      assert.equal(live.code, 'OAU-106');
      assert.equal(live.serverMessage, 'Invalid authorization code (code_verifier does not match code_challenge)');

      // Explain Error: the body alone, and the whole response as `curl -i` prints it. Explain Error knows
      // nothing about the context.
      const contentType = raw.headers.get('content-type') ?? '';
      const wholeResponse = `HTTP/1.1 400 Bad Request\r\nContent-Type: ${contentType}\r\n\r\n${body}`;
      for (const pasted of [body, wholeResponse]) {
        const parsed = parseFailureText(pasted);
        assert.ok(parsed, `parseFailureText did not recognise ${pasted}`);
        const explained = diagnose(parsed, {});
        assert.equal(explained.id, live.id);
        assert.equal(explained.code, live.code);
        assert.equal(explained.serverMessage, live.serverMessage);
        assert.equal(diagnose(parsed, context).id, live.id);
      }
    });

    it('the raw body of a real 400 from the authorize endpoint (OAU-113) diagnoses like the preflight error', async () => {
      const emu = ctx.emu;
      const { client } = realClient(emu, { clientId: NO_REDIRECT_APP.clientId });
      const outcome = await preflightRedirect(client, VSCODE_REDIRECT);
      assert.ok(!outcome.ok);
      const [sent] = authorizeRequests();

      // The same authorize request, fetched by hand as JSON.
      const url = new URL(`${emu.url}${AUTHORIZE_PATH}`);
      for (const [name, value] of Object.entries(sent.query)) {
        url.searchParams.set(name, String(value));
      }
      const raw = await fetch(url, { redirect: 'manual', headers: { Accept: 'application/json' } });
      assert.equal(raw.status, 400);
      const body = await raw.text();

      const context = diagnosisContext(emu, { phase: 'preflight', clientId: NO_REDIRECT_APP.clientId, redirectMode: 'uriHandler', redirectUri: VSCODE_REDIRECT, hasClientSecret: false });
      const live = explain(outcome.error, context).diagnosis;
      const parsed = parseFailureText(body);
      assert.ok(parsed);
      const explained = diagnose(parsed, {});
      assert.equal(live.id, 'redirect-uri-not-registered');
      assert.equal(explained.id, live.id);
      assert.equal(explained.code, live.code);
      assert.equal(explained.serverMessage, live.serverMessage);
    });
  });
});
