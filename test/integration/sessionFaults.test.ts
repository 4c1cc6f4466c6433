// Issue 7 items 3, 4, 10 against the emulator over real HTTP: rotation races with a slow SecretStorage, a rate-limit
// penalty that restarts on every request (simulated minutes), and a 401 after a clock step. Only SecretStorage is
// a fake (in-memory, with latency), shared by "windows" the way VS Code shares it.
import * as assert from 'node:assert/strict';
import type * as vscode from 'vscode';
import { RingCentralClient, TOKEN_PATH, WHO_AM_I_PATH } from '../../src/core/ringcentral/ringcentralClient';
import type { StoredSession } from '../../src/core/session/session';
import { SessionManager } from '../../src/core/session/sessionManager';
import { toTokenSet } from '../../src/core/oauth/tokenSet';
import { nodeFetchAdapter } from '../../src/vscode/ringcentral/httpFetch';
import { SecretSessionPersistence } from '../../src/vscode/secretStore';
import { DEMO_APP, DEMO_USER, Emulator, startEmulator } from '../../emulator/server';
import { FaultySecretStorage } from '../fakes/faultySecretStorage';
import { defaultAuthorizeParams, getCode, LOOPBACK_REDIRECT, pkce } from '../../emulator/test/emulatorTestUtils';
import type { SessionNotice } from '../../src/core/session/sessionPorts';
import { callWithAccessToken } from '../../src/core/session/apiCall';

const SECOND_APP = { ...DEMO_APP, clientId: 'second-app' };

