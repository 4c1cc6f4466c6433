// Sessions and client secrets live in VS Code's SecretStorage (the OS keychain on desktop).
// Sessions: one key per session plus an index (see core/session/sessionStore); secrets are per server + client id.
import * as vscode from 'vscode';
import { SecretSessionStore } from '../core/session/sessionStore';

export { LEGACY_SESSIONS_KEY, SESSION_INDEX_KEY, sessionKey } from '../core/session/sessionStore';

export function clientSecretKey(server: string, clientId: string): string {
  return `ringcentral.clientSecret:${server}|${clientId}`;
}

/** SessionManager's persistence over SecretStorage. */
export class SecretSessionPersistence extends SecretSessionStore {
  constructor(secrets: vscode.SecretStorage) {
    super(secrets);
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

export function jwtCredentialKey(profile: { server: string; clientId: string; id: string }): string {
  return `ringcentral.jwtCredential:${profile.server}|${profile.clientId}|${profile.id}`;
}

/** JWT credentials, one per profile (each is one user's): pasted once, kept in SecretStorage, never a setting. */
export class JwtCredentialStore {
  constructor(private readonly secrets: vscode.SecretStorage) {}

  async get(profile: { server: string; clientId: string; id: string }): Promise<string | undefined> {
    return (await this.secrets.get(jwtCredentialKey(profile))) || undefined;
  }

  async set(profile: { server: string; clientId: string; id: string }, credential: string): Promise<void> {
    await this.secrets.store(jwtCredentialKey(profile), credential);
  }

  async delete(profile: { server: string; clientId: string; id: string }): Promise<void> {
    await this.secrets.delete(jwtCredentialKey(profile));
  }
}
