// Real failures, real diagnoses: each test makes the emulator fail a sign-in, a refresh or an API call over
// real HTTP on 127.0.0.1, turns the thrown error into a Failure with failureFromError, and checks what
// diagnose() tells the user (stable id, RingCentral code, the server's own words, the fixes that matter).
// Where a fix can be applied to the emulator, the test applies it and shows the failure is gone.
// This file: Sign-in failures: redirect URIs, client authentication and authorization codes.
import * as assert from 'node:assert/strict';
import { runAuthorizationCodeFlow } from '../../src/core/oauth/authorizationCodeFlow';
import { preflightRedirect } from '../../src/core/oauth/preflight';
import { checkRedirectUri } from '../../src/core/redirect/checkRedirectUri';
import { TOKEN_PATH } from '../../src/core/ringcentral/ringcentralClient';
import { DEMO_USER } from '../../emulator/server';
import {
  actionKinds,
  actionOf,
  diagnosisContext,
  explain,
  flowHarness,
  realClient,
  rejection,
  tokenForms,
} from './diagnosisTestKit';
import { defaultAuthorizeParams, getCode } from '../../emulator/test/emulatorTestUtils';
import {
  CONFIDENTIAL_APP,
  CONFIDENTIAL_SECRET,
  LOOPBACK_PORT,
  LOOPBACK_REDIRECT,
  NO_REDIRECT_APP,
  PUBLIC_APP,
  useDiagnosisEmulator,
  VSCODE_REDIRECT,
  WRONG_PORT_APP,
  WRONG_PORT_REDIRECT,
} from './diagnosisApps';
import { RingCentralApiError } from '../../src/core/errors';

describe('diagnosis of real failures against the emulator', () => {
  const { ctx, authorizeRequests } = useDiagnosisEmulator();

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
      const check = checkRedirectUri({
        sent: LOOPBACK_REDIRECT,
        mode: 'loopback',
        registered,
        loopbackPort: LOOPBACK_PORT,
      });
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
      const { client, sent } = realClient(emu, {
        clientId: CONFIDENTIAL_APP.clientId,
        clientSecret: 'not-the-secret-0000',
      });
      const flow = flowHarness({ client, redirectUri: VSCODE_REDIRECT });
      const error = await rejection(runAuthorizationCodeFlow(flow.ports, new AbortController().signal));
      assert.equal(flow.lastPhase(), 'token', 'the code was issued; the exchange failed');
      assert.ok(error instanceof RingCentralApiError, String(error));
      assert.equal(error.info.status, 401);
      const [exchange] = sent.filter((s) => new URL(s.url).pathname === TOKEN_PATH);
      assert.match(
        exchange.init.headers.Authorization ?? '',
        /^Basic /,
        'the wrong secret travelled in the Basic header',
      );

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
      const ok = await runAuthorizationCodeFlow(
        flowHarness({ client: right.client, redirectUri: VSCODE_REDIRECT }).ports,
        new AbortController().signal,
      );
      assert.equal(ok.tokens.ownerId, DEMO_USER.id);
    });

    it('confidential app, no secret and no PKCE → OAU-123 client-authentication-required, "set the secret" first', async () => {
      const emu = ctx.emu;
      // Your own code's authorize request without code_challenge: the code is not bound to a verifier.
      const code = await getCode(
        emu,
        defaultAuthorizeParams(undefined, { client_id: CONFIDENTIAL_APP.clientId, redirect_uri: VSCODE_REDIRECT }),
      );
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
      assert.equal(
        diagnosis.fixes[0].action?.kind,
        'setClientSecret',
        `fixes: ${JSON.stringify(actionKinds(diagnosis))}`,
      );
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
        diagnosisContext(emu, {
          phase: 'token',
          clientId: PUBLIC_APP.clientId,
          redirectMode: 'uriHandler',
          redirectUri: VSCODE_REDIRECT,
          hasClientSecret: false,
        }),
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
});
