// Sessions in a key-value secret store (VS Code's SecretStorage, the OS keychain): one key per session plus an
// index of ids, so refreshing one session never rewrites — and never races with — another session's tokens.
// The old single-JSON key is migrated on first read and deleted only once every session in it is stored anew.
import { parseStoredSessions, StoredSession } from './session';
import type { SessionPersistence } from './sessionPorts';

/** The part of vscode.SecretStorage this store needs. */
export interface SecretKeyValueStore {
  get(key: string): PromiseLike<string | undefined>;
  store(key: string, value: string): PromiseLike<void>;
  delete(key: string): PromiseLike<void>;
}

/** Before version 2 all sessions were one JSON array under this key. */
export const LEGACY_SESSIONS_KEY = 'ringcentral.sessions.v1';
export const SESSION_INDEX_KEY = 'ringcentral.sessions.v2';
const SESSION_KEY_PREFIX = 'ringcentral.session.v2:';

export function sessionKey(id: string): string {
  return `${SESSION_KEY_PREFIX}${id}`;
}

/** Whether a changed secret is one of ours (another window signed in, refreshed or signed out). */
export function isSessionStorageKey(key: string): boolean {
  return key === SESSION_INDEX_KEY || key === LEGACY_SESSIONS_KEY || key.startsWith(SESSION_KEY_PREFIX);
}

export class SecretSessionStore implements SessionPersistence {
  constructor(private readonly secrets: SecretKeyValueStore) {}

  async readAll(): Promise<StoredSession[]> {
    const ids = await this.readIndex();
    const sessions = await Promise.all(ids.map((id) => this.read(id)));
    return sessions.filter((session): session is StoredSession => session !== undefined);
  }

  async read(id: string): Promise<StoredSession | undefined> {
    const text = await this.secrets.get(sessionKey(id));
    if (text === undefined) return undefined;
    return parseStoredSessions(`[${text}]`).find((session) => session.id === id);
  }

  async put(session: StoredSession): Promise<void> {
    await this.secrets.store(sessionKey(session.id), JSON.stringify(session));
    await this.updateIndex((ids) => (ids.includes(session.id) ? ids : [...ids, session.id]));
  }

  async remove(id: string): Promise<void> {
    await this.updateIndex((ids) => ids.filter((candidate) => candidate !== id));
    await this.secrets.delete(sessionKey(id));
  }

  /**
   * Read-modify-write of the id list. Another window may write it between our read and write, so read it back
   * and redo the change until it holds (a few rounds at most; the index changes only on sign-in and sign-out).
   */
  private async updateIndex(change: (ids: string[]) => string[]): Promise<void> {
    for (let round = 0; round < 5; round++) {
      const ids = await this.readIndex();
      const next = change(ids);
      if (sameIds(ids, next)) return;
      await this.secrets.store(SESSION_INDEX_KEY, JSON.stringify(next));
      const written = await this.readIndex();
      if (sameIds(change(written), written)) return;
    }
  }

  /** The index; on first use, moves the version-1 sessions over. A read failure throws (nothing is written then). */
  private async readIndex(): Promise<string[]> {
    const text = await this.secrets.get(SESSION_INDEX_KEY);
    if (text !== undefined) return parseIds(text);
    const legacyText = await this.secrets.get(LEGACY_SESSIONS_KEY);
    if (legacyText === undefined) return [];
    const legacy = parseStoredSessions(legacyText);
    if (legacy.length === 0) return []; // unreadable: leave it where it is rather than delete it
    for (const session of legacy) await this.secrets.store(sessionKey(session.id), JSON.stringify(session));
    await this.secrets.store(SESSION_INDEX_KEY, JSON.stringify(legacy.map((session) => session.id)));
    await this.secrets.delete(LEGACY_SESSIONS_KEY);
    return legacy.map((session) => session.id);
  }
}

function parseIds(text: string): string[] {
  try {
    const parsed: unknown = JSON.parse(text);
    return Array.isArray(parsed) ? [...new Set(parsed.filter((id): id is string => typeof id === 'string'))] : [];
  } catch {
    return [];
  }
}

function sameIds(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((id) => b.includes(id));
}
