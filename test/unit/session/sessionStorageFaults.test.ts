// Issue 7 items 3, 10, 11: racing refreshes over a slow SecretStorage, failed writes, a keychain that cannot be
// read, expired sessions, clock steps and 401s. SecretStorage is an in-memory fake with latency and failures;
// the token endpoint is an in-process fake that rotates refresh tokens the way RingCentral does (one use each).
import * as assert from 'node:assert/strict';
import type { RingCentralClient } from '../../../src/core/ringcentral/ringcentralClient';
import type { StoredSession } from '../../../src/core/session/session';
import { SessionManager } from '../../../src/core/session/sessionManager';
import type { TokenResponse } from '../../../src/core/oauth/tokenSet';
import { SecretSessionPersistence } from '../../../src/vscode/secretStore';
import { FaultySecretStorage } from '../../fakes/faultySecretStorage';
import type * as vscode from 'vscode';
import { RingCentralApiError } from '../../../src/core/errors';
import type { SessionNotice } from '../../../src/core/session/sessionPorts';
import { callWithAccessToken } from '../../../src/core/session/apiCall';

const T0 = Date.UTC(2025, 0, 15, 12, 0, 0);
const SERVER = 'https://platform.ringcentral.com';

/** RingCentral's rotation: each refresh token works once; a used or unknown one gets OAU-213. */
class RotatingTokenServer {
  private readonly live = new Map<string, string>(); // refresh token → owner
  private counter = 0;
  refreshes = 0;
  /** Runs before answering a refresh; may delay it or fail it (without using up the token). */
  beforeAnswer: ((refreshToken: string) => Promise<Error | undefined>) | undefined;

  issue(owner: string): { accessToken: string; refreshToken: string } {
    const n = ++this.counter;
    const refreshToken = `refresh-${owner}-${n}`;
    this.live.set(refreshToken, owner);
    return { accessToken: `access-${owner}-${n}`, refreshToken };
  }

  isLive(refreshToken: string | undefined): boolean {
    return refreshToken !== undefined && this.live.has(refreshToken);
  }

  client(): RingCentralClient {
    return {
      refresh: async (refreshToken: string): Promise<TokenResponse> => {
        this.refreshes++;
        await new Promise((resolve) => setTimeout(resolve, 2));
        const failure = await this.beforeAnswer?.(refreshToken);
        if (failure) throw failure;
        const owner = this.live.get(refreshToken);
        if (!owner)
          throw new RingCentralApiError({
            status: 400,
            error: 'invalid_grant',
            code: 'OAU-213',
            message: 'Token not found',
          });
        this.live.delete(refreshToken);
        const next = this.issue(owner);
        return {
          access_token: next.accessToken,
          token_type: 'bearer',
          expires_in: 3600,
          refresh_token: next.refreshToken,
          refresh_token_expires_in: 604800,
        };
      },
      revoke: async () => undefined,
    } as unknown as RingCentralClient;
  }
}

function sessionFor(
  server: RotatingTokenServer,
  owner: string,
  overrides: Partial<StoredSession['tokens']> = {},
): Omit<StoredSession, 'id'> {
  const issued = server.issue(owner);
  return {
    server: SERVER,
    clientId: 'app-1',
    account: { id: owner, label: `Extension ${owner}`, profileKnown: false },
    tokens: {
      accessToken: issued.accessToken,
      tokenType: 'bearer',
      accessExpiresAt: T0 + 30_000,
      refreshToken: issued.refreshToken,
      refreshExpiresAt: T0 + 604_800_000,
      issuedAt: T0,
      ...overrides,
    },
    grant: 'authorization_code',
    createdAt: T0,
  };
}

function windowOver(
  storage: FaultySecretStorage,
  server: RotatingTokenServer,
  clocks: { wall: () => number; mono?: () => number } = { wall: () => T0 },
): SessionManager {
  return new SessionManager({
    persistence: new SecretSessionPersistence(storage as unknown as vscode.SecretStorage),
    clientFor: async () => server.client(),
    clock: clocks.wall,
    monotonic: clocks.mono ?? (() => 0),
    crossWindowSettleMs: 20,
    storageRetryDelaysMs: [5, 5],
    loadRetryDelaysMs: [1000],
  });
}

