// The apps, redirect URIs and emulator set-up that the diagnosis flow tests (diagnosis*.test.ts) share: each app is
// registered wrong (or right) in one way that a test turns into a real failure.
import * as assert from 'node:assert/strict';
import { knownIds } from '../../src/core/diagnosis/knowledgeBase';
import { loopbackRedirectUri, uriHandlerCallbackUri } from '../../src/core/redirect/redirectUri';
import { AUTHORIZE_PATH } from '../../src/core/ringcentral/ringcentralClient';
import { AppRegistration } from '../../emulator/server';
import { useEmulator } from '../../emulator/test/emulatorTestUtils';

export const VSCODE_REDIRECT = uriHandlerCallbackUri('vscode');
export const LOOPBACK_PORT = 53134;
export const LOOPBACK_REDIRECT = loopbackRedirectUri(LOOPBACK_PORT);
export const WRONG_PORT_REDIRECT = 'http://127.0.0.1:5000/callback';

/** Created as a "no UI" app: no OAuth redirect URI. */
export const NO_REDIRECT_APP: AppRegistration = {
  clientId: 'no-redirect-app',
  name: 'No redirect yet',
  redirectUris: [],
  permissions: ['ReadAccounts'],
  issueRefreshTokens: true,
  grantTypes: ['authorization_code', 'refresh_token'],
};

/** Registered for the loopback redirect, but on port 5000. */
export const WRONG_PORT_APP: AppRegistration = {
  clientId: 'loopback-5000-app',
  redirectUris: [WRONG_PORT_REDIRECT],
  permissions: ['ReadAccounts'],
  issueRefreshTokens: true,
  grantTypes: ['authorization_code', 'refresh_token'],
};

export const CONFIDENTIAL_SECRET = 'conf-secret-value-0123456789';
export const CONFIDENTIAL_APP: AppRegistration = {
  clientId: 'confidential-app',
  clientSecret: CONFIDENTIAL_SECRET,
  redirectUris: [VSCODE_REDIRECT, LOOPBACK_REDIRECT],
  permissions: ['ReadAccounts'],
  issueRefreshTokens: true,
  grantTypes: ['authorization_code', 'refresh_token'],
};

/** A public (PKCE-only) app, set up correctly. */
export const PUBLIC_APP: AppRegistration = {
  clientId: 'public-app',
  redirectUris: [VSCODE_REDIRECT, LOOPBACK_REDIRECT],
  permissions: ['ReadAccounts', 'ReadContacts'],
  issueRefreshTokens: true,
  grantTypes: ['authorization_code', 'refresh_token'],
};

export const NO_READ_ACCOUNTS_APP: AppRegistration = {
  clientId: 'no-read-accounts-app',
  redirectUris: [VSCODE_REDIRECT],
  permissions: ['ReadContacts'],
  issueRefreshTokens: true,
  grantTypes: ['authorization_code', 'refresh_token'],
};

/**
 * A fresh emulator for every test of the enclosing describe (closed after it), with the apps above, rate limiting
 * off unless a test turns it on; and a check, before the tests, that every diagnosis id they assert exists.
 */
export function useDiagnosisEmulator() {
  const ctx = useEmulator({
    rateLimit: false,
    autoApprove: true,
    apps: [NO_REDIRECT_APP, WRONG_PORT_APP, CONFIDENTIAL_APP, PUBLIC_APP, NO_READ_ACCOUNTS_APP],
  });

  function authorizeRequests() {
    return ctx.emu.requests.filter((request) => request.path === AUTHORIZE_PATH);
  }

  before(() => {
    // Every id the diagnosis flow tests assert must exist in the knowledge base (a renamed id should fail loudly here).
    const ids = knownIds();
    for (const id of [
      'redirect-uri-not-registered',
      'redirect-uri-mismatch',
      'client-secret-wrong',
      'client-authentication-required',
      'authorization-code-invalid',
      'authorization-code-expired',
      'rate-limited',
      'app-permission-missing',
      'refresh-token-not-found',
      'emulator-not-running',
      'request-timeout',
      'proxy-error-page',
      'malformed-json',
      'access-denied',
    ]) {
      assert.ok(ids.includes(id), `knowledge base has no entry ${id}`);
    }
  });

  return { ctx, authorizeRequests };
}