describe('Session faults against the emulator (issue 7)', () => {
  let emu: Emulator;
  let now = Date.now();
  /** The server's clock runs with ours unless a test steps ours alone. */
  let serverShift = 0;
  const clock = () => now;

  beforeEach(async () => {
    now = Date.now();
    serverShift = 0;
    emu = await startEmulator({
      port: 0,
      autoApprove: true,
      rateLimit: false,
      apps: [DEMO_APP, SECOND_APP],
      now: () => now + serverShift,
    });
  });
  afterEach(async () => {
    await emu.close();
  });

  const clientFor = (session: Pick<StoredSession, 'server' | 'clientId'>) =>
    new RingCentralClient({
      fetch: nodeFetchAdapter,
      server: session.server,
      clientId: session.clientId,
      timeoutMs: 2000,
      retries: 0,
    });

  function windowOver(storage: FaultySecretStorage, mono: () => number = clock): SessionManager {
    return new SessionManager({
      persistence: new SecretSessionPersistence(storage as unknown as vscode.SecretStorage),
      clientFor: async (session) => clientFor(session),
      clock,
      monotonic: mono,
      crossWindowSettleMs: 50,
      storageRetryDelaysMs: [5, 5],
    });
  }

  async function signIn(manager: SessionManager, clientId = DEMO_APP.clientId): Promise<StoredSession> {
    const client = clientFor({ server: emu.url, clientId });
    const pair = pkce();
    const code = await getCode(emu, defaultAuthorizeParams(pair, { client_id: clientId }));
    const tokens = toTokenSet(
      await client.exchangeCode({ code, redirectUri: LOOPBACK_REDIRECT, codeVerifier: pair.verifier }),
      now,
    );
    const account = { id: DEMO_USER.id, label: DEMO_USER.name, profileKnown: true };
    return manager.add({ server: emu.url, clientId, account, tokens, grant: 'authorization_code', createdAt: now });
  }

  const refreshAnswers = () =>
    emu.requests
      .filter((request) => request.path === TOKEN_PATH && request.form?.grant_type === 'refresh_token')
      .map((request) => request.status);

  it('rotation race: two sessions (two apps) refreshed at once, in one window and across two windows, 5 ms storage latency — no token lost', async () => {
    const storage = new FaultySecretStorage();
    const windowA = windowOver(storage);
    const first = await signIn(windowA);
    const second = await signIn(windowA, SECOND_APP.clientId);
    const windowB = windowOver(storage);
    await windowB.load();
    storage.latencyMs = 5;
    for (let round = 0; round < 3; round++) {
      await Promise.all([windowA.refresh(first.id), windowA.refresh(second.id)]); // one window
      await Promise.all([windowA.refresh(first.id), windowB.refresh(second.id)]); // two windows
    }
    storage.latencyMs = 0;
    const fresh = windowOver(storage);
    await fresh.load();
    assert.deepEqual(
      fresh
        .list()
        .map((session) => session.id)
        .sort(),
      [first.id, second.id].sort(),
    );
    // Whatever is stored is what RingCentral accepts next.
    await fresh.refresh(first.id);
    await fresh.refresh(second.id);
    assert.ok(
      refreshAnswers().every((status) => status === 200),
      JSON.stringify(refreshAnswers()),
    );
  });

  it('429 over 10 simulated minutes: Retry-After is honoured in every window, the penalty ends, the token is refreshed', async () => {
    const storage = new FaultySecretStorage();
    const windowA = windowOver(storage);
    const session = await signIn(windowA);
    const windowB = windowOver(storage);
    await windowB.load();
    const notices: SessionNotice[] = [];
    windowA.onNotice((notice) => notices.push(notice));
    windowB.onNotice((notice) => notices.push(notice));

    // A minute before expiry someone (a script signing in as the same user with the same app's JWT flow) has spent
    // this user's Auth group budget of 5 requests (RingCentral counts per user and app).
    now = session.tokens.accessExpiresAt - 60_000;
    emu.setRateLimit({ perMinute: 5, penaltySeconds: 60 });
    const spender = clientFor(session);
    for (let i = 0; i < 5; i++) await spender.jwtBearer(emu.createJwtCredential());

    // Both windows' 30 s timers tick for 10 minutes.
    const start = now;
    let refreshedAt: number | undefined;
    for (let tick = 0; tick <= 20; tick++) {
      now = start + tick * 30_000;
      await windowA.refreshDue();
      await windowB.refreshDue();
      const current = windowA.get(session.id) ?? windowB.get(session.id);
      if (refreshedAt === undefined && current && current.tokens.accessToken !== session.tokens.accessToken)
        refreshedAt = now;
    }
    const answers = refreshAnswers();
    assert.equal(
      answers.filter((status) => status === 429).length,
      1,
      `one request ran into the penalty, no more: ${JSON.stringify(answers)}`,
    );
    assert.ok(
      refreshedAt !== undefined && refreshedAt - start <= 2 * 60_000,
      `refreshed ${refreshedAt === undefined ? 'never' : `${(refreshedAt - start) / 1000} s`} after the first 429`,
    );
    const rateLimited = notices.filter((notice) => notice.kind === 'rateLimited');
    assert.equal(rateLimited.length, 1, 'the user is told once, with the time of the next try');
    assert.ok(rateLimited[0].kind === 'rateLimited' && rateLimited[0].notBefore >= start + 60_000);
    // The newest tokens are stored and work.
    const fresh = windowOver(storage);
    await fresh.load();
    assert.equal(
      (
        await clientFor(session).getJson<{ name: string }>(
          WHO_AM_I_PATH,
          fresh.get(session.id)?.tokens.accessToken ?? '',
        )
      ).name,
      DEMO_USER.name,
    );
  });

  it('clock stepped back 2 h: the timer still refreshes before the server lets the token die (monotonic clock)', async () => {
    const storage = new FaultySecretStorage();
    let mono = 0;
    const window = windowOver(storage, () => mono);
    const session = await signIn(window);
    assert.deepEqual(window.due(), []);
    // 59.5 minutes pass; meanwhile this machine's wall clock is stepped back 2 hours (the server's is not).
    const elapsed = 59.5 * 60_000;
    mono += elapsed;
    now += elapsed - 2 * 3_600_000;
    serverShift += 2 * 3_600_000;
    await window.refreshDue(); // the old code saw 2 h 30 s left here and did nothing until the server said 401
    assert.deepEqual(refreshAnswers(), [200]);
    const token = window.get(session.id)?.tokens.accessToken ?? '';
    assert.notEqual(token, session.tokens.accessToken);
    emu.advanceClock(60); // past the old token's life at the server
    assert.equal((await clientFor(session).getJson<{ name: string }>(WHO_AM_I_PATH, token)).name, DEMO_USER.name);
  });

  it('an API call answered 401 (the token died early at the server) refreshes once, repeats once, and succeeds', async () => {
    const window = windowOver(new FaultySecretStorage());
    const session = await signIn(window);
    emu.advanceClock(61 * 60); // the server's clock runs ahead: it thinks the access token expired
    let calls = 0;
    const name = await callWithAccessToken(window, session.id, async (token) => {
      calls++;
      return (await clientFor(session).getJson<{ name: string }>(WHO_AM_I_PATH, token)).name;
    });
    assert.equal(name, DEMO_USER.name);
    assert.equal(calls, 2);
    assert.deepEqual(refreshAnswers(), [200]);
  });
});