/** Whatever a fresh window finds stored must still refresh at the server: no rotated token was lost. */
async function assertStoredTokensWork(
  storage: FaultySecretStorage,
  server: RotatingTokenServer,
  ids: string[],
): Promise<void> {
  const fresh = windowOver(storage, server);
  await fresh.load();
  assert.deepEqual(
    fresh
      .list()
      .map((session) => session.id)
      .sort(),
    [...ids].sort(),
    'every session is still stored',
  );
  for (const id of ids) {
    assert.ok(server.isLive(fresh.get(id)?.tokens.refreshToken), `the stored refresh token of ${id} is the live one`);
    await fresh.refresh(id);
  }
}

describe('Sessions over a slow, failing SecretStorage (issue 7 item 3)', () => {
  it('two sessions refreshing at once with 5 ms storage latency keep both rotated refresh tokens (5 runs)', async () => {
    for (let run = 0; run < 5; run++) {
      const server = new RotatingTokenServer();
      const storage = new FaultySecretStorage();
      const window = windowOver(storage, server);
      const a = await window.add(sessionFor(server, 'a'));
      const b = await window.add(sessionFor(server, 'b'));
      storage.latencyMs = 5;
      await Promise.all([window.refresh(a.id), window.refresh(b.id)]);
      // The next round in the same window must start from the rotated tokens, not an older stored copy.
      await Promise.all([window.refresh(a.id), window.refresh(b.id)]);
      assert.deepEqual(
        window
          .list()
          .map((session) => session.id)
          .sort(),
        [a.id, b.id].sort(),
      );
      await assertStoredTokensWork(storage, server, [a.id, b.id]);
    }
  });

  it('two windows refreshing different sessions at once (one storage, 5 ms latency) keep both', async () => {
    const server = new RotatingTokenServer();
    const storage = new FaultySecretStorage();
    const windowA = windowOver(storage, server);
    const a = await windowA.add(sessionFor(server, 'a'));
    const b = await windowA.add(sessionFor(server, 'b'));
    const windowB = windowOver(storage, server);
    await windowB.load();
    storage.latencyMs = 5;
    await Promise.all([windowA.refresh(a.id), windowB.refresh(b.id)]);
    await assertStoredTokensWork(storage, server, [a.id, b.id]);
  });

  it("a stale window's failed refresh never writes its older tokens over the ones another window rotated", async () => {
    const server = new RotatingTokenServer();
    const storage = new FaultySecretStorage();
    const windowA = windowOver(storage, server);
    const session = await windowA.add(sessionFor(server, 'a'));
    const windowB = windowOver(storage, server);
    await windowB.load();
    storage.latencyMs = 5;
    // B's request is held until A has rotated and stored, then fails with a 503 (the server used nothing).
    let releaseB: () => void = () => undefined;
    const aStored = new Promise<void>((resolve) => (releaseB = resolve));
    let bSent: () => void = () => undefined;
    const bHasSent = new Promise<void>((resolve) => (bSent = resolve));
    let held = false;
    server.beforeAnswer = async () => {
      if (held) return undefined;
      held = true;
      bSent();
      await aStored;
      return new RingCentralApiError({ status: 503, message: 'Service Unavailable' });
    };
    const fromB = windowB.refresh(session.id).catch((error: unknown) => error);
    await bHasSent; // B has read the stored copy and sent its refresh token
    const rotated = await windowA.refresh(session.id);
    releaseB();
    assert.ok((await fromB) instanceof RingCentralApiError);
    assert.equal(
      storage.peekSessions()[0]?.tokens.refreshToken ??
        JSON.parse(storage.values.get('ringcentral.sessions.v1') ?? '[{}]')[0]?.tokens?.refreshToken,
      rotated.tokens.refreshToken,
    );
    await assertStoredTokensWork(storage, server, [session.id]);
  });

  it('a failed write after a refresh is retried: the refresh succeeds and the rotated token is stored', async () => {
    const server = new RotatingTokenServer();
    const storage = new FaultySecretStorage();
    const window = windowOver(storage, server);
    const session = await window.add(sessionFor(server, 'a'));
    storage.failWrites = 1;
    const refreshed = await window.refresh(session.id);
    assert.ok(server.isLive(refreshed.tokens.refreshToken));
    await assertStoredTokensWork(storage, server, [session.id]);
  });

  it('a write that keeps failing: the user is told, the newer in-memory tokens are kept and used, and saved once storage works', async () => {
    const server = new RotatingTokenServer();
    const storage = new FaultySecretStorage();
    const window = windowOver(storage, server);
    const notices: SessionNotice[] = [];
    window.onNotice((notice) => notices.push(notice));
    const session = await window.add(sessionFor(server, 'a'));
    storage.failWrites = 1000;
    const first = await window.refresh(session.id);
    assert.deepEqual(
      notices.map((notice) => notice.kind),
      ['storageWriteFailed'],
    );
    // The stored copy is older now; the next refresh must still send the newer in-memory token (else OAU-213).
    const second = await window.refresh(session.id);
    assert.notEqual(second.tokens.refreshToken, first.tokens.refreshToken);
    assert.equal(window.list().length, 1, 'the session was not signed out');
    storage.failWrites = 0;
    await window.refreshDue(); // the timer also saves what only memory holds
    assert.deepEqual(
      notices.map((notice) => notice.kind),
      ['storageWriteFailed', 'storageWriteRecovered'],
    );
    await assertStoredTokensWork(storage, server, [session.id]);
  });
});

