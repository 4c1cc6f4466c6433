// Sessions and client secrets in SecretStorage, with an in-memory SecretStorage (a Map plus an emitter).
import * as assert from 'node:assert/strict';
import type * as vscode from 'vscode';
import { SessionManager } from '../../src/core/sessionManager';
import type { StoredSession } from '../../src/core/session';
import { ClientSecrets, clientSecretKey, SecretSessionPersistence, SESSIONS_KEY } from '../../src/vscode/secretStore';

class MemorySecretStorage {
  readonly values = new Map<string, string>();
  private readonly listeners: Array<(event: { key: string }) => void> = [];
  readonly onDidChange = (listener: (event: { key: string }) => void) => {
    this.listeners.push(listener);
    return { dispose: () => undefined };
  };
  async get(key: string): Promise<string | undefined> {
    return this.values.get(key);
  }
  async store(key: string, value: string): Promise<void> {
    this.values.set(key, value);
    this.listeners.forEach((listener) => listener({ key }));
  }
  async delete(key: string): Promise<void> {
    this.values.delete(key);
    this.listeners.forEach((listener) => listener({ key }));
  }
}

const asSecretStorage = (storage: MemorySecretStorage) => storage as unknown as vscode.SecretStorage;

function session(ownerId: string): Omit<StoredSession, 'id'> {
  return {
    server: 'https://platform.ringcentral.com',
    clientId: 'client-1',
    account: { id: ownerId, label: `User ${ownerId}`, profileKnown: true },
    tokens: { accessToken: `access-${ownerId}`, tokenType: 'bearer', accessExpiresAt: 2_000_000, refreshToken: `refresh-${ownerId}`, refreshExpiresAt: 9_000_000, issuedAt: 1_000_000 },
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
    assert.deepEqual(reloaded.list().map((s) => [s.account.id, s.tokens.refreshToken]), [['101', 'refresh-101']]);
  });

  it('keeps several accounts side by side under one key, and deletes the key when the last one goes', async () => {
    const storage = new MemorySecretStorage();
    const sessions = manager(storage);
    const first = await sessions.add(session('101'));
    await sessions.add(session('102'));
    assert.equal((JSON.parse(storage.values.get(SESSIONS_KEY) ?? '[]') as unknown[]).length, 2);
    await sessions.signOut(first.id); // revoke fails (no network): still deleted locally
    await sessions.signOut(sessions.list()[0].id);
    assert.equal(storage.values.has(SESSIONS_KEY), false);
  });

  it('a damaged stored value loads as no sessions instead of failing activation', async () => {
    const storage = new MemorySecretStorage();
    storage.values.set(SESSIONS_KEY, '{not json');
    const sessions = manager(storage);
    await sessions.load();
    assert.deepEqual(sessions.list(), []);
    storage.values.set(SESSIONS_KEY, JSON.stringify([{ id: 'x' }, { ...session('103'), id: 'ok' }]));
    await sessions.load();
    assert.deepEqual(sessions.list().map((s) => s.id), ['ok'], 'entries that are not sessions are dropped, the rest kept');
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
