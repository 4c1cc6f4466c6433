import * as assert from 'node:assert/strict';
import { checkServerUrl, isLoopbackHost, KNOWN_SERVERS, ServerCheck } from '../../../src/core/ringcentral/serverUrl';

function ok(check: ServerCheck): { url: string; isLoopback: boolean; warning?: string } {
  if (!check.ok) assert.fail(`expected ok, got: ${check.message}`);
  return check;
}

function refused(check: ServerCheck): string {
  if (check.ok) assert.fail(`expected a refusal, got ${check.url}`);
  return check.message;
}

describe('checkServerUrl', () => {
  it('refuses an API path pasted as the server (it would double /restapi/…) and says what to set', () => {
    for (const pasted of [
      'https://platform.ringcentral.com/restapi/oauth/token',
      'https://platform.ringcentral.com/restapi/v1.0',
      'https://platform.ringcentral.com/restapi',
    ]) {
      const check = checkServerUrl(pasted);
      assert.equal(check.ok, false, pasted);
      assert.match(check.ok ? '' : check.message, /use https:\/\/platform\.ringcentral\.com \(without \/restapi/);
    }
    assert.deepEqual(checkServerUrl('https://proxy.example.com/ringcentral/'), {
      ok: true,
      url: 'https://proxy.example.com/ringcentral',
      isLoopback: false,
      warning: undefined,
    });
  });

  it('accepts the known https servers as they are, without warning except the sandbox', () => {
    assert.deepEqual(checkServerUrl('https://platform.ringcentral.com'), {
      ok: true,
      url: 'https://platform.ringcentral.com',
      isLoopback: false,
      warning: undefined,
    });
    assert.deepEqual(ok(checkServerUrl('https://platform.ringcentral.biz')).url, 'https://platform.ringcentral.biz');
    const sandbox = ok(checkServerUrl('https://platform.devtest.ringcentral.com'));
    assert.match(sandbox.warning ?? '', /sandbox is being retired/i);
    assert.deepEqual(
      KNOWN_SERVERS.filter((server) => server.deprecated).map((server) => server.url),
      ['https://platform.devtest.ringcentral.com'],
    );
  });

  it('warns about the sandbox also when written with a trailing slash or in upper case', () => {
    assert.ok(ok(checkServerUrl('https://PLATFORM.devtest.ringcentral.com/')).warning);
  });

  it('trims whitespace and trailing slashes, and lower-cases the host', () => {
    assert.equal(ok(checkServerUrl('  https://platform.ringcentral.com/  ')).url, 'https://platform.ringcentral.com');
    assert.equal(ok(checkServerUrl('https://Platform.RingCentral.com//')).url, 'https://platform.ringcentral.com');
    assert.equal(
      ok(checkServerUrl('https://proxy.example.com/ringcentral/')).url,
      'https://proxy.example.com/ringcentral',
    );
  });

  it('keeps a non-default port and drops the default one', () => {
    assert.equal(ok(checkServerUrl('https://rc.example.com:8443')).url, 'https://rc.example.com:8443');
    assert.equal(ok(checkServerUrl('https://rc.example.com:443/')).url, 'https://rc.example.com');
  });

  it('allows plain http only on loopback hosts', () => {
    assert.deepEqual(ok(checkServerUrl('http://127.0.0.1:4567')), {
      ok: true,
      url: 'http://127.0.0.1:4567',
      isLoopback: true,
      warning: undefined,
    });
    assert.equal(ok(checkServerUrl('http://localhost:4567/')).url, 'http://localhost:4567');
    assert.equal(ok(checkServerUrl('http://[::1]:4567')).url, 'http://[::1]:4567');
    assert.equal(ok(checkServerUrl('http://127.0.0.2:4567')).isLoopback, true);
    for (const url of [
      'http://platform.ringcentral.com',
      'http://192.168.1.10:4567',
      'http://localhost.example.com',
      'http://10.0.0.1',
    ]) {
      const message = refused(checkServerUrl(url));
      assert.match(message, /Refusing plain http/, url);
      assert.match(message, /Use https:\/\//, url);
    }
  });

  it('marks https loopback as loopback too', () => {
    assert.equal(ok(checkServerUrl('https://localhost:8443')).isLoopback, true);
    assert.equal(ok(checkServerUrl('https://platform.ringcentral.com')).isLoopback, false);
  });

  it('refuses a query, a fragment or user info', () => {
    assert.match(refused(checkServerUrl('https://platform.ringcentral.com/?x=1')), /no query or fragment/);
    assert.match(refused(checkServerUrl('https://platform.ringcentral.com/#top')), /no query or fragment/);
    assert.match(refused(checkServerUrl('https://user:pass@platform.ringcentral.com')), /user name or password/);
    assert.match(refused(checkServerUrl('https://user@platform.ringcentral.com')), /user name or password/);
  });

  it('refuses other schemes', () => {
    assert.match(refused(checkServerUrl('ftp://platform.ringcentral.com')), /must be an https URL, not ftp:/);
    assert.match(refused(checkServerUrl('vscode://rcdevtools.ringcentral-oauth')), /must be an https URL/);
  });

  it('refuses empty and garbage input with a message that says what to do', () => {
    for (const input of [undefined, '', '   ']) {
      assert.match(refused(checkServerUrl(input)), /empty\. Set it to https:\/\/platform\.ringcentral\.com/);
    }
    for (const input of ['garbage', 'platform.ringcentral.com', 'https://', 'http//127.0.0.1']) {
      const message = refused(checkServerUrl(input));
      assert.match(message, /https:\/\/platform\.ringcentral\.com/, `${input}: ${message}`);
    }
  });

  it('isLoopbackHost knows the loopback names', () => {
    for (const host of ['127.0.0.1', 'localhost', 'LOCALHOST', '[::1]', '::1', '127.1.2.3'])
      assert.equal(isLoopbackHost(host), true, host);
    for (const host of ['128.0.0.1', 'localhost.evil.com', '127.0.0.1.evil.com', '0.0.0.0', 'example.com'])
      assert.equal(isLoopbackHost(host), false, host);
  });
});