describe('Reloading on every SecretStorage change, as the extension does', () => {
  it('a load started by our own write neither drops a new session nor brings back a removed one', async () => {
    const server = new RotatingTokenServer();
    const storage = new FaultySecretStorage();
    storage.latencyMs = 2;
    const window = windowOver(storage, server);
    const loads: Array<Promise<unknown>> = [];
    storage.onDidChange(() => loads.push(window.load()));
    const events: string[] = [];
    window.onDidChange((change) => events.push(change.type));
    const session = await window.add(sessionFor(server, 'a'));
    await Promise.all(loads);
    assert.deepEqual(
      window.list().map((s) => s.id),
      [session.id],
    );
    await window.refresh(session.id);
    await Promise.all(loads);
    assert.deepEqual(
      window.list().map((s) => s.id),
      [session.id],
    );
    assert.deepEqual(
      events.filter((type) => type !== 'changed'),
      ['added'],
      'never removed (and re-added) on the way',
    );
    await window.signOut(session.id);
    await Promise.all(loads);
    assert.deepEqual(window.list(), []);
    assert.deepEqual(
      events.filter((type) => type !== 'changed'),
      ['added', 'removed'],
    );
    assert.deepEqual(storage.peekSessions(), []);
  });
});

describe('A SecretStorage that cannot be read at startup (issue 7 item 11)', () => {
  it('load resolves with the reason, starts with no sessions, deletes nothing, and a retry brings them back', async () => {
    const server = new RotatingTokenServer();
    const storage = new FaultySecretStorage();
    const earlier = windowOver(storage, server);
    const kept = await earlier.add(sessionFor(server, 'kept'));
    const before = new Map(storage.values);
    storage.readError = new Error('Cannot create an item in a locked collection');

    let now = T0;
    const window = windowOver(storage, server, { wall: () => now });
    const notices: SessionNotice[] = [];
    window.onNotice((notice) => notices.push(notice));
    const problem = await window.load(); // the old code threw here, and activation died with it
    assert.match(String(problem), /locked collection/);
    assert.deepEqual(window.list(), []);
    assert.deepEqual(
      notices.map((notice) => notice.kind),
      ['storageReadFailed'],
    );
    assert.match(window.storageReadProblem()?.error.message ?? '', /locked collection/);

    // Signing in meanwhile works in memory and must not replace what is stored.
    const added = await window.add(sessionFor(server, 'new'));
    assert.deepEqual(
      new Map([...storage.values].filter(([key]) => before.has(key))),
      before,
      'nothing stored was changed or deleted',
    );

    // The retry waits for its pause, then reads again.
    storage.readError = undefined;
    await window.retryLoadIfDue();
    assert.equal(window.get(kept.id), undefined, 'not before the pause is over');
    now += 1000;
    await window.refreshDue();
    assert.deepEqual(
      window
        .list()
        .map((session) => session.id)
        .sort(),
      [kept.id, added.id].sort(),
    );
    assert.equal(window.storageReadProblem(), undefined);
    await assertStoredTokensWork(storage, server, [kept.id, added.id]);
  });
});

