// The "Developer Console" app registry: apps by client id, validated like RingCentral's settings page.
import { AppRegistration, DemoUser, GRANT_TYPES, GrantType, JWT_BEARER_GRANT } from './types';

export const MAX_REDIRECT_URIS = 10;

export const DEMO_USER: DemoUser = {
  id: '62264425004',
  accountId: '62264425001',
  extensionNumber: '101',
  name: 'Ada Lovelace',
  email: 'ada@example.com',
};

export const DEMO_APP: AppRegistration = {
  clientId: 'demo-client-id',
  name: 'RingCentral OAuth Toolkit (demo)',
  redirectUris: [
    'vscode://rcdevtools.ringcentral-oauth/callback',
    'vscode-insiders://rcdevtools.ringcentral-oauth/callback',
    'code-oss://rcdevtools.ringcentral-oauth/callback',
    'http://127.0.0.1:53134/callback',
  ],
  permissions: ['ReadAccounts', 'ReadContacts', 'Contacts', 'ReadCallLog'],
  issueRefreshTokens: true,
  grantTypes: ['authorization_code', 'refresh_token', JWT_BEARER_GRANT],
};

// Shared by every emulator in the process: frozen so no test can change another's demo app.
for (const value of [DEMO_USER, DEMO_APP, DEMO_APP.redirectUris, DEMO_APP.permissions, DEMO_APP.grantTypes]) {
  Object.freeze(value);
}

function clone(app: AppRegistration): AppRegistration {
  return {
    ...app,
    redirectUris: [...app.redirectUris],
    permissions: [...app.permissions],
    grantTypes: [...app.grantTypes],
  };
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}

function optionalLifetime(value: unknown, name: string): void {
  if (value !== undefined && (typeof value !== 'number' || !Number.isInteger(value) || value <= 0)) {
    throw new Error(`${name} must be a positive whole number of seconds`);
  }
}

/** Throws with a readable message when the registration could not be saved in the real console either. */
export function validateApp(app: AppRegistration): void {
  if (typeof app.clientId !== 'string' || app.clientId.length === 0) {
    throw new Error('clientId is required');
  }
  if (app.clientSecret !== undefined && (typeof app.clientSecret !== 'string' || app.clientSecret.length === 0)) {
    throw new Error('clientSecret must be a non-empty string when given');
  }
  if (app.name !== undefined && typeof app.name !== 'string') {
    throw new Error('name must be a string');
  }
  if (!isStringArray(app.redirectUris)) {
    throw new Error('redirectUris must be a list of strings');
  }
  if (app.redirectUris.length > MAX_REDIRECT_URIS) {
    throw new Error(`At most ${MAX_REDIRECT_URIS} redirect URIs can be registered`);
  }
  for (const uri of app.redirectUris) {
    validateRedirectUri(uri);
  }
  if (!isStringArray(app.permissions)) {
    throw new Error('permissions must be a list of strings');
  }
  if (typeof app.issueRefreshTokens !== 'boolean') {
    throw new Error('issueRefreshTokens must be true or false');
  }
  if (!isStringArray(app.grantTypes) || !app.grantTypes.every((g) => GRANT_TYPES.includes(g as GrantType))) {
    throw new Error(`grantTypes must be a list of: ${GRANT_TYPES.join(', ')}`);
  }
  optionalLifetime(app.accessTokenLifetimeSeconds, 'accessTokenLifetimeSeconds');
  optionalLifetime(app.refreshTokenLifetimeSeconds, 'refreshTokenLifetimeSeconds');
}

export function validateRedirectUri(uri: string): void {
  if (typeof uri !== 'string' || uri.length === 0) {
    throw new Error('A redirect URI must be a non-empty string');
  }
  let parsed: URL;
  try {
    parsed = new URL(uri);
  } catch {
    throw new Error(`Not an absolute URI: ${uri}`);
  }
  if (parsed.hash) {
    throw new Error(`A redirect URI cannot have a fragment: ${uri}`);
  }
}

export class AppRegistry {
  private readonly apps = new Map<string, AppRegistration>();

  register(app: AppRegistration): void {
    const copy = clone(app);
    validateApp(copy);
    this.apps.set(copy.clientId, copy);
  }

  update(clientId: string, patch: Partial<AppRegistration>): AppRegistration {
    const current = this.apps.get(clientId);
    if (!current) {
      throw new Error(`No app with client id ${clientId}`);
    }
    const next = clone({ ...current, ...patch, clientId });
    validateApp(next);
    this.apps.set(clientId, next);
    return clone(next);
  }

  addRedirectUri(clientId: string, uri: string): AppRegistration {
    const current = this.apps.get(clientId);
    if (!current) {
      throw new Error(`No app with client id ${clientId}`);
    }
    if (current.redirectUris.includes(uri)) {
      return clone(current);
    }
    return this.update(clientId, { redirectUris: [...current.redirectUris, uri] });
  }

  /** The live registration (callers must not mutate it). */
  find(clientId: string | undefined | null): AppRegistration | undefined {
    return clientId ? this.apps.get(clientId) : undefined;
  }

  /** A copy, safe to hand out. */
  get(clientId: string): AppRegistration | undefined {
    const app = this.apps.get(clientId);
    return app ? clone(app) : undefined;
  }

  list(): AppRegistration[] {
    return [...this.apps.values()].map(clone);
  }
}
