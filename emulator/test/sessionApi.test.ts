// What a signed-in client meets in the emulator: refresh, revoke, the REST API and the Auth rate limit, over real
// HTTP. Bodies are asserted exactly as /work/shared/ringcentral-oauth-facts.md gives them.
import * as assert from 'node:assert/strict';
import { DEMO_APP } from '../server';
import {
  authorize,
  basic,
  CONFIDENTIAL,
  defaultAuthorizeParams,
  json,
  oauthError,
  pkce,
  postForm,
  signIn,
  token,
  TOKEN_INVALID,
  TokenBody,
  useEmulator,
  whoAmI,
} from './emulatorTestUtils';

describe('RingCentral emulator', function () {
  this.timeout(10000);

  describe('refresh and revoke', () => {
    const ctx = useEmulator({ rateLimit: false, autoApprove: true });

    function refresh(refreshToken: string | undefined): Promise<Response> {
      return token(ctx.emu, { grant_type: 'refresh_token', refresh_token: refreshToken, client_id: DEMO_APP.clientId });
    }

    it('rotates: new tokens, the old access token dies at once, the old refresh token is OAU-213', async () => {
      const first = await signIn(ctx.emu);
      const res = await refresh(first.refresh_token);
      assert.equal(res.status, 200);
      const second = (await res.json()) as TokenBody;
      assert.notEqual(second.access_token, first.access_token);
      assert.notEqual(second.refresh_token, first.refresh_token);
      assert.equal(second.scope, first.scope);
      assert.equal(second.session_id, first.session_id);

      const old = await whoAmI(ctx.emu, first.access_token);
      assert.equal(old.status, 401);
      assert.deepEqual(await json(old), TOKEN_INVALID);
      assert.equal((await whoAmI(ctx.emu, second.access_token)).status, 200);

      const reused = await refresh(first.refresh_token);
      assert.equal(reused.status, 400);
      assert.deepEqual(await json(reused), oauthError('invalid_grant', 'OAU-213', 'Token not found'));
      const unknown = await refresh('not-a-token');
      assert.deepEqual(await json(unknown), oauthError('invalid_grant', 'OAU-213', 'Token not found'));
      assert.equal(ctx.emu.issuedTokens(), 2);
    });

    it('OAU-210 for an expired refresh token', async () => {
      const first = await signIn(ctx.emu);
      ctx.emu.advanceClock(604801);
      const res = await refresh(first.refresh_token);
      assert.equal(res.status, 400);
      assert.deepEqual(await json(res), oauthError('invalid_grant', 'OAU-210', 'Token expired'));
    });

    it('revoke ends the whole session: 200 with an empty body, then TokenInvalid and OAU-211', async () => {
      const first = await signIn(ctx.emu);
      const res = await postForm(ctx.emu, '/restapi/oauth/revoke', {
        token: first.access_token,
        client_id: DEMO_APP.clientId,
      });
      assert.equal(res.status, 200);
      assert.equal(await res.text(), '');
      const api = await whoAmI(ctx.emu, first.access_token);
      assert.equal(api.status, 401);
      assert.deepEqual(await json(api), TOKEN_INVALID);
      const refreshed = await refresh(first.refresh_token);
      assert.equal(refreshed.status, 400);
      assert.deepEqual(await json(refreshed), oauthError('invalid_grant', 'OAU-211', 'Token revoked'));
    });

    it('revoking with the refresh token kills the access token; an unknown token is still 200', async () => {
      const first = await signIn(ctx.emu);
      assert.equal(
        (await postForm(ctx.emu, '/restapi/oauth/revoke', { token: first.refresh_token, client_id: DEMO_APP.clientId }))
          .status,
        200,
      );
      assert.equal((await whoAmI(ctx.emu, first.access_token)).status, 401);
      assert.equal(
        (await postForm(ctx.emu, '/restapi/oauth/revoke', { token: 'unknown', client_id: DEMO_APP.clientId })).status,
        200,
      );
    });

    it('revoke needs client authentication like the token endpoint', async () => {
      ctx.emu.registerApp(CONFIDENTIAL);
      const res = await postForm(ctx.emu, '/restapi/oauth/revoke', { token: 'x', client_id: CONFIDENTIAL.clientId });
      assert.equal(res.status, 401);
      assert.deepEqual(await json(res), oauthError('invalid_client', 'OAU-123', 'Invalid Authorization header value'));
      const ok = await postForm(
        ctx.emu,
        '/restapi/oauth/revoke',
        { token: 'x' },
        { Authorization: basic(CONFIDENTIAL.clientId, CONFIDENTIAL.clientSecret as string) },
      );
      assert.equal(ok.status, 200);
    });

    it('OAU-251 for refresh on an app that issues no refresh tokens, and no refresh_token in its response', async () => {
      ctx.emu.updateApp(DEMO_APP.clientId, { issueRefreshTokens: false });
      const body = await signIn(ctx.emu);
      assert.equal(body.refresh_token, undefined);
      assert.equal(body.refresh_token_expires_in, undefined);
      const res = await refresh('whatever');
      assert.equal(res.status, 400);
      assert.deepEqual(
        await json(res),
        oauthError('unauthorized_client', 'OAU-251', 'Unauthorized for this grant type'),
      );
    });
  });

  describe('REST API', () => {
    const ctx = useEmulator({ rateLimit: false, autoApprove: true });

    it('TokenInvalid without a token or with an unknown one', async () => {
      for (const accessToken of [undefined, 'garbage']) {
        const res = await whoAmI(ctx.emu, accessToken);
        assert.equal(res.status, 401);
        assert.deepEqual(await json(res), TOKEN_INVALID);
      }
    });

    it('OAU-128 for an expired access token', async () => {
      const body = await signIn(ctx.emu);
      ctx.emu.advanceClock(3601);
      const res = await whoAmI(ctx.emu, body.access_token);
      assert.equal(res.status, 401);
      assert.deepEqual(await json(res), {
        errorCode: 'TokenExpired',
        message: 'Access token expired',
        errors: [{ errorCode: 'OAU-128', message: 'Access token expired' }],
      });
    });

    it('CMN-401 when the app lacks ReadAccounts', async () => {
      ctx.emu.updateApp(DEMO_APP.clientId, { permissions: ['ReadContacts'] });
      const body = await signIn(ctx.emu);
      assert.equal(body.scope, 'ReadContacts');
      const res = await whoAmI(ctx.emu, body.access_token);
      assert.equal(res.status, 403);
      const message = 'In order to call this API endpoint, application needs to have [ReadAccounts] permission';
      assert.deepEqual(await json(res), {
        errorCode: 'InsufficientPermissions',
        message,
        errors: [{ errorCode: 'CMN-401', message, permissionName: 'ReadAccounts' }],
        permissionName: 'ReadAccounts',
      });
    });
  });

  describe('Auth rate limit', () => {
    const ctx = useEmulator({ autoApprove: true });
    const attempt = (clientId = DEMO_APP.clientId): Promise<Response> =>
      token(ctx.emu, { grant_type: 'refresh_token', refresh_token: 'x', client_id: clientId });

    it('5 per minute, then CMN-301 with Retry-After and a penalty that restarts on each request', async () => {
      for (let i = 0; i < 5; i++) {
        const res = await attempt();
        assert.equal(res.status, 400);
        assert.equal(res.headers.get('x-rate-limit-group'), 'auth');
        assert.equal(res.headers.get('x-rate-limit-limit'), '5');
        assert.equal(res.headers.get('x-rate-limit-remaining'), String(4 - i));
        assert.equal(res.headers.get('x-rate-limit-window'), '60');
      }
      const limited = await attempt();
      assert.equal(limited.status, 429);
      assert.equal(limited.headers.get('retry-after'), '60');
      assert.deepEqual(await json(limited), {
        errorCode: 'CMN-301',
        message: 'Request rate exceeded',
        errors: [{ errorCode: 'CMN-301', message: 'Request rate exceeded' }],
      });
      // Another client has its own budget.
      ctx.emu.registerApp({ ...DEMO_APP, clientId: 'second-app' });
      assert.equal((await attempt('second-app')).status, 400);

      ctx.emu.advanceClock(59);
      assert.equal((await attempt()).status, 429); // penalty restarts here: now ends at 119 s
      ctx.emu.advanceClock(59);
      assert.equal((await attempt()).status, 429); // would have passed without the restart
      ctx.emu.advanceClock(61);
      const after = await attempt();
      assert.equal(after.status, 400);
      assert.equal(after.headers.get('x-rate-limit-remaining'), '4');
    });

    it('counts authorize and revoke too, and can be switched off', async () => {
      for (let i = 0; i < 3; i++) {
        await authorize(ctx.emu, defaultAuthorizeParams(pkce()));
      }
      await postForm(ctx.emu, '/restapi/oauth/revoke', { token: 'x', client_id: DEMO_APP.clientId });
      const res = await postForm(ctx.emu, '/restapi/oauth/revoke', { token: 'x', client_id: DEMO_APP.clientId });
      assert.equal(res.headers.get('x-rate-limit-remaining'), '0');
      assert.equal((await authorize(ctx.emu, defaultAuthorizeParams(pkce()))).status, 429);
      ctx.emu.setRateLimit(false);
      const free = await authorize(ctx.emu, defaultAuthorizeParams(pkce()));
      assert.equal(free.status, 302);
      assert.equal(free.headers.get('x-rate-limit-group'), null);
    });
  });
});
