import * as assert from 'node:assert/strict';
import { diagnose } from '../../../src/core/diagnosis/diagnose';
import { parseFailureText } from '../../../src/core/diagnosis/parseFailureText';
import type { Failure } from '../../../src/core/diagnosis/types';

const OAU_113_BODY =
  '{"error":"invalid_client","errors":[{"errorCode":"OAU-113","message":"No redirect uri is registered for the client"}],"error_description":"No redirect uri is registered for the client"}';

function apiInfo(f: Failure | undefined) {
  assert.ok(f, 'nothing parsed');
  assert.equal(f.kind, 'api');
  return f.info;
}

describe('parseFailureText', () => {
  it('a JSON body', () => {
    const info = apiInfo(parseFailureText(`  ${OAU_113_BODY}\n`));
    assert.equal(info.code, 'OAU-113');
    assert.equal(info.error, 'invalid_client');
    assert.equal(info.message, 'No redirect uri is registered for the client');
  });

  it('a REST body with InsufficientPermissions around CMN-401', () => {
    const info = apiInfo(
      parseFailureText(
        '{"errorCode":"InsufficientPermissions","message":"In order to call this API endpoint, application needs to have [ReadContacts] permission","errors":[{"errorCode":"CMN-401","message":"In order to call this API endpoint, application needs to have [ReadContacts] permission","permissionName":"ReadContacts"}],"permissionName":"ReadContacts"}',
      ),
    );
    assert.equal(info.code, 'CMN-401');
    assert.equal(info.topLevelCode, 'InsufficientPermissions');
    assert.equal(info.permissionName, 'ReadContacts');
  });

  it('a whole HTTP/1.1 response with Retry-After', () => {
    const text = [
      'HTTP/1.1 429 Too Many Requests',
      'Content-Type: application/json',
      'Retry-After: 37',
      'X-Rate-Limit-Group: auth',
      '',
      '{"errorCode":"CMN-301","message":"Request rate exceeded","errors":[{"errorCode":"CMN-301","message":"Request rate exceeded"}]}',
    ].join('\r\n');
    const info = apiInfo(parseFailureText(text));
    assert.equal(info.status, 429);
    assert.equal(info.code, 'CMN-301');
    assert.equal(info.retryAfterSeconds, 37);
    assert.equal(diagnose({ kind: 'api', info }).retryAfterSeconds, 37);
  });

  it('an HTTP/2 response', () => {
    const info = apiInfo(
      parseFailureText(
        `HTTP/2 401\ncontent-type: application/json\n\n{"errorCode":"TokenInvalid","message":"Unparseable access token","errors":[{"errorCode":"TokenInvalid","message":"Unparseable access token"}]}`,
      ),
    );
    assert.equal(info.status, 401);
    assert.equal(info.code, 'TokenInvalid');
  });

  it('curl -v output with an interim 100 Continue', () => {
    const text = [
      '< HTTP/1.1 100 Continue',
      '<',
      '< HTTP/1.1 400 Bad Request',
      '< Content-Type: application/json',
      '<',
      OAU_113_BODY,
    ].join('\n');
    const info = apiInfo(parseFailureText(text));
    assert.equal(info.status, 400);
    assert.equal(info.code, 'OAU-113');
  });

  it('an HTTP response with an HTML body', () => {
    const f = parseFailureText(
      'HTTP/1.1 502 Bad Gateway\nContent-Type: text/html\n\n<html><head><title>502 Bad Gateway</title></head></html>',
    );
    assert.ok(f && f.kind === 'http');
    assert.equal(f.status, 502);
    assert.equal(f.contentType, 'text/html');
    assert.match(f.body, /<title>/);
    assert.equal(diagnose(f).id, 'proxy-error-page');
  });

  it('a 429 without a JSON body still keeps Retry-After', () => {
    const info = apiInfo(parseFailureText('HTTP/1.1 429 Too Many Requests\nRetry-After: 61\n\nslow down'));
    assert.equal(info.retryAfterSeconds, 61);
    assert.equal(diagnose({ kind: 'api', info }).id, 'rate-limited');
  });

  it('a callback URL with error and error_description', () => {
    const f = parseFailureText(
      'vscode://rcdevtools.ringcentral-oauth/callback?error=access_denied&error_description=The+user+denied+access&state=abc',
    );
    assert.deepEqual(f, { kind: 'callback', error: 'access_denied', description: 'The user denied access' });
    const frag = parseFailureText(
      'http://127.0.0.1:53134/callback#error=invalid_request&error_description=Redirect%20URIs%20do%20not%20match',
    );
    assert.deepEqual(frag, { kind: 'callback', error: 'invalid_request', description: 'Redirect URIs do not match' });
    // The description names a known message that comes with invalid_request too, so it wins over the generic entry.
    assert.equal(diagnose(frag as Failure).id, 'redirect-uri-mismatch');
  });

  it('a log line containing JSON and a status', () => {
    const info = apiInfo(
      parseFailureText(
        `[2025-01-02T10:00:00Z] ERROR token request failed with status 400: ${OAU_113_BODY} (took 120 ms)`,
      ),
    );
    assert.equal(info.code, 'OAU-113');
    assert.equal(info.status, 400);
  });

  it('escaped JSON inside a log line', () => {
    const info = apiInfo(
      parseFailureText(
        `msg="refresh failed" body="{\\"error\\":\\"invalid_grant\\",\\"errors\\":[{\\"errorCode\\":\\"OAU-213\\",\\"message\\":\\"Token not found\\"}]}"`,
      ),
    );
    assert.equal(info.code, 'OAU-213');
  });

  it('a Python dict and a PHP print_r', () => {
    const py = apiInfo(
      parseFailureText(
        "{'error': 'invalid_grant', 'error_description': 'Token not found', 'errors': [{'errorCode': 'OAU-213', 'message': 'Token not found'}]}",
      ),
    );
    assert.equal(py.code, 'OAU-213');
    assert.equal(py.error, 'invalid_grant');
    const php = apiInfo(
      parseFailureText(
        'Array\n(\n    [error] => invalid_client\n    [errors] => Array\n        (\n            [0] => Array\n                (\n                    [errorCode] => OAU-146\n                    [message] => Invalid client credentials\n                )\n        )\n)',
      ),
    );
    assert.equal(php.code, 'OAU-146');
    assert.equal(php.error, 'invalid_client');
  });

  it('truncated JSON', () => {
    const info = apiInfo(
      parseFailureText('{"error":"invalid_grant","errors":[{"errorCode":"OAU-210","message":"Token exp'),
    );
    assert.equal(info.code, 'OAU-210');
    assert.equal(diagnose({ kind: 'api', info }).id, 'refresh-token-expired');
  });

  it('a log line with a code and its message', () => {
    const info = apiInfo(parseFailureText('2025-01-02 token exchange failed: OAU-109 Redirect URIs do not match'));
    assert.equal(info.code, 'OAU-109');
    assert.equal(info.message, 'Redirect URIs do not match');
  });

  it('bare codes, any case', () => {
    assert.equal(apiInfo(parseFailureText('OAU-113')).code, 'OAU-113');
    assert.equal(apiInfo(parseFailureText('cmn-401')).code, 'CMN-401');
    assert.equal(apiInfo(parseFailureText('tokeninvalid')).code, 'TokenInvalid');
    assert.equal(apiInfo(parseFailureText(' OAU-999 ')).code, 'OAU-999');
  });

  it('bare OAuth errors', () => {
    assert.deepEqual(parseFailureText('invalid_grant'), { kind: 'api', info: { error: 'invalid_grant' } });
    assert.deepEqual(parseFailureText('access_denied'), { kind: 'callback', error: 'access_denied' });
    assert.equal(diagnose(parseFailureText('unauthorized_client') as Failure).id, 'grant-type-not-enabled');
  });

  it('a known message alone', () => {
    const f = parseFailureText('No redirect uri is registered for the client');
    assert.equal(diagnose(f as Failure).id, 'redirect-uri-not-registered');
  });

  it('Node network errors', () => {
    const cases: Array<[string, string]> = [
      ['connect ECONNREFUSED 127.0.0.1:443', 'ECONNREFUSED'],
      ['getaddrinfo ENOTFOUND platform.ringcental.com', 'ENOTFOUND'],
      ['Error: connect ETIMEDOUT 199.255.120.128:443', 'TIMEOUT'],
      ['ETIMEDOUT', 'TIMEOUT'],
      ['self-signed certificate in certificate chain', 'TLS'],
      ['Error: unable to get local issuer certificate', 'TLS'],
      ['socket hang up', 'RESET'],
      ['read ECONNRESET', 'RESET'],
      ['tunneling socket could not be established, statusCode=407', 'PROXY'],
      ['TypeError: fetch failed', 'UNKNOWN'],
    ];
    for (const [text, code] of cases) {
      const f = parseFailureText(text);
      assert.ok(f && f.kind === 'transport', text);
      assert.equal(f.code, code, text);
    }
    assert.equal(
      diagnose(parseFailureText('connect ECONNREFUSED 127.0.0.1:443') as Failure).id,
      'emulator-not-running',
    );
    const nf = parseFailureText(
      'request to https://platform.ringcental.com/restapi/oauth/token failed, reason: getaddrinfo ENOTFOUND platform.ringcental.com',
    );
    assert.ok(nf && nf.kind === 'transport');
    assert.equal(nf.url, 'https://platform.ringcental.com/restapi/oauth/token');
    assert.equal(diagnose(nf).id, 'host-not-found');
  });

  it('a bare status', () => {
    const f = parseFailureText(
      'requests.exceptions.HTTPError: 502 Server Error: Bad Gateway for url: https://platform.ringcentral.com/restapi/oauth/token',
    );
    assert.ok(f && f.kind === 'http');
    assert.equal(f.status, 502);
  });

  it('nothing recognisable', () => {
    for (const text of [
      '',
      '   \n\t',
      'hello world',
      'the weather is nice',
      '{}',
      '{"access_token":"abc","expires_in":3600}',
      '12345',
    ]) {
      assert.equal(parseFailureText(text), undefined, JSON.stringify(text));
    }
  });

  it('never throws (fuzz)', () => {
    let seed = 42;
    const rand = () => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed / 0x7fffffff;
    };
    const alphabet =
      '{}[]":,\\\'=&?#<>/ \n\r\tHTTP/1.1 429OAU-CMN-errorerror_descriptionRetry-After:ECONNREFUSED\u0000\u00ff\ud83d';
    const seeds = [
      OAU_113_BODY,
      'HTTP/1.1 429 Too Many Requests\r\nRetry-After: 5\r\n\r\n{"errorCode":"CMN-301"}',
      'https://x/cb?error=access_denied&error_description=%E0%A4%A',
      "{'error': 'invalid_grant', 'errors': [{'errorCode': 'OAU-213'}]}",
    ];
    const inputs: string[] = [];
    for (const s of seeds) {
      for (let i = 0; i <= s.length; i++) {
        inputs.push(s.slice(0, i));
      }
    }
    for (let n = 0; n < 1500; n++) {
      const len = Math.floor(rand() * 200);
      let s = '';
      for (let i = 0; i < len; i++) {
        s += alphabet[Math.floor(rand() * alphabet.length)];
      }
      inputs.push(s);
    }
    inputs.push(
      '{'.repeat(5000),
      '"'.repeat(5000),
      'HTTP/1.1 '.repeat(1000),
      'error='.repeat(1000),
      'x'.repeat(300_000),
    );
    for (const input of inputs) {
      let f: Failure | undefined;
      assert.doesNotThrow(
        () => {
          f = parseFailureText(input);
        },
        JSON.stringify(input.slice(0, 80)),
      );
      if (f) {
        const d = diagnose(f);
        assert.deepEqual(JSON.parse(JSON.stringify(d)), d);
      }
    }
    assert.equal(parseFailureText(undefined as unknown as string), undefined);
    assert.equal(parseFailureText(42 as unknown as string), undefined);
  });
});
