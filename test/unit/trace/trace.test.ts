import * as assert from 'node:assert/strict';
import type { FetchLike } from '../../../src/core/ringcentral/http';
import { AttemptRecorder, FlowAttempt, traceRequest, traceResponse } from '../../../src/core/trace/trace';
import { exchange } from '../../../src/core/ringcentral/transport';
import { TransportError } from '../../../src/core/errors';

const CODE = 'U0pDMTFQMDFQQVMwMHxBQUNfY29kZV92YWx1ZQ';
const VERIFIER = 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk';
const ACCESS = 'U0pDMTFQMDFQQVMwMHxBQUJfYWNjZXNzX3Rva2VuX3ZhbHVl';
const REFRESH = 'U0pDMTFQMDFQQVMwMHxBQURfcmVmcmVzaF90b2tlbl92YWx1ZQ';
const BASIC = Buffer.from('demo-client-id:super-secret-value').toString('base64');

/** A clock that moves only when told to. */
function manualClock(start = 1_700_000_000_000) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

function headersOf(record: Record<string, string>) {
  return {
    get: (name: string) => record[name.toLowerCase()] ?? null,
    forEach: (callback: (value: string, name: string) => void) =>
      Object.entries(record).forEach(([name, value]) => callback(value, name)),
  };
}

