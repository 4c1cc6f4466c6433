import * as assert from 'node:assert/strict';
import { diagnose, knownCodes, knownIds } from '../../../src/core/diagnosis/diagnose';
import { developerConsoleUrl } from '../../../src/core/diagnosis/developerConsole';
import type { Diagnosis, DiagnosisContext, Failure, FixAction } from '../../../src/core/diagnosis/types';
import type { RingCentralErrorInfo } from '../../../src/core/ringcentral/ringcentralError';
import type { TransportErrorCode } from '../../../src/core/errors';
import { EXPECTED_ERRORS } from './expectedDiagnoses';

const api = (info: RingCentralErrorInfo): Failure => ({ kind: 'api', info });

function actions(d: Diagnosis): FixAction[] {
  return d.fixes.flatMap((f) => (f.action ? [f.action] : []));
}

describe('diagnose', () => {
  it('codes are matched case-insensitively and reported as RingCentral spells them', () => {
    assert.equal(diagnose(api({ code: 'oau-113' })).code, 'OAU-113');
    assert.equal(diagnose(api({ code: 'tokeninvalid' })).id, 'access-token-invalid');
  });

  it("an unknown code with a known error gets that error's entry, and keeps the code", () => {
    const d = diagnose(api({ code: 'OAU-999', error: 'invalid_grant', status: 400 }));
    assert.equal(d.id, 'oauth-invalid-grant');
    assert.equal(d.code, 'OAU-999');
  });

  it('a code beats error and message', () => {
    const d = diagnose(api({ code: 'OAU-146', error: 'invalid_grant', message: 'Token expired' }));
    assert.equal(d.id, 'client-secret-wrong');
  });

  it('matches by message alone, case-insensitively, longest message first', () => {
    assert.equal(
      diagnose(api({ message: 'NO REDIRECT URI IS REGISTERED FOR THE CLIENT' })).id,
      'redirect-uri-not-registered',
    );
    assert.equal(diagnose(api({ description: 'Access token expired.' })).id, 'access-token-expired');
    assert.equal(diagnose(api({ message: 'Token expired' })).id, 'refresh-token-expired');
    assert.equal(
      diagnose(api({ message: 'Invalid Authorization header value: xyz' })).id,
      'client-authentication-required',
    );
    assert.equal(diagnose(api({ message: 'Invalid Authorization header.' })).id, 'invalid-authorization-header');
  });

  it('a message that contradicts the error does not override the error', () => {
    // "Sandbox client is not allowed" carries no particular error, so it is trusted; OAU-146's text comes with invalid_client only.
    assert.equal(
      diagnose(api({ error: 'invalid_client', message: 'Sandbox client is not allowed' })).id,
      'sandbox-retired',
    );
    assert.equal(diagnose(api({ error: 'access_denied', message: 'Invalid client credentials' })).id, 'access-denied');
  });

  it('falls back to the HTTP status, then to unknown-error with the server message', () => {
    assert.equal(diagnose(api({ status: 429 })).id, 'rate-limited');
    assert.equal(diagnose(api({ status: 503, retryAfterSeconds: 12 })).retryAfterSeconds, 12);
    const d = diagnose(api({ code: 'XYZ-1', message: 'Something odd' }));
    assert.equal(d.id, 'unknown-error');
    assert.equal(d.serverMessage, 'Something odd');
    assert.equal(d.code, 'XYZ-1');
    assert.ok(d.fixes.some((f) => /trace/i.test(f.label)));
  });

  it('keeps the server message verbatim', () => {
    const d = diagnose(api({ code: 'OAU-153', message: 'Invalid client: abc123', error: 'invalid_client' }));
    assert.equal(d.serverMessage, 'Invalid client: abc123');
    assert.equal(d.id, 'client-id-unknown');
  });

  describe('OAU-113', () => {
    const ctx: DiagnosisContext = {
      phase: 'preflight',
      server: 'https://platform.ringcentral.com',
      clientId: 'abc',
      redirectMode: 'uriHandler',
      uriScheme: 'cursor',
      redirectUri: 'cursor://rcdevtools.ringcentral-oauth/callback',
    };

    it('offers the exact redirect URI and the Developer Console', () => {
      const d = diagnose(api({ code: 'OAU-113' }), ctx);
      const copy = actions(d).find((a) => a.kind === 'copyRedirectUri');
      assert.deepEqual(copy, { kind: 'copyRedirectUri', uri: 'cursor://rcdevtools.ringcentral-oauth/callback' });
      assert.deepEqual(
        actions(d).find((a) => a.kind === 'openDeveloperConsole'),
        { kind: 'openDeveloperConsole', url: 'https://developers.ringcentral.com/console/my-apps' },
      );
      assert.equal(d.fixes[0].action?.kind, 'copyRedirectUri');
      const all = d.causes.join('\n');
      assert.match(all, /OAuth Redirect URI/);
      assert.match(all, /Add additional redirect URI/);
      assert.match(all, /up to 10/);
      assert.match(all, /JWT|no UI/);
      assert.match(all, /cursor:\/\//);
      assert.match(all, /platform\.ringcentral\.com/);
    });

    it('suggests a fixed redirect mode on a dynamic host', () => {
      const d = diagnose(api({ code: 'OAU-113' }), { ...ctx, redirectUriIsDynamic: true });
      const modes = actions(d).filter((a) => a.kind === 'switchRedirectMode');
      assert.deepEqual(modes, [
        { kind: 'switchRedirectMode', mode: 'loopback' },
        { kind: 'switchRedirectMode', mode: 'paste' },
      ]);
      assert.ok(d.causes.some((c) => /remote or web host/.test(c)));
    });

    it('points the console action at the emulator on a loopback server', () => {
      const d = diagnose(api({ code: 'OAU-113' }), { server: 'http://127.0.0.1:8911/' });
      assert.deepEqual(
        actions(d).find((a) => a.kind === 'openDeveloperConsole'),
        {
          kind: 'openDeveloperConsole',
          url: 'http://127.0.0.1:8911/__console',
        },
      );
      assert.ok(!actions(d).some((a) => a.kind === 'copyRedirectUri'), 'no URI known, no copy action');
    });

    it('ranks the other-environment cause higher on sandbox', () => {
      const prod = diagnose(api({ code: 'OAU-113' }), { server: 'https://platform.ringcentral.com' });
      const sandbox = diagnose(api({ code: 'OAU-113' }), { server: 'https://platform.devtest.ringcentral.com' });
      const idx = (d: Diagnosis) => d.causes.findIndex((c) => /another environment/.test(c));
      assert.ok(idx(sandbox) < idx(prod));
    });
  });

  describe('OAU-109', () => {
    it('at authorize: the URI is not registered; at token: the two requests differ', () => {
      const authorize = diagnose(api({ code: 'OAU-109' }), {
        phase: 'authorize',
        redirectUri: 'http://127.0.0.1:53134/callback',
      });
      assert.match(authorize.causes[0], /not among the redirect URIs registered/);
      assert.match(authorize.causes[0], /127\.0\.0\.1:53134/);
      assert.ok(actions(authorize).some((a) => a.kind === 'checkRedirectUri'));
      assert.ok(actions(authorize).some((a) => a.kind === 'copyRedirectUri'));
      const token = diagnose(api({ code: 'OAU-109' }), { phase: 'token' });
      assert.match(token.causes[0], /token request/);
      assert.match(token.summary, /code exchange/);
    });
  });

  it('OAU-146 without a secret says first that the app needs one', () => {
    const without = diagnose(api({ code: 'OAU-146' }), { hasClientSecret: false });
    assert.match(without.causes[0], /No client secret is set/);
    assert.equal(without.fixes[0].action?.kind, 'setClientSecret');
    const withSecret = diagnose(api({ code: 'OAU-146' }), { hasClientSecret: true });
    assert.doesNotMatch(withSecret.causes[0], /No client secret is set/);
    assert.ok(withSecret.causes.some((c) => /sandbox/i.test(c)));
  });

  it('OAU-123 with a secret ranks a malformed secret first', () => {
    const d = diagnose(api({ code: 'OAU-123' }), { hasClientSecret: true });
    assert.match(d.causes[0], /malformed/);
    const none = diagnose(api({ code: 'OAU-123' }), { hasClientSecret: false });
    assert.match(none.causes[0], /confidential/);
    assert.equal(d.fixes[0].action?.kind, 'setClientSecret');
  });

  it('OAU-108 uses the code age', () => {
    const d = diagnose(api({ code: 'OAU-108' }), { codeAgeSeconds: 95 });
    assert.match(d.summary, /95 s/);
  });

  it('OAU-112 / 251 name the setting for the grant at hand', () => {
    const refresh = diagnose(api({ code: 'OAU-251' }), { phase: 'refresh', grantType: 'refresh_token' });
    assert.match(refresh.causes[0], /Issue refresh tokens\?/);
    const jwt = diagnose(api({ code: 'OAU-112' }), { grantType: 'urn:ietf:params:oauth:grant-type:jwt-bearer' });
    assert.match(jwt.causes[0], /JWT/);
  });

  it('OAU-213 explains rotation and the session limit', () => {
    const all = diagnose(api({ code: 'OAU-213' })).causes.join(' ');
    assert.match(all, /works once/);
    assert.match(all, /5 parallel sessions/);
    assert.match(diagnose(api({ code: 'OAU-210' })).causes.join(' '), /7 days/);
  });

  it('OAU-168 recommends JWT and mentions the end of the password grant', () => {
    const d = diagnose(api({ code: 'OAU-168' }));
    assert.match(d.causes.join(' '), /2024-03-31/);
    assert.match(d.fixes[0].label, /JWT/);
  });

  it('OAU-153 offers the client id setting', () => {
    const d = diagnose(api({ code: 'OAU-153' }), { server: 'https://platform.devtest.ringcentral.com', clientId: 'x' });
    assert.ok(actions(d).some((a) => a.kind === 'configureApp'));
    assert.ok(actions(d).some((a) => a.kind === 'openSettings' && a.setting === 'ringcentral.clientId'));
    assert.match(d.causes[0], /production/);
  });

  it('CMN-301 carries retryAfterSeconds, defaulting to 60', () => {
    const d = diagnose(api({ code: 'CMN-301', status: 429, retryAfterSeconds: 42 }));
    assert.equal(d.retryAfterSeconds, 42);
    assert.deepEqual(d.fixes[0].action, { kind: 'waitAndRetry', seconds: 42, then: 'signIn' });
    const duringRefresh = diagnose(api({ code: 'CMN-301', status: 429, retryAfterSeconds: 42 }), { phase: 'refresh' });
    assert.deepEqual(
      duringRefresh.fixes[0].action,
      { kind: 'waitAndRetry', seconds: 42, then: 'refreshToken' },
      'a rate-limited refresh retries the refresh',
    );
    const absent = diagnose(api({ code: 'CMN-302', status: 429 }));
    assert.equal(absent.retryAfterSeconds, 60);
    assert.match(diagnose(api({ code: 'CMN-301' }), { phase: 'token' }).causes[0], /5 requests per user per minute/);
  });

  it('CMN-401 carries the permission, from permissionName or the message', () => {
    const d = diagnose(
      api({
        code: 'CMN-401',
        topLevelCode: 'InsufficientPermissions',
        permissionName: 'ReadContacts',
        message: 'In order to call this API endpoint, application needs to have [ReadContacts] permission',
      }),
    );
    assert.equal(d.id, 'app-permission-missing');
    assert.equal(d.permission, 'ReadContacts');
    assert.deepEqual(d.fixes[0].action, { kind: 'checkPermissions', permission: 'ReadContacts' });
    assert.match(d.causes.join(' '), /sign in again/);
    const fromMessage = diagnose(
      api({
        code: 'InsufficientPermissions',
        message: 'In order to call this API endpoint, application needs to have [ReadCallLog] permission',
      }),
    );
    assert.equal(fromMessage.permission, 'ReadCallLog');
    const role = diagnose(api({ code: 'CMN-408', message: '[EditExtensions] permission required' }));
    assert.equal(role.permission, 'EditExtensions');
    assert.match(role.causes[0], /role/);
  });

  describe('transport and non-JSON HTTP', () => {
    const transport = (code: TransportErrorCode, message: string, url?: string): Failure => ({
      kind: 'transport',
      code,
      message,
      url,
    });

    it('ECONNREFUSED on loopback means the emulator is not running', () => {
      assert.equal(
        diagnose(transport('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:8911')).id,
        'emulator-not-running',
      );
      assert.equal(
        diagnose(transport('ECONNREFUSED', 'refused', 'http://localhost:8911/restapi/oauth/token')).id,
        'emulator-not-running',
      );
      assert.equal(
        diagnose(transport('ECONNREFUSED', 'refused'), { server: 'http://[::1]:8911' }).id,
        'emulator-not-running',
      );
      assert.equal(diagnose(transport('ECONNREFUSED', 'connect ECONNREFUSED 10.1.2.3:443')).id, 'connection-refused');
    });

    it('ENOTFOUND points at ringcentral.server and spots typos', () => {
      const d = diagnose(transport('ENOTFOUND', 'getaddrinfo ENOTFOUND platform.ringcental.com'));
      assert.equal(d.id, 'host-not-found');
      assert.equal(d.code, 'ENOTFOUND');
      assert.deepEqual(d.fixes[0].action, { kind: 'openSettings', setting: 'ringcentral.server' });
      assert.match(d.causes[0], /typo/);
      const real = diagnose(transport('ENOTFOUND', 'getaddrinfo ENOTFOUND platform.ringcentral.com'));
      assert.doesNotMatch(real.causes[0], /typo/);
    });

    it('TLS points at the proxy and certificate settings', () => {
      const d = diagnose(transport('TLS', 'self-signed certificate in certificate chain'));
      assert.equal(d.id, 'tls-certificate');
      assert.match(d.causes[0], /proxy/);
      const settings = actions(d).flatMap((a) => (a.kind === 'openSettings' ? [a.setting] : []));
      assert.ok(settings.includes('http.proxy'));
      assert.ok(settings.includes('http.systemCertificates'));
    });

    it('the other transport codes have entries', () => {
      assert.equal(diagnose(transport('TIMEOUT', 'ETIMEDOUT')).id, 'request-timeout');
      assert.equal(diagnose(transport('PROXY', 'tunneling socket could not be established')).id, 'proxy-error');
      assert.equal(diagnose(transport('RESET', 'socket hang up')).id, 'connection-reset');
      assert.equal(diagnose(transport('UNKNOWN', 'fetch failed')).id, 'network-error');
    });

    it('non-JSON HTTP answers', () => {
      const html =
        '<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body><h1>Bad Gateway</h1></body></html>';
      const page = diagnose({ kind: 'http', status: 502, contentType: 'text/html', body: html });
      assert.equal(page.id, 'proxy-error-page');
      assert.equal(page.serverMessage, '502 Bad Gateway');
      assert.equal(diagnose({ kind: 'http', status: 500, body: '' }).id, 'server-error');
      assert.equal(diagnose({ kind: 'http', status: 503, body: 'down' }).id, 'temporarily-unavailable');
      assert.equal(
        diagnose({ kind: 'http', status: 200, contentType: 'application/json', body: '{"access_tok' }).id,
        'malformed-json',
      );
      assert.equal(diagnose({ kind: 'http', status: 404, body: 'Not Found' }).id, 'server-url-not-found');
      assert.equal(diagnose({ kind: 'http', status: 415, body: '' }).id, 'unsupported-media-type');
      assert.equal(diagnose({ kind: 'http', status: 429, body: '' }).retryAfterSeconds, 60);
    });

    it('an http failure whose body is RingCentral JSON is read as such', () => {
      const d = diagnose({
        kind: 'http',
        status: 400,
        body: '{"error":"invalid_grant","errors":[{"errorCode":"OAU-213","message":"Token not found"}]}',
      });
      assert.equal(d.id, 'refresh-token-not-found');
      assert.equal(d.code, 'OAU-213');
    });
  });

  it('developerConsoleUrl', () => {
    assert.equal(developerConsoleUrl(), 'https://developers.ringcentral.com/console/my-apps');
    assert.equal(
      developerConsoleUrl('https://platform.ringcentral.biz', 'x'),
      'https://developers.ringcentral.com/console/my-apps',
    );
    assert.equal(developerConsoleUrl('http://localhost:8911'), 'http://localhost:8911/__console');
    assert.equal(developerConsoleUrl('not a url'), 'https://developers.ringcentral.com/console/my-apps');
  });

  it('every diagnosis is plain JSON with ranked, non-empty content', () => {
    const contexts: DiagnosisContext[] = [
      {},
      {
        phase: 'token',
        hasClientSecret: false,
        server: 'https://platform.devtest.ringcentral.com',
        redirectMode: 'paste',
        codeAgeSeconds: 70,
      },
      {
        phase: 'refresh',
        grantType: 'refresh_token',
        hasClientSecret: true,
        redirectUriIsDynamic: true,
        redirectMode: 'uriHandler',
        uriScheme: 'vscode-insiders',
        redirectUri: 'vscode-insiders://x/cb',
      },
      {
        phase: 'jwt',
        grantType: 'urn:ietf:params:oauth:grant-type:jwt-bearer',
        server: 'http://127.0.0.1:8911',
        clientId: '',
      },
      { phase: 'api', redirectMode: 'loopback' },
    ];
    const failures: Failure[] = [
      ...knownCodes().map((code) => api({ code, status: 400 })),
      ...Object.keys(EXPECTED_ERRORS).map((error): Failure => ({ kind: 'callback', error, description: 'x' })),
      ...(['ECONNREFUSED', 'ENOTFOUND', 'TIMEOUT', 'TLS', 'PROXY', 'RESET', 'UNKNOWN'] as TransportErrorCode[]).map(
        (code): Failure => ({ kind: 'transport', code, message: `${code} happened` }),
      ),
      ...[200, 302, 400, 401, 403, 404, 407, 408, 415, 429, 500, 502, 503, 504].map((status): Failure => ({
        kind: 'http',
        status,
        body: '<html>x</html>',
      })),
      api({}),
      { kind: 'callback', error: '' },
    ];
    const ids = new Set(knownIds());
    for (const context of contexts) {
      for (const failure of failures) {
        const d = diagnose(failure, context);
        assert.deepEqual(JSON.parse(JSON.stringify(d)), d, `${d.id} does not round-trip`);
        assert.ok(ids.has(d.id), `${d.id} is not a known id`);
        assert.ok(d.summary.length > 0 && !d.summary.includes('undefined'), `${d.id} summary: ${d.summary}`);
        assert.ok(d.causes.length > 0, `${d.id} has no causes`);
        assert.ok(d.fixes.length > 0, `${d.id} has no fixes`);
        for (const text of [d.summary, ...d.causes, ...d.fixes.flatMap((f) => [f.label, f.detail ?? ''])]) {
          assert.doesNotMatch(
            text,
            /(?<!limits )undefined|\[object|<\/?(?:a|b|i|p|br|div|span|code|strong|em)\b[^>]*>|\*\*/,
            `${d.id}: ${text}`,
          );
        }
        assert.equal(new Set(d.causes).size, d.causes.length, `${d.id} repeats a cause`);
      }
    }
  });
});
