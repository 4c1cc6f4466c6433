// "Copy as curl … with secrets": which secrets a recorded step needs, which the editor still holds, and the notes
// that say when a value put back is not the one the step sent. Steps are recorded through the real masking.
import * as assert from 'node:assert/strict';
import { copyStepAsCurl } from '../../../src/core/export/curl';
import { describeSecrets, planStepSecrets, secretKindsOf } from '../../../src/core/export/stepSecrets';
import { traceRequest, type TraceStep, type TracedRequest } from '../../../src/core/trace/trace';

const SERVER = 'https://platform.ringcentral.com';
const CLIENT_ID = 'crm-sync-client-id';
const SECRET = 'the-client-secret-0123456789';
const JWT = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxMDEifQ.c2lnbmF0dXJlLW9mLXRoZS1qd3Q';
const ACCESS = 'U0pDMTFQMDFQQVMwMHxBQUJfYWNjZXNzLXRva2VuLW9uZQ';
const REFRESH = 'U0pDMTFQMDFQQVMwMHxBQUJfcmVmcmVzaC10b2tlbi1vbmU';

const basic = (secret: string) => `Basic ${Buffer.from(`${CLIENT_ID}:${secret}`).toString('base64')}`;

function recorded(request: TracedRequest): TraceStep {
  return { at: 0, title: 'step', ok: true, request: traceRequest(request) };
}

const form = { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' };
const jwtStep = recorded({
  method: 'POST',
  url: `${SERVER}/restapi/oauth/token`,
  headers: { ...form, Authorization: basic(SECRET) },
  body: `grant_type=${encodeURIComponent('urn:ietf:params:oauth:grant-type:jwt-bearer')}&assertion=${JWT}`,
});
const whoAmIStep = recorded({
  method: 'GET',
  url: `${SERVER}/restapi/v1.0/account/~/extension/~`,
  headers: { Accept: 'application/json', Authorization: `Bearer ${ACCESS}` },
});
const refreshStep = recorded({
  method: 'POST',
  url: `${SERVER}/restapi/oauth/token`,
  headers: form,
  body: `grant_type=refresh_token&refresh_token=${REFRESH}&client_id=${CLIENT_ID}`,
});
const revokeStep = recorded({
  method: 'POST',
  url: `${SERVER}/restapi/oauth/revoke`,
  headers: form,
  body: `token=${ACCESS}&client_id=${CLIENT_ID}`,
});
const codeStep = recorded({
  method: 'POST',
  url: `${SERVER}/restapi/oauth/token`,
  headers: form,
  body: `grant_type=authorization_code&code=U0pDMTFQMDFQQVMwMHxjb2Rl&redirect_uri=${encodeURIComponent('http://127.0.0.1:53134/callback')}&client_id=${CLIENT_ID}&code_verifier=dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk`,
});

/** The secret kinds a masked copy of the step reads from the environment. */
function needed(step: TraceStep) {
  const masked = copyStepAsCurl(step, { shell: 'bash', clientId: CLIENT_ID });
  assert.ok(masked.ok);
  return secretKindsOf(masked.environmentVariables);
}

describe('export: the secrets of a step for "Copy as curl … with secrets"', () => {
  it('names the secrets each step carried (the client id is not one)', () => {
    assert.deepEqual(needed(jwtStep), ['clientSecret', 'jwt']);
    assert.deepEqual(needed(whoAmIStep), ['accessToken']);
    assert.deepEqual(needed(refreshStep), ['refreshToken']);
    assert.deepEqual(needed(revokeStep), ['accessToken']);
    assert.deepEqual(needed(codeStep).sort(), ['code', 'codeVerifier']);
    assert.deepEqual(secretKindsOf(['RINGCENTRAL_CLIENT_ID', 'RINGCENTRAL_JWT']), ['jwt']);
  });

  it('puts in the values held; the same ones as sent need no note, and the command then reads no variable', () => {
    const plan = planStepSecrets(jwtStep, needed(jwtStep), { clientId: CLIENT_ID, clientSecret: SECRET, jwt: JWT });
    assert.deepEqual(plan.supplied, { clientSecret: SECRET, jwt: JWT });
    assert.deepEqual(plan.missing, []);
    assert.deepEqual(plan.notes, []);
    const copied = copyStepAsCurl(jwtStep, { shell: 'bash', clientId: CLIENT_ID, secrets: plan.supplied });
    assert.ok(copied.ok);
    assert.deepEqual(copied.environmentVariables, []);
    assert.ok(copied.text.includes(`${CLIENT_ID}:${SECRET}`));
    assert.ok(copied.text.includes(`assertion=${JWT}`));
  });

  it('says when a value held now is not the one the step sent (changed secret, new credential, refreshed token)', () => {
    const changed = planStepSecrets(jwtStep, needed(jwtStep), {
      clientId: CLIENT_ID,
      clientSecret: 'another-client-secret-xyz',
      jwt: `${JWT}-renewed`,
    });
    assert.equal(changed.notes.length, 2, changed.notes.join('\n'));
    assert.match(changed.notes[0], /client secret saved now is not the one this step sent/);
    assert.match(changed.notes[1], /JWT credential saved now is not the one/);

    assert.deepEqual(planStepSecrets(whoAmIStep, ['accessToken'], { accessToken: ACCESS }).notes, []);
    const refreshed = planStepSecrets(whoAmIStep, ['accessToken'], { accessToken: `${ACCESS}-rotated-abc` });
    assert.match(refreshed.notes.join(' '), /current one, not the one this step sent: a refresh replaced it/);
  });

  it('warns that replaying a refresh uses up the refresh token, and a revoke ends the session', () => {
    const refresh = planStepSecrets(refreshStep, ['refreshToken'], { refreshToken: REFRESH });
    assert.match(refresh.notes.join(' '), /uses up the refresh token/);
    const revoke = planStepSecrets(revokeStep, ['accessToken'], { accessToken: ACCESS });
    assert.match(revoke.notes.join(' '), /revokes this editor’s session/);
    // Left as variables, neither is a risk to the session.
    assert.deepEqual(planStepSecrets(refreshStep, ['refreshToken'], {}).notes, []);
  });

  it('leaves a spent authorization code and the verifier as variables and says a replay gets OAU-106', () => {
    const plan = planStepSecrets(codeStep, needed(codeStep), { clientId: CLIENT_ID });
    assert.deepEqual(plan.supplied, {});
    assert.deepEqual(plan.missing.sort(), ['code', 'codeVerifier']);
    assert.match(plan.notes.join(' '), /works once.*OAU-106/);
  });

  it('keeps what the editor does not hold as variables', () => {
    const plan = planStepSecrets(jwtStep, needed(jwtStep), { clientId: CLIENT_ID, clientSecret: SECRET });
    assert.deepEqual(plan.supplied, { clientSecret: SECRET });
    assert.deepEqual(plan.missing, ['jwt']);
    const copied = copyStepAsCurl(jwtStep, { shell: 'bash', clientId: CLIENT_ID, secrets: plan.supplied });
    assert.ok(copied.ok);
    assert.deepEqual(copied.environmentVariables, ['RINGCENTRAL_JWT']);
  });

  it('lists secrets in words', () => {
    assert.equal(describeSecrets(['accessToken']), 'the access token');
    assert.equal(describeSecrets(['clientSecret', 'jwt']), 'the client secret and the JWT credential');
    assert.equal(
      describeSecrets(['clientSecret', 'accessToken', 'jwt']),
      'the client secret, the access token and the JWT credential',
    );
  });
});
