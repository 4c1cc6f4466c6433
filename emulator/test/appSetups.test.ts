// The apps every emulator starts with: the demo app, an app set up for JWT only and one for the authorization code
// only, and what RingCentral answers when a flow meets an app not set up for it.
import * as assert from 'node:assert/strict';
import { AUTH_CODE_ONLY_APP, DEFAULT_APPS, DEMO_APP, JWT_BEARER_GRANT, JWT_ONLY_APP } from '../server';
import {
  authorize,
  basic,
  consoleJson,
  defaultAuthorizeParams,
  getCode,
  json,
  jwtGrant,
  LOOPBACK_REDIRECT,
  oauthError,
  pkce,
  token,
  TokenBody,
  useEmulator,
  whoAmI,
} from './emulatorTestUtils';

const UNAUTHORIZED_GRANT = oauthError('unauthorized_client', 'OAU-251', 'Unauthorized for this grant type');

describe('RingCentral emulator: apps set up for one flow', function () {
  this.timeout(10000);
  const ctx = useEmulator({ rateLimit: false, autoApprove: true });
  const jwtOnlyAuth = { Authorization: basic(JWT_ONLY_APP.clientId, JWT_ONLY_APP.clientSecret as string) };
  const codeOnlyAuth = {
    Authorization: basic(AUTH_CODE_ONLY_APP.clientId, AUTH_CODE_ONLY_APP.clientSecret as string),
  };

  it('startEmulator() without apps registers the demo app, the JWT-only app and the auth-code-only app', async () => {
    const apps = await consoleJson<Array<{ clientId: string; hasSecret: boolean; redirectUris: string[] }>>(
      ctx.emu,
      'GET',
      '/apps',
    );
    assert.deepEqual(
      apps.map((app) => app.clientId),
      [DEMO_APP.clientId, JWT_ONLY_APP.clientId, AUTH_CODE_ONLY_APP.clientId],
    );
    assert.deepEqual(DEFAULT_APPS, [DEMO_APP, JWT_ONLY_APP, AUTH_CODE_ONLY_APP]);
    assert.deepEqual(JWT_ONLY_APP.redirectUris, []);
    assert.deepEqual(JWT_ONLY_APP.grantTypes, [JWT_BEARER_GRANT, 'refresh_token']);
    assert.deepEqual(AUTH_CODE_ONLY_APP.grantTypes, ['authorization_code', 'refresh_token']);
    assert.ok(AUTH_CODE_ONLY_APP.redirectUris.includes(LOOPBACK_REDIRECT));
    assert.ok(apps.slice(1).every((app) => app.hasSecret));
  });

  it('JWT-only app: authorize → OAU-113 (no redirect URI), JSON and HTML', async () => {
    const params = defaultAuthorizeParams(pkce(), { client_id: JWT_ONLY_APP.clientId });
    let res = await authorize(ctx.emu, params);
    assert.equal(res.status, 400);
    assert.deepEqual(
      await json(res),
      oauthError('invalid_client', 'OAU-113', 'No redirect uri is registered for the client'),
    );
    res = await authorize(ctx.emu, { ...params, redirect_uri: undefined }, 'text/html');
    assert.match(await res.text(), /OAU-113/);
  });

  it('JWT-only app: the JWT grant with Basic signs in and refreshes; a code exchange → OAU-251', async () => {
    const res = await token(
      ctx.emu,
      { grant_type: JWT_BEARER_GRANT, assertion: ctx.emu.createJwtCredential() },
      jwtOnlyAuth,
    );
    assert.equal(res.status, 200);
    const tokens = (await res.json()) as TokenBody;
    assert.equal((await whoAmI(ctx.emu, tokens.access_token)).status, 200);
    const refreshed = await token(
      ctx.emu,
      { grant_type: 'refresh_token', refresh_token: tokens.refresh_token },
      jwtOnlyAuth,
    );
    assert.equal(refreshed.status, 200);

    const code = await getCode(ctx.emu, defaultAuthorizeParams(pkce()));
    const exchanged = await token(
      ctx.emu,
      { grant_type: 'authorization_code', code, redirect_uri: LOOPBACK_REDIRECT },
      jwtOnlyAuth,
    );
    assert.equal(exchanged.status, 400);
    assert.deepEqual(await json(exchanged), UNAUTHORIZED_GRANT);
  });

  it('JWT-only app: a JWT grant without the client secret → OAU-123 (it is confidential)', async () => {
    const res = await token(ctx.emu, {
      grant_type: JWT_BEARER_GRANT,
      assertion: ctx.emu.createJwtCredential(),
      client_id: JWT_ONLY_APP.clientId,
    });
    assert.equal(res.status, 401);
    assert.deepEqual(await json(res), oauthError('invalid_client', 'OAU-123', 'Invalid Authorization header value'));
  });

  it('auth-code-only app: PKCE sign-in and a code exchange with Basic work; the JWT grant → OAU-251', async () => {
    const pair = pkce();
    const code = await getCode(ctx.emu, defaultAuthorizeParams(pair, { client_id: AUTH_CODE_ONLY_APP.clientId }));
    const res = await token(
      ctx.emu,
      { grant_type: 'authorization_code', code, redirect_uri: LOOPBACK_REDIRECT, code_verifier: pair.verifier },
      codeOnlyAuth,
    );
    assert.equal(res.status, 200);
    assert.equal(((await res.json()) as TokenBody).scope, AUTH_CODE_ONLY_APP.permissions.join(' '));

    const jwt = await jwtGrant(ctx.emu, ctx.emu.createJwtCredential(), AUTH_CODE_ONLY_APP);
    assert.equal(jwt.status, 400);
    assert.deepEqual(await json(jwt), UNAUTHORIZED_GRANT);
  });

  it('the grant check comes before the credential check: a bad JWT on the auth-code-only app is still OAU-251', async () => {
    const res = await jwtGrant(ctx.emu, 'not-a-jwt', AUTH_CODE_ONLY_APP);
    assert.deepEqual(await json(res), UNAUTHORIZED_GRANT);
  });
});
