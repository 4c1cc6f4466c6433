// Helpers for tests that drive the local RingCentral emulator over real HTTP.
import { createHash, randomBytes } from 'node:crypto';
import { AppRegistration, DEMO_APP, Emulator, EmulatorOptions, JWT_BEARER_GRANT, startEmulator } from '../server';

export const LOOPBACK_REDIRECT = 'http://127.0.0.1:53134/callback';
export const VSCODE_REDIRECT = 'vscode://rcdevtools.ringcentral-oauth/callback';

export interface Pkce {
  verifier: string;
  challenge: string;
}

export function base64Url(bytes: Buffer): string {
  return bytes.toString('base64').replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function pkce(): Pkce {
  const verifier = base64Url(randomBytes(32));
  return { verifier, challenge: base64Url(createHash('sha256').update(verifier).digest()) };
}

export function basic(clientId: string, secret: string): string {
  return `Basic ${Buffer.from(`${clientId}:${secret}`).toString('base64')}`;
}

/** Starts a fresh emulator before each test of the enclosing describe and closes it after. */
export function useEmulator(options: EmulatorOptions = {}): { readonly emu: Emulator } {
  let current: Emulator | undefined;
  beforeEach(async () => {
    current = await startEmulator({ port: 0, ...options });
  });
  afterEach(async () => {
    await current?.close();
    current = undefined;
  });
  return {
    get emu(): Emulator {
      if (!current) {
        throw new Error('emulator not started');
      }
      return current;
    },
  };
}

type Params = Record<string, string | undefined>;

function query(params: Params): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value !== undefined) {
      search.append(name, value);
    }
  }
  return search.toString();
}

export function authorizeUrl(emu: Emulator, params: Params): string {
  return `${emu.url}/restapi/oauth/authorize?${query(params)}`;
}

/** GET authorize without following the redirect, as a pre-flight request would. */
export function authorize(emu: Emulator, params: Params, accept = 'application/json'): Promise<Response> {
  return fetch(authorizeUrl(emu, params), { redirect: 'manual', headers: { Accept: accept } });
}

export function defaultAuthorizeParams(challenge?: Pkce, overrides: Params = {}): Params {
  return {
    response_type: 'code',
    client_id: DEMO_APP.clientId,
    redirect_uri: LOOPBACK_REDIRECT,
    state: 'state-123',
    code_challenge: challenge?.challenge,
    code_challenge_method: challenge ? 'S256' : undefined,
    ...overrides,
  };
}

/** With auto-approve on: the redirect the browser would land on. */
export async function getCodeRedirect(emu: Emulator, params: Params): Promise<URL> {
  const res = await authorize(emu, params);
  if (res.status !== 302) {
    throw new Error(`authorize answered ${res.status}: ${await res.text()}`);
  }
  return new URL(res.headers.get('location') as string);
}

export async function getCode(emu: Emulator, params: Params): Promise<string> {
  const code = (await getCodeRedirect(emu, params)).searchParams.get('code');
  if (!code) {
    throw new Error('no code in the redirect');
  }
  return code;
}

export function postForm(
  emu: Emulator,
  path: string,
  params: Params,
  headers: Record<string, string> = {},
): Promise<Response> {
  return fetch(`${emu.url}${path}`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json', ...headers },
    body: query(params),
  });
}

export function token(emu: Emulator, params: Params, headers: Record<string, string> = {}): Promise<Response> {
  return postForm(emu, '/restapi/oauth/token', params, headers);
}

export interface TokenBody {
  access_token: string;
  token_type: string;
  expires_in: number;
  refresh_token?: string;
  refresh_token_expires_in?: number;
  scope: string;
  owner_id: string;
  endpoint_id: string;
  session_id: string;
}

