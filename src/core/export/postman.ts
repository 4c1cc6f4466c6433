// "Export to Postman": a Postman v2.1 collection and environment for the active profile. The collection's OAuth 2.0
// helper does authorization code + PKCE in the Postman app; its requests (sign-in, refresh, who-am-I, revoke) store
// the tokens they receive in the environment, so they chain — in the app and under newman.
import { createHash } from 'node:crypto';
import { CONSOLE_HINTS, ENV, exportRedirect, fileStem, JWT_GRANT_TYPE, PATHS, serverBase } from './profile';
import type { ExportProfile, ExportSecrets, ExportWarning } from './profile';

export const POSTMAN_SCHEMA_V21 = 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json';

export interface PostmanKeyValue {
  key: string;
  value: string;
  type?: string;
  disabled?: boolean;
}

export interface PostmanAuth {
  type: 'oauth2' | 'bearer' | 'basic' | 'noauth';
  oauth2?: PostmanKeyValue[];
  bearer?: PostmanKeyValue[];
  basic?: PostmanKeyValue[];
}

export interface PostmanEvent {
  listen: 'test' | 'prerequest';
  script: { type: 'text/javascript'; exec: string[] };
}

export interface PostmanItem {
  name: string;
  request: {
    method: string;
    header: PostmanKeyValue[];
    url: string;
    auth?: PostmanAuth;
    body?: { mode: 'urlencoded'; urlencoded: PostmanKeyValue[] };
    description?: string;
  };
  event: PostmanEvent[];
}

export interface PostmanCollection {
  info: { _postman_id: string; name: string; description: string; schema: string };
  auth: PostmanAuth;
  item: PostmanItem[];
}

export interface PostmanEnvironment {
  id: string;
  name: string;
  values: Array<{ key: string; value: string; type: 'default' | 'secret'; enabled: boolean }>;
  _postman_variable_scope: 'environment';
}

export interface PostmanExport {
  collection: PostmanCollection;
  environment: PostmanEnvironment;
  files: Array<{ fileName: string; text: string }>;
  warnings: ExportWarning[];
}

export interface PostmanExportOptions {
  /** Puts these values into the environment (type "secret"); otherwise secret variables are left empty. */
  includeSecrets?: ExportSecrets;
}

const v = (name: string): string => `{{${name}}}`;
const SERVER = v(ENV.server);