describe('Expired sessions, clock steps and 401s (issue 7 item 10)', () => {
  it('a session whose refresh token expired is marked expired, said so once, and its access token is not handed out', async () => {
    const server = new RotatingTokenServer();
    const storage = new FaultySecretStorage();
    let now = T0;
    const window = windowOver(storage, server, { wall: () => now });
    const notices: SessionNotice[] = [];
    window.onNotice((notice) => notices.push(notice));
    const session = await window.add(
      sessionFor(server, 'a', { accessExpiresAt: T0 + 3_600_000, refreshExpiresAt: T0 + 7_200_000 }),
    );
    now = T0 + 8_000_000;
    await assert.rejects(window.accessToken(session.id), /expired.*Sign in again/);
    assert.equal(window.status(session).state, 'expired');
    await window.refreshDue();
    assert.deepEqual(
      notices.map((notice) => notice.kind),
      ['expired'],
    );
    assert.equal(window.list().length, 1, 'kept (RingCentral has not said it is dead), but not handed out');
  });

  it('the wall clock stepping back 2 hours does not stop refreshes: the monotonic clock says when the token expires', async () => {
    const server = new RotatingTokenServer();
    const storage = new FaultySecretStorage();
    let wall = T0;
    let mono = 1_000;
    const window = windowOver(storage, server, { wall: () => wall, mono: () => mono });
    const session = await window.add(sessionFor(server, 'a', { accessExpiresAt: T0 + 3_600_000 }));
    assert.deepEqual(window.due(), []); // first sight of the token starts its monotonic countdown
    // 50 minutes pass, then the wall clock is stepped back 2 hours.
    mono += 50 * 60_000;
    wall = T0 + 50 * 60_000 - 2 * 3_600_000;
    assert.deepEqual(window.due(), []);
    mono += 9 * 60_000 + 1; // 59 minutes after issue: within the 60 s lead by the clock that never steps
    wall += 9 * 60_000 + 1;
    assert.deepEqual(
      window.due().map((s) => s.id),
      [session.id],
    );
    await window.refreshDue();
    assert.notEqual(window.get(session.id)?.tokens.accessToken, session.tokens.accessToken);
  });

  it('an API call answered 401 refreshes once and repeats once; a second 401 is returned, never looped', async () => {
    const server = new RotatingTokenServer();
    const storage = new FaultySecretStorage();
    const window = windowOver(storage, server);
    const session = await window.add(sessionFor(server, 'a', { accessExpiresAt: T0 + 3_600_000 }));
    const unauthorized = () =>
      new RingCentralApiError({ status: 401, code: 'TokenInvalid', message: 'Access token expired' });
    const seen: string[] = [];
    const result = await callWithAccessToken(window, session.id, async (token) => {
      seen.push(token);
      if (token === session.tokens.accessToken) throw unauthorized();
      return 'ok';
    });
    assert.equal(result, 'ok');
    assert.equal(seen.length, 2);
    assert.equal(server.refreshes, 1);
    let calls = 0;
    await assert.rejects(
      callWithAccessToken(window, session.id, async () => {
        calls++;
        throw unauthorized();
      }),
      /Access token expired/,
    );
    assert.equal(calls, 2);
    assert.equal(server.refreshes, 2);
  });
});
