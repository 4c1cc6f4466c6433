// Try an API Call's input checks and answer text: nothing leaves the session's server, {parameters} stay one
// segment, the body is JSON, and the answer shown never carries a token.
import * as assert from 'node:assert/strict';
import {
  checkApiCall,
  checkPathParameterValue,
  fillPathTemplate,
  parseJsonBody,
  pathParameterNames,
  takesBody,
  WHO_AM_I_TEMPLATE,
} from '../../../src/core/ringcentral/apiCallRequest';
import { apiResponseDocument } from '../../../src/core/ringcentral/apiResponseDocument';
import { registerSecret } from '../../../src/core/trace/secretRegistry';

describe('Try an API Call: the request', () => {
  it('fills {accountId} and {extensionId} with ~ and encodes other values', () => {
    assert.deepEqual(pathParameterNames(WHO_AM_I_TEMPLATE), ['accountId', 'extensionId']);
    assert.equal(fillPathTemplate(WHO_AM_I_TEMPLATE, {}), '/restapi/v1.0/account/~/extension/~');
    const template = '/restapi/v1.0/account/{accountId}/extension/{extensionId}/address-book/contact/{contactId}';
    assert.deepEqual(pathParameterNames(template), ['accountId', 'extensionId', 'contactId']);
    assert.equal(
      fillPathTemplate(template, { contactId: 'a b&c' }),
      '/restapi/v1.0/account/~/extension/~/address-book/contact/a%20b%26c',
    );
    assert.equal(fillPathTemplate(template, { extensionId: '12345', contactId: '7' }).split('/')[6], '12345');
  });

  it('keeps a typed parameter to one path segment', () => {
    assert.equal(checkPathParameterValue('12345'), undefined);
    for (const bad of ['', '  ', 'a/b', '..', 'a?b', 'a#b', 'a b', 'a\\b']) {
      assert.ok(checkPathParameterValue(bad), `refused: ${JSON.stringify(bad)}`);
    }
  });

  it('takes a path on the signed-in server only, never a URL or an OAuth endpoint', () => {
    assert.deepEqual(checkApiCall('get', '/restapi/v1.0/account/~/extension/~'), {
      ok: true,
      method: 'GET',
      path: '/restapi/v1.0/account/~/extension/~',
    });
    assert.equal(checkApiCall('POST', '/restapi/v1.0/account/~/extension/~/sms?x=1').ok, true);
    const refused: Array<[string, string, string]> = [
      ['TRACE', '/restapi/v1.0/account/~', 'method'],
      ['GET', 'https://evil.example/restapi/v1.0/account/~', 'path'],
      ['GET', '//evil.example/restapi', 'path'],
      ['GET', 'restapi/v1.0/account/~', 'path'],
      ['GET', '/restapi/v1.0/account/~/../../oauth/token', 'path'],
      ['GET', '/restapi/v1.0/account/{accountId}', 'path'],
      ['POST', '/restapi/oauth/token', 'path'],
      ['POST', '/restapi/oauth/revoke', 'path'],
      ['GET', '/.well-known/openid-configuration', 'path'],
      ['GET', '/restapi/v1.0/account/~ x', 'path'],
      ['GET', `/${'a'.repeat(3000)}`, 'path'],
    ];
    for (const [method, path, code] of refused) {
      const checked = checkApiCall(method, path);
      assert.equal(checked.ok, false, `${method} ${path}`);
      if (!checked.ok) assert.equal(checked.code, code, `${method} ${path}`);
    }
  });

  it('reads the body as JSON; empty is {}', () => {
    assert.deepEqual(parseJsonBody('{"firstName":"Ada"}'), { ok: true, value: { firstName: 'Ada' } });
    assert.deepEqual(parseJsonBody('  '), { ok: true, value: {} });
    const bad = parseJsonBody('{firstName: Ada}');
    assert.equal(bad.ok, false);
    assert.equal(parseJsonBody(' '.repeat(10) + 'x'.repeat(1_000_001)).ok, false);
    assert.equal(takesBody('POST') && takesBody('PUT') && takesBody('PATCH'), true);
    assert.equal(takesBody('GET') || takesBody('DELETE'), false);
  });
});

describe('Try an API Call: the answer document', () => {
  it('is the JSON body pretty-printed, named after method, path and status', () => {
    const document = apiResponseDocument('GET', '/restapi/v1.0/account/~/extension/~', {
      status: 200,
      contentType: 'application/json;charset=UTF-8',
      json: { name: 'Ada Lovelace', id: 62264425001 },
      text: '{"name":"Ada Lovelace","id":62264425001}',
    });
    assert.equal(document.language, 'json');
    assert.equal(document.text, '{\n  "name": "Ada Lovelace",\n  "id": 62264425001\n}');
    assert.equal(document.name, 'GET \u2215restapi\u2215v1.0\u2215account\u2215~\u2215extension\u2215~ 200.json');
    assert.ok(!document.name.includes('/'));
  });

  it('never shows a token the answer echoes', () => {
    const token = 'U0pDMTFQMDFQQVMwMHxBQUFtb2NrZWRfYWNjZXNzX3Rva2VuX3ZhbHVl';
    registerSecret(token);
    const document = apiResponseDocument('GET', '/restapi/v1.0/subscription', {
      status: 200,
      contentType: 'application/json',
      json: {
        access_token: 'abcdefghijklmnopqrstuvwxyz',
        note: `echo ${token}`,
        nested: [{ refreshToken: 'r'.repeat(40) }],
      },
      text: '',
    });
    assert.ok(!document.text.includes(token));
    assert.ok(!document.text.includes('abcdefghijklmnopqrstuvwxyz'));
    assert.ok(!document.text.includes('r'.repeat(40)));
    const plain = apiResponseDocument('GET', '/restapi/v1.0/x', {
      status: 200,
      contentType: 'text/plain',
      text: `Authorization: Bearer ${token}`,
    });
    assert.equal(plain.language, 'plaintext');
    assert.ok(!plain.text.includes(token));
  });

  it('says so for an empty or binary answer instead of showing bytes', () => {
    const empty = apiResponseDocument('DELETE', '/restapi/v1.0/account/~/extension/~/address-book/contact/1', {
      status: 204,
      contentType: '',
      text: '',
    });
    assert.equal(JSON.parse(empty.text).status, 204);
    const audio = apiResponseDocument('GET', '/restapi/v1.0/account/~/recording/1/content', {
      status: 200,
      contentType: 'audio/mpeg',
      text: '\u0000\u0001ID3',
    });
    assert.match(JSON.parse(audio.text).note, /Binary/);
  });
});