/** A stable id per profile, so exporting twice replaces the collection in Postman instead of adding a copy. */
function stableId(profile: ExportProfile, kind: string): string {
  const hex = createHash('sha256')
    .update(`${kind}\n${profile.server}\n${profile.clientId}\n${profile.name}`)
    .digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

const kv = (key: string, value: string, type = 'string'): PostmanKeyValue => ({ key, value, type });

/** Test script lines: check the status, then keep what the response carries for the next requests. */
function tokenScript(what: string): string[] {
  return [
    `pm.test('${what}: HTTP 200', function () {`,
    '  pm.response.to.have.status(200);',
    '});',
    'const body = pm.response.json();',
    'if (pm.response.code !== 200) {',
    "  console.log('RingCentral answered', pm.response.code, JSON.stringify(body.errors || body));",
    '} else {',
    `  pm.environment.set('${ENV.accessToken}', body.access_token);`,
    '  // Refresh tokens rotate: the one just used is dead, so the new one is stored at once.',
    `  if (body.refresh_token) { pm.environment.set('${ENV.refreshToken}', body.refresh_token); }`,
    `  else { pm.environment.unset('${ENV.refreshToken}'); console.log('No refresh token: ${CONSOLE_HINTS.refresh}'); }`,
    '}',
  ];
}

function testEvent(exec: string[]): PostmanEvent[] {
  return [{ listen: 'test', script: { type: 'text/javascript', exec } }];
}

/** Client authentication at the token endpoint: Basic for confidential apps, client_id in the body otherwise. */
function clientAuth(profile: ExportProfile): { auth: PostmanAuth; bodyFields: PostmanKeyValue[] } {
  if (profile.hasClientSecret) {
    return {
      auth: { type: 'basic', basic: [kv('username', v(ENV.clientId)), kv('password', v(ENV.clientSecret))] },
      bodyFields: [],
    };
  }
  return { auth: { type: 'noauth' }, bodyFields: [kv('client_id', v(ENV.clientId), 'text')] };
}

function tokenRequest(
  profile: ExportProfile,
  name: string,
  fields: PostmanKeyValue[],
  exec: string[],
  description: string,
): PostmanItem {
  const { auth, bodyFields } = clientAuth(profile);
  return {
    name,
    request: {
      method: 'POST',
      header: [kv('Accept', 'application/json', 'text')],
      url: `${SERVER}${PATHS.token}`,
      auth,
      body: { mode: 'urlencoded', urlencoded: [...fields, ...bodyFields] },
      description,
    },
    event: testEvent(exec),
  };
}

function signInItem(profile: ExportProfile): PostmanItem {
  if (profile.flow === 'jwt') {
    return tokenRequest(
      profile,
      'Sign in with a JWT credential',
      [kv('grant_type', JWT_GRANT_TYPE, 'text'), kv('assertion', v(ENV.jwt), 'text')],
      tokenScript('JWT sign-in'),
      `Exchanges the JWT credential in ${ENV.jwt} for tokens. ${CONSOLE_HINTS.jwt}.`,
    );
  }
  return tokenRequest(
    profile,
    'Exchange an authorization code (PKCE)',
    [
      kv('grant_type', 'authorization_code', 'text'),
      kv('code', v(ENV.authCode), 'text'),
      kv('redirect_uri', v(ENV.redirectUri), 'text'),
      kv('code_verifier', v(ENV.codeVerifier), 'text'),
    ],
    [...tokenScript('Code exchange'), '// A code works once.', `pm.environment.unset('${ENV.authCode}');`],
    `For a code obtained outside Postman: put it in ${ENV.authCode} and its PKCE verifier in ${ENV.codeVerifier} ` +
      `(a code lives about 60 s). In the Postman app, the collection's Authorization tab ("Get New Access Token") does ` +
      `the whole browser sign-in instead. redirect_uri must be the same string as in the authorize request.`,
  );
}

function refreshItem(profile: ExportProfile): PostmanItem {
  return tokenRequest(
    profile,
    'Refresh the access token',
    [kv('grant_type', 'refresh_token', 'text'), kv('refresh_token', v(ENV.refreshToken), 'text')],
    tokenScript('Refresh'),
    `Rotates the session: the old refresh token stops working. ${CONSOLE_HINTS.refresh}.`,
  );
}

function whoAmIItem(): PostmanItem {
  return {
    name: 'Who am I',
    request: {
      method: 'GET',
      header: [kv('Accept', 'application/json', 'text')],
      url: `${SERVER}${PATHS.whoAmI}`,
      description: `Uses the collection's authorization (the access token in ${ENV.accessToken}). ${CONSOLE_HINTS.permissions}.`,
    },
    event: testEvent([
      "pm.test('Who am I: HTTP 200', function () {",
      '  pm.response.to.have.status(200);',
      '});',
      'const me = pm.response.json();',
      "console.log('Signed in as', me.name, '(extension ' + me.id + ')');",
    ]),
  };
}

function revokeItem(profile: ExportProfile): PostmanItem {
  const { auth, bodyFields } = clientAuth(profile);
  return {
    name: 'Revoke (sign out)',
    request: {
      method: 'POST',
      header: [kv('Accept', 'application/json', 'text')],
      url: `${SERVER}${PATHS.revoke}`,
      auth,
      body: { mode: 'urlencoded', urlencoded: [kv('token', v(ENV.accessToken), 'text'), ...bodyFields] },
      description: 'Ends the whole session: the access token and the refresh token.',
    },
    event: testEvent([
      "pm.test('Revoke: HTTP 200', function () {",
      '  pm.response.to.have.status(200);',
      '});',
      'if (pm.response.code === 200) {',
      `  pm.environment.unset('${ENV.accessToken}');`,
      `  pm.environment.unset('${ENV.refreshToken}');`,
      '}',
    ]),
  };
}

/** Collection-level auth: Postman's OAuth 2.0 helper (code + PKCE) for code profiles, the stored token for all. */
function collectionAuth(profile: ExportProfile, redirectUri: string | undefined): PostmanAuth {
  if (profile.flow === 'jwt') {
    return { type: 'bearer', bearer: [kv('token', v(ENV.accessToken))] };
  }
  const oauth2 = [
    kv('accessToken', v(ENV.accessToken)),
    kv('addTokenTo', 'header'),
    kv('headerPrefix', 'Bearer'),
    kv('grant_type', 'authorization_code_with_pkce'),
    kv('challengeAlgorithm', 'S256'),
    kv('authUrl', `${SERVER}${PATHS.authorize}`),
    kv('accessTokenUrl', `${SERVER}${PATHS.token}`),
    kv('refreshTokenUrl', `${SERVER}${PATHS.token}`),
    kv('clientId', v(ENV.clientId)),
    kv('redirect_uri', redirectUri ?? ''),
    kv('useBrowser', 'false', 'boolean'),
    kv('state', '{{$guid}}'),
    kv('tokenName', `RingCentral ${profile.name}`),
    kv('client_authentication', profile.hasClientSecret ? 'header' : 'body'),
  ];
  if (profile.hasClientSecret) oauth2.push(kv('clientSecret', v(ENV.clientSecret)));
  return { type: 'oauth2', oauth2 };
}

function description(profile: ExportProfile, redirectUri: string | undefined): string {
  const lines = [
    `RingCentral OAuth for ${profile.name} (${serverBase(profile)}, client id ${profile.clientId}).`,
    '',
    'Select the environment exported with this collection, then run the requests in order: sign in, refresh, who am I, revoke. Each stores the tokens it receives in the environment.',
    '',
    'Developer Console settings this collection depends on:',
  ];
  if (profile.flow === 'authorizationCode') {
    lines.push(`* Redirect URI ${redirectUri ?? '(none registered)'} — ${CONSOLE_HINTS.redirect}.`);
  } else {
    lines.push(`* ${CONSOLE_HINTS.jwt}; paste it into ${ENV.jwt}.`);
  }
  lines.push(`* ${CONSOLE_HINTS.permissions}.`, `* ${CONSOLE_HINTS.refresh}.`);
  if (profile.hasClientSecret) lines.push(`* ${CONSOLE_HINTS.secret}; paste it into ${ENV.clientSecret}.`);
  return lines.join('\n');
}

function environmentFor(
  profile: ExportProfile,
  redirectUri: string | undefined,
  secrets: ExportSecrets | undefined,
): PostmanEnvironment {
  type Value = PostmanEnvironment['values'][number];
  const plain = (key: string, value: string): Value => ({ key, value, type: 'default', enabled: true });
  const secret = (key: string, value = ''): Value => ({ key, value, type: 'secret', enabled: true });
  const values: Value[] = [plain(ENV.server, serverBase(profile)), plain(ENV.clientId, profile.clientId)];
  if (profile.hasClientSecret) values.push(secret(ENV.clientSecret, secrets?.clientSecret));
  if (profile.flow === 'jwt') {
    values.push(secret(ENV.jwt, secrets?.jwt));
  } else {
    values.push(plain(ENV.redirectUri, redirectUri ?? ''), secret(ENV.authCode), secret(ENV.codeVerifier));
  }
  values.push(secret(ENV.accessToken), secret(ENV.refreshToken));
  return {
    id: stableId(profile, 'environment'),
    name: `RingCentral ${profile.name}`,
    values,
    _postman_variable_scope: 'environment',
  };
}

export function buildPostmanExport(profile: ExportProfile, options: PostmanExportOptions = {}): PostmanExport {
  const chosen = exportRedirect(profile);
  const warnings = chosen.warnings;
  if (profile.flow === 'jwt' && !profile.hasClientSecret) {
    warnings.push({
      code: 'jwt-without-secret',
      message: `RingCentral's JWT grant authenticates the app with its client secret (HTTP Basic). ${CONSOLE_HINTS.secret}.`,
    });
  }
  const redirectUri = profile.flow === 'authorizationCode' ? chosen.redirectUri : undefined;
  const collection: PostmanCollection = {
    info: {
      _postman_id: stableId(profile, 'collection'),
      name: `RingCentral OAuth — ${profile.name}`,
      description: description(profile, redirectUri),
      schema: POSTMAN_SCHEMA_V21,
    },
    auth: collectionAuth(profile, redirectUri),
    item: [signInItem(profile), refreshItem(profile), whoAmIItem(), revokeItem(profile)],
  };
  const environment = environmentFor(profile, redirectUri, options.includeSecrets);
  const stem = fileStem(profile);
  return {
    collection,
    environment,
    files: [
      { fileName: `${stem}.postman_collection.json`, text: `${JSON.stringify(collection, null, 2)}\n` },
      { fileName: `${stem}.postman_environment.json`, text: `${JSON.stringify(environment, null, 2)}\n` },
    ],
    warnings,
  };
}
