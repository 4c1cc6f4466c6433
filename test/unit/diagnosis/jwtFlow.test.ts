// The JWT flow gets the JWT flow's words: OAU-251 (the app's auth type, the credential's allowed apps), OAU-140 (the
// credential refused — with what the local decode saw first), OAU-347 (the signing algorithm).
import * as assert from 'node:assert/strict';
import { diagnose } from '../../../src/core/diagnosis/diagnose';
import type { DiagnosisContext, Failure } from '../../../src/core/diagnosis/types';
import { JWT_GRANT } from '../../../src/core/ringcentral/ringcentralClient';

const PRODUCTION = 'https://platform.ringcentral.com';
const JWT_CONTEXT: DiagnosisContext = { phase: 'jwt', grantType: JWT_GRANT, server: PRODUCTION, clientId: 'app-123' };

const oau = (code: string, error: string, message: string): Failure => ({
  kind: 'api',
  info: { status: 400, code, error, message, description: message },
});
const OAU_251 = oau('OAU-251', 'unauthorized_client', 'Unauthorized for this grant type');
const OAU_140 = oau('OAU-140', 'invalid_grant', 'Invalid resource owner credentials');
const OAU_347 = oau(
  'OAU-347',
  'invalid_grant',
  'An algorithm which is used for assertion signing is not supported for JWT Bearer grant type',
);

describe('diagnosis: the JWT flow', () => {
  it('OAU-251 in the JWT flow: choose "JWT auth flow" as the app\'s auth type, or the credential is for other apps', () => {
    const d = diagnose(OAU_251, JWT_CONTEXT);
    assert.equal(d.id, 'grant-type-not-enabled');
    assert.equal(d.summary, 'The app is not allowed to use the JWT grant.');
    assert.match(d.causes[0], /"JWT auth flow" must be the chosen auth type/);
    assert.ok(d.causes.some((c) => /restricted to other apps/.test(c)));
    assert.ok(d.causes.some((c) => /app-123/.test(c)));
    assert.equal(d.fixes[0].label, 'Choose "JWT auth flow" for the app');
    assert.equal(d.fixes[0].action?.kind, 'openDeveloperConsole');
    assert.ok(d.fixes.some((f) => f.label === "Check the credential's allowed apps"));
    assert.ok(!d.fixes.some((f) => f.label === 'Switch to JWT'), 'already using JWT');
  });

  it('OAU-251 on a refresh still says "Issue refresh tokens?" (the JWT words stay in the JWT flow)', () => {
    const d = diagnose(OAU_251, { phase: 'refresh', grantType: 'refresh_token' });
    assert.match(d.causes[0], /Issue refresh tokens\?/);
  });

  it('OAU-140 in the JWT flow: the credential, never the password, and no "Switch to JWT"', () => {
    const d = diagnose(OAU_140, JWT_CONTEXT);
    assert.equal(d.id, 'invalid-user-credentials');
    assert.match(d.summary, /refused the JWT credential/);
    assert.match(d.causes[0], /revoked or deleted/);
    assert.ok(d.causes.some((c) => /restricted to specific apps, and this app \(the client id app-123\)/.test(c)));
    assert.ok(!d.causes.some((c) => /Password grant/.test(c)));
    assert.equal(d.fixes[0].label, 'Create a new JWT credential');
    assert.ok(!d.fixes.some((f) => f.label === 'Switch to JWT'));
  });

  it('OAU-140 with the local decode: an expired credential, or one for another server, is the first cause', () => {
    const expired = diagnose(OAU_140, {
      ...JWT_CONTEXT,
      jwtCredential: { algorithm: 'RS256', expiresAt: Date.UTC(2024, 5, 1), expired: true },
    });
    assert.match(expired.causes[0], /expired on 2024-06-01 00:00 UTC/);
    const otherServer = diagnose(OAU_140, {
      ...JWT_CONTEXT,
      jwtCredential: { audienceServer: 'https://platform.devtest.ringcentral.com' },
    });
    assert.match(
      otherServer.causes[0],
      /made for https:\/\/platform\.devtest\.ringcentral\.com, but was sent to production/,
    );
  });

  it('OAU-140 with the password grant keeps the password words and recommends JWT', () => {
    const d = diagnose(OAU_140, { phase: 'token', grantType: 'password' });
    assert.match(d.causes[0], /Password grant: the username/);
    assert.equal(d.fixes[0].label, 'Switch to JWT');
  });

  it('OAU-347 names the algorithm the credential was signed with, when the local decode saw it', () => {
    const d = diagnose(OAU_347, { ...JWT_CONTEXT, jwtCredential: { algorithm: 'HS256' } });
    assert.equal(d.id, 'jwt-signing-algorithm-unsupported');
    assert.match(d.summary, /signed with "HS256".*RS256/);
    assert.match(diagnose(OAU_347).summary, /its own credentials use RS256/);
  });
});
