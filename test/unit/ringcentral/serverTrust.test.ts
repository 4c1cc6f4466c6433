// The trust policy for ringcentral.server (issue 7 item 1): who is trusted by rule, who must be confirmed.
import * as assert from 'node:assert/strict';
import { checkCallbackIssuer, issuerMatches } from '../../../src/core/oauth/issuer';
import { classifyServer, describeServer, RINGCENTRAL_API_HOSTS } from '../../../src/core/ringcentral/serverTrust';
import { KNOWN_SERVERS } from '../../../src/core/ringcentral/serverUrl';
import { scriptedServerTrust } from '../../fakes/serverTrust';
import { IssuerMismatchError, UntrustedServerError } from '../../../src/core/errors';

describe('classifyServer', () => {
  it('RingCentral: the three API hosts, https on the default port, in any letter case', () => {
    for (const server of [
      'https://platform.ringcentral.com',
      'https://platform.ringcentral.biz',
      'https://platform.devtest.ringcentral.com',
      'https://PLATFORM.RingCentral.com',
      'https://platform.ringcentral.com:443',
      'https://platform.ringcentral.com/',
    ]) {
      assert.equal(classifyServer(server).kind, 'ringcentral', server);
    }
    // Every server Configure App offers is trusted without a prompt.
    assert.deepEqual(
      KNOWN_SERVERS.map((server) => classifyServer(server.url).kind),
      KNOWN_SERVERS.map(() => 'ringcentral'),
    );
    assert.equal(RINGCENTRAL_API_HOSTS.length, 3);
  });

  it('loopback: the emulator on 127.0.0.1, localhost, [::1], any port, http or https', () => {
    for (const server of [
      'http://127.0.0.1:5000',
      'http://localhost:8080',
      'http://[::1]:3000',
      'https://127.0.0.1',
      'http://emulator.localhost:9000',
    ]) {
      assert.equal(classifyServer(server).kind, 'loopback', server);
    }
  });

  it('other: look-alikes, ports, plain http, user-info tricks, trailing dots, homographs, unparseable text', () => {
    const others: Array<[string, string]> = [
      ['https://platform.ringcentral.com.evil.example', 'platform.ringcentral.com.evil.example'],
      ['https://evil.example/platform.ringcentral.com', 'evil.example'],
      ['https://platform.ringcentral.com@evil.example', 'evil.example'],
      ['https://evilplatform.ringcentral.com', 'evilplatform.ringcentral.com'],
      ['https://api.ringcentral.com', 'api.ringcentral.com'],
      ['https://platform.ringcentral.com:8443', 'platform.ringcentral.com:8443'],
      ['http://platform.ringcentral.com', 'platform.ringcentral.com'],
      ['https://platform.ringcentral.com.', 'platform.ringcentral.com.'],
      ['https://platform.rіngcentral.com', 'platform.xn--rngcentral-x2i.com'], // Cyrillic і
      ['https://127.0.0.1.nip.io', '127.0.0.1.nip.io'],
      ['http://evil.localtest:8080', 'evil.localtest:8080'],
      ['not a url', 'not a url'],
    ];
    for (const [server, host] of others) {
      assert.deepEqual(classifyServer(server), { kind: 'other', host }, server);
    }
  });

  it('describes the server for titles and prompts', () => {
    assert.equal(describeServer('https://platform.ringcentral.com'), 'platform.ringcentral.com');
    assert.equal(describeServer('http://127.0.0.1:5000'), '127.0.0.1:5000 (local)');
    assert.equal(describeServer('https://proxy.example.com/rc'), 'proxy.example.com (not a RingCentral server)');
  });
});

describe('ServerTrust', () => {
  it('never asks for RingCentral or loopback', async () => {
    const { trust, asked } = scriptedServerTrust();
    await trust.ensureTrusted('https://platform.ringcentral.com', 'signIn');
    await trust.ensureTrusted('http://127.0.0.1:5000', 'clientSecret');
    assert.deepEqual(asked, []);
  });

  it('asks for any other host, naming it and what it is for; a yes is remembered for that host only', async () => {
    const { trust, asked, remembered } = scriptedServerTrust(() => true);
    assert.equal(await trust.isTrusted('https://proxy.example.com/rc'), false);
    await trust.ensureTrusted('https://proxy.example.com/rc', 'signIn');
    await trust.ensureTrusted('https://proxy.example.com/other-path', 'clientSecret');
    assert.deepEqual(asked, [{ server: 'https://proxy.example.com/rc', host: 'proxy.example.com', purpose: 'signIn' }]);
    assert.deepEqual([...remembered], ['proxy.example.com']);
    await trust.ensureTrusted('https://proxy.example.com:8443', 'signIn');
    assert.equal(asked.length, 2, 'another port is another host');
  });

  it('a no throws UntrustedServerError saying what to do, and is not remembered', async () => {
    const { trust, asked, remembered } = scriptedServerTrust(() => false);
    await assert.rejects(trust.ensureTrusted('https://evil.example', 'signIn'), (error: unknown) => {
      assert.ok(error instanceof UntrustedServerError);
      assert.equal(error.host, 'evil.example');
      assert.match(error.message, /Nothing was sent to evil\.example/);
      assert.match(error.message, /remove it from \.vscode\/settings\.json/);
      return true;
    });
    await assert.rejects(trust.ensureTrusted('https://evil.example', 'signIn'), UntrustedServerError);
    assert.equal(asked.length, 2);
    assert.equal(remembered.size, 0);
  });
});

describe('RFC 9207 issuer check', () => {
  it('accepts no iss (RingCentral sends none) and an iss naming the server', () => {
    checkCallbackIssuer(undefined, 'https://platform.ringcentral.com');
    assert.ok(issuerMatches('http://127.0.0.1:5000', 'http://127.0.0.1:5000'));
    assert.ok(issuerMatches('http://127.0.0.1:5000/', 'http://127.0.0.1:5000'));
    assert.ok(issuerMatches('https://proxy.example.com', 'https://proxy.example.com/rc'));
    // RingCentral's issuer identifier is undocumented: any https issuer on its own domains names RingCentral.
    assert.ok(issuerMatches('https://login.ringcentral.com', 'https://platform.ringcentral.com'));
  });

  it('refuses an iss naming another server, with an explanation', () => {
    for (const [issuer, server] of [
      ['https://platform.ringcentral.com', 'https://evil.example'],
      ['http://127.0.0.1:5001', 'http://127.0.0.1:5000'],
      ['https://ringcentral.com.evil.example', 'https://platform.ringcentral.com'],
      ['http://login.ringcentral.com', 'https://platform.ringcentral.com'],
      ['', 'https://platform.ringcentral.com'],
      ['not a url', 'https://platform.ringcentral.com'],
    ]) {
      assert.throws(
        () => checkCallbackIssuer(issuer, server),
        (error: unknown) => {
          assert.ok(error instanceof IssuerMismatchError, `${issuer} vs ${server}`);
          assert.match(error.message, /The code was not sent anywhere/);
          return true;
        },
      );
    }
  });
});
