import * as assert from 'node:assert/strict';
import { authorizeParams, AuthorizeRequest, buildAuthorizeUrl } from '../../../src/core/oauth/authorizeUrl';

const WEB_REDIRECT =
  'http://127.0.0.1:8080/stable-abc/callback?vscode-reqid=1&vscode-scheme=code-oss&vscode-authority=rcdevtools.ringcentral-oauth&vscode-path=%2Fcallback';

function request(overrides: Partial<AuthorizeRequest> = {}): AuthorizeRequest {
  return {
    server: 'https://platform.ringcentral.com',
    clientId: 'my-client-id',
    redirectUri: 'vscode://rcdevtools.ringcentral-oauth/callback',
    state: 'state-abc_123',
    codeChallenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
    codeChallengeMethod: 'S256',
    ...overrides,
  };
}

describe('authorizeUrl', () => {
  it('targets /restapi/oauth/authorize on the server', () => {
    const url = new URL(buildAuthorizeUrl(request()));
    assert.equal(url.origin, 'https://platform.ringcentral.com');
    assert.equal(url.pathname, '/restapi/oauth/authorize');
    assert.equal(url.hash, '');
  });

  it('carries exactly the documented parameters, in documented order, without scope', () => {
    const url = new URL(buildAuthorizeUrl(request()));
    assert.deepEqual(
      [...url.searchParams.entries()],
      [
        ['response_type', 'code'],
        ['client_id', 'my-client-id'],
        ['redirect_uri', 'vscode://rcdevtools.ringcentral-oauth/callback'],
        ['state', 'state-abc_123'],
        ['code_challenge', 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM'],
        ['code_challenge_method', 'S256'],
      ],
    );
    assert.equal(url.searchParams.has('scope'), false);
  });

  it('round-trips a redirect URI that has its own query, byte for byte', () => {
    const built = buildAuthorizeUrl(request({ redirectUri: WEB_REDIRECT }));
    const url = new URL(built);
    assert.equal(url.searchParams.get('redirect_uri'), WEB_REDIRECT);
    // Its own parameters must not leak into the authorize query.
    assert.equal(url.searchParams.has('vscode-reqid'), false);
    assert.equal(url.searchParams.has('vscode-path'), false);
    assert.equal(url.searchParams.getAll('redirect_uri').length, 1);
    // The '&', '?', '=' and the '%' of %2F are escaped inside the value.
    assert.ok(
      built.includes('redirect_uri=http%3A%2F%2F127.0.0.1%3A8080%2Fstable-abc%2Fcallback%3Fvscode-reqid%3D1%26'),
      built,
    );
    assert.ok(built.includes('vscode-path%3D%252Fcallback'), built);
  });

  it('escapes state and client id values', () => {
    const url = new URL(buildAuthorizeUrl(request({ clientId: 'id with&odd=chars', state: 'a+b/c=' })));
    assert.equal(url.searchParams.get('client_id'), 'id with&odd=chars');
    assert.equal(url.searchParams.get('state'), 'a+b/c=');
  });

  it('adds prompt, login_hint and ui_locales only when given', () => {
    const plain = authorizeParams(request());
    assert.equal(plain.has('prompt'), false);
    assert.equal(plain.has('login_hint'), false);
    assert.equal(plain.has('ui_locales'), false);
    const extra = authorizeParams(
      request({ prompt: 'login consent', loginHint: 'ada@example.com', uiLocales: 'en-US' }),
    );
    assert.equal(extra.get('prompt'), 'login consent');
    assert.equal(extra.get('login_hint'), 'ada@example.com');
    assert.equal(extra.get('ui_locales'), 'en-US');
    assert.deepEqual([...extra.keys()].slice(0, 6), [
      'response_type',
      'client_id',
      'redirect_uri',
      'state',
      'code_challenge',
      'code_challenge_method',
    ]);
  });

  it('uses a custom server (emulator) as given', () => {
    assert.ok(
      buildAuthorizeUrl(request({ server: 'http://127.0.0.1:4567' })).startsWith(
        'http://127.0.0.1:4567/restapi/oauth/authorize?response_type=code&',
      ),
    );
  });
});
