// Masking beyond top-level key names: nested parameters, camelCase keys, JSON inside text, a JSON string
// holding a form body, credentials in pasted curl, JWTs, and the exact values this extension sent.
import * as assert from 'node:assert/strict';
import { diagnose } from '../../../src/core/diagnosis/diagnose';
import { parseFailureText } from '../../../src/core/diagnosis/parseFailureText';
import type { FetchLike } from '../../../src/core/ringcentral/http';
import { maskJsonBody, maskSecretsInText } from '../../../src/core/trace/mask';
import { RingCentralClient } from '../../../src/core/ringcentral/ringcentralClient';
import { clearRegisteredSecrets, registerSecret } from '../../../src/core/trace/secretRegistry';
import { AttemptRecorder, traceResponse } from '../../../src/core/trace/trace';

const ACCESS = 'U0pDMTFQMDFQQVMwMHxBQUJfTVpYd2VlZXRfYWNjZXNzX3Rva2VuX3ZhbHVl';
const REFRESH = 'U0pDMTFQMDFQQVMwMHxBQURfcmVmcmVzaF90b2tlbl92YWx1ZV94eXo';
const VERIFIER = 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk';
const SECRET = 'my-very-secret-client-secret';
const JWT = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxMjM0NSJ9.c2lnbmF0dXJlLXZhbHVl';

function assertHidden(text: string, ...secrets: string[]): void {
  for (const secret of secrets)
    assert.ok(!text.includes(secret), `${secret.slice(0, 12)}… is visible in: ${text.slice(0, 400)}`);
}

