// The local RingCentral OAuth emulator, driven over real HTTP. Bodies are asserted exactly as
// /work/shared/ringcentral-oauth-facts.md gives them.
import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as path from 'node:path';
import { createInterface } from 'node:readline';
import { AppRegistration, DEMO_APP, DEMO_USER, JWT_BEARER_GRANT, startEmulator } from '../server';
import {
  authorize,
  basic,
  consoleCall,
  defaultAuthorizeParams,
  getCode,
  getCodeRedirect,
  LOOPBACK_REDIRECT,
  oauthError,
  pkce,
  postForm,
  signIn,
  token,
  TokenBody,
  useEmulator,
  VSCODE_REDIRECT,
  whoAmI,
} from './emulatorTestUtils';

const CONFIDENTIAL: AppRegistration = {
  clientId: 'conf-client-id',
  clientSecret: 'conf-secret-value',
  name: 'Confidential App',
  redirectUris: ['https://example.com/oauth/callback'],
  permissions: ['ReadAccounts'],
  issueRefreshTokens: true,
  grantTypes: ['authorization_code', 'refresh_token', JWT_BEARER_GRANT],
};

const WEB_REDIRECT =
  'https://vscode.dev/callback?vscode-reqid=1&vscode-scheme=code-oss&vscode-authority=rcdevtools.ringcentral-oauth';

const TOKEN_INVALID = {
  errorCode: 'TokenInvalid',
  message: 'Unparseable access token',
  errors: [{ errorCode: 'TokenInvalid', message: 'Unparseable access token' }],
};

async function json(res: Response): Promise<unknown> {
  return JSON.parse(await res.text());
}

