// Real failures, real diagnoses: each test makes the emulator fail a sign-in, a refresh or an API call over
// real HTTP on 127.0.0.1, turns the thrown error into a Failure with failureFromError, and checks what
// diagnose() tells the user (stable id, RingCentral code, the server's own words, the fixes that matter).
// Where a fix can be applied to the emulator, the test applies it and shows the failure is gone.
// This file: Failures of a signed-in session: rate limits, permissions and refresh tokens.
import * as assert from 'node:assert/strict';
import { runAuthorizationCodeFlow } from '../../src/core/oauth/authorizationCodeFlow';
import { TOKEN_PATH, WHO_AM_I_PATH } from '../../src/core/ringcentral/ringcentralClient';
import { SessionManager } from '../../src/core/session/sessionManager';
import { DEMO_USER } from '../../emulator/server';
import { actionOf, diagnosisContext, explain, flowHarness, realClient, rejection } from './diagnosisTestKit';
import { MemoryPersistence } from '../fakes/memoryPersistence';
import { NO_READ_ACCOUNTS_APP, PUBLIC_APP, useDiagnosisEmulator, VSCODE_REDIRECT } from './diagnosisApps';
import { RingCentralApiError, SessionEndedError } from '../../src/core/errors';

describe('diagnosis of real failures against the emulator', () => {
  const { ctx } = useDiagnosisEmulator();

  describe('rate limits', () => {
    it('429 CMN-301 → rate-limited, wait 60 s; a request during the penalty restarts it', async () => {
      const emu = ctx.emu;
      const { client } = realClient(emu, { clientId: PUBLIC_APP.clientId });
      const signedIn = await runAuthorizationCodeFlow(
        flowHarness({ client, redirectUri: VSCODE_REDIRECT }).ports,
        new AbortController().signal,
      );

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
      const statuses = emu.requests
        .filter((r) => r.path === TOKEN_PATH && r.form?.grant_type === 'refresh_token')
        .map((r) => r.status);
      assert.deepEqual(statuses, [200, 200, 429, 429, 429, 200]);
    });
  });

  describe('permissions', () => {
    it('who-am-I with an app that lacks ReadAccounts → CMN-401 app-permission-missing (ReadAccounts)', async () => {
      const emu = ctx.emu;
      const { client } = realClient(emu, { clientId: NO_READ_ACCOUNTS_APP.clientId });
      const signedIn = await runAuthorizationCodeFlow(
        flowHarness({ client, redirectUri: VSCODE_REDIRECT }).ports,
        new AbortController().signal,
      );
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
      assert.equal(
        diagnosis.serverMessage,
        'In order to call this API endpoint, application needs to have [ReadAccounts] permission',
      );
      assert.equal(diagnosis.permission, 'ReadAccounts');
      assert.deepEqual(actionOf(diagnosis, 'checkPermissions'), {
        kind: 'checkPermissions',
        permission: 'ReadAccounts',
      });
      assert.equal(actionOf(diagnosis, 'openDeveloperConsole').url, `${emu.url}/__console`);
      actionOf(diagnosis, 'signIn');

      // The fixes, in order: add the permission (the old token keeps its scope), then sign in again.
      emu.updateApp(NO_READ_ACCOUNTS_APP.clientId, { permissions: ['ReadContacts', 'ReadAccounts'] });
      const stillOld = await rejection(client.getJson(WHO_AM_I_PATH, signedIn.tokens.accessToken));
      assert.ok(stillOld instanceof RingCentralApiError && stillOld.info.code === 'CMN-401', String(stillOld));
      const again = await runAuthorizationCodeFlow(
        flowHarness({ client, redirectUri: VSCODE_REDIRECT }).ports,
        new AbortController().signal,
      );
      const me = await client.getJson<{ name: string }>(WHO_AM_I_PATH, again.tokens.accessToken);
      assert.equal(me.name, DEMO_USER.name);
    });
  });

  describe('refresh tokens', () => {
    it('an old refresh token after rotation → OAU-213 refresh-token-not-found; SessionManager ends the session with the same diagnosis', async () => {
      const emu = ctx.emu;
      const { client } = realClient(emu, { clientId: PUBLIC_APP.clientId });
      const signedIn = await runAuthorizationCodeFlow(
        flowHarness({ client, redirectUri: VSCODE_REDIRECT }).ports,
        new AbortController().signal,
      );
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
});
