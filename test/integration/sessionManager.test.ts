// SessionManager with real RingCentralClients talking to the emulator over HTTP; only persistence
// (SecretStorage in the extension) is an in-memory stand-in.
import * as assert from 'node:assert/strict';
import { REVOKE_PATH, WHO_AM_I_PATH } from '../../src/core/ringcentral/ringcentralClient';
import { SessionManager } from '../../src/core/session/sessionManager';
import { toTokenSet } from '../../src/core/oauth/tokenSet';
import { whoAmI } from '../../src/core/ringcentral/whoAmI';
import { AppRegistration, DEMO_APP, DEMO_USER } from '../../emulator/server';
import {
  defaultAuthorizeParams,
  getCode,
  LOOPBACK_REDIRECT,
  pkce,
  useEmulator,
} from '../../emulator/test/emulatorTestUtils';
import { MemoryPersistence } from '../fakes/memoryPersistence';
import { RingCentralApiError, SessionEndedError, TransportError } from '../../src/core/errors';
import type { SessionChange } from '../../src/core/session/sessionPorts';

const NO_READ_ACCOUNTS: AppRegistration = {
  clientId: 'no-read-accounts',
  redirectUris: [LOOPBACK_REDIRECT],
  permissions: ['ReadContacts'],
  issueRefreshTokens: true,
  grantTypes: ['authorization_code', 'refresh_token'],
};

import { refreshRequests, rejection, sessionManagerKit } from './sessionManagerKit';

