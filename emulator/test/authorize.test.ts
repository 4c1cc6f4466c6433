// The emulator's authorize endpoint and consent page, driven over real HTTP. Bodies are asserted exactly as
// /work/shared/ringcentral-oauth-facts.md gives them.
import * as assert from 'node:assert/strict';
import { DEMO_APP, DEMO_USER, JWT_BEARER_GRANT } from '../server';
import {
  authorize,
  defaultAuthorizeParams,
  getCodeRedirect,
  json,
  LOOPBACK_REDIRECT,
  oauthError,
  pkce,
  postForm,
  token,
  useEmulator,
  WEB_REDIRECT,
} from './emulatorTestUtils';

describe('RingCentral emulator', function () {
  this.timeout(10000);

  describe('authorize validation', () => {
    const ctx = useEmulator({ rateLimit: false, autoApprove: true });

    it('OAU-153 for an unknown or missing client id, before anything else', async () => {
      let res = await authorize(
        ctx.emu,
        defaultAuthorizeParams(undefined, { client_id: 'nope', response_type: 'token' }),
      );
      assert.equal(res.status, 400);
      assert.deepEqual(await json(res), oauthError('invalid_client', 'OAU-153', 'Invalid client: nope'));
      res = await authorize(ctx.emu, defaultAuthorizeParams(undefined, { client_id: undefined }));
      assert.deepEqual(await json(res), oauthError('invalid_client', 'OAU-153', 'Invalid client: '));
    });

    it('answers an HTML page with the code and escaped message when the browser does not ask for JSON', async () => {
      const res = await authorize(
        ctx.emu,
        defaultAuthorizeParams(undefined, { client_id: '<img src=x onerror=alert(1)>' }),
        'text/html',
      );
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
      assert.deepEqual(
        await json(res),
        oauthError('unsupported_response_type', 'OAU-101', 'Unsupported response type'),
      );
    });

    it('OAU-113 when the app has no redirect URI', async () => {
      ctx.emu.registerApp({ ...DEMO_APP, clientId: 'jwt-only', redirectUris: [] });
      const res = await authorize(ctx.emu, defaultAuthorizeParams(undefined, { client_id: 'jwt-only' }));
      assert.equal(res.status, 400);
      assert.deepEqual(
        await json(res),
        oauthError('invalid_client', 'OAU-113', 'No redirect uri is registered for the client'),
      );
    });

    it('OAU-109 for a redirect URI that is not byte-for-byte registered, or omitted with several registered', async () => {
      for (const redirect_uri of [
        `${LOOPBACK_REDIRECT}/`,
        'http://localhost:53134/callback',
        'HTTP://127.0.0.1:53134/callback',
      ]) {
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
      const location = await getCodeRedirect(
        ctx.emu,
        defaultAuthorizeParams(pair, { client_id: 'single', redirect_uri: undefined }),
      );
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
});
