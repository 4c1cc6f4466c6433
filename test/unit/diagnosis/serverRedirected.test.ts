// A redirect where RingCentral never redirects (token, revoke, API) is explained as a wrong server URL.
import * as assert from 'node:assert/strict';
import { diagnose } from '../../../src/core/diagnosis/diagnose';
import { parseFailureText } from '../../../src/core/diagnosis/parseFailureText';

describe('diagnosis: server-redirected', () => {
  it('a pasted 307 response names the redirect target and points at ringcentral.server', () => {
    const failure = parseFailureText(
      'HTTP/1.1 307 Temporary Redirect\r\nLocation: https://evil.example/restapi/oauth/token\r\nContent-Length: 0\r\n\r\n',
    );
    assert.deepEqual(failure, {
      kind: 'http',
      status: 307,
      contentType: undefined,
      body: '',
      location: 'https://evil.example/restapi/oauth/token',
    });
    const diagnosis = diagnose(failure, { server: 'https://platfrom.ringcentral.com', phase: 'refresh' });
    assert.equal(diagnosis.id, 'server-redirected');
    assert.match(diagnosis.summary, /redirect \(HTTP 307\) to evil\.example/);
    assert.deepEqual(diagnosis.fixes[0].action, { kind: 'openSettings', setting: 'ringcentral.server' });
  });

  it('a 301 without a Location is still a redirect, not "unexpected response"', () => {
    const diagnosis = diagnose(
      { kind: 'http', status: 301, body: '<html>Moved</html>', contentType: 'text/html' },
      { server: 'http://example.com' },
    );
    assert.equal(diagnosis.id, 'server-redirected');
  });
});
