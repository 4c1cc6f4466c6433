// The emulator's token endpoint: code exchange, client authentication and the grant types, over real HTTP. Bodies
// are asserted exactly as /work/shared/ringcentral-oauth-facts.md gives them.
import * as assert from 'node:assert/strict';
import { DEMO_APP, DEMO_USER, JWT_BEARER_GRANT } from '../server';
import {
  basic,
  CONFIDENTIAL,
  defaultAuthorizeParams,
  getCode,
  json,
  LOOPBACK_REDIRECT,
  oauthError,
  pkce,
  signIn,
  token,
  TokenBody,
  useEmulator,
  VSCODE_REDIRECT,
  whoAmI,
} from './emulatorTestUtils';

describe('RingCentral emulator', function () {
  this.timeout(10000);

  describe('authorization code exchange', () => {
    const ctx = useEmulator({ rateLimit: false, autoApprove: true });

    it('PKCE S256 sign-in returns the RingCentral token body, and the token calls the API', async () => {
      const body = await signIn(ctx.emu, DEMO_APP.clientId, VSCODE_REDIRECT);
      assert.equal(body.token_type, 'bearer');
      assert.equal(body.expires_in, 3600);
      assert.equal(body.refresh_token_expires_in, 604800);
      assert.equal(typeof body.refresh_token, 'string');
      assert.equal(body.scope, 'ReadAccounts ReadContacts Contacts ReadCallLog');
      assert.equal(body.owner_id, DEMO_USER.id);
      assert.ok(body.endpoint_id);
      assert.ok(body.session_id);
      assert.equal(ctx.emu.issuedTokens(), 1);
      const res = await whoAmI(ctx.emu, body.access_token);
      assert.equal(res.status, 200);
      assert.deepEqual(await res.json(), {
        id: 62264425004,
        uri: `${ctx.emu.url}/restapi/v1.0/account/${DEMO_USER.accountId}/extension/${DEMO_USER.id}`,
        extensionNumber: '101',
        name: 'Ada Lovelace',
        contact: { firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.com' },
        account: { id: DEMO_USER.accountId, uri: `${ctx.emu.url}/restapi/v1.0/account/${DEMO_USER.accountId}` },
        status: 'Enabled',
        type: 'User',
      });
    });

    it('PKCE plain works too', async () => {
      const verifier = pkce().verifier;
      const code = await getCode(
        ctx.emu,
        defaultAuthorizeParams(undefined, { code_challenge: verifier, code_challenge_method: 'plain' }),
      );
      const res = await token(ctx.emu, {
        grant_type: 'authorization_code',
        code,
        redirect_uri: LOOPBACK_REDIRECT,
        client_id: DEMO_APP.clientId,
        code_verifier: verifier,
      });
      assert.equal(res.status, 200);
    });

    it('a wrong or missing code_verifier is invalid_grant OAU-106 with a precise description', async () => {
      const pair = pkce();
      const code = await getCode(ctx.emu, defaultAuthorizeParams(pair));
      const expected = oauthError(
        'invalid_grant',
        'OAU-106',
        'Invalid authorization code',
        'code_verifier does not match code_challenge',
      );
      for (const code_verifier of [pkce().verifier, undefined]) {
        const res = await token(ctx.emu, {
          grant_type: 'authorization_code',
          code,
          redirect_uri: LOOPBACK_REDIRECT,
          client_id: DEMO_APP.clientId,
          code_verifier,
        });
        assert.equal(res.status, 400);
        assert.deepEqual(await json(res), expected);
      }
    });

    it('OAU-106 for an unknown code and for a code used twice (403)', async () => {
      const pair = pkce();
      const code = await getCode(ctx.emu, defaultAuthorizeParams(pair));
      const params = {
        grant_type: 'authorization_code',
        code,
        redirect_uri: LOOPBACK_REDIRECT,
        client_id: DEMO_APP.clientId,
        code_verifier: pair.verifier,
      };
      assert.equal((await token(ctx.emu, params)).status, 200);
      for (const attempt of [params, { ...params, code: 'not-a-code' }]) {
        const res = await token(ctx.emu, attempt);
        assert.equal(res.status, 403);
        assert.deepEqual(await json(res), oauthError('invalid_grant', 'OAU-106', 'Invalid authorization code'));
      }
    });

    it('OAU-108 once the code is older than its lifetime', async () => {
      const pair = pkce();
      const code = await getCode(ctx.emu, defaultAuthorizeParams(pair));
      ctx.emu.advanceClock(61);
      const res = await token(ctx.emu, {
        grant_type: 'authorization_code',
        code,
        redirect_uri: LOOPBACK_REDIRECT,
        client_id: DEMO_APP.clientId,
        code_verifier: pair.verifier,
      });
      assert.equal(res.status, 403);
      assert.deepEqual(await json(res), oauthError('invalid_grant', 'OAU-108', 'Authorization code is expired'));
    });

    it('OAU-110 for a code issued to another app', async () => {
      ctx.emu.registerApp({ ...DEMO_APP, clientId: 'other-client-id' });
      const pair = pkce();
      const code = await getCode(ctx.emu, defaultAuthorizeParams(pair));
      const res = await token(ctx.emu, {
        grant_type: 'authorization_code',
        code,
        redirect_uri: LOOPBACK_REDIRECT,
        client_id: 'other-client-id',
        code_verifier: pair.verifier,
      });
      assert.equal(res.status, 403);
      assert.deepEqual(
        await json(res),
        oauthError('invalid_grant', 'OAU-110', 'Authorization code was not issued for this application'),
      );
    });

    it('OAU-109 when the token request’s redirect_uri differs from the authorize one, or is missing', async () => {
      const pair = pkce();
      const code = await getCode(ctx.emu, defaultAuthorizeParams(pair));
      for (const redirect_uri of [VSCODE_REDIRECT, undefined]) {
        const res = await token(ctx.emu, {
          grant_type: 'authorization_code',
          code,
          redirect_uri,
          client_id: DEMO_APP.clientId,
          code_verifier: pair.verifier,
        });
        assert.equal(res.status, 403);
        assert.deepEqual(await json(res), oauthError('invalid_grant', 'OAU-109', 'Redirect URIs do not match'));
      }
    });

    it('415 for a body that is not form-encoded', async () => {
      const res = await fetch(`${ctx.emu.url}/restapi/oauth/token`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ grant_type: 'authorization_code' }),
      });
      assert.equal(res.status, 415);
      const body = (await json(res)) as { error: string; error_description: string };
      assert.equal(body.error, 'invalid_request');
      assert.equal(body.error_description, 'Unsupported Media Type');
    });

    it('OAU-111 for a duplicated parameter', async () => {
      const res = await fetch(`${ctx.emu.url}/restapi/oauth/token`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: `grant_type=authorization_code&code=a&code=b&client_id=${DEMO_APP.clientId}`,
      });
      assert.equal(res.status, 400);
      const body = (await json(res)) as { errors: Array<{ errorCode: string; message: string }> };
      assert.deepEqual(body.errors, [{ errorCode: 'OAU-111', message: 'Request parameter duplication detected' }]);
    });
  });

  describe('client authentication', () => {
    const ctx = useEmulator({ rateLimit: false, autoApprove: true, apps: [DEMO_APP, CONFIDENTIAL] });
    const redirect = CONFIDENTIAL.redirectUris[0];

    it('OAU-123 when a confidential app sends no Basic header and the code has no PKCE challenge', async () => {
      const code = await getCode(
        ctx.emu,
        defaultAuthorizeParams(undefined, { client_id: CONFIDENTIAL.clientId, redirect_uri: redirect }),
      );
      const res = await token(ctx.emu, {
        grant_type: 'authorization_code',
        code,
        redirect_uri: redirect,
        client_id: CONFIDENTIAL.clientId,
      });
      assert.equal(res.status, 401);
      assert.deepEqual(await json(res), oauthError('invalid_client', 'OAU-123', 'Invalid Authorization header value'));
      const withBasic = await token(
        ctx.emu,
        { grant_type: 'authorization_code', code, redirect_uri: redirect },
        { Authorization: basic(CONFIDENTIAL.clientId, CONFIDENTIAL.clientSecret as string) },
      );
      assert.equal(withBasic.status, 200);
    });

    it('a confidential app may exchange a PKCE-bound code with client_id in the body', async () => {
      const pair = pkce();
      const code = await getCode(
        ctx.emu,
        defaultAuthorizeParams(pair, { client_id: CONFIDENTIAL.clientId, redirect_uri: redirect }),
      );
      const res = await token(ctx.emu, {
        grant_type: 'authorization_code',
        code,
        redirect_uri: redirect,
        client_id: CONFIDENTIAL.clientId,
        code_verifier: pair.verifier,
      });
      assert.equal(res.status, 200);
    });

    it('OAU-123 for a public app request with neither Basic nor client_id', async () => {
      const res = await token(ctx.emu, { grant_type: 'authorization_code', code: 'x' });
      assert.equal(res.status, 401);
      assert.deepEqual(await json(res), oauthError('invalid_client', 'OAU-123', 'Invalid Authorization header value'));
    });

    it('OAU-146 for a wrong secret', async () => {
      const res = await token(
        ctx.emu,
        { grant_type: 'authorization_code', code: 'x', redirect_uri: redirect },
        { Authorization: basic(CONFIDENTIAL.clientId, 'wrong') },
      );
      assert.equal(res.status, 401);
      assert.deepEqual(await json(res), oauthError('invalid_client', 'OAU-146', 'Invalid client credentials'));
    });

    it('OAU-153 for an unknown client id in Basic or in the body', async () => {
      let res = await token(
        ctx.emu,
        { grant_type: 'authorization_code', code: 'x' },
        { Authorization: basic('ghost', 'secret') },
      );
      assert.equal(res.status, 400);
      assert.deepEqual(await json(res), oauthError('invalid_client', 'OAU-153', 'Invalid client: ghost'));
      res = await token(ctx.emu, { grant_type: 'authorization_code', code: 'x', client_id: 'ghost2' });
      assert.deepEqual(await json(res), oauthError('invalid_client', 'OAU-153', 'Invalid client: ghost2'));
    });

    it('OAU-134 for a malformed Basic header', async () => {
      for (const header of ['Basic !!!notbase64', `Basic ${Buffer.from('no-colon').toString('base64')}`, 'Basic']) {
        const res = await token(ctx.emu, { grant_type: 'authorization_code', code: 'x' }, { Authorization: header });
        assert.equal(res.status, 401, header);
        assert.deepEqual(await json(res), oauthError('invalid_client', 'OAU-134', 'Invalid Authorization header'));
      }
    });
  });

  describe('grant types', () => {
    const ctx = useEmulator({ rateLimit: false, autoApprove: true, apps: [DEMO_APP, CONFIDENTIAL] });

    it('OAU-250 for an unknown grant, and for password on an app that never had it', async () => {
      for (const grant_type of ['client_credentials', 'password', undefined]) {
        const res = await token(ctx.emu, { grant_type, client_id: DEMO_APP.clientId, username: 'ada', password: 'x' });
        assert.equal(res.status, 400, String(grant_type));
        assert.deepEqual(await json(res), oauthError('invalid_request', 'OAU-250', 'Unsupported grant type'));
      }
    });

    it('OAU-168 for password on an app that has it', async () => {
      ctx.emu.updateApp(DEMO_APP.clientId, { grantTypes: [...DEMO_APP.grantTypes, 'password'] });
      const res = await token(ctx.emu, {
        grant_type: 'password',
        client_id: DEMO_APP.clientId,
        username: 'ada',
        password: 'x',
      });
      assert.equal(res.status, 401);
      const body = (await json(res)) as { errors: unknown };
      assert.deepEqual(body.errors, [
        { errorCode: 'OAU-168', message: 'Password grant is not allowed because MFA is required' },
      ]);
    });

    it('OAU-251 for a grant the app is not set up for', async () => {
      ctx.emu.updateApp(DEMO_APP.clientId, { grantTypes: ['authorization_code', 'refresh_token'] });
      const res = await token(ctx.emu, {
        grant_type: JWT_BEARER_GRANT,
        client_id: DEMO_APP.clientId,
        assertion: ctx.emu.createJwtCredential(),
      });
      assert.equal(res.status, 400);
      assert.deepEqual(
        await json(res),
        oauthError('unauthorized_client', 'OAU-251', 'Unauthorized for this grant type'),
      );
    });

    it('JWT bearer: a console credential signs in; an unknown one is invalid_grant', async () => {
      const auth = { Authorization: basic(CONFIDENTIAL.clientId, CONFIDENTIAL.clientSecret as string) };
      const credential = ctx.emu.createJwtCredential();
      assert.equal(credential.split('.').length, 3);
      const res = await token(ctx.emu, { grant_type: JWT_BEARER_GRANT, assertion: credential }, auth);
      assert.equal(res.status, 200);
      const body = (await res.json()) as TokenBody;
      assert.equal(body.scope, 'ReadAccounts');
      assert.equal((await whoAmI(ctx.emu, body.access_token)).status, 200);

      const bad = await token(ctx.emu, { grant_type: JWT_BEARER_GRANT, assertion: 'aaa.bbb.ccc' }, auth);
      assert.equal(bad.status, 400);
      assert.equal(((await json(bad)) as { error: string }).error, 'invalid_grant');
      const restricted = ctx.emu.createJwtCredential(DEMO_APP.clientId);
      const other = await token(ctx.emu, { grant_type: JWT_BEARER_GRANT, assertion: restricted }, auth);
      assert.equal(((await json(other)) as { error: string }).error, 'invalid_grant');
    });

    it('JWT bearer on a confidential app needs Basic (OAU-123)', async () => {
      const res = await token(ctx.emu, {
        grant_type: JWT_BEARER_GRANT,
        assertion: ctx.emu.createJwtCredential(),
        client_id: CONFIDENTIAL.clientId,
      });
      assert.equal(res.status, 401);
      assert.deepEqual(await json(res), oauthError('invalid_client', 'OAU-123', 'Invalid Authorization header value'));
    });
  });
});
