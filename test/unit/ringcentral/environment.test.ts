import * as assert from 'node:assert/strict';
import {
  checkEnvironment,
  checkJwtServer,
  sameServer,
  serverKey,
  serverNamedBy,
} from '../../../src/core/ringcentral/environment';
import { PARTNER, PRODUCTION, SANDBOX } from '../oauth/jwtSamples';

const CLIENT = 'X7rRPyGO3hObKJMxxi8iY0';

describe('environment checks before any request', () => {
  it('production alone: nothing to say', () => {
    assert.deepEqual(checkEnvironment({ server: PRODUCTION, clientId: CLIENT }), []);
    assert.deepEqual(checkEnvironment({ server: 'http://127.0.0.1:5000', clientId: CLIENT }), []);
  });

  it('the sandbox: a warning (not a block) that RingCentral is retiring it, with the way to production', () => {
    const [problem, ...rest] = checkEnvironment({ server: SANDBOX, clientId: CLIENT });
    assert.deepEqual(rest, []);
    assert.equal(problem.code, 'sandbox-retiring');
    assert.equal(problem.severity, 'warning');
    assert.match(problem.diagnosis.summary, /retiring the sandbox.*develop against production/);
    assert.match(problem.diagnosis.causes.join('\n'), /OAU-165/);
    assert.deepEqual(problem.diagnosis.fixes[0].action, { kind: 'openSettings', setting: 'ringcentral.server' });
    assert.equal(problem.diagnosis.checkedLocally, true);
  });

  it('the partner platform (.biz): explained as AT&T / Verizon, apps and credentials from there only', () => {
    const [problem] = checkEnvironment({ server: PARTNER, clientId: CLIENT });
    assert.equal(problem.code, 'partner-platform');
    assert.equal(problem.severity, 'info');
    assert.match(
      problem.diagnosis.summary,
      /AT&T \/ Verizon partner platform.*only apps, client ids and JWT credentials made on that platform/,
    );
  });

  it('a client id that only worked on production, used on the sandbox: OAU-153 "Invalid client" foretold', () => {
    const problems = checkEnvironment({
      server: SANDBOX,
      clientId: CLIENT,
      knownGood: [{ server: `${PRODUCTION}/`, clientId: CLIENT }],
    });
    assert.deepEqual(
      problems.map((p) => [p.code, p.severity]),
      [
        ['sandbox-retiring', 'warning'],
        ['client-id-from-other-environment', 'warning'],
      ],
    );
    const mix = problems[1].diagnosis;
    assert.equal(mix.code, 'OAU-153');
    assert.match(mix.summary, new RegExp(`${CLIENT} signed in on production before.*OAU-153 "Invalid client"`));
  });

  it('a sandbox client id used on production: OAU-165 "Sandbox client is not allowed" foretold', () => {
    const [mix] = checkEnvironment({
      server: PRODUCTION,
      clientId: CLIENT,
      knownGood: [{ server: SANDBOX, clientId: CLIENT }],
    });
    assert.equal(mix.code, 'client-id-from-other-environment');
    assert.equal(mix.diagnosis.code, 'OAU-165');
    assert.match(mix.diagnosis.summary, /Sandbox client is not allowed/);
  });

  it('no warning when the client id also worked here, or only elsewhere on a local emulator', () => {
    assert.deepEqual(
      checkEnvironment({
        server: PRODUCTION,
        clientId: CLIENT,
        knownGood: [
          { server: SANDBOX, clientId: CLIENT },
          { server: PRODUCTION, clientId: CLIENT },
        ],
      }),
      [],
    );
    assert.deepEqual(
      checkEnvironment({
        server: PRODUCTION,
        clientId: CLIENT,
        knownGood: [{ server: 'http://127.0.0.1:1', clientId: CLIENT }],
      }),
      [],
    );
    assert.deepEqual(
      checkEnvironment({ server: PRODUCTION, clientId: CLIENT, knownGood: [{ server: SANDBOX, clientId: 'other' }] }),
      [],
    );
  });

  it('a hostile known-good list is read only so far and never throws', () => {
    const junk = [
      null,
      1,
      { server: 7 },
      ...Array.from({ length: 10_000 }, () => ({ server: SANDBOX, clientId: 'x' })),
    ];
    const started = performance.now();
    assert.deepEqual(checkEnvironment({ server: PRODUCTION, clientId: CLIENT, knownGood: junk as never }), []);
    assert.ok(performance.now() - started < 200);
  });
});

describe('server keys and the servers a JWT names', () => {
  it('treats every loopback host as one, drops default ports and trailing slashes', () => {
    assert.equal(serverKey('http://localhost:5000/'), 'http://loopback:5000');
    assert.ok(sameServer('http://127.0.0.1:5000', 'http://[::1]:5000'));
    assert.ok(sameServer('https://Platform.RingCentral.com:443/', PRODUCTION));
    assert.ok(!sameServer('http://127.0.0.1:5000', 'http://127.0.0.1:5001'));
    assert.equal(serverKey('ftp://x'), undefined);
    assert.equal(serverKey('not a url'), undefined);
  });

  it('reads aud as the token endpoint or the bare origin', () => {
    assert.equal(serverNamedBy(`${PRODUCTION}/restapi/oauth/token`), PRODUCTION);
    assert.equal(serverNamedBy(`${PRODUCTION}/RESTAPI/OAUTH/TOKEN`), PRODUCTION);
    assert.equal(serverNamedBy(`${SANDBOX}/`), SANDBOX);
    assert.equal(serverNamedBy('client-id-123'), undefined);
  });

  it('checkJwtServer: a match, a sure mismatch (error) and an unconfirmed one (warning)', () => {
    assert.deepEqual(checkJwtServer(PRODUCTION, { audience: [`${PRODUCTION}/restapi/oauth/token`] }), {
      credentialServer: PRODUCTION,
      credentialEnvironment: 'production',
    });
    assert.equal(
      checkJwtServer(SANDBOX, { audience: [`${PRODUCTION}/restapi/oauth/token`] }).problem?.severity,
      'error',
    );
    assert.equal(checkJwtServer(PRODUCTION, { audience: [], issuer: SANDBOX }).problem?.code, 'jwt-wrong-server');
    assert.equal(checkJwtServer('https://proxy.example', { audience: [PRODUCTION] }).problem?.severity, 'warning');
    assert.equal(checkJwtServer(PRODUCTION, { audience: [] }).problem?.code, 'jwt-server-unconfirmed');
  });
});