describe('mask: deep and by value', () => {
  afterEach(() => clearRegisteredSecrets());

  it('masks nested parameters[].parameterValue named by parameterName', () => {
    const body = JSON.stringify({
      errorCode: 'OAU-213',
      message: 'Token not found',
      errors: [
        {
          errorCode: 'OAU-213',
          message: 'Token not found',
          parameters: [{ parameterName: 'refresh_token', parameterValue: REFRESH }],
        },
      ],
    });
    const masked = maskJsonBody(body);
    assertHidden(masked, REFRESH);
    const parsed = JSON.parse(masked) as {
      errorCode: string;
      errors: Array<{ errorCode: string; parameters: Array<{ parameterName: string }> }>;
    };
    assert.equal(parsed.errorCode, 'OAU-213', 'error codes stay readable');
    assert.equal(parsed.errors[0].parameters[0].parameterName, 'refresh_token');
  });

  it('masks camelCase and nested secret keys at any depth', () => {
    const body = JSON.stringify({
      session: { tokens: { accessToken: ACCESS, refreshToken: REFRESH }, clientSecret: SECRET, codeVerifier: VERIFIER },
      label: 'Jane',
    });
    const masked = maskJsonBody(body);
    assertHidden(masked, ACCESS, REFRESH, SECRET, VERIFIER);
    assert.match(masked, /"label":"Jane"/);
  });

  it('masks a JSON string that holds a form body', () => {
    const body = JSON.stringify({
      request: { body: `grant_type=refresh_token&refresh_token=${encodeURIComponent(REFRESH)}&client_id=abc` },
    });
    assertHidden(maskJsonBody(body), REFRESH);
  });

  it('masks JSON wrapped in text, also when escaped inside a log line', () => {
    const log = `2025-01-01 ERROR token call failed: {"tokens":{"accessToken":"${ACCESS}"},"errors":[{"parameterName":"code_verifier","parameterValue":"${VERIFIER}"}]} (retrying)`;
    assertHidden(maskSecretsInText(log), ACCESS, VERIFIER);
    const escaped = `body="{\\"refreshToken\\":\\"${REFRESH}\\"}"`;
    assertHidden(maskSecretsInText(escaped), REFRESH);
  });

  it('masks Bearer and Basic credentials in pasted curl, and keeps the words "Basic authentication"', () => {
    const basic = Buffer.from(`client-id:${SECRET}`).toString('base64');
    const curl = `curl -X POST https://platform.ringcentral.com/restapi/oauth/token -H 'Authorization: Basic ${basic}' -H "authorization: bearer ${ACCESS}" -d 'grant_type=refresh_token'`;
    const masked = maskSecretsInText(curl);
    assertHidden(masked, basic, ACCESS);
    assert.match(masked, /Basic \S+…/);
    assert.equal(maskSecretsInText('Basic authentication failed'), 'Basic authentication failed');
  });

  it('masks JWT-shaped values wherever they are', () => {
    assertHidden(maskSecretsInText(`assertion was ${JWT}.`), JWT);
    assertHidden(maskJsonBody(JSON.stringify({ note: `jwt ${JWT}` })), JWT);
  });

  it('redacts the exact values registered as sent, whatever the key or text around them', () => {
    registerSecret(ACCESS);
    registerSecret('short'); // too short to register: ordinary words must stay
    const text = `The server echoed x=${ACCESS} in {"weird":"${ACCESS}"}; a short word stays`;
    assertHidden(maskSecretsInText(text), ACCESS);
    assertHidden(maskJsonBody(JSON.stringify({ weird: ACCESS })), ACCESS);
    assert.match(maskSecretsInText('short word'), /short word/);
  });

  it("the Explain Error echo and its diagnosis hide a pasted curl session's credentials", () => {
    const pasted = `> POST /restapi/oauth/token HTTP/1.1\n> Authorization: Bearer ${ACCESS}\n< HTTP/1.1 400 Bad Request\n< Content-Type: application/json\n<\n{"error":"invalid_grant","error_description":"Token not found for Bearer ${ACCESS}","errors":[{"errorCode":"OAU-213","message":"Token not found"}]}`;
    assertHidden(maskSecretsInText(pasted), ACCESS);
    const failure = parseFailureText(pasted);
    assert.ok(failure);
    assertHidden(JSON.stringify(diagnose(failure)), ACCESS);
  });

  it('traces mask nested response bodies and failure text', () => {
    const response = traceResponse(
      400,
      { 'content-type': 'application/json' },
      JSON.stringify({ errors: [{ parameters: [{ parameterName: 'refresh_token', parameterValue: REFRESH }] }] }),
    );
    assertHidden(JSON.stringify(response), REFRESH);
    const recorder = new AttemptRecorder('refresh', () => 0, {});
    recorder.add({
      title: 'x',
      ok: false,
      note: `sent refresh_token=${REFRESH}`,
      failure: { kind: 'transport', code: 'UNKNOWN', message: `request with Bearer ${ACCESS} failed` },
    });
    assertHidden(JSON.stringify(recorder.attempt), REFRESH, ACCESS);
  });

  it('the client registers what it sends, so a server echoing it under any key is masked in errors and traces', async () => {
    const echo: FetchLike = async (_url, init) => {
      const sent = new URLSearchParams(init.body ?? '').get('refresh_token') ?? '';
      const body = JSON.stringify({
        errorCode: 'OAU-213',
        message: `Token not found: ${sent}`,
        weird: { deep: [sent] },
      });
      return { status: 400, headers: new Headers({ 'content-type': 'application/json' }), text: async () => body };
    };
    const client = new RingCentralClient({
      fetch: echo,
      server: 'http://127.0.0.1:1',
      clientId: 'c',
      clientSecret: SECRET,
      timeoutMs: 1000,
      retries: 0,
    });
    const recorder = new AttemptRecorder('refresh', () => 0, {});
    const error = await client.refresh(REFRESH, recorder).then(
      () => assert.fail('expected a rejection'),
      (e: unknown) => e as Error & { info?: { rawBody?: string } },
    );
    assertHidden(JSON.stringify({ message: error.message, info: error.info }), REFRESH);
    assertHidden(JSON.stringify(recorder.attempt), REFRESH, SECRET, Buffer.from(`c:${SECRET}`).toString('base64'));
  });
});
