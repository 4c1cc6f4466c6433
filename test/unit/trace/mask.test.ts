import * as assert from 'node:assert/strict';
import {
  maskHeaders,
  maskJsonBody,
  maskParams,
  maskParamsRecord,
  maskSecret,
  maskUrl,
  SECRET_FIELDS,
} from '../../../src/core/trace/mask';

const ACCESS = 'U0pDMTFQMDFQQVMwMHxBQUJfTVpYd2VlZXRfYWNjZXNzX3Rva2VuX3ZhbHVl';
const REFRESH = 'U0pDMTFQMDFQQVMwMHxBQURfcmVmcmVzaF90b2tlbl92YWx1ZV94eXo';
const CODE = 'U0pDMTFQMDFQQVMwMHxBQUNfY29kZV92YWx1ZQ';
const VERIFIER = 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk';
const SECRET = 'my-very-secret-client-secret';

describe('mask', () => {
  describe('maskSecret', () => {
    it('keeps the first 4 and last 3 characters of a long value', () => {
      assert.equal(maskSecret(ACCESS), `${ACCESS.slice(0, 4)}…${ACCESS.slice(-3)}`);
      assert.equal(maskSecret('abcdefghijklm'), 'abcd…klm');
    });

    it('never shows a short value, nor any part of it', () => {
      for (let length = 1; length <= 12; length++) {
        const value = 'Zq9'.repeat(4).slice(0, length);
        const masked = maskSecret(value);
        assert.notEqual(masked, value);
        assert.match(masked, /^•*…$/, `length ${length}: ${masked}`);
        assert.ok(!/[Zq9]/.test(masked));
      }
    });

    it('empty, null and undefined mask to the empty string', () => {
      assert.equal(maskSecret(''), '');
      assert.equal(maskSecret(undefined), '');
      assert.equal(maskSecret(null), '');
    });
  });

  it('lists the OAuth secret fields', () => {
    for (const field of [
      'code',
      'code_verifier',
      'client_secret',
      'refresh_token',
      'access_token',
      'id_token',
      'assertion',
      'password',
      'token',
    ]) {
      assert.ok(SECRET_FIELDS.has(field), field);
    }
    for (const field of ['grant_type', 'redirect_uri', 'client_id', 'state', 'code_challenge']) {
      assert.ok(!SECRET_FIELDS.has(field), field);
    }
  });

  it('masks secret form fields and keeps the others readable', () => {
    const body = new URLSearchParams({
      grant_type: 'authorization_code',
      code: CODE,
      redirect_uri: 'vscode://rcdevtools.ringcentral-oauth/callback',
      code_verifier: VERIFIER,
      client_id: 'demo-client-id',
      client_secret: SECRET,
    }).toString();
    const masked = new URLSearchParams(maskParams(body));
    assert.equal(masked.get('grant_type'), 'authorization_code');
    assert.equal(masked.get('redirect_uri'), 'vscode://rcdevtools.ringcentral-oauth/callback');
    assert.equal(masked.get('client_id'), 'demo-client-id');
    assert.equal(masked.get('code'), `${CODE.slice(0, 4)}…${CODE.slice(-3)}`);
    assert.equal(masked.get('code_verifier'), `${VERIFIER.slice(0, 4)}…${VERIFIER.slice(-3)}`);
    assert.equal(masked.get('client_secret'), `${SECRET.slice(0, 4)}…${SECRET.slice(-3)}`);
    const text = maskParams(body);
    for (const secret of [CODE, VERIFIER, SECRET]) assert.ok(!text.includes(secret));
  });

  it('masks refresh, token, assertion and password fields, from URLSearchParams too', () => {
    const params = new URLSearchParams([
      ['grant_type', 'refresh_token'],
      ['refresh_token', REFRESH],
      ['token', ACCESS],
      ['assertion', 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl'],
      ['password', 'hunter2'],
    ]);
    const masked = new URLSearchParams(maskParams(params));
    assert.equal(masked.get('grant_type'), 'refresh_token');
    assert.equal(masked.get('refresh_token'), `${REFRESH.slice(0, 4)}…${REFRESH.slice(-3)}`);
    assert.equal(masked.get('token'), `${ACCESS.slice(0, 4)}…${ACCESS.slice(-3)}`);
    assert.equal(masked.get('assertion'), 'eyJh…XJl');
    assert.equal(masked.get('password'), '•••…');
  });

  it('maskParamsRecord masks the same fields in a record', () => {
    assert.deepEqual(maskParamsRecord({ code: CODE, state: 'st-1', error: 'access_denied' }), {
      code: `${CODE.slice(0, 4)}…${CODE.slice(-3)}`,
      state: 'st-1',
      error: 'access_denied',
    });
  });

  describe('maskUrl', () => {
    it('masks the code of a callback URL and keeps the rest', () => {
      const url = `http://127.0.0.1:53134/callback?code=${CODE}&state=st-1&expires_in=60`;
      const masked = maskUrl(url);
      assert.ok(!masked.includes(CODE));
      assert.ok(masked.startsWith('http://127.0.0.1:53134/callback?'));
      const query = new URL(masked).searchParams;
      assert.equal(query.get('state'), 'st-1');
      assert.equal(query.get('expires_in'), '60');
      assert.equal(query.get('code'), `${CODE.slice(0, 4)}…${CODE.slice(-3)}`);
    });

    it('keeps the redirect URI own query parameters', () => {
      const url = `http://127.0.0.1:8080/stable-abc/callback?vscode-reqid=1&vscode-path=%2Fcallback&code=${CODE}&state=s`;
      const query = new URL(maskUrl(url)).searchParams;
      assert.equal(query.get('vscode-reqid'), '1');
      assert.equal(query.get('vscode-path'), '/callback');
      assert.ok(!maskUrl(url).includes(CODE));
    });

    it('masks secrets in a fragment', () => {
      const masked = maskUrl(`http://127.0.0.1:53134/callback#code=${CODE}&state=st-1`);
      assert.ok(!masked.includes(CODE), masked);
      assert.ok(masked.startsWith('http://127.0.0.1:53134/callback#'));
      assert.equal(new URLSearchParams(new URL(masked).hash.slice(1)).get('state'), 'st-1');
      const both = maskUrl(`https://x.test/cb?state=s#access_token=${ACCESS}`);
      assert.ok(!both.includes(ACCESS), both);
    });

    it('returns a URL without secrets unchanged', () => {
      assert.equal(
        maskUrl('https://platform.ringcentral.com/restapi/oauth/token'),
        'https://platform.ringcentral.com/restapi/oauth/token',
      );
      assert.equal(maskUrl('https://x.test/page#section'), 'https://x.test/page#section');
    });
  });

  describe('maskHeaders', () => {
    it('keeps the scheme of Basic and Bearer and masks the credential', () => {
      const basic = Buffer.from(`demo-client-id:${SECRET}`).toString('base64');
      const masked = maskHeaders({
        Authorization: `Basic ${basic}`,
        'Content-Type': 'application/x-www-form-urlencoded',
      });
      assert.equal(masked.Authorization, `Basic ${basic.slice(0, 4)}…${basic.slice(-3)}`);
      assert.equal(masked['Content-Type'], 'application/x-www-form-urlencoded');
      assert.equal(
        maskHeaders({ authorization: `Bearer ${ACCESS}` }).authorization,
        `Bearer ${ACCESS.slice(0, 4)}…${ACCESS.slice(-3)}`,
      );
    });

    it('masks a credential sent without a scheme', () => {
      const masked = maskHeaders({ Authorization: ACCESS }).Authorization;
      assert.ok(!masked.includes(ACCESS), masked);
      assert.equal(masked, `${ACCESS.slice(0, 4)}…${ACCESS.slice(-3)}`);
    });
  });

  describe('maskJsonBody', () => {
    it('masks token fields of a token response and keeps the rest', () => {
      const body = JSON.stringify({
        access_token: ACCESS,
        token_type: 'bearer',
        expires_in: 3600,
        refresh_token: REFRESH,
        refresh_token_expires_in: 604800,
        scope: 'ReadAccounts',
        owner_id: '62264425004',
        id_token: 'eyJhbGciOiJSUzI1NiJ9.payload.signature',
      });
      const text = maskJsonBody(body);
      for (const secret of [ACCESS, REFRESH, 'eyJhbGciOiJSUzI1NiJ9.payload.signature'])
        assert.ok(!text.includes(secret));
      const parsed = JSON.parse(text) as Record<string, unknown>;
      assert.equal(parsed.access_token, `${ACCESS.slice(0, 4)}…${ACCESS.slice(-3)}`);
      assert.equal(parsed.refresh_token, `${REFRESH.slice(0, 4)}…${REFRESH.slice(-3)}`);
      assert.equal(parsed.token_type, 'bearer');
      assert.equal(parsed.expires_in, 3600);
      assert.equal(parsed.refresh_token_expires_in, 604800);
      assert.equal(parsed.scope, 'ReadAccounts');
      assert.equal(parsed.owner_id, '62264425004');
    });

    it('returns non-JSON and non-object bodies as they are', () => {
      assert.equal(maskJsonBody('<html>502</html>'), '<html>502</html>');
      assert.equal(maskJsonBody('{"access_token": '), '{"access_token": ');
      assert.equal(maskJsonBody('"text"'), '"text"');
      assert.equal(maskJsonBody('null'), 'null');
    });

    it('leaves an error body readable', () => {
      const body =
        '{"error":"invalid_grant","error_description":"Token not found","errors":[{"errorCode":"OAU-213","message":"Token not found"}]}';
      assert.deepEqual(JSON.parse(maskJsonBody(body)), JSON.parse(body));
    });
  });
});