/** Full PKCE sign-in of the demo app (auto-approve must be on). */
export async function signIn(
  emu: Emulator,
  clientId = DEMO_APP.clientId,
  redirectUri = LOOPBACK_REDIRECT,
): Promise<TokenBody> {
  const pair = pkce();
  const code = await getCode(emu, defaultAuthorizeParams(pair, { client_id: clientId, redirect_uri: redirectUri }));
  const res = await token(emu, {
    grant_type: 'authorization_code',
    code,
    redirect_uri: redirectUri,
    client_id: clientId,
    code_verifier: pair.verifier,
  });
  if (res.status !== 200) {
    throw new Error(`token answered ${res.status}: ${await res.text()}`);
  }
  return (await res.json()) as TokenBody;
}

export function whoAmI(emu: Emulator, accessToken?: string): Promise<Response> {
  return fetch(`${emu.url}/restapi/v1.0/account/~/extension/~`, {
    headers: accessToken === undefined ? {} : { Authorization: `Bearer ${accessToken}` },
  });
}

export function consoleCall(emu: Emulator, method: string, path: string, body?: unknown): Promise<Response> {
  return fetch(`${emu.url}/__console${path}`, {
    method,
    redirect: 'manual',
    headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

/** The OAuth error body for a code, as the facts file gives it. */
export function oauthError(error: string, errorCode: string, message: string, description = message): unknown {
  return { error, error_description: description, errors: [{ errorCode, message }] };
}

/** A confidential app (client secret, JWT grant) next to the demo app. */
export const CONFIDENTIAL: AppRegistration = {
  clientId: 'conf-client-id',
  clientSecret: 'conf-secret-value',
  name: 'Confidential App',
  redirectUris: ['https://example.com/oauth/callback'],
  permissions: ['ReadAccounts'],
  issueRefreshTokens: true,
  grantTypes: ['authorization_code', 'refresh_token', JWT_BEARER_GRANT],
};

/** The redirect URI vscode.dev sends (a query of its own before the code). */
export const WEB_REDIRECT =
  'https://vscode.dev/callback?vscode-reqid=1&vscode-scheme=code-oss&vscode-authority=rcdevtools.ringcentral-oauth';

/** The body of a 401 for an access token the emulator never issued. */
export const TOKEN_INVALID = {
  errorCode: 'TokenInvalid',
  message: 'Unparseable access token',
  errors: [{ errorCode: 'TokenInvalid', message: 'Unparseable access token' }],
};

/** The response body parsed as JSON. */
export async function json(res: Response): Promise<unknown> {
  return JSON.parse(await res.text());
}

/** A console call's JSON answer (throws on a status other than 200/201, with the console's message). */
export async function consoleJson<T>(emu: Emulator, method: string, path: string, body?: unknown): Promise<T> {
  const res = await consoleCall(emu, method, path, body);
  const text = await res.text();
  if (res.status !== 200 && res.status !== 201) {
    throw new Error(`console ${method} ${path} answered ${res.status}: ${text}`);
  }
  return JSON.parse(text) as T;
}

/** A JWT bearer grant for a confidential app (Basic) or a public one (client_id in the body). */
export function jwtGrant(emu: Emulator, assertion: string, app: AppRegistration): Promise<Response> {
  return app.clientSecret === undefined
    ? token(emu, { grant_type: JWT_BEARER_GRANT, assertion, client_id: app.clientId })
    : token(emu, { grant_type: JWT_BEARER_GRANT, assertion }, { Authorization: basic(app.clientId, app.clientSecret) });
}

/** The header and claims of a JWT, decoded without checking anything. */
export function decodeJwt(jwt: string): { header: Record<string, unknown>; claims: Record<string, unknown> } {
  const [header, claims] = jwt
    .split('.')
    .slice(0, 2)
    .map((part) => JSON.parse(Buffer.from(part, 'base64url').toString('utf8')));
  return { header, claims };
}

/** The error code of an OAuth or REST error body. */
export async function errorCode(res: Response): Promise<string | undefined> {
  const body = (await json(res)) as { errors?: Array<{ errorCode?: string }> };
  return body.errors?.[0]?.errorCode;
}
