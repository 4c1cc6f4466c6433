// Real failures, real diagnoses: each test makes the emulator fail a sign-in, a refresh or an API call over
// real HTTP on 127.0.0.1, turns the thrown error into a Failure with failureFromError, and checks what
// diagnose() tells the user (stable id, RingCentral code, the server's own words, the fixes that matter).
// Where a fix can be applied to the emulator, the test applies it and shows the failure is gone.
// This file: Transport failures and non-JSON answers, the callback, and Explain Error giving what the live path gives.
import * as assert from 'node:assert/strict';
import { runAuthorizationCodeFlow } from '../../src/core/oauth/authorizationCodeFlow';
import { diagnose } from '../../src/core/diagnosis/diagnose';
import { parseFailureText } from '../../src/core/diagnosis/parseFailureText';
import { preflightRedirect } from '../../src/core/oauth/preflight';
import { AUTHORIZE_PATH, TOKEN_PATH } from '../../src/core/ringcentral/ringcentralClient';
import {
  actionOf,
  answerConsent,
  diagnosisContext,
  explain,
  flowHarness,
  realClient,
  rejection,
} from './diagnosisTestKit';
import { defaultAuthorizeParams, getCode } from '../../emulator/test/emulatorTestUtils';
import { NO_REDIRECT_APP, PUBLIC_APP, useDiagnosisEmulator, VSCODE_REDIRECT } from './diagnosisApps';
import {
  AuthorizationCallbackError,
  RingCentralApiError,
  TransportError,
  UnexpectedResponseError,
} from '../../src/core/errors';

describe('diagnosis of real failures against the emulator', () => {
  const { ctx, authorizeRequests } = useDiagnosisEmulator();

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
        diagnosisContext(emu, {
          phase: 'preflight',
          clientId: PUBLIC_APP.clientId,
          redirectMode: 'uriHandler',
          redirectUri: VSCODE_REDIRECT,
          hasClientSecret: false,
        }),
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
        diagnosisContext(emu, {
          phase: 'token',
          clientId: PUBLIC_APP.clientId,
          redirectMode: 'uriHandler',
          redirectUri: VSCODE_REDIRECT,
          hasClientSecret: false,
        }),
      );
      assert.equal(diagnosis.id, 'request-timeout');
      assert.equal(diagnosis.code, 'TIMEOUT');
      assert.match(diagnosis.serverMessage ?? '', /no answer within 300 ms/);
      assert.equal(actionOf(diagnosis, 'waitAndRetry').seconds, 10);
      assert.deepEqual(actionOf(diagnosis, 'openSettings'), { kind: 'openSettings', setting: 'http.proxy' });
      assert.ok(
        diagnosis.fixes.some(
          (fix) => fix.action?.kind === 'openSettings' && fix.action.setting === 'ringcentral.requestTimeoutSeconds',
        ),
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
        diagnosisContext(emu, {
          phase: 'token',
          clientId: PUBLIC_APP.clientId,
          redirectMode: 'uriHandler',
          redirectUri: VSCODE_REDIRECT,
          hasClientSecret: false,
        }),
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
        diagnosisContext(emu, {
          phase: 'token',
          clientId: PUBLIC_APP.clientId,
          redirectMode: 'uriHandler',
          redirectUri: VSCODE_REDIRECT,
          hasClientSecret: false,
        }),
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
      const flow = flowHarness({
        client,
        redirectUri: VSCODE_REDIRECT,
        land: (authorizeUrl) => answerConsent(emu, authorizeUrl, 'deny'),
      });
      const error = await rejection(runAuthorizationCodeFlow(flow.ports, new AbortController().signal));
      assert.ok(error instanceof AuthorizationCallbackError, String(error));
      assert.equal(flow.lastPhase(), 'callback');
      assert.ok(flow.landedOn[0].startsWith(`${VSCODE_REDIRECT}?error=access_denied`), flow.landedOn[0]);
      assert.equal(emu.requests.filter((r) => r.path === TOKEN_PATH).length, 0);

      const { failure, diagnosis } = explain(
        error,
        diagnosisContext(emu, {
          phase: 'callback',
          clientId: PUBLIC_APP.clientId,
          redirectMode: 'uriHandler',
          redirectUri: VSCODE_REDIRECT,
          hasClientSecret: false,
        }),
      );
      assert.deepEqual(failure, {
        kind: 'callback',
        error: 'access_denied',
        description: 'The user has denied access',
      });
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
        defaultAuthorizeParams(
          { verifier: 'unused', challenge: 'A'.repeat(43) },
          { client_id: PUBLIC_APP.clientId, redirect_uri: VSCODE_REDIRECT },
        ),
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
      const error = await rejection(
        client.exchangeCode({ code, redirectUri: VSCODE_REDIRECT, codeVerifier: wrongVerifier }),
      );
      assert.ok(error instanceof RingCentralApiError, String(error));
      const context = diagnosisContext(emu, {
        phase: 'token',
        clientId: PUBLIC_APP.clientId,
        redirectMode: 'uriHandler',
        redirectUri: VSCODE_REDIRECT,
        hasClientSecret: false,
      });
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

      const context = diagnosisContext(emu, {
        phase: 'preflight',
        clientId: NO_REDIRECT_APP.clientId,
        redirectMode: 'uriHandler',
        redirectUri: VSCODE_REDIRECT,
        hasClientSecret: false,
      });
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
