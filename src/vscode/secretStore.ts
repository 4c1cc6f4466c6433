// Sessions and client secrets live in VS Code's SecretStorage (the OS keychain on desktop).
// Sessions are one JSON value so all windows see the same list; secrets are per server + client id.
import * as vscode from 'vscode';
import { parseStoredSessions, StoredSession } from '../core/session';
import type { SessionPersistence } from '../core/sessionManager';

export const SESSIONS_KEY = 'ringcentral.sessions.v1';

export function clientSecretKey(server: string, clientId: string): string {
  return `ringcentral.clientSecret:${server}|${clientId}`;
}

export class SecretSessionPersistence implements SessionPersistence {
  constructor(private readonly secrets: vscode.SecretStorage) {}

  async read(): Promise<StoredSession[]> {
    return parseStoredSessions(await this.secrets.get(SESSIONS_KEY));
  }

  async write(sessions: StoredSession[]): Promise<void> {
    if (sessions.length === 0) {
      await this.secrets.delete(SESSIONS_KEY);
    } else {
      await this.secrets.store(SESSIONS_KEY, JSON.stringify(sessions));
    }
  }
}

export class ClientSecrets {
  constructor(private readonly secrets: vscode.SecretStorage) {}

  async get(server: string, clientId: string): Promise<string | undefined> {
    return (await this.secrets.get(clientSecretKey(server, clientId))) || undefined;
  }

  /** An empty value removes the secret (the app is then used as a public PKCE client). */
  async set(server: string, clientId: string, secret: string): Promise<void> {
    const key = clientSecretKey(server, clientId);
    if (secret.trim() === '') {
      await this.secrets.delete(key);
    } else {
      await this.secrets.store(key, secret.trim());
    }
  }
}
