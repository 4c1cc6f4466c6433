// SecretStorage's role for SessionManager in tests of one piece: a string that holds the JSON, and a write count.
import { parseStoredSessions, StoredSession } from '../../src/core/session';
import type { SessionPersistence } from '../../src/core/sessionManager';

export class MemoryPersistence implements SessionPersistence {
  text: string | undefined;
  writes = 0;

  async read(): Promise<StoredSession[]> {
    return parseStoredSessions(this.text);
  }

  async write(sessions: StoredSession[]): Promise<void> {
    this.writes++;
    this.text = JSON.stringify(sessions);
  }

  stored(): StoredSession[] {
    return parseStoredSessions(this.text);
  }
}
