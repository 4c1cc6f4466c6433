// Client authentication at the token and revoke endpoints: Basic for apps with a secret, client_id in the
// body for public (PKCE) apps.
import { timingSafeEqual } from 'node:crypto';
import { oauthErrors } from './errors';
import { parseBasicAuth } from './http';
import { AppRegistration } from './types';
import { AppRegistry } from './apps';

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given, 'utf8');
  const b = Buffer.from(expected, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The client id the request claims to be, for rate limiting; undefined when it names none. */
export function claimedClientId(authorization: string | undefined, form: Record<string, string>): string | undefined {
  const basic = parseBasicAuth(authorization);
  return basic.kind === 'basic' ? basic.clientId : form.client_id;
}

/**
 * Returns the authenticated app or throws OAuthError. `secretlessAllowed` says whether an app that has a
 * secret may still go without Basic for this request (authorization_code with a PKCE-bound code).
 */
export function authenticateClient(
  apps: AppRegistry,
  authorization: string | undefined,
  form: Record<string, string>,
  secretlessAllowed: (app: AppRegistration) => boolean,
): AppRegistration {
  const basic = parseBasicAuth(authorization);
  switch (basic.kind) {
    case 'otherScheme':
      throw oauthErrors.authMethodNotSupported();
    case 'malformed':
      throw oauthErrors.malformedAuthHeader();
    case 'basic': {
      const app = apps.find(basic.clientId);
      if (!app) {
        throw oauthErrors.invalidClient(basic.clientId);
      }
      // A public app may send Basic with an empty secret; any other secret is wrong.
      if (!sameSecret(basic.secret, app.clientSecret ?? '')) {
        throw oauthErrors.wrongSecret();
      }
      return app;
    }
    case 'none': {
      const clientId = form.client_id;
      if (!clientId) {
        throw oauthErrors.authHeaderRequired();
      }
      const app = apps.find(clientId);
      if (!app) {
        throw oauthErrors.invalidClient(clientId);
      }
      if (app.clientSecret !== undefined && !secretlessAllowed(app)) {
        throw oauthErrors.authHeaderRequired();
      }
      return app;
    }
  }
}