describe('trace', () => {
  it('traceRequest masks URL, Authorization header and form body', () => {
    const traced = traceRequest({
      method: 'POST',
      url: `http://127.0.0.1:1/callback?code=${CODE}&state=s`,
      headers: { Authorization: `Basic ${BASIC}`, 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        code: CODE,
        code_verifier: VERIFIER,
        redirect_uri: 'vscode://x/cb',
      }).toString(),
    });
    const text = JSON.stringify(traced);
    for (const secret of [CODE, VERIFIER, BASIC]) assert.ok(!text.includes(secret), secret);
    assert.equal(traced.method, 'POST');
    assert.equal(traced.headers['Content-Type'], 'application/x-www-form-urlencoded');
    assert.ok(traced.headers.Authorization.startsWith('Basic '));
    const body = new URLSearchParams(traced.body);
    assert.equal(body.get('grant_type'), 'authorization_code');
    assert.equal(body.get('redirect_uri'), 'vscode://x/cb');
    assert.equal(new URL(traced.url).searchParams.get('state'), 's');
  });

  it('traceRequest leaves a GET without body without body', () => {
    assert.equal(traceRequest({ method: 'GET', url: 'https://x.test/a', headers: {} }).body, undefined);
  });

  it('traceResponse keeps only useful headers, masks Location and token fields', () => {
    const traced = traceResponse(
      302,
      {
        location: `vscode://x/callback?code=${CODE}&state=s`,
        'set-cookie': 'session=abcdef',
        'x-rate-limit-remaining': '4',
        'retry-after': '1',
        'content-type': 'application/json',
        via: 'proxy',
      },
      JSON.stringify({ access_token: ACCESS, refresh_token: REFRESH, expires_in: 3600 }),
    );
    assert.deepEqual(Object.keys(traced.headers).sort(), [
      'content-type',
      'location',
      'retry-after',
      'x-rate-limit-remaining',
    ]);
    assert.ok(!traced.headers.location.includes(CODE));
    assert.equal(new URL(traced.headers.location).searchParams.get('state'), 's');
    for (const secret of [ACCESS, REFRESH, CODE, 'abcdef']) assert.ok(!JSON.stringify(traced).includes(secret), secret);
    assert.equal((JSON.parse(traced.body) as { expires_in: number }).expires_in, 3600);
  });

  it('traceResponse truncates long bodies and says how much was cut', () => {
    const traced = traceResponse(502, {}, 'x'.repeat(4100));
    assert.equal(traced.body, `${'x'.repeat(4000)}… (100 more characters)`);
    assert.equal(traceResponse(200, {}, 'short').body, 'short');
  });

  describe('AttemptRecorder', () => {
    it('records steps with the injected clock and masks params', () => {
      const clock = manualClock();
      const changes: FlowAttempt[] = [];
      const recorder = new AttemptRecorder(
        'signIn',
        clock.now,
        { server: 'https://platform.ringcentral.com', clientId: 'cid' },
        (attempt) => changes.push(attempt),
      );
      assert.equal(recorder.attempt.kind, 'signIn');
      assert.equal(recorder.attempt.outcome, 'pending');
      assert.equal(recorder.attempt.startedAt, clock.now());
      assert.equal(recorder.attempt.server, 'https://platform.ringcentral.com');
      assert.equal(recorder.attempt.clientId, 'cid');
      assert.match(recorder.attempt.id, new RegExp(`^signIn-${clock.now().toString(36)}-[0-9a-z]+$`));

      clock.advance(250);
      const step = recorder.add({ title: 'Callback', ok: true, params: { code: CODE, state: 'st' } });
      assert.equal(step.at, clock.now());
      assert.deepEqual(step.params, { code: `${CODE.slice(0, 4)}…${CODE.slice(-3)}`, state: 'st' });
      assert.equal(recorder.add({ title: 'explicit time', ok: true, at: 5 }).at, 5);
      assert.equal(recorder.attempt.steps.length, 2);
      assert.equal(changes.length, 2);
      assert.ok(!JSON.stringify(recorder.attempt).includes(CODE));
    });

    it('diagnoses the last failed step only, and finishes with an outcome and end time', () => {
      const clock = manualClock();
      const recorder = new AttemptRecorder('refresh', clock.now, {});
      recorder.add({ title: 'first failure', ok: false });
      recorder.add({ title: 'second failure', ok: false });
      recorder.add({ title: 'success', ok: true });
      recorder.diagnoseLastFailure({ id: 'refresh-token-used', summary: 'used', causes: [], fixes: [] });
      assert.equal(recorder.attempt.steps[0].diagnosis, undefined);
      assert.equal(recorder.attempt.steps[1].diagnosis?.id, 'refresh-token-used');
      assert.equal(recorder.attempt.steps[2].diagnosis, undefined);
      clock.advance(1234);
      const finished = recorder.finish('failed');
      assert.equal(finished.outcome, 'failed');
      assert.equal(finished.endedAt, recorder.attempt.startedAt + 1234);
    });

    it('diagnoseLastFailure without failed steps does nothing', () => {
      let calls = 0;
      const recorder = new AttemptRecorder(
        'apiProbe',
        () => 1,
        {},
        () => calls++,
      );
      recorder.add({ title: 'ok', ok: true });
      recorder.diagnoseLastFailure({ id: 'x', summary: 'x', causes: [], fixes: [] });
      assert.equal(recorder.attempt.steps[0].diagnosis, undefined);
      assert.equal(calls, 1);
    });
  });

  describe('exchange (with a hand-written fetch)', () => {
    it('records a masked request and response step with its duration', async () => {
      const clock = manualClock();
      const fetch: FetchLike = async () => {
        clock.advance(42);
        return {
          status: 200,
          headers: headersOf({ 'content-type': 'application/json', 'x-other': '1' }),
          text: async () => JSON.stringify({ access_token: ACCESS }),
        };
      };
      const recorder = new AttemptRecorder('refresh', clock.now, {});
      const raw = await exchange(
        'http://127.0.0.1:1/restapi/oauth/token',
        {
          method: 'POST',
          headers: { Authorization: `Basic ${BASIC}` },
          body: `grant_type=refresh_token&refresh_token=${REFRESH}`,
        },
        { fetch, timeoutMs: 1000, clock: clock.now, recorder, title: 'Refresh' },
      );
      assert.equal(raw.status, 200);
      assert.equal(raw.durationMs, 42);
      assert.deepEqual(raw.headers, { 'content-type': 'application/json', 'x-other': '1' });
      assert.equal(JSON.parse(raw.body).access_token, ACCESS); // the caller gets the real body
      const [step] = recorder.attempt.steps;
      assert.equal(step.title, 'Refresh');
      assert.equal(step.ok, true);
      assert.equal(step.durationMs, 42);
      assert.equal(step.response?.status, 200);
      assert.deepEqual(Object.keys(step.response?.headers ?? {}), ['content-type']);
      const text = JSON.stringify(recorder.attempt);
      for (const secret of [ACCESS, REFRESH, BASIC]) assert.ok(!text.includes(secret), secret);
    });

    it('marks 4xx answers as failed steps', async () => {
      const fetch: FetchLike = async () => ({ status: 400, headers: headersOf({}), text: async () => '{}' });
      const recorder = new AttemptRecorder('refresh', Date.now, {});
      await exchange(
        'http://127.0.0.1:1/x',
        { method: 'GET', headers: {} },
        { fetch, timeoutMs: 1000, recorder, title: 't' },
      );
      assert.equal(recorder.attempt.steps[0].ok, false);
    });

    it('turns a fetch failure into a TransportError and a transport failure step without the query', async () => {
      const fetch: FetchLike = async () => {
        throw Object.assign(new TypeError('fetch failed'), {
          cause: Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), { code: 'ECONNREFUSED' }),
        });
      };
      const recorder = new AttemptRecorder('preflight', Date.now, {});
      const url = `http://127.0.0.1:9/restapi/oauth/authorize?code=${CODE}&state=s`;
      const error = await exchange(
        url,
        { method: 'GET', headers: {} },
        { fetch, timeoutMs: 1000, recorder, title: 'Pre-flight' },
      ).then(
        () => assert.fail('should reject'),
        (e: unknown) => e,
      );
      assert.ok(error instanceof TransportError);
      assert.equal(error.code, 'ECONNREFUSED');
      assert.match(
        error.message,
        /^GET http:\/\/127\.0\.0\.1:9\/restapi\/oauth\/authorize failed: fetch failed \(connect ECONNREFUSED 127\.0\.0\.1:9\)$/,
      );
      const [step] = recorder.attempt.steps;
      assert.equal(step.ok, false);
      assert.deepEqual(step.failure && { kind: step.failure.kind, code: (step.failure as { code: string }).code }, {
        kind: 'transport',
        code: 'ECONNREFUSED',
      });
      assert.ok(!JSON.stringify(recorder.attempt).includes(CODE));
    });

    it('aborts a fetch that does not answer within timeoutMs and reports TIMEOUT', async () => {
      const fetch: FetchLike = (_url, init) =>
        new Promise((_resolve, reject) => {
          init.signal?.addEventListener('abort', () =>
            reject(Object.assign(new Error('The operation was aborted.'), { name: 'AbortError' })),
          );
        });
      const started = Date.now();
      const error = await exchange(
        'http://127.0.0.1:9/x',
        { method: 'GET', headers: {} },
        { fetch, timeoutMs: 80, title: 't' },
      ).catch((e: unknown) => e);
      const elapsed = Date.now() - started;
      assert.ok(error instanceof TransportError);
      assert.equal(error.code, 'TIMEOUT');
      assert.match(error.message, /no answer within 80 ms/);
      assert.ok(elapsed >= 70 && elapsed < 1000, `elapsed ${elapsed}`);
    });
  });
});
