// "Export .http": the same requests as the Postman export, as a file for the REST Client extension (humao.rest-client):
// sign-in, refresh, who-am-I, revoke. Tokens chain through request variables (`# @name signIn`, then
// `@accessToken = {{signIn.response.body.$.access_token}}`); secrets are `{{$dotenv …}}` (or `{{$processEnv …}}`)
// references, never values.
import { CONSOLE_HINTS, ENV, exportRedirect, fileStem, JWT_GRANT_TYPE, PATHS, serverBase } from './profile';
import type { ExportProfile, ExportWarning } from './profile';

export interface HttpFileOptions {
  /** Where the secrets come from: a .env file beside the .http file (default) or the editor's environment. */
  secretSource?: 'dotenv' | 'processEnv';
}

export interface HttpFileExport {
  fileName: string;
  text: string;
  warnings: ExportWarning[];
}

/** A value on one line: a file variable or header cannot continue onto the next. */
const oneLine = (value: string): string => value.replace(/[\r\n]+/g, ' ');

export function buildHttpFile(profile: ExportProfile, options: HttpFileOptions = {}): HttpFileExport {
  const source = options.secretSource ?? 'dotenv';
  const secret = (name: string): string => `{{$${source} ${name}}}`;
  const chosen = exportRedirect(profile);
  const warnings = chosen.warnings;
  const where =
    source === 'dotenv'
      ? 'a .env file beside this file (NAME=value lines; keep it out of version control)'
      : 'the environment VS Code was started from';

  const lines = [
    `# RingCentral OAuth: ${oneLine(profile.name)} (${oneLine(serverBase(profile))}, client id ${oneLine(profile.clientId)})`,
    '# For the REST Client extension: "Send Request" above each request, in order.',
    `# Secrets are read from ${where}:`,
  ];
  if (profile.hasClientSecret) lines.push(`#   ${ENV.clientSecret} (${CONSOLE_HINTS.secret})`);
  if (profile.flow === 'jwt') {
    lines.push(`#   ${ENV.jwt} (${CONSOLE_HINTS.jwt})`);
  } else {
    lines.push(
      `#   ${ENV.authCode} and ${ENV.codeVerifier}: a code from a sign-in you started (it lives about 60 s) and its`,
      '#   PKCE verifier. The extension\'s "Sign In" is the easier way to a token; this request shows the exchange.',
      `# Redirect URI ${oneLine(chosen.redirectUri ?? '(none registered)')}: ${CONSOLE_HINTS.redirect}.`,
    );
  }
  lines.push(`# ${CONSOLE_HINTS.permissions}.`, `# ${CONSOLE_HINTS.refresh}.`, '');

  lines.push(`@server = ${oneLine(serverBase(profile))}`, `@clientId = ${oneLine(profile.clientId)}`);
  if (profile.hasClientSecret) lines.push(`@clientSecret = ${secret(ENV.clientSecret)}`);
  if (profile.flow === 'jwt') {
    lines.push(`@jwt = ${secret(ENV.jwt)}`);
  } else {
    lines.push(
      `@redirectUri = ${oneLine(chosen.redirectUri ?? '')}`,
      `@authCode = ${secret(ENV.authCode)}`,
      `@codeVerifier = ${secret(ENV.codeVerifier)}`,
    );
  }
  lines.push(
    '@accessToken = {{signIn.response.body.$.access_token}}',
    '@refreshToken = {{signIn.response.body.$.refresh_token}}',
    '',
  );

  // Confidential apps authenticate with Basic (REST Client encodes "id:secret"); public apps name themselves in the body.
  const clientHeader = profile.hasClientSecret ? ['Authorization: Basic {{clientId}}:{{clientSecret}}'] : [];
  const clientField = profile.hasClientSecret ? [] : ['&client_id={{clientId}}'];
  const formHeaders = [...clientHeader, 'Content-Type: application/x-www-form-urlencoded', 'Accept: application/json'];

  const signIn =
    profile.flow === 'jwt'
      ? [
          '### Sign in with the JWT credential',
          `grant_type=${encodeURIComponent(JWT_GRANT_TYPE)}`,
          '&assertion={{jwt}}',
        ]
      : [
          '### Exchange an authorization code (PKCE); redirect_uri must be the one the authorize request used',
          'grant_type=authorization_code',
          '&code={{authCode}}',
          '&redirect_uri={{redirectUri}}',
          '&code_verifier={{codeVerifier}}',
        ];
  lines.push(signIn[0], '# @name signIn', `POST {{server}}${PATHS.token}`, ...formHeaders, '', ...signIn.slice(1));
  lines.push(...clientField, '');

  lines.push(
    '### Who am I, with the access token from the sign-in',
    '# @name whoAmI',
    `GET {{server}}${PATHS.whoAmI}`,
    'Authorization: Bearer {{accessToken}}',
    'Accept: application/json',
    '',
    '### Refresh',
    '# RingCentral rotates the refresh token: the one used is dead, and so is the old access token.',
    '# A second refresh needs {{refresh.response.body.$.refresh_token}}.',
    '# @name refresh',
    `POST {{server}}${PATHS.token}`,
    ...formHeaders,
    '',
    'grant_type=refresh_token',
    '&refresh_token={{refreshToken}}',
    ...clientField,
    '',
    '### Revoke (sign out)',
    '# Ends the refreshed session, access and refresh token. Without a refresh, send token={{accessToken}}.',
    '# @name revoke',
    `POST {{server}}${PATHS.revoke}`,
    ...formHeaders,
    '',
    'token={{refresh.response.body.$.access_token}}',
    ...clientField,
    '',
  );
  return { fileName: `${fileStem(profile)}.http`, text: lines.join('\n'), warnings };
}
