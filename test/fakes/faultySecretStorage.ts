// An in-memory SecretStorage (a Map plus an emitter) that can be slow and can fail, for unit tests of one piece.
import { parseStoredSessions, StoredSession } from '../../src/core/session/session';
import { SESSION_INDEX_KEY, sessionKey } from '../../src/core/session/sessionStore';

export class FaultySecretStorage {
  readonly values = new Map<string, string>();
  /** Milliseconds each get/store/delete takes (the keychain is an IPC call away). */
  latencyMs = 0;
  /** The next N store/delete calls throw. */
  failWrites = 0;
  /** Every get throws while set (a locked or missing OS keyring). */
  readError: Error | undefined;
  stores = 0;
  private readonly listeners: Array<(event: { key: string }) => void> = [];

  readonly onDidChange = (listener: (event: { key: string }) => void) => {
    this.listeners.push(listener);
    return { dispose: () => undefined };
  };

  async get(key: string): Promise<string | undefined> {
    await this.pause();
    if (this.readError) throw this.readError;
    return this.values.get(key);
  }

  async store(key: string, value: string): Promise<void> {
    await this.pause();
    this.failIfAsked();
    this.stores++;
    this.values.set(key, value);
    this.listeners.forEach((listener) => listener({ key }));
  }

  async delete(key: string): Promise<void> {
    await this.pause();
    this.failIfAsked();
    this.values.delete(key);
    this.listeners.forEach((listener) => listener({ key }));
  }

  /** The sessions in the version-2 layout, read synchronously. */
  peekSessions(): StoredSession[] {
    const ids = JSON.parse(this.values.get(SESSION_INDEX_KEY) ?? '[]') as string[];
    return ids.flatMap((id) => parseStoredSessions(`[${this.values.get(sessionKey(id)) ?? 'null'}]`));
  }

  setSessions(sessions: unknown[]): void {
    for (const key of [...this.values.keys()]) if (key.startsWith('ringcentral.session')) this.values.delete(key);
    const ids: string[] = [];
    for (const session of sessions) {
      const id = (session as { id?: unknown } | null)?.id;
      if (typeof id !== 'string') continue;
      ids.push(id);
      this.values.set(sessionKey(id), JSON.stringify(session));
    }
    this.values.set(SESSION_INDEX_KEY, JSON.stringify(ids));
  }

  private async pause(): Promise<void> {
    if (this.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, this.latencyMs));
  }

  private failIfAsked(): void {
    if (this.failWrites > 0) {
      this.failWrites--;
      throw new Error('Writing to the OS keyring failed (injected)');
    }
  }
}
