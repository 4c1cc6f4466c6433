// SecretStorage's role for SessionManager in tests of one piece: the real per-session store over an in-memory map.
import type { StoredSession } from '../../src/core/session/session';
import { SecretSessionStore } from '../../src/core/session/sessionStore';
import { FaultySecretStorage } from './faultySecretStorage';

export class MemoryPersistence extends SecretSessionStore {
  readonly storage: FaultySecretStorage;

  constructor(storage = new FaultySecretStorage()) {
    super(storage);
    this.storage = storage;
  }

  /** How many values were written (store calls). */
  get writes(): number {
    return this.storage.stores;
  }

  /** What is stored now, read without latency or faults. */
  stored(): StoredSession[] {
    return this.storage.peekSessions();
  }

  /** Replaces what is stored (another window's doing). */
  setStored(sessions: unknown[]): void {
    this.storage.setSessions(sessions);
  }
}
