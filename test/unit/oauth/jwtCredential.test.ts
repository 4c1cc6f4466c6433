import * as assert from 'node:assert/strict';
import {
  checkJwtCredential,
  jwtCredentialFacts,
  type JwtCheckedCredential,
  type JwtCredentialCheck,
  type JwtRefusedCredential,
} from '../../../src/core/oauth/jwtCredential';
import { MAX_PASTE_LENGTH } from '../../../src/core/oauth/pastedCredential';
import {
  fakeSignature,
  jwt,
  NOW,
  NOW_S,
  PARTNER,
  PRODUCTION,
  rcClaims,
  rcHeader,
  regionToken,
  SANDBOX,
} from './jwtSamples';

function accepted(check: JwtCredentialCheck): JwtCheckedCredential {
  if (!check.ok) assert.fail(`expected ok, got ${check.problem.code}: ${check.problem.diagnosis.summary}`);
  return check;
}

function refused(check: JwtCredentialCheck): JwtRefusedCredential {
  if (check.ok) assert.fail(`expected a refusal, got ok with ${check.warnings.map((w) => w.code).join(', ')}`);
  return check;
}

const onProduction = (paste: string) => checkJwtCredential(paste, { server: PRODUCTION, now: NOW });

describe('checkJwtCredential', () => {
  describe('a credential as the Developer Console makes it', () => {
    it('is accepted with its claims, the server it names and "no expiry", and nothing to warn about', () => {
      const credential = jwt();
      const check = accepted(onProduction(credential));
      assert.equal(check.credential, credential);
      assert.equal(check.algorithm, 'RS256');
      assert.deepEqual(check.audience, [`${PRODUCTION}/restapi/oauth/token`]);
      assert.equal(check.issuer, PRODUCTION);
      assert.equal(check.subject, '400123456789');
      assert.equal(check.credentialServer, PRODUCTION);
      assert.equal(check.credentialEnvironment, 'production');
      assert.equal(check.neverExpires, true);
      assert.equal(check.expiresAt, (NOW_S - 30 * 86_400 + 2_147_483_647) * 1000);
      assert.equal(check.issuedAt, (NOW_S - 30 * 86_400) * 1000);
      assert.equal(check.claims.jti, 'AbCdEfGhIjKlMnOpQrStUv');
      assert.deepEqual(check.warnings, []);
    });

    it('accepts the bare origin as aud, a trailing slash on the server, and checks without a server at all', () => {
      accepted(onProduction(jwt(rcHeader(), rcClaims(PRODUCTION, { aud: PRODUCTION }))));
      accepted(checkJwtCredential(jwt(), { server: `${PRODUCTION}/`, now: NOW }));
      const noServer = accepted(checkJwtCredential(jwt(rcHeader(), rcClaims(SANDBOX)), { now: NOW }));
      assert.equal(noServer.credentialServer, SANDBOX);
      assert.equal(noServer.credentialEnvironment, 'sandbox');
    });

    it('an aud list counts when any entry names the server', () => {
      const claims = rcClaims(PRODUCTION, { aud: ['https://example.com', `${PRODUCTION}/restapi/oauth/token`] });
      accepted(onProduction(jwt(rcHeader(), claims)));
    });
  });

  describe('pastes are cleaned, and the cleaned value is what gets sent', () => {
    const credential = jwt();
    const shapes: Array<[string, string]> = [
      ['.env with double quotes', `RC_JWT="${credential}"`],
      ['shell export with single quotes', `export RINGCENTRAL_JWT='${credential}'`],
      ['JSON property with a trailing comma', `  "jwt": "${credential}",`],
      ['YAML', `jwt: ${credential}`],
      ['quotes and a newline', `"${credential}"\n`],
      ['PHP define-ish value with semicolon', `'${credential}';`],
      ['wrapped at 64 columns', credential.replace(/(.{64})/g, '$1\n')],
      [
        'a .env file with other lines',
        `RC_CLIENT_ID=abcdefghijklmnopqrstuv\nRC_CLIENT_SECRET=${'s'.repeat(44)}\nRC_JWT=${credential}\n`,
      ],
      ['Bearer in front', `Bearer ${credential}`],
      ['an opening quote without its closing one', `"${credential}`],
    ];
    for (const [name, paste] of shapes) {
      it(name, () => {
        const check = accepted(onProduction(paste));
        assert.equal(check.credential, credential);
        const cleaned = check.warnings.find((w) => w.code === 'jwt-paste-cleaned');
        assert.ok(cleaned, 'the user is told what was removed');
        assert.equal(cleaned.severity, 'info');
      });
    }

    it('a bare credential with surrounding spaces is taken as is, without a note', () => {
      assert.deepEqual(accepted(onProduction(`  ${credential}  `)).warnings, []);
    });
  });

  describe('not a JWT: says what it looks like instead', () => {
    const cases: Array<[string, string, string, RegExp]> = [
      ['an empty paste', '', 'jwt-empty', /Nothing was pasted/],
      ['only quotes and spaces', ' "" ', 'jwt-empty', /Nothing was pasted/],
      [
        'a 44-character client secret',
        'W1WXq78VB1zbGWcmejhO1H3i9Rayma6xCcFN3Pah6Tw0',
        'jwt-is-client-secret',
        /client secret/,
      ],
      ['a 22-character client id', 'X7rRPyGO3hObKJMxxi8iY0', 'jwt-is-client-id', /client id/],
      ['an access token (region prefix)', regionToken(), 'jwt-is-access-token', /access token/],
      [
        'a refresh token named so',
        `RC_REFRESH_TOKEN=${regionToken('IAD01P22PAS00')}`,
        'jwt-is-refresh-token',
        /refresh token/,
      ],
      [
        'a named client secret',
        `RINGCENTRAL_CLIENT_SECRET="${'a1'.repeat(20)}"`,
        'jwt-is-client-secret',
        /client secret/,
      ],
      ['a password', 'RC_PASSWORD=hunter2hunter2', 'jwt-is-password', /password/],
      ['a URL', 'https://example.com/where/my/jwt/is', 'jwt-is-url', /URL/],
      ['an e-mail address', 'ada.lovelace@example.com', 'jwt-not-a-jwt', /something else/],
    ];
    for (const [name, paste, code, summary] of cases) {
      it(name, () => {
        const check = refused(onProduction(paste));
        assert.equal(check.problem.code, code);
        assert.equal(check.problem.severity, 'error');
        assert.match(check.problem.diagnosis.summary, summary);
        assert.equal(check.problem.diagnosis.checkedLocally, true);
        assert.ok(check.problem.diagnosis.fixes.length > 0);
        if (paste.length > 8) {
          const cleanedValue = paste.replace(/^[A-Z_]+=/, '').replace(/"/g, '');
          assert.ok(!JSON.stringify(check).includes(cleanedValue), 'the paste is never quoted back');
        }
      });
    }

    it('an OpenID id_token is a JWT, but not a credential', () => {
      const idToken = jwt(rcHeader(), { aud: 'client-id-123', iss: PRODUCTION, sub: '1', nonce: 'n', iat: NOW_S });
      assert.equal(refused(onProduction(idToken)).problem.code, 'jwt-is-id-token');
    });
  });

  describe('a damaged JWT', () => {
    const [h, p, s] = jwt().split('.');
    const cases: Array<[string, string, string, RegExp]> = [
      ['two parts (cut off at the second dot)', `${h}.${p}`, 'jwt-malformed', /2 dot-separated parts/],
      ['five parts (encrypted)', `${h}.${p}.${s}.${s}.${s}`, 'jwt-malformed', /encrypted/],
      [
        'a character no JWT has',
        `${h}.${p}.${s.slice(0, 100)}+${s.slice(101)}`,
        'jwt-malformed',
        /characters a JWT never has/,
      ],
      ['a header that is not JSON', `eyJub3Q.${p}.${s}`, 'jwt-malformed', /header does not decode/],
      [
        'a payload that is not an object',
        `${h}.${Buffer.from('[1,2]').toString('base64url')}.${s}`,
        'jwt-malformed',
        /payload/,
      ],
      ['no signature', `${h}.${p}.`, 'jwt-incomplete', /no signature/],
    ];
    for (const [name, paste, code, cause] of cases) {
      it(name, () => {
        const check = refused(onProduction(paste));
        assert.equal(check.problem.code, code);
        assert.match(check.problem.diagnosis.causes.join('\n') + check.problem.diagnosis.summary, cause);
      });
    }

    it('a signature shorter than RS256 warns (perhaps cut off) but does not block', () => {
      const check = accepted(onProduction(jwt(rcHeader(), rcClaims(), fakeSignature(200))));
      assert.deepEqual(
        check.warnings.map((w) => [w.code, w.severity]),
        [['jwt-signature-short', 'warning']],
      );
    });
  });

  describe('signing algorithm (OAU-347)', () => {
    for (const alg of ['none', 'HS256', 'hs512']) {
      it(`${alg} is refused before sending, naming OAU-347`, () => {
        const check = refused(onProduction(jwt(rcHeader({ alg }), rcClaims(), alg === 'none' ? 'x' : fakeSignature())));
        assert.equal(check.problem.code, 'jwt-algorithm-refused');
        assert.equal(check.problem.diagnosis.code, 'OAU-347');
        assert.match(check.problem.diagnosis.summary, /RS256/);
      });
    }

    it('a header without alg is refused too', () => {
      const header = rcHeader();
      delete header.alg;
      assert.equal(refused(onProduction(jwt(header))).problem.code, 'jwt-algorithm-refused');
    });

    it('another asymmetric algorithm is unconfirmed: a warning, the request may go', () => {
      const check = accepted(onProduction(jwt(rcHeader({ alg: 'ES256' }))));
      assert.deepEqual(
        check.warnings.map((w) => [w.code, w.severity]),
        [['jwt-algorithm-unconfirmed', 'warning']],
      );
    });
  });

  describe('expiry', () => {
    it('an expired credential is refused, with the date in UTC, how long ago, and where to make a new one', () => {
      const exp = NOW_S - 3 * 86_400;
      const check = refused(onProduction(jwt(rcHeader(), rcClaims(PRODUCTION, { exp }))));
      assert.equal(check.problem.code, 'jwt-expired');
      assert.match(check.problem.diagnosis.summary, /expired on 2025-01-12 12:00 UTC \(3 days ago\)/);
      const fix = check.problem.diagnosis.fixes[0];
      assert.match(fix.label, /Create a new JWT credential \(no expiry/);
      assert.match(fix.detail ?? '', /Credentials → Create JWT/);
      assert.equal(fix.action?.kind, 'openDeveloperConsole');
      assert.equal(check.decoded?.expiresAt, exp * 1000);
    });

    it('one expiring within a week warns; one without exp never expires', () => {
      const soon = accepted(onProduction(jwt(rcHeader(), rcClaims(PRODUCTION, { exp: NOW_S + 2 * 86_400 }))));
      assert.deepEqual(
        soon.warnings.map((w) => w.code),
        ['jwt-expires-soon'],
      );
      assert.equal(soon.neverExpires, false);
      const claims = rcClaims();
      delete claims.exp;
      const never = accepted(onProduction(jwt(rcHeader(), claims)));
      assert.equal(never.neverExpires, true);
      assert.equal(never.expiresAt, undefined);
    });

    it('an nbf in the future warns (the clock may be behind)', () => {
      const check = accepted(onProduction(jwt(rcHeader(), rcClaims(PRODUCTION, { nbf: NOW_S + 3600 }))));
      assert.deepEqual(
        check.warnings.map((w) => w.code),
        ['jwt-not-yet-valid'],
      );
    });

    it('absurd numbers neither throw nor pass as dates', () => {
      for (const exp of [1e300, -1e300, 2 ** 53]) {
        const check = checkJwtCredential(jwt(rcHeader(), rcClaims(PRODUCTION, { exp })), {
          server: PRODUCTION,
          now: NOW,
        });
        assert.ok(check.ok || check.problem.code === 'jwt-expired', String(exp));
        JSON.stringify(check);
      }
    });
  });

  describe('the server it is for (aud / iss)', () => {
    it('a production credential on the sandbox, and the other way round, is refused before the request', () => {
      const prodOnSandbox = refused(checkJwtCredential(jwt(), { server: SANDBOX, now: NOW }));
      assert.equal(prodOnSandbox.problem.code, 'jwt-wrong-server');
      assert.match(prodOnSandbox.problem.diagnosis.summary, /for production .* not for the sandbox/);
      assert.match(prodOnSandbox.problem.diagnosis.causes.join('\n'), /OAU-153 .*OAU-165/);
      const sandboxOnProd = refused(onProduction(jwt(rcHeader(), rcClaims(SANDBOX))));
      assert.equal(sandboxOnProd.problem.code, 'jwt-wrong-server');
      assert.equal(sandboxOnProd.problem.diagnosis.fixes[0].label, `Use the credential's server (${SANDBOX})`);
      const partnerOnProd = refused(onProduction(jwt(rcHeader(), rcClaims(PARTNER))));
      assert.equal(partnerOnProd.problem.code, 'jwt-wrong-server');
    });

    it('an emulator credential: localhost and 127.0.0.1 are the same emulator; RingCentral does not know it', () => {
      const emulator = 'http://127.0.0.1:53111';
      const credential = jwt(rcHeader(), rcClaims(emulator));
      accepted(checkJwtCredential(credential, { server: 'http://localhost:53111', now: NOW }));
      assert.equal(refused(onProduction(credential)).problem.code, 'jwt-wrong-server');
      assert.equal(
        refused(checkJwtCredential(jwt(), { server: emulator, now: NOW })).problem.code,
        'jwt-wrong-server',
        'a real credential is never meant for the emulator',
      );
      const otherPort = accepted(checkJwtCredential(credential, { server: 'http://127.0.0.1:6000', now: NOW }));
      assert.deepEqual(
        otherPort.warnings.map((w) => w.code),
        ['jwt-server-unconfirmed'],
      );
    });

    it('unconfirmed cases warn and let the request go: a custom server (a proxy?), no aud, a foreign aud', () => {
      const proxy = accepted(checkJwtCredential(jwt(), { server: 'https://rc-proxy.example.com', now: NOW }));
      assert.deepEqual(
        proxy.warnings.map((w) => [w.code, w.severity]),
        [['jwt-server-unconfirmed', 'warning']],
      );
      assert.match(proxy.warnings[0].diagnosis.causes.join('\n'), /proxy/);
      const noAud = rcClaims();
      delete noAud.aud;
      delete noAud.iss;
      assert.deepEqual(
        accepted(onProduction(jwt(rcHeader(), noAud))).warnings.map((w) => w.code),
        ['jwt-server-unconfirmed'],
      );
      const foreign = accepted(onProduction(jwt(rcHeader(), rcClaims('https://auth.example.org'))));
      assert.deepEqual(
        foreign.warnings.map((w) => w.code),
        ['jwt-server-unconfirmed'],
      );
    });

    it('several problems: the error comes first, the rest stay listed', () => {
      const check = refused(
        checkJwtCredential(jwt(rcHeader({ alg: 'ES256' }), rcClaims(PRODUCTION, { exp: NOW_S - 60 })), {
          server: SANDBOX,
          now: NOW,
        }),
      );
      assert.equal(check.problem.severity, 'error');
      const codes = [check.problem, ...check.otherProblems].map((p) => p.code).sort();
      assert.deepEqual(codes, ['jwt-algorithm-unconfirmed', 'jwt-expired', 'jwt-wrong-server']);
      assert.deepEqual(
        [check.problem, ...check.otherProblems].map((p) => p.severity),
        ['error', 'error', 'warning'],
      );
    });
  });

  it('a paste over the cap is refused without being read', () => {
    const check = refused(onProduction('e'.repeat(MAX_PASTE_LENGTH + 1)));
    assert.equal(check.problem.code, 'jwt-too-long');
    assert.match(check.problem.diagnosis.summary, new RegExp(`${MAX_PASTE_LENGTH + 1} characters`));
  });

  it('never puts the credential into any explanation', () => {
    const credential = jwt(rcHeader(), rcClaims(PRODUCTION, { exp: NOW_S - 60 }));
    const check = checkJwtCredential(`RC_JWT="${credential}"`, { server: SANDBOX, now: NOW });
    const text = JSON.stringify(check.ok ? check.warnings : [check.problem, ...check.otherProblems]);
    for (const piece of credential.split('.')) assert.ok(!text.includes(piece));
  });

  it('jwtCredentialFacts: what OAU-140 / OAU-347 are explained with, never the credential', () => {
    assert.deepEqual(jwtCredentialFacts(onProduction(jwt()), NOW), { algorithm: 'RS256', audienceServer: PRODUCTION });
    const expired = onProduction(jwt(rcHeader(), rcClaims(SANDBOX, { exp: NOW_S - 10 })));
    assert.deepEqual(jwtCredentialFacts(expired, NOW), {
      algorithm: 'RS256',
      audienceServer: SANDBOX,
      expiresAt: (NOW_S - 10) * 1000,
      expired: true,
    });
    assert.deepEqual(jwtCredentialFacts(onProduction('not a jwt'), NOW), {});
  });
});