describe('RingCentral emulator', function () {
  this.timeout(10000);

  describe('authorize validation', () => {
    const ctx = useEmulator({ rateLimit: false, autoApprove: true });

    it('OAU-153 for an unknown or missing client id, before anything else', async () => {
      let res = await authorize(ctx.emu, defaultAuthorizeParams(undefined, { client_id: 'nope', response_type: 'token' }));
      assert.equal(res.status, 400);
      assert.deepEqual(await json(res), oauthError('invalid_client', 'OAU-153', 'Invalid client: nope'));
      res = await authorize(ctx.emu, defaultAuthorizeParams(undefined, { client_id: undefined }));
      assert.deepEqual(await json(res), oauthError('invalid_client', 'OAU-153', 'Invalid client: '));
    });

    it('answers an HTML page with the code and escaped message when the browser does not ask for JSON', async () => {
      const res = await authorize(ctx.emu, defaultAuthorizeParams(undefined, { client_id: '<img src=x onerror=alert(1)>' }), 'text/html');
      assert.equal(res.status, 400);
      assert.match(res.headers.get('content-type') ?? '', /^text\/html/);
      const html = await res.text();
      assert.match(html, /OAU-153/);
      assert.ok(html.includes('Invalid client: &lt;img src=x onerror=alert(1)&gt;'));
      assert.ok(!html.includes('<img'));
      assert.ok(!/<script/i.test(html));
    });

    it('unsupported_response_type for anything but code', async () => {
      const res = await authorize(ctx.emu, defaultAuthorizeParams(undefined, { response_type: 'token' }));
      assert.equal(res.status, 400);
      assert.deepEqual(await json(res), oauthError('unsupported_response_type', 'OAU-101', 'Unsupported response type'));
    });

    it('OAU-113 when the app has no redirect URI', async () => {
      ctx.emu.registerApp({ ...DEMO_APP, clientId: 'jwt-only', redirectUris: [] });
      const res = await authorize(ctx.emu, defaultAuthorizeParams(undefined, { client_id: 'jwt-only' }));
      assert.equal(res.status, 400);
      assert.deepEqual(await json(res), oauthError('invalid_client', 'OAU-113', 'No redirect uri is registered for the client'));
    });

    it('OAU-109 for a redirect URI that is not byte-for-byte registered, or omitted with several registered', async () => {
      for (const redirect_uri of [`${LOOPBACK_REDIRECT}/`, 'http://localhost:53134/callback', 'HTTP://127.0.0.1:53134/callback']) {
        const res = await authorize(ctx.emu, defaultAuthorizeParams(undefined, { redirect_uri }));
        assert.equal(res.status, 400, redirect_uri);
        assert.deepEqual(await json(res), oauthError('invalid_grant', 'OAU-109', 'Redirect URIs do not match'));
      }
      const omitted = await authorize(ctx.emu, defaultAuthorizeParams(undefined, { redirect_uri: undefined }));
      assert.deepEqual(await json(omitted), oauthError('invalid_grant', 'OAU-109', 'Redirect URIs do not match'));
    });

    it('uses the only registered redirect URI when it is omitted, and the token request may omit it too', async () => {
      ctx.emu.registerApp({ ...DEMO_APP, clientId: 'single', redirectUris: [LOOPBACK_REDIRECT] });
      const pair = pkce();
      const location = await getCodeRedirect(ctx.emu, defaultAuthorizeParams(pair, { client_id: 'single', redirect_uri: undefined }));
      assert.equal(`${location.origin}${location.pathname}`, LOOPBACK_REDIRECT);
      const res = await token(ctx.emu, {
        grant_type: 'authorization_code',
        code: location.searchParams.get('code') ?? '',
        client_id: 'single',
        code_verifier: pair.verifier,
      });
      assert.equal(res.status, 200);
    });

    it('invalid_request for a code_challenge_method other than S256 or plain', async () => {
      const res = await authorize(ctx.emu, defaultAuthorizeParams(pkce(), { code_challenge_method: 'S512' }));
      assert.equal(res.status, 400);
      const body = (await json(res)) as { error: string; errors: Array<{ errorCode: string; message: string }> };
      assert.equal(body.error, 'invalid_request');
      assert.equal(body.errors[0].errorCode, 'OAU-101');
      assert.match(body.errors[0].message, /S512/);
    });

    it('OAU-112 when the app does not have the authorization code grant', async () => {
      ctx.emu.registerApp({ ...DEMO_APP, clientId: 'no-code', grantTypes: [JWT_BEARER_GRANT] });
      const res = await authorize(ctx.emu, defaultAuthorizeParams(undefined, { client_id: 'no-code' }));
      assert.equal(res.status, 400);
      assert.deepEqual(
        await json(res),
        oauthError('unauthorized_client', 'OAU-112', 'The client is unauthorized for the required grant type'),
      );
    });
  });

  describe('consent page', () => {
    const ctx = useEmulator({ rateLimit: false });

    async function openConsent(params = defaultAuthorizeParams(pkce())): Promise<{ loginUrl: URL; reqId: string }> {
      const res = await authorize(ctx.emu, params, 'text/html');
      assert.equal(res.status, 302);
      const loginUrl = new URL(res.headers.get('location') as string);
      assert.equal(`${loginUrl.origin}${loginUrl.pathname}`, `${ctx.emu.url}/restapi/oauth/login`);
      return { loginUrl, reqId: loginUrl.searchParams.get('req') as string };
    }

    it('shows the app, its permissions, the user and Approve/Deny, with no external resources', async () => {
      const { loginUrl } = await openConsent();
      const res = await fetch(loginUrl);
      assert.equal(res.status, 200);
      const html = await res.text();
      assert.ok(html.includes(DEMO_APP.name as string));
      for (const permission of DEMO_APP.permissions) {
        assert.ok(html.includes(`<li>${permission}</li>`), permission);
      }
      assert.ok(html.includes(DEMO_USER.email));
      assert.ok(html.includes(DEMO_USER.name));
      assert.match(html, /<button[^>]*id="approve"/);
      assert.match(html, /<button[^>]*id="deny"/);
      assert.ok(!/<script|src=|href="http/i.test(html));
    });

    it('Approve redirects with code, the state verbatim and expires_in=60', async () => {
      const state = 'a b+c/=&ü';
      const { reqId } = await openConsent(defaultAuthorizeParams(pkce(), { state }));
      const res = await postForm(ctx.emu, '/restapi/oauth/login', { req: reqId, action: 'approve' });
      assert.equal(res.status, 302);
      const location = res.headers.get('location') as string;
      assert.ok(location.startsWith(`${LOOPBACK_REDIRECT}?code=`), location);
      const url = new URL(location);
      assert.ok((url.searchParams.get('code') ?? '').length >= 20);
      assert.equal(url.searchParams.get('state'), state);
      assert.equal(url.searchParams.get('expires_in'), '60');
      const again = await postForm(ctx.emu, '/restapi/oauth/login', { req: reqId, action: 'approve' });
      assert.equal(again.status, 400);
    });

    it('Deny redirects with access_denied and the state', async () => {
      const { reqId } = await openConsent();
      const res = await postForm(ctx.emu, '/restapi/oauth/login', { req: reqId, action: 'deny' });
      assert.equal(res.status, 302);
      const url = new URL(res.headers.get('location') as string);
      assert.equal(url.searchParams.get('error'), 'access_denied');
      assert.equal(url.searchParams.get('error_description'), 'The user has denied access');
      assert.equal(url.searchParams.get('state'), 'state-123');
      assert.equal(url.searchParams.get('code'), null);
    });

    it('omits state when the request had none', async () => {
      ctx.emu.setAutoApprove(true);
      const url = await getCodeRedirect(ctx.emu, defaultAuthorizeParams(pkce(), { state: undefined }));
      assert.equal(url.searchParams.has('state'), false);
      assert.ok(url.searchParams.get('code'));
    });

    it('keeps a redirect URI’s own query and appends to it', async () => {
      ctx.emu.setAutoApprove(true);
      ctx.emu.updateApp(DEMO_APP.clientId, { redirectUris: [...DEMO_APP.redirectUris, WEB_REDIRECT] });
      const pair = pkce();
      const res = await authorize(ctx.emu, defaultAuthorizeParams(pair, { redirect_uri: WEB_REDIRECT }));
      const location = res.headers.get('location') as string;
      assert.ok(location.startsWith(`${WEB_REDIRECT}&code=`), location);
      const url = new URL(location);
      assert.equal(url.searchParams.get('vscode-reqid'), '1');
      assert.equal(url.searchParams.get('state'), 'state-123');
      const exchanged = await token(ctx.emu, {
        grant_type: 'authorization_code',
        code: url.searchParams.get('code') ?? '',
        redirect_uri: WEB_REDIRECT,
        client_id: DEMO_APP.clientId,
        code_verifier: pair.verifier,
      });
      assert.equal(exchanged.status, 200);
    });
  });

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
      const code = await getCode(ctx.emu, defaultAuthorizeParams(undefined, { code_challenge: verifier, code_challenge_method: 'plain' }));
      const res = await token(ctx.emu, { grant_type: 'authorization_code', code, redirect_uri: LOOPBACK_REDIRECT, client_id: DEMO_APP.clientId, code_verifier: verifier });
      assert.equal(res.status, 200);
    });

    it('a wrong or missing code_verifier is invalid_grant OAU-106 with a precise description', async () => {
      const pair = pkce();
      const code = await getCode(ctx.emu, defaultAuthorizeParams(pair));
      const expected = oauthError('invalid_grant', 'OAU-106', 'Invalid authorization code', 'code_verifier does not match code_challenge');
      for (const code_verifier of [pkce().verifier, undefined]) {
        const res = await token(ctx.emu, { grant_type: 'authorization_code', code, redirect_uri: LOOPBACK_REDIRECT, client_id: DEMO_APP.clientId, code_verifier });
        assert.equal(res.status, 400);
        assert.deepEqual(await json(res), expected);
      }
    });

    it('OAU-106 for an unknown code and for a code used twice (403)', async () => {
      const pair = pkce();
      const code = await getCode(ctx.emu, defaultAuthorizeParams(pair));
      const params = { grant_type: 'authorization_code', code, redirect_uri: LOOPBACK_REDIRECT, client_id: DEMO_APP.clientId, code_verifier: pair.verifier };
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
      const res = await token(ctx.emu, { grant_type: 'authorization_code', code, redirect_uri: LOOPBACK_REDIRECT, client_id: DEMO_APP.clientId, code_verifier: pair.verifier });
      assert.equal(res.status, 403);
      assert.deepEqual(await json(res), oauthError('invalid_grant', 'OAU-108', 'Authorization code is expired'));
    });

    it('OAU-110 for a code issued to another app', async () => {
      ctx.emu.registerApp({ ...DEMO_APP, clientId: 'other-client-id' });
      const pair = pkce();
      const code = await getCode(ctx.emu, defaultAuthorizeParams(pair));
      const res = await token(ctx.emu, { grant_type: 'authorization_code', code, redirect_uri: LOOPBACK_REDIRECT, client_id: 'other-client-id', code_verifier: pair.verifier });
      assert.equal(res.status, 403);
      assert.deepEqual(await json(res), oauthError('invalid_grant', 'OAU-110', 'Authorization code was not issued for this application'));
    });

    it('OAU-109 when the token request’s redirect_uri differs from the authorize one, or is missing', async () => {
      const pair = pkce();
      const code = await getCode(ctx.emu, defaultAuthorizeParams(pair));
      for (const redirect_uri of [VSCODE_REDIRECT, undefined]) {
        const res = await token(ctx.emu, { grant_type: 'authorization_code', code, redirect_uri, client_id: DEMO_APP.clientId, code_verifier: pair.verifier });
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
      const code = await getCode(ctx.emu, defaultAuthorizeParams(undefined, { client_id: CONFIDENTIAL.clientId, redirect_uri: redirect }));
      const res = await token(ctx.emu, { grant_type: 'authorization_code', code, redirect_uri: redirect, client_id: CONFIDENTIAL.clientId });
      assert.equal(res.status, 401);
      assert.deepEqual(await json(res), oauthError('invalid_client', 'OAU-123', 'Invalid Authorization header value'));
      const withBasic = await token(ctx.emu, { grant_type: 'authorization_code', code, redirect_uri: redirect }, { Authorization: basic(CONFIDENTIAL.clientId, CONFIDENTIAL.clientSecret as string) });
      assert.equal(withBasic.status, 200);
    });

    it('a confidential app may exchange a PKCE-bound code with client_id in the body', async () => {
      const pair = pkce();
      const code = await getCode(ctx.emu, defaultAuthorizeParams(pair, { client_id: CONFIDENTIAL.clientId, redirect_uri: redirect }));
      const res = await token(ctx.emu, { grant_type: 'authorization_code', code, redirect_uri: redirect, client_id: CONFIDENTIAL.clientId, code_verifier: pair.verifier });
      assert.equal(res.status, 200);
    });

    it('OAU-123 for a public app request with neither Basic nor client_id', async () => {
      const res = await token(ctx.emu, { grant_type: 'authorization_code', code: 'x' });
      assert.equal(res.status, 401);
      assert.deepEqual(await json(res), oauthError('invalid_client', 'OAU-123', 'Invalid Authorization header value'));
    });

    it('OAU-146 for a wrong secret', async () => {
      const res = await token(ctx.emu, { grant_type: 'authorization_code', code: 'x', redirect_uri: redirect }, { Authorization: basic(CONFIDENTIAL.clientId, 'wrong') });
      assert.equal(res.status, 401);
      assert.deepEqual(await json(res), oauthError('invalid_client', 'OAU-146', 'Invalid client credentials'));
    });

    it('OAU-153 for an unknown client id in Basic or in the body', async () => {
      let res = await token(ctx.emu, { grant_type: 'authorization_code', code: 'x' }, { Authorization: basic('ghost', 'secret') });
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
      const res = await token(ctx.emu, { grant_type: 'password', client_id: DEMO_APP.clientId, username: 'ada', password: 'x' });
      assert.equal(res.status, 401);
      const body = (await json(res)) as { errors: unknown };
      assert.deepEqual(body.errors, [{ errorCode: 'OAU-168', message: 'Password grant is not allowed because MFA is required' }]);
    });

    it('OAU-251 for a grant the app is not set up for', async () => {
      ctx.emu.updateApp(DEMO_APP.clientId, { grantTypes: ['authorization_code', 'refresh_token'] });
      const res = await token(ctx.emu, { grant_type: JWT_BEARER_GRANT, client_id: DEMO_APP.clientId, assertion: ctx.emu.createJwtCredential() });
      assert.equal(res.status, 400);
      assert.deepEqual(await json(res), oauthError('unauthorized_client', 'OAU-251', 'Unauthorized for this grant type'));
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
      const res = await token(ctx.emu, { grant_type: JWT_BEARER_GRANT, assertion: ctx.emu.createJwtCredential(), client_id: CONFIDENTIAL.clientId });
      assert.equal(res.status, 401);
      assert.deepEqual(await json(res), oauthError('invalid_client', 'OAU-123', 'Invalid Authorization header value'));
    });
  });

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
      const res = await postForm(ctx.emu, '/restapi/oauth/revoke', { token: first.access_token, client_id: DEMO_APP.clientId });
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
      assert.equal((await postForm(ctx.emu, '/restapi/oauth/revoke', { token: first.refresh_token, client_id: DEMO_APP.clientId })).status, 200);
      assert.equal((await whoAmI(ctx.emu, first.access_token)).status, 401);
      assert.equal((await postForm(ctx.emu, '/restapi/oauth/revoke', { token: 'unknown', client_id: DEMO_APP.clientId })).status, 200);
    });

    it('revoke needs client authentication like the token endpoint', async () => {
      ctx.emu.registerApp(CONFIDENTIAL);
      const res = await postForm(ctx.emu, '/restapi/oauth/revoke', { token: 'x', client_id: CONFIDENTIAL.clientId });
      assert.equal(res.status, 401);
      assert.deepEqual(await json(res), oauthError('invalid_client', 'OAU-123', 'Invalid Authorization header value'));
      const ok = await postForm(ctx.emu, '/restapi/oauth/revoke', { token: 'x' }, { Authorization: basic(CONFIDENTIAL.clientId, CONFIDENTIAL.clientSecret as string) });
      assert.equal(ok.status, 200);
    });

    it('OAU-251 for refresh on an app that issues no refresh tokens, and no refresh_token in its response', async () => {
      ctx.emu.updateApp(DEMO_APP.clientId, { issueRefreshTokens: false });
      const body = await signIn(ctx.emu);
      assert.equal(body.refresh_token, undefined);
      assert.equal(body.refresh_token_expires_in, undefined);
      const res = await refresh('whatever');
      assert.equal(res.status, 400);
      assert.deepEqual(await json(res), oauthError('unauthorized_client', 'OAU-251', 'Unauthorized for this grant type'));
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
    const attempt = (clientId = DEMO_APP.clientId): Promise<Response> => token(ctx.emu, { grant_type: 'refresh_token', refresh_token: 'x', client_id: clientId });

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

  describe('faults', () => {
    const ctx = useEmulator({ rateLimit: false, autoApprove: true });
    const refresh = (signal?: AbortSignal): Promise<Response> =>
      fetch(`${ctx.emu.url}/restapi/oauth/token`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: `grant_type=refresh_token&refresh_token=x&client_id=${DEMO_APP.clientId}`,
        signal,
      });

    it('5xx: 503 with an HTML page, for the named endpoint only, counting down', async () => {
      ctx.emu.setFault({ kind: '5xx', endpoint: 'token', remaining: 1 });
      assert.equal((await whoAmI(ctx.emu)).status, 401);
      const res = await refresh();
      assert.equal(res.status, 503);
      assert.match(res.headers.get('content-type') ?? '', /^text\/html/);
      assert.match(await res.text(), /Service Unavailable/);
      assert.equal((await refresh()).status, 400);
      assert.equal(ctx.emu.requests.at(-2)?.fault, '5xx');
    });

    it('hang: never answers, so the client times out', async () => {
      ctx.emu.setFault({ kind: 'hang', endpoint: 'token' });
      await assert.rejects(refresh(AbortSignal.timeout(300)), (error: Error) => error.name === 'TimeoutError');
    });

    it('malformedJson: 200 application/json that does not parse', async () => {
      ctx.emu.setFault({ kind: 'malformedJson', endpoint: 'any' });
      const res = await refresh();
      assert.equal(res.status, 200);
      assert.match(res.headers.get('content-type') ?? '', /application\/json/);
      const text = await res.text();
      assert.equal(text, '{"access_token": ');
      assert.throws(() => JSON.parse(text), SyntaxError);
    });

    it('htmlError: a 502 HTML page from a proxy', async () => {
      ctx.emu.setFault({ kind: 'htmlError', endpoint: 'api' });
      const res = await whoAmI(ctx.emu, 'x');
      assert.equal(res.status, 502);
      assert.match(res.headers.get('content-type') ?? '', /^text\/html/);
      assert.match(await res.text(), /Bad Gateway/);
    });

    it('drop: the connection closes without a response', async () => {
      ctx.emu.setFault({ kind: 'drop', endpoint: 'authorize', remaining: 1 });
      await assert.rejects(authorize(ctx.emu, defaultAuthorizeParams(pkce())), TypeError);
      assert.equal((await authorize(ctx.emu, defaultAuthorizeParams(pkce()))).status, 302);
    });

    it('close() ends hung requests so nothing waits', async () => {
      const emu = await startEmulator({ rateLimit: false });
      emu.setFault({ kind: 'hang' });
      const pending = fetch(`${emu.url}/restapi/oauth/authorize`).then(
        () => 'answered',
        () => 'failed',
      );
      while (emu.requests.length === 0) {
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      const started = Date.now();
      await emu.close();
      assert.ok(Date.now() - started < 1000);
      assert.equal(await pending, 'failed');
    });
  });

  describe('console', () => {
    const ctx = useEmulator({ rateLimit: false });

    it('lists apps without secrets, registers and patches apps', async () => {
      let res = await consoleCall(ctx.emu, 'POST', '/apps', CONFIDENTIAL);
      assert.equal(res.status, 201);
      res = await consoleCall(ctx.emu, 'GET', '/apps');
      const text = await res.text();
      assert.ok(!text.includes(CONFIDENTIAL.clientSecret as string));
      const apps = JSON.parse(text) as Array<{ clientId: string; hasSecret: boolean; clientSecret?: string }>;
      assert.deepEqual(apps.map((a) => [a.clientId, a.hasSecret]), [[DEMO_APP.clientId, false], [CONFIDENTIAL.clientId, true]]);
      res = await consoleCall(ctx.emu, 'PATCH', `/apps/${CONFIDENTIAL.clientId}`, { permissions: ['ReadCallLog'], clientSecret: null });
      assert.equal(res.status, 200);
      assert.deepEqual(ctx.emu.getApp(CONFIDENTIAL.clientId)?.permissions, ['ReadCallLog']);
      assert.equal(ctx.emu.getApp(CONFIDENTIAL.clientId)?.clientSecret, undefined);
      assert.equal((await consoleCall(ctx.emu, 'PATCH', '/apps/ghost', { name: 'x' })).status, 404);
      assert.equal((await consoleCall(ctx.emu, 'POST', '/apps', { clientId: 'bad', redirectUris: 'x' })).status, 400);
    });

    it('adds redirect URIs (JSON and form), at most 10', async () => {
      ctx.emu.setAutoApprove(true);
      let res = await consoleCall(ctx.emu, 'POST', `/apps/${DEMO_APP.clientId}/redirect-uris`, { uri: WEB_REDIRECT });
      assert.equal(res.status, 200);
      assert.ok(((await res.json()) as { redirectUris: string[] }).redirectUris.includes(WEB_REDIRECT));
      assert.equal((await authorize(ctx.emu, defaultAuthorizeParams(pkce(), { redirect_uri: WEB_REDIRECT }))).status, 302);

      res = await fetch(`${ctx.emu.url}/__console/apps/${DEMO_APP.clientId}/redirect-uris`, {
        method: 'POST',
        redirect: 'manual',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ uri: 'http://localhost:5000/oauth2callback' }).toString(),
      });
      assert.equal(res.status, 303);
      assert.equal(res.headers.get('location'), '/__console');
      for (let i = 0; i < 4; i++) {
        assert.equal((await consoleCall(ctx.emu, 'POST', `/apps/${DEMO_APP.clientId}/redirect-uris`, { uri: `http://127.0.0.1:${5000 + i}/cb` })).status, 200);
      }
      res = await consoleCall(ctx.emu, 'POST', `/apps/${DEMO_APP.clientId}/redirect-uris`, { uri: 'http://127.0.0.1:6000/cb' });
      assert.equal(res.status, 400);
      assert.match(((await res.json()) as { message: string }).message, /10/);
    });

    it('the HTML console lists apps and redirect URIs, escaped, with a plain form', async () => {
      ctx.emu.updateApp(DEMO_APP.clientId, { name: '<b>Demo</b>', redirectUris: [WEB_REDIRECT] });
      const res = await fetch(`${ctx.emu.url}/__console`);
      assert.equal(res.status, 200);
      const html = await res.text();
      assert.ok(html.includes(WEB_REDIRECT.replace(/&/g, '&amp;')));
      assert.ok(html.includes('&lt;b&gt;Demo&lt;/b&gt;'));
      assert.ok(html.includes(`action="/__console/apps/${DEMO_APP.clientId}/redirect-uris"`));
      assert.ok(!/<script/i.test(html));
    });

    it('controls fault, auto-approve, rate limit, clock and JWT credentials', async () => {
      assert.equal((await consoleCall(ctx.emu, 'POST', '/fault', { kind: '5xx', endpoint: 'authorize', remaining: 1 })).status, 200);
      assert.equal((await authorize(ctx.emu, defaultAuthorizeParams(pkce()))).status, 503);
      assert.equal((await consoleCall(ctx.emu, 'POST', '/fault', { kind: 'nonsense' })).status, 400);

      assert.equal((await consoleCall(ctx.emu, 'POST', '/auto-approve', { on: true })).status, 200);
      const pair = pkce();
      const code = await getCode(ctx.emu, defaultAuthorizeParams(pair));
      assert.equal((await consoleCall(ctx.emu, 'POST', '/clock', { advanceSeconds: 61 })).status, 200);
      const expired = await token(ctx.emu, { grant_type: 'authorization_code', code, redirect_uri: LOOPBACK_REDIRECT, client_id: DEMO_APP.clientId, code_verifier: pair.verifier });
      assert.equal(((await json(expired)) as { errors: Array<{ errorCode: string }> }).errors[0].errorCode, 'OAU-108');

      const jwt = (await (await consoleCall(ctx.emu, 'POST', '/jwt', {})).json()) as { credential: string };
      const signedIn = await token(ctx.emu, { grant_type: JWT_BEARER_GRANT, assertion: jwt.credential, client_id: DEMO_APP.clientId });
      assert.equal(signedIn.status, 200);

      assert.equal((await consoleCall(ctx.emu, 'POST', '/rate-limit', { perMinute: 1, penaltySeconds: 5 })).status, 200);
      assert.equal((await authorize(ctx.emu, defaultAuthorizeParams(pkce()))).status, 302);
      const limited = await authorize(ctx.emu, defaultAuthorizeParams(pkce()));
      assert.equal(limited.status, 429);
      assert.equal(limited.headers.get('retry-after'), '5');
      const state = (await (await consoleCall(ctx.emu, 'GET', '/state')).json()) as { autoApprove: boolean; rateLimit: unknown };
      assert.equal(state.autoApprove, true);
      assert.deepEqual(state.rateLimit, { perMinute: 1, penaltySeconds: 5 });
      assert.equal((await consoleCall(ctx.emu, 'GET', '/nothing-here')).status, 404);
    });

    it('records requests with secrets masked', async () => {
      ctx.emu.registerApp(CONFIDENTIAL);
      const verifier = pkce().verifier;
      await token(ctx.emu, { grant_type: 'authorization_code', code: 'some-code-value-123456', code_verifier: verifier }, { Authorization: basic(CONFIDENTIAL.clientId, CONFIDENTIAL.clientSecret as string) });
      const res = await consoleCall(ctx.emu, 'GET', '/requests');
      const text = await res.text();
      assert.ok(!text.includes(verifier));
      assert.ok(!text.includes(Buffer.from(`${CONFIDENTIAL.clientId}:${CONFIDENTIAL.clientSecret}`).toString('base64')));
      const [entry] = JSON.parse(text) as Array<{ method: string; path: string; status: number; headers: Record<string, string>; form: Record<string, string> }>;
      assert.equal(entry.method, 'POST');
      assert.equal(entry.path, '/restapi/oauth/token');
      assert.equal(entry.status, 403);
      assert.match(entry.headers.authorization, /^Basic \*\*\*/);
      assert.equal(entry.form.grant_type, 'authorization_code');
      assert.equal(entry.form.code, '***3456');
      assert.match(entry.form.code_verifier, /^\*\*\*/);
      assert.equal((await consoleCall(ctx.emu, 'DELETE', '/requests')).status, 200);
      assert.equal(ctx.emu.requests.length, 0);
    });
  });

  describe('cli', () => {
    it('prints one JSON line, serves the demo app, and stops on SIGTERM', async () => {
      const cli = path.join(__dirname, '..', 'cli.js');
      const child = spawn(process.execPath, [cli, '--port', '0', '--auto-approve', '--no-rate-limit'], { stdio: ['ignore', 'pipe', 'pipe'] });
      const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
      try {
        const firstLine = await new Promise<string>((resolve, reject) => {
          const lines = createInterface({ input: child.stdout });
          lines.once('line', resolve);
          child.once('exit', () => reject(new Error('cli exited before printing')));
        });
        const info = JSON.parse(firstLine) as { url: string; clientId: string };
        assert.equal(info.clientId, DEMO_APP.clientId);
        assert.match(info.url, /^http:\/\/127\.0\.0\.1:\d+$/);
        const state = (await (await fetch(`${info.url}/__console/state`)).json()) as { autoApprove: boolean; rateLimit: unknown };
        assert.equal(state.autoApprove, true);
        assert.equal(state.rateLimit, false);
      } finally {
        child.kill('SIGTERM');
      }
      assert.equal(await exited, 0);
    });
  });
});
