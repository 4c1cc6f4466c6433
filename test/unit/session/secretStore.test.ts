// Sessions and client secrets in SecretStorage, with an in-memory SecretStorage (a Map plus an emitter).
import * as assert from 'node:assert/strict';
import type * as vscode from 'vscode';
import { SessionManager } from '../../../src/core/session/sessionManager';
import type { StoredSession } from '../../../src/core/session/session';
import {
  ClientSecrets,
  clientSecretKey,
  LEGACY_SESSIONS_KEY,
  SecretSessionPersistence,
  SESSION_INDEX_KEY,
  sessionKey,
} from '../../../src/vscode/secretStore';
import { FaultySecretStorage } from '../../fakes/faultySecretStorage';

class MemorySecretStorage extends FaultySecretStorage {}

const asSecretStorage = (storage: MemorySecretStorage) => storage as unknown as vscode.SecretStorage;

function session(ownerId: string): Omit<StoredSession, 'id'> {
  return {
    server: 'https://platform.ringcentral.com',
    clientId: 'client-1',
    account: { id: ownerId, label: `User ${ownerId}`, profileKnown: true },
    tokens: {
      accessToken: `access-${ownerId}`,
      tokenType: 'bearer',
      accessExpiresAt: 2_000_000,
      refreshToken: `refresh-${ownerId}`,
      refreshExpiresAt: 9_000_000,
      issuedAt: 1_000_000,
    },
    grant: 'authorization_code',
    createdAt: 1_000_000,
  };
}

function manager(storage: MemorySecretStorage): SessionManager {
  return new SessionManager({
    persistence: new SecretSessionPersistence(asSecretStorage(storage)),
    clientFor: () => Promise.reject(new Error('no network in this test')),
    clock: () => 1_000_000,
  });
}

describe('SecretStorage persistence', () => {
  it('a session written by one window is read back by a fresh one (a reload)', async () => {
    const storage = new MemorySecretStorage();
    await manager(storage).add(session('101'));
    const reloaded = manager(storage);
    await reloaded.load();
    assert.deepEqual(
      reloaded.list().map((s) => [s.account.id, s.tokens.refreshToken]),
      [['101', 'refresh-101']],
    );
  });

  it('keeps several accounts side by side, one key each plus an index, and deletes each key when its session goes', async () => {
    const storage = new MemorySecretStorage();
    const sessions = manager(storage);
    const first = await sessions.add(session('101'));
    const second = await sessions.add(session('102'));
    assert.deepEqual(JSON.parse(storage.values.get(SESSION_INDEX_KEY) ?? '[]'), [first.id, second.id]);
    assert.ok(storage.values.has(sessionKey(first.id)) && storage.values.has(sessionKey(second.id)));
    await sessions.signOut(first.id); // revoke fails (no network): still deleted locally
    assert.equal(storage.values.has(sessionKey(first.id)), false);
    await sessions.signOut(sessions.list()[0].id);
    assert.deepEqual(JSON.parse(storage.values.get(SESSION_INDEX_KEY) ?? 'null'), []);
    assert.deepEqual([...storage.values.keys()], [SESSION_INDEX_KEY]);
  });

  it('a damaged stored value loads as no sessions instead of failing activation, and is not deleted', async () => {
    const storage = new MemorySecretStorage();
    storage.values.set(LEGACY_SESSIONS_KEY, '{not json');
    const sessions = manager(storage);
    await sessions.load();
    assert.deepEqual(sessions.list(), []);
    assert.equal(storage.values.get(LEGACY_SESSIONS_KEY), '{not json', 'what cannot be read is left alone');
    storage.values.set(LEGACY_SESSIONS_KEY, JSON.stringify([{ id: 'x' }, { ...session('103'), id: 'ok' }]));
    await sessions.load();
    assert.deepEqual(
      sessions.list().map((s) => s.id),
      ['ok'],
      'entries that are not sessions are dropped, the rest kept',
    );
  });

  it('migrates the version-1 single key: every session kept, then the old key deleted', async () => {
    const storage = new MemorySecretStorage();
    const a = { ...session('201'), id: `https://platform.ringcentral.com|client-1|201` };
    const b = { ...session('202'), id: `https://platform.ringcentral.com|client-1|202` };
    storage.values.set(LEGACY_SESSIONS_KEY, JSON.stringify([a, b]));
    const sessions = manager(storage);
    await sessions.load();
    assert.deepEqual(
      sessions.list().map((s) => s.tokens.refreshToken),
      ['refresh-201', 'refresh-202'],
    );
    assert.equal(storage.values.has(LEGACY_SESSIONS_KEY), false);
    assert.deepEqual(JSON.parse(storage.values.get(sessionKey(a.id)) ?? '{}'), a);
    const reloaded = manager(storage);
    await reloaded.load();
    assert.deepEqual(reloaded.list(), sessions.list(), 'a reload reads the migrated copy');
  });

  it('a migration that fails half-way keeps the old key, so the next start migrates again', async () => {
    const storage = new MemorySecretStorage();
    const a = { ...session('301'), id: `https://platform.ringcentral.com|client-1|301` };
    storage.values.set(LEGACY_SESSIONS_KEY, JSON.stringify([a]));
    storage.failWrites = 1;
    const first = manager(storage);
    assert.ok((await first.load()) instanceof Error);
    assert.ok(storage.values.has(LEGACY_SESSIONS_KEY));
    const second = manager(storage);
    assert.equal(await second.load(), undefined);
    assert.deepEqual(
      second.list().map((s) => s.id),
      [a.id],
    );
  });

  it('client secrets are per server and client id; an empty value removes the secret', async () => {
    const storage = new MemorySecretStorage();
    const secrets = new ClientSecrets(asSecretStorage(storage));
    await secrets.set('https://platform.ringcentral.com', 'client-1', '  s3cret  ');
    assert.equal(await secrets.get('https://platform.ringcentral.com', 'client-1'), 's3cret');
    assert.equal(await secrets.get('https://platform.ringcentral.biz', 'client-1'), undefined);
    assert.ok(storage.values.has(clientSecretKey('https://platform.ringcentral.com', 'client-1')));
    await secrets.set('https://platform.ringcentral.com', 'client-1', '');
    assert.equal(await secrets.get('https://platform.ringcentral.com', 'client-1'), undefined);
    assert.equal(storage.values.size, 0);
  });
});
