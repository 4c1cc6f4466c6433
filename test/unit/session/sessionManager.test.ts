import * as assert from 'node:assert/strict';
import type { RingCentralClient } from '../../../src/core/ringcentral/ringcentralClient';
import { sessionIdFor, StoredSession } from '../../../src/core/session/session';
import { SessionManager } from '../../../src/core/session/sessionManager';
import { LEGACY_SESSIONS_KEY } from '../../../src/core/session/sessionStore';
import { MemoryPersistence } from '../../fakes/memoryPersistence';
import { RingCentralApiError, TransportError } from '../../../src/core/errors';
import type { SessionChange } from '../../../src/core/session/sessionPorts';
import { isDeadRefreshError } from '../../../src/core/session/refreshFailures';

/** SecretStorage stand-in: keeps the JSON text, as the real store does. */
const T0 = Date.UTC(2025, 0, 15, 12, 0, 0);
const SERVER = 'https://platform.ringcentral.com';

function sessionInput(
  overrides: {
    ownerId?: string;
    clientId?: string;
    server?: string;
    createdAt?: number;
    accessExpiresAt?: number;
    refreshToken?: string;
    refreshExpiresAt?: number;
  } = {},
): Omit<StoredSession, 'id'> {
  const ownerId = overrides.ownerId ?? '101';
  return {
    server: overrides.server ?? SERVER,
    clientId: overrides.clientId ?? 'app-1',
    account: { id: ownerId, label: `Extension ${ownerId}`, profileKnown: false },
    tokens: {
      accessToken: `access-${ownerId}`,
      tokenType: 'bearer',
      accessExpiresAt: overrides.accessExpiresAt ?? T0 + 3_600_000,
      refreshToken: 'refreshToken' in overrides ? overrides.refreshToken : `refresh-${ownerId}`,
      refreshExpiresAt: overrides.refreshExpiresAt ?? T0 + 604_800_000,
      issuedAt: T0,
    },
    grant: 'authorization_code',
    createdAt: overrides.createdAt ?? T0,
  };
}

function setup(
  clientFor: () => Promise<RingCentralClient> = () => Promise.reject(new Error('no network in unit tests')),
) {
  let now = T0;
  const persistence = new MemoryPersistence();
  const manager = new SessionManager({ persistence, clientFor, clock: () => now, monotonic: () => now });
  const events: SessionChange[] = [];
  manager.onDidChange((event) => events.push(event));
  return { manager, persistence, events, setNow: (value: number) => (now = value) };
}