describe('SessionManager against the emulator', () => {
  const ctx = useEmulator({ rateLimit: false, autoApprove: true });
  const { clientFor, setup, signIn } = sessionManagerKit(ctx);

  function secondWindow(persistence: MemoryPersistence, clock: () => number): SessionManager {
    return new SessionManager({ persistence, clientFor: async (session) => clientFor(session), clock });
  }

  it('two windows: the second refreshes from the tokens the first one rotated, instead of the dead old ones', async () => {
    const { manager: windowA, persistence, now } = setup();
    const session = await signIn(windowA, now);
    const windowB = secondWindow(persistence, now);
    await windowB.load();
    const rotatedByA = await windowA.refresh(session.id);
    // B still holds the old refresh token in memory; RingCentral would answer OAU-213 for it.
    assert.equal(windowB.get(session.id)?.tokens.refreshToken, session.tokens.refreshToken);
    const rotatedByB = await windowB.refresh(session.id);
    assert.notEqual(rotatedByB.tokens.refreshToken, rotatedByA.tokens.refreshToken);
    assert.equal(
      persistence.stored()[0].tokens.refreshToken,
      rotatedByB.tokens.refreshToken,
      'both windows end on the newest tokens',
    );
    const sentByB = String(refreshRequests(ctx.emu).at(-1)?.form?.refresh_token ?? '');
    assert.ok(rotatedByA.tokens.refreshToken?.endsWith(sentByB.slice(-4)), 'B sent the token A stored');
  });

  it('two windows: a dead-token answer for a token another window already rotated does not sign anyone out', async () => {
    const { manager: windowA, persistence, now } = setup();
    const session = await signIn(windowA, now);
    const windowB = secondWindow(persistence, now);
    await windowB.load();
    // B starts its refresh with the old token while A's rotation lands in storage first.
    const [fromA, fromB] = await Promise.allSettled([windowA.refresh(session.id), windowB.refresh(session.id)]);
    const outcomes = [fromA, fromB].map((outcome) => outcome.status);
    assert.ok(outcomes.includes('fulfilled'), JSON.stringify(outcomes));
    await windowA.load();
    await windowB.load();
    assert.equal(persistence.stored().length, 1, 'the session is still stored');
    assert.equal(windowA.get(session.id)?.tokens.refreshToken, persistence.stored()[0].tokens.refreshToken);
    assert.equal(windowB.get(session.id)?.tokens.refreshToken, persistence.stored()[0].tokens.refreshToken);
  });

  it('add, list, current with a real sign-in and who-am-I', async () => {
    const { manager, persistence, events, now } = setup();
    const session = await signIn(manager, now);
    assert.equal(session.id, `${ctx.emu.url}|${DEMO_APP.clientId}|${DEMO_USER.id}`);
    assert.deepEqual(session.account, {
      id: DEMO_USER.id,
      label: DEMO_USER.name,
      extensionNumber: DEMO_USER.extensionNumber,
      email: DEMO_USER.email,
      accountId: DEMO_USER.accountId,
      profileKnown: true,
    });
    assert.deepEqual(manager.list(), [session]);
    assert.equal(manager.current(ctx.emu.url, DEMO_APP.clientId)?.id, session.id);
    assert.deepEqual(persistence.stored(), [session]);
    assert.deepEqual(
      events.map((event) => event.type),
      ['added'],
    );
    assert.equal(await manager.accessToken(session.id), session.tokens.accessToken);
  });

  it('an app without ReadAccounts still signs in, with the owner id as label', async () => {
    ctx.emu.registerApp(NO_READ_ACCOUNTS);
    const { manager, now } = setup();
    const client = clientFor({ server: ctx.emu.url, clientId: NO_READ_ACCOUNTS.clientId });
    const pair = pkce();
    const code = await getCode(ctx.emu, defaultAuthorizeParams(pair, { client_id: NO_READ_ACCOUNTS.clientId }));
    const tokens = toTokenSet(
      await client.exchangeCode({ code, redirectUri: LOOPBACK_REDIRECT, codeVerifier: pair.verifier }),
      now(),
    );
    const result = await whoAmI(client, tokens);
    assert.deepEqual(result.account, { id: DEMO_USER.id, label: `Extension ${DEMO_USER.id}`, profileKnown: false });
    assert.ok(result.problem instanceof RingCentralApiError);
    assert.equal(result.problem.info.code, 'CMN-401');
    const session = await signIn(manager, now, NO_READ_ACCOUNTS.clientId);
    assert.equal(session.account.profileKnown, false);
  });

  it('refresh is single-flight: two concurrent calls, one token request, both get the new tokens', async () => {
    const { manager, now } = setup();
    const session = await signIn(manager, now);
    const [a, b] = await Promise.all([manager.refresh(session.id), manager.refresh(session.id)]);
    assert.equal(refreshRequests(ctx.emu).length, 1);
    assert.equal(a, b);
    assert.notEqual(a.tokens.accessToken, session.tokens.accessToken);
    assert.notEqual(a.tokens.refreshToken, session.tokens.refreshToken);
    assert.equal(a.lastRefreshAt, now());
    assert.equal(a.tokens.accessExpiresAt, now() + 3600 * 1000);
    // The new access token works; the one it replaced is dead.
    const client = clientFor(session);
    assert.equal((await client.getJson<{ name: string }>(WHO_AM_I_PATH, a.tokens.accessToken)).name, DEMO_USER.name);
    const old = await rejection(client.getJson(WHO_AM_I_PATH, session.tokens.accessToken));
    assert.equal((old as RingCentralApiError).info.code, 'TokenInvalid');
    // A later call makes a new request (the flight is over).
    await manager.refresh(session.id);
    assert.equal(refreshRequests(ctx.emu).length, 2);
  });

  it('the rotated refresh token is persisted before the change event fires', async () => {
    const { manager, persistence, now } = setup();
    const session = await signIn(manager, now);
    const seen: Array<{ event: string; persisted: string | undefined; inEvent: string | undefined }> = [];
    manager.onDidChange((event) => {
      seen.push({
        event: event.type,
        persisted: persistence.stored()[0]?.tokens.refreshToken,
        inEvent: event.session.tokens.refreshToken,
      });
    });
    const refreshed = await manager.refresh(session.id);
    assert.equal(seen.length, 1);
    assert.equal(seen[0].event, 'changed');
    assert.equal(seen[0].inEvent, refreshed.tokens.refreshToken);
    assert.equal(
      seen[0].persisted,
      refreshed.tokens.refreshToken,
      'the store had the new refresh token when listeners ran',
    );
    assert.notEqual(seen[0].persisted, session.tokens.refreshToken);
    // And the persisted token is the one the emulator accepts next.
    const next = await clientFor(session).refresh(persistence.stored()[0].tokens.refreshToken as string);
    assert.ok(next.access_token);
  });

  describe('a dead refresh token ends the session', () => {
    async function expectEnded(
      manager: SessionManager,
      persistence: MemoryPersistence,
      events: SessionChange[],
      id: string,
      code: string,
    ) {
      events.length = 0;
      const error = await rejection(manager.refresh(id));
      assert.ok(error instanceof SessionEndedError, String(error));
      assert.equal(error.cause.info.code, code);
      assert.equal(error.session.id, id);
      assert.match(error.message, new RegExp(`^Your RingCentral session ended: ${code} .*Sign in again\\.$`));
      assert.deepEqual(manager.list(), []);
      assert.deepEqual(persistence.stored(), []);
      assert.equal(events.length, 1);
      const [event] = events;
      assert.equal(event.type, 'removed');
      assert.equal(event.type === 'removed' && event.reason, 'refreshTokenDead');
      assert.equal(event.type === 'removed' && event.error, error.cause);
    }

    it('OAU-213 when another client already used (rotated) it', async () => {
      const { manager, persistence, events, now, ended, recorders } = setup();
      const session = await signIn(manager, now);
      await clientFor(session).refresh(session.tokens.refreshToken as string); // e.g. another window
      await expectEnded(manager, persistence, events, session.id, 'OAU-213');
      // The attempt was traced and ended with the API error.
      assert.equal(recorders.length, 1);
      assert.equal(recorders[0].attempt.kind, 'refresh');
      assert.equal(recorders[0].attempt.steps[0].response?.status, 400);
      assert.ok(!JSON.stringify(recorders[0].attempt).includes(session.tokens.refreshToken as string));
      assert.equal(ended.length, 1);
      assert.ok(ended[0].error instanceof RingCentralApiError);
    });

    it('OAU-211 after the session was revoked', async () => {
      const { manager, persistence, events, now } = setup();
      const session = await signIn(manager, now);
      await clientFor(session).revoke(session.tokens.accessToken);
      await expectEnded(manager, persistence, events, session.id, 'OAU-211');
    });

    it('OAU-210 once the refresh token outlived its lifetime', async () => {
      const { manager, persistence, events, now } = setup();
      const session = await signIn(manager, now);
      ctx.emu.advanceClock(604800 + 1);
      await expectEnded(manager, persistence, events, session.id, 'OAU-210');
    });
  });

  it('due() honours the 60 s lead; refreshDue and accessToken refresh only what is due', async () => {
    const { manager, now, setNow } = setup();
    const first = await signIn(manager, now);
    setNow(now() + 1000);
    ctx.emu.registerApp({ ...DEMO_APP, clientId: 'second-app' });
    const second = await signIn(manager, now, 'second-app');
    assert.equal(second.tokens.accessExpiresAt, first.tokens.accessExpiresAt + 1000);

    setNow(first.tokens.accessExpiresAt - 60_001);
    assert.deepEqual(manager.due(), []);
    await manager.refreshDue();
    assert.equal(refreshRequests(ctx.emu).length, 0);
    assert.equal(await manager.accessToken(first.id), first.tokens.accessToken);

    setNow(first.tokens.accessExpiresAt - 60_000); // exactly the lead: first is due, second (1 s later) is not
    assert.deepEqual(
      manager.due().map((session) => session.id),
      [first.id],
    );
    await manager.refreshDue();
    assert.equal(refreshRequests(ctx.emu).length, 1);
    assert.equal(refreshRequests(ctx.emu)[0].form?.client_id, DEMO_APP.clientId);
    assert.notEqual(manager.get(first.id)?.tokens.accessToken, first.tokens.accessToken);
    assert.equal(manager.get(second.id)?.tokens.accessToken, second.tokens.accessToken);
    assert.deepEqual(manager.due(), []);

    setNow(second.tokens.accessExpiresAt - 30_000);
    const token = await manager.accessToken(second.id);
    assert.notEqual(token, second.tokens.accessToken);
    assert.equal(token, manager.get(second.id)?.tokens.accessToken);
    assert.equal(refreshRequests(ctx.emu).length, 2);
  });

  describe('signOut', () => {
    it('revokes at the emulator (the tokens stop working) and deletes locally', async () => {
      const { manager, persistence, events, now } = setup();
      const session = await signIn(manager, now);
      events.length = 0;
      const result = await manager.signOut(session.id);
      assert.deepEqual(result, { revoked: true, error: undefined });
      const revoke = ctx.emu.requests.filter((request) => request.path === REVOKE_PATH);
      assert.equal(revoke.length, 1);
      assert.equal(revoke[0].status, 200);
      assert.deepEqual(manager.list(), []);
      assert.deepEqual(persistence.stored(), []);
      assert.deepEqual(
        events.map((event) => [event.type, event.type === 'removed' && event.reason]),
        [['removed', 'signOut']],
      );
      const client = clientFor(session);
      const api = await rejection(client.getJson(WHO_AM_I_PATH, session.tokens.accessToken));
      assert.equal((api as RingCentralApiError).info.code, 'TokenInvalid');
      const refresh = await rejection(client.refresh(session.tokens.refreshToken as string));
      assert.equal((refresh as RingCentralApiError).info.code, 'OAU-211');
    });

    it('deletes locally even when the emulator drops the connection, and says the revoke failed', async () => {
      const { manager, persistence, now, ended } = setup();
      const session = await signIn(manager, now);
      ctx.emu.setFault({ kind: 'drop', endpoint: 'revoke' });
      const result = await manager.signOut(session.id);
      assert.equal(result.revoked, false);
      assert.ok(result.error instanceof TransportError, String(result.error));
      assert.equal(result.error.code, 'RESET');
      assert.deepEqual(manager.list(), []);
      assert.deepEqual(persistence.stored(), []);
      assert.equal(ended.at(-1)?.error, result.error);
      // Not revoked at the server: the refresh token still works there.
      ctx.emu.setFault(null);
      const stillAlive = await clientFor(session).refresh(session.tokens.refreshToken as string);
      assert.ok(stillAlive.access_token);
    });
  });
});
