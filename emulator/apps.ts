// The "Developer Console" app registry: apps by client id, validated like RingCentral's settings page.
import { AppRegistration, GRANT_TYPES, GrantType, JWT_BEARER_GRANT } from './types';

export const MAX_REDIRECT_URIS = 10;

const EDITOR_REDIRECT_URIS = [
  'vscode://rcdevtools.ringcentral-oauth/callback',
  'vscode-insiders://rcdevtools.ringcentral-oauth/callback',
  'code-oss://rcdevtools.ringcentral-oauth/callback',
  'http://127.0.0.1:53134/callback',
];

export const DEMO_APP: AppRegistration = {
  clientId: 'demo-client-id',
  name: 'RingCentral OAuth Toolkit (demo)',
  redirectUris: [...EDITOR_REDIRECT_URIS],
  permissions: ['ReadAccounts', 'ReadContacts', 'Contacts', 'ReadCallLog'],
  issueRefreshTokens: true,
  grantTypes: ['authorization_code', 'refresh_token', JWT_BEARER_GRANT],
};

/**
 * An app created in the Developer Console for the JWT flow ("no UI", server-to-server): confidential, no redirect
 * URI (authorize answers OAU-113), no authorization code grant (a code exchange answers OAU-251).
 */
export const JWT_ONLY_APP: AppRegistration = {
  clientId: 'jwt-only-client-id',
  clientSecret: 'jwt-only-client-secret',
  name: 'JWT only (server app)',
  redirectUris: [],
  permissions: ['ReadAccounts', 'ReadContacts', 'Contacts'],
  issueRefreshTokens: true,
  grantTypes: [JWT_BEARER_GRANT, 'refresh_token'],
};

/** A confidential web app set up for the authorization code flow only: a JWT grant answers OAU-251. */
export const AUTH_CODE_ONLY_APP: AppRegistration = {
  clientId: 'auth-code-only-client-id',
  clientSecret: 'auth-code-only-client-secret',
  name: 'Auth code only (web app)',
  redirectUris: [...EDITOR_REDIRECT_URIS],
  permissions: ['ReadAccounts', 'ReadContacts'],
  issueRefreshTokens: true,
  grantTypes: ['authorization_code', 'refresh_token'],
};

/** What `startEmulator()` without `apps`, the CLI and `npm start` register. */
export const DEFAULT_APPS: readonly AppRegistration[] = [DEMO_APP, JWT_ONLY_APP, AUTH_CODE_ONLY_APP];

// Shared by every emulator in the process: frozen so no test can change another's apps.
for (const app of DEFAULT_APPS) {
  for (const value of [app, app.redirectUris, app.permissions, app.grantTypes]) {
    Object.freeze(value);
  }
}
Object.freeze(DEFAULT_APPS);

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
