// What every exporter takes: a description of the active profile, never its secrets. Secrets reach an exported
// artefact only as variable names (ENV below), unless the caller hands them over explicitly ("include secrets").
import { AUTHORIZE_PATH, REVOKE_PATH, TOKEN_PATH, WHO_AM_I_PATH } from '../ringcentral/ringcentralClient';

export type ExportFlow = 'authorizationCode' | 'jwt';

export interface ExportProfile {
  /** A label for file names and titles ("Production", "My CRM app"). */
  name: string;
  /** Base URL, e.g. https://platform.ringcentral.com */
  server: string;
  clientId: string;
  flow: ExportFlow;
  /** The redirect URI this profile signs in with (authorization code only). */
  redirectUri?: string;
  /** The URIs registered on the app in the Developer Console, when known. */
  registeredRedirectUris?: string[];
  /** Whether the app is confidential (has a client secret): Basic client authentication instead of client_id. */
  hasClientSecret: boolean;
}

/** Secret values, only for "include secrets" exports. */
export interface ExportSecrets {
  clientSecret?: string;
  jwt?: string;
}

export type ExportWarningCode =
  | 'no-registered-redirect-uri'
  | 'redirect-uri-not-registered'
  | 'custom-scheme-redirect'
  | 'jwt-without-secret'
  | 'masked-value-kept'
  | 'header-line-break-removed';

export interface ExportWarning {
  code: ExportWarningCode;
  message: string;
}

/** The environment variable (and Postman variable) names, the same in every artefact. */
export const ENV = {
  server: 'RINGCENTRAL_SERVER_URL',
  clientId: 'RINGCENTRAL_CLIENT_ID',
  clientSecret: 'RINGCENTRAL_CLIENT_SECRET',
  jwt: 'RINGCENTRAL_JWT',
  redirectUri: 'RINGCENTRAL_REDIRECT_URI',
  authCode: 'RINGCENTRAL_AUTH_CODE',
  codeVerifier: 'RINGCENTRAL_CODE_VERIFIER',
  accessToken: 'RINGCENTRAL_ACCESS_TOKEN',
  refreshToken: 'RINGCENTRAL_REFRESH_TOKEN',
  tokenFile: 'RINGCENTRAL_TOKEN_FILE',
} as const;

export const PATHS = {
  authorize: AUTHORIZE_PATH,
  token: TOKEN_PATH,
  revoke: REVOKE_PATH,
  whoAmI: WHO_AM_I_PATH,
} as const;

export const JWT_GRANT_TYPE = 'urn:ietf:params:oauth:grant-type:jwt-bearer';

/** Where each setting a generated artefact depends on lives in the Developer Console. */
export const CONSOLE_HINTS = {
  redirect: 'Developer Console → your app → Settings → Auth → OAuth Redirect URI (must match byte for byte)',
  permissions:
    'Developer Console → your app → Settings → Application scopes: add ReadAccounts (who-am-I needs it); sign in again after a change',
  refresh: 'Developer Console → your app → Settings → Auth → "Issue refresh tokens?" must be on for the refresh step',
  jwt: 'Developer Console → Credentials → JWT: create a JWT credential for the user (and allow this app to use it)',
  secret: 'Developer Console → your app → Credentials → Client Secret (only confidential apps have one)',
} as const;

/** The server without a trailing slash, so `${server}${path}` never doubles it. */
export function serverBase(profile: Pick<ExportProfile, 'server'>): string {
  return profile.server.replace(/\/+$/, '');
}

export interface ChosenRedirect {
  redirectUri?: string;
  warnings: ExportWarning[];
}

/**
 * The redirect URI an exported artefact should use: the profile's own when it is registered (or nothing is known),
 * else a registered one. Warns when none is registered or the choice cannot be opened by a plain browser tool.
 */
export function chooseRedirectUri(profile: ExportProfile): ChosenRedirect {
  const warnings: ExportWarning[] = [];
  const registered = profile.registeredRedirectUris;
  let chosen = profile.redirectUri;
  if (registered !== undefined) {
    if (registered.length === 0) {
      warnings.push({
        code: 'no-registered-redirect-uri',
        message: `No redirect URI is registered for ${profile.clientId} (RingCentral answers OAU-113). Add one in ${CONSOLE_HINTS.redirect}, then export again.`,
      });
      chosen = profile.redirectUri;
    } else if (!chosen || !registered.includes(chosen)) {
      if (chosen) {
        warnings.push({
          code: 'redirect-uri-not-registered',
          message: `${chosen} is not among the registered redirect URIs; the export uses ${registered[0]} instead.`,
        });
      }
      chosen = registered.find((uri) => /^https?:/i.test(uri)) ?? registered[0];
    }
  }
  if (!chosen && !warnings.some((warning) => warning.code === 'no-registered-redirect-uri')) {
    warnings.push({
      code: 'no-registered-redirect-uri',
      message: `No redirect URI is known for ${profile.clientId}: register one in ${CONSOLE_HINTS.redirect} and set it in the export.`,
    });
  }
  if (chosen && !/^https?:/i.test(chosen)) {
    warnings.push({
      code: 'custom-scheme-redirect',
      message: `${chosen} is not an http(s) address: a browser-based tool cannot catch it. Register an http://localhost or https redirect URI for tools such as Postman.`,
    });
  }
  return { redirectUri: chosen, warnings };
}

/** The redirect an export uses; its warnings only matter to the authorization-code flow (JWT never redirects). */
export function exportRedirect(profile: ExportProfile): ChosenRedirect {
  const chosen = chooseRedirectUri(profile);
  return {
    redirectUri: chosen.redirectUri,
    warnings: profile.flow === 'authorizationCode' ? [...chosen.warnings] : [],
  };
}

/** A readable, portable file-name stem from a profile name. */
export function fileStem(profile: Pick<ExportProfile, 'name'>): string {
  const stem = profile.name
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .toLowerCase()
    .slice(0, 60);
  return stem || 'ringcentral';
}