describe('SessionManager (unit)', () => {
  it('add stores the session under server|clientId|owner, persists it, and fires added', async () => {
    const { manager, persistence, events } = setup();
    const stored = await manager.add(sessionInput());
    assert.equal(stored.id, `${SERVER}|app-1|101`);
    assert.equal(stored.id, sessionIdFor(SERVER, 'app-1', '101'));
    assert.deepEqual(manager.list(), [stored]);
    assert.deepEqual(manager.get(stored.id), stored);
    assert.deepEqual(persistence.stored(), [stored]);
    assert.deepEqual(events, [{ type: 'added', session: stored }]);
  });

  it('adding the same account again replaces it and fires changed', async () => {
    const { manager, persistence, events } = setup();
    await manager.add(sessionInput());
    const again = await manager.add({ ...sessionInput(), createdAt: T0 + 5 });
    assert.equal(manager.list().length, 1);
    assert.equal(manager.list()[0].createdAt, T0 + 5);
    assert.equal(persistence.stored().length, 1);
    assert.deepEqual(
      events.map((event) => event.type),
      ['added', 'changed'],
    );
    assert.equal(events[1].session, again);
  });

  it('current prefers the configured app, then the most recent session', async () => {
    const { manager } = setup();
    assert.equal(manager.current(), undefined);
    const old = await manager.add(sessionInput({ ownerId: '1', clientId: 'app-1', createdAt: T0 }));
    const newer = await manager.add(sessionInput({ ownerId: '2', clientId: 'app-2', createdAt: T0 + 1000 }));
    const newest = await manager.add(
      sessionInput({ ownerId: '3', clientId: 'app-1', server: 'http://127.0.0.1:4567', createdAt: T0 + 2000 }),
    );
    assert.equal(manager.current()?.id, newest.id);
    assert.equal(manager.current(SERVER, 'app-1')?.id, old.id);
    assert.equal(manager.current(undefined, 'app-2')?.id, newer.id);
    assert.equal(manager.current(undefined, 'app-1')?.id, newest.id);
    // Nothing for this app: the most recent session of any app.
    assert.equal(manager.current(SERVER, 'other-app')?.id, newest.id);
  });

  it('load reads persisted sessions and reports added, changed and removed', async () => {
    const { manager, persistence, events } = setup();
    const a = await manager.add(sessionInput({ ownerId: 'a' }));
    const b = await manager.add(sessionInput({ ownerId: 'b' }));
    events.length = 0;
    // Another window changed the store: a's token refreshed, b signed out, c signed in, plus junk.
    const aChanged = { ...a, tokens: { ...a.tokens, accessToken: 'access-a-2' } };
    const c = { ...b, ...sessionInput({ ownerId: 'c' }), id: sessionIdFor(SERVER, 'app-1', 'c') };
    persistence.setStored([aChanged, c, { id: 'junk' }, 42]);
    await manager.load();
    assert.deepEqual(
      manager.list().map((session) => session.id),
      [a.id, c.id],
    );
    assert.deepEqual(
      events.map((event) => [event.type, event.session.id]),
      [
        ['changed', a.id],
        ['added', c.id],
        ['removed', b.id],
      ],
    );
    events.length = 0;
    await manager.load();
    assert.deepEqual(events, [], 'an unchanged store fires nothing');
  });

  it('load of an empty or corrupt store yields no sessions', async () => {
    const { manager, persistence } = setup();
    persistence.storage.values.set(LEGACY_SESSIONS_KEY, '{not json');
    await manager.load();
    assert.deepEqual(manager.list(), []);
  });

  it('due() honours the 60 s lead and needs a usable refresh token', async () => {
    const { manager, setNow } = setup();
    const expiresAt = T0 + 3_600_000;
    const session = await manager.add(sessionInput({ accessExpiresAt: expiresAt }));
    await manager.add(sessionInput({ ownerId: 'no-refresh', accessExpiresAt: expiresAt, refreshToken: undefined }));
    await manager.add(
      sessionInput({ ownerId: 'refresh-dead', accessExpiresAt: expiresAt, refreshExpiresAt: expiresAt - 120_000 }),
    );
    setNow(expiresAt - 60_001);
    assert.deepEqual(manager.due(), []);
    setNow(expiresAt - 60_000);
    assert.deepEqual(
      manager.due().map((s) => s.id),
      [session.id],
    );
    setNow(expiresAt + 10_000);
    assert.deepEqual(
      manager.due().map((s) => s.id),
      [session.id],
    );
  });

  it('a custom refresh lead is used instead of 60 s', async () => {
    let now = T0;
    const manager = new SessionManager({
      persistence: new MemoryPersistence(),
      clientFor: () => Promise.reject(new Error('x')),
      clock: () => now,
      monotonic: () => now,
      refreshLeadMs: 300_000,
    });
    await manager.add(sessionInput({ accessExpiresAt: T0 + 600_000 }));
    now = T0 + 299_999;
    assert.equal(manager.due().length, 0);
    now = T0 + 300_000;
    assert.equal(manager.due().length, 1);
  });

  it('accessToken returns the stored token while it is not due, without asking for a client', async () => {
    let asked = 0;
    const { manager } = setup(() => {
      asked++;
      return Promise.reject(new Error('no'));
    });
    const session = await manager.add(sessionInput());
    assert.equal(await manager.accessToken(session.id), 'access-101');
    assert.equal(asked, 0);
    await assert.rejects(manager.accessToken('nope'), /Not signed in/);
  });

  it('refresh of a session without refresh token explains the app setting', async () => {
    const { manager } = setup();
    const session = await manager.add(sessionInput({ refreshToken: undefined }));
    await assert.rejects(manager.refresh(session.id), /Issue refresh tokens\?/);
    await assert.rejects(manager.refresh('unknown'), /Not signed in/);
  });

  it('a failure before any request (no client) is transient: the session stays, marked', async () => {
    const { manager, persistence, events } = setup(() => Promise.reject(new Error('secret storage unavailable')));
    const session = await manager.add(sessionInput());
    events.length = 0;
    await assert.rejects(manager.refresh(session.id), /secret storage unavailable/);
    assert.equal(manager.get(session.id)?.refreshError, 'secret storage unavailable');
    assert.equal(persistence.stored()[0].refreshError, 'secret storage unavailable');
    assert.deepEqual(
      events.map((e) => e.type),
      ['changed'],
    );
  });

  it('signOut deletes locally even when no client can be made, and reports it', async () => {
    const { manager, persistence, events } = setup(() => Promise.reject(new Error('offline')));
    const session = await manager.add(sessionInput());
    const other = await manager.add(sessionInput({ ownerId: '202' }));
    events.length = 0;
    const result = await manager.signOut(session.id);
    assert.equal(result.revoked, false);
    assert.match(result.error?.message ?? '', /offline/);
    assert.deepEqual(
      manager.list().map((s) => s.id),
      [other.id],
    );
    assert.deepEqual(
      persistence.stored().map((s) => s.id),
      [other.id],
    );
    assert.deepEqual(events, [{ type: 'removed', session, reason: 'signOut', error: undefined }]);
    assert.deepEqual(await manager.signOut('unknown'), { revoked: false });
  });

  it('isDeadRefreshError: OAU-210/211/213 and invalid_grant, nothing else', () => {
    const api = (code?: string, error?: string) => new RingCentralApiError({ code, error, status: 400 });
    assert.equal(isDeadRefreshError(api('OAU-210')), true);
    assert.equal(isDeadRefreshError(api('OAU-211')), true);
    assert.equal(isDeadRefreshError(api('OAU-213')), true);
    assert.equal(isDeadRefreshError(api(undefined, 'invalid_grant')), true);
    assert.equal(isDeadRefreshError(api('CMN-301')), false);
    assert.equal(isDeadRefreshError(api('OAU-146', 'invalid_client')), false);
    assert.equal(isDeadRefreshError(new TransportError('RESET', 'reset')), false);
    assert.equal(isDeadRefreshError(new Error('OAU-213')), false);
  });
});
